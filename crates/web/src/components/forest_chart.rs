//! The forest plot on a canvas, drawn by the same chart function the native tests render to SVG.
//! Drawing is an effect (it touches the canvas), done in the next animation frame; it re-runs on new
//! data and on window resize. Its export menu saves the same chart as SVG (same function, SVG
//! backend) or the canvas as PNG.

use crate::components::canvas::{fit, use_resize};
use crate::components::export_menu::{canvas_width, svg_of, ExportMenu, Exportable};
use arena_lens_charts::{draw_forest, ForestRow, ForestSpec};
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

#[component]
pub fn ForestChart(
    rows: Vec<ForestRow>,
    title: String,
    x_label: String,
    /// The reference line (50 for win rates); `None` for scales without one (Elo ratings).
    reference: Option<f64>,
) -> impl IntoView {
    let canvas: NodeRef<leptos::html::Canvas> = NodeRef::new();
    let resized = use_resize();
    let n = rows.len();
    let label = format!("{title}. {n} models; the table below has the same numbers.");
    let svg = {
        let (rows, title, x_label) = (rows.clone(), title.clone(), x_label.clone());
        move || {
            // The canvas's laid-out size at one pixel per CSS pixel.
            let w = canvas_width(canvas).max(300);
            let h = height(n) as u32;
            let spec = ForestSpec {
                title: title.clone(),
                x_label: x_label.clone(),
                reference,
                font_px: if w < 500 { 11 } else { 13 },
            };
            svg_of((w, h), |root| draw_forest(root, &rows, &spec).is_ok())
        }
    };
    Effect::new(move |_| {
        resized.track();
        let Some(el) = canvas.get() else { return };
        let (title, x_label, rows) = (title.clone(), x_label.clone(), rows.clone());
        // Drawn in the next frame: sizing reads the laid-out width, which right after the page was
        // built would force a layout inside the task that built it (one long task instead of two
        // short ones).
        request_animation_frame(move || {
            let f = fit(&el, 300, |_| height(n));
            let font_px = f.px(if f.css_w < 500.0 { 11.0 } else { 13.0 });
            if let Some(backend) = CanvasBackend::with_canvas_object(el.clone()) {
                let root = backend.into_drawing_area();
                let spec = ForestSpec {
                    title,
                    x_label,
                    reference,
                    font_px,
                };
                let _ = draw_forest(&root, &rows, &spec);
            }
        });
    });
    view! {
        <figure class="chart">
            <ExportMenu what=Exportable::chart(canvas, svg) name="forest-plot" label="forest plot" testid="forest-export" />
            <canvas node_ref=canvas data-testid="forest" role="img" aria-label=label></canvas>
        </figure>
    }
}

/// The chart's height in CSS pixels for `n` models.
fn height(n: usize) -> f64 {
    (n as f64 * 22.0 + 90.0).clamp(160.0, 2400.0)
}
