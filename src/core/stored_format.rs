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
//! - Fields are read and written one by one, in the order and with the rules of the serde
//!   structs that wrote versions 1 to 3 (optional texts omitted when empty; a field of the wrong
//!   type makes its entry unreadable), so values written before are read, and rewritten, exactly
//!   as before (`fixtures/*.decoded.txt` and `*.rewritten.json` were made by that code).

use std::rc::Rc;

use super::anchoring::{reanchor_all, ReanchorSummary};
use super::annotation::{AnchorStatus, Annotation};
use super::char_range::CharRange;
use super::history::{Change, History, Step};
use super::json::{self, Object, Value};
use super::json_syntax_error::JsonSyntaxError;
use super::locale::Locale;
use super::merge::{Snapshot, Tombstone};
use super::selector::TextQuoteSelector;
use super::shape_problem::ShapeProblem;
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
    WrongShape(ShapeProblem),
    NewerVersion(u64),
}

impl StoredDecodeError {
    pub fn message(&self, locale: &Locale) -> String {
        let text = &locale.text;
        match self {
            StoredDecodeError::NotJson(position) => position.fill(locale, &text.stored_not_json),
            StoredDecodeError::WrongShape(what) => locale.fill(
                &text.stored_wrong_shape,
                &[("detail", &what.message(locale))],
            ),
            StoredDecodeError::NewerVersion(version) => locale.fill(
                &text.stored_newer,
                &[("version", &locale.integer(*version as usize))],
            ),
        }
    }
}

pub fn encode_annotations(article_key: &str, snapshot: &Snapshot) -> String {
    let mut envelope = Object::new()
        .with("v", STORED_FORMAT_VERSION)
        .with("article", article_key)
        .with(
            "annotations",
            snapshot
                .annotations
                .iter()
                .map(annotation_to_json)
                .collect::<Vec<_>>(),
        );
    if !snapshot.tombstones.is_empty() {
        envelope.insert("deleted", deleted_list(&snapshot.tombstones));
    }
    Value::from(envelope).to_json()
}

fn deleted_list(tombstones: &[Tombstone]) -> Vec<Value> {
    tombstones
        .iter()
        .map(|tombstone| {
            Value::from(
                Object::new()
                    .with("id", &tombstone.id)
                    .with("at", tombstone.deleted_ms),
            )
        })
        .collect()
}

/// Each claim's stored text from the last save, by claim: the reducer shares a claim that did
/// not change (the same `Rc`, see `core::annotation_state`), so such a claim is not encoded
/// again. With a thousand claims, encoding all of them was most of a save, and typing a note
/// saves after every keystroke. Holding each claim's `Rc` keeps its address from being reused
/// by another claim while it is remembered.
#[derive(Default)]
pub struct EncodedClaims {
    /// By the claim's address, ascending.
    entries: Vec<(Rc<Annotation>, String)>,
}

/// Exactly [`encode_annotations`] of these annotations and tombstones, reusing the text of
/// each claim `encoded` remembers, and remembering this time's claims for the next save.
pub fn encode_annotations_reusing(
    article_key: &str,
    annotations: &[Rc<Annotation>],
    tombstones: &[Tombstone],
    encoded: &mut EncodedClaims,
) -> String {
    let address = |annotation: &Rc<Annotation>| Rc::as_ptr(annotation) as usize;
    let mut last_time = std::mem::take(&mut encoded.entries);
    let mut entries: Vec<(Rc<Annotation>, String)> = annotations
        .iter()
        .map(|annotation| {
            let kept = last_time
                .binary_search_by_key(&address(annotation), |(old, _)| address(old))
                .map(|at| std::mem::take(&mut last_time[at].1));
            let text = match kept {
                Ok(text) if !text.is_empty() => text,
                _ => annotation_to_json(annotation).to_json(),
            };
            (Rc::clone(annotation), text)
        })
        .collect();
    // The envelope as `encode_annotations` writes it (its tests compare the two).
    let claims_length: usize = entries.iter().map(|(_, text)| text.len() + 1).sum();
    let mut out = String::with_capacity(claims_length + article_key.len() + 64);
    out.push_str("{\"v\":");
    out.push_str(&Value::from(STORED_FORMAT_VERSION).to_json());
    out.push_str(",\"article\":");
    out.push_str(&Value::from(article_key).to_json());
    out.push_str(",\"annotations\":[");
    for (index, (_, text)) in entries.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        out.push_str(text);
    }
    out.push(']');
    if !tombstones.is_empty() {
        out.push_str(",\"deleted\":");
        out.push_str(&Value::from(deleted_list(tombstones)).to_json());
    }
    out.push('}');
    super::sorting::sort_by_key(&mut entries, |(annotation, _)| address(annotation));
    encoded.entries = entries;
    out
}

/// Reads a stored value of any known version, migrates it to the current one, and anchors
/// every annotation in `text`.
pub fn decode_annotations(
    raw: &str,
    text: &SourceText,
) -> Result<DecodedAnnotations, StoredDecodeError> {
    let value = json::parse(raw).map_err(StoredDecodeError::NotJson)?;
    let read_version = value
        .get("v")
        .and_then(Value::as_u64)
        .ok_or(if value.is_object() {
            StoredDecodeError::WrongShape(ShapeProblem::NoVersion)
        } else {
            StoredDecodeError::WrongShape(ShapeProblem::NotAnObject)
        })?;
    if read_version > STORED_FORMAT_VERSION {
        return Err(StoredDecodeError::NewerVersion(read_version));
    }
    let value = migrate_to_current(value, read_version);
    let entries =
        value
            .get("annotations")
            .and_then(Value::as_array)
            .ok_or(StoredDecodeError::WrongShape(
                ShapeProblem::NoAnnotationList,
            ))?;
    let mut annotations = Vec::with_capacity(entries.len());
    let mut unreadable_entries = 0;
    for entry in entries {
        match annotation_from_json(entry) {
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
        let tombstone = entry.as_object().and_then(|stored| {
            Some(Tombstone {
                id: stored.text("id")?,
                deleted_ms: stored.integer("at")?,
            })
        });
        match tombstone {
            Some(tombstone) => tombstones.push(tombstone),
            None => unreadable_entries += 1,
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
        object.insert("deleted", Vec::new());
        object.insert("v", 2u64);
    }
    value
}

/// Version 3 only added optional fields to each annotation: a version 2 annotation is a
/// version 3 one without a speaker, an explanation or a link.
fn migrate_v2_to_v3(mut value: Value) -> Value {
    if let Some(object) = value.as_object_mut() {
        object.insert("v", 3u64);
    }
    value
}

/// One annotation as version 3 stores it: `id`, `tag`, `exact`, `prefix`, `suffix`, `start`,
/// `end`, `note`, `created`, `modified`, `sp`, `ex`, `re`, in that order, each text omitted
/// when empty (versions 1 and 2 never have `sp`, `ex`, `re`).
fn annotation_to_json(annotation: &Annotation) -> Value {
    Object::new()
        .with("id", &annotation.id)
        .with("tag", annotation.tag.keyword())
        .with("exact", &annotation.quote.exact)
        .with_text("prefix", &annotation.quote.prefix)
        .with_text("suffix", &annotation.quote.suffix)
        .with("start", annotation.range.start)
        .with("end", annotation.range.end)
        .with_text("note", &annotation.note)
        .with("created", annotation.created_ms)
        .with("modified", annotation.modified_ms)
        .with_text("sp", &annotation.speaker)
        .with_text("ex", &annotation.explanation)
        .with_text("re", annotation.responds_to.as_deref().unwrap_or_default())
        .into()
}

/// `None` when the entry is unusable: not an object, a field missing or of the wrong type, no
/// id, no tag, an empty quote. Where its words are is decided afterwards by re-anchoring. A
/// link to itself is dropped.
fn annotation_from_json(entry: &Value) -> Option<Annotation> {
    let stored = entry.as_object()?;
    let id = stored.text("id")?;
    let tag = Tag::from_text(&stored.text("tag")?)?;
    let exact = stored.text("exact")?;
    let quote = TextQuoteSelector {
        exact,
        prefix: stored.text_or_empty("prefix")?,
        suffix: stored.text_or_empty("suffix")?,
    };
    let range = CharRange::new(stored.count("start")?, stored.count("end")?);
    let note = stored.text_or_empty("note")?;
    let created_ms = stored.integer("created")?;
    let modified_ms = stored.integer("modified")?;
    let speaker = stored.text_or_empty("sp")?;
    let explanation = stored.text_or_empty("ex")?;
    let responds_to = stored.text_or_empty("re")?;
    if id.trim().is_empty() || quote.exact.is_empty() {
        return None;
    }
    let responds_to = Some(responds_to).filter(|target| !target.is_empty() && *target != id);
    Some(Annotation {
        id,
        tag,
        quote,
        range,
        note,
        speaker,
        explanation,
        responds_to,
        created_ms,
        modified_ms,
        anchor: AnchorStatus::Anchored,
    })
}

/// This tab's undo history in stored form (kept in sessionStorage, so undo survives a reload):
/// `{"v":1,"undo":[step…],"redo":[step…]}`, a step being `{"at","note"?,"changes"}` and a
/// change `{"b","a"}`, the annotation before and after (`null` when there is none). `note` is
/// the claim being typed in ([`Step::typing_in_claim`]): named so since notes were the only
/// text typed, and kept so for the histories already saved.
pub fn encode_history(history: &History) -> String {
    let steps = |steps: &[Rc<Step>]| -> Vec<Value> {
        steps
            .iter()
            .map(|step| {
                let mut stored = Object::new().with("at", step.at_ms);
                if let Some(claim) = &step.typing_in_claim {
                    stored.insert("note", claim);
                }
                let changes = step
                    .changes
                    .iter()
                    .map(|change| {
                        Value::from(
                            Object::new()
                                .with("b", change.before.as_deref().map(annotation_to_json))
                                .with("a", change.after.as_deref().map(annotation_to_json)),
                        )
                    })
                    .collect::<Vec<_>>();
                stored.with("changes", changes).into()
            })
            .collect()
    };
    Value::from(
        Object::new()
            .with("v", 1u64)
            .with("undo", steps(&history.undo))
            .with("redo", steps(&history.redo)),
    )
    .to_json()
}

/// `None` when the value cannot be read: a lost undo history costs nothing the reader made.
pub fn decode_history(raw: &str) -> Option<History> {
    let value = json::parse(raw).ok()?;
    let stored = value.as_object()?;
    stored.get("v")?.as_u64()?;
    let side = |annotation: Option<&Value>| -> Option<Option<Rc<Annotation>>> {
        match annotation {
            None | Some(Value::Null) => Some(None),
            Some(entry) => annotation_from_json(entry).map(|annotation| Some(Rc::new(annotation))),
        }
    };
    let steps = |key: &str| -> Option<Vec<Rc<Step>>> {
        stored
            .list(key)?
            .iter()
            .map(|step| {
                let step = step.as_object()?;
                let changes = step
                    .list("changes")?
                    .iter()
                    .map(|change| {
                        let change = change.as_object()?;
                        Some(Change {
                            before: side(change.get("b"))?,
                            after: side(change.get("a"))?,
                        })
                    })
                    .collect::<Option<Vec<Change>>>()?;
                Some(Rc::new(Step {
                    changes,
                    typing_in_claim: step.optional_text("note")?,
                    at_ms: step.integer("at")?,
                }))
            })
            .collect()
    };
    Some(History {
        undo: steps("undo")?,
        redo: steps("redo")?,
    })
}

#[cfg(test)]
mod tests;
