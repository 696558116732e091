//! Deterministic synthetic Arena-Hard v0.1 data for the arena-lens demo.
//!
//! [`generate`] writes a complete benchmark folder (`arena-hard-demo/`): 500 prompts in 40 topic
//! clusters, a markdown answer from each of 20 fictional models, and two judges' verdicts of every
//! model against the baseline `atlas-base`, in exactly the files and JSON shapes of the real v0.1
//! layout. The site and the CLI can then run their real parsers and statistics on it.
//!
//! Nothing here comes from real benchmark data: prompts, answers and judgments are assembled from
//! small hand-written vocabularies and templates. What *is* modelled is the statistics:
//!
//! * each model has a latent strength, per-category skills, a length and a markdown style
//!   ([`models`](crate::models));
//! * verdicts come from a Bradley-Terry-like comparison of latent answer quality with prompt-level
//!   variation, position bias and judge noise ([`judge`](crate::judge));
//! * the first judge has a **planted length bias** (its preference gets `1.0 x` the relative
//!   length difference), the second **favours its own `atlas-*` family**, so the site's bias views
//!   have something true to find;
//! * a few realistic defects (null scores, an unknown label, a one-game row) are planted in the
//!   first judge's files ([`blemishes`](crate::blemishes)).
//!
//! The same seed gives byte-identical files on every platform (wasm32 included): all randomness
//! is ChaCha8, collections are vectors in fixed order, and the floating-point maths avoids
//! platform-specific libm calls.

mod arena_log;
mod arena_models;
mod arena_prompts;
mod arena_text;
mod arena_votes;
mod blemishes;
mod code;
mod compact;
mod ids;
mod judge;
mod markdown;
mod metadata;
mod models;
mod mt_bench;
mod mt_judge;
mod mt_models;
mod mt_prompts;
mod mt_questions;
mod mt_records;
mod records;
mod records_v2;
mod rng;
mod topics;
mod v2;

pub use arena_log::{
    write_arena_log, ArenaLogOptions, ArenaLogSummary, ARENA_DEMO_BENCH, ARENA_DEMO_FILE,
};
pub use arena_models::{
    arena_models, ArenaModel, ARENA_MODELS, CODE_BONUS, CODE_SPECIALIST, LENGTH_WINNER,
};
pub use mt_bench::{
    generate_mt_bench, MATH_SPECIALIST, MT_ANCHOR, MT_DEMO_BENCH, MT_DEMO_JUDGE,
    MT_USER_PROMPT_EVERY, POSITION_BIAS, TURN_TWO_DROP,
};
pub use v2::{
    generate_v2, QuestionSpec, DEMO_V2_BENCH, V2_CREATIVE_BASELINE, V2_HARD_PROMPT_BASELINE,
};

use crate::blemishes::{Blemish, Kind, UNKNOWN_LABEL};
use crate::judge::{judges, Side, LABELS};
use crate::metadata::{token_len, word_count, MarkdownCounts};
use crate::records::{
    push_line, AnswerRecord, AnswerTurn, Choice, ConvMetadata, Game, JudgmentRecord, PromptTurn,
    QuestionRecord,
};
use crate::rng::{int, normal, stream, streams};
use crate::topics::{Category, Question};

/// One generated file: a path relative to the output folder, and its full text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoFile {
    pub path: String,
    pub contents: String,
}

/// The bench folder name.
pub const DEMO_BENCH: &str = "arena-hard-demo";
/// The baseline model: every judgment compares a model with it, and it scores 50% by definition.
pub const DEMO_BASELINE: &str = models::BASELINE;
/// The two judges: `judge-sage` (planted length bias) and `judge-atlas` (favours `atlas-*`).
pub const DEMO_JUDGES: [&str; 2] = ["judge-sage", "judge-atlas"];
/// The seed the site and the CLI use unless told otherwise.
pub const DEFAULT_SEED: u64 = 2024;

/// The first judge keeps `user_prompt` (the prompt plus both answers, so several kilobytes per
/// game) only on every N-th prompt; with all of them the demo would be over 60 MB, too much to
/// build in a browser tab. The other judge's rows never have it, like score-and-judgment-only sets.
const USER_PROMPT_EVERY: usize = 50;

/// Answer length relative to a model's median, by category (code makes coding answers longer).
pub(crate) fn category_length(cat: Category) -> f64 {
    match cat {
        Category::Coding => 1.15,
        Category::Math => 0.9,
        Category::Writing => 1.0,
        Category::Reasoning => 0.95,
        Category::Knowledge => 0.9,
    }
}

/// Everything about one generated answer that later steps need.
struct GeneratedAnswer {
    id: String,
    text: String,
    tokens: u32,
    words: usize,
    counts: MarkdownCounts,
    tstamp: f64,
}

impl GeneratedAnswer {
    /// The answer as the judge sees it: the writer's family and latent quality, its length and
    /// whether it is structured (any header or list) or holds code. One rule for both layouts.
    fn side<'a>(&self, family: &'a str, quality: f64) -> Side<'a> {
        Side {
            family,
            quality,
            tokens: self.tokens,
            words: self.words,
            structured: self.counts.headers.iter().sum::<u32>()
                + self.counts.ordered
                + self.counts.unordered
                > 0,
            has_code: self.text.contains("```"),
        }
    }
}

/// Writes the whole demo benchmark for `seed`. Deterministic: the same seed gives byte-identical
/// files, in the same order (`question.jsonl`, the answers, then each judge's judgments).
pub fn generate(seed: u64) -> Vec<DemoFile> {
    generate_prompts(seed, DEMO_PROMPTS).expect("the default size is valid")
}

/// The demo with `prompts` prompts in the same 40 topics of 5 categories (each topic's share of
/// the prompts as at the default size). Up to [`COMPACT_ABOVE`] prompts the full layout
/// ([`generate`] is `prompts` = [`DEMO_PROMPTS`]); above it the compact one ([`compact`]): no
/// answer files, one judge, six models and verdict-only judgments, so that 100,000 prompts stay
/// a folder a browser tab can load.
pub fn generate_prompts(seed: u64, prompts: usize) -> Result<Vec<DemoFile>, SizeError> {
    if prompts < topics::CLUSTERS.len() || prompts > MAX_PROMPTS {
        return Err(SizeError { prompts });
    }
    let questions = topics::questions(
        &mut stream(seed, streams::TOPICS),
        &mut stream(seed, streams::QUESTIONS),
        prompts,
    );
    if prompts > COMPACT_ABOVE {
        return Ok(compact::generate(seed, &questions));
    }
    Ok(full(seed, questions))
}

/// The number of prompts of the default demo, like Arena-Hard v0.1.
pub const DEMO_PROMPTS: usize = topics::QUESTION_COUNT;
/// Above this many prompts [`generate_prompts`] writes the compact layout.
pub const COMPACT_ABOVE: usize = 2_000;
/// The largest demo: 1,000,000 prompts (the compact layout at that size is about 1 GB).
pub const MAX_PROMPTS: usize = 1_000_000;

/// A prompt count outside `40..=1_000_000` (every planted topic needs a prompt).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SizeError {
    pub prompts: usize,
}

impl std::fmt::Display for SizeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "--prompts must be between {} (one per planted topic) and {MAX_PROMPTS}, got {}",
            topics::CLUSTERS.len(),
            self.prompts
        )
    }
}

impl std::error::Error for SizeError {}

/// The full layout: answers of all 20 models and both judges' explained verdicts.
fn full(seed: u64, questions: Vec<Question>) -> Vec<DemoFile> {
    let roster = models::roster();
    let baseline = roster
        .iter()
        .position(|m| m.name == DEMO_BASELINE)
        .expect("the baseline is in the roster");

    // Latent answer quality: model ability scaled by how much the prompt separates models, plus
    // answer-level luck. The baseline's luck on a prompt is shared by all comparisons on it.
    let mut latent = stream(seed, streams::LATENT);
    let quality: Vec<Vec<f64>> = questions
        .iter()
        .map(|q| {
            roster
                .iter()
                .map(|m| q.spread * m.ability(q.category()) + 0.5 * normal(&mut latent))
                .collect()
        })
        .collect();

    let answers: Vec<Vec<GeneratedAnswer>> = roster
        .iter()
        .enumerate()
        .map(|(i, m)| answers_of(seed, i, m, &questions))
        .collect();

    let mut files = Vec::with_capacity(1 + roster.len() * 3);
    files.push(DemoFile {
        path: format!("{DEMO_BENCH}/question.jsonl"),
        contents: question_file(&questions),
    });
    for (m, model_answers) in roster.iter().zip(&answers) {
        files.push(DemoFile {
            path: format!("{DEMO_BENCH}/model_answer/{}.jsonl", m.name),
            contents: answer_file(m.name, &questions, model_answers),
        });
    }

    let blemishes = blemishes::plan(
        &mut stream(seed, streams::BLEMISHES),
        roster.len(),
        baseline,
        questions.len(),
    );
    for (j, judge) in judges().iter().enumerate() {
        for (i, m) in roster.iter().enumerate() {
            let mut rng = stream(seed, streams::VERDICTS + 1000 * j as u64 + i as u64);
            let mut out = String::new();
            for (qi, q) in questions.iter().enumerate() {
                let side = |k: usize| answers[k][qi].side(roster[k].family, quality[qi][k]);
                let (base_side, model_side) = (side(baseline), side(i));
                let identical = i == baseline;
                let (base_text, model_text) = (&answers[baseline][qi].text, &answers[i][qi].text);
                // Game 1: baseline in A, model in B. Game 2: swapped. The judge's reading of this
                // pair favours the model in both games, wherever it sits.
                let reading = if identical {
                    0.0
                } else {
                    judge.reading(&mut rng)
                };
                let mut games = Vec::with_capacity(2);
                for (a, b, ta, tb, shift) in [
                    (&base_side, &model_side, base_text, model_text, reading),
                    (&model_side, &base_side, model_text, base_text, -reading),
                ] {
                    let label = judge.verdict_shifted(&mut rng, a, b, identical, shift);
                    let judgment = judge.explain(&mut rng, q, a, b, label);
                    let user_prompt = (judge.keeps_user_prompt && qi % USER_PROMPT_EVERY == 0)
                        .then(|| judge::user_prompt(&q.prompt, ta, tb));
                    games.push(Game {
                        user_prompt,
                        judgment,
                        score: Some(LABELS[label].to_string()),
                    });
                }
                if j == 0 {
                    for b in blemishes
                        .iter()
                        .filter(|b| b.model == i && b.question == qi)
                    {
                        apply_blemish(b, &mut games);
                    }
                }
                push_line(
                    &mut out,
                    &JudgmentRecord {
                        question_id: &q.id,
                        model: m.name,
                        judge: judge.name,
                        games,
                    },
                );
            }
            files.push(DemoFile {
                path: format!(
                    "{DEMO_BENCH}/model_judgment/{}/{}.jsonl",
                    judge.name, m.name
                ),
                contents: out,
            });
        }
    }
    files
}

/// All answers of model `index`, in question order.
fn answers_of(
    seed: u64,
    index: usize,
    m: &models::Model,
    questions: &[Question],
) -> Vec<GeneratedAnswer> {
    let mut rng = stream(seed, streams::ANSWERS + index as u64);
    // Each model's answers were "generated" in one sitting, a few seconds apart, on its own day.
    let mut micros: u64 = (1_717_200_000 + index as u64 * 3 * 86_400) * 1_000_000;
    questions
        .iter()
        .map(|q| {
            let spread = rng::exp(0.35 * normal(&mut rng));
            let target = (m.words * category_length(q.category()) * q.length_factor * spread)
                .clamp(40.0, 600.0) as usize;
            let answer = markdown::write_answer(&mut rng, q, m.style, target);
            micros += int(&mut rng, 2, 45) as u64 * 1_000_000 + int(&mut rng, 0, 999_999) as u64;
            let counts = metadata::count(&answer.text);
            GeneratedAnswer {
                id: ids::answer_id(&mut rng),
                tokens: token_len(&answer.text),
                words: word_count(&answer.text),
                counts,
                tstamp: micros as f64 / 1e6,
                text: answer.text,
            }
        })
        .collect()
}

pub(crate) fn question_file(questions: &[Question]) -> String {
    let mut out = String::new();
    for q in questions {
        push_line(
            &mut out,
            &QuestionRecord {
                question_id: &q.id,
                category: q.category().name(),
                cluster: q.cluster().name,
                turns: [PromptTurn { content: &q.prompt }],
            },
        );
    }
    out
}

fn answer_file(model: &str, questions: &[Question], answers: &[GeneratedAnswer]) -> String {
    let mut out = String::new();
    for (q, a) in questions.iter().zip(answers) {
        push_line(
            &mut out,
            &AnswerRecord {
                question_id: &q.id,
                answer_id: &a.id,
                model_id: model,
                choices: [Choice {
                    index: 0,
                    turns: [AnswerTurn {
                        content: &a.text,
                        token_len: a.tokens,
                    }],
                }],
                tstamp: a.tstamp,
                conv_metadata: ConvMetadata::new(a.tokens, &a.counts),
            },
        );
    }
    out
}

fn apply_blemish(b: &Blemish, games: &mut Vec<Game>) {
    match b.kind {
        Kind::NullScore { game } => {
            let g = &mut games[game];
            g.score = None;
            g.judgment = blemishes::without_verdict(&g.judgment);
        }
        Kind::UnknownLabel => {
            let g = &mut games[0];
            if let Some(old) = g.score.replace(UNKNOWN_LABEL.to_string()) {
                g.judgment = g
                    .judgment
                    .replace(&format!("[[{old}]]"), &format!("[[{UNKNOWN_LABEL}]]"));
            }
        }
        Kind::SingleGame => games.truncate(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judge_names_agree() {
        let names: Vec<&str> = judges().iter().map(|j| j.name).collect();
        assert_eq!(names, DEMO_JUDGES);
    }
}
