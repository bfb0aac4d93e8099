//! The reader's library: every article they opened, kept with its text so it can be found again
//! next week (there is no server to fetch it from), and the "Export everything" backup.
//!
//! An article's text lives in IndexedDB (one value per article, [`encode_library_article`]);
//! its claims stay in localStorage under its article key, written by [`super::stored_format`]
//! as before. This module only reads and writes the values; the browser layer stores them.
//!
//! Invariants:
//! - The stored forms (`LibraryArticleV1`, `BackupV1`) are their own versioned types; the model
//!   is never serialised directly, and the `encode_*`/`decode_*` pairs are the only ways between
//!   the two.
//! - A value of a newer version, or of the wrong shape, is refused with an error whose
//!   `message()` is a sentence for a person, never half-read; decoding never panics.
//! - A backup loses nothing it was given: a stored annotations value that is not readable JSON
//!   of a known version goes into the file's `unreadable` part exactly as it was, and comes
//!   back from [`decode_backup`] the same way.
//! - Time comes in as an argument; nothing here reads a clock.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::locale::Locale;
use super::stored_format::STORED_FORMAT_VERSION;

/// The version of one stored library article and of the backup file.
pub const LIBRARY_FORMAT_VERSION: u64 = 1;
pub const BACKUP_KIND: &str = "claim-annotator-backup";

/// Titles made from an article's first words stop near this many characters.
const TITLE_MAX_CHARS: usize = 80;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryArticle {
    /// The article key its claims are stored under (`core::article_key`).
    pub key: String,
    /// As the source named it; may be empty (see [`title_for`]).
    pub title: String,
    pub origin: ArticleOrigin,
    /// The article text in the plain-text layout `core::article` parses.
    pub text: String,
    pub added_ms: i64,
    pub opened_ms: i64,
}

/// Where an article came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArticleOrigin {
    /// The article that ships with the widget.
    Seed,
    Pasted,
    File {
        name: String,
    },
    Web {
        url: String,
    },
}

/// What a list of the library shows for one article: everything but its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibrarySummary {
    pub key: String,
    /// Never empty: see [`title_for`].
    pub title: String,
    pub origin: ArticleOrigin,
    pub added_ms: i64,
    pub opened_ms: i64,
    /// The text's length in code points.
    pub text_chars: usize,
}

/// The "Export everything" file, read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    pub exported_ms: i64,
    pub articles: Vec<LibraryArticle>,
    /// Per article key, the annotations value as localStorage holds it (re-serialised: the
    /// same JSON, its object keys possibly in another order), in key order.
    pub annotations: Vec<(String, String)>,
    /// Per article key, a stored value that could not be read when it was exported (damaged,
    /// or written by a newer version), exactly as it was, in key order.
    pub unreadable: Vec<(String, String)>,
    /// Per article key, a library article (IndexedDB's value) that could not be read when it
    /// was exported, exactly as it was, in key order.
    pub unreadable_articles: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LibraryDecodeError {
    NotJson,
    WrongShape(&'static str),
    NewerVersion(u64),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    NotJson,
    NotABackup,
    WrongShape(&'static str),
    NewerVersion(u64),
}

impl LibraryDecodeError {
    /// One sentence for the reader, saying where the article is.
    pub fn message(&self, locale: &Locale) -> String {
        let text = &locale.text;
        match self {
            LibraryDecodeError::NotJson => text.library_article_not_json.clone(),
            LibraryDecodeError::WrongShape(what) => {
                locale.fill(&text.library_article_wrong_shape, &[("detail", what)])
            }
            LibraryDecodeError::NewerVersion(version) => locale.fill(
                &text.library_article_newer,
                &[("version", &locale.integer(*version as usize))],
            ),
        }
    }
}

impl BackupError {
    /// One sentence for the reader: what is wrong, and that nothing was restored.
    pub fn message(&self, locale: &Locale) -> String {
        let text = &locale.text;
        match self {
            BackupError::NotJson => text.backup_not_json.clone(),
            BackupError::NotABackup => text.backup_not_a_backup.clone(),
            BackupError::WrongShape(what) => {
                locale.fill(&text.backup_wrong_shape, &[("detail", what)])
            }
            BackupError::NewerVersion(version) => locale.fill(
                &text.backup_newer,
                &[("version", &locale.integer(*version as usize))],
            ),
        }
    }
}

/// One article as IndexedDB keeps it: `{"v":1,"key":…,"title":…,"origin":{…},"text":…,…}`.
pub fn encode_library_article(article: &LibraryArticle) -> String {
    serde_json::to_string(&LibraryArticleV1::from_model(article))
        .expect("stored types always serialise")
}

pub fn decode_library_article(raw: &str) -> Result<LibraryArticle, LibraryDecodeError> {
    let value: Value = serde_json::from_str(raw).map_err(|_| LibraryDecodeError::NotJson)?;
    article_from_value(value)
}

/// The title to show: the article's own (white space collapsed), else a file's name, else its
/// first words (up to about 80 characters, cut at a word, with "…"), else a web address, else
/// `untitled` (the reader's language's "Untitled article"). Never empty when `untitled` is not.
pub fn title_for(title: &str, origin: &ArticleOrigin, text: &str, untitled: &str) -> String {
    let collapsed = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let title = collapsed(title);
    if !title.is_empty() {
        return title;
    }
    if let ArticleOrigin::File { name } = origin {
        let name = collapsed(name);
        if !name.is_empty() {
            return name;
        }
    }
    let first_line = text
        .lines()
        .map(collapsed)
        .find(|line| !line.is_empty())
        .unwrap_or_default();
    if !first_line.is_empty() {
        return shortened(&first_line);
    }
    match origin {
        ArticleOrigin::Web { url } if !url.trim().is_empty() => url.trim().to_string(),
        _ => untitled.to_string(),
    }
}

/// The library as a list shows it: most recently opened first; then most recently added, then
/// by key, so the order never depends on the order the articles were read in. `untitled` names
/// an article with no title and no words (see [`title_for`]).
pub fn library_order(articles: &[LibraryArticle], untitled: &str) -> Vec<LibrarySummary> {
    let mut summaries: Vec<LibrarySummary> = articles
        .iter()
        .map(|article| LibrarySummary {
            key: article.key.clone(),
            title: title_for(&article.title, &article.origin, &article.text, untitled),
            origin: article.origin.clone(),
            added_ms: article.added_ms,
            opened_ms: article.opened_ms,
            text_chars: article.text.chars().count(),
        })
        .collect();
    summaries.sort_by(|a, b| {
        b.opened_ms
            .cmp(&a.opened_ms)
            .then(b.added_ms.cmp(&a.added_ms))
            .then_with(|| a.key.cmp(&b.key))
    });
    summaries
}

/// The name of an exported file: `claim-annotator-library-2026-11-30.json` for the whole
/// library, `<title>.claim-annotator.json` for one article (its letters and digits, other
/// characters as `-`, at most 60 characters; `article` when none is left).
pub fn backup_file_name(title: Option<&str>, now_ms: i64) -> String {
    let Some(title) = title else {
        let date = super::iso_time::format_iso(now_ms);
        return format!("claim-annotator-library-{}.json", &date[..10]);
    };
    let mut name = String::new();
    for ch in title.chars() {
        if ch.is_alphanumeric() {
            name.push(ch);
        } else if !name.ends_with('-') && !name.is_empty() {
            name.push('-');
        }
        if name.chars().count() >= 60 {
            break;
        }
    }
    let name = name.trim_end_matches('-');
    format!("{}.claim-annotator.json", if name.is_empty() { "article" } else { name })
}

/// The "Export everything" file: every library article with its text, and every article's
/// stored annotations value (`annotations`: article key and the raw value from localStorage),
/// embedded as JSON. A value that is not JSON of a known annotations version is kept as a
/// string under `unreadable`, and a library article this version cannot read
/// (`unreadable_articles`: key and IndexedDB's value) as a string under `unreadableArticles`,
/// so the backup still holds them.
pub fn encode_backup(
    articles: &[LibraryArticle],
    unreadable_articles: &[(String, String)],
    annotations: &[(String, String)],
    now_ms: i64,
) -> String {
    let mut readable = Map::new();
    let mut unreadable = Map::new();
    for (key, raw) in annotations {
        match serde_json::from_str::<Value>(raw) {
            Ok(value) if annotations_value_problem(&value).is_none() => {
                readable.insert(key.clone(), value);
            }
            _ => {
                unreadable.insert(key.clone(), Value::String(raw.clone()));
            }
        }
    }
    let backup = BackupV1 {
        v: LIBRARY_FORMAT_VERSION,
        kind: BACKUP_KIND.into(),
        exported: now_ms,
        articles: articles.iter().map(LibraryArticleV1::from_model).collect(),
        annotations: readable,
        unreadable,
        unreadable_articles: unreadable_articles
            .iter()
            .map(|(key, raw)| (key.clone(), Value::String(raw.clone())))
            .collect(),
    };
    serde_json::to_string(&backup).expect("stored types always serialise")
}

/// Reads an "Export everything" file. Every article and annotations value is checked; the
/// claims inside an annotations value are read (and anchored) later, when the UI merges them
/// with `stored_format::decode_annotations`.
pub fn decode_backup(raw: &str) -> Result<Backup, BackupError> {
    let value: Value = serde_json::from_str(raw).map_err(|_| BackupError::NotJson)?;
    if value.get("kind").and_then(Value::as_str) != Some(BACKUP_KIND) {
        return Err(BackupError::NotABackup);
    }
    match value.get("v").and_then(Value::as_u64) {
        None => return Err(BackupError::WrongShape("it has no format version")),
        Some(version) if version > LIBRARY_FORMAT_VERSION => {
            return Err(BackupError::NewerVersion(version))
        }
        Some(_) => {}
    }
    let backup: BackupV1<Value> = serde_json::from_value(value)
        .map_err(|_| BackupError::WrongShape("fields are missing or of the wrong type"))?;
    let articles = backup
        .articles
        .into_iter()
        .map(|entry| {
            article_from_value(entry).map_err(|error| match error {
                LibraryDecodeError::NewerVersion(version) => BackupError::NewerVersion(version),
                LibraryDecodeError::WrongShape(what) => BackupError::WrongShape(what),
                LibraryDecodeError::NotJson => BackupError::WrongShape("an article is not JSON"),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut annotations = Vec::with_capacity(backup.annotations.len());
    for (key, value) in backup.annotations {
        if let Some(problem) = annotations_value_problem(&value) {
            return Err(problem);
        }
        annotations.push((key, value.to_string()));
    }
    annotations.sort();
    let mut unreadable = strings_of(backup.unreadable)?;
    unreadable.sort();
    let unreadable_articles = strings_of(backup.unreadable_articles)?;
    Ok(Backup {
        exported_ms: backup.exported,
        articles,
        annotations,
        unreadable,
        unreadable_articles,
    })
}

/// The values kept as text (`unreadable`, `unreadableArticles`), in key order.
fn strings_of(values: Map<String, Value>) -> Result<Vec<(String, String)>, BackupError> {
    let mut strings = Vec::with_capacity(values.len());
    for (key, value) in values {
        match value {
            Value::String(raw) => strings.push((key, raw)),
            _ => {
                return Err(BackupError::WrongShape(
                    "an unreadable value is not kept as text",
                ))
            }
        }
    }
    strings.sort();
    Ok(strings)
}

/// Why a stored annotations value could not be restored by `stored_format`: not an object
/// with a known version and a list of annotations. Individual entries are not checked here
/// (`decode_annotations` keeps what it can and reports the rest).
fn annotations_value_problem(value: &Value) -> Option<BackupError> {
    match value.get("v").and_then(Value::as_u64) {
        None => Some(BackupError::WrongShape(
            "some claims have no format version",
        )),
        Some(version) if version > STORED_FORMAT_VERSION => {
            Some(BackupError::NewerVersion(version))
        }
        Some(_) if !value.get("annotations").is_some_and(Value::is_array) => {
            Some(BackupError::WrongShape("some claims are not a list"))
        }
        Some(_) => None,
    }
}

fn article_from_value(value: Value) -> Result<LibraryArticle, LibraryDecodeError> {
    let version = value
        .get("v")
        .and_then(Value::as_u64)
        .ok_or(LibraryDecodeError::WrongShape(if value.is_object() {
            "it has no format version"
        } else {
            "it is not an object"
        }))?;
    if version > LIBRARY_FORMAT_VERSION {
        return Err(LibraryDecodeError::NewerVersion(version));
    }
    let stored: LibraryArticleV1 = serde_json::from_value(value)
        .map_err(|_| LibraryDecodeError::WrongShape("fields are missing or of the wrong type"))?;
    stored.into_model()
}

#[derive(Serialize, Deserialize)]
struct LibraryArticleV1 {
    v: u64,
    key: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    title: String,
    origin: OriginV1,
    text: String,
    /// Milliseconds since 1970.
    added: i64,
    opened: i64,
}

/// `{"from":"seed"}`, `{"from":"pasted"}`, `{"from":"file","name":…}`, `{"from":"web","url":…}`.
#[derive(Serialize, Deserialize)]
struct OriginV1 {
    from: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

impl LibraryArticleV1 {
    fn from_model(article: &LibraryArticle) -> Self {
        let origin = match &article.origin {
            ArticleOrigin::Seed => ("seed", None, None),
            ArticleOrigin::Pasted => ("pasted", None, None),
            ArticleOrigin::File { name } => ("file", Some(name.clone()), None),
            ArticleOrigin::Web { url } => ("web", None, Some(url.clone())),
        };
        LibraryArticleV1 {
            v: LIBRARY_FORMAT_VERSION,
            key: article.key.clone(),
            title: article.title.clone(),
            origin: OriginV1 {
                from: origin.0.into(),
                name: origin.1,
                url: origin.2,
            },
            text: article.text.clone(),
            added: article.added_ms,
            opened: article.opened_ms,
        }
    }

    fn into_model(self) -> Result<LibraryArticle, LibraryDecodeError> {
        let origin = match (self.origin.from.as_str(), self.origin.name, self.origin.url) {
            ("seed", None, None) => ArticleOrigin::Seed,
            ("pasted", None, None) => ArticleOrigin::Pasted,
            ("file", Some(name), None) => ArticleOrigin::File { name },
            ("web", None, Some(url)) => ArticleOrigin::Web { url },
            _ => {
                return Err(LibraryDecodeError::WrongShape(
                    "its origin is not one this version knows",
                ))
            }
        };
        Ok(LibraryArticle {
            key: self.key,
            title: self.title,
            origin,
            text: self.text,
            added_ms: self.added,
            opened_ms: self.opened,
        })
    }
}

/// Written with `A` = [`LibraryArticleV1`]; read with `A` = [`Value`], so that each article is
/// checked (and its own version read) one by one.
#[derive(Serialize, Deserialize)]
struct BackupV1<A> {
    v: u64,
    kind: String,
    /// Milliseconds since 1970.
    exported: i64,
    articles: Vec<A>,
    /// Article key → the stored annotations value, as JSON.
    annotations: Map<String, Value>,
    /// Article key → a stored value that could not be read, as the string it was.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    unreadable: Map<String, Value>,
    /// Article key → a library article that could not be read, as the string it was.
    #[serde(
        default,
        rename = "unreadableArticles",
        skip_serializing_if = "Map::is_empty"
    )]
    unreadable_articles: Map<String, Value>,
}

/// `text` cut at a word before [`TITLE_MAX_CHARS`] characters, with "…", when it is longer.
fn shortened(text: &str) -> String {
    if text.chars().count() <= TITLE_MAX_CHARS {
        return text.to_string();
    }
    let limit = text
        .char_indices()
        .nth(TITLE_MAX_CHARS)
        .map_or(text.len(), |(at, _)| at);
    let head = &text[..limit];
    // A single word longer than the limit is cut inside the word.
    let head = head.rfind(' ').map_or(head, |space| &head[..space]);
    format!("{}\u{2026}", head.trim_end())
}

#[cfg(test)]
mod tests;
