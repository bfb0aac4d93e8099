//! The claims panel: every claim in reading order with its tag, quote and note, counts per tag,
//! a filter, and a "needs review" list for claims whose words could not be found.

use yew::prelude::*;

use super::annotation_editor::preview;
use super::shared::Shared;
use crate::core::annotation::Annotation;
use crate::core::annotation_state::AnnotationState;
use crate::core::tag::Tag;

#[derive(Properties, PartialEq)]
pub struct ClaimsPanelProps {
    pub annotations: Shared<AnnotationState>,
    pub filter: Option<Tag>,
    pub on_filter: Callback<Option<Tag>>,
    /// Scroll to the claim's highlight, mark it briefly and open it.
    pub on_choose: Callback<String>,
    /// Only offered for claims that need review; others are deleted from their editor.
    pub on_delete: Callback<String>,
}

#[function_component(ClaimsPanel)]
pub fn claims_panel(props: &ClaimsPanelProps) -> Html {
    let all = props.annotations.annotations();
    let anchored: Vec<&Annotation> = all
        .iter()
        .filter(|annotation| annotation.is_anchored())
        .collect();
    let orphans: Vec<&Annotation> = all
        .iter()
        .filter(|annotation| !annotation.is_anchored())
        .collect();
    let listed: Vec<&Annotation> = anchored
        .iter()
        .copied()
        .filter(|annotation| props.filter.is_none_or(|tag| annotation.tag == tag))
        .collect();
    let filter_button = |tag: Option<Tag>, label: String| {
        let on_filter = props.on_filter.clone();
        let pressed = props.filter == tag;
        let class = classes!(
            "ca-filter",
            tag.map(|tag| format!("ca-tag-{}", tag.keyword()))
        );
        html! { <button type="button" {class} aria-pressed={pressed.to_string()} onclick={move |_: MouseEvent| on_filter.emit(tag)}>{ label }</button> }
    };
    let counts = props.annotations.count_by_tag();
    html! {
        <aside class="ca-panel" aria-label="Claims">
            <h2 class="ca-panel-title">{ "Claims " }<span class="ca-count">{ format!("({})", anchored.len()) }</span></h2>
            <div class="ca-filters" role="group" aria-label="Show claims tagged">
                { filter_button(None, format!("All {}", all.len())) }
                { for counts.iter().map(|&(tag, count)| filter_button(Some(tag), format!("{} {count}", tag.label()))) }
            </div>
            if anchored.is_empty() {
                <p class="ca-empty">{ "Select words in the article to tag a claim as an allegation, a denial or a demand." }</p>
            } else if listed.is_empty() {
                <p class="ca-empty">{ "No claims have this tag yet." }</p>
            }
            <ol class="ca-claims">
                { for listed.iter().map(|annotation| {
                    let on_choose = props.on_choose.clone();
                    let id = annotation.id.clone();
                    html! {
                        <li class="ca-claim" key={annotation.id.clone()} data-ca-id={annotation.id.clone()}>
                            <button type="button" class="ca-claim-button" onclick={move |_: MouseEvent| on_choose.emit(id.clone())}>
                                <span class={classes!("ca-chip", format!("ca-tag-{}", annotation.tag.keyword()))}>{ annotation.tag.label() }</span>
                                <q class="ca-claim-quote" dir="auto">{ preview(&annotation.quote.exact) }</q>
                            </button>
                            if !annotation.note.is_empty() {
                                <p class="ca-claim-note" dir="auto">{ annotation.note.clone() }</p>
                            }
                        </li>
                    }
                }) }
            </ol>
            if !orphans.is_empty() {
                <section class="ca-review" aria-label="Needs review">
                    <h3>{ format!("Needs review ({})", orphans.len()) }</h3>
                    <p class="ca-review-help">{ "The words of these claims are no longer in the article. They are kept until you delete them." }</p>
                    <ul>
                        { for orphans.iter().map(|annotation| {
                            let on_delete = props.on_delete.clone();
                            let id = annotation.id.clone();
                            html! {
                                <li class="ca-orphan" key={annotation.id.clone()}>
                                    <span class={classes!("ca-chip", format!("ca-tag-{}", annotation.tag.keyword()))}>{ annotation.tag.label() }</span>
                                    <q dir="auto">{ preview(&annotation.quote.exact) }</q>
                                    if !annotation.note.is_empty() { <p class="ca-claim-note" dir="auto">{ annotation.note.clone() }</p> }
                                    <button type="button" class="ca-delete" onclick={move |_: MouseEvent| on_delete.emit(id.clone())}>{ "Delete" }</button>
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }
        </aside>
    }
}
