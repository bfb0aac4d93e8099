//! One tagged claim: what was selected, how it is tagged, and what the reader wrote about it.
//!
//! Invariant: `quote.exact` is always the text the annotation was made on (or last accepted by
//! the reader); `range` is where that text is in the current article. Only
//! [`AnchorStatus::Anchored`] is certain: the other states are listed for review, and an orphan
//! keeps its last known range only so that nothing is lost; it is never drawn as a highlight.

use super::char_range::CharRange;
use super::selector::{describe_quote, TextQuoteSelector};
use super::source_text::SourceText;
use super::tag::Tag;

#[derive(Clone, Debug, PartialEq)]
pub struct Annotation {
    /// A UUID, stable for the annotation's whole life (storage, export, merging).
    pub id: String,
    pub tag: Tag,
    pub quote: TextQuoteSelector,
    pub range: CharRange,
    /// Plain text, shown as text and never as HTML.
    pub note: String,
    pub created_ms: i64,
    pub modified_ms: i64,
    pub anchor: AnchorStatus,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnchorStatus {
    /// The quote's words were found at `range` with confidence.
    Anchored,
    /// The words were found at `range`, but the evidence is weak (moved far, surroundings
    /// changed, or several equally likely places): drawn, and listed for review.
    Doubtful,
    /// The text at `range` differs from the quote (a correction inside it): drawn, and flagged
    /// until the reader accepts the new wording.
    Changed,
    /// The words could not be found: kept, listed for review, not drawn.
    Orphan,
}

impl AnchorStatus {
    pub fn is_drawn(self) -> bool {
        self != AnchorStatus::Orphan
    }

    pub fn needs_review(self) -> bool {
        self != AnchorStatus::Anchored
    }
}

impl Annotation {
    /// A new annotation on `range` of `text`, created now.
    pub fn describe(
        text: &SourceText,
        range: CharRange,
        tag: Tag,
        id: String,
        now_ms: i64,
    ) -> Annotation {
        Annotation {
            id,
            tag,
            quote: describe_quote(text, range),
            range,
            note: String::new(),
            created_ms: now_ms,
            modified_ms: now_ms,
            anchor: AnchorStatus::Anchored,
        }
    }

    pub fn is_drawn(&self) -> bool {
        self.anchor.is_drawn()
    }
}

/// The drawn claims covering `position`, innermost (latest start) first: what a click there
/// opens.
pub fn drawn_claims_covering(annotations: &[Annotation], position: usize) -> Vec<&Annotation> {
    let mut covering: Vec<&Annotation> = annotations
        .iter()
        .filter(|annotation| {
            annotation.is_drawn()
                && annotation.range.start <= position
                && position < annotation.range.end
        })
        .collect();
    covering.sort_by_key(|annotation| std::cmp::Reverse(annotation.range.start));
    covering
}

/// Reading order: by start, then end, then creation time (and id, so the order is total). The
/// order of the reducer's list, of the panel, and of what is stored.
pub fn sort_in_reading_order(annotations: &mut [Annotation]) {
    annotations.sort_by(|a, b| {
        (a.range.start, a.range.end, a.created_ms, &a.id).cmp(&(
            b.range.start,
            b.range.end,
            b.created_ms,
            &b.id,
        ))
    });
}
