//! Sentence splitting for news text, over tokens. The words it needs (abbreviations, year
//! abbreviations, hanging words) come from the language as [`SentenceRules`]; the examples
//! below are Russian.
//!
//! A sentence ends after `.`, `!`, `?` or `…` (with the closing quotes and brackets that
//! follow them) when the next token is separated by whitespace and can start a sentence (a
//! capitalized word, a digit, an opening quote or bracket, a dash). It does not end:
//! - after an abbreviation (`г.`, `гг.`, `т.е.`, `т.д.`, `млн.`, `ул.`, `им.`, `ст.`, ...;
//!   [`SentenceRules::abbreviations`]), except a year abbreviation right after a number
//!   ([`SentenceRules::year_words`]; the year: `в 2020 г. Власти ...` ends there, `г.
//!   Уральск` does not);
//! - after an initial (`К. Токаев`);
//! - inside numbers and addresses (`17.00`, `16.03.2020`, `eGov.kz`): no whitespace follows;
//! - before a word in lower case (`т.е. в`, `«Куда идти?» — спросил он`).
//!
//! A line break ends a sentence only where the line looks finished: the next line starts
//! with a capital letter, a quote or a dash, and the line does not end in a comma, a colon,
//! a hyphen or a short preposition. A line that ends without punctuation and a next line in
//! lower case (or starting with a comma) are one sentence. A blank line always ends one.
//!
//! A sentence is cut after [`MAX_SENTENCE_TOKENS`] tokens: text that runs longer with no
//! sentence end (a table, a list, a page scraped without punctuation) is not a sentence,
//! and since every timeline event copies its sentence's text, the cut keeps the memory and
//! time a document costs linear in its length.

use super::token::{Gap, TokenKind, Tokens};
use std::ops::Range;

/// The most tokens a sentence holds; a longer run of text is cut into pieces this long.
pub const MAX_SENTENCE_TOKENS: usize = 256;

/// The words of a language that the sentence splitter needs, as normalized forms. Made with
/// [`SentenceRules::new`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SentenceRules {
    /// Words that take a period without ending a sentence (`т.е.`, `млн.`, `ул.`).
    abbreviations: WordList,
    /// Abbreviations of "year": after a number their period may end a sentence (`в 2020 г.
    /// Власти`), elsewhere it does not (`г. Уральск`, a town); between a year and a clock
    /// time it does not either (`2005 г. 19:13`).
    year_words: WordList,
    /// Short words after which a line break cannot end a sentence (prepositions,
    /// conjunctions).
    hanging: WordList,
}

impl SentenceRules {
    /// No abbreviations and no hanging words: sentences end at every terminal mark that a
    /// sentence start follows.
    pub const NONE: SentenceRules = SentenceRules::new(&[], &[], &[]);

    /// Rules from a language's abbreviations (words that take a period without ending a
    /// sentence), its abbreviations of "year" (whose period ends a sentence after a number),
    /// and its hanging words (after which a line break ends no sentence).
    pub const fn new(
        abbreviations: &'static [&'static str],
        year_words: &'static [&'static str],
        hanging: &'static [&'static str],
    ) -> SentenceRules {
        SentenceRules {
            abbreviations: WordList::new(abbreviations),
            year_words: WordList::new(year_words),
            hanging: WordList::new(hanging),
        }
    }
}

/// A short static list of words with a filter on their byte lengths and last bytes, so that
/// most words are known to be absent without comparing them to any entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct WordList {
    words: &'static [&'static str],
    /// Bit `n` (mod 64): some entry is `n` bytes long.
    lengths: u64,
    /// Bit `b % 64`: some entry ends with byte `b`.
    lasts: u64,
}

impl WordList {
    const fn new(words: &'static [&'static str]) -> WordList {
        let (mut lengths, mut lasts) = (0u64, 0u64);
        let mut k = 0;
        while k < words.len() {
            let w = words[k].as_bytes();
            lengths |= 1 << (w.len() % 64);
            if let Some(&b) = w.last() {
                lasts |= 1 << (b % 64);
            }
            k += 1;
        }
        WordList { words, lengths, lasts }
    }

    #[inline]
    fn contains(&self, word: &str) -> bool {
        let w = word.as_bytes();
        let Some(&last) = w.last() else { return false };
        self.lengths & (1 << (w.len() % 64)) != 0
            && self.lasts & (1 << (last % 64)) != 0
            && self.words.iter().any(|e| e.as_bytes() == w)
    }
}

/// One sentence: its byte span, the range of its tokens, and its paragraph number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte span in the text, from the first token's start to the last token's end.
    pub span: Range<usize>,
    /// Indices of its tokens in [`Tokens`].
    pub tokens: Range<usize>,
    /// 0-based paragraph (blank-line separated block) the sentence starts in.
    pub paragraph: usize,
}

/// Splits tokenized text into sentences, with a language's rules.
pub fn split_sentences(tokens: &Tokens, rules: &SentenceRules) -> Vec<Sentence> {
    let toks = tokens.as_slice();
    // A sentence is about 15 tokens in news text; the vector grows if they are shorter.
    let mut out = Vec::with_capacity(toks.len() / 16 + 1);
    let mut start = 0;
    let mut paragraph = 0;
    // Whether token `i` is on the text's first line (a headline's, in news).
    let mut heading_line = true;
    let mut i = 0;
    while i < toks.len() {
        // Most tokens are words, numbers and commas inside a line, followed by a token on the
        // same line. Such a token is no point number (it starts no line), no terminal mark
        // and no point's mark (those are `.`, `!`, `?`, `…`, `)`; `…` is among the marks
        // whose UTF-8 starts with 0xE2, all left to the steps below), and the break after it
        // is no line break, so the steps below would end nothing at it: skip it in a tight
        // loop. The cut at MAX_SENTENCE_TOKENS and the last token are left to those steps.
        while let (Some(t), Some(next)) = (toks.get(i), toks.get(i + 1)) {
            if (t.kind == TokenKind::Punct
                && matches!(tokens.norm_bytes(i).first(), None | Some(b'.' | b'!' | b'?' | b')' | 0xe2)))
                || t.gap >= Gap::Newline
                || next.gap >= Gap::Newline
                || i + 1 - start >= MAX_SENTENCE_TOKENS
            {
                break;
            }
            i += 1;
        }
        // The loop above skips no token that starts a line.
        heading_line &= i == 0 || toks[i].gap < Gap::Newline;
        // A numbered point at a line's start (`1. Сохранить ...`, `2) ...`) starts a sentence,
        // and its period ends none.
        if i > start && is_point_number(tokens, i) {
            out.push(Sentence { span: toks[start].start()..toks[i - 1].end(), tokens: start..i, paragraph });
            start = i;
        }
        let mut last = i;
        let mut ends = false;
        if i > 0 && is_point_number(tokens, i - 1) {
            // The mark after a point's number.
        } else if toks[i].kind == TokenKind::Punct && is_terminal(tokens.norm(i)) {
            // Take the whole run of terminal marks and closing quotes that touch it.
            while last + 1 < toks.len()
                && last + 1 - start < MAX_SENTENCE_TOKENS
                && toks[last + 1].gap == Gap::None
                && is_run_tail(tokens.norm(last + 1))
            {
                last += 1;
            }
            ends = match toks.get(last + 1) {
                None => true,
                Some(next) => {
                    next.gap >= Gap::Space
                        && can_start(tokens, last + 1)
                        && !period_is_abbreviation(tokens, rules, i)
                        && !period_inside_date(tokens, rules, i, last + 1)
                }
            };
        } else if let Some(next) = toks.get(i + 1) {
            ends = next.gap == Gap::Newline && line_ends(tokens, rules, i, i + 1, heading_line);
        }
        let next_gap = toks.get(last + 1).map(|t| t.gap);
        let full = last + 1 - start >= MAX_SENTENCE_TOKENS;
        if ends || full || next_gap == Some(Gap::Paragraph) || last + 1 == toks.len() {
            out.push(Sentence { span: toks[start].start()..toks[last].end(), tokens: start..last + 1, paragraph });
            start = last + 1;
            if next_gap == Some(Gap::Paragraph) {
                paragraph += 1;
            }
        }
        i = last + 1;
    }
    out
}

/// Is token `i` the number of a numbered point: one or two digits at the start of a line,
/// then a touching `.` or `)`, then a space?
#[inline]
fn is_point_number(tokens: &Tokens, i: usize) -> bool {
    let Some(t) = tokens.get(i) else { return false };
    let line_start = i == 0 || matches!(t.gap, Gap::Newline | Gap::Paragraph);
    line_start
        && t.kind == TokenKind::Number
        && t.digits <= 2
        && tokens.get(i + 1).is_some_and(|m| m.gap == Gap::None && matches!(tokens.norm(i + 1), "." | ")"))
        && tokens.get(i + 2).is_some_and(|n| n.gap >= Gap::Space)
}

fn is_terminal(norm: &str) -> bool {
    matches!(norm, "." | "!" | "?" | "…")
}

fn is_run_tail(norm: &str) -> bool {
    is_terminal(norm) || matches!(norm, "»" | "\"" | "”" | "'" | ")" | "]" | "“")
}

/// Can token `i` start a sentence?
fn can_start(tokens: &Tokens, i: usize) -> bool {
    let Some(t) = tokens.get(i) else { return false };
    match t.kind {
        TokenKind::Word => t.capitalized,
        TokenKind::Number => true,
        TokenKind::Punct => matches!(tokens.norm(i), "«" | "\"" | "“" | "„" | "(" | "-" | "[" | "'"),
    }
}

/// Is the `.` at token `i` the period of an abbreviation or an initial?
fn period_is_abbreviation(tokens: &Tokens, rules: &SentenceRules, i: usize) -> bool {
    if tokens.norm(i) != "." || i == 0 {
        return false;
    }
    let Some(prev) = tokens.get(i - 1) else {
        return false;
    };
    let Some(this) = tokens.get(i) else {
        return false;
    };
    if prev.kind != TokenKind::Word || this.gap != Gap::None {
        return false;
    }
    let word = tokens.norm(i - 1);
    if rules.year_words.contains(word) {
        // `2020 г.` is a year and may end a sentence; `г. Уральск` is a town.
        let year_before = i >= 2 && tokens.get(i - 2).is_some_and(|t| t.kind == TokenKind::Number);
        return !year_before;
    }
    let initial = prev.capitalized && word.chars().count() == 1;
    initial || rules.abbreviations.contains(word)
}

/// Is the `.` at token `i` inside a date or a date and time, with `next` the token after it?
/// `27. 05.99` (a spaced numeric date) and `2005 г. 19:13` (a year, then the clock) go on.
fn period_inside_date(tokens: &Tokens, rules: &SentenceRules, i: usize, next: usize) -> bool {
    let number = |k: usize| tokens.get(k).filter(|t| t.kind == TokenKind::Number);
    let touching = |k: usize, s: &str| tokens.get(k).is_some_and(|t| t.gap == Gap::None) && tokens.norm(k) == s;
    if tokens.norm(i) != "." || i == 0 {
        return false;
    }
    // `03.11. - 05.11.`: a dotted day and month, a dash and the second end go on.
    if tokens.norm(next) == "-" && number(next + 1).is_some() && i >= 3 {
        let short = |k: usize| number(k).is_some_and(|t| t.digits <= 2);
        return short(i - 1) && touching(i - 2, ".") && short(i - 3);
    }
    if number(next).is_none() {
        return false;
    }
    let day_before = number(i - 1).is_some_and(|t| t.digits <= 2);
    let year_word_before = rules.year_words.contains(tokens.norm(i - 1)) && i >= 2 && number(i - 2).is_some();
    (day_before && touching(next + 1, ".")) || (year_word_before && touching(next + 1, ":"))
}

/// Does the line break between tokens `last` and `next` end a sentence? `heading` says that
/// the line ending is the text's first: a headline's line, after which a line starting with
/// a number (`8 марта в Павлодаре ...`) is the story's first sentence. (A long text is split
/// in pieces at blank lines: a piece's first line counts too, once per piece.)
fn line_ends(tokens: &Tokens, rules: &SentenceRules, last: usize, next: usize, heading: bool) -> bool {
    let Some(prev) = tokens.get(last) else {
        return false;
    };
    let hanging = match prev.kind {
        TokenKind::Punct => matches!(tokens.norm(last), "," | ":" | "-" | "(" | "«" | ";"),
        TokenKind::Word => !prev.capitalized && rules.hanging.contains(tokens.norm(last)),
        TokenKind::Number => false,
    };
    let starts = match tokens.get(next) {
        Some(t) if t.kind == TokenKind::Number => heading || is_timestamp_line(tokens, next),
        Some(_) => can_start(tokens, next),
        None => false,
    };
    !hanging && starts
}

/// Most tokens of a timestamp line (`3 апреля 2020, 09:15` is seven; with a view counter,
/// `12.10.2021, 09:45 | Просмотров: 3 214`, fourteen).
const MAX_TIMESTAMP_LINE_TOKENS: usize = 20;

/// Is the line starting at token `first` (a number) a timestamp or byline date of its own
/// (`15 июля 2020, 10:05`, `15.07.2020 10:05`)? A line that is numbers and punctuation with
/// at most two words (a month name, `г.`), holding two numbers or more and a clock time
/// (`10:05`) or a year of four digits, and not ending in a full stop: a text wrapped at a line
/// break goes on with more words, or ends its sentence with a period.
fn is_timestamp_line(tokens: &Tokens, first: usize) -> bool {
    let mut words = 0;
    let mut numbers = 0;
    let mut stamp = false;
    let mut last = first;
    for i in first..tokens.len().min(first + MAX_TIMESTAMP_LINE_TOKENS + 1) {
        let Some(t) = tokens.get(i) else { break };
        if i > first && t.gap >= Gap::Newline {
            return words <= 2 && numbers >= 2 && stamp && !is_terminal(tokens.norm(last));
        }
        last = i;
        match t.kind {
            TokenKind::Word => words += 1,
            TokenKind::Number => {
                numbers += 1;
                let clock = i > first + 1
                    && t.gap == Gap::None
                    && tokens.norm(i - 1) == ":"
                    && tokens.get(i - 2).is_some_and(|h| h.kind == TokenKind::Number);
                stamp |= clock || (t.digits == 4 && matches!(tokens.norm(i).get(..2), Some("19" | "20")));
            }
            TokenKind::Punct => {}
        }
        if words > 2 {
            return false;
        }
    }
    // The text's last line.
    last + 1 == tokens.len() && words <= 2 && numbers >= 2 && stamp && !is_terminal(tokens.norm(last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_with_rules() {
        use crate::text::{SentenceRules, Tokens};
        let rules = SentenceRules::new(&["г", "т", "е"], &["г"], &["в"]);
        let text = "В 2020 г. в г. Уральск ввели карантин. ЦОНы работают до 17.00. Т.е. недолго.";
        let tokens = Tokens::new(text);
        let s: Vec<&str> = split_sentences(&tokens, &rules).iter().map(|s| &text[s.span.clone()]).collect();
        assert_eq!(s, ["В 2020 г. в г. Уральск ввели карантин.", "ЦОНы работают до 17.00.", "Т.е. недолго."]);
    }
    use crate::lang::Lang;

    /// The Russian rules, through the language seam.
    fn ru() -> &'static SentenceRules {
        Lang::Ru.table().sentences
    }

    fn split(text: &str) -> Vec<&str> {
        let tokens = Tokens::new(text);
        split_sentences(&tokens, ru()).into_iter().map(|s| &text[s.span]).collect()
    }

    #[test]
    fn broken_lines_join() {
        let text = "Утром в центре выстроилась очередь\nза справками. Власти\nобещали помочь";
        assert_eq!(split(text), ["Утром в центре выстроилась очередь\nза справками.", "Власти\nобещали помочь"]);
    }

    #[test]
    fn line_starting_with_punctuation() {
        let text = "Всего выявлено два случая у детей\n. Вечером стало известно о новых.";
        assert_eq!(split(text), ["Всего выявлено два случая у детей\n.", "Вечером стало известно о новых."]);
        let text = "Ограничен въезд в город\n, но не для грузов.";
        assert_eq!(split(text), [text]);
    }

    #[test]
    fn a_timestamp_line_is_a_sentence_of_its_own() {
        let text = "В Казахстане выявили 1 526 новых случаев\n15 июля 2020, 10:05\nЗа сутки выздоровели 900 человек.";
        assert_eq!(
            split(text),
            ["В Казахстане выявили 1 526 новых случаев", "15 июля 2020, 10:05", "За сутки выздоровели 900 человек."]
        );
        let text = "Общество\n15.07.2020 10:05\nВ городе открыли пункт вакцинации.";
        assert_eq!(split(text), ["Общество", "15.07.2020 10:05", "В городе открыли пункт вакцинации."]);
        let text = "В области открыли пункт вакцинации\n14.09.2021, 11:20 | Просмотров: 1 045\n\nПервый абзац.";
        assert_eq!(
            split(text),
            ["В области открыли пункт вакцинации", "14.09.2021, 11:20 | Просмотров: 1 045", "Первый абзац."]
        );
        // A text wrapped before a number goes on: more words, or a full stop at the line's end.
        let text = "Первая строка.\nВ области выявлено\n37 новых случаев заражения коронавирусом.";
        assert_eq!(split(text).len(), 2);
        let text = "Первая строка.\nРежим ЧП ввели\n16 марта 2020 года.";
        assert_eq!(split(text).len(), 2);
    }

    #[test]
    fn a_headline_line_ends_before_a_line_starting_with_a_number() {
        let text = "Карантин ужесточат с 9 августа\n8 августа в Павлодаре выявили 20 случаев.";
        assert_eq!(split(text), ["Карантин ужесточат с 9 августа", "8 августа в Павлодаре выявили 20 случаев."]);
        // Only the text's first line: a later one wraps before a number.
        let text = "Первый абзац.\n\nВ области выявлено\n37 новых случаев.";
        assert_eq!(split(text).len(), 2);
    }

    #[test]
    fn headline_line_and_paragraphs() {
        let text = "Карантин продлили\nВласти города сообщили об этом.\n\nВторой абзац";
        let tokens = Tokens::new(text);
        let s = split_sentences(&tokens, ru());
        assert_eq!(s.len(), 3);
        assert_eq!(&text[s[0].span.clone()], "Карантин продлили");
        assert_eq!(s[2].paragraph, 1);
    }

    #[test]
    fn quotes_numbers_initials() {
        let text = "Об этом сообщил «Казинформ». К. Иванов заявил: «Мы готовы!» Центр открыт с 9.00. На 16.03.2020 всё спокойно.";
        assert_eq!(
            split(text),
            [
                "Об этом сообщил «Казинформ».",
                "К. Иванов заявил: «Мы готовы!»",
                "Центр открыт с 9.00.",
                "На 16.03.2020 всё спокойно."
            ]
        );
    }

    #[test]
    fn abbreviations() {
        let text = "Выделено 300 млрд. тенге и т.д. и т.п. Проверено 5 тыс. человек на ул. Абая, им. Абая, ст. Бурное.";
        assert_eq!(split(text), [text]);
    }

    #[test]
    fn dates_with_periods_stay_whole() {
        for text in ["13 августа 2005 г. 19:13", "Это было 27. 05.99 вечером."] {
            assert_eq!(split(text), [text]);
        }
        assert_eq!(split("Это случилось в 2020 г. Власти молчат."), ["Это случилось в 2020 г.", "Власти молчат."]);
    }

    #[test]
    fn empty_and_punctuation_only() {
        assert!(split("").is_empty());
        assert!(split("   \n ").is_empty());
        assert_eq!(split("...!!!"), ["...!!!"]);
    }
    #[test]
    fn a_numbered_point_at_a_line_start_starts_a_sentence() {
        let text = "Указом поручено:\n1. Сохранить ограничения.\n2) Продолжить выплаты.\nВ 12 районах 5 случаев.";
        let tokens = Tokens::new(text);
        let s = split_sentences(&tokens, &SentenceRules::NONE);
        let got: Vec<&str> = s.iter().map(|s| &text[s.span.clone()]).collect();
        assert_eq!(
            got,
            ["Указом поручено:", "1. Сохранить ограничения.", "2) Продолжить выплаты.", "В 12 районах 5 случаев."]
        );
    }
}
