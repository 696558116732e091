//! The per-model table: score in each run, Δ with its interval, and the rank change; each row's
//! model button lists that model's changed prompts. Full-precision numbers sit in `data-*`
//! attributes so a test can check them against the CLI's JSON; the cells show one decimal.
//! Models only one run rates are listed apart, below.

use crate::url_state::ViewSetter;
use arena_lens_core::diff::models::ModelDiff;
use arena_lens_core::view_state::keys;
use leptos::prelude::*;

fn full(x: Option<f64>) -> String {
    x.map_or(String::new(), |v| format!("{v:?}"))
}

fn one(x: Option<f64>) -> String {
    x.map_or("–".into(), |v| format!("{v:.1}"))
}

#[component]
pub fn DiffTable(
    models: Vec<ModelDiff>,
    chosen: Option<String>,
    set: ViewSetter,
    /// The interval's level, named in its column header.
    level: f64,
) -> impl IntoView {
    let rows = models
        .into_iter()
        .map(|m| {
            let moved = m.rank_1 as i64 - m.rank_2 as i64;
            let rank = match moved {
                0 => format!("{} → {}", m.rank_1, m.rank_2),
                d if d > 0 => format!("{} → {} (▲{d})", m.rank_1, m.rank_2),
                d => format!("{} → {} (▼{})", m.rank_1, m.rank_2, -d),
            };
            let name = m.model.clone();
            let is_chosen = chosen.as_deref() == Some(m.model.as_str());
            let sig = match (m.lower, m.upper) {
                (Some(l), _) if l > 0.0 => "up",
                (_, Some(u)) if u < 0.0 => "down",
                _ => "",
            };
            view! {
                <tr data-testid="diff-row" data-model=m.model.clone()
                    data-score1=full(Some(m.score_1)) data-score2=full(Some(m.score_2))
                    data-delta=full(Some(m.delta)) data-lower=full(m.lower) data-upper=full(m.upper)
                    data-rank1=m.rank_1.to_string() data-rank2=m.rank_2.to_string()
                    aria-selected=is_chosen.to_string()>
                    <th scope="row" class="model">
                        <button type="button" class="linkish" data-testid="diff-pick-model"
                            on:click=move |_| { let n = name.clone(); set.update(|v| { v.set_extra(keys::diff::MODEL, Some(n.clone())); v.set_extra(keys::diff::SHOW, None); }) }>
                            {m.model.clone()}
                        </button>
                    </th>
                    <td class="num">{format!("{:.1}", m.score_1)}</td>
                    <td class="num">{format!("{:.1}", m.score_2)}</td>
                    <td class=format!("num delta {sig}")>{format!("{:+.1}", m.delta)}</td>
                    <td class="num interval">{format!("[{}, {}]", one(m.lower), one(m.upper))}</td>
                    <td class="num">{rank}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="board diff-table" data-testid="diff-table">
                <caption class="visually-hidden">"Per model: score in each run, the change and its interval, and the rank in each run"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Model"</th>
                        <th scope="col" class="num">"Run 1"</th>
                        <th scope="col" class="num">"Run 2"</th>
                        <th scope="col" class="num">"Δ"</th>
                        <th scope="col" class="num">{format!("Δ {:.0}% CI", level * 100.0)}</th>
                        <th scope="col" class="num">"Rank"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// Models only one run rates.
#[component]
pub fn OnlyIn(run: u8, models: Vec<String>) -> impl IntoView {
    let n = models.len();
    view! {
        <div class="only-in" data-testid=format!("only-in-{run}")>
            <h3>{format!("Only in run {run} ({n})")}</h3>
            {if models.is_empty() {
                view! { <p class="def">"None."</p> }.into_any()
            } else {
                view! { <ul class="chips">{models.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul> }.into_any()
            }}
        </div>
    }
}
