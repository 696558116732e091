//! A load in pieces: the files of a [`Job::Load`] or [`Job::LoadSecond`] cross to the worker as
//! several [`Job::LoadPart`] messages of at most a few megabytes each, then the load itself with
//! no files, so that the page posts them in tasks of their own rather than one message of tens of
//! megabytes (turning 33 MB of Rust text into one JavaScript string and cloning it for the worker
//! took 54-142 ms of the page's thread in one task). The worker puts the pieces together
//! ([`LoadParts`]) and parses the whole when the load arrives.
//!
//! The pieces of one load are sent one after the other, then the load, on one channel, so they
//! arrive in that order; a piece of another load id starts over (a newer load replaces an older
//! one whose pieces were cut short).

use super::protocol::{FileText, Job, Request};
use crate::source::SourceFile;
use serde::Serialize;

/// The files of the load whose pieces are arriving, in order, with that load's id.
#[derive(Debug, Default)]
pub struct LoadParts {
    id: u64,
    files: Vec<FileText>,
}

impl LoadParts {
    /// Adds one piece of load `id`: a new file, or (`append`) more of the last one's text. A
    /// piece of another load drops what was gathered for the previous one.
    pub fn add(&mut self, id: u64, path: String, text: String, append: bool) {
        if id != self.id {
            self.id = id;
            self.files.clear();
        }
        match self.files.last_mut() {
            Some(last) if append && last.path == path => last.text.push_str(&text),
            _ => self.files.push(FileText { path, text }),
        }
    }

    /// Drops whatever pieces are held: a load that brings none ([`Job::LoadUrl`]) replaces the
    /// one they belonged to, and their text (up to the whole data set) should not wait in the
    /// worker for the next load in pieces.
    pub fn clear(&mut self) {
        self.files = Vec::new();
    }

    /// Bytes of text held for the load whose pieces are arriving.
    pub fn held_bytes(&self) -> usize {
        self.files.iter().map(|f| f.text.len()).sum()
    }

    /// The files of load `id`: its pieces, then the `files` the load itself carries. Pieces of
    /// another id are dropped.
    pub fn take(&mut self, id: u64, files: Vec<FileText>) -> Vec<FileText> {
        let mut out = if self.id == id {
            std::mem::take(&mut self.files)
        } else {
            self.files.clear();
            Vec::new()
        };
        out.extend(files);
        out
    }
}

/// The longest prefix of `text` of at most `max` bytes that ends on a character boundary (at
/// least one character, so that a piece always moves on).
fn cut(text: &str, max: usize) -> usize {
    if text.len() <= max {
        return text.len();
    }
    let mut end = max.max(1);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end == 0 {
        // A character longer than `max`: take it whole.
        end = text.char_indices().nth(1).map_or(text.len(), |(i, _)| i);
    }
    end
}

/// The messages of load request `id` (`second`: the diff's run 2) in pieces of at most
/// `max_bytes` of text each: a [`Job::LoadPart`] per piece, in file order, then the load itself
/// with no files. Sent in this order, the worker parses exactly `files`.
pub fn encode_load_parts(
    id: u64,
    files: &[SourceFile],
    second: bool,
    max_bytes: usize,
) -> Vec<String> {
    #[derive(Serialize)]
    struct PartRef<'a> {
        id: u64,
        job: JobPartRef<'a>,
    }
    #[derive(Serialize)]
    #[serde(tag = "job", rename_all = "snake_case")]
    enum JobPartRef<'a> {
        LoadPart {
            path: &'a str,
            text: &'a str,
            append: bool,
        },
    }
    let mut out = Vec::new();
    for f in files {
        let mut rest = f.text.as_str();
        let mut append = false;
        loop {
            let end = cut(rest, max_bytes);
            let (piece, tail) = rest.split_at(end);
            let part = PartRef {
                id,
                job: JobPartRef::LoadPart {
                    path: &f.path,
                    text: piece,
                    append,
                },
            };
            out.push(serde_json::to_string(&part).expect("protocol messages serialise"));
            append = true;
            rest = tail;
            if rest.is_empty() {
                break;
            }
        }
    }
    let job = if second {
        Job::LoadSecond { files: Vec::new() }
    } else {
        Job::Load { files: Vec::new() }
    };
    out.push(Request { id, job }.encode());
    out
}
