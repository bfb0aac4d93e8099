//! The canonical text of an article: the exact string every position counts code points of.
//!
//! Invariant: [`SourceText::as_str`] is the article's text byte for byte as it was given (the file's
//! own text for a plain-text article), never a normalised or laid-out copy, so that any other W3C
//! tool reading the same text finds the same words at the same positions.

use super::char_range::CharRange;

/// The article text plus an index from code-point position to byte offset, so slicing by
/// code points is O(1) even on a megabyte article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceText {
    text: String,
    /// `byte_offsets[i]` is the byte offset of code point `i`; one extra entry holds `text.len()`.
    byte_offsets: Vec<u32>,
}

impl SourceText {
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let mut byte_offsets: Vec<u32> = text.char_indices().map(|(i, _)| i as u32).collect();
        byte_offsets.push(text.len() as u32);
        SourceText { text, byte_offsets }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length in code points.
    pub fn len_chars(&self) -> usize {
        self.byte_offsets.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The text of `range`, clamped to the text's end so a stale range cannot panic.
    pub fn slice(&self, range: CharRange) -> &str {
        let end = range.end.min(self.len_chars());
        let start = range.start.min(end);
        &self.text[self.byte_offsets[start] as usize..self.byte_offsets[end] as usize]
    }

    /// The code point at `position`, if any.
    pub fn char_at(&self, position: usize) -> Option<char> {
        if position >= self.len_chars() {
            return None;
        }
        self.text[self.byte_offsets[position] as usize..]
            .chars()
            .next()
    }

    /// The code-point range of the `occurrence`-th (0-based) occurrence of `needle`: a helper
    /// for the tables of test cases, which name text rather than count code points.
    #[cfg(test)]
    pub fn find_range(&self, needle: &str, occurrence: usize) -> CharRange {
        let byte = self
            .text
            .match_indices(needle)
            .nth(occurrence)
            .unwrap_or_else(|| panic!("{needle:?} not in the text"))
            .0;
        let start = self.char_position_of_byte(byte);
        CharRange::new(start, start + needle.chars().count())
    }

    /// Code-point position of a byte offset that lies on a character boundary.
    pub fn char_position_of_byte(&self, byte_offset: usize) -> usize {
        match self.byte_offsets.binary_search(&(byte_offset as u32)) {
            Ok(position) => position,
            Err(position) => position,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_by_code_points_across_scripts() {
        struct Case {
            name: &'static str,
            text: &'static str,
            range: (usize, usize),
            expected: &'static str,
        }
        let cases = [
            Case {
                name: "ascii",
                text: "hello world",
                range: (6, 11),
                expected: "world",
            },
            Case {
                name: "emoji is one code point",
                text: "a😀b",
                range: (1, 2),
                expected: "😀",
            },
            Case {
                name: "combining mark is its own code point",
                text: "e\u{301}x",
                range: (0, 2),
                expected: "e\u{301}",
            },
            Case {
                name: "cjk",
                text: "中文文本",
                range: (1, 3),
                expected: "文文",
            },
            Case {
                name: "arabic",
                text: "مرحبا بالعالم",
                range: (6, 13),
                expected: "بالعالم",
            },
            Case {
                name: "range past the end is clamped",
                text: "abc",
                range: (1, 99),
                expected: "bc",
            },
        ];
        for case in cases {
            let text = SourceText::new(case.text);
            assert_eq!(
                text.slice(CharRange::new(case.range.0, case.range.1)),
                case.expected,
                "{}",
                case.name
            );
        }
    }

    #[test]
    fn counts_code_points_not_bytes() {
        let text = SourceText::new("😀é中");
        assert_eq!(text.len_chars(), 3);
        assert_eq!(text.char_at(2), Some('中'));
        assert_eq!(text.char_position_of_byte(4), 1);
    }
}
