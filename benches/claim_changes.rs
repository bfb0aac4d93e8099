//! What a host page hears about after each change (criterion): `core::annotation_changes`
//! between the claims before and after one add, one retag and one delete, with 1,000 claims.
//! The reducer shares every untouched claim (the same `Rc`) between the two lists, as here.
//! Run: cargo bench --bench claim_changes

use std::hint::black_box;
use std::rc::Rc;

use claim_annotator::core::annotation::Annotation;
use claim_annotator::core::annotation_changes::changes_between;
use claim_annotator::core::char_range::CharRange;
use claim_annotator::core::source_text::SourceText;
use claim_annotator::core::tag::Tag;
use criterion::{criterion_group, criterion_main, Criterion};

/// `count` claims of three words each, side by side in a text of as many sentences.
fn claims(count: usize) -> (SourceText, Vec<Rc<Annotation>>) {
    let text = SourceText::new("The minister said that. ".repeat(count + 1));
    let annotations = (0..count)
        .map(|number| {
            let start = number * 24;
            let tag = [Tag::Allegation, Tag::Denial, Tag::Demand][number % 3].clone();
            Rc::new(Annotation::describe(
                &text,
                CharRange::new(start, start + 17),
                tag,
                format!("claim-{number:04}"),
                1,
            ))
        })
        .collect();
    (text, annotations)
}

fn claim_changes(criterion: &mut Criterion) {
    let (text, before) = claims(1000);
    let middle = 500;
    let mut added = before.clone();
    added.insert(
        middle,
        Rc::new(Annotation::describe(
            &text,
            CharRange::new(middle * 24 + 18, middle * 24 + 22),
            Tag::Demand,
            "claim-new".into(),
            2,
        )),
    );
    let mut retagged = before.clone();
    retagged[middle] = Rc::new(Annotation {
        tag: Tag::Demand,
        ..(*before[middle]).clone()
    });
    let mut deleted = before.clone();
    deleted.remove(middle);
    let mut group = criterion.benchmark_group("changes between 1,000 claims");
    for (name, after) in [
        ("one added", &added),
        ("one retagged", &retagged),
        ("one deleted", &deleted),
    ] {
        group.bench_function(name, |bench| {
            bench.iter(|| changes_between(black_box(&before), black_box(after)).len())
        });
    }
    group.finish();
}

criterion_group!(benches, claim_changes);
criterion_main!(benches);
