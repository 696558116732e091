//! The dendrogram of computed topics: Ward merges of the topics' size-weighted centroids, leaves in
//! the order the tree visits them, heights on the vertical axis. Drawn as SVG so each leaf can carry
//! its topic's name as a tooltip. "Export" draws the same merges and leaf order with the charts
//! crate's `draw_dendrogram` (named leaves, heights on an axis), as SVG and PNG.

use crate::components::export_menu::{png_of, svg_of, ExportMenu, Exportable};
use crate::ui::Shared;
use arena_lens_charts::palette::PALETTE;
use arena_lens_charts::{draw_dendrogram, DendrogramData, DendrogramSpec};
use arena_lens_core::cluster::Clustering;
use leptos::prelude::*;

const W: f64 = 1000.0;
const H: f64 = 300.0;
const BOTTOM: f64 = 40.0;
const TOP: f64 = 12.0;
const LEFT: f64 = 50.0;

pub fn dendrogram(clustering: Shared<Clustering>) -> impl IntoView {
    let k = clustering.clusters.len();
    let merges = &clustering.dendrogram;
    if k < 2 || merges.is_empty() {
        return view! { <p class="hint">"One topic: nothing to merge."</p> }.into_any();
    }
    let data = DendrogramData {
        leaves: (0..k as u32)
            .map(|i| {
                (
                    clustering.topic_name(i),
                    PALETTE[i as usize % PALETTE.len()],
                )
            })
            .collect(),
        merges: merges.iter().map(|m| (m.left, m.right, m.height)).collect(),
    };
    // Leaf order: a depth-first walk from the last merge (the root), as the picture draws it.
    let order = data.order();
    let step = (W - LEFT - 10.0) / k as f64;
    let mut x = vec![0.0; k + merges.len()];
    let mut y = vec![H - BOTTOM; k + merges.len()];
    for (i, &leaf) in order.iter().enumerate() {
        x[leaf as usize] = LEFT + step * (i as f64 + 0.5);
    }
    let max_h = merges
        .iter()
        .map(|m| m.height)
        .fold(0.0f64, f64::max)
        .max(1e-12);
    let scale = |h: f64| H - BOTTOM - (h / max_h) * (H - BOTTOM - TOP);
    let mut links = Vec::new();
    for (i, m) in merges.iter().enumerate() {
        let n = k + i;
        let (l, r) = (m.left as usize, m.right as usize);
        x[n] = (x[l] + x[r]) / 2.0;
        y[n] = scale(m.height);
        links.push(format!(
            "M{:.1},{:.1}V{:.1}H{:.1}V{:.1}",
            x[l], y[l], y[n], x[r], y[r]
        ));
    }
    let leaves = order
        .iter()
        .map(|&leaf| {
            let name = clustering.topic_name(leaf);
            let (r, g, b) = PALETTE[leaf as usize % PALETTE.len()];
            let (lx, ly) = (x[leaf as usize], H - BOTTOM);
            view! {
                <g class="leaf">
                    <title>{name}</title>
                    <circle cx=lx cy=ly r="4" fill=format!("rgb({r},{g},{b})")></circle>
                    <text x=lx y=ly + 16.0 text-anchor="middle">{format!("{}", leaf + 1)}</text>
                </g>
            }
        })
        .collect_view();
    let export = {
        let spec = |font_px: u32| DendrogramSpec {
            title: "Topics joined by Ward's criterion on their centroids".into(),
            y_label: "Merge height (Ward)".into(),
            font_px,
        };
        let width = (120 + 40 * k as u32).clamp(640, 3000);
        let d2 = data.clone();
        let svg = move || {
            svg_of((width, 460), |root| {
                draw_dendrogram(root, &d2, &spec(12)).is_ok()
            })
        };
        let png = move || {
            png_of((width * 2, 920), |root| {
                draw_dendrogram(root, &data, &spec(24)).is_ok()
            })
        };
        view! {
            <ExportMenu what=Exportable::drawn(svg, png) name="clusters-dendrogram" label="dendrogram" testid="dendrogram-export" />
        }
    };
    view! {
        <p class="hint">"Topics (numbered as in the table) joined by Ward's criterion on their centroids; the higher a join, the less alike the topics. Hover a leaf for its name."</p>
        <div class="table-tools">{export}</div>
        <div class="svg-wrap">
        <svg class="dendrogram" data-testid="dendrogram" viewBox=format!("0 0 {W} {H}") role="img" aria-label="Dendrogram of the topics">
            <line x1=LEFT - 6.0 y1=TOP x2=LEFT - 6.0 y2=H - BOTTOM class="axis"></line>
            <text x="4" y=TOP + 4.0 class="axis-label">"height"</text>
            <text x="4" y=H - BOTTOM class="axis-label">"0"</text>
            {links.into_iter().map(|d| view! { <path d=d class="link"></path> }).collect_view()}
            {leaves}
        </svg>
        </div>
    }
    .into_any()
}
