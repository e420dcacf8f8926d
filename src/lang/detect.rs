//! Which language a text is in: a byte scan for the letters Kazakh has and Russian does not
//! (`ә ғ қ ң ө ұ ү һ і`, upper and lower case), measured against the Cyrillic letters.
//!
//! Russian text has none of those letters, so on Russian text the scan is one pass over
//! its bytes looking for two UTF-8 lead bytes (`0xD2`, `0xD3`) and two letters (`і`, `І`),
//! stopping at [`SAMPLE`] bytes; no token or word is read.

use super::Lang;

/// The bytes of a text the choice reads at most.
pub const SAMPLE: usize = 16 * 1024;

/// Kazakh-specific letters and Cyrillic letters in `bytes`.
fn counts(bytes: &[u8]) -> (usize, usize) {
    let (mut kazakh, mut cyrillic) = (0, 0);
    let mut k = 0;
    while k + 1 < bytes.len() {
        let (lead, next) = (bytes[k], bytes[k + 1]);
        match lead {
            0xD0 | 0xD1 => {
                cyrillic += 1;
                // `І` (U+0406) and `і` (U+0456).
                if (lead == 0xD0 && next == 0x86) || (lead == 0xD1 && next == 0x96) {
                    kazakh += 1;
                }
                k += 2;
            }
            0xD2 | 0xD3 => {
                cyrillic += 1;
                // `Ғғ Ққ Ңң Ұұ Үү Һһ` (U+0492..U+04BB) and `Әә Өө` (U+04D8, U+04D9, U+04E8, U+04E9).
                let kk = if lead == 0xD2 {
                    matches!(next, 0x92 | 0x93 | 0x9A | 0x9B | 0xA2 | 0xA3 | 0xAE | 0xAF | 0xB0 | 0xB1 | 0xBA | 0xBB)
                } else {
                    matches!(next, 0x98 | 0x99 | 0xA8 | 0xA9)
                };
                kazakh += usize::from(kk);
                k += 2;
            }
            _ => k += 1,
        }
    }
    (kazakh, cyrillic)
}

/// Is a text with these counts Kazakh? At least one Cyrillic letter in 30 is Kazakh-only (in
/// Kazakh news about one in eight is), or, in a short text, any two are.
fn is_kazakh(kazakh: usize, cyrillic: usize) -> bool {
    kazakh > 0 && (kazakh * 30 >= cyrillic || kazakh >= 2 && cyrillic < 60)
}

/// The language of `text`, from its first [`SAMPLE`] bytes: Kazakh when enough of its
/// Cyrillic letters are Kazakh-only, else Russian (also for text with no Cyrillic).
///
pub fn detect(text: &str) -> Lang {
    let bytes = text.as_bytes();
    let sample = bytes.get(..SAMPLE).unwrap_or(bytes);
    if !sample.iter().any(|&b| b == 0xD2 || b == 0xD3 || b == 0x96 || b == 0x86) {
        return Lang::Ru;
    }
    let (kazakh, cyrillic) = counts(sample);
    if is_kazakh(kazakh, cyrillic) {
        Lang::Kk
    } else {
        Lang::Ru
    }
}

/// Does `text` hold any Kazakh-only letter in its first [`SAMPLE`] bytes? A Russian
/// document without one is read as one language throughout.
pub fn has_kazakh_letters(text: &str) -> bool {
    let bytes = text.as_bytes();
    counts(bytes.get(..SAMPLE).unwrap_or(bytes)).0 > 0
}

/// The language of one sentence of a document in `doc`: the sentence's own when its letters
/// tell (a Russian quote in a Kazakh article, a Kazakh one in a Russian article), else the
/// document's.
pub fn sentence_lang(sentence: &str, doc: Lang) -> Lang {
    let (kazakh, cyrillic) = counts(sentence.as_bytes());
    if is_kazakh(kazakh, cyrillic) {
        Lang::Kk
    } else if cyrillic >= 12 && kazakh == 0 {
        Lang::Ru
    } else {
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_and_russian_are_told_apart() {
        assert_eq!(detect("Бүгін елімізде 500 адам жұқтырды."), Lang::Kk);
        assert_eq!(detect("Сегодня в стране выявлено 500 случаев."), Lang::Ru);
        assert_eq!(detect("ҚР"), Lang::Ru);
        assert_eq!(detect(""), Lang::Ru);
        assert_eq!(detect("2020-03-16"), Lang::Ru);
        // A Kazakh name in a Russian article does not make it Kazakh.
        let ru = "Аким города встретился с жителями микрорайона «Ақсай» и обсудил ремонт дорог и школ.";
        assert_eq!(detect(ru), Lang::Ru);
        assert_eq!(sentence_lang("Карантин продлён до 15 апреля.", Lang::Kk), Lang::Ru);
        assert_eq!(sentence_lang("15 сәуірге дейін.", Lang::Ru), Lang::Kk);
        assert_eq!(sentence_lang("2020", Lang::Kk), Lang::Kk);
    }
}
