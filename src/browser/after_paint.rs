//! Runs work once the next frame has been painted: a `requestAnimationFrame` callback that
//! posts a zero-delay timer. A change the reader made then reaches the screen first, and the
//! work that only keeps it (saving, the undo history) follows in its own task.
//!
//! Invariants:
//! - Each piece of work runs exactly once: after the frame, or within [`LATEST_MS`] when no
//!   frame comes (a hidden tab gets no animation frames), or when the page is being left
//!   (`pagehide`, or hidden) or the annotator that asked unmounts ([`flush_waiting`]),
//!   whichever is first. So a reload right after a change still saves it. Without a window it runs at once. The only exception is [`cancel_waiting`], for when
//!   the reader removes their data.
//! - Work runs in the order it was asked for: when one piece's frame or timer comes, every
//!   piece asked for before it that has not run yet runs first. So an older copy of the claims
//!   never lands after a newer one (the panel's list once kept the claims of before a reload's
//!   restore, for good, when frame callbacks were delayed out of order in a test harness).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The longest the work waits for a frame.
pub const LATEST_MS: i32 = 100;

type Pending = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;

thread_local! {
    /// Work not run yet, for the page-leaving flush.
    static WAITING: RefCell<Vec<Pending>> = const { RefCell::new(Vec::new()) };
    static FLUSH_INSTALLED: RefCell<bool> = const { RefCell::new(false) };
}

pub fn after_next_paint(work: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        work();
        return;
    };
    install_flush(&window);
    let pending: Pending = Rc::new(RefCell::new(Some(Box::new(work))));
    // Everything in the list is still to run: whatever runs is taken out of it first.
    WAITING.with(|waiting| waiting.borrow_mut().push(pending.clone()));
    let run_once = move || run_through(&pending);
    let after_frame = {
        let (run_once, timer_window) = (run_once.clone(), window.clone());
        Closure::once_into_js(move || {
            let run = Closure::once_into_js(run_once);
            let _ = timer_window
                .set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), 0);
        })
    };
    let _ = window.request_animation_frame(after_frame.unchecked_ref());
    let latest = Closure::once_into_js(run_once);
    let _ = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(latest.unchecked_ref(), LATEST_MS);
}

/// Drops every piece of work still waiting, unrun: the reader removed their data, and a save
/// still waiting must not write it back.
pub fn cancel_waiting() {
    let waiting = WAITING.with(|waiting| std::mem::take(&mut *waiting.borrow_mut()));
    for pending in waiting {
        pending.borrow_mut().take();
    }
}

/// Runs every piece of work still waiting up to and including `pending`, oldest first. Nothing
/// when `pending` has run already (by its other path, or a flush).
fn run_through(pending: &Pending) {
    let due: Vec<Pending> = WAITING.with(|waiting| {
        let mut waiting = waiting.borrow_mut();
        match waiting.iter().position(|other| Rc::ptr_eq(other, pending)) {
            Some(index) => waiting.drain(..=index).collect(),
            None => Vec::new(),
        }
    });
    for pending in due {
        run(&pending);
    }
}

fn run(pending: &Pending) {
    let work = pending.borrow_mut().take();
    if let Some(work) = work {
        work();
    }
}

/// Runs everything still waiting, now: the page is being left or hidden, or the annotator that
/// asked is going away (the library's list, shown next, reads what it saved).
pub fn flush_waiting() {
    let waiting = WAITING.with(|waiting| std::mem::take(&mut *waiting.borrow_mut()));
    for pending in waiting {
        run(&pending);
    }
}

/// Runs everything still waiting when the page is left or hidden.
fn install_flush(window: &web_sys::Window) {
    if FLUSH_INSTALLED.with(|installed| installed.replace(true)) {
        return;
    }
    let flush = flush_waiting;
    gloo::events::EventListener::new(window, "pagehide", move |_| flush()).forget();
    if let Some(document) = window.document() {
        let hidden_document = document.clone();
        gloo::events::EventListener::new(&document, "visibilitychange", move |_| {
            if hidden_document.hidden() {
                flush();
            }
        })
        .forget();
    }
}
