//! The two Chatbot Arena methods, on a battle log's rows ([`crate::bench::FileBattle`]).
//!
//! - `chatbot-arena`: FastChat's leaderboard as `fastchat/serve/monitor/elo_analysis.py`
//!   computed it when its Bradley-Terry path was `compute_elo_mle_with_tie` (lm-sys/FastChat
//!   @6ff8505e, Jan 2024; the TIGER-AI-Lab/GenAI-Arena fork @e4e4637 that produced the GenAI-Arena
//!   leaderboard is the same code): anonymous battles only (`report_elo_analysis_results`), ties
//!   and `tie (bothbad)` half a win each, scikit-learn's default L2 logistic regression on the
//!   Elo scale (400, base 10, 1000), `llama-13b` moved to 800 when present; the interval is the
//!   2.5/97.5 percentiles of `get_bootstrap_result` (battle rows resampled with replacement, 100
//!   rounds by default, as its `--num-bootstrap`; drawn per group of identical rows, with the
//!   same distribution, in `resample.rs`), the rating the fit on all battles.
//! - `arena-rank`: LMArena's `arena-rank` package (lmarena/arena-rank @3900eae):
//!   `PairDataset.from_pandas(reweighted=True)` weights every battle by
//!   `1 / max(pair count, 50)`, `BradleyTerry` fits without a penalty and
//!   `compute_ratings_and_cis(ci_method="sandwich")` gives normal intervals from the sandwich
//!   covariance `H⁻¹ G H⁻¹` (see `arena_rank.rs`). With style control (`--style-control`,
//!   or length / markdown only) it is the package's `ContextualBradleyTerry` on LMArena's style
//!   features (`contextual.rs`, `style_features.rs`); battles without style metadata are left
//!   out and counted in the load report. FastChat's method has no style control here: the
//!   style control FastChat published later (`rating_systems.py::compute_style_control`) sits
//!   on a different base fit (unpenalised scipy, mixtral anchored at 1114), not on the Feb 2024
//!   `elo_analysis.py` this method reproduces.
//!
//! Both report `rank_ub` as FastChat's leaderboard does (1 + models whose lower bound is above
//! this model's upper bound) and the rank spread beside it (`rank.rs`).

mod arena_rank;
mod contextual;
mod fit;
mod normal;
mod rank;
mod resample;
mod sandwich;
mod style_features;

use super::{GroupBoard, Leaderboard, LeaderboardOptions, ModelRow};
use crate::bench::{Bench, FileBattle};
use crate::bootstrap::{BootstrapSpec, BootstrapUnit};
use crate::bt::Estimate;
use crate::error::Error;
use crate::method::Method;
use crate::purpose::Purpose;
use crate::report::IssueKind;
use crate::style::StyleMode;
use crate::verdict::Outcome;
use fit::{fit, fit_near, Chord, Wins};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use resample::Groups;
use std::collections::{BTreeMap, HashMap};

/// `SCALE / ln(BASE)`: natural-log strength to Elo points.
const ELO_PER_NAT: f64 = 400.0 / std::f64::consts::LN_10;
const INIT_RATING: f64 = 1000.0;

/// Computes a Chatbot Arena leaderboard by the options' method (`chatbot-arena` or `arena-rank`).
pub fn compute(bench: &Bench, opts: &LeaderboardOptions) -> Result<Leaderboard, Error> {
    if opts.style != StyleMode::Off && opts.method != Method::ArenaRank {
        return Err(Error::InvalidOption(format!(
            "the {} method (FastChat's elo_analysis.py of Feb 2024) has no style control; \
             style control is arena-rank's contextual Bradley-Terry: choose the arena-rank method \
             (--method arena-rank)",
            opts.method
        )));
    }
    if !(opts.level > 0.0 && opts.level < 1.0) {
        return Err(Error::InvalidOption(format!(
            "the confidence level must be between 0 and 1 (exclusive), got {}",
            opts.level
        )));
    }
    let spec = BootstrapSpec::new(opts.rounds, opts.seed, opts.level, BootstrapUnit::Row)
        .map_err(|e| Error::InvalidOption(e.to_string()))?;
    // FastChat: `battles = battles[battles["anony"]]`; a row that does not say (the 55k CSV,
    // whose votes are all anonymous) is kept.
    let anony: Vec<&FileBattle> = bench
        .file_battles
        .iter()
        .filter(|b| opts.battles.include_non_anony || b.anony != Some(false))
        .collect();
    // Style control needs both answers' style counts; a battle without them is left out and
    // counted (the package would fail on the missing `conv_metadata` keys).
    let style = opts.style != StyleMode::Off;
    let used: Vec<&FileBattle> = anony
        .iter()
        .copied()
        .filter(|b| !style || b.style.is_some())
        .collect();
    let mut report = bench.report.clone();
    let skipped = anony.len() - used.len();
    if skipped > 0 {
        report.push(
            IssueKind::NoStyleFeatures,
            &bench.name,
            0,
            "conv_metadata",
            format!("{skipped} battles have no style metadata for one side"),
        );
        // The count is of battles, not one issue.
        *report
            .counts
            .get_mut(&IssueKind::NoStyleFeatures)
            .expect("just pushed") = skipped;
    }
    if used.is_empty() {
        return Err(Error::NoBattles);
    }
    let main = board(bench, &used, opts)?;
    let mut groups = Vec::new();
    if let Some(g) = opts.group_by {
        let mut by_group: BTreeMap<&str, Vec<&FileBattle>> = BTreeMap::new();
        for b in &used {
            by_group
                .entry(g.of(&bench.prompts[b.prompt as usize]))
                .or_default()
                .push(b);
        }
        for (name, rows) in by_group {
            let mut prompts: Vec<u32> = rows.iter().map(|b| b.prompt).collect();
            prompts.sort_unstable();
            prompts.dedup();
            if let Ok(g) = board(bench, &rows, opts) {
                groups.push(GroupBoard {
                    group: if name.is_empty() {
                        "(none)".into()
                    } else {
                        name.to_string()
                    },
                    prompts: prompts.len(),
                    models: g.models,
                    unrated: Vec::new(),
                    baseline: None,
                });
            }
        }
    }
    Ok(Leaderboard {
        bench: bench.name.clone(),
        baseline: String::new(),
        judged_baseline: None,
        judges: Vec::new(),
        weight: 1,
        first_game_only: false,
        rounds: opts.rounds,
        seed: opts.seed,
        level: opts.level,
        bootstrap_unit: BootstrapUnit::Row,
        method: opts.method,
        method_line: opts.method.line(Purpose::Leaderboard, &spec, style),
        style_control: opts.style,
        style_coefficients: main.coefficients,
        models: main.models,
        unrated: Vec::new(),
        group_by: opts.group_by,
        groups,
        report,
    })
}

/// One model's numbers before ranking: rating, interval and the method's figures.
struct Rated {
    model: u32,
    score: f64,
    lower: f64,
    upper: f64,
    battles: u64,
    figures: BTreeMap<String, f64>,
}

/// One rated board: its rows, ranked and sorted, and the style coefficients when style control
/// was on (by feature name, per standard deviation of the feature, natural-log odds).
struct Board {
    models: Vec<ModelRow>,
    coefficients: BTreeMap<String, f64>,
}

/// Rates the models of these battles by the options' method, ranked and sorted.
fn board(bench: &Bench, rows: &[&FileBattle], opts: &LeaderboardOptions) -> Result<Board, Error> {
    // Local ids in order of first appearance, as `pd.concat([model_a, model_b]).unique()`.
    let mut local: HashMap<u32, usize> = HashMap::new();
    let mut ids: Vec<u32> = Vec::new();
    let mut pairs: Vec<(usize, usize, Outcome)> = Vec::with_capacity(rows.len());
    for m in rows.iter().map(|b| b.a).chain(rows.iter().map(|b| b.b)) {
        local.entry(m).or_insert_with(|| {
            ids.push(m);
            ids.len() - 1
        });
    }
    for b in rows {
        pairs.push((local[&b.a], local[&b.b], b.outcome));
    }
    if pairs.is_empty() {
        return Err(Error::NoBattles);
    }
    let mut battles = vec![0u64; ids.len()];
    for &(a, b, _) in &pairs {
        battles[a] += 1;
        battles[b] += 1;
    }
    let names: Vec<&str> = ids.iter().map(|&m| bench.models.name(m)).collect();
    let mut coefficients = BTreeMap::new();
    let rated: Vec<Rated> = match opts.method {
        Method::ArenaRank if opts.style != StyleMode::Off => {
            let sides: Vec<_> = rows
                .iter()
                .map(|b| b.style.get().expect("rows without style were left out"))
                .collect();
            let x = style_features::features(opts.style, &sides);
            let names = opts.style.feature_names();
            let data: Vec<contextual::Row> = pairs
                .iter()
                .map(|&(a, b, o)| contextual::Row {
                    a,
                    b,
                    outcome: half_of(o),
                })
                .collect();
            let fit = contextual::rate(&data, &x, names.len(), ids.len());
            coefficients = names
                .iter()
                .zip(&fit.coefficients)
                .map(|(n, c)| (n.to_string(), *c))
                .collect();
            let z = normal::ppf(1.0 - (1.0 - opts.level) / 2.0);
            fit.ratings
                .iter()
                .zip(&fit.std_errors)
                .enumerate()
                .map(|(i, (&r, &s))| Rated {
                    model: ids[i],
                    score: ELO_PER_NAT * r + INIT_RATING,
                    lower: ELO_PER_NAT * (r - z * s) + INIT_RATING,
                    upper: ELO_PER_NAT * (r + z * s) + INIT_RATING,
                    battles: battles[i],
                    figures: BTreeMap::from([
                        ("std_error".to_string(), ELO_PER_NAT * s),
                        ("variance".to_string(), (ELO_PER_NAT * s).powi(2)),
                    ]),
                })
                .collect()
        }
        Method::ArenaRank => arena_rank::rate(&pairs, ids.len(), opts.level)
            .into_iter()
            .enumerate()
            .map(|(i, r)| Rated {
                model: ids[i],
                score: r.rating,
                lower: r.lower,
                upper: r.upper,
                battles: battles[i],
                figures: BTreeMap::from([
                    ("std_error".to_string(), r.std_error),
                    ("variance".to_string(), r.std_error * r.std_error),
                ]),
            })
            .collect(),
        _ => fastchat(&pairs, &names, opts)
            .into_iter()
            .enumerate()
            .map(|(i, (score, (lower, upper), var))| Rated {
                model: ids[i],
                score,
                lower,
                upper,
                battles: battles[i],
                figures: var
                    .map(|v| BTreeMap::from([("variance".to_string(), v)]))
                    .unwrap_or_default(),
            })
            .collect(),
    };
    let bounds: Vec<(f64, f64)> = rated.iter().map(|r| (r.lower, r.upper)).collect();
    let ranks = rank::ranks(&bounds);
    let mut out: Vec<ModelRow> = rated
        .into_iter()
        .zip(ranks)
        .map(|(r, rk)| {
            let mut figures = r.figures;
            figures.insert("rank_lower".into(), rk.worst as f64);
            figures.insert("rank_spread".into(), (rk.worst - rk.best) as f64);
            ModelRow {
                model: bench.models.name(r.model).to_string(),
                score: r.score,
                lower: r.lower,
                upper: r.upper,
                rank_ub: rk.best,
                battles: r.battles,
                avg_tokens: avg_tokens(bench, r.model),
                estimate: Estimate::Finite,
                elo: Some(r.score),
                elo_lower: Some(r.lower),
                elo_upper: Some(r.upper),
                bootstrap_mean: None,
                bootstrap_var: None,
                figures,
            }
        })
        .collect();
    out.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then_with(|| x.model.cmp(&y.model))
    });
    Ok(Board {
        models: out,
        coefficients,
    })
}

/// `default_outcome_map`: 1 for model_a, 0 for model_b, ½ for a tie of either kind.
fn half_of(o: Outcome) -> f64 {
    match o {
        Outcome::AWins => 1.0,
        Outcome::Tie => 0.5,
        Outcome::BWins => 0.0,
    }
}

/// scikit-learn's default L2 penalty (`C = 1` on coefficients scaled by `ln 10`), on natural-log
/// strengths: `1 / ln² 10`.
const FASTCHAT_RIDGE: f64 = 1.0 / (std::f64::consts::LN_10 * std::f64::consts::LN_10);

/// FastChat's `compute_elo_mle_with_tie` totals: each battle is two rows (a win twice, a tie once
/// each way), `counts` times each of `pairs`.
fn fastchat_wins(pairs: &[(usize, usize, Outcome)], counts: &[u32], n: usize) -> Wins {
    let mut w = Wins::new(n);
    for (&(a, b, o), &c) in pairs.iter().zip(counts) {
        let c = c as f64;
        match o {
            Outcome::AWins => w.add(a, b, 2.0 * c),
            Outcome::BWins => w.add(b, a, 2.0 * c),
            Outcome::Tie => {
                w.add(a, b, c);
                w.add(b, a, c);
            }
        }
    }
    w
}

/// Strengths on FastChat's Elo scale, `llama-13b` moved to 800 when present
/// (`if "llama-13b" in models.index: elo_scores += 800 - elo_scores[models["llama-13b"]]`).
fn to_elo(beta: &[f64], names: &[&str]) -> Vec<f64> {
    let mut elo: Vec<f64> = beta.iter().map(|b| ELO_PER_NAT * b + INIT_RATING).collect();
    if let Some(l) = names.iter().position(|n| *n == "llama-13b") {
        let shift = 800.0 - elo[l];
        elo.iter_mut().for_each(|e| *e += shift);
    }
    elo
}

type FastChatRow = (f64, (f64, f64), Option<f64>);

/// FastChat's rating, bootstrap interval and bootstrap variance (`bootstrap_df.var()`, ddof 1)
/// per model. A model absent from a bootstrap round has no rating in it (a NaN column entry in
/// FastChat's data frame, which `quantile` and `var` skip).
fn fastchat(
    pairs: &[(usize, usize, Outcome)],
    names: &[&str],
    opts: &LeaderboardOptions,
) -> Vec<FastChatRow> {
    let n = names.len();
    // Rows grouped by (a, b, outcome): the fit and the draw only see how often each occurs.
    let groups = Groups::new(pairs);
    let all = fastchat_wins(&groups.rows, &groups.sizes, n);
    let point_fit = fit(&all, FASTCHAT_RIDGE);
    let point = to_elo(&point_fit.beta, names);
    // Every round starts from the fit on all battles, with its Hessian's factor (`fit_near`).
    let chord = Chord::at(&all, FASTCHAT_RIDGE, &point_fit.beta);
    let mut samples: Vec<Vec<f64>> = vec![Vec::with_capacity(opts.rounds as usize); n];
    let mut rng = ChaCha8Rng::seed_from_u64(opts.seed);
    let mut counts = vec![0u32; groups.rows.len()];
    for _ in 0..opts.rounds {
        groups.draw(&mut rng, &mut counts);
        let mut present = vec![false; n];
        for (&(a, b, _), &c) in groups.rows.iter().zip(&counts) {
            if c > 0 {
                present[a] = true;
                present[b] = true;
            }
        }
        let w = fastchat_wins(&groups.rows, &counts, n);
        let beta = match &chord {
            Some(c) => fit_near(&w, FASTCHAT_RIDGE, c).beta,
            None => fit(&w, FASTCHAT_RIDGE).beta,
        };
        let elo = to_elo(&beta, names);
        for m in (0..n).filter(|&m| present[m]) {
            samples[m].push(elo[m]);
        }
    }
    (0..n)
        .map(|m| {
            let s = &mut samples[m];
            let var = (s.len() > 1).then(|| {
                let k = s.len() as f64;
                let mean = s.iter().sum::<f64>() / k;
                s.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (k - 1.0)
            });
            let interval = crate::quantile::interval(s, opts.level).unwrap_or((point[m], point[m]));
            (point[m], interval, var)
        })
        .collect()
}

/// Mean answer tokens of a model's answers (from `conv_metadata`), if any.
fn avg_tokens(bench: &Bench, model: u32) -> Option<f64> {
    let (sum, count) = bench
        .answers
        .iter()
        .filter(|a| a.model == model)
        .filter_map(|a| a.tokens)
        .fold((0.0, 0usize), |(s, c), t| (s + t, c + 1));
    (count > 0).then(|| sum / count as f64)
}
