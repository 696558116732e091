//! What can stop a Parquet file from being read at all, each naming the file and, where there is
//! one, the row or column. A bad value inside one row is not an error here: the core's reader
//! reports that row and keeps the rest.

/// Why a Parquet file could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum ParquetError {
    /// The bytes do not start with `PAR1`.
    NotParquet { file: String },
    /// The footer or the schema could not be read (truncated or corrupt file).
    Corrupt { file: String, detail: String },
    /// A column every battle needs is absent.
    MissingColumn {
        file: String,
        column: String,
        found: Vec<String>,
    },
    /// A column a battle needs has a type that cannot hold its values.
    WrongType {
        file: String,
        column: String,
        expected: &'static str,
        found: String,
    },
    /// A row could not be decoded (a corrupt page, or a codec this build lacks).
    Row {
        file: String,
        row: usize,
        detail: String,
    },
}

impl ParquetError {
    /// The file the error is about.
    pub fn file(&self) -> &str {
        match self {
            ParquetError::NotParquet { file }
            | ParquetError::Corrupt { file, .. }
            | ParquetError::MissingColumn { file, .. }
            | ParquetError::WrongType { file, .. }
            | ParquetError::Row { file, .. } => file,
        }
    }

    /// What is wrong, without the file's name (a caller that prints the path its own way, as the
    /// CLI's read errors do, adds it). A row error starts with `row N: `.
    pub fn reason(&self) -> String {
        match self {
            ParquetError::NotParquet { .. } => {
                "not a Parquet file (it does not start with the PAR1 magic)".to_string()
            }
            ParquetError::Corrupt { detail, .. } => {
                format!("unreadable Parquet file (truncated or corrupt): {detail}")
            }
            ParquetError::MissingColumn { column, found, .. } => format!(
                "no `{column}` column, which every battle needs (its columns: {})",
                found.join(", ")
            ),
            ParquetError::WrongType {
                column,
                expected,
                found,
                ..
            } => format!("column `{column}` is {found}; a battle needs {expected}"),
            ParquetError::Row { row, detail, .. } => format!("row {row}: unreadable row: {detail}"),
        }
    }
}

/// `file: reason`, or `file:row N: reason` for a row, as the load report prints positions.
impl std::fmt::Display for ParquetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sep = if matches!(self, ParquetError::Row { .. }) {
            ":"
        } else {
            ": "
        };
        write!(f, "{}{sep}{}", self.file(), self.reason())
    }
}

impl std::error::Error for ParquetError {}

/// A clearer message for the errors a reader of real files meets: a codec this build was compiled
/// without says which codecs it has, instead of the library's "disabled feature".
pub(crate) fn explain(e: &parquet::errors::ParquetError) -> String {
    let msg = e.to_string();
    match msg.split("Disabled feature at compile time: ").nth(1) {
        Some(codec) => format!(
            "the file is compressed with {}, which this build cannot decompress (it reads {}); \
             open it with the arena-lens CLI, or save it again with Snappy",
            codec.trim().to_ascii_uppercase(),
            crate::rows::CODECS
        ),
        None => msg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_codec_the_build_lacks_is_named_with_the_ones_it_has() {
        // The parquet crate's words for a codec compiled out (compression.rs, `create_codec`).
        let e =
            parquet::errors::ParquetError::General("Disabled feature at compile time: zstd".into());
        let msg = explain(&e);
        assert!(
            msg.starts_with("the file is compressed with ZSTD, which this build cannot decompress"),
            "{msg}"
        );
        assert!(msg.contains(crate::rows::CODECS), "{msg}");
    }

    #[test]
    fn rows_print_as_the_load_report_does() {
        let e = ParquetError::Row {
            file: "a/b.parquet".into(),
            row: 7,
            detail: "bad page".into(),
        };
        assert_eq!(e.to_string(), "a/b.parquet:row 7: unreadable row: bad page");
        assert_eq!(e.reason(), "row 7: unreadable row: bad page");
    }
}
