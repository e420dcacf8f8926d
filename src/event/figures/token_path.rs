//! The figure and place engines on the token path: every row of `tests/corpus/figures.tsv`
//! and `tests/corpus/places.tsv`, read as one sentence of a bigger document (all rows of the
//! file, tokenized once), gives what the row expects, and the same as the public
//! [`figures`](super::figures) / [`places`](crate::event::places::places) on the row alone.

use super::{figures, figures_in, FigureWhat};
use crate::event::places::{places, places_in};
use crate::text::Tokens;
use std::ops::Range;

/// The rows of a TSV file (sentence, expectation), all sentences as one document (a blank
/// line between them), and each row's token range in it.
struct Rows<'a> {
    rows: Vec<(usize, &'a str, &'a str)>,
    doc: String,
    tokens: Tokens,
    ranges: Vec<Range<usize>>,
}

fn rows(tsv: &str) -> Rows<'_> {
    let rows: Vec<(usize, &str, &str)> = tsv
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(n, l)| {
            let (s, e) = l.split_once('\t').unwrap_or_else(|| panic!("line {}: no tab", n + 1));
            (n + 1, s, e)
        })
        .collect();
    let mut doc = String::new();
    let mut spans = Vec::new();
    for (_, s, _) in &rows {
        let start = doc.len();
        doc.push_str(s);
        spans.push(start..doc.len());
        doc.push_str("\n\n");
    }
    let tokens = Tokens::new(&doc);
    let ts = tokens.as_slice();
    let ranges = spans
        .iter()
        .map(|s| {
            let first = ts.partition_point(|t| t.start < s.start);
            let last = ts.partition_point(|t| t.end <= s.end);
            first..last.max(first)
        })
        .collect();
    Rows { rows, doc, tokens, ranges }
}

fn parse_what(s: &str) -> FigureWhat {
    serde_json::from_str(&format!("\"{s}\"")).unwrap_or_else(|_| panic!("bad what {s}"))
}

#[test]
fn figures_corpus_on_document_tokens() {
    let tsv = include_str!("../../../tests/corpus/figures.tsv");
    let r = rows(tsv);
    let mut failures = Vec::new();
    for ((line, sentence, expected), range) in r.rows.iter().zip(&r.ranges) {
        let expected: Vec<(f64, &str, FigureWhat, bool)> = if expected.trim() == "-" {
            Vec::new()
        } else {
            expected
                .split(';')
                .map(|f| {
                    let p: Vec<&str> = f.trim().split('|').collect();
                    assert_eq!(p.len(), 4, "line {line}: bad figure {f}");
                    (p[0].parse().expect("value"), p[1], parse_what(p[2]), p[3] == "true")
                })
                .collect()
        };
        let got = figures_in(&r.doc, &r.tokens, range.clone());
        let offset = r.tokens.get(range.start).map_or(0, |t| t.start);
        let mut alone = figures(sentence);
        for f in &mut alone {
            f.span = f.span.start + offset..f.span.end + offset;
        }
        let same = got.len() == expected.len()
            && got.iter().zip(&expected).all(|(g, e)| {
                (g.value - e.0).abs() <= 1e-9 * e.0.abs().max(1.0) && g.unit == e.1 && g.what == e.2 && g.approx == e.3
            });
        if !same || got != alone {
            let got: Vec<String> =
                got.iter().map(|g| format!("{}|{}|{:?}|{}", g.value, g.unit, g.what, g.approx)).collect();
            failures.push(format!("line {line}: {sentence}\n  expected {expected:?}\n  got      {got:?}"));
        }
    }
    assert!(r.rows.len() >= 45, "only {} rows", r.rows.len());
    assert!(failures.is_empty(), "{} failing rows:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn places_corpus_on_document_tokens() {
    let tsv = include_str!("../../../tests/corpus/places.tsv");
    let r = rows(tsv);
    let mut failures = Vec::new();
    for ((line, sentence, expected), range) in r.rows.iter().zip(&r.ranges) {
        let expected: Vec<&str> =
            if expected.trim() == "-" { Vec::new() } else { expected.split(',').map(str::trim).collect() };
        let got = places_in(&r.doc, &r.tokens, range.clone());
        let names: Vec<&str> = got.iter().map(|m| m.name).collect();
        let offset = r.tokens.get(range.start).map_or(0, |t| t.start);
        let mut alone = places(sentence);
        for m in &mut alone {
            m.span = m.span.start + offset..m.span.end + offset;
        }
        if names != expected || got != alone {
            failures.push(format!("line {line}: {sentence}\n  expected {expected:?}\n  got      {names:?}"));
        }
    }
    assert!(r.rows.len() >= 45, "only {} rows", r.rows.len());
    assert!(failures.is_empty(), "{} failing rows:\n{}", failures.len(), failures.join("\n"));
}
