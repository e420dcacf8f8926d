//! End-to-end tests on fixture articles written for this repository.

use khronika::export::json::DocumentRecord;
use khronika::{analyze, Document, Mod};

const KOSTANAY: &str = include_str!("fixtures/kostanay-2020-03-20.txt");
const SAMPLE: &str = include_str!("../examples/sample/article.txt");

fn values(input: &str) -> Vec<(String, String, Option<Mod>)> {
    let doc = Document::parse(input).unwrap();
    let text = doc.text();
    analyze(&doc).mentions.iter().map(|m| (m.text(text).to_string(), m.value.to_string(), m.modifier)).collect()
}

#[test]
fn fixture_mentions_are_exactly_these() {
    let got = values(KOSTANAY);
    let want = [
        ("до 18.00", "2020-03-20T18:00", Some(Mod::Before)),
        ("сегодня", "2020-03-20", None),
        ("17 марта", "2020-03-17", None),
        ("18 марта", "2020-03-18", None),
        ("Утром 19 марта", "2020-03-19TMO", None),
        ("13 марта", "2020-03-13", None),
        ("16 марта", "2020-03-16", None),
        ("до 15 апреля 2020 года", "2020-04-15", Some(Mod::Before)),
        ("20 марта", "2020-03-20", None),
    ];
    let want: Vec<(String, String, Option<Mod>)> =
        want.iter().map(|(a, b, m)| (a.to_string(), b.to_string(), *m)).collect();
    assert_eq!(got, want);
}

#[test]
fn fixture_timeline_is_ordered_and_joins_the_interval() {
    let doc = Document::parse(KOSTANAY).unwrap();
    let timeline = analyze(&doc).timeline;
    let when: Vec<String> = timeline.iter().map(|e| e.when.to_string()).collect();
    assert_eq!(
        when,
        [
            "2020-03-13",
            "2020-03-16/2020-04-15",
            "2020-03-17",
            "2020-03-18",
            "2020-03-19TMO",
            "2020-03-20",
            "2020-03-20",
            "2020-03-20T18:00"
        ]
    );
    let emergency = timeline.iter().find(|e| e.when.to_string() == "2020-03-16/2020-04-15").unwrap();
    assert!(emergency.text.contains("Режим чрезвычайного положения"));
    assert_eq!(emergency.mentions.len(), 2);
}

#[test]
fn spans_are_exact_on_every_fixture() {
    for input in [KOSTANAY, SAMPLE, include_str!("fixtures/merge/a.txt"), include_str!("fixtures/merge/b.txt")] {
        let doc = Document::parse(input).unwrap();
        let text = doc.text();
        let analysis = analyze(&doc);
        assert!(!analysis.mentions.is_empty());
        let record = DocumentRecord::new(&doc, &analysis);
        for (m, r) in analysis.mentions.iter().zip(&record.mentions) {
            assert_eq!(&text[m.span()], r.text);
            assert_eq!(text[..m.span().start].chars().count(), r.start);
            assert_eq!(text[..m.span().end].chars().count(), r.end);
            let sentence = analysis.sentences.get(m.sentence()).unwrap();
            assert!(sentence.bytes.start <= m.span().start && m.span().end <= sentence.bytes.end);
        }
        // And the spans point into the caller's input, shifted by the header.
        for m in &analysis.mentions {
            let at = doc.text_offset() + m.span().start;
            assert_eq!(&input[at..at + m.span().len()], m.text(text));
        }
    }
}

#[test]
fn sample_article_has_what_the_example_promises() {
    let doc = Document::parse(SAMPLE).unwrap();
    let analysis = analyze(&doc);
    assert!(analysis.mentions.len() >= 12);
    let all: Vec<String> = analysis.mentions.iter().map(|m| m.value.to_string()).collect();
    assert!(all.iter().any(|v| v.contains('/')), "an interval: {all:?}");
    assert!(all.iter().any(|v| v.contains('T') && v.contains(':')), "a clock time: {all:?}");
    assert!(all.iter().any(|v| v.starts_with("2019")), "across the year boundary: {all:?}");
}

#[test]
fn timeline_round_trips_through_json() {
    let doc = Document::parse(SAMPLE).unwrap();
    let timeline = analyze(&doc).timeline;
    let json = serde_json::to_string(&timeline).unwrap();
    let back: khronika::Timeline = serde_json::from_str(&json).unwrap();
    assert_eq!(back, timeline);
    let days = timeline.by_day();
    assert!(days.keys().zip(days.keys().skip(1)).all(|(a, b)| a < b));
}

/// Serde of the analysis writes characters under `start`/`end` and bytes under
/// `byte_start`/`byte_end`, for sentences, mentions and events alike.
#[test]
fn analysis_json_counts_characters() {
    let text = "Ёлку убрали 16 марта. В Алматы выявили 9 случаев 17 марта.";
    let input = format!("date 2020-03-20\n{text}");
    let doc = Document::parse(&input).expect("header");
    let a = analyze(&doc);
    let v: serde_json::Value = serde_json::to_value(&a).expect("serializable");
    let second = &v["sentences"][1];
    assert_eq!(second["start"], 22);
    assert_eq!(second["byte_start"], "Ёлку убрали 16 марта. ".len());
    let m = &v["mentions"][0];
    assert_eq!((m["start"].as_u64(), m["byte_start"].as_u64()), (Some(12), Some("Ёлку убрали ".len() as u64)));
    let e = &v["timeline"]["events"][0]["sentence"];
    assert_eq!((e["start"].as_u64(), e["end"].as_u64()), (Some(0), Some(21)));
}
