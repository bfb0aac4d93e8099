//! What the browser tests share: running a piece of JavaScript in the test's page, and waiting
//! on the page's own timer. Included by path (`#[path = "support/page_scripts.rs"]`) in each
//! browser test file, each of which uses what it needs.
#![allow(dead_code)]

use wasm_bindgen::JsValue;

/// Runs `body` as a function in the test's page and returns what it returns.
pub fn run_js(body: &str) -> JsValue {
    js_sys::Function::new_no_args(body)
        .call0(&JsValue::NULL)
        .expect("script runs")
}

/// Waits `milliseconds` on the page's timer, so the page's own tasks run meanwhile.
pub async fn sleep(milliseconds: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, milliseconds)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
