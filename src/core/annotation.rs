//! One tagged claim: what was selected, how it is tagged, who makes it, and what the reader (or
//! a teacher) wrote about it.
//!
//! Invariants:
//! - `quote.exact` is always the text the annotation was made on (or last accepted by the
//!   reader); `range` is where that text is in the current article. Only
//!   [`AnchorStatus::Anchored`] is certain: the other states are listed for review, and an
//!   orphan keeps its last known range only so that nothing is lost; it is never drawn as a
//!   highlight.
//! - The free-text fields (note, speaker, explanation) are plain text, shown as text and never
//!   as HTML; an empty string means "none". [`TextField`] names them, so one action edits any.
//! - `responds_to` never names the annotation itself, but may name a claim that is not there
//!   (deleted, or not yet merged in from another tab): the link is kept so that undoing the
//!   deletion restores it. Readers of the link go through [`answered_claim`], which ignores a
//!   link to a claim that is not there; so does the UI.

use std::borrow::Borrow;
use std::cmp::Ordering;

use super::char_range::CharRange;
use super::selector::{describe_quote, TextQuoteSelector};
use super::sorting;
use super::source_text::SourceText;
use super::tag::Tag;

/// `Eq`, so that comparing two `Rc<Annotation>`s is a pointer comparison first (the reducer
/// shares unchanged annotations between states).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Annotation {
    /// A UUID, stable for the annotation's whole life (storage, export, merging).
    pub id: String,
    pub tag: Tag,
    pub quote: TextQuoteSelector,
    pub range: CharRange,
    /// The reader's note.
    pub note: String,
    /// Who makes the claim ("Zhao Lijian", "the letter"); empty when not named.
    pub speaker: String,
    /// A teacher's explanation of the claim, which students see after checking their work;
    /// empty when none.
    pub explanation: String,
    /// The id of the claim this one answers (a denial answering an allegation).
    pub responds_to: Option<String>,
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

/// The free-text fields of an annotation. They are edited alike (one action, one undo step per
/// typing pause), so the reducer and the editor name a field instead of having one action each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextField {
    Note,
    Speaker,
    Explanation,
}

impl TextField {
    /// The field's text on `annotation`.
    pub fn of(self, annotation: &Annotation) -> &str {
        match self {
            TextField::Note => &annotation.note,
            TextField::Speaker => &annotation.speaker,
            TextField::Explanation => &annotation.explanation,
        }
    }

    /// The field's text on `annotation`, to write.
    pub fn of_mut(self, annotation: &mut Annotation) -> &mut String {
        match self {
            TextField::Note => &mut annotation.note,
            TextField::Speaker => &mut annotation.speaker,
            TextField::Explanation => &mut annotation.explanation,
        }
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
            speaker: String::new(),
            explanation: String::new(),
            responds_to: None,
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
pub fn drawn_claims_covering<A: Borrow<Annotation>>(
    annotations: &[A],
    position: usize,
) -> Vec<&Annotation> {
    let mut covering: Vec<&Annotation> = annotations
        .iter()
        .map(Borrow::borrow)
        .filter(|annotation| {
            annotation.is_drawn()
                && annotation.range.start <= position
                && position < annotation.range.end
        })
        .collect();
    sorting::sort_by_key(&mut covering, |annotation| {
        std::cmp::Reverse(annotation.range.start)
    });
    covering
}

/// The claim `annotation` answers, when it is among `annotations`. A link to a claim that is not
/// there (deleted, or never merged in) gives `None`: it is kept as it is (stored, exported,
/// restored by undo), but the UI and the CSV show nothing for it.
pub fn answered_claim<'a, A: Borrow<Annotation>>(
    annotations: &'a [A],
    annotation: &Annotation,
) -> Option<&'a Annotation> {
    let target = annotation.responds_to.as_deref()?;
    annotations
        .iter()
        .map(Borrow::borrow)
        .find(|other| other.id == target && other.id != annotation.id)
}

/// Reading order: by start, then end, then creation time (and id, so the order is total). The
/// order of the reducer's list, of the panel, and of what is stored.
pub fn sort_in_reading_order<A: Borrow<Annotation>>(annotations: &mut [A]) {
    sorting::sort_by(annotations, |a, b| reading_order(a.borrow(), b.borrow()));
}

/// The order [`sort_in_reading_order`] sorts in; total (ids are unique).
pub fn reading_order(a: &Annotation, b: &Annotation) -> Ordering {
    (a.range.start, a.range.end, a.created_ms, &a.id).cmp(&(
        b.range.start,
        b.range.end,
        b.created_ms,
        &b.id,
    ))
}
