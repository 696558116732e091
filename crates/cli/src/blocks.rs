//! A file's text in blocks of whole lines, for `Dataset::load_arena_log_blocks`: a battle log of
//! a million lines is read a few megabytes at a time, never held whole, and each block is parsed
//! on several threads.

use std::io::Read;

/// About how many bytes a block holds (it runs on to the next line end).
const BLOCK: usize = 8 << 20;

/// A reader's text in blocks that each end right after a `\n` (the last: at the end of the file),
/// each read as UTF-8 with invalid bytes replaced, as `read::read_text` reads the whole file. A
/// `\n` is never part of a multi-byte character, so replacing block by block replaces exactly
/// what replacing the whole text would.
pub struct Blocks<R> {
    reader: R,
    /// The bytes after the last line end of the block handed out last.
    carry: Vec<u8>,
    /// True once the reader reached its end (or failed).
    pub done: bool,
    /// The read error that ended the blocks early, if any.
    pub error: Option<std::io::Error>,
}

impl<R: Read> Blocks<R> {
    pub fn new(reader: R) -> Blocks<R> {
        Blocks {
            reader,
            carry: Vec::new(),
            done: false,
            error: None,
        }
    }
}

impl<R: Read> Iterator for Blocks<R> {
    type Item = String;
    fn next(&mut self) -> Option<String> {
        if self.done {
            return None;
        }
        let mut buf = std::mem::take(&mut self.carry);
        // Room for the whole block at once: growing by doubling copied each block several times.
        buf.reserve(BLOCK);
        loop {
            let old = buf.len();
            match (&mut self.reader).take(BLOCK as u64).read_to_end(&mut buf) {
                Ok(0) => {
                    self.done = true;
                    break;
                }
                Ok(_) if buf[old..].contains(&b'\n') => break,
                Ok(_) => {}
                Err(e) => {
                    self.error = Some(e);
                    self.done = true;
                    return None;
                }
            }
        }
        if !self.done {
            let cut = buf.iter().rposition(|&c| c == b'\n').expect("found above") + 1;
            self.carry = buf.split_off(cut);
        }
        if buf.is_empty() {
            return None;
        }
        Some(match String::from_utf8(buf) {
            Ok(s) => s,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        })
    }
}

/// Where the first non-blank line of `text` ends (before its `\n`), once it is whole: followed by
/// a `\n`, or `at_end` of the file. This is the head the format sniffer reads.
pub fn head_end(text: &str, at_end: bool) -> Option<usize> {
    let mut start = 0;
    for piece in text.split('\n') {
        let end = start + piece.len();
        if !piece.trim().is_empty() {
            return (end < text.len() || at_end).then_some(end);
        }
        start = end + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader handing out at most 3 bytes per call, so blocks and lines cross read boundaries.
    struct Trickle<'a>(&'a [u8]);
    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.len().min(out.len()).min(3);
            out[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn blocks_are_the_text_cut_after_line_ends() {
        // Reference: the text itself (and `from_utf8_lossy` of all of it for invalid bytes).
        for text in [
            &b""[..],
            b"\n",
            b"a",
            b"a\nb",
            b"a\nb\n",
            b"{\"x\":1}\r\n\n{\"y\":\xff}\n",
        ] {
            let blocks: Vec<String> = Blocks::new(Trickle(text)).collect();
            assert_eq!(blocks.concat(), String::from_utf8_lossy(text));
            for b in &blocks[..blocks.len().saturating_sub(1)] {
                assert!(b.ends_with('\n'));
            }
        }
    }

    #[test]
    fn the_head_is_the_first_whole_non_blank_line() {
        assert_eq!(head_end("\n  \n{\"a\":1}\nrest", false), Some(11));
        assert_eq!(head_end("\n{\"a\":1", false), None);
        assert_eq!(head_end("\n{\"a\":1", true), Some(7));
        assert_eq!(head_end("\n \n", true), None);
    }
}
