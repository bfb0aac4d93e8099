//! The small picker shown beside a fresh selection: Allegation, Denial, Demand (keys 1, 2, 3).
//!
//! The keys themselves are handled by the annotator, so they work wherever focus is inside the
//! widget; the picker only shows them and takes clicks.
//!
//! Beside it, [`OneActionOffer`]: the popovers with a single action ("Attach here" for a claim
//! under review, "Select this sentence" after a tap), one component for both.

use yew::prelude::*;

use super::focus_on_open::{use_focus_on_open, use_return_focus, use_return_focus_if};
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

/// What a one-action offer offers.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum OneAction {
    /// Shown instead of the tag picker while a claim from "Needs review" waits for its new
    /// words: "Attach here". It takes focus, as the tag picker does, and gives it back.
    AttachHere,
    /// After a tap or a click on a sentence with nothing selected: "Select this sentence", then
    /// the tag picker, a claim made with a single pointer and no drag (WCAG 2.2, 2.5.7). It
    /// leaves focus where the pointer put it.
    SelectSentence,
}

#[derive(Properties, PartialEq)]
pub struct OneActionOfferProps {
    pub action: OneAction,
    pub at: PopoverPosition,
    pub on_act: Callback<()>,
    pub on_dismiss: Callback<()>,
}

/// A popover with one action and a close button. One component serves both offers: each
/// component carries its own copy of Yew's lifecycle code (folding the two saved 364 B gzip).
#[function_component(OneActionOffer)]
pub fn one_action_offer(props: &OneActionOfferProps) -> Html {
    let locale = use_locale();
    let t = &locale.text;
    let popover = use_node_ref();
    use_popover_placement(popover.clone(), props.at);
    let takes_focus = props.action == OneAction::AttachHere;
    use_return_focus_if(takes_focus);
    let focused_on_open = use_focus_on_open(());
    let (class, role, label, button_class, button_ref) = match props.action {
        OneAction::AttachHere => (
            "ca-reattach-picker",
            "toolbar",
            &t.reattach_picker_label,
            "ca-attach",
            focused_on_open,
        ),
        OneAction::SelectSentence => (
            "ca-sentence-offer",
            "group",
            &t.select_sentence,
            "ca-select-sentence",
            NodeRef::default(),
        ),
    };
    let button_text = match props.action {
        OneAction::AttachHere => &t.attach_here,
        OneAction::SelectSentence => &t.select_sentence,
    };
    let on_act = props.on_act.clone();
    let on_dismiss = props.on_dismiss.clone();
    html! {
        <div class={classes!("ca-popover", "ca-tag-picker", class)} ref={popover} popover="manual" {role}
            aria-label={label.clone()} onmousedown={Callback::from(|event: MouseEvent| event.prevent_default())}>
            <button type="button" class={button_class} ref={button_ref} onclick={move |_: MouseEvent| on_act.emit(())}>{ button_text.clone() }</button>
            <button type="button" class="ca-dismiss" aria-label={t.cancel.clone()} onclick={move |_: MouseEvent| on_dismiss.emit(())}>{ "\u{d7}" }</button>
        </div>
    }
}
