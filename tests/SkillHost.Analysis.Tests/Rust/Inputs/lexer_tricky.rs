#![allow(dead_code)]
//! Crate docs.
/// Outer doc.
/** Outer block doc. */
/*! Inner block doc. */
//// Not a doc comment.
/*** Not a doc either. */
/**/
/* outer /* nested */ still comment */
#[derive(Debug, Clone)]
struct r#type<'a> { r#fn: &'a str }

fn lifetimes<'a, 'b: 'a>(x: &'a str, _y: &'static str, _z: &'_ str) -> char {
    let quote = '\'';
    let smile = '\u{1F600}';
    let emoji = '😀';
    let byte = b'x';
    let nl = b'\n';
    'outer: loop { break 'outer; }
    let label_block = 'blk: { 1 };
    quote
}

fn strings() {
    let s = "esc \" \\ \n";
    let r = r"raw \n";
    let r1 = r#"has "quotes""#;
    let r3 = r###"a "## b"###;
    let bs = b"bytes";
    let brs = br#"raw "bytes""#;
    let cs = c"c string";
    let crs = cr#"raw c"#;
    let multi = "line one
line two";
}

fn numbers() {
    let a = 1u8 + 0xFFi64 + 1_000 + 0b1010 + 0o77 + 2usize;
    let f = 1e10f32 + 1. + 2.5E-3 + 3f64;
    let r = 1..2;
    let ri = 1..=2;
    let m = 1.foo();
    let t = tuple.0.1;
    let x = 1.max(2);
}

macro_rules! square { ($x:expr) => { $x * $x }; }

fn ops(a: i32, mut b: i32) -> bool {
    b <<= 1; b >>= 1; b += a; b -= 1; b *= 2; b /= 2; b %= 3; b ^= 1; b &= 7; b |= 8;
    let _ = a::b::c; let _ = |x| x; let _ = (a && b) || !c;
    let v: Vec<Vec<u8>> = vec![]; let _ = a >= b; let _ = a != b;
    let f = x? @ ~ $;
    match a { 1 ..= 3 => true, _ => false }
}
fn unicode_ident() { let café = 1; let 変数 = 2; }
