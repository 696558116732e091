//! Reading a Chatbot Arena JSON Lines battle log in blocks of whole lines, parsing each block's
//! lines on several threads and adding them to the bench in file order.
//!
//! Parsing a record (`arena_log::read_line`) is pure and is most of the time a million battles
//! take; adding it (`arena_log::apply_line`: interning the prompt id and model names, the
//! duplicate check, the report) is cheap and must see the lines in order so ids, first-seen order
//! and the load report come out as one thread makes them. So a block's lines are cut into one
//! contiguous run per thread, each run parsed on its own scoped thread, and the results added
//! line by line afterwards, each with its true line number. With one thread (and always on
//! wasm32, which has no threads here) it is exactly [`super::arena_lines::LineReader`].

use super::arena_log::{apply_line, read_line, LineRead, Seen};
use crate::bench::{Bench, Layout};

/// Reads a JSON Lines battle log handed over in blocks (see [`BlockReader::block`]).
pub struct BlockReader {
    file: String,
    /// Lines read so far.
    line: usize,
    seen: Seen,
    threads: usize,
}

impl BlockReader {
    /// Starts reading `file` into `bench`, parsing on up to `threads` threads.
    pub fn new(bench: &mut Bench, file: &str, threads: usize) -> BlockReader {
        if bench.layout == Layout::Empty {
            bench.layout = Layout::ArenaLog;
        }
        BlockReader {
            file: file.to_string(),
            line: 0,
            seen: Seen::default(),
            threads: if cfg!(target_arch = "wasm32") {
                1
            } else {
                threads.max(1)
            },
        }
    }

    /// Reads the next block of the file: whole lines, so it ends right after a `\n`, or at the
    /// end of the file. The blocks, one after another, are the file's text.
    pub fn block(&mut self, bench: &mut Bench, block: &str) {
        // `split` gives the part after a final `\n` as an empty last piece: that is the next
        // block's first line, not a line of this one.
        let body = block.strip_suffix('\n').unwrap_or(block);
        let lines: Vec<&str> = if block.is_empty() {
            Vec::new()
        } else {
            body.split('\n').collect()
        };
        let first = self.line + 1;
        let reads = parse_runs(&lines, first, self.threads);
        for (i, r) in reads.into_iter().enumerate() {
            if let Some(r) = r {
                apply_line(bench, &self.file, first + i, r, &mut self.seen);
            }
        }
        self.line += lines.len();
    }
}

/// Each line read (`None`: blank), `lines` cut into one contiguous run per thread.
fn parse_runs<'a>(lines: &[&'a str], first: usize, threads: usize) -> Vec<Option<LineRead<'a>>> {
    // The CLI's blocks are megabytes, so a thread always has work; small blocks (tests) split
    // the same way, which is what tests the split.
    let threads = threads.clamp(1, lines.len().max(1));
    if threads == 1 {
        return parse_run(lines, first);
    }
    let per = lines.len().div_ceil(threads);
    std::thread::scope(|s| {
        let mut runs = lines.chunks(per).enumerate();
        let (_, mine) = runs.next().expect("at least one run");
        let handles: Vec<_> = runs
            .map(|(k, run)| s.spawn(move || parse_run(run, first + k * per)))
            .collect();
        let mut out = parse_run(mine, first);
        for h in handles {
            out.extend(h.join().expect("a parsing thread panicked"));
        }
        out
    })
}

/// Reads a run of lines whose first is line `first` of the file, as
/// [`super::arena_lines::LineReader::line`] reads each.
fn parse_run<'a>(lines: &[&'a str], first: usize) -> Vec<Option<LineRead<'a>>> {
    lines
        .iter()
        .enumerate()
        .map(|(i, &line)| {
            let mut line = line.trim_end_matches('\r');
            if first + i == 1 {
                // As `parse` and then `lines` each drop a byte order mark.
                for _ in 0..2 {
                    line = line.strip_prefix('\u{feff}').unwrap_or(line);
                }
            }
            (!line.trim().is_empty()).then(|| read_line(line))
        })
        .collect()
}
