//! The article an exercise is about, loaded for the annotator: carried in the exercise, or
//! fetched from its address and checked against the hash the teacher's key was made on, so a
//! student never tags a different text than the key describes.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::effect_when_changed::{use_effect_when_changed, EffectDeps, Teardown};

use crate::browser::article_loading::{absolute_url, fetch_article_text};
use crate::core::exercise::{Exercise, ExerciseArticle};
use crate::ui::annotator::LoadedArticle;
use crate::ui::component_state::use_component_state;
use crate::ui::widget::load_article;

#[derive(Clone, PartialEq)]
pub enum ExerciseArticleLoading {
    Loading,
    Ready(LoadedArticle),
    Failed(String),
}

/// Loads the exercise's article once per exercise, stored under `storage_id` (the student's
/// claims for this exercise, or the teacher's for this article).
#[hook]
pub fn use_exercise_article(
    exercise: Rc<Exercise>,
    storage_id: Option<String>,
) -> ExerciseArticleLoading {
    let locale = crate::ui::locale::use_locale();
    let loading = use_component_state(|| ExerciseArticleLoading::Loading);
    {
        let loading = loading.clone();
        use_effect_when_changed(
            EffectDeps::new(exercise.clone()),
            Box::new(move || {
                let exercise = exercise.clone();
                loading.set(ExerciseArticleLoading::Loading);
                wasm_bindgen_futures::spawn_local(async move {
                    let loaded = match &exercise.article {
                        ExerciseArticle::Text(text) => {
                            load_article(text, storage_id.as_deref(), None, &locale)
                        }
                        ExerciseArticle::Url { url, .. } => {
                            match fetch_article_text(url, &locale).await {
                                Ok(text) if exercise.article.matches_text(&text) => load_article(
                                    &text,
                                    storage_id.as_deref(),
                                    Some(&absolute_url(url)),
                                    &locale,
                                ),
                                Ok(_) => Err(locale
                                    .fill(&locale.text.exercise_article_changed, &[("url", url)])),
                                Err(message) => Err(message),
                            }
                        }
                    };
                    loading.set(match loaded {
                        Ok(article) => ExerciseArticleLoading::Ready(article),
                        Err(message) => ExerciseArticleLoading::Failed(message),
                    });
                });
                Teardown::NONE
            }),
        );
    }
    (*loading).clone()
}
