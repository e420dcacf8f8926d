//! The figure grammar's view of one sentence: the document's tokens grouped into words
//! (`ПЦР-тестов`, `COVID-19`), numbers (`1 234`, `1,5`, `17.00`, `2-х`) and signs, each word
//! looked up once in the language's [`FigureWords`].
//!
//! Nothing here splits text: the groups are read off the [`Tokens`] (their kinds, their byte
//! positions, which say whether two tokens touch) and the characters between them.

use super::words::{flag, Entry, FigureWords, Lex};
use crate::text::{Token, TokenKind, Tokens};
use std::cell::Cell;
use std::ops::Range;

/// How a number was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumForm {
    /// Plain digits.
    Int,
    /// Digits with thousand separators (`1 234`).
    Grouped,
    /// A decimal comma (`1,5`).
    Decimal,
    /// One dot (`1.5` or the clock time `17.00`): a number only before a multiplier, `%` or
    /// a currency.
    Dot,
    /// Not a quantity: a date, a clock time, an ordinal or part of a compound word.
    Skip,
}

/// What a grouped token is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Kind {
    /// A word (letters, with digits and inner hyphens).
    Word,
    /// A number: its value and how it was written.
    Num(f64, NumForm),
    /// Any other sign.
    Sym(char),
    /// Ends a clause: `, ; ( ) ! ? …` and a full stop that is not an abbreviation's.
    Break,
    /// A hyphen or dash standing alone.
    Dash,
}

/// One grouped token of a sentence.
#[derive(Clone, Debug)]
pub(crate) struct Tok {
    /// Byte offset of its first character in the text.
    pub(crate) start: usize,
    /// Byte offset just past its last character.
    pub(crate) end: usize,
    /// What it is.
    pub(crate) kind: Kind,
    /// For words: the document tokens it spans (for the normalized form), and the first
    /// token of its last part after a hyphen (its first token when it has no hyphen).
    pub(crate) tokens: (u32, u32, u32),
    /// The clause it is in: the index of its first grouped token and one past its last
    /// (clauses end at a [`Kind::Break`], which is the last token of none).
    pub(crate) clause: (u32, u32),
    /// For words: the shape of its normalized form ([`FigureWords::shape`]), which the word
    /// filters test before any lookup.
    pub(crate) shape: u16,
    /// For words, once looked up ([`Tok::looked_up`]): its entry in the word table
    /// ([`Entry::NONE`] when it has none) and the entry its meaning comes from, which for a
    /// hyphenated word falls back to the last part (`экспресс-тестов` → `тестов`) for counted
    /// nouns. (Two references: small to copy out of the cell.)
    looked: Cell<Option<(&'static Entry, &'static Entry)>>,
}

impl Tok {
    /// A token not looked up yet, in the clause that starts at grouped token `clause`.
    fn new(start: usize, end: usize, kind: Kind, clause: u32) -> Self {
        Tok { start, end, kind, tokens: (0, 0, 0), clause: (clause, 0), shape: 0, looked: Cell::new(None) }
    }

    /// The word's entry and meaning, looked up on first use (most words of a sentence are
    /// never asked about).
    #[inline]
    pub(crate) fn looked_up(&self, words: &'static FigureWords, tokens: &Tokens) -> (&'static Entry, Option<Lex>) {
        if let Some((entry, meaning)) = self.looked.get() {
            return (entry, meaning.lex);
        }
        let (entry, meaning) = if matches!(self.kind, Kind::Word) {
            let (a, b, last) = (self.tokens.0 as usize, self.tokens.1 as usize, self.tokens.2 as usize);
            let entry = if words.may_hold(self.shape) {
                words.get_shaped(norm_of(tokens, a, b).as_bytes(), self.shape).unwrap_or(&Entry::NONE)
            } else {
                &Entry::NONE
            };
            let mut meaning = entry;
            if entry.lex.is_none() && last > a {
                if let Some(e) = words.get(norm_of(tokens, last, b)) {
                    if matches!(e.lex, Some(Lex::Count(..))) {
                        meaning = e;
                    }
                }
            }
            (entry, meaning)
        } else {
            (&Entry::NONE, &Entry::NONE)
        };
        self.looked.set(Some((entry, meaning)));
        (entry, meaning.lex)
    }
}

/// The normalized form of the document tokens `a..b` ([`Tokens::norm_span`]; most words are
/// one token, whose form is read without the span's tests).
#[inline]
pub(crate) fn norm_of(tokens: &Tokens, a: usize, b: usize) -> &str {
    if b == a + 1 {
        tokens.norm(a)
    } else {
        tokens.norm_span(a..b)
    }
}

/// Whether token `b` starts where token `a` ends.
#[inline]
fn touch(tokens: &Tokens, a: usize, b: usize) -> bool {
    match (tokens.get(a), tokens.get(b)) {
        (Some(x), Some(y)) => x.end() == y.start(),
        _ => false,
    }
}

/// The single ASCII byte a punctuation token is, if it is one.
#[inline]
fn ascii_punct(text: &[u8], tokens: &Tokens, i: usize) -> Option<u8> {
    let t = tokens.get(i)?;
    if t.kind != TokenKind::Punct || t.end() != t.start() + 1 {
        return None;
    }
    text.get(t.start()).copied().filter(u8::is_ascii)
}

/// The value of a run of ASCII digits, read the way the figures are computed (digit by digit,
/// in floating point).
fn digits_value(digits: &[u8]) -> f64 {
    digits.iter().fold(0f64, |v, d| v * 10.0 + f64::from(d.wrapping_sub(b'0')))
}

/// The decimal fraction `0.digits`.
fn frac(digits: &[u8]) -> f64 {
    let mut v = 0f64;
    let mut scale = 1f64;
    for &d in digits {
        v = v * 10.0 + f64::from(d.wrapping_sub(b'0'));
        scale *= 10.0;
    }
    v / scale
}

/// Whether `s` is exactly one group separator: a space, a no-break space, a narrow no-break
/// space or a thin space.
fn is_group_separator(s: &str) -> bool {
    matches!(s, " " | "\u{a0}" | "\u{202f}" | "\u{2009}")
}

/// Whether the sentence `range` can hold a figure at all: it has a number, or a word that
/// can start one (a number word, a collective numeral, `полтора`; each is one word token),
/// outside the byte spans `dates` (the sentence's temporal expressions, in the tokens' text).
pub(crate) fn possible(words: &FigureWords, tokens: &Tokens, range: Range<usize>, dates: &[Range<usize>]) -> bool {
    let Some(ts) = tokens.as_slice().get(range) else { return false };
    // A number inside a temporal expression (`16 марта`, `на 14 дней`) counts nothing.
    let free = |t: &Token| !dates.iter().any(|d| d.start <= t.start() && t.end() <= d.end);
    // Numbers first: nearly every sentence the pipeline asks about has a date in digits.
    ts.iter().any(|t| t.kind == TokenKind::Number && free(t))
        || ts.iter().any(|t| {
            if t.kind != TokenKind::Word {
                return false;
            }
            let norm = tokens.norm_bytes_of(t);
            let shape = FigureWords::shape(norm);
            words.may_start(shape) && words.get_shaped(norm, shape).is_some_and(Entry::starts) && free(t)
        })
}

/// Groups the tokens `range` of `tokens` (which point into `text`) into `out` (which it
/// clears first).
pub(crate) fn group(words: &'static FigureWords, text: &str, tokens: &Tokens, range: Range<usize>, out: &mut Vec<Tok>) {
    out.clear();
    let bytes = text.as_bytes();
    let end = range.end.min(tokens.len());
    let mut i = range.start;
    // Where the current clause starts (after the last break so far).
    let mut clause = 0u32;
    while i < end {
        let Some(t) = tokens.get(i) else { break };
        match t.kind {
            TokenKind::Word => {
                // Letters, digits and inner ASCII hyphens that touch.
                let mut j = i;
                let mut last_part = i;
                loop {
                    let n = j + 1;
                    if n >= end || !touch(tokens, j, n) {
                        break;
                    }
                    match tokens.get(n).map(|t| t.kind) {
                        Some(TokenKind::Word | TokenKind::Number) => j = n,
                        Some(TokenKind::Punct)
                            if ascii_punct(bytes, tokens, n) == Some(b'-')
                                && n + 1 < end
                                && touch(tokens, n, n + 1)
                                && tokens.get(n + 1).is_some_and(|t| t.kind != TokenKind::Punct) =>
                        {
                            j = n + 1;
                            last_part = n + 1;
                        }
                        _ => break,
                    }
                }
                let end_byte = tokens.get(j).map_or(t.end(), |x| x.end());
                out.push(Tok {
                    start: t.start(),
                    end: end_byte,
                    kind: Kind::Word,
                    tokens: (i as u32, j as u32 + 1, last_part as u32),
                    clause: (clause, 0),
                    shape: FigureWords::shape(if j == i {
                        tokens.norm_bytes_of(t)
                    } else {
                        tokens.norm_span(i..j + 1).as_bytes()
                    }),
                    looked: Cell::new(None),
                });
                i = j + 1;
            }
            TokenKind::Number => {
                let (kind, last) = number(words, text, tokens, i, end);
                let end_byte = tokens.get(last).map_or(t.end(), |x| x.end());
                out.push(Tok::new(t.start(), end_byte, kind, clause));
                i = last + 1;
            }
            TokenKind::Punct => {
                // Most signs are one ASCII byte, read without decoding.
                let c = match ascii_punct(bytes, tokens, i) {
                    Some(b) => char::from(b),
                    None => text.get(t.start()..t.end()).and_then(|s| s.chars().next()).unwrap_or('\u{fffd}'),
                };
                let kind = match c {
                    ',' | ';' | '(' | ')' | '!' | '?' | '…' => Kind::Break,
                    '.' => {
                        let abbrev = out.last().is_some_and(|p| {
                            matches!(p.kind, Kind::Word)
                                && p.end == t.start()
                                && p.looked_up(words, tokens).0.flags & flag::ABBREVIATION != 0
                        });
                        if abbrev {
                            Kind::Sym('.')
                        } else {
                            Kind::Break
                        }
                    }
                    '-' | '–' | '—' | '‒' | '−' => Kind::Dash,
                    _ => Kind::Sym(c),
                };
                out.push(Tok::new(t.start(), t.end(), kind, clause));
                if matches!(kind, Kind::Break) {
                    clause = out.len() as u32;
                }
                i += 1;
            }
        }
    }
    // Clauses: from after the last break before a token (set above) to the first break at or
    // after it.
    let mut stop = out.len();
    for (k, t) in out.iter_mut().enumerate().rev() {
        if matches!(t.kind, Kind::Break) {
            stop = k;
        }
        t.clause.1 = stop as u32;
    }
}

/// Reads the number that starts at number token `i` (tokens before `end` only): returns
/// what it is and the index of its last token.
fn number(words: &FigureWords, text: &str, tokens: &Tokens, i: usize, end: usize) -> (Kind, usize) {
    let bytes = text.as_bytes();
    let digits = |k: usize| -> &[u8] { tokens.get(k).and_then(|t| bytes.get(t.start()..t.end())).unwrap_or(&[]) };
    let is_number = |k: usize| k < end && tokens.get(k).is_some_and(|t| t.kind == TokenKind::Number);
    let mut value = digits_value(digits(i));
    let first_len = digits(i).len();
    let mut form = NumForm::Int;
    let mut dots = 0;
    let mut j = i;
    loop {
        // A separator and more digits, all touching: `1,5`, `17.00`, `10:00`.
        let sep = if j + 1 < end && touch(tokens, j, j + 1) && touch(tokens, j + 1, j + 2) && is_number(j + 2) {
            ascii_punct(bytes, tokens, j + 1)
        } else {
            None
        };
        match sep {
            Some(b',') if form != NumForm::Decimal && dots == 0 => {
                value += frac(digits(j + 2));
                form = NumForm::Decimal;
                j += 2;
                continue;
            }
            Some(b'.') if form != NumForm::Decimal => {
                if dots == 0 {
                    value += frac(digits(j + 2));
                }
                dots += 1;
                j += 2;
                continue;
            }
            Some(b':') => {
                form = NumForm::Skip;
                j += 2;
                continue;
            }
            _ => {}
        }
        // A group of three digits after one space: `1 234`, `42 500`.
        if matches!(form, NumForm::Int | NumForm::Grouped) && dots == 0 && first_len <= 3 && is_number(j + 1) {
            let between = match (tokens.get(j), tokens.get(j + 1)) {
                (Some(a), Some(b)) => text.get(a.end()..b.start()).unwrap_or(""),
                _ => "",
            };
            if is_group_separator(between) && digits(j + 1).len() == 3 {
                for &d in digits(j + 1) {
                    value = value * 10.0 + f64::from(d.wrapping_sub(b'0'));
                }
                form = NumForm::Grouped;
                j += 1;
                continue;
            }
        }
        break;
    }
    if dots == 1 && form != NumForm::Skip {
        form = NumForm::Dot;
    } else if dots > 1 {
        form = NumForm::Skip;
    }
    // A suffix: `2-х` stays a cardinal, `2-й`, `5-летний`, `5G` are not quantities.
    let is_word = |k: usize| k < end && tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word);
    let suffix = if j + 1 < end && touch(tokens, j, j + 1) {
        if ascii_punct(bytes, tokens, j + 1) == Some(b'-') && touch(tokens, j + 1, j + 2) && is_word(j + 2) {
            Some((true, j + 2))
        } else if is_word(j + 1) {
            Some((false, j + 1))
        } else {
            None
        }
    } else {
        None
    };
    if let Some((hyphen, w)) = suffix {
        let written = tokens.get(w).and_then(|t| text.get(t.start()..t.end())).unwrap_or("");
        let cardinal = hyphen
            && matches!(form, NumForm::Int | NumForm::Grouped)
            && words.tables.cardinal_suffixes.contains(&written);
        if !cardinal {
            form = NumForm::Skip;
        }
        j = w;
    }
    (Kind::Num(value, form), j)
}
