//! Where a text stopped being JSON, for the messages that say so.
//!
//! `serde_json::Error`'s own `Display` is not used: it can describe a float (`invalid type:
//! floating point 1.5`), which links Rust's float formatting (about 14 KB of wasm) into the
//! widget, and it is English. A line and a column are neither.

/// The line and column (both from 1) at which the parser gave up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JsonSyntaxError {
    pub line: usize,
    pub column: usize,
}

impl JsonSyntaxError {
    pub fn from_serde(error: &serde_json::Error) -> JsonSyntaxError {
        JsonSyntaxError {
            line: error.line(),
            column: error.column(),
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
