//! Adversarial inputs: what a scraper can hand the library, and inputs the fuzzers found.
//!
//! Every test checks that nothing panics and that the analysis keeps every invariant of
//! `common::check` (spans, order, values that read back, JSON round trip). None asserts on
//! time: `benches/adversarial.rs` measures the big inputs at two sizes to show linearity.

mod common;

use chrono::NaiveDate;
use khronika::{analyze, Analysis, Document, Published, Value};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

/// Analyses `text` published on `published` and checks every invariant.
fn checked(published: impl Into<Published>, text: &str) -> Analysis {
    let doc = Document::new(published, text);
    let a = analyze(&doc);
    if let Err(e) = common::check(&doc, &a) {
        let shown: String = text.chars().take(200).collect();
        panic!("{e}\npublished {}, text {shown:?}", doc.published());
    }
    a
}

/// The mentions of `text` as (surface, value) pairs.
fn values(published: impl Into<Published>, text: &str) -> Vec<(String, String)> {
    checked(published, text).mentions.iter().map(|m| (m.text(text).to_string(), m.value.to_string())).collect()
}

fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

// ---------------------------------------------------------------------------------------
// Crashes found by fuzzing (fuzz/), each kept as it was found and in a minimal form.

/// fuzz `extract`, crash-95d56fde: a range with an absolute start and a year-less end was
/// resolved near the publication year (2000) and moved one year on: `2020-12-28/2001-01-10`,
/// an interval that ends before it starts.
#[test]
fn fuzz_range_end_before_start_extract() {
    let text = "олучить выплату можно нач\u{fffd}\u{1c}\0\0\0\0инаШкольники отдыхают с 28 декабря 2020 года по 10 \
                января с 15 а\u{fffd}выходные\u{fffd}р\u{fffd}\u{fffd}\u{1c}\0\0\0\0Получия 2021 годат.ь выплату можно \
                начиная с 15 апреля.";
    checked(day(2000, 1, 1), text);
    assert_eq!(
        values(day(2000, 1, 1), "Школьники отдыхают с 28 декабря 2020 года по 10 января."),
        pairs(&[("с 28 декабря 2020 года по 10 января", "2020-12-28/2021-01-10")])
    );
}

/// fuzz `document`, crash-7eaeb4e1: the same with the header format and no space before
/// the month (`2020-12-28/2020-01-11`).
#[test]
fn fuzz_range_end_before_start_document() {
    let input = "date 2019-03-20\nк\u{37d}ногот с 28 декабря 2020 года по 11января 203`0.";
    let doc = Document::parse(input).expect("a header");
    let a = analyze(&doc);
    common::check(&doc, &a).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        values(day(2019, 3, 20), "с 28 декабря 2020 года по 11 января."),
        pairs(&[("с 28 декабря 2020 года по 11 января", "2020-12-28/2021-01-11")])
    );
}

/// The same line moved a year-less end into year 10000 at the top of the calendar; such a
/// range now has no mention, and the year-less range of an ordinary year is unchanged.
#[test]
fn range_end_stays_inside_the_calendar() {
    assert_eq!(values(day(9999, 12, 25), "Каникулы с 20 декабря по 10 января."), pairs(&[]));
    assert_eq!(values(day(9999, 7, 1), "Каникулы с 20 декабря по 10 января."), pairs(&[]));
    assert_eq!(
        values(day(2020, 12, 25), "Каникулы с 20 декабря по 10 января."),
        pairs(&[("с 20 декабря по 10 января", "2020-12-20/2021-01-10")])
    );
    assert_eq!(
        values(day(2020, 3, 20), "Каникулы с 28 декабря 2020 года по январь."),
        pairs(&[("с 28 декабря 2020 года по январь", "2020-12-28/2021-01")])
    );
}

/// Found probing the edges of the calendar: the ISO week of 1 and 2 January 0000 belongs
/// to week-year -1, and `в эти выходные`, `неделю назад`, `в прошлые выходные` wrote
/// `-001-W52-WE` / `-001-W52`, which `Value` cannot read. Such values are dropped now.
#[test]
fn iso_weeks_before_year_0000_are_not_written() {
    let text = "На этой неделе, в эти выходные. Неделю назад. В прошлые выходные. Через неделю. В ближайшие выходные.";
    for d in 1..=14 {
        let a = checked(day(0, 1, d), text);
        assert!(a.mentions.iter().all(|m| !m.value.to_string().starts_with('-')), "0000-01-{d:02}");
    }
    assert_eq!(
        values(day(0, 1, 3), "В эти выходные."),
        pairs(&[("эти выходные", "0000-W01-WE")]),
        "the first ISO week of year 0 is still written"
    );
    checked(day(9999, 12, 31), text);
}

/// Found by the `values_round_trip` property: `Value::from_str` read `1000-01-01/0000`, an
/// interval that ends before it starts (first day 1000-01-01, last day 0000-12-31), so a
/// record read back from JSON could hold one. Such intervals are rejected now; an interval
/// whose ends overlap (`2020-03/2020-03-05`) is still read.
#[test]
fn intervals_that_end_before_they_start_are_rejected() {
    use khronika::Error;
    for s in ["1000-01-01/0000", "2020-03-16/2020-03-15", "2021/2020-W12", "2020-Q2/2020-03"] {
        assert!(matches!(s.parse::<Value>(), Err(Error::InvalidValue { .. })), "{s}");
    }
    for s in ["2020-03-16/2020-03-16", "2020-03/2020-03-05", "2020-03-16T17:00/2020-03-16T09:00", "2020/2020-12"] {
        let v: Value = s.parse().unwrap_or_else(|e| panic!("{s}: {e}"));
        common::check_value(&v).unwrap_or_else(|e| panic!("{e}"));
    }
    let json = r#"{"date":"2020-03-20","mentions":[],"events":[{"when":"2020-03-16/2020-03-15","sentence":{"start":0,"end":1},"text":"x","mentions":[]}]}"#;
    assert!(serde_json::from_str::<khronika::export::json::DocumentRecord>(json).is_err());
}

// ---------------------------------------------------------------------------------------
// Inputs that once took more than linear time (no timing here: with the bug these tests do
// not finish; benches/adversarial.rs measures them).

/// One long sentence where dates and past-tense verbs alternate: `tense_near` looked at
/// every cue of the sentence for every mention and scanned the tokens between, cubic time
/// (100 KB took 194 s in a release build).
#[test]
fn long_sentence_of_dates_and_verbs() {
    let text = "16 марта ввели ".repeat(4_000);
    let a = checked(day(2020, 3, 20), &text);
    // Cut into sentences of 256 tokens (see below), a few cuts fall inside `16 | марта`.
    let whole = a.mentions.iter().filter(|m| m.value.to_string() == "2020-03-16").count();
    assert!(whole > 3_900, "{whole}");
    assert!(a.mentions.iter().all(|m| ["2020-03-16", "2020-03"].contains(&m.value.to_string().as_str())));
    let text = format!("ввели {}", "16 мая ".repeat(4_000));
    let a = checked(day(2020, 3, 20), &text);
    // (At the cut, `16 мая 16` reads as 16 May '16.)
    let first: Vec<_> = a.mentions.iter().filter(|m| m.sentence == 0 && m.text(&text) == "16 мая").collect();
    assert!(first.len() > 100);
    assert!(
        first.iter().all(|m| m.value.to_string() == "2019-05-16"),
        "the past tense reaches every date of its clause"
    );
}

/// `tense_near` itself on one clause of 40 000 tokens (no sentence splitting): each call is
/// a pair of binary searches.
#[test]
fn tense_near_on_a_huge_clause() {
    use khronika::lang::ru::grammar::{clause_boundaries, lexicalize, tense_cues, tense_near, Tense};
    use khronika::text::Tokens;
    let tokens = Tokens::new(&"16 марта ввели ".repeat(13_334));
    let all = 0..tokens.len();
    let lex = lexicalize(&tokens);
    let (cues, boundaries) = (tense_cues(&tokens, &lex, all.clone()), clause_boundaries(&tokens, all.clone()));
    assert_eq!(cues.len(), 13_334);
    assert!(boundaries.is_empty());
    assert!(all.step_by(3).all(|i| tense_near(&cues, &boundaries, i) == Some(Tense::Past)));
}

/// Many distinct dates in one unpunctuated run: each timeline event copies its sentence's
/// text, so one 216 KB "sentence" with 4 000 events held 880 MB of copies (a 1.7 MB one was
/// killed for lack of memory) and took quadratic time. A sentence now ends after
/// `MAX_SENTENCE_TOKENS` tokens, which bounds the copies by a constant factor.
#[test]
fn many_distinct_dates_in_one_run() {
    use khronika::text::{sentence::MAX_SENTENCE_TOKENS, split_sentences, Tokens};
    let months = ["января", "марта", "мая"];
    let text: String = (0..8_000).map(|i| format!("{} {} {} года ", i % 28 + 1, months[i % 3], 1000 + i)).collect();
    let a = checked(day(2020, 3, 20), &text);
    assert_eq!(a.timeline.len(), 8_000);
    let copied: usize = a.timeline.iter().map(|e| e.text.len()).sum();
    assert!(copied < 128 * text.len(), "{copied} bytes of event text for {} bytes of input", text.len());
    let tokens = Tokens::new(&text);
    assert!(split_sentences(&tokens).iter().all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
    // A run of terminal marks is cut too.
    let dots = ".".repeat(1_000);
    let tokens = Tokens::new(&dots);
    let sentences = split_sentences(&tokens);
    assert!(sentences.iter().all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
    assert_eq!(sentences.last().map(|s| s.span.end), Some(dots.len()));
}
