//! Two runs side by side: official against mine, judge against judge, before against after.
//!
//! A run is a leaderboard with the verdicts behind it ([`run::Run::Verdicts`]: any bench, judge and
//! method of any data set) or a published table of scores ([`run::Run::Scores`]). [`compute`]
//! gives, for the models both runs rate, score₁, score₂, Δ = score₂ − score₁ with a paired interval
//! ([`paired`]; combined from each run's own interval when a run has scores only, [`models`]) and
//! both ranks; the models only one run rates; per prompt, the prompts whose verdicts changed for a
//! model ([`prompts`]); how alike the verdicts are ([`agreement`]: exact label, same winner, κ, the
//! 5×5 matrix) and what each model's change is made of ([`decompose`]); and whether the runs order
//! the models alike ([`consistency`]).
//!
//! Prompts pair by (bench, prompt id) only: two benches that reuse an id do not pair. Two runs
//! sharing no prompt or no model are not an error: the diff says so ([`Diff::notes`]) and lists
//! what each run has.

pub mod agreement;
pub mod consistency;
pub mod decompose;
pub mod error;
pub mod models;
pub mod paired;
pub mod prompts;
pub mod readings;
pub mod run;
pub mod scores;
#[cfg(test)]
mod test_data;

pub use error::DiffError;
pub use run::{Run, RunInfo, RunScore, VerdictRun};

use crate::bootstrap::BootstrapSpec;
use crate::judges::agreement::AgreementOptions;
use agreement::LabelAgreement;
use consistency::Consistency;
use decompose::Decomposition;
use models::{IntervalKind, ModelDiff};
use paired::Prepared;
use prompts::PromptChange;
use readings::Readings;
use serde::{Deserialize, Serialize};

/// Which models get their per-prompt list.
#[derive(Clone, Debug, PartialEq)]
pub enum PromptsFor {
    /// Every shared model.
    All,
    /// One model (the page's chosen one).
    One(String),
    None,
}

/// How many prompts each run has and how many pair.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PromptCounts {
    pub run_1: usize,
    pub run_2: usize,
    pub shared: usize,
}

/// What the verdicts of two verdict runs say: label agreement and each model's decomposition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub judge_1: Option<String>,
    pub judge_2: Option<String>,
    pub agreement: LabelAgreement,
    pub decomposition: Vec<Decomposition>,
}

/// The whole diff.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diff {
    pub run_1: RunInfo,
    pub run_2: RunInfo,
    /// Shared models, in run 1's order.
    pub models: Vec<ModelDiff>,
    pub only_in_1: Vec<String>,
    pub only_in_2: Vec<String>,
    pub prompts: PromptCounts,
    /// How the intervals were obtained.
    pub interval: IntervalKind,
    /// With a paired interval: how each round scored run 1 and run 2 (each run's own method where
    /// a prompt resample can redo it, else the named stand-in); empty otherwise.
    #[serde(default)]
    pub round_scores: Vec<paired::RoundScore>,
    /// Changed prompts, per model in the models' order, each model's largest shift first.
    pub prompt_changes: Vec<PromptChange>,
    /// `None` unless both runs have verdicts.
    pub summary: Option<Summary>,
    pub consistency: Consistency,
    pub rounds: u32,
    pub seed: u64,
    pub level: f64,
    /// What Δ and its interval are, in one line (as the page prints it).
    pub method_line: String,
    /// What the reader should know: nothing shared, a scores-only run, different baselines.
    pub notes: Vec<String>,
}

/// Diffs run 2 against run 1. `spec` draws the paired interval and the rank correlations' intervals.
pub fn compute(
    r1: &Run,
    r2: &Run,
    spec: &BootstrapSpec,
    prompts_for: &PromptsFor,
) -> Result<Diff, DiffError> {
    let (s1, s2) = (r1.scores(), r2.scores());
    let (shared, only_in_1, only_in_2) = models::split(&s1, &s2);
    let (rank1, rank2) = (models::ranks(&s1), models::ranks(&s2));
    let names: Vec<String> = shared.iter().map(|(a, _)| a.model.clone()).collect();
    let mut notes = Vec::new();
    let both = r1.as_verdicts().zip(r2.as_verdicts());
    let prepared = match both {
        Some((v1, v2)) => Some((
            Prepared::new(v1).map_err(|error| DiffError::Run { run: 1, error })?,
            Prepared::new(v2).map_err(|error| DiffError::Run { run: 2, error })?,
        )),
        None => None,
    };
    let prompts = match &prepared {
        Some((p1, p2)) => {
            let u = paired::union(p1, p2);
            PromptCounts {
                run_1: p1.prompt_ids().count(),
                run_2: p2.prompt_ids().count(),
                shared: u.iter().filter(|(a, b)| a.is_some() && b.is_some()).count(),
            }
        }
        None => PromptCounts {
            run_1: r1.describe().prompts,
            run_2: r2.describe().prompts,
            shared: 0,
        },
    };
    let samples = match &prepared {
        Some((p1, p2)) if spec.rounds() > 0 => Some(paired::paired_samples(p1, p2, &names, spec)),
        _ => None,
    };
    let paired_run = prepared.is_some();
    let round_scores: Vec<paired::RoundScore> = match &prepared {
        Some((p1, p2)) if spec.rounds() > 0 => vec![p1.round_score, p2.round_score],
        _ => Vec::new(),
    };
    let model_rows = if paired_run && spec.rounds() == 0 {
        // No rounds: point estimates only.
        models::rows(
            &shared,
            &rank1,
            &rank2,
            Some(vec![Vec::new(); shared.len()]),
            spec.level(),
        )
    } else {
        models::rows(&shared, &rank1, &rank2, samples, spec.level())
    };
    let interval = if paired_run {
        if spec.rounds() > 0 {
            IntervalKind::Paired
        } else {
            IntervalKind::None
        }
    } else if model_rows.iter().any(|m| m.lower.is_some()) {
        IntervalKind::Unpaired
    } else {
        IntervalKind::None
    };

    let readings = both.map(|(v1, v2)| (Readings::of(v1), Readings::of(v2)));
    let mut prompt_changes = Vec::new();
    let summary = readings.as_ref().map(|(a, b)| {
        match prompts_for {
            PromptsFor::All => {
                for m in &names {
                    prompt_changes.extend(prompts::changes(a, b, m));
                }
            }
            PromptsFor::One(m) => prompt_changes = prompts::changes(a, b, m),
            PromptsFor::None => {}
        }
        Summary {
            judge_1: a.judge.clone(),
            judge_2: b.judge.clone(),
            agreement: LabelAgreement::of(a, b),
            decomposition: names
                .iter()
                .filter_map(|m| decompose::decompose(a, b, m))
                .collect(),
        }
    });
    let consistency = consistency::consistency(
        &shared,
        &AgreementOptions {
            ours_level: spec.level(),
            rounds: spec.rounds(),
            seed: spec.seed(),
            level: spec.level(),
        },
    );

    let (i1, i2) = (r1.describe(), r2.describe());
    if shared.is_empty() {
        notes.push(format!(
            "The two runs share no model, so there is nothing to diff: run 1 rates {} model(s), run 2 rates {}, all listed below.",
            s1.len(),
            s2.len()
        ));
    }
    if paired_run && prompts.shared == 0 {
        notes.push(format!(
            "The two runs share no prompt (prompts pair by bench and prompt id; run 1 has {} in “{}”, run 2 has {} in “{}”): the intervals resample each run on its own, and no verdict can be compared.",
            prompts.run_1,
            i1.bench.as_deref().unwrap_or(""),
            prompts.run_2,
            i2.bench.as_deref().unwrap_or("")
        ));
    }
    for (n, info, other) in [(1, &i1, &i2), (2, &i2, &i1)] {
        if info.kind == "scores" {
            let against = match &other.baseline {
                Some(b) => format!(
                    " A table does not say which model its scores are against; the other run's are against “{b}”."
                ),
                None => String::new(),
            };
            notes.push(format!(
                "Run {n} is a table of scores ({}), without verdicts: Δ's interval is not paired (it combines each run's own interval as if they were independent) and there are no per-prompt changes or label agreement.{against}",
                info.source.as_deref().unwrap_or("")
            ));
        }
    }
    // Where a run's reported score is not its round score on every prompt (v2.0's mean of
    // bootstrap means, a style-adjusted fit), the interval is centred on the round scores' Δ and
    // may sit beside the reported Δ: say by how much.
    if let (Some((p1, p2)), Some((v1, v2))) = (&prepared, both) {
        if spec.rounds() > 0 {
            for (n, p, v) in [(1, p1, v1), (2, p2, v2)] {
                let gap = p.point_gap(v);
                if gap > 0.005 {
                    notes.push(format!(
                        "Run {n}'s scores ({}) differ from its round score on all prompts by up to {gap:.2} points ({}), so Δ's interval is centred on that score's difference, not exactly on the Δ shown.",
                        v.leaderboard.method.as_str(),
                        match p.round_score {
                            paired::RoundScore::MeanRowScore => "its reported score is a mean of bootstrap means, the round score the plain mean",
                            paired::RoundScore::PlainFitFallback => "the rounds use the plain fit, not its style-controlled one",
                            paired::RoundScore::BradleyTerryFit => "its fit",
                        }
                    ));
                }
            }
        }
    }
    if let (Some(b1), Some(b2)) = (&i1.baseline, &i2.baseline) {
        if b1 != b2 {
            notes.push(format!(
                "The runs' baselines differ (“{b1}” and “{b2}”): each score is a win rate against its own run's baseline."
            ));
        }
    }
    let level = spec.level();
    let pct = format!("{}%", (level * 1000.0).round() / 10.0);
    let method_line = match interval {
        IntervalKind::Paired => format!(
            "Δ = run 2 − run 1, in points of win rate against each run's baseline. Paired {pct} interval from {} bootstrap rounds over prompts, both runs resampled with one draw (prompts pair by bench and prompt id), seed {}. Each round scores run 1 ({}) by {}, and run 2 ({}) by {}.",
            spec.rounds(),
            spec.seed(),
            i1.method.as_deref().unwrap_or(""),
            round_scores[0].describe(),
            i2.method.as_deref().unwrap_or(""),
            round_scores[1].describe(),
        ),
        IntervalKind::Unpaired => format!(
            "Δ = run 2 − run 1, in points. Not paired: a run has scores only, so the interval combines the two runs' own intervals as if independent (MOVER, Zou & Donner 2008); rank correlations from {} rounds, seed {}.",
            spec.rounds(),
            spec.seed()
        ),
        IntervalKind::None => "Δ = run 2 − run 1, in points; point estimates only (no interval).".to_string(),
    };
    Ok(Diff {
        run_1: i1,
        run_2: i2,
        models: model_rows,
        only_in_1,
        only_in_2,
        prompts,
        interval,
        round_scores,
        prompt_changes,
        summary,
        consistency,
        rounds: spec.rounds(),
        seed: spec.seed(),
        level,
        method_line,
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bootstrap::BootstrapUnit;

    fn spec() -> BootstrapSpec {
        BootstrapSpec::new(30, 5, 0.95, BootstrapUnit::Prompt).unwrap()
    }

    #[test]
    fn two_judges_give_paired_rows_summary_and_consistency() {
        let ds = test_data::two_judges(12, &[]);
        let b = &ds.benches["s"];
        let r1 = Run::verdicts(b, test_data::options("j1")).unwrap();
        let r2 = Run::verdicts(b, test_data::options("j2")).unwrap();
        let d = compute(&r1, &r2, &spec(), &PromptsFor::All).unwrap();
        assert_eq!(d.interval, IntervalKind::Paired);
        assert_eq!(d.prompts.shared, 12);
        assert!(d.only_in_1.is_empty() && d.only_in_2.is_empty());
        let mc = d.models.iter().find(|m| m.model == "mc").unwrap();
        // mc's verdicts are the same under both judges and every model is fitted against the
        // baseline alone, so mc's Δ is 0 in every round: its interval is exactly [0, 0].
        assert_eq!((mc.delta, mc.lower, mc.upper), (0.0, Some(0.0), Some(0.0)));
        let ma = d.models.iter().find(|m| m.model == "ma").unwrap();
        assert!(ma.lower.unwrap() <= ma.delta && ma.delta <= ma.upper.unwrap());
        let s = d.summary.as_ref().unwrap();
        assert_eq!(s.agreement.games, 3 * 12 * 2);
        assert!(s.agreement.kappa.unwrap() < 1.0);
        assert!(d.prompt_changes.iter().all(|c| c.model != "mc"));
        assert!(!d.prompt_changes.is_empty());
        // Byte-identical JSON for the same inputs.
        let again = compute(&r1, &r2, &spec(), &PromptsFor::All).unwrap();
        assert_eq!(
            serde_json::to_string(&d).unwrap(),
            serde_json::to_string(&again).unwrap()
        );
    }

    #[test]
    fn a_scores_only_run_is_diffed_unpaired_and_models_apart_are_listed() {
        let ds = test_data::two_judges(8, &[]);
        let b = &ds.benches["s"];
        let r1 = Run::verdicts(b, test_data::options("j1")).unwrap();
        let table = scores::parse(
            "pub.csv",
            "model,score,lower,upper\nma,55,50,60\nzz,70,65,75\n",
        )
        .unwrap();
        let d = compute(&r1, &Run::Scores(table), &spec(), &PromptsFor::All).unwrap();
        assert_eq!(d.interval, IntervalKind::Unpaired);
        assert_eq!(d.models.len(), 1);
        assert_eq!(d.only_in_2, ["zz"]);
        assert_eq!(d.only_in_1, ["base", "mb", "mc"]);
        assert!(d.summary.is_none() && d.prompt_changes.is_empty());
        assert!(
            d.notes.iter().any(|n| n.contains("scores")),
            "{:?}",
            d.notes
        );
        assert!(d.notes[0].contains("against “base”"), "{:?}", d.notes);
        assert_eq!(d.models[0].interval, IntervalKind::Unpaired);
    }

    #[test]
    fn runs_without_shared_prompts_or_models_say_so() {
        let ds = test_data::two_judges(6, &[]);
        let b = &ds.benches["s"];
        let mut other = b.clone();
        other.name = "t".into();
        let r1 = Run::verdicts(b, test_data::options("j1")).unwrap();
        let r2 = Run::verdicts(&other, test_data::options("j2")).unwrap();
        let d = compute(&r1, &r2, &spec(), &PromptsFor::All).unwrap();
        assert_eq!(d.prompts.shared, 0);
        assert!(
            d.notes.iter().any(|n| n.contains("share no prompt")),
            "{:?}",
            d.notes
        );
        assert!(d.summary.unwrap().agreement.games == 0);
        let t = scores::parse("x.csv", "model,score\nq1,50\n").unwrap();
        let d = compute(&r1, &Run::Scores(t), &spec(), &PromptsFor::None).unwrap();
        assert!(d.models.is_empty());
        assert!(d.notes[0].contains("share no model"));
        assert_eq!(d.only_in_2, ["q1"]);
    }
}
