//! The library's list: each article with its title, where it came from, its claims per tag, its
//! last edit, and its actions (open, rename, export, delete). Deleting asks first; the page
//! offers to undo it.

use yew::prelude::*;

use super::origin_text;
use crate::core::iso_time::format_iso;
use crate::core::library_listing::LibraryEntry;
use crate::core::library_state::LibraryListing;
use crate::core::local_date::format_local_date_time;
use crate::core::shared::Shared;
use crate::ui::focus_on_open::use_focus_on_open;
use crate::ui::locale::use_locale;

#[derive(Properties, PartialEq)]
pub struct ArticleListProps {
    pub listing: Shared<LibraryListing>,
    /// The key of the row being renamed.
    pub renaming: Option<String>,
    /// The key of the row whose deletion waits for an answer.
    pub confirming_delete: Option<String>,
    pub on_open: Callback<String>,
    pub on_start_rename: Callback<String>,
    /// `(key, new title)`.
    pub on_rename: Callback<(String, String)>,
    pub on_cancel_rename: Callback<()>,
    pub on_export: Callback<String>,
    pub on_ask_delete: Callback<String>,
    pub on_delete: Callback<String>,
    pub on_cancel_delete: Callback<()>,
}

#[function_component(ArticleList)]
pub fn article_list(props: &ArticleListProps) -> Html {
    let locale = use_locale();
    let t = &locale.text;
    if props.listing.entries.is_empty() {
        return html! { <p class="ca-library-empty">{ t.library_empty.clone() }</p> };
    }
    let rows = props.listing.entries.iter().enumerate().map(|(index, entry)| {
        let key = entry.summary.key.clone();
        let renaming = props.renaming.as_deref() == Some(key.as_str());
        let confirming = props.confirming_delete.as_deref() == Some(key.as_str());
        html! {
            <li class="ca-library-item" key={key.clone()} data-ca-key={key.clone()}>
                <ArticleRow entry={entry.clone()} {index} {renaming} {confirming}
                    on_open={props.on_open.clone()} on_start_rename={props.on_start_rename.clone()} on_rename={props.on_rename.clone()}
                    on_cancel_rename={props.on_cancel_rename.clone()} on_export={props.on_export.clone()} on_ask_delete={props.on_ask_delete.clone()}
                    on_delete={props.on_delete.clone()} on_cancel_delete={props.on_cancel_delete.clone()} />
            </li>
        }
    });
    html! {
        <ul class="ca-library-list" aria-label={t.articles_list_label.clone()}>{ for rows }</ul>
    }
}

#[derive(Properties, PartialEq)]
struct ArticleRowProps {
    entry: LibraryEntry,
    index: usize,
    renaming: bool,
    confirming: bool,
    on_open: Callback<String>,
    on_start_rename: Callback<String>,
    on_rename: Callback<(String, String)>,
    on_cancel_rename: Callback<()>,
    on_export: Callback<String>,
    on_ask_delete: Callback<String>,
    on_delete: Callback<String>,
    on_cancel_delete: Callback<()>,
}

#[function_component(ArticleRow)]
fn article_row(props: &ArticleRowProps) -> Html {
    let locale = use_locale();
    let t = &locale.text;
    let entry = &props.entry;
    let key = entry.summary.key.clone();
    let title = entry.summary.title.clone();
    let title_id = format!("ca-item-title-{}", props.index);
    let with_key = |callback: &Callback<String>| {
        let (callback, key) = (callback.clone(), key.clone());
        Callback::from(move |_: MouseEvent| callback.emit(key.clone()))
    };
    let counts = entry.tally.per_tag.iter().map(|(tag, count)| {
        html! {
            <li class={classes!("ca-chip", "ca-tag-count", tag.css_class())}>
                { locale.fill(&t.tag_count, &[("tag", &locale.tag(tag)), ("count", &locale.integer(*count))]) }
            </li>
        }
    });
    let claims_total = entry.tally.total();
    html! {
        <>
            <h3 class="ca-item-title" id={title_id.clone()} dir="auto">{ title.clone() }</h3>
            <p class="ca-origin" dir="auto">{ origin_text(&entry.summary.origin, &locale) }</p>
            <div class="ca-item-claims">
                <span class="ca-claim-total">{ locale.count(&t.claim_count, claims_total, &[]) }</span>
                <ul class="ca-tag-counts">{ for counts }</ul>
            </div>
            if !entry.tally.readable {
                <p class="ca-claims-unreadable">{ t.claims_unreadable.clone() }</p>
            }
            <p class="ca-last-edit">
                <time datetime={format_iso(entry.last_edit_ms)}>
                    { locale.fill(&t.last_edit, &[("date", &format_local_date_time(entry.last_edit_ms, entry.last_edit_offset_minutes, &locale))]) }
                </time>
            </p>
            <div class="ca-item-actions" role="group" aria-label={locale.fill(&t.article_actions, &[("title", &title)])}>
                <button type="button" class="ca-primary ca-open-article" aria-describedby={title_id} onclick={with_key(&props.on_open)}>{ t.open_article.clone() }</button>
                <button type="button" class="ca-rename-article" aria-expanded={props.renaming.to_string()} onclick={with_key(&props.on_start_rename)}>{ t.rename_ellipsis.clone() }</button>
                <button type="button" class="ca-export-article" onclick={with_key(&props.on_export)}>{ t.export_article.clone() }</button>
                <button type="button" class="ca-delete-article" aria-expanded={props.confirming.to_string()} onclick={with_key(&props.on_ask_delete)}>{ t.delete_ellipsis.clone() }</button>
            </div>
            if props.renaming {
                <RenameForm key_of_row={key.clone()} {title} on_rename={props.on_rename.clone()} on_cancel={props.on_cancel_rename.clone()} />
            }
            if props.confirming {
                <ConfirmDelete key_of_row={key} question={locale.count(&t.delete_article_question, claims_total, &[("title", &entry.summary.title)])}
                    on_delete={props.on_delete.clone()} on_cancel={props.on_cancel_delete.clone()} />
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct RenameFormProps {
    key_of_row: String,
    title: String,
    on_rename: Callback<(String, String)>,
    on_cancel: Callback<()>,
}

/// The new title, typed in place; Escape or Cancel leaves it as it was.
#[function_component(RenameForm)]
fn rename_form(props: &RenameFormProps) -> Html {
    let locale = use_locale();
    let t = &locale.text;
    let input = use_focus_on_open(props.key_of_row.clone());
    let on_submit = {
        let (input, on_rename, key) = (
            input.clone(),
            props.on_rename.clone(),
            props.key_of_row.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let Some(field) = input.cast::<web_sys::HtmlInputElement>() {
                on_rename.emit((key.clone(), field.value()));
            }
        })
    };
    let on_key_down = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.prevent_default();
                on_cancel.emit(());
            }
        })
    };
    let field_id = format!("ca-rename-{}", props.key_of_row);
    html! {
        <form class="ca-rename-form" onsubmit={on_submit} onkeydown={on_key_down}>
            <label for={field_id.clone()}>{ locale.fill(&t.rename_label, &[("title", &props.title)]) }</label>
            <input type="text" id={field_id} class="ca-rename-input" dir="auto" value={props.title.clone()} ref={input} />
            <button type="submit" class="ca-primary ca-save-title">{ t.save_title.clone() }</button>
            <button type="button" class="ca-cancel-rename" onclick={props.on_cancel.reform(|_: MouseEvent| ())}>{ t.cancel.clone() }</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct ConfirmDeleteProps {
    key_of_row: String,
    question: String,
    on_delete: Callback<String>,
    on_cancel: Callback<()>,
}

/// Asks before deleting; the safe answer has the focus.
#[function_component(ConfirmDelete)]
fn confirm_delete(props: &ConfirmDeleteProps) -> Html {
    let locale = use_locale();
    let t = &locale.text;
    let keep = use_focus_on_open(props.key_of_row.clone());
    let on_delete = {
        let (on_delete, key) = (props.on_delete.clone(), props.key_of_row.clone());
        Callback::from(move |_: MouseEvent| on_delete.emit(key.clone()))
    };
    html! {
        <div class="ca-confirm-delete" role="group" aria-label={props.question.clone()}>
            <p dir="auto">{ props.question.clone() }</p>
            <button type="button" class="ca-danger ca-confirm-delete-yes" onclick={on_delete}>{ t.yes_delete.clone() }</button>
            <button type="button" class="ca-keep-article" ref={keep} onclick={props.on_cancel.reform(|_: MouseEvent| ())}>{ t.keep.clone() }</button>
        </div>
    }
}
