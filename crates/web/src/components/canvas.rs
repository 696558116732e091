//! What every canvas chart does before drawing: redraw on window resize, and size the bitmap for the
//! device pixel ratio so lines and text stay sharp.

use leptos::prelude::*;

/// A counter bumped on each window resize; an effect that tracks it redraws its canvas.
pub fn use_resize() -> RwSignal<u32> {
    let resized = RwSignal::new(0u32);
    let handle = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n += 1));
    on_cleanup(move || handle.remove());
    resized
}

/// A canvas's size after [`fit`], in CSS pixels, and the device pixel ratio.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fitted {
    pub css_w: f64,
    pub css_h: f64,
    pub dpr: f64,
}

impl Fitted {
    /// Bitmap pixels for `css` CSS pixels (font sizes, layouts in device pixels).
    pub fn px(&self, css: f64) -> u32 {
        (css * self.dpr) as u32
    }
}

/// Sizes `el`'s bitmap to its laid-out width (at least `min_w`) and to `height(width)`, both in CSS
/// pixels, times the device pixel ratio.
pub fn fit(el: &web_sys::HtmlCanvasElement, min_w: i32, height: impl Fn(f64) -> f64) -> Fitted {
    let dpr = web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .unwrap_or(1.0)
        .max(1.0);
    let css_w = el.client_width().max(min_w) as f64;
    let css_h = height(css_w);
    el.set_width((css_w * dpr) as u32);
    el.set_height((css_h * dpr) as u32);
    let _ = el.style(("height", format!("{css_h}px")));
    Fitted { css_w, css_h, dpr }
}
