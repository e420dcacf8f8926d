//! Tokens: words, digit runs and punctuation, with byte spans into the caller's text and a
//! normalized form for lookups.
//!
//! Normalization, done once per document into one buffer (no allocation per token):
//! lower case; `ё` → `е`; the hyphen family (`-‐‑‒–—―−`) → `-`; soft hyphens, zero-width
//! characters, direction marks and combining accents inside a word are dropped; in a word
//! that mixes Latin letters with letters of the language's script, Latin letters that look
//! like letters of that script are read as them ([`Lookalikes`], from the language's
//! tables), so a Russian `мaрта` typed with a Latin `a` is `марта`. A word in Latin letters
//! only stays Latin.
//!
//! A token takes 24 bytes: offsets are `u32`, so one [`Tokens`] covers at most
//! [`MAX_TEXT`] bytes (2 GiB, so that the normalized forms, at most twice as long, fit
//! too); the pipeline reads a longer text in pieces (see
//! [`Extractor`](crate::Extractor)).

use std::ops::Range;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A run of letters (and the marks inside it).
    Word,
    /// A run of ASCII digits.
    Number,
    /// Any other single character that is not whitespace.
    Punct,
}

/// What separates a token from the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gap {
    /// Nothing: the tokens touch (`17` `.` `00`).
    None,
    /// Spaces or tabs.
    Space,
    /// One line break.
    Newline,
    /// Two or more line breaks: a new paragraph.
    Paragraph,
}

/// The longest text one [`Tokens`] covers: offsets are `u32`, and a normalized form is at
/// most twice as long as its text (a Latin lookalike, one byte, becomes a two-byte letter).
pub const MAX_TEXT: usize = (u32::MAX / 2) as usize;

/// One token of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end: u32,
    /// The value of a number token (saturating), 0 for others.
    pub number: u32,
    /// Where its normalized form starts and ends in the norm buffer.
    norm: u32,
    norm_end: u32,
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// What separates it from the previous token.
    pub gap: Gap,
    /// The digit count of a number token (saturating at 255), 0 for others.
    pub digits: u8,
    /// For words: the first letter is upper case.
    pub capitalized: bool,
}

impl Token {
    /// Byte offset of the first character in the text.
    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Byte offset just past the last character.
    #[inline]
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// The byte span of the token in the text.
    #[inline]
    pub fn span(&self) -> Range<usize> {
        self.start()..self.end()
    }
}

/// Latin letters that stand for letters of a language's script inside a word of that script
/// (a Latin `a` typed in a Cyrillic word). Made from the language's table with
/// [`Lookalikes::new`]; [`Lookalikes::NONE`] maps nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lookalikes {
    /// The script's code points, first and last; a word maps only when it has a letter in
    /// this range and an ASCII letter.
    script: (char, char),
    /// For each of `a`..=`z`, the letter it is read as (itself when none).
    latin: [char; 26],
}

impl Lookalikes {
    /// No script, no mapping.
    pub const NONE: Lookalikes = Lookalikes::new(('\u{1}', '\u{0}'), &[]);

    /// A table for the script from `script.0` to `script.1`, with pairs (Latin lower-case
    /// letter, the script's letter it looks like). Pairs whose first letter is not `a`..=`z`
    /// are ignored.
    pub const fn new(script: (char, char), pairs: &[(char, char)]) -> Lookalikes {
        let mut latin = ['a'; 26];
        let mut k = 0;
        while k < 26 {
            latin[k] = (b'a' + k as u8) as char;
            k += 1;
        }
        let mut k = 0;
        while k < pairs.len() {
            let (from, to) = pairs[k];
            if from.is_ascii_lowercase() {
                latin[(from as u8 - b'a') as usize] = to;
            }
            k += 1;
        }
        Lookalikes { script, latin }
    }

    /// Is `c` a letter of the script?
    #[inline]
    fn in_script(&self, c: char) -> bool {
        self.script.0 <= c && c <= self.script.1
    }

    /// The letter a lower-case character is read as in a mixed word.
    #[inline]
    fn map(&self, c: char) -> char {
        if c.is_ascii_lowercase() {
            self.latin[(c as u8 - b'a') as usize]
        } else {
            c
        }
    }
}

/// The tokens of a text and their normalized forms.
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    tokens: Vec<Token>,
    norm: String,
}

impl Tokens {
    /// Tokenizes `text` in one pass, mapping no lookalike letters.
    ///
    /// Only the first [`MAX_TEXT`] bytes (cut at a character boundary) are read.
    pub fn new(text: &str) -> Self {
        Tokens::with_lookalikes(text, &Lookalikes::NONE)
    }

    /// Tokenizes `text` in one pass, reading Latin lookalikes in words of the script of
    /// `lookalikes` as that script's letters.
    ///
    /// Only the first [`MAX_TEXT`] bytes (cut at a character boundary) are read; the
    /// pipeline gives longer texts in pieces.
    pub fn with_lookalikes(text: &str, lookalikes: &Lookalikes) -> Self {
        let text = super::prefix(text, MAX_TEXT);
        // News text averages about seven bytes a token; the vectors grow if it has more.
        let mut out =
            Tokens { tokens: Vec::with_capacity(text.len() / 7 + 1), norm: String::with_capacity(text.len()) };
        out.scan(text, lookalikes);
        out
    }

    /// Tokenizes `text` as [`Tokens::with_lookalikes`] does, into this value's buffers
    /// (kept from an earlier text, so that a run over many documents does not allocate
    /// them again for each).
    pub(crate) fn refill(&mut self, text: &str, lookalikes: &Lookalikes) {
        let text = super::prefix(text, MAX_TEXT);
        self.tokens.clear();
        self.norm.clear();
        self.tokens.reserve(text.len() / 7 + 1);
        self.norm.reserve(text.len());
        self.scan(text, lookalikes);
    }

    /// The bytes its buffers hold (kept or not).
    pub(crate) fn capacity_bytes(&self) -> usize {
        self.tokens.capacity() * std::mem::size_of::<Token>() + self.norm.capacity()
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// No tokens at all (empty or blank text).
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The token at `i`.
    pub fn get(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i)
    }

    /// All tokens, in text order.
    pub fn as_slice(&self) -> &[Token] {
        &self.tokens
    }

    /// The normalized form of token `i` ("" past the end).
    ///
    /// The grammars and the event engines ask for forms many times per token, so this is
    /// a range check and no test of character boundaries (std's `str::get` makes two).
    #[inline]
    pub fn norm(&self, i: usize) -> &str {
        let bytes = self.norm_bytes(i);
        // SAFETY: `scan` is the only code that writes `self.norm` and the tokens' norm
        // offsets. It appends only whole `str`s and `char`s (the lookalike mapping appends
        // the mapped chars and drains the original ones before it), and it records an
        // offset only as `self.norm.len()` between such appends, so every offset is a char
        // boundary of the string; the `as u32` of an offset is lossless, since a text of at
        // most MAX_TEXT bytes normalizes to at most twice as many (`a_norm_is_at_most_twice
        // _its_text`). So `bytes` is a whole run of chars of a `String`: valid UTF-8. The
        // tests `same_tokens_as_the_reference` and `norm_offsets_are_char_boundaries` check
        // the offsets on random text.
        unsafe { std::str::from_utf8_unchecked(bytes) }
    }

    /// The bytes of the normalized form of token `i` (empty past the end), for byte-wise
    /// lookups.
    #[inline]
    pub(crate) fn norm_bytes(&self, i: usize) -> &[u8] {
        self.tokens.get(i).map_or(&[], |t| self.norm_bytes_of(t))
    }

    /// The bytes of the normalized form of `token`, one of these tokens (empty for a token
    /// of other tokens whose form is out of range).
    #[inline]
    pub(crate) fn norm_bytes_of(&self, token: &Token) -> &[u8] {
        self.norm.as_bytes().get(token.norm as usize..token.norm_end as usize).unwrap_or(&[])
    }

    /// The normalized forms of tokens `range` (token indices) as one string: the forms of
    /// tokens that touch (`Нур` `-` `Султане` → `нур-султане`) without a copy, since the
    /// forms are stored one after another. Whatever separated the tokens in the text is not
    /// in it; "" for an empty or out-of-range `range`.
    pub fn norm_span(&self, range: std::ops::Range<usize>) -> &str {
        let (Some(first), Some(last)) =
            (self.tokens.get(range.start), range.end.checked_sub(1).and_then(|i| self.tokens.get(i)))
        else {
            return "";
        };
        if range.start >= range.end {
            return "";
        }
        self.norm.get(first.norm as usize..last.norm_end as usize).unwrap_or("")
    }

    /// Tokenizes `text`, at most [`MAX_TEXT`] bytes long (so every offset fits a `u32`).
    fn scan(&mut self, text: &str, lookalikes: &Lookalikes) {
        // Offsets fit: the caller cut the text to MAX_TEXT bytes, and its norms are at most
        // twice as long.
        let at = |i: usize| i as u32;
        // The fast path below sees the letters U+0430..U+044F; it counts them as letters of
        // the lookalikes' script only when they are.
        let fast_in_script = lookalikes.in_script('\u{430}') && lookalikes.in_script('\u{44f}');
        let bytes = text.as_bytes();
        let mut gap = Gap::None;
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b' ' {
                gap = gap.max(Gap::Space);
                i += 1;
                continue;
            }
            let c = char_at(text, i);
            let basic = is_basic_letter(c);
            if !basic && c.is_whitespace() {
                // A CR that starts a CRLF is plain space; the LF counts the break.
                let line_break = matches!(c, '\n' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}')
                    || (c == '\r' && bytes.get(i + 1) != Some(&b'\n'));
                gap = match (line_break, gap) {
                    (true, Gap::Newline | Gap::Paragraph) => Gap::Paragraph,
                    (true, _) => Gap::Newline,
                    (false, g) => g.max(Gap::Space),
                };
                i += c.len_utf8();
                continue;
            }
            // Nothing below U+00AD is ignorable or a mark.
            if !basic && c >= '\u{ad}' && (is_ignorable(c) || is_mark(c)) {
                i += c.len_utf8();
                continue;
            }
            let norm_start = self.norm.len();
            let mut token = Token {
                start: at(i),
                end: at(i + c.len_utf8()),
                kind: TokenKind::Punct,
                gap,
                number: 0,
                digits: 0,
                capitalized: false,
                norm: at(norm_start),
                norm_end: at(norm_start),
            };
            if c.is_ascii_digit() {
                token.kind = TokenKind::Number;
                let mut value: u32 = 0;
                let mut digits: u32 = 0;
                let start = i;
                while let Some(&d) = bytes.get(i).filter(|d| d.is_ascii_digit()) {
                    value = value.saturating_mul(10).saturating_add(u32::from(d - b'0'));
                    digits += 1;
                    i += 1;
                }
                self.norm.push_str(&text[start..i]);
                token.end = at(i);
                token.number = value;
                token.digits = digits.min(255) as u8;
            } else if is_letter(c) {
                token.kind = TokenKind::Word;
                token.capitalized = is_upper(c);
                let (mut native, mut lat) = (false, false);
                while i < bytes.len() {
                    // Most of a word is usually already normal (lower case, no `ё`): copy
                    // such a run as it is.
                    let mut fast_native = false;
                    let run = normal_run(bytes, i, &mut fast_native, &mut lat);
                    native |= fast_native && fast_in_script;
                    if run > i {
                        self.norm.push_str(&text[i..run]);
                        token.end = at(run);
                        i = run;
                        // The end of the text, or an ASCII character that is not a letter
                        // (none is ignorable or a mark): the word ends here.
                        if bytes.get(i).is_none_or(|b| b.is_ascii() && !b.is_ascii_alphabetic()) {
                            break;
                        }
                    }
                    let d = char_at(text, i);
                    if is_letter(d) {
                        native |= lookalikes.in_script(d);
                        lat |= d.is_ascii_alphabetic();
                        push_lower(&mut self.norm, d);
                        token.end = at(i + d.len_utf8());
                    } else if !(is_ignorable(d) || is_mark(d)) {
                        break;
                    }
                    i += d.len_utf8();
                }
                if native && lat {
                    // Map in place: append the mapped form, then drop the original (no
                    // allocation; the buffer has room for the text's length).
                    let (start, end) = (norm_start, self.norm.len());
                    let mut k = start;
                    while k < end {
                        let Some(l) = self.norm[k..end].chars().next() else { break };
                        self.norm.push(lookalikes.map(l));
                        k += l.len_utf8();
                    }
                    self.norm.drain(start..end);
                }
            } else {
                self.norm.push(match c {
                    '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '-' => '-',
                    other => other,
                });
                i += c.len_utf8();
            }
            token.norm_end = at(self.norm.len());
            self.tokens.push(token);
            gap = Gap::None;
        }
    }
}

/// The end of the run of letters from byte `i` that normalization leaves as they are:
/// `a`-`z` and U+0430..U+044F (the Cyrillic small letters of the basic block). Sets `cyr` /
/// `lat` when the run has letters of the one / the other.
#[inline]
fn normal_run(bytes: &[u8], mut i: usize, cyr: &mut bool, lat: &mut bool) -> usize {
    let (mut c, mut l) = (false, false);
    // Four Cyrillic small letters at a time: each little-endian 16-bit lane of the next
    // eight bytes is `D0 Bx` or `D1 8x`.
    const LANES: u64 = 0xF0FF_F0FF_F0FF_F0FF;
    const LOW15: u64 = 0x7FFF_7FFF_7FFF_7FFF;
    const HIGH: u64 = 0x8000_8000_8000_8000;
    let zero_lanes = |v: u64| !(((v & LOW15) + LOW15) | v) & HIGH;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut a = [0u8; 8];
        a.copy_from_slice(chunk);
        let x = u64::from_le_bytes(a) & LANES;
        // The high bit of each lane that holds such a letter (a lane is exact: no carry
        // crosses from one to the next).
        let letters = zero_lanes(x ^ 0xB0D0_B0D0_B0D0_B0D0) | zero_lanes(x ^ 0x80D1_80D1_80D1_80D1);
        if letters != HIGH {
            // The lanes before the first that is not such a letter are letters: take them
            // at once; the loop below reads on from the first other byte.
            let lanes = (!letters & HIGH).trailing_zeros() / 16;
            c |= lanes > 0;
            i += 2 * lanes as usize;
            break;
        }
        c = true;
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_lowercase() {
            l = true;
            i += 1;
            continue;
        }
        // U+0430..U+043F and U+0440..U+044F.
        let Some(&n) = bytes.get(i + 1) else { break };
        if (b == 0xd0 && (n & 0xf0) == 0xb0) || (b == 0xd1 && (n & 0xf0) == 0x80) {
            c = true;
            i += 2;
            continue;
        }
        break;
    }
    *cyr |= c;
    *lat |= l;
    i
}

/// The character starting at byte `i` of `text` (a char boundary), decoded without the
/// general UTF-8 path for ASCII and for the two-byte sequences of U+0400..U+047F.
#[inline]
fn char_at(text: &str, i: usize) -> char {
    let bytes = text.as_bytes();
    match bytes[i] {
        b @ 0..=0x7f => char::from(b),
        lead @ (0xd0 | 0xd1) => match bytes.get(i + 1) {
            Some(&next) => char::from_u32((u32::from(lead & 0x1f) << 6) | u32::from(next & 0x3f)).unwrap_or('\u{fffd}'),
            None => '\u{fffd}',
        },
        _ => text[i..].chars().next().unwrap_or('\u{fffd}'),
    }
}

/// The letters U+0410..U+044F, U+0401, U+0451 (a fast path for Cyrillic text; all are
/// alphabetic).
#[inline]
fn is_basic_letter(c: char) -> bool {
    matches!(c, '\u{410}'..='\u{44f}' | '\u{401}' | '\u{451}')
}

/// `char::is_alphabetic`, answered without a table lookup for ASCII and Russian letters.
#[inline]
fn is_letter(c: char) -> bool {
    is_basic_letter(c) || c.is_alphabetic()
}

/// `char::is_uppercase`, answered without a table lookup for ASCII and Russian letters.
#[inline]
fn is_upper(c: char) -> bool {
    match c {
        'A'..='Z' | '\u{410}'..='\u{42f}' | '\u{401}' => true,
        'a'..='z' | '\u{430}'..='\u{44f}' | '\u{451}' => false,
        _ => c.is_uppercase(),
    }
}

/// Pushes the lower case of a letter, `ё` written `е` (the same as `char::to_lowercase`,
/// with arithmetic instead of a table lookup for ASCII and Russian letters).
#[inline]
fn push_lower(norm: &mut String, c: char) {
    match c {
        'A'..='Z' => norm.push(c.to_ascii_lowercase()),
        '\u{410}'..='\u{42f}' => norm.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
        '\u{401}' | '\u{451}' => norm.push('е'),
        'a'..='z' | '\u{430}'..='\u{44f}' => norm.push(c),
        _ => {
            for l in c.to_lowercase() {
                norm.push(if l == 'ё' { 'е' } else { l });
            }
        }
    }
}

/// Characters that are invisible in running text: soft hyphen, zero-width space/joiners,
/// word joiner, BOM, direction marks and embeddings.
fn is_ignorable(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// Combining marks (stress accents and the like), which belong to the letter before them.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_norms() {
        let t = Tokens::new("До 17.00 ЁЛКИ");
        assert_eq!(t.len(), 5);
        assert_eq!(t.norm(0), "до");
        assert_eq!(t.get(1).unwrap().kind, TokenKind::Number);
        assert_eq!(t.norm(4), "елки");
    }

    use crate::lang::Lang;

    /// The Russian table, through the language seam.
    fn ru() -> &'static Lookalikes {
        Lang::Ru.table().lookalikes
    }

    fn is_cyrillic(c: char) -> bool {
        matches!(c, '\u{400}'..='\u{4ff}')
    }

    fn latin_lookalike(c: char) -> char {
        ru().map(c)
    }

    fn norms(text: &str) -> Vec<String> {
        let t = Tokens::with_lookalikes(text, ru());
        (0..t.len()).map(|i| t.norm(i).to_string()).collect()
    }

    #[test]
    fn words_numbers_punct() {
        assert_eq!(norms("1-го Апреля, 2020г."), ["1", "-", "го", "апреля", ",", "2020", "г", "."]);
        assert_eq!(norms("16–22 марта"), ["16", "-", "22", "марта"]);
    }

    #[test]
    fn spans_are_exact() {
        let text = "Ёлки\u{a0}во\u{ad}круг «мaрта»";
        let t = Tokens::with_lookalikes(text, ru());
        let surfaces: Vec<&str> = t.as_slice().iter().map(|k| &text[k.span()]).collect();
        assert_eq!(surfaces, ["Ёлки", "во\u{ad}круг", "«", "мaрта", "»"]);
        assert_eq!(t.norm(0), "елки");
        assert_eq!(t.norm(1), "вокруг");
        assert_eq!(t.norm(3), "марта");
    }

    #[test]
    fn latin_words_stay_latin() {
        assert_eq!(norms("eGov Mobile"), ["egov", "mobile"]);
    }

    #[test]
    fn gaps() {
        let t = Tokens::new("а б\nв\r\n\r\nг\r\nд");
        let gaps: Vec<Gap> = t.as_slice().iter().map(|k| k.gap).collect();
        assert_eq!(gaps, [Gap::None, Gap::Space, Gap::Newline, Gap::Paragraph, Gap::Newline]);
    }

    #[test]
    fn huge_numbers_saturate() {
        let t = Tokens::new("99999999999999999999");
        assert_eq!(t.get(0).unwrap().number, u32::MAX);
        assert_eq!(t.get(0).unwrap().digits, 20);
    }

    #[test]
    fn fast_paths_agree_with_std() {
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            if c.is_alphabetic() {
                assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
                let mut fast = String::new();
                push_lower(&mut fast, c);
                let slow: String = c.to_lowercase().map(|l| if l == 'ё' { 'е' } else { l }).collect();
                assert_eq!(fast, slow, "{c:?}");
            }
        }
    }

    #[test]
    fn mixed_script_words_map_in_place() {
        assert_eq!(norms("мaрт Мoсквa 16 мaя"), ["март", "москва", "16", "мая"]);
    }

    /// A token as the reference tokenizer below writes it.
    struct Reference {
        start: usize,
        end: usize,
        kind: TokenKind,
        gap: Gap,
        number: u32,
        digits: u8,
        capitalized: bool,
    }

    /// The tokenizer as it was before the fast paths (std's char tables, one char at a
    /// time): tokens and norms, for the differential test below.
    fn reference(text: &str) -> Vec<(Reference, String)> {
        let mut out = Vec::new();
        let mut gap = Gap::None;
        let mut chars = text.char_indices().peekable();
        while let Some(&(i, c)) = chars.peek() {
            if c.is_whitespace() {
                let line_break = matches!(c, '\n' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}')
                    || (c == '\r' && text.as_bytes().get(i + 1) != Some(&b'\n'));
                gap = match (line_break, gap) {
                    (true, Gap::Newline | Gap::Paragraph) => Gap::Paragraph,
                    (true, _) => Gap::Newline,
                    (false, g) => g.max(Gap::Space),
                };
                chars.next();
                continue;
            }
            if is_ignorable(c) || is_mark(c) {
                chars.next();
                continue;
            }
            let mut norm = String::new();
            let mut token = Reference {
                start: i,
                end: i + c.len_utf8(),
                kind: TokenKind::Punct,
                gap,
                number: 0,
                digits: 0,
                capitalized: false,
            };
            if c.is_ascii_digit() {
                token.kind = TokenKind::Number;
                let (mut value, mut digits) = (0u32, 0u32);
                while let Some(&(j, d)) = chars.peek() {
                    if !d.is_ascii_digit() {
                        break;
                    }
                    value = value.saturating_mul(10).saturating_add(d as u32 - '0' as u32);
                    digits += 1;
                    norm.push(d);
                    token.end = j + 1;
                    chars.next();
                }
                token.number = value;
                token.digits = digits.min(255) as u8;
            } else if c.is_alphabetic() {
                token.kind = TokenKind::Word;
                token.capitalized = c.is_uppercase();
                let (mut cyr, mut lat) = (false, false);
                while let Some(&(j, d)) = chars.peek() {
                    if d.is_alphabetic() {
                        cyr |= is_cyrillic(d);
                        lat |= d.is_ascii_alphabetic();
                        for l in d.to_lowercase() {
                            norm.push(if l == 'ё' { 'е' } else { l });
                        }
                        token.end = j + d.len_utf8();
                    } else if !(is_ignorable(d) || is_mark(d)) {
                        break;
                    }
                    chars.next();
                }
                if cyr && lat {
                    norm = norm.chars().map(latin_lookalike).collect();
                }
            } else {
                norm.push(match c {
                    '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '-' => '-',
                    other => other,
                });
                chars.next();
            }
            out.push((token, norm));
            gap = Gap::None;
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn same_tokens_as_the_reference(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "а", "я", "А", "Я", "ё", "Ё", "е", "ж", "П", "р", "Р", "ъ", "ѣ", "Ѣ", "і", "ї", "Ґ",
                "a", "z", "A", "Z", "e", "o", "p", "x", "1", "0", "9", "17.00", "2020",
                " ", "  ", "\t", "\n", "\r\n", "\r", "\n\n", "\u{a0}", "\u{2028}", "\u{85}",
                "\u{ad}", "\u{200b}", "\u{feff}", "\u{301}", "\u{345}", "\u{483}", "\u{488}",
                ".", ",", "-", "–", "—", "«", "»", "%", "№", "(", ")", "ß", "İ", "Σ", "ς", "ǅ",
                "日", "😀", "марта", "Марта", "мaрта", "МАРТ", "ёлка", "eGov", "COVID",
            ]), 0..40)
        ) {
            let text: String = parts.concat();
            let tokens = Tokens::with_lookalikes(&text, ru());
            assert_offsets_are_boundaries(&tokens);
            let want = reference(&text);
            proptest::prop_assert_eq!(tokens.len(), want.len(), "{:?}", text);
            for (i, (token, norm)) in want.iter().enumerate() {
                let got = tokens.get(i).unwrap();
                proptest::prop_assert_eq!(
                    (got.start(), got.end(), got.kind, got.gap, got.number, got.digits, got.capitalized),
                    (token.start, token.end, token.kind, token.gap, token.number, token.digits, token.capitalized),
                    "{:?}", text
                );
                proptest::prop_assert_eq!(tokens.norm(i), norm.as_str(), "{:?}", text);
            }
        }
    }

    /// What [`Tokens::norm`]'s `unsafe` rests on: the norm offsets are char boundaries.
    fn assert_offsets_are_boundaries(tokens: &Tokens) {
        for t in &tokens.tokens {
            assert!(t.norm <= t.norm_end && (t.norm_end as usize) <= tokens.norm.len());
            assert!(tokens.norm.is_char_boundary(t.norm as usize));
            assert!(tokens.norm.is_char_boundary(t.norm_end as usize));
        }
    }

    #[test]
    fn normal_runs_end_where_a_byte_loop_ends_them() {
        // The byte-by-byte reading of a run, without the eight-byte step.
        fn simple(bytes: &[u8], mut i: usize) -> usize {
            while let Some(&b) = bytes.get(i) {
                match (b, bytes.get(i + 1)) {
                    (b'a'..=b'z', _) => i += 1,
                    (0xd0, Some(&n)) if n & 0xf0 == 0xb0 => i += 2,
                    (0xd1, Some(&n)) if n & 0xf0 == 0x80 => i += 2,
                    _ => break,
                }
            }
            i
        }
        let letters = ["а", "п", "р", "я", "ё", "А", "Я", "a", "z", " ", ".", "1", "ѐ", "ј", "ӕ", "日"];
        for n in 0..6usize {
            for k in 0..letters.len().pow(n as u32).min(5000) {
                let mut text = String::from("мам");
                let mut m = k;
                for _ in 0..n {
                    text.push_str(letters[m % letters.len()]);
                    m /= letters.len();
                }
                text.push_str("ра мама");
                for start in (0..text.len()).filter(|&j| text.is_char_boundary(j)) {
                    let (mut c, mut l) = (false, false);
                    assert_eq!(
                        normal_run(text.as_bytes(), start, &mut c, &mut l),
                        simple(text.as_bytes(), start),
                        "{text:?} {start}"
                    );
                }
            }
        }
    }

    #[test]
    fn norm_offsets_are_char_boundaries() {
        for text in ["", "а", "Ёлки\u{a0}во\u{ad}круг «мaрта»", "İSTANBUL ǅ ẞ Σς", "мaрт\u{301}x日😀\r\n1-2"]
        {
            assert_offsets_are_boundaries(&Tokens::with_lookalikes(text, ru()));
            assert_offsets_are_boundaries(&Tokens::new(text));
        }
    }

    #[test]
    fn a_norm_is_at_most_twice_its_text() {
        // Every character, alone and in a mixed word (where a Latin letter may become a
        // two-byte letter): the norm offsets of a text of MAX_TEXT bytes fit a `u32`.
        let mut text = String::new();
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            text.clear();
            text.push('ж');
            text.push(c);
            let tokens = Tokens::with_lookalikes(&text, ru());
            assert!(tokens.norm.len() - 'ж'.len_utf8() <= 2 * c.len_utf8(), "{c:?}");
        }
    }

    #[test]
    fn norm_span_joins_touching_tokens() {
        let t = Tokens::new("в Нур-Султане");
        assert_eq!(t.norm_span(1..4), "нур-султане");
        assert_eq!(t.norm_span(1..2), "нур");
        assert_eq!(t.norm_span(3..3), "");
        assert_eq!(t.norm_span(3..9), "");
    }

    #[test]
    fn without_lookalikes_mixed_words_stay_as_written() {
        let t = Tokens::new("мaрт");
        assert_eq!(t.norm(0), "мaрт");
    }

    #[test]
    fn a_token_is_small() {
        assert_eq!(std::mem::size_of::<Token>(), 24);
    }

    #[test]
    fn accents_inside_words() {
        assert_eq!(norms("Втора́я"), ["вторая"]);
    }
}
