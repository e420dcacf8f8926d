//! Russian number words: cardinals and ordinals in every case form running text uses.
//!
//! One table per word class; a new word form is a one-line change. Lookups take the
//! normalized form of a word (lower case, `ё` written `е`).

use crate::text::wordmap::WordMap;
use once_cell::sync::Lazy;

/// Cardinal number words, every case form, with their value.
///
/// `полтора` and `пара` are not here: they are not whole numbers of things in every reading
/// (`пара` is "a couple"); the grammar gives them their own rules.
const CARDINALS: &[(u32, &[&str])] = &[
    (0, &["ноль", "нуля", "нулю", "нулем", "нуле"]),
    (1, &["один", "одна", "одно", "одного", "одной", "одному", "одним", "одном", "одну", "одни", "одних"]),
    (2, &["два", "две", "двух", "двум", "двумя"]),
    (3, &["три", "трех", "трем", "тремя"]),
    (4, &["четыре", "четырех", "четырем", "четырьмя"]),
    (5, &["пять", "пяти", "пятью"]),
    (6, &["шесть", "шести", "шестью"]),
    (7, &["семь", "семи", "семью"]),
    (8, &["восемь", "восьми", "восемью", "восьмью"]),
    (9, &["девять", "девяти", "девятью"]),
    (10, &["десять", "десяти", "десятью"]),
    (11, &["одиннадцать", "одиннадцати", "одиннадцатью"]),
    (12, &["двенадцать", "двенадцати", "двенадцатью"]),
    (13, &["тринадцать", "тринадцати", "тринадцатью"]),
    (14, &["четырнадцать", "четырнадцати", "четырнадцатью"]),
    (15, &["пятнадцать", "пятнадцати", "пятнадцатью"]),
    (16, &["шестнадцать", "шестнадцати", "шестнадцатью"]),
    (17, &["семнадцать", "семнадцати", "семнадцатью"]),
    (18, &["восемнадцать", "восемнадцати", "восемнадцатью"]),
    (19, &["девятнадцать", "девятнадцати", "девятнадцатью"]),
    (20, &["двадцать", "двадцати", "двадцатью"]),
    (30, &["тридцать", "тридцати", "тридцатью"]),
    (40, &["сорок", "сорока"]),
    (50, &["пятьдесят", "пятидесяти", "пятьюдесятью"]),
    (60, &["шестьдесят", "шестидесяти", "шестьюдесятью"]),
    (70, &["семьдесят", "семидесяти", "семьюдесятью"]),
    (80, &["восемьдесят", "восьмидесяти", "восемьюдесятью"]),
    (90, &["девяносто", "девяноста"]),
    (100, &["сто", "ста"]),
    (200, &["двести", "двухсот", "двумстам", "двумястами", "двухстах"]),
    (300, &["триста", "трехсот", "тремстам", "тремястами", "трехстах"]),
    (400, &["четыреста", "четырехсот", "четыремстам", "четырьмястами", "четырехстах"]),
    (500, &["пятьсот", "пятисот", "пятистам", "пятьюстами", "пятистах"]),
    (600, &["шестьсот", "шестисот", "шестистам", "шестьюстами", "шестистах"]),
    (700, &["семьсот", "семисот", "семистам", "семьюстами", "семистах"]),
    (800, &["восемьсот", "восьмисот", "восьмистам", "восемьюстами", "восьмистах"]),
    (900, &["девятьсот", "девятисот", "девятистам", "девятьюстами", "девятистах"]),
    (1000, &["тысяча", "тысячи", "тысячу", "тысячей", "тысяче", "тысяч", "тысячам", "тысячами", "тысячах"]),
];

/// Collective numerals (`двое суток`, `трое детей`), read as cardinals.
pub(crate) const COLLECTIVES: &[(u32, &[&str])] = &[
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

/// Ordinal stems and their value; the adjective endings in [`ORDINAL_ENDINGS`] complete them.
const ORDINAL_STEMS: &[(u32, &str)] = &[
    (1, "перв"),
    (2, "втор"),
    (4, "четверт"),
    (5, "пят"),
    (6, "шест"),
    (7, "седьм"),
    (8, "восьм"),
    (9, "девят"),
    (10, "десят"),
    (11, "одиннадцат"),
    (12, "двенадцат"),
    (13, "тринадцат"),
    (14, "четырнадцат"),
    (15, "пятнадцат"),
    (16, "шестнадцат"),
    (17, "семнадцат"),
    (18, "восемнадцат"),
    (19, "девятнадцат"),
    (20, "двадцат"),
    (30, "тридцат"),
    (40, "сороков"),
    (50, "пятидесят"),
    (60, "шестидесят"),
    (70, "семидесят"),
    (80, "восьмидесят"),
    (90, "девяност"),
    (100, "сот"),
    (1000, "тысячн"),
    (2000, "двухтысячн"),
];

/// Hard-stem adjective endings (`первое`, `первого`, `первому`, ...).
const ORDINAL_ENDINGS: &[&str] = &["ый", "ой", "ое", "ая", "ые", "ого", "ому", "ым", "ом", "ую", "ых", "ыми", "ей"];

/// `третий` declines with a soft stem of its own.
const ORDINAL_IRREGULAR: &[(u32, &[&str])] = &[(
    3,
    &[
        "третий",
        "третье",
        "третья",
        "третьи",
        "третьего",
        "третьему",
        "третьим",
        "третьем",
        "третью",
        "третьей",
        "третьих",
        "третьими",
    ],
)];

/// What a number word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberWord {
    /// A cardinal (`два`, `двух`, `двадцать`).
    Cardinal(u32),
    /// An ordinal (`второе`, `двадцатого`, `третьей`).
    Ordinal(u32),
}

static TABLE: Lazy<WordMap<NumberWord>> = Lazy::new(|| {
    let mut map = WordMap::new();
    for (value, forms) in CARDINALS.iter().chain(COLLECTIVES) {
        for form in *forms {
            map.insert(form, NumberWord::Cardinal(*value));
        }
    }
    for (value, stem) in ORDINAL_STEMS {
        for ending in ORDINAL_ENDINGS {
            map.entry_or_insert_with(&format!("{stem}{ending}"), || NumberWord::Ordinal(*value));
        }
    }
    for (value, forms) in ORDINAL_IRREGULAR {
        for form in *forms {
            map.insert(form, NumberWord::Ordinal(*value));
        }
    }
    map
});

/// Every number-word form with what it is (for tables that merge several word classes).
pub fn forms() -> impl Iterator<Item = (&'static str, NumberWord)> {
    TABLE.iter().map(|(form, word)| (form, *word))
}

/// Looks up a normalized word (lower case, `ё` as `е`) in the number-word tables.
pub fn number_word(norm: &str) -> Option<NumberWord> {
    TABLE.get(norm).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collective_numerals_in_every_case() {
        for (value, forms) in COLLECTIVES {
            for form in *forms {
                assert_eq!(number_word(form), Some(NumberWord::Cardinal(*value)), "{form}");
            }
        }
        assert_eq!(number_word("восьмерыми"), Some(NumberWord::Cardinal(8)));
    }

    #[test]
    fn number_words() {
        assert_eq!(number_word("двух"), Some(NumberWord::Cardinal(2)));
        assert_eq!(number_word("двадцать"), Some(NumberWord::Cardinal(20)));
        assert_eq!(number_word("третьего"), Some(NumberWord::Ordinal(3)));
        assert_eq!(number_word("марта"), None);
    }

    #[test]
    fn ordinals_in_case_forms() {
        assert_eq!(number_word("первое"), Some(NumberWord::Ordinal(1)));
        assert_eq!(number_word("первого"), Some(NumberWord::Ordinal(1)));
        assert_eq!(number_word("тридцатого"), Some(NumberWord::Ordinal(30)));
        assert_eq!(number_word("четвертое"), Some(NumberWord::Ordinal(4)));
    }

    #[test]
    fn cardinals_in_case_forms() {
        assert_eq!(number_word("пяти"), Some(NumberWord::Cardinal(5)));
        assert_eq!(number_word("тысячи"), Some(NumberWord::Cardinal(1000)));
    }
}
