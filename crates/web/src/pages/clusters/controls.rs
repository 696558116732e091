//! The clusters page's controls: what to group the prompts by (a label field or computed topics),
//! the judge, the model and the model to compare it with, and for computed topics their number
//! and method. Every control writes the URL; the page reads it back.

use super::base::{BaseMemo, PerfMemo};
use super::job::JobKey;
use crate::ui::SetView;
use arena_lens_core::cluster::groups::{default_topics, field_name, GroupField};
use arena_lens_core::cluster::Method;
use arena_lens_core::view_state::keys::clusters as key;
use arena_lens_core::view_state::keys::compare as ckey;
use leptos::prelude::*;

/// The controls bar, re-rendered when any of its inputs change.
pub(super) fn cluster_controls(
    base: BaseMemo,
    field: Memo<Option<GroupField>>,
    perf: PerfMemo,
    model: Memo<Option<String>>,
    model2: Memo<Option<String>>,
    job_key: Memo<Option<JobKey>>,
    set: impl SetView,
) -> impl Fn() -> Option<AnyView> + Send + Sync + 'static {
    move || {
        let Some(Ok(b)) = base.get() else {
            return None;
        };
        let f = field.get();
        let set_field = set.clone();
        let set_judge = set.clone();
        let set_model = set.clone();
        let set_model2 = set.clone();
        let set_k = set.clone();
        let set_method = set.clone();
        let models: Vec<String> = perf
            .get()
            .map(|p| {
                let mut m: Vec<String> = p.models.iter().map(|(m, _)| m.clone()).collect();
                m.sort_by_key(|x| x.to_lowercase());
                m
            })
            .unwrap_or_default();
        let models2 = models.clone();
        let judge_now = b.judge_name();
        let mut options: Vec<(GroupField, String)> = b
            .fields
            .iter()
            .map(|&g| {
                (
                    GroupField::Label(g),
                    format!("Data labels: {}", field_name(b.bench().layout, g)),
                )
            })
            .collect();
        options.push((
            GroupField::Computed,
            "Computed from the prompt texts".into(),
        ));
        let k_now = job_key
            .get()
            .map(|k| k.k)
            .unwrap_or_else(|| default_topics(b.bench(), &b.fields));
        let method_now = job_key.get().map(|k| k.method).unwrap_or(Method::Kmeans);
        let computed = f == Some(GroupField::Computed);
        Some(view! {
            <div class="controls cluster-controls" data-testid="cluster-controls">
                <label class="field">
                    <span>"Group prompts by"</span>
                    <select data-testid="label-field" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        set_field(&|s| { s.set_extra(key::LABEL, Some(v.clone())); s.set_extra(key::SEL, None); s.set_extra(key::ZOOM, None); })
                    }>
                        {options.into_iter().map(|(v, label)| {
                            let sel = Some(v) == f;
                            view! { <option value=v.as_str() selected=sel>{label}</option> }
                        }).collect_view()}
                    </select>
                </label>
                {(b.judges.len() > 1).then(|| view! {
                    <label class="field">
                        <span>"Judge"</span>
                        <select data-testid="cluster-judge" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            set_judge(&|s| s.set_extra(ckey::JUDGE, Some(v.clone())))
                        }>
                            {b.judges.iter().map(|j| {
                                let sel = judge_now.as_ref() == Some(j);
                                view! { <option value=j.clone() selected=sel>{j.clone()}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                })}
                {(!models.is_empty()).then(|| {
                    let now = model.get();
                    view! {
                        <label class="field">
                            <span>"Model"</span>
                            <select data-testid="cluster-model" on:change=move |ev| {
                                let v = event_target_value(&ev);
                                set_model(&|s| s.set_extra(key::MODEL, Some(v.clone())))
                            }>
                                {models.into_iter().map(|m| {
                                    let sel = now.as_ref() == Some(&m);
                                    view! { <option value=m.clone() selected=sel>{m.clone()}</option> }
                                }).collect_view()}
                            </select>
                        </label>
                    }
                })}
                {(!models2.is_empty()).then(|| {
                    let now = model2.get();
                    view! {
                        <label class="field">
                            <span>"Compare with"</span>
                            <select data-testid="cluster-model2" on:change=move |ev| {
                                let v = event_target_value(&ev);
                                set_model2(&|s| s.set_extra(key::MODEL2, (!v.is_empty()).then(|| v.clone())))
                            }>
                                <option value="" selected=now.is_none()>"(nobody: colour by win rate)"</option>
                                {models2.into_iter().map(|m| {
                                    let sel = now.as_ref() == Some(&m);
                                    view! { <option value=m.clone() selected=sel>{m.clone()}</option> }
                                }).collect_view()}
                            </select>
                        </label>
                    }
                })}
                {computed.then(|| view! {
                    <label class="field narrow">
                        <span>"Topics (k)"</span>
                        <input type="number" min="2" max="200" data-testid="cluster-k" prop:value=k_now.to_string()
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                set_k(&|s| s.set_extra(key::K, v.parse::<usize>().ok().map(|k| k.clamp(2, 500).to_string())))
                            } />
                    </label>
                    <label class="field">
                        <span>"Method"</span>
                        <select data-testid="cluster-method" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            set_method(&|s| s.set_extra(key::METHOD, Some(v.clone())))
                        }>
                            <option value="kmeans" selected=method_now == Method::Kmeans>"k-means"</option>
                            <option value="ward" selected=method_now == Method::Ward>"Ward (agglomerative)"</option>
                        </select>
                    </label>
                })}
            </div>
        }.into_any())
    }
}
