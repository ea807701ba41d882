fn count_ids(chunks: &[Vec<u32>], totals: &Mutex<HashMap<u32, u64>>) {
    std::thread::scope(|scope| {
        for chunk in chunks {
            scope.spawn(move || {
                for id in chunk {
                    *totals.lock().unwrap().entry(*id).or_insert(0) += 1; // expect: RS009
                }
            });
        }
    });
}

fn record(events: &[Event], log: &RwLock<Vec<Event>>) {
    events.iter().for_each(|e| log.write().unwrap().push(e.clone())); // expect: RS009
}

fn drain(queue: &Mutex<VecDeque<Job>>) {
    while let Some(job) = queue.lock().unwrap().pop_front() { // expect: RS009
        job.run();
    }
}

async fn async_lock(items: &[u32], state: &tokio::sync::Mutex<State>) {
    for i in items {
        state.lock().await.add(*i); // expect: RS009
    }
}

// OK
fn count_local(chunks: &[Vec<u32>], totals: &Mutex<HashMap<u32, u64>>) {
    std::thread::scope(|scope| {
        for chunk in chunks {
            scope.spawn(move || {
                let mut local: HashMap<u32, u64> = HashMap::new();
                for id in chunk {
                    *local.entry(*id).or_insert(0) += 1;
                }
                let mut shared = totals.lock().unwrap();
                for (id, n) in local {
                    *shared.entry(id).or_insert(0) += n;
                }
            });
        }
    });
}

fn per_slot(slots: &[Mutex<u32>]) {
    for slot in slots {
        *slot.lock().unwrap() += 1;
    }
}

fn raw_reads(ptrs: &[*const u32]) -> u32 {
    let mut sum = 0;
    for p in ptrs {
        sum += unsafe { p.read() };
    }
    sum
}

fn io_reads(files: &mut [File], buf: &mut [u8]) {
    for f in files {
        f.read(buf).unwrap();
    }
}

fn once(m: &Mutex<u32>) {
    *m.lock().unwrap() += 1;
}

fn stdout_lines(lines: &[String]) {
    for line in lines {
        let mut out = io::stdout().lock();
        writeln!(out, "{line}").unwrap();
    }
}

// Each pass takes the lock of its own shard: different locks, not one fought over.
fn bump_all(keys: &[u64], shards: &[RwLock<HashMap<u64, u64>>]) {
    for key in keys {
        *shards[(*key as usize) % shards.len()].write().unwrap().entry(*key).or_insert(0) += 1;
    }
}

// A polling loop that sleeps each pass takes the lock a few times a second (watchfiles: calibration/verdicts.tsv).
fn wait_for_changes(changes: &Mutex<Vec<Change>>, step: Duration) -> usize {
    loop {
        std::thread::sleep(step);
        let size = changes.lock().unwrap().len();
        if size > 0 {
            return size;
        }
    }
}
