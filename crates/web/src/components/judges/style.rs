//! Length and style: every judge's style-control coefficients, and for one judge the scatter of
//! average answer length against score and the slope chart of ranks without and with style
//! control.

use super::format::num;
use super::scatter::JudgesScatter;
use super::slope::JudgesSlope;
use arena_lens_charts::{ScatterPoint, ScatterSpec, SlopeLine, SlopeSpec};
use arena_lens_core::judges::analysis::Analysis;
use arena_lens_core::judges::boards::JudgeBoards;
use arena_lens_core::judges::length;
use arena_lens_core::style::StyleMode;
use leptos::prelude::*;

/// The coefficients table (every judge) and the length analysis of `px`, the judge `primary`.
pub fn style_view(an: &Analysis, px: &JudgeBoards, primary: &str) -> impl IntoView {
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
        .map_err(|e| e.to_string())
        .and_then(|on| length::analyse(&px.lb, on).map_err(|e| e.to_string()))
    {
        Err(e) => {
            view! { <p class="hint">{format!("Length analysis for {primary}: {e}")}</p> }.into_any()
        }
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
    (coef_table, length_view)
}
