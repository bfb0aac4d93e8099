//! Markdown to the same [`ExtractedArticle`] an HTML page gives, and a title for plain text.
//!
//! Not a full CommonMark implementation: it reads what articles written in Markdown use
//! (headings, paragraphs, lists, quotes, emphasis, links, images, code, front matter) and
//! keeps the words of anything else as paragraph text, so nothing a reader wrote is lost.
//!
//! Invariants:
//! - Blocks come out in the file's order; each is the text a reader would see rendered:
//!   markup characters are removed, the words are not changed.
//! - No block's text holds a blank line (see [`super::html_article`]).
//! - Nothing is fetched: links keep their text, images are dropped, URLs are never opened.

use super::html_article::{
    ExtractedArticle, ExtractedBlock, ExtractedBlockKind, ExtractionProblem,
};

mod inline_text;
use inline_text::inline_text;

/// Titles longer than this are cut at a word boundary (an article list has room for a line).
const TITLE_MAX_CHARS: usize = 120;

/// Reads a Markdown article. The title is the first `#` heading (setext `===` too), else the
/// front matter's `title:`, else the first line when it is a short line of its own (at most 80
/// characters and 12 words, not ending like a sentence) and more text follows. Other headings
/// become subheadings; paragraphs, list items, quotes and fenced code become paragraphs.
pub fn extract_markdown_article(markdown: &str) -> Result<ExtractedArticle, ExtractionProblem> {
    let text = markdown.strip_prefix('\u{FEFF}').unwrap_or(markdown);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let (front_matter_title, body) = split_front_matter(&text);
    let body = without_html_comments(body);
    let mut reader = BlockReader::default();
    for line in body.lines() {
        reader.line(line);
    }
    reader.finish();
    let mut blocks = reader.blocks;
    blocks.retain(|block| !block.text.is_empty());
    let title = if let Some(first_h1) = blocks.iter().position(|block| block.level == 1) {
        blocks.remove(first_h1).text
    } else if let Some(title) = front_matter_title {
        title
    } else if blocks.len() > 1 && blocks[0].single_line && is_short_title(&blocks[0].text) {
        blocks.remove(0).text
    } else {
        String::new()
    };
    if blocks.is_empty() {
        return Err(ExtractionProblem::NoArticleText);
    }
    let blocks = blocks
        .into_iter()
        .map(|block| ExtractedBlock {
            kind: if block.level > 0 {
                ExtractedBlockKind::Subheading
            } else {
                ExtractedBlockKind::Paragraph
            },
            text: block.text,
        })
        .collect();
    Ok(ExtractedArticle { title, blocks })
}

/// A title for a pasted or plain-text article: its first non-blank line, cut at a word
/// boundary with an ellipsis when longer than 120 characters (ellipsis included). Empty when
/// the text is.
pub fn suggest_title(text: &str) -> String {
    let Some(line) = text
        .lines()
        .map(|line| line.trim_start_matches('\u{FEFF}').trim())
        .find(|line| !line.is_empty())
    else {
        return String::new();
    };
    if line.chars().count() <= TITLE_MAX_CHARS {
        return line.to_string();
    }
    let kept_length = TITLE_MAX_CHARS - 1;
    let (cut_at, next) = line
        .char_indices()
        .nth(kept_length)
        .expect("the line is longer than the cut");
    let head = &line[..cut_at];
    let at_word_end = next.is_whitespace();
    let head = match head.rfind(char::is_whitespace) {
        Some(space) if !at_word_end && space > 0 => &head[..space],
        _ => head,
    };
    let head = head.trim_end_matches(|ch: char| {
        ch.is_whitespace() || matches!(ch, ',' | ';' | ':' | '-' | '\u{2013}' | '\u{2014}')
    });
    format!("{head}\u{2026}")
}

/// A block as read, before the title is chosen: `level` 0 for a paragraph, else the heading
/// level; `single_line` when it came from one line of the file.
struct RawBlock {
    level: u8,
    text: String,
    single_line: bool,
}

#[derive(Default)]
struct BlockReader {
    blocks: Vec<RawBlock>,
    /// The open paragraph's lines, as written (trailing spaces kept: two mean a line break).
    paragraph: Vec<String>,
    paragraph_is_quote: bool,
    /// An open fenced code block: its fence character and length, and its lines.
    fence: Option<(char, usize, Vec<String>)>,
}

impl BlockReader {
    fn line(&mut self, line: &str) {
        if let Some((fence_char, fence_length, lines)) = self.fence.as_mut() {
            let trimmed = line.trim();
            let closes = trimmed.chars().all(|ch| ch == *fence_char)
                && trimmed.chars().count() >= *fence_length;
            if closes {
                self.close_fence();
            } else {
                lines.push(line.trim_end().to_string());
            }
            return;
        }
        let (line, is_quote) = without_quote_markers(line);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            self.end_paragraph();
            return;
        }
        if is_quote && !self.paragraph_is_quote && !self.paragraph.is_empty() {
            // A quote starts a block of its own; lines after a quote may continue it (lazily).
            self.end_paragraph();
        }
        if let Some(fence) = fence_opening(trimmed) {
            self.end_paragraph();
            self.fence = Some((fence.0, fence.1, Vec::new()));
            return;
        }
        if let Some(level) = setext_underline(trimmed).filter(|_| !self.paragraph.is_empty()) {
            let lines = std::mem::take(&mut self.paragraph);
            let single_line = lines.len() == 1;
            self.blocks.push(RawBlock {
                level,
                text: inline_text(&lines.join(" ")),
                single_line,
            });
            return;
        }
        if is_thematic_break(trimmed) {
            self.end_paragraph();
            return;
        }
        if let Some((level, heading)) = atx_heading(trimmed) {
            self.end_paragraph();
            self.blocks.push(RawBlock {
                level,
                text: inline_text(heading),
                single_line: true,
            });
            return;
        }
        if is_link_definition(trimmed) {
            return;
        }
        if let Some(item) = list_item(trimmed) {
            self.end_paragraph();
            self.paragraph.push(item.to_string());
        } else {
            self.paragraph.push(line.trim_start().to_string());
        }
        self.paragraph_is_quote = is_quote;
    }

    fn finish(&mut self) {
        if self.fence.is_some() {
            // An unclosed fence runs to the end of the file, as CommonMark reads it.
            self.close_fence();
        }
        self.end_paragraph();
    }

    fn close_fence(&mut self) {
        if let Some((_, _, lines)) = self.fence.take() {
            let lines: Vec<String> = lines
                .into_iter()
                .filter(|line| !line.trim().is_empty())
                .collect();
            self.blocks.push(RawBlock {
                level: 0,
                text: lines.join("\n"),
                single_line: false,
            });
        }
    }

    /// Lines join with a space; one ending in two spaces or a backslash is a hard line break.
    fn end_paragraph(&mut self) {
        let lines = std::mem::take(&mut self.paragraph);
        if lines.is_empty() {
            return;
        }
        let mut joined = String::new();
        for (index, line) in lines.iter().enumerate() {
            let last = index + 1 == lines.len();
            if let Some(before_break) = line.strip_suffix('\\').filter(|_| !last) {
                joined.push_str(before_break);
                joined.push('\n');
            } else {
                joined.push_str(line.trim_end());
                if !last {
                    joined.push(if line.ends_with("  ") { '\n' } else { ' ' });
                }
            }
        }
        self.blocks.push(RawBlock {
            level: 0,
            text: inline_text(&joined),
            single_line: lines.len() == 1,
        });
    }
}

/// `---` … `---` (YAML) or `+++` … `+++` (TOML) at the very top: metadata, not text. Its
/// `title` is kept as a fallback title.
fn split_front_matter(text: &str) -> (Option<String>, &str) {
    let mut lines = text.split_inclusive('\n');
    let Some(delimiter) = lines
        .next()
        .map(str::trim_end)
        .filter(|first| matches!(*first, "---" | "+++"))
    else {
        return (None, text);
    };
    let mut offset = delimiter.len();
    offset += text[offset..].find('\n').map_or(0, |at| at + 1);
    let mut title = None;
    for line in lines {
        offset += line.len();
        let trimmed = line.trim();
        if trimmed == delimiter || (delimiter == "---" && trimmed == "...") {
            return (title, &text[offset..]);
        }
        // Metadata is `key: value` or `key = value` lines (and their indented or `-` lists);
        // a line of prose means the `---` was a rule, not front matter.
        let is_metadata = trimmed.is_empty()
            || line.starts_with([' ', '\t', '-', '#'])
            || trimmed.contains([':', '=']);
        if !is_metadata {
            return (None, text);
        }
        if let Some(value) = trimmed
            .strip_prefix("title")
            .map(str::trim_start)
            .and_then(|rest| rest.strip_prefix(':').or_else(|| rest.strip_prefix('=')))
        {
            let value = value.trim().trim_matches(['"', '\'']).trim();
            if !value.is_empty() && title.is_none() {
                title = Some(value.to_string());
            }
        }
    }
    (None, text)
}

/// Comments are notes to the writer. (Also inside code blocks: a small price for one pass.)
fn without_html_comments(text: &str) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<!--") {
        kept.push_str(&rest[..start]);
        rest = rest[start + 4..]
            .find("-->")
            .map_or("", |end| &rest[start + 4 + end + 3..]);
    }
    kept.push_str(rest);
    kept
}

/// The line without its `>` markers (nested quotes too), and whether it had any.
fn without_quote_markers(line: &str) -> (&str, bool) {
    let mut rest = line;
    let mut is_quote = false;
    while let Some(after) = rest.trim_start().strip_prefix('>') {
        rest = after.strip_prefix(' ').unwrap_or(after);
        is_quote = true;
    }
    (rest, is_quote)
}

/// Three or more backticks or tildes open a fenced code block (any info string after them).
fn fence_opening(trimmed: &str) -> Option<(char, usize)> {
    let fence_char = trimmed
        .chars()
        .next()
        .filter(|ch| matches!(ch, '`' | '~'))?;
    let length = trimmed.chars().take_while(|ch| *ch == fence_char).count();
    (length >= 3).then_some((fence_char, length))
}

/// `===` under a paragraph makes it a level 1 heading, `---` a level 2 one.
fn setext_underline(trimmed: &str) -> Option<u8> {
    if !trimmed.is_empty() && trimmed.chars().all(|ch| ch == '=') {
        Some(1)
    } else if !trimmed.is_empty() && trimmed.chars().all(|ch| ch == '-') {
        Some(2)
    } else {
        None
    }
}

/// `***`, `---`, `___` (spaces allowed between): a rule, not text.
fn is_thematic_break(trimmed: &str) -> bool {
    let marks: String = trimmed.chars().filter(|ch| !ch.is_whitespace()).collect();
    marks.len() >= 3
        && ['*', '-', '_']
            .iter()
            .any(|mark| marks.chars().all(|ch| ch == *mark))
}

/// `## Heading ##` → (2, "Heading"); `#hashtag` is no heading.
fn atx_heading(trimmed: &str) -> Option<(u8, &str)> {
    let level = trimmed.chars().take_while(|ch| *ch == '#').count();
    let rest = &trimmed[level..];
    if !(1..=6).contains(&level) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let without_closing = rest.trim_end().trim_end_matches('#');
    let heading = if without_closing.is_empty() || without_closing.ends_with([' ', '\t']) {
        without_closing
    } else {
        rest
    };
    Some((level as u8, heading.trim()))
}

/// `[id]: https://…` defines a reference link's target: not text. The target must look like
/// an address (so `[Update]: The council said…` stays a sentence), optionally followed by a
/// quoted title.
fn is_link_definition(trimmed: &str) -> bool {
    let Some(label_end) = trimmed
        .strip_prefix('[')
        .and_then(|rest| rest.find("]:"))
        .filter(|&end| end > 0)
    else {
        return false;
    };
    let definition = trimmed[label_end + 3..].trim();
    let (target, title) = definition
        .split_once(char::is_whitespace)
        .unwrap_or((definition, ""));
    let title = title.trim();
    !trimmed[1..label_end + 1].contains(']')
        && target.contains([':', '/', '.', '#', '<'])
        && (title.is_empty() || title.starts_with(['"', '\'', '(']))
}

/// A list item's text: after `-`, `*`, `+` or a number of at most three digits and `.` or `)`
/// (a line starting "2020. That year" is a sentence, not item 2020), and a task box.
fn list_item(trimmed: &str) -> Option<&str> {
    let rest = if let Some(rest) = ["- ", "* ", "+ "]
        .iter()
        .find_map(|marker| trimmed.strip_prefix(marker))
    {
        rest
    } else {
        let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
        if !(1..=3).contains(&digits) {
            return None;
        }
        let after = trimmed[digits..].strip_prefix(['.', ')'])?;
        after.strip_prefix(' ')?
    };
    let rest = rest.trim_start();
    Some(
        ["[ ] ", "[x] ", "[X] "]
            .iter()
            .find_map(|task| rest.strip_prefix(task))
            .unwrap_or(rest),
    )
}

fn is_short_title(text: &str) -> bool {
    !text.contains('\n')
        && text.chars().count() <= 80
        && text.split_whitespace().count() <= 12
        && !text.ends_with(['.', ',', ';', ':'])
}

#[cfg(test)]
mod tests;
