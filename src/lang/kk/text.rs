//! What the text layer needs to know of Kazakh: the abbreviations and hanging words of the
//! sentence splitter, and the Latin letters that stand for Cyrillic ones in mixed words
//! (Kazakh text often has a Latin `i` for `і`).

use crate::text::{Lookalikes, SentenceRules};

/// Words that take a period without ending a sentence (normalized forms).
pub const ABBREVIATIONS: &[&str] = &[
    "ж", "жж", "т", "б", "млн", "млрд", "трлн", "мың", "обл", "көш", "ш", "а", "қ", "с", "тел", "т.б", "бк", "м", "км",
    "сағ", "мин", "проф", "акад", "бұл", "яғни", "т.с.с",
];

/// Abbreviations of `жыл` (year): after a number, a period may end a sentence there.
pub const YEAR_WORDS: &[&str] = &["ж", "жж"];

/// Short words after which a line break cannot end a sentence (conjunctions).
pub const HANGING: &[&str] = &["және", "мен", "бен", "пен", "немесе", "бірақ", "ал", "әрі", "да", "де", "үшін"];

/// The sentence splitter's rules for Kazakh.
pub static SENTENCES: SentenceRules = SentenceRules::new(ABBREVIATIONS, YEAR_WORDS, HANGING);

/// Latin lower-case letters that look like Cyrillic ones, read as them inside a word that
/// mixes the scripts: Russian's, and `i` → `і`.
pub static LOOKALIKES: Lookalikes = Lookalikes::new(
    ('\u{400}', '\u{4ff}'),
    &[
        ('a', 'а'),
        ('b', 'в'),
        ('c', 'с'),
        ('e', 'е'),
        ('h', 'һ'),
        ('i', 'і'),
        ('k', 'к'),
        ('m', 'м'),
        ('o', 'о'),
        ('p', 'р'),
        ('t', 'т'),
        ('x', 'х'),
        ('y', 'у'),
    ],
);
