//! When the reader last exported an article's claims and last said "Not now" to the export
//! reminder (`core::durability`), kept in localStorage beside the claims as plain numbers.
//!
//! Invariant: failing to read or write these is harmless (the reminder may show once more), so
//! nothing here reports an error.

use super::local_store;

/// When the reader last exported this article's claims, if ever.
pub fn last_export_ms(article_key: &str) -> Option<i64> {
    read_time(&exported_key(article_key))
}

pub fn record_export(article_key: &str, now_ms: i64) {
    let _ = local_store::write(&exported_key(article_key), &now_ms.to_string());
}

/// When the reader last dismissed the reminder for this article, if ever.
pub fn dismissed_ms(article_key: &str) -> Option<i64> {
    read_time(&dismissed_key(article_key))
}

pub fn record_dismissal(article_key: &str, now_ms: i64) {
    let _ = local_store::write(&dismissed_key(article_key), &now_ms.to_string());
}

fn read_time(key: &str) -> Option<i64> {
    local_store::read(key).ok().flatten()?.trim().parse().ok()
}

fn exported_key(article_key: &str) -> String {
    format!("claim-annotator:exported:{article_key}")
}

fn dismissed_key(article_key: &str) -> String {
    format!("claim-annotator:reminder-dismissed:{article_key}")
}
