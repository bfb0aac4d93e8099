//! The speaker names of a 1 MB article (criterion): the seed article repeated, and an article
//! of about 12,000 sentences that each name two people named nowhere else (about 24,000
//! distinct names), where counting each mention by a search of the names found so far was
//! quadratic. Run: cargo bench --bench name_suggestions

use claim_annotator::core::name_suggestions::name_suggestions;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

const SEED: &str = include_str!("../static/article.txt");

/// About 1 MB of sentences, each naming two invented people nobody else in the text names.
fn many_distinct_names() -> String {
    const SYLLABLES: [&str; 16] = [
        "ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "be", "do", "fa", "gu", "ho", "ji", "pe",
        "su",
    ];
    let invented = |number: usize| {
        let mut name = String::from("Q");
        let mut rest = number;
        for _ in 0..4 {
            name.push_str(SYLLABLES[rest % 16]);
            rest /= 16;
        }
        name
    };
    let mut text = String::new();
    let mut number = 0;
    while text.len() < 1_000_000 {
        text.push_str(&format!(
            "said {} {} on Tuesday, and the ministry replied that it would not comment. ",
            invented(number),
            invented(number + 30_000)
        ));
        if number % 5 == 4 {
            text.push_str("\n\n");
        }
        number += 1;
    }
    text
}

fn names(criterion: &mut Criterion) {
    let repeated = vec![SEED; 250].join("\n\n");
    let distinct = many_distinct_names();
    let mut group = criterion.benchmark_group("speaker names of a 1 MB article");
    group.sample_size(10);
    group.bench_function("the seed article 250 times", |bench| {
        bench.iter(|| black_box(name_suggestions(&repeated)))
    });
    group.bench_function("12,000 sentences, each naming two new people", |bench| {
        bench.iter(|| black_box(name_suggestions(&distinct)))
    });
    group.finish();
}

criterion_group!(benches, names);
criterion_main!(benches);
