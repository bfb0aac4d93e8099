//! Where a text stopped being JSON, for the messages that say so.
//!
//! [`super::json::parse`] reports only a position, never a sentence: a sentence would be
//! English, and describing the offending value could link float formatting (about 14 KB of
//! wasm) into the widget. A line and a column are neither. The column counts characters.

/// The line and column (both from 1) at which the parser gave up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JsonSyntaxError {
    pub line: usize,
    pub column: usize,
}

impl JsonSyntaxError {
    /// The position of byte `at` of `text`; at the end of the text, the position of its last
    /// character (so an empty text is line 1, column 0).
    pub fn at_byte(text: &str, at: usize) -> JsonSyntaxError {
        let mut at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let before = &text[..at];
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        let column = before[line_start..].chars().count() + usize::from(at < text.len());
        JsonSyntaxError {
            line: before.matches('\n').count() + 1,
            column,
        }
    }

    /// `template` with `{line}` and `{column}` filled in the reader's numbers.
    pub fn fill(&self, locale: &super::locale::Locale, template: &str) -> String {
        locale.fill(
            template,
            &[
                ("line", &locale.integer(self.line)),
                ("column", &locale.integer(self.column)),
            ],
        )
    }
}
