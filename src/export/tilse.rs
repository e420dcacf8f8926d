//! The timeline file format of tilse (and of the timeline17 and crisis data sets), so that
//! timeline-summarization evaluators can score a khronika timeline directly.
//!
//! ```
//! use khronika::{analyze, Document};
//! use khronika::export::tilse::tilse;
//! let doc = Document::parse("date 2020-03-20 16 марта закрыли школы. Вчера выявлено 9 случаев. С 16 марта работают удалённо.").unwrap();
//! assert_eq!(tilse(&analyze(&doc).timeline), "\
//! 2020-03-16
//! 16 марта закрыли школы.
//! С 16 марта работают удалённо.
//! --------------------------------
//! 2020-03-19
//! Вчера выявлено 9 случаев.
//! --------------------------------
//! ");
//! ```
//!
//! The format, as tilse reads it (`Timeline.from_file`: each line stripped of surrounding
//! whitespace; a line that parses as `%Y-%m-%d` starts a date; a line of 32 dashes ends it;
//! any other line is a sentence of the current date): for each date, in ascending order,
//!
//! 1. the date, `YYYY-MM-DD`;
//! 2. its events' sentences, one a line, in timeline order (chronological, then document
//!    order), each once;
//! 3. [`SEPARATOR`], a line of 32 `-`.
//!
//! Each date is written once (tilse keeps only the last block of a date written twice).
//!
//! # Which date an event goes under
//!
//! [`day`]: the first day of its value. A week (`2020-W12`) goes under its Monday, a
//! weekend under its Saturday, a month (`2020-03`) under its 1st, an interval
//! (`2020-03-16/2020-04-15`) under the first day of its start; a part of a day or a clock
//! time under its day. A one-sided bound goes under the day of its bound (`до 15 апреля`,
//! BEFORE `2020-04-15`, under `2020-04-15`). Values coarser than a month (a year, a half, a
//! quarter, a season) are left out, as are durations, sets and references
//! (`PRESENT_REF`) and the sentences no date reaches: the first day of `в этом году` is no
//! date the text gives. Dates before year 1 are left out (tilse's dates cannot hold them).
//!
//! # Sentences
//!
//! A sentence is written on one line: its line breaks, control characters and runs of
//! whitespace become one space, and it is trimmed. A sentence that would read as something
//! else (empty, or only digits, `-` and spaces: a date line or the separator) is left out;
//! a date whose sentences are all left out is left out too. Sentences are written as the
//! text has them, not tokenized.

use crate::event::Event;
use crate::timeline::Timeline;
use crate::value::Value;
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;
use std::io;

/// The line that ends a date's block: 32 `-`.
pub const SEPARATOR: &str = "--------------------------------";

/// The date an event goes under (see the [module docs](self)), or `None` when it goes under
/// none.
///
/// ```
/// use khronika::export::tilse::day;
/// use khronika::Value;
/// let day = |v: &str| day(&v.parse::<Value>().unwrap()).map(|d| d.to_string());
/// assert_eq!(day("2020-W12").as_deref(), Some("2020-03-16"));
/// assert_eq!(day("2020-04").as_deref(), Some("2020-04-01"));
/// assert_eq!(day("2020-03-16/2020-04-15").as_deref(), Some("2020-03-16"));
/// assert_eq!(day("2020-03-17TMO").as_deref(), Some("2020-03-17"));
/// assert_eq!(day("2020"), None);
/// assert_eq!(day("P14D"), None);
/// ```
pub fn day(when: &Value) -> Option<NaiveDate> {
    let start = match when {
        Value::Interval(a, _) => a,
        v => v,
    };
    let fine = matches!(
        start,
        Value::Day(_)
            | Value::PartOfDay { .. }
            | Value::Time { .. }
            | Value::Week { .. }
            | Value::Weekend { .. }
            | Value::Month { .. }
    );
    start.first_day().filter(|d| fine && d.year() >= 1)
}

/// A sentence on one line (see the [module docs](self)), or `None` when it would read as a
/// date or the separator.
fn one_line(text: &str) -> Option<String> {
    let mut line = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || c.is_control()).filter(|w| !w.is_empty()) {
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    let meaningful = line.chars().any(|c| !(c.is_numeric() || c == '-' || c == ' '));
    meaningful.then_some(line)
}

/// The dates of a timeline and their sentences, in the order they are written.
fn blocks(timeline: &Timeline) -> BTreeMap<NaiveDate, Vec<String>> {
    let mut dates: BTreeMap<NaiveDate, Vec<String>> = BTreeMap::new();
    for (date, e) in timeline.iter().filter_map(|e: &Event| Some((day(&e.when)?, e))) {
        if let Some(line) = one_line(&e.text) {
            let sentences = dates.entry(date).or_default();
            if !sentences.contains(&line) {
                sentences.push(line);
            }
        }
    }
    dates
}

/// Writes a timeline (a document's or a merged one) in tilse's format.
///
/// # Errors
/// Any error of `out`.
pub fn write_timeline(out: &mut impl io::Write, timeline: &Timeline) -> io::Result<()> {
    for (date, sentences) in blocks(timeline) {
        writeln!(out, "{}", date.format("%Y-%m-%d"))?;
        for s in sentences {
            writeln!(out, "{s}")?;
        }
        writeln!(out, "{SEPARATOR}")?;
    }
    Ok(())
}

/// A timeline in tilse's format, as a string.
pub fn tilse(timeline: &Timeline) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail; what is written is UTF-8.
    let _ = write_timeline(&mut out, timeline);
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_become_one_line_and_lookalikes_are_left_out() {
        assert_eq!(
            one_line(" Школы\nзакрыты\u{2028}до\r\nапреля.\u{1b} ").as_deref(),
            Some("Школы закрыты до апреля.")
        );
        assert_eq!(one_line("2020-03-16"), None);
        assert_eq!(one_line(" 2020-03-16\n"), None);
        assert_eq!(one_line(SEPARATOR), None);
        assert_eq!(one_line("\u{a0}"), None);
        assert_eq!(one_line("2020-03-16."), Some("2020-03-16.".into()));
    }

    #[test]
    fn coarse_values_go_under_no_date() {
        for v in ["2020", "2020-Q1", "2020-H1", "2020-SP", "PRESENT_REF", "XXXX-WXX-5"] {
            assert_eq!(day(&v.parse().unwrap()), None, "{v}");
        }
        assert_eq!(day(&"2020-W12-WE".parse().unwrap()).map(|d| d.to_string()).as_deref(), Some("2020-03-21"));
    }
}
