fn ok_before() { call(); }
fn broken( { let x = (1, [2; }
struct S { a: u8
fn after() ) {} ]
impl X for { fn m(&self) {} }
fn tail() { let s = "unterminated
