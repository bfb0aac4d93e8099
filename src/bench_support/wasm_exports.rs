//! What the browser benchmark (bench/anchoring-browser.mjs) calls; built only with the
//! `bench-support` feature, never into the widget.

use wasm_bindgen::prelude::*;

use crate::core::anchoring::reanchor_all;
use crate::core::annotation::AnchorStatus;
use crate::core::approximate_search::CompiledPattern;
use crate::core::merge::Snapshot;
use crate::core::stored_format::encode_annotations;
use crate::core::text_normalization::normalize;

#[wasm_bindgen]
pub struct AnchoringBench {
    inputs: super::AnchoringInputs,
}

#[wasm_bindgen]
impl AnchoringBench {
    #[wasm_bindgen(constructor)]
    pub fn new(article_chars: usize, annotation_count: usize) -> AnchoringBench {
        AnchoringBench {
            inputs: super::generate(article_chars, annotation_count),
        }
    }

    pub fn article(&self) -> String {
        self.inputs.article.as_str().to_string()
    }

    pub fn corrected_article(&self) -> String {
        self.inputs.corrected_article.as_str().to_string()
    }

    /// The exact quotes, for the JavaScript matcher to search for.
    pub fn quotes(&self) -> Vec<String> {
        self.inputs
            .annotations
            .iter()
            .map(|annotation| annotation.quote.exact.clone())
            .collect()
    }

    /// The annotations in the widget's stored form, to preload localStorage.
    pub fn stored_value(&self, article_key: &str) -> String {
        encode_annotations(
            article_key,
            &Snapshot {
                annotations: self.inputs.annotations.clone(),
                tombstones: Vec::new(),
            },
        )
    }

    /// Re-anchors every annotation in the unchanged article; returns how many are certain.
    pub fn reanchor_unchanged(&self) -> usize {
        let mut annotations = self.inputs.annotations.clone();
        reanchor_all(&self.inputs.article, &mut annotations);
        annotations
            .iter()
            .filter(|annotation| annotation.anchor == AnchorStatus::Anchored)
            .count()
    }

    /// Re-anchors every annotation in the corrected article; returns how many are drawn.
    pub fn reanchor_corrected(&self) -> usize {
        let mut annotations = self.inputs.annotations.clone();
        reanchor_all(&self.inputs.corrected_article, &mut annotations);
        annotations
            .iter()
            .filter(|annotation| annotation.anchor.is_drawn())
            .count()
    }

    /// The bare Myers search, like for like with approx-string-match: every quote over the whole
    /// corrected article, up to one error per four characters. Returns the total hit count.
    pub fn search_whole_text(&self) -> usize {
        let text: Vec<char> = self.inputs.corrected_article.as_str().chars().collect();
        self.inputs
            .annotations
            .iter()
            .map(|annotation| {
                let pattern: Vec<char> = annotation.quote.exact.chars().collect();
                CompiledPattern::new(&pattern)
                    .search(&text, pattern.len() / 4)
                    .len()
            })
            .sum()
    }

    /// How many quotes are found by the matcher at all (for checking the inputs).
    pub fn normalized_length(&self) -> usize {
        normalize(self.inputs.corrected_article.as_str()).len()
    }
}
