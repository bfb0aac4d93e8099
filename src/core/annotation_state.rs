//! The one reducer that owns an article's annotations.
//!
//! Every change a reader makes is an [`Action`] applied by [`AnnotationState::apply`]; the UI
//! holds this through one thin hook (`ui::store`) and never edits annotations itself.
//!
//! Invariants:
//! - Annotations are kept in reading order (start, then end, then creation time).
//! - Ids are unique: adding an id that exists changes nothing.
//! - `revision` counts changes since the state was loaded (the reader's, and other tabs' work
//!   merged in); loading does not bump it, so storage is only written after a real change.
//! - Every change the reader makes is undoable ([`super::history`]); its undo step is made
//!   from the action (the claims it touched, before and after), never from copies of the list.
//! - Each annotation is an `Rc` that a change replaces, never edits in place: cloning the state
//!   (once per action, in the UI's store) copies pointers, and an unchanged claim is the same
//!   pointer in the old state and the new one, so comparing them is a pointer comparison.
//! - An annotation never responds to itself, and a link is only made to a claim that is there.
//!   Deleting a claim leaves the links of the claims that answer it as they are, so undoing
//!   the deletion brings the links back with it; meanwhile
//!   [`answered_claim`](super::annotation::answered_claim), and so the UI, ignores them.

use std::rc::Rc;

use super::anchoring::reanchor_all;
use super::annotation::{
    reading_order, sort_in_reading_order, AnchorStatus, Annotation, TextField,
};
use super::char_range::CharRange;
use super::history::{diff, Change, History};
use super::merge::{merge, Snapshot, Tombstone};
use super::reducer::Reducer;
use super::selector::{describe_quote, TextQuoteSelector};
use super::sorting;
use super::source_text::SourceText;
use super::tag::Tag;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct AnnotationState {
    /// Shared, so that the copy the UI's store makes for each action is cheap (see the header).
    annotations: Vec<Rc<Annotation>>,
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
        let mut changes = Vec::new();
        let changed = self.apply_without_history(action, &mut changes);
        if let (true, Some((typing_in_claim, at_ms))) = (changed, recorded) {
            self.history.record(changes, typing_in_claim, at_ms);
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

    /// Applies `action` and adds to `changes` each annotation it changed, before and after (what
    /// [`History::record`] keeps for the reader's actions; the others leave it empty).
    fn apply_without_history(&mut self, action: Action, changes: &mut Vec<Change>) -> bool {
        let changed = match action {
            Action::Load(snapshot) => {
                let mut annotations = snapshot.annotations;
                // One claim per id, the first as given: the sort by id is stable, so among
                // equal ids the given order stays, and `dedup_by` keeps the first. (Not a
                // `HashSet`, whose code for this one use weighed 0.9 KB gzip of the wasm.)
                sorting::sort_by(&mut annotations, |a, b| a.id.cmp(&b.id));
                annotations.dedup_by(|later, first| later.id == first.id);
                sort_in_reading_order(&mut annotations);
                self.annotations = annotations.into_iter().map(Rc::new).collect();
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
                        id: annotation.id.clone(),
                        deleted_ms: at_ms,
                    });
                    changes.push(Change {
                        before: Some(annotation),
                        after: None,
                    });
                }
                cleared
            }
            Action::Import {
                annotations,
                now_ms,
            } => {
                // Rare, and may touch any number of claims: the step is the lists' difference.
                let before = self.annotations.clone();
                let imported = self.apply_without_history(
                    Action::Merge {
                        remote: Snapshot {
                            annotations,
                            tombstones: Vec::new(),
                        },
                        now_ms,
                    },
                    changes,
                );
                changes.extend(diff(&before, &self.annotations));
                // Counted once, by the merge.
                return imported;
            }
            Action::Merge { remote, now_ms } => {
                let mut merged = merge(&self.snapshot(), &remote, now_ms);
                sort_in_reading_order(&mut merged.annotations);
                let changed = !merged
                    .annotations
                    .iter()
                    .eq(self.annotations.iter().map(|a| &**a));
                if changed {
                    self.annotations = merged.annotations.into_iter().map(Rc::new).collect();
                }
                self.tombstones = merged.tombstones;
                changed
            }
            Action::Reanchor(text) => {
                let mut annotations: Vec<Annotation> =
                    self.annotations.iter().map(|a| (**a).clone()).collect();
                reanchor_all(&text, &mut annotations);
                sort_in_reading_order(&mut annotations);
                let changed = !annotations.iter().eq(self.annotations.iter().map(|a| &**a));
                if changed {
                    self.annotations = annotations.into_iter().map(Rc::new).collect();
                }
                if changed {
                    self.history = History::default();
                }
                changed
            }
            Action::Add(annotation) => {
                if self.get(&annotation.id).is_some() {
                    false
                } else {
                    let annotation = Rc::new(annotation);
                    self.insert_in_reading_order(Rc::clone(&annotation));
                    changes.push(Change {
                        before: None,
                        after: Some(annotation),
                    });
                    true
                }
            }
            Action::Retag { id, tag, at_ms } => self.edit(&id, at_ms, changes, |annotation| {
                let changed = annotation.tag != tag;
                annotation.tag = tag;
                changed
            }),
            Action::SetText {
                id,
                field,
                text,
                at_ms,
            } => self.edit(&id, at_ms, changes, |annotation| {
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
                    && self.edit(&id, at_ms, changes, |annotation| {
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
                let changed = self.edit(&id, at_ms, changes, |annotation| {
                    annotation.range = range;
                    annotation.quote = quote;
                    annotation.anchor = AnchorStatus::Anchored;
                    true
                });
                // Its place in reading order may have changed.
                if let Some(at) = self.position(&id) {
                    let reattached = self.annotations.remove(at);
                    self.insert_in_reading_order(reattached);
                }
                changed
            }
            Action::Delete { id, at_ms } => {
                let deleted = match self.position(&id) {
                    Some(at) => {
                        changes.push(Change {
                            before: Some(self.annotations.remove(at)),
                            after: None,
                        });
                        true
                    }
                    None => false,
                };
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

    /// In reading order. Each is shared with the states before and after that did not change
    /// it, so `Rc::ptr_eq` tells an untouched claim from a changed one.
    pub fn annotations(&self) -> &[Rc<Annotation>] {
        &self.annotations
    }

    pub fn get(&self, id: &str) -> Option<&Annotation> {
        self.position(id).map(|at| &*self.annotations[at])
    }

    /// The deletions on record (see [`Snapshot::tombstones`]).
    pub fn tombstones(&self) -> &[Tombstone] {
        &self.tombstones
    }

    /// What another tab's copy is merged with: a copy of every annotation, so it is made only
    /// when merging (saving encodes [`Self::annotations`] as they are).
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            annotations: self.annotations.iter().map(|a| (**a).clone()).collect(),
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
        to.push(Rc::clone(&step));
        // Each claim the step touched is taken out and what it should be is put back; the
        // list is put in reading order once at the end (a step of "clear all" touches every
        // claim: one sort, not one per claim).
        let mut put_back = Vec::new();
        for change in &step.changes {
            let (wanted, other) = match direction {
                Direction::Undo => (change.before.as_ref(), change.after.as_ref()),
                Direction::Redo => (change.after.as_ref(), change.before.as_ref()),
            };
            let Some(id) = wanted.or(other).map(|annotation| annotation.id.as_str()) else {
                continue;
            };
            self.annotations.retain(|annotation| annotation.id != id);
            self.tombstones.retain(|tombstone| tombstone.id != id);
            // As a fresh edit at `at_ms`, so merging keeps it.
            match wanted {
                Some(annotation) => {
                    let mut annotation = (**annotation).clone();
                    annotation.modified_ms = annotation.modified_ms.max(at_ms);
                    put_back.push(Rc::new(annotation));
                }
                None => self.tombstones.push(Tombstone {
                    id: id.to_string(),
                    deleted_ms: at_ms,
                }),
            }
        }
        if put_back.len() == 1 {
            self.insert_in_reading_order(put_back.remove(0));
        } else if !put_back.is_empty() {
            self.annotations.append(&mut put_back);
            sort_in_reading_order(&mut self.annotations);
        }
        true
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.annotations
            .iter()
            .position(|annotation| annotation.id == id)
    }

    /// Puts `annotation` where reading order wants it in the (sorted) list: a search by
    /// halves, not a sort of a thousand claims.
    fn insert_in_reading_order(&mut self, annotation: Rc<Annotation>) {
        let at = self.annotations.partition_point(|other| {
            reading_order(other, &annotation) != std::cmp::Ordering::Greater
        });
        self.annotations.insert(at, annotation);
    }

    /// Replaces annotation `id` by a changed copy (never edits the shared one), and records
    /// the change in `changes` when the copy differs.
    fn edit(
        &mut self,
        id: &str,
        at_ms: i64,
        changes: &mut Vec<Change>,
        change: impl FnOnce(&mut Annotation) -> bool,
    ) -> bool {
        let Some(at) = self.position(id) else {
            return false;
        };
        let mut edited = (*self.annotations[at]).clone();
        let changed = change(&mut edited);
        if changed {
            edited.modified_ms = edited.modified_ms.max(at_ms);
            let edited = Rc::new(edited);
            let before = std::mem::replace(&mut self.annotations[at], Rc::clone(&edited));
            if *before != *edited {
                changes.push(Change {
                    before: Some(before),
                    after: Some(edited),
                });
            }
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
