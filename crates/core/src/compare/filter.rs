//! The prompt list's search text and filters: text, category, cluster, outcome, games that disagree,
//! upsets and a list of prompt ids.

use super::{PairOutcome, PairRow, Side};
use crate::bench::Bench;

/// Lower-cased searchable text of every prompt (id, then every turn), by prompt id.
pub fn search_texts(bench: &Bench) -> Vec<String> {
    bench
        .prompts
        .iter()
        .map(|p| {
            let mut s = String::with_capacity(p.id.len() + p.text.len() + 1);
            s.push_str(&p.id);
            s.push('\n');
            s.push_str(&p.text);
            for t in &p.later_turns {
                s.push('\n');
                s.push_str(t);
            }
            s.to_lowercase()
        })
        .collect()
}

/// The prompt list's filters.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct PromptFilter {
    /// Free text; matched case-insensitively as a substring of the id or any turn.
    pub text: String,
    pub category: Option<String>,
    pub cluster: Option<String>,
    pub outcome: Option<PairOutcome>,
    pub disagree: bool,
    pub upset: bool,
    /// Only these prompt ids (a group the clusters page links to: a computed cluster, or a label with
    /// no filter of its own such as `ko_cluster`).
    pub ids: Option<std::collections::BTreeSet<String>>,
}

impl PromptFilter {
    pub fn is_empty(&self) -> bool {
        *self == PromptFilter::default()
    }
}

/// Indices into `rows` that pass `filter`, in order. `texts` comes from [`search_texts`].
pub fn filter_rows(
    bench: &Bench,
    rows: &[PairRow],
    texts: &[String],
    filter: &PromptFilter,
    stronger: Option<Side>,
) -> Vec<usize> {
    let needle = filter.text.trim().to_lowercase();
    rows.iter()
        .enumerate()
        .filter(|(_, r)| {
            let p = &bench.prompts[r.prompt as usize];
            (needle.is_empty()
                || texts
                    .get(r.prompt as usize)
                    .is_some_and(|t| t.contains(&needle)))
                && filter.category.as_ref().is_none_or(|c| &p.category == c)
                && filter.cluster.as_ref().is_none_or(|c| &p.cluster == c)
                && filter.outcome.is_none_or(|o| r.outcome() == Some(o))
                && (!filter.disagree || r.games_disagree())
                && (!filter.upset || r.is_upset(stronger))
                && filter
                    .ids
                    .as_ref()
                    .is_none_or(|ids| ids.contains(p.id.as_str()))
        })
        .map(|(i, _)| i)
        .collect()
}

/// Why the filters that read verdicts cannot be used for a pair: the outcome and upset filters need
/// a prompt with verdicts for both models, the "games disagree" filter one with verdicts for either.
/// `None`: the filter can be used. A page disables (not hides) a filter that cannot, with the reason.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VerdictFilters {
    pub outcome: Option<String>,
    pub disagree: Option<String>,
}

/// The reasons for `rows` under `judge` (`None`: the data has no judge).
pub fn verdict_filters(rows: &[PairRow], judge: Option<&str>) -> VerdictFilters {
    let Some(judge) = judge else {
        let no = "This data has no verdicts (no judgment files).".to_string();
        return VerdictFilters {
            outcome: Some(no.clone()),
            disagree: Some(no),
        };
    };
    let both = rows.iter().any(|r| r.scores().is_some());
    let either = rows
        .iter()
        .any(|r| r.a.judgment.is_some() || r.b.judgment.is_some());
    VerdictFilters {
        outcome: (!both).then(|| {
            format!("Needs verdicts for both A and B under {judge}, and no prompt has them.")
        }),
        disagree: (!either).then(|| format!("Neither A nor B has verdicts under {judge}.")),
    }
}

impl PromptFilter {
    /// The filter without the parts `off` says cannot be used (a link may still carry them).
    pub fn usable(&self, off: &VerdictFilters) -> PromptFilter {
        let mut f = self.clone();
        if off.outcome.is_some() {
            f.outcome = None;
            f.upset = false;
        }
        if off.disagree.is_some() {
            f.disagree = false;
        }
        f
    }
}
