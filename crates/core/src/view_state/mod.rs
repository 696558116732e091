//! The view state that lives in the URL query: every control of the site, parsed and printed here so
//! that a shared link reproduces the same view and the same numbers (the seed travels with it).
//!
//! Pure and native-testable; the app only reads the query map and navigates to [`ViewState::to_query`].

use crate::battle_set::BattleOptions;
use crate::bootstrap::BootstrapUnit;
use crate::leaderboard::{GroupBy, LeaderboardOptions};
use crate::style::StyleMode;

pub mod keys;
mod scope_request;

/// Table sort columns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    #[default]
    Score,
    Model,
    Rank,
    Width,
    Battles,
    Tokens,
}

impl SortKey {
    pub fn parse(s: &str) -> Option<SortKey> {
        Some(match s {
            "score" => SortKey::Score,
            "model" => SortKey::Model,
            "rank" => SortKey::Rank,
            "width" => SortKey::Width,
            "battles" => SortKey::Battles,
            "tokens" => SortKey::Tokens,
            _ => return None,
        })
    }
    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Score => "score",
            SortKey::Model => "model",
            SortKey::Rank => "rank",
            SortKey::Width => "width",
            SortKey::Battles => "battles",
            SortKey::Tokens => "tokens",
        }
    }
}

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
    pub compat: bool,
    pub sort: SortKey,
    /// Sort ascending instead of the column's natural order.
    pub asc: bool,
    pub filter: String,
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
            compat: d.reference_quirks,
            sort: SortKey::Score,
            asc: false,
            filter: String::new(),
            extra: Vec::new(),
        }
    }
}

/// Largest bootstrap round count a link may ask for, so a hostile link cannot hang a tab.
pub const MAX_ROUNDS: u32 = 10_000;

impl ViewState {
    /// Reads decoded query pairs; unknown or invalid values fall back to defaults.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> ViewState {
        let d = ViewState::default();
        let mut s = d.clone();
        for (k, v) in pairs {
            let opt = || (!v.is_empty()).then(|| v.to_string());
            match k {
                "data" => s.data = opt(),
                "bench" => s.bench = opt(),
                "judge" => {
                    s.judges = v
                        .split(',')
                        .filter(|j| !j.is_empty())
                        .map(str::to_string)
                        .collect()
                }
                "baseline" => s.baseline = opt(),
                "judged" => s.judged_baseline = opt(),
                "weight" => {
                    s.weight = v
                        .parse()
                        .ok()
                        .filter(|w| (1..=100).contains(w))
                        .unwrap_or(d.weight)
                }
                "first" => s.first_game_only = v == "1",
                "rounds" => {
                    s.rounds = v
                        .parse()
                        .ok()
                        .map(|r: u32| r.min(MAX_ROUNDS))
                        .unwrap_or(d.rounds)
                }
                "seed" => s.seed = v.parse().unwrap_or(d.seed),
                "level" => {
                    s.level = v
                        .parse()
                        .ok()
                        .filter(|l: &f64| *l > 0.0 && *l < 1.0)
                        .unwrap_or(d.level)
                }
                "unit" => s.unit = BootstrapUnit::parse(v).unwrap_or_default(),
                "style" => s.style = StyleMode::parse(v).unwrap_or_default(),
                "group" => s.group_by = GroupBy::parse(v),
                "compat" => s.compat = v == "1",
                "sort" => s.sort = SortKey::parse(v).unwrap_or_default(),
                "asc" => s.asc = v == "1",
                "q" => s.filter = v.to_string(),
                _ => s.extra.push((k.to_string(), v.to_string())),
            }
        }
        s
    }

    /// The query string (without `?`), listing only what differs from the defaults, in a fixed order.
    pub fn to_query(&self) -> String {
        let d = ViewState::default();
        let mut parts: Vec<(&str, String)> = Vec::new();
        let mut put = |k: &'static str, v: String| parts.push((k, v));
        if let Some(v) = &self.data {
            put("data", v.clone());
        }
        if let Some(v) = &self.bench {
            put("bench", v.clone());
        }
        if !self.judges.is_empty() {
            put("judge", self.judges.join(","));
        }
        if let Some(v) = &self.baseline {
            put("baseline", v.clone());
        }
        if let Some(v) = &self.judged_baseline {
            put("judged", v.clone());
        }
        if self.weight != d.weight {
            put("weight", self.weight.to_string());
        }
        if self.first_game_only {
            put("first", "1".into());
        }
        if self.rounds != d.rounds {
            put("rounds", self.rounds.to_string());
        }
        if self.seed != d.seed {
            put("seed", self.seed.to_string());
        }
        if self.level != d.level {
            put("level", self.level.to_string());
        }
        if self.unit != d.unit {
            put("unit", self.unit.as_str().into());
        }
        if self.style != d.style {
            put("style", self.style.as_str().into());
        }
        if let Some(g) = self.group_by {
            put("group", g.as_str().into());
        }
        if self.compat {
            put("compat", "1".into());
        }
        if self.sort != d.sort {
            put("sort", self.sort.as_str().into());
        }
        if self.asc {
            put("asc", "1".into());
        }
        if !self.filter.is_empty() {
            put("q", self.filter.clone());
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
            },
            baseline: self.baseline.clone(),
            rounds: self.rounds,
            seed: self.seed,
            level: self.level,
            unit: self.unit,
            style: self.style,
            group_by: self.group_by,
            reference_quirks: self.compat,
        }
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

/// Percent-encodes a query component (everything but RFC 3986 unreserved characters). Written by hand:
/// it is eight lines, and the url crates pull in IDNA tables that would double the WASM size.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes a percent-encoded query component (`+` as space), for tests and native callers.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match u8::from_str_radix(&s[i + 1..i + 3], 16) {
                Ok(v) => {
                    out.push(v);
                    i += 2;
                }
                Err(_) => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Parses a raw query string (with or without `?`).
pub fn parse_query(q: &str) -> ViewState {
    let owned: Vec<(String, String)> = q
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect();
    ViewState::from_pairs(owned.iter().map(|(k, v)| (k.as_str(), v.as_str())))
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
            compat: true,
            sort: SortKey::Width,
            asc: true,
            filter: "gpt 4".into(),
            extra: vec![("prompt".into(), "q1".into())],
        };
        assert_eq!(parse_query(&s.to_query()), s);
        assert_eq!(ViewState::default().to_query(), "");
    }

    #[test]
    fn hostile_values_fall_back() {
        let s = parse_query("?rounds=99999999&level=7&weight=0&unit=zzz&seed=-1");
        assert_eq!(s.rounds, MAX_ROUNDS);
        assert_eq!(s.level, 0.95);
        assert_eq!(s.weight, 3);
        assert_eq!(s.unit, BootstrapUnit::Row);
        assert_eq!(s.seed, crate::leaderboard::DEFAULT_SEED);
    }
}
