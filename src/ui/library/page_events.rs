//! Everything the library page hears from outside its own controls: files dropped anywhere on
//! the page, another tab's changes to the library or to claims, claims saved in this tab, and
//! the service worker's news of an update.
//!
//! Invariants: a file dropped anywhere is opened, never followed (the browser would leave the
//! page for it); every listener is removed with the page; news of an update told before the
//! library listened is not lost (it asks `library.js` to tell it again).

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::effect_when_changed::{use_effect_when_changed, EffectDeps, Teardown};

use super::{library_storage, open_file, APP_UPDATE_EVENT, APP_UPDATE_LISTENING_EVENT};
use crate::browser::file_reading::files_of;
use crate::core::library_state::{AppUpdate, LibraryAction};
use crate::ui::locale::Locale;

use super::Dispatcher;

/// Listens for the page's lifetime; `reload` asks for the list to be read again.
#[hook]
pub fn use_page_events(dispatcher: Dispatcher, locale: Locale, reload: Callback<()>) {
    use_effect_when_changed(
        EffectDeps::new(()),
        Box::new(move || {
            let window = gloo::utils::window();
            let active = EventListenerOptions::enable_prevent_default();
            let drag_over = EventListener::new_with_options(&window, "dragover", active, |event| {
                event.prevent_default();
            });
            let dropped = {
                let (dispatcher, locale) = (dispatcher.clone(), locale.clone());
                EventListener::new_with_options(&window, "drop", active, move |event| {
                    event.prevent_default();
                    let files = event
                        .dyn_ref::<web_sys::DragEvent>()
                        .and_then(|event| event.data_transfer())
                        .and_then(|transfer| transfer.files());
                    if let Some(file) = files_of(files).into_iter().next() {
                        open_file(file, dispatcher.clone(), locale.clone());
                    }
                })
            };
            let other_tabs = {
                let reload = reload.clone();
                EventListener::new(&window, "storage", move |event| {
                    let key = event
                        .dyn_ref::<web_sys::StorageEvent>()
                        .and_then(|event| event.key());
                    if key.as_deref().is_none_or(|key| {
                        key == library_storage::LIBRARY_CHANGED_KEY
                            || key.starts_with("claim-annotator:annotations:")
                    }) {
                        reload.emit(());
                    }
                })
            };
            // Claims saved in this tab (the annotator's save may land just after the reader
            // went back to the list): the counts change.
            let saved_here = {
                let reload = reload.clone();
                EventListener::new(
                    &window,
                    crate::browser::local_store::STORED_EVENT,
                    move |event| {
                        let key = event
                            .dyn_ref::<web_sys::CustomEvent>()
                            .and_then(|event| event.detail().as_string());
                        if key.is_some_and(|key| key.starts_with("claim-annotator:annotations:")) {
                            reload.emit(());
                        }
                    },
                )
            };
            let updates = EventListener::new(&window, APP_UPDATE_EVENT, move |event| {
                let detail = event
                    .dyn_ref::<web_sys::CustomEvent>()
                    .and_then(|event| event.detail().as_string());
                let update = match detail.as_deref() {
                    Some("ready") => AppUpdate::Ready,
                    Some("updated") => AppUpdate::Updated,
                    _ => return,
                };
                dispatcher.dispatch(LibraryAction::AppUpdate(update));
            });
            // News told before this listener existed is told again now.
            if let Ok(listening) = web_sys::CustomEvent::new(APP_UPDATE_LISTENING_EVENT) {
                let _ = window.dispatch_event(&listening);
            }
            Teardown::new(move || drop((drag_over, dropped, other_tabs, saved_here, updates)))
        }),
    );
}
