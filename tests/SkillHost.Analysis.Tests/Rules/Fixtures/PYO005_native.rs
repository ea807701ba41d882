// Companion of PYO005.py: the Rust side the Python fixture calls. Not a fixture of its own (no markers).
use pyo3::prelude::*;
use pyo3::types::PyBytes;

#[pyfunction]
fn sku_is_valid(sku: &str) -> bool {
    sku.len() == 8
}

#[pyfunction]
#[pyo3(name = "score")]
fn score_one(value: f64) -> f64 {
    value * 2.0
}

#[pyfunction]
fn scores_for(values: Vec<f64>) -> Vec<f64> {
    values.iter().map(|v| v * 2.0).collect()
}

#[pyfunction]
fn version() -> &'static str {
    "1.0"
}

#[pyclass]
struct Core {
    table: Vec<Vec<u8>>,
}

#[pymethods]
impl Core {
    #[new]
    fn new() -> Self {
        Core { table: Vec::new() }
    }

    fn decode_one(&self, py: Python<'_>, token: usize) -> Py<PyBytes> {
        PyBytes::new(py, &self.table[token]).into()
    }

    fn decode_many(&self, py: Python<'_>, tokens: Vec<usize>) -> Vec<Py<PyBytes>> {
        tokens.iter().map(|t| PyBytes::new(py, &self.table[*t]).into()).collect()
    }

    fn lookup_key(&self, key: &str) -> usize {
        key.len()
    }

    fn handle(&self, item: usize) -> usize {
        item
    }
}
