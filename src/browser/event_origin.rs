//! Where an event really started. A listener on the document sees events from inside a shadow
//! root retargeted to the shadow host; the first entry of `composedPath()` is the node the
//! reader actually touched (open shadow roots only, which is what the widget uses).

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, Node};

pub fn event_origin(event: &Event) -> Option<Node> {
    event
        .composed_path()
        .get(0)
        .dyn_into::<Node>()
        .ok()
        .or_else(|| event.target()?.dyn_into::<Node>().ok())
}

/// Whether the event started inside any of `elements`.
pub fn event_started_inside(event: &Event, elements: &[Element]) -> bool {
    event_origin(event).is_some_and(|origin| {
        elements
            .iter()
            .any(|element| element.contains(Some(&origin)))
    })
}

/// Whether the event started in a text field, which keeps its own keys (undo, digits).
pub fn event_started_in_text_field(event: &Event) -> bool {
    event_origin(event)
        .and_then(|origin| origin.dyn_into::<Element>().ok())
        .is_some_and(|element| {
            matches!(element.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT")
                || element.has_attribute("contenteditable")
        })
}

/// The element that has focus, looking into open shadow roots (the document only sees their
/// hosts).
pub fn deep_active_element() -> Option<web_sys::HtmlElement> {
    let mut active = web_sys::window()?.document()?.active_element()?;
    while let Some(inner) = active.shadow_root().and_then(|root| root.active_element()) {
        active = inner;
    }
    active.dyn_into().ok()
}
