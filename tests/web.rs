//! Browser tests of the web app, run by wasm-bindgen-test in headless chromium:
//! `cargo test -p arena-lens-web --target wasm32-unknown-unknown` (see scripts/test.sh).
#![cfg(target_arch = "wasm32")]

use arena_lens_web::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Resolves after `ms` milliseconds; the router renders after a tick.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

#[wasm_bindgen_test]
async fn app_mounts_and_renders_home_route() {
    let container: web_sys::HtmlElement = document()
        .create_element("div")
        .unwrap()
        .dyn_into()
        .unwrap();
    document().body().unwrap().append_child(&container).unwrap();

    let handle = leptos::mount::mount_to(container.clone(), App);
    sleep(20).await;

    let app = container
        .query_selector("[data-testid=\"app\"]")
        .unwrap()
        .expect("the app renders an element with data-testid=\"app\"");
    let text = app.text_content().unwrap_or_default();
    assert!(text.contains("arena-lens"), "app text: {text}");
    assert!(container
        .query_selector("[data-testid=\"not-found\"]")
        .unwrap()
        .is_none());

    drop(handle);
    container.remove();
}
