//! Re-anchoring: after the article changed (or on every load), put each annotation back on its
//! words, and say how sure that is.
//!
//! Invariants:
//! - No annotation is ever dropped here: one whose words cannot be found becomes an orphan and
//!   keeps its quote, tag, note and last range.
//! - Only a confident match of the very same (normalised) words is [`AnchorStatus::Anchored`];
//!   changed words are [`AnchorStatus::Changed`], weak evidence [`AnchorStatus::Doubtful`].

use super::annotation::{AnchorStatus, Annotation};
use super::selector::{describe_position, match_quote, MatchableText, QuoteMatch, CONFIDENT_MATCH};
use super::source_text::SourceText;

/// Below this, a candidate is not trusted at all and the annotation becomes an orphan.
pub const ORPHAN_BELOW: f32 = 0.5;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReanchorSummary {
    /// Annotations whose range changed (to be saved back).
    pub moved: usize,
    /// Annotations that now need the reader's review (doubtful, changed or orphan).
    pub needing_review: usize,
}

pub fn anchor_status(found: Option<&QuoteMatch>) -> AnchorStatus {
    match found {
        Some(found) if found.confidence >= ORPHAN_BELOW => {
            if !found.text_matches {
                AnchorStatus::Changed
            } else if found.confidence >= CONFIDENT_MATCH {
                AnchorStatus::Anchored
            } else {
                AnchorStatus::Doubtful
            }
        }
        _ => AnchorStatus::Orphan,
    }
}

/// Re-anchors one annotation in place; returns whether its range moved.
pub fn reanchor(text: &MatchableText, annotation: &mut Annotation) -> bool {
    let found = match_quote(
        text,
        &annotation.quote,
        Some(describe_position(annotation.range)),
    );
    let status = anchor_status(found.as_ref());
    annotation.anchor = status;
    match found {
        Some(found) if status.is_drawn() && found.range != annotation.range => {
            annotation.range = found.range;
            true
        }
        _ => false,
    }
}

pub fn reanchor_all(text: &SourceText, annotations: &mut [Annotation]) -> ReanchorSummary {
    let matchable = MatchableText::new(text);
    let mut summary = ReanchorSummary::default();
    for annotation in annotations.iter_mut() {
        summary.moved += usize::from(reanchor(&matchable, annotation));
        summary.needing_review += usize::from(annotation.anchor.needs_review());
    }
    summary
}

#[cfg(test)]
mod tests;
