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
//! piece of local state is the running clustering job ([`job`]), which is work in progress, not a
//! view. The grouping, the per-group performance and the custom slice are the core's
//! ([`arena_lens_core::cluster::groups`], [`perf`](arena_lens_core::cluster::perf),
//! [`selection`](arena_lens_core::cluster::selection)); the page renders them, from its [`base`]
//! (the scope it works on), with its [`controls`], its [`links`] (where a click leads) and the
//! [`perf_export`] of its numbers.

mod base;
mod controls;
mod job;
mod links;
mod perf_export;
mod reveal;

use crate::components::broad_topics::broad_topics;
use crate::components::cluster_dendrogram::dendrogram;
use crate::components::cluster_heatmap::heatmap;
use crate::components::cluster_quality::cluster_quality;
use crate::components::cluster_table::{cluster_table, slice_table};
use crate::components::cluster_treemap::treemap;
use crate::components::map_selection::{map_selection, Selected};
use crate::components::method_picker::{use_method, MethodLine, MethodSelect};
use crate::components::prompt_map::{prompt_map, MapData, PromptAt, ScoresOf};
use crate::components::share_link::ShareLink;
use crate::data::{DataContext, LoadState};
use crate::ui::Shared;
use crate::url_state::{use_set_view, use_view_state};
use arena_lens_core::bootstrap::Purpose;
use arena_lens_core::cluster::groups::{GroupField, Groups};
use arena_lens_core::cluster::perf::{prompt_scores, ranked_slice, Perf, PerfSource};
use arena_lens_core::cluster::performance::SliceScore;
use arena_lens_core::cluster::selection::parse_selection;
use arena_lens_core::cluster::topic_perfs::{self, PerfRequest};
use arena_lens_core::scope::ScopeRequest;
use base::{build_base, PerfMemo};
use job::{progress_view, start, JobKey, JobState};
use leptos::prelude::*;
use reveal::Reveal;
use std::sync::Arc;

use arena_lens_core::view_state::keys::clusters as key;

/// The result's sections, in page order: each is shown in a task of its own ([`reveal`]).
const HEATMAP: usize = 0;
const TABLE: usize = 1;
const QUALITY: usize = 2;
const SELECTION: usize = 3;
const SLICE: usize = 4;
const TREEMAP: usize = 5;
const BROAD: usize = 6;
const MAP: usize = 7;
/// The last one: the dendrogram.
const SECTIONS: usize = 9;

#[component]
pub fn ClustersPage() -> impl IntoView {
    let ctx = expect_context::<DataContext>();
    let view = use_view_state();
    let set = use_set_view();

    let request = Memo::new(move |_| view.with(|v| ScopeRequest::from_view(v, Purpose::Clusters)));
    let base = Memo::new(move |_| {
        let LoadState::Ready(loaded) = ctx.state.get() else {
            return None;
        };
        Some(request.with(|r| build_base(loaded, r).map(|b| Shared(Arc::new(b)))))
    });
    let field = Memo::new(move |_| {
        let Some(Ok(b)) = base.get() else {
            return None;
        };
        Some(view.with(|v| GroupField::choose(v.extra(key::LABEL), &b.fields)))
    });
    let job_key = Memo::new(move |_| {
        if field.get() != Some(GroupField::Computed) {
            return None;
        }
        let Some(Ok(b)) = base.get() else {
            return None;
        };
        let generation = ctx.generation.get();
        view.with(|v| Some(JobKey::new(generation, &b, v)))
    });
    let job = RwSignal::new(JobState::default());
    let groups = Memo::new(move |_| {
        let Some(Ok(b)) = base.get() else {
            return None;
        };
        let groups = match field.get()? {
            GroupField::Computed => {
                let key_now = job_key.get();
                let c = job.with(|s| (s.key == key_now).then(|| s.result.clone()).flatten())?;
                Groups::from_clustering(b.bench(), c.0)
            }
            GroupField::Label(g) => Groups::from_label(b.bench(), g),
        };
        Some(Shared(Arc::new(groups)))
    });
    // The link's prompt subset (a box or lasso on the map, a search, a criteria slice) as prompt
    // indices; `None`: every prompt (no subset, or one that cannot be resolved: the card says why).
    let subset_prompts: Memo<Option<Arc<Vec<u32>>>> = Memo::new(move |_| {
        let Some(Ok(b)) = base.get() else {
            return None;
        };
        view.with(|v| {
            (!v.subset.is_all())
                .then(|| v.subset.select(b.bench()).ok())
                .flatten()
                .map(|sel| Arc::new(sel.prompts))
        })
    });
    let method = use_method(Purpose::Clusters);
    let spec = Memo::new(move |_| view.with(|v| v.bootstrap(Purpose::Clusters, method.get())));
    let method_line =
        Signal::derive(move || method.get().line(Purpose::Clusters, &spec.get(), false));
    // What the win rates are computed from; sent with the clustering job so the worker computes
    // them too (`None`: nothing to score).
    let perf_request: Memo<Option<PerfRequest>> = Memo::new(move |_| {
        let Some(Ok(b)) = base.get() else {
            return None;
        };
        let source = PerfSource::of(b.bench(), b.judge)?;
        let sub = subset_prompts.get();
        Some(PerfRequest::new(
            source,
            b.baseline,
            spec.get(),
            sub.as_deref().cloned(),
        ))
    });
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
        start(job, k, &b, perf_request.get_untracked());
    });

    // The worker's win rates for the shown clustering, when they were computed for the view's
    // request; else (no worker, a label field, another subset or bootstrap since) the page
    // computes them as before.
    let worker_perfs = Memo::new(move |_| {
        if field.get() != Some(GroupField::Computed) {
            return None;
        }
        let req = perf_request.get()?;
        let key_now = job_key.get();
        job.with(|s| {
            (s.key == key_now)
                .then(|| s.perfs.clone())
                .flatten()
                .filter(|(r, _, _)| *r == req)
                .map(|(_, t, b)| (t, b))
        })
    });
    let perf: PerfMemo = Memo::new(move |_| {
        if let Some((t, _)) = worker_perfs.get() {
            return Some(t);
        }
        let Some(Ok(b)) = base.get() else {
            return None;
        };
        let g = groups.get()?;
        let req = perf_request.get()?;
        let perf = Perf::compute_on(
            b.bench(),
            req.source,
            req.baseline,
            &g,
            spec.get(),
            req.subset.as_deref(),
        );
        Some(Shared(Arc::new(perf)))
    });
    // Win rates per broad topic, as the CLI's `broad_clusters`: the same computation over the
    // broad topic names instead of the topic names.
    let broad_perf: PerfMemo = Memo::new(move |_| {
        if let Some((_, broad)) = worker_perfs.get() {
            return Some(broad);
        }
        let Some(Ok(b)) = base.get() else {
            return None;
        };
        let c = groups.get()?.computed.clone()?;
        let req = perf_request.get()?;
        let perf = topic_perfs::broad_perf(b.bench(), &c, &req, spec.get());
        Some(Shared(Arc::new(perf)))
    });
    let model = Memo::new(move |_| {
        let p = perf.get()?;
        view.with(|v| p.model_or_best(v.extra(key::MODEL)))
    });
    let model2 = Memo::new(move |_| {
        let p = perf.get()?;
        let wanted = view.with(|v| v.extra(key::MODEL2).map(str::to_string))?;
        p.has_model(&wanted).then_some(wanted)
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
        let rows = ranked_slice(b.bench(), judge, b.baseline, &g, &sel, spec.get());
        Some(Shared(Arc::new(rows)))
    });

    // The prompt subset of the link (a box on the map, a search), resolved against the bench: the
    // map greys what is outside it and the selection card offers its leaderboard.
    let subset: Memo<Option<Selected>> = Memo::new(move |_| {
        let Some(Ok(b)) = base.get() else {
            return None;
        };
        view.with(|v| {
            if v.subset.is_all() {
                return None;
            }
            let bench = b.bench();
            Some(
                v.subset
                    .select(bench)
                    .map(|sel| {
                        let ids = sel
                            .prompts
                            .iter()
                            .map(|&i| bench.prompts[i as usize].id.to_string())
                            .collect();
                        (sel.prompts.len(), sel.of, sel.description, ids)
                    })
                    .map_err(|e| e.to_string()),
            )
        })
    });
    let selected_mask = Memo::new(move |_| {
        let Some(Ok(b)) = base.get() else {
            return None;
        };
        let sel = subset_prompts.get()?;
        let mut mask = vec![false; b.bench().prompts.len()];
        sel.iter().for_each(|&i| mask[i as usize] = true);
        Some(mask)
    });
    let quality = Memo::new(move |_| {
        let Some(Ok(b)) = base.get() else {
            return None;
        };
        let g = groups.get()?;
        let tagged = arena_lens_core::subset::has_criteria(b.bench());
        let rows = if tagged {
            arena_lens_core::cluster::quality::by_group(b.bench(), &g.label_of)
        } else {
            Vec::new()
        };
        Some((tagged, rows))
    });
    let select_on_map = links::select_on_map(base, set.clone());
    let open_group = links::open_group(base, groups, set.clone());
    let open_prompt = links::open_prompt(model, set.clone());

    // A new result's sections appear one per task, in page order ([`reveal`]).
    let result_key =
        Memo::new(move |_| groups.with(|g| g.as_ref().map(|g| Arc::as_ptr(&g.0) as usize)));
    let reveal = Reveal::new(result_key, SECTIONS);
    let shows: [Memo<bool>; SECTIONS] = std::array::from_fn(|i| reveal.shows(i));

    let controls =
        controls::cluster_controls(base, field, perf, model, model2, job_key, set.clone());

    let progress = move || {
        let s = job.get();
        if field.get() != Some(GroupField::Computed) {
            return None;
        }
        // The done line comes with the result's last section: once it shows, all of it is on
        // the page.
        if s.result.is_some() && !s.running && !shows[SECTIONS - 1].get() {
            return None;
        }
        progress_view(s, base)
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
            let export_perf =
                perf_export::perf_export(p.clone(), b.clone(), method, spec, method_line);
            // Each section is its own reactive closure, shown once `reveal` reaches it (one per
            // task after a new result), reading only what it draws.
            let section = {
                let (b, g, p) = (b.clone(), g.clone(), p.clone());
                let (open_group, set, export_perf) =
                    (open_group.clone(), set.clone(), export_perf.clone());
                let (open_prompt, select_on_map) = (open_prompt.clone(), select_on_map.clone());
                move |i: usize| -> Option<AnyView> {
                    if !shows[i].get() {
                        return None;
                    }
                    let (b, g, p, set) = (b.clone(), g.clone(), p.clone(), set.clone());
                    Some(match i {
                        HEATMAP => p.map(|p| view! {
                            <section class="card">
                                <h2>"Where each model is strong or weak"</h2>
                                <p class="hint" data-testid="perf-hint">{format!(
                                    "{} per {}, from each prompt's {} (win 1, tie ½, loss 0{}). Muted cells: the {:.0}% interval (prompt-level bootstrap, {} rounds, seed {}) includes 50%, so the data cannot tell the model from {} there.{} Click a cell to read those prompts.",
                                    if p.source == PerfSource::Votes { "Win rate against the opponents each model met" } else { "Win rate against the baseline" },
                                    if g.field == GroupField::Computed { "computed topic".to_string() } else { format!("“{}” label", g.field.name(b.bench().layout)) },
                                    if p.source == PerfSource::Votes { "votes" } else { "games" },
                                    if p.source == PerfSource::Votes { "" } else { "; strong verdicts unweighted" },
                                    level * 100.0, p.rounds, spec.with(|s| s.seed()),
                                    if p.source == PerfSource::Votes { "an even record" } else { "the baseline" },
                                    subset_prompts.get().map(|s| format!(" Over the {} selected prompts only.", s.len())).unwrap_or_default(),
                                )}</p>
                                {export_perf("heatmap-export")}
                                {heatmap(p.clone(), g.clone(), open_group.clone())}
                            </section>
                        }).into_any(),
                        TABLE => view! {
                            <section class="card">
                                <h2>{if g.field == GroupField::Computed { "Topics".to_string() } else { format!("Groups by “{}”", g.field.name(b.bench().layout)) }}</h2>
                                {export_perf("cluster-table-export")}
                                {cluster_table(p, g, model, selection, set, open_group.clone())}
                            </section>
                        }.into_any(),
                        QUALITY => quality.get().map(|(tagged, rows)| view! {
                            <section class="card" data-testid="quality-card">
                                <h2>"Prompt quality by group"</h2>
                                {cluster_quality(rows, tagged, set)}
                            </section>
                        }).into_any(),
                        SELECTION => view! {
                            <section class="card" data-testid="selection-card">
                                <h2>"Leaderboard for a selection of prompts"</h2>
                                {map_selection(subset.get(), view.with(|v| v.subset.search.clone().unwrap_or_default()), set)}
                            </section>
                        }.into_any(),
                        SLICE => slice.get().map(|s| view! {
                            <section class="card">
                                <h2>"Custom score over the selected groups"</h2>
                                {slice_table(s, level, selection.get())}
                            </section>
                        }).into_any(),
                        TREEMAP => p.map(|p| view! {
                            <section class="card">
                                <h2>"Hierarchy"</h2>
                                {treemap(p, g.clone(), model, model2, set, open_group.clone())}
                            </section>
                        }).into_any(),
                        BROAD => g.computed.clone().map(|c| view! {
                            <section class="card" data-testid="broad-card">
                                <h2>"Broad topics and their topics"</h2>
                                {broad_topics(c, broad_perf.get(), p, model.get())}
                            </section>
                        }).into_any(),
                        MAP => g.computed.clone().map(|c| {
                            // The map reads a prompt's id and text only when it shows one.
                            let prompt: PromptAt = {
                                let b = b.clone();
                                Arc::new(move |i| b.bench().prompts.get(i).map(|p| (p.id.to_string(), p.text.clone())))
                            };
                            let scores = model.get().zip(b.judge).filter(|(m, _)| b.bench().models.get(m).is_some()).map(|(m, judge)| -> ScoresOf {
                                let b = b.clone();
                                Arc::new(move || prompt_scores(b.bench(), judge, b.baseline, &m).unwrap_or_default())
                            });
                            let tagged = arena_lens_core::subset::has_criteria(b.bench());
                            let quality = tagged.then(|| b.bench().prompts.iter().map(|p| p.criteria.map(|c| c.score())).collect());
                            let data = MapData { clustering: Shared(c), prompt, scores, quality, selected: selected_mask.get(), model: model.get() };
                            view! {
                                <section class="card">
                                    <h2>"Prompt map"</h2>
                                    {prompt_map(data, set, open_prompt.clone(), select_on_map.clone())}
                                </section>
                            }
                        }).into_any(),
                        _ => g.computed.clone().map(|c| view! {
                            <section class="card">
                                <h2>"Dendrogram of the topics"</h2>
                                {dendrogram(Shared(c))}
                            </section>
                        }).into_any(),
                    })
                }
            };
            let sections: Vec<_> = (0..SECTIONS)
                .map(|i| {
                    let section = section.clone();
                    move || section(i)
                })
                .collect();
            view! { {sections} }.into_any()
        }
    };

    view! {
        <div class="page clusters">
            <div class="toolbar">
                <h1>"Topic clusters"</h1>
                <MethodSelect purpose=Purpose::Clusters />
                <ShareLink />
            </div>
            <MethodLine text=method_line testid="clusters-method" />
            {notes}
            {controls}
            {progress}
            {body}
        </div>
    }
}
