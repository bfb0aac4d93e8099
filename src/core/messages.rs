//! Every string the widget shows, in one table per language: `static/i18n/<code>.json`.
//!
//! English is built into the widget (it is the fallback); another language's table is fetched
//! from the widget's own files when a reader's language asks for it, so a news page pays only
//! for the languages its readers use. Each table is read into [`Messages`], whose fields are the
//! keys: a table that lacks a key, or has one the widget does not know, is refused (the tests
//! read every file in `static/i18n/`), so no screen can show a missing string.
//!
//! Invariants:
//! - Tags keep their canonical keywords in storage and exports; only their labels come from here.
//! - Placeholders are `{name}`; [`fill`] replaces them and leaves unknown ones visible, so a
//!   mistake shows on screen instead of silently dropping words.
//! - Plural messages carry the forms their language needs ([`Plural`]), chosen by the CLDR
//!   plural rules of [`Language`].
//!
//! Adding a language: copy `static/i18n/en.json` to `static/i18n/<code>.json`, translate every
//! value, and add the code to [`Language`] (and its plural rule, if neither English's nor
//! Arabic's fits). The completeness test checks the new file.

use serde::Deserialize;

use super::tag::Tag;

/// The languages with a table in `static/i18n/`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Language {
    #[default]
    English,
    French,
    Arabic,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::English, Language::French, Language::Arabic];

    /// The BCP 47 code, also the table's file name.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::French => "fr",
            Language::Arabic => "ar",
        }
    }

    pub fn is_right_to_left(self) -> bool {
        self == Language::Arabic
    }

    /// The language for a BCP 47 tag (`fr`, `fr-CA`, `ar-EG`…), by its primary subtag.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        Language::ALL
            .into_iter()
            .find(|language| language.code() == primary)
    }

    /// The first of `preferred` (a reader's languages, most wanted first) that has a table,
    /// else English.
    pub fn first_supported<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Language {
        preferred
            .into_iter()
            .find_map(Language::from_tag)
            .unwrap_or_default()
    }

    /// The CLDR plural category of `count` in this language.
    pub fn plural_category(self, count: usize) -> PluralCategory {
        match self {
            Language::English => {
                if count == 1 {
                    PluralCategory::One
                } else {
                    PluralCategory::Other
                }
            }
            // French: 0 and 1 are singular.
            Language::French => {
                if count <= 1 {
                    PluralCategory::One
                } else {
                    PluralCategory::Other
                }
            }
            Language::Arabic => match (count, count % 100) {
                (0, _) => PluralCategory::Zero,
                (1, _) => PluralCategory::One,
                (2, _) => PluralCategory::Two,
                (_, 3..=10) => PluralCategory::Few,
                (_, 11..=99) => PluralCategory::Many,
                _ => PluralCategory::Other,
            },
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralCategory {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

/// A message that depends on a count: the forms a language uses, `other` always present.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plural {
    #[serde(default)]
    pub zero: Option<String>,
    #[serde(default)]
    pub one: Option<String>,
    #[serde(default)]
    pub two: Option<String>,
    #[serde(default)]
    pub few: Option<String>,
    #[serde(default)]
    pub many: Option<String>,
    pub other: String,
}

impl Plural {
    /// The form for `count` in `language`, with `{count}` filled in.
    pub fn for_count(&self, language: Language, count: usize) -> String {
        let form = match language.plural_category(count) {
            PluralCategory::Zero => self.zero.as_ref(),
            PluralCategory::One => self.one.as_ref(),
            PluralCategory::Two => self.two.as_ref(),
            PluralCategory::Few => self.few.as_ref(),
            PluralCategory::Many => self.many.as_ref(),
            PluralCategory::Other => None,
        };
        fill(
            form.unwrap_or(&self.other),
            &[("count", &super::number_format::format_integer(count, language))],
        )
    }
}

/// One language's table: see `static/i18n/en.json` for what each message says.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Messages {
    pub language_name: String,
    pub tag_allegation: String,
    pub tag_denial: String,
    pub tag_demand: String,
    pub loading_article: String,
    pub article_label: String,
    pub photo_label: String,
    pub related_story_label: String,
    pub highlight_label: String,
    pub picker_label: String,
    pub reattach_picker_label: String,
    pub attach_here: String,
    pub cancel: String,
    pub editor_label: String,
    pub tag_group_label: String,
    pub speaker_question: String,
    pub speaker_placeholder: String,
    pub answers_allegation: String,
    pub answers_none: String,
    pub note_label: String,
    pub note_placeholder: String,
    pub explanation_label: String,
    pub delete_ellipsis: String,
    pub yes_delete: String,
    pub keep: String,
    pub done: String,
    pub chooser_label: String,
    pub chooser_title: String,
    pub close: String,
    pub panel_label: String,
    pub panel_title: String,
    pub claims_actions: String,
    pub undo: String,
    pub redo: String,
    pub clear_all_ellipsis: String,
    pub confirm_clearing: String,
    pub clear_all_question: Plural,
    pub yes_clear_all: String,
    pub show_claims_tagged: String,
    pub filter_all: String,
    pub filter_tag: String,
    pub panel_empty: String,
    pub panel_empty_filter: String,
    pub needs_review: String,
    pub needs_review_label: String,
    pub needs_review_mark: String,
    pub speaker_line: String,
    pub answers_line: String,
    pub review_orphan: String,
    pub review_changed: String,
    pub review_doubtful: String,
    pub accept: String,
    pub reattach_ellipsis: String,
    pub reattach_waiting: String,
    pub delete: String,
    pub export_and_import: String,
    pub export_json: String,
    pub export_csv: String,
    pub share_link: String,
    pub import_ellipsis: String,
    pub storage_use: String,
    pub bytes: Plural,
    pub kilobytes: String,
    pub megabytes: String,
    pub drawer_hide: String,
    pub drawer_show: String,
    pub download_annotations: String,
    pub keep_a_copy: String,
    pub back_to_own_claims: String,
    pub share_link_notice: String,
    pub share_link_label: String,
    pub import_for_review: String,
    pub ok: String,
    pub download_unreadable: String,
    pub share_unreadable: String,
    pub share_other_article: String,
    pub share_viewing: Plural,
    pub file_unreadable: String,
    pub shared_link_prefix: String,
    pub foreign_imported: Plural,
    pub import_summary: String,
    pub import_rejected_item: String,
    pub import_offer_foreign: Plural,
    pub import_not_json: String,
    pub import_wrong_shape: String,
    pub import_too_large: String,
    pub saved_unreadable_entries: Plural,
    pub saved_unreadable: String,
    pub recovery_backed_up: String,
    pub recovery_not_backed_up: String,
    pub stored_not_json: String,
    pub stored_wrong_shape: String,
    pub stored_newer: String,
    pub storage_blocked: String,
    pub storage_full: String,
    pub storage_failed: String,
    pub article_empty: String,
    pub article_white_space: String,
    pub article_not_utf8: String,
    pub article_cannot_load: String,
    pub article_cannot_show: String,
    pub load_network_failed: String,
    pub load_server_answered: String,
    pub load_body_unreadable: String,
    pub story_no_text: String,
    pub story_cannot_paint: String,
    pub keyboard_help_button: String,
    pub keyboard_help_title: String,
    pub keyboard_help_intro: String,
    pub keyboard_help_keys: Vec<(String, String)>,
    pub announce_selecting: String,
    pub announce_cursor: String,
    pub announce_selection: String,
    pub announce_stopped: String,
    pub announce_tagged: Plural,
    pub announce_retagged: String,
    pub announce_deleted: Plural,
    pub announce_undone: Plural,
    pub announce_redone: Plural,
    pub select_sentence: String,
    pub selecting_status: String,
    pub start_keyboard_selection: String,
    pub classroom_bad_link: String,
    pub student_open_file: String,
    pub privacy_line: String,
    pub remove_data_question: String,
    pub remove_data_yes: String,
    pub keep_it: String,
    pub remove_data: String,
    pub your_data: String,
    pub teacher_label: String,
    pub tab_make: String,
    pub tab_results: String,
    pub teacher_help: String,
    pub paste_label: String,
    pub use_this_text: String,
    pub use_other_article: String,
    pub open_exercise_file: String,
    pub exercise_heading: String,
    pub exercise_title: String,
    pub exercise_feedback: String,
    pub feedback_after_checking: String,
    pub feedback_report_only: String,
    pub exercise_name: String,
    pub name_required: String,
    pub name_optional: String,
    pub name_not_asked: String,
    pub download_exercise: String,
    pub make_link: String,
    pub class_results: String,
    pub try_as_student: String,
    pub left_out_of_key: Plural,
    pub exercise_link_notice: String,
    pub exercise_link_label: String,
    pub loading_exercise: String,
    pub exercise_article_changed: String,
    pub student_help: String,
    pub your_work: String,
    pub name_required_label: String,
    pub name_optional_label: String,
    pub check_work: String,
    pub hand_in: String,
    pub type_name_first: String,
    pub work_checked: String,
    pub try_again: String,
    pub show_key: String,
    pub report_only_notice: Plural,
    pub your_score: String,
    pub precision: String,
    pub recall: String,
    pub f1: String,
    pub with_right_tags: String,
    pub found_any_tag: String,
    pub speaker_accuracy: String,
    pub score_help: String,
    pub claim_by_claim: String,
    pub feedback_each_claim: String,
    pub feedback_found: String,
    pub feedback_wrong_tag: String,
    pub feedback_partly: String,
    pub feedback_missed: String,
    pub feedback_extra: String,
    pub feedback_you_tagged_tag: String,
    pub feedback_you_tagged_text: String,
    pub feedback_speaker_right: String,
    pub feedback_speaker_wrong: String,
    pub feedback_speaker: String,
    pub feedback_hidden_claim: String,
    pub feedback_no_key_claim: String,
    pub class_view_empty: String,
    pub loading_exercise_article: String,
    pub class_results_title: String,
    pub drop_answers: String,
    pub choose_them: String,
    pub reading_files: String,
    pub answers_scored: String,
    pub key_changed: String,
    pub download_updated_exercise: String,
    pub files_skipped: String,
    pub download_table: String,
    pub print_report: String,
    pub table_caption: String,
    pub column_student: String,
    pub column_p: String,
    pub column_r: String,
    pub column_f1: String,
    pub column_tag_measure: String,
    pub column_speakers: String,
    pub chart_caption: String,
    pub each_key_claim: String,
    pub found_by: String,
    pub most_common_wrong_tag: String,
    pub class_marked: String,
    pub heat_help: String,
    pub heat_label: String,
    pub unkeyed_title: String,
    pub add_to_key: String,
    pub marked_by: String,
    pub import_more_rejected: String,
    pub exercise_not_json: String,
    pub exercise_not_exercise: String,
    pub exercise_wrong_shape: String,
    pub exercise_newer: String,
    pub exercise_damaged: String,
    pub answer_not_json: String,
    pub answer_not_answer: String,
    pub answer_wrong_shape: String,
    pub answer_newer: String,
    pub answer_other_exercise: String,
    pub answer_changed_exercise: String,
    pub file_empty: String,
    pub file_too_large: String,
    pub file_binary: String,
    pub file_unsupported: String,
    pub file_unsupported_no_extension: String,
    pub file_not_decodable: String,
    pub no_article_text: String,
    pub answer_same_file: String,
    pub answer_same_name_claims: String,
}

impl Messages {
    /// The English table, built in.
    pub fn english() -> Messages {
        Messages::from_json(ENGLISH).expect("the built-in English table is complete")
    }

    /// A language's table from its JSON file; the error says which key is missing or unknown.
    pub fn from_json(json: &str) -> Result<Messages, String> {
        serde_json::from_str(json).map_err(|error| error.to_string())
    }

    /// A tag's label in this language; a tag from elsewhere keeps its own name.
    pub fn tag_label<'a>(&'a self, tag: &'a Tag) -> &'a str {
        match tag {
            Tag::Allegation => &self.tag_allegation,
            Tag::Denial => &self.tag_denial,
            Tag::Demand => &self.tag_demand,
            Tag::Other(name) => name,
        }
    }
}

/// The English table's text.
pub const ENGLISH: &str = include_str!("../../static/i18n/en.json");

/// `template` with each `{name}` replaced by its value; unknown placeholders stay as written.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(key, _)| *key == name) {
                    Some((_, value)) => out.push_str(value),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
