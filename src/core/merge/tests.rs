use super::*;
use crate::core::char_range::CharRange;
use crate::core::source_text::SourceText;
use crate::core::tag::Tag;

const TEXT: &str = "The letter alleges abuse. Officials deny it. They demand a probe.";
const NOW: i64 = 1_800_000_000_000;
/// Times in the cases count from here: an hour before now.
const RECENT: i64 = NOW - 3_600_000;

fn annotation(id: &str, tag: Tag, note: &str, modified_ms: i64) -> Annotation {
    let mut annotation = Annotation::describe(
        &SourceText::new(TEXT),
        CharRange::new(0, 10),
        tag,
        id.to_string(),
        1_000,
    );
    annotation.note = note.to_string();
    annotation.modified_ms = RECENT + modified_ms;
    annotation
}

fn with_speaker(mut annotation: Annotation, speaker: &str) -> Annotation {
    annotation.speaker = speaker.to_string();
    annotation
}

fn tombstone(id: &str, deleted_ms: i64) -> Tombstone {
    Tombstone {
        id: id.to_string(),
        deleted_ms: RECENT + deleted_ms,
    }
}

struct Case {
    name: &'static str,
    local: Snapshot,
    remote: Snapshot,
    /// (id, note, speaker) of the merged annotations, and ids of the merged tombstones.
    expect_annotations: Vec<(&'static str, &'static str, &'static str)>,
    expect_tombstones: Vec<&'static str>,
}

fn check(case: Case) {
    for (direction, merged) in [
        ("local first", merge(&case.local, &case.remote, NOW)),
        ("remote first", merge(&case.remote, &case.local, NOW)),
    ] {
        let annotations: Vec<(&str, &str, &str)> = merged
            .annotations
            .iter()
            .map(|annotation| {
                (
                    annotation.id.as_str(),
                    annotation.note.as_str(),
                    annotation.speaker.as_str(),
                )
            })
            .collect();
        let tombstones: Vec<&str> = merged
            .tombstones
            .iter()
            .map(|tombstone| tombstone.id.as_str())
            .collect();
        assert_eq!(
            annotations, case.expect_annotations,
            "{} ({direction})",
            case.name
        );
        assert_eq!(
            tombstones, case.expect_tombstones,
            "{} ({direction})",
            case.name
        );
    }
}

#[test]
fn merge_rules() {
    let cases = vec![
        Case {
            name: "each tab added its own: the union",
            local: Snapshot {
                annotations: vec![annotation("a", Tag::Denial, "mine", 10)],
                tombstones: vec![],
            },
            remote: Snapshot {
                annotations: vec![annotation("b", Tag::Demand, "theirs", 20)],
                tombstones: vec![],
            },
            expect_annotations: vec![("a", "mine", ""), ("b", "theirs", "")],
            expect_tombstones: vec![],
        },
        Case {
            name: "conflicting edits of one annotation: the newer wins",
            local: Snapshot {
                annotations: vec![annotation("a", Tag::Denial, "older edit", 10)],
                tombstones: vec![],
            },
            remote: Snapshot {
                annotations: vec![annotation("a", Tag::Demand, "newer edit", 20)],
                tombstones: vec![],
            },
            expect_annotations: vec![("a", "newer edit", "")],
            expect_tombstones: vec![],
        },
        Case {
            name: "edits at the very same millisecond: both tabs pick the same one",
            local: Snapshot {
                annotations: vec![annotation("a", Tag::Denial, "x", 10)],
                tombstones: vec![],
            },
            remote: Snapshot {
                annotations: vec![annotation("a", Tag::Denial, "y", 10)],
                tombstones: vec![],
            },
            expect_annotations: vec![("a", "y", "")],
            expect_tombstones: vec![],
        },
        Case {
            // The tie-break must compare every edited field: comparing only tag, note, range
            // and quote (as before speakers existed), two copies differing only in the speaker
            // would each keep their own, and the tabs would never agree.
            name: "edits at the very same millisecond differing only in the speaker: both tabs pick the same one",
            local: Snapshot {
                annotations: vec![with_speaker(annotation("a", Tag::Denial, "x", 10), "Zhao Lijian")],
                tombstones: vec![],
            },
            remote: Snapshot {
                annotations: vec![with_speaker(annotation("a", Tag::Denial, "x", 10), "the letter")],
                tombstones: vec![],
            },
            expect_annotations: vec![("a", "x", "the letter")],
            expect_tombstones: vec![],
        },
        Case {
            name: "edit versus delete: a deletion after the edit wins",
            local: Snapshot {
                annotations: vec![annotation("a", Tag::Denial, "edited", 10)],
                tombstones: vec![],
            },
            remote: Snapshot {
                annotations: vec![],
                tombstones: vec![tombstone("a", 20)],
            },
            expect_annotations: vec![],
            expect_tombstones: vec!["a"],
        },
        Case {
            name: "edit versus delete: an edit after the deletion wins",
            local: Snapshot {
                annotations: vec![annotation("a", Tag::Denial, "edited later", 30)],
                tombstones: vec![],
            },
            remote: Snapshot {
                annotations: vec![],
                tombstones: vec![tombstone("a", 20)],
            },
            expect_annotations: vec![("a", "edited later", "")],
            expect_tombstones: vec![],
        },
        Case {
            name: "delete versus delete: one tombstone",
            local: Snapshot {
                annotations: vec![],
                tombstones: vec![tombstone("a", 20)],
            },
            remote: Snapshot {
                annotations: vec![],
                tombstones: vec![tombstone("a", 25)],
            },
            expect_annotations: vec![],
            expect_tombstones: vec!["a"],
        },
        Case {
            name: "a stale copy that still has a deleted annotation does not bring it back",
            local: Snapshot {
                annotations: vec![],
                tombstones: vec![tombstone("a", 20)],
            },
            remote: Snapshot {
                annotations: vec![
                    annotation("a", Tag::Denial, "stale", 10),
                    annotation("b", Tag::Demand, "", 5),
                ],
                tombstones: vec![],
            },
            expect_annotations: vec![("b", "", "")],
            expect_tombstones: vec!["a"],
        },
        Case {
            name: "tombstones older than their lifetime are forgotten",
            local: Snapshot {
                annotations: vec![],
                tombstones: vec![
                    Tombstone {
                        id: "old".into(),
                        deleted_ms: NOW - TOMBSTONE_LIFETIME_MS - 1,
                    },
                    tombstone("new", 5),
                ],
            },
            remote: Snapshot::default(),
            expect_annotations: vec![],
            expect_tombstones: vec!["new"],
        },
    ];
    for case in cases {
        check(case);
    }
}
