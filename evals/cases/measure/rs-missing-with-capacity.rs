// Harness for rs-missing-with-capacity: an upload of `n` lines, each a numeric id (some padded, some malformed, as
// uploads are); `run` parses them and returns the count and the sum of the ids as text.
fn make_input(n: usize) -> Vec<&'static str> {
    (0..n)
        .map(|i| {
            let line = match i % 10 {
                0 => format!("  {} ", i * 7919),
                9 => format!("id-{}", i),
                _ => format!("{}", i * 7919),
            };
            &*Box::leak(line.into_boxed_str())
        })
        .collect()
}

fn run(lines: &Vec<&'static str>) -> String {
    let ids = parse_ids(lines);
    format!("{} {}", ids.len(), ids.iter().sum::<u64>())
}
