async fn probe_all(hosts: &[Host]) -> Vec<Health> {
    let mut report = Vec::with_capacity(hosts.len());
    for host in hosts {
        report.push(probe(host).await); // expect: RS011
    }
    report
}

async fn fetch_all(client: &Client, urls: &[String]) {
    for url in urls {
        let body = client.get(url).send().await; // expect: RS011
        store(body);
    }
}

// OK
async fn concurrent(hosts: &[Host]) -> Vec<Health> {
    futures::future::join_all(hosts.iter().map(probe)).await
}

async fn ordered_writes(stream: &mut TcpStream, frames: &[Frame]) {
    for frame in frames {
        stream.write_all(&frame.bytes).await.unwrap();
    }
}

async fn channel(tx: &Sender<u32>, items: &[u32]) {
    for i in items {
        tx.send(*i).await.unwrap();
    }
}

async fn dependent(steps: &[Step]) -> State {
    let mut state = State::default();
    for step in steps {
        state = step.apply(state).await;
    }
    state
}

async fn first_ok(mirrors: &[Mirror]) -> Option<Data> {
    for m in mirrors {
        if let Ok(d) = fetch(m).await {
            return Some(d);
        }
    }
    None
}

async fn not_per_item(items: &[Item]) {
    for _ in items {
        tick().await;
    }
}

fn sync_fn(items: &[Item]) {
    for i in items {
        block_on(fetch(i));
    }
}

async fn stream_loop(mut s: Stream) {
    while let Some(x) = s.next().await {
        handle(x).await;
    }
}
