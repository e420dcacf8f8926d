//! Events: what kind of thing a sentence reports, where, and with which figures.
//!
//! [`kinds`] classifies a sentence against a language's cue tables; [`figures`] and
//! [`places`] read the numbers and the places it names; [`build`] turns a document's
//! tokens, sentences and mentions into dated [`Event`]s, with the rule for undated
//! sentences.
//!
//! # Offsets
//!
//! In the Rust API a sentence's span is in bytes (`&text[span.bytes.clone()]` is the
//! sentence); [`Span`] carries the character offsets too, and that is what JSON gets:
//! in every JSON the crate writes, `start`/`end` count characters (Unicode scalar values, as
//! Python's and JavaScript's strings index them) and `byte_start`/`byte_end` count UTF-8
//! bytes.

pub mod build;
pub mod figures;
pub mod kinds;
mod lists;
pub mod places;

pub use lists::{CueWords, Indices, Kinds, KindsIter, List};

use crate::mention::Mod;
use crate::text::{Excerpt, Tokens};
use crate::value::Value;
use chrono::NaiveDate;
use figures::words::FigureWords;
use figures::{Figure, FigureWhat};
use kinds::{Cues, EventKind};
use once_cell::sync::Lazy;
use places::gazetteer::Gazetteer;
use places::PlaceKind;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

/// What a language gives the event engines: its kind cues, figure words and gazetteer, each
/// compiled once on first use. `src/lang/xx/` fills one; nothing here names a language.
pub(crate) struct EventTables {
    /// The kind cues.
    pub(crate) cues: &'static Lazy<Cues>,
    /// The words of figures (counted nouns, currencies, multipliers, number words).
    pub(crate) figures: &'static Lazy<FigureWords>,
    /// The places and their forms.
    pub(crate) gazetteer: &'static Lazy<Gazetteer>,
}

/// A place an event happened in, by its nominative name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Place {
    /// The name in the nominative (`Нур-Султан`, `Западно-Казахстанская область`); the
    /// gazetteer's own string, not a copy, for a place the pipeline found.
    pub name: Cow<'static, str>,
    /// Country, region or city.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code of its country (`KZ`, `RU`).
    pub country: Cow<'static, str>,
    /// The code to join on: ISO 3166-1 alpha-3 for a country (`KAZ`, `RUS`), ISO 3166-2 for a
    /// region and for a city that is a region of its own (`KZ-75` Almaty, `RU-MOW` Moscow);
    /// any other city carries its region's code (`Караганда` → `KZ-35`). Written as `"code"`
    /// in JSON; empty when a JSON without it is read back.
    #[serde(default)]
    pub code: Cow<'static, str>,
    /// Which of its event's evidence sentences names it (an index into
    /// [`Event::evidence`]; 0 outside an event): for a place resolved from an anaphor, the
    /// sentence of the anaphor; for the article's place, 0.
    #[serde(default)]
    pub sentence: usize,
    /// True when the article gives the place rather than the evidence naming it: a place
    /// resolved from an anaphor (`в республике` → `Казахстан`), or the article's own place
    /// (the country of a national story, the region or city of a local one) given to an
    /// event whose evidence names none. JSON writes `"context": true`, and no key for a
    /// named place.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub context: bool,
}

/// Where a sentence is in its document's text: bytes for slicing, characters for JSON.
///
/// Serde writes it as `{"start", "end", "byte_start", "byte_end"}`: `start`/`end` count
/// characters (Unicode scalar values), `byte_start`/`byte_end` count UTF-8 bytes, the same
/// convention as every JSON the crate writes; it reads the same four keys back.
///
/// ```
/// use khronika::Span;
/// let span = Span { bytes: 2..12, chars: 1..6 };
/// let json = serde_json::to_string(&span).unwrap();
/// assert_eq!(json, r#"{"start":1,"end":6,"byte_start":2,"byte_end":12}"#);
/// assert_eq!(serde_json::from_str::<Span>(&json).unwrap(), span);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    /// Byte offsets in the document text (`&text[bytes.clone()]` is the sentence).
    pub bytes: Range<usize>,
    /// Character offsets of the same sentence.
    pub chars: Range<usize>,
}

/// The JSON form of a [`Span`].
#[derive(Serialize, Deserialize)]
struct SpanRepr {
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        SpanRepr {
            start: self.chars.start,
            end: self.chars.end,
            byte_start: self.bytes.start,
            byte_end: self.bytes.end,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = SpanRepr::deserialize(d)?;
        Ok(Span { bytes: r.byte_start..r.byte_end, chars: r.start..r.end })
    }
}

/// A document's sentences, in text order: each one's [`Span`], held in 16 bytes (offsets in
/// 32 bits: a text khronika reads is at most 2 GiB)
/// rather than a `Span`'s 32, since a long document has tens of thousands. It gives each
/// sentence's span by value ([`Sentences::get`], [`Sentences::iter`]), and serializes as
/// the list of spans a `Vec<Span>` would be.
///
/// ```
/// use khronika::{analyze, Document, Span};
/// let a = analyze(&Document::parse("date 2020-03-20 Вчера закрыли школы. Ввели карантин.").unwrap());
/// assert_eq!(a.sentences.len(), 2);
/// assert_eq!(a.sentences.get(1), Some(Span { bytes: 38..66, chars: 21..36 }));
/// assert_eq!(a.sentences.iter().map(|s| s.chars.start).collect::<Vec<_>>(), [0, 21]);
/// let json = serde_json::to_string(&a.sentences).unwrap();
/// assert!(json.starts_with(r#"[{"start":0,"end":20,"byte_start":0,"byte_end":37},"#));
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Sentences(Vec<[u32; 4]>);

impl Sentences {
    /// No sentences.
    pub fn new() -> Self {
        Sentences(Vec::new())
    }

    /// No sentences, with room for `n`.
    pub(crate) fn with_capacity(n: usize) -> Self {
        Sentences(Vec::with_capacity(n))
    }

    /// Adds a sentence at the end (offsets past `u32::MAX`, which no text khronika reads
    /// has, are cut to it).
    pub fn push(&mut self, span: &Span) {
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        self.0.push([
            narrow(span.bytes.start),
            narrow(span.bytes.end),
            narrow(span.chars.start),
            narrow(span.chars.end),
        ]);
    }

    /// The number of sentences.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// No sentences at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The span of sentence `i`.
    pub fn get(&self, i: usize) -> Option<Span> {
        self.0.get(i).map(Sentences::span)
    }

    /// The first sentence's span.
    pub fn first(&self) -> Option<Span> {
        self.0.first().map(Sentences::span)
    }

    /// The last sentence's span.
    pub fn last(&self) -> Option<Span> {
        self.0.last().map(Sentences::span)
    }

    /// The spans, in text order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = Span> + ExactSizeIterator + '_ {
        self.0.iter().map(Sentences::span)
    }

    /// The spans as a `Vec`.
    pub fn to_vec(&self) -> Vec<Span> {
        self.iter().collect()
    }

    /// Gives back the room not filled.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.0.shrink_to_fit();
    }

    /// Reserves room for `n` more.
    pub(crate) fn reserve(&mut self, n: usize) {
        self.0.reserve(n);
    }

    fn span(s: &[u32; 4]) -> Span {
        Span { bytes: s[0] as usize..s[1] as usize, chars: s[2] as usize..s[3] as usize }
    }
}

impl fmt::Debug for Sentences {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl FromIterator<Span> for Sentences {
    fn from_iter<I: IntoIterator<Item = Span>>(iter: I) -> Self {
        let mut s = Sentences::new();
        for span in iter {
            s.push(&span);
        }
        s
    }
}

impl From<Vec<Span>> for Sentences {
    fn from(v: Vec<Span>) -> Self {
        v.into_iter().collect()
    }
}

impl PartialEq<[Span]> for Sentences {
    fn eq(&self, other: &[Span]) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a == *b)
    }
}

impl PartialEq<Vec<Span>> for Sentences {
    fn eq(&self, other: &Vec<Span>) -> bool {
        *self == other[..]
    }
}

impl Serialize for Sentences {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Sentences {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Vec::<Span>::deserialize(d)?.into())
    }
}

/// Where an event was read: a document and the sentence in its text.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Source {
    /// The document's id, when it has one: shared by every event of the document (one copy
    /// of the id however many events it has); JSON writes it as a plain string.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "shared_id")]
    pub doc: Option<Arc<str>>,
    /// The sentence in that document's text.
    pub sentence: Span,
}

/// Serde for a shared id: a plain string (or nothing).
mod shared_id {
    use serde::{Deserialize, Deserializer, Serializer};
    use std::sync::Arc;

    pub(super) fn serialize<S: Serializer>(id: &Option<Arc<str>>, s: S) -> Result<S::Ok, S::Error> {
        match id {
            Some(id) => s.serialize_some(&**id),
            None => s.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Arc<str>>, D::Error> {
        Ok(Option::<String>::deserialize(d)?.map(Arc::from))
    }
}

/// Something that happened at a time the text gives: one dated clause of a sentence, or a
/// sentence that continues one (an *inherited* event).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// When: a value, or an interval when one clause gives both ends (`начал действовать
    /// 16 марта и продлится до 15 апреля` → `2020-03-16/2020-04-15`; not across a contrast:
    /// `с 15 апреля нужен пропуск, а самоизоляция продлена до 31 мая` is two events).
    pub when: Value,
    /// The mod of a one-sided bound (`до 17.00` → BEFORE).
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Mod>,
    /// Its first evidence sentence in the document text (bytes and characters): the one
    /// that dates it.
    pub sentence: Span,
    /// That sentence's text (shared with the document's other sentences, see
    /// [`Excerpt`](crate::Excerpt)).
    pub text: Excerpt,
    /// Every sentence that reports it, in order: `sentence` first, then its continuations
    /// and restatements in text order.
    pub evidence: List<Span>,
    /// Indices of the mentions that date it, in the document's mention list (empty for an
    /// inherited event); [`Indices::indices`] gives them as `usize`.
    pub mentions: Indices,
    /// What kind of event it is; `[Other]` when no cue says.
    pub kinds: Kinds,
    /// The kinds of the measures its evidence lists under it, when it is a decree (a state
    /// of emergency or a quarantine, then `Ограничен въезд в страну.`): the decree's content,
    /// not its own kind.
    #[serde(default, skip_serializing_if = "Kinds::is_empty")]
    pub measures: Kinds,
    /// The words that decided the kinds, as written (shared with the document's text).
    #[serde(default, skip_serializing_if = "<[Excerpt]>::is_empty")]
    pub cues: CueWords,
    /// Kinds the sentence exempts or denies (`не затронул грузовые перевозки`).
    #[serde(default, skip_serializing_if = "Kinds::is_empty")]
    pub exempted: Kinds,
    /// The places the sentence names.
    #[serde(default)]
    pub places: List<Place>,
    /// The figures the sentence states.
    #[serde(default)]
    pub figures: List<Figure>,
    /// True when its sentence has no date of its own: a measure reported after a dated
    /// sentence, dated by it.
    #[serde(default)]
    pub inherited: bool,
    /// The documents and sentences it was read from (several after a corpus merge).
    #[serde(default)]
    pub sources: List<Source>,
}

impl Event {
    /// An event of one dated sentence with nothing read from it yet: kinds, places and the
    /// rest are empty, `evidence` is the sentence.
    pub fn new(when: Value, modifier: Option<Mod>, sentence: Span, text: impl Into<Excerpt>) -> Self {
        let mut e = Event::bare(when, modifier, sentence, text.into());
        e.evidence = List::one(e.sentence.clone());
        e
    }

    /// [`Event::new`] with its evidence left empty: what the builder makes, for which an
    /// empty evidence stands for the one sentence until the document is read (see
    /// `build::Builder::finish_with_sentences`), so a one-sentence event costs no list.
    pub(crate) fn bare(when: Value, modifier: Option<Mod>, sentence: Span, text: Excerpt) -> Self {
        Event {
            when,
            modifier,
            evidence: List::new(),
            sentence,
            text,
            mentions: Indices::new(),
            kinds: Kinds::new(),
            measures: Kinds::new(),
            cues: CueWords::new(),
            exempted: Kinds::new(),
            places: List::new(),
            figures: List::new(),
            inherited: false,
            sources: List::new(),
        }
    }

    /// The first day the event covers.
    pub fn first_day(&self) -> Option<NaiveDate> {
        self.when.first_day()
    }

    /// The last day the event covers.
    pub fn last_day(&self) -> Option<NaiveDate> {
        self.when.last_day()
    }

    /// The OxCGRT indicator codes of its kinds (`C1`, `H6`, ...).
    pub fn indicators(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = self.kinds.iter().filter_map(|k| k.indicator()).collect();
        out.dedup();
        out
    }
}

/// The buffer a text being described lies in, so that what the description keeps of it (the
/// cue words) shares the buffer instead of copying: `text` is `buf[base..]`'s prefix.
pub(crate) struct Shared<'s> {
    /// The buffer.
    pub(crate) buf: &'s Arc<str>,
    /// Where the described text starts in it.
    pub(crate) base: usize,
}

impl Shared<'_> {
    /// Bytes `span` of `text` (which starts at `base` of the buffer) as an excerpt of the
    /// buffer, or a copy when the buffer does not hold them.
    pub(crate) fn excerpt(&self, text: &str, span: Range<usize>) -> Excerpt {
        let shared = self.base.checked_add(span.start).zip(self.base.checked_add(span.end));
        match shared.and_then(|(a, b)| Excerpt::shared(self.buf, a..b)) {
            Some(e) if e.as_str() == text.get(span.clone()).unwrap_or("") => e,
            _ => Excerpt::from(text.get(span).unwrap_or("")),
        }
    }
}

/// What a sentence says besides its dates: kinds (with their cues and exemptions), places
/// and figures.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Description {
    /// Kinds of its non-exempted cues, each once, in order.
    pub kinds: Vec<EventKind>,
    /// The cue words, as written (shared with the text they were read from).
    pub cues: Vec<Excerpt>,
    /// Kinds it exempts or denies.
    pub exempted: Vec<EventKind>,
    /// Places, each once, in order.
    pub places: Vec<Place>,
    /// Figures, in order.
    pub figures: Vec<Figure>,
    /// The kinds only generic cues gave (`ограничения` for quarantine): they yield to a
    /// measure of another kind the event comes to name.
    pub(crate) generic: Vec<EventKind>,
}

/// Reads the kinds, places and figures of the sentence made of tokens `range` (token
/// indices) of `text`, with a language's cue tables. Cue words are copied out of `text`.
pub(crate) fn describe_in(
    tables: &EventTables,
    shared: &Shared<'_>,
    text: &str,
    tokens: &Tokens,
    range: Range<usize>,
    dates: &[Range<usize>],
) -> Description {
    let mut d = Description::default();
    describe_kinds_if(tables.cues, shared, text, tokens, range.clone(), &mut d, |_| true);
    describe_rest(tables, text, tokens, range, &mut d, dates);
    d
}

/// Fills the kinds of a description, and, when `keep` says yes to them, its cue words and
/// exempted kinds too (an undated sentence that continues nothing needs only its kinds);
/// returns what `keep` said.
pub(crate) fn describe_kinds_if(
    cues: &Cues,
    shared: &Shared<'_>,
    text: &str,
    tokens: &Tokens,
    range: Range<usize>,
    d: &mut Description,
    keep: impl FnOnce(&[EventKind]) -> bool,
) -> bool {
    cues.with_matches(text, tokens, range, |matches| {
        for m in matches.iter().filter(|m| !m.exempted) {
            if !d.kinds.contains(&m.kind) {
                d.kinds.push(m.kind);
            }
        }
        for m in matches.iter().filter(|m| !m.exempted && m.generic) {
            let specific = matches.iter().any(|o| !o.exempted && !o.generic && o.kind == m.kind);
            if !specific && !d.generic.contains(&m.kind) {
                d.generic.push(m.kind);
            }
        }
        if !keep(&d.kinds) {
            return false;
        }
        for m in matches {
            if m.exempted {
                if !d.exempted.contains(&m.kind) {
                    d.exempted.push(m.kind);
                }
            } else if let Some(cue) = text.get(m.span.clone()) {
                if !d.cues.iter().any(|c| c == cue) {
                    d.cues.push(shared.excerpt(text, m.span.clone()));
                }
            }
        }
        true
    })
}

/// A route between places of two countries (`поезд Оренбург — Актобе`, `автобусы из Бишкека
/// в Алматы`) crosses a border: its internal movement is international travel, and it is not
/// the public transport of either country.
fn cross_border(d: &mut Description) {
    if !d.kinds.contains(&EventKind::InternalMovement) {
        return;
    }
    let mut countries = d.places.iter().map(|p| &p.country).filter(|c| !c.is_empty());
    let two = countries.next().is_some_and(|first| countries.any(|c| c != first));
    if two {
        d.kinds.retain(|k| !matches!(k, EventKind::PublicTransport | EventKind::InternationalTravel));
        for k in d.kinds.iter_mut().filter(|k| **k == EventKind::InternalMovement) {
            *k = EventKind::InternationalTravel;
        }
    }
}

/// Fills the places and figures of a description (see [`describe_in`]).
pub(crate) fn describe_rest(
    tables: &EventTables,
    text: &str,
    tokens: &Tokens,
    range: Range<usize>,
    d: &mut Description,
    dates: &[Range<usize>],
) {
    for p in places::places_with(tables.gazetteer, text, tokens, range.clone()) {
        if !d.places.iter().any(|q| q.name == p.name && q.kind == p.kind && q.country == p.country) {
            d.places.push(Place {
                name: Cow::Borrowed(p.name),
                kind: p.kind,
                country: Cow::Borrowed(p.country),
                code: Cow::Borrowed(p.code),
                sentence: 0,
                context: false,
            });
        }
    }
    cross_border(d);
    let start = tokens.get(range.start).map_or(0, |t| t.start());
    // (Into the description's own list, which keeps its room from sentence to sentence.)
    figures::figures_with(tables.figures, text, tokens, range, start, dates, &mut d.figures);
    // A sentence that counts cases or recoveries reports them, whatever its verbs. (Deaths
    // need a cue of their own: the cues know a road accident from the epidemic.) A count of
    // none reports them too, though it denies its verb (`не выявили ни одного случая`).
    for f in &d.figures {
        let kind = match f.what {
            FigureWhat::Cases => EventKind::Cases,
            FigureWhat::Recoveries => EventKind::Recoveries,
            _ => continue,
        };
        if !d.kinds.contains(&kind) && (!d.exempted.contains(&kind) || f.value == 0.0) {
            d.kinds.push(kind);
        }
    }
}
