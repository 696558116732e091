//! The root component: shared data context, the URL-driven loader, the page shell and the routes.

use crate::components::data_picker::DataPicker;
use crate::components::load_status::LoadStatus;
use crate::data::{DataContext, LoadState};
use crate::default_data::default_data;
use crate::loader::{fetch_for_page, start_load};
use crate::pages::clusters::ClustersPage;
use crate::pages::compare::ComparePage;
use crate::pages::diff::DiffPage;
use crate::pages::judges::JudgesPage;
use crate::pages::leaderboard::LeaderboardPage;
use crate::url_state::use_view_state;
use arena_lens_core::view_state::keys::page::{CLUSTERS, COMPARE, DIFF, JUDGES};
use arena_lens_core::view_state::keys::PAGE as PAGE_KEY;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
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
        texts: RwSignal::new(crate::texts::TextStore::default()),
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
    // The view state (the URL) is read once, here, and given to every page through context.
    crate::url_state::provide_view_state();
    let ctx = expect_context::<DataContext>();
    let view = use_view_state();
    let data_url = Memo::new(move |_| view.with(|v| v.data.clone()));
    // Loading touches the network, so it is an effect; it re-runs only when the data URL changes.
    Effect::new(move |_| {
        let url = data_url.get();
        let (src, label) = match url {
            Some(u) => (u.clone(), u),
            None => default_data(),
        };
        start_load(ctx, label, move |progress| async move {
            fetch_for_page(&src, progress).await
        });
    });
    // Pages are chosen by the `view` query key, not by the path: a static host serves only
    // index.html, so a path such as /compare would be a 404 when reloaded or shared.
    let page = Memo::new(move |_| view.with(|v| v.extra(PAGE_KEY).map(str::to_string)));
    // A new page starts at the top: links within a page keep their scroll (they only change the
    // query), but a page reached from another (a heatmap cell opening the compare page) should not
    // open half-way down. Scrolling is the outside world, so it is an effect.
    Effect::new(move |prev: Option<Option<String>>| {
        let now = page.get();
        if prev.is_some_and(|p| p != now) {
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
        now
    });
    let href_for = move |target: Option<&'static str>| {
        let q = view.with(|v| {
            let mut v = v.clone();
            v.set_extra(PAGE_KEY, target.map(str::to_string));
            v.to_query()
        });
        if q.is_empty() {
            base_path_slash()
        } else {
            format!("{}?{q}", base_path_slash())
        }
    };
    let current =
        move |target: Option<&'static str>| (page.get().as_deref() == target).then_some("page");
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
                    <a href=move || href_for(None) aria-current=move || current(None) data-testid="nav-leaderboard">"Leaderboard"</a>
                    <a href=move || href_for(Some(COMPARE)) aria-current=move || current(Some(COMPARE)) data-testid="nav-compare">"Compare"</a>
                    <a href=move || href_for(Some(CLUSTERS)) aria-current=move || current(Some(CLUSTERS)) data-testid="nav-clusters">"Clusters"</a>
                    <a href=move || href_for(Some(JUDGES)) aria-current=move || current(Some(JUDGES)) data-testid="nav-judges">"Judges"</a>
                    <a href=move || href_for(Some(DIFF)) aria-current=move || current(Some(DIFF)) data-testid="nav-diff">"Diff"</a>
                </nav>
                <DataPicker />
            </header>
            <LoadStatus />
            <main id="main">
                <Routes fallback=|| view! { <p data-testid="not-found">"Not found."</p> }>
                    // The page follows the `view` key reactively: a page may switch to another by
                    // changing the query alone (the clusters page opens the compare page).
                    <Route path=path!("") view=move || view! {
                        {move || match page.get().as_deref() {
                            Some(COMPARE) => view! { <ComparePage /> }.into_any(),
                            Some(CLUSTERS) => view! { <ClustersPage /> }.into_any(),
                            Some(JUDGES) => view! { <JudgesPage /> }.into_any(),
                            Some(DIFF) => view! { <DiffPage /> }.into_any(),
                            _ => view! { <LeaderboardPage /> }.into_any(),
                        }}
                    } />
                </Routes>
            </main>
        </div>
    }
}

fn base_path_slash() -> String {
    format!("{}/", base_path())
}
