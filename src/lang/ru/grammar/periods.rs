//! Calendar periods and their parts: weeks, months and years shifted from the publication's
//! (`на прошлой неделе`), weekdays and weekends (`в понедельник`, `в эти выходные`), sets
//! (`ежедневно`, `по пятницам`), portions, halves and decades (`в начале марта`, `в первой
//! половине апреля`), seasons and quarters (`весной 2020 года`, `в первом квартале`), and
//! fixed-date holidays (`Новый год`).

use super::{longest, M, P};
use crate::expr::{Base, Expr, YearRef};
use crate::lang::ru::lexicon::{
    Lex, HOLIDAYS, HOLIDAY_PERIOD_NOUNS, HOLIDAY_PERIOD_STEMS, MOVING_HOLIDAYS, PER_UNIT, SEASONAL_NOUNS,
    SEASON_ADJECTIVES, SEASON_NOUNS, SEASON_OPENERS, WEEKEND_PREPOSITIONS,
};
use crate::lang::ru::numbers::NumberWord;
use crate::value::{Duration, PartOfDay, Season, Unit, Value};

impl P<'_> {
    /// `на этой неделе`, `в прошлом году`, `этого месяца`, `в эти выходные`, `в прошлую
    /// пятницу`, `на следующий день`, `в тот же день`.
    pub(super) fn shifted(&self, i: usize) -> M {
        if self.is(i, &["тот", "того", "том", "тому", "та", "ту", "той"]) {
            let k = if self.is(i + 1, &["же"]) { i + 2 } else { i + 1 };
            if self.is(k, &["день", "дня", "дне"]) {
                return Some((Expr::Anaphor(0), k + 1));
            }
            // `в том же году`, `в том же месяце`: the period of the latest date mentioned.
            if k == i + 2 && self.is(i, &["том", "той", "тот", "ту"]) {
                let unit = match self.w(k) {
                    "году" | "год" => Unit::Year,
                    "месяце" | "месяц" => Unit::Month,
                    "неделе" | "неделю" => Unit::Week,
                    _ => return None,
                };
                let same = Expr::Offset { amount: Duration::default(), unit, sign: 1, base: Base::Previous };
                return Some((same, k + 1));
            }
            return None;
        }
        // `след. пятницу`: the abbreviation of `следующий`.
        if self.is(i, &["след"]) {
            if self.w(i + 1) != "." || !self.touching(i + 1) {
                return None;
            }
            for l in self.lex(i + 2) {
                match *l {
                    Lex::Weekday(day) => return Some((Expr::Weekday { day, shift: Some(1), upcoming: false }, i + 3)),
                    Lex::Weekend => return Some((Expr::Weekend(Some(1)), i + 3)),
                    Lex::Unit(u @ (Unit::Week | Unit::Month | Unit::Quarter | Unit::Year)) => {
                        return Some((Expr::Shifted { unit: u, shift: 1 }, i + 3))
                    }
                    _ => {}
                }
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
        // `в текущем сезоне`, `в прошлом сезоне`: a season of some activity, not of the
        // year; the present, the past or the future as the shift says.
        if let (Some(s), false) = (shift, upcoming) {
            if self.is(k, SEASONAL_NOUNS) {
                let reference = match s {
                    0 => Expr::Present,
                    s if s < 0 => Expr::Recently,
                    _ => Expr::Soon,
                };
                return Some((reference, k + 1));
            }
        }
        for l in self.lex(k) {
            match *l {
                Lex::Weekday(day) => {
                    let weekday = Expr::Weekday { day, shift: if upcoming { None } else { shift }, upcoming };
                    return Some(self.weekday_then(weekday, k + 1));
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

    /// `в выходные`, `на выходных`, `к выходным`, `до выходных`, `после выходных`, `не
    /// раньше выходных`: the weekend the tense points to.
    pub(super) fn weekend(&self, i: usize) -> M {
        if self.lex(i).contains(&Lex::Weekend) && self.prev_is(i, WEEKEND_PREPOSITIONS) {
            return Some((Expr::Weekend(None), i + 1));
        }
        None
    }

    /// `в понедельник`, `с понедельника`, `во вторник`.
    pub(super) fn weekday(&self, i: usize) -> M {
        if let Some(found) = self.weekday_abbreviation(i) {
            return Some(found);
        }
        let day = self.find(i, |l| if let Lex::Weekday(d) = l { Some(*d) } else { None })?;
        // Locative and nominative forms (`в среде`, `среда`) are other words.
        if matches!(
            self.w(i),
            "среда" | "среде" | "средой" | "пятнице" | "субботе" | "вторнике" | "понедельнике" | "четверге"
        ) {
            return None;
        }
        // Without a preposition, only a weekday that opens its sentence (`Понедельник стал ...`)
        // or a list of weekdays (`станут пятница и понедельник`).
        let listed = self.is(i + 1, &["и", "или"]) && self.lex(i + 2).iter().any(|l| matches!(l, Lex::Weekday(_)));
        // (`за среду умерли 5 человек`: the day a report counts.)
        if !self.prev_is(i, &["в", "во", "до", "с", "со", "к", "ко", "по", "после", "на", "за", "и", "или", "-"])
            && !self.tok(i).is_some_and(|t| t.capitalized)
            && i != self.lo
            && !listed
        {
            return None;
        }
        Some(self.weekday_then(Expr::Weekday { day, shift: None, upcoming: false }, i + 1))
    }

    /// What may follow a weekday ending at `k`: the week it is in (`в среду на следующей
    /// неделе`, for a weekday with none written), then a clock time (`в эту субботу в 11:00`).
    fn weekday_then(&self, weekday: Expr, k: usize) -> (Expr, usize) {
        let (mut weekday, mut k) = (weekday, k);
        if let Expr::Weekday { day, shift: None, upcoming: false } = weekday {
            let week = self.find(k + 1, |l| if let Lex::Shift(s) = l { Some(*s) } else { None });
            if let (true, Some(s), true) = (self.is(k, &["на"]), week, self.is(k + 2, &["неделе"])) {
                weekday = Expr::Weekday { day, shift: Some(s), upcoming: false };
                k += 3;
            }
        }
        match self.clock_after(k) {
            Some((c, e)) => (Expr::At(weekday.boxed(), c), e),
            None => (weekday, k),
        }
    }

    /// `в пт`, `до вс.`: a lowercase weekday abbreviation after a preposition, with nothing
    /// but punctuation, `и`/`или` or a time after it (`в ВС РК` is a court, `ср.` a
    /// reference).
    fn weekday_abbreviation(&self, i: usize) -> M {
        let day = self.find(i, |l| if let Lex::WeekdayAbbr(d) = l { Some(*d) } else { None })?;
        if self.tok(i)?.capitalized || !self.prev_is(i, &["в", "во", "до", "с", "со", "к", "по", "и", "или"])
        {
            return None;
        }
        if self.prev_is(i, &["и", "или"])
            && !(i >= self.lo + 2 && self.lex(i - 2).iter().any(|l| matches!(l, Lex::WeekdayAbbr(_))))
        {
            return None;
        }
        let mut k = i + 1;
        if self.w(k) == "." && self.touching(k) {
            k += 1;
        }
        let free = self.tok(k).is_none_or(|t| t.kind != crate::text::TokenKind::Word) || self.is(k, &["и", "или", "в"]);
        if !free || self.is(k, &["-"]) && self.num(k + 1).is_none() {
            return None;
        }
        let day = Expr::Weekday { day, shift: None, upcoming: false };
        if let Some((c, e)) = self.clock_after(k) {
            return Some((Expr::At(day.boxed(), c), e));
        }
        Some((day, k))
    }

    /// `ежедневно`, `каждую пятницу`, `по пятницам`, `по выходным`, `каждые выходные`,
    /// `каждые три года`, `раз в неделю`, `два раза в месяц`, and a rate after a quantity
    /// (`10 тысяч тестов в день`).
    pub(super) fn set(&self, i: usize) -> M {
        if self.is(i, &["раз", "раза", "дважды", "трижды", "четырежды"]) && self.is(i + 1, &["в"])
        {
            if let Some((amount, _, end)) = self.amount(i + 2, true) {
                return Some((Expr::Set(Value::Duration(amount)), end));
            }
            return None;
        }
        if self.is(i, &["в"]) {
            return self.rate(i);
        }
        if self.lex(i).contains(&Lex::EachWord) && !self.is(i, &["каждым"]) {
            if let Some((amount, _, end)) = self.amount(i + 1, false) {
                return Some((Expr::Set(Value::Duration(amount)), end));
            }
        }
        if let Some(u) = self.find(i, |l| if let Lex::Every(u) = l { Some(*u) } else { None }) {
            return Some((Expr::Set(Value::Duration(Duration::one(u))), i + 1));
        }
        // `по понедельникам и четвергам`: a second weekday of the list is a set too.
        if let Some(d) = self.find(i, |l| if let Lex::WeekdayPlural(d) = l { Some(*d) } else { None }) {
            let listed = self.prev_is(i, &["и", "или"])
                && i >= self.lo + 2
                && self.lex(i - 2).iter().any(|l| matches!(l, Lex::WeekdayPlural(_)));
            return listed.then_some((Expr::Set(Value::EveryWeekday(d)), i + 1));
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

    /// `в день`, `в сутки`, `в год` after a quantity (`10 тысяч тестов в день`, `по 500
    /// человек в сутки`): a rate, one per unit. The quantity is a number within the three
    /// words before; a noun after the unit (`в день выборов`, `в год пандемии`) makes it a
    /// day or a year, not a rate.
    fn rate(&self, i: usize) -> M {
        if !self.is(i + 1, PER_UNIT) {
            return None;
        }
        let u = self.find(i + 1, |l| if let Lex::Unit(u) = l { Some(*u) } else { None })?;
        let quantity = (1..=3).any(|back| {
            i >= self.lo + back
                && (self.num(i - back).is_some()
                    || self.lex(i - back).iter().any(|l| matches!(l, Lex::Number(NumberWord::Cardinal(_)))))
        });
        let after = self.tok(i + 2);
        let ends = after.is_none_or(|t| t.kind != crate::text::TokenKind::Word)
            || self.is(i + 2, &["и", "а", "или", "но", "по", "на", "в", "во", "с", "до"]);
        if !quantity || !ends {
            return None;
        }
        Some((Expr::Set(Value::Duration(Duration::one(u))), i + 2))
    }

    /// What a portion can be of: a month, a year, a season, a quarter, a week or month of
    /// now, the day.
    pub(super) fn period(&self, i: usize) -> M {
        if let Some(r) = longest(longest(self.month_year(i), self.year(i)), self.season_quarter(i)) {
            return Some(r);
        }
        if let Some(r) = self.shifted(i) {
            if matches!(r.0, Expr::Shifted { .. }) {
                return Some(r);
            }
        }
        // `до конца дня`, `к концу суток`: of the publication day.
        if self.is(i, &["дня", "суток"]) {
            return Some((Expr::Deictic(0), i + 1));
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
        // `первой`/`второй` (and `третьей` for a decade of a month), or `1-м`, `2-е`.
        let (half, i) = match self.find(i, |l| match l {
            Lex::Number(NumberWord::Ordinal(n @ 1..=3)) => Some(*n),
            _ => None,
        }) {
            Some(n) => (n, i),
            None => {
                let (n, 1) = self.num(i)? else { return None };
                let suffixed = self.hyphen(i + 1) && self.touching(i + 1) && self.is(i + 2, &["м", "е", "го", "й"]);
                if !(1..=2).contains(&n) || !suffixed || !self.lex(i + 3).contains(&Lex::HalfYear) {
                    return None;
                }
                (n, i + 2)
            }
        };
        if half == 3 && !self.is(i + 1, &["декаде", "декады", "декада", "декаду"]) {
            return None;
        }
        // `во второй половине дня`, `в первой половине дня`: the afternoon, the morning.
        if half <= 2 && self.lex(i + 1).contains(&Lex::HalfWord) && self.is(i + 2, &["дня"]) {
            let part = if half == 1 { PartOfDay::Morning } else { PartOfDay::Afternoon };
            // `во второй половине дня в среду`, `... 15 апреля`: of that day.
            let j = if self.is(i + 3, &["в", "во"]) { i + 4 } else { i + 3 };
            if let Some((day, end)) = self.day_like(j) {
                return Some((Expr::PartOfDay(Some(day.boxed()), part), end));
            }
            return Some((Expr::PartOfDay(None, part), i + 3));
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
        // `в летний период`, `зимнего сезона 2020 года`.
        if let Some(s) = SEASON_ADJECTIVES.iter().find(|(_, forms)| forms.contains(&self.w(i))).map(|(s, _)| *s) {
            if !self.is(i + 1, SEASON_NOUNS) {
                return None;
            }
            return match self.year_after(i + 2).filter(|(y, _)| !matches!(y, YearRef::TwoDigit(_))) {
                Some((y, end)) => Some((Expr::Season(s, Some(y)), end)),
                None => Some((Expr::Season(s, None), i + 2)),
            };
        }
        if let Some(s) = self.find(i, |l| if let Lex::Season(s) = l { Some(*s) } else { None }) {
            // `лето`, `осень` as subjects are nouns; the adverbs and `весной 2020 года` are times.
            if let Some((y, end)) = self.year_after(i + 1).filter(|(y, _)| !matches!(y, YearRef::TwoDigit(_))) {
                // `зимой 2020/2021`, `зимой 2020–2021 гг.`: a winter is named by the year of
                // its January (as `Season::of` names it), the second of the pair.
                if let (YearRef::Absolute(a), true) = (y, self.is(end, &["/", "-"])) {
                    if let Some((b, 4)) = self.num(end + 1) {
                        if b as i32 == a + 1 {
                            let end = self.year_word_end(end + 2).unwrap_or(end + 2);
                            let named = if s == Season::Winter { YearRef::Absolute(a + 1) } else { y };
                            return Some((Expr::Season(s, Some(named)), end));
                        }
                    }
                }
                return Some((Expr::Season(s, Some(y)), end));
            }
            if matches!(self.w(i), "весной" | "летом" | "осенью" | "зимой" | "весною" | "зимою")
            {
                return Some((Expr::Season(s, None), i + 1));
            }
            // `до весны`, `к лету`, `на зиму`, `в конце лета`, `всю осень`: any form after a
            // preposition, a portion word or `весь`; a nominative opening its sentence (`Лето
            // выдалось жарким`). A capitalized form inside a sentence is a name.
            let inside_capitalized = i > self.lo && self.tok(i).is_some_and(|t| t.capitalized);
            let opened = i > self.lo
                && (self.is(i - 1, SEASON_OPENERS) || self.lex(i - 1).iter().any(|l| matches!(l, Lex::Portion(_))));
            let opening = i == self.lo && matches!(self.w(i), "весна" | "лето" | "осень" | "зима");
            if (opened && !inside_capitalized) || opening {
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
                let Some(k) = self.name_at(i, name, false) else { continue };
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
        self.moving_holiday(i)
    }

    /// `новогодние праздники`, `в майские праздники`, `на новогодних каникулах`: the start of
    /// the month the holidays open (January, May), year-less as a month is.
    pub(super) fn holiday_period(&self, i: usize) -> M {
        if !self.is(i + 1, HOLIDAY_PERIOD_NOUNS) {
            return None;
        }
        let w = self.w(i);
        let (_, month) = HOLIDAY_PERIOD_STEMS.iter().find(|(stem, _)| w.starts_with(stem))?;
        let year = self.year_after(i + 2).filter(|(y, _)| !matches!(y, YearRef::TwoDigit(_)));
        let (year, end) = match year {
            Some((y, e)) => (Some(y), e),
            None => (None, i + 2),
        };
        let month = Expr::Date { day: None, month: *month, year };
        Some((Expr::Portion(crate::expr::Portion::Start, month.boxed()), end))
    }

    /// Where the words of `name` (one space apart), read from token `i`, end; with `hyphens`,
    /// a hyphen touching two of its words may stand between them.
    fn name_at(&self, i: usize, name: &str, hyphens: bool) -> Option<usize> {
        let mut k = i;
        for (n, word) in name.split(' ').enumerate() {
            if hyphens && n > 0 && self.hyphen(k) && self.touching(k) && self.touching(k + 1) {
                k += 1;
            }
            if self.w(k) != word {
                return None;
            }
            k += 1;
        }
        Some(k)
    }

    /// Holidays whose date moves, from [`MOVING_HOLIDAYS`]: `Пасха`, `Курбан айт`,
    /// `Ораза-айт 2021 года`.
    fn moving_holiday(&self, i: usize) -> M {
        for (names, feast) in MOVING_HOLIDAYS {
            for name in *names {
                // `Курбан-айт`: a hyphen touching both words may join them.
                let Some(k) = self.name_at(i, name, true) else { continue };
                return Some(match self.year_after(k).filter(|(y, _)| !matches!(y, YearRef::TwoDigit(_))) {
                    Some((y, end)) => (Expr::Feast(*feast, Some(y)), end),
                    None => (Expr::Feast(*feast, None), k),
                });
            }
        }
        None
    }
}
