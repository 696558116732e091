//! The topic-clusters page: where each model is strong or weak, and how sure we are.
//!
//! Prompts are grouped by a label the data ships (`cluster`, `category`, `subcategory`, the Korean
//! `ko_cluster`) or by topics computed here from the prompt texts (TF-IDF, SVD, k-means or Ward, in
//! slices so the page never freezes). For each group and model the page shows the win rate against
//! the baseline with a prompt-level bootstrap interval, as a heatmap, a sortable table and a treemap
//! (category → group); a custom score over a chosen, reweighted slice of groups; and, for computed
//! topics, a map of the prompts and a dendrogram of the topics.
//!
//! Everything the page shows follows from the URL (keys in [`key`]) and the loaded data; the one
//! piece of local state is the running clustering job, which is work in progress, not a view.

use crate::clock::now_ms;
use crate::components::cluster_dendrogram::dendrogram;
use crate::components::cluster_heatmap::heatmap;
use crate::components::cluster_table::{cluster_table, slice_table};
use crate::components::cluster_treemap::treemap;
use crate::components::prompt_map::prompt_map;
use crate::components::share_link::ShareLink;
use crate::data::{DataContext, LoadState, Loaded};
use crate::loader::yield_to_browser;
use crate::pages::compare::Shared;
use crate::url_state::{use_set_view, use_view_state};
use arena_lens_core::battle_set::Baseline;
use arena_lens_core::bootstrap::Purpose;
use arena_lens_core::cluster::metrics::{adjusted_rand_index, normalized_mutual_info};
use arena_lens_core::cluster::performance::{
    cluster_performance, slice_score, ClusterPerformance, SliceScore,
};
use arena_lens_core::cluster::{prompt_text, ClusterJob, ClusterParams, Clustering, Method};
use arena_lens_core::compare::judged_baseline;
use arena_lens_core::leaderboard::GroupBy;
use arena_lens_core::view_state::keys::compare as ckey;
use arena_lens_core::view_state::ViewState;
use leptos::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use arena_lens_core::view_state::keys::clusters as key;

/// The bench, judge and baseline the page works on.
pub struct Base {
    pub loaded: Arc<Loaded>,
    pub bench_name: String,
    pub judges: Vec<String>,
    pub judge: Option<u32>,
    pub baseline: Option<u32>,
    /// Label fields the prompts carry.
    pub fields: Vec<GroupBy>,
    pub notes: Vec<String>,
}

impl Base {
    pub fn bench(&self) -> &arena_lens_core::bench::Bench {
        &self.loaded.dataset.benches[&self.bench_name]
    }
}

/// Prompts grouped by one label.
pub struct Groups {
    /// The label field's name, or `computed`.
    pub field: String,
    /// Group of each prompt (empty: none).
    pub label_of: Vec<String>,
    /// Each group's category (the treemap's parent level); empty when the field is the category.
    pub parent: BTreeMap<String, String>,
    /// Groups in display order (by category, then name; computed topics by id).
    pub order: Vec<String>,
    pub computed: Option<Shared<Clustering>>,
}

impl Groups {
    /// Prompt ids of one group.
    pub fn ids(&self, base: &Base, group: &str) -> Vec<String> {
        let bench = base.bench();
        self.label_of
            .iter()
            .enumerate()
            .filter(|(_, l)| l.as_str() == group)
            .map(|(p, _)| bench.prompts[p].id.clone())
            .collect()
    }
}

/// Per-group performance, with the models in overall order.
pub struct Perf {
    pub rows: Vec<ClusterPerformance>,
    pub by_group: HashMap<String, usize>,
    /// (model, overall win rate), best first.
    pub models: Vec<(String, f64)>,
    pub level: f64,
    pub rounds: u32,
}

impl Perf {
    pub fn cell(
        &self,
        group: &str,
        model: &str,
    ) -> Option<&arena_lens_core::cluster::performance::ModelInCluster> {
        let row = &self.rows[*self.by_group.get(group)?];
        row.models.iter().find(|m| m.model == model)
    }
}

pub use arena_lens_charts::palette::{diverging, ink_on, rate_css, PALETTE};

fn build_base(loaded: Arc<Loaded>, v: &ViewState) -> Result<Base, String> {
    let mut notes = Vec::new();
    let ds = &loaded.dataset;
    let bench = match ds.bench(v.bench.as_deref()) {
        Ok(b) => b,
        Err(e) => {
            let fallback = ds
                .benches
                .values()
                .find(|b| !b.prompts.is_empty())
                .ok_or_else(|| "This data has no prompts to group.".to_string())?;
            notes.push(format!("{e} Showing bench “{}”.", fallback.name));
            fallback
        }
    };
    let mut judges: Vec<String> = bench.judge_names().to_vec();
    judges.sort();
    let wanted = v.extra(ckey::JUDGE).map(str::to_string);
    let judge_name = match &wanted {
        Some(j) if judges.contains(j) => Some(j.clone()),
        Some(j) => {
            if let Some(first) = judges.first() {
                notes.push(format!(
                    "Judge “{j}” is not in this data; showing “{first}”."
                ));
            }
            judges.first().cloned()
        }
        None => v
            .judges
            .iter()
            .find(|j| judges.contains(j))
            .cloned()
            .or_else(|| judges.first().cloned()),
    };
    let judge = judge_name.as_deref().and_then(|j| bench.judges.get(j));
    let mut baseline = None;
    if let Some(j) = judge {
        match judged_baseline(
            bench,
            j,
            v.judged_baseline.as_deref(),
            v.baseline.as_deref(),
        ) {
            Ok(Some(Baseline::Known(id))) => baseline = Some(id),
            Ok(_) => {}
            Err(e) => notes.push(e.to_string()),
        }
    } else {
        notes.push(
            "This data has no judgments, so there are no win rates; topics can still be computed from the prompts."
                .into(),
        );
    }
    let fields = [
        GroupBy::Cluster,
        GroupBy::KoCluster,
        GroupBy::Category,
        GroupBy::Subcategory,
    ]
    .into_iter()
    .filter(|g| bench.prompts.iter().any(|p| !g.of(p).is_empty()))
    .collect();
    Ok(Base {
        bench_name: bench.name.clone(),
        loaded,
        judges,
        judge,
        baseline,
        fields,
        notes,
    })
}

/// The label field the URL asks for, or the finest one the data has, or computed topics.
fn chosen_field(base: &Base, v: &ViewState) -> String {
    let wanted = v.extra(key::LABEL).unwrap_or("");
    if wanted == "computed" || base.fields.iter().any(|g| g.as_str() == wanted) {
        return wanted.to_string();
    }
    base.fields
        .first()
        .map(|g| g.as_str().to_string())
        .unwrap_or_else(|| "computed".into())
}

fn data_groups(base: &Base, field: GroupBy) -> Groups {
    let bench = base.bench();
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
                .or_insert_with(|| p.category.clone());
        } else if !l.is_empty() {
            parent.entry(l.to_string()).or_insert_with(String::new);
        }
    }
    let mut order: Vec<String> = parent.keys().cloned().collect();
    order.sort_by(|a, b| (&parent[a], a).cmp(&(&parent[b], b)));
    Groups {
        field: field.as_str().to_string(),
        label_of,
        parent,
        order,
        computed: None,
    }
}

fn computed_groups(base: &Base, c: Shared<Clustering>) -> Groups {
    let bench = base.bench();
    let names: Vec<String> = (0..c.clusters.len() as u32)
        .map(|i| c.topic_name(i))
        .collect();
    let label_of = c.names();
    // A topic's parent is the category most of its prompts have.
    let mut counts: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for (p, l) in label_of.iter().enumerate() {
        *counts
            .entry(l)
            .or_default()
            .entry(bench.prompts[p].category.as_str())
            .or_default() += 1;
    }
    let parent = counts
        .into_iter()
        .map(|(l, cats)| {
            let best = cats
                .into_iter()
                .max_by_key(|(c, n)| (*n, std::cmp::Reverse(*c)))
                .map(|(c, _)| c.to_string())
                .unwrap_or_default();
            (l.to_string(), best)
        })
        .collect();
    Groups {
        field: "computed".into(),
        label_of,
        parent,
        order: names,
        computed: Some(c),
    }
}

/// Prompt texts for clustering (every user turn, as the CLI clusters them).
fn prompt_texts(base: &Base) -> Vec<String> {
    base.bench().prompts.iter().map(prompt_text).collect()
}

/// The custom slice from the URL: group → weight.
pub fn parse_selection(s: &str) -> BTreeMap<String, f64> {
    s.split('\n')
        .filter(|x| !x.is_empty())
        .map(|x| match x.rsplit_once('=') {
            Some((name, w)) if w.parse::<f64>().is_ok() => {
                (name.to_string(), w.parse::<f64>().unwrap_or(1.0).max(0.0))
            }
            _ => (x.to_string(), 1.0),
        })
        .collect()
}

/// The slice as a URL value.
pub fn selection_text(sel: &BTreeMap<String, f64>) -> Option<String> {
    (!sel.is_empty()).then(|| {
        sel.iter()
            .map(|(n, w)| {
                if *w == 1.0 {
                    n.clone()
                } else {
                    format!("{n}={w}")
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// A clustering running (or done) for one set of inputs.
#[derive(Clone, Default)]
struct JobState {
    key: Option<JobKey>,
    stage: String,
    done: f64,
    running: bool,
    result: Option<Shared<Clustering>>,
    ms: f64,
    error: Option<String>,
}

#[derive(Clone, PartialEq, Debug)]
struct JobKey {
    generation: u64,
    bench: String,
    k: usize,
    method: Method,
    seed: u64,
}

/// Runs a clustering in slices of about 12 ms, yielding to the browser between them so that the page
/// stays responsive; a newer job (other inputs) makes this one stop at its next slice.
fn start_job(job: RwSignal<JobState>, key: JobKey, texts: Vec<String>) {
    let params = ClusterParams {
        k: key.k,
        method: key.method,
        seed: key.seed,
        ..ClusterParams::default()
    };
    job.set(JobState {
        key: Some(key.clone()),
        stage: "starting".into(),
        running: true,
        ..JobState::default()
    });
    leptos::task::spawn_local(async move {
        // Let the progress bar appear before the first slice.
        yield_to_browser().await;
        let t0 = now_ms();
        let mut j = match ClusterJob::new(texts, params) {
            Ok(j) => j,
            Err(e) => {
                job.update(|s| {
                    if s.key.as_ref() == Some(&key) {
                        s.error = Some(e.to_string());
                        s.running = false;
                    }
                });
                return;
            }
        };
        let mut slice = now_ms();
        while !j.is_done() {
            let p = j.step();
            if now_ms() - slice > 12.0 {
                if job.with_untracked(|s| s.key.as_ref() != Some(&key)) {
                    return;
                }
                job.update(|s| {
                    s.stage = p.stage.to_string();
                    s.done = p.done;
                });
                yield_to_browser().await;
                slice = now_ms();
            }
        }
        let ms = now_ms() - t0;
        let result = j.into_result().map(|r| Shared(Arc::new(r)));
        job.update(|s| {
            if s.key.as_ref() == Some(&key) {
                s.result = result;
                s.running = false;
                s.done = 1.0;
                s.ms = ms;
            }
        });
    });
}

#[component]
pub fn ClustersPage() -> impl IntoView {
    let ctx = expect_context::<DataContext>();
    let view = use_view_state();
    let set = use_set_view();

    let base = Memo::new(move |_| {
        let LoadState::Ready(loaded) = ctx.state.get() else {
            return None;
        };
        Some(view.with(|v| build_base(loaded, v).map(|b| Shared(Arc::new(b)))))
    });
    let field = Memo::new(move |_| {
        let Some(Ok(b)) = base.get() else {
            return None;
        };
        Some(view.with(|v| chosen_field(&b, v)))
    });
    let default_k = move |b: &Base| {
        let n = b.bench().prompts.len();
        let planted = b
            .fields
            .first()
            .map(|g| {
                let mut v: Vec<&str> = b.bench().prompts.iter().map(|p| g.of(p)).collect();
                v.sort_unstable();
                v.dedup();
                v.len()
            })
            .unwrap_or(20);
        planted.clamp(2, n.max(2))
    };
    let job_key = Memo::new(move |_| {
        if field.get().as_deref() != Some("computed") {
            return None;
        }
        let Some(Ok(b)) = base.get() else {
            return None;
        };
        let generation = ctx.generation.get();
        view.with(|v| {
            Some(JobKey {
                generation,
                bench: b.bench_name.clone(),
                k: v.extra(key::K)
                    .and_then(|k| k.parse::<usize>().ok())
                    .unwrap_or_else(|| default_k(&b))
                    .clamp(1, b.bench().prompts.len().max(1)),
                method: v
                    .extra(key::METHOD)
                    .and_then(Method::parse)
                    .unwrap_or(Method::Kmeans),
                seed: v.seed,
            })
        })
    });
    let job = RwSignal::new(JobState::default());
    // Starting a computation is work outside the reactive graph (timers, slices), so it is an effect.
    Effect::new(move |_| {
        let Some(k) = job_key.get() else {
            return;
        };
        if job.with_untracked(|s| s.key.as_ref() == Some(&k)) {
            return;
        }
        let Some(Ok(b)) = base.get_untracked() else {
            return;
        };
        start_job(job, k, prompt_texts(&b));
    });

    let groups = Memo::new(move |_| {
        let Some(Ok(b)) = base.get() else {
            return None;
        };
        let f = field.get()?;
        if f == "computed" {
            let key_now = job_key.get();
            let c = job.with(|s| (s.key == key_now).then(|| s.result.clone()).flatten())?;
            return Some(Shared(Arc::new(computed_groups(&b, c))));
        }
        let g = GroupBy::parse(&f)?;
        Some(Shared(Arc::new(data_groups(&b, g))))
    });
    let spec = Memo::new(move |_| view.with(|v| v.bootstrap(Purpose::Clusters)));
    let perf = Memo::new(move |_| {
        let Some(Ok(b)) = base.get() else {
            return None;
        };
        let g = groups.get()?;
        let judge = b.judge?;
        let spec = spec.get();
        let rows = cluster_performance(b.bench(), judge, b.baseline, &g.label_of, spec);
        let all = vec!["all".to_string(); b.bench().prompts.len()];
        let overall = cluster_performance(b.bench(), judge, b.baseline, &all, spec.with_rounds(0));
        let mut models: Vec<(String, f64)> = overall
            .first()
            .map(|o| {
                o.models
                    .iter()
                    .map(|m| (m.model.clone(), m.win_rate))
                    .collect()
            })
            .unwrap_or_default();
        models.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let by_group = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.cluster.clone(), i))
            .collect();
        Some(Shared(Arc::new(Perf {
            rows,
            by_group,
            models,
            level: spec.level(),
            rounds: spec.rounds(),
        })))
    });
    let model = Memo::new(move |_| {
        let p = perf.get()?;
        let wanted = view.with(|v| v.extra(key::MODEL).map(str::to_string));
        wanted
            .filter(|w| p.models.iter().any(|(m, _)| m == w))
            .or_else(|| p.models.first().map(|(m, _)| m.clone()))
    });
    let model2 = Memo::new(move |_| {
        let p = perf.get()?;
        let wanted = view.with(|v| v.extra(key::MODEL2).map(str::to_string))?;
        p.models.iter().any(|(m, _)| *m == wanted).then_some(wanted)
    });
    let selection =
        Memo::new(move |_| view.with(|v| parse_selection(v.extra(key::SEL).unwrap_or(""))));
    let slice: Memo<Option<Shared<Vec<SliceScore>>>> = Memo::new(move |_| {
        let sel = selection.get();
        if sel.is_empty() {
            return None;
        }
        let Some(Ok(b)) = base.get() else {
            return None;
        };
        let g = groups.get()?;
        let judge = b.judge?;
        let mut rows = slice_score(b.bench(), judge, b.baseline, &g.label_of, &sel, spec.get());
        rows.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.model.cmp(&b.model))
        });
        Some(Shared(Arc::new(rows)))
    });

    // Opening a group's prompts in the compare page, with the model chosen.
    let open_group = {
        let set = set.clone();
        move |model: Option<String>, group: String| {
            let (Some(Ok(b)), Some(g)) = (base.get_untracked(), groups.get_untracked()) else {
                return;
            };
            let ids = g.ids(&b, &group).join(",");
            let field = g.field.clone();
            set(&|s| {
                s.set_extra(crate::app::PAGE_KEY, Some(crate::app::COMPARE.into()));
                if let Some(m) = &model {
                    s.set_extra(ckey::A, Some(m.clone()));
                }
                s.set_extra(ckey::PROMPT, None);
                s.set_extra(ckey::PAGE, None);
                s.set_extra(ckey::CLUSTER, None);
                s.set_extra(ckey::CATEGORY, None);
                s.set_extra(ckey::IDS, None);
                s.set_extra(ckey::IDS_NAME, None);
                match field.as_str() {
                    "cluster" => s.set_extra(ckey::CLUSTER, Some(group.clone())),
                    "category" => s.set_extra(ckey::CATEGORY, Some(group.clone())),
                    _ => {
                        s.set_extra(ckey::IDS, Some(ids.clone()));
                        s.set_extra(ckey::IDS_NAME, Some(group.clone()));
                    }
                }
            });
        }
    };
    let open_prompt = {
        let set = set.clone();
        move |id: String| {
            let m = model.get_untracked();
            set(&|s| {
                s.set_extra(crate::app::PAGE_KEY, Some(crate::app::COMPARE.into()));
                if let Some(m) = &m {
                    s.set_extra(ckey::A, Some(m.clone()));
                }
                s.set_extra(ckey::PROMPT, Some(id.clone()));
            });
        }
    };

    let controls = {
        let set = set.clone();
        move || {
            let Some(Ok(b)) = base.get() else {
                return None;
            };
            let f = field.get().unwrap_or_default();
            let set_field = set.clone();
            let set_judge = set.clone();
            let set_model = set.clone();
            let set_model2 = set.clone();
            let set_k = set.clone();
            let set_method = set.clone();
            let models: Vec<String> = perf
                .get()
                .map(|p| {
                    let mut m: Vec<String> = p.models.iter().map(|(m, _)| m.clone()).collect();
                    m.sort_by_key(|x| x.to_lowercase());
                    m
                })
                .unwrap_or_default();
            let models2 = models.clone();
            let judge_now = b.judge.map(|j| b.bench().judges.name(j).to_string());
            let mut options: Vec<(String, String)> = b
                .fields
                .iter()
                .map(|g| {
                    (
                        g.as_str().to_string(),
                        format!("Data labels: {}", g.as_str()),
                    )
                })
                .collect();
            options.push(("computed".into(), "Computed from the prompt texts".into()));
            let k_now = job_key.get().map(|k| k.k).unwrap_or_else(|| default_k(&b));
            let method_now = job_key.get().map(|k| k.method).unwrap_or(Method::Kmeans);
            let computed = f == "computed";
            Some(view! {
                <div class="controls cluster-controls" data-testid="cluster-controls">
                    <label class="field">
                        <span>"Group prompts by"</span>
                        <select data-testid="label-field" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            set_field(&|s| { s.set_extra(key::LABEL, Some(v.clone())); s.set_extra(key::SEL, None); s.set_extra(key::ZOOM, None); })
                        }>
                            {options.into_iter().map(|(v, label)| {
                                let sel = v == f;
                                view! { <option value=v selected=sel>{label}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    {(b.judges.len() > 1).then(|| view! {
                        <label class="field">
                            <span>"Judge"</span>
                            <select data-testid="cluster-judge" on:change=move |ev| {
                                let v = event_target_value(&ev);
                                set_judge(&|s| s.set_extra(ckey::JUDGE, Some(v.clone())))
                            }>
                                {b.judges.iter().map(|j| {
                                    let sel = judge_now.as_ref() == Some(j);
                                    view! { <option value=j.clone() selected=sel>{j.clone()}</option> }
                                }).collect_view()}
                            </select>
                        </label>
                    })}
                    {(!models.is_empty()).then(|| {
                        let now = model.get();
                        view! {
                            <label class="field">
                                <span>"Model"</span>
                                <select data-testid="cluster-model" on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    set_model(&|s| s.set_extra(key::MODEL, Some(v.clone())))
                                }>
                                    {models.into_iter().map(|m| {
                                        let sel = now.as_ref() == Some(&m);
                                        view! { <option value=m.clone() selected=sel>{m.clone()}</option> }
                                    }).collect_view()}
                                </select>
                            </label>
                        }
                    })}
                    {(!models2.is_empty()).then(|| {
                        let now = model2.get();
                        view! {
                            <label class="field">
                                <span>"Compare with"</span>
                                <select data-testid="cluster-model2" on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    set_model2(&|s| s.set_extra(key::MODEL2, (!v.is_empty()).then(|| v.clone())))
                                }>
                                    <option value="" selected=now.is_none()>"(nobody: colour by win rate)"</option>
                                    {models2.into_iter().map(|m| {
                                        let sel = now.as_ref() == Some(&m);
                                        view! { <option value=m.clone() selected=sel>{m.clone()}</option> }
                                    }).collect_view()}
                                </select>
                            </label>
                        }
                    })}
                    {computed.then(|| view! {
                        <label class="field narrow">
                            <span>"Topics (k)"</span>
                            <input type="number" min="2" max="200" data-testid="cluster-k" prop:value=k_now.to_string()
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    set_k(&|s| s.set_extra(key::K, v.parse::<usize>().ok().map(|k| k.clamp(2, 500).to_string())))
                                } />
                        </label>
                        <label class="field">
                            <span>"Method"</span>
                            <select data-testid="cluster-method" on:change=move |ev| {
                                let v = event_target_value(&ev);
                                set_method(&|s| s.set_extra(key::METHOD, Some(v.clone())))
                            }>
                                <option value="kmeans" selected=method_now == Method::Kmeans>"k-means"</option>
                                <option value="ward" selected=method_now == Method::Ward>"Ward (agglomerative)"</option>
                            </select>
                        </label>
                    })}
                </div>
            })
        }
    };

    let progress = move || {
        let s = job.get();
        if field.get().as_deref() != Some("computed") {
            return None;
        }
        if let Some(e) = s.error {
            return Some(view! { <div class="status error" role="alert">{format!("Clustering failed: {e}")}</div> }.into_any());
        }
        if s.running {
            return Some(view! {
                <div class="status cluster-progress" role="status" data-testid="cluster-progress" data-done=format!("{:.3}", s.done)>
                    <progress max="1" value=s.done.to_string()></progress>
                    {format!(" Clustering the prompts: {} ({:.0}%). The page stays usable meanwhile.", s.stage, s.done * 100.0)}
                </div>
            }.into_any());
        }
        s.result.as_ref().map(|c| {
            let n = c.assignment.len();
            let k = c.clusters.len();
            // How well the computed topics match the labels the data ships, when it has some.
            let agreement = base.get().and_then(|b| b.ok()).and_then(|b| {
                let g = *b.fields.first()?;
                let labels: Vec<&str> = b.bench().prompts.iter().map(|p| g.of(p)).collect();
                Some(format!(
                    " Against the data's “{}” labels: adjusted Rand index {:.3}, NMI {:.3}.",
                    g.as_str(),
                    adjusted_rand_index(&labels, &c.assignment),
                    normalized_mutual_info(&labels, &c.assignment)
                ))
            });
            view! {
                <p class="hint" data-testid="cluster-done" data-ms=format!("{:.0}", s.ms) data-k=k.to_string()>
                    {format!(
                        "{k} topics from {n} prompts in {:.0} ms (TF-IDF, {}-dimensional SVD, {}; labels are each topic's top terms by class-based TF-IDF).",
                        s.ms, 64, if s.key.as_ref().is_some_and(|k| k.method == Method::Ward) { "Ward agglomeration" } else { "k-means++ with restarts" }
                    )}
                    {agreement}
                </p>
            }.into_any()
        })
    };

    let notes =
        move || {
            let Some(Ok(b)) = base.get() else {
                return None;
            };
            (!b.notes.is_empty()).then(|| view! {
            <div class="status note" role="status" data-testid="note">
                <ul>{b.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
            </div>
        })
        };

    let body = {
        let open_group = open_group.clone();
        let set = set.clone();
        move || {
            let b = match base.get() {
                None => return view! { <p class="hint">"Waiting for the data…"</p> }.into_any(),
                Some(Err(e)) => {
                    return view! { <div class="status error" role="alert">{e}</div> }.into_any()
                }
                Some(Ok(b)) => b,
            };
            let Some(g) = groups.get() else {
                return view! { <p class="hint">"Topics appear here when the clustering finishes."</p> }.into_any();
            };
            let p = perf.get();
            let level = spec.with(|s| s.level());
            let open_group = open_group.clone();
            let open_group2 = open_group.clone();
            let open_group3 = open_group.clone();
            let set = set.clone();
            view! {
                {p.clone().map(|p| view! {
                    <section class="card">
                        <h2>"Where each model is strong or weak"</h2>
                        <p class="hint">{format!(
                            "Win rate against the baseline per {}, from each prompt's games (win 1, tie ½, loss 0; strong verdicts unweighted). Muted cells: the {:.0}% interval (prompt-level bootstrap, {} rounds, seed {}) includes 50%, so the data cannot tell the model from the baseline there. Click a cell to read those prompts.",
                            if g.field == "computed" { "computed topic".to_string() } else { format!("“{}” label", g.field) },
                            level * 100.0, p.rounds, spec.with(|s| s.seed())
                        )}</p>
                        {heatmap(p.clone(), g.clone(), open_group.clone())}
                    </section>
                })}
                <section class="card">
                    <h2>{if g.field == "computed" { "Topics".to_string() } else { format!("Groups by “{}”", g.field) }}</h2>
                    {cluster_table(p.clone(), g.clone(), model, selection, set.clone(), open_group2)}
                </section>
                {slice.get().map(|s| view! {
                    <section class="card">
                        <h2>"Custom score over the selected groups"</h2>
                        {slice_table(s, level, selection.get())}
                    </section>
                })}
                {p.clone().map(|p| view! {
                    <section class="card">
                        <h2>"Hierarchy"</h2>
                        {treemap(p, g.clone(), model, model2, set.clone(), open_group3)}
                    </section>
                })}
                {g.computed.clone().map(|c| {
                    let bench_prompts: Vec<(String, String)> = b.bench().prompts.iter().map(|p| (p.id.clone(), p.text.clone())).collect();
                    let scores: Option<Vec<Option<f64>>> = (|| {
                        let m = model.get()?;
                        let judge = b.judge?;
                        let index = arena_lens_core::compare::CompareIndex::new(b.bench(), judge, b.baseline);
                        let id = b.bench().models.get(&m)?;
                        Some((0..b.bench().prompts.len() as u32).map(|p| index.on_prompt(b.bench(), id, p).score()).collect())
                    })();
                    view! {
                        <section class="card">
                            <h2>"Prompt map"</h2>
                            {prompt_map(c.clone(), bench_prompts, scores, model.get(), set.clone(), open_prompt.clone())}
                        </section>
                        <section class="card">
                            <h2>"Dendrogram of the topics"</h2>
                            {dendrogram(c)}
                        </section>
                    }
                })}
            }
            .into_any()
        }
    };

    view! {
        <div class="page clusters">
            <div class="toolbar">
                <h1>"Topic clusters"</h1>
                <ShareLink />
            </div>
            {notes}
            {controls}
            {progress}
            {body}
        </div>
    }
}
