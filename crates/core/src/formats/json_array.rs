//! Reading a file that is one JSON array of records (AlpacaEval, WildBench), item by item.
//!
//! The items are parsed one at a time, so a broken item does not lose the ones before it: the
//! reader hands back every item it could read and, if the array breaks, the 1-based item where it
//! broke and why. After a syntax error there is no reliable place to resume (a string or object
//! may be open), so the rest of the array is reported once rather than guessed at.

use serde_json::{Map, Value};

/// What an array file held.
#[derive(Debug, Default)]
pub(crate) struct ArrayItems {
    /// `(1-based item number, the item)`: objects and non-objects alike, so the caller reports a
    /// non-object item by its number.
    pub items: Vec<(usize, Value)>,
    /// The item where reading stopped and why (`None`: the whole array was read).
    pub broken: Option<(usize, String)>,
}

/// Splits a JSON array into its items. A text that is not an array is reported as broken at
/// item 1.
pub(crate) fn items(text: &str) -> ArrayItems {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text).trim_start();
    let mut out = ArrayItems::default();
    let Some(mut rest) = text.strip_prefix('[') else {
        out.broken = Some((1, "the file is not a JSON array".into()));
        return out;
    };
    let mut n = 0usize;
    loop {
        rest = rest.trim_start();
        if n == 0 {
            if let Some(after) = rest.strip_prefix(']') {
                return trailing(out, after, 1);
            }
        }
        n += 1;
        let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<Value>();
        match stream.next() {
            Some(Ok(v)) => {
                let used = stream.byte_offset();
                out.items.push((n, v));
                rest = rest[used..].trim_start();
            }
            Some(Err(e)) => {
                out.broken = Some((n, format!("{e}; the rest of the array is not read")));
                return out;
            }
            None => {
                out.broken = Some((n, "the array is not closed".into()));
                return out;
            }
        }
        if let Some(after) = rest.strip_prefix(',') {
            rest = after;
        } else if let Some(after) = rest.strip_prefix(']') {
            return trailing(out, after, n + 1);
        } else {
            out.broken = Some((
                n + 1,
                "expected `,` or `]` after the item; the rest of the array is not read".into(),
            ));
            return out;
        }
    }
}

fn trailing(mut out: ArrayItems, after: &str, n: usize) -> ArrayItems {
    if !after.trim().is_empty() {
        out.broken = Some((n, "text after the closing `]` is ignored".into()));
    }
    out
}

/// The item as an object, or why not.
pub(crate) fn object(v: &Value) -> Result<&Map<String, Value>, String> {
    v.as_object()
        .ok_or_else(|| format!("expected a JSON object, found {}", super::kind(v)))
}

/// A number field that may be written as a number or as a numeric string (AlpacaEval writes
/// floats, WildBench writes `"7"`). `Ok(None)` for null or absent.
pub(crate) fn number(obj: &Map<String, Value>, name: &str) -> Result<Option<f64>, String> {
    match obj.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n
            .as_f64()
            .filter(|x| x.is_finite())
            .map(Some)
            .ok_or_else(|| format!("{n} is not a finite number")),
        Some(Value::String(s)) => match s.trim().parse::<f64>() {
            Ok(x) if x.is_finite() => Ok(Some(x)),
            _ => Err(format!("{s:?} is not a number")),
        },
        Some(other) => Err(format!("expected a number, found {}", super::kind(other))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_kept_up_to_the_break() {
        let a = items("[{\"a\":1}, 2 ,{\"b\":[1,2]}]");
        assert_eq!(a.items.len(), 3);
        assert!(a.broken.is_none());
        let b = items("[{\"a\":1}, {\"b\": tru}, {\"c\":3}]");
        assert_eq!(b.items.len(), 1);
        assert_eq!(b.broken.as_ref().unwrap().0, 2);
        let c = items("[{\"a\":1}");
        assert_eq!((c.items.len(), c.broken.unwrap().0), (1, 2));
        assert_eq!(items("[]").items.len(), 0);
        assert_eq!(items("{}").broken.unwrap().0, 1);
        assert_eq!(items("[1] x").broken.unwrap().0, 2);
    }
}
