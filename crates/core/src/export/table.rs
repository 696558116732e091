//! The table model every export is written from: a title, typed columns, rows of typed cells and a
//! header block of key/value lines (method, seed, rounds, level, data, date).
//!
//! A table is validated as it is built ([`Table::push`] checks each row's width and each cell's
//! kind against its column), so the writers trust it. Numbers are kept at full precision; a
//! column's `decimals` is how the page shows it, which the rounded formats (Markdown, LaTeX) use.

use super::header::Header;
use std::fmt;

/// What a column holds, and how the page shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Free text (model names, prompt ids: untrusted).
    Text,
    /// A whole number (ranks, counts).
    Integer,
    /// A real number, shown with this many decimals on the page.
    Number { decimals: u8 },
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Integer => "integer",
            Kind::Number { .. } => "number",
        }
    }
}

/// One column: `name` is the machine key (CSV header, JSON key), `label` the heading the page
/// shows (Markdown, LaTeX). A `detail` column is written only by the full-precision formats (CSV,
/// JSON): the rounded ones carry what the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub name: String,
    pub label: String,
    pub kind: Kind,
    pub detail: bool,
}

impl Column {
    pub fn text(name: &str, label: &str) -> Column {
        Column::new(name, label, Kind::Text)
    }
    pub fn integer(name: &str, label: &str) -> Column {
        Column::new(name, label, Kind::Integer)
    }
    pub fn number(name: &str, label: &str, decimals: u8) -> Column {
        Column::new(name, label, Kind::Number { decimals })
    }
    fn new(name: &str, label: &str, kind: Kind) -> Column {
        Column {
            name: name.to_string(),
            label: label.to_string(),
            kind,
            detail: false,
        }
    }
    /// Marks the column as written by the full-precision formats only.
    pub fn detail(self) -> Column {
        Column {
            detail: true,
            ..self
        }
    }
}

/// One value. `Empty` is a missing value (no interval, no tokens); a non-finite number is stored
/// as `Empty` too, since no format can carry it faithfully.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i128),
    Num(f64),
    Empty,
}

impl Cell {
    /// A number, or `Empty` when it is missing or not finite.
    pub fn num(x: Option<f64>) -> Cell {
        match x {
            Some(v) if v.is_finite() => Cell::Num(v),
            _ => Cell::Empty,
        }
    }
    pub fn int(x: impl Into<i128>) -> Cell {
        Cell::Int(x.into())
    }
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// The value at full precision (CSV, header lines): Rust's shortest round-trip form of a
    /// number, so parsing it back gives the same `f64`.
    pub fn full(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Num(x) => x.to_string(),
            Cell::Empty => String::new(),
        }
    }

    /// The value as the page shows it (Markdown, LaTeX): numbers rounded to the column's decimals.
    pub fn shown(&self, kind: Kind) -> String {
        match (self, kind) {
            (Cell::Num(x), Kind::Number { decimals }) => {
                format!("{x:.prec$}", prec = decimals as usize)
            }
            (Cell::Empty, _) => "–".to_string(),
            (c, _) => c.full(),
        }
    }

    fn fits(&self, kind: Kind) -> bool {
        matches!(
            (self, kind),
            (Cell::Empty, _)
                | (Cell::Text(_), Kind::Text)
                | (Cell::Int(_), Kind::Integer)
                | (Cell::Num(_), Kind::Number { .. })
        )
    }
}

/// Why a table could not be built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportError {
    /// A row with a different number of cells than the table has columns.
    Width {
        row: usize,
        cells: usize,
        columns: usize,
    },
    /// A cell whose kind is not its column's.
    Kind { row: usize, column: String },
    /// Two columns with the same name (CSV headers and JSON keys must be unique).
    DuplicateColumn(String),
    /// The table was asked for a format it does not offer (LaTeX is for the leaderboard and the
    /// diff only).
    Unsupported(&'static str),
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::Width {
                row,
                cells,
                columns,
            } => write!(
                f,
                "row {row} has {cells} cells, the table {columns} columns"
            ),
            ExportError::Kind { row, column } => {
                write!(
                    f,
                    "row {row}: the value in column {column:?} is not of its kind"
                )
            }
            ExportError::DuplicateColumn(c) => write!(f, "two columns are named {c:?}"),
            ExportError::Unsupported(what) => write!(f, "this table has no {what} export"),
        }
    }
}

impl std::error::Error for ExportError {}

/// A validated table.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    title: String,
    header: Header,
    columns: Vec<Column>,
    rows: Vec<Vec<Cell>>,
    latex: bool,
}

impl Table {
    /// An empty table with these columns (names unique).
    pub fn new(title: &str, header: Header, columns: Vec<Column>) -> Result<Table, ExportError> {
        for (i, c) in columns.iter().enumerate() {
            if columns[..i].iter().any(|d| d.name == c.name) {
                return Err(ExportError::DuplicateColumn(c.name.clone()));
            }
        }
        Ok(Table {
            title: title.to_string(),
            header,
            columns,
            rows: Vec::new(),
            latex: false,
        })
    }

    /// Offers the LaTeX (booktabs) export: for the leaderboard and the diff.
    pub fn with_latex(self) -> Table {
        Table {
            latex: true,
            ..self
        }
    }

    /// Appends a row; its cells must match the columns in number and kind.
    pub fn push(&mut self, cells: Vec<Cell>) -> Result<(), ExportError> {
        let row = self.rows.len();
        if cells.len() != self.columns.len() {
            return Err(ExportError::Width {
                row,
                cells: cells.len(),
                columns: self.columns.len(),
            });
        }
        if let Some(c) = self
            .columns
            .iter()
            .zip(&cells)
            .find(|(c, v)| !v.fits(c.kind))
        {
            return Err(ExportError::Kind {
                row,
                column: c.0.name.clone(),
            });
        }
        self.rows.push(cells);
        Ok(())
    }

    pub fn title(&self) -> &str {
        &self.title
    }
    pub fn header(&self) -> &Header {
        &self.header
    }
    pub fn columns(&self) -> &[Column] {
        &self.columns
    }
    pub fn rows(&self) -> &[Vec<Cell>] {
        &self.rows
    }
    pub fn has_latex(&self) -> bool {
        self.latex
    }

    /// The columns (with their index) the rounded formats write.
    pub fn shown_columns(&self) -> impl Iterator<Item = (usize, &Column)> {
        self.columns.iter().enumerate().filter(|(_, c)| !c.detail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> Header {
        Header::default()
    }

    #[test]
    fn rows_are_checked_for_width_and_kind() {
        let mut t = Table::new(
            "t",
            header(),
            vec![
                Column::text("model", "Model"),
                Column::number("score", "Score", 1),
            ],
        )
        .unwrap();
        assert!(t.push(vec![Cell::text("a"), Cell::Num(1.0)]).is_ok());
        assert!(t.push(vec![Cell::text("b"), Cell::Empty]).is_ok());
        assert_eq!(
            t.push(vec![Cell::text("c")]),
            Err(ExportError::Width {
                row: 2,
                cells: 1,
                columns: 2
            })
        );
        assert_eq!(
            t.push(vec![Cell::text("c"), Cell::text("x")]),
            Err(ExportError::Kind {
                row: 2,
                column: "score".into()
            })
        );
        assert_eq!(t.rows().len(), 2);
    }

    #[test]
    fn duplicate_columns_are_refused_and_non_finite_numbers_are_empty() {
        let e = Table::new(
            "t",
            header(),
            vec![Column::text("a", "A"), Column::integer("a", "A")],
        );
        assert_eq!(e, Err(ExportError::DuplicateColumn("a".into())));
        assert_eq!(Cell::num(Some(f64::NAN)), Cell::Empty);
        assert_eq!(Cell::num(Some(f64::INFINITY)), Cell::Empty);
        assert_eq!(Cell::num(None), Cell::Empty);
    }

    #[test]
    fn full_precision_round_trips_and_shown_rounds() {
        let x = 0.1 + 0.2;
        let c = Cell::Num(x);
        assert_eq!(c.full().parse::<f64>().unwrap(), x);
        assert_eq!(c.shown(Kind::Number { decimals: 1 }), "0.3");
        assert_eq!(Cell::Empty.shown(Kind::Integer), "–");
    }
}
