async fn squares(values: &[u64]) -> Vec<u64> {
    let handles: Vec<_> = values
        .iter()
        .map(|&v| tokio::spawn(async move { v * v })) // expect: RS006
        .collect();
    let mut out = Vec::with_capacity(handles.len());
    for handle in handles {
        out.push(handle.await.unwrap());
    }
    out
}

async fn fan_out(ids: Vec<u64>) {
    for id in ids {
        task::spawn(async move { id + 1 }); // expect: RS006
    }
}

async fn one_call_each(urls: Vec<String>) {
    for url in urls {
        tokio::spawn(fetch(url)); // expect: RS006
    }
}

// OK
async fn accept_loop(listener: TcpListener) {
    loop {
        let (socket, _) = listener.accept().await.unwrap();
        tokio::spawn(async move { handle(socket).await });
    }
}

async fn chunked(values: Vec<u64>) {
    for chunk in values.chunks(1024) {
        let chunk = chunk.to_vec();
        tokio::spawn(async move {
            for v in chunk {
                process(v).await;
                record(v);
            }
        });
    }
}

async fn single_spawn() {
    tokio::spawn(async move { 1 + 1 });
}

async fn real_work(jobs: Vec<Job>) {
    for job in jobs {
        tokio::spawn(async move {
            let data = download(&job.url).await;
            store(&job.id, data).await;
        });
    }
}
