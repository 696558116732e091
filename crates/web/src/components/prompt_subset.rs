//! Which prompts a leaderboard scores: all, hard prompts only (criteria score ≥ 6), one criterion's
//! prompts, prompts whose text matches a search, or the prompts selected on the clusters page's map.
//! The choice is the core's `PromptSubset`, kept in the URL (`pids`, `min_criteria`, `criterion`,
//! `search`), so a link carries it and every method scores just those prompts. This bar shows what
//! is scored ("Scoring 412 of 20,000 prompts: hard prompts") and, where the data carries no
//! criteria tags, says so instead of hiding the quality slices.

use crate::data::{DataContext, LoadState};
use crate::ui::format::thousands;
use crate::ui::scope as ui_scope;
use crate::url_state::{use_set_view, use_view_state};
use arena_lens_core::criteria::{Criterion, HARD_PROMPT_SCORE};
use arena_lens_core::scope::{Purpose, ScopeRequest};
use arena_lens_core::subset::has_criteria;
use leptos::prelude::*;

/// The select's value for the quality slice the subset asks for.
fn slice_value(min: Option<u8>, c: Option<Criterion>) -> String {
    match (min, c) {
        (_, Some(c)) => format!("c:{}", c.key()),
        (Some(m), None) => format!("m:{m}"),
        (None, None) => "all".into(),
    }
}

/// What the bar knows about the data: (has criteria tags, the status line or the reason none).
fn status(purpose: Purpose) -> Memo<Option<(bool, Result<String, String>)>> {
    let ctx = expect_context::<DataContext>();
    let view = use_view_state();
    Memo::new(move |_| {
        let LoadState::Ready(loaded) = ctx.state.get() else {
            return None;
        };
        view.with(|v| {
            let s =
                ui_scope::resolve(&loaded.dataset, &ScopeRequest::from_view(v, purpose)).ok()?;
            let bench = s.bench(&loaded.dataset);
            let tagged = has_criteria(bench);
            if v.subset.is_all() {
                return Some((
                    tagged,
                    Ok(format!(
                        "Scoring all {} prompts.",
                        thousands(bench.prompts.len() as f64)
                    )),
                ));
            }
            let line = v.subset.select(bench).map(|sel| {
                format!(
                    "Scoring {} of {} prompts: {}.{}",
                    thousands(sel.prompts.len() as f64),
                    thousands(sel.of as f64),
                    sel.description,
                    match sel.unknown_ids {
                        0 => String::new(),
                        n => format!(" {n} listed ids are not in this data."),
                    }
                )
            });
            Some((tagged, line.map_err(|e| e.to_string())))
        })
    })
}

/// The bar above a leaderboard.
#[component]
pub fn PromptSubsetBar() -> impl IntoView {
    let view = use_view_state();
    let set = use_set_view();
    let info = status(Purpose::Leaderboard);
    let tagged = move || info.get().is_some_and(|(t, _)| t);
    let set_slice = set.clone();
    let set_search = set.clone();
    let set_clear = set.clone();
    let has_ids = move || view.with(|v| v.subset.encoded.is_some() || !v.subset.ids.is_empty());
    view! {
        <section class="prompt-subset" data-testid="prompt-subset" aria-label="Which prompts are scored">
            <label class="field">
                <span>"Prompts"</span>
                <select data-testid="subset-quality"
                    prop:value=move || view.with(|v| slice_value(v.subset.min_criteria, v.subset.criterion))
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        set_slice(&|s| {
                            s.subset.min_criteria = v.strip_prefix("m:").and_then(|m| m.parse().ok());
                            s.subset.criterion = v.strip_prefix("c:").and_then(Criterion::parse);
                        })
                    }>
                    <option value="all">"All prompts"</option>
                    <option value=format!("m:{HARD_PROMPT_SCORE}") disabled=move || !tagged()>
                        {format!("Hard prompts only (criteria score ≥ {HARD_PROMPT_SCORE})")}
                    </option>
                    {Criterion::ALL.iter().map(|c| view! {
                        <option value=format!("c:{}", c.key()) disabled=move || !tagged()>
                            {format!("{} prompts", c.label())}
                        </option>
                    }).collect_view()}
                </select>
            </label>
            <label class="field">
                <span>"Prompt text contains"</span>
                <input type="search" data-testid="subset-search" placeholder="search the prompts…"
                    prop:value=move || view.with(|v| v.subset.search.clone().unwrap_or_default())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        set_search(&|s| s.subset.search = arena_lens_core::view_state::parse::search(&v))
                    } />
            </label>
            {move || has_ids().then(|| {
                let set_clear = set_clear.clone();
                view! {
                    <button type="button" class="button secondary" data-testid="subset-clear-ids"
                        on:click=move |_| set_clear(&|s| { s.subset.encoded = None; s.subset.ids.clear(); })>
                        "Clear the map selection"
                    </button>
                }
            })}
            {move || info.get().map(|(tagged, line)| view! {
                {match line {
                    Ok(t) => view! { <p class="hint" role="status" data-testid="subset-status">{t}</p> }.into_any(),
                    Err(e) => view! { <p class="status error" role="alert" data-testid="subset-status">{e}</p> }.into_any(),
                }}
                {(!tagged).then(|| view! {
                    <p class="hint" data-testid="subset-no-criteria">
                        "This data carries no criteria tags (Chatbot Arena logs' category_tag.criteria_v0.1), so hard-prompt and per-criterion slices are not available; a search or a selection on the clusters page's map still works."
                    </p>
                })}
            })}
        </section>
    }
}
