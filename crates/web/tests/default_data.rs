//! The site's default data in the browser: the demo on the plain page, the data a bundle's
//! `<meta name="arena-lens-data">` names otherwise (what `arena-lens bundle` writes).
#![cfg(target_arch = "wasm32")]

use arena_lens_core::manifest::DATA_META;
use arena_lens_web::data::DEMO_DATA;
use arena_lens_web::default_data::default_data;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_demo_without_a_tag_and_the_tagged_data_with_one() {
    let document = web_sys::window().unwrap().document().unwrap();
    assert_eq!(
        default_data(),
        (DEMO_DATA.to_string(), "demo (synthetic)".to_string())
    );
    let tag = document.create_element("meta").unwrap();
    tag.set_attribute("name", DATA_META).unwrap();
    tag.set_attribute("content", " data/ ").unwrap();
    document
        .query_selector("head")
        .unwrap()
        .unwrap()
        .append_child(&tag)
        .unwrap();
    assert_eq!(default_data(), ("data/".to_string(), "data/".to_string()));
    // An empty tag is no tag: the demo again.
    tag.set_attribute("content", "").unwrap();
    assert_eq!(default_data().0, DEMO_DATA);
    tag.remove();
}
