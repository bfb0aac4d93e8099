//! Showing a popover (tag picker, claim editor, chooser) beside the words it is about.
//!
//! Popovers are `popover="manual"` elements shown in the browser's top layer, so no host page's
//! `overflow: hidden` or stacking order can hide them, and they are placed in document
//! coordinates through CSSOM (`style.setProperty`), never through a `style` attribute, which a
//! strict Content-Security-Policy would refuse.

use web_sys::HtmlElement;
use yew::prelude::*;

use super::effect_when_changed::{use_effect_when_changed, EffectDeps, Teardown};

use crate::browser::highlight_painter::whole_pixels;
use crate::core::popover_position::PopoverPosition;

/// Keeps a popover this far from the window's right edge.
const EDGE_MARGIN: f64 = 8.0;

/// Shows the popover element `node` in the top layer at `at`, kept inside the window's width,
/// after the first render and whenever `at` changes. The element carries `popover="manual"`.
#[hook]
pub fn use_popover_placement(node: NodeRef, at: PopoverPosition) {
    {
        use_effect_when_changed(
            EffectDeps::new(at),
            Box::new(move || {
                if let Some(element) = node.cast::<HtmlElement>() {
                    if !element.matches(":popover-open").unwrap_or(true) {
                        let _ = element.show_popover();
                    }
                    let window = web_sys::window();
                    let right_edge = window.as_ref().map_or(f64::MAX, |window| {
                        let width = window
                            .inner_width()
                            .ok()
                            .and_then(|w| w.as_f64())
                            .unwrap_or(f64::MAX);
                        let scroll = window.scroll_x().unwrap_or(0.0);
                        scroll + width - EDGE_MARGIN
                    });
                    let width = f64::from(element.offset_width());
                    let left = at.left.min(right_edge - width).max(EDGE_MARGIN);
                    let style = element.style();
                    let _ = style.set_property("left", &whole_pixels(left));
                    let _ = style.set_property("top", &whole_pixels(at.top));
                }
                Teardown::NONE
            }),
        );
    }
}
