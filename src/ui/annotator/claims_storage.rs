//! Keeping an article's claims in localStorage: read them once per article, save after every
//! change the reader makes (after the frame that shows it), find every claim again when the
//! host re-renders its story with other words, and fold in what another tab or another widget
//! of the same article saved.
//!
//! Invariants (the annotator's, kept here):
//! - Storage is written only after a reader's change (the annotations' revision moved), never
//!   merely because the page loaded, and never over a stored value that could not be read and
//!   was not first copied to a backup key ([`persistence::SaveMemory`]).
//! - A merge that brings nothing new changes nothing, so two widgets saving do not loop.

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::effect_when_changed::{use_effect_when_changed, EffectDeps, Teardown};

use super::LoadedArticle;
use crate::browser::after_paint::after_next_paint;
use crate::browser::clock_and_ids::now_ms;
use crate::browser::local_store;
use crate::core::annotation::Annotation;
use crate::core::annotation_state::{Action, AnnotationState};
use crate::core::locale::Locale;
use crate::core::view_state::{ViewAction, ViewState};
use crate::ui::persistence;
use crate::ui::shared_view::open_share_link;
use crate::ui::store::{StoreDispatcher, StoreHandle};

#[hook]
pub fn use_claims_storage(
    loaded: LoadedArticle,
    store: StoreHandle<AnnotationState>,
    view_dispatcher: StoreDispatcher<ViewState>,
    locale: Locale,
) {
    // Whether this widget may write, is writing, and what it last backed up and wrote.
    let save_memory = use_mut_ref(persistence::SaveMemory::default);
    {
        // Read what storage holds for this article, once per article key.
        let dispatcher = store.dispatcher();
        let view_dispatcher = view_dispatcher.clone();
        let save_memory = save_memory.clone();
        let loaded = loaded.clone();
        let locale = locale.clone();
        use_effect_when_changed(
            EffectDeps::new(loaded.key.clone()),
            Box::new(move || {
                *save_memory.borrow_mut() = persistence::SaveMemory::default();
                let restored = persistence::restore(&loaded, &save_memory, &locale);
                {
                    let mut memory = save_memory.borrow_mut();
                    memory.backed_up = restored.unreadable_raw.clone();
                    memory.last_written = restored.readable_raw.clone();
                }
                let mut problem = restored.problem;
                let mut snapshot = restored.snapshot;
                let mut bytes = (restored.bytes > 0).then_some(restored.bytes);
                // A new version of the article moved some claims: keep their new places.
                let may_write = save_memory.borrow().may_write;
                if restored.moved > 0 && may_write {
                    let moved: Vec<Rc<Annotation>> =
                        snapshot.annotations.iter().cloned().map(Rc::new).collect();
                    match persistence::save_merged(
                        &loaded,
                        &moved,
                        &snapshot.tombstones,
                        &save_memory,
                    ) {
                        Ok(saved) => {
                            snapshot = saved.merged.unwrap_or(snapshot);
                            bytes = Some(saved.bytes);
                        }
                        Err(failure) => problem = Some(failure.message(&locale)),
                    }
                }
                dispatcher.dispatch(Action::Load(snapshot));
                if let Some(history) = persistence::restore_history(&loaded) {
                    dispatcher.dispatch(Action::RestoreHistory(history));
                }
                view_dispatcher.dispatch(ViewAction::Restored {
                    storage_problem: problem,
                    recovery: restored.recovery,
                    unreadable_raw: restored.unreadable_raw.map(Rc::from),
                    stored_bytes: bytes,
                    shared_view: open_share_link(&loaded, &locale),
                });
                Teardown::NONE
            }),
        );
    }
    {
        // The host re-rendered its story with other words: find every claim again.
        let dispatcher = store.dispatcher();
        let last_article = use_mut_ref(|| loaded.article.clone());
        let article = loaded.article.clone();
        use_effect_when_changed(
            EffectDeps::new(article.clone()),
            Box::new(move || {
                let article = &article;
                let previous = last_article.replace(article.clone());
                if previous != *article && previous.text != article.text {
                    dispatcher.dispatch(Action::Reanchor(Rc::new(article.text.clone())));
                }
                Teardown::NONE
            }),
        );
    }
    {
        let state = store.state.clone();
        let loaded = loaded.clone();
        let dispatcher = store.dispatcher();
        let view_dispatcher = view_dispatcher.clone();
        let save_memory = save_memory.clone();
        let locale = locale.clone();
        let revision = store.state.revision();
        use_effect_when_changed(
            EffectDeps::new(revision),
            Box::new(move || {
                let revision = &revision;
                if *revision == 0 {
                    return Teardown::NONE;
                }
                // After the frame that shows the change: with a thousand claims, encoding and
                // writing them would otherwise hold that frame back.
                after_next_paint(move || {
                    persistence::save_history(&loaded, state.history());
                    if !save_memory.borrow().may_write {
                        return;
                    }
                    save_memory.borrow_mut().writing = true;
                    let saved = persistence::save_merged(
                        &loaded,
                        state.annotations(),
                        state.tombstones(),
                        &save_memory,
                    );
                    save_memory.borrow_mut().writing = false;
                    match saved {
                        Ok(saved) => {
                            view_dispatcher.dispatch(ViewAction::Saved { bytes: saved.bytes });
                            // Another tab wrote since this one last looked: show its work too.
                            if let Some(remote) = saved.merged {
                                dispatcher.dispatch(Action::Merge {
                                    remote,
                                    now_ms: now_ms(),
                                });
                            }
                        }
                        Err(problem) => view_dispatcher
                            .dispatch(ViewAction::SaveFailed(problem.message(&locale))),
                    }
                });
                Teardown::NONE
            }),
        );
    }
    {
        // Another tab, or another widget of the same article in this tab, saved: fold its
        // changes in (a merge that brings nothing new changes nothing, so no loop).
        let dispatcher = store.dispatcher();
        let save_memory = save_memory.clone();
        use_effect_when_changed(
            EffectDeps::new(loaded.clone()),
            Box::new(move || {
                let storage_key = local_store::annotations_key(&loaded.key);
                let merge_value = {
                    let loaded = loaded.clone();
                    move |raw: Option<String>| {
                        if let Some(remote) =
                            raw.and_then(|raw| persistence::decode_remote(&loaded, &raw))
                        {
                            dispatcher.dispatch(Action::Merge {
                                remote,
                                now_ms: now_ms(),
                            });
                        }
                    }
                };
                let window = gloo::utils::window();
                let other_tabs = {
                    let (storage_key, merge_value) = (storage_key.clone(), merge_value.clone());
                    EventListener::new(&window, "storage", move |event| {
                        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                            return;
                        };
                        if event.key().as_deref() == Some(storage_key.as_str()) {
                            merge_value(event.new_value());
                        }
                    })
                };
                let this_tab =
                    EventListener::new(&window, local_store::STORED_EVENT, move |event| {
                        let key = event
                            .dyn_ref::<web_sys::CustomEvent>()
                            .and_then(|event| event.detail().as_string());
                        if key.as_deref() == Some(storage_key.as_str())
                            && !save_memory.borrow().writing
                        {
                            merge_value(local_store::read(&storage_key).ok().flatten());
                        }
                    });
                Teardown::new(move || drop((other_tabs, this_tab)))
            }),
        );
    }
}
