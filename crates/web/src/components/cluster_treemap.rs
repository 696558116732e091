//! The hierarchy as a treemap: categories, then their groups, each sized by its number of prompts and
//! coloured by the chosen model's win rate (or by its difference from a second model). Clicking a
//! category zooms into it (kept in the URL); clicking a group opens its prompts.
//!
//! The layout ([`layout`]) is computed once for both the page's SVG and the exported picture
//! ("Export", the charts crate's `draw_treemap`), so the two show the same tiles.

use crate::components::export_menu::{png_of, svg_of, ExportMenu, Exportable};
use crate::ui::{SetView, Shared};
use crate::url_state::use_view_state;
use arena_lens_charts::palette::{diverging, ink_on_rgb};
use arena_lens_charts::treemap::Frame;
use arena_lens_charts::{draw_treemap, short, TreemapData, TreemapSpec, TreemapTile};
use arena_lens_core::cluster::groups::Groups;
use arena_lens_core::cluster::perf::Perf;
use arena_lens_core::treemap::{squarify, Rect};
use arena_lens_core::view_state::keys::clusters as key;
use leptos::prelude::*;
use std::collections::BTreeMap;

const W: f64 = 1000.0;
const H: f64 = 560.0;
const HEAD: f64 = 22.0;

pub fn treemap(
    perf: Shared<Perf>,
    groups: Shared<Groups>,
    model: Memo<Option<String>>,
    model2: Memo<Option<String>>,
    set: impl SetView,
    on_open: impl Fn(Option<String>, String) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let (perf_out, groups_out) = (perf.clone(), groups.clone());
    let view = use_view_state();
    let zoom = Memo::new(move |_| view.with(|v| v.extra(key::ZOOM).map(str::to_string)));
    let set_out = set.clone();
    let body = move || {
        let (m, m2) = (model.get(), model2.get());
        let z = zoom.get();
        let zoomed = z.is_some();
        layout(&perf, &groups, m.as_ref(), m2.as_ref(), z.as_ref())
            .into_iter()
            .map(|cat| {
                let r = cat.r;
                let cat_name = cat.name.clone();
                let set = set.clone();
                let tiles = cat
                    .tiles
                    .into_iter()
                    .map(|tile| {
                        let (g, n, t, v) = (tile.group, tile.n, tile.r, tile.value);
                        let (fill, ink) = match v {
                            Some((_, x)) => {
                                let (cr, cg, cb) = diverging(x);
                                (format!("rgb({cr},{cg},{cb})"), ink_on_rgb((cr, cg, cb)))
                            }
                            None => ("#e5e7eb".to_string(), "#111827"),
                        };
                        let text = value_text(v, m2.is_some());
                        let chars = ((t.w - 8.0) / 7.0).max(0.0) as usize;
                        let show = t.w > 46.0 && t.h > 30.0;
                        let open = on_open.clone();
                        let (g1, mm) = (g.clone(), m.clone());
                        let title = format!("{g}: {n} prompts{}", if text.is_empty() { String::new() } else { format!(", {text}") });
                        // The accessible name starts with the text shown (name, value), so speech
                        // input finds the tile; a cut name is followed by the full one.
                        let name = short(&g, chars.max(4));
                        let named = if !show || name == g { g.clone() } else { format!("{name} ({g})") };
                        let aria = format!("{named}{}, {n} prompts", if text.is_empty() { String::new() } else { format!(" {text}") });
                        view! {
                            <g class="tile" data-cluster=g.clone() role="button" tabindex="0" aria-label=aria
                                on:click=move |_| open(mm.clone(), g1.clone())>
                                <title>{title}</title>
                                <rect x=t.x y=t.y width=t.w.max(0.0) height=t.h.max(0.0) rx="3" fill=fill></rect>
                                {show.then(|| view! {
                                    <text x=t.x + 5.0 y=t.y + 15.0 fill=ink class="tile-name">{name}</text>
                                    // Not drawn: keeps name and value two words in the text content.
                                    " "
                                    <text x=t.x + 5.0 y=t.y + 29.0 fill=ink class="tile-value">{text.clone()}</text>
                                })}
                            </g>
                        }
                    })
                    .collect_view();
                let cat_label = cat_label(&cat_name, cat.n, zoomed);
                // As for tiles: the accessible name starts with the (possibly cut) text shown.
                let cat_shown = short(&cat_label, ((r.w - 10.0) / 8.0).max(4.0) as usize);
                let cat_aria = if cat_shown == cat_label { cat_label.clone() } else { format!("{cat_shown} ({cat_label})") };
                let head = cat.head;
                view! {
                    <g class="category" data-category=cat_name.clone()>
                        {head.then(|| {
                            let c = cat_name.clone();
                            view! {
                                <g class="cat-head" role="button" tabindex="0" aria-label=cat_aria.clone()
                                    on:click=move |_| set(&|s| s.set_extra(key::ZOOM, (!zoomed).then(|| c.clone())))>
                                    <rect x=r.x y=r.y width=r.w.max(0.0) height=HEAD - 2.0 rx="3"></rect>
                                    <text x=r.x + 6.0 y=r.y + 15.0>{cat_shown.clone()}</text>
                                </g>
                            }
                        })}
                        {tiles}
                    </g>
                }
            })
            .collect_view()
    };
    let caption = move || caption_of(model.get().as_deref(), model2.get().as_deref());
    let export = {
        let (perf, groups) = (perf_out, groups_out);
        let picture = move || {
            let (m, m2, z) = (
                model.get_untracked(),
                model2.get_untracked(),
                zoom.get_untracked(),
            );
            let cats = layout(&perf, &groups, m.as_ref(), m2.as_ref(), z.as_ref());
            (
                chart_data(&cats, m2.is_some()),
                caption_of(m.as_deref(), m2.as_deref()),
            )
        };
        let picture2 = picture.clone();
        let spec = |caption: String, font_px: u32| TreemapSpec {
            title: "Groups sized by prompts".into(),
            caption,
            font_px,
        };
        let svg = move || {
            let (data, caption) = picture();
            svg_of((W as u32, H as u32 + 60), |root| {
                draw_treemap(root, &data, &spec(caption, 12)).is_ok()
            })
        };
        let png = move || {
            let (data, caption) = picture2();
            png_of((2 * W as u32, 2 * H as u32 + 120), |root| {
                draw_treemap(root, &data, &spec(caption, 24)).is_ok()
            })
        };
        view! {
            <ExportMenu what=Exportable::drawn(svg, png) name="clusters-treemap" label="treemap" testid="treemap-export" />
        }
    };
    view! {
        <p class="hint">{caption}</p>
        {move || zoom.get().map(|z| {
            let set = set_out.clone();
            view! {
                <p><button type="button" class="secondary" data-testid="zoom-out" on:click=move |_| set(&|s| s.set_extra(key::ZOOM, None))>
                    {format!("← All categories (zoomed into {z})")}
                </button></p>
            }
        })}
        <div class="table-tools">{export}</div>
        <div class="svg-wrap">
        <svg class="treemap" data-testid="treemap" viewBox=format!("0 0 {W} {H}") preserveAspectRatio="xMidYMid meet" role="group" aria-label="Treemap of categories and groups">
            {body}
        </svg>
        </div>
    }
}

/// One group's tile: its name, prompts, rectangle and (value shown, position on the colour scale).
struct TileLayout {
    group: String,
    n: usize,
    r: Rect,
    value: Option<(f64, f64)>,
}

/// One category: its name (empty: groups without a parent), total prompts, rectangle, whether it
/// has a head, and its tiles.
struct CatLayout {
    name: String,
    n: usize,
    r: Rect,
    head: bool,
    tiles: Vec<TileLayout>,
}

/// Categories → groups sized by prompts, squarified (the core's `treemap::squarify`) in a W × H
/// frame; each tile's value is `model`'s win rate, or its difference from `model2`'s.
fn layout(
    perf: &Perf,
    groups: &Groups,
    model: Option<&String>,
    model2: Option<&String>,
    zoom: Option<&String>,
) -> Vec<CatLayout> {
    let mut tree: BTreeMap<String, Vec<(String, usize)>> = BTreeMap::new();
    for g in &groups.order {
        let n = perf.by_group.get(g).map_or(0, |&i| perf.rows[i].n_prompts);
        if n == 0 {
            continue;
        }
        let parent = groups.parent.get(g).cloned().unwrap_or_default();
        tree.entry(parent).or_default().push((g.clone(), n));
    }
    if let Some(z) = zoom {
        tree.retain(|c, _| c == z);
    }
    let weights: Vec<f64> = tree
        .values()
        .map(|gs| gs.iter().map(|g| g.1 as f64).sum())
        .collect();
    let outer = squarify(
        &weights,
        Rect {
            x: 0.0,
            y: 0.0,
            w: W,
            h: H,
        },
    );
    let value = |g: &str| -> Option<(f64, f64)> {
        let a = perf.cell(g, model?)?;
        match model2 {
            Some(m2) => {
                let b = perf.cell(g, m2)?;
                let d = a.win_rate - b.win_rate;
                Some((d, d / 50.0))
            }
            None => Some((a.win_rate, (a.win_rate - 50.0) / 50.0)),
        }
    };
    tree.into_iter()
        .zip(outer)
        .map(|((cat, gs), r)| {
            let r = r.inset(1.5);
            let head = !cat.is_empty();
            let inner_r = Rect {
                y: r.y + if head { HEAD } else { 0.0 },
                h: (r.h - if head { HEAD } else { 0.0 }).max(0.0),
                ..r
            };
            let inner = squarify(&gs.iter().map(|g| g.1 as f64).collect::<Vec<_>>(), inner_r);
            CatLayout {
                n: gs.iter().map(|g| g.1).sum(),
                tiles: gs
                    .into_iter()
                    .zip(inner)
                    .map(|((g, n), t)| TileLayout {
                        value: value(&g),
                        group: g,
                        n,
                        r: t.inset(1.0),
                    })
                    .collect(),
                name: cat,
                r,
                head,
            }
        })
        .collect()
}

/// The value written on a tile: a win rate, or a difference in points.
fn value_text(v: Option<(f64, f64)>, diff: bool) -> String {
    match v {
        Some((x, _)) if diff => format!("{x:+.0}"),
        Some((x, _)) => format!("{x:.0}%"),
        None => String::new(),
    }
}

/// A category head's text.
fn cat_label(name: &str, n: usize, zoomed: bool) -> String {
    format!(
        "{name} ({n} prompts){}",
        if zoomed { "" } else { " — click to zoom in" }
    )
}

/// What size and colour mean.
fn caption_of(model: Option<&str>, model2: Option<&str>) -> String {
    match (model, model2) {
        (Some(a), Some(b)) => format!("Size: prompts. Colour: {a}'s win rate minus {b}'s, in points (blue: {a} better)."),
        (Some(a), None) => format!("Size: prompts. Colour: {a}'s win rate against the baseline (blue above 50%, red below)."),
        _ => "Size: prompts.".to_string(),
    }
}

/// The layout as the charts crate draws it (the picture has no zoom button, so heads name the
/// category and its prompts only).
fn chart_data(cats: &[CatLayout], diff: bool) -> TreemapData {
    let frame = |r: Rect| Frame {
        x: r.x,
        y: r.y,
        w: r.w,
        h: r.h,
    };
    TreemapData {
        width: W,
        height: H,
        heads: cats
            .iter()
            .filter(|c| c.head)
            .map(|c| {
                let label = cat_label(&c.name, c.n, true);
                (
                    frame(Rect {
                        h: HEAD - 2.0,
                        ..c.r
                    }),
                    label,
                )
            })
            .collect(),
        tiles: cats
            .iter()
            .flat_map(|c| &c.tiles)
            .map(|t| TreemapTile {
                at: frame(t.r),
                label: t.group.clone(),
                value: value_text(t.value, diff),
                fill: t.value.map(|(_, x)| diverging(x)),
            })
            .collect(),
    }
}
