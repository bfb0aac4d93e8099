//! W3C Web Annotation selectors over an article's source text, in describe/match pairs.
//!
//! `describe_*` turns a code-point range into a selector; `match_*` finds the range a selector
//! points at in a (possibly changed) text. A TextQuoteSelector names the words; a
//! TextPositionSelector names where they were. Together they let an annotation follow its words.
//!
//! Invariants:
//! - `match_quote(text, &describe_quote(text, range), Some(describe_position(range)))` returns
//!   `range` with full confidence for every non-empty range of `text`; so does matching without
//!   the position, for every range whose quote the text allows to be unique.
//! - A match never claims more confidence than its evidence: words found elsewhere with other
//!   surroundings, or several equally good places, stay below [`CONFIDENT_MATCH`].
//! - Words corrected at their own place are never traded for the same words elsewhere: a quote
//!   is not matched confidently onto a lookalike while its own place, surroundings intact,
//!   holds the quote with a letter changed (`core::anchoring`'s property test), also when the
//!   corrected place overlaps another exact occurrence (`rights rights rigZts` for `rights
//!   rights`: the approximate search reports every valley of a run of match ends).

use super::approximate_search::{edit_distance, CompiledPattern};
use super::char_range::CharRange;
use super::sorting;
use super::source_text::SourceText;
use super::text_normalization::{normalize, NormalizedText};

/// How many code points of context a quote keeps on each side, as Hypothesis and Apache
/// Annotator do: enough to tell repeated sentences apart, small enough to store cheaply.
pub const QUOTE_CONTEXT_CHARS: usize = 32;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextQuoteSelector {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextPositionSelector {
    pub start: usize,
    pub end: usize,
}

/// Where a selector was found, and how sure the match is (1.0: the words are exactly where
/// they were recorded).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct QuoteMatch {
    pub range: CharRange,
    pub confidence: f32,
    /// False when the words found differ from `exact` (a correction inside the quote).
    pub text_matches: bool,
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

/// The quote at `range`, with 32 code points of context on each side, or more where the text
/// repeats itself: the context grows until quote and context together occur once in the text
/// (or reach both ends of it), so the quote names one place wherever the text allows.
pub fn describe_quote(text: &SourceText, range: CharRange) -> TextQuoteSelector {
    let range = CharRange::new(
        range.start.min(text.len_chars()),
        range.end.min(text.len_chars()),
    );
    let mut context = QUOTE_CONTEXT_CHARS;
    loop {
        let prefix_start = range.start.saturating_sub(context);
        let suffix_end = (range.end + context).min(text.len_chars());
        let quote = TextQuoteSelector {
            exact: text.slice(range).to_string(),
            prefix: text
                .slice(CharRange::new(prefix_start, range.start))
                .to_string(),
            suffix: text
                .slice(CharRange::new(range.end, suffix_end))
                .to_string(),
        };
        let reaches_both_ends = prefix_start == 0 && suffix_end == text.len_chars();
        if reaches_both_ends || occurs_once(text.as_str(), &quote) {
            return quote;
        }
        context *= 2;
    }
}

/// Finds where a quote is now, in this order: the recorded position if the words there are still
/// `exact`; then, near the recorded position, exact and then approximate occurrences of the
/// normalised words (Myers, up to one error per four characters); then the same over the whole
/// text. The first confident candidate ends the search, except an exact one nearby whose
/// surroundings changed: the approximate candidates nearby are weighed against it first, and
/// changed words in surroundings that agree better win (the words were corrected at their own
/// place). Every candidate is scored by how much of the quote, its prefix and its suffix agree
/// and by nearness to the recorded position; the score is the match's confidence.
pub fn match_quote(
    text: &MatchableText,
    quote: &TextQuoteSelector,
    recorded: Option<TextPositionSelector>,
) -> Option<QuoteMatch> {
    if quote.exact.is_empty() {
        return None;
    }
    if let Some(range) = recorded.and_then(|position| match_position(text.source, position)) {
        if text.source.slice(range) == quote.exact {
            return Some(QuoteMatch {
                range,
                confidence: 1.0,
                text_matches: true,
            });
        }
    }
    let normalized = text.normalized();
    let search = QuoteSearch::new(
        normalized,
        quote,
        recorded.map(|position| normalized.index_of_source(position.start)),
    );
    if search.exact.is_empty() {
        return None;
    }
    let everywhere = 0..normalized.chars.len();
    let stages: [&dyn Fn() -> Option<Candidate>; 4] = [
        &|| search.near_hint(|window| search.exact_candidates(window)),
        &|| search.near_hint(|window| search.approximate_candidates(window)),
        &|| search.exact_candidates(everywhere.clone()),
        &|| search.approximate_candidates(everywhere.clone()),
    ];
    // The first confident candidate wins; otherwise the best seen, for review. Except that an
    // exact match nearby whose surroundings changed may be a lookalike of words corrected at
    // their own place, so the approximate matches nearby are weighed before deciding.
    let mut best: Option<Candidate> = None;
    for (index, stage) in stages.into_iter().enumerate() {
        let found = stage();
        if let Some(candidate) = found {
            if best.is_none_or(|best| candidate.is_better_place_than(&best)) {
                best = Some(candidate);
            }
        }
        let confident = |candidate: Option<Candidate>| {
            candidate.is_some_and(|candidate| candidate.confidence >= CONFIDENT_MATCH)
        };
        let decided = match index {
            0 => confident(found) && found.is_some_and(|found| found.context >= WHOLE_CONTEXT),
            1 => confident(found) || confident(best),
            _ => confident(found),
        };
        if decided {
            break;
        }
    }
    let best = best?;
    let range = CharRange::new(
        normalized.source_index[best.start] as usize,
        normalized.source_index[best.end] as usize,
    );
    let range = trim_trailing_white_space(text.source, range);
    let text_matches = best.errors == 0;
    Some(QuoteMatch {
        range,
        confidence: best.confidence,
        text_matches,
    })
}

/// Above this, a match is trusted without review.
pub const CONFIDENT_MATCH: f32 = 0.75;

/// An article text prepared for matching many quotes; the normalised form is built on first
/// need, so re-anchoring an unchanged article never pays for it.
pub struct MatchableText<'a> {
    pub source: &'a SourceText,
    normalized: std::cell::OnceCell<NormalizedText>,
}

impl<'a> MatchableText<'a> {
    pub fn new(source: &'a SourceText) -> Self {
        MatchableText {
            source,
            normalized: std::cell::OnceCell::new(),
        }
    }

    fn normalized(&self) -> &NormalizedText {
        self.normalized
            .get_or_init(|| NormalizedText::new(self.source.as_str()))
    }
}

/// How far from the recorded position (in normalised characters) the first, cheap search looks.
const NEARBY_WINDOW: usize = 2048;
/// Two candidates closer than this in score cannot be told apart: the best is only doubtful.
const AMBIGUITY_MARGIN: f32 = 0.05;
/// Surroundings that agree this much are intact: a quote found exactly in them needs no other
/// candidate weighed.
const WHOLE_CONTEXT: f32 = 0.999;
/// Below this agreement of prefix and suffix, a place is a lookalike. One side kept intact
/// scores at least 0.5 when both sides are of equal length (the other side can differ in at
/// most all of its characters), while unrelated surroundings still agree a little by edit
/// distance: 0.05 to 0.30, median 0.14, over 200 pairs of places in the seed article.
const LOOKALIKE_CONTEXT: f32 = 0.5;

#[derive(Clone, Copy, Debug)]
struct Candidate {
    start: usize,
    end: usize,
    errors: usize,
    /// The evidence for this place: candidates are ranked by it.
    score: f32,
    /// The score, lowered when another place is about as likely: what the match reports.
    confidence: f32,
    /// How much the prefix and suffix agree here, 0.0 to 1.0.
    context: f32,
}

impl Candidate {
    /// The higher score is the better place, except that changed words in surroundings that
    /// agree better, at another place, beat the very words in surroundings that agree less: the
    /// words were corrected at their own place, and the exact ones are a lookalike. (Either way
    /// the claim is flagged: changed words always are.) An approximate match overlapping an
    /// exact one is that same place misaligned, and is weighed by score alone.
    fn is_better_place_than(&self, other: &Candidate) -> bool {
        let apart = self.end <= other.start || other.end <= self.start;
        match (self.errors, other.errors) {
            (1.., 0) if apart && self.context > other.context => true,
            (0, 1..) if apart && other.context > self.context => false,
            _ => self.score > other.score,
        }
    }
}

struct QuoteSearch<'t> {
    text: &'t NormalizedText,
    exact: Vec<char>,
    prefix: Vec<char>,
    suffix: Vec<char>,
    hint: Option<usize>,
}

impl<'t> QuoteSearch<'t> {
    fn new(text: &'t NormalizedText, quote: &TextQuoteSelector, hint: Option<usize>) -> Self {
        QuoteSearch {
            text,
            exact: normalize(&quote.exact),
            prefix: normalize(&quote.prefix),
            suffix: normalize(&quote.suffix),
            hint,
        }
    }

    fn near_hint(
        &self,
        search: impl Fn(std::ops::Range<usize>) -> Option<Candidate>,
    ) -> Option<Candidate> {
        let hint = self.hint?;
        let start = hint.saturating_sub(NEARBY_WINDOW);
        let end = (hint + self.exact.len() + NEARBY_WINDOW).min(self.text.chars.len());
        search(start..end)
    }

    fn exact_candidates(&self, window: std::ops::Range<usize>) -> Option<Candidate> {
        let haystack = &self.text.chars[window.clone()];
        let first = self.exact[0];
        let m = self.exact.len();
        let mut candidates = Vec::new();
        if haystack.len() >= m {
            for offset in 0..=haystack.len() - m {
                if haystack[offset] == first && haystack[offset..offset + m] == self.exact[..] {
                    candidates.push((window.start + offset, window.start + offset + m, 0));
                }
            }
        }
        let unique = candidates.len() == 1;
        self.best_of(candidates, unique)
    }

    fn approximate_candidates(&self, window: std::ops::Range<usize>) -> Option<Candidate> {
        let max_errors = self.exact.len() / 4;
        if max_errors == 0 {
            return None;
        }
        let hits =
            CompiledPattern::new(&self.exact).search(&self.text.chars[window.clone()], max_errors);
        // Hits without errors are exact occurrences, already weighed (with their uniqueness) by
        // the exact stage over the same window.
        let candidates = hits
            .into_iter()
            .filter(|hit| hit.errors > 0)
            .take(16)
            .map(|hit| (window.start + hit.start, window.start + hit.end, hit.errors))
            .collect();
        self.best_of(candidates, false)
    }

    fn best_of(
        &self,
        candidates: Vec<(usize, usize, usize)>,
        unique_exact: bool,
    ) -> Option<Candidate> {
        let mut scored: Vec<Candidate> = candidates
            .into_iter()
            .map(|(start, end, errors)| {
                let context = self.context_similarity(start, end);
                let score = self.score(errors, context, start, unique_exact);
                Candidate {
                    start,
                    end,
                    errors,
                    score,
                    confidence: score,
                    context,
                }
            })
            .collect();
        sorting::sort_by(&mut scored, |a, b| b.score.total_cmp(&a.score));
        let mut best = *scored.first()?;
        if let Some(second) = scored.get(1) {
            if best.score - second.score < AMBIGUITY_MARGIN {
                best.confidence = best.score.min(CONFIDENT_MATCH - 0.01);
            }
        }
        Some(best)
    }

    /// 0.0 to 1.0. A unique exact occurrence of a long quote whose surroundings agree at least
    /// in part is trusted even if it moved far; the same words with entirely different
    /// surroundings are only a lookalike, and stay below [`CONFIDENT_MATCH`] however near they
    /// are. Without that cap, the same words a few sentences on scored 0.77 in the anchoring
    /// tests' regression case (0.55 for the quote, 0.14 for nearness, 0.08 for surroundings that
    /// agree only as unrelated text does) and were taken before the quote's own, corrected
    /// place was tried.
    fn score(&self, errors: usize, context: f32, start: usize, unique_exact: bool) -> f32 {
        let m = self.exact.len() as f32;
        let quote_similarity = 1.0 - errors as f32 / m;
        let nearness = self.hint.map_or(0.5, |hint| {
            1.0 / (1.0 + start.abs_diff(hint) as f32 / 2000.0)
        });
        let score = 0.55 * quote_similarity + 0.3 * context + 0.15 * nearness;
        if unique_exact && errors == 0 && self.exact.len() >= 20 && context >= 0.25 {
            score.max(0.85)
        } else if context < LOOKALIKE_CONTEXT {
            score.min(CONFIDENT_MATCH - 0.01)
        } else {
            score
        }
    }

    fn context_similarity(&self, start: usize, end: usize) -> f32 {
        let chars = &self.text.chars;
        let before = &chars[start.saturating_sub(self.prefix.len())..start];
        let after = &chars[end..(end + self.suffix.len()).min(chars.len())];
        let total = self.prefix.len() + self.suffix.len();
        if total == 0 {
            return 1.0;
        }
        let differences = edit_distance(&self.prefix, before) + edit_distance(&self.suffix, after);
        1.0 - (differences.min(total) as f32 / total as f32)
    }
}

/// A normalised match may end on a folded white-space run; the source range should not.
fn trim_trailing_white_space(text: &SourceText, mut range: CharRange) -> CharRange {
    while range.end > range.start && text.char_at(range.end - 1).is_some_and(char::is_whitespace) {
        range.end -= 1;
    }
    range
}

fn occurs_once(text: &str, quote: &TextQuoteSelector) -> bool {
    let whole = format!("{}{}{}", quote.prefix, quote.exact, quote.suffix);
    let Some(first) = text.find(&whole) else {
        return true;
    };
    let next_char = text[first..].chars().next().map_or(1, char::len_utf8);
    !text[first + next_char..].contains(&whole)
}

#[cfg(test)]
mod tests;
