//! Opening your own files: a folder picker, a file picker, and drag and drop of files or a folder
//! (`ui::drop`, shared with the diff's second run). Files are read in the browser and never leave it.
//! Two links open the other demo data sets: the synthetic Chatbot Arena battle log and the synthetic
//! MT-Bench set.

use crate::data::DataContext;
use crate::loader::{file_list, read_local_at, relative_path, start_load};
use crate::ui::drop;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The synthetic Chatbot Arena log beside the Arena-Hard demo (`data/demo-arena/`).
const ARENA_DEMO_LINK: &str = "?data=data/demo-arena/";
/// The synthetic MT-Bench llm_judge folder (`data/demo-mt-bench/`).
const MT_BENCH_DEMO_LINK: &str = "?data=data/demo-mt-bench/";

#[component]
pub fn DataPicker() -> impl IntoView {
    let ctx = expect_context::<DataContext>();
    let dragging = RwSignal::new(false);
    let folder: NodeRef<leptos::html::Input> = NodeRef::new();
    // `webkitdirectory` has no typed attribute in Leptos; set it on the element once it exists.
    Effect::new(move |_| {
        if let Some(el) = folder.get() {
            let _ = el.set_attribute("webkitdirectory", "");
        }
    });
    let on_input = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = ev.target().expect("target").unchecked_into();
        let files: Vec<(String, web_sys::File)> = file_list(input.files())
            .into_iter()
            .map(|f| (relative_path(&f), f))
            .collect();
        if files.is_empty() {
            return;
        }
        let label = format!("local files ({})", files.len());
        start_load(ctx, label, move |progress| async move {
            read_local_at(files, progress).await
        });
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        dragging.set(false);
        let dropped = drop::take(&ev);
        if dropped.is_empty() {
            return;
        }
        start_load(ctx, "dropped files".into(), move |progress| async move {
            read_local_at(dropped.files().await?, progress).await
        });
    };
    view! {
        <div
            class="picker"
            class:dragging=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
            data-testid="data-picker"
        >
            <label class="button">
                "Open folder…"
                <input type="file" class="visually-hidden" multiple=true node_ref=folder
                    data-testid="folder-input" on:change=on_input />
            </label>
            <label class="button secondary">
                "Open files…"
                <input type="file" class="visually-hidden" accept=".jsonl,.json,.csv,.parquet" multiple=true
                    data-testid="files-input" on:change=on_input />
            </label>
            <span class="privacy">"or drop files here · read in your browser, nothing is uploaded"</span>
            // The other demo data sets (scripts/build.sh writes them): a full page load with its
            // `data=`, as any shared link; `rel="external"` keeps the router from intercepting.
            <a href=ARENA_DEMO_LINK rel="external" data-testid="demo-arena-link">
                "Demo: a Chatbot Arena battle log"
            </a>
            <a href=MT_BENCH_DEMO_LINK rel="external" data-testid="demo-mt-bench-link">
                "Demo: an MT-Bench set"
            </a>
        </div>
    }
}
