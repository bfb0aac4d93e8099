mod backups;

use backups::{check_backup, ARABIC_KEY};

use super::*;
// The tests edit files as serde_json values (a dev-dependency only).
use crate::core::annotation::Annotation;
use crate::core::article_key::article_key_for_text;
use crate::core::locale::Locale;
use crate::core::merge::{Snapshot, Tombstone};
use crate::core::shape_problem::ShapeProblem;
use crate::core::source_text::SourceText;
use crate::core::stored_format::{decode_annotations, encode_annotations};
use crate::core::tag::Tag;
use serde_json::Value;

const LETTER: &str = "UN experts say the law breaches international obligations.\n\nOfficials said the claims were groundless.\n\nRights groups demand a probe.";
const ARABIC: &str = "قال المتحدث إن الادعاء كاذب.\n\nوطالبت المنظمات بتحقيق 😀.";
const EXPORTED: i64 = 1_800_000_000_000;

struct Case {
    name: &'static str,
    input: Input,
    expected: Expected,
}

enum Input {
    /// Encoded with `encode_library_article`, then decoded.
    Article(LibraryArticle),
    /// A value as IndexedDB might hold it, decoded.
    StoredArticle(&'static str),
    /// Encoded with `encode_backup(articles, unreadable_articles, annotations, EXPORTED)`,
    /// then decoded.
    Backup(
        Vec<LibraryArticle>,
        Vec<(String, String)>,
        Vec<(String, String)>,
    ),
    /// A file as a reader might choose it, decoded as a backup.
    BackupFile(String),
    /// Listed with `library_order`.
    Library(Vec<LibraryArticle>),
}

enum Expected {
    /// What was encoded comes back: the article, or the backup's articles, its annotations
    /// (the same JSON, read into the same claims) and its unreadable values, unchanged.
    SameBack,
    Article(LibraryArticle),
    ArticleRefused(LibraryDecodeError),
    /// The backup comes back, and these keys' values were kept as unreadable.
    SameBackWithUnreadable(&'static [&'static str]),
    BackupRefused(BackupError),
    /// `(key, title)` in the order listed.
    Listed(&'static [(&'static str, &'static str)]),
}

fn check(case: Case) {
    let name = case.name;
    match (case.input, case.expected) {
        (Input::Article(article), Expected::SameBack) => {
            let raw = encode_library_article(&article);
            assert_eq!(decode_library_article(&raw), Ok(article), "{name}: {raw}");
        }
        (Input::StoredArticle(raw), Expected::Article(article)) => {
            assert_eq!(decode_library_article(raw), Ok(article), "{name}");
        }
        (Input::StoredArticle(raw), Expected::ArticleRefused(error)) => {
            let actual = decode_library_article(raw);
            assert_eq!(actual, Err(error.clone()), "{name}");
            assert_is_one_sentence(name, &error.message(&Locale::english()), "left as it is");
        }
        (Input::Backup(articles, unreadable_articles, annotations), Expected::SameBack) => {
            check_backup(name, &articles, &unreadable_articles, &annotations, &[]);
        }
        (
            Input::Backup(articles, unreadable_articles, annotations),
            Expected::SameBackWithUnreadable(keys),
        ) => {
            check_backup(name, &articles, &unreadable_articles, &annotations, keys);
        }
        (Input::BackupFile(raw), Expected::BackupRefused(error)) => {
            assert_eq!(decode_backup(&raw), Err(error.clone()), "{name}");
            assert_is_one_sentence(
                name,
                &error.message(&Locale::english()),
                "nothing was restored",
            );
        }
        (Input::Library(articles), Expected::Listed(expected)) => {
            let summaries = library_order(&articles, "Untitled article");
            for summary in &summaries {
                let article = articles.iter().find(|article| article.key == summary.key);
                let article = article.expect("every summary is of an article");
                assert_eq!(summary.origin, article.origin, "{name}");
                assert_eq!(summary.text_chars, article.text.chars().count(), "{name}");
                assert_eq!(
                    (summary.added_ms, summary.opened_ms),
                    (article.added_ms, article.opened_ms),
                    "{name}"
                );
            }
            let listed: Vec<(String, String)> = summaries
                .into_iter()
                .map(|summary| (summary.key, summary.title))
                .collect();
            let expected: Vec<(String, String)> = expected
                .iter()
                .map(|(key, title)| (key.to_string(), title.to_string()))
                .collect();
            assert_eq!(listed, expected, "{name}");
        }
        _ => panic!("{name}: this input cannot have this expectation"),
    }
}

fn assert_is_one_sentence(name: &str, message: &str, saying: &str) {
    assert!(
        message.starts_with(char::is_uppercase),
        "{name}: {message:?}"
    );
    assert!(message.ends_with('.'), "{name}: {message:?}");
    assert!(!message.contains(". "), "{name}: {message:?}");
    assert!(!message.contains('{'), "{name}: no JSON in {message:?}");
    assert!(message.contains(saying), "{name}: {message:?}");
}

fn article(key: &str, title: &str, origin: ArticleOrigin, text: &str) -> LibraryArticle {
    LibraryArticle {
        key: key.into(),
        title: title.into(),
        origin,
        text: text.into(),
        added_ms: 1_700_000_000_000,
        opened_ms: 1_700_000_100_000,
    }
}

fn opened(mut article: LibraryArticle, added_ms: i64, opened_ms: i64) -> LibraryArticle {
    article.added_ms = added_ms;
    article.opened_ms = opened_ms;
    article
}

fn letter() -> LibraryArticle {
    article(
        &article_key_for_text(LETTER),
        "Hong Kong: UN experts alarmed",
        ArticleOrigin::Web {
            url: "https://example.org/hk-letter.html".into(),
        },
        LETTER,
    )
}

fn arabic() -> LibraryArticle {
    article(
        &article_key_for_text(ARABIC),
        "",
        ArticleOrigin::File {
            name: "بيان.txt".into(),
        },
        ARABIC,
    )
}

/// The claims value localStorage holds for `article`: one claim per quote, and a deletion.
fn claims_value(article: &LibraryArticle, quotes: &[(&str, Tag)]) -> (String, String) {
    let text = SourceText::new(article.text.as_str());
    let annotations: Vec<Annotation> = quotes
        .iter()
        .enumerate()
        .map(|(index, (quote, tag))| {
            let mut annotation = Annotation::describe(
                &text,
                text.find_range(quote, 0),
                tag.clone(),
                format!("id-{index}"),
                1_700_000_000_000 + index as i64,
            );
            annotation.note = "a \"quoted\" note, with <tags> & ünïcödé".into();
            annotation
        })
        .collect();
    let snapshot = Snapshot {
        annotations,
        tombstones: vec![Tombstone {
            id: "gone".into(),
            deleted_ms: 1_700_000_900_000,
        }],
    };
    (
        article.key.clone(),
        encode_annotations(&article.key, &snapshot),
    )
}

#[test]
fn library_articles_round_trip() {
    let cases = [
        Case {
            name: "a page from the web",
            input: Input::Article(letter()),
            expected: Expected::SameBack,
        },
        Case {
            name: "a file, untitled, Arabic with an emoji",
            input: Input::Article(arabic()),
            expected: Expected::SameBack,
        },
        Case {
            name: "the seed",
            input: Input::Article(article("id-seed", "Seed", ArticleOrigin::Seed, LETTER)),
            expected: Expected::SameBack,
        },
        Case {
            name: "pasted, empty text, negative times",
            input: Input::Article(opened(
                article("k", "", ArticleOrigin::Pasted, ""),
                -1,
                i64::MAX,
            )),
            expected: Expected::SameBack,
        },
        Case {
            name: "a version 1 value written by hand",
            input: Input::StoredArticle(
                r#"{"v":1,"key":"id-hk","origin":{"from":"file","name":"hk.html"},"text":"A claim.","added":5,"opened":7}"#,
            ),
            expected: Expected::Article(LibraryArticle {
                key: "id-hk".into(),
                title: String::new(),
                origin: ArticleOrigin::File {
                    name: "hk.html".into(),
                },
                text: "A claim.".into(),
                added_ms: 5,
                opened_ms: 7,
            }),
        },
        Case {
            name: "fields this version does not know are ignored",
            input: Input::StoredArticle(
                r#"{"v":1,"key":"k","title":"T","origin":{"from":"pasted"},"text":"x","added":1,"opened":2,"colour":"red"}"#,
            ),
            expected: Expected::Article(opened(
                article("k", "T", ArticleOrigin::Pasted, "x"),
                1,
                2,
            )),
        },
    ];
    for case in cases {
        check(case);
    }
}

#[test]
fn bad_library_values_are_refused_with_a_reason() {
    let refused = |name, raw, error| Case {
        name,
        input: Input::StoredArticle(raw),
        expected: Expected::ArticleRefused(error),
    };
    let cases = [
        refused("not JSON", "{\"v\":1,", LibraryDecodeError::NotJson),
        refused("empty", "", LibraryDecodeError::NotJson),
        refused(
            "an array",
            "[1]",
            LibraryDecodeError::WrongShape(ShapeProblem::NotAnObject),
        ),
        refused(
            "a string",
            "\"text\"",
            LibraryDecodeError::WrongShape(ShapeProblem::NotAnObject),
        ),
        refused(
            "no version",
            r#"{"key":"k","origin":{"from":"pasted"},"text":"x","added":1,"opened":2}"#,
            LibraryDecodeError::WrongShape(ShapeProblem::NoVersion),
        ),
        refused(
            "the version as a string",
            r#"{"v":"1","key":"k","origin":{"from":"pasted"},"text":"x","added":1,"opened":2}"#,
            LibraryDecodeError::WrongShape(ShapeProblem::NoVersion),
        ),
        refused(
            "a newer version",
            r#"{"v":2,"key":"k","pages":[]}"#,
            LibraryDecodeError::NewerVersion(2),
        ),
        refused(
            "no text",
            r#"{"v":1,"key":"k","origin":{"from":"pasted"},"added":1,"opened":2}"#,
            LibraryDecodeError::WrongShape(ShapeProblem::FieldsMissing),
        ),
        refused(
            "a time as a string",
            r#"{"v":1,"key":"k","origin":{"from":"pasted"},"text":"x","added":"yesterday","opened":2}"#,
            LibraryDecodeError::WrongShape(ShapeProblem::FieldsMissing),
        ),
        refused(
            "an origin this version does not know",
            r#"{"v":1,"key":"k","origin":{"from":"scanner"},"text":"x","added":1,"opened":2}"#,
            LibraryDecodeError::WrongShape(ShapeProblem::UnknownOrigin),
        ),
        refused(
            "a file without its name",
            r#"{"v":1,"key":"k","origin":{"from":"file"},"text":"x","added":1,"opened":2}"#,
            LibraryDecodeError::WrongShape(ShapeProblem::UnknownOrigin),
        ),
        refused(
            "a web page with a name instead of an address",
            r#"{"v":1,"key":"k","origin":{"from":"web","name":"x"},"text":"x","added":1,"opened":2}"#,
            LibraryDecodeError::WrongShape(ShapeProblem::UnknownOrigin),
        ),
    ];
    for case in cases {
        check(case);
    }
}

#[test]
fn the_library_lists_the_most_recently_opened_first_with_a_title_for_each() {
    let pasted = |key, text| article(key, "", ArticleOrigin::Pasted, text);
    let long_line = "Officials in the city said on Tuesday that the claims made in the letter were groundless and politically motivated.";
    let cases = [
        Case {
            name: "most recently opened first, then most recently added, then by key",
            input: Input::Library(vec![
                opened(article("b", "Older", ArticleOrigin::Seed, "x"), 1, 10),
                opened(article("d", "Newest", ArticleOrigin::Seed, "x"), 1, 30),
                opened(article("c", "Tie, added first", ArticleOrigin::Seed, "x"), 1, 20),
                opened(article("a", "Tie, added last", ArticleOrigin::Seed, "x"), 2, 20),
                opened(article("e", "Tie on both", ArticleOrigin::Seed, "x"), 1, 20),
            ]),
            expected: Expected::Listed(&[
                ("d", "Newest"),
                ("a", "Tie, added last"),
                ("c", "Tie, added first"),
                ("e", "Tie on both"),
                ("b", "Older"),
            ]),
        },
        Case {
            name: "titles",
            input: Input::Library(vec![
                opened(article("1", "  Spaced \n  title ", ArticleOrigin::Pasted, "x"), 0, 9),
                opened(arabic(), 0, 8),
                opened(pasted("3", "\n\n  First   line \nsecond"), 0, 7),
                opened(pasted("4", long_line), 0, 6),
                opened(pasted("5", &"x".repeat(100)), 0, 5),
                opened(
                    article(
                        "6",
                        " ",
                        ArticleOrigin::Web {
                            url: "https://example.org/a".into(),
                        },
                        "",
                    ),
                    0,
                    4,
                ),
                opened(pasted("7", " \n "), 0, 3),
                opened(
                    article("8", "", ArticleOrigin::File { name: " ".into() }, "Words."),
                    0,
                    2,
                ),
            ]),
            expected: Expected::Listed(&[
                ("1", "Spaced title"),
                (ARABIC_KEY, "بيان.txt"),
                ("3", "First line"),
                (
                    "4",
                    "Officials in the city said on Tuesday that the claims made in the letter were\u{2026}",
                ),
                (
                    "5",
                    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\u{2026}",
                ),
                ("6", "https://example.org/a"),
                ("7", "Untitled article"),
                ("8", "Words."),
            ]),
        },
    ];
    for case in cases {
        check(case);
    }
}

/// `fixtures/` holds values written by the serde-derived code of version 1 (before issue 12):
/// each reads as it did then and is written again byte for byte.
#[test]
fn version_1_values_read_and_write_as_before() {
    for (name, written, expected) in [
        (
            "an article from the web",
            include_str!("fixtures/article-v1.json"),
            letter(),
        ),
        (
            "a file in Arabic",
            include_str!("fixtures/article-arabic-v1.json"),
            arabic(),
        ),
    ] {
        assert_eq!(
            decode_library_article(written).as_ref(),
            Ok(&expected),
            "{name}: read"
        );
        assert_eq!(
            encode_library_article(&expected),
            written,
            "{name}: written"
        );
    }
    // Given out of key order, a damaged value and a newer one among them.
    let claims = vec![
        claims_value(&arabic(), &[]),
        claims_value(
            &letter(),
            &[("groundless", Tag::Denial), ("demand a probe", Tag::Demand)],
        ),
        ("text-damaged".to_string(), "{\"v\":1,".to_string()),
        (
            "text-newer".to_string(),
            "{\"v\":9,\"annotations\":[]}".to_string(),
        ),
    ];
    let backup = include_str!("fixtures/backup-v1.json");
    // The same JSON; only the embedded claims values now keep their members in the order
    // localStorage has them, where serde_json's map sorted them.
    let as_json = |raw: &str| serde_json::from_str::<Value>(raw).expect("JSON");
    assert_eq!(
        as_json(&encode_backup(
            &[letter(), arabic()],
            &[],
            &claims,
            EXPORTED
        )),
        as_json(backup),
        "the backup, written"
    );
    assert_eq!(
        format!("{:#?}\n", decode_backup(backup)),
        include_str!("fixtures/backup-v1.decoded.txt"),
        "the backup, read"
    );
}

#[test]
fn exported_files_are_named_by_date_or_title() {
    let cases: [(&str, Option<&str>, &str); 6] = [
        (
            "the whole library, by the day",
            None,
            "claim-annotator-library-2027-01-15.json",
        ),
        (
            "a title",
            Some("Hong Kong: UN experts alarmed"),
            "Hong-Kong-UN-experts-alarmed.claim-annotator.json",
        ),
        (
            "letters of any script",
            Some("بيان المنظمات"),
            "بيان-المنظمات.claim-annotator.json",
        ),
        ("no letters", Some(" …?! "), "article.claim-annotator.json"),
        (
            "no path can be made",
            Some("../../etc/passwd"),
            "etc-passwd.claim-annotator.json",
        ),
        (
            "long titles are cut",
            Some(&"word ".repeat(30)),
            "word-word-word-word-word-word-word-word-word-word-word-word.claim-annotator.json",
        ),
    ];
    for (name, title, expected) in cases {
        assert_eq!(backup_file_name(title, EXPORTED), expected, "{name}");
    }
}
