//! Prompt quality per group, as BenchBuilder ranks its topic clusters: each group's mean criteria
//! score (0–7, Chatbot Arena's seven `criteria_v0.1` flags), its share of hard prompts (score ≥ 6),
//! groups ranked by mean quality and coloured by it (red 0, blue 7, the map's scale). Links open the
//! leaderboard of hard prompts only or of one criterion's prompts. Data without tags gets a note
//! saying so, not an empty table.

use crate::ui::SetView;
use arena_lens_charts::palette::{diverging, ink_on_rgb};
use arena_lens_core::cluster::quality::GroupQuality;
use arena_lens_core::criteria::{Criterion, HARD_PROMPT_SCORE};
use arena_lens_core::view_state::{keys, ViewState};
use leptos::prelude::*;

/// Opens the leaderboard page scoring the given quality slice.
fn to_leaderboard(s: &mut ViewState, min: Option<u8>, criterion: Option<Criterion>) {
    s.set_extra(keys::PAGE, None);
    s.subset.encoded = None;
    s.subset.ids.clear();
    s.subset.search = None;
    s.subset.min_criteria = min;
    s.subset.criterion = criterion;
}

/// The mean's cell colour and ink.
fn cell_style(mean: f64) -> String {
    let bg = diverging((mean - 3.5) / 3.5);
    format!(
        "background: rgb({}, {}, {}); color: {}",
        bg.0,
        bg.1,
        bg.2,
        ink_on_rgb(bg)
    )
}

pub fn cluster_quality(rows: Vec<GroupQuality>, tagged: bool, set: impl SetView) -> impl IntoView {
    if !tagged {
        return view! {
            <p class="hint" data-testid="quality-none">
                "This data carries no criteria tags (Chatbot Arena logs' category_tag.criteria_v0.1: specificity, domain knowledge, complexity, problem-solving, creativity, technical accuracy, real-world application), so there is no prompt quality to show or rank by."
            </p>
        }
        .into_any();
    }
    let set_hard = set.clone();
    let set_one = set.clone();
    view! {
        <p class="hint">{format!(
            "Mean criteria score of each group's prompts (0–7: one point per criterion met), ranked highest first as BenchBuilder ranks topic clusters; hard prompts score {HARD_PROMPT_SCORE} or more."
        )}</p>
        <div class="map-selection">
            <button type="button" class="button" data-testid="quality-hard-leaderboard"
                on:click=move |_| set_hard(&|s| to_leaderboard(s, Some(HARD_PROMPT_SCORE), None))>
                "Leaderboard of hard prompts only"
            </button>
            <label class="field">
                <span>"Leaderboard of one criterion's prompts"</span>
                <select data-testid="quality-criterion" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(c) = Criterion::parse(&v) {
                        set_one(&|s| to_leaderboard(s, None, Some(c)));
                    }
                }>
                    <option value="" selected=true>"choose…"</option>
                    {Criterion::ALL.iter().map(|c| view! { <option value=c.key()>{c.label()}</option> }).collect_view()}
                </select>
            </label>
        </div>
        <div class="table-wrap">
            <table class="quality-table" data-testid="quality-table">
                <thead><tr>
                    <th scope="col">"Rank"</th>
                    <th scope="col">"Group"</th>
                    <th scope="col">"Mean quality"</th>
                    <th scope="col">"Hard prompts"</th>
                    <th scope="col">"Tagged prompts"</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|q| {
                        let mean = q.mean.map_or("–".to_string(), |m| format!("{m:.2}"));
                        let style = q.mean.map(cell_style).unwrap_or_default();
                        view! {
                            <tr data-testid="quality-row" data-group=q.group.clone() data-mean=q.mean.map(|m| m.to_string()).unwrap_or_default()>
                                <td class="q">{q.rank}</td>
                                <td>{q.group.clone()}</td>
                                <td class="q" style=style>{mean}</td>
                                <td class="q">{q.hard_share.map_or("–".to_string(), |h| format!("{:.0}%", 100.0 * h))}</td>
                                <td class="q">{format!("{} of {}", q.tagged, q.prompts)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
