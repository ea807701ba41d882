//! A Python extension that scores documents in Rust.

use pyo3::prelude::*;
use pyo3::types::PyList;

#[pyfunction]
fn score(text: &str) -> u64 {
    text.split_whitespace().map(|word| word.len() as u64).sum()
}

#[pyfunction]
fn fingerprint(data: Vec<u8>) -> u64 {
    let mut hash: u64 = 0xcbf29ce484222325;
    for byte in data.iter() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x100000001b3);
    }
    hash
}

#[pyfunction]
fn report_progress(callback: Py<PyAny>, scores: Vec<u64>) -> PyResult<()> {
    for value in scores {
        Python::with_gil(|py| callback.call1(py, (value,)))?;
    }
    Ok(())
}

#[pyfunction]
fn squares(py: Python<'_>, values: Vec<i64>) -> PyResult<Py<PyList>> {
    let list = PyList::empty(py);
    for value in values {
        let boxed = (value * value).into_py(py);
        list.append(boxed)?;
    }
    Ok(list.into())
}

#[pymodule]
fn docscore(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(score, m)?)?;
    m.add_function(wrap_pyfunction!(fingerprint, m)?)?;
    m.add_function(wrap_pyfunction!(report_progress, m)?)?;
    m.add_function(wrap_pyfunction!(squares, m)?)?;
    Ok(())
}
