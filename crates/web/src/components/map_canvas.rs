//! Drawing the prompt map on a canvas fast enough for 100,000 prompts: plotters draws the frame
//! (title, grid, axis names: the same function the SVG export uses), then the planned dots are
//! filled one colour at a time as a single path. Plotters' canvas backend would set the fill style
//! and fill once per circle, which is what made a large map slow; one path per colour is a few
//! dozen fills whatever the number of dots.

use arena_lens_charts::map_view::DotPlan;
use arena_lens_charts::prompt_map::{dot_radius, draw_map_frame, MapSpec};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;

/// Draws the frame of `spec` and the dots of `plan` on `el` (already sized); `false` when the
/// canvas has no 2-D context.
pub fn draw_map(el: &web_sys::HtmlCanvasElement, spec: &MapSpec, plan: &DotPlan) -> bool {
    let Some(backend) = CanvasBackend::with_canvas_object(el.clone()) else {
        return false;
    };
    if draw_map_frame(&backend.into_drawing_area(), spec).is_err() {
        return false;
    }
    let Some(ctx) = el
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
    else {
        return false;
    };
    let r = dot_radius(spec.font_px);
    ctx.save();
    ctx.set_global_alpha(0.8);
    for ((cr, cg, cb), dots) in &plan.groups {
        ctx.set_fill_style_str(&format!("rgb({cr},{cg},{cb})"));
        ctx.begin_path();
        for &(x, y) in dots {
            ctx.move_to(x + r, y);
            let _ = ctx.arc(x, y, r, 0.0, std::f64::consts::TAU);
        }
        ctx.fill();
    }
    ctx.restore();
    true
}
