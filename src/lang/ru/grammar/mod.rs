//! The Russian temporal grammar: patterns over tokens that produce [`Expr`]s.
//!
//! The scanner walks a sentence's tokens once. At each token it tries every rule and keeps
//! the longest match (ties go to the rule tried first), then continues after it; each rule
//! looks ahead a bounded number of tokens, so a sentence costs time linear in its length.
//!
//! Span rule: a match covers the words that carry its meaning, including the prepositions
//! that change the value (`с`, `по`, `до`, `от`, `не позднее`, `после`, `через`, ...) and a
//! part of the day, but not a plain `в` / `во` / `на` in front of it.
//!
//! Numbers are dates only in a date's company: a day needs a month word (`16 марта`), a
//! year needs a year word or a month before it (`2020 года`, `март 2020`), and a dotted
//! `dd.mm` with no year is read as a clock time after `в`/`до`/`с`/`к`/`около`/`после`
//! when its minutes are a multiple of five or above 12 (`до 17.00`, `в 8.30`, `с 15.10`),
//! as a date (`с 16.03`) when they are not. Bare numbers (`1414`, `49`, `в 10`) never are.

mod calendar;
mod clock;
mod periods;
mod relative;
mod zone;

use super::lexicon::{
    class, duration_adjective, Lex, Lexicon, AFTER_IN, AFTER_IN_PAST_OR_FUTURE, AFTER_IN_UNITS, AMOUNT_OPENERS,
    ANNIVERSARY_NAMES, CLOSING_QUOTES, FOR_PERIOD, NEW_YEAR_STEM, OPENING_QUOTES, SEASON_NOUNS, STREET_WORDS,
    VAGUE_TIME_ADJECTIVES,
};
use super::tense;
use crate::expr::{Expr, Tense};
use crate::lang::{Dates, Window};
use crate::mention::Mod;
use crate::text::{Gap, Token, TokenKind, Tokens};
use crate::value::Unit;
use std::ops::Range;

pub use crate::expr::Found;

/// The Russian reader of temporal expressions, sentence by sentence.
///
/// It looks each word of a sentence up once (`Lexicon::lookup_class`) and keeps the meanings in a buffer
/// that the next sentence reuses, so that rules index an array instead of hashing words
/// again, and a document costs no allocation per sentence. The tense cues of a sentence are
/// read only when a match asks for them ([`Scanner::tense_at`]).
#[derive(Clone, Debug, Default)]
pub struct Scanner {
    /// The token range of the sentence last scanned.
    sentence: Range<usize>,
    /// What each of its tokens means to the lexicon, and its class bits.
    lex: Vec<&'static [Lex]>,
    class: Vec<u64>,
    /// Its clause boundaries, once read.
    boundaries: Vec<usize>,
    boundaries_read: bool,
    /// The tense cues of one of its clauses (`cue_clause`, token indices), once read.
    cues: Vec<(usize, Tense)>,
    cue_clause: Range<usize>,
}

impl Scanner {
    /// A scanner with empty buffers.
    pub fn new() -> Self {
        Scanner::default()
    }

    /// Appends every temporal expression in the tokens `sentence` of `tokens` to `out`, in
    /// text order.
    pub fn scan(&mut self, tokens: &Tokens, sentence: Range<usize>, out: &mut Vec<Found>) {
        let hi = sentence.end.min(tokens.len());
        let lo = sentence.start.min(hi);
        self.sentence = lo..hi;
        self.boundaries_read = false;
        self.cue_clause = 0..0;
        self.lex.clear();
        self.class.clear();
        self.lex.reserve(hi - lo);
        self.class.reserve(hi - lo);
        let lexicon = Lexicon::get();
        for t in tokens.as_slice().get(lo..hi).unwrap_or(&[]) {
            let (meaning, class) = read_token(lexicon, tokens, t);
            self.lex.push(meaning);
            self.class.push(class);
        }
        // A sentence where no token can start a match (most of an article) ends here.
        if self.class.iter().all(|&c| c & !class::AFTER_IN == 0) {
            return;
        }
        scan(tokens, &self.lex, &self.class, lo..hi, out);
    }

    /// The tense of the clause around token `at` of the sentence last scanned (see
    /// [`tense::tense_near`]).
    ///
    /// Only cues of `at`'s own clause can decide, so only that clause is read for cues
    /// (the words between the boundaries before and after `at`).
    pub fn tense_at(&mut self, tokens: &Tokens, at: usize) -> Option<Tense> {
        let sentence = self.sentence.clone();
        // The period a decision is for (`подписал распоряжение на период новогодних
        // праздников`): the verb's tense says when it was signed, not when the period is.
        if at >= sentence.start + 2
            && tokens.norm(at - 2) == FOR_PERIOD.0
            && FOR_PERIOD.1.contains(&tokens.norm(at - 1))
        {
            return None;
        }
        if !self.boundaries_read {
            tense::clause_boundaries_into(tokens, sentence.clone(), &mut self.boundaries);
            self.boundaries_read = true;
        }
        let before = self.boundaries.partition_point(|&x| x < at);
        let after = self.boundaries.partition_point(|&x| x <= at);
        let start = before.checked_sub(1).and_then(|k| self.boundaries.get(k)).map_or(sentence.start, |&x| x + 1);
        let end = self.boundaries.get(after).map_or(sentence.end, |&x| x);
        let clause = start.max(sentence.start)..end.min(sentence.end).max(start);
        if clause != self.cue_clause || clause.is_empty() {
            let lex = self.lex.get(clause.start - sentence.start..).unwrap_or(&[]);
            tense::tense_cues_into(tokens, lex, clause.clone(), &mut self.cues);
            self.cue_clause = clause;
        }
        tense::tense_near(&self.cues, &self.boundaries, at)
    }
}

impl Dates for Scanner {
    fn scan(&mut self, tokens: &Tokens, sentence: Range<usize>, out: &mut Vec<Found>) {
        Scanner::scan(self, tokens, sentence, out);
    }

    fn tense_at(&mut self, tokens: &Tokens, at: usize) -> Option<Tense> {
        Scanner::tense_at(self, tokens, at)
    }
}

/// Finds every temporal expression in the tokens of one sentence; `lex[k]` is what token
/// `sentence.start + k` means to the lexicon, `class[k]` its class bits.
fn scan(tokens: &Tokens, lex: &[&'static [Lex]], class: &[u64], sentence: Range<usize>, out: &mut Vec<Found>) {
    let len = lex.len().min(class.len());
    let hi = sentence.end.min(tokens.len()).min(sentence.start.saturating_add(len));
    let p = P { win: Window { t: tokens, lex, lo: sentence.start, hi }, class };
    let mut i = p.lo;
    while i < p.hi {
        if !p.may_start(i) || p.inert_number(i) {
            i += 1;
            continue;
        }
        if let Some(end) = p.day_list(i, out) {
            i = end;
            continue;
        }
        match p.at(i) {
            Some(found) if found.tokens.end > i => {
                i = found.tokens.end;
                if !found.expr.contains_invalid() && !p.is_name(&found) {
                    out.push(found);
                }
            }
            _ => i += 1,
        }
    }
}

/// What token `i` means to the lexicon (empty for numbers, punctuation and words it does
/// not know), and its [`class`] bits.
#[inline]
fn read(lexicon: Lexicon, tokens: &Tokens, i: usize) -> (&'static [Lex], u64) {
    tokens.get(i).map_or((&[], 0), |t| read_token(lexicon, tokens, t))
}

/// [`read`] of a token of `tokens`.
#[inline]
fn read_token(lexicon: Lexicon, tokens: &Tokens, t: &Token) -> (&'static [Lex], u64) {
    match t.kind {
        TokenKind::Word => lexicon.lookup_class(tokens.norm_bytes_of(t)),
        TokenKind::Number => (&[], class::NUMBER),
        TokenKind::Punct if matches!(tokens.norm_bytes_of(t), b"+" | b"-") => (&[], class::SIGN),
        TokenKind::Punct => (&[], 0),
    }
}

/// What token `i` means to the lexicon.
#[inline]
fn meaning(lexicon: Lexicon, tokens: &Tokens, i: usize) -> &'static [Lex] {
    read(lexicon, tokens, i).0
}

/// What every token of a text means to the lexicon: one lookup per word (the whole text at
/// once, for [`tense::tense_cues`] over a whole text).
pub fn lexicalize(tokens: &Tokens) -> Vec<&'static [Lex]> {
    let lexicon = Lexicon::get();
    (0..tokens.len()).map(|i| meaning(lexicon, tokens, i)).collect()
}

/// How a preposition in front of an expression bounds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Prefix {
    /// `с`, `начиная с`: a start; with a second end, a range.
    From(Option<Mod>),
    /// `по`, `до`, `не позднее`, `после`, `около`, ...
    Bound(Mod),
    /// `между`: a range whose ends `и` joins, nothing without its second end.
    Between,
}

struct P<'a> {
    win: Window<'a, Lex>,
    class: &'a [u64],
}

impl<'a> std::ops::Deref for P<'a> {
    type Target = Window<'a, Lex>;
    fn deref(&self) -> &Window<'a, Lex> {
        &self.win
    }
}

type M = Option<(Expr, usize)>;

/// [`P::amount`] at a rule's first token with a bare unit, read by the first rule that asks
/// and kept for the next ([`P::offset`], [`P::duration`]) within one [`P::core`].
type AmountAt = std::cell::OnceCell<Option<(crate::value::Duration, Unit, usize)>>;

/// The first ends a range may start with, to try in turn: the core's reading and the bare
/// one ([`P::bare_end`], flagged `true`), the longer first and the core on a tie.
///
/// They are lent, not given: an end is cloned only when a second end is found for it, and
/// most first ends have none.
fn first_ends<'m>(core: &'m M, bare: &'m M) -> impl Iterator<Item = (&'m Expr, usize, bool)> {
    let bare_first = match (core, bare) {
        (Some((_, x)), Some((_, y))) => y > x,
        _ => false,
    };
    let core = core.as_ref().map(|(e, k)| (e, *k, false));
    let bare = bare.as_ref().map(|(e, k)| (e, *k, true));
    let (a, b) = if bare_first { (bare, core) } else { (core, bare) };
    a.into_iter().chain(b)
}

fn longest(a: M, b: M) -> M {
    match (&a, &b) {
        (Some((_, x)), Some((_, y))) if y > x => b,
        (None, _) => b,
        _ => a,
    }
}

/// `*best = longest(*best, m)` in place: the same winner, but a match moves only when it
/// wins, and a rule that reads nothing (most, at most tokens) costs no copy of the best.
#[inline]
fn keep_longest(best: &mut M, m: M) {
    if let Some((_, y)) = &m {
        if best.as_ref().is_none_or(|(_, x)| y > x) {
            *best = m;
        }
    }
}

/// [`longest`] of two borrowed matches (the same one wins), so that only the winner is
/// cloned.
#[inline]
fn longest_of<'m>(a: &'m M, b: &'m M) -> &'m M {
    match (a, b) {
        (Some((_, x)), Some((_, y))) if y > x => b,
        (None, _) => b,
        _ => a,
    }
}

/// The class bits a rule's first token must have one of, for the gates in [`P::core`].
mod first {
    use super::class;
    use crate::lang::ru::lexicon::Lex;
    use crate::lang::ru::numbers::NumberWord;
    use crate::value::{PartOfDay, Season, Unit};

    pub const NUMBER: u64 = class::NUMBER;
    pub const MONTH: u64 = Lex::Month(0).class() | Lex::MonthAbbr(0).class();
    pub const WEEKDAY: u64 = Lex::Weekday(0).class();
    pub const WEEKDAY_ABBR: u64 = Lex::WeekdayAbbr(0).class();
    pub const WEEKDAY_PLURAL: u64 = Lex::WeekdayPlural(0).class();
    pub const UNIT: u64 = Lex::Unit(Unit::Day).class();
    pub const DEICTIC: u64 = Lex::Deictic(0).class() | class::DEICTIC;
    pub const PART: u64 = Lex::PartOfDay(PartOfDay::Morning).class();
    pub const SHIFT: u64 = Lex::Shift(0).class();
    pub const UPCOMING: u64 = Lex::Upcoming.class();
    pub const SEASON: u64 = Lex::Season(Season::Spring).class();
    pub const PORTION: u64 = Lex::Portion(crate::expr::Portion::Start).class();
    pub const WEEKEND: u64 = Lex::Weekend.class();
    pub const EVERY: u64 = Lex::Every(Unit::Day).class() | Lex::EachWord.class() | class::SET;
    pub const LATER: u64 = Lex::Later.class();
    pub const NOW: u64 = Lex::Now.class();
    pub const CLOCK_WORD: u64 = Lex::Noon.class() | Lex::Midnight.class();
    /// What can start a clock time: a number, `полдень`, an hour in words, `час` (`в час
    /// дня`), and the spoken forms (`половине восьмого`, `без четверти девять`).
    pub const CLOCK: u64 = NUMBER | CLOCK_WORD | CARDINAL | UNIT | Lex::HalfWord.class() | class::SPOKEN_CLOCK;
    pub const CARDINAL: u64 = Lex::Number(NumberWord::Cardinal(0)).class();
    pub const ORDINAL: u64 = Lex::Number(NumberWord::Ordinal(0)).class();
    pub const HOLIDAY: u64 = Lex::HolidayStart.class();
    /// What can start an amount of time (`3 дня`, `полчаса`, `полтора часа`, `пару дней`,
    /// `двух недель`, `неделю`).
    pub const AMOUNT: u64 =
        NUMBER | CARDINAL | UNIT | Lex::HalfUnit(Unit::Hour).class() | Lex::OneAndHalf.class() | Lex::Couple.class();
    /// Every lexicon entry but those that only tell the tense ([`Lex::is_tense_cue`]).
    pub const MEANING: u64 =
        ((Lex::Midnight.class() << 1) - 1) & !(Lex::Future.class() | Lex::Past.class() | Lex::NotPast.class());
    /// What can start a day number (`16`, `первого`, `двадцать пятое`).
    pub const DAY_NUMBER: u64 = NUMBER | CARDINAL | ORDINAL;
    /// What can start a day (`16 марта`, `вчера`, `в пятницу`, `16.03.2020`).
    pub const DAY: u64 = DAY_NUMBER | DEICTIC | WEEKDAY;
}

impl<'a> P<'a> {
    /// The class bits of token `i` (0 outside the sentence), without
    /// [`class::AFTER_IN`], which only [`P::may_start`] reads ([`P::after_in`]): every other
    /// test sees the words of [`AFTER_IN`] as it would without the bit.
    fn class(&self, i: usize) -> u64 {
        self.raw_class(i) & !class::AFTER_IN
    }

    fn raw_class(&self, i: usize) -> u64 {
        if i < self.hi {
            self.class.get(i.wrapping_sub(self.lo)).copied().unwrap_or(0)
        } else {
            0
        }
    }

    /// May token `i` be a word of [`AFTER_IN`]? (A necessary condition, no string compared.)
    fn after_in(&self, i: usize) -> bool {
        self.raw_class(i) & class::AFTER_IN != 0
    }

    fn hyphen(&self, i: usize) -> bool {
        self.w(i) == "-"
    }

    fn prev_is(&self, i: usize, words: &[&str]) -> bool {
        i > self.lo && self.is(i - 1, words)
    }

    /// Is the match a name rather than a time: a short title in quotes (`кафе «24 часа»`,
    /// `фильм «12 месяцев»`), a street (`ул. 1 Мая`, `на улице 8 Марта`, `проспект 50 лет
    /// Октября`), an anniversary in a name (`40 лет Победы`)? Its words are consumed.
    fn is_name(&self, found: &Found) -> bool {
        let (s, e) = (found.tokens.start, found.tokens.end);
        if s <= self.lo {
            return false;
        }
        let word = |k: usize| self.tok(k).is_some_and(|t| t.kind == TokenKind::Word);
        // A title: an opening quote after a word, a capital or a number first, and the
        // closing quote after at most three more words.
        if self.is(s - 1, OPENING_QUOTES)
            && s >= self.lo + 2
            && word(s - 2)
            && (self.tok(s).is_some_and(|t| t.capitalized) || self.num(s).is_some())
        {
            let mut k = e;
            while k < e + 3 && word(k) {
                k += 1;
            }
            if self.is(k, CLOSING_QUOTES) {
                return true;
            }
        }
        let years = matches!(&found.expr, Expr::Duration(d) if d.years > 0);
        let capital_after = self.tok(e).is_some_and(|t| t.capitalized && t.kind == TokenKind::Word);
        if years && capital_after && self.is(e, ANNIVERSARY_NAMES) {
            return true;
        }
        let before = if self.w(s - 1) == "." && s >= self.lo + 2 { s - 2 } else { s - 1 };
        if !self.is(before, STREET_WORDS) {
            return false;
        }
        let capital_month = (s..e).any(|k| {
            self.tok(k).is_some_and(|t| t.capitalized) && self.lex(k).iter().any(|l| matches!(l, Lex::Month(_)))
        });
        capital_month || (years && capital_after)
    }

    /// Cheap test: can anything start at token `i`? Most tokens answer no without trying a
    /// rule; a preposition answers for the token after it.
    fn may_start(&self, i: usize) -> bool {
        // Words in neither the lexicon nor the grammar's word list, and punctuation other
        // than a sign, start nothing.
        if self.class(i) == 0 {
            return false;
        }
        let Some(t) = self.tok(i) else { return false };
        match t.kind {
            TokenKind::Number => true,
            // A sign starts only an offset (`+15 минут`, `-3 года`), whose amount starts
            // right after it: a dash before a word that starts no amount (`- сказал он`,
            // `Нур-Султан`) starts nothing (no other rule, prefix or list reads a sign first).
            TokenKind::Punct => matches!(self.w(i), "+" | "-") && self.class(i + 1) & first::AMOUNT != 0,
            TokenKind::Word if self.class(i) & first::MEANING != 0 => true,
            // `и` and the counted-day adjectives (`рабочих`) have only the link bit: they are
            // none of the words below, have none of the class bits tested below, and are no
            // duration adjective and no New Year word (those carry `START`), so the match
            // below would refuse them after comparing every word.
            TokenKind::Word if self.class(i) == class::LINK => false,
            TokenKind::Word => match self.w(i) {
                "с"
                | "со"
                | "от"
                | "по"
                | "до"
                | "после"
                | "к"
                | "ко"
                | "около"
                | "примерно"
                | "приблизительно"
                | "между" => self.may_start_core(i + 1),
                "за" => {
                    let next = self.w(i + 1);
                    ["последн", "минувш", "прошедш", "прошл", "ближайш", "истекш"].iter().any(|p| next.starts_with(p))
                        || matches!(next, "несколько" | "многие")
                        || (next == "день" && self.is(i + 2, &["до"]))
                        || (next == "сутки" && !self.is(i + 2, &["до"]))
                }
                "более" | "менее" | "больше" | "меньше" | "свыше" | "почти" => {
                    self.may_start_core(i + 1)
                }
                "начиная" | "вплоть" | "накануне" | "канун" | "недавно" | "последние" | "последних" | "последнюю"
                | "последний" => true,
                "несколько" | "нескольких" | "раз" | "раза" | "дважды" | "трижды" | "четырежды" => {
                    true
                }
                "без" => {
                    self.is(i + 1, &["четверти"])
                        || self.num(i + 1).is_some()
                        || self.class(i + 1) & first::CARDINAL != 0
                }
                "четверть" => self.class(i + 1) & first::ORDINAL != 0,
                "след" => self.w(i + 1) == "." && self.touching(i + 1),
                // Every word of the lists has the class bit: most words after `в` fail there.
                "в" | "во" => {
                    self.after_in(i + 1)
                        && (self.is(i + 1, AFTER_IN[0])
                            || self.is(i + 1, VAGUE_TIME_ADJECTIVES)
                            || self.is(i + 1, AFTER_IN_PAST_OR_FUTURE)
                            || (self.is(i + 1, AFTER_IN_UNITS) && i > self.lo))
                }
                "на" => self.is(i + 1, &["днях", "протяжении"]),
                "не" => self.is(i + 1, &["позднее", "позже", "ранее", "раньше"]),
                "тот" | "того" | "том" | "тому" | "та" | "ту" | "той" => {
                    self.is(i + 1, &["же", "день", "дня", "дне"])
                }
                "другой" => self.is(i + 1, &["день"]),
                "тогда" => self.is(i + 1, &["же"]),
                "настоящее" => self.is(i + 1, &["время"]),
                "настоящий" | "данный" => self.is(i + 1, &["момент"]),
                "ночь" => true,
                _ if self.class(i) & (class::DEICTIC | class::PART_ADJECTIVE | class::HOLIDAY_PERIOD) != 0 => true,
                "i" | "ii" | "iii" | "iv" => self.lex(i + 1).contains(&Lex::Unit(Unit::Quarter)),
                _ if self.class(i) & class::SEASON_ADJECTIVE != 0 => self.is(i + 1, SEASON_NOUNS),
                w => duration_adjective(w).is_some() || w.starts_with(NEW_YEAR_STEM),
            },
        }
    }

    /// A number followed, after a space, by a word the grammar never names (class 0:
    /// `13 случаев`) starts nothing: every rule that starts at a number needs the next token
    /// to be punctuation, a suffix touching it (`24го`), or a word of the lexicon or of the
    /// grammar's own list (`марта`, `года`, `часов`, `и`). A cheap test before all of them.
    fn inert_number(&self, i: usize) -> bool {
        let (Some(t), Some(next)) = (self.tok(i), self.tok(i + 1)) else { return false };
        t.kind == TokenKind::Number && next.kind == TokenKind::Word && next.gap != Gap::None && self.class(i + 1) == 0
    }

    /// [`P::may_start`] for the token after a preposition (no second preposition).
    fn may_start_core(&self, i: usize) -> bool {
        match self.tok(i) {
            Some(t) if t.kind == TokenKind::Number => true,
            Some(t) if t.kind == TokenKind::Word => {
                !self.lex(i).is_empty()
                    || self.class(i) & class::DEICTIC != 0
                    || matches!(self.w(i), "тот" | "того" | "настоящего")
            }
            _ => false,
        }
    }

    /// Everything that can start at `i`: prefixed forms and plain ones, longest first.
    fn at(&self, i: usize) -> Option<Found> {
        let mut best: Option<Found> = None;
        let mut offer = |f: Option<Found>| {
            if let Some(f) = f {
                if best.as_ref().is_none_or(|b| f.tokens.end > b.tokens.end) {
                    best = Some(f);
                }
            }
        };
        // Every preposition is one of the grammar's own words.
        if self.class(i) & class::START != 0 {
            // An inert number after the preposition (`до 30 человек`) starts no core and no
            // range end (a bare end needs a `.`, `и`, `по`, `до`, `-` or `/` after it, none
            // of them a word the grammar does not know): the prefixed forms fail there.
            if let Some((prefix, j)) = self.prefix(i).filter(|&(_, j)| !self.inert_number(j)) {
                offer(self.prefixed(i, prefix, j));
            }
        }
        offer(self.range_or_core(i).map(|(expr, end)| Found { tokens: i..end, expr, modifier: None }));
        // A clock time may name its zone after it (`10:00 МСК`): the value keeps the time.
        let found = best?;
        if found.expr.has_clock() {
            if let Some((offset, end)) = self.zone(found.tokens.end) {
                let expr = Expr::Zoned(found.expr.boxed(), offset);
                return Some(Found { tokens: found.tokens.start..end, expr, modifier: found.modifier });
            }
        }
        Some(found)
    }

    fn prefix(&self, i: usize) -> Option<(Prefix, usize)> {
        let w = self.w(i);
        let two = |a: &str, b: &[&str]| w == a && self.is(i + 1, b);
        Some(match w {
            "с" | "со" => (Prefix::From(Some(Mod::OnOrAfter)), i + 1),
            "от" => (Prefix::From(None), i + 1),
            "начиная" if self.is(i + 1, &["с", "со"]) => (Prefix::From(Some(Mod::OnOrAfter)), i + 2),
            "между" => (Prefix::Between, i + 1),
            "по" => (Prefix::Bound(Mod::OnOrBefore), i + 1),
            "до" => (Prefix::Bound(Mod::Before), i + 1),
            "вплоть" if self.is(i + 1, &["до"]) => (Prefix::Bound(Mod::OnOrBefore), i + 2),
            "после" => (Prefix::Bound(Mod::After), i + 1),
            "к" | "ко" => (Prefix::Bound(Mod::OnOrBefore), i + 1),
            "около" | "примерно" | "приблизительно" | "почти" => {
                (Prefix::Bound(Mod::Approx), i + 1)
            }
            "более" | "больше" | "свыше" | "менее" | "меньше" => {
                (Prefix::Bound(Mod::Approx), i + 1)
            }
            _ if two("не", &["позднее", "позже"]) => (Prefix::Bound(Mod::OnOrBefore), i + 2),
            _ if two("не", &["ранее", "раньше"]) => (Prefix::Bound(Mod::OnOrAfter), i + 2),
            _ => return None,
        })
    }

    fn prefixed(&self, i: usize, prefix: Prefix, j: usize) -> Option<Found> {
        if matches!(prefix, Prefix::From(_) | Prefix::Between) {
            // с X по/до Y, между X и Y: a range; the first end may lack what the second has.
            let core = self.core(j);
            let between = prefix == Prefix::Between;
            let bare_end = self.bare_end(j);
            for (a, k, bare) in first_ends(&core, &bare_end) {
                let link = if between { self.is(k, &["и"]).then_some(k + 1) } else { self.range_link(k, true) };
                if let Some(l) = link {
                    if let Some((b, end)) = self.core(l) {
                        if let Some(range) = self.range_to(a.clone(), b, l, bare) {
                            let end = if self.is(end, &["включительно"]) { end + 1 } else { end };
                            return Some(Found { tokens: i..end, expr: range, modifier: None });
                        }
                    }
                }
            }
            if let (Some((core, end)), Prefix::From(m)) = (core, prefix) {
                return Some(Found { tokens: i..end, expr: core, modifier: m });
            }
            return None;
        }
        let Prefix::Bound(m) = prefix else {
            return None;
        };
        let (expr, end) = self.core(j)?;
        if m == Mod::After && matches!(expr, Expr::Anaphor(_)) {
            return None;
        }
        // `две смены по 12 часов`: `по` before an amount deals it out; it bounds nothing.
        if self.is(i, &["по"]) && matches!(expr, Expr::Duration(_)) {
            return None;
        }
        // `до полуночи`: midnight that ends a day is the start of the next one.
        if matches!(m, Mod::Before | Mod::OnOrBefore) && self.lex(j).contains(&Lex::Midnight) && end == j + 1 {
            if let Expr::Clock(c) = expr {
                return Some(Found { tokens: i..end, expr: Expr::At(Expr::Deictic(1).boxed(), c), modifier: Some(m) });
            }
        }
        // `более года назад`: earlier than a year ago; `менее недели назад`: later.
        if let Expr::Offset { sign: -1, .. } = expr {
            if self.is(i, &["более", "больше", "свыше"]) {
                return Some(Found { tokens: i..end, expr, modifier: Some(Mod::Before) });
            }
            if self.is(i, &["менее", "меньше"]) {
                return Some(Found { tokens: i..end, expr, modifier: Some(Mod::After) });
            }
        }
        if self.is(i, &["более", "больше", "свыше", "менее", "меньше"]) {
            return None;
        }
        // `до 1 мая включительно`: the bound day counts.
        if self.is(end, &["включительно"]) && matches!(m, Mod::Before | Mod::OnOrBefore) {
            return Some(Found { tokens: i..end + 1, expr, modifier: Some(Mod::OnOrBefore) });
        }
        Some(Found { tokens: i..end, expr, modifier: Some(m) })
    }

    /// `по`, `до`, `и до`, `и по`, or a dash between two ends; returns the index after it.
    fn range_link(&self, k: usize, after_from: bool) -> Option<usize> {
        let k2 = if self.is(k, &["и"]) { k + 1 } else { k };
        if after_from && self.is(k2, &["по", "до"]) {
            return Some(k2 + 1);
        }
        if k2 == k && self.hyphen(k) {
            return Some(k + 1);
        }
        // `21./22.09.`: a slash after a dotted day.
        if k2 == k && self.w(k) == "/" && k > self.lo && self.w(k - 1) == "." {
            return Some(k + 1);
        }
        None
    }

    /// A bare first end of a range: a number that the second end makes a day (`с 16 по 22
    /// марта`, `16-17 марта`) or an hour (`с 10 до 11 утра`), a `Date` with month 0 until
    /// [`Expr::range`] knows which; a day and a month with no year (`20.04–03.05.2020`, `с
    /// 10.05 по 15.05.2020`, where `10.05` alone would be a time); a year with no year word
    /// (`с 2019 по 2021 год`). Each is an end only with the second end it needs
    /// ([`P::range_to`]).
    fn bare_end(&self, j: usize) -> M {
        if let Some((n, end)) = self.dotted_day_end(j) {
            if self.is(end, &["-", "/"]) && self.num(end + 1).is_some() {
                return Some((Expr::Date { day: Some(n), month: 0, year: None }, end));
            }
        }
        if let Some(found) = self.dotted_day_month_end(j) {
            return Some(found);
        }
        let (n, d) = self.num(j)?;
        if d <= 2 && n <= 31 {
            return Some((Expr::Date { day: Some(n), month: 0, year: None }, j + 1));
        }
        if d == 4 && (1000..=2999).contains(&n) {
            return Some((Expr::Year(crate::expr::YearRef::Absolute(n as i32)), j + 1));
        }
        None
    }

    /// The range from `a` (a first end, from [`P::bare_end`] when `bare`) to `b`, which
    /// starts at token `l`.
    fn range_to(&self, a: Expr, b: Expr, l: usize, bare: bool) -> Option<Expr> {
        if let Expr::At(day, c2) = &b {
            let clock_first = self.colon_clock(l).is_some() || matches!(self.clock(l), Some((Expr::Clock(_), _)));
            if clock_first {
                // `с 10:00 до 14:00 завтра`: the day after the second end is both ends' day.
                if !matches!(a, Expr::Clock(_) | Expr::Date { month: 0, .. }) {
                    return None;
                }
                let Some(Expr::Range(x, _)) = Expr::range(a, Expr::Clock(*c2)) else { return None };
                let Expr::Clock(c1) = *x else { return None };
                return Some(Expr::Range(Expr::At(day.clone(), c1).boxed(), b.boxed()));
            }
            if let (Expr::Date { month: 0, .. }, Expr::Date { .. }) = (&a, day.as_ref()) {
                // `16-17 марта в 10:00`: the bare day takes the second end's month.
                let Some(Expr::Range(x, _)) = Expr::range(a, (**day).clone()) else { return None };
                return Some(Expr::Range(x, b.boxed()));
            }
        }
        if bare {
            let day_of = |e: &Expr| match e {
                Expr::At(d, _) => matches!(**d, Expr::Date { day: Some(_), .. }),
                e => matches!(e, Expr::Date { day: Some(_), .. }),
            };
            let fits = match &a {
                Expr::Date { month: 0, .. } => true,
                Expr::Date { .. } => day_of(&b),
                Expr::Year(_) => matches!(b, Expr::Year(_)),
                _ => false,
            };
            if !fits {
                return None;
            }
        }
        // `с 8 до 20 часов`: a second end written on the 24-hour clock gives the first no
        // half of the day (only a part of the day does: `с 10 до 11 вечера`).
        let a = match (a, &b) {
            (Expr::Date { day: Some(h), month: 0, .. }, Expr::Clock(c))
                if h < c.hour && c.hour >= 13 && self.num(l).map(|(n, _)| n) == Some(c.hour) =>
            {
                Expr::Clock(crate::expr::Clock { hour: h, minute: 0, second: None })
            }
            (a, _) => a,
        };
        Expr::range(a, b)
    }

    fn range_or_core(&self, i: usize) -> M {
        // A range with a dash and no preposition: `16-17 марта`, `10 августа - 12 сентября`.
        let core = self.core(i);
        let bare = self.bare_end(i).filter(|_| !self.prev_is(i, &["-"]));
        // `в течение 2–3 часов` is an amount; `в 2–3 часа` a clock range, after a
        // preposition of a moment or with a part of the day (`2–3 часа ночи`, longer), and
        // so is a range of hours past noon with nothing that asks for an amount (`8-20 ч.`).
        let amount_end = match &core {
            Some((Expr::Duration(d), end))
                if !self.prev_is(i, &["в", "во", "к", "ко", "с", "со", "до", "после"])
                    && (d.hours <= 12 || self.prev_is(i, AMOUNT_OPENERS)) =>
            {
                *end
            }
            _ => 0,
        };
        for (a, k, bare) in first_ends(&core, &bare) {
            if let Some(l) = self.range_link(k, false) {
                if let Some((b, end)) = self.core(l) {
                    if let Some(range) = self.range_to(a.clone(), b, l, bare) {
                        if end <= amount_end {
                            // (Rare: a range found and refused.)
                            return core.clone();
                        }
                        return Some((range, end));
                    }
                }
            }
        }
        core
    }

    /// Every core rule at `i`; the longest wins.
    fn core(&self, i: usize) -> M {
        if i >= self.hi {
            return None;
        }
        // Each rule is tried only when the token's class has one of the bits its first token
        // must have (a necessary condition), in the order ties are broken.
        let class = self.class(i);
        let has = |first: u64| class & first != 0;
        // The four rules a day starts with, read once: `day_then_part` extends the longest.
        let day_month = if has(first::DAY_NUMBER) { self.day_month(i) } else { None };
        let numeric_date = if has(first::NUMBER) { self.numeric_date(i) } else { None };
        let deictic = if has(first::DEICTIC) { self.deictic(i) } else { None };
        let weekday = if has(first::WEEKDAY | first::WEEKDAY_ABBR) { self.weekday(i) } else { None };
        // The clock time at `i`, read once for the two rules that start with it.
        let clock = if has(first::CLOCK) { self.clock(i) } else { None };
        let amount_at = AmountAt::new();
        let mut best = None;
        macro_rules! rule {
            ($first:expr, $m:expr) => {
                if has($first) {
                    keep_longest(&mut best, $m);
                }
            };
        }
        rule!(first::PART, self.part_then_day(i));
        rule!(class::NIGHT, self.night_of(i));
        rule!(first::CLOCK, self.clock_then_day(i, &clock));
        rule!(first::MONTH, self.month_day_year(i));
        // The longest of the four (ties to the first), cloned only when the rule runs.
        let day = || longest_of(longest_of(&day_month, &deictic), longest_of(&weekday, &numeric_date)).clone();
        rule!(first::DAY, self.day_then_part(day()));
        rule!(first::WEEKDAY | first::WEEKDAY_ABBR, self.weekday_comma_date(i));
        keep_longest(&mut best, day_month);
        keep_longest(&mut best, numeric_date);
        rule!(first::MONTH, self.month_year(i));
        rule!(first::NUMBER | first::UNIT, self.year(i));
        keep_longest(&mut best, deictic);
        keep_longest(&mut best, clock);
        rule!(first::SHIFT | first::PART, self.part_of_day(i));
        rule!(class::PART_ADJECTIVE, self.part_time(i));
        rule!(first::LATER | class::SIGN | first::AMOUNT, self.offset(i, &amount_at));
        rule!(class::WINDOW, self.window(i));
        rule!(class::SHIFTED | first::UPCOMING | first::SHIFT, self.shifted(i));
        keep_longest(&mut best, weekday);
        rule!(first::WEEKEND, self.weekend(i));
        rule!(first::EVERY | class::START | first::WEEKDAY_PLURAL, self.set(i));
        rule!(class::PRESENT | class::WINDOW | first::LATER, self.vague(i));
        rule!(first::PORTION | first::ORDINAL | first::NUMBER, self.portion(i));
        rule!(
            first::SEASON | first::ORDINAL | class::QUARTER | first::NUMBER | class::SEASON_ADJECTIVE,
            self.season_quarter(i)
        );
        rule!(first::HOLIDAY, self.holiday(i));
        rule!(class::NIGHT | class::HOLIDAY_PERIOD, self.holiday_period(i));
        rule!(first::NOW | class::PRESENT, self.present_and_anaphora(i));
        rule!(class::DURATION | first::AMOUNT | first::ORDINAL, self.duration(i, &amount_at));
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scanner_finds_and_reads_tense() {
        use crate::text::Tokens;
        let tokens = Tokens::new("Карантин ввели 16 марта.");
        let mut found = Vec::new();
        let mut scanner = Scanner::new();
        scanner.scan(&tokens, 0..tokens.len(), &mut found);
        assert_eq!(found[0].tokens, 2..4);
        assert_eq!(scanner.tense_at(&tokens, 2), Some(crate::expr::Tense::Past));
    }
    use crate::expr::YearRef;

    fn found(text: &str) -> Vec<(String, Expr, Option<Mod>)> {
        let tokens = Tokens::new(text);
        let mut out = Vec::new();
        Scanner::new().scan(&tokens, 0..tokens.len(), &mut out);
        out.into_iter()
            .map(|f| {
                let a = tokens.get(f.tokens.start).unwrap().start();
                let b = tokens.get(f.tokens.end - 1).unwrap().end();
                (text[a..b].to_string(), f.expr, f.modifier)
            })
            .collect()
    }

    fn surfaces(text: &str) -> Vec<String> {
        found(text).into_iter().map(|f| f.0).collect()
    }

    #[test]
    fn spans_follow_the_span_rule() {
        assert_eq!(surfaces("На 20 марта выявлено 49 случаев"), ["20 марта"]);
        assert_eq!(surfaces("продлится до 15 апреля 2020 года"), ["до 15 апреля 2020 года"]);
        assert_eq!(surfaces("Утром 17 марта стало известно"), ["Утром 17 марта"]);
        assert_eq!(surfaces("ЦОНы будут работать до 17.00."), ["до 17.00"]);
        assert_eq!(surfaces("На сегодня 80% услуг"), ["сегодня"]);
    }

    #[test]
    fn numbers_that_are_not_dates() {
        for text in [
            "контакт-центр 1414",
            "выявлено 13 случаев",
            "80% услуг",
            "300 млрд тенге",
            "отдела№2",
            "всего 49",
            "в 10 регионах",
            "в 1414",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn impossible_days_are_not_dates() {
        assert!(found("31 февраля").is_empty());
        assert!(found("29 февраля 2021 года").is_empty());
        assert!(found("31.02.2020").is_empty());
        assert!(!found("29 февраля 2020 года").is_empty());
    }

    #[test]
    fn enumerations_share_the_month() {
        assert_eq!(surfaces("прошли 16, 17 и 18 марта"), ["16", "17", "18 марта"]);
        let f = found("выборы 10 и 24 сентября 2021 года");
        assert_eq!(f[0].1, Expr::Date { day: Some(10), month: 9, year: Some(YearRef::Absolute(2021)) });
        assert!(found("в 10, 20 и 30 регионах").is_empty());
    }

    #[test]
    fn a_number_after_a_dash_starts_no_list() {
        // The number is what the label before the dash counts, not a day of the next date.
        assert_eq!(surfaces("17 марта — 6, 18 марта — 9."), ["17 марта", "18 марта"]);
        assert_eq!(surfaces("17 марта — 6 и 18 марта — 9"), ["17 марта", "18 марта"]);
        assert_eq!(surfaces("прошли 16, 17 и 18 марта"), ["16", "17", "18 марта"]);
    }

    #[test]
    fn clock_words_need_their_hour() {
        assert!(found("Автобусы ходят раз в час").iter().all(|f| !matches!(f.1, Expr::Clock(_))));
        assert_eq!(surfaces("вышли без десяти восемь"), ["без десяти восемь"]);
        assert_eq!(surfaces("без двадцати пяти девять"), ["без двадцати пяти девять"]);
        assert!(found("без десяти человек").is_empty());
        assert!(found("без двух минут восемь миллионов").iter().all(|f| !matches!(f.1, Expr::Clock(_))));
        assert_eq!(surfaces("без 15 минут 9 часов вечера"), ["без 15 минут 9 часов вечера"]);
    }

    #[test]
    fn the_vague_past_leaves_a_unit_to_its_shift() {
        assert_eq!(surfaces("в прошлом году"), ["прошлом году"]);
        assert_eq!(surfaces("в будущем месяце"), ["будущем месяце"]);
        assert_eq!(surfaces("в прошлом, а не сейчас"), ["в прошлом", "сейчас"]);
    }

    #[test]
    fn a_sign_starts_an_offset_only_before_its_amount() {
        assert_eq!(surfaces("Срок сдвинули на +15 минут"), ["+15 минут"]);
        assert_eq!(surfaces("прогноз: -3 дня, +полчаса"), ["-3 дня", "+полчаса"]);
        assert!(found("Мы готовы - сказал он - к 2020 г.").iter().all(|f| !matches!(f.1, Expr::Offset { .. })));
    }

    #[test]
    fn ranges() {
        assert_eq!(surfaces("с 16 по 22 марта"), ["с 16 по 22 марта"]);
        assert_eq!(surfaces("16–17 марта"), ["16–17 марта"]);
        assert_eq!(surfaces("с 9:00 до 18:00"), ["с 9:00 до 18:00"]);
        assert_eq!(surfaces("с 10 до 11 вечера"), ["с 10 до 11 вечера"]);
    }
}
