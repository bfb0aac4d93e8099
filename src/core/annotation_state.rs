//! The one reducer that owns an article's annotations.
//!
//! Every change a reader makes is an [`Action`] applied by [`AnnotationState::apply`]; the UI
//! wraps this in a thin `Reducible` and never edits annotations itself.
//!
//! Invariants:
//! - Annotations are kept in reading order (start, then end, then creation time).
//! - Ids are unique: adding an id that exists changes nothing.
//! - `revision` counts changes since the state was loaded (the reader's, and other tabs' work
//!   merged in); loading does not bump it, so storage is only written after a real change.
//! - Every change the reader makes is undoable ([`super::history`]).
//! - An annotation never responds to itself, and a link is only made to a claim that is there.
//!   Deleting a claim leaves the links of the claims that answer it as they are, so undoing
//!   the deletion brings the links back with it; meanwhile
//!   [`answered_claim`](super::annotation::answered_claim), and so the UI, ignores them.

use std::rc::Rc;

use super::anchoring::reanchor_all;
use super::annotation::{sort_in_reading_order, AnchorStatus, Annotation, TextField};
use super::char_range::CharRange;
use super::history::History;
use super::merge::{merge, Snapshot, Tombstone};
use super::reducer::Reducer;
use super::selector::{describe_quote, TextQuoteSelector};
use super::source_text::SourceText;
use super::tag::Tag;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct AnnotationState {
    annotations: Vec<Annotation>,
    /// Deletions, remembered so that another tab's older copy cannot bring them back.
    tombstones: Vec<Tombstone>,
    history: History,
    revision: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Replace everything with what storage held; not a reader's change.
    Load(Snapshot),
    /// Fold in another tab's copy (see [`merge`]); a change only if it brings something new.
    Merge {
        remote: Snapshot,
        now_ms: i64,
    },
    Add(Annotation),
    Retag {
        id: String,
        tag: Tag,
        at_ms: i64,
    },
    /// Sets one free-text field; successive edits of a claim's fields are one undo step per
    /// typing pause ([`super::history`]).
    SetText {
        id: String,
        field: TextField,
        text: String,
        at_ms: i64,
    },
    /// Makes `id` answer the claim `target` (`None`: answer none). Nothing changes when
    /// `target` is the claim itself or names no claim that is there.
    SetRespondsTo {
        id: String,
        target: Option<String>,
        at_ms: i64,
    },
    Delete {
        id: String,
        at_ms: i64,
    },
    /// Annotations read from a file, merged in (same id: the newer wins); undoable.
    Import {
        annotations: Vec<Annotation>,
        now_ms: i64,
    },
    /// Deletes every annotation of the article (after the reader confirmed); undoable.
    ClearAll {
        at_ms: i64,
    },
    Undo {
        at_ms: i64,
    },
    Redo {
        at_ms: i64,
    },
    /// This tab's undo history, as kept across a reload; not a change.
    RestoreHistory(History),
    /// Puts an annotation on `range` with a freshly described quote: accepting a changed or
    /// doubtful anchor (same range), or re-attaching an orphan to a new selection.
    Reattach {
        id: String,
        range: CharRange,
        quote: TextQuoteSelector,
        at_ms: i64,
    },
    /// The article's text changed under the annotations (a host page re-rendered its story):
    /// each is found again by its quote, near where it was. Not a reader's change, so it is
    /// not undoable; when anything moved, the undo history is dropped, because its steps hold
    /// positions in the old text.
    Reanchor(Rc<SourceText>),
}

impl Action {
    /// Puts annotation `id` on `range` of `text`, with its quote described afresh there: both
    /// accepting a flagged anchor (its current range) and re-attaching to a new selection.
    pub fn reattach_at(text: &SourceText, id: String, range: CharRange, at_ms: i64) -> Action {
        Action::Reattach {
            id,
            range,
            quote: describe_quote(text, range),
            at_ms,
        }
    }
}

impl AnnotationState {
    /// Applies `action`; returns whether anything changed.
    pub fn apply(&mut self, action: Action) -> bool {
        let recorded = match &action {
            Action::Add(annotation) => Some((None, annotation.created_ms)),
            Action::Retag { at_ms, .. }
            | Action::Delete { at_ms, .. }
            | Action::Reattach { at_ms, .. }
            | Action::SetRespondsTo { at_ms, .. }
            | Action::ClearAll { at_ms } => Some((None, *at_ms)),
            Action::SetText { id, at_ms, .. } => Some((Some(id.clone()), *at_ms)),
            Action::Import { now_ms, .. } => Some((None, *now_ms)),
            Action::Load(_)
            | Action::Merge { .. }
            | Action::RestoreHistory(_)
            | Action::Reanchor(_)
            | Action::Undo { .. }
            | Action::Redo { .. } => None,
        };
        let before = recorded.as_ref().map(|_| self.annotations.clone());
        let changed = self.apply_without_history(action);
        if let (true, Some(before), Some((typing_in_claim, at_ms))) = (changed, before, recorded) {
            self.history
                .record(&before, &self.annotations, typing_in_claim, at_ms);
        }
        changed
    }

    pub fn can_undo(&self) -> bool {
        !self.history.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.history.redo.is_empty()
    }

    /// Kept per tab (in sessionStorage) so that undo works across a reload.
    pub fn history(&self) -> &History {
        &self.history
    }

    fn apply_without_history(&mut self, action: Action) -> bool {
        let changed = match action {
            Action::Load(snapshot) => {
                let mut annotations = snapshot.annotations;
                let mut seen = std::collections::HashSet::new();
                annotations.retain(|annotation| seen.insert(annotation.id.clone()));
                sort_in_reading_order(&mut annotations);
                self.annotations = annotations;
                self.tombstones = snapshot.tombstones;
                return true;
            }
            Action::RestoreHistory(history) => {
                self.history = history;
                return true;
            }
            Action::Undo { at_ms } => self.replay(Direction::Undo, at_ms),
            Action::Redo { at_ms } => self.replay(Direction::Redo, at_ms),
            Action::ClearAll { at_ms } => {
                let cleared = !self.annotations.is_empty();
                for annotation in std::mem::take(&mut self.annotations) {
                    self.tombstones
                        .retain(|tombstone| tombstone.id != annotation.id);
                    self.tombstones.push(Tombstone {
                        id: annotation.id,
                        deleted_ms: at_ms,
                    });
                }
                cleared
            }
            Action::Import {
                annotations,
                now_ms,
            } => self.apply_without_history(Action::Merge {
                remote: Snapshot {
                    annotations,
                    tombstones: Vec::new(),
                },
                now_ms,
            }),
            Action::Merge { remote, now_ms } => {
                let mut merged = merge(&self.snapshot(), &remote, now_ms);
                sort_in_reading_order(&mut merged.annotations);
                let changed = merged.annotations != self.annotations;
                self.annotations = merged.annotations;
                self.tombstones = merged.tombstones;
                changed
            }
            Action::Reanchor(text) => {
                let before = self.annotations.clone();
                reanchor_all(&text, &mut self.annotations);
                sort_in_reading_order(&mut self.annotations);
                let changed = self.annotations != before;
                if changed {
                    self.history = History::default();
                }
                changed
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
            Action::SetText {
                id,
                field,
                text,
                at_ms,
            } => self.edit(&id, at_ms, |annotation| {
                let current = field.of_mut(annotation);
                let changed = *current != text;
                *current = text;
                changed
            }),
            Action::SetRespondsTo { id, target, at_ms } => {
                let target_is_there = target
                    .as_deref()
                    .is_none_or(|target| target != id && self.get(target).is_some());
                target_is_there
                    && self.edit(&id, at_ms, |annotation| {
                        let changed = annotation.responds_to != target;
                        annotation.responds_to = target;
                        changed
                    })
            }
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
            Action::Delete { id, at_ms } => {
                let before = self.annotations.len();
                self.annotations.retain(|annotation| annotation.id != id);
                let deleted = self.annotations.len() != before;
                if deleted {
                    self.tombstones.retain(|tombstone| tombstone.id != id);
                    self.tombstones.push(Tombstone {
                        id,
                        deleted_ms: at_ms,
                    });
                }
                deleted
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

    /// What is saved, and what another tab's copy is merged with.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            annotations: self.annotations.clone(),
            tombstones: self.tombstones.clone(),
        }
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// How many annotations carry each tag: the three known ones in [`Tag::ALL`] order (even
    /// when none), then any other tag found in imported or stored data.
    pub fn count_by_tag(&self) -> Vec<(Tag, usize)> {
        let mut counts: Vec<(Tag, usize)> = Tag::ALL.into_iter().map(|tag| (tag, 0)).collect();
        for annotation in &self.annotations {
            match counts.iter_mut().find(|(tag, _)| *tag == annotation.tag) {
                Some((_, count)) => *count += 1,
                None => counts.push((annotation.tag.clone(), 1)),
            }
        }
        counts
    }

    /// Takes the last step off one list, puts its "before" (undo) or "after" (redo) states
    /// back, and moves the step to the other list.
    fn replay(&mut self, direction: Direction, at_ms: i64) -> bool {
        let (from, to) = match direction {
            Direction::Undo => (&mut self.history.undo, &mut self.history.redo),
            Direction::Redo => (&mut self.history.redo, &mut self.history.undo),
        };
        let Some(step) = from.pop() else { return false };
        to.push(step.clone());
        for change in &step.changes {
            let (wanted, other) = match direction {
                Direction::Undo => (change.before.as_ref(), change.after.as_ref()),
                Direction::Redo => (change.after.as_ref(), change.before.as_ref()),
            };
            self.put_back(wanted, other, at_ms);
        }
        true
    }

    /// Makes `state` current for its annotation (or removes `absent_state`'s annotation when
    /// `state` is `None`), as a fresh edit at `at_ms` so merging keeps it.
    fn put_back(
        &mut self,
        state: Option<&Annotation>,
        other_state: Option<&Annotation>,
        at_ms: i64,
    ) {
        let Some(id) = state
            .or(other_state)
            .map(|annotation| annotation.id.clone())
        else {
            return;
        };
        self.annotations.retain(|annotation| annotation.id != id);
        self.tombstones.retain(|tombstone| tombstone.id != id);
        match state {
            Some(annotation) => {
                let mut annotation = annotation.clone();
                annotation.modified_ms = annotation.modified_ms.max(at_ms);
                self.annotations.push(annotation);
                sort_in_reading_order(&mut self.annotations);
            }
            None => self.tombstones.push(Tombstone {
                id,
                deleted_ms: at_ms,
            }),
        }
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

impl Reducer for AnnotationState {
    type Action = Action;

    fn apply(&mut self, action: Action) -> bool {
        AnnotationState::apply(self, action)
    }
}

#[derive(Clone, Copy)]
enum Direction {
    Undo,
    Redo,
}

#[cfg(test)]
mod tests;
