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
//! - Members are written in a fixed, readable order (`@context`, `id`, `type` first); JSON-LD
//!   gives the order no meaning.

use std::borrow::Borrow;

use super::json::{Object, Value};

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

pub fn export_collection<A: Borrow<Annotation>>(
    annotations: &[A],
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
        .map(|annotation| export_annotation(annotation.borrow(), source))
        .collect();
    let page = Object::new()
        .with("@context", ANNOTATION_CONTEXT)
        .with("id", format!("{collection_id}:page:1"))
        .with("type", "AnnotationPage")
        .with("startIndex", 0usize);
    Object::new()
        .with("@context", ANNOTATION_CONTEXT)
        .with("id", collection_id)
        .with("type", "AnnotationCollection")
        .with("label", "Claims tagged with Claim Annotator")
        .with("total", items.len())
        .with("modified", format_iso(now_ms))
        .with("first", page.with("items", items))
        .into()
}

pub fn export_annotation(annotation: &Annotation, source: &str) -> Value {
    let textual = |value: &str| {
        Object::new()
            .with("type", "TextualBody")
            .with("value", value)
    };
    let mut body = vec![Value::from(
        textual(annotation.tag.keyword()).with("purpose", "tagging"),
    )];
    let mut motivation = vec![Value::from("tagging")];
    for (text, purpose) in [
        (&annotation.note, "commenting"),
        (&annotation.speaker, "identifying"),
        (&annotation.explanation, "describing"),
    ] {
        if !text.is_empty() {
            let text_body = textual(text)
                .with("format", "text/plain")
                .with("purpose", purpose);
            body.push(text_body.into());
        }
    }
    if !annotation.note.is_empty() {
        motivation.push("commenting".into());
    }
    if let Some(target) = &annotation.responds_to {
        let link = Object::new()
            .with("type", "SpecificResource")
            .with("source", annotation_uri(target))
            .with("purpose", "linking");
        body.push(link.into());
        motivation.push("linking".into());
    }
    let quote = Object::new()
        .with("type", "TextQuoteSelector")
        .with("exact", &annotation.quote.exact)
        .with("prefix", &annotation.quote.prefix)
        .with("suffix", &annotation.quote.suffix);
    let position = Object::new()
        .with("type", "TextPositionSelector")
        .with("start", annotation.range.start)
        .with("end", annotation.range.end);
    Object::new()
        .with("@context", ANNOTATION_CONTEXT)
        .with("id", annotation_uri(&annotation.id))
        .with("type", "Annotation")
        .with(
            "motivation",
            if motivation.len() == 1 {
                motivation.remove(0)
            } else {
                Value::Array(motivation)
            },
        )
        .with("created", format_iso(annotation.created_ms))
        .with("modified", format_iso(annotation.modified_ms))
        .with("body", body)
        .with(
            "target",
            Object::new()
                .with("source", source)
                .with("selector", vec![Value::from(quote), Value::from(position)]),
        )
        .into()
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
