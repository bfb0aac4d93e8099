//! Merging two copies of an article's annotations: this tab's and the one another tab wrote.
//!
//! Invariants:
//! - Nobody's work is lost: every annotation either copy holds is in the result, unless a
//!   deletion at least as recent as its last edit removed it.
//! - Per annotation, by id: the more recently modified copy wins; an edit made after a
//!   deletion wins over the deletion (the reader who edited still wanted it); a deletion at or
//!   after the last edit wins over it and stays as a tombstone.
//! - The result does not depend on which copy is "local": two tabs merging each other's copies
//!   reach the same annotations.
//! - Tombstones are kept for [`TOMBSTONE_LIFETIME_MS`] so that a tab which was closed or asleep
//!   when the deletion happened still learns of it when it next writes.

use std::collections::BTreeMap;

use super::annotation::{sort_in_reading_order, Annotation};
use super::char_range::CharRange;

/// 30 days: far longer than a class exercise or a reading session.
pub const TOMBSTONE_LIFETIME_MS: i64 = 30 * 24 * 60 * 60 * 1000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tombstone {
    pub id: String,
    pub deleted_ms: i64,
}

/// Everything one copy knows: its annotations and its record of deletions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    pub annotations: Vec<Annotation>,
    pub tombstones: Vec<Tombstone>,
}

pub fn merge(local: &Snapshot, remote: &Snapshot, now_ms: i64) -> Snapshot {
    let mut newest: BTreeMap<&str, &Annotation> = BTreeMap::new();
    for annotation in local.annotations.iter().chain(&remote.annotations) {
        match newest.get(annotation.id.as_str()) {
            Some(current) if !wins_over(annotation, current) => {}
            _ => {
                newest.insert(annotation.id.as_str(), annotation);
            }
        }
    }
    let mut deletions: BTreeMap<&str, i64> = BTreeMap::new();
    for tombstone in local.tombstones.iter().chain(&remote.tombstones) {
        if now_ms - tombstone.deleted_ms > TOMBSTONE_LIFETIME_MS {
            continue;
        }
        let entry = deletions
            .entry(tombstone.id.as_str())
            .or_insert(tombstone.deleted_ms);
        *entry = (*entry).max(tombstone.deleted_ms);
    }
    let mut annotations = Vec::new();
    for (id, annotation) in newest {
        match deletions.get(id) {
            Some(&deleted_ms) if deleted_ms >= annotation.modified_ms => {}
            Some(_) => {
                // Edited after the deletion: the annotation lives, the tombstone goes.
                deletions.remove(id);
                annotations.push(annotation.clone());
            }
            None => annotations.push(annotation.clone()),
        }
    }
    sort_in_reading_order(&mut annotations);
    let tombstones = deletions
        .into_iter()
        .map(|(id, deleted_ms)| Tombstone {
            id: id.to_string(),
            deleted_ms,
        })
        .collect();
    Snapshot {
        annotations,
        tombstones,
    }
}

/// Newer modification wins; equal times are broken by content (every field a reader edits),
/// so both tabs choose alike.
fn wins_over(candidate: &Annotation, current: &Annotation) -> bool {
    type Key<'a> = (
        i64,
        &'a str,
        &'a str,
        CharRange,
        &'a str,
        &'a str,
        &'a str,
        Option<&'a str>,
    );
    fn key(annotation: &Annotation) -> Key<'_> {
        (
            annotation.modified_ms,
            annotation.tag.keyword(),
            &annotation.note,
            annotation.range,
            &annotation.quote.exact,
            &annotation.speaker,
            &annotation.explanation,
            annotation.responds_to.as_deref(),
        )
    }
    key(candidate) > key(current)
}

#[cfg(test)]
mod tests;
