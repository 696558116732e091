//! The URL query as the app's global state: read it as a [`ViewState`], change it by navigating.

use arena_lens_core::view_state::ViewState;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// The current view state, derived from the query.
pub fn use_view_state() -> Memo<ViewState> {
    let query = use_query_map();
    Memo::new(move |_| {
        query.with(|q| {
            let pairs: Vec<(String, String)> = q
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            ViewState::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        })
    })
}

/// A function that applies a change to the view state and navigates to the new URL (replacing the
/// history entry, so dragging a slider does not fill the back button).
pub fn use_set_view() -> impl Fn(&dyn Fn(&mut ViewState)) + Clone + 'static {
    let navigate = use_navigate();
    let view = use_view_state();
    move |change: &dyn Fn(&mut ViewState)| {
        let mut v = view.get_untracked();
        change(&mut v);
        let q = v.to_query();
        let path = web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_else(|| "/".into());
        let url = if q.is_empty() {
            path
        } else {
            format!("{path}?{q}")
        };
        navigate(
            &url,
            NavigateOptions {
                replace: true,
                scroll: false,
                // The path is the browser's own, base included: resolving it would add the base
                // (the sub-path the site is served under) a second time, /sub/ becoming /sub/sub/.
                resolve: false,
                ..Default::default()
            },
        );
    }
}
