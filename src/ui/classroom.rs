//! The classroom, with no server and no accounts: a teacher builds an exercise (an answer key
//! of the claims in an article) with the ordinary annotator, and sends it as a file or a link;
//! a student opens it, tags the claims, checks the work against the key and hands in a file;
//! the teacher drops the class's files and sees the results.
//!
//! Everything stays on the devices: the exercise travels in the file or in the link's fragment
//! (which browsers never send to a server), the student's claims in the student's browser, the
//! class's results in the teacher's. Scores, formats and class results are computed by the core
//! (`claim_scoring`, `exercise`, `class_results`); these components only show them.
//!
//! Invariants:
//! - A student's screen never shows the key before the student checks their work, and only
//!   shows it then if the teacher allowed feedback.
//! - Nothing is sent anywhere: files are read and written in the browser, links carry their
//!   payload after `#`.

pub mod class_view;
pub mod exercise_article;
pub mod exercise_maker;
pub mod feedback_view;
pub mod student_exercise;
pub mod styles;
pub mod teacher_desk;

use std::rc::Rc;

use yew::prelude::*;

use super::effect_when_changed::{use_effect_when_changed, EffectDeps, Teardown};

use self::student_exercise::StudentExercise;
use self::teacher_desk::TeacherDesk;
use super::file_choice::first_chosen_file;
use super::locale::{use_locale, Locale, LocaleGate};
use crate::browser::file_reading::read_file_text;
use crate::browser::location_fragment;
use crate::core::exercise::{decode_exercise_file, decode_exercise_fragment, Exercise};
use crate::ui::component_state::{use_component_state, use_component_state_eq};

#[derive(Clone, PartialEq)]
enum Screen {
    Starting,
    Teacher,
    Student(Rc<Exercise>),
    /// The link carried an exercise that cannot be read.
    BadLink(String),
}

#[derive(Properties, PartialEq)]
pub struct ClassroomProps {
    /// The interface's language; `None`: the browser's.
    #[prop_or_default]
    pub language: Option<String>,
}

/// The classroom: the reader's language first, then the teacher's or the student's side.
#[function_component(ClassroomApp)]
pub fn classroom_app(props: &ClassroomProps) -> Html {
    html! {
        <LocaleGate language={props.language.clone()}>
            <Classroom />
        </LocaleGate>
    }
}

#[function_component(Classroom)]
fn classroom() -> Html {
    let locale = use_locale();
    let t = &locale.text;
    let screen = use_component_state(|| Screen::Starting);
    {
        let screen = screen.clone();
        let locale = locale.clone();
        use_effect_when_changed(
            EffectDeps::new(()),
            Box::new(move || {
                let fragment = location_fragment::read_fragment();
                screen.set(
                    match fragment.as_deref().and_then(decode_exercise_fragment) {
                        Some(Ok(exercise)) => Screen::Student(Rc::new(exercise)),
                        Some(Err(error)) => Screen::BadLink(locale.fill(
                            &locale.text.classroom_bad_link,
                            &[("reason", &error.message(&locale))],
                        )),
                        None => Screen::Teacher,
                    },
                );
                Teardown::NONE
            }),
        );
    }
    let file_problem = use_component_state_eq(|| None::<String>);
    let open_student = {
        let screen = screen.clone();
        Callback::from(move |exercise: Rc<Exercise>| screen.set(Screen::Student(exercise)))
    };
    let student_file = {
        let (open_student, problem, locale) =
            (open_student.clone(), file_problem.clone(), locale.clone());
        first_chosen_file(&Callback::from(move |file: web_sys::File| {
            let (open_student, problem, locale) =
                (open_student.clone(), problem.clone(), locale.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match read_exercise_file(&file, &locale).await {
                    Ok(exercise) => open_student.emit(Rc::new(exercise)),
                    Err(message) => problem.set(Some(message)),
                }
            });
        }))
    };
    let body = match &*screen {
        Screen::Starting => html! {},
        Screen::Teacher => html! {
            <>
                <section class="ca-student-entry">
                    <label class="ca-file-button">{ t.student_open_file.clone() }
                        <input type="file" class="ca-student-exercise-file" accept=".json,application/json" onchange={student_file} />
                    </label>
                    if let Some(message) = (*file_problem).clone() { <p role="alert">{ message }</p> }
                </section>
                <TeacherDesk on_try_as_student={open_student} />
            </>
        },
        Screen::Student(exercise) => html! { <StudentExercise exercise={exercise.clone()} /> },
        Screen::BadLink(message) => html! {
            <div class="ca-classroom-problem" role="alert"><p>{ message.clone() }</p></div>
        },
    };
    html! {
        <div class="ca-root ca-classroom" lang={locale.language.code.clone()} dir={locale.direction()}>
            { body }
            <RemoveMyData />
        </div>
    }
}

/// "Remove my data from this browser": everything the widget stored here goes, after the
/// reader confirms; the page then starts afresh.
#[function_component(RemoveMyData)]
pub fn remove_my_data() -> Html {
    let locale = use_locale();
    let t = &locale.text;
    let confirming = use_component_state_eq(|| false);
    let problem = use_component_state_eq(|| None::<String>);
    let remove = {
        let problem = problem.clone();
        let locale = locale.clone();
        Callback::from(move |_: MouseEvent| {
            // A save still waiting for the next frame would write the claims back.
            crate::browser::after_paint::cancel_waiting();
            match crate::browser::local_store::remove_everything() {
                Ok(_) => wasm_bindgen_futures::spawn_local(async {
                    crate::browser::claims_ledger::forget_everything().await;
                    let _ = gloo::utils::window().location().reload();
                }),
                Err(error) => problem.set(Some(error.message(&locale))),
            }
        })
    };
    html! {
        <section class="ca-privacy" aria-label={t.your_data.clone()}>
            <p>{ t.privacy_line.clone() }</p>
            if *confirming {
                <p role="alert">{ t.remove_data_question.clone() }</p>
                <button type="button" class="ca-danger ca-remove-data-confirm" onclick={remove}>{ t.remove_data_yes.clone() }</button>
                <button type="button" onclick={let confirming = confirming.clone(); move |_: MouseEvent| confirming.set(false)}>{ t.keep_it.clone() }</button>
            } else {
                <button type="button" class="ca-remove-data" onclick={let confirming = confirming.clone(); move |_: MouseEvent| confirming.set(true)}>
                    { t.remove_data.clone() }
                </button>
            }
            if let Some(message) = (*problem).clone() { <p role="alert">{ message }</p> }
        </section>
    }
}

/// An exercise file the reader chose, read and decoded; the error names the file and says why.
pub(crate) async fn read_exercise_file(
    file: &web_sys::File,
    locale: &Locale,
) -> Result<Exercise, String> {
    read_file_text(file).await.and_then(|raw| {
        decode_exercise_file(&raw)
            .map_err(|error| format!("{}: {}", file.name(), error.message(locale)))
    })
}
