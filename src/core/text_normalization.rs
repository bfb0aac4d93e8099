//! Text normalisation for matching only: what is displayed and stored is never changed.
//!
//! Publishers' corrections often change only the form of the words: a straight quote becomes a
//! curly one, a double space becomes single, an accented letter arrives precomposed (NFC)
//! instead of as letter plus combining mark (NFD). Matching compares normalised forms, and every
//! normalised character remembers the source position it came from, so a match maps back to
//! exact source positions.
//!
//! What is folded: runs of white space to one space; curly single quotes and apostrophes to `'`;
//! curly double quotes and guillemets to `"`; precomposed Latin letters (U+00C0 to U+024F and
//! U+1E00 to U+1EFF) and Hangul syllables to their canonical decomposition, so NFC and NFD text
//! compare equal. Other scripts are compared as given. Letter case is kept: it carries meaning
//! in names.
//!
//! Invariant: `source_index` is non-decreasing and has one entry per normalised character, plus
//! one past the end, so any normalised range maps to a source range.

pub struct NormalizedText {
    pub chars: Vec<char>,
    /// For each normalised character, the code-point position in the source it came from; one
    /// extra entry holds the source length.
    pub source_index: Vec<u32>,
}

impl NormalizedText {
    pub fn new(source: &str) -> Self {
        let mut chars = Vec::with_capacity(source.len());
        let mut source_index = Vec::with_capacity(source.len() + 1);
        let mut in_white_space = false;
        let mut position = 0u32;
        for ch in source.chars() {
            if ch.is_whitespace() {
                if !in_white_space {
                    chars.push(' ');
                    source_index.push(position);
                }
                in_white_space = true;
            } else {
                in_white_space = false;
                push_folded(ch, position, &mut chars, &mut source_index);
            }
            position += 1;
        }
        source_index.push(position);
        NormalizedText {
            chars,
            source_index,
        }
    }

    /// The first normalised index whose source position is at or after `source_position`.
    pub fn index_of_source(&self, source_position: usize) -> usize {
        self.source_index
            .partition_point(|&index| (index as usize) < source_position)
    }
}

/// The normalised characters of `text`, for comparing two strings.
pub fn normalize(text: &str) -> Vec<char> {
    NormalizedText::new(text).chars
}

fn push_folded(ch: char, position: u32, chars: &mut Vec<char>, source_index: &mut Vec<u32>) {
    let mut push = |folded: char| {
        chars.push(folded);
        source_index.push(position);
    };
    match ch {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => push('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => push('"'),
        '\u{AC00}'..='\u{D7A3}' => {
            // Hangul syllables decompose by arithmetic (Unicode chapter 3.12).
            let index = ch as u32 - 0xAC00;
            push(char::from_u32(0x1100 + index / 588).unwrap_or(ch));
            push(char::from_u32(0x1161 + (index % 588) / 28).unwrap_or(ch));
            if index % 28 != 0 {
                push(char::from_u32(0x11A7 + index % 28).unwrap_or(ch));
            }
        }
        _ => match u16::try_from(ch as u32).ok().and_then(|code| {
            LATIN_DECOMPOSITIONS
                .binary_search_by_key(&code, |entry| entry.0)
                .ok()
        }) {
            Some(found) => {
                let (_, base, first_mark, second_mark) = LATIN_DECOMPOSITIONS[found];
                for part in [base, first_mark, second_mark] {
                    if let Some(part) = char::from_u32(u32::from(part)).filter(|_| part != 0) {
                        push(part);
                    }
                }
            }
            None => push(ch),
        },
    }
}

mod latin_decompositions;
use latin_decompositions::LATIN_DECOMPOSITIONS;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_cases() {
        let cases = [
            ("white space runs fold to one space", "a  \n\t b", "a b"),
            (
                "curly quotes fold to straight",
                "\u{201C}no\u{201D} it\u{2019}s",
                "\"no\" it's",
            ),
            ("nfc and nfd compare equal", "caf\u{E9}", "cafe\u{301}"),
            ("vietnamese with two marks", "\u{1EC7}", "e\u{323}\u{302}"),
            (
                "hangul syllables decompose",
                "\u{D55C}",
                "\u{1112}\u{1161}\u{11AB}",
            ),
            ("other scripts are kept", "中文 عربي", "中文 عربي"),
            ("case is kept", "Beijing", "Beijing"),
        ];
        for (name, input, expected) in cases {
            assert_eq!(normalize(input), normalize(expected), "{name}");
            assert_eq!(
                normalize(input).iter().collect::<String>(),
                normalize(expected).iter().collect::<String>(),
                "{name}"
            );
        }
        assert_eq!(
            normalize("caf\u{E9}").iter().collect::<String>(),
            "cafe\u{301}"
        );
    }

    #[test]
    fn every_normalised_character_maps_back_to_its_source() {
        let text = NormalizedText::new("a\u{E9}  \u{201C}b");
        assert_eq!(text.chars, ['a', 'e', '\u{301}', ' ', '"', 'b']);
        assert_eq!(text.source_index, [0, 1, 1, 2, 4, 5, 6]);
        assert_eq!(text.index_of_source(4), 4);
        assert_eq!(
            text.index_of_source(3),
            4,
            "inside a folded run: the next character"
        );
        assert!(
            LATIN_DECOMPOSITIONS
                .windows(2)
                .all(|pair| pair[0].0 < pair[1].0),
            "the table is sorted"
        );
    }
}
