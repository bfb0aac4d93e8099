use super::*;
use crate::core::json_syntax_error::JsonSyntaxError;

/// What a case expects of `parse`: the value written back compactly, or where it failed.
enum Expect {
    Writes(&'static str),
    FailsAt(usize, usize),
}

fn check(name: &str, text: &str, expect: Expect) {
    let parsed = parse(text);
    match expect {
        Expect::Writes(compact) => {
            let value = parsed.unwrap_or_else(|error| panic!("{name}: {error:?}"));
            assert_eq!(value.to_json(), compact, "{name}");
            assert_eq!(
                parse(compact).as_ref(),
                Ok(&value),
                "{name}: reads its own output"
            );
        }
        Expect::FailsAt(line, column) => {
            assert_eq!(parsed, Err(JsonSyntaxError { line, column }), "{name}");
        }
    }
}

#[test]
fn parsing_and_writing() {
    use Expect::*;
    let cases: &[(&str, &str, Expect)] = &[
        (
            "scalars in a list",
            " [true, false, null, 0, 12, -7] ",
            Writes("[true,false,null,0,12,-7]"),
        ),
        (
            "members keep their order",
            r#"{"b":1,"a":{"z":[],"y":{}}}"#,
            Writes(r#"{"b":1,"a":{"z":[],"y":{}}}"#),
        ),
        (
            "a repeated key keeps its place and its last value",
            r#"{"a":1,"b":2,"a":3}"#,
            Writes(r#"{"a":3,"b":2}"#),
        ),
        (
            "white space of every kind",
            "{\r\n\t\"a\" :\n[ 1 ,2 ] }",
            Writes(r#"{"a":[1,2]}"#),
        ),
        (
            "escapes read",
            r#""q\"b\\s\/n\nr\rt\tb\bf\fu\u00e9\ud83d\ude00""#,
            Writes("\"q\\\"b\\\\s/n\\nr\\rt\\tb\\bf\\fu\u{e9}\u{1F600}\""),
        ),
        (
            "control characters written as \\u00xx",
            r#""\u0001\u001f\u007f""#,
            Writes("\"\\u0001\\u001f\u{7f}\""),
        ),
        (
            "non-ASCII written as it is",
            "\"人权 😀 حقوق\"",
            Writes("\"人权 😀 حقوق\""),
        ),
        (
            "u64 and i64 limits",
            "[18446744073709551615,-9223372036854775808]",
            Writes("[18446744073709551615,-9223372036854775808]"),
        ),
        (
            "other numbers kept as written",
            "[1.5,-0,2e10,1E-3,18446744073709551616,-0.0]",
            Writes("[1.5,-0,2e10,1E-3,18446744073709551616,-0.0]"),
        ),
        ("not an object", "{oops", FailsAt(1, 2)),
        ("empty", "", FailsAt(1, 0)),
        ("cut short", "{\"a\":", FailsAt(1, 5)),
        ("a trailing comma", "[1,]", FailsAt(1, 4)),
        ("trailing text", "{} x", FailsAt(1, 4)),
        (
            "on the third line, counted in characters",
            "{\n\"é\": 1,\n  \"b\" 2}",
            FailsAt(3, 7),
        ),
        ("a raw newline inside a string", "\"a\nb\"", FailsAt(1, 3)),
        ("a lone low surrogate", r#""\udc00""#, FailsAt(1, 4)),
        (
            "a high surrogate without its pair",
            r#""\ud83dx""#,
            FailsAt(1, 4),
        ),
        ("a bad escape", r#""\x""#, FailsAt(1, 3)),
        ("a leading zero", "01", FailsAt(1, 2)),
        ("a bare minus", "-", FailsAt(1, 1)),
        ("a dot without digits", "1.", FailsAt(1, 2)),
        ("a key that is no string", "{1:2}", FailsAt(1, 2)),
        ("a misspelt word", "nul", FailsAt(1, 3)),
        ("a byte order mark", "\u{feff}{}", FailsAt(1, 1)),
        ("single quotes", "['a']", FailsAt(1, 2)),
    ];
    for (name, text, expect) in cases {
        let expect = match expect {
            Writes(compact) => Writes(compact),
            FailsAt(line, column) => FailsAt(*line, *column),
        };
        check(name, text, expect);
    }
}

#[test]
fn nesting_is_limited_instead_of_overflowing_the_stack() {
    let deep = |depth: usize| "[".repeat(depth) + &"]".repeat(depth);
    assert!(parse(&deep(MAX_DEPTH)).is_ok());
    assert_eq!(
        parse(&deep(MAX_DEPTH + 1)),
        Err(JsonSyntaxError {
            line: 1,
            column: MAX_DEPTH + 1
        })
    );
    assert!(parse(&deep(100_000)).is_err());
}

#[test]
fn reading_values() {
    let value = parse(
        r#"{"n":7,"neg":-2,"big":18446744073709551615,"f":1.5,"s":"x","b":true,"o":{"k":null}}"#,
    )
    .unwrap();
    let cases: &[(&str, Option<u64>, Option<i64>, Option<usize>, Option<&str>)] = &[
        ("n", Some(7), Some(7), Some(7), None),
        ("neg", None, Some(-2), None, None),
        (
            "big",
            Some(u64::MAX),
            None,
            usize::try_from(u64::MAX).ok(),
            None,
        ),
        ("f", None, None, None, None),
        ("s", None, None, None, Some("x")),
        ("missing", None, None, None, None),
    ];
    for &(key, unsigned, signed, size, text) in cases {
        let member = value.get(key);
        assert_eq!(member.and_then(Value::as_u64), unsigned, "{key}: as_u64");
        assert_eq!(member.and_then(Value::as_i64), signed, "{key}: as_i64");
        assert_eq!(member.and_then(Value::as_usize), size, "{key}: as_usize");
        assert_eq!(member.and_then(Value::as_str), text, "{key}: as_str");
    }
    assert_eq!(value.get("b").and_then(Value::as_bool), Some(true));
    assert!(value
        .get("o")
        .and_then(|o| o.get("k"))
        .is_some_and(Value::is_null));
    assert_eq!(
        value.get("s").and_then(|s| s.get("k")),
        None,
        "a string has no members"
    );
}

#[test]
fn building_and_pretty_printing() {
    let value = Value::from(
        Object::new()
            .with("a", 1usize)
            .with_text("empty", "")
            .with_text("text", "t")
            .with(
                "list",
                vec![Value::from(-3i64), Value::from(Option::<String>::None)],
            )
            .with("none", Vec::new())
            .with("nothing", Object::new()),
    );
    assert_eq!(
        value.to_json(),
        r#"{"a":1,"text":"t","list":[-3,null],"none":[],"nothing":{}}"#
    );
    assert_eq!(
        value.to_json_pretty(),
        "{\n  \"a\": 1,\n  \"text\": \"t\",\n  \"list\": [\n    -3,\n    null\n  ],\n  \"none\": [],\n  \"nothing\": {}\n}"
    );
}

/// serde_json (a dev-dependency only) as the reference: for any value, our compact and pretty
/// writers give its bytes, and each parser reads the other's output as the same value.
mod against_serde_json {
    use super::super::*;
    use proptest::prelude::*;

    fn to_serde(value: &Value) -> serde_json::Value {
        match value {
            Value::Null => serde_json::Value::Null,
            Value::Bool(value) => serde_json::Value::Bool(*value),
            Value::Number(Number::Unsigned(value)) => (*value).into(),
            Value::Number(Number::Negative(value)) => (*value).into(),
            Value::Number(Number::Other(text)) => serde_json::from_str(text).unwrap(),
            Value::String(text) => serde_json::Value::String(text.clone()),
            Value::Array(items) => items.iter().map(to_serde).collect(),
            Value::Object(object) => serde_json::Value::Object(
                object
                    .iter()
                    .map(|(key, value)| (key.to_string(), to_serde(value)))
                    .collect(),
            ),
        }
    }

    fn arbitrary_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<u64>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<String>().prop_map(Value::String),
            "[\\x00-\\x20\"\\\\a-z\u{e9}\u{1F600}]{0,8}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                // Distinct, sorted keys: serde_json's map sorts, ours keeps the order written.
                proptest::collection::btree_map("[a-z\"\\\\\u{e9}]{0,4}", inner, 0..6).prop_map(
                    |members| {
                        let mut object = Object::new();
                        for (key, value) in members {
                            object.insert(&key, value);
                        }
                        Value::Object(object)
                    }
                ),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn writers_match_and_parsers_agree(value in arbitrary_value()) {
            let reference = to_serde(&value);
            let compact = value.to_json();
            prop_assert_eq!(&compact, &serde_json::to_string(&reference).unwrap());
            prop_assert_eq!(value.to_json_pretty(), serde_json::to_string_pretty(&reference).unwrap());
            prop_assert_eq!(parse(&compact), Ok(value.clone()));
            let pretty = serde_json::to_string_pretty(&reference).unwrap();
            prop_assert_eq!(parse(&pretty), Ok(value));
        }

        #[test]
        fn any_text_is_refused_exactly_when_serde_json_refuses_it(text in "[\\[\\]{}:,\" 0-9a-z\\\\.eE+-]{0,24}") {
            let ours = parse(&text);
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}: {:?}", text, ours);
            if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
                // Numbers other than integers are kept as text by us, as f64 by serde_json.
                if !text.contains(['.', 'e', 'E']) && !text.contains("-0") {
                    prop_assert_eq!(to_serde(&ours), theirs);
                }
            }
        }
    }
}
