// The cases clippy documents for `redundant_clone` (its tests/ui/redundant_clone.rs), rewritten. Each line clippy flags
// carries `peer: redundant_clone`; a line clippy flags and we do not says why after `not ours:`, a line we flag and
// clippy does not says why after `ours:`.
use std::ffi::OsString;
use std::path::{Path, PathBuf};

fn just_built() {
    let _words = ["lorem", "ipsum"].join(" ").to_string(); // peer: redundant_clone // expect: RS003
    let _p = Path::new("/a/b/").join("c").to_owned(); // peer: redundant_clone // expect: RS003
    let _q = Path::new("/a/b/").join("c").to_path_buf(); // peer: redundant_clone // expect: RS003
    let _o = OsString::new().to_owned(); // peer: redundant_clone // expect: RS003
    let _r = OsString::new().to_os_string(); // peer: redundant_clone // expect: RS003
}

fn last_use() {
    let s = String::from("foo");
    let _a = s.clone(); // peer: redundant_clone // expect: RS003

    let s = String::from("foo");
    let _b = s.to_string(); // peer: redundant_clone // expect: RS003

    let s = String::from("foo");
    let _c = s.to_owned(); // peer: redundant_clone // expect: RS003

    let tup = (String::from("foo"),);
    let _t = tup.0.clone(); // peer: redundant_clone // expect: RS003
}

fn cannot_be_moved() {
    let tup_ref = &(String::from("foo"),);
    let _s = tup_ref.0.clone(); // a reference: the copy is needed

    {
        let x = String::new();
        let y = &x;
        let _x = x.clone(); // `y` still borrows `x`
        let _ = y.len();
    }

    let x = (String::new(),);
    let _ = Some(String::new()).unwrap_or_else(|| x.0.clone()); // a closure borrows `x`
}

#[derive(Clone)]
struct Alpha {
    name: String,
}

fn with_branch(a: Alpha, b: bool) -> (Alpha, Alpha) {
    if b { (a.clone(), a.clone()) } else { (Alpha { name: String::new() }, a) } // peer: redundant_clone // expect: RS003
}

fn cannot_double_move(a: Alpha) -> (Alpha, Alpha) {
    (a.clone(), a)
}

struct TypeWithDrop {
    x: String,
}

impl Drop for TypeWithDrop {
    fn drop(&mut self) {}
}

fn cannot_move_from_type_with_drop() -> String {
    let s = TypeWithDrop { x: String::new() };
    s.x.clone() // moving out of a type with Drop does not compile
}

fn choose() -> bool {
    true
}

fn borrower_propagation() {
    let s = String::new();
    let t = String::new();

    {
        let _u = if choose() { &s } else { &t };
        let _s = s.clone(); // `_u` may borrow `s`
        let _t = t.clone();
    }

    {
        let _u = || s.len();
        let _v = [&t; 32];
        let _s = s.clone();
        let _t = t.clone();
    }

    {
        let _u = {
            let u = Some(&s);
            let _ = s.clone();
            u
        };
        let _s = s.clone();
    }

    let _s = s.clone(); // peer: redundant_clone // expect: RS003
    let _t = t.clone(); // peer: redundant_clone // expect: RS003
}

#[derive(Clone)]
struct Foo {
    x: usize,
    label: String,
}

fn field_read_then_copied() {
    {
        let f = Foo { x: 123, label: String::new() };
        let _x = Some(f.x);
        let _f = f.clone(); // peer: redundant_clone // expect: RS003
    }

    {
        let f = Foo { x: 123, label: String::new() };
        let _x = &f.x;
        let _f = f.clone(); // `_x` borrows a field of `f`
        let _ = _x;
    }
}

fn not_consumed() {
    let x = PathBuf::from("home");
    let y = x.clone().join("matthias"); // peer: redundant_clone // expect: RS003
    println!("x: {:?}, y: {:?}", x, y);

    let mut s = String::new();
    s.clone().push_str("foo"); // changes the copy, not `s`
    s.push_str("bar");

    let t = Some(s);
    if let Some(x) = t.clone() {
        println!("{}", x);
    }
    if let Some(x) = t {
        println!("{}", x);
    }
}

fn clone_then_move_cloned() {
    fn take<F: Fn()>(_: &Alpha, _: F) {}
    let x = Alpha { name: String::new() };
    take(&x.clone(), move || { // peer: redundant_clone // expect: RS003
        let _ = &x;
    });
}

fn hashmap_neg() {
    use std::collections::HashMap;

    let p = PathBuf::from("/");
    let mut h: HashMap<&str, &str> = HashMap::new();
    h.insert("orig-p", p.to_str().unwrap());
    let mut q = p.clone(); // `h` still borrows `p`
    q.push("foo");
    println!("{:?} {}", h, q.display());
}

fn regression() {
    let a = String::new();
    let mut b = String::new();
    for _ in 1..10 {
        b = a.clone(); // every pass copies `a` again
    }
    let _ = b;
}

fn do_something(f: String) -> String {
    let g = f.clone(); // `f` is formatted afterwards
    format!("{} + {}", f, g)
}

fn fresh_in_each_pass(bytes: &[u8]) -> Option<Vec<Vec<u8>>> {
    let mut pipeline = Vec::new();
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            0 => {
                let algo = vec![];
                pipeline.push(algo.clone()); // peer: redundant_clone // expect: RS003
            }
            1 => {
                let algo = vec![];
                pipeline.push(algo.clone()); // peer: redundant_clone // expect: RS003
                return Some(pipeline);
            }
            _ => {}
        }
        index += 1;
    }
    None
}

fn loop_body(n: usize) -> Vec<String> {
    let mut out = Vec::new();
    for _ in 0..n {
        let s = String::new();
        out.push(s.clone()); // peer: redundant_clone // expect: RS003
    }
    out
}

fn shared(counter: std::rc::Rc<Vec<u8>>) -> std::rc::Rc<Vec<u8>> {
    counter.clone() // an `Rc` clone is a counter bump, not a copy
}
