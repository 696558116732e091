//! The columns a battle needs, checked once against the file's schema before any row is read, so
//! a file that cannot hold battles is one clear error rather than a report line per row.

use crate::error::ParquetError;
use parquet::basic::{ConvertedType, LogicalType, Type as PhysicalType};
use parquet::schema::types::Type;

/// The top-level columns every Arena battle record has (FastChat's `clean_battle` and the released
/// chat logs alike); the other columns are optional and checked per row by the core's reader.
pub const REQUIRED: [&str; 3] = ["model_a", "model_b", "winner"];

/// Checks that the schema has every [`REQUIRED`] column as a string column.
pub fn check(file: &str, root: &Type) -> Result<(), ParquetError> {
    let fields = root.get_fields();
    for name in REQUIRED {
        let Some(field) = fields.iter().find(|f| f.name() == name) else {
            return Err(ParquetError::MissingColumn {
                file: file.to_string(),
                column: name.to_string(),
                found: fields.iter().map(|f| f.name().to_string()).collect(),
            });
        };
        if !is_string(field) {
            return Err(ParquetError::WrongType {
                file: file.to_string(),
                column: name.to_string(),
                expected: "a string column",
                found: describe(field),
            });
        }
    }
    Ok(())
}

/// True for a primitive byte-array column holding text (UTF-8/string, or unannotated binary as
/// older writers leave strings; the core checks each value).
fn is_string(t: &Type) -> bool {
    if !t.is_primitive() || t.get_physical_type() != PhysicalType::BYTE_ARRAY {
        return false;
    }
    let info = t.get_basic_info();
    match info.logical_type_ref() {
        Some(LogicalType::String | LogicalType::Enum | LogicalType::Json) => true,
        Some(_) => false,
        None => matches!(
            info.converted_type(),
            ConvertedType::UTF8 | ConvertedType::ENUM | ConvertedType::JSON | ConvertedType::NONE
        ),
    }
}

/// A column's type in words, for an error message.
fn describe(t: &Type) -> String {
    if !t.is_primitive() {
        return "a nested (group) column".to_string();
    }
    let info = t.get_basic_info();
    match info.logical_type_ref() {
        Some(l) => format!("{:?} ({l:?})", t.get_physical_type()),
        None => format!("{:?}", t.get_physical_type()),
    }
}
