//! The one reducer that owns an article's annotations.
//!
//! Every change a reader makes is an [`Action`] applied by [`AnnotationState::apply`]; the UI
//! wraps this in a thin `Reducible` and never edits annotations itself.
//!
//! Invariants:
//! - Annotations are kept in reading order (start, then end, then creation time).
//! - Ids are unique: adding an id that exists changes nothing.
//! - `revision` counts the reader's changes since the state was loaded, and only those: loading
//!   does not bump it, so the store only writes back what a reader actually changed.

use super::annotation::{AnchorStatus, Annotation};
use super::char_range::CharRange;
use super::selector::TextQuoteSelector;
use super::tag::Tag;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct AnnotationState {
    annotations: Vec<Annotation>,
    revision: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Replace everything with what storage held; not a reader's change.
    Load(Vec<Annotation>),
    Add(Annotation),
    Retag {
        id: String,
        tag: Tag,
        at_ms: i64,
    },
    SetNote {
        id: String,
        note: String,
        at_ms: i64,
    },
    Delete {
        id: String,
    },
    /// Puts an annotation on `range` with a freshly described quote: accepting a changed or
    /// doubtful anchor (same range), or re-attaching an orphan to a new selection.
    Reattach {
        id: String,
        range: CharRange,
        quote: TextQuoteSelector,
        at_ms: i64,
    },
}

impl AnnotationState {
    /// Applies `action`; returns whether anything changed.
    pub fn apply(&mut self, action: Action) -> bool {
        let changed = match action {
            Action::Load(mut annotations) => {
                let mut seen = std::collections::HashSet::new();
                annotations.retain(|annotation| seen.insert(annotation.id.clone()));
                sort_in_reading_order(&mut annotations);
                self.annotations = annotations;
                return true;
            }
            Action::Add(annotation) => {
                if self.get(&annotation.id).is_some() {
                    false
                } else {
                    self.annotations.push(annotation);
                    sort_in_reading_order(&mut self.annotations);
                    true
                }
            }
            Action::Retag { id, tag, at_ms } => self.edit(&id, at_ms, |annotation| {
                let changed = annotation.tag != tag;
                annotation.tag = tag;
                changed
            }),
            Action::SetNote { id, note, at_ms } => self.edit(&id, at_ms, |annotation| {
                let changed = annotation.note != note;
                annotation.note = note;
                changed
            }),
            Action::Reattach {
                id,
                range,
                quote,
                at_ms,
            } => {
                let changed = self.edit(&id, at_ms, |annotation| {
                    annotation.range = range;
                    annotation.quote = quote;
                    annotation.anchor = AnchorStatus::Anchored;
                    true
                });
                sort_in_reading_order(&mut self.annotations);
                changed
            }
            Action::Delete { id } => {
                let before = self.annotations.len();
                self.annotations.retain(|annotation| annotation.id != id);
                self.annotations.len() != before
            }
        };
        if changed {
            self.revision += 1;
        }
        changed
    }

    pub fn annotations(&self) -> &[Annotation] {
        &self.annotations
    }

    pub fn get(&self, id: &str) -> Option<&Annotation> {
        self.annotations
            .iter()
            .find(|annotation| annotation.id == id)
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// How many annotations carry each tag, in [`Tag::ALL`] order.
    pub fn count_by_tag(&self) -> [(Tag, usize); 3] {
        Tag::ALL.map(|tag| {
            (
                tag,
                self.annotations
                    .iter()
                    .filter(|annotation| annotation.tag == tag)
                    .count(),
            )
        })
    }

    fn edit(&mut self, id: &str, at_ms: i64, change: impl FnOnce(&mut Annotation) -> bool) -> bool {
        let Some(annotation) = self
            .annotations
            .iter_mut()
            .find(|annotation| annotation.id == id)
        else {
            return false;
        };
        let changed = change(annotation);
        if changed {
            annotation.modified_ms = annotation.modified_ms.max(at_ms);
        }
        changed
    }
}

fn sort_in_reading_order(annotations: &mut [Annotation]) {
    annotations.sort_by(|a, b| {
        (a.range.start, a.range.end, a.created_ms, &a.id).cmp(&(
            b.range.start,
            b.range.end,
            b.created_ms,
            &b.id,
        ))
    });
}

#[cfg(test)]
mod tests;
