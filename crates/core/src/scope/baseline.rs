//! The judged baseline: the model v0.1 judgment rows were judged against. v0.1 rows never name it
//! (game 1 shows it as Assistant A), and its answers may be absent, so it is named or inferred:
//!
//! 1. the judged baseline the request names, taken as given even when no file mentions it;
//! 2. the display baseline, if the data knows it (that is what show_result.py's `--baseline`
//!    means; a display baseline the data lacks is a typo, not a model);
//! 3. the manifest's baseline, taken as given;
//! 4. the only model with answers but no judgments by the judges in use;
//! 5. the reference tool's default, [`REFERENCE_DEFAULT_BASELINE`], if the data holds it.
//!
//! v2.0 rows name their own baseline; only rows that do not need this.

use super::error::ScopeError;
use crate::bench::{Bench, Layout};

/// The reference tool's default baseline, used when nothing else names one.
pub const REFERENCE_DEFAULT_BASELINE: &str = "gpt-4-0314";

/// A resolved judged baseline: a model the bench knows, or a name only the request (or a manifest)
/// gives.
#[derive(Clone, Debug, PartialEq)]
pub enum Baseline {
    Known(u32),
    New(String),
}

impl Baseline {
    /// The model's name.
    pub fn name<'a>(&'a self, bench: &'a Bench) -> &'a str {
        match self {
            Baseline::Known(id) => bench.models.name(*id),
            Baseline::New(name) => name,
        }
    }

    /// The model's id, when the bench knows it.
    pub fn id(&self) -> Option<u32> {
        match self {
            Baseline::Known(id) => Some(*id),
            Baseline::New(_) => None,
        }
    }
}

/// Which rule found the judged baseline (the numbered list of the module notes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    Named,
    DisplayBaseline,
    Manifest,
    OnlyUnjudged,
    ReferenceDefault,
}

/// True when some judgment rows do not name their baseline, so a judged baseline is needed.
/// MT-Bench pair rows always name both models.
pub fn needed(bench: &Bench) -> bool {
    !bench.judgments.is_empty()
        && (!matches!(
            bench.layout,
            Layout::V20 | Layout::AlpacaEval | Layout::WildBench | Layout::MtBench
        ) || bench.judgments.iter().any(|j| j.baseline.is_none()))
}

/// Models with an answer file and no judgment file by any of `judges`, in answer-file order.
fn unjudged(bench: &Bench, judges: &[u32]) -> Vec<u32> {
    bench
        .answer_files
        .iter()
        .copied()
        .filter(|m| {
            judges.iter().all(|&j| {
                !bench
                    .judged_models
                    .get(j as usize)
                    .is_some_and(|v| v.contains(m))
            })
        })
        .collect()
}

fn sorted_models(bench: &Bench) -> Vec<String> {
    let mut v = bench.model_names().to_vec();
    v.sort();
    v
}

/// Finds the judged baseline for the judges in use (ids), by the rules of the module notes.
/// `explicit` is the named judged baseline, `display` the display baseline.
pub fn judged(
    bench: &Bench,
    judges: &[u32],
    explicit: Option<&str>,
    display: Option<&str>,
) -> Result<(Baseline, Found), ScopeError> {
    let named = |name: &str| match bench.models.get(name) {
        Some(id) => Baseline::Known(id),
        None => Baseline::New(name.to_string()),
    };
    if let Some(b) = explicit {
        return Ok((named(b), Found::Named));
    }
    if let Some(id) = display.and_then(|b| bench.models.get(b)) {
        return Ok((Baseline::Known(id), Found::DisplayBaseline));
    }
    if let Some(b) = bench.manifest_baseline.as_deref() {
        return Ok((named(b), Found::Manifest));
    }
    let free = unjudged(bench, judges);
    if free.len() == 1 && !bench.judgments.is_empty() {
        return Ok((Baseline::Known(free[0]), Found::OnlyUnjudged));
    }
    if let Some(id) = bench.models.get(REFERENCE_DEFAULT_BASELINE) {
        return Ok((Baseline::Known(id), Found::ReferenceDefault));
    }
    Err(match display {
        Some(name) => ScopeError::UnknownBaseline {
            name: name.to_string(),
            models: sorted_models(bench),
        },
        None => {
            let mut candidates: Vec<String> = free
                .iter()
                .map(|&m| bench.models.name(m).to_string())
                .collect();
            candidates.sort();
            ScopeError::NoBaseline {
                candidates,
                models: sorted_models(bench),
            }
        }
    })
}

/// The named display baseline, checked: the data must name the model somewhere (an answer, a
/// judgment, a battle), or it must be the judged baseline itself (v0.1's implicit side).
pub fn display(bench: &Bench, name: &str, judged: Option<&str>) -> Result<(), ScopeError> {
    if bench.models.get(name).is_some() || judged == Some(name) {
        Ok(())
    } else {
        Err(ScopeError::UnknownBaseline {
            name: name.to_string(),
            models: sorted_models(bench),
        })
    }
}
