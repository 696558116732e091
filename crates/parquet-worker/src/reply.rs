//! The worker's answer to one file, kept apart from the browser glue so it is tested natively.

/// What the worker posts back for one file.
#[derive(Debug, PartialEq)]
pub enum Reply {
    /// The rows as JSON Lines.
    Text(String),
    /// Why the file could not be read, naming it.
    Error(String),
}

/// Converts one file's bytes.
pub fn answer(name: &str, bytes: Vec<u8>) -> Reply {
    match arena_lens_parquet::to_json_lines(name, bytes) {
        Ok(text) => Reply::Text(text),
        Err(e) => Reply::Error(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_that_are_not_parquet_are_an_error_naming_the_file() {
        match answer("x.parquet", b"{\"model_a\": 1}".to_vec()) {
            Reply::Error(e) => assert!(e.starts_with("x.parquet: not a Parquet file"), "{e}"),
            other => panic!("expected an error, got {other:?}"),
        }
    }
}
