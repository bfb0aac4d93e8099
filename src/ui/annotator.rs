//! The annotator for one loaded article: owns the annotation store and wires the article view,
//! the tag picker, the claim editor and the claims panel together.
//!
//! Invariant: storage is written only after a reader's change (the reducer's revision moved),
//! never merely because the page loaded, and never over a stored value that could not be read
//! and was not first copied to a backup key.

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{DomRect, Element};
use yew::prelude::*;

use super::annotation_editor::{AnnotationEditor, ClaimChooser};
use super::annotation_store::AnnotationStore;
use super::article_view::{ArticleView, OpenRequest};
use super::claims_panel::ClaimsPanel;
use super::notices::Notices;
use super::persistence;
use super::popover_position::PopoverPosition;
use super::settled_selection::{use_settled_selection, SelectionTrigger};
use super::shared::Shared;
use super::shared_view::{open_share_link, SharedView};
use super::tag_picker::{ReattachPicker, TagPicker};
use super::transfer_actions::{TransferActions, TransferHandles};
use super::undo_shortcuts::use_undo_shortcuts;
use crate::browser::clock_and_ids::{new_annotation_id, now_ms};
use crate::browser::dom_text_position::{
    clear_selection, scroll_to_highlight, select_char_range, selected_char_range,
};
use crate::browser::local_store;
use crate::core::annotation::Annotation;
use crate::core::annotation_state::Action;
use crate::core::article::Article;
use crate::core::char_range::CharRange;
use crate::core::tag::Tag;
use crate::core::word_snap::snap_to_words;

#[derive(Clone, PartialEq)]
pub struct LoadedArticle {
    pub article: Shared<Article>,
    /// The storage identity: a hash of the text, or the id the page gave.
    pub key: String,
    /// The article's identity in W3C exports: its absolute URL, or a `urn:` from the key.
    pub source_uri: String,
}

#[derive(Properties, PartialEq)]
pub struct AnnotatorProps {
    pub article: LoadedArticle,
}

#[derive(Clone, PartialEq)]
struct PendingSelection {
    range: CharRange,
    at: PopoverPosition,
}

#[derive(Clone, PartialEq)]
enum OpenClaim {
    Choose {
        ids: Vec<String>,
        at: PopoverPosition,
    },
    Edit {
        id: String,
        at: PopoverPosition,
    },
}

const FLASH_MILLISECONDS: u32 = 1600;

#[function_component(Annotator)]
pub fn annotator(props: &AnnotatorProps) -> Html {
    let store = use_reducer(AnnotationStore::default);
    let storage_problem = use_state_eq(|| None::<String>);
    let recovery_notice = use_state_eq(|| None::<String>);
    // The stored value that could not be read, offered as a download.
    let unreadable_raw = use_state_eq(|| None::<String>);
    // Bytes of browser storage this article's claims use, shown to the reader.
    let stored_bytes = use_state_eq(|| None::<usize>);
    // What the last import did, or why it was refused.
    let import_notice = use_state_eq(|| None::<String>);
    // Annotations of another article from the last import, offered rather than imported.
    let offered_foreign = use_state_eq(|| None::<Rc<Vec<Annotation>>>);
    // Claims opened from a share link: shown read-only until the reader keeps a copy.
    let shared_view = use_state_eq(|| None::<SharedView>);
    let read_only = use_mut_ref(|| false);
    *read_only.borrow_mut() = shared_view.is_some();
    // The link the reader asked for, shown for copying.
    let share_link = use_state_eq(|| None::<String>);
    // False while the stored value could neither be read nor backed up: then nothing is written.
    let may_write = use_mut_ref(|| true);
    // The unreadable stored value this tab already copied to a backup key.
    let backed_up = use_mut_ref(|| None::<String>);
    let pending = use_state_eq(|| None::<PendingSelection>);
    let open = use_state_eq(|| None::<OpenClaim>);
    let filter = use_state_eq(|| None::<Tag>);
    let flashing = use_state_eq(|| None::<String>);
    // Set once storage has been read: from then on the widget takes selections and keeps them.
    let ready = use_state_eq(|| false);
    // A claim from "Needs review" waiting to be re-attached to the reader's next selection.
    let reattaching = use_state_eq(|| None::<String>);
    let flash_timer = use_mut_ref(|| None::<Timeout>);
    let root_ref = use_node_ref();
    let article_ref = use_node_ref();
    let article = props.article.article.clone();

    {
        let dispatcher = store.dispatcher();
        let storage_problem = storage_problem.clone();
        let recovery_notice = recovery_notice.clone();
        let unreadable_raw = unreadable_raw.clone();
        let stored_bytes = stored_bytes.clone();
        let may_write = may_write.clone();
        let ready = ready.clone();
        let backed_up = backed_up.clone();
        let shared_view = shared_view.clone();
        use_effect_with(props.article.clone(), move |loaded| {
            let restored = persistence::restore(loaded, &may_write);
            *backed_up.borrow_mut() = restored.unreadable_raw.clone();
            let mut problem = restored.problem;
            let mut snapshot = restored.snapshot;
            let mut bytes = (restored.bytes > 0).then_some(restored.bytes);
            // A new version of the article moved some claims: keep their new places.
            if restored.moved > 0 && *may_write.borrow() {
                match persistence::save_merged(loaded, &snapshot, &backed_up) {
                    Ok(saved) => {
                        snapshot = saved.merged;
                        bytes = Some(saved.bytes);
                    }
                    Err(failure) => problem = Some(failure.message()),
                }
            }
            storage_problem.set(problem);
            recovery_notice.set(restored.recovery);
            unreadable_raw.set(restored.unreadable_raw);
            stored_bytes.set(bytes);
            dispatcher.dispatch(Action::Load(snapshot));
            if let Some(history) = persistence::restore_history(loaded) {
                dispatcher.dispatch(Action::RestoreHistory(history));
            }
            shared_view.set(open_share_link(loaded));
            ready.set(true);
        });
    }
    {
        let state = store.state.clone();
        let storage_problem = storage_problem.clone();
        let loaded = props.article.clone();
        let may_write = may_write.clone();
        let dispatcher = store.dispatcher();
        let stored_bytes = stored_bytes.clone();
        let backed_up = backed_up.clone();
        use_effect_with(store.state.revision(), move |revision| {
            if *revision > 0 {
                persistence::save_history(&loaded, state.history());
            }
            if *revision > 0 && *may_write.borrow() {
                match persistence::save_merged(&loaded, &state.snapshot(), &backed_up) {
                    Ok(saved) => {
                        storage_problem.set(None);
                        stored_bytes.set(Some(saved.bytes));
                        // Another tab wrote since this one last looked: show its work too.
                        dispatcher.dispatch(Action::Merge {
                            remote: saved.merged,
                            now_ms: now_ms(),
                        });
                    }
                    Err(problem) => storage_problem.set(Some(problem.message())),
                }
            }
        });
    }
    {
        // Another tab of the same article saved: fold its changes in.
        let dispatcher = store.dispatcher();
        use_effect_with(props.article.clone(), move |loaded| {
            let loaded = loaded.clone();
            let storage_key = local_store::annotations_key(&loaded.key);
            let listener = EventListener::new(&gloo::utils::window(), "storage", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                if event.key().as_deref() != Some(storage_key.as_str()) {
                    return;
                }
                if let Some(remote) = event
                    .new_value()
                    .and_then(|raw| persistence::decode_remote(&loaded, &raw))
                {
                    dispatcher.dispatch(Action::Merge {
                        remote,
                        now_ms: now_ms(),
                    });
                }
            });
            move || drop(listener)
        });
    }

    let position_in_root = {
        let root_ref = root_ref.clone();
        move |rect: &DomRect| -> PopoverPosition {
            let origin = root_ref
                .cast::<Element>()
                .map(|root| root.get_bounding_client_rect());
            let (left, top) = origin.map_or((0.0, 0.0), |origin| (origin.left(), origin.top()));
            PopoverPosition {
                left: (rect.left() - left).max(0.0),
                top: rect.bottom() - top + 6.0,
            }
        }
    };

    // The last selection the reader was offered a picker for (or dismissed one for), so that a
    // settling selection never reopens a picker the reader closed.
    let last_considered = use_mut_ref(|| None::<CharRange>);
    let consider_selection = {
        let article = article.clone();
        let article_ref = article_ref.clone();
        let pending = pending.clone();
        let open = open.clone();
        let position_in_root = position_in_root.clone();
        let last_considered = last_considered.clone();
        let read_only = read_only.clone();
        Callback::from(move |trigger: SelectionTrigger| {
            if *read_only.borrow() {
                return;
            }
            let Some(article_element) = article_ref.cast::<Element>() else {
                return;
            };
            let snapped = selected_char_range(&article_element).and_then(|(raw, rect)| {
                let range = snap_to_words(&article.text, raw)?;
                Some((range, raw, rect))
            });
            let Some((range, raw, rect)) = snapped else {
                if trigger == SelectionTrigger::PointerOrKeys {
                    pending.set(None);
                }
                return;
            };
            if trigger == SelectionTrigger::Settled && *last_considered.borrow() == Some(range) {
                return;
            }
            *last_considered.borrow_mut() = Some(range);
            // Show the reader exactly the words that will be tagged.
            let rect = if range == raw {
                rect
            } else {
                select_char_range(&article_element, range).unwrap_or(rect)
            };
            open.set(None);
            pending.set(Some(PendingSelection {
                range,
                at: position_in_root(&rect),
            }));
        })
    };

    use_settled_selection(consider_selection.clone(), props.article.clone());
    use_undo_shortcuts(store.dispatcher(), root_ref.clone());

    let on_undo = {
        let dispatcher = store.dispatcher();
        use_callback((), move |(), _| {
            dispatcher.dispatch(Action::Undo { at_ms: now_ms() })
        })
    };
    let on_redo = {
        let dispatcher = store.dispatcher();
        use_callback((), move |(), _| {
            dispatcher.dispatch(Action::Redo { at_ms: now_ms() })
        })
    };
    let on_clear_all = {
        let dispatcher = store.dispatcher();
        let open = open.setter();
        use_callback((), move |(), _| {
            open.set(None);
            dispatcher.dispatch(Action::ClearAll { at_ms: now_ms() });
        })
    };
    let TransferActions {
        on_export_json,
        on_export_csv,
        on_import_file,
        on_share,
        close_share_link,
        keep_shared_copy,
        leave_shared_view,
        close_import_notice,
        import_foreign_for_review,
        download_unreadable,
        download_annotations,
    } = TransferHandles {
        state: store.state.clone(),
        dispatcher: store.dispatcher(),
        loaded: props.article.clone(),
        import_notice: import_notice.clone(),
        offered_foreign: offered_foreign.clone(),
        shared_view: shared_view.clone(),
        share_link: share_link.clone(),
        unreadable_raw: unreadable_raw.clone(),
    }
    .actions();

    let choose_tag = {
        let article = article.clone();
        let pending = pending.clone();
        let dispatcher = store.dispatcher();
        Callback::from(move |tag: Tag| {
            if let Some(selection) = (*pending).clone() {
                let annotation = Annotation::describe(
                    &article.text,
                    selection.range,
                    tag,
                    new_annotation_id(),
                    now_ms(),
                );
                dispatcher.dispatch(Action::Add(annotation));
                pending.set(None);
                clear_selection();
            }
        })
    };
    let attach_here = {
        let article = article.clone();
        let pending = pending.clone();
        let reattaching = reattaching.clone();
        let dispatcher = store.dispatcher();
        Callback::from(move |()| {
            if let (Some(selection), Some(id)) = ((*pending).clone(), (*reattaching).clone()) {
                dispatcher.dispatch(Action::reattach_at(
                    &article.text,
                    id,
                    selection.range,
                    now_ms(),
                ));
                reattaching.set(None);
                pending.set(None);
                clear_selection();
            }
        })
    };
    let on_accept = {
        let article = article.clone();
        let dispatcher = store.dispatcher();
        let state = store.state.clone();
        Callback::from(move |id: String| {
            if let Some(annotation) = state.get(&id) {
                dispatcher.dispatch(Action::reattach_at(
                    &article.text,
                    id,
                    annotation.range,
                    now_ms(),
                ));
            }
        })
    };
    let on_reattach = {
        let reattaching = reattaching.clone();
        let open = open.clone();
        Callback::from(move |id: String| {
            open.set(None);
            reattaching.set(Some(id));
        })
    };
    let dismiss_picker = {
        let pending = pending.clone();
        Callback::from(move |()| pending.set(None))
    };

    // Stable across renders (setters and refs only), so unchanged blocks of the article are
    // not re-rendered when the picker or the editor opens.
    let on_open = {
        let open = open.setter();
        let pending = pending.setter();
        let position_in_root = position_in_root.clone();
        use_callback((), move |request: OpenRequest, _| {
            pending.set(None);
            let at = position_in_root(&request.rect);
            open.set(Some(match request.ids.as_slice() {
                [id] => OpenClaim::Edit { id: id.clone(), at },
                _ => OpenClaim::Choose {
                    ids: request.ids,
                    at,
                },
            }));
        })
    };

    let on_choose_claim = {
        let open = open.setter();
        let flashing = flashing.setter();
        let flash_timer = flash_timer.clone();
        let root_ref = root_ref.clone();
        let position_in_root = position_in_root.clone();
        use_callback((), move |id: String, _| {
            let Some(root) = root_ref.cast::<Element>() else {
                return;
            };
            let Some(rect) = scroll_to_highlight(&root, &id) else {
                return;
            };
            open.set(Some(OpenClaim::Edit {
                id: id.clone(),
                at: position_in_root(&rect),
            }));
            flashing.set(Some(id));
            let flashing = flashing.clone();
            flash_timer.replace(Some(Timeout::new(FLASH_MILLISECONDS, move || {
                flashing.set(None)
            })));
        })
    };

    let close_claim = {
        let open = open.clone();
        Callback::from(move |()| open.set(None))
    };

    let onkeydown = {
        let pending = pending.clone();
        let open = open.clone();
        let choose_tag = choose_tag.clone();
        let reattaching = reattaching.clone();
        Callback::from(move |event: KeyboardEvent| {
            let key = event.key();
            let tagging = pending.is_some() && reattaching.is_none();
            if tagging && !event.ctrl_key() && !event.meta_key() && !event.alt_key() {
                if let Some(tag) = Tag::from_shortcut(&key) {
                    event.prevent_default();
                    choose_tag.emit(tag);
                    return;
                }
            }
            if key == "Escape" {
                if pending.is_some() {
                    pending.set(None);
                } else if reattaching.is_some() {
                    reattaching.set(None);
                } else if open.is_some() {
                    open.set(None);
                }
            }
        })
    };

    let onmouseup = {
        let consider_selection = consider_selection.clone();
        Callback::from(move |_: MouseEvent| {
            consider_selection.emit(SelectionTrigger::PointerOrKeys)
        })
    };
    let onkeyup = {
        let consider_selection = consider_selection.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.shift_key() || event.key() == "Shift" {
                consider_selection.emit(SelectionTrigger::PointerOrKeys);
            }
        })
    };

    let state = store.state.clone();
    let shown = shared_view
        .as_ref()
        .map_or_else(|| state.clone(), |view| view.state.clone());
    let popover = match (*pending).clone() {
        _ if shared_view.is_some() => html! {},
        Some(selection) if reattaching.is_some() => html! {
            <ReattachPicker at={selection.at} on_attach={attach_here} on_dismiss={dismiss_picker.clone()} />
        },
        Some(selection) => html! {
            <TagPicker at={selection.at} on_choose={choose_tag.clone()} on_dismiss={dismiss_picker} />
        },
        None => match (*open).clone() {
            Some(OpenClaim::Edit { id, at }) => match state.get(&id) {
                Some(annotation) => {
                    let dispatcher = store.dispatcher();
                    let on_retag = {
                        let (dispatcher, id) = (dispatcher.clone(), id.clone());
                        Callback::from(move |tag: Tag| {
                            dispatcher.dispatch(Action::Retag {
                                id: id.clone(),
                                tag,
                                at_ms: now_ms(),
                            })
                        })
                    };
                    let on_note = {
                        let (dispatcher, id) = (dispatcher.clone(), id.clone());
                        Callback::from(move |note: String| {
                            dispatcher.dispatch(Action::SetNote {
                                id: id.clone(),
                                note,
                                at_ms: now_ms(),
                            })
                        })
                    };
                    let on_delete = {
                        let (dispatcher, id, open) = (dispatcher.clone(), id.clone(), open.clone());
                        Callback::from(move |()| {
                            dispatcher.dispatch(Action::Delete {
                                id: id.clone(),
                                at_ms: now_ms(),
                            });
                            open.set(None);
                        })
                    };
                    html! {
                        <AnnotationEditor annotation={annotation.clone()} {at}
                            {on_retag} {on_note} {on_delete} on_close={close_claim.clone()} />
                    }
                }
                None => html! {},
            },
            Some(OpenClaim::Choose { ids, at }) => {
                let choices: Vec<Annotation> =
                    ids.iter().filter_map(|id| state.get(id).cloned()).collect();
                let on_pick = {
                    let open = open.clone();
                    Callback::from(move |id: String| open.set(Some(OpenClaim::Edit { id, at })))
                };
                html! { <ClaimChooser {choices} {at} {on_pick} on_close={close_claim.clone()} /> }
            }
            None => html! {},
        },
    };

    let on_delete_from_review = {
        let dispatcher = store.dispatcher();
        let reattaching = reattaching.clone();
        Callback::from(move |id: String| {
            if reattaching.as_deref() == Some(id.as_str()) {
                reattaching.set(None);
            }
            dispatcher.dispatch(Action::Delete {
                id,
                at_ms: now_ms(),
            })
        })
    };
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |tag: Option<Tag>| filter.set(tag))
    };

    html! {
        <div class="ca-annotator" ref={root_ref} {onkeydown} data-ca-ready={ready.then_some("true")}>
            <Notices storage_problem={(*storage_problem).clone()} recovery={(*recovery_notice).clone()}
                has_unreadable_data={unreadable_raw.is_some()} shared_message={shared_view.as_ref().map(|view| view.message.clone())}
                shared_count={shared_view.as_ref().map_or(0, |view| view.state.annotations().len())} share_link={(*share_link).clone()}
                import_message={(*import_notice).clone()} offers_foreign={offered_foreign.is_some()}
                on_download_annotations={download_annotations} on_download_unreadable={download_unreadable}
                on_keep_shared_copy={keep_shared_copy} on_leave_shared_view={leave_shared_view} on_close_share_link={close_share_link}
                on_import_foreign={import_foreign_for_review} on_close_import={close_import_notice} />
            <div class="ca-layout">
                <div class="ca-article-column" ref={article_ref} {onmouseup} {onkeyup}>
                    <ArticleView article={article.clone()} annotations={shown.clone()} flashing={(*flashing).clone()} {on_open} />
                </div>
                <ClaimsPanel article={article.clone()} annotations={shown} filter={(*filter).clone()} reattaching={(*reattaching).clone()}
                    read_only={shared_view.is_some()} {on_share}
                    stored_bytes={*stored_bytes} {on_filter} on_choose={on_choose_claim} on_delete={on_delete_from_review} {on_accept} {on_reattach}
                    {on_undo} {on_redo} {on_clear_all} {on_export_json} {on_export_csv} {on_import_file} />
            </div>
            { popover }
        </div>
    }
}
