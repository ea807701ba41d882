// PYO001 pyo3/gil-per-item: the GIL acquired per item (with_gil before PyO3 0.26, attach since).
use pyo3::prelude::*;

fn report_scores(callback: &Py<PyAny>, scores: &[f64]) -> PyResult<()> {
    for &score in scores {
        Python::with_gil(|py| callback.call1(py, (score,)))?; // expect: PYO001
    }
    Ok(())
}

fn report_all(callback: &Py<PyAny>, scores: &[f64]) -> PyResult<()> {
    for &score in scores {
        Python::attach(|py| callback.call1(py, (score,)))?; // expect: PYO001
    }
    Ok(())
}

fn to_objects(values: &[u64]) -> Vec<PyObject> {
    values.iter().map(|v| Python::with_gil(|py| v.into_py(py))).collect() // expect: PYO001
}

fn nested(rows: &[Vec<u8>], sink: &Py<PyAny>) {
    for row in rows {
        for byte in row {
            pyo3::Python::attach(|py| { // expect: PYO001
                let _ = sink.call1(py, (*byte,));
            });
        }
    }
}

fn worker(rx: Receiver<String>, callback: Py<PyAny>) {
    while let Ok(message) = rx.recv() {
        Python::with_gil(|py| callback.call1(py, (message,)).ok()); // expect: PYO001
    }
}

fn notify(callback: &Py<PyAny>, value: u64) {
    Python::with_gil(|py| callback.call1(py, (value,)).ok()); // expect: PYO001
}

fn notify_each(callback: &Py<PyAny>, values: &[u64]) {
    for &value in values {
        notify(callback, value);
    }
}

// OK

// One attach for the whole batch, the loop inside the closure.
fn report_batch(callback: &Py<PyAny>, scores: &[f64]) -> PyResult<()> {
    Python::attach(|py| {
        for &score in scores {
            callback.call1(py, (score,))?;
        }
        Ok(())
    })
}

// The iterable of a for loop runs once.
fn once(items: &[u8]) {
    for x in Python::with_gil(|py| fetch(py, items)) {
        consume(x);
    }
}

// A nested attach while the GIL is held is cheap; the outer one is what matters (and it is not in a loop).
fn outer_only(values: &[u64]) {
    Python::with_gil(|py| {
        for v in values {
            Python::with_gil(|inner| emit(inner, *v));
        }
    });
}

// Not PyO3: a method that happens to be called `attach`, and a free function `with_gil`.
fn not_pyo3(sessions: &mut [Session], gil: &Gil) {
    for s in sessions.iter_mut() {
        s.attach(gil);
        with_gil(|| s.flush());
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn per_item_in_a_test() {
        for x in 0..3 {
            Python::with_gil(|py| check(py, x));
        }
    }
}

// One attach per batch, with an `.await` between batches: attaching around the loop would hold the GIL across the await.
async fn stream_batches(callback: &Py<PyAny>, batches: Vec<Vec<u64>>) -> PyResult<()> {
    for batch in batches {
        let results = futures::future::join_all(batch.into_iter().map(fetch)).await;
        Python::attach(|py| callback.call1(py, (results,)))?;
    }
    Ok(())
}
