//! The article, drawn as blocks of runs; highlighted runs are `<mark>`s that open their claims
//! (a click is hit-tested by the own-copy surface, `browser::article_surface::own_copy`; Enter
//! or Space on a focused highlight opens it here).
//!
//! Invariants:
//! - Every run element carries `data-ca-start`/`data-ca-end` (its code-point range in the source
//!   text) and contains exactly that text and nothing else, which is what
//!   [`crate::browser::dom_text_position`] relies on to map the reader's selection back to
//!   positions. Tag labels are drawn by CSS from attributes, so they are never part of the text.
//! - Each block is its own component whose props are the highlights touching it, compared by
//!   value (they name them by position in the article's one list, so nothing is copied per
//!   block): a change to one claim re-renders only the blocks that claim touches, so adding a
//!   highlight costs the same with a thousand others on the page.

use std::rc::Rc;

use web_sys::DomRect;
use yew::prelude::*;

use super::annotation_editor::preview;
use super::locale::{use_locale, Locale};
use crate::core::article::{Article, BlockKind, PieceRole};
use crate::core::char_range::CharRange;
use crate::core::drawn_highlight::DrawnHighlight;
use crate::core::segments::{segment_piece, Segment};
use crate::core::shared::Shared;

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
    /// What to draw over the text, in reading order (claims, or feedback in the classroom).
    pub highlights: Shared<Vec<DrawnHighlight>>,
    /// The claim that was just chosen in the panel, drawn with a brief pulse.
    #[prop_or_default]
    pub flashing: Option<String>,
    /// Selecting with the keyboard: the reading cursor and the selection so far.
    #[prop_or_default]
    pub keyboard: KeyboardMarks,
    /// The article takes focus (Tab reaches it; Enter starts selecting with the keyboard).
    #[prop_or_default]
    pub focusable: bool,
    pub on_open: Callback<OpenRequest>,
}

/// The keyboard's reading cursor and selection, drawn over the text.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct KeyboardMarks {
    pub cursor: Option<CharRange>,
    pub selecting: Option<CharRange>,
}

impl KeyboardMarks {
    /// The marks that touch `block` (none for the others, so their blocks do not re-render).
    fn within(&self, block: CharRange) -> KeyboardMarks {
        let touches = |range: &CharRange| range.overlaps(&block);
        KeyboardMarks {
            cursor: self.cursor.filter(touches),
            selecting: self.selecting.filter(touches),
        }
    }

    fn is_active(&self) -> bool {
        self.cursor.is_some()
    }
}

#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let locale = use_locale();
    let per_block = highlights_by_block(&props.article, &props.highlights);
    // While selecting, the article is an application to screen readers, so their arrow keys
    // reach the reading cursor; otherwise they browse it as text.
    let role = props.keyboard.is_active().then_some("application");
    html! {
        <article class="ca-article" aria-label={locale.text.article_label.clone()} {role}
            tabindex={props.focusable.then_some("0")}
            aria-roledescription={props.keyboard.is_active().then(|| locale.text.selecting_status.clone())}>
            { for per_block.into_iter().enumerate().map(|(index, touching)| {
                let highlights = BlockHighlights { all: props.highlights.clone(), touching: Rc::new(touching) };
                let flashing = props.flashing.clone().filter(|id| highlights.iter().any(|highlight| &highlight.id == id));
                let keyboard = props.keyboard.within(props.article.blocks[index].range());
                html! {
                    <BlockView key={index} article={props.article.clone()} {index} {highlights}
                        {flashing} {keyboard} on_open={props.on_open.clone()} />
                }
            }) }
        </article>
    }
}

/// For each block, the positions in `highlights` of those overlapping it, in reading order.
fn highlights_by_block(article: &Article, highlights: &[DrawnHighlight]) -> Vec<Vec<usize>> {
    let block_ranges: Vec<CharRange> = article.blocks.iter().map(|block| block.range()).collect();
    let mut per_block: Vec<Vec<usize>> = vec![Vec::new(); block_ranges.len()];
    for (position, highlight) in highlights.iter().enumerate() {
        let first = block_ranges.partition_point(|block| block.end <= highlight.range.start);
        for (index, block) in block_ranges.iter().enumerate().skip(first) {
            if block.start >= highlight.range.end {
                break;
            }
            if block.overlaps(&highlight.range) {
                per_block[index].push(position);
            }
        }
    }
    per_block
}

/// The highlights touching one block: positions in the article's list, not copies, so that a
/// change with a thousand claims does not copy and drop every highlight on the way to its
/// blocks. Equal when the highlights they name are equal, wherever they are in their lists:
/// a block re-renders only when its own highlights changed.
#[derive(Clone)]
struct BlockHighlights {
    all: Shared<Vec<DrawnHighlight>>,
    touching: Rc<Vec<usize>>,
}

impl BlockHighlights {
    fn iter(&self) -> impl Iterator<Item = &DrawnHighlight> {
        self.touching.iter().map(|&position| &self.all[position])
    }

    /// The `index`th highlight touching the block.
    fn get(&self, index: usize) -> Option<&DrawnHighlight> {
        self.touching
            .get(index)
            .map(|&position| &self.all[position])
    }
}

impl PartialEq for BlockHighlights {
    fn eq(&self, other: &BlockHighlights) -> bool {
        self.touching.len() == other.touching.len() && self.iter().eq(other.iter())
    }
}

#[derive(Properties, PartialEq)]
struct BlockViewProps {
    article: Shared<Article>,
    index: usize,
    highlights: BlockHighlights,
    flashing: Option<String>,
    keyboard: KeyboardMarks,
    on_open: Callback<OpenRequest>,
}

#[function_component(BlockView)]
fn block_view(props: &BlockViewProps) -> Html {
    let locale = use_locale();
    let block = &props.article.blocks[props.index];
    // The keyboard's marks cut runs too, after the highlights, so a run is entirely in or out.
    let ranges: Vec<CharRange> = props
        .highlights
        .iter()
        .map(|highlight| highlight.range)
        .chain(props.keyboard.selecting)
        .chain(props.keyboard.cursor)
        .collect();
    let pieces: Html = block
        .pieces
        .iter()
        .map(|piece| {
            let class = match piece.role {
                PieceRole::Text => "ca-piece",
                PieceRole::Label => "ca-piece ca-piece-label",
                PieceRole::PhotoCredit => "ca-piece ca-piece-credit",
            };
            let runs: Html = segment_piece(piece.range, &ranges)
                .iter()
                .map(|segment| render_run(props, segment, &locale))
                .collect();
            html! { <span {class}>{ runs }</span> }
        })
        .collect();
    match &block.kind {
        BlockKind::Standfirst => {
            html! { <p class="ca-block ca-standfirst" dir="auto">{ pieces }</p> }
        }
        BlockKind::Figure { alt_text } => html! {
            <figure class="ca-block ca-figure" aria-label={locale.fill(&locale.text.photo_label, &[("alt", alt_text)])}>
                <figcaption dir="auto" data-ca-label={locale.text.photo_caption_label.clone()}>{ pieces }</figcaption>
            </figure>
        },
        BlockKind::Paragraph => {
            html! { <p class="ca-block ca-paragraph" dir="auto">{ pieces }</p> }
        }
        BlockKind::Subheading => {
            html! { <h3 class="ca-block ca-subheading" dir="auto">{ pieces }</h3> }
        }
        BlockKind::RelatedLink => {
            html! { <aside class="ca-block ca-related" dir="auto" aria-label={locale.text.related_story_label.clone()}>{ pieces }</aside> }
        }
        BlockKind::SourceCredit => {
            html! { <p class="ca-block ca-source-credit" dir="auto">{ pieces }</p> }
        }
    }
}

fn render_run(props: &BlockViewProps, segment: &Segment, locale: &Locale) -> Html {
    let text = props.article.text.slice(segment.range).to_string();
    let start = segment.range.start.to_string();
    let end = segment.range.end.to_string();
    let inside = |range: Option<CharRange>| {
        range.is_some_and(|range| {
            range.start <= segment.range.start && segment.range.end <= range.end
        })
    };
    let keyboard_class = classes!(
        inside(props.keyboard.selecting).then_some("ca-keyboard-selection"),
        inside(props.keyboard.cursor).then_some("ca-reading-cursor"),
    );
    let covering: Vec<&DrawnHighlight> = segment
        .covering
        .iter()
        .filter_map(|&index| props.highlights.get(index))
        .collect();
    if covering.is_empty() {
        let class = (!keyboard_class.is_empty()).then_some(keyboard_class);
        return html! { <span {class} data-ca-start={start} data-ca-end={end}>{ text }</span> };
    }
    // The innermost claim (the one that starts last) gives the colour; the others show as layers.
    let top = covering
        .iter()
        .max_by_key(|highlight| {
            (
                highlight.range.start,
                std::cmp::Reverse(highlight.range.end),
            )
        })
        .expect("covering is not empty");
    let ids: Vec<String> = covering
        .iter()
        .map(|highlight| highlight.id.clone())
        .collect();
    let ending_labels: Vec<&str> = covering
        .iter()
        .filter(|highlight| highlight.range.end == segment.range.end)
        .map(|highlight| highlight.label.as_str())
        .collect();
    let starts_a_claim = covering
        .iter()
        .any(|highlight| highlight.range.start == segment.range.start);
    let is_flashing = props
        .flashing
        .as_ref()
        .is_some_and(|flashing| ids.contains(flashing));
    let class = classes!(
        "ca-highlight",
        top.class,
        keyboard_class,
        (covering.len() > 1).then_some("ca-highlight-layered"),
        (!ending_labels.is_empty()).then_some("ca-highlight-end"),
        is_flashing.then_some("ca-highlight-flash"),
        covering
            .iter()
            .any(|highlight| highlight.flagged)
            .then_some("ca-highlight-review"),
    );
    // A screen reader hears each claim once, where it starts, as "Allegation: its words"; the
    // rest of its runs are hidden from it (their words were in that label).
    let starting: Vec<&&DrawnHighlight> = covering
        .iter()
        .filter(|highlight| highlight.range.start == segment.range.start)
        .collect();
    let spoken = starting
        .iter()
        .max_by_key(|highlight| highlight.range.len())
        .map(|longest| {
            let tags = starting
                .iter()
                .map(|highlight| highlight.label.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let words = preview(props.article.text.slice(longest.range));
            locale.fill(
                &locale.text.highlight_label,
                &[("tags", &tags), ("text", &words)],
            )
        });
    let open = {
        let on_open = props.on_open.clone();
        let ids = ids.clone();
        // Yew delegates events, so `current_target` is the widget's root, not this run: the
        // run is found from the event's own target instead.
        move |target: Option<web_sys::EventTarget>| {
            use wasm_bindgen::JsCast;
            let run = target
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                .and_then(|element| element.closest("[data-ca-ids]").ok().flatten());
            if let Some(run) = run {
                on_open.emit(OpenRequest {
                    ids: ids.clone(),
                    rect: run.get_bounding_client_rect(),
                });
            }
        }
    };
    let onkeydown = Callback::from(move |event: KeyboardEvent| {
        if event.key() == "Enter" || event.key() == " " {
            event.prevent_default();
            open(event.target());
        }
    });
    html! {
        <mark {class} data-ca-start={start} data-ca-end={end} data-ca-ids={ids.join(" ")}
            data-ca-layers={covering.len().to_string()}
            data-ca-end-labels={(!ending_labels.is_empty()).then(|| ending_labels.join(" \u{b7} "))}
            tabindex={starts_a_claim.then_some("0")} role={starts_a_claim.then_some("button")}
            aria-label={spoken} aria-hidden={(!starts_a_claim).then_some("true")}
            {onkeydown}>{ text }</mark>
    }
}

#[cfg(test)]
mod tests;
