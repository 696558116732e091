//! WildBench per-instance results (allenai/WildBench `eval_results/...`): JSON arrays, problems
//! reported as `file:item N`.
//!
//! - **Score mode** (`score.v2/eval=<judge>/<model>.json`): `session_id`, `score` (a string "1".."10",
//!   also under `parsed_result.score`), `model_test`, `model_output`. Each item becomes a
//!   [`Grade`]. The model is `model_test`'s last `/` segment (WildBench names the model by its file,
//!   `_create_tables.py`, and keys its tables by the last `/` segment; the two agree on its files).
//! - **Pairwise** (`pairwise.v2/eval=<judge>/ref=<reference>/<model>.json`): `session_id`,
//!   `model_A`, `model_B`, `winner` (a model or `tie`), `extent` (0, 1, 2), `parsed_result.choice`
//!   (A++ A+ A=B B+ B++), `model_outputs` {model: text}; the fields `src/openai_batch_eval/
//!   batch_results_format.py` writes. The judge comes from `eval=`, the reference from `ref=`
//!   (else the model that is not the file's stem, else one of WildBench's three references). Each
//!   item is one judgment of the tested model against the reference with one game, normalised so the
//!   reference is Assistant A (`B>>A` = the tested model wins much); the judge's own A/B order is
//!   random in WildBench and is not kept. `winner`/`extent` decide, as `_create_tables.py` reads
//!   them; `choice` is used when they are absent.
//!
//! Both store the answers they carry, so the WildBench method can apply the length margin and skip
//! truncated or empty answers as `_create_tables.py` does.

use super::alpaca_eval::report_break;
use super::json_array::{self, number};
use crate::bench::{Bench, Game, Judgment, Layout};
use crate::grade::Grade;
use crate::report::IssueKind;
use crate::verdict::Verdict;
use serde_json::{Map, Value};
use std::collections::HashSet;

/// The three references of WildBench's leaderboard (`leaderboard/data_dir/_create_tables.py`).
pub const REFERENCES: [&str; 3] = [
    "gpt-4-turbo-2024-04-09",
    "claude-3-haiku-20240307",
    "Llama-2-70b-chat-hf",
];

/// How WildBench marks an answer it leaves out of counts and lengths (`_create_tables.py`).
pub const TRUNCATED_SUFFIX: &str = "... (truncated)";
pub const EMPTY_ANSWER: &str = "[This model response is empty.]";

/// The judge name when the path has no `eval=` folder.
const UNNAMED_JUDGE: &str = "wildbench judge";

/// Reads a score-mode file into the bench's grades.
pub fn parse_score(bench: &mut Bench, file: &str, text: &str) {
    if bench.layout == Layout::Empty {
        bench.layout = Layout::WildBench;
    }
    let judge = bench
        .judges
        .intern(&path_value(file, "eval=").unwrap_or_else(|| UNNAMED_JUDGE.into()));
    let arr = json_array::items(text);
    let mut seen = HashSet::new();
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
        let session = match super::req_str(obj, "session_id") {
            Ok(s) => s,
            Err(e) => {
                bench
                    .report
                    .push_item(IssueKind::MissingField, file, n, &e.field, e.message);
                continue;
            }
        };
        let model_name =
            match super::opt_str(obj, "model_test").or_else(|| super::opt_str(obj, "generator")) {
                Some(m) => m.rsplit('/').next().unwrap_or(&m).to_string(),
                None => match stem(file) {
                    Some(s) => {
                        bench.report.push_item(
                            IssueKind::MissingField,
                            file,
                            n,
                            "model_test",
                            format!("missing; using the file name {s:?}"),
                        );
                        s
                    }
                    None => {
                        bench.report.push_item(
                            IssueKind::MissingField,
                            file,
                            n,
                            "model_test",
                            "missing".into(),
                        );
                        continue;
                    }
                },
            };
        let raw = match obj.get("score") {
            Some(v) if !v.is_null() => Some(("score", number(obj, "score"))),
            _ => obj
                .get("parsed_result")
                .and_then(Value::as_object)
                .map(|p| ("parsed_result.score", number(p, "score"))),
        };
        let score = match raw {
            None | Some((_, Ok(None))) => {
                bench.report.push_item(
                    IssueKind::NullLabel,
                    file,
                    n,
                    "score",
                    "missing or null".into(),
                );
                continue;
            }
            Some((field, Err(e))) => {
                bench
                    .report
                    .push_item(IssueKind::UnknownLabel, file, n, field, e);
                continue;
            }
            Some((field, Ok(Some(s)))) => {
                if !(1.0..=10.0).contains(&s) {
                    bench.report.push_item(
                        IssueKind::UnknownLabel,
                        file,
                        n,
                        field,
                        format!("{s} is outside WildBench's 1-10 scale"),
                    );
                    continue;
                }
                s
            }
        };
        let model = bench.models.intern(&model_name);
        let prompt = bench.prompt_id(&session);
        if !seen.insert((model, prompt)) {
            bench.report.push_item(
                IssueKind::DuplicateRow,
                file,
                n,
                "session_id",
                format!("second grade of {model_name} on {session}; the first is kept"),
            );
            continue;
        }
        let output = output_text(obj.get("model_output"));
        if let Some(o) = &output {
            bench.add_answer(model, prompt, o);
        }
        // The judge's strengths and weaknesses, for the compare page.
        let judgment = obj
            .get("parsed_result")
            .and_then(Value::as_object)
            .map(|p| {
                ["strengths", "weaknesses"]
                    .iter()
                    .filter_map(|k| {
                        p.get(*k)
                            .and_then(Value::as_str)
                            .map(|t| format!("{k}: {t}"))
                    })
                    .collect::<Vec<_>>()
                    .join("\n\n")
            })
            .unwrap_or_default();
        bench.grades.push(Grade {
            judge,
            judge_prompt: String::new(),
            model,
            prompt,
            turn: 1,
            score: Some(score),
            judgment,
            answer_chars: output.as_ref().map(|o| o.chars().count()),
            incomplete: output.as_ref().is_some_and(|o| is_incomplete(o)),
            file: file.to_string(),
            line: n as u32,
        });
        bench.report.judgments += 1;
    }
    report_break(bench, file, arr.broken);
}

/// Reads a per-instance pairwise file into judgments against the reference.
pub fn parse_pairwise(bench: &mut Bench, file: &str, text: &str) {
    if bench.layout == Layout::Empty {
        bench.layout = Layout::WildBench;
    }
    let judge = bench
        .judges
        .intern(&path_value(file, "eval=").unwrap_or_else(|| UNNAMED_JUDGE.into()));
    if bench.judged_models.len() <= judge as usize {
        bench.judged_models.resize(judge as usize + 1, Vec::new());
    }
    let file_index = bench.judgment_files.len() as u32;
    bench.judgment_files.push(file.to_string());
    let path_ref = path_value(file, "ref=");
    let file_stem = stem(file);
    let arr = json_array::items(text);
    let mut seen = HashSet::new();
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
        let (session, a, b) = match (need("session_id"), need("model_A"), need("model_B")) {
            (Ok(s), Ok(a), Ok(b)) => (s, a, b),
            (s, a, b) => {
                let e = [s.err(), a.err(), b.err()]
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
        let Some((reference, tested)) = sides(&a, &b, path_ref.as_deref(), file_stem.as_deref())
        else {
            bench.report.push_item(
                IssueKind::MissingField,
                file,
                n,
                "model_A",
                format!("cannot tell which of {a:?} and {b:?} is the reference (no ref= folder, no known reference)"),
            );
            continue;
        };
        if reference == tested {
            bench.report.push_item(
                IssueKind::SelfBattle,
                file,
                n,
                "model_A",
                format!("{a} against itself; WildBench skips such files"),
            );
            continue;
        }
        let verdict = match outcome(obj, &a, &b, &tested, &reference) {
            Ok(v) => v,
            Err((field, message)) => {
                bench
                    .report
                    .push_item(IssueKind::UnknownLabel, file, n, &field, message);
                continue;
            }
        };
        let model = bench.models.intern(&tested);
        let baseline = bench.models.intern(&reference);
        let prompt = bench.prompt_id(&session);
        if !seen.insert((model, baseline, prompt)) {
            bench.report.push_item(
                IssueKind::DuplicateRow,
                file,
                n,
                "session_id",
                format!("second judgment of {tested} on {session}; the first is kept"),
            );
            continue;
        }
        if let Some(outputs) = obj.get("model_outputs").and_then(Value::as_object) {
            for (name, id) in [(&tested, model), (&reference, baseline)] {
                if let Some(t) = output_text(outputs.get(name.as_str())) {
                    bench.add_answer(id, prompt, &t);
                }
            }
        }
        if !bench.judged_models[judge as usize].contains(&model) {
            bench.judged_models[judge as usize].push(model);
        }
        let judgment = obj
            .get("parsed_result")
            .map(|p| match p {
                Value::String(s) => s.clone(),
                other => serde_json::to_string_pretty(other).unwrap_or_default(),
            })
            .unwrap_or_default();
        bench.judgments.push(Judgment {
            judge,
            model,
            prompt,
            baseline: Some(baseline),
            games: vec![Game {
                verdict: Some(verdict),
                judgment,
                ..Game::default()
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

/// (reference, tested) for an item showing `a` and `b`.
fn sides(a: &str, b: &str, path_ref: Option<&str>, stem: Option<&str>) -> Option<(String, String)> {
    let pair = |r: &str, t: &str| Some((r.to_string(), t.to_string()));
    let short = |m: &str| m.rsplit('/').next().unwrap_or(m).replace("@together", "");
    if let Some(r) = path_ref {
        // `_create_tables.py`: `ref_model in model_lists[0]` (a substring test, as written).
        if a.contains(r) {
            return pair(a, b);
        }
        if b.contains(r) {
            return pair(b, a);
        }
    }
    if let Some(s) = stem {
        if short(a) == s {
            return pair(b, a);
        }
        if short(b) == s {
            return pair(a, b);
        }
    }
    let known = |m: &str| REFERENCES.contains(&short(m).as_str());
    match (known(a), known(b)) {
        (true, false) => pair(a, b),
        (false, true) => pair(b, a),
        _ => None,
    }
}

/// The verdict with the reference as Assistant A: `winner`/`extent` as `_create_tables.py` reads
/// them, else `parsed_result.choice` as `batch_results_format.py` turns it into them.
fn outcome(
    obj: &Map<String, Value>,
    a: &str,
    b: &str,
    tested: &str,
    reference: &str,
) -> Result<Verdict, (String, String)> {
    let (winner, extent) = match (super::opt_str(obj, "winner"), obj.get("extent")) {
        (Some(w), Some(e)) => {
            let e = e
                .as_u64()
                .or_else(|| e.as_str().and_then(|s| s.parse().ok()))
                .filter(|e| *e <= 2)
                .ok_or_else(|| ("extent".to_string(), format!("{e} is not 0, 1 or 2")))?;
            (w, e)
        }
        _ => {
            let choice = obj
                .get("parsed_result")
                .and_then(|p| p.get("choice"))
                .and_then(Value::as_str)
                .ok_or_else(|| {
                    (
                        "parsed_result.choice".to_string(),
                        "missing, and no winner/extent".to_string(),
                    )
                })?;
            match choice {
                "A=B" => ("tie".to_string(), 0),
                "A+" => (a.to_string(), 1),
                "A++" => (a.to_string(), 2),
                "B+" => (b.to_string(), 1),
                "B++" => (b.to_string(), 2),
                other => {
                    return Err((
                        "parsed_result.choice".to_string(),
                        format!("{other:?} is not A++, A+, A=B, B+ or B++"),
                    ))
                }
            }
        }
    };
    if winner == "tie" || extent == 0 {
        if winner != "tie" {
            return Err(("extent".into(), format!("0 with winner {winner:?}")));
        }
        return Ok(Verdict::Tie);
    }
    let much = extent == 2;
    if winner == tested {
        Ok(if much {
            Verdict::BMuchBetter
        } else {
            Verdict::BBetter
        })
    } else if winner == reference {
        Ok(if much {
            Verdict::AMuchBetter
        } else {
            Verdict::ABetter
        })
    } else {
        Err((
            "winner".into(),
            format!("{winner:?} is neither model nor \"tie\""),
        ))
    }
}

/// Whether WildBench leaves an answer out of counts and lengths.
pub fn is_incomplete(text: &str) -> bool {
    text.ends_with(TRUNCATED_SUFFIX) || text == EMPTY_ANSWER || text.is_empty()
}

/// An output field: a string, or the first of a list (WildBench's sonnet-judged files).
fn output_text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Array(a) => a.first().and_then(Value::as_str).map(str::to_string),
        _ => None,
    }
}

/// The value of a `key=value` folder in the path (`eval=gpt-4o-2024-05-13`, `ref=...`).
fn path_value(file: &str, key: &str) -> Option<String> {
    crate::source::path_parts(file)
        .into_iter()
        .rev()
        .find_map(|p| {
            p.strip_prefix(key)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        })
}

/// The file name without `.json` (and WildBench's `@together` provider suffix).
fn stem(file: &str) -> Option<String> {
    let name = crate::source::path_parts(file).last()?.to_string();
    let s = name
        .strip_suffix(".json")
        .unwrap_or(&name)
        .replace("@together", "");
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_follow_the_path_then_the_stem_then_the_known_references() {
        let s = sides;
        assert_eq!(
            s(
                "x",
                "claude-3-haiku-20240307",
                Some("claude-3-haiku-20240307"),
                None
            ),
            Some(("claude-3-haiku-20240307".into(), "x".into()))
        );
        assert_eq!(s("x", "y", None, Some("x")), Some(("y".into(), "x".into())));
        assert_eq!(
            s("Llama-2-70b-chat-hf", "y", None, None),
            Some(("Llama-2-70b-chat-hf".into(), "y".into()))
        );
        assert_eq!(s("x", "y", None, None), None);
    }
}
