fn known_words(words: &[&str], dictionary: &HashSet<String>) -> usize {
    let mut hits = 0;
    for word in words {
        let key = word.to_string(); // expect: RS004
        if dictionary.contains(&key) {
            hits += 1;
        }
    }
    hits
}

fn lookups(keys: &[&str], map: &HashMap<String, u32>) {
    for k in keys {
        if let Some(v) = map.get(&k.to_string()) { // expect: RS004
            use_it(v);
        }
    }
}

fn appends(rows: &[Row]) -> String {
    let mut out = String::with_capacity(rows.len() * 16);
    for row in rows {
        out.push_str(&format!("{},{}\n", row.a, row.b)); // expect: RS004
    }
    out
}

fn compares(names: &[&str]) -> usize {
    names.iter().filter(|n| n.to_owned() == String::from("x")).count() // expect: RS004
}

fn printed(items: &[Item]) {
    for item in items {
        println!("{}", item.name.to_string()); // expect: RS004
    }
}

fn word_counts(words: &[&str]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in words {
        *counts.entry(word.to_string()).or_insert(0) += 1; // expect: RS004
    }
    counts
}

fn gets(requests: &[Request]) -> usize {
    let mut n = 0;
    for request in requests {
        if request.method.to_uppercase() == "GET" { // expect: RS004
            n += 1;
        }
    }
    n
}

// OK
fn builds_output(words: &[&str]) -> Vec<String> {
    let mut out = Vec::with_capacity(words.len());
    for w in words {
        out.push(w.to_string());
    }
    out
}

fn once(word: &str, dictionary: &HashSet<String>) -> bool {
    let key = word.to_string();
    dictionary.contains(&key)
}

fn stored(words: &[&str], map: &mut HashMap<String, usize>) {
    for w in words {
        let key = w.to_string();
        map.insert(key, 1);
    }
}

fn logged_only(items: &[Item]) {
    for item in items {
        let msg = format!("{}", item.name);
        log::debug!("{}", msg);
    }
}

fn borrowed_str(words: &[&str], dictionary: &HashSet<String>) -> usize {
    words.iter().filter(|word| dictionary.contains(**word)).count()
}

fn passed_by_value(words: &[&str]) {
    for w in words {
        consume(w.to_string());
    }
}

fn number_to_text(ids: &[u32], out: &mut Path) {
    for id in ids {
        out.push(&id.to_string());
    }
}

// An error built on the way out runs once per call, not per iteration (pydantic-core, ripgrep: calibration/verdicts.tsv).
fn parse_all(lines: &[&str]) -> Result<Vec<u32>, String> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        match line.parse::<u32>() {
            Ok(v) => out.push(v),
            Err(e) => return Err(format!("bad line {line}: {e}")),
        }
        if line.is_empty() {
            return Err(format!("empty line after {}", out.len()));
        }
        let v: u32 = line.trim().parse().map_err(|e| format!("{line}: {e}"))?;
        if v == 0 {
            panic!("{}", format!("zero in {line}"));
        }
    }
    Ok(out)
}

fn vowels(text: &str) -> usize {
    // On a char these return iterators, and a char's ASCII case change allocates nothing.
    text.chars().filter(|c| c.to_ascii_lowercase() == 'a' || c.is_uppercase()).count()
}

fn folded_keys(words: &[&str], seen: &mut HashSet<String>) {
    // The lowered word is kept: the allocation is the stored value.
    for word in words {
        seen.insert(word.to_lowercase());
    }
}

fn grouped(rows: &[Row]) -> HashMap<u32, Vec<String>> {
    // The entry key is a number: nothing is allocated for it.
    let mut groups = HashMap::new();
    for row in rows {
        groups.entry(row.id).or_insert_with(Vec::new).push(row.name.clone());
    }
    groups
}

