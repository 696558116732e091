//! The leaderboard's controls. Each writes to the URL; nothing here holds state of its own.

use crate::url_state::{use_set_view, use_view_state};
use arena_lens_core::bootstrap::BootstrapUnit;
use arena_lens_core::leaderboard::GroupBy;
use arena_lens_core::style::StyleMode;
use arena_lens_core::view_state::keys;
use leptos::prelude::*;

/// What the data offers to choose from.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Choices {
    pub benches: Vec<String>,
    pub judges: Vec<String>,
    pub models: Vec<String>,
    /// The baseline in effect (shown selected when the URL names none).
    pub baseline: String,
    /// The judged baseline in effect, written to the URL when the display baseline changes.
    pub judged_baseline: Option<String>,
    pub has_style: bool,
    /// The judges the shown leaderboard pools.
    pub active_judges: Vec<String>,
}

/// The URL setter's shape, as the number inputs take it.
type SetView = dyn Fn(&dyn Fn(&mut arena_lens_core::view_state::ViewState));

#[component]
pub fn Controls(choices: Memo<Choices>) -> impl IntoView {
    let view = use_view_state();
    let set = use_set_view();

    let set_bench = {
        let set = set.clone();
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            set(&|s| {
                s.bench = Some(v.clone());
                s.judges.clear();
                s.baseline = None;
                s.judged_baseline = None;
            })
        }
    };
    let toggle_judge = {
        let set = set.clone();
        move |judge: String, on: bool| {
            let active = choices.get_untracked().active_judges;
            set(&|s| {
                let mut current: Vec<String> = if s.judges.is_empty() {
                    active.clone()
                } else {
                    s.judges.clone()
                };
                current.retain(|j| j != &judge);
                if on {
                    current.push(judge.clone());
                }
                current.sort();
                s.judges = current;
            })
        }
    };
    let set_baseline = {
        let set = set.clone();
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            let judged = choices.get_untracked().judged_baseline;
            set(&|s| {
                // Re-anchoring must not change who the judgments were made against.
                if s.judged_baseline.is_none() {
                    s.judged_baseline = judged.clone();
                }
                s.baseline = Some(v.clone());
            })
        }
    };
    let num = |set: &SetView,
               f: fn(&mut arena_lens_core::view_state::ViewState, &str),
               ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        set(&|s| f(s, &v));
    };

    let bench_select = move || {
        let c = choices.get();
        (c.benches.len() > 1).then(|| {
            let current = view.with(|v| v.bench.clone()).unwrap_or_default();
            view! {
                <label class="field">
                    <span>"Bench"</span>
                    <select data-testid="bench" on:change=set_bench.clone()>
                        {c.benches.into_iter().map(|b| {
                            let sel = b == current;
                            view! { <option value=b.clone() selected=sel>{b.clone()}</option> }
                        }).collect_view()}
                    </select>
                </label>
            }
        })
    };

    let judge_boxes = move || {
        let c = choices.get();
        let chosen = c.active_judges.clone();
        (!c.judges.is_empty()).then(|| {
            let toggle = toggle_judge.clone();
            view! {
                <fieldset class="field judges" data-testid="judges">
                    <legend>"Judge(s)"</legend>
                    {c.judges.iter().map(|j| {
                        let checked = chosen.contains(j);
                        let name = j.clone();
                        let toggle = toggle.clone();
                        view! {
                            <label class="check">
                                <input type="checkbox" checked=checked data-judge=name.clone()
                                    on:change=move |ev| toggle(name.clone(), event_target_checked(&ev)) />
                                {j.clone()}
                            </label>
                        }
                    }).collect_view()}
                    {(chosen.len() > 1).then(|| view! { <span class="hint">"pooled as an ensemble"</span> })}
                </fieldset>
            }
        })
    };

    let baseline_select = move || {
        let c = choices.get();
        let current = view
            .with(|v| v.baseline.clone())
            .unwrap_or(c.baseline.clone());
        let on_change = set_baseline.clone();
        view! {
            <label class="field">
                <span>"Baseline (50%)"</span>
                <select data-testid="baseline" on:change=on_change>
                    {c.models.into_iter().map(|m| {
                        let sel = m == current;
                        view! { <option value=m.clone() selected=sel>{m.clone()}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
    };

    let s1 = set.clone();
    let s2 = set.clone();
    let s3 = set.clone();
    let s4 = set.clone();
    let s5 = set.clone();
    let s6 = set.clone();
    let s7 = set.clone();
    let s8 = set.clone();
    let s9 = set.clone();
    view! {
        <form class="controls" data-testid="controls" on:submit=|ev| ev.prevent_default()>
            {bench_select}
            {judge_boxes}
            {baseline_select}
            <label class="field narrow">
                <span>"Strong-verdict weight"</span>
                <input type="number" min="1" max="100" data-testid="weight"
                    prop:value=move || view.with(|v| v.weight.to_string())
                    on:change=move |ev| num(&s1, |s, v| s.weight = v.parse().unwrap_or(3).clamp(1, 100), ev) />
            </label>
            <label class="check field">
                <input type="checkbox" data-testid="first-game"
                    prop:checked=move || view.with(|v| v.first_game_only)
                    on:change=move |ev| { let on = event_target_checked(&ev); s2(&|s| s.first_game_only = on) } />
                "First game only"
            </label>
            <label class="field">
                <span>"Bootstrap"</span>
                <select data-testid="unit" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    s3(&|s| s.unit = BootstrapUnit::parse(&v).unwrap_or_default())
                }>
                    <option value="row" selected=move || view.with(|v| v.unit == BootstrapUnit::Row)>"Rows (show_result.py)"</option>
                    <option value="prompt" selected=move || view.with(|v| v.unit == BootstrapUnit::Prompt)>"Prompts (clustered)"</option>
                </select>
            </label>
            <label class="field narrow">
                <span>"Rounds"</span>
                <input type="number" min="0" max="10000" step="100" data-testid="rounds"
                    prop:value=move || view.with(|v| v.rounds.to_string())
                    on:change=move |ev| num(&s4, |s, v| s.rounds = v.parse().unwrap_or(100).min(10_000), ev) />
            </label>
            <label class="field narrow">
                <span>"Seed"</span>
                <input type="number" min="0" data-testid="seed"
                    prop:value=move || view.with(|v| v.seed.to_string())
                    on:change=move |ev| num(&s5, |s, v| s.seed = v.parse().unwrap_or(42), ev) />
            </label>
            <label class="field narrow">
                <span>"Confidence"</span>
                <select data-testid="level" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    s6(&|s| s.level = v.parse().unwrap_or(0.95))
                }>
                    {[0.8, 0.9, 0.95, 0.99].into_iter().map(|l| view! {
                        <option value=l.to_string() selected=move || view.with(|v| v.level == l)>{format!("{:.0}%", l * 100.0)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="field">
                <span>"Style control"</span>
                <select data-testid="style" prop:disabled=move || !choices.with(|c| c.has_style) on:change=move |ev| {
                    let v = event_target_value(&ev);
                    s7(&|s| s.style = StyleMode::parse(&v).unwrap_or_default())
                }>
                    {[(StyleMode::Off, "Off"), (StyleMode::Full, "Length + markdown"), (StyleMode::Length, "Length only"), (StyleMode::Markdown, "Markdown only")]
                        .into_iter().map(|(m, label)| view! {
                            <option value=m.as_str() selected=move || view.with(|v| v.style == m)>{label}</option>
                        }).collect_view()}
                </select>
            </label>
            <label class="field">
                <span>"Group by"</span>
                <select data-testid="group" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    s8(&|s| { s.group_by = GroupBy::parse(&v); s.set_extra(keys::LB_GROUP, None); })
                }>
                    <option value="" selected=move || view.with(|v| v.group_by.is_none())>"Nothing"</option>
                    <option value="category" selected=move || view.with(|v| v.group_by == Some(GroupBy::Category))>"Category"</option>
                    <option value="subcategory" selected=move || view.with(|v| v.group_by == Some(GroupBy::Subcategory))>"Subcategory"</option>
                    <option value="cluster" selected=move || view.with(|v| v.group_by == Some(GroupBy::Cluster))>"Topic cluster"</option>
                </select>
            </label>
            <label class="check field" title="Reproduce show_result.py's intervals exactly, including its narrower intervals for baselines other than gpt-4-0314">
                <input type="checkbox" data-testid="compat"
                    prop:checked=move || view.with(|v| v.compat)
                    on:change=move |ev| { let on = event_target_checked(&ev); s9(&|s| s.compat = on) } />
                "show_result.py quirks"
            </label>
        </form>
    }
}
