//! What is written to localStorage: a versioned envelope, separate from the in-memory model.
//!
//! Invariants:
//! - The stored types are never used as the model; [`encode_annotations`] and
//!   [`decode_annotations`] are the only ways between the two.
//! - Decoding is per annotation: one damaged entry never costs the others. Anything that cannot be
//!   read is reported, so the caller can keep the raw value instead of overwriting it.
//! - The fields are short on purpose: localStorage holds about 5 MB per site.
//! - Every version ever written can be read: older values go through each migration step in
//!   turn (`fixtures/` keeps a value of each old version, and the tests read them).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::anchoring::{reanchor_all, ReanchorSummary};
use super::annotation::{AnchorStatus, Annotation};
use super::char_range::CharRange;
use super::history::{Change, History, Step};
use super::json_syntax_error::JsonSyntaxError;
use super::locale::Locale;
use super::merge::{Snapshot, Tombstone};
use super::selector::TextQuoteSelector;
use super::source_text::SourceText;
use super::tag::Tag;

/// Version 3 added a claim's `sp` (speaker), `ex` (explanation) and `re` (the id of the claim
/// it answers), each omitted when empty. Version 2 added `deleted` (tombstones, for merging
/// tabs); version 1 had none. Version 3 only adds fields, yet the number went up: a version 2
/// widget would read a version 3 value, skip the fields it does not know and write the value
/// back without them. Seeing a newer number, it keeps the value in a backup instead.
pub const STORED_FORMAT_VERSION: u64 = 3;

#[derive(Debug, PartialEq)]
pub struct DecodedAnnotations {
    /// Annotations re-anchored in the current text, and the deletions on record.
    pub snapshot: Snapshot,
    /// Entries that were present but could not be read; the raw value should be kept.
    pub unreadable_entries: usize,
    pub reanchored: ReanchorSummary,
    /// The version the value was written in (older ones were migrated on the way in).
    pub read_version: u64,
}

#[derive(Debug, PartialEq, Eq)]
pub enum StoredDecodeError {
    NotJson(JsonSyntaxError),
    WrongShape(&'static str),
    NewerVersion(u64),
}

impl StoredDecodeError {
    pub fn message(&self, locale: &Locale) -> String {
        let text = &locale.text;
        match self {
            StoredDecodeError::NotJson(position) => position.fill(locale, &text.stored_not_json),
            StoredDecodeError::WrongShape(what) => {
                locale.fill(&text.stored_wrong_shape, &[("detail", what)])
            }
            StoredDecodeError::NewerVersion(version) => locale.fill(
                &text.stored_newer,
                &[("version", &locale.integer(*version as usize))],
            ),
        }
    }
}

pub fn encode_annotations(article_key: &str, snapshot: &Snapshot) -> String {
    let envelope = StoredEnvelopeV3 {
        v: STORED_FORMAT_VERSION,
        article: article_key.to_string(),
        annotations: snapshot
            .annotations
            .iter()
            .map(StoredAnnotationV3::from_annotation)
            .collect(),
        deleted: snapshot
            .tombstones
            .iter()
            .map(|tombstone| StoredTombstone {
                id: tombstone.id.clone(),
                at: tombstone.deleted_ms,
            })
            .collect(),
    };
    serde_json::to_string(&envelope).expect("stored types always serialise")
}

/// Reads a stored value of any known version, migrates it to the current one, and anchors
/// every annotation in `text`.
pub fn decode_annotations(
    raw: &str,
    text: &SourceText,
) -> Result<DecodedAnnotations, StoredDecodeError> {
    let value: Value = serde_json::from_str(raw)
        .map_err(|error| StoredDecodeError::NotJson(JsonSyntaxError::from_serde(&error)))?;
    let read_version = value
        .get("v")
        .and_then(Value::as_u64)
        .ok_or(if value.is_object() {
            StoredDecodeError::WrongShape("no version")
        } else {
            StoredDecodeError::WrongShape("not an object")
        })?;
    if read_version > STORED_FORMAT_VERSION {
        return Err(StoredDecodeError::NewerVersion(read_version));
    }
    let value = migrate_to_current(value, read_version);
    let entries = value
        .get("annotations")
        .and_then(Value::as_array)
        .ok_or(StoredDecodeError::WrongShape("no list of annotations"))?;
    let mut annotations = Vec::with_capacity(entries.len());
    let mut unreadable_entries = 0;
    for entry in entries {
        match serde_json::from_value::<StoredAnnotationV3>(entry.clone())
            .ok()
            .and_then(StoredAnnotationV3::into_annotation)
        {
            Some(annotation) => annotations.push(annotation),
            None => unreadable_entries += 1,
        }
    }
    let mut tombstones = Vec::new();
    for entry in value
        .get("deleted")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        match serde_json::from_value::<StoredTombstone>(entry.clone()) {
            Ok(stored) => tombstones.push(Tombstone {
                id: stored.id,
                deleted_ms: stored.at,
            }),
            Err(_) => unreadable_entries += 1,
        }
    }
    let reanchored = reanchor_all(text, &mut annotations);
    Ok(DecodedAnnotations {
        snapshot: Snapshot {
            annotations,
            tombstones,
        },
        unreadable_entries,
        reanchored,
        read_version,
    })
}

/// Each step takes the value from one version to the next; a value is migrated through every
/// step after its own version, so any old value reaches the current shape.
fn migrate_to_current(mut value: Value, from_version: u64) -> Value {
    if from_version < 2 {
        value = migrate_v1_to_v2(value);
    }
    if from_version < 3 {
        value = migrate_v2_to_v3(value);
    }
    value
}

/// Version 1 had no record of deletions.
fn migrate_v1_to_v2(mut value: Value) -> Value {
    if let Some(object) = value.as_object_mut() {
        object.insert("deleted".into(), Value::Array(Vec::new()));
        object.insert("v".into(), Value::from(2));
    }
    value
}

/// Version 3 only added optional fields to each annotation: a version 2 annotation is a
/// version 3 one without a speaker, an explanation or a link.
fn migrate_v2_to_v3(mut value: Value) -> Value {
    if let Some(object) = value.as_object_mut() {
        object.insert("v".into(), Value::from(3));
    }
    value
}

#[derive(Serialize, Deserialize)]
struct StoredEnvelopeV3 {
    v: u64,
    article: String,
    annotations: Vec<StoredAnnotationV3>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    deleted: Vec<StoredTombstone>,
}

#[derive(Serialize, Deserialize)]
struct StoredTombstone {
    id: String,
    at: i64,
}

/// One annotation as versions 1 to 3 store it (versions 1 and 2 never have `sp`, `ex`, `re`).
#[derive(Serialize, Deserialize)]
struct StoredAnnotationV3 {
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
    #[serde(default, skip_serializing_if = "String::is_empty")]
    sp: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    ex: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    re: String,
}

impl StoredAnnotationV3 {
    fn from_annotation(annotation: &Annotation) -> Self {
        StoredAnnotationV3 {
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
            sp: annotation.speaker.clone(),
            ex: annotation.explanation.clone(),
            re: annotation.responds_to.clone().unwrap_or_default(),
        }
    }

    /// `None` only when the entry itself is unusable (no id, no tag, empty quote); where
    /// its words are is decided afterwards by re-anchoring. A link to itself is dropped.
    fn into_annotation(self) -> Option<Annotation> {
        let tag = Tag::from_text(&self.tag)?;
        if self.id.trim().is_empty() || self.exact.is_empty() {
            return None;
        }
        let responds_to = Some(self.re).filter(|target| !target.is_empty() && *target != self.id);
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
            speaker: self.sp,
            explanation: self.ex,
            responds_to,
            created_ms: self.created,
            modified_ms: self.modified,
            anchor: AnchorStatus::Anchored,
        })
    }
}

/// This tab's undo history in stored form (kept in sessionStorage, so undo survives a reload).
pub fn encode_history(history: &History) -> String {
    let steps = |steps: &[Step]| -> Vec<StoredStep> {
        steps
            .iter()
            .map(|step| StoredStep {
                at: step.at_ms,
                note: step.typing_in_claim.clone(),
                changes: step
                    .changes
                    .iter()
                    .map(|change| StoredChange {
                        b: change
                            .before
                            .as_ref()
                            .map(StoredAnnotationV3::from_annotation),
                        a: change
                            .after
                            .as_ref()
                            .map(StoredAnnotationV3::from_annotation),
                    })
                    .collect(),
            })
            .collect()
    };
    serde_json::to_string(&StoredHistory {
        v: 1,
        undo: steps(&history.undo),
        redo: steps(&history.redo),
    })
    .expect("stored types always serialise")
}

/// `None` when the value cannot be read: a lost undo history costs nothing the reader made.
pub fn decode_history(raw: &str) -> Option<History> {
    let stored: StoredHistory = serde_json::from_str(raw).ok()?;
    let steps = |steps: Vec<StoredStep>| -> Option<Vec<Step>> {
        steps
            .into_iter()
            .map(|step| {
                let changes = step
                    .changes
                    .into_iter()
                    .map(|change| {
                        let before = change
                            .b
                            .map(|stored| stored.into_annotation().ok_or(()))
                            .transpose()
                            .ok()?;
                        let after = change
                            .a
                            .map(|stored| stored.into_annotation().ok_or(()))
                            .transpose()
                            .ok()?;
                        Some(Change { before, after })
                    })
                    .collect::<Option<Vec<Change>>>()?;
                Some(Step {
                    changes,
                    typing_in_claim: step.note,
                    at_ms: step.at,
                })
            })
            .collect()
    };
    Some(History {
        undo: steps(stored.undo)?,
        redo: steps(stored.redo)?,
    })
}

#[derive(Serialize, Deserialize)]
struct StoredHistory {
    v: u64,
    undo: Vec<StoredStep>,
    redo: Vec<StoredStep>,
}

#[derive(Serialize, Deserialize)]
struct StoredStep {
    at: i64,
    /// The claim being typed in ([`Step::typing_in_claim`]); named `note` since notes were
    /// the only text typed, and kept so for the histories already saved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    changes: Vec<StoredChange>,
}

#[derive(Serialize, Deserialize)]
struct StoredChange {
    b: Option<StoredAnnotationV3>,
    a: Option<StoredAnnotationV3>,
}

#[cfg(test)]
mod tests;
