//! A small synthetic bench for the diff's tests: `n` prompts, baseline `base`, models `ma`, `mb`,
//! `mc`, and two judges whose labels come from a fixed formula (j2 agrees with j1 on most games,
//! and always on `mc`, so a test knows what to expect).

use crate::dataset::Dataset;
use crate::leaderboard::LeaderboardOptions;
use crate::source::SourceFile;

const LABELS: [&str; 5] = ["A>>B", "A>B", "A=B", "B>A", "B>>A"];

/// j1's label for (prompt, model, game).
pub fn label1(p: usize, m: usize, g: usize) -> &'static str {
    LABELS[(p * 7 + m * 3 + g * 2 + p * m) % 5]
}

/// j2's label: j1's, shifted on every third prompt for `ma` and `mb`; `edits` lists extra
/// (prompt, model, game, label) overrides.
pub fn label2(
    p: usize,
    m: usize,
    g: usize,
    edits: &[(usize, usize, usize, &'static str)],
) -> &'static str {
    if let Some(e) = edits.iter().find(|e| (e.0, e.1, e.2) == (p, m, g)) {
        return e.3;
    }
    if m < 2 && p.is_multiple_of(3) {
        LABELS[((p * 7 + m * 3 + g * 2 + p * m) + 1 + m) % 5]
    } else {
        label1(p, m, g)
    }
}

/// The data set: bench `s`, judges `j1` and `j2`.
pub fn two_judges(n: usize, edits: &[(usize, usize, usize, &'static str)]) -> Dataset {
    let models = ["ma", "mb", "mc"];
    let questions: Vec<String> = (0..n)
        .map(|p| {
            format!(
                r#"{{"question_id":"q{p}","category":"c","turns":[{{"content":"prompt {p}"}}]}}"#
            )
        })
        .collect();
    let answers = |m: &str| {
        (0..n)
            .map(|p| format!(r#"{{"question_id":"q{p}","choices":[{{"turns":[{{"content":"{m} {p}","token_len":3}}]}}]}}"#))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let judgments = |j: &str, mi: usize| {
        (0..n)
            .map(|p| {
                let (g1, g2) = if j == "j1" {
                    (label1(p, mi, 0), label1(p, mi, 1))
                } else {
                    (label2(p, mi, 0, edits), label2(p, mi, 1, edits))
                };
                format!(
                    r#"{{"question_id":"q{p}","model":"{}","judge":"{j}","games":[{{"score":"{g1}","judgment":"{j} g1 {p}"}},{{"score":"{g2}","judgment":"{j} g2 {p}"}}]}}"#,
                    models[mi]
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut files = vec![
        SourceFile {
            path: "s/question.jsonl".into(),
            text: questions.join("\n"),
        },
        SourceFile {
            path: "s/model_answer/base.jsonl".into(),
            text: answers("base"),
        },
    ];
    for (mi, m) in models.iter().enumerate() {
        files.push(SourceFile {
            path: format!("s/model_answer/{m}.jsonl"),
            text: answers(m),
        });
        for j in ["j1", "j2"] {
            files.push(SourceFile {
                path: format!("s/model_judgment/{j}/{m}.jsonl"),
                text: judgments(j, mi),
            });
        }
    }
    Dataset::load(files)
}

/// Options for one judge, with the bench's baseline.
pub fn options(judge: &str) -> LeaderboardOptions {
    let mut o = LeaderboardOptions::default();
    o.battles.judges = vec![judge.into()];
    o.battles.judged_baseline = Some("base".into());
    o.rounds = 20;
    o
}
