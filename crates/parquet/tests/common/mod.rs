//! Shared by the Parquet tests: fixtures written as Parquet in the test (none is shipped), and a
//! comparison of JSON records that allows what a Parquet round trip changes by design.

#![allow(dead_code)]

use arena_lens_parquet::write::{records, WriteOptions};
use serde_json::{json, Value};

/// Battle records in the 140k chat release's published schema (hand-written, no real data): each
/// column has one type in every row, as a Parquet column must (`content` always text).
pub fn chat_battles() -> Vec<Value> {
    let msgs = |turns: &[(&str, &str)]| -> Value {
        turns
            .iter()
            .flat_map(|(q, a)| {
                [
                    json!({"role": "user", "content": q}),
                    json!({"role": "assistant", "content": a}),
                ]
            })
            .collect()
    };
    let tag = |hard: bool, math: bool, ifollow: bool, creative: bool| {
        json!({
            "criteria_v0.1": {"specificity": hard, "domain_knowledge": hard, "complexity": hard,
                "problem_solving": hard, "creativity": false, "technical_accuracy": hard,
                "real_world": hard},
            "if_v0.1": {"if": ifollow, "score": if ifollow { 4 } else { 1 }},
            "math_v0.1": {"math": math},
            "creative_writing_v0.1": {"creative_writing": creative, "score": "no"}
        })
    };
    let meta = |ta: i64, tb: i64, h2b: i64, bold_a: i64| {
        json!({
            "sum_user_tokens": 12, "sum_assistant_a_tokens": ta, "sum_assistant_b_tokens": tb,
            "context_a_tokens": ta + 12, "context_b_tokens": tb + 12, "turns": 1,
            "header_count_a": {"h1": 0, "h2": 0, "h3": 0, "h4": 0, "h5": 0, "h6": 0},
            "list_count_a": {"ordered": 0, "unordered": 1},
            "bold_count_a": {"**": bold_a, "__": 0},
            "header_count_b": {"h1": 0, "h2": h2b, "h3": 0, "h4": 0, "h5": 0, "h6": 0},
            "list_count_b": {"ordered": 2, "unordered": 0},
            "bold_count_b": {"**": 1, "__": 0}
        })
    };
    let battle = |id: &str,
                  a: &str,
                  b: &str,
                  winner: &str,
                  anony: bool,
                  lang: &str,
                  t: f64,
                  conv_a: Value,
                  conv_b: Value,
                  tag: Value,
                  meta: Value,
                  code: bool| {
        let turn = conv_a.as_array().map_or(0, |m| m.len() / 2);
        json!({
            "question_id": id, "model_a": a, "model_b": b, "winner": winner,
            "judge": format!("arena_user_{id}"), "turn": turn, "anony": anony, "language": lang,
            "tstamp": t, "conversation_a": conv_a, "conversation_b": conv_b,
            "category_tag": tag, "conv_metadata": meta, "is_code": code
        })
    };
    vec![
        battle(
            "q1",
            "alpha",
            "beta",
            "model_a",
            true,
            "English",
            1710000000.5,
            msgs(&[("What is 2+2?", "4."), ("And 3+3?", "6.")]),
            msgs(&[("What is 2+2?", "Four, I think."), ("And 3+3?", "Six.")]),
            tag(true, true, false, false),
            meta(4, 7, 1, 0),
            false,
        ),
        battle(
            "q2",
            "beta",
            "gamma",
            "tie (bothbad)",
            true,
            "German",
            1710000100.0,
            msgs(&[("Schreib ein Gedicht.", "Rosen sind rot.")]),
            msgs(&[("Schreib ein Gedicht.", "Ich kann nicht.")]),
            tag(false, false, false, true),
            meta(5, 4, 0, 1),
            false,
        ),
        battle(
            "q3",
            "gamma",
            "alpha",
            "model_b",
            false,
            "English",
            1710000200.25,
            msgs(&[(
                "Write a Python loop.",
                "```python\nfor i in range(3):\n    print(i)\n```",
            )]),
            msgs(&[("Write a Python loop.", "**Sure**: `while True: pass`")]),
            tag(true, false, true, false),
            meta(20, 9, 0, 1),
            true,
        ),
        battle(
            "q4",
            "alpha",
            "gamma",
            "tie",
            true,
            "Chinese",
            1710000300.0,
            msgs(&[("你好", "你好！")]),
            msgs(&[("你好", "您好，有什么可以帮您？")]),
            tag(false, false, false, false),
            meta(2, 8, 0, 0),
            false,
        ),
        battle(
            "q5",
            "beta",
            "alpha",
            "model_a",
            true,
            "English",
            1710000400.75,
            msgs(&[
                ("Prove that sqrt(2) is irrational.", "Suppose p/q ..."),
                ("Shorter?", "No."),
            ]),
            msgs(&[
                ("Prove that sqrt(2) is irrational.", "It is."),
                ("Shorter?", "Yes."),
            ]),
            tag(true, true, true, false),
            meta(30, 3, 2, 2),
            false,
        ),
    ]
}

/// The records as a Parquet file (Snappy, `group` rows per row group).
pub fn parquet(rows: &[Value], group: usize) -> Vec<u8> {
    records(
        rows,
        &WriteOptions {
            row_group_rows: group,
            ..Default::default()
        },
    )
    .expect("writable")
}

/// True when `back` (a row read from Parquet) holds `orig`: equal strings, booleans and structure;
/// numbers equal as f64 (a column mixing `1` and `1.5` is a float column); a key `orig` lacks may
/// be `null` (a column other rows have). Returns the first difference's path.
pub fn holds(orig: &Value, back: &Value, at: &str) -> Result<(), String> {
    match (orig, back) {
        (Value::Number(a), Value::Number(b)) if a.as_f64() == b.as_f64() => Ok(()),
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in a {
                holds(v, b.get(k).unwrap_or(&Value::Null), &format!("{at}.{k}"))?;
            }
            match b.iter().find(|(k, v)| !a.contains_key(*k) && !v.is_null()) {
                Some((k, v)) => Err(format!("{at}.{k}: extra value {v}")),
                None => Ok(()),
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .try_for_each(|(i, (x, y))| holds(x, y, &format!("{at}[{i}]"))),
        (a, b) if a == b => Ok(()),
        (a, b) => Err(format!("{at}: {a} became {b}")),
    }
}
