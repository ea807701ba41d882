struct Document {
    body: Box<String>, // expect: RS005
    pages: Option<Box<Vec<Page>>>, // expect: RS005
}

fn takes(lines: Box<Vec<String>>) -> usize { // expect: RS005
    lines.len()
}

fn extent(points: &[(f32, f32)]) -> Extent {
    let mut acc = Box::new(Extent::EMPTY); // expect: RS005
    for &(x, y) in points {
        acc.include(x, y);
    }
    *acc
}

fn counter(items: &[Item]) -> u64 {
    let total = Arc::new(Mutex::new(0u64)); // expect: RS005
    for item in items {
        *total.lock().unwrap() += item.size;
    }
    let n = *total.lock().unwrap();
    n
}

fn rc_local(v: Vec<u8>) -> usize {
    let data = Rc::new(v); // expect: RS005
    data.len() + data.iter().count()
}

fn area(shape: Box<Rect>) -> f32 { // expect: RS005
    shape.w * shape.h
}

// OK
// Rust std alloc/boxed.rs: `assume_init` is a method of the box itself, and consumes it.
fn into_vec<T, const N: usize>(b: Box<MaybeUninit<[T; N]>>) -> Vec<T> {
    unsafe { (b.assume_init() as Box<[T]>).into_vec() }
}

// A method this file does not show may take `self: Box<Self>` (Rust std sys/thread/unsupported.rs).
fn run_init(init: Box<ThreadInit>) {
    drop(init.init());
}

fn keep(node: Box<Node>, list: &mut Vec<Box<Node>>) {
    list.push(node);
}

impl Visitor for Printer {
    fn visit(&mut self, node: Box<Node>) {
        self.print(node.name());
    }
}
fn boxed_slice(v: Vec<u8>) -> Box<[u8]> {
    v.into_boxed_slice()
}

fn trait_object() -> Box<dyn Shape> {
    let s = Box::new(Circle::default());
    s
}

fn stored(node: &mut Node, child: Node) {
    let b = Box::new(child);
    node.children.push(b);
}

fn dyn_annotated() {
    let f: Box<dyn Fn(u32) -> u32> = Box::new(|x| x + 1);
    f(1);
}

fn big_array() -> usize {
    let buf = Box::new([0u8; 1 << 20]);
    buf.len()
}

fn shared(items: Vec<Item>) {
    let data = Arc::new(items);
    let worker = {
        let data = Arc::clone(&data);
        std::thread::spawn(move || data.len())
    };
    worker.join().unwrap();
}

fn cloned_arc(cfg: Config) -> (Arc<Config>, Arc<Config>) {
    let c = Arc::new(cfg);
    (c.clone(), c)
}

fn passed_on(v: Vec<u8>) {
    let data = Arc::new(v);
    register(&data);
}

fn returned() -> Box<Node> {
    let n = Box::new(Node::new());
    n
}

struct Tree {
    children: Vec<Box<Node>>,
    name: Box<str>,
}
