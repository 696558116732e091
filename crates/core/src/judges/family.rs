//! Model families and judge self-preference.
//!
//! A family is read from the start of a model's name through a prefix table (`gpt` → openai,
//! `claude` → anthropic, ...). The longest matching prefix wins, a prefix must end at a non-letter
//! (so `yi` matches `yi-large` and `phi` matches `phi3`, but neither matches `yield` or `phind`),
//! and matching ignores case. Users extend or replace entries with a string such as
//! `atlas=atlas,my-model=acme`, which is parsed strictly, kept in the page URL and printed back
//! unchanged.
//!
//! Self-preference: a judge of family F that favours F's models scores them higher than other
//! judges do. Judges differ in overall harshness, and the shared baseline may itself belong to F
//! (which cancels the judge's bonus for F's models and shows up as a penalty for everyone else), so
//! a raw score difference would mislead. The rule is a difference of differences, in win-rate
//! points: for judge J and model m,
//!
//! ```text
//! delta(m)  = score_J(m) − mean over other judges of score_K(m)
//! excess(m) = delta(m) − median of delta over the models outside F   (J's general shift)
//! flagged   = m is in F  and  excess(m) > half-width of J's interval + mean half-width of the others'
//! ```
//!
//! The threshold is the combined interval half-widths, the usual "the intervals no longer overlap"
//! reading; it is deliberately strict, so a flag means a clear preference and not noise. A judge's
//! family comes from its name, with a leading `judge-` or `judge_` removed (so a judge named after
//! its model, or the demo's `judge-atlas`, is recognised).

use crate::leaderboard::Leaderboard;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The built-in prefixes: real vendors and the demo data's invented families.
pub const DEFAULT_FAMILIES: &[(&str, &str)] = &[
    ("gpt", "openai"),
    ("chatgpt", "openai"),
    ("o1", "openai"),
    ("o3", "openai"),
    ("o4", "openai"),
    ("davinci", "openai"),
    ("claude", "anthropic"),
    ("gemini", "google"),
    ("gemma", "google"),
    ("palm", "google"),
    ("llama", "meta"),
    ("meta-llama", "meta"),
    ("mistral", "mistral"),
    ("mixtral", "mistral"),
    ("open-mistral", "mistral"),
    ("open-mixtral", "mistral"),
    ("codestral", "mistral"),
    ("ministral", "mistral"),
    ("qwen", "alibaba"),
    ("qwq", "alibaba"),
    ("deepseek", "deepseek"),
    ("yi", "01-ai"),
    ("command", "cohere"),
    ("c4ai", "cohere"),
    ("aya", "cohere"),
    ("phi", "microsoft"),
    ("wizardlm", "microsoft"),
    ("grok", "xai"),
    ("glm", "zhipu"),
    ("chatglm", "zhipu"),
    ("jamba", "ai21"),
    ("nova", "amazon"),
    ("dbrx", "databricks"),
    ("snowflake", "snowflake"),
    ("starling", "nexusflow"),
    ("athene", "nexusflow"),
    ("olmo", "allenai"),
    ("tulu", "allenai"),
    ("lfm", "liquid"),
    ("minimax", "minimax"),
    ("vicuna", "lmsys"),
    ("hermes", "nousresearch"),
    ("nemotron", "nvidia"),
    // The demo data set's families (crates/demo/src/models.rs).
    ("atlas", "atlas"),
    ("nimbus", "nimbus"),
    ("kestrel", "kestrel"),
    ("tern", "tern"),
    ("quill", "quill"),
    ("brook", "brook"),
];

/// Why a family override string is invalid.
#[derive(Clone, Debug, PartialEq)]
pub enum FamilyError {
    /// An entry has no `=`.
    MissingEquals { entry: String },
    /// An entry's prefix or family is empty.
    Empty { entry: String },
    /// A prefix or family holds a character outside letters, digits and `-_.:/()`.
    BadChar { entry: String, ch: char },
    /// The same prefix twice.
    Duplicate { prefix: String },
}

impl std::fmt::Display for FamilyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FamilyError::MissingEquals { entry } => {
                write!(f, "family entry {entry:?} should be prefix=family")
            }
            FamilyError::Empty { entry } => {
                write!(f, "family entry {entry:?} has an empty prefix or family")
            }
            FamilyError::BadChar { entry, ch } => {
                write!(f, "family entry {entry:?} contains {ch:?}")
            }
            FamilyError::Duplicate { prefix } => write!(f, "prefix {prefix:?} is given twice"),
        }
    }
}

impl std::error::Error for FamilyError {}

/// User overrides: `prefix=family` pairs, in the order given.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyOverrides(pub Vec<(String, String)>);

fn allowed(c: char) -> bool {
    c.is_alphanumeric() || "-_.:/()".contains(c)
}

impl FamilyOverrides {
    /// Parses `prefix=family,prefix=family`; blank input is no overrides. Spaces around entries and
    /// around `=` are ignored; prefixes are lower-cased, as matching ignores case.
    pub fn parse(s: &str) -> Result<FamilyOverrides, FamilyError> {
        let mut out: Vec<(String, String)> = Vec::new();
        for entry in s.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            let (p, f) = entry
                .split_once('=')
                .ok_or_else(|| FamilyError::MissingEquals {
                    entry: entry.into(),
                })?;
            let (p, f) = (p.trim().to_lowercase(), f.trim().to_string());
            if p.is_empty() || f.is_empty() {
                return Err(FamilyError::Empty {
                    entry: entry.into(),
                });
            }
            if let Some(ch) = p.chars().chain(f.chars()).find(|&c| !allowed(c)) {
                return Err(FamilyError::BadChar {
                    entry: entry.into(),
                    ch,
                });
            }
            if out.iter().any(|(q, _)| *q == p) {
                return Err(FamilyError::Duplicate { prefix: p });
            }
            out.push((p, f));
        }
        Ok(FamilyOverrides(out))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Display for FamilyOverrides {
    /// The canonical string: `parse(&o.to_string()) == Ok(o)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, (p, fam)) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            write!(f, "{p}={fam}")?;
        }
        Ok(())
    }
}

/// The prefix table in use: the defaults with the overrides applied.
#[derive(Clone, Debug, PartialEq)]
pub struct FamilyTable {
    /// Lower-cased prefix → family.
    prefixes: BTreeMap<String, String>,
    overrides: FamilyOverrides,
}

impl Default for FamilyTable {
    fn default() -> Self {
        FamilyTable::new(FamilyOverrides::default())
    }
}

impl FamilyTable {
    /// The default table with `overrides` added (an override of a default prefix replaces it).
    pub fn new(overrides: FamilyOverrides) -> FamilyTable {
        let mut prefixes: BTreeMap<String, String> = DEFAULT_FAMILIES
            .iter()
            .map(|(p, f)| (p.to_string(), f.to_string()))
            .collect();
        for (p, f) in &overrides.0 {
            prefixes.insert(p.clone(), f.clone());
        }
        FamilyTable {
            prefixes,
            overrides,
        }
    }

    /// Parses overrides (see [`FamilyOverrides::parse`]) onto the defaults.
    pub fn with_overrides(s: &str) -> Result<FamilyTable, FamilyError> {
        FamilyOverrides::parse(s).map(FamilyTable::new)
    }

    pub fn overrides(&self) -> &FamilyOverrides {
        &self.overrides
    }

    /// The family of a model, by its longest matching prefix.
    pub fn family_of(&self, model: &str) -> Option<&str> {
        let name = model.trim().to_lowercase();
        self.prefixes
            .iter()
            .filter(|(p, _)| {
                name.starts_with(p.as_str())
                    && !name[p.len()..]
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_alphabetic())
            })
            .max_by_key(|(p, _)| p.len())
            .map(|(_, f)| f.as_str())
    }

    /// The family of a judge: of its name, else of its name without a leading `judge-`/`judge_`.
    pub fn family_of_judge(&self, judge: &str) -> Option<&str> {
        self.family_of(judge).or_else(|| {
            let lower = judge.to_lowercase();
            let rest = lower
                .strip_prefix("judge-")
                .or_else(|| lower.strip_prefix("judge_"))?;
            self.family_of(rest)
        })
    }
}

/// Why self-preference cannot be computed.
#[derive(Clone, Debug, PartialEq)]
pub enum SelfPreferenceError {
    /// It compares a judge with the others, so it needs at least two.
    TooFewJudges { judges: usize },
    /// The same judge appears twice among the leaderboards.
    DuplicateJudge { judge: String },
}

impl std::fmt::Display for SelfPreferenceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SelfPreferenceError::TooFewJudges { judges } => write!(
                f,
                "self-preference compares judges, so it needs at least two; got {judges}"
            ),
            SelfPreferenceError::DuplicateJudge { judge } => {
                write!(f, "judge {judge:?} is given twice")
            }
        }
    }
}

impl std::error::Error for SelfPreferenceError {}

/// One judge on one model (see the module notes for the rule).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SelfPreferenceRow {
    pub judge: String,
    pub judge_family: Option<String>,
    pub model: String,
    pub family: Option<String>,
    /// The model is of the judge's family.
    pub same_family: bool,
    pub score_under_judge: f64,
    /// Mean score under the other judges that rated the model.
    pub score_under_others: f64,
    pub delta: f64,
    /// `delta` minus the judge's median delta on models outside its family.
    pub excess: f64,
    /// The combined interval half-widths that `excess` must pass.
    pub threshold: f64,
    pub flagged: bool,
}

/// Per-judge leaderboards in, one row per (judge, model rated by it and by another judge) out.
/// A leaderboard's judge is its `judges` joined with `+`. A leaderboard's display baseline is left
/// out of its rows: its score is 50% by construction, so it cannot show a preference.
pub fn self_preference(
    boards: &[Leaderboard],
    table: &FamilyTable,
) -> Result<Vec<SelfPreferenceRow>, SelfPreferenceError> {
    if boards.len() < 2 {
        return Err(SelfPreferenceError::TooFewJudges {
            judges: boards.len(),
        });
    }
    let names: Vec<String> = boards.iter().map(|b| b.judges.join("+")).collect();
    for (i, n) in names.iter().enumerate() {
        if names[..i].contains(n) {
            return Err(SelfPreferenceError::DuplicateJudge { judge: n.clone() });
        }
    }
    // model -> per board (score, half-width)
    let mut by_model: BTreeMap<&str, Vec<Option<(f64, f64)>>> = BTreeMap::new();
    for (k, b) in boards.iter().enumerate() {
        for r in b.models.iter().filter(|r| r.model != b.baseline) {
            by_model
                .entry(r.model.as_str())
                .or_insert_with(|| vec![None; boards.len()])[k] =
                Some((r.score, (r.upper - r.lower).max(0.0) / 2.0));
        }
    }
    let mut out = Vec::new();
    for (k, judge) in names.iter().enumerate() {
        let jf = table.family_of_judge(judge).map(str::to_string);
        let mut rows: Vec<SelfPreferenceRow> = Vec::new();
        for (&model, scores) in &by_model {
            let Some((s, hw)) = scores[k] else { continue };
            let others: Vec<(f64, f64)> = scores
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != k)
                .filter_map(|(_, v)| *v)
                .collect();
            if others.is_empty() {
                continue;
            }
            let n = others.len() as f64;
            let mean = others.iter().map(|o| o.0).sum::<f64>() / n;
            let other_hw = others.iter().map(|o| o.1).sum::<f64>() / n;
            let family = table.family_of(model).map(str::to_string);
            let same = jf.is_some() && family == jf;
            rows.push(SelfPreferenceRow {
                judge: judge.clone(),
                judge_family: jf.clone(),
                model: model.to_string(),
                family,
                same_family: same,
                score_under_judge: s,
                score_under_others: mean,
                delta: s - mean,
                excess: 0.0,
                threshold: hw + other_hw,
                flagged: false,
            });
        }
        let mut outside: Vec<f64> = rows
            .iter()
            .filter(|r| !r.same_family)
            .map(|r| r.delta)
            .collect();
        let shift = median(&mut outside).unwrap_or(0.0);
        for r in &mut rows {
            r.excess = r.delta - shift;
            r.flagged = r.same_family && r.excess > r.threshold;
        }
        out.extend(rows);
    }
    Ok(out)
}

fn median(v: &mut [f64]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        0.5 * (v[n / 2 - 1] + v[n / 2])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_prefix_at_a_word_boundary() {
        let t = FamilyTable::default();
        assert_eq!(t.family_of("gpt-4o-2024-05-13"), Some("openai"));
        assert_eq!(t.family_of("chatgpt-4o-latest"), Some("openai"));
        assert_eq!(t.family_of("o3-mini-high"), Some("openai"));
        assert_eq!(t.family_of("Llama-3.1-8B"), Some("meta"));
        assert_eq!(t.family_of("qwen2-72b-instruct"), Some("alibaba"));
        assert_eq!(t.family_of("phi3-mini"), Some("microsoft"));
        assert_eq!(t.family_of("yi-large"), Some("01-ai"));
        assert_eq!(t.family_of("yield-7b"), None);
        assert_eq!(t.family_of("atlas-base"), Some("atlas"));
        assert_eq!(t.family_of_judge("judge-atlas"), Some("atlas"));
        assert_eq!(t.family_of_judge("judge-sage"), None);
        assert_eq!(t.family_of_judge("gpt-4-1106-preview"), Some("openai"));
    }

    #[test]
    fn overrides_parse_strictly_and_round_trip() {
        let o = FamilyOverrides::parse(" Sage = sage-labs ,gpt-4o=omni").unwrap();
        assert_eq!(o.to_string(), "sage=sage-labs,gpt-4o=omni");
        assert_eq!(FamilyOverrides::parse(&o.to_string()).unwrap(), o);
        let t = FamilyTable::new(o);
        assert_eq!(t.family_of_judge("judge-sage"), Some("sage-labs"));
        assert_eq!(t.family_of("gpt-4o-mini"), Some("omni"));
        assert_eq!(t.family_of("gpt-4-turbo"), Some("openai"));
        assert!(matches!(
            FamilyOverrides::parse("gpt"),
            Err(FamilyError::MissingEquals { .. })
        ));
        assert!(matches!(
            FamilyOverrides::parse("=x"),
            Err(FamilyError::Empty { .. })
        ));
        assert!(matches!(
            FamilyOverrides::parse("a=b&c"),
            Err(FamilyError::BadChar { ch: '&', .. })
        ));
        assert!(matches!(
            FamilyOverrides::parse("a=b,A=c"),
            Err(FamilyError::Duplicate { .. })
        ));
        assert_eq!(
            FamilyOverrides::parse("").unwrap(),
            FamilyOverrides::default()
        );
    }
}
