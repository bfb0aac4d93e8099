//! The notices above the article: storage problems, recovered data, shared links, imports.
//! Each says plainly where the reader's work is and what they can do.

use yew::prelude::*;

use crate::core::view_state;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: view_state::Notices,
    pub on_download_annotations: Callback<MouseEvent>,
    pub on_download_unreadable: Callback<MouseEvent>,
    pub on_keep_shared_copy: Callback<MouseEvent>,
    pub on_leave_shared_view: Callback<MouseEvent>,
    pub on_close_share_link: Callback<MouseEvent>,
    pub on_import_foreign: Callback<MouseEvent>,
    pub on_close_import: Callback<MouseEvent>,
}

#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    let select_all = Callback::from(|event: FocusEvent| {
        if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
            input.select();
        }
    });
    let notices = &props.notices;
    let shared_count = notices
        .shared_view
        .as_ref()
        .map_or(0, |view| view.state.annotations().len());
    html! {
        <>
            if let Some(message) = notices.storage_problem.clone() {
                <div class="ca-notice ca-notice-storage" role="alert">
                    <p>{ message }</p>
                    <button type="button" class="ca-download" onclick={props.on_download_annotations.clone()}>{ "Download your annotations" }</button>
                </div>
            }
            if let Some(message) = notices.shared_view.as_ref().map(|view| view.message.clone()) {
                <div class="ca-notice ca-notice-shared" role="status">
                    <p>{ message }</p>
                    if shared_count > 0 {
                        <button type="button" class="ca-keep-copy" onclick={props.on_keep_shared_copy.clone()}>{ "Keep a copy" }</button>
                    }
                    <button type="button" class="ca-leave-shared" onclick={props.on_leave_shared_view.clone()}>{ "Back to my own claims" }</button>
                </div>
            }
            if let Some(link) = notices.share_link.clone() {
                <div class="ca-notice ca-notice-share" role="status">
                    <p>{ format!("Share this link ({} characters). The claims travel inside it; nothing is sent anywhere.", link.chars().count()) }</p>
                    <input class="ca-share-link" type="text" readonly=true value={link} aria-label="Share link" onfocus={select_all} />
                    <button type="button" class="ca-close-notice" onclick={props.on_close_share_link.clone()}>{ "Done" }</button>
                </div>
            }
            if let Some(message) = notices.import_message.clone() {
                <div class="ca-notice ca-notice-import" role="status">
                    <p>{ message }</p>
                    if notices.offered_foreign.is_some() {
                        <button type="button" class="ca-import-foreign" onclick={props.on_import_foreign.clone()}>{ "Import them for review" }</button>
                    }
                    <button type="button" class="ca-close-notice" onclick={props.on_close_import.clone()}>{ "OK" }</button>
                </div>
            }
            if let Some(message) = notices.recovery.clone() {
                <div class="ca-notice ca-notice-recovery" role="status">
                    <p>{ message }</p>
                    if notices.unreadable_raw.is_some() {
                        <button type="button" class="ca-download" onclick={props.on_download_unreadable.clone()}>{ "Download the unreadable data" }</button>
                    }
                </div>
            }
        </>
    }
}
