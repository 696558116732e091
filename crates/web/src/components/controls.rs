//! The leaderboard's controls. Each writes to the URL; nothing here holds state of its own. What a
//! reader types is read by the same parser as a link ([`ViewState::apply`]), so a value's range,
//! cap and default are the URL's.

use crate::components::method_picker::{use_method, MethodSelect};
use crate::url_state::{use_view_setter, use_view_state, ViewSetter};
use arena_lens_core::bootstrap::BootstrapUnit;
use arena_lens_core::leaderboard::GroupBy;
use arena_lens_core::method::Method;
use arena_lens_core::scope::Purpose;
use arena_lens_core::style::StyleMode;
use arena_lens_core::view_state::parse::{LEVELS, MAX_ROUNDS, WEIGHTS};
use arena_lens_core::view_state::{keys, ViewState};
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

/// A handler that reads the input's value into the view state's field `key`, as a link would.
fn read_into(set: ViewSetter, key: &'static str) -> impl Fn(leptos::ev::Event) + Copy + 'static {
    move |ev| {
        let raw = event_target_value(&ev);
        set.update(|s| {
            s.apply(key, &raw);
        })
    }
}

/// Why a control is disabled: the method fixes its value.
fn fixed_by(m: Method, fixed: bool) -> String {
    if fixed {
        format!("Fixed by the {m} method, as its tool fixes it. Pick “arena-lens” to choose.")
    } else {
        String::new()
    }
}

/// Why a control is disabled: the method does not read it (`what`: why, in its words).
fn unused_by(m: Method, used: bool, what: &str) -> String {
    if used {
        String::new()
    } else {
        format!("Not used by the {m} method: {what}")
    }
}

/// Why the baseline select is disabled under `m`, or "" when it is enabled.
fn baseline_title(m: Method) -> String {
    match m.no_baseline() {
        Some(why) if m.fixes_baseline() => format!("{} {why}", fixed_by(m, true)),
        Some(why) => format!("Not used by the {m} method: {why}"),
        None => String::new(),
    }
}

/// The bootstrap select's title: not used (no bootstrap) wins over fixed.
fn boot_title(m: Method, fixed: bool) -> String {
    if m.uses_bootstrap() {
        fixed_by(m, fixed)
    } else {
        unused_by(m, false, NO_BOOTSTRAP)
    }
}

/// Why the weight and "first game only" do not apply to the other formats' methods.
const NO_GAMES: &str =
    "its data has no two-game judgments with strong verdicts (A>>B) to weight or to cut to game 1.";
/// Why rounds, seed and unit do not apply to a method without a bootstrap.
const NO_BOOTSTRAP: &str = "its intervals are closed-form or absent, not drawn by a bootstrap.";

/// A checkbox handler for a flag of the view state.
fn toggle(
    set: ViewSetter,
    field: fn(&mut ViewState) -> &mut bool,
) -> impl Fn(leptos::ev::Event) + Copy {
    move |ev| {
        let on = event_target_checked(&ev);
        set.update(|s| *field(s) = on)
    }
}

#[component]
pub fn Controls(choices: Memo<Choices>) -> impl IntoView {
    let view = use_view_state();
    let set = use_view_setter();

    let set_bench = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        set.update(|s| {
            s.apply(keys::BENCH, &v);
            s.judges.clear();
            s.baseline = None;
            s.judged_baseline = None;
        })
    };
    let toggle_judge = move |judge: String, on: bool| {
        let active = choices.get_untracked().active_judges;
        set.update(|s| {
            let mut current: Vec<String> = if s.judges.is_empty() {
                active
            } else {
                std::mem::take(&mut s.judges)
            };
            current.retain(|j| j != &judge);
            if on {
                current.push(judge);
            }
            current.sort();
            s.judges = current;
        })
    };
    let set_baseline = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let judged = choices.get_untracked().judged_baseline;
        set.update(|s| {
            // Re-anchoring must not change who the judgments were made against.
            if s.judged_baseline.is_none() {
                s.judged_baseline = judged;
            }
            s.apply(keys::BASELINE, &v);
        })
    };

    let bench_select = move || {
        let c = choices.get();
        (c.benches.len() > 1).then(|| {
            let current = view.with(|v| v.bench.clone()).unwrap_or_default();
            view! {
                <label class="field">
                    <span>"Bench"</span>
                    <select data-testid="bench" on:change=set_bench>
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
            view! {
                <fieldset class="field judges" data-testid="judges">
                    <legend>"Judge(s)"</legend>
                    {c.judges.iter().map(|j| {
                        let checked = chosen.contains(j);
                        let name = j.clone();
                        view! {
                            <label class="check">
                                <input type="checkbox" checked=checked data-judge=name.clone()
                                    on:change=move |ev| toggle_judge(name.clone(), event_target_checked(&ev)) />
                                {j.clone()}
                            </label>
                        }
                    }).collect_view()}
                    {(chosen.len() > 1).then(|| view! { <span class="hint">"pooled as an ensemble"</span> })}
                </fieldset>
            }
        })
    };

    // The unit, level, baseline and grouping the method runs with: an anchor method fixes its
    // tool's (shown, disabled, with the reason as the title).
    let method = use_method(Purpose::Leaderboard);
    let baseline_select = move || {
        let c = choices.get();
        let current = view
            .with(|v| v.baseline.clone())
            .unwrap_or(c.baseline.clone());
        // The reference a format's rows name (AlpacaEval's gpt4_1106_preview) is not a row of the
        // table; it is still the baseline in effect, so it is listed and shown selected.
        let mut models = c.models;
        if !current.is_empty() && !models.contains(&current) {
            models.insert(0, current.clone());
        }
        // MT-Bench scores every pair unless a baseline is picked (FastChat's pairwise-all mode).
        let none = current.is_empty() || method.get() == Method::MtBench;
        let none_selected = current.is_empty();
        let none_label = if method.get() == Method::MtBench {
            "None (every pair)"
        } else {
            "None"
        };
        view! {
            <label class="field" title=move || baseline_title(method.get())>
                <span>"Baseline (50%)"</span>
                <select data-testid="baseline" on:change=set_baseline prop:disabled=move || method.get().no_baseline().is_some()>
                    {none.then(|| view! { <option value="" selected=none_selected>{none_label}</option> })}
                    {models.into_iter().map(|m| {
                        let sel = m == current;
                        view! { <option value=m.clone() selected=sel>{m.clone()}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
    };

    let unit = move || view.with(|v| method.get().unit(v.unit));
    let group = move || method.get().fixed_group().or(view.with(|v| v.group_by));
    let level = move || view.with(|v| method.get().level(v.level));
    let (weight_min, weight_max) = (WEIGHTS.start().to_string(), WEIGHTS.end().to_string());
    view! {
        <form class="controls" data-testid="controls" on:submit=|ev| ev.prevent_default()>
            <MethodSelect purpose=Purpose::Leaderboard />
            {bench_select}
            {judge_boxes}
            {baseline_select}
            <label class="field narrow" title=move || unused_by(method.get(), method.get().uses_games(), NO_GAMES)>
                <span>"Strong-verdict weight"</span>
                <input type="number" min=weight_min max=weight_max data-testid="weight"
                    prop:disabled=move || !method.get().uses_games()
                    prop:value=move || view.with(|v| v.weight.to_string())
                    on:change=read_into(set, keys::WEIGHT) />
            </label>
            <label class="check field" title=move || unused_by(method.get(), method.get().uses_games(), NO_GAMES)>
                <input type="checkbox" data-testid="first-game"
                    prop:disabled=move || !method.get().uses_games()
                    prop:checked=move || view.with(|v| v.first_game_only)
                    on:change=toggle(set, |s| &mut s.first_game_only) />
                "First game only"
            </label>
            <label class="field" title=move || boot_title(method.get(), method.get().fixed_unit().is_some())>
                <span>"Bootstrap"</span>
                <select data-testid="unit" on:change=read_into(set, keys::UNIT)
                    prop:disabled=move || method.get().fixed_unit().is_some() || !method.get().uses_bootstrap()>
                    <option value=BootstrapUnit::Row.as_str() selected=move || unit() == BootstrapUnit::Row>"Rows (show_result.py)"</option>
                    <option value=BootstrapUnit::Prompt.as_str() selected=move || unit() == BootstrapUnit::Prompt>"Prompts (clustered)"</option>
                </select>
            </label>
            <label class="field narrow" title=move || unused_by(method.get(), method.get().uses_bootstrap(), NO_BOOTSTRAP)>
                <span>"Rounds"</span>
                <input type="number" min="0" max=MAX_ROUNDS.to_string() step="100" data-testid="rounds"
                    prop:disabled=move || !method.get().uses_bootstrap()
                    prop:value=move || view.with(|v| v.rounds.to_string())
                    on:change=read_into(set, keys::ROUNDS) />
            </label>
            <label class="field narrow" title=move || unused_by(method.get(), method.get().uses_bootstrap(), NO_BOOTSTRAP)>
                <span>"Seed"</span>
                <input type="number" min="0" data-testid="seed"
                    prop:disabled=move || !method.get().uses_bootstrap()
                    prop:value=move || view.with(|v| v.seed.to_string())
                    on:change=read_into(set, keys::SEED) />
            </label>
            <label class="field narrow" title=move || fixed_by(method.get(), method.get().fixed_level().is_some())>
                <span>"Confidence"</span>
                <select data-testid="level" on:change=read_into(set, keys::LEVEL)
                    prop:disabled=move || method.get().fixed_level().is_some()>
                    {LEVELS.into_iter().map(|l| view! {
                        <option value=l.to_string() selected=move || level() == l>{format!("{:.0}%", l * 100.0)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="field">
                <span>"Style control"</span>
                <select data-testid="style" prop:disabled=move || !choices.with(|c| c.has_style) on:change=read_into(set, keys::STYLE)>
                    {[(StyleMode::Off, "Off"), (StyleMode::Full, "Length + markdown"), (StyleMode::Length, "Length only"), (StyleMode::Markdown, "Markdown only")]
                        .into_iter().map(|(m, label)| view! {
                            <option value=m.as_str() selected=move || view.with(|v| v.style == m)>{label}</option>
                        }).collect_view()}
                </select>
            </label>
            <label class="field" title=move || fixed_by(method.get(), method.get().fixed_group().is_some())>
                <span>"Group by"</span>
                <select data-testid="group" prop:disabled=move || method.get().fixed_group().is_some() on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set.update(|s| { s.apply(keys::GROUP, &v); s.set_extra(keys::LB_GROUP, None); })
                }>
                    <option value="" selected=move || group().is_none()>"Nothing"</option>
                    {[(GroupBy::Category, "Category"), (GroupBy::Subcategory, "Subcategory"), (GroupBy::Cluster, "Topic cluster")]
                        .into_iter().map(|(g, label)| view! {
                            <option value=g.as_str() selected=move || group() == Some(g)>{label}</option>
                        }).collect_view()}
                </select>
            </label>
        </form>
    }
}
