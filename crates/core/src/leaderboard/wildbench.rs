//! The `wildbench` method: WB-Reward and WB-Score as allenai/WildBench computes them
//! (`leaderboard/data_dir/_create_tables.py` @d6b8dca; cited, not copied).
//!
//! - **WB-Reward** of a model against a reference: each judged item is `win_much` (+1), `win`
//!   (+½), `tie` (0), `lose` (−½) or `lose_much` (−1) for the model; the reward is their sum
//!   divided by *all* items of the file, including the ones `_create_tables.py` skips because
//!   either answer is truncated (`... (truncated)`) or empty (`[This model response is empty.]`):
//!   those count in `total` but in no bucket. Printed ×100 (`all_stat_wildbench`).
//! - **Length margin K**: a `+` (extent 1) win becomes a tie when the winner's answer is longer than
//!   the loser's by more than K characters (`test_len > ref_len + K`, Python `len`, so characters
//!   not bytes); `++` wins are never changed; K = −1 turns the margin off (the published `.-1`
//!   tables).
//! - **Task macro**: each task group's reward over the items tagged with it (an item may carry
//!   several), weighted Creative 0.5, Planning & Reasoning 1.25, Math & Data Analysis 1,
//!   Information/Advice seeking 0.75, Coding & Debugging 1.25, divided by the sum of all five
//!   weights (4.75) even when a group is absent, as `_create_tables.py` divides.
//! - **WB-Score** (score mode): the mean 1-10 grade over all items, `adjusted = (mean − 5) × 2`,
//!   printed ×10 (`all_stat`'s `WB_score`). The mean length leaves out truncated and empty answers.

use super::format_board::{board, row};
use super::{Leaderboard, LeaderboardOptions, ModelRow};
use crate::bench::Bench;
use crate::error::Error;
use crate::formats::wildbench::{is_incomplete, REFERENCES};
use crate::verdict::Verdict;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// WildBench's task-group weights (`weights_by_task` in `_create_tables.py`).
pub const TASK_WEIGHTS: [(&str, f64); 5] = [
    ("Creative Tasks", 0.5),
    ("Planning & Reasoning", 1.25),
    ("Math & Data Analysis", 1.0),
    ("Information/Advice seeking", 0.75),
    ("Coding & Debugging", 1.25),
];

/// The five outcome counts of a model against a reference, and the number of items.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Counts {
    pub win_much: u64,
    pub win: u64,
    pub tie: u64,
    pub lose: u64,
    pub lose_much: u64,
    /// All items, skipped ones included (the reward's denominator).
    pub total: u64,
}

impl Counts {
    /// The reward in [−1, 1]; `None` with no items.
    pub fn reward(&self) -> Option<f64> {
        (self.total > 0).then(|| {
            (self.win_much as f64 + 0.5 * self.win as f64
                - 0.5 * self.lose as f64
                - self.lose_much as f64)
                / self.total as f64
        })
    }

    /// Counts from a table entry (`pairwise-*.json`); `total` defaults to the five counts' sum
    /// (the per-task entries have none).
    pub fn from_object(obj: &Map<String, Value>) -> Option<Counts> {
        let n = |k: &str| obj.get(k).and_then(Value::as_u64);
        let mut c = Counts {
            win_much: n("win_much")?,
            win: n("win")?,
            tie: n("tie")?,
            lose: n("lose")?,
            lose_much: n("lose_much")?,
            total: 0,
        };
        c.total = n("total").unwrap_or(c.win_much + c.win + c.tie + c.lose + c.lose_much);
        Some(c)
    }

    /// The weighted task-macro reward of a table entry's `task_categorized_results`.
    pub fn task_macro_of(obj: &Map<String, Value>) -> Option<f64> {
        let tasks = obj.get("task_categorized_results")?.as_object()?;
        let per: BTreeMap<String, Counts> = tasks
            .iter()
            .filter_map(|(k, v)| Some((k.clone(), Counts::from_object(v.as_object()?)?)))
            .collect();
        task_macro(&per)
    }

    fn add(&mut self, label: Label) {
        match label {
            Label::WinMuch => self.win_much += 1,
            Label::Win => self.win += 1,
            Label::Tie => self.tie += 1,
            Label::Lose => self.lose += 1,
            Label::LoseMuch => self.lose_much += 1,
        }
    }
}

/// The weighted task macro of per-task counts; `None` when no task has items. A task outside
/// the five groups has no weight in WildBench (it would fail there); it is left out here.
pub fn task_macro(per: &BTreeMap<String, Counts>) -> Option<f64> {
    let total: f64 = TASK_WEIGHTS.iter().map(|(_, w)| w).sum();
    let mut sum = 0.0;
    let mut any = false;
    for (task, w) in TASK_WEIGHTS {
        if let Some(r) = per.get(task).and_then(Counts::reward) {
            sum += r * w;
            any = true;
        }
    }
    any.then_some(sum / total)
}

/// One item's outcome for the tested model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    WinMuch,
    Win,
    Tie,
    Lose,
    LoseMuch,
}

/// The outcome of a verdict read with the reference as Assistant A, under margin `k` (−1: none),
/// given the two answers' lengths in characters.
pub fn label(v: Verdict, model_len: usize, reference_len: usize, k: i64) -> Label {
    let longer = |a: usize, b: usize| k >= 0 && a as i64 > b as i64 + k;
    match v {
        Verdict::BMuchBetter => Label::WinMuch,
        Verdict::BBetter if longer(model_len, reference_len) => Label::Tie,
        Verdict::BBetter => Label::Win,
        Verdict::Tie => Label::Tie,
        Verdict::ABetter if longer(reference_len, model_len) => Label::Tie,
        Verdict::ABetter => Label::Lose,
        Verdict::AMuchBetter => Label::LoseMuch,
    }
}

/// Every model's counts against `reference` under margin `k`, from the bench's pairwise
/// judgments of the given judges (all when empty).
pub fn counts(bench: &Bench, reference: u32, judges: &[u32], k: i64) -> BTreeMap<u32, Counts> {
    let mut out: BTreeMap<u32, Counts> = BTreeMap::new();
    for j in &bench.judgments {
        if j.baseline != Some(reference) || (!judges.is_empty() && !judges.contains(&j.judge)) {
            continue;
        }
        let c = out.entry(j.model).or_default();
        c.total += 1;
        let Some(v) = j.games.first().and_then(|g| g.verdict) else {
            continue;
        };
        let text = |m: u32| bench.answer(m, j.prompt).map(|a| a.text.as_str());
        let (mt, rt) = (text(j.model), text(reference));
        // `_create_tables.py` skips an item whose either answer is truncated or empty; without
        // the answers (a file without `model_outputs`) nothing can be checked and the item counts.
        if mt.is_some_and(is_incomplete) || rt.is_some_and(is_incomplete) {
            continue;
        }
        let len = |t: Option<&str>| t.map_or(0, |t| t.chars().count());
        c.add(label(
            v,
            len(mt),
            len(rt),
            if mt.is_some() && rt.is_some() { k } else { -1 },
        ));
    }
    out
}

/// WB-Score figures of one model from its grades: (mean grade, WB-Score ×10, mean length, items).
fn wb_score(bench: &Bench, model: u32, judges: &[u32]) -> Option<(f64, f64, Option<f64>, u64)> {
    let gs: Vec<_> = bench
        .grades
        .iter()
        .filter(|g| g.model == model && (judges.is_empty() || judges.contains(&g.judge)))
        .collect();
    if gs.is_empty() {
        return None;
    }
    let scores: Vec<f64> = gs.iter().filter_map(|g| g.score).collect();
    if scores.is_empty() {
        return None;
    }
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    let lens: Vec<f64> = gs
        .iter()
        .filter(|g| !g.incomplete)
        .filter_map(|g| g.answer_chars.map(|c| c as f64))
        .collect();
    let avg_len = (!lens.is_empty()).then(|| lens.iter().sum::<f64>() / lens.len() as f64);
    Some((mean, (mean - 5.0) * 2.0 * 10.0, avg_len, gs.len() as u64))
}

/// The wildbench leaderboard: WB-Reward against the reference (the asked baseline, else the only
/// reference, else the first of WildBench's three references present), other references'
/// rewards and WB-Score as figures. A bench with grades only is ranked by WB-Score.
pub fn compute(bench: &Bench, opts: &LeaderboardOptions) -> Result<Leaderboard, Error> {
    compute_with_margin(bench, opts, -1)
}

/// [`compute`] with length margin `k` (−1: none).
pub fn compute_with_margin(
    bench: &Bench,
    opts: &LeaderboardOptions,
    k: i64,
) -> Result<Leaderboard, Error> {
    let judges: Vec<u32> = opts
        .battles
        .judges
        .iter()
        .filter_map(|j| bench.judges.get(j))
        .collect();
    let mut refs: Vec<u32> = bench.judgments.iter().filter_map(|j| j.baseline).collect();
    refs.sort_unstable();
    refs.dedup();
    let reference = match opts.baseline.as_deref() {
        Some(b) => Some(
            bench
                .models
                .get(b)
                .filter(|id| refs.contains(id))
                .ok_or_else(|| {
                    Error::InvalidOption(format!("{b} is not a reference of these WildBench files"))
                })?,
        ),
        None => REFERENCES
            .iter()
            .filter_map(|r| bench.models.get(r))
            .find(|id| refs.contains(id))
            .or_else(|| refs.first().copied()),
    };
    let mut rows: BTreeMap<u32, ModelRow> = BTreeMap::new();
    let mut all_rewards: BTreeMap<u32, Vec<f64>> = BTreeMap::new();
    for &r in &refs {
        for (m, c) in counts(bench, r, &judges, k) {
            let Some(reward) = c.reward().map(|x| x * 100.0) else {
                continue;
            };
            all_rewards.entry(m).or_default().push(reward);
            let row = rows
                .entry(m)
                .or_insert_with(|| row(bench.models.name(m), f64::NAN, f64::NAN, f64::NAN, 0));
            let short = bench.models.name(r);
            row.figures.insert(format!("reward_vs_{short}"), reward);
            if Some(r) == reference {
                row.score = reward;
                row.lower = reward;
                row.upper = reward;
                row.battles = c.total;
                for (name, n) in [
                    ("win_much", c.win_much),
                    ("win", c.win),
                    ("tie", c.tie),
                    ("lose", c.lose),
                    ("lose_much", c.lose_much),
                    ("total", c.total),
                ] {
                    row.figures.insert(name.into(), n as f64);
                }
            }
        }
    }
    for (m, rewards) in &all_rewards {
        if rewards.len() > 1 {
            let mix = rewards.iter().sum::<f64>() / rewards.len() as f64;
            rows.get_mut(m)
                .expect("has rewards")
                .figures
                .insert("mixture_of_rewards".into(), mix);
        }
    }
    let mut graded: Vec<u32> = bench.grades.iter().map(|g| g.model).collect();
    graded.sort_unstable();
    graded.dedup();
    for m in graded {
        let Some((mean, score, avg_len, n)) = wb_score(bench, m, &judges) else {
            continue;
        };
        let row = rows
            .entry(m)
            .or_insert_with(|| row(bench.models.name(m), f64::NAN, f64::NAN, f64::NAN, 0));
        row.figures.insert("wb_score".into(), score);
        row.figures.insert("wb_score_mean_grade".into(), mean);
        if let Some(l) = avg_len {
            row.figures.insert("avg_len".into(), l);
        }
        if reference.is_none() {
            row.score = score;
            row.lower = score;
            row.upper = score;
            row.battles = n;
        }
    }
    // Models with a reward against another reference only have no headline against this one.
    let (rated, unrated): (Vec<ModelRow>, Vec<ModelRow>) =
        rows.into_values().partition(|r| r.score.is_finite());
    if rated.is_empty() {
        return Err(Error::NoBattles);
    }
    let baseline = reference
        .map(|r| bench.models.name(r).to_string())
        .unwrap_or_default();
    let mut lb = board(
        bench,
        opts,
        &baseline,
        bench.judge_names().to_vec(),
        rated,
        "",
    )?;
    if k >= 0 {
        lb.method_line = lb.method_line.replace("K = −1 (none)", &format!("K = {k}"));
    }
    if reference.is_none() {
        lb.method_line
            .push_str(" Score-mode data only: the score is WB-Score.");
    }
    lb.unrated = unrated.into_iter().map(|r| r.model).collect();
    Ok(lb)
}
