//! textstats: tokenizer and n-gram statistics for a search indexer (PyO3 0.20-era API).
use std::collections::HashMap;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use unicode_segmentation::UnicodeSegmentation;

/// Lower-cases and splits on word boundaries.
#[pyfunction]
fn tokenize(text: String) -> Vec<String> {
    text.unicode_words().map(|w| w.to_lowercase()).collect()
}

/// Word frequencies, built directly in a Python dict.
#[pyfunction]
fn word_counts(py: Python<'_>, text: &str) -> PyResult<PyObject> {
    let counts = PyDict::new(py);
    for word in text.unicode_words() {
        let lower = word.to_lowercase();
        let current: usize = match counts.get_item(&lower) {
            Some(v) => v.extract()?,
            None => 0,
        };
        counts.set_item(lower, current + 1)?;
    }
    Ok(counts.into())
}

/// Character n-grams with their offsets, as a list of (gram, start) tuples.
#[pyfunction]
#[pyo3(signature = (text, n = 3))]
fn char_ngrams(py: Python<'_>, text: &str, n: usize) -> PyResult<Py<PyList>> {
    let chars: Vec<char> = text.chars().collect();
    let out = PyList::empty(py);
    for start in 0..chars.len().saturating_sub(n - 1) {
        let gram: String = chars[start..start + n].iter().collect();
        let item = PyTuple::new(py, &[gram.into_py(py), start.into_py(py)]);
        out.append(item)?;
    }
    Ok(out.into())
}

/// Jaccard similarity of two token sets; pure Rust.
#[pyfunction]
fn jaccard(a: Vec<String>, b: Vec<String>) -> f64 {
    let left: std::collections::HashSet<&String> = a.iter().collect();
    let right: std::collections::HashSet<&String> = b.iter().collect();
    let inter = left.intersection(&right).count() as f64;
    let union = left.union(&right).count() as f64;
    if union == 0.0 { 0.0 } else { inter / union }
}

/// Counts in Rust, converts once, and releases the GIL for the counting.
#[pyfunction]
fn word_counts_fast(py: Python<'_>, text: &str) -> HashMap<String, usize> {
    py.allow_threads(|| {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for word in text.unicode_words() {
            *counts.entry(word.to_lowercase()).or_insert(0) += 1;
        }
        counts
    })
}

/// Normalises a single query string; called once per search request.
#[pyfunction]
fn normalize_query(query: String) -> String {
    let trimmed = query.trim();
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Stop-word filter, applied to a batch of documents.
#[pyfunction]
fn strip_stopwords(py: Python<'_>, docs: Vec<String>, stopwords: Vec<String>) -> Vec<String> {
    let stop: std::collections::HashSet<&str> = stopwords.iter().map(|s| s.as_str()).collect();
    docs.iter()
        .map(|d| d.split_whitespace().filter(|w| !stop.contains(w)).collect::<Vec<_>>().join(" "))
        .collect()
}

/// Hash of a document, for de-duplication.
#[pyfunction]
fn simhash(text: &str) -> u64 {
    let mut weights = [0i32; 64];
    for token in text.split_whitespace() {
        let h = fxhash::hash64(token);
        for bit in 0..64 {
            weights[bit] += if h >> bit & 1 == 1 { 1 } else { -1 };
        }
    }
    weights.iter().enumerate().fold(0u64, |acc, (i, w)| if *w > 0 { acc | 1 << i } else { acc })
}

#[pyclass]
struct Vocabulary {
    index: HashMap<String, u32>,
}

#[pymethods]
impl Vocabulary {
    #[new]
    fn new(words: Vec<String>) -> Self {
        let index = words.into_iter().enumerate().map(|(i, w)| (w, i as u32)).collect();
        Vocabulary { index }
    }

    fn id_of(&self, word: String) -> Option<u32> {
        self.index.get(&word).copied()
    }

    fn encode(&self, py: Python<'_>, tokens: Vec<String>) -> PyResult<PyObject> {
        let ids = PyList::empty(py);
        for t in &tokens {
            match self.index.get(t) {
                Some(id) => ids.append(*id)?,
                None => ids.append(py.None())?,
            }
        }
        Ok(ids.into())
    }

    fn __len__(&self) -> usize {
        self.index.len()
    }

    fn __contains__(&self, word: String) -> bool {
        self.index.contains_key(&word)
    }
}

#[pymodule]
fn textstats(_py: Python<'_>, m: &PyModule) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(word_counts, m)?)?;
    m.add_function(wrap_pyfunction!(char_ngrams, m)?)?;
    m.add_function(wrap_pyfunction!(jaccard, m)?)?;
    m.add_function(wrap_pyfunction!(word_counts_fast, m)?)?;
    m.add_function(wrap_pyfunction!(normalize_query, m)?)?;
    m.add_function(wrap_pyfunction!(strip_stopwords, m)?)?;
    m.add_function(wrap_pyfunction!(simhash, m)?)?;
    m.add_class::<Vocabulary>()?;
    Ok(())
}
