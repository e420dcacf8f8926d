//! Invariants shared by the integration tests: what must hold for any analysis of any text.
#![allow(dead_code)]

use khronika::export::json::DocumentRecord;
use khronika::{Analysis, Document, Value};

/// Checks every invariant of one analysis; the first broken one, as a message.
///
/// - sentence spans are char ranges of the text, in order, not overlapping;
/// - mention spans are non-empty char ranges inside their sentence, in text order, not
///   overlapping, and `m.text(text)` is `&text[span]`;
/// - every value passes [`check_value`];
/// - timeline events are calendar values in chronological order, their sentence spans hold
///   their texts and their mention indices are valid;
/// - the JSON record serializes and reads back to itself.
pub fn check(doc: &Document, a: &Analysis) -> Result<(), String> {
    let text = doc.text();
    let mut prev_end = 0;
    for (i, s) in a.sentences.iter().enumerate() {
        if s.bytes.start > s.bytes.end || text.get(s.bytes.clone()).is_none() {
            return Err(format!("sentence {i} {s:?} is not a char range of the text"));
        }
        if s.bytes.start < prev_end {
            return Err(format!("sentence {i} {s:?} overlaps the one before"));
        }
        prev_end = s.bytes.end;
        let chars = text.get(s.bytes.clone()).map_or(0, |t| t.chars().count());
        if s.chars.end.checked_sub(s.chars.start) != Some(chars) {
            return Err(format!("sentence {i} {s:?} spans {chars} characters, not its character range"));
        }
    }
    let mut prev_end = 0;
    for (i, m) in a.mentions.iter().enumerate() {
        let span = m.span();
        if span.start >= span.end || !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
            return Err(format!("mention {i} {span:?}: empty, or not on char boundaries"));
        }
        let Some(written) = text.get(span.clone()) else {
            return Err(format!("mention {i} {span:?} is outside the text"));
        };
        if written != m.text(text) {
            return Err(format!("mention {i}: m.text() {:?} is not &text[span] {written:?}", m.text(text)));
        }
        if span.start < prev_end {
            return Err(format!("mention {i} {span:?} overlaps or precedes the mention before"));
        }
        prev_end = span.end;
        let Some(sentence) = a.sentences.get(m.sentence()) else {
            return Err(format!("mention {i} names sentence {} of {}", m.sentence(), a.sentences.len()));
        };
        if span.start < sentence.bytes.start || span.end > sentence.bytes.end {
            return Err(format!("mention {i} {span:?} {written:?} is outside its sentence {sentence:?}"));
        }
        check_value(&m.value).map_err(|e| format!("mention {i} {written:?}: {e}"))?;
    }
    for (i, e) in a.timeline.iter().enumerate() {
        if !e.when.is_calendar() {
            return Err(format!("event {i}: {} dates nothing", e.when));
        }
        check_value(&e.when).map_err(|err| format!("event {i}: {err}"))?;
        if text.get(e.sentence.bytes.clone()) != Some(e.text.as_str()) {
            return Err(format!("event {i}: its sentence span {:?} does not hold its text", e.sentence));
        }
        // Its evidence starts with its sentence; every sentence it names is one of them.
        if e.evidence.first() != Some(&e.sentence) {
            return Err(format!("event {i}: evidence {:?} does not start with its sentence", e.evidence));
        }
        if e.evidence.iter().any(|s| text.get(s.bytes.clone()).is_none()) {
            return Err(format!("event {i}: an evidence span is not in the text: {:?}", e.evidence));
        }
        let n = e.evidence.len();
        if e.places.iter().any(|p| p.sentence >= n) || e.figures.iter().any(|f| f.sentence >= n) {
            return Err(format!("event {i}: a place or figure names an evidence sentence beyond {n}"));
        }
        // An inherited event (a measure dated by the sentence before) has no mention of its own.
        if e.mentions.is_empty() != e.inherited || e.mentions.indices().any(|k| k >= a.mentions.len()) {
            return Err(format!(
                "event {i}: mention indices {:?} out of range (inherited: {})",
                e.mentions, e.inherited
            ));
        }
    }
    let starts: Vec<_> = a.timeline.iter().map(|e| e.when.start()).collect();
    if starts.windows(2).any(|w| w[0] > w[1]) {
        return Err("the timeline is not in chronological order".into());
    }
    let record = DocumentRecord::new(doc, a);
    let json = serde_json::to_string(&record).map_err(|e| format!("the record does not serialize: {e}"))?;
    let back: DocumentRecord =
        serde_json::from_str(&json).map_err(|e| format!("the record does not read back: {e}"))?;
    if back != record {
        return Err("the record changes in a JSON round trip".into());
    }
    Ok(())
}

/// A value writes a TIMEX3 string that reads back to an equal value; a calendar value has
/// a first and a last day, in order.
pub fn check_value(v: &Value) -> Result<(), String> {
    let s = v.to_string();
    match s.parse::<Value>() {
        Ok(back) if back == *v => {}
        Ok(back) => return Err(format!("{s} reads back as {back:?}, not {v:?}")),
        Err(e) => return Err(format!("{s} does not read back: {e}")),
    }
    if v.is_calendar() {
        let (Some(a), Some(b)) = (v.first_day(), v.last_day()) else {
            return Err(format!("{s}: a calendar value with no first or last day"));
        };
        if a > b {
            return Err(format!("{s}: first day {a} after last day {b}"));
        }
    }
    Ok(())
}
