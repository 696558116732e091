//! Per-prompt scores from votes, for data whose verdicts are battle rows and no judge (a Chatbot
//! Arena log): each model's score on a prompt is the mean over that prompt's battles it took part
//! in of win = 1, tie = ½ (`tie (bothbad)` included), loss = 0, from its side.
//!
//! There is no baseline: a model's win rate on a group is against the opponents it met there,
//! which is what Arena Explorer's per-topic win rates show. Every row counts (anonymous or not,
//! as the compare page's vote table counts them, [`crate::compare::votes`]); self-battles are
//! skipped, as the reader already reports them. The bootstrap over these scores is the judged one
//! ([`crate::cluster::performance`]), so the intervals read the same way.

use crate::bench::Bench;
use crate::cluster::performance::Scores;
use crate::verdict::Outcome;

/// Every model that took part in a battle, by name, with its vote score on each prompt.
pub(crate) fn vote_scores(bench: &Bench) -> Scores {
    let n = bench.prompts.len();
    // (sum, count) per model id and prompt, for models met in a battle.
    let mut acc: Vec<Option<Vec<(f64, u32)>>> = vec![None; bench.models.len()];
    for f in &bench.file_battles {
        if f.a == f.b || f.prompt as usize >= n {
            continue;
        }
        let a = match f.outcome {
            Outcome::AWins => 1.0,
            Outcome::Tie => 0.5,
            Outcome::BWins => 0.0,
        };
        for (m, s) in [(f.a, a), (f.b, 1.0 - a)] {
            let row = acc[m as usize].get_or_insert_with(|| vec![(0.0, 0); n]);
            row[f.prompt as usize].0 += s;
            row[f.prompt as usize].1 += 1;
        }
    }
    let mut models: Vec<(String, Vec<Option<f64>>)> = acc
        .into_iter()
        .enumerate()
        .filter_map(|(m, row)| {
            let row = row?;
            let scores = row
                .into_iter()
                .map(|(s, c)| (c > 0).then(|| s / c as f64))
                .collect();
            Some((bench.models.name(m as u32).to_string(), scores))
        })
        .collect();
    models.sort_by(|a, b| a.0.cmp(&b.0));
    let (names, by_model) = models.into_iter().unzip();
    Scores { names, by_model }
}
