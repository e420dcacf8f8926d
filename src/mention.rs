//! Mentions: a temporal expression found in a text, with its span and its resolved value.

use crate::error::Error;
use crate::value::Value;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

/// The TIMEX3 type of a mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimexType {
    /// A calendar date or period (`16 марта`, `в марте`, `2020-W12`).
    Date,
    /// A time of day, or a part of a day (`до 17.00`, `утром 17 марта`).
    Time,
    /// An amount of time (`на 14 дней`).
    Duration,
    /// A repeated time (`ежедневно`, `по пятницам`).
    Set,
}

/// A TIMEX3 `mod`: how the value bounds or qualifies the time meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Mod {
    /// `до 15 апреля`: before the value.
    Before,
    /// `после 10 апреля`: after the value.
    After,
    /// `по 15 апреля`, `не позднее`: up to and including the value.
    OnOrBefore,
    /// `с 1 апреля`, `не ранее`: from the value on.
    OnOrAfter,
    /// `в начале марта`.
    Start,
    /// `в середине марта`.
    Mid,
    /// `в конце марта`.
    End,
    /// `около`, `на днях`: approximately.
    Approx,
}

/// How a mention's value was anchored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    /// The text gives the value in full (`16 марта 2020 года`).
    Absolute,
    /// Completed or counted from the publication time (`16 марта`, `вчера`).
    Publication,
    /// Counted from the latest date mentioned before it (`на следующий день`).
    Previous,
}

macro_rules! names {
    ($ty:ident, $what:literal, $($variant:ident => $name:literal),+ $(,)?) => {
        impl $ty {
            /// The name used in TIMEX3 and JSON.
            pub fn as_str(self) -> &'static str {
                match self { $($ty::$variant => $name),+ }
            }
        }
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl FromStr for $ty {
            type Err = Error;
            fn from_str(s: &str) -> Result<Self, Error> {
                match s {
                    $($name => Ok($ty::$variant),)+
                    _ => Err(Error::unknown($what, s, concat!($($name, " "),+))),
                }
            }
        }
    };
}

names!(TimexType, "TIMEX3 type", Date => "DATE", Time => "TIME", Duration => "DURATION", Set => "SET");
names!(Mod, "mod", Before => "BEFORE", After => "AFTER", OnOrBefore => "ON_OR_BEFORE", OnOrAfter => "ON_OR_AFTER",
    Start => "START", Mid => "MID", End => "END", Approx => "APPROX");
names!(Anchor, "anchor", Absolute => "absolute", Publication => "publication", Previous => "previous");

/// A temporal expression found in a document.
///
/// `span` is a byte range of the document's text: `&text[m.span.clone()]` is the mention as
/// written.
///
/// ```
/// use khronika::{extract, Document};
/// use chrono::NaiveDate;
/// let text = "Карантин ввели 16 марта.";
/// let doc = Document::new(NaiveDate::from_ymd_opt(2020, 3, 20).unwrap(), text);
/// let m = &extract(&doc)[0];
/// assert_eq!(&text[m.span.clone()], "16 марта");
/// assert_eq!(m.value.to_string(), "2020-03-16");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Byte range in the document text.
    pub span: Range<usize>,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// Normalized value.
    pub value: Value,
    /// TIMEX3 mod, when the text bounds or qualifies the value.
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Mod>,
    /// How the value was anchored.
    pub anchor: Anchor,
    /// Index of the sentence the mention is in.
    pub sentence: usize,
}

impl Mention {
    /// The mention as written in `text` (the document text it was found in); empty if the
    /// span does not fit `text`.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.span.clone()).unwrap_or("")
    }
}
