//! Judge against judge: the X/Y pickers, the scatter of each model's score under the two judges
//! (self-preference flags in orange), their rank correlations and the rank-shift table.

use super::format::{corr_text, num};
use super::scatter::JudgesScatter;
use crate::ui::SetView;
use arena_lens_charts::{ScatterPoint, ScatterSpec};
use arena_lens_core::judges::agreement::Agreement;
use arena_lens_core::judges::analysis::{Analysis, CORR_ROUNDS};
use arena_lens_core::judges::family::SelfPreferenceRow;
use arena_lens_core::view_state::keys::judges as jkey;
use leptos::prelude::*;

/// The pair section for judges `x` and `y` (`None`: the data has one judge); `None` when either
/// is not in the analysis.
pub fn pair_view(
    an: &Analysis,
    x: String,
    y: Option<String>,
    self_pref: Memo<Option<Result<Vec<SelfPreferenceRow>, String>>>,
    judge_agreement: Memo<Option<Result<Agreement, String>>>,
    set: impl SetView,
) -> Option<AnyView> {
    let level_pct = format!("{:.0}%", an.opts.level * 100.0);
    let selects = {
        let set_x = set.clone();
        let set_y = set.clone();
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
    let (px, py) = (an.judge(&x)?, an.judge(&y)?);
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
            <p class="corr" data-testid="judge-pair-measures"
                data-agreement=g.agreement_with_confidence.map(|v| v.to_string()).unwrap_or_default()
                data-agreement-pairs=g.confidence.pairs.to_string()
                data-brier=g.brier.map(|v| v.to_string()).unwrap_or_default()
                data-brier-pairs=g.brier_score.pairs.to_string()>
                {format!("With {y} as the reference: {} {} over the {} pairs {y} separates ({} same order, {} overlapping under {x}, {} reversed); {} {} over {} pairs (from {x}'s bootstrap mean and variance, {y}'s point scores). Definitions: Benchmark quality below.",
                    g.confidence.name, num(g.agreement_with_confidence, 3), g.confidence.pairs, g.confidence.same_order, g.confidence.ours_overlap, g.confidence.reversed,
                    g.brier_score.name, num(g.brier, 4), g.brier_score.pairs)}
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
}
