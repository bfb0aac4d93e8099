//! The library's storage work, for the page's event handlers: the glue between the core's
//! values ([`crate::core::library`], [`crate::core::library_restore`]) and the browser's
//! stores, as [`crate::ui::persistence`] is for one article's claims.
//!
//! An article's text is in IndexedDB ([`indexed_db`]); its claims stay in localStorage under
//! its article key, where the annotator reads and writes them with its own rules (merging
//! tabs, backups of unreadable values), which therefore apply to every article.
//!
//! Invariants:
//! - Every failure comes back as a sentence for the reader saying where things are; nothing
//!   here panics.
//! - Nothing is overwritten that cannot be read: a library value this version cannot read is
//!   never replaced, and "Import everything" keeps unreadable claims under backup keys first.
//! - After each change, other tabs are told (a `storage` event on [`LIBRARY_CHANGED_KEY`]) so
//!   their lists follow.

use std::collections::{BTreeMap, BTreeSet};

use crate::browser::clock_and_ids::{now_ms, utc_offset_minutes_at};
use crate::browser::indexed_db::{self, DbProblem, LibraryDb};
use crate::browser::local_store::{self, StorageProblem, STORAGE_KEY_PREFIX};
use crate::browser::storage_estimate::{persist, storage_estimate};
use crate::core::article_import::ArticleDraft;
use crate::core::library::{
    decode_backup, decode_library_article, encode_backup, encode_library_article, title_for,
    Backup, LibraryArticle, LibraryDecodeError,
};
use crate::core::library_listing::library_entries;
use crate::core::library_restore::{plan_restore, RestoreSummary, StoredLibrary};
use crate::core::library_state::{DeletedArticle, LibraryListing, Listing, UnreadableArticle};
use crate::core::locale::Locale;
use crate::core::shared::Shared;

/// Written (with the time) after every change to the library, so other tabs of the page hear a
/// `storage` event and read their list again.
pub const LIBRARY_CHANGED_KEY: &str = "claim-annotator:library-changed";

/// Everything IndexedDB holds: the articles, and the values this version cannot read.
struct Stored {
    articles: Vec<LibraryArticle>,
    unreadable: Vec<(String, String, LibraryDecodeError)>,
}

/// The list as the page shows it; `Unavailable` when IndexedDB cannot be used at all.
pub async fn read_listing(locale: &Locale) -> Listing {
    let stored = match read_stored().await {
        Ok(stored) => stored,
        Err(problem) => return Listing::Unavailable(problem.message(locale)),
    };
    // When localStorage cannot be read the list shows no counts; the annotator says what is
    // wrong when an article is opened.
    let claims = stored_claims().unwrap_or_default();
    let (entries, usage) = library_entries(
        &stored.articles,
        &claims,
        &locale.text.untitled_article,
        utc_offset_minutes_at,
    );
    Listing::Ready(Shared::new(LibraryListing {
        entries,
        usage,
        unreadable: stored
            .unreadable
            .into_iter()
            .map(|(key, _, problem)| UnreadableArticle { key, problem })
            .collect(),
        site_estimate: storage_estimate().await,
    }))
}

/// Keeps a checked draft in the library under the title the reader gave it, opened now.
/// A value this version cannot read is never replaced; the reader can still annotate in this
/// tab (the caller opens the article whatever the outcome).
pub async fn keep_draft(draft: &ArticleDraft, locale: &Locale) -> (LibraryArticle, Option<String>) {
    let now = now_ms();
    let article = LibraryArticle {
        key: draft.key.clone(),
        title: draft.title.trim().to_string(),
        origin: draft.origin.clone(),
        text: draft.article.text.as_str().to_string(),
        added_ms: now,
        opened_ms: now,
    };
    let kept = async {
        let db = indexed_db::open().await?;
        if let Some(raw) = db.get(&article.key).await? {
            if let Err(problem) = decode_library_article(&raw) {
                return Ok(Some(problem.message(locale)));
            }
        }
        db.put(&article.key, &encode_library_article(&article))
            .await?;
        Ok::<_, DbProblem>(None)
    };
    let problem = match kept.await {
        Ok(problem) => problem,
        Err(problem) => Some(problem.message(locale)),
    };
    if problem.is_none() {
        // Ask once the reader has something to keep; the browser decides (Chromium silently).
        let _ = persist().await;
        announce_change();
    }
    (article, problem)
}

/// The article of `key`, marked as opened now (so it comes first in the list).
pub async fn open_article(key: &str, locale: &Locale) -> Result<LibraryArticle, String> {
    let db = indexed_db::open()
        .await
        .map_err(|problem| problem.message(locale))?;
    let mut article = read_article(&db, key, locale).await?;
    article.opened_ms = now_ms();
    // Failing to note the time costs only the order of the list.
    if db.put(key, &encode_library_article(&article)).await.is_ok() {
        announce_change();
    }
    Ok(article)
}

pub async fn rename_article(key: &str, title: &str, locale: &Locale) -> Result<String, String> {
    let db = indexed_db::open()
        .await
        .map_err(|problem| problem.message(locale))?;
    let mut article = read_article(&db, key, locale).await?;
    article.title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    db.put(key, &encode_library_article(&article))
        .await
        .map_err(|problem| problem.message(locale))?;
    announce_change();
    Ok(title_for(
        &article.title,
        &article.origin,
        &article.text,
        &locale.text.untitled_article,
    ))
}

/// One article with its claims, as a backup file "Import everything" reads.
pub async fn export_article(key: &str, locale: &Locale) -> Result<(String, String), String> {
    let db = indexed_db::open()
        .await
        .map_err(|problem| problem.message(locale))?;
    let article = read_article(&db, key, locale).await?;
    let claims: Vec<(String, String)> = stored_claims()
        .map_err(|problem| problem.message(locale))?
        .remove(key)
        .map(|raw| (key.to_string(), raw))
        .into_iter()
        .collect();
    let title = title_for(
        &article.title,
        &article.origin,
        &article.text,
        &locale.text.untitled_article,
    );
    Ok((title, encode_backup(&[article], &[], &claims, now_ms())))
}

/// Every article, every value this version cannot read, and every stored claims value (of the
/// library's articles and of any other page's), as one file.
pub async fn export_everything(locale: &Locale) -> Result<String, String> {
    let stored = read_stored()
        .await
        .map_err(|problem| problem.message(locale))?;
    let unreadable: Vec<(String, String)> = stored
        .unreadable
        .into_iter()
        .map(|(key, raw, _)| (key, raw))
        .collect();
    let claims: Vec<(String, String)> = stored_claims()
        .map_err(|problem| problem.message(locale))?
        .into_iter()
        .collect();
    Ok(encode_backup(
        &stored.articles,
        &unreadable,
        &claims,
        now_ms(),
    ))
}

/// Removes the article and its claims (and this tab's undo history of them), returning what
/// is needed to put them back.
pub async fn delete_article(
    key: &str,
    title: &str,
    locale: &Locale,
) -> Result<DeletedArticle, String> {
    let db = indexed_db::open()
        .await
        .map_err(|problem| problem.message(locale))?;
    let article = read_article(&db, key, locale).await?;
    let claims_key = local_store::annotations_key(key);
    let claims = local_store::read(&claims_key).map_err(|problem| problem.message(locale))?;
    db.delete(key)
        .await
        .map_err(|problem| problem.message(locale))?;
    if claims.is_some() {
        if let Err(problem) = local_store::remove(&claims_key) {
            // The text is gone but the claims stay: put the text back, so nothing is half done.
            let _ = db.put(key, &encode_library_article(&article)).await;
            return Err(problem.message(locale));
        }
    }
    let _ = local_store::session_remove(&local_store::history_key(key));
    announce_change();
    Ok(DeletedArticle {
        article,
        claims,
        title: title.to_string(),
    })
}

/// Puts a deleted article back, merging its claims with any written since (another tab).
pub async fn undelete_article(deleted: &DeletedArticle, locale: &Locale) -> Result<(), String> {
    let claims: Vec<(String, String)> = deleted
        .claims
        .iter()
        .map(|raw| (deleted.article.key.clone(), raw.clone()))
        .collect();
    let file = encode_backup(
        std::slice::from_ref(&deleted.article),
        &[],
        &claims,
        now_ms(),
    );
    let backup = decode_backup(&file).map_err(|error| error.message(locale))?;
    restore(&backup, locale).await.map(drop)
}

/// "Import everything": reads the file, plans what it adds and writes that; a file that cannot
/// be read changes nothing.
pub async fn import_everything(raw: &str, locale: &Locale) -> Result<RestoreSummary, String> {
    let backup = decode_backup(raw).map_err(|error| error.message(locale))?;
    restore(&backup, locale).await
}

async fn restore(backup: &Backup, locale: &Locale) -> Result<RestoreSummary, String> {
    let db = indexed_db::open()
        .await
        .map_err(|problem| problem.message(locale))?;
    let stored = stored_with(&db)
        .await
        .map_err(|problem| problem.message(locale))?;
    let claims = stored_claims().map_err(|problem| problem.message(locale))?;
    let backed_up: BTreeSet<String> =
        local_store::entries_with_prefix(&format!("{STORAGE_KEY_PREFIX}backup:"))
            .map_err(|problem| problem.message(locale))?
            .into_iter()
            .map(|(_, raw)| raw)
            .collect();
    let unreadable_keys: BTreeSet<String> = stored
        .unreadable
        .iter()
        .map(|(key, _, _)| key.clone())
        .collect();
    let now = now_ms();
    let plan = plan_restore(
        backup,
        &StoredLibrary {
            articles: &stored.articles,
            unreadable_article_keys: &unreadable_keys,
            claims: &claims,
            backed_up: &backed_up,
        },
        now,
    );
    let local = |problem: StorageProblem| problem.message(locale);
    for (index, (key, raw)) in plan.back_up.iter().enumerate() {
        local_store::write(&local_store::backup_key(key, now + index as i64), raw)
            .map_err(local)?;
    }
    for article in &plan.add_articles {
        db.put(&article.key, &encode_library_article(article))
            .await
            .map_err(|problem| problem.message(locale))?;
    }
    for (key, raw) in &plan.add_raw_articles {
        db.put(key, raw)
            .await
            .map_err(|problem| problem.message(locale))?;
    }
    for (key, raw) in &plan.write_claims {
        let claims_key = local_store::annotations_key(key);
        local_store::write(&claims_key, raw).map_err(local)?;
        // An annotator of that article open in this tab merges them at once.
        local_store::announce_stored(&claims_key);
    }
    if !plan.add_articles.is_empty() {
        let _ = persist().await;
    }
    announce_change();
    Ok(plan.summary)
}

async fn read_stored() -> Result<Stored, DbProblem> {
    let db = indexed_db::open().await?;
    stored_with(&db).await
}

async fn stored_with(db: &LibraryDb) -> Result<Stored, DbProblem> {
    let mut stored = Stored {
        articles: Vec::new(),
        unreadable: Vec::new(),
    };
    for (key, raw) in db.all().await? {
        match decode_library_article(&raw) {
            Ok(article) => stored.articles.push(article),
            Err(problem) => stored.unreadable.push((key, raw, problem)),
        }
    }
    Ok(stored)
}

async fn read_article(
    db: &LibraryDb,
    key: &str,
    locale: &Locale,
) -> Result<LibraryArticle, String> {
    let raw = db
        .get(key)
        .await
        .map_err(|problem| problem.message(locale))?
        .ok_or_else(|| locale.text.library_article_gone.clone())?;
    decode_library_article(&raw).map_err(|problem| problem.message(locale))
}

/// Every stored claims value, per article key.
fn stored_claims() -> Result<BTreeMap<String, String>, StorageProblem> {
    let prefix = local_store::annotations_key("");
    Ok(local_store::entries_with_prefix(&prefix)?
        .into_iter()
        .map(|(key, raw)| (key[prefix.len()..].to_string(), raw))
        .collect())
}

fn announce_change() {
    let _ = local_store::write(LIBRARY_CHANGED_KEY, &now_ms().to_string());
}
