//! Converting between DOM positions (a node and a UTF-16 offset) and code-point positions in the
//! article's source text.
//!
//! The article view marks every run of source text with `data-ca-start` and `data-ca-end` (its
//! code-point range) and puts nothing but that text inside it. So a DOM point inside a run is
//! the run's start plus the code points before the point; a point anywhere else (between blocks,
//! on an element, outside the article) resolves to the nearest run boundary after it.
//!
//! Invariant: `dom_range_to_char_range(root, &char_range_to_dom_range(root, r)?)` is `r` for every
//! range whose ends lie inside rendered runs, whatever the script (emoji, combining marks, CJK,
//! Arabic): UTF-16 offsets are converted by counting code points, never by assuming one unit each.

use wasm_bindgen::JsCast;
use web_sys::{DomRect, Element, Node, Range};

use crate::core::char_range::CharRange;

pub const RUN_START_ATTRIBUTE: &str = "data-ca-start";
pub const RUN_END_ATTRIBUTE: &str = "data-ca-end";

/// The reader's current selection as a code-point range, with its on-screen rectangle, when at
/// least one end of it lies inside `root`. A collapsed selection counts as none.
pub fn selected_char_range(root: &Element) -> Option<(CharRange, DomRect)> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.range_count() == 0 || selection.is_collapsed() {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let touches_root = |node: Option<Node>| node.is_some_and(|node| root.contains(Some(&node)));
    if !touches_root(range.start_container().ok()) && !touches_root(range.end_container().ok()) {
        return None;
    }
    let char_range = dom_range_to_char_range(root, &range)?;
    Some((char_range, range.get_bounding_client_rect()))
}

/// Makes the browser's selection show `range` (after snapping to words, so the reader sees
/// exactly what will be tagged), and returns where it is on screen.
pub fn select_char_range(root: &Element, range: CharRange) -> Option<DomRect> {
    let dom_range = char_range_to_dom_range(root, range)?;
    let selection = web_sys::window()?.get_selection().ok()??;
    selection.remove_all_ranges().ok()?;
    selection.add_range(&dom_range).ok()?;
    Some(dom_range.get_bounding_client_rect())
}

/// Scrolls the first run of the claim `id` to the middle of the view; returns where it is.
pub fn scroll_to_highlight(root: &Element, id: &str) -> Option<DomRect> {
    let highlights = root.query_selector_all("[data-ca-ids]").ok()?;
    let highlight = (0..highlights.length())
        .filter_map(|index| highlights.item(index)?.dyn_into::<Element>().ok())
        .find(|element| {
            element
                .get_attribute("data-ca-ids")
                .is_some_and(|ids| ids.split(' ').any(|candidate| candidate == id))
        })?;
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_behavior(web_sys::ScrollBehavior::Smooth);
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    highlight.scroll_into_view_with_scroll_into_view_options(&options);
    Some(highlight.get_bounding_client_rect())
}

/// Removes the reader's selection, once it has become an annotation.
pub fn clear_selection() {
    if let Some(selection) =
        web_sys::window().and_then(|window| window.get_selection().ok().flatten())
    {
        let _ = selection.remove_all_ranges();
    }
}

pub fn dom_range_to_char_range(root: &Element, range: &Range) -> Option<CharRange> {
    let start = dom_point_to_position(
        root,
        &range.start_container().ok()?,
        range.start_offset().ok()?,
    )?;
    let end = dom_point_to_position(root, &range.end_container().ok()?, range.end_offset().ok()?)?;
    Some(CharRange::new(start, end))
}

pub fn char_range_to_dom_range(root: &Element, range: CharRange) -> Option<Range> {
    let (start_node, start_offset) = position_to_dom_point(root, range.start, Bias::Forward)?;
    let (end_node, end_offset) = position_to_dom_point(root, range.end, Bias::Backward)?;
    let dom_range = root.owner_document()?.create_range().ok()?;
    dom_range.set_start(&start_node, start_offset).ok()?;
    dom_range.set_end(&end_node, end_offset).ok()?;
    Some(dom_range)
}

/// The code-point position of the DOM point `(node, offset)`.
pub fn dom_point_to_position(root: &Element, node: &Node, offset: u32) -> Option<usize> {
    if let Some(text) = node.dyn_ref::<web_sys::Text>() {
        if let Some(run) = node.parent_element().filter(|parent| {
            parent.has_attribute(RUN_START_ATTRIBUTE) && root.contains(Some(parent))
        }) {
            let run_start = run_attribute(&run, RUN_START_ATTRIBUTE)?;
            let before_in_run = code_points_of_earlier_texts(&run, node);
            return Some(
                run_start + before_in_run + utf16_offset_to_code_points(&text.data(), offset),
            );
        }
    }
    if let Some(run) = node
        .dyn_ref::<Element>()
        .filter(|element| element.has_attribute(RUN_START_ATTRIBUTE))
    {
        let attribute = if offset == 0 {
            RUN_START_ATTRIBUTE
        } else {
            RUN_END_ATTRIBUTE
        };
        return run_attribute(run, attribute);
    }
    nearest_run_boundary_after(root, node, offset)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Bias {
    /// At a boundary between two runs, use the later one (for a range's start).
    Forward,
    /// At a boundary between two runs, use the earlier one (for a range's end).
    Backward,
}

fn position_to_dom_point(root: &Element, position: usize, bias: Bias) -> Option<(Node, u32)> {
    let runs = root
        .query_selector_all(&format!("[{RUN_START_ATTRIBUTE}]"))
        .ok()?;
    for index in 0..runs.length() {
        let run: Element = runs.item(index)?.dyn_into().ok()?;
        let start = run_attribute(&run, RUN_START_ATTRIBUTE)?;
        let end = run_attribute(&run, RUN_END_ATTRIBUTE)?;
        let inside = match bias {
            Bias::Forward => start <= position && position < end,
            Bias::Backward => start < position && position <= end,
        };
        if inside {
            return point_inside_run(&run, position - start);
        }
    }
    None
}

/// The text node and UTF-16 offset `code_points` into a run.
fn point_inside_run(run: &Element, mut code_points: usize) -> Option<(Node, u32)> {
    let children = run.child_nodes();
    let mut last_text = None;
    for index in 0..children.length() {
        let child = children.item(index)?;
        let Some(text) = child.dyn_ref::<web_sys::Text>() else {
            continue;
        };
        let data = text.data();
        let length = data.chars().count();
        if code_points <= length {
            return Some((
                child.clone(),
                code_points_to_utf16_offset(&data, code_points),
            ));
        }
        code_points -= length;
        last_text = Some((child.clone(), data.encode_utf16().count() as u32));
    }
    last_text
}

fn run_attribute(run: &Element, name: &str) -> Option<usize> {
    run.get_attribute(name)?.parse().ok()
}

fn code_points_of_earlier_texts(run: &Element, node: &Node) -> usize {
    let children = run.child_nodes();
    let mut total = 0;
    for index in 0..children.length() {
        let Some(child) = children.item(index) else {
            break;
        };
        if child.is_same_node(Some(node)) {
            break;
        }
        if let Some(text) = child.dyn_ref::<web_sys::Text>() {
            total += text.data().chars().count();
        }
    }
    total
}

/// For a point that is not inside a run: the start of the first run after it, or the end of
/// the last run when it lies after them all.
fn nearest_run_boundary_after(root: &Element, node: &Node, offset: u32) -> Option<usize> {
    let runs = root
        .query_selector_all(&format!("[{RUN_START_ATTRIBUTE}]"))
        .ok()?;
    let document = root.owner_document()?;
    let mut last_end = None;
    for index in 0..runs.length() {
        let run: Element = runs.item(index)?.dyn_into().ok()?;
        let run_range = document.create_range().ok()?;
        run_range.select_node_contents(&run).ok()?;
        // -1: the point is before the run; 0: inside it; 1: after it.
        match run_range.compare_point(node, offset).ok()? {
            -1 | 0 => return run_attribute(&run, RUN_START_ATTRIBUTE),
            _ => last_end = run_attribute(&run, RUN_END_ATTRIBUTE),
        }
    }
    last_end
}

/// Code points in the first `utf16_offset` UTF-16 units of `text`; an offset that splits a
/// surrogate pair counts the whole character.
pub fn utf16_offset_to_code_points(text: &str, utf16_offset: u32) -> usize {
    let mut units = 0u32;
    let mut code_points = 0;
    for ch in text.chars() {
        if units >= utf16_offset {
            break;
        }
        units += ch.len_utf16() as u32;
        code_points += 1;
    }
    code_points
}

pub fn code_points_to_utf16_offset(text: &str, code_points: usize) -> u32 {
    text.chars()
        .take(code_points)
        .map(|ch| ch.len_utf16() as u32)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_and_code_point_offsets_agree() {
        let cases: [(&str, &str, u32, usize); 5] = [
            ("ascii", "abc", 2, 2),
            ("emoji is two units, one code point", "a😀b", 3, 2),
            ("inside a surrogate pair counts the character", "a😀b", 2, 2),
            ("combining mark", "e\u{301}x", 2, 2),
            ("cjk and arabic are one unit each", "中文عربي", 4, 4),
        ];
        for (name, text, utf16, expected) in cases {
            assert_eq!(utf16_offset_to_code_points(text, utf16), expected, "{name}");
        }
        assert_eq!(code_points_to_utf16_offset("a😀b", 2), 3);
    }
}
