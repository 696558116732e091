//! FastChat llm_judge's single-answer grades, `model_judgment/<judge>_single.jsonl`: one row per
//! (question, model, turn) with `score` (the judge's `[[rating]]`, 1-10), `judge = [model, prompt
//! name]`, `user_prompt`, `judgment` and `turn` (`fastchat/llm_judge/common.py::play_a_match_single`).
//! Rows become [`Grade`]s in [`Bench::grades`]; the bench's `report.judgments` counts them.
//!
//! Documented behaviour for bad rows (each reported with `file:line`):
//! - `score: -1` (FastChat's mark for a rating it could not parse): kept with no score and
//!   reported ([`IssueKind::JudgeError`]); `show_result.py::display_result_single` drops it too.
//! - a score that is not a number, or a number outside 1-10: the row is skipped
//!   ([`IssueKind::UnknownLabel`]; the judge prompt allows only 1-10).
//! - missing `question_id` or `model`, or a `turn` other than 1 or 2: skipped
//!   ([`IssueKind::MissingField`]); an absent `turn` reads as 1.
//! - a second row for the same (judge, question, model, turn): skipped
//!   ([`IssueKind::DuplicateRow`]), the first is kept.

use super::mt_bench_pair::{judge_of, turn_of};
use super::{lines, opt_str, parse_object, req_str};
use crate::bench::{Bench, Layout};
use crate::grade::Grade;
use crate::report::IssueKind;
use serde_json::Value;
use std::collections::HashSet;

/// FastChat's score for "no rating found".
const NO_RATING: f64 = -1.0;

/// Reads one single-grade file into the bench.
pub fn parse(bench: &mut Bench, file: &str, text: &str) {
    let mut seen: HashSet<(u32, u32, u32, u8)> = bench
        .grades
        .iter()
        .map(|g| (g.judge, g.prompt, g.model, g.turn))
        .collect();
    for (n, line) in lines(text) {
        bench.report.lines += 1;
        let obj = match parse_object(line) {
            Ok(o) => o,
            Err(e) => {
                bench.report.push(IssueKind::BadJson, file, n, "", e);
                continue;
            }
        };
        let (qid, model_name) = match (req_str(&obj, "question_id"), req_str(&obj, "model")) {
            (Ok(q), Ok(m)) => (q, m),
            (q, m) => {
                for e in [q.err(), m.err()].into_iter().flatten() {
                    bench
                        .report
                        .push(IssueKind::MissingField, file, n, &e.field, e.message);
                }
                continue;
            }
        };
        let Some(turn) = turn_of(bench, file, n, &obj) else {
            continue;
        };
        let score = match obj.get("score").and_then(Value::as_f64) {
            Some(s) if s == NO_RATING => None,
            Some(s) if (1.0..=10.0).contains(&s) => Some(s),
            _ => {
                let shown = obj.get("score").map_or("missing".into(), Value::to_string);
                bench.report.push(
                    IssueKind::UnknownLabel,
                    file,
                    n,
                    "score",
                    format!("{shown}: not a rating from 1 to 10"),
                );
                continue;
            }
        };
        let (judge_name, judge_prompt) = judge_of(&obj, file, "_single");
        let judge = bench.judges.intern(&judge_name);
        let model = bench.models.intern(&model_name);
        let prompt = bench.prompt_id(&qid);
        if !seen.insert((judge, prompt, model, turn)) {
            bench.report.push(
                IssueKind::DuplicateRow,
                file,
                n,
                "question_id",
                format!("second grade of {model_name} on {qid}, turn {turn}; the first is kept"),
            );
            continue;
        }
        if score.is_none() {
            bench.report.push(
                IssueKind::JudgeError,
                file,
                n,
                "score",
                "-1: the judge's rating could not be parsed; left out of the means, as show_result.py does".into(),
            );
        }
        if bench.layout == Layout::Empty {
            bench.layout = Layout::MtBench;
        }
        bench.grades.push(Grade {
            judge,
            judge_prompt,
            model,
            prompt,
            turn,
            score,
            judgment: opt_str(&obj, "judgment").unwrap_or_default(),
            answer_chars: None,
            incomplete: false,
            file: file.to_string(),
            line: n as u32,
        });
        bench.report.judgments += 1;
    }
}
