//! One parser per typed URL key. [`super::ViewState::apply`] (and so `from_pairs`) reads every link
//! through these, and the controls read what a reader types through the same functions, so a value's
//! range and cap are written once. Each returns `None` for a value it refuses; the caller then uses
//! the default ([`super::ViewState::default`], which takes the computation's defaults from
//! `LeaderboardOptions::default`).

use super::aliases::Domain;
use super::SortKey;
use crate::bootstrap::{BootstrapUnit, Purpose};
use crate::cluster::Method;
use crate::leaderboard::GroupBy;
use crate::style::StyleMode;
use std::ops::RangeInclusive;

/// Largest bootstrap round count a link may ask for, so a hostile link cannot hang a tab: the largest
/// cap of [`Purpose`]'s table.
pub const MAX_ROUNDS: u32 = Purpose::Leaderboard.max_rounds();

/// The strong-verdict weights a link may ask for.
pub const WEIGHTS: RangeInclusive<u32> = 1..=100;

/// The confidence levels the controls offer (a link may carry any level in (0, 1)).
pub const LEVELS: [f64; 4] = [0.8, 0.9, 0.95, 0.99];

/// A name (data URL, bench, model): empty means none.
pub fn text(raw: &str) -> Option<String> {
    (!raw.is_empty()).then(|| raw.to_string())
}

/// A comma-separated list of names (judges), empty items dropped.
pub fn list(raw: &str) -> Vec<String> {
    raw.split(',')
        .filter(|j| !j.is_empty())
        .map(str::to_string)
        .collect()
}

/// A switch: on only for `1`.
pub fn flag(raw: &str) -> bool {
    raw == "1"
}

/// How many times a strong verdict counts, within [`WEIGHTS`].
pub fn weight(raw: &str) -> Option<u32> {
    raw.parse().ok().filter(|w| WEIGHTS.contains(w))
}

/// Bootstrap rounds, capped at [`MAX_ROUNDS`] (a page may cap lower: [`Purpose::cap`]).
pub fn rounds(raw: &str) -> Option<u32> {
    raw.parse().ok().map(|r: u32| r.min(MAX_ROUNDS))
}

/// The bootstrap seed.
pub fn seed(raw: &str) -> Option<u64> {
    raw.parse().ok()
}

/// A confidence level, strictly between 0 and 1 (NaN and infinities refused).
pub fn level(raw: &str) -> Option<f64> {
    raw.parse().ok().filter(|l: &f64| *l > 0.0 && *l < 1.0)
}

pub fn unit(raw: &str) -> Option<BootstrapUnit> {
    BootstrapUnit::parse(Domain::Unit.canonical(raw))
}

pub fn style(raw: &str) -> Option<StyleMode> {
    StyleMode::parse(raw)
}

/// A prompt label field (`group`, and the clusters page's `label` besides `computed`).
pub fn group(raw: &str) -> Option<GroupBy> {
    GroupBy::parse(Domain::GroupBy.canonical(raw))
}

/// The scoring method (`method`).
pub fn scoring(raw: &str) -> Option<crate::method::Method> {
    crate::method::Method::parse(Domain::Scoring.canonical(raw))
}

/// The clustering algorithm (`cmethod`).
pub fn method(raw: &str) -> Option<Method> {
    Method::parse(Domain::Method.canonical(raw))
}

pub fn sort(raw: &str) -> Option<SortKey> {
    SortKey::parse(raw)
}

/// A minimum criteria score, 0 to 7.
pub fn min_criteria(raw: &str) -> Option<u8> {
    raw.trim().parse::<u8>().ok().filter(|m| *m <= 7)
}

/// One of the seven criteria, by its key ([`crate::criteria::Criterion::parse`]).
pub fn criterion(raw: &str) -> Option<crate::criteria::Criterion> {
    crate::criteria::Criterion::parse(raw)
}

/// A prompt search: blank means none.
pub fn search(raw: &str) -> Option<String> {
    (!raw.trim().is_empty()).then(|| raw.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_caps() {
        assert_eq!(weight("0"), None);
        assert_eq!(weight("100"), Some(100));
        assert_eq!(weight("101"), None);
        assert_eq!(rounds("99999999"), Some(MAX_ROUNDS));
        assert_eq!(rounds("-1"), None);
        assert_eq!(level("1"), None);
        assert_eq!(level("NaN"), None);
        assert_eq!(level("0.9"), Some(0.9));
        assert_eq!(list(",a,,b,"), vec!["a", "b"]);
        assert_eq!(group("ko-cluster"), Some(GroupBy::KoCluster));
        assert_eq!(unit("prompts"), Some(BootstrapUnit::Prompt));
        assert_eq!(method("k-means"), Some(Method::Kmeans));
    }
}
