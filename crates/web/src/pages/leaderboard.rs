//! The leaderboard page: controls, the forest plot, the table, per-group tables, the load report and
//! the timings. Scores are computed in the browser by the core crate, in the compute worker
//! ([`crate::compute`]): the page resolves the scope, sends the job, and keeps showing the previous
//! leaderboard (dimmed, with progress once it takes a moment) until the new one arrives.

use crate::clock::now_ms;
use crate::components::compute_progress::ComputeProgress;
use crate::components::controls::{Choices, Controls};
use crate::components::export_menu::{provenance, ExportMenu, Exportable};
use crate::components::forest_chart::ForestChart;
use crate::components::leaderboard_table::{LeaderboardTable, ScoreScale};
use crate::components::load_report::LoadReportView;
use crate::components::prompt_subset::PromptSubsetBar;
use crate::components::share_link::ShareLink;
use crate::compute::JobHandle;
use crate::data::{DataContext, LoadState, Loaded};
use crate::ui::scope as ui_scope;
use crate::url_state::{use_set_view, use_view_state};
use arena_lens_charts::ForestRow;
use arena_lens_core::bootstrap::BootstrapUnit;
use arena_lens_core::compute::protocol::{Job, JobResult};
use arena_lens_core::export;
use arena_lens_core::leaderboard::{self, Leaderboard, ModelRow};
use arena_lens_core::scope::{Purpose, ScopeRequest};
use arena_lens_core::view_state::keys;
use leptos::prelude::*;
use std::sync::Arc;

/// A computed leaderboard with how long it took.
#[derive(Clone, Debug)]
struct Computed {
    result: Result<Arc<Leaderboard>, String>,
    /// The scope's bench and what a reader should know about the scope (core `scope` notes).
    bench: Option<String>,
    notes: Vec<String>,
    ms: f64,
    loaded: Arc<Loaded>,
}

impl PartialEq for Computed {
    fn eq(&self, other: &Self) -> bool {
        self.result == other.result
            && self.bench == other.bench
            && self.notes == other.notes
            && self.ms == other.ms
            && Arc::ptr_eq(&self.loaded, &other.loaded)
    }
}

/// What a request to the worker carries back with its result: what the page resolved.
#[derive(Clone, Debug)]
struct Context {
    bench: Option<String>,
    notes: Vec<String>,
    loaded: Arc<Loaded>,
}

impl PartialEq for Context {
    fn eq(&self, other: &Self) -> bool {
        self.bench == other.bench
            && self.notes == other.notes
            && Arc::ptr_eq(&self.loaded, &other.loaded)
    }
}

/// How the view's leaderboard is obtained.
#[derive(Clone, Debug, PartialEq)]
enum Plan {
    /// Known at once: a published scores table, or a scope error.
    Now(Computed),
    /// Computed by the compute worker.
    Worker(Job, Context),
}

fn forest_rows(rows: &[ModelRow], baseline: &str) -> Vec<ForestRow> {
    rows.iter()
        .map(|r| ForestRow {
            label: r.model.clone(),
            score: r.score,
            lower: r.lower,
            upper: r.upper,
            highlight: r.model == baseline,
        })
        .collect()
}

#[component]
pub fn LeaderboardPage() -> impl IntoView {
    let ctx = expect_context::<DataContext>();
    let view = use_view_state();
    let set = use_set_view();
    let inputs = Memo::new(move |_| {
        view.with(|v| {
            (
                ScopeRequest::from_view(v, Purpose::Leaderboard),
                v.options(),
            )
        })
    });
    // What the view asks for: a table shown at once, or a job for the compute worker.
    let plan = Memo::new(move |_| {
        let LoadState::Ready(loaded) = ctx.state.get() else {
            return None;
        };
        let (req, opts) = inputs.get();
        let t0 = now_ms();
        // A published scores table and no verdicts (a WildBench pairwise-*.json, the AlpacaEval
        // CSV): the table as printed, by the CLI's rule. Reading it is not a computation.
        if let Some(table) = leaderboard::scores_only::of_dataset(&loaded.dataset).transpose() {
            let result = table.map(Arc::new);
            let bench = result.as_ref().ok().map(|lb| lb.bench.clone());
            return Some(Plan::Now(Computed {
                result,
                bench,
                notes: Vec::new(),
                ms: now_ms() - t0,
                loaded,
            }));
        }
        // The scope (bench, judges, baselines) is the core's decision, as for every page and the CLI;
        // the site opens on the first judge by name rather than stopping to ask.
        let scoped = match ui_scope::resolve(&loaded.dataset, &req) {
            Ok(s) => s,
            Err(e) => {
                return Some(Plan::Now(Computed {
                    result: Err(e),
                    bench: None,
                    notes: Vec::new(),
                    ms: now_ms() - t0,
                    loaded,
                }))
            }
        };
        let job = Job::Leaderboard {
            bench: scoped.bench.clone(),
            options: opts.scoped(&scoped),
        };
        Some(Plan::Worker(
            job,
            Context {
                bench: Some(scoped.bench.clone()),
                notes: ui_scope::notes(&scoped),
                loaded,
            },
        ))
    });
    // The statistics run in the compute worker; sending a request is the outside world.
    let worker = JobHandle::<Context>::new();
    Effect::new(move |_| {
        if let Some(Plan::Worker(job, c)) = plan.get() {
            worker.submit(job, c.loaded.clone(), c);
        }
    });
    let computed = Memo::new(move |_| match plan.get()? {
        Plan::Now(c) => Some(c),
        // The newest result, which stays while a newer request computes (the page dims it).
        Plan::Worker(..) => worker.finished.with(|f| {
            let f = f.as_ref()?;
            let result = match &f.result {
                Ok(JobResult::Leaderboard(lb)) => Ok(Arc::new((**lb).clone())),
                Ok(other) => Err(format!("unexpected compute result: {other:?}")),
                Err(e) => Err(e.clone()),
            };
            Some(Computed {
                result,
                bench: f.ctx.bench.clone(),
                notes: f.ctx.notes.clone(),
                ms: f.ms,
                loaded: f.ctx.loaded.clone(),
            })
        }),
    });
    let choices = Memo::new(move |_| {
        let Some(c) = computed.get() else {
            return Choices::default();
        };
        let mut ch = Choices {
            benches: c
                .loaded
                .dataset
                .benches
                .values()
                .filter(|b| !b.judgments.is_empty() || !b.file_battles.is_empty())
                .map(|b| b.name.clone())
                .collect(),
            ..Choices::default()
        };
        if let Some(b) = c
            .bench
            .as_ref()
            .and_then(|n| c.loaded.dataset.benches.get(n))
        {
            ch.judges = arena_lens_core::scope::judges::sorted_names(b);
            ch.has_style = b.answers.iter().any(|a| a.style.is_some())
                || b.file_battles.iter().any(|f| f.style.is_some());
        }
        if let Ok(lb) = &c.result {
            let mut models: Vec<String> = lb.models.iter().map(|r| r.model.clone()).collect();
            models.sort_by_key(|m| m.to_lowercase());
            ch.models = models;
            ch.baseline = lb.baseline.clone();
            ch.judged_baseline = lb.judged_baseline.clone();
            ch.active_judges = lb.judges.clone();
        }
        ch
    });
    let set_filter = set.clone();
    let set_group = set.clone();

    // The board reads only this key of the view: any other change of the URL (a control whose
    // result the worker computes) must not rebuild the board, which would block the page.
    let lb_group = Memo::new(move |_| view.with(|v| v.extra(keys::LB_GROUP).map(str::to_string)));
    let board = move || {
        let c = computed.get()?;
        let lb = match &c.result {
            Ok(lb) => lb.clone(),
            Err(e) => {
                // Answers without verdicts: nothing to score, but something to read.
                if let Some(v) = crate::components::nothing_to_score::nothing_to_score() {
                    return Some(v);
                }
                return Some(view! { <div class="status error" role="alert" data-testid="compute-error">{e.clone()}</div> }.into_any());
            }
        };
        let notes = c.notes.clone();
        // What the scores are (the method's score label): win rates against the baseline get the
        // 50% reference line; other scales (Elo ratings) neither the line nor a % axis.
        let scale = ScoreScale::of(&lb);
        // A method that prints no interval (MT-Bench, WildBench: lower = upper) gets no "CI" in the
        // title; one without a baseline (MT-Bench's pairwise-all mode) is against every other model.
        let ci = if lb.models.iter().any(|m| m.upper > m.lower) {
            format!(" with {:.0}% CI", lb.level * 100.0)
        } else {
            String::new()
        };
        let against = if lb.baseline.is_empty() {
            "the other models (every pair)".to_string()
        } else {
            lb.baseline.clone()
        };
        let (title, x_label, reference) = if scale.percent {
            (
                format!("Win rate vs {against}{ci}"),
                format!("Win rate against {against} (%)"),
                Some(50.0),
            )
        } else {
            (format!("{}{ci}", scale.label), scale.label.clone(), None)
        };
        let coefs = lb.style_coefficients.clone();
        let group_names: Vec<(String, usize, Option<String>)> = lb
            .groups
            .iter()
            .map(|g| (g.group.clone(), g.prompts, g.baseline.clone()))
            .collect();
        let chosen_group = lb_group
            .get()
            .or_else(|| group_names.first().map(|g| g.0.clone()));
        let group_board = chosen_group
            .as_ref()
            .and_then(|g| lb.groups.iter().find(|x| &x.group == g))
            .cloned();
        let set_group = set_group.clone();
        let unrated = lb.unrated.clone();
        // Exports are built from this leaderboard, all its rows in the core's order (the table's
        // filter and sort are a view of them).
        let source = c.loaded.source.clone();
        let export_main = {
            let (lb, source) = (lb.clone(), source.clone());
            Exportable::table(move || {
                Some(export::leaderboard::leaderboard(&lb, &provenance(&source)))
            })
        };
        let export_group = group_board.as_ref().map(|gb| {
            let (lb, gb, source) = (lb.clone(), gb.clone(), source.clone());
            let stem = format!("leaderboard-{}", gb.group);
            let table = Exportable::table(move || {
                Some(export::leaderboard::group_board(
                    &lb,
                    &gb,
                    &provenance(&source),
                ))
            });
            (table, stem)
        });
        Some(view! {
            {(!notes.is_empty()).then(|| view! {
                <div class="status note" role="status" data-testid="scope-notes">
                    <ul>{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                </div>
            })}
            <section class="summary" data-testid="summary">
                <p>
                    <strong>{lb.bench.clone()}</strong>
                    {format!(" · judge{} {}", if lb.judges.len() > 1 { "s" } else { "" }, if lb.judges.is_empty() { "(battles file)".to_string() } else { lb.judges.join(" + ") })}
                    // A method without a baseline (an Elo scale) names none.
                    {(!lb.baseline.is_empty()).then(|| format!(" · baseline {}", lb.baseline))}
                    {lb.judged_baseline.clone().filter(|j| *j != lb.baseline).map(|j| format!(" (judged against {j})"))}
                    // A method that always groups (v2.0's categories) shows one group's board here.
                    {lb.method.fixed_group().and_then(|_| lb.groups.iter().find(|g| g.models == lb.models)).map(|g| format!(" · category {} (the tool's default); every category, each against its own baseline, below", g.group))}
                </p>
                <p class="method" data-testid="method">{lb.method_line.clone()}</p>
                {(lb.bootstrap_unit == BootstrapUnit::Row).then(|| view! {
                    <p class="hint">{if lb.method.fixed_unit().is_some() {
                        "This method resamples battle rows, as its tool does. That treats the copies of a strong verdict and a prompt's two games as independent, so it understates uncertainty; the arena-lens method's prompt bootstrap gives the honest interval."
                    } else {
                        "Row resampling treats the copies of a strong verdict and a prompt's two games as independent, so it understates uncertainty. Choose “Prompts (clustered)” for the honest interval."
                    }}</p>
                })}
                {(!coefs.is_empty()).then(|| view! {
                    <p data-testid="style-coefs">"Style coefficients: "{coefs.iter().map(|(k, v)| format!("{k} {v:+.3}")).collect::<Vec<_>>().join(", ")}</p>
                })}
            </section>
            <ForestChart rows=forest_rows(&lb.models, &lb.baseline) title=title x_label=x_label reference=reference />
            <div class="table-tools">
                <ExportMenu what=export_main name="leaderboard" label="leaderboard table" testid="leaderboard-export" />
            </div>
            <LeaderboardTable rows=lb.models.clone() level=lb.level baseline=lb.baseline.clone() testid="leaderboard" scale=scale.clone() />
            {(!unrated.is_empty()).then(|| view! { <p class="hint">"Not rated (no battles link them to the baseline): "{unrated.join(", ")}</p> })}
            {lb.group_by.map(|g| view! {
                <section class="groups" data-testid="groups">
                    <h2>{format!("By {}", g.as_str())}</h2>
                    <label class="field">
                        <span>{format!("{} ({})", g.as_str(), group_names.len())}</span>
                        <select data-testid="group-select" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            set_group(&|s| s.set_extra(keys::LB_GROUP, Some(v.clone())))
                        }>
                            {group_names.iter().map(|(name, n, base)| {
                                let sel = Some(name) == chosen_group.as_ref();
                                // A group with its own baseline (v2.0's categories) says which.
                                let against = base.as_ref().map(|b| format!(", against {b}")).unwrap_or_default();
                                view! { <option value=name.clone() selected=sel>{format!("{name} ({n} prompts{against})")}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    {export_group.map(|(what, stem)| view! {
                        <div class="table-tools">
                            <ExportMenu what=what name=stem label="group leaderboard" testid="group-export" />
                        </div>
                    })}
                    {group_board.map(|gb| view! {
                        <LeaderboardTable rows=gb.models.clone() level=lb.level baseline=gb.baseline.clone().unwrap_or_else(|| lb.baseline.clone()) testid="group-board" scale=scale.clone() />
                    })}
                </section>
            })}
            <LoadReportView report=lb.report.clone() />
            <footer class="timings" data-testid="timings">
                {format!(
                    "Loaded {} files ({:.1} MB{}) from {} in {:.0} ms, parsed in {:.0} ms · leaderboard computed in {:.0} ms.",
                    c.loaded.files, c.loaded.bytes as f64 / 1e6,
                    if c.loaded.lazy.is_some() { ", slim copies: answer and judge texts load when the compare page shows them" } else { "" },
                    c.loaded.source, c.loaded.fetch_ms, c.loaded.parse_ms, c.ms
                )}
            </footer>
        }.into_any())
    };

    let busy = move || {
        worker.pending.with(|p| p.is_some()) && matches!(plan.get(), Some(Plan::Worker(..)))
    };
    view! {
        <div class="page leaderboard">
            <div class="toolbar">
                <h1>"Leaderboard"</h1>
                <ShareLink />
            </div>
            <Controls choices=choices />
            <PromptSubsetBar />
            <ComputeProgress what="the leaderboard" pending=worker.pending completed=worker.completed abandoned=worker.abandoned
                arrived=Signal::derive(move || worker.finished.with(|f| f.as_ref().map(|f| f.arrived))) />
            <div class="filter">
                <label class="field">
                    <span>"Filter models"</span>
                    <input type="search" data-testid="filter" placeholder="name contains…"
                        prop:value=move || view.with(|v| v.filter.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); set_filter(&|s| s.filter = v.clone()) } />
                </label>
            </div>
            // The previous result stays, dimmed, while a newer one computes.
            // `will-change`: the board is its own layer, so dimming it repaints nothing.
            <div class="board" aria-busy=move || busy().to_string() style:will-change="opacity"
                style:opacity=move || if busy() { "0.55" } else { "1" }>
                {board}
            </div>
        </div>
    }
}
