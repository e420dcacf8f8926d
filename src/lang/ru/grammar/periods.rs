//! Calendar periods and their parts: weeks, months and years shifted from the publication's
//! (`на прошлой неделе`), weekdays and weekends (`в понедельник`, `в эти выходные`), sets
//! (`ежедневно`, `по пятницам`), portions, halves and decades (`в начале марта`, `в первой
//! половине апреля`), seasons and quarters (`весной 2020 года`, `в первом квартале`), and
//! fixed-date holidays (`Новый год`).

use super::{longest, M, P};
use crate::expr::{Expr, YearRef};
use crate::lang::ru::lexicon::{Lex, HOLIDAYS};
use crate::lang::ru::numbers::NumberWord;
use crate::value::{Duration, Unit, Value};

impl P<'_> {
    /// `на этой неделе`, `в прошлом году`, `этого месяца`, `в эти выходные`, `в прошлую
    /// пятницу`, `на следующий день`, `в тот же день`.
    pub(super) fn shifted(&self, i: usize) -> M {
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
    pub(super) fn weekend(&self, i: usize) -> M {
        if self.lex(i).contains(&Lex::Weekend) && self.prev_is(i, &["в", "во", "на"]) {
            return Some((Expr::Weekend(None), i + 1));
        }
        None
    }

    /// `в понедельник`, `с понедельника`, `во вторник`.
    pub(super) fn weekday(&self, i: usize) -> M {
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
    pub(super) fn set(&self, i: usize) -> M {
        if let Some(u) = self.find(i, |l| if let Lex::Every(u) = l { Some(*u) } else { None }) {
            return Some((Expr::Set(Value::Duration(Duration::one(u))), i + 1));
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
                    Lex::Unit(u) => return Some((Expr::Set(Value::Duration(Duration::one(u))), i + 2)),
                    _ => {}
                }
            }
        }
        None
    }

    /// What a portion can be of: a month, a year, a week or month of now.
    pub(super) fn period(&self, i: usize) -> M {
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
    pub(super) fn portion(&self, i: usize) -> M {
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
    pub(super) fn season_quarter(&self, i: usize) -> M {
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
    pub(super) fn holiday(&self, i: usize) -> M {
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
}
