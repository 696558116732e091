//! AlpacaEval files: `annotations.json` (one judge's preferences between a model and the reference)
//! and `model_outputs.json` (a model's answers). Both are JSON arrays; problems are reported as
//! `file:item N`.
//!
//! - **Prompt id**: the instruction text. AlpacaEval itself joins outputs, references and
//!   annotations on the instruction (`alpaca_eval/main.py::evaluate` merges on `instruction`), and
//!   an item's position is not stable across files (a model may skip an instruction), so the
//!   position would pair the wrong items. The instruction is also the prompt's text; `dataset`
//!   (helpful_base, koala, oasst, selfinstruct, vicuna) becomes its category.
//! - **One judgment per item**: judge = `annotator` (else the file's folder, which AlpacaEval names
//!   after the annotator), baseline = `generator_1` (the reference, shown first to the judge),
//!   model = `generator_2`. Its one game shows the baseline as Assistant A, so a preference of 1
//!   (output_1 preferred) reads `A>B`, 2 reads `B>A`, and 1.5 a tie; the continuous value is kept
//!   in [`Game::preference`] for the alpaca-eval method.
//! - **Preferences**: `null` (the annotator failed) is reported and the item kept without a verdict;
//!   AlpacaEval drops such items from the win rate too (`metrics/helpers.py::describe_head2head`,
//!   `is_allow_nan=False`). `0` is AlpacaEval's legacy spelling of a draw and reads as 1.5. Any other
//!   value outside [1, 2] is an unknown label.

use super::json_array::{self, number};
use crate::bench::{Bench, Game, Judgment, Layout};
use crate::report::IssueKind;
use crate::verdict::Verdict;
use serde_json::{Map, Value};
use std::collections::HashSet;

/// The judge name when neither the item nor the path names one.
const UNNAMED_ANNOTATOR: &str = "alpaca_eval annotator";

/// Reads an `annotations.json` into the bench.
pub fn parse_annotations(bench: &mut Bench, file: &str, text: &str) {
    if bench.layout == Layout::Empty {
        bench.layout = Layout::AlpacaEval;
    }
    let folder_judge = folder(file);
    let file_index = bench.judgment_files.len() as u32;
    bench.judgment_files.push(file.to_string());
    let arr = json_array::items(text);
    let mut seen: HashSet<(u32, u32, u32)> = HashSet::new();
    for (n, value) in &arr.items {
        let n = *n;
        bench.report.lines += 1;
        let obj = match json_array::object(value) {
            Ok(o) => o,
            Err(e) => {
                bench.report.push_item(IssueKind::BadJson, file, n, "", e);
                continue;
            }
        };
        let need = |k: &str| super::req_str(obj, k);
        let (instruction, g1, g2) = match (
            need("instruction"),
            need("generator_1"),
            need("generator_2"),
        ) {
            (Ok(i), Ok(a), Ok(b)) => (i, a, b),
            (i, a, b) => {
                let e = [i.err(), a.err(), b.err()]
                    .into_iter()
                    .flatten()
                    .next()
                    .expect("one failed");
                bench
                    .report
                    .push_item(IssueKind::MissingField, file, n, &e.field, e.message);
                continue;
            }
        };
        let judge_name = super::opt_str(obj, "annotator")
            .or_else(|| folder_judge.clone())
            .unwrap_or_else(|| UNNAMED_ANNOTATOR.to_string());
        let judge = bench.judges.intern(&judge_name);
        if bench.judged_models.len() <= judge as usize {
            bench.judged_models.resize(judge as usize + 1, Vec::new());
        }
        let baseline = bench.models.intern(&g1);
        let model = bench.models.intern(&g2);
        let prompt = prompt(bench, &instruction, obj);
        if !seen.insert((judge, prompt, model)) {
            bench.report.push_item(
                IssueKind::DuplicateRow,
                file,
                n,
                "instruction",
                format!("second annotation of {g2} on this instruction; the first is kept"),
            );
            continue;
        }
        add_answer(bench, baseline, prompt, obj.get("output_1"));
        add_answer(bench, model, prompt, obj.get("output_2"));
        let (verdict, preference, null) = match number(obj, "preference") {
            Ok(None) => {
                bench.report.push_item(
                    IssueKind::NullLabel,
                    file,
                    n,
                    "preference",
                    "null: the annotator gave no preference; left out of the win rate".into(),
                );
                (None, None, true)
            }
            Ok(Some(p)) => match read_preference(p) {
                Some(p) => (Some(verdict_of(p)), Some(p), false),
                None => {
                    bench.report.push_item(
                        IssueKind::UnknownLabel,
                        file,
                        n,
                        "preference",
                        format!("{p} is outside [1, 2] (and not 0, the legacy draw)"),
                    );
                    (None, None, false)
                }
            },
            Err(e) => {
                bench
                    .report
                    .push_item(IssueKind::UnknownLabel, file, n, "preference", e);
                (None, None, false)
            }
        };
        if !bench.judged_models[judge as usize].contains(&model) {
            bench.judged_models[judge as usize].push(model);
        }
        let judgment = match obj.get("raw_completion") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Null) | None => String::new(),
            Some(other) => other.to_string(),
        };
        bench.judgments.push(Judgment {
            judge,
            model,
            prompt,
            baseline: Some(baseline),
            games: vec![Game {
                verdict,
                null,
                judgment,
                user_prompt: String::new(),
                preference,
            }],
            file: file_index,
            line: n as u32,
            turn: 1,
            judge_prompt: String::new(),
        });
        bench.report.judgments += 1;
    }
    report_break(bench, file, arr.broken);
}

/// Reads a `model_outputs.json` into the bench: answers keyed by instruction.
pub fn parse_outputs(bench: &mut Bench, file: &str, text: &str) {
    let arr = json_array::items(text);
    for (n, value) in &arr.items {
        let n = *n;
        bench.report.lines += 1;
        let obj = match json_array::object(value) {
            Ok(o) => o,
            Err(e) => {
                bench.report.push_item(IssueKind::BadJson, file, n, "", e);
                continue;
            }
        };
        let (instruction, generator) = match (
            super::req_str(obj, "instruction"),
            super::req_str(obj, "generator"),
        ) {
            (Ok(i), Ok(g)) => (i, g),
            (i, g) => {
                let e = [i.err(), g.err()]
                    .into_iter()
                    .flatten()
                    .next()
                    .expect("one failed");
                bench
                    .report
                    .push_item(IssueKind::MissingField, file, n, &e.field, e.message);
                continue;
            }
        };
        let model = bench.models.intern(&generator);
        if !bench.answer_files.contains(&model) {
            bench.answer_files.push(model);
        }
        let prompt = prompt(bench, &instruction, obj);
        if bench.answer_index.contains_key(&(model, prompt)) {
            bench.report.push_item(
                IssueKind::DuplicateRow,
                file,
                n,
                "instruction",
                format!("second output of {generator} for this instruction; the first is kept"),
            );
            continue;
        }
        if !matches!(obj.get("output"), Some(Value::String(_))) {
            bench.report.push_item(
                IssueKind::MissingField,
                file,
                n,
                "output",
                "missing or not a string".into(),
            );
            continue;
        }
        add_answer(bench, model, prompt, obj.get("output"));
    }
    report_break(bench, file, arr.broken);
}

/// A preference as AlpacaEval reads it: 0 is the legacy draw (1.5); anything else must lie in
/// [1, 2] (`utils.py::validate_alpacaeval_preference`).
pub fn read_preference(p: f64) -> Option<f64> {
    if p == 0.0 {
        Some(1.5)
    } else {
        (1.0..=2.0).contains(&p).then_some(p)
    }
}

/// The label a preference reads as, with the reference as Assistant A.
fn verdict_of(p: f64) -> Verdict {
    if p > 1.5 {
        Verdict::BBetter
    } else if p < 1.5 {
        Verdict::ABetter
    } else {
        Verdict::Tie
    }
}

/// The prompt of an instruction, with its text and `dataset` filled on first sight.
fn prompt(bench: &mut Bench, instruction: &str, obj: &Map<String, Value>) -> u32 {
    let id = bench.prompt_id(instruction);
    let p = &mut bench.prompts[id as usize];
    if p.text.is_empty() {
        p.text = instruction.to_string();
    }
    if p.category.is_empty() {
        if let Some(d) = super::opt_str(obj, "dataset") {
            p.category = d.into();
        }
    }
    id
}

/// Keeps the first answer of a model to a prompt (an output may appear in both files).
fn add_answer(bench: &mut Bench, model: u32, prompt: u32, text: Option<&Value>) {
    if let Some(Value::String(text)) = text {
        bench.add_answer(model, prompt, text);
    }
}

/// The folder holding the file (AlpacaEval's `results/<model>/<annotator>/annotations.json`).
fn folder(file: &str) -> Option<String> {
    let parts = crate::source::path_parts(file);
    (parts.len() >= 2).then(|| parts[parts.len() - 2].to_string())
}

/// Reports where an array stopped being readable.
pub(crate) fn report_break(bench: &mut Bench, file: &str, broken: Option<(usize, String)>) {
    if let Some((n, why)) = broken {
        bench.report.push_item(IssueKind::BadJson, file, n, "", why);
    }
}
