//! "Copy link": the current URL (the whole view state) in a read-only field and a button that copies it.

use crate::url_state::use_view_state;
use leptos::prelude::*;

#[component]
pub fn ShareLink() -> impl IntoView {
    let view = use_view_state();
    let copied = RwSignal::new(false);
    let share_url = move || {
        view.track();
        web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default()
    };
    let copy = move |_| {
        if let Some(w) = web_sys::window() {
            let href = w.location().href().unwrap_or_default();
            let _ = w.navigator().clipboard().write_text(&href);
            copied.set(true);
        }
    };
    view! {
        <div class="share">
            <input type="text" readonly data-testid="share-url" aria-label="Link to this view" prop:value=share_url />
            <button type="button" class="button" data-testid="copy-link" on:click=copy>
                {move || if copied.get() { "Copied ✓" } else { "Copy link" }}
            </button>
        </div>
    }
}
