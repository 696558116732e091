//! Untrusted markdown on the page: rendered by the core crate's sanitising renderer (raw HTML shown as
//! text, only http(s)/mailto links, no images) and cut to a size the page can hold; "Show more" and
//! "Show all" lift the cut for this pane only.

use arena_lens_core::markdown::render_limited;
use leptos::prelude::*;

/// How much of a text is rendered at first. Real answers are a few KB; the cut protects the page
/// from pathological ones (a 10 MB answer).
pub const FIRST_LIMIT: usize = 200_000;

fn size(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else {
        format!("{:.0} KB", (bytes as f64 / 1e3).ceil())
    }
}

/// Renders `text` as safe markdown inside a `div.md`. `scroll_label`: the pane scrolls on its own
/// (a max height in the stylesheet), so it takes keyboard focus and is a labelled region.
#[component]
pub fn Markdown(
    text: String,
    #[prop(optional)] testid: Option<&'static str>,
    #[prop(optional, into)] scroll_label: Option<String>,
) -> impl IntoView {
    let limit = RwSignal::new(FIRST_LIMIT);
    let total = text.len();
    move || {
        let r = render_limited(&text, limit.get());
        let shown = r.shown_bytes;
        let focusable = scroll_label.is_some().then_some("0");
        let role = scroll_label.is_some().then_some("region");
        view! {
            <div class="md" data-testid=testid inner_html=r.html tabindex=focusable role=role aria-label=scroll_label.clone()></div>
            {(shown < total).then(|| view! {
                <p class="cut-note" data-testid="cut-note">
                    {format!("Showing the first {} of {}. ", size(shown), size(total))}
                    <button type="button" class="linkish" on:click=move |_| limit.update(|l| *l = l.saturating_mul(4))>"Show more"</button>
                    " · "
                    <button type="button" class="linkish" on:click=move |_| limit.set(usize::MAX)>"Show all (may be slow)"</button>
                </p>
            })}
        }
    }
}
