//! Text layer: tokens with spans and normalized forms, and sentences over them. It holds no
//! word of any language: the language's tables ([`Lookalikes`], [`SentenceRules`]) are passed
//! in.

pub mod sentence;
pub mod token;
#[allow(dead_code)] // The engines take it up one by one.
pub(crate) mod wordmap;

pub use sentence::{split_sentences, Sentence, SentenceRules};
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

/// Cuts `text` into pieces of at most `max` bytes (at least 4, so that every piece holds a
/// character), as (byte offset, piece), for a text longer than one [`Tokens`] can cover
/// ([`MAX_TEXT`]). A piece ends after the last blank line that fits, else after the last
/// line break, else at a character boundary; a text of `max` bytes or fewer is one piece.
///
/// Sentences never cross a piece; since a blank line ends a sentence anyway, a text cut at
/// blank lines reads as it would whole.
pub(crate) fn pieces(text: &str, max: usize) -> impl Iterator<Item = (usize, &str)> {
    let max = max.max(4);
    let mut offset = 0;
    std::iter::from_fn(move || {
        let rest = text.get(offset..).filter(|r| !r.is_empty())?;
        let window = prefix(rest, max);
        let len = if window.len() == rest.len() {
            rest.len()
        } else {
            let bytes = window.as_bytes();
            let blank = bytes.windows(2).rposition(|w| w == b"\n\n").map(|k| k + 2);
            let line = bytes.iter().rposition(|&b| b == b'\n').map(|k| k + 1);
            blank.or(line).unwrap_or(window.len())
        };
        let piece = rest.get(..len)?;
        let at = offset;
        offset += len;
        Some((at, piece))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_end_at_blank_lines_then_lines_then_characters() {
        let text = "аб\n\nвг\nде жз";
        let cut: Vec<(usize, &str)> = pieces(text, 12).collect();
        assert_eq!(cut, [(0, "аб\n\n"), (6, "вг\n"), (11, "де жз")]);
        let cut: Vec<&str> = pieces("абвгд", 5).map(|p| p.1).collect();
        assert_eq!(cut, ["аб", "вг", "д"]);
        assert_eq!(pieces(text, MAX_TEXT).count(), 1);
        assert_eq!(pieces("", 10).count(), 0);
        assert_eq!(prefix("аб", 3), "а");
    }
}
