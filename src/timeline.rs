//! The timeline: a plain collection of a document's dated events in chronological order
//! (and its undated sentences), with its queries, and the corpus timeline of many documents
//! merged. The pipeline builds it ([`crate::event::build`]).

use crate::event::build::Undated;
use crate::event::figures::FigureWhat;
use crate::event::kinds::EventKind;
use crate::event::Event;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

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
        // Each event's start is computed once (a stable sort on cached keys).
        events.sort_by_cached_key(|e| e.when.start());
        Timeline { events, undated: Vec::new() }
    }

    /// A document's timeline: these events put in chronological order (stable), and its
    /// undated sentences in text order.
    pub(crate) fn from_parts(events: Vec<Event>, undated: Vec<Undated>) -> Self {
        Timeline { undated, ..Timeline::from_events(events) }
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

impl Timeline {
    /// Merges the timelines of many documents into one corpus timeline: events that are the
    /// same happening become one event that lists every source.
    ///
    /// Two events are the same happening when their days overlap, they share a kind other
    /// than `other`, their places agree (the same place, or one of them names none), and
    /// the figures both state of the same sort agree within 10%. A merged event keeps the
    /// date and sentence of its earliest member (in a fixed order) and the union of kinds,
    /// places, figures and sources. Undated sentences are not merged.
    ///
    /// Deterministic and independent of the order of its input: events are put in a
    /// canonical order (date, kinds, places, document, span) before they are grouped.
    ///
    /// ```
    /// use khronika::{analyze, Document, Timeline};
    /// let a = Document::parse("date 2020-03-17 Вчера в Караганде выявлено 5 случаев заражения.").unwrap().with_id("a");
    /// let b = Document::parse("date 2020-03-16 В Караганде сегодня выявили 5 случаев коронавируса.").unwrap().with_id("b");
    /// let merged = Timeline::merge([analyze(&a).timeline, analyze(&b).timeline]);
    /// assert_eq!(merged.len(), 1);
    /// assert_eq!(merged.events()[0].sources.len(), 2);
    /// ```
    pub fn merge<I: IntoIterator<Item = Timeline>>(timelines: I) -> Timeline {
        let mut all: Vec<Event> = timelines.into_iter().flat_map(|t| t.events).collect();
        all.sort_by_cached_key(canonical_key);
        let mut merged: Vec<Event> = Vec::new();
        // Groups whose last day is not before the current event's first day can still take it;
        // input is sorted by first day, so older groups drop out of the window for good.
        let mut open: Vec<usize> = Vec::new();
        for e in all {
            let first = e.first_day();
            open.retain(|&g| merged[g].last_day() >= first);
            match open.iter().copied().find(|&g| same_happening(&merged[g], &e)) {
                Some(g) => absorb(&mut merged[g], e),
                None => {
                    open.push(merged.len());
                    merged.push(e);
                }
            }
        }
        for e in &mut merged {
            e.sources.sort_by(|a, b| (&a.doc, a.sentence.bytes.start).cmp(&(&b.doc, b.sentence.bytes.start)));
            e.sources.dedup();
            e.mentions.clear();
        }
        Timeline::from_events(merged)
    }
}

/// A total order on events that does not depend on where they came from in the input.
/// A sentence with its own date comes before an inherited one, so that it represents a group.
/// The document is a shared id (no copy); no id and an empty one are the same.
type CanonicalKey = (Option<chrono::NaiveDateTime>, String, bool, Vec<EventKind>, Vec<String>, Option<Arc<str>>, usize);

fn canonical_key(e: &Event) -> CanonicalKey {
    let doc = e.sources.first().and_then(|s| s.doc.clone()).filter(|d| !d.is_empty());
    let at = e.sources.first().map_or(e.sentence.bytes.start, |s| s.sentence.bytes.start);
    (
        e.when.start(),
        e.when.to_string(),
        e.inherited,
        e.kinds.clone(),
        e.places.iter().map(|p| p.name.to_string()).collect(),
        doc,
        at,
    )
}

fn same_happening(a: &Event, b: &Event) -> bool {
    let days = match (a.first_day(), a.last_day(), b.first_day(), b.last_day()) {
        (Some(a0), Some(a1), Some(b0), Some(b1)) => a0 <= b1 && b0 <= a1,
        _ => false,
    };
    let kind = a.kinds.iter().any(|k| *k != EventKind::Other && b.kinds.contains(k));
    let places = a.places.is_empty() || b.places.is_empty() || a.places.iter().any(|p| b.places.contains(p));
    let figures = a.figures.iter().all(|fa| {
        b.figures.iter().filter(|fb| fb.what == fa.what && fb.unit == fa.unit).all(|fb| {
            let (x, y) = (fa.value.abs(), fb.value.abs());
            (x - y).abs() <= 0.1 * x.max(y)
        })
    });
    days && kind && places && figures
}

fn absorb(into: &mut Event, e: Event) {
    for k in e.kinds {
        if !into.kinds.contains(&k) {
            into.kinds.push(k);
        }
    }
    for p in e.places {
        if !into.places.contains(&p) {
            into.places.push(p);
        }
    }
    for f in e.figures {
        if !into.figures.iter().any(|g| g.what == f.what && g.unit == f.unit) {
            into.figures.push(f);
        }
    }
    for c in e.cues {
        if !into.cues.contains(&c) {
            into.cues.push(c);
        }
    }
    into.inherited &= e.inherited;
    into.sources.extend(e.sources);
}

impl<'a> IntoIterator for &'a Timeline {
    type Item = &'a Event;
    type IntoIter = std::slice::Iter<'a, Event>;
    fn into_iter(self) -> Self::IntoIter {
        self.events.iter()
    }
}
