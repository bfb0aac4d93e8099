//! Loading and saving one article's annotations: the glue between the reducer's snapshot, the
//! stored format and localStorage, used by the annotator's effects.
//!
//! Invariants:
//! - Every write is read-merge-write: what storage holds now (another tab may have written it
//!   a moment ago) is merged with this tab's snapshot before writing, so neither tab's work is
//!   overwritten. The merge is skipped only when storage holds exactly what this tab last
//!   wrote or read (nobody else wrote since), which is what makes a save cheap with a thousand
//!   claims. The two are compared as JavaScript strings (`===`), so the value is copied into
//!   the wasm only when it changed. Not a revision stamp in the value: that needs a new stored
//!   version and trusts every writer (an older widget, a backup put back) to change it, while
//!   the whole text compared catches any write, and the bench cannot see its cost (0.1 ms).
//! - A stored value that cannot be read in full is copied to a backup key before anything is
//!   written over it; when even the backup fails, the caller is told to stop writing.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::JsString;

use super::annotator::LoadedArticle;
use crate::browser::clock_and_ids::now_ms;
use crate::browser::local_store::{self, StorageProblem};
use crate::core::annotation::Annotation;
use crate::core::history::History;
use crate::core::locale::Locale;
use crate::core::merge::{merge, Snapshot, Tombstone};
use crate::core::stored_format::{
    decode_annotations, decode_history, encode_annotations, encode_annotations_reusing,
    encode_history, DecodedAnnotations, EncodedClaims, StoredDecodeError,
};

#[derive(Default)]
pub struct Restored {
    pub snapshot: Snapshot,
    pub problem: Option<String>,
    pub recovery: Option<String>,
    /// How many annotations re-anchored at a new range (the article changed): saved back at once.
    pub moved: usize,
    /// The raw value could not be read in full; offered to the reader as a download.
    pub unreadable_raw: Option<String>,
    /// Size of the stored value.
    pub bytes: usize,
    /// The stored value, when it was read in full: until another tab writes, the first save
    /// has nothing to merge with it.
    pub readable_raw: Option<JsString>,
}

/// Reads what storage holds for this article and re-anchors it in the current text.
pub fn restore(loaded: &LoadedArticle, memory: &RefCell<SaveMemory>, locale: &Locale) -> Restored {
    let text = &locale.text;
    let stored = match local_store::read_text(&local_store::annotations_key(&loaded.key)) {
        Ok(Some(stored)) => stored,
        Ok(None) => return Restored::default(),
        Err(problem) => {
            return Restored {
                problem: Some(problem.message(locale)),
                ..Default::default()
            }
        }
    };
    let raw = String::from(&stored);
    let decoded = decode_annotations(&raw, &loaded.article.text);
    let what_failed = match &decoded {
        Ok(decoded) if decoded.unreadable_entries == 0 => None,
        Ok(decoded) => Some(locale.count(
            &text.saved_unreadable_entries,
            decoded.unreadable_entries,
            &[],
        )),
        Err(error) => Some(locale.fill(
            &text.saved_unreadable,
            &[("reason", &error.message(locale))],
        )),
    };
    let (snapshot, moved) = match decoded {
        Ok(DecodedAnnotations {
            snapshot,
            reanchored,
            ..
        }) => (snapshot, reanchored.moved),
        Err(_) => (Snapshot::default(), 0),
    };
    let bytes = raw.len();
    let Some(what_failed) = what_failed else {
        return Restored {
            snapshot,
            moved,
            bytes,
            readable_raw: Some(stored),
            ..Default::default()
        };
    };
    let recovery = match back_up(loaded, &raw) {
        Ok(backup_key) => locale.fill(
            &text.recovery_backed_up,
            &[("problem", &what_failed), ("key", &backup_key)],
        ),
        Err(_) => {
            memory.borrow_mut().may_write = false;
            locale.fill(&text.recovery_not_backed_up, &[("problem", &what_failed)])
        }
    };
    Restored {
        snapshot,
        moved,
        recovery: Some(recovery),
        unreadable_raw: Some(raw),
        problem: None,
        bytes,
        readable_raw: None,
    }
}

/// What a save wrote: the merged annotations (`None` when nothing else was there to merge, so
/// what was written is the tab's own snapshot) and the size of the stored value.
pub struct Saved {
    pub merged: Option<Snapshot>,
    pub bytes: usize,
}

/// What one annotator remembers between its saves (one record: these change together, around
/// each read and write of storage).
pub struct SaveMemory {
    /// False once an unreadable value could not even be backed up: nothing is written over it.
    pub may_write: bool,
    /// True while this annotator writes, so it does not merge back its own save.
    pub writing: bool,
    /// The last unreadable value copied to a backup key, so the same value is not copied twice.
    pub backed_up: Option<String>,
    /// The value this tab wrote (or read) last, as JavaScript holds it: when storage still
    /// holds it, there is nothing to merge.
    pub last_written: Option<JsString>,
    /// Each claim's stored text as last written, so an unchanged claim is not encoded again.
    pub encoded: EncodedClaims,
}

impl Default for SaveMemory {
    fn default() -> Self {
        SaveMemory {
            may_write: true,
            writing: false,
            backed_up: None,
            last_written: None,
            encoded: EncodedClaims::default(),
        }
    }
}

/// Merges this tab's annotations and tombstones with what storage holds now and writes the
/// result. They are taken as the reducer keeps them (shared, not copied): with a thousand
/// claims a copy of them per save was a good part of the save.
pub fn save_merged(
    loaded: &LoadedArticle,
    annotations: &[Rc<Annotation>],
    tombstones: &[Tombstone],
    memory: &RefCell<SaveMemory>,
) -> Result<Saved, StorageProblem> {
    // Only merging needs a copy of them.
    let local = || Snapshot {
        annotations: annotations.iter().map(|a| (**a).clone()).collect(),
        tombstones: tombstones.to_vec(),
    };
    let key = local_store::annotations_key(&loaded.key);
    let now = now_ms();
    let stored = local_store::read_text(&key)?;
    let nobody_else_wrote = stored.is_none() || stored == memory.borrow().last_written;
    let merged = match stored {
        _ if nobody_else_wrote => None,
        None => None,
        // Another tab wrote: only now is the value copied into the wasm.
        Some(stored) => {
            let raw = String::from(stored);
            match decode_annotations(&raw, &loaded.article.text) {
                Ok(decoded) if decoded.unreadable_entries == 0 => {
                    Some(merge(&local(), &decoded.snapshot, now))
                }
                readable_in_part => {
                    // Something unreadable is there: keep a copy before writing over it.
                    if memory.borrow().backed_up.as_deref() != Some(raw.as_str()) {
                        back_up(loaded, &raw)?;
                        memory.borrow_mut().backed_up = Some(raw.clone());
                    }
                    match readable_in_part {
                        Ok(decoded) => Some(merge(&local(), &decoded.snapshot, now)),
                        Err(_) => None,
                    }
                }
            }
        }
    };
    let encoded = match &merged {
        Some(merged) => encode_annotations(&loaded.key, merged),
        None => encode_annotations_reusing(
            &loaded.key,
            annotations,
            tombstones,
            &mut memory.borrow_mut().encoded,
        ),
    };
    let written = JsString::from(encoded.as_str());
    local_store::write_text(&key, &written)?;
    local_store::announce_stored(&key);
    memory.borrow_mut().last_written = Some(written);
    Ok(Saved {
        merged,
        bytes: encoded.len(),
    })
}

/// The stored form of the annotations, for a download when storage is full.
pub fn export_for_download(loaded: &LoadedArticle, snapshot: &Snapshot) -> String {
    encode_annotations(&loaded.key, snapshot)
}

/// Restores this tab's undo history (sessionStorage), if there is a readable one.
pub fn restore_history(loaded: &LoadedArticle) -> Option<History> {
    local_store::session_read(&local_store::history_key(&loaded.key))
        .ok()
        .flatten()
        .and_then(|raw| decode_history(&raw))
}

/// Keeps this tab's undo history across a reload; failing to is harmless, so it is not reported.
pub fn save_history(loaded: &LoadedArticle, history: &History) {
    let _ = local_store::session_write(
        &local_store::history_key(&loaded.key),
        &encode_history(history),
    );
}

/// Another tab's new value, from a `storage` event; `None` when it cannot be read.
pub fn decode_remote(loaded: &LoadedArticle, raw: &str) -> Option<Snapshot> {
    match decode_annotations(raw, &loaded.article.text) {
        Ok(decoded) => Some(decoded.snapshot),
        Err(
            StoredDecodeError::NotJson(_)
            | StoredDecodeError::WrongShape(_)
            | StoredDecodeError::NewerVersion(_),
        ) => None,
    }
}

fn back_up(loaded: &LoadedArticle, raw: &str) -> Result<String, StorageProblem> {
    let backup_key = local_store::backup_key(&loaded.key, now_ms());
    local_store::write(&backup_key, raw)?;
    Ok(backup_key)
}
