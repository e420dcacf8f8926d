//! The timeline: a document's dated events in chronological order, and the corpus timeline
//! of many documents merged.

use crate::event::build::{self, SentenceInfo, Undated};
use crate::event::figures::FigureWhat;
use crate::event::kinds::EventKind;
use crate::event::Event;
use crate::mention::Mention;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A document's events in chronological order (ties keep document order), and the
/// sentences no date reaches.
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    events: Vec<Event>,
    #[serde(default)]
    undated: Vec<Undated>,
}

impl Timeline {
    /// A timeline of these events, put in chronological order (stable: ties keep their order).
    pub fn from_events(mut events: Vec<Event>) -> Self {
        events.sort_by_key(|e| e.when.start());
        Timeline { events, undated: Vec::new() }
    }

    /// Builds the timeline of a document from its sentences (byte spans and paragraph
    /// numbers) and mentions; see [`build`] for the rules.
    pub fn build(text: &str, doc: Option<&str>, sentences: &[SentenceInfo], mentions: &[Mention]) -> Self {
        let (events, undated) = build::events(text, doc, sentences, mentions);
        let mut timeline = Timeline::from_events(events);
        timeline.undated = undated;
        timeline
    }

    /// The events, in chronological order.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The sentences with no date that no dated event took in, in text order.
    pub fn undated(&self) -> &[Undated] {
        &self.undated
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

    /// The events of a kind.
    pub fn of_kind(&self, kind: EventKind) -> impl Iterator<Item = &Event> {
        self.events.iter().filter(move |e| e.kinds.contains(&kind))
    }

    /// A figure over time: for each day an event starts on, the largest figure of this kind
    /// its events state (e.g. case counts by date). Inherited events count too.
    pub fn series(&self, what: FigureWhat) -> Vec<(NaiveDate, f64)> {
        let mut points: BTreeMap<NaiveDate, f64> = BTreeMap::new();
        for e in &self.events {
            let Some(day) = e.first_day() else { continue };
            for f in e.figures.iter().filter(|f| f.what == what) {
                let v = points.entry(day).or_insert(f.value);
                *v = v.max(f.value);
            }
        }
        points.into_iter().collect()
    }
}

impl<'a> IntoIterator for &'a Timeline {
    type Item = &'a Event;
    type IntoIter = std::slice::Iter<'a, Event>;
    fn into_iter(self) -> Self::IntoIter {
        self.events.iter()
    }
}
