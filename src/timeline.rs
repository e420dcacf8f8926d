//! The timeline: a plain collection of a document's dated events in chronological order
//! (and its undated sentences), with its queries, and the corpus timeline of many documents
//! merged. The pipeline builds it ([`crate::event::build`]).

mod merge;

use crate::event::build::Undated;
use crate::event::figures::FigureWhat;
use crate::event::kinds::EventKind;
use crate::event::Event;
use chrono::NaiveDate;
pub(crate) use merge::Merger;
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
        Timeline::chronological(&mut events);
        Timeline { events, undated: Vec::new() }
    }

    /// Puts events in chronological order: a stable sort on each event's start, computed
    /// once.
    pub(crate) fn chronological(events: &mut [Event]) {
        events.sort_by_cached_key(|e| e.when.start());
    }

    /// A document's timeline: these events, already in chronological order (see
    /// [`Timeline::chronological`]), and its undated sentences in text order.
    pub(crate) fn from_sorted_parts(events: Vec<Event>, undated: Vec<Undated>) -> Self {
        Timeline { events, undated }
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
    /// Merges the timelines of many documents into one corpus timeline: events that report
    /// the same happening in different documents become one event that lists every source.
    ///
    /// Two events are the same happening when they cover the same first and last day (an
    /// interval matches only the same interval, never a day inside it), bound them the same
    /// way (up to, after, or at or from them), and have the same main kind (the first of
    /// their kinds in a fixed order: a quarantine, the other measures, the epidemic's
    /// figures, public information, the state of emergency; with no kind but `other`, the
    /// same sentence text), the same main place (the most specific one, or none) and, for a
    /// count of cases, deaths or recoveries, the same largest figure of that sort. A
    /// document's events are never merged with each other: a merged event takes at most one
    /// event of each document (the copy of one it has, the same document and sentence, is
    /// folded in). A merged event is its representative (the first member in a fixed order:
    /// dated before inherited, then sentence text, position, document: its date, sentence
    /// and text) with the union of every member's kinds, places, figures, cue words and
    /// sources (the representative's first, then by document and sentence, each
    /// `(doc, sentence)` once); an event nothing joined comes out as it went in. Undated
    /// sentences are all kept, with their document, by document and position.
    ///
    /// A document is known by its id: the `doc` of its events' sources (and of its undated
    /// sentences). The sources and undated sentences of the `k`-th timeline (1-based) that
    /// have no id get the id `#k`, so that documents without ids are told apart by their
    /// place in the input ([`corpus::merge`](crate::corpus::merge) numbers them by their
    /// JSONL line); an event with no source gets one, its own sentence in its document.
    ///
    /// The merge is order-independent (any order of the same documents gives the same
    /// timeline), idempotent (merging a merged timeline changes nothing; a single timeline
    /// whose sources have ids comes out as it went in) and associative (merging the merged
    /// parts of a corpus gives the merge of the whole); time and memory are linear in the
    /// events and their sources. The timelines are read one at a time, so a lazy iterator is
    /// never held whole. The rules in full are in the source, `src/timeline/merge.rs`.
    ///
    /// ```
    /// use khronika::{analyze, Document, Timeline};
    /// let a = Document::parse("date 2020-03-17 Вчера в Караганде выявлено 5 случаев заражения.").unwrap().with_id("a");
    /// let b = Document::parse("date 2020-03-16 В Караганде сегодня выявили 5 случаев коронавируса.").unwrap().with_id("b");
    /// let merged = Timeline::merge([analyze(&a).timeline, analyze(&b).timeline]);
    /// assert_eq!(merged.len(), 1);
    /// assert_eq!(merged.events()[0].sources.len(), 2);
    /// // One document merged with nothing is as it was.
    /// assert_eq!(Timeline::merge([analyze(&a).timeline]), analyze(&a).timeline);
    /// ```
    pub fn merge<I: IntoIterator<Item = Timeline>>(timelines: I) -> Timeline {
        let mut merger = Merger::default();
        for (i, t) in timelines.into_iter().enumerate() {
            merger.add(t, i + 1);
        }
        merger.finish()
    }
}

impl<'a> IntoIterator for &'a Timeline {
    type Item = &'a Event;
    type IntoIter = std::slice::Iter<'a, Event>;
    fn into_iter(self) -> Self::IntoIter {
        self.events.iter()
    }
}
