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
