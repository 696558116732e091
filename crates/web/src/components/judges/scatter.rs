//! A scatter plot on a canvas (judge against judge, or tokens against score), drawn by the chart
//! function the native tests render to SVG. Drawing is an effect (it touches the canvas); it re-runs
//! on window resize, and the chart keeps its aspect so it stays readable on a phone.

use crate::components::canvas::{fit, use_resize};
use crate::components::export_menu::{canvas_width, svg_of, ExportMenu, Exportable};
use arena_lens_charts::{draw_scatter, ScatterPoint, ScatterSpec};
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

#[component]
pub fn JudgesScatter(
    points: Vec<ScatterPoint>,
    spec: ScatterSpec,
    /// Says in words what the picture shows, for screen readers.
    description: String,
    testid: &'static str,
) -> impl IntoView {
    let canvas: NodeRef<leptos::html::Canvas> = NodeRef::new();
    let resized = use_resize();
    // SVG export: the same chart function at the canvas's CSS size.
    let svg = {
        let (points, spec) = (points.clone(), spec.clone());
        move || {
            let w = canvas_width(canvas);
            let mut spec = spec.clone();
            spec.font_px = if w < 500 { 10 } else { 12 };
            spec.label_points = spec.label_points && w >= 500 && points.len() <= 24;
            let h = (w as f64 * 0.75).clamp(260.0, 560.0) as u32;
            svg_of((w, h), |root| draw_scatter(root, &points, &spec).is_ok())
        }
    };
    Effect::new(move |_| {
        resized.track();
        let Some(el) = canvas.get() else { return };
        // Square-ish when narrow, wider than tall on a desktop.
        let f = fit(&el, 280, |w| (w * 0.75).clamp(260.0, 560.0));
        let narrow = f.css_w < 500.0;
        let mut spec = spec.clone();
        spec.font_px = f.px(if narrow { 10.0 } else { 12.0 });
        // Names beside points collide on a narrow canvas or with many models; the tables have them.
        spec.label_points = spec.label_points && !narrow && points.len() <= 24;
        if let Some(backend) = CanvasBackend::with_canvas_object(el.clone()) {
            let _ = draw_scatter(&backend.into_drawing_area(), &points, &spec);
        }
    });
    view! {
        <figure class="chart">
            <ExportMenu what=Exportable::chart(canvas, svg) name=testid label="scatter plot" testid=export_testid(testid) />
            <canvas node_ref=canvas data-testid=testid role="img" aria-label=description></canvas>
        </figure>
    }
}

/// The export menu's test id beside a chart's.
fn export_testid(testid: &'static str) -> &'static str {
    match testid {
        "pair-scatter" => "pair-scatter-export",
        "length-scatter" => "length-scatter-export",
        _ => "scatter-export",
    }
}
