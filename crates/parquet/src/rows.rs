//! Reading a Parquet file row by row as JSON Lines: [`open`] checks the magic, the footer and the
//! columns, then [`JsonRows`] hands out one JSON object per row, in order, so row N is line N.
//!
//! The parquet crate reports most malformed input as an error, but a few of its paths assume a
//! well-formed file and panic (e.g. `RowIter::next` expects the row group it advances to). Natively
//! each call into it runs under `catch_unwind`, so corrupt bytes are an error naming the file and
//! row, never a crash of the CLI. In the browser the worker has no unwinding: a panic there ends the
//! worker, which the site reports as an error (crates/web/src/parquet.rs).

use crate::error::{explain, ParquetError};
use parquet::file::reader::{ChunkReader, FileReader, SerializedFileReader};
use parquet::record::reader::RowIter;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// The codecs this build decompresses, for error messages.
pub const CODECS: &str = if cfg!(feature = "zstd") {
    "Snappy, Gzip, LZ4, ZSTD and uncompressed pages"
} else {
    "Snappy, Gzip, LZ4 and uncompressed pages"
};

/// The rows of a Parquet file, each as one line of JSON.
pub struct JsonRows {
    file: String,
    iter: Option<RowIter<'static>>,
    /// Rows handed out so far.
    row: usize,
    /// Rows the footer declares.
    total: u64,
}

/// Opens a Parquet file named `file` (for messages) from any reader the parquet crate takes
/// (`bytes::Bytes` in memory, `std::fs::File` on disk): checks the magic, reads the footer and
/// checks the required columns ([`crate::columns`]).
pub fn open<R: ChunkReader + 'static>(file: &str, reader: R) -> Result<JsonRows, ParquetError> {
    let corrupt = |detail: String| ParquetError::Corrupt {
        file: file.to_string(),
        detail,
    };
    let magic = reader.get_bytes(0, 4).ok();
    if !magic.as_deref().is_some_and(crate::has_magic) {
        return Err(ParquetError::NotParquet {
            file: file.to_string(),
        });
    }
    let opened = guard(AssertUnwindSafe(move || SerializedFileReader::new(reader)))
        .map_err(corrupt)?
        .map_err(|e| corrupt(explain(&e)))?;
    let meta = opened.metadata().file_metadata();
    let total = u64::try_from(meta.num_rows()).unwrap_or(0);
    crate::columns::check(file, meta.schema())?;
    let boxed: Box<dyn FileReader> = Box::new(opened);
    let iter = guard(AssertUnwindSafe(move || RowIter::from_file_into(boxed))).map_err(corrupt)?;
    Ok(JsonRows {
        file: file.to_string(),
        iter: Some(iter),
        row: 0,
        total,
    })
}

/// The whole file as JSON Lines (one line per row, `\n` between them), or the first error.
pub fn to_json_lines(file: &str, bytes: Vec<u8>) -> Result<String, ParquetError> {
    let mut out = String::new();
    for (i, line) in open(file, bytes::Bytes::from(bytes))?.enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&line?);
    }
    Ok(out)
}

impl JsonRows {
    /// The number of rows the file's footer declares.
    pub fn total(&self) -> u64 {
        self.total
    }
}

impl Iterator for JsonRows {
    type Item = Result<String, ParquetError>;

    /// The next row as JSON; after an error, nothing more (a corrupt page leaves no reliable
    /// position to go on from).
    fn next(&mut self) -> Option<Self::Item> {
        let iter = self.iter.as_mut()?;
        let row = self.row + 1;
        let fail = |detail: String| ParquetError::Row {
            file: self.file.clone(),
            row,
            detail,
        };
        let next = match guard(AssertUnwindSafe(|| iter.next())) {
            Ok(next) => next,
            Err(detail) => Some(Err(parquet::errors::ParquetError::General(detail))),
        };
        match next {
            None => {
                self.iter = None;
                None
            }
            Some(Ok(r)) => {
                self.row = row;
                Some(Ok(crate::json::row(&r).to_string()))
            }
            Some(Err(e)) => {
                let err = fail(explain(&e));
                self.iter = None;
                Some(Err(err))
            }
        }
    }
}

/// Runs `f`, turning a panic of the parquet crate into an error message (see the module note).
fn guard<T>(f: impl FnOnce() -> T + std::panic::UnwindSafe) -> Result<T, String> {
    catch_unwind(f).map_err(|p| {
        let what = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "malformed data".to_string());
        format!("the Parquet reader stopped on malformed data ({what})")
    })
}
