//! Telling the host page about claims: bubbling `CustomEvent`s on the widget's element, each
//! carrying one claim as W3C Web Annotation JSON, so a site can count, sync or log them.

use web_sys::Element;

/// The events' names, for the README and the TypeScript declarations.
pub const CLAIM_ADDED: &str = "claim-added";
pub const CLAIM_CHANGED: &str = "claim-changed";
pub const CLAIM_REMOVED: &str = "claim-removed";

/// Dispatches `name` on `host` with the annotation `w3c_json` (a JSON text) as its detail. The
/// event bubbles and is composed, so it also reaches listeners above a shadow root.
pub fn dispatch_claim_event(host: &Element, name: &str, w3c_json: &str) {
    let Ok(detail) = js_sys::JSON::parse(w3c_json) else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}
