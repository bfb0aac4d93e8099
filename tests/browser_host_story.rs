//! In a real browser: a story on the host page is read as the text of its rendered text nodes,
//! positions map to DOM ranges and back in every script, a selection in the story becomes code
//! points, and painting never changes the story's DOM.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use claim_annotator::browser::article_surface::host_story::{HostStorySurface, StoryProblem};
use claim_annotator::browser::article_surface::{ArticleSurface, PaintMarks};
use claim_annotator::core::annotation::Annotation;
use claim_annotator::core::char_range::CharRange;
use claim_annotator::core::tag::Tag;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Node};

wasm_bindgen_test_configure!(run_in_browser);

/// Builds a story element from (tag, text, attribute) children, appended to the body, with a
/// shadow root for the overlay beside it. Only DOM APIs are used (no HTML parsing).
fn story(children: &[(&str, &str, Option<(&str, &str)>)]) -> (Element, Node) {
    let document = web_sys::window().unwrap().document().unwrap();
    let story = document.create_element("article").unwrap();
    for (tag, text, attribute) in children {
        let child = document.create_element(tag).unwrap();
        child.set_text_content(Some(text));
        if let Some((name, value)) = attribute {
            child.set_attribute(name, value).unwrap();
        }
        story.append_child(&child).unwrap();
    }
    document.body().unwrap().append_child(&story).unwrap();
    let holder = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&holder).unwrap();
    let shadow = holder
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    (story, shadow.unchecked_into())
}

fn range_of(text: &str, needle: &str) -> CharRange {
    let byte = text.find(needle).expect("needle in the story");
    let start = text[..byte].chars().count();
    CharRange::new(start, start + needle.chars().count())
}

#[wasm_bindgen_test]
fn the_story_text_leaves_out_what_is_not_shown() {
    let (element, overlay) = story(&[
        ("h1", "Minister denies it", None),
        ("script", "window.tracking = 1;", None),
        ("p", "Unions allege 😀 abuse.", None),
        ("style", "p { color: red }", None),
        ("p", "Hidden by the page.", Some(("hidden", ""))),
        ("p", "Also hidden.", Some(("style", "display: none"))),
        ("claim-annotator", "widget text", None),
        ("noscript", "Turn on JavaScript", None),
        ("p", "他们要求调查。 يطالبون بتحقيق.", None),
    ]);
    let surface = HostStorySurface::open(element, &overlay, false).expect("a story with text");
    assert_eq!(
        surface.story().text().as_str(),
        "Minister denies itUnions allege 😀 abuse.他们要求调查。 يطالبون بتحقيق."
    );
}

#[wasm_bindgen_test]
fn a_story_without_visible_text_is_refused() {
    let (element, overlay) = story(&[("script", "var only = 'code';", None), ("p", "  ", None)]);
    assert_eq!(
        HostStorySurface::open(element, &overlay, false).err(),
        Some(StoryProblem::NoText)
    );
}

#[wasm_bindgen_test]
fn selections_map_to_code_points_in_every_script_and_painting_leaves_the_dom_alone() {
    let (element, overlay) = story(&[
        ("h2", "Emoji 😀👍\u{1F3FD} first.", None),
        ("p", "Cafe\u{301} owners allege fraud.", None),
        ("p", "他说这是谣言。", None),
        ("p", "قال إن الادعاء كاذب.", None),
    ]);
    let html_before = element.inner_html();
    let surface = HostStorySurface::open(element.clone(), &overlay, false).unwrap();
    let text = surface.story().text().as_str().to_string();
    let selection = web_sys::window().unwrap().get_selection().unwrap().unwrap();
    for (name, needle) in [
        ("emoji with skin tone", "👍\u{1F3FD}"),
        ("combining accent", "Cafe\u{301} owners"),
        ("cjk", "谣言"),
        ("arabic", "الادعاء كاذب"),
        ("across elements", "fraud.他说"),
    ] {
        let expected = range_of(&text, needle);
        let rect = surface
            .select(expected)
            .unwrap_or_else(|| panic!("{name}: selectable"));
        assert!(rect.width() > 0.0, "{name}: on screen");
        if !name.starts_with("across") {
            // Across blocks the browser's own text adds a line break between them.
            assert_eq!(
                String::from(selection.to_string()),
                needle,
                "{name}: the page shows it"
            );
        }
        assert_eq!(
            surface.selection().map(|(range, _)| range),
            Some(expected),
            "{name}: read back"
        );
    }
    let claims: Vec<Rc<Annotation>> = [
        ("Cafe\u{301} owners", Tag::Allegation),
        ("谣言", Tag::Denial),
    ]
    .iter()
    .enumerate()
    .map(|(index, (needle, tag))| {
        Rc::new(Annotation::describe(
            surface.story().text(),
            range_of(&text, needle),
            tag.clone(),
            format!("claim-{index}"),
            1,
        ))
    })
    .collect();
    surface.paint(
        &claims,
        &PaintMarks {
            flashing: Some("claim-1".to_string()),
            ..PaintMarks::default()
        },
    );
    assert_eq!(element.inner_html(), html_before, "painting changes no DOM");
    surface.detach();
    selection.remove_all_ranges().unwrap();
}
