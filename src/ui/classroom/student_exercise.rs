//! The student's side: the exercise's article with no key, the annotator to tag claims (naming
//! who makes them), then "Check my work" and "Hand in my work".
//!
//! Invariants:
//! - The student's claims are kept in this browser under the exercise's id, so a reload, or
//!   coming back tomorrow, finds them; nothing leaves the device until the student downloads
//!   the file to hand in.
//! - The file holds the exercise's id and fingerprint, the name (only if the teacher asked for
//!   one), the claims and the time: no e-mail address, nothing about the device.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::effect_when_changed::{use_effect_when_changed, EffectDeps, Teardown};

use super::exercise_article::{use_exercise_article, ExerciseArticleLoading};
use super::exercise_maker::file_name_part;
use super::feedback_view::FeedbackView;
use crate::browser::clock_and_ids::now_ms;
use crate::browser::downloads::offer_download;
use crate::browser::local_store;
use crate::core::claim_scoring::ScoredSpan;
use crate::core::exercise::{
    encode_submission, exercise_fingerprint, student_spans, Exercise, NameRule, Submission,
};
use crate::ui::annotator::{Annotator, AnnotatorMode};
use crate::ui::component_state::{use_component_state, use_component_state_eq};
use crate::ui::locale::use_locale;
use crate::ui::published_claims::PublishedClaims;

#[derive(Properties, PartialEq)]
pub struct StudentExerciseProps {
    pub exercise: Rc<Exercise>,
}

#[function_component(StudentExercise)]
pub fn student_exercise(props: &StudentExerciseProps) -> Html {
    let locale = use_locale();
    let t = &locale.text;
    let exercise = props.exercise.clone();
    let article = use_exercise_article(exercise.clone(), Some(format!("exercise-{}", exercise.id)));
    let published = use_memo((), |_| PublishedClaims::default());
    let checked = use_component_state(|| None::<Rc<Vec<ScoredSpan>>>);
    let name = use_component_state(String::new);
    let problem = use_component_state_eq(|| None::<String>);
    let name_key = format!(
        "{}student-name:{}",
        local_store::STORAGE_KEY_PREFIX,
        exercise.id
    );
    {
        let (name, name_key) = (name.clone(), name_key.clone());
        use_effect_when_changed(
            EffectDeps::new(()),
            Box::new(move || {
                if let Ok(Some(stored)) = local_store::read(&name_key) {
                    name.set(stored);
                }
                Teardown::NONE
            }),
        );
    }
    let on_name = {
        let name = name.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                let _ = local_store::write(&name_key, &input.value());
                name.set(input.value());
            }
        })
    };
    let spans = {
        let published = published.clone();
        move || -> Vec<ScoredSpan> {
            published
                .current()
                .map(|(state, _)| student_spans(state.annotations()))
                .unwrap_or_default()
        }
    };
    let check = {
        let checked = checked.clone();
        let spans = spans.clone();
        Callback::from(move |_: MouseEvent| checked.set(Some(Rc::new(spans()))))
    };
    let hand_in = {
        let exercise = exercise.clone();
        let name = name.clone();
        let problem = problem.clone();
        let type_name_first = t.type_name_first.clone();
        Callback::from(move |_: MouseEvent| {
            let typed = name.trim().to_string();
            if exercise.settings.name == NameRule::Required && typed.is_empty() {
                problem.set(Some(type_name_first.clone()));
                return;
            }
            problem.set(None);
            let display_name = (exercise.settings.name != NameRule::NotAsked && !typed.is_empty())
                .then_some(typed.clone());
            let submission = Submission {
                exercise_id: exercise.id.clone(),
                exercise_fingerprint: exercise_fingerprint(&exercise),
                display_name,
                claims: spans(),
                submitted_ms: now_ms(),
            };
            let who = if typed.is_empty() {
                "anonymous".to_string()
            } else {
                file_name_part(&typed)
            };
            offer_download(
                &format!("answer-{who}-{}.json", file_name_part(&exercise.title)),
                "application/json",
                &encode_submission(&submission),
            );
        })
    };
    let try_again = {
        let checked = checked.clone();
        Callback::from(move |()| checked.set(None))
    };
    let name_field = (exercise.settings.name != NameRule::NotAsked).then(|| {
        let label = if exercise.settings.name == NameRule::Required {
            t.name_required_label.clone()
        } else {
            t.name_optional_label.clone()
        };
        html! {
            <label class="ca-field ca-student-name">{ label }
                <input type="text" autocomplete="off" value={(*name).clone()} oninput={on_name} />
            </label>
        }
    });
    let actions = html! {
        <section class="ca-student-actions" aria-label={t.your_work.clone()}>
            { name_field }
            <div class="ca-toolbar">
                <button type="button" class="ca-check-work" onclick={check}>{ t.check_work.clone() }</button>
                <button type="button" class="ca-hand-in" onclick={hand_in.clone()}>{ t.hand_in.clone() }</button>
            </div>
            if let Some(message) = (*problem).clone() { <p class="ca-notice" role="alert">{ message }</p> }
        </section>
    };
    let body = match article {
        ExerciseArticleLoading::Loading => {
            html! { <p class="ca-status" role="status">{ t.loading_exercise.clone() }</p> }
        }
        ExerciseArticleLoading::Failed(message) => {
            html! { <p class="ca-error" role="alert">{ message }</p> }
        }
        ExerciseArticleLoading::Ready(loaded) => match (*checked).clone() {
            Some(student) => html! {
                <FeedbackView exercise={exercise.clone()} article={loaded.article.clone()} {student}
                    on_try_again={try_again} on_hand_in={hand_in} />
            },
            None => html! {
                <Annotator article={loaded} mode={AnnotatorMode::Student} published={(*published).clone()}>
                    { actions }
                </Annotator>
            },
        },
    };
    html! {
        <div class="ca-student">
            <h2 class="ca-exercise-heading">{ exercise.title.clone() }</h2>
            <p class="ca-help">{ t.student_help.clone() }</p>
            { body }
        </div>
    }
}
