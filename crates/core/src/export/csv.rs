//! CSV (RFC 4180): a `# key: value` comment line per header line, then the column names and the
//! rows, numbers at full precision.
//!
//! A field is quoted when it holds a comma, a quote, a line break, or starts with `#` (a reader
//! that skips `#` comment lines, as the `csv` crate's `comment(Some(b'#'))` does, must not take a
//! model called `#1` for a comment) or with a space. Quotes inside are doubled. Lines end in CRLF,
//! as the RFC asks.

use super::header::one_line;
use super::table::Table;

const EOL: &str = "\r\n";

/// The table as CSV.
pub fn write(t: &Table) -> String {
    let mut s = String::new();
    s.push_str(&format!(
        "# arena-lens export: {}{EOL}",
        one_line(t.title())
    ));
    for (k, v) in t.header().lines() {
        s.push_str(&format!("# {}: {}{EOL}", one_line(k), one_line(&v.full())));
    }
    let names: Vec<String> = t.columns().iter().map(|c| field(&c.name)).collect();
    s.push_str(&names.join(","));
    s.push_str(EOL);
    for row in t.rows() {
        let cells: Vec<String> = row.iter().map(|c| field(&c.full())).collect();
        s.push_str(&cells.join(","));
        s.push_str(EOL);
    }
    s
}

/// One field, quoted when it must be.
pub fn field(v: &str) -> String {
    let needs = v.starts_with('#')
        || v.starts_with(' ')
        || v.ends_with(' ')
        || v.contains([',', '"', '\r', '\n']);
    if needs {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("gpt-4"), "gpt-4");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("#1"), "\"#1\"");
        assert_eq!(field("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(field(""), "");
    }
}
