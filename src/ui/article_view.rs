//! The article, drawn as blocks of runs; highlighted runs are `<mark>`s that open their claims.
//!
//! Invariant: every run element carries `data-ca-start`/`data-ca-end` (its code-point range in the
//! source text) and contains exactly that text and nothing else, which is what
//! [`crate::browser::dom_text_position`] relies on to map the reader's selection back to
//! positions. Tag labels are drawn by CSS from attributes, so they are never part of the text.

use web_sys::DomRect;
use yew::prelude::*;

use super::shared::Shared;
use crate::core::annotation::Annotation;
use crate::core::annotation_state::AnnotationState;
use crate::core::article::{Article, Block, BlockKind, PieceRole};
use crate::core::char_range::CharRange;
use crate::core::segments::{segment_piece, Segment};

/// A reader asked to open the claims covering a run.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenRequest {
    pub ids: Vec<String>,
    /// Where the run is on screen, to place the editor beside it.
    pub rect: DomRect,
}

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub article: Shared<Article>,
    pub annotations: Shared<AnnotationState>,
    /// The claim that was just chosen in the panel, drawn with a brief pulse.
    #[prop_or_default]
    pub flashing: Option<String>,
    pub on_open: Callback<OpenRequest>,
}

#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let shown: Vec<&Annotation> = props
        .annotations
        .annotations()
        .iter()
        .filter(|annotation| annotation.is_drawn())
        .collect();
    let highlight_ranges: Vec<CharRange> =
        shown.iter().map(|annotation| annotation.range).collect();
    let context = RunContext {
        article: &props.article,
        shown: &shown,
        highlight_ranges: &highlight_ranges,
        flashing: props.flashing.as_deref(),
        on_open: &props.on_open,
    };
    html! {
        <article class="ca-article" aria-label="Article">
            { for props.article.blocks.iter().map(|block| render_block(&context, block)) }
        </article>
    }
}

struct RunContext<'a> {
    article: &'a Article,
    shown: &'a [&'a Annotation],
    highlight_ranges: &'a [CharRange],
    flashing: Option<&'a str>,
    on_open: &'a Callback<OpenRequest>,
}

fn render_block(context: &RunContext, block: &Block) -> Html {
    let pieces: Html = block
        .pieces
        .iter()
        .map(|piece| {
            let class = match piece.role {
                PieceRole::Text => "ca-piece",
                PieceRole::Label => "ca-piece ca-piece-label",
                PieceRole::PhotoCredit => "ca-piece ca-piece-credit",
            };
            let runs: Html = segment_piece(piece.range, context.highlight_ranges)
                .iter()
                .map(|segment| render_run(context, segment))
                .collect();
            html! { <span {class}>{ runs }</span> }
        })
        .collect();
    match &block.kind {
        BlockKind::Standfirst => {
            html! { <p class="ca-block ca-standfirst" dir="auto">{ pieces }</p> }
        }
        BlockKind::Figure { alt_text } => html! {
            <figure class="ca-block ca-figure" aria-label={format!("Photo: {alt_text}")}>
                <figcaption dir="auto">{ pieces }</figcaption>
            </figure>
        },
        BlockKind::Paragraph => {
            html! { <p class="ca-block ca-paragraph" dir="auto">{ pieces }</p> }
        }
        BlockKind::Subheading => {
            html! { <h3 class="ca-block ca-subheading" dir="auto">{ pieces }</h3> }
        }
        BlockKind::RelatedLink => {
            html! { <aside class="ca-block ca-related" dir="auto" aria-label="Related story">{ pieces }</aside> }
        }
        BlockKind::SourceCredit => {
            html! { <p class="ca-block ca-source-credit" dir="auto">{ pieces }</p> }
        }
    }
}

fn render_run(context: &RunContext, segment: &Segment) -> Html {
    let text = context.article.text.slice(segment.range).to_string();
    let start = segment.range.start.to_string();
    let end = segment.range.end.to_string();
    if segment.covering.is_empty() {
        return html! { <span data-ca-start={start} data-ca-end={end}>{ text }</span> };
    }
    let covering: Vec<&Annotation> = segment
        .covering
        .iter()
        .map(|&index| context.shown[index])
        .collect();
    // The innermost claim (the one that starts last) gives the colour; the others show as layers.
    let top = covering
        .iter()
        .max_by_key(|annotation| {
            (
                annotation.range.start,
                std::cmp::Reverse(annotation.range.end),
            )
        })
        .expect("covering is not empty");
    let ids: Vec<String> = covering
        .iter()
        .map(|annotation| annotation.id.clone())
        .collect();
    let ending_labels: Vec<&str> = covering
        .iter()
        .filter(|annotation| annotation.range.end == segment.range.end)
        .map(|annotation| annotation.tag.label())
        .collect();
    let starts_a_claim = covering
        .iter()
        .any(|annotation| annotation.range.start == segment.range.start);
    let is_flashing = context
        .flashing
        .is_some_and(|flashing| ids.iter().any(|id| id == flashing));
    let class = classes!(
        "ca-highlight",
        format!("ca-tag-{}", top.tag.keyword()),
        (covering.len() > 1).then_some("ca-highlight-layered"),
        (!ending_labels.is_empty()).then_some("ca-highlight-end"),
        is_flashing.then_some("ca-highlight-flash"),
        covering
            .iter()
            .any(|annotation| annotation.anchor.needs_review())
            .then_some("ca-highlight-review"),
    );
    let label = covering
        .iter()
        .map(|annotation| annotation.tag.label())
        .collect::<Vec<_>>()
        .join(", ");
    let open = {
        let on_open = context.on_open.clone();
        let ids = ids.clone();
        move |target: Option<web_sys::EventTarget>| {
            use wasm_bindgen::JsCast;
            if let Some(element) =
                target.and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            {
                on_open.emit(OpenRequest {
                    ids: ids.clone(),
                    rect: element.get_bounding_client_rect(),
                });
            }
        }
    };
    let onclick = {
        let open = open.clone();
        Callback::from(move |event: MouseEvent| {
            // A drag that ended on a highlight is a new selection, not a click on the claim.
            let selecting = web_sys::window()
                .and_then(|window| window.get_selection().ok().flatten())
                .is_some_and(|selection| !selection.is_collapsed());
            if !selecting {
                open(event.current_target());
            }
        })
    };
    let onkeydown = Callback::from(move |event: KeyboardEvent| {
        if event.key() == "Enter" || event.key() == " " {
            event.prevent_default();
            open(event.current_target());
        }
    });
    html! {
        <mark {class} data-ca-start={start} data-ca-end={end} data-ca-ids={ids.join(" ")}
            data-ca-layers={covering.len().to_string()}
            data-ca-end-labels={(!ending_labels.is_empty()).then(|| ending_labels.join(" \u{b7} "))}
            tabindex={starts_a_claim.then_some("0")} role={starts_a_claim.then_some("button")}
            aria-label={starts_a_claim.then(|| format!("{text} ({label} claim)"))}
            {onclick} {onkeydown}>{ text }</mark>
    }
}
