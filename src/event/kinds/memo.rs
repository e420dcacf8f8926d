//! What the kind engine knows of the words a thread has already looked up (their atoms,
//! the rules they can start, their clause flags: a [`WordInfo`]), so that a word met again
//! (news repeat their words) costs one probe of a small cache instead of a walk over its
//! prefixes in the cue tables and a merge of the rule lists of its atoms.
//!
//! The cache is two-way set associative: a word's hash picks a set of two slots; a slot
//! holds the word's hash, where its bytes and its atoms are in two arenas, and nothing else,
//! so a probe reads one cache line. A hit is checked against the stored bytes (a hash alone
//! decides nothing). A new word goes into the first slot of its set and the word there moves
//! to the second. The arenas only grow; when they pass their bound, the cache starts afresh,
//! which [`Memo::begin`] does between sentences only, so the atom ranges handed out for one
//! sentence stay valid while it is classified.

use super::{Cues, Role, NUMBER_ATOM};

/// Sets in the cache (two slots each).
const SETS: usize = 1 << 12;
/// Bytes of words kept before the cache starts afresh.
const MAX_KEY_BYTES: usize = 1 << 20;
/// Atoms kept before the cache starts afresh.
const MAX_ATOMS: usize = 1 << 18;

/// What the engine needs of one word; the ranges are in the memo's arenas.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct WordInfo {
    /// Its atoms in [`Memo::atoms`] (led by the number atom when the word is one number).
    pub(super) atoms: (u32, u32),
    /// The rules its atoms start, by rule index, in [`Memo::rules`]: cue rules
    /// `rules.0..rules.1`, the others `rules.1..rules.2`, each part ascending.
    pub(super) rules: (u32, u32, u32),
    /// The union of its atoms' clause flags.
    pub(super) flags: u8,
}

/// One cached word.
#[derive(Clone, Copy, Default)]
struct Slot {
    /// The word's hash; 0 for an empty slot (no word hashes to 0, see [`hash`]).
    hash: u64,
    /// Where its bytes are in [`Memo::keys`], and how many.
    key: u32,
    len: u32,
    /// What it is.
    info: WordInfo,
}

/// The per-thread cache of word atoms.
#[derive(Default)]
pub(super) struct Memo {
    /// The tables the atoms belong to (their id; 0 before any).
    owner: usize,
    /// `2 * SETS` slots, allocated on first use.
    slots: Vec<Slot>,
    /// The bytes of the cached words, one after another (a slot's length is the word's).
    keys: Vec<u8>,
    /// The atoms of the cached words.
    pub(super) atoms: Vec<u32>,
    /// The rules the cached words start.
    pub(super) rules: Vec<u32>,
}

/// The 8 bytes at `at` as a little-endian word (0 past the end).
#[inline]
fn word_at(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..at + 8) {
        Some(c) => {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            u64::from_le_bytes(w)
        }
        None => 0,
    }
}

/// The bytes of a word as 8-byte words, for hashing and comparing without a byte loop: the
/// whole words, then (for a length that is no multiple of 8) the last 8 bytes, which overlap
/// the word before them; a word shorter than 8 bytes is read byte by byte.
#[inline]
fn for_each_word(bytes: &[u8], mut f: impl FnMut(u64) -> bool) -> bool {
    let n = bytes.len();
    if n < 8 {
        let w = bytes.iter().rev().fold(0u64, |w, &b| w << 8 | u64::from(b));
        return f(w);
    }
    let mut at = 0;
    while at + 8 <= n {
        if !f(word_at(bytes, at)) {
            return false;
        }
        at += 8;
    }
    at == n || f(word_at(bytes, n - 8))
}

/// A hash of a word's bytes (and whether it is a number), never 0: 8 bytes at a time, with
/// the multiply-rotate mix of FxHash, the length mixed in first.
#[inline]
fn hash(word: &[u8], number: bool) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut h = (word.len() as u64) << 1 | u64::from(number);
    for_each_word(word, |w| {
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
        true
    });
    h | 1
}

/// Whether two words of the same length have the same bytes.
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    let mut at = 0;
    let n = b.len();
    a.len() == n
        && for_each_word(b, |w| {
            let mine = if n < 8 {
                a.iter().rev().fold(0u64, |w, &b| w << 8 | u64::from(b))
            } else {
                let x = word_at(a, at.min(n - 8));
                at += 8;
                x
            };
            mine == w
        })
}

impl Memo {
    /// Makes the cache ready for the words of one sentence with `cues`: it starts afresh
    /// when another language's tables are used or when it has grown past its bound.
    pub(super) fn begin(&mut self, cues: &Cues) {
        let owner = cues.id;
        if self.owner != owner
            || self.keys.len() > MAX_KEY_BYTES
            || self.atoms.len() > MAX_ATOMS
            || self.rules.len() > MAX_ATOMS
        {
            self.owner = owner;
            self.slots.clear();
            self.keys.clear();
            self.atoms.clear();
            self.rules.clear();
        }
        if self.slots.is_empty() {
            self.slots.resize(2 * SETS, Slot::default());
        }
    }

    /// What the engine needs of a normalized word (one number token when `number`), looked
    /// up in `cues` when new.
    #[inline]
    pub(super) fn lookup(&mut self, cues: &Cues, word: &str, number: bool) -> WordInfo {
        let bytes = word.as_bytes();
        let h = hash(bytes, number);
        // The high bits of the last multiply are the well mixed ones.
        let set = ((h >> 40) as usize & (SETS - 1)) * 2;
        if let Some(pair) = self.slots.get(set..set + 2) {
            for slot in pair {
                if slot.hash == h && slot.len as usize == bytes.len() {
                    let at = slot.key as usize;
                    if self.keys.get(at..at + bytes.len()).is_some_and(|k| same(k, bytes)) {
                        return slot.info;
                    }
                }
            }
        }
        let info = self.learn(cues, word, number);
        let key = self.keys.len() as u32;
        self.keys.extend_from_slice(bytes);
        if let Some([first, second]) = self.slots.get_mut(set..set + 2) {
            *second = *first;
            *first = Slot { hash: h, key, len: bytes.len() as u32, info };
        }
        info
    }

    /// Looks a new word up in `cues`: its atoms, the rules they start, their flags.
    fn learn(&mut self, cues: &Cues, word: &str, number: bool) -> WordInfo {
        let lo = self.atoms.len();
        if number {
            self.atoms.push(NUMBER_ATOM);
        }
        cues.lookup(word, &mut self.atoms);
        let hi = self.atoms.len();
        let mut flags = 0;
        let start = self.rules.len();
        for &atom in self.atoms.get(lo..hi).unwrap_or(&[]) {
            flags |= cues.word_flags.get(atom as usize).copied().unwrap_or(0);
            if let Some(rules) = cues.anchors.get(atom as usize) {
                self.rules.extend_from_slice(rules);
            }
        }
        let mine = self.rules.get_mut(start..).unwrap_or(&mut []);
        // Cue rules first, each part by rule index.
        let is_cue = |r: u32| cues.rules.get(r as usize).is_some_and(|r| matches!(r.role, Role::Cue(_)));
        mine.sort_unstable_by_key(|&r| (!is_cue(r), r));
        let mut kept = 0;
        for k in 0..mine.len() {
            if kept == 0 || mine[k] != mine[kept - 1] {
                mine[kept] = mine[k];
                kept += 1;
            }
        }
        self.rules.truncate(start + kept);
        let cue_end = start + self.rules[start..].iter().take_while(|&&r| is_cue(r)).count();
        WordInfo {
            atoms: (lo as u32, hi as u32),
            rules: (start as u32, cue_end as u32, self.rules.len() as u32),
            flags,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_compare_8_bytes_at_a_time() {
        let words: Vec<String> = (0..40).map(|n| "ж".repeat(n / 2) + &"z".repeat(n % 2)).collect();
        for a in &words {
            for b in &words {
                if a.len() == b.len() {
                    assert_eq!(same(a.as_bytes(), b.as_bytes()), a == b, "{a} {b}");
                }
            }
            assert_ne!(hash(a.as_bytes(), false), 0);
            assert_ne!(hash(a.as_bytes(), false), hash(a.as_bytes(), true));
        }
        assert!(!same(b"abcdefghij", b"abcdefghiJ"));
        assert!(!same(b"Abcdefghij", b"abcdefghij"));
        assert!(!same(b"abc", b"abd"));
    }

    #[test]
    fn a_word_met_again_gets_what_it_got_first() {
        let cues: &super::super::Cues = crate::lang::Lang::Ru.table().events.cues;
        let mut memo = Memo::default();
        memo.begin(cues);
        let words = ["карантин", "карантина", "школы", "и", "42500", "не", "закрыты", "zzz"];
        let first: Vec<WordInfo> = words.iter().map(|w| memo.lookup(cues, w, false)).collect();
        let number = memo.lookup(cues, "42500", true);
        for (w, f) in words.iter().zip(&first) {
            let again = memo.lookup(cues, w, false);
            assert_eq!((again.atoms, again.rules, again.flags), (f.atoms, f.rules, f.flags), "{w}");
            let mut atoms = Vec::new();
            cues.lookup(w, &mut atoms);
            assert_eq!(&memo.atoms[f.atoms.0 as usize..f.atoms.1 as usize], &atoms[..], "{w}");
        }
        // A number token is a different word from the same letters in a word token.
        assert_eq!(memo.atoms.get(number.atoms.0 as usize), Some(&NUMBER_ATOM));
        let rules = |i: WordInfo| memo.rules[i.rules.0 as usize..i.rules.2 as usize].to_vec();
        assert!(!rules(first[0]).is_empty());
        assert!(rules(first[7]).is_empty());
    }
}
