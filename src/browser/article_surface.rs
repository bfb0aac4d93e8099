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

use std::rc::Rc;

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

    /// Draws the highlights of the claims that are drawn, and the marks of the moment (a flash,
    /// the keyboard's reading cursor and selection). The own copy draws them as part of
    /// rendering the article, so painting there does nothing.
    fn paint(&self, annotations: &[Rc<Annotation>], marks: &PaintMarks);

    /// The text position under the point `(x, y)` (viewport coordinates), if it is on the
    /// article's text: where a tap asks for "Select this sentence".
    fn position_at_point(&self, x: f64, y: f64) -> Option<usize>;

    /// The drawn claims under the point `(x, y)` (viewport coordinates), innermost first, with
    /// the box of the highlight under the point (the editor opens just below it, clear of the
    /// claim's words); `None` when no claim is there.
    fn claims_at_point(
        &self,
        x: f64,
        y: f64,
        annotations: &[Rc<Annotation>],
    ) -> Option<PointedClaims>;
}

/// What is drawn over the text besides the claims.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PaintMarks {
    /// The claim just chosen in the panel.
    pub flashing: Option<String>,
    /// The keyboard's reading cursor (a word).
    pub cursor: Option<CharRange>,
    /// The keyboard's selection, when it spans more than the cursor.
    pub selecting: Option<CharRange>,
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

/// The DOM point under `(x, y)`, seeing into `shadow_root` when given (where the browser can:
/// `caretPositionFromPoint` with its `shadowRoots` option, else without it).
pub fn caret_at_point(
    element: &Element,
    shadow_root: Option<&web_sys::ShadowRoot>,
    x: f64,
    y: f64,
) -> Option<(web_sys::Node, u32)> {
    use wasm_bindgen::JsCast;
    let document = element.owner_document()?;
    let function: js_sys::Function =
        js_sys::Reflect::get(&document, &"caretPositionFromPoint".into())
            .ok()?
            .dyn_into()
            .ok()?;
    let options = js_sys::Object::new();
    if let Some(root) = shadow_root {
        let roots = js_sys::Array::of1(root);
        js_sys::Reflect::set(&options, &"shadowRoots".into(), &roots).ok()?;
    }
    let caret = function
        .call3(&document, &x.into(), &y.into(), &options)
        .ok()?
        .dyn_into::<web_sys::CaretPosition>()
        .ok()?;
    Some((caret.offset_node()?, caret.offset()))
}
