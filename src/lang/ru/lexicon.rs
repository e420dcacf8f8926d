//! The Russian temporal lexicon: every word form the grammar knows, as data tables.
//!
//! Each table lists a word class and its forms (normalized: lower case, `ё` as `е`). The
//! tables are compiled once into one map from a form to what it means ([`lookup`]); a new
//! form is a one-line change here and nowhere else. Number words live in
//! [`super::numbers`].

use super::numbers::{self, NumberWord};
use crate::expr::{Feast, Portion};
use crate::value::{PartOfDay, Season, Unit};
use once_cell::sync::Lazy;
use std::collections::HashMap;

/// What a word form means to the grammar. A form can mean several things (`года` is a
/// year word and a unit; `дня` is a unit and a part of the day in `в 2 часа дня`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lex {
    /// A month name in any case form (1 = January).
    Month(u32),
    /// A month abbreviation (`янв`, `сен`, `сент`).
    MonthAbbr(u32),
    /// A weekday in a singular case form (1 = Monday ... 7 = Sunday).
    Weekday(u32),
    /// A weekday abbreviation (`пн`, `птн`, `срд`).
    WeekdayAbbr(u32),
    /// A weekday in the dative plural, as in `по пятницам`.
    WeekdayPlural(u32),
    /// A unit of time in any case form.
    Unit(Unit),
    /// A word for "year" after a year number (`года`, `г`, `гг`).
    YearWord,
    /// A deictic day, counted from the publication day (`вчера` = -1).
    Deictic(i32),
    /// A part of the day in the instrumental (`утром`) or nominative (`утро`).
    PartOfDay(PartOfDay),
    /// A part of the day in the genitive after a clock hour (`в 11 утра`, `в 2 часа дня`).
    ClockPart(PartOfDay),
    /// `прошлый` (-1), `этот` / `текущий` (0), `следующий` (+1), in every form.
    Shift(i32),
    /// `ближайший`: the next occurrence on or after the reference.
    Upcoming,
    /// A season word (`весной`, `весна`, `весны`).
    Season(Season),
    /// `начало`, `середина`, `конец` in every form.
    Portion(Portion),
    /// `половина` in every form.
    HalfWord,
    /// `полугодие` in every form.
    HalfYear,
    /// `выходные` (the weekend) in every form.
    Weekend,
    /// `ежедневно`, `еженедельно`, ...: a set with this period.
    Every(Unit),
    /// `каждый` in every form.
    EachWord,
    /// `назад`.
    Ago,
    /// `через`, `спустя`.
    Later,
    /// `сейчас`, `ныне`: the present.
    Now,
    /// `полдень`
    Noon,
    /// A number word (`двух`, `третьего`).
    Number(NumberWord),
    /// Half a unit in one word (`полчаса`, `полгода`).
    HalfUnit(Unit),
    /// `полтора`: one and a half.
    OneAndHalf,
    /// `пара`: a couple (two).
    Couple,
    /// A word that marks the future tense (`будет`, `продлится`, `введут`).
    Future,
    /// A short past-tense form (`был`, `шли`) from [`PAST_WORDS`].
    Past,
    /// A word that ends like a past-tense verb but is not one (`недели`, `правила`), from
    /// [`NOT_PAST`].
    NotPast,
    /// The first word of a holiday's name in [`HOLIDAYS`] (`новый`, `наурыз`, `день`).
    HolidayStart,
    /// `полночь`
    Midnight,
}

impl Lex {
    /// Entries that only tell the tense (`будет`, `был`, `недели` as not past): they start
    /// no expression.
    pub fn is_tense_cue(&self) -> bool {
        matches!(self, Lex::Future | Lex::Past | Lex::NotPast)
    }

    /// The entry's bit in a token's [`class`] set.
    pub(crate) const fn class(&self) -> u64 {
        let bit = match self {
            Lex::Month(_) => 0,
            Lex::MonthAbbr(_) => 1,
            Lex::Weekday(_) => 2,
            Lex::WeekdayAbbr(_) => 3,
            Lex::WeekdayPlural(_) => 4,
            Lex::Unit(_) => 5,
            Lex::YearWord => 6,
            Lex::Deictic(_) => 7,
            Lex::PartOfDay(_) => 8,
            Lex::ClockPart(_) => 9,
            Lex::Shift(_) => 10,
            Lex::Upcoming => 11,
            Lex::Season(_) => 12,
            Lex::Portion(_) => 13,
            Lex::HalfWord => 14,
            Lex::HalfYear => 15,
            Lex::Weekend => 16,
            Lex::Every(_) => 17,
            Lex::EachWord => 18,
            Lex::Ago => 19,
            Lex::Later => 20,
            Lex::Now => 21,
            Lex::Noon => 22,
            Lex::Number(NumberWord::Cardinal(_)) => 23,
            Lex::Number(NumberWord::Ordinal(_)) => 24,
            Lex::HalfUnit(_) => 25,
            Lex::OneAndHalf => 26,
            Lex::Couple => 27,
            Lex::Future => 28,
            Lex::Past => 29,
            Lex::NotPast => 30,
            Lex::HolidayStart => 31,
            Lex::Midnight => 32,
        };
        1 << bit
    }
}

/// A token's class: a set of bits, one for each kind of [`Lex`] entry its word has
/// (`Lex::class`), one for numbers, and one for each group of words in [`GRAMMAR_WORDS`].
/// The grammar tries a rule at a token only when the token's class meets the rule's first
/// word ([`super::grammar`]), so most rules are never tried at most tokens.
pub mod class {
    /// A number token.
    pub const NUMBER: u64 = 1 << 40;
    /// `+` or `-`, which can sign an offset.
    pub const SIGN: u64 = 1 << 41;
    /// A word the grammar names at the start of a match: any group of [`super::GRAMMAR_WORDS`].
    pub const START: u64 = 1 << 42;
    /// Words that open a window (`за последние ...`, `следующие ...`).
    pub const WINDOW: u64 = 1 << 43;
    /// Words that open a duration (`в течение ...`) and duration adjectives (`двухнедельный`).
    pub const DURATION: u64 = 1 << 44;
    /// Words that open the present or an anaphor (`настоящее время`, `на днях`, `накануне`).
    pub const PRESENT: u64 = 1 << 45;
    /// Words that open a same-day anaphor (`тот же день`, `другой день`).
    pub const SHIFTED: u64 = 1 << 46;
    /// `по`, which opens a set (`по пятницам`).
    pub const SET: u64 = 1 << 47;
    /// `сегодняшний день`.
    pub const DEICTIC: u64 = 1 << 48;
    /// `ночь`, `новогодняя ночь`.
    pub const NIGHT: u64 = 1 << 49;
    /// Roman quarter numbers (`II квартал`).
    pub const QUARTER: u64 = 1 << 50;
    /// `и`, which joins the days of a list (`16 и 17 марта`) and the ends of a range; it
    /// starts nothing, but a number before it may start a match.
    pub const LINK: u64 = 1 << 51;
    /// Season adjectives (`летний`), which open `в летний период`.
    pub const SEASON_ADJECTIVE: u64 = 1 << 52;
    /// `без`, `четверть`, which open a clock time as it is spoken (`без четверти девять`).
    pub const SPOKEN_CLOCK: u64 = 1 << 53;
    /// Adjectives of a part of the day before `время` (`в ночное время`).
    pub const PART_ADJECTIVE: u64 = 1 << 54;
    /// Adjectives of a holiday period (`майские праздники`; `новогодние` has [`NIGHT`]).
    pub const HOLIDAY_PERIOD: u64 = 1 << 55;
    /// Words after which `в` / `во` may start a match ([`super::AFTER_IN`]): no rule
    /// starts at them; the grammar tests the bit before it compares the word to the lists.
    pub const AFTER_IN: u64 = 1 << 56;
}

/// Season adjectives in the forms `в летний период`, `летнего сезона` use.
pub const SEASON_ADJECTIVES: &[(Season, &[&str])] = &[
    (Season::Summer, &["летний", "летнего", "летнем", "летнему"]),
    (Season::Winter, &["зимний", "зимнего", "зимнем", "зимнему"]),
    (Season::Spring, &["весенний", "весеннего", "весеннем", "весеннему"]),
    (Season::Fall, &["осенний", "осеннего", "осеннем", "осеннему"]),
];

/// [`SEASON_ADJECTIVES`]' forms in one list, for [`GRAMMAR_WORDS`].
const SEASON_ADJECTIVES_FLAT: &[&str] = &[
    "летний",
    "летнего",
    "летнем",
    "летнему",
    "зимний",
    "зимнего",
    "зимнем",
    "зимнему",
    "весенний",
    "весеннего",
    "весеннем",
    "весеннему",
    "осенний",
    "осеннего",
    "осеннем",
    "осеннему",
];

/// Nouns a season adjective makes a season of (`в летний период`, `зимнего сезона`).
pub const SEASON_NOUNS: &[&str] = &["период", "периода", "периоде", "сезон", "сезона", "сезоне"];

/// `сезон` after a shift word (`в текущем сезоне`, `прошлого сезона`): a season of some
/// activity, read as the present, the past or the future.
pub const SEASONAL_NOUNS: &[&str] = &["сезон", "сезона", "сезоне", "сезону"];

/// Words after which a season noun in any case form is a time (`до весны`, `к лету`, `на
/// зиму`, `всю осень`, `в течение лета`).
pub const SEASON_OPENERS: &[&str] =
    &["до", "с", "со", "к", "ко", "от", "по", "после", "на", "за", "весь", "все", "всю", "течение", "протяжении"];

/// The plural forms of units after `несколько`, `нескольких`, `многих`, `многие` that make
/// a vague duration (`в течение нескольких часов`, `за многие годы`).
pub const VAGUE_UNIT_FORMS: &[&str] = &[
    "секунд",
    "минут",
    "часов",
    "часы",
    "дней",
    "дни",
    "суток",
    "недель",
    "недели",
    "месяцев",
    "месяцы",
    "лет",
    "годы",
];

/// Words before an amount of years that make it an age, not a duration (`в возрасте 47
/// лет`, `старше 65 лет`).
pub const AGE_BEFORE: &[&str] =
    &["возрасте", "возраста", "возраст", "возрастом", "старше", "младше", "моложе", "старшие", "младшие"];

/// Verbs of turning an age right before an amount of years (`ему исполнилось 25 лет`); an
/// anniversary counted from a day (`исполнилось 30 лет со дня`) stays a duration.
pub const AGE_VERBS: &[&str] = &["исполнилось", "исполнится", "исполняется"];

/// Who has an age: before `до`/`от` and an amount of years, they make it an age (`детей до
/// 14 лет`, `пенсионный возраст до 63 лет`).
pub const AGE_HOLDERS: &[&str] = &[
    "возраст",
    "возраста",
    "возрасте",
    "дети",
    "детей",
    "детям",
    "детьми",
    "ребенок",
    "ребенка",
    "детям",
    "лица",
    "лиц",
    "лицам",
    "граждане",
    "граждан",
    "гражданам",
    "люди",
    "людей",
    "людям",
    "пенсионеров",
    "пенсионеры",
    "жители",
    "жителей",
    "жителям",
    "подростки",
    "подростков",
    "школьников",
    "школьники",
    "мужчин",
    "женщин",
    "мужчины",
    "женщины",
    "пациентов",
    "пациенты",
    "работников",
    "сотрудников",
    "студентов",
];

/// People, and `свои`, right before an amount of years: it is their age (`мальчик 12 лет`,
/// `женщина 45 лет`, `в свои 80 лет`).
pub const AGE_PERSONS: &[&str] = &[
    "мужчина",
    "женщина",
    "мальчик",
    "мальчика",
    "мальчику",
    "девочка",
    "девочки",
    "девочке",
    "пациент",
    "пациента",
    "пациентка",
    "пациентки",
    "пенсионер",
    "пенсионерка",
    "житель",
    "жителя",
    "жительница",
    "жительницы",
    "подросток",
    "подростка",
    "школьник",
    "школьница",
    "студент",
    "студентка",
    "девушка",
    "девушки",
    "парень",
    "юноша",
    "уроженец",
    "уроженка",
    "свои",
    "своих",
    "своим",
];

/// Words after an amount of years and `и` that make it an age (`65 лет и старше`).
pub const AGE_AFTER: &[&str] = &["старше", "младше", "более", "выше", "моложе"];

/// Units in the genitive singular after an approximating word (`около недели`, `более года
/// назад`, `почти месяца`), read as one unit.
pub const GENITIVE_ONE: &[&str] = &["года", "месяца", "недели", "суток", "дня", "часа", "минуты", "квартала"];

/// Words before a genitive unit that make it one unit, approximately (`около недели`).
pub const APPROXIMATORS: &[&str] = &["около", "почти", "более", "менее", "больше", "меньше", "свыше", "примерно"];

/// Function words that may follow a bare year after `в`/`к` (`в 2019 и 2020`, `к 2025
/// году` is read elsewhere).
pub const YEAR_FOLLOWERS: &[&str] = &[
    "и",
    "или",
    "а",
    "но",
    "на",
    "по",
    "в",
    "во",
    "с",
    "со",
    "после",
    "для",
    "уже",
    "же",
    "ещё",
    "еще",
    "также",
    "тоже",
];

/// Verb endings (past, present-future, infinitive, reflexive, short participles) that tell a
/// verb after a bare year (`в 1998 построили`) from a counted noun (`в 2019 случаях`).
const VERB_ENDINGS: &[&str] = &[
    "ли", "ла", "ло", "лся", "лась", "лось", "лись", "ут", "ют", "ят", "ит", "ется", "ются", "ится", "ятся", "утся",
    "атся", "ть", "ться", "ены", "ена", "ено", "аны", "ана", "ано", "был", "стал",
];

/// Does the word look like a verb form (see [`VERB_ENDINGS`])? Words of four letters or
/// fewer are not judged, except `был`.
pub fn verb_like(word: &str) -> bool {
    if word == "был" || word == "стал" {
        return true;
    }
    word.chars().count() > 4 && VERB_ENDINGS.iter().any(|e| word.ends_with(e))
}

/// Adjectives of `в ... будущем` / `в ... прошлом` that make a vague reference
/// (`в ближайшем будущем`, `в недалеком прошлом`).
pub const VAGUE_TIME_ADJECTIVES: &[&str] = &["ближайшем", "недалеком", "обозримом", "скором", "недавнем", "отдаленном"];

/// Words that may follow `в будущем` / `в прошлом` standing alone (`в будущем они
/// планируют`, `в прошлом он возглавлял`): pronouns, particles and conjunctions.
pub const ALONE_FOLLOWERS: &[&str] = &[
    "он",
    "она",
    "оно",
    "они",
    "мы",
    "я",
    "вы",
    "ты",
    "это",
    "этот",
    "эта",
    "эти",
    "там",
    "здесь",
    "также",
    "тоже",
    "уже",
    "еще",
    "и",
    "а",
    "но",
    "или",
    "не",
    "ни",
    "все",
    "всего",
    "может",
    "возможно",
    "можно",
    "нужно",
    "надо",
    "необходимо",
    "планируется",
    "предстоит",
    "ожидается",
];

/// Units in the accusative singular after `в` that make a rate (`10 тысяч тестов в день`,
/// `раз в неделю`).
pub const PER_UNIT: &[&str] = &["день", "сутки", "неделю", "месяц", "год", "час", "минуту", "квартал"];

/// `сегодняшний`, `вчерашний`, `завтрашний` in the forms before `день` (`с сегодняшнего
/// дня`, `до завтрашнего дня`, `на вчерашний день`), with the day they count from the
/// publication day.
pub const DEICTIC_DAY_ADJECTIVES: &[(i32, &[&str])] =
    &[(0, TODAY_ADJECTIVE), (-1, YESTERDAY_ADJECTIVE), (1, TOMORROW_ADJECTIVE)];

/// The forms of the adjectives in [`DEICTIC_DAY_ADJECTIVES`].
const TODAY_ADJECTIVE: &[&str] = &["сегодняшний", "сегодняшнего", "сегодняшнему", "сегодняшнем"];
const YESTERDAY_ADJECTIVE: &[&str] = &["вчерашний", "вчерашнего", "вчерашнему", "вчерашнем"];
const TOMORROW_ADJECTIVE: &[&str] = &["завтрашний", "завтрашнего", "завтрашнему", "завтрашнем"];

/// The forms of `день` after a day adjective of [`DEICTIC_DAY_ADJECTIVES`].
pub const DAY_NOUN_FORMS: &[&str] = &["день", "дня", "дню", "дне"];

/// Adjectives that name a part of the day before `время` (`в ночное время`, `в дневное
/// время`, `в темное время суток`).
pub const PART_OF_DAY_ADJECTIVES: &[(PartOfDay, &[&str])] = &[
    (PartOfDay::Daytime, DAYTIME_ADJECTIVE),
    (PartOfDay::Night, NIGHT_ADJECTIVE),
    (PartOfDay::Evening, EVENING_ADJECTIVE),
    (PartOfDay::Morning, MORNING_ADJECTIVE),
];

/// The forms of the adjectives in [`PART_OF_DAY_ADJECTIVES`].
const DAYTIME_ADJECTIVE: &[&str] = &["дневное", "дневного", "дневным", "светлое", "светлого", "светлым"];
const NIGHT_ADJECTIVE: &[&str] = &["ночное", "ночного", "ночным", "темное", "темного", "темным"];
const EVENING_ADJECTIVE: &[&str] = &["вечернее", "вечернего", "вечерним"];
const MORNING_ADJECTIVE: &[&str] = &["утреннее", "утреннего", "утренним"];

/// The forms of `время` after a part-of-day adjective.
pub const TIME_NOUN_FORMS: &[&str] = &["время", "времени", "временем"];

/// Stems of holiday-period adjectives and the month the period opens (`новогодние
/// праздники`, `в майские праздники`, `на новогодних каникулах`).
pub const HOLIDAY_PERIOD_STEMS: &[(&str, u32)] = &[(NEW_YEAR_STEM, 1), ("майск", 5)];

/// The forms of `майский` in the plural, before a holiday-period noun.
const MAY_HOLIDAY_ADJECTIVE: &[&str] = &["майские", "майских", "майским", "майскими"];

/// Nouns a holiday-period adjective makes a period of.
pub const HOLIDAY_PERIOD_NOUNS: &[&str] = &[
    "праздники",
    "праздников",
    "праздникам",
    "праздниками",
    "праздниках",
    "каникулы",
    "каникул",
    "каникулам",
    "каникулами",
    "каникулах",
];

/// Adjectives between a count and its unit of days that keep it an amount (`10 рабочих
/// дней`, `14 календарных дней`, `3 нерабочих дня`).
pub const COUNTED_DAY_ADJECTIVES: &[&str] = &[
    "рабочий",
    "рабочих",
    "рабочие",
    "рабочего",
    "рабочим",
    "рабочими",
    "нерабочий",
    "нерабочих",
    "нерабочие",
    "нерабочего",
    "нерабочим",
    "календарный",
    "календарных",
    "календарные",
    "календарного",
    "календарным",
    "банковский",
    "банковских",
    "банковского",
    "учебных",
];

/// The forms of `день` (and `сутки`) a count with a [`COUNTED_DAY_ADJECTIVES`] word takes.
pub const DAY_UNIT_FORMS: &[&str] = &["день", "дня", "дней", "дни", "дням", "днях", "сутки", "суток"];

/// Units in the accusative after an ordinal that count a unit still running (`третью
/// неделю подряд`, `вторые сутки`).
pub const RUNNING_UNIT_FORMS: &[&str] = &["час", "день", "сутки", "неделю", "месяц", "год"];

/// Words before a range of counts of hours that make it an amount, not a clock range
/// (`в течение 12-15 часов`, `около 14–16 часов`).
pub const AMOUNT_OPENERS: &[&str] =
    &["течение", "протяжении", "за", "через", "спустя", "около", "примерно", "почти", "более", "менее", "свыше", "на"];

/// Words for a street or a place in a town (and their abbreviations, the dot after them
/// skipped) after which a date with a capitalized month or an amount of years before a
/// capitalized word is a name (`ул. 8 Марта`, `проспект 50 лет Октября`).
pub const STREET_WORDS: &[&str] = &[
    "ул",
    "улица",
    "улицы",
    "улице",
    "улицу",
    "улицей",
    "пр",
    "пр-т",
    "проспект",
    "проспекта",
    "проспекте",
    "проспекту",
    "проспектом",
    "пер",
    "переулок",
    "переулка",
    "переулке",
    "мкр",
    "микрорайон",
    "микрорайона",
    "микрорайоне",
    "бульвар",
    "бульвара",
    "бульваре",
    "площадь",
    "площади",
    "парк",
    "парка",
    "парке",
    "колхоз",
    "колхоза",
    "совхоз",
    "совхоза",
];

/// Capitalized names an amount of years names an anniversary of in a place's or a body's
/// name (`улица 40 лет Победы`, `совхоз «50 лет Октября»`), normalized.
pub const ANNIVERSARY_NAMES: &[&str] = &["октября", "победы", "влксм", "комсомола", "независимости", "революции"];

/// Opening and closing quotation marks around a title (`кафе «24 часа»`).
pub const OPENING_QUOTES: &[&str] = &["«", "\"", "„", "“"];
/// See [`OPENING_QUOTES`].
pub const CLOSING_QUOTES: &[&str] = &["»", "\"", "“", "”"];

/// Adjectives of a kind of year between a year (or two years in a row) and its year word
/// (`2020-2021 учебный год`, `2021/2022 отопительного сезона` is not one).
pub const YEAR_KIND_ADJECTIVES: &[&str] = &[
    "учебный",
    "учебного",
    "учебном",
    "учебному",
    "учебным",
    "финансовый",
    "финансового",
    "финансовом",
    "финансовому",
    "хозяйственный",
    "хозяйственного",
    "хозяйственном",
];

/// Prepositions after which `выходные` in its case forms is the weekend (`в выходные`, `к
/// выходным`, `не раньше выходных`).
pub const WEEKEND_PREPOSITIONS: &[&str] =
    &["в", "во", "на", "к", "ко", "до", "после", "с", "со", "за", "раньше", "ранее", "позднее", "позже"];

/// The words after which `в` / `во` may start a match (`в течение`, `в ближайшие дни`,
/// `в скором времени`, `в прошлом`, `в день`): each list is tested in turn, and every word
/// of them has [`class::AFTER_IN`].
pub const AFTER_IN: &[&[&str]] = &[
    &[
        "течение",
        "ближайшее",
        "скором",
        "последнее",
        "последние",
        "ближайшие",
        "том",
        "дальнейшем",
        "последующие",
        "эти",
    ],
    VAGUE_TIME_ADJECTIVES,
    AFTER_IN_PAST_OR_FUTURE,
    AFTER_IN_UNITS,
];

/// `в будущем`, `в прошлом`.
pub const AFTER_IN_PAST_OR_FUTURE: &[&str] = &["будущем", "прошлом"];

/// `в день`, `в неделю`, ... (a rate, not at a sentence's start).
pub const AFTER_IN_UNITS: &[&str] = &["день", "сутки", "неделю", "месяц", "год", "час"];

/// Words the grammar names by their form (prepositions and the like, which the lexicon
/// gives no meaning): each with the [`class`] bits of the rules it can open. Every word
/// that starts a match, or whose next word does, or that a match can take right after its
/// first number, is here or in the lexicon; a word in neither is inert.
pub const GRAMMAR_WORDS: &[(u64, &[&str])] = &[
    (class::START, &["с", "со", "от", "до", "после", "к", "ко", "около", "примерно", "приблизительно"]),
    (class::START, &["начиная", "вплоть", "во", "не"]),
    (class::START | class::SET, &["по"]),
    (class::START | class::WINDOW | class::PRESENT, &["за"]),
    (class::START | class::WINDOW | class::DURATION, &["в"]),
    (
        class::START | class::PRESENT,
        &["на", "тогда", "накануне", "канун", "настоящее", "настоящий", "данный", "текущий"],
    ),
    (class::START | class::SHIFTED, &["тот", "того", "том", "тому", "та", "ту", "той", "другой"]),
    (class::START | class::WINDOW, &["прошлые", "ближайших", "следующих", "ближайшие", "следующие"]),
    (class::START | class::WINDOW, &["последующих", "последующие", "истекшие", "истекших"]),
    (class::START | class::WINDOW, &["последние", "последних", "последнее", "последнюю", "последний"]),
    (class::START | class::SHIFTED, &["след"]),
    (class::START | class::SET, &["раз", "раза", "дважды", "трижды", "четырежды"]),
    (class::START | class::PRESENT, &["несколько", "нескольких"]),
    (class::START, &["более", "менее", "больше", "меньше", "почти", "свыше"]),
    (class::START | class::SEASON_ADJECTIVE, SEASON_ADJECTIVES_FLAT),
    (class::START | class::PRESENT, &["недавно", "скором", "ближайшее"]),
    (class::START | class::DEICTIC, TODAY_ADJECTIVE),
    (class::START | class::DEICTIC, YESTERDAY_ADJECTIVE),
    (class::START | class::DEICTIC, TOMORROW_ADJECTIVE),
    (class::START | class::PART_ADJECTIVE, DAYTIME_ADJECTIVE),
    (class::START | class::PART_ADJECTIVE, NIGHT_ADJECTIVE),
    (class::START | class::PART_ADJECTIVE, EVENING_ADJECTIVE),
    (class::START | class::PART_ADJECTIVE, MORNING_ADJECTIVE),
    (class::START | class::HOLIDAY_PERIOD, MAY_HOLIDAY_ADJECTIVE),
    (class::LINK, COUNTED_DAY_ADJECTIVES),
    (class::START | class::NIGHT, &["ночь"]),
    (class::START | class::QUARTER, &["i", "ii", "iii", "iv"]),
    (class::LINK, &["и"]),
    (class::SPOKEN_CLOCK, &["без", "четверть"]),
    (class::START, &["между"]),
    (class::AFTER_IN, AFTER_IN[0]),
    (class::AFTER_IN, VAGUE_TIME_ADJECTIVES),
    (class::AFTER_IN, AFTER_IN_PAST_OR_FUTURE),
    (class::AFTER_IN, AFTER_IN_UNITS),
];

/// Month names in the case forms running text uses (the discourse tables read them too).
pub(crate) const MONTHS: &[(u32, &[&str])] = &[
    (1, &["январь", "января", "январе", "январю", "январем"]),
    (2, &["февраль", "февраля", "феврале", "февралю", "февралем"]),
    (3, &["март", "марта", "марте", "марту", "мартом"]),
    (4, &["апрель", "апреля", "апреле", "апрелю", "апрелем"]),
    (5, &["май", "мая", "мае", "маю", "маем"]),
    (6, &["июнь", "июня", "июне", "июню", "июнем"]),
    (7, &["июль", "июля", "июле", "июлю", "июлем"]),
    (8, &["август", "августа", "августе", "августу", "августом"]),
    (9, &["сентябрь", "сентября", "сентябре", "сентябрю", "сентябрем"]),
    (10, &["октябрь", "октября", "октябре", "октябрю", "октябрем"]),
    (11, &["ноябрь", "ноября", "ноябре", "ноябрю", "ноябрем"]),
    (12, &["декабрь", "декабря", "декабре", "декабрю", "декабрем"]),
];

/// Month abbreviations (with or without a period after them).
pub(crate) const MONTH_ABBREVIATIONS: &[(u32, &[&str])] = &[
    (1, &["янв"]),
    (2, &["фев", "февр"]),
    (3, &["мар"]),
    (4, &["апр"]),
    (6, &["июн"]),
    (7, &["июл"]),
    (8, &["авг"]),
    (9, &["сен", "сент"]),
    (10, &["окт"]),
    (11, &["ноя", "нояб"]),
    (12, &["дек"]),
];

/// Weekdays, singular case forms.
const WEEKDAYS: &[(u32, &[&str])] = &[
    (1, &["понедельник", "понедельника", "понедельнику", "понедельником", "понедельнике"]),
    (2, &["вторник", "вторника", "вторнику", "вторником", "вторнике"]),
    (3, &["среда", "среду", "среды", "среде", "средой"]),
    (4, &["четверг", "четверга", "четвергу", "четвергом", "четверге"]),
    (5, &["пятница", "пятницу", "пятницы", "пятнице", "пятницей"]),
    (6, &["суббота", "субботу", "субботы", "субботе", "субботой"]),
    (7, &["воскресенье", "воскресенья", "воскресенью", "воскресеньем"]),
];

/// Weekdays in the genitive singular, Monday first: the day a part of the day belongs to
/// (`утром пятницы`, `к вечеру понедельника`, `на утро среды`).
pub const WEEKDAY_GENITIVES: &[&str] =
    &["понедельника", "вторника", "среды", "четверга", "пятницы", "субботы", "воскресенья"];

/// Weekday abbreviations as dateline formats write them.
const WEEKDAY_ABBREVIATIONS: &[(u32, &[&str])] = &[
    (1, &["пн", "пнд"]),
    (2, &["вт", "втр"]),
    (3, &["ср", "срд"]),
    (4, &["чт", "чтв"]),
    (5, &["пт", "птн"]),
    (6, &["сб", "сбт"]),
    (7, &["вс", "вск"]),
];

/// Weekdays in the dative plural (`по пятницам`).
const WEEKDAYS_PLURAL: &[(u32, &[&str])] = &[
    (1, &["понедельникам"]),
    (2, &["вторникам"]),
    (3, &["средам"]),
    (4, &["четвергам"]),
    (5, &["пятницам"]),
    (6, &["субботам"]),
    (7, &["воскресеньям"]),
];

/// Units of time, every case form, singular and plural, and the usual abbreviations.
const UNITS: &[(Unit, &[&str])] = &[
    (Unit::Second, &["секунда", "секунды", "секунду", "секунд", "секундой", "секундами", "секундах", "сек"]),
    (Unit::Minute, &["минута", "минуты", "минуту", "минут", "минутой", "минутами", "минутах", "мин"]),
    (Unit::Hour, &["час", "часа", "часу", "часов", "часом", "часам", "часами", "часах", "часы", "ч"]),
    (
        Unit::Day,
        &[
            "день",
            "дня",
            "дню",
            "днем",
            "дне",
            "дни",
            "дней",
            "дням",
            "днями",
            "днях",
            "сутки",
            "суток",
            "суткам",
            "сутками",
            "сутках",
        ],
    ),
    (Unit::Week, &["неделя", "недели", "неделю", "неделе", "неделей", "недель", "неделям", "неделями", "неделях"]),
    (
        Unit::Month,
        &["месяц", "месяца", "месяцу", "месяцем", "месяце", "месяцы", "месяцев", "месяцам", "месяцами", "месяцах"],
    ),
    (Unit::Quarter, &["квартал", "квартала", "кварталу", "кварталом", "квартале", "кварталы", "кварталов"]),
    (Unit::Year, &["год", "года", "году", "годом", "годе", "годы", "годов", "годам", "годами", "годах", "лет"]),
];

/// Words for "year" after a year number.
const YEAR_WORDS: &[&str] =
    &["год", "года", "году", "годом", "годе", "годы", "годов", "годам", "годами", "годах", "г", "гг"];

/// Deictic days and their offset from the publication day.
const DEICTIC: &[(i32, &str)] = &[
    (0, "сегодня"),
    (-1, "вчера"),
    (-2, "позавчера"),
    (-3, "позапозавчера"),
    (1, "завтра"),
    (2, "послезавтра"),
    (3, "послепослезавтра"),
];

/// Parts of the day: the adverb or noun forms that name a part of a day by themselves, and
/// the forms that do after a preposition ([`PARTS_AFTER_PREPOSITION`]).
const PARTS_OF_DAY: &[(PartOfDay, &[&str])] = &[
    (PartOfDay::Morning, &["утром", "утро", "утре", "утра", "утру"]),
    (PartOfDay::Afternoon, &["днем"]),
    (PartOfDay::Evening, &["вечером", "вечер", "вечере", "вечера", "вечеру"]),
    (PartOfDay::Night, &["ночью", "ночь", "ночи"]),
    (PartOfDay::Midday, &["обед", "обеда", "обеду"]),
];

/// Forms of [`PARTS_OF_DAY`] that name a part of the day only after one of their
/// prepositions (`с утра`, `до вечера`, `к вечеру`, `после обеда`, `в обед`): elsewhere
/// they are a clock hour's part (`в 10 утра`) or another word (`доброго утра`, `на обед`).
pub const PARTS_AFTER_PREPOSITION: &[(&str, &[&str])] = &[
    ("утра", &["с", "со", "до", "после", "около"]),
    ("вечера", &["с", "со", "до", "после", "около"]),
    ("ночи", &["с", "со", "до", "после", "около"]),
    ("обеда", &["с", "со", "до", "после", "около"]),
    ("утру", &["к", "ко"]),
    ("вечеру", &["к", "ко"]),
    ("обеду", &["к", "ко"]),
    ("обед", &["в", "во"]),
];

/// Parts of the day in the genitive, after a clock hour (`в 11 вечера`).
const CLOCK_PARTS: &[(PartOfDay, &[&str])] = &[
    (PartOfDay::Morning, &["утра"]),
    (PartOfDay::Afternoon, &["дня", "пополудни"]),
    (PartOfDay::Evening, &["вечера"]),
    (PartOfDay::Night, &["ночи"]),
];

/// Adjective stems that shift a calendar unit, with their shift; the endings come from
/// [`HARD_ENDINGS`] / [`SOFT_ENDINGS`].
const SHIFT_STEMS_HARD: &[(i32, &str)] = &[(-2, "позапрошл"), (-1, "прошл"), (1, "будущ")];
/// Soft-stem shift adjectives (`следующий`, `текущий`).
const SHIFT_STEMS_SOFT: &[(i32, &str)] = &[
    (-1, "предыдущ"),
    (-1, "минувш"),
    (-1, "прошедш"),
    (-1, "истекш"),
    (0, "текущ"),
    (0, "нынешн"),
    (1, "следующ"),
    (1, "предстоящ"),
];
/// The demonstrative `этот` in every form.
const THIS_FORMS: &[&str] = &["этот", "эта", "это", "эти", "этого", "этой", "этому", "этим", "этом", "эту", "этих"];
/// Hard adjective endings.
const HARD_ENDINGS: &[&str] = &[
    "ый", "ий", "ая", "ое", "ые", "ого", "ой", "ому", "ым", "ом", "ую", "ых", "ими", "ыми", "ее", "ие", "его", "ей",
    "ему", "им", "ем", "их",
];
/// Soft adjective endings.
const SOFT_ENDINGS: &[&str] = &["ий", "ая", "ее", "ие", "его", "ей", "ему", "им", "ем", "ую", "их", "ими", "яя", "юю"];

/// Seasons in every case form.
const SEASONS: &[(Season, &[&str])] = &[
    (Season::Spring, &["весна", "весны", "весне", "весну", "весной", "весною"]),
    (Season::Summer, &["лето", "лета", "лету", "летом", "лете"]),
    (Season::Fall, &["осень", "осени", "осенью"]),
    (Season::Winter, &["зима", "зимы", "зиме", "зиму", "зимой", "зимою"]),
];

/// Parts of a period.
const PORTIONS: &[(Portion, &[&str])] = &[
    (Portion::Start, &["начало", "начала", "началу", "началом", "начале"]),
    (Portion::Mid, &["середина", "середины", "середине", "середину", "серединой"]),
    (Portion::End, &["конец", "конца", "концу", "концом", "конце"]),
];

/// Set adverbs and their period.
const EVERY: &[(Unit, &[&str])] = &[
    (Unit::Minute, &["ежеминутно"]),
    (Unit::Hour, &["ежечасно"]),
    (Unit::Day, &["ежедневно", "ежесуточно"]),
    (Unit::Week, &["еженедельно"]),
    (Unit::Month, &["ежемесячно"]),
    (Unit::Quarter, &["ежеквартально"]),
    (Unit::Year, &["ежегодно"]),
];

/// Single words with one meaning each.
const SINGLE: &[(Lex, &[&str])] = &[
    (Lex::HalfWord, &["половина", "половины", "половине", "половину", "половиной"]),
    (Lex::HalfYear, &["полугодие", "полугодия", "полугодии", "полугодию", "полугодием"]),
    (Lex::Weekend, &["выходные", "выходных", "выходным", "выходными"]),
    (
        Lex::EachWord,
        &[
            "каждый",
            "каждая",
            "каждое",
            "каждые",
            "каждого",
            "каждой",
            "каждому",
            "каждым",
            "каждом",
            "каждую",
            "каждых",
        ],
    ),
    (Lex::Ago, &["назад"]),
    (Lex::Later, &["через", "спустя"]),
    (Lex::Now, &["сейчас", "ныне", "нынче"]),
    (Lex::Noon, &["полдень", "полудня", "полудню"]),
    (Lex::HalfUnit(Unit::Hour), &["полчаса", "получаса"]),
    (Lex::HalfUnit(Unit::Year), &["полгода", "полугода"]),
    (Lex::HalfUnit(Unit::Month), &["полмесяца"]),
    (Lex::HalfUnit(Unit::Minute), &["полминуты"]),
    (Lex::OneAndHalf, &["полтора", "полторы", "полутора"]),
    (Lex::Couple, &["пара", "пару", "пары", "парой"]),
    (Lex::Midnight, &["полночь", "полуночи"]),
];

/// Words that put a sentence in the future tense: `будет` + infinitive, future forms of
/// the verbs news use for measures, and `планируется`-type words.
const FUTURE_WORDS: &[&str] = &[
    "будет",
    "будут",
    "буду",
    "будем",
    "будете",
    "будешь",
    "продлится",
    "продлятся",
    "планируется",
    "планируются",
    "планирует",
    "планируют",
    "предстоит",
    "предстоят",
    "ожидается",
    "ожидаются",
    "состоится",
    "состоятся",
    "начнется",
    "начнутся",
    "начнет",
    "начнут",
    "завершится",
    "завершатся",
    "закончится",
    "закончатся",
    "пройдет",
    "пройдут",
    "вступит",
    "вступят",
    "откроют",
    "откроется",
    "откроются",
    "закроют",
    "закроется",
    "закроются",
    "введут",
    "отменят",
    "продлят",
    "запустят",
    "возобновят",
    "возобновится",
    "возобновятся",
    "смогут",
    "сможет",
    "станет",
    "станут",
    "намерены",
    "намерен",
    "намерена",
    "обещают",
    "снимут",
    "ослабят",
    "ужесточат",
    "выплатят",
    "получат",
    "перейдут",
    "вернутся",
    "вернется",
    "приступят",
    "завершат",
    "опубликуют",
    "построят",
    "проведут",
    "объявят",
    "примут",
    "рассмотрят",
    "выделят",
    "перенесут",
    "вакцинируют",
    "привьют",
    "сдадут",
    "вернут",
    "подведут",
    "начнем",
    "откроем",
    "закроем",
    "продлим",
    "введем",
    "запустим",
    "разрешат",
    "запретят",
    // Arrivals, departures and openings still to come (`Во вторник самолёт доставит 170
    // туристов`).
    "доставит",
    "доставят",
    "прибудет",
    "прибудут",
    "вылетит",
    "вылетят",
    "прилетит",
    "прилетят",
    "отправится",
    "отправятся",
    "поступит",
    "поступят",
    "появится",
    "появятся",
    "заработает",
    "заработают",
    "откроет",
    "закроет",
    "покажут",
    "усилят",
];

/// Present forms of the verbs that announce a change of rules: news tells a scheduled
/// measure in the present (`с понедельника в городе вводится запрет`, `в выходные
/// закрываются торговые центры`), so they point forward like the future. (Verbs of a state,
/// `действует`, `работают`, do not: `с понедельника действует запрет` may have begun.)
const PRESENT_SCHEDULING: &[&str] = &[
    "вводится",
    "вводятся",
    "отменяется",
    "отменяются",
    "снимается",
    "снимаются",
    "закрывается",
    "закрываются",
    "открывается",
    "открываются",
    "возобновляется",
    "возобновляются",
    "приостанавливается",
    "приостанавливаются",
    "ужесточается",
    "ужесточаются",
    "смягчается",
    "смягчаются",
    "запрещается",
    "запрещаются",
    "продлевается",
    "продлеваются",
    "переносится",
    "переносятся",
    "вступает",
    "вступают",
];

/// Nouns and other words that end like past-tense verbs (`-ела`, `-или`) but are not.
pub const NOT_PAST: &[&str] = &[
    "недели",
    "модели",
    "цели",
    "ели",
    "мели",
    "жители",
    "родители",
    "правила",
    "дела",
    "села",
    "тела",
    "мало",
    "дело",
    "тело",
    "село",
    "сигнала",
    "канала",
    "персонала",
    "материала",
    "капитала",
    "квартала",
    "финала",
    "зала",
    "или",
    "детали",
    "начала",
    "качели",
    "апреле",
    "были",
    "мили",
    "пили",
    "вилы",
    "сила",
    "силы",
    "могила",
    "масла",
    "числа",
    "крыла",
    "поли",
    "мыло",
    "шило",
    "рыло",
    "около",
    "отдел",
    "раздел",
    "предел",
    "сигнал",
    "канал",
    "персонал",
    "материал",
    "квартал",
    "зал",
    "финал",
    "капитал",
    "аул",
    "стул",
    "тыл",
    "пыл",
    "ил",
    // Nouns news use often that end like short participles (`-ана`, `-ены`, `-иты`, `-ыт`).
    "страна",
    "страны",
    "цена",
    "цены",
    "смена",
    "смены",
    "замена",
    "замены",
    "стена",
    "стены",
    "сцена",
    "сцены",
    "арена",
    "члены",
    "плана",
    "планы",
    "органа",
    "органы",
    "экрана",
    "экраны",
    "ресторана",
    "рестораны",
    "стакана",
    "карманы",
    "краны",
    "диваны",
    "антенны",
    "сирены",
    "вены",
    "гены",
    "кредита",
    "депозита",
    "визита",
    "лимита",
    // Place names in the genitive (`из Ирана`, `Азербайджана`, `до Магадана`).
    "ирана",
    "азербайджана",
    "тегерана",
    "абакана",
    "магадана",
    "романа",
    "тумана",
    "океана",
    "рана",
    "раны",
    "астана",
    "султана",
    "защита",
    "защиты",
    "элита",
    "элиты",
    "орбита",
    "визиты",
    "лимиты",
    "кредиты",
    "депозиты",
    "опыт",
    "опыта",
    "опыты",
    "быта",
    "патрули",
    "пули",
    // Nouns that end like the past of `расти`, `везти`, `мочь` (`-сла`, `-зла`, `-гла`, `-кла`).
    "смысла",
    "мысли",
    "посла",
    "угла",
    "узла",
    "котла",
    "стекла",
    "стекло",
    "весла",
    "весло",
    "кресла",
    "кресло",
    "ремесла",
    "ремесло",
    "козла",
];

/// Endings of place names that end like short participles (`Казахстана`, `Жезказгана`,
/// `Талдыкоргана`): words with them are never past.
const NOT_PAST_ENDINGS: &[&str] = &["стана", "гана"];

/// Stems of the verbs that set a time for something or call it off (`перенесли на осень`,
/// `отложены на май`, `назначено на 16 марта`, `запланирован на июнь`, `концерт 27 декабря
/// отменён`): their past forms say when the decision was made, not when the time it acts on
/// is, so they are no tense cue for the time they name. Directives are read the same way
/// (`поручено в мае выплатить`, `распорядился с понедельника закрыть`, `обязали до 1 июня
/// привиться`): the time belongs to what is ordered.
pub const SCHEDULING_STEMS: &[&str] = &[
    "перенес",
    "отлож",
    "назнач",
    "заплан",
    "намеч",
    "приуроч",
    "отмен",
    "поруч",
    "распорядил",
    "обязал",
    "обязан",
    "предписа",
    "потребова",
];

/// Does the word start with one of [`SCHEDULING_STEMS`]? The tense reader asks this of
/// every word of a clause, and most words answer no on their first two letters: one bit of
/// [`SCHEDULING_HEAD_BITS`] for the word's head first (its first four bytes, as for the
/// duration adjectives), then the stems. Every stem is at least two letters long, so a word
/// that starts with a stem has that stem's head, and the bit test never refuses it.
#[inline]
pub fn starts_with_scheduling_stem(w: &str) -> bool {
    let Some(&[a, b, c, d]) = w.as_bytes().get(..4) else { return false };
    let head = u32::from_le_bytes([a, b, c, d]);
    SCHEDULING_HEAD_BITS & head_bit(head) != 0 && SCHEDULING_STEMS.iter().any(|s| w.starts_with(s))
}

/// The [`head_bit`]s of the heads of [`SCHEDULING_STEMS`] (each of them has one: see the
/// assertion below).
const SCHEDULING_HEAD_BITS: u64 = {
    let mut bits = 0;
    let mut k = 0;
    while k < SCHEDULING_STEMS.len() {
        let h = head(SCHEDULING_STEMS[k]);
        assert!(h != 0, "a scheduling stem shorter than four bytes would need no head");
        bits |= head_bit(h);
        k += 1;
    }
    bits
};

/// The preposition and nouns of the period a decision is for (`на период`, `на время`, `на
/// срок`): a mention right after them takes no tense from the decision's verb.
pub const FOR_PERIOD: (&str, &[&str]) = ("на", &["период", "время", "срок"]);

/// The past forms of `быть` that carry a participle (`был отменён`, `были перенесены`).
pub const PAST_AUXILIARIES: &[&str] = &["был", "была", "было", "были"];

/// Past-tense forms too short for [`PAST_ENDINGS`] to judge safely.
pub const PAST_WORDS: &[&str] =
    &["был", "была", "было", "были", "шел", "шла", "шли", "мог", "могла", "могли", "дал", "дала", "дали"];

/// Does a word of four letters or more end like a past-tense verb or a short passive
/// participle ([`PAST_ENDINGS`])? Words the lexicon knows are checked before this.
pub fn looks_past(w: &str) -> bool {
    // Four Cyrillic letters take eight bytes; shorter words are left to [`PAST_WORDS`].
    if w.len() < 8 {
        return false;
    }
    // A word can end with an ending only when it ends with the ending's last byte: one bit
    // of [`PAST_LAST_BYTES`] answers for most words that end otherwise (`-ей`, `-ых`).
    if w.as_bytes().last().is_none_or(|&b| PAST_LAST_BYTES & (1 << (b % 64)) == 0) {
        return false;
    }
    if NOT_PAST_ENDINGS.iter().any(|e| w.ends_with(e)) {
        return false;
    }
    // Walk the trie of reversed endings from the word's last letter.
    let trie = &*PAST_ENDING_TRIE;
    let mut node = 0;
    for c in w.chars().rev() {
        match trie[node].children.iter().find(|(k, _)| *k == c) {
            Some(&(_, next)) => node = next,
            None => return false,
        }
        if trie[node].end {
            return true;
        }
    }
    false
}

/// Bit `b % 64` for the last byte `b` of each of [`PAST_ENDINGS`].
const PAST_LAST_BYTES: u64 = {
    let mut bits = 0u64;
    let mut k = 0;
    while k < PAST_ENDINGS.len() {
        let e = PAST_ENDINGS[k].as_bytes();
        if let [.., last] = e {
            bits |= 1 << (*last % 64);
        }
        k += 1;
    }
    bits
};

/// A node of the reversed-endings trie behind [`looks_past`].
struct SuffixNode {
    children: Vec<(char, usize)>,
    end: bool,
}

static PAST_ENDING_TRIE: Lazy<Vec<SuffixNode>> = Lazy::new(|| {
    let mut nodes = vec![SuffixNode { children: Vec::new(), end: false }];
    for ending in PAST_ENDINGS {
        let mut node = 0;
        for c in ending.chars().rev() {
            node = match nodes[node].children.iter().find(|(k, _)| *k == c) {
                Some(&(_, next)) => next,
                None => {
                    nodes.push(SuffixNode { children: Vec::new(), end: false });
                    let next = nodes.len() - 1;
                    nodes[node].children.push((c, next));
                    next
                }
            };
        }
        nodes[node].end = true;
    }
    nodes
});

/// Endings of past-tense verbs and short passive participles (`ввели`, `выявлено`,
/// `зарегистрированы`), checked after [`NOT_PAST`].
pub const PAST_ENDINGS: &[&str] = &[
    "ал",
    "ял",
    "ил",
    "ел",
    "ыл",
    "ул",
    "ала",
    "яла",
    "ила",
    "ела",
    "ыла",
    "ула",
    "ало",
    "яло",
    "ило",
    "ело",
    "ыло",
    "уло",
    "али",
    "яли",
    "или",
    "ели",
    "ыли",
    "ули",
    "ался",
    "ялся",
    "ился",
    "елся",
    "алась",
    "ялась",
    "илась",
    "елась",
    "алось",
    "ялось",
    "илось",
    "елось",
    "ались",
    "ялись",
    "ились",
    "елись",
    "ано",
    "ено",
    "ены",
    "аны",
    "ена",
    "ана",
    "ыто",
    "ыты",
    "ыта",
    "ито",
    "иты",
    "ита",
    "ыт",
    // `прошли`, `пришла`, `вышел`, `нашло`: the past of `идти` and its prefixed verbs.
    "шли",
    "шла",
    "шло",
    "шел",
    // `выросли`, `перенесли`, `привезла`, `достигли`, `смогла`: the past of verbs whose
    // stem ends in a consonant (`расти`, `нести`, `везти`, `мочь`, `печь`).
    "сли",
    "сла",
    "сло",
    "зли",
    "зла",
    "зло",
    "гли",
    "гла",
    "гло",
    "кли",
    "кла",
    "кло",
];

/// The upcoming-occurrence adjective `ближайший`.
const UPCOMING_STEM: &str = "ближайш";

/// A table of forms keyed by a number (month, weekday).
type NumberedForms = &'static [(u32, &'static [&'static str])];
/// A numbered table with the lexicon entry its numbers make.
type NumberedGroup = (NumberedForms, fn(u32) -> Lex);

static TABLE: Lazy<Table> = Lazy::new(|| Table::new(build()));

/// The lexicon as an open-addressing hash table, built once from [`build`]'s map.
///
/// The grammar looks up every word of a sentence many times (each rule asks again), and
/// most words are not in the lexicon, so the lookup is made cheap where it is hot: a word
/// is read as a [`Key`] (its length and at most 16 of its bytes, which for a word of up to
/// 16 bytes is the whole word), the table is at most a quarter full so that a miss usually
/// ends at the first empty slot, and keys are compared as integers, the bytes only for
/// longer words.
struct Table {
    /// `mask + 1` slots, each `EMPTY` or an index into `entries`.
    slots: Box<[u32]>,
    mask: usize,
    entries: Box<[Entry]>,
    /// Length in bytes of the longest form: longer words miss without hashing.
    longest: usize,
}

struct Entry {
    key: Key,
    form: Box<str>,
    meaning: Box<[Lex]>,
    /// The [`class`] bits of the form: its meanings' and its [`GRAMMAR_WORDS`] groups'.
    class: u64,
}

const EMPTY: u32 = u32::MAX;

impl Table {
    fn new(mut map: HashMap<String, Vec<Lex>>) -> Self {
        let mut classes: HashMap<String, u64> = HashMap::new();
        for (form, meaning) in &map {
            classes.insert(form.clone(), meaning.iter().fold(0, |c, l| c | l.class()));
        }
        for (bits, forms) in GRAMMAR_WORDS {
            for form in *forms {
                *classes.entry((*form).to_string()).or_default() |= bits;
                map.entry((*form).to_string()).or_default();
            }
        }
        let mut forms: Vec<(String, Vec<Lex>)> = map.into_iter().collect();
        // A fixed order, so that probe sequences do not depend on the map's random state.
        forms.sort_by(|a, b| a.0.cmp(&b.0));
        let size = (forms.len() * 4).next_power_of_two().max(16);
        let mask = size - 1;
        let mut slots = vec![EMPTY; size].into_boxed_slice();
        let mut entries = Vec::with_capacity(forms.len());
        let mut longest = 0;
        for (form, meaning) in forms {
            let key = Key::of(form.as_bytes());
            let mut i = key.slot(mask);
            while slots[i] != EMPTY {
                i = (i + 1) & mask;
            }
            slots[i] = u32::try_from(entries.len()).unwrap_or(EMPTY - 1); // the lexicon has a few thousand forms
            longest = longest.max(form.len());
            let class = classes.get(&form).copied().unwrap_or(0);
            entries.push(Entry { key, form: form.into_boxed_str(), meaning: meaning.into_boxed_slice(), class });
        }
        Table { slots, mask, entries: entries.into_boxed_slice(), longest }
    }

    #[inline]
    fn get_bytes(&self, bytes: &[u8]) -> Option<&Entry> {
        if bytes.len() > self.longest {
            return None;
        }
        let key = Key::of(bytes);
        let mut i = key.slot(self.mask);
        loop {
            let slot = self.slots[i];
            if slot == EMPTY {
                return None;
            }
            let entry = &self.entries[slot as usize];
            if entry.key == key && (bytes.len() <= 16 || entry.form.as_bytes() == bytes) {
                return Some(entry);
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// A word's length and its first and last eight bytes (overlapping for words of 8 to 15
/// bytes; for shorter words, every byte packed into `head`). Two words of at most 16 bytes
/// are equal exactly when their keys are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Key {
    head: u64,
    tail: u64,
    len: usize,
}

impl Key {
    #[inline]
    fn of(bytes: &[u8]) -> Key {
        let n = bytes.len();
        let (head, tail) = match n {
            8.. => (read_u64(&bytes[..8]), read_u64(&bytes[n - 8..])),
            4..=7 => (u64::from(read_u32(&bytes[..4])) | u64::from(read_u32(&bytes[n - 4..])) << 32, 0),
            1..=3 => (u64::from(bytes[0]) | u64::from(bytes[n / 2]) << 8 | u64::from(bytes[n - 1]) << 16, 0),
            0 => (0, 0),
        };
        Key { head, tail, len: n }
    }

    /// The first slot to probe: FxHash-style multiplies, high bits (the best mixed).
    #[inline]
    fn slot(&self, mask: usize) -> usize {
        const K: u64 = 0xf135_7aea_2e62_a9c5;
        let h = (self.head ^ self.len as u64).wrapping_mul(K).rotate_left(26) ^ self.tail;
        (h.wrapping_mul(K) >> 32) as usize & mask
    }
}

#[inline]
fn read_u64(bytes: &[u8]) -> u64 {
    let mut buf = [0u8; 8];
    buf.copy_from_slice(bytes);
    u64::from_le_bytes(buf)
}

#[inline]
fn read_u32(bytes: &[u8]) -> u32 {
    let mut buf = [0u8; 4];
    buf.copy_from_slice(bytes);
    u32::from_le_bytes(buf)
}

fn build() -> HashMap<String, Vec<Lex>> {
    let mut map: HashMap<String, Vec<Lex>> = HashMap::new();
    let mut add = |form: &str, lex: Lex| {
        let entry = map.entry(form.to_string()).or_default();
        if !entry.contains(&lex) {
            entry.push(lex);
        }
    };
    let groups: [NumberedGroup; 5] = [
        (MONTHS, Lex::Month),
        (MONTH_ABBREVIATIONS, Lex::MonthAbbr),
        (WEEKDAYS, Lex::Weekday),
        (WEEKDAY_ABBREVIATIONS, Lex::WeekdayAbbr),
        (WEEKDAYS_PLURAL, Lex::WeekdayPlural),
    ];
    for (table, make) in groups {
        for (n, forms) in table {
            for form in *forms {
                add(form, make(*n));
            }
        }
    }
    for (unit, forms) in UNITS {
        for form in *forms {
            add(form, Lex::Unit(*unit));
        }
    }
    for form in YEAR_WORDS {
        add(form, Lex::YearWord);
    }
    for (n, form) in DEICTIC {
        add(form, Lex::Deictic(*n));
    }
    for (part, forms) in PARTS_OF_DAY {
        for form in *forms {
            add(form, Lex::PartOfDay(*part));
        }
    }
    for (part, forms) in CLOCK_PARTS {
        for form in *forms {
            add(form, Lex::ClockPart(*part));
        }
    }
    for (shift, stem) in SHIFT_STEMS_HARD {
        for ending in HARD_ENDINGS {
            add(&format!("{stem}{ending}"), Lex::Shift(*shift));
        }
    }
    for (shift, stem) in SHIFT_STEMS_SOFT {
        for ending in SOFT_ENDINGS {
            add(&format!("{stem}{ending}"), Lex::Shift(*shift));
        }
    }
    for form in THIS_FORMS {
        add(form, Lex::Shift(0));
    }
    for ending in SOFT_ENDINGS {
        add(&format!("{UPCOMING_STEM}{ending}"), Lex::Upcoming);
    }
    for (season, forms) in SEASONS {
        for form in *forms {
            add(form, Lex::Season(*season));
        }
    }
    for (portion, forms) in PORTIONS {
        for form in *forms {
            add(form, Lex::Portion(*portion));
        }
    }
    for (unit, forms) in EVERY {
        for form in *forms {
            add(form, Lex::Every(*unit));
        }
    }
    for (lex, forms) in SINGLE {
        for form in *forms {
            add(form, *lex);
        }
    }
    let moving = MOVING_HOLIDAYS.iter().map(|(names, _)| *names);
    for names in HOLIDAYS.iter().map(|(names, ..)| *names).chain(moving) {
        for name in names {
            if let Some(first) = name.split(' ').next() {
                add(first, Lex::HolidayStart);
            }
        }
    }
    for form in FUTURE_WORDS.iter().chain(PRESENT_SCHEDULING) {
        add(form, Lex::Future);
    }
    for form in PAST_WORDS {
        add(form, Lex::Past);
    }
    for form in NOT_PAST {
        add(form, Lex::NotPast);
    }
    for (form, word) in numbers::forms() {
        add(form, Lex::Number(word));
    }
    map
}

/// What a normalized word form means to the grammar (empty when nothing); the tests' view
/// of the table.
#[cfg(test)]
pub(crate) fn lookup(norm: &str) -> &'static [Lex] {
    TABLE.get_bytes(norm.as_bytes()).map_or(&[], |e| &e.meaning)
}

/// The compiled lexicon, for callers that look many words up (one check that it is built,
/// instead of one per word).
#[derive(Clone, Copy)]
pub struct Lexicon(&'static Table);

impl Lexicon {
    /// The lexicon, built on first use.
    pub fn get() -> Lexicon {
        Lexicon(&TABLE)
    }

    /// What a normalized word form (its bytes, as [`Tokens::norm_bytes`] gives them) means
    /// to the grammar, and its [`class`] bits.
    ///
    /// [`Tokens::norm_bytes`]: crate::text::Tokens
    #[inline]
    pub fn lookup_class(self, norm: &[u8]) -> (&'static [Lex], u64) {
        let (meaning, mut bits) = self.0.get_bytes(norm).map_or((&[][..], 0), |e| (&e.meaning[..], e.class));
        // Forms read by their stem, too many to list.
        // The byte test decides first; only a word it passes (rare) is checked to be text,
        // as reading it as a `str` always did.
        if norm.len() >= 12 && duration_adjective_bytes(norm).is_some() && std::str::from_utf8(norm).is_ok() {
            bits |= class::START | class::DURATION;
        }
        if starts_with_new_year_stem(norm) {
            bits |= class::START | class::NIGHT;
        }
        (meaning, bits)
    }
}

/// Does the word start with the first two letters of a duration adjective's stem? A quick
/// test before [`duration_adjective`], which compares every stem: one bit of
/// [`DURATION_ADJECTIVE_HEAD_BITS`] first (most words miss there), then the heads.
#[inline]
fn may_be_duration_adjective(w: &[u8]) -> bool {
    let Some(&[a, b, c, d]) = w.get(..4) else { return false };
    let head = u32::from_le_bytes([a, b, c, d]);
    DURATION_ADJECTIVE_HEAD_BITS & head_bit(head) != 0 && DURATION_ADJECTIVE_HEADS.contains(&head)
}

/// The first four bytes (two letters) of a stem, 0 for a shorter one.
const fn head(stem: &str) -> u32 {
    match stem.as_bytes() {
        [a, b, c, d, ..] => u32::from_le_bytes([*a, *b, *c, *d]),
        _ => 0,
    }
}

/// One of 64 bits for a head (a multiplicative hash's top six bits).
const fn head_bit(head: u32) -> u64 {
    1 << (head.wrapping_mul(0x9e37_79b1) >> 26)
}

/// The number of stems [`duration_adjective`] reads by their first letters.
const DURATION_ADJECTIVE_STEM_COUNT: usize = DURATION_ADJECTIVE_NUMBERS.len() + ONE_UNIT_ADJECTIVE_STEMS.len();

/// The first four bytes (two letters) of every stem [`duration_adjective`] reads (some
/// twice).
const DURATION_ADJECTIVE_HEADS: [u32; DURATION_ADJECTIVE_STEM_COUNT] = {
    let mut heads = [0; DURATION_ADJECTIVE_STEM_COUNT];
    let mut k = 0;
    while k < DURATION_ADJECTIVE_NUMBERS.len() {
        heads[k] = head(DURATION_ADJECTIVE_NUMBERS[k].0);
        k += 1;
    }
    let mut j = 0;
    while j < ONE_UNIT_ADJECTIVE_STEMS.len() {
        heads[k + j] = head(ONE_UNIT_ADJECTIVE_STEMS[j].0);
        j += 1;
    }
    heads
};

// Every stem has a head (two letters, four bytes): what `duration_adjective_bytes` relies
// on when it asks `may_be_duration_adjective` first.
const _: () = {
    let mut k = 0;
    while k < DURATION_ADJECTIVE_HEADS.len() {
        assert!(DURATION_ADJECTIVE_HEADS[k] != 0);
        k += 1;
    }
};

/// The [`head_bit`]s of [`DURATION_ADJECTIVE_HEADS`].
const DURATION_ADJECTIVE_HEAD_BITS: u64 = {
    let mut bits = 0;
    let mut k = 0;
    while k < DURATION_ADJECTIVE_HEADS.len() {
        bits |= head_bit(DURATION_ADJECTIVE_HEADS[k]);
        k += 1;
    }
    bits
};

/// `w.starts_with(NEW_YEAR_STEM)`, deciding most words on their first eight bytes.
#[inline]
fn starts_with_new_year_stem(w: &[u8]) -> bool {
    const STEM: &[u8] = NEW_YEAR_STEM.as_bytes();
    // The stem is eight letters, sixteen bytes: its first eight bytes are a whole `u64`.
    const _: () = assert!(STEM.len() >= 8);
    const HEAD: u64 = match STEM {
        [a, b, c, d, e, f, g, h, ..] => u64::from_le_bytes([*a, *b, *c, *d, *e, *f, *g, *h]),
        _ => 0,
    };
    match w.get(..8) {
        Some(first) if w.len() >= STEM.len() => read_u64(first) == HEAD && w.starts_with(STEM),
        _ => false,
    }
}

/// The stem of `новогодний` (`в новогоднюю ночь`).
pub const NEW_YEAR_STEM: &str = "новогодн";

/// Stems of compound duration adjectives: `двух` + `недельный`.
const DURATION_ADJECTIVE_NUMBERS: &[(&str, u32)] = &[
    ("одно", 1),
    ("двух", 2),
    ("трех", 3),
    ("четырех", 4),
    ("пяти", 5),
    ("шести", 6),
    ("семи", 7),
    ("восьми", 8),
    ("девяти", 9),
    ("десяти", 10),
    ("четырнадцати", 14),
    ("пятнадцати", 15),
    ("двадцати", 20),
    ("тридцати", 30),
    ("сорока", 40),
];

/// Unit stems of duration adjectives: `дневный`, `недельный`, `месячный`, `суточный`.
const DURATION_ADJECTIVE_UNITS: &[(&str, Unit)] =
    &[("дневн", Unit::Day), ("суточн", Unit::Day), ("недельн", Unit::Week), ("месячн", Unit::Month)];

/// The unit of a duration adjective's unit stem (`дневный` → day).
pub fn duration_adjective_unit(w: &str) -> Option<Unit> {
    DURATION_ADJECTIVE_UNITS.iter().find(|(stem, _)| w.starts_with(stem)).map(|&(_, u)| u)
}

/// Adjectives that are one unit long by themselves (`месячный запас`, `недельный курс`).
const ONE_UNIT_ADJECTIVE_STEMS: &[(&str, Unit)] = &[("месячн", Unit::Month), ("недельн", Unit::Week)];

/// A duration adjective's amount and unit: `двухнедельный` (2 weeks), `месячный` (1 month).
pub fn duration_adjective(w: &str) -> Option<(u32, Unit)> {
    duration_adjective_bytes(w.as_bytes())
}

/// [`duration_adjective`] of a word's bytes, with no test that they are text.
///
/// A `str` prefix test is a byte prefix test, and the rest of a word after a whole stem
/// (itself text) starts at a character boundary, so for any `str` this answers as the
/// character-wise reading would. [`may_be_duration_adjective`] goes first: every stem is
/// at least two letters long, so a word that starts with one has that stem's head.
#[inline]
fn duration_adjective_bytes(w: &[u8]) -> Option<(u32, Unit)> {
    if !may_be_duration_adjective(w) {
        return None;
    }
    if let Some((_, u)) = ONE_UNIT_ADJECTIVE_STEMS.iter().find(|(stem, _)| w.starts_with(stem.as_bytes())) {
        return Some((1, *u));
    }
    let (stem, n) = DURATION_ADJECTIVE_NUMBERS.iter().find(|(stem, _)| w.starts_with(stem.as_bytes()))?;
    let rest = w.get(stem.len()..)?;
    let (_, unit) = DURATION_ADJECTIVE_UNITS.iter().find(|(stem, _)| rest.starts_with(stem.as_bytes()))?;
    Some((*n, *unit))
}

/// Holidays whose date moves, by the words that name them (a hyphen may join the words:
/// `Курбан-айт`); the resolver knows their dates ([`crate::resolve::feast_day`]).
pub const MOVING_HOLIDAYS: &[(&[&str], Feast)] = &[
    (&["пасха", "пасхи", "пасхе", "пасху", "пасхой"], Feast::OrthodoxEaster),
    (&["ораза айт", "ораза айта", "ораза айту", "ораза айтом", "ораза айте"], Feast::EidAlFitr),
    (&["курбан айт", "курбан айта", "курбан айту", "курбан айтом", "курбан айте"], Feast::EidAlAdha),
];

/// Fixed-date holidays: the words that name them and their day (month, first day, last day).
/// Lunar holidays (Курбан айт, Ораза айт) are in [`MOVING_HOLIDAYS`]: their dates move.
pub const HOLIDAYS: &[(&[&str], u32, u32, u32)] = &[
    (&["новый год", "нового года", "новому году", "новым годом", "новом году"], 1, 1, 1),
    (&["рождество", "рождества", "рождеству", "рождеством"], 1, 7, 7),
    (
        &[
            "международный женский день",
            "международного женского дня",
            "международному женскому дню",
            "международным женским днем",
        ],
        3,
        8,
        8,
    ),
    (&["наурыз", "наурыза", "наурызу", "наурызом", "наурыз мейрамы"], 3, 21, 23),
    (&["день победы", "дня победы", "дню победы", "днем победы"], 5, 9, 9),
    (&["день защитника отечества", "дня защитника отечества", "дню защитника отечества"], 2, 23, 23),
    (&["день единства народа казахстана", "дня единства народа казахстана", "дню единства народа казахстана"], 5, 1, 1),
    (&["день столицы", "дня столицы", "дню столицы"], 7, 6, 6),
    (&["день знаний", "дня знаний", "дню знаний"], 9, 1, 1),
    (&["день россии", "дня россии", "дню россии"], 6, 12, 12),
    (
        &[
            "день независимости казахстана",
            "дня независимости казахстана",
            "дню независимости казахстана",
            "днем независимости казахстана",
            "день независимости республики казахстан",
            "дня независимости республики казахстан",
            "дню независимости республики казахстан",
        ],
        12,
        16,
        16,
    ),
];

/// Time zones written after a clock time, in minutes east of UTC, as each token of the
/// zone's words normalizes (a hyphenated name is three tokens: `нур`, `-`, `султана`).
///
/// The offsets are those in force in 2020, the period khronika is built for: Moscow time is
/// UTC+3 (since 26 October 2014); Kazakhstan had two zones, UTC+6 in the east (Nur-Sultan /
/// Astana, Almaty, Shymkent, Karaganda, Pavlodar, Kostanay, ...) and UTC+5 in the west
/// (Aktobe, Atyrau, Aktau, Uralsk, and Kyzylorda since 21 December 2018). Kazakhstan moved
/// to a single UTC+5 on 1 March 2024; the table does not change with the date. A city whose
/// zone is not listed, `по местному времени` and `по казахстанскому времени` (which of the two
/// zones?) give no offset: never guessed.
pub mod zones {
    /// Abbreviations that follow the time directly (`10:00 МСК`); `utc`/`gmt` may take a
    /// signed hour after them (`GMT+6`, `UTC+05:00`).
    pub const ABBREVIATIONS: &[(&str, i32)] = &[("мск", 180), ("msk", 180), ("utc", 0), ("gmt", 0)];
    /// The abbreviations that take a signed offset after them.
    pub const WITH_SIGNED_OFFSET: &[&str] = &["utc", "gmt"];
    /// `по <adjective> времени`: the adjective in the dative.
    pub const ADJECTIVES: &[(&[&str], i32)] = &[
        (&["московскому"], 180),
        (&["астанинскому"], 360),
        (&["нур", "-", "султанскому"], 360),
        (&["алматинскому"], 360),
    ];
    /// `по времени <city>` (the city in the genitive) and `по <city>` (the dative: `по
    /// Москве`, `по Астане`).
    pub const CITIES: &[(&[&str], i32)] = &[
        (&["москвы"], 180),
        (&["москве"], 180),
        (&["астаны"], 360),
        (&["астане"], 360),
        (&["нур", "-", "султана"], 360),
        (&["нур", "-", "султану"], 360),
        (&["алматы"], 360),
        (&["шымкента"], 360),
        (&["караганды"], 360),
        (&["павлодара"], 360),
        (&["костаная"], 360),
        (&["семея"], 360),
        (&["усть", "-", "каменогорска"], 360),
        (&["петропавловска"], 360),
        (&["кокшетау"], 360),
        (&["тараза"], 360),
        (&["туркестана"], 360),
        (&["талдыкоргана"], 360),
        (&["актобе"], 300),
        (&["атырау"], 300),
        (&["актау"], 300),
        (&["уральска"], 300),
        (&["кызылорды"], 300),
    ];
    /// The word for "time" after `по` and an adjective, or before a city (`по времени
    /// Астаны`).
    pub const TIME_WORD: &str = "времени";
    /// The preposition of the phrases above.
    pub const BY: &str = "по";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_head_test_keeps_every_scheduling_stem() {
        // Every stem and its forms pass; the bit test only refuses words no stem starts.
        let words = ["перенесли", "отложены", "назначено", "запланирован", "отменён", "поручено", "обязали"];
        let others = ["перед", "от", "на", "недели", "правила", "в", "", "п", "пе"];
        for w in SCHEDULING_STEMS.iter().copied().chain(words).chain(others) {
            assert_eq!(starts_with_scheduling_stem(w), SCHEDULING_STEMS.iter().any(|s| w.starts_with(s)), "{w}");
        }
    }

    #[test]
    fn the_last_byte_test_passes_every_past_ending() {
        for e in PAST_ENDINGS {
            let w = format!("рассмотр{e}");
            assert!(looks_past(&w), "{w}");
        }
        assert!(!looks_past("рассмотрений"));
    }

    #[test]
    fn every_word_after_in_has_its_bit() {
        for w in AFTER_IN.iter().flat_map(|list| list.iter()) {
            assert_ne!(Lexicon::get().lookup_class(w.as_bytes()).1 & class::AFTER_IN, 0, "{w}");
        }
    }

    #[test]
    fn the_quick_tests_pass_every_duration_adjective_and_new_year_word() {
        let lexicon = Lexicon::get();
        let mut words: Vec<String> = ONE_UNIT_ADJECTIVE_STEMS.iter().map(|(stem, _)| format!("{stem}ый")).collect();
        for (number, _) in DURATION_ADJECTIVE_NUMBERS {
            for (unit, _) in DURATION_ADJECTIVE_UNITS {
                words.push(format!("{number}{unit}ого"));
            }
        }
        for w in &words {
            assert!(duration_adjective(w).is_some(), "{w}");
            let (_, bits) = lexicon.lookup_class(w.as_bytes());
            assert_eq!(bits & (class::START | class::DURATION), class::START | class::DURATION, "{w}");
        }
        for w in ["новогодний", "новогодние", "новогодн"] {
            assert!(starts_with_new_year_stem(w.as_bytes()), "{w}");
            assert_ne!(lexicon.lookup_class(w.as_bytes()).1 & class::NIGHT, 0, "{w}");
        }
        for w in ["новогод", "новый", "", "н"] {
            assert!(!starts_with_new_year_stem(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn shifts_in_every_form() {
        assert_eq!(lookup("прошлой"), &[Lex::Shift(-1)]);
        assert_eq!(lookup("следующую"), &[Lex::Shift(1)]);
        assert_eq!(lookup("текущем"), &[Lex::Shift(0)]);
        assert_eq!(lookup("ближайшую"), &[Lex::Upcoming]);
    }

    #[test]
    fn table_agrees_with_the_map() {
        let map = build();
        for (form, meaning) in &map {
            assert_eq!(lookup(form), meaning.as_slice(), "{form}");
            // Prefixes, suffixes and near misses are absent unless the map has them.
            let half = form.char_indices().nth(form.chars().count() / 2).map_or(form.len(), |(i, _)| i);
            for probe in [&form[..half], &form[half..]] {
                assert_eq!(lookup(probe), map.get(probe).map_or(&[][..], Vec::as_slice), "{probe}");
            }
            let longer = format!("{form}а");
            assert_eq!(lookup(&longer), map.get(&longer).map_or(&[][..], Vec::as_slice), "{longer}");
        }
        assert!(lookup("").is_empty());
        assert!(lookup("достопримечательностями").is_empty());
    }

    #[test]
    fn ambiguous_forms_keep_every_meaning() {
        assert!(lookup("дня").contains(&Lex::Unit(Unit::Day)));
        assert!(lookup("дня").contains(&Lex::ClockPart(PartOfDay::Afternoon)));
    }
}
