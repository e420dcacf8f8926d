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
//! [`Document`] (publication time + text) → [sentences](text::split_sentences) and
//! [tokens](text::Tokens) (byte spans into the caller's text) → [grammar](lang::ru::grammar)
//! ([`expr::Expr`], what the text says) → [resolution](resolve) ([`Value`], against the
//! publication date, the previous mention and the sentence's tense) → [`Mention`]s →
//! [`Timeline`] of [`Event`]s → [JSON](export::json). One pass forward; text is copied only
//! at the output edge. Spans are byte ranges, so `&text[m.span.clone()]` is the mention as
//! written; the JSON record adds character offsets.
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
//!   holidays (`Новый год`, `Наурыз`, `День Победы`).
//!
//! Not supported: lunar holidays (Курбан айт is left unresolved, never guessed), dates in
//! languages other than Russian, years written in words beyond ordinals.
//!
//! ## Errors
//!
//! Input that cannot be read is a typed [`Error`] (a missing or malformed header, an
//! impossible publication date). Text never fails: what is not a temporal expression is not
//! a mention, and a date that does not exist (`31 февраля`) is not emitted.
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

#[cfg(feature = "json")]
pub mod corpus;
pub mod document;
pub mod error;
pub mod event;
pub mod export;
pub mod expr;
pub mod extract;
pub mod lang;
pub mod mention;
pub mod resolve;
pub mod text;
pub mod timeline;
pub mod value;

pub use document::{Document, Published};
pub use error::{Error, Result};
pub use event::Event;
pub use extract::{analyze, extract, Analysis, Extractor};
pub use mention::{Anchor, Mention, Mod, TimexType};
pub use resolve::{ResolveOptions, YearPolicy};
pub use timeline::Timeline;
pub use value::Value;

/// The README's Rust example runs as a doc test, so that it stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
