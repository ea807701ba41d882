async fn refresh(&self, key: u64) {
    let mut cache = self.cache.lock().unwrap(); // expect: RS013
    let value = fetch(key).await;
    cache.insert(key, value);
}

async fn write_guard(state: &RwLock<State>) {
    let mut s = state.write().expect("poisoned"); // expect: RS013
    s.version += 1;
    notify().await;
}

async fn parking_lot(m: &parking_lot::Mutex<u32>) {
    let g = m.lock(); // expect: RS013
    send(*g).await;
}

// OK
async fn scoped(&self, key: u64) {
    let value = fetch(key).await;
    {
        let mut cache = self.cache.lock().unwrap();
        cache.insert(key, value);
    }
    done().await;
}

async fn dropped(m: &Mutex<u32>) {
    let g = m.lock().unwrap();
    let n = *g;
    drop(g);
    send(n).await;
}

async fn tokio_mutex(m: &tokio::sync::Mutex<u32>) {
    let g = m.lock().await;
    send(*g).await;
}

async fn temporary(m: &Mutex<Vec<u32>>) {
    let n = m.lock().unwrap().len();
    send(n).await;
}

fn not_async(m: &Mutex<u32>) {
    let g = m.lock().unwrap();
    block_on(send(*g));
}

async fn await_in_other_task(m: &Mutex<u32>) {
    let g = m.lock().unwrap();
    let n = *g;
    tokio::spawn(async move {
        send(n).await;
    });
}
