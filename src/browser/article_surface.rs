//! One annotator, two surfaces. The annotator does not care where the article is drawn: in the
//! widget's own copy (inside its shadow root, rendered by `ui::article_view`), or in a story the
//! host page already shows in its own HTML. Both are reached through [`ArticleSurface`]: the
//! reader's selection as code points, code points back to the DOM, painting, and hit-testing.
//!
//! Invariants:
//! - Positions are code points of the surface's source text (the file's text for the own copy,
//!   the host element's text for a story in place); DOM ranges and UTF-16 offsets never leave
//!   an implementation.
//! - No implementation changes the host page's DOM.

pub mod host_story;
pub mod own_copy;

use web_sys::{DomRect, Element};

use crate::core::annotation::Annotation;
use crate::core::char_range::CharRange;

pub trait ArticleSurface {
    /// The element whose pointer and key events can make or touch a selection.
    fn event_target(&self) -> Element;

    /// Whether this widget answers the reader's selections and clicks here (on a story shared
    /// by several widgets, only one does).
    fn takes_selections(&self) -> bool {
        true
    }

    /// The reader's selection when it touches the article, as a code-point range (not yet
    /// snapped to words) and where it is on screen.
    fn selection(&self) -> Option<(CharRange, DomRect)>;

    /// Makes the browser's selection show `range`; returns where it is on screen.
    fn select(&self, range: CharRange) -> Option<DomRect>;

    /// Where the start of `range` is on screen, scrolling it into view first when asked.
    fn reveal(&self, range: CharRange, scroll: bool) -> Option<DomRect>;

    /// Draws the highlights of the claims that are drawn. The own copy draws them as part of
    /// rendering the article, so painting there does nothing.
    fn paint(&self, annotations: &[Annotation], flashing: Option<&str>);

    /// The drawn claims under the point `(x, y)` (viewport coordinates), innermost first, with
    /// the box of the highlight under the point (the editor opens just below it, clear of the
    /// claim's words); `None` when no claim is there.
    fn claims_at_point(&self, x: f64, y: f64, annotations: &[Annotation]) -> Option<PointedClaims>;
}

/// What a click landed on.
pub struct PointedClaims {
    pub ids: Vec<String>,
    pub highlight: DomRect,
}

/// Whether the viewport point `(x, y)` is inside `rect`.
pub fn rect_contains(rect: &DomRect, x: f64, y: f64) -> bool {
    rect.left() <= x && x <= rect.right() && rect.top() <= y && y <= rect.bottom()
}
