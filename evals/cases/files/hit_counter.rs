use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::thread;

/// Counts page hits from access-log shards on eight threads.
pub fn count_hits(shards: Vec<Vec<String>>) -> HashMap<String, u64> {
    let counts = Arc::new(Mutex::new(HashMap::new()));
    let mut workers = Vec::new();
    for shard in shards {
        let counts = Arc::clone(&counts);
        workers.push(thread::spawn(move || {
            for path in shard {
                let mut guard = counts.lock().unwrap();
                *guard.entry(path).or_insert(0u64) += 1;
            }
        }));
    }
    for worker in workers {
        worker.join().unwrap();
    }
    Arc::try_unwrap(counts).unwrap().into_inner().unwrap()
}
