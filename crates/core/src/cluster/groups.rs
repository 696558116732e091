//! Prompts grouped for the clusters view: by a label field the data ships ([`GroupBy`]) or by
//! topics computed from the prompt texts ([`Clustering`]), with each group's category (the
//! treemap's parent level) and the order the groups are shown in.

use crate::bench::{Bench, Layout};
use crate::cluster::hierarchy::OTHER_NAME;
use crate::cluster::Clustering;
use crate::leaderboard::GroupBy;
use std::collections::BTreeMap;
use std::sync::Arc;

/// What the prompts are grouped by. The URL spells it as the label field's name or `computed`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupField {
    /// A label field the data ships.
    Label(GroupBy),
    /// Topics computed from the prompt texts.
    Computed,
}

impl GroupField {
    /// The URL value of computed topics.
    pub const COMPUTED: &'static str = "computed";

    pub fn parse(s: &str) -> Option<GroupField> {
        if s == Self::COMPUTED {
            Some(GroupField::Computed)
        } else {
            GroupBy::parse(s).map(GroupField::Label)
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            GroupField::Label(g) => g.as_str(),
            GroupField::Computed => Self::COMPUTED,
        }
    }

    /// What the grouping is called for data of `layout` (headers and hints; the URL keeps
    /// [`GroupField::as_str`]).
    pub fn name(self, layout: Layout) -> &'static str {
        match self {
            GroupField::Label(g) => field_name(layout, g),
            GroupField::Computed => "computed topic",
        }
    }

    /// The field asked for when the data has it (computed topics always can be had), else the
    /// first of `fields` (the data's label fields, finest first), else computed topics.
    pub fn choose(wanted: Option<&str>, fields: &[GroupBy]) -> GroupField {
        match wanted.and_then(GroupField::parse) {
            Some(GroupField::Computed) => GroupField::Computed,
            Some(GroupField::Label(g)) if fields.contains(&g) => GroupField::Label(g),
            _ => fields
                .first()
                .map_or(GroupField::Computed, |&g| GroupField::Label(g)),
        }
    }
}

/// How many topics to compute when the reader has not said: as many as the finest shipped label
/// has distinct values (so the two can be compared), 20 without labels; at least 2 and at most
/// the number of prompts (but 2 for fewer).
pub fn default_topics(bench: &Bench, fields: &[GroupBy]) -> usize {
    let n = bench.prompts.len();
    let planted = fields
        .first()
        .map(|g| {
            let mut v: Vec<&str> = bench.prompts.iter().map(|p| g.of(p)).collect();
            v.sort_unstable();
            v.dedup();
            v.len()
        })
        .unwrap_or(20);
    planted.clamp(2, n.max(2))
}

/// What a label field holds in this data's format: a Chatbot Arena log keeps the conversation's
/// `language` in `category` and its first `category_tag` label in `subcategory`
/// (`formats::arena_log`); MT-Bench, AlpacaEval and WildBench keep their own label (category,
/// `dataset`, task tag) in `category`; other formats use the field names.
pub fn field_name(layout: Layout, g: GroupBy) -> &'static str {
    match (layout, g) {
        (Layout::ArenaLog, GroupBy::Category) => "language",
        (Layout::ArenaLog, GroupBy::Subcategory) => "category tag",
        // Each format's own label, as its files name it.
        (Layout::MtBench, GroupBy::Category) => "MT-Bench category",
        (Layout::AlpacaEval, GroupBy::Category) => "dataset",
        (Layout::WildBench, GroupBy::Category) => "task tag",
        _ => g.as_str(),
    }
}

/// Prompts grouped by one field.
#[derive(Clone, Debug)]
pub struct Groups {
    pub field: GroupField,
    /// Group of each prompt (empty: none).
    pub label_of: Vec<String>,
    /// Each group's category (the treemap's parent level); empty when the field is the category.
    pub parent: BTreeMap<String, String>,
    /// What a parent is called in this data: [`field_name`] of the category (a language on a
    /// Chatbot Arena log).
    pub parent_label: &'static str,
    /// Groups in display order (by category, then name; computed topics by id).
    pub order: Vec<String>,
    /// The clustering behind computed topics.
    pub computed: Option<Arc<Clustering>>,
}

impl Groups {
    /// Groups by a label field: groups ordered by category, then name.
    pub fn from_label(bench: &Bench, field: GroupBy) -> Groups {
        let label_of: Vec<String> = bench
            .prompts
            .iter()
            .map(|p| field.of(p).to_string())
            .collect();
        let mut parent = BTreeMap::new();
        for p in &bench.prompts {
            let l = field.of(p);
            if !l.is_empty() && field != GroupBy::Category {
                parent
                    .entry(l.to_string())
                    .or_insert_with(|| p.category.to_string());
            } else if !l.is_empty() {
                parent.entry(l.to_string()).or_insert_with(String::new);
            }
        }
        let mut order: Vec<String> = parent.keys().cloned().collect();
        order.sort_by(|a, b| (&parent[a], a).cmp(&(&parent[b], b)));
        Groups {
            field: GroupField::Label(field),
            label_of,
            parent,
            parent_label: field_name(bench.layout, GroupBy::Category),
            order,
            computed: None,
        }
    }

    /// Groups by computed topics. With broad topics (every clustering the job computes), a
    /// topic's parent is its broad topic and the order is by broad topic, then topic id; without
    /// (a hand-built clustering), the parent is the category most of its prompts have (ties: the
    /// first by name) and the order is by topic id. Prompts that fit no topic form the last group,
    /// [`OTHER_NAME`], whose parent is itself.
    pub fn from_clustering(bench: &Bench, c: Arc<Clustering>) -> Groups {
        let mut ids: Vec<u32> = (0..c.clusters.len() as u32).collect();
        if !c.broad.is_empty() {
            ids.sort_by_key(|&i| (c.clusters[i as usize].broad, i));
        }
        let mut names: Vec<String> = ids.iter().map(|&i| c.topic_name(i)).collect();
        let label_of = c.names();
        let parent = if c.broad.is_empty() {
            majority_category(bench, &label_of)
        } else {
            let mut p: BTreeMap<String, String> = ids
                .iter()
                .zip(&names)
                .map(|(&i, n)| (n.clone(), c.broad_name(c.clusters[i as usize].broad)))
                .collect();
            p.insert(OTHER_NAME.to_string(), OTHER_NAME.to_string());
            p
        };
        if c.other_count() > 0 {
            names.push(OTHER_NAME.to_string());
        }
        Groups {
            field: GroupField::Computed,
            label_of,
            parent,
            parent_label: field_name(bench.layout, GroupBy::Category),
            order: names,
            computed: Some(c),
        }
    }

    /// Prompt ids of one group, in prompt order.
    pub fn ids(&self, bench: &Bench, group: &str) -> Vec<String> {
        self.label_of
            .iter()
            .enumerate()
            .filter(|(_, l)| l.as_str() == group)
            .map(|(p, _)| bench.prompts[p].id.to_string())
            .collect()
    }
}

/// Each label's most common category among its prompts (ties: the first by name).
fn majority_category(bench: &Bench, label_of: &[String]) -> BTreeMap<String, String> {
    let mut counts: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for (p, l) in label_of.iter().enumerate() {
        *counts
            .entry(l)
            .or_default()
            .entry(bench.prompts[p].category.as_str())
            .or_default() += 1;
    }
    counts
        .into_iter()
        .map(|(l, cats)| {
            let best = cats
                .into_iter()
                .max_by_key(|(c, n)| (*n, std::cmp::Reverse(*c)))
                .map(|(c, _)| c.to_string())
                .unwrap_or_default();
            (l.to_string(), best)
        })
        .collect()
}
