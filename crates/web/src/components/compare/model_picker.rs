//! Model A and B selects with a swap button between them. The selects list every model with answers
//! or verdicts, each marked with what it has ("answers + verdicts under J", "answers only", ...).

use super::model::{Pair, PairMemo};
use crate::ui::SetView;
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
        let names: Vec<(String, String)> = p
            .base
            .holdings
            .iter()
            .map(|h| {
                (
                    bench.models.name(h.model).to_string(),
                    h.mark(bench, &p.base.index),
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
                        {names.iter().map(|(n, mark)| {
                            let label = format!("{n} — {mark}");
                            view! { <option value=n.clone() data-mark=mark.clone() selected=*n == current>{label}</option> }
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
