//! Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (or Ctrl+Y) anywhere on the page, for the widget the reader
//! last used (several widgets may share a page); text fields keep their own undo.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::effect_when_changed::{use_effect_when_changed, EffectDeps, Teardown};

use super::store::StoreDispatcher;
use crate::browser::clock_and_ids::now_ms;
use crate::browser::event_origin::{event_started_in_text_field, event_started_inside};
use crate::core::annotation_state::{Action, AnnotationState};

/// `root_ref` is the widget; `story` the host page's story it annotates in place, if any: a
/// reader who last touched either is using this widget.
#[hook]
pub fn use_undo_shortcuts(
    dispatcher: StoreDispatcher<AnnotationState>,
    root_ref: NodeRef,
    story: Option<Element>,
) {
    use_effect_when_changed(
        EffectDeps::new(story.clone()),
        Box::new(move || {
            let document = gloo::utils::document();
            let active = Rc::new(Cell::new(false));
            let owned = {
                let story = story.clone();
                move || -> Vec<Element> {
                    root_ref
                        .cast::<Element>()
                        .into_iter()
                        .chain(story.clone())
                        .collect()
                }
            };
            let track = {
                let (active, owned) = (active.clone(), owned.clone());
                EventListener::new(&document, "pointerdown", move |event| {
                    active.set(event_started_inside(event, &owned()))
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
                    let for_this_widget = active.get() || event_started_inside(event, &owned());
                    if !(key_event.ctrl_key() || key_event.meta_key())
                        || event_started_in_text_field(event)
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
            Teardown::new(move || drop((track, keys)))
        }),
    );
}
