//! Reading the chosen region into blocks: headings, paragraphs, list items, quotes and
//! captions in document order, their white space collapsed as a browser lays it out. Text
//! outside these elements is not read.

use super::*;

/// The blocks of `root` in document order: `h1`–`h6` become subheadings (an `h1` repeating
/// the title is dropped later), `p`, `blockquote`, `li` and `pre` paragraphs, `figcaption`
/// captions. Text outside these elements (bylines in `<span>`s, labels, buttons' neighbours) is
/// not read. `skip` (the standfirst element) is read separately.
pub(super) fn collect_blocks(
    root: &HtmlNode,
    scope: Scope,
    skip: Option<&HtmlNode>,
) -> Vec<ExtractedBlock> {
    let mut collector = BlockCollector {
        scope,
        skip,
        blocks: Vec::new(),
        open: None,
    };
    collector.visit(root, false);
    collector.close();
    collector.blocks
}

/// The standfirst element's text as one block: its own text too (a `<div class="dek">` often
/// holds it directly), and its inner blocks (a `<ul>` of key points) one per line.
pub(super) fn standfirst_text(element: &HtmlNode, scope: Scope) -> String {
    let mut collector = BlockCollector {
        scope,
        skip: None,
        blocks: Vec::new(),
        open: Some((ExtractedBlockKind::Standfirst, String::new())),
    };
    for child in element.children() {
        collector.visit(child, element.is("pre"));
    }
    collector.close();
    let lines: Vec<String> = collector
        .blocks
        .into_iter()
        .map(|block| block.text)
        .collect();
    lines.join("\n")
}

pub(super) fn block_kind(tag: &str) -> Option<ExtractedBlockKind> {
    match tag {
        "p" | "blockquote" | "li" | "pre" => Some(ExtractedBlockKind::Paragraph),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(ExtractedBlockKind::Subheading),
        "figcaption" => Some(ExtractedBlockKind::Caption),
        _ => None,
    }
}

struct BlockCollector<'a> {
    scope: Scope,
    skip: Option<&'a HtmlNode>,
    blocks: Vec<ExtractedBlock>,
    /// The block being read and its raw text: `\n` for a line break, any other white space
    /// already turned into a plain space.
    open: Option<(ExtractedBlockKind, String)>,
}

impl BlockCollector<'_> {
    fn visit(&mut self, node: &HtmlNode, preformatted: bool) {
        let HtmlNode::Element { tag, children, .. } = node else {
            if let (HtmlNode::Text(text), Some((_, raw))) = (node, self.open.as_mut()) {
                for ch in text.chars() {
                    raw.push(match ch {
                        '\n' if preformatted => '\n',
                        _ if is_collapsible_space(ch) => ' ',
                        _ => ch,
                    });
                }
            }
            return;
        };
        if is_left_out(node, self.scope) || self.skip.is_some_and(|skip| std::ptr::eq(skip, node)) {
            return;
        }
        let preformatted = preformatted || tag == "pre";
        if tag == "br" {
            if let Some((_, raw)) = self.open.as_mut() {
                raw.push('\n');
            }
        } else if let Some(kind) = block_kind(tag) {
            // A block inside a block (a `<p>` in a `<blockquote>` or `<li>`) ends the outer
            // block's text so far; the outer block resumes after it.
            let outer = self.open.as_ref().map(|(kind, _)| *kind);
            self.close();
            self.open = Some((kind, String::new()));
            for child in children {
                self.visit(child, preformatted);
            }
            self.close();
            self.open = outer.map(|kind| (kind, String::new()));
        } else {
            let separates = !INLINE.contains(&tag.as_str());
            self.push_space_if(separates);
            for child in children {
                self.visit(child, preformatted);
            }
            self.push_space_if(separates);
        }
    }

    fn push_space_if(&mut self, wanted: bool) {
        if let (true, Some((_, raw))) = (wanted, self.open.as_mut()) {
            raw.push(' ');
        }
    }

    /// Ends the open block: each line's spaces collapsed, empty lines dropped, and an empty
    /// line (two `<br>`s) splitting it into two blocks, as it reads on the page.
    fn close(&mut self) {
        let Some((kind, raw)) = self.open.take() else {
            return;
        };
        let mut lines: Vec<String> = Vec::new();
        for line in raw.split('\n').map(collapse_spaces).chain([String::new()]) {
            if !line.is_empty() {
                lines.push(line);
            } else if !lines.is_empty() {
                self.blocks.push(ExtractedBlock {
                    kind,
                    text: lines.join("\n"),
                });
                lines.clear();
            }
        }
    }
}

/// HTML's white space (which a browser collapses) plus the no-break space: authors put
/// `&nbsp;` where they mean a space, and plain text has no use for the difference. Other spaces
/// (thin, ideographic) are characters of the text and kept.
pub(super) fn is_collapsible_space(ch: char) -> bool {
    matches!(ch, ' ' | '\t' | '\n' | '\r' | '\u{0C}' | '\u{A0}')
}

/// Runs of plain spaces become one; none at either end.
pub(super) fn collapse_spaces(text: &str) -> String {
    text.split(' ')
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
