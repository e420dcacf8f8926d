//! Events: what kind of thing a sentence reports, where, and with which figures.
//!
//! [`kinds`] classifies a sentence against the cue tables in [`lexicon`]; [`figures`] and
//! [`places`] read the numbers and the places it names; [`build`] turns a document's
//! sentences and mentions into dated [`Event`]s, with the rule for undated sentences.

pub mod build;
pub mod figures;
pub mod kinds;
pub mod lexicon;
pub mod places;

use crate::mention::Mod;
use crate::value::Value;
use chrono::NaiveDate;
use figures::Figure;
use kinds::EventKind;
use places::PlaceKind;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A place an event happened in, by its nominative name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Place {
    /// The name in the nominative (`Нур-Султан`, `Западно-Казахстанская область`).
    pub name: String,
    /// Country, region or city.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code of its country (`KZ`, `RU`).
    pub country: String,
}

/// Where an event was read: a document and the sentence's byte span in its text.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Source {
    /// The document's id, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc: Option<String>,
    /// Byte span of the sentence in that document's text.
    pub sentence: Range<usize>,
}

/// Something that happened at a time the text gives: one dated clause of a sentence, or a
/// sentence that continues one (see [`build`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    /// Indices of the mentions that date it, in the document's mention list (empty for an
    /// inherited event).
    pub mentions: Vec<usize>,
    /// What kind of event it is; `[Other]` when no cue says.
    pub kinds: Vec<EventKind>,
    /// The words that decided the kinds, as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cues: Vec<String>,
    /// Kinds the sentence exempts or denies (`не затронул грузовые перевозки`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exempted: Vec<EventKind>,
    /// The places the sentence names.
    #[serde(default)]
    pub places: Vec<Place>,
    /// The figures the sentence states.
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// True when the sentence has no date of its own and continues the dated one before it.
    #[serde(default)]
    pub inherited: bool,
    /// The documents and sentences it was read from (several after a corpus merge).
    #[serde(default)]
    pub sources: Vec<Source>,
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

    /// The OxCGRT indicator codes of its kinds (`C1`, `H6`, ...).
    pub fn indicators(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = self.kinds.iter().filter_map(|k| k.indicator()).collect();
        out.dedup();
        out
    }
}

/// What a sentence says besides its dates: kinds (with their cues and exemptions), places
/// and figures.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Description {
    /// Kinds of its non-exempted cues, each once, in order.
    pub kinds: Vec<EventKind>,
    /// The cue words, as written.
    pub cues: Vec<String>,
    /// Kinds it exempts or denies.
    pub exempted: Vec<EventKind>,
    /// Places, each once, in order.
    pub places: Vec<Place>,
    /// Figures, in order.
    pub figures: Vec<Figure>,
}

/// Reads the kinds, places and figures of one sentence.
///
/// ```
/// use khronika::event::{describe, kinds::EventKind};
/// let d = describe("В Караганде выявлено 12 случаев заражения.");
/// assert_eq!(d.kinds, [EventKind::Cases]);
/// assert_eq!(d.places[0].name, "Караганда");
/// assert_eq!(d.figures[0].value, 12.0);
/// ```
pub fn describe(sentence: &str) -> Description {
    let mut d = Description::default();
    for m in kinds::classify(sentence) {
        if m.exempted {
            if !d.exempted.contains(&m.kind) {
                d.exempted.push(m.kind);
            }
            continue;
        }
        if !d.kinds.contains(&m.kind) {
            d.kinds.push(m.kind);
        }
        if let Some(cue) = sentence.get(m.span) {
            if !d.cues.iter().any(|c| c == cue) {
                d.cues.push(cue.to_string());
            }
        }
    }
    for p in places::places(sentence) {
        let place = Place { name: p.name.to_string(), kind: p.kind, country: p.country.to_string() };
        if !d.places.contains(&place) {
            d.places.push(place);
        }
    }
    d.figures = figures::figures(sentence);
    d
}
