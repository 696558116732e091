//! The diff page (`?view=diff`): two runs side by side. Run 1 is the loaded data with the shared
//! keys; run 2 is `data2=` (another data folder, battles file or scores CSV), local files opened
//! here, or the same data with `judge2`, `bench2` or `method2` (see
//! `arena_lens_core::view_state::diff_request`). The numbers are the core's `diff::compute`, the
//! same call as `arena-lens diff`.
//!
//! The diff (two leaderboards and the paired bootstrap) is the heavy part: the page resolves both
//! runs' scopes (the run cards) and the compute worker ([`crate::compute`]) computes the diff, with
//! every shared model's changed prompts; the previous diff stays meanwhile, with progress once it
//! takes a moment. The chosen model's prompt list is read from it in a memo and changes instantly.

use crate::components::compute_progress::ComputeProgress;
use crate::components::diff::chart::DiffSlope;
use crate::components::diff::dumbbell::DiffDumbbell;
use crate::components::diff::prompts::{CompareTarget, PromptChanges, PAGE};
use crate::components::diff::run_picker::{RunCard, RunChoices};
use crate::components::diff::second_run::{
    load_url, OpenSecondRun, Second, SecondData, SecondState,
};
use crate::components::diff::summary::{AgreementView, ConsistencyView, DecompositionView};
use crate::components::diff::table::{DiffTable, OnlyIn};
use crate::components::export_menu::{provenance, ExportMenu, Exportable};
use crate::components::share_link::ShareLink;
use crate::compute::JobHandle;
use crate::data::{DataContext, LoadState, Loaded};
use crate::ui::scope as ui_scope;
use crate::url_state::{use_view_setter, use_view_state};
use arena_lens_core::compute::protocol::{DiffData, DiffRun, Job, JobResult};
use arena_lens_core::dataset::Dataset;
use arena_lens_core::diff::Diff;
use arena_lens_core::export;
use arena_lens_core::leaderboard::LeaderboardOptions;
use arena_lens_core::scope::{Purpose, ScopeRequest};
use arena_lens_core::style::StyleMode;
use arena_lens_core::view_state::diff_request::DiffRequest;
use arena_lens_core::view_state::keys;
use leptos::prelude::*;
use std::sync::Arc;

/// What the diff depends on.
type Inputs = (DiffRequest, LeaderboardOptions);

/// The diff and what the page shows around it.
#[derive(Debug)]
struct Computed {
    choices: Vec<RunChoices>,
    result: Result<Diff, String>,
    targets: (CompareTarget, CompareTarget),
    ms: f64,
}

/// What the page resolved for a request: the run cards and the compare links' targets.
#[derive(Clone, Debug, PartialEq)]
struct Context {
    inputs: Inputs,
    choices: Vec<RunChoices>,
    targets: (CompareTarget, CompareTarget),
}

/// How the view's diff is obtained.
#[derive(Clone, Debug)]
enum Plan {
    /// Known at once: a run's scope allows no diff.
    Now(Shared),
    /// Computed by the compute worker.
    Worker(Box<Job>, Context, Arc<Loaded>),
}

impl PartialEq for Plan {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Plan::Now(a), Plan::Now(b)) => a == b,
            (Plan::Worker(j, c, l), Plan::Worker(j2, c2, l2)) => {
                j == j2 && c == c2 && Arc::ptr_eq(l, l2)
            }
            _ => false,
        }
    }
}

#[derive(Clone, Debug)]
struct Shared(Arc<Computed>, Inputs);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// One run resolved on its data (`data`, as the worker knows it): the run to send (or why not)
/// and its card.
fn resolve_run(
    n: u8,
    ds: &Dataset,
    data: DiffData,
    source: &str,
    req: &ScopeRequest,
    opts: &LeaderboardOptions,
) -> (Result<DiffRun, String>, RunChoices, CompareTarget) {
    let benches: Vec<String> = ds
        .benches
        .values()
        .filter(|b| !b.judgments.is_empty() || !b.file_battles.is_empty())
        .map(|b| b.name.clone())
        .collect();
    let scope = ui_scope::resolve(ds, req);
    let mut choices = RunChoices {
        run: n,
        source: source.to_string(),
        benches,
        bench: req.bench.clone(),
        judges: Vec::new(),
        judge: req.judges.first().cloned(),
        method: req.method,
        scores_only: false,
        report: None,
        notes: Vec::new(),
    };
    let mut target = CompareTarget {
        data: None,
        judge: None,
        baseline: None,
    };
    let run = scope.map(|s| {
        let bench = s.bench(ds);
        choices.bench = Some(s.bench.clone());
        choices.judges = s.all_judges.clone();
        choices.judge = s.judges.first().cloned();
        choices.notes = ui_scope::notes(&s);
        let mut report = bench.report.clone();
        report.merge(&ds.report);
        choices.report = Some(report);
        target.judge = s.judges.first().cloned();
        target.baseline = s.judged_baseline.clone();
        DiffRun::Verdicts {
            data,
            bench: s.bench.clone(),
            options: opts.clone().scoped(&s),
        }
    });
    (run, choices, target)
}

fn scores_card(n: u8, s: &Second) -> RunChoices {
    RunChoices {
        run: n,
        source: s.source.clone(),
        benches: Vec::new(),
        bench: None,
        judges: Vec::new(),
        judge: None,
        method: None,
        scores_only: true,
        report: None,
        notes: Vec::new(),
    }
}

/// The diff job for the view, or why there is none.
fn plan(loaded: Arc<Loaded>, second: Option<&Second>, key: Inputs) -> Plan {
    let (req, opts) = &key;
    let ds = &loaded.dataset;
    let (r1, c1, t1) = resolve_run(1, ds, DiffData::Main, &loaded.source, &req.run_1, opts);
    let (r2, c2, mut t2) = match second.map(|s| &s.data) {
        None => resolve_run(2, ds, DiffData::Main, &loaded.source, &req.run_2, opts),
        Some(SecondData::Data { dataset, load }) => {
            let source = &second.expect("some").source;
            let data = DiffData::Second { load: *load };
            resolve_run(2, dataset, data, source, &req.run_2, opts)
        }
        Some(SecondData::Table(t)) => (
            Ok(DiffRun::Scores { table: t.clone() }),
            scores_card(2, second.expect("some")),
            CompareTarget {
                data: None,
                judge: None,
                baseline: None,
            },
        ),
    };
    t2.data = second.filter(|s| !s.local).map(|s| s.source.clone());
    let ctx = Context {
        inputs: key.clone(),
        choices: vec![c1, c2],
        targets: (t1, t2),
    };
    match r1.and_then(|r1| Ok((r1, r2?))) {
        Ok((run_1, run_2)) => Plan::Worker(
            Box::new(Job::Diff {
                run_1: Box::new(run_1),
                run_2: Box::new(run_2),
                options: opts.clone(),
            }),
            ctx,
            loaded,
        ),
        Err(e) => Plan::Now(Shared(
            Arc::new(Computed {
                choices: ctx.choices,
                result: Err(e),
                targets: ctx.targets,
                ms: 0.0,
            }),
            key,
        )),
    }
}

#[component]
pub fn DiffPage() -> impl IntoView {
    let ctx = expect_context::<DataContext>();
    let view = use_view_state();
    let set = use_view_setter();
    let inputs: Memo<Inputs> = Memo::new(move |_| {
        view.with(|v| {
            let mut o = v.options();
            o.rounds = Purpose::Leaderboard.cap(v.rounds);
            o.style = StyleMode::Off;
            o.group_by = None;
            o.battles.judges.clear();
            (DiffRequest::from_view(v), o)
        })
    });
    let local: RwSignal<Option<SecondState>> = RwSignal::new(None);
    let data2 = Memo::new(move |_| inputs.with(|i| i.0.data_2.clone()));
    let fetched = LocalResource::new(move || {
        let url = data2.get();
        async move {
            let url = url?;
            Some(match load_url(url).await {
                Ok(s) => SecondState::Ready(Arc::new(s)),
                Err(e) => SecondState::Failed(e),
            })
        }
    });
    // Run 2's data: local files when opened, else `data2`, else (None) run 1's data.
    let second: Memo<Option<SecondState>> = Memo::new(move |_| {
        if let Some(l) = local.get() {
            return Some(l);
        }
        let url = data2.get()?;
        Some(fetched.get().flatten().unwrap_or(SecondState::Loading(url)))
    });
    let plan = Memo::new(move |_| {
        let LoadState::Ready(loaded) = ctx.state.get() else {
            return None;
        };
        let second = match second.get() {
            None => None,
            Some(SecondState::Ready(s)) => Some(s),
            Some(_) => return None,
        };
        Some(plan(loaded, second.as_deref(), inputs.get()))
    });
    // The statistics run in the compute worker; sending a request is the outside world.
    let worker = JobHandle::<Context>::new();
    Effect::new(move |_| {
        if let Some(Plan::Worker(job, c, loaded)) = plan.get() {
            worker.submit(*job, loaded, c);
        }
    });
    // The newest diff from the worker, which stays while a newer one computes.
    let from_worker: Memo<Option<Shared>> = Memo::new(move |_| {
        worker.finished.with(|f| {
            let f = f.as_ref()?;
            let result = match &f.result {
                Ok(JobResult::Diff(d)) => Ok((**d).clone()),
                Ok(_) => Err("the compute worker answered with another result".to_string()),
                Err(e) => Err(e.clone()),
            };
            let c = Computed {
                choices: f.ctx.choices.clone(),
                result,
                targets: f.ctx.targets.clone(),
                ms: f.ms,
            };
            Some(Shared(Arc::new(c), f.ctx.inputs.clone()))
        })
    });
    let computed: Memo<Option<Shared>> = Memo::new(move |_| match plan.get()? {
        Plan::Now(s) => Some(s),
        Plan::Worker(..) => from_worker.get(),
    });
    let stale = move || computed.with(|c| c.as_ref().is_none_or(|c| c.1 != inputs.get()));

    let chosen = Memo::new(move |_| {
        let asked = view.with(|v| v.extra(keys::diff::MODEL).map(str::to_string));
        let c = computed.get()?;
        let d = c.0.result.as_ref().ok()?;
        asked
            .filter(|m| d.models.iter().any(|r| &r.model == m))
            .or_else(|| {
                d.models
                    .iter()
                    .max_by(|a, b| {
                        a.delta
                            .abs()
                            .total_cmp(&b.delta.abs())
                            .then_with(|| b.model.cmp(&a.model))
                    })
                    .map(|m| m.model.clone())
            })
    });

    let status = move || {
        let second_state = second.get();
        let msg = match (&second_state, ctx.state.get()) {
            (Some(SecondState::Loading(u)), _) => Some(format!("Loading run 2 ({u})…")),
            (Some(SecondState::Failed(e)), _) => {
                return Some(view! { <p class="status error" role="alert" data-testid="diff-run2-error">{format!("Run 2 could not be loaded: {e}")}</p> }.into_any())
            }
            (_, LoadState::Ready(_)) if stale() => Some("Computing the diff (two leaderboards and the paired bootstrap)…".to_string()),
            _ => None,
        };
        msg.map(|m| {
            view! { <p class="status" data-testid="computing" aria-live="polite">{m}</p> }
                .into_any()
        })
    };

    let cards = move || {
        let c = computed.get()?;
        Some(
            c.0.choices
                .iter()
                .cloned()
                .map(|ch| view! { <RunCard choices=ch set=set /> })
                .collect_view(),
        )
    };

    let body = move || {
        let c = computed.get()?;
        let d = match &c.0.result {
            Ok(r) => r,
            Err(e) => {
                return Some(view! { <p class="status error" role="alert" data-testid="diff-error">{e.clone()}</p> }.into_any())
            }
        };
        // The per-model table as a file (CSV, JSON, Markdown, LaTeX), from the same computed diff.
        let export_table = {
            let d = d.clone();
            let source = ctx.state.with_untracked(|s| match s {
                LoadState::Ready(l) => l.source.clone(),
                _ => String::new(),
            });
            Exportable::table(move || Some(export::diff::diff(&d, &provenance(&source))))
        };
        let model = chosen.get();
        // Per-prompt changes need verdicts in both runs (then the diff has a summary); the worker
        // listed every shared model's, each model's largest shift first.
        let paired = d.summary.is_some();
        let changes = model.as_ref().filter(|_| paired).map(|m| {
            d.prompt_changes
                .iter()
                .filter(|c| &c.model == m)
                .cloned()
                .collect::<Vec<_>>()
        });
        let decomposition = d.summary.as_ref().and_then(|s| {
            s.decomposition
                .iter()
                .find(|x| Some(&x.model) == model.as_ref())
                .cloned()
        });
        let (t1, t2) = c.0.targets.clone();
        let vs = view.get_untracked();
        let shown = view.with(|v| {
            v.extra(keys::diff::SHOW)
                .and_then(|s| s.parse::<usize>().ok())
                .unwrap_or(PAGE)
                .clamp(1, 100_000)
        });
        Some(view! {
            <p class="method" data-testid="diff-method">{format!("{} Computed in {:.0} ms.", d.method_line, c.0.ms)}</p>
            {d.notes.iter().map(|n| view! { <p class="status note" data-testid="diff-note">{n.clone()}</p> }).collect_view()}
            <section aria-labelledby="h-models">
                <h2 id="h-models">"Per model"</h2>
                <p class="def">{format!("{} models in both runs; {} prompts in run 1, {} in run 2, {} shared. Δ = run 2 − run 1. Pick a model to list its changed prompts.",
                    d.models.len(), d.prompts.run_1, d.prompts.run_2, d.prompts.shared)}</p>
                <div class="table-tools">
                    <ExportMenu what=export_table name="diff" label="diff table" testid="diff-export" />
                </div>
                <DiffTable models=d.models.clone() chosen=model.clone() set=set level=d.level />
                <div class="only-in-pair">
                    <OnlyIn run=1 models=d.only_in_1.clone() />
                    <OnlyIn run=2 models=d.only_in_2.clone() />
                </div>
                {(!d.models.is_empty()).then(|| view! {
                    <div class="diff-charts">
                        <DiffSlope models=d.models.clone() />
                        <DiffDumbbell models=d.models.clone() run_1=d.run_1.clone() run_2=d.run_2.clone() interval=d.interval level=d.level />
                    </div>
                })}
            </section>
            <section aria-labelledby="h-prompts">
                <h2 id="h-prompts">{format!("Per prompt{}", model.as_ref().filter(|_| paired).map(|m| format!(": {m}")).unwrap_or_default())}</h2>
                {match (changes, model.clone()) {
                    (Some(ch), Some(m)) => view! { <PromptChanges model=m changes=ch view_state=vs run_1=t1 run_2=t2 shown=shown set=set /> }.into_any(),
                    _ => view! { <p class="def" data-testid="prompt-changes-none">"Per-prompt changes need verdicts in both runs and a model both rate."</p> }.into_any(),
                }}
                {decomposition.map(|x| view! { <DecompositionView d=x /> })}
            </section>
            <section aria-labelledby="h-summary">
                <h2 id="h-summary">"Verdict agreement"</h2>
                {match d.summary.clone() {
                    Some(s) => view! { <AgreementView summary=s /> }.into_any(),
                    None => view! { <p class="def">"A scores-only run has no verdicts to compare."</p> }.into_any(),
                }}
            </section>
            <section aria-labelledby="h-consistency">
                <h2 id="h-consistency">"Consistency"</h2>
                <p class="def">"Rank correlations over the shared models (intervals resample the models, as on the judges page), and the share of model pairs whose order flips while both runs separate them with confidence (non-overlapping intervals)."</p>
                <ConsistencyView c=d.consistency.clone() />
            </section>
        }.into_any())
    };

    view! {
        <div class="page diff">
            <div class="toolbar">
                <h1>"Two runs side by side"</h1>
                <ShareLink />
            </div>
            <p class="def">"Run 1 is the loaded data. Run 2 is ?data2=URL (a data folder, a battles file or a scores CSV), files opened below, or the same data with another judge, bench or method."</p>
            <OpenSecondRun local=local />
            {move || local.get().is_some().then(|| view! { <p class="status note">"Run 2 is local files: a copied link does not carry them."</p> })}
            {status}
            <ComputeProgress what="the diff"
                pending=worker.pending
                completed=worker.completed
                abandoned=worker.abandoned
                arrived=Signal::derive(move || worker.finished.with(|f| f.as_ref().map(|f| f.arrived))) />
            <div class="run-cards">{cards}</div>
            {body}
        </div>
    }
}
