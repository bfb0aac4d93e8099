//! Test-only: a small HTML tokenizer and tree builder for the pages the tests read.

use super::*;

/// An element whose end tag the test tokenizer has not met yet: tag, attributes, children.
type OpenElement = (String, Vec<(String, String)>, Vec<HtmlNode>);

/// Test-only: a tiny HTML tokenizer and tree builder, enough for the well-formed pages above
/// (void elements, raw-text script and style elements, quoted and bare attributes, a few entities,
/// unclosed elements closed with their ancestor). It is not a browser's parser and is not part
/// of the library: the widget gets its tree from `DOMParser`.
pub(super) fn parse_html(html: &str) -> HtmlNode {
    const VOID: [&str; 8] = ["meta", "link", "br", "img", "input", "hr", "source", "wbr"];
    let mut stack: Vec<OpenElement> = vec![("#root".to_string(), Vec::new(), Vec::new())];
    fn close_top(stack: &mut Vec<OpenElement>) -> String {
        let (tag, attributes, children) = stack.pop().expect("an open element");
        let closed = tag.clone();
        stack
            .last_mut()
            .expect("the root")
            .2
            .push(HtmlNode::Element {
                tag,
                attributes,
                children,
            });
        closed
    }
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
        } else if rest.starts_with("<!") || rest.starts_with("<?") {
            rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
        } else if let Some(after) = rest.strip_prefix("</") {
            let end = after.find('>').expect("a closed end tag");
            let name = after[..end].trim().to_ascii_lowercase();
            rest = &after[end + 1..];
            if stack.iter().skip(1).any(|(tag, _, _)| *tag == name) {
                while close_top(&mut stack) != name {}
            }
        } else if rest.starts_with('<')
            && rest[1..].starts_with(|ch: char| ch.is_ascii_alphabetic())
        {
            let (name, attributes, self_closing, length) = start_tag(rest);
            rest = &rest[length..];
            if name == "script" || name == "style" {
                let end = rest
                    .to_ascii_lowercase()
                    .find(&format!("</{name}"))
                    .unwrap_or(rest.len());
                let children = vec![HtmlNode::Text(rest[..end].to_string())];
                rest = rest[end..]
                    .find('>')
                    .map_or("", |close| &rest[end + close + 1..]);
                stack
                    .last_mut()
                    .expect("the root")
                    .2
                    .push(HtmlNode::Element {
                        tag: name,
                        attributes,
                        children,
                    });
            } else if self_closing || VOID.contains(&name.as_str()) {
                stack
                    .last_mut()
                    .expect("the root")
                    .2
                    .push(HtmlNode::Element {
                        tag: name,
                        attributes,
                        children: Vec::new(),
                    });
            } else {
                stack.push((name, attributes, Vec::new()));
            }
        } else {
            let end = rest[1..].find('<').map_or(rest.len(), |at| at + 1);
            let text = decode_entities(&rest[..end]);
            stack
                .last_mut()
                .expect("the root")
                .2
                .push(HtmlNode::Text(text));
            rest = &rest[end..];
        }
    }
    while stack.len() > 1 {
        close_top(&mut stack);
    }
    let (_, _, mut top) = stack.pop().expect("the root");
    top.retain(|node| !matches!(node, HtmlNode::Text(text) if text.trim().is_empty()));
    match top.as_slice() {
        [HtmlNode::Element { tag, .. }] if tag == "html" => top.remove(0),
        _ => HtmlNode::element("html", &[], top),
    }
}

/// `<name attr="v" attr2='v' bare attr3=v />` → (name, attributes, self-closing, length).
fn start_tag(source: &str) -> (String, Vec<(String, String)>, bool, usize) {
    let chars: Vec<(usize, char)> = source.char_indices().collect();
    let mut index = 1;
    let word = |index: &mut usize| {
        let start = *index;
        while *index < chars.len()
            && !chars[*index].1.is_whitespace()
            && !matches!(chars[*index].1, '>' | '/' | '=')
        {
            *index += 1;
        }
        chars[start..*index]
            .iter()
            .map(|(_, ch)| ch)
            .collect::<String>()
    };
    let name = word(&mut index).to_ascii_lowercase();
    let mut attributes = Vec::new();
    let mut self_closing = false;
    loop {
        while chars[index].1.is_whitespace() {
            index += 1;
        }
        match chars[index].1 {
            '>' => break,
            '/' => {
                self_closing = true;
                index += 1;
                continue;
            }
            _ => {}
        }
        let attribute = word(&mut index).to_ascii_lowercase();
        let mut value = String::new();
        if chars[index].1 == '=' {
            index += 1;
            let quote = chars[index].1;
            if quote == '"' || quote == '\'' {
                index += 1;
                while chars[index].1 != quote {
                    value.push(chars[index].1);
                    index += 1;
                }
                index += 1;
            } else {
                value = word(&mut index);
            }
        }
        attributes.push((attribute, decode_entities(&value)));
    }
    (name, attributes, self_closing, chars[index].0 + 1)
}

fn decode_entities(text: &str) -> String {
    let mut decoded = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        decoded.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find(';').filter(|end| *end < 10) else {
            decoded.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let ch = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{A0}'),
            "copy" => Some('\u{A9}'),
            "rsquo" => Some('\u{2019}'),
            "ldquo" => Some('\u{201C}'),
            "rdquo" => Some('\u{201D}'),
            "rsaquo" => Some('\u{203A}'),
            "hellip" => Some('\u{2026}'),
            "mdash" => Some('\u{2014}'),
            _ => entity
                .strip_prefix("#x")
                .map(|hex| u32::from_str_radix(hex, 16))
                .or_else(|| entity.strip_prefix('#').map(str::parse))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        };
        match ch {
            Some(ch) => {
                decoded.push(ch);
                rest = &rest[end + 1..];
            }
            None => {
                decoded.push('&');
                rest = &rest[1..];
            }
        }
    }
    decoded.push_str(rest);
    decoded
}
