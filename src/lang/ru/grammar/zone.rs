//! Time zones after a clock time: `10:00 МСК`, `в 15:00 (GMT+6)`, `в 9 утра по московскому
//! времени`, `по времени Нур-Султана`, `в 19:00 по Москве`. The zones and their offsets are
//! the table [`zones`].

use super::P;
use crate::lang::ru::lexicon::zones;

impl P<'_> {
    /// A zone starting at token `i`, optionally in parentheses: its offset in minutes east
    /// of UTC and the index after it.
    pub(super) fn zone(&self, i: usize) -> Option<(i32, usize)> {
        if self.w(i) == "(" {
            let (offset, end) = self.zone_words(i + 1)?;
            return (self.w(end) == ")").then_some((offset, end + 1));
        }
        self.zone_words(i)
    }

    fn zone_words(&self, i: usize) -> Option<(i32, usize)> {
        let w = self.w(i);
        if let Some(&(_, offset)) = zones::ABBREVIATIONS.iter().find(|(a, _)| *a == w) {
            if zones::WITH_SIGNED_OFFSET.contains(&w) {
                if let Some((shift, end)) = self.signed_offset(i + 1) {
                    return Some((offset + shift, end));
                }
            }
            return Some((offset, i + 1));
        }
        if w != zones::BY {
            return None;
        }
        if self.w(i + 1) == zones::TIME_WORD {
            return self.phrase(i + 2, zones::CITIES);
        }
        if let Some((offset, end)) = self.phrase(i + 1, zones::ADJECTIVES) {
            return (self.w(end) == zones::TIME_WORD).then_some((offset, end + 1));
        }
        self.phrase(i + 1, zones::CITIES)
    }

    /// `+6`, `-3`, `+05:00`, `+5:30` touching the abbreviation: minutes, and the index after.
    fn signed_offset(&self, i: usize) -> Option<(i32, usize)> {
        let sign = match self.w(i) {
            "+" => 1,
            "-" => -1,
            _ => return None,
        };
        if !self.touching(i) || !self.touching(i + 1) {
            return None;
        }
        let (hours, digits) = self.num(i + 1)?;
        if digits > 2 || hours > 14 {
            return None;
        }
        let mut minutes = 0;
        let mut end = i + 2;
        if self.w(end) == ":" && self.touching(end) && self.touching(end + 1) {
            if let Some((m, 2)) = self.num(end + 1) {
                if m < 60 {
                    minutes = m;
                    end += 2;
                }
            }
        }
        // Hours ≤ 14 and minutes < 60: the product fits an i32.
        Some((sign * (hours as i32 * 60 + minutes as i32), end))
    }

    /// The first entry of `table` whose words are the tokens from `i`: its offset and the
    /// index after it. The words of a hyphenated name must touch.
    fn phrase(&self, i: usize, table: &[(&[&str], i32)]) -> Option<(i32, usize)> {
        table.iter().find_map(|(words, offset)| {
            let all =
                words.iter().enumerate().all(|(k, word)| self.w(i + k) == *word && (k == 0 || self.touching(i + k)));
            all.then_some((*offset, i + words.len()))
        })
    }
}
