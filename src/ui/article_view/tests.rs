use super::*;

fn highlight(id: &str, start: usize, end: usize) -> DrawnHighlight {
    DrawnHighlight {
        id: id.into(),
        range: CharRange::new(start, end),
        class: "ca-tag-allegation",
        label: "Allegation".into(),
        flagged: false,
    }
}

/// A block's highlights: the positions `touching` in the list `all`.
fn block(all: &[DrawnHighlight], touching: &[usize]) -> BlockHighlights {
    BlockHighlights {
        all: Shared::new(all.to_vec()),
        touching: Rc::new(touching.to_vec()),
    }
}

fn check(name: &str, first: BlockHighlights, second: BlockHighlights, equal: bool) {
    assert_eq!(first == second, equal, "{name}");
}

/// A block re-renders when, and only when, the highlights touching it changed: the claims
/// elsewhere in the article, and where its own sit in the article's list, do not count.
#[test]
fn a_block_compares_its_own_highlights() {
    let (a, b, c) = (
        highlight("a", 0, 5),
        highlight("b", 10, 15),
        highlight("c", 20, 25),
    );
    let mut b_retagged = b.clone();
    b_retagged.class = "ca-tag-demand";
    let mut b_flagged = b.clone();
    b_flagged.flagged = true;
    let cases = [
        (
            "the same highlights at the same places",
            block(&[a.clone(), b.clone()], &[1]),
            block(&[a.clone(), b.clone()], &[1]),
            true,
        ),
        (
            "a claim added before the block moves its highlight along the list",
            block(&[a.clone(), b.clone()], &[1]),
            block(&[c.clone(), a.clone(), b.clone()], &[2]),
            true,
        ),
        (
            "its highlight retagged",
            block(&[a.clone(), b.clone()], &[1]),
            block(&[a.clone(), b_retagged], &[1]),
            false,
        ),
        (
            "its highlight flagged for review",
            block(&[a.clone(), b.clone()], &[1]),
            block(&[a.clone(), b_flagged], &[1]),
            false,
        ),
        (
            "a highlight added to the block",
            block(&[a.clone(), b.clone()], &[1]),
            block(&[a.clone(), b.clone(), c.clone()], &[1, 2]),
            false,
        ),
        (
            "its only highlight deleted",
            block(&[a.clone(), b.clone()], &[1]),
            block(std::slice::from_ref(&a), &[]),
            false,
        ),
        (
            "a highlight elsewhere changed",
            block(&[a.clone(), b.clone()], &[1]),
            block(&[highlight("a", 0, 4), b.clone()], &[1]),
            true,
        ),
    ];
    for (name, first, second, equal) in cases {
        check(name, first, second, equal);
    }
}

/// Each block lists the highlights overlapping it, by their place in the article's list; a
/// claim across two blocks is in both.
#[test]
fn highlights_are_found_for_each_block() {
    let article = crate::core::article::parse_article(
        "The first paragraph says one thing.\n\nThe second paragraph says another.\n\nThe third paragraph ends it.",
    )
    .expect("a text");
    let blocks: Vec<CharRange> = article.blocks.iter().map(|block| block.range()).collect();
    assert_eq!(blocks.len(), 3, "three paragraphs");
    let across = highlight("across", blocks[0].end - 3, blocks[1].start + 3);
    let inside = highlight("inside", blocks[2].start, blocks[2].start + 5);
    assert_eq!(
        highlights_by_block(&article, &[across, inside]),
        vec![vec![0], vec![0], vec![1]]
    );
}
