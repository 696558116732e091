//! The forest plot on a canvas, drawn by the same chart function the native tests render to SVG.
//! Drawing is an effect (it touches the canvas); it re-runs on new data and on window resize.

use arena_lens_charts::{draw_forest, ForestRow, ForestSpec};
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

#[component]
pub fn ForestChart(rows: Vec<ForestRow>, title: String, x_label: String) -> impl IntoView {
    let canvas: NodeRef<leptos::html::Canvas> = NodeRef::new();
    let resized = RwSignal::new(0u32);
    let handle = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n += 1));
    on_cleanup(move || handle.remove());
    let n = rows.len();
    let label = format!("{title}. {n} models; the table below has the same numbers.");
    Effect::new(move |_| {
        resized.track();
        let Some(el) = canvas.get() else { return };
        let dpr = web_sys::window()
            .map(|w| w.device_pixel_ratio())
            .unwrap_or(1.0)
            .max(1.0);
        let css_w = el.client_width().max(300) as f64;
        let css_h = (n as f64 * 22.0 + 90.0).clamp(160.0, 2400.0);
        el.set_width((css_w * dpr) as u32);
        el.set_height((css_h * dpr) as u32);
        let _ = el.style(("height", format!("{css_h}px")));
        let font_px = ((if css_w < 500.0 { 11.0 } else { 13.0 }) * dpr) as u32;
        if let Some(backend) = CanvasBackend::with_canvas_object(el.clone()) {
            let root = backend.into_drawing_area();
            let spec = ForestSpec {
                title: title.clone(),
                x_label: x_label.clone(),
                reference: 50.0,
                font_px,
            };
            let _ = draw_forest(&root, &rows, &spec);
        }
    });
    view! {
        <figure class="chart">
            <canvas node_ref=canvas data-testid="forest" role="img" aria-label=label></canvas>
        </figure>
    }
}
