//! Reading a Chatbot Arena JSON Lines battle log handed over one line at a time, exactly as
//! `arena_log::parse` reads the whole text (same line numbers, same byte order mark and `\r`
//! handling, same reports), so a log of millions of battles never has to be held as one string.

use super::arena_log::{json_line, Seen};
use crate::bench::{Bench, Layout};

/// Reads a JSON Lines battle log handed over one line at a time, exactly as [`super::arena_log::parse`] reads the
/// whole text, so a log of millions of battles never has to be held as one string.
pub struct LineReader {
    file: String,
    line: usize,
    seen: Seen,
}

impl LineReader {
    /// Starts reading `file` into `bench`.
    pub fn new(bench: &mut Bench, file: &str) -> LineReader {
        if bench.layout == Layout::Empty {
            bench.layout = Layout::ArenaLog;
        }
        LineReader {
            file: file.to_string(),
            line: 0,
            seen: Seen::default(),
        }
    }

    /// Reads the next line of the file (without its `\n`).
    pub fn line(&mut self, bench: &mut Bench, line: &str) {
        self.line += 1;
        let mut line = line.trim_end_matches('\r');
        if self.line == 1 {
            // As `parse` and then `lines` each drop a byte order mark.
            for _ in 0..2 {
                line = line.strip_prefix('\u{feff}').unwrap_or(line);
            }
        }
        if !line.trim().is_empty() {
            json_line(bench, &self.file, self.line, line, &mut self.seen);
        }
    }
}
