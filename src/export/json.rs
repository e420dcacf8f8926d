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
//! `byte_start`/`byte_end` count UTF-8 bytes. `mod` is omitted when there is none.

use crate::document::{Document, Published};
use crate::event::figures::FigureWhat;
use crate::event::kinds::EventKind;
use crate::extract::Analysis;
use crate::mention::{Anchor, Mod, TimexType};
use crate::value::Value;
use serde::{Deserialize, Serialize};

/// A mention as JSON writes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRecord {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset past the last character.
    pub end: usize,
    /// Byte offset of the first character.
    pub byte_start: usize,
    /// Byte offset past the last character.
    pub byte_end: usize,
    /// The mention as written.
    pub text: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value.
    pub value: Value,
    /// TIMEX3 mod.
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Mod>,
    /// How the value was anchored.
    pub anchor: Anchor,
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
pub struct FigureRecord {
    /// The number with its multiplier applied (`300 млрд` → 300000000000).
    pub value: f64,
    /// `KZT`, `RUB`, `USD`, `%`, `people`, `cases`, ...
    pub unit: String,
    /// What it counts (`cases`, `deaths`, `money`, ...).
    pub what: FigureWhat,
    /// Qualified as approximate or a bound (`более`, `около`).
    pub approx: bool,
}

/// A sentence no date reaches, as JSON writes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UndatedRecord {
    /// The sentence, in characters.
    pub sentence: CharSpan,
    /// Its text.
    pub text: String,
}

/// An event as JSON writes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    /// When it happened (TIMEX3 value or interval).
    pub when: Value,
    /// The mod of a one-sided bound.
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Mod>,
    /// The sentence, in characters.
    pub sentence: CharSpan,
    /// The sentence's text.
    pub text: String,
    /// Indices into `mentions` (empty for an inherited event).
    pub mentions: Vec<usize>,
    /// Event kinds (snake_case ids, stable).
    pub kinds: Vec<EventKind>,
    /// OxCGRT indicator codes of the kinds.
    pub indicators: Vec<String>,
    /// The words that decided the kinds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cues: Vec<String>,
    /// Kinds the sentence exempts or denies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exempted: Vec<EventKind>,
    /// Places, by their nominative names.
    pub places: Vec<String>,
    /// Figures the sentence states.
    pub figures: Vec<FigureRecord>,
    /// The sentence has no date of its own and continues the one before it.
    pub inherited: bool,
}

/// One document's output: what a `--jsonl` line holds.
///
/// ```
/// use khronika::{analyze, Document};
/// use khronika::export::json::DocumentRecord;
/// let doc = Document::parse("date 2020-03-20 Ёлку убрали 16 марта.").unwrap().with_id("n1");
/// let record = DocumentRecord::new(&doc, &analyze(&doc));
/// assert_eq!(record.mentions[0].start, 12);
/// assert_eq!(record.mentions[0].byte_start, 22);
/// assert_eq!(record.mentions[0].text, "16 марта");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord {
    /// The document's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its publication time.
    pub date: Published,
    /// Its mentions in text order.
    pub mentions: Vec<MentionRecord>,
    /// Its events in chronological order.
    pub events: Vec<EventRecord>,
    /// Its sentences that no date reaches, in text order.
    #[serde(default)]
    pub undated: Vec<UndatedRecord>,
}

impl DocumentRecord {
    /// The record of an analysed document.
    pub fn new(doc: &Document, analysis: &Analysis) -> Self {
        let text = doc.text();
        let mut offsets: Vec<usize> = Vec::with_capacity(analysis.mentions.len() * 2 + analysis.timeline.len() * 2);
        for m in &analysis.mentions {
            offsets.extend([m.span.start, m.span.end]);
        }
        for e in analysis.timeline.iter() {
            offsets.extend([e.sentence.bytes.start, e.sentence.bytes.end]);
        }
        for u in analysis.timeline.undated() {
            offsets.extend([u.sentence.bytes.start, u.sentence.bytes.end]);
        }
        let chars = CharOffsets::new(text, offsets);
        DocumentRecord {
            id: analysis.id.clone(),
            date: analysis.published,
            mentions: analysis
                .mentions
                .iter()
                .map(|m| MentionRecord {
                    start: chars.get(m.span.start),
                    end: chars.get(m.span.end),
                    byte_start: m.span.start,
                    byte_end: m.span.end,
                    text: m.text(text).to_string(),
                    kind: m.kind,
                    value: m.value.clone(),
                    modifier: m.modifier,
                    anchor: m.anchor,
                })
                .collect(),
            events: analysis
                .timeline
                .iter()
                .map(|e| EventRecord {
                    when: e.when.clone(),
                    modifier: e.modifier,
                    sentence: CharSpan { start: e.sentence.chars.start, end: e.sentence.chars.end },
                    text: e.text.clone(),
                    mentions: e.mentions.clone(),
                    kinds: e.kinds.clone(),
                    indicators: e.indicators().into_iter().map(str::to_string).collect(),
                    cues: e.cues.clone(),
                    exempted: e.exempted.clone(),
                    places: e.places.iter().map(|p| p.name.clone()).collect(),
                    figures: e
                        .figures
                        .iter()
                        .map(|f| FigureRecord { value: f.value, unit: f.unit.clone(), what: f.what, approx: f.approx })
                        .collect(),
                    inherited: e.inherited,
                })
                .collect(),
            undated: analysis
                .timeline
                .undated()
                .iter()
                .map(|u| UndatedRecord {
                    sentence: CharSpan { start: u.sentence.chars.start, end: u.sentence.chars.end },
                    text: u.text.clone(),
                })
                .collect(),
        }
    }
}

/// Byte offset → character offset for a set of offsets, computed in one pass over the text.
struct CharOffsets {
    pairs: Vec<(usize, usize)>,
}

impl CharOffsets {
    fn new(text: &str, mut bytes: Vec<usize>) -> Self {
        bytes.sort_unstable();
        bytes.dedup();
        let mut pairs = Vec::with_capacity(bytes.len());
        let mut chars = 0;
        let mut pos = 0;
        for b in bytes {
            let b = b.min(text.len());
            if let Some(slice) = text.get(pos..b) {
                chars += slice.chars().count();
                pos = b;
            }
            pairs.push((b, chars));
        }
        CharOffsets { pairs }
    }

    fn get(&self, byte: usize) -> usize {
        match self.pairs.binary_search_by_key(&byte, |p| p.0) {
            Ok(i) => self.pairs[i].1,
            Err(_) => 0,
        }
    }
}
