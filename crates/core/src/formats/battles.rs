//! Battles files: `{question_id, model_a, model_b, winner}` rows, as v0.1's show_result.py writes them
//! and as Chatbot Arena publishes them, with optional `conv_metadata` for style control.

use super::{lines, parse_object, req_str};
use crate::bench::{Bench, FileBattle, Layout};
use crate::report::IssueKind;
use crate::style::StyleRaw;
use crate::verdict::Outcome;
use serde_json::Value;

/// Reads a battles file into the bench.
pub fn parse(bench: &mut Bench, file: &str, text: &str) {
    if bench.layout == Layout::Empty {
        bench.layout = Layout::Battles;
    }
    for (n, line) in lines(text) {
        bench.report.lines += 1;
        let obj = match parse_object(line) {
            Ok(o) => o,
            Err(e) => {
                bench.report.push(IssueKind::BadJson, file, n, "", e);
                continue;
            }
        };
        let mut fields = Vec::with_capacity(4);
        for name in ["model_a", "model_b", "winner"] {
            match req_str(&obj, name) {
                Ok(v) => fields.push(v),
                Err(e) => {
                    bench
                        .report
                        .push(IssueKind::MissingField, file, n, &e.field, e.message);
                    break;
                }
            }
        }
        if fields.len() < 3 {
            continue;
        }
        let Some(outcome) = Outcome::parse_winner(&fields[2]) else {
            bench.report.push(
                IssueKind::UnknownWinner,
                file,
                n,
                "winner",
                format!("{:?}", fields[2]),
            );
            continue;
        };
        // Chatbot Arena battles have no question id; each row is then its own prompt.
        let qid = req_str(&obj, "question_id").unwrap_or_else(|_| format!("{file}:{n}"));
        let a = bench.models.intern(&fields[0]);
        let b = bench.models.intern(&fields[1]);
        let prompt = bench.prompt_id(&qid);
        let style = obj.get("conv_metadata").and_then(style_pair);
        bench.file_battles.push(FileBattle {
            prompt,
            a,
            b,
            outcome,
            style: style.into(),
            anony: None,
            tstamp: None,
            bothbad: false,
        });
        bench.report.battle_rows += 1;
    }
}

/// Both sides' style counts from Arena's `conv_metadata` (`sum_assistant_a_tokens`,
/// `header_count_a`, ...), as FastChat's style control reads them.
pub(crate) fn style_pair(meta: &Value) -> Option<(StyleRaw, StyleRaw)> {
    let side = |s: &str| -> Option<StyleRaw> {
        Some(StyleRaw {
            tokens: StyleRaw::count(meta.get(format!("sum_assistant_{s}_tokens"))?)?,
            headers: StyleRaw::count(meta.get(format!("header_count_{s}"))?)?,
            lists: StyleRaw::count(meta.get(format!("list_count_{s}"))?)?,
            bold: StyleRaw::count(meta.get(format!("bold_count_{s}"))?)?,
        })
    };
    Some((side("a")?, side("b")?))
}
