//! Days and times of day: deictic days (`сегодня`, `вчера в 10:00`), clock times
//! (`20:32`, `до 17.00`, `в 11 вечера`, `в полдень`) and parts of the day with or without
//! their day (`утром`, `Утром 17 марта`, `в ночь на 16 марта`).

use super::{longest, M, P};
use crate::expr::{Clock, Expr};
use crate::lang::ru::lexicon::{
    class, Lex, DAY_NOUN_FORMS, DEICTIC_DAY_ADJECTIVES, NEW_YEAR_STEM, PARTS_AFTER_PREPOSITION, PART_OF_DAY_ADJECTIVES,
    TIME_NOUN_FORMS, WEEKDAY_GENITIVES,
};
use crate::lang::ru::numbers::NumberWord;
use crate::value::{PartOfDay, Unit};

impl P<'_> {
    /// `сегодня`, `вчера в 10:00`, `на сегодняшний день`, `с завтрашнего дня`.
    pub(super) fn deictic(&self, i: usize) -> M {
        if self.class(i) & class::DEICTIC != 0 && self.is(i + 1, DAY_NOUN_FORMS) {
            let w = self.w(i);
            if let Some((n, _)) = DEICTIC_DAY_ADJECTIVES.iter().find(|(_, forms)| forms.contains(&w)) {
                return Some((Expr::Deictic(*n), i + 2));
            }
        }
        let n = self.find(i, |l| if let Lex::Deictic(n) = l { Some(*n) } else { None })?;
        let day = Expr::Deictic(n);
        if let Some((c, e)) = self.clock_after(i + 1) {
            return Some((Expr::At(day.boxed(), c), e));
        }
        Some((day, i + 1))
    }

    /// `HH:MM` or `HH:MM:SS`, touching, minutes and seconds of two digits.
    pub(super) fn colon_clock(&self, i: usize) -> Option<(Clock, usize)> {
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
        Some(self.with_clock_part(Clock { hour: h, minute: m, second: None }, self.hour_word_after(i + 3)))
    }

    /// A written time and the part of the day after it (`8:30 вечера` is 20:30, `2:15 ночи`
    /// 02:15); `k` is where the time ends. `дня` counts only after an afternoon hour of the
    /// twelve-hour clock (`2:30 дня`): `в 9:00 дня голосования` names a day.
    fn with_clock_part(&self, c: Clock, k: usize) -> (Clock, usize) {
        let part = self.find(k, |l| if let Lex::ClockPart(p) = l { Some(*p) } else { None });
        let part = part.filter(|p| *p != PartOfDay::Afternoon || (1..=6).contains(&c.hour));
        match part.and_then(|p| p.clock_hour(c.hour)) {
            Some(hour) => (Clock { hour, ..c }, k + 1),
            None => (c, k),
        }
    }

    /// `17.00` as a time: see the module docs for when a dotted pair is a time.
    pub(super) fn dotted_clock(&self, i: usize) -> Option<(Clock, usize)> {
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
        Some(self.with_clock_part(Clock { hour: h, minute: m, second: None }, self.hour_word_after(i + 3)))
    }

    /// `10:00 часов`, `23:59 ч.`: an hour word after a written clock time belongs to it.
    pub(super) fn hour_word_after(&self, k: usize) -> usize {
        if self.is(k, &["часов", "часа", "час", "ч"]) {
            let dot = self.is(k, &["ч"]) && self.w(k + 1) == "." && self.touching(k + 1);
            return if dot { k + 2 } else { k + 1 };
        }
        k
    }

    /// `10 часов`, `10 часов 30 минут`, `11 утра`, `3 часа ночи`, `2 ч.`
    ///
    /// The hour may be a cardinal in words (`в четырнадцать часов`, `в шесть утра`).
    /// Minutes touching the hour letter are read (`16ч30` is 16:30, also at the end of a
    /// sentence), unless a dot and a number touch them (`16ч30.04`).
    pub(super) fn hour_words(&self, i: usize) -> Option<(Clock, usize)> {
        let (h, next) = match self.num(i) {
            Some((h, dh)) if dh <= 2 => (h, i + 1),
            Some(_) => return None,
            // `в час дня`, `в час ночи`, `до часу ночи`: the hour word alone is one o'clock,
            // with its part.
            None if self.is(i, &["час", "часу"]) => {
                let p = self.find(i + 1, |l| if let Lex::ClockPart(p) = l { Some(*p) } else { None })?;
                return Some((Clock { hour: p.clock_hour(1)?, minute: 0, second: None }, i + 2));
            }
            None => self.cardinal(i)?,
        };
        if h > 24 {
            return None;
        }
        let mut k = next;
        let mut minute = 0;
        let hour_word = self.lex(k).contains(&Lex::Unit(Unit::Hour));
        if hour_word {
            k += 1;
            // Minutes touching the hour letter.
            if self.is(k - 1, &["ч"]) && self.touching(k - 1) && self.touching(k) {
                if let Some((m, 2)) = self.num(k) {
                    // `16ч30.` ends a sentence; `16ч30.04` is not a clock time.
                    let dotted_on = self.w(k + 1) == "."
                        && self.touching(k + 1)
                        && self.num(k + 2).is_some()
                        && self.touching(k + 2);
                    if m < 60 && !dotted_on {
                        return Some((Clock { hour: h % 24, minute: m, second: None }, k + 1));
                    }
                }
            }
            if self.w(k) == "." && self.is(k - 1, &["ч"]) {
                k += 1;
            }
            if let Some((m, _)) = self.num(k) {
                if m < 60 && self.lex(k + 1).contains(&Lex::Unit(Unit::Minute)) {
                    minute = m;
                    k += 2;
                    // `20 ч. 30 мин.`
                    if self.is(k - 1, &["мин"]) && self.w(k) == "." && self.touching(k) {
                        k += 1;
                    }
                }
            }
        }
        let part = self.find(k, |l| if let Lex::ClockPart(p) = l { Some(*p) } else { None });
        if part.is_none() && !hour_word {
            return None;
        }
        let end = if part.is_some() { k + 1 } else { k };
        let hour = match part {
            Some(p) => p.clock_hour(h)?,
            None => h % 24,
        };
        Some((Clock { hour, minute, second: None }, end))
    }

    /// Clock times: `20:32:13`; `в 10.00`, `до 17.00`; `в 10 часов утра`, `в 11 вечера`;
    /// `в полдень`, `в полночь`.
    pub(super) fn clock(&self, i: usize) -> M {
        if let Some((c, end)) = self.colon_clock(i) {
            return Some((Expr::Clock(c), end));
        }
        // `16ч30`: minutes touching the hour letter make a time with no preposition.
        if self.is(i + 1, &["ч"]) && self.touching(i + 1) && self.touching(i + 2) && self.num(i).is_some() {
            if let Some((c, end)) = self.hour_words(i).filter(|&(_, end)| end == i + 3) {
                return Some((Expr::Clock(c), end));
            }
        }
        if let Some((c, end)) = self.spoken_clock(i) {
            return Some((Expr::Clock(c), end));
        }
        let after_prep =
            self.prev_is(i, &["в", "во", "на", "до", "с", "со", "к", "ко", "около", "после", "по", "примерно", "-"]);
        if after_prep {
            // A cardinal in words is an hour only after a preposition of a moment, not
            // after `на` (`на четыре часа` is an amount).
            let with_part = |k: usize| self.lex(k).iter().any(|l| matches!(l, Lex::ClockPart(_)));
            let words_ok = self.num(i).is_some() || !self.prev_is(i, &["на", "-", "по"]) || with_part(i + 1);
            // After `по`, an hour is the end of a range (`с 9 по 18 часов`); alone it deals
            // out an amount (`две смены по 12 часов`).
            let range_end = !self.prev_is(i, &["по"]) || (i >= self.lo + 2 && self.num(i - 2).is_some());
            let hour = if words_ok && range_end { self.hour_words(i) } else { None };
            if let Some((c, end)) = self.dotted_clock(i).or(hour) {
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

    /// The clock as it is spoken, by the hour being approached: `в половине восьмого`
    /// (7:30), `в четверть десятого` (9:15), `без четверти девять` (8:45), `без десяти
    /// восемь`, `без 15 минут 9`, each with a part of the day after it if any (`в половине
    /// восьмого вечера` is 19:30). The half and the quarter follow a preposition of a moment.
    pub(super) fn spoken_clock(&self, i: usize) -> Option<(Clock, usize)> {
        let ordinal_hour = |k: usize| {
            self.find(k, |l| match l {
                Lex::Number(NumberWord::Ordinal(n @ 1..=12)) => Some(*n),
                _ => None,
            })
        };
        let (named, minute, k) = match self.w(i) {
            "половине" | "четверть" => {
                if !self.prev_is(i, &["в", "во", "около", "к", "до", "после", "примерно"]) {
                    return None;
                }
                let n = ordinal_hour(i + 1)?;
                (n, if self.is(i, &["половине"]) { 30 } else { 15 }, i + 2)
            }
            "без" => {
                let (m, n, end) = self.minutes_before_hour(i + 1)?;
                (n, 60 - m, end)
            }
            _ => return None,
        };
        // `в половине второго тайма`, `без двух минут восемь миллионов`: the hour counts a
        // noun. After it only the end, punctuation, a part of the day, a verb or a grammar
        // word that is no unit, month or season may come.
        // `без 15 минут 9 часов`: the hour word belongs to the time.
        let k = if self.is(k, &["часов", "часа"]) { k + 1 } else { k };
        if self.counted_after(k) {
            return None;
        }
        let hour = named - 1;
        let part = self.find(k, |l| if let Lex::ClockPart(p) = l { Some(*p) } else { None });
        let Some(p) = part else {
            return Some((Clock { hour, minute, second: None }, k));
        };
        // `в половине первого дня` is 12:30.
        let hour = if hour == 0 && p == PartOfDay::Afternoon { 12 } else { p.clock_hour(hour)? };
        Some((Clock { hour, minute, second: None }, k + 1))
    }

    /// Is the word at `k` a noun that the number before it counts (see [`P::spoken_clock`])?
    fn counted_after(&self, k: usize) -> bool {
        if !self.tok(k).is_some_and(|t| t.kind == crate::text::TokenKind::Word) {
            return false;
        }
        if self.class(k) == 0 {
            return !crate::lang::ru::lexicon::verb_like(self.w(k));
        }
        let lex = self.lex(k);
        lex.iter().any(|l| matches!(l, Lex::Unit(_) | Lex::Month(_) | Lex::HalfYear | Lex::YearWord | Lex::Season(_)))
            && !lex.iter().any(|l| matches!(l, Lex::ClockPart(_)))
    }

    /// After `без`: the minutes (`четверти`, `десяти`, `двадцати пяти`, `15 минут`) and the
    /// hour they are short of (`восемь`, `9`, `час`). A compound in words may end before its
    /// last word, which is then the hour (`без десяти восемь`, not eighteen).
    fn minutes_before_hour(&self, k: usize) -> Option<(u32, u32, usize)> {
        let hour_at = |k: usize| -> Option<(u32, usize)> {
            let (n, end) = match self.num(k) {
                Some((n, d)) if d <= 2 => (n, k + 1),
                Some(_) => return None,
                None if self.is(k, &["час"]) => (1, k + 1),
                None => self.cardinal(k)?,
            };
            (1..=12).contains(&n).then_some((n, end))
        };
        let after_minutes = |m: u32, mut j: usize| -> Option<(u32, u32, usize)> {
            if !(1..=30).contains(&m) {
                return None;
            }
            if self.is(j, &["минут", "минуты", "минуту", "мин"]) {
                j += 1;
            }
            hour_at(j).map(|(n, end)| (m, n, end))
        };
        if self.is(k, &["четверти"]) {
            return after_minutes(15, k + 1);
        }
        if let Some((m, d)) = self.num(k) {
            return if d <= 2 { after_minutes(m, k + 1) } else { None };
        }
        let (m, j) = self.cardinal(k)?;
        after_minutes(m, j).or_else(|| {
            let single =
                self.find(k, |l| if let Lex::Number(NumberWord::Cardinal(n)) = l { Some(*n) } else { None })?;
            if j > k + 1 {
                after_minutes(single, k + 1)
            } else {
                None
            }
        })
    }

    pub(super) fn part_word(&self, i: usize) -> Option<PartOfDay> {
        let part = self.find(i, |l| if let Lex::PartOfDay(p) = l { Some(*p) } else { None })?;
        let w = self.w(i);
        if let Some((_, prepositions)) = PARTS_AFTER_PREPOSITION.iter().find(|(form, _)| *form == w) {
            if !self.prev_is(i, prepositions) {
                return None;
            }
        }
        Some(part)
    }

    /// A day that a part of the day can attach to.
    pub(super) fn day_like(&self, i: usize) -> M {
        longest(longest(self.day_month(i), self.deictic(i)), longest(self.weekday(i), self.numeric_date(i)))
    }

    /// `Утром 17 марта`, `вечером в пятницу`, `утром пятницы`, `к вечеру прошлой среды`.
    pub(super) fn part_then_day(&self, i: usize) -> M {
        let part = self.part_word(i)?;
        if let Some(found) = self.genitive_weekday(i + 1) {
            return Some((Expr::PartOfDay(Some(found.0.boxed()), part), found.1));
        }
        let j = if self.is(i + 1, &["в", "во"]) { i + 2 } else { i + 1 };
        let (day, end) = self.day_like(j)?;
        Some((Expr::PartOfDay(Some(day.boxed()), part), end))
    }

    /// A weekday in the genitive, the day a part of the day before it belongs to (`пятницы`,
    /// `прошлой среды`, `следующего понедельника`).
    fn genitive_weekday(&self, i: usize) -> M {
        let shift = self.find(i, |l| if let Lex::Shift(s) = l { Some(*s) } else { None });
        let at = if shift.is_some() { i + 1 } else { i };
        let w = self.w(at);
        let day = WEEKDAY_GENITIVES.iter().position(|g| *g == w)?;
        let day = u32::try_from(day + 1).ok()?;
        Some((Expr::Weekday { day, shift, upcoming: false }, at + 1))
    }

    /// `в ночь на 16 марта` (the night before that day), `в ночь с 15 на 16 марта`.
    pub(super) fn night_of(&self, i: usize) -> M {
        // `в новогоднюю ночь`: the night of 31 December.
        if self.w(i).starts_with(NEW_YEAR_STEM) && self.is(i + 1, &["ночь", "ночи", "ночью"]) {
            let eve = Expr::Date { day: Some(31), month: 12, year: None };
            return Some((Expr::PartOfDay(Some(eve.boxed()), PartOfDay::Night), i + 2));
        }
        if !self.is(i, &["ночь"]) {
            return None;
        }
        if self.is(i + 1, &["на"]) {
            let (day, end) = self.day_like(i + 2)?;
            // `в ночь на 16 апреля в 2 часа`: a time in the night is on the day named when
            // it is before noon, else on the day before.
            if let Expr::At(date, c) = day {
                let date = if c.hour < 12 { *date } else { Expr::DayBefore(Some(date)) };
                return Some((Expr::At(date.boxed(), c), end));
            }
            return Some((Expr::PartOfDay(Some(Expr::DayBefore(Some(day.boxed())).boxed()), PartOfDay::Night), end));
        }
        if self.is(i + 1, &["с", "со"]) {
            let (first, k) = longest(self.day_like(i + 2), self.bare_end(i + 2))?;
            if !self.is(k, &["на"]) {
                return None;
            }
            let (second, end) = self.day_like(k + 1)?;
            let first = match Expr::range(first, second)? {
                Expr::Range(a, _) => *a,
                _ => return None,
            };
            return Some((Expr::PartOfDay(Some(first.boxed()), PartOfDay::Night), end));
        }
        None
    }

    /// `в 10:00 16 марта`, `9:00 20 марта`: a clock time before its day.
    ///
    /// An hour in words or a dotted time after its preposition (`в 10 часов послезавтра`)
    /// takes the day that follows it directly; a comma between them stops it.
    ///
    /// `clock` is what [`P::clock`] reads at `i`: the core reads it once for this rule and
    /// its own (a rule reads the sentence and changes nothing, so the answer is the same).
    pub(super) fn clock_then_day(&self, i: usize, clock: &M) -> M {
        let (c, k) = self.colon_clock(i).or_else(|| match *clock {
            Some((Expr::Clock(c), k)) if !self.lex(i).contains(&Lex::Noon) && !self.lex(i).contains(&Lex::Midnight) => {
                Some((c, k))
            }
            _ => None,
        })?;
        let weekday = if self.is(k, &["в", "во"]) { self.weekday(k + 1) } else { self.weekday_comma_date(k) };
        // `09:47, 2 апреля 2020`: a written time, a comma and its date (a byline's stamp).
        let comma_date = if self.is(k, &[","]) && self.colon_clock(i).is_some() {
            longest(self.day_month(k + 1), self.numeric_date(k + 1))
        } else {
            None
        };
        let day = longest(longest(self.day_month(k), self.deictic(k)), longest(self.numeric_date(k), weekday));
        let (day, end) = longest(day, comma_date)?;
        if matches!(day, Expr::At(..) | Expr::Invalid) {
            return None;
        }
        Some((Expr::At(day.boxed(), c), end))
    }

    /// `17 марта утром`, `вчера вечером`, `в среду утром`.
    ///
    /// Takes what [`P::day_like`] read at the first token (the core reads it once).
    pub(super) fn day_then_part(&self, day_like: M) -> M {
        let (day, k) = day_like?;
        // `сегодня в обед`: the middle of that day.
        if self.is(k, &["в"]) && self.is(k + 1, &["обед"]) {
            return Some((Expr::PartOfDay(Some(day.boxed()), PartOfDay::Midday), k + 2));
        }
        let part = self.part_word(k)?;
        Some((Expr::PartOfDay(Some(day.boxed()), part), k + 1))
    }

    /// `в ночное время`, `в дневное время`, `в темное время суток`: a part of the day named
    /// by its adjective before `время`.
    pub(super) fn part_time(&self, i: usize) -> M {
        if !self.is(i + 1, TIME_NOUN_FORMS) {
            return None;
        }
        let w = self.w(i);
        let (part, _) = PART_OF_DAY_ADJECTIVES.iter().find(|(_, forms)| forms.contains(&w))?;
        let end = if self.is(i + 2, &["суток"]) { i + 3 } else { i + 2 };
        Some((Expr::PartOfDay(None, *part), end))
    }

    /// `утром`, `этим утром`, `прошлым вечером`, `прошлой ночью`.
    pub(super) fn part_of_day(&self, i: usize) -> M {
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
}
