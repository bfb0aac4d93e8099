use super::*;
use crate::core::messages::LANGUAGE_CODES;

/// One of each variant.
fn every_problem() -> Vec<ShapeProblem> {
    vec![
        ShapeProblem::NeitherObjectNorList,
        ShapeProblem::FirstPageHasNoItems,
        ShapeProblem::PagesNotEmbedded,
        ShapeProblem::PageHasNoItems,
        ShapeProblem::NotAnAnnotation,
        ShapeProblem::NotAnObject,
        ShapeProblem::NoTag,
        ShapeProblem::TagHasNoText,
        ShapeProblem::TagIsEmpty,
        ShapeProblem::NoTarget,
        ShapeProblem::PositionBeyondEnd,
        ShapeProblem::NoSelector,
        ShapeProblem::NoVersion,
        ShapeProblem::NoAnnotationList,
        ShapeProblem::FieldsMissing,
        ShapeProblem::ClaimHasNoTag,
        ShapeProblem::KeyClaimHasNoTag,
        ShapeProblem::NoId,
        ShapeProblem::ArticleNeitherTextNorLink,
        ShapeProblem::UnknownFeedbackSetting,
        ShapeProblem::UnknownNameSetting,
        ShapeProblem::LinkHasNoClaims,
        ShapeProblem::LinkArticleDamaged,
        ShapeProblem::LinkClaimDamaged { index: 2 },
        ShapeProblem::UnreadableNotText,
        ShapeProblem::ArticleNotJson,
        ShapeProblem::ClaimsHaveNoVersion,
        ShapeProblem::ClaimsNotAList,
        ShapeProblem::UnknownOrigin,
    ]
}

fn check(code: &str, problem: &ShapeProblem, english: &str) {
    let locale = Locale::from_table_file(code);
    let said = problem.message(&locale);
    assert!(!said.trim().is_empty(), "{code}, {problem:?}: empty");
    assert!(
        !said.contains('{'),
        "{code}, {problem:?}: a placeholder is left: {said}"
    );
    if code != "en" {
        assert_ne!(said, english, "{code}, {problem:?}: still English");
    }
}

#[test]
fn every_problem_is_worded_in_every_language() {
    let english = Locale::from_table_file("en");
    for code in LANGUAGE_CODES {
        for problem in every_problem() {
            check(code, &problem, &problem.message(&english));
        }
    }
}

#[test]
fn a_damaged_claim_in_a_link_is_named_by_its_number() {
    let english = Locale::from_table_file("en");
    assert_eq!(
        ShapeProblem::LinkClaimDamaged { index: 3 }.message(&english),
        "claim 3 in the link is damaged"
    );
}
