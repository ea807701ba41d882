// PYO006 pyo3/pyobject-in-loop: a platform constant read back from Python's sys module on every call.
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyModule;

#[pyclass]
struct Open {
    storage: Py<PyAny>,
}

#[pymethods]
impl Open {
    // As safetensors' Open::get_tensor: once per tensor loaded.
    fn get_tensor(&self, py: Python<'_>, name: &str) -> PyResult<Py<PyAny>> {
        let tensor = self.storage.call_method1(py, "view", (name,))?;
        let sys = PyModule::import(py, intern!(py, "sys"))?;
        let byteorder: String = sys.getattr(intern!(py, "byteorder"))?.extract()?; // expect: PYO006
        if byteorder == "big" {
            return tensor.call_method0(py, "byteswap");
        }
        Ok(tensor)
    }
}

// As safetensors' create_tensor: a helper the #[pymethods] method below calls per tensor.
fn create_tensor(py: Python<'_>, array: Py<PyAny>) -> PyResult<Py<PyAny>> {
    let big = py.import("sys")?.getattr("byteorder")?.extract::<String>()? == "big"; // expect: PYO006
    if big {
        return array.call_method0(py, "byteswap");
    }
    Ok(array)
}

#[pymethods]
impl Open {
    fn get_slice(&self, py: Python<'_>, name: &str) -> PyResult<Py<PyAny>> {
        create_tensor(py, self.storage.call_method1(py, "view", (name,))?)
    }
}

#[pyfunction]
fn limits(py: Python<'_>, sizes: Vec<i64>) -> PyResult<Vec<bool>> {
    let mut out = Vec::with_capacity(sizes.len());
    for size in sizes {
        let max: i64 = PyModule::import(py, "sys")?.getattr("maxsize")?.extract()?; // expect: PYO006
        out.push(size < max);
    }
    Ok(out)
}

// OK

static BYTEORDER: PyOnceLock<String> = PyOnceLock::new();

fn cached_byteorder(py: Python<'_>) -> PyResult<&String> {
    // read once per process
    BYTEORDER.get_or_try_init(py, || PyModule::import(py, "sys")?.getattr("byteorder")?.extract())
}

#[pyfunction]
fn version_info(py: Python<'_>) -> PyResult<Py<PyAny>> {
    // an attribute that is not a compile-time constant of the target
    Ok(PyModule::import(py, "sys")?.getattr("version_info")?.unbind())
}

#[pyfunction]
fn encoder_order(py: Python<'_>, encoder: Py<PyAny>) -> PyResult<String> {
    // `byteorder` of another object, not of sys
    encoder.getattr(py, "byteorder")?.extract(py)
}

#[pyfunction]
fn native_order() -> bool {
    cfg!(target_endian = "big")
}
