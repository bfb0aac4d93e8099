//! Making a claim with the keyboard alone: which key does what. The moves themselves are the
//! core's ([`crate::core::keyboard_cursor`]); this only reads a key press.
//!
//! Invariant: selecting is entered and left explicitly (Enter on the article, Escape), so the
//! arrow keys belong to the reading cursor only while selecting, and to the page (and a screen
//! reader's browse mode) otherwise.

use yew::prelude::*;

use crate::core::keyboard_cursor::CursorMove;
use crate::core::tag::Tag;

/// What a key press asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum KeyIntent {
    /// Enter on the article: start selecting.
    Start,
    /// Move the cursor; `true` extends the selection (Shift).
    Move(CursorMove, bool),
    /// 1, 2 or 3 while selecting: tag the selection.
    Tag(Tag),
    /// Enter while selecting: the tag picker for the selection.
    OpenPicker,
    /// `?`: the list of keys.
    Help,
}

/// The intent of `event`, given whether the reader is selecting and whether the key was
/// pressed on the article itself; `None` leaves the key to the page.
///
/// In a block that reads right to left, ArrowLeft goes to the next word and ArrowRight to the
/// previous one: the arrows follow the screen, as the text caret does.
pub fn key_intent(
    event: &KeyboardEvent,
    selecting: bool,
    on_article: bool,
    right_to_left: bool,
) -> Option<KeyIntent> {
    if event.ctrl_key() || event.meta_key() || event.alt_key() {
        return None;
    }
    let key = event.key();
    if key == "?" {
        return Some(KeyIntent::Help);
    }
    if !selecting {
        return (on_article && key == "Enter").then_some(KeyIntent::Start);
    }
    let extend = event.shift_key();
    let movement = match key.as_str() {
        "ArrowRight" if right_to_left => Some(CursorMove::PreviousWord),
        "ArrowLeft" if right_to_left => Some(CursorMove::NextWord),
        "ArrowRight" => Some(CursorMove::NextWord),
        "ArrowLeft" => Some(CursorMove::PreviousWord),
        "ArrowDown" => Some(CursorMove::NextSentence),
        "ArrowUp" => Some(CursorMove::PreviousSentence),
        "Home" => Some(CursorMove::BlockStart),
        "End" => Some(CursorMove::BlockEnd),
        _ => None,
    };
    if let Some(movement) = movement {
        return Some(KeyIntent::Move(movement, extend));
    }
    if key == "Enter" {
        return Some(KeyIntent::OpenPicker);
    }
    Tag::from_shortcut(&key).map(KeyIntent::Tag)
}
