// Cut from BurntSushi/ripgrep at 3fce3b5bb0236da2df6d99672afb8a719642eca7,
// crates/printer/src/json.rs:847-884 (`SubMatches::new`), with the types it needs from
// grep-matcher (`Match`) and the printer's `jsont::SubMatch`, reduced to plain structs.
// Runs once per matching line in `rg --json` output.
use std::ops::Index;

#[derive(Clone, Copy, Debug)]
pub struct Match {
    start: usize,
    end: usize,
}

impl Match {
    pub fn new(start: usize, end: usize) -> Match {
        Match { start, end }
    }
    pub fn start(&self) -> usize {
        self.start
    }
    pub fn end(&self) -> usize {
        self.end
    }
}

impl Index<Match> for [u8] {
    type Output = [u8];
    fn index(&self, index: Match) -> &[u8] {
        &self[index.start..index.end]
    }
}

pub struct SubMatch<'a> {
    pub m: &'a [u8],
    pub replacement: Option<&'a [u8]>,
    pub start: usize,
    pub end: usize,
}

pub enum SubMatches<'a> {
    Empty,
    Small([SubMatch<'a>; 1]),
    Big(Vec<SubMatch<'a>>),
}

impl<'a> SubMatches<'a> {
    /// Create a new set of match ranges from a set of matches and the
    /// corresponding bytes that those matches apply to.
    pub fn new(
        bytes: &'a [u8],
        matches: &[Match],
        replacement: Option<(&'a [u8], &'a [Match])>,
    ) -> SubMatches<'a> {
        if matches.len() == 1 {
            let mat = matches[0];
            SubMatches::Small([SubMatch {
                m: &bytes[mat],
                replacement: replacement
                    .map(|(rbuf, rmatches)| &rbuf[rmatches[0]]),
                start: mat.start(),
                end: mat.end(),
            }])
        } else {
            let mut match_ranges = vec![];
            for (i, &mat) in matches.iter().enumerate() {
                match_ranges.push(SubMatch {
                    m: &bytes[mat],
                    replacement: replacement
                        .map(|(rbuf, rmatches)| &rbuf[rmatches[i]]),
                    start: mat.start(),
                    end: mat.end(),
                });
            }
            SubMatches::Big(match_ranges)
        }
    }

    /// Return this set of match ranges as a slice.
    pub fn as_slice(&self) -> &[SubMatch<'_>] {
        match *self {
            SubMatches::Empty => &[],
            SubMatches::Small(ref x) => x,
            SubMatches::Big(ref x) => x,
        }
    }
}
