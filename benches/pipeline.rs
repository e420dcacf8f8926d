//! Throughput of the whole pipeline on the bundled sample article.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use khronika::{analyze, Document};

const SAMPLE: &str = include_str!("../examples/sample/article.txt");

fn sample(c: &mut Criterion) {
    let doc = Document::parse(SAMPLE).expect("the sample article parses");
    let mut group = c.benchmark_group("sample");
    group.throughput(Throughput::Bytes(doc.text().len() as u64));
    group.bench_function("analyze", |b| b.iter(|| analyze(std::hint::black_box(&doc))));
    group.finish();
}

criterion_group!(benches, sample);
criterion_main!(benches);
