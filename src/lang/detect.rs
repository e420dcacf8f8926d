//! Which language a text is in: a byte scan for the letters Kazakh has and Russian does not
//! (`ә ғ қ ң ө ұ ү һ і`, upper and lower case), measured against the Cyrillic letters.
//!
//! Russian text has none of those letters, so on Russian text the scan is one pass over
//! its bytes, counting the two-byte Cyrillic letters by their bytes, stopping at
//! [`SAMPLE`] bytes; no token or word is read.

use super::Lang;

/// The bytes of a text the choice reads at most.
pub const SAMPLE: usize = 16 * 1024;

/// What the choice counts in a text.
#[derive(Clone, Copy, Debug, Default)]
struct Counts {
    /// Letters Kazakh has and Russian does not.
    kazakh: usize,
    /// Letters common in Russian and rare in Kazakh (`ь ъ щ ц ч э ю ё`, in loanwords only),
    /// and one-letter words (`и`, `в`, `с`), twice.
    russian: usize,
    /// Cyrillic letters.
    cyrillic: usize,
}

/// Counts the letters of `bytes`.
fn counts(bytes: &[u8]) -> Counts {
    let mut c = Counts::default();
    let mut k = 0;
    while k + 1 < bytes.len() {
        let (lead, next) = (bytes[k], bytes[k + 1]);
        match lead {
            0xD0 | 0xD1 => {
                c.cyrillic += 1;
                // `І` (U+0406) and `і` (U+0456).
                if (lead == 0xD0 && next == 0x86) || (lead == 0xD1 && next == 0x96) {
                    c.kazakh += 1;
                }
                // `Ё Щ Ц Ч Ъ Ь Э Ю` and `щ ц ч ъ ь э ю ё`.
                let russian = if lead == 0xD0 {
                    matches!(next, 0x81 | 0xA6 | 0xA7 | 0xA9 | 0xAA | 0xAC | 0xAD | 0xAE)
                } else {
                    matches!(next, 0x86 | 0x87 | 0x89 | 0x8A | 0x8C | 0x8D | 0x8E | 0x91)
                };
                c.russian += usize::from(russian);
                // A one-letter word (`и`, `в`, `с`, `к`, `о`, `у`): Russian has many, Kazakh none.
                let before = k
                    .checked_sub(1)
                    .and_then(|b| bytes.get(b))
                    .is_none_or(|b| b.is_ascii_whitespace() || b.is_ascii_punctuation());
                let after = bytes.get(k + 2).is_none_or(|b| b.is_ascii_whitespace() || b.is_ascii_punctuation());
                if before && after {
                    c.russian += 2;
                }
                k += 2;
            }
            0xD2 | 0xD3 => {
                c.cyrillic += 1;
                // `Ғғ Ққ Ңң Ұұ Үү Һһ` (U+0492..U+04BB) and `Әә Өө` (U+04D8, U+04D9, U+04E8, U+04E9).
                let kk = if lead == 0xD2 {
                    matches!(next, 0x92 | 0x93 | 0x9A | 0x9B | 0xA2 | 0xA3 | 0xAE | 0xAF | 0xB0 | 0xB1 | 0xBA | 0xBB)
                } else {
                    matches!(next, 0x98 | 0x99 | 0xA8 | 0xA9)
                };
                c.kazakh += usize::from(kk);
                k += 2;
            }
            _ => k += 1,
        }
    }
    c
}

impl Counts {
    /// Kazakh: some Kazakh-only letters, at least half as many as Russian-only ones, and
    /// either one letter in 30 Kazakh-only or hardly any Russian-only letters (in Russian
    /// one letter in 20 is one of them, in Kazakh news one in 300).
    fn kazakh(self) -> bool {
        self.kazakh > 0
            && self.kazakh * 2 >= self.russian
            && (self.kazakh * 30 >= self.cyrillic || self.russian * 25 < self.cyrillic)
    }

    /// Kazakh beyond doubt, for a sentence of a Russian document: a Kazakh place name in
    /// Russian (`в Нұр-Сұлтане`) is not enough.
    fn clearly_kazakh(self) -> bool {
        self.kazakh >= 3 && self.kazakh >= self.russian * 2 && self.kazakh * 20 >= self.cyrillic
    }

    /// Russian beyond doubt, for a sentence of a Kazakh document.
    fn clearly_russian(self) -> bool {
        self.kazakh == 0 && self.russian > 0 && self.cyrillic >= 12
    }
}

/// Whether `bytes` hold a Kazakh-only letter (a lead byte 0xD2/0xD3, or `і`/`І`: 0xD1 0x96,
/// 0xD0 0x86), found without reading character by character: the byte pairs of 32 bytes at
/// a time are compared at once, in a loop the compiler turns into vector instructions.
fn kazakh_letter_in(bytes: &[u8]) -> bool {
    const CHUNK: usize = 32;
    let kazakh = |a: u8, b: u8| ((a & 0xFE) == 0xD2) | ((a == 0xD1) & (b == 0x96)) | ((a == 0xD0) & (b == 0x86));
    let mut k = 0;
    // Each chunk with the byte after it, so that a pair straddling two chunks is seen.
    while let (Some(a), Some(b)) = (bytes.get(k..k + CHUNK), bytes.get(k + 1..k + 1 + CHUNK)) {
        if a.iter().zip(b).fold(false, |any, (&a, &b)| any | kazakh(a, b)) {
            return true;
        }
        k += CHUNK;
    }
    let rest = bytes.get(k..).unwrap_or_default();
    (0..rest.len()).any(|i| kazakh(rest[i], rest.get(i + 1).copied().unwrap_or(0)))
}

/// Whether `bytes` hold a Russian-only letter (`ё ц ч щ ъ ь э ю`, either case); stops at the
/// first, which Russian text has within its first words.
fn russian_letter_in(bytes: &[u8]) -> bool {
    bytes.windows(2).any(|w| match w[0] {
        0xD0 => matches!(w[1], 0x81 | 0xA6 | 0xA7 | 0xA9 | 0xAA | 0xAC | 0xAD | 0xAE),
        0xD1 => matches!(w[1], 0x86 | 0x87 | 0x89 | 0x8A | 0x8C | 0x8D | 0x8E | 0x91),
        _ => false,
    })
}

/// The language of `text`, from its first [`SAMPLE`] bytes: Kazakh when its letters say
/// so ([`Counts::kazakh`]), else Russian (also for text with no Cyrillic).
pub fn detect(text: &str) -> Lang {
    choose(text).0
}

/// The language of `text` ([`detect`]) and whether its sample has a Kazakh-only letter
/// (the reason to read it sentence by sentence), from one scan in the common case.
pub fn choose(text: &str) -> (Lang, bool) {
    let bytes = text.as_bytes();
    let sample = bytes.get(..SAMPLE).unwrap_or(bytes);
    let kazakh_letters = kazakh_letter_in(sample);
    // The common case, answered without counting: no Kazakh letter and a Russian one (the
    // counts below would say Russian: `kazakh()` needs a Kazakh letter, and the word test
    // is asked only of a text with no Russian letter).
    if !kazakh_letters && russian_letter_in(sample) {
        return (Lang::Ru, false);
    }
    (counted(sample), kazakh_letters)
}

/// [`detect`] on a sample, by the counts.
fn counted(sample: &[u8]) -> Lang {
    let c = counts(sample);
    if c.kazakh() || (c.kazakh == 0 && c.russian == 0 && c.cyrillic > 0 && kazakh_words(sample)) {
        Lang::Kk
    } else {
        Lang::Ru
    }
}

/// Kazakh words with no Kazakh-only letter, and endings of Kazakh word forms, for a text
/// with neither Kazakh-only nor Russian-only letters (`Наурызда облыста 15 адам ауырды.`).
const WORDS: &[&str] = &[
    "адам",
    "облыста",
    "облысында",
    "сайын",
    "биыл",
    "былтыр",
    "бастап",
    "мен",
    "бен",
    "пен",
    "деп",
    "жылы",
    "осы",
    "жоқ",
    "бар",
    "болды",
    "ауырды",
    "ал",
    "да",
    "де",
    "та",
];
const ENDINGS: &[&str] =
    &["ында", "ынан", "ына", "лар", "дар", "тар", "ылды", "ланды", "ады", "йды", "ыста", "сында", "ызда"];

/// Does a text with no telling letters read as Kazakh by its words: at least one word in
/// three a Kazakh word or form? (Only short texts get here: Russian has a Russian-only
/// letter in nearly every sentence.)
fn kazakh_words(sample: &[u8]) -> bool {
    let text = String::from_utf8_lossy(sample);
    let (mut words, mut kazakh) = (0usize, 0usize);
    for w in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        words += 1;
        let w = w.to_lowercase();
        if WORDS.contains(&w.as_str()) || ENDINGS.iter().any(|e| w.len() > e.len() + 2 && w.ends_with(e)) {
            kazakh += 1;
        }
    }
    kazakh > 0 && kazakh * 3 >= words
}

/// The language of one sentence of a document in `doc`: the other language only when the
/// sentence's letters leave no doubt (a Russian quote in a Kazakh article, a Kazakh one in a
/// Russian article), else the document's.
pub fn sentence_lang(sentence: &str, doc: Lang) -> Lang {
    let bytes = sentence.as_bytes();
    let c = counts(bytes.get(..SAMPLE).unwrap_or(bytes));
    match doc {
        Lang::Ru if c.clearly_kazakh() => Lang::Kk,
        Lang::Kk if c.clearly_russian() => Lang::Ru,
        doc => doc,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_tests_agree_with_the_counts() {
        let texts = [
            "Бүгін елімізде 500 адам жұқтырды.",
            "Сегодня в стране выявлено 500 случаев.",
            "Іле ауданында",
            "ЖЦ і",
            "Цены на жильё",
            "Жаңа",
            "abc",
            "",
        ];
        for t in texts {
            let c = counts(t.as_bytes());
            assert_eq!(kazakh_letter_in(t.as_bytes()), c.kazakh > 0, "{t:?}");
        }
        // A Kazakh letter straddling a 64-byte block: `і` at bytes 63..65.
        let mut long = "a".repeat(63);
        long.push('і');
        assert!(kazakh_letter_in(long.as_bytes()));
        let mut long = "a".repeat(63);
        long.push('ц');
        assert!(!kazakh_letter_in(long.as_bytes()));
    }

    #[test]
    fn kazakh_and_russian_are_told_apart() {
        assert_eq!(detect("Бүгін елімізде 500 адам жұқтырды."), Lang::Kk);
        assert_eq!(detect("Сегодня в стране выявлено 500 случаев."), Lang::Ru);
        assert_eq!(detect("Есеп апта сайын жарияланып, облыстық штабқа жіберіледі."), Lang::Kk);
        assert_eq!(detect("Елімізде вакцинация 1 ақпаннан бастап басталады."), Lang::Kk);
        assert_eq!(detect("Наурызда облыста 15 адам ауырды."), Lang::Kk);
        assert_eq!(detect("Вода была холодной."), Lang::Ru);
        assert_eq!(detect(""), Lang::Ru);
        assert_eq!(detect("2020-03-16"), Lang::Ru);
        // A Kazakh name in a Russian article does not make it Kazakh.
        let ru = "Аким города встретился с жителями микрорайона «Ақсай» и обсудил ремонт дорог и школ.";
        assert_eq!(detect(ru), Lang::Ru);
        assert_eq!(sentence_lang("Карантин продлён до 15 апреля.", Lang::Kk), Lang::Ru);
        assert_eq!(sentence_lang("Карантин 15 сәуірге дейін созылады.", Lang::Ru), Lang::Kk);
        assert_eq!(sentence_lang("В Нұр-Сұлтане ввели карантин.", Lang::Ru), Lang::Ru);
        assert_eq!(sentence_lang("2020", Lang::Kk), Lang::Kk);
    }
}
