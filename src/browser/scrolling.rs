//! Scrolling a claim into view, gently unless the reader asked for less motion.

use web_sys::Element;

use crate::core::popover_position::PopoverPosition;

/// Scrolls `element` to the middle of the view: smoothly, or at once when the reader's system
/// asks for reduced motion.
pub fn scroll_to_middle(element: &Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    let behavior = if prefers_reduced_motion() {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    };
    options.set_behavior(behavior);
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|window| {
            window
                .match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|query| query.matches())
}

/// Page coordinates (from the document's top-left corner) of the viewport point `(x, y)`.
pub fn page_position(x: f64, y: f64) -> PopoverPosition {
    let (scroll_x, scroll_y) = web_sys::window().map_or((0.0, 0.0), |window| {
        (
            window.scroll_x().unwrap_or(0.0),
            window.scroll_y().unwrap_or(0.0),
        )
    });
    PopoverPosition {
        left: x + scroll_x,
        top: y + scroll_y,
    }
}

/// Page coordinates just below `rect` (a viewport rectangle): where a popover about it opens.
pub fn popover_position_below(rect: &web_sys::DomRect) -> PopoverPosition {
    page_position(rect.left(), rect.bottom() + 6.0)
}
