//! One tab per judge, when the bench has several.

use super::model::Base;
use crate::ui::{SetView, Shared};
use arena_lens_core::view_state::keys::compare as key;
use leptos::prelude::*;

/// One tab per judge, when there are several.
pub fn judge_tabs(base: Shared<Base>, set: impl SetView) -> impl IntoView {
    (base.judges.len() > 1).then(|| {
        let current = base.index.judge;
        view! {
            <div class="tabs judge-tabs" role="tablist" aria-label="Judge" data-testid="judge-tabs">
                <span class="tabs-label">"Judge:"</span>
                {base.judges.iter().map(|(id, name)| {
                    let set = set.clone();
                    let n = name.clone();
                    view! {
                        <button type="button" role="tab" class="tab" data-judge=name.clone()
                            aria-selected=(Some(*id) == current).to_string()
                            on:click=move |_| set(&|s| s.set_extra(key::JUDGE, Some(n.clone())))>
                            {name.clone()}
                        </button>
                    }
                }).collect_view()}
            </div>
        }
    })
}
