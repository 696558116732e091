//! Pieces for reading a JSON line straight into the few fields a reader needs, borrowing strings
//! from the line, instead of building a `serde_json::Value` tree of every field.
//!
//! Each piece accepts a value only where the `Value` path would accept it and read it the same way;
//! anything else is an error, after which the caller hands the line to the `Value` path (which then
//! reports the precise problem). Two kinds of skipping:
//!
//! - [`Skip`] parses any value as `Value` would (numbers in range, escapes well-formed, nesting
//!   limited) without keeping it: for small fields nobody reads.
//! - [`SkipText`] steps over a long string without unescaping or copying it (serde_json's
//!   `RawValue`, which ignores the bytes). That ignoring is laxer than `Value` in one way only for a
//!   string, a `\u` escape of a lone surrogate, so a text with any surrogate escape is parsed once
//!   more as `Value` would parse it. A value that is not a string is not a text: an error.

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::fmt;

/// An object key, unescaped only when it has escapes.
pub(crate) struct Key<'de>(pub Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(StrVisitor).map(Key)
    }
}

/// A value that must be a string (any other type, `null` included, is an error).
pub(crate) struct Str<'de>(pub Cow<'de, str>);

impl<'de> Deserialize<'de> for Str<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StrVisitor).map(Str)
    }
}

struct StrVisitor;

impl<'de> Visitor<'de> for StrVisitor {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

/// A long string stepped over without copying; any other value is an error.
pub(crate) struct SkipText;

impl<'de> Deserialize<'de> for SkipText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Raw::deserialize(d)? {
            Raw::Str => Ok(SkipText),
            Raw::Other(_) => Err(de::Error::custom("not a string")),
        }
    }
}

/// A value stepped over: a string, validated as `Value` validates it, or the source of any other
/// value, not validated yet (parse it with [`Skip`] or a typed reader).
pub(crate) enum Raw<'de> {
    Str,
    Other(&'de str),
}

impl<'de> Deserialize<'de> for Raw<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <&'de RawValue>::deserialize(d)?.get();
        if !s.starts_with('"') {
            return Ok(Raw::Other(s));
        }
        if has_surrogate_escape(s) {
            // Rare: read the string the way `Value` reads it, so a lone surrogate fails here too.
            serde_json::from_str::<Str>(s).map_err(de::Error::custom)?;
        }
        Ok(Raw::Str)
    }
}

/// True when a JSON string's source has a `\u` escape in D800–DFFF (half of a surrogate pair).
/// An escaped backslash before `u` (`\\u`) is counted too; that only costs a second parse.
fn has_surrogate_escape(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memmem::find_iter(b, b"\\u").any(|i| {
        matches!(b.get(i + 2), Some(b'd' | b'D'))
            && matches!(b.get(i + 3), Some(b'8'..=b'9' | b'a'..=b'f' | b'A'..=b'F'))
    })
}

/// Any JSON value, validated as `Value` would validate it but not kept.
pub(crate) struct Skip;

impl<'de> Deserialize<'de> for Skip {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(AnyVisitor(|_: Scalar| ())).map(|_| Skip)
    }
}

/// A number read as `Value::as_f64` reads it; `None` for any other value (which is skipped as
/// [`Skip`] skips it).
pub(crate) struct Num(pub Option<f64>);

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(AnyVisitor(|s| match s {
            Scalar::Num(n) => Num(Some(n)),
            _ => Num(None),
        }))
    }
}

/// What a scalar turned out to be; arrays, objects and strings are `Other`.
#[derive(Clone, Copy)]
pub(crate) enum Scalar {
    Bool(bool),
    Num(f64),
    Other,
}

/// Visits any value, hands its [`Scalar`] to `F`, and consumes arrays and objects with [`Skip`].
pub(crate) struct AnyVisitor<F>(pub F);

impl<'de, T, F: FnOnce(Scalar) -> T> Visitor<'de> for AnyVisitor<F> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<T, E> {
        Ok((self.0)(Scalar::Bool(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        Ok((self.0)(Scalar::Num(v as f64)))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        Ok((self.0)(Scalar::Num(v as f64)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        Ok((self.0)(Scalar::Num(v)))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<T, E> {
        Ok((self.0)(Scalar::Other))
    }
    fn visit_unit<E: de::Error>(self) -> Result<T, E> {
        Ok((self.0)(Scalar::Other))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<T, A::Error> {
        while s.next_element::<Skip>()?.is_some() {}
        Ok((self.0)(Scalar::Other))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<T, A::Error> {
        while m.next_key::<Key>()?.is_some() {
            m.next_value::<Skip>()?;
        }
        Ok((self.0)(Scalar::Other))
    }
}

/// A field read as `opt_str` reads a `Value` field: the string, or `None` for any other value
/// (validated as [`Skip`] validates it).
pub(crate) struct OptStr<'de>(pub Option<Cow<'de, str>>);

impl<'de> Deserialize<'de> for OptStr<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(OptStrVisitor)
    }
}

struct OptStrVisitor;

impl<'de> Visitor<'de> for OptStrVisitor {
    type Value = OptStr<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(OptStr(Some(Cow::Borrowed(v))))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(OptStr(Some(Cow::Owned(v.to_string()))))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(OptStr(Some(Cow::Owned(v))))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(OptStr(None))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(OptStr(None))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(OptStr(None))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(OptStr(None))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(OptStr(None))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, s: A) -> Result<Self::Value, A::Error> {
        AnyVisitor(|_| OptStr(None)).visit_seq(s)
    }
    fn visit_map<A: MapAccess<'de>>(self, m: A) -> Result<Self::Value, A::Error> {
        AnyVisitor(|_| OptStr(None)).visit_map(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skip_text_accepts_what_value_accepts() {
        // Each case: the line, and whether `Value` parses it (checked here, not assumed).
        let cases = [
            r#""plain""#,
            r#""with \n escapes \" and \\u0041""#,
            r#""pair \ud83d\ude00""#,
            r#""lone \ud83d""#,
            r#""lone low \uDC00 end""#,
            r#"12"#,
            r#"{"a": 1}"#,
            r#""bad \x escape""#,
        ];
        for c in cases {
            let value_ok = serde_json::from_str::<serde_json::Value>(c)
                .map(|v| v.is_string())
                .unwrap_or(false);
            let skip_ok = serde_json::from_str::<SkipText>(c).is_ok();
            assert_eq!(skip_ok, value_ok, "{c}");
        }
    }

    #[test]
    fn num_reads_as_value_as_f64() {
        for c in [
            "3",
            "-4",
            "2.5",
            "1e3",
            "18446744073709551615",
            "\"7\"",
            "null",
            "[1]",
        ] {
            let v: serde_json::Value = serde_json::from_str(c).unwrap();
            assert_eq!(serde_json::from_str::<Num>(c).unwrap().0, v.as_f64(), "{c}");
        }
        // Out of range for f64: `Value` refuses it, and so does `Num`.
        assert!(serde_json::from_str::<serde_json::Value>("1e400").is_err());
        assert!(serde_json::from_str::<Num>("1e400").is_err());
    }
}
