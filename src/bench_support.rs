//! Deterministic inputs for the anchoring benchmarks (feature `bench-support`): a generated
//! article, annotations spread over it, and a corrected copy in which every quote changed.
//! Never compiled into the widget.

#[cfg(target_arch = "wasm32")]
pub mod wasm_exports;

use crate::core::annotation::Annotation;
use crate::core::char_range::CharRange;
use crate::core::source_text::SourceText;
use crate::core::tag::Tag;
use crate::core::word_snap::snap_to_words;

pub struct AnchoringInputs {
    pub article: SourceText,
    pub annotations: Vec<Annotation>,
    /// The article with one letter changed inside every quote and a paragraph added at the
    /// top, so no annotation can be anchored by position or by exact search.
    pub corrected_article: SourceText,
}

const WORDS: &[&str] = &[
    "rights",
    "groups",
    "letter",
    "council",
    "officials",
    "denied",
    "urged",
    "inquiry",
    "minister",
    "claims",
    "report",
    "independent",
    "investigation",
    "detained",
    "activists",
    "statement",
    "government",
    "evidence",
    "spokesperson",
    "international",
    "committee",
    "allegations",
    "groundless",
    "demanded",
    "release",
    "journalists",
    "monitor",
    "annual",
    "session",
    "special",
    "surveillance",
    "network",
    "repression",
    "freedom",
    "academic",
    "threat",
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "that",
    "was",
    "for",
    "on",
    "with",
    "as",
    "by",
    "said",
    "called",
];

pub fn generate(article_chars: usize, annotation_count: usize) -> AnchoringInputs {
    let mut random = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut text = String::with_capacity(article_chars + 200);
    let mut sentence_in_paragraph = 0;
    while text.chars().count() < article_chars {
        let words = 8 + random.below(14);
        for index in 0..words {
            let word = WORDS[random.below(WORDS.len())];
            if index == 0 {
                let mut letters = word.chars();
                text.extend(letters.next().map(|first| first.to_ascii_uppercase()));
                text.push_str(letters.as_str());
            } else {
                text.push(' ');
                text.push_str(word);
            }
            if random.below(9) == 0 {
                text.push_str(&format!(" {}", random.below(2030)));
            }
        }
        text.push('.');
        sentence_in_paragraph += 1;
        if sentence_in_paragraph >= 4 + random.below(3) {
            text.push_str("\n\n");
            sentence_in_paragraph = 0;
        } else {
            text.push(' ');
        }
    }
    let article = SourceText::new(text.trim_end());
    let length = article.len_chars();
    let annotations: Vec<Annotation> = (0..annotation_count)
        .filter_map(|index| {
            let start = index * (length - 100) / annotation_count + random.below(40);
            let range = snap_to_words(
                &article,
                CharRange::new(start, start + 30 + random.below(60)),
            )?;
            let tag = Tag::ALL[index % 3].clone();
            Some(Annotation::describe(
                &article,
                range,
                tag,
                format!("bench-{index}"),
                1_700_000_000_000,
            ))
        })
        .collect();
    let corrected_article = SourceText::new(correct_every_quote(article.as_str(), &annotations));
    AnchoringInputs {
        article,
        annotations,
        corrected_article,
    }
}

/// Changes one letter in the middle of every quote (from the end backwards, so earlier
/// positions hold) and adds a paragraph at the top.
fn correct_every_quote(text: &str, annotations: &[Annotation]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let mut middles: Vec<usize> = annotations
        .iter()
        .map(|annotation| (annotation.range.start + annotation.range.end) / 2)
        .collect();
    middles.sort_unstable();
    middles.dedup();
    for middle in middles.into_iter().rev() {
        if let Some(ch) = chars.get_mut(middle) {
            *ch = if *ch == 'q' { 'z' } else { 'q' };
        }
    }
    format!(
        "Correction: this article was updated after publication.\n\n{}",
        chars.into_iter().collect::<String>()
    )
}

struct XorShift(u64);

impl XorShift {
    fn below(&mut self, bound: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % bound as u64) as usize
    }
}
