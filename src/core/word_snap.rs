//! Turning a raw selection into the words a reader meant.
//!
//! A drag rarely starts and ends exactly on word edges. Snapping outward to whole words makes
//! highlights predictable and quotes readable; trimming white space keeps a selection of only
//! spaces or line breaks from becoming an annotation.
//!
//! Invariant: the result is inside the text, contains the trimmed selection, never starts or ends
//! with white space, and is `None` only for a selection without any visible character.

use super::char_range::CharRange;
use super::source_text::SourceText;

pub fn snap_to_words(text: &SourceText, selection: CharRange) -> Option<CharRange> {
    let len = text.len_chars();
    let mut start = selection.start.min(len);
    let mut end = selection.end.min(len);
    while start < end && text.char_at(start).is_some_and(char::is_whitespace) {
        start += 1;
    }
    while end > start && text.char_at(end - 1).is_some_and(char::is_whitespace) {
        end -= 1;
    }
    if start == end {
        return None;
    }
    while start > 0 && joins_one_word(text.char_at(start - 1), text.char_at(start)) {
        start -= 1;
    }
    while end < len && joins_one_word(text.char_at(end - 1), text.char_at(end)) {
        end += 1;
    }
    Some(CharRange { start, end })
}

/// True when a boundary between `left` and `right` would cut a word (or a character built of
/// several code points) in two.
///
/// Shared with [`super::keyboard_cursor`], so a word the reading cursor stops on is exactly a
/// word a drag snaps to.
pub(super) fn joins_one_word(left: Option<char>, right: Option<char>) -> bool {
    let (Some(left), Some(right)) = (left, right) else {
        return false;
    };
    if is_joining_mark(right) || left == '\u{200D}' {
        return true;
    }
    if is_ideograph_or_kana(left) || is_ideograph_or_kana(right) {
        return false;
    }
    is_word_char(left) && is_word_char(right)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_joining_mark(c) || is_apostrophe(c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// Combining marks, joiners, variation selectors and emoji skin tones: never the first code
/// point of a character a reader sees.
fn is_joining_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x0900..=0x0903 | 0x093A..=0x094F
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C | 0x200D | 0x20D0..=0x20FF | 0xFE00..=0xFE0F
        | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF | 0xE0100..=0xE01EF)
}

/// Scripts written without spaces between words: each character stands alone, or a selection
/// inside a sentence would grow to the whole sentence.
fn is_ideograph_or_kana(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapping_cases() {
        struct Case {
            name: &'static str,
            text: &'static str,
            selection: (usize, usize),
            expected: Option<&'static str>,
        }
        let cases = [
            Case {
                name: "mid-word on both ends grows to whole words",
                text: "the quick brown fox",
                selection: (5, 12),
                expected: Some("quick brown"),
            },
            Case {
                name: "exact word stays",
                text: "the quick brown fox",
                selection: (4, 9),
                expected: Some("quick"),
            },
            Case {
                name: "surrounding spaces are trimmed",
                text: "the quick brown fox",
                selection: (3, 10),
                expected: Some("quick"),
            },
            Case {
                name: "only white space is ignored",
                text: "a   \n\n  b",
                selection: (1, 8),
                expected: None,
            },
            Case {
                name: "empty is ignored",
                text: "abc",
                selection: (1, 1),
                expected: None,
            },
            Case {
                name: "backwards selection",
                text: "the quick brown fox",
                selection: (12, 5),
                expected: Some("quick brown"),
            },
            Case {
                name: "apostrophe inside a word",
                text: "China\u{2019}s rights",
                selection: (2, 4),
                expected: Some("China\u{2019}s"),
            },
            Case {
                name: "punctuation is not a word",
                text: "said: \"no\"",
                selection: (7, 8),
                expected: Some("no"),
            },
            Case {
                name: "across paragraphs",
                text: "end of one.\n\nStart of two",
                selection: (7, 16),
                expected: Some("one.\n\nStart"),
            },
            Case {
                name: "combining mark stays with its letter",
                text: "cafe\u{301} noir",
                selection: (0, 4),
                expected: Some("cafe\u{301}"),
            },
            Case {
                name: "emoji with skin tone stays whole",
                text: "hi 👍\u{1F3FD} ok",
                selection: (3, 4),
                expected: Some("👍\u{1F3FD}"),
            },
            Case {
                name: "cjk characters stand alone",
                text: "他说这是谣言",
                selection: (4, 5),
                expected: Some("谣"),
            },
            Case {
                name: "arabic word",
                text: "قال إن الادعاء كاذب",
                selection: (9, 11),
                expected: Some("الادعاء"),
            },
            Case {
                name: "selection past the end is clamped",
                text: "abc def",
                selection: (5, 99),
                expected: Some("def"),
            },
        ];
        for case in cases {
            let text = SourceText::new(case.text);
            let snapped = snap_to_words(&text, CharRange::new(case.selection.0, case.selection.1));
            assert_eq!(
                snapped.map(|range| text.slice(range)),
                case.expected,
                "{}",
                case.name
            );
        }
    }
}
