//! Fetching an article's text from a URL served beside the page.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::article::decode_article_bytes;

/// The article's text, or a sentence for the reader saying why it could not be loaded.
pub async fn fetch_article_text(url: &str) -> Result<String, String> {
    let cannot_load =
        |why: String| format!("The article at \u{201C}{url}\u{201D} could not be loaded: {why}.");
    let window = web_sys::window().ok_or_else(|| cannot_load("there is no window".into()))?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| cannot_load("the network request failed".into()))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| cannot_load("the answer was not a response".into()))?;
    if !response.ok() {
        return Err(cannot_load(format!(
            "the server answered {} {}",
            response.status(),
            response.status_text()
        )));
    }
    let buffer_promise = response
        .array_buffer()
        .map_err(|_| cannot_load("its body could not be read".into()))?;
    let buffer = JsFuture::from(buffer_promise)
        .await
        .map_err(|_| cannot_load("its body could not be read".into()))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    decode_article_bytes(&bytes).map_err(|error| {
        format!(
            "The article at \u{201C}{url}\u{201D} cannot be shown. {}",
            error.message()
        )
    })
}

/// `url` resolved against the page's address, for the article's identity in exports.
pub fn absolute_url(url: &str) -> String {
    web_sys::window()
        .and_then(|window| window.location().href().ok())
        .and_then(|base| web_sys::Url::new_with_base(url, &base).ok())
        .map(|resolved| resolved.href())
        .unwrap_or_else(|| url.to_string())
}
