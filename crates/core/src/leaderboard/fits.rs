//! The leaderboard's fits: the point Bradley-Terry fit and its seeded bootstrap rounds, plain
//! (cells of (a, b, outcome)) or style-controlled (cells of (group, outcome)). Each returns the point
//! fit, every round's strengths (for the intervals and the per-round moments), and the style
//! coefficients. Each bootstrap round is one step of the caller's [`Pacer`], so the site's compute
//! worker can yield between rounds (see [`crate::pace`]).

use super::v01_frame;
use super::{LeaderboardOptions, LN10};
use crate::battle_set::{BattleRow, BattleSet};
use crate::bootstrap::Cells;
use crate::bt::{self, Estimate};
use crate::load_options::map_parallel;
use crate::pace::{Cancelled, Pacer};
use crate::style::{self, StyleGroup};
use crate::style_fast;
use crate::verdict::Outcome;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::collections::{BTreeMap, HashMap};

/// Outcomes by `Outcome::index`.
const OUTCOMES: [Outcome; 3] = [Outcome::AWins, Outcome::Tie, Outcome::BWins];

type Samples = (bt::Fit, Vec<Vec<f64>>, BTreeMap<String, f64>);
/// Plain fits also return each round's baseline self rows (for the compat frame).
type PlainSamples = (
    bt::Fit,
    Vec<Vec<f64>>,
    BTreeMap<String, f64>,
    Vec<v01_frame::SelfRows>,
);

fn rng_for(opts: &LeaderboardOptions) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(opts.seed)
}

/// The bootstrap's rounds, each `fit` applied to one draw of the cells. The draws are made one
/// after another from the one seeded stream, in round order, so the result never depends on the
/// thread count; batches of `pace.threads()` draws are then fitted at once (the CLI fits on every
/// core; the browser's worker, one round at a time between its yields).
async fn rounds<P: Pacer, R: Send>(
    cells: &Cells,
    opts: &LeaderboardOptions,
    pace: &mut P,
    fit: impl Fn(&[u64]) -> R + Sync,
) -> Result<Vec<R>, Cancelled> {
    let threads = pace.threads().max(1);
    let mut rng = rng_for(opts);
    let mut draws: Vec<Vec<u64>> = vec![Vec::new(); threads];
    let mut out = Vec::with_capacity(opts.rounds as usize);
    let mut left = opts.rounds as usize;
    while left > 0 {
        let batch = threads.min(left);
        for draw in &mut draws[..batch] {
            cells.resample(opts.unit, &mut rng, draw);
        }
        out.extend(map_parallel(&draws[..batch], batch, |d| fit(d)));
        for _ in 0..batch {
            pace.step().await?;
        }
        left -= batch;
    }
    Ok(out)
}

/// Plain Bradley-Terry: cells are (a, b, outcome).
pub(super) async fn rate_plain<P: Pacer>(
    used: &[(usize, BattleRow)],
    n: usize,
    anchor: u32,
    opts: &LeaderboardOptions,
    pace: &mut P,
) -> Result<PlainSamples, Cancelled> {
    let mut cell_of: BTreeMap<(u32, u32, usize), u32> = BTreeMap::new();
    let mut items = Vec::with_capacity(used.len());
    for (_, r) in used {
        let len = cell_of.len() as u32;
        let c = *cell_of.entry((r.a, r.b, r.outcome.index())).or_insert(len);
        items.push((c, r.prompt, r.copies as u64));
    }
    let keys: Vec<(u32, u32, usize)> = {
        let mut k = vec![(0, 0, 0); cell_of.len()];
        for (key, &c) in &cell_of {
            k[c as usize] = *key;
        }
        k
    };
    let cells = Cells::new(keys.len(), items.into_iter());
    let comparisons = |counts: &[u64]| {
        bt::comparisons_from_counts(
            n,
            keys.iter().zip(counts).map(|(&(a, b, o), &c)| {
                let mut v = [0.0; 3];
                v[o] = c as f64;
                (a, b, v)
            }),
        )
    };
    // Self rows (a == b, kept only when asked) carry no information on differences: the fit skips
    // them (`bt::comparisons_from_counts`) and they are tallied for the compat frame instead.
    let own = |counts: &[u64]| {
        let mut t = v01_frame::SelfRows::default();
        for (&(a, b, o), &c) in keys.iter().zip(counts) {
            if a == b {
                t.add(OUTCOMES[o], c as f64);
            }
        }
        t
    };
    let point = bt::fit(&comparisons(&cells.count), anchor, None);
    let fitted = rounds(&cells, opts, pace, |draw| {
        (
            bt::fit(&comparisons(draw), anchor, Some(&point.beta)).beta,
            own(draw),
        )
    })
    .await?;
    let (samples, tallies) = fitted.into_iter().unzip();
    Ok((point, samples, BTreeMap::new(), tallies))
}

/// Style-controlled Bradley-Terry: cells are (group, outcome), groups are (a, b, prompt).
pub(super) async fn rate_style<P: Pacer>(
    set: &BattleSet,
    used: &[(usize, BattleRow)],
    n: usize,
    anchor: u32,
    opts: &LeaderboardOptions,
    pace: &mut P,
) -> Result<Samples, Cancelled> {
    let mode = opts.style;
    let k = mode.feature_names().len();
    let diffs: Vec<(Vec<f64>, f64)> = used
        .iter()
        .map(|(i, r)| {
            let (sa, sb) = set.style[*i].expect("filtered to rows with style");
            (style::feature_diffs(mode, &sa, &sb), r.copies as f64)
        })
        .collect();
    let (mean, std) = style::normalisation(&diffs, k);
    let mut group_of: HashMap<(u32, u32, u32), u32> = HashMap::new();
    let mut groups: Vec<StyleGroup> = Vec::new();
    let mut items = Vec::with_capacity(used.len());
    for ((_, r), (f, _)) in used.iter().zip(&diffs) {
        let g = *group_of.entry((r.a, r.b, r.prompt)).or_insert_with(|| {
            groups.push(StyleGroup {
                a: r.a,
                b: r.b,
                features: (0..k)
                    .map(|s| {
                        if std[s] > 0.0 {
                            (f[s] - mean[s]) / std[s]
                        } else {
                            0.0
                        }
                    })
                    .collect(),
                wa: 0.0,
                wb: 0.0,
            });
            groups.len() as u32 - 1
        });
        items.push((g * 3 + r.outcome.index() as u32, r.prompt, r.copies as u64));
    }
    let cells = Cells::new(groups.len() * 3, items.into_iter());
    // A group's weights from a draw's (group, outcome) counts: a win counts twice for its side and
    // a tie once for each, as show_result.py's doubled rows do.
    let weights = |counts: &[u64], g: usize| {
        let (aw, t, bw) = (
            counts[g * 3] as f64,
            counts[g * 3 + 1] as f64,
            counts[g * 3 + 2] as f64,
        );
        (2.0 * aw + t, 2.0 * bw + t)
    };
    let point_fit = style_fast::fit_with(&groups, |g| weights(&cells.count, g), n, k, None);
    let to_beta = |f: &style::StyleFit| -> Vec<f64> {
        let base = f.model_coef[anchor as usize];
        f.model_coef.iter().map(|c| LN10 * (c - base)).collect()
    };
    let point = bt::Fit {
        beta: to_beta(&point_fit),
        status: vec![Estimate::Finite; n],
        iterations: point_fit.iterations,
    };
    let samples = rounds(&cells, opts, pace, |draw| {
        let f = style_fast::fit_with(&groups, |g| weights(draw, g), n, k, Some(&point_fit));
        to_beta(&f)
    })
    .await?;
    let coefs = mode
        .feature_names()
        .iter()
        .zip(&point_fit.style_coef)
        .map(|(name, c)| (name.to_string(), *c))
        .collect();
    Ok((point, samples, coefs))
}
