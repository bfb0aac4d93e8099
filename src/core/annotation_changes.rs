//! What changed between two versions of an article's annotations, claim by claim: what a host
//! page hears about (the element's `claim-added`, `claim-changed` and `claim-removed` events).
//!
//! Invariant: every id present in only one of the two lists, or present in both with any field
//! different, is reported exactly once, in the reading order of the list it is taken from
//! (removed claims from `before`, the others from `after`).

use std::rc::Rc;

use super::annotation::Annotation;
use super::sorting::sort_by;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AnnotationChange<'a> {
    Added(&'a Annotation),
    Changed(&'a Annotation),
    /// The claim as it was before it went.
    Removed(&'a Annotation),
}

/// Linear in the two lists' lengths (up to a logarithm): with a thousand claims this runs on
/// every change, so each list is indexed by id once instead of searched for each claim. The
/// reducer shares each untouched claim (the same `Rc`) between the two lists, and comparing two
/// `Rc<Annotation>`s compares pointers first, so an untouched claim costs no field comparison.
pub fn changes_between<'a>(
    before: &'a [Rc<Annotation>],
    after: &'a [Rc<Annotation>],
) -> Vec<AnnotationChange<'a>> {
    // Sorted by id and searched by halves (not a map: one less collection in the wasm).
    let index = |list: &'a [Rc<Annotation>]| -> Vec<(&'a str, &'a Rc<Annotation>)> {
        let mut by_id: Vec<(&'a str, &'a Rc<Annotation>)> = list
            .iter()
            .map(|annotation| (annotation.id.as_str(), annotation))
            .collect();
        sort_by(&mut by_id, |first, second| first.0.cmp(second.0));
        by_id
    };
    fn find<'a>(by_id: &[(&'a str, &'a Rc<Annotation>)], id: &str) -> Option<&'a Rc<Annotation>> {
        let at = by_id.binary_search_by(|(key, _)| (*key).cmp(id)).ok()?;
        Some(by_id[at].1)
    }
    let (before_by_id, after_by_id) = (index(before), index(after));
    let mut changes: Vec<AnnotationChange<'a>> = before
        .iter()
        .filter(|annotation| find(&after_by_id, &annotation.id).is_none())
        .map(|annotation| AnnotationChange::Removed(annotation))
        .collect();
    for annotation in after {
        match find(&before_by_id, &annotation.id) {
            None => changes.push(AnnotationChange::Added(annotation)),
            Some(old) if old != annotation => changes.push(AnnotationChange::Changed(annotation)),
            Some(_) => {}
        }
    }
    changes
}

#[cfg(test)]
mod tests;
