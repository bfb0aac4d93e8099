//! Where a popover (tag picker, claim editor, chooser) is drawn inside the widget.

/// Pixels from the widget's top-left corner; the widget is the popovers' positioned ancestor,
/// so they scroll with the article and never depend on the host page's layout.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PopoverPosition {
    pub left: f64,
    pub top: f64,
}

impl PopoverPosition {
    /// Whole pixels, formatted as integers: float formatting would add kilobytes to the wasm.
    pub fn style(&self) -> String {
        format!(
            "left:{}px;top:{}px",
            self.left.round() as i64,
            self.top.round() as i64
        )
    }
}
