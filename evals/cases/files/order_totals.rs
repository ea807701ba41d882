use std::collections::HashMap;

pub struct Order {
    pub customer: String,
    pub amount_cents: u64,
}

/// Sums order amounts per customer for the nightly statement run (~2 million orders).
pub fn totals_by_customer(orders: &[Order]) -> HashMap<String, u64> {
    let mut totals: HashMap<String, u64> = HashMap::new();
    for order in orders {
        let customer = order.customer.clone();
        if is_internal(&customer) {
            continue;
        }
        *totals.entry(order.customer.clone()).or_insert(0) += order.amount_cents;
    }
    totals
}

fn is_internal(customer: &str) -> bool {
    customer.starts_with("internal-")
}
