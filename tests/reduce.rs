//! The merge as a reduce (`khronika::corpus::read_merged`): a corpus split into parts, each
//! part merged and written as `--merge --format json` writes it, the parts read back and
//! merged, gives the very bytes of the merge of the whole; a merged timeline merged with
//! nothing is itself; a text that is not a merged timeline is a typed error that says where.
//! (The generated corpora of `tests/merge.rs` check the same through JSON, as a property.)

#![cfg(feature = "json")]

use khronika::corpus::{self, read_merged, ReadError};
use khronika::export::Format;
use khronika::{analyze, Document, Timeline};

/// The fixture articles (three outlets' reports of the same days in one region), each also
/// under a second id, so that every happening is told by several documents.
fn corpus() -> Vec<Timeline> {
    let texts = [
        include_str!("fixtures/merge/a.txt"),
        include_str!("fixtures/merge/b.txt"),
        include_str!("fixtures/merge/c.txt"),
    ];
    let mut timelines = Vec::new();
    for copy in ["", "-copy"] {
        for (name, text) in ["a", "b", "c"].iter().zip(texts) {
            let doc = Document::parse(text).expect("a fixture document").with_id(format!("{name}{copy}"));
            timelines.push(analyze(&doc).timeline);
        }
    }
    timelines
}

/// A merged timeline as the example's `--merge --format json` writes it.
fn json(t: &Timeline) -> String {
    let mut out = Vec::new();
    corpus::write_merged(&mut out, Format::Json, None, t).expect("a timeline writes");
    String::from_utf8(out).expect("UTF-8 JSON")
}

/// Merges each part, writes it, reads the parts back and merges them: the JSON of that.
fn reduce(parts: &[Vec<Timeline>]) -> String {
    let read: Vec<Timeline> = parts
        .iter()
        .map(|part| read_merged("part", &json(&Timeline::merge(part.clone()))).expect("a part reads back"))
        .collect();
    json(&Timeline::merge(read))
}

#[test]
fn every_split_of_the_corpus_reduces_to_the_one_shot_merge() {
    let docs = corpus();
    let whole = json(&Timeline::merge(docs.clone()));
    let merged = Timeline::merge(docs.clone());
    assert!(merged.iter().any(|e| e.sources.len() >= 4), "the fixtures share happenings: {whole}");
    assert!(!merged.undated().is_empty());
    // Every way of putting six documents into three parts (3^6), each part in input order.
    for split in 0..3usize.pow(docs.len() as u32) {
        let mut parts = vec![Vec::new(); 3];
        let mut code = split;
        for doc in &docs {
            parts[code % 3].push(doc.clone());
            code /= 3;
        }
        assert_eq!(reduce(&parts), whole, "split {split}");
        if split % 37 == 0 {
            // The parts in another order, and nested: ((p2 + p0) + p1), each step through JSON.
            parts.rotate_left(2);
            assert_eq!(reduce(&parts), whole, "split {split}, rotated");
            let inner = read_merged("inner", &reduce(&parts[..2])).expect("reads back");
            let last = read_merged("p", &json(&Timeline::merge(parts[2].clone()))).expect("reads back");
            assert_eq!(json(&Timeline::merge([inner, last])), whole, "split {split}, nested");
        }
    }
}

#[test]
fn parts_written_one_after_the_other_read_as_their_merge() {
    let docs = corpus();
    let whole = json(&Timeline::merge(docs.clone()));
    // What `cat part-*` of a Spark job gives: the parts' JSON one after the other (an empty
    // part included, with and without white space between).
    let mut concatenated = String::new();
    for part in [&docs[..2], &docs[2..2], &docs[2..5], &docs[5..]] {
        concatenated.push_str(&json(&Timeline::merge(part.to_vec())));
    }
    assert_eq!(json(&read_merged("parts", &concatenated).expect("the parts read")), whole);
    let compact: String = docs.iter().map(|t| serde_json::to_string(&Timeline::merge([t.clone()])).unwrap()).collect();
    assert_eq!(json(&read_merged("compact", &compact).expect("the parts read")), whole);
}

#[test]
fn a_merged_timeline_merged_with_nothing_is_itself() {
    let merged = json(&Timeline::merge(corpus()));
    let back = read_merged("merged.json", &merged).expect("reads back");
    assert_eq!(json(&back), merged, "read back");
    assert_eq!(json(&Timeline::merge([back.clone()])), merged, "merged with nothing");
    assert_eq!(json(&Timeline::merge([back.clone(), back])), merged, "merged with itself");
    let empty = read_merged("empty.json", &json(&Timeline::default())).expect("an empty timeline reads");
    assert!(empty.is_empty() && empty.undated().is_empty());
}

/// The reason and place of the error reading `text`.
fn error(text: &str) -> (String, usize, usize) {
    match read_merged("p.json", text) {
        Err(ReadError::Merged { name, line, column, reason }) => {
            assert_eq!(name, "p.json");
            (reason, line, column)
        }
        other => panic!("{text:?}: expected a Merged error, got {other:?}"),
    }
}

#[test]
fn what_is_not_a_merged_timeline_is_told_where() {
    let good = json(&Timeline::merge(corpus()));
    let (reason, line, _) = error(&good.replacen("\"when\": \"2020-", "\"when\": \"2020-13-", 1));
    assert!(reason.starts_with("invalid TIMEX3 value \"2020-13-"), "{reason}");
    assert!(line > 2, "the line of the bad value: {line}");
    assert_eq!(error("{\"undated\": []}"), ("missing field `events`".into(), 1, 15));
    assert_eq!(error("{\"events\": {}}").0, "invalid type: map, expected a sequence");
    assert_eq!(error("{\"events\": []} x").0, "expected value");
    assert_eq!(error("{\"events\": [").0, "EOF while parsing a list");
    assert_eq!(error("7").0, "invalid type: integer `7`, expected struct Timeline");
    let (reason, _, _) = error(" \n");
    assert!(reason.starts_with("no timeline"), "{reason}");
    // A document record (what plain `--jsonl` writes) is not a merged timeline: its spans
    // have no byte offsets, which the merge needs.
    let record = r#"{"date": "2020-03-20", "events": [{"when": "2020-03-19", "sentence": {"start": 0, "end": 5}}]}"#;
    assert!(error(record).0.starts_with("missing field `byte_start`"), "{:?}", error(record));
    let message = read_merged("p.json", "{\"undated\": []}").unwrap_err().to_string();
    assert_eq!(message, "p.json: not a merged timeline: missing field `events` at line 1, column 15");
}

#[test]
fn figures_read_back_to_the_bit() {
    // A figure computed digit by digit and multiplied (`1 000,99...`) is not always the
    // float its shortest decimal names when read the fast way; read back it must be.
    let text =
        "date 2020-03-20\nВчера в Алматы выявлено 2,3 млн случаев. Сегодня на поддержку выделено 1,7 млрд тенге.";
    let t = Timeline::merge([analyze(&Document::parse(text).unwrap().with_id("f")).timeline]);
    let mut values: Vec<f64> = t.iter().flat_map(|e| e.figures.iter().map(|f| f.value)).collect();
    assert!(!values.is_empty(), "{}", json(&t));
    values.extend([1000999.9999999999, 0.1 + 0.2, 134000000.00000001, 1000.9999999999999]);
    for v in values {
        let back: f64 = serde_json::from_str(&serde_json::to_string(&v).unwrap()).unwrap();
        assert_eq!(back.to_bits(), v.to_bits(), "{v:?}");
    }
    assert_eq!(json(&read_merged("f", &json(&t)).unwrap()), json(&t));
}
