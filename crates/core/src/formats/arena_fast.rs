//! The fast path for one JSON Lines battle record: the line is deserialized straight into the
//! fields a battle needs, borrowing strings from the line, instead of into a `serde_json::Value`
//! tree of every field (the slow part of reading a million battles).
//!
//! It must agree with the `Value` path in `arena_log.rs` on every line it accepts, so it mirrors
//! the `Value` semantics exactly where they are cheap to mirror: a repeated key keeps its last
//! value (as `serde_json::Map` does), fields it does not read are still fully validated
//! ([`Skip`] parses numbers and string escapes as `Value` would, unlike `IgnoredAny`), and a count
//! object is summed in key order (as `Map`, a `BTreeMap`, iterates). Anything else unusual (a
//! field of an unexpected type, a bad model name or winner, a malformed line) makes it give up
//! with `None`, and the caller reads the line through the `Value` path, which reports the precise
//! `file:line` and field. Conversations, when present, are read as `Value`s and turned into turns
//! by the same code as the slow path.

use super::arena_log::{parse_winner, turns_of, usable_model_name, ArenaBattle};
use super::fast_json::{AnyVisitor, Key, Scalar, Skip};
use crate::style::StyleRaw;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use std::borrow::Cow;
use std::fmt;

/// Reads one JSON Lines record, or `None` when the `Value` path must decide.
pub(crate) fn battle(line: &str) -> Option<ArenaBattle<'_>> {
    let r: Record = serde_json::from_str(line).ok()?;
    let model_a = r.model_a.filter(|m| usable_model_name(m))?;
    let model_b = r.model_b.filter(|m| usable_model_name(m))?;
    let (outcome, bothbad) = parse_winner(&r.winner?).ok()?;
    let (user_turns, answers) =
        turns_of(r.conversation_a.as_ref(), r.conversation_b.as_ref()).ok()?;
    let mut labels = r
        .category_tag
        .as_ref()
        .map(|t| t.labels())
        .unwrap_or_default();
    let criteria = r.category_tag.as_ref().and_then(|t| t.criteria());
    if r.is_code == Some(true) && !labels.iter().any(|l| l == "code") {
        labels.push("code".into());
    }
    Some(ArenaBattle {
        id: r.question_id,
        model_a,
        model_b,
        outcome: Some(outcome),
        bothbad,
        anony: r.anony,
        tstamp: r.tstamp,
        language: r.language,
        labels,
        criteria,
        user_turns,
        answers,
        style: r.meta.and_then(|m| m.style()),
    })
}

/// The fields of a record the bench keeps; `None` is absent or `null`.
#[derive(Default)]
struct Record<'de> {
    model_a: Option<Cow<'de, str>>,
    model_b: Option<Cow<'de, str>>,
    winner: Option<Cow<'de, str>>,
    anony: Option<bool>,
    tstamp: Option<f64>,
    question_id: Option<Cow<'de, str>>,
    language: Option<Cow<'de, str>>,
    is_code: Option<bool>,
    conversation_a: Option<Value>,
    conversation_b: Option<Value>,
    category_tag: Option<Tag<'de>>,
    meta: Option<Meta>,
}

impl<'de> Deserialize<'de> for Record<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(RecordVisitor)
    }
}

struct RecordVisitor;

impl<'de> Visitor<'de> for RecordVisitor {
    type Value = Record<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a battle record")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Record<'de>, A::Error> {
        let mut r = Record::default();
        while let Some(Key(k)) = m.next_key()? {
            match &*k {
                "model_a" => r.model_a = m.next_value::<Text>()?.0,
                "model_b" => r.model_b = m.next_value::<Text>()?.0,
                "winner" => r.winner = m.next_value::<Text>()?.0,
                "question_id" => r.question_id = m.next_value::<Text>()?.0,
                "language" => r.language = m.next_value::<Text>()?.0,
                "anony" => r.anony = m.next_value()?,
                "is_code" => r.is_code = m.next_value()?,
                "tstamp" => r.tstamp = m.next_value()?,
                "conversation_a" => r.conversation_a = nonnull(m.next_value()?),
                "conversation_b" => r.conversation_b = nonnull(m.next_value()?),
                "category_tag" => r.category_tag = Some(m.next_value()?),
                "conv_metadata" => r.meta = Some(m.next_value()?),
                _ => {
                    m.next_value::<Skip>()?;
                }
            }
        }
        Ok(r)
    }
}

fn nonnull(v: Value) -> Option<Value> {
    (!v.is_null()).then_some(v)
}

/// A string field (`None` for `null`); any other type is an error, left to the `Value` path.
struct Text<'de>(Option<Cow<'de, str>>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string or null")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Text(Some(Cow::Borrowed(v))))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Text(Some(Cow::Owned(v.to_string()))))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Text(Some(Cow::Owned(v))))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Text(None))
    }
}

/// A value read as `Value::as_bool` (`true` only for JSON `true`) or `Value::as_f64`.
#[derive(Clone, Copy)]
struct Read(Scalar);

impl<'de> Deserialize<'de> for Read {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(AnyVisitor(Read))
    }
}

impl Read {
    fn is_true(self) -> bool {
        matches!(self.0, Scalar::Bool(true))
    }
    fn as_f64(self) -> Option<f64> {
        match self.0 {
            Scalar::Num(n) => Some(n),
            _ => None,
        }
    }
}

/// An object's entries as `serde_json::Map` keeps them: the last of a repeated key wins, in key
/// order. A value that is not an object reads as no entries (as `Value::get` finds nothing).
struct Entries<'de, V>(Vec<(Cow<'de, str>, V)>);

impl<'de, V> Entries<'de, V> {
    fn get(&self, key: &str) -> Option<&V> {
        self.0
            .binary_search_by(|(k, _)| (**k).cmp(key))
            .ok()
            .map(|i| &self.0[i].1)
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Entries<'de, V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(EntriesVisitor(std::marker::PhantomData))
    }
}

struct EntriesVisitor<V>(std::marker::PhantomData<V>);

impl<'de, V: Deserialize<'de>> Visitor<'de> for EntriesVisitor<V> {
    type Value = Entries<'de, V>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
        let mut out: Vec<(Cow<'de, str>, V)> = Vec::new();
        while let Some(Key(k)) = m.next_key()? {
            let v = m.next_value::<V>()?;
            match out.iter_mut().find(|(ok, _)| *ok == k) {
                Some(slot) => slot.1 = v,
                None => out.push((k, v)),
            }
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Entries(out))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, s: A) -> Result<Self::Value, A::Error> {
        AnyVisitor(|_| ()).visit_seq(s).map(|_| Entries(Vec::new()))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Entries(Vec::new()))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Entries(Vec::new()))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Entries(Vec::new()))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Entries(Vec::new()))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(Entries(Vec::new()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Entries(Vec::new()))
    }
}

/// `category_tag`: each group's flags read as booleans.
type Tag<'de> = Entries<'de, Entries<'de, Read>>;

impl Tag<'_> {
    /// The labels, as `arena_log::category_labels` derives them.
    fn labels(&self) -> Vec<String> {
        let flag = |group: &str, key: &str| {
            self.get(group)
                .and_then(|g| g.get(key))
                .is_some_and(|v| v.is_true())
        };
        let mut out = Vec::new();
        if let Some(c) = self.get("criteria_v0.1") {
            if c.0.iter().filter(|(_, v)| v.is_true()).count() >= 6 {
                out.push("hard_prompt".to_string());
            }
        }
        for (group, key, label) in super::arena_log::CATEGORY_FLAGS {
            if flag(group, key) {
                out.push(label.to_string());
            }
        }
        out
    }
}

impl Tag<'_> {
    /// `criteria_v0.1`'s flags, read as `arena_log::from_json` reads them (an object: each key
    /// true only for JSON `true`; anything else: no criteria).
    fn criteria(&self) -> Option<crate::criteria::Criteria> {
        let c = self.get("criteria_v0.1")?;
        // An empty `Entries` is also what a non-object reads as; the `Value` path then finds no
        // object and no criteria, so only a non-empty object counts here.
        if c.0.is_empty() {
            return None;
        }
        Some(crate::criteria::Criteria::from_flags(
            c.0.iter().map(|(k, v)| (&**k, v.is_true())),
        ))
    }
}

/// A style count: a number, or an object of numbers summed in key order (`StyleRaw::count`).
#[derive(Clone, Copy)]
struct Count(Option<f64>);

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CountVisitor)
    }
}

struct CountVisitor;

impl<'de> Visitor<'de> for CountVisitor {
    type Value = Count;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_map<A: MapAccess<'de>>(self, m: A) -> Result<Count, A::Error> {
        let e: Entries<Read> = EntriesVisitor(std::marker::PhantomData).visit_map(m)?;
        Ok(Count(e.0.iter().map(|(_, v)| v.as_f64()).sum()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, s: A) -> Result<Count, A::Error> {
        AnyVisitor(|_| Count(None)).visit_seq(s)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Count, E> {
        Ok(Count(None))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Count, E> {
        Ok(Count(Some(v as f64)))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Count, E> {
        Ok(Count(Some(v as f64)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Count, E> {
        Ok(Count(Some(v)))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Count, E> {
        Ok(Count(None))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Count, E> {
        Ok(Count(None))
    }
}

/// `conv_metadata`'s counts for both sides (`None`: absent or not a count).
#[derive(Default)]
struct Meta([Option<Count>; 8]);

/// The `conv_metadata` keys, side a then side b, in `StyleRaw` field order.
const META_KEYS: [&str; 8] = [
    "sum_assistant_a_tokens",
    "header_count_a",
    "list_count_a",
    "bold_count_a",
    "sum_assistant_b_tokens",
    "header_count_b",
    "list_count_b",
    "bold_count_b",
];

impl Meta {
    /// Both sides' counts, as `battles::style_pair` reads them.
    fn style(&self) -> Option<(StyleRaw, StyleRaw)> {
        let c = |i: usize| self.0[i].and_then(|c| c.0);
        let side = |o: usize| -> Option<StyleRaw> {
            Some(StyleRaw {
                tokens: c(o)?,
                headers: c(o + 1)?,
                lists: c(o + 2)?,
                bold: c(o + 3)?,
            })
        };
        Some((side(0)?, side(4)?))
    }
}

impl<'de> Deserialize<'de> for Meta {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(MetaVisitor)
    }
}

struct MetaVisitor;

impl<'de> Visitor<'de> for MetaVisitor {
    type Value = Meta;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Meta, A::Error> {
        let mut out = Meta::default();
        while let Some(Key(k)) = m.next_key()? {
            match META_KEYS.iter().position(|&n| n == k) {
                Some(i) => out.0[i] = Some(m.next_value()?),
                None => {
                    m.next_value::<Skip>()?;
                }
            }
        }
        Ok(out)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, s: A) -> Result<Meta, A::Error> {
        AnyVisitor(|_| Meta::default()).visit_seq(s)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Meta, E> {
        Ok(Meta::default())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Meta, E> {
        Ok(Meta::default())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Meta, E> {
        Ok(Meta::default())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Meta, E> {
        Ok(Meta::default())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Meta, E> {
        Ok(Meta::default())
    }
    fn visit_unit<E: de::Error>(self) -> Result<Meta, E> {
        Ok(Meta::default())
    }
}
