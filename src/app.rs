//! The root component: shared data context, the URL-driven loader, the page shell and the routes.

use crate::components::data_picker::DataPicker;
use crate::components::load_status::LoadStatus;
use crate::data::{DataContext, LoadState, DEMO_DATA};
use crate::loader::{fetch_files, start_load};
use crate::pages::compare::ComparePage;
use crate::pages::leaderboard::LeaderboardPage;
use crate::url_state::use_view_state;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

/// The path the site is served under (from `<base href>`), so links and the router agree on sub-paths.
pub fn base_path() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|b| web_sys::Url::new(&b).ok())
        .map(|u| u.pathname())
        .unwrap_or_else(|| "/".into());
    base.trim_end_matches('/').to_string()
}

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    let ctx = DataContext {
        state: RwSignal::new(LoadState::Idle),
        generation: RwSignal::new(0),
    };
    provide_context(ctx);
    view! {
        <Router base=base_path()>
            <Shell />
        </Router>
    }
}

/// Header, data loading, routes and footer.
#[component]
fn Shell() -> impl IntoView {
    let ctx = expect_context::<DataContext>();
    let view = use_view_state();
    let data_url = Memo::new(move |_| view.with(|v| v.data.clone()));
    // Loading touches the network, so it is an effect; it re-runs only when the data URL changes.
    Effect::new(move |_| {
        let url = data_url.get();
        let (src, label) = match url {
            Some(u) => (u.clone(), u),
            None => (DEMO_DATA.to_string(), "demo (synthetic)".to_string()),
        };
        start_load(ctx, label, move |progress| async move {
            fetch_files(&src, progress).await
        });
    });
    let query = move || {
        let q = view.with(|v| v.to_query());
        if q.is_empty() {
            String::new()
        } else {
            format!("?{q}")
        }
    };
    view! {
        <div class="app" data-testid="app">
            <a class="skip" href="#main">"Skip to content"</a>
            <header class="top">
                <div class="brand">
                    <span class="logo" aria-hidden="true">"◐"</span>
                    <span class="name">"arena-lens"</span>
                    <span class="tagline">"pairwise LLM-as-judge results, computed in your browser"</span>
                </div>
                <nav aria-label="Pages">
                    <A href=move || format!("{}{}", base_path_slash(), query())>"Leaderboard"</A>
                    <A href=move || format!("{}compare{}", base_path_slash(), query())>"Compare"</A>
                </nav>
                <DataPicker />
            </header>
            <LoadStatus />
            <main id="main">
                <Routes fallback=|| view! { <p data-testid="not-found">"Not found."</p> }>
                    <Route path=path!("") view=LeaderboardPage />
                    <Route path=path!("compare") view=ComparePage />
                </Routes>
            </main>
        </div>
    }
}

fn base_path_slash() -> String {
    format!("{}/", base_path())
}
