//! What the page shows of each event, worked out once before anything is drawn: its lane
//! (its first kind), its places (numbered for the filter), its main place (for its short
//! title), and where it goes: on the axis, at which days, or in the table of events
//! outside it, and why. Linear in the events and their places.

use super::axis::{fine, range, Outside};
use crate::event::kinds::EventKind;
use crate::event::{Event, Place};
use crate::timeline::Timeline;
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

/// Where an event goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Spot {
    /// On the axis: its first and last day as days from the axis start (the last day cut at
    /// the axis end).
    Axis { first: i64, last: i64 },
    /// In the table of events outside the axis.
    Outside(Outside),
}

/// One event as the page shows it.
#[derive(Clone, Debug)]
pub(super) struct Item {
    /// Its lane: its first kind, `other` when it has none.
    pub(super) lane: EventKind,
    /// Its distinct places, as indices into [`Model::places`].
    pub(super) places: Vec<usize>,
    /// Its most specific place (a city, then a region, then a country; by name among
    /// equals): the place of its short title.
    pub(super) main: Option<usize>,
    pub(super) spot: Spot,
}

/// A place some event names, and how many events name it.
#[derive(Clone, Debug)]
pub(super) struct PlaceEntry<'a> {
    pub(super) place: &'a Place,
    pub(super) events: usize,
}

/// The page's view of a timeline.
pub(super) struct Model<'a> {
    pub(super) timeline: &'a Timeline,
    /// One per event, in the timeline's order (event `n` is `items[n - 1]`).
    pub(super) items: Vec<Item>,
    /// Every place named, by name.
    pub(super) places: Vec<PlaceEntry<'a>>,
    /// Events that name no place.
    pub(super) unplaced: usize,
    /// The lanes' kinds present among all events, in [`EventKind::ALL`]'s order, with their
    /// number of events.
    pub(super) kinds: Vec<(EventKind, usize)>,
    /// The axis: its first and last day, when some event is on it.
    pub(super) axis: Option<(NaiveDate, NaiveDate)>,
    /// The first and last day any event covers.
    pub(super) span: Option<(NaiveDate, NaiveDate)>,
    /// Events outside the axis.
    pub(super) outside: usize,
}

/// An event's lane: its first kind, `other` when it has none.
pub(super) fn lane_of(e: &Event) -> EventKind {
    e.kinds.first().copied().unwrap_or(EventKind::Other)
}

/// The position of a kind in [`EventKind::ALL`].
pub(super) fn kind_index(k: EventKind) -> usize {
    EventKind::ALL.iter().position(|a| *a == k).unwrap_or(EventKind::ALL.len() - 1)
}

impl<'a> Model<'a> {
    pub(super) fn new(timeline: &'a Timeline) -> Model<'a> {
        // Places, numbered in order of first appearance, then renumbered by name.
        let mut index: HashMap<(&str, &str), usize> = HashMap::new();
        let mut places: Vec<PlaceEntry<'a>> = Vec::new();
        let mut items: Vec<Item> = Vec::with_capacity(timeline.len());
        let mut kind_counts = vec![0usize; EventKind::ALL.len()];
        let mut unplaced = 0;
        for e in timeline.iter() {
            let mut ids: Vec<usize> = Vec::with_capacity(e.places.len());
            for p in &e.places {
                let next = places.len();
                let id = *index.entry((&p.name, &p.code)).or_insert(next);
                if id == next {
                    places.push(PlaceEntry { place: p, events: 0 });
                }
                if !ids.contains(&id) {
                    ids.push(id);
                    places[id].events += 1;
                }
            }
            if ids.is_empty() {
                unplaced += 1;
            }
            let main = ids.iter().copied().max_by(|&a, &b| {
                let (a, b) = (places[a].place, places[b].place);
                a.kind.cmp(&b.kind).then_with(|| b.name.cmp(&a.name))
            });
            let lane = lane_of(e);
            kind_counts[kind_index(lane)] += 1;
            items.push(Item { lane, places: ids, main, spot: Spot::Outside(Outside::NoDay) });
        }
        let mut order: Vec<usize> = (0..places.len()).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (places[a].place, places[b].place);
            a.name.cmp(&b.name).then_with(|| a.code.cmp(&b.code))
        });
        let mut renumber = vec![0usize; places.len()];
        for (new, &old) in order.iter().enumerate() {
            renumber[old] = new;
        }
        for item in &mut items {
            item.places.iter_mut().for_each(|p| *p = renumber[*p]);
            item.places.sort_unstable();
            item.main = item.main.map(|p| renumber[p]);
        }
        let places: Vec<PlaceEntry<'a>> = order.iter().map(|&i| places[i].clone()).collect();
        let kinds = EventKind::ALL.iter().zip(&kind_counts).filter(|(_, n)| **n > 0).map(|(k, n)| (*k, *n)).collect();

        let mut model = Model { timeline, items, places, unplaced, kinds, axis: None, span: None, outside: 0 };
        model.place_on_axis();
        model
    }

    /// Decides the axis (see [`range`]) and where each event goes.
    fn place_on_axis(&mut self) {
        let day = |d: NaiveDate| i64::from(d.num_days_from_ce());
        let mut starts: Vec<i64> =
            self.timeline.iter().filter(|e| fine(&e.when)).filter_map(|e| e.first_day().map(day)).collect();
        let bounds = range(&mut starts);
        let mut axis: Option<(NaiveDate, NaiveDate)> = None;
        let mut span: Option<(NaiveDate, NaiveDate)> = None;
        let mut within = vec![false; self.items.len()];
        for ((e, item), inside) in self.timeline.iter().zip(&mut self.items).zip(&mut within) {
            let Some(first) = e.first_day() else { continue };
            let last = e.last_day().unwrap_or(first).max(first);
            span = Some(span.map_or((first, last), |(a, b)| (a.min(first), b.max(last))));
            if !fine(&e.when) {
                item.spot = Spot::Outside(Outside::Coarse);
                continue;
            }
            let Some((lo, hi)) = bounds else { continue };
            if day(first) < lo {
                item.spot = Spot::Outside(Outside::Before);
            } else if day(first) > hi {
                item.spot = Spot::Outside(Outside::After);
            } else {
                *inside = true;
                let last = NaiveDate::from_num_days_from_ce_opt(i32::try_from(hi).unwrap_or(i32::MAX))
                    .map_or(last, |h| last.min(h));
                axis = Some(axis.map_or((first, last), |(a, b)| (a.min(first), b.max(last))));
            }
        }
        self.span = span;
        self.axis = axis;
        let Some((start, end)) = axis else {
            self.outside = self.items.len();
            return;
        };
        for ((e, item), inside) in self.timeline.iter().zip(&mut self.items).zip(within) {
            let (Some(first), true) = (e.first_day(), inside) else { continue };
            let last = e.last_day().unwrap_or(first).clamp(first, end.max(first));
            item.spot = Spot::Axis { first: (first - start).num_days(), last: (last - start).num_days() };
        }
        self.outside = self.items.iter().filter(|i| matches!(i.spot, Spot::Outside(_))).count();
    }

    /// The name of place `i`.
    pub(super) fn place_name(&self, i: usize) -> &str {
        self.places.get(i).map_or("", |p| &p.place.name)
    }
}

/// An event's short title: its kind's label, then its main place (`quarantine · Алматы`);
/// for the events of a day's mark, the first of their main places and how many others
/// there are (`quarantine · Алматы +2`).
pub(super) fn short_title(kind: EventKind, place: Option<&str>, others: usize) -> String {
    let mut out = kind.label().to_string();
    if let Some(p) = place {
        out.push_str(" · ");
        out.push_str(p);
        if others > 0 {
            out.push_str(&format!(" +{others}"));
        }
    }
    out
}
