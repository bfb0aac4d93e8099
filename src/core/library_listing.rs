//! What the library's list shows for each article (its title, where it came from, how many
//! claims it has per tag, when it was last edited) and how much storage the library uses.
//!
//! Invariants:
//! - Counting reads the stored claims value as JSON and never anchors a claim in its text, so
//!   listing a library of hundreds of articles costs one JSON parse per article.
//! - Nothing is guessed: a claims value that cannot be read is tallied as unreadable (and the
//!   annotator backs it up when the article is opened), never as "no claims".
//! - The three tags are always listed, in the picker's order, even at zero, so every row reads
//!   alike; tags from elsewhere follow in alphabetical order.

use std::collections::BTreeMap;

use super::json::{self, Value};

use super::library::{library_order, LibraryArticle, LibrarySummary};
use super::tag::Tag;

/// An article's claims as the list counts them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimTally {
    /// Each tag and its number of claims: the three tags first, then others by name.
    pub per_tag: Vec<(Tag, usize)>,
    /// The latest claim edit or deletion on record.
    pub last_edit_ms: Option<i64>,
    /// False when a stored value is there but cannot be read.
    pub readable: bool,
}

/// One row of the library's list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryEntry {
    pub summary: LibrarySummary,
    pub tally: ClaimTally,
    /// The latest claim edit, else when the article was added.
    pub last_edit_ms: i64,
    /// The reader's offset from UTC at that moment, in minutes east (for showing it).
    pub last_edit_offset_minutes: i32,
    /// UTF-8 bytes of the stored text and of the stored claims.
    pub text_bytes: usize,
    pub claims_bytes: usize,
}

/// How much the library keeps in this browser, as counted from its own values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StorageUse {
    pub articles: usize,
    pub text_bytes: usize,
    pub claims_bytes: usize,
}

impl ClaimTally {
    pub fn total(&self) -> usize {
        self.per_tag.iter().map(|(_, count)| count).sum()
    }
}

impl StorageUse {
    pub fn total_bytes(&self) -> usize {
        self.text_bytes + self.claims_bytes
    }
}

/// Counts the claims in a stored annotations value (any version), per tag. `None`: nothing is
/// stored, so no claims.
pub fn tally_claims(raw: Option<&str>) -> ClaimTally {
    let mut counts: BTreeMap<Tag, usize> = Tag::ALL.iter().map(|tag| (tag.clone(), 0)).collect();
    let mut last_edit_ms = None;
    let mut readable = true;
    if let Some(raw) = raw {
        let value: Option<Value> = json::parse(raw).ok();
        let entries = value
            .as_ref()
            .and_then(|value| value.get("annotations"))
            .and_then(Value::as_array);
        match entries {
            None => readable = false,
            Some(entries) => {
                for entry in entries {
                    let Some(tag) = entry
                        .get("tag")
                        .and_then(Value::as_str)
                        .and_then(Tag::from_text)
                    else {
                        continue;
                    };
                    *counts.entry(tag).or_insert(0) += 1;
                    last_edit_ms =
                        later(last_edit_ms, entry.get("modified").and_then(Value::as_i64));
                }
            }
        }
        let deletions = value
            .as_ref()
            .and_then(|value| value.get("deleted"))
            .and_then(Value::as_array);
        for deletion in deletions.into_iter().flatten() {
            last_edit_ms = later(last_edit_ms, deletion.get("at").and_then(Value::as_i64));
        }
    }
    ClaimTally {
        // BTreeMap orders the three tags (declared first) before `Other`s, which sort by name.
        per_tag: counts.into_iter().collect(),
        last_edit_ms,
        readable,
    }
}

/// The list's rows, in the library's order (most recently opened first), and what they use.
/// `claims` holds the stored annotations value per article key; `offset_at` gives the reader's
/// offset from UTC at a moment (the browser knows it); `untitled` names an article with no title
/// and no words.
pub fn library_entries(
    articles: &[LibraryArticle],
    claims: &BTreeMap<String, String>,
    untitled: &str,
    offset_at: impl Fn(i64) -> i32,
) -> (Vec<LibraryEntry>, StorageUse) {
    let mut usage = StorageUse::default();
    let entries: Vec<LibraryEntry> = library_order(articles, untitled)
        .into_iter()
        .map(|summary| {
            let raw = claims.get(&summary.key).map(String::as_str);
            let tally = tally_claims(raw);
            let text_bytes = articles
                .iter()
                .find(|article| article.key == summary.key)
                .map_or(0, |article| article.text.len());
            let claims_bytes = raw.map_or(0, str::len);
            let last_edit_ms = tally
                .last_edit_ms
                .unwrap_or(summary.added_ms)
                .max(summary.added_ms);
            usage.articles += 1;
            usage.text_bytes += text_bytes;
            usage.claims_bytes += claims_bytes;
            LibraryEntry {
                last_edit_offset_minutes: offset_at(last_edit_ms),
                summary,
                tally,
                last_edit_ms,
                text_bytes,
                claims_bytes,
            }
        })
        .collect();
    (entries, usage)
}

fn later(current: Option<i64>, candidate: Option<i64>) -> Option<i64> {
    match (current, candidate) {
        (Some(current), Some(candidate)) => Some(current.max(candidate)),
        (current, candidate) => current.or(candidate),
    }
}

#[cfg(test)]
mod tests;
