#![allow(dead_code)]
//! Items, attributes, visibility and parameters.
extern crate alloc as a;
use std::collections::{HashMap, hash_map::{self, Entry as E}};
pub use crate::inner::*;
use super::Thing;

/// Doc comments are not attributes.
#[inline]
pub fn free(mut x: Vec<u8>, (a, b): (u8, u8), f: impl Fn(u8, u16) -> u8) -> Result<HashMap<String, u8>, ()> where u8: Copy { Ok(HashMap::new()) }

pub(crate) async fn fetch() {}
pub(super) const fn konst() -> u8 { 1 }
pub(in crate::a) unsafe fn danger() {}
extern "C" fn callback(x: i32) -> i32 { x }
async unsafe fn both() {}

#[pyfunction]
#[pyo3(signature = (data, n = 1))]
fn py_entry(py: Python<'_>, data: Vec<u8>, name: String) -> PyResult<usize> { Ok(data.len()) }

#[repr(C)]
#[derive(Debug, Clone)]
pub struct Packed<'a, T: Clone> where T: Default {
    pub a: u8,
    pub(crate) b: u64,
    c: &'a [T],
    d: HashMap<String, Vec<u8>>,
}
struct Tuple(pub u8, Vec<u16>);
struct Unit;
#[repr(C)]
union U { i: u32, f: f32 }
enum Kind { A = 1, B(u8), C { x: u8 } }
pub unsafe trait Shape: Clone {
    fn area(&self) -> f64;
    fn scale(&mut self, k: f64) { self.w *= k; }
    fn boxed(self: Box<Self>) -> u8 { 0 }
}

#[pymethods]
impl<T: Clone> Packed<'_, T> {
    pub fn new() -> Self { todo!() }
    fn get<'b>(&'b self) -> &'b u8 { &self.a }
    fn consume(mut self) {}
}
unsafe impl Send for Unit {}
impl<T> fmt::Display for Tuple where T: Copy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { write!(f, "{}", self.0) }
}
impl !Sync for Kind {}

#[cfg(test)]
mod tests {
    #![allow(unused)]
    use super::*;
    #[test]
    fn it_works() { assert_eq!(2 + 2, 4); }
    #[tokio::main]
    async fn main() {}
}
mod outline;
macro_rules! square {
    ($x:expr) => { fn $x() { let v = Vec::new(); for i in 0..10 { v.push(i) } } };
}
static COUNTER: AtomicUsize = AtomicUsize::new(0);
const TABLE: [u8; 2] = make_table();
type Alias<T> = Vec<T>;
thread_local! { static LOCAL: RefCell<u8> = RefCell::new(0); }
fn after_macro() {}
