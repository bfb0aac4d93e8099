//! Said after an article was deleted from the library, with the way back.

use yew::prelude::*;

use crate::ui::focus_on_open::use_focus_on_open;
use crate::ui::locale::use_locale;

#[derive(Properties, PartialEq)]
pub struct DeletedNoticeProps {
    pub message: String,
    pub on_undo: Callback<MouseEvent>,
    pub on_dismiss: Callback<MouseEvent>,
}

/// Said after a deletion, with the way back; its Undo button takes the focus the deleted row
/// had.
#[function_component(DeletedNotice)]
pub fn deleted_notice(props: &DeletedNoticeProps) -> Html {
    let locale = use_locale();
    let undo = use_focus_on_open(props.message.clone());
    html! {
        <div class="ca-notice ca-deleted" role="status">
            <p>{ props.message.clone() }</p>
            <button type="button" class="ca-primary ca-undo-delete" ref={undo} onclick={props.on_undo.clone()}>{ locale.text.undo_delete.clone() }</button>
            <button type="button" class="ca-dismiss" onclick={props.on_dismiss.clone()}>{ locale.text.dismiss.clone() }</button>
        </div>
    }
}
