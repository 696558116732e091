//! The compact layout of a large demo (`arena-lens demo --prompts N` above
//! [`COMPACT_ABOVE`](crate::COMPACT_ABOVE) prompts): the same prompts and planted topics as the
//! full layout, but judgments only.
//!
//! At 100,000 prompts the full layout (20 models' markdown answers, two judges' explanations) would
//! be several gigabytes, far more than a browser tab loads. What the topic views need is the
//! prompts (to cluster) and verdicts (for per-topic win rates), so this layout keeps those: no
//! answer files, one judge (`judge-sage`, with its planted length bias), [`MODELS`] (a spread of
//! strengths, the family bonus's family and the coding specialist, so per-topic win rates differ
//! by topic) and a one-line judgment per game. Answer lengths are still simulated (the judge's
//! length bias reads them) but not written. Verdicts follow the full layout's model: latent
//! quality `spread x ability + luck`, a shared per-prompt reading, then two games with the
//! positions swapped.

use crate::judge::{judges, Side, LABELS};
use crate::records::{push_line, Game, JudgmentRecord};
use crate::rng::{exp, normal, stream, streams};
use crate::topics::Question;
use crate::{category_length, models, question_file, DemoFile, DEMO_BASELINE, DEMO_BENCH};

/// The models of the compact layout: the baseline first, then strong to weak, with the coding
/// specialist `nimbus-code` so that a topic's win rates depend on its category.
pub const MODELS: [&str; 6] = [
    DEMO_BASELINE,
    "atlas-ultra",
    "nimbus-large",
    "nimbus-code",
    "atlas-mini",
    "nimbus-small",
];

/// `question.jsonl` and one judgment file per model of [`MODELS`], for judge `judge-sage`.
pub fn generate(seed: u64, questions: &[Question]) -> Vec<DemoFile> {
    let roster = models::roster();
    let chosen: Vec<&models::Model> = MODELS
        .iter()
        .map(|name| {
            roster
                .iter()
                .find(|m| m.name == *name)
                .expect("compact models are in the roster")
        })
        .collect();
    let judge = &judges()[0];
    let mut latent = stream(seed, streams::LATENT);
    // Per prompt and model: latent quality and simulated answer tokens (never written).
    let sides: Vec<Vec<(f64, u32)>> = questions
        .iter()
        .map(|q| {
            chosen
                .iter()
                .map(|m| {
                    let quality = q.spread * m.ability(q.category()) + 0.5 * normal(&mut latent);
                    let words = (m.words
                        * category_length(q.category())
                        * q.length_factor
                        * exp(0.35 * normal(&mut latent)))
                    .clamp(40.0, 600.0);
                    // About 1.3 tokens per English word, as `metadata::token_len` counts.
                    (quality, (words * 1.3) as u32)
                })
                .collect()
        })
        .collect();

    let mut files = Vec::with_capacity(1 + chosen.len());
    files.push(DemoFile {
        path: format!("{DEMO_BENCH}/question.jsonl"),
        contents: question_file(questions),
    });
    for (i, m) in chosen.iter().enumerate() {
        let mut rng = stream(seed, streams::VERDICTS + i as u64);
        let mut out = String::with_capacity(questions.len() * 230);
        for (qi, q) in questions.iter().enumerate() {
            let side = |k: usize| Side {
                family: chosen[k].family,
                quality: sides[qi][k].0,
                tokens: sides[qi][k].1,
                words: (sides[qi][k].1 as f64 / 1.3) as usize,
                structured: false,
                has_code: false,
            };
            let (base, model) = (side(0), side(i));
            let identical = i == 0;
            let reading = if identical {
                0.0
            } else {
                judge.reading(&mut rng)
            };
            let games = [(&base, &model, reading), (&model, &base, -reading)]
                .into_iter()
                .map(|(a, b, shift)| {
                    let label = LABELS[judge.verdict_shifted(&mut rng, a, b, identical, shift)];
                    Game {
                        user_prompt: None,
                        judgment: format!("My final verdict is: [[{label}]]"),
                        score: Some(label.to_string()),
                    }
                })
                .collect();
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
    files
}

#[cfg(test)]
mod tests {
    use crate::{generate, generate_prompts, COMPACT_ABOVE};

    #[test]
    fn default_size_is_the_classic_demo() {
        // `generate` is `generate_prompts` at the default size; both must give the same bytes.
        let a = generate(7);
        let b = generate_prompts(7, crate::DEMO_PROMPTS).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn compact_layout_has_the_prompts_and_a_judgment_per_prompt_and_model() {
        let n = COMPACT_ABOVE + 500;
        let files = generate_prompts(3, n).unwrap();
        assert_eq!(files.len(), 1 + super::MODELS.len());
        assert_eq!(files[0].contents.lines().count(), n);
        for f in &files[1..] {
            assert!(f.path.contains("model_judgment/judge-sage/"), "{}", f.path);
            assert_eq!(f.contents.lines().count(), n, "{}", f.path);
        }
        // Deterministic.
        assert_eq!(files, generate_prompts(3, n).unwrap());
        assert!(generate_prompts(3, 39).is_err());
    }
}
