//! Adversarial inputs: what a scraper can hand the library, and inputs the fuzzers found.
//!
//! Every test checks that nothing panics and that the analysis keeps every invariant of
//! `common::check` (spans, order, values that read back, JSON round trip). None asserts on
//! time: `benches/adversarial.rs` measures the big inputs at two sizes to show linearity.

mod common;

use chrono::NaiveDate;
use khronika::{analyze, Analysis, Document, Published};

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
    assert_eq!(a.mentions.len(), 4_000);
    assert!(a.mentions.iter().all(|m| m.value.to_string() == "2020-03-16"));
    let text = format!("ввели {}", "16 мая ".repeat(4_000));
    let a = checked(day(2020, 3, 20), &text);
    assert!(a.mentions.iter().all(|m| m.value.to_string() == "2019-05-16"), "the past tense reaches every date");
}
