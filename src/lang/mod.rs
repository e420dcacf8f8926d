//! The language seam: which languages khronika reads, and each language's tables.
//!
//! A language is a [`Lang`] variant and a folder (`ru/`) that holds every word of it: its
//! date grammar, tense cues, abbreviations and letter lookalikes. The pipeline reaches them
//! only through `Lang::table`, a plain table of static references and constructors, so
//! the rest of the crate (text, expressions, resolution, events) names no language.

#[cfg(feature = "kk")]
pub(crate) mod detect;
#[cfg(feature = "kk")]
pub mod kk;
pub mod ru;
mod window;

pub(crate) use window::Window;

/// The Russian internals that the crate's benches and tests measure one by one (see the
/// crate's hidden `internals`).
#[doc(hidden)]
pub mod internals {
    pub use super::ru::gazetteer::anaphora::{capital_of, sentence_anaphora, Anaphor, Anaphors};
    pub use super::ru::grammar::{lexicalize, Scanner};
    pub use super::ru::tense::{clause_boundaries, tense_cues, tense_near};
    pub use super::ru::text::{LOOKALIKES, SENTENCES};
}

use crate::error::Error;
use crate::event::EventTables;
use crate::expr::{Found, Tense};
use crate::text::{Lookalikes, SentenceRules, Tokens};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

/// A language khronika reads.
///
/// Written as its ISO 639-1 code (`"ru"`) in JSON, `Display` and `FromStr`.
///
/// ```
/// use khronika::Lang;
/// let ru: Lang = "ru".parse().unwrap();
/// assert_eq!(ru, Lang::Ru);
/// assert_eq!(ru.to_string(), "ru");
/// assert!("xx".parse::<Lang>().is_err());
/// assert!(Lang::ALL.contains(&Lang::Ru));
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Lang {
    /// Russian.
    #[default]
    #[serde(rename = "ru")]
    Ru,
    /// Kazakh (the `kk` feature).
    #[cfg(feature = "kk")]
    #[serde(rename = "kk")]
    Kk,
}

impl Lang {
    /// Every language, in code order.
    #[cfg(feature = "kk")]
    pub const ALL: [Lang; 2] = [Lang::Kk, Lang::Ru];
    /// Every language, in code order.
    #[cfg(not(feature = "kk"))]
    pub const ALL: [Lang; 1] = [Lang::Ru];

    /// The ISO 639-1 code (`ru`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            #[cfg(feature = "kk")]
            Lang::Kk => "kk",
        }
    }

    /// The language of a text, by its letters: Kazakh when enough of its Cyrillic letters
    /// are the ones Kazakh has and Russian does not (`ә ғ қ ң ө ұ ү һ і`), else Russian. It
    /// reads at most the first 16 KiB, as bytes. Without the `kk` feature, always Russian.
    ///
    /// ```
    /// use khronika::Lang;
    /// assert_eq!(Lang::detect("С 16 марта введён карантин."), Lang::Ru);
    /// # #[cfg(feature = "kk")]
    /// assert_eq!(Lang::detect("16 наурыздан бастап карантин енгізілді."), Lang::Kk);
    /// ```
    pub fn detect(text: &str) -> Lang {
        #[cfg(feature = "kk")]
        {
            detect::detect(text)
        }
        #[cfg(not(feature = "kk"))]
        {
            let _ = text;
            Lang::Ru
        }
    }

    /// The language's tables.
    pub(crate) fn table(self) -> &'static Language {
        match self {
            Lang::Ru => &ru::LANGUAGE,
            #[cfg(feature = "kk")]
            Lang::Kk => &kk::LANGUAGE,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = Error;

    /// Reads a language code (`ru`, `kk`); anything else is [`Error::UnknownName`].
    fn from_str(s: &str) -> Result<Self, Error> {
        let known = if cfg!(feature = "kk") { "ru, kk" } else { "ru" };
        Lang::ALL.into_iter().find(|l| l.code() == s).ok_or_else(|| Error::unknown("language", s, known))
    }
}

/// What the pipeline needs of one language: plain static references and constructors, so
/// that adding a language adds one table and no code outside its folder.
pub(crate) struct Language {
    /// How the tokenizer reads Latin letters inside words of the language's script.
    pub(crate) lookalikes: &'static Lookalikes,
    /// The abbreviations and hanging words of the sentence splitter.
    pub(crate) sentences: &'static SentenceRules,
    /// A fresh reader of temporal expressions (one per document).
    pub(crate) dates: fn() -> Box<dyn Dates>,
    /// The event engines' tables: kind cues, figure words, gazetteer.
    pub(crate) events: EventTables,
}

/// A language's reader of temporal expressions and of the tense around them. One is made
/// per document; it keeps its buffers between sentences, so a document costs no
/// allocation per sentence.
pub(crate) trait Dates {
    /// Appends the temporal expressions of one sentence (`sentence`, token indices) to
    /// `out`, in text order, none overlapping.
    fn scan(&mut self, tokens: &Tokens, sentence: Range<usize>, out: &mut Vec<Found>);

    /// The tense of the clause around token `at` of the sentence last scanned, by the
    /// language's tense cues; None when its clause has none.
    fn tense_at(&mut self, tokens: &Tokens, at: usize) -> Option<Tense>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(lang.code().parse::<Lang>().ok(), Some(lang));
            assert_eq!(serde_json::to_string(&lang).ok(), Some(format!("\"{lang}\"")));
        }
        assert!(matches!("RU".parse::<Lang>(), Err(Error::UnknownName { .. })));
    }
}
