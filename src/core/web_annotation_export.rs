//! Export as a W3C Web Annotation `AnnotationCollection` (JSON-LD) with one embedded
//! `AnnotationPage`, so other annotation tools can read a reader's claims.
//!
//! Invariants:
//! - Every export satisfies the MUST assertions of the W3C Web Annotation test suite
//!   (annotationMusts, collectionMusts, pageMusts); the end-to-end tests check it.
//! - Ids are absolute URIs: `urn:uuid:…` for annotations, `urn:claim-annotator:…` for the
//!   collection and page; the target's `source` is the article's URL or its `urn:` id.
//! - The target carries both a TextQuoteSelector and a TextPositionSelector (code points).
//! - A claim's facts map to bodies, each present only when set, in this order:
//!
//!   | fact | body | motivation |
//!   | --- | --- | --- |
//!   | tag | `TextualBody`, purpose `tagging` | `tagging` (always) |
//!   | note | `TextualBody`, `text/plain`, purpose `commenting` | + `commenting` |
//!   | speaker | `TextualBody`, `text/plain`, purpose `identifying` | |
//!   | explanation | `TextualBody`, `text/plain`, purpose `describing` | |
//!   | responds to | `SpecificResource` whose `source` is the answered claim's id (same form as annotation ids), purpose `linking` | + `linking` |
//!
//!   `motivation` is a single string when it is only `tagging`. The link is exported even when
//!   the answered claim is not in the export: it names a claim by id, like any annotation id.
//!   [`super::web_annotation_import`] reads all of these back.

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
    let mut motivation = vec!["tagging"];
    for (text, purpose) in [
        (&annotation.note, "commenting"),
        (&annotation.speaker, "identifying"),
        (&annotation.explanation, "describing"),
    ] {
        if !text.is_empty() {
            body.push(json!({ "type": "TextualBody", "value": text, "format": "text/plain", "purpose": purpose }));
        }
    }
    if !annotation.note.is_empty() {
        motivation.push("commenting");
    }
    if let Some(target) = &annotation.responds_to {
        body.push(json!({ "type": "SpecificResource", "source": annotation_uri(target), "purpose": "linking" }));
        motivation.push("linking");
    }
    json!({
        "@context": ANNOTATION_CONTEXT,
        "id": annotation_uri(&annotation.id),
        "type": "Annotation",
        "motivation": if motivation.len() == 1 { json!(motivation[0]) } else { json!(motivation) },
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

/// An annotation's id as an absolute URI: a bare UUID becomes `urn:uuid:…`; an id that is
/// already a URI (imported from another tool) stays as it is. Import strips the prefix again.
pub fn annotation_uri(id: &str) -> String {
    if id.contains(':') {
        id.to_string()
    } else {
        format!("{UUID_URN_PREFIX}{id}")
    }
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

#[cfg(test)]
mod tests;
