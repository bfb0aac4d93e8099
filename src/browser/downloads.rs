//! Offering data to the reader as a file download, with no server: a Blob, an object URL and
//! a temporary link.

use wasm_bindgen::JsCast;

/// Starts a download of `contents` named `file_name`; `false` when the browser refused.
pub fn offer_download(file_name: &str, mime_type: &str, contents: &str) -> bool {
    try_offer(file_name, mime_type, contents).is_some()
}

fn try_offer(file_name: &str, mime_type: &str, contents: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime_type);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // Revoked later, not at once: the download reads the URL after this returns.
    gloo::timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Some(())
}
