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
                && filter.ids.as_ref().is_none_or(|ids| ids.contains(&p.id))
        })
        .map(|(i, _)| i)
        .collect()
}
