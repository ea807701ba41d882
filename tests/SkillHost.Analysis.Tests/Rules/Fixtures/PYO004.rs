// PYO004 pyo3/copy-across-boundary: owned parameters that are only read.
use pyo3::prelude::*;

#[pyfunction]
fn crc32_of(payload: Vec<u8>) -> u32 { // expect: PYO004
    crc32fast::hash(&payload)
}

#[pyfunction]
fn is_reserved(name: String) -> bool { // expect: PYO004
    matches!(name.as_str(), "admin" | "root" | "system")
}

#[pyfunction]
#[pyo3(signature = (header, strict = true))]
fn magic(header: Vec<u8>, strict: bool) -> bool { // expect: PYO004
    header.len() >= 4 && header[..4] == *b"\x89PNG" && (!strict || header[4] == 0x0d)
}

#[pyfunction]
fn describe(label: String, count: usize) -> String { // expect: PYO004
    format!("{label}: {}", count)
}

#[pyfunction]
fn mean(values: Vec<f64>) -> f64 { // expect: PYO004
    values.iter().sum::<f64>() / values.len() as f64
}

#[pyclass]
struct Index;

#[pymethods]
impl Index {
    fn lookup(&self, key: String) -> Option<u64> { // expect: PYO004
        self.map.get(&key).copied()
    }
}

#[pyfunction]
fn checksum(data: &Bound<'_, PyBytes>) -> u32 {
    let copy = data.as_bytes().to_vec(); // expect: PYO004
    crc32fast::hash(&copy)
}

#[pyfunction]
fn tag_of(obj: &Bound<'_, PyAny>) -> PyResult<usize> {
    let raw: Vec<u8> = obj.extract()?; // expect: PYO004
    let name = obj.getattr("name")?.extract::<String>()?; // expect: PYO004
    Ok(raw.len() + name.len())
}

// Cut from safetensors' TensorInfo: the shape is copied into a new Python list on every `info.shape` access.
#[pymethods]
impl TensorInfo {
    #[getter]
    fn shape(&self) -> Vec<usize> { // expect: PYO004
        self.shape.clone()
    }
}

// OK

// Already borrowed.
#[pyfunction]
fn crc32_borrowed(payload: &[u8]) -> u32 {
    crc32fast::hash(payload)
}

// Moved into the result or into stored state: the copy is needed.
#[pyfunction]
fn upper(mut text: String) -> String {
    text.make_ascii_uppercase();
    text
}

#[pyclass]
struct Frame {
    payload: Vec<u8>,
}

#[pymethods]
impl Frame {
    #[new]
    fn new(payload: Vec<u8>) -> Self {
        Frame { payload }
    }

    fn replace(&mut self, data: Vec<u8>) {
        self.payload = data;
    }
}

#[pyfunction]
fn wrap(name: String) -> Wrapper {
    Wrapper { name: name, created: now() }
}

#[pyfunction]
fn consume(items: Vec<u8>) -> usize {
    items.into_iter().filter(|b| *b > 0).count()
}

// A list of strings cannot be borrowed as a slice: PyO3 must extract it anyway.
#[pyfunction]
fn join(parts: Vec<String>) -> usize {
    parts.iter().map(|p| p.len()).sum()
}

// Unused parameter: nothing to say about reads.
#[pyfunction]
fn ignore(_blob: Vec<u8>) -> u8 {
    0
}

// Not exposed to Python: a plain Rust signature is another rule's business.
fn private_helper(data: Vec<u8>) -> usize {
    data.len()
}

// Field named like the parameter; the parameter itself is moved.
#[pyfunction]
fn tag(payload: Vec<u8>) -> Tagged {
    let len = payload.len();
    Tagged { len, payload }
}

// A copy that is kept, or a Rust string's bytes: not a copy out of Python.
#[pyfunction]
fn keep(data: &Bound<'_, PyBytes>, store: &mut Vec<Vec<u8>>) {
    let copy = data.as_bytes().to_vec();
    store.push(copy);
}

#[pyfunction]
fn rust_side(name: &str) -> usize {
    let bytes = name.as_bytes().to_vec();
    bytes.len()
}

#[pymethods]
impl TensorMeta {
    // A number, and a value computed per call: nothing is copied out of a field.
    #[getter]
    fn data_len(&self) -> usize {
        self.data_len
    }

    #[getter]
    fn dims(&self) -> Vec<usize> {
        self.shape.iter().filter(|d| **d > 1).copied().collect()
    }
}
