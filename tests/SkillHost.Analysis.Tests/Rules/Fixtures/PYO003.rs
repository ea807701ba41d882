// PYO003 pyo3/missing-allow-threads: pure-Rust work in a function Python calls, with the GIL held.
use pyo3::prelude::*;

#[pyfunction]
fn fingerprint(data: &[u8]) -> u64 { // expect: PYO003
    fnv1a(data)
}

#[pyfunction]
fn checksum(py: Python<'_>, data: &[u8]) -> u32 { // expect: PYO003
    let mut sum: u32 = 0;
    for byte in data {
        sum = sum.wrapping_mul(31).wrapping_add(u32::from(*byte));
    }
    sum
}

#[pyfunction]
fn mean(values: Vec<f64>) -> f64 { // expect: PYO003
    values.iter().sum::<f64>() / values.len() as f64
}

#[pyfunction]
fn longest_word(text: &str) -> usize { // expect: PYO003
    text.split_whitespace().map(|w| w.chars().count()).max().unwrap_or(0)
}

#[pyclass]
struct Histogram {
    bins: Vec<u64>,
    samples: Vec<f64>,
}

#[pymethods]
impl Histogram {
    fn variance(&self, mean: f64) -> f64 { // expect: PYO003
        self.samples.iter().map(|s| (s - mean).powi(2)).sum::<f64>() / self.samples.len() as f64
    }
}

#[pyfunction]
fn primes_below(n: u64) -> Vec<u64> { // expect: PYO003
    (2..n).filter(|k| is_prime(*k)).collect()
}

// Pure counting first, Python objects only for the result: the counting loop could run detached.
#[pyfunction]
fn pair_counts<'py>(py: Python<'py>, ids: Vec<u32>) -> PyResult<Bound<'py, PyDict>> { // expect: PYO003
    let mut counts: HashMap<(u32, u32), u64> = HashMap::new();
    for w in ids.windows(2) {
        *counts.entry((w[0], w[1])).or_insert(0) += 1;
    }
    let out = PyDict::new(py);
    for (k, v) in counts {
        out.set_item(k, v)?;
    }
    Ok(out)
}

// OK

// Already detached (0.26 name and the older one).
#[pyfunction]
fn fingerprint_detached(py: Python<'_>, data: &[u8]) -> u64 {
    py.detach(|| fnv1a(data))
}

#[pyfunction]
fn checksum_detached(py: Python<'_>, data: &[u8]) -> u32 {
    py.allow_threads(|| data.iter().fold(0u32, |s, b| s.wrapping_add(u32::from(*b))))
}

// The loop works with Python objects: it cannot run detached (pyo3/pyobject-in-loop covers it).
#[pyfunction]
fn token_counts<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyDict>> {
    let counts = PyDict::new(py);
    for token in text.split_whitespace() {
        counts.set_item(token, 1)?;
    }
    Ok(counts)
}

// A short pure-Rust prelude before a loop that must hold the GIL: detaching the prelude buys nothing.
#[pyfunction]
fn char_ngrams<'py>(py: Python<'py>, text: &str, n: usize) -> PyResult<Bound<'py, PyList>> {
    let chars: Vec<char> = text.chars().collect();
    let out = PyList::empty(py);
    for start in 0..chars.len().saturating_sub(n - 1) {
        out.append(chars[start..start + n].iter().collect::<String>())?;
    }
    Ok(out)
}

// The loop walks a Python list, not Rust data.
#[pyfunction]
fn sum_list(items: &Bound<'_, PyList>) -> PyResult<i64> {
    let mut total = 0;
    for item in items.iter() {
        total += item.extract::<i64>()?;
    }
    Ok(total)
}

// A trivial pass over data PyO3 already extracted element by element (or over the object's own
// fields): the extraction under the GIL costs more than the pass a detach would free.
#[pyfunction]
fn total_len(items: Vec<String>) -> usize {
    items.iter().map(|s| s.len()).sum()
}

#[pymethods]
impl Histogram {
    fn total(&self) -> u64 {
        let mut total = 0;
        for b in &self.bins {
            total += b;
        }
        total
    }
}

// Constant work: nothing grows with the input.
#[pyfunction]
fn add(a: i64, b: i64) -> i64 {
    a + b
}

#[pyfunction]
fn greet(name: &str) -> String {
    format!("hello {name}")
}

#[pyfunction]
fn size(data: &[u8]) -> usize {
    data.len()
}

// Not exposed to Python: plain Rust.
fn internal_sum(values: &[f64]) -> f64 {
    values.iter().sum()
}

// Async functions run on an event loop; detaching is not the question there.
#[pyfunction]
async fn fetch_all(urls: Vec<String>) -> usize {
    urls.iter().map(|u| u.len()).sum()
}

// Dunder methods and getters run per item by nature.
#[pymethods]
impl Histogram {
    fn __len__(&self) -> usize {
        self.bins.iter().filter(|b| **b > 0).count()
    }

    #[getter]
    fn nonzero(&self) -> usize {
        self.bins.iter().filter(|b| **b > 0).count()
    }
}
