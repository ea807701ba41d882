// Cut from samuelcolvin/watchfiles at b6eb04ffaa99c3e656e448c75d137013ffa2ece3, src/lib.rs (reduced): the imports,
// exception, watcher enum and macro (:1-38, :93-101; the enum keeps two of its variants' types), the `RustNotify` struct (:41-47), `RustNotify::watch` (:255-335) and
// `RustNotify::clear` (:355-357). `watch` waits for a batch of filesystem changes and hands it to Python;
// it runs once per batch of `watchfiles.watch()` / `awatch()`, and a batch holds every change since the last one.
use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::thread::sleep;
use std::time::{Duration, Instant};

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::{create_exception, intern};

use notify::{PollWatcher, RecommendedWatcher};

create_exception!(
    _rust_notify,
    WatchfilesRustInternalError,
    PyRuntimeError,
    "Internal or filesystem error."
);

#[allow(dead_code)]
#[derive(Debug)]
enum WatcherEnum {
    None,
    Poll(PollWatcher),
    Recommended(RecommendedWatcher),
}

macro_rules! wf_error {
    ($msg:expr) => {
        Err(WatchfilesRustInternalError::new_err($msg))
    };
}

#[pyclass]
struct RustNotify {
    changes: Arc<Mutex<HashSet<(u8, String)>>>,
    error: Arc<Mutex<Option<String>>>,
    debug: bool,
    watcher: WatcherEnum,
}

#[pymethods]
impl RustNotify {
    fn watch(
        slf: &Bound<Self>,
        py: Python,
        debounce_ms: u64,
        step_ms: u64,
        timeout_ms: u64,
        stop_event: Py<PyAny>,
    ) -> PyResult<Py<PyAny>> {
        if matches!(slf.borrow().watcher, WatcherEnum::None) {
            return Err(PyRuntimeError::new_err("RustNotify watcher closed"));
        }
        let stop_event_is_set: Option<Bound<PyAny>> = match stop_event.is_none(py) {
            true => None,
            false => Some(stop_event.getattr(py, intern!(py, "is_set"))?.into_bound(py)),
        };

        let mut max_debounce_time: Option<Instant> = None;
        let step_time = Duration::from_millis(step_ms);
        let mut last_size: usize = 0;
        let max_timeout_time: Option<Instant> = match timeout_ms {
            0 => None,
            _ => Some(Instant::now() + Duration::from_millis(timeout_ms)),
        };
        loop {
            py.detach(|| sleep(step_time));
            match py.check_signals() {
                Ok(_) => (),
                Err(_) => {
                    slf.borrow().clear();
                    return Ok(intern!(py, "signal").as_any().to_owned().unbind());
                }
            };

            if let Some(error) = slf.borrow().error.lock().unwrap().as_ref() {
                slf.borrow().clear();
                return wf_error!(error.clone());
            }

            if let Some(is_set) = &stop_event_is_set {
                if is_set.call0()?.is_truthy()? {
                    if slf.borrow().debug {
                        eprintln!("stop event set, stopping...");
                    }
                    slf.borrow().clear();
                    return Ok(intern!(py, "stop").as_any().to_owned().unbind());
                }
            }

            let size = slf.borrow().changes.lock().unwrap().len();
            if size > 0 {
                if size == last_size {
                    break;
                }
                last_size = size;

                let now = Instant::now();
                if let Some(max_time) = max_debounce_time {
                    if now > max_time {
                        break;
                    }
                } else {
                    max_debounce_time = Some(now + Duration::from_millis(debounce_ms));
                }
            } else if let Some(max_time) = max_timeout_time {
                if Instant::now() > max_time {
                    slf.borrow().clear();
                    return Ok(intern!(py, "timeout").as_any().to_owned().unbind());
                }
            }
        }
        let py_changes = {
            let borrowed = slf.borrow();
            let mut locked_changes = borrowed.changes.lock().unwrap();
            let py_changes = locked_changes.to_owned().into_pyobject(py)?.into_any().unbind();
            // Clear the changes while holding the lock
            locked_changes.clear();
            py_changes
        };
        Ok(py_changes)
    }


    fn clear(&self) {
        self.changes.lock().unwrap().clear();
    }
}
