//! A classroom exercise (an article and the teacher's key of its claims) and a student's
//! submission, with the file and link forms they travel in.
//!
//! Invariants:
//! - The exchanged forms are their own versioned types (`ExerciseFileV1`, `ExerciseLinkV1`,
//!   `SubmissionFileV1`); the model is never serialised directly, and the `encode_*`/`decode_*`
//!   pairs are the only ways between the two. Their fields are read and written one by one
//!   ([`super::json`]), in the order and with the rules of the serde structs that wrote version
//!   1, so files and links made before read the same (`exercise/fixtures/` holds some).
//! - Every file carries `"v"` and `"kind"`. A file of another kind, or of a newer version, is
//!   refused with a sentence for a person, never half-read; decoding never panics.
//! - The key is obfuscated, not secret: it is XORed with a keystream anyone can compute from the
//!   exercise id and written in base64url, so a student cannot read the answers at a glance in
//!   the file or link, but a determined student can decode them. Nothing here is encryption.
//! - A submission names its exercise by id and by [`exercise_fingerprint`], so answers made for
//!   another exercise, or for a changed one, are recognised. It holds the name the student typed
//!   (if asked), the claims and the time: no e-mail, nothing about the device.

mod exchanged_v1;
mod key_obfuscation;

use std::borrow::Borrow;

use super::json::{self, Object, Value};

use super::annotation::Annotation;
use super::article_key::article_key_for_text;
use super::char_range::CharRange;
use super::claim_scoring::ScoredSpan;
use super::locale::Locale;
use super::shape_problem::ShapeProblem;
use super::tag::Tag;
use exchanged_v1::*;
use key_obfuscation::{obfuscate, reveal, Fnv};

pub const FORMAT_VERSION: u64 = 1;
pub const EXERCISE_KIND: &str = "claim-annotator-exercise";
pub const SUBMISSION_KIND: &str = "claim-annotator-submission";
/// A link's fragment (after `#`) that carries an exercise starts with this.
pub const EXERCISE_LINK_PREFIX: &str = "exercise=";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exercise {
    /// Chosen by the teacher's tool; answers name their exercise by it.
    pub id: String,
    pub title: String,
    pub article: ExerciseArticle,
    /// The teacher's claims, in reading order.
    pub key: Vec<KeyClaim>,
    pub settings: ExerciseSettings,
    /// Fingerprints of the earlier versions this exercise revises (see
    /// [`Exercise::with_key_claim_added`]): answers made for them are still accepted, and scored
    /// against this key. Not part of the fingerprint.
    pub revised_from: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExerciseArticle {
    Text(String),
    /// A plain-text article fetched from `url`; `text_hash` is
    /// [`article_key_for_text`] of the text the key was made on, so a changed text is noticed.
    Url {
        url: String,
        text_hash: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyClaim {
    pub id: String,
    pub range: CharRange,
    pub tag: Tag,
    /// The words at `range`, as the teacher saw them.
    pub quote: String,
    pub speaker: Option<String>,
    /// Shown to the student after checking: why this is the claim and the tag.
    pub explanation: String,
    /// The id of the key claim this one answers (a denial of an allegation, say).
    pub responds_to: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExerciseSettings {
    pub feedback: FeedbackMode,
    pub name: NameRule,
}

impl Default for ExerciseSettings {
    /// Feedback when the student checks, and a name with every answer: what a class exercise
    /// usually wants.
    fn default() -> Self {
        ExerciseSettings {
            feedback: FeedbackMode::AfterChecking,
            name: NameRule::Required,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeedbackMode {
    /// The student sees the key and explanations after checking their answer.
    AfterChecking,
    /// Only the teacher sees results.
    TeacherReportOnly,
}

/// Whether the student is asked for a name to go with the answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameRule {
    Required,
    Optional,
    NotAsked,
}

/// A student's answer to one version of one exercise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Submission {
    pub exercise_id: String,
    pub exercise_fingerprint: String,
    pub display_name: Option<String>,
    pub claims: Vec<ScoredSpan>,
    pub submitted_ms: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExerciseError {
    NotJson,
    NotAnExercise,
    WrongShape(ShapeProblem),
    NewerVersion(u64),
    /// The obfuscated part does not read back: a link cut short, or a file edited by hand.
    Damaged,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SubmissionError {
    NotJson,
    NotASubmission,
    WrongShape(ShapeProblem),
    NewerVersion(u64),
    OtherExercise,
    /// Same exercise id, but its article, key or settings were different.
    ChangedExercise,
}

impl ExerciseError {
    pub fn message(&self, locale: &Locale) -> String {
        let text = &locale.text;
        match self {
            ExerciseError::NotJson => text.exercise_not_json.clone(),
            ExerciseError::NotAnExercise => text.exercise_not_exercise.clone(),
            ExerciseError::WrongShape(what) => locale.fill(
                &text.exercise_wrong_shape,
                &[("detail", &what.message(locale))],
            ),
            ExerciseError::NewerVersion(version) => locale.fill(
                &text.exercise_newer,
                &[("version", &locale.integer(*version as usize))],
            ),
            ExerciseError::Damaged => text.exercise_damaged.clone(),
        }
    }
}

impl SubmissionError {
    pub fn message(&self, locale: &Locale) -> String {
        let text = &locale.text;
        match self {
            SubmissionError::NotJson => text.answer_not_json.clone(),
            SubmissionError::NotASubmission => text.answer_not_answer.clone(),
            SubmissionError::WrongShape(what) => locale.fill(
                &text.answer_wrong_shape,
                &[("detail", &what.message(locale))],
            ),
            SubmissionError::NewerVersion(version) => locale.fill(
                &text.answer_newer,
                &[("version", &locale.integer(*version as usize))],
            ),
            SubmissionError::OtherExercise => text.answer_other_exercise.clone(),
            SubmissionError::ChangedExercise => text.answer_changed_exercise.clone(),
        }
    }
}

impl ExerciseArticle {
    /// An article at `url` whose text is now `text`.
    pub fn for_url(url: &str, text: &str) -> Self {
        ExerciseArticle::Url {
            url: url.to_string(),
            text_hash: article_key_for_text(text),
        }
    }

    /// Whether `text` is the article the key was made on.
    pub fn matches_text(&self, text: &str) -> bool {
        match self {
            ExerciseArticle::Text(own) => own == text,
            ExerciseArticle::Url { text_hash, .. } => *text_hash == article_key_for_text(text),
        }
    }
}

impl Exercise {
    /// The exercise with `claim` added to the key (after the claims that start before it or at
    /// the same place), for a teacher who accepts a student's claim. The current fingerprint is
    /// added to `revised_from`, so every answer already handed in is rescored, not refused.
    pub fn with_key_claim_added(&self, claim: KeyClaim) -> Exercise {
        let mut revised = self.clone();
        let fingerprint = exercise_fingerprint(self);
        if !revised.revised_from.contains(&fingerprint) {
            revised.revised_from.push(fingerprint);
        }
        let place = (claim.range.start, claim.range.end);
        let at = revised
            .key
            .partition_point(|other| (other.range.start, other.range.end) <= place);
        revised.key.insert(at, claim);
        revised
    }

    /// This exercise with `annotations` (the teacher's claims on screen) as its key, and how many
    /// were left out because their words are no longer in the article (orphans).
    pub fn with_key_from<A: Borrow<Annotation>>(&self, annotations: &[A]) -> (Exercise, usize) {
        let key: Vec<KeyClaim> = annotations
            .iter()
            .map(Borrow::borrow)
            .filter(|annotation| annotation.is_drawn())
            .map(KeyClaim::from_annotation)
            .collect();
        let left_out = annotations.len() - key.len();
        (
            Exercise {
                key,
                ..self.clone()
            },
            left_out,
        )
    }

    /// The key as [`claim_scoring`](super::claim_scoring) compares it.
    pub fn key_spans(&self) -> Vec<ScoredSpan> {
        self.key
            .iter()
            .map(|claim| ScoredSpan {
                range: claim.range,
                tag: claim.tag.clone(),
                speaker: claim.speaker.clone(),
            })
            .collect()
    }
}

impl KeyClaim {
    /// A teacher's claim as a claim of the key: its words, tag, speaker, explanation and the
    /// claim it answers.
    pub fn from_annotation(annotation: &Annotation) -> KeyClaim {
        KeyClaim {
            id: annotation.id.clone(),
            range: annotation.range,
            tag: annotation.tag.clone(),
            quote: annotation.quote.exact.clone(),
            speaker: non_empty(&annotation.speaker),
            explanation: annotation.explanation.clone(),
            responds_to: annotation.responds_to.clone(),
        }
    }
}

/// A student's claims (those drawn on the article) as the scorer compares them.
pub fn student_spans<A: Borrow<Annotation>>(annotations: &[A]) -> Vec<ScoredSpan> {
    annotations
        .iter()
        .map(Borrow::borrow)
        .filter(|annotation| annotation.is_drawn())
        .map(|annotation| ScoredSpan {
            range: annotation.range,
            tag: annotation.tag.clone(),
            speaker: non_empty(&annotation.speaker),
        })
        .collect()
}

fn non_empty(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// FNV-1a 64 (16 hex digits) over the article's identity, the key and the settings: the same
/// exercise version always has the same fingerprint; the title, id and `revised_from` are not
/// part of it.
pub fn exercise_fingerprint(exercise: &Exercise) -> String {
    let mut hash = Fnv::default();
    match &exercise.article {
        ExerciseArticle::Text(text) => hash.field(&article_key_for_text(text)),
        ExerciseArticle::Url { url, text_hash } => {
            hash.field(url);
            hash.field(text_hash);
        }
    }
    for claim in &exercise.key {
        for field in [
            claim.id.as_str(),
            &claim.range.start.to_string(),
            &claim.range.end.to_string(),
            claim.tag.keyword(),
            &claim.quote,
            claim.speaker.as_deref().unwrap_or("\u{0}none"),
            &claim.explanation,
            claim.responds_to.as_deref().unwrap_or("\u{0}none"),
        ] {
            hash.field(field);
        }
    }
    hash.field(feedback_keyword(exercise.settings.feedback));
    hash.field(name_keyword(exercise.settings.name));
    format!("{:016x}", hash.0)
}

/// The exercise as a JSON file; the `key` field is obfuscated (see the module notes).
pub fn encode_exercise_file(exercise: &Exercise) -> String {
    let key = key_to_json(&key_to_v1(&exercise.key)).to_json();
    let file = ExerciseFileV1 {
        v: FORMAT_VERSION,
        kind: EXERCISE_KIND.into(),
        id: exercise.id.clone(),
        title: exercise.title.clone(),
        article: ArticleV1::from_model(&exercise.article),
        settings: SettingsV1::from_model(exercise.settings),
        key: obfuscate(key.as_bytes(), &exercise.id),
        revised_from: exercise.revised_from.clone(),
    };
    file.to_json().to_json()
}

pub fn decode_exercise_file(raw: &str) -> Result<Exercise, ExerciseError> {
    let value = open_envelope(raw, Some(EXERCISE_KIND))?;
    let file = ExerciseFileV1::from_json(&value).ok_or(WRONG_FIELDS)?;
    let key_bytes = reveal(&file.key, &file.id).ok_or(ExerciseError::Damaged)?;
    let key = std::str::from_utf8(&key_bytes)
        .ok()
        .and_then(|key| json::parse(key).ok())
        .and_then(|key| key_from_json(&key))
        .ok_or(ExerciseError::Damaged)?;
    exercise_from_v1(
        file.id,
        file.title,
        file.article,
        file.settings,
        key,
        file.revised_from,
    )
}

/// The fragment (without `#`) of a link carrying the whole exercise: `exercise=<base64url>`,
/// short field names, the whole payload obfuscated with a fixed seed.
pub fn encode_exercise_fragment(exercise: &Exercise) -> String {
    let link = ExerciseLinkV1 {
        v: FORMAT_VERSION,
        i: exercise.id.clone(),
        t: exercise.title.clone(),
        a: ArticleV1::from_model(&exercise.article),
        s: SettingsV1::from_model(exercise.settings),
        k: key_to_v1(&exercise.key),
        r: exercise.revised_from.clone(),
    };
    let payload = link.to_json().to_json();
    format!(
        "{EXERCISE_LINK_PREFIX}{}",
        obfuscate(payload.as_bytes(), LINK_SEED)
    )
}

/// `None` when the fragment is not an exercise link; `Err` when it is one that cannot be read.
pub fn decode_exercise_fragment(fragment: &str) -> Option<Result<Exercise, ExerciseError>> {
    let body = fragment
        .trim_start_matches('#')
        .strip_prefix(EXERCISE_LINK_PREFIX)?;
    Some((|| {
        let payload = reveal(body, LINK_SEED).ok_or(ExerciseError::Damaged)?;
        let payload = std::str::from_utf8(&payload).map_err(|_| ExerciseError::Damaged)?;
        let value = open_envelope(payload, None)?;
        let link = ExerciseLinkV1::from_json(&value).ok_or(WRONG_FIELDS)?;
        exercise_from_v1(link.i, link.t, link.a, link.s, link.k, link.r)
    })())
}

pub fn encode_submission(submission: &Submission) -> String {
    let file = SubmissionFileV1 {
        v: FORMAT_VERSION,
        kind: SUBMISSION_KIND.into(),
        exercise: submission.exercise_id.clone(),
        fingerprint: submission.exercise_fingerprint.clone(),
        name: submission.display_name.clone(),
        claims: submission
            .claims
            .iter()
            .map(|claim| SpanV1 {
                s: claim.range.start,
                e: claim.range.end,
                t: claim.tag.keyword().to_string(),
                sp: claim.speaker.clone(),
            })
            .collect(),
        at: submission.submitted_ms,
    };
    file.to_json().to_json()
}

/// Reads an answer made for `expected` (its current version, or one it revises); a blank name
/// reads as none.
pub fn decode_submission(raw: &str, expected: &Exercise) -> Result<Submission, SubmissionError> {
    let value = open_envelope(raw, Some(SUBMISSION_KIND)).map_err(|error| match error {
        ExerciseError::NotJson => SubmissionError::NotJson,
        ExerciseError::NewerVersion(version) => SubmissionError::NewerVersion(version),
        ExerciseError::WrongShape(what) => SubmissionError::WrongShape(what),
        _ => SubmissionError::NotASubmission,
    })?;
    let file = SubmissionFileV1::from_json(&value)
        .ok_or(SubmissionError::WrongShape(ShapeProblem::FieldsMissing))?;
    if file.exercise != expected.id {
        return Err(SubmissionError::OtherExercise);
    }
    if file.fingerprint != exercise_fingerprint(expected)
        && !expected.revised_from.contains(&file.fingerprint)
    {
        return Err(SubmissionError::ChangedExercise);
    }
    let claims = file
        .claims
        .into_iter()
        .map(|claim| {
            Some(ScoredSpan {
                range: CharRange::new(claim.s, claim.e),
                tag: Tag::from_text(&claim.t)?,
                speaker: claim.sp,
            })
        })
        .collect::<Option<Vec<_>>>()
        .ok_or(SubmissionError::WrongShape(ShapeProblem::ClaimHasNoTag))?;
    Ok(Submission {
        exercise_id: file.exercise,
        exercise_fingerprint: file.fingerprint,
        display_name: file.name.filter(|name| !name.trim().is_empty()),
        claims,
        submitted_ms: file.at,
    })
}

const WRONG_FIELDS: ExerciseError = ExerciseError::WrongShape(ShapeProblem::FieldsMissing);

/// The link's keystream seed: links carry no id outside the payload to seed from.
const LINK_SEED: &str = "claim-annotator-exercise-link";

/// Parses JSON, checks `kind` (when given) and that `v` is a version this code reads.
fn open_envelope(raw: &str, kind: Option<&str>) -> Result<Value, ExerciseError> {
    let value = json::parse(raw).map_err(|_| ExerciseError::NotJson)?;
    if kind.is_some_and(|kind| value.get("kind").and_then(Value::as_str) != Some(kind)) {
        return Err(ExerciseError::NotAnExercise);
    }
    match value.get("v").and_then(Value::as_u64) {
        None => Err(ExerciseError::WrongShape(ShapeProblem::NoVersion)),
        Some(version) if version > FORMAT_VERSION => Err(ExerciseError::NewerVersion(version)),
        Some(_) => Ok(value),
    }
}

fn exercise_from_v1(
    id: String,
    title: String,
    article: ArticleV1,
    settings: SettingsV1,
    key: Vec<KeyClaimV1>,
    revised_from: Vec<String>,
) -> Result<Exercise, ExerciseError> {
    if id.trim().is_empty() {
        return Err(ExerciseError::WrongShape(ShapeProblem::NoId));
    }
    let article = match article {
        ArticleV1 {
            text: Some(text),
            url: None,
            hash: None,
        } => ExerciseArticle::Text(text),
        ArticleV1 {
            text: None,
            url: Some(url),
            hash: Some(text_hash),
        } => ExerciseArticle::Url { url, text_hash },
        _ => {
            return Err(ExerciseError::WrongShape(
                ShapeProblem::ArticleNeitherTextNorLink,
            ))
        }
    };
    let settings = ExerciseSettings {
        feedback: match settings.feedback.as_str() {
            "after-checking" => FeedbackMode::AfterChecking,
            "teacher-report-only" => FeedbackMode::TeacherReportOnly,
            _ => {
                return Err(ExerciseError::WrongShape(
                    ShapeProblem::UnknownFeedbackSetting,
                ))
            }
        },
        name: match settings.name.as_str() {
            "required" => NameRule::Required,
            "optional" => NameRule::Optional,
            "not-asked" => NameRule::NotAsked,
            _ => return Err(ExerciseError::WrongShape(ShapeProblem::UnknownNameSetting)),
        },
    };
    let key = key
        .into_iter()
        .map(|claim| {
            Some(KeyClaim {
                id: claim.i,
                range: CharRange::new(claim.s, claim.e),
                tag: Tag::from_text(&claim.t)?,
                quote: claim.q,
                speaker: claim.sp,
                explanation: claim.x,
                responds_to: claim.r,
            })
        })
        .collect::<Option<Vec<_>>>()
        .ok_or(ExerciseError::WrongShape(ShapeProblem::KeyClaimHasNoTag))?;
    Ok(Exercise {
        id,
        title,
        article,
        key,
        settings,
        revised_from,
    })
}

fn feedback_keyword(mode: FeedbackMode) -> &'static str {
    match mode {
        FeedbackMode::AfterChecking => "after-checking",
        FeedbackMode::TeacherReportOnly => "teacher-report-only",
    }
}

fn name_keyword(rule: NameRule) -> &'static str {
    match rule {
        NameRule::Required => "required",
        NameRule::Optional => "optional",
        NameRule::NotAsked => "not-asked",
    }
}

fn key_to_v1(key: &[KeyClaim]) -> Vec<KeyClaimV1> {
    key.iter()
        .map(|claim| KeyClaimV1 {
            i: claim.id.clone(),
            s: claim.range.start,
            e: claim.range.end,
            t: claim.tag.keyword().to_string(),
            q: claim.quote.clone(),
            sp: claim.speaker.clone(),
            x: claim.explanation.clone(),
            r: claim.responds_to.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests;
