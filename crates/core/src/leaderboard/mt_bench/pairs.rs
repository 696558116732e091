//! The mt-bench method's Bradley-Terry figure (`bt_score`): FastChat's `show_result.py` has none;
//! the issue asks for one "over all pairs where the graph allows it". Each counted row is one
//! comparison (win 1, loss 0, a tie half each, the tool's own reading of the row), fitted by
//! [`crate::bt::fit`] and put on the Elo scale (400 / ln 10 per unit of strength).
//!
//! The anchor: the baseline in pairwise-baseline mode (then 1000 is the baseline's rating);
//! otherwise the model with the most counted rows, and the ratings are shifted so that the finite
//! ones average 1000. A model only bounded (it never lost, or never won, within the anchor's
//! group) or not connected to the anchor gets no `bt_score`.

use super::tally::Tally;
use crate::bt::{self, Estimate};
use std::collections::BTreeMap;

/// Elo points per natural-log unit of strength.
const ELO_PER_UNIT: f64 = 400.0 / std::f64::consts::LN_10;

/// `bt_score` per model (Elo scale) from the tally's pair counts; models without a finite
/// strength are absent.
pub fn bt_scores(tally: &Tally, baseline: Option<u32>) -> BTreeMap<u32, f64> {
    // Dense local ids over the models that appear in a counted row.
    let mut ids: Vec<u32> = tally.pairs.keys().flat_map(|&(a, b)| [a, b]).collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.len() < 2 {
        return BTreeMap::new();
    }
    let local = |m: u32| ids.binary_search(&m).expect("listed above") as u32;
    let counts = tally
        .pairs
        .iter()
        .map(|(&(a, b), &[aw, t, bw])| (local(a), local(b), [aw as f64, t as f64, bw as f64]));
    let comparisons = bt::comparisons_from_counts(ids.len(), counts);
    let most_rows = |m: &u32| tally.records.get(m).map_or(0, |r| r.total());
    let anchor = match baseline.filter(|b| ids.contains(b)) {
        Some(b) => b,
        None => *ids
            .iter()
            .max_by(|x, y| most_rows(x).cmp(&most_rows(y)).then_with(|| y.cmp(x)))
            .expect("two models at least"),
    };
    let fit = bt::fit(&comparisons, local(anchor), None);
    let finite: Vec<(u32, f64)> = ids
        .iter()
        .enumerate()
        .filter(|(i, _)| fit.status[*i] == Estimate::Finite)
        .map(|(i, &m)| (m, ELO_PER_UNIT * fit.beta[i]))
        .collect();
    let shift = if baseline.is_some() {
        0.0
    } else {
        finite.iter().map(|(_, e)| e).sum::<f64>() / finite.len() as f64
    };
    finite
        .into_iter()
        .map(|(m, e)| (m, 1000.0 + e - shift))
        .collect()
}
