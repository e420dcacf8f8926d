//! The JSON record of one document: the public, stable output format.
//!
//! ```json
//! {"id": "a1", "date": "2020-03-20",
//!  "mentions": [{"start": 0, "end": 8, "byte_start": 0, "byte_end": 15, "text": "16 марта",
//!                "type": "DATE", "value": "2020-03-16", "anchor": "publication"}],
//!  "events": [{"when": "2020-03-16", "sentence": {"start": 0, "end": 25},
//!              "text": "16 марта ввели карантин.", "mentions": [0]}]}
//! ```
//! `start`/`end` count characters (Unicode scalar values, as Python's `str` does);
//! `byte_start`/`byte_end` count UTF-8 bytes. `mod` is omitted when there is none. The
//! record's `lang` is the language the document was read in, a mention's `lang` the language
//! of its sentence (`"ru"`, `"kk"`: they differ for a quote of the other language).
//!
//! The records borrow from the document and its analysis ([`Cow::Borrowed`]): building one
//! copies no text, and serializing it (`serde_json::to_writer`) writes straight from the
//! analysis into the output. Read back from JSON, the same types own their text.

use crate::document::{Document, Published};
use crate::event::build::Undated;
use crate::event::figures::{Count, FigureWhat};
use crate::event::places::PlaceKind;
use crate::event::{Event, Kinds};
use crate::extract::Analysis;
use crate::lang::Lang;
use crate::mention::{Anchor, Mention, Mod, TimexType};
use crate::text::Excerpt;
use crate::value::Value;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;
use std::borrow::Cow;

/// A document id as a record writes it.
///
/// The library's [`Document`] ids are strings ([`Id::Text`]). A corpus line may give any
/// JSON value as its id; a string is written back as a string, and anything else
/// ([`Id::Json`]: a number, a boolean, an array, an object) exactly as the line wrote it
/// (whitespace outside strings dropped), so that `12345678901234567890123` stays that and
/// does not become the float `1.2345678901234568e+22`.
///
/// ```
/// use khronika::export::json::Id;
/// let raw: &serde_json::value::RawValue = serde_json::from_str("12345678901234567890123").unwrap();
/// let id = Id::from_raw(raw).unwrap();
/// assert_eq!(serde_json::to_string(&id).unwrap(), "12345678901234567890123");
/// assert_eq!(id.as_text(), "12345678901234567890123");
/// ```
#[derive(Clone, Debug)]
pub enum Id<'a> {
    /// A string id.
    Text(Cow<'a, str>),
    /// Any other JSON value, as the JSON text the input wrote.
    Json(Cow<'a, RawValue>),
}

impl<'a> Id<'a> {
    /// The id of a JSON value as written: `None` for `null`, a string's text (its escapes
    /// read), any other value's JSON text (without the whitespace outside its strings).
    pub fn from_raw(raw: &'a RawValue) -> Option<Self> {
        let json = raw.get();
        match json.as_bytes().first() {
            None | Some(b'n') => None,
            Some(b'"') => match serde_json::from_str::<&str>(json) {
                Ok(s) => Some(Id::Text(Cow::Borrowed(s))),
                Err(_) => serde_json::from_str::<String>(json).ok().map(|s| Id::Text(Cow::Owned(s))),
            },
            Some(b'[' | b'{') if json.bytes().any(|b| b.is_ascii_whitespace()) => {
                let compact = compact(json);
                Some(Id::Json(Cow::Owned(RawValue::from_string(compact).ok()?)))
            }
            Some(_) => Some(Id::Json(Cow::Borrowed(raw))),
        }
    }

    /// The id as text: a string id's text, or another value's JSON text.
    pub fn as_text(&self) -> &str {
        match self {
            Id::Text(s) => s,
            Id::Json(raw) => raw.get(),
        }
    }

    /// The same id, owning its text.
    pub fn into_owned(self) -> Id<'static> {
        match self {
            Id::Text(s) => Id::Text(Cow::Owned(s.into_owned())),
            Id::Json(raw) => Id::Json(Cow::Owned(raw.into_owned())),
        }
    }
}

/// JSON text without the whitespace outside its strings.
fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
        } else if matches!(c, ' ' | '\t' | '\n' | '\r') {
            continue;
        }
        out.push(c);
    }
    out
}

impl PartialEq for Id<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Id::Text(a), Id::Text(b)) => a == b,
            (Id::Json(a), Id::Json(b)) => a.get() == b.get(),
            _ => false,
        }
    }
}

impl<'a> From<&'a str> for Id<'a> {
    fn from(s: &'a str) -> Self {
        Id::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Id<'static> {
    fn from(s: String) -> Self {
        Id::Text(Cow::Owned(s))
    }
}

impl Serialize for Id<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Id::Text(text) => s.serialize_str(text),
            Id::Json(raw) => raw.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Id<'_> {
    /// Reads any JSON value (with serde_json only: a raw value needs its deserializer).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(d)?;
        let id = Id::from_raw(&raw).map(Id::into_owned);
        match id {
            Some(id) => Ok(id),
            None => Err(serde::de::Error::custom("an id is not null")),
        }
    }
}

/// A mention as JSON writes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRecord<'a> {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset past the last character.
    pub end: usize,
    /// Byte offset of the first character.
    pub byte_start: usize,
    /// Byte offset past the last character.
    pub byte_end: usize,
    /// The mention as written.
    pub text: Cow<'a, str>,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value.
    pub value: Cow<'a, Value>,
    /// TIMEX3 mod.
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Mod>,
    /// How the value was anchored.
    pub anchor: Anchor,
    /// The time zone the text names, in minutes east of UTC ([`Mention::offset`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<i32>,
    /// The language its sentence was read in ([`Mention::lang`]); Russian when a record
    /// read back has none.
    #[serde(default)]
    pub lang: Lang,
}

/// A character span.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CharSpan {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset past the last character.
    pub end: usize,
}

/// A figure as JSON writes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FigureRecord<'a> {
    /// The number with its multiplier applied (`300 млрд` → 300000000000).
    pub value: f64,
    /// `KZT`, `RUB`, `USD`, `%`, `people`, `cases`, ...
    pub unit: Cow<'a, str>,
    /// What it counts (`cases`, `deaths`, `money`, ...).
    pub what: FigureWhat,
    /// Qualified as approximate or a bound (`более`, `около`).
    pub approx: bool,
    /// `new` or `cumulative`, when the sentence says (absent otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<Count>,
    /// Present and true when it counts a part of another count (`из них 12`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub subset: bool,
    /// Which of the event's `evidence` sentences states it.
    #[serde(default)]
    pub sentence: usize,
}

/// A place as JSON writes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceRecord<'a> {
    /// Its nominative name (`Нур-Султан`).
    pub name: Cow<'a, str>,
    /// `country`, `region` or `city`.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code of its country.
    pub country: Cow<'a, str>,
    /// The code to join on: ISO 3166-1 alpha-3 for a country, ISO 3166-2 for a region (and
    /// for a city, its region's or its own).
    #[serde(default)]
    pub code: Cow<'a, str>,
    /// Which of the event's `evidence` sentences names it.
    #[serde(default)]
    pub sentence: usize,
    /// Present and true when the article gives it rather than the evidence naming it (an
    /// anaphor resolved, or the article's own place; see [`Place::context`](crate::Place::context)).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub context: bool,
}

/// A sentence no date reaches, as JSON writes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UndatedRecord<'a> {
    /// The sentence, in characters.
    pub sentence: CharSpan,
    /// Its text.
    pub text: Cow<'a, str>,
}

/// An event as JSON writes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventRecord<'a> {
    /// When it happened (TIMEX3 value or interval).
    pub when: Cow<'a, Value>,
    /// The mod of a one-sided bound.
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Mod>,
    /// Its first evidence sentence (the one that dates it), in characters.
    pub sentence: CharSpan,
    /// That sentence's text.
    pub text: Cow<'a, str>,
    /// Every sentence that reports it, in characters: `sentence` first, then its
    /// continuations and restatements in text order.
    pub evidence: Vec<CharSpan>,
    /// Indices into `mentions` (empty for an inherited event).
    pub mentions: Cow<'a, [u32]>,
    /// Event kinds (snake_case ids, stable).
    pub kinds: Kinds,
    /// OxCGRT indicator codes of the kinds.
    pub indicators: Vec<Cow<'a, str>>,
    /// The kinds of the measures listed under a decree.
    #[serde(default, skip_serializing_if = "Kinds::is_empty")]
    pub measures: Kinds,
    /// The words that decided the kinds.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub cues: Cow<'a, [Excerpt]>,
    /// Kinds the sentence exempts or denies.
    #[serde(default, skip_serializing_if = "Kinds::is_empty")]
    pub exempted: Kinds,
    /// Places, each with the evidence sentence that names it.
    pub places: Vec<PlaceRecord<'a>>,
    /// Figures the sentence states.
    pub figures: Vec<FigureRecord<'a>>,
    /// It has no date of its own: a measure reported after a dated sentence, dated by it.
    pub inherited: bool,
}

/// Whether a borrowed or owned list is empty (for `skip_serializing_if`).
#[allow(clippy::ptr_arg)] // serde hands the field itself.
fn is_empty<T: Clone>(list: &Cow<'_, [T]>) -> bool {
    list.is_empty()
}

/// One document's output: what a `--jsonl` line holds.
///
/// ```
/// use khronika::{analyze, Document};
/// use khronika::export::json::DocumentRecord;
/// let doc = Document::parse("date 2020-03-20 Ёлку убрали 16 марта.").unwrap().with_id("n1");
/// let analysis = analyze(&doc);
/// let record = DocumentRecord::new(&doc, &analysis);
/// assert_eq!(record.mentions[0].start, 12);
/// assert_eq!(record.mentions[0].byte_start, 22);
/// assert_eq!(record.mentions[0].text, "16 марта");
/// let mut line = Vec::new();
/// serde_json::to_writer(&mut line, &record).unwrap();
/// assert!(line.starts_with(br#"{"id":"n1","date":"2020-03-20","mentions":[{"start":12,"#));
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord<'a> {
    /// The document's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Id<'a>>,
    /// Its publication time.
    pub date: Published,
    /// Its mentions in text order.
    pub mentions: Vec<MentionRecord<'a>>,
    /// Its events in chronological order.
    pub events: Vec<EventRecord<'a>>,
    /// Its sentences that no date reaches, in text order.
    #[serde(default)]
    pub undated: Vec<UndatedRecord<'a>>,
    /// The language it was read in ([`Analysis::lang`]); Russian when a record read back
    /// has none.
    #[serde(default)]
    pub lang: Lang,
}

impl<'a> DocumentRecord<'a> {
    /// The record of an analysed document, borrowing its text and values; its id is the
    /// analysis's. To write a record, [`RecordView`] does the same without building the
    /// lists first.
    pub fn new(doc: &'a Document, analysis: &'a Analysis) -> Self {
        DocumentRecord {
            id: analysis.id.as_deref().map(Id::from),
            date: analysis.published,
            mentions: analysis.mentions.iter().map(|m| mention_record(m, doc.text())).collect(),
            events: analysis.timeline.iter().map(event_record).collect(),
            undated: analysis.timeline.undated().iter().map(undated_record).collect(),
            lang: analysis.lang,
        }
    }

    /// The same record with another id (`None`: none).
    pub fn with_id(mut self, id: Option<Id<'a>>) -> Self {
        self.id = id;
        self
    }
}

/// The record of an analysed document as it is written: serializes exactly as the
/// [`DocumentRecord`] of the same document, one mention and one event at a time, so that
/// writing a record costs no memory beyond the analysis.
///
/// ```
/// use khronika::{analyze, Document};
/// use khronika::export::json::{DocumentRecord, RecordView};
/// let doc = Document::parse("date 2020-03-20 Ёлку убрали 16 марта.").unwrap().with_id("n1");
/// let analysis = analyze(&doc);
/// let streamed = serde_json::to_string(&RecordView::new(&doc, &analysis)).unwrap();
/// assert_eq!(streamed, serde_json::to_string(&DocumentRecord::new(&doc, &analysis)).unwrap());
/// ```
#[derive(Clone, Debug)]
pub struct RecordView<'a> {
    id: Option<Id<'a>>,
    doc: &'a Document<'a>,
    analysis: &'a Analysis,
}

impl<'a> RecordView<'a> {
    /// The record of `analysis` (of `doc`); its id is the analysis's.
    pub fn new(doc: &'a Document<'a>, analysis: &'a Analysis) -> Self {
        RecordView { id: analysis.id.as_deref().map(Id::from), doc, analysis }
    }

    /// The same record with another id (`None`: none).
    pub fn with_id(mut self, id: Option<Id<'a>>) -> Self {
        self.id = id;
        self
    }
}

impl Serialize for RecordView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        /// A list serialized from an iterator made on demand.
        struct Seq<F>(F);
        impl<I: Iterator, F: Fn() -> I> Serialize for Seq<F>
        where
            I::Item: Serialize,
        {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq((self.0)())
            }
        }
        let (text, a) = (self.doc.text(), self.analysis);
        let mut st = s.serialize_struct("DocumentRecord", 6)?;
        match &self.id {
            Some(id) => st.serialize_field("id", id)?,
            None => st.skip_field("id")?,
        }
        st.serialize_field("date", &a.published)?;
        st.serialize_field("mentions", &Seq(|| a.mentions.iter().map(|m| mention_record(m, text))))?;
        st.serialize_field("events", &Seq(|| a.timeline.iter().map(event_record)))?;
        st.serialize_field("undated", &Seq(|| a.timeline.undated().iter().map(undated_record)))?;
        st.serialize_field("lang", &a.lang)?;
        st.end()
    }
}

/// A mention's record (`text`: the document text).
fn mention_record<'a>(m: &'a Mention, text: &'a str) -> MentionRecord<'a> {
    MentionRecord {
        start: m.chars().start,
        end: m.chars().end,
        byte_start: m.span().start,
        byte_end: m.span().end,
        text: Cow::Borrowed(m.text(text)),
        kind: m.kind,
        value: Cow::Borrowed(&m.value),
        modifier: m.modifier,
        anchor: m.anchor,
        offset: m.offset,
        lang: m.lang,
    }
}

/// An event's record.
fn event_record(e: &Event) -> EventRecord<'_> {
    EventRecord {
        when: Cow::Borrowed(&e.when),
        modifier: e.modifier,
        sentence: CharSpan { start: e.sentence.chars.start, end: e.sentence.chars.end },
        text: Cow::Borrowed(&e.text),
        evidence: e.evidence.iter().map(|s| CharSpan { start: s.chars.start, end: s.chars.end }).collect(),
        mentions: Cow::Borrowed(&e.mentions),
        kinds: e.kinds,
        indicators: e.indicators().into_iter().map(Cow::Borrowed).collect(),
        measures: e.measures,
        cues: Cow::Borrowed(&e.cues),
        exempted: e.exempted,
        places: e
            .places
            .iter()
            .map(|p| PlaceRecord {
                name: Cow::Borrowed(p.name.as_ref()),
                kind: p.kind,
                country: Cow::Borrowed(p.country.as_ref()),
                code: Cow::Borrowed(p.code.as_ref()),
                sentence: p.sentence,
                context: p.context,
            })
            .collect(),
        figures: e
            .figures
            .iter()
            .map(|f| FigureRecord {
                value: f.value,
                unit: Cow::Borrowed(&f.unit),
                what: f.what,
                approx: f.approx,
                count: f.count,
                subset: f.subset,
                sentence: f.sentence,
            })
            .collect(),
        inherited: e.inherited,
    }
}

/// An undated sentence's record.
fn undated_record(u: &Undated) -> UndatedRecord<'_> {
    UndatedRecord {
        sentence: CharSpan { start: u.sentence.chars.start, end: u.sentence.chars.end },
        text: Cow::Borrowed(&u.text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(json: &str) -> Option<String> {
        let raw: &RawValue = serde_json::from_str(json).unwrap();
        Id::from_raw(raw).map(|id| serde_json::to_string(&id).unwrap())
    }

    #[test]
    fn ids_are_echoed_as_written() {
        assert_eq!(id("12345678901234567890123").as_deref(), Some("12345678901234567890123"));
        assert_eq!(id("7").as_deref(), Some("7"));
        assert_eq!(id("-0.50e3").as_deref(), Some("-0.50e3"));
        assert_eq!(id("true").as_deref(), Some("true"));
        assert_eq!(id("null"), None);
        assert_eq!(id(r#""a\u0041""#).as_deref(), Some(r#""aA""#), "a string is written back as a string");
        assert_eq!(id(r#""a\nb""#).as_deref(), Some(r#""a\nb""#));
        assert_eq!(id(r#"{"a": [1, 2],  "b c": "x y"}"#).as_deref(), Some(r#"{"a":[1,2],"b c":"x y"}"#));
        assert_eq!(id(r#"["\" ]", 1 ]"#).as_deref(), Some(r#"["\" ]",1]"#));
    }

    /// The record says the document's language, and each mention its sentence's.
    #[cfg(feature = "kk")]
    #[test]
    fn records_say_the_language() {
        let text = "date 2020-04-03 Кеше Оралда карантин енгізілді, қала әкімдігі барлық мектептерді қашықтан оқуға көшірді. Вчера в Уральске закрыли школы.";
        let doc = Document::parse(text).unwrap();
        let analysis = crate::analyze(&doc);
        let json = serde_json::to_string(&RecordView::new(&doc, &analysis)).unwrap();
        assert_eq!(json, serde_json::to_string(&DocumentRecord::new(&doc, &analysis)).unwrap());
        let record: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(record["lang"], "kk");
        let langs: Vec<&str> =
            record["mentions"].as_array().unwrap().iter().map(|m| m["lang"].as_str().unwrap()).collect();
        assert_eq!(langs, ["kk", "ru"]);
        let back: DocumentRecord = serde_json::from_str(&json).unwrap();
        assert_eq!((back.lang, back.mentions[1].lang), (Lang::Kk, Lang::Ru));
        // A record written before the key existed reads as Russian.
        let old = r#"{"date":"2020-03-20","mentions":[],"events":[]}"#;
        assert_eq!(serde_json::from_str::<DocumentRecord>(old).unwrap().lang, Lang::Ru);
    }

    #[test]
    fn ids_read_back() {
        for json in ["12345678901234567890123", r#""n1""#, r#"{"a":1}"#] {
            let back: Id = serde_json::from_str(json).unwrap();
            assert_eq!(serde_json::to_string(&back).unwrap(), json);
        }
        assert!(serde_json::from_str::<Id>("null").is_err());
    }
}
