fn bodies(items: &[Item], data: &Data) -> Vec<String> {
    let mut v = Vec::new();
    let mut s: String = String::new();
    let cap = Vec::with_capacity(items.len());
    let b = Box::new(5);
    let shared = Arc::new(Mutex::new(0));
    let name = data.name.clone();
    let (a, mut b2) = (1, 2);
    let Some(first) = items.first() else { return vec![]; };
    let out: Vec<_> = items.iter().map(|x| x.id).collect::<Vec<_>>();
    'outer: for (i, item) in items.iter().enumerate() {
        for other in items {
            if item.key == other.key && i != 0 {
                continue 'outer;
            }
        }
        v.push(item.to_string());
        s += &format!("{}", item.name.clone());
        debug!("{:?}", item.to_string());
        log::debug!("x {}", i);
        tracing::info!(count = i, "y");
        total = total + 1;
        self.a.b = 3;
    }
    while let Some(x) = stack.pop() { println!("{}", x); }
    while n > 0 { n -= 1; }
    loop { break; }
    if a > 1 { x(); } else if let Some(y) = z { y.go(); } else { w(); }
    match value {
        Some(v) if v.is_ok() => handle(v),
        None => { other(); }
        Err(e) => total += 1,
        _ => if a { b() } else { c() }
        Kind::B(x) => x.len(),
    }
    unsafe { raw.call(); }
    const { LIMIT };
    v
}

async fn asyncs(client: &Client, m: &Mutex<u8>) {
    let guard = m.lock().unwrap();
    let r = client.get(url).send().await?;
    let body = fetch().await;
    let h = tokio::spawn(async move { work().await });
    let f = async { 1 };
    let c = async move |x: u8| x + 1;
    Python::with_gil(|py| py.allow_threads(move || compute(py)));
    items.par_iter().for_each(|it| it.process());
    let sum: u32 = xs.iter().filter(|&&x| x > 1).map(|x| x * 2).sum();
    let t = tuple.0.1;
    let ok = a.b == c.d;
    let x = foo::<u8, u16>(1, "s", &y, &mut z, w.v, vec![1], |q| q, bar(), -3);
}
