//! The annotator's keys: 1, 2, 3 tag a pending selection; on the article, Enter starts
//! selecting with the keyboard, the arrows move the reading cursor (Shift extends), 1, 2, 3 tag
//! the selection and Enter opens the picker; `?` opens the key help; Escape leaves whatever is
//! open. Each move is announced. The keys themselves are mapped by
//! [`crate::ui::keyboard_selecting::key_intent`]; the moves by [`crate::core::keyboard_cursor`].

use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

use super::selection_offers::SurfaceFinder;
use crate::browser::event_origin::{event_origin, event_started_in_text_field};
use crate::browser::scrolling::popover_position_below;
use crate::core::article::Article;
use crate::core::char_range::CharRange;
use crate::core::keyboard_cursor::{
    block_reads_right_to_left, first_word, move_cursor, ReadingCursor,
};
use crate::core::locale::Locale;
use crate::core::shared::Shared;
use crate::core::tag::Tag;
use crate::core::view_state::{PendingSelection, ViewAction, ViewState};
use crate::ui::annotation_editor::preview;
use crate::ui::keyboard_selecting::{key_intent, KeyIntent};
use crate::ui::store::StoreDispatcher;

pub struct KeydownContext {
    /// A selection waits for its tag (and is not a re-attachment).
    pub tagging: bool,
    pub choose_tag: Callback<Tag>,
    pub tag_range: Callback<(CharRange, Tag)>,
    pub view_dispatcher: StoreDispatcher<ViewState>,
    pub selecting: Option<ReadingCursor>,
    pub article: Shared<Article>,
    pub article_ref: NodeRef,
    pub surface: SurfaceFinder,
    pub locale: Locale,
}

/// Starts selecting with the keyboard at the article's first word, and says so: from Enter on
/// the article, or from the panel's button when the story is the host's.
pub fn start_selecting(
    view_dispatcher: &StoreDispatcher<ViewState>,
    article: &Article,
    locale: &Locale,
) {
    if let Some(word) = first_word(article) {
        view_dispatcher.dispatch(ViewAction::StartSelecting(ReadingCursor {
            word,
            anchor: None,
        }));
        view_dispatcher.dispatch(ViewAction::Announce(locale.fill(
            &locale.text.announce_selecting,
            &[("word", article.text.slice(word))],
        )));
    }
}

pub fn keydown_handler(context: KeydownContext) -> Callback<KeyboardEvent> {
    let KeydownContext {
        tagging,
        choose_tag,
        tag_range,
        view_dispatcher,
        selecting,
        article,
        article_ref,
        surface,
        locale,
    } = context;
    Callback::from(move |event: KeyboardEvent| {
        let key = event.key();
        if event_started_in_text_field(&event) {
            if key == "Escape" {
                view_dispatcher.dispatch(ViewAction::Escape);
            }
            return;
        }
        if tagging && !event.ctrl_key() && !event.meta_key() && !event.alt_key() {
            if let Some(tag) = Tag::from_shortcut(&key) {
                event.prevent_default();
                choose_tag.emit(tag);
                return;
            }
        }
        let on_article = article_ref
            .cast::<Element>()
            .and_then(|column| column.first_element_child())
            .zip(event_origin(&event))
            .is_some_and(|(article, origin)| article.is_same_node(Some(&origin)));
        let right_to_left = selecting
            .as_ref()
            .is_some_and(|cursor| block_reads_right_to_left(&article, cursor.word.start));
        match key_intent(&event, selecting.is_some(), on_article, right_to_left) {
            Some(KeyIntent::Help) => {
                event.prevent_default();
                view_dispatcher.dispatch(ViewAction::OpenHelp);
            }
            Some(KeyIntent::Start) => {
                event.prevent_default();
                start_selecting(&view_dispatcher, &article, &locale);
            }
            Some(KeyIntent::Move(movement, extend)) => {
                event.prevent_default();
                if let Some(cursor) = &selecting {
                    let moved = move_cursor(&article, cursor, movement, extend);
                    let said = if moved.anchor.is_some() {
                        locale.fill(
                            &locale.text.announce_selection,
                            &[("text", &preview(article.text.slice(moved.selection())))],
                        )
                    } else {
                        locale.fill(
                            &locale.text.announce_cursor,
                            &[("word", article.text.slice(moved.word))],
                        )
                    };
                    if let Some(surface) = surface() {
                        surface.reveal(moved.word, false);
                    }
                    view_dispatcher.dispatch(ViewAction::MoveCursor(moved));
                    view_dispatcher.dispatch(ViewAction::Announce(said));
                }
            }
            Some(KeyIntent::Tag(tag)) => {
                event.prevent_default();
                if let Some(cursor) = &selecting {
                    tag_range.emit((cursor.selection(), tag));
                    // Selecting goes on from where the cursor stood, so the next claim
                    // needs only arrows: Escape is the one way out.
                    view_dispatcher.dispatch(ViewAction::MoveCursor(ReadingCursor {
                        word: cursor.word,
                        anchor: None,
                    }));
                }
            }
            Some(KeyIntent::OpenPicker) => {
                event.prevent_default();
                if let Some(cursor) = &selecting {
                    let range = cursor.selection();
                    let rect = surface().and_then(|surface| surface.reveal(range, false));
                    if let Some(rect) = rect {
                        view_dispatcher.dispatch(ViewAction::OfferSelection(PendingSelection {
                            range,
                            at: popover_position_below(&rect),
                        }));
                    }
                }
            }
            None => {
                if key == "Escape" {
                    if selecting.is_some() {
                        view_dispatcher
                            .dispatch(ViewAction::Announce(locale.text.announce_stopped.clone()));
                    }
                    view_dispatcher.dispatch(ViewAction::Escape);
                }
            }
        }
    })
}
