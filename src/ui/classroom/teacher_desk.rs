//! The teacher's side: build an exercise on an article (the seed, or a pasted text) with the
//! annotator in teacher mode, then send it; and the class's results.
//!
//! Invariant: the exercise's title, settings and id are kept in this browser per article (a
//! draft, stored as an exercise file without a key), and its key is always the claims on screen
//! when the teacher downloads or links it, so what students get is what the teacher sees.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::effect_when_changed::{use_effect_when_changed, EffectDeps, Teardown};

use super::class_view::ClassView;
use super::exercise_maker::ExerciseMaker;
use super::read_exercise_file;
use crate::browser::article_loading::{absolute_url, fetch_article_text};
use crate::browser::clock_and_ids::new_annotation_id;
use crate::browser::local_store;
use crate::core::exercise::{
    decode_exercise_file, encode_exercise_file, Exercise, ExerciseArticle, ExerciseSettings,
};
use crate::core::markdown_article::suggest_title;
use crate::ui::annotator::{Annotator, AnnotatorMode, LoadedArticle};
use crate::ui::component_state::{use_component_state, use_component_state_eq};
use crate::ui::file_choice::first_chosen_file;
use crate::ui::locale::use_locale;
use crate::ui::published_claims::PublishedClaims;
use crate::ui::widget::{load_article, SEED_ARTICLE};

/// The seed article as the page serves it, so an exercise on it names it by address.
const SEED_URL: &str = "article.txt";

#[derive(Clone, PartialEq)]
struct TeacherArticle {
    loaded: LoadedArticle,
    reference: ExerciseArticle,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Make,
    Results,
}

#[derive(Properties, PartialEq)]
pub struct TeacherDeskProps {
    /// Opens the exercise as a student would see it, in this tab.
    pub on_try_as_student: Callback<Rc<Exercise>>,
}

#[function_component(TeacherDesk)]
pub fn teacher_desk(props: &TeacherDeskProps) -> Html {
    let locale = use_locale();
    let t = &locale.text;
    let article = use_component_state(|| None::<TeacherArticle>);
    let draft = use_component_state(|| None::<Exercise>);
    let tab = use_component_state_eq(|| Tab::Make);
    let published = use_memo((), |_| PublishedClaims::default());
    let results_exercise = use_component_state(|| None::<Rc<Exercise>>);
    let pasting = use_component_state_eq(|| false);
    let paste_problem = use_component_state_eq(|| None::<String>);
    let file_problem = use_component_state_eq(|| None::<String>);

    {
        // The seed article, from the page's own server when it is there.
        let article = article.clone();
        let locale = locale.clone();
        use_effect_when_changed(
            EffectDeps::new(()),
            Box::new(move || {
                wasm_bindgen_futures::spawn_local(async move {
                    let text = fetch_article_text(SEED_URL, &locale).await;
                    let (text, reference, url) = match text {
                        Ok(text) => {
                            let reference = ExerciseArticle::for_url(SEED_URL, &text);
                            (text, reference, Some(absolute_url(SEED_URL)))
                        }
                        Err(_) => (
                            SEED_ARTICLE.to_string(),
                            ExerciseArticle::Text(SEED_ARTICLE.to_string()),
                            None,
                        ),
                    };
                    if let Ok(loaded) = load_article(&text, None, url.as_deref(), &locale) {
                        article.set(Some(TeacherArticle { loaded, reference }));
                    }
                });
                Teardown::NONE
            }),
        );
    }
    {
        // The draft for this article: kept from an earlier visit, or a new one.
        let draft = draft.clone();
        let article = (*article).clone();
        use_effect_when_changed(
            EffectDeps::new(article.clone()),
            Box::new(move || {
                if let Some(article) = &article {
                    let stored = local_store::read(&draft_key(&article.loaded.key))
                        .ok()
                        .flatten()
                        .and_then(|raw| decode_exercise_file(&raw).ok());
                    let text = article.loaded.article.text.as_str();
                    let current = match stored {
                        Some(stored) => Exercise {
                            article: article.reference.clone(),
                            ..stored
                        },
                        None => {
                            // Kept at once: the exercise's id must not change with a reload, or
                            // answers already handed in would belong to no exercise.
                            let fresh = Exercise {
                                id: new_annotation_id(),
                                title: suggest_title(text),
                                article: article.reference.clone(),
                                key: Vec::new(),
                                settings: ExerciseSettings::default(),
                                revised_from: Vec::new(),
                            };
                            let _ = local_store::write(
                                &draft_key(&article.loaded.key),
                                &encode_exercise_file(&fresh),
                            );
                            fresh
                        }
                    };
                    draft.set(Some(current));
                }
                Teardown::NONE
            }),
        );
    }
    let on_draft_change = {
        let draft = draft.clone();
        let article = article.clone();
        Callback::from(move |changed: Exercise| {
            if let Some(article) = &*article {
                let stored = Exercise {
                    key: Vec::new(),
                    ..changed.clone()
                };
                let _ = local_store::write(
                    &draft_key(&article.loaded.key),
                    &encode_exercise_file(&stored),
                );
            }
            draft.set(Some(changed));
        })
    };
    let on_results = {
        let tab = tab.clone();
        let results_exercise = results_exercise.clone();
        Callback::from(move |exercise: Rc<Exercise>| {
            results_exercise.set(Some(exercise));
            tab.set(Tab::Results);
        })
    };
    let use_pasted = {
        let article = article.clone();
        let pasting = pasting.clone();
        let paste_problem = paste_problem.clone();
        let locale = locale.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let text = event
                .target_dyn_into::<web_sys::HtmlFormElement>()
                .and_then(|form| form.elements().named_item("ca-pasted"))
                .and_then(|field| {
                    wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlTextAreaElement>(field).ok()
                })
                .map(|field| field.value())
                .unwrap_or_default();
            match load_article(&text, None, None, &locale) {
                Ok(loaded) => {
                    article.set(Some(TeacherArticle {
                        loaded,
                        reference: ExerciseArticle::Text(text),
                    }));
                    paste_problem.set(None);
                    pasting.set(false);
                }
                Err(message) => paste_problem.set(Some(message)),
            }
        })
    };
    let open_exercise_file = {
        let (on_results, file_problem, locale) =
            (on_results.clone(), file_problem.clone(), locale.clone());
        first_chosen_file(&Callback::from(move |file: web_sys::File| {
            let (on_results, file_problem, locale) =
                (on_results.clone(), file_problem.clone(), locale.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match read_exercise_file(&file, &locale).await {
                    Ok(exercise) => {
                        file_problem.set(None);
                        on_results.emit(Rc::new(exercise));
                    }
                    Err(message) => file_problem.set(Some(message)),
                }
            });
        }))
    };

    let tab_button = |which: Tab, label: String| {
        let tab = tab.clone();
        let current = *tab == which;
        html! {
            <button type="button" role="tab" class="ca-tab" aria-selected={current.to_string()}
                onclick={move |_: MouseEvent| tab.set(which)}>{ label }</button>
        }
    };
    let make = match ((*article).clone(), (*draft).clone()) {
        (Some(article), Some(draft)) => html! {
            <>
                <div class="ca-article-choice">
                    if *pasting {
                        <form class="ca-paste" onsubmit={use_pasted}>
                            <label for="ca-pasted">{ t.paste_label.clone() }</label>
                            <textarea id="ca-pasted" name="ca-pasted" rows="8" dir="auto" />
                            <button type="submit">{ t.use_this_text.clone() }</button>
                            <button type="button" onclick={let pasting = pasting.clone(); move |_: MouseEvent| pasting.set(false)}>{ t.cancel.clone() }</button>
                            if let Some(message) = (*paste_problem).clone() { <p role="alert">{ message }</p> }
                        </form>
                    } else {
                        <button type="button" class="ca-use-other-article" onclick={let pasting = pasting.clone(); move |_: MouseEvent| pasting.set(true)}>
                            { t.use_other_article.clone() }
                        </button>
                    }
                </div>
                <Annotator article={article.loaded.clone()} mode={AnnotatorMode::Teacher} published={(*published).clone()}>
                    <ExerciseMaker draft={draft} on_change={on_draft_change} published={(*published).clone()}
                        on_results={on_results.clone()} on_try_as_student={props.on_try_as_student.clone()} />
                </Annotator>
            </>
        },
        _ => html! { <p class="ca-status" role="status">{ t.loading_article.clone() }</p> },
    };
    html! {
        <div class="ca-teacher">
            <div class="ca-tabs" role="tablist" aria-label={t.teacher_label.clone()}>
                { tab_button(Tab::Make, t.tab_make.clone()) }
                { tab_button(Tab::Results, t.tab_results.clone()) }
            </div>
            if *tab == Tab::Make {
                <p class="ca-help">{ t.teacher_help.clone() }</p>
                { make }
            } else {
                <div class="ca-open-exercise">
                    <label class="ca-file-button">{ t.open_exercise_file.clone() }
                        <input type="file" class="ca-open-exercise-file" accept=".json,application/json" onchange={open_exercise_file} />
                    </label>
                    if let Some(message) = (*file_problem).clone() { <p role="alert">{ message }</p> }
                </div>
                <ClassView exercise={(*results_exercise).clone()} on_exercise_changed={Callback::from({
                    let results_exercise = results_exercise.clone();
                    move |exercise: Rc<Exercise>| results_exercise.set(Some(exercise))
                })} />
            }
        </div>
    }
}

fn draft_key(article_key: &str) -> String {
    format!(
        "{}exercise-draft:{article_key}",
        local_store::STORAGE_KEY_PREFIX
    )
}
