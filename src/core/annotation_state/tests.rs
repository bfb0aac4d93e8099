mod history_edges;
mod undo_and_redo;

use super::*;
use crate::core::annotation::{answered_claim, AnchorStatus};
use crate::core::char_range::CharRange;
use crate::core::merge::Snapshot;
use crate::core::selector::describe_quote;
use crate::core::source_text::SourceText;

const TEXT: &str = "The letter alleges abuse. Officials deny it. They demand a probe.";

fn annotation(id: &str, start: usize, end: usize, tag: Tag) -> Annotation {
    let text = SourceText::new(TEXT);
    Annotation::describe(
        &text,
        CharRange::new(start, end),
        tag,
        id.to_string(),
        1_000,
    )
}

fn seeded() -> AnnotationState {
    let mut state = AnnotationState::default();
    state.apply(Action::Load(Snapshot {
        tombstones: vec![],
        annotations: vec![
            annotation("b", 26, 43, Tag::Denial),
            annotation("a", 0, 24, Tag::Allegation),
        ],
    }));
    state
}

/// (id, speaker, explanation, responds_to) of an annotation.
type Details = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
);

/// The details of every annotation that has any, in order.
fn details(state: &AnnotationState) -> Vec<(&str, &str, &str, Option<&str>)> {
    state
        .annotations()
        .iter()
        .filter(|a| !a.speaker.is_empty() || !a.explanation.is_empty() || a.responds_to.is_some())
        .map(|a| {
            (
                a.id.as_str(),
                a.speaker.as_str(),
                a.explanation.as_str(),
                a.responds_to.as_deref(),
            )
        })
        .collect()
}

fn text(id: &str, field: TextField, text: &str, at_ms: i64) -> Action {
    Action::SetText {
        id: id.into(),
        field,
        text: text.into(),
        at_ms,
    }
}

fn link(id: &str, target: Option<&str>, at_ms: i64) -> Action {
    Action::SetRespondsTo {
        id: id.into(),
        target: target.map(str::to_string),
        at_ms,
    }
}

struct Case {
    name: &'static str,
    /// Applied to the seeded state first; not what the case measures.
    before: Vec<Action>,
    action: Action,
    expect_changed: bool,
    /// (id, tag, note, modified_ms) of every annotation afterwards, in order.
    expect: Vec<(&'static str, Tag, &'static str, i64)>,
    /// The annotations with a speaker, explanation or link afterwards; all others have none.
    expect_details: Vec<Details>,
}

fn check(case: Case) {
    let mut state = seeded();
    for action in case.before {
        state.apply(action);
    }
    let revision_before = state.revision();
    let changed = state.apply(case.action);
    assert_eq!(changed, case.expect_changed, "{}: changed", case.name);
    assert_eq!(
        state.revision(),
        revision_before + u64::from(changed),
        "{}: revision",
        case.name
    );
    let got: Vec<(&str, Tag, &str, i64)> = state
        .annotations()
        .iter()
        .map(|annotation| {
            (
                annotation.id.as_str(),
                annotation.tag.clone(),
                annotation.note.as_str(),
                annotation.modified_ms,
            )
        })
        .collect();
    assert_eq!(got, case.expect, "{}", case.name);
    assert_eq!(
        details(&state),
        case.expect_details,
        "{}: details",
        case.name
    );
}

#[test]
fn every_action() {
    let unchanged = vec![
        ("a", Tag::Allegation, "", 1_000),
        ("b", Tag::Denial, "", 1_000),
    ];
    let cases = vec![
        Case {
            name: "add goes into reading order",
            before: vec![],
            action: Action::Add(annotation("c", 45, 64, Tag::Demand)),
            expect_changed: true,
            expect: vec![
                ("a", Tag::Allegation, "", 1_000),
                ("b", Tag::Denial, "", 1_000),
                ("c", Tag::Demand, "", 1_000),
            ],
            expect_details: vec![],
        },
        Case {
            name: "add of an existing id is ignored",
            before: vec![],
            action: Action::Add(annotation("a", 45, 64, Tag::Demand)),
            expect_changed: false,
            expect: unchanged.clone(),
            expect_details: vec![],
        },
        Case {
            name: "retag changes tag and modified time",
            before: vec![],
            action: Action::Retag {
                id: "b".into(),
                tag: Tag::Demand,
                at_ms: 2_000,
            },
            expect_changed: true,
            expect: vec![
                ("a", Tag::Allegation, "", 1_000),
                ("b", Tag::Demand, "", 2_000),
            ],
            expect_details: vec![],
        },
        Case {
            name: "retag to the same tag is no change",
            before: vec![],
            action: Action::Retag {
                id: "b".into(),
                tag: Tag::Denial,
                at_ms: 2_000,
            },
            expect_changed: false,
            expect: unchanged.clone(),
            expect_details: vec![],
        },
        Case {
            name: "note is set as plain text",
            before: vec![],
            action: text("a", TextField::Note, "<b>check</b> source", 3_000),
            expect_changed: true,
            expect: vec![
                ("a", Tag::Allegation, "<b>check</b> source", 3_000),
                ("b", Tag::Denial, "", 1_000),
            ],
            expect_details: vec![],
        },
        Case {
            name: "a clock that went backwards never lowers modified",
            before: vec![],
            action: text("a", TextField::Note, "x", 10),
            expect_changed: true,
            expect: vec![
                ("a", Tag::Allegation, "x", 1_000),
                ("b", Tag::Denial, "", 1_000),
            ],
            expect_details: vec![],
        },
        Case {
            name: "delete removes only that id",
            before: vec![],
            action: Action::Delete {
                id: "a".into(),
                at_ms: 5_000,
            },
            expect_changed: true,
            expect: vec![("b", Tag::Denial, "", 1_000)],
            expect_details: vec![],
        },
        Case {
            name: "delete of an unknown id",
            before: vec![],
            action: Action::Delete {
                id: "zzz".into(),
                at_ms: 5_000,
            },
            expect_changed: false,
            expect: unchanged.clone(),
            expect_details: vec![],
        },
        Case {
            name: "retag of an unknown id",
            before: vec![],
            action: Action::Retag {
                id: "zzz".into(),
                tag: Tag::Demand,
                at_ms: 5,
            },
            expect_changed: false,
            expect: unchanged.clone(),
            expect_details: vec![],
        },
        Case {
            name: "speaker is set",
            before: vec![],
            action: text("a", TextField::Speaker, "the letter", 3_000),
            expect_changed: true,
            expect: vec![
                ("a", Tag::Allegation, "", 3_000),
                ("b", Tag::Denial, "", 1_000),
            ],
            expect_details: vec![("a", "the letter", "", None)],
        },
        Case {
            name: "explanation is set",
            before: vec![],
            action: text("b", TextField::Explanation, "A flat denial.", 3_000),
            expect_changed: true,
            expect: vec![
                ("a", Tag::Allegation, "", 1_000),
                ("b", Tag::Denial, "", 3_000),
            ],
            expect_details: vec![("b", "", "A flat denial.", None)],
        },
        Case {
            name: "a field set to what it holds is no change",
            before: vec![text("a", TextField::Speaker, "the letter", 2_000)],
            action: text("a", TextField::Speaker, "the letter", 3_000),
            expect_changed: false,
            expect: vec![
                ("a", Tag::Allegation, "", 2_000),
                ("b", Tag::Denial, "", 1_000),
            ],
            expect_details: vec![("a", "the letter", "", None)],
        },
        Case {
            name: "a field is emptied",
            before: vec![text("a", TextField::Explanation, "Why", 2_000)],
            action: text("a", TextField::Explanation, "", 3_000),
            expect_changed: true,
            expect: vec![
                ("a", Tag::Allegation, "", 3_000),
                ("b", Tag::Denial, "", 1_000),
            ],
            expect_details: vec![],
        },
        Case {
            name: "text of an unknown id",
            before: vec![],
            action: text("zzz", TextField::Speaker, "x", 3_000),
            expect_changed: false,
            expect: unchanged.clone(),
            expect_details: vec![],
        },
        Case {
            name: "a denial answers an allegation",
            before: vec![],
            action: link("b", Some("a"), 4_000),
            expect_changed: true,
            expect: vec![
                ("a", Tag::Allegation, "", 1_000),
                ("b", Tag::Denial, "", 4_000),
            ],
            expect_details: vec![("b", "", "", Some("a"))],
        },
        Case {
            name: "a claim cannot answer itself",
            before: vec![],
            action: link("b", Some("b"), 4_000),
            expect_changed: false,
            expect: unchanged.clone(),
            expect_details: vec![],
        },
        Case {
            name: "a link to a claim that is not there is refused",
            before: vec![],
            action: link("b", Some("zzz"), 4_000),
            expect_changed: false,
            expect: unchanged.clone(),
            expect_details: vec![],
        },
        Case {
            name: "a link from an unknown id",
            before: vec![],
            action: link("zzz", Some("a"), 4_000),
            expect_changed: false,
            expect: unchanged.clone(),
            expect_details: vec![],
        },
        Case {
            name: "the same link again is no change",
            before: vec![link("b", Some("a"), 2_000)],
            action: link("b", Some("a"), 4_000),
            expect_changed: false,
            expect: vec![
                ("a", Tag::Allegation, "", 1_000),
                ("b", Tag::Denial, "", 2_000),
            ],
            expect_details: vec![("b", "", "", Some("a"))],
        },
        Case {
            name: "a link is cleared",
            before: vec![link("b", Some("a"), 2_000)],
            action: link("b", None, 4_000),
            expect_changed: true,
            expect: vec![
                ("a", Tag::Allegation, "", 1_000),
                ("b", Tag::Denial, "", 4_000),
            ],
            expect_details: vec![],
        },
        Case {
            name: "clearing a link that is not there is no change",
            before: vec![],
            action: link("b", None, 4_000),
            expect_changed: false,
            expect: unchanged.clone(),
            expect_details: vec![],
        },
        Case {
            name: "deleting the answered claim leaves the answer's link",
            before: vec![link("b", Some("a"), 2_000)],
            action: Action::Delete {
                id: "a".into(),
                at_ms: 5_000,
            },
            expect_changed: true,
            expect: vec![("b", Tag::Denial, "", 2_000)],
            expect_details: vec![("b", "", "", Some("a"))],
        },
    ];
    for case in cases {
        check(case);
    }
}

#[test]
fn load_sorts_dedups_and_is_not_a_change() {
    let state = seeded();
    assert_eq!(state.revision(), 0);
    assert_eq!(
        state
            .annotations()
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>(),
        ["a", "b"]
    );
    assert_eq!(
        state.count_by_tag(),
        [(Tag::Allegation, 1), (Tag::Denial, 1), (Tag::Demand, 0)]
    );
    assert!(state
        .annotations()
        .iter()
        .all(|a| a.anchor == AnchorStatus::Anchored));
}

/// When the value to load holds one id twice, `Load` keeps the first of each id as given, then
/// sorts in reading order.
#[test]
fn load_keeps_the_first_claim_of_each_id() {
    fn check(name: &str, given: Vec<Annotation>, expected: &[(&str, Tag)]) {
        let mut state = AnnotationState::default();
        state.apply(Action::Load(Snapshot {
            tombstones: vec![],
            annotations: given,
        }));
        let kept: Vec<(&str, Tag)> = state
            .annotations()
            .iter()
            .map(|a| (a.id.as_str(), a.tag.clone()))
            .collect();
        assert_eq!(kept, expected, "{name}");
    }
    let cases = [
        (
            "no id twice",
            vec![
                annotation("b", 26, 43, Tag::Denial),
                annotation("a", 0, 24, Tag::Allegation),
            ],
            vec![("a", Tag::Allegation), ("b", Tag::Denial)],
        ),
        (
            "a later copy is dropped, though it comes first in reading order",
            vec![
                annotation("b", 26, 43, Tag::Denial),
                annotation("b", 0, 5, Tag::Demand),
            ],
            vec![("b", Tag::Denial)],
        ),
        (
            "three copies among others",
            vec![
                annotation("c", 50, 60, Tag::Demand),
                annotation("a", 30, 40, Tag::Allegation),
                annotation("c", 0, 5, Tag::Denial),
                annotation("b", 10, 20, Tag::Denial),
                annotation("c", 70, 80, Tag::Allegation),
            ],
            vec![
                ("b", Tag::Denial),
                ("a", Tag::Allegation),
                ("c", Tag::Demand),
            ],
        ),
    ];
    for (name, given, expected) in cases {
        check(name, given, &expected);
    }
}

#[test]
fn reattach_makes_an_orphan_certain_again() {
    let mut state = AnnotationState::default();
    let mut orphan = annotation("o", 0, 10, Tag::Denial);
    orphan.anchor = AnchorStatus::Orphan;
    state.apply(Action::Load(Snapshot {
        tombstones: vec![],
        annotations: vec![orphan],
    }));
    let quote = describe_quote(&SourceText::new(TEXT), CharRange::new(26, 35));
    assert!(state.apply(Action::Reattach {
        id: "o".into(),
        range: CharRange::new(26, 35),
        quote,
        at_ms: 9
    }));
    let reattached = state.get("o").unwrap();
    assert_eq!(
        (
            reattached.anchor,
            reattached.quote.exact.as_str(),
            reattached.range
        ),
        (AnchorStatus::Anchored, "Officials", CharRange::new(26, 35))
    );
}

#[test]
fn delete_leaves_a_tombstone_and_merge_folds_in_another_tab() {
    let mut state = seeded();
    state.apply(Action::Delete {
        id: "a".into(),
        at_ms: 5_000,
    });
    assert_eq!(
        state.snapshot().tombstones,
        vec![crate::core::merge::Tombstone {
            id: "a".into(),
            deleted_ms: 5_000
        }]
    );
    // Another tab still has "a" (older) and added "c": "a" stays deleted, "c" arrives.
    let remote = Snapshot {
        annotations: vec![
            annotation("a", 0, 24, Tag::Allegation),
            annotation("c", 45, 64, Tag::Demand),
        ],
        tombstones: vec![],
    };
    let revision = state.revision();
    assert!(state.apply(Action::Merge {
        remote: remote.clone(),
        now_ms: 6_000
    }));
    assert_eq!(state.revision(), revision + 1);
    assert_eq!(
        state
            .annotations()
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>(),
        ["b", "c"]
    );
    assert!(
        !state.apply(Action::Merge {
            remote,
            now_ms: 6_000
        }),
        "merging the same copy again changes nothing"
    );
}

/// An import of a new claim "c" and of "a" with a note, newer than the seeded "a".
fn import_c_and_a_noted(now_ms: i64) -> Action {
    let mut a_noted = annotation("a", 0, 24, Tag::Allegation);
    a_noted.note = "from the file".into();
    a_noted.modified_ms = 1_500;
    Action::Import {
        annotations: vec![annotation("c", 45, 64, Tag::Demand), a_noted],
        now_ms,
    }
}

/// Another tab's copy: the seeded claims and a claim "d" of its own.
fn merge_in_d(now_ms: i64) -> Action {
    let mut d = annotation("d", 45, 64, Tag::Allegation);
    d.created_ms = 2_400;
    d.modified_ms = 2_400;
    Action::Merge {
        remote: Snapshot {
            annotations: vec![d],
            tombstones: vec![],
        },
        now_ms,
    }
}
