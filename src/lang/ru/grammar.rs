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

use super::lexicon::{lookup, Lex, Unit, HOLIDAYS};
use super::numbers::NumberWord;
use crate::expr::{Base, Clock, Expr, YearRef};
use crate::mention::Mod;
use crate::text::{Gap, Token, TokenKind, Tokens};
use crate::value::{Duration, PartOfDay, Value};
use std::ops::Range;

/// A match of the grammar: the tokens it covers, what they say, and the mod a preposition
/// gave it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Token indices covered (end exclusive).
    pub tokens: Range<usize>,
    /// The expression.
    pub expr: Expr,
    /// The mod from a preposition (`до` → BEFORE), if any.
    pub modifier: Option<Mod>,
}

/// Finds every temporal expression in the tokens of one sentence.
///
/// `lex` holds what each token means to the lexicon (see [`lexicalize`]), computed once per
/// document so that rules index an array instead of hashing words again.
pub fn scan(tokens: &Tokens, lex: &[&'static [Lex]], sentence: Range<usize>, out: &mut Vec<Found>) {
    let p = P { t: tokens, lex, lo: sentence.start, hi: sentence.end.min(tokens.len()).min(lex.len()) };
    let mut i = p.lo;
    while i < p.hi {
        if !p.may_start(i) {
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
                if !contains_invalid(&found.expr) {
                    out.push(found);
                }
            }
            _ => i += 1,
        }
    }
}

/// What every token of a text means to the lexicon (empty for numbers, punctuation and
/// words it does not know): one lookup per word.
pub fn lexicalize(tokens: &Tokens) -> Vec<&'static [Lex]> {
    tokens
        .as_slice()
        .iter()
        .enumerate()
        .map(|(i, t)| if t.kind == TokenKind::Word { lookup(tokens.norm(i)) } else { &[] })
        .collect()
}

/// Does the expression hold a date that does not exist (`31 февраля`)?
fn contains_invalid(e: &Expr) -> bool {
    match e {
        Expr::Invalid => true,
        Expr::At(a, _) | Expr::Portion(_, a) | Expr::HalfOf(_, a) | Expr::Decade(_, a) => contains_invalid(a),
        Expr::PartOfDay(Some(a), _) | Expr::DayBefore(Some(a)) => contains_invalid(a),
        Expr::Range(a, b) => contains_invalid(a) || contains_invalid(b),
        _ => false,
    }
}

/// How a preposition in front of an expression bounds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Prefix {
    /// `с`, `начиная с`: a start; with a second end, a range.
    From(Option<Mod>),
    /// `по`, `до`, `не позднее`, `после`, `около`, ...
    Bound(Mod),
}

struct P<'a> {
    t: &'a Tokens,
    lex: &'a [&'static [Lex]],
    lo: usize,
    hi: usize,
}

type M = Option<(Expr, usize)>;

fn longest(a: M, b: M) -> M {
    match (&a, &b) {
        (Some((_, x)), Some((_, y))) if y > x => b,
        (None, _) => b,
        _ => a,
    }
}

impl<'a> P<'a> {
    fn tok(&self, i: usize) -> Option<&'a Token> {
        if i < self.hi {
            self.t.get(i)
        } else {
            None
        }
    }

    fn w(&self, i: usize) -> &'a str {
        if i < self.hi {
            self.t.norm(i)
        } else {
            ""
        }
    }

    fn is(&self, i: usize, words: &[&str]) -> bool {
        i < self.hi && words.contains(&self.t.norm(i))
    }

    fn lex(&self, i: usize) -> &'static [Lex] {
        if i < self.hi {
            self.lex.get(i).copied().unwrap_or(&[])
        } else {
            &[]
        }
    }

    fn find<T>(&self, i: usize, f: impl Fn(&Lex) -> Option<T>) -> Option<T> {
        self.lex(i).iter().find_map(f)
    }

    /// Token `i` touches the token before it.
    fn touching(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.gap == Gap::None)
    }

    /// A number token: (value, digit count).
    fn num(&self, i: usize) -> Option<(u32, u8)> {
        self.tok(i).filter(|t| t.kind == TokenKind::Number).map(|t| (t.number, t.digits))
    }

    fn hyphen(&self, i: usize) -> bool {
        self.w(i) == "-"
    }

    fn prev_is(&self, i: usize, words: &[&str]) -> bool {
        i > self.lo && self.is(i - 1, words)
    }

    /// Cheap test: can anything start at token `i`? Most tokens answer no without trying a
    /// rule; a preposition answers for the token after it.
    fn may_start(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        match t.kind {
            TokenKind::Number => true,
            TokenKind::Punct => matches!(self.w(i), "+" | "-"),
            TokenKind::Word if self.lex(i).iter().any(|l| !l.is_tense_cue()) => true,
            TokenKind::Word => match self.w(i) {
                "с" | "со" | "от" | "по" | "до" | "после" | "к" | "ко" | "около" | "примерно" | "приблизительно" => {
                    self.may_start_core(i + 1)
                }
                "за" => {
                    let next = self.w(i + 1);
                    ["последн", "минувш", "прошедш", "прошл", "ближайш"].iter().any(|p| next.starts_with(p))
                        || (next == "день" && self.is(i + 2, &["до"]))
                }
                "начиная" | "вплоть" | "накануне" => true,
                "в" | "во" => self.is(i + 1, &["течение"]),
                "на" => self.is(i + 1, &["днях"]),
                "не" => self.is(i + 1, &["позднее", "позже", "ранее", "раньше"]),
                "тот" | "того" | "том" | "тому" | "та" | "ту" | "той" => {
                    self.is(i + 1, &["же", "день", "дня", "дне"])
                }
                "другой" => self.is(i + 1, &["день"]),
                "тогда" => self.is(i + 1, &["же"]),
                "настоящее" => self.is(i + 1, &["время"]),
                "настоящий" | "данный" => self.is(i + 1, &["момент"]),
                "сегодняшний" | "сегодняшнему" | "ночь" => true,
                "i" | "ii" | "iii" | "iv" => self.lex(i + 1).contains(&Lex::Unit(Unit::Quarter)),
                w => duration_adjective(w).is_some() || w.starts_with("новогодн"),
            },
        }
    }

    /// [`P::may_start`] for the token after a preposition (no second preposition).
    fn may_start_core(&self, i: usize) -> bool {
        match self.tok(i) {
            Some(t) if t.kind == TokenKind::Number => true,
            Some(t) if t.kind == TokenKind::Word => {
                !self.lex(i).is_empty() || matches!(self.w(i), "тот" | "того" | "сегодняшнего" | "настоящего")
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
        if let Some((prefix, j)) = self.prefix(i) {
            offer(self.prefixed(i, prefix, j));
        }
        offer(self.range_or_core(i).map(|(expr, end)| Found { tokens: i..end, expr, modifier: None }));
        best
    }

    fn prefix(&self, i: usize) -> Option<(Prefix, usize)> {
        let w = self.w(i);
        let two = |a: &str, b: &[&str]| w == a && self.is(i + 1, b);
        Some(match w {
            "с" | "со" => (Prefix::From(Some(Mod::OnOrAfter)), i + 1),
            "от" => (Prefix::From(None), i + 1),
            "начиная" if self.is(i + 1, &["с", "со"]) => (Prefix::From(Some(Mod::OnOrAfter)), i + 2),
            "по" => (Prefix::Bound(Mod::OnOrBefore), i + 1),
            "до" => (Prefix::Bound(Mod::Before), i + 1),
            "вплоть" if self.is(i + 1, &["до"]) => (Prefix::Bound(Mod::OnOrBefore), i + 2),
            "после" => (Prefix::Bound(Mod::After), i + 1),
            "к" | "ко" => (Prefix::Bound(Mod::OnOrBefore), i + 1),
            "около" | "примерно" | "приблизительно" => (Prefix::Bound(Mod::Approx), i + 1),
            _ if two("не", &["позднее", "позже"]) => (Prefix::Bound(Mod::OnOrBefore), i + 2),
            _ if two("не", &["ранее", "раньше"]) => (Prefix::Bound(Mod::OnOrAfter), i + 2),
            _ => return None,
        })
    }

    fn prefixed(&self, i: usize, prefix: Prefix, j: usize) -> Option<Found> {
        if let Prefix::From(m) = prefix {
            // с X по/до Y: a range; the first end may lack what the second has.
            if let Some((a, k)) = longest(self.core(j), self.bare_end(j)) {
                if let Some(l) = self.range_link(k, true) {
                    if let Some((b, end)) = self.core(l) {
                        if let Some(range) = make_range(a.clone(), b) {
                            let end = if self.is(end, &["включительно"]) { end + 1 } else { end };
                            return Some(Found { tokens: i..end, expr: range, modifier: None });
                        }
                    }
                }
                if let Some((core, end)) = self.core(j) {
                    return Some(Found { tokens: i..end, expr: core, modifier: m });
                }
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
        None
    }

    /// A bare first end of a range: a number that the second end makes a day (`с 16 по 22
    /// марта`, `16-17 марта`) or an hour (`с 10 до 11 утра`). It is a `Date` with month 0
    /// until [`make_range`] knows which.
    fn bare_end(&self, j: usize) -> M {
        let (n, d) = self.num(j)?;
        if d <= 2 && n <= 31 {
            return Some((Expr::Date { day: Some(n), month: 0, year: None }, j + 1));
        }
        None
    }

    fn range_or_core(&self, i: usize) -> M {
        // A range with a dash and no preposition: `16-17 марта`, `10 августа - 12 сентября`.
        let first = longest(self.core(i), self.bare_end(i).filter(|_| !self.prev_is(i, &["-"])));
        let (a, k) = first?;
        if let Some(l) = self.range_link(k, false) {
            if let Some((b, end)) = self.core(l) {
                if let Some(range) = make_range(a.clone(), b) {
                    return Some((range, end));
                }
            }
        }
        if let Expr::Date { month: 0, .. } = a {
            return self.core(i);
        }
        Some((a, k))
    }

    /// Every core rule at `i`; the longest wins.
    fn core(&self, i: usize) -> M {
        if i >= self.hi {
            return None;
        }
        let mut best = None;
        let rules: [fn(&Self, usize) -> M; 24] = [
            Self::part_then_day,
            Self::night_of,
            Self::clock_then_day,
            Self::month_day_year,
            Self::day_then_part,
            Self::weekday_comma_date,
            Self::day_month,
            Self::numeric_date,
            Self::month_year,
            Self::year,
            Self::deictic,
            Self::clock,
            Self::part_of_day,
            Self::offset,
            Self::window,
            Self::shifted,
            Self::weekday,
            Self::weekend,
            Self::set,
            Self::portion,
            Self::season_quarter,
            Self::holiday,
            Self::present_and_anaphora,
            Self::duration,
        ];
        for rule in rules {
            best = longest(best, rule(self, i));
        }
        best
    }

    // ---------------------------------------------------------------- dates

    /// A day of the month: `16`, `1-го`, `24го`, `первого`, `двадцать пятое`.
    fn day_number(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((n, d)) = self.num(i) {
            // 0 and 32..39 are read as (impossible) days, so that `32 марта` is consumed and
            // emits nothing; a larger number before a month is not a day at all (`96 авг 96`).
            if d > 2 || n >= 40 {
                return None;
            }
            // `1-го`, `24го`, `5-е`
            let suffix = |k: usize| self.is(k, &["го", "е", "ое", "ого", "й", "м", "ого"]) && self.touching(k);
            if self.hyphen(i + 1) && self.touching(i + 1) && suffix(i + 2) {
                return Some((n, i + 3));
            }
            if suffix(i + 1) {
                return Some((n, i + 2));
            }
            return Some((n, i + 1));
        }
        let ordinal = |k: usize| {
            self.find(k, |l| match l {
                Lex::Number(NumberWord::Ordinal(n)) if (1..=31).contains(n) => Some(*n),
                _ => None,
            })
        };
        let tens = self.find(i, |l| match l {
            Lex::Number(NumberWord::Cardinal(n @ (20 | 30))) => Some(*n),
            _ => None,
        });
        if let Some(t) = tens {
            let o = ordinal(i + 1).filter(|o| *o < 10)?;
            return Some((t + o, i + 2));
        }
        ordinal(i).map(|o| (o, i + 1))
    }

    /// A month word (`марта`, `сен.`, `Сентябрь`); with `abbr`, abbreviations count too.
    fn month(&self, i: usize, abbr: bool) -> Option<(u32, usize)> {
        let m = self.find(i, |l| match l {
            Lex::Month(m) => Some((*m, false)),
            Lex::MonthAbbr(m) => Some((*m, true)),
            _ => None,
        })?;
        if m.1 && !abbr {
            return None;
        }
        let dot = m.1 && self.w(i + 1) == "." && self.touching(i + 1);
        Some((m.0, if dot { i + 2 } else { i + 1 }))
    }

    /// A year after a date or month: `2020`, `2020 года`, `2020 г.`, `2020-го`, `96`,
    /// `прошлого года`, `в 1989 году`.
    fn year_after(&self, i: usize) -> Option<(YearRef, usize)> {
        let mut k = i;
        if self.is(k, &[",", "-", "/"]) {
            k += 1;
        }
        if let Some(found) = self.year_with_word(k) {
            return Some(found);
        }
        if let Some((n, d)) = self.num(k) {
            if d == 4 && (1000..=2999).contains(&n) {
                let end = self.year_word_end(k + 1).unwrap_or(k + 1);
                return Some((YearRef::Absolute(n as i32), end));
            }
            // Two digits: `авг 96`, `16.03.20`; not the hour of `5 мая 12:00`.
            if d == 2
                && !self.is(k + 1, &[":", "."])
                && !self.lex(k + 1).iter().any(|l| matches!(l, Lex::Unit(_) | Lex::Month(_)))
                && k == i
            {
                return Some((YearRef::TwoDigit(n), k + 1));
            }
        }
        // `14 декабря в 1989 году`
        if self.is(i, &["в"]) {
            return self.year_with_word(i + 1);
        }
        None
    }

    /// `года`, `г.`, `гг.`, `-го`: the end of a year word starting at `k`.
    fn year_word_end(&self, k: usize) -> Option<usize> {
        if self.hyphen(k) && self.touching(k) && self.is(k + 1, &["го", "й", "м", "х"]) {
            // `2020-го`, `2021-м году`
            let word = self.lex(k + 2).contains(&Lex::YearWord) && !self.is(k + 2, &["г", "гг"]);
            return Some(if word { k + 3 } else { k + 2 });
        }
        if self.lex(k).contains(&Lex::YearWord) {
            let dot = self.w(k + 1) == "." && self.touching(k + 1) && self.is(k, &["г", "гг"]);
            return Some(if dot { k + 2 } else { k + 1 });
        }
        None
    }

    /// A year number followed by a year word, or a shift word and `года`.
    fn year_with_word(&self, k: usize) -> Option<(YearRef, usize)> {
        if let Some(s) = self.find(k, |l| if let Lex::Shift(s) = l { Some(*s) } else { None }) {
            if self.is(k + 1, &["года", "году", "год"]) {
                return Some((YearRef::Shift(s), k + 2));
            }
            return None;
        }
        let (n, d) = self.num(k)?;
        if d != 4 || !(1000..=2999).contains(&n) {
            return None;
        }
        let end = self.year_word_end(k + 1)?;
        Some((YearRef::Absolute(n as i32), end))
    }

    /// A clock time after a date: `12:00`, `в 10:00`, `, 9:00`, `в 10 часов`.
    fn clock_after(&self, i: usize) -> Option<(Clock, usize)> {
        let k = if self.is(i, &["в", ","]) { i + 1 } else { i };
        let (c, end) = self
            .colon_clock(k)
            .or_else(|| if k > i { self.dotted_clock(k) } else { None })
            .or_else(|| if k > i { self.hour_words(k) } else { None })?;
        Some((c, end))
    }

    /// An enumeration of days that share the month of the last (`16, 17 и 18 марта`, `10 и
    /// 24 сентября 2021 года`): one mention per day, pushed to `out`. Returns the end.
    fn day_list(&self, i: usize, out: &mut Vec<Found>) -> Option<usize> {
        const MAX_ITEMS: usize = 12;
        let mut days = Vec::new();
        let mut k = i;
        while days.len() < MAX_ITEMS {
            let (n, d) = self.num(k)?;
            if d > 2 || !(1..=31).contains(&n) || !self.is(k + 1, &[",", "и"]) {
                return None;
            }
            days.push((n, k));
            k += 2;
            if let Some((last, end)) = self.day_month(k) {
                let (month, year) = match &last {
                    Expr::Date { month, year, .. } => (*month, *year),
                    Expr::At(date, _) => match **date {
                        Expr::Date { month, year, .. } => (month, year),
                        _ => return None,
                    },
                    _ => return None,
                };
                for &(day, at) in &days {
                    if valid_day(day, month, year) {
                        let expr = Expr::Date { day: Some(day), month, year };
                        out.push(Found { tokens: at..at + 1, expr, modifier: None });
                    }
                }
                out.push(Found { tokens: k..end, expr: last, modifier: None });
                return Some(end);
            }
        }
        None
    }

    /// `Авг 26, 2015 15:12`: month first, then the day and the year.
    fn month_day_year(&self, i: usize) -> M {
        let (month, k) = self.month(i, true)?;
        let (day, d) = self.num(k)?;
        if d > 2 || !self.is(k + 1, &[","]) {
            return None;
        }
        let (y, dy) = self.num(k + 2)?;
        if dy != 4 || !(1000..=2999).contains(&y) {
            return None;
        }
        let year = Some(YearRef::Absolute(y as i32));
        if !valid_day(day, month, year) {
            return Some((Expr::Invalid, k + 3));
        }
        let end = self.year_word_end(k + 3).unwrap_or(k + 3);
        Some(self.with_clock(Expr::Date { day: Some(day), month, year }, end))
    }

    fn day_month(&self, i: usize) -> M {
        let (day, k) = self.day_number(i)?;
        // `10-августа`, `10/августа`
        let k = if self.is(k, &["-", "/"]) && self.touching(k) { k + 1 } else { k };
        let (month, mut end) = self.month(k, true)?;
        // `8 Марта` in running text is the holiday; `Мая` after a number is the month.
        let mut year = None;
        if let Some((y, e)) = self.year_after(end) {
            year = Some(y);
            end = e;
        }
        if !valid_day(day, month, year) {
            return Some((Expr::Invalid, end));
        }
        let date = Expr::Date { day: Some(day), month, year };
        if let Some((c, e)) = self.clock_after(end) {
            return Some((Expr::At(date.boxed(), c), e));
        }
        Some((date, end))
    }

    /// `Четверг, 10 января`, `Пнд, 07 янв. 2019 г. 12:15`.
    fn weekday_comma_date(&self, i: usize) -> M {
        self.find(i, |l| matches!(l, Lex::Weekday(_) | Lex::WeekdayAbbr(_)).then_some(()))?;
        let mut k = i + 1;
        if self.w(k) == "." {
            k += 1;
        }
        if self.w(k) == "," {
            k += 1;
        }
        let (e, end) = longest(self.day_month(k), self.numeric_date(k))?;
        Some((e, end))
    }

    /// `16.03.2020`, `16.03.20`, `16/03/2020`, `2020-03-16`, `27. 05.99`.
    fn numeric_date(&self, i: usize) -> M {
        let (a, da) = self.num(i)?;
        let sep = self.w(i + 1);
        if da == 4 && sep == "-" && self.touching(i + 1) {
            let (m, dm) = self.num(i + 2).filter(|_| self.touching(i + 2))?;
            if self.hyphen(i + 3) && self.touching(i + 3) {
                let (d, dd) = self.num(i + 4).filter(|_| self.touching(i + 4))?;
                if dm != 2 || dd != 2 {
                    return None;
                }
                if !valid_day(d, m, Some(YearRef::Absolute(a as i32))) {
                    return Some((Expr::Invalid, i + 5));
                }
                let date = Expr::Date { day: Some(d), month: m, year: Some(YearRef::Absolute(a as i32)) };
                return Some(self.with_clock(date, i + 5));
            }
            return None;
        }
        if da > 2 || !matches!(sep, "." | "/") || !self.touching(i + 1) {
            return None;
        }
        let close = |k: usize| self.tok(k).is_some_and(|t| t.gap <= Gap::Space);
        let (m, dm) = self.num(i + 2).filter(|_| close(i + 2))?;
        if dm > 2 || self.w(i + 3) != sep || !self.touching(i + 3) {
            return None;
        }
        let (y, dy) = self.num(i + 4).filter(|_| close(i + 4))?;
        let year = match dy {
            4 => YearRef::Absolute(y as i32),
            2 => YearRef::TwoDigit(y),
            _ => return None,
        };
        // `1.2.3.4` is a version, not a date.
        if self.w(i + 5) == sep && self.touching(i + 5) && self.num(i + 6).is_some() {
            return None;
        }
        if !valid_day(a, m, Some(year)) {
            return Some((Expr::Invalid, i + 5));
        }
        let mut end = i + 5;
        if let Some(e) = self.year_word_end(end) {
            end = e;
        }
        Some(self.with_clock(Expr::Date { day: Some(a), month: m, year: Some(year) }, end))
    }

    fn with_clock(&self, date: Expr, end: usize) -> (Expr, usize) {
        match self.clock_after(end) {
            Some((c, e)) => (Expr::At(date.boxed(), c), e),
            None => (date, end),
        }
    }

    /// `март 2020 года`, `сен-2012`, `авг 96`, `в марте`, `в декабре прошлого года`.
    fn month_year(&self, i: usize) -> M {
        let t = self.tok(i)?;
        let (month, end) = self.month(i, true)?;
        if let Some((y, e)) = self.year_after(end) {
            if matches!(y, YearRef::TwoDigit(_))
                && !self.lex(i).iter().any(|l| matches!(l, Lex::MonthAbbr(_)))
                && end == i + 1
            {
                // `мае 20` is not a year in running text; only abbreviations take two digits.
                return Some((Expr::Date { day: None, month, year: None }, end));
            }
            return Some((Expr::Date { day: None, month, year: Some(y) }, e));
        }
        let abbreviation = self.lex(i).iter().any(|l| matches!(l, Lex::MonthAbbr(_)));
        if abbreviation && !self.prev_is(i, &["в", "во"]) {
            return None;
        }
        // A capitalized `Марта`/`Мая` inside a sentence is a name.
        let sentence_start = i == self.lo || self.is(i - 1, &["«", "\"", "-", "("]);
        if t.capitalized && !sentence_start && !self.prev_is(i, &["в", "во", "до", "с", "по", "к", "от"]) {
            return None;
        }
        Some((Expr::Date { day: None, month, year: None }, end))
    }

    /// `в 2020 году`, `2020 г.`, `2020-го`, `год 2000`, `в 2020–2021 годах`.
    fn year(&self, i: usize) -> M {
        if self.is(i, &["год"]) {
            let (n, d) = self.num(i + 1)?;
            if d == 4 && (1000..=2999).contains(&n) {
                return Some((Expr::Year(YearRef::Absolute(n as i32)), i + 2));
            }
            return None;
        }
        let (n, d) = self.num(i)?;
        if d != 4 || !(1000..=2999).contains(&n) {
            return None;
        }
        // `2020-2021 годах`, `2020–2021 гг.`
        if self.hyphen(i + 1) {
            if let Some((m, 4)) = self.num(i + 2) {
                if m > n && m <= 2999 {
                    if let Some(end) = self.year_word_end(i + 3) {
                        let a = Expr::Year(YearRef::Absolute(n as i32));
                        let b = Expr::Year(YearRef::Absolute(m as i32));
                        return Some((Expr::Range(a.boxed(), b.boxed()), end));
                    }
                }
            }
        }
        let end = self.year_word_end(i + 1)?;
        Some((Expr::Year(YearRef::Absolute(n as i32)), end))
    }

    // ---------------------------------------------------------------- days and times

    /// `сегодня`, `вчера в 10:00`, `на сегодняшний день`.
    fn deictic(&self, i: usize) -> M {
        if self.is(i, &["сегодняшний", "сегодняшнему"]) && self.is(i + 1, &["день", "дню"])
        {
            return Some((Expr::Deictic(0), i + 2));
        }
        let n = self.find(i, |l| if let Lex::Deictic(n) = l { Some(*n) } else { None })?;
        let day = Expr::Deictic(n);
        if let Some((c, e)) = self.clock_after(i + 1) {
            return Some((Expr::At(day.boxed(), c), e));
        }
        Some((day, i + 1))
    }

    /// `HH:MM` or `HH:MM:SS`, touching, minutes and seconds of two digits.
    fn colon_clock(&self, i: usize) -> Option<(Clock, usize)> {
        let (h, dh) = self.num(i)?;
        if dh > 2 || self.w(i + 1) != ":" || !self.touching(i + 1) {
            return None;
        }
        let (m, dm) = self.num(i + 2).filter(|_| self.touching(i + 2))?;
        if dm != 2 || h > 23 || m > 59 {
            return None;
        }
        if self.w(i + 3) == ":" && self.touching(i + 3) {
            let (s, ds) = self.num(i + 4).filter(|_| self.touching(i + 4))?;
            if ds != 2 || s > 59 {
                return None;
            }
            return Some((Clock { hour: h, minute: m, second: Some(s) }, i + 5));
        }
        // `7:30-8` and similar scores or ratios stay out: nothing else may touch.
        if self.num(i + 3).is_some() && self.touching(i + 3) {
            return None;
        }
        Some((Clock { hour: h, minute: m, second: None }, self.hour_word_after(i + 3)))
    }

    /// `17.00` as a time: see the module docs for when a dotted pair is a time.
    fn dotted_clock(&self, i: usize) -> Option<(Clock, usize)> {
        let (h, dh) = self.num(i)?;
        if dh > 2 || self.w(i + 1) != "." || !self.touching(i + 1) {
            return None;
        }
        let (m, dm) = self.num(i + 2).filter(|_| self.touching(i + 2))?;
        if dm != 2 || h > 23 || m > 59 || (m <= 12 && m % 5 != 0) {
            return None;
        }
        // `17.00.2020` is not a time.
        if self.w(i + 3) == "." && self.touching(i + 3) && self.num(i + 4).is_some() {
            return None;
        }
        Some((Clock { hour: h, minute: m, second: None }, self.hour_word_after(i + 3)))
    }

    /// `10:00 часов`, `23:59 ч.`: an hour word after a written clock time belongs to it.
    fn hour_word_after(&self, k: usize) -> usize {
        if self.is(k, &["часов", "часа", "час", "ч"]) {
            let dot = self.is(k, &["ч"]) && self.w(k + 1) == "." && self.touching(k + 1);
            return if dot { k + 2 } else { k + 1 };
        }
        k
    }

    /// `10 часов`, `10 часов 30 минут`, `11 утра`, `3 часа ночи`, `2 ч.`
    fn hour_words(&self, i: usize) -> Option<(Clock, usize)> {
        let (h, dh) = self.num(i)?;
        if dh > 2 || h > 24 {
            return None;
        }
        let mut k = i + 1;
        let mut minute = 0;
        let hour_word = self.lex(k).contains(&Lex::Unit(Unit::Hour));
        if hour_word {
            k += 1;
            if self.w(k) == "." && self.is(k - 1, &["ч"]) {
                k += 1;
            }
            if let Some((m, _)) = self.num(k) {
                if m < 60 && self.lex(k + 1).contains(&Lex::Unit(Unit::Minute)) {
                    minute = m;
                    k += 2;
                }
            }
        }
        let part = self.find(k, |l| if let Lex::ClockPart(p) = l { Some(*p) } else { None });
        if part.is_none() && !hour_word {
            return None;
        }
        let end = if part.is_some() { k + 1 } else { k };
        let hour = match part {
            Some(p) => clock_hour(h, p)?,
            None => h % 24,
        };
        Some((Clock { hour, minute, second: None }, end))
    }

    /// Clock times: `20:32:13`; `в 10.00`, `до 17.00`; `в 10 часов утра`, `в 11 вечера`;
    /// `в полдень`, `в полночь`.
    fn clock(&self, i: usize) -> M {
        if let Some((c, end)) = self.colon_clock(i) {
            return Some((Expr::Clock(c), end));
        }
        let after_prep =
            self.prev_is(i, &["в", "во", "на", "до", "с", "со", "к", "ко", "около", "после", "по", "примерно", "-"]);
        if after_prep {
            if let Some((c, end)) = self.dotted_clock(i).or_else(|| self.hour_words(i)) {
                return Some((Expr::Clock(c), end));
            }
        }
        if self.lex(i).contains(&Lex::Noon) {
            return Some((Expr::Clock(Clock { hour: 12, minute: 0, second: None }), i + 1));
        }
        if self.lex(i).contains(&Lex::Midnight) {
            return Some((Expr::Clock(Clock { hour: 0, minute: 0, second: None }), i + 1));
        }
        None
    }

    fn part_word(&self, i: usize) -> Option<PartOfDay> {
        self.find(i, |l| if let Lex::PartOfDay(p) = l { Some(*p) } else { None })
    }

    /// A day that a part of the day can attach to.
    fn day_like(&self, i: usize) -> M {
        longest(longest(self.day_month(i), self.deictic(i)), longest(self.weekday(i), self.numeric_date(i)))
    }

    /// `Утром 17 марта`, `вечером в пятницу`.
    fn part_then_day(&self, i: usize) -> M {
        let part = self.part_word(i)?;
        let j = if self.is(i + 1, &["в", "во"]) { i + 2 } else { i + 1 };
        let (day, end) = self.day_like(j)?;
        Some((Expr::PartOfDay(Some(day.boxed()), part), end))
    }

    /// `в ночь на 16 марта` (the night before that day), `в ночь с 15 на 16 марта`.
    fn night_of(&self, i: usize) -> M {
        // `в новогоднюю ночь`: the night of 31 December.
        if self.w(i).starts_with("новогодн") && self.is(i + 1, &["ночь", "ночи", "ночью"]) {
            let eve = Expr::Date { day: Some(31), month: 12, year: None };
            return Some((Expr::PartOfDay(Some(eve.boxed()), PartOfDay::Night), i + 2));
        }
        if !self.is(i, &["ночь"]) {
            return None;
        }
        if self.is(i + 1, &["на"]) {
            let (day, end) = self.day_like(i + 2)?;
            return Some((Expr::PartOfDay(Some(Expr::DayBefore(Some(day.boxed())).boxed()), PartOfDay::Night), end));
        }
        if self.is(i + 1, &["с", "со"]) {
            let (first, k) = longest(self.day_like(i + 2), self.bare_end(i + 2))?;
            if !self.is(k, &["на"]) {
                return None;
            }
            let (second, end) = self.day_like(k + 1)?;
            let first = match make_range(first, second)? {
                Expr::Range(a, _) => *a,
                _ => return None,
            };
            return Some((Expr::PartOfDay(Some(first.boxed()), PartOfDay::Night), end));
        }
        None
    }

    /// `в 10:00 16 марта`, `9:00 20 марта`: a clock time before its day.
    fn clock_then_day(&self, i: usize) -> M {
        let (c, k) = self.colon_clock(i)?;
        let (day, end) = longest(self.day_month(k), self.deictic(k))?;
        if matches!(day, Expr::At(..) | Expr::Invalid) {
            return None;
        }
        Some((Expr::At(day.boxed(), c), end))
    }

    /// `17 марта утром`, `вчера вечером`, `в среду утром`.
    fn day_then_part(&self, i: usize) -> M {
        let (day, k) = self.day_like(i)?;
        let part = self.part_word(k)?;
        Some((Expr::PartOfDay(Some(day.boxed()), part), k + 1))
    }

    /// `утром`, `этим утром`, `прошлым вечером`, `прошлой ночью`.
    fn part_of_day(&self, i: usize) -> M {
        if let Some(s) = self.find(i, |l| if let Lex::Shift(s) = l { Some(*s) } else { None }) {
            let part = self.part_word(i + 1)?;
            let day = if s == 0 { None } else { Some(Expr::Deictic(s).boxed()) };
            return Some((Expr::PartOfDay(day, part), i + 2));
        }
        let part = self.part_word(i)?;
        // `с Днём рождения`, `каждым днём`, `днём ранее` are not parts of a day.
        let capitalized_inside = i > self.lo && self.tok(i).is_some_and(|t| t.capitalized);
        if part == PartOfDay::Afternoon
            && (self.prev_is(i, &["с", "со", "каждым", "этим", "тем"]) || capitalized_inside)
        {
            return None;
        }
        // `утро`, `вечер` as subjects (`Вечер прошёл спокойно`) are nouns, not times.
        if matches!(self.w(i), "утро" | "вечер" | "ночь" | "утре" | "вечере") {
            return None;
        }
        Some((Expr::PartOfDay(None, part), i + 1))
    }

    // ---------------------------------------------------------------- relative

    /// An amount of time: `3 дня`, `две недели`, `неделю`, `полчаса`, `2 часа 5 минут`,
    /// `1 год, 1 месяц и 1 день`. Returns the duration, the finest unit written (the grain
    /// of a moment counted with it: `5 дней 2 часа назад` is precise to the hour), and the end.
    fn amount(&self, i: usize, bare_unit: bool) -> Option<(Duration, Unit, usize)> {
        let mut d = Duration::default();
        let mut finest: Option<Unit> = None;
        let mut k = i;
        let mut first = true;
        loop {
            let start = k;
            if !first && self.is(k, &[",", "и"]) {
                k += 1;
            }
            let Some((n, half, unit, end)) = self.count_unit(k, bare_unit && first) else {
                if first {
                    return None;
                }
                k = start;
                break;
            };
            add_amount(&mut d, unit, n, half)?;
            // `полгода` is counted in months, `полчаса` in minutes.
            let grain = if half { finer(unit) } else { unit };
            finest = Some(finest.map_or(grain, |c| c.min(grain)));
            k = end;
            first = false;
        }
        Some((d, finest?, k))
    }

    /// One `count unit` pair: (count, plus a half, unit, end).
    fn count_unit(&self, k: usize, bare_unit: bool) -> Option<(u32, bool, Unit, usize)> {
        let unit_at = |j: usize| -> Option<(Unit, usize)> {
            let u = self.find(j, |l| if let Lex::Unit(u) = l { Some(*u) } else { None })?;
            let dot = self.w(j + 1) == "." && self.touching(j + 1) && self.is(j, &["ч", "мин", "сек"]);
            Some((u, if dot { j + 2 } else { j + 1 }))
        };
        if let Some(u) = self.find(k, |l| if let Lex::HalfUnit(u) = l { Some(*u) } else { None }) {
            return Some((0, true, u, k + 1));
        }
        if self.lex(k).contains(&Lex::OneAndHalf) {
            let (u, end) = unit_at(k + 1)?;
            return Some((1, true, u, end));
        }
        if self.lex(k).contains(&Lex::Couple) {
            let (u, end) = unit_at(k + 1)?;
            return Some((2, false, u, end));
        }
        if let Some((n, d)) = self.num(k) {
            if d > 6 {
                return None;
            }
            // `15мин`, `2 ч.`
            let (u, end) = unit_at(k + 1)?;
            return Some((n, false, u, end));
        }
        if let Some((n, next)) = self.cardinal(k) {
            let (u, end) = unit_at(next)?;
            return Some((n, false, u, end));
        }
        if bare_unit {
            let (u, end) = unit_at(k)?;
            // Only singular forms count as one (`неделю назад`, not `недели назад`).
            // Instrumental forms serve `днём ранее`, `неделей позже`.
            if matches!(
                self.w(k),
                "секунду"
                    | "минуту"
                    | "час"
                    | "день"
                    | "сутки"
                    | "неделю"
                    | "месяц"
                    | "квартал"
                    | "год"
                    | "днем"
                    | "неделей"
                    | "сутками"
            ) {
                return Some((1, false, u, end));
            }
        }
        None
    }

    /// A cardinal in words, compound up to hundreds: `двадцать пять`, `сто двадцать`.
    fn cardinal(&self, k: usize) -> Option<(u32, usize)> {
        let card =
            |j: usize| self.find(j, |l| if let Lex::Number(NumberWord::Cardinal(n)) = l { Some(*n) } else { None });
        let mut total = card(k)?;
        let mut j = k + 1;
        while let Some(n) = card(j) {
            if n >= total || total % 10 != 0 || (total < 100 && n >= 10) {
                break;
            }
            total += n;
            j += 1;
        }
        Some((total, j))
    }

    /// `3 дня назад`, `через две недели`, `спустя три дня`, `через два дня после этого`,
    /// `три дня спустя`, `+15 минут`, `-3 года`.
    fn offset(&self, i: usize) -> M {
        if self.lex(i).contains(&Lex::Later) {
            let base = if self.is(i, &["спустя"]) { Base::Previous } else { Base::Publication };
            let (amount, unit, mut end) = self.amount(i + 1, true)?;
            let mut base = base;
            if self.is(end, &["после"]) && self.is(end + 1, &["этого", "того"]) {
                base = Base::Previous;
                end += 2;
            }
            return Some((Expr::Offset { amount, unit, sign: 1, base }, end));
        }
        let sign = match self.w(i) {
            "+" => Some(1),
            "-" if self.touching(i + 1) && (i == self.lo || self.tok(i).is_some_and(|t| t.gap > Gap::None)) => Some(-1),
            _ => None,
        };
        if let Some(sign) = sign {
            let (amount, unit, end) = self.amount(i + 1, false)?;
            return Some((Expr::Offset { amount, unit, sign, base: Base::Publication }, end));
        }
        let (amount, unit, end) = self.amount(i, true)?;
        if self.is(end, &["назад"]) {
            return Some((Expr::Offset { amount, unit, sign: -1, base: Base::Publication }, end + 1));
        }
        if self.is(end, &["тому"]) && self.is(end + 1, &["назад"]) {
            return Some((Expr::Offset { amount, unit, sign: -1, base: Base::Publication }, end + 2));
        }
        if self.is(end, &["спустя"]) {
            return Some((Expr::Offset { amount, unit, sign: 1, base: Base::Previous }, end + 1));
        }
        // `днём ранее`, `двумя днями позже`: counted from the previous date.
        if matches!(unit, Unit::Day | Unit::Week)
            && amount.hours == 0
            && self.is(end, &["ранее", "раньше", "позже", "позднее"])
        {
            let days = i32::try_from(amount.days as u64 + amount.weeks as u64 * 7).ok()?;
            let n = if self.is(end, &["ранее", "раньше"]) { -days } else { days };
            return Some((Expr::Anaphor(n), end + 1));
        }
        None
    }

    /// `за последние 7 дней`, `за минувшие сутки`, `в ближайшие 10 дней`, `следующие 2 недели`.
    fn window(&self, i: usize) -> M {
        let k = if self.is(i, &["за"]) {
            i + 1
        } else if self.is(i, &["в"]) && self.is(i + 1, &["течение"]) {
            i + 2
        } else {
            i
        };
        let back = match self.w(k) {
            w if w.starts_with("последн")
                || w.starts_with("минувш")
                || w.starts_with("прошедш")
                || w.starts_with("прошл") =>
            {
                true
            }
            w if w.starts_with("ближайш") || w.starts_with("следующ") => false,
            _ => return None,
        };
        if k == i && back && !self.w(k).starts_with("прошл") {
            return None;
        }
        let plural = matches!(
            self.w(k),
            "последних"
                | "минувших"
                | "прошедших"
                | "ближайших"
                | "следующих"
                | "последние"
                | "минувшие"
                | "прошедшие"
                | "прошлые"
                | "ближайшие"
                | "следующие"
                | "последнюю"
                | "последний"
        );
        if !plural {
            return None;
        }
        let (amount, unit, end) = self.amount(k + 1, true)?;
        Some((Expr::Window { amount, unit, back }, end))
    }

    /// `на этой неделе`, `в прошлом году`, `этого месяца`, `в эти выходные`, `в прошлую
    /// пятницу`, `на следующий день`, `в тот же день`.
    fn shifted(&self, i: usize) -> M {
        if self.is(i, &["тот", "того", "том", "тому", "та", "ту", "той"]) {
            let k = if self.is(i + 1, &["же"]) { i + 2 } else { i + 1 };
            if self.is(k, &["день", "дня", "дне"]) {
                return Some((Expr::Anaphor(0), k + 1));
            }
            return None;
        }
        if self.is(i, &["другой"]) && self.is(i + 1, &["день"]) && self.prev_is(i, &["на"]) {
            return Some((Expr::Anaphor(1), i + 2));
        }
        let upcoming = self.lex(i).contains(&Lex::Upcoming);
        let shift = self.find(i, |l| if let Lex::Shift(s) = l { Some(*s) } else { None });
        if shift.is_none() && !upcoming {
            return None;
        }
        let k = if shift == Some(0) && self.is(i + 1, &["же"]) { i + 2 } else { i + 1 };
        for l in self.lex(k) {
            match *l {
                Lex::Weekday(day) => {
                    return Some((Expr::Weekday { day, shift: if upcoming { None } else { shift }, upcoming }, k + 1))
                }
                Lex::Weekend => return Some((Expr::Weekend(if upcoming { None } else { shift }), k + 1)),
                Lex::Season(s) if !upcoming => return Some((Expr::SeasonShifted(s, shift?), k + 1)),
                Lex::Unit(Unit::Day) if !upcoming && self.is(k, &["день", "дня", "дне"]) => {
                    return Some((Expr::Anaphor(shift?), k + 1))
                }
                Lex::Unit(u @ (Unit::Week | Unit::Month | Unit::Quarter | Unit::Year)) if !upcoming => {
                    // Plural forms are windows (`прошлые 2 недели`), handled elsewhere.
                    if matches!(self.w(k), "недели" | "месяцы" | "годы" | "кварталы") && self.w(i).ends_with('е')
                    {
                        return None;
                    }
                    return Some((Expr::Shifted { unit: u, shift: shift? }, k + 1));
                }
                _ => {}
            }
        }
        None
    }

    /// `в выходные`, `на выходных`: the weekend the tense points to.
    fn weekend(&self, i: usize) -> M {
        if self.lex(i).contains(&Lex::Weekend) && self.prev_is(i, &["в", "во", "на"]) {
            return Some((Expr::Weekend(None), i + 1));
        }
        None
    }

    /// `в понедельник`, `с понедельника`, `во вторник`.
    fn weekday(&self, i: usize) -> M {
        let day = self.find(i, |l| if let Lex::Weekday(d) = l { Some(*d) } else { None })?;
        // Locative and nominative forms (`в среде`, `среда`) are other words.
        if matches!(
            self.w(i),
            "среда" | "среде" | "средой" | "пятнице" | "субботе" | "вторнике" | "понедельнике" | "четверге"
        ) {
            return None;
        }
        // Without a preposition, only a weekday that opens its sentence (`Понедельник стал ...`).
        if !self.prev_is(i, &["в", "во", "до", "с", "со", "к", "ко", "по", "после", "на", "и", "или", "-"])
            && !self.tok(i).is_some_and(|t| t.capitalized)
            && i != self.lo
        {
            return None;
        }
        let day = Expr::Weekday { day, shift: None, upcoming: false };
        if let Some((c, e)) = self.clock_after(i + 1) {
            return Some((Expr::At(day.boxed(), c), e));
        }
        Some((day, i + 1))
    }

    /// `ежедневно`, `каждую пятницу`, `по пятницам`, `по выходным`, `каждые выходные`.
    fn set(&self, i: usize) -> M {
        if let Some(u) = self.find(i, |l| if let Lex::Every(u) = l { Some(*u) } else { None }) {
            return Some((Expr::Set(Value::Duration(one(u))), i + 1));
        }
        if self.is(i, &["по"]) {
            if let Some(d) = self.find(i + 1, |l| if let Lex::WeekdayPlural(d) = l { Some(*d) } else { None }) {
                return Some((Expr::Set(Value::EveryWeekday(d)), i + 2));
            }
            if self.is(i + 1, &["выходным"]) {
                return Some((Expr::Set(Value::EveryWeekend), i + 2));
            }
            return None;
        }
        if self.lex(i).contains(&Lex::EachWord) && !self.is(i, &["каждым"]) {
            for l in self.lex(i + 1) {
                match *l {
                    Lex::Weekday(d) => return Some((Expr::Set(Value::EveryWeekday(d)), i + 2)),
                    Lex::Weekend => return Some((Expr::Set(Value::EveryWeekend), i + 2)),
                    Lex::Unit(u) => return Some((Expr::Set(Value::Duration(one(u))), i + 2)),
                    _ => {}
                }
            }
        }
        None
    }

    /// What a portion can be of: a month, a year, a week or month of now.
    fn period(&self, i: usize) -> M {
        if let Some(r) = longest(self.month_year(i), self.year(i)) {
            return Some(r);
        }
        if let Some(r) = self.shifted(i) {
            if matches!(r.0, Expr::Shifted { .. }) {
                return Some(r);
            }
        }
        // `в начале года`, `до конца месяца`: of the current one.
        let u = self.find(i, |l| {
            if let Lex::Unit(u @ (Unit::Week | Unit::Month | Unit::Year | Unit::Quarter)) = l {
                Some(*u)
            } else {
                None
            }
        })?;
        if self.is(i, &["года", "месяца", "недели", "квартала"]) {
            return Some((Expr::Shifted { unit: u, shift: 0 }, i + 1));
        }
        None
    }

    /// `в начале марта`, `в конце года`, `до конца месяца`, `в первой половине апреля`.
    fn portion(&self, i: usize) -> M {
        if let Some(p) = self.find(i, |l| if let Lex::Portion(p) = l { Some(*p) } else { None }) {
            let (of, end) = self.period(i + 1)?;
            return Some((Expr::Portion(p, of.boxed()), end));
        }
        // `первой`/`второй` (and `третьей` for a decade of a month).
        let half = self.find(i, |l| match l {
            Lex::Number(NumberWord::Ordinal(n @ 1..=3)) => Some(*n),
            _ => None,
        })?;
        if half == 3 && !self.is(i + 1, &["декаде", "декады", "декада", "декаду"]) {
            return None;
        }
        if self.is(i + 1, &["декаде", "декады", "декада", "декаду"]) {
            let (of, end) = self.month_year(i + 2)?;
            return Some((Expr::Decade(half, of.boxed()), end));
        }
        if self.lex(i + 1).contains(&Lex::HalfWord) {
            let (of, end) = self.period(i + 2)?;
            return Some((Expr::HalfOf(half, of.boxed()), end));
        }
        if self.lex(i + 1).contains(&Lex::HalfYear) {
            let (year, end) = match self.year_after(i + 2) {
                Some((y, e)) => (Some(y), e),
                None => (None, i + 2),
            };
            return Some((Expr::Half(half, year), end));
        }
        None
    }

    /// `весной 2020 года`, `весной`, `в первом квартале`, `во 2 квартале 2021 года`.
    fn season_quarter(&self, i: usize) -> M {
        if let Some(s) = self.find(i, |l| if let Lex::Season(s) = l { Some(*s) } else { None }) {
            // `лето`, `осень` as subjects are nouns; the adverbs and `весной 2020 года` are times.
            if let Some((y, end)) = self.year_after(i + 1).filter(|(y, _)| !matches!(y, YearRef::TwoDigit(_))) {
                return Some((Expr::Season(s, Some(y)), end));
            }
            if matches!(self.w(i), "весной" | "летом" | "осенью" | "зимой" | "весною" | "зимою")
            {
                return Some((Expr::Season(s, None), i + 1));
            }
            return None;
        }
        let q = self.find(i, |l| match l {
            Lex::Number(NumberWord::Ordinal(n @ 1..=4)) => Some(*n),
            _ => None,
        });
        let roman = match self.w(i) {
            "i" => Some(1),
            "ii" => Some(2),
            "iii" => Some(3),
            "iv" => Some(4),
            _ => None,
        };
        let q = q.or(roman).or_else(|| self.num(i).filter(|(n, d)| *d == 1 && (1..=4).contains(n)).map(|(n, _)| n))?;
        let k = if self.hyphen(i + 1) && self.is(i + 2, &["м", "й", "го"]) { i + 3 } else { i + 1 };
        if !self.lex(k).contains(&Lex::Unit(Unit::Quarter)) {
            return None;
        }
        let (year, end) = match self.year_after(k + 1) {
            Some((y, e)) if !matches!(y, YearRef::TwoDigit(_)) => (Some(y), e),
            _ => (None, k + 1),
        };
        Some((Expr::Quarter(q, year), end))
    }

    /// Fixed-date holidays from [`HOLIDAYS`], capitalized as names are.
    fn holiday(&self, i: usize) -> M {
        if !self.tok(i)?.capitalized || !self.lex(i).contains(&Lex::HolidayStart) {
            return None;
        }
        for (names, month, first, last) in HOLIDAYS {
            for name in *names {
                let mut k = i;
                let mut ok = true;
                for word in name.split(' ') {
                    if self.w(k) != word {
                        ok = false;
                        break;
                    }
                    k += 1;
                }
                if !ok {
                    continue;
                }
                let year = self.year_after(k).filter(|(y, _)| !matches!(y, YearRef::TwoDigit(_)));
                let (year, end) = match year {
                    Some((y, e)) => (Some(y), e),
                    None => (None, k),
                };
                let day = |d: u32| Expr::Date { day: Some(d), month: *month, year };
                let expr =
                    if first == last { day(*first) } else { Expr::Range(day(*first).boxed(), day(*last).boxed()) };
                return Some((expr, end));
            }
        }
        None
    }

    /// `сейчас`, `в настоящее время`, `на данный момент`, `на днях`, `накануне`, `тогда же`.
    fn present_and_anaphora(&self, i: usize) -> M {
        if self.lex(i).contains(&Lex::Now) {
            return Some((Expr::Present, i + 1));
        }
        match self.w(i) {
            "настоящее" if self.is(i + 1, &["время"]) => Some((Expr::Present, i + 2)),
            "настоящий" | "данный" | "текущий" if self.is(i + 1, &["момент"]) => {
                Some((Expr::Present, i + 2))
            }
            "на" if self.is(i + 1, &["днях"]) => Some((Expr::Recently, i + 2)),
            "тогда" if self.is(i + 1, &["же"]) => Some((Expr::Anaphor(0), i + 2)),
            "накануне" => match longest(self.day_like(i + 1), self.holiday(i + 1)) {
                Some((e, end)) => Some((Expr::DayBefore(Some(e.boxed())), end)),
                None => Some((Expr::DayBefore(None), i + 1)),
            },
            "за" if self.is(i + 1, &["день"]) && self.is(i + 2, &["до"]) && self.is(i + 3, &["этого", "того"]) => {
                Some((Expr::Anaphor(-1), i + 4))
            }
            _ => None,
        }
    }

    /// `на 14 дней`, `в течение двух недель`, `двухнедельный`, `14-дневный`.
    fn duration(&self, i: usize) -> M {
        if self.is(i, &["в"]) && self.is(i + 1, &["течение"]) {
            // `в течение суток`, `в течение года`: one unit, in the genitive.
            if matches!(self.w(i + 2), "суток" | "дня" | "недели" | "месяца" | "года" | "часа" | "минуты" | "квартала")
            {
                let u = self.find(i + 2, |l| if let Lex::Unit(u) = l { Some(*u) } else { None })?;
                return Some((Expr::Duration(one(u)), i + 3));
            }
            let (amount, _, end) = self.amount(i + 2, true)?;
            return Some((Expr::Duration(amount), end));
        }
        if let Some((n, d)) = self.num(i) {
            if d <= 3 && self.hyphen(i + 1) && self.touching(i + 1) {
                if let Some(u) = duration_adjective_unit(self.w(i + 2)) {
                    return Some((Expr::Duration(Duration::default()).with_amount(u, n)?, i + 3));
                }
            }
        }
        if let Some((n, u)) = duration_adjective(self.w(i)) {
            return Some((Expr::Duration(Duration::default()).with_amount(u, n)?, i + 1));
        }
        let bare = self.prev_is(i, &["на", "за", "течение", "целый", "целую", "целые"]);
        let (amount, _, end) = self.amount(i, bare)?;
        Some((Expr::Duration(amount), end))
    }
}

impl Expr {
    fn with_amount(self, unit: Unit, n: u32) -> Option<Expr> {
        let mut d = Duration::default();
        add_amount(&mut d, unit, n, false)?;
        Some(Expr::Duration(d))
    }
}

/// Stems of compound duration adjectives: `двух` + `недельный`.
const DURATION_ADJECTIVE_NUMBERS: &[(&str, u32)] = &[
    ("одно", 1),
    ("двух", 2),
    ("трех", 3),
    ("четырех", 4),
    ("пяти", 5),
    ("шести", 6),
    ("семи", 7),
    ("восьми", 8),
    ("девяти", 9),
    ("десяти", 10),
    ("четырнадцати", 14),
    ("пятнадцати", 15),
    ("двадцати", 20),
    ("тридцати", 30),
    ("сорока", 40),
];

/// Unit stems of duration adjectives: `дневный`, `недельный`, `месячный`, `суточный`.
const DURATION_ADJECTIVE_UNITS: &[(&str, Unit)] =
    &[("дневн", Unit::Day), ("суточн", Unit::Day), ("недельн", Unit::Week), ("месячн", Unit::Month)];

fn duration_adjective_unit(w: &str) -> Option<Unit> {
    DURATION_ADJECTIVE_UNITS.iter().find(|(stem, _)| w.starts_with(stem)).map(|&(_, u)| u)
}

/// Adjectives that are one unit long by themselves (`месячный запас`, `недельный курс`).
const ONE_UNIT_ADJECTIVE_STEMS: &[(&str, Unit)] = &[("месячн", Unit::Month), ("недельн", Unit::Week)];

fn duration_adjective(w: &str) -> Option<(u32, Unit)> {
    if let Some((_, u)) = ONE_UNIT_ADJECTIVE_STEMS.iter().find(|(stem, _)| w.starts_with(stem)) {
        return Some((1, *u));
    }
    let (stem, n) = DURATION_ADJECTIVE_NUMBERS.iter().find(|(stem, _)| w.starts_with(stem))?;
    Some((*n, duration_adjective_unit(&w[stem.len()..])?))
}

/// The unit a half of `u` is counted in.
fn finer(u: Unit) -> Unit {
    match u {
        Unit::Year => Unit::Month,
        Unit::Quarter | Unit::Month => Unit::Day,
        Unit::Week => Unit::Day,
        Unit::Day => Unit::Hour,
        Unit::Hour => Unit::Minute,
        Unit::Minute | Unit::Second => Unit::Second,
    }
}

fn one(u: Unit) -> Duration {
    let mut d = Duration::default();
    let _ = add_amount(&mut d, u, 1, false);
    d
}

/// Adds `n` (plus a half) units to a duration; None on overflow. A quarter counts as three
/// months; a half unit is written in finer units (`полтора часа` is `PT1H30M`).
fn add_amount(d: &mut Duration, unit: Unit, n: u32, half: bool) -> Option<()> {
    let (whole, n) = match unit {
        Unit::Quarter => (Unit::Month, n.checked_mul(3)?),
        u => (u, n),
    };
    add_to(d, whole, n)?;
    if half {
        for &(u, v) in half_of(unit) {
            add_to(d, u, v)?;
        }
    }
    Some(())
}

/// Half of a unit, in finer units.
fn half_of(u: Unit) -> &'static [(Unit, u32)] {
    match u {
        Unit::Year => &[(Unit::Month, 6)],
        Unit::Quarter => &[(Unit::Day, 45)],
        Unit::Month => &[(Unit::Day, 15)],
        Unit::Week => &[(Unit::Day, 3), (Unit::Hour, 12)],
        Unit::Day => &[(Unit::Hour, 12)],
        Unit::Hour => &[(Unit::Minute, 30)],
        Unit::Minute => &[(Unit::Second, 30)],
        Unit::Second => &[],
    }
}

/// Adds `v` to the duration's field for unit `u` (quarters are months); None on overflow.
fn add_to(d: &mut Duration, u: Unit, v: u32) -> Option<()> {
    let field = match u {
        Unit::Second => &mut d.seconds,
        Unit::Minute => &mut d.minutes,
        Unit::Hour => &mut d.hours,
        Unit::Day => &mut d.days,
        Unit::Week => &mut d.weeks,
        Unit::Month | Unit::Quarter => &mut d.months,
        Unit::Year => &mut d.years,
    };
    *field = field.checked_add(v)?;
    Some(())
}

/// The 24-hour clock hour of `h` with a part of the day (`11 вечера` = 23).
fn clock_hour(h: u32, part: PartOfDay) -> Option<u32> {
    if h == 0 || h > 12 {
        return (h < 24).then_some(h);
    }
    Some(match part {
        PartOfDay::Morning => h % 12,
        PartOfDay::Afternoon | PartOfDay::Midday | PartOfDay::Daytime => {
            if h == 12 {
                12
            } else {
                h + 12
            }
        }
        PartOfDay::Evening => {
            if h < 4 {
                return None;
            }
            (h % 12) + 12
        }
        PartOfDay::Night => {
            if h >= 9 {
                (h % 12) + 12
            } else {
                h
            }
        }
    })
}

/// Can `day` be a day of `month` (of the year when written)? A year-less 29 February is
/// kept here and checked once the year is known.
fn valid_day(day: u32, month: u32, year: Option<YearRef>) -> bool {
    if !(1..=12).contains(&month) || day == 0 {
        return false;
    }
    let max = match month {
        2 => match year {
            Some(YearRef::Absolute(y)) => {
                if chrono::NaiveDate::from_ymd_opt(y, 2, 29).is_some() {
                    29
                } else {
                    28
                }
            }
            _ => 29,
        },
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    day <= max
}

/// Can the expression be an end of a range of days or periods?
fn is_day_end(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Date { .. }
            | Expr::At(..)
            | Expr::Deictic(_)
            | Expr::Weekday { .. }
            | Expr::Year(_)
            | Expr::PartOfDay(..)
            | Expr::Shifted { .. }
    )
}

/// Combines two ends into a range, letting the first borrow what it lacks from the second
/// (`с 16 по 22 марта`, `10 августа - 12 сентября 2013`, `с 10 до 11 утра`).
fn make_range(a: Expr, b: Expr) -> Option<Expr> {
    let a = match (a, &b) {
        (Expr::Date { day: Some(hour), month: 0, .. }, Expr::Clock(c)) => {
            if hour > 24 {
                return None;
            }
            // The second end's part of the day applies to the first: `с 10 до 11 вечера`.
            let shift = if c.hour >= 12 && hour < 12 && c.hour - 12 >= hour { 12 } else { 0 };
            Expr::Clock(Clock { hour: (hour + shift) % 24, minute: 0, second: None })
        }
        (Expr::Date { day, month: 0, .. }, Expr::Date { month, year, day: Some(_) }) => {
            if !valid_day(day?, *month, *year) {
                return None;
            }
            Expr::Date { day, month: *month, year: *year }
        }
        (Expr::Date { month: 0, .. }, _) => return None,
        (Expr::Date { day, month, year: None }, Expr::Date { year: Some(y), .. }) => {
            Expr::Date { day, month, year: Some(*y) }
        }
        (a, _) => a,
    };
    let compatible = matches!((&a, &b), (Expr::Clock(_), Expr::Clock(_))) || (is_day_end(&a) && is_day_end(&b));
    compatible.then(|| Expr::Range(a.boxed(), b.boxed()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Expr, Option<Mod>)> {
        let tokens = Tokens::new(text);
        let lex = lexicalize(&tokens);
        let mut out = Vec::new();
        scan(&tokens, &lex, 0..tokens.len(), &mut out);
        out.into_iter()
            .map(|f| {
                let a = tokens.get(f.tokens.start).unwrap().start;
                let b = tokens.get(f.tokens.end - 1).unwrap().end;
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
    fn ranges() {
        assert_eq!(surfaces("с 16 по 22 марта"), ["с 16 по 22 марта"]);
        assert_eq!(surfaces("16–17 марта"), ["16–17 марта"]);
        assert_eq!(surfaces("с 9:00 до 18:00"), ["с 9:00 до 18:00"]);
        assert_eq!(surfaces("с 10 до 11 вечера"), ["с 10 до 11 вечера"]);
    }
}
