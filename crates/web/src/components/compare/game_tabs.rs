//! Game 1 / game 2 tabs: which game's judge text the verdicts show.

use crate::ui::SetView;
use arena_lens_core::view_state::keys::compare as key;
use leptos::prelude::*;

/// Game 1 / game 2 tabs for the judges' texts.
pub fn game_tabs(game: Memo<u8>, set: impl SetView) -> impl IntoView {
    let tab = move |g: u8, label: &'static str| {
        let set = set.clone();
        view! {
            <button type="button" role="tab" class="tab" data-game=g.to_string()
                aria-selected=move || (game.get() == g).to_string()
                on:click=move |_| set(&|s| s.set_extra(key::GAME, Some(g.to_string())))>
                {label}
            </button>
        }
    };
    view! {
        <div class="tabs game-tabs" role="tablist" aria-label="Game" data-testid="game-tabs">
            <span class="tabs-label">"Judge's text for:"</span>
            {tab(1, "Game 1 — baseline in position A")}
            {tab(2, "Game 2 — baseline in position B (swapped)")}
            <span class="hint">"key g"</span>
        </div>
    }
}
