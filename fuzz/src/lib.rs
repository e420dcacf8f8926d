//! Invariants shared by the fuzz targets: what must hold for any analysis of any text.

use chrono::{NaiveDate, NaiveTime};
use khronika::export::json::DocumentRecord;
use khronika::{Analysis, Document, Value};

/// A publication time chosen by the first bytes of a fuzz input (years 0000..=9999, the
/// header format's range), and the rest of the input.
pub fn published_from(data: &[u8]) -> (chrono::NaiveDateTime, bool, &[u8]) {
    let first = NaiveDate::from_ymd_opt(0, 1, 1).unwrap();
    let last = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
    let span = (last - first).num_days() as u32 + 1;
    let get = |i: usize| data.get(i).copied().unwrap_or(0) as u32;
    // Mostly dates near 2020 (where the grammar's year logic matters); sometimes anywhere.
    let raw = get(0) | get(1) << 8 | get(2) << 16;
    let days = if get(3) & 0x80 == 0 {
        let base = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        (base - first).num_days() as u32 + raw % (40 * 366)
    } else {
        raw % span
    };
    let date = first + chrono::Duration::days(days as i64);
    let timed = get(3) & 1 == 1;
    let time = NaiveTime::from_hms_opt(get(4) % 24, get(5) % 60, 0).unwrap();
    let rest = data.get(6..).unwrap_or(&[]);
    (date.and_time(time), timed, rest)
}

/// Checks every invariant of an analysis; the first one broken, as a message.
pub fn check(doc: &Document, a: &Analysis) -> Result<(), String> {
    let text = doc.text();
    let mut prev_end = 0;
    for (i, s) in a.sentences.iter().enumerate() {
        if s.start > s.end || s.end > text.len() || !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
            return Err(format!("sentence {i} span {s:?} is not a char range of the text"));
        }
        if s.start < prev_end {
            return Err(format!("sentence {i} span {s:?} overlaps the one before"));
        }
        prev_end = s.end;
    }
    let mut prev_end = 0;
    for (i, m) in a.mentions.iter().enumerate() {
        let span = &m.span;
        if span.start >= span.end || span.end > text.len() {
            return Err(format!("mention {i} span {span:?} is empty or out of the text"));
        }
        if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
            return Err(format!("mention {i} span {span:?} is not on char boundaries"));
        }
        if span.start < prev_end {
            return Err(format!("mention {i} span {span:?} overlaps or precedes the one before"));
        }
        prev_end = span.end;
        let Some(sentence) = a.sentences.get(m.sentence) else {
            return Err(format!("mention {i} names sentence {} of {}", m.sentence, a.sentences.len()));
        };
        if span.start < sentence.start || span.end > sentence.end {
            return Err(format!("mention {i} span {span:?} is outside its sentence {sentence:?}"));
        }
        if m.text(text) != &text[span.clone()] {
            return Err(format!("mention {i}: text() differs from the span"));
        }
        check_value(&m.value).map_err(|e| format!("mention {i} ({:?}): {e}", m.text(text)))?;
    }
    for (i, e) in a.timeline.iter().enumerate() {
        if !e.when.is_calendar() {
            return Err(format!("event {i}: {} is not a calendar value", e.when));
        }
        check_value(&e.when).map_err(|err| format!("event {i}: {err}"))?;
        if text.get(e.sentence.clone()) != Some(e.text.as_str()) {
            return Err(format!("event {i}: sentence span {:?} does not hold its text", e.sentence));
        }
        if e.mentions.is_empty() || e.mentions.iter().any(|&k| k >= a.mentions.len()) {
            return Err(format!("event {i}: mention indices {:?} out of range", e.mentions));
        }
    }
    let starts: Vec<_> = a.timeline.iter().map(|e| e.when.start()).collect();
    if starts.windows(2).any(|w| w[0] > w[1]) {
        return Err("timeline is not in chronological order".into());
    }
    // The JSON record serializes and reads back to itself.
    let record = DocumentRecord::new(doc, a);
    let json = serde_json::to_string(&record).map_err(|e| format!("record does not serialize: {e}"))?;
    let back: DocumentRecord = serde_json::from_str(&json).map_err(|e| format!("record does not read back: {e}"))?;
    if back != record {
        return Err("record differs after a JSON round trip".into());
    }
    Ok(())
}

/// A value writes a TIMEX3 string that reads back to itself (so its years have four digits);
/// a calendar value has real first and last days, in order.
pub fn check_value(v: &Value) -> Result<(), String> {
    let s = v.to_string();
    match s.parse::<Value>() {
        Ok(back) if back == *v => {}
        Ok(back) => return Err(format!("{s} reads back as {back:?}, not {v:?}")),
        Err(e) => return Err(format!("{s} does not read back: {e}")),
    }
    if v.is_calendar() {
        let (Some(a), Some(b)) = (v.first_day(), v.last_day()) else {
            return Err(format!("{s}: a calendar value without a first or last day"));
        };
        if a > b {
            return Err(format!("{s}: first day {a} after last day {b}"));
        }
    }
    Ok(())
}
