use serde_json::{json, Value};

use super::*;
use crate::core::source_text::SourceText;
use crate::core::tag::Tag;

const ARTICLE: &str = include_str!("../../../static/article.txt");
const NOW: i64 = 1_796_012_662_117;
const ALLEGATION_ID: &str = "0b1e7c1a-3f55-4c39-9f0e-111111111111";
const DENIAL_ID: &str = "0b1e7c1a-3f55-4c39-9f0e-222222222222";

/// An allegation with a speaker and an explanation, and a denial with a note that answers it.
fn claims_with_details(text: &SourceText) -> Vec<Annotation> {
    let mut allegation = Annotation::describe(
        text,
        text.find_range("urged the United Nations", 0),
        Tag::Allegation,
        ALLEGATION_ID.into(),
        NOW - 5_000,
    );
    allegation.speaker = "Hundreds of organisations".into();
    allegation.explanation = "An allegation: the letter says rights are violated.".into();
    let mut denial = Annotation::describe(
        text,
        text.find_range("groundless and not worth refuting", 0),
        Tag::Denial,
        DENIAL_ID.into(),
        NOW - 4_000,
    );
    denial.speaker = "Zhao Lijian".into();
    denial.note = "Does he answer the letter itself?".into();
    denial.responds_to = Some(ALLEGATION_ID.into());
    vec![allegation, denial]
}

/// Our value as serde_json's (a dev-dependency only), whose `json!` and indexing the cases use.
fn as_serde(value: &crate::core::json::Value) -> Value {
    serde_json::from_str(&value.to_json()).expect("our writer writes JSON")
}

struct Case {
    name: &'static str,
    speaker: &'static str,
    note: &'static str,
    explanation: &'static str,
    responds_to: Option<&'static str>,
    expect_motivation: Value,
    /// The bodies after the tag, which always comes first.
    expect_bodies: Vec<Value>,
}

fn check(case: Case) {
    let text = SourceText::new(ARTICLE);
    let mut annotation = Annotation::describe(
        &text,
        text.find_range("urged the United Nations", 0),
        Tag::Denial,
        "id-1".into(),
        NOW,
    );
    annotation.speaker = case.speaker.into();
    annotation.note = case.note.into();
    annotation.explanation = case.explanation.into();
    annotation.responds_to = case.responds_to.map(str::to_string);
    let exported = as_serde(&export_annotation(&annotation, "https://example.org/story"));
    assert_eq!(
        exported["motivation"], case.expect_motivation,
        "{}: motivation",
        case.name
    );
    let mut expect_bodies =
        vec![json!({ "type": "TextualBody", "value": "denial", "purpose": "tagging" })];
    expect_bodies.extend(case.expect_bodies);
    assert_eq!(
        exported["body"],
        Value::Array(expect_bodies),
        "{}: bodies",
        case.name
    );
}

#[test]
fn each_fact_becomes_a_body_only_when_set() {
    let textual = |value: &str, purpose: &str| json!({ "type": "TextualBody", "value": value, "format": "text/plain", "purpose": purpose });
    let cases = vec![
        Case {
            name: "only a tag",
            speaker: "",
            note: "",
            explanation: "",
            responds_to: None,
            expect_motivation: json!("tagging"),
            expect_bodies: vec![],
        },
        Case {
            name: "a note",
            speaker: "",
            note: "check",
            explanation: "",
            responds_to: None,
            expect_motivation: json!(["tagging", "commenting"]),
            expect_bodies: vec![textual("check", "commenting")],
        },
        Case {
            name: "a speaker identifies who makes the claim",
            speaker: "Zhao Lijian",
            note: "",
            explanation: "",
            responds_to: None,
            expect_motivation: json!("tagging"),
            expect_bodies: vec![textual("Zhao Lijian", "identifying")],
        },
        Case {
            name: "an explanation describes it",
            speaker: "",
            note: "",
            explanation: "A denial.",
            responds_to: None,
            expect_motivation: json!("tagging"),
            expect_bodies: vec![textual("A denial.", "describing")],
        },
        Case {
            name: "an answer links to the claim it answers, by its urn:uuid id",
            speaker: "",
            note: "",
            explanation: "",
            responds_to: Some("0b1e7c1a-3f55-4c39-9f0e-111111111111"),
            expect_motivation: json!(["tagging", "linking"]),
            expect_bodies: vec![json!({
                "type": "SpecificResource",
                "source": "urn:uuid:0b1e7c1a-3f55-4c39-9f0e-111111111111",
                "purpose": "linking",
            })],
        },
        Case {
            name: "a link to an id that is already a URI keeps it",
            speaker: "",
            note: "",
            explanation: "",
            responds_to: Some("https://example.org/annotations/7"),
            expect_motivation: json!(["tagging", "linking"]),
            expect_bodies: vec![json!({
                "type": "SpecificResource",
                "source": "https://example.org/annotations/7",
                "purpose": "linking",
            })],
        },
        Case {
            name: "everything, in a fixed order",
            speaker: "the letter",
            note: "n",
            explanation: "e",
            responds_to: Some("other"),
            expect_motivation: json!(["tagging", "commenting", "linking"]),
            expect_bodies: vec![
                textual("n", "commenting"),
                textual("the letter", "identifying"),
                textual("e", "describing"),
                json!({ "type": "SpecificResource", "source": "urn:uuid:other", "purpose": "linking" }),
            ],
        },
    ];
    for case in cases {
        check(case);
    }
}

/// Writes an export with every fact to `target/w3c-export-with-details.json`, for the W3C MUST
/// suite (`tests/e2e/w3c-suite.mjs`) to validate.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn writes_an_export_with_every_fact_for_the_w3c_suite() {
    let text = SourceText::new(ARTICLE);
    let source = article_source_uri(None, "text-fnv1a64-2d453631b36583de");
    let exported = export_collection(
        &claims_with_details(&text),
        &source,
        "text-fnv1a64-2d453631b36583de",
        NOW,
    );
    let written = exported.to_json_pretty();
    let exported = as_serde(&exported);
    let items = &exported["first"]["items"];
    assert_eq!(
        items[1]["motivation"],
        json!(["tagging", "commenting", "linking"])
    );
    assert_eq!(items[1]["body"][3]["source"], items[0]["id"]);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("w3c-export-with-details.json");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, written).unwrap();
}

/// `golden.jsonld` was written by the serde_json-based export before issue 12: the export
/// still means the same (member order aside, which JSON-LD ignores).
#[test]
fn the_export_means_what_it_meant() {
    let text = SourceText::new(ARTICLE);
    let collection = export_collection(
        &claims_with_details(&text),
        "https://example.org/story",
        "text-fnv1a64-0",
        NOW,
    );
    let golden: Value = serde_json::from_str(include_str!("golden.jsonld")).unwrap();
    assert_eq!(as_serde(&collection), golden);
}
