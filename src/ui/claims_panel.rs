//! The claims panel: every claim in reading order with its tag, quote and note, counts per tag,
//! a filter, and a "Needs review" list for claims whose anchoring is not certain.
//!
//! Invariants:
//! - The list draws a page of claims at a time (`core::claim_list_window`) and says how many
//!   are not listed yet; "Show more claims" lists a page more and moves focus to its first claim.
//! - The list takes a change to the claims right after the frame that shows it in the article
//!   (`browser::after_paint`), so the reader's highlight is not held back by the list's layout;
//!   the rest of the panel (counts, filters, "Needs review") takes it at once.
//! - "Needs review" (`review_list`) is drawn a page at a time too.

mod review_list;

use yew::prelude::*;

use super::effect_when_changed::{use_effect_when_changed, EffectDeps, Teardown};

use super::annotation_editor::preview;
use super::file_choice::first_chosen_file;
use super::locale::{use_locale, Locale};
use super::store::{use_store, StoreHandle};
use crate::core::annotation::{answered_claim, AnchorStatus, Annotation};
use crate::core::annotation_state::AnnotationState;
use crate::core::article::Article;
use crate::core::claim_list_window::{ClaimListAction, ClaimListWindow};
use crate::core::durability::Keeping;
use crate::core::shared::Shared;
use crate::core::tag::Tag;
use crate::ui::component_state::use_component_state_eq;
use review_list::review_list;

#[derive(Properties, PartialEq)]
pub struct ClaimsPanelProps {
    pub article: Shared<Article>,
    pub annotations: Shared<AnnotationState>,
    pub filter: Option<Tag>,
    /// The claim waiting to be re-attached to the reader's next selection, if any.
    #[prop_or_default]
    pub reattaching: Option<String>,
    pub on_filter: Callback<Option<Tag>>,
    /// Scroll to the claim's highlight, mark it briefly and open it.
    pub on_choose: Callback<String>,
    pub on_delete: Callback<String>,
    /// Keep a changed or doubtful claim where it is now, with its current wording.
    pub on_accept: Callback<String>,
    /// Start re-attaching a claim to the next selection.
    pub on_reattach: Callback<String>,
    /// Size of this article's stored value, when known.
    #[prop_or_default]
    pub stored_bytes: Option<usize>,
    /// Whether the browser keeps this site's storage when space runs low.
    #[prop_or_default]
    pub keeping: Keeping,
    pub on_undo: Callback<()>,
    pub on_redo: Callback<()>,
    /// Called only after the reader confirmed.
    pub on_clear_all: Callback<()>,
    pub on_export_json: Callback<()>,
    pub on_export_csv: Callback<()>,
    pub on_import_file: Callback<web_sys::File>,
    pub on_share: Callback<()>,
    /// Claims from a share link: shown, not editable.
    #[prop_or_default]
    pub read_only: bool,
    /// Offer export, import and share (not to a student doing an exercise).
    #[prop_or(true)]
    pub transfer: bool,
    /// Shown under the title: actions of the page using the annotator (the classroom's).
    #[prop_or_default]
    pub children: Html,
}

#[function_component(ClaimsPanel)]
pub fn claims_panel(props: &ClaimsPanelProps) -> Html {
    let locale = use_locale();
    let t = &locale.text;
    let all = props.annotations.annotations();
    let drawn: Vec<&Annotation> = all
        .iter()
        .map(|annotation| &**annotation)
        .filter(|annotation| annotation.is_drawn())
        .collect();
    let nothing_listed = drawn.iter().all(|annotation| {
        props
            .filter
            .as_ref()
            .is_some_and(|tag| annotation.tag != *tag)
    });
    let filter_button = |tag: Option<Tag>, label: String| {
        let on_filter = props.on_filter.clone();
        let pressed = props.filter == tag;
        let class = classes!("ca-filter", tag.as_ref().map(Tag::css_class));
        html! { <button type="button" {class} aria-pressed={pressed.to_string()} onclick={move |_: MouseEvent| on_filter.emit(tag.clone())}>{ label }</button> }
    };
    let counts = props.annotations.count_by_tag();
    // Taken here, not in the list: the list's props then stay the same in the frame of the
    // change, and it renders once, after it, instead of twice.
    let listed_claims = use_claims_after_paint(&props.annotations);
    let review_list_element = use_node_ref();
    let review_window = use_list_window(review_list_element.clone());
    let confirming_clear = use_component_state_eq(|| false);
    let clear_controls = if *confirming_clear {
        let on_clear_all = props.on_clear_all.clone();
        let (confirmed, cancelled) = (confirming_clear.clone(), confirming_clear.clone());
        html! {
            <span class="ca-confirm" role="group" aria-label={t.confirm_clearing.clone()}>
                { locale.count(&t.clear_all_question, all.len(), &[]) }{ " " }
                <button type="button" class="ca-danger ca-confirm-clear" onclick={move |_: MouseEvent| { confirmed.set(false); on_clear_all.emit(()) }}>{ t.yes_clear_all.clone() }</button>
                <button type="button" onclick={move |_: MouseEvent| cancelled.set(false)}>{ t.cancel.clone() }</button>
            </span>
        }
    } else {
        let confirming = confirming_clear.clone();
        html! { <button type="button" class="ca-clear-all" disabled={all.is_empty()} onclick={move |_: MouseEvent| confirming.set(true)}>{ t.clear_all_ellipsis.clone() }</button> }
    };
    let on_undo = props.on_undo.clone();
    let on_redo = props.on_redo.clone();
    html! {
        <aside class="ca-panel" aria-label={t.panel_label.clone()}>
            <h2 class="ca-panel-title">{ t.panel_title.clone() }{ " " }<span class="ca-count">{ format!("({})", locale.integer(all.len())) }</span></h2>
            { props.children.clone() }
            if !props.read_only {
            <div class="ca-toolbar" role="toolbar" aria-label={t.claims_actions.clone()}>
                <button type="button" class="ca-undo" disabled={!props.annotations.can_undo()} aria-keyshortcuts="Control+Z Meta+Z"
                    onclick={move |_: MouseEvent| on_undo.emit(())}>{ t.undo.clone() }</button>
                <button type="button" class="ca-redo" disabled={!props.annotations.can_redo()} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
                    onclick={move |_: MouseEvent| on_redo.emit(())}>{ t.redo.clone() }</button>
                { clear_controls }
            </div>
            }
            <div class="ca-filters" role="group" aria-label={t.show_claims_tagged.clone()}>
                { filter_button(None, locale.fill(&t.filter_all, &[("count", &locale.integer(all.len()))])) }
                { for counts.iter().map(|(tag, count)| filter_button(Some(tag.clone()), locale.fill(&t.filter_tag, &[("tag", &locale.tag(tag)), ("count", &locale.integer(*count))]))) }
            </div>
            if all.is_empty() {
                <p class="ca-empty">{ t.panel_empty.clone() }</p>
            } else if nothing_listed && !drawn.is_empty() {
                <p class="ca-empty">{ t.panel_empty_filter.clone() }</p>
            }
            <ClaimList annotations={listed_claims} filter={props.filter.clone()} on_choose={props.on_choose.clone()} />
            { review_list(props, &locale, &review_window, review_list_element) }
            if !props.read_only && props.transfer { { export_import_controls(props, &locale) } }
            if let Some(bytes) = props.stored_bytes {
                <p class="ca-storage-use">{ locale.fill(&t.storage_use, &[("size", &locale.size(bytes))]) }</p>
            }
            if let Some(keeping) = keeping_line(props.keeping, &locale) {
                <p class="ca-storage-keeping">{ keeping }</p>
            }
        </aside>
    }
}

#[derive(Properties, PartialEq)]
struct ClaimListProps {
    /// The claims as of the last painted frame ([`use_claims_after_paint`]).
    annotations: Shared<AnnotationState>,
    filter: Option<Tag>,
    on_choose: Callback<String>,
}

/// The list of claims, its own component so that it is not rebuilt when only the panel's other
/// parts change (a save's size, an announcement): with a thousand claims that rebuild, cloning
/// and comparing every claim, was most of the cost of each change. A long list is drawn a page
/// at a time ([`ClaimListWindow`]): a change then costs the browser a page of items, not all.
#[function_component(ClaimList)]
fn claim_list(props: &ClaimListProps) -> Html {
    let locale = use_locale();
    let list = use_node_ref();
    let window = use_list_window(list.clone());
    let all = props.annotations.annotations();
    let listed = || {
        all.iter().filter(|annotation| {
            annotation.is_drawn()
                && props
                    .filter
                    .as_ref()
                    .is_none_or(|tag| annotation.tag == *tag)
        })
    };
    let count = listed().count();
    let shown = window.state.shown(count);
    html! {
        <>
        <ol class="ca-claims" ref={list}>
            { for listed().take(shown).map(|annotation| html! {
                <ClaimListItem key={annotation.id.clone()} annotation={Shared(annotation.clone())} on_choose={props.on_choose.clone()}
                    answers={answered_claim(all, annotation).map(|answered| preview(&answered.quote.exact))} />
            }) }
        </ol>
        { show_more_line(&locale, &window, count) }
        </>
    }
}

/// The claims as of the last painted frame: a change reaches the list right after the frame
/// that shows it in the article.
///
/// Why: the reader looks at the words they just tagged, retagged or deleted, and the browser's
/// style, layout and paint of the panel's list (a scroll box of up to a page of items) cost
/// about as much as all the rest of the change. With the list in the same frame, an add with
/// 1,000 claims reached the next frame in about 24 ms; with the list after it, in about 15 ms,
/// and the list followed a few frames later (`bench/many-claims.mjs`, December 2026).
#[hook]
fn use_claims_after_paint(claims: &Shared<AnnotationState>) -> Shared<AnnotationState> {
    let drawn = use_component_state_eq(|| claims.clone());
    {
        let drawn = drawn.clone();
        let claims = claims.clone();
        use_effect_when_changed(
            EffectDeps::new(claims.clone()),
            Box::new(move || {
                crate::browser::after_paint::after_next_paint(move || drawn.set(claims));
                Teardown::NONE
            }),
        );
    }
    (*drawn).clone()
}

/// A long list drawn a page at a time ([`ClaimListWindow`]): the window, and keyboard focus
/// moved to the first button of the first item a "Show more claims" added, once it is drawn
/// (the button that was pressed may now be far below, or gone). `list` is the list element.
#[hook]
fn use_list_window(list: NodeRef) -> StoreHandle<ClaimListWindow> {
    let window = use_store::<ClaimListWindow>();
    let first_new = window.state.first_new;
    use_effect_when_changed(
        EffectDeps::new(first_new),
        Box::new(move || {
            use wasm_bindgen::JsCast;
            let button = first_new
                .and_then(|index| {
                    list.cast::<web_sys::Element>()?
                        .children()
                        .item(index as u32)
                })
                .and_then(|item| item.query_selector("button").ok().flatten())
                .and_then(|button| button.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(button) = button {
                let _ = button.focus();
            }
            Teardown::NONE
        }),
    );
    window
}

/// Under a list of `count` items that shows only part of them: how many are listed, and the
/// button that lists a page more. Nothing when every item is listed.
fn show_more_line(locale: &Locale, window: &StoreHandle<ClaimListWindow>, count: usize) -> Html {
    let shown = window.state.shown(count);
    if shown >= count {
        return Html::default();
    }
    let window = window.dispatcher();
    let show_more =
        move |_: MouseEvent| window.dispatch(ClaimListAction::ShowMore { listed: count });
    html! {
        <p class="ca-claims-more">
            { locale.count(&locale.text.claims_listed, count, &[("shown", &locale.integer(shown))]) }{ " " }
            <button type="button" class="ca-show-more" onclick={show_more}>{ locale.text.show_more_claims.clone() }</button>
        </p>
    }
}

#[derive(Properties, PartialEq)]
struct ClaimListItemProps {
    /// Compared by pointer: the reducer replaces a claim it changes and shares the others, so
    /// with a thousand claims the list's props are compared without reading any claim.
    annotation: Shared<Annotation>,
    on_choose: Callback<String>,
    /// The quote of the allegation this claim answers, if any.
    answers: Option<String>,
}

/// One claim of the list; its own component so an unchanged claim is not re-rendered when
/// another one changes.
#[function_component(ClaimListItem)]
fn claim_list_item(props: &ClaimListItemProps) -> Html {
    let locale = use_locale();
    let t = &locale.text;
    let annotation = &props.annotation;
    let on_choose = props.on_choose.clone();
    let id = annotation.id.clone();
    html! {
        <li class="ca-claim" data-ca-id={annotation.id.clone()}>
            <button type="button" class="ca-claim-button" onclick={move |_: MouseEvent| on_choose.emit(id.clone())}>
                { tag_chip(annotation, &locale) }
                <q class="ca-claim-quote" dir="auto">{ preview(&annotation.quote.exact) }</q>
                if annotation.anchor.needs_review() { <span class="ca-review-mark">{ t.needs_review_mark.clone() }</span> }
            </button>
            if !annotation.speaker.is_empty() {
                <p class="ca-claim-speaker" dir="auto">{ locale.fill(&t.speaker_line, &[("speaker", &annotation.speaker)]) }</p>
            }
            if let Some(answered) = props.answers.clone() {
                <p class="ca-claim-answers" dir="auto">{ t.answers_line.clone() }<q>{ answered }</q></p>
            }
            if !annotation.note.is_empty() {
                <p class="ca-claim-note" dir="auto">{ annotation.note.clone() }</p>
            }
        </li>
    }
}

/// What the browser said about keeping the claims, once it was asked.
fn keeping_line(keeping: Keeping, locale: &Locale) -> Option<String> {
    let t = &locale.text;
    match keeping {
        Keeping::NotAsked => None,
        Keeping::Kept => Some(t.storage_kept.clone()),
        Keeping::MayBeCleared => Some(t.storage_may_be_cleared.clone()),
        Keeping::Unavailable => Some(t.storage_keeping_unknown.clone()),
    }
}

fn tag_chip(annotation: &Annotation, locale: &Locale) -> Html {
    html! { <span class={classes!("ca-chip", annotation.tag.css_class())}>{ locale.tag(&annotation.tag) }</span> }
}

fn review_item(props: &ClaimsPanelProps, annotation: &Annotation, locale: &Locale) -> Html {
    let t = &locale.text;
    let id = annotation.id.clone();
    let explanation = match annotation.anchor {
        AnchorStatus::Orphan => t.review_orphan.clone(),
        AnchorStatus::Changed => locale.fill(
            &t.review_changed,
            &[("text", &preview(props.article.text.slice(annotation.range)))],
        ),
        AnchorStatus::Doubtful => t.review_doubtful.clone(),
        AnchorStatus::Anchored => String::new(),
    };
    let button = |label: String, class: &'static str, callback: &Callback<String>| {
        let callback = callback.clone();
        let id = id.clone();
        html! { <button type="button" {class} onclick={move |_: MouseEvent| callback.emit(id.clone())}>{ label }</button> }
    };
    let waiting = props.reattaching.as_deref() == Some(annotation.id.as_str());
    html! {
        <li class={classes!("ca-review-item", format!("ca-review-{}", status_keyword(annotation.anchor)))} key={annotation.id.clone()} data-ca-id={annotation.id.clone()}>
            { tag_chip(annotation, locale) }
            <q dir="auto">{ preview(&annotation.quote.exact) }</q>
            <p class="ca-review-help">{ explanation }</p>
            if !annotation.note.is_empty() { <p class="ca-claim-note" dir="auto">{ annotation.note.clone() }</p> }
            <div class="ca-review-actions">
                if annotation.anchor.is_drawn() { { button(t.accept.clone(), "ca-accept", &props.on_accept) } }
                if waiting {
                    <span class="ca-waiting" role="status">{ t.reattach_waiting.clone() }</span>
                } else {
                    { button(t.reattach_ellipsis.clone(), "ca-reattach", &props.on_reattach) }
                }
                { button(t.delete.clone(), "ca-delete", &props.on_delete) }
            </div>
        </li>
    }
}

fn status_keyword(status: AnchorStatus) -> &'static str {
    match status {
        AnchorStatus::Anchored => "anchored",
        AnchorStatus::Doubtful => "doubtful",
        AnchorStatus::Changed => "changed",
        AnchorStatus::Orphan => "orphan",
    }
}

fn export_import_controls(props: &ClaimsPanelProps, locale: &Locale) -> Html {
    let t = &locale.text;
    let on_export_json = props.on_export_json.clone();
    let on_export_csv = props.on_export_csv.clone();
    let on_share = props.on_share.clone();
    let onchange = first_chosen_file(&props.on_import_file);
    html! {
        <section class="ca-transfer" aria-label={t.export_and_import.clone()}>
            <h3>{ t.export_and_import.clone() }</h3>
            <div class="ca-toolbar">
                <button type="button" class="ca-export-json" onclick={move |_: MouseEvent| on_export_json.emit(())}>{ t.export_json.clone() }</button>
                <button type="button" class="ca-export-csv" onclick={move |_: MouseEvent| on_export_csv.emit(())}>{ t.export_csv.clone() }</button>
                <button type="button" class="ca-share" onclick={move |_: MouseEvent| on_share.emit(())}>{ t.share_link.clone() }</button>
                // `ca-file-button`: the browser's own "Choose file" would speak the browser's
                // language, not the reader's, so the input is transparent over its label.
                <label class="ca-import ca-file-button">{ t.import_ellipsis.clone() }
                    <input type="file" class="ca-import-file" accept=".json,.jsonld,application/json,application/ld+json" {onchange} />
                </label>
            </div>
        </section>
    }
}
