//! How much of a long claim list is drawn. The panel lists the first [`CLAIMS_PER_PAGE`] claims
//! and a "Show more claims" button; each press adds a page.
//!
//! Why: with a thousand claims the panel's list was most of the page's elements. Every add,
//! retag or delete then paid for the browser's style, layout and paint of all of them: an add
//! took about 48 ms to the next frame, and about 17 ms with the list hidden
//! (`bench/many-claims.mjs`, December 2026). A page at a time keeps a change within one frame
//! whatever the number of claims, and the list stays an ordinary list: every item is in the
//! DOM, in reading order, reachable with Tab and read by screen readers, and the reader sees how
//! many are not listed yet.
//!
//! Invariants:
//! - At least one page is listed, and the window only grows, a page per `ShowMore`: a change to
//!   the claims never hides an item the reader asked to see.
//! - `first_new` is the position of the first item the last `ShowMore` added (where keyboard
//!   focus goes, so a keyboard or screen-reader user lands on the newly listed claims), and
//!   `None` until the reader asked for more.

use super::reducer::Reducer;

/// Claims listed at first, and added by each "Show more claims".
pub const CLAIMS_PER_PAGE: usize = 100;

#[derive(Clone, Debug, PartialEq)]
pub struct ClaimListWindow {
    /// How many claims may be listed.
    pub limit: usize,
    /// Where the items added by the last `ShowMore` start.
    pub first_new: Option<usize>,
}

pub enum ClaimListAction {
    /// List another page; `listed` is how many claims there are to list now.
    ShowMore { listed: usize },
}

impl Default for ClaimListWindow {
    fn default() -> Self {
        ClaimListWindow {
            limit: CLAIMS_PER_PAGE,
            first_new: None,
        }
    }
}

impl ClaimListWindow {
    /// How many of `listed` claims are drawn.
    pub fn shown(&self, listed: usize) -> usize {
        listed.min(self.limit)
    }
}

impl Reducer for ClaimListWindow {
    type Action = ClaimListAction;

    fn apply(&mut self, action: ClaimListAction) -> bool {
        match action {
            ClaimListAction::ShowMore { listed } => {
                if listed <= self.limit {
                    return false;
                }
                self.first_new = Some(self.limit);
                self.limit += CLAIMS_PER_PAGE;
                true
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Case {
        name: &'static str,
        /// How many claims there were at each press of "Show more claims".
        presses: &'static [usize],
        /// How many claims there are when the list is drawn.
        listed: usize,
        shown: usize,
        first_new: Option<usize>,
    }

    fn check(case: &Case) {
        let mut window = ClaimListWindow::default();
        for &listed in case.presses {
            window.apply(ClaimListAction::ShowMore { listed });
        }
        assert_eq!(
            window.shown(case.listed),
            case.shown,
            "{}: shown",
            case.name
        );
        assert_eq!(window.first_new, case.first_new, "{}: first new", case.name);
    }

    #[test]
    fn the_list_grows_a_page_per_press_and_never_past_the_claims() {
        let cases = [
            Case {
                name: "a short list is listed whole",
                presses: &[],
                listed: 40,
                shown: 40,
                first_new: None,
            },
            Case {
                name: "a long list starts with one page",
                presses: &[],
                listed: 1000,
                shown: CLAIMS_PER_PAGE,
                first_new: None,
            },
            Case {
                name: "each press adds a page, and focus goes to its first item",
                presses: &[1000, 1000],
                listed: 1000,
                shown: 3 * CLAIMS_PER_PAGE,
                first_new: Some(2 * CLAIMS_PER_PAGE),
            },
            Case {
                name: "the last page may be short",
                presses: &[150],
                listed: 150,
                shown: 150,
                first_new: Some(CLAIMS_PER_PAGE),
            },
            Case {
                name: "a press with nothing more to list changes nothing",
                presses: &[CLAIMS_PER_PAGE],
                listed: 40,
                shown: 40,
                first_new: None,
            },
            Case {
                name: "claims deleted after a press do not shrink the window",
                presses: &[1000],
                listed: 150,
                shown: 150,
                first_new: Some(CLAIMS_PER_PAGE),
            },
        ];
        for case in &cases {
            check(case);
        }
    }

    #[test]
    fn a_press_that_lists_nothing_new_reports_no_change() {
        let mut window = ClaimListWindow::default();
        assert!(!window.apply(ClaimListAction::ShowMore {
            listed: CLAIMS_PER_PAGE
        }));
        assert!(window.apply(ClaimListAction::ShowMore {
            listed: CLAIMS_PER_PAGE + 1
        }));
        assert_eq!(window.shown(CLAIMS_PER_PAGE + 1), CLAIMS_PER_PAGE + 1);
    }
}
