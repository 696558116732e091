//! The prompt map on a canvas: every prompt at its 2-D position, coloured by computed topic, by the
//! chosen model's result on it, or by its quality (criteria score, where the data has tags).
//!
//! Hovering shows the prompt's start and topic; clicking opens it in the compare page. Dragging
//! selects: a box, or a free-hand lasso (mouse, pen or finger; Escape cancels), and the page keeps
//! the prompts inside in the link (`pids`) and scores them as a leaderboard. Which prompts a lasso
//! encloses is the core's ([`Lasso`]), over every prompt, not only the drawn ones. The map zooms
//! (the +/− buttons, the + − 0 and arrow keys on the focused map, Ctrl + wheel, two-finger pinch)
//! and pans (the pan tool, arrows); at 100,000 prompts it draws a fixed sample when zoomed out and
//! every prompt once the window holds fewer than its [`budget`] ([`arena_lens_charts::map_view`]).
//!
//! Drawing is an effect (it touches the canvas) and redraws only when the colours, the window or the
//! size change; the gesture being drawn and the hovered prompt are an SVG overlay, so a pointer move
//! never redraws 100,000 dots.

use crate::components::canvas::{fit, use_resize};
use crate::components::export_menu::{canvas_width, svg_of, ExportMenu, Exportable};
use crate::components::map_canvas::draw_map;
use crate::ui::format::{snippet, thousands};
use crate::ui::{SetView, Shared};
use crate::url_state::use_view_state;
use arena_lens_charts::map_view::{budget, plan_dots, sample_order, MapView};
use arena_lens_charts::palette::{diverging, PALETTE};
use arena_lens_charts::prompt_map::{dot_radius, map_area, nearest};
use arena_lens_charts::{draw_prompt_map, MapPoint, MapSpec};
use arena_lens_core::cluster::lasso::Lasso;
use arena_lens_core::cluster::Clustering;
use arena_lens_core::view_state::keys::clusters as key;
use leptos::prelude::*;

/// The (id, text) of a prompt by its index.
pub type PromptAt = std::sync::Arc<dyn Fn(usize) -> Option<(String, String)> + Send + Sync>;

/// Computes each prompt's result for the chosen model.
pub type ScoresOf = std::sync::Arc<dyn Fn() -> Vec<Option<f64>> + Send + Sync>;

/// What the map shows, one entry per prompt of the bench (in the clustering's order).
pub struct MapData {
    pub clustering: Shared<Clustering>,
    /// (id, text) of prompt `i`, read when the map shows or opens one (copying every prompt's
    /// text up front cost a long task at 20,000 prompts).
    pub prompt: PromptAt,
    /// The chosen model's result on each prompt (1 win, 0 loss), if a model is chosen: computed
    /// when the map is first coloured by it (at 20,000 prompts it made the map's section a long
    /// task when computed up front for the default topic colours).
    pub scores: Option<ScoresOf>,
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

/// What a drag on the map does.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tool {
    Box,
    Lasso,
    Pan,
}

/// A gesture in progress, in CSS pixels from the canvas's top left corner.
#[derive(Clone, Debug, PartialEq)]
enum Gesture {
    /// Start and current corner.
    Box((f64, f64), (f64, f64)),
    /// The path so far.
    Lasso(Vec<(f64, f64)>),
    /// The last position.
    Pan((f64, f64)),
    /// Two fingers: their last distance.
    Pinch(f64),
}

const GREY: (u8, u8, u8) = (214, 214, 214);

/// The canvas's bitmap size, font size (device pixels) and device pixel ratio, as last drawn.
#[derive(Clone, Copy, PartialEq)]
struct Layout {
    w: u32,
    h: u32,
    font: u32,
    dpr: f64,
}

impl Layout {
    fn area(&self) -> (i32, i32, i32, i32) {
        map_area(self.w, self.h, self.font)
    }
    /// CSS pixels → device pixels, clamped to the plot area (a selection reaches no further).
    fn clamp_px(&self, (x, y): (f64, f64)) -> (f64, f64) {
        let (l, t, r, b) = self.area();
        (
            (x * self.dpr).clamp(l as f64, r as f64),
            (y * self.dpr).clamp(t as f64, b as f64),
        )
    }
}

/// A quality score's colour: red (0) through white to blue (7), as the outcome scale.
fn quality_colour(q: u8) -> (u8, u8, u8) {
    diverging((q as f64 - 3.5) / 3.5)
}

fn title(n: usize, css_w: f64, view: &MapView) -> String {
    let zoom = if view.zoom > 1.0 {
        format!(" (zoom ×{:.1})", view.zoom)
    } else {
        String::new()
    };
    if css_w < 560.0 {
        format!("{} prompts (PCA of their text){zoom}", thousands(n as f64))
    } else {
        format!(
            "{} prompts, first two principal components of their text embedding{zoom}",
            thousands(n as f64)
        )
    }
}

pub fn prompt_map(
    data: MapData,
    set: impl SetView,
    on_open: impl Fn(String) + Clone + Send + Sync + 'static,
    on_select: impl Fn(Vec<usize>) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let MapData {
        clustering,
        prompt,
        scores,
        quality,
        selected,
        model,
    } = data;
    let state = use_view_state();
    let (has_scores, has_quality) = (scores.is_some(), quality.is_some());
    let colour = Memo::new(move |_| {
        state.with(|v| match v.extra(key::MAP_COLOR) {
            Some("outcome") if has_scores => Colour::Outcome,
            Some("quality") if has_quality => Colour::Quality,
            _ => Colour::Topic,
        })
    });
    let n = clustering.coords.len();
    let positions: Shared<Vec<(f64, f64)>> = Shared(std::sync::Arc::new(
        clustering.coords.iter().map(|c| (c[0], c[1])).collect(),
    ));
    let order = Shared(std::sync::Arc::new(sample_order(n)));
    let canvas: NodeRef<leptos::html::Canvas> = NodeRef::new();
    let hovered = RwSignal::new(None::<usize>);
    let tool = RwSignal::new(Tool::Box);
    let view = RwSignal::new(MapView::FULL);
    let gesture = RwSignal::new(None::<Gesture>);
    // Pointers down on the map (id, CSS position): two make a pinch.
    let pointers = StoredValue::new(Vec::<(i32, (f64, f64))>::new());
    // The click that ends a drag is not a click on a prompt.
    let dragged = RwSignal::new(false);
    let layout = RwSignal::new(Layout {
        w: 0,
        h: 0,
        font: 12,
        dpr: 1.0,
    });
    let resized = use_resize();
    let colours = {
        let clustering = clustering.clone();
        let outcomes = std::sync::OnceLock::<Vec<Option<f64>>>::new();
        Memo::new(move |_| -> Vec<(u8, u8, u8)> {
            let mode = colour.get();
            let outcome = (mode == Colour::Outcome)
                .then(|| outcomes.get_or_init(|| scores.as_ref().map(|f| f()).unwrap_or_default()));
            (0..n)
                .map(|i| {
                    if selected.as_ref().is_some_and(|s| !s[i]) {
                        return GREY;
                    }
                    match mode {
                        Colour::Outcome => outcome
                            .and_then(|s| s.get(i).copied().flatten())
                            .map_or((200, 200, 200), |x| diverging(2.0 * x - 1.0)),
                        Colour::Quality => quality
                            .as_ref()
                            .and_then(|q| q[i])
                            .map_or((200, 200, 200), quality_colour),
                        Colour::Topic => PALETTE[clustering.assignment[i] as usize % PALETTE.len()],
                    }
                })
                .collect()
        })
    };
    // How many prompts the window holds and how many are drawn.
    let shown = {
        let positions = positions.clone();
        Memo::new(move |_| {
            let v = view.get();
            let visible = positions.iter().filter(|p| v.shows(p.0, p.1)).count();
            (visible.min(budget(&v)), visible)
        })
    };
    {
        let (positions, order) = (positions.clone(), order.clone());
        // The first frame is drawn in a task of its own: reading the canvas's laid-out width lays
        // out the whole page the result has just inserted (64 ms at 20,000 prompts in a chromium
        // profile), and then draws 5,000 dots; inside the task that inserted the result that made
        // one long task. Later frames (zoom, pan, colours) draw at once.
        let mounted = StoredValue::new(false);
        Effect::new(move |_| {
            resized.track();
            colours.track();
            let v = view.get();
            let Some(el) = canvas.get() else { return };
            let (positions, order) = (positions.clone(), order.clone());
            let draw = move || {
                let f = fit(&el, 280, |w| (w * 0.62).clamp(260.0, 620.0));
                let font = f.px(if f.css_w < 500.0 { 11.0 } else { 13.0 });
                let l = Layout {
                    w: f.px(f.css_w),
                    h: f.px(f.css_h),
                    font,
                    dpr: f.dpr,
                };
                // The page may be gone when a deferred first frame runs.
                if layout.try_get_untracked().is_some_and(|old| old != l) {
                    layout.set(l);
                }
                let spec = MapSpec {
                    title: title(n, f.css_w, &v),
                    font_px: font,
                    view: v,
                    budget: budget(&v),
                };
                let Some(plan) = colours.try_with_untracked(|c| {
                    plan_dots(&positions, c, &order, l.area(), &v, budget(&v))
                }) else {
                    return;
                };
                draw_map(&el, &spec, &plan);
            };
            if mounted.try_get_value() == Some(false) {
                mounted.set_value(true);
                set_timeout(draw, std::time::Duration::ZERO);
            } else {
                draw();
            }
        });
    }
    // SVG export: the same chart function at the canvas's CSS size.
    let svg = {
        let positions = positions.clone();
        move || {
            let w = canvas_width(canvas);
            let h = (w as f64 * 0.62).clamp(260.0, 620.0) as u32;
            let v = view.get_untracked();
            let pts: Vec<MapPoint> = colours.with_untracked(|c| {
                positions
                    .iter()
                    .zip(c)
                    .map(|(&(x, y), &color)| MapPoint {
                        x,
                        y,
                        color,
                        highlight: false,
                    })
                    .collect()
            });
            let spec = MapSpec {
                title: title(n, 800.0, &v),
                font_px: if w < 500 { 11 } else { 13 },
                view: v,
                budget: budget(&v),
            };
            svg_of((w, h), |root| draw_prompt_map(root, &pts, &spec).is_ok())
        }
    };
    // A client point → CSS pixels from the canvas's corner.
    let local = move |x: f64, y: f64| -> Option<(f64, f64)> {
        let rect = canvas.get_untracked()?.get_bounding_client_rect();
        Some((x - rect.left(), y - rect.top()))
    };
    // CSS pixels → map position in the current window.
    let to_map = move |p: (f64, f64)| -> (f64, f64) {
        let l = layout.get_untracked();
        let (px, py) = l.clamp_px(p);
        view.get_untracked().from_pixel(l.area(), px, py)
    };
    let hit = {
        let positions = positions.clone();
        move |p: (f64, f64)| -> Option<usize> {
            let l = layout.get_untracked();
            let v = view.get_untracked();
            nearest(
                &positions,
                l.area(),
                &v,
                p.0 * l.dpr,
                p.1 * l.dpr,
                10.0 * l.dpr,
            )
        }
    };
    let zoom_by = move |factor: f64, at: Option<(f64, f64)>| {
        let v = view.get_untracked();
        let (x, y) = at.map(to_map).unwrap_or((v.cx, v.cy));
        view.set(v.zoom_at(factor, x, y));
    };
    // The selected prompts of a finished box or lasso (the lasso of a box is its four corners).
    let finish = {
        let clustering = clustering.clone();
        move |g: Gesture| {
            let path: Vec<(f64, f64)> = match g {
                Gesture::Box(a, b) => {
                    if (a.0 - b.0).abs() + (a.1 - b.1).abs() < 8.0 {
                        return;
                    }
                    vec![a, (b.0, a.1), b, (a.0, b.1)]
                }
                Gesture::Lasso(path) if path.len() >= 3 => path,
                _ => return,
            };
            dragged.set(true);
            let polygon: Vec<(f64, f64)> = path.into_iter().map(to_map).collect();
            let Ok(lasso) = Lasso::new(&polygon) else {
                return;
            };
            let picked = lasso.select(&clustering.coords);
            // After the click this pointerup is followed by has been handled (and ignored):
            // selecting changes the link, which redraws the map and would leave that click to a
            // new canvas.
            let on_select = on_select.clone();
            set_timeout(move || on_select(picked), std::time::Duration::ZERO);
        }
    };
    // Dropping a gesture (Escape, a cancelled pointer) also swallows the click its release makes.
    let cancel = move || {
        if gesture.get_untracked().is_some() {
            gesture.set(None);
            dragged.set(true);
        }
    };
    let esc = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            cancel();
        }
    });
    on_cleanup(move || esc.remove());

    let tip = {
        let clustering = clustering.clone();
        let prompt = prompt.clone();
        move || {
            let i = hovered.get()?;
            let (id, text) = prompt(i)?;
            let topic = clustering.topic_name(clustering.assignment[i]);
            Some(view! {
                <div class="map-tip" data-testid="map-tip" data-question-id=id.clone()>
                    <strong>{topic}</strong>
                    <p>{snippet(&text, 160)}</p>
                    <span class="hint">"Click to open in the compare page"</span>
                </div>
            })
        }
    };
    // The overlay: the gesture being drawn and the hovered prompt's ring, in CSS pixels.
    let overlay = {
        let positions = positions.clone();
        move || {
            let g = gesture.get().map(|g| match g {
                Gesture::Box(a, b) => view! {
                    <rect class="map-box" data-testid="map-box" x=a.0.min(b.0) y=a.1.min(b.1)
                        width=(a.0 - b.0).abs() height=(a.1 - b.1).abs() />
                }
                .into_any(),
                Gesture::Lasso(path) => {
                    let pts = path
                        .iter()
                        .map(|(x, y)| format!("{x:.1},{y:.1}"))
                        .collect::<Vec<_>>()
                        .join(" ");
                    view! { <polygon class="map-lasso" data-testid="map-lasso" points=pts /> }
                        .into_any()
                }
                _ => ().into_any(),
            });
            let ring = hovered.get().and_then(|i| {
                let (l, v) = (layout.get(), view.get());
                let p = positions[i];
                v.shows(p.0, p.1).then(|| {
                    let (x, y) = v.to_pixel(l.area(), p.0, p.1);
                    let r = (dot_radius(l.font) * 2.0 + 2.0) / l.dpr;
                    view! { <circle class="map-ring" cx=x / l.dpr cy=y / l.dpr r=r /> }
                })
            });
            (g, ring)
        }
    };
    let status = move || {
        let (drawn, visible) = shown.get();
        let z = view.get().zoom;
        if drawn < visible {
            format!("Showing a fixed sample of {} of the {} prompts in view: zoom in to see every prompt.", thousands(drawn as f64), thousands(visible as f64))
        } else if z > 1.0 {
            format!(
                "Zoom ×{z:.1}: all {} prompts in view are shown.",
                thousands(visible as f64)
            )
        } else {
            format!("All {} prompts are shown.", thousands(visible as f64))
        }
    };
    let set_color = set.clone();
    let label = format!(
        "Map of {} prompts coloured by topic; the topic table has the same groups. Drag a box or draw a lasso to select prompts and score them as a leaderboard; the search field selects by text. Plus and minus zoom, arrow keys pan, 0 resets.",
        n
    );
    let tool_radio = move |t: Tool, value: &'static str, text: &'static str| {
        view! {
            <label class="map-tool">
                <input type="radio" name="map-tool" value=value data-testid=format!("map-tool-{value}")
                    prop:checked=move || tool.get() == t on:change=move |_| tool.set(t) />
                <span>{text}</span>
            </label>
        }
    };
    let (finish_up, hit_move, hit_click) = (finish.clone(), hit.clone(), hit);
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
            <fieldset class="map-tools" data-testid="map-tool">
                <legend>"Drag to"</legend>
                {tool_radio(Tool::Box, "box", "select a box")}
                {tool_radio(Tool::Lasso, "lasso", "draw a lasso")}
                {tool_radio(Tool::Pan, "pan", "pan")}
            </fieldset>
            <div class="map-zoom" role="group" aria-label="Zoom">
                <button type="button" class="button secondary" data-testid="map-zoom-in" aria-label="Zoom in" on:click=move |_| zoom_by(2.0, None)>"+"</button>
                <button type="button" class="button secondary" data-testid="map-zoom-out" aria-label="Zoom out" on:click=move |_| zoom_by(0.5, None)>"−"</button>
                <button type="button" class="button secondary" data-testid="map-zoom-reset" on:click=move |_| view.set(MapView::FULL)>"Whole map"</button>
            </div>
        </div>
        <p class="hint" data-testid="map-status">{status}" Escape cancels a selection; Ctrl + wheel or two fingers zoom."</p>
        <figure class="chart prompt-map-fig">
            <div class="map-stage">
                <canvas node_ref=canvas data-testid="prompt-map" role="img" aria-label=label tabindex="0"
                    class:panning=move || tool.get() == Tool::Pan
                    on:pointerdown=move |ev| {
                        let Some(p) = local(ev.client_x() as f64, ev.client_y() as f64) else { return };
                        pointers.update_value(|ps| { ps.retain(|q| q.0 != ev.pointer_id()); ps.push((ev.pointer_id(), p)); });
                        if let Some(el) = canvas.get_untracked() { let _ = el.set_pointer_capture(ev.pointer_id()); }
                        let two = pointers.with_value(|ps| (ps.len() == 2).then(|| (ps[0].1, ps[1].1)));
                        if let Some((a, b)) = two {
                            gesture.set(Some(Gesture::Pinch(((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt())));
                            return;
                        }
                        if ev.button() != 0 { return; }
                        gesture.set(Some(match tool.get_untracked() {
                            Tool::Box => Gesture::Box(p, p),
                            Tool::Lasso => Gesture::Lasso(vec![p]),
                            Tool::Pan => Gesture::Pan(p),
                        }));
                    }
                    on:pointermove=move |ev| {
                        let Some(p) = local(ev.client_x() as f64, ev.client_y() as f64) else { return };
                        pointers.update_value(|ps| ps.iter_mut().filter(|q| q.0 == ev.pointer_id()).for_each(|q| q.1 = p));
                        match gesture.get_untracked() {
                            None => {
                                let h = hit_move(p);
                                if hovered.get_untracked() != h { hovered.set(h); }
                            }
                            Some(Gesture::Box(a, _)) => gesture.set(Some(Gesture::Box(a, p))),
                            Some(Gesture::Lasso(_)) => gesture.update(|g| if let Some(Gesture::Lasso(path)) = g {
                                // A point per 2 CSS pixels is detail enough and keeps the polygon short.
                                if path.last().is_none_or(|q| (q.0 - p.0).abs() + (q.1 - p.1).abs() >= 2.0) { path.push(p); }
                            }),
                            Some(Gesture::Pan(last)) => {
                                let (x0, y0) = to_map(last);
                                let (x1, y1) = to_map(p);
                                let v = view.get_untracked();
                                view.set(MapView::new(v.cx - (x1 - x0), v.cy - (y1 - y0), v.zoom));
                                gesture.set(Some(Gesture::Pan(p)));
                            }
                            Some(Gesture::Pinch(d0)) => {
                                let two = pointers.with_value(|ps| (ps.len() == 2).then(|| (ps[0].1, ps[1].1)));
                                if let Some((a, b)) = two {
                                    let d = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
                                    if d0 > 0.0 && d > 0.0 {
                                        zoom_by(d / d0, Some(((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0)));
                                        gesture.set(Some(Gesture::Pinch(d)));
                                    }
                                }
                            }
                        }
                    }
                    on:pointerup=move |ev| {
                        pointers.update_value(|ps| ps.retain(|q| q.0 != ev.pointer_id()));
                        let Some(g) = gesture.get_untracked() else { return };
                        gesture.set(None);
                        let Some(p) = local(ev.client_x() as f64, ev.client_y() as f64) else { return };
                        match g {
                            Gesture::Box(a, _) => finish_up(Gesture::Box(a, p)),
                            Gesture::Lasso(mut path) => { path.push(p); finish_up(Gesture::Lasso(path)) }
                            Gesture::Pan(_) | Gesture::Pinch(_) => dragged.set(true),
                        }
                    }
                    on:pointercancel=move |ev| {
                        pointers.update_value(|ps| ps.retain(|q| q.0 != ev.pointer_id()));
                        cancel();
                    }
                    on:pointerleave=move |_| hovered.set(None)
                    on:wheel=move |ev| {
                        // Ctrl + wheel (and a trackpad pinch, which the browser sends as one)
                        // zooms; a plain wheel keeps scrolling the page.
                        if !(ev.ctrl_key() || ev.meta_key()) { return; }
                        ev.prevent_default();
                        let at = local(ev.client_x() as f64, ev.client_y() as f64);
                        zoom_by((-ev.delta_y() * 0.002).exp(), at);
                    }
                    on:keydown=move |ev| {
                        let v = view.get_untracked();
                        let next = match ev.key().as_str() {
                            "+" | "=" => v.zoom_at(2.0, v.cx, v.cy),
                            "-" | "_" => v.zoom_at(0.5, v.cx, v.cy),
                            "0" => MapView::FULL,
                            "ArrowLeft" => v.pan(-0.25, 0.0),
                            "ArrowRight" => v.pan(0.25, 0.0),
                            "ArrowUp" => v.pan(0.0, 0.25),
                            "ArrowDown" => v.pan(0.0, -0.25),
                            "Escape" => { cancel(); return; }
                            _ => return,
                        };
                        ev.prevent_default();
                        view.set(next);
                    }
                    on:click=move |ev| {
                        if dragged.get_untracked() {
                            dragged.set(false);
                            return;
                        }
                        let Some(p) = local(ev.client_x() as f64, ev.client_y() as f64) else { return };
                        if let Some(i) = hit_click(p) {
                            if let Some((id, _)) = prompt(i) { on_open(id); }
                        }
                    }></canvas>
                <svg class="map-overlay" aria-hidden="true">{overlay}</svg>
            </div>
            {tip}
        </figure>
    }
}
