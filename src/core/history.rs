//! Undo and redo of the reader's own changes.
//!
//! Each step records, for every annotation it touched, the annotation before and after (absent
//! = `None`), as the reducer's action reports them (`core::annotation_state`): a step holds
//! the claims it touched, never a copy of the whole list, and its annotations are the very
//! `Rc`s of the states before and after, so recording one costs the same with a thousand
//! claims as with none. Undoing puts the "before" states back; redoing puts the "after" states back. A
//! state put back counts as a new edit (its modification time is now), so that merging with
//! another tab's older copy cannot silently revert the undo.
//!
//! Invariants:
//! - Only the reader's actions are recorded: loading, merging another tab's work and undo/redo
//!   themselves never are.
//! - A new action empties the redo list.
//! - Typing is one step per pause, not one per key: edits of the text fields (note, speaker,
//!   explanation) of the same annotation within [`TYPING_PAUSE_MS`] of each other are folded
//!   into one step, whichever of its fields they touch: a pause, not a change of field, ends
//!   a step.
//! - At most [`HISTORY_LIMIT`] steps are kept.
//! - A step names each annotation at most once, and only with a real difference
//!   (`before != after`); its changes are in the order of their ids.
//! - Steps are shared (`Rc`), so the copy of the history that comes with each copy of the
//!   state copies pointers, not steps.

use std::rc::Rc;

use super::annotation::Annotation;
use super::sorting;

pub const TYPING_PAUSE_MS: i64 = 1_500;
pub const HISTORY_LIMIT: usize = 100;

#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub before: Option<Rc<Annotation>>,
    pub after: Option<Rc<Annotation>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub changes: Vec<Change>,
    /// Typing in claim <id>: set for an edit of a text field, so the next keystrokes in the same
    /// claim join this step.
    pub typing_in_claim: Option<String>,
    pub at_ms: i64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    pub undo: Vec<Rc<Step>>,
    pub redo: Vec<Rc<Step>>,
}

impl History {
    /// Records `changes` (what one action changed, each annotation once) as one step; changes
    /// that change nothing are dropped, and a step of none is not recorded.
    pub fn record(
        &mut self,
        mut changes: Vec<Change>,
        typing_in_claim: Option<String>,
        at_ms: i64,
    ) {
        changes.retain(|change| change.before != change.after);
        if changes.is_empty() {
            return;
        }
        if changes.len() > 1 {
            sorting::sort_by(&mut changes, |a, b| change_id(a).cmp(change_id(b)));
        }
        self.redo.clear();
        if let (Some(id), Some(last)) = (&typing_in_claim, self.undo.last_mut()) {
            let same_claim = last.typing_in_claim.as_deref() == Some(id.as_str());
            if same_claim
                && at_ms - last.at_ms <= TYPING_PAUSE_MS
                && changes.len() == 1
                && last.changes.len() == 1
            {
                // Shared with the states before this one: the step is copied, not changed.
                let last = Rc::make_mut(last);
                last.changes[0].after = changes.into_iter().next().and_then(|change| change.after);
                last.at_ms = at_ms;
                return;
            }
        }
        self.undo.push(Rc::new(Step {
            changes,
            typing_in_claim,
            at_ms,
        }));
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
    }
}

fn change_id(change: &Change) -> &str {
    change
        .before
        .as_ref()
        .or(change.after.as_ref())
        .map_or("", |annotation| annotation.id.as_str())
}

/// Per id, what changed between the two lists: for an action that may touch any number of
/// claims (an import). An annotation present in both as the same `Rc` is unchanged without
/// being compared.
pub fn diff(before: &[Rc<Annotation>], after: &[Rc<Annotation>]) -> Vec<Change> {
    // Every copy with its side, sorted by id (stably, so a repeated id's last copy counts).
    let mut sides: Vec<(&str, bool, &Rc<Annotation>)> = before
        .iter()
        .map(|annotation| (annotation.id.as_str(), false, annotation))
        .chain(
            after
                .iter()
                .map(|annotation| (annotation.id.as_str(), true, annotation)),
        )
        .collect();
    sorting::sort_by(&mut sides, |a, b| a.0.cmp(b.0));
    // (id, before, after)
    type Sides<'a> = (
        &'a str,
        Option<&'a Rc<Annotation>>,
        Option<&'a Rc<Annotation>>,
    );
    let mut by_id: Vec<Sides> = Vec::new();
    for (id, is_after, annotation) in sides {
        match by_id.last_mut() {
            Some(entry) if entry.0 == id => {}
            _ => by_id.push((id, None, None)),
        }
        if let Some(entry) = by_id.last_mut() {
            if is_after {
                entry.2 = Some(annotation);
            } else {
                entry.1 = Some(annotation);
            }
        }
    }
    by_id
        .into_iter()
        .filter(|(_, old, new)| old != new)
        .map(|(_, old, new)| Change {
            before: old.cloned(),
            after: new.cloned(),
        })
        .collect()
}
