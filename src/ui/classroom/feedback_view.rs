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
use crate::core::drawn_highlight::DrawnHighlight;
use crate::core::exercise::{Exercise, FeedbackMode};
use crate::core::messages::Messages;
use crate::core::shared::Shared;
use crate::ui::annotation_editor::preview;
use crate::ui::article_view::ArticleView;
use crate::ui::component_state::use_component_state_eq;
use crate::ui::locale::use_locale;

#[derive(Properties, PartialEq)]
pub struct FeedbackViewProps {
    pub exercise: Rc<Exercise>,
    pub article: Shared<Article>,
    pub student: Rc<Vec<ScoredSpan>>,
    pub on_try_again: Callback<()>,
    pub on_hand_in: Callback<MouseEvent>,
}

/// One feedback category: its class, and its label (a symbol and a word) from the table.
#[derive(Clone, Copy)]
enum Category {
    Found,
    WrongTag,
    Partly,
    Missed,
    Extra,
}

impl Category {
    fn class(self) -> &'static str {
        match self {
            Category::Found => "ca-feedback-found",
            Category::WrongTag => "ca-feedback-wrong-tag",
            Category::Partly => "ca-feedback-partly",
            Category::Missed => "ca-feedback-missed",
            Category::Extra => "ca-feedback-extra",
        }
    }

    fn label(self, text: &Messages) -> String {
        match self {
            Category::Found => text.feedback_found.clone(),
            Category::WrongTag => text.feedback_wrong_tag.clone(),
            Category::Partly => text.feedback_partly.clone(),
            Category::Missed => text.feedback_missed.clone(),
            Category::Extra => text.feedback_extra.clone(),
        }
    }
}

#[function_component(FeedbackView)]
pub fn feedback_view(props: &FeedbackViewProps) -> Html {
    let locale = use_locale();
    let t = &locale.text;
    let show_key = use_component_state_eq(|| false);
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
            <button type="button" class="ca-try-again" onclick={try_again}>{ t.try_again.clone() }</button>
            if allowed {
                <button type="button" class="ca-show-key" aria-pressed={show_key.to_string()}
                    onclick={let show_key = show_key.clone(); move |_: MouseEvent| show_key.set(!*show_key)}>
                    { t.show_key.clone() }
                </button>
            }
            <button type="button" class="ca-hand-in" onclick={props.on_hand_in.clone()}>{ t.hand_in.clone() }</button>
        </div>
    };
    if !allowed {
        return html! {
            <section class="ca-feedback" aria-label={t.your_work.clone()}>
                <p class="ca-notice" role="status">{ locale.count(&t.report_only_notice, props.student.len(), &[]) }</p>
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
            KeyClaimOutcome::Found { student } => (Category::Found, Some(*student)),
            KeyClaimOutcome::WrongTag { student } => (Category::WrongTag, Some(*student)),
            KeyClaimOutcome::PartlyFound { student } => (Category::Partly, Some(*student)),
            KeyClaimOutcome::Missed => (Category::Missed, None),
        };
        let shown_range = student
            .map(|index| props.student[index].range)
            .or((*show_key).then_some(claim.range));
        if let Some(range) = shown_range {
            highlights.push(DrawnHighlight {
                id: format!("key-{index}"),
                range,
                class: category.class(),
                label: category.label(t),
                flagged: false,
            });
        }
        let detail = match (outcome, student) {
            (KeyClaimOutcome::WrongTag { .. }, Some(student)) => locale.fill(
                &t.feedback_you_tagged_tag,
                &[
                    ("yours", &locale.tag(&props.student[student].tag)),
                    ("key", &locale.tag(&claim.tag)),
                ],
            ),
            (KeyClaimOutcome::PartlyFound { .. }, Some(student)) => locale.fill(
                &t.feedback_you_tagged_text,
                &[
                    ("yours", &preview(text.slice(props.student[student].range))),
                    ("key", &preview(&claim.quote)),
                ],
            ),
            _ => String::new(),
        };
        let speaker = match (
            &claim.speaker,
            student.and_then(|index| props.student[index].speaker.clone()),
        ) {
            (Some(key_speaker), Some(named)) if same_speaker(key_speaker, &named) => {
                locale.fill(&t.feedback_speaker_right, &[("speaker", key_speaker)])
            }
            (Some(key_speaker), Some(named)) => locale.fill(
                &t.feedback_speaker_wrong,
                &[("yours", &named), ("key", key_speaker)],
            ),
            (Some(key_speaker), None) if student.is_some() || *show_key => {
                locale.fill(&t.feedback_speaker, &[("speaker", key_speaker)])
            }
            _ => String::new(),
        };
        let visible_quote = student.is_some() || *show_key;
        items.push(html! {
            <li class={classes!("ca-feedback-item", category.class())}>
                <span class="ca-feedback-label">{ category.label(t) }</span>{ " " }
                <span class={classes!("ca-chip", claim.tag.css_class())}>{ locale.tag(&claim.tag) }</span>
                if visible_quote { <q dir="auto">{ preview(&claim.quote) }</q> } else { <span>{ t.feedback_hidden_claim.clone() }</span> }
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
            class: Category::Extra.class(),
            label: Category::Extra.label(t),
            flagged: false,
        });
        items.push(html! {
            <li class={classes!("ca-feedback-item", Category::Extra.class())}>
                <span class="ca-feedback-label">{ Category::Extra.label(t) }</span>{ " " }
                <span class={classes!("ca-chip", span.tag.css_class())}>{ locale.tag(&span.tag) }</span>
                <q dir="auto">{ preview(text.slice(span.range)) }</q>
                <p>{ t.feedback_no_key_claim.clone() }</p>
            </li>
        });
    }
    highlights.sort_by_key(|highlight| (highlight.range.start, highlight.range.end));
    let measure_row = |name: String, measure: &Measure| {
        html! {
            <tr><th scope="row">{ name }</th><td>{ locale.ratio(measure.precision) }</td><td>{ locale.ratio(measure.recall) }</td><td>{ locale.ratio(measure.f1) }</td></tr>
        }
    };
    html! {
        <section class="ca-feedback" aria-label={t.work_checked.clone()}>
            <h3>{ t.your_score.clone() }</h3>
            <table class="ca-score">
                <thead><tr><td></td><th scope="col">{ t.precision.clone() }</th><th scope="col">{ t.recall.clone() }</th><th scope="col">{ t.f1.clone() }</th></tr></thead>
                <tbody>
                    { measure_row(t.with_right_tags.clone(), &score.with_tags) }
                    { measure_row(t.found_any_tag.clone(), &score.without_tags) }
                    { for score.per_tag.iter().map(|(tag, measure)| measure_row(locale.tag(tag), measure)) }
                </tbody>
            </table>
            if let Some(accuracy) = score.speaker_accuracy {
                <p class="ca-speaker-accuracy">{ locale.fill(&t.speaker_accuracy, &[("value", &locale.ratio(accuracy))]) }</p>
            }
            <p class="ca-help">{ t.score_help.clone() }</p>
            { hand_in_row }
            <div class="ca-layout">
                <div class="ca-article-column">
                    <ArticleView article={props.article.clone()} highlights={Shared::new(highlights)} on_open={Callback::noop()} />
                </div>
                <aside class="ca-panel" aria-label={t.feedback_each_claim.clone()}>
                    <h3>{ t.claim_by_claim.clone() }</h3>
                    <ul class="ca-feedback-list">{ for items }</ul>
                </aside>
            </div>
        </section>
    }
}
