//! Version 1 of the exercise's exchanged forms: the file, the link and the submission, read
//! and written field by field in the order and with the rules of the serde structs that first
//! wrote them, so files and links made before read the same (`fixtures/` holds some). The
//! model ([`super::Exercise`], [`super::Submission`]) is never serialised directly.

use super::*;

/// `{"v","kind","id","title","article","settings","key","revised_from"?}`.
pub(super) struct ExerciseFileV1 {
    pub(super) v: u64,
    pub(super) kind: String,
    pub(super) id: String,
    pub(super) title: String,
    pub(super) article: ArticleV1,
    pub(super) settings: SettingsV1,
    /// `Vec<KeyClaimV1>` as JSON, obfuscated with the id as seed.
    pub(super) key: String,
    /// Omitted when empty.
    pub(super) revised_from: Vec<String>,
}

impl ExerciseFileV1 {
    pub(super) fn to_json(&self) -> Value {
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

    pub(super) fn from_json(value: &Value) -> Option<Self> {
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
pub(super) struct ExerciseLinkV1 {
    pub(super) v: u64,
    pub(super) i: String,
    pub(super) t: String,
    pub(super) a: ArticleV1,
    pub(super) s: SettingsV1,
    pub(super) k: Vec<KeyClaimV1>,
    /// Omitted when empty.
    pub(super) r: Vec<String>,
}

impl ExerciseLinkV1 {
    pub(super) fn to_json(&self) -> Value {
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

    pub(super) fn from_json(value: &Value) -> Option<Self> {
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
pub(super) struct ArticleV1 {
    pub(super) text: Option<String>,
    pub(super) url: Option<String>,
    pub(super) hash: Option<String>,
}

impl ArticleV1 {
    pub(super) fn from_model(article: &ExerciseArticle) -> Self {
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

    pub(super) fn to_json(&self) -> Value {
        Object::new()
            .with_some("text", self.text.as_deref())
            .with_some("url", self.url.as_deref())
            .with_some("hash", self.hash.as_deref())
            .into()
    }

    pub(super) fn from_json(value: &Value) -> Option<Self> {
        let article = value.as_object()?;
        Some(ArticleV1 {
            text: article.optional_text("text")?,
            url: article.optional_text("url")?,
            hash: article.optional_text("hash")?,
        })
    }
}

/// `{"feedback","name"}`, each a keyword.
pub(super) struct SettingsV1 {
    pub(super) feedback: String,
    pub(super) name: String,
}

impl SettingsV1 {
    pub(super) fn from_model(settings: ExerciseSettings) -> Self {
        SettingsV1 {
            feedback: feedback_keyword(settings.feedback).into(),
            name: name_keyword(settings.name).into(),
        }
    }

    pub(super) fn to_json(&self) -> Value {
        Object::new()
            .with("feedback", &self.feedback)
            .with("name", &self.name)
            .into()
    }

    pub(super) fn from_json(value: &Value) -> Option<Self> {
        let settings = value.as_object()?;
        Some(SettingsV1 {
            feedback: settings.text("feedback")?,
            name: settings.text("name")?,
        })
    }
}

/// `{"i","s","e","t","q","sp"?,"x"?,"r"?}`: `sp` and `r` omitted when `None`, `x` when empty.
pub(super) struct KeyClaimV1 {
    pub(super) i: String,
    pub(super) s: usize,
    pub(super) e: usize,
    /// The tag's keyword.
    pub(super) t: String,
    pub(super) q: String,
    pub(super) sp: Option<String>,
    pub(super) x: String,
    pub(super) r: Option<String>,
}

pub(super) fn key_to_json(key: &[KeyClaimV1]) -> Value {
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

pub(super) fn key_from_json(value: &Value) -> Option<Vec<KeyClaimV1>> {
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
pub(super) struct SubmissionFileV1 {
    pub(super) v: u64,
    pub(super) kind: String,
    pub(super) exercise: String,
    pub(super) fingerprint: String,
    pub(super) name: Option<String>,
    pub(super) claims: Vec<SpanV1>,
    pub(super) at: i64,
}

impl SubmissionFileV1 {
    pub(super) fn to_json(&self) -> Value {
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

    pub(super) fn from_json(value: &Value) -> Option<Self> {
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
pub(super) struct SpanV1 {
    pub(super) s: usize,
    pub(super) e: usize,
    pub(super) t: String,
    pub(super) sp: Option<String>,
}

pub(super) fn texts_to_json(texts: &[String]) -> Vec<Value> {
    texts.iter().map(Value::from).collect()
}

pub(super) fn texts_from_json(values: &[Value]) -> Option<Vec<String>> {
    values
        .iter()
        .map(|value| value.as_str().map(str::to_string))
        .collect()
}
