//! Why a file, a link or a stored value could not be read: one variant per reason, each
//! worded by the reader's table (`problem_*` keys), so a French or Arabic reader never gets an
//! English clause inside a translated sentence.
//!
//! Invariant: every variant has its own key in every shipped table (the tests read each table
//! and check each variant gives a non-empty sentence with no placeholder left).

use super::locale::Locale;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShapeProblem {
    NeitherObjectNorList,
    FirstPageHasNoItems,
    PagesNotEmbedded,
    PageHasNoItems,
    NotAnAnnotation,
    NotAnObject,
    NoTag,
    TagHasNoText,
    TagIsEmpty,
    NoTarget,
    PositionBeyondEnd,
    NoSelector,
    NoVersion,
    NoAnnotationList,
    FieldsMissing,
    ClaimHasNoTag,
    KeyClaimHasNoTag,
    NoId,
    ArticleNeitherTextNorLink,
    UnknownFeedbackSetting,
    UnknownNameSetting,
    LinkHasNoClaims,
    LinkArticleDamaged,
    LinkClaimDamaged { index: usize },
    UnreadableNotText,
    ArticleNotJson,
    ClaimsHaveNoVersion,
    ClaimsNotAList,
    UnknownOrigin,
}

impl ShapeProblem {
    /// A clause with no final period, to go inside a sentence such as `import_wrong_shape`.
    pub fn message(&self, locale: &Locale) -> String {
        let t = &locale.text;
        match self {
            ShapeProblem::NeitherObjectNorList => t.problem_neither_object_nor_list.clone(),
            ShapeProblem::FirstPageHasNoItems => t.problem_first_page_has_no_items.clone(),
            ShapeProblem::PagesNotEmbedded => t.problem_pages_not_embedded.clone(),
            ShapeProblem::PageHasNoItems => t.problem_page_has_no_items.clone(),
            ShapeProblem::NotAnAnnotation => t.problem_not_an_annotation.clone(),
            ShapeProblem::NotAnObject => t.problem_not_an_object.clone(),
            ShapeProblem::NoTag => t.problem_no_tag.clone(),
            ShapeProblem::TagHasNoText => t.problem_tag_has_no_text.clone(),
            ShapeProblem::TagIsEmpty => t.problem_tag_is_empty.clone(),
            ShapeProblem::NoTarget => t.problem_no_target.clone(),
            ShapeProblem::PositionBeyondEnd => t.problem_position_beyond_end.clone(),
            ShapeProblem::NoSelector => t.problem_no_selector.clone(),
            ShapeProblem::NoVersion => t.problem_no_version.clone(),
            ShapeProblem::NoAnnotationList => t.problem_no_annotation_list.clone(),
            ShapeProblem::FieldsMissing => t.problem_fields_missing.clone(),
            ShapeProblem::ClaimHasNoTag => t.problem_claim_has_no_tag.clone(),
            ShapeProblem::KeyClaimHasNoTag => t.problem_key_claim_has_no_tag.clone(),
            ShapeProblem::NoId => t.problem_no_id.clone(),
            ShapeProblem::ArticleNeitherTextNorLink => {
                t.problem_article_neither_text_nor_link.clone()
            }
            ShapeProblem::UnknownFeedbackSetting => t.problem_unknown_feedback_setting.clone(),
            ShapeProblem::UnknownNameSetting => t.problem_unknown_name_setting.clone(),
            ShapeProblem::LinkHasNoClaims => t.problem_link_has_no_claims.clone(),
            ShapeProblem::LinkArticleDamaged => t.problem_link_article_damaged.clone(),
            ShapeProblem::LinkClaimDamaged { index } => locale.fill(
                &t.problem_link_claim_damaged,
                &[("index", &locale.integer(*index))],
            ),
            ShapeProblem::UnreadableNotText => t.problem_unreadable_not_text.clone(),
            ShapeProblem::ArticleNotJson => t.problem_article_not_json.clone(),
            ShapeProblem::ClaimsHaveNoVersion => t.problem_claims_have_no_version.clone(),
            ShapeProblem::ClaimsNotAList => t.problem_claims_not_a_list.clone(),
            ShapeProblem::UnknownOrigin => t.problem_unknown_origin.clone(),
        }
    }
}

#[cfg(test)]
mod tests;
