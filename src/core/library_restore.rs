//! "Import everything": what a backup file adds to this browser's library and claims, worked
//! out in full before anything is written, so that a file that cannot be read changes nothing
//! and one that can only ever adds.
//!
//! Invariants:
//! - Nothing in this browser is lost or overwritten: an article already in the library stays as
//!   it is (even one this version cannot read); claims are merged with those stored
//!   (`core::merge`: per claim the newer edit wins, deletions are remembered), never replaced;
//!   a stored value that cannot be read in full is kept under a backup key before anything is
//!   written over it.
//! - Nothing in the file is lost: claims whose article text is in neither the file nor the
//!   library are merged all the same (unanchored, keeping their quotes and places), and the
//!   file's unreadable values are kept as backups or written back as they were.
//! - Importing the same file again writes nothing new.

use std::collections::{BTreeMap, BTreeSet};

use super::annotation::sort_in_reading_order;
use super::library::{Backup, LibraryArticle};
use super::merge::{merge, Snapshot};
use super::source_text::SourceText;
use super::stored_format::{decode_annotations, encode_annotations};

/// What to write, in this order: backups first, then articles, then claims.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RestorePlan {
    /// Values to keep under a backup key (per article key) before anything else is written:
    /// stored claims that cannot be read in full, and the file's own unreadable claims.
    pub back_up: Vec<(String, String)>,
    /// Articles the library does not have yet.
    pub add_articles: Vec<LibraryArticle>,
    /// Library values the file kept because they could not be read when it was made, for keys
    /// the library has nothing under: written back exactly as they were.
    pub add_raw_articles: Vec<(String, String)>,
    /// Claims values to store, per article key, already merged with what is stored.
    pub write_claims: Vec<(String, String)>,
    pub summary: RestoreSummary,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RestoreSummary {
    pub articles_added: usize,
    /// Articles of the file the library already had.
    pub articles_present: usize,
    /// Claims that were not in this browser before.
    pub claims_added: usize,
    /// Values kept under backup keys.
    pub kept_aside: usize,
}

/// What this browser holds now, as the plan needs it.
pub struct StoredLibrary<'a> {
    pub articles: &'a [LibraryArticle],
    /// Keys of library values this version cannot read.
    pub unreadable_article_keys: &'a BTreeSet<String>,
    /// The stored claims value per article key.
    pub claims: &'a BTreeMap<String, String>,
    /// Every value already kept under a backup key, so the same one is never kept twice.
    pub backed_up: &'a BTreeSet<String>,
}

pub fn plan_restore(backup: &Backup, stored: &StoredLibrary<'_>, now_ms: i64) -> RestorePlan {
    let mut plan = RestorePlan::default();
    let in_library = |key: &str| {
        stored.articles.iter().any(|article| article.key == key)
            || stored.unreadable_article_keys.contains(key)
    };
    let mut kept: BTreeSet<String> = stored.backed_up.clone();
    let mut back_up = |plan: &mut RestorePlan, key: &str, raw: &str| {
        if kept.insert(raw.to_string()) {
            plan.back_up.push((key.to_string(), raw.to_string()));
        }
    };
    for article in &backup.articles {
        if in_library(&article.key) {
            plan.summary.articles_present += 1;
        } else {
            plan.add_articles.push(article.clone());
            plan.summary.articles_added += 1;
        }
    }
    for (key, raw) in &backup.unreadable_articles {
        let added = backup.articles.iter().any(|article| article.key == *key);
        if !in_library(key) && !added {
            plan.add_raw_articles.push((key.clone(), raw.clone()));
        }
    }
    for (key, file_raw) in &backup.annotations {
        let text = backup
            .articles
            .iter()
            .chain(stored.articles)
            .find(|article| article.key == *key)
            .map_or("", |article| article.text.as_str());
        let text = SourceText::new(text);
        let (from_file, whole) = match decode_annotations(file_raw, &text) {
            Ok(decoded) => {
                let whole = decoded.unreadable_entries == 0;
                if !whole {
                    back_up(&mut plan, key, file_raw);
                }
                (decoded.snapshot, whole)
            }
            Err(_) => {
                back_up(&mut plan, key, file_raw);
                continue;
            }
        };
        let Some(local_raw) = stored.claims.get(key) else {
            plan.summary.claims_added += from_file.annotations.len();
            // Exactly as exported when it reads in full; else what can be read (the whole
            // value was kept aside above).
            let value = if whole {
                file_raw.clone()
            } else {
                encode_annotations(key, &from_file)
            };
            plan.write_claims.push((key.clone(), value));
            continue;
        };
        let mut local = match decode_annotations(local_raw, &text) {
            Ok(decoded) if decoded.unreadable_entries == 0 => decoded.snapshot,
            readable_in_part => {
                back_up(&mut plan, key, local_raw);
                readable_in_part
                    .map(|decoded| decoded.snapshot)
                    .unwrap_or_default()
            }
        };
        sort_in_reading_order(&mut local.annotations);
        let merged = merge(&local, &from_file, now_ms);
        if merged == local {
            continue;
        }
        plan.summary.claims_added += new_claims(&local, &merged);
        plan.write_claims
            .push((key.clone(), encode_annotations(key, &merged)));
    }
    for (key, raw) in &backup.unreadable {
        if stored.claims.get(key) != Some(raw) {
            back_up(&mut plan, key, raw);
        }
    }
    plan.summary.kept_aside = plan.back_up.len();
    plan
}

/// Claims in `merged` that `local` did not have.
fn new_claims(local: &Snapshot, merged: &Snapshot) -> usize {
    merged
        .annotations
        .iter()
        .filter(|annotation| {
            !local
                .annotations
                .iter()
                .any(|known| known.id == annotation.id)
        })
        .count()
}

#[cfg(test)]
mod tests;
