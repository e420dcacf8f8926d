//! Kazakh discourse word classes for the event builder: back-references, the limits of date
//! inheritance, decree content, page furniture and datelines. The engine and what each class
//! is for: `crate::event::kinds::discourse`. Phrases use the cue syntax of
//! [`crate::event::kinds`]; `^` before a phrase ties it to the sentence's first word.
//!
//! Kazakh has no comparison phrase before its date (`өткен жылмен салыстырғанда`, compared
//! with last year, puts the date first), so the comparison table is empty: a comparison
//! reference dates an event in Kazakh text.

use crate::event::kinds::DiscourseTables;
use crate::lang::kk::{lexicon, morph};
use once_cell::sync::Lazy;

/// The Kazakh discourse tables (with the month forms the morphology generates).
pub(super) static TABLES: Lazy<DiscourseTables> = Lazy::new(|| DiscourseTables {
    refers_back: REFERS_BACK,
    same_time: SAME_TIME,
    // (Not listed for Kazakh yet: a sentence goes on with the latest event.)
    same_period: &[],
    // (Not listed for Kazakh yet: what a restriction leaves open.)
    leaves_open: &[],
    reports_back: &[],
    looks_back: &[],
    validity: VALIDITY,
    no_inheritance: NO_INHERITANCE,
    extremes: &[],
    content: CONTENT,
    comparisons: &[],
    comparison_reach: 2,
    furniture: FURNITURE,
    timestamp_words: TIMESTAMP_WORDS,
    months: MONTHS.as_slice(),
    month_abbreviations: &[],
    rubrics: RUBRICS,
    agencies: AGENCIES,
    conditionals: &["егер"],
    contrasts: &["ал", "бірақ", "алайда"],
    reporting: &["хабарлады", "мәлімдеді", "айтты", "деді", "жариялады"],
    participle_endings: &[],
    // (Kazakh defines a group with a participle before its noun: no pronoun here.)
    group_relatives: &[],
    group_of: &[],
    // (A Kazakh window is a case ending or a postposition after the duration, `бір аптада`,
    // `апта ішінде`: not read yet.)
    window_before: &[],
    window_not: &[],
    rumours: &["сыбыс", "сыбысы", "сыбыстар", "сыбыстарды", "фейк"],
    extensions: &["ұзартты", "ұзартылды", "ұзартылады", "ұзарту"],
});

/// Every form of every month, by month number, built once from the grammar's stems.
static MONTHS: Lazy<Vec<(u32, &'static [&'static str])>> = Lazy::new(|| {
    static FORMS: Lazy<Vec<Vec<String>>> = Lazy::new(|| {
        lexicon::MONTHS.iter().map(|m| morph::forms(m, false).into_iter().map(|(f, _)| f).collect()).collect()
    });
    static REFS: Lazy<Vec<Vec<&'static str>>> =
        Lazy::new(|| FORMS.iter().map(|forms| forms.iter().map(String::as_str).collect()).collect());
    (1u32..).zip(REFS.iter()).map(|(n, forms)| (n, forms.as_slice())).collect()
});

// A demonstrative, and the nouns of a measure or decision.
macro_rules! demonstratives {
    () => {
        "бұл|осы|аталған|мұндай|осындай|жоғарыда|көрсетілген"
    };
}
macro_rules! measure_nouns {
    () => {
        "шешім*|шара*|қаулы*|жарлық*|бұйрық*|өкім*|шектеу*|тыйым*|режим*|ереже*|талап*|өзгеріс*|карантин*|жеңілдік*|тәртіп*"
    };
}

/// Phrases that present a sentence as a decree's content.
const CONTENT: &[&str] = &[
    "қаулы*|жарлық*|шешім*|бұйрық*|құжат*|өкім* ..1 сәйкес",
    "қаулы*|жарлық*|шешім*|бұйрық*|құжат*|өкім* ~3 көзде*|қарастыр*|міндеттей*|енгізіл*|белгіле*",
    "оның|соның ішінде",
];

/// Phrases that open a sentence on how long the decree or measure before it holds (`Қаулы 3
/// қаңтарға дейін күшінде болады`, `Шектеулер ... сақталады`).
const VALIDITY: &[&str] = &["^қаулы*|шешім*|шектеу*|карантин*|режим*|талап* ..6 күшінде|сақталады|қолданылады"];

/// Phrases that open a sentence with the time of the event before it (`осы кезеңде`, `сол
/// күні`).
const SAME_TIME: &[&str] = &["^осы|сол кезеңде|кезең|күні|уақытта"];

/// Phrases that point back to an earlier event.
const REFERS_BACK: &[&str] = &[
    concat!(demonstratives!(), " ", measure_nouns!()),
    concat!(demonstratives!(), " ..2 ", measure_nouns!()),
    "бұл|осы туралы|жөнінде",
    // An extension that does not name its measure anew: `режим ұзартылды`.
    "режим*|карантин*|шектеу*|шара*|мерзім* ~3 ұзарт*",
    "^ұзартылды|ұзартылады|ұзартылмақ",
];

/// Phrases after which a sentence borrows no date from the one before.
const NO_INHERITANCE: &[&str] = &[
    // Retrospective connectives.
    "^бұған|осыған дейін",
    "^бұрын|ертерек|бұрынырақ",
    "бұрын|ертерек ..1 хабарла*|жаз*|мәлімде*",
    // Aggregates over the whole epidemic.
    "пандемия*|індет*|эпидемия* ..1 басынан|басталғалы|басталғаннан",
    "бүкіл|барлық кезең*",
    // Conditional and hypothetical clauses, forecasts.
    "егер",
    "болған|туындаған жағдайда",
    "қажет болса",
    "мүмкін",
    "ықтимал*",
    "болжам*",
    "күтілуде",
];

/// Phrases that open page furniture: at the sentence's start, or after a timestamp.
const FURNITURE: &[&str] = &[
    "жаңартылды|жаңартылған",
    "қаралым*",
    "фото|видео|сурет|инфографика|коллаж|дереккөз|автор",
    "оқыңыз|қараңыз",
    "жазылыңыз",
    "бөлісу|бөлісіңіз",
];

/// Words of a bare timestamp besides numbers and month names.
const TIMESTAMP_WORDS: &[&str] = &[
    "ж",
    "жыл",
    "жылы",
    "жылғы",
    "сағат",
    "сағ",
    "бүгін",
    "кеше",
    "дүйсенбі",
    "сейсенбі",
    "сәрсенбі",
    "бейсенбі",
    "жұма",
    "сенбі",
    "жексенбі",
];

/// Rubric names: a line of these alone is furniture.
const RUBRICS: &[&str] = &[
    "жаңалықтар",
    "қоғам",
    "саясат",
    "экономика",
    "оқиғалар",
    "спорт",
    "мәдениет",
    "әлем",
    "денсаулық",
    "медицина",
    "білім",
    "аймақтар",
    "өңірлер",
    "бизнес",
    "қаржы",
    "сараптама",
    "сұхбат",
    "басты",
    "коронавирус",
    "covid",
    "қазақстан",
];

/// Words of news agency names in datelines.
const AGENCIES: &[&str] = &[
    "қазақпарат",
    "kazinform",
    "казинформ",
    "kaztag",
    "казтаг",
    "tengrinews",
    "egemen",
    "егемен",
    "khabar",
    "хабар",
    "kz",
    "zakon",
    "sputnik",
    "azattyq",
    "азаттық",
    "inform",
    "today",
    "news",
];
