//! "Check my work": the student's score and feedback on every claim, on the article and in a
//! list. Each claim is found, found with the wrong tag, partly found, missed or extra; each
//! category has a colour and, so colour is never the only cue, a symbol and a word written
//! after the highlight.
//!
//! Invariants:
//! - Missed key claims (their words) and the teacher's explanations are shown only when the
//!   teacher allowed feedback, and the key's words only after "Show the key".
//! - When the teacher wants results only in their report, the student sees no score.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::article::Article;
use crate::core::claim_scoring::{
    classify_claims, same_speaker, score_claims, KeyClaimOutcome, Measure, ScoredSpan,
};
use crate::core::class_results::format_ratio;
use crate::core::drawn_highlight::DrawnHighlight;
use crate::core::exercise::{Exercise, FeedbackMode};
use crate::core::shared::Shared;
use crate::ui::annotation_editor::preview;
use crate::ui::article_view::ArticleView;

#[derive(Properties, PartialEq)]
pub struct FeedbackViewProps {
    pub exercise: Rc<Exercise>,
    pub article: Shared<Article>,
    pub student: Rc<Vec<ScoredSpan>>,
    pub on_try_again: Callback<()>,
    pub on_hand_in: Callback<MouseEvent>,
}

/// One feedback category: its class, its written label, and its symbol.
struct Category {
    class: &'static str,
    label: &'static str,
}

const FOUND: Category = Category {
    class: "ca-feedback-found",
    label: "\u{2713} Found",
};
const WRONG_TAG: Category = Category {
    class: "ca-feedback-wrong-tag",
    label: "\u{2260} Wrong tag",
};
const PARTLY: Category = Category {
    class: "ca-feedback-partly",
    label: "\u{2248} Partly found",
};
const MISSED: Category = Category {
    class: "ca-feedback-missed",
    label: "\u{25cb} Missed",
};
const EXTRA: Category = Category {
    class: "ca-feedback-extra",
    label: "+ Extra",
};

#[function_component(FeedbackView)]
pub fn feedback_view(props: &FeedbackViewProps) -> Html {
    let show_key = use_state_eq(|| false);
    let exercise = &props.exercise;
    let text = &props.article.text;
    let key = exercise.key_spans();
    let allowed = exercise.settings.feedback == FeedbackMode::AfterChecking;
    let try_again = {
        let on_try_again = props.on_try_again.clone();
        Callback::from(move |_: MouseEvent| on_try_again.emit(()))
    };
    let hand_in_row = html! {
        <div class="ca-toolbar">
            <button type="button" class="ca-try-again" onclick={try_again}>{ "Try again" }</button>
            if allowed {
                <button type="button" class="ca-show-key" aria-pressed={show_key.to_string()}
                    onclick={let show_key = show_key.clone(); move |_: MouseEvent| show_key.set(!*show_key)}>
                    { "Show the key" }
                </button>
            }
            <button type="button" class="ca-hand-in" onclick={props.on_hand_in.clone()}>{ "Hand in my work (download)" }</button>
        </div>
    };
    if !allowed {
        return html! {
            <section class="ca-feedback" aria-label="Your work">
                <p class="ca-notice" role="status">{ format!(
                    "You tagged {} claim(s). Your teacher will see how you did in their report: hand in your work when you are ready.",
                    props.student.len()
                ) }</p>
                { hand_in_row }
            </section>
        };
    }
    let score = score_claims(text, &props.student, &key);
    let feedback = classify_claims(text, &props.student, &key);
    let mut highlights: Vec<DrawnHighlight> = Vec::new();
    let mut items: Vec<Html> = Vec::new();
    for (index, (claim, outcome)) in exercise.key.iter().zip(&feedback.key_claims).enumerate() {
        let (category, student) = match outcome {
            KeyClaimOutcome::Found { student } => (&FOUND, Some(*student)),
            KeyClaimOutcome::WrongTag { student } => (&WRONG_TAG, Some(*student)),
            KeyClaimOutcome::PartlyFound { student } => (&PARTLY, Some(*student)),
            KeyClaimOutcome::Missed => (&MISSED, None),
        };
        let shown_range = student
            .map(|index| props.student[index].range)
            .or((*show_key).then_some(claim.range));
        if let Some(range) = shown_range {
            highlights.push(DrawnHighlight {
                id: format!("key-{index}"),
                range,
                class: category.class,
                label: category.label.to_string(),
                flagged: false,
            });
        }
        let detail = match (outcome, student) {
            (KeyClaimOutcome::WrongTag { .. }, Some(student)) => format!(
                "You tagged it {}; the key says {}.",
                props.student[student].tag.label(),
                claim.tag.label()
            ),
            (KeyClaimOutcome::PartlyFound { .. }, Some(student)) => format!(
                "You tagged \u{201C}{}\u{201D}; the claim is \u{201C}{}\u{201D}.",
                preview(text.slice(props.student[student].range)),
                preview(&claim.quote)
            ),
            _ => String::new(),
        };
        let speaker = match (
            &claim.speaker,
            student.and_then(|index| props.student[index].speaker.clone()),
        ) {
            (Some(key_speaker), Some(named)) if same_speaker(key_speaker, &named) => {
                format!("Speaker: {key_speaker} \u{2713}")
            }
            (Some(key_speaker), Some(named)) => {
                format!("You named {named}; the key names {key_speaker}.")
            }
            (Some(key_speaker), None) if student.is_some() || *show_key => {
                format!("Speaker: {key_speaker}")
            }
            _ => String::new(),
        };
        let visible_quote = student.is_some() || *show_key;
        items.push(html! {
            <li class={classes!("ca-feedback-item", category.class)}>
                <span class="ca-feedback-label">{ category.label }</span>{ " " }
                <span class={classes!("ca-chip", claim.tag.css_class())}>{ claim.tag.label() }</span>
                if visible_quote { <q dir="auto">{ preview(&claim.quote) }</q> } else { <span>{ "(a claim of the key: show the key to see it)" }</span> }
                if !detail.is_empty() { <p>{ detail }</p> }
                if !speaker.is_empty() { <p>{ speaker }</p> }
                if visible_quote && !claim.explanation.is_empty() { <p class="ca-explanation" dir="auto">{ claim.explanation.clone() }</p> }
            </li>
        });
    }
    for &index in &feedback.extra {
        let span = &props.student[index];
        highlights.push(DrawnHighlight {
            id: format!("extra-{index}"),
            range: span.range,
            class: EXTRA.class,
            label: EXTRA.label.to_string(),
            flagged: false,
        });
        items.push(html! {
            <li class={classes!("ca-feedback-item", EXTRA.class)}>
                <span class="ca-feedback-label">{ EXTRA.label }</span>{ " " }
                <span class={classes!("ca-chip", span.tag.css_class())}>{ span.tag.label() }</span>
                <q dir="auto">{ preview(text.slice(span.range)) }</q>
                <p>{ "The key has no claim here." }</p>
            </li>
        });
    }
    highlights.sort_by_key(|highlight| (highlight.range.start, highlight.range.end));
    let measure_row = |name: String, measure: &Measure| {
        html! {
            <tr><th scope="row">{ name }</th><td>{ format_ratio(measure.precision) }</td><td>{ format_ratio(measure.recall) }</td><td>{ format_ratio(measure.f1) }</td></tr>
        }
    };
    html! {
        <section class="ca-feedback" aria-label="Your work, checked">
            <h3>{ "Your score" }</h3>
            <table class="ca-score">
                <thead><tr><th scope="col">{ "" }</th><th scope="col">{ "Precision" }</th><th scope="col">{ "Recall" }</th><th scope="col">{ "F1" }</th></tr></thead>
                <tbody>
                    { measure_row("With the right tags".into(), &score.with_tags) }
                    { measure_row("Found the claims (any tag)".into(), &score.without_tags) }
                    { for score.per_tag.iter().map(|(tag, measure)| measure_row(tag.label().to_string(), measure)) }
                </tbody>
            </table>
            if let Some(accuracy) = score.speaker_accuracy {
                <p class="ca-speaker-accuracy">{ format!("Speakers named right, of the claims you found: {}", format_ratio(accuracy)) }</p>
            }
            <p class="ca-help">{ "Precision: how much of what you tagged is in the key. Recall: how much of the key you tagged. F1 combines both (1.0000 is a perfect match)." }</p>
            { hand_in_row }
            <div class="ca-layout">
                <div class="ca-article-column">
                    <ArticleView article={props.article.clone()} highlights={Shared::new(highlights)} on_open={Callback::noop()} />
                </div>
                <aside class="ca-panel" aria-label="Feedback on each claim">
                    <h3>{ "Claim by claim" }</h3>
                    <ul class="ca-feedback-list">{ for items }</ul>
                </aside>
            </div>
        </section>
    }
}
