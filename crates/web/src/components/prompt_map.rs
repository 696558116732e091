//! The prompt map on a canvas: every prompt at its 2-D position, coloured by computed topic or by the
//! chosen model's result on it. Hovering shows the prompt's start and topic; clicking opens it in the
//! compare page. Drawing is an effect (it touches the canvas); hit-testing uses the chart's own layout.

use crate::components::canvas::{fit, use_resize};
use crate::components::export_menu::{canvas_width, svg_of, ExportMenu, Exportable};
use crate::ui::format::snippet;
use crate::ui::{SetView, Shared};
use crate::url_state::use_view_state;
use arena_lens_charts::palette::{diverging, PALETTE};
use arena_lens_charts::prompt_map::{map_area, nearest};
use arena_lens_charts::{draw_prompt_map, MapPoint, MapSpec};
use arena_lens_core::cluster::Clustering;
use arena_lens_core::view_state::keys::clusters as key;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

pub fn prompt_map(
    clustering: Shared<Clustering>,
    prompts: Vec<(String, String)>,
    scores: Option<Vec<Option<f64>>>,
    model: Option<String>,
    set: impl SetView,
    on_open: impl Fn(String) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let view = use_view_state();
    let by_outcome = Memo::new(move |_| view.with(|v| v.extra(key::MAP_COLOR) == Some("outcome")));
    let canvas: NodeRef<leptos::html::Canvas> = NodeRef::new();
    let hovered = RwSignal::new(None::<usize>);
    let resized = use_resize();
    let has_scores = scores.is_some();
    let points = {
        let clustering = clustering.clone();
        move || -> Vec<MapPoint> {
            let outcome = by_outcome.get() && scores.is_some();
            let h = hovered.get();
            clustering
                .coords
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let color = if outcome {
                        match scores.as_ref().and_then(|s| s[i]) {
                            Some(x) => diverging(2.0 * x - 1.0),
                            None => (200, 200, 200),
                        }
                    } else {
                        PALETTE[clustering.assignment[i] as usize % PALETTE.len()]
                    };
                    MapPoint {
                        x: c[0],
                        y: c[1],
                        color,
                        highlight: h == Some(i),
                    }
                })
                .collect()
        }
    };
    let points = Memo::new(move |_| points());
    let layout = RwSignal::new((0u32, 0u32, 12u32, 1.0f64));
    Effect::new(move |_| {
        resized.track();
        let pts = points.get();
        let Some(el) = canvas.get() else { return };
        let f = fit(&el, 280, |w| (w * 0.62).clamp(260.0, 620.0));
        let css_w = f.css_w;
        let font_px = f.px(if css_w < 500.0 { 11.0 } else { 13.0 });
        layout.set((f.px(css_w), f.px(f.css_h), font_px, f.dpr));
        if let Some(backend) = CanvasBackend::with_canvas_object(el.clone()) {
            let root = backend.into_drawing_area();
            let _ = draw_prompt_map(
                &root,
                &pts,
                &MapSpec {
                    title: if css_w < 560.0 {
                        format!("{} prompts (PCA of their text)", pts.len())
                    } else {
                        format!(
                            "{} prompts, first two principal components of their text embedding",
                            pts.len()
                        )
                    },
                    font_px,
                },
            );
        }
    });
    // SVG export: the same chart function at the canvas's CSS size.
    let svg = move || {
        let w = canvas_width(canvas);
        let h = (w as f64 * 0.62).clamp(260.0, 620.0) as u32;
        let pts = points.get_untracked();
        let spec = MapSpec {
            title: format!(
                "{} prompts, first two principal components of their text embedding",
                pts.len()
            ),
            font_px: if w < 500 { 11 } else { 13 },
        };
        svg_of((w, h), |root| draw_prompt_map(root, &pts, &spec).is_ok())
    };
    let hit = move |ev: &leptos::ev::MouseEvent| -> Option<usize> {
        let el = canvas.get_untracked()?;
        let rect = el.get_bounding_client_rect();
        let (w, h, font, dpr) = layout.get_untracked();
        let px = (ev.client_x() as f64 - rect.left()) * dpr;
        let py = (ev.client_y() as f64 - rect.top()) * dpr;
        points.with_untracked(|p| nearest(p, map_area(w, h, font), px, py, 10.0 * dpr))
    };
    let tip = {
        let clustering = clustering.clone();
        let prompts = prompts.clone();
        move || {
            let i = hovered.get()?;
            let (id, text) = prompts.get(i)?;
            let topic = clustering.topic_name(clustering.assignment[i]);
            Some(view! {
                <div class="map-tip" data-testid="map-tip" data-question-id=id.clone()>
                    <strong>{topic}</strong>
                    <p>{snippet(text, 160)}</p>
                    <span class="hint">"Click to open in the compare page"</span>
                </div>
            })
        }
    };
    let set_color = set.clone();
    let label = format!(
        "Map of {} prompts coloured by topic; the topic table has the same groups.",
        prompts.len()
    );
    view! {
        <div class="map-controls">
            <ExportMenu what=Exportable::chart(canvas, svg) name="prompt-map" label="prompt map" testid="prompt-map-export" />
            {has_scores.then(|| view! {
                <label class="field">
                    <span>"Colour"</span>
                    <select data-testid="map-color" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        set_color(&|s| s.set_extra(key::MAP_COLOR, (v == "outcome").then(|| v.clone())))
                    }>
                        <option value="cluster" selected=move || !by_outcome.get()>"Topic"</option>
                        <option value="outcome" selected=move || by_outcome.get()>{format!("{}'s result (blue win, red loss)", model.clone().unwrap_or_default())}</option>
                    </select>
                </label>
            })}
        </div>
        <figure class="chart prompt-map-fig">
            <canvas node_ref=canvas data-testid="prompt-map" role="img" aria-label=label
                on:mousemove=move |ev| { let h = hit(&ev); if hovered.get_untracked() != h { hovered.set(h); } }
                on:mouseleave=move |_| hovered.set(None)
                on:click=move |ev| {
                    if let Some(i) = hit(&ev) {
                        if let Some((id, _)) = prompts.get(i) { on_open(id.clone()); }
                    }
                }></canvas>
            {tip}
        </figure>
    }
}
