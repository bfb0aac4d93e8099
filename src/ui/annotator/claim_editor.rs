//! The editor for one claim, with its actions (retag, note, speaker, explanation, answer,
//! delete) bound to the claim and sent to the annotations' store.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::clock_and_ids::now_ms;
use crate::core::annotation::{Annotation, TextField};
use crate::core::annotation_state::{Action, AnnotationState};
use crate::core::article::Article;
use crate::core::name_suggestions::name_suggestions;
use crate::core::popover_position::PopoverPosition;
use crate::core::shared::Shared;
use crate::core::tag::Tag;
use crate::ui::annotation_editor::AnnotationEditor;
use crate::ui::store::StoreHandle;

/// The editor for one claim, with its actions bound to it.
pub fn claim_editor(
    annotation: &Annotation,
    at: PopoverPosition,
    editor: &EditorContext,
    store: &StoreHandle<AnnotationState>,
    on_close: Callback<()>,
) -> Html {
    let dispatcher = store.dispatcher();
    let id = annotation.id.clone();
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
    let on_text = {
        let (dispatcher, id) = (dispatcher.clone(), id.clone());
        Callback::from(move |(field, text): (TextField, String)| {
            dispatcher.dispatch(Action::SetText {
                id: id.clone(),
                field,
                text,
                at_ms: now_ms(),
            })
        })
    };
    let on_answer = {
        let (dispatcher, id) = (dispatcher.clone(), id.clone());
        Callback::from(move |target: Option<String>| {
            dispatcher.dispatch(Action::SetRespondsTo {
                id: id.clone(),
                target,
                at_ms: now_ms(),
            })
        })
    };
    let on_delete = Callback::from(move |()| {
        dispatcher.dispatch(Action::Delete {
            id: id.clone(),
            at_ms: now_ms(),
        })
    });
    html! {
        <AnnotationEditor annotation={annotation.clone()} {at} names={editor.names.clone()}
            allegations={editor.allegations.clone()} explains={editor.explains}
            {on_retag} {on_text} {on_answer} {on_delete} {on_close} />
    }
}

/// The names in the article offered as speakers ([`name_suggestions`]), worked out the first
/// time an editor opens, not when the article is first drawn. It is a scan of the whole text
/// (55 ms natively for a 1 MB article), which the widget's start and a reader who never opens
/// an editor need not pay. Kept while the article is the same.
#[derive(Default)]
pub struct SpeakerNames(Option<(Shared<Article>, Rc<Vec<String>>)>);

impl SpeakerNames {
    pub fn of(&mut self, article: &Shared<Article>) -> Rc<Vec<String>> {
        match &self.0 {
            Some((known, names)) if Rc::ptr_eq(&known.0, &article.0) => names.clone(),
            _ => {
                let names = Rc::new(name_suggestions(article.text.as_str()));
                self.0 = Some((article.clone(), names.clone()));
                names
            }
        }
    }
}

/// What every claim editor of this article needs to offer.
pub struct EditorContext {
    pub names: Rc<Vec<String>>,
    pub allegations: Rc<Vec<(String, String)>>,
    pub explains: bool,
}
