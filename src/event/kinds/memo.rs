//! What the kind engine knows of the words a thread has already looked up (their atoms,
//! the rules they can start, their clause flags: a [`WordInfo`]), so that a word met again
//! (news repeat their words) costs one probe of a small cache instead of a walk over its
//! prefixes in the cue tables and a merge of the rule lists of its atoms.
//!
//! A word is keyed by its length and two 8-byte loads, its first and its last 8 bytes (a
//! shorter word is packed whole into the first): for a word of at most 16 bytes (most
//! words: eight Cyrillic letters) the key *is* the word, so a probe compares three integers
//! and reads nothing else; a longer word's bytes are also kept in an arena, and a probe that
//! matches its key compares them too. The hash mixes the key in one multiply, so no word is
//! read byte by byte.
//!
//! The cache is two-way set associative: a word's hash picks a set of two slots. A new word
//! goes into the first slot of its set and the word there moves to the second. The arenas
//! only grow; when they pass their bound, the cache starts afresh, which [`Memo::begin`]
//! does between sentences only, so the atom ranges handed out for one sentence stay valid
//! while it is classified.

use super::{
    note_facts, Cues, Part, FACT_ALL_RUBRIC, FACT_ALL_STAMP, FACT_ANY_NUMBER, FACT_CONDITIONAL, FACT_RUMOUR,
    NUMBER_ATOM,
};

/// Sets in the cache (two slots each).
const SETS: usize = 1 << 12;
/// Bytes of long words kept before the cache starts afresh.
const MAX_KEY_BYTES: usize = 1 << 20;
/// Atoms kept before the cache starts afresh.
const MAX_ATOMS: usize = 1 << 18;
/// The longest word whose key is the word itself.
const SHORT: usize = 16;

/// What the engine needs of one word; the ranges are in the memo's arenas.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct WordInfo {
    /// Its atoms in [`Memo::atoms`] (led by the number atom when the word is one number
    /// token or a number word).
    pub(super) atoms: (u32, u32),
    /// The rules its atoms start, by rule index, in [`Memo::rules`]: cue rules
    /// `rules[0]..rules[1]`, blockers and negations `rules[1]..rules[2]`, discourse rules
    /// `rules[2]..rules[3]` (see [`Part`]), each part ascending.
    pub(super) rules: [u32; 4],
    /// The bits `1 << (atom % 64)` of its atoms (see [`super::Tok::sig`]).
    pub(super) sig: u64,
    /// The union of its atoms' clause flags.
    pub(super) flags: u8,
    /// What a one-token word adds to a reading's facts (`FACT_CONDITIONAL`, ...): the facts
    /// it sets, and the facts it keeps (see [`super::note_facts`]).
    pub(super) facts: (u8, u8),
}

/// A word as the cache keys it: its first and last 8 bytes (little endian, overlapping for
/// a word of 8 to 16 bytes; a word shorter than 8 packed into `head`, `tail` 0), and its
/// length shifted left once with whether it is a number token in the low bit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Key {
    head: u64,
    tail: u64,
    len: u32,
}

/// The `len` of an empty slot: no word has it (lengths are capped well below).
const EMPTY: u32 = u32::MAX;

impl Key {
    /// The key of a word's bytes.
    #[inline]
    fn of(bytes: &[u8], number: bool) -> Key {
        let n = bytes.len();
        let (head, tail) = if n >= 8 {
            (load8(bytes, 0), load8(bytes, n - 8))
        } else if n >= 4 {
            // Bytes 0..4 and n-4..n cover the word.
            (load4(bytes, 0) | load4(bytes, n - 4) << 32, 0)
        } else if n >= 2 {
            (load2(bytes, 0) | load2(bytes, n - 2) << 16, 0)
        } else {
            (bytes.first().map_or(0, |&b| u64::from(b)), 0)
        };
        // Capped so that `EMPTY` stays free; a longer word is compared by its bytes anyway.
        let len = (n.min(1 << 30) as u32) << 1 | u32::from(number);
        Key { head, tail, len }
    }

    /// The word's length in bytes.
    #[inline]
    fn bytes(self) -> usize {
        (self.len >> 1) as usize
    }

    /// A hash of the key (its high bits are the well mixed ones).
    #[inline]
    fn hash(self) -> u64 {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        (self.head.rotate_left(23) ^ self.tail ^ u64::from(self.len)).wrapping_mul(K)
    }
}

/// The 8 bytes at `at` as a little-endian word (0 past the end).
#[inline]
fn load8(bytes: &[u8], at: usize) -> u64 {
    bytes.get(at..at + 8).and_then(|c| c.try_into().ok()).map_or(0, u64::from_le_bytes)
}

/// The 4 bytes at `at` as a little-endian word (0 past the end).
#[inline]
fn load4(bytes: &[u8], at: usize) -> u64 {
    bytes.get(at..at + 4).and_then(|c| c.try_into().ok()).map_or(0, |c| u64::from(u32::from_le_bytes(c)))
}

/// The 2 bytes at `at` as a little-endian word (0 past the end).
#[inline]
fn load2(bytes: &[u8], at: usize) -> u64 {
    bytes.get(at..at + 2).and_then(|c| c.try_into().ok()).map_or(0, |c| u64::from(u16::from_le_bytes(c)))
}

/// One cached word.
#[derive(Clone, Copy)]
struct Slot {
    /// The word's key; `len` is [`EMPTY`] for an empty slot.
    key: Key,
    /// For a word longer than [`SHORT`] bytes: where its bytes are in [`Memo::keys`].
    at: u32,
    /// What it is.
    info: WordInfo,
}

impl Default for Slot {
    fn default() -> Slot {
        Slot { key: Key { head: 0, tail: 0, len: EMPTY }, at: 0, info: WordInfo::default() }
    }
}

/// The per-thread cache of word atoms.
#[derive(Default)]
pub(super) struct Memo {
    /// The tables the atoms belong to (their id; 0 before any).
    owner: usize,
    /// `2 * SETS` slots, allocated on first use.
    slots: Vec<Slot>,
    /// The bytes of the cached words longer than [`SHORT`], one after another.
    keys: Vec<u8>,
    /// The atoms of the cached words.
    pub(super) atoms: Vec<u32>,
    /// The rules the cached words start.
    pub(super) rules: Vec<u32>,
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
    #[inline(always)]
    pub(super) fn lookup(&mut self, cues: &Cues, bytes: &[u8], number: bool) -> WordInfo {
        let key = Key::of(bytes, number);
        let set = ((key.hash() >> 40) as usize & (SETS - 1)) * 2;
        if let Some(pair) = self.slots.get(set..set + 2) {
            for slot in pair {
                if slot.key == key {
                    let at = slot.at as usize;
                    if key.bytes() <= SHORT || self.keys.get(at..at + bytes.len()) == Some(bytes) {
                        return slot.info;
                    }
                }
            }
        }
        self.learn_into(cues, bytes, number, key, set)
    }

    /// Learns a word the cache does not hold and puts it into the set at `set`.
    #[cold]
    #[inline(never)]
    fn learn_into(&mut self, cues: &Cues, bytes: &[u8], number: bool, key: Key, set: usize) -> WordInfo {
        let info = self.learn(cues, std::str::from_utf8(bytes).unwrap_or(""), number);
        let at = self.keys.len() as u32;
        if bytes.len() > SHORT {
            self.keys.extend_from_slice(bytes);
        }
        if let Some([first, second]) = self.slots.get_mut(set..set + 2) {
            *second = *first;
            *first = Slot { key, at, info };
        }
        info
    }

    /// Looks a new word up in `cues`: its atoms, the rules they start, their flags.
    fn learn(&mut self, cues: &Cues, word: &str, number: bool) -> WordInfo {
        let lo = self.atoms.len();
        // A number word (`пяти`) is a number for `#` as digits are.
        if number || (cues.is_number_word)(word) {
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
        // By part (cue rules first), each part by rule index.
        let part = |r: u32| cues.rules.get(r as usize).map_or(Part::Discourse, |r| r.role.part());
        mine.sort_unstable_by_key(|&r| (part(r), r));
        let mut kept = 0;
        for k in 0..mine.len() {
            if kept == 0 || mine[k] != mine[kept - 1] {
                mine[kept] = mine[k];
                kept += 1;
            }
        }
        self.rules.truncate(start + kept);
        let mine = self.rules.get(start..).unwrap_or(&[]);
        let end_of = |p: Part| (start + mine.iter().take_while(|&&r| part(r) <= p).count()) as u32;
        WordInfo {
            atoms: (lo as u32, hi as u32),
            sig: self.atoms.get(lo..hi).unwrap_or(&[]).iter().fold(0, |sig, &a| sig | 1 << (a % 64)),
            rules: [start as u32, end_of(Part::Cue), end_of(Part::Other), self.rules.len() as u32],
            flags,
            facts: {
                let numeric = self.atoms.get(lo) == Some(&NUMBER_ATOM) && lo < hi;
                let marks = cues.marks.get(word).copied().unwrap_or(0);
                let set = note_facts(0, !number, numeric, marks);
                let kept = note_facts(FACT_ALL_STAMP | FACT_ALL_RUBRIC, !number, numeric, marks);
                const SET_ONLY: u8 = FACT_CONDITIONAL | FACT_ANY_NUMBER | FACT_RUMOUR;
                (set & SET_ONLY, kept | SET_ONLY)
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_key_is_the_word() {
        let words: Vec<String> = (0..40).map(|n| "ж".repeat(n / 2) + &"z".repeat(n % 2)).collect();
        for a in &words {
            for b in &words {
                if a.len() <= SHORT && b.len() <= SHORT {
                    assert_eq!(Key::of(a.as_bytes(), false) == Key::of(b.as_bytes(), false), a == b, "{a} {b}");
                }
            }
            assert_ne!(Key::of(a.as_bytes(), false), Key::of(a.as_bytes(), true));
            assert_ne!(Key::of(a.as_bytes(), false).len, EMPTY);
        }
        for (a, b) in [("abcdefghij", "abcdefghiJ"), ("Abcdefghij", "abcdefghij"), ("abc", "abd"), ("ab", "abc")] {
            assert_ne!(Key::of(a.as_bytes(), false), Key::of(b.as_bytes(), false));
        }
    }

    #[test]
    fn long_words_with_one_key_are_told_apart() {
        let cues: &super::super::Cues = crate::lang::Lang::Ru.table().events.cues;
        let mut memo = Memo::default();
        memo.begin(cues);
        // Same length, same first and last 8 bytes: one key, two words.
        let (a, b) = ("карантинxyzинные", "карантинzyxинные");
        assert_eq!(Key::of(a.as_bytes(), false), Key::of(b.as_bytes(), false));
        let first = memo.lookup(cues, "карантинные".as_bytes(), false);
        let x = memo.lookup(cues, a.as_bytes(), false);
        let y = memo.lookup(cues, b.as_bytes(), false);
        assert_ne!(first.atoms.0, first.atoms.1);
        assert_eq!((x.atoms.1 - x.atoms.0, y.atoms.1 - y.atoms.0), (1, 1), "both start with `карантин`");
        assert_eq!(memo.lookup(cues, a.as_bytes(), false).atoms, x.atoms);
        assert_eq!(memo.lookup(cues, b.as_bytes(), false).atoms, y.atoms);
    }

    #[test]
    fn a_word_met_again_gets_what_it_got_first() {
        let cues: &super::super::Cues = crate::lang::Lang::Ru.table().events.cues;
        let mut memo = Memo::default();
        memo.begin(cues);
        let words = ["карантин", "карантина", "школы", "и", "42500", "не", "закрыты", "zzz"];
        let first: Vec<WordInfo> = words.iter().map(|w| memo.lookup(cues, w.as_bytes(), false)).collect();
        let number = memo.lookup(cues, "42500".as_bytes(), true);
        for (w, f) in words.iter().zip(&first) {
            let again = memo.lookup(cues, w.as_bytes(), false);
            assert_eq!((again.atoms, again.rules, again.flags), (f.atoms, f.rules, f.flags), "{w}");
            let mut atoms = Vec::new();
            cues.lookup(w, &mut atoms);
            assert_eq!(&memo.atoms[f.atoms.0 as usize..f.atoms.1 as usize], &atoms[..], "{w}");
        }
        // A number token is a different word from the same letters in a word token.
        assert_eq!(memo.atoms.get(number.atoms.0 as usize), Some(&NUMBER_ATOM));
        let rules = |i: WordInfo| memo.rules[i.rules[0] as usize..i.rules[3] as usize].to_vec();
        assert!(!rules(first[0]).is_empty());
        assert!(rules(first[7]).is_empty());
    }
}
