//! The bootstrap behind every interval on the judges page: show_result.py's row resampling, or the
//! prompt-level one that keeps a prompt's games and strong-verdict copies together; the confidence
//! level; and the rounds (capped by the page).

use crate::components::method_picker::use_method;
use crate::url_state::{use_set_view, use_view_state};
use arena_lens_core::bootstrap::BootstrapUnit;
use arena_lens_core::scope::Purpose;
use arena_lens_core::view_state::keys;
use leptos::prelude::*;

/// The unit, level and rounds controls; `max_rounds` caps the rounds shown and set.
#[component]
pub fn JudgesBootstrap(max_rounds: u32) -> impl IntoView {
    let view = use_view_state();
    let set = use_set_view();
    let (set_unit, set_level, set_rounds) = (set.clone(), set.clone(), set);
    // An anchor method fixes its tool's unit and level: shown, and the select disabled.
    let method = use_method(Purpose::Judges);
    let now = move || {
        let m = method.get();
        view.with(|v| (m.unit(v.unit), m.level(v.level), v.rounds.min(max_rounds)))
    };
    let fixed_unit = move || method.get().fixed_unit().is_some();
    let fixed_level = move || method.get().fixed_level().is_some();
    view! {
        <div class="controls judges-bootstrap" data-testid="judges-bootstrap">
            <label class="field">
                <span>"Bootstrap over"</span>
                <select data-testid="judges-unit" prop:disabled=fixed_unit on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set_unit(&|s| { s.apply(keys::UNIT, &v); })
                }>
                    <option value="row" selected=move || now().0 == BootstrapUnit::Row>"battle rows (show_result.py-compatible)"</option>
                    <option value="prompt" selected=move || now().0 == BootstrapUnit::Prompt>"prompts (clustered: wider, more honest)"</option>
                </select>
            </label>
            <label class="field">
                <span>"Confidence level"</span>
                <select data-testid="judges-level" prop:disabled=fixed_level on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set_level(&|s| { s.apply(keys::LEVEL, &v); })
                }>
                    {[0.8, 0.9, 0.95, 0.99].into_iter().map(|l| view! {
                        <option value=l.to_string() selected=move || (now().1 - l).abs() < 1e-9>{format!("{:.0}%", l * 100.0)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="field narrow">
                <span>"Rounds"</span>
                <input type="number" min="0" max=max_rounds.to_string() data-testid="judges-rounds"
                    prop:value=move || now().2.to_string()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        set_rounds(&|s| {
                            s.apply(keys::ROUNDS, &v);
                            s.rounds = s.rounds.min(max_rounds);
                        })
                    } />
            </label>
        </div>
    }
}
