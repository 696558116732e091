//! JSON: `{title, header: {key: value}, columns: [{name, label, kind, decimals}], rows: [{name:
//! value}]}`, numbers at full precision (serde_json prints the shortest form that reads back as
//! the same `f64`), a missing value as `null`.

use super::table::{Cell, Kind, Table};
use serde_json::{json, Map, Value};

/// A cell as a JSON value. Integers beyond `i64`/`u64` (none today) fall back to a string.
pub fn value(c: &Cell) -> Value {
    match c {
        Cell::Text(s) => Value::String(s.clone()),
        Cell::Int(i) => u64::try_from(*i)
            .map(Value::from)
            .or_else(|_| i64::try_from(*i).map(Value::from))
            .unwrap_or_else(|_| Value::String(i.to_string())),
        Cell::Num(x) => serde_json::Number::from_f64(*x)
            .map(Value::Number)
            .unwrap_or(Value::Null),
        Cell::Empty => Value::Null,
    }
}

/// The table as a JSON value.
pub fn to_value(t: &Table) -> Value {
    let header: Map<String, Value> = t
        .header()
        .lines()
        .iter()
        .map(|(k, v)| (k.clone(), value(v)))
        .collect();
    let columns: Vec<Value> = t
        .columns()
        .iter()
        .map(|c| {
            json!({
                "name": c.name,
                "label": c.label,
                "kind": c.kind.as_str(),
                "decimals": match c.kind { Kind::Number { decimals } => Some(decimals), _ => None },
            })
        })
        .collect();
    let rows: Vec<Value> = t
        .rows()
        .iter()
        .map(|r| {
            Value::Object(
                t.columns()
                    .iter()
                    .zip(r)
                    .map(|(c, v)| (c.name.clone(), value(v)))
                    .collect(),
            )
        })
        .collect();
    json!({
        "title": t.title(),
        "header": header,
        "columns": columns,
        "rows": rows,
    })
}

/// The table as pretty-printed JSON, ending in a newline.
pub fn write(t: &Table) -> String {
    serde_json::to_string_pretty(&to_value(t)).expect("a JSON value always prints") + "\n"
}
