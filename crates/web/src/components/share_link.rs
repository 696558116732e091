//! "Copy link": the current URL (the whole view state) in a read-only field and a button that copies it.

use crate::url_state::{href, use_view_state};
use leptos::prelude::*;

#[component]
pub fn ShareLink() -> impl IntoView {
    let view = use_view_state();
    let copied = RwSignal::new(false);
    // Built from the view state, not read from `location`: the query signal changes before the
    // router has rewritten the address bar, so `location.href` can still be the previous URL.
    let share_url = move || {
        let origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        format!("{origin}{}", href(&view.with(|v| v.to_query())))
    };
    let copy = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.navigator().clipboard().write_text(&share_url());
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
