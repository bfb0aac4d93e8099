//! Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (or Ctrl+Y) anywhere on the page, for the widget the reader
//! last used (several widgets may share a page); text fields keep their own undo.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::annotation_store::AnnotationStore;
use crate::browser::clock_and_ids::now_ms;
use crate::core::annotation_state::Action;

#[hook]
pub fn use_undo_shortcuts(dispatcher: UseReducerDispatcher<AnnotationStore>, root_ref: NodeRef) {
    use_effect_with((), move |_| {
        let document = gloo::utils::document();
        let active = Rc::new(Cell::new(false));
        let inside_root = {
            let root_ref = root_ref.clone();
            move |event: &Event| {
                let node = event
                    .target()
                    .and_then(|target| target.dyn_into::<web_sys::Node>().ok());
                root_ref
                    .cast::<Element>()
                    .zip(node)
                    .is_some_and(|(root, node)| root.contains(Some(&node)))
            }
        };
        let track = {
            let (active, inside_root) = (active.clone(), inside_root.clone());
            EventListener::new(&document, "pointerdown", move |event| {
                active.set(inside_root(event))
            })
        };
        let keys = EventListener::new_with_options(
            &document,
            "keydown",
            EventListenerOptions::enable_prevent_default(),
            move |event| {
                let Some(key_event) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                let in_text_field = event
                    .target()
                    .and_then(|target| target.dyn_into::<Element>().ok())
                    .is_some_and(|element| {
                        matches!(element.tag_name().as_str(), "TEXTAREA" | "INPUT")
                    });
                let for_this_widget = active.get() || inside_root(event);
                if !(key_event.ctrl_key() || key_event.meta_key())
                    || in_text_field
                    || !for_this_widget
                {
                    return;
                }
                let action = match (
                    key_event.key().to_ascii_lowercase().as_str(),
                    key_event.shift_key(),
                ) {
                    ("z", false) => Action::Undo { at_ms: now_ms() },
                    ("z", true) | ("y", false) => Action::Redo { at_ms: now_ms() },
                    _ => return,
                };
                event.prevent_default();
                dispatcher.dispatch(action);
            },
        );
        move || drop((track, keys))
    });
}
