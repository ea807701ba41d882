// Harness for ripgrep-json-submatches: one matching line of `rg --json` with `n` matches of a short word, as in a
// minified file or a log line with many hits; `run` builds the line's SubMatches and returns their spans as text.
struct Line {
    bytes: Vec<u8>,
    matches: Vec<Match>,
}

fn make_input(n: usize) -> Line {
    let mut bytes = Vec::with_capacity(n * 8);
    let mut matches = Vec::with_capacity(n);
    for i in 0..n {
        let start = bytes.len();
        bytes.extend_from_slice(b"err");
        matches.push(Match::new(start, start + 3));
        bytes.extend_from_slice(format!(" {:03} ", i % 1000).as_bytes());
    }
    Line { bytes, matches }
}

fn run(line: &Line) -> String {
    let subs = SubMatches::new(&line.bytes, &line.matches, None);
    let mut total = 0usize;
    let mut last = 0usize;
    for m in subs.as_slice() {
        total += m.m.len();
        last = m.end;
    }
    format!("{} {} {}", subs.as_slice().len(), total, last)
}
