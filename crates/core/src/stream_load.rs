//! Loading one data file handed over in pieces, as a fetch body arrives chunk by chunk, without
//! ever holding its text when it is a Chatbot Arena battle log.
//!
//! [`StreamLoad`] takes the file's bytes in chunks of any size (a chunk may end inside a line or
//! inside a UTF-8 character) and reads complete lines as they arrive. The first non-blank line
//! decides, as it does for the CLI (`read::load_streamed`): a JSON Lines battle log
//! ([`Dataset::streams_as_arena_log`]) is read line by line by [`ArenaLogLines`]; any other file
//! is kept whole and read by [`Dataset::load`] at the end. Either way the data set, and so its
//! load report with every file and line number, is the one `Dataset::load` gives for the whole
//! text (the native tests check this at every chunk size).
//!
//! Lines are split at `\n` as `str::split('\n')` splits them (a file ending in a line end has an
//! empty last line) and each is read as UTF-8 with invalid bytes replaced, as the CLI reads them.
//!
//! Told the file's size ([`StreamLoad::expect_bytes`], from the response's length), a battle log
//! reserves room for the battles and prompts the first lines project, once. Growing instead
//! rehashes the prompt index and copies the battle and prompt vectors at every doubling: in the
//! browser one such step at 200k battles was a 110 ms main-thread task (CPU profile, the
//! `Bench::prompt_id` insert), and at 1M they cost several times that.

use crate::bench::Bench;
use crate::dataset::Dataset;
use crate::formats::arena_lines::LineReader;
use crate::source::SourceFile;

/// A Chatbot Arena JSON Lines log read one line at a time into its bench.
pub struct ArenaLogLines {
    name: String,
    bench: Bench,
    reader: LineReader,
    first: bool,
    /// Lines read, and whether room was reserved already.
    lines: usize,
    reserved: bool,
}

/// Lines read before projecting the log's size from them: enough for a stable mean line length.
const PROJECT_AFTER: usize = 256;

impl ArenaLogLines {
    /// Starts reading the log `path`, whose beginning `head` [`Dataset::streams_as_arena_log`]
    /// accepted.
    pub fn new(path: &str, head: &str) -> ArenaLogLines {
        let (name, mut bench) = Dataset::single_log_bench(path, head);
        let reader = LineReader::new(&mut bench, path);
        ArenaLogLines {
            name,
            bench,
            reader,
            first: true,
            lines: 0,
            reserved: false,
        }
    }

    /// Reserves room for the battles and prompts of a log of `total` bytes, projected from the
    /// lines read so far (once, after [`PROJECT_AFTER`] lines; a later call does nothing).
    /// Prompts are projected at the ratio seen so far, so a log that repeats a few prompts does
    /// not reserve one per battle. A `total` smaller than the truth (a compressed length) only
    /// reserves less.
    pub fn reserve_for(&mut self, total: u64) {
        if self.reserved || self.lines < PROJECT_AFTER || total == 0 {
            return;
        }
        self.reserved = true;
        let read = self.bench.report.bytes.max(1) as f64;
        let left = (total as f64 - read).max(0.0);
        let per_byte = self.lines as f64 / read;
        // 5% over the projection: line lengths vary, and one more doubling is what this avoids.
        let more_lines = (left * per_byte * 1.05) as usize;
        let b = &mut self.bench;
        let battles = b.file_battles.len() as f64 / self.lines as f64;
        let prompts = b.prompts.len() as f64 / self.lines as f64;
        b.file_battles
            .reserve((more_lines as f64 * battles).ceil() as usize);
        let more_prompts = (more_lines as f64 * prompts).ceil() as usize;
        b.prompts.reserve(more_prompts);
        b.prompt_index.reserve(more_prompts);
    }

    /// Reads the next line (without its `\n`).
    pub fn line(&mut self, line: &str) {
        // The `\n` between lines counts as `text.len()` counts it.
        self.bench.report.bytes += line.len() + usize::from(!self.first);
        self.first = false;
        self.lines += 1;
        self.reader.line(&mut self.bench, line);
    }

    /// Battles read so far.
    pub fn battles(&self) -> usize {
        self.bench.file_battles.len()
    }

    /// The data set: the log's bench, finished as [`Dataset::load`] finishes one.
    pub fn finish(self) -> Dataset {
        Dataset::of_single_log(self.name, self.bench)
    }
}

/// Where a [`StreamLoad`] is.
enum State {
    /// Before the first non-blank line: the lines so far (the head decides the format).
    Head(Vec<String>),
    /// A battle log, read line by line.
    Log(Box<ArenaLogLines>),
    /// Any other file: its bytes, read whole at the end.
    Whole(Vec<u8>),
}

/// One file loaded from chunks of its bytes.
pub struct StreamLoad {
    path: String,
    state: State,
    /// The bytes after the last `\n` seen (an unfinished line).
    pending: Vec<u8>,
    bytes: u64,
    /// The file's size when known (0 otherwise).
    total: u64,
}

impl StreamLoad {
    /// Starts loading the file `path` (its name decides the bench, as for [`Dataset::load`]).
    pub fn new(path: &str) -> StreamLoad {
        StreamLoad {
            path: path.to_string(),
            state: State::Head(Vec::new()),
            pending: Vec::new(),
            bytes: 0,
            total: 0,
        }
    }

    /// The file's size, when the server says it: a battle log then reserves room for what it
    /// will read (see the module's overview). Call it at any time; the data set is the same.
    pub fn expect_bytes(&mut self, total: u64) {
        self.total = total;
        if let State::Log(log) = &mut self.state {
            log.reserve_for(total);
        }
    }

    /// Bytes received so far.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// Battles read so far (0 until the file is known to be a battle log, and for other files).
    pub fn battles(&self) -> usize {
        match &self.state {
            State::Log(log) => log.battles(),
            _ => 0,
        }
    }

    /// True once the file is known to be a battle log read line by line.
    pub fn is_streaming(&self) -> bool {
        matches!(self.state, State::Log(_))
    }

    /// Takes the next chunk of the file's bytes.
    pub fn push(&mut self, chunk: &[u8]) {
        self.bytes += chunk.len() as u64;
        if let State::Whole(all) = &mut self.state {
            all.extend_from_slice(chunk);
            return;
        }
        let mut rest = chunk;
        while let Some(nl) = rest.iter().position(|&b| b == b'\n') {
            let line = if self.pending.is_empty() {
                String::from_utf8_lossy(&rest[..nl]).into_owned()
            } else {
                self.pending.extend_from_slice(&rest[..nl]);
                let l = String::from_utf8_lossy(&self.pending).into_owned();
                self.pending.clear();
                l
            };
            rest = &rest[nl + 1..];
            self.line(line);
            if let State::Whole(all) = &mut self.state {
                // The head was not a battle log: keep everything after it as bytes.
                all.extend_from_slice(rest);
                return;
            }
        }
        self.pending.extend_from_slice(rest);
    }

    fn line(&mut self, line: String) {
        match &mut self.state {
            State::Log(log) => {
                log.line(&line);
                log.reserve_for(self.total);
            }
            State::Head(head) => {
                let blank = line.trim().is_empty();
                head.push(line);
                if !blank {
                    self.decide();
                }
            }
            State::Whole(_) => unreachable!("whole files are not split into lines"),
        }
    }

    /// The head is complete: read on line by line, or keep the whole file.
    fn decide(&mut self) {
        let State::Head(head) = std::mem::replace(&mut self.state, State::Head(Vec::new())) else {
            return;
        };
        let head_text = head.join("\n");
        if Dataset::streams_as_arena_log(&self.path, &head_text) {
            let mut log = ArenaLogLines::new(&self.path, &head_text);
            for l in &head {
                log.line(l);
            }
            self.state = State::Log(Box::new(log));
        } else {
            // The head lines are valid UTF-8 or were replaced; so would the whole text be.
            let mut all = head_text.into_bytes();
            all.push(b'\n');
            self.state = State::Whole(all);
        }
    }

    /// The data set, as [`Dataset::load`] gives it for the whole text.
    pub fn finish(mut self) -> Dataset {
        let last = std::mem::take(&mut self.pending);
        match self.state {
            State::Log(mut log) => {
                log.line(&String::from_utf8_lossy(&last));
                log.finish()
            }
            State::Whole(mut all) => {
                all.extend_from_slice(&last);
                whole(&self.path, all)
            }
            State::Head(head) => {
                // Only blank lines (or nothing): not a battle log.
                let mut text = head.join("\n");
                if !head.is_empty() {
                    text.push('\n');
                }
                text.push_str(&String::from_utf8_lossy(&last));
                whole(&self.path, text.into_bytes())
            }
        }
    }
}

fn whole(path: &str, bytes: Vec<u8>) -> Dataset {
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    Dataset::load(vec![SourceFile {
        path: path.to_string(),
        text,
    }])
}
