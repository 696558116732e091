//! The groups table: size, category, the chosen model's win rate with its interval, the best and the
//! worst model, sortable; a check box per group builds a custom slice (with weights), and the slice
//! table scores every model over it.

use crate::ui::{SetView, Shared};
use crate::url_state::use_view_state;
use arena_lens_core::cluster::groups::Groups;
use arena_lens_core::cluster::perf::Perf;
use arena_lens_core::cluster::performance::SliceScore;
use arena_lens_core::cluster::selection::selection_text;
use arena_lens_core::view_state::keys::clusters as key;
use leptos::prelude::*;
use std::collections::BTreeMap;

fn ci_text(lo: Option<f64>, hi: Option<f64>) -> String {
    match (lo, hi) {
        (Some(lo), Some(hi)) => format!("[{lo:.1}, {hi:.1}]"),
        _ => String::new(),
    }
}

pub fn cluster_table(
    perf: Option<Shared<Perf>>,
    groups: Shared<Groups>,
    model: Memo<Option<String>>,
    selection: Memo<BTreeMap<String, f64>>,
    set: impl SetView,
    on_open: impl Fn(Option<String>, String) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let view = use_view_state();
    let sort = Memo::new(move |_| view.with(|v| v.extra(key::SORT).unwrap_or("group").to_string()));
    let level = perf.as_ref().map_or(95.0, |p| p.level * 100.0);
    // The parents' column is named as the data names them (a language on a Chatbot Arena log).
    let parent_head = {
        let l = groups.parent_label;
        let mut c = l.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    let header = {
        let set = set.clone();
        move |id: &'static str, label: String| {
            let set = set.clone();
            view! {
                <th scope="col" aria-sort=move || if sort.get() == id { "descending" } else { "none" }>
                    <button type="button" class="sort" data-sort=id
                        on:click=move |_| set(&|s| s.set_extra(key::SORT, (id != "group").then(|| id.to_string())))>
                        {label.clone()}
                    </button>
                </th>
            }
        }
    };
    let model_label = model.get_untracked().unwrap_or_else(|| "model".into());
    let rows = {
        let set = set.clone();
        move || {
            let m = model.get();
            let sel = selection.get();
            let mut order: Vec<String> = groups.order.clone();
            let rate = |g: &str| {
                m.as_ref()
                    .and_then(|m| perf.as_ref()?.cell(g, m))
                    .map_or(-1.0, |x| x.win_rate)
            };
            let size = |g: &str| groups.label_of.iter().filter(|l| l.as_str() == g).count();
            let spread = |g: &str| {
                perf.as_ref()
                    .and_then(|p| p.by_group.get(g).map(|&i| &p.rows[i]))
                    .map_or(0.0, |r| {
                        let (lo, hi) = r.models.iter().fold((f64::MAX, f64::MIN), |(l, h), x| {
                            (l.min(x.win_rate), h.max(x.win_rate))
                        });
                        if r.models.is_empty() {
                            0.0
                        } else {
                            hi - lo
                        }
                    })
            };
            match sort.get().as_str() {
                "size" => order.sort_by_key(|g| std::cmp::Reverse(size(g))),
                "score" => order.sort_by(|a, b| rate(b).total_cmp(&rate(a))),
                "spread" => order.sort_by(|a, b| spread(b).total_cmp(&spread(a))),
                _ => {}
            }
            order
                .into_iter()
                .map(|g| {
                    let n = size(&g);
                    let parent = groups.parent.get(&g).cloned().unwrap_or_default();
                    let row = perf.as_ref().and_then(|p| p.by_group.get(&g).map(|&i| p.rows[i].clone()));
                    let cell = m.as_ref().and_then(|m| perf.as_ref()?.cell(&g, m).cloned());
                    let (best, worst) = row
                        .as_ref()
                        .map(|r| {
                            let mut v = r.models.clone();
                            v.sort_by(|a, b| b.win_rate.total_cmp(&a.win_rate));
                            let f = |x: Option<&arena_lens_core::cluster::performance::ModelInCluster>| {
                                x.map(|x| format!("{} {:.0}%", x.model, x.win_rate)).unwrap_or_default()
                            };
                            (f(v.first()), f(v.last()))
                        })
                        .unwrap_or_default();
                    let checked = sel.contains_key(&g);
                    let weight = sel.get(&g).copied().unwrap_or(1.0);
                    let (set_c, set_w) = (set.clone(), set.clone());
                    let (g1, g2, g3) = (g.clone(), g.clone(), g.clone());
                    let sel1 = sel.clone();
                    let sel2 = sel.clone();
                    let open = on_open.clone();
                    let mm = m.clone();
                    view! {
                        <tr data-cluster=g.clone() class:selected=checked>
                            <td class="pick">
                                <input type="checkbox" aria-label=format!("Include “{g}” in the custom score") prop:checked=checked
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let mut s2 = sel1.clone();
                                        if on { s2.insert(g1.clone(), 1.0); } else { s2.remove(&g1); }
                                        set_c(&|s| s.set_extra(key::SEL, selection_text(&s2)))
                                    } />
                                {checked.then(|| view! {
                                    <input type="number" class="weight" min="0" step="0.5" aria-label=format!("Weight of “{g2}”")
                                        prop:value=weight.to_string()
                                        on:change=move |ev| {
                                            let w = event_target_value(&ev).parse::<f64>().unwrap_or(1.0).max(0.0);
                                            let mut s2 = sel2.clone();
                                            s2.insert(g2.clone(), w);
                                            set_w(&|s| s.set_extra(key::SEL, selection_text(&s2)))
                                        } />
                                })}
                            </td>
                            <th scope="row" class="group">
                                <button type="button" class="link" title="Read these prompts in the compare page"
                                    on:click=move |_| open(mm.clone(), g3.clone())>{g.clone()}</button>
                            </th>
                            <td class="cat">{parent}</td>
                            <td class="num">{n}</td>
                            <td class="num score" class:muted=cell.as_ref().is_some_and(|c| c.ci_crosses_50)
                                data-rate=cell.as_ref().map(|c| format!("{:.2}", c.win_rate)).unwrap_or_default()>
                                {cell.as_ref().map(|c| format!("{:.1}", c.win_rate)).unwrap_or_else(|| "—".into())}
                                <span class="ci">{cell.as_ref().map(|c| ci_text(c.lower, c.upper)).unwrap_or_default()}</span>
                            </td>
                            <td class="best">{best}</td>
                            <td class="worst">{worst}</td>
                        </tr>
                    }
                })
                .collect_view()
        }
    };
    view! {
        <p class="hint">"Tick groups to score every model over just those prompts (set a weight to count a group more). Click a column title to sort, a group to read its prompts."</p>
        <div class="table-wrap">
            <table class="data cluster-table" data-testid="cluster-table">
                <thead>
                    <tr>
                        <th scope="col">"Use"</th>
                        {header("group", "Group".into())}
                        <th scope="col">{parent_head}</th>
                        {header("size", "Prompts".into())}
                        {header("score", format!("{model_label}: win rate % [{level:.0}% CI]"))}
                        <th scope="col">"Best model"</th>
                        {header("spread", "Worst model (sort: spread)".into())}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// Every model's score over the selected groups.
pub fn slice_table(
    rows: Shared<Vec<SliceScore>>,
    level: f64,
    groups: BTreeMap<String, f64>,
) -> impl IntoView {
    let what = groups
        .iter()
        .map(|(g, w)| {
            if *w == 1.0 {
                g.clone()
            } else {
                format!("{g} (×{w})")
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <p class="hint">{format!(
            "Weighted mean of the groups' win rates over: {what}. {:.0}% intervals from a prompt-level bootstrap stratified by group.",
            level * 100.0
        )}</p>
        <div class="table-wrap">
            <table class="data" data-testid="slice-score">
                <thead><tr><th scope="col">"Model"</th><th scope="col">"Score %"</th><th scope="col">{format!("{:.0}% CI", level * 100.0)}</th><th scope="col">"Prompts"</th></tr></thead>
                <tbody>
                    {rows.iter().map(|r| view! {
                        <tr data-model=r.model.clone() data-score=format!("{:.2}", r.score)>
                            <th scope="row">{r.model.clone()}</th>
                            <td class="num" class:muted=r.ci_crosses_50>{format!("{:.1}", r.score)}</td>
                            <td class="num">{ci_text(r.lower, r.upper)}</td>
                            <td class="num">{r.n_prompts}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
