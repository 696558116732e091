//! FastChat llm_judge's pairwise judgments, `model_judgment/<judge>_pair.jsonl`: one row per
//! (question, model pair, turn) with `model_1`, `model_2`, `g1_winner`, `g2_winner`,
//! `g1_judgment`, `g2_judgment`, `g1_user_prompt`, `g2_user_prompt`, `judge = [model, prompt name]`
//! and `turn` (1, or 2 for the second-turn judgment).
//!
//! FastChat runs each pair twice (`fastchat/llm_judge/common.py::play_a_match_pair`): game 1 shows
//! `model_1` as Assistant A, game 2 swaps the answers, and both winners are then written in model
//! terms (`model_1 | model_2 | tie | error`, `error` when the judge's output had no `[[A]]`, `[[B]]`
//! or `[[C]]`). A row therefore maps onto the bench's [`Judgment`] as
//! `Judgment { baseline: model_1, model: model_2 }`: game 1 has the baseline as A exactly as the
//! Arena-Hard layout has, and game 2 is the swapped game. Winners carry no strength, so they read as
//! `A>B`, `B>A` and `A=B`.
//!
//! Documented behaviour for bad rows (each reported with `file:line`):
//! - `error` winner: that game has no verdict ([`IssueKind::JudgeError`], one per game); the other
//!   game still reaches the Arena-Hard-style views, while the `mt-bench` method drops the whole
//!   row as `show_result.py` does.
//! - any other unknown winner: [`IssueKind::UnknownLabel`], the game has no verdict.
//! - missing `question_id`, `model_1`, `model_2`, or a `turn` other than 1 or 2: the row is skipped
//!   ([`IssueKind::MissingField`]); an absent `turn` reads as 1.
//! - `model_1 == model_2`: skipped ([`IssueKind::SelfBattle`]).
//! - a second row for the same (judge, question, model_1, model_2, turn): skipped
//!   ([`IssueKind::DuplicateRow`]), the first is kept.

use super::{lines, opt_str, parse_object, req_str};
use crate::bench::{Bench, Game, Judgment, Layout};
use crate::report::IssueKind;
use crate::verdict::Verdict;
use serde_json::{Map, Value};
use std::collections::HashSet;

/// Which side of a game a winner label names.
enum Winner {
    Model1,
    Model2,
    Tie,
    Error,
    Unknown,
}

fn winner(label: Option<&Value>) -> Winner {
    match label.and_then(Value::as_str) {
        Some("model_1") => Winner::Model1,
        Some("model_2") => Winner::Model2,
        Some("tie") => Winner::Tie,
        Some("error") => Winner::Error,
        _ => Winner::Unknown,
    }
}

/// The judge model and prompt name: `judge` is `[model, prompt]` (FastChat's `Judge` tuple); a
/// plain string is taken as the model; absent, the file's `<judge>_pair` stem names the model.
pub(crate) fn judge_of(obj: &Map<String, Value>, file: &str, suffix: &str) -> (String, String) {
    match obj.get("judge") {
        Some(Value::Array(parts)) => (
            parts
                .first()
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            parts
                .get(1)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
        ),
        Some(Value::String(s)) => (s.clone(), String::new()),
        _ => {
            let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
            let stem = name.strip_suffix(".jsonl").unwrap_or(name);
            (
                stem.strip_suffix(suffix).unwrap_or(stem).to_string(),
                String::new(),
            )
        }
    }
}

/// The `turn` field: 1 or 2; absent reads as 1; anything else is `None`.
/// A bad `turn` is reported at `file:line` (for the pair and the single reader alike) and gives
/// `None`, so the caller skips the row.
pub(crate) fn turn_of(
    bench: &mut Bench,
    file: &str,
    line: usize,
    obj: &Map<String, Value>,
) -> Option<u8> {
    let turn = match obj.get("turn") {
        None | Some(Value::Null) => Some(1),
        Some(v) => match v.as_u64() {
            Some(t @ (1 | 2)) => Some(t as u8),
            _ => None,
        },
    };
    if turn.is_none() {
        bench.report.push(
            IssueKind::MissingField,
            file,
            line,
            "turn",
            format!("expected 1 or 2, found {}", obj["turn"]),
        );
    }
    turn
}

/// Reads one pairwise judgment file into the bench.
pub fn parse(bench: &mut Bench, file: &str, text: &str) {
    let file_index = bench.judgment_files.len() as u32;
    bench.judgment_files.push(file.to_string());
    let mut seen: HashSet<(u32, u32, u32, u32, u8)> = bench
        .judgments
        .iter()
        .filter_map(|j| Some((j.judge, j.prompt, j.baseline?, j.model, j.turn)))
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
        let fields = ["question_id", "model_1", "model_2"].map(|f| req_str(&obj, f));
        let [qid, m1, m2] = match fields {
            [Ok(q), Ok(a), Ok(b)] => [q, a, b],
            other => {
                for e in other.into_iter().filter_map(Result::err) {
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
        if m1 == m2 {
            bench.report.push(
                IssueKind::SelfBattle,
                file,
                n,
                "model_2",
                format!("{m1} judged against itself; left out"),
            );
            continue;
        }
        let (judge_name, judge_prompt) = judge_of(&obj, file, "_pair");
        let judge = bench.judges.intern(&judge_name);
        if bench.judged_models.len() <= judge as usize {
            bench.judged_models.resize(judge as usize + 1, Vec::new());
        }
        let baseline = bench.models.intern(&m1);
        let model = bench.models.intern(&m2);
        let prompt = bench.prompt_id(&qid);
        if !seen.insert((judge, prompt, baseline, model, turn)) {
            bench.report.push(
                IssueKind::DuplicateRow,
                file,
                n,
                "question_id",
                format!("second judgment of {m1} vs {m2} on {qid}, turn {turn}; the first is kept"),
            );
            continue;
        }
        if bench.layout == Layout::Empty {
            bench.layout = Layout::MtBench;
        }
        for m in [baseline, model] {
            if !bench.judged_models[judge as usize].contains(&m) {
                bench.judged_models[judge as usize].push(m);
            }
        }
        let games = (1..=2)
            .map(|g| read_game(bench, &obj, g, file, n))
            .collect();
        bench.judgments.push(Judgment {
            judge,
            model,
            prompt,
            baseline: Some(baseline),
            games,
            file: file_index,
            line: n as u32,
            turn,
            judge_prompt,
        });
        bench.report.judgments += 1;
    }
}

/// Game `g` (1 or 2) of a row. Game 1 shows `model_1` (the baseline) as A; game 2 shows `model_2`.
fn read_game(bench: &mut Bench, obj: &Map<String, Value>, g: usize, file: &str, n: usize) -> Game {
    let field = format!("g{g}_winner");
    let label = obj.get(&field);
    // Game 1 shows model_1 as Assistant A; game 2 shows model_2.
    let (a_wins, b_wins) = (Some(Verdict::ABetter), Some(Verdict::BBetter));
    let verdict = match winner(label) {
        Winner::Tie => Some(Verdict::Tie),
        Winner::Model1 if g == 1 => a_wins,
        Winner::Model1 => b_wins,
        Winner::Model2 if g == 1 => b_wins,
        Winner::Model2 => a_wins,
        Winner::Error => {
            bench.report.push(
                IssueKind::JudgeError,
                file,
                n,
                &field,
                "\"error\": the judge gave no verdict; the mt-bench method drops the row, as show_result.py does".into(),
            );
            None
        }
        Winner::Unknown => {
            let shown = label.map_or("missing".to_string(), Value::to_string);
            bench
                .report
                .push(IssueKind::UnknownLabel, file, n, &field, shown);
            None
        }
    };
    Game {
        verdict,
        null: matches!(label, None | Some(Value::Null)),
        judgment: opt_str(obj, &format!("g{g}_judgment")).unwrap_or_default(),
        user_prompt: opt_str(obj, &format!("g{g}_user_prompt")).unwrap_or_default(),
        preference: None,
    }
}
