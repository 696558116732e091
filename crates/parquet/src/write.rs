//! Writing JSON records as a Parquet file (feature `writer`, arrow + arrow-json): how the tests and
//! the e2e fixture tool (`examples/write_parquet.rs`) make Parquet battle logs in the released
//! schemas without shipping any. Lists of objects become `list<struct>`, objects `struct`, as
//! pyarrow writes the Hugging Face releases; a caller can give the schema (e.g. a `map` column).

use arrow_schema::{Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use serde_json::Value;
use std::sync::Arc;

/// How a file is written.
#[derive(Clone, Debug)]
pub struct WriteOptions {
    pub compression: Compression,
    /// Rows per row group (several groups exercise the reader's advance between them).
    pub row_group_rows: usize,
    /// The schema; inferred from the records when `None`.
    pub schema: Option<SchemaRef>,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            compression: Compression::SNAPPY,
            row_group_rows: 1024,
            schema: None,
        }
    }
}

/// The records (JSON objects) as the bytes of a Parquet file.
pub fn records(rows: &[Value], opts: &WriteOptions) -> Result<Vec<u8>, String> {
    let schema = match &opts.schema {
        Some(s) => s.clone(),
        None => Arc::new(infer(rows)?),
    };
    let mut decoder = arrow_json::ReaderBuilder::new(schema.clone())
        .with_batch_size(rows.len().max(1))
        .build_decoder()
        .map_err(|e| e.to_string())?;
    decoder.serialize(rows).map_err(|e| e.to_string())?;
    let batch = decoder.flush().map_err(|e| e.to_string())?;
    let props = WriterProperties::builder()
        .set_compression(opts.compression)
        .set_max_row_group_row_count(Some(opts.row_group_rows.max(1)))
        .build();
    let mut out = Vec::new();
    let mut writer =
        ArrowWriter::try_new(&mut out, schema, Some(props)).map_err(|e| e.to_string())?;
    if let Some(batch) = batch {
        writer.write(&batch).map_err(|e| e.to_string())?;
    }
    writer.close().map_err(|e| e.to_string())?;
    Ok(out)
}

/// The schema arrow-json infers from the records.
fn infer(rows: &[Value]) -> Result<Schema, String> {
    arrow_json::reader::infer_json_schema_from_iterator(rows.iter().map(|v| Ok(v.clone())))
        .map_err(|e| e.to_string())
}
