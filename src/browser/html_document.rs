//! Parsing a saved or pasted HTML page inertly, into the tree `core::html_article` reads.
//!
//! Invariants:
//! - The page is parsed by `DOMParser` as `text/html`: the document it makes has no browsing
//!   context, so none of its scripts run, no event handler fires and nothing (images, styles,
//!   frames) is loaded. The document is only read, never inserted into the page.
//! - The tree holds elements (tag and attribute names in lowercase) and text, in document order;
//!   comments, doctypes and processing instructions are left out. Deciding what is the story is
//!   [`crate::core::html_article::extract_html_article`]'s job.
//! - Nothing here panics: a browser without `DOMParser` gives `None`.

use wasm_bindgen::JsCast;
use web_sys::{DomParser, Element, Node, SupportedType};

use crate::core::html_article::HtmlNode;

/// The page's `<html>` element as an [`HtmlNode`] tree; `None` when the browser cannot parse.
pub fn parse_html_inertly(html: &str) -> Option<HtmlNode> {
    let document = DomParser::new()
        .ok()?
        .parse_from_string(html, SupportedType::TextHtml)
        .ok()?;
    convert(&document.document_element()?.into())
}

/// Elements and text; `None` for every other kind of node.
fn convert(node: &Node) -> Option<HtmlNode> {
    match node.node_type() {
        Node::TEXT_NODE | Node::CDATA_SECTION_NODE => Some(HtmlNode::Text(node.node_value()?)),
        Node::ELEMENT_NODE => {
            let element: &Element = node.unchecked_ref();
            let attributes = element
                .get_attribute_names()
                .iter()
                .filter_map(|name| {
                    let name = name.as_string()?;
                    let value = element.get_attribute(&name)?;
                    Some((name.to_ascii_lowercase(), value))
                })
                .collect();
            let mut children = Vec::new();
            let mut child = node.first_child();
            while let Some(current) = child {
                children.extend(convert(&current));
                child = current.next_sibling();
            }
            Some(HtmlNode::Element {
                tag: element.local_name().to_ascii_lowercase(),
                attributes,
                children,
            })
        }
        _ => None,
    }
}
