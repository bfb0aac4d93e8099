//! The teacher's view of a class: every answer file scored against the exercise, what the class
//! found and missed, where it marked the article, and a table for spreadsheets.
//!
//! Invariants:
//! - Building never panics and drops no file silently: each file becomes a row or a
//!   [`SkippedFile`] with a reason a person can read. Of two duplicates the first given is kept.
//! - Results are computed from the files each time, so after the key changes
//!   ([`Exercise::with_key_claim_added`]) building again rescores every student.
//! - Numbers become text only through [`format_ratio`] and [`format_percent`], which use integer
//!   arithmetic: formatting an `f64` would add about 14 KB to the WebAssembly build.

use super::char_range::CharRange;
use super::claim_scoring::{
    classify_claims, normalized_name, score_claims, trim_range, KeyClaimOutcome, Measure, Score,
    ScoredSpan,
};
use super::csv_export::csv_field;
use super::exercise::{decode_submission, Exercise, Submission};
use super::locale::Locale;
use super::source_text::SourceText;
use super::tag::Tag;

#[derive(Clone, Debug, PartialEq)]
pub struct ClassResults {
    /// One per accepted answer, in the order the files were given.
    pub rows: Vec<StudentRow>,
    pub skipped: Vec<SkippedFile>,
    /// One per key claim, in the key's order.
    pub key_claims: Vec<KeyClaimSummary>,
    /// For each of [`Tag::ALL`], the mean of the students' recall for that tag (0 without
    /// students).
    pub recall_per_tag: Vec<(Tag, f64)>,
    /// Maximal runs of the article where the same number (> 0) of students marked every code
    /// point, sorted and not overlapping: what the class noticed.
    pub heat: Vec<(CharRange, usize)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StudentRow {
    /// The name the student gave, or the file name when none was asked or given.
    pub name: String,
    pub file_name: String,
    pub score: Score,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedFile {
    pub file_name: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyClaimSummary {
    pub key_index: usize,
    /// Students who marked exactly this claim with its tag
    /// ([`KeyClaimOutcome::Found`]; a partly found claim does not count).
    pub found_by: usize,
    /// The tag most often given to this claim by students who marked it only with another tag
    /// ([`KeyClaimOutcome::WrongTag`]); a tie goes to the tag first in [`Tag::ALL`] order.
    pub most_common_wrong_tag: Option<Tag>,
}

/// A column of the class table to sort by. The overall measures are those with tags.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowColumn {
    Name,
    Precision,
    Recall,
    F1,
    TagPrecision(Tag),
    TagRecall(Tag),
    TagF1(Tag),
    /// Rows without a speaker accuracy sort below every number.
    SpeakerAccuracy,
}

impl ClassResults {
    /// Scores every answer in `files` (file name, contents) against `exercise`, whose article
    /// is `article_text`. Skipped, each with its reason: broken files, answers to another
    /// exercise or to a changed one, files of a newer version, and duplicates (the same
    /// content, or the same name with the same claims; answers without a name are duplicates
    /// only by content, since two students may well give the same answer).
    pub fn build(
        exercise: &Exercise,
        article_text: &SourceText,
        files: &[(String, String)],
        locale: &Locale,
    ) -> ClassResults {
        let mut accepted: Vec<(&String, &String, Submission)> = Vec::new();
        let mut skipped = Vec::new();
        for (file_name, contents) in files {
            let reason = match decode_submission(contents, exercise) {
                Err(error) => Some(error.message(locale)),
                Ok(submission) => {
                    let duplicate = accepted.iter().find_map(|earlier| {
                        duplicate_reason(earlier, contents, &submission, locale)
                    });
                    if duplicate.is_none() {
                        accepted.push((file_name, contents, submission));
                    }
                    duplicate
                }
            };
            if let Some(reason) = reason {
                skipped.push(SkippedFile {
                    file_name: file_name.clone(),
                    reason,
                });
            }
        }

        let key = exercise.key_spans();
        let mut found_by = vec![0; key.len()];
        let mut wrong_tags: Vec<Vec<Tag>> = vec![Vec::new(); key.len()];
        let mut rows = Vec::with_capacity(accepted.len());
        for (file_name, _, submission) in &accepted {
            let feedback = classify_claims(article_text, &submission.claims, &key);
            for (index, outcome) in feedback.key_claims.iter().enumerate() {
                match *outcome {
                    KeyClaimOutcome::Found { .. } => found_by[index] += 1,
                    KeyClaimOutcome::WrongTag { student } => {
                        wrong_tags[index].push(submission.claims[student].tag.clone())
                    }
                    _ => {}
                }
            }
            rows.push(StudentRow {
                name: submission
                    .display_name
                    .clone()
                    .unwrap_or_else(|| file_name.to_string()),
                file_name: file_name.to_string(),
                score: score_claims(article_text, &submission.claims, &key),
            });
        }

        let key_claims = found_by
            .into_iter()
            .zip(wrong_tags)
            .enumerate()
            .map(|(key_index, (found_by, mut tags))| {
                tags.sort();
                let mut most: Option<&[Tag]> = None;
                for run in tags.chunk_by(|a, b| a == b) {
                    if most.is_none_or(|most| run.len() > most.len()) {
                        most = Some(run);
                    }
                }
                KeyClaimSummary {
                    key_index,
                    found_by,
                    most_common_wrong_tag: most.map(|run| run[0].clone()),
                }
            })
            .collect();
        let recall_per_tag = Tag::ALL
            .iter()
            .map(|tag| {
                let total: f64 = rows
                    .iter()
                    .map(|row| tag_measure(&row.score, tag).recall)
                    .sum();
                (tag.clone(), total / rows.len().max(1) as f64)
            })
            .collect();
        let heat = heat(article_text, accepted.iter().map(|(_, _, s)| &s.claims[..]));
        ClassResults {
            rows,
            skipped,
            key_claims,
            recall_per_tag,
            heat,
        }
    }
}

impl ClassResults {
    /// Stretches of the article the class marked where the key has no claim, with the most
    /// students who marked any part of each: what the class saw that the key missed, for the
    /// teacher to add to the key. Neighbouring heat runs are one stretch.
    pub fn unkeyed_stretches(&self, exercise: &Exercise) -> Vec<(CharRange, usize)> {
        let mut stretches: Vec<(CharRange, usize)> = Vec::new();
        for (range, count) in &self.heat {
            if exercise.key.iter().any(|claim| claim.range.overlaps(range)) {
                continue;
            }
            match stretches.last_mut() {
                Some((last, most)) if last.end == range.start => {
                    last.end = range.end;
                    *most = (*most).max(*count);
                }
                _ => stretches.push((*range, *count)),
            }
        }
        stretches
    }
}

/// Sorts `rows` by `column`, stably (equal rows keep their order); names ignore case.
pub fn sort_rows(rows: &mut [StudentRow], column: RowColumn, descending: bool) {
    let value = |row: &StudentRow| -> f64 {
        let score = &row.score;
        match &column {
            RowColumn::Name => 0.0,
            RowColumn::Precision => score.with_tags.precision,
            RowColumn::Recall => score.with_tags.recall,
            RowColumn::F1 => score.with_tags.f1,
            RowColumn::TagPrecision(tag) => tag_measure(score, tag).precision,
            RowColumn::TagRecall(tag) => tag_measure(score, tag).recall,
            RowColumn::TagF1(tag) => tag_measure(score, tag).f1,
            RowColumn::SpeakerAccuracy => score.speaker_accuracy.unwrap_or(-1.0),
        }
    };
    rows.sort_by(|a, b| {
        let order = match column {
            RowColumn::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
            _ => value(a).total_cmp(&value(b)),
        };
        if descending {
            order.reverse()
        } else {
            order
        }
    });
}

/// The class table as CSV: UTF-8 with a byte-order mark, cells quoted as the claims' CSV quotes
/// them ([`super::csv_export::csv_field`]: RFC 4180, a leading `'` on what a spreadsheet would
/// run as a formula), ratios with 4 decimals, an empty cell where there is no speaker accuracy.
pub fn class_table_csv(results: &ClassResults) -> String {
    let mut out = String::from(
        "\u{FEFF}name,file,precision,recall,F1,precision without tags,recall without tags,F1 without tags",
    );
    for tag in Tag::ALL {
        for measure in ["precision", "recall", "F1"] {
            out.push(',');
            out.push_str(tag.keyword());
            out.push(' ');
            out.push_str(measure);
        }
    }
    out.push_str(",speaker accuracy\r\n");
    for row in &results.rows {
        let score = &row.score;
        let mut cells = vec![csv_field(&row.name), csv_field(&row.file_name)];
        for measure in [score.with_tags, score.without_tags] {
            cells.extend([measure.precision, measure.recall, measure.f1].map(format_ratio));
        }
        for tag in Tag::ALL.iter() {
            let measure = tag_measure(score, tag);
            cells.extend([measure.precision, measure.recall, measure.f1].map(format_ratio));
        }
        cells.push(score.speaker_accuracy.map(format_ratio).unwrap_or_default());
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// `0.3333`: exactly 4 decimals, rounded half up, with integer arithmetic only.
pub fn format_ratio(value: f64) -> String {
    let scaled = (value.abs() * 10_000.0 + 0.5) as u64;
    let sign = if value < 0.0 && scaled > 0 { "-" } else { "" };
    format!("{sign}{}.{:04}", scaled / 10_000, scaled % 10_000)
}

/// `83%`: a ratio as a whole percentage, rounded half up, with integer arithmetic only.
pub fn format_percent(value: f64) -> String {
    let scaled = (value.abs() * 100.0 + 0.5) as u64;
    let sign = if value < 0.0 && scaled > 0 { "-" } else { "" };
    format!("{sign}{scaled}%")
}

/// A student's measure for one tag (zeros when the score has none for it).
pub fn tag_measure(score: &Score, tag: &Tag) -> Measure {
    score.per_tag.iter().find(|(own, _)| own == tag).map_or(
        Measure {
            precision: 0.0,
            recall: 0.0,
            f1: 0.0,
        },
        |(_, measure)| *measure,
    )
}

/// Why the answer in `contents` repeats `earlier` (file name, contents, answer), if it does.
fn duplicate_reason(
    (earlier_file, earlier_contents, earlier): &(&String, &String, Submission),
    contents: &str,
    submission: &Submission,
    locale: &Locale,
) -> Option<String> {
    if earlier_contents.trim() == contents.trim() {
        return Some(locale.fill(&locale.text.answer_same_file, &[("file", earlier_file)]));
    }
    let name = |answer: &Submission| answer.display_name.as_deref().and_then(normalized_name);
    let same = name(submission).is_some()
        && name(earlier) == name(submission)
        && sorted_claims(earlier) == sorted_claims(submission);
    same.then(|| {
        locale.fill(
            &locale.text.answer_same_name_claims,
            &[("file", earlier_file)],
        )
    })
}

fn sorted_claims(submission: &Submission) -> Vec<&ScoredSpan> {
    let mut claims: Vec<&ScoredSpan> = submission.claims.iter().collect();
    claims.sort_by(|a, b| (a.range, &a.tag, &a.speaker).cmp(&(b.range, &b.tag, &b.speaker)));
    claims.dedup();
    claims
}

/// Each student counts once per code point, however many of their spans cover it.
fn heat<'a>(
    text: &SourceText,
    students: impl Iterator<Item = &'a [ScoredSpan]>,
) -> Vec<(CharRange, usize)> {
    let mut events: Vec<(usize, isize)> = Vec::new();
    for claims in students {
        let mut ranges: Vec<CharRange> = claims
            .iter()
            .map(|claim| trim_range(text, claim.range))
            .filter(|range| !range.is_empty())
            .collect();
        ranges.sort();
        let mut covered: Vec<CharRange> = Vec::new();
        for range in ranges {
            match covered.last_mut() {
                Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                _ => covered.push(range),
            }
        }
        for range in covered {
            events.extend([(range.start, 1), (range.end, -1)]);
        }
    }
    events.sort();
    let mut runs: Vec<(CharRange, usize)> = Vec::new();
    let mut count = 0isize;
    for (index, &(position, delta)) in events.iter().enumerate() {
        count += delta;
        let Some(&(next, _)) = events.get(index + 1) else {
            break;
        };
        if next == position || count <= 0 {
            continue;
        }
        match runs.last_mut() {
            Some((last, students)) if last.end == position && *students == count as usize => {
                last.end = next
            }
            _ => runs.push((CharRange::new(position, next), count as usize)),
        }
    }
    runs
}

#[cfg(test)]
mod tests;
