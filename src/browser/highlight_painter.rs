//! Painting highlights over a story in the host page without changing the host's DOM.
//!
//! Where the browser has the CSS Custom Highlight API, each claim's DOM range is added to a
//! named `Highlight` (`ca-allegation`, `ca-denial`, `ca-demand`, `ca-other`, `ca-review`,
//! `ca-flash`) and painted by the `::highlight()` rules the widget adopts into the document
//! ([`super::widget_stylesheet`]). Elsewhere an overlay of positioned boxes, inside the widget's
//! own shadow root, is drawn over the text.
//!
//! Invariants:
//! - The host's DOM is never touched: highlights are `Range`s in a registry, overlay boxes live
//!   in our shadow root.
//! - Several widgets may share a page and a registry: each removes exactly the ranges it added,
//!   never another widget's.
//! - Every tag has a cue that is not colour: its underline style (solid, dashed, double, dotted)
//!   in both the highlights and the overlay.
//! - The overlay layer is the shadow root's first child: boxes are placed from the layer's
//!   position, which the panel after it cannot move by growing.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::{Element, Range};

use super::web_api_bindings::{highlight_registry, Highlight, HighlightRegistry};

/// One range to paint, with the names it is painted with (a tag's, and `review` or `flash`).
pub struct PaintedRange {
    pub range: Range,
    pub names: Vec<&'static str>,
}

pub enum HighlightPainter {
    CustomHighlights {
        registry: HighlightRegistry,
        painted: RefCell<Vec<(Highlight, Range)>>,
    },
    OverlayBoxes {
        layer: Element,
    },
}

/// Later names are drawn over earlier ones where ranges overlap.
const PRIORITIES: [(&str, i32); 8] = [
    ("other", 1),
    ("allegation", 2),
    ("denial", 2),
    ("demand", 2),
    ("review", 3),
    ("flash", 4),
    ("selecting", 5),
    ("cursor", 6),
];

impl HighlightPainter {
    /// The Custom Highlight API when the browser has it (and `force_overlay` is false), else
    /// an overlay layer appended to `overlay_parent`.
    pub fn new(overlay_parent: &web_sys::Node, force_overlay: bool) -> Option<HighlightPainter> {
        if let Some(registry) = highlight_registry().filter(|_| !force_overlay) {
            return Some(HighlightPainter::CustomHighlights {
                registry,
                painted: RefCell::default(),
            });
        }
        let document = web_sys::window()?.document()?;
        let layer = document.create_element("div").ok()?;
        layer.set_class_name("ca-overlay");
        layer.set_attribute("aria-hidden", "true").ok()?;
        // First in the shadow root, before the panel: the boxes are placed from the layer's
        // own position, which then does not move when the panel grows after they were drawn
        // (its list takes a change a frame after the highlights, `ui::claims_panel`).
        overlay_parent
            .insert_before(&layer, overlay_parent.first_child().as_ref())
            .ok()?;
        Some(HighlightPainter::OverlayBoxes { layer })
    }

    pub fn uses_overlay(&self) -> bool {
        matches!(self, HighlightPainter::OverlayBoxes { .. })
    }

    /// Replaces what this painter drew with `ranges`.
    pub fn paint(&self, ranges: &[PaintedRange]) {
        self.clear();
        match self {
            HighlightPainter::CustomHighlights { registry, painted } => {
                let mut painted = painted.borrow_mut();
                for item in ranges {
                    for name in &item.names {
                        if let Some(highlight) = highlight_named(registry, name) {
                            highlight.add(&item.range);
                            painted.push((highlight, item.range.clone()));
                        }
                    }
                }
            }
            HighlightPainter::OverlayBoxes { layer } => draw_boxes(layer, ranges),
        }
    }

    /// Removes everything this painter drew, and nothing else.
    pub fn clear(&self) {
        match self {
            HighlightPainter::CustomHighlights { painted, .. } => {
                for (highlight, range) in painted.borrow_mut().drain(..) {
                    highlight.remove(&range);
                }
            }
            HighlightPainter::OverlayBoxes { layer } => layer.set_text_content(None),
        }
    }

    /// Removes the overlay layer itself (the widget is going away).
    pub fn detach(&self) {
        self.clear();
        if let HighlightPainter::OverlayBoxes { layer } = self {
            layer.remove();
        }
    }
}

/// The shared highlight called `ca-<name>`, created and registered by the first widget that
/// needs it.
fn highlight_named(registry: &HighlightRegistry, name: &str) -> Option<Highlight> {
    let key = format!("ca-{name}");
    if let Some(existing) = registry.get(&key) {
        return Some(existing);
    }
    let highlight = Highlight::new().ok()?;
    let priority = PRIORITIES
        .iter()
        .find(|(known, _)| *known == name)
        .map_or(0, |(_, priority)| *priority);
    highlight.set_priority(priority);
    registry.set(&key, &highlight);
    Some(highlight)
}

/// One box per line box of each range, placed relative to the layer's own position, so the
/// layer works wherever the host put the widget.
fn draw_boxes(layer: &Element, ranges: &[PaintedRange]) {
    let Some(document) = layer.owner_document() else {
        return;
    };
    let origin = layer.get_bounding_client_rect();
    for item in ranges {
        let Some(rects) = item.range.get_client_rects() else {
            continue;
        };
        for index in 0..rects.length() {
            let Some(rect) = rects.item(index) else {
                continue;
            };
            if rect.width() < 1.0 || rect.height() < 1.0 {
                continue;
            }
            let Ok(element) = document.create_element("div") else {
                continue;
            };
            let classes: Vec<String> = item
                .names
                .iter()
                .map(|name| format!("ca-box-{name}"))
                .collect();
            element.set_class_name(&format!("ca-box {}", classes.join(" ")));
            let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() else {
                continue;
            };
            let style = element.style();
            for (property, value) in [
                ("left", rect.left() - origin.left()),
                ("top", rect.top() - origin.top()),
                ("width", rect.width()),
                ("height", rect.height()),
            ] {
                let _ = style.set_property(property, &whole_pixels(value));
            }
            let _ = layer.append_child(&element);
        }
    }
}

/// Whole pixels as text without formatting a float (which would add kilobytes to the wasm).
pub fn whole_pixels(value: f64) -> String {
    format!("{}px", value.round() as i64)
}
