//! What every language's grammar reads a sentence through: its tokens and their lexicon
//! entries, with nothing visible past the sentence's end.

use crate::text::{Gap, Token, TokenKind, Tokens};

/// Tokens `lo..hi` of a document (one sentence) and the lexicon entries of each, of the
/// language's entry type `L`. Every accessor answers "nothing" at or past `hi`, so a rule
/// never reads into the next sentence.
pub(crate) struct Window<'a, L: 'static> {
    /// The document's tokens (piece).
    pub(crate) t: &'a Tokens,
    /// The entries of token `lo + k` at `k`.
    pub(crate) lex: &'a [&'static [L]],
    /// The sentence's first token.
    pub(crate) lo: usize,
    /// The token after its last.
    pub(crate) hi: usize,
}

impl<'a, L: 'static> Window<'a, L> {
    /// Token `i`.
    #[inline]
    pub(crate) fn tok(&self, i: usize) -> Option<&'a Token> {
        if i < self.hi {
            self.t.get(i)
        } else {
            None
        }
    }

    /// The normalized form of token `i` (`""` outside the sentence).
    #[inline]
    pub(crate) fn w(&self, i: usize) -> &'a str {
        if i < self.hi {
            self.t.norm(i)
        } else {
            ""
        }
    }

    /// Token `i` is one of `words` (normalized forms).
    #[inline]
    pub(crate) fn is(&self, i: usize, words: &[&str]) -> bool {
        i < self.hi && words.contains(&self.t.norm(i))
    }

    /// The lexicon entries of token `i`.
    #[inline]
    pub(crate) fn lex(&self, i: usize) -> &'static [L] {
        if i < self.hi {
            self.lex.get(i.wrapping_sub(self.lo)).copied().unwrap_or(&[])
        } else {
            &[]
        }
    }

    /// The first entry of token `i` that `f` reads.
    #[inline]
    pub(crate) fn find<T>(&self, i: usize, f: impl Fn(&L) -> Option<T>) -> Option<T> {
        self.lex(i).iter().find_map(f)
    }

    /// Token `i` touches the token before it.
    #[inline]
    pub(crate) fn touching(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.gap == Gap::None)
    }

    /// A number token: (value, digit count).
    #[inline]
    pub(crate) fn num(&self, i: usize) -> Option<(u32, u8)> {
        self.tok(i).filter(|t| t.kind == TokenKind::Number).map(|t| (t.number, t.digits))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_past_the_end() {
        let tokens = Tokens::new("до 16 марта. Вчера");
        let lex: Vec<&'static [u8]> = vec![&[1], &[2], &[3]];
        let w = Window { t: &tokens, lex: &lex, lo: 0, hi: 3 };
        assert_eq!((w.w(1), w.num(1), w.lex(2)), ("16", Some((16, 2)), &[3u8][..]));
        assert!(w.is(2, &["марта"]) && !w.touching(1) && !w.touching(3));
        assert_eq!((w.tok(3).is_some(), w.w(4), w.lex(4).len(), w.find(0, |&b| Some(b))), (false, "", 0, Some(1)));
    }
}
