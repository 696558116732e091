//! Verdicts become battles, exactly as the reference v0.1 tool turns them: `model_a` is the baseline,
//! game 1 is read as is and game 2 mirrored, and a strong verdict counts `weight` times.
//!
//! Rows are kept with a multiplicity (`copies`) instead of being repeated, so a row bootstrap can draw
//! over distinct rows; the totals are those of the reference's repeated rows.

use crate::bench::Bench;
use crate::error::Error;
use crate::game_result::results_differ;
use crate::report::{IssueKind, LoadReport};
use crate::scope::request::Several;
use crate::scope::resolver::Scope;
use crate::scope::{baseline, judges};
use crate::style::StyleRaw;
use crate::verdict::Outcome;
use serde::{Deserialize, Serialize};

use crate::scope::baseline::Baseline;

/// How verdicts become battles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BattleOptions {
    /// Judges to pool; empty means the only judge.
    pub judges: Vec<String>,
    /// The model the v0.1 judgments were made against, when it cannot be read from the data.
    pub judged_baseline: Option<String>,
    /// How many times a strong verdict (`A>>B`, `B>>A`) counts.
    pub weight: u32,
    pub first_game_only: bool,
    /// Keep the baseline's battles against itself, as show_result.py does (they matter only to the
    /// penalised style-control fit, where its design matrix gives them `−ln 10` in the baseline column).
    #[serde(default)]
    pub keep_self_battles: bool,
    /// Leave out judgment rows whose two games give the model different results (a position flip),
    /// as a sensitivity check on position bias; see [`crate::judges::consistency`].
    #[serde(default)]
    pub drop_inconsistent: bool,
    /// Chatbot Arena logs: also count votes cast after the models were revealed (`anony: false`).
    /// FastChat's leaderboard keeps anonymous battles only (`elo_analysis.py`,
    /// `battles[battles["anony"]]`), and so do the `chatbot-arena` and `arena-rank` methods unless
    /// this is set; it changes nothing for other data.
    #[serde(default)]
    pub include_non_anony: bool,
}

impl BattleOptions {
    /// These options with the judges and the judged baseline of a resolved scope.
    pub fn scoped(self, scope: &Scope) -> BattleOptions {
        BattleOptions {
            judges: scope.judges.clone(),
            judged_baseline: scope.judged_baseline.clone(),
            ..self
        }
    }
}

impl Default for BattleOptions {
    fn default() -> Self {
        BattleOptions {
            judges: Vec::new(),
            judged_baseline: None,
            weight: 3,
            first_game_only: false,
            keep_self_battles: false,
            drop_inconsistent: false,
            include_non_anony: false,
        }
    }
}

/// One battle row with its multiplicity.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BattleRow {
    pub prompt: u32,
    pub a: u32,
    pub b: u32,
    pub outcome: Outcome,
    /// How many identical rows the reference would have.
    pub copies: u32,
    /// Judge id in the bench, or `u32::MAX` for rows from a battles file.
    pub judge: u32,
    /// 1 or 2 for judgment games, 0 for battles-file rows.
    pub game: u8,
}

/// The battles of one bench under one set of options.
#[derive(Clone, Debug)]
pub struct BattleSet {
    pub rows: Vec<BattleRow>,
    /// Style metadata of (a, b) for each row, when both answers have it.
    pub style: Vec<Option<(StyleRaw, StyleRaw)>>,
    /// The judged baseline (model id), when the verdicts came from judgments.
    pub judged_baseline: Option<u32>,
    pub judges: Vec<String>,
    /// Model names by id: the bench's, plus the judged baseline when only the options name it (v0.1
    /// judgment rows never name their baseline, and its answers may be absent).
    pub names: Vec<String>,
    /// Issues that depend on the options (self-battles).
    pub report: LoadReport,
}

impl BattleSet {
    /// Total rows, counting copies.
    pub fn total_rows(&self) -> u64 {
        self.rows.iter().map(|r| r.copies as u64).sum()
    }

    /// A model's name.
    pub fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
    }

    /// A model's id, if it is known.
    pub fn id(&self, name: &str) -> Option<u32> {
        self.names.iter().position(|n| n == name).map(|i| i as u32)
    }
}

/// Builds the battles for `opts`; `display_baseline` helps find the judged baseline. Judges and the
/// judged baseline follow the scope's rules ([`crate::scope::judges::pool`], asking when several
/// judges fit and none is named; [`crate::scope::baseline::judged`]), so options from a resolved
/// [`Scope`] give the same battles as the raw request.
pub fn build(
    bench: &Bench,
    opts: &BattleOptions,
    display_baseline: Option<&str>,
) -> Result<BattleSet, Error> {
    if opts.weight == 0 {
        return Err(Error::InvalidOption(
            "the weight of a strong verdict must be at least 1".into(),
        ));
    }
    let judge_ids = judges::pool(bench, &opts.judges, Several::Ask)?;
    let mut set = BattleSet {
        rows: Vec::new(),
        style: Vec::new(),
        judged_baseline: None,
        judges: judge_ids
            .iter()
            .map(|&j| bench.judges.name(j).to_string())
            .collect(),
        names: bench.model_names().to_vec(),
        report: LoadReport::default(),
    };
    let style_of = |a: u32, b: u32, p: u32| -> Option<(StyleRaw, StyleRaw)> {
        Some((bench.answer(a, p)?.style?, bench.answer(b, p)?.style?))
    };
    if !bench.judgments.is_empty() {
        let base = if baseline::needed(bench) {
            Some(
                match baseline::judged(
                    bench,
                    &judge_ids,
                    opts.judged_baseline.as_deref(),
                    display_baseline,
                )?
                .0
                {
                    Baseline::Known(id) => id,
                    Baseline::New(name) => {
                        set.names.push(name);
                        set.names.len() as u32 - 1
                    }
                },
            )
        } else {
            None
        };
        set.judged_baseline = base;
        // One issue per judge, counted per row: listing 500 identical lines would bury real problems.
        let mut self_rows: std::collections::BTreeMap<(u32, u32), usize> = Default::default();
        let mut flipped: std::collections::BTreeMap<u32, usize> = Default::default();
        for j in bench
            .judgments
            .iter()
            .filter(|j| judge_ids.contains(&j.judge))
        {
            let a = j.baseline.or(base).expect("baseline resolved above");
            if j.model == a && !opts.keep_self_battles {
                *self_rows.entry((j.judge, a)).or_insert(0) += 1;
                continue;
            }
            if opts.drop_inconsistent && results_differ(&j.games) {
                *flipped.entry(j.judge).or_insert(0) += 1;
                continue;
            }
            let games = if opts.first_game_only { 1 } else { 2 };
            for (g, game) in j.games.iter().take(games).enumerate() {
                let Some(v) = game.verdict else { continue };
                // Game 2 shows the model as Assistant A, so its verdict is mirrored.
                let v = if g == 0 { v } else { v.mirrored() };
                set.rows.push(BattleRow {
                    prompt: j.prompt,
                    a,
                    b: j.model,
                    outcome: v.outcome(),
                    copies: if v.is_strong() { opts.weight } else { 1 },
                    judge: j.judge,
                    game: g as u8 + 1,
                });
                set.style.push(style_of(a, j.model, j.prompt));
            }
        }
        for ((judge, model), n) in self_rows {
            let name = set.names[model as usize].clone();
            set.report.push(
                IssueKind::SelfBattle,
                &format!("model_judgment/{}/{name}.jsonl", bench.judges.name(judge)),
                0,
                "model",
                format!("{n} rows judge {name} against itself; left out"),
            );
            *set.report
                .counts
                .get_mut(&IssueKind::SelfBattle)
                .expect("just pushed") += n - 1;
        }
        for (judge, n) in flipped {
            set.report.push(
                IssueKind::DroppedInconsistent,
                &format!("model_judgment/{}", bench.judges.name(judge)),
                0,
                "games",
                format!("{n} rows whose two games disagree; left out"),
            );
            *set.report
                .counts
                .get_mut(&IssueKind::DroppedInconsistent)
                .expect("just pushed") += n - 1;
        }
    }
    for fb in &bench.file_battles {
        set.rows.push(BattleRow {
            prompt: fb.prompt,
            a: fb.a,
            b: fb.b,
            outcome: fb.outcome,
            copies: 1,
            judge: u32::MAX,
            game: 0,
        });
        set.style
            .push(fb.style.get().or_else(|| style_of(fb.a, fb.b, fb.prompt)));
    }
    if set.rows.is_empty() {
        return Err(
            if bench.judgments.is_empty() && bench.file_battles.is_empty() {
                Error::NoData
            } else {
                Error::NoBattles
            },
        );
    }
    Ok(set)
}
