//! In a real browser: DOM Ranges in the rendered article map to code-point positions and back,
//! across element boundaries and in every script.
#![cfg(target_arch = "wasm32")]

use claim_annotator::browser::dom_text_position::{
    char_range_to_dom_range, dom_range_to_char_range, selected_char_range,
};
use claim_annotator::core::char_range::CharRange;
use claim_annotator::mount::{mount, MountedWidget};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::Element;

#[path = "support/page_scripts.rs"]
mod page_scripts;
use page_scripts::sleep;

wasm_bindgen_test_configure!(run_in_browser);

/// Standfirst, then paragraphs in several scripts; the emoji are two UTF-16 units each, the
/// combining accent is a code point of its own.
const ARTICLE: &str = "Dek 😀 line.\n\nCafe\u{301} 👍\u{1F3FD} claims here.\n\n他说这是谣言。\n\nقال إن الادعاء كاذب.\n\nEnd 😀😀 of text.";

async fn mounted(text: &str) -> (Element, MountedWidget) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"articleText".into(), &text.into()).unwrap();
    js_sys::Reflect::set(
        &options,
        &"articleId".into(),
        &format!("dom-test-{}", js_sys::Math::random()).into(),
    )
    .unwrap();
    let widget = mount(host.clone(), options.into()).unwrap();
    // The widget draws inside the element's shadow root.
    let root = host
        .shadow_root()
        .expect("mounting attaches an open shadow root");
    for _ in 0..50 {
        if root.query_selector(".ca-article").unwrap().is_some() {
            break;
        }
        sleep(10).await;
    }
    let article = root
        .query_selector(".ca-article")
        .unwrap()
        .expect("the article rendered");
    (article, widget)
}

fn range_of(text: &str, needle: &str) -> CharRange {
    let byte = text.find(needle).expect("needle in the article");
    let start = text[..byte].chars().count();
    CharRange::new(start, start + needle.chars().count())
}

#[wasm_bindgen_test]
async fn ranges_round_trip_in_every_script() {
    let (article, _widget) = mounted(ARTICLE).await;
    let cases = [
        ("emoji in the standfirst", "😀"),
        ("combining accent stays with its letter", "Cafe\u{301}"),
        ("emoji with skin tone", "👍\u{1F3FD}"),
        ("cjk", "谣言"),
        ("arabic", "الادعاء كاذب"),
        ("two emoji", "😀😀 of"),
        ("across paragraphs and scripts", "claims here.\n\n他说"),
        (
            "across three paragraphs",
            "谣言。\n\nقال إن الادعاء كاذب.\n\nEnd",
        ),
    ];
    for (name, needle) in cases {
        let expected = range_of(ARTICLE, needle);
        let dom_range = char_range_to_dom_range(&article, expected)
            .unwrap_or_else(|| panic!("{name}: no DOM range"));
        if !needle.contains('\n') {
            assert_eq!(
                String::from(dom_range.to_string()),
                needle,
                "{name}: the DOM shows the same words"
            );
        }
        assert_eq!(
            dom_range_to_char_range(&article, &dom_range),
            Some(expected),
            "{name}"
        );
    }
}

#[wasm_bindgen_test]
async fn element_boundaries_resolve_to_the_nearest_text() {
    let (article, _widget) = mounted(ARTICLE).await;
    let document = web_sys::window().unwrap().document().unwrap();
    let paragraphs = article.query_selector_all(".ca-paragraph").unwrap();
    let second: web_sys::Node = paragraphs.item(1).unwrap();
    let third: web_sys::Node = paragraphs.item(2).unwrap();
    // A triple-click style range: from the start of one paragraph element to the start of the next.
    let range = document.create_range().unwrap();
    range.set_start(&second, 0).unwrap();
    range.set_end(&third, 0).unwrap();
    let expected_start = range_of(ARTICLE, "他说").start;
    let expected_end = range_of(ARTICLE, "قال").start;
    assert_eq!(
        dom_range_to_char_range(&article, &range),
        Some(CharRange::new(expected_start, expected_end))
    );
}

#[wasm_bindgen_test]
async fn the_window_selection_is_read_only_when_it_touches_the_article() {
    let (article, _widget) = mounted(ARTICLE).await;
    let window = web_sys::window().unwrap();
    let document = window.document().unwrap();
    let selection = window.get_selection().unwrap().unwrap();

    let inside = char_range_to_dom_range(&article, range_of(ARTICLE, "claims here")).unwrap();
    selection.remove_all_ranges().unwrap();
    // A selection inside a shadow root is set by its ends (addRange would be moved out of it).
    selection
        .set_base_and_extent(
            &inside.start_container().unwrap(),
            inside.start_offset().unwrap(),
            &inside.end_container().unwrap(),
            inside.end_offset().unwrap(),
        )
        .unwrap();
    let (range, rect) = selected_char_range(&article).expect("a selection inside the article");
    assert_eq!(range, range_of(ARTICLE, "claims here"));
    assert!(rect.width() > 0.0, "the selection has a size on screen");

    let outside = document.create_element("p").unwrap();
    outside.set_text_content(Some("text outside the widget"));
    document.body().unwrap().append_child(&outside).unwrap();
    let outside_range = document.create_range().unwrap();
    outside_range.select_node_contents(&outside).unwrap();
    selection.remove_all_ranges().unwrap();
    selection.add_range(&outside_range).unwrap();
    assert_eq!(selected_char_range(&article).map(|(range, _)| range), None);
    selection.remove_all_ranges().unwrap();
    let _ = JsValue::from(outside.unchecked_into::<web_sys::Node>());
}
