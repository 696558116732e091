//! Slim copies of answer and judgment files: every field the leaderboard reads, none of the long texts.
//!
//! A leaderboard needs verdicts, token counts and style metadata; only the compare page needs the
//! answers' and judges' prose, which is most of the bytes (about 85% of the demo). `arena-lens index
//! --slim` writes a slim copy of each answer and judgment file and lists it in the manifest, so the
//! site loads the slim copies first and fetches a model's full files only when the compare page shows
//! that model.
//!
//! A slim line is the original line with its long strings emptied. Every other field, including ones
//! arena-lens does not read, is kept, and lines that are not JSON objects are copied unchanged, so the
//! slim file parses to the same verdicts with the same load report, at the same line numbers.

use crate::source::FileRole;
use serde_json::Value;

/// The slim copy of a file, or `None` when the file is not an answer or judgment file.
pub fn slim_text(role: &FileRole, text: &str) -> Option<String> {
    let blank: fn(&mut Value) = match role {
        FileRole::Answers { .. } => blank_answer,
        FileRole::Judgments { .. } => blank_judgment,
        _ => return None,
    };
    let mut out = String::with_capacity(text.len() / 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match serde_json::from_str::<Value>(line) {
            Ok(mut v) if v.is_object() => {
                blank(&mut v);
                out.push_str(&v.to_string());
            }
            // Blank or malformed lines stay as they are, so the load report still finds them.
            _ => out.push_str(line),
        }
    }
    Some(out)
}

/// Empties a string, or the `answer` of a `{"answer": ...}` object (v2.0).
fn empty_text(v: &mut Value) {
    match v {
        Value::String(s) => s.clear(),
        Value::Object(o) => {
            if let Some(Value::String(s)) = o.get_mut("answer") {
                s.clear();
            }
        }
        _ => {}
    }
}

fn each<'a>(v: &'a mut Value, key: &str) -> impl Iterator<Item = &'a mut Value> {
    v.get_mut(key)
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
}

/// v0.1 `choices[].turns[].content`; v2.0 assistant `messages[].content` (user turns are kept: they are
/// the prompt's later turns, which the prompt list searches).
fn blank_answer(v: &mut Value) {
    for choice in each(v, "choices") {
        for turn in each(choice, "turns") {
            if let Some(c) = turn.get_mut("content") {
                empty_text(c);
            }
        }
    }
    for m in each(v, "messages") {
        if m.get("role").and_then(Value::as_str) == Some("assistant") {
            if let Some(c) = m.get_mut("content") {
                empty_text(c);
            }
        }
    }
}

/// `games[].judgment` and what the judge was shown (v0.1 `user_prompt`, v2.0 `prompt`).
fn blank_judgment(v: &mut Value) {
    for g in each(v, "games") {
        if let Some(j) = g.get_mut("judgment") {
            empty_text(j);
        }
        if let Some(p) = g.get_mut("user_prompt") {
            empty_text(p);
        }
        if let Some(p) = g.get_mut("prompt") {
            *p = Value::Array(Vec::new());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::classify;

    #[test]
    fn keeps_fields_and_lines() {
        let role = classify("b/model_answer/m.jsonl");
        let text = "{\"question_id\":\"q1\",\"choices\":[{\"turns\":[{\"content\":\"long answer\",\"token_len\":7}]}],\"conv_metadata\":{\"token_len\":7}}\n\nnot json\n";
        let slim = slim_text(&role, text).unwrap();
        let lines: Vec<&str> = slim.split('\n').collect();
        assert_eq!(lines.len(), text.split('\n').count());
        assert!(!slim.contains("long answer"));
        assert!(slim.contains("\"token_len\":7"));
        assert_eq!(lines[2], "not json");
        let j = classify("b/model_judgment/judge/m.jsonl");
        let text = r#"{"question_id":"q1","games":[{"score":"A>B","judgment":"because","user_prompt":"see"},{"score":"B>A","judgment":{"answer":"v2"},"prompt":[{"role":"user","content":"x"}]}]}"#;
        let slim = slim_text(&j, text).unwrap();
        assert!(!slim.contains("because") && !slim.contains("v2") && !slim.contains("\"x\""));
        assert!(slim.contains("\"score\":\"A>B\"") && slim.contains("\"score\":\"B>A\""));
        assert_eq!(slim_text(&classify("b/question.jsonl"), text), None);
    }
}
