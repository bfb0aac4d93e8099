//! In a real browser, through Yew's own renderer: every effect of the widget goes through
//! `use_effect_when_changed`, so it must run and tear down exactly as Yew's `use_effect_with`
//! does: after the first render, again only when its dependencies changed (the teardown of the
//! last run first), and the teardown once more when the component goes away.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use claim_annotator::ui::effect_when_changed::{use_effect_when_changed, EffectDeps, Teardown};
use wasm_bindgen_test::*;
use yew::prelude::*;

#[path = "support/page_scripts.rs"]
mod page_scripts;
use page_scripts::sleep;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Properties, Clone)]
struct ProbeProps {
    deps: (u32, String),
    /// Rendered too (unlike `deps`), so a change to it alone re-renders without new deps.
    unrelated: u32,
    log: Rc<RefCell<Vec<String>>>,
}

impl PartialEq for ProbeProps {
    fn eq(&self, other: &ProbeProps) -> bool {
        self.deps == other.deps && self.unrelated == other.unrelated
    }
}

#[function_component(Probe)]
fn probe(props: &ProbeProps) -> Html {
    let (log, deps) = (props.log.clone(), props.deps.clone());
    use_effect_when_changed(
        EffectDeps::new(deps.clone()),
        Box::new(move || {
            log.borrow_mut().push(format!("run {} {}", deps.0, deps.1));
            Teardown::new(move || log.borrow_mut().push(format!("undo {} {}", deps.0, deps.1)))
        }),
    );
    html! { <p>{ props.unrelated }</p> }
}

struct Case {
    name: &'static str,
    /// The props after the first render's `(1, "a")`, one render each.
    renders: &'static [((u32, &'static str), u32)],
    /// The log after those renders, then after the component went away.
    expected: &'static [&'static str],
}

async fn check(case: Case) {
    let root = gloo::utils::document().create_element("div").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    let log = Rc::new(RefCell::new(Vec::new()));
    let props = |(number, text): (u32, &str), unrelated: u32| ProbeProps {
        deps: (number, text.to_string()),
        unrelated,
        log: log.clone(),
    };
    let mut app =
        yew::Renderer::<Probe>::with_root_and_props(root.clone(), props((1, "a"), 0)).render();
    sleep(20).await;
    for &(deps, unrelated) in case.renders {
        app.update(props(deps, unrelated));
        sleep(20).await;
    }
    app.destroy();
    sleep(20).await;
    root.remove();
    assert_eq!(*log.borrow(), case.expected, "{}", case.name);
}

#[wasm_bindgen_test]
async fn effects_run_when_their_dependencies_change_and_tear_down_before() {
    check(Case {
        name: "one render, then gone",
        renders: &[],
        expected: &["run 1 a", "undo 1 a"],
    })
    .await;
    check(Case {
        name: "renders with the same dependencies do not run it again",
        renders: &[((1, "a"), 1), ((1, "a"), 2)],
        expected: &["run 1 a", "undo 1 a"],
    })
    .await;
    check(Case {
        name: "each change of either part runs it again, after the last run's teardown",
        renders: &[((2, "a"), 0), ((2, "a"), 5), ((2, "b"), 5)],
        expected: &[
            "run 1 a", "undo 1 a", "run 2 a", "undo 2 a", "run 2 b", "undo 2 b",
        ],
    })
    .await;
    check(Case {
        name: "back to the first dependencies is a change too",
        renders: &[((2, "a"), 0), ((1, "a"), 0)],
        expected: &[
            "run 1 a", "undo 1 a", "run 2 a", "undo 2 a", "run 1 a", "undo 1 a",
        ],
    })
    .await;
}
