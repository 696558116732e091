//! `question.jsonl`: v0.1 (`question_id, category, cluster, turns[{content}]`) and
//! v2.0 (`uid, category, subcategory, prompt`), and FastChat MT-Bench's (`question_id, category,
//! turns` as plain strings, optional `reference` answer turns).

use super::{lines, opt_str, parse_object, req_str, FieldError};
use crate::bench::{Bench, Prompt};
use crate::report::IssueKind;
use serde_json::{Map, Value};

/// Reads a question file into the bench.
pub fn parse(bench: &mut Bench, file: &str, text: &str) {
    for (n, line) in lines(text) {
        bench.report.lines += 1;
        let obj = match parse_object(line) {
            Ok(o) => o,
            Err(e) => {
                bench.report.push(IssueKind::BadJson, file, n, "", e);
                continue;
            }
        };
        match prompt_from(&obj) {
            Ok(p) => {
                let id = bench.prompt_id(&p.id);
                let slot = &mut bench.prompts[id as usize];
                if !slot.text.is_empty() {
                    bench.report.push(
                        IssueKind::DuplicateRow,
                        file,
                        n,
                        "question_id",
                        format!("question {} appears twice; the first is kept", p.id),
                    );
                    continue;
                }
                *slot = p;
                bench.report.questions += 1;
                // MT-Bench keeps some questions' reference answers in the question itself.
                if let Some(turns) = obj.get("reference").and_then(Value::as_array) {
                    let turns: Vec<String> = turns
                        .iter()
                        .map(|t| super::turn_text(t).unwrap_or_default().to_string())
                        .collect();
                    if !turns.is_empty() {
                        bench
                            .references
                            .push(crate::reference_answer::ReferenceAnswer {
                                source: super::mt_bench_reference::QUESTION_SOURCE.into(),
                                prompt: id,
                                turns,
                            });
                    }
                }
            }
            Err(e) => bench
                .report
                .push(IssueKind::MissingField, file, n, &e.field, e.message),
        }
    }
}

fn prompt_from(obj: &Map<String, Value>) -> Result<Prompt, FieldError> {
    let (id, text, later_turns) = if obj.contains_key("uid") {
        (req_str(obj, "uid")?, req_str(obj, "prompt")?, Vec::new())
    } else {
        let id = req_str(obj, "question_id")?;
        let turns = obj
            .get("turns")
            .and_then(Value::as_array)
            .ok_or_else(|| FieldError::new("turns", "missing or not an array"))?;
        let text = turns
            .first()
            .and_then(super::turn_text)
            .ok_or_else(|| FieldError::new("turns[0].content", "missing or not a string"))?;
        let later = super::later_turn_texts(turns);
        (id, text.to_string(), later)
    };
    Ok(Prompt {
        id: id.into(),
        category: opt_str(obj, "category").unwrap_or_default().into(),
        subcategory: opt_str(obj, "subcategory").unwrap_or_default().into(),
        cluster: opt_str(obj, "cluster").unwrap_or_default().into(),
        ko_cluster: opt_str(obj, "ko_cluster").unwrap_or_default().into(),
        text,
        later_turns,
        labels: Default::default(),
        criteria: None,
    })
}
