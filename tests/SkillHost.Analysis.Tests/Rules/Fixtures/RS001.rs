fn attach(invoices: &[Invoice], customers: &[Customer]) -> Vec<Option<&Customer>> {
    let mut matched = Vec::with_capacity(invoices.len());
    for inv in invoices {
        let mut found = None;
        for c in customers {
            if c.id == inv.customer_id { // expect: RS001
                found = Some(c);
                break;
            }
        }
        matched.push(found);
    }
    matched
}

fn attach_with_find(invoices: &[Invoice], customers: &[Customer]) {
    for inv in invoices {
        let c = customers.iter().find(|c| c.id == inv.customer_id); // expect: RS001
        use_it(c);
    }
}

fn pairs(orders: &[Order], lines: &Vec<Line>) {
    orders.iter().for_each(|o| {
        for l in lines.iter() {
            if o.key == l.order_key { // expect: RS001
                total += l.amount;
            }
        }
    });
}

fn elements(wanted: &[u32], have: &[u32]) {
    for w in wanted {
        for h in have {
            if *h == *w { // expect: RS001
                hits += 1;
            }
        }
    }
}

// OK
fn indexed(invoices: &[Invoice], customers: &[Customer]) {
    let by_id: HashMap<u64, &Customer> = customers.iter().map(|c| (c.id, c)).collect();
    for inv in invoices {
        let found = by_id.get(&inv.customer_id);
    }
}

fn ranges(n: usize, a: &[u32]) {
    for i in 0..n {
        for j in 0..n {
            if a[i] == a[j] {
                dup += 1;
            }
        }
    }
}

fn inner_compares_to_constant(rows: &[Row], cols: &[Col]) {
    for r in rows {
        for c in cols {
            if c.kind == KIND_TEXT {
                r.render(c);
            }
        }
    }
}

fn inner_over_outer_item(groups: &[Group]) {
    for g in groups {
        for m in g.members.iter() {
            if m.owner == g.id {
                owned += 1;
            }
        }
    }
}

fn single_loop(items: &[Item], target: &Item) {
    for it in items {
        if it.key == target.key {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    fn quadratic_in_test(a: &[Item], b: &[Item]) {
        for x in a {
            for y in b {
                if x.key == y.key {
                    n += 1;
                }
            }
        }
    }
}
