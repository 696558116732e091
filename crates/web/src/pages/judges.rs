//! The judges page (`?view=judges`): how much the leaderboard depends on who judged it. Judge against
//! judge (scatter, rank shifts, rank correlations, self-preference), ensembles, position consistency,
//! length and style, benchmark quality (separability, a published reference) and a what-if panel.
//!
//! The per-judge leaderboards are the expensive part: they are computed once per data set and
//! computation options in a local resource that first yields to the browser, so "computing…" paints
//! before the work blocks the thread. Everything else (the X/Y pair, the family table, the what-if)
//! derives from them in memos and recomputes live. Page keys in the URL: `jx`, `jy` (the pair), `fam`
//! (family overrides), `jref` (reference CSV URL) and the what-if's `wiw`, `wif`, `wid`, `wib`.

use crate::clock::now_ms;
use crate::components::judges_consistency::JudgesConsistency;
use crate::components::judges_reference::{JudgeBoard, JudgesReference};
use crate::components::judges_scatter::JudgesScatter;
use crate::components::judges_slope::JudgesSlope;
use crate::components::judges_whatif::JudgesWhatIf;
use crate::components::share_link::ShareLink;
use crate::data::{DataContext, LoadState, Loaded};
use crate::loader::yield_to_browser;
use crate::url_state::{use_set_view, use_view_state};
use arena_lens_charts::{ScatterPoint, ScatterSpec, SlopeLine, SlopeSpec};
use arena_lens_core::bootstrap::BootstrapUnit;
use arena_lens_core::judges::agreement::{self, Agreement, AgreementOptions, Scored};
use arena_lens_core::judges::consistency::{self, ConsistencyError, JudgeConsistency};
use arena_lens_core::judges::family::{self, FamilyTable, SelfPreferenceRow};
use arena_lens_core::judges::separability::{self, Separability};
use arena_lens_core::judges::{ensemble, length};
use arena_lens_core::leaderboard::{self, Leaderboard, LeaderboardOptions};
use arena_lens_core::style::StyleMode;
use arena_lens_core::view_state::keys::judges as jkey;
use leptos::prelude::*;
use std::sync::Arc;

/// Bootstrap rounds of the per-judge leaderboards are capped here: the page computes two or three
/// leaderboards per judge, and a link asking for 10,000 rounds should not freeze the tab.
const MAX_PAGE_ROUNDS: u32 = 200;
/// Rounds of the correlation bootstraps (over models, so cheap); the CLI uses the same.
const CORR_ROUNDS: u32 = 1000;

/// One judge's leaderboards.
#[derive(Debug)]
struct PerJudge {
    judge: String,
    /// At the page's level.
    lb: Arc<Leaderboard>,
    sep95: Separability,
    sep80: Separability,
    /// Style control (point fit), for the coefficients and the slope chart; or why there is none.
    style: Result<Leaderboard, String>,
}

#[derive(Debug)]
struct Analysis {
    loaded: Arc<Loaded>,
    bench: Option<String>,
    bench_name: String,
    judges: Vec<String>,
    opts: LeaderboardOptions,
    requested_rounds: u32,
    per: Vec<PerJudge>,
    pooled: Option<Result<Leaderboard, String>>,
    consistency: Result<Vec<JudgeConsistency>, String>,
    ms: f64,
}

/// The analysis behind an `Arc`, compared by identity (comparing leaderboards field by field on
/// every signal change would cost more than it saves).
#[derive(Clone, Debug)]
struct Shared(Arc<Result<Analysis, String>>, Inputs);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// What the per-judge leaderboards depend on.
type Inputs = (Option<String>, LeaderboardOptions, u32);

fn analyse(loaded: Arc<Loaded>, inputs: &Inputs) -> Result<Analysis, String> {
    let t0 = now_ms();
    let (bench_sel, opts, requested_rounds) = inputs.clone();
    let bench = loaded
        .dataset
        .bench(bench_sel.as_deref())
        .map_err(|e| e.to_string())?;
    let mut judges = bench.judge_names().to_vec();
    judges.sort();
    if judges.is_empty() {
        return Err("This data has no judges (a battles file has no judgment files), so there is nothing to compare here. Open an Arena-Hard folder with model_judgment/<judge>/ files.".into());
    }
    let with = |judge: &[String], level: f64, style: StyleMode, rounds: u32| {
        let mut o = opts.clone();
        o.battles.judges = judge.to_vec();
        o.level = level;
        o.style = style;
        o.rounds = rounds;
        leaderboard::compute(bench, &o).map_err(|e| format!("{}: {e}", judge.join("+")))
    };
    let mut per = Vec::new();
    for j in &judges {
        let one = std::slice::from_ref(j);
        let lb = with(one, opts.level, StyleMode::Off, opts.rounds)?;
        // Separability is defined at 95% and 80%; reuse the page's leaderboard when its level is one.
        let at = |level: f64| -> Result<Separability, String> {
            if (level - opts.level).abs() < 1e-12 {
                Ok(separability::of_leaderboard(&lb))
            } else {
                with(one, level, StyleMode::Off, opts.rounds)
                    .map(|l| separability::of_leaderboard(&l))
            }
        };
        per.push(PerJudge {
            judge: j.clone(),
            sep95: at(0.95)?,
            sep80: at(0.80)?,
            style: with(one, opts.level, StyleMode::Full, 0),
            lb: Arc::new(lb),
        });
    }
    let pooled =
        (judges.len() >= 2).then(|| with(&judges, opts.level, StyleMode::Off, opts.rounds));
    let consistency = match consistency::position_consistency(bench, &judges) {
        Ok(c) => Ok(c),
        Err(ConsistencyError::NoJudgments) => Ok(Vec::new()),
        Err(e) => Err(e.to_string()),
    };
    Ok(Analysis {
        bench_name: bench.name.clone(),
        loaded: loaded.clone(),
        bench: bench_sel,
        judges,
        opts,
        requested_rounds,
        per,
        pooled,
        consistency,
        ms: now_ms() - t0,
    })
}

fn unit_text(u: BootstrapUnit) -> &'static str {
    match u {
        BootstrapUnit::Row => "battle rows",
        BootstrapUnit::Prompt => "prompts (clustered)",
    }
}

fn num(v: Option<f64>, digits: usize) -> String {
    v.map(|x| format!("{x:.digits$}"))
        .unwrap_or_else(|| "–".into())
}

fn pct(v: Option<f64>) -> String {
    v.map(|x| format!("{:.1}%", x * 100.0))
        .unwrap_or_else(|| "–".into())
}

fn corr_text(c: &Option<arena_lens_core::judges::rank_corr::CorrInterval>) -> String {
    match c {
        Some(c) => format!(
            "{:.3} [{}, {}]",
            c.estimate,
            num(c.lower, 3),
            num(c.upper, 3)
        ),
        None => "–".into(),
    }
}

#[component]
pub fn JudgesPage() -> impl IntoView {
    let ctx = expect_context::<DataContext>();
    let view = use_view_state();
    let set = use_set_view();
    let set_boot = set.clone();
    let inputs: Memo<Inputs> = Memo::new(move |_| {
        view.with(|v| {
            let mut o = v.options();
            o.rounds = v.rounds.min(MAX_PAGE_ROUNDS);
            o.battles.judges.clear();
            o.style = StyleMode::Off;
            o.group_by = None;
            (v.bench.clone(), o, v.rounds)
        })
    });
    let resource = LocalResource::new(move || {
        let state = ctx.state.get();
        let key = inputs.get();
        async move {
            let LoadState::Ready(loaded) = state else {
                return None;
            };
            // Let "computing…" paint before the leaderboards block the thread.
            yield_to_browser().await;
            let result = analyse(loaded, &key);
            Some(Shared(Arc::new(result), key))
        }
    });
    let analysis: Memo<Option<Shared>> = Memo::new(move |_| resource.get().flatten());
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
        let Ok(an) = a.0.as_ref() else { return None };
        let (x, y) = pair.get();
        let pick = |want: Option<String>, i: usize| {
            want.filter(|w| an.judges.contains(w))
                .or_else(|| an.judges.get(i).cloned())
        };
        Some((pick(x, 0)?, pick(y, 1)))
    });
    let judge_agreement: Memo<Option<Result<Agreement, String>>> = Memo::new(move |_| {
        let a = analysis.get()?;
        let an = a.0.as_ref().as_ref().ok()?;
        let (x, y) = xy.get()?;
        let y = y?;
        let find = |j: &str| an.per.iter().find(|p| p.judge == j);
        let (px, py) = (find(&x)?, find(&y)?);
        let opts = AgreementOptions {
            ours_level: an.opts.level,
            rounds: CORR_ROUNDS,
            seed: an.opts.seed,
            level: an.opts.level,
        };
        Some(
            agreement::compare_rows(&px.lb.models, &py.lb.models, &opts).map_err(|e| e.to_string()),
        )
    });
    let self_pref: Memo<Option<Result<Vec<SelfPreferenceRow>, String>>> = Memo::new(move |_| {
        let a = analysis.get()?;
        let an = a.0.as_ref().as_ref().ok()?;
        let table = FamilyTable::with_overrides(&fam.get()).map_err(|e| e.to_string());
        Some(table.and_then(|t| {
            let boards: Vec<Leaderboard> = an.per.iter().map(|p| (*p.lb).clone()).collect();
            family::self_preference(&boards, &t).map_err(|e| e.to_string())
        }))
    });

    let set_x = set.clone();
    let set_y = set.clone();
    let set_fam = set.clone();

    let pair_section = move || {
        let a = analysis.get()?;
        let an = a.0.as_ref().as_ref().ok()?;
        let (x, y) = xy.get()?;
        let level_pct = format!("{:.0}%", an.opts.level * 100.0);
        let selects = {
            let set_x = set_x.clone();
            let set_y = set_y.clone();
            let judges = an.judges.clone();
            let (x2, y2) = (x.clone(), y.clone().unwrap_or_default());
            view! {
                <div class="controls" role="group" aria-label="Judges to compare">
                    <label class="field">
                        <span>"Judge X"</span>
                        <select data-testid="judge-x" on:change=move |ev| { let v = event_target_value(&ev); set_x(&|s| s.set_extra(jkey::X, Some(v.clone()))) }>
                            {judges.iter().map(|j| view! { <option value=j.clone() selected=*j == x2>{j.clone()}</option> }).collect_view()}
                        </select>
                    </label>
                    <label class="field">
                        <span>"Judge Y"</span>
                        <select data-testid="judge-y" on:change=move |ev| { let v = event_target_value(&ev); set_y(&|s| s.set_extra(jkey::Y, Some(v.clone()))) }>
                            {judges.iter().map(|j| view! { <option value=j.clone() selected=*j == y2>{j.clone()}</option> }).collect_view()}
                        </select>
                    </label>
                </div>
            }
        };
        let Some(y) = y else {
            return Some(view! {
                <p class="status" data-testid="single-judge">{format!(
                    "This data has one judge ({x}), so there is no second judge to compare it with. The sections below still describe it."
                )}</p>
            }.into_any());
        };
        let find = |j: &str| an.per.iter().find(|p| p.judge == j);
        let (px, py) = (find(&x)?, find(&y)?);
        let flagged: Vec<String> = self_pref
            .get()
            .and_then(|r| r.ok())
            .unwrap_or_default()
            .into_iter()
            .filter(|r| r.flagged && (r.judge == x || r.judge == y))
            .map(|r| r.model)
            .collect();
        let ys: std::collections::HashMap<&str, _> =
            py.lb.models.iter().map(|r| (r.model.as_str(), r)).collect();
        let points: Vec<ScatterPoint> = px
            .lb
            .models
            .iter()
            .filter_map(|r| {
                let o = ys.get(r.model.as_str())?;
                Some(ScatterPoint {
                    label: r.model.clone(),
                    x: r.score,
                    y: o.score,
                    x_interval: Some((r.lower, r.upper)),
                    y_interval: Some((o.lower, o.upper)),
                    highlight: flagged.contains(&r.model),
                })
            })
            .collect();
        let spec = ScatterSpec {
            title: format!(
                "{x} vs {y}: win rate vs {} with {level_pct} CI",
                px.lb.baseline
            ),
            x_label: format!("Score under {x} (%)"),
            y_label: format!("Score under {y} (%)"),
            diagonal: true,
            point_legend: if flagged.is_empty() {
                "model".into()
            } else {
                "model (orange: self-preference flag)".into()
            },
            whisker_legend: format!("{level_pct} interval"),
            label_points: true,
            font_px: 12,
        };
        let description = format!(
            "Scatter of {} models: score under {x} against score under {y}, with {level_pct} intervals and the diagonal y = x. The rank-shift table below has the same numbers.",
            points.len()
        );
        let agreement = judge_agreement.get();
        let corr = match agreement {
            Some(Ok(g)) => view! {
                <p class="corr" data-testid="judge-corr"
                    data-spearman=g.spearman.as_ref().map(|c| c.estimate.to_string()).unwrap_or_default()
                    data-kendall=g.kendall.as_ref().map(|c| c.estimate.to_string()).unwrap_or_default()>
                    {format!("Spearman ρ {} · Kendall τ-b {} ({level_pct} bootstrap intervals, {CORR_ROUNDS} rounds, unit: models resampled; {} shared models).",
                        corr_text(&g.spearman), corr_text(&g.kendall), g.n_shared)}
                </p>
                <div class="table-wrap" tabindex="0">
                    <table class="board" data-testid="rank-shift">
                        <thead><tr>
                            <th scope="col">"Model"</th>
                            <th scope="col" class="num">{format!("Rank under {x}")}</th>
                            <th scope="col" class="num">{format!("Rank under {y}")}</th>
                            <th scope="col" class="num">"Shift (Y − X)"</th>
                            <th scope="col" class="num">{format!("Score {x}")}</th>
                            <th scope="col" class="num">{format!("Score {y}")}</th>
                        </tr></thead>
                        <tbody>
                            {g.ranks.iter().map(|r| view! {
                                <tr data-model=r.model.clone() data-shift=r.shift.to_string()>
                                    <th scope="row" class="model">{r.model.clone()}</th>
                                    <td class="num">{r.ours.to_string()}</td>
                                    <td class="num">{r.reference.to_string()}</td>
                                    <td class="num">{if r.shift == 0 { "0".to_string() } else { format!("{:+}", r.shift) }}</td>
                                    <td class="num">{format!("{:.1}", r.score_ours)}</td>
                                    <td class="num">{format!("{:.1}", r.score_reference)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any(),
            Some(Err(e)) => view! { <p class="status error" role="alert">{e}</p> }.into_any(),
            None => ().into_any(),
        };
        Some(view! {
            {selects}
            {(x == y).then(|| view! { <p class="hint">"X and Y are the same judge: pick two different judges to compare."</p> })}
            <JudgesScatter points=points spec=spec description=description testid="pair-scatter" />
            {corr}
        }.into_any())
    };

    let self_pref_section = move || {
        let a = analysis.get()?;
        let an = a.0.as_ref().as_ref().ok()?;
        let set_fam = set_fam.clone();
        let input = view! {
            <label class="field wide">
                <span>"Family overrides (prefix=family, comma-separated; added to the built-in table)"</span>
                <input type="text" data-testid="families" placeholder="atlas=atlas,my-model=acme" spellcheck="false"
                    prop:value=move || fam.get()
                    on:change=move |ev| {
                        let v = event_target_value(&ev).trim().to_string();
                        set_fam(&|s| s.set_extra(jkey::FAMILIES, (!v.is_empty()).then(|| v.clone())))
                    } />
            </label>
        };
        let body = match self_pref.get()? {
            _ if an.judges.len() < 2 => view! { <p class="hint">"Self-preference compares a judge with the others, so it needs at least two judges."</p> }.into_any(),
            Err(e) => view! { <p class="status error" role="alert" data-testid="families-error">{e}</p> }.into_any(),
            Ok(rows) => {
                let flagged = rows.iter().filter(|r| r.flagged).count();
                let same: Vec<SelfPreferenceRow> = rows.into_iter().filter(|r| r.same_family).collect();
                view! {
                    <p data-testid="self-preference-summary">{format!("{flagged} flagged (judge, model) pairs. Rows: models of each judge's own family.")}</p>
                    <div class="table-wrap" tabindex="0">
                        <table class="board" data-testid="self-preference">
                            <thead><tr>
                                <th scope="col">"Judge"</th>
                                <th scope="col">"Model"</th>
                                <th scope="col">"Family"</th>
                                <th scope="col" class="num">"Under the judge"</th>
                                <th scope="col" class="num">"Under the others"</th>
                                <th scope="col" class="num">"Excess"</th>
                                <th scope="col" class="num">"Threshold"</th>
                                <th scope="col">"Flag"</th>
                            </tr></thead>
                            <tbody>
                                {if same.is_empty() {
                                    view! { <tr><td colspan="8" class="empty">"No judge shares a family with a rated model (check the family table)."</td></tr> }.into_any()
                                } else {
                                    same.iter().map(|r| view! {
                                        <tr data-judge=r.judge.clone() data-model=r.model.clone() data-flagged=r.flagged.to_string()>
                                            <td>{r.judge.clone()}</td>
                                            <th scope="row" class="model">{r.model.clone()}</th>
                                            <td>{r.family.clone().unwrap_or_default()}</td>
                                            <td class="num">{format!("{:.1}", r.score_under_judge)}</td>
                                            <td class="num">{format!("{:.1}", r.score_under_others)}</td>
                                            <td class="num">{format!("{:+.1}", r.excess)}</td>
                                            <td class="num">{format!("{:.1}", r.threshold)}</td>
                                            <td>{if r.flagged { "self-preference" } else { "" }}</td>
                                        </tr>
                                    }).collect_view().into_any()
                                }}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }
        };
        Some(view! {
            <div class="controls">{input}</div>
            {body}
        })
    };

    let rest = move || {
        let a = analysis.get()?;
        let an = match a.0.as_ref() {
            Ok(an) => an,
            Err(e) => return Some(view! { <p class="status error" role="alert" data-testid="compute-error">{e.clone()}</p> }.into_any()),
        };
        let primary = xy
            .get()
            .map(|(x, _)| x)
            .unwrap_or_else(|| an.judges[0].clone());
        let px = an.per.iter().find(|p| p.judge == primary)?;

        // Ensembles.
        let ensemble_view = match &an.pooled {
            None => view! { <p class="hint" data-testid="ensemble">"An ensemble needs at least two judges."</p> }.into_any(),
            Some(Err(e)) => view! { <p class="status error" role="alert">{e.clone()}</p> }.into_any(),
            Some(Ok(pooled)) => {
                let e = ensemble::combine(an.judges.clone(), an.per.iter().map(|p| (*p.lb).clone()).collect(), pooled.clone());
                let judges = e.judges.clone();
                view! {
                    <div class="table-wrap" tabindex="0">
                        <table class="board" data-testid="ensemble">
                            <thead><tr>
                                <th scope="col">"Model"</th>
                                {judges.iter().map(|j| view! { <th scope="col" class="num">{j.clone()}</th> }).collect_view()}
                                <th scope="col" class="num">"Pooled [CI]"</th>
                                <th scope="col" class="num">"Mean of judges [conservative CI]"</th>
                            </tr></thead>
                            <tbody>
                                {e.rows.iter().map(|r| view! {
                                    <tr data-model=r.model.clone()>
                                        <th scope="row" class="model">{r.model.clone()}</th>
                                        {r.per_judge.iter().map(|s| view! { <td class="num">{num(*s, 1)}</td> }).collect_view()}
                                        <td class="num">{format!("{} [{}, {}]", num(r.pooled, 1), num(r.pooled_lower, 1), num(r.pooled_upper, 1))}</td>
                                        <td class="num">{format!("{} [{}, {}]", num(r.mean, 1), num(r.mean_lower, 1), num(r.mean_upper, 1))}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }
        };

        // Position consistency.
        let consistency_view = match &an.consistency {
            Ok(c) if c.is_empty() => view! { <p class="hint">"No judgment rows with both games: position consistency needs Arena-Hard judgment files."</p> }.into_any(),
            Ok(c) => view! { <JudgesConsistency data=c.clone() /> }.into_any(),
            Err(e) => view! { <p class="status error" role="alert">{e.clone()}</p> }.into_any(),
        };

        // Length and style, for the primary judge; coefficients for every judge.
        let features = StyleMode::Full.feature_names();
        let coef_table = view! {
            <div class="table-wrap" tabindex="0">
                <table class="board" data-testid="style-coefficients">
                    <thead><tr>
                        <th scope="col">"Feature"</th>
                        {an.per.iter().map(|p| view! { <th scope="col" class="num">{p.judge.clone()}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {features.iter().map(|f| view! {
                            <tr data-feature=f.to_string()>
                                <th scope="row">{f.to_string()}</th>
                                {an.per.iter().map(|p| {
                                    let v = p.style.as_ref().ok().and_then(|lb| lb.style_coefficients.get(*f).copied());
                                    view! { <td class="num" data-judge=p.judge.clone() data-value=v.map(|x| x.to_string()).unwrap_or_default()>
                                        {v.map(|x| format!("{x:+.3}")).unwrap_or_else(|| "–".into())}
                                    </td> }
                                }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {an.per.iter().filter_map(|p| p.style.as_ref().err().map(|e| view! { <p class="hint">{format!("{}: no style control ({e})", p.judge)}</p> })).collect_view()}
        };
        let length_view = match px
            .style
            .as_ref()
            .map_err(|e| e.clone())
            .and_then(|on| length::analyse(&px.lb, on).map_err(|e| e.to_string()))
        {
            Err(e) => view! { <p class="hint">{format!("Length analysis for {primary}: {e}")}</p> }
                .into_any(),
            Ok(la) => {
                let points: Vec<ScatterPoint> = la
                    .points
                    .iter()
                    .filter_map(|p| {
                        Some(ScatterPoint {
                            label: p.model.clone(),
                            x: p.avg_tokens?,
                            y: p.score,
                            x_interval: None,
                            y_interval: None,
                            highlight: p.model == px.lb.baseline,
                        })
                    })
                    .collect();
                let n_points = points.len();
                let spec = ScatterSpec {
                    title: format!("{primary}: average answer tokens vs score (style control off)"),
                    x_label: "Average answer tokens".into(),
                    y_label: format!("Win rate vs {} (%)", px.lb.baseline),
                    diagonal: false,
                    point_legend: "model".into(),
                    whisker_legend: String::new(),
                    label_points: true,
                    font_px: 12,
                };
                let lines: Vec<SlopeLine> = la
                    .slope
                    .iter()
                    .map(|r| SlopeLine {
                        label: r.model.clone(),
                        left: r.rank_off,
                        right: r.rank_on,
                    })
                    .collect();
                let moved = la.slope.iter().filter(|r| r.rank_off != r.rank_on).count();
                let n_lines = lines.len();
                let sspec = SlopeSpec {
                    title: format!("{primary}: rank without → with style control"),
                    left_label: "Style control off".into(),
                    right_label: "on".into(),
                    font_px: 12,
                };
                view! {
                    <p data-testid="tokens-spearman">{format!("Spearman correlation of average tokens and score under {primary}: {} over {n_points} models (the baseline, {}, in orange).", num(la.tokens_score_spearman, 3), px.lb.baseline)}</p>
                    <JudgesScatter points=points spec=spec testid="length-scatter"
                        description=format!("Scatter of {n_points} models: average answer tokens against score under {primary}.") />
                    <p>{format!("With style control on, {moved} of {n_lines} models change rank (green: rises, red: falls).")}</p>
                    <JudgesSlope lines=lines spec=sspec description=format!("Slope chart of {n_lines} models' ranks with style control off and on, under {primary}.") />
                }.into_any()
            }
        };

        // Benchmark quality.
        let sep_view = view! {
            <div class="table-wrap" tabindex="0">
                <table class="board" data-testid="separability">
                    <thead><tr>
                        <th scope="col">"Judge"</th>
                        <th scope="col" class="num">"Models"</th>
                        <th scope="col" class="num">"Separability at 95%"</th>
                        <th scope="col" class="num">"Separability at 80%"</th>
                    </tr></thead>
                    <tbody>
                        {an.per.iter().map(|p| view! {
                            <tr data-judge=p.judge.clone()
                                data-at95=p.sep95.fraction.map(|f| f.to_string()).unwrap_or_default()
                                data-at80=p.sep80.fraction.map(|f| f.to_string()).unwrap_or_default()>
                                <th scope="row">{p.judge.clone()}</th>
                                <td class="num">{p.sep95.models.to_string()}</td>
                                <td class="num">{format!("{} ({} of {} pairs)", pct(p.sep95.fraction), p.sep95.separated, p.sep95.pairs)}</td>
                                <td class="num">{format!("{} ({} of {} pairs)", pct(p.sep80.fraction), p.sep80.separated, p.sep80.pairs)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        };
        let boards: Vec<JudgeBoard> = an
            .per
            .iter()
            .map(|p| JudgeBoard {
                judge: p.judge.clone(),
                rows: p.lb.models.iter().map(Scored::from).collect(),
            })
            .collect();
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
                {consistency_view}
            </section>

            <section aria-labelledby="h-len">
                <h2 id="h-len">"Length and style"</h2>
                <p class="def">"Style coefficients are fitted with style control (length and markdown: tokens, headers, lists, bold) on z-normalised features: a positive length coefficient means the judge prefers the longer answer at equal model strength. Style control removes that effect from the scores."</p>
                {coef_table}
                {length_view}
            </section>

            <section aria-labelledby="h-qual">
                <h2 id="h-qual">"Benchmark quality"</h2>
                <p class="def">"Separability at a level: the share of model pairs whose confidence intervals at that level do not overlap, i.e. the pairs the benchmark tells apart with confidence. Higher is better; it depends on the level, so it is given at 95% and at 80%."</p>
                {sep_view}
                <h3>"Against a published leaderboard"</h3>
                <p class="def">"Load a CSV (Arena-Hard's model,score,rating_q025,rating_q975,CI,avg_tokens,date, or a model/Elo table). Over the models both name: Spearman and Kendall rank correlations; agreement with confidence = of the pairs our intervals separate, the share the reference orders the same way; Brier score = mean of (1 − p)² over pairs the reference orders, p our probability (normal approximation from the intervals) that the reference's higher model wins (lower is better, 0.25 is a coin flip)."</p>
                <JudgesReference boards=boards level=an.opts.level seed=an.opts.seed />
            </section>

            <section aria-labelledby="h-whatif">
                <h2 id="h-whatif">"What if…"</h2>
                <p class="def">{format!("Change one option of the computation for judge {primary} (judge X) and see which models change rank (ranks by point score among the models both versions rate). Weight: how many times a strong verdict (A>>B) counts. Drop inconsistent rows: leave out rows whose two games disagree.")}</p>
                <JudgesWhatIf loaded=an.loaded.clone() bench=an.bench.clone() base=px.lb.clone() opts={
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
        let an = a.0.as_ref().as_ref().ok()?;
        let baseline = an
            .per
            .first()
            .map(|p| p.lb.baseline.clone())
            .unwrap_or_default();
        let level_pct = format!("{:.0}%", an.opts.level * 100.0);
        let capped = (an.requested_rounds > an.opts.rounds).then(|| {
            format!(
                " (the link asks for {} rounds; this page caps them at {MAX_PAGE_ROUNDS})",
                an.requested_rounds
            )
        });
        Some(view! {
            <p class="method" data-testid="judges-method">
                {format!("{} · {} judge{} · baseline {baseline} · {level_pct} intervals from {} bootstrap rounds over {}, seed {}{} · computed in {:.0} ms.",
                    an.bench_name, an.judges.len(), if an.judges.len() == 1 { "" } else { "s" },
                    an.opts.rounds, unit_text(an.opts.unit), an.opts.seed, capped.unwrap_or_default(), an.ms)}
            </p>
        })
    };

    // The bootstrap behind every interval on the page: show_result.py's row resampling, or the
    // prompt-level one that keeps a prompt's games and strong-verdict copies together.
    let bootstrap_controls = {
        let (set_unit, set_level, set_rounds) = (set_boot.clone(), set_boot.clone(), set_boot);
        let now = move || view.with(|v| (v.unit, v.level, v.rounds.min(MAX_PAGE_ROUNDS)));
        view! {
            <div class="controls judges-bootstrap" data-testid="judges-bootstrap">
                <label class="field">
                    <span>"Bootstrap over"</span>
                    <select data-testid="judges-unit" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        set_unit(&|s| s.unit = BootstrapUnit::parse(&v).unwrap_or(BootstrapUnit::Row))
                    }>
                        <option value="row" selected=move || now().0 == BootstrapUnit::Row>"battle rows (show_result.py-compatible)"</option>
                        <option value="prompt" selected=move || now().0 == BootstrapUnit::Prompt>"prompts (clustered: wider, more honest)"</option>
                    </select>
                </label>
                <label class="field">
                    <span>"Confidence level"</span>
                    <select data-testid="judges-level" on:change=move |ev| {
                        let v = event_target_value(&ev).parse::<f64>().unwrap_or(0.95);
                        set_level(&|s| s.level = v)
                    }>
                        {[0.8, 0.9, 0.95, 0.99].into_iter().map(|l| view! {
                            <option value=l.to_string() selected=move || (now().1 - l).abs() < 1e-9>{format!("{:.0}%", l * 100.0)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field narrow">
                    <span>"Rounds"</span>
                    <input type="number" min="0" max=MAX_PAGE_ROUNDS.to_string() data-testid="judges-rounds"
                        prop:value=move || now().2.to_string()
                        on:change=move |ev| {
                            let v = event_target_value(&ev).parse::<u32>().unwrap_or(100).min(MAX_PAGE_ROUNDS);
                            set_rounds(&|s| s.rounds = v)
                        } />
                </label>
            </div>
        }
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
                <ShareLink />
            </div>
            {status}
            {method}
            {bootstrap_controls}
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
