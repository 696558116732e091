//! One run's choices: its bench, its judge and its scoring method, each a select whose value lives
//! in the link (run 1: the shared keys `bench`, `judge`, `method`; run 2: `bench2`, `judge2`,
//! `method2`), and the run's load report.

use crate::components::load_report::LoadReportView;
use crate::url_state::ViewSetter;
use arena_lens_core::method::Method;
use arena_lens_core::report::LoadReport;
use arena_lens_core::view_state::keys;
use leptos::prelude::*;

/// What one run offers and shows.
#[derive(Clone, Debug, PartialEq)]
pub struct RunChoices {
    /// 1 or 2.
    pub run: u8,
    pub source: String,
    pub benches: Vec<String>,
    pub bench: Option<String>,
    pub judges: Vec<String>,
    pub judge: Option<String>,
    pub method: Option<Method>,
    /// A scores-only run has no bench, judge or method to pick.
    pub scores_only: bool,
    pub report: Option<LoadReport>,
    pub notes: Vec<String>,
}

fn set_key(set: ViewSetter, run: u8, what: &'static str, value: String) {
    set.update(|v| {
        let (field, extra) = match what {
            "bench" => (keys::BENCH, keys::diff::BENCH2),
            "judge" => (keys::JUDGE, keys::diff::JUDGE2),
            _ => (keys::METHOD, keys::diff::METHOD2),
        };
        if run == 1 {
            v.apply(field, &value);
        } else {
            v.set_extra(extra, (!value.is_empty()).then_some(value.clone()));
        }
        v.set_extra(keys::diff::MODEL, None);
        v.set_extra(keys::diff::SHOW, None);
    });
}

fn select(
    set: ViewSetter,
    run: u8,
    what: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    current: String,
) -> impl IntoView {
    let id = format!("diff-{what}-{run}");
    view! {
        <label for=id.clone()>{label}</label>
        <select id=id.clone() data-testid=id on:change=move |ev| set_key(set, run, what, event_target_value(&ev))>
            {options.into_iter().map(|(value, text)| {
                let selected = value == current;
                view! { <option value=value selected=selected>{text}</option> }
            }).collect_view()}
        </select>
    }
}

/// The run's card: where it comes from, its pickers, its notes and its load report.
#[component]
pub fn RunCard(choices: RunChoices, set: ViewSetter) -> impl IntoView {
    let c = choices;
    let run = c.run;
    let pickers = (!c.scores_only).then(|| {
        let benches: Vec<(String, String)> =
            c.benches.iter().map(|b| (b.clone(), b.clone())).collect();
        let judges: Vec<(String, String)> =
            c.judges.iter().map(|j| (j.clone(), j.clone())).collect();
        let methods: Vec<(String, String)> = std::iter::once((String::new(), "the data's own".to_string()))
            .chain(Method::ALL.iter().map(|m| (m.as_str().to_string(), m.as_str().to_string())))
            .collect();
        view! {
            <div class="run-pickers">
                {select(set, run, "bench", "Bench", benches, c.bench.clone().unwrap_or_default())}
                {(!c.judges.is_empty()).then(|| select(set, run, "judge", "Judge", judges, c.judge.clone().unwrap_or_default()))}
                {select(set, run, "method", "Method", methods, c.method.map(|m| m.as_str().to_string()).unwrap_or_default())}
            </div>
        }
    });
    view! {
        <section class="run-card" data-testid=format!("run-{run}") aria-label=format!("Run {run}")>
            <h2>{format!("Run {run}")}</h2>
            <p class="run-source">{c.source.clone()}{c.scores_only.then_some(" (scores only)")}</p>
            {pickers}
            {c.notes.iter().map(|n| view! { <p class="status note">{n.clone()}</p> }).collect_view()}
            {c.report.clone().map(|r| view! { <LoadReportView report=r /> })}
        </section>
    }
}
