//! The identity of the page a story is annotated on: its `rel=canonical` URL when it declares
//! one, else its address without query and fragment. It names the story for storage (so the
//! same article keeps its claims whatever tracking parameters a link carried) and is the W3C
//! `source` of every exported claim.

use wasm_bindgen::JsCast;

/// The canonical URL, or origin and path; `None` without a window.
pub fn page_identity() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let canonical = document
        .query_selector("link[rel~=canonical][href]")
        .ok()
        .flatten()
        .and_then(|link| link.dyn_into::<web_sys::HtmlLinkElement>().ok())
        .map(|link| link.href())
        .filter(|href| !href.is_empty());
    if canonical.is_some() {
        return canonical;
    }
    let location = document.location()?;
    Some(format!(
        "{}{}",
        location.origin().ok()?,
        location.pathname().ok()?
    ))
}
