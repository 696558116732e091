//! [`resolve`]: a data set and a [`ScopeRequest`] in, a [`Scope`] (or a [`ScopeError`]) out.

use super::baseline::{self, Baseline, Found};
use super::error::ScopeError;
use super::judges;
use super::note::{Inference, ScopeNote};
use super::request::{Purpose, ScopeRequest, Several};
use crate::bench::Bench;
use crate::dataset::Dataset;
use crate::error::Error;
use crate::method::Method;

/// What a view works on, resolved once: every name in it is in the data (or, for the judged
/// baseline, legitimately implicit), and every choice the request left open is made.
#[derive(Clone, Debug, PartialEq)]
pub struct Scope {
    pub bench: String,
    /// Every judge of the bench, sorted by name: what a judge picker lists.
    pub all_judges: Vec<String>,
    /// The judges in use, sorted by name: the pool (leaderboard), the one judge shown (compare,
    /// clusters; empty when the bench has no judgments), or every judge analysed (judges).
    pub judges: Vec<String>,
    /// Their ids in the bench, in the same order.
    pub judge_ids: Vec<u32>,
    /// The display baseline the request named (checked); `None`: the leaderboard shows the judged
    /// baseline (or, for a battles file, the most frequent `model_a`).
    pub baseline: Option<String>,
    /// The model rows without a baseline of their own were judged against. `None` when every row
    /// names its own (v2.0), when there are no judgments, or when a one-judge view goes without it
    /// (then a [`ScopeNote::NoJudgedBaseline`] says why).
    pub judged_baseline: Option<String>,
    /// Its id, when the bench holds the model (answers or verdicts).
    pub judged_baseline_id: Option<u32>,
    /// The scoring method: the one asked for, else the data's own (v2.0 data: v2.0's).
    pub method: Method,
    pub notes: Vec<ScopeNote>,
}

impl Scope {
    /// The bench, from the data set the scope was resolved on.
    pub fn bench<'a>(&self, ds: &'a Dataset) -> &'a Bench {
        &ds.benches[&self.bench]
    }

    /// The one judge a one-judge view shows (the first in use otherwise).
    pub fn judge(&self) -> Option<&str> {
        self.judges.first().map(String::as_str)
    }

    /// Its id.
    pub fn judge_id(&self) -> Option<u32> {
        self.judge_ids.first().copied()
    }
}

/// Resolves a request against a data set, by the policy of the module notes.
pub fn resolve(ds: &Dataset, req: &ScopeRequest) -> Result<Scope, ScopeError> {
    let mut notes = Vec::new();
    let bench = choose_bench(ds, req, &mut notes)?;
    let ids = match req.purpose {
        Purpose::Leaderboard => judges::pool(bench, &req.judges, req.several)?,
        Purpose::Judges => judges::each(bench, &req.judges)?,
        Purpose::Compare | Purpose::Clusters => {
            judges::one(bench, req.tab.as_deref(), &req.judges, &mut notes)?
                .into_iter()
                .collect()
        }
    };
    let judged = if ids.is_empty() {
        Ok(None)
    } else if !baseline::needed(bench) {
        if let Some(name) = &req.judged_baseline {
            notes.push(ScopeNote::JudgedBaselineUnused { name: name.clone() });
        }
        Ok(None)
    } else {
        baseline::judged(
            bench,
            &ids,
            req.judged_baseline.as_deref(),
            req.baseline.as_deref(),
        )
        .map(Some)
    };
    let judged_name = match &judged {
        Ok(Some((b, _))) => Some(b.name(bench).to_string()),
        _ => None,
    };
    if let Some(name) = &req.baseline {
        baseline::display(bench, name, judged_name.as_deref())?;
    }
    let judged = match judged {
        Ok(j) => j,
        // A one-judge view can read games by position without knowing the baseline.
        Err(reason) if req.purpose.one_judge() => {
            notes.push(ScopeNote::NoJudgedBaseline { reason });
            None
        }
        Err(e) => return Err(e),
    };
    if let Some((b, found)) = &judged {
        let name = b.name(bench).to_string();
        match (found, b) {
            (Found::OnlyUnjudged, _) => notes.push(ScopeNote::JudgedBaselineInferred {
                name,
                how: Inference::OnlyUnjudged,
            }),
            (Found::ReferenceDefault, _) => notes.push(ScopeNote::JudgedBaselineInferred {
                name,
                how: Inference::ReferenceDefault,
            }),
            (Found::Named | Found::Manifest, Baseline::New(_)) => {
                notes.push(ScopeNote::JudgedBaselineWithoutFiles { name })
            }
            _ => {}
        }
    }
    let method = req.method.unwrap_or_else(|| {
        let m = Method::default_for(bench);
        if m != Method::default() {
            notes.push(ScopeNote::MethodForData { method: m });
        }
        m
    });
    Ok(Scope {
        bench: bench.name.clone(),
        all_judges: judges::sorted_names(bench),
        judges: ids
            .iter()
            .map(|&j| bench.judges.name(j).to_string())
            .collect(),
        judge_ids: ids,
        baseline: req.baseline.clone(),
        judged_baseline: judged.as_ref().map(|(b, _)| b.name(bench).to_string()),
        judged_baseline_id: judged.as_ref().and_then(|(b, _)| b.id()),
        method,
        notes,
    })
}

/// The bench: [`Dataset::bench`]'s rule (the named one, else the only one with verdicts), then what
/// the request allows when that leaves it open: the first of several by name, or for a one-judge
/// view (compare, clusters) a bench that has prompts or answers but no verdicts.
fn choose_bench<'a>(
    ds: &'a Dataset,
    req: &ScopeRequest,
    notes: &mut Vec<ScopeNote>,
) -> Result<&'a Bench, ScopeError> {
    let first_of =
        |found: Vec<String>, notes: &mut Vec<ScopeNote>| -> Result<&'a Bench, ScopeError> {
            match req.several {
                Several::Ask => Err(ScopeError::AmbiguousBench { found }),
                Several::First => {
                    let shown = found[0].clone();
                    notes.push(ScopeNote::BenchChosen {
                        shown: shown.clone(),
                        found,
                    });
                    Ok(&ds.benches[&shown])
                }
            }
        };
    match ds.bench(req.bench.as_deref()) {
        Ok(b) => Ok(b),
        Err(Error::AmbiguousBench { found }) => first_of(found, notes),
        Err(Error::NoData) if req.purpose.one_judge() => {
            // Answers register their prompts, so an answers-only bench has prompts too.
            let with_prompts: Vec<String> = ds
                .benches
                .values()
                .filter(|b| !b.prompts.is_empty() || !b.answers.is_empty())
                .map(|b| b.name.clone())
                .collect();
            match with_prompts.len() {
                0 => Err(ScopeError::NoData),
                1 => Ok(&ds.benches[&with_prompts[0]]),
                _ => first_of(with_prompts, notes),
            }
        }
        Err(e) => Err(ScopeError::from_error(e).unwrap_or(ScopeError::NoData)),
    }
}
