//! The small picker shown beside a fresh selection: Allegation, Denial, Demand (keys 1, 2, 3).
//!
//! The keys themselves are handled by the annotator, so they work wherever focus is inside the
//! widget; the picker only shows them and takes clicks.

use yew::prelude::*;

use super::focus_on_open::{use_focus_on_open, use_return_focus};
use super::locale::use_locale;
use super::popover::use_popover_placement;
use crate::core::popover_position::PopoverPosition;

use crate::core::tag::Tag;

#[derive(Properties, PartialEq)]
pub struct TagPickerProps {
    pub at: PopoverPosition,
    pub on_choose: Callback<Tag>,
    pub on_dismiss: Callback<()>,
}

#[function_component(TagPicker)]
pub fn tag_picker(props: &TagPickerProps) -> Html {
    let locale = use_locale();
    let t = &locale.text;
    let popover = use_node_ref();
    use_popover_placement(popover.clone(), props.at);
    use_return_focus();
    let first_button = use_focus_on_open(());
    // Keeps the reader's selection visible while the pointer is on the picker.
    let keep_selection = Callback::from(|event: MouseEvent| event.prevent_default());
    let buttons: Html = Tag::ALL
        .into_iter()
        .enumerate()
        .map(|(index, tag)| {
            let on_choose = props.on_choose.clone();
            let shortcut = tag.shortcut().map(String::from).unwrap_or_default();
            let (class, label) = (classes!("ca-tag-button", tag.css_class()), locale.tag(&tag));
            let onclick = Callback::from(move |_: MouseEvent| on_choose.emit(tag.clone()));
            let node_ref = if index == 0 { first_button.clone() } else { NodeRef::default() };
            html! {
                <button type="button" {class} ref={node_ref} {onclick} aria-keyshortcuts={shortcut.clone()}>
                    <kbd aria-hidden="true">{ shortcut }</kbd>{ " " }{ label }
                </button>
            }
        })
        .collect();
    let on_dismiss = props.on_dismiss.clone();
    html! {
        <div class="ca-popover ca-tag-picker" ref={popover} popover="manual" role="toolbar" aria-label={t.picker_label.clone()} onmousedown={keep_selection}>
            { buttons }
            <button type="button" class="ca-dismiss" aria-label={t.cancel.clone()} onclick={move |_| on_dismiss.emit(())}>{ "\u{d7}" }</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ReattachPickerProps {
    pub at: PopoverPosition,
    pub on_attach: Callback<()>,
    pub on_dismiss: Callback<()>,
}

/// Shown instead of the tag picker while a claim from "Needs review" waits for its new words.
#[function_component(ReattachPicker)]
pub fn reattach_picker(props: &ReattachPickerProps) -> Html {
    let locale = use_locale();
    let t = &locale.text;
    let popover = use_node_ref();
    use_popover_placement(popover.clone(), props.at);
    use_return_focus();
    let attach_button = use_focus_on_open(());
    let on_attach = props.on_attach.clone();
    let on_dismiss = props.on_dismiss.clone();
    html! {
        <div class="ca-popover ca-tag-picker ca-reattach-picker" ref={popover} popover="manual" role="toolbar" aria-label={t.reattach_picker_label.clone()} onmousedown={Callback::from(|event: MouseEvent| event.prevent_default())}>
            <button type="button" class="ca-attach" ref={attach_button} onclick={move |_: MouseEvent| on_attach.emit(())}>{ t.attach_here.clone() }</button>
            <button type="button" class="ca-dismiss" aria-label={t.cancel.clone()} onclick={move |_: MouseEvent| on_dismiss.emit(())}>{ "\u{d7}" }</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SentenceOfferProps {
    pub at: PopoverPosition,
    pub on_select: Callback<()>,
    pub on_dismiss: Callback<()>,
}

/// After a tap or a click on a sentence with nothing selected: "Select this sentence", then the
/// tag picker — a claim made with a single pointer and no drag (WCAG 2.2, 2.5.7).
#[function_component(SentenceOffer)]
pub fn sentence_offer(props: &SentenceOfferProps) -> Html {
    let locale = use_locale();
    let t = &locale.text;
    let popover = use_node_ref();
    use_popover_placement(popover.clone(), props.at);
    let on_select = props.on_select.clone();
    let on_dismiss = props.on_dismiss.clone();
    html! {
        <div class="ca-popover ca-tag-picker ca-sentence-offer" ref={popover} popover="manual" role="group"
            aria-label={t.select_sentence.clone()}
            onmousedown={Callback::from(|event: MouseEvent| event.prevent_default())}>
            <button type="button" class="ca-select-sentence" onclick={move |_: MouseEvent| on_select.emit(())}>{ t.select_sentence.clone() }</button>
            <button type="button" class="ca-dismiss" aria-label={t.cancel.clone()} onclick={move |_: MouseEvent| on_dismiss.emit(())}>{ "\u{d7}" }</button>
        </div>
    }
}
