//! The reader's language, and its table of messages fetched from the widget's own files
//! (`i18n/<code>.json` beside `pkg/` and `app/`); English is built in and needs no request.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::locale::Locale;

/// The reader's languages as the browser lists them, most wanted first.
pub fn browser_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|window| window.navigator()) else {
        return Vec::new();
    };
    let mut languages: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|language| language.as_string())
        .collect();
    if let Some(language) = navigator.language() {
        languages.push(language);
    }
    languages
}

/// The locale of the language `code`, its table fetched from the widget's own files; `None`
/// when it cannot be had (the caller falls back to English, which is built in).
pub async fn load_locale(code: &str) -> Option<Locale> {
    let base = super::web_api_bindings::claim_annotator_module_url();
    let url = web_sys::Url::new_with_base(&format!("../../../i18n/{code}.json"), &base)
        .ok()?
        .href();
    let response: web_sys::Response = JsFuture::from(super::started_requests::fetch_file(&url))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    Locale::from_table(code, &text).ok()
}
