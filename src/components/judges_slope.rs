//! The slope chart of ranks with style control off and on, on a canvas, drawn by the chart function
//! the native tests render to SVG. Its height grows with the number of models so names stay legible.

use arena_lens_charts::{draw_slope, SlopeLine, SlopeSpec};
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

#[component]
pub fn JudgesSlope(lines: Vec<SlopeLine>, spec: SlopeSpec, description: String) -> impl IntoView {
    let canvas: NodeRef<leptos::html::Canvas> = NodeRef::new();
    let resized = RwSignal::new(0u32);
    let handle = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n += 1));
    on_cleanup(move || handle.remove());
    let n = lines.len();
    Effect::new(move |_| {
        resized.track();
        let Some(el) = canvas.get() else { return };
        let dpr = web_sys::window()
            .map(|w| w.device_pixel_ratio())
            .unwrap_or(1.0)
            .max(1.0);
        let css_w = el.client_width().max(280) as f64;
        let narrow = css_w < 500.0;
        let row = if narrow { 15.0 } else { 18.0 };
        let css_h = (n as f64 * row + 80.0).clamp(160.0, 2400.0);
        el.set_width((css_w * dpr) as u32);
        el.set_height((css_h * dpr) as u32);
        let _ = el.style(("height", format!("{css_h}px")));
        let mut spec = spec.clone();
        spec.font_px = ((if narrow { 10.0 } else { 12.0 }) * dpr) as u32;
        if let Some(backend) = CanvasBackend::with_canvas_object(el.clone()) {
            let _ = draw_slope(&backend.into_drawing_area(), &lines, &spec);
        }
    });
    view! {
        <figure class="chart">
            <canvas node_ref=canvas data-testid="slope-chart" role="img" aria-label=description></canvas>
        </figure>
    }
}
