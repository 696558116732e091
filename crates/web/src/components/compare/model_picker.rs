//! Model A and B selects with a swap button between them.

use super::model::{Pair, PairMemo};
use crate::ui::SetView;
use arena_lens_core::compare::candidates;
use arena_lens_core::view_state::keys::compare as key;
use leptos::prelude::*;

/// Puts model B in A's place and A in B's (the swap button and the `s` key).
pub fn swap_models(pair: &Pair, set: &impl SetView) {
    let (a, b) = (pair.name(pair.a), pair.name(pair.b));
    set(&|s| {
        s.set_extra(key::A, Some(b.clone()));
        s.set_extra(key::B, Some(a.clone()));
    });
}

/// Model A and B selects with a swap button.
pub fn model_picker(pair: PairMemo, set: impl SetView) -> impl IntoView {
    move || {
        let p = pair.get()?;
        let bench = p.bench();
        let names: Vec<(String, bool)> = candidates(bench, &p.base.index)
            .into_iter()
            .map(|m| {
                (
                    bench.models.name(m).to_string(),
                    p.base.index.baseline == Some(m),
                )
            })
            .collect();
        let (a, b) = (p.name(p.a), p.name(p.b));
        let select = |side: &'static str, current: String| {
            let set = set.clone();
            let k = if side == "a" { key::A } else { key::B };
            view! {
                <label class="field">
                    <span>{if side == "a" { "Model A" } else { "Model B" }}</span>
                    <select data-testid=format!("model-{side}") on:change=move |ev| {
                        let v = event_target_value(&ev);
                        set(&|s| s.set_extra(k, Some(v.clone())))
                    }>
                        {names.iter().map(|(n, is_base)| {
                            let label = if *is_base { format!("{n} (baseline)") } else { n.clone() };
                            view! { <option value=n.clone() selected=*n == current>{label}</option> }
                        }).collect_view()}
                    </select>
                </label>
            }
        };
        let swap = {
            let set = set.clone();
            let p = p.clone();
            move |_| swap_models(&p, &set)
        };
        Some(view! {
            <div class="model-picker" data-testid="model-picker">
                {select("a", a)}
                <button type="button" class="button secondary swap" data-testid="swap" title="Swap A and B (key s)" on:click=swap>"⇄ Swap"</button>
                {select("b", b)}
            </div>
        })
    }
}
