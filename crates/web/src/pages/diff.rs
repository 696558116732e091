//! The diff page (`?view=diff`): two runs side by side. Run 1 is the loaded data with the shared
//! keys; run 2 is `data2=` (another data folder, battles file or scores CSV), local files opened
//! here, or the same data with `judge2`, `bench2` or `method2` (see
//! `arena_lens_core::view_state::diff_request`). The numbers are the core's `diff::compute`, the
//! same call as `arena-lens diff`.
//!
//! The diff (two leaderboards and the paired bootstrap) is the heavy part: it runs in a local
//! resource that first yields to the browser, so "Computing the diff…" paints before the work blocks
//! the thread. The chosen model's prompt list derives from it in a memo and changes instantly.

use crate::clock::now_ms;
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
use crate::data::{DataContext, LoadState, Loaded};
use crate::loader::yield_to_browser;
use crate::ui::scope as ui_scope;
use crate::url_state::{use_view_setter, use_view_state};
use arena_lens_core::bootstrap::{BootstrapSpec, BootstrapUnit};
use arena_lens_core::dataset::Dataset;
use arena_lens_core::diff::readings::Readings;
use arena_lens_core::diff::{self, prompts, Diff, PromptsFor, Run};
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
    result: Result<(Diff, Option<(Readings, Readings)>), String>,
    targets: (CompareTarget, CompareTarget),
    ms: f64,
}

#[derive(Clone, Debug)]
struct Shared(Arc<Computed>, Inputs);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// One run resolved on its data: the run (or why not) and its card.
fn resolve_run<'a>(
    n: u8,
    ds: &'a Dataset,
    source: &str,
    req: &ScopeRequest,
    opts: &LeaderboardOptions,
) -> (Result<Run<'a>, String>, RunChoices, CompareTarget) {
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
    let run = scope.and_then(|s| {
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
        Run::verdicts(bench, opts.clone().scoped(&s)).map_err(|e| format!("Run {n}: {e}"))
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

fn compute(loaded: &Loaded, second: Option<&Second>, key: &Inputs) -> Computed {
    let t0 = now_ms();
    let (req, opts) = key;
    let (r1, c1, t1) = resolve_run(1, &loaded.dataset, &loaded.source, &req.run_1, opts);
    let (r2, c2, mut t2) = match second.map(|s| &s.data) {
        None => resolve_run(2, &loaded.dataset, &loaded.source, &req.run_2, opts),
        Some(SecondData::Data(ds)) => {
            resolve_run(2, ds, &second.expect("some").source, &req.run_2, opts)
        }
        Some(SecondData::Table(t)) => (
            Ok(Run::Scores(t.clone())),
            scores_card(2, second.expect("some")),
            CompareTarget {
                data: None,
                judge: None,
                baseline: None,
            },
        ),
    };
    t2.data = second.filter(|s| !s.local).map(|s| s.source.clone());
    let result = r1.and_then(|r1| {
        let r2 = r2?;
        let level = r1.as_verdicts().map_or(opts.level, |v| v.leaderboard.level);
        let spec = BootstrapSpec::new(opts.rounds, opts.seed, level, BootstrapUnit::Prompt)
            .map_err(|e| e.to_string())?;
        let d = diff::compute(&r1, &r2, &spec, &PromptsFor::None).map_err(|e| e.to_string())?;
        let readings = r1
            .as_verdicts()
            .zip(r2.as_verdicts())
            .map(|(a, b)| (Readings::of(a), Readings::of(b)));
        Ok((d, readings))
    });
    Computed {
        choices: vec![c1, c2],
        result,
        targets: (t1, t2),
        ms: now_ms() - t0,
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
    let resource = LocalResource::new(move || {
        let state = ctx.state.get();
        let second = second.get();
        let key = inputs.get();
        async move {
            let LoadState::Ready(loaded) = state else {
                return None;
            };
            let second = match second {
                None => None,
                Some(SecondState::Ready(s)) => Some(s),
                Some(_) => return None,
            };
            // Let "Computing the diff…" paint before the two leaderboards block the thread.
            yield_to_browser().await;
            let c = compute(&loaded, second.as_deref(), &key);
            Some(Shared(Arc::new(c), key))
        }
    });
    let computed: Memo<Option<Shared>> = Memo::new(move |_| resource.get().flatten());
    let stale = move || computed.with(|c| c.as_ref().is_none_or(|c| c.1 != inputs.get()));

    let chosen = Memo::new(move |_| {
        let asked = view.with(|v| v.extra(keys::diff::MODEL).map(str::to_string));
        let c = computed.get()?;
        let (d, _) = c.0.result.as_ref().ok()?;
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
        let (d, readings) = match &c.0.result {
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
        let changes = match (&model, readings) {
            (Some(m), Some((a, b))) => Some(prompts::changes(a, b, m)),
            _ => None,
        };
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
                <h2 id="h-prompts">{format!("Per prompt{}", model.as_ref().filter(|_| readings.is_some()).map(|m| format!(": {m}")).unwrap_or_default())}</h2>
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
            <div class="run-cards">{cards}</div>
            {body}
        </div>
    }
}
