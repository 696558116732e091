//! One Parquet row as a JSON object, with nested columns intact: a struct (`category_tag`,
//! `conv_metadata`) is an object, a list (`conversation_a`) an array, a map an object keyed by the
//! map's keys as text. Timestamps become seconds since the epoch, as FastChat's `tstamp` is.
//!
//! The parquet crate's own `to_json_value` (record/api.rs) writes timestamps as formatted text and
//! needs its `json` feature; this conversion keeps `tstamp` a number the core's reader takes.

use parquet::record::{Field, Row};
use serde_json::{Map, Number, Value};

/// A row as a JSON object, its columns in the file's order.
pub fn row(r: &Row) -> Value {
    Value::Object(
        r.get_column_iter()
            .map(|(name, field)| (name.clone(), value(field)))
            .collect(),
    )
}

/// One value. Non-finite floats (which JSON cannot hold) become `null`, as Python's `json` would
/// refuse them too.
pub fn value(f: &Field) -> Value {
    match f {
        Field::Null => Value::Null,
        Field::Bool(b) => Value::Bool(*b),
        Field::Byte(v) => Value::from(*v),
        Field::Short(v) => Value::from(*v),
        Field::Int(v) => Value::from(*v),
        Field::Long(v) => Value::from(*v),
        Field::UByte(v) => Value::from(*v),
        Field::UShort(v) => Value::from(*v),
        Field::UInt(v) => Value::from(*v),
        Field::ULong(v) => Value::from(*v),
        Field::Float16(v) => float(f64::from(*v)),
        Field::Float(v) => float(f64::from(*v)),
        Field::Double(v) => float(*v),
        // A decimal keeps its exact digits as text (its scale would be lost in a float).
        Field::Decimal(_) => Value::String(f.to_string()),
        Field::Str(s) => Value::String(s.clone()),
        // Unannotated binary is how some writers store text; invalid UTF-8 is replaced, and the
        // core then judges the value.
        Field::Bytes(b) => Value::String(String::from_utf8_lossy(b.data()).into_owned()),
        Field::Date(days) => Value::from(*days),
        Field::TimeMillis(v) => Value::from(*v),
        Field::TimeMicros(v) => Value::from(*v),
        Field::TimestampMillis(ms) => float(*ms as f64 / 1e3),
        Field::TimestampMicros(us) => float(*us as f64 / 1e6),
        Field::Group(r) => row(r),
        Field::ListInternal(list) => Value::Array(list.elements().iter().map(value).collect()),
        Field::MapInternal(map) => {
            let mut out = Map::new();
            for (k, v) in map.entries() {
                let key = match k {
                    Field::Str(s) => s.clone(),
                    other => match value(other) {
                        Value::String(s) => s,
                        v => v.to_string(),
                    },
                };
                out.insert(key, value(v));
            }
            Value::Object(out)
        }
    }
}

/// A float as a JSON number, or `null` when it is not finite.
fn float(v: f64) -> Value {
    Number::from_f64(v).map_or(Value::Null, Value::Number)
}
