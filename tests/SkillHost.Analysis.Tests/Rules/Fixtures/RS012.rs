fn dedup(ids: &[u32]) -> Vec<u32> {
    let mut seen = Vec::new();
    for id in ids {
        if !seen.contains(id) { // expect: RS012
            seen.push(*id);
        }
    }
    seen
}

fn filter(items: &[Item], banned: Vec<u64>) {
    for item in items {
        if banned.contains(&item.id) { // expect: RS012
            continue;
        }
    }
}

fn collected(items: &[Item], other: &[Item]) {
    let keys = other.iter().map(|o| o.key).collect::<Vec<_>>();
    items.iter().filter(|i| keys.contains(&i.key)).count(); // expect: RS012
}

fn any_scan(items: &[u32], wanted: &[u32]) {
    for x in items {
        if wanted.iter().any(|w| *w == *x) { // expect: RS012
            hits += 1;
        }
    }
}

struct Registry {
    names: Vec<String>,
}

impl Registry {
    fn add_all(&mut self, new: &[String]) {
        for n in new {
            if !self.names.contains(n) { // expect: RS012
                self.names.push(n.clone());
            }
        }
    }
}

// OK
fn with_set(ids: &[u32]) {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.contains(id) {
            seen.insert(*id);
        }
    }
}

fn small_constant(words: &[&str]) {
    let stop = vec!["a", "an", "the"];
    for w in words {
        if stop.contains(w) {
            continue;
        }
    }
}

fn array_literal(bytes: &[u8]) {
    for b in bytes {
        if [b' ', b'\t'].contains(b) {
            continue;
        }
    }
}

fn string_contains(lines: &[String], needle: &str) {
    for line in lines {
        if line.contains(needle) {
            hits += 1;
        }
    }
}

fn range_contains(values: &[u32]) {
    let r = 0..10;
    for v in values {
        if r.contains(v) {
            hits += 1;
        }
    }
}

fn outside_loop(seen: Vec<u32>, id: u32) -> bool {
    seen.contains(&id)
}

fn own_vec_per_item(groups: &[Group]) {
    for g in groups {
        let members: Vec<u32> = g.members();
        if members.contains(&g.owner) {
            n += 1;
        }
    }
}
