use super::*;

/// Every table in `static/i18n/` has every key and no unknown one, and describes its language
/// (direction, plural rule, digits), so no screen in any language can show a missing string;
/// and `build.rs` listed every one of them.
#[test]
fn every_language_file_has_every_key() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/static/i18n");
    let mut seen = Vec::new();
    for entry in std::fs::read_dir(folder).expect("the i18n folder") {
        let path = entry.expect("a file").path();
        let code = path
            .file_stem()
            .and_then(|stem| stem.to_str())
            .unwrap_or_default()
            .to_string();
        let json = std::fs::read_to_string(&path).expect("readable");
        let locale = crate::core::locale::Locale::from_table(&code, &json)
            .unwrap_or_else(|error| panic!("{code}.json: {error}"));
        assert!(
            !locale.text.language_name.is_empty(),
            "{code}.json names its language"
        );
        assert_eq!(
            language_code(&code),
            Some(code.as_str()),
            "{code}.json is offered"
        );
        seen.push(code);
    }
    seen.sort();
    assert_eq!(seen, LANGUAGE_CODES, "build.rs lists exactly the tables");
    assert!(LANGUAGE_CODES.contains(&"en"), "English is the fallback");
}

/// Every placeholder an English message uses appears in the same message of every language,
/// so a translation never drops a name or a number.
#[test]
fn translations_keep_every_placeholder() {
    let english: serde_json::Value = serde_json::from_str(ENGLISH).unwrap();
    let placeholders = |text: &str| -> Vec<String> {
        let mut found: Vec<String> = text
            .split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name.to_string()))
            .collect();
        found.sort();
        found.dedup();
        found
    };
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/static/i18n");
    for code in LANGUAGE_CODES {
        let path = format!("{folder}/{code}.json");
        let other: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for (key, value) in english.as_object().unwrap() {
            let Some(english_text) = value.as_str() else {
                continue;
            };
            let translated = other[key].as_str().unwrap_or_default();
            assert_eq!(
                placeholders(translated),
                placeholders(english_text),
                "{code}: {key}"
            );
        }
    }
}

#[test]
fn languages_plurals_and_placeholders() {
    let cases: [(&str, Option<&str>); 6] = [
        ("fr-CA", Some("fr")),
        ("ar-EG", Some("ar")),
        ("EN", Some("en")),
        ("xx", None),
        ("", None),
        ("ar_MA", Some("ar")),
    ];
    for (tag, expected) in cases {
        assert_eq!(language_code(tag), expected, "{tag}");
    }
    assert_eq!(first_supported_code(["xx-XX", "fr", "en"]), "fr");
    assert_eq!(first_supported_code(["xx"]), "en");
    use PluralCategory::*;
    let rule_cases: [(&str, PluralRule, &[usize], &[PluralCategory]); 5] = [
        (
            "Arabic",
            PluralRule::Arabic,
            &[0, 1, 2, 3, 10, 11, 99, 100, 102, 111],
            &[Zero, One, Two, Few, Few, Many, Many, Other, Other, Many],
        ),
        (
            "French",
            PluralRule::ZeroOrOne,
            &[0, 1, 2],
            &[One, One, Other],
        ),
        ("English", PluralRule::One, &[0, 1, 2], &[Other, One, Other]),
        (
            "Russian",
            PluralRule::EastSlavic,
            &[1, 2, 5, 11, 12, 21, 22, 25, 111],
            &[One, Few, Many, Many, Many, One, Few, Many, Many],
        ),
        (
            "Polish",
            PluralRule::Polish,
            &[1, 2, 5, 12, 21, 22],
            &[One, Few, Many, Many, Many, Few],
        ),
    ];
    for (name, rule, counts, expected) in rule_cases {
        let got: Vec<PluralCategory> = counts.iter().map(|count| rule.category(*count)).collect();
        assert_eq!(got, expected, "{name}");
    }
    for name in PluralRule::NAMES {
        assert!(PluralRule::from_name(name).is_some(), "{name}");
    }
    assert_eq!(
        fill("{a} and {b}, {unknown}", &[("a", "1"), ("b", "2")]),
        "1 and 2, {unknown}"
    );
    assert_eq!(fill("no braces", &[]), "no braces");
    assert_eq!(fill("open { brace", &[]), "open { brace");
    let english = crate::core::locale::Locale::english();
    assert_eq!(english.text.tag_label(&Tag::Denial), "Denial");
    assert_eq!(english.text.bytes.for_count(&english.language, 1), "1 byte");
    assert_eq!(
        english.text.bytes.for_count(&english.language, 1234),
        "1,234 bytes"
    );
}

/// A table that describes its language wrongly is refused with what to write instead.
#[test]
fn a_table_must_describe_its_language() {
    let english: serde_json::Value = serde_json::from_str(ENGLISH).unwrap();
    let cases: [(&str, &str, &str, &str); 4] = [
        ("unknown direction", "direction", "up", "write ltr or rtl"),
        (
            "unknown plural rule",
            "plural_rule",
            "dual",
            "write one of one, zero_or_one",
        ),
        ("nine digits", "digits", "012345678", "ten digits"),
        ("per cent without its number", "percent", "%", "{number}"),
    ];
    for (name, key, value, expected) in cases {
        let mut table = english.clone();
        table[key] = value.into();
        let error =
            crate::core::locale::Locale::from_table("en", &table.to_string()).expect_err(name);
        assert!(error.contains(expected), "{name}: {error}");
    }
}

/// A table with a problem is refused with every problem named, not the first one only.
#[test]
fn broken_tables_name_their_problems() {
    let english: serde_json::Value = serde_json::from_str(ENGLISH).unwrap();
    let edited = |edit: &dyn Fn(&mut serde_json::Map<String, serde_json::Value>)| {
        let mut object = english.as_object().unwrap().clone();
        edit(&mut object);
        serde_json::Value::Object(object).to_string()
    };
    let cases: Vec<(&str, String, &[&str])> = vec![
        (
            "missing key",
            edited(&|table| {
                table.remove("undo");
            }),
            &["missing key `undo`"],
        ),
        (
            "unknown key",
            edited(&|table| {
                table.insert("undoo".into(), "Undo".into());
            }),
            &["unknown key `undoo`"],
        ),
        (
            "text where plural forms belong",
            edited(&|table| {
                table.insert("bytes".into(), "bytes".into());
            }),
            &["`bytes` should be an object of plural forms"],
        ),
        (
            "plural without other",
            edited(&|table| {
                table.insert("bytes".into(), serde_json::json!({ "one": "{count} byte" }));
            }),
            &["`bytes` should be an object of plural forms"],
        ),
        (
            "two problems at once",
            edited(&|table| {
                table.remove("redo");
                table.insert("keyboard_help_keys".into(), serde_json::json!([["Tab"]]));
            }),
            &[
                "missing key `redo`",
                "`keyboard_help_keys` should be a list of [key, meaning] pairs",
            ],
        ),
        (
            "missing key that only the app shows",
            edited(&|table| {
                table.remove("library_heading");
            }),
            &["missing key `library_heading`"],
        ),
        ("not an object", "[]".to_string(), &["not a JSON object"]),
        (
            "not JSON",
            "{\"undo\": }".to_string(),
            &["not JSON (line 1, column 10)"],
        ),
    ];
    for (name, json, expected) in cases {
        let error = Messages::from_json(&json).expect_err(name);
        for part in expected {
            assert!(
                error.contains(part),
                "{name}: {error:?} should mention {part:?}"
            );
        }
    }
    assert_eq!(
        MessageFields::KEYS.len(),
        english.as_object().unwrap().len(),
        "one field per key of en.json"
    );
}

/// The keys marked `#[app]` in `message_keys.rs`, as `build.rs` reads them.
fn app_keys() -> Vec<&'static str> {
    MessageFields::FIELDS
        .iter()
        .filter(|(_, _, _, app_only)| *app_only)
        .map(|(key, ..)| *key)
        .collect()
}

/// The English built into the widget a news page embeds (`build.rs` writes it): the value of
/// every key but the `#[app]` ones, as `en.json` has it, in the order of the list of keys and
/// without the keys' names. It reads as a table once the `#[app]` keys may be missing, which
/// they may not be in any other table (`Messages::from_json` requires them).
#[test]
fn the_widgets_english_is_every_other_keys_value_in_order() {
    let widget_english = include_str!(concat!(env!("OUT_DIR"), "/en-widget.json"));
    let app_keys = app_keys();
    assert!(
        app_keys.len() > 100,
        "the library's and classroom's keys are marked"
    );
    let full: serde_json::Value = serde_json::from_str(ENGLISH).unwrap();
    let widget: serde_json::Value = serde_json::from_str(widget_english).unwrap();
    let kept: Vec<&str> = MessageFields::KEYS
        .iter()
        .copied()
        .filter(|key| !app_keys.contains(key))
        .collect();
    let widget = widget.as_array().expect("an array of values");
    assert_eq!(widget.len(), kept.len(), "one value per key the widget has");
    for (key, value) in kept.iter().zip(widget) {
        assert_eq!(value, &full[key], "{key}");
    }

    let read = Messages::from_json_values(widget_english, false).expect("it reads without them");
    let mut by_key = full.as_object().unwrap().clone();
    by_key.retain(|key, _| !app_keys.contains(&key.as_str()));
    let by_key = serde_json::to_string(&by_key).unwrap();
    assert_eq!(
        read,
        Messages::from_json_keys(&by_key, false).unwrap(),
        "the same messages as the same keys read by name"
    );
    assert_eq!(read.undo, Messages::english().undo);
    assert!(read.library_heading.is_empty() && read.restored_articles.other.is_empty());
    assert!(
        Messages::from_json_values(widget_english, true).is_err(),
        "required, the `#[app]` keys would take other keys' values"
    );
    let end = widget_english.rfind(']').unwrap();
    let one_more = format!("{}, \"one too many\"]", &widget_english[..end]);
    let error = Messages::from_json_values(&one_more, false).expect_err("a value too many");
    assert_eq!(error, "more values than keys");
}

/// No file the widget is built from reads a key marked `#[app]`: the widget's English lacks
/// them, so such a key would show an empty string. The app's files are the library's and the
/// classroom's pages and the core modules only they use (absent from the widget's wasm).
#[test]
fn the_widget_never_reads_an_app_key() {
    const APP_FILES: &[&str] = &[
        "src/ui/classroom",
        "src/ui/library",
        "src/core/library",
        "src/core/exercise",
        "src/core/class_results",
        "src/core/claim_scoring",
        "src/core/article_import",
        "src/core/html_article",
        "src/core/markdown_article",
    ];
    let root = env!("CARGO_MANIFEST_DIR");
    let mut widget_files = Vec::new();
    let mut folders = vec![std::path::PathBuf::from(root).join("src")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let relative = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .to_string();
            if path.is_dir() {
                folders.push(path);
            } else if relative.ends_with(".rs")
                && !relative.ends_with("tests.rs")
                && !relative.contains("/tests/")
                && !APP_FILES.iter().any(|app| relative.starts_with(app))
            {
                widget_files.push((relative, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    assert!(widget_files
        .iter()
        .any(|(path, _)| path == "src/ui/annotator.rs"));
    let reads = |source: &str, key: &str| {
        source.match_indices(&format!(".{key}")).any(|(at, found)| {
            let next = source[at + found.len()..].chars().next().unwrap_or(' ');
            !(next.is_alphanumeric() || next == '_')
        })
    };
    assert!(reads("m.undo;", "undo") && !reads("m.undo_delete;", "undo"));
    for key in app_keys() {
        for (path, source) in &widget_files {
            assert!(
                !reads(source, key),
                "{path} reads `{key}`, which is marked #[app]"
            );
        }
    }
}
