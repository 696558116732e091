//! Which two models and which prompt a compare view opens on, with a note when a link asks for
//! something the data lacks.

use super::{holdings, CompareIndex, Has, PairRow};
use crate::bench::Bench;

/// The models a compare view can show: every model with answers or verdicts (by any judge), plus
/// the baseline, sorted by name (case-insensitive). [`holdings`] says what each has.
pub fn candidates(bench: &Bench, index: &CompareIndex) -> Vec<u32> {
    holdings(bench, index)
        .into_iter()
        .map(|h| h.model)
        .collect()
}

/// Models A and B for a view, with notes when the link asked for something this data lacks.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelChoice {
    pub a: u32,
    pub b: u32,
    pub notes: Vec<String>,
}

/// Resolves the models a link asks for. Unknown names fall back to the first models the judge
/// judged, then the baseline, then the models with answers only, each with a note; `None` when there
/// is no model at all. With a single model, A and B are both that model.
pub fn choose_models(
    bench: &Bench,
    index: &CompareIndex,
    want_a: Option<&str>,
    want_b: Option<&str>,
) -> Option<ModelChoice> {
    let all = holdings(bench, index);
    let cands: Vec<u32> = all.iter().map(|h| h.model).collect();
    let judged = all.iter().filter(|h| h.verdicts && !h.baseline);
    let baselines = all.iter().filter(|h| h.baseline);
    let rest = all
        .iter()
        .filter(|h| !h.baseline && !h.verdicts && h.has() != Has::Neither);
    let defaults: Vec<u32> = judged
        .chain(baselines)
        .chain(rest)
        .map(|h| h.model)
        .collect();
    let first = *defaults.first()?;
    let mut notes = Vec::new();
    let mut pick = |want: Option<&str>, side: &str, avoid: Option<u32>| -> u32 {
        let fallback = defaults
            .iter()
            .copied()
            .find(|&m| Some(m) != avoid)
            .unwrap_or(first);
        match want {
            None => fallback,
            Some(name) => match bench.models.get(name).filter(|m| cands.contains(m)) {
                Some(m) => m,
                None => {
                    notes.push(format!(
                        "Model {side} “{name}” is not in this data (it has no answers or verdicts here); showing “{}” instead.",
                        bench.models.name(fallback)
                    ));
                    fallback
                }
            },
        }
    };
    let a = pick(want_a, "A", None);
    let mut b = pick(want_b, "B", Some(a));
    if b == a {
        if let Some(other) = defaults.iter().copied().find(|&m| m != a) {
            if want_b.is_some() {
                notes.push(format!(
                    "A and B were the same model; B is now “{}”.",
                    bench.models.name(other)
                ));
            }
            b = other;
        }
    }
    Some(ModelChoice { a, b, notes })
}

/// The row of `rows` to show for the prompt a link names: that prompt if listed; otherwise the first
/// row that passes the filters (or the first row), with a note when the link named a prompt that is
/// not there.
pub fn choose_prompt(
    bench: &Bench,
    rows: &[PairRow],
    filtered: &[usize],
    want: Option<&str>,
) -> (Option<usize>, Option<String>) {
    let fallback = filtered
        .first()
        .copied()
        .or((!rows.is_empty()).then_some(0));
    let Some(id) = want else {
        return (fallback, None);
    };
    let found = bench
        .prompt_index
        .get(id)
        .and_then(|&p| rows.iter().position(|r| r.prompt == p));
    match found {
        Some(i) => (Some(i), None),
        None => (
            fallback,
            Some(format!(
                "Prompt “{id}” is not in this data; showing {} instead.",
                fallback
                    .map(|i| format!("“{}”", bench.prompts[rows[i].prompt as usize].id))
                    .unwrap_or_else(|| "nothing".into())
            )),
        ),
    }
}
