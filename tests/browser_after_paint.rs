//! In a real browser: work asked for "after the next paint" runs once each, in the order it was
//! asked for, even when its frame callbacks come out of order.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use claim_annotator::browser::after_paint::{after_next_paint, LATEST_MS};
use wasm_bindgen_test::*;

#[path = "support/page_scripts.rs"]
mod page_scripts;
use page_scripts::{run_js, sleep};

wasm_bindgen_test_configure!(run_in_browser);

struct Case {
    name: &'static str,
    /// JavaScript run before the work is asked for (it may replace requestAnimationFrame).
    setup: &'static str,
}

async fn check(case: Case) {
    run_js("window.caRealRaf ??= window.requestAnimationFrame.bind(window); window.requestAnimationFrame = window.caRealRaf;");
    run_js(case.setup);
    let ran = Rc::new(RefCell::new(Vec::new()));
    for piece in ["older", "newer", "newest"] {
        let ran = ran.clone();
        after_next_paint(move || ran.borrow_mut().push(piece));
    }
    sleep(LATEST_MS + 300).await;
    run_js("window.requestAnimationFrame = window.caRealRaf;");
    assert_eq!(*ran.borrow(), ["older", "newer", "newest"], "{}", case.name);
}

#[wasm_bindgen_test]
async fn work_runs_once_each_in_the_order_it_was_asked_for() {
    check(Case {
        name: "frames as the browser gives them",
        setup: "",
    })
    .await;
    // Regression: each piece ran when its own frame or timer came, so a delayed first frame
    // callback let a newer copy of the claims be overwritten by an older one (the panel's list
    // stayed empty after a reload, for good, under `E2E_SLOW_FRAMES`).
    check(Case {
        name: "the first frame callback delayed past the others",
        setup: "let calls = 0; window.requestAnimationFrame = (callback) => { calls += 1; const delay = calls === 1 ? 60 : 0; return window.caRealRaf((time) => setTimeout(() => callback(time), delay)); };",
    })
    .await;
    check(Case {
        name: "no frames at all (a hidden tab): the timers alone",
        setup: "window.requestAnimationFrame = () => 0;",
    })
    .await;
}
