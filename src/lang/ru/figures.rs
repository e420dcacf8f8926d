//! Russian figure words: the counted nouns, currencies, multipliers, qualifiers and cues the
//! figure engine ([`crate::event::figures`]) reads, as data.
//!
//! Every form is normalized (lower case, `ё` written `е`, hyphens as `-`), except
//! [`CARDINAL_SUFFIXES`], which are compared as written. A new word form is a one-line change.

use crate::event::figures::words::{CountUnit, FigureTables, FigureWords};
use crate::event::figures::FigureWhat;
use crate::lang::ru::numbers::{self, NumberWord};
use once_cell::sync::Lazy;

/// Nouns for persons with no role of their own; the clause decides what they count.
#[rustfmt::skip]
pub(crate) const PEOPLE: &[&str] = &[
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
pub(crate) const PEOPLE_CASES: &[&str] = &[
    "заболевший", "заболевшего", "заболевшие", "заболевших", "заразившихся", "инфицированных",
    "зараженных",
];
/// Persons counted as dead.
#[rustfmt::skip]
pub(crate) const PEOPLE_DEATHS: &[&str] = &[
    "умерший", "умершего", "умершие", "умерших", "погибших", "скончавшихся",
];
/// Persons counted as recovered.
#[rustfmt::skip]
pub(crate) const PEOPLE_RECOVERIES: &[&str] = &[
    "выздоровевший", "выздоровевшего", "выздоровевшие", "выздоровевших", "выписанных",
    "излечившихся",
];
/// Persons counted as vaccinated.
#[rustfmt::skip]
pub(crate) const PEOPLE_VACCINATED: &[&str] = &[
    "вакцинированных", "привитых", "привившихся", "ревакцинированных",
];
/// Cases (events, not persons).
#[rustfmt::skip]
pub(crate) const CASES: &[&str] = &[
    "случай", "случая", "случаев", "случаю", "случаям", "случаями", "случаях", "случае",
];
/// Tests.
#[rustfmt::skip]
pub(crate) const TESTS: &[&str] = &[
    "тест", "теста", "тестов", "тестам", "тестами", "тестах", "анализ", "анализа", "анализов",
    "тестирований", "пцр-исследования", "пцр-исследований", "пцр-исследованиях",
];
/// Vaccine doses.
#[rustfmt::skip]
pub(crate) const DOSES: &[&str] = &["доза", "дозы", "доз", "дозу", "дозам", "дозами", "дозах"];
/// Hospital beds.
#[rustfmt::skip]
pub(crate) const BEDS: &[&str] = &[
    "койка", "койки", "коек", "койку", "койками", "койко-место", "койко-места", "койко-мест",
];
/// Currency words and signs with their ISO 4217 code.
#[rustfmt::skip]
pub(crate) const MONEY: &[(&str, &str)] = &[
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
pub(crate) const PERCENT: &[&str] = &[
    "процент", "процента", "процентов", "процентам", "процентами", "процентах", "проц",
];
/// Multipliers after a number.
#[rustfmt::skip]
pub(crate) const MULTIPLIERS: &[(f64, &[&str])] = &[
    (1e3, &["тыс", "тысяча", "тысячи", "тысяч", "тысячу", "тысячей", "тысячам", "тысячами", "тысячах"]),
    (1e6, &["млн", "миллион", "миллиона", "миллионов", "миллиону", "миллионом", "миллионам", "миллионами", "миллионах"]),
    (1e9, &["млрд", "миллиард", "миллиарда", "миллиардов", "миллиарду", "миллиардом", "миллиардам", "миллиардами", "миллиардах"]),
    (1e12, &["трлн", "триллион", "триллиона", "триллионов", "триллиону", "триллионом", "триллионам", "триллионами", "триллионах"]),
];
/// Collective numerals count people: the one table of them, in the number words.
pub(crate) use super::numbers::COLLECTIVES;
/// `полтора` and its forms (not in the number-word table: not a whole number).
#[rustfmt::skip]
pub(crate) const HALF: &[&str] = &["полтора", "полторы", "полутора"];
/// `исход` forms: deaths after `летальных`/`смертельных`.
#[rustfmt::skip]
pub(crate) const OUTCOMES: &[&str] = &["исход", "исхода", "исходов", "исходом", "исходами", "исходах"];
/// Deaths as events (`28 смертей`).
#[rustfmt::skip]
pub(crate) const DEATH_EVENTS: &[&str] = &["смерть", "смерти", "смертей", "смертям", "смертями", "смертях"];
/// Words after a collective numeral that make it a duration, not people.
#[rustfmt::skip]
pub(crate) const NOT_PEOPLE: &[&str] = &["суток", "сутки", "сутках"];

/// Abbreviations whose full stop does not end the clause.
#[rustfmt::skip]
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "тыс", "млн", "млрд", "трлн", "руб", "долл", "тг", "проц", "чел", "г", "гг", "ул", "д", "кв",
    "обл", "мкр", "корп", "им", "т", "п", "р", "ст",
];
/// Words before a number that make it an address or an identifier.
#[rustfmt::skip]
pub(crate) const ADDRESS_WORDS: &[&str] = &[
    "дом", "д", "кв", "квартира", "корпус", "корп", "мкр", "микрорайон", "палата", "палате",
    "кабинет", "школа", "школе", "школы", "больница", "больнице", "больницы", "поликлиника",
    "поликлинике", "поликлиники", "участок", "рейс", "рейсом", "рейса",
];
/// Words that may follow a number counted by the `число ...` subject on its left.
#[rustfmt::skip]
pub(crate) const AFTER_BARE: &[&str] = &[
    "и", "а", "но", "за", "в", "во", "на", "с", "со", "по", "к", "ко", "из", "при", "после",
    "против", "уже", "из-за", "от",
];
/// Subjects that introduce a counted noun on the left of a bare number.
#[rustfmt::skip]
pub(crate) const SUBJECTS: &[&str] = &[
    "число", "числа", "числе", "количество", "количества", "количестве", "численность",
    "численности", "прирост", "прироста", "приросте",
];
/// Single-word qualifiers before a number that make it approximate.
#[rustfmt::skip]
pub(crate) const QUALIFIERS: &[&str] = &[
    "более", "свыше", "около", "почти", "порядка", "примерно", "приблизительно", "больше",
    "менее", "меньше", "максимум", "минимум", "до", "ориентировочно",
];
/// Words before `более`/`менее`/... that belong to the qualifier (`не менее`, `чуть более`).
#[rustfmt::skip]
pub(crate) const QUALIFIER_HEADS: &[&str] = &["не", "чуть", "немногим", "немного", "несколько"];
/// Verbs of change (as prefixes) after which `до` gives the new value exactly.
#[rustfmt::skip]
pub(crate) const CHANGE_VERBS: &[&str] = &[
    "вырос", "возрос", "увеличил", "снизил", "сократил", "уменьшил", "упал", "поднял",
    "подскочил", "опустил", "повысил", "понизил", "дорос", "доходит", "дошл", "дошел",
];
/// Endings of adjectives and participles that may stand between a number and its noun.
#[rustfmt::skip]
pub(crate) const ADJECTIVE_ENDINGS: &[&str] = &[
    "ых", "их", "ым", "им", "ыми", "ими", "ые", "ие", "ый", "ий", "ой", "ая", "яя", "ое", "ее",
    "ого", "его", "ому", "ему", "ую", "юю",
];
/// Cue words (as prefixes of normalized words) for what a neutral count of people counts, in
/// priority order for equal distances.
#[rustfmt::skip]
pub(crate) const CUES: &[(FigureWhat, &[&str])] = &[
    (FigureWhat::Deaths, &["скончал", "умерл", "умерш", "умира", "погиб", "смерт", "летальн", "жертв"]),
    (FigureWhat::Recoveries, &["выздоров", "выписан", "выписал", "выписк", "излечил", "излечен", "вылечил", "вылечен", "поправил"]),
    (FigureWhat::Vaccinated, &["привит", "привив", "привил", "вакцинир", "вакцинац", "ревакцин", "компонент"]),
    (FigureWhat::Tests, &["протестир", "тестир", "обследова"]),
    (FigureWhat::Cases, &["подтверд", "подтвержд", "зараз", "зараж", "инфицир", "заболе", "положительн"]),
];
/// Words that, after `у` + number, mark the number as infected people.
#[rustfmt::skip]
pub(crate) const U_CASE_CUES: &[&str] = &[
    "коронавирус", "covid", "ковид", "вирус", "выявил", "выявлен", "обнаружил", "обнаружен",
];
/// Words (as prefixes) that make doses doses given, next to the vaccination cues.
#[rustfmt::skip]
pub(crate) const DOSES_GIVEN: &[&str] = &["введен", "введено", "использован", "сделан", "сделали"];
/// Openers of a sentence that lists the largest parts of a count before it.
const MOST_OPENERS: &[(&str, &str)] =
    &[("больше", "всего"), ("наибольшее", "число"), ("наибольшее", "количество"), ("наибольший", "прирост")];
/// Prepositions of a percentage difference (`на 18% больше`).
const DIFFERENCE_BY: &[&str] = &["на"];
/// Comparatives after a percentage that make it a difference.
const DIFFERENCE_COMPARATIVES: &[&str] = &["больше", "меньше", "более", "менее", "выше", "ниже"];
/// Prefixes of the words that make a count of persons their contacts.
const CONTACTS: &[&str] = &["контакт"];
/// Suffixes after `N-` that keep a cardinal reading (`2-х`, `5-ти`).
#[rustfmt::skip]
pub(crate) const CARDINAL_SUFFIXES: &[&str] = &["х", "ух", "ех", "их", "ти", "ми"];

/// The currency signs, which may also stand before the number (`$10 млн`).
#[rustfmt::skip]
pub(crate) const SIGNS: &[(char, &str)] = &[('$', "USD"), ('€', "EUR"), ('₸', "KZT"), ('₽', "RUB")];
/// Comparative qualifiers, which take a head (`не менее`) or `чем` (`более чем`).
#[rustfmt::skip]
pub(crate) const COMPARATIVES: &[&str] = &["более", "больше", "менее", "меньше"];
/// Words after `с` + a number that make it approximate (`500 с лишним`).
#[rustfmt::skip]
pub(crate) const APPROX_AFTER: &[&str] = &["лишним", "небольшим", "гаком", "лишком"];
/// Forms of `тысяча` that count alone (`тысяча человек`); a bare `тысячи людей` is vague.
#[rustfmt::skip]
pub(crate) const EXACT_THOUSAND: &[&str] = &["тысяча", "тысячу", "тысячей"];
/// Cue words matched only whole: `умер` (a prefix `умер` would take `умеренный`).
#[rustfmt::skip]
pub(crate) const EXACT_CUES: &[(&str, FigureWhat)] = &[("умер", FigureWhat::Deaths)];
/// Adjectives (as prefixes) that make `исходов` deaths (`летальных исходов`).
#[rustfmt::skip]
pub(crate) const DEADLY_OUTCOME: &[&str] = &["летальн", "смертельн"];
/// Prefixes that make cases deaths (`летальных случаев`, `случаев с летальным исходом`).
#[rustfmt::skip]
pub(crate) const DEADLY_CASE: &[&str] = &["летальн", "смерт"];
/// Words right after `случаев` that say what the cases are.
#[rustfmt::skip]
pub(crate) const CASE_NEXT: &[(&str, FigureWhat)] = &[
    ("смерти", FigureWhat::Deaths), ("летального", FigureWhat::Deaths),
    ("выздоровления", FigureWhat::Recoveries),
];

/// Words that make the counts of their clause new: `новый` and `суточный` in every form,
/// `прирост`, `впервые`, `вновь`.
#[rustfmt::skip]
pub(crate) const COUNT_NEW: &[&str] = &[
    "новый", "нового", "новому", "новым", "новом", "новая", "новой", "новую", "новое", "новые",
    "новых", "новыми",
    "суточный", "суточного", "суточному", "суточным", "суточном", "суточная", "суточной",
    "суточную", "суточное", "суточные", "суточных", "суточными",
    "прирост", "прироста", "приросту", "приростом", "приросте", "впервые", "вновь",
];
/// Words that make the counts of their sentence running totals.
#[rustfmt::skip]
pub(crate) const COUNT_TOTAL: &[&str] = &["всего", "итого", "совокупно", "суммарно"];
/// Words that open a period before a day: `за сутки`, `в течение суток`.
#[rustfmt::skip]
pub(crate) const PERIOD_HEADS: &[&str] = &["за", "течение"];
/// Words between a period's head and its day (`за последние сутки`), in every form that
/// goes with `сутки` or `день`.
#[rustfmt::skip]
pub(crate) const WINDOWS: &[&str] = &[
    "последние", "последних", "последний", "прошедшие", "прошедших", "прошедший", "минувшие",
    "минувших", "минувший", "истекшие", "истекших", "истекший", "прошлые", "прошлых", "прошлый",
    "предыдущие", "предыдущих", "предыдущий", "отчетные", "отчетных", "отчетный",
];
/// Days: after a period's head, the period of new counts.
#[rustfmt::skip]
pub(crate) const DAYS: &[&str] = &["сутки", "суток", "день", "дня"];
/// Forms of `общий` (`общее число`, `в общей сложности`).
#[rustfmt::skip]
pub(crate) const TOTAL_ADJECTIVES: &[&str] = &[
    "общий", "общего", "общему", "общим", "общем", "общая", "общей", "общую", "общее", "общие",
    "общих", "общими",
];
/// `весь` before a period noun (`за весь период`, `за всё время`, `за всю историю`).
#[rustfmt::skip]
pub(crate) const WHOLES: &[&str] = &["весь", "все", "всю"];
/// Period nouns after `за весь`.
#[rustfmt::skip]
pub(crate) const PERIODS: &[&str] = &["период", "время", "историю"];
/// Pronouns for the count before, after `из` (`из них`, `из которых`).
#[rustfmt::skip]
pub(crate) const PRONOUNS: &[&str] = &["них", "которых"];

/// The Russian tables, as the figure engine takes them.
pub(crate) static TABLES: FigureTables = FigureTables {
    counts: &[
        (PEOPLE, CountUnit::People, None),
        (PEOPLE_CASES, CountUnit::People, Some(FigureWhat::Cases)),
        (PEOPLE_DEATHS, CountUnit::People, Some(FigureWhat::Deaths)),
        (PEOPLE_RECOVERIES, CountUnit::People, Some(FigureWhat::Recoveries)),
        (PEOPLE_VACCINATED, CountUnit::People, Some(FigureWhat::Vaccinated)),
        (CASES, CountUnit::Cases, Some(FigureWhat::Cases)),
        (DEATH_EVENTS, CountUnit::Cases, Some(FigureWhat::Deaths)),
        (TESTS, CountUnit::Tests, Some(FigureWhat::Tests)),
        (DOSES, CountUnit::Doses, None),
        (BEDS, CountUnit::Beds, Some(FigureWhat::Other)),
    ],
    money: MONEY,
    signs: SIGNS,
    percent: PERCENT,
    multipliers: MULTIPLIERS,
    collectives: COLLECTIVES,
    half: HALF,
    not_people: NOT_PEOPLE,
    outcomes: OUTCOMES,
    abbreviations: ABBREVIATIONS,
    address_words: ADDRESS_WORDS,
    // `не было ни одного случая`: none.
    negations: &["ни"],
    after_bare: AFTER_BARE,
    subjects: SUBJECTS,
    qualifiers: QUALIFIERS,
    qualifier_heads: QUALIFIER_HEADS,
    comparatives: COMPARATIVES,
    up_to: &["до"],
    than: &["чем"],
    at: &["у"],
    with: &["с"],
    approx_after: APPROX_AFTER,
    exact_thousand: EXACT_THOUSAND,
    change_verbs: CHANGE_VERBS,
    adjective_endings: ADJECTIVE_ENDINGS,
    adjective_min_chars: 4,
    cues: CUES,
    exact_cues: EXACT_CUES,
    at_case_cues: U_CASE_CUES,
    doses_given: DOSES_GIVEN,
    contacts: CONTACTS,
    most_openers: MOST_OPENERS,
    difference_by: DIFFERENCE_BY,
    difference_comparatives: DIFFERENCE_COMPARATIVES,
    deadly_outcome: DEADLY_OUTCOME,
    deadly_case: DEADLY_CASE,
    case_next: CASE_NEXT,
    cardinal_suffixes: CARDINAL_SUFFIXES,
    count_new: COUNT_NEW,
    count_total: COUNT_TOTAL,
    period_heads: PERIOD_HEADS,
    windows: WINDOWS,
    days: DAYS,
    starts: &["начала"],
    total_adjectives: TOTAL_ADJECTIVES,
    sums: &["сложности"],
    wholes: WHOLES,
    periods: PERIODS,
    of: &["из", "среди"],
    pronouns: PRONOUNS,
    including: &["том"],
    including_ends: &["числе"],
    and: &["и", "а"],
};

/// The Russian figure words, compiled once (with the cardinal number words of
/// [`numbers`]).
pub(crate) static FIGURE_WORDS: Lazy<FigureWords> = Lazy::new(|| {
    let cardinals = numbers::forms().filter_map(|(form, word)| match word {
        NumberWord::Cardinal(v) => Some((form, v)),
        NumberWord::Ordinal(_) => None,
    });
    FigureWords::new(&TABLES, cardinals)
});
