//! Markdown (GitHub tables): the header as a blockquote, then a table with the columns the page
//! shows, numbers rounded as the page rounds them.
//!
//! Untrusted text is escaped so it renders as itself and cannot break the table: every ASCII
//! punctuation character a renderer may act on is backslash-escaped (`|` would end the cell, `*`
//! `_` `` ` `` `~` format, `[` `<` `&` link, tag or entity), and line breaks become spaces.

use super::header::one_line;
use super::table::{Kind, Table};

/// Characters escaped with a backslash (CommonMark escapes any ASCII punctuation this way).
const SPECIAL: &[char] = &[
    '\\', '|', '*', '_', '`', '~', '[', ']', '<', '>', '&', '#', '!', '$',
];

/// Text safe in a Markdown table cell or paragraph.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in one_line(s).chars() {
        if SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The table as Markdown.
pub fn write(t: &Table) -> String {
    let mut s = format!("> **{}**\n>\n", escape(t.title()));
    for (k, v) in t.header().lines() {
        s.push_str(&format!("> {}: {}  \n", escape(k), escape(&v.full())));
    }
    s.push('\n');
    let cols: Vec<_> = t.shown_columns().collect();
    let heads: Vec<String> = cols.iter().map(|(_, c)| escape(&c.label)).collect();
    s.push_str(&format!("| {} |\n", heads.join(" | ")));
    let rule: Vec<&str> = cols
        .iter()
        .map(|(_, c)| match c.kind {
            Kind::Text => "---",
            _ => "---:",
        })
        .collect();
    s.push_str(&format!("| {} |\n", rule.join(" | ")));
    for row in t.rows() {
        let cells: Vec<String> = cols
            .iter()
            .map(|(i, c)| escape(&row[*i].shown(c.kind)))
            .collect();
        s.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    s
}
