//! The two leaderboards as a slope chart: each shared model's rank among the shared models in run 1
//! (left) and run 2 (right), drawn on a canvas by the charts crate's `draw_slope` (the function the
//! native tests render to SVG).

use crate::components::canvas::{fit, use_resize};
use crate::components::export_menu::{canvas_width, svg_of, ExportMenu, Exportable};
use arena_lens_charts::{draw_slope, SlopeLine, SlopeSpec};
use arena_lens_core::diff::models::ModelDiff;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

/// Ranks among the shared models (1 = best), by score then name.
pub fn lines(models: &[ModelDiff]) -> Vec<SlopeLine> {
    let rank = |score: fn(&ModelDiff) -> f64| {
        let mut o: Vec<usize> = (0..models.len()).collect();
        o.sort_by(|&a, &b| {
            score(&models[b])
                .total_cmp(&score(&models[a]))
                .then_with(|| models[a].model.cmp(&models[b].model))
        });
        let mut r = vec![0u32; models.len()];
        for (k, &i) in o.iter().enumerate() {
            r[i] = k as u32 + 1;
        }
        r
    };
    let (r1, r2) = (rank(|m| m.score_1), rank(|m| m.score_2));
    models
        .iter()
        .enumerate()
        .map(|(i, m)| SlopeLine {
            label: m.model.clone(),
            left: r1[i],
            right: r2[i],
        })
        .collect()
}

#[component]
pub fn DiffSlope(models: Vec<ModelDiff>) -> impl IntoView {
    let canvas: NodeRef<leptos::html::Canvas> = NodeRef::new();
    let resized = use_resize();
    let lines = lines(&models);
    let n = lines.len();
    let description = format!(
        "Slope chart: the ranks of {n} shared models in run 1 (left) and run 2 (right); green rises, red falls."
    );
    let spec_for = |font_px: u32| SlopeSpec {
        title: "Rank among the shared models".into(),
        left_label: "Run 1".into(),
        right_label: "Run 2".into(),
        font_px,
    };
    // The same chart function into SVG, at the canvas's width, for the export menu.
    let svg = {
        let lines = lines.clone();
        move || {
            let w = canvas_width(canvas);
            let narrow = w < 500;
            let row = if narrow { 15.0 } else { 18.0 };
            let h = (n as f64 * row + 80.0).clamp(160.0, 2400.0) as u32;
            let spec = spec_for(if narrow { 10 } else { 12 });
            svg_of((w, h), |root| draw_slope(root, &lines, &spec).is_ok())
        }
    };
    Effect::new(move |_| {
        resized.track();
        let Some(el) = canvas.get() else { return };
        let narrow = |w: f64| w < 500.0;
        let f = fit(&el, 280, |w| {
            (n as f64 * if narrow(w) { 15.0 } else { 18.0 } + 80.0).clamp(160.0, 2400.0)
        });
        let spec = spec_for(f.px(if narrow(f.css_w) { 10.0 } else { 12.0 }));
        if let Some(backend) = CanvasBackend::with_canvas_object(el.clone()) {
            let _ = draw_slope(&backend.into_drawing_area(), &lines, &spec);
        }
    });
    view! {
        <figure class="chart">
            <ExportMenu what=Exportable::chart(canvas, svg) name="diff-slope" label="slope chart" testid="diff-slope-export" />
            <canvas node_ref=canvas data-testid="diff-slope" role="img" aria-label=description></canvas>
        </figure>
    }
}
