// Companion of PYO005.py: the Rust side the Python fixture calls. Not a fixture of its own (no markers).
use pyo3::prelude::*;

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
