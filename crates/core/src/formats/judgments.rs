//! `model_judgment/<judge>/<model>.jsonl`: v0.1 (`question_id, model, judge, games[{user_prompt, judgment,
//! score}]`) and v2.0 (`uid, model, judge, baseline, games[{score, judgment:{answer}, prompt}]`).
//!
//! The judge is named by the folder, as in the reference tool; the model by the row's `model` field,
//! falling back to the file name.

use super::{lines, opt_str, parse_object};
use crate::bench::{Bench, Game, Judgment, Layout};
use crate::report::IssueKind;
use crate::verdict::{LabelSet, Verdict};
use serde_json::Value;
use std::collections::HashSet;

/// Reads one judgment file into the bench. `seen` tracks (judge, prompt, model) across files.
pub fn parse(
    bench: &mut Bench,
    file: &str,
    judge_name: &str,
    file_model: &str,
    text: &str,
    seen: &mut HashSet<(u32, u32, u32)>,
) {
    let judge = bench.judges.intern(judge_name);
    if bench.judged_models.len() <= judge as usize {
        bench.judged_models.resize(judge as usize + 1, Vec::new());
    }
    let fm = bench.models.intern(file_model);
    let file_index = bench.judgment_files.len() as u32;
    bench.judgment_files.push(file.to_string());
    if !bench.judged_models[judge as usize].contains(&fm) {
        bench.judged_models[judge as usize].push(fm);
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
        let v20 = obj.contains_key("uid");
        let id_field = if v20 { "uid" } else { "question_id" };
        let Some(qid) = super::req_str(&obj, id_field).ok() else {
            bench.report.push(
                IssueKind::MissingField,
                file,
                n,
                id_field,
                "missing or not a string".into(),
            );
            continue;
        };
        let set = if v20 { LabelSet::V20 } else { LabelSet::V01 };
        if bench.layout == Layout::Empty {
            bench.layout = if v20 { Layout::V20 } else { Layout::V01 };
        }
        let model_name = match opt_str(&obj, "model") {
            Some(m) => m,
            None => {
                bench.report.push(
                    IssueKind::MissingField,
                    file,
                    n,
                    "model",
                    format!("missing; using the file name {file_model:?}"),
                );
                file_model.to_string()
            }
        };
        let Some(games) = obj.get("games").and_then(Value::as_array) else {
            bench.report.push(
                IssueKind::MissingField,
                file,
                n,
                "games",
                "missing or not an array".into(),
            );
            continue;
        };
        if games.is_empty() {
            bench
                .report
                .push(IssueKind::MissingField, file, n, "games", "empty".into());
            continue;
        }
        let model = bench.models.intern(&model_name);
        let prompt = bench.prompt_id(&qid);
        if !seen.insert((judge, prompt, model)) {
            bench.report.push(
                IssueKind::DuplicateRow,
                file,
                n,
                id_field,
                format!("second judgment of {model_name} on {qid}; the first is kept"),
            );
            continue;
        }
        if games.len() == 1 {
            bench.report.push(
                IssueKind::SingleGame,
                file,
                n,
                "games",
                "one game instead of two; game 1 is used".into(),
            );
        }
        let mut parsed = Vec::with_capacity(2);
        for (g, game) in games.iter().take(2).enumerate() {
            let field = format!("games[{g}].score");
            let null = matches!(game.get("score"), None | Some(Value::Null));
            let verdict = match game.get("score") {
                None | Some(Value::Null) => {
                    bench
                        .report
                        .push(IssueKind::NullLabel, file, n, &field, "null".into());
                    None
                }
                Some(Value::String(s)) => {
                    let v = Verdict::parse(s, set);
                    if v.is_none() {
                        bench.report.push(
                            IssueKind::UnknownLabel,
                            file,
                            n,
                            &field,
                            format!("{s:?}"),
                        );
                    }
                    v
                }
                Some(other) => {
                    bench
                        .report
                        .push(IssueKind::UnknownLabel, file, n, &field, format!("{other}"));
                    None
                }
            };
            let judgment = match game.get("judgment") {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Object(o)) => o
                    .get("answer")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                _ => String::new(),
            };
            let user_prompt = game
                .get("user_prompt")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            parsed.push(Game {
                verdict,
                null,
                judgment,
                user_prompt,
                preference: None,
            });
        }
        let baseline = opt_str(&obj, "baseline").map(|b| bench.models.intern(&b));
        // v2.0's show_result.py groups by the judgment's own `category` (SR2 main); the question
        // file's category wins when both exist, the row's fills a prompt the questions lack.
        if v20 {
            if let Some(c) = opt_str(&obj, "category") {
                let slot = &mut bench.prompts[prompt as usize];
                if slot.category.is_empty() {
                    slot.category = c;
                }
            }
        }
        bench.judgments.push(Judgment {
            judge,
            model,
            prompt,
            baseline,
            games: parsed,
            file: file_index,
            line: n as u32,
            turn: 1,
            judge_prompt: String::new(),
        });
        bench.report.judgments += 1;
    }
}
