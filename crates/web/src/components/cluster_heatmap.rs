//! The models × groups heatmap: each cell a model's win rate against the baseline on one group of
//! prompts, on a diverging scale centred on 50%, muted when its interval includes 50%. Cells are
//! buttons: clicking one (or Enter on it) opens that group's prompts in the compare page.
//!
//! Accessibility (checked by e2e/a11y.test.mjs with axe-core): a cell's ink is picked by its colour's
//! WCAG contrast ([`ink_on`]), muted cells are tinted in CSS (style/clusters.css) rather than faded
//! with `opacity`, which faded the text too, and a cell's accessible name starts with the number it
//! shows, so that speech input ("click 64") finds it.

use crate::ui::Shared;
use arena_lens_charts::palette::{ink_on, rate_css};
use arena_lens_charts::short;
use arena_lens_core::cluster::groups::Groups;
use arena_lens_core::cluster::perf::Perf;
use leptos::prelude::*;

pub fn heatmap(
    perf: Shared<Perf>,
    groups: Shared<Groups>,
    on_cell: impl Fn(Option<String>, String) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let cols: Vec<String> = groups
        .order
        .iter()
        .filter(|g| perf.by_group.contains_key(*g))
        .cloned()
        .collect();
    let level = perf.level * 100.0;
    let head = cols
        .iter()
        .map(|c| {
            let n = perf.rows[perf.by_group[c]].n_prompts;
            view! {
                <th scope="col" class="col" data-cluster=c.clone() title=format!("{c} ({n} prompts)")>
                    <span>{short(c, 26)}</span>
                </th>
            }
        })
        .collect_view();
    let rows = perf
        .models
        .iter()
        .map(|(m, overall)| {
            let cells = cols
                .iter()
                .map(|c| {
                    let on_cell = on_cell.clone();
                    let (model, group) = (m.clone(), c.clone());
                    match perf.cell(c, m) {
                        Some(x) => {
                            let ci = match (x.lower, x.upper) {
                                (Some(lo), Some(hi)) => format!(" [{lo:.0}, {hi:.0}] {level:.0}% CI"),
                                _ => String::new(),
                            };
                            let title = format!(
                                "{m} on “{c}”: {:.1}%{ci}, {} prompts{}",
                                x.win_rate,
                                x.n_prompts,
                                if x.ci_crosses_50 { " (interval includes 50%)" } else { "" }
                            );
                            let shown = format!("{:.0}", x.win_rate);
                            let label = format!("{shown}: {title}");
                            // The colours go in as custom properties: the stylesheet paints a
                            // muted cell as a tint of them on the page background.
                            let style = format!("--cell:{};--ink:{}", rate_css(x.win_rate), ink_on(x.win_rate));
                            view! {
                                <td data-cluster=c.clone() data-model=m.clone() data-rate=format!("{:.2}", x.win_rate)
                                    class:muted=x.ci_crosses_50>
                                    <button type="button" aria-label=label title=title style=style
                                        on:click=move |_| on_cell(Some(model.clone()), group.clone())>
                                        {shown}
                                    </button>
                                </td>
                            }
                            .into_any()
                        }
                        None => view! { <td data-cluster=c.clone() data-model=m.clone() class="empty" title="no verdicts">"·"</td> }.into_any(),
                    }
                })
                .collect_view();
            view! {
                <tr data-model=m.clone()>
                    <th scope="row" class="row" title=format!("{m}: {overall:.1}% overall")>{m.clone()}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="heatmap-wrap" data-testid="cluster-heatmap" role="region" aria-label="Win rate per model and group" tabindex="0">
            <table class="heatmap">
                <thead><tr><th class="corner" scope="col">"Model (best overall first)"</th>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <div class="legend" aria-hidden="true">
            <span>"0%"</span>
            <span class="scale"></span>
            <span>"100% win rate against the baseline (50% = even)"</span>
            <span class="swatch muted-swatch"></span>
            <span>{format!("muted: {level:.0}% interval includes 50%")}</span>
        </div>
    }
}
