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
//! - The keys marked `#[app]` (only the library and the classroom show them) exist only under
//!   the `app_pages` cfg (`build.rs`): every build but the widget a news page embeds. That
//!   widget has no field for them, neither their English nor their names, and leaves such
//!   keys of a fetched table unread; every other build refuses a table with an unknown key.
//!   So no file of the widget can read an `#[app]` key (the compiler says so; also tested).
//! - That widget's built-in English is the values alone, in the order of the keys, since the
//!   keys' names are in it already ([`Messages::english`], `build.rs`). Every other table,
//!   and every table read at run time, is an object of keys.
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

/// `true` for a key marked `#[app]` in the list of keys, `false` for any other.
macro_rules! app_only {
    () => {
        false
    };
    (app) => {
        true
    };
}

/// Declares [`Messages`] and its reader from one list of keys, so a key is written once.
///
/// The reader is deliberately not serde-derived: a derived visitor for some 240 fields weighed
/// about 300 KB of wasm (twiggy, November 2026), more than the rest of the widget. Nor is it a
/// call per key, which weighed 16 KB of wasm (6.5 KB gzip, December 2026), or a `match` from a
/// key's number to its field (larger still). The table is parsed as a JSON object
/// ([`super::json`]) and read by one loop over `MessageFields::FIELDS`: each key's name, kind
/// and offset in the struct, which is data. The loop and [`Messages`]' drop are the crate's
/// only `unsafe` code; both rely on that list, which the macro derives from each field's own
/// declaration (`offset_of!` and the field type's [`MessageValue::KIND`]), so it cannot
/// disagree with the struct.
macro_rules! define_messages {
    ($($(#[$app:ident])? $key:ident: $kind:ty,)*) => {
        /// One language's table: see `static/i18n/en.json` for what each message says. Read
        /// it as [`MessageFields`], one field per key.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct Messages(pub(super) ManuallyDrop<MessageFields>);

        /// The messages, one field per key.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct MessageFields {
            $($(#[cfg(app_pages)] #[cfg_attr(any(), $app)])? pub $key: $kind,)*
        }

        impl MessageFields {
            /// Every key, in the order of `static/i18n/en.json`.
            pub const KEYS: &'static [&'static str] = &[$($(#[cfg(app_pages)] #[cfg_attr(any(), $app)])? stringify!($key)),*];

            /// Every message empty.
            const EMPTY: MessageFields = MessageFields {
                $($(#[cfg(app_pages)] #[cfg_attr(any(), $app)])? $key: <$kind as MessageValue>::EMPTY,)*
            };

            /// Where each key's field is in [`MessageFields`], its kind, and whether only the
            /// app's pages show it (`#[app]`).
            pub(super) const FIELDS: &'static [(&'static str, MessageKind, usize, bool)] = &[$(
                $(#[cfg(app_pages)] #[cfg_attr(any(), $app)])? (
                    stringify!($key),
                    <$kind as MessageValue>::KIND,
                    core::mem::offset_of!(MessageFields, $key),
                    app_only!($($app)?),
                ),
            )*];

            /// Fills each field in place, one key at a time. Keys marked `#[app]` may be
            /// missing unless `app_keys_required`.
            pub(super) fn from_table(table: &mut MessageTable, app_keys_required: bool) -> Messages {
                // Copied from one constant, not built field by field (which weighed 8 KB).
                let mut messages = MessageFields::EMPTY;
                let base = &mut messages as *mut MessageFields as *mut u8;
                for &(key, kind, offset, app_only) in MessageFields::FIELDS {
                    let optional = app_only && !app_keys_required;
                    // SAFETY: `offset` is the offset of a field of `MessageFields` whose type has
                    // `kind` (both from the field's own declaration above), and `messages`
                    // is borrowed by nothing else while the field is filled.
                    unsafe {
                        let field = base.add(offset);
                        match kind {
                            MessageKind::Text => table.take(key, &mut *(field as *mut String), optional),
                            MessageKind::Plural => table.take(key, &mut *(field as *mut Plural), optional),
                            MessageKind::Pairs => table.take(key, &mut *(field as *mut Vec<(String, String)>), optional),
                        }
                    }
                }
                Messages(ManuallyDrop::new(messages))
            }
        }
    };
}

/// The table's fields are dropped by one loop over [`MessageFields::FIELDS`], not by a drop
/// of each of some 380 fields in turn (which weighed 4.5 KB of wasm).
impl Drop for Messages {
    fn drop(&mut self) {
        let base = &mut *self.0 as *mut MessageFields as *mut u8;
        for &(_, kind, offset, _) in MessageFields::FIELDS {
            // SAFETY: as in `from_table`: each entry is a field of `MessageFields` of its kind;
            // the fields are dropped once, here, as `ManuallyDrop` never drops them itself.
            unsafe {
                let field = base.add(offset);
                match kind {
                    MessageKind::Text => std::ptr::drop_in_place(field as *mut String),
                    MessageKind::Plural => std::ptr::drop_in_place(field as *mut Plural),
                    MessageKind::Pairs => {
                        std::ptr::drop_in_place(field as *mut Vec<(String, String)>)
                    }
                }
            }
        }
    }
}

impl std::ops::Deref for Messages {
    type Target = MessageFields;
    fn deref(&self) -> &MessageFields {
        &self.0
    }
}

mod message_keys;
pub use message_keys::{MessageFields, Messages};

impl Messages {
    /// The English table, built in: an object of keys, or in the widget a news page embeds
    /// the values alone in the order of the keys ([`TableValues::InOrder`]).
    pub fn english() -> Messages {
        let in_order = cfg!(not(app_pages));
        Messages::read_table(ENGLISH, in_order, true)
            .unwrap_or_else(|problems| panic!("the built-in English table: {problems}"))
    }

    /// A language's table from its JSON file. The error names every key that is missing, of
    /// the wrong kind, or unknown to the widget (see the module's header for the widget a
    /// news page embeds, which has no `#[app]` key).
    pub fn from_json(json: &str) -> Result<Messages, String> {
        Messages::from_json_keys(json, true)
    }

    /// [`Messages::from_json`], where the keys marked `#[app]` may be missing unless
    /// `app_keys_required`. Only the tests pass `false`.
    pub(super) fn from_json_keys(json: &str, app_keys_required: bool) -> Result<Messages, String> {
        Messages::read_table(json, false, app_keys_required)
    }

    /// A table of values alone, in the order of the keys (see [`TableValues::InOrder`]): the
    /// English `build.rs` writes for the widget a news page embeds. The tests read it natively,
    /// where the `#[app]` keys exist, with `app_keys_required` false.
    #[cfg(test)]
    pub(super) fn from_json_values(
        json: &str,
        app_keys_required: bool,
    ) -> Result<Messages, String> {
        Messages::read_table(json, true, app_keys_required)
    }

    fn read_table(json: &str, in_order: bool, app_keys_required: bool) -> Result<Messages, String> {
        let value = json::parse(json)
            .map_err(|error| format!("not JSON (line {}, column {})", error.line, error.column))?;
        let values = match (value, in_order) {
            (Value::Object(object), false) => TableValues::ByKey(object),
            (Value::Array(values), true) => TableValues::InOrder(values.into_iter()),
            (_, false) => return Err("the table is not a JSON object".into()),
            (_, true) => return Err("the table is not a JSON array".into()),
        };
        let mut table = MessageTable {
            values,
            problems: Vec::new(),
        };
        let messages = MessageFields::from_table(&mut table, app_keys_required);
        let mut problems = table.problems;
        match table.values {
            // The widget a news page embeds has no field for an `#[app]` key, and every table
            // has them, so there a key it does not know is left unread. Every other build
            // refuses it (the tests read every table natively, against every key).
            TableValues::ByKey(object) if cfg!(app_pages) => {
                problems.extend(object.keys().map(|key| format!("unknown key `{key}`")))
            }
            TableValues::ByKey(_) => {}
            TableValues::InOrder(mut rest) => {
                if rest.next().is_some() {
                    problems.push("more values than keys".into());
                }
            }
        }
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

/// A table being read: the values not yet taken, and what was wrong so far. Reading never
/// stops early, so one error lists every problem in a file.
pub(super) struct MessageTable {
    values: TableValues,
    problems: Vec<String>,
}

/// A table's values: by key (`static/i18n/*.json`), or only the values, in the order of the
/// keys in `message_keys.rs`, without the `#[app]` ones: the English built into the widget a
/// news page embeds, which `build.rs` writes so (the names are already in the widget, in the
/// list of fields; writing them again in its English cost 0.4 KB gzip, December 2026).
enum TableValues {
    ByKey(Object),
    InOrder(std::vec::IntoIter<Value>),
}

impl MessageTable {
    /// Moves the value of `key` into `field`, or notes why it cannot (`field` then stays empty).
    /// An `optional` key may be missing; a table of values in order never has one.
    pub(super) fn take<T: MessageValue>(&mut self, key: &str, field: &mut T, optional: bool) {
        let value = match &mut self.values {
            TableValues::ByKey(object) => object.remove(key),
            TableValues::InOrder(_) if optional => return,
            TableValues::InOrder(values) => values.next(),
        };
        match value.map(T::from_value) {
            None if optional => {}
            None => self.problems.push(format!("missing key `{key}`")),
            Some(None) => self
                .problems
                .push(format!("`{key}` should be {}", T::EXPECTED)),
            Some(Some(value)) => *field = value,
        }
    }
}

/// The kind of a field of [`Messages`].
#[derive(Clone, Copy)]
pub(super) enum MessageKind {
    Text,
    Plural,
    Pairs,
}

/// The three kinds of message: text, plural forms, and a list of pairs (the keys in the help).
pub(super) trait MessageValue: Default + Sized {
    const KIND: MessageKind;
    const EMPTY: Self;
    const EXPECTED: &'static str;
    fn from_value(value: Value) -> Option<Self>;
}

impl MessageValue for String {
    const KIND: MessageKind = MessageKind::Text;
    const EMPTY: Self = String::new();
    const EXPECTED: &'static str = "text";
    fn from_value(value: Value) -> Option<Self> {
        match value {
            Value::String(text) => Some(text),
            _ => None,
        }
    }
}

impl MessageValue for Plural {
    const KIND: MessageKind = MessageKind::Plural;
    const EMPTY: Self = Plural {
        zero: None,
        one: None,
        two: None,
        few: None,
        many: None,
        other: String::new(),
    };
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
    const KIND: MessageKind = MessageKind::Pairs;
    const EMPTY: Self = Vec::new();
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

/// The English table's text: `static/i18n/en.json`, without the `#[app]` keys in the widget a
/// news page embeds (the one build without the `app_pages` cfg), where `build.rs` leaves them
/// out.
#[cfg(app_pages)]
pub const ENGLISH: &str = include_str!("../../static/i18n/en.json");
#[cfg(not(app_pages))]
pub const ENGLISH: &str = include_str!(concat!(env!("OUT_DIR"), "/en-widget.json"));

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
