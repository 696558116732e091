//! The topics' two levels as rows, as Arena Explorer lists them: each broad topic (a cut of the
//! topics' dendrogram, `cluster::hierarchy`) with its prompt count and the chosen model's win rate
//! and interval over all its prompts, its topics indented under it with theirs, and the "other"
//! group (prompts that fit no topic) with its size.
//!
//! The numbers are the core's: a broad topic's win rate is `cluster_performance` over the broad
//! topic names (`Clustering::broad_names`), the same call as the CLI's `clusters --json`
//! `broad_clusters`, and a topic's is the topics table's. The full-precision values ride on
//! `data-*` attributes so that a test can compare them with the CLI without rounding.

use crate::ui::Shared;
use arena_lens_core::cluster::hierarchy::OTHER_NAME;
use arena_lens_core::cluster::perf::Perf;
use arena_lens_core::cluster::performance::ModelInCluster;
use arena_lens_core::cluster::Clustering;
use leptos::prelude::*;
use std::sync::Arc;

/// The cells of one row: prompts, then the model's win rate with its interval.
fn score_cells(n: usize, cell: Option<&ModelInCluster>) -> impl IntoView {
    let num = |x: Option<f64>| x.map(|x| x.to_string()).unwrap_or_default();
    let text = cell.map_or_else(
        || "—".to_string(),
        |c| match (c.lower, c.upper) {
            (Some(lo), Some(hi)) => format!("{:.1} [{lo:.1}, {hi:.1}]", c.win_rate),
            _ => format!("{:.1}", c.win_rate),
        },
    );
    view! {
        <td class="num" data-n=n.to_string()>{n}</td>
        <td class="num score" class:muted=cell.is_some_and(|c| c.ci_crosses_50)
            data-rate=num(cell.map(|c| c.win_rate))
            data-lower=num(cell.and_then(|c| c.lower))
            data-upper=num(cell.and_then(|c| c.upper))>{text}</td>
    }
}

/// The hierarchy table. `broad`: win rates per broad topic; `topics`: per topic (the page's
/// [`Perf`]); both `None` without judgments (then only the sizes). `model`: whose win rates.
pub fn broad_topics(
    c: Arc<Clustering>,
    broad: Option<Shared<Perf>>,
    topics: Option<Shared<Perf>>,
    model: Option<String>,
) -> impl IntoView {
    let level = broad.as_ref().map(|p| p.level * 100.0);
    let rounds = broad.as_ref().map(|p| p.rounds);
    let cell = |p: &Option<Shared<Perf>>, group: &str| -> Option<ModelInCluster> {
        let (p, m) = (p.as_ref()?, model.as_ref()?);
        p.cell(group, m).cloned()
    };
    // Prompts a group's win rates are over: the rows the performance counted, else (no
    // judgments) the clustering's own sizes less the prompts that fit no topic.
    let count = |p: &Option<Shared<Perf>>, group: &str, fallback: usize| -> usize {
        p.as_ref()
            .and_then(|p| p.by_group.get(group).map(|&i| p.rows[i].n_prompts))
            .unwrap_or(fallback)
    };
    let mut rows = Vec::new();
    for b in &c.broad {
        let name = c.broad_name(b.id);
        let fits: usize = b
            .topics
            .iter()
            .map(|&t| (c.clusters[t as usize].size - c.clusters[t as usize].other) as usize)
            .sum();
        let n = count(&broad, &name, fits);
        let cl = cell(&broad, &name);
        let label = name.clone();
        rows.push(
            view! {
                <tr class="broad-row" data-testid="broad-row" data-group=name.clone()>
                    <th scope="row" class="group">{label}</th>
                    {score_cells(n, cl.as_ref())}
                </tr>
            }
            .into_any(),
        );
        for &t in &b.topics {
            let info = &c.clusters[t as usize];
            let tname = c.topic_name(t);
            let n = count(&topics, &tname, (info.size - info.other) as usize);
            let cl = cell(&topics, &tname);
            let label = tname.clone();
            rows.push(
                view! {
                    <tr class="topic-row" data-testid="broad-topic-row" data-group=tname.clone()
                        data-parent=name.clone()>
                        <th scope="row" class="group nested">{label}</th>
                        {score_cells(n, cl.as_ref())}
                    </tr>
                }
                .into_any(),
            );
        }
    }
    let other = c.other_count();
    if other > 0 {
        let cl = cell(&broad, OTHER_NAME);
        rows.push(
            view! {
                <tr class="broad-row other" data-testid="broad-other-row" data-group=OTHER_NAME>
                    <th scope="row" class="group">{OTHER_NAME}</th>
                    {score_cells(other, cl.as_ref())}
                </tr>
            }
            .into_any(),
        );
    }
    let model_label = model.clone().unwrap_or_else(|| "Model".into());
    let hint = match (level, rounds) {
        (Some(level), Some(rounds)) => format!(
            "{} broad topics (the dendrogram cut into about √k groups), each with its topics under it. Win rates of {model_label} against the baseline over each row's prompts, with {level:.0}% intervals (prompt-level bootstrap, {rounds} rounds), as in the topics table. Prompts that fit no topic are counted once, in the last row.",
            c.broad.len()
        ),
        _ => format!(
            "{} broad topics (the dendrogram cut into about √k groups), each with its topics under it. This data has no judgments, so only the sizes. Prompts that fit no topic are counted once, in the last row.",
            c.broad.len()
        ),
    };
    let head = match level {
        Some(level) => format!("{model_label}: win rate % [{level:.0}% CI]"),
        None => "Win rate".to_string(),
    };
    view! {
        <p class="hint" data-testid="broad-hint">{hint}</p>
        <div class="table-wrap">
            <table class="data broad-topics" data-testid="broad-topics">
                <thead>
                    <tr>
                        <th scope="col">"Broad topic / topic"</th>
                        <th scope="col">"Prompts"</th>
                        <th scope="col">{head}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
