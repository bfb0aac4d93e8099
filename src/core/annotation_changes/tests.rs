use super::*;
use crate::core::char_range::CharRange;
use crate::core::source_text::SourceText;
use crate::core::tag::Tag;

fn claim(id: &str, start: usize, tag: Tag) -> Annotation {
    let text = SourceText::new("one two three four five six");
    Annotation::describe(&text, CharRange::new(start, start + 3), tag, id.into(), 1)
}

/// The changes as (kind, id) pairs.
/// Each list's claims are new `Rc`s, so nothing is found unchanged by its pointer alone.
fn check(name: &str, before: &[Annotation], after: &[Annotation], expected: &[(&str, &str)]) {
    let shared = |list: &[Annotation]| -> Vec<Rc<Annotation>> {
        list.iter().cloned().map(Rc::new).collect()
    };
    let (before, after) = (shared(before), shared(after));
    check_shared(name, &before, &after, expected);
}

/// The changes between two lists of shared claims, as (kind, id) pairs.
fn check_shared(
    name: &str,
    before: &[Rc<Annotation>],
    after: &[Rc<Annotation>],
    expected: &[(&str, &str)],
) {
    let got: Vec<(&str, &str)> = changes_between(before, after)
        .into_iter()
        .map(|change| match change {
            AnnotationChange::Added(annotation) => ("added", annotation.id.as_str()),
            AnnotationChange::Changed(annotation) => ("changed", annotation.id.as_str()),
            AnnotationChange::Removed(annotation) => ("removed", annotation.id.as_str()),
        })
        .collect();
    assert_eq!(got, expected, "{name}");
}

#[test]
fn changes_claim_by_claim() {
    let a = claim("a", 0, Tag::Allegation);
    let b = claim("b", 4, Tag::Denial);
    let mut b_retagged = b.clone();
    b_retagged.tag = Tag::Demand;
    let mut a_noted = a.clone();
    a_noted.note = "who says so?".into();
    let c = claim("c", 8, Tag::Demand);
    check(
        "nothing changed",
        &[a.clone(), b.clone()],
        &[a.clone(), b.clone()],
        &[],
    );
    check(
        "added",
        std::slice::from_ref(&a),
        &[a.clone(), b.clone()],
        &[("added", "b")],
    );
    check(
        "removed",
        &[a.clone(), b.clone()],
        std::slice::from_ref(&b),
        &[("removed", "a")],
    );
    check(
        "retagged",
        &[a.clone(), b.clone()],
        &[a.clone(), b_retagged],
        &[("changed", "b")],
    );
    check(
        "all at once",
        &[a.clone(), b.clone()],
        &[a_noted, c],
        &[("removed", "b"), ("changed", "a"), ("added", "c")],
    );
    check(
        "from nothing",
        &[],
        &[a, b],
        &[("added", "a"), ("added", "b")],
    );
}

/// The reducer's lists share untouched claims (the same `Rc`): those are unchanged by their
/// pointer, and an equal copy under another pointer is unchanged too.
#[test]
fn claims_shared_between_the_lists() {
    let a = Rc::new(claim("a", 0, Tag::Allegation));
    let b = Rc::new(claim("b", 4, Tag::Denial));
    let b_retagged = Rc::new(Annotation {
        tag: Tag::Demand,
        ..(*b).clone()
    });
    let b_copy = Rc::new((*b).clone());
    let c = Rc::new(claim("c", 8, Tag::Demand));
    // (name, before, after, expected)
    type Case<'a> = (
        &'a str,
        Vec<Rc<Annotation>>,
        Vec<Rc<Annotation>>,
        &'a [(&'a str, &'a str)],
    );
    let cases: Vec<Case> = vec![
        (
            "the same pointers",
            vec![a.clone(), b.clone()],
            vec![a.clone(), b.clone()],
            &[],
        ),
        (
            "one replaced, one added",
            vec![a.clone(), b.clone()],
            vec![a.clone(), b_retagged.clone(), c.clone()],
            &[("changed", "b"), ("added", "c")],
        ),
        (
            "an equal copy under another pointer is no change",
            vec![a.clone(), b.clone()],
            vec![a.clone(), b_copy],
            &[],
        ),
        (
            "one removed between shared ones",
            vec![a.clone(), b.clone(), c.clone()],
            vec![a.clone(), c.clone()],
            &[("removed", "b")],
        ),
        // The shared start and end are passed over by pointer; what lies between is still
        // compared by id, whatever its order.
        (
            "shared claims that swapped places are no change",
            vec![a.clone(), b.clone(), c.clone()],
            vec![b.clone(), a.clone(), c.clone()],
            &[],
        ),
        (
            "a shared claim moved from the start to the end is no change",
            vec![a.clone(), b.clone(), c.clone()],
            vec![b.clone(), c.clone(), a.clone()],
            &[],
        ),
        (
            "one added at the start, before shared ones",
            vec![b.clone(), c.clone()],
            vec![a.clone(), b.clone(), c.clone()],
            &[("added", "a")],
        ),
        (
            "one retagged at the end, after shared ones",
            vec![a.clone(), b.clone()],
            vec![a.clone(), b_retagged.clone()],
            &[("changed", "b")],
        ),
        (
            "one retagged and moved past a shared one",
            vec![a.clone(), b.clone(), c.clone()],
            vec![a.clone(), c.clone(), b_retagged.clone()],
            &[("changed", "b")],
        ),
        (
            "everything removed",
            vec![a.clone(), b.clone()],
            vec![],
            &[("removed", "a"), ("removed", "b")],
        ),
    ];
    for (name, before, after, expected) in cases {
        check_shared(name, &before, &after, expected);
    }
}
