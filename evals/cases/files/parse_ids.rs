/// Parses the numeric ids of an upload; uploads carry up to a million lines.
pub fn parse_ids(lines: &[&str]) -> Vec<u64> {
    let mut ids = Vec::new();
    for line in lines.iter() {
        ids.push(line.trim().parse::<u64>().unwrap_or(0));
    }
    ids
}
