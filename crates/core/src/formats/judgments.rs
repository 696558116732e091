//! `model_judgment/<judge>/<model>.jsonl`: v0.1 (`question_id, model, judge, games[{user_prompt, judgment,
//! score}]`) and v2.0 (`uid, model, judge, baseline, games[{score, judgment:{answer}, prompt}]`).
//!
//! The judge is named by the folder, as in the reference tool; the model by the row's `model` field,
//! falling back to the file name.

use super::{lines, opt_str, parse_object};
use crate::bench::{Bench, Game, Judgment, Layout};
use crate::load_options::Texts;
use crate::report::IssueKind;
use crate::verdict::{LabelSet, Verdict};
use serde_json::Value;
use std::borrow::Cow;
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
    let rows = rows(text, Texts::Keep);
    apply(bench, file, judge_name, file_model, rows, seen);
}

/// One judgment line read, before it touches the bench: what [`apply`] needs, borrowed from the
/// line where it can be. Reading is pure, so the files of a folder can be read in parallel.
pub(crate) struct JudgmentRow<'a> {
    /// A v2.0 row (it has `uid`).
    pub v20: bool,
    /// `uid` (v2.0) or `question_id` (v0.1), `None` when missing or not a string or number.
    pub id: Option<Cow<'a, str>>,
    /// The row's `model` when it is a string.
    pub model: Option<Cow<'a, str>>,
    /// `games`: `None` when missing or not an array.
    pub games: Option<Games<'a>>,
    pub baseline: Option<Cow<'a, str>>,
    pub category: Option<Cow<'a, str>>,
}

/// The first two games of a row (the only ones read) and how many there were.
pub(crate) struct Games<'a> {
    pub first_two: Vec<GameRow<'a>>,
    pub count: usize,
}

/// A game as read: its score and texts (empty when texts are skipped).
pub(crate) struct GameRow<'a> {
    pub score: Score<'a>,
    pub judgment: String,
    pub user_prompt: String,
}

/// A game's `score` as written.
pub(crate) enum Score<'a> {
    /// Absent or JSON `null` (also a game that is not an object).
    Null,
    Label(Cow<'a, str>),
    /// Any other value, printed as JSON for the report.
    Other(String),
}

/// Each non-blank line of a judgment file read: its 1-based number and the row, or why the line
/// is not a JSON object. With [`Texts::Skip`] the judgment texts are left empty.
pub(crate) fn rows(text: &str, texts: Texts) -> Vec<(usize, Result<JudgmentRow<'_>, String>)> {
    lines(text).map(|(n, line)| (n, row(line, texts))).collect()
}

fn row(line: &str, texts: Texts) -> Result<JudgmentRow<'_>, String> {
    if texts == Texts::Skip {
        if let Some(r) = super::judgments_fast::row(line) {
            return Ok(r);
        }
    }
    let obj = parse_object(line)?;
    let v20 = obj.contains_key("uid");
    let id_field = if v20 { "uid" } else { "question_id" };
    let games = obj
        .get("games")
        .and_then(Value::as_array)
        .map(|games| Games {
            count: games.len(),
            first_two: games
                .iter()
                .take(2)
                .map(|game| GameRow {
                    score: match game.get("score") {
                        None | Some(Value::Null) => Score::Null,
                        Some(Value::String(s)) => Score::Label(Cow::Owned(s.clone())),
                        Some(other) => Score::Other(format!("{other}")),
                    },
                    judgment: match (texts, game.get("judgment")) {
                        (Texts::Skip, _) => String::new(),
                        (_, Some(Value::String(s))) => s.clone(),
                        (_, Some(Value::Object(o))) => o
                            .get("answer")
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                            .to_string(),
                        _ => String::new(),
                    },
                    user_prompt: match texts {
                        Texts::Skip => String::new(),
                        Texts::Keep => game
                            .get("user_prompt")
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                            .to_string(),
                    },
                })
                .collect(),
        });
    Ok(JudgmentRow {
        v20,
        id: super::req_str(&obj, id_field).ok().map(Cow::Owned),
        model: opt_str(&obj, "model").map(Cow::Owned),
        games,
        baseline: opt_str(&obj, "baseline").map(Cow::Owned),
        category: opt_str(&obj, "category").map(Cow::Owned),
    })
}

/// Adds the rows of one judgment file to the bench, reporting each bad row and game. `seen`
/// tracks (judge, prompt, model) across files.
pub(crate) fn apply(
    bench: &mut Bench,
    file: &str,
    judge_name: &str,
    file_model: &str,
    rows: Vec<(usize, Result<JudgmentRow<'_>, String>)>,
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
    for (n, row) in rows {
        bench.report.lines += 1;
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                bench.report.push(IssueKind::BadJson, file, n, "", e);
                continue;
            }
        };
        let v20 = row.v20;
        let id_field = if v20 { "uid" } else { "question_id" };
        let Some(qid) = row.id else {
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
        let model_name = match row.model {
            Some(m) => m,
            None => {
                bench.report.push(
                    IssueKind::MissingField,
                    file,
                    n,
                    "model",
                    format!("missing; using the file name {file_model:?}"),
                );
                Cow::Borrowed(file_model)
            }
        };
        let Some(games) = row.games else {
            bench.report.push(
                IssueKind::MissingField,
                file,
                n,
                "games",
                "missing or not an array".into(),
            );
            continue;
        };
        if games.count == 0 {
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
        if games.count == 1 {
            bench.report.push(
                IssueKind::SingleGame,
                file,
                n,
                "games",
                "one game instead of two; game 1 is used".into(),
            );
        }
        let mut parsed = Vec::with_capacity(2);
        for (g, game) in games.first_two.into_iter().enumerate() {
            let field = format!("games[{g}].score");
            let null = matches!(game.score, Score::Null);
            let verdict = match game.score {
                Score::Null => {
                    bench
                        .report
                        .push(IssueKind::NullLabel, file, n, &field, "null".into());
                    None
                }
                Score::Label(s) => {
                    let v = Verdict::parse(&s, set);
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
                Score::Other(text) => {
                    bench
                        .report
                        .push(IssueKind::UnknownLabel, file, n, &field, text);
                    None
                }
            };
            parsed.push(Game {
                verdict,
                null,
                judgment: game.judgment,
                user_prompt: game.user_prompt,
                preference: None,
            });
        }
        let baseline = row.baseline.map(|b| bench.models.intern(&b));
        // v2.0's show_result.py groups by the judgment's own `category` (SR2 main); the question
        // file's category wins when both exist, the row's fills a prompt the questions lack.
        if v20 {
            if let Some(c) = row.category {
                let slot = &mut bench.prompts[prompt as usize];
                if slot.category.is_empty() {
                    slot.category = c.as_ref().into();
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
