//! The figure grammar over one sentence's grouped tokens (see the rules in [`super`]).

use super::count::{nearest, Cue};
use super::toks::{norm_of, Kind, NumForm, Tok};
use super::words::{flag, has_prefix, CountUnit, Entry, FigureWords, Lex};
use super::{Figure, FigureWhat};
use crate::event::Span;
use crate::text::Tokens;

/// One sentence as the grammar reads it.
pub(crate) struct Cx<'a> {
    /// The language's figure words.
    pub(crate) words: &'static FigureWords,
    /// The document text.
    pub(crate) text: &'a str,
    /// The document tokens (for normalized forms).
    pub(crate) tokens: &'a Tokens,
    /// The sentence's grouped tokens.
    pub(crate) toks: &'a [Tok],
}

/// What the number is followed by.
#[derive(Clone, Copy, Debug)]
enum Unit {
    /// A currency (ISO 4217 code).
    Money(&'static str),
    /// A percentage.
    Percent,
    /// A counted noun: unit, own kind, index of the noun, first index of the adjectives before it.
    Count(CountUnit, Option<FigureWhat>, usize, usize),
    /// Carried over from the count before (a list item or a subset): its unit and kind.
    Carried(&'static str, FigureWhat),
}

/// The buffers the grammar fills for each sentence, kept by the caller from one sentence to
/// the next so that a sentence costs no allocation but its figures.
#[derive(Default)]
pub(crate) struct Scratch {
    /// Where each figure was found.
    pub(crate) found: Vec<Found>,
    /// The sentence's count cues.
    pub(crate) cues: Vec<Cue>,
}

impl Scratch {
    /// Empty buffers.
    pub(crate) const EMPTY: Scratch = Scratch { found: Vec::new(), cues: Vec::new() };
}

/// What stands on the left of a number ([`Cx::left`]).
#[derive(Clone, Copy, Debug)]
struct Left {
    /// Where the figure starts: its first qualifier, or the number.
    start: usize,
    /// Whether a qualifier makes it approximate.
    approx: bool,
    /// Whether "at" stands before it (`у 14 человек`).
    at_before: bool,
    /// Whether it is a level reached (`выросло до 1 234`).
    level: bool,
    /// Whether `из них` or `в том числе` stands before it.
    subset: bool,
}

/// Where a figure was found, for what comes after it (list items, subsets, new or
/// cumulative).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Found {
    /// Index of its number.
    pub(crate) k: usize,
    /// Index of the token after it.
    pub(crate) end: usize,
    /// Its clause: first index and one past its last (the clause's break).
    pub(crate) clause: (usize, usize),
    /// Its unit.
    pub(crate) unit: &'static str,
    /// Index (in the sentence's figures) of the count it continues or is a part of.
    pub(crate) head: Option<usize>,
    /// Whether it is a level reached (`выросло до 1 234`), which a period (`за сутки`) does
    /// not make new.
    pub(crate) level: bool,
}

/// Whether a figure of this kind can be new or cumulative (money and percentages cannot).
pub(crate) fn counted(what: FigureWhat) -> bool {
    !matches!(what, FigureWhat::Money | FigureWhat::Percent)
}

/// Whether a kind counts persons in a role (what a subset of persons takes from its head).
pub(crate) fn person_kind(what: FigureWhat) -> bool {
    matches!(
        what,
        FigureWhat::Cases | FigureWhat::Deaths | FigureWhat::Recoveries | FigureWhat::Tests | FigureWhat::Vaccinated
    )
}

impl<'a> Cx<'a> {
    /// Finds every figure, in order, into `out` (cleared first).
    pub(crate) fn figures(&self, scratch: &mut Scratch, out: &mut Vec<Figure>) {
        let Scratch { found, cues } = scratch;
        out.clear();
        found.clear();
        let mut i = 0;
        while i < self.toks.len() {
            if !self.can_start(i) {
                i += 1;
                continue;
            }
            let head = out.len().checked_sub(1).and_then(|h| Some((h, out.get(h)?, found.get(h)?)));
            match self.figure_at(i, head) {
                Some((fig, at)) => {
                    out.push(fig);
                    i = at.end.max(i + 1);
                    found.push(at);
                }
                None => i += 1,
            }
        }
        if !out.is_empty() {
            self.count_cues(cues);
            self.counts(out, found, cues);
        }
    }

    /// Says of each count whether it is new or cumulative: the nearest cue of its clause,
    /// else its head's (a list item or a subset), else the nearest period cue of the sentence
    /// before it, else after it.
    fn counts(&self, out: &mut [Figure], found: &[Found], cues: &[Cue]) {
        if cues.is_empty() && found.iter().all(|f| f.head.is_none()) {
            return;
        }
        for (n, at) in found.iter().enumerate() {
            let Some(what) = out.get(n).map(|f| f.what) else { continue };
            if !counted(what) {
                continue;
            }
            let usable = |c: &&Cue| !(at.level && c.period);
            let (cs, ce) = at.clause;
            let own = nearest(cues.iter().filter(usable).filter(|c| (cs..ce).contains(&c.at)), at.k);
            let count = own.or_else(|| at.head.and_then(|h| out.get(h)).and_then(|h| h.count)).or_else(|| {
                let sentence = || cues.iter().filter(usable).filter(|c| !c.clause_only);
                nearest(sentence().filter(|c| c.at < at.k), at.k).or_else(|| nearest(sentence(), at.k))
            });
            if let Some(f) = out.get_mut(n) {
                f.count = count;
            }
        }
    }

    /// Whether a figure can start at `i`: a currency sign, a number, or a word that is a
    /// number word, a collective numeral, `полтора` or a multiplier.
    fn can_start(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        match t.kind {
            Kind::Num(..) => true,
            Kind::Sym(c) => self.words.sign(c).is_some(),
            // A word with no number word in it cannot start one (`миллион` alone is no
            // number: a multiplier needs one before it).
            // The starters' own filter turns away more words than the full table's would.
            Kind::Word => {
                self.words.may_start(t.shape)
                    && self.words.get_shaped(self.norm(t).as_bytes(), t.shape).is_some_and(Entry::starts)
            }
            _ => false,
        }
    }

    /// The normalized form of a grouped token (its document tokens' forms).
    pub(crate) fn norm(&self, t: &Tok) -> &'a str {
        norm_of(self.tokens, t.tokens.0 as usize, t.tokens.1 as usize)
    }

    /// The normalized form of word `i` (`None` for other tokens).
    #[inline]
    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        if matches!(t.kind, Kind::Word) {
            Some(norm_of(self.tokens, t.tokens.0 as usize, t.tokens.1 as usize))
        } else {
            None
        }
    }

    /// Whether word `i` belongs to the word classes `bits` ([`flag`]).
    #[inline]
    fn is(&self, i: usize, bits: u32) -> bool {
        self.toks.get(i).is_some_and(|t| matches!(t.kind, Kind::Word) && self.entry(t).flags & bits != 0)
    }

    /// What token `i` is.
    #[inline]
    fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// The meaning of word `i` to the grammar.
    #[inline]
    pub(crate) fn lex(&self, i: usize) -> Option<Lex> {
        self.toks.get(i).and_then(|t| t.looked_up(self.words, self.tokens).1)
    }

    /// The table entry of a word.
    #[inline]
    pub(crate) fn entry(&self, t: &Tok) -> &'static Entry {
        t.looked_up(self.words, self.tokens).0
    }

    /// Index of the first token of the clause containing `i`, and one past its last.
    fn clause(&self, i: usize) -> (usize, usize) {
        if let Some(t) = self.toks.get(i) {
            return (t.clause.0 as usize, t.clause.1 as usize);
        }
        let i = i.min(self.toks.len());
        let start = self.toks[..i].iter().rposition(|t| matches!(t.kind, Kind::Break)).map_or(0, |p| p + 1);
        let end = self.toks[i..].iter().position(|t| matches!(t.kind, Kind::Break)).map_or(self.toks.len(), |p| i + p);
        (start, end)
    }

    /// A full stop after an abbreviation (`тыс.`) belongs to it.
    fn skip_abbrev_dot(&self, i: usize) -> usize {
        if matches!(self.kind(i), Some(Kind::Sym('.'))) {
            i + 1
        } else {
            i
        }
    }

    /// A unit at token `j`: `%`, a currency, or a counted noun after at most three adjectives.
    fn unit_at(&self, j: usize) -> Option<(Unit, usize)> {
        match self.kind(j)? {
            Kind::Sym('%') => return Some((Unit::Percent, j + 1)),
            Kind::Sym(c) => return self.words.sign(c).map(|code| (Unit::Money(code), j + 1)),
            Kind::Word => {}
            _ => return None,
        }
        let mut p = j;
        loop {
            match self.lex(p) {
                Some(Lex::Money(code)) => return Some((Unit::Money(code), self.skip_abbrev_dot(p + 1))),
                Some(Lex::Percent) => return Some((Unit::Percent, self.skip_abbrev_dot(p + 1))),
                Some(Lex::Count(unit, what)) => {
                    // A noun-like participle before the noun it modifies: `контактных лиц`,
                    // `заболевших детей`.
                    if let Some(Lex::Count(u2, what2)) = self.lex(p + 1) {
                        if u2 == unit && self.word(p).is_some_and(|w| self.words.is_adjective(w)) {
                            let what = what.or(what2);
                            return Some((Unit::Count(unit, what, p + 1, j), self.skip_abbrev_dot(p + 2)));
                        }
                    }
                    return Some((Unit::Count(unit, what, p, j), self.skip_abbrev_dot(p + 1)));
                }
                Some(Lex::Outcome) => {
                    let deadly =
                        (j..p).any(|a| self.word(a).is_some_and(|w| has_prefix(w, self.words.tables.deadly_outcome)));
                    return deadly.then_some((Unit::Count(CountUnit::Cases, Some(FigureWhat::Deaths), p, j), p + 1));
                }
                Some(_) => return None,
                None => {
                    let w = self.word(p)?;
                    if p - j < 3 && self.words.is_adjective(w) {
                        p += 1;
                    } else {
                        return None;
                    }
                }
            }
        }
    }

    /// Cardinal number words from `k` on (`двадцать пять`, `две тысячи триста`).
    fn number_words(&self, k: usize) -> Option<(f64, usize)> {
        let mut total = 0u64;
        let mut cur = 0u64;
        let mut last: Option<u32> = None;
        let mut any = false;
        let mut j = k;
        while let Some(t) = self.toks.get(j).filter(|t| matches!(t.kind, Kind::Word)) {
            let entry = self.entry(t);
            let Some(v) = entry.cardinal else { break };
            if v == 1000 {
                // A bare `тысячи людей` is vague; `тысяча человек` is a thousand.
                if !any && entry.flags & flag::EXACT_THOUSAND == 0 {
                    return None;
                }
                total += cur.max(1) * 1000;
                cur = 0;
                last = None;
            } else if v == 100 && last.is_some_and(|l| l < 10) && cur < 10 {
                // A count of hundreds, in a language that says it so (Kazakh `екі жүз`).
                cur *= 100;
                last = Some(100);
            } else {
                // Tens then units: `двадцать пять`, and `он екі` (Kazakh 12) after a ten.
                let fits = match last {
                    None => true,
                    Some(l) if l >= 100 => v < 100,
                    Some(l) if l >= 10 && l % 10 == 0 => v < 10,
                    Some(_) => false,
                };
                if !fits {
                    break;
                }
                cur += u64::from(v);
                last = Some(v);
            }
            any = true;
            j += 1;
        }
        any.then_some(((total + cur) as f64, j))
    }

    /// The subject on the left of a bare number: `число заболевших ... достигло N`, its noun
    /// after the subject word, or before it where the language puts it there (Kazakh
    /// `жұқтырғандар саны ... 49-ға жетті`).
    fn subject_unit(&self, clause_start: usize, num: usize) -> Option<Unit> {
        let k = (clause_start..num).rev().find(|&k| self.is(k, flag::SUBJECT))?;
        let count = |at: usize| match self.unit_at(at) {
            Some((u @ Unit::Count(..), _)) => Some(u),
            _ => None,
        };
        // Before it, past one word (`жұқтырғандардың жалпы саны`).
        count(k + 1).or_else(|| (clause_start..k).rev().take(2).find_map(count))
    }

    /// The kind of a count from the cue in the clause nearest to the number at `k`.
    fn cue_kind(&self, k: usize) -> Option<FigureWhat> {
        let (cs, ce) = self.clause(k);
        let mut best: Option<(usize, usize, FigureWhat)> = None;
        for j in cs..ce {
            let Some((rank, what)) = self.cue_at(j) else { continue };
            let dist = j.abs_diff(k);
            if best.is_none_or(|(d, r, _)| (dist, rank) < (d, r)) {
                best = Some((dist, rank, what));
            }
        }
        best.map(|(_, _, w)| w)
    }

    /// The cue word `j` is, with its rank ([`FigureWords::cue_of`]).
    fn cue_at(&self, j: usize) -> Option<(usize, FigureWhat)> {
        self.word(j).and_then(|w| self.words.cue_of(w))
    }

    /// `случаев смерти`, `летальных случаев`, `случаев выздоровления`.
    fn case_modifier(&self, adj_from: usize, noun: usize) -> Option<FigureWhat> {
        let deadly = |w: &str| has_prefix(w, self.words.tables.deadly_case);
        if (adj_from..noun).any(|j| self.word(j).is_some_and(deadly)) {
            return Some(FigureWhat::Deaths);
        }
        let next = self.word(noun + 1)?;
        if let Some((_, what)) = self.words.tables.case_next.iter().find(|(w, _)| *w == next) {
            return Some(*what);
        }
        if self.is(noun + 1, flag::WITH) && self.word(noun + 2).is_some_and(deadly) {
            return Some(FigureWhat::Deaths);
        }
        None
    }

    /// The figure that starts at token `i`, and where it is; `head` is the figure before it
    /// in the sentence (index, figure, where), which a list item or a subset continues.
    fn figure_at(&self, i: usize, head: Option<(usize, &Figure, &Found)>) -> Option<(Figure, Found)> {
        // A currency sign before the number.
        let mut prefix_money = None;
        let mut k = i;
        match self.kind(i)? {
            Kind::Sym(c) => {
                prefix_money = Some(self.words.sign(c)?);
                k = i + 1;
                if !matches!(self.kind(k)?, Kind::Num(..)) {
                    return None;
                }
            }
            Kind::Word | Kind::Num(..) => {}
            _ => return None,
        }

        // The number.
        let mut digits = None;
        let mut collective = false;
        let mut half = false;
        let (mut value, mut after) = match self.kind(k)? {
            Kind::Num(_, NumForm::Skip) => return None,
            Kind::Num(v, form) => {
                digits = Some(form);
                (v, k + 1)
            }
            Kind::Word => match self.lex(k) {
                Some(Lex::Collective(n)) => {
                    collective = true;
                    (f64::from(n), k + 1)
                }
                Some(Lex::Half) => {
                    half = true;
                    (1.5, k + 1)
                }
                // `ни одного случая`: a negated number word counts none.
                _ if k > 0 && self.is(k - 1, flag::NEGATION) => (0.0, self.number_words(k)?.1),
                // `тысяча человек`; every other entry is not a number.
                Some(Lex::Mult(_)) | None => self.number_words(k)?,
                Some(_) => return None,
            },
            _ => return None,
        };

        let mut start = i;
        let mut approx = false;
        if digits.is_some() {
            // `№2`, `дом 5`.
            if k > 0 {
                if matches!(self.kind(k - 1), Some(Kind::Sym('№' | '#'))) {
                    return None;
                }
                if self.is(k - 1, flag::ADDRESS) {
                    return None;
                }
            }
            // The first half of a range or of a hyphenated chain (`10-15%`, `76-65-43`).
            if matches!(self.kind(after), Some(Kind::Dash)) && matches!(self.kind(after + 1), Some(Kind::Num(..))) {
                return None;
            }
            // The second half of a range: reported once, approximate, spanning both.
            if k >= 2
                && prefix_money.is_none()
                && matches!(self.kind(k - 1), Some(Kind::Dash))
                && matches!(self.kind(k - 2), Some(Kind::Num(..)))
            {
                if k >= 4
                    && matches!(self.kind(k - 3), Some(Kind::Dash))
                    && matches!(self.kind(k - 4), Some(Kind::Num(..)))
                {
                    return None;
                }
                if matches!(self.kind(k - 2), Some(Kind::Num(_, NumForm::Skip))) {
                    return None;
                }
                start = k - 2;
                approx = true;
            }
        }

        // A multiplier.
        let mut multiplied = false;
        if let Some(Lex::Mult(m)) = self.lex(after) {
            value *= m;
            after = self.skip_abbrev_dot(after + 1);
            multiplied = true;
            // A compound number, larger parts first (`3 миллиона 560 тысяч`, `1 млн 200 тыс.`,
            // `12 тысяч 350`): each part after a multiplier is smaller than it.
            let mut last = m;
            while let Some(Kind::Num(v, form)) = self.kind(after) {
                if matches!(form, NumForm::Skip) {
                    break;
                }
                match self.lex(after + 1) {
                    Some(Lex::Mult(n)) if n < last && v * n < last => {
                        value += v * n;
                        last = n;
                        after = self.skip_abbrev_dot(after + 2);
                    }
                    Some(Lex::Mult(_)) => break,
                    _ if v < last && v.fract() == 0.0 => {
                        value += v;
                        after += 1;
                        break;
                    }
                    _ => break,
                }
            }
        }
        // A numeral too long for a float is no figure.
        if !value.is_finite() {
            return None;
        }
        // `500 с лишним человек`; a qualifier right after the number, where the language
        // puts it there (Kazakh `300-ге жуық тест`).
        if self.is(after, flag::WITH) && self.is(after + 1, flag::APPROX_AFTER) {
            approx = true;
            after += 2;
        } else if self.is(after, flag::APPROX_AFTER) {
            approx = true;
            after += 1;
        }

        // The qualifiers on the left and a part's `из них` are read once, when needed (most
        // numbers are dates and never get that far).
        let num_start = start;
        let mut left: Option<Left> = None;
        let part_after = |e: usize| self.is(e, flag::OF) && self.is(e + 1, flag::PRONOUN);

        // The unit.
        let (unit, end) = if let Some(code) = prefix_money {
            (Some(Unit::Money(code)), after)
        } else {
            match self.unit_at(after) {
                Some((u, e)) => (Some(u), e),
                None => (None, after),
            }
        };
        // A difference from a comparison reference (`на 18% больше, чем неделей ранее`).
        if matches!(unit, Some(Unit::Percent)) && self.is_difference(num_start, end) {
            return None;
        }
        let (clause_start, _) = self.clause(k);
        let unit = match unit {
            Some(u) => u,
            None if collective => {
                if self.lex(after) == Some(Lex::NotPeople) {
                    return None;
                }
                Unit::Count(CountUnit::People, None, after, after)
            }
            None => {
                // Digits with nothing countable after them: a neighbouring cue verb
                // (`скончались 17`, `3 умерли`) or the `число ...` subject on the left.
                if (digits == Some(NumForm::Dot) || half) && !multiplied {
                    return None;
                }
                // `за 2020`, `в 2021`: a year, not a count.
                let year_like = digits == Some(NumForm::Int)
                    && (1900.0..=2100.0).contains(&value)
                    && self.toks.get(k).is_some_and(|t| t.end - t.start == 4);
                if year_like {
                    return None;
                }
                let free_after = match self.kind(end) {
                    None | Some(Kind::Break) => true,
                    Some(Kind::Word) => self.is(end, flag::AFTER_BARE),
                    _ => false,
                };
                let right_cue = self.cue_at(end);
                let left_cue = if free_after && num_start > 0 {
                    let q = if self.is(num_start - 1, flag::QUALIFIER) && num_start > 1 {
                        num_start - 2
                    } else {
                        num_start - 1
                    };
                    self.cue_at(q)
                } else {
                    None
                };
                let subject = || if free_after && digits.is_some() { self.subject_unit(clause_start, k) } else { None };
                match right_cue.or(left_cue) {
                    Some((_, what)) => Unit::Count(CountUnit::People, Some(what), end, end),
                    None => match subject() {
                        Some(u) => u,
                        None => {
                            let free = free_after || matches!(self.kind(end), Some(Kind::Dash));
                            if !free {
                                return None;
                            }
                            let l = *left.get_or_insert_with(|| self.left(num_start));
                            // The first item of a list in a sentence of parts (`Из них в
                            // Шымкенте — 312, ...`): a part of the count before the sentence.
                            let listed_part = head.is_none()
                                && l.start > 0
                                && (matches!(self.kind(l.start - 1), Some(Kind::Dash))
                                    || self.is(l.start - 1, flag::AT))
                                && self.opens_with_part();
                            if listed_part {
                                left = Some(Left { subset: true, ..l });
                            }
                            let subset = l.subset || part_after(end) || listed_part;
                            self.carried(head, l.start, k, end, subset)?
                        }
                    },
                }
            }
        };
        if digits == Some(NumForm::Dot) && !multiplied && matches!(unit, Unit::Count(..)) {
            return None;
        }
        if half && !multiplied && !matches!(unit, Unit::Count(..)) {
            return None;
        }

        let Left { start, approx: qualified, at_before, level, subset } = left.unwrap_or_else(|| self.left(num_start));
        approx |= qualified;
        let mut subset = subset;

        // What it counts.
        let (unit_name, what) = match unit {
            Unit::Money(code) => (code, FigureWhat::Money),
            Unit::Percent => ("%", FigureWhat::Percent),
            Unit::Carried(u, what) => (u, what),
            Unit::Count(u, own, noun, adj_from) => {
                let what = match own {
                    Some(FigureWhat::Cases) if u == CountUnit::Cases => {
                        self.case_modifier(adj_from, noun).unwrap_or(FigureWhat::Cases)
                    }
                    Some(w) => w,
                    // The contacts of the sick are people (`52 контактных лица заболевших`).
                    None if u == CountUnit::People
                        && (adj_from.min(noun)..=noun)
                            .any(|j| self.word(j).is_some_and(|w| has_prefix(w, self.words.tables.contacts))) =>
                    {
                        FigureWhat::People
                    }
                    None => {
                        let cue = self.cue_kind(k);
                        if u == CountUnit::Doses {
                            let given = cue == Some(FigureWhat::Vaccinated)
                                || self.clause_has(clause_start, self.words.tables.doses_given);
                            if given {
                                FigureWhat::Vaccinated
                            } else {
                                FigureWhat::Other
                            }
                        } else if let Some(w) = cue {
                            w
                        } else if at_before && self.clause_has(clause_start, self.words.tables.at_case_cues) {
                            FigureWhat::Cases
                        } else {
                            FigureWhat::People
                        }
                    }
                };
                (u.as_str(), what)
            }
        };

        // A part of a count of persons counts what that count counts, unless its own words say
        // more; a list item is a part when its head is.
        subset |= part_after(end);
        let head = head.filter(|(_, h, _)| h.what != FigureWhat::Percent);
        let carried = matches!(unit, Unit::Carried(..));
        let mut what = what;
        if let Some((_, h, _)) = head {
            if subset && what == FigureWhat::People && person_kind(h.what) {
                what = h.what;
            }
            subset |= carried && h.subset;
        }
        let head = head.filter(|_| carried || subset).map(|(n, _, _)| n);

        // `один` forms are mostly determiners (`стоимость одного теста`, `один из`): they count
        // only as a case, a death, a recovery or a vaccination.
        if value == 1.0 && digits.is_none() {
            let reported = matches!(
                what,
                FigureWhat::Cases | FigureWhat::Deaths | FigureWhat::Recoveries | FigureWhat::Vaccinated
            );
            if !reported {
                return None;
            }
        }

        // The span ends at the last word (a trailing abbreviation dot is the sentence's).
        let next = end.max(k + 1);
        let mut last = next - 1;
        while last > k && matches!(self.kind(last), Some(Kind::Sym('.'))) {
            last -= 1;
        }
        let span = self.toks.get(start)?.start..self.toks.get(last)?.end;
        debug_assert!(self.text.get(span.clone()).is_some());
        Some((
            Figure {
                value,
                unit: std::borrow::Cow::Borrowed(unit_name),
                what,
                approx,
                count: None,
                subset,
                span: Span { bytes: span, chars: 0..0 },
                sentence: 0,
            },
            Found { k, end: next, clause: self.clause(k), unit: unit_name, head, level },
        ))
    }

    /// A number with nothing countable of its own (and nothing after it in its clause but a
    /// dash or a preposition) that continues the count before it (`head`): a part of it
    /// (`из них 1 040`, `subset`), or the next item of a list after one counted noun (`у 312
    /// человек, в Шымкенте — у 95`). A list item stands in the clause after its head's, or in
    /// the same one after a colon or right after "and", and opens its clause or follows a
    /// dash, a colon, "at" or "and".
    /// Its kind is its clause's cue, else its head's.
    fn carried(
        &self,
        head: Option<(usize, &Figure, &Found)>,
        start: usize,
        k: usize,
        end: usize,
        subset: bool,
    ) -> Option<Unit> {
        let head = head.filter(|(_, f, _)| f.what != FigureWhat::Percent);
        let Some((_, f, at)) = head else {
            return subset.then_some(Unit::Count(CountUnit::People, None, end, end));
        };
        if !subset {
            let (cs, _) = self.clause(k);
            let next_clause = cs == at.clause.1 + 1;
            let before = start.checked_sub(1);
            let same_clause = cs == at.clause.0
                && ((at.end..start).any(|j| matches!(self.kind(j), Some(Kind::Sym(':'))))
                    || before.is_some_and(|p| self.is(p, flag::AND)));
            let lead = start == cs
                || before.is_some_and(|p| {
                    matches!(self.kind(p), Some(Kind::Dash | Kind::Sym(':'))) || self.is(p, flag::AT | flag::AND)
                });
            // `..., Санкт-Петербурге — 745 и Московской области — 420`: the next item after
            // "and" and its place.
            let after_and = (at.end..start).any(|j| self.is(j, flag::AND))
                && (at.end..start).all(|j| !matches!(self.kind(j), Some(Kind::Num(..))));
            if !(next_clause || same_clause || after_and) || !lead {
                return None;
            }
        }
        if !counted(f.what) {
            return Some(Unit::Carried(at.unit, f.what));
        }
        match self.cue_kind(k) {
            Some(what) if what != f.what => Some(Unit::Carried(CountUnit::People.as_str(), what)),
            _ => Some(Unit::Carried(at.unit, f.what)),
        }
    }

    /// Whether the percentage from token `start` to before `end` is a difference (`на 18%
    /// больше`).
    fn is_difference(&self, start: usize, end: usize) -> bool {
        let tables = self.words.tables;
        start.checked_sub(1).and_then(|p| self.word(p)).is_some_and(|w| tables.difference_by.contains(&w))
            && self.word(end).is_some_and(|w| tables.difference_comparatives.contains(&w))
    }

    /// Whether the sentence opens with `из них`, `в том числе` or a word pair of
    /// `most_openers` (`больше всего`): what it lists are parts of a count before it.
    pub(crate) fn opens_with_part(&self) -> bool {
        let most = |(a, b): &(&str, &str)| self.word(0) == Some(*a) && self.word(1) == Some(*b);
        self.words.tables.most_openers.iter().any(most)
            || (self.is(0, flag::OF) && self.is(1, flag::PRONOUN))
            || (self.is(0, flag::INCLUDING) && self.is(1, flag::INCLUDING_END))
            || (self.is(1, flag::INCLUDING) && self.is(2, flag::INCLUDING_END))
    }

    /// The qualifiers on the left of a number that starts at `start`, and whether `из них`
    /// or `в том числе` stands before them.
    fn left(&self, mut start: usize) -> Left {
        let mut approx = false;
        let mut level = false;
        if start > 0 {
            let q = start - 1;
            let fq = self.flags(q);
            if fq & flag::UP_TO != 0 {
                let change = q > 0 && self.word(q - 1).is_some_and(|w| has_prefix(w, self.words.tables.change_verbs));
                if change {
                    level = true;
                } else {
                    approx = true;
                    start = q;
                }
            } else if fq & flag::THAN != 0 && q > 0 && self.is(q - 1, flag::COMPARATIVE) {
                approx = true;
                start = q - 1;
                if start > 0 && self.is(start - 1, flag::QUALIFIER_HEAD) {
                    start -= 1;
                }
            } else if fq & flag::QUALIFIER != 0 {
                approx = true;
                start = q;
                if fq & flag::COMPARATIVE != 0 && q > 0 && self.is(q - 1, flag::QUALIFIER_HEAD) {
                    start = q - 1;
                }
            }
        }
        // `у`, `из них`, `в том числе` before the number and its qualifiers.
        let before = start.checked_sub(1).map_or(0, |p| self.flags(p));
        let at_before = before & flag::AT != 0;
        let subset = start >= 2
            && ((before & flag::PRONOUN != 0 && self.is(start - 2, flag::OF))
                || (before & flag::INCLUDING_END != 0 && self.is(start - 2, flag::INCLUDING)));
        Left { start, approx, at_before, level, subset }
    }

    /// The word classes of token `i` ([`flag`]; none for a token that is no word).
    #[inline]
    fn flags(&self, i: usize) -> u32 {
        match self.toks.get(i) {
            Some(t) if matches!(t.kind, Kind::Word) => self.entry(t).flags,
            _ => 0,
        }
    }

    /// Whether a word of the clause that starts at `clause_start` starts with one of `prefixes`.
    fn clause_has(&self, clause_start: usize, prefixes: &[&str]) -> bool {
        let (_, ce) = self.clause(clause_start);
        (clause_start..ce).any(|j| self.word(j).is_some_and(|w| has_prefix(w, prefixes)))
    }
}
