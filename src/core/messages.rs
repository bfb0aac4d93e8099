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
//! Adding a language is adding one file: copy `static/i18n/en.json` to
//! `static/i18n/<code>.json` and translate every value. The table also says how the language is
//! written (`direction`, `plural_rule`, `digits`, separators, `percent`: see [`Language`]);
//! `build.rs` lists the tables, so the widget offers the new language at the next build, and
//! the loader takes its `loader_*` words from it. The completeness test checks the new file.

use super::json::{self, Object, Value};
use super::tag::Tag;

include!(concat!(env!("OUT_DIR"), "/language_codes.rs"));

/// The code of the language with a table for a BCP 47 tag (`fr`, `fr-CA`, `ar-EG`…), by its
/// primary subtag; `None` when `static/i18n/` has no such table.
pub fn language_code(tag: &str) -> Option<&'static str> {
    let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
    LANGUAGE_CODES.iter().copied().find(|code| *code == primary)
}

/// The first of `preferred` (a reader's languages, most wanted first) that has a table, else
/// English.
pub fn first_supported_code<'a>(preferred: impl IntoIterator<Item = &'a str>) -> &'static str {
    preferred
        .into_iter()
        .find_map(language_code)
        .unwrap_or("en")
}

/// A language as its table describes it: direction, plural rule and how it writes numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Language {
    /// The BCP 47 code, also the table's file name.
    pub code: String,
    pub right_to_left: bool,
    pub plural_rule: PluralRule,
    pub numbers: NumberStyle,
}

impl Language {
    /// The language a table declares in its keys `direction`, `plural_rule`, `digits`,
    /// `group_separator`, `decimal_separator` and `percent`.
    pub fn from_table(code: &str, table: &Messages) -> Result<Language, String> {
        let right_to_left = match table.direction.as_str() {
            "ltr" => false,
            "rtl" => true,
            other => return Err(format!("`direction` is `{other}`: write ltr or rtl")),
        };
        let plural_rule = PluralRule::from_name(&table.plural_rule).ok_or_else(|| {
            format!(
                "`plural_rule` is `{}`: write one of {}",
                table.plural_rule,
                PluralRule::NAMES.join(", ")
            )
        })?;
        let digits: Vec<char> = table.digits.chars().collect();
        let digits: [char; 10] = digits
            .try_into()
            .map_err(|_| "`digits` must be the ten digits from zero to nine".to_string())?;
        if !table.percent.contains("{number}") {
            return Err("`percent` must hold {number}".into());
        }
        Ok(Language {
            code: code.to_string(),
            right_to_left,
            plural_rule,
            numbers: NumberStyle {
                digits,
                group_separator: table.group_separator.clone(),
                decimal_separator: table.decimal_separator.clone(),
                percent: table.percent.clone(),
            },
        })
    }

    pub fn code(&self) -> &str {
        &self.code
    }

    pub fn is_right_to_left(&self) -> bool {
        self.right_to_left
    }

    /// The CLDR plural category of `count` in this language.
    pub fn plural_category(&self, count: usize) -> PluralCategory {
        self.plural_rule.category(count)
    }
}

/// How a language writes numbers: see [`super::number_format`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberStyle {
    pub digits: [char; 10],
    pub group_separator: String,
    pub decimal_separator: String,
    /// A per cent, with `{number}` where the number goes: `{number}%`, `{number} %`.
    pub percent: String,
}

/// The CLDR plural rules of the languages a table may name (`plural_rule`), by the forms
/// they use for whole numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralRule {
    /// `one` for 1, else `other`: English, German, Dutch, Swedish, Italian, Spanish…
    One,
    /// `one` for 0 and 1, else `other`: French, Brazilian Portuguese.
    ZeroOrOne,
    /// `zero`, `one`, `two`, `few` (3–10), `many` (11–99), `other`: Arabic.
    Arabic,
    /// `one` (1, 21, 31…), `few` (2–4, 22–24…), `many`: Russian, Ukrainian, Belarusian.
    EastSlavic,
    /// `one` for 1, `few` (2–4, 22–24…), `many`: Polish.
    Polish,
    /// `one` for 1, `few` for 2–4, else `other`: Czech, Slovak.
    CzechSlovak,
    /// Always `other`: Chinese, Japanese, Korean, Vietnamese, Indonesian, Turkish…
    None,
}

impl PluralRule {
    pub const NAMES: [&'static str; 7] = [
        "one",
        "zero_or_one",
        "arabic",
        "east_slavic",
        "polish",
        "czech_slovak",
        "none",
    ];
    const ALL: [PluralRule; 7] = [
        PluralRule::One,
        PluralRule::ZeroOrOne,
        PluralRule::Arabic,
        PluralRule::EastSlavic,
        PluralRule::Polish,
        PluralRule::CzechSlovak,
        PluralRule::None,
    ];

    pub fn from_name(name: &str) -> Option<PluralRule> {
        let index = PluralRule::NAMES.iter().position(|known| *known == name)?;
        Some(PluralRule::ALL[index])
    }

    pub fn category(self, count: usize) -> PluralCategory {
        let (tens, hundreds) = (count % 10, count % 100);
        let slavic_few = (2..=4).contains(&tens) && !(12..=14).contains(&hundreds);
        match self {
            PluralRule::One if count == 1 => PluralCategory::One,
            PluralRule::ZeroOrOne if count <= 1 => PluralCategory::One,
            PluralRule::Arabic => match (count, hundreds) {
                (0, _) => PluralCategory::Zero,
                (1, _) => PluralCategory::One,
                (2, _) => PluralCategory::Two,
                (_, 3..=10) => PluralCategory::Few,
                (_, 11..=99) => PluralCategory::Many,
                _ => PluralCategory::Other,
            },
            PluralRule::EastSlavic if tens == 1 && hundreds != 11 => PluralCategory::One,
            PluralRule::EastSlavic if slavic_few => PluralCategory::Few,
            PluralRule::EastSlavic => PluralCategory::Many,
            PluralRule::Polish if count == 1 => PluralCategory::One,
            PluralRule::Polish if slavic_few => PluralCategory::Few,
            PluralRule::Polish => PluralCategory::Many,
            PluralRule::CzechSlovak if count == 1 => PluralCategory::One,
            PluralRule::CzechSlovak if (2..=4).contains(&count) => PluralCategory::Few,
            _ => PluralCategory::Other,
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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plural {
    pub zero: Option<String>,
    pub one: Option<String>,
    pub two: Option<String>,
    pub few: Option<String>,
    pub many: Option<String>,
    pub other: String,
}

impl Plural {
    /// The form for `count` in `language`, with `{count}` filled in.
    pub fn for_count(&self, language: &Language, count: usize) -> String {
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
            &[(
                "count",
                &super::number_format::format_integer(count, &language.numbers),
            )],
        )
    }
}

/// Declares [`Messages`] and its reader from one list of keys, so a key is written once.
///
/// The reader is deliberately not serde-derived: a derived visitor for some 240 fields weighed
/// about 300 KB of wasm (twiggy, November 2026), more than the rest of the widget. Instead the
/// table is parsed as a JSON object ([`super::json`]) and each key taken out of it by one of
/// three small functions, one per kind of message.
macro_rules! define_messages {
    ($($key:ident: $kind:ty,)*) => {
        /// One language's table: see `static/i18n/en.json` for what each message says.
        #[derive(Clone, Debug, Default, PartialEq, Eq)]
        pub struct Messages {
            $(pub $key: $kind,)*
        }

        impl Messages {
            /// Every key, in the order of `static/i18n/en.json`.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($key)),*];

            /// Fills each field in place: a call per key, so that the reader of some 260 keys
            /// stays small (returning each value into a struct literal cost about 48 bytes of
            /// wasm per key).
            fn from_table(table: &mut MessageTable) -> Messages {
                let mut messages = Messages::default();
                $(table.take(stringify!($key), &mut messages.$key);)*
                messages
            }
        }
    };
}

define_messages! {
    language_name: String,
    direction: String,
    plural_rule: String,
    digits: String,
    group_separator: String,
    decimal_separator: String,
    percent: String,
    loader_tag: String,
    loader_no_wasm: String,
    loader_failed: String,
    loader_no_story: String,
    loader_empty_story: String,
    tag_allegation: String,
    tag_denial: String,
    tag_demand: String,
    loading_article: String,
    article_label: String,
    photo_label: String,
    photo_caption_label: String,
    related_story_label: String,
    highlight_label: String,
    picker_label: String,
    reattach_picker_label: String,
    attach_here: String,
    cancel: String,
    editor_label: String,
    tag_group_label: String,
    speaker_question: String,
    speaker_placeholder: String,
    answers_allegation: String,
    answers_none: String,
    note_label: String,
    note_placeholder: String,
    explanation_label: String,
    delete_ellipsis: String,
    yes_delete: String,
    keep: String,
    done: String,
    chooser_label: String,
    chooser_title: String,
    close: String,
    panel_label: String,
    panel_title: String,
    claims_actions: String,
    undo: String,
    redo: String,
    clear_all_ellipsis: String,
    confirm_clearing: String,
    clear_all_question: Plural,
    yes_clear_all: String,
    show_claims_tagged: String,
    filter_all: String,
    filter_tag: String,
    panel_empty: String,
    panel_empty_filter: String,
    needs_review: String,
    needs_review_label: String,
    needs_review_mark: String,
    speaker_line: String,
    answers_line: String,
    review_orphan: String,
    review_changed: String,
    review_doubtful: String,
    accept: String,
    reattach_ellipsis: String,
    reattach_waiting: String,
    delete: String,
    export_and_import: String,
    export_json: String,
    export_csv: String,
    share_link: String,
    import_ellipsis: String,
    storage_use: String,
    storage_kept: String,
    storage_may_be_cleared: String,
    storage_keeping_unknown: String,
    export_reminder: String,
    export_a_copy: String,
    not_now: String,
    claims_vanished: Plural,
    bytes: Plural,
    kilobytes: String,
    megabytes: String,
    drawer_hide: String,
    drawer_show: String,
    download_annotations: String,
    keep_a_copy: String,
    back_to_own_claims: String,
    share_link_notice: String,
    share_link_label: String,
    import_for_review: String,
    ok: String,
    download_unreadable: String,
    share_unreadable: String,
    share_other_article: String,
    share_viewing: Plural,
    file_unreadable: String,
    shared_link_prefix: String,
    foreign_imported: Plural,
    import_summary: String,
    import_rejected_item: String,
    import_offer_foreign: Plural,
    import_not_json: String,
    import_wrong_shape: String,
    import_too_large: String,
    saved_unreadable_entries: Plural,
    saved_unreadable: String,
    recovery_backed_up: String,
    recovery_not_backed_up: String,
    stored_not_json: String,
    stored_wrong_shape: String,
    stored_newer: String,
    storage_blocked: String,
    storage_full: String,
    storage_failed: String,
    article_empty: String,
    article_white_space: String,
    article_not_utf8: String,
    article_cannot_load: String,
    article_cannot_show: String,
    load_network_failed: String,
    load_server_answered: String,
    load_body_unreadable: String,
    story_no_text: String,
    story_cannot_paint: String,
    keyboard_help_button: String,
    keyboard_help_title: String,
    keyboard_help_intro: String,
    keyboard_help_keys: Vec<(String, String)>,
    announce_selecting: String,
    announce_cursor: String,
    announce_selection: String,
    announce_stopped: String,
    announce_tagged: Plural,
    announce_retagged: String,
    announce_deleted: Plural,
    announce_undone: Plural,
    announce_redone: Plural,
    select_sentence: String,
    selecting_status: String,
    start_keyboard_selection: String,
    classroom_bad_link: String,
    student_open_file: String,
    privacy_line: String,
    remove_data_question: String,
    remove_data_yes: String,
    keep_it: String,
    remove_data: String,
    your_data: String,
    teacher_label: String,
    tab_make: String,
    tab_results: String,
    teacher_help: String,
    paste_label: String,
    use_this_text: String,
    use_other_article: String,
    open_exercise_file: String,
    exercise_heading: String,
    exercise_title: String,
    exercise_feedback: String,
    feedback_after_checking: String,
    feedback_report_only: String,
    exercise_name: String,
    name_required: String,
    name_optional: String,
    name_not_asked: String,
    download_exercise: String,
    make_link: String,
    class_results: String,
    try_as_student: String,
    left_out_of_key: Plural,
    exercise_link_notice: String,
    exercise_link_label: String,
    loading_exercise: String,
    exercise_article_changed: String,
    student_help: String,
    your_work: String,
    name_required_label: String,
    name_optional_label: String,
    check_work: String,
    hand_in: String,
    type_name_first: String,
    work_checked: String,
    try_again: String,
    show_key: String,
    report_only_notice: Plural,
    your_score: String,
    precision: String,
    recall: String,
    f1: String,
    with_right_tags: String,
    found_any_tag: String,
    speaker_accuracy: String,
    score_help: String,
    claim_by_claim: String,
    feedback_each_claim: String,
    feedback_found: String,
    feedback_wrong_tag: String,
    feedback_partly: String,
    feedback_missed: String,
    feedback_extra: String,
    feedback_you_tagged_tag: String,
    feedback_you_tagged_text: String,
    feedback_speaker_right: String,
    feedback_speaker_wrong: String,
    feedback_speaker: String,
    feedback_hidden_claim: String,
    feedback_no_key_claim: String,
    class_view_empty: String,
    loading_exercise_article: String,
    class_results_title: String,
    drop_answers: String,
    choose_them: String,
    reading_files: String,
    answers_scored: String,
    key_changed: String,
    download_updated_exercise: String,
    files_skipped: String,
    download_table: String,
    print_report: String,
    table_caption: String,
    column_student: String,
    column_p: String,
    column_r: String,
    column_f1: String,
    column_tag_measure: String,
    column_speakers: String,
    chart_caption: String,
    each_key_claim: String,
    found_by: String,
    most_common_wrong_tag: String,
    class_marked: String,
    heat_help: String,
    heat_label: String,
    unkeyed_title: String,
    add_to_key: String,
    marked_by: String,
    import_more_rejected: String,
    exercise_not_json: String,
    exercise_not_exercise: String,
    exercise_wrong_shape: String,
    exercise_newer: String,
    exercise_damaged: String,
    answer_not_json: String,
    answer_not_answer: String,
    answer_wrong_shape: String,
    answer_newer: String,
    answer_other_exercise: String,
    answer_changed_exercise: String,
    file_empty: String,
    file_too_large: String,
    file_binary: String,
    file_unsupported: String,
    file_unsupported_no_extension: String,
    file_not_decodable: String,
    problem_neither_object_nor_list: String,
    problem_first_page_has_no_items: String,
    problem_pages_not_embedded: String,
    problem_page_has_no_items: String,
    problem_not_an_annotation: String,
    problem_not_an_object: String,
    problem_no_tag: String,
    problem_tag_has_no_text: String,
    problem_tag_is_empty: String,
    problem_no_target: String,
    problem_position_beyond_end: String,
    problem_no_selector: String,
    problem_no_version: String,
    problem_no_annotation_list: String,
    problem_fields_missing: String,
    problem_claim_has_no_tag: String,
    problem_key_claim_has_no_tag: String,
    problem_no_id: String,
    problem_article_neither_text_nor_link: String,
    problem_unknown_feedback_setting: String,
    problem_unknown_name_setting: String,
    problem_link_has_no_claims: String,
    problem_link_article_damaged: String,
    problem_link_claim_damaged: String,
    problem_unreadable_not_text: String,
    problem_article_not_json: String,
    problem_claims_have_no_version: String,
    problem_claims_not_a_list: String,
    problem_unknown_origin: String,
    no_article_text: String,
    answer_same_file: String,
    answer_same_name_claims: String,
    date_time: String,
    library_article_not_json: String,
    library_article_wrong_shape: String,
    library_article_newer: String,
    backup_not_json: String,
    backup_not_a_backup: String,
    backup_wrong_shape: String,
    backup_newer: String,
    library_unavailable: String,
    library_full: String,
    library_failed: String,
    untitled_article: String,
    paste_empty: String,
    import_not_an_article: String,
    html_not_parsed: String,
    address_not_web: String,
    address_offline: String,
    address_refused: String,
    address_answered: String,
    already_in_library: String,
    open_it: String,
    paste_instead: String,
    library_heading: String,
    library_intro: String,
    open_heading: String,
    paste_article_label: String,
    open_pasted: String,
    file_label: String,
    file_help: String,
    address_label: String,
    fetch_address: String,
    address_help: String,
    reading_file: String,
    fetching_address: String,
    restoring_backup: String,
    preview_heading: String,
    preview_help: String,
    title_label: String,
    preview_blocks: Plural,
    keep_and_annotate: String,
    preview_label: String,
    origin_seed: String,
    origin_pasted: String,
    origin_file: String,
    origin_web: String,
    library_loading: String,
    library_empty: String,
    library_count: Plural,
    library_use: String,
    site_estimate: String,
    claim_count: Plural,
    tag_count: String,
    last_edit: String,
    claims_unreadable: String,
    articles_list_label: String,
    open_article: String,
    open_article_named: String,
    rename_ellipsis: String,
    rename_label: String,
    save_title: String,
    export_article: String,
    article_actions: String,
    delete_article_question: Plural,
    article_deleted: String,
    undo_delete: String,
    article_restored: String,
    backup_heading: String,
    backup_help: String,
    export_everything: String,
    import_everything: String,
    restored_summary: String,
    restored_articles: Plural,
    restored_claims: Plural,
    restored_kept_aside: Plural,
    library_unreadable: Plural,
    download_refused: String,
    back_to_library: String,
    app_update_ready: String,
    app_updated: String,
    offline_help: String,
    announce_kept: String,
    announce_opened: String,
    announce_renamed: String,
    announce_exported: String,
    announce_library: String,
    announce_previewing: String,
    dismiss: String,
    library_title: String,
    library_article_gone: String,
}

impl Messages {
    /// The English table, built in.
    pub fn english() -> Messages {
        Messages::from_json(ENGLISH).expect("the built-in English table is complete")
    }

    /// A language's table from its JSON file. The error names every key that is missing, of
    /// the wrong kind, or unknown to the widget.
    pub fn from_json(json: &str) -> Result<Messages, String> {
        let value = json::parse(json)
            .map_err(|error| format!("not JSON (line {}, column {})", error.line, error.column))?;
        let Value::Object(object) = value else {
            return Err("the table is not a JSON object".into());
        };
        let mut table = MessageTable {
            object,
            problems: Vec::new(),
        };
        let messages = Messages::from_table(&mut table);
        let mut problems = table.problems;
        problems.extend(
            table
                .object
                .keys()
                .map(|key| format!("unknown key `{key}`")),
        );
        if problems.is_empty() {
            Ok(messages)
        } else {
            Err(problems.join("; "))
        }
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

/// A table being read: the keys not yet taken, and what was wrong so far. Reading never stops
/// early, so one error lists every problem in a file.
struct MessageTable {
    object: Object,
    problems: Vec<String>,
}

impl MessageTable {
    /// Moves the value of `key` into `field`, or notes why it cannot (`field` then stays empty).
    #[inline(never)]
    fn take<T: MessageValue>(&mut self, key: &str, field: &mut T) {
        match self.object.remove(key).map(T::from_value) {
            None => self.problems.push(format!("missing key `{key}`")),
            Some(None) => self
                .problems
                .push(format!("`{key}` should be {}", T::EXPECTED)),
            Some(Some(value)) => *field = value,
        }
    }
}

/// The three kinds of message: text, plural forms, and a list of pairs (the keys in the help).
trait MessageValue: Default + Sized {
    const EXPECTED: &'static str;
    fn from_value(value: Value) -> Option<Self>;
}

impl MessageValue for String {
    const EXPECTED: &'static str = "text";
    fn from_value(value: Value) -> Option<Self> {
        match value {
            Value::String(text) => Some(text),
            _ => None,
        }
    }
}

impl MessageValue for Plural {
    const EXPECTED: &'static str = "an object of plural forms with at least `other`";
    fn from_value(value: Value) -> Option<Self> {
        let Value::Object(forms) = value else {
            return None;
        };
        let mut plural = Plural::default();
        let mut has_other = false;
        for (category, form) in forms {
            let Value::String(form) = form else {
                return None;
            };
            match category.as_str() {
                "zero" => plural.zero = Some(form),
                "one" => plural.one = Some(form),
                "two" => plural.two = Some(form),
                "few" => plural.few = Some(form),
                "many" => plural.many = Some(form),
                "other" => {
                    plural.other = form;
                    has_other = true;
                }
                _ => return None,
            }
        }
        has_other.then_some(plural)
    }
}

impl MessageValue for Vec<(String, String)> {
    const EXPECTED: &'static str = "a list of [key, meaning] pairs";
    fn from_value(value: Value) -> Option<Self> {
        let Value::Array(pairs) = value else {
            return None;
        };
        pairs
            .into_iter()
            .map(|pair| match pair {
                Value::Array(pair) => match <[Value; 2]>::try_from(pair) {
                    Ok([Value::String(first), Value::String(second)]) => Some((first, second)),
                    _ => None,
                },
                _ => None,
            })
            .collect()
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
