fn shipping_label(parcel: &Parcel) -> String {
    let recipient = parcel.recipient.clone(); // expect: RS003
    let postcode = parcel.postcode.clone(); // expect: RS003
    format!("{}, {}", recipient, postcode)
}

fn matching_tags(article: &Article, wanted: &HashSet<String>) -> usize {
    let tags = article.tags.clone(); // expect: RS003
    count_in(&tags, wanted)
}

fn inline_capture(user: &User) {
    let name = user.name.clone(); // expect: RS003
    println!("hello {name}");
}

fn compared(a: &Config, b: &Config) -> bool {
    let left = a.name.clone(); // expect: RS003
    left == b.name && left.len() > 3
}

fn on_the_spot(map: &HashMap<String, u32>, key: &Key) -> Option<&u32> {
    lookup(&key.name.clone()); // expect: RS003
    println!("{}", key.name.clone()) // expect: RS003
}

fn remember(events: &[Event], seen: &mut HashSet<String>) {
    for event in events {
        let path = event.path.to_string_lossy().to_string();
        seen.insert(path.clone()); // expect: RS003
    }
}

// OK
fn remember_and_log(events: &[Event], seen: &mut HashSet<String>) {
    for event in events {
        let path = event.path.to_string_lossy().to_string();
        seen.insert(path.clone());
        log(&path);
    }
}

struct ParseError {
    message: String,
}

// pydantic-core src/serializers/errors.rs: `to_string()` of a struct formats it (Display); it is not a copy.
fn message_of(error: ParseError) -> String {
    let s = error.to_string();
    s
}

fn copied_each_pass(events: &[Event], seen: &mut HashSet<String>, prefix: String) {
    for _ in events {
        seen.insert(prefix.clone());
    }
}
fn moved(parcel: &Parcel) -> Label {
    let recipient = parcel.recipient.clone();
    Label { recipient }
}

fn returned(parcel: &Parcel) -> String {
    let recipient = parcel.recipient.clone();
    recipient
}

fn passed_by_value(parcel: &Parcel) {
    let recipient = parcel.recipient.clone();
    send(recipient);
}

fn mutated(parcel: &Parcel) -> String {
    let mut recipient = parcel.recipient.clone();
    recipient.push_str("!");
    recipient
}

fn snapshot(state: &mut State) {
    let old = state.name.clone();
    state.name = next_name();
    println!("{} -> {}", old, state.name);
}

fn moved_into_thread(cfg: &Config) {
    let name = cfg.name.clone();
    std::thread::spawn(move || println!("{name}"));
}

fn refcell(cell: &RefCell<Vec<u32>>) -> usize {
    let v = cell.borrow().clone();
    v.len()
}

fn unused(parcel: &Parcel) {
    let _copy = parcel.recipient.clone();
}

fn consumed_method(parcel: &Parcel) -> Vec<u8> {
    let recipient = parcel.recipient.clone();
    recipient.into_bytes()
}

fn mutated_through_method(list: &mut List) {
    let first = list.first.clone();
    list.rotate();
    println!("{first}");
}

// watchfiles src/lib.rs: the batch is copied for Python, then the original is cleared.
fn hand_over(changes: &Mutex<HashSet<(u8, String)>>, py: Python<'_>) -> PyResult<PyObject> {
    let mut locked_changes = changes.lock().unwrap();
    let py_changes = locked_changes.to_owned().into_pyobject(py)?; // expect: RS003
    locked_changes.clear();
    Ok(py_changes)
}

fn drain_copy(buffer: &mut Vec<String>) -> Vec<String> {
    let out = buffer.clone(); // expect: RS003
    buffer.clear();
    out
}

// OK: the original is read between the copy and the clear.
fn copy_then_read_then_clear(buffer: &mut Vec<String>) -> usize {
    let out = buffer.to_vec();
    let n = buffer.len();
    buffer.clear();
    n + out.len()
}

// OK: cleared in another block (only on one branch).
fn copy_then_maybe_clear(buffer: &mut Vec<String>, reset: bool) -> Vec<String> {
    let out = buffer.clone();
    if reset {
        buffer.clear();
    }
    out
}
