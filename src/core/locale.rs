//! A reader's language and its table of messages, with the ways every screen writes text
//! from it: filled placeholders, plural forms, numbers, sizes, tag labels, direction.
//!
//! Invariant: the widget's text reaches the screen only through a [`Locale`]; core functions
//! that write a sentence for the reader (error messages, summaries) take one too.

use std::rc::Rc;

use super::messages::{fill, Language, Messages, Plural};
use super::number_format::{format_decimal, format_integer, format_percent};
use super::tag::Tag;

/// A language and its table.
#[derive(Clone, Debug)]
pub struct Locale {
    pub language: Rc<Language>,
    pub text: Rc<Messages>,
}

/// Two locales are equal when they share one table: comparing some 250 strings on every
/// render of every component that takes a locale would cost time and wasm bytes for nothing,
/// since a table is read once and then only shared.
impl PartialEq for Locale {
    fn eq(&self, other: &Locale) -> bool {
        Rc::ptr_eq(&self.language, &other.language) && Rc::ptr_eq(&self.text, &other.text)
    }
}

impl Default for Locale {
    fn default() -> Self {
        Locale::english()
    }
}

impl Locale {
    /// English, the built-in table (parsed once per thread, so once per page).
    pub fn english() -> Locale {
        thread_local! {
            static ENGLISH_LOCALE: Locale = Locale::from_messages("en", Messages::english())
                .unwrap_or_else(|problems| panic!("the built-in English table: {problems}"));
        }
        ENGLISH_LOCALE.with(Locale::clone)
    }

    /// The locale of the table `json` for the language `code`; the error names every problem.
    pub fn from_table(code: &str, json: &str) -> Result<Locale, String> {
        Locale::from_messages(code, Messages::from_json(json)?)
    }

    /// The locale of a table already read. The built-in English comes this way, not through
    /// [`Locale::from_table`]: in the widget a news page embeds it is a table of values in
    /// order, not of keys (see [`Messages::english`]).
    fn from_messages(code: &str, text: Messages) -> Result<Locale, String> {
        let language = Language::from_table(code, &text)?;
        Ok(Locale {
            language: Rc::new(language),
            text: Rc::new(text),
        })
    }

    /// A table of `static/i18n/`, read from the repository (for native tests).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_table_file(code: &str) -> Locale {
        let path = format!("{}/static/i18n/{code}.json", env!("CARGO_MANIFEST_DIR"));
        let json = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
        Locale::from_table(code, &json).unwrap_or_else(|error| panic!("{path}: {error}"))
    }

    pub fn tag(&self, tag: &Tag) -> String {
        self.text.tag_label(tag).to_string()
    }

    /// `template` with its placeholders filled.
    pub fn fill(&self, template: &str, values: &[(&str, &str)]) -> String {
        fill(template, values)
    }

    /// The plural form for `count`, with `{count}` and the other placeholders filled.
    pub fn count(&self, plural: &Plural, count: usize, values: &[(&str, &str)]) -> String {
        fill(&plural.for_count(&self.language, count), values)
    }

    pub fn integer(&self, value: usize) -> String {
        format_integer(value, &self.language.numbers)
    }

    /// A ratio with four decimals, as the classroom shows scores.
    pub fn ratio(&self, value: f64) -> String {
        format_decimal(value, 4, &self.language.numbers)
    }

    pub fn percent(&self, value: f64) -> String {
        format_percent(value, &self.language.numbers)
    }

    /// A size in bytes, KB or MB.
    pub fn size(&self, bytes: usize) -> String {
        use crate::core::number_format::{size_in_units, SizeUnit};
        match size_in_units(bytes, &self.language.numbers) {
            SizeUnit::Bytes(count) => self.count(&self.text.bytes, count, &[]),
            SizeUnit::Kilobytes(value) => fill(&self.text.kilobytes, &[("count", &value)]),
            SizeUnit::Megabytes(value) => fill(&self.text.megabytes, &[("count", &value)]),
        }
    }

    /// `dir` for the widget's root.
    pub fn direction(&self) -> &'static str {
        if self.language.is_right_to_left() {
            "rtl"
        } else {
            "ltr"
        }
    }
}
