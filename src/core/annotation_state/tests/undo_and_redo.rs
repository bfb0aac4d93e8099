//! Undo and redo through every kind of action, imports and another tab's merge among them.

use super::*;

/// Undo and redo: each case runs actions on the seeded state (a: allegation, b: denial), then
/// checks (id, tag, note) of what is left.
#[test]
fn undo_and_redo() {
    struct UndoCase {
        name: &'static str,
        actions: Vec<Action>,
        expect: Vec<(&'static str, Tag, &'static str)>,
        expect_details: Vec<Details>,
        can_undo: bool,
        can_redo: bool,
    }
    let undo = |at_ms| Action::Undo { at_ms };
    let redo = |at_ms| Action::Redo { at_ms };
    let note = |note: &str, at_ms| text("a", TextField::Note, note, at_ms);
    let seeded_expect = vec![("a", Tag::Allegation, ""), ("b", Tag::Denial, "")];
    let cases = vec![
        UndoCase {
            name: "nothing to undo after loading",
            actions: vec![undo(2_000)],
            expect: seeded_expect.clone(),
            expect_details: vec![],
            can_undo: false,
            can_redo: false,
        },
        UndoCase {
            name: "add, undo",
            actions: vec![
                Action::Add(annotation("c", 45, 64, Tag::Demand)),
                undo(2_000),
            ],
            expect: seeded_expect.clone(),
            expect_details: vec![],
            can_undo: false,
            can_redo: true,
        },
        UndoCase {
            name: "add, undo, redo",
            actions: vec![
                Action::Add(annotation("c", 45, 64, Tag::Demand)),
                undo(2_000),
                redo(3_000),
            ],
            expect: vec![
                ("a", Tag::Allegation, ""),
                ("b", Tag::Denial, ""),
                ("c", Tag::Demand, ""),
            ],
            expect_details: vec![],
            can_undo: true,
            can_redo: false,
        },
        UndoCase {
            name: "retag, undo",
            actions: vec![
                Action::Retag {
                    id: "b".into(),
                    tag: Tag::Demand,
                    at_ms: 2_000,
                },
                undo(3_000),
            ],
            expect: seeded_expect.clone(),
            expect_details: vec![],
            can_undo: false,
            can_redo: true,
        },
        UndoCase {
            name: "typing a note is one step per pause",
            actions: vec![
                note("W", 2_000),
                note("Wh", 2_300),
                note("Why", 2_600),
                note("Why?", 9_000),
                undo(10_000),
            ],
            expect: vec![("a", Tag::Allegation, "Why"), ("b", Tag::Denial, "")],
            expect_details: vec![],
            can_undo: true,
            can_redo: true,
        },
        UndoCase {
            name: "delete, undo brings it back",
            actions: vec![
                Action::Delete {
                    id: "a".into(),
                    at_ms: 2_000,
                },
                undo(3_000),
            ],
            expect: seeded_expect.clone(),
            expect_details: vec![],
            can_undo: false,
            can_redo: true,
        },
        UndoCase {
            name: "clear all, undo brings every claim back",
            actions: vec![Action::ClearAll { at_ms: 2_000 }, undo(3_000)],
            expect: seeded_expect.clone(),
            expect_details: vec![],
            can_undo: false,
            can_redo: true,
        },
        UndoCase {
            name: "clear all, undo, redo clears again",
            actions: vec![Action::ClearAll { at_ms: 2_000 }, undo(3_000), redo(4_000)],
            expect: vec![],
            expect_details: vec![],
            can_undo: true,
            can_redo: false,
        },
        UndoCase {
            name: "a new action after an undo empties redo",
            actions: vec![
                Action::Delete {
                    id: "a".into(),
                    at_ms: 2_000,
                },
                undo(3_000),
                Action::Retag {
                    id: "b".into(),
                    tag: Tag::Demand,
                    at_ms: 4_000,
                },
            ],
            expect: vec![("a", Tag::Allegation, ""), ("b", Tag::Demand, "")],
            expect_details: vec![],
            can_undo: true,
            can_redo: false,
        },
        UndoCase {
            name: "typing a speaker is one step per pause",
            actions: vec![
                text("a", TextField::Speaker, "Z", 2_000),
                text("a", TextField::Speaker, "Zhao", 2_400),
                text("a", TextField::Speaker, "Zhao Lijian", 2_800),
                undo(10_000),
            ],
            expect: seeded_expect.clone(),
            expect_details: vec![],
            can_undo: false,
            can_redo: true,
        },
        UndoCase {
            name: "typing an explanation, undo, redo",
            actions: vec![
                text("b", TextField::Explanation, "Den", 2_000),
                text("b", TextField::Explanation, "Denies it", 2_500),
                undo(10_000),
                redo(11_000),
            ],
            expect: seeded_expect.clone(),
            expect_details: vec![("b", "", "Denies it", None)],
            can_undo: true,
            can_redo: false,
        },
        UndoCase {
            name: "typing in two fields of a claim without a pause is one step",
            actions: vec![
                text("a", TextField::Speaker, "the letter", 2_000),
                note("Who signed?", 2_500),
                undo(10_000),
            ],
            expect: seeded_expect.clone(),
            expect_details: vec![],
            can_undo: false,
            can_redo: true,
        },
        UndoCase {
            name: "typing in another claim starts a new step",
            actions: vec![
                text("a", TextField::Speaker, "the letter", 2_000),
                text("b", TextField::Speaker, "officials", 2_100),
                undo(10_000),
            ],
            expect: seeded_expect.clone(),
            expect_details: vec![("a", "the letter", "", None)],
            can_undo: true,
            can_redo: true,
        },
        UndoCase {
            name: "link, undo",
            actions: vec![link("b", Some("a"), 2_000), undo(3_000)],
            expect: seeded_expect.clone(),
            expect_details: vec![],
            can_undo: false,
            can_redo: true,
        },
        UndoCase {
            name: "link, undo, redo",
            actions: vec![link("b", Some("a"), 2_000), undo(3_000), redo(4_000)],
            expect: seeded_expect.clone(),
            expect_details: vec![("b", "", "", Some("a"))],
            can_undo: true,
            can_redo: false,
        },
        UndoCase {
            name: "a cleared link comes back with undo",
            actions: vec![
                link("b", Some("a"), 2_000),
                link("b", None, 3_000),
                undo(4_000),
            ],
            expect: seeded_expect.clone(),
            expect_details: vec![("b", "", "", Some("a"))],
            can_undo: true,
            can_redo: true,
        },
        UndoCase {
            name: "a refused link is no step",
            actions: vec![link("b", Some("b"), 2_000), link("b", Some("zzz"), 2_100)],
            expect: seeded_expect.clone(),
            expect_details: vec![],
            can_undo: false,
            can_redo: false,
        },
        UndoCase {
            name: "deleting the answered claim, undo: the claim is back and the link holds",
            actions: vec![
                link("b", Some("a"), 2_000),
                Action::Delete {
                    id: "a".into(),
                    at_ms: 3_000,
                },
                undo(4_000),
            ],
            expect: seeded_expect.clone(),
            expect_details: vec![("b", "", "", Some("a"))],
            can_undo: true,
            can_redo: true,
        },
        UndoCase {
            name: "import, undo takes out what it added and puts back what it updated",
            actions: vec![import_c_and_a_noted(2_000), undo(3_000)],
            expect: seeded_expect.clone(),
            expect_details: vec![],
            can_undo: false,
            can_redo: true,
        },
        UndoCase {
            name: "import, undo, redo",
            actions: vec![import_c_and_a_noted(2_000), undo(3_000), redo(4_000)],
            expect: vec![
                ("a", Tag::Allegation, "from the file"),
                ("b", Tag::Denial, ""),
                ("c", Tag::Demand, ""),
            ],
            expect_details: vec![],
            can_undo: true,
            can_redo: false,
        },
        UndoCase {
            name: "add, another tab's claim merged in, undo: only the added claim goes",
            actions: vec![
                Action::Add(annotation("c", 45, 64, Tag::Demand)),
                merge_in_d(2_500),
                undo(3_000),
            ],
            expect: vec![
                ("a", Tag::Allegation, ""),
                ("b", Tag::Denial, ""),
                ("d", Tag::Allegation, ""),
            ],
            expect_details: vec![],
            can_undo: false,
            can_redo: true,
        },
        UndoCase {
            name: "retag, another tab's claim merged in, undo, redo",
            actions: vec![
                Action::Retag {
                    id: "b".into(),
                    tag: Tag::Demand,
                    at_ms: 2_000,
                },
                merge_in_d(2_500),
                undo(3_000),
                redo(4_000),
            ],
            expect: vec![
                ("a", Tag::Allegation, ""),
                ("b", Tag::Demand, ""),
                ("d", Tag::Allegation, ""),
            ],
            expect_details: vec![],
            can_undo: true,
            can_redo: false,
        },
        UndoCase {
            name: "reattach, undo puts the claim back in its old place",
            actions: vec![
                Action::reattach_at(
                    &SourceText::new(TEXT),
                    "a".into(),
                    CharRange::new(45, 64),
                    2_000,
                ),
                undo(3_000),
            ],
            expect: seeded_expect.clone(),
            expect_details: vec![],
            can_undo: false,
            can_redo: true,
        },
        UndoCase {
            name: "clear all, another tab's claim merged in, undo brings back only the cleared",
            actions: vec![
                Action::ClearAll { at_ms: 2_000 },
                merge_in_d(2_500),
                undo(3_000),
            ],
            expect: vec![
                ("a", Tag::Allegation, ""),
                ("b", Tag::Denial, ""),
                ("d", Tag::Allegation, ""),
            ],
            expect_details: vec![],
            can_undo: false,
            can_redo: true,
        },
    ];
    for case in cases {
        let mut state = seeded();
        for action in case.actions {
            state.apply(action);
        }
        let got: Vec<(&str, Tag, &str)> = state
            .annotations()
            .iter()
            .map(|a| (a.id.as_str(), a.tag.clone(), a.note.as_str()))
            .collect();
        assert_eq!(got, case.expect, "{}", case.name);
        assert_eq!(
            details(&state),
            case.expect_details,
            "{}: details",
            case.name
        );
        assert_eq!(
            (state.can_undo(), state.can_redo()),
            (case.can_undo, case.can_redo),
            "{}",
            case.name
        );
    }
}
