use super::*;
use crate::core::tag::Tag::{Allegation, Demand, Denial};

fn span(start: usize, end: usize, tag: Tag) -> ScoredSpan {
    ScoredSpan {
        range: CharRange::new(start, end),
        tag,
        speaker: None,
    }
}

fn said(start: usize, end: usize, tag: Tag, speaker: &str) -> ScoredSpan {
    ScoredSpan {
        speaker: Some(speaker.to_string()),
        ..span(start, end, tag)
    }
}

/// The key of the worked example: three claims, one of each tag.
fn example_key() -> Vec<ScoredSpan> {
    vec![
        span(10, 30, Allegation),
        span(50, 70, Denial),
        span(90, 100, Demand),
    ]
}

/// A value to 4 decimals, as an integer: 0.3333 is 3333.
fn four(value: f64) -> i64 {
    (value * 10_000.0).round() as i64
}

enum Expect {
    /// Precision, recall and F1 to 4 decimals.
    WithTags(i64, i64, i64),
    WithoutTags(i64, i64, i64),
    PerTag(Tag, i64, i64, i64),
    Speaker(Option<i64>),
    Outcomes(Vec<KeyClaimOutcome>),
    Extra(Vec<usize>),
}

struct Case {
    name: &'static str,
    text: String,
    student: Vec<ScoredSpan>,
    key: Vec<ScoredSpan>,
    expect: Vec<Expect>,
}

fn check(case: &Case) {
    let text = SourceText::new(case.text.as_str());
    let score = score_claims(&text, &case.student, &case.key);
    let feedback = classify_claims(&text, &case.student, &case.key);
    let as_four = |m: &Measure| (four(m.precision), four(m.recall), four(m.f1));
    for expect in &case.expect {
        match expect {
            Expect::WithTags(p, r, f) => {
                assert_eq!(
                    as_four(&score.with_tags),
                    (*p, *r, *f),
                    "{}: with tags",
                    case.name
                )
            }
            Expect::WithoutTags(p, r, f) => assert_eq!(
                as_four(&score.without_tags),
                (*p, *r, *f),
                "{}: without tags",
                case.name
            ),
            Expect::PerTag(tag, p, r, f) => {
                let (_, measure) = score.per_tag.iter().find(|(t, _)| t == tag).unwrap();
                assert_eq!(as_four(measure), (*p, *r, *f), "{}: {tag:?}", case.name)
            }
            Expect::Speaker(expected) => assert_eq!(
                score.speaker_accuracy.map(four),
                *expected,
                "{}: speaker",
                case.name
            ),
            Expect::Outcomes(expected) => {
                assert_eq!(&feedback.key_claims, expected, "{}: outcomes", case.name)
            }
            Expect::Extra(expected) => {
                assert_eq!(&feedback.extra, expected, "{}: extra", case.name)
            }
        }
    }
    let tags: Vec<Tag> = score.per_tag.iter().map(|(tag, _)| tag.clone()).collect();
    assert_eq!(
        tags,
        Tag::ALL.to_vec(),
        "{}: per_tag lists the three tags",
        case.name
    );
}

fn x150() -> String {
    "x".repeat(150)
}

#[test]
fn scoring_cases() {
    use KeyClaimOutcome::*;
    let cases = [
        Case {
            name: "worked example",
            text: x150(),
            student: vec![
                span(15, 30, Allegation),
                span(45, 60, Allegation),
                span(120, 130, Demand),
            ],
            key: example_key(),
            expect: vec![
                Expect::WithTags(3333, 2500, 2857),
                Expect::WithoutTags(5556, 4167, 4762),
                Expect::PerTag(Allegation, 5000, 7500, 6000),
                Expect::PerTag(Denial, 0, 0, 0),
                Expect::PerTag(Demand, 0, 0, 0),
                Expect::Speaker(None),
                Expect::Outcomes(vec![
                    PartlyFound { student: 0 },
                    WrongTag { student: 1 },
                    Missed,
                ]),
                Expect::Extra(vec![2]),
            ],
        },
        Case {
            name: "both empty: nothing to find, nothing wrong",
            text: x150(),
            student: vec![],
            key: vec![],
            expect: vec![
                Expect::WithTags(10000, 10000, 10000),
                Expect::WithoutTags(10000, 10000, 10000),
                Expect::PerTag(Denial, 10000, 10000, 10000),
                Expect::Outcomes(vec![]),
                Expect::Extra(vec![]),
            ],
        },
        Case {
            name: "student marked nothing",
            text: x150(),
            student: vec![],
            key: example_key(),
            expect: vec![
                Expect::WithTags(0, 0, 0),
                Expect::WithoutTags(0, 0, 0),
                Expect::Outcomes(vec![Missed, Missed, Missed]),
            ],
        },
        Case {
            name: "empty key, student marked something",
            text: x150(),
            student: vec![span(1, 5, Denial)],
            key: vec![],
            expect: vec![
                Expect::WithTags(0, 0, 0),
                Expect::WithoutTags(0, 0, 0),
                Expect::Extra(vec![0]),
            ],
        },
        Case {
            name: "student span nested in a key claim",
            text: x150(),
            student: vec![span(20, 30, Allegation)],
            key: vec![span(10, 50, Allegation)],
            expect: vec![
                Expect::WithTags(10000, 2500, 4000),
                Expect::Outcomes(vec![PartlyFound { student: 0 }]),
            ],
        },
        Case {
            name: "nested key claims: a code point counts once, precision stays at most 1",
            text: x150(),
            student: vec![span(20, 30, Denial)],
            key: vec![span(10, 50, Allegation), span(20, 30, Denial)],
            expect: vec![
                Expect::WithTags(10000, 5000, 6667),
                Expect::WithoutTags(10000, 6250, 7692),
                Expect::Outcomes(vec![WrongTag { student: 0 }, Found { student: 0 }]),
            ],
        },
        Case {
            name: "overlapping spans of one tag are merged",
            text: x150(),
            student: vec![span(10, 25, Allegation), span(20, 30, Allegation)],
            key: vec![span(10, 30, Allegation)],
            expect: vec![
                Expect::WithTags(10000, 10000, 10000),
                Expect::Outcomes(vec![PartlyFound { student: 0 }]),
            ],
        },
        Case {
            name: "touching spans are not merged",
            text: x150(),
            student: vec![span(10, 20, Allegation), span(20, 40, Allegation)],
            key: vec![span(10, 30, Allegation)],
            // (1 + 10/20) / 2 = 0.75; merged into [10,40) it would be 20/30.
            expect: vec![Expect::WithTags(7500, 10000, 8571)],
        },
        Case {
            name: "overlapping spans of different tags: merged only without tags",
            text: x150(),
            student: vec![span(10, 30, Allegation), span(20, 40, Denial)],
            key: vec![span(10, 40, Allegation)],
            expect: vec![
                Expect::WithTags(5000, 6667, 5714),
                Expect::WithoutTags(10000, 10000, 10000),
            ],
        },
        Case {
            name: "the same span twice counts once",
            text: x150(),
            student: vec![span(10, 30, Allegation), span(10, 30, Allegation)],
            key: vec![span(10, 30, Allegation)],
            expect: vec![
                Expect::WithTags(10000, 10000, 10000),
                Expect::Outcomes(vec![Found { student: 0 }]),
                Expect::Extra(vec![]),
            ],
        },
        Case {
            name: "the same span twice with two tags: one is wrong",
            text: x150(),
            student: vec![span(10, 30, Allegation), span(10, 30, Denial)],
            key: vec![span(10, 30, Allegation)],
            expect: vec![
                Expect::WithTags(5000, 10000, 6667),
                Expect::WithoutTags(10000, 10000, 10000),
                Expect::Outcomes(vec![Found { student: 0 }]),
            ],
        },
        Case {
            name: "one span over the whole article scores low precision, never full marks",
            text: x150(),
            student: vec![span(0, 150, Allegation)],
            key: example_key(),
            // With tags 20/150; without tags 50/150.
            expect: vec![
                Expect::WithTags(1333, 3333, 1905),
                Expect::WithoutTags(3333, 10000, 5000),
            ],
        },
        Case {
            name: "white space, punctuation and quotes are trimmed from both ends",
            text: "He said: «The vote was rigged.» Then: “we demand a recount”; done.".into(),
            // `: «The vote was rigged.» ` and `“we demand a recount”; ` against the bare words.
            student: vec![span(7, 32, Allegation), span(38, 61, Demand)],
            key: vec![span(10, 29, Allegation), span(39, 58, Demand)],
            expect: vec![
                Expect::WithTags(10000, 10000, 10000),
                Expect::Outcomes(vec![Found { student: 0 }, Found { student: 1 }]),
            ],
        },
        Case {
            name: "a span of only punctuation is dropped from the scores and listed as extra",
            text: "Claim one. , . Claim two.".into(),
            student: vec![span(0, 9, Denial), span(10, 14, Denial)],
            key: vec![span(0, 10, Denial)],
            expect: vec![
                Expect::WithTags(10000, 10000, 10000),
                Expect::Outcomes(vec![Found { student: 0 }]),
                Expect::Extra(vec![1]),
            ],
        },
        Case {
            name: "per tag: each tag scored on its own",
            text: x150(),
            student: vec![
                span(10, 30, Allegation),
                span(50, 70, Denial),
                span(95, 110, Demand),
            ],
            key: example_key(),
            expect: vec![
                Expect::PerTag(Allegation, 10000, 10000, 10000),
                Expect::PerTag(Denial, 10000, 10000, 10000),
                Expect::PerTag(Demand, 3333, 5000, 4000),
            ],
        },
        Case {
            name: "speaker accuracy: found claims with a speaker only",
            text: x150(),
            student: vec![
                said(10, 30, Allegation, "  michelle \n BACHELET "),
                said(50, 70, Denial, "Government"),
                said(60, 62, Allegation, "Police"),
                span(90, 100, Demand),
                said(120, 130, Allegation, "Anyone"),
            ],
            key: vec![
                said(10, 30, Allegation, "Michelle Bachelet"),
                said(50, 70, Denial, "Police"),
                said(90, 100, Demand, "Activists"),
                span(120, 130, Allegation),
                said(140, 145, Allegation, "Not found"),
                said(146, 148, Allegation, "  "),
            ],
            // Right: Bachelet. Wrong: Government (the larger overlap wins over "Police"), and
            // no speaker given. Not counted: no key speaker, not found, blank key speaker.
            expect: vec![Expect::Speaker(Some(3333))],
        },
        Case {
            name: "one key claim of each outcome, and an extra span",
            text: x150(),
            student: vec![
                span(10, 20, Allegation),
                span(30, 40, Allegation),
                span(52, 60, Demand),
                span(100, 110, Denial),
            ],
            key: vec![
                span(10, 20, Allegation),
                span(30, 40, Denial),
                span(50, 60, Demand),
                span(70, 80, Allegation),
            ],
            expect: vec![
                Expect::Outcomes(vec![
                    Found { student: 0 },
                    WrongTag { student: 1 },
                    PartlyFound { student: 2 },
                    Missed,
                ]),
                Expect::Extra(vec![3]),
            ],
        },
        Case {
            name: "the largest overlap is the match; a tie goes to the first span",
            text: x150(),
            student: vec![
                span(5, 12, Allegation),
                span(20, 40, Allegation),
                span(45, 55, Denial),
                span(55, 65, Denial),
            ],
            key: vec![span(10, 30, Allegation), span(50, 60, Allegation)],
            expect: vec![Expect::Outcomes(vec![
                PartlyFound { student: 1 },
                WrongTag { student: 2 },
            ])],
        },
        Case {
            name: "ranges past the end are clamped",
            text: "short".into(),
            student: vec![span(0, 99, Denial)],
            key: vec![span(0, 5, Denial)],
            expect: vec![
                Expect::WithTags(10000, 10000, 10000),
                Expect::Outcomes(vec![Found { student: 0 }]),
            ],
        },
    ];
    for case in &cases {
        check(case);
    }
}

#[cfg(not(target_arch = "wasm32"))]
proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    #[test]
    fn measures_stay_in_range_and_a_copy_of_the_key_scores_one(
        text in "[a-z .,\"]{0,80}",
        student in proptest::collection::vec((0usize..90, 0usize..30, 0usize..4), 0..8),
        key in proptest::collection::vec((0usize..90, 0usize..30, 0usize..4), 0..8),
    ) {
        let text = SourceText::new(text);
        let spans = |raw: &[(usize, usize, usize)]| -> Vec<ScoredSpan> {
            raw.iter()
                .map(|&(start, len, tag)| {
                    let tag = Tag::ALL.get(tag).cloned().unwrap_or(Tag::Other("rumour".into()));
                    span(start, start + len, tag)
                })
                .collect()
        };
        let (student, key) = (spans(&student), spans(&key));
        let score = score_claims(&text, &student, &key);
        let measures = [score.with_tags, score.without_tags]
            .into_iter()
            .chain(score.per_tag.iter().map(|(_, measure)| *measure));
        for measure in measures {
            for value in [measure.precision, measure.recall, measure.f1] {
                proptest::prop_assert!((0.0..=1.0).contains(&value), "{:?}", measure);
            }
        }
        let perfect = score_claims(&text, &key, &key);
        let one = Measure { precision: 1.0, recall: 1.0, f1: 1.0 };
        proptest::prop_assert_eq!(perfect.with_tags, one);
        proptest::prop_assert_eq!(perfect.without_tags, one);
    }
}
