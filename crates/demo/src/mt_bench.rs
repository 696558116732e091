//! The MT-Bench-style demo: a complete FastChat llm_judge folder, generated deterministically from a
//! seed, in the exact file layout and JSON shapes of `fastchat/llm_judge/data/`:
//!
//! ```text
//! judge_prompts.jsonl                       8 judge templates
//! mt-bench-demo/question.jsonl              80 questions, 2 turns, 8 categories (ids 81-160)
//! mt-bench-demo/reference_answer/gpt-4.jsonl  reference answers for math, reasoning and coding
//! mt-bench-demo/model_answer/<model>.jsonl  two-turn answers of 7 fictional models
//! mt-bench-demo/model_judgment/gpt-4_pair.jsonl    pairwise-all, both turns, game 2 swapped
//! mt-bench-demo/model_judgment/gpt-4_single.jsonl  a 1-10 rating per model, question and turn
//! ```
//!
//! Rows come in the order FastChat's `gen_judgment.py` builds its matches: questions without a
//! reference first, then those with one, first turns before second turns; within a question the
//! pairs `(models[i], models[j])` for `i < j` (pairwise-all mode). The judge is called `gpt-4` as in
//! FastChat's file names; every text is synthetic.
//!
//! The statistics are modelled: an answer's latent quality is the model's ability on the category
//! ([`crate::mt_models`]) scaled by the question's spread, plus the model's second-turn offset on
//! turn 2 and answer-level luck; the same latent quality drives the pairwise verdicts and the single
//! ratings ([`crate::mt_judge`]). **Planted effects**, each found by the core's numbers in
//! `crates/cli/tests/mt_bench_demo.rs`:
//!
//! * [`MATH_SPECIALIST`] (`abacus-34b`) is strong on math and coding and weak on writing and
//!   roleplay: it tops the mt-bench win rate on the math and coding questions and is last on
//!   writing;
//! * the judge has a **position bias** of [`POSITION_BIAS`] log-odds for Assistant A: the core's
//!   first-position preference is well above one half, and many rows' two games disagree;
//! * [`TURN_TWO_DROP`] (`drift-13b-v0.3`) does well on first turns and badly on second turns: its
//!   single-grade mean drops by about three points from turn 1 to turn 2, far more than any other
//!   model's;
//! * a few games are `error` (no verdict mark in the judge's text), a few ratings are `-1`, and
//!   ties are common, as in real MT-Bench files.
//!
//! To keep the folder small enough for a browser, rows keep their `user_prompt` (the filled judge
//! template, several kilobytes) only for every [`MT_USER_PROMPT_EVERY`]-th question, as the Arena-Hard
//! demo does; the other rows leave the field out.

use rand_chacha::ChaCha8Rng;

use crate::ids;
use crate::markdown::write_answer;
use crate::models::PLAIN;
use crate::mt_judge;
use crate::mt_models::{mt_models, MtModel};
use crate::mt_prompts::{self, Filling, JUDGE_PROMPTS};
use crate::mt_questions::{mt_questions, MtQuestion};
use crate::mt_records::{MtAnswerRecord, MtChoice, MtQuestionRecord, PairRecord, SingleRecord};
use crate::records::push_line;
use crate::rng::{exp, int, normal, pick, stream};
use crate::DemoFile;

pub use crate::mt_judge::POSITION_BIAS;
pub use crate::mt_models::{MATH_SPECIALIST, MT_ANCHOR, TURN_TWO_DROP};

/// The bench folder.
pub const MT_DEMO_BENCH: &str = "mt-bench-demo";
/// The judge model, as FastChat names its files (`gpt-4_pair.jsonl`).
pub const MT_DEMO_JUDGE: &str = "gpt-4";
/// Rows keep their user prompt only for question ids `≡ 1 (mod MT_USER_PROMPT_EVERY)`.
pub const MT_USER_PROMPT_EVERY: u32 = 8;

/// Streams of the seed for this demo, far from the Arena-Hard demo's.
mod streams {
    pub const QUESTIONS: u64 = 5_000_001;
    pub const LATENT: u64 = 5_000_002;
    pub const REFERENCE: u64 = 5_000_003;
    pub const PAIR: u64 = 5_000_004;
    pub const SINGLE: u64 = 5_000_005;
    /// Answers of model `i` use stream `ANSWERS + i`.
    pub const ANSWERS: u64 = 5_000_100;
}

/// Leads of second-turn answers, so they read as replies to a follow-up.
const FOLLOW_UP_LEADS: [&str; 4] = [
    "Sure, here is the revised version.",
    "Good question; building on my previous answer:",
    "Of course. Picking up where I left off:",
    "Here is the follow-up you asked for.",
];

/// Writes the whole MT-Bench-style demo for `seed`: byte-identical files for the same seed, in the
/// order of the module docs' listing. Paths are relative to the output folder.
pub fn generate_mt_bench(seed: u64) -> Vec<DemoFile> {
    let models = mt_models();
    let questions = mt_questions(&mut stream(seed, streams::QUESTIONS));
    let quality = latent_quality(seed, &models, &questions);
    let answers: Vec<Vec<[String; 2]>> = models
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let mut rng = stream(seed, streams::ANSWERS + i as u64);
            questions
                .iter()
                .map(|q| two_turns(&mut rng, q, m.style, m.words))
                .collect()
        })
        .collect();
    let mut ref_rng = stream(seed, streams::REFERENCE);
    let references: Vec<Option<[String; 2]>> = questions
        .iter()
        .map(|q| {
            q.category
                .needs_reference()
                .then(|| two_turns(&mut ref_rng, q, PLAIN, 120.0))
        })
        .collect();

    let mut files = vec![DemoFile {
        path: "judge_prompts.jsonl".into(),
        contents: judge_prompts_file(),
    }];
    files.push(DemoFile {
        path: format!("{MT_DEMO_BENCH}/question.jsonl"),
        contents: question_file(&questions),
    });
    let mut id_rng = stream(seed, streams::ANSWERS + 99);
    for (i, m) in models.iter().enumerate() {
        let rows: Vec<Option<&[String; 2]>> = answers[i].iter().map(Some).collect();
        files.push(DemoFile {
            path: format!("{MT_DEMO_BENCH}/model_answer/{}.jsonl", m.name),
            contents: answer_file(&mut id_rng, m.name, i as u64, &questions, &rows),
        });
    }
    let ref_rows: Vec<Option<&[String; 2]>> = references.iter().map(Option::as_ref).collect();
    files.push(DemoFile {
        path: format!("{MT_DEMO_BENCH}/reference_answer/{MT_DEMO_JUDGE}.jsonl"),
        contents: answer_file(&mut id_rng, MT_DEMO_JUDGE, 50, &questions, &ref_rows),
    });
    let texts = Texts {
        questions: &questions,
        answers: &answers,
        references: &references,
        quality: &quality,
        models: &models,
    };
    files.push(DemoFile {
        path: format!("{MT_DEMO_BENCH}/model_judgment/{MT_DEMO_JUDGE}_pair.jsonl"),
        contents: pair_file(&mut stream(seed, streams::PAIR), &texts),
    });
    files.push(DemoFile {
        path: format!("{MT_DEMO_BENCH}/model_judgment/{MT_DEMO_JUDGE}_single.jsonl"),
        contents: single_file(&mut stream(seed, streams::SINGLE), &texts),
    });
    files
}

/// `quality[model][question][turn - 1]`: ability on the category times the question's spread, the
/// model's second-turn offset on turn 2, and answer-level luck.
fn latent_quality(seed: u64, models: &[MtModel], questions: &[MtQuestion]) -> Vec<Vec<[f64; 2]>> {
    let mut rng = stream(seed, streams::LATENT);
    models
        .iter()
        .map(|m| {
            questions
                .iter()
                .map(|q| {
                    let base = q.topic.spread * m.ability(q.category);
                    [
                        base + 0.6 * normal(&mut rng),
                        base + m.turn_two + 0.6 * normal(&mut rng),
                    ]
                })
                .collect()
        })
        .collect()
}

/// A two-turn answer: a first answer of about `words` words (scaled by the question's length and
/// some spread), then a shorter follow-up.
fn two_turns(
    rng: &mut ChaCha8Rng,
    q: &MtQuestion,
    style: crate::models::Style,
    words: f64,
) -> [String; 2] {
    let target = (words * q.topic.length_factor * exp(0.3 * normal(rng))).clamp(40.0, 450.0);
    let first = write_answer(rng, &q.topic, style, target as usize).text;
    let follow = write_answer(rng, &q.topic, style, (0.6 * target).max(40.0) as usize).text;
    let second = format!("{}\n\n{follow}", pick(rng, &FOLLOW_UP_LEADS));
    [first, second]
}

fn judge_prompts_file() -> String {
    let mut out = String::new();
    for p in &JUDGE_PROMPTS {
        push_line(&mut out, p);
    }
    out
}

fn question_file(questions: &[MtQuestion]) -> String {
    let mut out = String::new();
    for q in questions {
        push_line(
            &mut out,
            &MtQuestionRecord {
                question_id: q.id,
                category: q.category.name(),
                turns: [&q.turns[0], &q.turns[1]],
            },
        );
    }
    out
}

/// An answer file; questions without an answer (`None`) have no row. `day` spaces the timestamps
/// of different writers.
fn answer_file(
    rng: &mut ChaCha8Rng,
    model: &str,
    day: u64,
    questions: &[MtQuestion],
    answers: &[Option<&[String; 2]>],
) -> String {
    let mut micros: u64 = (1_717_000_000 + day * 86_400) * 1_000_000;
    let mut out = String::new();
    for (q, a) in questions.iter().zip(answers) {
        let Some(a) = a else { continue };
        micros += int(rng, 5, 40) as u64 * 1_000_000 + int(rng, 0, 999_999) as u64;
        push_line(
            &mut out,
            &MtAnswerRecord {
                question_id: q.id,
                answer_id: &ids::answer_id(rng),
                model_id: model,
                choices: [MtChoice {
                    index: 0,
                    turns: [&a[0], &a[1]],
                }],
                tstamp: micros as f64 / 1e6,
            },
        );
    }
    out
}

/// Everything the judgment files read.
struct Texts<'a> {
    questions: &'a [MtQuestion],
    answers: &'a [Vec<[String; 2]>],
    references: &'a [Option<[String; 2]>],
    quality: &'a [Vec<[f64; 2]>],
    models: &'a [MtModel],
}

impl Texts<'_> {
    /// (question index, turn) in FastChat's match order (see the module docs).
    fn match_order(&self) -> Vec<(usize, u8)> {
        let mut order = Vec::with_capacity(2 * self.questions.len());
        for turn in [1u8, 2] {
            for with_reference in [false, true] {
                for (qi, q) in self.questions.iter().enumerate() {
                    if q.category.needs_reference() == with_reference {
                        order.push((qi, turn));
                    }
                }
            }
        }
        order
    }

    fn keeps_user_prompt(&self, qi: usize) -> bool {
        self.questions[qi].id % MT_USER_PROMPT_EVERY == 1
    }
}

/// A clock for judgment timestamps: a few seconds per call.
struct Clock(u64);

impl Clock {
    fn tick(&mut self, rng: &mut ChaCha8Rng) -> f64 {
        self.0 += int(rng, 3, 20) as u64 * 1_000_000 + int(rng, 0, 999_999) as u64;
        self.0 as f64 / 1e6
    }
}

fn pair_file(rng: &mut ChaCha8Rng, t: &Texts) -> String {
    let mut out = String::new();
    let mut clock = Clock(1_717_600_000 * 1_000_000);
    let n = t.models.len();
    for (qi, turn) in t.match_order() {
        let q = &t.questions[qi];
        let reference = t.references[qi].as_ref();
        let prompt_name = mt_prompts::prompt_name(true, reference.is_some(), turn);
        for i in 0..n {
            for j in i + 1..n {
                let k = usize::from(turn - 1);
                let (q1, q2) = (t.quality[i][qi][k], t.quality[j][qi][k]);
                // Game 1: model_1 is Assistant A; game 2: the answers swap places.
                let picks = [mt_judge::game(rng, q1, q2), mt_judge::game(rng, q2, q1)];
                let user_prompt = |first: usize, second: usize| {
                    t.keeps_user_prompt(qi).then(|| {
                        mt_prompts::pair_user_prompt(
                            turn,
                            &Filling {
                                question: &q.turns,
                                answers: [&t.answers[first][qi], &t.answers[second][qi]],
                                reference,
                            },
                        )
                    })
                };
                let record = PairRecord {
                    question_id: q.id,
                    model_1: t.models[i].name,
                    model_2: t.models[j].name,
                    g1_winner: picks[0].label(1),
                    g2_winner: picks[1].label(2),
                    judge: [MT_DEMO_JUDGE, prompt_name],
                    g1_user_prompt: user_prompt(i, j),
                    g1_judgment: mt_judge::pair_judgment(rng, q, turn, picks[0]),
                    g2_user_prompt: user_prompt(j, i),
                    g2_judgment: mt_judge::pair_judgment(rng, q, turn, picks[1]),
                    turn,
                    tstamp: clock.tick(rng),
                };
                push_line(&mut out, &record);
            }
        }
    }
    out
}

fn single_file(rng: &mut ChaCha8Rng, t: &Texts) -> String {
    let mut out = String::new();
    let mut clock = Clock(1_717_700_000 * 1_000_000);
    for (qi, turn) in t.match_order() {
        let q = &t.questions[qi];
        let reference = t.references[qi].as_ref();
        let prompt_name = mt_prompts::prompt_name(false, reference.is_some(), turn);
        for (mi, m) in t.models.iter().enumerate() {
            let score = mt_judge::grade(rng, t.quality[mi][qi][usize::from(turn - 1)]);
            let user_prompt = t.keeps_user_prompt(qi).then(|| {
                mt_prompts::single_user_prompt(
                    turn,
                    &Filling {
                        question: &q.turns,
                        answers: [&t.answers[mi][qi], &t.answers[mi][qi]],
                        reference,
                    },
                )
            });
            push_line(
                &mut out,
                &SingleRecord {
                    question_id: q.id,
                    model: m.name,
                    judge: [MT_DEMO_JUDGE, prompt_name],
                    user_prompt,
                    judgment: mt_judge::single_judgment(rng, q, turn, score),
                    score,
                    turn,
                    tstamp: clock.tick(rng),
                },
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Games per winner label: `[model_1, model_2, tie, error]`.
    fn count_labels(text: &str) -> [usize; 4] {
        let mut c = [0; 4];
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            for g in ["g1_winner", "g2_winner"] {
                let i = ["model_1", "model_2", "tie", "error"]
                    .iter()
                    .position(|l| v[g] == *l)
                    .unwrap();
                c[i] += 1;
            }
        }
        c
    }

    #[test]
    fn same_seed_same_bytes_other_seed_other_bytes() {
        let a = generate_mt_bench(7);
        assert_eq!(a, generate_mt_bench(7));
        assert_ne!(a, generate_mt_bench(8));
    }

    #[test]
    fn the_files_have_fastchats_rows() {
        let files = generate_mt_bench(2024);
        let get = |suffix: &str| {
            files
                .iter()
                .find(|f| f.path.ends_with(suffix))
                .unwrap_or_else(|| panic!("{suffix}"))
        };
        let lines = |suffix: &str| get(suffix).contents.lines().count();
        assert_eq!(lines("judge_prompts.jsonl"), 8);
        assert_eq!(lines("question.jsonl"), 80);
        assert_eq!(lines("reference_answer/gpt-4.jsonl"), 30);
        assert_eq!(lines("model_answer/abacus-34b.jsonl"), 80);
        // 21 pairs x 80 questions x 2 turns; 7 models x 80 x 2.
        assert_eq!(lines("gpt-4_pair.jsonl"), 3360);
        assert_eq!(lines("gpt-4_single.jsonl"), 1120);
        let [m1, m2, tie, error] = count_labels(&get("gpt-4_pair.jsonl").contents);
        assert!(tie > 1000 && (1..=40).contains(&error), "{tie} {error}");
        assert!(m1 > 1500 && m2 > 1500);
        let single = &get("gpt-4_single.jsonl").contents;
        let minus = single
            .lines()
            .filter(|l| l.contains("\"score\":-1,"))
            .count();
        assert!((1..=20).contains(&minus), "{minus}");
        // User prompts on every 8th question only.
        let with_prompt = get("gpt-4_pair.jsonl")
            .contents
            .lines()
            .filter(|l| l.contains("g1_user_prompt"))
            .count();
        assert_eq!(with_prompt, 10 * 21 * 2);
    }
}
