//! "Needs review": the claims whose anchoring is not certain (their words changed, the evidence
//! for their place is weak, or they were not found), each with Accept, Re-attach and Delete.
//!
//! Invariants:
//! - Like the claims list, it draws a page at a time (`core::claim_list_window`) and says how
//!   many are not listed yet; "Show more claims" lists a page more and moves focus to the first
//!   new item's first button. The heading counts every claim needing review.
//! - It takes a change to the claims at once, unlike the claims list: the reader works through
//!   this list, and the item they accepted or deleted must leave it in the same frame.
//! - It is drawn by the panel, not a component of its own: the panel re-renders on every change
//!   anyway (its counts), and a component would cost its own copy of Yew's code (about 1.2 KB
//!   gzip, measured).

use yew::prelude::*;

use super::{review_item, show_more_line, ClaimsPanelProps};
use crate::core::annotation::Annotation;
use crate::core::claim_list_window::ClaimListWindow;
use crate::core::locale::Locale;
use crate::ui::store::StoreHandle;

/// Why a page at a time: after a correction that changed many claims' words, every claim left
/// to review was rebuilt on every change. With 1,000 of them, accepting one took 43 ms to the
/// next frame; a page at a time, 11 ms (`CHANGE_EVERY=1 node bench/many-claims.mjs`, December
/// 2026).
pub fn review_list(
    props: &ClaimsPanelProps,
    locale: &Locale,
    window: &StoreHandle<ClaimListWindow>,
    list: NodeRef,
) -> Html {
    let t = &locale.text;
    let for_review = || {
        props
            .annotations
            .annotations()
            .iter()
            .map(|annotation| &**annotation)
            .filter(|annotation: &&Annotation| annotation.anchor.needs_review())
    };
    let count = for_review().count();
    if count == 0 {
        return Html::default();
    }
    let shown = window.state.shown(count);
    html! {
        <section class="ca-review" aria-label={t.needs_review_label.clone()}>
            <h3>{ locale.fill(&t.needs_review, &[("count", &locale.integer(count))]) }</h3>
            if !props.read_only {
                <ul ref={list}>{ for for_review().take(shown).map(|annotation| review_item(props, annotation, locale)) }</ul>
                { show_more_line(locale, window, count) }
            }
        </section>
    }
}
