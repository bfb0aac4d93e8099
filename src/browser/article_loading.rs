//! Fetching an article's text from a URL served beside the page.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::article::decode_article_bytes;
use crate::core::locale::Locale;

/// The article's text, or a sentence for the reader saying why it could not be loaded.
pub async fn fetch_article_text(url: &str, locale: &Locale) -> Result<String, String> {
    let text = &locale.text;
    let cannot_load =
        |why: &str| locale.fill(&text.article_cannot_load, &[("url", url), ("reason", why)]);
    let response = JsFuture::from(crate::browser::started_requests::fetch_file(url))
        .await
        .map_err(|_| cannot_load(&text.load_network_failed))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| cannot_load(&text.load_network_failed))?;
    if !response.ok() {
        let status = format!("{} {}", response.status(), response.status_text());
        return Err(cannot_load(
            &locale.fill(&text.load_server_answered, &[("status", status.trim())]),
        ));
    }
    let buffer_promise = response
        .array_buffer()
        .map_err(|_| cannot_load(&text.load_body_unreadable))?;
    let buffer = JsFuture::from(buffer_promise)
        .await
        .map_err(|_| cannot_load(&text.load_body_unreadable))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    decode_article_bytes(&bytes).map_err(|error| {
        locale.fill(
            &text.article_cannot_show,
            &[("url", url), ("reason", &error.message(locale))],
        )
    })
}

/// Where the seed article is in the widget's own files: `article.txt` beside `pkg/`, found
/// from the glue's address as the language tables are.
pub fn seed_article_url() -> String {
    let base = crate::browser::web_api_bindings::claim_annotator_module_url();
    web_sys::Url::new_with_base("../../../article.txt", &base)
        .map(|url| url.href())
        .unwrap_or_else(|_| "article.txt".to_string())
}

/// `url` resolved against the page's address, for the article's identity in exports.
pub fn absolute_url(url: &str) -> String {
    web_sys::window()
        .and_then(|window| window.location().href().ok())
        .and_then(|base| web_sys::Url::new_with_base(url, &base).ok())
        .map(|resolved| resolved.href())
        .unwrap_or_else(|| url.to_string())
}
