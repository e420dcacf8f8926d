//! Calendar dates: days of a month with their month and year (`16 марта 2020 года`,
//! `первого апреля`), numeric dates (`16.03.2020`, `2020-03-16`), months and years
//! (`в марте`, `март 2020`, `2020-го`), and enumerations of days (`16, 17 и 18 марта`).

use super::{longest, Found, M, P};
use crate::expr::{Clock, Expr, YearRef};
use crate::lang::ru::lexicon::{verb_like, Lex, YEAR_FOLLOWERS, YEAR_KIND_ADJECTIVES};
use crate::lang::ru::numbers::NumberWord;
use crate::text::Gap;

/// Prepositions after which a day and a month written with a dot are a date when they
/// cannot be a time (`с 16.03`, `на 25.04`, `до 21.09.`).
const DATE_PREPOSITIONS: &[&str] = &["с", "со", "по", "до", "к", "ко", "на", "от", "после"];

/// Can `h.m` not be a clock time? An hour above 23, or minutes of at most 12 that are not a
/// multiple of five (the reading of [`P::dotted_clock`]): `16.03`, `25.04`, not `10.05`.
fn not_a_clock(h: u32, m: u32) -> bool {
    h > 23 || (m <= 12 && m % 5 != 0)
}

impl P<'_> {
    /// A day of the month: `16`, `1-го`, `24го`, `первого`, `двадцать пятое`.
    pub(super) fn day_number(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((n, d)) = self.num(i) {
            // 0 and 32..39 are read as (impossible) days, so that `32 марта` is consumed and
            // emits nothing; a larger number before a month is not a day at all (`96 авг 96`).
            if d > 2 || n >= 40 {
                return None;
            }
            // `1-го`, `24го`, `5-е`
            let suffix = |k: usize| self.touching(k) && self.is(k, &["го", "е", "ое", "ого", "й", "м", "ого"]);
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
    pub(super) fn month(&self, i: usize, abbr: bool) -> Option<(u32, usize)> {
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
    pub(super) fn year_after(&self, i: usize) -> Option<(YearRef, usize)> {
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
    pub(super) fn year_word_end(&self, k: usize) -> Option<usize> {
        if self.hyphen(k) && self.touching(k) && self.is(k + 1, &["го", "й", "м", "х", "му"]) {
            // `2020-го`, `2021-м году`, `к 2030-му году`
            let word = self.lex(k + 2).contains(&Lex::YearWord) && !self.is(k + 2, &["г", "гг"]);
            return Some(if word { k + 3 } else { k + 2 });
        }
        if self.lex(k).contains(&Lex::YearWord) {
            let dot = self.w(k + 1) == "." && self.touching(k + 1) && self.is(k, &["г", "гг"]);
            return Some(if dot { k + 2 } else { k + 1 });
        }
        None
    }

    /// [`P::year_word_end`], or the end of a kind of year and its word (`учебный год`,
    /// `финансового года`).
    fn kind_year_word_end(&self, k: usize) -> Option<usize> {
        if self.is(k, YEAR_KIND_ADJECTIVES) && self.is(k + 1, &["год", "года", "году", "годом"]) {
            return Some(k + 2);
        }
        self.year_word_end(k)
    }

    /// A year number followed by a year word, or a shift word and `года`.
    pub(super) fn year_with_word(&self, k: usize) -> Option<(YearRef, usize)> {
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

    /// A clock time after a date: `12:00`, `в 10:00`, `, 9:00`, `в 10 часов`, `, в 9 утра`.
    pub(super) fn clock_after(&self, i: usize) -> Option<(Clock, usize)> {
        let k = if self.is(i, &[","]) && self.is(i + 1, &["в"]) {
            i + 2
        } else if self.is(i, &["в", ","]) {
            i + 1
        } else {
            i
        };
        if k > i && self.is(k - 1, &["в"]) {
            if self.lex(k).contains(&Lex::Noon) && self.is(k, &["полдень"]) {
                return Some((Clock { hour: 12, minute: 0, second: None }, k + 1));
            }
            if self.is(k, &["полночь"]) {
                return Some((Clock { hour: 0, minute: 0, second: None }, k + 1));
            }
        }
        let (c, end) = self
            .colon_clock(k)
            .or_else(|| if k > i { self.dotted_clock(k) } else { None })
            .or_else(|| if k > i { self.hour_words(k) } else { None })?;
        Some((c, end))
    }

    /// An enumeration of days that share the month of the last (`16, 17 и 18 марта`, `10 и
    /// 24 сентября 2021 года`): one mention per day, pushed to `out`. Returns the end.
    pub(super) fn day_list(&self, i: usize, out: &mut Vec<Found>) -> Option<usize> {
        const MAX_ITEMS: usize = 12;
        // After a dash a number is what the label before it counts (`17 марта — 6, 18 марта —
        // 9`), not the first day of a list.
        if self.num(i).is_none() || self.prev_is(i, &["-"]) {
            return None;
        }
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
                    if YearRef::valid_day(day, month, year) {
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
    pub(super) fn month_day_year(&self, i: usize) -> M {
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
        if !YearRef::valid_day(day, month, year) {
            return Some((Expr::Invalid, k + 3));
        }
        let end = self.year_word_end(k + 3).unwrap_or(k + 3);
        Some(self.with_clock(Expr::Date { day: Some(day), month, year }, end))
    }

    pub(super) fn day_month(&self, i: usize) -> M {
        let (day, k) = self.day_number(i)?;
        // `10-августа`, `10/августа`
        let k = if self.touching(k) && self.is(k, &["-", "/"]) { k + 1 } else { k };
        let (month, mut end) = self.month(k, true)?;
        // `8 Марта` in running text is the holiday; `Мая` after a number is the month.
        let mut year = None;
        if let Some((y, e)) = self.year_after(end) {
            year = Some(y);
            end = e;
        }
        if !YearRef::valid_day(day, month, year) {
            return Some((Expr::Invalid, end));
        }
        let date = Expr::Date { day: Some(day), month, year };
        if let Some((c, e)) = self.clock_after(end) {
            return Some((Expr::At(date.boxed(), c), e));
        }
        if let Some((a, b, e)) = self.clock_range_after(end) {
            return Some((
                Expr::Range(Expr::At(date.clone().boxed(), a).boxed(), Expr::At(date.boxed(), b).boxed()),
                e,
            ));
        }
        Some((date, end))
    }

    /// `с 11:00 до 13:00` right after a day (`30 ноября с 11:00 до 13:00`): both ends'
    /// times, for that day.
    fn clock_range_after(&self, i: usize) -> Option<(Clock, Clock, usize)> {
        if !self.is(i, &["с", "со"]) {
            return None;
        }
        let (a, k) = self.colon_clock(i + 1)?;
        if !self.is(k, &["до", "по"]) && !self.hyphen(k) {
            return None;
        }
        let (b, end) = self.colon_clock(k + 1)?;
        Some((a, b, end))
    }

    /// `Четверг, 10 января`, `Пнд, 07 янв. 2019 г. 12:15`.
    pub(super) fn weekday_comma_date(&self, i: usize) -> M {
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
    pub(super) fn numeric_date(&self, i: usize) -> M {
        let (a, da) = self.num(i)?;
        let sep = self.w(i + 1);
        if da == 4 && sep == "-" && self.touching(i + 1) {
            let (m, dm) = self.num(i + 2).filter(|_| self.touching(i + 2))?;
            if self.hyphen(i + 3) && self.touching(i + 3) {
                let (d, dd) = self.num(i + 4).filter(|_| self.touching(i + 4))?;
                if dm != 2 || dd != 2 {
                    return None;
                }
                if !YearRef::valid_day(d, m, Some(YearRef::Absolute(a as i32))) {
                    return Some((Expr::Invalid, i + 5));
                }
                let date = Expr::Date { day: Some(d), month: m, year: Some(YearRef::Absolute(a as i32)) };
                // `2020-04-15T14:00`: ISO 8601's date and time joined by `T`.
                if self.w(i + 5) == "t" && self.touching(i + 5) && self.touching(i + 6) {
                    if let Some((c, end)) = self.colon_clock(i + 6) {
                        return Some((Expr::At(date.boxed(), c), end));
                    }
                }
                return Some(self.with_clock(date, i + 5));
            }
            return None;
        }
        if da > 2 || !matches!(sep, "." | "/") || !self.touching(i + 1) {
            return None;
        }
        let close = |k: usize| self.tok(k).is_some_and(|t| t.gap <= Gap::Space);
        let (m, dm) = self.num(i + 2).filter(|_| close(i + 2))?;
        if dm > 2 {
            return None;
        }
        if self.w(i + 3) != sep || !self.touching(i + 3) {
            return if sep == "." && self.touching(i + 2) { self.day_month_bare(i, a, m, dm) } else { None };
        }
        let Some((y, dy)) = self.num(i + 4).filter(|_| close(i + 4)) else {
            return self.day_month_dotted(i, a, m, dm);
        };
        let year = match dy {
            4 => YearRef::Absolute(y as i32),
            2 => YearRef::TwoDigit(y),
            _ => return None,
        };
        // `1.2.3.4` is a version, not a date.
        if self.w(i + 5) == sep && self.touching(i + 5) && self.num(i + 6).is_some() {
            return None;
        }
        if !YearRef::valid_day(a, m, Some(year)) {
            return Some((Expr::Invalid, i + 5));
        }
        let mut end = i + 5;
        if let Some(e) = self.year_word_end(end) {
            end = e;
        }
        Some(self.with_clock(Expr::Date { day: Some(a), month: m, year: Some(year) }, end))
    }

    /// `21.09.`: a day and a month with the trailing dot of a date and no year, when more of
    /// the sentence follows the dot (a sentence's last `10.10.` may be a time or a number).
    /// `a`, `m` are the day and the month at `i` and `i + 2`, `dm` the month's digits.
    fn day_month_dotted(&self, i: usize, a: u32, m: u32, dm: u8) -> M {
        if dm != 2 || self.w(i + 1) != "." || !(1..=12).contains(&m) {
            return None;
        }
        // At the sentence's end only as the second end of a dotted range (`21.–23.09.`), or
        // when it cannot be a time and opens the sentence or follows a preposition of dates
        // (`Встреча назначена на 21.09.`).
        let second_end = self.prev_is(i, &["-", "/", "по", "до"]) && i >= self.lo + 2 && self.w(i - 2) == ".";
        let dated = not_a_clock(a, m) && (i == self.lo || self.prev_is(i, DATE_PREPOSITIONS));
        if i + 4 >= self.hi && !second_end && !dated {
            return None;
        }
        // `21.09.2020` with a space is a full date read above; a number after the dot here
        // is something else (`21.09. 15`).
        if self.num(i + 4).is_some() {
            return None;
        }
        if !YearRef::valid_day(a, m, None) {
            return Some((Expr::Invalid, i + 4));
        }
        Some(self.with_clock(Expr::Date { day: Some(a), month: m, year: None }, i + 4))
    }

    /// `с 16.03`, `на 25.04`: a day and a month with no year and no trailing dot, after a
    /// preposition of dates, when the pair cannot be a clock time ([`not_a_clock`]) and what
    /// follows is not a counted word (`до 16.03 тенге`, `на 16.03%` are numbers).
    fn day_month_bare(&self, i: usize, a: u32, m: u32, dm: u8) -> M {
        if dm != 2 || !(1..=12).contains(&m) || !not_a_clock(a, m) || !self.prev_is(i, DATE_PREPOSITIONS) {
            return None;
        }
        let next = i + 3;
        // After `на`/`до`, which also take amounts (`выросла на 3.04, а`), a comma ends nothing.
        let amount_preposition = self.prev_is(i, &["на", "до"]);
        let follows_ok = match self.tok(next) {
            None => true,
            Some(t) if t.kind == crate::text::TokenKind::Word => {
                self.class(next) != 0 || verb_like(self.w(next)) || self.is(next, &["включительно"])
            }
            Some(t) if t.kind == crate::text::TokenKind::Punct => {
                matches!(self.w(next), "." | ";" | ")" | "-" | "!" | "?")
                    || (self.w(next) == "," && !amount_preposition)
            }
            Some(_) => false,
        };
        if !follows_ok {
            return None;
        }
        if !YearRef::valid_day(a, m, None) {
            return Some((Expr::Invalid, next));
        }
        Some(self.with_clock(Expr::Date { day: Some(a), month: m, year: None }, next))
    }

    /// `20.04` before a dash, `10.05` before `по`: the day and month of a range's first end
    /// whose second end gives the year (`20.04–03.05.2020`, `с 10.05 по 15.05.2020`), with
    /// or without a trailing dot. Not a full date (`20.04.2020` is read by
    /// [`P::numeric_date`]).
    pub(super) fn dotted_day_month_end(&self, j: usize) -> M {
        let (a, da) = self.num(j)?;
        if da > 2 || self.w(j + 1) != "." || !self.touching(j + 1) || !self.touching(j + 2) {
            return None;
        }
        let (m, 2) = self.num(j + 2)? else { return None };
        if !(1..=12).contains(&m) || !YearRef::valid_day(a, m, None) {
            return None;
        }
        let mut end = j + 3;
        if self.w(end) == "." && self.touching(end) {
            if self.num(end + 1).is_some_and(|_| self.touching(end + 1)) {
                return None;
            }
            end += 1;
        }
        if !self.is(end, &["-", "по", "до"]) {
            return None;
        }
        Some((Expr::Date { day: Some(a), month: m, year: None }, end))
    }

    /// `21.` before a range link and a dotted date: the first end of `21.–23.09.`,
    /// `21./22.09.` (a day whose month the second end gives).
    pub(super) fn dotted_day_end(&self, j: usize) -> Option<(u32, usize)> {
        let (n, d) = self.num(j)?;
        if d > 2 || !(1..=31).contains(&n) || self.w(j + 1) != "." || !self.touching(j + 1) {
            return None;
        }
        if self.num(j + 2).is_some_and(|_| self.touching(j + 2)) {
            return None;
        }
        Some((n, j + 2))
    }

    pub(super) fn with_clock(&self, date: Expr, end: usize) -> (Expr, usize) {
        match self.clock_after(end) {
            Some((c, e)) => (Expr::At(date.boxed(), c), e),
            None => (date, end),
        }
    }

    /// `март 2020 года`, `сен-2012`, `авг 96`, `в марте`, `в декабре прошлого года`.
    pub(super) fn month_year(&self, i: usize) -> M {
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

    /// `в 90-е годы`, `1990-х годов`, `в 2010-е`: a decade, the range of its ten years. Two
    /// digits name the decades 1940s–1990s and 2000s–2010s (`20-е годы` could be either
    /// century's, and is left alone).
    fn decade(&self, i: usize) -> M {
        let (n, d) = self.num(i)?;
        let first = match d {
            4 if (1000..=2990).contains(&n) => n,
            2 if (40..=90).contains(&n) => 1900 + n,
            2 if n == 0 || n == 10 => 2000 + n,
            _ => return None,
        };
        if n % 10 != 0 || !self.hyphen(i + 1) || !self.touching(i + 1) || !self.touching(i + 2) {
            return None;
        }
        if !self.is(i + 2, &["е", "х", "ые", "ых"]) {
            return None;
        }
        let mut end = i + 3;
        if self.is(end, &["годы", "годах", "годов", "годам", "годами", "гг"]) {
            end = if self.is(end, &["гг"]) && self.w(end + 1) == "." && self.touching(end + 1) {
                end + 2
            } else {
                end + 1
            };
        }
        let year = |y: u32| Expr::Year(YearRef::Absolute(y as i32));
        Some((Expr::Range(year(first).boxed(), year(first + 9).boxed()), end))
    }

    /// `в 2020 году`, `2020 г.`, `2020-го`, `год 2000`, `в 2020–2021 годах`.
    pub(super) fn year(&self, i: usize) -> M {
        if let Some(found) = self.decade(i) {
            return Some(found);
        }
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
        // `2020-2021 годах`, `2020–2021 гг.`, `2020-2021 учебный год`
        if self.hyphen(i + 1) {
            if let Some((m, 4)) = self.num(i + 2) {
                if m > n && m <= 2999 {
                    if let Some(end) = self.kind_year_word_end(i + 3) {
                        let a = Expr::Year(YearRef::Absolute(n as i32));
                        let b = Expr::Year(YearRef::Absolute(m as i32));
                        return Some((Expr::Range(a.boxed(), b.boxed()), end));
                    }
                }
            }
        }
        // `2020/2021 учебный год`, `в 2020/21 году`: a span of two years in a row (a school
        // year, a heating season), with or without a year word.
        if self.w(i + 1) == "/" && self.touching(i + 1) && self.touching(i + 2) {
            let second = match self.num(i + 2) {
                Some((m, 4)) if m == n + 1 => Some(m),
                Some((m, 2)) if m == (n + 1) % 100 => Some(n + 1),
                _ => None,
            };
            if let Some(m) = second {
                let end = self.kind_year_word_end(i + 3).unwrap_or(i + 3);
                let a = Expr::Year(YearRef::Absolute(n as i32));
                let b = Expr::Year(YearRef::Absolute(m as i32));
                return Some((Expr::Range(a.boxed(), b.boxed()), end));
            }
        }
        match self.year_word_end(i + 1) {
            Some(end) => Some((Expr::Year(YearRef::Absolute(n as i32)), end)),
            None => self.bare_year_after_preposition(i, n),
        }
    }

    /// `в 1998`, `к 2025`, `в 2019—2020`: a year number after `в`/`к` with no year word,
    /// when no word follows it (`в 2019 случаях` is a count) and it is a plausible year.
    fn bare_year_after_preposition(&self, i: usize, n: u32) -> M {
        if !(1900..=2100).contains(&n) || !self.prev_is(i, &["в", "во", "к", "ко"]) {
            return None;
        }
        let free = |k: usize| self.tok(k).is_none_or(|t| t.kind == crate::text::TokenKind::Punct);
        if self.hyphen(i + 1) {
            if let Some((m, 4)) = self.num(i + 2) {
                if m > n && m <= 2100 && (free(i + 3) || self.is(i + 3, YEAR_FOLLOWERS) || verb_like(self.w(i + 3))) {
                    let a = Expr::Year(YearRef::Absolute(n as i32));
                    let b = Expr::Year(YearRef::Absolute(m as i32));
                    return Some((Expr::Range(a.boxed(), b.boxed()), i + 3));
                }
            }
            return None;
        }
        // `в 2020.` ends the phrase; `в 2020, 2021` lists; `в 2000 раз` counts. A word
        // after it must be a verb or a function word (`в 1998 построили`, `в 2019 на 15%`),
        // not a counted noun (`в 2019 случаях`).
        let next_ok = free(i + 1) || self.is(i + 1, YEAR_FOLLOWERS) || verb_like(self.w(i + 1));
        if !next_ok || matches!(self.w(i + 1), "%" | ":" | ",") || (self.w(i + 1) == "." && self.num(i + 2).is_some()) {
            return None;
        }
        Some((Expr::Year(YearRef::Absolute(n as i32)), i + 1))
    }
}
