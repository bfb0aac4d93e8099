//! What changed between two versions of an article's annotations, claim by claim: what a host
//! page hears about (the element's `claim-added`, `claim-changed` and `claim-removed` events).
//!
//! Invariant: every id present in only one of the two lists, or present in both with any field
//! different, is reported exactly once, in the reading order of the list it is taken from
//! (removed claims from `before`, the others from `after`).

use std::rc::Rc;

use super::annotation::Annotation;
use super::sorting::{sort, sort_by};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AnnotationChange<'a> {
    Added(&'a Annotation),
    Changed(&'a Annotation),
    /// The claim as it was before it went.
    Removed(&'a Annotation),
}

/// With a thousand claims this runs on every change, so it does not compare a thousand
/// claims: the reducer shares each untouched claim (the same `Rc`) between the two lists, so
/// only claims that are not in both lists as the same pointer are matched by id and compared.
/// Both steps are searches by halves of sorted lists (not maps: one less collection in the
/// wasm).
pub fn changes_between<'a>(
    before: &'a [Rc<Annotation>],
    after: &'a [Rc<Annotation>],
) -> Vec<AnnotationChange<'a>> {
    let pointers = |list: &[Rc<Annotation>]| -> Vec<usize> {
        let mut pointers: Vec<usize> = list
            .iter()
            .map(|annotation| Rc::as_ptr(annotation) as usize)
            .collect();
        sort(&mut pointers);
        pointers
    };
    let (before_pointers, after_pointers) = (pointers(before), pointers(after));
    let not_in = |pointers: &[usize], annotation: &Rc<Annotation>| {
        pointers
            .binary_search(&(Rc::as_ptr(annotation) as usize))
            .is_err()
    };
    let before_rest: Vec<&'a Annotation> = before
        .iter()
        .filter(|annotation| not_in(&after_pointers, annotation))
        .map(|annotation| &**annotation)
        .collect();
    let after_rest: Vec<&'a Annotation> = after
        .iter()
        .filter(|annotation| not_in(&before_pointers, annotation))
        .map(|annotation| &**annotation)
        .collect();
    let index = |list: &[&'a Annotation]| -> Vec<(&'a str, &'a Annotation)> {
        let mut by_id: Vec<(&'a str, &'a Annotation)> = list
            .iter()
            .map(|annotation| (annotation.id.as_str(), *annotation))
            .collect();
        sort_by(&mut by_id, |first, second| first.0.cmp(second.0));
        by_id
    };
    fn find<'a>(by_id: &[(&'a str, &'a Annotation)], id: &str) -> Option<&'a Annotation> {
        let at = by_id.binary_search_by(|(key, _)| (*key).cmp(id)).ok()?;
        Some(by_id[at].1)
    }
    let (before_by_id, after_by_id) = (index(&before_rest), index(&after_rest));
    let mut changes: Vec<AnnotationChange<'a>> = before_rest
        .iter()
        .filter(|annotation| find(&after_by_id, &annotation.id).is_none())
        .map(|annotation| AnnotationChange::Removed(annotation))
        .collect();
    for annotation in after_rest {
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
