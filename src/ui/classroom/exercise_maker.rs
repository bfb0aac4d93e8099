//! The teacher's exercise, at the top of the claims panel: its title and settings, and the ways
//! to send it (a file, a link), see the class's results, or try it as a student would.
//!
//! Invariant: the key sent is the claims on screen at that moment; claims whose words are no
//! longer in the article (orphans) are left out, and the teacher is told how many.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::downloads::offer_download;
use crate::browser::location_fragment::link_with_fragment;
use crate::core::exercise::{
    encode_exercise_file, encode_exercise_fragment, Exercise, FeedbackMode, NameRule,
};
use crate::ui::component_state::use_component_state_eq;
use crate::ui::locale::use_locale;
use crate::ui::published_claims::PublishedClaims;

#[derive(Properties, PartialEq)]
pub struct ExerciseMakerProps {
    /// The exercise's title, settings and id (its key comes from the claims on screen).
    pub draft: Exercise,
    pub on_change: Callback<Exercise>,
    pub published: PublishedClaims,
    pub on_results: Callback<Rc<Exercise>>,
    pub on_try_as_student: Callback<Rc<Exercise>>,
}

#[function_component(ExerciseMaker)]
pub fn exercise_maker(props: &ExerciseMakerProps) -> Html {
    let locale = use_locale();
    let t = &locale.text;
    let link = use_component_state_eq(|| None::<String>);
    let notice = use_component_state_eq(|| None::<String>);
    // The exercise with the claims on screen as its key.
    let current = {
        let draft = props.draft.clone();
        let published = props.published.clone();
        let notice = notice.clone();
        let locale = locale.clone();
        move || -> Option<Exercise> {
            let (state, _) = published.current()?;
            let (exercise, left_out) = draft.with_key_from(state.annotations());
            notice.set(
                (left_out > 0).then(|| locale.count(&locale.text.left_out_of_key, left_out, &[])),
            );
            Some(exercise)
        }
    };
    let changed = |update: fn(&mut Exercise, String)| {
        let draft = props.draft.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| {
            let value = event
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .map(|input| input.value())
                .or_else(|| {
                    event
                        .target_dyn_into::<web_sys::HtmlSelectElement>()
                        .map(|select| select.value())
                })
                .unwrap_or_default();
            let mut draft = draft.clone();
            update(&mut draft, value);
            on_change.emit(draft);
        })
    };
    let on_title = changed(|draft, value| draft.title = value);
    let on_feedback = changed(|draft, value| {
        draft.settings.feedback = if value == "report" {
            FeedbackMode::TeacherReportOnly
        } else {
            FeedbackMode::AfterChecking
        }
    });
    let on_name = changed(|draft, value| {
        draft.settings.name = match value.as_str() {
            "optional" => NameRule::Optional,
            "none" => NameRule::NotAsked,
            _ => NameRule::Required,
        }
    });
    let download = {
        let current = current.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(exercise) = current() {
                offer_download(
                    &format!("exercise-{}.json", file_name_part(&exercise.title)),
                    "application/json",
                    &encode_exercise_file(&exercise),
                );
            }
        })
    };
    let make_link = {
        let current = current.clone();
        let link = link.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(exercise) = current() {
                link.set(link_with_fragment(&encode_exercise_fragment(&exercise)));
            }
        })
    };
    let results = {
        let current = current.clone();
        let on_results = props.on_results.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(exercise) = current() {
                on_results.emit(Rc::new(exercise));
            }
        })
    };
    let try_it = {
        let on_try = props.on_try_as_student.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(exercise) = current() {
                on_try.emit(Rc::new(exercise));
            }
        })
    };
    let select_all = Callback::from(|event: FocusEvent| {
        if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
            input.select();
        }
    });
    let settings = &props.draft.settings;
    html! {
        <section class="ca-exercise-maker" aria-label={t.exercise_heading.clone()}>
            <h3>{ t.exercise_heading.clone() }</h3>
            <label class="ca-field">{ t.exercise_title.clone() }
                <input type="text" class="ca-exercise-title" value={props.draft.title.clone()} onchange={on_title} />
            </label>
            <label class="ca-field">{ t.exercise_feedback.clone() }
                <select class="ca-exercise-feedback" onchange={on_feedback}>
                    <option value="after" selected={settings.feedback == FeedbackMode::AfterChecking}>{ t.feedback_after_checking.clone() }</option>
                    <option value="report" selected={settings.feedback == FeedbackMode::TeacherReportOnly}>{ t.feedback_report_only.clone() }</option>
                </select>
            </label>
            <label class="ca-field">{ t.exercise_name.clone() }
                <select class="ca-exercise-name" onchange={on_name}>
                    <option value="required" selected={settings.name == NameRule::Required}>{ t.name_required.clone() }</option>
                    <option value="optional" selected={settings.name == NameRule::Optional}>{ t.name_optional.clone() }</option>
                    <option value="none" selected={settings.name == NameRule::NotAsked}>{ t.name_not_asked.clone() }</option>
                </select>
            </label>
            <div class="ca-toolbar">
                <button type="button" class="ca-exercise-download" onclick={download}>{ t.download_exercise.clone() }</button>
                <button type="button" class="ca-exercise-link" onclick={make_link}>{ t.make_link.clone() }</button>
                <button type="button" class="ca-exercise-results" onclick={results}>{ t.class_results.clone() }</button>
                <button type="button" class="ca-exercise-try" onclick={try_it}>{ t.try_as_student.clone() }</button>
            </div>
            if let Some(message) = (*notice).clone() { <p class="ca-notice" role="status">{ message }</p> }
            if let Some(link) = (*link).clone() {
                <div class="ca-notice" role="status">
                    <p>{ locale.fill(&t.exercise_link_notice, &[("count", &locale.integer(link.chars().count()))]) }</p>
                    <input class="ca-exercise-link-text" type="text" readonly=true value={link} aria-label={t.exercise_link_label.clone()} onfocus={select_all} />
                </div>
            }
        </section>
    }
}

/// A title as part of a file name: letters and digits, the rest as dashes.
pub fn file_name_part(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|ch| {
            if ch.is_alphanumeric() {
                ch.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let trimmed: Vec<&str> = cleaned
        .split('-')
        .filter(|part| !part.is_empty())
        .take(6)
        .collect();
    if trimmed.is_empty() {
        "untitled".into()
    } else {
        trimmed.join("-")
    }
}
