// The cases clippy documents for `box_collection` and `boxed_local` (tests/ui/box_collection.rs, boxed_local.rs),
// rewritten. `peer:` marks a line clippy flags; `ours:` explains a line only we flag, `not ours:` one only clippy flags.
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap, HashSet, LinkedList, VecDeque};

fn test1(foo: Box<Vec<bool>>) {} // peer: box_collection // expect: RS005

fn test2(foo: Box<dyn Fn(Vec<u32>)>) {
    foo(vec![1, 2, 3])
}

fn test3(foo: Box<String>) {} // peer: box_collection // expect: RS005

fn test4(foo: Box<HashMap<String, String>>) {} // peer: box_collection // expect: RS005

fn test5(foo: Box<HashSet<i64>>) {} // peer: box_collection // expect: RS005

fn test6(foo: Box<VecDeque<i32>>) {} // peer: box_collection // expect: RS005

fn test7(foo: Box<LinkedList<i16>>) {} // peer: box_collection // expect: RS005

fn test8(foo: Box<BTreeMap<i8, String>>) {} // peer: box_collection // expect: RS005

fn test9(foo: Box<BTreeSet<u64>>) {} // peer: box_collection // expect: RS005

fn test10(foo: Box<BinaryHeap<u32>>) {} // peer: box_collection // expect: RS005

fn local_declaration() {
    let _: Box<Vec<bool>>; // ours: the same double allocation in a local (clippy only lints signatures) // expect: RS005
}

pub fn pub_test(foo: Box<Vec<bool>>) {} // ours: public API (clippy keeps exported signatures); still two allocations per value // expect: RS005

#[derive(Clone)]
struct A;

impl A {
    fn foo(&self) {}
}

trait Z {
    fn bar(&self);
}

impl Z for A {
    fn bar(&self) {}
}

fn take_box(x: &Box<A>) {}
fn take_ref(x: &A) {}

fn ok_box_trait(boxed_trait: &Box<dyn Z>) {
    let boxed_local = boxed_trait;
}

fn warn_arg(x: Box<A>) { // peer: boxed_local // expect: RS005
    x.foo();
}

fn warn_call() {
    let x = Box::new(A); // ours: a local allocated only to be used through the box // expect: RS005
    x.foo();
}

fn warn_pass() {
    let bz = Box::new(A);
    take_ref(&bz); // may need `&Box<A>`: we cannot tell the callee's parameter type
}

fn nowarn_return() -> Box<A> {
    Box::new(A)
}

fn nowarn_move() {
    let bx = Box::new(A);
    drop(bx)
}

fn nowarn_call() {
    let bx = Box::new(A);
    bx.clone();
}

fn nowarn_pass() {
    let bx = Box::new(A);
    take_box(&bx);
}

fn nowarn_match() {
    let x = Box::new(A);
    match x {
        y => drop(y),
    }
}

pub struct Peekable<I> {
    peeked: I,
}

pub fn new(_needs_name: Box<Peekable<u8>>) -> () {} // peer: boxed_local // not ours: an unused `_` parameter keeps a signature on purpose (Rust std's platform shims do this)

trait BoxedAction {
    fn do_sth(self: Box<Self>);
}

impl BoxedAction for u64 {
    fn do_sth(self: Box<Self>) {
        println!("{}", *self)
    }
}

trait MyTrait {
    fn do_sth(self);
}

impl<T> MyTrait for Box<T> {
    fn do_sth(self) {}
}

mod captures {
    use super::A;

    fn consume<T>(_: T) {}
    fn borrow<T>(_: &T) {}

    fn closure_consume(x: Box<A>) {
        let _ = move || {
            consume(x);
        };
    }

    fn closure_borrow(x: Box<A>) {
        let _ = || {
            borrow(&x);
        };
    }
}

pub extern "C" fn called_from_c(_c_pointer: Box<String>) -> () {} // an FFI signature: other languages decide it

mod default_impls {
    trait DefaultTraitImplTest {
        fn default_impl(self: Box<Self>) -> u32 {
            5
        }

        fn default_impl_x(self: Box<Self>, x: Box<u32>) -> u32 { // peer: boxed_local // expect: RS005
            4
        }
    }

    trait WarnTrait {
        fn foo(x: Box<u32>) {} // peer: boxed_local // expect: RS005
    }
}
