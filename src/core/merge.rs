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

use super::annotation::{sort_in_reading_order, Annotation};
use super::char_range::CharRange;
use super::sorting;

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
    // Per id, the winning copy. Lists sorted by id rather than maps: `core::sorting` is
    // linked anyway, a BTreeMap per key and value type was about 2 KB of wasm each.
    let mut copies: Vec<&Annotation> = local
        .annotations
        .iter()
        .chain(&remote.annotations)
        .collect();
    // Stable, so the copies of one id are met in the order a map would have seen them.
    sorting::sort_by(&mut copies, |a, b| a.id.cmp(&b.id));
    let mut newest: Vec<&Annotation> = Vec::with_capacity(copies.len());
    for annotation in copies {
        match newest.last_mut() {
            Some(current) if current.id == annotation.id => {
                if wins_over(annotation, current) {
                    *current = annotation;
                }
            }
            _ => newest.push(annotation),
        }
    }
    // Per id, the latest deletion still within its lifetime.
    let mut deletions: Vec<(&str, i64)> = local
        .tombstones
        .iter()
        .chain(&remote.tombstones)
        .filter(|tombstone| now_ms - tombstone.deleted_ms <= TOMBSTONE_LIFETIME_MS)
        .map(|tombstone| (tombstone.id.as_str(), tombstone.deleted_ms))
        .collect();
    sorting::sort_by(&mut deletions, |a, b| a.0.cmp(b.0));
    deletions.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 = kept.1.max(later.1);
        }
        same
    });
    let mut annotations = Vec::new();
    for annotation in newest {
        match deletions.binary_search_by(|(id, _)| (*id).cmp(annotation.id.as_str())) {
            Ok(index) if deletions[index].1 >= annotation.modified_ms => {}
            Ok(index) => {
                // Edited after the deletion: the annotation lives, the tombstone goes.
                deletions.remove(index);
                annotations.push(annotation.clone());
            }
            Err(_) => annotations.push(annotation.clone()),
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
