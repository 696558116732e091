//! The prompt map at 100,000 prompts in chromium (issue 14: "the 2-D map stays smooth"): one frame
//! of the real drawing code (`components::map_canvas::draw_map`, the plan of
//! `arena_lens_charts::map_view`) on a 1240 × 770 canvas, zoomed out (a sample of
//! `map_view::budget` dots: 5,000 zoomed out) and zoomed in (every prompt in the window), timed with
//! `performance.now()`. The figures go to BENCHMARKS.md; the assertion is loose (a frame under
//! 250 ms even in a debug build on a shared machine) so it catches a return to one fill per dot
//! (over a second at 100k) without being flaky.
#![cfg(target_arch = "wasm32")]

use arena_lens_charts::map_view::{budget, plan_dots, sample_order, MapView};
use arena_lens_charts::palette::PALETTE;
use arena_lens_charts::prompt_map::{map_area, MapSpec};
use arena_lens_web::components::map_canvas::draw_map;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// 100,000 positions in 12 Gaussian-ish blobs (sums of uniforms from a fixed LCG), topic colours.
/// Positions and colours of a synthetic map.
type Layout = (Vec<(f64, f64)>, Vec<(u8, u8, u8)>);

fn layout(n: usize) -> Layout {
    let mut s: u64 = 0x2545_f491_4f6c_dd1d;
    let mut u = move || {
        s = s
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (s >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut pos = Vec::with_capacity(n);
    let mut col = Vec::with_capacity(n);
    for i in 0..n {
        let k = i % 12;
        let (cx, cy) = (
            0.15 + 0.7 * (k % 4) as f64 / 3.0,
            0.2 + 0.6 * (k / 4) as f64 / 2.0,
        );
        let jitter = |u: &mut dyn FnMut() -> f64| (u() + u() + u() - 1.5) * 0.08;
        pos.push((
            (cx + jitter(&mut u)).clamp(0.0, 1.0),
            (cy + jitter(&mut u)).clamp(0.0, 1.0),
        ));
        col.push(PALETTE[k % PALETTE.len()]);
    }
    (pos, col)
}

/// The median of `v` without its first value (the warm-up).
fn median_of(mut v: Vec<f64>) -> f64 {
    v.remove(0);
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

#[wasm_bindgen_test]
fn a_100k_map_draws_a_frame_in_time() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el: web_sys::HtmlCanvasElement = doc.create_element("canvas").unwrap().dyn_into().unwrap();
    let (w, h, font) = (1240u32, 770u32, 13u32);
    el.set_width(w);
    el.set_height(h);
    doc.body().unwrap().append_child(&el).unwrap();
    let n = 100_000;
    let (pos, col) = layout(n);
    let t0 = now();
    let order = sample_order(n);
    let t_order = now() - t0;
    for (name, view) in [
        ("zoomed out", MapView::FULL),
        ("zoom x8", MapView::new(0.15, 0.2, 8.0)),
    ] {
        let spec = MapSpec {
            title: "100,000 prompts".into(),
            font_px: font,
            view,
            budget: budget(&view),
        };
        // The first frame warms the canvas up; the median of five is the figure.
        let mut times = Vec::new();
        let mut plan_ms = Vec::new();
        let mut drawn = (0, 0);
        for _ in 0..6 {
            let t = now();
            let plan = plan_dots(
                &pos,
                &col,
                &order,
                map_area(w, h, font),
                &view,
                budget(&view),
            );
            plan_ms.push(now() - t);
            assert!(draw_map(&el, &spec, &plan));
            // Reading a pixel makes the browser finish the drawing before the clock stops.
            let ctx = el.get_context("2d").unwrap().unwrap();
            let get: js_sys::Function = js_sys::Reflect::get(&ctx, &"getImageData".into())
                .unwrap()
                .dyn_into()
                .unwrap();
            let args = js_sys::Array::of4(&0.into(), &0.into(), &1.into(), &1.into());
            js_sys::Reflect::apply(&get, &ctx, &args).unwrap();
            times.push(now() - t);
            drawn = (plan.drawn, plan.visible);
        }
        let median = median_of(times);
        let plan_median = median_of(plan_ms);
        console_log!(
            "prompt map, 100k prompts, {name}: {} of {} drawn, frame {median:.1} ms (of which the plan {plan_median:.1} ms; order {t_order:.1} ms once)",
            drawn.0,
            drawn.1
        );
        assert!(drawn.0 <= budget(&view) && drawn.0 > 0, "{drawn:?}");
        assert!(median < 250.0, "{name}: a frame took {median:.1} ms");
    }
    el.remove();
}
