//! What a page asks the build-time prerenderer (`examples/prerender.rs`) for: the one
//! `<claim-annotator>` element holding the marker comment, and the attributes of it that decide
//! what the widget first shows.
//!
//! Invariants:
//! - The copy is rendered from the attributes the live widget will read (`lang`, `panel`), so
//!   the swap to the live widget changes neither the interface's language nor the layout.
//! - A page the prerenderer cannot serve faithfully is refused with a message naming what to
//!   change, never prerendered wrong: no marker or two, a marker outside the element or after
//!   other content in it, an element that annotates a story already on the page (`for`).
//! - An article prerendered from a file of another name than the one the element will show
//!   (`article-url`, else the sample) is pointed out (`article_mismatch`), as a warning: a
//!   site may serve a file under another name.
//! - Only the start tag is read; the page is otherwise left as it is, byte for byte.

/// What a page puts inside its `<claim-annotator>` element to have the widget prerendered.
pub const PRERENDER_MARKER: &str = "<!-- prerendered widget -->";

/// The element's choices that the first render depends on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PrerenderRequest {
    /// Where the marker starts in the page (a byte offset): the prerendered copy replaces it.
    pub marker_at: usize,
    /// The `lang` attribute, as written (`None` when absent or empty).
    pub language: Option<String>,
    /// The `panel` attribute, as written.
    pub panel: Option<String>,
    /// The `article-url` attribute, as written.
    pub article_url: Option<String>,
}

/// Finds the marker and reads the start tag of the `<claim-annotator>` element around it.
pub fn read_prerender_request(page: &str) -> Result<PrerenderRequest, String> {
    let count = page.matches(PRERENDER_MARKER).count();
    let marker_at = match (count, page.find(PRERENDER_MARKER)) {
        (1, Some(at)) => at,
        _ => {
            return Err(format!(
                "the page must hold {PRERENDER_MARKER} once, inside its <claim-annotator> element; it holds it {count} times"
            ))
        }
    };
    let before = &page[..marker_at];
    let lowered = before.to_ascii_lowercase();
    let not_inside =
        || format!("{PRERENDER_MARKER} must be the first thing inside a <claim-annotator> element");
    let start = find_element_start(&lowered).ok_or_else(not_inside)?;
    let (attributes, tag_end) =
        read_start_tag(before, start + ELEMENT.len()).ok_or_else(not_inside)?;
    if !before[tag_end..].trim().is_empty() {
        return Err(not_inside());
    }
    let attribute = |name: &str| {
        attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.trim().to_string())
    };
    if let Some(story) = attribute("for") {
        return Err(format!(
            "the element annotates the story \u{201C}#{story}\u{201D} in place (its \u{201C}for\u{201D} attribute): that story is already in the page, so there is no copy to prerender; take the marker out"
        ));
    }
    Ok(PrerenderRequest {
        marker_at,
        language: attribute("lang").filter(|value| !value.is_empty()),
        panel: attribute("panel"),
        article_url: attribute("article-url"),
    })
}

/// Why the article prerendered (`article_file`, a file name) is likely not the one the live
/// widget will show, or `None`. Compared by file name only: a site often serves a file under
/// another path than the one it is built from. Without `article-url` the widget shows its
/// sample, `article.txt` beside the loader. A warning, not a refusal: a site may rewrite names.
pub fn article_mismatch(request: &PrerenderRequest, article_file: &str) -> Option<String> {
    let url = request
        .article_url
        .as_deref()
        .map(str::trim)
        .filter(|url| !url.is_empty());
    let shown = match url {
        Some(url) => {
            let path = url.split(['?', '#']).next().unwrap_or(url);
            path.rsplit('/').next().unwrap_or(path)
        }
        None => SAMPLE_ARTICLE_FILE,
    };
    (shown != article_file).then(|| match url {
        Some(_) => format!(
            "the element's article-url names \u{201C}{shown}\u{201D}, but the article prerendered is \u{201C}{article_file}\u{201D}: once the widget starts, readers will see the copy replaced by another article"
        ),
        None => format!(
            "the element has no article-url, so the live widget shows its sample article ({SAMPLE_ARTICLE_FILE}), not \u{201C}{article_file}\u{201D}: give the element article-url=\"{article_file}\" (or its address)"
        ),
    })
}

const ELEMENT: &str = "<claim-annotator";

/// The file an own copy without `article-url` shows: the sample, beside the loader.
const SAMPLE_ARTICLE_FILE: &str = "article.txt";

/// The byte offset of the last `<claim-annotator` start tag in `lowered` (the page before the
/// marker, ASCII-lowercased), not a longer name such as `<claim-annotator-x`.
fn find_element_start(lowered: &str) -> Option<usize> {
    let mut end = lowered.len();
    while let Some(at) = lowered[..end].rfind(ELEMENT) {
        let next = lowered[at + ELEMENT.len()..].chars().next();
        if matches!(next, Some(ch) if ch.is_ascii_whitespace() || ch == '>' || ch == '/') {
            return Some(at);
        }
        end = at;
    }
    None
}

/// The attributes of the start tag whose name ends at `from`, in order, names lowercased (so a
/// repeated name's first value is the one found, as in HTML), and the offset just past its
/// `>`; `None` if the tag does not end.
fn read_start_tag(text: &str, from: usize) -> Option<(Vec<(String, String)>, usize)> {
    let bytes = text.as_bytes();
    let mut at = from;
    let mut attributes = Vec::new();
    loop {
        while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b'/') {
            at += 1;
        }
        match bytes.get(at)? {
            b'>' => return Some((attributes, at + 1)),
            _ => {
                let name_start = at;
                while at < bytes.len()
                    && !matches!(bytes[at], b'=' | b'>' | b'/')
                    && !bytes[at].is_ascii_whitespace()
                {
                    at += 1;
                }
                let name = text[name_start..at].to_ascii_lowercase();
                while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                    at += 1;
                }
                let mut value = String::new();
                if bytes.get(at) == Some(&b'=') {
                    at += 1;
                    while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                        at += 1;
                    }
                    match bytes.get(at)? {
                        quote @ (b'"' | b'\'') => {
                            let close = text[at + 1..].find(*quote as char)? + at + 1;
                            value = text[at + 1..close].to_string();
                            at = close + 1;
                        }
                        _ => {
                            let value_start = at;
                            while at < bytes.len()
                                && bytes[at] != b'>'
                                && !bytes[at].is_ascii_whitespace()
                            {
                                at += 1;
                            }
                            value = text[value_start..at].to_string();
                        }
                    }
                }
                attributes.push((name, value));
            }
        }
    }
}

#[cfg(test)]
mod tests;
