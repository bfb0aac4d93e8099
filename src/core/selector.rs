//! W3C Web Annotation selectors over an article's source text, in describe/match pairs.
//!
//! `describe_*` turns a code-point range into a selector; `match_*` finds the range a selector
//! points at in a (possibly changed) text. A TextQuoteSelector names the words; a
//! TextPositionSelector names where they were. Together they let an annotation follow its words.
//!
//! Invariant: `match_quote(text, &describe_quote(text, range), Some(describe_position(range)))`
//! returns `range` with full confidence for every non-empty range of `text`.

use serde::{Deserialize, Serialize};

use super::char_range::CharRange;
use super::source_text::SourceText;

/// How many code points of context a quote keeps on each side, as Hypothesis and Apache
/// Annotator do: enough to tell repeated sentences apart, small enough to store cheaply.
pub const QUOTE_CONTEXT_CHARS: usize = 32;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextQuoteSelector {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextPositionSelector {
    pub start: usize,
    pub end: usize,
}

/// Where a selector was found, and how sure the match is (1.0: the words are exactly where
/// they were recorded, or unique with matching context).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct QuoteMatch {
    pub range: CharRange,
    pub confidence: f32,
}

pub fn describe_position(range: CharRange) -> TextPositionSelector {
    TextPositionSelector {
        start: range.start,
        end: range.end,
    }
}

/// The range a position selector names, if it still lies inside the text.
pub fn match_position(text: &SourceText, position: TextPositionSelector) -> Option<CharRange> {
    (position.start <= position.end && position.end <= text.len_chars())
        .then(|| CharRange::new(position.start, position.end))
}

pub fn describe_quote(text: &SourceText, range: CharRange) -> TextQuoteSelector {
    let prefix_start = range.start.saturating_sub(QUOTE_CONTEXT_CHARS);
    let suffix_end = (range.end + QUOTE_CONTEXT_CHARS).min(text.len_chars());
    TextQuoteSelector {
        exact: text.slice(range).to_string(),
        prefix: text
            .slice(CharRange::new(prefix_start, range.start))
            .to_string(),
        suffix: text
            .slice(CharRange::new(range.end, suffix_end))
            .to_string(),
    }
}

/// First the recorded position, accepted only if the text there is still `exact`; then every
/// exact occurrence, scored by how much of the prefix and suffix surround it and by nearness
/// to the recorded position.
pub fn match_quote(
    text: &SourceText,
    quote: &TextQuoteSelector,
    recorded: Option<TextPositionSelector>,
) -> Option<QuoteMatch> {
    if quote.exact.is_empty() {
        return None;
    }
    if let Some(range) = recorded.and_then(|position| match_position(text, position)) {
        if text.slice(range) == quote.exact {
            return Some(QuoteMatch {
                range,
                confidence: 1.0,
            });
        }
    }
    let exact_len = quote.exact.chars().count();
    let haystack = text.as_str();
    let mut best: Option<(f32, CharRange)> = None;
    let mut hit_count = 0;
    let mut search_from = 0;
    while let Some(found) = haystack[search_from..].find(&quote.exact) {
        let byte = search_from + found;
        hit_count += 1;
        let start = text.char_position_of_byte(byte);
        let range = CharRange {
            start,
            end: start + exact_len,
        };
        let score = context_score(text, quote, range, recorded);
        if best.is_none_or(|(best_score, _)| score > best_score) {
            best = Some((score, range));
        }
        search_from = byte + haystack[byte..].chars().next().map_or(1, char::len_utf8);
    }
    let (score, range) = best?;
    let confidence = if hit_count == 1 {
        0.8 + 0.2 * score
    } else {
        score
    };
    Some(QuoteMatch { range, confidence })
}

/// 0.0 to 1.0: the share of prefix and suffix characters that agree, with a small weight for
/// being close to where the quote was recorded.
fn context_score(
    text: &SourceText,
    quote: &TextQuoteSelector,
    range: CharRange,
    recorded: Option<TextPositionSelector>,
) -> f32 {
    let prefix_len = quote.prefix.chars().count();
    let suffix_len = quote.suffix.chars().count();
    let before = text.slice(CharRange::new(
        range.start.saturating_sub(prefix_len),
        range.start,
    ));
    let after = text.slice(CharRange::new(
        range.end,
        (range.end + suffix_len).min(text.len_chars()),
    ));
    let prefix_agreement = before
        .chars()
        .rev()
        .zip(quote.prefix.chars().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let suffix_agreement = after
        .chars()
        .zip(quote.suffix.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let context_total = prefix_len + suffix_len;
    let context = if context_total == 0 {
        1.0
    } else {
        (prefix_agreement + suffix_agreement) as f32 / context_total as f32
    };
    let nearness = recorded.map_or(0.5, |position| {
        let distance = position.start.abs_diff(range.start) as f32;
        1.0 / (1.0 + distance / 1000.0)
    });
    0.9 * context + 0.1 * nearness
}

#[cfg(test)]
mod tests;
