//! Opening a claim: change its tag, write a note, delete it; and, where several claims overlap,
//! choosing which one to open.
//!
//! Invariant: the note is rendered as a text node and edited in a textarea, never as HTML.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::focus_on_open::{use_focus_on_open, use_focus_when};
use super::popover::use_popover_placement;
use crate::core::popover_position::PopoverPosition;

use crate::core::annotation::Annotation;
use crate::core::tag::Tag;

/// Long quotes are shortened on screen only; the stored quote is always whole.
const QUOTE_PREVIEW_CHARS: usize = 160;

#[derive(Properties, PartialEq)]
pub struct AnnotationEditorProps {
    pub annotation: Annotation,
    pub at: PopoverPosition,
    pub on_retag: Callback<Tag>,
    pub on_note: Callback<String>,
    pub on_delete: Callback<()>,
    pub on_close: Callback<()>,
}

#[function_component(AnnotationEditor)]
pub fn annotation_editor(props: &AnnotationEditorProps) -> Html {
    let dialog = use_node_ref();
    use_popover_placement(dialog.clone(), props.at);
    use_focus_when(dialog.clone(), props.annotation.id.clone());
    let confirming_delete = use_state_eq(|| false);
    let annotation = &props.annotation;
    let tag_buttons: Html = Tag::ALL
        .into_iter()
        .map(|tag| {
            let on_retag = props.on_retag.clone();
            let pressed = annotation.tag == tag;
            let label = tag.label().to_string();
            let class = classes!("ca-tag-button", format!("ca-tag-{}", tag.css_name()));
            html! {
                <button type="button" {class} aria-pressed={pressed.to_string()} onclick={move |_: MouseEvent| on_retag.emit(tag.clone())}>{ label }</button>
            }
        })
        .collect();
    let oninput = {
        let on_note = props.on_note.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(textarea) = event.target_dyn_into::<HtmlTextAreaElement>() {
                on_note.emit(textarea.value());
            }
        })
    };
    let delete_button = if *confirming_delete {
        let on_delete = props.on_delete.clone();
        let confirming = confirming_delete.clone();
        html! {
            <span class="ca-confirm">
                <button type="button" class="ca-danger" onclick={move |_: MouseEvent| on_delete.emit(())}>{ "Yes, delete" }</button>
                <button type="button" onclick={move |_: MouseEvent| confirming.set(false)}>{ "Keep" }</button>
            </span>
        }
    } else {
        let confirming = confirming_delete.clone();
        html! { <button type="button" class="ca-delete" onclick={move |_: MouseEvent| confirming.set(true)}>{ "Delete\u{2026}" }</button> }
    };
    let on_close = props.on_close.clone();
    let note_id = format!("ca-note-{}", annotation.id);
    html! {
        <div class="ca-popover ca-editor" popover="manual" role="dialog" aria-label="Claim" tabindex="-1" ref={dialog}>
            <blockquote class="ca-quote" dir="auto">{ preview(&annotation.quote.exact) }</blockquote>
            <div class="ca-tag-choice" role="group" aria-label="Tag">{ tag_buttons }</div>
            <label for={note_id.clone()}>{ "Note" }</label>
            <textarea id={note_id} class="ca-note-input" dir="auto" rows="3" value={annotation.note.clone()} {oninput}
                placeholder="Why is this a claim? Who makes it?" />
            <div class="ca-editor-actions">
                { delete_button }
                <button type="button" class="ca-close" onclick={move |_: MouseEvent| on_close.emit(())}>{ "Done" }</button>
            </div>
        </div>
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
    let popover = use_node_ref();
    use_popover_placement(popover.clone(), props.at);
    let first = use_focus_on_open(());
    let on_close = props.on_close.clone();
    html! {
        <div class="ca-popover ca-chooser" ref={popover} popover="manual" role="dialog" aria-label="Choose a claim">
            <p class="ca-chooser-title">{ "Claims here:" }</p>
            <ul>
                { for props.choices.iter().enumerate().map(|(index, annotation)| {
                    let on_pick = props.on_pick.clone();
                    let id = annotation.id.clone();
                    let node_ref = if index == 0 { first.clone() } else { NodeRef::default() };
                    html! {
                        <li><button type="button" class="ca-choice" ref={node_ref} onclick={move |_: MouseEvent| on_pick.emit(id.clone())}>
                            <span class={classes!("ca-chip", format!("ca-tag-{}", annotation.tag.css_name()))}>{ annotation.tag.label() }</span>
                            <span class="ca-choice-quote" dir="auto">{ preview(&annotation.quote.exact) }</span>
                        </button></li>
                    }
                }) }
            </ul>
            <button type="button" class="ca-close" onclick={move |_: MouseEvent| on_close.emit(())}>{ "Close" }</button>
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
