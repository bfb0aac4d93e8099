use super::*;

const SEED: &str = include_str!("../../../static/article.txt");

fn kinds(article: &Article) -> Vec<&'static str> {
    article
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
        .collect()
}

fn shown_texts(article: &Article) -> Vec<String> {
    article
        .blocks
        .iter()
        .map(|block| {
            block
                .pieces
                .iter()
                .map(|piece| article.text.slice(piece.range))
                .collect()
        })
        .collect()
}

/// The invariants of the module header, checked on every parsed case.
fn assert_pieces_tile_blocks_in_order(name: &str, article: &Article) {
    let mut previous_end = 0;
    for block in &article.blocks {
        assert!(!block.pieces.is_empty(), "{name}: a block without pieces");
        for pair in block.pieces.windows(2) {
            assert_eq!(
                pair[0].range.end, pair[1].range.start,
                "{name}: gap inside a block"
            );
        }
        assert!(
            block.range().start >= previous_end,
            "{name}: blocks out of order"
        );
        previous_end = block.range().end;
    }
    assert!(
        previous_end <= article.text.len_chars(),
        "{name}: piece past the end"
    );
}

#[test]
fn seed_article_layout() {
    let article = parse_article(SEED).expect("the seed parses");
    assert_pieces_tile_blocks_in_order("seed", &article);
    let kinds = kinds(&article);
    assert_eq!(kinds.first(), Some(&"standfirst"));
    assert_eq!(kinds.last(), Some(&"source"));
    assert_eq!(
        article.count_blocks(|kind| matches!(kind, BlockKind::Paragraph)),
        15
    );
    assert_eq!(
        article.count_blocks(|kind| matches!(kind, BlockKind::Subheading)),
        3
    );
    assert_eq!(
        article.count_blocks(|kind| matches!(kind, BlockKind::RelatedLink)),
        4
    );
    assert_eq!(
        article.count_blocks(|kind| matches!(kind, BlockKind::Figure { .. })),
        1
    );

    let texts = shown_texts(&article);
    let subheadings: Vec<&str> = article
        .blocks
        .iter()
        .zip(&texts)
        .filter(|(block, _)| block.kind == BlockKind::Subheading)
        .map(|(_, text)| text.as_str())
        .collect();
    assert_eq!(
        subheadings,
        [
            "Academic freedom under threat",
            "'Groundless and not worth refuting'",
            "Rights groups ask IOC to move Olympics from China"
        ]
    );
    assert_eq!(texts.last().map(String::as_str), Some("Source: AFP"));

    let caption_sentence =
        "Police officers stand guard at a downtown street in Hong Kong, September 6, 2020.";
    let shown_everywhere: String = texts.concat();
    assert_eq!(
        shown_everywhere.matches(caption_sentence).count(),
        1,
        "the caption is shown once"
    );
    let figure = &article.blocks[1];
    assert_eq!(
        figure.kind,
        BlockKind::Figure {
            alt_text: caption_sentence.to_string()
        }
    );
    let credit = figure
        .pieces
        .iter()
        .find(|piece| piece.role == PieceRole::PhotoCredit)
        .expect("a credit piece");
    assert_eq!(article.text.slice(credit.range), "(Vincent Yu / AP)");
}

#[test]
fn seed_positions_are_code_points_of_the_file() {
    let article = parse_article(SEED).unwrap();
    let curly = SEED.find('\u{201C}').expect("the seed has a curly quote");
    let position = SEED[..curly].chars().count();
    assert_eq!(article.text.char_at(position), Some('\u{201C}'));
    assert_eq!(article.text.len_chars(), SEED.chars().count());
}

#[test]
fn edge_cases() {
    struct Case {
        name: &'static str,
        text: String,
        expected_kinds: Result<Vec<&'static str>, ArticleError>,
        expected_texts: Option<Vec<&'static str>>,
    }
    let one_megabyte: String = "A long paragraph of text that repeats.\n\n".repeat(1 << 20 >> 5);
    let cases = vec![
        Case { name: "empty", text: String::new(), expected_kinds: Err(ArticleError::Empty), expected_texts: None },
        Case { name: "white space only", text: " \n\t\r\n ".into(), expected_kinds: Err(ArticleError::WhiteSpaceOnly), expected_texts: None },
        Case {
            name: "one line",
            text: "Just one sentence.".into(),
            expected_kinds: Ok(vec!["paragraph"]),
            expected_texts: Some(vec!["Just one sentence."]),
        },
        Case {
            name: "crlf line ends",
            text: "Dek line.\r\n\r\nFirst paragraph.\r\n\r\nA heading\r\n\r\nSecond paragraph.\r\n\r\nSource: AFP".into(),
            expected_kinds: Ok(vec!["standfirst", "paragraph", "subheading", "paragraph", "source"]),
            expected_texts: Some(vec!["Dek line.", "First paragraph.", "A heading", "Second paragraph.", "Source: AFP"]),
        },
        Case {
            name: "no blank lines: one block per line",
            text: "Dek line.\nFirst paragraph.\nSecond paragraph.".into(),
            expected_kinds: Ok(vec!["standfirst", "paragraph", "paragraph"]),
            expected_texts: Some(vec!["Dek line.", "First paragraph.", "Second paragraph."]),
        },
        Case {
            name: "a multi-line block stays one paragraph with its line break",
            text: "Dek.\n\nline one\nline two\n\nEnd.".into(),
            expected_kinds: Ok(vec!["standfirst", "paragraph", "paragraph"]),
            expected_texts: Some(vec!["Dek.", "line one\nline two", "End."]),
        },
        Case {
            name: "arabic right-to-left text",
            text: "مقدمة المقال.\n\nهذه فقرة أولى.\n\nعنوان فرعي\n\nفقرة ثانية؟".into(),
            expected_kinds: Ok(vec!["standfirst", "paragraph", "subheading", "paragraph"]),
            expected_texts: Some(vec!["مقدمة المقال.", "هذه فقرة أولى.", "عنوان فرعي", "فقرة ثانية؟"]),
        },
        Case {
            name: "read more label split from its text",
            text: "Dek.\n\nREAD MORE: Another story\n\nEnd.".into(),
            expected_kinds: Ok(vec!["standfirst", "related", "paragraph"]),
            expected_texts: Some(vec!["Dek.", "READ MORE: Another story", "End."]),
        },
        Case {
            name: "1 MB article",
            text: one_megabyte,
            expected_kinds: Ok(std::iter::once("standfirst").chain(std::iter::repeat_n("paragraph", (1 << 15) - 1)).collect()),
            expected_texts: None,
        },
    ];
    for case in cases {
        let parsed = parse_article(&case.text);
        match (&parsed, &case.expected_kinds) {
            (Err(error), Err(expected)) => {
                assert_eq!(error, expected, "{}", case.name);
                assert!(!error
                    .message(&crate::core::locale::Locale::english())
                    .is_empty());
            }
            (Ok(article), Ok(expected)) => {
                assert_pieces_tile_blocks_in_order(case.name, article);
                assert_eq!(&kinds(article), expected, "{}", case.name);
                if let Some(expected_texts) = &case.expected_texts {
                    assert_eq!(shown_texts(article), *expected_texts, "{}", case.name);
                }
            }
            _ => panic!(
                "{}: got {:?}",
                case.name,
                parsed.map(|article| kinds(&article))
            ),
        }
    }
}

#[test]
fn decoding_fetched_bytes() {
    assert_eq!(
        decode_article_bytes(b"\xEF\xBB\xBFHello").as_deref(),
        Ok("Hello")
    );
    assert_eq!(
        decode_article_bytes("مرحبا".as_bytes()).as_deref(),
        Ok("مرحبا")
    );
    let error = decode_article_bytes(b"ok \xFF bad").unwrap_err();
    assert_eq!(error, ArticleError::NotUtf8 { byte_offset: 3 });
    assert!(error
        .message(&crate::core::locale::Locale::english())
        .contains("offset 3"));
}
