use super::*;

const SEED: &str = include_str!("../../../static/article.txt");

fn check(name: &str, text: &str, must_include: &[&str], must_exclude: &[&str]) {
    let found = name_suggestions(text);
    for wanted in must_include {
        assert!(
            found.iter().any(|name| name == wanted),
            "{name}: missing {wanted:?} in {found:?}"
        );
    }
    for unwanted in must_exclude {
        assert!(
            !found.iter().any(|name| name == unwanted),
            "{name}: unexpected {unwanted:?} in {found:?}"
        );
    }
    for suggestion in &found {
        assert!(
            text.contains(suggestion.as_str()),
            "{name}: {suggestion:?} is not in the text"
        );
    }
    let mut unique = found.clone();
    unique.dedup();
    assert_eq!(unique.len(), found.len(), "{name}: no duplicates");
}

#[test]
fn names_of_people_and_organisations() {
    check(
        "the seed article",
        SEED,
        &[
            "Zhao Lijian",
            "Human Rights Council",
            "Amnesty International",
            "Joshua Rosenzweig",
            "Sarah Brooks",
            "Antonio Guterres",
        ],
        &["The", "Wednesday", "However", "READ MORE"],
    );
    check(
        "joining words stay inside a name",
        "The Ministry of Foreign Affairs said so. The Ministry of Foreign Affairs repeated it.",
        &["Ministry of Foreign Affairs"],
        &["The Ministry of Foreign Affairs", "Ministry"],
    );
    check(
        "a comma ends a name",
        "Antonio Guterres, UN chief, spoke.",
        &["Antonio Guterres"],
        &["Antonio Guterres, UN"],
    );
    check(
        "a single word counts only when it recurs away from a sentence start",
        "Officials met. Later Beijing said no. Critics say Beijing lies.",
        &["Beijing"],
        &["Officials", "Later", "Critics"],
    );
    check(
        "an initialism",
        "The report by the IOC and the IOC board.",
        &["IOC"],
        &[],
    );
    check(
        "nothing in lower case",
        "nobody is named here at all.",
        &[],
        &["nobody"],
    );
    check("empty", "", &[], &[]);
}

#[test]
fn the_most_mentioned_come_first() {
    let found = name_suggestions(
        "Anna Lee spoke. Then Bo Chen. Then Anna Lee again, and Anna Lee once more.",
    );
    assert_eq!(found.first().map(String::as_str), Some("Anna Lee"));
}

/// Regression: each mention was counted by looking through every name found so far, so a long
/// article with thousands of distinct names took quadratic time (`cargo bench --bench
/// name_suggestions`), in the first render of the annotator. The order must not change with
/// the sort that replaced that search: most mentioned first, then by first appearance. Here
/// 3,000 sentences each name two people named nowhere else.
#[test]
fn thousands_of_distinct_names_keep_their_order() {
    const SYLLABLES: [&str; 8] = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi"];
    let invented = |number: usize| {
        let mut word = String::from("Q");
        let mut rest = number;
        for _ in 0..5 {
            word.push_str(SYLLABLES[rest % 8]);
            rest /= 8;
        }
        word
    };
    let mut text = String::new();
    for number in 0..3_000 {
        text.push_str(&format!(
            "said {} {} today. ",
            invented(number),
            invented(number + 3_000)
        ));
        if number == 1_000 || number == 2_000 || number == 2_500 {
            text.push_str("said Ada Lovelace today. ");
        }
        if number == 1_500 || number == 2_900 {
            text.push_str("said Grace Hopper today. ");
        }
    }
    let found = name_suggestions(&text);
    let mut expected = vec!["Ada Lovelace".to_string(), "Grace Hopper".to_string()];
    expected.extend(
        (0..(MAX_SUGGESTIONS - 2))
            .map(|number| format!("{} {}", invented(number), invented(number + 3_000))),
    );
    assert_eq!(found, expected);
}
