//! The "← Prev · Page i of n · Next →" pager under a paged list. The page lives in the URL under a
//! key the caller names, 1-based, so a link opens the same page.

use crate::ui::SetView;
use leptos::prelude::*;

/// Where a list is in its pages, and how the pager is labelled.
pub struct PagerSpec {
    /// The page shown, 0-based.
    pub page: usize,
    pub pages: usize,
    /// The URL key holding the 1-based page.
    pub key: &'static str,
    pub testid: &'static str,
    /// A test id for the "Page i of n" text, when the tests read it.
    pub label_testid: Option<&'static str>,
}

/// Prev and next buttons around "Page i of n"; nothing when everything fits on one page.
pub fn pager(spec: PagerSpec, set: impl SetView) -> Option<impl IntoView> {
    let PagerSpec {
        page,
        pages,
        key,
        testid,
        label_testid,
    } = spec;
    (pages > 1).then(|| {
        let (s1, s2) = (set.clone(), set);
        view! {
            <div class="pager" data-testid=testid>
                <button type="button" class="button secondary" disabled={page == 0}
                    on:click=move |_| s1(&|s| s.set_extra(key, Some(page.to_string())))>"← Prev"</button>
                <span data-testid=label_testid>{format!("Page {} of {}", page + 1, pages)}</span>
                <button type="button" class="button secondary" disabled={page + 1 >= pages}
                    on:click=move |_| s2(&|s| s.set_extra(key, Some((page + 2).to_string())))>"Next →"</button>
            </div>
        }
    })
}
