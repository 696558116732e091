//! FastChat llm_judge's reference answers, `reference_answer/<model>.jsonl`: the answer-file shape
//! (`question_id`, `model_id`, `choices[0].turns` as strings) for the questions whose judge prompt
//! shows a reference (math, reasoning, coding). They go to [`Bench::references`], never to the
//! scored answers; the bench's `report.answers` counts them.
//!
//! Bad rows (each reported with `file:line`): no `question_id` or no turns: skipped
//! ([`IssueKind::MissingField`]); a second reference from the same source for a question: skipped
//! ([`IssueKind::DuplicateRow`]), the first is kept.

use super::{lines, opt_str, parse_object, req_str};
use crate::bench::Bench;
use crate::reference_answer::ReferenceAnswer;
use crate::report::IssueKind;
use serde_json::Value;

/// The source name of a reference written into `question.jsonl`'s `reference` field.
pub const QUESTION_SOURCE: &str = "question.jsonl";

/// Reads one reference-answer file into the bench. The source is the row's `model_id`, else the
/// file's stem.
pub fn parse(bench: &mut Bench, file: &str, text: &str) {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = name.strip_suffix(".jsonl").unwrap_or(name).to_string();
    for (n, line) in lines(text) {
        bench.report.lines += 1;
        let obj = match parse_object(line) {
            Ok(o) => o,
            Err(e) => {
                bench.report.push(IssueKind::BadJson, file, n, "", e);
                continue;
            }
        };
        let qid = match req_str(&obj, "question_id") {
            Ok(q) => q,
            Err(e) => {
                bench
                    .report
                    .push(IssueKind::MissingField, file, n, &e.field, e.message);
                continue;
            }
        };
        let turns: Vec<String> = obj
            .get("choices")
            .and_then(|c| c.get(0))
            .and_then(|c| c.get("turns"))
            .and_then(Value::as_array)
            .map(|t| {
                t.iter()
                    .map(|x| super::turn_text(x).unwrap_or_default().to_string())
                    .collect()
            })
            .unwrap_or_default();
        if turns.is_empty() {
            bench.report.push(
                IssueKind::MissingField,
                file,
                n,
                "choices[0].turns",
                "missing or empty".into(),
            );
            continue;
        }
        let source = opt_str(&obj, "model_id").unwrap_or_else(|| stem.clone());
        let prompt = bench.prompt_id(&qid);
        if bench
            .references
            .iter()
            .any(|r| r.prompt == prompt && r.source == source)
        {
            bench.report.push(
                IssueKind::DuplicateRow,
                file,
                n,
                "question_id",
                format!("second reference answer from {source} to {qid}; the first is kept"),
            );
            continue;
        }
        bench.references.push(ReferenceAnswer {
            source,
            prompt,
            turns,
        });
        bench.report.answers += 1;
    }
}
