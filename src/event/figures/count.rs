//! Whether a sentence gives its counts as new or as running totals: the cues, found once per
//! sentence that has a figure (see "New or cumulative" in [`super`]).

use super::grammar::Cx;
use super::toks::Kind;
use super::words::{flag, Lex};
use super::Count;

/// A word or phrase that says whether counts are new or cumulative.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cue {
    /// Index of its last word.
    pub(crate) at: usize,
    /// What it says.
    pub(crate) count: Count,
    /// Whether it speaks for its own clause only (`новых`), not for the whole sentence.
    pub(crate) clause_only: bool,
    /// Whether it is a period (`за сутки`), which does not make a level reached new.
    pub(crate) period: bool,
}

impl Cx<'_> {
    /// The count cues of the sentence, in order: `новых`, `впервые`, `прирост` (new, for
    /// their clause); `за [последние] сутки`, `в течение суток`, `за день` (new, not before
    /// `до`); `всего`, `с начала ...`, `в общей сложности`, `общее число`, `за весь период`
    /// (cumulative).
    /// (Into `out`, which it clears first.)
    pub(crate) fn count_cues(&self, out: &mut Vec<Cue>) {
        out.clear();
        let flags = |i: usize| -> u32 {
            match self.toks.get(i) {
                Some(t) if matches!(t.kind, Kind::Word) => self.entry(t).flags,
                _ => 0,
            }
        };
        // Flags of the two words before the current one, carried forward: one lookup per word.
        let (mut f1, mut f2) = (0u32, 0u32);
        for (i, t) in self.toks.iter().enumerate() {
            // Most words are in no cue: the filter turns them away before any lookup.
            let f = match t.kind {
                Kind::Word if self.words.may_be_count_cue_shape(t.shape) => self.entry(t).flags,
                _ => 0,
            };
            if f == 0 {
                (f2, f1) = (f1, 0);
                continue;
            }
            let cue = |count, clause_only, period| Cue { at: i, count, clause_only, period };
            if f & flag::COUNT_NEW != 0 {
                out.push(cue(Count::New, true, false));
            } else if f & flag::COUNT_TOTAL != 0 {
                // (`Больше всего заболевших ...` opens a list of the largest parts: no total.)
                if !(i == 1 && self.opens_with_part()) {
                    out.push(cue(Count::Cumulative, false, false));
                }
            } else if f & flag::DAY != 0
                && (f1 & flag::FOR != 0 || (f1 & flag::WINDOW != 0 && f2 & flag::FOR != 0))
                && flags(i + 1) & flag::UP_TO == 0
            {
                out.push(cue(Count::New, false, true));
            } else if (f & flag::START != 0 && f1 & flag::WITH != 0)
                || (f & flag::SUM != 0 && f1 & flag::TOTAL_ADJ != 0)
                || (f & flag::PERIOD != 0 && f1 & flag::WHOLE != 0 && f2 & flag::FOR != 0)
            {
                out.push(cue(Count::Cumulative, false, false));
            } else if f & flag::TOTAL_ADJ != 0 {
                let next = flags(i + 1) & flag::SUBJECT != 0 || matches!(self.lex(i + 1), Some(Lex::Count(..)));
                if next {
                    out.push(cue(Count::Cumulative, false, false));
                }
            }
            (f2, f1) = (f1, f);
        }
    }
}

/// The count of the cue nearest to token `k` (the earlier at equal distance).
pub(crate) fn nearest<'c>(cues: impl Iterator<Item = &'c Cue>, k: usize) -> Option<Count> {
    cues.min_by_key(|c| (c.at.abs_diff(k), c.at > k)).map(|c| c.count)
}
