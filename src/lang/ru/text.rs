//! What the text layer needs to know of Russian: the abbreviations and hanging words of the
//! sentence splitter, and the Latin letters that stand for Cyrillic ones in mixed words.

use crate::text::{Lookalikes, SentenceRules};

/// Words that take a period without ending a sentence (normalized forms).
pub const ABBREVIATIONS: &[&str] = &[
    "г",
    "гг",
    "т",
    "е",
    "д",
    "п",
    "пп",
    "др",
    "пр",
    "млн",
    "млрд",
    "трлн",
    "тыс",
    "ул",
    "им",
    "ст",
    "руб",
    "коп",
    "обл",
    "р",
    "пос",
    "с",
    "кв",
    "просп",
    "пер",
    "мкр",
    "мкрн",
    "см",
    "напр",
    "тел",
    "проф",
    "акад",
    "доц",
    "зам",
    "ген",
    "св",
    "стр",
    "рис",
    "табл",
    "гл",
    "янв",
    "фев",
    "февр",
    "мар",
    "апр",
    "авг",
    "сен",
    "сент",
    "окт",
    "ноя",
    "нояб",
    "дек",
    "пн",
    "вт",
    "ср",
    "чт",
    "пт",
    "сб",
    "вс",
    "ч",
    "мин",
    "сек",
    "ок",
    "корп",
    "д-р",
    "рус",
    "англ",
];

/// Abbreviations of `год` (year): after a number, a period may end a sentence there.
pub const YEAR_WORDS: &[&str] = &["г", "гг"];

/// Short words after which a line break cannot end a sentence (prepositions, conjunctions).
pub const HANGING: &[&str] = &[
    "в", "во", "на", "с", "со", "к", "ко", "у", "о", "об", "от", "до", "по", "из", "за", "и", "а", "но", "или", "для",
    "при",
];

/// The sentence splitter's rules for Russian.
pub static SENTENCES: SentenceRules = SentenceRules::new(ABBREVIATIONS, YEAR_WORDS, HANGING);

/// Latin lower-case letters that look like Cyrillic ones, read as them inside a word that
/// mixes the scripts (`мaрта` typed with a Latin `a` is `марта`).
pub static LOOKALIKES: Lookalikes = Lookalikes::new(
    ('\u{400}', '\u{4ff}'),
    &[
        ('a', 'а'),
        ('b', 'в'),
        ('c', 'с'),
        ('e', 'е'),
        ('h', 'н'),
        ('k', 'к'),
        ('m', 'м'),
        ('o', 'о'),
        ('p', 'р'),
        ('t', 'т'),
        ('x', 'х'),
        ('y', 'у'),
    ],
);
