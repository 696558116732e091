//! `conv_metadata` for an answer, counted exactly the way Arena-Hard's `count_markdown_elements`
//! does, so the demo's style-control numbers mean the same as the real ones:
//!
//! 1. fenced code is removed first (`re.findall("```([^`]*)```")`, then each captured body is
//!    `str.replace`d by "");
//! 2. `hN`: lines matching `^#{N}\s`;
//! 3. ordered / unordered list items: `^\s*\d+\.\s` / `^\s*[-*+]\s` (multi-line mode, so `\s*` may
//!    run across blank lines, and matches never overlap);
//! 4. bold: `\*\*[^*\n]+\*\*` and `__[^_\n]+__`, non-overlapping, leftmost first.
//!
//! The regexes are emulated by hand (no regex crate, to keep the wasm small). `\s` is taken as
//! ASCII whitespace, which is exact for the ASCII text the demo writes.
//! `token_len` is approximated as words x 1.3 (no tokenizer in the browser).

/// Markdown element counts of one answer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MarkdownCounts {
    /// `h1` .. `h6`.
    pub headers: [u32; 6],
    pub ordered: u32,
    pub unordered: u32,
    /// `**bold**` pairs.
    pub bold_star: u32,
    /// `__bold__` pairs.
    pub bold_under: u32,
}

/// Whitespace-separated words of a text.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Approximate token count: words x 1.3, rounded half up (integer maths, so it is exact).
pub fn token_len(text: &str) -> u32 {
    ((word_count(text) * 13 + 5) / 10) as u32
}

/// Counts as Arena-Hard computes them (see module docs).
pub fn count(markdown: &str) -> MarkdownCounts {
    let text = strip_code(markdown);
    let b = text.as_bytes();
    let mut c = MarkdownCounts::default();
    for (level, slot) in c.headers.iter_mut().enumerate() {
        *slot = count_at_line_starts(b, false, |s| header(s, level + 1));
    }
    c.ordered = count_at_line_starts(b, true, ordered_item);
    c.unordered = count_at_line_starts(b, true, unordered_item);
    c.bold_star = count_bold(b, b'*');
    c.bold_under = count_bold(b, b'_');
    c
}

/// Removes the bodies of fenced code blocks the way the reference does (the fences themselves
/// stay behind as a run of backticks, which matches no counted pattern).
pub fn strip_code(text: &str) -> String {
    let b = text.as_bytes();
    let mut bodies = Vec::new();
    let mut i = 0;
    while i + 3 <= b.len() {
        if &b[i..i + 3] == b"```" {
            let start = i + 3;
            let mut k = start;
            while k < b.len() && b[k] != b'`' {
                k += 1;
            }
            if k + 3 <= b.len() && &b[k..k + 3] == b"```" {
                bodies.push(&text[start..k]);
                i = k + 3;
                continue;
            }
        }
        i += 1;
    }
    let mut out = text.to_string();
    for body in bodies {
        if !body.is_empty() {
            out = out.replace(body, "");
        }
    }
    out
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Emulates `findall` of a `^`-anchored multi-line pattern. `skip_space` is a leading `\s*`.
/// `rest` returns the length of the match of the remainder of the pattern, if it matches.
fn count_at_line_starts(b: &[u8], skip_space: bool, rest: impl Fn(&[u8]) -> Option<usize>) -> u32 {
    let mut count = 0;
    let mut cursor = 0; // matches may not start before the end of the previous one
    let mut p = 0;
    while p <= b.len() {
        let line_start = p == 0 || b[p - 1] == b'\n';
        if line_start && p >= cursor {
            let mut q = p;
            if skip_space {
                while q < b.len() && is_space(b[q]) {
                    q += 1;
                }
            }
            if let Some(len) = rest(&b[q..]) {
                count += 1;
                cursor = q + len;
            }
        }
        p += 1;
    }
    count
}

/// `#{level}\s`
fn header(s: &[u8], level: usize) -> Option<usize> {
    (s.len() > level && s[..level].iter().all(|&c| c == b'#') && is_space(s[level]))
        .then_some(level + 1)
}

/// `\d+\.\s`
fn ordered_item(s: &[u8]) -> Option<usize> {
    let digits = s.iter().take_while(|c| c.is_ascii_digit()).count();
    (digits > 0 && s.len() > digits + 1 && s[digits] == b'.' && is_space(s[digits + 1]))
        .then_some(digits + 2)
}

/// `[-*+]\s`
fn unordered_item(s: &[u8]) -> Option<usize> {
    (s.len() > 1 && matches!(s[0], b'-' | b'*' | b'+') && is_space(s[1])).then_some(2)
}

/// `MM[^M\n]+MM` for marker byte M, non-overlapping, leftmost first.
fn count_bold(b: &[u8], m: u8) -> u32 {
    let mut count = 0;
    let mut i = 0;
    while i + 1 < b.len() {
        if b[i] == m && b[i + 1] == m {
            let mut k = i + 2;
            while k < b.len() && b[k] != m && b[k] != b'\n' {
                k += 1;
            }
            if k > i + 2 && k + 1 < b.len() && b[k] == m && b[k + 1] == m {
                count += 1;
                i = k + 2;
                continue;
            }
        }
        i += 1;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_by_level() {
        let c = count("# One\n## Two\n### Three\n#### Four\n##### Five\n###### Six\n####### Seven\n#NoSpace\n text # not at start\n");
        assert_eq!(c.headers, [1, 1, 1, 1, 1, 1]);
    }

    #[test]
    fn code_blocks_are_ignored() {
        let md = "## Real\n\n```python\n# comment\n- not a list\n1. not a list\n**not bold**\n```\n\n- real item\n";
        let c = count(md);
        assert_eq!(c.headers, [0, 1, 0, 0, 0, 0]);
        assert_eq!((c.ordered, c.unordered, c.bold_star), (0, 1, 0));
    }

    #[test]
    fn lists() {
        let md = "1. a\n2. b\n   10. nested\n\n- x\n* y\n+ z\n  - nested\n-no space\n1.5 is a number\n---\n| - | table |\n";
        let c = count(md);
        assert_eq!(c.ordered, 3);
        assert_eq!(c.unordered, 4);
    }

    #[test]
    fn bold_pairs() {
        // "****" alone matches nothing; "**x" is cut by the newline.
        let md = "****\n**a** and **b c**, **x\ny** ok\n__u__ __v_w__";
        let c = count(md);
        assert_eq!(c.bold_star, 2);
        // `__v_w__` does not match `__[^_\n]+__`.
        assert_eq!(c.bold_under, 1);
        assert_eq!(count("* **Lead**: text").bold_star, 1);
        assert_eq!(count("* **Lead**: text").unordered, 1);
    }

    #[test]
    fn tokens() {
        assert_eq!(word_count("a b\n\nc  d"), 4);
        assert_eq!(token_len("a b c d"), 5); // 5.2
        assert_eq!(token_len("a b c d e"), 7); // 6.5 rounds up
        assert_eq!(token_len(""), 0);
    }
}
