//! In a real browser, through Yew's own renderer: every piece of the widget's state goes
//! through `ui::component_state` (and the core's reducers through `ui::store`), so it must
//! behave as Yew's `use_state`, `use_state_eq` and `use_reducer` do: a handle reads the latest
//! value at once, a change renders once, and a change that leaves the same value (an `_eq`
//! state set to an equal value, an action the core says changed nothing) does not render.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use claim_annotator::core::claim_list_window::{ClaimListAction, ClaimListWindow};
use claim_annotator::ui::component_state::{
    use_component_state, use_component_state_eq, StateHandle,
};
use claim_annotator::ui::store::{use_store, StoreDispatcher, StoreHandle};
use wasm_bindgen_test::*;
use yew::prelude::*;

#[path = "support/page_scripts.rs"]
mod page_scripts;
use page_scripts::sleep;

wasm_bindgen_test_configure!(run_in_browser);

/// The probe's handles, as its last render made them, and how many renders there were.
#[derive(Default)]
struct Seen {
    renders: u32,
    handles: Option<(
        StateHandle<u32>,
        StateHandle<u32>,
        StoreHandle<ClaimListWindow>,
    )>,
    first_dispatcher: Option<StoreDispatcher<ClaimListWindow>>,
}

#[derive(Properties, Clone)]
struct ProbeProps {
    seen: Rc<RefCell<Seen>>,
}

impl PartialEq for ProbeProps {
    fn eq(&self, other: &ProbeProps) -> bool {
        Rc::ptr_eq(&self.seen, &other.seen)
    }
}

#[function_component(Probe)]
fn probe(props: &ProbeProps) -> Html {
    let plain = use_component_state(|| 0u32);
    let compared = use_component_state_eq(|| 0u32);
    let store = use_store::<ClaimListWindow>();
    let text = format!("{} {} {}", *plain, *compared, store.state.limit);
    let mut seen = props.seen.borrow_mut();
    seen.renders += 1;
    seen.first_dispatcher
        .get_or_insert_with(|| store.dispatcher());
    seen.handles = Some((plain, compared, store));
    html! { <p>{ text }</p> }
}

enum Step {
    SetPlain(u32),
    SetCompared(u32),
    /// "Show more claims" with this many claims to list (the store: the claim list's window,
    /// 100 claims a page, a real reducer of the core).
    ShowMore(usize),
    /// The same, through the dispatcher kept from the first render, as a callback made then
    /// would.
    ShowMoreFromFirstRender(usize),
}

struct Case {
    name: &'static str,
    step: Step,
    /// What the handles read right after the step, before any render: plain, compared, store.
    read_at_once: (u32, u32, usize),
    new_renders: u32,
    text_after: &'static str,
}

async fn check(seen: &Rc<RefCell<Seen>>, root: &web_sys::Element, case: Case) {
    let before = seen.borrow().renders;
    let (plain, compared, store) = seen.borrow().handles.clone().expect("rendered");
    match case.step {
        Step::SetPlain(value) => plain.set(value),
        Step::SetCompared(value) => compared.set(value),
        Step::ShowMore(listed) => store.dispatch(ClaimListAction::ShowMore { listed }),
        Step::ShowMoreFromFirstRender(listed) => {
            let first = seen.borrow().first_dispatcher.clone().expect("rendered");
            assert!(first == store.dispatcher(), "{}: the same store", case.name);
            first.dispatch(ClaimListAction::ShowMore { listed });
        }
    }
    let read = (*plain, *compared, store.state.limit);
    assert_eq!(read, case.read_at_once, "{}: read at once", case.name);
    sleep(20).await;
    let renders = seen.borrow().renders - before;
    assert_eq!(renders, case.new_renders, "{}: renders", case.name);
    assert_eq!(
        root.text_content().unwrap(),
        case.text_after,
        "{}: shown",
        case.name
    );
}

#[wasm_bindgen_test]
async fn state_reads_at_once_and_renders_only_for_a_change() {
    let root = gloo::utils::document().create_element("div").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    let seen = Rc::new(RefCell::new(Seen::default()));
    let app = yew::Renderer::<Probe>::with_root_and_props(
        root.clone(),
        ProbeProps { seen: seen.clone() },
    )
    .render();
    sleep(20).await;
    assert_eq!(seen.borrow().renders, 1, "the first render");
    let cases = [
        Case {
            name: "a plain state set to a new value",
            step: Step::SetPlain(4),
            read_at_once: (4, 0, 100),
            new_renders: 1,
            text_after: "4 0 100",
        },
        Case {
            name: "a plain state set to an equal value still renders, as use_state does",
            step: Step::SetPlain(4),
            read_at_once: (4, 0, 100),
            new_renders: 1,
            text_after: "4 0 100",
        },
        Case {
            name: "an eq state set to an equal value",
            step: Step::SetCompared(0),
            read_at_once: (4, 0, 100),
            new_renders: 0,
            text_after: "4 0 100",
        },
        Case {
            name: "an eq state set to a new value",
            step: Step::SetCompared(7),
            read_at_once: (4, 7, 100),
            new_renders: 1,
            text_after: "4 7 100",
        },
        Case {
            name: "an action the core says changed nothing (all 50 claims are listed)",
            step: Step::ShowMore(50),
            read_at_once: (4, 7, 100),
            new_renders: 0,
            text_after: "4 7 100",
        },
        Case {
            name: "an action that changes the store",
            step: Step::ShowMore(250),
            read_at_once: (4, 7, 200),
            new_renders: 1,
            text_after: "4 7 200",
        },
        Case {
            name: "the first render's dispatcher, after later renders",
            step: Step::ShowMoreFromFirstRender(250),
            read_at_once: (4, 7, 300),
            new_renders: 1,
            text_after: "4 7 300",
        },
    ];
    for case in cases {
        check(&seen, &root, case).await;
    }
    app.destroy();
    root.remove();
}
