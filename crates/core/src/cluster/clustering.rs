//! What a clustering gives: each text's topic, each topic's label and top terms, the 2-D map and the
//! dendrogram of the topics; and [`prompt_text`], the text a prompt is clustered by.

use super::hierarchy::{BroadTopic, OTHER_NAME};
use super::ward::Merge;
use serde::{Deserialize, Serialize};

/// One computed cluster.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClusterInfo {
    /// 0.. by decreasing size.
    pub id: u32,
    /// Top three c-TF-IDF terms, joined by ", ".
    pub label: String,
    pub top_terms: Vec<(String, f64)>,
    /// Its texts, the "other" ones included.
    pub size: u32,
    /// Its texts that fit no topic (`hierarchy::outliers`), shown in the "other" group.
    #[serde(default)]
    pub other: u32,
    /// Its broad topic (an id of [`Clustering::broad`]).
    #[serde(default)]
    pub broad: u32,
}

/// The result of a clustering.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Clustering {
    /// Cluster id of each text.
    pub assignment: Vec<u32>,
    pub clusters: Vec<ClusterInfo>,
    /// Map position of each text, in [0, 1]².
    pub coords: Vec<[f64; 2]>,
    /// Ward dendrogram of the clusters (leaves are cluster ids), built from their size-weighted
    /// centroids, SciPy-style merge list.
    pub dendrogram: Vec<Merge>,
    /// Whether each text fits no topic (the "other" group; see `hierarchy`).
    #[serde(default)]
    pub other: Vec<bool>,
    /// The broad topics, each a group of topics, by decreasing size.
    #[serde(default)]
    pub broad: Vec<BroadTopic>,
}

impl Clustering {
    /// The display name of topic `id`: its number (from 1) and its label. Two topics can share a
    /// label, so the number keeps them apart wherever names are keys (tables, URLs, bootstrap streams).
    pub fn topic_name(&self, id: u32) -> String {
        let label = self
            .clusters
            .iter()
            .find(|c| c.id == id)
            .map_or("", |c| c.label.as_str());
        format!("#{} {label}", id + 1)
    }

    /// The display name of broad topic `id`: a letter (A, B, ...) and its label.
    pub fn broad_name(&self, id: u32) -> String {
        let label = self
            .broad
            .iter()
            .find(|b| b.id == id)
            .map_or("", |b| b.label.as_str());
        // Letters run out after 26 (k above 702): numbers then.
        let tag = char::from_u32('A' as u32 + id)
            .filter(|_| id < 26)
            .map_or(format!("B{}", id + 1), |c| c.to_string());
        format!("{tag}: {label}")
    }

    /// Every text's topic name; texts that fit no topic are [`OTHER_NAME`].
    pub fn names(&self) -> Vec<String> {
        let names: Vec<String> = (0..self.clusters.len() as u32)
            .map(|i| self.topic_name(i))
            .collect();
        self.label_texts(|a| names[a as usize].clone())
    }

    /// Every text's broad topic name; texts that fit no topic are [`OTHER_NAME`].
    pub fn broad_names(&self) -> Vec<String> {
        let names: Vec<String> = self
            .clusters
            .iter()
            .map(|c| self.broad_name(c.broad))
            .collect();
        self.label_texts(|a| names[a as usize].clone())
    }

    /// Texts that fit no topic (the size of the "other" group).
    pub fn other_count(&self) -> usize {
        self.other.iter().filter(|&&o| o).count()
    }

    fn label_texts(&self, name: impl Fn(u32) -> String) -> Vec<String> {
        self.assignment
            .iter()
            .enumerate()
            .map(|(i, &a)| {
                if self.other.get(i).copied().unwrap_or(false) {
                    OTHER_NAME.to_string()
                } else {
                    name(a)
                }
            })
            .collect()
    }
}

/// The text clustered for a prompt: every user turn.
pub fn prompt_text(p: &crate::bench::Prompt) -> String {
    let mut t = p.text.clone();
    for l in &p.later_turns {
        t.push('\n');
        t.push_str(l);
    }
    t
}
