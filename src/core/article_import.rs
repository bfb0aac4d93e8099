//! Turning what a reader gives (pasted text, a dropped or chosen file, a page fetched from a
//! web address) into an article draft to check before annotating: its title, its text in the
//! plain-text layout, where it came from, and the key its claims will be stored under.
//!
//! The browser layer reads the file or the response and, for HTML, parses it inertly
//! (`browser::html_document`, which runs nothing); everything else is decided here, with
//! [`super::article_file`], [`super::html_article`] and [`super::markdown_article`].
//!
//! Invariants:
//! - Pasted text and plain-text files keep their text exactly as given, so the same text
//!   pasted twice (or shown on the demo page) has the same key and finds the same claims.
//! - A draft's article always parses into at least one block: what cannot be annotated is an
//!   [`ImportProblem`], never an empty draft.
//! - Every problem's message is one sentence saying what is wrong and that nothing was changed;
//!   those a reader can get round by pasting the text say so ([`ImportProblem::offers_paste`]).
//! - A web address is only what the reader typed, made absolute (`https://` when they gave no
//!   scheme); any scheme but http and https is refused, so nothing else is ever fetched.

use super::article::{parse_article, Article, ArticleError};
use super::article_file::{
    classify_article_file, decode_article_file_text, ArticleFileKind, ArticleFileProblem,
};
use super::article_key::article_key_for_text;
use super::html_article::{extract_html_article, ExtractedArticle, ExtractionProblem, HtmlNode};
use super::library::ArticleOrigin;
use super::locale::Locale;
use super::markdown_article::{extract_markdown_article, suggest_title};
use super::shared::Shared;

/// An article read from the reader's input, not yet in the library: shown to the reader, who
/// may fix its title, before it is kept and annotated.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleDraft {
    /// The source's own title (a page's headline, a Markdown heading), else the text's first
    /// line; may be empty, and the reader may change it.
    pub title: String,
    pub origin: ArticleOrigin,
    /// The key its claims are stored under: the hash of its text, as the widget names any text.
    pub key: String,
    /// The text in the plain-text layout, parsed: what the annotator will show.
    pub article: Shared<Article>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportProblem {
    /// The paste box was empty, or held only white space.
    EmptyPaste,
    File(ArticleFileProblem),
    /// A page or Markdown file with no article text in it.
    NoText(ExtractionProblem),
    /// The text cannot be an article (only white space).
    Article(ArticleError),
    /// The browser could not parse the HTML at all.
    NotParsed,
    /// The browser could not read the file (it was moved, or permission was withdrawn).
    FileUnreadable,
    /// What was typed is not a web address this page may fetch.
    NotAnAddress {
        typed: String,
    },
    /// The browser is offline.
    Offline,
    /// The request failed without an answer: the site does not let other sites read its pages
    /// (CORS), or cannot be reached.
    SiteRefused {
        url: String,
    },
    /// The site answered with an error status (`404 Not Found`).
    ServerAnswered {
        url: String,
        status: String,
    },
}

impl ImportProblem {
    /// One sentence for the reader: what is wrong, and that nothing was changed.
    pub fn message(&self, locale: &Locale) -> String {
        let text = &locale.text;
        match self {
            ImportProblem::EmptyPaste => text.paste_empty.clone(),
            ImportProblem::File(problem) => problem.message(locale),
            ImportProblem::NoText(problem) => problem.message(locale),
            ImportProblem::Article(problem) => locale.fill(
                &text.import_not_an_article,
                &[("reason", &problem.message(locale))],
            ),
            ImportProblem::NotParsed => text.html_not_parsed.clone(),
            ImportProblem::FileUnreadable => text.file_unreadable.clone(),
            ImportProblem::NotAnAddress { typed } => {
                locale.fill(&text.address_not_web, &[("address", typed)])
            }
            ImportProblem::Offline => text.address_offline.clone(),
            ImportProblem::SiteRefused { url } => {
                locale.fill(&text.address_refused, &[("url", url)])
            }
            ImportProblem::ServerAnswered { url, status } => {
                locale.fill(&text.address_answered, &[("url", url), ("status", status)])
            }
        }
    }

    /// Whether pasting the text instead is the way round (the reader is offered the paste box).
    pub fn offers_paste(&self) -> bool {
        matches!(
            self,
            ImportProblem::NoText(_)
                | ImportProblem::NotParsed
                | ImportProblem::Offline
                | ImportProblem::SiteRefused { .. }
                | ImportProblem::ServerAnswered { .. }
        )
    }
}

/// A pasted text: kept exactly as given; its first line suggests the title.
pub fn draft_from_paste(text: &str) -> Result<ArticleDraft, ImportProblem> {
    if text.trim().is_empty() {
        return Err(ImportProblem::EmptyPaste);
    }
    draft_from_plain_text(text, ArticleOrigin::Pasted)
}

/// What a file (or a fetched page, named by its address) is and its text: refused when it is
/// empty, too large, binary, of a type that is not an article, or not decodable text.
pub fn read_article_file(
    file_name: &str,
    mime_type: &str,
    bytes: &[u8],
) -> Result<(ArticleFileKind, String), ImportProblem> {
    let kind = classify_article_file(file_name, mime_type, bytes).map_err(ImportProblem::File)?;
    let text = decode_article_file_text(bytes, kind).map_err(ImportProblem::File)?;
    Ok((kind, text))
}

/// A file's (or a fetched page's) content as a draft: read by [`read_article_file`], then laid
/// out by its kind. `parse_html` is the browser's inert parser (`None` when it cannot parse).
pub fn draft_from_content(
    file_name: &str,
    mime_type: &str,
    bytes: &[u8],
    origin: ArticleOrigin,
    parse_html: impl FnOnce(&str) -> Option<HtmlNode>,
) -> Result<ArticleDraft, ImportProblem> {
    let (kind, text) = read_article_file(file_name, mime_type, bytes)?;
    match kind {
        ArticleFileKind::PlainText => draft_from_plain_text(&text, origin),
        ArticleFileKind::Markdown => draft_from_markdown(&text, origin),
        ArticleFileKind::Html => {
            let document = parse_html(&text).ok_or(ImportProblem::NotParsed)?;
            draft_from_html(&document, origin)
        }
    }
}

/// A plain-text article, kept exactly as given.
pub fn draft_from_plain_text(
    text: &str,
    origin: ArticleOrigin,
) -> Result<ArticleDraft, ImportProblem> {
    let article = parse_article(text).map_err(ImportProblem::Article)?;
    Ok(draft(suggest_title(text), origin, article))
}

pub fn draft_from_markdown(
    markdown: &str,
    origin: ArticleOrigin,
) -> Result<ArticleDraft, ImportProblem> {
    let extracted = extract_markdown_article(markdown).map_err(ImportProblem::NoText)?;
    draft_from_extracted(extracted, origin)
}

/// A page parsed inertly by the browser (the document element, or any root holding the story).
pub fn draft_from_html(
    document: &HtmlNode,
    origin: ArticleOrigin,
) -> Result<ArticleDraft, ImportProblem> {
    let extracted = extract_html_article(document).map_err(ImportProblem::NoText)?;
    draft_from_extracted(extracted, origin)
}

/// `typed` as an absolute http(s) address: `https://` is added when no scheme was given
/// (`example.org/story` or `//example.org/story`); white space inside, an empty host or any
/// other scheme (`javascript:`, `file:`, `data:`) is refused.
pub fn web_address(typed: &str) -> Result<String, ImportProblem> {
    let trimmed = typed.trim();
    let refused = || ImportProblem::NotAnAddress {
        typed: trimmed.to_string(),
    };
    if trimmed.is_empty() || trimmed.chars().any(char::is_whitespace) {
        return Err(refused());
    }
    let absolute = match trimmed.split_once("://") {
        Some((scheme, _))
            if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") =>
        {
            trimmed.to_string()
        }
        Some(_) => return Err(refused()),
        None if trimmed.starts_with("//") => format!("https:{trimmed}"),
        // A scheme without `//` (`javascript:…`, `mailto:…`, `data:…`) is not a web page; a
        // colon after the host is a port (`example.org:8080`).
        None if has_scheme(trimmed) => return Err(refused()),
        None => format!("https://{trimmed}"),
    };
    let after_scheme = absolute.split_once("://").map_or("", |(_, rest)| rest);
    let host = after_scheme.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || host.starts_with(':') {
        return Err(refused());
    }
    Ok(absolute)
}

/// The last segment of an address's path (`story.html`), which names a fetched page for
/// [`read_article_file`]; empty when the path ends in `/`.
pub fn address_file_name(address: &str) -> String {
    let without_fragment = address.split('#').next().unwrap_or("");
    let without_query = without_fragment.split('?').next().unwrap_or("");
    let path = without_query
        .split_once("://")
        .map_or(without_query, |(_, rest)| rest);
    match path.split_once('/') {
        Some((_, path)) => path.rsplit('/').next().unwrap_or("").to_string(),
        None => String::new(),
    }
}

/// `text` starts with `letters:` and what follows is not a port number.
fn has_scheme(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    let is_scheme = scheme.starts_with(|first: char| first.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '+' | '-' | '.'));
    let is_port = rest.starts_with(|first: char| first.is_ascii_digit());
    is_scheme && !is_port
}

fn draft_from_extracted(
    extracted: ExtractedArticle,
    origin: ArticleOrigin,
) -> Result<ArticleDraft, ImportProblem> {
    let text = extracted.to_article_text();
    let article = parse_article(&text).map_err(ImportProblem::Article)?;
    let title = if extracted.title.trim().is_empty() {
        suggest_title(&text)
    } else {
        extracted.title
    };
    Ok(draft(title, origin, article))
}

fn draft(title: String, origin: ArticleOrigin, article: Article) -> ArticleDraft {
    ArticleDraft {
        title,
        origin,
        key: article_key_for_text(article.text.as_str()),
        article: Shared::new(article),
    }
}

#[cfg(test)]
mod tests;
