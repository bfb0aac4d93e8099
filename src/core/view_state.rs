//! The annotator's view state: everything on screen that is not the annotations themselves —
//! the pending selection and its picker, the open claim, the filter, the brief flash, a claim
//! waiting to be re-attached, the drawer, and every notice (storage, recovery, import, share
//! link, shared view). One reducer, in the style of the annotations' own
//! ([`super::annotation_state`]): the UI sends a [`ViewAction`] and renders the result.
//!
//! Invariants:
//! - At most one popover is open: a pending selection (tag picker or re-attach picker) and an
//!   open claim (editor or chooser) exclude each other; opening one closes the other.
//! - A claim that is deleted is never left open, flashing or waiting to be re-attached.
//! - While claims from a share link are shown ([`ViewState::read_only`]), no selection is
//!   offered: nothing can be tagged until the reader keeps a copy or leaves the shared view.
//! - `ready` becomes true once storage has been read and never goes back: only then are
//!   selections taken, so nothing is tagged before the saved claims are known.
//! - Escape closes the innermost thing first: the list of keys, the picker, the offered
//!   sentence, keyboard selecting, a re-attach, then the open claim.

use std::rc::Rc;

use super::annotation::Annotation;
use super::annotation_state::AnnotationState;
use super::char_range::CharRange;
use super::durability::Keeping;
use super::keyboard_cursor::ReadingCursor;
use super::popover_position::PopoverPosition;
use super::reducer::Reducer;
use super::shared::Shared;
use super::tag::Tag;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewState {
    /// The reader's snapped selection, offered for tagging (or for a re-attach).
    pub pending: Option<PendingSelection>,
    pub open: Option<OpenClaim>,
    pub filter: Option<Tag>,
    /// The claim just chosen in the panel, drawn with a brief pulse.
    pub flashing: Option<String>,
    /// A claim from "Needs review" waiting for the reader's next selection.
    pub reattaching: Option<String>,
    /// Storage has been read: selections are taken from now on.
    pub ready: bool,
    /// Whether the side drawer (when the panel is a drawer) is open.
    pub drawer_open: bool,
    /// Selecting with the keyboard: the reading cursor, and where a Shift-extension began.
    pub selecting: Option<ReadingCursor>,
    /// A tap or click on a sentence, with no selection: "Select this sentence" is offered.
    pub offered_sentence: Option<PendingSelection>,
    /// The list of keys is open.
    pub help_open: bool,
    /// What the polite live region says now, for screen readers.
    pub announcement: String,
    pub notices: Notices,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PendingSelection {
    pub range: CharRange,
    pub at: PopoverPosition,
}

#[derive(Clone, Debug, PartialEq)]
pub enum OpenClaim {
    /// Several claims overlap where the reader clicked: they choose one.
    Choose {
        ids: Vec<String>,
        at: PopoverPosition,
    },
    Edit {
        id: String,
        at: PopoverPosition,
    },
}

/// What the notices above the article say; each says plainly where the reader's work is.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Notices {
    /// Saving failed or is impossible: the claims are kept in this tab only.
    pub storage_problem: Option<String>,
    /// Saved data could not be read in full and was backed up.
    pub recovery: Option<String>,
    /// The stored value that could not be read, offered as a download.
    pub unreadable_raw: Option<Rc<str>>,
    /// Bytes of browser storage this article's claims use.
    pub stored_bytes: Option<usize>,
    /// What the last import did, or why it was refused.
    pub import_message: Option<String>,
    /// Claims of another article from the last import, offered rather than imported.
    pub offered_foreign: Option<Rc<Vec<Annotation>>>,
    /// The link the reader asked for, shown for copying.
    pub share_link: Option<String>,
    /// Claims opened from a share link, shown read-only.
    pub shared_view: Option<SharedView>,
    /// Whether the browser keeps this site's storage when space runs low.
    pub keeping: Keeping,
    /// The gentle "export a copy" reminder is showing.
    pub export_reminder: bool,
    /// This article's claims are gone from localStorage although another storage area
    /// remembers this many (the browser cleared it): the reader is told and offered an import.
    pub vanished_claims: Option<usize>,
}

/// Claims opened from a share link.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedView {
    pub state: Shared<AnnotationState>,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ViewAction {
    /// Storage was read: what it said, and what the tab may show from now on.
    Restored {
        storage_problem: Option<String>,
        recovery: Option<String>,
        unreadable_raw: Option<Rc<str>>,
        stored_bytes: Option<usize>,
        shared_view: Option<SharedView>,
    },
    Saved {
        bytes: usize,
    },
    SaveFailed(String),
    /// A new selection (already snapped to words) to tag or to re-attach a claim to.
    OfferSelection(PendingSelection),
    DismissSelection,
    /// The reader clicked or pressed Enter on a highlight covering these claims.
    OpenClaims {
        ids: Vec<String>,
        at: PopoverPosition,
    },
    /// One claim picked from the overlap chooser.
    PickClaim(String),
    /// A claim chosen in the panel: opened beside its highlight and flashed.
    ShowClaim {
        id: String,
        at: PopoverPosition,
    },
    EndFlash,
    CloseClaim,
    /// A claim is gone (deleted here, in another tab, or by undo).
    ClaimGone(String),
    StartReattach(String),
    /// The claim was re-attached, or the reader gave up.
    EndReattach,
    /// Escape: closes the innermost thing that is open.
    Escape,
    SetFilter(Option<Tag>),
    ImportReported {
        message: String,
        from_other_article: Vec<Annotation>,
    },
    CloseImportNotice,
    /// The browser answered whether it keeps this site's storage.
    StorageKeeping(Keeping),
    /// Time to remind the reader to export (see `core::durability`).
    RemindToExport,
    /// "Not now", or the reader exported.
    CloseExportReminder,
    /// Claims that were saved are gone (see `Notices::vanished_claims`).
    ClaimsVanished(usize),
    /// The reader read the notice, or claims are back.
    CloseVanishedNotice,
    ShareLinkMade(Option<String>),
    CloseShareLink,
    /// The reader kept a copy of the shared claims, or went back to their own.
    LeaveSharedView,
    ToggleDrawer,
    /// Enter on the article: a reading cursor on its first word.
    StartSelecting(ReadingCursor),
    MoveCursor(ReadingCursor),
    StopSelecting,
    OfferSentence(PendingSelection),
    DismissSentence,
    OpenHelp,
    CloseHelp,
    /// Something to tell a screen reader, politely.
    Announce(String),
}

impl ViewState {
    /// Claims from a share link are on screen: nothing can be tagged or edited.
    pub fn read_only(&self) -> bool {
        self.notices.shared_view.is_some()
    }

    /// Whether the next selection should be offered for tagging at all.
    pub fn takes_selections(&self) -> bool {
        self.ready && !self.read_only()
    }
}

impl Reducer for ViewState {
    type Action = ViewAction;

    fn apply(&mut self, action: ViewAction) -> bool {
        let before = self.clone();
        match action {
            ViewAction::Restored {
                storage_problem,
                recovery,
                unreadable_raw,
                stored_bytes,
                shared_view,
            } => {
                let notices = &mut self.notices;
                notices.storage_problem = storage_problem;
                notices.recovery = recovery;
                notices.unreadable_raw = unreadable_raw;
                notices.stored_bytes = stored_bytes;
                notices.shared_view = shared_view;
                self.ready = true;
            }
            ViewAction::Saved { bytes } => {
                self.notices.storage_problem = None;
                self.notices.stored_bytes = Some(bytes);
            }
            ViewAction::SaveFailed(message) => self.notices.storage_problem = Some(message),
            ViewAction::OfferSelection(selection) => {
                if self.takes_selections() {
                    self.open = None;
                    self.offered_sentence = None;
                    self.pending = Some(selection);
                }
            }
            ViewAction::DismissSelection => self.pending = None,
            ViewAction::OpenClaims { ids, at } => {
                self.pending = None;
                self.open = match <[String; 1]>::try_from(ids) {
                    Ok([id]) => Some(OpenClaim::Edit { id, at }),
                    Err(ids) if ids.is_empty() => None,
                    Err(ids) => Some(OpenClaim::Choose { ids, at }),
                };
            }
            ViewAction::PickClaim(id) => {
                if let Some(OpenClaim::Choose { at, .. }) = self.open {
                    self.open = Some(OpenClaim::Edit { id, at });
                }
            }
            ViewAction::ShowClaim { id, at } => {
                self.pending = None;
                self.open = Some(OpenClaim::Edit { id: id.clone(), at });
                self.flashing = Some(id);
            }
            ViewAction::EndFlash => self.flashing = None,
            ViewAction::CloseClaim => self.open = None,
            ViewAction::ClaimGone(id) => {
                let open_on_it = match &self.open {
                    Some(OpenClaim::Edit { id: open, .. }) => *open == id,
                    Some(OpenClaim::Choose { ids, .. }) => ids.contains(&id),
                    None => false,
                };
                if open_on_it {
                    self.open = None;
                }
                if self.flashing.as_ref() == Some(&id) {
                    self.flashing = None;
                }
                if self.reattaching.as_ref() == Some(&id) {
                    self.reattaching = None;
                }
            }
            ViewAction::StartReattach(id) => {
                self.open = None;
                self.reattaching = Some(id);
            }
            ViewAction::EndReattach => {
                self.reattaching = None;
                self.pending = None;
            }
            ViewAction::Escape => {
                if self.help_open {
                    self.help_open = false;
                } else if self.pending.is_some() {
                    self.pending = None;
                } else if self.offered_sentence.is_some() {
                    self.offered_sentence = None;
                } else if self.selecting.is_some() {
                    self.selecting = None;
                } else if self.reattaching.is_some() {
                    self.reattaching = None;
                } else if self.open.is_some() {
                    self.open = None;
                }
            }
            ViewAction::SetFilter(tag) => self.filter = tag,
            ViewAction::ImportReported {
                message,
                from_other_article,
            } => {
                self.notices.import_message = Some(message);
                self.notices.offered_foreign =
                    (!from_other_article.is_empty()).then(|| Rc::new(from_other_article));
            }
            ViewAction::CloseImportNotice => {
                self.notices.import_message = None;
                self.notices.offered_foreign = None;
            }
            ViewAction::StorageKeeping(keeping) => self.notices.keeping = keeping,
            ViewAction::RemindToExport => self.notices.export_reminder = true,
            ViewAction::CloseExportReminder => self.notices.export_reminder = false,
            ViewAction::ClaimsVanished(count) => self.notices.vanished_claims = Some(count),
            ViewAction::CloseVanishedNotice => self.notices.vanished_claims = None,
            ViewAction::ShareLinkMade(link) => self.notices.share_link = link,
            ViewAction::CloseShareLink => self.notices.share_link = None,
            ViewAction::LeaveSharedView => self.notices.shared_view = None,
            ViewAction::ToggleDrawer => self.drawer_open = !self.drawer_open,
            ViewAction::StartSelecting(cursor) => {
                if self.takes_selections() {
                    self.pending = None;
                    self.open = None;
                    self.offered_sentence = None;
                    self.selecting = Some(cursor);
                }
            }
            ViewAction::MoveCursor(cursor) => {
                if self.selecting.is_some() {
                    self.selecting = Some(cursor);
                }
            }
            ViewAction::StopSelecting => self.selecting = None,
            ViewAction::OfferSentence(sentence) => {
                if self.takes_selections() {
                    self.pending = None;
                    self.open = None;
                    self.offered_sentence = Some(sentence);
                }
            }
            ViewAction::DismissSentence => self.offered_sentence = None,
            ViewAction::OpenHelp => self.help_open = true,
            ViewAction::CloseHelp => self.help_open = false,
            ViewAction::Announce(text) => self.announcement = text,
        }
        *self != before
    }
}

#[cfg(test)]
mod tests;
