//! The Kazakh temporal grammar: patterns over tokens that produce the same [`Expr`]s as the
//! Russian grammar, so that resolution, events and output need nothing of their own.
//!
//! Kazakh puts the case on the last word and the bound after it: `16 наурыздан бастап` (from
//! 16 March), `15 сәуірге дейін` (until 15 April), `екі аптадан кейін` (in two weeks). So
//! every core rule returns the case of its last word, and [`P::at`] reads the postposition
//! that follows it. Span rule: a match covers its postposition (`бастап`, `дейін`, `кейін`,
//! `бұрын`, `бойы`, `аралығында`, `сайын`).
//!
//! Numbers are dates only in a date's company: a day needs a month word (`16 наурыз`), a
//! year a year word (`2020 жылы`, `2020 ж.`), a clock time `сағат` or a colon (`сағат 10-да`,
//! `10:00-де`); `16 адам`, `2020 теңге`, `5 облыс` are no dates.

use super::lexicon::{lookup, Lex, Word, MAUSYM_SEASON_BEFORE, SCHOOL_STEMS};
use super::morph::{number_suffix, Case, Form};
use super::tense;
use crate::expr::{Base, Clock, Expr, Feast, Found, Portion, Tense, YearRef};
use crate::lang::{Dates, Window};
use crate::mention::Mod;
use crate::text::{TokenKind, Tokens};
use crate::value::{Duration, PartOfDay, Unit, Value};
use once_cell::sync::Lazy;
use std::cell::Cell;
use std::collections::HashSet;
use std::ops::Range;

/// The Kazakh reader of temporal expressions, sentence by sentence.
#[derive(Clone, Debug, Default)]
pub struct Scanner {
    /// The token range of the sentence last scanned.
    sentence: Range<usize>,
    /// What each of its tokens means to the lexicon.
    lex: Vec<&'static [Lex]>,
    /// The Russian reader, for a quote in Russian inside a Kazakh sentence.
    russian: crate::lang::ru::grammar::Scanner,
    /// The tokens of the quote the Russian reader read last (its tense is the quote's).
    quote: Range<usize>,
    /// The first tokens of the expressions in the dative with no postposition before a verb
    /// that sends a thing to a time: a target (`концерт күзге ауыстырылды`, the concert was
    /// moved to the autumn), which points forward whatever the verb's tense.
    targets: Vec<usize>,
}

/// The letters Kazakh has and Russian does not.
const KAZAKH_LETTERS: &str = "әғқңөұүһі";

/// Letters of Russian that Kazakh writes in loanwords only, and Russian's one-letter words.
const RUSSIAN_LETTERS: &str = "ёцчщъьэю";
const RUSSIAN_ONE_LETTER: &[&str] = &["в", "с", "и", "к", "о", "у"];

/// Quote marks: an opening one and the marks that close it.
const QUOTES: &[(&str, &[&str])] = &[("«", &["»"]), ("“", &["”", "“"]), ("„", &["“", "”"]), ("\"", &["\""])];

/// The quotes that may be in Russian in `lo..hi`: the token ranges inside their marks, in
/// text order, and whether they surely are. A quote may be Russian when it has two words or
/// more and no word of it has a Kazakh letter; it surely is when one has a letter only
/// Russian uses or is a one-letter Russian word (`«Вакцинация начнётся в феврале», – деді`).
/// Only a Kazakh sentence quotes: one with a Kazakh letter outside its quotes (a sentence
/// all in Russian read as Kazakh stays Kazakh).
fn russian_quotes(tokens: &Tokens, lo: usize, hi: usize, out: &mut Vec<(Range<usize>, bool)>) {
    let start = out.len();
    let mut outside = false;
    let mut i = lo;
    while i < hi {
        let Some(close) = QUOTES.iter().find(|q| q.0 == tokens.norm(i)).map(|q| q.1) else {
            outside |= tokens.norm(i).chars().any(|c| KAZAKH_LETTERS.contains(c));
            i += 1;
            continue;
        };
        let Some(end) = (i + 1..hi).find(|&k| close.contains(&tokens.norm(k))) else {
            outside |= (i..hi).any(|k| tokens.norm(k).chars().any(|c| KAZAKH_LETTERS.contains(c)));
            break;
        };
        let words = || (i + 1..end).filter(|&k| tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word));
        let kazakh = words().any(|k| tokens.norm(k).chars().any(|c| KAZAKH_LETTERS.contains(c)));
        let russian = words().any(|k| {
            let w = tokens.norm(k);
            w.chars().any(|c| RUSSIAN_LETTERS.contains(c)) || RUSSIAN_ONE_LETTER.contains(&w)
        });
        if !kazakh && words().count() >= 2 {
            out.push((i + 1..end, russian));
        } else {
            outside |= kazakh;
        }
        i = end + 1;
    }
    if !outside {
        out.truncate(start);
    }
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
        self.lex.clear();
        for i in lo..hi {
            let meaning = match tokens.get(i) {
                Some(t) if t.kind == TokenKind::Word => lookup(tokens.norm(i)),
                _ => &[],
            };
            self.lex.push(meaning);
        }
        let p = P { win: Window { t: tokens, lex: &self.lex, lo, hi }, target: Cell::new(false) };
        self.targets.clear();
        let mut quotes = Vec::new();
        russian_quotes(tokens, lo, hi, &mut quotes);
        self.quote = 0..0;
        let base = out.len();
        let mut sure = quotes.iter().filter(|q| q.1).map(|q| q.0.clone()).peekable();
        // The last verb that sends a thing to a time, read once when a target needs it.
        let mut sending: Option<Option<usize>> = None;
        let mut i = lo;
        while i < hi {
            // A quote surely in Russian is read by the Russian grammar.
            if let Some(q) = sure.next_if(|q| q.start <= i) {
                if q.start == i {
                    self.russian.scan(tokens, q.clone(), out);
                    i = q.end;
                    self.quote = q;
                    continue;
                }
            }
            p.target.set(false);
            match p.at(i) {
                Some(found) if found.tokens.end > i => {
                    i = found.tokens.end;
                    if !found.expr.contains_invalid() {
                        let last = found.tokens.end.saturating_sub(1);
                        if p.target.get()
                            && found.modifier.is_none()
                            && sending
                                .get_or_insert_with(|| tense::last_sending(tokens, lo..hi))
                                .is_some_and(|v| v > last)
                        {
                            self.targets.push(found.tokens.start);
                        }
                        out.push(found);
                    }
                }
                _ => i += 1,
            }
        }
        // A quote that may be Russian, where the Kazakh grammar found nothing, is read by
        // the Russian one (`«Карантин продлится до 15 апреля» деп мәлімдеді`).
        let mut added = false;
        for (q, _) in quotes.into_iter().filter(|q| !q.1) {
            let read = out.get(base..).unwrap_or(&[]).iter().any(|f| f.tokens.start < q.end && q.start < f.tokens.end);
            if !read {
                let before = out.len();
                self.russian.scan(tokens, q.clone(), out);
                added |= out.len() > before;
                // The Russian reader's tense is of the quote it read last.
                self.quote = q;
            }
        }
        if added {
            if let Some(found) = out.get_mut(base..) {
                found.sort_by_key(|f| f.tokens.start);
            }
        }
    }

    /// The tense of the clause around token `at` of the sentence last scanned (inside the
    /// last quote in Russian, the quote's own, by the Russian cues).
    pub fn tense_at(&mut self, tokens: &Tokens, at: usize) -> Option<Tense> {
        if self.targets.contains(&at) {
            return Some(Tense::Future);
        }
        if self.quote.contains(&at) {
            if let Some(t) = self.russian.tense_at(tokens, at) {
                return Some(t);
            }
        }
        tense::tense_at(tokens, self.sentence.clone(), at)
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

/// A core match: the expression, the index after it, and the form of its last word.
type M = Option<(Expr, usize, Form)>;

fn longest(a: M, b: M) -> M {
    match (&a, &b) {
        (Some((_, x, _)), Some((_, y, _))) if y > x => b,
        (None, _) => b,
        _ => a,
    }
}

fn plain(case: Case) -> Form {
    Form { case, possessive: false, plural: false }
}

/// Fixed holidays: the words before the last, the last word's stem (any of its forms), and
/// the month and days (first, last), as the Russian table has them.
const HOLIDAYS: &[(&[&str], &str, u32, u32, u32)] = &[
    (&["жаңа"], "жыл", 1, 1, 1),
    (&["наурыз"], "мейрам", 3, 21, 23),
    (&["наурыз"], "мереке", 3, 21, 23),
    (&["наурыз"], "той", 3, 21, 23),
    (&["ұлыстың", "ұлы"], "күн", 3, 21, 23),
    (&["халықаралық", "әйелдер"], "күн", 3, 8, 8),
    (&["халықаралық", "әйелдер"], "мереке", 3, 8, 8),
    (&["алғыс", "айту"], "күн", 3, 1, 1),
    (&["қазақстан", "халқының", "бірлігі"], "күн", 5, 1, 1),
    (&["бірлік"], "күн", 5, 1, 1),
    (&["отан", "қорғаушы"], "күн", 5, 7, 7),
    (&["отан", "қорғаушылар"], "күн", 5, 7, 7),
    (&["жеңіс"], "күн", 5, 9, 9),
    (&["астана"], "күн", 7, 6, 6),
    (&["елорда"], "күн", 7, 6, 6),
    (&["конституция"], "күн", 8, 30, 30),
    (&["білім"], "күн", 9, 1, 1),
    (&["республика"], "күн", 10, 25, 25),
    (&["тәуелсіздік"], "күн", 12, 16, 16),
];

/// The forms of `жартыжылдық` (a half-year) a half reads.
static HALF_YEAR_FORMS: Lazy<Vec<(String, Form)>> = Lazy::new(|| super::morph::forms("жартыжылдық", false));

/// Holidays whose date moves: the first word and the last word's stem.
const MOVING: &[(&str, &str, Feast)] = &[("құрбан", "айт", Feast::EidAlAdha), ("ораза", "айт", Feast::EidAlFitr)];

/// Every form of a stem, for the last word of a holiday's name.
static HOLIDAY_FORMS: Lazy<HashSet<(String, String)>> = Lazy::new(|| {
    let mut set = HashSet::new();
    for stem in HOLIDAYS.iter().map(|h| h.1).chain(MOVING.iter().map(|m| m.1)) {
        set.insert((stem.to_string(), stem.to_string()));
        for (form, _) in super::morph::forms(stem, false) {
            set.insert((stem.to_string(), form));
        }
    }
    set
});

struct P<'a> {
    win: Window<'a, Lex>,
    /// Set when the last match ends in a bare dative (a target).
    target: Cell<bool>,
}

impl<'a> std::ops::Deref for P<'a> {
    type Target = Window<'a, Lex>;
    fn deref(&self) -> &Window<'a, Lex> {
        &self.win
    }
}

impl<'a> P<'a> {
    /// A hyphen touching the tokens on both sides (`16-сы`).
    fn joined_hyphen(&self, i: usize) -> bool {
        self.w(i) == "-" && self.touching(i) && self.touching(i + 1)
    }

    /// A suffix written after a number with a hyphen (`-сы`, `-да`, `-ге`): its form and
    /// the index after it; no suffix gives the bare form at `i`.
    fn suffix(&self, i: usize) -> (Form, usize, bool) {
        if self.joined_hyphen(i) {
            if let Some(form) = number_suffix(self.w(i + 1)) {
                return (form, i + 2, true);
            }
        }
        // `16сы`: a suffix touching the number directly.
        if self.touching(i) && self.tok(i).is_some_and(|t| t.kind == TokenKind::Word) {
            if let Some(form) = number_suffix(self.w(i)) {
                return (form, i + 1, true);
            }
        }
        (Form::NOM, i, false)
    }

    fn month(&self, i: usize) -> Option<(u32, Form)> {
        // `Қазан` written with a capital inside a sentence is the city, not October.
        if i > self.lo && self.tok(i).is_some_and(|t| t.capitalized) && self.w(i).starts_with("қазан") {
            return None;
        }
        // `маусымдық` (seasonal) is no month.
        let (m, form) = self.find(i, |l| match l.word {
            Word::Month(m) if !l.form.plural && l.form.case != Case::Measure => Some((m, l.form)),
            _ => None,
        })?;
        if m == 6 && self.mausym_is_season(i, form) {
            return None;
        }
        Some((m, form))
    }

    /// Is the `маусым` at `i` the season, not June? After a day number it is June (`25
    /// маусымында`); in the possessive (`маусымы`, `маусымында`) it is June only after its
    /// possessor, a genitive (`2020 жылдың маусымында`), since `егіс маусымы` is the sowing
    /// season; in any form it is the season after a word of [`MAUSYM_SEASON_BEFORE`]
    /// (`туристік маусымда`).
    fn mausym_is_season(&self, i: usize, form: Form) -> bool {
        if i <= self.lo {
            return false;
        }
        match self.tok(i - 1) {
            Some(t) if t.kind == TokenKind::Word => {}
            _ => return false,
        }
        let before = self.w(i - 1);
        (form.possessive && !is_genitive(before)) || MAUSYM_SEASON_BEFORE.contains(&before)
    }

    fn unit(&self, i: usize) -> Option<(Unit, Form)> {
        self.find(i, |l| match l.word {
            Word::Unit(u) => Some((u, l.form)),
            _ => None,
        })
    }

    fn unit_is(&self, i: usize, unit: Unit, possessive: bool) -> Option<Form> {
        self.find(i, |l| {
            (l.word == Word::Unit(unit) && l.form.possessive == possessive && !l.form.plural).then_some(l.form)
        })
    }

    /// The `сағат` of a clock time or the `ай` of `наурыз айы`: the stem itself.
    fn is_stem(&self, i: usize, stem: &str) -> bool {
        self.w(i) == stem
    }

    /// `16 наурыз күні`: a possessive `күн` after a day (its form), or None.
    fn day_noun(&self, i: usize) -> Option<Form> {
        if self.w(i).starts_with("күн") {
            return self.unit_is(i, Unit::Day, true);
        }
        None
    }

    /// Cardinal number words (`жиырма бес`, `екі мың`): the value, the index after them and
    /// the last word's form.
    fn number_words(&self, i: usize) -> Option<(u32, usize, Form)> {
        let mut total: u32 = 0;
        let mut current: u32 = 0;
        let mut k = i;
        let mut form = Form::NOM;
        while let Some((v, f)) = self.find(k, |l| match l.word {
            Word::Number(v) if !l.form.possessive || l.form.case == Case::Nom => Some((v, l.form)),
            _ => None,
        }) {
            match v {
                1000 => {
                    total = total.saturating_add(current.max(1).saturating_mul(1000));
                    current = 0;
                }
                100 => current = current.max(1).saturating_mul(100),
                v => current = current.saturating_add(v),
            }
            form = f;
            k += 1;
            if f != Form::NOM {
                break;
            }
        }
        (k > i).then_some((total.saturating_add(current), k, form))
    }

    /// Everything that can start at `i`, with its postpositions.
    fn at(&self, i: usize) -> Option<Found> {
        let found = |expr, end, modifier| Some(Found { tokens: i..end, expr, modifier });
        // `осыдан 3 күн бұрын`, `бұдан екі жыл бұрын`.
        if self.is(i, &["осыдан", "бұдан", "будан"]) {
            if let Some((Expr::Duration(d), end, form)) = self.core(i + 1) {
                if form.case == Case::Nom && self.is(end, &["бұрын"]) {
                    return found(offset(d, -1, Base::Publication)?, end + 1, None);
                }
            }
        }
        // `16-22 наурыз`, `2020-2021 жылдары`: a bare number, a hyphen and an end.
        let (a, k, form) = match self.bare_range(i) {
            Some(r) => r,
            None => self.core(i)?,
        };
        self.postposition(i, a, k, form)
    }

    /// What follows a core match: a bound, a range's second end, an offset's direction.
    fn postposition(&self, i: usize, a: Expr, k: usize, form: Form) -> Option<Found> {
        let found = |expr, end, modifier| Some(Found { tokens: i..end, expr, modifier });
        let between = |end: usize| {
            if self.is(end, &["аралығында", "аралығы", "аралықта", "аралығындағы"])
            {
                end + 1
            } else {
                end
            }
        };
        let is_duration = matches!(a, Expr::Duration(_));
        match form.case {
            Case::Abl => {
                let from = self.is(k, &["бастап", "бері", "басталып"]);
                let j = if from { k + 1 } else { k };
                // `16 наурыздан (бастап) 15 сәуірге дейін`.
                if !is_duration {
                    if let Some((b, end, bform)) = self.second_end(j, &a) {
                        if bform.case == Case::Dat && self.is(end, &["дейін", "шейін", "дейінгі"]) {
                            if let Some(range) = Expr::range(a.clone(), b) {
                                return found(range, between(end + 1), None);
                            }
                        }
                    }
                }
                if from && !is_duration {
                    return found(a, k + 1, Some(Mod::OnOrAfter));
                }
                if self.is(k, &["кейін", "соң", "кейінгі"]) {
                    return match a {
                        Expr::Duration(d) => found(offset(d, 1, Base::Publication)?, k + 1, None),
                        a => found(a, k + 1, Some(Mod::After)),
                    };
                }
                if self.is(k, &["бұрын", "бұрынғы", "ерте"]) && !is_duration {
                    return found(a, k + 1, Some(Mod::Before));
                }
                // `екі аптадан бері`: for two weeks now.
                if is_duration && self.is(k, &["бері"]) {
                    return found(a, k + 1, None);
                }
                if is_duration {
                    return None;
                }
                found(a, k, None)
            }
            Case::Dat => {
                if self.is(k, &["дейін", "шейін", "дейінгі", "шейінгі"]) {
                    return found(a, k + 1, Some(Mod::Before));
                }
                if self.is(k, &["таман", "қарай"]) && !is_duration {
                    return found(a, k + 1, Some(Mod::OnOrBefore));
                }
                // A target points forward; a comparison (`1 наурызға қарағанда`) does not.
                if !is_duration && !self.is(k, &["қарағанда", "салыстырғанда"]) {
                    self.target.set(true);
                }
                found(a, k, None)
            }
            Case::Nom if !form.possessive || matches!(a, Expr::Range(..)) => {
                if let Expr::Duration(d) = a {
                    if self.is(k, &["бұрын", "бұрынғы"]) {
                        return found(offset(d, -1, Base::Publication)?, k + 1, None);
                    }
                    // `екі апта өткен соң`: some time after the latest date mentioned.
                    if self.is(k, &["өткен"]) && self.is(k + 1, &["соң", "кейін"]) {
                        return found(offset(d, 1, Base::Previous)?, k + 2, None);
                    }
                    if self.is(k, &["өткеннен"]) && self.is(k + 1, &["кейін", "соң"]) {
                        return found(offset(d, 1, Base::Previous)?, k + 2, None);
                    }
                    if self.is(k, &["бойы", "бойына", "ішінде", "көлемінде", "мерзімге", "мерзімде"])
                    {
                        return found(Expr::Duration(d), k + 1, None);
                    }
                    if self.is(k, &["сайын", "сайынғы"]) {
                        return found(Expr::Set(Value::Duration(d)), k + 1, None);
                    }
                    return found(Expr::Duration(d), k, None);
                }
                // `16 наурыз – 15 сәуір аралығында`, `16.03.2020 – 15.04.2020 аралығында`,
                // `13:00-14:00`: two ends joined by a dash.
                if self.is(k, &["-", "–", "—"]) && !matches!(a, Expr::Range(..)) {
                    if let Some((b, end, bform)) = self.second_end(k + 1, &a) {
                        let clocks = matches!((&a, &b), (Expr::Clock(_), Expr::Clock(_)));
                        let joined = clocks || bform.case == Case::Loc || between(end) > end;
                        if joined && !bform.possessive && matches!(bform.case, Case::Nom | Case::Loc) {
                            if let Some(range) = Expr::range(a.clone(), b) {
                                return found(range, between(end), None);
                            }
                        }
                    }
                }
                // `16 наурыз бен 22 наурыз аралығында`.
                if self.is(k, &["мен", "бен", "пен"]) {
                    if let Some((b, end, _)) = self.second_end(k + 1, &a) {
                        if self.is(end, &["аралығында", "аралығы", "аралықта", "аралығындағы"])
                        {
                            if let Some(range) = Expr::range(a.clone(), b) {
                                return found(range, end + 1, None);
                            }
                        }
                    }
                }
                found(a.clone(), between(k), None).map(|f| {
                    if matches!(a, Expr::Range(..)) {
                        f
                    } else {
                        Found { tokens: i..k, ..f }
                    }
                })
            }
            // `наурыздың 16-сы мен 22-сі аралығында`.
            Case::Nom => {
                if let Expr::Date { day: Some(_), month, year } = a {
                    if self.is(k, &["мен", "бен", "пен"]) {
                        if let Some((n, d)) = self.num(k + 1) {
                            let (f, end, _) = self.suffix(k + 2);
                            if d <= 2
                                && f.possessive
                                && self.is(end, &["аралығында", "аралығы", "аралықта", "аралығындағы"])
                            {
                                if let Some(range) = Expr::range(a.clone(), day_expr(Some(n), month, year)) {
                                    return found(range, end + 1, None);
                                }
                            }
                        }
                    }
                }
                found(a, k, None)
            }
            _ => found(a, k, None),
        }
    }

    /// The second end of a range after `a`: any core, or a bare hour after a clock time
    /// (`сағат 10-нан 18-ге дейін`).
    fn second_end(&self, j: usize, a: &Expr) -> M {
        let core = self.core(j);
        // `тамыздың 1-інен 15-іне дейін`: a day of the same month, by its possessive.
        if let Expr::Date { day: Some(_), month, year } = a {
            if let Some((n, d)) = self.num(j) {
                let (form, end, _) = self.suffix(j + 1);
                if d <= 2 && form.possessive && form.case != Case::Nom && *month > 0 {
                    return longest(core, Some((day_expr(Some(n), *month, *year), end, form)));
                }
            }
        }
        if a.has_clock() {
            if let Some((n, d)) = self.num(j) {
                let (form, end, suffixed) = self.suffix(j + 1);
                if d <= 2 && n <= 24 && suffixed && !form.possessive {
                    return longest(core, Some((Expr::Clock(Clock { hour: n, minute: 0, second: None }), end, form)));
                }
            }
        }
        core
    }

    /// `16-22 наурыз`, `2020-2021 жылдары`, `9:00-18:00`.
    fn bare_range(&self, i: usize) -> M {
        // `2021 жылғы 1-30 қыркүйек`: a written year before the range is both ends' year.
        if let Some((y, j)) = self.year_prefix(i) {
            if let Some((Expr::Range(a, b), end, form)) = self.bare_range(j) {
                if let (Expr::Date { day: d1, month: m1, year: None }, Expr::Date { day: d2, month: m2, year: None }) =
                    (*a, *b)
                {
                    let a = day_expr(d1, m1, Some(y));
                    let b = day_expr(d2, m2, Some(y));
                    return Some((Expr::Range(a.boxed(), b.boxed()), end, form));
                }
            }
            return None;
        }
        let (n, d) = self.num(i)?;
        if !self.is(i + 1, &["-"]) || self.num(i + 2).is_none() {
            return None;
        }
        let (b, end, form) = self.core(i + 2)?;
        if d == 4 {
            if let Expr::Year(y) = b {
                return Some((
                    Expr::Range(Expr::Year(YearRef::Absolute(n as i32)).boxed(), Expr::Year(y).boxed()),
                    end,
                    form,
                ));
            }
            return None;
        }
        if d > 2 || n > 31 || self.touching(i + 2) && self.num(i + 2).is_some_and(|(_, d)| d == 4) {
            return None;
        }
        let range = Expr::range(Expr::Date { day: Some(n), month: 0, year: None }, b)?;
        Some((range, end, form))
    }

    /// Every core rule at `i`; the longest wins (the first tried on a tie).
    fn core(&self, i: usize) -> M {
        if i >= self.hi {
            return None;
        }
        let mut best = None;
        best = longest(best, self.numeric_date(i));
        best = longest(best, self.date(i));
        best = longest(best, self.year(i));
        best = longest(best, self.portion(i));
        best = longest(best, self.clock(i));
        best = longest(best, self.deictic(i));
        best = longest(best, self.weekday(i));
        best = longest(best, self.shifted(i));
        best = longest(best, self.window(i));
        best = longest(best, self.set(i));
        best = longest(best, self.part_of_day(i));
        best = longest(best, self.holiday(i));
        best = longest(best, self.present(i));
        best = longest(best, self.amount(i));
        best = longest(best, self.season(i));
        best = longest(best, self.quarter(i));
        best = longest(best, self.weekend(i));
        best = longest(best, self.vague(i));
        // A day may take a part of the day or a clock time after it.
        if let Some((day, end, form)) = best.clone() {
            if matches!(day, Expr::Date { day: Some(_), .. } | Expr::Deictic(_) | Expr::Weekday { .. })
                && (form.case == Case::Nom || form.case == Case::Loc)
            {
                if let Some((Expr::Clock(c), e, f)) = self.clock(end) {
                    return Some((Expr::At(day.boxed(), c), e, f));
                }
                if let Some((Expr::PartOfDay(None, p), e, f)) = self.part_of_day(end) {
                    // `бүгін таңертең сағат 9-да`.
                    if let Some((Expr::Clock(c), e2, f2)) = self.clock(e) {
                        return Some((Expr::At(day.boxed(), c), e2, f2));
                    }
                    return Some((Expr::PartOfDay(Some(day.boxed()), p), e, f));
                }
            }
        }
        best
    }

    /// A written year before a day or a month: `2020 жылғы`, `2020 жылдың`, `2020 ж.`,
    /// `2020 жылы`, `биыл`, `биылғы`, `өткен жылғы`; the year and the index after it.
    fn year_prefix(&self, i: usize) -> Option<(YearRef, usize)> {
        if let Some((n, 4)) = self.num(i) {
            if !(1900..=2100).contains(&n) {
                return None;
            }
            let j = if self.joined_hyphen(i + 1) { i + 2 } else { i + 1 };
            if self.is(j, &["ж", "жж"]) {
                let end = if self.is(j + 1, &["."]) && self.touching(j + 1) { j + 2 } else { j + 1 };
                return Some((YearRef::Absolute(n as i32), end));
            }
            // `2020 жылы 16 наурызда`: the year's bare form before a day or a month.
            if self.unit_is(j, Unit::Year, true).is_some_and(|f| f.case == Case::Nom) {
                return Some((YearRef::Absolute(n as i32), j + 1));
            }
            let form = self.unit_is(j, Unit::Year, false)?;
            return matches!(form.case, Case::Attr | Case::Gen).then_some((YearRef::Absolute(n as i32), j + 1));
        }
        // `биылғы`, `былтырғы`, and `биыл 1 ақпанда`.
        if let Some(shift) = self.find(i, |l| match l.word {
            Word::YearShift(s) if matches!(l.form.case, Case::Attr | Case::Gen | Case::Nom) && !l.form.possessive => {
                Some(s)
            }
            _ => None,
        }) {
            return Some((YearRef::Shift(shift), i + 1));
        }
        let shift = self.find(i, |l| match l.word {
            Word::Shift(s) => Some(s),
            _ => None,
        })?;
        let form = self.unit_is(i + 1, Unit::Year, false)?;
        if shift == 0 && self.w(i) == "биылғы" {
            return Some((YearRef::Shift(0), i + 1));
        }
        matches!(form.case, Case::Attr | Case::Gen).then_some((YearRef::Shift(shift), i + 2))
    }

    /// A day of a month or a month: `16 наурыз`, `16-наурызда`, `2020 жылғы 16 наурыз`,
    /// `2020 жылдың 16 наурызында`, `наурыздың 16-сы`, `наурыз айында`, `наурызда`.
    fn date(&self, i: usize) -> M {
        let (year, j) = match self.year_prefix(i) {
            Some((y, j)) => (Some(y), j),
            None => (None, i),
        };
        let mut best = None;
        // A day number, then the month.
        if let Some((n, d)) = self.num(j) {
            if d <= 2 && (1..=31).contains(&n) {
                let k = if self.joined_hyphen(j + 1) { j + 2 } else { j + 1 };
                if let Some((m, form)) = self.month(k) {
                    best = longest(best, self.after_day(Some(n), m, year, k + 1, form));
                }
            }
        }
        // A digit ordinal: `1-ші қыркүйек`.
        if let Some((n, d)) = self.num(j) {
            let (sform, k, suffixed) = self.suffix(j + 1);
            if d <= 2
                && (1..=31).contains(&n)
                && suffixed
                && sform == (Form { case: Case::Nom, possessive: true, plural: false })
            {
                if let Some((m, form)) = self.month(k) {
                    best = longest(best, self.after_day(Some(n), m, year, k + 1, form));
                }
            }
        }
        // An ordinal word for the day: `бірінші қыркүйек`.
        if let Some(n) = self.find(j, |l| match l.word {
            Word::Ordinal(n) if l.form == Form::NOM && n <= 31 => Some(n),
            _ => None,
        }) {
            if let Some((m, form)) = self.month(j + 1) {
                best = longest(best, self.after_day(Some(n), m, year, j + 2, form));
            }
        }
        // The month, then the day: `наурыздың 16-сы`, `наурыз айының 16-сында`.
        if let Some((m, form)) = self.month(j) {
            let (gen, k) = if form.case == Case::Gen {
                (true, j + 1)
            } else if form == Form::NOM && self.is_month_noun(j + 1, Case::Gen) {
                (true, j + 2)
            } else {
                (false, j + 1)
            };
            if gen {
                if let Some((n, d)) = self.num(k) {
                    let (sform, end, suffixed) = self.suffix(k + 1);
                    if d <= 2 && (1..=31).contains(&n) && suffixed && sform.possessive {
                        best = longest(best, Some((day_expr(Some(n), m, year), end, sform)));
                    }
                }
            }
            // `қаңтар-наурыз айларында`, `қаңтар-ақпанда`: a range of months.
            if form == Form::NOM && self.joined_hyphen(j + 1) {
                if let Some((m2, f2)) = self.month(j + 2) {
                    let last = if f2 == Form::NOM {
                        match self.unit(j + 3) {
                            Some((Unit::Month, f)) if f.possessive && f.case != Case::Measure => Some((j + 4, f)),
                            _ => year.map(|_| (j + 3, f2)),
                        }
                    } else {
                        (!f2.possessive).then_some((j + 3, f2))
                    };
                    if let Some((end, f)) = last {
                        let a = Expr::Date { day: None, month: m, year };
                        let b = Expr::Date { day: None, month: m2, year };
                        let f = Form { possessive: false, plural: false, ..f };
                        best = longest(best, Some((Expr::Range(a.boxed(), b.boxed()), end, f)));
                    }
                }
            }
            // The month alone.
            let alone = if form == Form::NOM {
                if let Some(f) = self.month_noun(j + 1) {
                    Some((j + 2, f))
                } else {
                    year.map(|_| (j + 1, form))
                }
            } else {
                Some((j + 1, form))
            };
            if let Some((end, f)) = alone {
                best = longest(best, Some((Expr::Date { day: None, month: m, year }, end, f)));
            }
        }
        best
    }

    /// `ай` after a month name in the possessive (`наурыз айы`, `айында`, `айынан`): its form.
    fn month_noun(&self, i: usize) -> Option<Form> {
        if !self.w(i).starts_with("ай") {
            return None;
        }
        self.unit_is(i, Unit::Month, true)
    }

    fn is_month_noun(&self, i: usize, case: Case) -> bool {
        self.month_noun(i).is_some_and(|f| f.case == case)
    }

    /// What may follow `16 наурыз`: `күні` (a day noun) or nothing.
    fn after_day(&self, day: Option<u32>, month: u32, year: Option<YearRef>, k: usize, form: Form) -> M {
        let expr = day_expr(day, month, year);
        if form == Form::NOM {
            if let Some(f) = self.day_noun(k) {
                return Some((expr, k + 1, f));
            }
        }
        Some((expr, k, form))
    }

    /// `16.03.2020`, `16.03.2020 ж.`, `16.03.2020-дан`.
    fn numeric_date(&self, i: usize) -> M {
        let (d, dd) = self.num(i)?;
        if dd > 2 || !self.is(i + 1, &["."]) || !self.touching(i + 1) {
            return None;
        }
        let (m, md) = self.num(i + 2).filter(|_| self.touching(i + 2))?;
        if md != 2 || !self.is(i + 3, &["."]) || !self.touching(i + 3) || !self.touching(i + 4) {
            return None;
        }
        let (y, yd) = self.num(i + 4)?;
        let year = match yd {
            4 => YearRef::Absolute(y as i32),
            2 => YearRef::TwoDigit(y),
            _ => return None,
        };
        if !(1..=12).contains(&m) {
            return None;
        }
        let mut end = i + 5;
        let (form, e, _) = self.suffix(end);
        end = e;
        let mut form = form;
        if form == Form::NOM && self.is(end, &["ж", "жж"]) {
            end += 1;
            if self.is(end, &["."]) && self.touching(end) {
                end += 1;
            }
        } else if form == Form::NOM {
            if let Some(f) = self.unit_is(end, Unit::Year, true).or_else(|| self.unit_is(end, Unit::Year, false)) {
                form = f;
                end += 1;
            }
        }
        Some((day_expr(Some(d), m, Some(year)), end, form))
    }

    /// `2020 жылы`, `2020 жылдан`, `2020-жылы`, `2020 ж.`, `биыл`, `былтыр`.
    fn year(&self, i: usize) -> M {
        if let Some((shift, form)) = self.find(i, |l| match l.word {
            Word::YearShift(s) => Some((s, l.form)),
            _ => None,
        }) {
            return Some((Expr::Shifted { unit: Unit::Year, shift }, i + 1, form));
        }
        let (n, d) = self.num(i)?;
        if d != 4 || !(1900..=2100).contains(&n) {
            return None;
        }
        let j = if self.joined_hyphen(i + 1) { i + 2 } else { i + 1 };
        let year = Expr::Year(YearRef::Absolute(n as i32));
        if self.is(j, &["ж", "жж"]) {
            let end = if self.is(j + 1, &["."]) && self.touching(j + 1) { j + 2 } else { j + 1 };
            return Some((year, end, Form::NOM));
        }
        let (_, form) = self.unit(j).filter(|(u, _)| *u == Unit::Year)?;
        // `2020 жылы` is the possessive of `жыл`; it reads as the bare form.
        let form = if form.possessive && form.case == Case::Nom { Form::NOM } else { form };
        Some((year, j + 1, Form { plural: false, possessive: false, ..form }))
    }

    /// `наурыздың басында`, `2020 жылдың соңына дейін`, `жыл басынан бері`, `осы аптаның
    /// соңында`, `наурыздың бірінші жартысында`.
    fn portion(&self, i: usize) -> M {
        // The period, ending in the genitive (or a bare unit: `жыл соңында`).
        let (base, k) = self.portion_base(i)?;
        if let Some((p, form)) = self.find(k, |l| match l.word {
            Word::Portion(p) if l.form.possessive && !l.form.plural => Some((p, l.form)),
            _ => None,
        }) {
            return Some((Expr::Portion(p, base.boxed()), k + 1, form));
        }
        // `желтоқсанның соңғы күндерінде`, `жылдың алғашқы айларында`.
        if let Some(p) = match self.w(k) {
            "соңғы" => Some(Portion::End),
            "алғашқы" => Some(Portion::Start),
            _ => None,
        } {
            if let Some((u, f)) = self.unit(k + 1) {
                if f.plural && f.possessive && matches!(u, Unit::Day | Unit::Week | Unit::Month) {
                    return Some((
                        Expr::Portion(p, base.boxed()),
                        k + 2,
                        Form { possessive: false, plural: false, ..f },
                    ));
                }
            }
        }
        // `бірінші жартысында`: a half.
        let half = self.find(k, |l| match l.word {
            Word::Ordinal(n) if (1..=2).contains(&n) && l.form == Form::NOM => Some(n),
            _ => None,
        })?;
        if !self.w(k + 1).starts_with("жартыс") {
            return None;
        }
        let form = match self.w(k + 1) {
            "жартысында" => plain(Case::Loc),
            "жартысынан" => plain(Case::Abl),
            "жартысына" => plain(Case::Dat),
            "жартысы" => Form::NOM,
            _ => return None,
        };
        let expr = match base {
            Expr::Date { day: None, .. } => Expr::HalfOf(half, base.boxed()),
            Expr::Year(y) => Expr::Half(half, Some(y)),
            Expr::Shifted { unit: Unit::Year, shift } => Expr::Half(half, Some(YearRef::Shift(shift))),
            _ => return None,
        };
        Some((expr, k + 2, form))
    }

    /// The period of a portion: a month, a year or a shifted unit in the genitive, or a bare
    /// unit (`жыл`, `ай`, `апта`) for the publication's.
    fn portion_base(&self, i: usize) -> Option<(Expr, usize)> {
        if let Some((e, k, f)) = longest(longest(self.date(i), self.year(i)), self.shifted(i)) {
            if f.case == Case::Gen && matches!(e, Expr::Date { day: None, .. } | Expr::Year(_) | Expr::Shifted { .. }) {
                return Some((e, k));
            }
        }
        // `2020 жылдың`: the year prefix itself.
        if let Some((y, k)) = self.year_prefix(i) {
            if self.w(k - 1).ends_with("ның") || self.w(k - 1).ends_with("дың") {
                return Some((Expr::Year(y), k));
            }
        }
        let (u, form) = self.unit(i)?;
        if !matches!(u, Unit::Week | Unit::Month | Unit::Year) || form.possessive || form.plural {
            return None;
        }
        matches!(form.case, Case::Gen | Case::Nom).then_some((Expr::Shifted { unit: u, shift: 0 }, i + 1))
    }

    /// A clock time: `сағат 10:00-де`, `сағат 17.00-ге`, `сағат 10-да`, `сағат бесте`,
    /// `кешкі сағат 8-де`, `10:00-де`.
    fn clock(&self, i: usize) -> M {
        let part = self.find(i, |l| match l.word {
            Word::Part(p) => Some(p),
            _ => None,
        });
        // `кешкі сағат 8-де`, and `таңғы 8-ден` with a digit and its suffix.
        let (part, j) = match part {
            Some(p) if self.is_stem(i + 1, "сағат") || self.num(i + 1).is_some() => (Some(p), i + 1),
            Some(_) => return None,
            None => (None, i),
        };
        let with_word = self.is_stem(j, "сағат");
        let k = if with_word { j + 1 } else { j };
        let (clock, end, form) = if let Some((h, d)) = self.num(k) {
            if d > 2 || h > 24 {
                return None;
            }
            let sep = self.is(k + 1, &[":", "."]) && self.touching(k + 1) && self.touching(k + 2);
            let minutes = if sep { self.num(k + 2).filter(|(_, d)| *d == 2).map(|(m, _)| m) } else { None };
            match minutes {
                Some(m) if m < 60 => {
                    let (form, end, suffixed) = self.suffix(k + 3);
                    // Without `сағат`, a colon, or a dot with a suffix and round minutes.
                    if !(with_word || self.is(k + 1, &[":"]) || suffixed && m % 5 == 0) {
                        return None;
                    }
                    (Clock { hour: h, minute: m, second: None }, end, form)
                }
                Some(_) => return None,
                None if with_word || part.is_some() => {
                    let (form, end, suffixed) = self.suffix(k + 1);
                    if form.possessive || !with_word && !suffixed {
                        return None;
                    }
                    (Clock { hour: h, minute: 0, second: None }, end, form)
                }
                None => return None,
            }
        } else if with_word {
            let (h, end, form) = self.number_words(k)?;
            if h > 24 {
                return None;
            }
            (Clock { hour: h, minute: 0, second: None }, end, form)
        } else {
            return None;
        };
        let hour = match part {
            Some(PartOfDay::Evening | PartOfDay::Afternoon) if clock.hour < 12 => clock.hour + 12,
            Some(PartOfDay::Night) if clock.hour == 12 => 0,
            Some(PartOfDay::Night) if (6..12).contains(&clock.hour) => clock.hour + 12,
            _ => clock.hour % 24,
        };
        if clock.hour == 24 && clock.minute > 0 {
            return None;
        }
        Some((Expr::Clock(Clock { hour, ..clock }), end, form))
    }

    /// `бүгін`, `кешегі`, `ертеңнен`, `бүрсігүні`, `алдыңғы күні`, `бүгінгі күні`.
    fn deictic(&self, i: usize) -> M {
        if self.is(i, &["алдыңғы", "арғы"]) && self.is(i + 1, &["күні"]) {
            return Some((Expr::Deictic(-2), i + 2, Form::NOM));
        }
        let (n, form) = self.find(i, |l| match l.word {
            Word::Deictic(n) if !l.form.possessive && !l.form.plural => Some((n, l.form)),
            _ => None,
        })?;
        if form.case == Case::Attr {
            // `бүгінгі күні`, `ертеңгі күннен бастап`, `бүгінгі күнге дейін`.
            if self.w(i + 1).starts_with("күн") {
                if let Some(f) = self.unit(i + 1).filter(|(u, f)| *u == Unit::Day && !f.plural).map(|(_, f)| f) {
                    if f.case != Case::Measure {
                        return Some((Expr::Deictic(n), i + 2, Form { possessive: false, ..f }));
                    }
                }
            }
            return Some((Expr::Deictic(n), i + 1, form));
        }
        Some((Expr::Deictic(n), i + 1, form))
    }

    /// `дүйсенбіде`, `жұма күні`, `сенбіден бастап`.
    fn weekday(&self, i: usize) -> M {
        let (day, form) = self.find(i, |l| match l.word {
            Word::Weekday(d) if !l.form.plural && !l.form.possessive => Some((d, l.form)),
            _ => None,
        })?;
        let expr = Expr::Weekday { day, shift: None, upcoming: false };
        // `сенбі-жексенбі (күндері)`: the weekend.
        if day == 6 && form == Form::NOM && self.joined_hyphen(i + 1) && self.w(i + 2).starts_with("жексенбі") {
            let f = self.find(i + 2, |l| (l.word == Word::Weekday(7)).then_some(l.form)).unwrap_or(Form::NOM);
            let end = if f == Form::NOM && self.w(i + 3).starts_with("күндер") { i + 4 } else { i + 3 };
            let f = if end == i + 4 { self.unit(i + 3).map_or(Form::NOM, |(_, f)| f) } else { f };
            return Some((Expr::Weekend(None), end, Form { possessive: false, plural: false, ..f }));
        }
        // `сенбі және жексенбі күндері`: the weekend, as `сенбі-жексенбі`.
        if day == 6 && form == Form::NOM && self.is(i + 1, &["және", "мен"]) && self.w(i + 2) == "жексенбі"
        {
            if let Some(f) = self.days_plural(i + 3) {
                return Some((Expr::Weekend(None), i + 4, f));
            }
        }
        if form == Form::NOM {
            if let Some(f) = self.day_noun(i + 1) {
                return Some((expr, i + 2, f));
            }
            // `жексенбі күндері`: on Sundays.
            if let Some(f) = self.days_plural(i + 1) {
                return Some((Expr::Set(Value::EveryWeekday(day)), i + 2, f));
            }
            // `Жұма` alone is as often a name or the prayer.
            if day == 5 || self.is(i + 1, &["сайын", "сайынғы"]) {
                return None;
            }
        }
        if form.case == Case::Measure {
            return None;
        }
        Some((expr, i + 1, form))
    }

    /// `күндері`, `күндерінде` (on the days of): the form, without the plural.
    fn days_plural(&self, i: usize) -> Option<Form> {
        if !self.w(i).starts_with("күндер") {
            return None;
        }
        let f = self
            .find(i, |l| (l.word == Word::Unit(Unit::Day) && l.form.plural && l.form.possessive).then_some(l.form))?;
        matches!(f.case, Case::Nom | Case::Loc).then_some(Form { possessive: false, plural: false, ..f })
    }

    /// `өткен аптада`, `осы айда`, `келесі жылы`, `өткен жұмада`, `келесі дүйсенбіден`,
    /// `өткен наурызда`.
    fn shifted(&self, i: usize) -> M {
        let shift = self.find(i, |l| match l.word {
            Word::Shift(s) => Some(s),
            _ => None,
        })?;
        let j = i + 1;
        if let Some((u, form)) = self.unit(j) {
            if form.plural {
                return None;
            }
            let form = if form.possessive && form.case == Case::Nom { Form::NOM } else { form };
            return match u {
                Unit::Week | Unit::Month | Unit::Year | Unit::Quarter => {
                    Some((Expr::Shifted { unit: u, shift }, j + 1, Form { possessive: false, ..form }))
                }
                // `келесі күні`: the next day after the latest date.
                Unit::Day if shift == 1 && self.w(i) == "келесі" && self.w(j).starts_with("күн") => {
                    Some((Expr::Anaphor(1), j + 1, Form { possessive: false, ..form }))
                }
                _ => None,
            };
        }
        if let Some((day, form)) = self.find(j, |l| match l.word {
            Word::Weekday(d) if !l.form.plural && !l.form.possessive => Some((d, l.form)),
            _ => None,
        }) {
            let (end, form) = match self.day_noun(j + 1) {
                Some(f) if form == Form::NOM => (j + 2, f),
                _ => (j + 1, form),
            };
            let s = if self.w(i) == "алдағы" { None } else { Some(shift) };
            return Some((Expr::Weekday { day, shift: s, upcoming: s.is_none() }, end, form));
        }
        // `өткен наурызда`: a month of the shifted year.
        if let Some((m, form)) = self.month(j) {
            if !form.possessive || form.case != Case::Nom {
                return Some((Expr::Date { day: None, month: m, year: Some(YearRef::Shift(shift)) }, j + 1, form));
            }
        }
        if self.w(i) == "осы" && self.is(j, &["күні"]) {
            return Some((Expr::Anaphor(0), j + 1, Form::NOM));
        }
        None
    }

    /// `соңғы тәулікте`, `өткен тәулікте`, `соңғы 14 күнде`, `алдағы 10 күнде`.
    fn window(&self, i: usize) -> M {
        let back = match self.w(i) {
            "соңғы" | "өткен" => true,
            "алдағы" | "таяудағы" => false,
            _ => return None,
        };
        let (amount, unit, end, form) = match self.amount(i + 1) {
            Some((Expr::Duration(d), end, form)) => (d, finest(&d), end, form),
            _ => {
                let (u, form) = self.unit(i + 1)?;
                if form.possessive || form.plural {
                    return None;
                }
                // `өткен аптада` is the calendar week; `өткен тәулікте` the last 24 hours.
                if self.w(i) == "өткен" && !self.w(i + 1).starts_with("тәулі") {
                    return None;
                }
                if self.w(i) == "алдағы" && u != Unit::Day {
                    return None;
                }
                (Duration::one(u), u, i + 2, form)
            }
        };
        let (end, form) = if form.case == Case::Nom && self.is(end, &["ішінде", "бойы"]) {
            (end + 1, plain(Case::Loc))
        } else {
            (end, form)
        };
        if !matches!(form.case, Case::Loc | Case::Nom | Case::Gen) {
            return None;
        }
        Some((Expr::Window { amount, unit, back }, end, form))
    }

    /// `күн сайын`, `апта сайын`, `әр жұма сайын`, `әр аптада`, `жұма сайын`.
    fn set(&self, i: usize) -> M {
        let each = self.is(i, &["әр", "әрбір", "һәр"]);
        let j = if each { i + 1 } else { i };
        if let Some((day, form)) = self.find(j, |l| match l.word {
            Word::Weekday(d) if !l.form.plural && !l.form.possessive => Some((d, l.form)),
            _ => None,
        }) {
            let mut end = j + 1;
            if form == Form::NOM && self.day_noun(end).is_some() {
                end += 1;
            }
            if self.is(end, &["сайын", "сайынғы"]) {
                return Some((Expr::Set(Value::EveryWeekday(day)), end + 1, Form::NOM));
            }
            if each {
                return Some((Expr::Set(Value::EveryWeekday(day)), end, form));
            }
            return None;
        }
        let (u, form) = self.unit(j)?;
        let d = Duration::one(u);
        // `тәулігіне 500-ге жуық`, `айына 42 500 теңге`, `күніне екі рет`: per unit, before
        // the amount it counts (not `жобаның күніне`).
        if !each && form.possessive && !form.plural && form.case == Case::Dat && u != Unit::Quarter {
            let before = if i > self.lo { self.w(i - 1) } else { "" };
            let amount = self.num(j + 1).is_some()
                || self.number_words(j + 1).is_some()
                || self.is(j + 1, &["орта", "орташа", "шамамен", "кемінде", "бірнеше", "жарты"]);
            // A capitalized word before it inside the sentence names the day (`Ана күніне`).
            let named = i > self.lo + 1 && self.tok(i - 1).is_some_and(|t| t.capitalized);
            if amount && !is_genitive(before) && !named {
                return Some((Expr::Set(Value::Duration(d)), j + 1, Form::NOM));
            }
        }
        if form.plural || form.possessive && !each {
            return None;
        }
        if self.is(j + 1, &["сайын", "сайынғы"]) && form == Form::NOM {
            return Some((Expr::Set(Value::Duration(d)), j + 2, Form::NOM));
        }
        if each {
            return Some((Expr::Set(Value::Duration(d)), j + 1, form));
        }
        None
    }

    /// A season: `күзде`, `көктемнен бастап`, `қыс мезгілінде`, `жаз айларында`, `биыл
    /// жазда`, `2020 жылдың күзінде`, `өткен қыста`, `келесі көктемде`.
    fn season(&self, i: usize) -> M {
        // What comes before the season: a year, `биыл`/`былтыр`, or a shift.
        let mut year = None;
        let mut shift = None;
        let mut j = i;
        if let Some((y, k)) = self.year_prefix(i) {
            year = Some(y);
            j = k;
        } else if let Some(s) = self.find(i, |l| match l.word {
            Word::YearShift(s) if l.form == Form::NOM => Some(s),
            _ => None,
        }) {
            year = Some(YearRef::Shift(s));
            j = i + 1;
        } else if let Some(s) = self.find(i, |l| match l.word {
            Word::Shift(s) => Some(s),
            _ => None,
        }) {
            // `алдағы қыста`: the coming one, as the tense points.
            shift = (self.w(i) != "алдағы").then_some(s);
            j = i + 1;
        }
        let (season, form) = self.find(j, |l| match l.word {
            Word::Season(s) if !l.form.plural => Some((s, l.form)),
            _ => None,
        })?;
        let w = self.w(j);
        // `жазды` (wrote), `жаздың` (you wrote; a summer's), `қысқа` (short), `жазғы` (a
        // summer's): no season of their own.
        if matches!(form.case, Case::Acc | Case::Measure | Case::Gen) || w == "қысқа" {
            return None;
        }
        if form.case == Case::Attr && !["дағы", "дегі", "тағы", "тегі"].iter().any(|e| w.ends_with(e)) {
            return None;
        }
        let mut end = j + 1;
        let mut last = form;
        // `күз мезгілінде`, `жаз айларында`.
        if form == Form::NOM {
            if let Some(f) = self.season_noun(end) {
                end += 1;
                last = f;
            } else if !matches!(year, Some(YearRef::Absolute(_))) && (w == "жаз" || year.is_none() && shift.is_none())
            {
                // A bare `жаз` is the verb "write" unless a written year owns it.
                return None;
            }
        } else if form.possessive && year.is_none() {
            return None;
        }
        if j > i && year.is_none() && shift.is_none() && self.w(i) != "алдағы" {
            return None;
        }
        let expr = match shift {
            Some(s) => Expr::SeasonShifted(season, s),
            None => Expr::Season(season, year),
        };
        Some((expr, end, Form { possessive: false, plural: false, ..last }))
    }

    /// `мезгілі` (its time), `маусымы` (its season) or `айлары` (its months) after a
    /// season: its form.
    fn season_noun(&self, i: usize) -> Option<Form> {
        if let Some((Unit::Month, f)) = self.unit(i) {
            if f.plural && f.possessive {
                return Some(f);
            }
        }
        if self.w(i).starts_with("маусым") {
            if let Some(f) = self.find(i, |l| (l.word == Word::Month(6) && l.form.possessive).then_some(l.form)) {
                return Some(f);
            }
        }
        let w = self.w(i);
        let rest = w.strip_prefix("мезгілі")?;
        let case = match rest {
            "" => Case::Nom,
            "нде" => Case::Loc,
            "нен" => Case::Abl,
            "не" => Case::Dat,
            "нің" => Case::Gen,
            _ => return None,
        };
        Some(Form { case, possessive: true, plural: false })
    }

    /// A quarter or a half of a year by its ordinal: `бірінші тоқсанда`, `2021 жылдың
    /// екінші тоқсанында`, `жылдың 3-тоқсанында`, `бірінші жартыжылдықта`. With no year in
    /// a sentence of the school's words, `тоқсан` is the school term and no date.
    fn quarter(&self, i: usize) -> M {
        // `жылдың бірінші тоқсанында`: of this year, as a written year is.
        let (year, j, of_year) = match self.year_prefix(i) {
            Some((y, k)) => (Some(y), k, true),
            None if self.w(i) == "жылдың" => (None, i + 1, true),
            None => (None, i, false),
        };
        let (n, k) = if let Some(n) = self.find(j, |l| match l.word {
            Word::Ordinal(n) if l.form == Form::NOM && (1..=4).contains(&n) => Some(n),
            _ => None,
        }) {
            (n, j + 1)
        } else {
            // `3-тоқсан`: a digit and a hyphen touching the noun.
            let (n, d) = self.num(j)?;
            if d != 1 || !self.joined_hyphen(j + 1) {
                return None;
            }
            (n, j + 2)
        };
        let w = self.w(k);
        if w.starts_with("жартыжылды") {
            let form = HALF_YEAR_FORMS.iter().find(|(f, _)| f == w).map(|(_, f)| *f)?;
            if !(1..=2).contains(&n) || form.possessive && !of_year {
                return None;
            }
            return Some((Expr::Half(n, year), k + 1, Form { possessive: false, ..form }));
        }
        let form = self.find(k, |l| {
            (l.word == Word::Unit(Unit::Quarter) && !l.form.plural && l.form.case != Case::Measure).then_some(l.form)
        })?;
        if !(1..=4).contains(&n) || form.possessive && !of_year {
            return None;
        }
        // With no year, a school's sentence means its term.
        if !of_year && (self.lo..self.hi).any(|t| SCHOOL_STEMS.iter().any(|s| self.w(t).starts_with(s))) {
            return None;
        }
        Some((Expr::Quarter(n, year), k + 1, Form { possessive: false, ..form }))
    }

    /// The weekend by `демалыс күндері` (the days off): `өткен демалыс күндері`, `алдағы
    /// демалыс күндерінде`, `осы демалыс күндері`; a bare one as the tense points, unless a
    /// genitive or an attributive before it makes it a holiday's days off (`мерекенің
    /// демалыс күндері`).
    fn weekend(&self, i: usize) -> M {
        let shift = self.find(i, |l| match l.word {
            Word::Shift(s) => Some(s),
            _ => None,
        });
        let j = if shift.is_some() { i + 1 } else { i };
        if self.w(j) != "демалыс" || !self.w(j + 1).starts_with("күндер") {
            return None;
        }
        let form = self.find(j + 1, |l| {
            (l.word == Word::Unit(Unit::Day) && l.form.plural && l.form.case != Case::Measure).then_some(l.form)
        })?;
        let shift = match shift {
            Some(_) if matches!(self.w(i), "өткен" | "осы" | "келесі") => shift,
            Some(_) if self.w(i) == "алдағы" => None,
            Some(_) => return None,
            None => {
                let before = if i > self.lo { self.w(i - 1) } else { "" };
                if is_genitive(before) || ["ғы", "гі", "қы", "кі"].iter().any(|e| before.ends_with(e)) {
                    return None;
                }
                None
            }
        };
        Some((Expr::Weekend(shift), j + 2, Form { possessive: false, plural: false, ..form }))
    }

    /// Vague references: `жақын арада`, `алдағы уақытта`, `алдағы күндері` (FUTURE_REF);
    /// `соңғы уақытта`, `соңғы кезде`, `соңғы жылдары` (PAST_REF); `бірнеше күн бұрын`,
    /// `бірнеше аптадан кейін`, `бірнеше күн бойы` (a vague duration); `жақында`, `жуырда`,
    /// `таяуда` by the clause's tense (recently with a past verb, soon with a future one).
    fn vague(&self, i: usize) -> M {
        let w = self.w(i);
        if matches!(w, "жақын" | "таяу") && self.is(i + 1, &["арада", "уақытта", "күндері"])
        {
            return Some((Expr::Soon, i + 2, plain(Case::Loc)));
        }
        if matches!(w, "соңғы" | "алдағы" | "таяудағы") {
            let back = w == "соңғы";
            let e = if back { Expr::Recently } else { Expr::Soon };
            if self.is(i + 1, &["уақытта", "кезде", "кездері", "уақыттары"]) {
                return Some((e, i + 2, plain(Case::Loc)));
            }
            // `соңғы күндері`, `алдағы жылдары`: a plural unit in the possessive.
            if let Some((u, f)) = self.unit(i + 1) {
                if f.plural && f.possessive && matches!(f.case, Case::Nom | Case::Loc) && u != Unit::Quarter {
                    return Some((e, i + 2, plain(Case::Loc)));
                }
            }
            // `соңғы бірнеше күнде`.
            if self.is(i + 1, &["бірнеше"]) {
                if let Some((_, f)) = self.unit(i + 2).filter(|(_, f)| !f.possessive && !f.plural) {
                    if matches!(f.case, Case::Loc | Case::Nom) {
                        return Some((e, i + 3, plain(Case::Loc)));
                    }
                }
            }
            return None;
        }
        if w == "бірнеше" {
            let (u, f) = self.unit(i + 1).filter(|(_, f)| !f.possessive && !f.plural)?;
            let k = i + 2;
            return match f.case {
                Case::Nom if self.is(k, &["бұрын"]) => Some((Expr::Recently, k + 1, Form::NOM)),
                Case::Abl if self.is(k, &["кейін", "соң"]) => Some((Expr::Soon, k + 1, Form::NOM)),
                Case::Nom if self.is(k, &["бойы", "бойына", "ішінде"]) => {
                    Some((Expr::VagueDuration(u), k + 1, Form::NOM))
                }
                Case::Nom | Case::Dat | Case::Acc => Some((Expr::VagueDuration(u), k, Form::NOM)),
                _ => None,
            };
        }
        if matches!(w, "жақында" | "жуырда" | "таяуда") {
            return match tense::tense_at(self.t, self.lo..self.hi, i) {
                Some(Tense::Past) => Some((Expr::Recently, i + 1, Form::NOM)),
                Some(Tense::Future) => Some((Expr::Soon, i + 1, Form::NOM)),
                None => None,
            };
        }
        None
    }

    /// `таңертең`, `кешке`, `түнде`, `түстен кейін`.
    fn part_of_day(&self, i: usize) -> M {
        if self.is(i, &["түстен"]) && self.is(i + 1, &["кейін"]) {
            return Some((Expr::PartOfDay(None, PartOfDay::Afternoon), i + 2, Form::NOM));
        }
        let p = self.find(i, |l| match l.word {
            Word::Part(p) => Some(p),
            _ => None,
        })?;
        // `таңғы`, `кешкі`, `түнгі` are adjectives: a part of the day before `сағат` only.
        if matches!(self.w(i), "таңғы" | "кешкі" | "түнгі" | "түскі" | "күндізгі" | "таңертеңгі")
        {
            return None;
        }
        Some((Expr::PartOfDay(None, p), i + 1, Form::NOM))
    }

    /// Fixed and moving holidays, capitalized as names are: `Наурыз мейрамы`, `Жеңіс
    /// күнінде`, `Тәуелсіздік күніне дейін`, `Құрбан айт`.
    fn holiday(&self, i: usize) -> M {
        if !self.tok(i)?.capitalized {
            return None;
        }
        let last_form = |k: usize, stem: &str| HOLIDAY_FORMS.contains(&(stem.to_string(), self.w(k).to_string()));
        let form_of = |k: usize| -> Form {
            let w = self.w(k);
            for (suffix, case) in [
                ("нда", Case::Loc),
                ("нде", Case::Loc),
                ("нан", Case::Abl),
                ("нен", Case::Abl),
                ("на", Case::Dat),
                ("не", Case::Dat),
                ("ға", Case::Dat),
                ("ге", Case::Dat),
                ("қа", Case::Dat),
                ("ке", Case::Dat),
                ("да", Case::Loc),
                ("де", Case::Loc),
                ("та", Case::Loc),
                ("те", Case::Loc),
                ("дан", Case::Abl),
                ("ден", Case::Abl),
                ("тан", Case::Abl),
                ("тен", Case::Abl),
            ] {
                if w.ends_with(suffix) {
                    return plain(case);
                }
            }
            Form::NOM
        };
        for (words, stem, month, first, last) in HOLIDAYS {
            // A day's name takes `мерекесі` or `мейрамы` as well (`Жеңіс мерекесінде`).
            let named =
                |k: usize| last_form(k, stem) || *stem == "күн" && (last_form(k, "мереке") || last_form(k, "мейрам"));
            if words.iter().enumerate().all(|(n, w)| self.w(i + n) == *w) && named(i + words.len()) {
                let k = i + words.len();
                // `Жаңа жылдың` before a portion or a genitive is no holiday date of its own.
                let day = |d: u32| Expr::Date { day: Some(d), month: *month, year: None };
                let expr =
                    if first == last { day(*first) } else { Expr::Range(day(*first).boxed(), day(*last).boxed()) };
                return Some((expr, k + 1, form_of(k)));
            }
        }
        for (first, stem, feast) in MOVING {
            if self.w(i) == *first {
                let k = if self.joined_hyphen(i + 1) { i + 2 } else { i + 1 };
                if last_form(k, stem) {
                    return Some((Expr::Feast(*feast, None), k + 1, form_of(k)));
                }
            }
        }
        None
    }

    /// `қазір`, `қазіргі таңда`, `қазіргі уақытта`, `қазіргі кезде`: the present.
    fn present(&self, i: usize) -> M {
        if self.is(i, &["қазіргі"]) && self.is(i + 1, &["таңда", "уақытта", "кезде", "сәтте"])
        {
            return Some((Expr::Present, i + 2, plain(Case::Loc)));
        }
        if self.is(i, &["қазір", "қазірдің", "осы"]) && self.is(i + 1, &["өзінде"]) {
            return Some((Expr::Present, i + 2, plain(Case::Loc)));
        }
        if self.is(i, &["қазір"]) {
            return Some((Expr::Present, i + 1, Form::NOM));
        }
        None
    }

    /// An amount of time: `3 күн`, `екі аптадан`, `14 күнге`, `жарты жыл`, `бір жарым ай`,
    /// `14 күндік`, `жиырма бес минут`.
    fn amount(&self, i: usize) -> M {
        let (n, k, half) = if let Some((n, _)) = self.num(i) {
            if self.touching(i + 1) && !self.is(i + 1, &[","]) {
                // `16.03` and `10:00` are no amounts.
                if self.is(i + 1, &[".", ":", "-"]) {
                    return None;
                }
            }
            (n, i + 1, false)
        } else if self.is(i, &["жарты"]) {
            (0, i + 1, true)
        } else {
            let (n, k, form) = self.number_words(i)?;
            if form != Form::NOM {
                return None;
            }
            if self.is(k, &["жарым"]) {
                (n, k + 1, true)
            } else {
                (n, k, false)
            }
        };
        let (u, form) = self.unit(k)?;
        if form.plural || form.possessive {
            return None;
        }
        // `сағат 10` is a clock time, not ten hours.
        if self.is_stem(k, "сағат") && self.num(k + 1).is_some() {
            return None;
        }
        // `2020 жыл` is a year (the year rule reads it).
        if u == Unit::Year && self.num(i).is_some_and(|(_, d)| d == 4) {
            return None;
        }
        let mut d = Duration::default();
        d.add(u, n, half)?;
        if d.is_zero() {
            return None;
        }
        let form = if form.case == Case::Measure { Form::NOM } else { form };
        // `14 күнді оқшаулауда өткізді`: an amount as the object reads as the bare amount.
        let form = if form.case == Case::Acc { Form::NOM } else { form };
        if form.case == Case::Attr {
            return None;
        }
        Some((Expr::Duration(d), k + 1, form))
    }
}

/// Does a word end in the genitive (`жылдың`, `айдың`, `облыстың`)?
fn is_genitive(w: &str) -> bool {
    ["ның", "нің", "дың", "дің", "тың", "тің"].iter().any(|e| w.ends_with(e))
}

/// A day of a month, checked: an impossible day is [`Expr::Invalid`].
fn day_expr(day: Option<u32>, month: u32, year: Option<YearRef>) -> Expr {
    match day {
        Some(d) if !YearRef::valid_day(d, month, year) => Expr::Invalid,
        _ => Expr::Date { day, month, year },
    }
}

/// The finest unit a duration has.
fn finest(d: &Duration) -> Unit {
    if d.seconds > 0 {
        Unit::Second
    } else if d.minutes > 0 {
        Unit::Minute
    } else if d.hours > 0 {
        Unit::Hour
    } else if d.days > 0 {
        Unit::Day
    } else if d.weeks > 0 {
        Unit::Week
    } else if d.months > 0 {
        Unit::Month
    } else {
        Unit::Year
    }
}

/// An amount before or after a base.
fn offset(amount: Duration, sign: i32, base: Base) -> Option<Expr> {
    let unit = finest(&amount);
    Some(Expr::Offset { amount, unit, sign, base })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Expr, Option<Mod>)> {
        let tokens = Tokens::with_lookalikes(text, &super::super::text::LOOKALIKES);
        let mut out = Vec::new();
        Scanner::new().scan(&tokens, 0..tokens.len(), &mut out);
        out.into_iter()
            .filter_map(|f| {
                let a = tokens.get(f.tokens.start)?.start();
                let b = tokens.get(f.tokens.end - 1)?.end();
                Some((text[a..b].to_string(), f.expr, f.modifier))
            })
            .collect()
    }

    fn surfaces(text: &str) -> Vec<String> {
        found(text).into_iter().map(|f| f.0).collect()
    }

    #[test]
    fn dates_in_their_cases() {
        assert_eq!(surfaces("16 наурыздан бастап карантин енгізілді"), ["16 наурыздан бастап"]);
        assert_eq!(surfaces("Режим 15 сәуірге дейін созылады"), ["15 сәуірге дейін"]);
        assert_eq!(surfaces("2020 жылғы 16 наурызда"), ["2020 жылғы 16 наурызда"]);
        assert_eq!(surfaces("наурыздың 16-сында"), ["наурыздың 16-сында"]);
        assert_eq!(surfaces("16-22 наурыз аралығында"), ["16-22 наурыз аралығында"]);
    }

    #[test]
    fn numbers_with_other_nouns_are_no_dates() {
        for text in ["16 адам", "2020 теңге", "5 облыс", "10 пайыз", "сағаттың тілі"] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_quote_in_russian_is_read_in_russian() {
        assert_eq!(surfaces("Әкім «Карантин продлят до 1 мая» деп мәлімдеді."), ["до 1 мая"]);
        assert_eq!(surfaces("Министр «с 13 апреля ограничения ужесточат» деді."), ["с 13 апреля"]);
        // A Kazakh quote is read in Kazakh, a sentence all in Russian is not a quote.
        assert_eq!(surfaces("Әкім «16 наурыздан бастап» деді."), ["16 наурыздан бастап"]);
        assert!(found("«Вчера закрыли школы», — сообщили в акимате.").is_empty());
    }

    #[test]
    fn mausym_is_june_or_the_season() {
        assert_eq!(surfaces("2021 жылдың 25 маусымында"), ["2021 жылдың 25 маусымында"]);
        assert_eq!(surfaces("Әкімдік маусымның 25-інде жиын өткізді"), ["маусымның 25-інде"]);
        for text in ["жылыту маусымына дайындық", "туристік маусымда", "егіс маусымы басталды"]
        {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn offsets_and_bounds() {
        let f = found("екі аптадан кейін");
        assert!(matches!(f[0].1, Expr::Offset { sign: 1, .. }), "{f:?}");
        let f = found("3 күн бұрын");
        assert!(matches!(f[0].1, Expr::Offset { sign: -1, .. }), "{f:?}");
        assert_eq!(found("15 сәуірге дейін")[0].2, Some(Mod::Before));
    }
}
