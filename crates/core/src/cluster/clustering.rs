//! What a clustering gives: each text's topic, each topic's label and top terms, the 2-D map and the
//! dendrogram of the topics; and [`prompt_text`], the text a prompt is clustered by.

use super::ward::Merge;
use serde::Serialize;

/// One computed cluster.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClusterInfo {
    /// 0.. by decreasing size.
    pub id: u32,
    /// Top three c-TF-IDF terms, joined by ", ".
    pub label: String,
    pub top_terms: Vec<(String, f64)>,
    pub size: u32,
}

/// The result of a clustering.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Clustering {
    /// Cluster id of each text.
    pub assignment: Vec<u32>,
    pub clusters: Vec<ClusterInfo>,
    /// Map position of each text, in [0, 1]².
    pub coords: Vec<[f64; 2]>,
    /// Ward dendrogram of the clusters (leaves are cluster ids), built from their size-weighted
    /// centroids, SciPy-style merge list.
    pub dendrogram: Vec<Merge>,
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

    /// Every text's topic name.
    pub fn names(&self) -> Vec<String> {
        let names: Vec<String> = (0..self.clusters.len() as u32)
            .map(|i| self.topic_name(i))
            .collect();
        self.assignment
            .iter()
            .map(|&a| names[a as usize].clone())
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
