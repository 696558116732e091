//! The status of a computation running in the compute worker: a progress bar with text once it
//! has run for a moment, and (for tests and the curious) the worker's job counts in data
//! attributes that are always there.

use crate::compute::Pending;
use leptos::prelude::*;

/// `what`: what is being computed ("the leaderboard"); `pending`: the request in flight;
/// `completed` / `abandoned`: the worker's counts (`data-completed`, `data-abandoned`);
/// `arrived`: when the newest result reached the page, before rendering (`data-arrived`, ms on
/// the page's performance clock).
#[component]
pub fn ComputeProgress(
    what: &'static str,
    #[prop(into)] pending: Signal<Option<Pending>>,
    #[prop(into)] completed: Signal<u64>,
    #[prop(into)] abandoned: Signal<u64>,
    #[prop(into)] arrived: Signal<Option<f64>>,
) -> impl IntoView {
    let bar = move || {
        let p = pending.get().filter(|p| p.slow)?;
        let text = if p.total > 0 {
            format!(
                "Computing {what}: {} of {} bootstrap rounds",
                p.done.min(p.total),
                p.total
            )
        } else {
            format!("Computing {what}…")
        };
        Some(view! {
            <div class="status loading" role="status" aria-live="polite" data-testid="compute-progress">
                // Without a total yet, an indeterminate bar (no value).
                {if p.total > 0 {
                    view! { <progress max=p.total value=p.done.min(p.total) aria-label=text.clone()></progress> }.into_any()
                } else {
                    view! { <progress aria-label=text.clone()></progress> }.into_any()
                }}
                <span>{text}</span>
            </div>
        })
    };
    view! {
        <div data-testid="compute-status"
            data-busy=move || pending.with(|p| p.is_some()).to_string()
            data-completed=move || completed.get().to_string()
            data-abandoned=move || abandoned.get().to_string()
            data-arrived=move || arrived.get().map(|t| format!("{t:.1}")).unwrap_or_default()>
            {bar}
        </div>
    }
}
