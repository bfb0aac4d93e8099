//! Extracting the story from an HTML page: its headline, standfirst, paragraphs, subheadings and
//! captions, without the masthead, menus, banners, ads, related links, comments and footer
//! around them.
//!
//! The browser layer parses the file inertly (`DOMParser`, which runs no script and loads
//! nothing) and converts the document into an [`HtmlNode`] tree; this module only reads that
//! tree, and [`ExtractedArticle::to_article_text`] lays the result out in the plain-text format
//! that [`super::article::parse_article`] reads (`docs/article-format.md`).
//!
//! Invariants:
//! - Nothing is ever executed, loaded or followed. `<script>` and the other non-text elements are
//!   skipped unread; inline event handler attributes (`onclick`, `onload`, …) are just
//!   attributes, never run and never shown; URLs are never opened.
//! - Every block is the page's own text in document order, white space collapsed as a browser
//!   shows it; nothing is invented but the line breaks of `<br>`.
//! - No block's text holds a blank line, so each block stays one block when the laid-out text
//!   is parsed.
//! - Extraction never panics; a page with no story text is [`ExtractionProblem::NoArticleText`].

use super::locale::Locale;

/// A node of a parsed page, as the browser layer builds it from the DOM. Tag and attribute
/// names are lowercase (as the DOM reports them for HTML documents); comments, doctypes and
/// processing instructions are left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HtmlNode {
    Element {
        tag: String,
        attributes: Vec<(String, String)>,
        children: Vec<HtmlNode>,
    },
    Text(String),
}

/// The story of a page or Markdown file. `title` is kept apart from `blocks`: the plain-text
/// layout has no headline (its first block is the standfirst), so the title is stored beside
/// the article, not in its text. It is empty when the source names none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExtractedArticle {
    pub title: String,
    pub blocks: Vec<ExtractedBlock>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExtractedBlock {
    pub kind: ExtractedBlockKind,
    /// Never empty; lines (from `<br>` or a code block) are separated by `\n`, never by a blank
    /// line.
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExtractedBlockKind {
    Standfirst,
    Paragraph,
    Subheading,
    Caption,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExtractionProblem {
    /// Nothing that looks like an article's text: the reader is told to paste it instead.
    NoArticleText,
}

impl ExtractionProblem {
    /// One sentence for the reader: what is wrong, that nothing was changed, and what to do.
    pub fn message(&self, locale: &Locale) -> String {
        match self {
            ExtractionProblem::NoArticleText => locale.text.no_article_text.clone(),
        }
    }
}

impl HtmlNode {
    /// An element; the tag and attribute names are lowercased, as the DOM reports them.
    pub fn element(tag: &str, attributes: &[(&str, &str)], children: Vec<HtmlNode>) -> HtmlNode {
        HtmlNode::Element {
            tag: tag.to_ascii_lowercase(),
            attributes: attributes
                .iter()
                .map(|(name, value)| (name.to_ascii_lowercase(), value.to_string()))
                .collect(),
            children,
        }
    }

    pub fn text(text: &str) -> HtmlNode {
        HtmlNode::Text(text.to_string())
    }

    /// The element's tag; `None` for text.
    pub fn tag(&self) -> Option<&str> {
        match self {
            HtmlNode::Element { tag, .. } => Some(tag),
            HtmlNode::Text(_) => None,
        }
    }

    /// The value of attribute `name` (compared without case); `None` for text or when absent.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        match self {
            HtmlNode::Element { attributes, .. } => attributes
                .iter()
                .find(|(attribute, _)| attribute.eq_ignore_ascii_case(name))
                .map(|(_, value)| value.as_str()),
            HtmlNode::Text(_) => None,
        }
    }

    /// The words of the `class` attribute, as `element.classList` lists them.
    pub fn class_list(&self) -> impl Iterator<Item = &str> {
        self.attribute("class")
            .unwrap_or("")
            .split_ascii_whitespace()
    }

    /// The element's children; none for text.
    pub fn children(&self) -> &[HtmlNode] {
        match self {
            HtmlNode::Element { children, .. } => children,
            HtmlNode::Text(_) => &[],
        }
    }

    fn is(&self, wanted: &str) -> bool {
        self.tag() == Some(wanted)
    }
}

impl ExtractedArticle {
    /// The article in the plain-text layout: the standfirst (if any) first, then every block in
    /// order, separated by one blank line, without a trailing newline. A subheading is one line
    /// (its `<br>`s become spaces) so the parser can recognise it; one it would not recognise
    /// (over 80 characters or 12 words, or ending in punctuation) simply stays a paragraph, and a
    /// short unpunctuated paragraph (a one-line list item, say) may be shown as a subheading:
    /// the layout has no other way to say which is which. The title is not in the text (see
    /// [`ExtractedArticle`]).
    pub fn to_article_text(&self) -> String {
        let is_standfirst = |block: &&ExtractedBlock| block.kind == ExtractedBlockKind::Standfirst;
        let standfirst = self.blocks.iter().filter(is_standfirst);
        let rest = self.blocks.iter().filter(|block| !is_standfirst(block));
        let mut laid_out = Vec::with_capacity(self.blocks.len());
        for block in standfirst.chain(rest) {
            let lines: Vec<&str> = block
                .text
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .collect();
            if lines.is_empty() {
                continue;
            }
            let separator = if block.kind == ExtractedBlockKind::Subheading {
                " "
            } else {
                "\n"
            };
            laid_out.push(lines.join(separator));
        }
        laid_out.join("\n\n")
    }
}

/// Finds the story in a parsed page (pass the document element, or any root holding it).
///
/// The article region is chosen first ([`choose_region`]), then its title
/// ([`find_title`]), standfirst ([`find_standfirst_element`], else the meta description) and
/// blocks, in document order. Blocks that repeat the title exactly are dropped (pages repeat
/// the headline in the region), as are trailing blocks without a single letter (a "—", "* * *"
/// or a bare date closing the story is decoration, not text a reader tags).
pub fn extract_html_article(document: &HtmlNode) -> Result<ExtractedArticle, ExtractionProblem> {
    let (region, scope) = choose_region(document);
    let title = find_title(document, region, scope);
    let standfirst_element = find_standfirst_element(region, scope);
    let mut blocks = collect_blocks(region, scope, standfirst_element);
    blocks.retain(|block| block.text != title);
    while blocks
        .last()
        .is_some_and(|block| !block.text.chars().any(char::is_alphabetic))
    {
        blocks.pop();
    }
    let standfirst = match standfirst_element {
        Some(element) => Some(standfirst_text(element, scope)),
        // A description alone is not an article: it only introduces blocks found on the page.
        None if !blocks.is_empty() => meta_description(document).filter(|description| {
            *description != title && !opens_first_paragraph(description, &blocks)
        }),
        None => None,
    };
    if let Some(text) = standfirst.filter(|text| !text.is_empty()) {
        blocks.insert(
            0,
            ExtractedBlock {
                kind: ExtractedBlockKind::Standfirst,
                text,
            },
        );
    }
    if blocks.is_empty() {
        return Err(ExtractionProblem::NoArticleText);
    }
    Ok(ExtractedArticle { title, blocks })
}

/// Whether an element is read as page furniture (the page around the story) or inside the
/// chosen region, where a `<header>` holds the story's own headline and standfirst.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scope {
    Page,
    Region,
}

/// Elements whose content is never story text: code, styles and embedded or interactive
/// things (nothing in them is prose, and script text must never be shown), and the landmark
/// elements of page furniture: navigation, the site footer and asides (related links, pull-outs,
/// ads). `header` and `form` have rules of their own in [`is_left_out`].
const NEVER_READ: [&str; 16] = [
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "button", "select", "input", "textarea", "nav", "footer", "aside",
];

/// ARIA roles of page furniture: a `<div role="navigation">` is a `<nav>`.
const FURNITURE_ROLES: [&str; 5] = [
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
];

/// Words in a class or id that name page furniture. Matched as whole words of the attribute
/// (split at spaces, `-`, `_`, digits and camelCase humps), with an optional plural `s`, so
/// `ad-slot-2`, `cookieBanner` and `share-tools` match while `head`, `shadow` or `loaded` do
/// not.
const FURNITURE_WORDS: [&str; 27] = [
    "ad",
    "ads",
    "advert",
    "advertisement",
    "advertising",
    "sponsor",
    "sponsored",
    "promo",
    "related",
    "share",
    "social",
    "newsletter",
    "subscribe",
    "cookie",
    "consent",
    "comment",
    "comments",
    "breadcrumb",
    "menu",
    "nav",
    "navbar",
    "navigation",
    "footer",
    "sidebar",
    "popup",
    "modal",
    "overlay",
];

/// Class words that mark the standfirst (dek, lede, summary) on news sites' templates.
const STANDFIRST_WORDS: [&str; 7] = [
    "standfirst",
    "dek",
    "lede",
    "lead",
    "summary",
    "subtitle",
    "intro",
];

/// A standfirst is a sentence or three; a longer "intro" element is a wrapper around the story.
const STANDFIRST_MAX_CHARS: usize = 800;

/// Inline elements: their text flows into the surrounding words. Any other element separates
/// words (two `<div>`s side by side are two runs of text, not one word).
const INLINE: [&str; 31] = [
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong",
    "sub", "sup", "time", "tt", "u",
];

/// Whether `node` (an element) and everything in it is left out of the story.
///
/// - [`NEVER_READ`] elements, always.
/// - `header`: outside the region it is the site's masthead; inside the region it is the
///   story's own header, kept for its headline and standfirst.
/// - `form`: usually a search box or sign-up, but some sites (ASP.NET pages) wrap the whole
///   page in one, so a form that holds an `<article>` or `<main>` is read through.
/// - `hidden`, `aria-hidden="true"` and an inline `display:none`: not shown to readers, so not
///   part of what they read (a saved page keeps what its scripts had hidden).
/// - [`FURNITURE_ROLES`], and class or id words in [`FURNITURE_WORDS`]. The words are not
///   judged on `html`, `body`, `main` or `article`, nor on an `itemprop="articleBody"` element:
///   their classes describe page state or the story's features (`modal-open`, `has-sidebar`,
///   `with-comments`), never furniture.
fn is_left_out(node: &HtmlNode, scope: Scope) -> bool {
    let Some(tag) = node.tag() else {
        return false;
    };
    let hidden = node.attribute("hidden").is_some()
        || node
            .attribute("aria-hidden")
            .is_some_and(|value| value.trim().eq_ignore_ascii_case("true"))
        || node.attribute("style").is_some_and(|style| {
            let style: String = style
                .chars()
                .filter(|ch| !ch.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            style.contains("display:none") || style.contains("visibility:hidden")
        });
    if hidden {
        return true;
    }
    let role = node.attribute("role").unwrap_or("").trim();
    if FURNITURE_ROLES
        .iter()
        .any(|furniture| role.eq_ignore_ascii_case(furniture))
    {
        return true;
    }
    match tag {
        "header" => return scope == Scope::Page,
        "form" => return !holds_main_content(node),
        _ if NEVER_READ.contains(&tag) => return true,
        "html" | "body" | "main" | "article" => return false,
        _ => {}
    }
    if is_article_body(node) {
        return false;
    }
    ["class", "id"].iter().any(|attribute| {
        node.attribute(attribute)
            .is_some_and(|value| has_word(value, &FURNITURE_WORDS))
    })
}

fn holds_main_content(node: &HtmlNode) -> bool {
    node.children().iter().any(|child| {
        child.is("article")
            || child.is("main")
            || child.attribute("role") == Some("main")
            || holds_main_content(child)
    })
}

fn is_article_body(node: &HtmlNode) -> bool {
    node.attribute("itemprop").is_some_and(|value| {
        value
            .split_ascii_whitespace()
            .any(|item| item == "articleBody")
    })
}

/// Whether `value` holds one of `words` as a whole word (see [`FURNITURE_WORDS`]).
fn has_word(value: &str, words: &[&str]) -> bool {
    let mut current = String::new();
    let mut previous_was_lowercase = false;
    let mut found = false;
    let mut finish = |word: &mut String| {
        if !word.is_empty() {
            let singular = word.strip_suffix('s').unwrap_or("");
            found |= words
                .iter()
                .any(|wanted| word == wanted || singular == *wanted);
            word.clear();
        }
    };
    for ch in value.chars() {
        if !ch.is_alphabetic() || (ch.is_uppercase() && previous_was_lowercase) {
            finish(&mut current);
        }
        if ch.is_alphabetic() {
            current.extend(ch.to_lowercase());
        }
        previous_was_lowercase = ch.is_lowercase();
    }
    finish(&mut current);
    found
}

/// Calls `visit` on every element of `node` that is not left out, in document order.
fn for_each_element<'a>(node: &'a HtmlNode, scope: Scope, visit: &mut dyn FnMut(&'a HtmlNode)) {
    if node.tag().is_none() || is_left_out(node, scope) {
        return;
    }
    visit(node);
    for child in node.children() {
        for_each_element(child, scope, visit);
    }
}

/// The first element of `node` (in document order, not left out) that `wanted` accepts.
fn find_first<'a>(
    node: &'a HtmlNode,
    scope: Scope,
    wanted: &dyn Fn(&HtmlNode) -> bool,
) -> Option<&'a HtmlNode> {
    if node.tag().is_none() || is_left_out(node, scope) {
        return None;
    }
    if wanted(node) {
        return Some(node);
    }
    node.children()
        .iter()
        .find_map(|child| find_first(child, scope, wanted))
}

/// The region the story is in, and the scope to read it in. In order: the `<article>` with
/// the most paragraph text (pages hold several: teasers, embeds, the story); else the
/// `itemprop="articleBody"` element (schema.org markup); else `<main>` or `role="main"`; else
/// the element whose direct `<p>` children hold the most text (a story's paragraphs are
/// siblings, a menu's links are not paragraphs); else the whole document, read as a page.
fn choose_region(document: &HtmlNode) -> (&HtmlNode, Scope) {
    let mut articles = Vec::new();
    let mut bodies = Vec::new();
    let mut mains = Vec::new();
    let mut densest: Option<(&HtmlNode, usize)> = None;
    for_each_element(document, Scope::Page, &mut |node| {
        if node.is("article") {
            articles.push(node);
        }
        if is_article_body(node) {
            bodies.push(node);
        }
        if node.is("main") || node.attribute("role") == Some("main") {
            mains.push(node);
        }
        let direct: usize = node
            .children()
            .iter()
            .filter(|child| child.is("p") && !is_left_out(child, Scope::Page))
            .map(|paragraph| visible_len(paragraph, Scope::Page))
            .sum();
        if direct > densest.map_or(0, |(_, most)| most) {
            densest = Some((node, direct));
        }
    });
    for candidates in [articles, bodies, mains] {
        let mut best: Option<(&HtmlNode, usize)> = None;
        for candidate in candidates {
            let length = paragraph_text_len(candidate);
            if length > best.map_or(0, |(_, most)| most) {
                best = Some((candidate, length));
            }
        }
        if let Some((region, _)) = best {
            return (region, Scope::Region);
        }
    }
    match densest {
        Some((region, _)) => (region, Scope::Region),
        None => (document, Scope::Page),
    }
}

/// Characters (not counting white space) of the text in `<p>` elements of `node`.
fn paragraph_text_len(node: &HtmlNode) -> usize {
    let mut length = 0;
    for_each_element(node, Scope::Region, &mut |element| {
        if element.is("p") {
            length += visible_len(element, Scope::Region);
        }
    });
    length
}

/// Characters (not counting white space) of the text shown in `node`.
fn visible_len(node: &HtmlNode, scope: Scope) -> usize {
    match node {
        HtmlNode::Text(text) => text.chars().filter(|ch| !ch.is_whitespace()).count(),
        HtmlNode::Element { children, .. } if !is_left_out(node, scope) => {
            children.iter().map(|child| visible_len(child, scope)).sum()
        }
        HtmlNode::Element { .. } => 0,
    }
}

/// The text shown in `node` on one line, white space collapsed (`<br>` is a space here).
fn text_of(node: &HtmlNode, scope: Scope) -> String {
    fn gather(node: &HtmlNode, scope: Scope, into: &mut String) {
        match node {
            HtmlNode::Text(text) => into.push_str(text),
            HtmlNode::Element { children, .. } if !is_left_out(node, scope) => {
                into.push(' ');
                for child in children {
                    gather(child, scope, into);
                }
                into.push(' ');
            }
            HtmlNode::Element { .. } => {}
        }
    }
    let mut raw = String::new();
    if let HtmlNode::Element { children, .. } = node {
        for child in children {
            gather(child, scope, &mut raw);
        }
    }
    collapse_spaces(&raw.replace(is_collapsible_space, " "))
}

fn holds_media(node: &HtmlNode) -> bool {
    node.children().iter().any(|child| {
        matches!(child.tag(), Some("figure" | "img" | "picture" | "video")) || holds_media(child)
    })
}

mod block_collection;
mod title_and_standfirst;

use block_collection::{collapse_spaces, collect_blocks, is_collapsible_space, standfirst_text};
use title_and_standfirst::{
    find_standfirst_element, find_title, meta_description, opens_first_paragraph,
};

#[cfg(test)]
mod tests;
