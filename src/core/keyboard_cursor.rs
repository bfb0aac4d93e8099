//! Making a claim with the keyboard alone: a reading cursor that moves over the article's words.
//!
//! The reader presses Enter on the article and a cursor appears on its first word. The arrow
//! keys move it by word (Left/Right) or by sentence (Up/Down), Home and End to the first and last
//! word of the block. With Shift the same keys extend a selection from the word where Shift-moving
//! began (the anchor) to the cursor.
//!
//! A word is a maximal run of code points that [`word_snap`](super::word_snap) would not cut
//! (letters and digits, with apostrophes, combining marks, joiners and emoji modifiers inside),
//! holding at least one letter, digit or emoji; punctuation alone is not a word. A CJK ideograph
//! or kana is a word of its own, as for snapping. A flag (two regional indicators) is one word.
//!
//! A sentence ends after `. ! ? ؟ ۔ …` followed by white space (or after `。 ！ ？`, which need
//! none), with any closing quotes or brackets after the mark, unless the next word starts with
//! a lower-case letter ("U.S. officials", `"Yes," he said`); and at the end of a block.
//!
//! Invariants:
//! - Every word returned lies inside one piece of the article ([`Article::annotatable_ranges`]):
//!   never in the white space between blocks nor on the photo's hidden alt text.
//! - Words are non-empty, never start with white space, and a word is what
//!   [`super::word_snap::snap_to_words`] makes of it (snapping only adds the white space before
//!   a combining mark that has no letter), so a keyboard selection and a mouse selection of the
//!   same words are the same range.
//! - Moving past the first or last word leaves the cursor where it was.

use super::article::Article;
use super::char_range::CharRange;
use super::source_text::SourceText;
use super::word_snap::joins_one_word;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadingCursor {
    /// The word under the cursor.
    pub word: CharRange,
    /// The word where a Shift-extension began, while one is under way.
    pub anchor: Option<CharRange>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CursorMove {
    NextWord,
    PreviousWord,
    NextSentence,
    PreviousSentence,
    BlockStart,
    BlockEnd,
}

impl ReadingCursor {
    /// The cursor word alone, or everything from the anchor word to the cursor word.
    pub fn selection(&self) -> CharRange {
        match self.anchor {
            None => self.word,
            Some(anchor) => CharRange::new(
                anchor.start.min(self.word.start),
                anchor.end.max(self.word.end),
            ),
        }
    }
}

/// The article's first word: where the cursor appears when the reader presses Enter.
pub fn first_word(article: &Article) -> Option<CharRange> {
    words(article).next()
}

/// The word containing `position`, or else the first word after it.
pub fn word_at(article: &Article, position: usize) -> Option<CharRange> {
    words(article).find(|word| word.end > position)
}

/// With `extend`, the anchor is kept (or set to the current word); without, it is dropped.
pub fn move_cursor(
    article: &Article,
    cursor: &ReadingCursor,
    movement: CursorMove,
    extend: bool,
) -> ReadingCursor {
    let here = cursor.word.start;
    let word = match movement {
        CursorMove::NextWord => words(article).find(|word| word.start > here),
        CursorMove::PreviousWord => previous_word(article, here),
        CursorMove::NextSentence => sentence_at(article, here)
            .and_then(|sentence| words(article).find(|word| word.start >= sentence.end)),
        CursorMove::PreviousSentence => first_word_of_sentence(article, here)
            .filter(|word| word.start < here)
            .or_else(|| {
                previous_word(article, here)
                    .and_then(|previous| first_word_of_sentence(article, previous.start))
            }),
        CursorMove::BlockStart => block_words(article, here).next(),
        CursorMove::BlockEnd => block_words(article, here).last(),
    };
    ReadingCursor {
        word: word.unwrap_or(cursor.word),
        anchor: extend.then(|| cursor.anchor.unwrap_or(cursor.word)),
    }
}

/// The sentence holding `position`, without the white space around it. White space between two
/// sentences belongs to the next one; `None` outside every block.
pub fn sentence_at(article: &Article, position: usize) -> Option<CharRange> {
    let block = block_at(article, position)?;
    let text = &article.text;
    let mut start = block.start;
    loop {
        let end = sentence_end(text, start, block.end);
        if position < end {
            return trim(text, CharRange { start, end });
        }
        start = end;
    }
}

/// Every word of the article, in reading order.
fn words(article: &Article) -> impl Iterator<Item = CharRange> + '_ {
    article
        .annotatable_ranges()
        .flat_map(|piece| words_in(&article.text, piece))
}

fn words_in(text: &SourceText, piece: CharRange) -> impl Iterator<Item = CharRange> + '_ {
    let mut position = piece.start;
    std::iter::from_fn(move || {
        while position < piece.end {
            let start = position;
            position += 1;
            while position < piece.end
                && joins_one_word(text.char_at(position - 1), text.char_at(position))
            {
                position += 1;
            }
            if position == start + 1
                && position < piece.end
                && text.char_at(start).is_some_and(is_regional_indicator)
                && text.char_at(position).is_some_and(is_regional_indicator)
            {
                position += 1;
            }
            let mut run = CharRange {
                start,
                end: position,
            };
            // Only a stray combining mark joins white space to what follows it.
            while text.char_at(run.start).is_some_and(char::is_whitespace) {
                run.start += 1;
            }
            if text
                .slice(run)
                .chars()
                .any(|c| c.is_alphanumeric() || is_emoji(c))
            {
                return Some(run);
            }
        }
        None
    })
}

/// Whether the block holding `position` reads right to left: its first letter (the first
/// strong character, as `dir="auto"` decides) is Hebrew, Arabic, Syriac, Thaana, N'Ko or another
/// right-to-left script. There, ArrowLeft moves to the next word, as the caret does.
pub fn block_reads_right_to_left(article: &Article, position: usize) -> bool {
    let Some(block) = block_at(article, position) else {
        return false;
    };
    article
        .text
        .slice(block)
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(is_right_to_left_letter)
}

fn is_right_to_left_letter(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

fn previous_word(article: &Article, before: usize) -> Option<CharRange> {
    words(article).take_while(|word| word.start < before).last()
}

fn first_word_of_sentence(article: &Article, position: usize) -> Option<CharRange> {
    let sentence = sentence_at(article, position)?;
    words(article).find(|word| word.start >= sentence.start)
}

fn block_at(article: &Article, position: usize) -> Option<CharRange> {
    article
        .blocks
        .iter()
        .map(|block| block.range())
        .find(|block| block.start <= position && position < block.end)
}

/// The words of the block holding `position` (none outside every block).
fn block_words(article: &Article, position: usize) -> impl Iterator<Item = CharRange> + '_ {
    let block = block_at(article, position).unwrap_or_default();
    words(article)
        .skip_while(move |word| word.start < block.start)
        .take_while(move |word| word.end <= block.end)
}

/// Where the sentence starting at `start` ends: after its closing mark and quotes, or at the
/// block's end (which also takes white space trailing the block's last sentence).
fn sentence_end(text: &SourceText, start: usize, block_end: usize) -> usize {
    let char_at = |position| text.char_at(position).unwrap_or(' ');
    let mut position = start;
    while position < block_end {
        let mark = char_at(position);
        position += 1;
        if !is_sentence_mark(mark) {
            continue;
        }
        while position < block_end
            && (is_sentence_mark(char_at(position)) || is_closer(char_at(position)))
        {
            position += 1;
        }
        let rest = (position..block_end).map(char_at);
        if rest.clone().all(char::is_whitespace) {
            return block_end;
        }
        // Only up to the next mark, so a block of marks without letters stays linear.
        let next_letter = rest
            .take_while(|c| !is_sentence_mark(*c))
            .find(|c| c.is_alphanumeric());
        if (char_at(position).is_whitespace() || is_wide_sentence_mark(mark))
            && !next_letter.is_some_and(char::is_lowercase)
        {
            return position;
        }
    }
    block_end
}

fn trim(text: &SourceText, mut range: CharRange) -> Option<CharRange> {
    let is_space = |position| text.char_at(position).is_some_and(char::is_whitespace);
    while range.start < range.end && is_space(range.start) {
        range.start += 1;
    }
    while range.end > range.start && is_space(range.end - 1) {
        range.end -= 1;
    }
    (!range.is_empty()).then_some(range)
}

fn is_sentence_mark(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{061F}' | '\u{06D4}' | '\u{2026}') || is_wide_sentence_mark(c)
}

/// CJK full stops and marks, which end a sentence without a space after them.
fn is_wide_sentence_mark(c: char) -> bool {
    matches!(c, '\u{3002}' | '\u{FF01}' | '\u{FF1F}')
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | ')'
            | ']'
            | '\u{2019}'
            | '\u{201D}'
            | '\u{00BB}'
            | '\u{203A}'
            | '\u{FF09}'
            | '\u{300D}'
            | '\u{300F}'
            | '\u{3011}'
            | '\u{300B}'
    )
}

/// Pictographs and dingbats: not letters, but a reader may well want to tag one.
fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x2600..=0x27BF | 0x1F000..=0x1FAFF)
}

fn is_regional_indicator(c: char) -> bool {
    matches!(c as u32, 0x1F1E6..=0x1F1FF)
}

#[cfg(test)]
mod tests;
