use super::*;
use crate::core::web_annotation_export::{article_source_uri, export_collection};

const ARTICLE: &str = include_str!("../../../static/article.txt");
const NOW: i64 = 1_796_012_662_117;

fn source() -> String {
    article_source_uri(None, "text-fnv1a64-2d453631b36583de")
}

fn sample(text: &SourceText) -> Vec<Annotation> {
    let mut noted = Annotation::describe(
        text,
        text.find_range("urged the United Nations", 0),
        Tag::Allegation,
        "0b1e7c1a-3f55-4c39-9f0e-111111111111".into(),
        NOW - 5_000,
    );
    noted.note = "<script>alert('x')</script> & \"quotes\", 人权".into();
    noted.modified_ms = NOW - 1_000;
    noted.speaker = "Hundreds of organisations".into();
    noted.explanation = "An allegation: \"violations\" in China, 人权.".into();
    let mut denial = Annotation::describe(
        text,
        text.find_range("groundless and not worth refuting", 0),
        Tag::Denial,
        "0b1e7c1a-3f55-4c39-9f0e-222222222222".into(),
        NOW - 4_000,
    );
    denial.speaker = "Zhao Lijian".into();
    denial.responds_to = Some("0b1e7c1a-3f55-4c39-9f0e-111111111111".into());
    vec![noted, denial]
}

fn import(file: &str) -> Result<ImportOutcome, ImportError> {
    let mut counter = 0;
    import_annotations(file, &SourceText::new(ARTICLE), &source(), NOW, &mut || {
        counter += 1;
        format!("generated-{counter}")
    })
}

#[test]
fn export_then_import_is_lossless() {
    let text = SourceText::new(ARTICLE);
    let annotations = sample(&text);
    let exported = export_collection(
        &annotations,
        &source(),
        "text-fnv1a64-2d453631b36583de",
        NOW,
    )
    .to_string();
    let outcome = import(&exported).unwrap();
    assert_eq!(
        outcome,
        ImportOutcome {
            annotations,
            rejected: vec![],
            from_other_article: vec![]
        }
    );
}

/// Files as other W3C tools write them, and every kind of bad input.
#[test]
fn import_cases() {
    struct Case {
        name: &'static str,
        file: String,
        /// Ok((imported quotes, rejected count, from other article)) or the error's start.
        expected: Result<(Vec<&'static str>, usize, usize), &'static str>,
    }
    let annotation = |body: &str, target: &str| {
        format!(r#"{{"type":"Annotation","body":{body},"target":{target}}}"#)
    };
    let tag =
        |value: &str| format!(r#"{{"type":"TextualBody","purpose":"tagging","value":"{value}"}}"#);
    let quote_only = r#"{"source":"x","selector":{"type":"TextQuoteSelector","exact":"urged the United Nations"}}"#;
    let position_only = r#"{"selector":{"type":"TextPositionSelector","start":353,"end":377}}"#;
    let cases = vec![
        Case {
            name: "a single annotation with only a quote",
            file: annotation(&tag("denial"), quote_only),
            expected: Ok((vec!["urged the United Nations"], 0, 1)),
        },
        Case {
            name: "only a position",
            file: annotation(&tag("Demand"), position_only),
            expected: Ok((vec!["urged the United Nations"], 0, 0)),
        },
        Case {
            name: "a bare array; tags match case-insensitively; an unknown tag is kept",
            file: format!(
                "[{},{}]",
                annotation(&tag("ALLEGATION"), position_only),
                annotation(&tag("rumour"), position_only)
            ),
            expected: Ok((
                vec!["urged the United Nations", "urged the United Nations"],
                0,
                0,
            )),
        },
        Case {
            name: "an AnnotationPage",
            file: format!(
                r#"{{"type":"AnnotationPage","items":[{}]}}"#,
                annotation(&tag("denial"), position_only)
            ),
            expected: Ok((vec!["urged the United Nations"], 0, 0)),
        },
        Case {
            name: "no selector",
            file: annotation(&tag("denial"), r#"{"source":"x"}"#),
            expected: Ok((vec![], 1, 0)),
        },
        Case {
            name: "no tag",
            file: annotation(
                r#"{"type":"TextualBody","value":"just a comment","purpose":"commenting"}"#,
                position_only,
            ),
            expected: Ok((vec![], 1, 0)),
        },
        Case {
            name: "a position beyond the article",
            file: annotation(
                &tag("denial"),
                r#"{"selector":{"type":"TextPositionSelector","start":99999,"end":100000}}"#,
            ),
            expected: Ok((vec![], 1, 0)),
        },
        Case {
            name: "invalid JSON",
            file: "{\"type\": ".into(),
            expected: Err("This file is not valid JSON"),
        },
        Case {
            name: "JSON of the wrong shape",
            file: r#"{"hello":"world"}"#.into(),
            expected: Err("This file is not a W3C annotation file"),
        },
        Case {
            name: "a number",
            file: "42".into(),
            expected: Err("This file is not a W3C annotation file"),
        },
        Case {
            name: "a collection whose pages are elsewhere",
            file: r#"{"type":"AnnotationCollection","first":"https://example.org/page1"}"#.into(),
            expected: Err("This file is not a W3C annotation file: its pages are not embedded"),
        },
        Case {
            name: "a 50 MB file",
            file: format!("[{}]", " ".repeat(50 * 1024 * 1024)),
            expected: Err("This file is 50.1 MB"),
        },
    ];
    for case in cases {
        let got = import(&case.file);
        match (&got, &case.expected) {
            (Ok(outcome), Ok((quotes, rejected, other))) => {
                // Quotes of everything read, whether imported or kept apart as another article's.
                let got_quotes: Vec<&str> = outcome
                    .annotations
                    .iter()
                    .chain(&outcome.from_other_article)
                    .map(|annotation| annotation.quote.exact.as_str())
                    .collect();
                assert_eq!(
                    (
                        &got_quotes,
                        outcome.rejected.len(),
                        outcome.from_other_article.len()
                    ),
                    (quotes, *rejected, *other),
                    "{}: {:?}",
                    case.name,
                    outcome.rejected
                );
                assert!(
                    outcome
                        .rejected
                        .iter()
                        .all(|(_, reason)| !reason.is_empty()),
                    "{}",
                    case.name
                );
            }
            (Err(error), Err(start)) => assert!(
                error
                    .message(&crate::core::locale::Locale::english())
                    .starts_with(start),
                "{}: {}",
                case.name,
                error.message(&crate::core::locale::Locale::english())
            ),
            _ => panic!("{}: got {got:?}", case.name),
        }
    }
}

/// Speakers, explanations and links as other W3C tools may write them.
#[test]
fn facts_read_from_bodies_by_purpose() {
    /// (note, speaker, explanation, responds_to) of the one annotation imported.
    type Facts = (
        &'static str,
        &'static str,
        &'static str,
        Option<&'static str>,
    );
    let tag = r#"{"type":"TextualBody","purpose":"tagging","value":"denial"}"#;
    // (name, the annotation's bodies after the tag, expected)
    let cases: [(&str, &str, Facts); 8] = [
        (
            "a TextualBody identifying the speaker",
            r#"{"type":"TextualBody","purpose":"identifying","value":"Zhao Lijian"}"#,
            ("", "Zhao Lijian", "", None),
        ),
        (
            "a TextualBody describing the claim",
            r#"{"type":"TextualBody","purpose":"describing","value":"A denial."}"#,
            ("", "", "A denial.", None),
        ),
        (
            "a linking SpecificResource; its urn:uuid: prefix is stripped",
            r#"{"type":"SpecificResource","purpose":"linking","source":"urn:uuid:abc-1"}"#,
            ("", "", "", Some("abc-1")),
        ),
        (
            "a linking object with only an id, purposes as a list",
            r#"{"id":"https://example.org/anno/7","purpose":["linking"]}"#,
            ("", "", "", Some("https://example.org/anno/7")),
        ),
        (
            "a link to the annotation itself is dropped",
            r#"{"purpose":"linking","source":"urn:uuid:self-1"}"#,
            ("", "", "", None),
        ),
        (
            "a linking body with neither source nor id is ignored",
            r#"{"type":"SpecificResource","purpose":"linking"}"#,
            ("", "", "", None),
        ),
        (
            "unknown bodies are ignored",
            r#"{"type":"Image","id":"https://example.org/a.png"},{"type":"TextualBody","purpose":"highlighting","value":"x"},"https://example.org/plain-iri""#,
            ("", "", "", None),
        ),
        (
            "every fact, bodies in any order",
            r#"{"purpose":"linking","source":"urn:uuid:abc-1"},{"purpose":"describing","value":"why"},{"purpose":"commenting","value":"my note"},{"purpose":"identifying","value":"the letter"}"#,
            ("my note", "the letter", "why", Some("abc-1")),
        ),
    ];
    for (name, bodies, expected) in cases {
        let file = format!(
            r#"{{"id":"urn:uuid:self-1","type":"Annotation","body":[{tag},{bodies}],"target":{{"selector":{{"type":"TextPositionSelector","start":353,"end":377}}}}}}"#
        );
        let outcome = import(&file).unwrap_or_else(|error| panic!("{name}: {error:?}"));
        assert_eq!(outcome.rejected, vec![], "{name}");
        let imported = &outcome.annotations[0];
        assert_eq!(
            (
                imported.note.as_str(),
                imported.speaker.as_str(),
                imported.explanation.as_str(),
                imported.responds_to.as_deref(),
            ),
            expected,
            "{name}"
        );
    }
}

#[test]
fn another_tools_claims_go_in_when_quote_and_position_match_exactly_else_are_offered() {
    let file = |start: usize, end: usize| {
        format!(
            r#"{{"type":"Annotation","body":{{"purpose":"tagging","value":"denial"}},"target":{{"source":"https://example.org/other","selector":[{{"type":"TextQuoteSelector","exact":"urged the United Nations"}},{{"type":"TextPositionSelector","start":{start},"end":{end}}}]}}}}"#
        )
    };
    // Issue 9: a key made in another tool, on this very text, goes straight in.
    let exact = import(&file(353, 377)).unwrap();
    assert_eq!(exact.annotations.len(), 1, "an exact match is this article");
    assert_eq!(exact.annotations[0].anchor, AnchorStatus::Anchored);
    assert!(exact.from_other_article.is_empty());
    // Anything less than exact from another address is offered, never certain.
    let moved = import(&file(10, 34)).unwrap();
    assert!(
        moved.annotations.is_empty(),
        "nothing inexact of another article is imported unasked"
    );
    assert_eq!(moved.from_other_article.len(), 1);
    assert_eq!(moved.from_other_article[0].anchor, AnchorStatus::Doubtful);
}

#[cfg(not(target_arch = "wasm32"))]
proptest::proptest! {
    // IMPORT_FUZZ_CASES=1000000 runs a long fuzzing session; CI runs the default.
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(
        std::env::var("IMPORT_FUZZ_CASES").ok().and_then(|cases| cases.parse().ok()).unwrap_or(3000)
    ))]

    /// Fuzzing: any text, and any mutation of a real export, gives an outcome or an error,
    /// never a panic.
    #[test]
    fn import_never_panics_on_arbitrary_text(file in "\\PC{0,400}") {
        let _ = import(&file);
    }

    #[test]
    fn import_never_panics_on_mutated_exports(cut in 0usize..2000, insert in "[\\[\\]{}\":,0-9a-zA-Z -]{0,12}") {
        let text = SourceText::new(ARTICLE);
        let exported = export_collection(&sample(&text), &source(), "k", NOW).to_string();
        let cut = cut.min(exported.len());
        let cut = (0..=cut).rev().find(|&index| exported.is_char_boundary(index)).unwrap_or(0);
        let mutated = format!("{}{}{}", &exported[..cut], insert, &exported[cut..]);
        let _ = import(&mutated);
    }
}

#[test]
fn an_unknown_tag_is_kept_as_written_and_exported_back() {
    let file = r#"{"type":"Annotation","body":{"purpose":"tagging","value":"Rumour"},"target":{"selector":{"type":"TextPositionSelector","start":353,"end":377}}}"#;
    let outcome = import(file).unwrap();
    assert_eq!(outcome.annotations[0].tag, Tag::Other("Rumour".into()));
    let exported = export_collection(&outcome.annotations, &source(), "k", NOW);
    assert_eq!(exported["first"]["items"][0]["body"][0]["value"], "Rumour");
}
