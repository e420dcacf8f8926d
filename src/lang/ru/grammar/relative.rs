//! Amounts of time and what counts from them: offsets (`3 дня назад`, `через две недели`,
//! `днём ранее`), windows (`за последние 7 дней`), durations (`на 14 дней`,
//! `двухнедельный`), the present (`сейчас`) and days counted from other days (`накануне`,
//! `тогда же`, `на днях`).

use super::{longest, AmountAt, M, P};
use crate::expr::{Base, Expr};
use crate::lang::ru::lexicon::{
    class, duration_adjective, duration_adjective_unit, verb_like, Lex, AGE_AFTER, AGE_BEFORE, AGE_HOLDERS,
    AGE_PERSONS, AGE_VERBS, ALONE_FOLLOWERS, APPROXIMATORS, COUNTED_DAY_ADJECTIVES, DAY_UNIT_FORMS, GENITIVE_ONE,
    RUNNING_UNIT_FORMS, VAGUE_TIME_ADJECTIVES, VAGUE_UNIT_FORMS,
};
use crate::lang::ru::numbers::NumberWord;
use crate::text::Gap;
use crate::value::{Duration, Unit};

impl P<'_> {
    /// An amount of time: `3 дня`, `две недели`, `неделю`, `полчаса`, `2 часа 5 минут`,
    /// `1 год, 1 месяц и 1 день`. Returns the duration, the finest unit written (the grain
    /// of a moment counted with it: `5 дней 2 часа назад` is precise to the hour), and the end.
    pub(super) fn amount(&self, i: usize, bare_unit: bool) -> Option<(Duration, Unit, usize)> {
        let mut d = Duration::default();
        let mut finest: Option<Unit> = None;
        let mut k = i;
        let mut first = true;
        loop {
            let start = k;
            if !first && self.is(k, &[",", "и"]) {
                k += 1;
            }
            // `девять месяцев 2021 года`: a year number after the first part is a year.
            let year = !first && self.num(k).is_some_and(|(n, d)| d == 4 && (1000..=2999).contains(&n));
            let Some((n, half, unit, end)) = self.count_unit(k, bare_unit && first).filter(|_| !year) else {
                if first {
                    return None;
                }
                k = start;
                break;
            };
            d.add(unit, n, half)?;
            // `полгода` is counted in months, `полчаса` in minutes.
            let grain = if half { unit.finer() } else { unit };
            finest = Some(finest.map_or(grain, |c| c.min(grain)));
            k = end;
            first = false;
        }
        Some((d, finest?, k))
    }

    /// One `count unit` pair: (count, plus a half, unit, end).
    pub(super) fn count_unit(&self, k: usize, bare_unit: bool) -> Option<(u32, bool, Unit, usize)> {
        let unit_at = |j: usize| -> Option<(Unit, usize)> {
            // `10 рабочих дней`, `14 календарных дней`: a kind of day between.
            let kind_of_day = self.class(j) & class::LINK != 0 && self.is(j, COUNTED_DAY_ADJECTIVES);
            let j = if kind_of_day && self.is(j + 1, DAY_UNIT_FORMS) { j + 1 } else { j };
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
            let decimal = |j: usize| matches!(self.w(j), "," | ".") && self.touching(j) && self.touching(j + 1);
            // The `5` of `1,5 месяца` is a fraction, not a count.
            if k >= self.lo + 2 && decimal(k - 1) && self.num(k - 2).is_some() {
                return None;
            }
            // `1,5 месяца`, `2.5 года`: and a half; other fractions are not amounts here.
            if decimal(k + 1) {
                if let Some((5, 1)) = self.num(k + 2) {
                    let (u, end) = unit_at(k + 3)?;
                    return Some((n, true, u, end));
                }
                if self.num(k + 2).is_some() {
                    return None;
                }
            }
            // `2–3 часа`, `5-7 дней`: a range of counts, read as its larger end.
            if let Some((m, end)) = self.count_range_end(k + 1, n) {
                let (u, end) = unit_at(end)?;
                return Some((m, false, u, end));
            }
            // `15мин`, `2 ч.`
            let (u, end) = unit_at(k + 1)?;
            return Some((n, false, u, end));
        }
        if let Some((n, next)) = self.cardinal(k) {
            // `две-три недели`, `двух-трех часов`.
            if let Some((m, end)) = self.count_range_end(next, n) {
                let (u, end) = unit_at(end)?;
                return Some((m, false, u, end));
            }
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
                    | "месяцем"
                    | "годом"
            ) {
                return Some((1, false, u, end));
            }
            // `около недели`, `более года назад`: a genitive after an approximating word.
            if k > self.lo && self.is(k - 1, APPROXIMATORS) && self.is(k, GENITIVE_ONE) {
                return Some((1, false, u, end));
            }
        }
        None
    }

    /// The second count of a range of counts whose first, `n`, ends at `k` (`2–3`, `две-три`):
    /// a dash, then a larger number of at most three digits or a cardinal in words.
    fn count_range_end(&self, k: usize, n: u32) -> Option<(u32, usize)> {
        if !self.hyphen(k) {
            return None;
        }
        let (m, end) = match self.num(k + 1) {
            Some((m, d)) if d <= 3 => (m, k + 2),
            Some(_) => return None,
            None => self.cardinal(k + 1)?,
        };
        (m > n && n < 1000).then_some((m, end))
    }

    /// A cardinal in words, compound up to hundreds: `двадцать пять`, `сто двадцать`.
    pub(super) fn cardinal(&self, k: usize) -> Option<(u32, usize)> {
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
    ///
    /// `amount_at` holds [`P::amount`] at `i` with a bare unit, once read (the core shares
    /// it with [`P::duration`]).
    pub(super) fn offset(&self, i: usize, amount_at: &AmountAt) -> M {
        if self.lex(i).contains(&Lex::Later) {
            let base = if self.is(i, &["спустя"]) { Base::Previous } else { Base::Publication };
            let (amount, unit, mut end) = self.amount(i + 1, true)?;
            let mut base = base;
            if self.is(end, &["после"]) && self.is(end + 1, &["этого", "того"]) {
                base = Base::Previous;
                end += 2;
            } else if self.is(end, &["после"]) || (self.is(end, &["с"]) && self.is(end + 1, &["момента"]))
            {
                // `через 21 день после первой дозы`, `через 5 дней с момента контакта`: the
                // time between two happenings, not a day counted from the publication.
                return Some((Expr::Duration(amount), end));
            }
            return Some(self.offset_then(Expr::Offset { amount, unit, sign: 1, base }, end));
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
        let (amount, unit, end) = (*amount_at.get_or_init(|| self.amount(i, true)))?;
        if self.is(end, &["назад"]) {
            return Some(self.offset_then(Expr::Offset { amount, unit, sign: -1, base: Base::Publication }, end + 1));
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
        // `годом позже`, `месяцем ранее`: counted from the previous date, at the unit's grain.
        if matches!(unit, Unit::Month | Unit::Year | Unit::Quarter)
            && self.is(end, &["ранее", "раньше", "позже", "позднее"])
        {
            let sign = if self.is(end, &["ранее", "раньше"]) { -1 } else { 1 };
            return Some((Expr::Offset { amount, unit, sign, base: Base::Previous }, end + 1));
        }
        None
    }

    /// An offset of whole days and the clock time after it (`через 2 дня в 10:00`): that
    /// day at that time. Other offsets name no day to put a time on.
    fn offset_then(&self, offset: Expr, end: usize) -> (Expr, usize) {
        let days = matches!(&offset, Expr::Offset { amount, unit: Unit::Day, .. } if amount.hours == 0);
        match self.clock_after(end).filter(|_| days) {
            Some((c, e)) => (Expr::At(offset.boxed(), c), e),
            None => (offset, end),
        }
    }

    /// `за последние 7 дней`, `за минувшие сутки`, `в ближайшие 10 дней`, `следующие 2 недели`.
    pub(super) fn window(&self, i: usize) -> M {
        // A bare `за сутки` in a report (`За сутки выявлено 120 случаев`) is the last day,
        // as `за последние сутки` is; `за сутки до голосования` counts back from something
        // else and is no window.
        if self.is(i, &["за"]) && self.is(i + 1, &["сутки"]) && !self.is(i + 2, &["до"]) {
            let (amount, unit, end) = self.amount(i + 1, true)?;
            return Some((Expr::Window { amount, unit, back: true }, end));
        }
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
                || w.starts_with("истекш")
                || w.starts_with("прошл") =>
            {
                true
            }
            w if w.starts_with("ближайш") || w.starts_with("следующ") || w.starts_with("последующ") => {
                false
            }
            _ => return None,
        };
        // A bare `последние 10 дней` is a window too, but not `последние 10 дней марта`
        // (the end of a month) nor `последние 2 года жизни`-style parts of something named after.
        let bare = k == i && back && !self.w(k).starts_with("прошл");
        let plural = matches!(
            self.w(k),
            "последних"
                | "минувших"
                | "прошедших"
                | "истекших"
                | "истекшие"
                | "последующих"
                | "последующие"
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
                | "минувшую"
                | "минувший"
                | "прошедшую"
                | "прошедший"
                | "истекшую"
                | "истекший"
        );
        if !plural {
            return None;
        }
        // `за минувшую неделю`, `за прошедший месяц` in a report: the unit up to
        // now, as `за последнюю неделю`; bare, `минувшую неделю` is that calendar week.
        if k == i && self.is(k, &["минувшую", "минувший", "прошедшую", "прошедший", "истекшую", "истекший"])
        {
            return None;
        }
        let (amount, unit, end) = self.amount(k + 1, true)?;
        if bare && self.class(end) & super::first::MEANING != 0 {
            return None;
        }
        // `в последнюю неделю`, `в последний месяц`: a singular window of a week or longer
        // (or an hour) after `в`; `в последний день` is a day of something named after it.
        if self.is(k, &["последнюю", "последний"])
            && k == i
            && (!self.prev_is(i, &["в", "во"]) || !matches!(unit, Unit::Hour | Unit::Week | Unit::Month | Unit::Year))
        {
            return None;
        }
        Some((Expr::Window { amount, unit, back }, end))
    }

    /// Vague references: `недавно`, `в последнее время`, `в последние дни`, `несколько дней
    /// назад` (PAST_REF); `в ближайшее время`, `в скором времени`, `в ближайшие дни`, `через
    /// несколько дней` (FUTURE_REF).
    pub(super) fn vague(&self, i: usize) -> M {
        let plural_unit = |k: usize| self.is(k, &["дни", "недели", "месяцы", "годы", "часы"]);
        if let Some(found) = self.vague_amount(i) {
            return Some(found);
        }
        match self.w(i) {
            "недавно" => return Some((Expr::Recently, i + 1)),
            "в" | "во" => {
                return match self.w(i + 1) {
                    "ближайшее" if self.is(i + 2, &["время"]) => Some((Expr::Soon, i + 3)),
                    "скором" if self.is(i + 2, &["времени"]) => Some((Expr::Soon, i + 3)),
                    "последнее" if self.is(i + 2, &["время"]) => Some((Expr::Recently, i + 3)),
                    "ближайшие" | "последующие" if plural_unit(i + 2) => Some((Expr::Soon, i + 3)),
                    // `в эти дни`: the present.
                    "эти" if self.is(i + 2, &["дни"]) => Some((Expr::Present, i + 3)),
                    "последние" if plural_unit(i + 2) => Some((Expr::Recently, i + 3)),
                    // `в ближайшем будущем`, `в недалеком прошлом`.
                    w if VAGUE_TIME_ADJECTIVES.contains(&w) => match self.w(i + 2) {
                        "будущем" => Some((Expr::Soon, i + 3)),
                        "прошлом" => Some((Expr::Recently, i + 3)),
                        _ => None,
                    },
                    // `в будущем`, `в прошлом` alone: not `в прошлом году` nor `в будущем сезоне`.
                    "будущем" if self.stands_alone(i + 2) => Some((Expr::Soon, i + 2)),
                    "прошлом" if self.stands_alone(i + 2) => Some((Expr::Recently, i + 2)),
                    // `и в дальнейшем соблюдать`: from now on.
                    "дальнейшем" if self.stands_alone(i + 2) => Some((Expr::Soon, i + 2)),
                    _ => None,
                };
            }
            _ => {}
        }
        let later = self.lex(i).contains(&Lex::Later) && self.is(i, &["через"]);
        let k = if later { i + 1 } else { i };
        if !self.is(k, &["несколько", "нескольких"]) {
            return None;
        }
        self.find(k + 1, |l| if let Lex::Unit(u) = l { Some(*u) } else { None })?;
        if later {
            return Some((Expr::Soon, k + 2));
        }
        if self.is(k + 2, &["назад"]) {
            return Some((Expr::Recently, k + 3));
        }
        None
    }

    /// Does nothing that `в будущем` / `в прошлом` could qualify follow at `k`: the end, a
    /// punctuation mark, a verb form, or a word of [`ALONE_FOLLOWERS`] (`в будущем они`)?
    /// A dash between spaces ends the phrase too; a hyphen touching it does not.
    fn stands_alone(&self, k: usize) -> bool {
        match self.tok(k) {
            None => true,
            Some(t) if t.kind != crate::text::TokenKind::Word => self.w(k) != "-" || t.gap != Gap::None,
            // `в будущем страны` is a noun's future: a word the lexicon knows as no verb is no verb.
            Some(_) => {
                let lex = self.lex(k);
                self.is(k, ALONE_FOLLOWERS)
                    || lex.iter().any(|l| matches!(l, Lex::Future | Lex::Past))
                    || (lex.is_empty() && verb_like(self.w(k)))
            }
        }
    }

    /// An unspecified number of units: `в течение нескольких часов`, `на протяжении многих
    /// лет`, `за несколько недель`, `за многие годы`, and a bare `несколько дней` that no
    /// `назад` follows and no `через` precedes (those are references: [`P::vague`]).
    fn vague_amount(&self, i: usize) -> M {
        let (k, words): (usize, &[&str]) = match self.w(i) {
            "в" if self.is(i + 1, &["течение"]) => (i + 2, &["нескольких", "многих"]),
            "на" if self.is(i + 1, &["протяжении"]) => (i + 2, &["нескольких", "многих"]),
            "за" => (i + 1, &["несколько", "многие"]),
            "несколько" if !self.prev_is(i, &["через", "за", "на"]) => (i, &["несколько"]),
            _ => return None,
        };
        if !self.is(k, words) || self.is(k + 2, &["назад"]) {
            return None;
        }
        let unit = self.find(k + 1, |l| if let Lex::Unit(u) = l { Some(*u) } else { None })?;
        // `несколько часов` in the genitive plural, `многие годы`: plural forms only (not
        // the hour letter `ч`, not `за несколько дня` typos).
        if !self.is(k + 1, VAGUE_UNIT_FORMS) {
            return None;
        }
        Some((Expr::VagueDuration(unit), k + 2))
    }

    /// Is the amount of years at `i..end` an age (`в возрасте 47 лет`, `в 12 лет`, `старше
    /// 65 лет`, `детей до 14 лет`, `65 лет и старше`), not a duration?
    fn is_age(&self, i: usize, end: usize) -> bool {
        if self.is(end, &["и"]) && self.is(end + 1, AGE_AFTER) {
            return true;
        }
        if i <= self.lo {
            return false;
        }
        let before = i - 1;
        if self.is(before, AGE_BEFORE) || (self.is(before, &["в", "во"]) && !self.is(i, &["течение"])) {
            return true;
        }
        // `ему исполнилось 25 лет`; not `исполнилось 30 лет со дня независимости`.
        if self.is(before, AGE_VERBS) && !self.is(end, &["с", "со"]) {
            return true;
        }
        // `мальчик 12 лет`, `в свои 80 лет`.
        if self.is(before, AGE_PERSONS) {
            return true;
        }
        // `подростков 12–17 лет`, `детям 6-11 лет`: a range of years after those who have an age.
        if self.count_range_end(i + 1, 0).is_some() && self.is(before, AGE_HOLDERS) {
            return true;
        }
        if !self.is(before, &["до", "от", "с"]) {
            return false;
        }
        // `от 18 до 60 лет`: skip the first end.
        let mut b = before;
        if self.is(b, &["до"]) && b >= self.lo + 2 && self.num(b - 1).is_some() && self.is(b - 2, &["от", "с"]) {
            b -= 2;
        }
        // `детей до 14 лет`; `возраст для мужчин составляет до 63 лет`.
        (b > self.lo && self.is(b - 1, AGE_HOLDERS))
            || (1..=4).any(|back| b >= self.lo + back && self.w(b - back).starts_with("возраст"))
    }

    /// `сейчас`, `в настоящее время`, `на данный момент`, `на днях`, `накануне`, `тогда же`.
    pub(super) fn present_and_anaphora(&self, i: usize) -> M {
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
                // `накануне вечером`: that part of the day before.
                None => match self.part_word(i + 1).filter(|_| !self.is(i + 1, &["утро", "вечер", "ночь"]))
                {
                    Some(part) => Some((Expr::PartOfDay(Some(Expr::DayBefore(None).boxed()), part), i + 2)),
                    None => Some((Expr::DayBefore(None), i + 1)),
                },
            },
            // `в канун Нового года`, `в канун 9 Мая`: the day before; nothing alone.
            "канун" => {
                let (e, end) = longest(self.day_like(i + 1), self.holiday(i + 1))?;
                Some((Expr::DayBefore(Some(e.boxed())), end))
            }
            "за" if self.is(i + 1, &["день"]) && self.is(i + 2, &["до"]) && self.is(i + 3, &["этого", "того"]) => {
                Some((Expr::Anaphor(-1), i + 4))
            }
            _ => None,
        }
    }

    /// `третью неделю подряд`, `уже второй месяц`, `вторые сутки`: the count of a unit
    /// still running, as long as its ordinal says. Not after a preposition (`на вторые
    /// сутки`, `в третий день` name a day).
    fn running_count(&self, i: usize) -> M {
        let n = self.find(i, |l| match l {
            Lex::Number(NumberWord::Ordinal(n @ 2..=99)) => Some(*n),
            _ => None,
        })?;
        if !self.is(i + 1, RUNNING_UNIT_FORMS) {
            return None;
        }
        let u = self.find(i + 1, |l| if let Lex::Unit(u) = l { Some(*u) } else { None })?;
        let in_a_row = self.is(i + 2, &["подряд"]);
        let free = !self.prev_is(i, &["на", "в", "во", "к", "ко", "до", "с", "со", "через", "за", "после", "по"]);
        if !(in_a_row || self.prev_is(i, &["уже"]) || (self.is(i + 1, &["сутки"]) && free)) {
            return None;
        }
        Some((Expr::amount(u, n)?, if in_a_row { i + 3 } else { i + 2 }))
    }

    /// `девять месяцев 2021 года`, `за 11 месяцев 2020 года`: the first months of a year
    /// written after them, as a range of months.
    fn months_of_year(&self, amount: Duration, end: usize) -> M {
        let months = Duration { months: amount.months, ..Duration::default() };
        if amount != months || !(1..=12).contains(&amount.months) {
            return None;
        }
        let (year, end) = self.year_with_word(end)?;
        let month = |m: u32| Expr::Date { day: None, month: m, year: Some(year) };
        Some((Expr::Range(month(1).boxed(), month(amount.months).boxed()), end))
    }

    /// `на 14 дней`, `в течение двух недель`, `двухнедельный`, `14-дневный`.
    ///
    /// `amount_at` is as for [`P::offset`].
    pub(super) fn duration(&self, i: usize, amount_at: &AmountAt) -> M {
        if let Some(found) = self.running_count(i) {
            return Some(found);
        }
        if self.is(i, &["в"]) && self.is(i + 1, &["течение"]) {
            // `в течение суток`, `в течение года`: one unit, in the genitive.
            if matches!(self.w(i + 2), "суток" | "дня" | "недели" | "месяца" | "года" | "часа" | "минуты" | "квартала")
            {
                let u = self.find(i + 2, |l| if let Lex::Unit(u) = l { Some(*u) } else { None })?;
                return Some((Expr::Duration(Duration::one(u)), i + 3));
            }
            let (amount, _, end) = self.amount(i + 2, true)?;
            return Some((Expr::Duration(amount), end));
        }
        if let Some((n, d)) = self.num(i) {
            if d <= 3 && self.hyphen(i + 1) && self.touching(i + 1) {
                if let Some(u) = duration_adjective_unit(self.w(i + 2)) {
                    return Some((Expr::amount(u, n)?, i + 3));
                }
            }
        }
        if let Some((n, u)) = duration_adjective(self.w(i)) {
            return Some((Expr::amount(u, n)?, i + 1));
        }
        // Whether a bare unit counts matters only to a first token with no count (`неделю`):
        // the amount that starts at a number is the same either way (a number has no
        // lexicon entries, so `P::count_unit` reads it as the count before it looks at the
        // flag, which only the first count sees), and `amount_at` may already hold it.
        let counted = self.num(i).is_some();
        let bare = !counted
            && (self.prev_is(i, &["на", "за", "течение", "целый", "целую", "целые", "весь", "всю"])
                || self.prev_is(i, APPROXIMATORS));
        let amount =
            if counted || bare { *amount_at.get_or_init(|| self.amount(i, true)) } else { self.amount(i, false) };
        let (amount, _, end) = amount?;
        if let Some(found) = self.months_of_year(amount, end) {
            return Some(found);
        }
        // An age is not a duration: the words are consumed and nothing is emitted.
        let years_only = Duration { years: amount.years, ..Duration::default() };
        if amount.years > 0 && years_only == amount && self.is_age(i, end) {
            return Some((Expr::Invalid, end));
        }
        Some((Expr::Duration(amount), end))
    }
}
