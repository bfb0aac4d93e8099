//! Giving keyboard focus back when a picker, an editor or a dialog closes.
//!
//! Invariants:
//! - Focus goes to the first of `previous` (what had focus when the popover opened) and
//!   `container` (its nearest focusable container, the article) that is still in the page,
//!   without scrolling.
//! - The same render, or one soon after, may remove `previous` (a deleted claim's highlight),
//!   which drops focus to the page. So a few short retries follow; each moves focus only if it
//!   was lost, so a reader who moved on keeps theirs.
//! - Only the latest give-back retries. A newer popover opening or closing ends the older
//!   retries: an older one's late retry once put focus on the highlight the reader had left
//!   before deleting another claim.

use std::cell::Cell;

use web_sys::HtmlElement;

/// How long after closing the retries go on, in milliseconds, and when they run.
pub const RETRY_WAITS_MS: [u32; 3] = [0, 50, 250];

/// Ends the retries of any earlier give-back. Called when a popover opens, so a retry from the
/// one before cannot take focus from it.
pub fn forget_earlier_returns() {
    LATEST_RETURN.with(|latest| latest.set(latest.get().wrapping_add(1)));
}

/// Gives focus to `previous`, or to `container` if `previous` left the page, now and again
/// after each of [`RETRY_WAITS_MS`] if focus was lost meanwhile.
pub fn give_focus_back(previous: Option<HtmlElement>, container: Option<HtmlElement>) {
    forget_earlier_returns();
    let this_return = LATEST_RETURN.with(Cell::get);
    let give_back = move || {
        let target = [previous.clone(), container.clone()]
            .into_iter()
            .flatten()
            .find(|element| element.is_connected());
        if let Some(target) = target {
            // Without scrolling: the reader is where they were, and focusing the article (what
            // a mouse selection had focused) scrolled the page to its top.
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = target.focus_with_options(&options);
        }
    };
    give_back();
    for wait_ms in RETRY_WAITS_MS {
        let give_back = give_back.clone();
        gloo::timers::callback::Timeout::new(wait_ms, move || {
            let still_latest = LATEST_RETURN.with(Cell::get) == this_return;
            let lost = super::event_origin::deep_active_element()
                .is_none_or(|element| !element.is_connected() || element.tag_name() == "BODY");
            if still_latest && lost {
                give_back();
            }
        })
        .forget();
    }
}

thread_local! {
    /// Counts give-backs and popovers opened; a retry runs only while its own count is the latest.
    static LATEST_RETURN: Cell<u32> = const { Cell::new(0) };
}
