//! The view state that lives in the URL query: every control of the site, parsed and printed here so
//! that a shared link reproduces the same view and the same numbers (the seed travels with it).
//!
//! Pure and native-testable; the app only reads the query map and navigates to [`ViewState::to_query`].
//!
//! - [`keys`]: every key of every page, declared once.
//! - [`parse`]: one parser per typed key, used by [`ViewState::apply`] (so by every link) and by the
//!   controls, so a value's range, cap and default live once.
//! - [`aliases`]: the one spelling of each enumerated value (shared with the CLI) and the other
//!   spellings accepted for it.
//! - [`ViewState::bootstrap`]: the bootstrap a page runs, with its rounds capped by the one table in
//!   [`crate::bootstrap::Purpose`].
//!
//! **Old links.** Every key a link has carried is still read the same way; none is renamed, so no key
//! needs an alias. The judge is in four keys because they are three different choices, and merging
//! them would change what old links open: `judge` is the set of judges the leaderboard pools (a list),
//! `cjudge` is the one judge whose verdicts the compare and clusters pages read (already shared by
//! both, so a judge picked on one stays picked on the other), and `jx`/`jy` are the two judges the
//! judges page sets side by side. Likewise the leaderboard's `group` and the clusters page's `label`
//! name the same kind of value (a label field) but stay two keys, because the two pages default
//! differently (no grouping / the finest label). What does change is spelling: values accept their
//! aliases (`group=ko-cluster`, `unit=rows`, `cmethod=k-means`) and print under the canonical name.

use crate::battle_set::BattleOptions;
use crate::bootstrap::{BootstrapSpec, BootstrapUnit, Purpose};
use crate::leaderboard::{GroupBy, LeaderboardOptions};
use crate::method::Method;
use crate::style::StyleMode;
use crate::subset::PromptSubset;

pub mod aliases;
pub mod diff_request;
pub mod keys;
pub mod parse;
mod query;
mod scope_request;
mod sort_key;

pub use parse::MAX_ROUNDS;
pub use query::{decode, encode, parse_query};
pub use sort_key::SortKey;

/// Everything a link restores.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewState {
    /// Data URL (relative or absolute http(s)): a folder with `manifest.json`, or one battles file.
    pub data: Option<String>,
    pub bench: Option<String>,
    pub judges: Vec<String>,
    pub baseline: Option<String>,
    pub judged_baseline: Option<String>,
    pub weight: u32,
    pub first_game_only: bool,
    pub rounds: u32,
    pub seed: u64,
    pub level: f64,
    pub unit: BootstrapUnit,
    pub style: StyleMode,
    pub group_by: Option<GroupBy>,
    /// The scoring method asked for (`None`: the data's own, decided by the scope resolver).
    /// `compat=1`, the older spelling of `method=show-result-v0.1`, still opens it.
    pub method: Option<Method>,
    pub sort: SortKey,
    /// Sort ascending instead of the column's natural order.
    pub asc: bool,
    pub filter: String,
    /// The prompts every leaderboard of the view scores (default: all).
    pub subset: PromptSubset,
    /// Extra keys other pages own (compare, clusters, judges), kept verbatim.
    pub extra: Vec<(String, String)>,
}

impl Default for ViewState {
    /// The computation's defaults come from [`LeaderboardOptions::default`], so the site and the CLI
    /// cannot drift apart.
    fn default() -> Self {
        let d = LeaderboardOptions::default();
        ViewState {
            data: None,
            bench: None,
            judges: d.battles.judges,
            baseline: d.baseline,
            judged_baseline: d.battles.judged_baseline,
            weight: d.battles.weight,
            first_game_only: d.battles.first_game_only,
            rounds: d.rounds,
            seed: d.seed,
            level: d.level,
            unit: d.unit,
            style: d.style,
            group_by: d.group_by,
            method: None,
            sort: SortKey::Score,
            asc: false,
            filter: String::new(),
            subset: d.subset,
            extra: Vec::new(),
        }
    }
}

impl ViewState {
    /// Reads decoded query pairs; unknown or invalid values fall back to defaults. Keys that are not
    /// fields are kept in `extra` in order, their values under their canonical spelling.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> ViewState {
        let mut s = ViewState::default();
        for (k, v) in pairs {
            if !s.apply(k, v) {
                s.extra
                    .push((k.to_string(), aliases::canonical(k, v).to_string()));
            }
        }
        s
    }

    /// Sets the field `key` names from a raw value, as a link would (through [`parse`]): an invalid
    /// value gives the default. Returns `false`, changing nothing, when `key` is not a field (a page's
    /// own key: see [`ViewState::set_extra`]). The controls call this with what the reader typed.
    pub fn apply(&mut self, key: &str, raw: &str) -> bool {
        use self::keys as k;
        let d = ViewState::default();
        match key {
            k::DATA => self.data = parse::text(raw),
            k::BENCH => self.bench = parse::text(raw),
            k::JUDGE => self.judges = parse::list(raw),
            k::BASELINE => self.baseline = parse::text(raw),
            k::JUDGED => self.judged_baseline = parse::text(raw),
            k::WEIGHT => self.weight = parse::weight(raw).unwrap_or(d.weight),
            k::FIRST => self.first_game_only = parse::flag(raw),
            k::ROUNDS => self.rounds = parse::rounds(raw).unwrap_or(d.rounds),
            k::SEED => self.seed = parse::seed(raw).unwrap_or(d.seed),
            k::LEVEL => self.level = parse::level(raw).unwrap_or(d.level),
            k::UNIT => self.unit = parse::unit(raw).unwrap_or(d.unit),
            k::STYLE => self.style = parse::style(raw).unwrap_or(d.style),
            k::GROUP => self.group_by = parse::group(raw),
            k::METHOD => self.method = parse::scoring(raw),
            k::COMPAT => {
                if parse::flag(raw) {
                    self.method = Some(Method::ShowResultV01);
                }
            }
            k::SORT => self.sort = parse::sort(raw).unwrap_or(d.sort),
            k::ASC => self.asc = parse::flag(raw),
            k::FILTER => self.filter = raw.to_string(),
            k::PROMPT_IDS => self.subset.encoded = parse::text(raw),
            k::MIN_CRITERIA => self.subset.min_criteria = parse::min_criteria(raw),
            k::CRITERION => self.subset.criterion = parse::criterion(raw),
            k::SEARCH => self.subset.search = parse::search(raw),
            _ => return false,
        }
        true
    }

    /// The query string (without `?`), listing only what differs from the defaults, in a fixed order.
    pub fn to_query(&self) -> String {
        use self::keys as k;
        let d = ViewState::default();
        let mut parts: Vec<(&str, String)> = Vec::new();
        let mut put = |k: &'static str, v: String| parts.push((k, v));
        if let Some(v) = &self.data {
            put(k::DATA, v.clone());
        }
        if let Some(v) = &self.bench {
            put(k::BENCH, v.clone());
        }
        if !self.judges.is_empty() {
            put(k::JUDGE, self.judges.join(","));
        }
        if let Some(v) = &self.baseline {
            put(k::BASELINE, v.clone());
        }
        if let Some(v) = &self.judged_baseline {
            put(k::JUDGED, v.clone());
        }
        if self.weight != d.weight {
            put(k::WEIGHT, self.weight.to_string());
        }
        if self.first_game_only {
            put(k::FIRST, "1".into());
        }
        if self.rounds != d.rounds {
            put(k::ROUNDS, self.rounds.to_string());
        }
        if self.seed != d.seed {
            put(k::SEED, self.seed.to_string());
        }
        if self.level != d.level {
            put(k::LEVEL, self.level.to_string());
        }
        if self.unit != d.unit {
            put(k::UNIT, self.unit.as_str().into());
        }
        if self.style != d.style {
            put(k::STYLE, self.style.as_str().into());
        }
        if let Some(g) = self.group_by {
            put(k::GROUP, g.as_str().into());
        }
        if let Some(m) = self.method {
            put(k::METHOD, m.as_str().into());
        }
        if self.sort != d.sort {
            put(k::SORT, self.sort.as_str().into());
        }
        if self.asc {
            put(k::ASC, "1".into());
        }
        if !self.filter.is_empty() {
            put(k::FILTER, self.filter.clone());
        }
        let sub = &self.subset;
        if let Some(v) = &sub.encoded {
            put(k::PROMPT_IDS, v.clone());
        }
        if let Some(m) = sub.min_criteria {
            put(k::MIN_CRITERIA, m.to_string());
        }
        if let Some(c) = sub.criterion {
            put(k::CRITERION, c.key().into());
        }
        if let Some(v) = &sub.search {
            put(k::SEARCH, v.clone());
        }
        let mut out: Vec<String> = parts
            .into_iter()
            .map(|(k, v)| format!("{k}={}", encode(&v)))
            .collect();
        out.extend(
            self.extra
                .iter()
                .map(|(k, v)| format!("{}={}", encode(k), encode(v))),
        );
        out.join("&")
    }

    /// The computation this view asks for.
    pub fn options(&self) -> LeaderboardOptions {
        LeaderboardOptions {
            battles: BattleOptions {
                judges: self.judges.clone(),
                judged_baseline: self.judged_baseline.clone(),
                weight: self.weight,
                first_game_only: self.first_game_only,
                keep_self_battles: false,
                drop_inconsistent: false,
                include_non_anony: false,
            },
            baseline: self.baseline.clone(),
            rounds: self.rounds,
            seed: self.seed,
            level: self.level,
            unit: self.unit,
            style: self.style,
            group_by: self.group_by,
            method: self.method.unwrap_or_default(),
            subset: self.subset.clone(),
        }
    }

    /// The bootstrap a page runs for `purpose` under `method` (the scope's): the link's seed and
    /// level, its rounds capped by [`Purpose`]'s table, and its unit where the analysis has a choice
    /// (compare and clusters always resample prompts: their scores are per prompt). A level or unit
    /// the method fixes replaces the link's.
    pub fn bootstrap(&self, purpose: Purpose, method: Method) -> BootstrapSpec {
        let unit = match purpose {
            Purpose::Leaderboard | Purpose::Judges => method.unit(self.unit),
            Purpose::Compare | Purpose::Clusters => BootstrapUnit::Prompt,
        };
        let level = method.level(self.level);
        let rounds = purpose.cap(self.rounds);
        // `level` is checked by every parse; only code that writes the field directly can break it,
        // and then the default level is the least surprising answer.
        BootstrapSpec::new(rounds, self.seed, level, unit).unwrap_or_else(|_| {
            BootstrapSpec::new(rounds, self.seed, ViewState::default().level, unit)
                .expect("the default level is in (0, 1)")
        })
    }

    /// An extra key's value.
    pub fn extra(&self, key: &str) -> Option<&str> {
        self.extra
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Sets (or with `None`, removes) an extra key.
    pub fn set_extra(&mut self, key: &str, value: Option<String>) {
        self.extra.retain(|(k, _)| k != key);
        if let Some(v) = value {
            self.extra.push((key.to_string(), v));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_field_and_odd_names() {
        let s = ViewState {
            data: Some("http://127.0.0.1:9/x y/".into()),
            bench: Some("ko".into()),
            judges: vec!["judge a".into(), "b&c".into()],
            baseline: Some("chatgpt-4o-latest(2025-03-26)".into()),
            judged_baseline: Some("모델/x".into()),
            weight: 1,
            first_game_only: true,
            rounds: 250,
            seed: 7,
            level: 0.9,
            unit: BootstrapUnit::Prompt,
            style: StyleMode::Length,
            group_by: Some(GroupBy::Cluster),
            method: Some(Method::ShowResultV01),
            sort: SortKey::Width,
            asc: true,
            filter: "gpt 4".into(),
            subset: PromptSubset {
                encoded: Some("dAQ.xyzxyz".into()),
                min_criteria: Some(6),
                criterion: Some(crate::criteria::Criterion::RealWorld),
                search: Some("sort a list".into()),
                ..PromptSubset::default()
            },
            extra: vec![("prompt".into(), "q1".into())],
        };
        assert_eq!(parse_query(&s.to_query()), s);
        assert_eq!(ViewState::default().to_query(), "");
    }

    #[test]
    fn bootstrap_caps_rounds_per_purpose_and_fixes_the_unit_where_there_is_no_choice() {
        let s = parse_query("rounds=5000&unit=row&seed=9&level=0.9");
        let m = Method::ArenaLens;
        let lb = s.bootstrap(Purpose::Leaderboard, m);
        assert_eq!((lb.rounds(), lb.seed(), lb.level()), (5000, 9, 0.9));
        assert_eq!(s.bootstrap(Purpose::Compare, m).rounds(), 2_000);
        assert_eq!(s.bootstrap(Purpose::Clusters, m).rounds(), 1_000);
        assert_eq!(s.bootstrap(Purpose::Judges, m).rounds(), 200);
        assert_eq!(s.bootstrap(Purpose::Judges, m).unit(), BootstrapUnit::Row);
        assert_eq!(
            s.bootstrap(Purpose::Clusters, m).unit(),
            BootstrapUnit::Prompt
        );
        let broken = ViewState {
            level: 7.0,
            ..ViewState::default()
        };
        assert_eq!(broken.bootstrap(Purpose::Leaderboard, m).level(), 0.95);
        // An anchor method fixes what its tool fixes: v2.0 prints 5-95%, v0.1 resamples rows.
        let p = parse_query("unit=prompt&level=0.99");
        assert_eq!(
            p.bootstrap(Purpose::Compare, Method::ArenaHardV20).level(),
            0.9
        );
        let v01 = p.bootstrap(Purpose::Leaderboard, Method::ShowResultV01);
        assert_eq!((v01.unit(), v01.level()), (BootstrapUnit::Row, 0.95));
        assert_eq!(
            p.bootstrap(Purpose::Leaderboard, m).unit(),
            BootstrapUnit::Prompt
        );
    }

    #[test]
    fn apply_reads_a_typed_value_as_a_link_would() {
        let mut s = parse_query("seed=7&rounds=300");
        assert!(s.apply(keys::ROUNDS, "20000"));
        assert_eq!(s.rounds, MAX_ROUNDS);
        assert!(s.apply(keys::SEED, "oops"));
        assert_eq!(s.seed, crate::leaderboard::DEFAULT_SEED);
        // The weight control used to clamp (0 -> 1, 500 -> 100) where a link fell back to the
        // default; both now read through `parse::weight`, so a value outside 1..=100 gives 3.
        assert!(s.apply(keys::WEIGHT, "500"));
        assert_eq!(s.weight, 3);
        assert!(!s.apply(keys::compare::A, "m"));
        assert_eq!(s.extra(keys::compare::A), None);
    }

    #[test]
    fn value_aliases_print_under_their_canonical_name() {
        let s = parse_query(
            "group=ko-cluster&unit=prompts&label=ko-cluster&cmethod=k-means&method=show-result-compat",
        );
        assert_eq!(
            s.to_query(),
            "group=ko_cluster&method=show-result-v0.1&label=ko_cluster&cmethod=kmeans"
        );
    }

    #[test]
    fn hostile_values_fall_back() {
        let s = parse_query("?rounds=99999999&level=7&weight=0&unit=zzz&seed=-1&method=zzz");
        assert_eq!(s.rounds, MAX_ROUNDS);
        assert_eq!(s.level, 0.95);
        assert_eq!(s.weight, 3);
        // arena-lens's default unit: prompts.
        assert_eq!(s.unit, BootstrapUnit::Prompt);
        assert_eq!(s.method, None, "an unknown method leaves the data's own");
        assert_eq!(s.seed, crate::leaderboard::DEFAULT_SEED);
    }
}
