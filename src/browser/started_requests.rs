//! Requests for the widget's files that the page started before the wasm ran, and the one
//! place the widget fetches those files: the article (`articleUrl`, or the sample article) and
//! the language's table.
//!
//! Why: the widget can ask for them only once its wasm has arrived and started, one round trip
//! after the wasm, and the table before the article (the article's messages need the table). The
//! `<claim-annotator>` loader knows both addresses up front, so it asks for them together with
//! the wasm and hands `mount` the pending responses (`startedRequests`).
//!
//! Invariants:
//! - A started request is used at most once: a response's body can be read only once, so it is
//!   dropped when it is taken, and the next widget asks again. Two widgets that each started a
//!   request for one file each use one.
//! - Requests are matched by absolute address (resolved against the document's base, as
//!   `fetch` resolves them); an address with no started request is fetched as usual, so a
//!   loader that guessed wrong costs a request, never a wrong file.
//! - The list is kept by a few lines of JavaScript (`web_api_bindings`' snippet), not here:
//!   in Rust, reading the object and matching the addresses cost 1.2 KB gzip of wasm.

use wasm_bindgen::JsValue;

/// Keeps `requests` (`{ [url]: Promise<Response> }`) for [`fetch_file`]; false, keeping
/// nothing, when it is not such an object.
pub fn keep_started_requests(requests: &JsValue) -> bool {
    super::web_api_bindings::keep_started_requests(requests)
}

/// The pending response for `url`: the request a page started for it, else a new one.
pub fn fetch_file(url: &str) -> js_sys::Promise {
    super::web_api_bindings::fetch_file(url)
}
