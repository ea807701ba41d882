use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// Checksums every chunk of a file that Python has split (thousands of chunks per call).
#[pyfunction]
fn checksums(chunks: Vec<Py<PyBytes>>) -> Vec<u32> {
    let mut sums = Vec::with_capacity(chunks.len());
    for chunk in &chunks {
        let sum = Python::with_gil(|py| {
            let bytes = chunk.as_bytes(py);
            bytes.iter().fold(0u32, |acc, b| acc.wrapping_mul(31).wrapping_add(*b as u32))
        });
        sums.push(sum);
    }
    sums
}
