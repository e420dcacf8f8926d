//! # khronika
//!
//! Dated event timelines from Russian news articles. khronika finds every temporal
//! expression in an article (`16 марта`, `Утром 17 марта`, `до 15 апреля 2020 года`,
//! `вчера`, `через две недели`, `с 16 по 22 марта`, `до 17.00`), resolves each against the
//! day the article was published to a TIMEX3 value (`2020-03-16`, `2020-03-17TMO`,
//! `2020-03-16/2020-04-15`, `2020-W12`), and orders the article's events into a
//! [`Timeline`].
//!
//! ```
//! use khronika::{analyze, Document};
//!
//! let doc = Document::parse("date 2020-03-20\nКарантин ввели 16 марта и продлят до 15 апреля. Вчера выявлено 9 случаев.")?;
//! let analysis = analyze(&doc);
//! let lines: Vec<String> = analysis.timeline.iter().map(|e| e.when.to_string()).collect();
//! assert_eq!(lines, ["2020-03-16/2020-04-15", "2020-03-19"]);
//! # Ok::<(), khronika::Error>(())
//! ```
//!
//! ## The pipeline
//!
//! [`Document`] (publication time + text) → tokens and sentences (byte spans into the
//! caller's text, made once) → the [language](Lang)'s grammar (what the text says) →
//! resolution against the publication date, the previous mention and the clause's tense
//! ([`Value`], [`ResolveOptions`]) → [`Mention`]s → [`Event`]s (kinds, places, figures read
//! from the same tokens) → [`Timeline`] → [exports](export) and [JSONL corpora](corpus). One
//! pass forward; text is copied only at the output edge. `docs/architecture.md` has the
//! sketch.
//!
//! ## Offsets
//!
//! Spans in the Rust API are byte ranges, so `&text[m.span()]` is the mention as written.
//! Every JSON the crate writes (the [`corpus`] and [`export`] records, and serde of its
//! types) gives `start`/`end` in characters (Unicode scalar values, as Python and
//! JavaScript count) and `byte_start`/`byte_end` in bytes.
//!
//! ## What is supported
//!
//! - Days and months in every case form, with ordinals in words (`первого апреля`,
//!   `двадцать пятое мая`), years (`2020 года`, `2020 г.`, `2020-го`), numeric dates
//!   (`16.03.2020`, `16.03.20`, `2020-03-16`), months and years (`в марте`, `март 2020 года`).
//! - Deictic days (`сегодня`, `вчера`, `позавчера`, `завтра`), `сейчас` (`PRESENT_REF`),
//!   `на днях`, `накануне`, and anaphora (`в тот же день`, `на следующий день`, `днём ранее`).
//! - Clock times (`в 10:00`, `до 17.00`, `в 11 вечера`, `в полдень`) on the day of their clause;
//!   parts of the day (`утром`, `Утром 17 марта`, `вчера вечером`).
//! - Relative offsets (`3 дня назад`, `через две недели`, `спустя три дня`), calendar units
//!   (`на прошлой неделе`, `в этом году`, `в эти выходные`), weekdays resolved by tense.
//! - Ranges and open bounds (`с 16 по 22 марта`, `до 15 апреля` → BEFORE, `с 1 апреля` →
//!   ON_OR_AFTER), windows (`за последние сутки`), parts of periods (`в начале марта`,
//!   `в первой половине апреля`, `весной 2020 года`, `в первом квартале`).
//! - Durations (`на 14 дней` → `P14D`), sets (`ежедневно`, `по пятницам`), fixed-date
//!   holidays (`Новый год`, `Наурыз`, `День Победы`), Orthodox Easter (computed), and
//!   Ораза айт / Курбан айт for the years of Kazakhstan's official dates (2019–2023).
//!
//! Not supported: lunar holidays outside the years of the table (left unresolved, never
//! guessed), dates in languages other than Russian and Kazakh (`docs/kazakh.md`: Kazakh
//! events use the Russian event tables for now), years written in words beyond ordinals.
//!
//! ## Errors
//!
//! Input that cannot be read is a typed [`Error`] (a missing or malformed header, an
//! impossible publication date). Text never fails: what is not a temporal expression is not
//! a mention, and a date that does not exist (`31 февраля`) is not emitted.
#![deny(missing_docs)]
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

mod document;
mod error;
mod event;
mod expr;
mod extract;
mod lang;
mod mention;
mod resolve;
mod text;
mod timeline;
mod value;

#[cfg(feature = "json")]
pub mod corpus;
pub mod export;

pub use chrono::{NaiveDate, NaiveDateTime};
pub use document::{Document, Published};
pub use error::{Error, Result};
pub use event::build::Undated;
pub use event::figures::{Count, Figure, FigureWhat};
pub use event::kinds::{EventKind, ParseEventKindError};
pub use event::places::PlaceKind;
pub use event::{CueWords, Description, Event, Indices, Kinds, KindsIter, List, Place, Sentences, Source, Span};
pub use extract::{analyze, describe, extract, Analysis, Extractor};
pub use lang::Lang;
pub use mention::{Anchor, Mention, Mod, TimexType};
pub use resolve::{PastDay, Prefer, RelativeGrain, ResolveOptions, YearPolicy};
pub use text::Excerpt;
pub use timeline::Timeline;
pub use value::{Duration, PartOfDay, Season, Unit, Value};

/// The crate's internals that its own benches and tests measure stage by stage. Not part
/// of the API: anything here may change in any release.
#[doc(hidden)]
pub mod internals {
    pub use crate::event::kinds::discourse_classes as discourse;
    pub use crate::expr::{Found, Tense};
    pub use crate::extract::timeline;
    pub use crate::lang::internals::*;
    pub use crate::text::sentence::MAX_SENTENCE_TOKENS;
    pub use crate::text::{split_sentences, Sentence, Tokens};
}

/// The README's Rust example runs as a doc test, so that it stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
