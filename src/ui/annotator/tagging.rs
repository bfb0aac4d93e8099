//! Turning a chosen range into a claim: tagging a range (from the picker, or from 1, 2, 3
//! while selecting with the keyboard), re-attaching a claim that needs review to the words the
//! reader selected, or accepting where re-anchoring put it.

use yew::prelude::*;

use crate::browser::clock_and_ids::{new_annotation_id, now_ms};
use crate::browser::reader_selection::clear_selection;
use crate::core::annotation::Annotation;
use crate::core::annotation_state::{Action, AnnotationState};
use crate::core::article::Article;
use crate::core::char_range::CharRange;
use crate::core::shared::Shared;
use crate::core::tag::Tag;
use crate::core::view_state::{PendingSelection, ViewAction, ViewState};
use crate::ui::store::{StoreDispatcher, StoreHandle};

pub struct TaggingActions {
    pub tag_range: Callback<(CharRange, Tag)>,
    /// Tags the pending selection.
    pub choose_tag: Callback<Tag>,
    /// Re-attaches the claim under review to the pending selection.
    pub attach_here: Callback<()>,
    /// Keeps a claim where re-anchoring put it.
    pub on_accept: Callback<String>,
}

pub fn tagging_actions(
    article: Shared<Article>,
    store: StoreHandle<AnnotationState>,
    view_dispatcher: StoreDispatcher<ViewState>,
    pending: Option<PendingSelection>,
    reattaching: Option<String>,
) -> TaggingActions {
    // Tags a range: from the picker, or from 1, 2, 3 while selecting with the keyboard.
    let tag_range = {
        let article = article.clone();
        let dispatcher = store.dispatcher();
        let view_dispatcher = view_dispatcher.clone();
        Callback::from(move |(range, tag): (CharRange, Tag)| {
            let annotation =
                Annotation::describe(&article.text, range, tag, new_annotation_id(), now_ms());
            dispatcher.dispatch(Action::Add(annotation));
            view_dispatcher.dispatch(ViewAction::DismissSelection);
            clear_selection();
        })
    };
    let choose_tag = {
        let pending = pending.clone();
        let tag_range = tag_range.clone();
        Callback::from(move |tag: Tag| {
            if let Some(selection) = &pending {
                tag_range.emit((selection.range, tag));
            }
        })
    };
    let attach_here = {
        let article = article.clone();
        let pending = pending.clone();
        let reattaching = reattaching.clone();
        let dispatcher = store.dispatcher();
        let view_dispatcher = view_dispatcher.clone();
        Callback::from(move |()| {
            if let (Some(selection), Some(id)) = (&pending, &reattaching) {
                dispatcher.dispatch(Action::reattach_at(
                    &article.text,
                    id.clone(),
                    selection.range,
                    now_ms(),
                ));
                view_dispatcher.dispatch(ViewAction::EndReattach);
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
    TaggingActions {
        tag_range,
        choose_tag,
        attach_here,
        on_accept,
    }
}
