//! The leaderboard table: rank (UB), model, score, interval as numbers and as an inline bar, battles
//! and average tokens; sortable by column and filtered by name, both kept in the URL.

use crate::url_state::{use_set_view, use_view_state};
use arena_lens_core::bt::Estimate;
use arena_lens_core::leaderboard::ModelRow;
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

fn score_text(r: &ModelRow) -> String {
    match r.estimate {
        Estimate::Above => "> all (no losses)".into(),
        Estimate::Below => "< all (no wins)".into(),
        _ => format!("{:.1}", r.score),
    }
}

/// The table. `level` labels the interval column; `testid` is `leaderboard` for the main table.
#[component]
pub fn LeaderboardTable(
    rows: Vec<ModelRow>,
    level: f64,
    baseline: String,
    testid: &'static str,
) -> impl IntoView {
    let view = use_view_state();
    let set = use_set_view();
    let (lo, hi) = rows.iter().fold((50.0f64, 50.0f64), |(l, h), r| {
        (l.min(r.lower), h.max(r.upper))
    });
    let (lo, hi) = ((lo - 2.0).max(0.0), (hi + 2.0).min(100.0));
    let pct = move |x: f64| ((x - lo) / (hi - lo).max(1e-9) * 100.0).clamp(0.0, 100.0);
    let ci_label = format!("{:.0}% CI", level * 100.0);
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
    let all = rows.clone();
    let body = move || {
        let (key, asc, filter) = view.with(|v| (v.sort, v.asc, v.filter.clone()));
        let shown = sorted(&all, key, asc, &filter);
        if shown.is_empty() {
            return view! { <tr><td colspan="7" class="empty">"No model matches the filter."</td></tr> }.into_any();
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
                        <th scope="row" class="model">{r.model.clone()}{is_base.then(|| view! { <span class="tag">"baseline"</span> })}</th>
                        <td class="num score">{score_text(&r)}</td>
                        <td class="num ci">{format!("{:.1} – {:.1}", r.lower, r.upper)}<span class="pm">{format!(" ({:+.1}/{:+.1})", r.lower - r.score, r.upper - r.score)}</span></td>
                        <td class="bar" aria-hidden="true" title=title>
                            <div class="cibar">
                                <span class="ref" style=format!("left:{:.2}%", pct(50.0))></span>
                                <span class="range" style=format!("left:{l:.2}%;width:{:.2}%", (u - l).max(0.4))></span>
                                <span class="point" style=format!("left:{s:.2}%")></span>
                            </div>
                        </td>
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
                        {header(SortKey::Model, "Model".into(), false)}
                        {header(SortKey::Score, "Score".into(), true)}
                        {header(SortKey::Width, ci_label.clone(), true)}
                        <th scope="col" class="bar">{format!("{ci_label} ({:.0}–{:.0}%)", lo, hi)}</th>
                        {header(SortKey::Battles, "Battles".into(), true)}
                        {header(SortKey::Tokens, "Avg tokens".into(), true)}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}
