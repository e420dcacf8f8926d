//! One generic word table: normalized word forms (as [`Tokens::norm`](super::Tokens::norm)
//! gives them) to a value, behind a fast non-cryptographic hash. Every word lookup of the
//! grammar and of the event engines goes through it.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A small, fast, non-cryptographic hasher (the FxHash mix) for static word tables.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.hash;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(FX_SEED);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(FX_SEED);
        }
        self.hash = h;
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Builds [`FxHasher`]s for `HashMap`.
pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;

/// A table from normalized word forms to values.
#[derive(Clone, Debug)]
pub(crate) struct WordMap<V> {
    map: HashMap<Box<str>, V, FxBuild>,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap { map: HashMap::default() }
    }
}

impl<V> WordMap<V> {
    /// An empty table.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) the value of a form; returns the value it had.
    pub(crate) fn insert(&mut self, form: &str, value: V) -> Option<V> {
        self.map.insert(form.into(), value)
    }

    /// The value of a form, if the table has it.
    #[inline]
    pub(crate) fn get(&self, form: &str) -> Option<&V> {
        self.map.get(form)
    }

    /// The value of a form, inserted with `make` when missing.
    pub(crate) fn entry_or_insert_with(&mut self, form: &str, make: impl FnOnce() -> V) -> &mut V {
        self.map.entry(form.into()).or_insert_with(make)
    }

    /// Every form and its value, in no particular order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.map.iter().map(|(k, v)| (&**k, v))
    }

    /// Every value, for updating in place.
    pub(crate) fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.map.values_mut()
    }
}

impl<V, S: AsRef<str>> FromIterator<(S, V)> for WordMap<V> {
    fn from_iter<I: IntoIterator<Item = (S, V)>>(iter: I) -> Self {
        let mut m = WordMap::new();
        for (k, v) in iter {
            m.insert(k.as_ref(), v);
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_and_update() {
        let mut m: WordMap<u32> = [("марта", 3), ("апреля", 4)].into_iter().collect();
        assert_eq!(m.get("марта"), Some(&3));
        assert_eq!(m.get("мая"), None);
        *m.entry_or_insert_with("мая", || 0) += 5;
        assert_eq!(m.get("мая"), Some(&5));
        assert_eq!(m.iter().count(), 3);
        assert!(m.get("апреля").is_some());
    }
}
