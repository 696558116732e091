//! `arena-lens clusters`: each model's win rate against the baseline per group of prompts (a shipped
//! label or clusters computed from the prompt texts), with prompt-level bootstrap intervals, and,
//! where the data carries criteria tags, the groups ranked by mean prompt quality
//! (`cluster::quality`). Data with tags but no judgments (a Chatbot Arena log) gets the ranking
//! alone.

use crate::args::{ClustersArgs, Group};
use arena_lens_core::bootstrap::{BootstrapSpec, BootstrapUnit};
use arena_lens_core::cluster::groups::GroupField;
use arena_lens_core::cluster::hierarchy::OTHER_NAME;
use arena_lens_core::cluster::performance::cluster_performance;
use arena_lens_core::cluster::quality::by_group;
use arena_lens_core::cluster::{cluster_texts, prompt_text, ClusterParams, Method};
use arena_lens_core::export::{Cell, Computation, Format, Header};
use arena_lens_core::scope::Purpose;
use serde_json::{json, Value};
use std::io::Write;

/// Runs the command.
pub fn run(a: &ClustersArgs, out: &mut dyn Write) -> Result<(), String> {
    let ds = crate::load(&a.input)?;
    // A questions-only folder has no verdicts, but its prompts can still be clustered: the scope
    // then has a bench and no judge.
    let scope = crate::scope::resolve(
        &ds,
        &crate::scope::request(&a.input, Purpose::Clusters, None),
    )?;
    let bench = scope.bench(&ds);
    let scoring = match (scope.judge(), scope.judge_id()) {
        (Some(name), Some(id)) => Some((name.to_string(), id, scope.judged_baseline_id)),
        _ if a.compute.is_some() => None,
        _ if arena_lens_core::subset::has_criteria(bench) => None,
        _ => {
            return Err(
                "this data has no judgment files (use --compute K to cluster its prompts)".into(),
            )
        }
    };
    let judge_name = scoring.as_ref().map(|s| s.0.clone());
    let baseline = scoring.as_ref().and_then(|s| s.2);

    let (labels, computed) = match a.compute {
        Some(k) => {
            let texts: Vec<String> = bench.prompts.iter().map(prompt_text).collect();
            let params = ClusterParams {
                k,
                method: match a.method {
                    crate::args::ClusterMethod::Kmeans => Method::Kmeans,
                    crate::args::ClusterMethod::Ward => Method::Ward,
                },
                seed: a.seed,
                ..ClusterParams::default()
            };
            let c = cluster_texts(texts, params).map_err(|e| e.to_string())?;
            // Named as the site names them, so the bootstrap streams (one per name) agree.
            (c.names(), Some(c))
        }
        None => {
            let label = a.label;
            let labels = bench
                .prompts
                .iter()
                .map(|p| match label {
                    Group::Category => p.category.to_string(),
                    Group::Subcategory => p.subcategory.to_string(),
                    Group::Cluster => p.cluster.to_string(),
                    Group::KoCluster => p.ko_cluster.to_string(),
                })
                .collect::<Vec<String>>();
            (labels, None)
        }
    };
    // The data's method decides the level where it fixes one (v2.0 data: 90%), as on the page.
    let level = scope.method.level(a.level);
    let spec = BootstrapSpec::new(a.rounds, a.seed, level, BootstrapUnit::Prompt)
        .map_err(|e| format!("--level: {e}"))?;
    let tagged = arena_lens_core::subset::has_criteria(bench);
    let quality = if tagged {
        by_group(bench, &labels)
    } else {
        Vec::new()
    };
    let perf = match &scoring {
        Some((_, judge, baseline)) => cluster_performance(bench, *judge, *baseline, &labels, spec),
        None => Vec::new(),
    };

    let method_line = scope.method.line(Purpose::Clusters, &spec, false);
    if let Some(f) = a.format.filter(|f| *f != Format::Json) {
        let header = Header::new(
            &Computation {
                method: scope.method,
                method_line: &method_line,
                seed: a.seed,
                rounds: a.rounds,
                level,
            },
            &crate::export::provenance(&a.input.path),
        )
        .with("bench", Cell::text(bench.name.clone()))
        .with("judge", Cell::text(judge_name.clone().unwrap_or_default()))
        .with(
            "baseline",
            Cell::text(baseline.map(|b| bench.models.name(b)).unwrap_or_default()),
        );
        let title = format!("{}: win rate against the baseline per group", bench.name);
        let t = arena_lens_core::export::clusters::cluster_performance(&title, header, &perf);
        return crate::export::write(&t, f, out);
    }
    if a.json || a.format == Some(Format::Json) {
        let mut doc = json!({
            "bench": bench.name,
            "judge": judge_name,
            "baseline": baseline.map(|b| bench.models.name(b)),
            "labels": match a.compute {
                Some(_) => GroupField::Computed,
                None => GroupField::Label(a.label),
            }
            .as_str(),
            "rounds": a.rounds,
            "seed": a.seed,
            "level": level,
            "method": scope.method,
            "method_line": method_line,
            "clusters": perf,
            "criteria_tags": tagged,
            "quality": quality,
        });
        if let Some(c) = &computed {
            doc["clustering"] = json!({
                "k": a.compute,
                "method": format!("{:?}", a.method).to_lowercase(),
                "clusters": c.clusters,
                "assignment": bench
                    .prompts
                    .iter()
                    .zip(&c.assignment)
                    .map(|(p, &i)| (p.id.to_string(), Value::from(i)))
                    .collect::<serde_json::Map<String, Value>>(),
                "dendrogram": c.dendrogram,
                "broad": c.broad,
                "other": c.other_count(),
                "other_name": OTHER_NAME,
            });
            // Per broad topic, the same statistic as per topic (prompts that fit no topic are
            // their own group at both levels).
            if let Some((_, judge, baseline)) = &scoring {
                doc["broad_clusters"] = json!(cluster_performance(
                    bench,
                    *judge,
                    *baseline,
                    &c.broad_names(),
                    spec
                ));
            }
        }
        let text = serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())? + "\n";
        return out.write_all(text.as_bytes()).map_err(|e| e.to_string());
    }
    let mut text = format!(
        "{} — judge {}, baseline {}, {} rounds, level {}\n",
        bench.name,
        judge_name.as_deref().unwrap_or("(none: no judgments)"),
        baseline
            .map(|b| bench.models.name(b))
            .unwrap_or("(per row)"),
        a.rounds,
        level
    );
    if tagged {
        text += "\nGroups by mean prompt quality (criteria score 0-7; hard: 6 or more)\n";
        for q in &quality {
            let mean = q.mean.map_or("-".into(), |m| format!("{m:.2}"));
            let hard = q
                .hard_share
                .map_or("-".into(), |h| format!("{:.0}%", 100.0 * h));
            text += &format!(
                "{:>3}. {:<40} {:>5} {:>5} hard, {} of {} prompts tagged\n",
                q.rank, q.group, mean, hard, q.tagged, q.prompts
            );
        }
    } else {
        text += "(no criteria tags in this data: no prompt quality)\n";
    }
    if let Some(c) = &computed {
        text += &hierarchy_text(c);
    }
    for c in &perf {
        text += &format!("\n{} ({} prompts)\n", c.cluster, c.n_prompts);
        let mut models: Vec<_> = c.models.iter().collect();
        models.sort_by(|x, y| y.win_rate.total_cmp(&x.win_rate));
        for m in models {
            let ci = match (m.lower, m.upper) {
                (Some(lo), Some(hi)) => format!("[{lo:5.1}, {hi:5.1}]"),
                _ => "".to_string(),
            };
            text += &format!(
                "  {:<32} {:5.1}% {ci} n={}{}\n",
                m.model,
                m.win_rate,
                m.n_prompts,
                if m.ci_crosses_50 { "" } else { " *" }
            );
        }
    }
    text += "\n* the interval excludes 50%: the model differs from the baseline on this cluster\n";
    out.write_all(text.as_bytes()).map_err(|e| e.to_string())
}

/// The topics' two levels: each broad topic with its size and topics (sizes, and how many of
/// their prompts fit no topic), then the "other" group's size.
fn hierarchy_text(c: &arena_lens_core::cluster::Clustering) -> String {
    let mut text = String::from("\nTopics by broad topic (prompts; of which fit no topic)\n");
    for b in &c.broad {
        text += &format!("{:<52} {:>6} prompts\n", c.broad_name(b.id), b.size);
        for &t in &b.topics {
            let info = &c.clusters[t as usize];
            text += &format!(
                "  {:<50} {:>6} prompts; {} other\n",
                c.topic_name(t),
                info.size,
                info.other
            );
        }
    }
    text += &format!(
        "{OTHER_NAME}: {} prompts (below their topic's lower Tukey fence of cosine similarity to its centre)\n",
        c.other_count()
    );
    text
}
