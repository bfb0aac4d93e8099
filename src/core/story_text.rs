//! The text of a story that lives in a host page's own DOM, and the map between its code-point
//! positions and DOM points (a text node and a UTF-16 offset in it).
//!
//! A news page already shows its story as HTML, and the widget must not change that DOM. So the
//! story's source text is the concatenation of its text nodes in document order (the browser
//! layer leaves out scripts, styles, hidden content and the widget itself), and every position
//! is a count of code points into that concatenation, as the W3C TextPositionSelector defines
//! it for a DOM. This module is the pure half of that mapping: the browser layer walks the DOM
//! and hands over the nodes' texts; here they become one [`SourceText`] plus a table of where
//! each node starts, so that the two directions can be tested without a browser.
//!
//! Invariants:
//! - `position_of(run, offset)` and `point_at(position, bias)` are inverse for every position
//!   inside a non-empty run, whatever the script: UTF-16 offsets are converted by counting
//!   code points, never by assuming one unit per character.
//! - Runs never overlap and tile the text in order; empty runs (empty text nodes) are kept so
//!   run indices stay aligned with the browser layer's node list, and are never chosen by
//!   [`StoryText::point_at`].

use super::char_range::CharRange;
use super::source_text::SourceText;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryText {
    text: SourceText,
    /// Code-point start of each run; one extra entry holds the text's length.
    run_starts: Vec<usize>,
}

/// At a boundary between two runs, which one a position belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bias {
    /// The later run: for the start of a range.
    Forward,
    /// The earlier run: for the end of a range.
    Backward,
}

impl StoryText {
    /// The story made of `runs`, the texts of its text nodes in document order.
    pub fn from_runs<S: AsRef<str>>(runs: &[S]) -> StoryText {
        let mut text = String::new();
        let mut run_starts = Vec::with_capacity(runs.len() + 1);
        let mut position = 0;
        for run in runs {
            run_starts.push(position);
            text.push_str(run.as_ref());
            position += run.as_ref().chars().count();
        }
        run_starts.push(position);
        StoryText {
            text: SourceText::new(text),
            run_starts,
        }
    }

    pub fn text(&self) -> &SourceText {
        &self.text
    }

    pub fn run_count(&self) -> usize {
        self.run_starts.len() - 1
    }

    /// The code-point range of run `run`.
    pub fn run_range(&self, run: usize) -> Option<CharRange> {
        Some(CharRange {
            start: *self.run_starts.get(run)?,
            end: *self.run_starts.get(run + 1)?,
        })
    }

    /// The position of the DOM point `utf16_offset` units into run `run`.
    pub fn position_of(&self, run: usize, utf16_offset: u32) -> Option<usize> {
        let range = self.run_range(run)?;
        let inside = utf16_offset_to_code_points(self.text.slice(range), utf16_offset);
        Some(range.start + inside)
    }

    /// The run and UTF-16 offset of `position`; at a boundary between runs, `bias` chooses.
    /// The text's very end (Forward) and start (Backward) fall back to the nearest non-empty
    /// run. `None` when the position is past the text or the text is empty.
    pub fn point_at(&self, position: usize, bias: Bias) -> Option<(usize, u32)> {
        let starts = &self.run_starts[..self.run_count()];
        // Runs tile the text, so the last run starting at (Forward) or before (Backward) the
        // position holds it, and is not empty, unless the position is the text's end or start.
        let found = match bias {
            Bias::Forward => starts.partition_point(|&start| start <= position),
            Bias::Backward => starts.partition_point(|&start| start < position),
        }
        .checked_sub(1)
        .filter(|&run| {
            self.run_range(run).is_some_and(|range| match bias {
                Bias::Forward => position < range.end,
                Bias::Backward => position <= range.end,
            })
        });
        let run = match (found, bias) {
            (Some(run), _) => run,
            (None, Bias::Forward) if position == self.text.len_chars() => {
                self.non_empty_runs().next_back()?
            }
            (None, Bias::Backward) if position == 0 => self.non_empty_runs().next()?,
            (None, _) => return None,
        };
        let range = self.run_range(run)?;
        let inside = position.clamp(range.start, range.end) - range.start;
        Some((
            run,
            code_points_to_utf16_offset(self.text.slice(range), inside),
        ))
    }

    fn non_empty_runs(&self) -> impl DoubleEndedIterator<Item = usize> + '_ {
        (0..self.run_count())
            .filter(|&run| self.run_range(run).is_some_and(|range| !range.is_empty()))
    }
}

/// Code points in the first `utf16_offset` UTF-16 units of `text`; an offset that splits a
/// surrogate pair counts the whole character.
pub fn utf16_offset_to_code_points(text: &str, utf16_offset: u32) -> usize {
    let mut units = 0u32;
    let mut code_points = 0;
    for ch in text.chars() {
        if units >= utf16_offset {
            break;
        }
        units += ch.len_utf16() as u32;
        code_points += 1;
    }
    code_points
}

/// UTF-16 units in the first `code_points` code points of `text`.
pub fn code_points_to_utf16_offset(text: &str, code_points: usize) -> u32 {
    text.chars()
        .take(code_points)
        .map(|ch| ch.len_utf16() as u32)
        .sum()
}

#[cfg(test)]
mod tests;
