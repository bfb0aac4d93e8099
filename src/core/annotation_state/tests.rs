use super::*;
use crate::core::annotation::AnchorStatus;
use crate::core::char_range::CharRange;
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
    state.apply(Action::Load(vec![
        annotation("b", 26, 43, Tag::Denial),
        annotation("a", 0, 24, Tag::Allegation),
    ]));
    state
}

struct Case {
    name: &'static str,
    action: Action,
    expect_changed: bool,
    /// (id, tag, note, modified_ms) of every annotation afterwards, in order.
    expect: Vec<(&'static str, Tag, &'static str, i64)>,
}

fn check(case: Case) {
    let mut state = seeded();
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
                annotation.tag,
                annotation.note.as_str(),
                annotation.modified_ms,
            )
        })
        .collect();
    assert_eq!(got, case.expect, "{}", case.name);
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
            action: Action::Add(annotation("c", 45, 64, Tag::Demand)),
            expect_changed: true,
            expect: vec![
                ("a", Tag::Allegation, "", 1_000),
                ("b", Tag::Denial, "", 1_000),
                ("c", Tag::Demand, "", 1_000),
            ],
        },
        Case {
            name: "add of an existing id is ignored",
            action: Action::Add(annotation("a", 45, 64, Tag::Demand)),
            expect_changed: false,
            expect: unchanged.clone(),
        },
        Case {
            name: "retag changes tag and modified time",
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
        },
        Case {
            name: "retag to the same tag is no change",
            action: Action::Retag {
                id: "b".into(),
                tag: Tag::Denial,
                at_ms: 2_000,
            },
            expect_changed: false,
            expect: unchanged.clone(),
        },
        Case {
            name: "note is set as plain text",
            action: Action::SetNote {
                id: "a".into(),
                note: "<b>check</b> source".into(),
                at_ms: 3_000,
            },
            expect_changed: true,
            expect: vec![
                ("a", Tag::Allegation, "<b>check</b> source", 3_000),
                ("b", Tag::Denial, "", 1_000),
            ],
        },
        Case {
            name: "a clock that went backwards never lowers modified",
            action: Action::SetNote {
                id: "a".into(),
                note: "x".into(),
                at_ms: 10,
            },
            expect_changed: true,
            expect: vec![
                ("a", Tag::Allegation, "x", 1_000),
                ("b", Tag::Denial, "", 1_000),
            ],
        },
        Case {
            name: "delete removes only that id",
            action: Action::Delete { id: "a".into() },
            expect_changed: true,
            expect: vec![("b", Tag::Denial, "", 1_000)],
        },
        Case {
            name: "delete of an unknown id",
            action: Action::Delete { id: "zzz".into() },
            expect_changed: false,
            expect: unchanged.clone(),
        },
        Case {
            name: "retag of an unknown id",
            action: Action::Retag {
                id: "zzz".into(),
                tag: Tag::Demand,
                at_ms: 5,
            },
            expect_changed: false,
            expect: unchanged.clone(),
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

#[test]
fn reattach_makes_an_orphan_certain_again() {
    let mut state = AnnotationState::default();
    let mut orphan = annotation("o", 0, 10, Tag::Denial);
    orphan.anchor = AnchorStatus::Orphan;
    state.apply(Action::Load(vec![orphan]));
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
