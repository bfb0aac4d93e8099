//! Bindings for the few web APIs the widget needs that web-sys lacks or keeps behind its
//! unstable flag: the CSS Custom Highlight API, `Selection.getComposedRanges` (selections inside
//! a shadow root) and `Element.checkVisibility`. Declared here, narrowly, instead of turning on
//! every unstable web-sys API for the whole build. Also the widget's one snippet of its own
//! JavaScript: its module's address, whether a stylesheet link loaded, and the requests a page
//! started for the widget's files (`browser::started_requests`).
//!
//! Invariant: every binding that a browser may lack is reached through a function here that
//! checks for it first and returns `None`, so an older browser gets the fallback (overlay boxes,
//! `getRangeAt`, computed styles), never an exception.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// One small module of our own JavaScript (wasm-bindgen writes it under
// `<package>/snippets/<crate>/`), for what one line of JavaScript does in one call where
// web-sys would take several imports. `scripts/shrink-glue.mjs` moves it into the glue and
// deletes its file (a request of its own, made only after the glue had arrived, was on the
// start's path), so it must stay one-line exported functions with no imports: the build stops
// otherwise.
#[wasm_bindgen(
    inline_js = "export function claim_annotator_module_url() { return import.meta.url; }
export function claim_annotator_sheet_has_rules(element) { try { return element.sheet.cssRules.length > 0; } catch (_) { return false; } }
export function claim_annotator_keep_requests(requests) { if (Object(requests) !== requests || !Object.values(requests).every((response) => response instanceof Promise)) return false; const started = claim_annotator_fetch.started ??= new Map(); for (const [url, response] of Object.entries(requests)) { let key; try { key = new URL(url, document.baseURI).href; } catch (_) { continue; } started.set(key, [...(started.get(key) ?? []), response]); } return true; }
export function claim_annotator_fetch(url) { let key; try { key = new URL(url, document.baseURI).href; } catch (_) { return fetch(url); } return claim_annotator_fetch.started?.get(key)?.shift() ?? fetch(url); }"
)]
extern "C" {
    /// Keeps `requests` (`{ [url]: Promise<Response> }`, see `browser::started_requests`) for
    /// [`fetch_file`], by absolute address, in a property of that function: the glue's own,
    /// nothing of the page's. Two widgets' requests for one address are both kept, each for
    /// one fetch. False, keeping nothing, when `requests` is not such an object.
    #[wasm_bindgen(js_name = claim_annotator_keep_requests)]
    pub(crate) fn keep_started_requests(requests: &JsValue) -> bool;

    /// The started request for `url` (matched by absolute address), taken so it is used once;
    /// else `fetch(url)`. Never throws: a bad address gives a rejected promise.
    #[wasm_bindgen(js_name = claim_annotator_fetch)]
    pub(crate) fn fetch_file(url: &str) -> js_sys::Promise;

    /// The address the snippet module had (the glue computes the same one): the widget's
    /// files are found relative to it.
    pub(crate) fn claim_annotator_module_url() -> String;

    /// Whether `element` is a stylesheet link whose sheet loaded with rules in it. Chromium
    /// gives a link whose request failed an empty sheet, so a sheet alone does not say it
    /// loaded; a sheet from another origin hides its rules (it throws), and counts as not
    /// loaded; any other element has no sheet.
    #[wasm_bindgen(js_name = claim_annotator_sheet_has_rules)]
    pub(crate) fn stylesheet_has_rules(element: &web_sys::Element) -> bool;
}

#[wasm_bindgen]
extern "C" {
    /// A set of ranges painted by the `::highlight(name)` rules of the document's stylesheets.
    #[wasm_bindgen(js_name = Highlight)]
    pub type Highlight;

    #[wasm_bindgen(constructor, catch)]
    pub fn new() -> Result<Highlight, JsValue>;

    #[wasm_bindgen(method)]
    pub fn add(this: &Highlight, range: &web_sys::Range);

    #[wasm_bindgen(method, js_name = delete)]
    pub fn remove(this: &Highlight, range: &web_sys::Range) -> bool;

    #[wasm_bindgen(method, setter)]
    pub fn set_priority(this: &Highlight, priority: i32);

    /// `CSS.highlights`.
    pub type HighlightRegistry;

    #[wasm_bindgen(method, js_name = get)]
    fn get_raw(this: &HighlightRegistry, name: &str) -> JsValue;

    #[wasm_bindgen(method)]
    pub fn set(this: &HighlightRegistry, name: &str, highlight: &Highlight);
}

/// Calls `object.name(argument)`, when `object` has such a method.
fn call_method(object: &JsValue, name: &str, argument: &JsValue) -> Option<JsValue> {
    let method: js_sys::Function = js_sys::Reflect::get(object, &name.into())
        .ok()?
        .dyn_into()
        .ok()?;
    method.call1(object, argument).ok()
}

impl HighlightRegistry {
    pub fn get(&self, name: &str) -> Option<Highlight> {
        let found = self.get_raw(name);
        (!found.is_undefined()).then(|| found.unchecked_into())
    }
}

/// `CSS.highlights`, when this browser has the Custom Highlight API.
pub fn highlight_registry() -> Option<HighlightRegistry> {
    let css = js_sys::Reflect::get(&js_sys::global(), &"CSS".into()).ok()?;
    let registry = js_sys::Reflect::get(&css, &"highlights".into()).ok()?;
    let has_constructor =
        js_sys::Reflect::has(&js_sys::global(), &"Highlight".into()).unwrap_or(false);
    (registry.is_object() && has_constructor).then(|| registry.unchecked_into())
}

/// The selection's first range as static points, seeing into `shadow_roots`; `None` when the
/// browser has no `getComposedRanges` (the caller falls back to `getRangeAt`).
pub fn composed_range(
    selection: &web_sys::Selection,
    shadow_roots: &[web_sys::ShadowRoot],
) -> Option<Option<web_sys::StaticRange>> {
    let options = js_sys::Object::new();
    let roots: js_sys::Array = shadow_roots.iter().collect();
    js_sys::Reflect::set(&options, &"shadowRoots".into(), &roots).ok()?;
    let ranges: js_sys::Array = call_method(selection, "getComposedRanges", &options)?
        .dyn_into()
        .ok()?;
    Some(ranges.get(0).dyn_into().ok())
}

/// Whether `element` is rendered (not `display: none`, not `visibility: hidden`, not inside
/// `content-visibility: hidden`); `None` when the browser cannot tell this way.
pub fn is_rendered(element: &web_sys::Element) -> Option<bool> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"visibilityProperty".into(), &true.into()).ok()?;
    call_method(element, "checkVisibility", &options)?.as_bool()
}
