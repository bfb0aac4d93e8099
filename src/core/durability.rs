//! Keeping the reader's work when the browser tidies up. Browsers may clear a site's storage
//! when space runs low, and Safari clears it after seven days without a visit; a reader who
//! never exported would lose everything. So, once there is a claim, the browser is asked to keep
//! the site's storage (`navigator.storage.persist()`) and the panel says what it answered; when
//! it did not agree, the reader is reminded, gently, to export.
//!
//! Invariants:
//! - The reminder never shows when the browser keeps the storage, nor when there is no claim.
//! - It shows after a visit's work ([`CHANGES_BEFORE_REMINDER`] changes since the last export
//!   in this visit) or after some days ([`DAYS_BEFORE_REMINDER`] since the last export, or since
//!   the oldest claim when there was none).
//! - "Not now" keeps it away for a day ([`QUIET_AFTER_DISMISSING_MS`]); an export resets both
//!   clocks.

/// What the browser said about keeping this site's storage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Keeping {
    /// Not asked yet (there is no claim yet, or the answer has not come).
    #[default]
    NotAsked,
    /// The browser keeps the storage when space runs low.
    Kept,
    /// It did not agree: the storage is cleared like any site's.
    MayBeCleared,
    /// The browser has no way to ask (no `navigator.storage`, or not a secure page).
    Unavailable,
}

impl Keeping {
    /// The browser's answers to `persisted()` and, when that was not yes, to `persist()`
    /// (`None`: the API is missing or failed).
    pub fn from_answers(already_kept: Option<bool>, agreed: Option<bool>) -> Keeping {
        match (already_kept, agreed) {
            (Some(true), _) | (_, Some(true)) => Keeping::Kept,
            (_, Some(false)) => Keeping::MayBeCleared,
            (_, None) => Keeping::Unavailable,
        }
    }
}

/// Changes made in one visit, since the last export, that bring the reminder.
pub const CHANGES_BEFORE_REMINDER: usize = 5;
/// Days since the last export (or the oldest claim) that bring the reminder.
pub const DAYS_BEFORE_REMINDER: i64 = 7;
/// How long "Not now" keeps the reminder away.
pub const QUIET_AFTER_DISMISSING_MS: i64 = DAY_MS;
const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// What decides whether to remind the reader to export.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReminderFacts {
    pub keeping: Keeping,
    pub claims: usize,
    /// Changes saved in this visit since the last export (or since the page opened).
    pub changes_this_visit: usize,
    pub last_export_ms: Option<i64>,
    /// When the oldest claim was made.
    pub oldest_claim_ms: Option<i64>,
    pub dismissed_ms: Option<i64>,
    pub now_ms: i64,
}

pub fn export_reminder_due(facts: &ReminderFacts) -> bool {
    if facts.claims == 0 || matches!(facts.keeping, Keeping::Kept | Keeping::NotAsked) {
        return false;
    }
    if facts
        .dismissed_ms
        .is_some_and(|dismissed| facts.now_ms - dismissed < QUIET_AFTER_DISMISSING_MS)
    {
        return false;
    }
    let since = facts.last_export_ms.or(facts.oldest_claim_ms);
    let days_passed =
        since.is_some_and(|since| facts.now_ms - since >= DAYS_BEFORE_REMINDER * DAY_MS);
    facts.changes_this_visit >= CHANGES_BEFORE_REMINDER || days_passed
}

#[cfg(test)]
mod tests;
