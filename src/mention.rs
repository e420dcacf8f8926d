//! Mentions: a temporal expression found in a text, with its span and its resolved value.

use crate::error::Error;
use crate::lang::Lang;
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
/// Offsets: in Rust, [`Mention::span`] is a byte range of the document's text, so
/// `&text[m.span()]` is the mention as written; [`Mention::chars`] is the same range in
/// characters (Unicode scalar values), the unit Python and JavaScript count in. Serialized
/// (serde), a mention writes `start`/`end` in characters and `byte_start`/`byte_end` in
/// bytes, as every JSON khronika writes does.
///
/// The offsets and the sentence index are held in 32 bits (a text khronika reads is at most
/// 2 GiB), so that a mention takes 64 bytes; they are read
/// and set as `usize` through [`Mention::span`], [`Mention::chars`], [`Mention::sentence`],
/// [`Mention::set_span`] and [`Mention::set_sentence`].
///
/// ```
/// use khronika::{extract, Document};
/// use chrono::NaiveDate;
/// let text = "Карантин ввели 16 марта.";
/// let doc = Document::new(NaiveDate::from_ymd_opt(2020, 3, 20).unwrap(), text);
/// let m = &extract(&doc)[0];
/// assert_eq!(&text[m.span()], "16 марта");
/// assert_eq!(m.chars(), 15..23);
/// assert_eq!(m.value.to_string(), "2020-03-16");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Wire", into = "Wire")]
pub struct Mention {
    /// Byte range in the document text.
    bytes: [u32; 2],
    /// Character range in the document text (the same text as `bytes`).
    chars: [u32; 2],
    /// Index of the sentence the mention is in.
    sentence: u32,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// Normalized value.
    pub value: Value,
    /// TIMEX3 mod, when the text bounds or qualifies the value.
    pub modifier: Option<Mod>,
    /// How the value was anchored.
    pub anchor: Anchor,
    /// The time zone the text names for a clock time (`10:00 МСК`, `по времени Нур-Султана`,
    /// `GMT+6`), in minutes east of UTC; the value stays the local time written. None when
    /// the text names no zone. Serialized as `offset`, left out when None.
    pub offset: Option<i32>,
    /// The language its sentence was read in: the document's, or the other one for a
    /// sentence whose letters leave no doubt (a Russian quote in a Kazakh article). Serialized
    /// as `lang` (`"ru"`, `"kk"`); a mention read back without it is Russian.
    pub lang: Lang,
}

/// An offset in 32 bits: the texts khronika reads are shorter (at most 2 GiB),
/// and a larger one saturates.
fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A range in 32 bits (see [`narrow`]).
fn narrow_range(r: Range<usize>) -> [u32; 2] {
    [narrow(r.start), narrow(r.end)]
}

impl Mention {
    /// A mention of `kind` and `value` at bytes `span` (characters `chars`) of the document
    /// text, in its first sentence, with no mod and no time zone, anchored
    /// [`Anchor::Absolute`], read in Russian; set the other fields as needed. Offsets past
    /// `u32::MAX` (no text khronika reads is that long) are cut to `u32::MAX`.
    ///
    /// ```
    /// use khronika::{Anchor, Mention, TimexType};
    /// let mut m = Mention::new(28..41, 15..23, TimexType::Date, "2020-03-16".parse().unwrap());
    /// m.anchor = Anchor::Publication;
    /// m.set_sentence(2);
    /// assert_eq!((m.span(), m.chars(), m.sentence()), (28..41, 15..23, 2));
    /// ```
    pub fn new(span: Range<usize>, chars: Range<usize>, kind: TimexType, value: Value) -> Self {
        Mention {
            bytes: narrow_range(span),
            chars: narrow_range(chars),
            sentence: 0,
            kind,
            value,
            modifier: None,
            anchor: Anchor::Absolute,
            offset: None,
            lang: Lang::default(),
        }
    }

    /// The byte range in the document text: `&text[m.span()]` is the mention as written.
    pub fn span(&self) -> Range<usize> {
        self.bytes[0] as usize..self.bytes[1] as usize
    }

    /// The character range in the document text (the same text as [`Mention::span`]).
    pub fn chars(&self) -> Range<usize> {
        self.chars[0] as usize..self.chars[1] as usize
    }

    /// The index of the sentence the mention is in (in the document's sentences).
    pub fn sentence(&self) -> usize {
        self.sentence as usize
    }

    /// Moves the mention to bytes `span`, characters `chars` (the same text) of the document
    /// text (cut to `u32::MAX`, as [`Mention::new`]).
    pub fn set_span(&mut self, span: Range<usize>, chars: Range<usize>) {
        self.bytes = narrow_range(span);
        self.chars = narrow_range(chars);
    }

    /// Sets the index of the sentence the mention is in (cut to `u32::MAX`).
    pub fn set_sentence(&mut self, sentence: usize) {
        self.sentence = narrow(sentence);
    }

    /// The mention as written in `text` (the document text it was found in); empty if the
    /// span does not fit `text`.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.span()).unwrap_or("")
    }
}

/// A mention as serde writes and reads it: offsets in characters (`start`, `end`) and in
/// bytes (`byte_start`, `byte_end`).
#[derive(Serialize, Deserialize)]
struct Wire {
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
    #[serde(rename = "type")]
    kind: TimexType,
    value: Value,
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    modifier: Option<Mod>,
    anchor: Anchor,
    sentence: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    offset: Option<i32>,
    #[serde(default)]
    lang: Lang,
}

impl From<Mention> for Wire {
    fn from(m: Mention) -> Wire {
        let (span, chars, sentence) = (m.span(), m.chars(), m.sentence());
        Wire {
            start: chars.start,
            end: chars.end,
            byte_start: span.start,
            byte_end: span.end,
            kind: m.kind,
            value: m.value,
            modifier: m.modifier,
            anchor: m.anchor,
            sentence,
            offset: m.offset,
            lang: m.lang,
        }
    }
}

/// Why a mention read back is refused: an offset or sentence index past 32 bits.
#[derive(Debug)]
struct TooLarge(usize);

impl fmt::Display for TooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "mention offset or sentence {} is past {}", self.0, u32::MAX)
    }
}

impl TryFrom<Wire> for Mention {
    type Error = TooLarge;

    fn try_from(w: Wire) -> Result<Mention, TooLarge> {
        let fit = |n: usize| u32::try_from(n).map_err(|_| TooLarge(n));
        Ok(Mention {
            bytes: [fit(w.byte_start)?, fit(w.byte_end)?],
            chars: [fit(w.start)?, fit(w.end)?],
            sentence: fit(w.sentence)?,
            kind: w.kind,
            value: w.value,
            modifier: w.modifier,
            anchor: w.anchor,
            offset: w.offset,
            lang: w.lang,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_writes_characters_and_bytes() {
        let mut m = Mention::new(28..41, 15..23, TimexType::Date, "2020-03-16".parse().unwrap());
        m.anchor = Anchor::Publication;
        assert_eq!(std::mem::size_of::<Mention>(), 64);
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(
            json,
            r#"{"start":15,"end":23,"byte_start":28,"byte_end":41,"type":"DATE","value":"2020-03-16","anchor":"publication","sentence":0,"lang":"ru"}"#
        );
        assert_eq!(serde_json::from_str::<Mention>(&json).unwrap(), m);
        let zoned = Mention { offset: Some(360), ..m };
        let json = serde_json::to_string(&zoned).unwrap();
        assert!(json.ends_with(r#""sentence":0,"offset":360,"lang":"ru"}"#), "{json}");
        assert_eq!(serde_json::from_str::<Mention>(&json).unwrap(), zoned);
        let far = json.replace(r#""sentence":0"#, r#""sentence":4294967296"#);
        assert!(serde_json::from_str::<Mention>(&far).is_err());
        let mut cut = Mention::new(0..usize::MAX, 0..1, TimexType::Date, zoned.value.clone());
        assert_eq!(cut.span(), 0..u32::MAX as usize);
        cut.set_span(3..5, 1..2);
        assert_eq!((cut.span(), cut.chars()), (3..5, 1..2));
    }
}
