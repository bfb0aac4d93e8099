//! Finding the story's headline (its own `<h1>`, else the sharing title, else the page title
//! without the site's name) and its standfirst (a marked element, else the page's description
//! when it does not just open the first paragraph).

use super::*;

/// The headline: the region's first `<h1>` (the story's own), else the page's first `<h1>`
/// outside the furniture, else `og:title` or `twitter:title` (written for sharing, so free of
/// the site's name), else `<title>` without its " | Site" suffix; empty if none.
pub(super) fn find_title(document: &HtmlNode, region: &HtmlNode, scope: Scope) -> String {
    let first_h1 = |root: &HtmlNode, scope: Scope| {
        find_first(root, scope, &|node| {
            node.is("h1") && !text_of(node, scope).is_empty()
        })
        .map(|h1| text_of(h1, scope))
    };
    first_h1(region, scope)
        .or_else(|| first_h1(document, Scope::Page))
        .or_else(|| meta_content(document, &["og:title", "twitter:title"]))
        .or_else(|| {
            find_first(document, Scope::Page, &|node| node.is("title"))
                .map(|title| without_site_suffix(&text_of(title, Scope::Page)))
                .filter(|title| !title.is_empty())
        })
        .unwrap_or_default()
}

/// `"Headline | Site"` → `"Headline"`. Only a short last part (at most 4 words, shorter than the
/// rest) is taken for the site's name, so "Covid - what you need to know" keeps its words.
fn without_site_suffix(title: &str) -> String {
    let cut = [" | ", " - ", " \u{2013} ", " \u{2014} ", " \u{00B7} "]
        .iter()
        .filter_map(|separator| title.rfind(separator).map(|at| (at, separator.len())))
        .max();
    if let Some((at, length)) = cut {
        let (head, site) = (title[..at].trim(), title[at + length..].trim());
        if !head.is_empty()
            && site.split_whitespace().count() <= 4
            && site.chars().count() < head.chars().count()
        {
            return head.to_string();
        }
    }
    title.to_string()
}

/// The `content` of the first `<meta>` whose `property` or `name` is one of `keys`, in the
/// order of `keys`.
fn meta_content(document: &HtmlNode, keys: &[&str]) -> Option<String> {
    let mut metas = Vec::new();
    for_each_element(document, Scope::Page, &mut |node| {
        if node.is("meta") {
            metas.push(node);
        }
    });
    keys.iter().find_map(|key| {
        metas.iter().find_map(|meta| {
            let named = ["property", "name"].iter().any(|attribute| {
                meta.attribute(attribute)
                    .is_some_and(|value| value.trim().eq_ignore_ascii_case(key))
            });
            let content = collapse_spaces(
                &meta
                    .attribute("content")?
                    .replace(is_collapsible_space, " "),
            );
            (named && !content.is_empty()).then_some(content)
        })
    })
}

pub(super) fn meta_description(document: &HtmlNode) -> Option<String> {
    meta_content(document, &["description"])
}

/// Whether a meta description is just the story's opening (sites often fill it with the first
/// paragraph, cut short with an ellipsis): then it is not a standfirst.
pub(super) fn opens_first_paragraph(description: &str, blocks: &[ExtractedBlock]) -> bool {
    let description = description.trim_end_matches(['\u{2026}', '.', ' ']).trim();
    blocks
        .iter()
        .find(|block| block.kind == ExtractedBlockKind::Paragraph)
        .is_some_and(|paragraph| paragraph.text.replace('\n', " ").starts_with(description))
}

/// The first element of the region whose class names it the standfirst ([`STANDFIRST_WORDS`]),
/// has letters and is no longer than [`STANDFIRST_MAX_CHARS`]. Not the headline, and not a
/// picture: templates call the top photo `lead-image` or `lede-media`, and its caption is not a
/// standfirst.
pub(super) fn find_standfirst_element(region: &HtmlNode, scope: Scope) -> Option<&HtmlNode> {
    // Not the region itself: a `<div class="intro-and-story">` around everything is no standfirst.
    let is_standfirst = |node: &HtmlNode| {
        let named = node
            .attribute("class")
            .is_some_and(|class| has_word(class, &STANDFIRST_WORDS));
        named
            && !matches!(
                node.tag(),
                Some("h1" | "figure" | "figcaption" | "img" | "picture" | "video")
            )
            && !holds_media(node)
            && {
                let text = text_of(node, scope);
                text.chars().any(char::is_alphabetic)
                    && text.chars().count() <= STANDFIRST_MAX_CHARS
            }
    };
    region
        .children()
        .iter()
        .find_map(|child| find_first(child, scope, &is_standfirst))
}
