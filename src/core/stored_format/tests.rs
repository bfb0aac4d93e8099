use super::*;
use crate::core::anchoring::ReanchorSummary;

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
    first.modified_ms = 1_700_000_500_000;
    let second = Annotation::describe(
        &text,
        CharRange::new(57, 71),
        Tag::Demand,
        "id-2".into(),
        1_700_000_000_001,
    );
    let third = Annotation::describe(
        &text,
        CharRange::new(73, 82),
        Tag::Allegation,
        "id-3".into(),
        1_700_000_000_002,
    );
    assert_eq!(text.slice(third.range), "人权 😀 حقوق");
    vec![first, second, third]
}

#[test]
fn round_trip_is_lossless() {
    let text = SourceText::new(TEXT);
    let annotations = sample();
    let raw = encode_annotations("text-fnv1a64-0", &annotations);
    let decoded = decode_annotations(&raw, &text).expect("decodes");
    assert_eq!(
        decoded,
        DecodedAnnotations {
            annotations,
            unreadable_entries: 0,
            reanchored: ReanchorSummary::default(),
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
            expected: Err(StoredDecodeError::NotJson(String::new())),
        },
        Case {
            name: "an array",
            raw: "[]",
            expected: Err(StoredDecodeError::WrongShape("not an object")),
        },
        Case {
            name: "no version",
            raw: r#"{"annotations":[]}"#,
            expected: Err(StoredDecodeError::WrongShape("no version")),
        },
        Case {
            name: "newer version",
            raw: r#"{"v":99,"annotations":[]}"#,
            expected: Err(StoredDecodeError::NewerVersion(99)),
        },
        Case {
            name: "no list",
            raw: r#"{"v":1,"annotations":3}"#,
            expected: Err(StoredDecodeError::WrongShape("no list of annotations")),
        },
        Case {
            name: "one damaged entry costs only itself",
            raw: r#"{"v":1,"article":"k","annotations":[{"id":"x"},{"id":"y","tag":"Denial","exact":"claims","start":19,"end":25,"created":1,"modified":2}]}"#,
            expected: Ok((1, 1)),
        },
        Case {
            name: "unknown tag is unreadable, not dropped silently",
            raw: r#"{"v":1,"article":"k","annotations":[{"id":"y","tag":"rumour","exact":"claims","start":19,"end":25,"created":1,"modified":2}]}"#,
            expected: Ok((0, 1)),
        },
    ];
    let text = SourceText::new(TEXT);
    for case in cases {
        let got = decode_annotations(case.raw, &text)
            .map(|decoded| (decoded.annotations.len(), decoded.unreadable_entries));
        match (got, case.expected) {
            (Err(StoredDecodeError::NotJson(_)), Err(StoredDecodeError::NotJson(_))) => {}
            (got, expected) => assert_eq!(got, expected, "{}", case.name),
        }
    }
}

#[test]
fn stored_annotations_follow_their_words_or_become_orphans() {
    let raw = encode_annotations("k", &sample());
    let edited = format!("Update: {TEXT}").replace("demand a probe", "ask politely");
    let decoded = decode_annotations(&raw, &SourceText::new(edited.as_str())).unwrap();
    let first = &decoded.annotations[0];
    assert_eq!(
        (first.range, first.anchor),
        (CharRange::new(27, 33), AnchorStatus::Anchored)
    );
    assert_eq!(
        decoded.annotations[1].anchor,
        AnchorStatus::Orphan,
        "its words are gone, so it is kept for review"
    );
    assert_eq!(decoded.annotations[2].range, CharRange::new(79, 88));
    assert_eq!(decoded.unreadable_entries, 0);
}
