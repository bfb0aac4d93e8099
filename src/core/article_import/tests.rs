use super::*;
use crate::core::article::BlockKind;
use crate::core::article_file::MAX_ARTICLE_FILE_BYTES;

const SEED: &str = include_str!("../../../static/article.txt");

struct Case {
    name: &'static str,
    input: Input,
    expected: Expected,
}

enum Input {
    Paste(&'static str),
    /// Drafted by `draft_from_content`; an HTML file's "parse" is `page_of`.
    File {
        name: &'static str,
        mime: &'static str,
        bytes: Vec<u8>,
    },
    /// A page as the browser layer hands it over.
    Html(HtmlNode),
    Address(&'static str),
    FileNameOf(&'static str),
}

enum Expected {
    /// The draft's title, its text exactly, and its block kinds (`S`, `P`, `H`, `F`, `R`, `C`
    /// for standfirst, paragraph, subheading, figure, related link, source credit).
    Draft {
        title: &'static str,
        text: &'static str,
        blocks: &'static str,
    },
    /// Like `Draft`, for a long text: only the title and that the text is kept as given.
    KeptAsGiven {
        title: &'static str,
    },
    Refused(ImportProblem),
    Address(&'static str),
    FileName(&'static str),
}

fn check(case: Case) {
    let name = case.name;
    let origin = || ArticleOrigin::File {
        name: "story".into(),
    };
    let (given, drafted) = match case.input {
        Input::Paste(text) => (text.to_string(), draft_from_paste(text)),
        Input::File {
            name: file_name,
            mime,
            bytes,
        } => {
            let given = String::from_utf8_lossy(&bytes).into_owned();
            let origin = ArticleOrigin::File {
                name: file_name.into(),
            };
            (
                given,
                draft_from_content(file_name, mime, &bytes, origin, page_of),
            )
        }
        Input::Html(page) => (String::new(), draft_from_html(&page, origin())),
        Input::Address(typed) => {
            match (web_address(typed), case.expected) {
                (Ok(address), Expected::Address(expected)) => {
                    assert_eq!(address, expected, "{name}")
                }
                (Err(problem), Expected::Refused(expected)) => {
                    assert_eq!(problem, expected, "{name}");
                    assert_one_sentence(name, &problem);
                }
                (got, _) => panic!("{name}: unexpected {got:?}"),
            }
            return;
        }
        Input::FileNameOf(address) => {
            let Expected::FileName(expected) = case.expected else {
                panic!("{name}: a file name is expected");
            };
            assert_eq!(address_file_name(address), expected, "{name}");
            return;
        }
    };
    match (drafted, case.expected) {
        (
            Ok(draft),
            Expected::Draft {
                title,
                text,
                blocks,
            },
        ) => {
            assert_eq!(draft.title, title, "{name}: title");
            assert_eq!(draft.article.text.as_str(), text, "{name}: text");
            assert_eq!(block_letters(&draft), blocks, "{name}: blocks");
            assert_eq!(
                draft.key,
                crate::core::article_key::article_key_for_text(text),
                "{name}: key"
            );
        }
        (Ok(draft), Expected::KeptAsGiven { title }) => {
            assert_eq!(draft.title, title, "{name}: title");
            assert_eq!(
                draft.article.text.as_str(),
                given,
                "{name}: the text as given"
            );
        }
        (Err(problem), Expected::Refused(expected)) => {
            assert_eq!(problem, expected, "{name}");
            assert_one_sentence(name, &problem);
        }
        (got, _) => panic!("{name}: unexpected {got:?}"),
    }
}

fn block_letters(draft: &ArticleDraft) -> String {
    draft
        .article
        .blocks
        .iter()
        .map(|block| match block.kind {
            BlockKind::Standfirst => 'S',
            BlockKind::Paragraph => 'P',
            BlockKind::Subheading => 'H',
            BlockKind::Figure { .. } => 'F',
            BlockKind::RelatedLink => 'R',
            BlockKind::SourceCredit => 'C',
        })
        .collect()
}

/// Every refusal is a sentence for a person that says nothing was changed.
fn assert_one_sentence(name: &str, problem: &ImportProblem) {
    let message = problem.message(&Locale::english());
    assert!(message.ends_with('.'), "{name}: {message:?}");
    assert!(
        !message.contains('{'),
        "{name}: a placeholder is left in {message:?}"
    );
    assert!(
        message.contains("nothing was changed"),
        "{name}: {message:?}"
    );
}

fn page(body: Vec<HtmlNode>) -> HtmlNode {
    HtmlNode::element(
        "html",
        &[],
        vec![
            HtmlNode::element(
                "head",
                &[],
                vec![HtmlNode::element(
                    "title",
                    &[],
                    vec![HtmlNode::text("Experts alarmed | The Daily")],
                )],
            ),
            HtmlNode::element("body", &[("onload", "window.hacked = 1")], body),
        ],
    )
}

/// The test's stand-in for the browser's parser: a page with the file's text as its one
/// paragraph, or `None` (a browser without `DOMParser`) when the text says so.
fn page_of(html: &str) -> Option<HtmlNode> {
    (!html.contains("no parser")).then(|| {
        page(vec![HtmlNode::element(
            "article",
            &[],
            vec![element("h1", "Parsed"), element("p", html)],
        )])
    })
}

fn element(tag: &str, text: &str) -> HtmlNode {
    HtmlNode::element(tag, &[], vec![HtmlNode::text(text)])
}

#[test]
fn pasted_text_is_kept_exactly_as_given() {
    let cases = [
        Case {
            name: "the seed article pasted: the same text, so the same key as on the demo page",
            input: Input::Paste(SEED),
            expected: Expected::KeptAsGiven {
                title: "The open letter comes as scores of human rights groups ask the International Olympic Committee to strip Beijing of the…",
            },
        },
        Case {
            name: "a short article: its first line suggests the title, and stays in the text",
            input: Input::Paste("Experts alarmed\n\nOfficials said the claims were groundless.\n\nRights groups demand a probe."),
            expected: Expected::Draft {
                title: "Experts alarmed",
                text: "Experts alarmed\n\nOfficials said the claims were groundless.\n\nRights groups demand a probe.",
                blocks: "SPP",
            },
        },
        Case {
            name: "white space around the text is kept (positions count from the text as given)",
            input: Input::Paste("\n  قال المتحدث إن الادعاء كاذب. 😀\n"),
            expected: Expected::Draft {
                title: "قال المتحدث إن الادعاء كاذب. 😀",
                text: "\n  قال المتحدث إن الادعاء كاذب. 😀\n",
                blocks: "P",
            },
        },
        Case { name: "an empty paste", input: Input::Paste(""), expected: Expected::Refused(ImportProblem::EmptyPaste) },
        Case { name: "a paste of white space only", input: Input::Paste(" \n\t\n "), expected: Expected::Refused(ImportProblem::EmptyPaste) },
    ];
    for case in cases {
        check(case);
    }
}

#[test]
fn files_are_read_by_kind_or_refused() {
    let file = |name: &'static str, mime: &'static str, bytes: &[u8]| Input::File {
        name,
        mime,
        bytes: bytes.to_vec(),
    };
    let cases = [
        Case {
            name: "a .txt file",
            input: file("letter.txt", "text/plain", b"Experts alarmed\n\nRights groups demand a probe."),
            expected: Expected::Draft {
                title: "Experts alarmed",
                text: "Experts alarmed\n\nRights groups demand a probe.",
                blocks: "SP",
            },
        },
        Case {
            name: "a .txt file with a byte-order mark: dropped, as browsers do",
            input: file("letter.txt", "", b"\xEF\xBB\xBFRights groups demand a probe."),
            expected: Expected::Draft { title: "Rights groups demand a probe.", text: "Rights groups demand a probe.", blocks: "P" },
        },
        Case {
            name: "a Markdown file: its heading is the title, kept out of the text",
            input: file("letter.md", "", b"# Experts alarmed\n\nA letter says the law breaches *obligations*.\n\n## Reaction\n\nOfficials said the claims were [groundless](https://example.org)."),
            expected: Expected::Draft {
                title: "Experts alarmed",
                text: "A letter says the law breaches obligations.\n\nReaction\n\nOfficials said the claims were groundless.",
                blocks: "SHP",
            },
        },
        Case {
            name: "an .html file goes through the browser's parser",
            input: file("page.html", "text/html", b"Officials said the claims were groundless."),
            expected: Expected::Draft { title: "Parsed", text: "Officials said the claims were groundless.", blocks: "P" },
        },
        Case {
            name: "a page the browser cannot parse",
            input: file("page.htm", "", b"<p>no parser here</p>"),
            expected: Expected::Refused(ImportProblem::NotParsed),
        },
        Case {
            name: "a PNG image named .txt",
            input: file("photo.txt", "image/png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            expected: Expected::Refused(ImportProblem::File(ArticleFileProblem::Binary { what: "a PNG image" })),
        },
        Case {
            name: "a file over 10 MB",
            input: Input::File { name: "huge.txt", mime: "text/plain", bytes: vec![b'a'; MAX_ARTICLE_FILE_BYTES + 1] },
            expected: Expected::Refused(ImportProblem::File(ArticleFileProblem::TooLarge { bytes: MAX_ARTICLE_FILE_BYTES + 1 })),
        },
        Case {
            name: "Latin-1 text in a .txt file: the byte and its offset are named",
            input: file("cafe.txt", "text/plain", b"Le caf\xe9 est ferm\xe9."),
            expected: Expected::Refused(ImportProblem::File(ArticleFileProblem::NotDecodable {
                detail: "byte 0xE9 at offset 6 is not UTF-8; the file may be saved as Windows-1252 or Latin-1: save it as UTF-8 and try again".into(),
            })),
        },
        Case {
            name: "a .txt file of white space",
            input: file("blank.txt", "text/plain", b"  \n\n "),
            expected: Expected::Refused(ImportProblem::Article(crate::core::article::ArticleError::WhiteSpaceOnly)),
        },
        Case {
            name: "a Markdown file with nothing but a heading",
            input: file("empty.md", "", b"# Only a title\n"),
            expected: Expected::Refused(ImportProblem::NoText(ExtractionProblem::NoArticleText)),
        },
    ];
    for case in cases {
        check(case);
    }
}

#[test]
fn pages_keep_the_story_and_nothing_else() {
    let cases = [
        Case {
            name: "a saved news page: headline as title, standfirst, paragraphs, a subheading; no menu, script or footer",
            input: Input::Html(page(vec![
                HtmlNode::element("nav", &[], vec![element("a", "Home"), element("a", "World")]),
                HtmlNode::element(
                    "article",
                    &[],
                    vec![
                        element("h1", "Experts alarmed"),
                        HtmlNode::element("p", &[("class", "standfirst")], vec![HtmlNode::text("A letter says the law breaches obligations.")]),
                        HtmlNode::element("p", &[("onclick", "window.hacked = 1")], vec![HtmlNode::text("Officials said the claims were groundless.")]),
                        element("script", "window.hacked = 2"),
                        element("h2", "Reaction"),
                        element("p", "Rights groups demand a probe."),
                    ],
                ),
                element("footer", "© The Daily"),
            ])),
            expected: Expected::Draft {
                title: "Experts alarmed",
                text: "A letter says the law breaches obligations.\n\nOfficials said the claims were groundless.\n\nReaction\n\nRights groups demand a probe.",
                blocks: "SPHP",
            },
        },
        Case {
            name: "a page with only furniture",
            input: Input::Html(page(vec![HtmlNode::element("nav", &[], vec![element("a", "Home")]), element("footer", "© The Daily")])),
            expected: Expected::Refused(ImportProblem::NoText(ExtractionProblem::NoArticleText)),
        },
    ];
    for case in cases {
        check(case);
    }
}

#[test]
fn web_addresses_are_only_what_was_typed_and_only_http() {
    let not_web = |typed: &str| {
        Expected::Refused(ImportProblem::NotAnAddress {
            typed: typed.into(),
        })
    };
    let cases = [
        Case {
            name: "https as typed",
            input: Input::Address("https://example.org/story.html"),
            expected: Expected::Address("https://example.org/story.html"),
        },
        Case {
            name: "http, spaces around",
            input: Input::Address("  http://example.org/a?b=c#d "),
            expected: Expected::Address("http://example.org/a?b=c#d"),
        },
        Case {
            name: "no scheme: https",
            input: Input::Address("example.org/story"),
            expected: Expected::Address("https://example.org/story"),
        },
        Case {
            name: "a port, no scheme",
            input: Input::Address("localhost:8080/story.html"),
            expected: Expected::Address("https://localhost:8080/story.html"),
        },
        Case {
            name: "scheme-relative",
            input: Input::Address("//example.org/story"),
            expected: Expected::Address("https://example.org/story"),
        },
        Case {
            name: "capital scheme",
            input: Input::Address("HTTPS://example.org/"),
            expected: Expected::Address("HTTPS://example.org/"),
        },
        Case {
            name: "empty",
            input: Input::Address("   "),
            expected: not_web(""),
        },
        Case {
            name: "javascript:",
            input: Input::Address("javascript:alert(1)"),
            expected: not_web("javascript:alert(1)"),
        },
        Case {
            name: "data:",
            input: Input::Address("data:text/html,<p>x</p>"),
            expected: not_web("data:text/html,<p>x</p>"),
        },
        Case {
            name: "file://",
            input: Input::Address("file:///etc/passwd"),
            expected: not_web("file:///etc/passwd"),
        },
        Case {
            name: "a space inside",
            input: Input::Address("example.org/a story"),
            expected: not_web("example.org/a story"),
        },
        Case {
            name: "no host",
            input: Input::Address("https:///story"),
            expected: not_web("https:///story"),
        },
        Case {
            name: "the file name of a page",
            input: Input::FileNameOf("https://example.org/news/story.html?utm=x#top"),
            expected: Expected::FileName("story.html"),
        },
        Case {
            name: "no file name: a folder",
            input: Input::FileNameOf("https://example.org/news/"),
            expected: Expected::FileName(""),
        },
        Case {
            name: "no file name: the site",
            input: Input::FileNameOf("https://example.org"),
            expected: Expected::FileName(""),
        },
    ];
    for case in cases {
        check(case);
    }
}

#[test]
fn problems_that_pasting_gets_round_say_so() {
    let url = "https://example.org/story".to_string();
    let cases: [(ImportProblem, bool); 6] = [
        (ImportProblem::SiteRefused { url: url.clone() }, true),
        (
            ImportProblem::ServerAnswered {
                url,
                status: "404 Not Found".into(),
            },
            true,
        ),
        (ImportProblem::Offline, true),
        (ImportProblem::NotParsed, true),
        (ImportProblem::EmptyPaste, false),
        (ImportProblem::File(ArticleFileProblem::Empty), false),
    ];
    for (problem, offers_paste) in cases {
        assert_eq!(problem.offers_paste(), offers_paste, "{problem:?}");
        assert_one_sentence(&format!("{problem:?}"), &problem);
    }
    let refused = ImportProblem::SiteRefused {
        url: "https://example.org/story".into(),
    }
    .message(&Locale::english());
    assert!(
        refused.contains("CORS") && refused.contains("paste"),
        "{refused}"
    );
}
