//! The timeline: a document's dated events in chronological order.

use crate::document::Document;
use crate::mention::{Mention, Mod, TimexType};
use crate::value::Value;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::ops::Range;

/// Something that happened at a time the text gives: one dated clause of a sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// When: a value, or an interval when one sentence gives both ends (`начал действовать
    /// 16 марта и продлится до 15 апреля` → `2020-03-16/2020-04-15`).
    pub when: Value,
    /// The mod of a one-sided bound (`до 17.00` → BEFORE).
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Mod>,
    /// Byte span of the sentence in the document text.
    pub sentence: Range<usize>,
    /// The sentence's text.
    pub text: String,
    /// Indices of the mentions that date it, in the document's mention list.
    pub mentions: Vec<usize>,
}

impl Event {
    /// The first day the event covers.
    pub fn first_day(&self) -> Option<NaiveDate> {
        self.when.first_day()
    }

    /// The last day the event covers.
    pub fn last_day(&self) -> Option<NaiveDate> {
        self.when.last_day()
    }
}

/// A document's events in chronological order; ties keep document order.
///
/// ```
/// use khronika::{analyze, Document};
/// use chrono::NaiveDate;
/// let doc = Document::parse("date 2020-03-20 Вчера закрыли школы. 16 марта ввели ЧП.").unwrap();
/// let timeline = analyze(&doc).timeline;
/// let days: Vec<String> = timeline.iter().map(|e| e.when.to_string()).collect();
/// assert_eq!(days, ["2020-03-16", "2020-03-19"]);
/// let d = |d| NaiveDate::from_ymd_opt(2020, 3, d).unwrap();
/// assert_eq!(timeline.between(d(17), d(31)).count(), 1);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeline {
    events: Vec<Event>,
}

impl Timeline {
    /// A timeline of these events, put in chronological order.
    pub fn from_events(mut events: Vec<Event>) -> Self {
        events.sort_by_key(|e| e.when.start());
        Timeline { events }
    }

    /// Builds the events of a document from its sentences and mentions.
    ///
    /// In each sentence, every calendar mention is an event, except that a start (no mod,
    /// or `с`) followed by an end bound (`до`, `по`) of a later day makes one interval event;
    /// mentions of the same value in one sentence are one event. Durations, sets and
    /// `PRESENT_REF`-style values date nothing.
    pub fn build(doc: &Document, sentences: &[Range<usize>], mentions: &[Mention]) -> Self {
        let text = doc.text();
        let mut events: Vec<Event> = Vec::new();
        let mut i = 0;
        while i < mentions.len() {
            let s = mentions[i].sentence;
            let end = mentions[i..].iter().position(|m| m.sentence != s).map_or(mentions.len(), |n| i + n);
            let span = sentences.get(s).cloned().unwrap_or_else(|| mentions[i].span.clone());
            let sentence_text = text.get(span.clone()).unwrap_or("").to_string();
            let first_event = events.len();
            let mut open_start: Option<usize> = None;
            for (k, m) in mentions.iter().enumerate().take(end).skip(i) {
                if !m.value.is_calendar() || matches!(m.kind, TimexType::Duration | TimexType::Set) {
                    continue;
                }
                // A start and a later end bound in one sentence: one interval.
                if let (Some(e), Some(Mod::Before | Mod::OnOrBefore)) = (open_start, m.modifier) {
                    let start: &mut Event = &mut events[e];
                    if ends_after(&start.when, &m.value) {
                        start.when = Value::interval(start.when.clone(), m.value.clone());
                        start.modifier = None;
                        start.mentions.push(k);
                        open_start = None;
                        continue;
                    }
                }
                if let Some(same) =
                    events[first_event..].iter_mut().find(|e| e.when == m.value && e.modifier == m.modifier)
                {
                    same.mentions.push(k);
                    continue;
                }
                let day_grain = !matches!(m.value, Value::Interval(..) | Value::Time { .. } | Value::PartOfDay { .. });
                open_start = (day_grain && matches!(m.modifier, None | Some(Mod::OnOrAfter))).then_some(events.len());
                events.push(Event {
                    when: m.value.clone(),
                    modifier: m.modifier,
                    sentence: span.clone(),
                    text: sentence_text.clone(),
                    mentions: vec![k],
                });
            }
            i = end;
        }
        Timeline::from_events(events)
    }

    /// The events, in chronological order.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Iterates over the events in chronological order.
    pub fn iter(&self) -> std::slice::Iter<'_, Event> {
        self.events.iter()
    }

    /// Number of events.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// No events at all.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// The events that overlap the days `from..=to`.
    pub fn between(&self, from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = &Event> {
        self.events.iter().filter(move |e| match (e.first_day(), e.last_day()) {
            (Some(a), Some(b)) => a <= to && b >= from,
            _ => false,
        })
    }

    /// The events grouped by the day they start on.
    pub fn by_day(&self) -> BTreeMap<NaiveDate, Vec<&Event>> {
        let mut map: BTreeMap<NaiveDate, Vec<&Event>> = BTreeMap::new();
        for e in &self.events {
            if let Some(d) = e.first_day() {
                map.entry(d).or_default().push(e);
            }
        }
        map
    }
}

impl<'a> IntoIterator for &'a Timeline {
    type Item = &'a Event;
    type IntoIter = std::slice::Iter<'a, Event>;
    fn into_iter(self) -> Self::IntoIter {
        self.events.iter()
    }
}

/// Does `end` bound a period that starts with `start` (a later day, coarser than a clock)?
fn ends_after(start: &Value, end: &Value) -> bool {
    if matches!(end, Value::Time { .. } | Value::PartOfDay { .. } | Value::Interval(..)) {
        return false;
    }
    match (start.first_day(), end.first_day()) {
        (Some(a), Some(b)) => b > a,
        _ => false,
    }
}
