//! The reader's library: every article they opened, kept with its text so it can be found again
//! next week (there is no server to fetch it from), and the "Export everything" backup.
//!
//! An article's text lives in IndexedDB (one value per article, [`encode_library_article`]);
//! its claims stay in localStorage under its article key, written by [`super::stored_format`]
//! as before. This module only reads and writes the values; the browser layer stores them.
//!
//! Invariants:
//! - The stored forms (a library article and the backup file, both version 1) have their own
//!   versioned shapes; the model is never serialised directly, and the `encode_*`/`decode_*`
//!   pairs are the only ways between the two.
//! - A value of a newer version, or of the wrong shape, is refused with an error whose
//!   `message()` is a sentence for a person, never half-read; decoding never panics.
//! - A backup loses nothing it was given: a stored annotations value that is not readable JSON
//!   of a known version goes into the file's `unreadable` part exactly as it was, and comes
//!   back from [`decode_backup`] the same way.
//! - Time comes in as an argument; nothing here reads a clock.
//! - Fields are read and written one by one ([`super::json`]) in the order and with the rules
//!   of the serde structs that wrote version 1, so earlier files read the same
//!   (`library/fixtures/` holds files written by that code).

use super::json::{self, Object, Value};
use super::locale::Locale;
use super::shape_problem::ShapeProblem;

use super::sorting;
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
    /// Per article key, the annotations value as localStorage holds it (re-serialised compactly:
    /// the same JSON; files written before issue 12 had its object keys sorted), in key order.
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
    WrongShape(ShapeProblem),
    NewerVersion(u64),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    NotJson,
    NotABackup,
    WrongShape(ShapeProblem),
    NewerVersion(u64),
}

impl LibraryDecodeError {
    /// One sentence for the reader, saying where the article is.
    pub fn message(&self, locale: &Locale) -> String {
        let text = &locale.text;
        match self {
            LibraryDecodeError::NotJson => text.library_article_not_json.clone(),
            LibraryDecodeError::WrongShape(what) => locale.fill(
                &text.library_article_wrong_shape,
                &[("detail", &what.message(locale))],
            ),
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
            BackupError::WrongShape(what) => locale.fill(
                &text.backup_wrong_shape,
                &[("detail", &what.message(locale))],
            ),
            BackupError::NewerVersion(version) => locale.fill(
                &text.backup_newer,
                &[("version", &locale.integer(*version as usize))],
            ),
        }
    }
}

/// One article as IndexedDB keeps it: `{"v":1,"key":…,"title":…,"origin":{…},"text":…,…}`.
pub fn encode_library_article(article: &LibraryArticle) -> String {
    article_to_json(article).to_json()
}

pub fn decode_library_article(raw: &str) -> Result<LibraryArticle, LibraryDecodeError> {
    let value = json::parse(raw).map_err(|_| LibraryDecodeError::NotJson)?;
    article_from_value(&value)
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
    sorting::sort_by(&mut summaries, |a, b| {
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
    format!(
        "{}.claim-annotator.json",
        if name.is_empty() { "article" } else { name }
    )
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
    // In key order, as the map that wrote version 1 kept them.
    let mut annotations: Vec<&(String, String)> = annotations.iter().collect();
    sorting::sort_by(&mut annotations, |a, b| a.0.cmp(&b.0));
    let mut readable = Object::new();
    let mut unreadable = Object::new();
    for (key, raw) in annotations {
        match json::parse(raw) {
            Ok(value) if annotations_value_problem(&value).is_none() => {
                readable.insert(key, value);
            }
            _ => unreadable.insert(key, raw),
        }
    }
    let articles: Vec<Value> = articles.iter().map(article_to_json).collect();
    let mut backup = Object::new()
        .with("v", LIBRARY_FORMAT_VERSION)
        .with("kind", BACKUP_KIND)
        .with("exported", now_ms)
        .with("articles", articles)
        .with("annotations", readable);
    if !unreadable.is_empty() {
        backup.insert("unreadable", unreadable);
    }
    let mut unreadable_articles: Vec<&(String, String)> = unreadable_articles.iter().collect();
    sorting::sort_by(&mut unreadable_articles, |a, b| a.0.cmp(&b.0));
    let mut kept_articles = Object::new();
    for (key, raw) in unreadable_articles {
        kept_articles.insert(key, raw);
    }
    if !kept_articles.is_empty() {
        backup.insert("unreadableArticles", kept_articles);
    }
    Value::from(backup).to_json()
}

/// Reads an "Export everything" file. Every article and annotations value is checked; the
/// claims inside an annotations value are read (and anchored) later, when the UI merges them
/// with `stored_format::decode_annotations`.
pub fn decode_backup(raw: &str) -> Result<Backup, BackupError> {
    let value = json::parse(raw).map_err(|_| BackupError::NotJson)?;
    if value.get("kind").and_then(Value::as_str) != Some(BACKUP_KIND) {
        return Err(BackupError::NotABackup);
    }
    match value.get("v").and_then(Value::as_u64) {
        None => return Err(BackupError::WrongShape(ShapeProblem::NoVersion)),
        Some(version) if version > LIBRARY_FORMAT_VERSION => {
            return Err(BackupError::NewerVersion(version))
        }
        Some(_) => {}
    }
    let wrong_fields = BackupError::WrongShape(ShapeProblem::FieldsMissing);
    let backup = value.as_object().ok_or(wrong_fields.clone())?;
    let fields = (|| {
        let optional = |name: &str| match backup.get(name) {
            None => Some(Object::new()),
            Some(value) => value.as_object().cloned(),
        };
        Some((
            backup.integer("exported")?,
            backup.list("articles")?,
            backup.get("annotations")?.as_object()?.clone(),
            optional("unreadable")?,
            optional("unreadableArticles")?,
        ))
    })();
    let (exported_ms, entries, stored_annotations, stored_unreadable, stored_unreadable_articles) =
        fields.ok_or(wrong_fields)?;
    let articles = entries
        .iter()
        .map(|entry| {
            article_from_value(entry).map_err(|error| match error {
                LibraryDecodeError::NewerVersion(version) => BackupError::NewerVersion(version),
                LibraryDecodeError::WrongShape(what) => BackupError::WrongShape(what),
                LibraryDecodeError::NotJson => {
                    BackupError::WrongShape(ShapeProblem::ArticleNotJson)
                }
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut annotations = Vec::with_capacity(stored_annotations.len());
    for (key, value) in stored_annotations {
        if let Some(problem) = annotations_value_problem(&value) {
            return Err(problem);
        }
        annotations.push((key, value.to_json()));
    }
    sorting::sort(&mut annotations);
    let unreadable = strings_of(stored_unreadable)?;
    let unreadable_articles = strings_of(stored_unreadable_articles)?;
    Ok(Backup {
        exported_ms,
        articles,
        annotations,
        unreadable,
        unreadable_articles,
    })
}

/// The values kept as text (`unreadable`, `unreadableArticles`), in key order.
fn strings_of(values: Object) -> Result<Vec<(String, String)>, BackupError> {
    let mut strings = Vec::with_capacity(values.len());
    for (key, value) in values {
        match value {
            Value::String(raw) => strings.push((key, raw)),
            _ => return Err(BackupError::WrongShape(ShapeProblem::UnreadableNotText)),
        }
    }
    sorting::sort(&mut strings);
    Ok(strings)
}

/// Why a stored annotations value could not be restored by `stored_format`: not an object
/// with a known version and a list of annotations. Individual entries are not checked here
/// (`decode_annotations` keeps what it can and reports the rest).
fn annotations_value_problem(value: &Value) -> Option<BackupError> {
    match value.get("v").and_then(Value::as_u64) {
        None => Some(BackupError::WrongShape(ShapeProblem::ClaimsHaveNoVersion)),
        Some(version) if version > STORED_FORMAT_VERSION => {
            Some(BackupError::NewerVersion(version))
        }
        Some(_) if value.get("annotations").and_then(Value::as_array).is_none() => {
            Some(BackupError::WrongShape(ShapeProblem::ClaimsNotAList))
        }
        Some(_) => None,
    }
}

fn article_from_value(value: &Value) -> Result<LibraryArticle, LibraryDecodeError> {
    let version = value
        .get("v")
        .and_then(Value::as_u64)
        .ok_or(LibraryDecodeError::WrongShape(if value.is_object() {
            ShapeProblem::NoVersion
        } else {
            ShapeProblem::NotAnObject
        }))?;
    if version > LIBRARY_FORMAT_VERSION {
        return Err(LibraryDecodeError::NewerVersion(version));
    }
    let fields = value.as_object().and_then(|stored| {
        let origin = stored.get("origin")?.as_object()?;
        let origin = (
            origin.text("from")?,
            origin.optional_text("name")?,
            origin.optional_text("url")?,
        );
        Some((
            stored,
            origin,
            stored.text("key")?,
            stored.text_or_empty("title")?,
            stored.text("text")?,
        ))
    });
    let (stored, origin, key, title, text) =
        fields.ok_or(LibraryDecodeError::WrongShape(ShapeProblem::FieldsMissing))?;
    let (added_ms, opened_ms) = stored
        .integer("added")
        .zip(stored.integer("opened"))
        .ok_or(LibraryDecodeError::WrongShape(ShapeProblem::FieldsMissing))?;
    let origin = match origin {
        (from, None, None) if from == "seed" => ArticleOrigin::Seed,
        (from, None, None) if from == "pasted" => ArticleOrigin::Pasted,
        (from, Some(name), None) if from == "file" => ArticleOrigin::File { name },
        (from, None, Some(url)) if from == "web" => ArticleOrigin::Web { url },
        _ => return Err(LibraryDecodeError::WrongShape(ShapeProblem::UnknownOrigin)),
    };
    Ok(LibraryArticle {
        key,
        title,
        origin,
        text,
        added_ms,
        opened_ms,
    })
}

/// One article, version 1: `{"v","key","title"?,"origin","text","added","opened"}`, times in
/// milliseconds since 1970, the title omitted when empty. The origin is `{"from":"seed"}`,
/// `{"from":"pasted"}`, `{"from":"file","name":…}` or `{"from":"web","url":…}`.
fn article_to_json(article: &LibraryArticle) -> Value {
    let origin = match &article.origin {
        ArticleOrigin::Seed => Object::new().with("from", "seed"),
        ArticleOrigin::Pasted => Object::new().with("from", "pasted"),
        ArticleOrigin::File { name } => Object::new().with("from", "file").with("name", name),
        ArticleOrigin::Web { url } => Object::new().with("from", "web").with("url", url),
    };
    Object::new()
        .with("v", LIBRARY_FORMAT_VERSION)
        .with("key", &article.key)
        .with_text("title", &article.title)
        .with("origin", origin)
        .with("text", &article.text)
        .with("added", article.added_ms)
        .with("opened", article.opened_ms)
        .into()
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
