//! Ensembles: every member judge's score beside the pooled fit (all judges' battles in one
//! Bradley-Terry fit) and the mean of the judges' scores, with their intervals.

use super::format::num;
use arena_lens_core::judges::analysis::Analysis;
use arena_lens_core::judges::ensemble;
use leptos::prelude::*;

/// The ensemble table, or why there is none (fewer than two judges, or the pooled fit failed).
pub fn ensemble_view(an: &Analysis) -> AnyView {
    match &an.pooled {
        None => view! { <p class="hint" data-testid="ensemble">"An ensemble needs at least two judges."</p> }.into_any(),
        Some(Err(e)) => view! { <p class="status error" role="alert">{e.to_string()}</p> }.into_any(),
        Some(Ok(pooled)) => {
            let e = ensemble::combine(an.judges.clone(), an.per.iter().map(|p| (*p.lb).clone()).collect(), pooled.clone());
            let judges = e.judges.clone();
            view! {
                <div class="table-wrap" tabindex="0">
                    <table class="board" data-testid="ensemble">
                        <thead><tr>
                            <th scope="col">"Model"</th>
                            {judges.iter().map(|j| view! { <th scope="col" class="num">{j.clone()}</th> }).collect_view()}
                            <th scope="col" class="num">"Pooled [CI]"</th>
                            <th scope="col" class="num">"Mean of judges [conservative CI]"</th>
                        </tr></thead>
                        <tbody>
                            {e.rows.iter().map(|r| view! {
                                <tr data-model=r.model.clone()>
                                    <th scope="row" class="model">{r.model.clone()}</th>
                                    {r.per_judge.iter().map(|s| view! { <td class="num">{num(*s, 1)}</td> }).collect_view()}
                                    <td class="num">{format!("{} [{}, {}]", num(r.pooled, 1), num(r.pooled_lower, 1), num(r.pooled_upper, 1))}</td>
                                    <td class="num">{format!("{} [{}, {}]", num(r.mean, 1), num(r.mean_lower, 1), num(r.mean_upper, 1))}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }
    }
}
