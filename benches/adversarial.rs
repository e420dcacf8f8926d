//! Pathological inputs at two sizes (100 KB and 1 MB), analysed end to end: if time is
//! linear in the input, the throughput (MiB/s) is the same at both sizes.
//!
//! ```text
//! cargo bench --bench adversarial
//! cargo bench --bench adversarial -- digits     # one input
//! ```

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use khronika::{analyze, Document};
use std::hint::black_box;
use std::time::Duration;

/// `unit` repeated to `size` bytes (at least once).
fn fill(unit: &str, size: usize) -> String {
    unit.repeat((size / unit.len()).max(1))
}

/// The inputs, by name, at a size in bytes.
fn inputs(size: usize) -> Vec<(&'static str, String)> {
    let distinct: String = {
        let months = ["января", "марта", "мая", "июля", "сентября", "ноября"];
        let mut s = String::new();
        let mut i = 0;
        while s.len() < size {
            s.push_str(&format!("{} {} {} года ", i % 28 + 1, months[i % 6], 1000 + i % 2000));
            i += 1;
        }
        s
    };
    vec![
        ("no_spaces", fill("абв16марта2020г.«x»—17.00,ЁЛКИ;", size)),
        ("one_word", "а".repeat(size / 2)),
        ("digits", "7".repeat(size)),
        ("16_marta", fill("16 марта ", size)),
        ("dates_and_verbs", fill("16 марта ввели ", size)),
        ("distinct_dates", distinct),
        ("nested_quotes", format!("{}16 марта{}", "«".repeat(size / 4), "»".repeat(size / 4))),
        ("punctuation", fill(".,;:!?…—«»()", size)),
        ("invisible_marks", fill("ма\u{ad}р\u{200b}та\u{301} 1\u{200f}6 \u{feff}", size)),
        ("crlf_lines", fill("16 марта\r\nвчера\rсегодня до 17.00\r\n\r\n", size)),
    ]
}

fn adversarial(c: &mut Criterion) {
    let published = NaiveDate::from_ymd_opt(2020, 3, 20).expect("a real date");
    let mut group = c.benchmark_group("adversarial");
    group.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
    for size in [100_000, 1_000_000] {
        for (name, text) in inputs(size) {
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, size), &text, |b, text| {
                b.iter(|| analyze(&Document::new(published, black_box(text))))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, adversarial);
criterion_main!(benches);
