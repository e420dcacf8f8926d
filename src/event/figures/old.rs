#![allow(dead_code, missing_docs, clippy::all)]
//  Figures a sentence states: counts of cases, deaths, recoveries, tests, vaccinated people and
//  people in general, sums of money and percentages.
// 
//  ```
//  use khronika::event::figures::{figures, FigureWhat};
//  let f = figures("За сутки выявлено 49 случаев заражения, выделено 300 млрд тенге.");
//  assert_eq!((f[0].value, f[0].unit.as_str(), f[0].what), (49.0, "cases", FigureWhat::Cases));
//  assert_eq!((f[1].value, f[1].unit.as_str(), f[1].what), (3e11, "KZT", FigureWhat::Money));
//  ```
// 
//  # How a number becomes a figure
// 
//  A number is written in digits (`1 234`, `42 500` with a space, NBSP or thin space between
//  groups of three; `1,5` or, before `млн`/`%`/a currency, `1.5`), in words (`двух`, `двадцать
//  пять`, `две тысячи`, `полтора`), or as a collective numeral (`трое`, `пятерых`). An optional
//  multiplier follows (`тыс.`, `тысяч`, `млн`, `миллиона`, `млрд`, `трлн`). A number is a figure
//  only when something says what it counts:
// 
//  1. **The word after it** (after at most three adjectives: `49 новых случаев`, `12
//     медицинских работников`): a currency, `%`/`процентов`, or a counted noun from the tables
//     in this file (`человек`, `случаев`, `тестов`, `доз`, `коек`, `заболевших`, ...). A currency
//     sign may also stand before it (`$10 млн`).
//  2. **A collective numeral** counts people by itself (`умерли трое`), unless it is followed by
//     `суток`.
//  3. **A cue verb next to it** (`скончались 17`, `3 умерли`, `выздоровели двадцать три`): a
//     number with nothing countable after it counts people of the cue's kind (see below). The cue
//     must directly follow the number, or directly precede it (past a qualifier) with the clause
//     ending, or a preposition or conjunction following the number.
//  4. **The subject on the left**: a number in digits in that same free position takes its noun
//     from a preceding `число` / `количество` / `численность` + noun in the same clause
//     (`число заболевших достигло 1 234` → 1234 people, cases).
// 
//  A bare four-digit number from 1900 to 2100 is a year under rules 3 and 4.
//  Anything else is not a figure: dates (`16 марта`, `16.03.2020`, `2020 года`), clock times
//  (`17.00`, `10:00`), phone numbers (no counted noun follows; hyphen chains like `76-65-43` are
//  skipped outright), `№2` and house numbers (`дом 5`), ordinals (`2-й`), compounds (`5-летний`),
//  ages and durations (`старше 65 лет`, `14 дней`).
// 
//  # What a count of people counts
// 
//  Nouns that name their own kind decide it (`случаев` → cases, `тестов` → tests, `умерших` →
//  deaths, `выздоровевших` → recoveries, `привитых` → vaccinated; `летальных случаев`,
//  `случаев смерти` → deaths). A neutral noun (`человек`, `пациентов`, a collective numeral)
//  takes the kind of the **nearest cue word in its clause** (clauses end at `, ; ( ) ! ?` and a
//  sentence-final `.`): `скончались`, `умерли`, `погибли`, `летальный` → deaths; `выздоровели`,
//  `выписаны` → recoveries; `привиты`, `вакцинированы` → vaccinated; `протестированы`,
//  `обследованы` → tests; `подтвердили`, `заразились`, `инфицированы`, `заболели`,
//  `положительный` → cases. Equal distance prefers deaths, recoveries, vaccinated, tests, cases in
//  that order. With no cue, a number after `у` (`у 14 человек выявили коронавирус`) counts cases
//  when the clause names the virus or a finding verb (`выявили`, `обнаружили`); otherwise it is
//  [`FigureWhat::People`]. Doses count vaccinations only next to a vaccination cue, else
//  [`FigureWhat::Other`].
// 
//  # Approximate figures
// 
//  `более`, `свыше`, `около`, `почти`, `порядка`, `примерно`, `приблизительно`, `больше`,
//  `менее`, `меньше`, `максимум`, `минимум`, `не менее`, `не более`, `чуть более`, `более чем`,
//  `до` before the number, `с лишним` after it, and a range `10–15%` (reported once, as its upper
//  bound) make a figure approximate. `до` after a verb of change (`выросло до 1 234`,
//  `сократилось до 5%`) gives the new value, so it stays exact and out of the span.
// 
//  # Limits
// 
//  - The clause is the unit of context: `у 14 человек, прибывших из Турции, подтвердили ...`
//    separates the number from its cue by commas and yields [`FigureWhat::People`].
//  - In `от 100 до 200 человек` only `до 200 человек` is reported.
//  - Number words take no noun from the `число ...` subject (rule 4 is for digits).
//  - `один`/`одного`/... written as a word counts only when it reports cases, deaths,
//    recoveries or vaccinations (`один случай`, `один человек скончался`): otherwise it is mostly
//    a determiner (`стоимость одного теста`, `один из`).
//  - A dot between digits is a decimal point only before a multiplier, `%` or a currency
//    (`1.5 млн`); otherwise it is a clock time or a date (`17.00`, `16.03`).
//  - Ages and durations are never figures: years, days and hours are not counted nouns.
//  - Increments are reported as stated: `выросло на 120 человек` is 120 people.
//  - A bare `тысячи`, `миллионы` (`тысячи людей`) is vague and not reported.
//  - Money without a currency word (`выделено 5 млрд`) is not reported.

use crate::lang::ru::numbers::{number_word, NumberWord};
use super::{Figure, FigureWhat};
use once_cell::sync::Lazy;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

/// Finds the figures a sentence states, in the order they appear.
///
/// ```
/// use khronika::event::figures::{figures, FigureWhat};
/// let f = figures("У 14 человек подтвердили коронавирус, ещё более 500 человек на карантине.");
/// assert_eq!(f.len(), 2);
/// assert_eq!((f[0].value, f[0].what, f[0].approx), (14.0, FigureWhat::Cases, false));
/// assert_eq!((f[1].value, f[1].what, f[1].approx), (500.0, FigureWhat::People, true));
/// assert!(figures("16 марта 2020 года, в 10:00, по телефону 8 (7172) 76-65-43").is_empty());
/// ```
pub fn figures(sentence: &str) -> Vec<Figure> {
    let mut out = Vec::new();
    // Every figure has a digit, a number word or a collective numeral; a sentence with no digit
    // still needs the word pass, so there is no cheaper test than tokenizing.
    let mut toks = Vec::with_capacity(sentence.len() / 6 + 1);
    let mut norm = String::with_capacity(sentence.len());
    tokenize(sentence, &mut toks, &mut norm);
    let cx = Cx { s: sentence, toks: &toks, norm: &norm };
    let mut i = 0;
    while i < toks.len() {
        match cx.figure_at(i) {
            Some((fig, next)) => {
                out.push(fig);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Tables (normalized forms: lower case, `ё` written `е`).
// ---------------------------------------------------------------------------------------------

/// Nouns for persons with no role of their own; the clause decides what they count.
#[rustfmt::skip]
const PEOPLE: &[&str] = &[
    "человек", "человека", "человеку", "человеком", "людей", "людям", "людьми", "людях", "чел",
    "житель", "жителя", "жителей", "жителям", "жителями", "гражданин", "гражданина", "граждан",
    "гражданам", "пациент", "пациента", "пациентов", "пациентам", "пациентами", "больных",
    "ребенок", "ребенка", "детей", "детям", "детьми", "взрослых", "школьника", "школьников",
    "студента", "студентов", "учащихся", "медика", "медиков", "медработника", "медработников",
    "врача", "врачей", "сотрудника", "сотрудников", "работника", "работников", "рабочих",
    "пассажира", "пассажиров", "туриста", "туристов", "паломников", "казахстанец", "казахстанца",
    "казахстанцев", "россиянин", "россиянина", "россиян", "лиц", "мужчина", "мужчины", "мужчин",
    "женщина", "женщины", "женщин", "пенсионера", "пенсионеров", "военнослужащих",
    "заключенных", "волонтера", "волонтеров", "иностранца", "иностранцев", "мигрантов",
    "полицейских", "члена", "членов", "участника", "участников", "госпитализированных",
    "контактных", "пострадавших",
];
/// Persons counted as infected.
#[rustfmt::skip]
const PEOPLE_CASES: &[&str] = &[
    "заболевший", "заболевшего", "заболевшие", "заболевших", "заразившихся", "инфицированных",
    "зараженных",
];
/// Persons counted as dead.
#[rustfmt::skip]
const PEOPLE_DEATHS: &[&str] = &[
    "умерший", "умершего", "умершие", "умерших", "погибших", "скончавшихся",
];
/// Persons counted as recovered.
#[rustfmt::skip]
const PEOPLE_RECOVERIES: &[&str] = &[
    "выздоровевший", "выздоровевшего", "выздоровевшие", "выздоровевших", "выписанных",
    "излечившихся",
];
/// Persons counted as vaccinated.
#[rustfmt::skip]
const PEOPLE_VACCINATED: &[&str] = &[
    "вакцинированных", "привитых", "привившихся", "ревакцинированных",
];
/// Cases (events, not persons).
#[rustfmt::skip]
const CASES: &[&str] = &[
    "случай", "случая", "случаев", "случаю", "случаям", "случаями", "случаях", "случае",
];
/// Tests.
#[rustfmt::skip]
const TESTS: &[&str] = &[
    "тест", "теста", "тестов", "тестам", "тестами", "тестах", "анализ", "анализа", "анализов",
    "тестирований", "пцр-исследования", "пцр-исследований", "пцр-исследованиях",
];
/// Vaccine doses.
#[rustfmt::skip]
const DOSES: &[&str] = &["доза", "дозы", "доз", "дозу", "дозам", "дозами", "дозах"];
/// Hospital beds.
#[rustfmt::skip]
const BEDS: &[&str] = &[
    "койка", "койки", "коек", "койку", "койками", "койко-место", "койко-места", "койко-мест",
];
/// Currency words and signs with their ISO 4217 code.
#[rustfmt::skip]
const MONEY: &[(&str, &str)] = &[
    ("тенге", "KZT"), ("тг", "KZT"), ("kzt", "KZT"), ("₸", "KZT"),
    ("рубль", "RUB"), ("рубля", "RUB"), ("рублей", "RUB"), ("рублям", "RUB"),
    ("рублями", "RUB"), ("рублях", "RUB"), ("руб", "RUB"), ("rub", "RUB"), ("₽", "RUB"),
    ("доллар", "USD"), ("доллара", "USD"), ("долларов", "USD"), ("долларам", "USD"),
    ("долларами", "USD"), ("долларах", "USD"), ("долл", "USD"), ("usd", "USD"), ("$", "USD"),
    ("евро", "EUR"), ("eur", "EUR"), ("€", "EUR"),
    ("юань", "CNY"), ("юаня", "CNY"), ("юаней", "CNY"), ("юанях", "CNY"),
    ("сом", "KGS"), ("сома", "KGS"), ("сомов", "KGS"),
];
/// Words for "percent".
#[rustfmt::skip]
const PERCENT: &[&str] = &[
    "процент", "процента", "процентов", "процентам", "процентами", "процентах", "проц",
];
/// Multipliers after a number.
#[rustfmt::skip]
const MULTIPLIERS: &[(f64, &[&str])] = &[
    (1e3, &["тыс", "тысяча", "тысячи", "тысяч", "тысячу", "тысячей", "тысячам", "тысячами", "тысячах"]),
    (1e6, &["млн", "миллион", "миллиона", "миллионов", "миллиону", "миллионом", "миллионам", "миллионами", "миллионах"]),
    (1e9, &["млрд", "миллиард", "миллиарда", "миллиардов", "миллиарду", "миллиардом", "миллиардам", "миллиардами", "миллиардах"]),
    (1e12, &["трлн", "триллион", "триллиона", "триллионов", "триллиону", "триллионом", "триллионам", "триллионами", "триллионах"]),
];
/// Collective numerals; they count people.
#[rustfmt::skip]
const COLLECTIVES: &[(u32, &[&str])] = &[
    (2, &["двое", "двоих", "двоим", "двоими"]),
    (3, &["трое", "троих", "троим", "троими"]),
    (4, &["четверо", "четверых", "четверым", "четверыми"]),
    (5, &["пятеро", "пятерых", "пятерым", "пятерыми"]),
    (6, &["шестеро", "шестерых", "шестерым", "шестерыми"]),
    (7, &["семеро", "семерых", "семерым", "семерыми"]),
    (8, &["восьмеро", "восьмерых", "восьмерым", "восьмерыми"]),
    (9, &["девятеро", "девятерых", "девятерым", "девятерыми"]),
    (10, &["десятеро", "десятерых", "десятерым", "десятерыми"]),
];
/// `полтора` and its forms (not in the number-word table: not a whole number).
#[rustfmt::skip]
const HALF: &[&str] = &["полтора", "полторы", "полутора"];
/// `исход` forms: deaths after `летальных`/`смертельных`.
#[rustfmt::skip]
const OUTCOMES: &[&str] = &["исход", "исхода", "исходов", "исходом", "исходами", "исходах"];
/// Deaths as events (`28 смертей`).
#[rustfmt::skip]
const DEATH_EVENTS: &[&str] = &["смерть", "смерти", "смертей", "смертям", "смертями", "смертях"];
/// Words after a collective numeral that make it a duration, not people.
#[rustfmt::skip]
const NOT_PEOPLE: &[&str] = &["суток", "сутки", "сутках"];

/// Abbreviations whose full stop does not end the clause.
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "тыс", "млн", "млрд", "трлн", "руб", "долл", "тг", "проц", "чел", "г", "гг", "ул", "д", "кв",
    "обл", "мкр", "корп", "им", "т", "п", "р", "ст",
];
/// Words before a number that make it an address or an identifier.
#[rustfmt::skip]
const ADDRESS_WORDS: &[&str] = &[
    "дом", "д", "кв", "квартира", "корпус", "корп", "мкр", "микрорайон", "палата", "палате",
    "кабинет", "школа", "школе", "школы", "больница", "больнице", "больницы", "поликлиника",
    "поликлинике", "поликлиники", "участок", "рейс", "рейсом", "рейса",
];
/// Words that may follow a number counted by the `число ...` subject on its left.
#[rustfmt::skip]
const AFTER_BARE: &[&str] = &[
    "и", "а", "но", "за", "в", "во", "на", "с", "со", "по", "к", "ко", "из", "при", "после",
    "против", "уже", "из-за", "от",
];
/// Subjects that introduce a counted noun on the left of a bare number.
#[rustfmt::skip]
const SUBJECTS: &[&str] = &[
    "число", "числа", "числе", "количество", "количества", "количестве", "численность",
    "численности",
];
/// Single-word qualifiers before a number that make it approximate.
#[rustfmt::skip]
const QUALIFIERS: &[&str] = &[
    "более", "свыше", "около", "почти", "порядка", "примерно", "приблизительно", "больше",
    "менее", "меньше", "максимум", "минимум", "до", "ориентировочно",
];
/// Words before `более`/`менее`/... that belong to the qualifier (`не менее`, `чуть более`).
#[rustfmt::skip]
const QUALIFIER_HEADS: &[&str] = &["не", "чуть", "немногим", "немного", "несколько"];
/// Verbs of change (as prefixes) after which `до` gives the new value exactly.
#[rustfmt::skip]
const CHANGE_VERBS: &[&str] = &[
    "вырос", "возрос", "увеличил", "снизил", "сократил", "уменьшил", "упал", "поднял",
    "подскочил", "опустил", "повысил", "понизил", "дорос", "доходит", "дошл", "дошел",
];
/// Endings of adjectives and participles that may stand between a number and its noun.
#[rustfmt::skip]
const ADJECTIVE_ENDINGS: &[&str] = &[
    "ых", "их", "ым", "им", "ыми", "ими", "ые", "ие", "ый", "ий", "ой", "ая", "яя", "ое", "ее",
    "ого", "его", "ому", "ему", "ую", "юю",
];
/// Cue words (as prefixes of normalized words) for what a neutral count of people counts, in
/// priority order for equal distances.
#[rustfmt::skip]
const CUES: &[(FigureWhat, &[&str])] = &[
    (FigureWhat::Deaths, &["скончал", "умерл", "умерш", "умира", "погиб", "смерт", "летальн", "жертв"]),
    (FigureWhat::Recoveries, &["выздоров", "выписан", "выписал", "выписк", "излечил", "излечен", "поправил"]),
    (FigureWhat::Vaccinated, &["привит", "привив", "привил", "вакцинир", "вакцинац", "ревакцин", "компонент"]),
    (FigureWhat::Tests, &["протестир", "тестир", "обследова"]),
    (FigureWhat::Cases, &["подтверд", "подтвержд", "зараз", "зараж", "инфицир", "заболе", "положительн"]),
];
/// Words that, after `у` + number, mark the number as infected people.
#[rustfmt::skip]
const U_CASE_CUES: &[&str] = &[
    "коронавирус", "covid", "ковид", "вирус", "выявил", "выявлен", "обнаружил", "обнаружен",
];
/// Words (as prefixes) that make doses doses given, next to the vaccination cues.
#[rustfmt::skip]
const DOSES_GIVEN: &[&str] = &["введен", "введено", "использован", "сделан", "сделали"];
/// Suffixes after `N-` that keep a cardinal reading (`2-х`, `5-ти`).
#[rustfmt::skip]
const CARDINAL_SUFFIXES: &[&str] = &["х", "ух", "ех", "их", "ти", "ми"];

// ---------------------------------------------------------------------------------------------
// Lexicon.
// ---------------------------------------------------------------------------------------------

/// A small, fast, non-cryptographic hasher (the FxHash mix) for the static word tables.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.hash;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(FX_SEED);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(FX_SEED);
        }
        self.hash = h;
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Builds [`FxHasher`]s for `HashMap`.
pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;

/// What a word (normalized) is to the figure grammar.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Lex {
    /// A counted noun: unit and, if the noun says it, what it counts.
    Count(&'static str, Option<FigureWhat>),
    /// A currency (ISO code).
    Money(&'static str),
    /// `процентов`.
    Percent,
    /// A multiplier (`млн`).
    Mult(f64),
    /// A collective numeral.
    Collective(u32),
    /// `полтора`.
    Half,
    /// A word that makes a collective numeral a duration.
    NotPeople,
    /// `исходов`: a count of deaths after `летальных`, nothing otherwise.
    Outcome,
}

static LEXICON: Lazy<HashMap<&'static str, Lex, FxBuild>> = Lazy::new(|| {
    let mut m: HashMap<&'static str, Lex, FxBuild> = HashMap::default();
    let counts: &[(&[&str], &str, Option<FigureWhat>)] = &[
        (PEOPLE, "people", None),
        (PEOPLE_CASES, "people", Some(FigureWhat::Cases)),
        (PEOPLE_DEATHS, "people", Some(FigureWhat::Deaths)),
        (PEOPLE_RECOVERIES, "people", Some(FigureWhat::Recoveries)),
        (PEOPLE_VACCINATED, "people", Some(FigureWhat::Vaccinated)),
        (CASES, "cases", Some(FigureWhat::Cases)),
        (DEATH_EVENTS, "cases", Some(FigureWhat::Deaths)),
        (TESTS, "tests", Some(FigureWhat::Tests)),
        (DOSES, "doses", None),
        (BEDS, "beds", Some(FigureWhat::Other)),
    ];
    for (words, unit, what) in counts {
        for w in *words {
            m.insert(*w, Lex::Count(unit, *what));
        }
    }
    for (w, code) in MONEY {
        m.insert(*w, Lex::Money(code));
    }
    for w in PERCENT {
        m.insert(*w, Lex::Percent);
    }
    for (v, words) in MULTIPLIERS {
        for w in *words {
            m.insert(*w, Lex::Mult(*v));
        }
    }
    for (v, words) in COLLECTIVES {
        for w in *words {
            m.insert(*w, Lex::Collective(*v));
        }
    }
    for w in HALF {
        m.insert(*w, Lex::Half);
    }
    for w in NOT_PEOPLE {
        m.insert(*w, Lex::NotPeople);
    }
    for w in OUTCOMES {
        m.insert(*w, Lex::Outcome);
    }
    m
});

// ---------------------------------------------------------------------------------------------
// Tokens.
// ---------------------------------------------------------------------------------------------

/// How a run of digits was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NumForm {
    /// Plain digits.
    Int,
    /// Digits with thousand separators (`1 234`).
    Grouped,
    /// A decimal comma (`1,5`).
    Decimal,
    /// One dot (`1.5` or the clock time `17.00`): a number only before a multiplier, `%` or
    /// a currency.
    Dot,
    /// Not a quantity: a date, a clock time, an ordinal or part of a compound word.
    Skip,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Word,
    Num(f64, NumForm),
    Sym(char),
    /// Ends a clause: `, ; ( ) ! ?` and a full stop that is not an abbreviation's.
    Break,
    /// A hyphen or dash standing alone.
    Dash,
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    end: usize,
    kind: Kind,
    /// The normalized form (words only), a range in the sentence's normalization buffer.
    norm: (u32, u32),
    /// A word with a hyphen inside (`ПЦР-тестов`).
    hyphen: bool,
}

/// Whether `c` is a letter; Latin and Cyrillic (with the Kazakh letters) without a table lookup.
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{400}'..='\u{481}' | '\u{48a}'..='\u{4ff}' => true,
        _ if c.is_ascii() => false,
        _ => c.is_alphabetic(),
    }
}

/// Whether `c` is a capital letter; the basic Cyrillic and Latin capitals without a table lookup.
#[inline]
pub(crate) fn is_capital(c: char) -> bool {
    match c {
        'A'..='Z' | 'А'..='Я' | 'Ё' => true,
        'a'..='z' | 'а'..='я' | 'ё' => false,
        _ if c.is_ascii() => false,
        _ => c.is_uppercase(),
    }
}

/// The byte length of the letter or ASCII digit at byte `j` of `s`, or 0.
#[inline]
fn letter_or_digit_len(s: &str, j: usize) -> usize {
    let b = s.as_bytes();
    match b.get(j) {
        Some(c) if c.is_ascii_alphanumeric() => 1,
        // Two-byte Cyrillic (U+0400..U+04FF), minus the signs U+0482..U+0489.
        Some(0xd0 | 0xd1 | 0xd3) => 2,
        Some(0xd2) => match b.get(j + 1) {
            Some(0x82..=0x89) => 0,
            _ => 2,
        },
        Some(c) if *c >= 0x80 => {
            s.get(j..).and_then(|r| r.chars().next()).filter(|c| is_letter(*c)).map_or(0, char::len_utf8)
        }
        _ => 0,
    }
}

fn push_norm(word: &str, norm: &mut String) {
    for c in word.chars() {
        match c {
            'А'..='Я' => norm.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
            'Ё' | 'ё' => norm.push('е'),
            'а'..='я' | 'a'..='z' | '-' | '0'..='9' => norm.push(c),
            _ => norm.extend(c.to_lowercase()),
        }
    }
}

fn is_space_at(s: &str, i: usize) -> Option<usize> {
    match s.get(i..)?.chars().next()? {
        ' ' => Some(1),
        c @ ('\u{a0}' | '\u{202f}' | '\u{2009}') => Some(c.len_utf8()),
        _ => None,
    }
}

fn digits_at(b: &[u8], mut j: usize) -> usize {
    while j < b.len() && b[j].is_ascii_digit() {
        j += 1;
    }
    j
}

/// Reads the number starting at byte `i` (an ASCII digit).
fn scan_number(s: &str, i: usize) -> (Kind, usize) {
    let b = s.as_bytes();
    let digit_after = |j: usize| j + 1 < b.len() && b[j + 1].is_ascii_digit();
    let mut j = digits_at(b, i);
    let mut value = 0f64;
    for &d in &b[i..j] {
        value = value * 10.0 + f64::from(d - b'0');
    }
    let first_len = j - i;
    let mut form = NumForm::Int;
    let mut dots = 0;
    loop {
        if j < b.len() && digit_after(j) {
            match b[j] {
                b',' if form != NumForm::Decimal && dots == 0 => {
                    let k = digits_at(b, j + 1);
                    value += frac(&b[j + 1..k]);
                    form = NumForm::Decimal;
                    j = k;
                    continue;
                }
                b'.' if form != NumForm::Decimal => {
                    let k = digits_at(b, j + 1);
                    if dots == 0 {
                        value += frac(&b[j + 1..k]);
                    }
                    dots += 1;
                    j = k;
                    continue;
                }
                b':' => {
                    let k = digits_at(b, j + 1);
                    form = NumForm::Skip;
                    j = k;
                    continue;
                }
                _ => {}
            }
        }
        if matches!(form, NumForm::Int | NumForm::Grouped) && dots == 0 && first_len <= 3 {
            if let Some(w) = is_space_at(s, j) {
                let k = digits_at(b, j + w);
                if k == j + w + 3 {
                    for &d in &b[j + w..k] {
                        value = value * 10.0 + f64::from(d - b'0');
                    }
                    form = NumForm::Grouped;
                    j = k;
                    continue;
                }
            }
        }
        break;
    }
    if dots == 1 && form != NumForm::Skip {
        form = NumForm::Dot;
    } else if dots > 1 {
        form = NumForm::Skip;
    }
    // A suffix: `2-х` stays a cardinal, `2-й`, `5-летний`, `5G` are not quantities.
    let rest = &s[j..];
    let (has_hyphen, letters_from) = match rest.strip_prefix('-') {
        Some(r) if r.chars().next().is_some_and(is_letter) => (true, j + 1),
        _ => (false, j),
    };
    if has_hyphen || rest.chars().next().is_some_and(is_letter) {
        let end =
            s[letters_from..].char_indices().find(|(_, c)| !is_letter(*c)).map_or(s.len(), |(k, _)| letters_from + k);
        let suffix = &s[letters_from..end];
        let cardinal = has_hyphen && form == NumForm::Int && CARDINAL_SUFFIXES.contains(&suffix);
        if !cardinal {
            form = NumForm::Skip;
        }
        j = end;
    }
    (Kind::Num(value, form), j)
}

fn frac(digits: &[u8]) -> f64 {
    let mut v = 0f64;
    let mut scale = 1f64;
    for &d in digits {
        v = v * 10.0 + f64::from(d - b'0');
        scale *= 10.0;
    }
    v / scale
}

fn tokenize(s: &str, toks: &mut Vec<Tok>, norm: &mut String) {
    let mut i = 0;
    while let Some(c) = s.get(i..).and_then(|r| r.chars().next()) {
        let cl = c.len_utf8();
        if c.is_ascii_digit() {
            let (kind, end) = scan_number(s, i);
            toks.push(Tok { start: i, end, kind, norm: (0, 0), hyphen: false });
            i = end;
            continue;
        }
        if is_letter(c) {
            let mut j = i + cl;
            let mut hyphen = false;
            loop {
                let n = letter_or_digit_len(s, j);
                if n > 0 {
                    j += n;
                } else if s.as_bytes().get(j) == Some(&b'-') && letter_or_digit_len(s, j + 1) > 0 {
                    j += 1;
                    hyphen = true;
                } else {
                    break;
                }
            }
            let ns = norm.len() as u32;
            push_norm(&s[i..j], norm);
            toks.push(Tok { start: i, end: j, kind: Kind::Word, norm: (ns, norm.len() as u32), hyphen });
            i = j;
            continue;
        }
        let kind = match c {
            _ if c.is_whitespace() => None,
            ',' | ';' | '(' | ')' | '!' | '?' | '…' => Some(Kind::Break),
            '.' => {
                let abbrev = toks.last().is_some_and(|t| {
                    t.kind == Kind::Word && t.end == i && {
                        let w = &norm[t.norm.0 as usize..t.norm.1 as usize];
                        ABBREVIATIONS.contains(&w)
                    }
                });
                Some(if abbrev { Kind::Sym('.') } else { Kind::Break })
            }
            '-' | '–' | '—' | '‒' | '−' => Some(Kind::Dash),
            _ => Some(Kind::Sym(c)),
        };
        if let Some(kind) = kind {
            toks.push(Tok { start: i, end: i + cl, kind, norm: (0, 0), hyphen: false });
        }
        i += cl;
    }
}

// ---------------------------------------------------------------------------------------------
// Grammar.
// ---------------------------------------------------------------------------------------------

struct Cx<'a> {
    s: &'a str,
    toks: &'a [Tok],
    norm: &'a str,
}

/// What the number is followed by.
#[derive(Clone, Copy, Debug)]
enum Unit {
    Money(&'static str),
    Percent,
    /// A counted noun: unit, own kind, index of the noun, first index of the adjectives before it.
    Count(&'static str, Option<FigureWhat>, usize, usize),
}

fn currency_sign(c: char) -> Option<&'static str> {
    match c {
        '$' => Some("USD"),
        '€' => Some("EUR"),
        '₸' => Some("KZT"),
        '₽' => Some("RUB"),
        _ => None,
    }
}

fn is_adjective(w: &str) -> bool {
    w.chars().nth(3).is_some() && ADJECTIVE_ENDINGS.iter().any(|e| w.ends_with(e))
}

fn cue_of(w: &str) -> Option<(usize, FigureWhat)> {
    // `умер` alone is a cue; `умеренный` is not.
    if w == "умер" {
        return Some((0, FigureWhat::Deaths));
    }
    CUES.iter()
        .enumerate()
        .find(|(_, (_, prefixes))| prefixes.iter().any(|p| w.starts_with(p)))
        .map(|(rank, (what, _))| (rank, *what))
}

impl<'a> Cx<'a> {
    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        if t.kind == Kind::Word {
            self.norm.get(t.norm.0 as usize..t.norm.1 as usize)
        } else {
            None
        }
    }

    fn word_is(&self, i: usize, set: &[&str]) -> bool {
        self.word(i).is_some_and(|w| set.contains(&w))
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// The lexicon entry of word `i`; a hyphenated word falls back to its last part
    /// (`экспресс-тестов` → `тестов`).
    fn lex(&self, i: usize) -> Option<Lex> {
        let w = self.word(i)?;
        if let Some(l) = LEXICON.get(w) {
            return Some(*l);
        }
        if !self.toks[i].hyphen {
            return None;
        }
        let (_, last) = w.rsplit_once('-')?;
        match LEXICON.get(last) {
            Some(l @ Lex::Count(..)) => Some(*l),
            _ => None,
        }
    }

    /// Index of the first token of the clause containing `i`, and one past its last.
    fn clause(&self, i: usize) -> (usize, usize) {
        let start = self.toks[..i].iter().rposition(|t| t.kind == Kind::Break).map_or(0, |p| p + 1);
        let end = self.toks[i..].iter().position(|t| t.kind == Kind::Break).map_or(self.toks.len(), |p| i + p);
        (start, end)
    }

    /// A full stop after an abbreviation (`тыс.`) belongs to it.
    fn skip_abbrev_dot(&self, i: usize) -> usize {
        if self.kind(i) == Some(Kind::Sym('.')) {
            i + 1
        } else {
            i
        }
    }

    /// A unit at token `j`: `%`, a currency, or a counted noun after at most two adjectives.
    fn unit_at(&self, j: usize) -> Option<(Unit, usize)> {
        match self.kind(j)? {
            Kind::Sym('%') => return Some((Unit::Percent, j + 1)),
            Kind::Sym(c) => return currency_sign(c).map(|code| (Unit::Money(code), j + 1)),
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
                        if u2 == unit && self.word(p).is_some_and(is_adjective) {
                            let what = what.or(what2);
                            return Some((Unit::Count(unit, what, p + 1, j), self.skip_abbrev_dot(p + 2)));
                        }
                    }
                    return Some((Unit::Count(unit, what, p, j), self.skip_abbrev_dot(p + 1)));
                }
                Some(Lex::Outcome) => {
                    let deadly = (j..p)
                        .any(|a| self.word(a).is_some_and(|w| w.starts_with("летальн") || w.starts_with("смертельн")));
                    return deadly.then_some((Unit::Count("cases", Some(FigureWhat::Deaths), p, j), p + 1));
                }
                Some(_) => return None,
                None => {
                    let w = self.word(p)?;
                    if p - j < 3 && is_adjective(w) {
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
        while let Some(w) = self.word(j) {
            // Every number word has three letters or more and starts with one of these; the
            // test spares the table lookup for most words.
            let candidate =
                w.len() >= 6 && matches!(w.chars().next(), Some('н' | 'о' | 'д' | 'т' | 'ч' | 'п' | 'ш' | 'с' | 'в'));
            if !candidate {
                break;
            }
            match number_word(w) {
                Some(NumberWord::Cardinal(1000)) => {
                    // A bare `тысячи людей` is vague; `тысяча человек` is a thousand.
                    if !any && !matches!(w, "тысяча" | "тысячу" | "тысячей") {
                        return None;
                    }
                    total += cur.max(1) * 1000;
                    cur = 0;
                    last = None;
                }
                Some(NumberWord::Cardinal(v)) => {
                    let fits = match last {
                        None => true,
                        Some(l) if l >= 100 => v < 100,
                        Some(l) if l >= 20 && l % 10 == 0 => v < 10,
                        Some(_) => false,
                    };
                    if !fits {
                        break;
                    }
                    cur += u64::from(v);
                    last = Some(v);
                }
                _ => break,
            }
            any = true;
            j += 1;
        }
        any.then_some(((total + cur) as f64, j))
    }

    /// The subject on the left of a bare number: `число заболевших ... достигло N`.
    fn subject_unit(&self, clause_start: usize, num: usize) -> Option<Unit> {
        let k = (clause_start..num).rev().find(|&k| self.word_is(k, SUBJECTS))?;
        match self.unit_at(k + 1)? {
            (u @ Unit::Count(..), _) => Some(u),
            _ => None,
        }
    }

    /// The kind of a count from the cue in the clause nearest to the number at `k`.
    fn cue_kind(&self, k: usize) -> Option<FigureWhat> {
        let (cs, ce) = self.clause(k);
        let mut best: Option<(usize, usize, FigureWhat)> = None;
        for j in cs..ce {
            let Some(w) = self.word(j) else { continue };
            let Some((rank, what)) = cue_of(w) else {
                continue;
            };
            let dist = j.abs_diff(k);
            if best.is_none_or(|(d, r, _)| (dist, rank) < (d, r)) {
                best = Some((dist, rank, what));
            }
        }
        best.map(|(_, _, w)| w)
    }

    /// `случаев смерти`, `летальных случаев`, `случаев выздоровления`.
    fn case_modifier(&self, adj_from: usize, noun: usize) -> Option<FigureWhat> {
        let deadly = |w: &str| w.starts_with("летальн") || w.starts_with("смерт");
        if (adj_from..noun).any(|j| self.word(j).is_some_and(deadly)) {
            return Some(FigureWhat::Deaths);
        }
        match self.word(noun + 1)? {
            "смерти" | "летального" => Some(FigureWhat::Deaths),
            "с" if self.word(noun + 2).is_some_and(deadly) => Some(FigureWhat::Deaths),
            "выздоровления" => Some(FigureWhat::Recoveries),
            _ => None,
        }
    }

    fn figure_at(&self, i: usize) -> Option<(Figure, usize)> {
        // A currency sign before the number.
        let mut prefix_money = None;
        let mut k = i;
        match self.kind(i)? {
            Kind::Sym(c) => {
                prefix_money = Some(currency_sign(c)?);
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
                if self.word_is(k - 1, ADDRESS_WORDS) {
                    return None;
                }
            }
            // The first half of a range or of a hyphenated chain (`10-15%`, `76-65-43`).
            if self.kind(after) == Some(Kind::Dash) && matches!(self.kind(after + 1), Some(Kind::Num(..))) {
                return None;
            }
            // The second half of a range: reported once, approximate, spanning both.
            if k >= 2
                && prefix_money.is_none()
                && self.kind(k - 1) == Some(Kind::Dash)
                && matches!(self.kind(k - 2), Some(Kind::Num(..)))
            {
                if k >= 4 && self.kind(k - 3) == Some(Kind::Dash) && matches!(self.kind(k - 4), Some(Kind::Num(..))) {
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
        }
        // `500 с лишним человек`.
        if self.word(after) == Some("с") && self.word_is(after + 1, &["лишним", "небольшим", "гаком", "лишком"])
        {
            approx = true;
            after += 2;
        }

        // The unit.
        let (unit, end) = if let Some(code) = prefix_money {
            (Some(Unit::Money(code)), after)
        } else {
            match self.unit_at(after) {
                Some((u, e)) => (Some(u), e),
                None => (None, after),
            }
        };
        let (clause_start, _) = self.clause(k);
        let unit = match unit {
            Some(u) => u,
            None if collective => {
                if self.lex(after) == Some(Lex::NotPeople) {
                    return None;
                }
                Unit::Count("people", None, after, after)
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
                    && self.toks[k].end - self.toks[k].start == 4;
                if year_like {
                    return None;
                }
                let free_after = match self.kind(end) {
                    None | Some(Kind::Break) => true,
                    Some(Kind::Word) => self.word_is(end, AFTER_BARE),
                    _ => false,
                };
                let right_cue = self.word(end).and_then(cue_of);
                let left_cue = if free_after && start > 0 {
                    let q = if self.word_is(start - 1, QUALIFIERS) && start > 1 { start - 2 } else { start - 1 };
                    self.word(q).and_then(cue_of)
                } else {
                    None
                };
                match right_cue.or(left_cue) {
                    Some((_, what)) => Unit::Count("people", Some(what), end, end),
                    None if free_after && digits.is_some() => self.subject_unit(clause_start, k)?,
                    None => return None,
                }
            }
        };
        if digits == Some(NumForm::Dot) && !multiplied && matches!(unit, Unit::Count(..)) {
            return None;
        }
        if half && !multiplied && !matches!(unit, Unit::Count(..)) {
            return None;
        }

        // Qualifiers on the left.
        let mut u_before = false;
        if start > 0 {
            let q = start - 1;
            match self.word(q) {
                Some("до") => {
                    let change =
                        q > 0 && self.word(q - 1).is_some_and(|w| CHANGE_VERBS.iter().any(|p| w.starts_with(p)));
                    if !change {
                        approx = true;
                        start = q;
                    }
                }
                Some("чем") if q > 0 && self.word_is(q - 1, &["более", "больше", "менее", "меньше"]) =>
                {
                    approx = true;
                    start = q - 1;
                    if start > 0 && self.word_is(start - 1, QUALIFIER_HEADS) {
                        start -= 1;
                    }
                }
                Some(w) if QUALIFIERS.contains(&w) => {
                    approx = true;
                    start = q;
                    if matches!(w, "более" | "больше" | "менее" | "меньше")
                        && q > 0
                        && self.word_is(q - 1, QUALIFIER_HEADS)
                    {
                        start = q - 1;
                    }
                }
                _ => {}
            }
            if start > 0 && self.word(start - 1) == Some("у") {
                u_before = true;
            }
        }

        // What it counts.
        let (unit_name, what) = match unit {
            Unit::Money(code) => (code, FigureWhat::Money),
            Unit::Percent => ("%", FigureWhat::Percent),
            Unit::Count(u, own, noun, adj_from) => {
                let what = match own {
                    Some(FigureWhat::Cases) if u == "cases" => {
                        self.case_modifier(adj_from, noun).unwrap_or(FigureWhat::Cases)
                    }
                    Some(w) => w,
                    None => {
                        let cue = self.cue_kind(k);
                        if u == "doses" {
                            let given =
                                cue == Some(FigureWhat::Vaccinated) || self.clause_has(clause_start, DOSES_GIVEN);
                            if given {
                                FigureWhat::Vaccinated
                            } else {
                                FigureWhat::Other
                            }
                        } else if let Some(w) = cue {
                            w
                        } else if u_before && self.clause_has(clause_start, U_CASE_CUES) {
                            FigureWhat::Cases
                        } else {
                            FigureWhat::People
                        }
                    }
                };
                (u, what)
            }
        };

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
        while last > k && self.kind(last) == Some(Kind::Sym('.')) {
            last -= 1;
        }
        let span_end = self.toks.get(last)?.end;
        let span = self.toks[start].start..span_end;
        debug_assert!(self.s.get(span.clone()).is_some());
        Some((Figure { value, unit: unit_name.to_string(), what, approx, span }, next))
    }

    fn clause_has(&self, clause_start: usize, prefixes: &[&str]) -> bool {
        let (_, ce) = self.clause(clause_start);
        (clause_start..ce).any(|j| self.word(j).is_some_and(|w| prefixes.iter().any(|p| w.starts_with(p))))
    }
}

