//! Event kinds: what kind of event a sentence reports (a school closing, a border closure,
//! new cases, a vaccination drive, ...).
//!
//! [`classify`] finds the cue phrases of every kind in one sentence, with their byte spans, and
//! marks the ones the sentence denies or exempts (`школы не закроют`, `не затронул грузовые
//! перевозки`); [`kinds_of`] reduces that to the distinct kinds the sentence is about.
//!
//! The engine here is language-neutral: it receives a language's `CueTables` (the Russian
//! ones are in `src/lang/ru/cues.rs`), compiles them once into `Cues` (a word table of the
//! forms and stems the cues name, and a list of word-sequence rules), and runs them over the
//! document's existing [`Tokens`]: nothing is tokenized again and nothing is copied.
//!
//! # Cue syntax
//!
//! A cue is a sequence of *elements* separated by spaces; each element matches one word.
//!
//! | Written           | Matches                                                          |
//! |-------------------|------------------------------------------------------------------|
//! | `карантин`        | exactly that word form                                           |
//! | `карантин*`       | any word starting with `карантин` (`карантина`, `карантинные`)   |
//! | `маск{а,и,ой,}`   | the listed endings only (`маска`, `маски`, `маской`, `маск`)     |
//! | `вуз*\|колледж*`  | any of the alternatives                                          |
//! | `#`               | a number, digits or cardinal words (`10`, `42 500`, `пяти`)      |
//! | `онлайн-обучени*` | two adjacent elements (`онлайн`, `обучени*`); only without `\|`  |
//!
//! `#` takes every number word in a row (`шестидесяти пяти`) and cannot be a cue's first
//! element (cues are tried from their first element, and number words are recognized lazily,
//! with the language's `is_number_word`).
//!
//! Elements follow each other directly unless a gap stands between them:
//!
//! * `a ..N b`: `b` comes after `a` with at most `N` words between them;
//! * `a ~N b`: `b` stands on either side of `a` with at most `N` words between them.
//!
//! Forms are compared normalized, as [`Tokens::norm`] gives them (lower case, `ё` read as
//! `е`); write cues in lower case.
//!
//! # How a sentence is read
//!
//! 1. Words are the sentence's word and number tokens; tokens that touch (`covid19`) are one
//!    word, and a hyphen splits words (`ПЦР-тест` is two). Spans are byte offsets into the
//!    text the tokens were made from, so `&text[span]` is the cue as written. Each word is
//!    looked up once in the compiled word table (see `Cues`).
//! 2. Punctuation between words splits the sentence into *clauses* (`,` `:` `(` `)` `—` and a
//!    spaced ` - `) and *list scopes* (`;` `!` `?` `…`, a line break, a clause-break word of
//!    `clause_break_words`, or right after a comma a subordinate-clause opener of
//!    `subclause_openers`). A full stop ends neither: the caller splits
//!    sentences, and inside one a full stop is an abbreviation (`г. Алматы`, `млрд.`). A comma,
//!    colon or full stop between digits (`1,5`, `22:00`) is part of the number.
//! 3. A cue is tried only where its first element matched, and only when every later element
//!    it has (but `#`) names an atom some word of the sentence carries. Cues are tried first;
//!    blockers and negation phrases only in a sentence where a cue matched. Adjacent elements
//!    must share a clause; elements joined by a gap must share a list scope, so a gap reaches across the
//!    commas of an enumeration (`закрыты кинотеатры, ТРЦ и школы`) but not into a relative
//!    clause (`на границе области, где закрыты мосты`).
//! 4. Blockers, containment and exemption (below) are applied.
//!
//! # Blockers
//!
//! Each kind also lists *blockers*: phrases that look like a cue but mean something else
//! (`тест-драйв`, `закрытие сезона`, `учебное пособие`). A cue match of a kind is dropped when
//! any of that kind's blocker matches shares a word with it. A match inside a longer match
//! of the same kind is dropped too.
//!
//! # Generic cues
//!
//! A kind may list *generic* cues (`ограничения`, `ограничительные меры` for quarantine):
//! they count only when the sentence names no measure of another kind (a non-exempted cue
//! of any kind but cases, deaths and recoveries); otherwise the generic word means that
//! measure (`ограничения на въезд` is international travel, not quarantine).
//!
//! # Discourse classes
//!
//! The same tables hold the discourse word classes the event builder asks about
//! (back-references, inheritance limits, comparisons, page furniture, datelines); see the
//! `discourse` submodule. Their rules run only when the builder asks for a sentence's classes
//! (in one walk over its words with the kind rules, whose hits its kinds then take), never in
//! the kind pass alone.
//!
//! # Exemption
//!
//! A match is *exempted* (the sentence denies or exempts it) when a phrase from one of the
//! negation tables stands near it in the same clause:
//!
//! * `negate_before`: the phrase starts at most
//!   `negate_before_reach` words before the cue or inside it (`не будут закрыты
//!   школы`, `школы не закроют`, `не затронул грузовые перевозки`);
//! * `negate_after`: the phrase starts inside the cue or at most
//!   `negate_after_reach` words after its last word (`карантин вводить не
//!   планируется`);
//! * `exempt_list`: the phrase ends at most `exempt_list_reach`
//!   words before the cue and may reach across commas (not across a list-scope break),
//!   because it heads a list (`закрыто всё, за исключением аптек, ЦОНов`).
//!
//! A negation phrase is ignored when every one of its words belongs to one cue match, of any
//! kind (`не выходить из дома` is a stay-at-home cue, `пени не будут начисляться` a
//! debt-relief cue, not denials), and when it overlaps a phrase of
//! `not_negations` (`не будут работать` reports a closure, `кроме того` means
//! "moreover"), unless that phrase overlaps the cue's own words (`концерты не будут
//! отменены` denies the cancellation the cue is about, while `масочный режим не будет
//! отменён` keeps masks in force).
//!
//! # Limits
//!
//! Cues are lexical and local: there is no parsing and no coreference. Known blind spots:
//! exemption scope is a word window, so a denial far from its cue (`карантин в Алматы и
//! области пока вводить не планируют`) is missed, and an exemption list that runs past
//! its reach is cut short; a negated lifting of a nominal measure (`карантин не будет снят`)
//! counts as the measure still in force, but a negated reopening (`границы не будут открыты`)
//! is a denied cue, because the cue itself is the reopening; a long enumeration or a
//! participial phrase can push a cue's words apart beyond its gap (`концерт группы,
//! запланированный на 21 марта в столичном дворце спорта, перенесён`), while a gap that
//! reaches across commas can join words of two coordinate clauses; `выплаты` count as
//! income support only next to words of aid or of the people aided; a quarantine of
//! livestock or plants is blocked only where the animal or plant is named near it; a bare
//! mention of a mosque, a church or a ЦОН counts (the tables treat them as cues on their
//! own).

pub(crate) mod discourse;
mod memo;

#[doc(hidden)]
pub use discourse::classes as discourse_classes;

use crate::text::wordmap::WordMap;
use crate::text::{Gap as TokenGap, Token, TokenKind, Tokens};
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

/// A closed set of event kinds, aligned with OxCGRT indicators where one fits.
///
/// ```
/// use khronika::EventKind;
/// let k: EventKind = "school_closing".parse().unwrap();
/// assert_eq!(k, EventKind::SchoolClosing);
/// assert_eq!(k.indicator(), Some("C1"));
/// assert_eq!(k.to_string(), "school_closing");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EventKind {
    /// Schools, universities or kindergartens closed or moved to distance learning (OxCGRT C1).
    SchoolClosing,
    /// Shops, malls, cinemas, restaurants closed; remote work; non-working days (C2).
    WorkplaceClosing,
    /// Public events (mass events, concerts, matches) cancelled or held without spectators (C3).
    PublicEvents,
    /// Limits on gatherings: crowds, family feasts, religious gatherings and services (C4).
    Gatherings,
    /// Public transport (city buses, metro) suspended or limited (C5).
    PublicTransport,
    /// Stay-at-home orders: self-isolation, curfew, "do not leave home" (C6).
    StayAtHome,
    /// Movement inside the country: checkpoints, entry to a city, travel between regions (C7).
    InternalMovement,
    /// International travel: borders, entry to the country, international flights (C8).
    InternationalTravel,
    /// Payments to people who lost income: social payments, benefits, 42 500 tenge (E1).
    IncomeSupport,
    /// Relief on household debt: loan deferrals, credit holidays, utilities (E2).
    DebtRelief,
    /// Fiscal measures: stimulus packages, tax relief, support for business (E3).
    FiscalMeasures,
    /// Public information: recommendations, appeals to the public, hotlines (H1).
    PublicInformation,
    /// Testing: tests, PCR, screening (H2).
    Testing,
    /// Contact tracing: contacts of the infected found and traced (H3).
    ContactTracing,
    /// Masks and other personal protective equipment (H6).
    FacialCoverings,
    /// Vaccination and vaccines (H7).
    Vaccination,
    /// Protection of the elderly: care homes, rules for people over 65 (H8).
    ElderlyProtection,
    /// A state of emergency (`чрезвычайное положение`, `режим ЧС`).
    StateOfEmergency,
    /// Quarantine of a city or region, lockdown, restrictive measures in general.
    Quarantine,
    /// Public services (ЦОН, госуслуги) closed or limited.
    PublicServices,
    /// Reported infections: new cases, the infected.
    Cases,
    /// Reported deaths.
    Deaths,
    /// Reported recoveries and discharges from hospital.
    Recoveries,
    /// None of the above: no cue reports it; the timeline gives it to an event no cue names.
    Other,
}

impl EventKind {
    /// Every kind, in declaration order.
    ///
    /// ```
    /// use khronika::EventKind;
    /// assert_eq!(EventKind::ALL.len(), 24);
    /// ```
    pub const ALL: &'static [EventKind] = &[
        EventKind::SchoolClosing,
        EventKind::WorkplaceClosing,
        EventKind::PublicEvents,
        EventKind::Gatherings,
        EventKind::PublicTransport,
        EventKind::StayAtHome,
        EventKind::InternalMovement,
        EventKind::InternationalTravel,
        EventKind::IncomeSupport,
        EventKind::DebtRelief,
        EventKind::FiscalMeasures,
        EventKind::PublicInformation,
        EventKind::Testing,
        EventKind::ContactTracing,
        EventKind::FacialCoverings,
        EventKind::Vaccination,
        EventKind::ElderlyProtection,
        EventKind::StateOfEmergency,
        EventKind::Quarantine,
        EventKind::PublicServices,
        EventKind::Cases,
        EventKind::Deaths,
        EventKind::Recoveries,
        EventKind::Other,
    ];

    /// The stable snake_case id (the serde name, the [`Display`](fmt::Display) form).
    ///
    /// ```
    /// use khronika::EventKind;
    /// assert_eq!(EventKind::StayAtHome.id(), "stay_at_home");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            EventKind::SchoolClosing => "school_closing",
            EventKind::WorkplaceClosing => "workplace_closing",
            EventKind::PublicEvents => "public_events",
            EventKind::Gatherings => "gatherings",
            EventKind::PublicTransport => "public_transport",
            EventKind::StayAtHome => "stay_at_home",
            EventKind::InternalMovement => "internal_movement",
            EventKind::InternationalTravel => "international_travel",
            EventKind::IncomeSupport => "income_support",
            EventKind::DebtRelief => "debt_relief",
            EventKind::FiscalMeasures => "fiscal_measures",
            EventKind::PublicInformation => "public_information",
            EventKind::Testing => "testing",
            EventKind::ContactTracing => "contact_tracing",
            EventKind::FacialCoverings => "facial_coverings",
            EventKind::Vaccination => "vaccination",
            EventKind::ElderlyProtection => "elderly_protection",
            EventKind::StateOfEmergency => "state_of_emergency",
            EventKind::Quarantine => "quarantine",
            EventKind::PublicServices => "public_services",
            EventKind::Cases => "cases",
            EventKind::Deaths => "deaths",
            EventKind::Recoveries => "recoveries",
            EventKind::Other => "other",
        }
    }

    /// The OxCGRT indicator code this kind corresponds to, if there is one.
    ///
    /// ```
    /// use khronika::EventKind;
    /// assert_eq!(EventKind::InternationalTravel.indicator(), Some("C8"));
    /// assert_eq!(EventKind::Cases.indicator(), None);
    /// ```
    pub fn indicator(self) -> Option<&'static str> {
        Some(match self {
            EventKind::SchoolClosing => "C1",
            EventKind::WorkplaceClosing => "C2",
            EventKind::PublicEvents => "C3",
            EventKind::Gatherings => "C4",
            EventKind::PublicTransport => "C5",
            EventKind::StayAtHome => "C6",
            EventKind::InternalMovement => "C7",
            EventKind::InternationalTravel => "C8",
            EventKind::IncomeSupport => "E1",
            EventKind::DebtRelief => "E2",
            EventKind::FiscalMeasures => "E3",
            EventKind::PublicInformation => "H1",
            EventKind::Testing => "H2",
            EventKind::ContactTracing => "H3",
            EventKind::FacialCoverings => "H6",
            EventKind::Vaccination => "H7",
            EventKind::ElderlyProtection => "H8",
            EventKind::StateOfEmergency
            | EventKind::Quarantine
            | EventKind::PublicServices
            | EventKind::Cases
            | EventKind::Deaths
            | EventKind::Recoveries
            | EventKind::Other => return None,
        })
    }

    /// A short English label for text output.
    ///
    /// ```
    /// use khronika::EventKind;
    /// assert_eq!(EventKind::PublicEvents.label(), "public events cancelled");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            EventKind::SchoolClosing => "school closing",
            EventKind::WorkplaceClosing => "workplace closing",
            EventKind::PublicEvents => "public events cancelled",
            EventKind::Gatherings => "gathering restrictions",
            EventKind::PublicTransport => "public transport",
            EventKind::StayAtHome => "stay at home",
            EventKind::InternalMovement => "internal movement",
            EventKind::InternationalTravel => "international travel",
            EventKind::IncomeSupport => "income support",
            EventKind::DebtRelief => "debt relief",
            EventKind::FiscalMeasures => "fiscal measures",
            EventKind::PublicInformation => "public information",
            EventKind::Testing => "testing",
            EventKind::ContactTracing => "contact tracing",
            EventKind::FacialCoverings => "facial coverings",
            EventKind::Vaccination => "vaccination",
            EventKind::ElderlyProtection => "elderly protection",
            EventKind::StateOfEmergency => "state of emergency",
            EventKind::Quarantine => "quarantine",
            EventKind::PublicServices => "public services",
            EventKind::Cases => "cases",
            EventKind::Deaths => "deaths",
            EventKind::Recoveries => "recoveries",
            EventKind::Other => "other",
        }
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The error of parsing an [`EventKind`] from a string that is not one of the ids.
///
/// ```
/// use khronika::EventKind;
/// let err = "lockdown".parse::<EventKind>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown event kind `lockdown`");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseEventKindError {
    input: String,
}

impl fmt::Display for ParseEventKindError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown: String = self.input.chars().take(40).collect();
        write!(f, "unknown event kind `{shown}`")
    }
}

impl std::error::Error for ParseEventKindError {}

impl FromStr for EventKind {
    type Err = ParseEventKindError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EventKind::ALL.iter().copied().find(|k| k.id() == s).ok_or_else(|| ParseEventKindError { input: s.to_string() })
    }
}

/// One piece of evidence: a kind, the byte span of its cue words in the sentence, and whether
/// the sentence denies or exempts it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KindMatch {
    /// The kind the cue reports.
    pub kind: EventKind,
    /// Byte offsets of the cue in the text, from its first word to its last
    /// (`&sentence[span]` is the cue as written, with any words a gap allowed between).
    pub span: Range<usize>,
    /// The sentence denies or exempts this cue (`школы не закроют`, `кроме ЦОНов`).
    pub exempted: bool,
    /// A generic cue (`ограничения`) that stood: the sentence names no measure of another
    /// kind.
    pub(crate) generic: bool,
}

/// Classifies one sentence with the Russian cues (the tests' view: it tokenizes the
/// sentence, which the pipeline never does): every cue of every kind, in text order (by
/// start, then end).
///
/// A cue the sentence denies or exempts is returned with `exempted` set; see the module docs
/// for the rules.
#[cfg(test)]
pub(crate) fn classify(sentence: &str) -> Vec<KindMatch> {
    let tokens = Tokens::new(sentence);
    crate::lang::Lang::Ru.table().events.cues.classify(sentence, &tokens, 0..tokens.len())
}

/// The distinct kinds a sentence is about: the kinds of its non-exempted matches, each once,
/// in order of first occurrence. A sentence with no cue gives an empty `Vec` (the caller decides
/// whether that is [`EventKind::Other`]).
#[cfg(test)]
pub(crate) fn kinds_of(sentence: &str) -> Vec<EventKind> {
    let mut kinds = Vec::new();
    for m in classify(sentence) {
        if !m.exempted && !kinds.contains(&m.kind) {
            kinds.push(m.kind);
        }
    }
    kinds
}

// ---------------------------------------------------------------------------------------------
// The tables a language provides.

/// The cues and blockers of one event kind, as a language writes them.
#[derive(Debug)]
pub(crate) struct KindCues {
    /// The kind these cues report.
    pub(crate) kind: EventKind,
    /// Cue phrases (see the module docs for the syntax).
    pub(crate) cues: &'static [&'static str],
    /// Look-alike phrases that cancel an overlapping cue of this kind.
    pub(crate) blockers: &'static [&'static str],
    /// Generic cues (`ограничения`, `ограничительные меры`): they count only when the
    /// sentence names no measure of another kind (a non-exempted cue of any kind but the
    /// course of the epidemic: cases, deaths, recoveries), which is then what they mean.
    pub(crate) generic: &'static [&'static str],
}

/// A language's tables for the kind engine and the event builder, as written (see the module
/// docs for the syntax and the rules each table takes part in). [`Cues::compile`] turns them
/// into the form the engine runs.
#[derive(Debug)]
pub(crate) struct CueTables {
    /// Cue tables, one per kind (every kind but [`EventKind::Other`], which the caller assigns).
    pub(crate) kinds: &'static [KindCues],
    /// Phrases that deny or exempt a cue standing after them (or around them, inside the cue).
    pub(crate) negate_before: &'static [&'static str],
    /// Phrases that deny a cue standing before them (or around them, inside the cue).
    pub(crate) negate_after: &'static [&'static str],
    /// Phrases that head a list of exemptions: they exempt cues after them, across commas.
    pub(crate) exempt_list: &'static [&'static str],
    /// Phrases that look like a negation but are not one.
    pub(crate) not_negations: &'static [&'static str],
    /// Words that open a new clause (and a new list scope) even without punctuation.
    pub(crate) clause_break_words: &'static [&'static str],
    /// A clause-break word followed by one of these does not break (`а также`).
    pub(crate) clause_break_unless_next: &'static [&'static str],
    /// Words that, right after a comma, open a subordinate clause.
    pub(crate) subclause_openers: &'static [&'static str],
    /// How far before a cue (in words, from the phrase's first word) `negate_before` reaches.
    pub(crate) negate_before_reach: usize,
    /// How far after a cue's last word (in words, to the phrase's first word) `negate_after`
    /// reaches.
    pub(crate) negate_after_reach: usize,
    /// How far before a cue (in words, from the phrase's last word) `exempt_list` reaches.
    pub(crate) exempt_list_reach: usize,
    /// Openings (normalized words separated by one space) that make an undated sentence
    /// continue the dated one before it; see [`crate::event::build`].
    pub(crate) continuations: &'static [&'static str],
    /// Openings that add a fact to the one before (`Также`, `Кроме того`): they continue it
    /// like `continuations`, but a sentence opening with one may name a measure of its own.
    pub(crate) additions: &'static [&'static str],
    /// Whether a normalized word is a cardinal number word (what `#` takes besides digits).
    pub(crate) is_number_word: fn(&str) -> bool,
    /// The discourse word classes the event builder asks about (see
    /// [`discourse`](self::discourse)).
    pub(crate) discourse: &'static DiscourseTables,
}

/// A language's discourse word classes, as written: cue phrases (the cue syntax, plus `^`
/// before a phrase that must start at the sentence's first word) and plain word lists
/// (normalized forms). See the `discourse` submodule for what each is for.
#[derive(Debug)]
pub(crate) struct DiscourseTables {
    /// Phrases that point back to an earlier event (`это решение`, `об этом`, `режим продлён`).
    pub(crate) refers_back: &'static [&'static str],
    /// Phrases that name the time of the event before (`за тот же период`, `в тот же день`): a
    /// sentence opening with one goes on with it across a paragraph break.
    pub(crate) same_time: &'static [&'static str],
    /// Phrases that name the period of an event before (`за тот же период`, `за это время`):
    /// the sentence goes on with the latest event of a period, not with an event of one day
    /// told between (`Накануне выявили 1 112 случаев.`).
    pub(crate) same_period: &'static [&'static str],
    /// Phrases that say what a restriction leaves open (`Работу продолжат только ...`,
    /// `Открытыми останутся ...`): the sentence is more of the measure before it.
    pub(crate) leaves_open: &'static [&'static str],
    /// Phrases that report the event before (`Об этом сообщил ...`): a dated one is more
    /// evidence of that event, dated by the report, not a happening of its own.
    pub(crate) reports_back: &'static [&'static str],
    /// Phrases that open a sentence with a time counted back from the event before
    /// (`Неделей ранее ...`): after an event that counts something, a sentence of counts
    /// that opens so is the statistic it is compared with, not a happening.
    pub(crate) looks_back: &'static [&'static str],
    /// Phrases that open a sentence on how long the measure before it holds (`Постановление
    /// действует`, `Ограничения сохранятся`, `Срок действия`): its bound belongs to that
    /// measure, which it restates.
    pub(crate) validity: &'static [&'static str],
    /// Phrases that forbid borrowing the previous sentence's date: retrospective connectives,
    /// aggregates over the whole epidemic, conditional and hypothetical clauses, forecasts.
    pub(crate) no_inheritance: &'static [&'static str],
    /// A record or an extreme of a statistic (`максимальное число`, `рекорд`): an aggregate
    /// of `no_inheritance` at most [`EXTREME_REACH`] words after one qualifies the figure
    /// (`максимальное число за все время пандемии`) and forbids nothing.
    pub(crate) extremes: &'static [&'static str],
    /// Phrases that present a sentence as a decree's content (`согласно постановлению`,
    /// `документ предусматривает`, `указом вводится`): its measures are the decree's kinds.
    pub(crate) content: &'static [&'static str],
    /// Phrases that make the mention right after them a comparison reference (`по сравнению с`).
    pub(crate) comparisons: &'static [&'static str],
    /// Most words (numbers not counted) between a comparison phrase and its mention.
    pub(crate) comparison_reach: usize,
    /// Phrases that open page furniture (`обновлено`, `просмотров`, `фото`, `читайте также`),
    /// at the sentence's start or after a leading timestamp.
    pub(crate) furniture: &'static [&'static str],
    /// Words a bare timestamp or byline date is made of besides numbers (month names, `г`,
    /// `года`, `в`).
    pub(crate) timestamp_words: &'static [&'static str],
    /// Month names in every case form, by month number (the grammar's own table, `апреля`).
    pub(crate) months: &'static [(u32, &'static [&'static str])],
    /// Month abbreviations, by month number (`апр`, as in the dateline `МОСКВА, 8 апр —`).
    pub(crate) month_abbreviations: &'static [(u32, &'static [&'static str])],
    /// Rubric names: a short sentence made only of them is furniture (`Общество`).
    pub(crate) rubrics: &'static [&'static str],
    /// Words of news agency names in datelines (`казтаг`, `kazinform`, `риа`, `новости`).
    pub(crate) agencies: &'static [&'static str],
    /// Conjunctions of a condition (`если`): a sentence holding one reports what may
    /// happen, not a happening, and its dates make no event.
    pub(crate) conditionals: &'static [&'static str],
    /// Conjunctions of contrast (`а`, `но`): after a comma they open a clause that tells a
    /// happening of its own, so a date before them and a bound after them make no interval.
    pub(crate) contrasts: &'static [&'static str],
    /// Forms of the verbs that extend a measure (`продлил`, `продлены`): a plain day before
    /// a bound in their sentence is the day of the decision (`Накануне губернатор продлил до
    /// 14 ноября запрет`), not the start of the bound's interval.
    pub(crate) extensions: &'static [&'static str],
    /// Forms of the verbs of reporting (`сообщили`, `заявил`): a day right after one (`,
    /// сообщили в пятницу в акимате`) in a sentence with another date is when the news was
    /// told, not a date of the news.
    pub(crate) reporting: &'static [&'static str],
    /// Words for a rumour (`слухи`, `фейк`): a date after one in its sentence (`слухи о том,
    /// что школы закроют в октябре`) is what the rumour claims, no happening.
    pub(crate) rumours: &'static [&'static str],
    /// Endings of the participles that define a group by what its members did in a window
    /// (`переболевшие в течение последних шести месяцев`, `прибывших за последние 14
    /// дней`): such a window qualifies people and dates no happening.
    pub(crate) participle_endings: &'static [&'static str],
    /// Words of a part before a number (`из`, `среди`): `из 87 умерших за неделю` names a
    /// group, where `87 умерших за неделю` counts.
    pub(crate) group_of: &'static [&'static str],
    /// Relative pronouns of persons (`кто`): a clause they open after a comma defines a group
    /// (`тем, кто получил прививку более полугода назад`), and a date in it, beside the
    /// sentence's own, dates no happening.
    pub(crate) group_relatives: &'static [&'static str],
    /// Words right before a duration that make it the window of a report ending at
    /// publication (`за`: `За неделю привились 21 400 человек`, as `за последнюю неделю`).
    pub(crate) window_before: &'static [&'static str],
    /// Words right after such a duration that count it back from something else (`за неделю
    /// до выборов`), or right before its word of a window (`не позднее чем за три дня`): no
    /// window then.
    pub(crate) window_not: &'static [&'static str],
}

// ---------------------------------------------------------------------------------------------
// The compiled tables.

/// Most words between a record or an extreme and an aggregate it qualifies, plus one (see
/// [`DiscourseTables::extremes`]).
const EXTREME_REACH: u32 = 3;

/// Most elements one cue may have.
const MAX_ELEMENTS: usize = 8;
/// The atom of `#` in a cue: words of digits carry it; number words are checked lazily.
const NUMBER_ATOM: u32 = 0;

/// Word flags (per atom): the word opens a clause (`clause_break_words`), cancels such a
/// break before it (`clause_break_unless_next`), or opens a subordinate clause after a comma
/// (`subclause_openers`).
const BREAK_WORD: u8 = 1;
const BREAK_UNLESS_NEXT: u8 = 2;
const SUBCLAUSE_OPENER: u8 = 4;

/// What a rule's matches are for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Cue(EventKind),
    Block(EventKind),
    NegateBefore,
    NegateAfter,
    ExemptList,
    NotNegation,
    /// A discourse class (see `discourse`).
    RefersBack,
    SameTime,
    SamePeriod,
    LeavesOpen,
    ReportsBack,
    LooksBack,
    Validity,
    NoInheritance,
    Extreme,
    Content,
    Comparison,
    Furniture,
}

/// A continuation opening after its first word: the words that follow, and whether it is an
/// addition (`Также`).
type Opening = (Box<[Box<str>]>, bool);

/// Which pass tries a rule: cues, then (only where a cue matched) blockers and negations;
/// discourse rules only when the builder asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    Cue,
    Other,
    Discourse,
}

impl Role {
    fn part(self) -> Part {
        match self {
            Role::Cue(_) => Part::Cue,
            Role::Block(_) | Role::NegateBefore | Role::NegateAfter | Role::ExemptList | Role::NotNegation => {
                Part::Other
            }
            Role::RefersBack
            | Role::SameTime
            | Role::SamePeriod
            | Role::LeavesOpen
            | Role::ReportsBack
            | Role::LooksBack
            | Role::Validity
            | Role::NoInheritance
            | Role::Extreme
            | Role::Content
            | Role::Comparison
            | Role::Furniture => Part::Discourse,
        }
    }
}

/// How an element is placed relative to the one before it.
#[derive(Clone, Copy, Debug)]
enum Gap {
    /// The next word.
    Next,
    /// After it, with at most this many words between.
    After(usize),
    /// On either side, with at most this many words between.
    Around(usize),
}

/// A compiled cue: elements (each a sorted set of atoms) and the gap before each element.
#[derive(Debug)]
struct Rule {
    role: Role,
    /// A generic cue (see [`KindCues::generic`]).
    generic: bool,
    /// Its first element must be the sentence's first word (`^` in the table).
    anchored: bool,
    elements: Vec<Box<[u32]>>,
    /// For each element, the bits `1 << (atom % 64)` of its atoms: a word none of whose
    /// atoms' bits ([`Tok::sig`]) is among them takes no atom of it.
    sigs: Box<[u64]>,
    gaps: Vec<Gap>,
    /// For each element after the first that cannot take a number: its atoms as a sparse
    /// bit set (64-bit word index, bits), to tell at once whether a sentence has a word for it.
    needs: Box<[AtomBits]>,
    /// How [`Rule::possible`] tests `needs`: [`NEEDS_NONE`], [`NEEDS_ONE`] (one element,
    /// whose atoms are in one word of the bit set: `one`), or [`NEEDS_MANY`].
    shape: u8,
    /// The one (word index, bits) of a rule of shape [`NEEDS_ONE`].
    one: (u32, u64),
}

/// A rule that needs no atom but its first element's (see [`Rule::shape`]).
const NEEDS_NONE: u8 = 0;
/// A rule that needs the atoms of one word of the bit set.
const NEEDS_ONE: u8 = 1;
/// Any other rule.
const NEEDS_MANY: u8 = 2;

/// A set of atoms as the non-zero 64-bit words of a bit set: (word index, bits).
type AtomBits = Box<[(u32, u64)]>;

/// What the matcher reads of a rule before it tries it (its role, and whether the sentence
/// can hold it at all), kept apart from the rules in 16 bytes: the rules a word starts are
/// filtered without reading the rules themselves.
#[derive(Clone, Copy, Debug)]
struct Head {
    /// The bits of [`Rule::one`].
    bits: u64,
    /// The word index of [`Rule::one`].
    word: u32,
    role: Role,
    /// [`Rule::shape`] in the low two bits, [`HEAD_ANCHORED`], [`HEAD_SINGLE`].
    flags: u8,
}

/// [`Head::flags`]: the rule is anchored (see [`Rule::anchored`]).
const HEAD_ANCHORED: u8 = 4;
/// [`Head::flags`]: the rule has one element (a hit wherever it may start).
const HEAD_SINGLE: u8 = 8;

impl Head {
    fn of(rule: &Rule) -> Head {
        let mut flags = rule.shape;
        if rule.anchored {
            flags |= HEAD_ANCHORED;
        }
        if rule.elements.len() == 1 {
            flags |= HEAD_SINGLE;
        }
        Head { bits: rule.one.1, word: rule.one.0, role: rule.role, flags }
    }

    /// Whether rule `r` of `rules` (this head's) may start at the word of index `index` of a
    /// sentence whose atoms are `present`: [`Rule::possible`], and an anchored rule only at
    /// the first word. The rule itself is read only when it needs the atoms of more than one
    /// word of the bit set.
    #[inline(always)]
    fn may_start(&self, rules: &[Rule], r: u32, present: &[u64], index: u32) -> bool {
        let possible = match self.flags & 3 {
            NEEDS_NONE => true,
            NEEDS_ONE => present.get(self.word as usize).is_some_and(|p| p & self.bits != 0),
            _ => rules.get(r as usize).is_some_and(|rule| rule.possible(present)),
        };
        possible && (self.flags & HEAD_ANCHORED == 0 || index == 0)
    }
}

impl Rule {
    /// Whether every element after the first has a word in the sentence whose atoms are the
    /// bit set `present` (a rule that fails this cannot match anywhere in it).
    #[inline]
    fn possible(&self, present: &[u64]) -> bool {
        match self.shape {
            NEEDS_NONE => return true,
            NEEDS_ONE => return present.get(self.one.0 as usize).is_some_and(|p| p & self.one.1 != 0),
            _ => {}
        }
        self.needs.iter().all(|bits| bits.iter().any(|&(w, b)| present.get(w as usize).is_some_and(|p| p & b != 0)))
    }
}

/// What the word table holds for one normalized form: the atoms of the stems that are this
/// form (`pool[stems]`), the atoms of the whole words that are this form (`pool[exact]`),
/// and whether a longer form or stem starts with it.
#[derive(Clone, Copy, Debug, Default)]
struct Entry {
    stems: (u32, u32),
    exact: (u32, u32),
    longer: bool,
}

/// A language's cue tables compiled for the engine: built once (the language keeps it in a
/// `once_cell` static), then shared by every sentence of every document.
///
/// Words are looked up in one [`WordMap`] that holds every form and stem the cues name and,
/// so that a lookup can stop early, every prefix of them: a word is looked up prefix by
/// prefix (at character boundaries) until a prefix is not in the table or no longer form
/// starts with it; the stems met on the way, and the whole-word forms at its end, are the
/// word's *atoms*. Rules are indexed by the atoms of their first element. Each thread keeps
/// a bounded cache (`memo`) of what it learnt of the words it has seen (their atoms, the rules
/// those start, their clause flags), so a word met again costs one probe.
#[derive(Debug)]
pub(crate) struct Cues {
    /// A number no other compiled tables have (the word cache tells tables apart by it).
    id: usize,
    words: WordMap<Entry>,
    pool: Vec<u32>,
    /// Characters of the shortest stem: shorter prefixes of a word are not looked up.
    min_stem: usize,
    /// Clause flags of each atom (`BREAK_WORD`, ...); 0 for most.
    word_flags: Vec<u8>,
    rules: Vec<Rule>,
    /// The head of each rule, by rule index.
    heads: Vec<Head>,
    /// For each atom, the rules whose first element contains it.
    anchors: Vec<Vec<u32>>,
    negate_before_reach: usize,
    negate_after_reach: usize,
    exempt_list_reach: usize,
    is_number_word: fn(&str) -> bool,
    /// Continuation openings by their first word: the words that follow it in each, and
    /// whether it is an addition.
    continuations: WordMap<Vec<Opening>>,
    /// Dateline, timestamp and rubric words by normalized form: `discourse::MONTH`, ...
    marks: WordMap<u16>,
    /// See [`DiscourseTables::comparison_reach`].
    comparison_reach: usize,
    /// See [`DiscourseTables::participle_endings`].
    participle_endings: &'static [&'static str],
    /// See [`DiscourseTables::group_of`].
    group_of: &'static [&'static str],
}

/// What `resolve` notes of a match: from a specific cue, from a generic one, from a generic
/// one that yields to a measure of another kind.
const SPECIFIC: u8 = 0;
const GENERIC: u8 = 1;
const YIELDED: u8 = 2;

/// Whether a kind reports the course of the epidemic (cases, deaths, recoveries) rather than
/// a measure: a generic cue does not yield to these.
pub(crate) fn reports_course(kind: EventKind) -> bool {
    matches!(kind, EventKind::Cases | EventKind::Deaths | EventKind::Recoveries)
}

/// The normalized form of a word of the tables, through the one case fold.
fn normalize(form: &str) -> String {
    crate::text::fold(form)
}

/// Collects the atoms while the tables are compiled.
#[derive(Default)]
struct Builder {
    /// Every form: its stem atoms and whole-word atoms.
    forms: HashMap<String, (Vec<u32>, Vec<u32>)>,
    /// The atom of each stem (`prefix`) and of each whole-word form, by form.
    stems: HashMap<String, u32>,
    exact: HashMap<String, u32>,
    /// The atoms of each element as written: the shared alternatives (`close_verbs!()`)
    /// stand in many cues and are read once.
    elements: HashMap<String, Box<[u32]>>,
    next_atom: u32,
}

impl Builder {
    fn atom(&mut self, form: &str, prefix: bool, cue: &str) -> u32 {
        let form = normalize(form);
        let known = if prefix { &self.stems } else { &self.exact };
        if let Some(&id) = known.get(&form) {
            return id;
        }
        // Cyrillic and ASCII letters first: `is_alphanumeric` is a slow table walk for them.
        let letter = |c: char| c.is_ascii_alphanumeric() || ('\u{400}'..='\u{4ff}').contains(&c) || c.is_alphanumeric();
        assert!(!form.is_empty() && form.chars().all(letter), "cue `{cue}`: bad word form `{form}`");
        let id = self.next_atom;
        self.next_atom += 1;
        let known = if prefix { &mut self.stems } else { &mut self.exact };
        known.insert(form.clone(), id);
        let entry = self.forms.entry(form).or_default();
        if prefix {
            entry.0.push(id);
        } else {
            entry.1.push(id);
        }
        id
    }

    /// The atoms of one element (`a|b*|c{x,y}|#`).
    fn element(&mut self, text: &str, cue: &str) -> Box<[u32]> {
        if let Some(atoms) = self.elements.get(text) {
            return atoms.clone();
        }
        let atoms = self.read_element(text, cue);
        self.elements.insert(text.to_string(), atoms.clone());
        atoms
    }

    /// Reads an element not met before.
    fn read_element(&mut self, text: &str, cue: &str) -> Box<[u32]> {
        let mut atoms = Vec::new();
        for alt in text.split('|') {
            if alt == "#" {
                atoms.push(NUMBER_ATOM);
            } else if let Some(stem) = alt.strip_suffix('*') {
                atoms.push(self.atom(stem, true, cue));
            } else if let Some((stem, rest)) = alt.split_once('{') {
                let endings = rest.strip_suffix('}').unwrap_or_else(|| panic!("cue `{cue}`: unclosed `{{` in `{alt}`"));
                for ending in endings.split(',') {
                    atoms.push(self.atom(&format!("{stem}{ending}"), false, cue));
                }
            } else {
                atoms.push(self.atom(alt, false, cue));
            }
        }
        atoms.sort_unstable();
        atoms.dedup();
        atoms.into_boxed_slice()
    }

    fn rule(&mut self, cue: &str, role: Role) -> Rule {
        let (anchored, cue) = match cue.strip_prefix('^') {
            Some(rest) => (true, rest),
            None => (false, cue),
        };
        let mut elements = Vec::new();
        let mut gaps = Vec::new();
        let mut pending: Option<Gap> = None;
        for word in cue.split_whitespace() {
            let gap =
                |rest: &str| -> usize { rest.parse().unwrap_or_else(|_| panic!("cue `{cue}`: bad gap `{word}`")) };
            if let Some(n) = word.strip_prefix("..") {
                assert!(pending.is_none() && !elements.is_empty(), "cue `{cue}`: misplaced gap");
                pending = Some(Gap::After(gap(n)));
                continue;
            }
            if let Some(n) = word.strip_prefix('~') {
                assert!(pending.is_none() && !elements.is_empty(), "cue `{cue}`: misplaced gap");
                pending = Some(Gap::Around(gap(n)));
                continue;
            }
            let parts: Vec<&str> = if word.contains('-') {
                assert!(!word.contains('|'), "cue `{cue}`: `-` inside alternatives");
                word.split('-').collect()
            } else {
                vec![word]
            };
            for part in parts {
                gaps.push(pending.take().unwrap_or(Gap::Next));
                elements.push(self.element(part, cue));
            }
        }
        assert!(pending.is_none(), "cue `{cue}`: trailing gap");
        assert!(
            elements.first().is_some_and(|e| e.first() != Some(&NUMBER_ATOM)),
            "cue `{cue}`: `#` cannot be the first element"
        );
        assert!((1..=MAX_ELEMENTS).contains(&elements.len()), "cue `{cue}`: 1 to {MAX_ELEMENTS} elements");
        let needs: Box<[AtomBits]> = elements[1..]
            .iter()
            .filter(|e| e.first() != Some(&NUMBER_ATOM))
            .map(|e| {
                let mut bits: Vec<(u32, u64)> = Vec::new();
                for &a in e.iter() {
                    let (w, b) = (a / 64, 1u64 << (a % 64));
                    match bits.last_mut() {
                        Some((lw, lb)) if *lw == w => *lb |= b,
                        _ => bits.push((w, b)),
                    }
                }
                bits.into_boxed_slice()
            })
            .collect();
        let (shape, one) = match &needs[..] {
            [] => (NEEDS_NONE, (0, 0)),
            [bits] if bits.len() == 1 => (NEEDS_ONE, bits[0]),
            _ => (NEEDS_MANY, (0, 0)),
        };
        let sigs = elements.iter().map(|e| e.iter().fold(0u64, |sig, &a| sig | 1 << (a % 64))).collect();
        Rule { role, generic: false, anchored, elements, sigs, gaps, needs, shape, one }
    }
}

impl Cues {
    /// Compiles a language's tables. Panics on a malformed cue: the tables are static data,
    /// checked by the language's unit tests.
    pub(crate) fn compile(t: &CueTables) -> Cues {
        let mut b = Builder { next_atom: NUMBER_ATOM + 1, ..Builder::default() };
        let mut rules = Vec::new();
        for KindCues { kind, cues, blockers, generic } in t.kinds {
            rules.extend(cues.iter().map(|c| b.rule(c, Role::Cue(*kind))));
            rules.extend(generic.iter().map(|c| Rule { generic: true, ..b.rule(c, Role::Cue(*kind)) }));
            rules.extend(blockers.iter().map(|c| b.rule(c, Role::Block(*kind))));
        }
        let d = t.discourse;
        let tables = [
            (t.negate_before, Role::NegateBefore),
            (t.negate_after, Role::NegateAfter),
            (t.exempt_list, Role::ExemptList),
            (t.not_negations, Role::NotNegation),
            (d.refers_back, Role::RefersBack),
            (d.same_time, Role::SameTime),
            (d.same_period, Role::SamePeriod),
            (d.leaves_open, Role::LeavesOpen),
            (d.reports_back, Role::ReportsBack),
            (d.looks_back, Role::LooksBack),
            (d.validity, Role::Validity),
            (d.no_inheritance, Role::NoInheritance),
            (d.extremes, Role::Extreme),
            (d.content, Role::Content),
            (d.comparisons, Role::Comparison),
            (d.furniture, Role::Furniture),
        ];
        for (table, role) in tables {
            rules.extend(table.iter().map(|c| b.rule(c, role)));
        }
        let mut flagged = Vec::new();
        let words = [
            (t.clause_break_words, BREAK_WORD),
            (t.clause_break_unless_next, BREAK_UNLESS_NEXT),
            (t.subclause_openers, SUBCLAUSE_OPENER),
        ];
        for (table, flag) in words {
            for w in table {
                flagged.push((b.atom(w, false, w), flag));
            }
        }
        let mut word_flags = vec![0u8; b.next_atom as usize];
        for (atom, flag) in flagged {
            word_flags[atom as usize] |= flag;
        }
        let mut anchors = vec![Vec::new(); b.next_atom as usize];
        for (id, rule) in rules.iter().enumerate() {
            for &atom in rule.elements[0].iter() {
                anchors[atom as usize].push(id as u32);
            }
        }
        // The word table: every form, and every shorter prefix of it marked `longer`.
        let mut words: WordMap<Entry> = WordMap::new();
        let mut pool = Vec::new();
        let mut min_stem = usize::MAX;
        let mut forms: Vec<_> = b.forms.iter().collect();
        forms.sort_unstable_by(|x, y| x.0.cmp(y.0));
        for (form, (stems, exact)) in forms {
            if !stems.is_empty() {
                min_stem = min_stem.min(form.chars().count());
            }
            let at = pool.len() as u32;
            pool.extend_from_slice(stems);
            let mid = pool.len() as u32;
            pool.extend_from_slice(exact);
            let e = words.entry_or_insert_with(form, Entry::default);
            e.stems = (at, mid);
            e.exact = (mid, pool.len() as u32);
            for (i, _) in form.char_indices().skip(1) {
                words.entry_or_insert_with(&form[..i], Entry::default).longer = true;
            }
        }
        let mut continuations: WordMap<Vec<Opening>> = WordMap::new();
        let openings = t.continuations.iter().map(|c| (c, false)).chain(t.additions.iter().map(|c| (c, true)));
        for (c, addition) in openings {
            let mut parts = c.split(' ').map(normalize);
            let Some(first) = parts.next() else { continue };
            let rest: Box<[Box<str>]> = parts.map(String::into_boxed_str).collect();
            continuations.entry_or_insert_with(&first, Vec::new).push((rest, addition));
        }
        let mut marks: WordMap<u16> = WordMap::new();
        // Not atoms: the kind engine never looks at them, and `в` is the commonest word.
        for (_, forms) in d.months.iter().chain(d.month_abbreviations) {
            for w in forms.iter() {
                *marks.entry_or_insert_with(&normalize(w), || 0) |= discourse::MONTH | discourse::STAMP;
            }
        }
        let marked = [
            (d.agencies, discourse::AGENCY),
            (d.timestamp_words, discourse::STAMP),
            (d.rubrics, discourse::RUBRIC),
            (d.conditionals, discourse::CONDITIONAL),
            (d.contrasts, discourse::CONTRAST),
            (d.extensions, discourse::EXTENSION),
            (d.reporting, discourse::REPORTING),
            (d.rumours, discourse::RUMOUR),
            (d.group_relatives, discourse::GROUP),
            (d.window_before, discourse::WINDOW),
            (d.window_not, discourse::WINDOW_NOT),
        ];
        for (table, mark) in marked {
            for w in table {
                *marks.entry_or_insert_with(&normalize(w), || 0) |= mark;
            }
        }
        static COMPILED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(1);
        Cues {
            id: COMPILED.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            words,
            pool,
            min_stem: min_stem.min(64),
            word_flags,
            heads: rules.iter().map(Head::of).collect(),
            rules,
            anchors,
            negate_before_reach: t.negate_before_reach,
            negate_after_reach: t.negate_after_reach,
            exempt_list_reach: t.exempt_list_reach,
            is_number_word: t.is_number_word,
            continuations,
            marks,
            comparison_reach: d.comparison_reach,
            participle_endings: d.participle_endings,
            group_of: d.group_of,
        }
    }

    /// Appends the atoms of a normalized word: the stems it starts with, then the whole-word
    /// forms it is.
    fn lookup(&self, word: &str, out: &mut Vec<u32>) {
        let mut chars = 0;
        for (i, c) in word.char_indices() {
            chars += 1;
            let end = i + c.len_utf8();
            if chars < self.min_stem && end < word.len() {
                continue;
            }
            let Some(e) = word.get(..end).and_then(|p| self.words.get(p)) else { return };
            self.extend_atoms(e.stems, out);
            if end == word.len() {
                self.extend_atoms(e.exact, out);
                return;
            }
            if !e.longer {
                return;
            }
        }
    }

    fn extend_atoms(&self, (lo, hi): (u32, u32), out: &mut Vec<u32>) {
        if lo < hi {
            if let Some(atoms) = self.pool.get(lo as usize..hi as usize) {
                out.extend_from_slice(atoms);
            }
        }
    }

    /// Classifies the sentence made of tokens `range` of `text` (token indices): every cue
    /// of every kind, in text order; spans are byte offsets into `text`.
    #[cfg(test)]
    pub(crate) fn classify(&self, text: &str, tokens: &Tokens, range: Range<usize>) -> Vec<KindMatch> {
        self.with_matches(text, tokens, range, <[KindMatch]>::to_vec)
    }

    /// Classifies like [`Cues::classify`] and hands the matches to `f`, from a buffer the
    /// thread keeps: nothing is allocated for them.
    pub(crate) fn with_matches<R>(
        &self,
        text: &str,
        tokens: &Tokens,
        range: Range<usize>,
        f: impl FnOnce(&[KindMatch]) -> R,
    ) -> R {
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => {
                self.run(text, tokens, range, &mut scratch);
                f(&scratch.out)
            }
            // Only reachable if classify is re-entered on this thread; use fresh buffers then.
            Err(_) => {
                let mut scratch = Scratch::default();
                self.run(text, tokens, range, &mut scratch);
                f(&scratch.out)
            }
        })
    }

    /// The continuation the sentence made of tokens `range` opens with (`Все они`, `При
    /// этом`): after any leading punctuation, the words of one opening, one space apart, and
    /// then no letter or digit touching the last of them. `Some(true)` for an addition
    /// (`Также`), `Some(false)` for any other (`Все они`, `Это`), `None` for none.
    pub(crate) fn opening(&self, text: &str, tokens: &Tokens, range: Range<usize>) -> Option<bool> {
        let first = range.clone().find(|&i| tokens.get(i).is_some_and(|t| t.kind != TokenKind::Punct))?;
        let openings = self.continuations.get(tokens.norm(first))?;
        let found = openings.iter().find(|(rest, _)| {
            let mut last = first;
            for w in rest.iter() {
                let next = last + 1;
                let spaced = match (tokens.get(last), tokens.get(next)) {
                    (Some(a), Some(b)) => text.get(a.end()..b.start()) == Some(" "),
                    _ => false,
                };
                if next >= range.end || !spaced || tokens.norm(next) != &**w {
                    return false;
                }
                last = next;
            }
            let touching = |a: usize, b: usize| match (tokens.get(a), tokens.get(b)) {
                (Some(x), Some(y)) => x.end() == y.start() && y.kind != TokenKind::Punct,
                _ => false,
            };
            !(last + 1 < range.end && touching(last, last + 1))
        });
        found.map(|(_, addition)| *addition)
    }

    /// Classifies into `s.out`.
    ///
    /// The cue rules are tried first, at every word in order; the other rules (blockers,
    /// negations) only matter for cue matches, so a sentence with none ends there. A rule is
    /// tried only when every later element it has names an atom some word of the sentence
    /// carries.
    fn run(&self, text: &str, tokens: &Tokens, range: Range<usize>, s: &mut Scratch) {
        s.read_part(self, text, tokens, range);
        s.out.clear();
        if !s.all_hits {
            s.hits.clear();
            // Cues and the other rules in one walk over the words (a word's rules of the two
            // parts lie one after the other): the other rules' hits matter only next to a
            // cue's.
            self.try_parts(s, Part::Cue, Part::Other);
        }
        // (Hits of discourse rules, if any, take part in nothing below.)
        if !s.hits.iter().any(|h| self.role(h.rule).is_some_and(|r| r.part() == Part::Cue)) {
            return;
        }
        self.resolve(s)
    }

    /// Makes `s.hits` the hits of every rule on the sentence `s` read last, in one walk over
    /// its words, unless they are already: its discourse classes are asked first, and its
    /// kinds then find their hits there.
    fn all_hits(&self, s: &mut Scratch) {
        if !s.all_hits {
            s.hits.clear();
            self.try_parts(s, Part::Cue, Part::Discourse);
            s.all_hits = true;
        }
    }

    /// Adds the hits of the rules of parts `first..=last`, word by word (in each word, by
    /// part, then by rule).
    fn try_parts(&self, s: &mut Scratch, first: Part, last: Part) {
        let words = Words { toks: &s.toks, atoms: &s.memo.atoms };
        for (i, t) in s.toks.iter().enumerate() {
            let (from, to) = (t.rules[first as usize], t.rules[last as usize + 1]);
            for &r in s.memo.rules.get(from as usize..to as usize).unwrap_or(&[]) {
                let Some(head) = self.heads.get(r as usize) else { continue };
                if !head.may_start(&self.rules, r, &s.present, t.index) {
                    continue;
                }
                if head.flags & HEAD_SINGLE != 0 {
                    s.hits.push(Hit::new(r, &[i as u32]));
                    continue;
                }
                let Some(rule) = self.rules.get(r as usize) else { continue };
                let mut picked = [0u32; MAX_ELEMENTS];
                picked[0] = i as u32;
                if extend(rule, 1, &mut picked, &words) {
                    s.hits.push(Hit::new(r, &picked[..rule.elements.len()]));
                }
            }
        }
    }

    /// The role of rule `r`.
    #[inline]
    fn role(&self, r: u32) -> Option<Role> {
        self.heads.get(r as usize).map(|h| h.role)
    }

    /// Turns raw rule hits into matches (into `s.out`): blockers, containment, exemption.
    fn resolve(&self, s: &mut Scratch) {
        let kind_of = |h: &Hit| match self.heads[h.rule as usize].role {
            Role::Cue(kind) => Some(kind),
            _ => None,
        };
        let mut kept = std::mem::take(&mut s.kept);
        kept.clear();
        kept.extend(s.hits.iter().filter_map(|h| {
            let kind = kind_of(h)?;
            let blocked =
                s.hits.iter().any(|b| self.heads[b.rule as usize].role == Role::Block(kind) && b.shares_word(h));
            (!blocked).then_some((h.clone(), kind))
        }));
        let mut out = std::mem::take(&mut s.out);
        out.clear();
        s.generic.clear();
        for (i, (h, kind)) in kept.iter().enumerate() {
            // A match inside another of the same kind is dropped (of two equal ones, the later).
            let inside = kept.iter().enumerate().any(|(j, (o, k))| {
                j != i
                    && k == kind
                    && o.first <= h.first
                    && h.last <= o.last
                    && (j < i || (o.first, o.last) != (h.first, h.last))
            });
            if inside {
                continue;
            }
            let start = s.toks[h.first as usize].start as usize;
            let end = s.toks[h.last as usize].end as usize;
            let generic = self.rules[h.rule as usize].generic;
            out.push(KindMatch { kind: *kind, span: start..end, exempted: self.exempted(h, s), generic });
            s.generic.push(if generic { GENERIC } else { SPECIFIC });
        }
        // A generic cue yields to a measure of another kind the sentence names (see
        // `KindCues::generic`).
        for i in 0..out.len() {
            if s.generic[i] == GENERIC {
                let yields = out
                    .iter()
                    .zip(&s.generic)
                    .any(|(n, &g)| g == SPECIFIC && !n.exempted && n.kind != out[i].kind && !reports_course(n.kind));
                if yields {
                    s.generic[i] = YIELDED;
                }
            }
        }
        let mut i = 0;
        out.retain(|_| {
            i += 1;
            s.generic.get(i - 1) != Some(&YIELDED)
        });
        s.kept = kept;
        out.sort_by_key(|a| (a.span.start, a.span.end, a.kind));
        s.out = out;
    }

    /// Whether a negation or exemption phrase applies to the cue hit `h`.
    fn exempted(&self, h: &Hit, s: &Scratch) -> bool {
        let toks = &s.toks;
        let in_clause = |n: &Hit| {
            let clause = toks[n.first as usize].clause;
            h.words().iter().any(|&w| toks[w as usize].clause == clause)
        };
        let scope = toks[h.first as usize].scope;
        let pos = |w: u32| toks[w as usize].pos as usize;
        s.hits.iter().any(|n| {
            let role = self.heads[n.rule as usize].role;
            let near = match role {
                Role::NegateBefore => {
                    in_clause(n) && n.first <= h.last && pos(n.first) + self.negate_before_reach >= pos(h.first)
                }
                Role::NegateAfter => {
                    in_clause(n) && n.first >= h.first && pos(n.first) <= pos(h.last) + self.negate_after_reach
                }
                Role::ExemptList => {
                    toks[n.last as usize].scope == scope
                        && n.last < h.first
                        && pos(h.first) - pos(n.last) <= self.exempt_list_reach
                }
                _ => false,
            };
            near && !s.hits.iter().any(|c| {
                matches!(self.heads[c.rule as usize].role, Role::Cue(_))
                    && n.words().iter().all(|w| c.words().contains(w))
            }) && !s
                .hits
                .iter()
                .any(|m| self.heads[m.rule as usize].role == Role::NotNegation && m.shares_word(n) && !m.shares_word(h))
        })
    }
}

/// The words of the sentence being classified, as [`extend`] reads them.
struct Words<'a> {
    toks: &'a [Tok],
    atoms: &'a [u32],
}

impl Words<'_> {
    /// Whether a word is a number: digits or a number word (the memo gave either the number
    /// atom first when it learnt the word).
    fn is_number(&self, t: &Tok) -> bool {
        t.number
    }
}

/// Tries to place elements `k..` of `rule` after `picked[..k]`, depth first.
fn extend(rule: &Rule, k: usize, picked: &mut [u32; MAX_ELEMENTS], w: &Words<'_>) -> bool {
    if k == rule.elements.len() {
        return true;
    }
    let toks = w.toks;
    let prev = picked[k - 1] as usize;
    let try_at = |j: usize, picked: &mut [u32; MAX_ELEMENTS]| -> bool {
        let Some(t) = toks.get(j) else { return false };
        let sig = rule.sigs[k];
        // No atom of the word can be one of the element's (a number word carries the number
        // atom, whose bit a `#` element has): the cheapest test first.
        if t.sig & sig == 0 {
            return false;
        }
        let apart = match rule.gaps[k] {
            // The next word of the sentence, not only the next word that carries an atom.
            Gap::Next => t.clause != toks[prev].clause || t.index != toks[prev].index + 1,
            Gap::After(_) | Gap::Around(_) => t.scope != toks[prev].scope,
        };
        let element = &rule.elements[k];
        let has = |t: &Tok| w.atoms[t.atoms()].iter().any(|a| element.binary_search(a).is_ok());
        if apart || picked[..k].contains(&(j as u32)) {
            return false;
        }
        let mut end = j;
        if element[0] == NUMBER_ATOM && w.is_number(t) {
            // `#` takes a whole written number: `42 500`, `шестидесяти пяти`.
            while toks
                .get(end + 1)
                .is_some_and(|n| n.index == toks[end].index + 1 && n.clause == t.clause && n.sep == 0 && w.is_number(n))
            {
                end += 1;
            }
        } else if !has(t) {
            return false;
        }
        picked[k] = end as u32;
        extend(rule, k + 1, picked, w)
    };
    // Distances count words (`pos`), so a hyphenated word is one however many parts it has.
    let at = toks[prev].pos as usize;
    let after = |n: usize, picked: &mut [u32; MAX_ELEMENTS]| {
        (prev + 1..toks.len()).take_while(|&j| toks[j].pos as usize <= at + n + 1).any(|j| try_at(j, picked))
    };
    match rule.gaps[k] {
        Gap::Next => try_at(prev + 1, picked),
        Gap::After(n) => after(n, picked),
        Gap::Around(n) => {
            after(n, picked)
                || (0..prev).rev().take_while(|&j| toks[j].pos as usize + n + 1 >= at).any(|j| try_at(j, picked))
        }
    }
}

/// One word of the sentence that carries an atom (one word or number token, or several
/// that touch): a word without atoms can take no element of any rule, so it is counted
/// (in `index`, `pos` and the punctuation `seps`) but not kept.
#[derive(Clone, Debug)]
struct Tok {
    /// Byte span in the text (token offsets are 32-bit, see [`Token`]).
    start: u32,
    end: u32,
    /// The range of this word's atoms in the memo's atoms.
    atoms: (u32, u32),
    /// Whether it is a number: digits or a number word (its first atom is the number atom).
    number: bool,
    /// The bits `1 << (atom % 64)` of its atoms (see [`Rule::sigs`]).
    sig: u64,
    /// The rules it starts (see [`memo::WordInfo::rules`]).
    rules: [u32; 4],
    /// Its clause flags.
    flags: u8,
    /// Strength of the punctuation before the word: 0 none, 1 clause, 2 list scope.
    sep: u8,
    /// The strongest punctuation before this word or before a word not kept since the last
    /// kept one: what separates this word from that one.
    seps: u8,
    /// Its place among all the words of the sentence (kept or not): adjacency is `+ 1`.
    index: u32,
    /// Clause number (cues and negations stay inside one).
    clause: u32,
    /// List-scope number (exemption lists and gaps stay inside one).
    scope: u32,
    /// Word position for distances: the parts of a hyphenated word (`фитнес-клубов`) share one.
    pos: u32,
}

/// One match of one rule: the words its elements took, in element order.
#[derive(Clone, Debug)]
struct Hit {
    rule: u32,
    first: u32,
    last: u32,
    words: [u32; MAX_ELEMENTS],
    len: u8,
}

impl Tok {
    /// The range of this word's atoms in the memo's atoms.
    #[inline]
    fn atoms(&self) -> Range<usize> {
        self.atoms.0 as usize..self.atoms.1 as usize
    }
}

impl Hit {
    fn new(rule: u32, words: &[u32]) -> Hit {
        let mut buf = [0u32; MAX_ELEMENTS];
        buf[..words.len()].copy_from_slice(words);
        Hit {
            rule,
            first: words.iter().copied().min().unwrap_or(0),
            last: words.iter().copied().max().unwrap_or(0),
            words: buf,
            len: words.len() as u8,
        }
    }

    fn words(&self) -> &[u32] {
        &self.words[..self.len as usize]
    }

    fn shares_word(&self, other: &Hit) -> bool {
        self.words().iter().any(|w| other.words().contains(w))
    }
}

/// Per-thread buffers reused across calls, so that classifying allocates nothing (but the
/// memo's entries for words not seen before); a word's atoms are read in the memo.
#[derive(Default)]
struct Scratch {
    toks: Vec<Tok>,
    /// The atoms the sentence's words carry, as a bit set.
    present: Vec<u64>,
    hits: Vec<Hit>,
    kept: Vec<(Hit, EventKind)>,
    out: Vec<KindMatch>,
    /// For each match of `out` (while `resolve` runs): `SPECIFIC`, `GENERIC` or `YIELDED`.
    generic: Vec<u8>,
    /// The sentence `read` read last (its token range and the address of the tables that
    /// read it), while a [`Reading`] is open: the
    /// same sentence asked for again (its discourse classes, then its kinds) is not read
    /// twice.
    last: Option<(usize, usize, usize)>,
    /// Whether `hits` hold the hits of every part of the rules on the sentence read last (see
    /// [`Cues::all_hits`]).
    all_hits: bool,
    /// Whether a [`Reading`] is open on this thread.
    reading: bool,
    /// How many words the sentence read last has (kept or not).
    words: u32,
    /// The strongest punctuation after its last kept word.
    tail_sep: u8,
    /// Whether a punctuation token of the sentence read last may part a byline's segments
    /// (see `discourse::may_part_byline`); `true` when not all of it was read.
    byline_marks: bool,
    /// What the sentence read last says of all its word and number tokens, for the
    /// discourse classes: `FACT_CONDITIONAL`, ... (see [`Scratch::note_facts`]).
    facts: u8,
    memo: memo::Memo,
    /// How many sentences were read (so that a reading kept in `base` is known to be the
    /// last one, with valid atom ranges in the memo).
    epoch: u64,
    /// A reading of a whole sentence kept while parts of it are read for their kinds (see
    /// [`Scratch::read_part`]): its kept words, its key, and the `epoch` it was read in.
    base: Vec<Tok>,
    base_key: Option<(usize, usize, usize)>,
    base_epoch: u64,
}

/// A fact of a reading (in [`Scratch::facts`]): a word token is a conditional.
const FACT_CONDITIONAL: u8 = 1;
/// Every word and number token is a number or a timestamp word.
const FACT_ALL_STAMP: u8 = 2;
/// Some token is a number (digits or a number word).
const FACT_ANY_NUMBER: u8 = 4;
/// Every word and number token is a rubric word and no number.
const FACT_ALL_RUBRIC: u8 = 8;
/// A word token is a word for a rumour (see [`Cues::first_rumour`]).
const FACT_RUMOUR: u8 = 16;
/// The facts of a reading of no words.
const FACTS_OF_NONE: u8 = FACT_ALL_STAMP | FACT_ALL_RUBRIC;

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
    /// The buffers of the reads of part of a sentence (the words before a mention, for a
    /// comparison), so that they do not displace the whole sentence's reading.
    static PART_SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// While it lives, this thread's reads of one text and its tokens (one piece of a
/// document, as the event builder reads it) are remembered: a sentence read for its
/// discourse classes is not read again for its kinds. Opened by the builder for one piece
/// and closed when dropped; a read outside one remembers nothing, so another text's tokens
/// can never be mistaken for these.
pub(crate) struct Reading(());

impl Reading {
    /// Opens a reading (the caller reads one text and its tokens until it drops it).
    pub(crate) fn open() -> Reading {
        SCRATCH.with(|cell| {
            if let Ok(mut s) = cell.try_borrow_mut() {
                s.reading = true;
                s.last = None;
            }
        });
        Reading(())
    }
}

impl Drop for Reading {
    fn drop(&mut self) {
        SCRATCH.with(|cell| {
            if let Ok(mut s) = cell.try_borrow_mut() {
                s.reading = false;
                s.last = None;
            }
        });
    }
}

/// Where [`Scratch::read`] is in the sentence's words.
struct Reader {
    /// The strongest punctuation since the last kept word (see [`Tok::seps`]).
    seps: u8,
    /// Words read so far.
    index: u32,
    /// The position of the last word read (see [`Tok::pos`]).
    pos: u32,
    /// Where the last word read ends (`usize::MAX` before the first).
    last_end: usize,
}

/// No word is being read (see [`Scratch::read`]).
const NO_WORD: usize = usize::MAX;

/// The strength of the punctuation token `t` of a sentence whose text is `bytes[lo..hi]`
/// (see [`Tok::sep`]): a comma or colon between digits is part of the number.
#[inline(always)]
fn strength(bytes: &[u8], lo: usize, hi: usize, t: &Token) -> u8 {
    let (start, end) = (t.start(), t.end());
    let Some(&b) = bytes.get(start) else { return 0 };
    // The byte before the token and the byte after it, inside the sentence (a space outside).
    let before = || if start > lo { bytes.get(start - 1).copied().unwrap_or(b' ') } else { b' ' };
    let after = || if end < hi { bytes.get(end).copied().unwrap_or(b' ') } else { b' ' };
    match b {
        b',' | b':' => u8::from(!(before().is_ascii_digit() && after().is_ascii_digit())),
        b'(' | b')' | b'[' | b']' => 1,
        b'-' => u8::from(before().is_ascii_whitespace() && after().is_ascii_whitespace()),
        b';' | b'!' | b'?' => 2,
        // U+2012..U+2015 (dashes) and U+2026 (`…`), as UTF-8.
        0xE2 if bytes.get(start + 1) == Some(&0x80) => match bytes.get(start + 2) {
            Some(0x92..=0x95) => 1,
            Some(0xA6) => 2,
            _ => 0,
        },
        _ => 0,
    }
}

impl Scratch {
    /// Reads the words of the sentence made of tokens `range`, looks each word up once, keeps
    /// the words that carry an atom, and numbers clauses and list scopes.
    fn read(&mut self, cues: &Cues, text: &str, tokens: &Tokens, range: Range<usize>) {
        // The tables that read it are part of the key: a sentence read with another
        // language's tables is read again.
        let key = (range.start, range.end, std::ptr::from_ref(cues) as usize);
        if self.reading && self.last == Some(key) {
            return;
        }
        self.last = self.reading.then_some(key);
        self.all_hits = false;
        self.epoch += 1;
        self.toks.clear();
        self.words = 0;
        self.tail_sep = 0;
        self.byline_marks = true;
        self.facts = FACTS_OF_NONE;
        self.memo.begin(cues);
        let words = cues.word_flags.len().div_ceil(64);
        if self.present.len() == words {
            self.present.fill(0);
        } else {
            self.present.clear();
            self.present.resize(words, 0);
        }
        let all = tokens.as_slice();
        let Some(sentence) = all.get(range.clone()) else { return };
        let (Some(first), Some(last)) = (sentence.first(), sentence.last()) else { return };
        let (lo, hi) = (first.start(), last.end());
        let bytes = text.as_bytes();
        let mut reader = Reader { seps: 0, index: 0, pos: 0, last_end: usize::MAX };
        let mut sep = 0u8;
        // The word being read: its first and last token (in `sentence`); `from` is
        // `NO_WORD` between words.
        let (mut from, mut to) = (NO_WORD, 0usize);
        let mut prev_end = lo;
        let mut marks = false;
        let line_break =
            |from: usize, to: usize| bytes.get(from..to).is_some_and(|b| b.iter().any(|&c| c == b'\n' || c == b'\r'));
        for (k, t) in sentence.iter().enumerate() {
            let split = t.gap != TokenGap::None || prev_end != t.start();
            if t.kind == TokenKind::Punct {
                if from != NO_WORD {
                    let sep = std::mem::take(&mut sep);
                    self.push_word(cues, tokens, bytes, sentence, range.start, (from, to), sep, &mut reader);
                    from = NO_WORD;
                }
                if split && t.gap >= TokenGap::Newline && line_break(prev_end, t.start()) {
                    sep = 2;
                }
                sep = sep.max(strength(bytes, lo, hi, t));
                marks |= tokens.norm_bytes_of(t).first().is_some_and(|&b| discourse::may_part_byline(b));
            } else {
                if split {
                    if from != NO_WORD {
                        let sep = std::mem::take(&mut sep);
                        self.push_word(cues, tokens, bytes, sentence, range.start, (from, to), sep, &mut reader);
                        from = NO_WORD;
                    }
                    if t.gap >= TokenGap::Newline && line_break(prev_end, t.start()) {
                        sep = 2;
                    }
                }
                if from == NO_WORD {
                    from = k;
                }
                to = k;
            }
            prev_end = t.end();
        }
        let tail = if from != NO_WORD {
            self.push_word(cues, tokens, bytes, sentence, range.start, (from, to), sep, &mut reader);
            0
        } else {
            sep
        };
        self.words = reader.index;
        self.tail_sep = reader.seps.max(tail);
        self.byline_marks = marks;
        self.number_clauses();
    }

    /// Numbers the clauses and list scopes of the kept words.
    fn number_clauses(&mut self) {
        // Clause and list-scope numbers are only compared for equality, so a word not kept
        // adds its punctuation to the next kept word's `seps`; it has no flags of its own.
        let (mut clause, mut scope) = (0u32, 0u32);
        for i in 0..self.toks.len() {
            let next_flags = match self.toks.get(i + 1) {
                Some(next) if next.index == self.toks[i].index + 1 => next.flags,
                _ => 0,
            };
            let t = &mut self.toks[i];
            let brk = t.flags & BREAK_WORD != 0 && next_flags & BREAK_UNLESS_NEXT == 0;
            let opens = t.sep >= 1 && t.flags & SUBCLAUSE_OPENER != 0;
            if t.seps >= 2 || brk || opens {
                scope += 1;
            }
            if t.seps >= 1 || brk {
                clause += 1;
            }
            t.clause = clause;
            t.scope = scope;
        }
    }

    /// Reads the word made of tokens `word.0..=word.1` of `sentence` (whose first token is
    /// token `base`), preceded by punctuation of strength `sep`, and keeps it if it carries
    /// an atom. (Inlined: it runs for every word, and its arguments cost more to pass than
    /// its body to run.)
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn push_word(
        &mut self,
        cues: &Cues,
        tokens: &Tokens,
        bytes: &[u8],
        sentence: &[Token],
        base: usize,
        (from, to): (usize, usize),
        sep: u8,
        r: &mut Reader,
    ) {
        let (Some(head), Some(tail)) = (sentence.get(from), sentence.get(to)) else { return };
        let (start, end) = (head.start(), tail.end());
        let single = from == to;
        // One number token (digits that touch a letter make a word).
        let number = single && head.kind == TokenKind::Number;
        // The parts of a hyphenated word (`фитнес-клубов`) share one position.
        if r.last_end != usize::MAX && !(start == r.last_end + 1 && bytes.get(r.last_end) == Some(&b'-')) {
            r.pos += 1;
        }
        r.last_end = end;
        r.seps = r.seps.max(sep);
        let index = r.index;
        r.index += 1;
        let info = if single {
            self.memo.lookup(cues, tokens.norm_bytes_of(head), number)
        } else {
            self.memo.lookup(cues, tokens.norm_span(base + from..base + to + 1).as_bytes(), number)
        };
        if single {
            self.facts = (self.facts | info.facts.0) & info.facts.1;
        } else {
            self.facts = self.note_facts_of(cues, tokens, base + from..base + to + 1);
        }
        let (lo, hi) = (info.atoms.0 as usize, info.atoms.1 as usize);
        if lo >= hi {
            return;
        }
        let Some(atoms) = self.memo.atoms.get(lo..hi) else { return };
        for &atom in atoms {
            if let Some(w) = self.present.get_mut(atom as usize / 64) {
                *w |= 1 << (atom % 64);
            }
        }
        self.toks.push(Tok {
            start: start as u32,
            end: end as u32,
            atoms: info.atoms,
            number: atoms.first() == Some(&NUMBER_ATOM),
            sig: info.sig,
            rules: info.rules,
            flags: info.flags,
            sep,
            seps: std::mem::take(&mut r.seps),
            index,
            clause: 0,
            scope: 0,
            pos: r.pos,
        });
    }
}

impl Scratch {
    /// [`Scratch::read`] for the kind rules only: a part of the sentence read last (or of
    /// the one kept in `base`) whose ends are word boundaries is taken from that reading
    /// rather than read again (the builder reads each clause of a sentence with two dates
    /// after the whole). Its words, atoms and punctuation are the whole reading's; its word
    /// indices count from its own first word, and its clauses and list scopes are numbered
    /// anew (numbers that differ by a constant compare the same). Such a reading holds no
    /// word count, tail punctuation or facts, so it is not remembered as read (`last`).
    fn read_part(&mut self, cues: &Cues, text: &str, tokens: &Tokens, range: Range<usize>) {
        let key = (range.start, range.end, std::ptr::from_ref(cues) as usize);
        let known = self.reading && (self.last == Some(key) || self.derive(key, tokens));
        if !known {
            self.read(cues, text, tokens, range);
        }
    }

    /// Takes the part `key` of the sentence from the reading of a larger one (see
    /// [`Scratch::read_part`]); `false` when there is none or the part's ends are not word
    /// boundaries of it.
    fn derive(&mut self, key: (usize, usize, usize), tokens: &Tokens) -> bool {
        let (start, end, id) = key;
        let covers = |k: (usize, usize, usize)| k.2 == id && k.0 <= start && end <= k.1 && (k.0, k.1) != (start, end);
        if let Some(k) = self.last.filter(|&k| covers(k)) {
            self.base.clone_from(&self.toks);
            self.base_key = Some(k);
            self.base_epoch = self.epoch;
        }
        let Some((from, to, _)) = self.base_key.filter(|&k| covers(k) && self.base_epoch == self.epoch) else {
            return false;
        };
        let all = tokens.as_slice();
        if start >= end || to > all.len() {
            return false;
        }
        // Whether a word of the whole reading ends before token `i` (or it is an end).
        let boundary = |i: usize| match (i.checked_sub(1).and_then(|p| all.get(p)), all.get(i)) {
            _ if i == from || i == to => true,
            (Some(p), Some(t)) => {
                p.kind == TokenKind::Punct
                    || t.kind == TokenKind::Punct
                    || t.gap != TokenGap::None
                    || p.end() != t.start()
            }
            _ => false,
        };
        if !boundary(start) || !boundary(end) {
            return false;
        }
        let (Some(first), Some(last), Some(whole)) = (all.get(start), all.get(end - 1), all.get(from)) else {
            return false;
        };
        // The words of the whole reading before the part, counted as `read` counts them.
        let mut before = 0u32;
        let (mut open, mut prev_end) = (false, whole.start());
        for t in all.get(from..start).unwrap_or(&[]) {
            if t.kind == TokenKind::Punct {
                open = false;
            } else {
                if !open || t.gap != TokenGap::None || prev_end != t.start() {
                    before += 1;
                }
                open = true;
            }
            prev_end = t.end();
        }
        let (lo, hi) = (first.start(), last.end());
        self.toks.clear();
        self.toks.extend(self.base.iter().filter(|t| t.start as usize >= lo && t.end as usize <= hi).cloned());
        self.present.fill(0);
        for t in self.toks.iter_mut() {
            t.index -= before;
            for &atom in self.memo.atoms.get(t.atoms()).unwrap_or(&[]) {
                if let Some(w) = self.present.get_mut(atom as usize / 64) {
                    *w |= 1 << (atom % 64);
                }
            }
        }
        self.number_clauses();
        self.last = None;
        self.all_hits = false;
        true
    }

    /// [`note_facts`] for each token of a word made of several tokens (`covid19`), from the
    /// tables: the facts are about tokens, and only a one-token word's are in the memo.
    #[cold]
    fn note_facts_of(&self, cues: &Cues, tokens: &Tokens, range: Range<usize>) -> u8 {
        let mut facts = self.facts;
        for i in range {
            let Some(t) = tokens.get(i) else { continue };
            let word = t.kind == TokenKind::Word;
            let numeric = !word || (cues.is_number_word)(tokens.norm(i));
            facts = note_facts(facts, word, numeric, cues.marks.get(tokens.norm(i)).copied().unwrap_or(0));
        }
        facts
    }
}

/// The facts of a reading (`FACT_CONDITIONAL`, ...) with one more word or number token: a
/// word token when `word`, a number (digits or a number word) when `numeric`, with the
/// discourse marks `marks`.
#[inline(always)]
fn note_facts(facts: u8, word: bool, numeric: bool, marks: u16) -> u8 {
    let mut f = facts;
    if word && marks & discourse::CONDITIONAL != 0 {
        f |= FACT_CONDITIONAL;
    }
    if word && marks & discourse::RUMOUR != 0 {
        f |= FACT_RUMOUR;
    }
    if numeric {
        f |= FACT_ANY_NUMBER;
    } else if marks & (discourse::STAMP | discourse::AGENCY) == 0 {
        // (A byline's source is part of its stamp: `Zakon.kz, 28 апреля 2020, 12:45`.)
        f &= !FACT_ALL_STAMP;
    }
    if numeric || marks & discourse::RUBRIC == 0 {
        f &= !FACT_ALL_RUBRIC;
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_match_says_kind_span_and_exemption() {
        let s = "Введён масочный режим.";
        let m = &classify(s)[0];
        assert_eq!((m.kind, &s[m.span.clone()], m.exempted), (EventKind::FacialCoverings, "масочный", false));
    }

    #[test]
    fn classify_a_sentence() {
        let s = "Школы не закроют, но с понедельника вводится масочный режим.";
        let m = classify(s);
        assert_eq!(m[0].kind, EventKind::SchoolClosing);
        assert_eq!(&s[m[0].span.clone()], "Школы не закроют");
        assert!(m[0].exempted);
        assert_eq!((m[1].kind, m[1].exempted), (EventKind::FacialCoverings, false));
    }

    #[test]
    fn kinds_of_a_sentence() {
        let kinds = kinds_of("За сутки выявлено 45 новых случаев заражения, двое пациентов скончались.");
        assert_eq!(kinds, vec![EventKind::Cases, EventKind::Deaths]);
        assert!(kinds_of("Школьный концерт прошёл с успехом.").is_empty());
    }

    fn cues(s: &str) -> Vec<(EventKind, &str, bool)> {
        classify(s).into_iter().map(|m| (m.kind, &s[m.span], m.exempted)).collect()
    }

    #[test]
    fn ids_round_trip() {
        for &kind in EventKind::ALL {
            assert_eq!(kind.id().parse::<EventKind>(), Ok(kind));
            assert_eq!(kind.to_string(), kind.id());
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.id()));
            assert_eq!(serde_json::from_str::<EventKind>(&json).unwrap(), kind);
            assert!(!kind.label().is_empty());
        }
        assert!("School_Closing".parse::<EventKind>().is_err());
        assert_eq!(EventKind::ElderlyProtection.indicator(), Some("H8"));
        assert_eq!(EventKind::Quarantine.indicator(), None);
    }

    #[test]
    fn spans_are_byte_offsets_of_the_original() {
        let s = "ВВЕДЁН КАРАНТИН, закрыты ТРЦ.";
        assert_eq!(
            cues(s),
            vec![(EventKind::Quarantine, "КАРАНТИН", false), (EventKind::WorkplaceClosing, "закрыты ТРЦ", false),]
        );
    }

    #[test]
    fn characters_whose_lower_case_changes_length_keep_offsets() {
        // U+0130 lower-cases to two characters and U+212A (Kelvin) to a one-byte `k`.
        let s = "İİ \u{212A} введён карантин";
        let m = classify(s);
        assert_eq!(m.len(), 1);
        assert_eq!(&s[m[0].span.clone()], "карантин");
    }

    #[test]
    fn yo_and_ye_are_the_same_letter() {
        assert_eq!(kinds_of("Введён режим ЧП"), vec![EventKind::StateOfEmergency]);
        assert_eq!(kinds_of("Введен режим ЧП"), vec![EventKind::StateOfEmergency]);
        assert_eq!(kinds_of("Ввод режима самоизоляции ещё обсуждается"), vec![EventKind::StayAtHome]);
    }

    #[test]
    fn gaps_reach_either_side() {
        assert_eq!(
            cues("Закрыты все границы страны"),
            vec![(EventKind::InternationalTravel, "Закрыты все границы", false)]
        );
        assert_eq!(
            cues("Границы страны с сегодняшнего дня закрыты"),
            vec![(EventKind::InternationalTravel, "Границы страны с сегодняшнего дня закрыты", false)]
        );
        // Six words between: too far.
        assert!(kinds_of("Границы, как и прежде, остаются для всех граждан без исключения закрыты").is_empty());
    }

    #[test]
    fn cues_stay_inside_a_clause() {
        assert!(kinds_of("На границе области, где работают фермеры, закрыты два моста").is_empty());
    }

    #[test]
    fn negation_before_inside_and_after() {
        assert_eq!(cues("Школы не закроют"), vec![(EventKind::SchoolClosing, "Школы не закроют", true)]);
        assert_eq!(cues("Не будут закрыты школы"), vec![(EventKind::SchoolClosing, "закрыты школы", true)]);
        assert_eq!(cues("Карантин вводить не планируется"), vec![(EventKind::Quarantine, "Карантин", true)]);
        assert_eq!(
            cues("Оформлять загранпаспорт нет смысла, потому что границы закрыты"),
            vec![(EventKind::InternationalTravel, "границы закрыты", false)]
        );
    }

    #[test]
    fn exemption_lists_cross_commas() {
        let s = "Закрыты все объекты, за исключением аптек, продуктовых магазинов и ЦОНов";
        let m = cues(s);
        assert_eq!(m.last(), Some(&(EventKind::PublicServices, "ЦОНов", true)));
        assert_eq!(kinds_of(s), vec![EventKind::WorkplaceClosing]);
        // `кроме того` means "moreover".
        assert_eq!(kinds_of("Кроме того выявлено 12 новых случаев"), vec![EventKind::Cases]);
    }

    #[test]
    fn negated_verbs_of_operation_report_a_closure() {
        assert_eq!(kinds_of("ЦОНы не будут работать до конца месяца"), vec![EventKind::PublicServices]);
        assert_eq!(kinds_of("Масочный режим не будет отменён"), vec![EventKind::FacialCoverings]);
        assert!(kinds_of("Концерты не будут отменены").is_empty());
    }

    #[test]
    fn contained_matches_of_one_kind_collapse() {
        assert_eq!(cues("Введён режим ЧС").len(), 1);
    }

    #[test]
    fn a_part_taken_from_the_whole_reading_is_read_as_on_its_own() {
        let cues: &Cues = crate::lang::Lang::Ru.table().events.cues;
        let sentences = [
            "Школы не закроют, но с понедельника вводится масочный режим.",
            "Закрыты все объекты, за исключением аптек, продуктовых магазинов и ЦОНов",
            "Границы страны с сегодняшнего дня закрыты, а также ограничен въезд в Алматы",
            "С 16 марта закрыты фитнес-клубы; 42 500 тенге выплатят 1,5 млн гражданам",
            "Карантин вводить не планируется, кроме того выявлено 12 новых случаев",
            "ЦОНы не будут работать до конца месяца, а школы перейдут на онлайн-обучение",
        ];
        let fresh = |s: &str, t: &Tokens, r: Range<usize>| {
            let mut scratch = Scratch::default();
            cues.run(s, t, r, &mut scratch);
            scratch.out
        };
        let mut taken = 0;
        for s in sentences {
            let t = Tokens::new(s);
            let n = t.len();
            for a in 0..n {
                for b in a + 1..=n {
                    let mut scratch = Scratch { reading: true, ..Scratch::default() };
                    cues.run(s, &t, 0..n, &mut scratch);
                    cues.run(s, &t, 0..a, &mut scratch);
                    assert_eq!(scratch.out, fresh(s, &t, 0..a), "{s:?} 0..{a}");
                    cues.run(s, &t, a..b, &mut scratch);
                    assert_eq!(scratch.out, fresh(s, &t, a..b), "{s:?} {a}..{b}");
                    // (A part taken from the whole is not remembered as read.)
                    taken += usize::from(scratch.last.is_none());
                }
            }
        }
        assert!(taken > 100, "{taken}");
    }

    #[test]
    fn empty_and_odd_input() {
        assert!(classify("").is_empty());
        assert!(classify("   ,,, — !").is_empty());
        assert!(classify("12 500 1,5").is_empty());
        assert!(kinds_of("-").is_empty());
    }
}
