use super::*;

/// Every table in `static/i18n/` has every key and no unknown one (the reader refuses both), so no
/// screen in any language can show a missing string.
#[test]
fn every_language_file_has_every_key() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/static/i18n");
    let mut seen = Vec::new();
    for entry in std::fs::read_dir(folder).expect("the i18n folder") {
        let path = entry.expect("a file").path();
        let code = path.file_stem().and_then(|stem| stem.to_str()).unwrap_or_default().to_string();
        let json = std::fs::read_to_string(&path).expect("readable");
        let messages = Messages::from_json(&json)
            .unwrap_or_else(|error| panic!("{code}.json: {error}"));
        assert!(!messages.language_name.is_empty(), "{code}.json names its language");
        assert!(
            Language::from_tag(&code).is_some(),
            "{code}.json is a language the widget offers"
        );
        seen.push(code);
    }
    for language in Language::ALL {
        assert!(seen.iter().any(|code| code == language.code()), "{}.json exists", language.code());
    }
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
    for language in Language::ALL {
        let path = format!("{folder}/{}.json", language.code());
        let other: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for (key, value) in english.as_object().unwrap() {
            let Some(english_text) = value.as_str() else { continue };
            let translated = other[key].as_str().unwrap_or_default();
            assert_eq!(placeholders(translated), placeholders(english_text), "{}: {key}", language.code());
        }
    }
}

#[test]
fn languages_plurals_and_placeholders() {
    let cases: [(&str, Option<Language>); 6] = [
        ("fr-CA", Some(Language::French)),
        ("ar-EG", Some(Language::Arabic)),
        ("EN", Some(Language::English)),
        ("de", None),
        ("", None),
        ("ar_MA", Some(Language::Arabic)),
    ];
    for (tag, expected) in cases {
        assert_eq!(Language::from_tag(tag), expected, "{tag}");
    }
    assert_eq!(Language::first_supported(["de-DE", "fr", "en"]), Language::French);
    assert_eq!(Language::first_supported(["de"]), Language::English);
    let arabic: Vec<PluralCategory> = [0, 1, 2, 3, 10, 11, 99, 100, 102, 111]
        .into_iter()
        .map(|count| Language::Arabic.plural_category(count))
        .collect();
    use PluralCategory::*;
    assert_eq!(arabic, [Zero, One, Two, Few, Few, Many, Many, Other, Other, Many]);
    assert_eq!(Language::French.plural_category(0), One);
    assert_eq!(Language::English.plural_category(0), Other);
    assert_eq!(fill("{a} and {b}, {unknown}", &[("a", "1"), ("b", "2")]), "1 and 2, {unknown}");
    assert_eq!(fill("no braces", &[]), "no braces");
    assert_eq!(fill("open { brace", &[]), "open { brace");
    let english = Messages::english();
    assert_eq!(english.tag_label(&Tag::Denial), "Denial");
    assert_eq!(english.bytes.for_count(Language::English, 1), "1 byte");
    assert_eq!(english.bytes.for_count(Language::English, 1234), "1,234 bytes");
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
        ("missing key", edited(&|table| {
            table.remove("undo");
        }), &["missing key `undo`"]),
        ("unknown key", edited(&|table| {
            table.insert("undoo".into(), "Undo".into());
        }), &["unknown key `undoo`"]),
        ("text where plural forms belong", edited(&|table| {
            table.insert("bytes".into(), "bytes".into());
        }), &["`bytes` should be an object of plural forms"]),
        ("plural without other", edited(&|table| {
            table.insert("bytes".into(), serde_json::json!({ "one": "{count} byte" }));
        }), &["`bytes` should be an object of plural forms"]),
        ("two problems at once", edited(&|table| {
            table.remove("redo");
            table.insert("keyboard_help_keys".into(), serde_json::json!([["Tab"]]));
        }), &["missing key `redo`", "`keyboard_help_keys` should be a list of [key, meaning] pairs"]),
        ("not an object", "[]".to_string(), &["not a JSON object"]),
        ("not JSON", "{\"undo\": }".to_string(), &["not JSON (line 1, column 10)"]),
    ];
    for (name, json, expected) in cases {
        let error = Messages::from_json(&json).expect_err(name);
        for part in expected {
            assert!(error.contains(part), "{name}: {error:?} should mention {part:?}");
        }
    }
    assert_eq!(Messages::KEYS.len(), english.as_object().unwrap().len(), "one field per key of en.json");
}
