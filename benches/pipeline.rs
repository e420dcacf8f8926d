//! Throughput of khronika's pipeline on generated Russian news text.
//!
//! ```text
//! cargo bench --bench pipeline                                 # everything
//! cargo bench --bench pipeline -- stage/                       # one group
//! cargo bench --bench pipeline -- --save-baseline main         # record a baseline
//! cargo bench --bench pipeline -- --baseline main              # compare against it
//! ```
//!
//! - `stage/*`: each stage over the same ~1 MB of articles (one [`Document`] per article):
//!   `tokenize` ([`Tokens::with_lookalikes`], Russian), `sentences` ([`split_sentences`] on
//!   ready tokens), `scan` (the grammar alone with its per-sentence lexicon lookups, on ready
//!   tokens and sentences), `extract` (tokenize +
//!   sentences + grammar + resolution: [`khronika::extract`]), `timeline` (events from ready
//!   tokens, sentences and mentions), `analyze` (document → mentions + timeline: [`khronika::analyze`]),
//!   `json` (the corpus CLI's output record from a ready analysis, serialized).
//! - `size/*`: [`khronika::analyze`] on one document of 1 KB, 100 KB and 10 MB: the
//!   throughput should not fall with the size.
//! - `floor/*`: a plain pass over the same articles (words split, nothing else), the floor
//!   the pipeline is compared with.
//!
//! Throughput is bytes of UTF-8 text (Cyrillic is two bytes a letter).

mod common;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use khronika::export::json::DocumentRecord;
use khronika::internals::Found;
use khronika::internals::Scanner;
use khronika::internals::{split_sentences, Tokens};
use khronika::internals::{LOOKALIKES, SENTENCES};
use khronika::{Document, Published};
use std::hint::black_box;
use std::time::Duration;

/// Bytes of article text the stage and floor groups run over.
const STAGE_BYTES: usize = 1_000_000;

fn documents(articles: &[common::Article]) -> Vec<Document<'_>> {
    articles
        .iter()
        .map(|a| Document::new(a.date.parse::<Published>().expect("generated date"), a.text.as_str()))
        .collect()
}

fn stages(c: &mut Criterion) {
    let articles = common::articles(common::SEED, STAGE_BYTES);
    let docs = documents(&articles);
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let tokens: Vec<Tokens> = docs.iter().map(|d| Tokens::with_lookalikes(d.text(), &LOOKALIKES)).collect();
    let sentences: Vec<_> = tokens.iter().map(|t| split_sentences(t, &SENTENCES)).collect();
    let analyses: Vec<_> = docs.iter().map(khronika::analyze).collect();

    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("tokenize", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(Tokens::with_lookalikes(black_box(d.text()), &LOOKALIKES));
            }
        })
    });
    g.bench_function("sentences", |b| {
        b.iter(|| {
            for t in &tokens {
                black_box(split_sentences(black_box(t), &SENTENCES));
            }
        })
    });
    g.bench_function("scan", |b| {
        let mut found: Vec<Found> = Vec::new();
        let mut scanner = Scanner::new();
        b.iter(|| {
            for (t, ss) in tokens.iter().zip(&sentences) {
                for s in ss {
                    found.clear();
                    scanner.scan(t, s.tokens.clone(), &mut found);
                    black_box(&found);
                }
            }
        })
    });
    g.bench_function("extract", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(khronika::extract(black_box(d)));
            }
        })
    });
    g.bench_function("timeline", |b| {
        b.iter(|| {
            for (((d, a), t), s) in docs.iter().zip(&analyses).zip(&tokens).zip(&sentences) {
                black_box(khronika::internals::timeline(d.text(), d.id(), t, s, &a.mentions));
            }
        })
    });
    g.bench_function("analyze", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(khronika::analyze(black_box(d)));
            }
        })
    });
    g.bench_function("json", |b| {
        b.iter(|| {
            for (d, a) in docs.iter().zip(&analyses) {
                let line = serde_json::to_string(&DocumentRecord::new(d, a)).expect("serializable");
                black_box(line);
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("floor");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("split_whitespace", |b| {
        b.iter(|| docs.iter().map(|d| black_box(d.text()).split_whitespace().count()).sum::<usize>())
    });
    g.bench_function("char_class", |b| b.iter(|| docs.iter().map(|d| words(black_box(d.text()))).sum::<usize>()));
    g.finish();
}

/// Counts words (runs of alphanumeric characters) with a char-class loop: the floor for any
/// tokenizer that decodes UTF-8.
fn words(text: &str) -> usize {
    let mut n = 0;
    let mut inside = false;
    for c in text.chars() {
        let w = c.is_alphanumeric();
        n += usize::from(w && !inside);
        inside = w;
    }
    n
}

fn sizes(c: &mut Criterion) {
    let mut g = c.benchmark_group("size");
    for (name, bytes) in [("1KB", 1_000), ("100KB", 100_000), ("10MB", 10_000_000)] {
        let text = common::text(common::SEED, bytes);
        let doc = Document::new("2020-03-20".parse::<Published>().expect("date"), &text);
        g.throughput(Throughput::Bytes(text.len() as u64));
        if bytes >= 10_000_000 {
            g.sample_size(10).sampling_mode(SamplingMode::Flat).measurement_time(Duration::from_secs(20));
        }
        g.bench_function(format!("analyze/{name}"), |b| b.iter(|| black_box(khronika::analyze(black_box(&doc)))));
    }
    g.finish();
}

criterion_group!(benches, stages, sizes);
criterion_main!(benches);
