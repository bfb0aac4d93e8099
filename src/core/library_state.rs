//! The library page's state: which screen is shown (the list, a draft being checked, an
//! article being read), the list itself, the row being renamed or deleted, the last deletion
//! (for undo), and what the page tells the reader. One reducer, like the annotator's
//! ([`super::view_state`]): the UI sends a [`LibraryAction`] and renders the result; the
//! storage work happens in the UI's effects, which report back with actions.
//!
//! Invariants:
//! - A refusal changes nothing but the message: the screen, the list and a draft stay as
//!   they were ([`LibraryAction::Refused`]).
//! - A draft of an article already in the library is never shown as new: it becomes
//!   [`Problem::AlreadyInLibrary`], which offers to open the one kept.
//! - At most one row is being renamed or asked about deletion; starting one ends the other.
//! - A deleted article leaves the list at once and stays in [`LibraryState::deleted`], text
//!   and claims, until the reader undoes or something else is deleted.
//! - `busy` ends with whatever the work came to (a draft, a refusal, a listing, a restore).

use super::article_import::{ArticleDraft, ImportProblem};
use super::library::{LibraryArticle, LibraryDecodeError};
use super::library_listing::{LibraryEntry, StorageUse};
use super::library_restore::RestoreSummary;
use super::reducer::Reducer;
use super::shared::Shared;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LibraryState {
    pub screen: Screen,
    pub listing: Listing,
    /// The key of the row whose title is being changed.
    pub renaming: Option<String>,
    /// The key of the row whose deletion waits for the reader's answer.
    pub confirming_delete: Option<String>,
    /// The last article deleted, kept in memory so it can be put back.
    pub deleted: Option<Shared<DeletedArticle>>,
    pub problem: Option<Problem>,
    pub notice: Option<Notice>,
    /// Work under way (reading a file, fetching a page, restoring a backup).
    pub busy: Option<Work>,
    /// The app's files were updated: said quietly, once.
    pub app_update: Option<AppUpdate>,
    /// What the polite live region says now, for screen readers.
    pub announcement: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub enum Screen {
    #[default]
    List,
    /// An article read from the reader's input, shown for checking before it is kept.
    Preview(ArticleDraft),
    /// An article of the library, open in the annotator.
    Reading(Shared<LibraryArticle>),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub enum Listing {
    #[default]
    Loading,
    Ready(Shared<LibraryListing>),
    /// The library cannot be kept in this browser: why, as a sentence.
    Unavailable(String),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LibraryListing {
    pub entries: Vec<LibraryEntry>,
    pub usage: StorageUse,
    /// Values of the library this version cannot read: left as they are.
    pub unreadable: Vec<UnreadableArticle>,
    /// What the browser says the whole site uses, and may use (bytes), when it says.
    pub site_estimate: Option<(u64, u64)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnreadableArticle {
    pub key: String,
    pub problem: LibraryDecodeError,
}

/// An article as it was just before it was deleted: everything needed to put it back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeletedArticle {
    pub article: LibraryArticle,
    /// Its stored claims value, if it had one.
    pub claims: Option<String>,
    /// As the list showed it.
    pub title: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The reader's input could not be opened as an article.
    Import(ImportProblem),
    /// The article is in the library already: the reader may open it.
    AlreadyInLibrary { key: String, title: String },
    /// Storage or a backup file failed: a sentence saying what happened and where things are.
    Failed(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// An article was deleted; it can be put back.
    Deleted { title: String },
    /// "Import everything" finished.
    Restored(RestoreSummary),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Work {
    /// Reading the file of this name.
    Reading(String),
    /// Fetching this address.
    Fetching(String),
    Restoring,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppUpdate {
    /// A new version was downloaded while the page was open; it is used from the next visit.
    Ready,
    /// This visit runs a newer version than the last one did.
    Updated,
}

#[derive(Clone, Debug, PartialEq)]
pub enum LibraryAction {
    /// The library was read (or could not be).
    Listed(Listing),
    Working(Work),
    /// An article was read from the reader's input: checked against the library, then shown.
    Drafted(ArticleDraft),
    Refused(Problem),
    DismissProblem,
    /// The reader changed the draft's title.
    Retitle(String),
    CancelDraft,
    /// An article is open in the annotator (a draft just kept, or one of the list).
    Opened(Shared<LibraryArticle>),
    BackToList,
    StartRename(String),
    CancelRename,
    /// A title was changed and stored.
    Renamed {
        key: String,
        title: String,
    },
    AskDelete(String),
    CancelDelete,
    /// An article and its claims were removed from storage.
    Deleted(Shared<DeletedArticle>),
    /// The deleted article was put back (the list is read again).
    Undeleted,
    Restored(RestoreSummary),
    DismissNotice,
    AppUpdate(AppUpdate),
    Announce(String),
}

impl LibraryState {
    /// The row of `key`, when the list is there and has it.
    pub fn entry(&self, key: &str) -> Option<&LibraryEntry> {
        match &self.listing {
            Listing::Ready(listing) => listing
                .entries
                .iter()
                .find(|entry| entry.summary.key == key),
            _ => None,
        }
    }
}

impl Reducer for LibraryState {
    type Action = LibraryAction;

    fn apply(&mut self, action: LibraryAction) -> bool {
        let before = self.clone();
        match action {
            LibraryAction::Listed(listing) => {
                self.busy = None;
                self.listing = listing;
                if self
                    .renaming
                    .as_deref()
                    .is_some_and(|key| self.entry(key).is_none())
                {
                    self.renaming = None;
                }
                if self
                    .confirming_delete
                    .as_deref()
                    .is_some_and(|key| self.entry(key).is_none())
                {
                    self.confirming_delete = None;
                }
            }
            LibraryAction::Working(work) => self.busy = Some(work),
            LibraryAction::Drafted(draft) => {
                self.busy = None;
                match self.entry(&draft.key) {
                    Some(entry) => {
                        self.problem = Some(Problem::AlreadyInLibrary {
                            key: entry.summary.key.clone(),
                            title: entry.summary.title.clone(),
                        })
                    }
                    None => {
                        self.problem = None;
                        self.screen = Screen::Preview(draft);
                    }
                }
            }
            LibraryAction::Refused(problem) => {
                self.busy = None;
                self.problem = Some(problem);
            }
            LibraryAction::DismissProblem => self.problem = None,
            LibraryAction::Retitle(title) => {
                if let Screen::Preview(draft) = &mut self.screen {
                    draft.title = title;
                }
            }
            LibraryAction::CancelDraft => {
                if matches!(self.screen, Screen::Preview(_)) {
                    self.screen = Screen::List;
                }
            }
            LibraryAction::Opened(article) => {
                self.busy = None;
                self.problem = None;
                self.renaming = None;
                self.confirming_delete = None;
                self.screen = Screen::Reading(article);
            }
            LibraryAction::BackToList => self.screen = Screen::List,
            LibraryAction::StartRename(key) => {
                if self.entry(&key).is_some() {
                    self.confirming_delete = None;
                    self.renaming = Some(key);
                }
            }
            LibraryAction::CancelRename => self.renaming = None,
            LibraryAction::Renamed { key, title } => {
                if self.renaming.as_deref() == Some(key.as_str()) {
                    self.renaming = None;
                }
                if let Listing::Ready(listing) = &self.listing {
                    let mut changed = (**listing).clone();
                    for entry in changed
                        .entries
                        .iter_mut()
                        .filter(|entry| entry.summary.key == key)
                    {
                        entry.summary.title = title.clone();
                    }
                    self.listing = Listing::Ready(Shared::new(changed));
                }
            }
            LibraryAction::AskDelete(key) => {
                if self.entry(&key).is_some() {
                    self.renaming = None;
                    self.confirming_delete = Some(key);
                }
            }
            LibraryAction::CancelDelete => self.confirming_delete = None,
            LibraryAction::Deleted(deleted) => {
                let key = deleted.article.key.clone();
                if self.confirming_delete.as_deref() == Some(key.as_str()) {
                    self.confirming_delete = None;
                }
                if let Listing::Ready(listing) = &self.listing {
                    let mut changed = (**listing).clone();
                    if let Some(at) = changed
                        .entries
                        .iter()
                        .position(|entry| entry.summary.key == key)
                    {
                        let entry = changed.entries.remove(at);
                        changed.usage.articles -= 1;
                        changed.usage.text_bytes -= entry.text_bytes;
                        changed.usage.claims_bytes -= entry.claims_bytes;
                    }
                    self.listing = Listing::Ready(Shared::new(changed));
                }
                if matches!(&self.screen, Screen::Reading(article) if article.key == key) {
                    self.screen = Screen::List;
                }
                self.notice = Some(Notice::Deleted {
                    title: deleted.title.clone(),
                });
                self.deleted = Some(deleted);
            }
            LibraryAction::Undeleted => {
                self.deleted = None;
                if matches!(self.notice, Some(Notice::Deleted { .. })) {
                    self.notice = None;
                }
            }
            LibraryAction::Restored(summary) => {
                self.busy = None;
                self.problem = None;
                self.notice = Some(Notice::Restored(summary));
            }
            LibraryAction::DismissNotice => self.notice = None,
            LibraryAction::AppUpdate(update) => self.app_update = Some(update),
            LibraryAction::Announce(said) => self.announcement = said,
        }
        *self != before
    }
}

#[cfg(test)]
mod tests;
