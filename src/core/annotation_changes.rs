//! What changed between two versions of an article's annotations, claim by claim: what a host
//! page hears about (the element's `claim-added`, `claim-changed` and `claim-removed` events).
//!
//! Invariant: every id present in only one of the two lists, or present in both with any field
//! different, is reported exactly once, in the reading order of the list it is taken from
//! (removed claims from `before`, the others from `after`).

use std::collections::BTreeMap;

use super::annotation::Annotation;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AnnotationChange<'a> {
    Added(&'a Annotation),
    Changed(&'a Annotation),
    /// The claim as it was before it went.
    Removed(&'a Annotation),
}

/// Linear in the two lists' lengths (up to a logarithm): with a thousand claims this runs on
/// every change, so each list is indexed by id once instead of searched for each claim.
pub fn changes_between<'a>(
    before: &'a [Annotation],
    after: &'a [Annotation],
) -> Vec<AnnotationChange<'a>> {
    let index = |list: &'a [Annotation]| -> BTreeMap<&'a str, &'a Annotation> {
        list.iter()
            .map(|annotation| (annotation.id.as_str(), annotation))
            .collect()
    };
    let (before_by_id, after_by_id) = (index(before), index(after));
    let mut changes: Vec<AnnotationChange<'a>> = before
        .iter()
        .filter(|annotation| !after_by_id.contains_key(annotation.id.as_str()))
        .map(AnnotationChange::Removed)
        .collect();
    for annotation in after {
        match before_by_id.get(annotation.id.as_str()) {
            None => changes.push(AnnotationChange::Added(annotation)),
            Some(old) if *old != annotation => changes.push(AnnotationChange::Changed(annotation)),
            Some(_) => {}
        }
    }
    changes
}

#[cfg(test)]
mod tests;
