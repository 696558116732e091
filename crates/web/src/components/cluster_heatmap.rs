//! The models × groups heatmap: each cell a model's win rate against the baseline on one group of
//! prompts, on a diverging scale centred on 50%, muted when its interval includes 50%. Cells are
//! buttons: clicking one (or Enter on it) opens that group's prompts in the compare page.
//!
//! Accessibility (checked by e2e/a11y.test.mjs with axe-core): a cell's ink is picked by its colour's
//! WCAG contrast ([`ink_on`]), muted cells are tinted in CSS (style/clusters.css) rather than faded
//! with `opacity`, which faded the text too, and a cell's accessible name starts with the number it
//! shows, so that speech input ("click 64") finds it.
//!
//! Its picture (SVG and PNG, "Export chart") is the charts crate's `draw_heatmap` on the same cells.

use crate::components::export_menu::{png_of, svg_of, ExportMenu, Exportable};
use crate::ui::Shared;
use arena_lens_charts::palette::{ink_on, rate_css};
use arena_lens_charts::{draw_heatmap, heatmap_height, short, HeatCell, HeatmapData, HeatmapSpec};
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
    let chart = chart_export(&perf, &cols, level);
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
        <div class="table-tools">{chart}</div>
    }
}

/// "Export chart": the heatmap's cells drawn by `draw_heatmap`, as SVG and as PNG (twice the size).
fn chart_export(perf: &Perf, cols: &[String], level: f64) -> impl IntoView {
    let data = HeatmapData {
        models: perf.models.iter().map(|(m, _)| m.clone()).collect(),
        groups: cols.to_vec(),
        cells: perf
            .models
            .iter()
            .map(|(m, _)| {
                cols.iter()
                    .map(|c| {
                        perf.cell(c, m).map(|x| HeatCell {
                            rate: x.win_rate,
                            muted: x.ci_crosses_50,
                        })
                    })
                    .collect()
            })
            .collect(),
    };
    let spec = move |font_px: u32| HeatmapSpec {
        title: "Win rate per model and group".into(),
        legend: format!("Win rate against the baseline (%; 50 = even), {level:.0}% intervals"),
        font_px,
    };
    // Wide enough for the row names and a readable cell per group.
    let width = (240 + 56 * cols.len() as u32).clamp(560, 3000);
    let svg = {
        let data = data.clone();
        move || {
            let h = heatmap_height(&data, 12);
            svg_of((width, h), |root| {
                draw_heatmap(root, &data, &spec(12)).is_ok()
            })
        }
    };
    let png = move || {
        let h = heatmap_height(&data, 24);
        png_of((width * 2, h), |root| {
            draw_heatmap(root, &data, &spec(24)).is_ok()
        })
    };
    view! {
        <span class="hint">"The heatmap as a picture:"</span>
        <ExportMenu what=Exportable::drawn(svg, png) name="clusters-heatmap" label="heatmap chart" testid="heatmap-chart-export" />
    }
}
