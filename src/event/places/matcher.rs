//! Matching a [`Gazetteer`] against one sentence's tokens.
//!
//! A name's words are the document's word tokens, with touching ASCII hyphens joining them
//! (`Нур-Султане`, `Ростове-на-Дону`): a *word* below is such a group. Lookups take the
//! normalized form ([`Tokens::norm_span`]); a hit counts only when the text is written exactly
//! like the form (case-sensitive: `Орёл` the city, not `орёл` the bird; `ЗКО`, not `Зко`).

use super::gazetteer::{Cand, Gazetteer};
use super::{PlaceKind, PlaceMatch};
use crate::text::{TokenKind, Tokens};
use std::ops::Range;

/// A word: word tokens `first..=last` joined by touching ASCII hyphens.
#[derive(Clone, Copy, Debug)]
struct Word {
    /// Its first word token.
    first: usize,
    /// Its last word token.
    last: usize,
    /// Byte offset of its start in the text.
    start: usize,
    /// Byte offset of its end.
    end: usize,
}

impl Word {
    /// Whether it has a hyphen.
    fn hyphenated(&self) -> bool {
        self.last > self.first
    }
}

/// One sentence as the matcher reads it.
pub(crate) struct Matcher<'a> {
    /// The language's gazetteer.
    pub(crate) gaz: &'a Gazetteer,
    /// The document text.
    pub(crate) text: &'a str,
    /// The document tokens.
    pub(crate) tokens: &'a Tokens,
    /// The sentence's token indices.
    pub(crate) range: Range<usize>,
}

impl Matcher<'_> {
    /// Whether token `i` is a word token of the sentence.
    fn is_word(&self, i: usize) -> bool {
        self.range.contains(&i) && self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// Whether token `i` is an ASCII hyphen touching word tokens on both sides.
    fn joins(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else { return false };
        if t.kind != TokenKind::Punct || t.end() != t.start() + 1 || self.text.as_bytes().get(t.start()) != Some(&b'-')
        {
            return false;
        }
        let touching = |j: usize, at: bool| {
            self.range.contains(&j)
                && self.tokens.get(j).is_some_and(|w| {
                    w.kind == TokenKind::Word && if at { w.end() == t.start() } else { w.start() == t.end() }
                })
        };
        self.range.contains(&i) && i > 0 && touching(i - 1, true) && touching(i + 1, false)
    }

    /// The word that starts at word token `i`.
    fn word_from(&self, i: usize) -> Option<Word> {
        if !self.is_word(i) {
            return None;
        }
        let mut last = i;
        while self.joins(last + 1) {
            last += 2;
        }
        Some(Word { first: i, last, start: self.tokens.get(i)?.start(), end: self.tokens.get(last)?.end() })
    }

    /// The word that ends at word token `i`.
    fn word_to(&self, i: usize) -> Option<Word> {
        if !self.is_word(i) {
            return None;
        }
        let mut first = i;
        while first >= 2 && self.joins(first - 1) {
            first -= 2;
        }
        Some(Word { first, last: i, start: self.tokens.get(first)?.start(), end: self.tokens.get(i)?.end() })
    }

    /// The next word after `w` in the sentence (past numbers and signs).
    fn next(&self, w: &Word) -> Option<Word> {
        (w.last + 1..self.range.end).find(|&i| self.is_word(i)).and_then(|i| self.word_from(i))
    }

    /// The word before `w` in the sentence.
    fn previous(&self, w: &Word) -> Option<Word> {
        (self.range.start..w.first).rev().find(|&i| self.is_word(i)).and_then(|i| self.word_to(i))
    }

    /// The word as written.
    fn written(&self, w: &Word) -> &str {
        self.text.get(w.start..w.end).unwrap_or("")
    }

    /// The text between two words.
    fn gap(&self, a: &Word, b: &Word) -> &str {
        self.text.get(a.end..b.start).unwrap_or("")
    }

    /// Whether only whitespace (and some) separates `a` from `b`.
    fn adjacent(&self, a: &Word, b: &Word) -> bool {
        let g = self.gap(a, b);
        !g.is_empty() && g.chars().all(char::is_whitespace)
    }

    /// Whether token `i` starts with a capital letter.
    fn capitalized(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.capitalized)
    }

    /// The matches word `w` may start, when it is written like a first word of a name.
    fn heads(&self, w: &Word) -> Option<&[Cand]> {
        let norm = self.norm(w);
        // Most capitalized words start no name: turned away before the text is read.
        if !self.gaz.head_filter.may_hold(norm.as_bytes()) {
            return None;
        }
        self.gaz.head(norm, self.written(w)).map(|h| h.cands.as_slice())
    }

    /// Matches every place of the sentence.
    pub(crate) fn run(&self, out: &mut Vec<PlaceMatch>) {
        let ts = self.tokens.as_slice();
        let end = self.range.end.min(ts.len());
        let mut i = self.range.start;
        // A name starts at a capitalized word token that does not continue a hyphenated word
        // (`северо-Восток`): the parts after a hyphen are read with the word they belong to.
        // A match ends after a whole word, so the next start is the next such token.
        while let Some(c) = ts.get(i..end).and_then(|rest| {
            rest.iter()
                .enumerate()
                .find(|&(k, t)| t.kind == TokenKind::Word && t.capitalized && !self.joins((i + k).wrapping_sub(1)))
                .map(|(k, _)| i + k)
        }) {
            match self.word_from(c) {
                Some(w) => i = self.match_at(w, out).max(c + 1),
                None => i = c + 1,
            }
        }
    }

    /// Whether the candidate's further words follow `w`; the last word of the match.
    fn completes(&self, w: Word, cand: &Cand) -> Option<Word> {
        let mut cur = w;
        for &slot in &cand.rest {
            let n = self.next(&cur)?;
            if !(self.adjacent(&cur, &n) && self.gaz.in_slot(slot, self.written(&n))) {
                return None;
            }
            cur = n;
        }
        Some(cur)
    }

    /// The normalized form of a word (lower case, `ё` as `е`).
    fn norm(&self, w: &Word) -> &str {
        if w.hyphenated() {
            self.tokens.norm_span(w.first..w.last + 1)
        } else {
            self.tokens.norm(w.first)
        }
    }

    /// Whether the normalized form of `w` starts with one of `prefixes`.
    fn starts_with_any(&self, w: &Word, prefixes: &[&str]) -> bool {
        let norm = self.norm(w).as_bytes();
        prefixes.iter().any(|p| starts_with(norm, p.as_bytes()))
    }

    /// Whether the words before a name that starts at `start` (after `before`, the word before
    /// it) say it is no place of the event: a citizenship (`гражданин Турции`), a product's
    /// origin (`вакцина из России`), or the name of an organization in quotation marks.
    fn not_a_place(&self, start: usize, before: Option<Word>) -> bool {
        let np = self.gaz.not_place;
        let head = self.text.as_bytes().get(..start).unwrap_or(&[]);
        if np.quotes.iter().any(|q| ends_with(head, q.as_bytes())) {
            return true;
        }
        let Some(b) =
            before.filter(|b| self.text.get(b.end..start).is_some_and(|g| !g.is_empty() && g.trim().is_empty()))
        else {
            return false;
        };
        if self.starts_with_any(&b, np.citizenship) {
            return true;
        }
        let norm = self.norm(&b).as_bytes();
        if np.origin.iter().any(|o| equal(o.as_bytes(), norm)) {
            if let Some(product) = self.previous(&b) {
                return self.adjacent(&product, &b) && self.starts_with_any(&product, np.products);
            }
        }
        false
    }

    /// Reports place `place` named by the words `first` to `last` (unless the words before
    /// it say it is no place here), its span widened to a title before it.
    fn push(&self, out: &mut Vec<PlaceMatch>, place: u16, first: Word, last: Word) {
        let Some(p) = self.gaz.places.get(place as usize) else { return };
        let previous = self.previous(&first);
        if p.homograph && previous.is_none() {
            return;
        }
        if p.in_currency
            && previous.is_some_and(|w| {
                let written = self.written(&w).as_bytes();
                self.gaz.currency_prefixes.iter().any(|c| starts_with(written, c.as_bytes()))
            })
        {
            return;
        }
        let mut start = first.start;
        let mut before = previous;
        if let Some(prev) = previous {
            if p.kind != PlaceKind::City
                && self.adjacent(&prev, &first)
                && self.gaz.titles.iter().any(|t| equal(t.as_bytes(), self.written(&prev).as_bytes()))
            {
                start = prev.start;
                before = self.previous(&prev);
            }
        }
        if self.not_a_place(start, before) {
            return;
        }
        out.push(PlaceMatch { name: p.name, kind: p.kind, country: p.country, code: p.code, span: start..last.end });
    }

    /// Matches at word `w`; returns the token index after the match.
    fn match_at(&self, w: Word, out: &mut Vec<PlaceMatch>) -> usize {
        if !self.capitalized(w.first) {
            return w.last + 1;
        }
        let Some(cands) = self.heads(&w) else {
            if w.hyphenated() {
                self.match_parts(w, out);
            }
            return w.last + 1;
        };
        for cand in cands {
            if let Some(last) = self.completes(w, cand) {
                self.push(out, cand.place, w, last);
                return last.last + 1;
            }
        }
        // `Алматинской и Жамбылской областях`.
        for cand in cands {
            if let [slot] = cand.rest[..] {
                if let Some(next) = self.coordinated(w, cand.place, slot, out) {
                    return next;
                }
            }
        }
        w.last + 1
    }

    /// Adjectives joined by `,` or a conjunction that share one noun of `slot` at the end.
    fn coordinated(&self, w: Word, place: u16, slot: u16, out: &mut Vec<PlaceMatch>) -> Option<usize> {
        // At most nine names share one noun (the first and eight more).
        const MAX: usize = 9;
        let mut items = [(w, place); MAX];
        let mut j = w;
        for n in 1..MAX {
            let after = self.next(&j)?;
            if self.adjacent(&j, &after) && self.gaz.in_slot(slot, self.written(&after)) {
                for (m, &(word, p)) in items[..n].iter().enumerate() {
                    let last = if m + 1 == n { after } else { word };
                    self.push(out, p, word, last);
                }
                return Some(after.last + 1);
            }
            let next = if self.gap(&j, &after).trim() == "," {
                after
            } else if self.adjacent(&j, &after) && self.gaz.conjunctions.contains(&self.written(&after)) {
                let n2 = self.next(&after)?;
                if !self.adjacent(&after, &n2) {
                    return None;
                }
                n2
            } else {
                return None;
            };
            let cand = self.heads(&next)?.iter().find(|c| c.rest.len() == 1 && c.rest[0] == slot)?;
            items[n] = (next, cand.place);
            j = next;
        }
        None
    }

    /// Names inside a hyphenated word that is not a name itself (`Алматы-Нур-Султан`), when
    /// every part of it is a name: in `Каменск-Уральский` or `Петропавловск-Камчатский` a part
    /// that is a name elsewhere (`Уральск`, `Петропавловск`) is only part of another name.
    fn match_parts(&self, w: Word, out: &mut Vec<PlaceMatch>) {
        // The parts are the word tokens `w.first`, `w.first + 2`, ..., `w.last`.
        let before = out.len();
        let mut a = w.first;
        while a <= w.last {
            let mut found = None;
            if self.capitalized(a) {
                let mut b = w.last;
                loop {
                    let piece = Word { first: a, last: b, start: self.start(a), end: self.end(b) };
                    if let Some(c) = self.heads(&piece).and_then(|c| c.iter().find(|c| c.rest.is_empty())) {
                        found = Some((piece, c.place));
                        break;
                    }
                    if b < a + 2 {
                        break;
                    }
                    b -= 2;
                }
            }
            let Some((piece, place)) = found else {
                out.truncate(before);
                return;
            };
            if let Some(p) = self.gaz.places.get(place as usize) {
                out.push(PlaceMatch {
                    name: p.name,
                    kind: p.kind,
                    country: p.country,
                    code: p.code,
                    span: piece.start..piece.end,
                });
            }
            a = piece.last + 2;
        }
    }

    /// Byte offset where token `i` starts.
    fn start(&self, i: usize) -> usize {
        self.tokens.get(i).map_or(0, |t| t.start())
    }

    /// Byte offset where token `i` ends.
    fn end(&self, i: usize) -> usize {
        self.tokens.get(i).map_or(0, |t| t.end())
    }
}

/// Whether two short byte strings are equal (compared in line: the lists they are tried
/// against are short words, which differ early).
#[inline]
fn equal(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// Whether `w` starts with `p` (in line, see [`equal`]).
#[inline]
fn starts_with(w: &[u8], p: &[u8]) -> bool {
    w.get(..p.len()).is_some_and(|head| equal(head, p))
}

/// Whether `w` ends with `p` (in line, see [`equal`]).
#[inline]
fn ends_with(w: &[u8], p: &[u8]) -> bool {
    w.len().checked_sub(p.len()).and_then(|from| w.get(from..)).is_some_and(|tail| equal(tail, p))
}
