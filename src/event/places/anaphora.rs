//! Place anaphora: the phrases by which a sentence refers to a place of the article without
//! naming it (`в стране`, `по области`, `в городе`, `в столице`, `здесь`).
//!
//! The detector only says which levels a sentence refers to; the event builder resolves each
//! to the article's place of that level (the country, region or city the article is about).
//! A phrase is a lead (`в`, `по`, `на территории`), at most two modifiers that keep the
//! reference to the article's own place (`всей`, `нашей`, `этом`), and a noun form. It is no
//! anaphor when a capitalized word follows the noun (`в городе Алматы`, `в Республике
//! Казахстан`: the place is named, the matcher finds it), or when the word after the noun
//! gives the noun another sense (`в области здравоохранения`). Matching is on the document's
//! normalized tokens, one forward pass, no allocation.
//!
//! # Decisions
//!
//! - `в столице` is [`Anaphor::Capital`]: the capital of the article's country
//!   ([`Gazetteer::capital`]), Nur-Sultan in a Kazakhstani article, Moscow in a Russian
//!   one, whatever city the article is about; `в северной столице` and `в столице Германии`
//!   are not anaphora (the modifier is not one of the neutral ones; the place is named).
//! - `здесь`, `тут` are [`Anaphor::Here`]: the article's most specific place; `тут же`
//!   (right away) is not a place.
//! - `в республике` is [`Anaphor::Republic`]: the country (Kazakhstan), and in an article
//!   about a republic of Russia (Tatarstan) that region, which only the builder, knowing the
//!   article's places, can tell.

use super::gazetteer::Gazetteer;
use crate::text::{TokenKind, Tokens};
use std::ops::Range;

/// The level of place an anaphoric phrase refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Anaphor {
    /// The article's country (`в стране`, `по республике`).
    Country,
    /// The article's region (`по области`, `в регионе`).
    Region,
    /// The article's city (`в городе`).
    City,
    /// The capital of the article's country (`в столице`).
    Capital,
    /// The article's most specific place (`здесь`, `тут`).
    Here,
    /// The article's republic (`в республике`): its region when that region is a republic of
    /// a federation (`REPUBLIC_REGIONS`: Tatarstan in a Kazan story), else its country
    /// (Kazakhstan).
    Republic,
}

/// The ISO 3166-2 codes of the regions that are republics of a federation (Russia's), where
/// `в республике` means the region, not the country.
pub(crate) const REPUBLIC_REGIONS: &[&str] = &[
    "RU-AD", "RU-AL", "RU-BA", "RU-BU", "RU-CE", "RU-CU", "RU-DA", "RU-IN", "RU-KB", "RU-KC", "RU-KK", "RU-KL",
    "RU-KO", "RU-KR", "RU-ME", "RU-MO", "RU-SA", "RU-SE", "RU-TA", "RU-TY", "RU-UD",
];

impl Anaphor {
    /// Every anaphor, in the order [`Anaphors::iter`] gives them.
    pub const ALL: [Anaphor; 6] =
        [Anaphor::Country, Anaphor::Region, Anaphor::City, Anaphor::Capital, Anaphor::Here, Anaphor::Republic];

    /// Its bit in an [`Anaphors`] set.
    fn bit(self) -> u8 {
        1 << (self as u8)
    }

    /// Its name in tests and messages: `country`, `region`, `city`, `capital`, `here`.
    pub fn as_str(self) -> &'static str {
        match self {
            Anaphor::Country => "country",
            Anaphor::Region => "region",
            Anaphor::City => "city",
            Anaphor::Capital => "capital",
            Anaphor::Here => "here",
            Anaphor::Republic => "republic",
        }
    }
}

/// The set of levels a sentence refers to by anaphora: a fixed-size value, no allocation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Anaphors(u8);

impl Anaphors {
    /// Whether the sentence refers to no place by anaphora.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether the sentence refers to level `a`.
    pub fn contains(self, a: Anaphor) -> bool {
        self.0 & a.bit() != 0
    }

    /// The levels, in the order of [`Anaphor::ALL`].
    pub fn iter(self) -> impl Iterator<Item = Anaphor> {
        Anaphor::ALL.into_iter().filter(move |a| self.contains(*a))
    }

    /// Adds level `a`.
    fn insert(&mut self, a: Anaphor) {
        self.0 |= a.bit();
    }
}

/// A noun form of an anaphoric phrase.
#[derive(Debug)]
pub(crate) struct Noun {
    /// The form, normalized (lower case, `ё` as `е`).
    pub(crate) form: &'static str,
    /// The level it refers to.
    pub(crate) of: Anaphor,
    /// Prefixes of the next word that give the noun another sense (`в области
    /// здравоохранения`).
    pub(crate) unless_next: &'static [&'static str],
}

/// One kind of anaphoric phrase: a lead and the noun forms that may follow it.
#[derive(Debug)]
pub(crate) struct Phrase {
    /// The lead's words, normalized (`в`; `на`, `территории`).
    pub(crate) lead: &'static [&'static str],
    /// The noun forms in the case the lead governs.
    pub(crate) nouns: &'static [Noun],
}

/// A language's words of place anaphora.
#[derive(Debug)]
pub(crate) struct AnaphoraWords {
    /// The phrases.
    pub(crate) phrases: &'static [Phrase],
    /// Modifiers that may stand between the lead and the noun (`всей`, `нашей`, `этом`).
    pub(crate) modifiers: &'static [&'static str],
    /// Adverbs that refer to the most specific place (`здесь`, `тут`).
    pub(crate) here: &'static [&'static str],
    /// An adverb with the word after it that makes it no place (`тут же`, right away).
    pub(crate) not_here: &'static [[&'static str; 2]],
}

/// The sentence's tokens as the detector reads them.
struct Reader<'a> {
    /// The document tokens.
    tokens: &'a Tokens,
    /// The sentence's token indices.
    range: Range<usize>,
}

impl Reader<'_> {
    /// The normalized form of token `i` when it is a word token of the sentence.
    fn word(&self, i: usize) -> Option<&str> {
        if !self.range.contains(&i) {
            return None;
        }
        let t = self.tokens.get(i)?;
        (t.kind == TokenKind::Word).then(|| self.tokens.norm(i))
    }

    /// Whether token `i` is a capitalized word token of the sentence.
    fn capitalized(&self, i: usize) -> bool {
        self.range.contains(&i) && self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word && t.capitalized)
    }

    /// Adds to `out` what a phrase or an adverb of `here` that starts at token `i` refers to
    /// (`longest`: the longest word that can start one).
    fn read_at(&self, words: &AnaphoraWords, longest: usize, i: usize, out: &mut Anaphors) {
        if self.tokens.get(i).is_none_or(|t| t.kind != TokenKind::Word || t.end() - t.start() > 2 * longest) {
            // (A word's normalized form is at most twice as long as its text.)
            return;
        }
        let Some(w) = self.word(i) else { return };
        if w.len() > longest {
            return;
        }
        if words.here.contains(&w) {
            let next = self.word(i + 1).unwrap_or("");
            if !words.not_here.iter().any(|[a, b]| *a == w && *b == next) {
                out.insert(Anaphor::Here);
            }
            return;
        }
        for p in words.phrases.iter().filter(|p| p.lead.first() == Some(&w)) {
            if let Some(a) = self.phrase(words, p, i) {
                out.insert(a);
            }
        }
    }

    /// The level of the phrase that starts with lead `p` at token `i`, if it is one.
    fn phrase(&self, words: &AnaphoraWords, p: &Phrase, i: usize) -> Option<Anaphor> {
        let mut j = i;
        for w in p.lead {
            if self.word(j)? != *w {
                return None;
            }
            j += 1;
        }
        // At most two neutral modifiers (`по всей нашей стране`).
        for _ in 0..2 {
            match self.word(j) {
                Some(m) if words.modifiers.contains(&m) => j += 1,
                _ => break,
            }
        }
        let form = self.word(j)?;
        let noun = p.nouns.iter().find(|n| n.form == form)?;
        if self.capitalized(j + 1) {
            return None;
        }
        if let Some(next) = self.word(j + 1) {
            if noun.unless_next.iter().any(|u| next.starts_with(u)) {
                return None;
            }
        }
        Some(noun.of)
    }
}

/// The levels of place that the sentence made of tokens `range` (token indices into the
/// document's `tokens`) refers to by anaphora, with the language's words in `gazetteer`.
/// One forward pass over the sentence's tokens. `_text` is the document the tokens point
/// into, taken like every engine takes it; the normalized tokens are all the detector reads.
pub(crate) fn anaphora(gazetteer: &Gazetteer, _text: &str, tokens: &Tokens, range: Range<usize>) -> Anaphors {
    let words = gazetteer.anaphora;
    let range = range.start..range.end.min(tokens.len());
    let r = Reader { tokens, range: range.clone() };
    let mut out = Anaphors::default();
    // Every phrase ends with a noun form, at most its lead's length and two modifiers after
    // its start, and `here` is an adverb: only the words up to that far before a noun form
    // or an adverb of `here` (the triggers; most sentences have none) can start one.
    let Some((longest, reach)) = gazetteer.anaphora_reach else { return out };
    let triggers = &gazetteer.anaphora_triggers;
    let ts = tokens.as_slice().get(range.clone()).unwrap_or(&[]);
    // The first token not read yet.
    let mut next = range.start;
    for (j, t) in (range.start..).zip(ts) {
        if t.kind != TokenKind::Word || !triggers.may_hold(tokens.norm_bytes_of(t)) {
            continue;
        }
        for i in j.saturating_sub(reach).max(next)..=j {
            r.read_at(words, longest, i, &mut out);
        }
        next = j + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The anaphora of a sentence (the tests' view: it tokenizes the sentence).
    fn of(s: &str) -> Anaphors {
        let tokens = Tokens::new(s);
        anaphora(crate::lang::Lang::Ru.table().events.gazetteer, s, &tokens, 0..tokens.len())
    }

    #[test]
    fn levels_of_a_sentence() {
        assert!(of("По области выявлено 12 случаев.").contains(Anaphor::Region));
        assert!(of("В области здравоохранения приняты меры.").is_empty());
        assert_eq!(of("Здесь и в столице").iter().collect::<Vec<_>>(), [Anaphor::Capital, Anaphor::Here]);
    }

    #[test]
    fn a_range_past_the_tokens_is_clipped() {
        let s = "в стране";
        let tokens = Tokens::new(s);
        let a = anaphora(crate::lang::Lang::Ru.table().events.gazetteer, s, &tokens, 0..usize::MAX);
        assert!(a.contains(Anaphor::Country));
        for odd in ["", "в", "по", "на территории", "во всей", "в в в", "тут", "здесь же"]
        {
            let _ = of(odd);
        }
    }
}
