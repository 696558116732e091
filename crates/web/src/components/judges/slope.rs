//! The slope chart of ranks with style control off and on, on a canvas, drawn by the chart function
//! the native tests render to SVG. Its height grows with the number of models so names stay legible.

use crate::components::canvas::{fit, use_resize};
use crate::components::export_menu::{canvas_width, svg_of, ExportMenu, Exportable};
use arena_lens_charts::{draw_slope, SlopeLine, SlopeSpec};
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

#[component]
pub fn JudgesSlope(lines: Vec<SlopeLine>, spec: SlopeSpec, description: String) -> impl IntoView {
    let canvas: NodeRef<leptos::html::Canvas> = NodeRef::new();
    let resized = use_resize();
    let n = lines.len();
    let svg = {
        let (lines, spec) = (lines.clone(), spec.clone());
        move || {
            let w = canvas_width(canvas);
            let narrow = w < 500;
            let mut spec = spec.clone();
            spec.font_px = if narrow { 10 } else { 12 };
            let row = if narrow { 15.0 } else { 18.0 };
            let h = (n as f64 * row + 80.0).clamp(160.0, 2400.0) as u32;
            svg_of((w, h), |root| draw_slope(root, &lines, &spec).is_ok())
        }
    };
    Effect::new(move |_| {
        resized.track();
        let Some(el) = canvas.get() else { return };
        let narrow_at = |w: f64| w < 500.0;
        let f = fit(&el, 280, |w| {
            let row = if narrow_at(w) { 15.0 } else { 18.0 };
            (n as f64 * row + 80.0).clamp(160.0, 2400.0)
        });
        let mut spec = spec.clone();
        spec.font_px = f.px(if narrow_at(f.css_w) { 10.0 } else { 12.0 });
        if let Some(backend) = CanvasBackend::with_canvas_object(el.clone()) {
            let _ = draw_slope(&backend.into_drawing_area(), &lines, &spec);
        }
    });
    view! {
        <figure class="chart">
            <ExportMenu what=Exportable::chart(canvas, svg) name="slope-chart" label="slope chart" testid="slope-export" />
            <canvas node_ref=canvas data-testid="slope-chart" role="img" aria-label=description></canvas>
        </figure>
    }
}
