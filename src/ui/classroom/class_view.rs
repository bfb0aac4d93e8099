//! The teacher's class view: drop the students' answer files (any number, at once or in turns)
//! and see a sortable table of scores, what the class found of each key claim, a bar chart of
//! recall per tag, and a heat strip of what the class marked; add a stretch the class saw to
//! the key and every student is rescored; download the table as CSV, or print a one-page report.
//!
//! Invariants:
//! - Results are rebuilt from the files every time the files or the key change (the core's
//!   `ClassResults::build`), so nothing is ever scored against an old key.
//! - A file that cannot be used is listed with its reason and never stops the others.
//! - Charts are SVG with their numbers written beside them, so they need no style attribute and
//!   no colour to be read.

use std::rc::Rc;

use yew::prelude::*;

use super::exercise_article::{use_exercise_article, ExerciseArticleLoading};
use super::exercise_maker::file_name_part;
use crate::browser::clock_and_ids::new_annotation_id;
use crate::browser::downloads::offer_download;
use crate::browser::file_reading::{files_of, read_file_text};
use crate::core::article::Article;
use crate::core::char_range::CharRange;
use crate::core::class_results::{
    class_table_csv, sort_rows, tag_measure, ClassResults, RowColumn,
};
use crate::core::drawn_highlight::DrawnHighlight;
use crate::core::exercise::{encode_exercise_file, Exercise, KeyClaim};
use crate::core::shared::Shared;
use crate::core::tag::Tag;
use crate::ui::annotation_editor::preview;
use crate::ui::article_view::ArticleView;
use crate::ui::component_state::{use_component_state, use_component_state_eq};
use crate::ui::locale::{use_locale, Locale};

#[derive(Properties, PartialEq)]
pub struct ClassViewProps {
    pub exercise: Option<Rc<Exercise>>,
    /// The key changed (a stretch was added): the exercise to use from now on.
    pub on_exercise_changed: Callback<Rc<Exercise>>,
}

#[function_component(ClassView)]
pub fn class_view(props: &ClassViewProps) -> Html {
    let locale = use_locale();
    match &props.exercise {
        None => html! {
            <p class="ca-help">{ locale.text.class_view_empty.clone() }</p>
        },
        Some(exercise) => html! {
            <ClassResultsView exercise={exercise.clone()} on_exercise_changed={props.on_exercise_changed.clone()} />
        },
    }
}

#[derive(Properties, PartialEq)]
struct ClassResultsViewProps {
    exercise: Rc<Exercise>,
    on_exercise_changed: Callback<Rc<Exercise>>,
}

#[function_component(ClassResultsView)]
fn class_results_view(props: &ClassResultsViewProps) -> Html {
    let locale = use_locale();
    let t = &locale.text;
    let article = use_exercise_article(props.exercise.clone(), None);
    let files = use_component_state(|| Rc::new(Vec::<(String, String)>::new()));
    let reading = use_component_state_eq(|| false);
    let sort = use_component_state(|| (RowColumn::Name, false));
    let key_changed = use_component_state_eq(|| false);
    let add_files = {
        let files = files.clone();
        let reading = reading.clone();
        Callback::from(move |chosen: Vec<web_sys::File>| {
            let (files, reading) = (files.clone(), reading.clone());
            reading.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let mut all = (*files).as_ref().clone();
                for file in chosen {
                    // A file that cannot be read still gets a row among the skipped ones.
                    let contents = read_file_text(&file).await.unwrap_or_default();
                    all.push((file.name(), contents));
                }
                files.set(Rc::new(all));
                reading.set(false);
            });
        })
    };
    let on_choose = {
        let add_files = add_files.clone();
        Callback::from(move |event: Event| {
            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                add_files.emit(files_of(input.files()));
                input.set_value("");
            }
        })
    };
    let on_drag_over = Callback::from(|event: DragEvent| event.prevent_default());
    let on_drop = {
        let add_files = add_files.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            let dropped = event.data_transfer().and_then(|transfer| transfer.files());
            add_files.emit(files_of(dropped));
        })
    };
    let ExerciseArticleLoading::Ready(loaded) = article else {
        return match article {
            ExerciseArticleLoading::Failed(message) => {
                html! { <p class="ca-error" role="alert">{ message }</p> }
            }
            _ => {
                html! { <p class="ca-status" role="status">{ t.loading_exercise_article.clone() }</p> }
            }
        };
    };
    let exercise = props.exercise.clone();
    let results = ClassResults::build(&exercise, &loaded.article.text, &files, &locale);
    let mut rows = results.rows.clone();
    sort_rows(&mut rows, sort.0.clone(), sort.1);
    let sort_by = |column: RowColumn, label: String| {
        let sort = sort.clone();
        let active = sort.0 == column;
        let descending = active && sort.1;
        let aria_sort = match (active, descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        };
        let next = column.clone();
        html! {
            <th scope="col" aria-sort={aria_sort}>
                <button type="button" class="ca-sort" onclick={move |_: MouseEvent| {
                    let descending = if sort.0 == next { !sort.1 } else { next != RowColumn::Name };
                    sort.set((next.clone(), descending));
                }}>{ label }</button>
            </th>
        }
    };
    let download_csv = {
        let csv = class_table_csv(&results);
        let title = exercise.title.clone();
        Callback::from(move |_: MouseEvent| {
            offer_download(
                &format!("class-{}.csv", file_name_part(&title)),
                "text/csv;charset=utf-8",
                &csv,
            );
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let add_to_key = {
        let exercise = exercise.clone();
        let text = loaded.article.clone();
        let on_changed = props.on_exercise_changed.clone();
        let key_changed = key_changed.clone();
        Callback::from(move |(range, tag): (CharRange, Tag)| {
            let claim = KeyClaim {
                id: new_annotation_id(),
                range,
                tag,
                quote: text.text.slice(range).to_string(),
                speaker: None,
                explanation: String::new(),
                responds_to: None,
            };
            key_changed.set(true);
            on_changed.emit(Rc::new(exercise.with_key_claim_added(claim)));
        })
    };
    let download_exercise = {
        let exercise = exercise.clone();
        Callback::from(move |_: MouseEvent| {
            offer_download(
                &format!("exercise-{}.json", file_name_part(&exercise.title)),
                "application/json",
                &encode_exercise_file(&exercise),
            );
        })
    };
    let student_count = results.rows.len();
    html! {
        <section class="ca-class-view" aria-label={t.class_results.clone()}>
            <h2>{ locale.fill(&t.class_results_title, &[("title", &exercise.title)]) }</h2>
            <div class="ca-drop-zone" ondragover={on_drag_over} ondrop={on_drop}>
                <p>{ t.drop_answers.clone() }</p>
                <label class="ca-file-button">{ t.choose_them.clone() }
                    <input type="file" class="ca-answer-files" multiple=true accept=".json,application/json" onchange={on_choose} />
                </label>
                if *reading { <p role="status">{ t.reading_files.clone() }</p> }
                <p role="status" class="ca-answer-count">{ locale.fill(&t.answers_scored, &[("scored", &locale.integer(student_count)), ("skipped", &locale.integer(results.skipped.len()))]) }</p>
            </div>
            if *key_changed {
                <p class="ca-notice" role="status">
                    { t.key_changed.clone() }
                    <button type="button" class="ca-download-exercise" onclick={download_exercise}>{ t.download_updated_exercise.clone() }</button>
                </p>
            }
            if !results.skipped.is_empty() {
                <section class="ca-skipped" aria-label={t.files_skipped.clone()}>
                    <h3>{ t.files_skipped.clone() }</h3>
                    <ul>{ for results.skipped.iter().map(|skipped| html! {
                        <li><strong>{ skipped.file_name.clone() }</strong>{ ": " }{ skipped.reason.clone() }</li>
                    }) }</ul>
                </section>
            }
            <div class="ca-toolbar">
                <button type="button" class="ca-class-csv" onclick={download_csv}>{ t.download_table.clone() }</button>
                <button type="button" class="ca-class-print" onclick={print}>{ t.print_report.clone() }</button>
            </div>
            <div class="ca-table-scroll">
                <table class="ca-class-table">
                    <caption>{ t.table_caption.clone() }</caption>
                    <thead>
                        <tr>
                            { sort_by(RowColumn::Name, t.column_student.clone()) }
                            { sort_by(RowColumn::Precision, t.column_p.clone()) }
                            { sort_by(RowColumn::Recall, t.column_r.clone()) }
                            { sort_by(RowColumn::F1, t.column_f1.clone()) }
                            { for Tag::ALL.iter().flat_map(|tag| {
                                let column = |measure: &str| locale.fill(&t.column_tag_measure, &[("tag", &locale.tag(tag)), ("measure", measure)]);
                                [
                                    sort_by(RowColumn::TagPrecision(tag.clone()), column(&t.column_p)),
                                    sort_by(RowColumn::TagRecall(tag.clone()), column(&t.column_r)),
                                    sort_by(RowColumn::TagF1(tag.clone()), column(&t.column_f1)),
                                ]
                            }) }
                            { sort_by(RowColumn::SpeakerAccuracy, t.column_speakers.clone()) }
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|row| {
                            let score = &row.score;
                            html! {
                                <tr>
                                    <th scope="row">{ row.name.clone() }</th>
                                    <td>{ locale.ratio(score.with_tags.precision) }</td>
                                    <td>{ locale.ratio(score.with_tags.recall) }</td>
                                    <td>{ locale.ratio(score.with_tags.f1) }</td>
                                    { for Tag::ALL.iter().flat_map(|tag| {
                                        let measure = tag_measure(score, tag);
                                        [measure.precision, measure.recall, measure.f1].map(|value| html! { <td>{ locale.ratio(value) }</td> })
                                    }) }
                                    <td>{ score.speaker_accuracy.map(|value| locale.ratio(value)).unwrap_or_else(|| "\u{2014}".into()) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <div class="ca-class-panels">
                { recall_chart(&results, &locale) }
                { key_claim_list(&exercise, &results, student_count, &locale) }
            </div>
            { heat_strip(&exercise, &results, &loaded.article, student_count, &locale) }
            { unkeyed_list(&exercise, &results, &loaded.article, add_to_key, &locale) }
        </section>
    }
}

/// The class's recall per tag as an SVG bar chart, each bar with its number written beside it.
fn recall_chart(results: &ClassResults, locale: &Locale) -> Html {
    const WIDTH: f64 = 240.0;
    html! {
        <figure class="ca-recall-chart">
            <figcaption>{ locale.text.chart_caption.clone() }</figcaption>
            <svg viewBox="0 0 380 96" role="img" aria-label={results.recall_per_tag.iter().map(|(tag, recall)| format!("{} {}", locale.tag(tag), locale.percent(*recall))).collect::<Vec<_>>().join(", ")}>
                { for results.recall_per_tag.iter().enumerate().map(|(index, (tag, recall))| {
                    let y = (index * 30 + 4).to_string();
                    let width = ((recall.clamp(0.0, 1.0) * WIDTH).round() as i64).to_string();
                    html! {
                        <g>
                            <text x="0" y={(index * 30 + 19).to_string()} class="ca-chart-label">{ locale.tag(tag) }</text>
                            <rect x="90" y={y.clone()} width={WIDTH.to_string()} height="20" class="ca-chart-track" />
                            <rect x="90" y={y} width={width} height="20" class={classes!("ca-chart-bar", tag.css_class())} />
                            <text x="336" y={(index * 30 + 19).to_string()} class="ca-chart-value">{ locale.percent(*recall) }</text>
                        </g>
                    }
                }) }
            </svg>
        </figure>
    }
}

fn key_claim_list(
    exercise: &Exercise,
    results: &ClassResults,
    students: usize,
    locale: &Locale,
) -> Html {
    let t = &locale.text;
    html! {
        <section class="ca-key-claims" aria-label={t.each_key_claim.clone()}>
            <h3>{ t.each_key_claim.clone() }</h3>
            <ol>
                { for results.key_claims.iter().filter_map(|summary| {
                    let claim = exercise.key.get(summary.key_index)?;
                    Some(html! {
                        <li>
                            <span class={classes!("ca-chip", claim.tag.css_class())}>{ locale.tag(&claim.tag) }</span>
                            <q dir="auto">{ preview(&claim.quote) }</q>
                            <p>
                                { locale.fill(&t.found_by, &[("found", &locale.integer(summary.found_by)), ("students", &locale.integer(students))]) }
                                if let Some(tag) = &summary.most_common_wrong_tag {
                                    { locale.fill(&t.most_common_wrong_tag, &[("tag", &locale.tag(tag))]) }
                                }
                            </p>
                        </li>
                    })
                }) }
            </ol>
        </section>
    }
}

/// How many students marked each stretch: a strip over the whole article (key claims drawn
/// below it), and the article itself tinted, each stretch labelled with its count.
fn heat_strip(
    exercise: &Exercise,
    results: &ClassResults,
    article: &Shared<Article>,
    students: usize,
    locale: &Locale,
) -> Html {
    let t = &locale.text;
    let length = article.text.len_chars().max(1) as f64;
    let scaled = |position: usize| (position as f64 / length * 1000.0).round() as i64;
    let x = |position: usize| scaled(position).to_string();
    // Every stretch stays visible, however short.
    let width = |range: &CharRange| scaled(range.len()).max(1).to_string();
    let level = |count: usize| -> &'static str {
        match (count * 4).div_ceil(students.max(1)) {
            0 | 1 => "ca-heat-1",
            2 => "ca-heat-2",
            3 => "ca-heat-3",
            _ => "ca-heat-4",
        }
    };
    let highlights: Vec<DrawnHighlight> = results
        .heat
        .iter()
        .enumerate()
        .map(|(index, (range, count))| DrawnHighlight {
            id: format!("heat-{index}"),
            range: *range,
            class: level(*count),
            label: format!("\u{d7}{}", locale.integer(*count)),
            flagged: false,
        })
        .collect();
    html! {
        <section class="ca-heat" aria-label={t.class_marked.clone()}>
            <h3>{ t.class_marked.clone() }</h3>
            <p class="ca-help">{ t.heat_help.clone() }</p>
            <svg class="ca-heat-strip" viewBox="0 0 1000 40" preserveAspectRatio="none" role="img"
                aria-label={locale.fill(&t.heat_label, &[("stretches", &locale.integer(results.heat.len())), ("claims", &locale.integer(exercise.key.len()))])}>
                <rect x="0" y="0" width="1000" height="22" class="ca-chart-track" />
                { for results.heat.iter().map(|(range, count)| html! {
                    <rect x={x(range.start)} y="0" width={width(range)} height="22" class={level(*count)} />
                }) }
                { for exercise.key.iter().map(|claim| html! {
                    <rect x={x(claim.range.start)} y="26" width={width(&claim.range)} height="12" class={classes!("ca-heat-key", claim.tag.css_class())} />
                }) }
            </svg>
            <div class="ca-article-column ca-heat-article">
                <ArticleView article={article.clone()} highlights={Shared::new(highlights)} on_open={Callback::noop()} />
            </div>
        </section>
    }
}

/// Stretches the class marked that the key has not: the teacher may add one to the key.
fn unkeyed_list(
    exercise: &Exercise,
    results: &ClassResults,
    article: &Shared<Article>,
    on_add: Callback<(CharRange, Tag)>,
    locale: &Locale,
) -> Html {
    let t = &locale.text;
    let stretches = results.unkeyed_stretches(exercise);
    if stretches.is_empty() {
        return html! {};
    }
    html! {
        <section class="ca-unkeyed" aria-label={t.unkeyed_title.clone()}>
            <h3>{ t.unkeyed_title.clone() }</h3>
            <ul>
                { for stretches.into_iter().map(|(range, count)| {
                    let buttons = Tag::ALL.iter().map(|tag| {
                        let on_add = on_add.clone();
                        let tag = tag.clone();
                        let label = locale.fill(&t.add_to_key, &[("tag", &locale.tag(&tag))]);
                        html! { <button type="button" class={classes!("ca-add-to-key", tag.css_class())} onclick={move |_: MouseEvent| on_add.emit((range, tag.clone()))}>{ label }</button> }
                    }).collect::<Html>();
                    html! {
                        <li>
                            <q dir="auto">{ preview(article.text.slice(range)) }</q>
                            { locale.fill(&t.marked_by, &[("count", &locale.integer(count))]) }
                            <div class="ca-toolbar">{ buttons }</div>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
