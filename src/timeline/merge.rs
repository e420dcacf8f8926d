//! The corpus merge: the timelines of many documents folded into one, where the events that
//! report the same happening in different documents become one event that lists every source.
//!
//! # When two events are the same happening
//!
//! Two events from different documents are the same happening when they have the same *key*:
//!
//! - the same first and last day (so `2020-03-16`, `2020-03-16T10:00` and `2020-03-16TMO`
//!   match; an interval matches only an interval or period of the same two ends, never a day
//!   inside it, nor a longer period that contains it);
//! - the same sort of bound: up to a day (`до`, `по`: BEFORE, ON_OR_BEFORE), after it (AFTER),
//!   or at or from it (no mod, `с`, APPROX, START, MID, END);
//! - the same *main kind*: of its kinds other than `other`, the first in a fixed order (a
//!   quarantine before the limits that make it up, then the other measures in their
//!   declaration order, then cases, deaths and recoveries, then public information, last the
//!   state of emergency, the regime most measures are reported under); an event of no kind
//!   but `other` matches only an event of the very same sentence text (the same article
//!   read twice);
//! - the same *main place*: the least code of its places, region codes (a city carries its
//!   region's) before country codes (see `main_place`), or none for both;
//! - when the main kind is a count (cases, deaths, recoveries), the same count: the largest
//!   figure of that sort, or none for both (`5 случаев` and `12 случаев` on one day are two
//!   reports).
//!
//! Other figures are not compared (outlets round a measure's sums and numbers of people
//! differently, or leave them out); the merged event lists them all.
//!
//! The key is an equivalence, so matching is transitive: no chain of merges joins events
//! that do not match each other directly. Each of its parts is the least element of a set by
//! a fixed order, so a merged event (whose kinds and places are the union of its members')
//! has the key of its members, and merging it again finds the same key.
//!
//! # One document's events are never merged with each other
//!
//! A document is known by its id (the `doc` of its events' sources). Among the events of one
//! key, a document's events are ranked (dated before inherited, then by sentence text and
//! position), and the `r`-th event of every document goes into the `r`-th merged event of
//! that key: a group takes at most one event of each document. The one exception is an event
//! that is the very copy of one already in the group (the same document and sentence): it is
//! folded into its original, so that a document given twice counts once.
//!
//! # The merged event
//!
//! Its *representative* is the member that comes first in a fixed order: dated before
//! inherited, then by sentence text, sentence position and document id. The merged event is
//! the representative (its `when`, mod, sentence, text and mentions: the offsets and indices
//! are in the representative's document, whose source comes first) with `inherited` true
//! only when every member is inherited, and the union of every member's kinds (main kind
//! first, in the order above), places (main place first), figures (by sort, unit and value;
//! equal ones once), cue words and exempted kinds (sorted, each once), and sources: the
//! representative's first, then the others by document and sentence, each
//! `(doc, sentence)` once. An event no other event joined is returned exactly as it came.
//!
//! # The algebra
//!
//! The groups are a function of the set of events (ranks inside each document, keys across
//! them), and the representative is the least member, so the result does not depend on the
//! order of the input: `merge` is order-independent; merging a merged timeline again changes
//! nothing (its events have pairwise different documents or keys, ranks nest); and merging
//! the merged parts of a corpus (each document in one part) gives the merge of the whole
//! (`tests/merge.rs` checks all three, and the rest of these rules, on generated corpora).
//! The events come out in chronological order, ties by the representative's document and
//! its place in its own timeline, so a single document's timeline comes out as it went in.
//!
//! # Cost
//!
//! Each event is hashed once by its key and finds its group through a hash map from keys to
//! groups and one from (key, document) to the ranks the document holds there: time linear in
//! the events and their sources (plus sorting each input timeline and the output), memory
//! proportional to the distinct events and their sources. An absorbed event leaves only its
//! sources and the lists it adds to its group; the main kind and place of a key are kept
//! with it, so that a group that grows is never looked through again.

use crate::event::build::Undated;
use crate::event::figures::{Figure, FigureWhat};
use crate::event::kinds::EventKind;
use crate::event::{Event, List, Place, Source};
use crate::mention::Mod;
use crate::text::Excerpt;
use crate::timeline::Timeline;
use crate::value::Value;
use chrono::{NaiveDate, NaiveDateTime};
use std::cmp::Ordering;
use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};
use std::sync::Arc;

/// Folds timelines in one at a time into a corpus timeline (see the [module docs](self)).
#[derive(Default)]
pub(crate) struct Merger {
    /// Hashes keys (seeded at random, so that no input can aim at collisions).
    state: RandomState,
    /// Key hash → the keys (classes) with that hash; a collision is told apart by comparing.
    classes: HashMap<u64, Small<u32>, BuildHasherDefault<Fx>>,
    /// The classes: their groups by rank.
    class: Vec<Class>,
    /// The merged events.
    groups: Vec<Group>,
    /// Document ids, interned.
    docs: HashMap<Arc<str>, u32>,
    /// (class, document) → the ranks of the class the document's events are in, with the
    /// sentence each came from; kept only for classes that have taken two events or more
    /// (one event's documents are its sources).
    slots: HashMap<(u32, u32), Small<Slot>, BuildHasherDefault<Fx>>,
    /// Every undated sentence, with its document.
    undated: Vec<Undated>,
}

/// The events of one key.
struct Class {
    /// The key's days, main kind, main place and count (its bound is that of any member,
    /// its sentence for no kind that of the representative).
    days: Option<(NaiveDate, NaiveDate)>,
    kind: Option<EventKind>,
    place: Option<String>,
    count: Option<u64>,
    /// Its groups (indices into `groups`) by rank.
    ranks: Small<u32>,
    /// Whether it has taken one event only (its documents are its sources; `slots` has
    /// nothing of it yet).
    alone: bool,
}

/// A merged event in the making.
struct Group {
    /// The representative, with every member's kinds and exempted kinds added (the other
    /// members' places, figures, cues and sources are held below until `finish`).
    event: Event,
    /// The places, figures, cues and sources of the other members, in the order they came.
    places: Vec<Place>,
    figures: Vec<Figure>,
    cues: Vec<Excerpt>,
    sources: Vec<Source>,
    /// The representative's index in its own input timeline.
    position: usize,
    /// How many events it took in.
    members: u32,
}

/// A document's place in a class: the rank it holds and the sentence of that event.
#[derive(Clone, Copy, PartialEq)]
struct Slot {
    rank: u32,
    start: usize,
    end: usize,
}

impl Slot {
    fn of(rank: u32, s: &Source) -> Self {
        Slot { rank, start: s.sentence.bytes.start, end: s.sentence.bytes.end }
    }
}

impl Merger {
    /// Folds in a timeline, the `position`-th input (1-based): an event or undated sentence
    /// with no document id gets `#position` (an event with no source at all gets one, its own
    /// sentence in that document).
    pub(crate) fn add(&mut self, timeline: Timeline, position: usize) {
        let Timeline { events, undated } = timeline;
        let mut positional: Option<Arc<str>> = None;
        let mut id = || positional.get_or_insert_with(|| Arc::from(format!("#{position}"))).clone();
        // What the merged timeline keeps is cut loose from the document's text (an excerpt
        // shares the whole text of its document otherwise).
        for mut u in undated {
            if u.doc.as_deref().is_none_or(str::is_empty) {
                u.doc = Some(id());
            }
            u.text = u.text.detached();
            self.undated.push(u);
        }
        let mut events: Vec<(usize, Event)> = events.into_iter().enumerate().collect();
        for (_, e) in &mut events {
            e.text = e.text.detached();
            for c in e.cues.iter_mut() {
                *c = c.detached();
            }
            if e.sources.is_empty() {
                e.sources.push(Source { doc: None, sentence: e.sentence.clone() });
            }
            for s in &mut e.sources {
                if s.doc.as_deref().is_none_or(str::is_empty) {
                    s.doc = Some(id());
                }
            }
        }
        // A document's events of one key are ranked in this order (see the module docs).
        if events.len() > 1 {
            events.sort_by(|(_, a), (_, b)| precedence(a, b));
        }
        let mut doc_ids: Vec<u32> = Vec::new();
        let mut last: Option<(Arc<str>, u32)> = None;
        for (position, e) in events {
            doc_ids.clear();
            for s in &e.sources {
                let Some(doc) = &s.doc else { continue };
                let id = match &last {
                    Some((d, id)) if Arc::ptr_eq(d, doc) => *id,
                    _ => {
                        let next = self.docs.len() as u32;
                        let id = *self.docs.entry(doc.clone()).or_insert(next);
                        last = Some((doc.clone(), id));
                        id
                    }
                };
                doc_ids.push(id);
            }
            self.insert(e, position, &doc_ids);
        }
    }

    /// Puts one event (whose sources' interned documents are `docs`, in order) in its group.
    fn insert(&mut self, e: Event, position: usize, docs: &[u32]) {
        let key = Key::of(&e);
        let hash = self.state.hash_one(&key);
        let candidates = self.classes.entry(hash).or_default();
        let (class, groups) = (&self.class, &self.groups);
        let found = candidates.iter().find(|&c| {
            let class = &class[c as usize];
            let rep = class.ranks.first().map(|g| &groups[g as usize].event);
            rep.is_some_and(|rep| key.is(rep, class))
        });
        let c = match found {
            Some(c) => c,
            None => {
                // A new key: the event is a group of its own.
                let c = self.class.len() as u32;
                candidates.push(c);
                let days = match key.days {
                    Days::Span(a, b) => Some((a, b)),
                    Days::Value(_) => None,
                };
                let (kind, place, count) = (key.kind, key.place.map(str::to_string), key.count);
                self.class.push(Class {
                    days,
                    kind,
                    place,
                    count,
                    ranks: Small::One(self.groups.len() as u32),
                    alone: true,
                });
                self.groups.push(Group::new(e, position));
                return;
            }
        };
        if std::mem::take(&mut self.class[c as usize].alone) {
            // The second event of the key: the first one's slots, from its sources.
            let first = self.class[c as usize].ranks.first().map_or(0, |g| g as usize);
            for s in &self.groups[first].event.sources {
                if let Some(&d) = s.doc.as_ref().and_then(|doc| self.docs.get(doc)) {
                    add_slot(&mut self.slots, (c, d), Slot::of(0, s));
                }
            }
        }
        // A copy of an event already merged (the same document and sentence) joins it;
        // otherwise the first rank none of the event's documents holds.
        let mut rank = None;
        'copy: for (s, &d) in e.sources.iter().zip(docs) {
            if let Some(slots) = self.slots.get(&(c, d)) {
                for slot in slots.iter() {
                    if slot.start == s.sentence.bytes.start && slot.end == s.sentence.bytes.end {
                        rank = Some(slot.rank);
                        break 'copy;
                    }
                }
            }
        }
        let rank = rank.unwrap_or_else(|| match docs {
            [d] => least_free(self.slots.get(&(c, *d)).into_iter().flat_map(|s| s.iter().map(|s| s.rank))),
            _ => {
                least_free(docs.iter().filter_map(|d| self.slots.get(&(c, *d))).flat_map(|s| s.iter().map(|s| s.rank)))
            }
        });
        for (s, &d) in e.sources.iter().zip(docs) {
            add_slot(&mut self.slots, (c, d), Slot::of(rank, s));
        }
        let ranks = &mut self.class[c as usize].ranks;
        match ranks.get(rank as usize) {
            Some(g) => self.groups[g as usize].absorb(e, position),
            None => {
                // The least rank not held is at most the number of ranks.
                ranks.push(self.groups.len() as u32);
                self.groups.push(Group::new(e, position));
            }
        }
    }

    /// The corpus timeline: the merged events in chronological order (ties by the
    /// representative's document and its place in its own timeline), and every undated
    /// sentence, by document and place, each once.
    pub(crate) fn finish(self) -> Timeline {
        let Merger { groups, mut undated, .. } = self;
        let mut events: Vec<(usize, Event)> = groups.into_iter().map(Group::finish).collect();
        // The order is found on indices (an event is large to move): by start, then ties by
        // the representative's document, its place in its own timeline, and precedence.
        let starts: Vec<Option<NaiveDateTime>> = events.iter().map(|(_, e)| e.when.start()).collect();
        let mut order: Vec<usize> = (0..events.len()).collect();
        order.sort_by(|&a, &b| {
            let ((pa, ea), (pb, eb)) = (&events[a], &events[b]);
            starts[a]
                .cmp(&starts[b])
                .then_with(|| doc(ea).cmp(&doc(eb)).then(pa.cmp(pb)).then_with(|| precedence(ea, eb)))
        });
        permute(&mut events, &mut order);
        let events: Vec<Event> = events.into_iter().map(|(_, e)| e).collect();
        undated.sort_by(|a, b| {
            (&a.doc, a.sentence.bytes.start, a.sentence.bytes.end).cmp(&(
                &b.doc,
                b.sentence.bytes.start,
                b.sentence.bytes.end,
            ))
        });
        undated.dedup_by(|a, b| a.doc == b.doc && a.sentence == b.sentence);
        Timeline { events, undated }
    }
}

/// Puts `items` in the order `order` (`order[k]` is the index of the item to put at `k`),
/// in place, one cycle at a time; `order` is left in any state.
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        // Follow the cycle through `start`: position k takes the item at order[k].
        let mut k = start;
        while order[k] != start {
            let from = order[k];
            if from >= items.len() {
                break;
            }
            items.swap(k, from);
            order[k] = k;
            k = from;
        }
        order[k] = k;
    }
}

/// Records that a document holds a rank of a class (with that sentence), once.
fn add_slot(slots: &mut HashMap<(u32, u32), Small<Slot>, BuildHasherDefault<Fx>>, at: (u32, u32), slot: Slot) {
    let held = slots.entry(at).or_default();
    if !held.iter().any(|x| x == slot) {
        held.push(slot);
    }
}

/// The least rank not among `held`.
fn least_free(held: impl Iterator<Item = u32>) -> u32 {
    let mut held: Vec<u32> = held.collect();
    held.sort_unstable();
    held.dedup();
    held.iter().enumerate().find(|&(i, &r)| r as usize != i).map_or(held.len(), |(i, _)| i) as u32
}

/// The document of an event's first source.
fn doc(e: &Event) -> Option<&str> {
    e.sources.first().and_then(|s| s.doc.as_deref())
}

/// The fixed order that ranks a document's events of one key and picks a group's
/// representative: dated before inherited, then sentence text, sentence position, document,
/// and the value's text as a last resort.
fn precedence(a: &Event, b: &Event) -> Ordering {
    a.inherited
        .cmp(&b.inherited)
        .then_with(|| a.text.cmp(&b.text))
        .then(a.sentence.bytes.start.cmp(&b.sentence.bytes.start))
        .then(a.sentence.bytes.end.cmp(&b.sentence.bytes.end))
        .then_with(|| doc(a).cmp(&doc(b)))
        .then_with(|| a.when.to_string().cmp(&b.when.to_string()))
}

impl Group {
    /// A group of one event, the `position`-th of its timeline.
    fn new(e: Event, position: usize) -> Self {
        let (places, figures, cues, sources) = Default::default();
        Group { event: e, position, members: 1, places, figures, cues, sources }
    }

    /// The lists a group grows, taken out of an event.
    fn lists(e: &mut Event) -> (Vec<Place>, Vec<Figure>, Vec<Excerpt>, Vec<Source>) {
        use std::mem::take;
        let (p, f) = (take(&mut e.places).into_vec(), take(&mut e.figures).into_vec());
        (p, f, take(&mut e.cues).into_vec(), take(&mut e.sources).into_vec())
    }

    /// Takes in another member: the least of the two (by [`precedence`]) represents them, and
    /// the other's sources, cues and exempted kinds are added.
    fn absorb(&mut self, mut e: Event, mut position: usize) {
        let swapped = precedence(&e, &self.event) == Ordering::Less;
        if swapped {
            std::mem::swap(&mut self.event, &mut e);
            std::mem::swap(&mut self.position, &mut position);
        }
        // The lists of the member that does not represent join the others': after the
        // representative's own, before the others' when it represented them until now.
        fn join<T>(others: &mut Vec<T>, own: Vec<T>, first: bool) {
            match first {
                true => *others = own.into_iter().chain(std::mem::take(others)).collect(),
                false => others.extend(own),
            }
        }
        let (places, figures, cues, sources) = Group::lists(&mut e);
        join(&mut self.places, places, swapped);
        join(&mut self.figures, figures, swapped);
        join(&mut self.cues, cues, swapped);
        join(&mut self.sources, sources, swapped);
        // Every field named, so that a new one must be given its rule here: the date, mod,
        // sentence, text and mentions are the representative's; the lists are joined (put in
        // order and made sets in `finish`).
        let Event {
            when: _,
            modifier: _,
            sentence: _,
            text: _,
            evidence: _,
            mentions: _,
            kinds,
            measures,
            cues: _,
            exempted,
            places: _,
            figures: _,
            inherited,
            sources: _,
        } = e;
        let into = &mut self.event;
        // Kinds and places are few (a kind or place is added once); figures and the rest are
        // made sets in `finish`, so that a large group costs no rescans.
        into.kinds.extend(kinds);
        into.measures.extend(measures);
        into.exempted.extend(exempted);
        into.inherited &= inherited;
        self.members += 1;
    }

    /// The merged event and its representative's position: an event alone as it came, a
    /// merged one with its lists put in their fixed order (see the module docs).
    fn finish(self) -> (usize, Event) {
        let Group { mut event, position, members, places: p, figures: f, cues: c, sources: s } = self;
        if members > 1 {
            fn whole<T>(own: &mut List<T>, mut others: Vec<T>) -> Vec<T> {
                let mut all = std::mem::take(own).into_vec();
                all.append(&mut others);
                all
            }
            let (mut places, mut figures) = (whole(&mut event.places, p), whole(&mut event.figures, f));
            let mut cues = [std::mem::take(&mut event.cues).into_vec(), c].concat();
            let mut sources = whole(&mut event.sources, s);
            event.kinds.sort_by_key(|k| kind_rank(*k));
            if event.kinds.len() > 1 {
                event.kinds.retain(|k| *k != EventKind::Other);
            }
            // A place (and an equal figure) named by several members is kept once, the one of
            // least evidence index, a named one before one the article gives: the result does
            // not depend on the order they came in.
            places.sort_by(|a, b| place_order(a, b).then(a.context.cmp(&b.context)).then(a.sentence.cmp(&b.sentence)));
            places.dedup_by(|a, b| a.name == b.name && a.kind == b.kind);
            event.measures.sort_by_key(|k| kind_rank(*k));
            figures.sort_by(|a, b| figure_order(a, b).then(a.sentence.cmp(&b.sentence)));
            figures.dedup_by(|a, b| a.what == b.what && a.unit == b.unit && a.value.total_cmp(&b.value).is_eq());
            cues.sort_unstable();
            cues.dedup();
            event.exempted.sort_by_key(|k| *k);
            if let Some((first, rest)) = sources.split_first_mut() {
                let first = first.clone();
                rest.sort_by(|a, b| source_order(a).cmp(&source_order(b)));
                let mut kept = Vec::with_capacity(sources.len());
                kept.push(first);
                for s in sources.into_iter().skip(1) {
                    if kept[0] != s && kept.last() != Some(&s) {
                        kept.push(s);
                    }
                }
                sources = kept;
            }
            (event.places, event.figures, event.cues, event.sources) =
                (places.into(), figures.into(), cues.into(), sources.into());
        }
        (position, event)
    }
}

/// Sources sort by document, then sentence.
fn source_order(s: &Source) -> (Option<&str>, usize, usize, usize, usize) {
    let b = &s.sentence.bytes;
    let c = &s.sentence.chars;
    (s.doc.as_deref(), b.start, b.end, c.start, c.end)
}

/// What two events must share to be one happening (see the module docs): the same days, the
/// same sort of bound, the same main kind (or, with none, the same sentence) and the same
/// main place. Each part is the least element of a set by a fixed order, so the union of
/// sets that share it shares it too: a merged event has the key of its members.
#[derive(PartialEq, Eq, Hash)]
struct Key<'a> {
    days: Days<'a>,
    bound: u8,
    kind: Option<EventKind>,
    /// The sentence, for an event of no kind but `other`.
    text: Option<&'a str>,
    /// The main place's code (see [`main_place`]).
    place: Option<&'a str>,
    /// For a main kind that is a count (cases, deaths, recoveries), the largest figure of
    /// that sort, as bits.
    count: Option<u64>,
}

/// The days an event covers (the value itself for one that covers no days).
#[derive(PartialEq, Eq, Hash)]
enum Days<'a> {
    Span(NaiveDate, NaiveDate),
    Value(&'a Value),
}

impl<'a> Key<'a> {
    fn of(e: &'a Event) -> Self {
        let days = match (e.first_day(), e.last_day()) {
            (Some(a), Some(b)) => Days::Span(a, b),
            _ => Days::Value(&e.when),
        };
        let kind = e.kinds.iter().copied().filter(|k| *k != EventKind::Other).min_by_key(|k| kind_rank(*k));
        let place = main_place(&e.places);
        let text = kind.is_none().then_some(e.text.as_str());
        Key { days, bound: bound(e.modifier), kind, text, place, count: count(kind, e) }
    }

    /// Whether this is the key of `class`, whose representative is `rep` (the rep's kinds
    /// and places, joined from every member, are not looked through again).
    fn is(&self, rep: &Event, class: &Class) -> bool {
        let days_match = match (&self.days, class.days) {
            (Days::Span(a, b), Some((c, d))) => (*a, *b) == (c, d),
            (Days::Value(v), None) => **v == rep.when,
            _ => false,
        };
        days_match
            && self.bound == bound(rep.modifier)
            && self.kind == class.kind
            && self.place == class.place.as_deref()
            && self.count == class.count
            && self.text == class.kind.is_none().then_some(rep.text.as_str())
    }
}

/// The main place of an event, as the code outlets agree on: the least code of its places
/// with the codes of regions (a city carries its region's) before those of countries, and
/// a place with no code by its name. Outlets name the same happening's place at different
/// levels (`в Рудном`, `в Костанайской области`), and a resolved anaphora adds the country:
/// the region's code is what they share. The least element of a set, so the union of places
/// that share it shares it too.
fn main_place(places: &[Place]) -> Option<&str> {
    places
        .iter()
        .map(|p| if p.code.is_empty() { &*p.name } else { &*p.code })
        .min_by_key(|code| (!code.contains('-'), *code))
}

/// The count of an event whose main kind is a count: its largest figure of that sort (the
/// same in the union of figures of events that share it).
fn count(kind: Option<EventKind>, e: &Event) -> Option<u64> {
    let what = match kind? {
        EventKind::Cases => FigureWhat::Cases,
        EventKind::Deaths => FigureWhat::Deaths,
        EventKind::Recoveries => FigureWhat::Recoveries,
        _ => return None,
    };
    let largest = e.figures.iter().filter(|f| f.what == what).map(|f| f.value).max_by(f64::total_cmp)?;
    // -0 is 0.
    Some(if largest == 0.0 { 0.0f64 } else { largest }.to_bits())
}

/// The sort of bound a mod makes: up to a day (`до`, `по`), after it (`после`), or at or
/// from it (no mod, `с`, `около`, the start, middle or end of a period), which all date
/// the same happening.
fn bound(m: Option<Mod>) -> u8 {
    match m {
        Some(Mod::Before | Mod::OnOrBefore) => 1,
        Some(Mod::After) => 2,
        None | Some(Mod::OnOrAfter | Mod::Approx | Mod::Start | Mod::Mid | Mod::End) => 0,
    }
}

/// The order in which an event's kinds name the happening (the least names it): a quarantine
/// before the limits that make it up, then the measures, then the epidemic's figures, then
/// public information, and last the state of emergency, the regime most measures are taken
/// under.
fn kind_rank(k: EventKind) -> u8 {
    match k {
        EventKind::Quarantine => 0,
        EventKind::Cases => 30,
        EventKind::Deaths => 31,
        EventKind::Recoveries => 32,
        EventKind::PublicInformation => 40,
        EventKind::StateOfEmergency => 41,
        EventKind::Other => 50,
        // The measures, in declaration order.
        k => 1 + EventKind::ALL.iter().position(|x| *x == k).unwrap_or(0) as u8,
    }
}

/// The order of places (the least is an event's main place): the most specific first (a
/// city, a region, a country), then by name.
fn place_order(a: &Place, b: &Place) -> Ordering {
    b.kind.cmp(&a.kind).then_with(|| a.name.cmp(&b.name)).then_with(|| a.country.cmp(&b.country))
}

/// The order of figures in a merged event: by sort, unit and value (and the rest, so that
/// the figure kept of equal ones is always the same).
fn figure_order(a: &Figure, b: &Figure) -> Ordering {
    (a.what as u8, &a.unit).cmp(&(b.what as u8, &b.unit)).then(a.value.total_cmp(&b.value)).then_with(|| {
        (a.approx, a.span.bytes.start, a.span.bytes.end).cmp(&(b.approx, b.span.bytes.start, b.span.bytes.end))
    })
}

/// A short list: one element inline, more on the heap (most keys have one group, most
/// documents one event of a key).
#[derive(Clone, Debug, Default)]
enum Small<T: Copy> {
    #[default]
    None,
    One(T),
    Many(Vec<T>),
}

impl<T: Copy> Small<T> {
    fn push(&mut self, x: T) {
        match self {
            Small::None => *self = Small::One(x),
            Small::One(a) => *self = Small::Many(vec![*a, x]),
            Small::Many(v) => v.push(x),
        }
    }

    fn get(&self, i: usize) -> Option<T> {
        match self {
            Small::None => None,
            Small::One(a) => (i == 0).then_some(*a),
            Small::Many(v) => v.get(i).copied(),
        }
    }

    fn first(&self) -> Option<T> {
        self.get(0)
    }

    fn iter(&self) -> impl Iterator<Item = T> + '_ {
        let (one, many): (Option<T>, &[T]) = match self {
            Small::None => (None, &[]),
            Small::One(a) => (Some(*a), &[]),
            Small::Many(v) => (None, v.as_slice()),
        };
        one.into_iter().chain(many.iter().copied())
    }
}

/// A fast hasher for keys that are already hashes or small interned numbers (no input
/// chooses them): one multiply per word, as in rustc's `FxHasher`.
#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::permute;

    #[test]
    fn permute_puts_each_item_where_the_order_says() {
        for order in [vec![2, 0, 1], vec![0, 1, 2], vec![1, 0, 3, 2], vec![3, 2, 1, 0, 4], vec![]] {
            let mut items: Vec<usize> = (0..order.len()).map(|i| i * 10).collect();
            let expected: Vec<usize> = order.iter().map(|&i| i * 10).collect();
            permute(&mut items, &mut order.clone());
            assert_eq!(items, expected);
        }
    }
}
