//! Text layer: tokens with spans and normalized forms, and sentences over them. It holds no
//! word of any language: the language's tables ([`Lookalikes`], [`SentenceRules`]) are passed
//! in.

pub mod excerpt;
pub mod sentence;
pub mod token;
pub(crate) mod wordmap;

pub use excerpt::Excerpt;
pub use sentence::{split_sentences, Sentence, SentenceRules};
/// The normalized form of a table's word or phrase (lower case, `ё` as `е`, the hyphen family
/// as `-`, touching tokens joined), exactly as [`Tokens::norm_span`] gives it for the same
/// text: tables are folded by the one case fold the text is.
pub(crate) fn fold(form: &str) -> String {
    let t = Tokens::new(form);
    t.norm_span(0..t.len()).to_string()
}

pub use token::{Gap, Lookalikes, Token, TokenKind, Tokens, MAX_TEXT};

/// The longest prefix of `text` of at most `max` bytes that ends at a character boundary.
pub(crate) fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or("")
}

/// A piece of a text cut by [`pieces`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Piece<'a> {
    /// Its first byte in the text.
    pub(crate) offset: usize,
    /// Its text.
    pub(crate) text: &'a str,
    /// The next piece starts a paragraph (this one was cut at a blank line).
    pub(crate) paragraph_after: bool,
}

/// Cuts `text` into pieces to read one at a time, so that what is kept per token lives for
/// one piece only. A text of `target` bytes or fewer is one piece. A longer one is cut
/// before the first blank line (a line break, then spaces, tabs or CRs, then a line break)
/// at or after `target` bytes: a blank line ends a sentence and the next piece starts with
/// it, so its first token has the gap it has in the whole text, and the pieces read as the
/// whole text would. Only where `max` bytes pass with no blank line (`max` is at least 4,
/// so that a piece holds a character) is a piece cut before its last line break, else at
/// a character boundary, and a sentence may be cut there.
pub(crate) fn pieces(text: &str, target: usize, max: usize) -> impl Iterator<Item = Piece<'_>> {
    let max = max.max(4);
    let target = target.clamp(1, max);
    let mut offset = 0;
    std::iter::from_fn(move || {
        let rest = text.get(offset..).filter(|r| !r.is_empty())?;
        let (len, paragraph_after) = if rest.len() <= target {
            (rest.len(), false)
        } else {
            match blank_line_from(rest.as_bytes(), target).filter(|&b| b <= max) {
                Some(b) => (b, true),
                None if rest.len() <= max => (rest.len(), false),
                None => {
                    let window = prefix(rest, max);
                    let line = window.as_bytes().iter().rposition(|&b| b == b'\n').filter(|&k| k > 0);
                    (line.unwrap_or(window.len()), false)
                }
            }
        };
        let piece = rest.get(..len)?;
        let at = offset;
        offset += len;
        Some(Piece { offset: at, text: piece, paragraph_after })
    })
}

/// The first byte at or after `from` that starts a blank line: a `\n` followed by spaces,
/// tabs or CRs and another `\n`.
fn blank_line_from(bytes: &[u8], from: usize) -> Option<usize> {
    let mut k = from;
    while let Some(p) = bytes.get(k..)?.iter().position(|&b| b == b'\n') {
        let at = k + p;
        let mut j = at + 1;
        while matches!(bytes.get(j), Some(b' ' | b'\t' | b'\r')) {
            j += 1;
        }
        if bytes.get(j) == Some(&b'\n') {
            return Some(at);
        }
        k = j;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, target: usize, max: usize) -> Vec<(usize, &str, bool)> {
        pieces(text, target, max).map(|p| (p.offset, p.text, p.paragraph_after)).collect()
    }

    #[test]
    fn pieces_start_at_blank_lines() {
        let text = "аб\nвг\n \r\nде\n\nжз";
        assert_eq!(cut(text, 1, 100), [(0, "аб\nвг", true), (9, "\n \r\nде", true), (17, "\n\nжз", false)]);
        assert_eq!(cut(text, 100, 100), [(0, text, false)]);
        assert_eq!(cut("", 1, 10), []);
    }

    #[test]
    fn without_blank_lines_pieces_end_at_lines_then_characters() {
        assert_eq!(cut("аб\nвг\nде", 1, 9), [(0, "аб", false), (4, "\nвг", false), (9, "\nде", false)]);
        let chars: Vec<&str> = pieces("абвгд", 1, 5).map(|p| p.text).collect();
        assert_eq!(chars, ["аб", "вг", "д"]);
        assert_eq!(prefix("аб", 3), "а");
    }
}
