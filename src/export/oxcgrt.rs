//! An OxCGRT-style panel (feature `csv`, on by default): one CSV row per place and day,
//! a column per indicator marking the measure in force on that day according to the
//! timeline, and the confirmed cases and deaths the timeline reports for that place on that
//! day. Built from a merged corpus timeline (`--merge --format oxcgrt`) or from one
//! document's timeline (`--format oxcgrt`).
//!
//! ```
//! use khronika::{analyze, Document};
//! use khronika::export::oxcgrt::{write, Options};
//! let doc = Document::parse("date 2020-03-18 С 16 марта в Казахстане все школы закрыты.").unwrap().with_id("n1");
//! let analysis = analyze(&doc);
//! let mut out = Vec::new();
//! let options = Options { published: Some(doc.published().day()) };
//! let summary = write(&mut out, &analysis.timeline, &options).unwrap();
//! let csv = String::from_utf8(out).unwrap();
//! let rows: Vec<&str> = csv.lines().skip(1).collect();
//! // 16, 17 and 18 March: from the open bound `с 16 марта` to the publication day.
//! assert_eq!(rows.len(), 3);
//! assert!(rows[0].starts_with("Казахстан,KAZ,,,20200316,1,,1,"));
//! assert!(rows[2].starts_with("Казахстан,KAZ,,,20200318,1,,1,"));
//! assert_eq!(summary.rows, 3);
//! ```
//!
//! `docs/oxcgrt.md` has the same rules and a worked example.
//!
//! # Columns ([`COLUMNS`])
//!
//! | column | holds |
//! | --- | --- |
//! | `CountryName`, `CountryCode` | the country: its nominative name and ISO 3166-1 alpha-3 code (`Казахстан`, `KAZ`) |
//! | `RegionName`, `RegionCode` | the first-level region and its ISO 3166-2 code (`Карагандинская область`, `KZ-35`); both empty on a national row |
//! | `Date` | the day, `YYYYMMDD` |
//! | `C1` … `C8`, `E1` … `E3`, `H1` … `H8` | `1` when the measure is in force on that day according to the timeline, empty otherwise (no data is blank, as in OxCGRT) |
//! | `<code>_level` | the ordinal level of OxCGRT's scale: empty on every row, because no cue decides a level yet |
//! | `<code>_sources` | how many distinct documents the flag rests on; empty when the flag is |
//! | `ConfirmedCases`, `ConfirmedDeaths` | the running total of cases (deaths) reported for that place on that day; empty when none is |
//!
//! The indicator of an event kind is [`EventKind::indicator`]; `H4` and `H5` (health and
//! vaccine investment) have no kind, so their columns are always empty.
//!
//! # How a row is derived
//!
//! **Which events.** An event counts for an indicator when one of its kinds, or one of the
//! measures its decree lists ([`Event::measures`]), has that indicator. A quarantine, a
//! state of emergency and public services have no OxCGRT indicator and flag nothing of
//! their own; the measures a quarantine sentence names do (`карантин: закрыты кинотеатры`
//! flags C2). Exempted and denied kinds ([`Event::exempted`]) are no kinds and flag nothing.
//!
//! **Which rows.** Each place of the event gives a row key:
//!
//! - a country: its national row (`CountryCode` its code, region columns empty);
//! - a region: its region row (`RegionCode` its ISO 3166-2 code), under its country;
//! - a city: the row of the region whose code it carries (`Караганда` → `KZ-35`, the
//!   Karaganda Region row; `Алматы` → `KZ-75`, a city that is a region of its own, named by
//!   the gazetteer's region of that code or else by the city).
//!
//! A regional measure does not flag the national row (OxCGRT's national rows record measures
//! of national scope): a country the event names is taken as the context of its regions and
//! flags its national row only when the event names no region or city of that country
//! (`в Карагандинской области Казахстана` flags `KZ-35` only). An event with several regions
//! flags each of them. A place without a code (one read back from a JSON without `code`) is
//! no row key. **An event with no place, or none with a code, is not in the panel**: the
//! panel has no row for "somewhere"; [`Summary::no_place`] counts those events.
//!
//! **Which days.** An event's value says which days it claims, by its TIMEX3 mod:
//!
//! | value | claim |
//! | --- | --- |
//! | an interval `A/B` | in force from the first day of `A` to the last day of `B`, and `B` is an *end* |
//! | a day, a week, a weekend, a month without mod (or `APPROX` on a day; `START`, `MID`, `END` on a day) | in force on the days it covers |
//! | `ON_OR_AFTER` (`с 16 марта`) | an *open start* on its first day |
//! | `AFTER` (`после 16 марта`) | an open start on the day after its last day |
//! | `ON_OR_BEFORE` (`по 15 апреля`) | an *end*: in force up to its last day |
//! | `BEFORE` (`до 15 апреля`) | an end: in force up to the day before its first day (TIMEX3's BEFORE is strict) |
//!
//! A value coarser than a month (a year, a quarter, a half, a season, or an interval with
//! such an end), a value that is not on the calendar (a duration, a set, `PRESENT_REF`) and
//! `START`, `MID` or `END` on more than a day (`в начале марта`) claim no day:
//! [`Summary::vague`] counts those events.
//!
//! For each row and indicator, with the claims of that row and indicator:
//!
//! 1. a day claim flags its days;
//! 2. an open start at `s` runs to the earliest end on or after `s` (an end bound's day, or
//!    the last day of an interval that ends on or after `s`), or, when the timeline has none,
//!    to the corpus end; the days rest on the open start's sources and the ending claim's;
//! 3. an end bound at `e` that ends no open start says the measure is in force up to `e`:
//!    the run starts at the latest claim of the same row and indicator that starts on or
//!    before `e` (an extension: `продлён до 12 апреля` after an interval); when there is
//!    none, the start is unknown and the panel does not invent one: the run is one day, the
//!    last the corpus reaches (`e`, or the corpus end when that is earlier: a measure
//!    reported in force until a later day is in force on the day the corpus ends).
//!
//! The kind model has no "lifted" kind: a reopening reads as the measure's own kind
//! (`занятия возобновятся` is a school-closing cue), so nothing but an end bound or an
//! interval ends an open start.
//!
//! **The corpus end** is [`Options::published`] when the caller gives it (the latest
//! publication date of the documents: [`Format`](super::Format) gives a document's own), or
//! else the latest last day of an event that claims days (a merged [`Timeline`] does not
//! know its documents' publication dates); [`Summary::end`] says which. No flag is past
//! the corpus end, so a measure announced for later is not yet in force. No run is longer
//! than 3 years ([`MAX_DAYS`]) from its start.
//!
//! **Sources.** `<code>_sources` counts the distinct documents (the `doc` of the sources
//! of every claim behind the flag on that day; sources without a document id count as one
//! document, and an event without sources as one).
//!
//! **Cases and deaths.** A figure of cases (deaths) that the sentence marks cumulative
//! (`всего`, `с начала пандемии`, [`Count::Cumulative`]), not a part of another count nor
//! approximate, on an event of one day (a day, a part of a day, a time; not a `BEFORE` or
//! `AFTER` bound), goes to the row of its places: the places its own evidence sentence
//! names, or the event's when that sentence names none; every one of them gives a row here,
//! a country too (a count is not a measure: `в Казахстане 81, в Карагандинской области 10`
//! names two totals, and the model does not tie a number to its place). When they give
//! more than one row, the count is left out, counted in [`Summary::ambiguous_figures`].
//! Several on one row and day: the largest (the latest state of a running total).
//!
//! **Limits.** Every place an event names gives its row: the model does not tell the place a
//! measure is taken in from the place it is about, so a travel restriction flags its
//! destination too (`авиарейсы из Петропавловска в Москву` flags C8 in `KZ-59` and
//! `RU-MOW`).
//!
//! **The rows.** A place has a row for every day from its earliest to its latest day with a
//! flag or a figure (at most the last [`MAX_DAYS`] of them), days ascending; places in the
//! order of their codes, a country's national row before its regions. Memory is linear in
//! the claims and the figures; rows are written as they are made.

use crate::event::figures::{Count, FigureWhat};
use crate::event::kinds::EventKind;
use crate::event::places::PlaceKind;
use crate::event::{Event, Place};
use crate::lang::Lang;
use crate::mention::Mod;
use crate::timeline::Timeline;
use crate::value::Value;
use chrono::{Duration, NaiveDate};
use std::collections::{BTreeMap, HashMap};
use std::io;

/// The indicators with a column, in order.
pub const INDICATORS: [&str; 19] =
    ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "E1", "E2", "E3", "H1", "H2", "H3", "H4", "H5", "H6", "H7", "H8"];

macro_rules! columns {
    ($($code:ident)*) => {
        [
            "CountryName", "CountryCode", "RegionName", "RegionCode", "Date",
            $(stringify!($code), concat!(stringify!($code), "_level"), concat!(stringify!($code), "_sources"),)*
            "ConfirmedCases", "ConfirmedDeaths",
        ]
    };
}

/// The header of the panel, in order (see the [module docs](self)): the place, the day,
/// then `C1`, `C1_level`, `C1_sources`, `C2`, ... for each of [`INDICATORS`], then
/// `ConfirmedCases`, `ConfirmedDeaths`.
pub const COLUMNS: [&str; 64] = columns!(C1 C2 C3 C4 C5 C6 C7 C8 E1 E2 E3 H1 H2 H3 H4 H5 H6 H7 H8);

/// The longest run of days a claim flags, and the most days a place has rows for (3 years).
pub const MAX_DAYS: i64 = 3 * 366;

/// How the panel is built.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The corpus's last publication date, when the caller knows it: the corpus end. With
    /// `None`, the latest day an event claims.
    pub published: Option<NaiveDate>,
}

/// Where the corpus end came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum End {
    /// [`Options::published`].
    Published,
    /// The latest last day of an event that claims days (no publication date was given).
    #[default]
    LatestEvent,
    /// No event claims a day: the panel is empty.
    None,
}

/// What a panel was made of (see the [module docs](self)).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Rows written (the header not counted).
    pub rows: usize,
    /// Places (national and regional rows) with at least one row.
    pub places: usize,
    /// Events with a flag's indicator or a cumulative count that have no place with a code:
    /// not in the panel.
    pub no_place: usize,
    /// Events with a place and an indicator whose value claims no day: not in the panel.
    pub vague: usize,
    /// Cumulative counts left out because their places give several rows.
    pub ambiguous_figures: usize,
    /// The corpus end (no flag is later).
    pub end_day: Option<NaiveDate>,
    /// Where it came from.
    pub end: End,
}

/// Writes the panel of `timeline`: the header ([`COLUMNS`]), then one row per place and
/// day, as the [module docs](self) derive them; returns what it was made of.
///
/// # Errors
/// Any error of `out`.
pub fn write(out: &mut impl io::Write, timeline: &Timeline, options: &Options) -> io::Result<Summary> {
    let panel = Panel::build(timeline, options);
    let mut csv = csv::WriterBuilder::new().has_headers(false).terminator(csv::Terminator::CRLF).from_writer(&mut *out);
    csv.write_record(COLUMNS).map_err(io_error)?;
    let mut summary = panel.summary.clone();
    let mut fields: Vec<String> = vec![String::new(); COLUMNS.len()];
    let mut docs: Vec<u32> = Vec::new();
    for (key, place) in &panel.places {
        let Some((first, last)) = place.span() else { continue };
        summary.places += 1;
        let mut day = first;
        while day <= last {
            fields.iter_mut().for_each(String::clear);
            fields[0].push_str(&key.country_name);
            fields[1].push_str(&key.country_code);
            fields[2].push_str(&key.region_name);
            fields[3].push_str(&key.region_code);
            fields[4].push_str(&day.format("%Y%m%d").to_string());
            for (i, runs) in place.runs.iter().enumerate() {
                docs.clear();
                let mut flagged = false;
                for r in runs.iter().filter(|r| r.from <= day && day <= r.to) {
                    flagged = true;
                    docs.extend_from_slice(&r.docs);
                }
                if flagged {
                    docs.sort_unstable();
                    docs.dedup();
                    fields[5 + 3 * i].push('1');
                    fields[7 + 3 * i].push_str(&docs.len().to_string());
                }
            }
            if let Some(&(cases, deaths)) = place.figures.get(&day) {
                let n = COLUMNS.len();
                if let Some(v) = cases {
                    fields[n - 2].push_str(&v.to_string());
                }
                if let Some(v) = deaths {
                    fields[n - 1].push_str(&v.to_string());
                }
            }
            csv.write_record(&fields).map_err(io_error)?;
            summary.rows += 1;
            let Some(next) = day.succ_opt() else { break };
            day = next;
        }
    }
    csv.flush()?;
    Ok(summary)
}

/// An error of the csv writer as an I/O error (an error of the output as it was).
fn io_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("CSV: {other:?}")),
    }
}

/// A row's place: the codes first, so that the map orders places by code, a national row
/// (empty region code) before its regions.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Key {
    country_code: String,
    region_code: String,
    country_name: String,
    region_name: String,
}

/// Days flagged for one indicator, and the documents behind them (interned ids).
#[derive(Clone, Debug)]
struct Run {
    from: NaiveDate,
    to: NaiveDate,
    docs: Vec<u32>,
}

/// What an event claims of an indicator (see the module docs).
#[derive(Clone, Debug)]
enum Claim {
    /// In force on these days; `end` when the value is an interval (its end is an end).
    Days { from: NaiveDate, to: NaiveDate, end: bool },
    /// In force from this day on.
    Open(NaiveDate),
    /// In force up to this day.
    End(NaiveDate),
}

impl Claim {
    fn start(&self) -> Option<NaiveDate> {
        match self {
            Claim::Days { from, .. } | Claim::Open(from) => Some(*from),
            Claim::End(_) => None,
        }
    }

    /// The day this claim ends a run on, if it is an end.
    fn end_day(&self) -> Option<NaiveDate> {
        match self {
            Claim::Days { to, end: true, .. } => Some(*to),
            Claim::End(e) => Some(*e),
            _ => None,
        }
    }
}

/// One place's claims per indicator, runs and figures.
#[derive(Debug)]
struct PlaceData {
    claims: Vec<Vec<(Claim, Vec<u32>)>>,
    runs: Vec<Vec<Run>>,
    /// Day → (cumulative cases, cumulative deaths).
    figures: BTreeMap<NaiveDate, (Option<u64>, Option<u64>)>,
}

impl Default for PlaceData {
    /// No claim, run or figure for any indicator yet.
    fn default() -> Self {
        PlaceData {
            claims: vec![Vec::new(); INDICATORS.len()],
            runs: vec![Vec::new(); INDICATORS.len()],
            figures: BTreeMap::new(),
        }
    }
}

impl PlaceData {
    /// The first and last day with a flag or a figure, at most [`MAX_DAYS`] of them.
    fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let days = self.runs.iter().flatten().flat_map(|r| [r.from, r.to]).chain(self.figures.keys().copied());
        let (first, last) = days.fold(None, |acc: Option<(NaiveDate, NaiveDate)>, d| match acc {
            None => Some((d, d)),
            Some((a, b)) => Some((a.min(d), b.max(d))),
        })?;
        let floor = last.checked_sub_signed(Duration::days(MAX_DAYS - 1)).unwrap_or(first);
        Some((first.max(floor), last))
    }
}

/// The panel before it is written: places in row order.
struct Panel {
    places: BTreeMap<Key, PlaceData>,
    summary: Summary,
}

/// What an event's value claims (see the module docs), or `None` when it claims no day.
fn claim(e: &Event) -> Option<Claim> {
    if !e.when.is_daily() {
        return None;
    }
    let (first, last) = (e.first_day()?, e.last_day()?);
    let interval = matches!(e.when, Value::Interval(..));
    Some(match e.modifier {
        None => Claim::Days { from: first, to: last, end: interval },
        Some(Mod::Approx | Mod::Start | Mod::Mid | Mod::End) if first == last && !interval => {
            Claim::Days { from: first, to: last, end: false }
        }
        Some(Mod::Approx | Mod::Start | Mod::Mid | Mod::End) => return None,
        Some(Mod::OnOrAfter) => Claim::Open(first),
        Some(Mod::After) => Claim::Open(last.succ_opt()?),
        Some(Mod::OnOrBefore) => Claim::End(last),
        Some(Mod::Before) => Claim::End(first.pred_opt()?),
    })
}

/// The indicator columns an event flags (its kinds' and its measures' indicators).
fn indicators(e: &Event) -> Vec<usize> {
    let mut out: Vec<usize> = e
        .kinds
        .iter()
        .chain(&e.measures)
        .filter_map(|k: &EventKind| k.indicator())
        .filter_map(|code| INDICATORS.iter().position(|c| *c == code))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The country with ISO 3166-1 alpha-2 code `alpha2`: its name and alpha-3 code.
fn country(alpha2: &str) -> Option<(&'static str, &'static str)> {
    Lang::ALL.iter().find_map(|l| l.table().events.gazetteer.country(alpha2).map(|p| (p.name, p.code)))
}

/// The name of the region whose code is `code`.
fn region_name(code: &str) -> Option<&'static str> {
    Lang::ALL.iter().find_map(|l| l.table().events.gazetteer.region(code).map(|p| p.name))
}

/// The row keys of these places: every region and city (by its region code), and every
/// country (with `context`, only those none of the regions and cities lies in; see the
/// module docs).
fn keys<'p>(places: impl Iterator<Item = &'p Place> + Clone, context: bool) -> Vec<Key> {
    let mut out: Vec<Key> = Vec::new();
    let regional = |p: &Place| matches!(p.kind, PlaceKind::Region | PlaceKind::City);
    for p in places.clone().filter(|p| !p.code.is_empty()) {
        let key = if regional(p) {
            let (country_name, country_code) = country(&p.country).unwrap_or(("", ""));
            let region = match p.kind {
                PlaceKind::City => region_name(&p.code).unwrap_or(&p.name),
                _ => &p.name,
            };
            Key {
                country_code: country_code.to_owned(),
                region_code: p.code.to_string(),
                country_name: country_name.to_owned(),
                region_name: region.to_owned(),
            }
        } else {
            if context && places.clone().any(|q| regional(q) && !q.code.is_empty() && q.country == p.country) {
                continue;
            }
            Key {
                country_code: p.code.to_string(),
                region_code: String::new(),
                country_name: p.name.to_string(),
                region_name: String::new(),
            }
        };
        if !out.contains(&key) {
            out.push(key);
        }
    }
    out
}

impl Panel {
    fn build(timeline: &Timeline, options: &Options) -> Panel {
        let mut summary = Summary::default();
        let mut docs: HashMap<Option<&str>, u32> = HashMap::new();
        let mut places: BTreeMap<Key, PlaceData> = BTreeMap::new();
        let mut latest: Option<NaiveDate> = None;
        for e in timeline.iter() {
            let c = claim(e);
            if c.is_some() {
                latest = latest.max(e.last_day());
            }
            let inds = indicators(e);
            let figures = cumulative(e);
            if inds.is_empty() && figures.is_empty() {
                continue;
            }
            let event_keys = keys(e.places.iter(), true);
            if event_keys.is_empty() {
                summary.no_place += 1;
                continue;
            }
            let mut ids: Vec<u32> = e
                .sources
                .iter()
                .map(|s| {
                    let n = docs.len() as u32;
                    *docs.entry(s.doc.as_deref()).or_insert(n)
                })
                .collect();
            if ids.is_empty() {
                let n = docs.len() as u32;
                ids.push(*docs.entry(None).or_insert(n));
            }
            ids.sort_unstable();
            ids.dedup();
            if !inds.is_empty() {
                match &c {
                    None => summary.vague += 1,
                    Some(c) => {
                        for k in &event_keys {
                            let place = places.entry(k.clone()).or_default();
                            for &i in &inds {
                                place.claims[i].push((c.clone(), ids.clone()));
                            }
                        }
                    }
                }
            }
            let day = match e.modifier {
                Some(Mod::Before | Mod::After) => None,
                _ => e.when.on_day(),
            };
            for (what, value, sentence) in figures {
                let Some(day) = day else { continue };
                let own = e.places.iter().filter(|p| p.sentence == sentence);
                let ks = if own.clone().next().is_some() { keys(own, false) } else { keys(e.places.iter(), false) };
                let [key] = ks.as_slice() else {
                    summary.ambiguous_figures += 1;
                    continue;
                };
                let place = places.entry(key.clone()).or_default();
                let slot = place.figures.entry(day).or_insert((None, None));
                let field = if what == FigureWhat::Cases { &mut slot.0 } else { &mut slot.1 };
                *field = Some(field.map_or(value, |v| v.max(value)));
            }
        }
        let end = match options.published {
            Some(d) => {
                summary.end = End::Published;
                Some(d)
            }
            None => {
                summary.end = if latest.is_some() { End::LatestEvent } else { End::None };
                latest
            }
        };
        summary.end_day = end;
        for place in places.values_mut() {
            place.figures.retain(|d, _| end.is_some_and(|end| *d <= end));
            for (claims, runs) in place.claims.iter().zip(place.runs.iter_mut()) {
                *runs = resolve(claims, end);
            }
            place.claims = Vec::new();
        }
        Panel { places, summary }
    }
}

/// The cumulative counts of cases and deaths an event states: (what, value, evidence
/// sentence). Whole, non-negative, not approximate, not a part.
fn cumulative(e: &Event) -> Vec<(FigureWhat, u64, usize)> {
    e.figures
        .iter()
        .filter(|f| f.count == Some(Count::Cumulative) && !f.subset && !f.approx)
        .filter(|f| matches!(f.what, FigureWhat::Cases | FigureWhat::Deaths))
        .filter(|f| f.value.is_finite() && f.value >= 0.0 && f.value.fract() == 0.0 && f.value < 1e15)
        .map(|f| (f.what, f.value as u64, f.sentence))
        .collect()
}

/// The runs of one row and indicator from its claims (see the module docs), clipped to the
/// corpus end and to [`MAX_DAYS`].
fn resolve(claims: &[(Claim, Vec<u32>)], end: Option<NaiveDate>) -> Vec<Run> {
    let Some(end) = end else { return Vec::new() };
    let mut runs = Vec::new();
    let mut used_ends = vec![false; claims.len()];
    let mut push = |from: NaiveDate, to: NaiveDate, docs: Vec<u32>| {
        let cap = from.checked_add_signed(Duration::days(MAX_DAYS - 1)).unwrap_or(to);
        let to = to.min(end).min(cap);
        if from <= to {
            runs.push(Run { from, to, docs });
        }
    };
    for (c, docs) in claims {
        match c {
            Claim::Days { from, to, .. } => push(*from, *to, docs.clone()),
            Claim::Open(s) => {
                let closer = claims
                    .iter()
                    .enumerate()
                    .filter_map(|(j, (d, _))| d.end_day().filter(|e| e >= s).map(|e| (e, j)))
                    .min();
                match closer {
                    Some((e, j)) => {
                        used_ends[j] = true;
                        let mut all = docs.clone();
                        all.extend_from_slice(&claims[j].1);
                        push(*s, e, all);
                    }
                    None => push(*s, end, docs.clone()),
                }
            }
            Claim::End(_) => {}
        }
    }
    for (j, (c, docs)) in claims.iter().enumerate() {
        let Claim::End(e) = c else { continue };
        if used_ends[j] {
            continue;
        }
        let start = claims.iter().filter_map(|(d, ds)| d.start().filter(|s| s <= e).map(|s| (s, ds))).max();
        match start {
            Some((s, ds)) => {
                let mut all = docs.clone();
                all.extend_from_slice(ds);
                push(s, *e, all);
            }
            None => {
                let day = (*e).min(end);
                push(day, day, docs.clone())
            }
        }
    }
    runs
}
