//! What is written to localStorage: a versioned envelope, separate from the in-memory model.
//!
//! Invariants:
//! - The stored types are never used as the model; [`encode_annotations`] and
//!   [`decode_annotations`] are the only ways between the two.
//! - Decoding is per annotation: one damaged entry never costs the others. Anything that cannot be
//!   read is reported, so the caller can keep the raw value instead of overwriting it.
//! - The fields are short on purpose: localStorage holds about 5 MB per site.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::anchoring::{reanchor_all, ReanchorSummary};
use super::annotation::{AnchorStatus, Annotation};
use super::char_range::CharRange;
use super::selector::TextQuoteSelector;
use super::source_text::SourceText;
use super::tag::Tag;

pub const STORED_FORMAT_VERSION: u64 = 1;

#[derive(Debug, PartialEq)]
pub struct DecodedAnnotations {
    /// Re-anchored in the current text.
    pub annotations: Vec<Annotation>,
    /// Entries that were present but could not be read; the raw value should be kept.
    pub unreadable_entries: usize,
    pub reanchored: ReanchorSummary,
}

#[derive(Debug, PartialEq, Eq)]
pub enum StoredDecodeError {
    NotJson(String),
    WrongShape(&'static str),
    NewerVersion(u64),
}

impl StoredDecodeError {
    pub fn message(&self) -> String {
        match self {
            StoredDecodeError::NotJson(detail) => {
                format!("the saved data is not valid JSON ({detail})")
            }
            StoredDecodeError::WrongShape(what) => {
                format!("the saved data has an unexpected shape ({what})")
            }
            StoredDecodeError::NewerVersion(version) => {
                format!("the saved data was written by a newer version of Claim Annotator (format {version})")
            }
        }
    }
}

pub fn encode_annotations(article_key: &str, annotations: &[Annotation]) -> String {
    let envelope = StoredEnvelopeV1 {
        v: STORED_FORMAT_VERSION,
        article: article_key.to_string(),
        annotations: annotations
            .iter()
            .map(StoredAnnotationV1::from_annotation)
            .collect(),
    };
    serde_json::to_string(&envelope).expect("stored types always serialise")
}

/// Reads a stored value and anchors every annotation in `text`.
pub fn decode_annotations(
    raw: &str,
    text: &SourceText,
) -> Result<DecodedAnnotations, StoredDecodeError> {
    let value: Value =
        serde_json::from_str(raw).map_err(|error| StoredDecodeError::NotJson(error.to_string()))?;
    let object = value
        .as_object()
        .ok_or(StoredDecodeError::WrongShape("not an object"))?;
    let version = object
        .get("v")
        .and_then(Value::as_u64)
        .ok_or(StoredDecodeError::WrongShape("no version"))?;
    if version > STORED_FORMAT_VERSION {
        return Err(StoredDecodeError::NewerVersion(version));
    }
    let entries = object
        .get("annotations")
        .and_then(Value::as_array)
        .ok_or(StoredDecodeError::WrongShape("no list of annotations"))?;
    let mut annotations = Vec::with_capacity(entries.len());
    let mut unreadable_entries = 0;
    for entry in entries {
        match serde_json::from_value::<StoredAnnotationV1>(entry.clone())
            .ok()
            .and_then(StoredAnnotationV1::into_annotation)
        {
            Some(annotation) => annotations.push(annotation),
            None => unreadable_entries += 1,
        }
    }
    let reanchored = reanchor_all(text, &mut annotations);
    Ok(DecodedAnnotations {
        annotations,
        unreadable_entries,
        reanchored,
    })
}

#[derive(Serialize, Deserialize)]
struct StoredEnvelopeV1 {
    v: u64,
    article: String,
    annotations: Vec<StoredAnnotationV1>,
}

#[derive(Serialize, Deserialize)]
struct StoredAnnotationV1 {
    id: String,
    tag: String,
    exact: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    prefix: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    suffix: String,
    start: usize,
    end: usize,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    note: String,
    created: i64,
    modified: i64,
}

impl StoredAnnotationV1 {
    fn from_annotation(annotation: &Annotation) -> Self {
        StoredAnnotationV1 {
            id: annotation.id.clone(),
            tag: annotation.tag.keyword().to_string(),
            exact: annotation.quote.exact.clone(),
            prefix: annotation.quote.prefix.clone(),
            suffix: annotation.quote.suffix.clone(),
            start: annotation.range.start,
            end: annotation.range.end,
            note: annotation.note.clone(),
            created: annotation.created_ms,
            modified: annotation.modified_ms,
        }
    }

    /// `None` only when the entry itself is unusable (no id, unknown tag, empty quote); where
    /// its words are is decided afterwards by re-anchoring.
    fn into_annotation(self) -> Option<Annotation> {
        let tag = Tag::from_keyword(&self.tag)?;
        if self.id.trim().is_empty() || self.exact.is_empty() {
            return None;
        }
        Some(Annotation {
            id: self.id,
            tag,
            quote: TextQuoteSelector {
                exact: self.exact,
                prefix: self.prefix,
                suffix: self.suffix,
            },
            range: CharRange::new(self.start, self.end),
            note: self.note,
            created_ms: self.created,
            modified_ms: self.modified,
            anchor: AnchorStatus::Anchored,
        })
    }
}

#[cfg(test)]
mod tests;
