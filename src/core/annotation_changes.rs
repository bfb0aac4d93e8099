//! What changed between two versions of an article's annotations, claim by claim: what a host
//! page hears about (the element's `claim-added`, `claim-changed` and `claim-removed` events).
//!
//! Invariant: every id present in only one of the two lists, or present in both with any field
//! different, is reported exactly once, in the reading order of the list it is taken from
//! (removed claims from `before`, the others from `after`).

use super::annotation::Annotation;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AnnotationChange<'a> {
    Added(&'a Annotation),
    Changed(&'a Annotation),
    /// The claim as it was before it went.
    Removed(&'a Annotation),
}

pub fn changes_between<'a>(
    before: &'a [Annotation],
    after: &'a [Annotation],
) -> Vec<AnnotationChange<'a>> {
    let find = |list: &'a [Annotation], id: &str| list.iter().find(|other| other.id == id);
    let mut changes: Vec<AnnotationChange<'a>> = before
        .iter()
        .filter(|annotation| find(after, &annotation.id).is_none())
        .map(AnnotationChange::Removed)
        .collect();
    for annotation in after {
        match find(before, &annotation.id) {
            None => changes.push(AnnotationChange::Added(annotation)),
            Some(old) if old != annotation => changes.push(AnnotationChange::Changed(annotation)),
            Some(_) => {}
        }
    }
    changes
}

#[cfg(test)]
mod tests;
