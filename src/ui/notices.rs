//! The notices above the article: storage problems, recovered data, shared links, imports,
//! and the reminder to export a copy.
//! Each says plainly where the reader's work is and what they can do.
//!
//! A render function the annotator calls, not a component: a component of its own carried its
//! own copy of Yew's lifecycle code (up to 0.8 KB gzip, measured with another change) to skip a
//! render that costs nothing when there is no notice.

use yew::prelude::*;

use super::file_choice::first_chosen_file;
use crate::core::locale::Locale;
use crate::core::view_state;

/// What the notices show, and what their buttons do.
pub struct NoticesProps {
    pub notices: view_state::Notices,
    pub on_download_annotations: Callback<MouseEvent>,
    pub on_download_unreadable: Callback<MouseEvent>,
    pub on_keep_shared_copy: Callback<MouseEvent>,
    pub on_leave_shared_view: Callback<MouseEvent>,
    pub on_close_share_link: Callback<MouseEvent>,
    pub on_import_foreign: Callback<MouseEvent>,
    pub on_close_import: Callback<MouseEvent>,
    pub on_export_a_copy: Callback<MouseEvent>,
    pub on_not_now: Callback<MouseEvent>,
    pub on_import_file: Callback<web_sys::File>,
    pub on_close_vanished: Callback<MouseEvent>,
}

pub fn notices(props: NoticesProps, locale: &Locale) -> Html {
    let t = &locale.text;
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
                    <button type="button" class="ca-download" onclick={props.on_download_annotations.clone()}>{ t.download_annotations.clone() }</button>
                </div>
            }
            if let Some(message) = notices.shared_view.as_ref().map(|view| view.message.clone()) {
                <div class="ca-notice ca-notice-shared" role="status">
                    <p>{ message }</p>
                    if shared_count > 0 {
                        <button type="button" class="ca-keep-copy" onclick={props.on_keep_shared_copy.clone()}>{ t.keep_a_copy.clone() }</button>
                    }
                    <button type="button" class="ca-leave-shared" onclick={props.on_leave_shared_view.clone()}>{ t.back_to_own_claims.clone() }</button>
                </div>
            }
            if let Some(link) = notices.share_link.clone() {
                <div class="ca-notice ca-notice-share" role="status">
                    <p>{ locale.fill(&t.share_link_notice, &[("count", &locale.integer(link.chars().count()))]) }</p>
                    <input class="ca-share-link" type="text" readonly=true value={link} aria-label={t.share_link_label.clone()} onfocus={select_all} />
                    <button type="button" class="ca-close-notice" onclick={props.on_close_share_link.clone()}>{ t.done.clone() }</button>
                </div>
            }
            if let Some(message) = notices.import_message.clone() {
                <div class="ca-notice ca-notice-import" role="status">
                    <p>{ message }</p>
                    if notices.offered_foreign.is_some() {
                        <button type="button" class="ca-import-foreign" onclick={props.on_import_foreign.clone()}>{ t.import_for_review.clone() }</button>
                    }
                    <button type="button" class="ca-close-notice" onclick={props.on_close_import.clone()}>{ t.ok.clone() }</button>
                </div>
            }
            if let Some(count) = notices.vanished_claims {
                <div class="ca-notice ca-notice-vanished" role="alert">
                    <p>{ locale.count(&t.claims_vanished, count, &[]) }</p>
                    <label class="ca-import ca-file-button">{ t.import_ellipsis.clone() }
                        <input type="file" class="ca-vanished-import-file" accept=".json,.jsonld,application/json,application/ld+json" onchange={first_chosen_file(&props.on_import_file)} />
                    </label>
                    <button type="button" class="ca-close-notice" onclick={props.on_close_vanished.clone()}>{ t.ok.clone() }</button>
                </div>
            }
            if notices.export_reminder {
                <div class="ca-notice ca-notice-reminder" role="status">
                    <p>{ t.export_reminder.clone() }</p>
                    <button type="button" class="ca-export-a-copy" onclick={props.on_export_a_copy.clone()}>{ t.export_a_copy.clone() }</button>
                    <button type="button" class="ca-not-now" onclick={props.on_not_now.clone()}>{ t.not_now.clone() }</button>
                </div>
            }
            if let Some(message) = notices.recovery.clone() {
                <div class="ca-notice ca-notice-recovery" role="status">
                    <p>{ message }</p>
                    if notices.unreadable_raw.is_some() {
                        <button type="button" class="ca-download" onclick={props.on_download_unreadable.clone()}>{ t.download_unreadable.clone() }</button>
                    }
                </div>
            }
        </>
    }
}
