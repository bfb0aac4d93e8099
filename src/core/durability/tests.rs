use super::*;

const NOW: i64 = 1_800_000_000_000;
const HOUR: i64 = 60 * 60 * 1000;

/// Facts for a reader with three claims the browser may clear, made an hour ago, no export.
fn fresh() -> ReminderFacts {
    ReminderFacts {
        keeping: Keeping::MayBeCleared,
        claims: 3,
        changes_this_visit: 3,
        last_export_ms: None,
        oldest_claim_ms: Some(NOW - HOUR),
        dismissed_ms: None,
        now_ms: NOW,
    }
}

fn check(name: &str, facts: ReminderFacts, expected: bool) {
    assert_eq!(export_reminder_due(&facts), expected, "{name}");
}

#[test]
fn when_the_reminder_shows() {
    let cases: Vec<(&str, ReminderFacts, bool)> = vec![
        ("a few changes, an hour old: not yet", fresh(), false),
        (
            "a visit's work",
            ReminderFacts {
                changes_this_visit: 5,
                ..fresh()
            },
            true,
        ),
        (
            "a week since the oldest claim, never exported",
            ReminderFacts {
                oldest_claim_ms: Some(NOW - 7 * 24 * HOUR),
                ..fresh()
            },
            true,
        ),
        (
            "six days since the oldest claim",
            ReminderFacts {
                oldest_claim_ms: Some(NOW - 6 * 24 * HOUR),
                ..fresh()
            },
            false,
        ),
        (
            "exported a day ago, the claims are older",
            ReminderFacts {
                oldest_claim_ms: Some(NOW - 30 * 24 * HOUR),
                last_export_ms: Some(NOW - 24 * HOUR),
                ..fresh()
            },
            false,
        ),
        (
            "exported a week ago",
            ReminderFacts {
                last_export_ms: Some(NOW - 8 * 24 * HOUR),
                ..fresh()
            },
            true,
        ),
        (
            "the browser keeps the storage",
            ReminderFacts {
                keeping: Keeping::Kept,
                changes_this_visit: 50,
                ..fresh()
            },
            false,
        ),
        (
            "not asked yet",
            ReminderFacts {
                keeping: Keeping::NotAsked,
                changes_this_visit: 50,
                ..fresh()
            },
            false,
        ),
        (
            "the browser cannot say: remind",
            ReminderFacts {
                keeping: Keeping::Unavailable,
                changes_this_visit: 5,
                ..fresh()
            },
            true,
        ),
        (
            "no claims",
            ReminderFacts {
                claims: 0,
                changes_this_visit: 9,
                ..fresh()
            },
            false,
        ),
        (
            "dismissed an hour ago",
            ReminderFacts {
                changes_this_visit: 9,
                dismissed_ms: Some(NOW - HOUR),
                ..fresh()
            },
            false,
        ),
        (
            "dismissed two days ago",
            ReminderFacts {
                changes_this_visit: 9,
                dismissed_ms: Some(NOW - 48 * HOUR),
                ..fresh()
            },
            true,
        ),
    ];
    for (name, facts, expected) in cases {
        check(name, facts, expected);
    }
}

#[test]
fn what_the_browser_answered() {
    let cases = [
        ("already kept", Some(true), None, Keeping::Kept),
        ("agreed when asked", Some(false), Some(true), Keeping::Kept),
        ("refused", Some(false), Some(false), Keeping::MayBeCleared),
        ("no API", None, None, Keeping::Unavailable),
    ];
    for (name, already, agreed, expected) in cases {
        assert_eq!(Keeping::from_answers(already, agreed), expected, "{name}");
    }
}
