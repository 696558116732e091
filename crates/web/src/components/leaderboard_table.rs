//! The leaderboard table: rank (UB), model, score, interval as numbers and as an inline bar, battles
//! and average tokens; sortable by column and filtered by name, both kept in the URL. The score
//! column is headed by what the method's score is ([`ScoreScale`]); a method's other figures
//! (`ModelRow::figures`) become extra columns, rank figures beside Rank (UB), the rest after the bar.

use crate::url_state::{use_set_view, use_view_state};
use arena_lens_core::bt::Estimate;
use arena_lens_core::leaderboard::{figure, Leaderboard, ModelRow};
use arena_lens_core::view_state::SortKey;
use leptos::prelude::*;

fn sorted(rows: &[ModelRow], key: SortKey, asc: bool, filter: &str) -> Vec<ModelRow> {
    let f = filter.to_lowercase();
    let mut v: Vec<ModelRow> = rows
        .iter()
        .filter(|r| f.is_empty() || r.model.to_lowercase().contains(&f))
        .cloned()
        .collect();
    let cmp = |a: &ModelRow, b: &ModelRow| -> std::cmp::Ordering {
        let by = |x: f64, y: f64| x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal);
        match key {
            // Natural orders: best first for scores and ranks, A→Z for names.
            SortKey::Score => by(b.score, a.score),
            SortKey::Rank => a.rank_ub.cmp(&b.rank_ub).then(by(b.score, a.score)),
            SortKey::Model => a.model.to_lowercase().cmp(&b.model.to_lowercase()),
            SortKey::Width => by(b.upper - b.lower, a.upper - a.lower),
            SortKey::Battles => b.battles.cmp(&a.battles),
            SortKey::Tokens => by(b.avg_tokens.unwrap_or(0.0), a.avg_tokens.unwrap_or(0.0)),
        }
    };
    v.sort_by(|a, b| if asc { cmp(b, a) } else { cmp(a, b) });
    v
}

/// A score as the table prints it, with its method's decimals (`Method::score_decimals`: win rates
/// one, Elo whole, as their tools print them).
fn score_text(r: &ModelRow, decimals: usize) -> String {
    match r.estimate {
        Estimate::Above => "> all (no losses)".into(),
        Estimate::Below => "< all (no wins)".into(),
        _ => format!("{:.decimals$}", r.score),
    }
}

/// What a method's `score` is, for headers and the bar's scale.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreScale {
    /// The method's score label ("Win rate (%)", "Elo rating").
    pub label: String,
    /// Whether scores are percentages against a baseline (50% reference, 0–100 clamp).
    pub percent: bool,
    /// How the intervals were drawn (the method line), as the interval header's title.
    pub interval: String,
    /// Decimals of a printed score and bound.
    pub decimals: usize,
}

impl ScoreScale {
    /// The scale of a leaderboard's scores; its method line says how the intervals were drawn.
    pub fn of(lb: &Leaderboard) -> ScoreScale {
        let label = lb.score_label();
        ScoreScale {
            label: label.to_string(),
            percent: label.contains("(%)"),
            interval: lb.method_line.clone(),
            decimals: lb.method.score_decimals(),
        }
    }
}

/// The table. `level` labels the interval column; `testid` is `leaderboard` for the main table.
#[component]
pub fn LeaderboardTable(
    rows: Vec<ModelRow>,
    level: f64,
    baseline: String,
    testid: &'static str,
    scale: ScoreScale,
) -> impl IntoView {
    let view = use_view_state();
    let set = use_set_view();
    // Win rates: the bar spans at least the 50% reference, within 0–100. Other scales (Elo): the
    // bar spans the intervals, with no reference.
    let start = if scale.percent {
        50.0
    } else {
        rows.first().map(|r| r.score).unwrap_or(0.0)
    };
    let (lo, hi) = rows
        .iter()
        .filter(|r| r.lower.is_finite() && r.upper.is_finite())
        .fold((start, start), |(l, h), r| (l.min(r.lower), h.max(r.upper)));
    let (lo, hi) = if scale.percent {
        ((lo - 2.0).max(0.0), (hi + 2.0).min(100.0))
    } else {
        let pad = ((hi - lo) * 0.03).max(1.0);
        (lo - pad, hi + pad)
    };
    let pct = move |x: f64| ((x - lo) / (hi - lo).max(1e-9) * 100.0).clamp(0.0, 100.0);
    let percent = scale.percent;
    let ci_label = if percent {
        format!("{:.0}% CI", level * 100.0)
    } else {
        format!("{:.0}% CI ({})", level * 100.0, scale.label)
    };
    let score_header = if percent {
        "Score".to_string()
    } else {
        scale.label.clone()
    };
    let bar_header = if percent {
        format!("{ci_label} ({lo:.0}–{hi:.0}%)")
    } else {
        format!("{ci_label} ({lo:.0}–{hi:.0})")
    };
    // The method's figures: rank figures beside Rank (UB), the others after the bar.
    let figs = figure::keys(&rows);
    let (rank_figs, other_figs): (Vec<String>, Vec<String>) =
        figs.iter().cloned().partition(|k| k.starts_with("rank_"));
    let decimals: std::collections::HashMap<String, u8> = figs
        .iter()
        .map(|k| (k.clone(), figure::decimals(&rows, k)))
        .collect();
    let fig_header = |k: &String| {
        view! { <th scope="col" class="num figure" data-figure=k.clone() title=figure::explain(k)>{figure::header(k)}</th> }
    };
    let fig_cell = {
        let decimals = decimals.clone();
        move |r: &ModelRow, k: &String| {
            let d = decimals.get(k).copied().unwrap_or(2) as usize;
            let v = r.figures.get(k).copied();
            let text = v.map(|x| format!("{x:.d$}")).unwrap_or_else(|| "–".into());
            view! { <td class="num figure" data-figure=k.clone() data-value=v.map(|x| x.to_string()).unwrap_or_default()>{text}</td> }
        }
    };
    let columns = 7 + figs.len();
    let score_decimals = scale.decimals;
    let interval_title = scale.interval.clone();
    let header = {
        let set = set.clone();
        move |key: SortKey, label: String, numeric: bool| {
            let set = set.clone();
            let aria = move || {
                view.with(|v| {
                    if v.sort != key {
                        "none"
                    } else if v.asc {
                        "ascending"
                    } else {
                        "descending"
                    }
                })
            };
            view! {
                <th scope="col" class:num=numeric aria-sort=aria>
                    <button type="button" class="sort" data-sort=key.as_str() on:click=move |_| {
                        set(&|s| {
                            if s.sort == key { s.asc = !s.asc } else { s.sort = key; s.asc = false }
                        })
                    }>
                        {label.clone()}
                        <span class="arrow" aria-hidden="true">{move || view.with(|v| if v.sort != key { "" } else if v.asc { " ▲" } else { " ▼" })}</span>
                    </button>
                </th>
            }
        }
    };
    let figs_rank_headers = rank_figs.iter().map(fig_header).collect_view();
    let figs_other_headers = other_figs.iter().map(fig_header).collect_view();
    let all = rows.clone();
    // Only the keys the rows depend on: another change of the URL (a control whose result is
    // still computing) must not rebuild every row.
    let order = Memo::new(move |_| view.with(|v| (v.sort, v.asc, v.filter.clone())));
    let body = move || {
        let (key, asc, filter) = order.get();
        let shown = sorted(&all, key, asc, &filter);
        if shown.is_empty() {
            return view! { <tr><td colspan=columns.to_string() class="empty">"No model matches the filter."</td></tr> }.into_any();
        }
        shown
            .into_iter()
            .map(|r| {
                let is_base = r.model == baseline;
                let (l, s, u) = (pct(r.lower), pct(r.score), pct(r.upper));
                let title = format!("{}: {:.2} ({:.2} to {:.2})", r.model, r.score, r.lower, r.upper);
                view! {
                    <tr data-model=r.model.clone() data-score=r.score.to_string() data-lower=r.lower.to_string()
                        data-upper=r.upper.to_string() data-rank=r.rank_ub.to_string() class:baseline=is_base>
                        <td class="num rank">{r.rank_ub}</td>
                        {rank_figs.iter().map(|k| fig_cell(&r, k)).collect_view()}
                        <th scope="row" class="model">{r.model.clone()}{is_base.then(|| view! { <span class="tag">"baseline"</span> })}</th>
                        <td class="num score">{score_text(&r, score_decimals)}</td>
                        <td class="num ci">{format!("{:.d$} – {:.d$}", r.lower, r.upper, d = score_decimals)}<span class="pm">{format!(" ({:+.d$}/{:+.d$})", r.lower - r.score, r.upper - r.score, d = score_decimals)}</span></td>
                        <td class="bar" aria-hidden="true" title=title>
                            <div class="cibar">
                                {percent.then(|| view! { <span class="ref" style=format!("left:{:.2}%", pct(50.0))></span> })}
                                <span class="range" style=format!("left:{l:.2}%;width:{:.2}%", (u - l).max(0.4))></span>
                                <span class="point" style=format!("left:{s:.2}%")></span>
                            </div>
                        </td>
                        {other_figs.iter().map(|k| fig_cell(&r, k)).collect_view()}
                        <td class="num">{r.battles}</td>
                        <td class="num">{r.avg_tokens.map(|t| format!("{}", t as i64)).unwrap_or_else(|| "–".into())}</td>
                    </tr>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <div class="table-wrap">
            <table data-testid=testid class="board">
                <thead>
                    <tr>
                        {header(SortKey::Rank, "Rank (UB)".into(), true)}
                        {figs_rank_headers}
                        {header(SortKey::Model, "Model".into(), false)}
                        {header(SortKey::Score, score_header, true)}
                        {header(SortKey::Width, ci_label.clone(), true)}
                        <th scope="col" class="bar" title=interval_title>{bar_header}</th>
                        {figs_other_headers}
                        {header(SortKey::Battles, "Battles".into(), true)}
                        {header(SortKey::Tokens, "Avg tokens".into(), true)}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}
