//! Tense: which way a clause's verbs point, for year-less dates and bare weekdays.
//!
//! Cues come from the lexicon (`будет`, `продлится`, `введут` for the future; short past
//! forms such as `был`) and from past-tense and short-participle endings (`ввели`,
//! `выявлено`, `зарегистрированы`), with a table of words that only look past (`недели`,
//! `правила`). A mention takes the tense of the nearest cue in its own clause.

use super::lexicon::{looks_past, starts_with_scheduling_stem, Lex, PAST_AUXILIARIES};
pub use crate::expr::Tense;
use crate::text::{Gap, TokenKind, Tokens};
use std::ops::Range;

/// Tense cues of one sentence: (token index, tense), in text order. `lex[k]` is what token
/// `sentence.start + k` means to the lexicon.
pub fn tense_cues(tokens: &Tokens, lex: &[&'static [Lex]], sentence: Range<usize>) -> Vec<(usize, Tense)> {
    let mut out = Vec::new();
    tense_cues_into(tokens, lex, sentence, &mut out);
    out
}

/// [`tense_cues`] into a buffer (cleared first).
pub fn tense_cues_into(tokens: &Tokens, lex: &[&'static [Lex]], sentence: Range<usize>, out: &mut Vec<(usize, Tense)>) {
    out.clear();
    let lo = sentence.start;
    for i in sentence {
        let Some(t) = tokens.get(i) else { break };
        if t.kind != TokenKind::Word {
            continue;
        }
        let meaning = lex.get(i - lo).copied().unwrap_or(&[]);
        let w = tokens.norm(i);
        // A variant test, not `==`: the two entries carry no value, so it is the same
        // question, without the derived comparison's payload match.
        let tense = if meaning.iter().any(|l| matches!(l, Lex::Future)) {
            Tense::Future
        } else if starts_with_scheduling_stem(w) {
            // `перенесли на осень`: the time a decision sets is not in its past; `был
            // отменён`: nor is the auxiliary that carries the participle.
            if out.last().is_some_and(|&(j, _)| j + 1 == i && PAST_AUXILIARIES.contains(&tokens.norm(j))) {
                out.pop();
            }
            continue;
        } else if meaning.iter().any(|l| matches!(l, Lex::Past)) || (meaning.is_empty() && looks_past(w)) {
            // `будут закрыты`: the auxiliary's tense is the clause's.
            if out.last().is_some_and(|&(j, t)| j + 1 == i && t == Tense::Future) {
                continue;
            }
            Tense::Past
        } else {
            continue;
        };
        out.push((i, tense));
    }
}

/// The clause boundaries of one sentence (`,` `;` `:` `(` `)` or a dash between spaces), as
/// token indices in order, for [`tense_near`].
pub fn clause_boundaries(tokens: &Tokens, sentence: Range<usize>) -> Vec<usize> {
    let mut out = Vec::new();
    clause_boundaries_into(tokens, sentence, &mut out);
    out
}

/// [`clause_boundaries`] into a buffer (cleared first).
pub fn clause_boundaries_into(tokens: &Tokens, sentence: Range<usize>, out: &mut Vec<usize>) {
    out.clear();
    out.extend(sentence.filter(|&i| {
        let Some(t) = tokens.get(i).filter(|t| t.kind == TokenKind::Punct) else { return false };
        let w = tokens.norm(i);
        matches!(w, "," | ";" | ":" | "(" | ")") || (w == "-" && t.gap != Gap::None)
    }));
}

/// The tense of the clause around token `at`: the cue nearest to it (ties go to the one
/// before) among those not separated from it by a clause boundary (see
/// [`clause_boundaries`]). A clause with no cue has no tense; the resolver then takes the
/// nearest occurrence, which is the safe reading.
///
/// Only the nearest cue on each side can win (a boundary that cuts it off cuts off the
/// farther ones too), so a call costs O(log n) and a sentence's mentions cost linear time.
pub fn tense_near(cues: &[(usize, Tense)], boundaries: &[usize], at: usize) -> Option<Tense> {
    let open = |i: usize| {
        let (a, b) = if i < at { (i, at) } else { (at, i) };
        let first_after_a = boundaries.partition_point(|&x| x <= a);
        boundaries.get(first_after_a).is_none_or(|&x| x >= b)
    };
    let k = cues.partition_point(|&(i, _)| i <= at);
    let before = k.checked_sub(1).and_then(|j| cues.get(j)).filter(|c| open(c.0));
    let after = cues.get(k).filter(|c| open(c.0));
    match (before, after) {
        (Some(b), Some(a)) if a.0 - at < at - b.0 => Some(a.1),
        (Some(b), _) => Some(b.1),
        (None, a) => a.map(|c| c.1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::ru::grammar::lexicalize;

    #[test]
    fn tense_cues_find_past_and_future() {
        let t = Tokens::new("режим начал действовать и продлится до весны");
        let cues = tense_cues(&t, &lexicalize(&t), 0..t.len());
        assert_eq!(cues, [(1, Tense::Past), (4, Tense::Future)]);
    }

    #[test]
    fn tense_near_takes_the_nearest_cue_of_its_clause() {
        let t = Tokens::new("ввели 16 марта, продлится до 15 апреля и 20 апреля - завершат");
        let (cues, bounds) = (tense_cues(&t, &lexicalize(&t), 0..t.len()), clause_boundaries(&t, 0..t.len()));
        assert_eq!(bounds, [3, 11]);
        assert_eq!(tense_near(&cues, &bounds, 1), Some(Tense::Past));
        assert_eq!(tense_near(&cues, &bounds, 6), Some(Tense::Future));
        assert_eq!(tense_near(&cues, &bounds, 9), Some(Tense::Future));
        let t = Tokens::new("16 марта");
        assert_eq!(
            tense_near(&tense_cues(&t, &lexicalize(&t), 0..t.len()), &clause_boundaries(&t, 0..t.len()), 0),
            None
        );
    }
}
