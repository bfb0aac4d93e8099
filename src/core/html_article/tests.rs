mod test_html_parser;

use super::*;
use crate::core::article::{parse_article, BlockKind};
use test_html_parser::parse_html;

#[derive(Default)]
struct Case {
    name: &'static str,
    html: &'static str,
    /// The title; `None` when extraction must fail with `NoArticleText`.
    title: Option<&'static str>,
    /// Each block as `"S: "`, `"P: "`, `"H: "` or `"C: "` (standfirst, paragraph, subheading,
    /// caption) and its text.
    blocks: &'static [&'static str],
    /// When not empty: exactly what `to_article_text` gives.
    text: &'static str,
    /// When not empty: the block kinds `parse_article` finds in that text.
    parsed: &'static [&'static str],
}

fn check(case: &Case) {
    let name = case.name;
    let page = parse_html(case.html);
    let extracted = extract_html_article(&page);
    let Some(title) = case.title else {
        assert_eq!(extracted, Err(ExtractionProblem::NoArticleText), "{name}");
        return;
    };
    let extracted = extracted.unwrap_or_else(|problem| panic!("{name}: {problem:?}"));
    assert_eq!(extracted.title, title, "{name}: title");
    let blocks: Vec<String> = extracted
        .blocks
        .iter()
        .map(|block| {
            let letter = match block.kind {
                ExtractedBlockKind::Standfirst => "S",
                ExtractedBlockKind::Paragraph => "P",
                ExtractedBlockKind::Subheading => "H",
                ExtractedBlockKind::Caption => "C",
            };
            format!("{letter}: {}", block.text)
        })
        .collect();
    assert_eq!(blocks, case.blocks, "{name}: blocks");
    // The module's invariants, on every case: nothing from outside the story, no empty block,
    // no blank line inside a block, so each block is one block of the laid-out text.
    let text = extracted.to_article_text();
    assert!(!text.contains("NOT-STORY"), "{name}: furniture in {text:?}");
    for block in &extracted.blocks {
        assert!(!block.text.trim().is_empty(), "{name}: empty block");
        assert!(
            !block.text.contains("\n\n"),
            "{name}: blank line in a block"
        );
    }
    assert!(!text.ends_with('\n'), "{name}: trailing newline");
    let article = parse_article(&text).expect("laid-out text parses");
    if extracted.blocks.len() > 1 {
        assert_eq!(
            article.blocks.len(),
            extracted.blocks.len(),
            "{name}: block count"
        );
    }
    if !case.text.is_empty() {
        assert_eq!(text, case.text, "{name}: laid-out text");
    }
    if !case.parsed.is_empty() {
        let kinds: Vec<&str> = article
            .blocks
            .iter()
            .map(|block| match block.kind {
                BlockKind::Standfirst => "standfirst",
                BlockKind::Figure { .. } => "figure",
                BlockKind::Paragraph => "paragraph",
                BlockKind::Subheading => "subheading",
                BlockKind::RelatedLink => "related",
                BlockKind::SourceCredit => "source",
            })
            .collect();
        assert_eq!(kinds, case.parsed, "{name}: parsed kinds");
    }
}

/// A page as a reader saves it from a news site: everything around the story carries the
/// word NOT-STORY, which must never come out. Other sites' hostile pages (their style and
/// script elements, inline styles and handlers are what the extraction must drop) are test
/// inputs, kept in `tests/fixtures/`, never in the widget's source.
const SAVED_NEWS_PAGE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/saved-pages/saved-news-page.html"
));

#[test]
fn extract() {
    let cases = [
        Case {
            name: "saved news page: the story only, in order",
            html: SAVED_NEWS_PAGE,
            title: Some("Rights groups urge UN inquiry into Hong Kong"),
            blocks: &[
                "S: Hundreds of organisations say the city\u{2019}s freedoms are being dismantled.",
                "C: Police detain a protester in Causeway Bay on Sunday, during a rally against the new law. Photo: Vincent Yu/AP",
                "P: More than 300 groups signed the letter, published on Monday.",
                "P: The letter calls for a special session. It was sent to the UN Human Rights Council.",
                "H: A city transformed",
                "P: Since the law took effect, dozens of activists have been arrested.",
                "P: \u{201C}We cannot stay silent,\u{201D} one signatory said.",
                "H: What happens next",
                "P: The council meets again in September.",
            ],
            text: "Hundreds of organisations say the city\u{2019}s freedoms are being dismantled.\n\n\
                   Police detain a protester in Causeway Bay on Sunday, during a rally against the new law. Photo: Vincent Yu/AP\n\n\
                   More than 300 groups signed the letter, published on Monday.\n\n\
                   The letter calls for a special session. It was sent to the UN Human Rights Council.\n\n\
                   A city transformed\n\n\
                   Since the law took effect, dozens of activists have been arrested.\n\n\
                   \u{201C}We cannot stay silent,\u{201D} one signatory said.\n\n\
                   What happens next\n\n\
                   The council meets again in September.",
            parsed: &[
                "standfirst",
                "paragraph",
                "paragraph",
                "paragraph",
                "subheading",
                "paragraph",
                "paragraph",
                "subheading",
                "paragraph",
            ],
        },
        Case {
            name: "no <article>: <main>",
            html: "<html><head><title>Quiet day - Town Crier</title></head><body>\
                   <nav><p>Home NOT-STORY</p></nav>\
                   <main><h1>Quiet day</h1><p>Nothing happened today.</p><h2>Weather</h2>\
                   <p>It rained, then it stopped.</p></main>\
                   <footer><p>Footer NOT-STORY text that is long enough to beat the story paragraphs.</p></footer>\
                   </body></html>",
            title: Some("Quiet day"),
            blocks: &[
                "P: Nothing happened today.",
                "H: Weather",
                "P: It rained, then it stopped.",
            ],
            parsed: &["standfirst", "subheading", "paragraph"],
            ..Case::default()
        },
        Case {
            name: "role=main",
            html: "<body><div class=\"top\"><p>Top NOT-STORY</p></div>\
                   <div role=\"main\"><p>The story.</p></div></body>",
            title: Some(""),
            blocks: &["P: The story."],
            ..Case::default()
        },
        Case {
            name: "no <article> or <main>: the element whose direct paragraphs hold most text",
            html: "<html><head><title>Council votes | Gazette</title></head><body>\
                   <div class=\"masthead-links\"><p>Short NOT-STORY</p></div>\
                   <div id=\"story\"><p>The council voted on Tuesday to close the library.</p>\
                   <h3>Reaction</h3><p>Residents were not pleased, and said so.</p>\
                   <span>Loose span text is not a block NOT-STORY</span></div>\
                   <div class=\"teasers\"><div><p>Teaser one NOT-STORY</p></div>\
                   <div><p>Teaser two NOT-STORY</p></div></div></body></html>",
            title: Some("Council votes"),
            blocks: &[
                "P: The council voted on Tuesday to close the library.",
                "H: Reaction",
                "P: Residents were not pleased, and said so.",
            ],
            ..Case::default()
        },
        Case {
            name: "of several <article>s the one with most paragraph text",
            html: "<body><article><h2>Teaser NOT-STORY</h2><p>Short teaser NOT-STORY</p></article>\
                   <article><h1>Main story</h1><p>This is the main story, which is much longer than the teaser.</p>\
                   <p>It goes on.</p></article>\
                   <article><p>Another teaser NOT-STORY</p></article></body>",
            title: Some("Main story"),
            blocks: &[
                "P: This is the main story, which is much longer than the teaser.",
                "P: It goes on.",
            ],
            ..Case::default()
        },
        Case {
            name: "itemprop=articleBody",
            html: "<body><div class=\"wrapper\"><p>Intro to the site NOT-STORY</p>\
                   <div itemprop=\"articleBody\" class=\"share-friendly\"><p>Body one.</p><p>Body two.</p></div></div></body>",
            title: Some(""),
            blocks: &["P: Body one.", "P: Body two."],
            ..Case::default()
        },
        Case {
            name: "a page with nothing",
            html: "<html><head><title>Error</title><script>var x = 'NOT-STORY';</script></head>\
                   <body><nav><ul><li>Home</li></ul></nav><div class=\"ad\"><p>Buy</p></div>\
                   <footer><p>Contact us</p></footer></body></html>",
            title: None,
            ..Case::default()
        },
        Case {
            name: "an empty body",
            html: "<html><head><title>Empty</title><meta name=\"description\" content=\"A description alone is no article\"></head><body>  </body></html>",
            title: None,
            ..Case::default()
        },
        Case {
            name: "title from the page's <h1> outside the region",
            html: "<body><div class=\"top\"><h1>Outside headline</h1></div>\
                   <article><p>Story text.</p></article></body>",
            title: Some("Outside headline"),
            blocks: &["P: Story text."],
            ..Case::default()
        },
        Case {
            name: "title from og:title before twitter:title",
            html: "<head><meta name=\"twitter:title\" content=\"Twitter title\">\
                   <meta property=\"og:title\" content=\"  OG   title \"><title>Doc | Site</title></head>\
                   <body><article><p>Story text.</p></article></body>",
            title: Some("OG title"),
            blocks: &["P: Story text."],
            ..Case::default()
        },
        Case {
            name: "title from twitter:title",
            html: "<head><meta name=\"twitter:title\" content=\"Twitter title\"><title>Doc | Site</title></head>\
                   <body><article><p>Story text.</p></article></body>",
            title: Some("Twitter title"),
            blocks: &["P: Story text."],
            ..Case::default()
        },
        Case {
            name: "title from <title> without \" - Site\"",
            html: "<head><title>Floods close schools - The Northern Echo</title></head>\
                   <body><article><p>Story text.</p></article></body>",
            title: Some("Floods close schools"),
            blocks: &["P: Story text."],
            ..Case::default()
        },
        Case {
            name: "a long last part of <title> is not a site name",
            html: "<head><title>Covid - what you need to know this winter</title></head>\
                   <body><article><p>Story text.</p></article></body>",
            title: Some("Covid - what you need to know this winter"),
            blocks: &["P: Story text."],
            ..Case::default()
        },
        Case {
            name: "no title anywhere",
            html: "<body><article><p>Story text.</p></article></body>",
            title: Some(""),
            blocks: &["P: Story text."],
            ..Case::default()
        },
        Case {
            name: "standfirst: a dek's own text, not the lead image's caption",
            html: "<body><article><figure class=\"lead-image\"><img src=\"a.jpg\"><figcaption>A caption.</figcaption></figure>\
                   <div class=\"headline__dek\">The dek, written <b>directly</b> in a div.</div>\
                   <p>First paragraph.</p></article></body>",
            title: Some(""),
            blocks: &[
                "S: The dek, written directly in a div.",
                "C: A caption.",
                "P: First paragraph.",
            ],
            ..Case::default()
        },
        Case {
            name: "standfirst: the meta description when it is not the first paragraph",
            html: "<head><meta name=\"description\" content=\"Why the bridge closed, and when it reopens.\"></head>\
                   <body><article><p>The bridge closed at noon.</p><p>It reopens in May.</p></article></body>",
            title: Some(""),
            blocks: &[
                "S: Why the bridge closed, and when it reopens.",
                "P: The bridge closed at noon.",
                "P: It reopens in May.",
            ],
            ..Case::default()
        },
        Case {
            name: "no standfirst from a description that only opens the first paragraph",
            html: "<head><meta name=\"description\" content=\"The bridge closed at noon after inspectors found\u{2026}\"></head>\
                   <body><article><p>The bridge closed at noon after inspectors found cracks.</p><p>More.</p></article></body>",
            title: Some(""),
            blocks: &[
                "P: The bridge closed at noon after inspectors found cracks.",
                "P: More.",
            ],
            ..Case::default()
        },
        Case {
            name: "<br> is a line break; two are a paragraph break",
            html: "<body><article><p>First line<br>second line<br/>  third line</p>\
                   <p>Verse one.<br><br>Verse two.</p><h2>Split<br>heading</h2><p>End.</p></article></body>",
            title: Some(""),
            blocks: &[
                "P: First line\nsecond line\nthird line",
                "P: Verse one.",
                "P: Verse two.",
                "H: Split\nheading",
                "P: End.",
            ],
            text: "First line\nsecond line\nthird line\n\nVerse one.\n\nVerse two.\n\nSplit heading\n\nEnd.",
            parsed: &["standfirst", "paragraph", "paragraph", "subheading", "paragraph"],
        },
        Case {
            name: "white space collapsed, no-break spaces kept as spaces, inline elements inside words",
            html: "<body><article><p>\n   A&nbsp;B \t  <b>C</b>at <i>dog</i>s\u{2009}thin\u{3000}wide\n</p>\
                   <p>&nbsp;</p><p>Two<span>\n</span>words</p></article></body>",
            title: Some(""),
            blocks: &["P: A B Cat dogs\u{2009}thin\u{3000}wide", "P: Two words"],
            ..Case::default()
        },
        Case {
            name: "exact duplicates of the title dropped; trailing blocks without letters dropped",
            html: "<head><title>Big news | Site</title></head><body><article><p>Big news</p>\
                   <p>Big news, again.</p><p>2024</p><p>It continues.</p><p>* * *</p><p>12/03/2024</p></article></body>",
            title: Some("Big news"),
            blocks: &["P: Big news, again.", "P: 2024", "P: It continues."],
            ..Case::default()
        },
        Case {
            name: "hidden, aria-hidden, display:none and complementary parts left out",
            // A saved page's hostile markup, kept with the other hostile test pages.
            html: include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/saved-pages/hidden-parts.html"
            )),
            title: Some(""),
            blocks: &["P: Shown.", "P: Also shown."],
            ..Case::default()
        },
        Case {
            name: "class and id words: whole words only, camelCase split",
            html: "<body><article><div class=\"shadow-box loaded\"><p>Kept one.</p></div>\
                   <div id=\"cookieBanner\"><p>Cookies NOT-STORY</p></div>\
                   <div class=\"header-Promos\"><p>Promos NOT-STORY</p></div>\
                   <div class=\"adjacent\"><p>Kept two.</p></div>\
                   <div id=\"popup2\"><p>Popup NOT-STORY</p></div></article></body>",
            title: Some(""),
            blocks: &["P: Kept one.", "P: Kept two."],
            ..Case::default()
        },
        Case {
            name: "lists, quotes with paragraphs, preformatted text, captions",
            html: "<body><article><p>Intro.</p><ul><li>First point</li><li><p>Second point</p>\
                   <ul><li>Nested point</li></ul></li></ul>\
                   <blockquote>Loose quote <p>Quoted paragraph.</p> tail</blockquote>\
                   <pre>line one\n  line two</pre>\
                   <figure><img src=\"x.png\" alt=\"NOT-STORY\"><figcaption>The caption (AP)</figcaption></figure>\
                   <p>Last.</p></article></body>",
            title: Some(""),
            blocks: &[
                "P: Intro.",
                "P: First point",
                "P: Second point",
                "P: Nested point",
                "P: Loose quote",
                "P: Quoted paragraph.",
                "P: tail",
                "P: line one\nline two",
                "C: The caption (AP)",
                "P: Last.",
            ],
            ..Case::default()
        },
        Case {
            name: "a form wrapping the whole page is read through; a sign-up form is not",
            html: "<body><form id=\"aspnetForm\" action=\"/page.aspx\"><main><h1>Inside a form</h1>\
                   <p>Story inside a form.</p><form><p>Sign up NOT-STORY</p><input name=\"q\"></form>\
                   </main></form></body>",
            title: Some("Inside a form"),
            blocks: &["P: Story inside a form."],
            ..Case::default()
        },
        Case {
            name: "event handlers are just attributes: never run, never shown",
            html: "<body><article><p onclick=\"alert('NOT-STORY')\" onmouseover=\"steal()\">Click-free text.</p>\
                   <img src=\"x\" onerror=\"alert('NOT-STORY')\"><a href=\"javascript:alert('NOT-STORY')\">A link</a>\
                   <p>Second.</p></article></body>",
            title: Some(""),
            blocks: &["P: Click-free text.", "P: Second."],
            ..Case::default()
        },
        Case {
            name: "body and article classes never hide the story",
            html: "<body class=\"nav-open modal-open\"><article class=\"post with-comments related-enabled\">\
                   <p>The story stays.</p></article></body>",
            title: Some(""),
            blocks: &["P: The story stays."],
            ..Case::default()
        },
    ];
    for case in &cases {
        check(case);
    }
}

#[test]
fn laid_out_text_puts_the_standfirst_first_and_leaves_the_title_out() {
    let block = |kind, text: &str| ExtractedBlock {
        kind,
        text: text.to_string(),
    };
    let article = ExtractedArticle {
        title: "The title".to_string(),
        blocks: vec![
            block(ExtractedBlockKind::Paragraph, "Body.\n  \nmore"),
            block(ExtractedBlockKind::Standfirst, "Standfirst."),
            block(ExtractedBlockKind::Caption, "Caption."),
        ],
    };
    assert_eq!(
        article.to_article_text(),
        "Standfirst.\n\nBody.\nmore\n\nCaption."
    );
}

#[test]
fn node_helpers() {
    let node = HtmlNode::element(
        "DIV",
        &[("Class", " story  main-story "), ("data-x", "1")],
        vec![HtmlNode::text("hi")],
    );
    assert_eq!(node.tag(), Some("div"));
    assert_eq!(node.attribute("class"), Some(" story  main-story "));
    assert_eq!(node.attribute("DATA-X"), Some("1"));
    assert_eq!(node.attribute("id"), None);
    assert_eq!(
        node.class_list().collect::<Vec<_>>(),
        ["story", "main-story"]
    );
    assert_eq!(node.children(), [HtmlNode::Text("hi".to_string())]);
    assert_eq!(HtmlNode::text("x").class_list().count(), 0);
    let message = ExtractionProblem::NoArticleText.message(&crate::core::locale::Locale::english());
    assert!(
        message.ends_with('.') && !message.contains(". "),
        "{message}"
    );
    assert!(message.contains("nothing was changed") && message.contains("paste"));
}
