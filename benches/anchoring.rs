//! Native anchoring benchmarks (criterion): a generated 200,000-character article with 1,000
//! annotations. Run: cargo bench --features bench-support --bench anchoring
//! The same inputs are timed in headless Chromium by bench/anchoring-browser.mjs.

use claim_annotator::bench_support::generate;
use claim_annotator::core::anchoring::reanchor_all;
use claim_annotator::core::annotation::Annotation;
use claim_annotator::core::annotation_state::{Action, AnnotationState};
use claim_annotator::core::article::parse_article;
use claim_annotator::core::char_range::CharRange;
use claim_annotator::core::merge::Snapshot;
use claim_annotator::core::segments::segment_piece;
use claim_annotator::core::tag::Tag;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn anchoring(criterion: &mut Criterion) {
    let inputs = generate(200_000, 1_000);
    let mut group = criterion.benchmark_group("anchoring 1000 annotations in 200k characters");
    group.sample_size(20);
    group.bench_function("re-anchor, nothing changed", |bench| {
        bench.iter(|| {
            let mut annotations = inputs.annotations.clone();
            black_box(reanchor_all(&inputs.article, &mut annotations))
        })
    });
    group.bench_function("re-anchor, every quote approximate", |bench| {
        bench.iter(|| {
            let mut annotations = inputs.annotations.clone();
            black_box(reanchor_all(&inputs.corrected_article, &mut annotations))
        })
    });
    // What the UI computes to show one more highlight: the reducer's Add, then the segments
    // of every piece of the article.
    let article = parse_article(inputs.article.as_str()).expect("the generated article parses");
    let mut state = AnnotationState::default();
    state.apply(Action::Load(Snapshot {
        annotations: inputs.annotations.clone(),
        tombstones: Vec::new(),
    }));
    group.bench_function("add one highlight while 1000 are shown", |bench| {
        bench.iter(|| {
            let mut state = state.clone();
            let new = Annotation::describe(
                &article.text,
                CharRange::new(500, 540),
                Tag::Demand,
                "new".into(),
                1,
            );
            state.apply(Action::Add(new));
            let ranges: Vec<CharRange> = state
                .annotations()
                .iter()
                .map(|annotation| annotation.range)
                .collect();
            let segments: usize = article
                .annotatable_ranges()
                .map(|piece| segment_piece(piece, &ranges).len())
                .sum();
            black_box(segments)
        })
    });
    group.finish();
}

criterion_group!(benches, anchoring);
criterion_main!(benches);
