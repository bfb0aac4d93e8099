//! Cutting a piece of text into runs that each carry the set of annotations covering them.
//!
//! Highlights may overlap and nest in any way; the DOM cannot nest arbitrary ranges, so the view
//! renders flat segments instead, each knowing every annotation that covers it.
//!
//! Invariant: the segments of a piece tile it exactly, in order, and two neighbouring segments
//! never carry the same set (they would have been one segment).

use super::char_range::CharRange;
use super::sorting;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub range: CharRange,
    /// Indices into the `highlights` slice given to [`segment_piece`], ascending.
    pub covering: Vec<usize>,
}

pub fn segment_piece(piece: CharRange, highlights: &[CharRange]) -> Vec<Segment> {
    let touching: Vec<(usize, CharRange)> = highlights
        .iter()
        .enumerate()
        .filter_map(|(index, range)| range.clamp_to(&piece).map(|clamped| (index, clamped)))
        .collect();
    let mut boundaries: Vec<usize> = vec![piece.start, piece.end];
    for (_, range) in &touching {
        boundaries.push(range.start);
        boundaries.push(range.end);
    }
    sorting::sort(&mut boundaries);
    boundaries.dedup();
    let mut segments: Vec<Segment> = Vec::new();
    for pair in boundaries.windows(2) {
        let range = CharRange {
            start: pair[0],
            end: pair[1],
        };
        let covering: Vec<usize> = touching
            .iter()
            .filter(|(_, highlight)| highlight.start <= range.start && range.end <= highlight.end)
            .map(|(index, _)| *index)
            .collect();
        match segments.last_mut() {
            Some(previous) if previous.covering == covering => previous.range.end = range.end,
            _ => segments.push(Segment { range, covering }),
        }
    }
    if segments.is_empty() {
        segments.push(Segment {
            range: piece,
            covering: Vec::new(),
        });
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(
        name: &str,
        piece: (usize, usize),
        highlights: &[(usize, usize)],
        expected: &[((usize, usize), &[usize])],
    ) {
        let highlights: Vec<CharRange> = highlights
            .iter()
            .map(|&(a, b)| CharRange::new(a, b))
            .collect();
        let got = segment_piece(CharRange::new(piece.0, piece.1), &highlights);
        let expected: Vec<Segment> = expected
            .iter()
            .map(|&((a, b), covering)| Segment {
                range: CharRange::new(a, b),
                covering: covering.to_vec(),
            })
            .collect();
        assert_eq!(got, expected, "{name}");
    }

    #[test]
    fn segmenting_cases() {
        check("no highlights", (0, 10), &[], &[((0, 10), &[])]);
        check(
            "one inside",
            (0, 10),
            &[(2, 5)],
            &[((0, 2), &[]), ((2, 5), &[0]), ((5, 10), &[])],
        );
        check(
            "highlight outside the piece",
            (10, 20),
            &[(0, 5)],
            &[((10, 20), &[])],
        );
        check(
            "highlight spans beyond both ends",
            (10, 20),
            &[(0, 30)],
            &[((10, 20), &[0])],
        );
        check(
            "overlapping pair",
            (0, 10),
            &[(1, 6), (4, 9)],
            &[
                ((0, 1), &[]),
                ((1, 4), &[0]),
                ((4, 6), &[0, 1]),
                ((6, 9), &[1]),
                ((9, 10), &[]),
            ],
        );
        check(
            "nested",
            (0, 10),
            &[(0, 10), (3, 4)],
            &[((0, 3), &[0]), ((3, 4), &[0, 1]), ((4, 10), &[0])],
        );
        check(
            "identical ranges share one segment",
            (0, 4),
            &[(0, 4), (0, 4)],
            &[((0, 4), &[0, 1])],
        );
        check("empty piece", (5, 5), &[(0, 9)], &[((5, 5), &[])]);
    }
}
