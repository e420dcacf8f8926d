//! Kazakh tense cues: the verb stands at the end of its clause, so its ending tells the
//! tense. Past: `-ды/-ді/-ты/-ті` (`енгізілді`), `-ған/-ген/-қан/-кен` (`жарияланған`),
//! `-ыпты/-іпті`, and the word `еді`. Future: `-атын/-етін/-йтын/-йтін`, `-мақ/-мек/-бақ/
//! -бек/-пақ/-пек`, `-йды/-йді` (a vowel stem's present-future: `бастайды`), and `-ады/-еді`
//! (`жалғасады`) only with a future adverb in the clause (`алдағы`, `келесі`, `ертең`,
//! `жақында`), since a vowel stem's past (`бастады`) ends the same way; the passive's
//! present-future (`ашылады`, `өткізіледі`, `салынады`) is future, since its past is
//! `-ылды/-ілді` (`ашылды`), and so is `енеді` (`күшіне енеді`). Two forms read the
//! other way: `болатын` after a past participle is the pluperfect (`тіркелген болатын`, had
//! been registered), and `-йды/-йді` on a stem that ends in `й` is its past (`азайды`,
//! decreased; `көбейді`, increased), not a present-future.

use crate::expr::Tense;
use crate::text::{TokenKind, Tokens};
use std::ops::Range;

/// Adverbs that point a clause forward.
const FUTURE_ADVERBS: &[&str] =
    &["алдағы", "келесі", "ертең", "жақында", "болашақта", "бүрсігүні", "ертеңнен", "таяуда", "жуырда"];

/// Endings of future forms, longest first.
const FUTURE: &[&str] = &[
    "йтыны",
    "йтіні",
    "атын",
    "етін",
    "йтын",
    "йтін",
    "мақ",
    "мек",
    "бақ",
    "бек",
    "пақ",
    "пек",
    "йды",
    "йді",
    "ылады",
    "іледі",
    "ынады",
    "інеді",
    "луда",
    "луде",
    "нуда",
    "нуде",
];

/// Words that are future by themselves.
const FUTURE_WORDS: &[&str] =
    &["тиіс", "керек", "қажет", "болады", "болмақ", "болатын", "жоспарлануда", "күтілуде", "енеді"];

/// Verb stems that end in `й` (`азай-`, to decrease): their past `азай-ды` ends like a vowel
/// stem's present-future (`баста-й-ды`), so it is read as past for these stems. Their
/// present-future is `азаяды`, `көбейеді`.
const Y_STEMS: &[&str] = &["азай", "көбей", "күшей", "ұлғай", "кеңей", "молай"];

/// Stems of the verbs that send a thing to a time (`ауыстырылды`, moved; `шегерілді`,
/// postponed; `белгіленді`, set for): a date in the dative before one of them is where the
/// thing goes, after the publication whatever the verb's tense.
const SENDING: &[&str] =
    &["ауыстыр", "шегер", "қалдыр", "жылжыт", "белгілен", "белгіле", "жоспарлан", "жоспарла", "тағайында", "кейінге"];

/// The last token of `sentence` that is a verb sending a thing to a time, if any (a
/// target before it points forward).
pub fn last_sending(tokens: &Tokens, sentence: Range<usize>) -> Option<usize> {
    let hi = sentence.end.min(tokens.len());
    let lo = sentence.start.min(hi);
    (lo..hi).rev().find(|&i| {
        let w = tokens.norm(i);
        SENDING.iter().any(|s| w.starts_with(s))
    })
}

/// Endings of past participles, before `болатын` (the pluperfect).
const PARTICIPLE: &[&str] = &["ған", "ген", "қан", "кен"];

/// Endings of past forms.
const PAST: &[&str] = &["ған", "ген", "қан", "кен", "ыпты", "іпті", "пты", "пті", "ды", "ді", "ты", "ті"];

/// The tense one word gives, by its ending and the word before it; `future_adverb` decides
/// `-ады/-еді`.
fn word_tense(w: &str, before: &str, future_adverb: bool) -> Option<Tense> {
    if w == "еді" || w == "болды" || w == "болған" {
        return Some(Tense::Past);
    }
    // `жабылған болатын`: the pluperfect.
    if w.starts_with("болатын") && PARTICIPLE.iter().any(|e| before.ends_with(e)) {
        return Some(Tense::Past);
    }
    if let Some(stem) = w.strip_suffix("ды").or_else(|| w.strip_suffix("ді")) {
        if Y_STEMS.contains(&stem) {
            return Some(Tense::Past);
        }
    }
    if FUTURE_WORDS.contains(&w) {
        return Some(Tense::Future);
    }
    if FUTURE.iter().any(|e| w.ends_with(e)) {
        return Some(Tense::Future);
    }
    if w.ends_with("ады") || w.ends_with("еді") {
        return future_adverb.then_some(Tense::Future);
    }
    if w.chars().count() > 3 && PAST.iter().any(|e| w.ends_with(e)) {
        return Some(Tense::Past);
    }
    None
}

fn is_boundary(tokens: &Tokens, i: usize) -> bool {
    tokens.get(i).is_some_and(|t| t.kind == TokenKind::Punct) && matches!(tokens.norm(i), "," | ";" | ":" | "(" | ")")
}

/// The tense of the clause around token `at` of `sentence`: the verb at the clause's end,
/// else the verb at the sentence's end; None when neither tells.
pub fn tense_at(tokens: &Tokens, sentence: Range<usize>, at: usize) -> Option<Tense> {
    let hi = sentence.end.min(tokens.len());
    let lo = sentence.start.min(hi);
    if at < lo || at >= hi {
        return None;
    }
    let mut start = at;
    while start > lo && !is_boundary(tokens, start - 1) {
        start -= 1;
    }
    let mut end = at;
    while end < hi && !is_boundary(tokens, end) {
        end += 1;
    }
    let adverb = (lo..hi).any(|i| FUTURE_ADVERBS.contains(&tokens.norm(i)));
    let last_word =
        |range: Range<usize>| range.rev().find(|&i| tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word));
    let before = |i: usize| if i > lo { tokens.norm(i - 1) } else { "" };
    if let Some(i) = last_word(start..end) {
        if i > at {
            if let Some(t) = word_tense(tokens.norm(i), before(i), adverb) {
                return Some(t);
            }
        }
    }
    let i = last_word(lo..hi)?;
    if i <= at {
        return None;
    }
    word_tense(tokens.norm(i), before(i), adverb)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense(text: &str) -> Option<Tense> {
        let tokens = Tokens::new(text);
        tense_at(&tokens, 0..tokens.len(), 0)
    }

    #[test]
    fn verb_endings_tell_the_tense() {
        assert_eq!(tense("Дүйсенбіде карантин енгізілді."), Some(Tense::Past));
        assert_eq!(tense("Дүйсенбіде шешім жарияланған."), Some(Tense::Past));
        assert_eq!(tense("Дүйсенбіде мектептер жабылатын болады."), Some(Tense::Future));
        assert_eq!(tense("Дүйсенбіде сабақ басталмақ."), Some(Tense::Future));
        assert_eq!(tense("Жұмада жиын өтеді."), None);
        assert_eq!(tense("Алдағы жұмада жиын өтеді."), Some(Tense::Future));
        assert_eq!(tense("Жұмада алғашқы науқас тіркелген болатын."), Some(Tense::Past));
        assert_eq!(tense("Жұмада мектептер жабылатын болады."), Some(Tense::Future));
        assert_eq!(tense("Жұмада жұқтыру саны азайды."), Some(Tense::Past));
        assert_eq!(tense("Жұмада науқастар саны көбейді."), Some(Tense::Past));
        assert_eq!(tense("Жұмада әкім ауданды аралайды."), Some(Tense::Future));
        assert_eq!(tense("Жұмада жаңа мектеп ашылады."), Some(Tense::Future));
        assert_eq!(tense("Жұмада жаңа тәртіп күшіне енеді."), Some(Tense::Future));
        assert_eq!(tense("Жұмада жаңа мектеп ашылды."), Some(Tense::Past));
    }
}
