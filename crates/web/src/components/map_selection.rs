//! The prompts selected on the clusters page (a box or a lasso on the prompt map, or every prompt
//! whose text matches a search: the keyboard's way to select), with how many there are, their ids (to copy into a file for
//! `arena-lens leaderboard --prompts FILE`) and a button that opens their leaderboard. The selection
//! is the URL's prompt subset (`pids`, `search`), so the link reopens it.

use crate::ui::format::thousands;
use crate::ui::SetView;
use arena_lens_core::view_state::{keys, parse};
use leptos::prelude::*;

/// A resolved selection: its size, the bench's size, what it is, its ids; or why it selects nothing.
pub type Selected = Result<(usize, usize, String, Vec<String>), String>;

pub fn map_selection(
    selected: Option<Selected>,
    search: String,
    set: impl SetView,
) -> impl IntoView {
    let set_search = set.clone();
    let set_clear = set.clone();
    let set_go = set.clone();
    let body = match selected {
        None => view! {
            <p class="hint" data-testid="selection-status">"No prompts selected: drag a box or draw a lasso on the prompt map, or search the prompts' text."</p>
        }
        .into_any(),
        Some(Err(e)) => {
            view! { <p class="status error" role="alert" data-testid="selection-status">{e}</p> }
                .into_any()
        }
        Some(Ok((n, of, what, ids))) => view! {
            <p data-testid="selection-status">{format!("{} of {} prompts selected ({what}).", thousands(n as f64), thousands(of as f64))}</p>
            <div class="map-selection">
                <button type="button" class="button" data-testid="selection-leaderboard"
                    on:click=move |_| set_go(&|s| s.set_extra(keys::PAGE, None))>
                    "Leaderboard of these prompts"
                </button>
                <button type="button" class="button secondary" data-testid="selection-clear"
                    on:click=move |_| set_clear(&|s| { s.subset.encoded = None; s.subset.search = None; })>
                    "Clear the selection"
                </button>
            </div>
            <details>
                <summary>"Their ids (one per line, for arena-lens leaderboard --prompts FILE)"</summary>
                <textarea readonly data-testid="selection-ids" aria-label="Selected prompt ids">{ids.join("\n")}</textarea>
            </details>
        }
        .into_any(),
    };
    view! {
        <label class="field">
            <span>"Select prompts whose text contains"</span>
            <input type="search" data-testid="map-search" placeholder="search the prompts…" prop:value=search
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set_search(&|s| { s.subset.search = parse::search(&v); s.subset.encoded = None; })
                } />
        </label>
        {body}
    }
}
