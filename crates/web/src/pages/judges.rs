//! The judges page (`?view=judges`): how much the leaderboard depends on who judged it. Judge against
//! judge (scatter, rank shifts, rank correlations, self-preference), ensembles, position consistency,
//! length and style, benchmark quality (separability, a published reference) and a what-if panel.
//!
//! The analysis is the core's [`arena_lens_core::judges::analysis`]; the sections render it
//! (`components::judges`). The per-judge leaderboards are the expensive part: they are computed
//! once per data set and computation options in the compute worker ([`crate::compute`]), which
//! reports its progress; the previous analysis stays on the page meanwhile. Everything else (the
//! X/Y pair, the family table) derives from them in memos and recomputes live; the what-if's
//! point fit is a worker job of its own. Page keys
//! in the URL: `jx`, `jy` (the pair), `fam` (family overrides), `jref` (reference CSV URL) and the
//! what-if's `wiw`, `wif`, `wid`, `wib`.

use crate::components::compute_progress::ComputeProgress;
use crate::components::export_menu::{provenance, ExportMenu, Exportable};
use crate::components::judges::bootstrap::JudgesBootstrap;
use crate::components::judges::consistency::consistency_view;
use crate::components::judges::ensemble::ensemble_view;
use crate::components::judges::pair::pair_view;
use crate::components::judges::quality::{
    reference_boards, separability_definition, separability_table,
};
use crate::components::judges::reference::{reference_definition, JudgesReference};
use crate::components::judges::self_preference::self_preference_view;
use crate::components::judges::style::style_view;
use crate::components::judges::whatif::JudgesWhatIf;
use crate::components::method_picker::MethodSelect;
use crate::components::share_link::ShareLink;
use crate::compute::JobHandle;
use crate::data::{DataContext, LoadState, Loaded};
use crate::ui::scope as ui_scope;
use crate::url_state::{use_set_view, use_view_state};
use arena_lens_core::bootstrap::BootstrapSpec;
use arena_lens_core::compute::protocol::{Job, JobResult};
use arena_lens_core::export;
use arena_lens_core::judges::agreement::Agreement;
use arena_lens_core::judges::analysis::Analysis;
use arena_lens_core::judges::family::{FamilyTable, SelfPreferenceRow};
use arena_lens_core::leaderboard::LeaderboardOptions;
use arena_lens_core::scope::{Purpose, ScopeRequest};
use arena_lens_core::style::StyleMode;
use arena_lens_core::view_state::keys::judges as jkey;
use leptos::prelude::*;
use std::sync::Arc;

/// The analysis with what the page adds: the data it came from (for the what-if) and its time.
#[derive(Debug)]
struct Computed {
    loaded: Arc<Loaded>,
    an: Analysis,
    ms: f64,
}

/// The analysis behind an `Arc`, compared by identity (comparing leaderboards field by field on
/// every signal change would cost more than it saves), with the inputs it was computed for.
#[derive(Clone, Debug)]
struct Shared(Arc<Result<Computed, String>>, Inputs);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// What the per-judge leaderboards depend on: the bench, the options (rounds capped) and the
/// rounds the link asked for.
type Inputs = (ScopeRequest, LeaderboardOptions, u32);

/// Why a bench without judges has nothing to analyse, with what to open instead.
const NO_JUDGES: &str = "This data has no judges (a battles file has no judgment files), so there is nothing to compare here. Open an Arena-Hard folder with model_judgment/<judge>/ files.";

/// What a request to the worker carries back with its result.
#[derive(Clone, Debug)]
struct Context {
    inputs: Inputs,
    loaded: Arc<Loaded>,
}

impl PartialEq for Context {
    fn eq(&self, other: &Self) -> bool {
        self.inputs == other.inputs && Arc::ptr_eq(&self.loaded, &other.loaded)
    }
}

/// How the view's analysis is obtained.
#[derive(Clone, Debug, PartialEq)]
enum Plan {
    /// Known at once: the scope allows no analysis.
    Now(Shared),
    /// Computed by the compute worker (boxed: a job is far larger than an error).
    Worker(Box<Job>, Context),
}

/// The analysis job for the view, or why there is none. The scope is resolved here (its errors
/// carry the page's control hints); the worker computes on the resolved bench and judges.
fn plan(loaded: Arc<Loaded>, inputs: Inputs) -> Plan {
    let (req, opts, _) = &inputs;
    let now = |e: String, inputs: Inputs| Plan::Now(Shared(Arc::new(Err(e)), inputs));
    let scope = match ui_scope::resolve(&loaded.dataset, req) {
        Ok(s) => s,
        Err(e) => return now(e, inputs),
    };
    if scope.judges.is_empty() {
        return now(NO_JUDGES.to_string(), inputs);
    }
    let job = Job::Judges {
        bench: scope.bench.clone(),
        judges: scope.judges.clone(),
        options: LeaderboardOptions {
            method: scope.method,
            ..opts.clone()
        },
    };
    Plan::Worker(Box::new(job), Context { inputs, loaded })
}

#[component]
pub fn JudgesPage() -> impl IntoView {
    let ctx = expect_context::<DataContext>();
    let view = use_view_state();
    let set = use_set_view();
    let inputs: Memo<Inputs> = Memo::new(move |_| {
        view.with(|v| {
            let mut o = v.options();
            o.rounds = Purpose::Judges.cap(v.rounds);
            o.battles.judges.clear();
            o.style = StyleMode::Off;
            o.group_by = None;
            (ScopeRequest::from_view(v, Purpose::Judges), o, v.rounds)
        })
    });
    let plan = Memo::new(move |_| {
        let LoadState::Ready(loaded) = ctx.state.get() else {
            return None;
        };
        Some(plan(loaded, inputs.get()))
    });
    // The statistics run in the compute worker; sending a request is the outside world.
    let worker = JobHandle::<Context>::new();
    Effect::new(move |_| {
        if let Some(Plan::Worker(job, c)) = plan.get() {
            worker.submit(*job, c.loaded.clone(), c);
        }
    });
    // The newest analysis from the worker, which stays while a newer one computes.
    let from_worker: Memo<Option<Shared>> = Memo::new(move |_| {
        worker.finished.with(|f| {
            let f = f.as_ref()?;
            let result = match &f.result {
                Ok(JobResult::Judges(an)) => Ok(Computed {
                    loaded: f.ctx.loaded.clone(),
                    an: (**an).clone(),
                    ms: f.ms,
                }),
                Ok(_) => Err("the compute worker answered with another result".to_string()),
                Err(e) => Err(e.clone()),
            };
            Some(Shared(Arc::new(result), f.ctx.inputs.clone()))
        })
    });
    let analysis: Memo<Option<Shared>> = Memo::new(move |_| match plan.get()? {
        Plan::Now(s) => Some(s),
        Plan::Worker(..) => from_worker.get(),
    });
    let stale = move || analysis.with(|a| a.as_ref().is_none_or(|a| a.1 != inputs.get()));

    let pair = Memo::new(move |_| {
        view.with(|v| {
            (
                v.extra(jkey::X).map(str::to_string),
                v.extra(jkey::Y).map(str::to_string),
            )
        })
    });
    let fam = Memo::new(move |_| view.with(|v| v.extra(jkey::FAMILIES).unwrap_or("").to_string()));

    // The chosen pair, falling back to the first two judges by name.
    let xy = Memo::new(move |_| {
        let a = analysis.get()?;
        let Ok(c) = a.0.as_ref() else { return None };
        let (x, y) = pair.get();
        c.an.pair(x.as_deref(), y.as_deref())
    });
    let judge_agreement: Memo<Option<Result<Agreement, String>>> = Memo::new(move |_| {
        let a = analysis.get()?;
        let c = a.0.as_ref().as_ref().ok()?;
        let (x, y) = xy.get()?;
        let y = y?;
        Some(c.an.agreement(&x, &y)?.map_err(|e| e.to_string()))
    });
    let self_pref: Memo<Option<Result<Vec<SelfPreferenceRow>, String>>> = Memo::new(move |_| {
        let a = analysis.get()?;
        let c = a.0.as_ref().as_ref().ok()?;
        let table = FamilyTable::with_overrides(&fam.get()).map_err(|e| e.to_string());
        Some(table.and_then(|t| c.an.self_preference(&t).map_err(|e| e.to_string())))
    });

    let set_pair = set.clone();
    let pair_section = move || {
        let a = analysis.get()?;
        let c = a.0.as_ref().as_ref().ok()?;
        let (x, y) = xy.get()?;
        pair_view(&c.an, x, y, self_pref, judge_agreement, set_pair.clone())
    };

    let self_pref_section = move || {
        let a = analysis.get()?;
        let c = a.0.as_ref().as_ref().ok()?;
        self_preference_view(&c.an, fam, self_pref, set.clone())
    };

    let rest = move || {
        let a = analysis.get()?;
        let c = match a.0.as_ref() {
            Ok(c) => c,
            Err(e) => {
                // Answers without verdicts: nothing to score, but something to read.
                return crate::components::nothing_to_score::nothing_to_score().or_else(|| {
                    Some(view! { <p class="status error" role="alert" data-testid="compute-error">{e.clone()}</p> }.into_any())
                });
            }
        };
        let an = &c.an;
        let primary = xy
            .get()
            .map(|(x, _)| x)
            .unwrap_or_else(|| an.judges[0].clone());
        let px = an.judge(&primary)?;

        let ensemble_view = ensemble_view(an);
        let consistency_view = consistency_view(&an.consistency);
        let consistency_export = an.consistency.as_ref().ok().map(|rows| {
            let (rows, source, bench) = (rows.clone(), c.loaded.source.clone(), an.bench_name.clone());
            let lb = px.lb.clone();
            let what = Exportable::table(move || {
                let h = export::leaderboard::header(&lb, &provenance(&source));
                Some(export::judges::consistency(&bench, &rows, h))
            });
            view! {
                <div class="table-tools">
                    <ExportMenu what=what name="position-consistency" label="position consistency" testid="consistency-export" />
                </div>
            }
        });
        // Length and style, for the primary judge; coefficients for every judge.
        let style = style_view(an, px, &primary);
        let sep_view = separability_table(an);
        let boards = reference_boards(an);
        let mut models: Vec<String> = px.lb.models.iter().map(|r| r.model.clone()).collect();
        models.sort_by_key(|m| m.to_lowercase());
        Some(view! {

            <section aria-labelledby="h-ens">
                <h2 id="h-ens">"Ensembles"</h2>
                <p class="def">"Pooled: every judge's battles in one Bradley-Terry fit (a judge with more usable verdicts weighs more). Mean: the average of the judges' scores, every judge weighing the same; its interval averages the judges' bounds, which is conservative (too wide unless the judges' errors are perfectly correlated)."</p>
                {ensemble_view}
            </section>

            <section aria-labelledby="h-cons">
                <h2 id="h-cons">"Position consistency"</h2>
                <p class="def">"Each answer is judged twice, with the baseline as Assistant A (game 1) and as B (game 2). The matrix counts game-1 verdicts against game-2 verdicts mirrored into game 1's order: a judge without position bias fills only the diagonal. Flip rate: the share of rows where the model's win/tie/loss differs between the games. First-position preference: the share of decisive games won by whichever answer came first (0.5 = no lean)."</p>
                {consistency_export}
                {consistency_view}
            </section>

            <section aria-labelledby="h-len">
                <h2 id="h-len">"Length and style"</h2>
                <p class="def">"Style coefficients are fitted with style control (length and markdown: tokens, headers, lists, bold) on z-normalised features: a positive length coefficient means the judge prefers the longer answer at equal model strength. Style control removes that effect from the scores."</p>
                {style}
            </section>

            <section aria-labelledby="h-qual">
                <h2 id="h-qual">"Benchmark quality"</h2>
                <p class="def">{separability_definition()}</p>
                {sep_view}
                <h3>"Against a published leaderboard"</h3>
                <p class="def">{reference_definition()}</p>
                <JudgesReference boards=boards level=an.opts.level seed=an.opts.seed />
            </section>

            <section aria-labelledby="h-whatif">
                <h2 id="h-whatif">"What if…"</h2>
                <p class="def">{format!("Change one option of the computation for judge {primary} (judge X) and see which models change rank (ranks by point score among the models both versions rate). Weight: how many times a strong verdict (A>>B) counts. Drop inconsistent rows: leave out rows whose two games disagree.")}</p>
                <JudgesWhatIf loaded=c.loaded.clone() bench=Some(an.bench_name.clone()) base=px.lb.clone() opts={
                    let mut o = an.opts.clone();
                    o.battles.judges = vec![primary.clone()];
                    o
                } models=models />
            </section>
        }.into_any())
    };

    // What every number on the page was computed with, stated once at the top.
    let method = move || {
        let a = analysis.get()?;
        let c = a.0.as_ref().as_ref().ok()?;
        let an = &c.an;
        let requested_rounds = a.1 .2;
        let baseline = an
            .per
            .first()
            .map(|p| p.lb.baseline.clone())
            .unwrap_or_default();
        let capped = (requested_rounds > an.opts.rounds).then(|| {
            format!(
                " (the link asks for {requested_rounds} rounds; this page caps them at {})",
                Purpose::Judges.max_rounds()
            )
        });
        // The core's method line for the per-judge leaderboards, with what this page adds.
        let line = BootstrapSpec::new(an.opts.rounds, an.opts.seed, an.opts.level, an.opts.unit)
            .map(|spec| an.opts.method.line(Purpose::Judges, &spec, false))
            .unwrap_or_default();
        let boards = {
            let (per, source, bench) = (
                an.per.clone(),
                c.loaded.source.clone(),
                an.bench_name.clone(),
            );
            let judges = an.judges.join(", ");
            Exportable::table(move || {
                let first = per.first()?;
                let h = export::leaderboard::header(&first.lb, &provenance(&source))
                    .with("judges", export::Cell::text(judges.clone()));
                Some(export::judges::judge_boards(&bench, &per, h))
            })
        };
        Some(view! {
            <div class="table-tools">
                <span class="hint">"Every judge's leaderboard"</span>
                <ExportMenu what=boards name="judge-leaderboards" label="every judge's leaderboard" testid="judge-boards-export" />
            </div>
            <p class="method" data-testid="judges-method">
                {format!("{} · {} judge{} · baseline {baseline}{} · computed in {:.0} ms. {line}",
                    an.bench_name, an.judges.len(), if an.judges.len() == 1 { "" } else { "s" },
                    capped.unwrap_or_default(), c.ms)}
            </p>
        })
    };

    let status = move || {
        if matches!(ctx.state.get(), LoadState::Ready(_)) && stale() {
            Some(
                view! { <p class="status" data-testid="computing" aria-live="polite">"Computing the per-judge leaderboards…"</p> },
            )
        } else {
            None
        }
    };

    view! {
        <div class="page judges">
            <div class="toolbar">
                <h1>"Judges and their biases"</h1>
                <MethodSelect purpose=Purpose::Judges />
                <ShareLink />
            </div>
            {status}
            <ComputeProgress what="the per-judge leaderboards"
                pending=worker.pending
                completed=worker.completed
                abandoned=worker.abandoned
                arrived=Signal::derive(move || worker.finished.with(|f| f.as_ref().map(|f| f.arrived))) />
            {method}
            <JudgesBootstrap max_rounds=Purpose::Judges.max_rounds() />
            <section aria-labelledby="h-pair">
                <h2 id="h-pair">"Judge against judge"</h2>
                <p class="def">"Each model's score (win rate against the baseline) under judge X against judge Y. Points on the diagonal mean the judges agree; the whiskers are each judge's bootstrap intervals. Spearman and Kendall compare the two orderings; their intervals resample the models."</p>
                {pair_section}
                <h3>"Self-preference"</h3>
                <p class="def">"For judge J and a model m of J's family: excess = (m's score under J − its mean under the other judges) − J's median such difference over models outside the family. Flagged when the excess is larger than J's interval half-width plus the others' mean half-width. Families come from name prefixes; edit them below."</p>
                {self_pref_section}
            </section>
            {rest}
        </div>
    }
}
