//! Scoring a student's tagged claims against a teacher's key: the partial-overlap measure of
//! SemEval-2020 Task 11 (span identification), counted in code points, and per-claim feedback.
//!
//! Before anything is compared, every span (the student's and the key's) is trimmed with
//! [`trim_range`], so that selecting "the claim," or "the claim" gives the same answer; spans
//! that trim to nothing are dropped. For the measures a student's overlapping spans with the
//! same tag are merged (sharing at least one code point; spans that only touch stay apart), so
//! marking a claim twice earns nothing twice.
//!
//! Invariants:
//! - Precision, recall and F1 are always in `[0, 1]`, and a copy of the key scores 1.
//! - A student span's precision is the share of its code points that lie in key claims (of its
//!   tag); a code point inside two overlapping key claims counts once, so covering the whole
//!   article can never earn full marks, and precision cannot pass 1 when key claims overlap.
//!   Where key claims do not overlap this is exactly the task's sum of `|s∩k|/|s|`.
//! - Ranges past the end of the text are clamped, never trusted.

use super::char_range::CharRange;
use super::sorting;
use super::source_text::SourceText;
use super::tag::Tag;

/// A tagged claim, as a student made it or as the key holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoredSpan {
    pub range: CharRange,
    pub tag: Tag,
    /// Who makes the claim, as written by the student or teacher.
    pub speaker: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Measure {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    /// A student span earns only against key claims of its own tag.
    pub with_tags: Measure,
    /// Where the claims are, whatever their tags: the student's overlapping spans are merged
    /// regardless of tag first.
    pub without_tags: Measure,
    /// The measure restricted to the student's and the key's claims of each tag, in
    /// [`Tag::ALL`] order (1 for a tag neither uses).
    pub per_tag: Vec<(Tag, Measure)>,
    /// Of the key claims that name a speaker and that the student found (some span overlaps
    /// them), the share whose best-overlapping student span names the same speaker (compared
    /// ignoring case and extra white space; no speaker counts as wrong). `None` when there is
    /// no such key claim.
    pub speaker_accuracy: Option<f64>,
}

/// What became of one key claim. `student` is an index into the student's spans.
///
/// The student span matched to a key claim is chosen in this order: the first span with the
/// same tag and the same trimmed boundaries (`Found`); else the span with the same tag that
/// shares the most code points with the claim (`PartlyFound`); else the span of any tag that
/// shares the most (`WrongTag`). Ties go to the span that comes first in the student's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyClaimOutcome {
    Found {
        student: usize,
    },
    PartlyFound {
        student: usize,
    },
    WrongTag {
        student: usize,
    },
    /// No student span overlaps the claim (or the claim trims to nothing).
    Missed,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimFeedback {
    /// One outcome per key claim, in the key's order.
    pub key_claims: Vec<KeyClaimOutcome>,
    /// Indices of the student spans that overlap no key claim (also those that trim to
    /// nothing), in the student's order.
    pub extra: Vec<usize>,
}

/// `range` without white space, `. , ; :` and straight, curly or angle quotes at either end,
/// clamped to the text; empty when nothing else is left.
pub fn trim_range(text: &SourceText, range: CharRange) -> CharRange {
    let trimmed = |position: usize| {
        text.char_at(position).is_some_and(|ch| {
            ch.is_whitespace()
                || matches!(
                    ch,
                    '.' | ',' | ';' | ':' | '"' | '\'' | '‘' | '’' | '“' | '”' | '«' | '»'
                )
        })
    };
    let mut end = range.end.min(text.len_chars());
    let mut start = range.start.min(end);
    while start < end && trimmed(start) {
        start += 1;
    }
    while end > start && trimmed(end - 1) {
        end -= 1;
    }
    CharRange { start, end }
}

pub fn score_claims(text: &SourceText, student: &[ScoredSpan], key: &[ScoredSpan]) -> Score {
    let student_ranges = trimmed(text, student);
    let key_ranges = trimmed(text, key);
    let with_tag = |spans: &[ScoredSpan], ranges: &[CharRange], tag: &Tag| -> Vec<CharRange> {
        spans
            .iter()
            .zip(ranges)
            .filter(|(span, range)| span.tag == *tag && !range.is_empty())
            .map(|(_, range)| *range)
            .collect()
    };
    let mut tags: Vec<&Tag> = student.iter().chain(key).map(|span| &span.tag).collect();
    sorting::sort(&mut tags);
    tags.dedup();
    let mut tagged = Sums::default();
    for tag in tags {
        tagged.add(
            &merge_overlapping(with_tag(student, &student_ranges, tag)),
            &with_tag(key, &key_ranges, tag),
        );
    }
    let non_empty = |ranges: &[CharRange]| -> Vec<CharRange> {
        ranges.iter().copied().filter(|r| !r.is_empty()).collect()
    };
    let mut untagged = Sums::default();
    untagged.add(
        &merge_overlapping(non_empty(&student_ranges)),
        &non_empty(&key_ranges),
    );
    let per_tag = Tag::ALL
        .iter()
        .map(|tag| {
            let mut sums = Sums::default();
            sums.add(
                &merge_overlapping(with_tag(student, &student_ranges, tag)),
                &with_tag(key, &key_ranges, tag),
            );
            (tag.clone(), sums.measure())
        })
        .collect();
    Score {
        with_tags: tagged.measure(),
        without_tags: untagged.measure(),
        per_tag,
        speaker_accuracy: speaker_accuracy(student, &student_ranges, key, &key_ranges),
    }
}

pub fn classify_claims(
    text: &SourceText,
    student: &[ScoredSpan],
    key: &[ScoredSpan],
) -> ClaimFeedback {
    let student_ranges = trimmed(text, student);
    let key_ranges = trimmed(text, key);
    let key_claims = key
        .iter()
        .zip(&key_ranges)
        .map(|(claim, &range)| {
            let same_tag = |span: &ScoredSpan| span.tag == claim.tag;
            if range.is_empty() {
                KeyClaimOutcome::Missed
            } else if let Some(student) = (0..student.len())
                .find(|&index| same_tag(&student[index]) && student_ranges[index] == range)
            {
                KeyClaimOutcome::Found { student }
            } else if let Some(student) = best_overlap(range, student, &student_ranges, same_tag) {
                KeyClaimOutcome::PartlyFound { student }
            } else if let Some(student) = best_overlap(range, student, &student_ranges, |_| true) {
                KeyClaimOutcome::WrongTag { student }
            } else {
                KeyClaimOutcome::Missed
            }
        })
        .collect();
    let extra = student_ranges
        .iter()
        .enumerate()
        .filter(|(_, range)| !key_ranges.iter().any(|key| key.overlaps(range)))
        .map(|(index, _)| index)
        .collect();
    ClaimFeedback { key_claims, extra }
}

/// Whether two speakers are the same name, as speaker accuracy counts it.
pub fn same_speaker(a: &str, b: &str) -> bool {
    normalized_name(a).is_some_and(|a| Some(a) == normalized_name(b))
}

/// A name compared ignoring case and extra white space; `None` when blank.
pub(super) fn normalized_name(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    (!words.is_empty()).then(|| words.join(" ").to_lowercase())
}

fn trimmed(text: &SourceText, spans: &[ScoredSpan]) -> Vec<CharRange> {
    spans
        .iter()
        .map(|span| trim_range(text, span.range))
        .collect()
}

/// Sorted, with spans that share a code point joined; spans that only touch stay apart.
fn merge_overlapping(mut ranges: Vec<CharRange>) -> Vec<CharRange> {
    sorting::sort(&mut ranges);
    let mut merged: Vec<CharRange> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start < last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// How many code points of `range` lie in `union` (sorted, non-overlapping).
fn covered(range: CharRange, union: &[CharRange]) -> usize {
    union
        .iter()
        .filter_map(|part| range.clamp_to(part))
        .map(|part| part.len())
        .sum()
}

/// The numerators and denominators of precision and recall, added up over groups of spans.
#[derive(Default)]
struct Sums {
    precision: f64,
    student_spans: usize,
    recall: f64,
    key_spans: usize,
}

impl Sums {
    /// `student` must not overlap itself (merged); `key` may.
    fn add(&mut self, student: &[CharRange], key: &[CharRange]) {
        let key_union = merge_overlapping(key.to_vec());
        for span in student {
            self.precision += covered(*span, &key_union) as f64 / span.len() as f64;
        }
        for claim in key {
            self.recall += covered(*claim, student) as f64 / claim.len() as f64;
        }
        self.student_spans += student.len();
        self.key_spans += key.len();
    }

    /// Both sets empty: nothing to find and nothing wrongly marked, 1. One empty: 0.
    fn measure(&self) -> Measure {
        let (precision, recall) = match (self.student_spans, self.key_spans) {
            (0, 0) => (1.0, 1.0),
            (0, _) | (_, 0) => (0.0, 0.0),
            (s, k) => (self.precision / s as f64, self.recall / k as f64),
        };
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Measure {
            precision,
            recall,
            f1,
        }
    }
}

/// The student span (of a tag `accept` allows) sharing the most code points with `range`;
/// ties go to the first.
fn best_overlap(
    range: CharRange,
    student: &[ScoredSpan],
    student_ranges: &[CharRange],
    accept: impl Fn(&ScoredSpan) -> bool,
) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (index, (span, candidate)) in student.iter().zip(student_ranges).enumerate() {
        let shared = candidate.clamp_to(&range).map_or(0, |part| part.len());
        if shared > 0 && accept(span) && best.is_none_or(|(most, _)| shared > most) {
            best = Some((shared, index));
        }
    }
    best.map(|(_, index)| index)
}

fn speaker_accuracy(
    student: &[ScoredSpan],
    student_ranges: &[CharRange],
    key: &[ScoredSpan],
    key_ranges: &[CharRange],
) -> Option<f64> {
    let (mut found, mut right) = (0usize, 0usize);
    for (claim, range) in key.iter().zip(key_ranges) {
        let Some(speaker) = claim.speaker.as_deref().and_then(normalized_name) else {
            continue;
        };
        if let Some(index) = best_overlap(*range, student, student_ranges, |_| true) {
            found += 1;
            if student[index].speaker.as_deref().and_then(normalized_name) == Some(speaker) {
                right += 1;
            }
        }
    }
    (found > 0).then(|| right as f64 / found as f64)
}

#[cfg(test)]
mod tests;
