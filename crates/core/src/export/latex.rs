//! LaTeX (booktabs): the header as `%` comment lines, a `table` with a caption and a `tabular`
//! between `\toprule`, `\midrule` and `\bottomrule`, the columns the page shows, numbers rounded
//! as the page rounds them. For the leaderboard and the diff only ([`Table::with_latex`]).
//!
//! Every special of LaTeX's text mode is escaped (`& % $ # _ { }` with a backslash, `~ ^ \` as
//! `\textasciitilde{}`, `\textasciicircum{}`, `\textbackslash{}`), and line breaks become spaces,
//! so an untrusted name can neither end a cell nor run a command.

use super::header::one_line;
use super::table::{ExportError, Kind, Table};

/// Text safe in LaTeX's text mode.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in one_line(s).chars() {
        match c {
            '&' | '%' | '$' | '#' | '_' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '\\' => out.push_str("\\textbackslash{}"),
            c => out.push(c),
        }
    }
    out
}

/// Whether `s` holds a special that is not escaped: the check the property test runs on
/// [`escape`]'s output. A backslash must start one of the escapes above.
pub fn has_unescaped_special(s: &str) -> bool {
    const MACROS: [&str; 3] = ["textasciitilde{}", "textasciicircum{}", "textbackslash{}"];
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        match c {
            '\\' => {
                let after = &rest[1..];
                if let Some(m) = MACROS.iter().find(|m| after.starts_with(*m)) {
                    rest = &after[m.len()..];
                } else if after.starts_with(['&', '%', '$', '#', '_', '{', '}']) {
                    rest = &after[1..];
                } else {
                    return true;
                }
            }
            '&' | '%' | '$' | '#' | '_' | '{' | '}' | '~' | '^' | '\n' | '\r' => return true,
            c => rest = &rest[c.len_utf8()..],
        }
    }
    false
}

/// The table as a LaTeX booktabs table (needs `\usepackage{booktabs}`).
pub fn write(t: &Table) -> Result<String, ExportError> {
    if !t.has_latex() {
        return Err(ExportError::Unsupported("LaTeX"));
    }
    let mut s = format!("% arena-lens export: {}\n", one_line(t.title()));
    for (k, v) in t.header().lines() {
        s.push_str(&format!("% {}: {}\n", one_line(k), one_line(&v.full())));
    }
    s.push_str("% needs \\usepackage{booktabs}\n");
    let cols: Vec<_> = t.shown_columns().collect();
    let spec: String = cols
        .iter()
        .map(|(_, c)| if c.kind == Kind::Text { 'l' } else { 'r' })
        .collect();
    s.push_str("\\begin{table}[ht]\n\\centering\n");
    s.push_str(&format!("\\caption{{{}}}\n", escape(t.title())));
    s.push_str(&format!("\\begin{{tabular}}{{{spec}}}\n\\toprule\n"));
    let heads: Vec<String> = cols.iter().map(|(_, c)| escape(&c.label)).collect();
    s.push_str(&format!("{} \\\\\n\\midrule\n", heads.join(" & ")));
    for row in t.rows() {
        let cells: Vec<String> = cols
            .iter()
            .map(|(i, c)| escape(&row[*i].shown(c.kind)))
            .collect();
        s.push_str(&format!("{} \\\\\n", cells.join(" & ")));
    }
    s.push_str("\\bottomrule\n\\end{tabular}\n\\end{table}\n");
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specials_are_escaped_and_the_checker_sees_raw_ones() {
        assert_eq!(escape("a_b & c%"), "a\\_b \\& c\\%");
        assert_eq!(
            escape("~^\\"),
            "\\textasciitilde{}\\textasciicircum{}\\textbackslash{}"
        );
        assert!(!has_unescaped_special(&escape("$x$ #1 {y}")));
        assert!(has_unescaped_special("a_b"));
        assert!(has_unescaped_special("\\textbf{x}"));
        assert!(has_unescaped_special("50%"));
    }
}
