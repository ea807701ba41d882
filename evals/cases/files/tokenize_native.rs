use pyo3::prelude::*;

/// Counts the tokens of one document.
#[pyfunction]
fn count_tokens(text: &str) -> usize {
    text.split_whitespace().filter(|word| word.len() > 2).count()
}

#[pymodule]
fn tokenize_native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(count_tokens, m)?)?;
    Ok(())
}
