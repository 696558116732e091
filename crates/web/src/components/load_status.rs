//! Progress while data loads (files, bytes and, for a battle log read as it arrives, battles),
//! and the error if it fails.

use crate::data::{DataContext, LoadState};
use leptos::prelude::*;

fn mb(b: u64) -> String {
    format!("{:.1} MB", b as f64 / 1_000_000.0)
}

#[component]
pub fn LoadStatus() -> impl IntoView {
    let ctx = expect_context::<DataContext>();
    move || {
        match ctx.state.get() {
        LoadState::Loading(p) => view! {
            <div class="status loading" role="status" aria-live="polite" data-testid="progress">
                <progress max=p.bytes_total.max(1) value=p.bytes_done></progress>
                <span>
                    {format!("Loading {} of {} files · {} of {}", p.files_done, p.files_total, mb(p.bytes_done), mb(p.bytes_total))}
                    // A battle log read as it arrives counts its battles; inside the same span so
                    // that a narrow screen wraps the sentence, not the count onto a line of its own.
                    {(p.battles > 0).then(|| view! {
                        <span data-testid="progress-battles">{format!(" · {} battles read", p.battles)}</span>
                    })}
                </span>
                <span class="current">{p.current.clone()}</span>
            </div>
        }
        .into_any(),
        LoadState::Failed(e) => view! {
            <div class="status error" role="alert" data-testid="load-error">
                <strong>"Could not load the data. "</strong>
                {e}
            </div>
        }
        .into_any(),
        _ => ().into_any(),
    }
    }
}
