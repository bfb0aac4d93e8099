use super::*;

struct Case {
    name: &'static str,
    input: &'static str,
    expected: Expected,
}

enum Expected {
    /// `extract_markdown_article` gives this title and these blocks, each as `"P: "`
    /// (paragraph) or `"H: "` (subheading) and its text.
    Article {
        title: &'static str,
        blocks: &'static [&'static str],
    },
    /// `extract_markdown_article` finds no text.
    NoText,
    /// `suggest_title` of the input.
    SuggestedTitle(&'static str),
}

fn check(case: &Case) {
    let name = case.name;
    match case.expected {
        Expected::SuggestedTitle(title) => {
            let suggested = suggest_title(case.input);
            assert_eq!(suggested, title, "{name}");
            assert!(
                suggested.chars().count() <= TITLE_MAX_CHARS,
                "{name}: too long"
            );
        }
        Expected::NoText => {
            let problem = extract_markdown_article(case.input);
            assert_eq!(problem, Err(ExtractionProblem::NoArticleText), "{name}");
        }
        Expected::Article { title, blocks } => {
            let article = extract_markdown_article(case.input)
                .unwrap_or_else(|problem| panic!("{name}: {problem:?}"));
            assert_eq!(article.title, title, "{name}: title");
            let actual: Vec<String> = article
                .blocks
                .iter()
                .map(|block| match block.kind {
                    ExtractedBlockKind::Subheading => format!("H: {}", block.text),
                    ExtractedBlockKind::Paragraph => format!("P: {}", block.text),
                    other => panic!("{name}: Markdown gave a {other:?}"),
                })
                .collect();
            assert_eq!(actual, blocks, "{name}: blocks");
            for block in &article.blocks {
                assert!(
                    !block.text.contains("\n\n"),
                    "{name}: blank line in a block"
                );
            }
        }
    }
}

#[test]
fn markdown_and_titles() {
    let cases = [
        Case {
            name: "front matter dropped, its title kept",
            input: "---\ntitle: \"Council: the vote\"\nauthor: Jo\n---\n\nFirst paragraph.\n\nSecond.",
            expected: Expected::Article {
                title: "Council: the vote",
                blocks: &["P: First paragraph.", "P: Second."],
            },
        },
        Case {
            name: "a # heading wins over the front matter's title; TOML front matter",
            input: "+++\ntitle = 'From TOML'\n+++\n# Real title\n\nText.",
            expected: Expected::Article {
                title: "Real title",
                blocks: &["P: Text."],
            },
        },
        Case {
            name: "an unclosed --- at the top is not front matter",
            input: "---\nText after a rule.\n\nMore text.",
            expected: Expected::Article {
                title: "",
                blocks: &["P: Text after a rule.", "P: More text."],
            },
        },
        Case {
            name: "a rule, prose and a setext underline at the top are not front matter",
            input: "---\nSome prose here\n---\n\nMore prose.",
            expected: Expected::Article {
                title: "Some prose here",
                blocks: &["P: More prose."],
            },
        },
        Case {
            name: "a label and colon starting a sentence is not a link definition",
            input: "[Update]: The council said no.\n\n[1]: https://example.org \"Source\"\n[2]: /local/path",
            expected: Expected::Article {
                title: "",
                blocks: &["P: [Update]: The council said no."],
            },
        },
        Case {
            name: "setext headings",
            input: "The title\n=========\n\nIntro text.\n\nSection\n-------\n\nBody.",
            expected: Expected::Article {
                title: "The title",
                blocks: &["P: Intro text.", "H: Section", "P: Body."],
            },
        },
        Case {
            name: "ATX headings: closing hashes, a second #, hashtags",
            input: "# Title #\n\nIntro.\n\n## Sub ##\n\n### C# notes\n\n# Second top heading\n\n#hashtag is text",
            expected: Expected::Article {
                title: "Title",
                blocks: &[
                    "P: Intro.",
                    "H: Sub",
                    "H: C# notes",
                    "H: Second top heading",
                    "P: #hashtag is text",
                ],
            },
        },
        Case {
            name: "links keep their text; definitions and autolinks",
            input: "# T\n\nSee [the *full* report](https://x.org/a_(b) \"Title\") and [this][ref], [that][] \
                    and <https://example.org>; [sic] stays.\n\n[ref]: https://example.org/ref",
            expected: Expected::Article {
                title: "T",
                blocks: &["P: See the full report and this, that and https://example.org; [sic] stays."],
            },
        },
        Case {
            name: "images dropped, with no caption",
            input: "# T\n\n![A chart](chart.png)\n\nText with ![inline](i.png) an image.\n\n[![badge](b.svg)](https://ci)",
            expected: Expected::Article {
                title: "T",
                blocks: &["P: Text with an image."],
            },
        },
        Case {
            name: "list items are paragraphs",
            input: "Items:\n\n- First item\n- Second *item*\n  continues here\n1. Numbered\n2) Other\n* [x] Done task\n+ Plus\n\n2020. That year was long.",
            expected: Expected::Article {
                title: "",
                blocks: &[
                    "P: Items:",
                    "P: First item",
                    "P: Second item continues here",
                    "P: Numbered",
                    "P: Other",
                    "P: Done task",
                    "P: Plus",
                    "P: 2020. That year was long.",
                ],
            },
        },
        Case {
            name: "emphasis removed where it opens and closes",
            input: "**Bold** and __strong__ and *em* and _em_ and ~~gone~~ and ***both***.\n\n\
                    snake_case_name, 5 * 3 = 15, *nix, ~single~ tilde",
            expected: Expected::Article {
                title: "",
                blocks: &[
                    "P: Bold and strong and em and em and gone and both.",
                    "P: snake_case_name, 5 * 3 = 15, *nix, ~single~ tilde",
                ],
            },
        },
        Case {
            name: "inline code verbatim, fenced code a paragraph of its lines",
            input: "Use `let x_y = *p;` here and ``a ` b`` too.\n\n```rust\nfn main() {\n\n    println!(\"*hi*\");\n}\n```\n\nAfter.",
            expected: Expected::Article {
                title: "",
                blocks: &[
                    "P: Use let x_y = *p; here and a ` b too.",
                    "P: fn main() {\n    println!(\"*hi*\");\n}",
                    "P: After.",
                ],
            },
        },
        Case {
            name: "an unclosed fence runs to the end",
            input: "Text.\n\n~~~\ncode line",
            expected: Expected::Article {
                title: "",
                blocks: &["P: Text.", "P: code line"],
            },
        },
        Case {
            name: "block quotes are paragraphs",
            input: "Before the quote:\n> Quoted line one\n> line two\n>\n> > Nested para\n\nAfter quote.",
            expected: Expected::Article {
                title: "",
                blocks: &[
                    "P: Before the quote:",
                    "P: Quoted line one line two",
                    "P: Nested para",
                    "P: After quote.",
                ],
            },
        },
        Case {
            name: "HTML comments dropped",
            input: "Before <!-- hidden note --> after.\n\n<!--\nmulti\nline\n-->\n\nEnd.",
            expected: Expected::Article {
                title: "",
                blocks: &["P: Before after.", "P: End."],
            },
        },
        Case {
            name: "hard line breaks; soft ones are spaces; escapes",
            input: "Line one  \nLine two\\\nLine three\nsame line\n\n\\*not emphasis\\* and \\[not a link\\](x)",
            expected: Expected::Article {
                title: "",
                blocks: &[
                    "P: Line one\nLine two\nLine three same line",
                    "P: *not emphasis* and [not a link](x)",
                ],
            },
        },
        Case {
            name: "thematic breaks are not text",
            input: "Para one.\n\n* * *\n\nPara two.\n***\n___",
            expected: Expected::Article {
                title: "",
                blocks: &["P: Para one.", "P: Para two."],
            },
        },
        Case {
            name: "a short first line is the title when text follows",
            input: "\u{FEFF}Short headline\r\n\r\nThe story begins.\r\nIt goes on.",
            expected: Expected::Article {
                title: "Short headline",
                blocks: &["P: The story begins. It goes on."],
            },
        },
        Case {
            name: "a first line ending like a sentence is no title",
            input: "It was a cold night.\n\nMore.",
            expected: Expected::Article {
                title: "",
                blocks: &["P: It was a cold night.", "P: More."],
            },
        },
        Case {
            name: "a lone short line stays the text",
            input: "Hello world",
            expected: Expected::Article {
                title: "",
                blocks: &["P: Hello world"],
            },
        },
        Case {
            name: "empty",
            input: "",
            expected: Expected::NoText,
        },
        Case {
            name: "only front matter",
            input: "---\ntitle: x\n---\n",
            expected: Expected::NoText,
        },
        Case {
            name: "only a title, comments and images",
            input: "# Title\n\n<!-- nothing -->\n\n   \n![x](y.png)",
            expected: Expected::NoText,
        },
        Case {
            name: "suggest: first non-blank line, trimmed",
            input: "\n \n  First line  \nsecond",
            expected: Expected::SuggestedTitle("First line"),
        },
        Case {
            name: "suggest: a byte-order mark is not a character of the title",
            input: "\u{FEFF}Title",
            expected: Expected::SuggestedTitle("Title"),
        },
        Case {
            name: "suggest: empty",
            input: "  \n\t\n",
            expected: Expected::SuggestedTitle(""),
        },
        Case {
            name: "suggest: one long word is cut hard",
            input: "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789",
            expected: Expected::SuggestedTitle("01234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678\u{2026}"),
        },
        Case {
            name: "suggest: exactly 120 characters are kept",
            input: "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx 123456789",
            expected: Expected::SuggestedTitle("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx 123456789"),
        },
        Case {
            name: "suggest: cut at a word boundary, trailing comma dropped",
            input: "Hong Kong rights groups urge the United Nations to investigate, saying that the city's freedoms are being dismantled one by one by the authorities",
            expected: Expected::SuggestedTitle("Hong Kong rights groups urge the United Nations to investigate, saying that the city's freedoms are being dismantled\u{2026}"),
        },
        Case {
            name: "suggest: cut where a word ends",
            input: "word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word",
            expected: Expected::SuggestedTitle("word word word word word word word word word word word word word word word word word word word word word word word word\u{2026}"),
        },
    ];
    for case in &cases {
        check(case);
    }
}

/// Unmatched brackets and emphasis in a large file are paired in one pass, not rescanned.
#[test]
fn unmatched_markup_in_a_large_file_stays_fast() {
    let brackets = "[".repeat(200_000);
    let article = extract_markdown_article(&brackets).expect("brackets are text");
    assert_eq!(article.blocks[0].text, brackets);
    let emphasis = "*a ".repeat(50_000) + &"b_ ".repeat(50_000);
    let article = extract_markdown_article(&emphasis).expect("emphasis marks are text");
    assert!(article.blocks[0].text.starts_with("*a *a"));
}
