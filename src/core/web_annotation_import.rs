//! Import of W3C Web Annotations: our own exports, and files written by other W3C tools, which
//! may carry only one of the two selectors.
//!
//! Accepted shapes: an `AnnotationCollection` with an embedded first page, an `AnnotationPage`,
//! a bare array of annotations, or a single annotation.
//!
//! Bodies are read by purpose (the mapping of [`super::web_annotation_export`]): `tagging` →
//! tag (or, without one, a body whose value is a known tag), `commenting` → note (or the
//! annotation's `bodyValue`), `identifying` → speaker, `describing` → explanation, `linking` →
//! the claim it answers: a `SpecificResource`'s `source`, or else the body's `id`, without a
//! `urn:uuid:` prefix. The first body of each purpose counts; other bodies are ignored.
//!
//! Invariants:
//! - Importing never panics and never half-fails silently: the whole file is refused with a
//!   reason ([`ImportError`]), or every annotation in it is either imported or listed as
//!   rejected with its reason.
//! - Imported annotations are anchored like any other. Those made on another article are kept
//!   apart and only imported if the reader asks, and then never as certain.
//! - Tag values match case-insensitively; a tag this version does not know is kept as written
//!   ([`Tag::Other`]) and shown, never dropped.

use std::borrow::Borrow;

use super::json::{self, Value};

use super::anchoring::anchor_status;
use super::annotation::{AnchorStatus, Annotation};
use super::char_range::CharRange;
use super::iso_time::parse_iso;
use super::json_syntax_error::JsonSyntaxError;
use super::locale::Locale;
use super::selector::{
    describe_quote, match_quote, MatchableText, TextPositionSelector, TextQuoteSelector,
};
use super::shape_problem::ShapeProblem;
use super::source_text::SourceText;
use super::tag::Tag;
use super::web_annotation_export::UUID_URN_PREFIX;

/// Far above any real article's annotations (a thousand claims export to about 1 MB).
pub const MAX_IMPORT_BYTES: usize = 10 * 1024 * 1024;

#[derive(Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge { bytes: usize },
    NotJson(JsonSyntaxError),
    WrongShape(ShapeProblem),
}

impl ImportError {
    pub fn message(&self, locale: &Locale) -> String {
        let text = &locale.text;
        match self {
            ImportError::TooLarge { bytes } => {
                locale.fill(&text.import_too_large, &[("size", &locale.size(*bytes))])
            }
            ImportError::NotJson(position) => position.fill(locale, &text.import_not_json),
            ImportError::WrongShape(what) => locale.fill(
                &text.import_wrong_shape,
                &[("detail", &what.message(locale))],
            ),
        }
    }
}

#[derive(Debug, Default, PartialEq)]
pub struct ImportOutcome {
    pub annotations: Vec<Annotation>,
    /// (position in the file, starting at 1; why it was not imported).
    pub rejected: Vec<(usize, ShapeProblem)>,
    /// Annotations whose target names another article: not imported with the others, but
    /// offered to the reader, who may import them for review.
    pub from_other_article: Vec<Annotation>,
}

pub fn import_annotations(
    file: &str,
    text: &SourceText,
    this_article_source: &str,
    now_ms: i64,
    new_id: &mut dyn FnMut() -> String,
) -> Result<ImportOutcome, ImportError> {
    if file.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: file.len() });
    }
    let value = json::parse(file).map_err(ImportError::NotJson)?;
    let items = annotation_items(&value)?;
    let matchable = MatchableText::new(text);
    let mut outcome = ImportOutcome::default();
    for (index, item) in items.iter().enumerate() {
        match import_one(item, &matchable, now_ms, new_id) {
            Ok((mut annotation, source, exact)) => {
                // A claim whose quote and position both match this text exactly goes straight
                // in, whatever tool or address it came from: that is this article.
                if !exact && source.is_some_and(|source| source != this_article_source) {
                    // Even where its words are found here, it was made on another text.
                    if annotation.anchor == AnchorStatus::Anchored {
                        annotation.anchor = AnchorStatus::Doubtful;
                    }
                    outcome.from_other_article.push(annotation);
                } else {
                    outcome.annotations.push(annotation);
                }
            }
            Err(reason) => outcome.rejected.push((index + 1, reason)),
        }
    }
    Ok(outcome)
}

/// What an import did, for the reader.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub needing_review: usize,
    pub from_other_article: usize,
    pub rejected: Vec<(usize, ShapeProblem)>,
}

impl ImportSummary {
    /// Compares the outcome with the annotations already there (same id: the newer wins).
    pub fn of<A: Borrow<Annotation>>(existing: &[A], outcome: &ImportOutcome) -> ImportSummary {
        let mut summary = ImportSummary {
            from_other_article: outcome.from_other_article.len(),
            rejected: outcome.rejected.clone(),
            ..Default::default()
        };
        for imported in &outcome.annotations {
            match existing
                .iter()
                .map(Borrow::borrow)
                .find(|annotation| annotation.id == imported.id)
            {
                None => summary.added += 1,
                Some(current) if imported.modified_ms > current.modified_ms => summary.updated += 1,
                Some(_) => summary.unchanged += 1,
            }
            summary.needing_review += usize::from(imported.anchor.needs_review());
        }
        summary
    }

    pub fn message(&self, locale: &Locale) -> String {
        let text = &locale.text;
        let number = |count: usize| locale.integer(count);
        let mut message = locale.fill(
            &text.import_summary,
            &[
                ("added", &number(self.added)),
                ("updated", &number(self.updated)),
                ("unchanged", &number(self.unchanged)),
                ("review", &number(self.needing_review)),
                ("rejected", &number(self.rejected.len())),
            ],
        );
        if self.from_other_article > 0 {
            message.push_str(&locale.count(
                &text.import_offer_foreign,
                self.from_other_article,
                &[],
            ));
        }
        for (position, reason) in self.rejected.iter().take(5) {
            message.push_str(&locale.fill(
                &text.import_rejected_item,
                &[
                    ("index", &number(*position)),
                    ("reason", &reason.message(locale)),
                ],
            ));
        }
        if self.rejected.len() > 5 {
            message.push_str(&locale.fill(
                &text.import_more_rejected,
                &[("count", &number(self.rejected.len() - 5))],
            ));
        }
        message
    }
}

fn has_type(value: &Value, wanted: &str) -> bool {
    match value.get("type") {
        Some(Value::String(kind)) => kind == wanted,
        Some(Value::Array(kinds)) => kinds.iter().any(|kind| kind.as_str() == Some(wanted)),
        _ => false,
    }
}

fn annotation_items(value: &Value) -> Result<Vec<&Value>, ImportError> {
    if let Some(items) = value.as_array() {
        return Ok(items.iter().collect());
    }
    if !value.is_object() {
        return Err(ImportError::WrongShape(ShapeProblem::NeitherObjectNorList));
    }
    if has_type(value, "AnnotationCollection") {
        return match value.get("first") {
            Some(page) if page.is_object() => {
                page_items(page).ok_or(ImportError::WrongShape(ShapeProblem::FirstPageHasNoItems))
            }
            Some(Value::String(_)) => Err(ImportError::WrongShape(ShapeProblem::PagesNotEmbedded)),
            _ => Ok(Vec::new()),
        };
    }
    if has_type(value, "AnnotationPage") {
        return page_items(value).ok_or(ImportError::WrongShape(ShapeProblem::PageHasNoItems));
    }
    if has_type(value, "Annotation") || value.get("target").is_some() {
        return Ok(vec![value]);
    }
    Err(ImportError::WrongShape(ShapeProblem::NotAnAnnotation))
}

fn page_items(page: &Value) -> Option<Vec<&Value>> {
    page.get("items")
        .and_then(Value::as_array)
        .map(|items| items.iter().collect())
}

fn as_list(value: Option<&Value>) -> Vec<&Value> {
    match value {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(other) => vec![other],
        None => Vec::new(),
    }
}

fn has_purpose(body: &Value, purpose: &str) -> bool {
    as_list(body.get("purpose"))
        .iter()
        .any(|value| value.as_str() == Some(purpose))
}

/// The annotation, and its target's `source` when it names one.
fn import_one(
    item: &Value,
    text: &MatchableText,
    now_ms: i64,
    new_id: &mut dyn FnMut() -> String,
) -> Result<(Annotation, Option<String>, bool), ShapeProblem> {
    if !item.is_object() {
        return Err(ShapeProblem::NotAnObject);
    }
    let bodies = as_list(item.get("body"));
    let tag_body = bodies
        .iter()
        .find(|body| has_purpose(body, "tagging"))
        .or_else(|| {
            bodies.iter().find(|body| {
                body.get("value")
                    .and_then(Value::as_str)
                    .and_then(Tag::from_keyword)
                    .is_some()
            })
        })
        .ok_or(ShapeProblem::NoTag)?;
    let tag_value = tag_body
        .get("value")
        .and_then(Value::as_str)
        .ok_or(ShapeProblem::TagHasNoText)?;
    let tag = Tag::from_text(tag_value).ok_or(ShapeProblem::TagIsEmpty)?;
    let text_of = |purpose: &str| {
        bodies
            .iter()
            .find(|body| has_purpose(body, purpose))
            .and_then(|body| body.get("value").and_then(Value::as_str))
    };
    let note = text_of("commenting")
        .or_else(|| item.get("bodyValue").and_then(Value::as_str))
        .unwrap_or("")
        .to_string();
    let speaker = text_of("identifying").unwrap_or("").to_string();
    let explanation = text_of("describing").unwrap_or("").to_string();
    let responds_to = bodies
        .iter()
        .find(|body| has_purpose(body, "linking"))
        .and_then(|body| {
            body.get("source")
                .and_then(Value::as_str)
                .or_else(|| body.get("id").and_then(Value::as_str))
        })
        .map(strip_uuid_urn)
        .filter(|target| !target.is_empty());
    let target = as_list(item.get("target"))
        .into_iter()
        .next()
        .ok_or(ShapeProblem::NoTarget)?;
    let source = target
        .get("source")
        .and_then(Value::as_str)
        .or_else(|| target.as_str())
        .map(str::to_string);
    let selectors = as_list(target.get("selector"));
    let quote = selectors
        .iter()
        .find(|selector| has_type(selector, "TextQuoteSelector"))
        .map(|selector| TextQuoteSelector {
            exact: selector
                .get("exact")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string(),
            prefix: selector
                .get("prefix")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string(),
            suffix: selector
                .get("suffix")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string(),
        });
    let position = selectors
        .iter()
        .find(|selector| has_type(selector, "TextPositionSelector"))
        .and_then(|selector| {
            let start = selector.get("start")?.as_u64()? as usize;
            let end = selector.get("end")?.as_u64()? as usize;
            (start < end).then_some(TextPositionSelector { start, end })
        });
    let (quote, range, anchor) = match (quote.filter(|quote| !quote.exact.is_empty()), position) {
        (Some(quote), position) => {
            let found = match_quote(text, &quote, position);
            let range = found
                .map(|found| found.range)
                .or(position.map(|position| CharRange::new(position.start, position.end)))
                .unwrap_or_default();
            (quote, range, anchor_status(found.as_ref()))
        }
        (None, Some(position)) if position.end <= text.source.len_chars() => {
            let range = CharRange::new(position.start, position.end);
            (
                describe_quote(text.source, range),
                range,
                AnchorStatus::Anchored,
            )
        }
        (None, Some(_)) => return Err(ShapeProblem::PositionBeyondEnd),
        (None, None) => return Err(ShapeProblem::NoSelector),
    };
    let id = match item.get("id").and_then(Value::as_str) {
        Some(id) => strip_uuid_urn(id).to_string(),
        None => new_id(),
    };
    // A claim never answers itself.
    let responds_to = responds_to
        .filter(|target| *target != id)
        .map(str::to_string);
    let created_ms = item
        .get("created")
        .and_then(Value::as_str)
        .and_then(parse_iso)
        .unwrap_or(now_ms);
    let modified_ms = item
        .get("modified")
        .and_then(Value::as_str)
        .and_then(parse_iso)
        .unwrap_or(created_ms);
    // Its quote found exactly where its position says: certain, from any tool.
    let exact = anchor == AnchorStatus::Anchored
        && position
            .is_some_and(|position| (position.start, position.end) == (range.start, range.end))
        && text.source.slice(range) == quote.exact;
    Ok((
        Annotation {
            id,
            tag,
            quote,
            range,
            note,
            speaker,
            explanation,
            responds_to,
            created_ms,
            modified_ms,
            anchor,
        },
        source,
        exact,
    ))
}

/// An id as the model keeps it: `urn:uuid:…` (how ids are exported) without the prefix.
fn strip_uuid_urn(id: &str) -> &str {
    id.strip_prefix(UUID_URN_PREFIX).unwrap_or(id)
}

#[cfg(test)]
mod tests;
