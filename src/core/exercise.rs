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

use std::borrow::Borrow;

use super::json::{self, Object, Value};

use super::annotation::Annotation;
use super::article_key::article_key_for_text;
use super::char_range::CharRange;
use super::claim_scoring::ScoredSpan;
use super::locale::Locale;
use super::shape_problem::ShapeProblem;
use super::tag::Tag;

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

/// `{"v","kind","id","title","article","settings","key","revised_from"?}`.
struct ExerciseFileV1 {
    v: u64,
    kind: String,
    id: String,
    title: String,
    article: ArticleV1,
    settings: SettingsV1,
    /// `Vec<KeyClaimV1>` as JSON, obfuscated with the id as seed.
    key: String,
    /// Omitted when empty.
    revised_from: Vec<String>,
}

impl ExerciseFileV1 {
    fn to_json(&self) -> Value {
        Object::new()
            .with("v", self.v)
            .with("kind", &self.kind)
            .with("id", &self.id)
            .with("title", &self.title)
            .with("article", self.article.to_json())
            .with("settings", self.settings.to_json())
            .with("key", &self.key)
            .with_list("revised_from", texts_to_json(&self.revised_from))
            .into()
    }

    fn from_json(value: &Value) -> Option<Self> {
        let file = value.as_object()?;
        Some(ExerciseFileV1 {
            v: file.get("v")?.as_u64()?,
            kind: file.text("kind")?,
            id: file.text("id")?,
            title: file.text("title")?,
            article: ArticleV1::from_json(file.get("article")?)?,
            settings: SettingsV1::from_json(file.get("settings")?)?,
            key: file.text("key")?,
            revised_from: texts_from_json(file.list_or_empty("revised_from")?)?,
        })
    }
}

/// What a link carries, before obfuscation: the file's content with one-letter names,
/// `{"v","i","t","a","s","k","r"?}`.
struct ExerciseLinkV1 {
    v: u64,
    i: String,
    t: String,
    a: ArticleV1,
    s: SettingsV1,
    k: Vec<KeyClaimV1>,
    /// Omitted when empty.
    r: Vec<String>,
}

impl ExerciseLinkV1 {
    fn to_json(&self) -> Value {
        Object::new()
            .with("v", self.v)
            .with("i", &self.i)
            .with("t", &self.t)
            .with("a", self.a.to_json())
            .with("s", self.s.to_json())
            .with("k", key_to_json(&self.k))
            .with_list("r", texts_to_json(&self.r))
            .into()
    }

    fn from_json(value: &Value) -> Option<Self> {
        let link = value.as_object()?;
        Some(ExerciseLinkV1 {
            v: link.get("v")?.as_u64()?,
            i: link.text("i")?,
            t: link.text("t")?,
            a: ArticleV1::from_json(link.get("a")?)?,
            s: SettingsV1::from_json(link.get("s")?)?,
            k: key_from_json(link.get("k")?)?,
            r: texts_from_json(link.list_or_empty("r")?)?,
        })
    }
}

/// Either `text`, or `url` with `hash`; each omitted when `None`.
struct ArticleV1 {
    text: Option<String>,
    url: Option<String>,
    hash: Option<String>,
}

impl ArticleV1 {
    fn from_model(article: &ExerciseArticle) -> Self {
        match article {
            ExerciseArticle::Text(text) => ArticleV1 {
                text: Some(text.clone()),
                url: None,
                hash: None,
            },
            ExerciseArticle::Url { url, text_hash } => ArticleV1 {
                text: None,
                url: Some(url.clone()),
                hash: Some(text_hash.clone()),
            },
        }
    }

    fn to_json(&self) -> Value {
        Object::new()
            .with_some("text", self.text.as_deref())
            .with_some("url", self.url.as_deref())
            .with_some("hash", self.hash.as_deref())
            .into()
    }

    fn from_json(value: &Value) -> Option<Self> {
        let article = value.as_object()?;
        Some(ArticleV1 {
            text: article.optional_text("text")?,
            url: article.optional_text("url")?,
            hash: article.optional_text("hash")?,
        })
    }
}

/// `{"feedback","name"}`, each a keyword.
struct SettingsV1 {
    feedback: String,
    name: String,
}

impl SettingsV1 {
    fn from_model(settings: ExerciseSettings) -> Self {
        SettingsV1 {
            feedback: feedback_keyword(settings.feedback).into(),
            name: name_keyword(settings.name).into(),
        }
    }

    fn to_json(&self) -> Value {
        Object::new()
            .with("feedback", &self.feedback)
            .with("name", &self.name)
            .into()
    }

    fn from_json(value: &Value) -> Option<Self> {
        let settings = value.as_object()?;
        Some(SettingsV1 {
            feedback: settings.text("feedback")?,
            name: settings.text("name")?,
        })
    }
}

/// `{"i","s","e","t","q","sp"?,"x"?,"r"?}`: `sp` and `r` omitted when `None`, `x` when empty.
struct KeyClaimV1 {
    i: String,
    s: usize,
    e: usize,
    /// The tag's keyword.
    t: String,
    q: String,
    sp: Option<String>,
    x: String,
    r: Option<String>,
}

fn key_to_json(key: &[KeyClaimV1]) -> Value {
    key.iter()
        .map(|claim| {
            Object::new()
                .with("i", &claim.i)
                .with("s", claim.s)
                .with("e", claim.e)
                .with("t", &claim.t)
                .with("q", &claim.q)
                .with_some("sp", claim.sp.as_deref())
                .with_text("x", &claim.x)
                .with_some("r", claim.r.as_deref())
                .into()
        })
        .collect::<Vec<Value>>()
        .into()
}

fn key_from_json(value: &Value) -> Option<Vec<KeyClaimV1>> {
    value
        .as_array()?
        .iter()
        .map(|claim| {
            let claim = claim.as_object()?;
            Some(KeyClaimV1 {
                i: claim.text("i")?,
                s: claim.count("s")?,
                e: claim.count("e")?,
                t: claim.text("t")?,
                q: claim.text("q")?,
                sp: claim.optional_text("sp")?,
                x: claim.text_or_empty("x")?,
                r: claim.optional_text("r")?,
            })
        })
        .collect()
}

/// `{"v","kind","exercise","fingerprint","name"?,"claims","at"}`, `at` in milliseconds since
/// 1970.
struct SubmissionFileV1 {
    v: u64,
    kind: String,
    exercise: String,
    fingerprint: String,
    name: Option<String>,
    claims: Vec<SpanV1>,
    at: i64,
}

impl SubmissionFileV1 {
    fn to_json(&self) -> Value {
        let claims: Vec<Value> = self
            .claims
            .iter()
            .map(|span| {
                Object::new()
                    .with("s", span.s)
                    .with("e", span.e)
                    .with("t", &span.t)
                    .with_some("sp", span.sp.as_deref())
                    .into()
            })
            .collect();
        Object::new()
            .with("v", self.v)
            .with("kind", &self.kind)
            .with("exercise", &self.exercise)
            .with("fingerprint", &self.fingerprint)
            .with_some("name", self.name.as_deref())
            .with("claims", claims)
            .with("at", self.at)
            .into()
    }

    fn from_json(value: &Value) -> Option<Self> {
        let file = value.as_object()?;
        let claims = file
            .list("claims")?
            .iter()
            .map(|span| {
                let span = span.as_object()?;
                Some(SpanV1 {
                    s: span.count("s")?,
                    e: span.count("e")?,
                    t: span.text("t")?,
                    sp: span.optional_text("sp")?,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(SubmissionFileV1 {
            v: file.get("v")?.as_u64()?,
            kind: file.text("kind")?,
            exercise: file.text("exercise")?,
            fingerprint: file.text("fingerprint")?,
            name: file.optional_text("name")?,
            claims,
            at: file.integer("at")?,
        })
    }
}

/// `{"s","e","t","sp"?}`.
struct SpanV1 {
    s: usize,
    e: usize,
    t: String,
    sp: Option<String>,
}

fn texts_to_json(texts: &[String]) -> Vec<Value> {
    texts.iter().map(Value::from).collect()
}

fn texts_from_json(values: &[Value]) -> Option<Vec<String>> {
    values
        .iter()
        .map(|value| value.as_str().map(str::to_string))
        .collect()
}

/// FNV-1a 64; each field is hashed with its length first, so fields cannot run into each other.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf29ce484222325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(0x100000001b3);
        }
    }

    fn field(&mut self, text: &str) {
        self.write(&(text.len() as u64).to_le_bytes());
        self.write(text.as_bytes());
    }
}

/// XOR with an xorshift64 keystream seeded by FNV-1a of `seed`. Its own inverse.
fn xor_keystream(bytes: &mut [u8], seed: &str) {
    let mut hash = Fnv::default();
    hash.write(seed.as_bytes());
    let mut state = hash.0 | 1;
    for chunk in bytes.chunks_mut(8) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        for (byte, key) in chunk.iter_mut().zip(state.to_le_bytes()) {
            *byte ^= key;
        }
    }
}

/// An 8-byte FNV-1a checksum of `plain`, then `plain`, XORed and in base64url: unreadable at a
/// glance, and any change to it is noticed when it is read back.
fn obfuscate(plain: &[u8], seed: &str) -> String {
    let mut hash = Fnv::default();
    hash.write(plain);
    let mut bytes = hash.0.to_le_bytes().to_vec();
    bytes.extend_from_slice(plain);
    xor_keystream(&mut bytes, seed);
    base64url_encode(&bytes)
}

/// The bytes [`obfuscate`] hid, or `None` when `text` was changed or cut.
fn reveal(text: &str, seed: &str) -> Option<Vec<u8>> {
    let mut bytes = base64url_decode(text)?;
    xor_keystream(&mut bytes, seed);
    if bytes.len() < 8 {
        return None;
    }
    let plain = bytes.split_off(8);
    let mut hash = Fnv::default();
    hash.write(&plain);
    (bytes == hash.0.to_le_bytes()).then_some(plain)
}

const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// RFC 4648 §5, without padding.
fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = chunk.iter().enumerate().fold(0u32, |group, (i, &byte)| {
            group | u32::from(byte) << (16 - 8 * i)
        });
        for i in 0..=chunk.len() {
            out.push(BASE64URL[(group >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// `None` for a character outside the alphabet or an impossible length.
fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.as_bytes().chunks(4) {
        let mut group = 0u32;
        for (i, &ch) in chunk.iter().enumerate() {
            let value = BASE64URL.iter().position(|&digit| digit == ch)?;
            group |= (value as u32) << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((group >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests;
