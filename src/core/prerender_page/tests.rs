use super::*;

/// `page`'s request, or the start of its error.
enum Expected<'a> {
    Reads {
        language: Option<&'a str>,
        panel: Option<&'a str>,
    },
    Refused(&'a str),
}

fn check(name: &str, page: &str, expected: Expected) {
    let read = read_prerender_request(page);
    match (expected, read) {
        (Expected::Reads { language, panel }, Ok(request)) => {
            assert_eq!(request.language.as_deref(), language, "{name}: lang");
            assert_eq!(request.panel.as_deref(), panel, "{name}: panel");
            assert_eq!(
                &page[request.marker_at..][..PRERENDER_MARKER.len()],
                PRERENDER_MARKER,
                "{name}: where the marker is"
            );
        }
        (Expected::Refused(start), Err(message)) => {
            assert!(
                message.starts_with(start),
                "{name}: the message {message:?} starts with {start:?}"
            );
        }
        (Expected::Reads { .. }, Err(message)) => panic!("{name}: refused: {message}"),
        (Expected::Refused(_), Ok(request)) => panic!("{name}: read {request:?}"),
    }
}

#[test]
fn a_page_gives_the_element_s_language_and_panel_or_a_reason_it_cannot_be_prerendered() {
    use Expected::*;
    let cases: Vec<(&str, &str, Expected)> = vec![
        ("no attributes: the browser's language, the panel inline",
         "<main><claim-annotator><!-- prerendered widget --></claim-annotator></main>",
         Reads { language: None, panel: None }),
        ("double-quoted lang and panel, with the article's address",
         "<claim-annotator article-url=\"a.txt\" lang=\"ar\" panel=\"drawer\"><!-- prerendered widget --></claim-annotator>",
         Reads { language: Some("ar"), panel: Some("drawer") }),
        ("single quotes, no quotes, upper-case names, a line break before the marker",
         "<CLAIM-ANNOTATOR\n  LANG='fr-CA' Panel=inline>\n  <!-- prerendered widget --></CLAIM-ANNOTATOR>",
         Reads { language: Some("fr-CA"), panel: Some("inline") }),
        ("a > inside a quoted value does not end the tag",
         "<claim-annotator article-url=\"a>b.txt\" lang=\"fr\"><!-- prerendered widget --></claim-annotator>",
         Reads { language: Some("fr"), panel: None }),
        ("the first of a repeated attribute counts, as in HTML",
         "<claim-annotator lang=\"fr\" lang=\"ar\"><!-- prerendered widget --></claim-annotator>",
         Reads { language: Some("fr"), panel: None }),
        ("an empty lang is no lang",
         "<claim-annotator lang=\"\"><!-- prerendered widget --></claim-annotator>",
         Reads { language: None, panel: None }),
        ("an element of a longer name before the right one is skipped",
         "<claim-annotator-note lang=\"fr\"></claim-annotator-note><claim-annotator hidden><!-- prerendered widget --></claim-annotator>",
         Reads { language: None, panel: None }),
        ("no marker",
         "<claim-annotator></claim-annotator>",
         Refused("the page must hold <!-- prerendered widget --> once")),
        ("two markers",
         "<claim-annotator><!-- prerendered widget --></claim-annotator><claim-annotator><!-- prerendered widget --></claim-annotator>",
         Refused("the page must hold <!-- prerendered widget --> once")),
        ("the marker outside any element",
         "<main><!-- prerendered widget --></main>",
         Refused("<!-- prerendered widget --> must be the first thing inside")),
        ("the marker after other content of the element",
         "<claim-annotator><p>Loading</p><!-- prerendered widget --></claim-annotator>",
         Refused("<!-- prerendered widget --> must be the first thing inside")),
        ("the marker only inside a longer element name",
         "<claim-annotator-x><!-- prerendered widget --></claim-annotator-x>",
         Refused("<!-- prerendered widget --> must be the first thing inside")),
        ("an element annotating a story on the page",
         "<claim-annotator for=\"story\"><!-- prerendered widget --></claim-annotator>",
         Refused("the element annotates the story \u{201C}#story\u{201D} in place")),
    ];
    for (name, page, expected) in cases {
        check(name, page, expected);
    }
}

#[test]
fn a_prerendered_article_of_another_name_than_the_element_shows_is_pointed_out() {
    let check_mismatch = |name: &str, element: &str, file: &str, expected: Option<&str>| {
        let page = format!("{element}{PRERENDER_MARKER}</claim-annotator>");
        let request = read_prerender_request(&page).unwrap();
        let warning = article_mismatch(&request, file);
        match (expected, warning) {
            (None, None) => {}
            (Some(start), Some(warning)) => assert!(
                warning.starts_with(start),
                "{name}: the warning {warning:?} starts with {start:?}"
            ),
            (expected, warning) => panic!("{name}: expected {expected:?}, got {warning:?}"),
        }
    };
    let cases: Vec<(&str, &str, &str, Option<&str>)> = vec![
        ("the same file name", "<claim-annotator article-url=\"sample-arabic.txt\">", "sample-arabic.txt", None),
        ("the same name under another path, with a query and a fragment", "<claim-annotator article-url=\"https://news.example/2026/story.txt?v=3#top\">", "story.txt", None),
        ("no article-url, the sample prerendered", "<claim-annotator>", "article.txt", None),
        ("another file", "<claim-annotator article-url=\"story.txt\">", "other.txt", Some("the element's article-url names \u{201C}story.txt\u{201D}, but the article prerendered is \u{201C}other.txt\u{201D}")),
        ("no article-url, another file prerendered", "<claim-annotator lang=\"ar\">", "sample-arabic.txt", Some("the element has no article-url, so the live widget shows its sample article")),
        ("an empty article-url is the sample too", "<claim-annotator article-url=\"\">", "story.txt", Some("the element has no article-url")),
    ];
    for (name, element, file, expected) in cases {
        check_mismatch(name, element, file, expected);
    }
}
