//! The library's backup file ("Export everything"): round trips of articles with their
//! claims, and every bad file refused with its reason.

use super::*;

/// Encodes, checks the file's shape, decodes, and checks that everything came back: each
/// readable annotations value as the same JSON that `decode_annotations` reads into the same
/// claims in its article's text, each value in `unreadable_keys` and each unreadable article
/// exactly as it was.
pub(super) fn check_backup(
    name: &str,
    articles: &[LibraryArticle],
    unreadable_articles: &[(String, String)],
    annotations: &[(String, String)],
    unreadable_keys: &[&str],
) {
    let file = encode_backup(articles, unreadable_articles, annotations, EXPORTED);
    let json: Value = serde_json::from_str(&file).expect("a backup is JSON");
    assert_eq!(json["v"], 1, "{name}");
    assert_eq!(json["kind"], BACKUP_KIND, "{name}");
    assert_eq!(json["exported"], EXPORTED, "{name}");
    let backup = decode_backup(&file).unwrap_or_else(|error| panic!("{name}: {error:?}"));
    assert_eq!(backup.exported_ms, EXPORTED, "{name}");
    assert_eq!(backup.articles, articles, "{name}");
    let mut expected_unreadable_articles = unreadable_articles.to_vec();
    expected_unreadable_articles.sort();
    assert_eq!(
        backup.unreadable_articles, expected_unreadable_articles,
        "{name}"
    );
    for (key, _) in unreadable_articles {
        assert!(json["unreadableArticles"][key].is_string(), "{name}: {key}");
    }
    let mut expected_readable = Vec::new();
    let mut expected_unreadable = Vec::new();
    for (key, raw) in annotations {
        if unreadable_keys.contains(&key.as_str()) {
            assert!(json["unreadable"][key].is_string(), "{name}: {key}");
            expected_unreadable.push((key.clone(), raw.clone()));
        } else {
            assert!(
                json["annotations"][key].is_object(),
                "{name}: {key} is embedded as JSON, not as a string"
            );
            expected_readable.push((key.clone(), raw.clone()));
        }
    }
    expected_readable.sort();
    expected_unreadable.sort();
    assert_eq!(backup.unreadable, expected_unreadable, "{name}");
    assert_eq!(backup.annotations.len(), expected_readable.len(), "{name}");
    for ((key, restored), (expected_key, original)) in
        backup.annotations.iter().zip(&expected_readable)
    {
        assert_eq!(key, expected_key, "{name}");
        let as_json = |raw: &str| serde_json::from_str::<Value>(raw).expect("JSON");
        assert_eq!(as_json(restored), as_json(original), "{name}: {key}");
        if let Some(article) = articles.iter().find(|article| article.key == *key) {
            let text = SourceText::new(article.text.as_str());
            assert_eq!(
                decode_annotations(restored, &text),
                decode_annotations(original, &text),
                "{name}: {key} reads into the same claims"
            );
        }
    }
}

/// One sentence, for a person, saying where their work is.
fn backup_file(edit: impl FnOnce(&mut Value)) -> String {
    let claims = claims_value(&letter(), &[("groundless", Tag::Denial)]);
    let mut value: Value =
        serde_json::from_str(&encode_backup(&[letter()], &[], &[claims], EXPORTED)).unwrap();
    edit(&mut value);
    value.to_string()
}

#[test]
fn backups_round_trip_articles_and_their_claims() {
    let letter_claims = claims_value(
        &letter(),
        &[("groundless", Tag::Denial), ("demand a probe", Tag::Demand)],
    );
    let arabic_claims = claims_value(&arabic(), &[("الادعاء كاذب", Tag::Allegation)]);
    let cases = [
        Case {
            name: "two articles and their claims",
            input: Input::Backup(
                vec![letter(), arabic()],
                Vec::new(),
                vec![letter_claims.clone(), arabic_claims.clone()],
            ),
            expected: Expected::SameBack,
        },
        Case {
            name: "an empty library",
            input: Input::Backup(Vec::new(), Vec::new(), Vec::new()),
            expected: Expected::SameBack,
        },
        Case {
            name: "claims of an article not in the library (a news page's widget)",
            input: Input::Backup(
                vec![letter()],
                Vec::new(),
                vec![
                    letter_claims.clone(),
                    (
                        "id-news-1".into(),
                        r#"{"v":1,"article":"id-news-1","annotations":[]}"#.into(),
                    ),
                ],
            ),
            expected: Expected::SameBack,
        },
        Case {
            name: "damaged and newer values are kept as they were",
            input: Input::Backup(
                vec![letter(), arabic()],
                Vec::new(),
                vec![
                    letter_claims.clone(),
                    (arabic().key, "{\"v\":3,\"annotations\":[{\"id\":".into()),
                    ("id-newer".into(), r#"{"v":9,"claims":{}}"#.into()),
                    ("id-no-list".into(), r#"{"v":3,"article":"x"}"#.into()),
                ],
            ),
            expected: Expected::SameBackWithUnreadable(&["id-newer", "id-no-list", ARABIC_KEY]),
        },
        Case {
            name: "library articles this version cannot read are kept as they were",
            input: Input::Backup(
                vec![letter()],
                vec![
                    (
                        "text-fnv1a64-0000000000000002".into(),
                        r#"{"v":2,"key":"text-fnv1a64-0000000000000002","pages":[]}"#.into(),
                    ),
                    (
                        "text-fnv1a64-0000000000000001".into(),
                        "{\"v\":1,\"key\":".into(),
                    ),
                ],
                vec![letter_claims],
            ),
            expected: Expected::SameBack,
        },
    ];
    assert_eq!(arabic().key, ARABIC_KEY);
    for case in cases {
        check(case);
    }
}

pub(super) const ARABIC_KEY: &str = "text-fnv1a64-e264c0d616116fac";

#[test]
fn bad_backups_are_refused_with_a_reason() {
    let refused = |name, raw: String, error| Case {
        name,
        input: Input::BackupFile(raw),
        expected: Expected::BackupRefused(error),
    };
    let shape = |what| BackupError::WrongShape(what);
    let cases = [
        refused("not JSON", "PK\u{3}\u{4}".into(), BackupError::NotJson),
        refused("empty", String::new(), BackupError::NotJson),
        refused("a JSON array", "[]".into(), BackupError::NotABackup),
        refused(
            "an exercise file",
            r#"{"v":1,"kind":"claim-annotator-exercise","id":"x"}"#.into(),
            BackupError::NotABackup,
        ),
        refused(
            "one stored article",
            encode_library_article(&letter()),
            BackupError::NotABackup,
        ),
        refused(
            "one article's stored claims",
            claims_value(&letter(), &[("groundless", Tag::Denial)]).1,
            BackupError::NotABackup,
        ),
        refused(
            "no version",
            backup_file(|file| {
                file.as_object_mut().unwrap().remove("v");
            }),
            shape(ShapeProblem::NoVersion),
        ),
        refused(
            "a newer version",
            backup_file(|file| file["v"] = 2.into()),
            BackupError::NewerVersion(2),
        ),
        refused(
            "no articles",
            backup_file(|file| {
                file.as_object_mut().unwrap().remove("articles");
            }),
            shape(ShapeProblem::FieldsMissing),
        ),
        refused(
            "claims as one string",
            backup_file(|file| file["annotations"] = "{}".into()),
            shape(ShapeProblem::FieldsMissing),
        ),
        refused(
            "an article's claims as a string, not JSON",
            backup_file(|file| {
                let key = letter().key;
                let raw = file["annotations"][&key].to_string();
                file["annotations"][&key] = raw.into();
            }),
            shape(ShapeProblem::ClaimsHaveNoVersion),
        ),
        refused(
            "claims of a newer version",
            backup_file(|file| file["annotations"][letter().key]["v"] = 4.into()),
            BackupError::NewerVersion(4),
        ),
        refused(
            "claims without their list",
            backup_file(|file| {
                file["annotations"][letter().key]
                    .as_object_mut()
                    .unwrap()
                    .remove("annotations");
            }),
            shape(ShapeProblem::ClaimsNotAList),
        ),
        refused(
            "an article of a newer version",
            backup_file(|file| file["articles"][0]["v"] = 2.into()),
            BackupError::NewerVersion(2),
        ),
        refused(
            "an article without its text",
            backup_file(|file| {
                file["articles"][0].as_object_mut().unwrap().remove("text");
            }),
            shape(ShapeProblem::FieldsMissing),
        ),
        refused(
            "an article that is a number",
            backup_file(|file| file["articles"][0] = 7.into()),
            shape(ShapeProblem::NotAnObject),
        ),
        refused(
            "an unreadable value that is not text",
            backup_file(|file| file["unreadable"] = serde_json::json!({ "k": { "v": 9 } })),
            shape(ShapeProblem::UnreadableNotText),
        ),
        refused(
            "an unreadable article that is not text",
            backup_file(|file| file["unreadableArticles"] = serde_json::json!({ "k": [1] })),
            shape(ShapeProblem::UnreadableNotText),
        ),
    ];
    for case in cases {
        check(case);
    }
}
