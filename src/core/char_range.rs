//! A half-open range of code points in an article's source text.
//!
//! Kept as its own tiny type so that a code-point range can never be confused with a byte or a
//! UTF-16 range: those only exist inside [`crate::core::source_text`] and the browser layer.

/// `start..end` in Unicode code points; `start <= end` always holds for ranges built by [`CharRange::new`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CharRange {
    pub start: usize,
    pub end: usize,
}

impl CharRange {
    /// Orders the two ends, so a backwards selection (focus before anchor) is still a valid range.
    pub fn new(a: usize, b: usize) -> Self {
        CharRange {
            start: a.min(b),
            end: a.max(b),
        }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when the two ranges share at least one code point.
    pub fn overlaps(&self, other: &CharRange) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The part of `self` inside `bounds`, or `None` when they share nothing.
    pub fn clamp_to(&self, bounds: &CharRange) -> Option<CharRange> {
        let start = self.start.max(bounds.start);
        let end = self.end.min(bounds.end);
        (start < end).then_some(CharRange { start, end })
    }
}
