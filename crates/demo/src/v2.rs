//! The demo in the Arena-Hard v2.0 layout (`generate_v2`): the same simulated models, answers and
//! judges as the v0.1 demo, written as v2.0 files with v2.0's two categories and their baselines.
//!
//! Writing prompts become `creative_writing` (baseline `gemini-2.0-flash-001`), the others
//! `hard_prompt` with their topic as `subcategory` (baseline `o3-mini-2025-01-31`), as in
//! `utils/judge_utils.py::JUDGE_SETTINGS`. Two simulated models play the baselines; the `nimbus`
//! family is written as `nimbus-labs/<name>` so the v2.0 tool's name stripping has work to do. Some
//! games use v2.0's mirrored label spellings (`A<B`, `B<<A`, ...) and a few rows carry a null game,
//! which the v2.0 tool drops whole. Deterministic for a seed, like the v0.1 demo, which this module
//! does not change.

use crate::judge::{judges, LABELS};
use crate::records::{push_line, ConvMetadata};
use crate::records_v2::{
    Answer, AnswerV2, AssistantMessage, GameV2, Judgment, JudgmentV2, QuestionV2, UserMessage,
};
use crate::rng::{normal, stream, streams};
use crate::topics::{self, Category};
use crate::{answers_of, models, DemoFile};

/// The v2.0 bench folder name (the tool's default `-b`).
pub const DEMO_V2_BENCH: &str = "arena-hard-v2.0";
/// The hard_prompt baseline, played by the v0.1 demo's baseline.
pub const V2_HARD_PROMPT_BASELINE: &str = "o3-mini-2025-01-31";
/// The creative_writing baseline, played by `nimbus-medium`.
pub const V2_CREATIVE_BASELINE: &str = "gemini-2.0-flash-001";
const CREATIVE_PLAYER: &str = "nimbus-medium";

/// One question of the v2.0 layout, when the prompts come from elsewhere (e.g. the real v2.0
/// `question.jsonl`): its answers and verdicts are simulated on demo question `index % 500`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionSpec {
    pub uid: String,
    pub category: String,
    pub subcategory: String,
    pub prompt: String,
}

/// The v2.0 name of a roster model.
fn v2_name(m: &models::Model) -> String {
    match m.name {
        n if n == models::BASELINE => V2_HARD_PROMPT_BASELINE.to_string(),
        CREATIVE_PLAYER => V2_CREATIVE_BASELINE.to_string(),
        n if m.family == "nimbus" => format!("nimbus-labs/{n}"),
        n => n.to_string(),
    }
}

/// A v2.0 spelling of the same verdict, for every seventh game (`B>A` and `A<B` mean the same).
fn spelled(label: &str, mirror: bool) -> String {
    let m = match label {
        "A>>B" => "B<<A",
        "A>B" => "B<A",
        "A=B" => "B=A",
        "B>A" => "A<B",
        "B>>A" => "A<<B",
        other => other,
    };
    if mirror { m } else { label }.to_string()
}

/// Writes the v2.0-layout demo for `seed`: `arena-hard-v2.0/question.jsonl`, one answer file per
/// model and one judgment file per judge and model. With `questions`, those prompts (uids,
/// categories, texts) are used instead of the demo's own.
pub fn generate_v2(seed: u64, questions: Option<&[QuestionSpec]>) -> Vec<DemoFile> {
    let roster = models::roster();
    let demo_qs = topics::questions(
        &mut stream(seed, streams::TOPICS),
        &mut stream(seed, streams::QUESTIONS),
        topics::QUESTION_COUNT,
    );
    let specs: Vec<QuestionSpec> = match questions {
        Some(q) => q.to_vec(),
        None => demo_qs
            .iter()
            .map(|q| {
                let creative = q.category() == Category::Writing;
                QuestionSpec {
                    uid: q.id.clone(),
                    category: if creative {
                        "creative_writing"
                    } else {
                        "hard_prompt"
                    }
                    .into(),
                    subcategory: if creative {
                        "creative_writing"
                    } else {
                        q.category().name()
                    }
                    .into(),
                    prompt: q.prompt.clone(),
                }
            })
            .collect(),
    };
    let sim = |i: usize| &demo_qs[i % demo_qs.len()];
    let mut latent = stream(seed, streams::LATENT);
    let quality: Vec<Vec<f64>> = demo_qs
        .iter()
        .map(|q| {
            roster
                .iter()
                .map(|m| q.spread * m.ability(q.category()) + 0.5 * normal(&mut latent))
                .collect()
        })
        .collect();
    let answers: Vec<_> = roster
        .iter()
        .enumerate()
        .map(|(i, m)| answers_of(seed, i, m, &demo_qs))
        .collect();
    let names: Vec<String> = roster.iter().map(v2_name).collect();
    let index_of = |n: &str| names.iter().position(|x| x == n).expect("baseline player");
    let (hp_base, cw_base) = (
        index_of(V2_HARD_PROMPT_BASELINE),
        index_of(V2_CREATIVE_BASELINE),
    );

    let mut files = Vec::new();
    let mut out = String::new();
    for s in &specs {
        push_line(
            &mut out,
            &QuestionV2 {
                uid: &s.uid,
                category: &s.category,
                subcategory: &s.subcategory,
                prompt: &s.prompt,
            },
        );
    }
    files.push(DemoFile {
        path: format!("{DEMO_V2_BENCH}/question.jsonl"),
        contents: out,
    });
    for (k, name) in names.iter().enumerate() {
        let mut out = String::new();
        for (qi, s) in specs.iter().enumerate() {
            let a = &answers[k][qi % demo_qs.len()];
            push_line(
                &mut out,
                &AnswerV2 {
                    uid: &s.uid,
                    ans_id: &a.id,
                    model: name,
                    messages: (
                        UserMessage {
                            role: "user",
                            content: &s.prompt,
                        },
                        AssistantMessage {
                            role: "assistant",
                            content: Answer { answer: &a.text },
                        },
                    ),
                    tstamp: a.tstamp,
                    metadata: ConvMetadata::new(a.tokens, &a.counts),
                },
            );
        }
        files.push(DemoFile {
            path: format!(
                "{DEMO_V2_BENCH}/model_answer/{}.jsonl",
                name.replace('/', "_")
            ),
            contents: out,
        });
    }

    for (j, judge) in judges().iter().enumerate() {
        for (i, name) in names.iter().enumerate() {
            // Streams above the v0.1 demo's, so nothing there moves.
            let mut rng = stream(
                seed,
                streams::VERDICTS + 500_000 + 1000 * j as u64 + i as u64,
            );
            let mut out = String::new();
            for (qi, s) in specs.iter().enumerate() {
                let base = if s.category == "creative_writing" {
                    cw_base
                } else {
                    hp_base
                };
                if base == i {
                    continue;
                }
                let q = sim(qi);
                let dq = qi % demo_qs.len();
                let side = |k: usize| answers[k][dq].side(roster[k].family, quality[dq][k]);
                let (base_side, model_side) = (side(base), side(i));
                let reading = judge.reading(&mut rng);
                let mut games = Vec::with_capacity(2);
                for (g, (a, b, shift)) in [
                    (&base_side, &model_side, reading),
                    (&model_side, &base_side, -reading),
                ]
                .into_iter()
                .enumerate()
                {
                    let label = judge.verdict_shifted(&mut rng, a, b, false, shift);
                    let answer = judge.explain(&mut rng, q, a, b, label);
                    let mirror = (qi + i + g) % 7 == 0;
                    // A null game on about one row in 150 of the first judge.
                    let null = j == 0 && (qi * 31 + i * 17 + g) % 149 == 0;
                    games.push(GameV2 {
                        score: (!null).then(|| spelled(LABELS[label], mirror)),
                        judgment: Judgment { answer },
                    });
                }
                push_line(
                    &mut out,
                    &JudgmentV2 {
                        uid: &s.uid,
                        category: &s.category,
                        judge: judge.name,
                        model: name,
                        baseline: &names[base],
                        games,
                    },
                );
            }
            files.push(DemoFile {
                path: format!(
                    "{DEMO_V2_BENCH}/model_judgment/{}/{}.jsonl",
                    judge.name,
                    name.replace('/', "_")
                ),
                contents: out,
            });
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baselines_are_played_and_names_carry_a_lab() {
        let names: Vec<String> = models::roster().iter().map(v2_name).collect();
        assert!(names.iter().any(|n| n == V2_HARD_PROMPT_BASELINE));
        assert!(names.iter().any(|n| n == V2_CREATIVE_BASELINE));
        assert!(names.iter().any(|n| n.starts_with("nimbus-labs/")));
        assert_eq!(spelled("B>A", true), "A<B");
        assert_eq!(spelled("B>A", false), "B>A");
    }
}
