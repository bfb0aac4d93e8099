//! A widget prerendered into the page at build time (`examples/prerender.rs`, a declarative
//! shadow root in the `<claim-annotator>` element) shows the article before any WebAssembly
//! has run. The live widget renders beside it, hidden, and takes its place once it has its
//! article.
//!
//! Invariants:
//! - In every frame the reader sees exactly one copy of the widget: the live container keeps
//!   the `hidden` attribute until the swap, and the swap (the prerendered copy removed, with its
//!   stylesheet link unless the live widget took that over; the live container shown) runs in
//!   one animation-frame callback, after Yew has finished rendering and before that frame's
//!   style, layout and paint.
//! - Whatever the reader had selected in the prerendered article is selected again, by code
//!   points, in the live one (both mark their runs with `data-ca-start`/`data-ca-end`).
//! - The copy's stylesheet link, once the browser has loaded it, is the live widget's
//!   stylesheet too ([`take_over_loaded_stylesheet`]): it stays when the copy goes, and the
//!   live widget adopts no sheet of its own. A link still loading, failed or from another origin
//!   is left to go with the copy, and the live widget adopts its own sheet as without a
//!   prerendered copy.
//! - A shadow root without a prerendered copy changes nothing: nothing is hidden, nothing waits.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRoot};

use super::dom_text_position::{select_char_range, selected_char_range};
use super::web_api_bindings::stylesheet_has_rules;

/// What marks the prerendered copy and its stylesheet link in the shadow root.
pub const PRERENDERED_ATTRIBUTE: &str = "data-ca-prerendered";

/// Takes over the prerendered copy's stylesheet link if the browser has loaded it: the link
/// loses its prerendered mark (so the swap keeps it) and is returned, for the live widget to
/// remove when it is destroyed. `None`, and nothing changed, when there is no such link or its
/// sheet has no rules to show (still loading, failed, or from another origin).
///
/// Why: the link's file is the widget's own stylesheet (`examples/prerender.rs` writes it from
/// the same text). Building and adopting that text again parsed 11 KB of CSS on the start's
/// critical path and restyled the whole shadow root twice: once when the sheet was adopted,
/// with the prerendered copy in it, and again when the swap removed the link.
pub fn take_over_loaded_stylesheet(shadow_root: &ShadowRoot) -> Option<Element> {
    let link = prerendered_nodes(shadow_root)
        .into_iter()
        .find(stylesheet_has_rules)?;
    link.remove_attribute(PRERENDERED_ATTRIBUTE).ok()?;
    Some(link)
}

/// The live widget waiting to replace a prerendered copy. Clones share one swap.
#[derive(Clone)]
pub struct PrerenderedHandoff(Rc<Handoff>);

struct Handoff {
    shadow_root: ShadowRoot,
    live: Element,
    swapped: Cell<bool>,
}

impl PartialEq for PrerenderedHandoff {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for PrerenderedHandoff {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("PrerenderedHandoff")
    }
}

/// Hides `live` when `shadow_root` holds a prerendered copy, and returns the handoff that
/// shows it; `None` (and nothing hidden) when there is no prerendered copy.
pub fn hide_live_until_ready(
    shadow_root: &ShadowRoot,
    live: &Element,
) -> Option<PrerenderedHandoff> {
    if prerendered_nodes(shadow_root).is_empty() {
        return None;
    }
    live.set_attribute("hidden", "").ok()?;
    Some(PrerenderedHandoff(Rc::new(Handoff {
        shadow_root: shadow_root.clone(),
        live: live.clone(),
        swapped: Cell::new(false),
    })))
}

impl PrerenderedHandoff {
    /// Swaps the prerendered copy for the live widget at the next animation frame (once; later
    /// calls do nothing). Called when the live widget has its article, or a message instead.
    pub fn swap_at_next_frame(&self) {
        if self.0.swapped.replace(true) {
            return;
        }
        let handoff = self.0.clone();
        let at_frame = Closure::once_into_js(move || swap(&handoff));
        match web_sys::window() {
            Some(window) => {
                if window
                    .request_animation_frame(at_frame.unchecked_ref())
                    .is_err()
                {
                    self::swap(&self.0);
                }
            }
            None => self::swap(&self.0),
        }
    }
}

fn swap(handoff: &Handoff) {
    let prerendered = prerendered_nodes(&handoff.shadow_root);
    let selected = prerendered
        .iter()
        .find_map(|node| selected_char_range(node))
        .map(|(range, _)| range);
    for node in prerendered {
        node.remove();
    }
    let _ = handoff.live.remove_attribute("hidden");
    if let Some(range) = selected {
        select_char_range(&handoff.live, range);
    }
}

/// The shadow root's children that came with the prerendered copy.
fn prerendered_nodes(shadow_root: &ShadowRoot) -> Vec<Element> {
    let children = shadow_root.child_nodes();
    (0..children.length())
        .filter_map(|index| children.item(index))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .filter(|element| element.has_attribute(PRERENDERED_ATTRIBUTE))
        .collect()
}
