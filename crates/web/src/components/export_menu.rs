//! "Export ▾": one menu for every table and chart of the site. A table offers CSV, JSON and
//! Markdown (and LaTeX when the core's table offers it: the leaderboard and the diff); a chart
//! offers SVG, drawn by the same plotters function as its canvas into an SVG string, and PNG, read
//! from the canvas itself. A chart the page shows as DOM (the clusters heatmap, treemap and
//! dendrogram, whose cells are buttons) is [`Exportable::drawn`]: its plotters function draws the SVG
//! and, for PNG, an offscreen canvas ([`png_of`]).
//!
//! Everything is built in the browser from the values on screen, when the reader picks a format:
//! the page hands over a closure that builds the core's [`Table`] (or SVG), and the download is a
//! Blob behind an object URL clicked through a temporary `<a download>`, the URL revoked afterwards.
//! Nothing is uploaded. The header of every export comes from [`provenance`]: the data's source
//! and today's date from the browser's clock (the core has none).
//!
//! Adding a table is one line where it is shown:
//! `<ExportMenu what=Exportable::table(move || Some(build())) name="stem" label="…" testid="…" />`.
//!
//! The menu is a `<details>` disclosure (not an ARIA menu, which promises arrow-key navigation):
//! its summary is a focusable button (Enter or Space opens it), the items are buttons reached with
//! Tab, Escape closes it and returns focus to the summary.

use arena_lens_core::export::{self, Format, Provenance, Table};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Builds the table to export, from the values on screen (`None`: nothing to export yet).
pub type MakeTable = Arc<dyn Fn() -> Option<Table> + Send + Sync>;
/// Draws the chart into an SVG document.
pub type MakeSvg = Arc<dyn Fn() -> Option<String> + Send + Sync>;

/// Draws the chart onto an offscreen canvas and returns its PNG as a data URL.
pub type MakePng = Arc<dyn Fn() -> Option<String> + Send + Sync>;

/// What a menu exports.
#[derive(Clone)]
pub enum Exportable {
    Table(MakeTable),
    /// A canvas chart: SVG from its drawing function, PNG from the canvas.
    Chart {
        svg: MakeSvg,
        canvas: NodeRef<leptos::html::Canvas>,
    },
    /// A chart shown as DOM: SVG and PNG both from its plotters function.
    Drawn {
        svg: MakeSvg,
        png: MakePng,
    },
}

impl Exportable {
    pub fn table(make: impl Fn() -> Option<Table> + Send + Sync + 'static) -> Exportable {
        Exportable::Table(Arc::new(make))
    }
    pub fn chart(
        canvas: NodeRef<leptos::html::Canvas>,
        svg: impl Fn() -> Option<String> + Send + Sync + 'static,
    ) -> Exportable {
        Exportable::Chart {
            svg: Arc::new(svg),
            canvas,
        }
    }
    pub fn drawn(
        svg: impl Fn() -> Option<String> + Send + Sync + 'static,
        png: impl Fn() -> Option<String> + Send + Sync + 'static,
    ) -> Exportable {
        Exportable::Drawn {
            svg: Arc::new(svg),
            png: Arc::new(png),
        }
    }
}

/// The header's data and date: the page's data source and today's date (UTC, as the CLI's).
pub fn provenance(source: &str) -> Provenance {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    Provenance {
        data: source.to_string(),
        date: iso.chars().take(10).collect(),
    }
}

/// One item of the menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Item {
    Table(Format),
    Svg,
    Png,
}

impl Item {
    fn label(self) -> &'static str {
        match self {
            Item::Table(f) => f.label(),
            Item::Svg => "SVG",
            Item::Png => "PNG",
        }
    }
    fn key(self) -> &'static str {
        match self {
            Item::Table(f) => f.as_str(),
            Item::Svg => "svg",
            Item::Png => "png",
        }
    }
}

/// The menu. `name`: the file name's stem; `label`: what is exported, for the accessible name.
#[component]
pub fn ExportMenu(
    what: Exportable,
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    testid: &'static str,
) -> impl IntoView {
    let details: NodeRef<leptos::html::Details> = NodeRef::new();
    let summary: NodeRef<leptos::html::Summary> = NodeRef::new();
    let status = RwSignal::new(String::new());
    let items: Vec<Item> = match &what {
        // LaTeX only where the core's table offers it; the check builds the table once, untracked.
        Exportable::Table(make) => {
            let latex = untrack(|| make().is_some_and(|t| t.has_latex()));
            Format::ALL
                .into_iter()
                .filter(|f| *f != Format::Latex || latex)
                .map(Item::Table)
                .collect()
        }
        Exportable::Chart { .. } | Exportable::Drawn { .. } => vec![Item::Svg, Item::Png],
    };
    let close = move |focus: bool| {
        if let Some(d) = details.get_untracked() {
            d.set_open(false);
        }
        if focus {
            if let Some(s) = summary.get_untracked() {
                let _ = s.focus();
            }
        }
    };
    let choose = {
        let name = name.clone();
        move |item: Item| {
            let done = run(&what, &name, item);
            status.set(match done {
                Ok(file) => format!("Saved {file}"),
                Err(e) => format!("Export failed: {e}"),
            });
            close(true);
        }
    };
    let buttons = items
        .into_iter()
        .map(|item| {
            let choose = choose.clone();
            view! {
                <li>
                    <button type="button" data-testid=format!("{testid}-{}", item.key())
                        on:click=move |_| choose(item)>
                        {item.label()}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="export">
            <details class="export-menu" node_ref=details data-testid=testid
                on:keydown=move |ev| if ev.key() == "Escape" { close(true) }>
                <summary class="button" node_ref=summary aria-label=format!("Export {label}")>"Export"<span aria-hidden="true">" ▾"</span></summary>
                <ul aria-label=format!("Export {label} as")>{buttons}</ul>
            </details>
            <span class="export-status" role="status" aria-live="polite">{move || status.get()}</span>
        </div>
    }
}

/// Builds and downloads one export; the file name, or why not.
fn run(what: &Exportable, name: &str, item: Item) -> Result<String, String> {
    match (what, item) {
        (Exportable::Table(make), Item::Table(f)) => {
            let t = make().ok_or("nothing to export yet")?;
            let text = export::render(&t, f).map_err(|e| e.to_string())?;
            let file = export::file_name(name, f.extension());
            download_text(&file, f.mime(), &text)?;
            Ok(file)
        }
        (Exportable::Chart { svg, .. } | Exportable::Drawn { svg, .. }, Item::Svg) => {
            let text = svg().ok_or("the chart could not be drawn")?;
            let file = export::file_name(name, "svg");
            download_text(&file, "image/svg+xml", &text)?;
            Ok(file)
        }
        (Exportable::Chart { canvas, .. }, Item::Png) => {
            let el = canvas.get_untracked().ok_or("the chart is not on screen")?;
            let url = el
                .to_data_url_with_type("image/png")
                .map_err(|_| "the canvas could not be read")?;
            let file = export::file_name(name, "png");
            click_link(&url, &file)?;
            Ok(file)
        }
        (Exportable::Drawn { png, .. }, Item::Png) => {
            let url = png().ok_or("the chart could not be drawn")?;
            let file = export::file_name(name, "png");
            click_link(&url, &file)?;
            Ok(file)
        }
        _ => Err("this export does not apply here".into()),
    }
}

/// Saves `text` as a file: a Blob, an object URL, a click on `<a download>`, then the URL revoked.
fn download_text(file: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag)
        .map_err(|_| "the browser refused the file")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the browser refused the file")?;
    let clicked = click_link(&url, file);
    // Revoked once the click has handed the file to the browser's download.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(2),
    );
    clicked
}

/// Clicks a temporary `<a href download>`, so the browser saves the target under `file`.
fn click_link(href: &str, file: &str) -> Result<(), String> {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(|_| "no link")?
        .dyn_into()
        .map_err(|_| "no link")?;
    a.set_href(href);
    a.set_download(file);
    let body = doc.body().ok_or("no body")?;
    let _ = body.append_child(&a);
    a.click();
    a.remove();
    Ok(())
}

/// Draws a chart with `draw` into an SVG document of `size` pixels (the same chart function the
/// canvas uses, on plotters' SVG backend).
pub fn svg_of(
    size: (u32, u32),
    draw: impl FnOnce(
        &plotters::drawing::DrawingArea<plotters::backend::SVGBackend<'_>, plotters::coord::Shift>,
    ) -> bool,
) -> Option<String> {
    use plotters::prelude::IntoDrawingArea;
    let mut s = String::new();
    {
        let root = plotters::backend::SVGBackend::with_string(&mut s, size).into_drawing_area();
        if !draw(&root) {
            return None;
        }
        root.present().ok()?;
    }
    Some(s)
}

/// Draws a chart with `draw` onto an offscreen canvas of `size` bitmap pixels (never added to the
/// page) and returns the PNG as a data URL: the PNG of a chart the page shows as DOM.
pub fn png_of(
    size: (u32, u32),
    draw: impl FnOnce(
        &plotters::drawing::DrawingArea<plotters_canvas::CanvasBackend, plotters::coord::Shift>,
    ) -> bool,
) -> Option<String> {
    use plotters::prelude::IntoDrawingArea;
    let canvas: web_sys::HtmlCanvasElement = web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    canvas.set_width(size.0);
    canvas.set_height(size.1);
    let root =
        plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone())?.into_drawing_area();
    if !draw(&root) {
        return None;
    }
    root.present().ok()?;
    canvas.to_data_url_with_type("image/png").ok()
}

/// The size an SVG export is drawn at: the canvas's laid-out width in CSS pixels (800 before layout), at least 280.
pub fn canvas_width(canvas: NodeRef<leptos::html::Canvas>) -> u32 {
    canvas
        .get_untracked()
        .map(|c| c.client_width())
        .filter(|w| *w > 0)
        .unwrap_or(800)
        .max(280) as u32
}
