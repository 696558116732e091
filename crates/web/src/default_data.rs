//! The data the site opens when the link names none (no `data=`): the one place that decides it.
//!
//! A published bundle (`arena-lens bundle`) names its data in its `index.html` with
//! `<meta name="arena-lens-data" content="data/">` (the name is the core's `manifest::DATA_META`,
//! shared with the CLI that writes it). Without that tag, as on the plain site, it is the synthetic
//! demo beside the page. A tag in the page, unlike a `bundle.json` fetched first, costs no request
//! and cannot fail on its own. The URL is resolved against `<base href>` like any `data=`.

use crate::data::DEMO_DATA;
use arena_lens_core::manifest::DATA_META;

/// The default data as (URL, label shown in the load status).
pub fn default_data() -> (String, String) {
    match page_data() {
        Some(url) => (url.clone(), url),
        None => (DEMO_DATA.to_string(), "demo (synthetic)".to_string()),
    }
}

/// The `content` of the page's data tag, when it has a non-empty one.
fn page_data() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let tag = document
        .query_selector(&format!("meta[name=\"{DATA_META}\"]"))
        .ok()??;
    let url = tag.get_attribute("content")?;
    let url = url.trim();
    (!url.is_empty()).then(|| url.to_string())
}
