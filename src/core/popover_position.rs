//! Where a popover (tag picker, claim editor, chooser) is drawn.

/// Page coordinates (CSS pixels from the document's top-left corner) of a popover's top-left
/// corner. Popovers live in the browser's top layer, so neither the host page's overflow nor
/// its stacking order can hide them, and document coordinates make them scroll with the text
/// they belong to.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PopoverPosition {
    pub left: f64,
    pub top: f64,
}
