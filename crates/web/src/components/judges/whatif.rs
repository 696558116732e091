//! The what-if panel: change the strong-verdict weight, use the first game only, drop position-flipped
//! rows or move the display baseline, and see which models change rank. Every choice is in the URL
//! (`wiw`, `wif`, `wid`, `wib`); the variant is a point fit (no bootstrap), computed in the compute
//! worker as a job of its own. The line shows the newest result, marked busy (`data-busy`) while a
//! newer variant computes.

use crate::compute::JobHandle;
use crate::data::Loaded;
use crate::url_state::{use_set_view, use_view_state};
use arena_lens_core::compute::protocol::{Job, JobResult};
use arena_lens_core::judges::what_if::{self, Sensitivity, Variant};
use arena_lens_core::leaderboard::{Leaderboard, LeaderboardOptions};
use arena_lens_core::view_state::keys::judges as jkey;
use arena_lens_core::view_state::parse;
use leptos::prelude::*;
use std::sync::Arc;

/// Reads the variant from the URL; an option equal to the base is no change.
fn variant_of(v: &arena_lens_core::view_state::ViewState, base: &LeaderboardOptions) -> Variant {
    let weight = v
        .extra(jkey::WHATIF_WEIGHT)
        .and_then(parse::weight)
        .filter(|w| *w != base.battles.weight);
    let flag = |k: &str| parse::flag(v.extra(k).unwrap_or(""));
    let first = flag(jkey::WHATIF_FIRST);
    let drop = flag(jkey::WHATIF_DROP);
    let baseline = v
        .extra(jkey::WHATIF_BASELINE)
        .filter(|b| !b.is_empty())
        .map(|b| Some(b.to_string()));
    Variant {
        weight,
        first_game_only: (first != base.battles.first_game_only).then_some(first),
        drop_inconsistent: (drop != base.battles.drop_inconsistent).then_some(drop),
        baseline: baseline.filter(|b| *b != base.baseline),
    }
}

#[component]
pub fn JudgesWhatIf(
    loaded: Arc<Loaded>,
    bench: Option<String>,
    /// The judge's leaderboard with the page's options, and those options.
    base: Arc<Leaderboard>,
    opts: LeaderboardOptions,
    models: Vec<String>,
) -> impl IntoView {
    let view = use_view_state();
    let set = use_set_view();
    let judge = base.judges.join("+");
    let base_weight = base.weight;
    let base_baseline = base.baseline.clone();
    let opts2 = opts.clone();
    let variant = Memo::new(move |_| view.with(|v| variant_of(v, &opts2)));
    // The bench's name as the worker knows it (a missing name: the data's only bench).
    let bench = loaded
        .dataset
        .bench(bench.as_deref())
        .map(|b| b.name.clone())
        .map_err(|e| e.to_string());
    let worker = JobHandle::<Variant>::new();
    let bench_for_job = bench.clone();
    Effect::new(move |_| {
        let v = variant.get();
        if let Ok(b) = &bench_for_job {
            let mut options = v.apply(&opts);
            // Ranks only: the variant needs no intervals.
            options.rounds = 0;
            let job = Job::WhatIf {
                bench: b.clone(),
                options,
            };
            worker.submit(job, loaded.clone(), v);
        }
    });
    let result: Memo<Option<Result<Sensitivity, String>>> = Memo::new(move |_| {
        if let Err(e) = &bench {
            return Some(Err(e.clone()));
        }
        worker.finished.with(|f| {
            let f = f.as_ref()?;
            Some(match &f.result {
                Ok(JobResult::Leaderboard(lb)) => Ok(what_if::diff(&base, lb, &f.ctx.describe())),
                Ok(_) => Err("the compute worker answered with another result".to_string()),
                Err(e) => Err(e.clone()),
            })
        })
    });
    let busy = move || worker.pending.with(|p| p.is_some()).to_string();
    let weight_choice = move || {
        view.with(|v| match v.extra(jkey::WHATIF_WEIGHT) {
            None => "base".to_string(),
            Some("1") => "1".into(),
            Some("3") => "3".into(),
            Some(_) => "custom".into(),
        })
    };
    let set_weight = {
        let set = set.clone();
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            set(&|s| {
                let value = match v.as_str() {
                    "base" => None,
                    "custom" => Some(s.extra(jkey::WHATIF_WEIGHT).unwrap_or("2").to_string()),
                    w => Some(w.to_string()),
                };
                s.set_extra(jkey::WHATIF_WEIGHT, value);
            })
        }
    };
    let set_k = {
        let set = set.clone();
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            // A typed weight outside the allowed range is clamped into it (a link's is refused).
            if let Ok(k) = v.trim().parse::<u32>() {
                let k = k.clamp(*parse::WEIGHTS.start(), *parse::WEIGHTS.end());
                set(&|s| s.set_extra(jkey::WHATIF_WEIGHT, Some(k.to_string())));
            }
        }
    };
    let toggle = {
        let set = set.clone();
        move |key: &'static str| {
            let set = set.clone();
            move |ev: leptos::ev::Event| {
                let on = event_target_checked(&ev);
                set(&|s| s.set_extra(key, on.then(|| "1".to_string())));
            }
        }
    };
    let set_baseline = {
        let set = set.clone();
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            set(&|s| s.set_extra(jkey::WHATIF_BASELINE, (!v.is_empty()).then(|| v.clone())));
        }
    };
    let custom = move || weight_choice() == "custom";
    let k_value = move || view.with(|v| v.extra(jkey::WHATIF_WEIGHT).unwrap_or("2").to_string());
    let checked =
        move |k: &'static str| move || view.with(|v| parse::flag(v.extra(k).unwrap_or("")));
    let chosen_baseline =
        move || view.with(|v| v.extra(jkey::WHATIF_BASELINE).unwrap_or("").to_string());
    view! {
        <div class="controls whatif-controls" role="group" aria-label="What-if options">
            <label class="field">
                <span>"Strong-verdict weight"</span>
                <select data-testid="whatif-weight" on:change=set_weight>
                    <option value="base" selected=move || weight_choice() == "base">{format!("as the page ({base_weight})")}</option>
                    <option value="1" selected=move || weight_choice() == "1">"1"</option>
                    <option value="3" selected=move || weight_choice() == "3">"3"</option>
                    <option value="custom" selected=move || weight_choice() == "custom">"custom k…"</option>
                </select>
            </label>
            <Show when=custom>
                <label class="field narrow">
                    <span>"k"</span>
                    <input type="number" min="1" max="100" data-testid="whatif-k" prop:value=k_value on:change=set_k.clone() />
                </label>
            </Show>
            <label class="check">
                <input type="checkbox" data-testid="whatif-first" prop:checked=checked(jkey::WHATIF_FIRST) on:change=toggle(jkey::WHATIF_FIRST) />
                "First game only"
            </label>
            <label class="check">
                <input type="checkbox" data-testid="whatif-drop" prop:checked=checked(jkey::WHATIF_DROP) on:change=toggle(jkey::WHATIF_DROP) />
                "Drop inconsistent rows"
            </label>
            <label class="field">
                <span>"Baseline"</span>
                <select data-testid="whatif-baseline" on:change=set_baseline>
                    <option value="" selected=move || chosen_baseline().is_empty()>{format!("as the page ({base_baseline})")}</option>
                    {models.iter().map(|m| {
                        let m2 = m.clone();
                        view! { <option value=m.clone() selected=move || chosen_baseline() == m2>{m.clone()}</option> }
                    }).collect_view()}
                </select>
            </label>
        </div>
        {move || match result.get() {
            None => view! { <p class="status" data-testid="sensitivity-computing">"Computing the what-if…"</p> }.into_any(),
            Some(Ok(s)) => view! {
                <p class="sensitivity" data-testid="sensitivity" aria-live="polite" data-busy=busy data-changed=s.changed.len().to_string()>
                    <strong>{format!("Judge {judge}: {}.", s.line())}</strong>
                    {(!s.changed.is_empty()).then(|| format!(" Moves: {}.", s.changed.iter()
                        .map(|c| format!("{} {}→{}", c.model, c.from, c.to)).collect::<Vec<_>>().join(", ")))}
                </p>
            }.into_any(),
            Some(Err(e)) => view! { <p class="status error" role="alert" data-testid="sensitivity" data-busy=busy>{e}</p> }.into_any(),
        }}
    }
}
