//! Judge analysis ("Judges and their biases"): how far a leaderboard depends on who judged it.
//!
//! Each file answers one question about the judges of a bench:
//! - [`consistency`]: does a judge give the same verdict when the two answers swap places?
//! - [`rank_corr`]: Spearman and Kendall rank correlations, with a bootstrap over models.
//! - [`agreement`]: do two leaderboards (two judges, or ours and a published one) order models alike?
//! - [`separability`]: how many model pairs a leaderboard tells apart with confidence.
//! - [`paper_measures`]: agreement with confidence and the Brier score against a reference, as the
//!   Arena-Hard notebook computes them.
//! - [`reference`]: reading a published leaderboard CSV to compare against.
//! - [`family`]: which family a model belongs to, and whether a judge favours its own family.
//! - [`ensemble`]: several judges combined, pooled or averaged, beside each member.
//! - [`what_if`]: which ranks move when one option of the computation changes.
//! - [`length`]: answer length against score, and ranks with style control on and off.
//!
//! [`boards`] computes the per-judge leaderboards they all start from, and [`analysis`] gathers a
//! bench's whole judge analysis as the judges view shows it.
//!
//! Everything works on the same [`crate::bench::Bench`] and [`crate::leaderboard`] as the main
//! leaderboard, so the numbers here are the ones a user sees there.

pub mod agreement;
pub mod analysis;
pub mod boards;
pub mod consistency;
pub mod ensemble;
pub mod family;
pub mod length;
pub mod paper_measures;
pub mod rank_corr;
pub mod reference;
pub mod reference_json;
pub mod separability;
pub mod what_if;

use crate::leaderboard::ModelRow;

/// 1-based ranks by score (highest first), ties broken by name so the order is total and stable.
pub(crate) fn ranks_by_score(rows: &[ModelRow]) -> Vec<(String, u32, f64)> {
    let mut v: Vec<(String, f64)> = rows.iter().map(|r| (r.model.clone(), r.score)).collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.into_iter()
        .enumerate()
        .map(|(i, (m, s))| (m, i as u32 + 1, s))
        .collect()
}
