fn settle(orders: &[Order]) {
    for order in orders {
        let summary = format!("{} x{}", order.sku, order.quantity); // expect: RS010
        log::debug!("settling {}", summary);
        book(order);
    }
}

fn trace_each(items: &[Item]) {
    for item in items {
        tracing::info!("{}", format!("{:?}", item)); // expect: RS010
    }
}

fn warn_clone(rows: &[Row]) {
    rows.iter().for_each(|r| warn!("bad row {}", r.key.clone())); // expect: RS010
}

// OK
// `log` and `tracing` evaluate their arguments only when the level is on: with debug/trace off these build nothing.
fn trace_each_lazily(items: &[Item]) {
    for item in items {
        trace!("item {}", item.name.to_string());
        debug!("tags {}", item.tags.join(","));
    }
}

fn settle_lazily(orders: &[Order]) {
    for order in orders {
        log::debug!("settling {} x{}", order.sku, order.quantity);
        book(order);
    }
}

fn once(orders: &[Order]) {
    let summary = format!("{} orders", orders.len());
    info!("{}", summary);
}

fn format_args_is_lazy(items: &[Item]) {
    for item in items {
        debug!("{}", format_args!("{}-{}", item.a, item.b));
    }
}

fn message_also_returned(items: &[Item]) -> Vec<String> {
    let mut out = Vec::new();
    for item in items {
        let msg = format!("{}", item.name);
        debug!("{}", msg);
        out.push(msg);
    }
    out
}

fn not_a_log_macro(items: &[Item]) {
    for item in items {
        println!("{}", item.name);
    }
}

#[test]
fn in_a_test() {
    for i in 0..10 {
        debug!("{}", i.to_string());
    }
}
