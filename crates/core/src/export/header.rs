//! The header block of an export: key/value lines naming what computed the numbers (method and
//! method line, seed, rounds, level), where the data came from and when the export was made.
//!
//! The date is passed in (the core has no clock): the CLI gives the system date, the site the
//! browser's. Values are typed cells so JSON keeps numbers as numbers.

use super::table::Cell;
use crate::method::Method;

/// Where and when: what the caller knows that the computation does not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Provenance {
    /// The data's URL (site) or path (CLI).
    pub data: String,
    /// The export date, `YYYY-MM-DD`.
    pub date: String,
}

/// How the numbers were computed, as a view ran them.
#[derive(Clone, Debug, PartialEq)]
pub struct Computation<'a> {
    pub method: Method,
    pub method_line: &'a str,
    pub seed: u64,
    pub rounds: u32,
    pub level: f64,
}

/// Ordered key/value lines.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Header {
    lines: Vec<(String, Cell)>,
}

impl Header {
    /// The standard block: method, method line, seed, rounds, level, then data and date.
    pub fn new(c: &Computation, p: &Provenance) -> Header {
        Header::default()
            .with("method", Cell::text(c.method.as_str()))
            .with("method_line", Cell::text(c.method_line))
            .with("seed", Cell::int(c.seed))
            .with("rounds", Cell::int(c.rounds))
            .with("level", Cell::num(Some(c.level)))
            .with("data", Cell::text(p.data.clone()))
            .with("date", Cell::text(p.date.clone()))
    }

    /// Adds a line (bench, judge, baseline, ...); a key already present is replaced in place.
    pub fn with(mut self, key: &str, value: Cell) -> Header {
        match self.lines.iter_mut().find(|(k, _)| k == key) {
            Some(line) => line.1 = value,
            None => self.lines.push((key.to_string(), value)),
        }
        self
    }

    pub fn lines(&self) -> &[(String, Cell)] {
        &self.lines
    }

    pub fn get(&self, key: &str) -> Option<&Cell> {
        self.lines.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

/// A header value on one line: line breaks (possible in a path or a name) become spaces, so a
/// value can never end a comment line early and start a line of its own.
pub fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bootstrap::{BootstrapSpec, BootstrapUnit};
    use crate::purpose::Purpose;

    #[test]
    fn the_standard_block_names_the_method_and_is_in_order() {
        let spec = BootstrapSpec::new(100, 42, 0.95, BootstrapUnit::Prompt).unwrap();
        let line = Method::ArenaLens.line(Purpose::Leaderboard, &spec, false);
        let h = Header::new(
            &Computation {
                method: Method::ArenaLens,
                method_line: &line,
                seed: 42,
                rounds: 100,
                level: 0.95,
            },
            &Provenance {
                data: "data/demo/".into(),
                date: "2026-01-02".into(),
            },
        )
        .with("bench", Cell::text("arena-hard-v0.1"))
        .with("seed", Cell::int(7u32));
        let keys: Vec<&str> = h.lines().iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "method",
                "method_line",
                "seed",
                "rounds",
                "level",
                "data",
                "date",
                "bench"
            ]
        );
        assert_eq!(h.get("seed"), Some(&Cell::Int(7)));
        assert_eq!(h.get("method"), Some(&Cell::text("arena-lens")));
        assert_eq!(one_line("a\r\nb\tc"), "a  b c");
    }
}
