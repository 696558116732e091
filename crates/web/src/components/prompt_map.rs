//! The prompt map on a canvas: every prompt at its 2-D position, coloured by computed topic, by the
//! chosen model's result on it, or by its quality (criteria score, where the data has tags).
//! Hovering shows the prompt's start and topic; clicking opens it in the compare page; dragging a
//! box selects the prompts inside it (the page keeps them in the link and scores them as a
//! leaderboard). Prompts outside the current selection are drawn grey. Drawing is an effect (it
//! touches the canvas); hit-testing and the box use the chart's own layout.

use crate::components::canvas::{fit, use_resize};
use crate::components::export_menu::{canvas_width, svg_of, ExportMenu, Exportable};
use crate::ui::format::snippet;
use crate::ui::{SetView, Shared};
use crate::url_state::use_view_state;
use arena_lens_charts::palette::{diverging, PALETTE};
use arena_lens_charts::prompt_map::{in_box, map_area, nearest};
use arena_lens_charts::{draw_prompt_map, MapPoint, MapSpec};
use arena_lens_core::cluster::Clustering;
use arena_lens_core::view_state::keys::clusters as key;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

/// What the map shows, one entry per prompt of the bench (in the clustering's order).
pub struct MapData {
    pub clustering: Shared<Clustering>,
    /// (id, text) of each prompt.
    pub prompts: Vec<(String, String)>,
    /// The chosen model's result on each prompt (1 win, 0 loss), if a model is chosen.
    pub scores: Option<Vec<Option<f64>>>,
    /// Each prompt's criteria score (0–7), if the data has criteria tags.
    pub quality: Option<Vec<Option<u8>>>,
    /// The prompts of the current selection; `None`: no selection.
    pub selected: Option<Vec<bool>>,
    pub model: Option<String>,
}

/// How the dots are coloured (the `mapcolor` key).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Colour {
    Topic,
    Outcome,
    Quality,
}

const GREY: (u8, u8, u8) = (214, 214, 214);

/// A client point in canvas pixels, with the plot area and the device pixel ratio it was read at.
type CanvasPoint = ((f64, f64), (i32, i32, i32, i32), f64);

/// A quality score's colour: red (0) through white to blue (7), as the outcome scale.
fn quality_colour(q: u8) -> (u8, u8, u8) {
    diverging((q as f64 - 3.5) / 3.5)
}

pub fn prompt_map(
    data: MapData,
    set: impl SetView,
    on_open: impl Fn(String) + Clone + Send + Sync + 'static,
    on_select: impl Fn(Vec<usize>) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let MapData {
        clustering,
        prompts,
        scores,
        quality,
        selected,
        model,
    } = data;
    let view = use_view_state();
    let (has_scores, has_quality) = (scores.is_some(), quality.is_some());
    let colour = Memo::new(move |_| {
        view.with(|v| match v.extra(key::MAP_COLOR) {
            Some("outcome") if has_scores => Colour::Outcome,
            Some("quality") if has_quality => Colour::Quality,
            _ => Colour::Topic,
        })
    });
    let canvas: NodeRef<leptos::html::Canvas> = NodeRef::new();
    let hovered = RwSignal::new(None::<usize>);
    // A drag in progress: its start and current point in client pixels.
    let drag = RwSignal::new(None::<((f64, f64), (f64, f64))>);
    // The click that ends a drag is not a click on a prompt.
    let dragged = RwSignal::new(false);
    let resized = use_resize();
    let points = {
        let clustering = clustering.clone();
        move || -> Vec<MapPoint> {
            let mode = colour.get();
            let h = hovered.get();
            clustering
                .coords
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let color = match mode {
                        Colour::Outcome => match scores.as_ref().and_then(|s| s[i]) {
                            Some(x) => diverging(2.0 * x - 1.0),
                            None => (200, 200, 200),
                        },
                        Colour::Quality => match quality.as_ref().and_then(|q| q[i]) {
                            Some(q) => quality_colour(q),
                            None => (200, 200, 200),
                        },
                        Colour::Topic => PALETTE[clustering.assignment[i] as usize % PALETTE.len()],
                    };
                    let out = selected.as_ref().is_some_and(|s| !s[i]);
                    MapPoint {
                        x: c[0],
                        y: c[1],
                        color: if out { GREY } else { color },
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
    // Client pixels → canvas pixels, with the layout the drawing used.
    let to_canvas = move |x: f64, y: f64| -> Option<CanvasPoint> {
        let el = canvas.get_untracked()?;
        let rect = el.get_bounding_client_rect();
        let (w, h, font, dpr) = layout.get_untracked();
        Some((
            ((x - rect.left()) * dpr, (y - rect.top()) * dpr),
            map_area(w, h, font),
            dpr,
        ))
    };
    let hit = move |x: f64, y: f64| -> Option<usize> {
        let ((px, py), area, dpr) = to_canvas(x, y)?;
        points.with_untracked(|p| nearest(p, area, px, py, 10.0 * dpr))
    };
    let finish_drag = move || {
        let Some((a, b)) = drag.get_untracked() else {
            return;
        };
        drag.set(None);
        if (a.0 - b.0).abs() + (a.1 - b.1).abs() < 8.0 {
            return;
        }
        dragged.set(true);
        let (Some((pa, area, _)), Some((pb, _, _))) = (to_canvas(a.0, a.1), to_canvas(b.0, b.1))
        else {
            return;
        };
        let picked = points.with_untracked(|p| in_box(p, area, pa, pb));
        // After the click this pointerup is followed by has been handled (and ignored): selecting
        // changes the link, which redraws the map and would leave that click to a new canvas.
        let on_select = on_select.clone();
        set_timeout(move || on_select(picked), std::time::Duration::ZERO);
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
    let box_style = move || {
        drag.get().map(|(a, b)| {
            format!(
                "left:{}px;top:{}px;width:{}px;height:{}px",
                a.0.min(b.0),
                a.1.min(b.1),
                (a.0 - b.0).abs(),
                (a.1 - b.1).abs()
            )
        })
    };
    let set_color = set.clone();
    let label = format!(
        "Map of {} prompts coloured by topic; the topic table has the same groups. Drag a box to select prompts and score them as a leaderboard.",
        prompts.len()
    );
    view! {
        <div class="map-controls">
            <ExportMenu what=Exportable::chart(canvas, svg) name="prompt-map" label="prompt map" testid="prompt-map-export" />
            {(has_scores || has_quality).then(|| view! {
                <label class="field">
                    <span>"Colour"</span>
                    <select data-testid="map-color" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        set_color(&|s| s.set_extra(key::MAP_COLOR, (v != "cluster").then(|| v.clone())))
                    }>
                        <option value="cluster" selected=move || colour.get() == Colour::Topic>"Topic"</option>
                        {has_scores.then(|| view! {
                            <option value="outcome" selected=move || colour.get() == Colour::Outcome>{format!("{}'s result (blue win, red loss)", model.clone().unwrap_or_default())}</option>
                        })}
                        {has_quality.then(|| view! {
                            <option value="quality" selected=move || colour.get() == Colour::Quality>"Prompt quality (criteria score: red 0, blue 7)"</option>
                        })}
                    </select>
                </label>
            })}
            <span class="hint">"Drag a box on the map to select prompts."</span>
        </div>
        <figure class="chart prompt-map-fig">
            <canvas node_ref=canvas data-testid="prompt-map" role="img" aria-label=label
                on:pointerdown=move |ev| {
                    if ev.button() == 0 {
                        let p = (ev.client_x() as f64, ev.client_y() as f64);
                        drag.set(Some((p, p)));
                    }
                }
                on:pointermove=move |ev| {
                    let p = (ev.client_x() as f64, ev.client_y() as f64);
                    if let Some((a, _)) = drag.get_untracked() {
                        drag.set(Some((a, p)));
                        return;
                    }
                    let h = hit(p.0, p.1);
                    if hovered.get_untracked() != h { hovered.set(h); }
                }
                on:pointerup=move |ev| {
                    let p = (ev.client_x() as f64, ev.client_y() as f64);
                    drag.update(|d| if let Some((_, b)) = d { *b = p; });
                    finish_drag();
                }
                on:pointerleave=move |_| { hovered.set(None); drag.set(None); }
                on:click=move |ev| {
                    if dragged.get_untracked() {
                        dragged.set(false);
                        return;
                    }
                    if let Some(i) = hit(ev.client_x() as f64, ev.client_y() as f64) {
                        if let Some((id, _)) = prompts.get(i) { on_open(id.clone()); }
                    }
                }></canvas>
            {move || box_style().map(|s| view! { <div class="map-box" data-testid="map-box" style=s></div> })}
            {tip}
        </figure>
    }
}
