//! The widget's home inside the element it is mounted on: an open shadow root, so the host's
//! CSS cannot reach the widget and the widget's CSS cannot reach the host, with the widget's
//! constructed stylesheet adopted into it, or the loaded stylesheet link of a copy prerendered
//! into it taken over instead ([`super::prerendered_copy::take_over_loaded_stylesheet`]).
//!
//! Invariants:
//! - The host element's own children and attributes are left as they were; everything the
//!   widget draws is inside the shadow root (an element that already has an open shadow root,
//!   such as `<claim-annotator>`, keeps it and the widget is added to it).
//! - The shadow root is open, so a page's own tests and tools can look inside.

use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRoot};

use super::prerendered_copy::take_over_loaded_stylesheet;
use super::widget_stylesheet::adopt_widget_styles;

/// Where one mounted widget renders.
pub struct WidgetHome {
    pub shadow_root: ShadowRoot,
    /// The element Yew renders into; removed when the widget is destroyed.
    pub container: Element,
    /// The prerendered copy's stylesheet link, when it styles the widget in place of an adopted
    /// sheet; removed when the widget is destroyed.
    pub stylesheet_link: Option<Element>,
}

impl WidgetHome {
    /// Takes the widget out of the shadow root: its container, and the stylesheet link it took
    /// over from a prerendered copy.
    pub fn remove(&self) {
        self.container.remove();
        if let Some(link) = &self.stylesheet_link {
            link.remove();
        }
    }
}

pub fn prepare_widget_home(host: &Element) -> Result<WidgetHome, String> {
    let shadow_root = match host.shadow_root() {
        Some(root) => root,
        None => host
            .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
            .map_err(|_| {
                format!(
                    "Claim Annotator cannot be mounted on a <{}> element: use a <div> or <claim-annotator>.",
                    host.tag_name().to_ascii_lowercase()
                )
            })?,
    };
    let stylesheet_link = take_over_loaded_stylesheet(&shadow_root);
    if stylesheet_link.is_none() {
        adopt_widget_styles(&shadow_root).map_err(|_| {
            "Claim Annotator needs constructed stylesheets, which this browser lacks.".to_string()
        })?;
    }
    let document = host
        .owner_document()
        .ok_or_else(|| "The element is not in a document.".to_string())?;
    let container = document
        .create_element("div")
        .map_err(|_| "Could not create the widget's container.".to_string())?;
    container.set_class_name("ca-mount");
    shadow_root
        .append_child(container.unchecked_ref())
        .map_err(|_| "Could not add the widget to the element.".to_string())?;
    Ok(WidgetHome {
        shadow_root,
        container,
        stylesheet_link,
    })
}
