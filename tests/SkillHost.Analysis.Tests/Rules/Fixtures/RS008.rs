pub fn luminance(px: Rgb) -> u8 { // expect: RS008
    weighted_sum(px.r, px.g, px.b)
}

pub struct Meter {
    inner: Counter,
}

impl Meter {
    pub fn value(&self) -> u64 { // expect: RS008
        self.inner.load()
    }

    pub fn reset(&mut self) { // expect: RS008
        let now = clock::now();
        self.inner.store(0);
        self.last = now;
    }
}

pub fn through_never(px: Rgb) -> u8 { // expect: RS008
    kept_out_of_line(px.r)
}

#[inline(never)]
fn kept_out_of_line(a: u8) -> u8 {
    combine(a, a)
}

// OK
#[inline]
pub fn luminance_inline(px: Rgb) -> u8 {
    weighted_sum(px.r, px.g, px.b)
}

pub fn no_calls(a: u32, b: u32) -> u32 {
    a * 3 + b
}

fn private_helper(px: Rgb) -> u8 {
    weighted_sum(px.r, px.g, px.b)
}

pub(crate) fn crate_only(px: Rgb) -> u8 {
    weighted_sum(px.r, px.g, px.b)
}

pub fn generic<T: Into<u32>>(x: T) -> u32 {
    double(x.into())
}

pub fn impl_trait(x: impl Into<u32>) -> u32 {
    double(x.into())
}

pub fn long(x: u32) -> u32 {
    let a = step(x);
    let b = step(a);
    let c = step(b);
    let d = step(c);
    let e = step(d);
    let f = step(e);
    f
}

pub fn fails(code: u32) -> ! {
    panic!("failed with {}", code)
}

pub fn constructor(x: u32) -> Option<u32> {
    Some(x)
}

impl<T> Wrapper<T> {
    pub fn get(&self) -> &T {
        self.inner.get()
    }
}

impl Display for Meter {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write_value(f, self.inner.load())
    }
}

#[cold]
pub fn slow_path(x: u32) -> u32 {
    compute(x)
}

pub async fn fetch(url: &str) -> Vec<u8> {
    get(url).await
}

pub fn parent_id() -> u32 {
    unsafe { libc::getppid() as u32 }
}

pub fn only_v6(&self) -> io::Result<bool> {
    self.inner.only_v6()
}

pub fn create_new(&mut self, create_new: bool) -> &mut Self {
    self.inner.create_new(create_new);
    self
}

pub fn sleep_ms(ms: u32) {
    sleep(Duration::from_millis(ms as u64))
}

pub fn home_dir() -> Option<u32> {
    lookup_home()
}

pub fn label(&self) -> String {
    self.inner.to_string()
}

pub fn through_inline(px: Rgb) -> u8 {
    inline_sum(px.r, px.g)
}

#[inline]
fn inline_sum(a: u8, b: u8) -> u8 {
    combine(a, b)
}

pub fn through_leaf(m: &Meta) -> bool {
    m.kind().is_dir()
}

fn kind(&self) -> Kind {
    Kind { mode: self.mode }
}

fn is_dir(&self) -> bool {
    self.mode == 4
}

#[doc(hidden)]
pub fn hidden_for_tests(x: u32) -> u32 {
    compute(x)
}

pub fn wait_until(deadline: Instant) {
    imp::sleep_until(deadline)
}

pub fn many_branches(x: u32) -> u32 {
    let mut y = x;
    if y > 1 { y = compute(y); }
    if y > 2 { y = compute(y); }
    if y > 3 { y = compute(y); }
    if y > 4 { y = compute(y); }
    if y > 5 { y = compute(y); }
    y
}
