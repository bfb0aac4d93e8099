//! What the article view draws over a run of text: a claim's tag, or, in the classroom, a
//! feedback category or how many students tagged a stretch. The view draws any of them the same
//! way: a class for colour and underline, and a label written after the run and read by screen
//! readers, so colour is never the only cue.
//!
//! Invariant: `class` is one of the widget's own `ca-` class names, never text from outside;
//! `label` is shown as text, never parsed.

use std::borrow::Borrow;

use super::annotation::Annotation;
use super::char_range::CharRange;
use super::locale::Locale;

#[derive(Clone, Debug, PartialEq)]
pub struct DrawnHighlight {
    /// The claim (or feedback item) a click or Enter on it opens.
    pub id: String,
    pub range: CharRange,
    /// The CSS class giving its colour and underline style, such as `ca-tag-denial`.
    pub class: &'static str,
    /// Its name, written after it: "Allegation", "Found", "3 students".
    pub label: String,
    /// Drawn hatched: its words changed, or its place is uncertain.
    pub flagged: bool,
}

/// The claims that are drawn, as highlights named by their tags in the reader's language.
pub fn claim_highlights<A: Borrow<Annotation>>(
    annotations: &[A],
    locale: &Locale,
) -> Vec<DrawnHighlight> {
    annotations
        .iter()
        .map(Borrow::borrow)
        .filter(|annotation| annotation.is_drawn())
        .map(|annotation| DrawnHighlight {
            id: annotation.id.clone(),
            range: annotation.range,
            class: annotation.tag.css_class(),
            label: locale.tag(&annotation.tag),
            flagged: annotation.anchor.needs_review(),
        })
        .collect()
}
