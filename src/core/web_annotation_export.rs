//! Export as a W3C Web Annotation `AnnotationCollection` (JSON-LD) with one embedded
//! `AnnotationPage`, so other annotation tools can read a reader's claims.
//!
//! Invariants:
//! - Every export satisfies the MUST assertions of the W3C Web Annotation test suite
//!   (annotationMusts, collectionMusts, pageMusts); the end-to-end tests check it.
//! - Ids are absolute URIs: `urn:uuid:…` for annotations, `urn:claim-annotator:…` for the
//!   collection and page; the target's `source` is the article's URL or its `urn:` id.
//! - The tag is a `TextualBody` with purpose `tagging`, the note one with purpose `commenting`;
//!   the target carries both a TextQuoteSelector and a TextPositionSelector (code points).

use serde_json::{json, Value};

use super::annotation::Annotation;
use super::iso_time::format_iso;

pub const ANNOTATION_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
pub const UUID_URN_PREFIX: &str = "urn:uuid:";

/// The article's identity in exports: its URL when it has one, else a `urn:` built from its key.
pub fn article_source_uri(article_url: Option<&str>, article_key: &str) -> String {
    match article_url {
        Some(url) if url.contains(':') => url.to_string(),
        _ => format!(
            "urn:claim-annotator:article:{}",
            encode_urn_part(article_key)
        ),
    }
}

pub fn export_collection(
    annotations: &[Annotation],
    source: &str,
    article_key: &str,
    now_ms: i64,
) -> Value {
    let collection_id = format!(
        "urn:claim-annotator:collection:{}",
        encode_urn_part(article_key)
    );
    let items: Vec<Value> = annotations
        .iter()
        .map(|annotation| export_annotation(annotation, source))
        .collect();
    json!({
        "@context": ANNOTATION_CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": "Claims tagged with Claim Annotator",
        "total": items.len(),
        "modified": format_iso(now_ms),
        "first": {
            "@context": ANNOTATION_CONTEXT,
            "id": format!("{collection_id}:page:1"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    })
}

pub fn export_annotation(annotation: &Annotation, source: &str) -> Value {
    let mut body = vec![
        json!({ "type": "TextualBody", "value": annotation.tag.keyword(), "purpose": "tagging" }),
    ];
    if !annotation.note.is_empty() {
        body.push(json!({ "type": "TextualBody", "value": annotation.note, "format": "text/plain", "purpose": "commenting" }));
    }
    let id = if annotation.id.contains(':') {
        annotation.id.clone()
    } else {
        format!("{UUID_URN_PREFIX}{}", annotation.id)
    };
    json!({
        "@context": ANNOTATION_CONTEXT,
        "id": id,
        "type": "Annotation",
        "motivation": if annotation.note.is_empty() { json!("tagging") } else { json!(["tagging", "commenting"]) },
        "created": format_iso(annotation.created_ms),
        "modified": format_iso(annotation.modified_ms),
        "body": body,
        "target": {
            "source": source,
            "selector": [
                { "type": "TextQuoteSelector", "exact": annotation.quote.exact, "prefix": annotation.quote.prefix, "suffix": annotation.quote.suffix },
                { "type": "TextPositionSelector", "start": annotation.range.start, "end": annotation.range.end },
            ],
        },
    })
}

/// Keeps a `urn:` part free of characters URIs do not allow.
fn encode_urn_part(text: &str) -> String {
    text.chars()
        .map(|ch| {
            if ch.is_ascii_alphanumeric() || "-._~".contains(ch) {
                ch.to_string()
            } else {
                format!("%{:02X}", ch as u32 & 0xFF)
            }
        })
        .collect()
}
