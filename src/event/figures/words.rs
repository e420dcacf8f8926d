//! The words the figure engine reads, as a language gives them ([`FigureTables`], plain data)
//! and as the engine looks them up ([`FigureWords`], one [`WordMap`] compiled once).
//!
//! Every table holds normalized forms (as [`Tokens::norm`](crate::text::Tokens::norm) gives
//! them: lower case, `ё` written `е`, hyphens as `-`), except [`FigureTables::cardinal_suffixes`],
//! which are compared with the text as written.

use super::FigureWhat;
use crate::text::wordmap::WordMap;

/// What a counted noun counts, as the [`Figure::unit`](super::Figure::unit) names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CountUnit {
    /// Persons.
    People,
    /// Events (`случаев`, `смертей`).
    Cases,
    /// Tests.
    Tests,
    /// Vaccine doses.
    Doses,
    /// Hospital beds.
    Beds,
}

impl CountUnit {
    /// The unit's name in a [`Figure`](super::Figure).
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            CountUnit::People => "people",
            CountUnit::Cases => "cases",
            CountUnit::Tests => "tests",
            CountUnit::Doses => "doses",
            CountUnit::Beds => "beds",
        }
    }
}

/// What a word is to the figure grammar.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Lex {
    /// A counted noun: unit and, if the noun says it, what it counts.
    Count(CountUnit, Option<FigureWhat>),
    /// A currency (ISO 4217 code).
    Money(&'static str),
    /// A word for "percent".
    Percent,
    /// A multiplier (`млн`).
    Mult(f64),
    /// A collective numeral, which counts people.
    Collective(u32),
    /// One and a half (`полтора`).
    Half,
    /// A word that makes a collective numeral a duration (`суток`).
    NotPeople,
    /// `исходов`: a count of deaths after a deadly adjective, nothing otherwise.
    Outcome,
}

/// Word classes the grammar tests by membership, as bits of [`Entry::flags`].
pub(crate) mod flag {
    /// An abbreviation whose full stop does not end the clause.
    pub(crate) const ABBREVIATION: u32 = 1;
    /// Before a number, makes it an address or an identifier (`дом 5`).
    pub(crate) const ADDRESS: u32 = 1 << 1;
    /// May follow a number counted by the subject on its left.
    pub(crate) const AFTER_BARE: u32 = 1 << 2;
    /// A subject that introduces a counted noun (`число заболевших`).
    pub(crate) const SUBJECT: u32 = 1 << 3;
    /// A one-word qualifier that makes a number approximate (`более`).
    pub(crate) const QUALIFIER: u32 = 1 << 4;
    /// A word before a comparative that belongs to the qualifier (`не менее`).
    pub(crate) const QUALIFIER_HEAD: u32 = 1 << 5;
    /// A comparative qualifier (`более`, `менее`) that takes a head or `чем`.
    pub(crate) const COMPARATIVE: u32 = 1 << 6;
    /// "Up to" (`до`): approximate, unless a verb of change precedes it.
    pub(crate) const UP_TO: u32 = 1 << 7;
    /// "Than" after a comparative (`более чем`).
    pub(crate) const THAN: u32 = 1 << 8;
    /// "At" before a count of people (`у 14 человек`).
    pub(crate) const AT: u32 = 1 << 9;
    /// "With" (`с лишним`, `случаев с летальным исходом`).
    pub(crate) const WITH: u32 = 1 << 10;
    /// After "with" and a number, makes it approximate (`с лишним`).
    pub(crate) const APPROX_AFTER: u32 = 1 << 11;
    /// A form of a thousand that counts alone (`тысяча человек`; not the vague `тысячи людей`).
    pub(crate) const EXACT_THOUSAND: u32 = 1 << 12;
    /// Says that the counts of its clause are new (`новых`, `впервые`, `прирост`).
    pub(crate) const COUNT_NEW: u32 = 1 << 13;
    /// Says that the counts of its sentence are running totals (`всего`).
    pub(crate) const COUNT_TOTAL: u32 = 1 << 14;
    /// Opens a period of time (`за`, `в течение`) before [`DAY`].
    pub(crate) const FOR: u32 = 1 << 15;
    /// Between [`FOR`] and [`DAY`]: `последние`, `прошедшие`, `минувший`.
    pub(crate) const WINDOW: u32 = 1 << 16;
    /// A day (`сутки`, `день`): after [`FOR`], the period of new counts.
    pub(crate) const DAY: u32 = 1 << 17;
    /// `начала` after "with" (`с начала пандемии`): a running total.
    pub(crate) const START: u32 = 1 << 18;
    /// `общее`, `общей`, ...: before a subject (`общее число`) or [`SUM`], a running total.
    pub(crate) const TOTAL_ADJ: u32 = 1 << 19;
    /// `сложности` after [`TOTAL_ADJ`] (`в общей сложности`).
    pub(crate) const SUM: u32 = 1 << 20;
    /// `весь`, `все`: between [`FOR`] and [`PERIOD`].
    pub(crate) const WHOLE: u32 = 1 << 21;
    /// `период`, `время` after [`FOR`] + [`WHOLE`] (`за весь период`): a running total.
    pub(crate) const PERIOD: u32 = 1 << 22;
    /// "Of" before a pronoun (`из них`).
    pub(crate) const OF: u32 = 1 << 23;
    /// A pronoun for the count before (`них`, `которых`): after [`OF`], marks a subset.
    pub(crate) const PRONOUN: u32 = 1 << 24;
    /// The first word of "including" (`том` in `в том числе`).
    pub(crate) const INCLUDING: u32 = 1 << 25;
    /// The word after [`INCLUDING`] (`числе`).
    pub(crate) const INCLUDING_END: u32 = 1 << 26;
    /// "And" between the items of a list (`8 в Караганде и 5 в Павлодаре`).
    pub(crate) const AND: u32 = 1 << 27;
    /// A negation before a number word (`ни` in `ни одного случая`): a count of none.
    pub(crate) const NEGATION: u32 = 1 << 28;
}

/// One word of the compiled table: everything the grammar asks about it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Entry {
    /// Its meaning to the grammar, if any.
    pub(crate) lex: Option<Lex>,
    /// Its value when it is a cardinal number word.
    pub(crate) cardinal: Option<u32>,
    /// The word classes it belongs to ([`flag`]).
    pub(crate) flags: u32,
}

impl Entry {
    /// The entry of a word in no table.
    pub(crate) const NONE: Entry = Entry { lex: None, cardinal: None, flags: 0 };

    /// Whether the word can start a figure without a digit: a number word, a collective
    /// numeral or one and a half.
    pub(crate) fn starts(&self) -> bool {
        self.cardinal.is_some() || matches!(self.lex, Some(Lex::Collective(_) | Lex::Half))
    }
}

/// The figure words of one language, as plain data.
pub(crate) struct FigureTables {
    /// Counted nouns: forms, unit, and what they count when the noun says it.
    pub(crate) counts: &'static [(&'static [&'static str], CountUnit, Option<FigureWhat>)],
    /// Currency words with their ISO 4217 code.
    pub(crate) money: &'static [(&'static str, &'static str)],
    /// Currency signs (which may also stand before the number) with their code.
    pub(crate) signs: &'static [(char, &'static str)],
    /// Words for "percent".
    pub(crate) percent: &'static [&'static str],
    /// Multipliers after a number.
    pub(crate) multipliers: &'static [(f64, &'static [&'static str])],
    /// Collective numerals.
    pub(crate) collectives: &'static [(u32, &'static [&'static str])],
    /// One and a half.
    pub(crate) half: &'static [&'static str],
    /// Words after a collective numeral that make it a duration.
    pub(crate) not_people: &'static [&'static str],
    /// `исход` forms: deaths after a deadly adjective.
    pub(crate) outcomes: &'static [&'static str],
    /// Abbreviations whose full stop does not end the clause.
    pub(crate) abbreviations: &'static [&'static str],
    /// Words before a number that make it an address or an identifier.
    pub(crate) address_words: &'static [&'static str],
    /// Negations before a number word that make its count none (`ни одного случая`: 0).
    pub(crate) negations: &'static [&'static str],
    /// Words that may follow a number counted by the subject on its left.
    pub(crate) after_bare: &'static [&'static str],
    /// Subjects that introduce a counted noun on the left of a bare number.
    pub(crate) subjects: &'static [&'static str],
    /// One-word qualifiers that make a number approximate.
    pub(crate) qualifiers: &'static [&'static str],
    /// Words before a comparative that belong to the qualifier.
    pub(crate) qualifier_heads: &'static [&'static str],
    /// Comparative qualifiers.
    pub(crate) comparatives: &'static [&'static str],
    /// "Up to".
    pub(crate) up_to: &'static [&'static str],
    /// "Than".
    pub(crate) than: &'static [&'static str],
    /// "At" (a person).
    pub(crate) at: &'static [&'static str],
    /// "With".
    pub(crate) with: &'static [&'static str],
    /// Words after "with" that make a number approximate.
    pub(crate) approx_after: &'static [&'static str],
    /// Forms of a thousand that count alone.
    pub(crate) exact_thousand: &'static [&'static str],
    /// Verbs of change (prefixes) after which "up to" gives the new value exactly.
    pub(crate) change_verbs: &'static [&'static str],
    /// Endings of adjectives and participles that may stand between a number and its noun.
    pub(crate) adjective_endings: &'static [&'static str],
    /// The fewest characters an adjective has.
    pub(crate) adjective_min_chars: usize,
    /// Cue prefixes for what a neutral count of people counts, in priority order.
    pub(crate) cues: &'static [(FigureWhat, &'static [&'static str])],
    /// Cue words that count only as whole words (a prefix of them would match other words).
    pub(crate) exact_cues: &'static [(&'static str, FigureWhat)],
    /// Prefixes that, after "at" + number, mark the number as infected people.
    pub(crate) at_case_cues: &'static [&'static str],
    /// Prefixes that make doses doses given.
    pub(crate) doses_given: &'static [&'static str],
    /// Openers of a sentence that lists the largest parts of a count before it (`Больше всего
    /// заболевших — в Алматы (120) ...`), as word pairs.
    pub(crate) most_openers: &'static [(&'static str, &'static str)],
    /// Prepositions of a difference before a percentage (`на` in `на 18% больше`).
    pub(crate) difference_by: &'static [&'static str],
    /// Comparatives after a percentage that make it a difference from a comparison reference
    /// (`на 18% больше, чем неделей ранее`): no figure of the happening.
    pub(crate) difference_comparatives: &'static [&'static str],
    /// Prefixes of the words that make a count of persons their contacts (`52 контактных
    /// лица заболевших`): people, whatever role a word after it names.
    pub(crate) contacts: &'static [&'static str],
    /// Adjective prefixes that make an outcome a death (`летальных исходов`).
    pub(crate) deadly_outcome: &'static [&'static str],
    /// Prefixes that make cases deaths, before the noun or after "with" (`случаев с летальным`).
    pub(crate) deadly_case: &'static [&'static str],
    /// Words right after a count of cases that say what the cases are (`случаев смерти`).
    pub(crate) case_next: &'static [(&'static str, FigureWhat)],
    /// Suffixes after `N-` that keep a cardinal reading (`2-х`), as written.
    pub(crate) cardinal_suffixes: &'static [&'static str],
    /// Words that make the counts of their clause new.
    pub(crate) count_new: &'static [&'static str],
    /// Words that make the counts of their sentence running totals.
    pub(crate) count_total: &'static [&'static str],
    /// Words that open a period before a day (`за`, `течение`).
    pub(crate) period_heads: &'static [&'static str],
    /// Words between a period's head and its day (`последние`).
    pub(crate) windows: &'static [&'static str],
    /// Days (`сутки`, `день`).
    pub(crate) days: &'static [&'static str],
    /// `начала` (after "with": since the start of).
    pub(crate) starts: &'static [&'static str],
    /// Forms of "total" (`общее`).
    pub(crate) total_adjectives: &'static [&'static str],
    /// The noun of "in total" after a form of "total" (`сложности`).
    pub(crate) sums: &'static [&'static str],
    /// "Whole" (`весь`) before a period noun.
    pub(crate) wholes: &'static [&'static str],
    /// Period nouns (`период`, `время`).
    pub(crate) periods: &'static [&'static str],
    /// "Of" before a pronoun (`из`).
    pub(crate) of: &'static [&'static str],
    /// Pronouns for the count before (`них`, `которых`).
    pub(crate) pronouns: &'static [&'static str],
    /// "Including", as two words: the first ones (`том`) ...
    pub(crate) including: &'static [&'static str],
    /// ... and the second ones (`числе`).
    pub(crate) including_ends: &'static [&'static str],
    /// "And" between list items.
    pub(crate) and: &'static [&'static str],
}

/// The figure words of one language, compiled for lookups.
pub(crate) struct FigureWords {
    /// The data it was compiled from (prefix lists are read from here).
    pub(crate) tables: &'static FigureTables,
    /// Every word the grammar asks about with its entry, ordered by shape
    /// ([`FigureWords::shape`]): a word is compared only with the few of its shape, and
    /// its shape is computed once per word of a sentence, so no lookup hashes it again.
    by_shape: Box<[(Box<str>, Entry)]>,
    /// Where the words of each shape start in `by_shape`, and one past the last.
    shape_starts: Box<[u32]>,
    /// A bit per hashed shape of the words in `words`: most words of a text are in no table,
    /// and the filter turns them away without hashing them in full.
    filter: Box<[u64; FILTER_WORDS]>,
    /// The cue prefixes grouped by their first four bytes (sorted by them), each group in
    /// rank order: a word is tried only against the prefixes that start like it.
    cue_groups: Vec<(u32, Vec<(usize, &'static str)>)>,
    /// Whether every cue prefix has four bytes or more (else `cue_groups` is not used).
    cue_grouped: bool,
    /// A bit per hashed key of `cue_groups`: a word whose first four bytes have no bit
    /// starts no cue prefix.
    cue_keys: Box<[u64; CUE_KEY_WORDS]>,
    /// The adjective endings of up to eight bytes, by length, each packed into a `u64`
    /// (sorted, for a binary search).
    adjective_ends: Vec<(usize, Vec<u64>)>,
    /// The adjective endings longer than eight bytes.
    adjective_long: Vec<&'static str>,
    /// The filter of [`FigureWords::may_start`]: the words that start a figure without a digit.
    starters: Box<[u64; FILTER_WORDS]>,
    /// The filter of [`FigureWords::may_be_count_cue_shape`]: the words of the count cues.
    count_words: Box<[u64; FILTER_WORDS]>,
    /// How many bytes [`FigureWords::adjective_last`] holds of each ending: the shortest
    /// ending's length, at most eight.
    adjective_tail: usize,
    /// The last [`FigureWords::adjective_tail`] bytes of every adjective ending, packed
    /// (sorted): a word that ends otherwise is no adjective, whatever its length.
    adjective_last: Vec<u64>,
}

/// The word classes of the count cues ([`FigureWords::may_be_count_cue_shape`]).
const COUNT_CUE_FLAGS: u32 = flag::COUNT_NEW
    | flag::COUNT_TOTAL
    | flag::FOR
    | flag::WINDOW
    | flag::DAY
    | flag::START
    | flag::WITH
    | flag::TOTAL_ADJ
    | flag::SUM
    | flag::WHOLE
    | flag::PERIOD;

/// The last `n` bytes of a word, packed (`None` for a shorter word).
#[inline]
fn tail(w: &[u8], n: usize) -> Option<u64> {
    w.len().checked_sub(n).and_then(|from| w.get(from..)).map(pack)
}

/// The first four bytes of a word as one number (zeros past its end).
#[inline]
fn first4(w: &[u8]) -> u32 {
    match w.first_chunk::<4>() {
        Some(b) => u32::from_le_bytes(*b),
        None => {
            let at = |i: usize| u32::from(w.get(i).copied().unwrap_or(0));
            at(0) | (at(1) << 8) | (at(2) << 16) | (at(3) << 24)
        }
    }
}

/// Up to eight bytes as one number.
#[inline]
fn pack(b: &[u8]) -> u64 {
    b.iter().fold(0, |v, &x| (v << 8) | u64::from(x))
}

/// Whether `bit` is set in `filter`.
#[inline]
fn has_bit(filter: &[u64], bit: usize) -> bool {
    filter.get(bit / 64).is_some_and(|b| b & (1 << (bit % 64)) != 0)
}

/// Size of [`FigureWords::filter`] in 64-bit words (16 384 bits).
const FILTER_WORDS: usize = 256;

/// Size of [`FigureWords::cue_keys`] in 64-bit words (4 096 bits).
const CUE_KEY_WORDS: usize = 64;

/// The bit of a cue group's key in [`FigureWords::cue_keys`].
#[inline]
fn cue_key_bit(key: u32) -> usize {
    (key.wrapping_mul(0x9e37_79b1) >> 20) as usize
}

/// The filter bit of a word: its length and its first and last two bytes, mixed (two loads
/// and one multiply: the filters test every word of a sentence).
#[inline]
fn filter_bit(w: &[u8]) -> usize {
    let n = w.len() as u32;
    let (a, z) = match (w.first_chunk::<2>(), w.last_chunk::<2>()) {
        (Some(a), Some(z)) => (u16::from_le_bytes(*a), u16::from_le_bytes(*z)),
        _ => (u16::from(w.first().copied().unwrap_or(0)), 0),
    };
    let key = (u32::from(a) | (u32::from(z) << 16)) ^ n.rotate_right(5);
    (key.wrapping_mul(0x9e37_79b1) >> 18) as usize
}

impl FigureWords {
    /// Compiles `tables`; `cardinals` are the language's cardinal number words with their
    /// values.
    pub(crate) fn new(tables: &'static FigureTables, cardinals: impl IntoIterator<Item = (&'static str, u32)>) -> Self {
        let mut words: WordMap<Entry> = WordMap::new();
        let mut lex = |w: &str, l: Lex| words.entry_or_insert_with(w, Entry::default).lex = Some(l);
        for (forms, unit, what) in tables.counts {
            for w in *forms {
                lex(w, Lex::Count(*unit, *what));
            }
        }
        for (w, code) in tables.money {
            lex(w, Lex::Money(code));
        }
        for w in tables.percent {
            lex(w, Lex::Percent);
        }
        for (v, forms) in tables.multipliers {
            for w in *forms {
                lex(w, Lex::Mult(*v));
            }
        }
        for (v, forms) in tables.collectives {
            for w in *forms {
                lex(w, Lex::Collective(*v));
            }
        }
        for w in tables.half {
            lex(w, Lex::Half);
        }
        for w in tables.not_people {
            lex(w, Lex::NotPeople);
        }
        for w in tables.outcomes {
            lex(w, Lex::Outcome);
        }
        for (w, v) in cardinals {
            debug_assert!(!w.contains(|c: char| c == '-' || c.is_ascii_digit()), "one token: {w}");
            let e = words.entry_or_insert_with(w, Entry::default);
            // The first value a form is given wins, as in the number-word table.
            e.cardinal = e.cardinal.or(Some(v));
        }
        let classes: [(&[&str], u32); 29] = [
            (tables.abbreviations, flag::ABBREVIATION),
            (tables.address_words, flag::ADDRESS),
            (tables.negations, flag::NEGATION),
            (tables.after_bare, flag::AFTER_BARE),
            (tables.subjects, flag::SUBJECT),
            (tables.qualifiers, flag::QUALIFIER),
            (tables.qualifier_heads, flag::QUALIFIER_HEAD),
            (tables.comparatives, flag::COMPARATIVE),
            (tables.up_to, flag::UP_TO),
            (tables.than, flag::THAN),
            (tables.at, flag::AT),
            (tables.with, flag::WITH),
            (tables.approx_after, flag::APPROX_AFTER),
            (tables.exact_thousand, flag::EXACT_THOUSAND),
            (tables.count_new, flag::COUNT_NEW),
            (tables.count_total, flag::COUNT_TOTAL),
            (tables.period_heads, flag::FOR),
            (tables.windows, flag::WINDOW),
            (tables.days, flag::DAY),
            (tables.starts, flag::START),
            (tables.total_adjectives, flag::TOTAL_ADJ),
            (tables.sums, flag::SUM),
            (tables.wholes, flag::WHOLE),
            (tables.periods, flag::PERIOD),
            (tables.of, flag::OF),
            (tables.pronouns, flag::PRONOUN),
            (tables.including, flag::INCLUDING),
            (tables.including_ends, flag::INCLUDING_END),
            (tables.and, flag::AND),
        ];
        for (forms, bit) in classes {
            for w in forms {
                words.entry_or_insert_with(w, Entry::default).flags |= bit;
            }
        }
        let mut filter = Box::new([0u64; FILTER_WORDS]);
        for (w, _) in words.iter() {
            let bit = filter_bit(w.as_bytes());
            filter[bit / 64] |= 1 << (bit % 64);
        }
        let mut starters = Box::new([0u64; FILTER_WORDS]);
        let mut count_words = Box::new([0u64; FILTER_WORDS]);
        for (w, e) in words.iter() {
            let bit = filter_bit(w.as_bytes());
            if e.starts() {
                starters[bit / 64] |= 1 << (bit % 64);
            }
            if e.flags & COUNT_CUE_FLAGS != 0 {
                count_words[bit / 64] |= 1 << (bit % 64);
            }
        }
        let adjective_tail = tables.adjective_endings.iter().map(|e| e.len()).min().unwrap_or(0).min(8);
        let mut adjective_last: Vec<u64> =
            tables.adjective_endings.iter().filter_map(|e| tail(e.as_bytes(), adjective_tail)).collect();
        adjective_last.sort_unstable();
        adjective_last.dedup();
        let mut cue_groups: Vec<(u32, Vec<(usize, &'static str)>)> = Vec::new();
        let cue_grouped = tables.cues.iter().all(|(_, ps)| ps.iter().all(|p| p.len() >= 4));
        for (rank, (_, prefixes)) in tables.cues.iter().enumerate() {
            for p in *prefixes {
                let key = first4(p.as_bytes());
                match cue_groups.iter_mut().find(|g| g.0 == key) {
                    Some(g) => g.1.push((rank, p)),
                    None => cue_groups.push((key, vec![(rank, p)])),
                }
            }
        }
        cue_groups.sort_by_key(|g| g.0);
        let mut cue_keys = Box::new([0u64; CUE_KEY_WORDS]);
        for (key, _) in &cue_groups {
            let bit = cue_key_bit(*key);
            cue_keys[bit / 64] |= 1 << (bit % 64);
        }
        let mut adjective_ends: Vec<(usize, Vec<u64>)> = Vec::new();
        let mut adjective_long = Vec::new();
        for e in tables.adjective_endings {
            if e.len() > 8 {
                adjective_long.push(*e);
                continue;
            }
            match adjective_ends.iter_mut().find(|g| g.0 == e.len()) {
                Some(g) => g.1.push(pack(e.as_bytes())),
                None => adjective_ends.push((e.len(), vec![pack(e.as_bytes())])),
            }
        }
        for (_, ends) in &mut adjective_ends {
            ends.sort_unstable();
        }
        let mut by_shape: Vec<(Box<str>, Entry)> = words.iter().map(|(w, e)| (Box::from(w), *e)).collect();
        by_shape
            .sort_by(|a, b| filter_bit(a.0.as_bytes()).cmp(&filter_bit(b.0.as_bytes())).then_with(|| a.0.cmp(&b.0)));
        let mut shape_starts = vec![0u32; FILTER_WORDS * 64 + 1];
        for (w, _) in &by_shape {
            if let Some(n) = shape_starts.get_mut(filter_bit(w.as_bytes()) + 1) {
                *n += 1;
            }
        }
        for k in 1..shape_starts.len() {
            shape_starts[k] += shape_starts[k - 1];
        }
        FigureWords {
            tables,
            by_shape: by_shape.into_boxed_slice(),
            shape_starts: shape_starts.into_boxed_slice(),
            filter,
            cue_groups,
            cue_grouped,
            cue_keys,
            adjective_ends,
            adjective_long,
            starters,
            count_words,
            adjective_tail,
            adjective_last,
        }
    }

    /// The shape of a normalized word: the bit it has in the filters (see
    /// [`FigureWords::may_hold`]), computed once per word of a sentence.
    #[inline]
    pub(crate) fn shape(norm: &[u8]) -> u16 {
        filter_bit(norm) as u16
    }

    /// Whether a word of this shape may be in the table (`false` is sure).
    #[inline]
    pub(crate) fn may_hold(&self, shape: u16) -> bool {
        has_bit(&*self.filter, usize::from(shape))
    }

    /// Whether a word of this shape may start a figure without a digit (`false` is sure).
    #[inline]
    pub(crate) fn may_start(&self, shape: u16) -> bool {
        has_bit(&*self.starters, usize::from(shape))
    }

    /// Whether a word of this shape may be part of a count cue (`false` is sure).
    #[inline]
    pub(crate) fn may_be_count_cue_shape(&self, shape: u16) -> bool {
        has_bit(&*self.count_words, usize::from(shape))
    }

    /// The entry of a normalized word of shape `shape` ([`FigureWords::shape`] of `norm`).
    #[inline]
    pub(crate) fn get_shaped(&self, norm: &[u8], shape: u16) -> Option<&Entry> {
        let s = usize::from(shape);
        let (&from, &to) = (self.shape_starts.get(s)?, self.shape_starts.get(s + 1)?);
        let words = self.by_shape.get(from as usize..to as usize)?;
        words.iter().find(|(w, _)| same_bytes(w.as_bytes(), norm)).map(|(_, e)| e)
    }

    /// The entry of a normalized word, if the tables have it.
    #[inline]
    pub(crate) fn get(&self, norm: &str) -> Option<&Entry> {
        self.get_shaped(norm.as_bytes(), Self::shape(norm.as_bytes()))
    }

    /// The code of a currency sign.
    pub(crate) fn sign(&self, c: char) -> Option<&'static str> {
        self.tables.signs.iter().find(|(s, _)| *s == c).map(|(_, code)| *code)
    }

    /// Whether `w` looks like an adjective or a participle.
    pub(crate) fn is_adjective(&self, w: &str) -> bool {
        let b = w.as_bytes();
        let ends = |&(len, ref set): &(usize, Vec<u64>)| {
            b.len() >= len && b.get(b.len() - len..).is_some_and(|tail| set.binary_search(&pack(tail)).is_ok())
        };
        tail(b, self.adjective_tail).is_some_and(|t| self.adjective_last.binary_search(&t).is_ok())
            && (self.adjective_ends.iter().any(ends) || self.adjective_long.iter().any(|e| w.ends_with(e)))
            && w.chars().nth(self.tables.adjective_min_chars.saturating_sub(1)).is_some()
    }

    /// The cue `w` is, with its rank (lower ranks win at equal distance).
    pub(crate) fn cue_of(&self, w: &str) -> Option<(usize, FigureWhat)> {
        if let Some((_, what)) = self.tables.exact_cues.iter().find(|(c, _)| *c == w) {
            let rank = self.tables.cues.iter().position(|(k, _)| k == what).unwrap_or(0);
            return Some((rank, *what));
        }
        let rank = if self.cue_grouped {
            // Every prefix that `w` starts with shares its first four bytes.
            if w.len() < 4 {
                return None;
            }
            let key = first4(w.as_bytes());
            if !has_bit(&*self.cue_keys, cue_key_bit(key)) {
                return None;
            }
            let g = self.cue_groups.binary_search_by_key(&key, |g| g.0).ok()?;
            self.cue_groups.get(g)?.1.iter().find(|(_, p)| w.starts_with(p))?.0
        } else {
            self.tables.cues.iter().position(|(_, prefixes)| has_prefix(w, prefixes))?
        };
        self.tables.cues.get(rank).map(|(what, _)| (rank, *what))
    }
}

/// Whether two words are the same bytes, compared eight bytes at a time in line (the words of
/// a shape are few and short: no call to a general compare).
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (mut x, mut y) = (a, b);
    while let (Some((p, xs)), Some((q, ys))) = (x.split_first_chunk::<8>(), y.split_first_chunk::<8>()) {
        if p != q {
            return false;
        }
        (x, y) = (xs, ys);
    }
    x.iter().zip(y).all(|(p, q)| p == q)
}

/// Whether `w` starts with one of `prefixes`.
pub(crate) fn has_prefix(w: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| w.starts_with(p))
}
