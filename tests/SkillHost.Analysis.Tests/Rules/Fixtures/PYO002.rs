// PYO002 pyo3/pyobject-in-loop: Python objects created on every pass of a Rust loop.
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

#[pyfunction]
fn token_counts<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyDict>> {
    let counts = PyDict::new(py);
    for token in text.split_whitespace() {
        let seen: u64 = match counts.get_item(token)? { // expect: PYO002
            Some(value) => value.extract()?,
            None => 0,
        };
        counts.set_item(token, seen + 1)?; // expect: PYO002
    }
    Ok(counts)
}

#[pyfunction]
fn rows_as_dicts<'py>(py: Python<'py>, rows: Vec<(u64, String)>) -> PyResult<Bound<'py, PyList>> {
    let out = PyList::empty(py);
    for (id, name) in rows {
        let row = PyDict::new(py);
        row.set_item("id", id)?; // expect: PYO002
        out.append(row)?;
    }
    Ok(out)
}

fn seen_before(py: Python<'_>, seen: &Bound<'_, PySet>, words: &[&str]) -> PyResult<usize> {
    let mut n = 0;
    for w in words {
        if seen.contains(PyString::new(py, w))? { // expect: PYO002
            n += 1;
        }
    }
    Ok(n)
}

fn conversions(py: Python<'_>, xs: &[f64], out: &Bound<'_, PyList>) -> PyResult<()> {
    for x in xs {
        let a = x.to_object(py); // expect: PYO002
        let b = x.into_pyobject(py)?; // expect: PYO002
        let c = IntoPy::<PyObject>::into_py(*x, py); // expect: PYO002
        let d = (x, 1).into_bound_py_any(py)?; // expect: PYO002
        let t = PyTuple::new(py, [a, c])?; // expect: PYO002
    }
    Ok(())
}

fn lookups(py: Python<'_>, cache: &Bound<'_, PyDict>, keys: &[String]) -> PyResult<usize> {
    let mut hits = 0;
    for key in keys {
        if cache.contains(key.as_str())? { // expect: PYO002
            hits += 1;
        }
    }
    Ok(hits)
}

// Production code behind `cfg(not(test))` is not test code.
#[cfg(not(test))]
mod real {
    #[pyfunction]
    fn tag_rows<'py>(py: Python<'py>, rows: &Bound<'py, PyList>) -> PyResult<()> {
        for row in rows.iter() {
            let d = row.downcast::<PyDict>()?;
            d.set_item("seen", true)?; // expect: PYO002
        }
        Ok(())
    }
}

// Cut from pydantic-core's ArgumentsValidator::validate: the parameters are fixed when the validator is built, yet every
// validation builds each parameter's name as a new Python string (its sibling validators keep a `name_py` field).
struct ArgumentsValidator {
    parameters: Vec<Parameter>,
}

impl ArgumentsValidator {
    fn validate<'py>(&self, py: Python<'py>, state: &mut ValidationState<'_, 'py>) -> PyResult<()> {
        for (index, parameter) in self.parameters.iter().enumerate() {
            let state = &mut state.rebind_extra(|extra| extra.field_name = Some(PyString::new(py, parameter.name.as_str()))); // expect: PYO002
            parameter.validator.validate(py, index, state)?;
        }
        for item in self.items.iter() {
            item.check(py, PyString::new(py, ROOT_FIELD))?; // expect: PYO002
        }
        Ok(())
    }
}

// Cut from pydantic-core's ModelValidator: a root model's field name built anew per validation, interned two lines on.
impl ModelValidator {
    fn validate_root<'py>(&self, py: Python<'py>, model: &Bound<'py, PyAny>, state: &mut ValidationState<'_, 'py>) -> PyResult<()> {
        let state = &mut state.rebind_extra(|extra| extra.field_name = Some(PyString::new(py, ROOT_FIELD))); // expect: PYO002
        let output = self.validator.validate(py, model, state)?;
        force_setattr(py, model, intern!(py, ROOT_FIELD), output)
    }
}

// As pydantic-core's DictSerializer::to_python in JSON mode: each key is a Python str already, turned into text and back
// into a new str (the object is part of the result, but a copy of one the loop holds).
fn keys_as_json<'py>(py: Python<'py>, value: &Bound<'py, PyAny>, keys: &KeySerializer) -> PyResult<Bound<'py, PyDict>> {
    let out = PyDict::new(py);
    match value.downcast::<PyDict>() {
        Ok(py_dict) => {
            for (key, item) in py_dict.iter() {
                let key = keys.json_key(&key)?.into_py_any(py)?; // expect: PYO002
                out.set_item(key, item)?;
            }
        }
        Err(_) => {}
    }
    Ok(out)
}

// OK

// Count in Rust, convert once at the end.
#[pyfunction]
fn token_counts_fast(py: Python<'_>, text: &str) -> HashMap<String, u64> {
    py.detach(|| {
        let mut counts: HashMap<&str, u64> = HashMap::new();
        for token in text.split_whitespace() {
            *counts.entry(token).or_insert(0) += 1;
        }
        counts.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
    })
}

// The objects are the result Python asked for: one per item, stored or collected.
fn labels(py: Python<'_>, words: &[&str]) -> Vec<PyObject> {
    words.iter().map(|w| PyString::new(py, w).into_any().unbind()).collect()
}

fn doubled<'py>(py: Python<'py>, xs: &[f64], out: &Bound<'py, PyList>) -> PyResult<()> {
    for x in xs {
        out.append(*x * 2.0)?;
        let item = PyTuple::new(py, [x.into_py(py), 1.into_py(py)])?;
        out.append(item)?;
    }
    Ok(())
}

// Objects created once, outside the loop; the loop moves Python objects that already exist.
fn copy_items<'py>(py: Python<'py>, src: &Bound<'py, PyDict>) -> PyResult<Bound<'py, PyDict>> {
    let dst = PyDict::new(py);
    let key = intern!(py, "total");
    for (k, v) in src.iter() {
        dst.set_item(k, v)?;
        dst.set_item(key, py.None())?;
    }
    Ok(dst)
}

// A Python list iterated: its items are Python objects already.
fn relist<'py>(py: Python<'py>, items: &Bound<'py, PyList>) -> PyResult<Bound<'py, PyList>> {
    let out = PyList::empty(py);
    for item in items.iter() {
        out.append(item.clone())?;
        out.append(&item)?;
    }
    Ok(out)
}

// Rust collections with Python-like method names.
fn rust_maps(words: &[String]) -> HashSet<String> {
    let mut seen = HashSet::new();
    let mut order = Vec::new();
    for w in words {
        if !seen.contains(w) {
            seen.insert(w.clone());
            order.append(&mut vec![w.len()]);
        }
    }
    seen
}

// One conversion after the loop.
fn total(py: Python<'_>, xs: &[f64]) -> PyObject {
    let mut sum = 0.0;
    for x in xs {
        sum += x;
    }
    sum.into_py(py)
}

#[cfg(test)]
mod tests {
    #[test]
    fn builds_lists() {
        Python::with_gil(|py| for i in 0..3 { let _ = PyList::new(py, [i]); });
    }
}

// Calibration cases from real PyO3 code (calibration/verdicts.tsv), silent:
// PyTuple::get_item takes a usize and creates nothing.
fn first_labels(choices: &Bound<'_, PyList>) -> PyResult<()> {
    for choice in choices.iter() {
        let tuple = choice.downcast::<PyTuple>()?;
        let first = tuple.get_item(0)?;
    }
    Ok(())
}

// A project's own `get_item` on a type the function does not show to be Python.
fn own_lookup(args: &ArgsKwargs, params: &[Param]) -> usize {
    let mut found = 0;
    for (index, param) in params.iter().enumerate() {
        if args.get_item(index).is_some() || args.kwargs().get_item(param.lookup_key).is_some() {
            found += 1;
        }
    }
    found
}

// Keys taken from a Python dict are Python objects already.
fn merge(into: &Bound<'_, PyDict>, from: &Bound<'_, PyDict>) -> PyResult<()> {
    for (key, value) in from.iter() {
        if into.get_item(&key)?.is_none() {
            into.set_item(key, value)?;
        }
    }
    Ok(())
}

struct FieldsValidator {
    names: Vec<Py<PyString>>,
}

impl FieldsValidator {
    // Building the Python names once, in the constructor, is the fix itself.
    fn new(py: Python<'_>, fields: &[Field]) -> Self {
        let mut names = Vec::with_capacity(fields.len());
        for field in fields {
            names.push(PyString::new(py, field.name.as_str()).unbind());
        }
        Self { names }
    }
}

impl Describer {
    // A fallback only when the repr fails: an error path, once.
    fn describe<'py>(&self, py: Python<'py>, value: &Bound<'py, PyAny>) -> Bound<'py, PyString> {
        value.repr().unwrap_or_else(|_| PyString::new(py, "<unknown python object>"))
    }

    // Built once with the object.
    fn new(py: Python<'_>) -> Self {
        Self { label: PyString::new(py, "describer").unbind() }
    }
}

// Keys that are Rust strings: converting them is the work, not a round trip (and the dict is the result).
fn rust_keys_as_json<'py>(py: Python<'py>, rows: &[(String, u64)], keys: &KeySerializer) -> PyResult<Bound<'py, PyDict>> {
    let out = PyDict::new(py);
    for (key, count) in rows {
        let key = keys.json_key_of(key)?.into_py_any(py)?;
        out.set_item(key, count)?;
    }
    Ok(out)
}
