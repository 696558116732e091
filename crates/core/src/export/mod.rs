//! Export of every table the site and the CLI show: a small [`Table`] model (title, typed
//! columns, typed rows, a [`Header`] naming the method, seed, rounds, level, data and date) and
//! one writer per format. Pure: the date and the data's name are passed in.
//!
//! - [`csv`]: RFC 4180 with `# key: value` comment lines; numbers at full precision.
//! - [`json`]: the header as an object, rows as objects; numbers at full precision.
//! - [`markdown`]: the header as a blockquote, numbers rounded as the page shows them.
//! - [`latex`]: booktabs, rounded; for tables built [`Table::with_latex`] (the leaderboard, the diff).
//!
//! Builders turn the core's results into tables: [`leaderboard`] (overall and group boards),
//! [`clusters`] (per-group performance), [`compare`] (paired rows, answer statistics) and
//! [`judges`] (per-judge boards, position consistency). A new view adds its table with a builder
//! here and exports it with [`render`] (the site's export menu takes any `Table`).

pub mod clusters;
pub mod compare;
pub mod csv;
pub mod diff;
pub mod header;
pub mod json;
pub mod judges;
pub mod latex;
pub mod leaderboard;
pub mod markdown;
pub mod table;

pub use header::{Computation, Header, Provenance};
pub use table::{Cell, Column, ExportError, Kind, Table};

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Csv,
    Json,
    Markdown,
    Latex,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Csv, Format::Json, Format::Markdown, Format::Latex];

    /// The CLI's spelling (`--format csv|json|md|tex`).
    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str() == s)
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Markdown => "md",
            Format::Latex => "tex",
        }
    }
    /// The name a menu shows.
    pub fn label(self) -> &'static str {
        match self {
            Format::Csv => "CSV",
            Format::Json => "JSON",
            Format::Markdown => "Markdown",
            Format::Latex => "LaTeX",
        }
    }
    /// The file extension.
    pub fn extension(self) -> &'static str {
        self.as_str()
    }
    pub fn mime(self) -> &'static str {
        match self {
            Format::Csv => "text/csv;charset=utf-8",
            Format::Json => "application/json",
            Format::Markdown => "text/markdown;charset=utf-8",
            Format::Latex => "application/x-tex",
        }
    }
    /// Whether `t` offers this format (LaTeX only where the table asks for it).
    pub fn applies_to(self, t: &Table) -> bool {
        self != Format::Latex || t.has_latex()
    }
}

/// The table in a format.
pub fn render(t: &Table, f: Format) -> Result<String, ExportError> {
    match f {
        Format::Csv => Ok(csv::write(t)),
        Format::Json => Ok(json::write(t)),
        Format::Markdown => Ok(markdown::write(t)),
        Format::Latex => latex::write(t),
    }
}

/// A file name for an export: `stem` made safe (letters, digits, `-`, `_`, `.`), the extension.
pub fn file_name(stem: &str, ext: &str) -> String {
    let safe: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let safe = safe.trim_matches(['-', '.']);
    format!(
        "{}.{ext}",
        if safe.is_empty() { "arena-lens" } else { safe }
    )
}
