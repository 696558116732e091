//! FastChat llm_judge's `judge_prompts.jsonl`: the judges' prompt templates (`name`, `type`,
//! `system_prompt`, `prompt_template`, `category`, `output_format`). Scoring does not need them (each
//! judgment row names its template, `judge[1]`), so they are stored by name in
//! [`Bench::judge_prompts`] for display.
//!
//! The file sits one folder above the benches (`data/judge_prompts.jsonl` beside `data/mt_bench/`),
//! so it loads into a bench of its own; [`share`] then hands its templates to the MT-Bench benches
//! of the same data set and removes that bench, so it never shows up as an empty bench.
//!
//! Bad rows (each reported with `file:line`): no `name`: skipped ([`IssueKind::MissingField`]); a
//! second template with the same name: skipped ([`IssueKind::DuplicateRow`]), the first is kept.

use super::{lines, opt_str, parse_object, req_str};
use crate::bench::{Bench, Layout};
use crate::judge_prompt::JudgePrompt;
use crate::report::IssueKind;
use std::collections::BTreeMap;

/// Reads a judge-prompts file into the bench.
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
        let name = match req_str(&obj, "name") {
            Ok(name) => name,
            Err(e) => {
                bench
                    .report
                    .push(IssueKind::MissingField, file, n, &e.field, e.message);
                continue;
            }
        };
        if bench.judge_prompts.iter().any(|p| p.name == name) {
            bench.report.push(
                IssueKind::DuplicateRow,
                file,
                n,
                "name",
                format!("second judge prompt named {name}; the first is kept"),
            );
            continue;
        }
        let field = |k: &str| opt_str(&obj, k).unwrap_or_default();
        bench.judge_prompts.push(JudgePrompt {
            name,
            kind: field("type"),
            category: field("category"),
            system_prompt: field("system_prompt"),
            prompt_template: field("prompt_template"),
            output_format: field("output_format"),
        });
    }
}

/// True for a bench that holds nothing but judge prompts.
fn prompts_only(b: &Bench) -> bool {
    !b.judge_prompts.is_empty()
        && b.prompts.is_empty()
        && b.answers.is_empty()
        && b.judgments.is_empty()
        && b.file_battles.is_empty()
        && b.grades.is_empty()
        && b.references.is_empty()
}

/// Gives the templates of a prompts-only bench to every MT-Bench bench (those without templates of
/// their own) and drops the prompts-only bench, its load report merged into theirs. Without an
/// MT-Bench bench nothing moves.
pub fn share(benches: &mut BTreeMap<String, Bench>) {
    let targets: Vec<String> = benches
        .iter()
        .filter(|(_, b)| b.layout == Layout::MtBench && b.judge_prompts.is_empty())
        .map(|(k, _)| k.clone())
        .collect();
    if targets.is_empty() {
        return;
    }
    let donors: Vec<String> = benches
        .iter()
        .filter(|(_, b)| prompts_only(b))
        .map(|(k, _)| k.clone())
        .collect();
    for donor in donors {
        let d = benches.remove(&donor).expect("listed above");
        for t in &targets {
            let b = benches.get_mut(t).expect("listed above");
            for p in &d.judge_prompts {
                if !b.judge_prompts.iter().any(|q| q.name == p.name) {
                    b.judge_prompts.push(p.clone());
                }
            }
            b.report.merge(&d.report);
        }
    }
}
