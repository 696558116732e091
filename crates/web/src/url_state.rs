//! The URL query as the app's global state: read it as a [`ViewState`], change it by navigating.
//!
//! The state is made once, by [`provide_view_state`] in the shell (inside the router), and given to
//! every page and component through context: one [`Memo<ViewState>`] and one [`ViewSetter`], which is
//! `Copy`, so closures take it without clones. [`use_view_state`] and [`use_set_view`] read that
//! context; outside it (a component mounted in a test) they build their own from the router, as they
//! always did.

use arena_lens_core::view_state::ViewState;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// The view state and its setter, as the context holds them.
#[derive(Clone, Copy)]
pub struct ViewContext {
    pub state: Memo<ViewState>,
    pub set: ViewSetter,
}

/// Applies a change to the view state and navigates to the new URL, replacing the history entry (so
/// dragging a slider does not fill the back button). `Copy`: move it into as many closures as needed.
#[derive(Clone, Copy)]
pub struct ViewSetter {
    state: Memo<ViewState>,
    navigate: Callback<String>,
}

impl ViewSetter {
    /// Changes the current state with `change` and navigates to it.
    pub fn update(self, change: impl FnOnce(&mut ViewState)) {
        let mut v = self.state.get_untracked();
        change(&mut v);
        self.navigate.run(href(&v.to_query()));
    }

    /// The setter as the closure shape components take ([`crate::ui::SetView`]).
    pub fn as_fn(self) -> impl Fn(&dyn Fn(&mut ViewState)) + Copy + Send + Sync + 'static {
        move |change: &dyn Fn(&mut ViewState)| self.update(|v| change(v))
    }
}

/// The browser's own path (base included) with `query`: what the setter navigates to and what the
/// share link shows after the origin.
pub fn href(query: &str) -> String {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".into());
    if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    }
}

/// Builds the view state from the router's query and provides it to everything below. Call once,
/// inside the `<Router>`.
pub fn provide_view_state() -> ViewContext {
    let ctx = create_view_state();
    provide_context(ctx);
    ctx
}

fn create_view_state() -> ViewContext {
    let query = use_query_map();
    let state = Memo::new(move |_| {
        query.with(|q| {
            let pairs: Vec<(String, String)> = q
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            ViewState::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        })
    });
    let go = use_navigate();
    let navigate = Callback::new(move |url: String| {
        go(
            &url,
            NavigateOptions {
                replace: true,
                scroll: false,
                // The path is the browser's own, base included: resolving it would add the base
                // (the sub-path the site is served under) a second time, /sub/ becoming /sub/sub/.
                resolve: false,
                ..Default::default()
            },
        )
    });
    ViewContext {
        state,
        set: ViewSetter { state, navigate },
    }
}

/// The provided view state and setter (built here when none was provided).
pub fn use_view_context() -> ViewContext {
    use_context::<ViewContext>().unwrap_or_else(create_view_state)
}

/// The current view state, derived from the query.
pub fn use_view_state() -> Memo<ViewState> {
    use_view_context().state
}

/// The `Copy` setter.
pub fn use_view_setter() -> ViewSetter {
    use_view_context().set
}

/// The setter as a closure, for components written against [`crate::ui::SetView`]. Declared `Clone`
/// only (it is `Copy` underneath) so that callers' `.clone()` stays lint-clean until they move to
/// [`use_view_setter`].
pub fn use_set_view() -> impl Fn(&dyn Fn(&mut ViewState)) + Clone + Send + Sync + 'static {
    use_view_setter().as_fn()
}
