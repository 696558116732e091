//! The root component and the router.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The whole application: a router with its routes.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Routes fallback=|| view! { <p data-testid="not-found">"Not found."</p> }>
                <Route path=path!("") view=Home />
            </Routes>
        </Router>
    }
}

/// The landing page.
#[component]
fn Home() -> impl IntoView {
    view! { <main data-testid="app">"arena-lens"</main> }
}
