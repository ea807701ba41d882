//! eventbus: delivers events from Rust worker threads to Python callbacks (PyO3 0.22-era API).
use std::sync::mpsc::{channel, Receiver, Sender};
use std::thread;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

#[derive(Clone)]
struct Event {
    topic: String,
    payload: Vec<u8>,
    seq: u64,
}

#[pyclass]
struct Bus {
    tx: Sender<Event>,
    subscribers: Vec<(String, Py<PyAny>)>,
}

#[pymethods]
impl Bus {
    #[new]
    fn new() -> Self {
        let (tx, _rx) = channel();
        Bus { tx, subscribers: Vec::new() }
    }

    fn subscribe(&mut self, topic: String, callback: Py<PyAny>) {
        self.subscribers.push((topic, callback));
    }

    fn publish(&self, topic: String, payload: Vec<u8>) -> PyResult<()> {
        let event = Event { topic, payload, seq: 0 };
        self.tx.send(event).map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))
    }

    /// Replays a backlog to every matching subscriber, one GIL acquisition per event.
    fn replay(&self, events: Vec<(String, Vec<u8>)>) -> PyResult<usize> {
        let mut delivered = 0;
        for (topic, payload) in &events {
            for (wanted, callback) in &self.subscribers {
                if wanted == topic {
                    Python::with_gil(|py| callback.call1(py, (topic.as_str(), payload.as_slice())))?;
                    delivered += 1;
                }
            }
        }
        Ok(delivered)
    }

    /// Snapshot of subscriptions as a list of dicts.
    fn subscriptions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty_bound(py);
        for (topic, callback) in &self.subscribers {
            let d = PyDict::new_bound(py);
            d.set_item("topic", topic)?;
            d.set_item("callback", callback.clone_ref(py))?;
            out.append(d)?;
        }
        Ok(out)
    }

    fn topic_count(&self, topic: &str) -> usize {
        self.subscribers.iter().filter(|(t, _)| t == topic).count()
    }
}

/// Worker loop: blocks on the channel without the GIL, attaches only to deliver.
fn run_worker(rx: Receiver<Event>, callback: Py<PyAny>) {
    thread::spawn(move || {
        while let Ok(event) = rx.recv() {
            Python::with_gil(|py| {
                if let Err(err) = callback.call1(py, (event.topic.as_str(), event.seq)) {
                    err.print(py);
                }
            });
        }
    });
}

/// Delivers a drained batch under one GIL acquisition.
fn deliver_batch(events: &[Event], callback: &Py<PyAny>) -> PyResult<()> {
    Python::with_gil(|py| {
        for event in events {
            callback.call1(py, (event.topic.as_str(), event.seq))?;
        }
        Ok(())
    })
}

/// Converts a batch to Python tuples per event before the call.
fn deliver_as_list(events: &[Event], callback: &Py<PyAny>) -> PyResult<()> {
    Python::with_gil(|py| {
        let items: Vec<PyObject> = events.iter().map(|e| (e.topic.clone(), e.seq).into_py(py)).collect();
        callback.call1(py, (items,))?;
        Ok(())
    })
}

/// Counts the bytes of a payload batch; pure Rust.
#[pyfunction]
fn total_bytes(payloads: Vec<Vec<u8>>) -> usize {
    payloads.iter().map(|p| p.len()).sum()
}

/// Topic filter with a wildcard, evaluated for one topic.
#[pyfunction]
fn topic_matches(pattern: String, topic: String) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => topic.starts_with(prefix),
        None => pattern == topic,
    }
}

#[pymodule]
fn eventbus(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Bus>()?;
    m.add_function(wrap_pyfunction!(total_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(topic_matches, m)?)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delivers_each() {
        Python::with_gil(|py| {
            let cb = py.eval_bound("lambda *a: None", None, None).unwrap().unbind();
            for i in 0..3 {
                Python::with_gil(|inner| cb.call1(inner, (i,)).unwrap());
            }
        });
    }
}
