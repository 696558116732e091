//! The two leaderboards as a dumbbell plot: each shared model's score in run 1 and run 2, two dots
//! joined by a line, with Δ's interval drawn as a band from run 1's score. Drawn on a canvas by the
//! charts crate's `draw_dumbbell` (the function the native tests render to SVG); the export menu
//! draws the same function into SVG.

use crate::components::canvas::{fit, use_resize};
use crate::components::export_menu::{canvas_width, svg_of, ExportMenu, Exportable};
use arena_lens_charts::{draw_dumbbell, dumbbell_height, DumbbellRow, DumbbellSpec};
use arena_lens_core::diff::models::{IntervalKind, ModelDiff};
use arena_lens_core::diff::RunInfo;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

/// A run as the legend names it: its judges, else its table, else its bench.
pub fn run_name(n: u8, info: &RunInfo) -> String {
    let what = if !info.judges.is_empty() {
        info.judges.join(", ")
    } else if let Some(s) = &info.source {
        s.clone()
    } else {
        info.bench.clone().unwrap_or_default()
    };
    let what: String = what.chars().take(40).collect();
    if what.is_empty() {
        format!("Run {n}")
    } else {
        format!("Run {n}: {what}")
    }
}

/// The rows, run 2's best first (as a leaderboard reads).
pub fn rows(models: &[ModelDiff]) -> Vec<DumbbellRow> {
    let mut v: Vec<&ModelDiff> = models.iter().collect();
    v.sort_by(|a, b| {
        b.score_2
            .total_cmp(&a.score_2)
            .then_with(|| a.model.cmp(&b.model))
    });
    v.into_iter()
        .map(|m| DumbbellRow {
            label: m.model.clone(),
            score_1: m.score_1,
            score_2: m.score_2,
            delta_interval: m.lower.zip(m.upper),
        })
        .collect()
}

#[component]
pub fn DiffDumbbell(
    models: Vec<ModelDiff>,
    run_1: RunInfo,
    run_2: RunInfo,
    interval: IntervalKind,
    level: f64,
) -> impl IntoView {
    let canvas: NodeRef<leptos::html::Canvas> = NodeRef::new();
    let resized = use_resize();
    let rows = rows(&models);
    let n = rows.len();
    let pct = format!("{}%", (level * 1000.0).round() / 10.0);
    let band = match interval {
        IntervalKind::Paired => format!("Δ's paired {pct} interval, from run 1's score"),
        IntervalKind::Unpaired => format!("Δ's {pct} interval (not paired), from run 1's score"),
        IntervalKind::None => "no interval".to_string(),
    };
    let (name_1, name_2) = (run_name(1, &run_1), run_name(2, &run_2));
    let description = format!(
        "Dumbbell plot: the scores of {n} shared models in {name_1} (grey dot) and {name_2} (blue dot), with {band} as a band."
    );
    let spec_for = move |font_px: u32| DumbbellSpec {
        title: "Score in each run".into(),
        x_label: "Win rate against each run's baseline (%)".into(),
        run_1: name_1.clone(),
        run_2: name_2.clone(),
        band: band.clone(),
        font_px,
    };
    let svg = {
        let rows = rows.clone();
        let spec_for = spec_for.clone();
        move || {
            let w = canvas_width(canvas);
            let font = if w < 500 { 10 } else { 12 };
            let spec = spec_for(font);
            let h = dumbbell_height(n, w, &spec).min(4000);
            svg_of((w, h), |root| draw_dumbbell(root, &rows, &spec).is_ok())
        }
    };
    Effect::new(move |_| {
        resized.track();
        let Some(el) = canvas.get() else { return };
        let css_font = |w: f64| if w < 500.0 { 10 } else { 12 };
        // Sized in CSS pixels with the CSS font, then drawn in bitmap pixels (both scaled alike).
        let f = fit(&el, 280, |w| {
            dumbbell_height(n, w as u32, &spec_for(css_font(w))).min(4000) as f64
        });
        let spec = spec_for(f.px(css_font(f.css_w) as f64));
        if let Some(backend) = CanvasBackend::with_canvas_object(el.clone()) {
            let _ = draw_dumbbell(&backend.into_drawing_area(), &rows, &spec);
        }
    });
    view! {
        <figure class="chart">
            <ExportMenu what=Exportable::chart(canvas, svg) name="diff-dumbbell" label="dumbbell plot" testid="diff-dumbbell-export" />
            <canvas node_ref=canvas data-testid="diff-dumbbell" role="img" aria-label=description></canvas>
        </figure>
    }
}
