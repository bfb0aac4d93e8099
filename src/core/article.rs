//! The article model and the parser for the plain-text layout (see `docs/article-format.md`).
//!
//! Invariants:
//! - Every displayed piece of text is a [`Piece`] whose range indexes [`Article::text`]; the
//!   characters a piece shows are exactly `text.slice(piece.range)`, so a position measured in
//!   the page is a position in the source.
//! - Within a block the pieces tile the block's range with no gap, so nothing inside a block is
//!   hidden. Only white space between blocks, and the photo's alt-text line (the same sentence as
//!   the caption, shown once), are outside every piece.
//! - Pieces appear in increasing order of position: reading order is source order.

use super::char_range::CharRange;
use super::locale::Locale;
use super::source_text::SourceText;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    pub text: SourceText,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub pieces: Vec<Piece>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// The first block: the standfirst (dek); the layout has no separate headline.
    Standfirst,
    /// The photo: its caption pieces are shown; the alt text (line 3 of the seed) is the same
    /// sentence, kept for assistive technology instead of being shown twice.
    Figure {
        alt_text: String,
    },
    Paragraph,
    Subheading,
    /// A `READ MORE:` line: a related story, an aside rather than body text.
    RelatedLink,
    /// The closing `Source: …` line.
    SourceCredit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    pub role: PieceRole,
    pub range: CharRange,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PieceRole {
    Text,
    /// A fixed label such as `READ MORE:`.
    Label,
    /// The photo credit in parentheses, `(Vincent Yu / AP)`.
    PhotoCredit,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArticleError {
    Empty,
    WhiteSpaceOnly,
    /// The bytes are not UTF-8; the offset of the first bad byte helps whoever fixes the file.
    NotUtf8 {
        byte_offset: usize,
    },
}

impl ArticleError {
    /// The sentence shown to the reader instead of an article.
    pub fn message(&self, locale: &Locale) -> String {
        let text = &locale.text;
        match self {
            ArticleError::Empty => text.article_empty.clone(),
            ArticleError::WhiteSpaceOnly => text.article_white_space.clone(),
            ArticleError::NotUtf8 { byte_offset } => locale.fill(
                &text.article_not_utf8,
                &[("offset", &locale.integer(*byte_offset))],
            ),
        }
    }
}

impl Block {
    /// From the first piece's start to the last piece's end.
    pub fn range(&self) -> CharRange {
        let start = self.pieces.first().map_or(0, |piece| piece.range.start);
        let end = self.pieces.last().map_or(start, |piece| piece.range.end);
        CharRange { start, end }
    }
}

impl Article {
    /// A text with no layout of its own: a story on a host page, whose layout is the page's.
    /// One paragraph covering everything, so every position can be annotated.
    pub fn unstructured(text: SourceText) -> Article {
        let whole = CharRange {
            start: 0,
            end: text.len_chars(),
        };
        Article {
            text,
            blocks: vec![Block {
                kind: BlockKind::Paragraph,
                pieces: vec![Piece {
                    role: PieceRole::Text,
                    range: whole,
                }],
            }],
        }
    }

    /// The positions a reader can annotate: the union of all pieces, as a sorted list.
    pub fn annotatable_ranges(&self) -> impl Iterator<Item = CharRange> + '_ {
        self.blocks
            .iter()
            .flat_map(|block| block.pieces.iter().map(|piece| piece.range))
    }

    pub fn count_blocks(&self, wanted: fn(&BlockKind) -> bool) -> usize {
        self.blocks
            .iter()
            .filter(|block| wanted(&block.kind))
            .count()
    }
}

/// Reads a fetched file as UTF-8, dropping a leading byte-order mark as browsers' decoders do.
pub fn decode_article_bytes(bytes: &[u8]) -> Result<String, ArticleError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes)
        .map(str::to_string)
        .map_err(|error| ArticleError::NotUtf8 {
            byte_offset: error.valid_up_to(),
        })
}

/// Parses any UTF-8 text. Never fails on a non-empty text: what the layout rules do not
/// recognise becomes a paragraph.
pub fn parse_article(text: &str) -> Result<Article, ArticleError> {
    if text.is_empty() {
        return Err(ArticleError::Empty);
    }
    if text.trim().is_empty() {
        return Err(ArticleError::WhiteSpaceOnly);
    }
    let source = SourceText::new(text);
    let lines = split_lines(text);
    let groups = group_lines_into_blocks(text, &lines);
    let block_count = groups.len();
    let blocks = groups
        .iter()
        .enumerate()
        .map(|(index, group)| classify_block(text, group, index, block_count))
        .collect();
    Ok(Article {
        text: source,
        blocks,
    })
}

/// One line of the text without its line ending (`\n` or `\r\n`).
#[derive(Clone, Copy, Debug)]
struct Line {
    chars: CharRange,
    bytes: (usize, usize),
}

impl Line {
    fn content<'a>(&self, text: &'a str) -> &'a str {
        &text[self.bytes.0..self.bytes.1]
    }

    fn is_blank(&self, text: &str) -> bool {
        self.content(text).trim().is_empty()
    }
}

fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut line_start_char = 0;
    let mut line_start_byte = 0;
    let mut char_position = 0;
    for (byte, ch) in text.char_indices() {
        if ch == '\n' {
            lines.push(line_without_carriage_return(
                text,
                line_start_char,
                char_position,
                line_start_byte,
                byte,
            ));
            line_start_char = char_position + 1;
            line_start_byte = byte + 1;
        }
        char_position += 1;
    }
    lines.push(line_without_carriage_return(
        text,
        line_start_char,
        char_position,
        line_start_byte,
        text.len(),
    ));
    lines
}

fn line_without_carriage_return(
    text: &str,
    start_char: usize,
    end_char: usize,
    start_byte: usize,
    end_byte: usize,
) -> Line {
    let has_carriage_return = end_byte > start_byte && text.as_bytes()[end_byte - 1] == b'\r';
    let trim = usize::from(has_carriage_return);
    Line {
        chars: CharRange {
            start: start_char,
            end: end_char - trim,
        },
        bytes: (start_byte, end_byte - trim),
    }
}

/// Blank lines separate blocks. A text with no blank line at all is read as one block per line,
/// because such files use a single line break between paragraphs.
fn group_lines_into_blocks(text: &str, lines: &[Line]) -> Vec<Vec<Line>> {
    let has_blank_line = lines.iter().any(|line| line.is_blank(text));
    if !has_blank_line {
        return lines.iter().map(|line| vec![*line]).collect();
    }
    let mut groups: Vec<Vec<Line>> = Vec::new();
    let mut current: Vec<Line> = Vec::new();
    for line in lines {
        if line.is_blank(text) {
            if !current.is_empty() {
                groups.push(std::mem::take(&mut current));
            }
        } else {
            current.push(*line);
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups
}

const RELATED_LINK_LABEL: &str = "READ MORE:";
const SOURCE_CREDIT_LABEL: &str = "Source:";
const SUBHEADING_MAX_CHARS: usize = 80;
const SUBHEADING_MAX_WORDS: usize = 12;

fn classify_block(text: &str, group: &[Line], index: usize, block_count: usize) -> Block {
    let whole = CharRange {
        start: group[0].chars.start,
        end: group[group.len() - 1].chars.end,
    };
    let text_piece = |range| Piece {
        role: PieceRole::Text,
        range,
    };
    if let Some(block) = figure_block(text, group) {
        return block;
    }
    let first_line = group[0].content(text);
    let is_single_line = group.len() == 1;
    if is_single_line && starts_with_ignoring_ascii_case(first_line, RELATED_LINK_LABEL) {
        let label_end = whole.start + RELATED_LINK_LABEL.chars().count();
        let mut pieces = vec![Piece {
            role: PieceRole::Label,
            range: CharRange {
                start: whole.start,
                end: label_end,
            },
        }];
        if label_end < whole.end {
            pieces.push(text_piece(CharRange {
                start: label_end,
                end: whole.end,
            }));
        }
        return Block {
            kind: BlockKind::RelatedLink,
            pieces,
        };
    }
    let kind = if index == 0 && block_count > 1 {
        BlockKind::Standfirst
    } else if index + 1 == block_count
        && block_count > 1
        && is_single_line
        && starts_with_ignoring_ascii_case(first_line.trim_start(), SOURCE_CREDIT_LABEL)
    {
        BlockKind::SourceCredit
    } else if is_single_line
        && index > 0
        && index + 1 < block_count
        && looks_like_subheading(first_line)
    {
        BlockKind::Subheading
    } else {
        BlockKind::Paragraph
    };
    Block {
        kind,
        pieces: vec![text_piece(whole)],
    }
}

/// Two lines where the second repeats the first and adds a credit in parentheses: the photo's
/// alt text and its caption. Only the caption (with its credit) is shown.
fn figure_block(text: &str, group: &[Line]) -> Option<Block> {
    let [alt_line, caption_line] = group else {
        return None;
    };
    let alt_text = alt_line.content(text).trim();
    let caption = caption_line.content(text);
    let after_repeat = caption.trim_start().strip_prefix(alt_text)?;
    let credit = after_repeat.trim();
    if alt_text.is_empty() || !(credit.starts_with('(') && credit.ends_with(')')) {
        return None;
    }
    let credit_start_byte = caption.rfind(credit)?;
    let credit_start = caption_line.chars.start + caption[..credit_start_byte].chars().count();
    let credit_end = credit_start + credit.chars().count();
    let mut pieces = vec![
        Piece {
            role: PieceRole::Text,
            range: CharRange {
                start: caption_line.chars.start,
                end: credit_start,
            },
        },
        Piece {
            role: PieceRole::PhotoCredit,
            range: CharRange {
                start: credit_start,
                end: credit_end,
            },
        },
    ];
    if credit_end < caption_line.chars.end {
        pieces.push(Piece {
            role: PieceRole::Text,
            range: CharRange {
                start: credit_end,
                end: caption_line.chars.end,
            },
        });
    }
    Some(Block {
        kind: BlockKind::Figure {
            alt_text: alt_text.to_string(),
        },
        pieces,
    })
}

/// A short line with no closing punctuation (quotes and brackets around it do not count).
fn looks_like_subheading(line: &str) -> bool {
    let trimmed = line.trim();
    let without_closing_quotes =
        trimmed.trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', '\u{00BB}', ')', ']']);
    let last = without_closing_quotes.chars().last();
    let ends_with_punctuation = matches!(
        last,
        Some(
            '.' | '!'
                | '?'
                | ':'
                | ';'
                | ','
                | '\u{2026}'
                | '\u{3002}'
                | '\u{061F}'
                | '\u{06D4}'
                | '\u{FF01}'
                | '\u{FF1F}'
        )
    );
    !ends_with_punctuation
        && trimmed.chars().count() <= SUBHEADING_MAX_CHARS
        && trimmed.split_whitespace().count() <= SUBHEADING_MAX_WORDS
}

fn starts_with_ignoring_ascii_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.is_char_boundary(prefix.len())
        && text[..prefix.len()].eq_ignore_ascii_case(prefix)
}

#[cfg(test)]
mod tests;
