//! Opening a claim: change its tag, say who makes it, link a denial to the allegation it
//! answers, write a note (and, for a teacher, an explanation for students), delete it; and,
//! where several claims overlap, choosing which one to open.
//!
//! Invariant: every text the reader writes is rendered as a text node and edited in a field,
//! never as HTML.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::effect_when_changed::{use_effect_when_changed, EffectDeps, Teardown};

use super::focus_on_open::{use_focus_on_open, use_focus_when, use_return_focus};
use super::locale::use_locale;
use super::popover::use_popover_placement;
use crate::core::popover_position::PopoverPosition;

use crate::core::annotation::{Annotation, TextField};
use crate::core::tag::Tag;
use crate::ui::component_state::use_component_state_eq;

/// Long quotes are shortened on screen only; the stored quote is always whole.
const QUOTE_PREVIEW_CHARS: usize = 160;

/// The list of speaker names the speaker field suggests (one per shadow root).
const NAMES_LIST_ID: &str = "ca-speaker-names";

#[derive(Properties, PartialEq)]
pub struct AnnotationEditorProps {
    pub annotation: Annotation,
    pub at: PopoverPosition,
    /// Names of people and organisations in the article, suggested as speakers.
    #[prop_or_default]
    pub names: Rc<Vec<String>>,
    /// The allegations a denial may answer: (id, quote).
    #[prop_or_default]
    pub allegations: Rc<Vec<(String, String)>>,
    /// Show the explanation field (a teacher building an exercise's key).
    #[prop_or_default]
    pub explains: bool,
    pub on_retag: Callback<Tag>,
    pub on_text: Callback<(TextField, String)>,
    pub on_answer: Callback<Option<String>>,
    pub on_delete: Callback<()>,
    pub on_close: Callback<()>,
}

#[function_component(AnnotationEditor)]
pub fn annotation_editor(props: &AnnotationEditorProps) -> Html {
    let locale = use_locale();
    let t = &locale.text;
    let dialog = use_node_ref();
    use_popover_placement(dialog.clone(), props.at);
    use_return_focus();
    use_focus_when(dialog.clone(), props.annotation.id.clone());
    let confirming_delete = use_component_state_eq(|| false);
    // "Delete…" and its confirmation replace each other: focus follows the swap both ways, or
    // it would fall to the page.
    let confirm_button = use_node_ref();
    let delete_ellipsis_button = use_node_ref();
    {
        let (confirm_button, delete_ellipsis_button) =
            (confirm_button.clone(), delete_ellipsis_button.clone());
        let swapped = use_mut_ref(|| false);
        let confirming = *confirming_delete;
        use_effect_when_changed(
            EffectDeps::new(*confirming_delete),
            Box::new(move || {
                let target = if confirming {
                    &confirm_button
                } else {
                    &delete_ellipsis_button
                };
                if std::mem::replace(&mut *swapped.borrow_mut(), true) {
                    if let Some(button) = target.cast::<web_sys::HtmlElement>() {
                        let _ = button.focus();
                    }
                }
                Teardown::NONE
            }),
        );
    }
    let annotation = &props.annotation;
    let tag_buttons: Html = Tag::ALL
        .into_iter()
        .map(|tag| {
            let on_retag = props.on_retag.clone();
            let pressed = annotation.tag == tag;
            let label = locale.tag(&tag);
            let class = classes!("ca-tag-button", tag.css_class());
            html! {
                <button type="button" {class} aria-pressed={pressed.to_string()} onclick={move |_: MouseEvent| on_retag.emit(tag.clone())}>{ label }</button>
            }
        })
        .collect();
    let text_input = |field: TextField| {
        let on_text = props.on_text.clone();
        Callback::from(move |event: InputEvent| {
            let value = event
                .target_dyn_into::<HtmlTextAreaElement>()
                .map(|area| area.value())
                .or_else(|| {
                    event
                        .target_dyn_into::<HtmlInputElement>()
                        .map(|input| input.value())
                });
            if let Some(value) = value {
                on_text.emit((field, value));
            }
        })
    };
    let on_answer = {
        let on_answer = props.on_answer.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                let value = select.value();
                on_answer.emit((!value.is_empty()).then_some(value));
            }
        })
    };
    let delete_button = if *confirming_delete {
        let on_delete = props.on_delete.clone();
        let confirming = confirming_delete.clone();
        html! {
            <span class="ca-confirm">
                <button type="button" class="ca-danger" ref={confirm_button.clone()} onclick={move |_: MouseEvent| on_delete.emit(())}>{ t.yes_delete.clone() }</button>
                <button type="button" onclick={move |_: MouseEvent| confirming.set(false)}>{ t.keep.clone() }</button>
            </span>
        }
    } else {
        let confirming = confirming_delete.clone();
        html! { <button type="button" class="ca-delete" ref={delete_ellipsis_button.clone()} onclick={move |_: MouseEvent| confirming.set(true)}>{ t.delete_ellipsis.clone() }</button> }
    };
    let on_close = props.on_close.clone();
    let field_id = |name: &str| format!("ca-{name}-{}", annotation.id);
    // A denial may answer an allegation; a claim that already answers one keeps the choice.
    let answers = (annotation.tag == Tag::Denial || annotation.responds_to.is_some()).then(|| {
        let current = annotation.responds_to.clone().unwrap_or_default();
        html! {
            <>
                <label for={field_id("answers")}>{ t.answers_allegation.clone() }</label>
                <select id={field_id("answers")} class="ca-answers-input" onchange={on_answer}>
                    <option value="" selected={current.is_empty()}>{ t.answers_none.clone() }</option>
                    { for props.allegations.iter().filter(|(id, _)| *id != annotation.id).map(|(id, quote)| html! {
                        <option value={id.clone()} selected={*id == current}>{ preview_short(quote) }</option>
                    }) }
                </select>
            </>
        }
    });
    html! {
        <div class="ca-popover ca-editor" popover="manual" role="dialog" aria-label={t.editor_label.clone()} tabindex="-1" ref={dialog}>
            <blockquote class="ca-quote" dir="auto">{ preview(&annotation.quote.exact) }</blockquote>
            <div class="ca-tag-choice" role="group" aria-label={t.tag_group_label.clone()}>{ tag_buttons }</div>
            <label for={field_id("speaker")}>{ t.speaker_question.clone() }</label>
            <input id={field_id("speaker")} class="ca-speaker-input" type="text" dir="auto" autocomplete="off"
                list={NAMES_LIST_ID} value={annotation.speaker.clone()} oninput={text_input(TextField::Speaker)}
                placeholder={t.speaker_placeholder.clone()} />
            <datalist id={NAMES_LIST_ID}>
                { for props.names.iter().map(|name| html! { <option value={name.clone()} /> }) }
            </datalist>
            // Always present, so that the fields around it keep their elements (and focus)
            // when a retag shows or hides the choice: Yew matches unkeyed children by place.
            <div class="ca-answers">{ answers }</div>
            <label for={field_id("note")}>{ t.note_label.clone() }</label>
            <textarea id={field_id("note")} class="ca-note-input" dir="auto" rows="3" value={annotation.note.clone()}
                oninput={text_input(TextField::Note)} placeholder={t.note_placeholder.clone()} />
            if props.explains {
                <label for={field_id("explanation")}>{ t.explanation_label.clone() }</label>
                <textarea id={field_id("explanation")} class="ca-explanation-input" dir="auto" rows="3"
                    value={annotation.explanation.clone()} oninput={text_input(TextField::Explanation)} />
            }
            <div class="ca-editor-actions">
                { delete_button }
                <button type="button" class="ca-close" onclick={move |_: MouseEvent| on_close.emit(())}>{ t.done.clone() }</button>
            </div>
        </div>
    }
}

/// A short preview for a choice in a list.
fn preview_short(quote: &str) -> String {
    let shortened: String = quote.chars().take(60).collect();
    if shortened.len() < quote.len() {
        format!("{}\u{2026}", shortened.trim_end())
    } else {
        shortened
    }
}

#[derive(Properties, PartialEq)]
pub struct ClaimChooserProps {
    pub choices: Vec<Annotation>,
    pub at: PopoverPosition,
    pub on_pick: Callback<String>,
    pub on_close: Callback<()>,
}

/// Shown when the reader clicks where several claims overlap.
#[function_component(ClaimChooser)]
pub fn claim_chooser(props: &ClaimChooserProps) -> Html {
    let locale = use_locale();
    let t = &locale.text;
    let popover = use_node_ref();
    use_popover_placement(popover.clone(), props.at);
    use_return_focus();
    let first = use_focus_on_open(());
    let on_close = props.on_close.clone();
    html! {
        <div class="ca-popover ca-chooser" ref={popover} popover="manual" role="dialog" aria-label={t.chooser_label.clone()}>
            <p class="ca-chooser-title">{ t.chooser_title.clone() }</p>
            <ul>
                { for props.choices.iter().enumerate().map(|(index, annotation)| {
                    let on_pick = props.on_pick.clone();
                    let id = annotation.id.clone();
                    let node_ref = if index == 0 { first.clone() } else { NodeRef::default() };
                    html! {
                        <li><button type="button" class="ca-choice" ref={node_ref} onclick={move |_: MouseEvent| on_pick.emit(id.clone())}>
                            <span class={classes!("ca-chip", annotation.tag.css_class())}>{ locale.tag(&annotation.tag) }</span>
                            <span class="ca-choice-quote" dir="auto">{ preview(&annotation.quote.exact) }</span>
                        </button></li>
                    }
                }) }
            </ul>
            <button type="button" class="ca-close" onclick={move |_: MouseEvent| on_close.emit(())}>{ t.close.clone() }</button>
        </div>
    }
}

pub fn preview(quote: &str) -> String {
    if quote.chars().count() <= QUOTE_PREVIEW_CHARS {
        quote.to_string()
    } else {
        let shortened: String = quote.chars().take(QUOTE_PREVIEW_CHARS).collect();
        format!("{}\u{2026}", shortened.trim_end())
    }
}
