//! The reader's selection, wherever it lives: in the host page's own DOM (a story annotated in
//! place) or inside the widget's shadow root (its own copy of the article).
//!
//! `getRangeAt` cannot see into a shadow root (the range is moved out to the host), so a
//! selection inside the widget is read with `getComposedRanges`, naming our shadow root. Setting
//! the selection uses `setBaseAndExtent`, which accepts nodes in a shadow tree.
//!
//! Invariant: a collapsed selection counts as none, and nothing here changes the DOM.

use wasm_bindgen::JsCast;
use web_sys::{DomRect, Node, ShadowRoot};

use super::web_api_bindings::composed_range;

/// The two ends of the reader's selection, in document order.
#[derive(Clone, Debug)]
pub struct SelectionPoints {
    pub start: (Node, u32),
    pub end: (Node, u32),
}

impl SelectionPoints {
    /// Where the selection is on screen (its bounding box).
    pub fn rect(&self) -> Option<DomRect> {
        Some(self.to_range()?.get_bounding_client_rect())
    }

    pub fn to_range(&self) -> Option<web_sys::Range> {
        let range = self.start.0.owner_document()?.create_range().ok()?;
        range.set_start(&self.start.0, self.start.1).ok()?;
        range.set_end(&self.end.0, self.end.1).ok()?;
        Some(range)
    }
}

/// The shadow root `node` lives in, if any: where a composed selection must look.
pub fn shadow_root_of(node: &Node) -> Option<ShadowRoot> {
    node.get_root_node().dyn_into().ok()
}

/// The reader's selection, seeing into `shadow_root` when given; `None` when there is no
/// selection or it is collapsed.
pub fn current_selection(shadow_root: Option<&ShadowRoot>) -> Option<SelectionPoints> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.range_count() == 0 {
        return None;
    }
    let roots: Vec<ShadowRoot> = shadow_root.into_iter().cloned().collect();
    let points = match composed_range(&selection, &roots) {
        Some(range) => {
            let range = range?;
            SelectionPoints {
                start: (range.start_container(), range.start_offset()),
                end: (range.end_container(), range.end_offset()),
            }
        }
        None => {
            let range = selection.get_range_at(0).ok()?;
            SelectionPoints {
                start: (range.start_container().ok()?, range.start_offset().ok()?),
                end: (range.end_container().ok()?, range.end_offset().ok()?),
            }
        }
    };
    let collapsed =
        points.start.0.is_same_node(Some(&points.end.0)) && points.start.1 == points.end.1;
    (!collapsed).then_some(points)
}

/// Makes the browser's selection run from `start` to `end`.
pub fn set_selection(start: (&Node, u32), end: (&Node, u32)) -> Option<()> {
    let selection = web_sys::window()?.get_selection().ok()??;
    selection
        .set_base_and_extent(start.0, start.1, end.0, end.1)
        .ok()
}

/// Removes the reader's selection, once it has become an annotation.
pub fn clear_selection() {
    if let Some(selection) =
        web_sys::window().and_then(|window| window.get_selection().ok().flatten())
    {
        let _ = selection.remove_all_ranges();
    }
}
