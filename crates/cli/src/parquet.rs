//! Parquet battle logs from disk: the rows as JSON Lines (crate `arena-lens-parquet`), which the
//! core reads as a Chatbot Arena battle log under the file's own name, so its load report says
//! `file:row N`. A single file is streamed row by row, as a JSON Lines log is
//! ([`crate::read::load_streamed`]); a Parquet file inside a folder is converted whole.

use crate::read::ReadError;
use arena_lens_core::dataset::Dataset;
use std::io::Read;
use std::path::Path;

/// True for a Parquet file: by its name, or by the `PAR1` magic at its start.
pub fn is_parquet_file(path: &Path, name: &str) -> bool {
    let mut head = [0u8; 4];
    let magic = std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && arena_lens_parquet::has_magic(&head);
    arena_lens_core::source::is_parquet(name, if magic { &head } else { b"" })
}

/// The error for `path`, with the reason (and row) the Parquet reader gives.
fn read_error(path: &Path, e: arena_lens_parquet::ParquetError) -> ReadError {
    ReadError {
        path: path.to_path_buf(),
        message: e.reason(),
    }
}

/// The file's rows as JSON Lines, one row per line.
pub fn json_lines(path: &Path, name: &str) -> Result<String, ReadError> {
    let bytes = std::fs::read(path).map_err(|e| ReadError {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    arena_lens_parquet::to_json_lines(name, bytes).map_err(|e| read_error(path, e))
}

/// Loads a single Parquet file row by row, as `Dataset::load` would load its JSON Lines; `None`
/// when its first row does not read as a battle log (then [`json_lines`] reads it whole).
pub fn load_streamed(path: &Path, name: &str) -> Option<Result<Dataset, ReadError>> {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            return Some(Err(ReadError {
                path: path.to_path_buf(),
                message: e.to_string(),
            }))
        }
    };
    let mut rows = match arena_lens_parquet::open(name, file) {
        Ok(rows) => rows,
        Err(e) => return Some(Err(read_error(path, e))),
    };
    let head = match rows.next()? {
        Ok(head) => head,
        Err(e) => return Some(Err(read_error(path, e))),
    };
    if !Dataset::streams_as_arena_log(name, &head) {
        return None;
    }
    let mut error = None;
    let rest = rows.map_while(|r| r.map_err(|e| error = Some(e)).ok());
    let ds = Dataset::load_arena_log_lines(name, &head, std::iter::once(head.clone()).chain(rest));
    Some(match error {
        Some(e) => Err(read_error(path, e)),
        None => Ok(ds),
    })
}
