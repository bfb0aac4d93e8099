use super::*;

/// A run and a UTF-16 offset in it, or none.
type Point = Option<(usize, u32)>;

struct Case {
    name: &'static str,
    runs: &'static [&'static str],
    /// (position, bias, expected run and UTF-16 offset)
    points: &'static [(usize, Bias, Point)],
}

/// Checks every expected point, and that mapping each point back gives its position.
fn check(case: &Case) {
    let story = StoryText::from_runs(case.runs);
    assert_eq!(
        story.text().as_str(),
        case.runs.concat(),
        "{}: text",
        case.name
    );
    for &(position, bias, expected) in case.points {
        let point = story.point_at(position, bias);
        assert_eq!(
            point, expected,
            "{}: point of {position} {bias:?}",
            case.name
        );
        if let Some((run, offset)) = point {
            assert_eq!(
                story.position_of(run, offset),
                Some(position),
                "{}: position of {run}/{offset}",
                case.name
            );
        }
    }
}

#[test]
fn positions_and_dom_points() {
    use Bias::{Backward, Forward};
    let cases = [
        Case {
            name: "one run",
            runs: &["Hello world"],
            points: &[
                (0, Forward, Some((0, 0))),
                (5, Forward, Some((0, 5))),
                (11, Backward, Some((0, 11))),
                (11, Forward, Some((0, 11))),
                (12, Forward, None),
            ],
        },
        Case {
            name: "a boundary between runs goes by bias",
            runs: &["ab", "cd"],
            points: &[
                (2, Forward, Some((1, 0))),
                (2, Backward, Some((0, 2))),
                (0, Backward, Some((0, 0))),
                (4, Forward, Some((1, 2))),
            ],
        },
        Case {
            name: "empty runs are skipped",
            runs: &["", "ab", "", "", "cd", ""],
            points: &[
                (0, Forward, Some((1, 0))),
                (2, Forward, Some((4, 0))),
                (2, Backward, Some((1, 2))),
                (4, Backward, Some((4, 2))),
                (4, Forward, Some((4, 2))),
            ],
        },
        Case {
            name: "emoji are two UTF-16 units and one code point",
            runs: &["a😀b", "😀"],
            points: &[
                (1, Forward, Some((0, 1))),
                (2, Forward, Some((0, 3))),
                (3, Forward, Some((1, 0))),
                (4, Backward, Some((1, 2))),
            ],
        },
        Case {
            name: "combining marks, CJK and Arabic count one code point each",
            runs: &["e\u{301}", "中文", "عربي"],
            points: &[
                (1, Forward, Some((0, 1))),
                (3, Forward, Some((1, 1))),
                (5, Forward, Some((2, 1))),
                (8, Backward, Some((2, 4))),
            ],
        },
        Case {
            name: "an empty story has no points",
            runs: &["", ""],
            points: &[(0, Forward, None), (0, Backward, None)],
        },
    ];
    for case in &cases {
        check(case);
    }
}

#[test]
fn an_offset_inside_a_surrogate_pair_counts_the_whole_character() {
    let story = StoryText::from_runs(&["a😀b"]);
    assert_eq!(story.position_of(0, 2), Some(2));
    assert_eq!(story.position_of(1, 0), None, "no such run");
    assert_eq!(utf16_offset_to_code_points("a😀b", 3), 2);
    assert_eq!(code_points_to_utf16_offset("a😀b", 2), 3);
}
