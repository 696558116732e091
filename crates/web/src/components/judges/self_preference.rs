//! Self-preference: the family-override input and, for each judge, the models of its own family
//! with their excess score and whether it is flagged.

use crate::ui::SetView;
use arena_lens_core::judges::analysis::Analysis;
use arena_lens_core::judges::family::SelfPreferenceRow;
use arena_lens_core::view_state::keys::judges as jkey;
use leptos::prelude::*;

/// The section's input (the URL's family overrides, `fam`) and table; `None` until the rows are
/// computed.
pub fn self_preference_view(
    an: &Analysis,
    fam: Memo<String>,
    self_pref: Memo<Option<Result<Vec<SelfPreferenceRow>, String>>>,
    set_fam: impl SetView,
) -> Option<AnyView> {
    let input = view! {
        <label class="field wide">
            <span>"Family overrides (prefix=family, comma-separated; added to the built-in table)"</span>
            <input type="text" data-testid="families" placeholder="atlas=atlas,my-model=acme" spellcheck="false"
                prop:value=move || fam.get()
                on:change=move |ev| {
                    let v = event_target_value(&ev).trim().to_string();
                    set_fam(&|s| s.set_extra(jkey::FAMILIES, (!v.is_empty()).then(|| v.clone())))
                } />
        </label>
    };
    let body = match self_pref.get()? {
        _ if an.judges.len() < 2 => view! { <p class="hint">"Self-preference compares a judge with the others, so it needs at least two judges."</p> }.into_any(),
        Err(e) => view! { <p class="status error" role="alert" data-testid="families-error">{e}</p> }.into_any(),
        Ok(rows) => {
            let flagged = rows.iter().filter(|r| r.flagged).count();
            let same: Vec<SelfPreferenceRow> = rows.into_iter().filter(|r| r.same_family).collect();
            view! {
                <p data-testid="self-preference-summary">{format!("{flagged} flagged (judge, model) pairs. Rows: models of each judge's own family.")}</p>
                <div class="table-wrap" tabindex="0">
                    <table class="board" data-testid="self-preference">
                        <thead><tr>
                            <th scope="col">"Judge"</th>
                            <th scope="col">"Model"</th>
                            <th scope="col">"Family"</th>
                            <th scope="col" class="num">"Under the judge"</th>
                            <th scope="col" class="num">"Under the others"</th>
                            <th scope="col" class="num">"Excess"</th>
                            <th scope="col" class="num">"Threshold"</th>
                            <th scope="col">"Flag"</th>
                        </tr></thead>
                        <tbody>
                            {if same.is_empty() {
                                view! { <tr><td colspan="8" class="empty">"No judge shares a family with a rated model (check the family table)."</td></tr> }.into_any()
                            } else {
                                same.iter().map(|r| view! {
                                    <tr data-judge=r.judge.clone() data-model=r.model.clone() data-flagged=r.flagged.to_string()>
                                        <td>{r.judge.clone()}</td>
                                        <th scope="row" class="model">{r.model.clone()}</th>
                                        <td>{r.family.clone().unwrap_or_default()}</td>
                                        <td class="num">{format!("{:.1}", r.score_under_judge)}</td>
                                        <td class="num">{format!("{:.1}", r.score_under_others)}</td>
                                        <td class="num">{format!("{:+.1}", r.excess)}</td>
                                        <td class="num">{format!("{:.1}", r.threshold)}</td>
                                        <td>{if r.flagged { "self-preference" } else { "" }}</td>
                                    </tr>
                                }).collect_view().into_any()
                            }}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }
    };
    Some(
        view! {
            <div class="controls">{input}</div>
            {body}
        }
        .into_any(),
    )
}
