use super::*;
use crate::core::anchoring::ReanchorSummary;
use crate::core::annotation::TextField;
use crate::core::merge::{Snapshot, Tombstone};
use crate::core::shape_problem::ShapeProblem;

const TEXT: &str =
    "Officials said the claims were groundless. Rights groups demand a probe. 人权 😀 حقوق";

fn sample() -> Vec<Annotation> {
    let text = SourceText::new(TEXT);
    let mut first = Annotation::describe(
        &text,
        CharRange::new(19, 25),
        Tag::Denial,
        "id-1".into(),
        1_700_000_000_000,
    );
    first.note = "a \"quoted\" note, with <tags> & ünïcödé".into();
    first.speaker = "Officials".into();
    first.explanation = "A denial: \"groundless\".".into();
    first.responds_to = Some("id-3".into());
    first.modified_ms = 1_700_000_500_000;
    let second = Annotation::describe(
        &text,
        CharRange::new(57, 71),
        Tag::Demand,
        "id-2".into(),
        1_700_000_000_001,
    );
    let mut third = Annotation::describe(
        &text,
        CharRange::new(73, 82),
        Tag::Allegation,
        "id-3".into(),
        1_700_000_000_002,
    );
    third.speaker = "the letter".into();
    assert_eq!(text.slice(third.range), "人权 😀 حقوق");
    vec![first, second, third]
}

#[test]
fn round_trip_is_lossless() {
    let text = SourceText::new(TEXT);
    let annotations = sample();
    let snapshot = Snapshot {
        annotations,
        tombstones: vec![Tombstone {
            id: "gone".into(),
            deleted_ms: 1_700_000_900_000,
        }],
    };
    let raw = encode_annotations("text-fnv1a64-0", &snapshot);
    let decoded = decode_annotations(&raw, &text).expect("decodes");
    assert_eq!(
        decoded,
        DecodedAnnotations {
            snapshot,
            unreadable_entries: 0,
            reanchored: ReanchorSummary::default(),
            read_version: STORED_FORMAT_VERSION
        }
    );
}

#[test]
fn bad_values() {
    struct Case {
        name: &'static str,
        raw: &'static str,
        expected: Result<(usize, usize), StoredDecodeError>,
    }
    let cases = [
        Case {
            name: "not json",
            raw: "{oops",
            expected: Err(StoredDecodeError::NotJson(JsonSyntaxError {
                line: 1,
                column: 2,
            })),
        },
        Case {
            name: "an array",
            raw: "[]",
            expected: Err(StoredDecodeError::WrongShape(ShapeProblem::NotAnObject)),
        },
        Case {
            name: "no version",
            raw: r#"{"annotations":[]}"#,
            expected: Err(StoredDecodeError::WrongShape(ShapeProblem::NoVersion)),
        },
        Case {
            name: "newer version",
            raw: r#"{"v":99,"annotations":[]}"#,
            expected: Err(StoredDecodeError::NewerVersion(99)),
        },
        Case {
            name: "the next version, whatever it holds",
            raw: r#"{"v":4,"article":"k","annotations":[{"id":"y","tag":"denial","exact":"claims","start":19,"end":25,"created":1,"modified":2}]}"#,
            expected: Err(StoredDecodeError::NewerVersion(4)),
        },
        Case {
            name: "no list",
            raw: r#"{"v":1,"annotations":3}"#,
            expected: Err(StoredDecodeError::WrongShape(
                ShapeProblem::NoAnnotationList,
            )),
        },
        Case {
            name: "one damaged entry costs only itself",
            raw: r#"{"v":1,"article":"k","annotations":[{"id":"x"},{"id":"y","tag":"Denial","exact":"claims","start":19,"end":25,"created":1,"modified":2}]}"#,
            expected: Ok((1, 1)),
        },
        Case {
            name: "a tag from elsewhere is kept, not dropped",
            raw: r#"{"v":1,"article":"k","annotations":[{"id":"y","tag":"rumour","exact":"claims","start":19,"end":25,"created":1,"modified":2}]}"#,
            expected: Ok((1, 0)),
        },
    ];
    let text = SourceText::new(TEXT);
    for case in cases {
        let got = decode_annotations(case.raw, &text).map(|decoded| {
            (
                decoded.snapshot.annotations.len(),
                decoded.unreadable_entries,
            )
        });
        match (got, case.expected) {
            (got, expected) => assert_eq!(got, expected, "{}", case.name),
        }
    }
}

#[test]
fn stored_annotations_follow_their_words_or_become_orphans() {
    let raw = encode_annotations(
        "k",
        &Snapshot {
            annotations: sample(),
            tombstones: vec![],
        },
    );
    let edited = format!("Update: {TEXT}").replace("demand a probe", "ask politely");
    let decoded = decode_annotations(&raw, &SourceText::new(edited.as_str())).unwrap();
    let first = &decoded.snapshot.annotations[0];
    assert_eq!(
        (first.range, first.anchor),
        (CharRange::new(27, 33), AnchorStatus::Anchored)
    );
    assert_eq!(
        decoded.snapshot.annotations[1].anchor,
        AnchorStatus::Orphan,
        "its words are gone, so it is kept for review"
    );
    assert_eq!(
        decoded.snapshot.annotations[2].range,
        CharRange::new(79, 88)
    );
    assert_eq!(decoded.unreadable_entries, 0);
}

/// One fixture per version, read as it was written then, and one hand-edited value.
#[test]
fn every_version_reads() {
    /// (exact, note, speaker, explanation, responds_to) of an annotation read.
    type Facts = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        Option<&'static str>,
    );
    struct Case {
        name: &'static str,
        raw: &'static str,
        version: u64,
        expect: Vec<Facts>,
        tombstones: usize,
    }
    let cases = [
        Case {
            name: "format 1 (no deletions)",
            raw: include_str!("fixtures/v1.json"),
            version: 1,
            expect: vec![
                ("claims", "written by format 1", "", "", None),
                ("demand a probe", "", "", "", None),
            ],
            tombstones: 0,
        },
        Case {
            name: "format 2 (deletions, no speaker, explanation or link)",
            raw: include_str!("fixtures/v2.json"),
            version: 2,
            expect: vec![
                ("claims", "written by format 2", "", "", None),
                ("人权 😀 حقوق", "", "", "", None),
            ],
            tombstones: 1,
        },
        Case {
            name: "format 3 (speaker, explanation and link, omitted when empty)",
            raw: include_str!("fixtures/v3.json"),
            version: 3,
            expect: vec![
                (
                    "claims",
                    "written by format 3",
                    "Officials",
                    "Officials call the claims groundless: a denial.",
                    Some("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"),
                ),
                ("demand a probe", "", "", "", None),
                ("人权 😀 حقوق", "", "the letter", "", None),
            ],
            tombstones: 1,
        },
        Case {
            name: "a hand-edited link to the claim itself, and an empty one, are dropped",
            raw: r#"{"v":3,"article":"k","annotations":[{"id":"x","tag":"denial","exact":"claims","start":19,"end":25,"created":1,"modified":2,"re":"x"},{"id":"y","tag":"demand","exact":"demand a probe","start":57,"end":71,"created":1,"modified":2,"re":""}]}"#,
            version: 3,
            expect: vec![
                ("claims", "", "", "", None),
                ("demand a probe", "", "", "", None),
            ],
            tombstones: 0,
        },
    ];
    let text = SourceText::new(TEXT);
    for case in cases {
        let name = case.name;
        let decoded =
            decode_annotations(case.raw, &text).unwrap_or_else(|error| panic!("{name}: {error:?}"));
        assert_eq!(decoded.read_version, case.version, "{name}");
        assert_eq!(decoded.unreadable_entries, 0, "{name}");
        assert_eq!(decoded.reanchored, ReanchorSummary::default(), "{name}");
        assert_eq!(decoded.snapshot.tombstones.len(), case.tombstones, "{name}");
        let facts: Vec<(&str, &str, &str, &str, Option<&str>)> = decoded
            .snapshot
            .annotations
            .iter()
            .map(|a| {
                (
                    a.quote.exact.as_str(),
                    a.note.as_str(),
                    a.speaker.as_str(),
                    a.explanation.as_str(),
                    a.responds_to.as_deref(),
                )
            })
            .collect();
        assert_eq!(facts, case.expect, "{name}");
        // Written back, it is the current version, and reads the same.
        let rewritten = encode_annotations("text-fnv1a64-0", &decoded.snapshot);
        assert!(
            rewritten.starts_with(&format!("{{\"v\":{STORED_FORMAT_VERSION},")),
            "{name}: {rewritten}"
        );
        assert_eq!(
            decode_annotations(&rewritten, &text).unwrap().snapshot,
            decoded.snapshot,
            "{name}"
        );
    }
}

/// The budget of issue 4: a typical claim with a short note, in the stored form.
#[test]
fn a_typical_claim_costs_under_400_bytes() {
    let text = SourceText::new(include_str!("../../../static/article.txt"));
    let start = text
        .as_str()
        .find("urged the United Nations")
        .map(|byte| text.char_position_of_byte(byte))
        .unwrap();
    let mut annotation = Annotation::describe(
        &text,
        CharRange::new(start, start + 51),
        Tag::Allegation,
        "006919a5-f387-4a5f-976f-fe103a41b05d".into(),
        1_796_012_662_117,
    );
    annotation.note = "Who exactly? Check the letter.".into();
    let empty = encode_annotations("text-fnv1a64-2d453631b36583de", &Snapshot::default()).len();
    let one = encode_annotations(
        "text-fnv1a64-2d453631b36583de",
        &Snapshot {
            annotations: vec![annotation],
            tombstones: vec![],
        },
    )
    .len();
    let per_claim = one - empty;
    assert!(per_claim <= 400, "{per_claim} bytes");
    println!("bytes per typical claim: {per_claim}");
}

#[test]
fn undo_history_round_trips_and_bad_history_is_ignored() {
    use crate::core::annotation_state::{Action, AnnotationState};
    let mut state = AnnotationState::default();
    state.apply(Action::Load(Snapshot {
        annotations: sample(),
        tombstones: vec![],
    }));
    state.apply(Action::SetText {
        id: "id-2".into(),
        field: TextField::Speaker,
        text: "Rights groups".into(),
        at_ms: 1_799_999_999_000,
    });
    state.apply(Action::Retag {
        id: "id-2".into(),
        tag: Tag::Denial,
        at_ms: 1_800_000_000_000,
    });
    state.apply(Action::Delete {
        id: "id-3".into(),
        at_ms: 1_800_000_000_001,
    });
    state.apply(Action::Undo {
        at_ms: 1_800_000_000_002,
    });
    let decoded = decode_history(&encode_history(state.history())).expect("reads back");
    assert_eq!(&decoded, state.history());
    assert_eq!((decoded.undo.len(), decoded.redo.len()), (2, 1));
    assert_eq!(decoded.undo[0].typing_in_claim.as_deref(), Some("id-2"));
    assert!(
        encode_history(state.history()).contains(r#""note":"id-2""#),
        "the claim being typed in is stored under the key histories saved before used"
    );
    assert_eq!(decode_history("{not json"), None);
    assert_eq!(
        decode_history(
            r#"{"v":1,"undo":[{"at":1,"changes":[{"b":{"id":"x"},"a":null}]}],"redo":[]}"#
        ),
        None
    );
}

/// The undo history the golden files were made from: edits, a retag, a delete and an undo.
fn sample_history() -> History {
    use crate::core::annotation_state::{Action, AnnotationState};
    let mut state = AnnotationState::default();
    state.apply(Action::Load(Snapshot {
        annotations: sample(),
        tombstones: vec![],
    }));
    state.apply(Action::SetText {
        id: "id-2".into(),
        field: TextField::Speaker,
        text: "Rights groups".into(),
        at_ms: 1_799_999_999_000,
    });
    state.apply(Action::Retag {
        id: "id-2".into(),
        tag: Tag::Denial,
        at_ms: 1_800_000_000_000,
    });
    state.apply(Action::Delete {
        id: "id-3".into(),
        at_ms: 1_800_000_000_001,
    });
    state.apply(Action::Undo {
        at_ms: 1_800_000_000_002,
    });
    state.history().clone()
}

/// The `*.decoded.txt`, `*.rewritten.json`, `sample-v3.json` and `history-v1.json` fixtures
/// were written by the serde-derived code that stored versions 1 to 3 (before issue 12): each
/// value decodes to exactly what it decoded to then, and is written back byte for byte.
#[test]
fn values_decode_and_encode_exactly_as_the_serde_code_did() {
    struct Case {
        name: &'static str,
        /// What is read, and what reading it gave (`Debug`, pretty).
        raw: &'static str,
        decoded: &'static str,
        /// What writing the decoded value back gave.
        rewritten: &'static str,
    }
    let text = SourceText::new(TEXT);
    let check = |case: &Case| {
        let decoded = decode_annotations(case.raw, &text)
            .unwrap_or_else(|error| panic!("{}: {error:?}", case.name));
        assert_eq!(
            format!("{decoded:#?}\n"),
            case.decoded,
            "{}: decoded",
            case.name
        );
        assert_eq!(
            encode_annotations("text-fnv1a64-0", &decoded.snapshot),
            case.rewritten,
            "{}: rewritten",
            case.name
        );
    };
    let sample_snapshot = Snapshot {
        annotations: sample(),
        tombstones: vec![Tombstone {
            id: "gone".into(),
            deleted_ms: 1_700_000_900_000,
        }],
    };
    let sample_written = include_str!("fixtures/sample-v3.json");
    assert_eq!(
        encode_annotations("text-fnv1a64-0", &sample_snapshot),
        sample_written,
        "the sample, written"
    );
    let cases = [
        Case {
            name: "format 1",
            raw: include_str!("fixtures/v1.json"),
            decoded: include_str!("fixtures/v1.decoded.txt"),
            rewritten: include_str!("fixtures/v1.rewritten.json"),
        },
        Case {
            name: "format 2",
            raw: include_str!("fixtures/v2.json"),
            decoded: include_str!("fixtures/v2.decoded.txt"),
            rewritten: include_str!("fixtures/v2.rewritten.json"),
        },
        Case {
            name: "format 3",
            raw: include_str!("fixtures/v3.json"),
            decoded: include_str!("fixtures/v3.decoded.txt"),
            rewritten: include_str!("fixtures/v3.rewritten.json"),
        },
        Case {
            name: "the sample, written by format 3",
            raw: sample_written,
            decoded: format!(
                "{:#?}\n",
                DecodedAnnotations {
                    snapshot: sample_snapshot.clone(),
                    unreadable_entries: 0,
                    reanchored: ReanchorSummary::default(),
                    read_version: 3,
                }
            )
            .leak(),
            rewritten: sample_written,
        },
    ];
    for case in &cases {
        check(case);
    }
    let history = include_str!("fixtures/history-v1.json");
    assert_eq!(
        encode_history(&sample_history()),
        history,
        "the history, written"
    );
    let decoded = decode_history(history).expect("the history reads");
    assert_eq!(
        format!("{decoded:#?}\n"),
        include_str!("fixtures/history-v1.decoded.txt"),
        "the history, read"
    );
}

/// A field of the wrong type costs its entry, as serde's derived reader did.
#[test]
fn fields_of_the_wrong_type_make_an_entry_unreadable() {
    let text = SourceText::new(TEXT);
    let good =
        r#""id":"y","tag":"denial","exact":"claims","start":19,"end":25,"created":1,"modified":2"#;
    let cases = [
        ("as written", format!("{{{good}}}"), 0),
        (
            "unknown fields are ignored",
            format!(r#"{{{good},"later":[1,{{}}]}}"#),
            0,
        ),
        (
            "a note that is a number",
            format!(r#"{{{good},"note":5}}"#),
            1,
        ),
        (
            "a speaker that is null",
            format!(r#"{{{good},"sp":null}}"#),
            1,
        ),
        (
            "a negative position",
            format!("{{{}}}", good.replace("\"start\":19", "\"start\":-1")),
            1,
        ),
        (
            "a fractional time",
            format!("{{{}}}", good.replace("\"created\":1", "\"created\":1.5")),
            1,
        ),
        ("an entry that is a list", "[\"y\"]".to_string(), 1),
        (
            "an empty quote",
            format!("{{{}}}", good.replace("\"claims\"", "\"\"")),
            1,
        ),
        (
            "a blank id",
            format!("{{{}}}", good.replace("\"y\"", "\" \"")),
            1,
        ),
    ];
    for (name, entry, unreadable) in cases {
        let raw = format!(r#"{{"v":3,"article":"k","annotations":[{entry}]}}"#);
        let decoded =
            decode_annotations(&raw, &text).unwrap_or_else(|error| panic!("{name}: {error:?}"));
        assert_eq!(decoded.unreadable_entries, unreadable, "{name}");
        assert_eq!(decoded.snapshot.annotations.len(), 1 - unreadable, "{name}");
    }
}

/// Saving reuses each unchanged claim's stored text (issue 12: typing a note with 1,000 claims
/// re-encoded all of them on every keystroke). Pins that the text written is still exactly
/// what `encode_annotations` writes, save after save, whatever changed in between.
#[test]
fn saving_reuses_unchanged_claims_and_writes_the_same_text() {
    let shared: Vec<Rc<Annotation>> = sample().into_iter().map(Rc::new).collect();
    let [first, second, third] = [&shared[0], &shared[1], &shared[2]].map(Rc::clone);
    let mut first_noted = (*first).clone();
    first_noted.note = "noted since".into();
    let first_noted = Rc::new(first_noted);
    let gone = vec![Tombstone {
        id: "id-9".into(),
        deleted_ms: 1_700_000_900_000,
    }];
    // (name, annotations, tombstones), saved one after another with one memory.
    type Save<'a> = (&'a str, Vec<Rc<Annotation>>, Vec<Tombstone>);
    let saves: Vec<Save> = vec![
        ("nothing yet", vec![], vec![]),
        (
            "three claims",
            vec![first.clone(), second.clone(), third.clone()],
            vec![],
        ),
        (
            "the same again",
            vec![first.clone(), second.clone(), third.clone()],
            vec![],
        ),
        (
            "one claim replaced by an edited one",
            vec![first_noted.clone(), second.clone(), third.clone()],
            vec![],
        ),
        (
            "one deleted, with a tombstone",
            vec![first_noted.clone(), third.clone()],
            gone.clone(),
        ),
        (
            "the old one back (an undo)",
            vec![first.clone(), second.clone(), third.clone()],
            gone,
        ),
    ];
    let mut encoded = EncodedClaims::default();
    for (name, annotations, tombstones) in saves {
        let snapshot = Snapshot {
            annotations: annotations.iter().map(|a| (**a).clone()).collect(),
            tombstones: tombstones.clone(),
        };
        assert_eq!(
            encode_annotations_reusing("article \"key\"", &annotations, &tombstones, &mut encoded),
            encode_annotations("article \"key\"", &snapshot),
            "{name}"
        );
    }
}
