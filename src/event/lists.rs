//! The compact lists an [`Event`](super::Event) holds: a long document keeps tens of
//! thousands of events, most of whose lists hold nothing or one item.
//!
//! - [`Kinds`]: an ordered set of [`EventKind`]s in 15 bytes, never on the heap;
//! - [`Indices`]: mention indices (`u32`), one or two of them without a heap allocation;
//! - [`CueWords`]: the cue words, one of them without a heap allocation;
//! - [`List`]: any other list, a boxed slice of just its length (16 bytes; empty costs no
//!   allocation).
//!
//! Each serializes as the JSON array a `Vec` of its items would be, and reads one back.

use super::kinds::EventKind;
use crate::text::Excerpt;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::{Deref, DerefMut};

/// Bits per kind in a [`Kinds`]: a kind is stored as its index in [`EventKind::ALL`] plus
/// one, 0 ends the set.
const KIND_BITS: u32 = 5;
/// The bytes of a [`Kinds`]: room for every kind there is (15 for 24 kinds, so that an
/// event's three sets and its two flags pack into 48 bytes).
const KIND_BYTES: usize = (EventKind::ALL.len() * KIND_BITS as usize).div_ceil(8);
/// How many kinds a [`Kinds`] holds: every kind there is.
const KIND_SLOTS: usize = KIND_BYTES * 8 / KIND_BITS as usize;
const _: () =
    assert!(EventKind::ALL.len() <= KIND_SLOTS && EventKind::ALL.len() < (1 << KIND_BITS) && KIND_BYTES <= 16);

/// The kinds of an event, each once, in the order they were added (the order JSON writes):
/// an ordered set of [`EventKind`] in 15 bytes (five bits a kind), with no heap allocation,
/// that holds every kind there is.
///
/// It iterates as `&'static EventKind` (like a slice of kinds would), compares equal to a
/// slice, array or `Vec` of the same kinds in the same order, and serializes as that list.
///
/// ```
/// use khronika::{EventKind, Kinds};
/// let mut kinds = Kinds::from([EventKind::Quarantine]);
/// assert!(kinds.insert(EventKind::SchoolClosing));
/// assert!(!kinds.insert(EventKind::Quarantine)); // already there: the order stays
/// assert_eq!(kinds, [EventKind::Quarantine, EventKind::SchoolClosing]);
/// assert!(kinds.contains(&EventKind::SchoolClosing));
/// assert_eq!((kinds.len(), kinds.first(), kinds[1]), (2, Some(&EventKind::Quarantine), EventKind::SchoolClosing));
/// let ids: Vec<&str> = kinds.iter().map(|k| k.id()).collect();
/// assert_eq!(ids, ["quarantine", "school_closing"]);
/// let json = serde_json::to_string(&kinds).unwrap();
/// assert_eq!(json, r#"["quarantine","school_closing"]"#);
/// assert_eq!(serde_json::from_str::<Kinds>(&json).unwrap(), kinds);
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Kinds {
    /// Slot `i` is bits `5i..5i + 5` of these bytes read as a little-endian number.
    bytes: [u8; KIND_BYTES],
}

impl Kinds {
    /// No kinds.
    pub const fn new() -> Self {
        Kinds { bytes: [0; KIND_BYTES] }
    }

    fn bits(&self) -> u128 {
        let mut all = [0u8; 16];
        all[..KIND_BYTES].copy_from_slice(&self.bytes);
        u128::from_le_bytes(all)
    }

    fn set_bits(&mut self, bits: u128) {
        self.bytes.copy_from_slice(&bits.to_le_bytes()[..KIND_BYTES]);
    }

    /// The code of slot `i` (0: empty).
    fn slot(&self, i: usize) -> usize {
        if i >= KIND_SLOTS {
            return 0;
        }
        ((self.bits() >> (KIND_BITS as usize * i)) & ((1 << KIND_BITS) - 1)) as usize
    }

    /// How many kinds it holds.
    pub fn len(&self) -> usize {
        let bits = self.bits();
        // The slots are filled from the first: the highest set bit tells the last slot.
        match bits {
            0 => 0,
            _ => (128 - bits.leading_zeros() as usize).div_ceil(KIND_BITS as usize),
        }
    }

    /// True when it holds no kind.
    pub fn is_empty(&self) -> bool {
        self.bytes == [0; KIND_BYTES]
    }

    /// The `i`-th kind, in order (a reference into [`EventKind::ALL`], as a slice of kinds
    /// would give).
    pub fn get(&self, i: usize) -> Option<&'static EventKind> {
        self.slot(i).checked_sub(1).and_then(|k| EventKind::ALL.get(k))
    }

    /// The first kind.
    pub fn first(&self) -> Option<&'static EventKind> {
        self.get(0)
    }

    /// Whether it holds `kind`.
    pub fn contains(&self, kind: &EventKind) -> bool {
        self.iter().any(|k| k == kind)
    }

    /// Adds `kind` at the end unless it is there; returns whether it was added.
    pub fn insert(&mut self, kind: EventKind) -> bool {
        let Some(code) = EventKind::ALL.iter().position(|k| *k == kind) else { return false };
        if self.contains(&kind) {
            return false;
        }
        let at = self.len();
        if at >= KIND_SLOTS {
            return false; // never: it holds every kind there is
        }
        let bits = self.bits() | ((code as u128 + 1) << (KIND_BITS as usize * at));
        self.set_bits(bits);
        true
    }

    /// Removes every kind.
    pub fn clear(&mut self) {
        *self = Kinds::new();
    }

    /// Keeps the kinds `keep` says yes to, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(&EventKind) -> bool) {
        *self = self.iter().filter(|k| keep(k)).copied().collect();
    }

    /// Orders the kinds by a key (a stable sort).
    pub fn sort_by_key<K: Ord>(&mut self, key: impl FnMut(&EventKind) -> K) {
        let mut v = self.to_vec();
        v.sort_by_key(key);
        *self = v.into_iter().collect();
    }

    /// The kinds, in order.
    pub fn iter(&self) -> KindsIter {
        KindsIter { kinds: *self, at: 0, end: self.len() }
    }

    /// The kinds as a `Vec`.
    pub fn to_vec(&self) -> Vec<EventKind> {
        self.iter().copied().collect()
    }
}

/// The kinds of a [`Kinds`], in order (as references into [`EventKind::ALL`]).
#[derive(Clone, Debug)]
pub struct KindsIter {
    kinds: Kinds,
    at: usize,
    end: usize,
}

impl Iterator for KindsIter {
    type Item = &'static EventKind;

    fn next(&mut self) -> Option<&'static EventKind> {
        if self.at >= self.end {
            return None;
        }
        self.at += 1;
        EventKind::ALL.get(self.kinds.slot(self.at - 1).wrapping_sub(1))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.end.saturating_sub(self.at);
        (n, Some(n))
    }
}

impl DoubleEndedIterator for KindsIter {
    fn next_back(&mut self) -> Option<&'static EventKind> {
        if self.at >= self.end {
            return None;
        }
        self.end -= 1;
        EventKind::ALL.get(self.kinds.slot(self.end).wrapping_sub(1))
    }
}

impl ExactSizeIterator for KindsIter {}

impl std::ops::Index<usize> for Kinds {
    type Output = EventKind;

    /// The `i`-th kind; panics when there are not that many, as a slice does ([`Kinds::get`]
    /// does not).
    fn index(&self, i: usize) -> &EventKind {
        match self.get(i) {
            Some(k) => k,
            None => panic!("index {i} out of range for {} kinds", self.len()),
        }
    }
}

impl IntoIterator for &Kinds {
    type Item = &'static EventKind;
    type IntoIter = KindsIter;

    fn into_iter(self) -> KindsIter {
        self.iter()
    }
}

impl IntoIterator for Kinds {
    type Item = EventKind;
    type IntoIter = std::iter::Copied<KindsIter>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter().copied()
    }
}

impl FromIterator<EventKind> for Kinds {
    /// The kinds, each once, in the order of their first appearance.
    fn from_iter<I: IntoIterator<Item = EventKind>>(iter: I) -> Self {
        let mut kinds = Kinds::new();
        kinds.extend(iter);
        kinds
    }
}

impl<'a> FromIterator<&'a EventKind> for Kinds {
    fn from_iter<I: IntoIterator<Item = &'a EventKind>>(iter: I) -> Self {
        iter.into_iter().copied().collect()
    }
}

impl Extend<EventKind> for Kinds {
    fn extend<I: IntoIterator<Item = EventKind>>(&mut self, iter: I) {
        for k in iter {
            self.insert(k);
        }
    }
}

impl<const N: usize> From<[EventKind; N]> for Kinds {
    fn from(kinds: [EventKind; N]) -> Self {
        kinds.into_iter().collect()
    }
}

impl From<&[EventKind]> for Kinds {
    fn from(kinds: &[EventKind]) -> Self {
        kinds.iter().collect()
    }
}

impl From<Vec<EventKind>> for Kinds {
    fn from(kinds: Vec<EventKind>) -> Self {
        kinds.into_iter().collect()
    }
}

impl From<Kinds> for Vec<EventKind> {
    fn from(kinds: Kinds) -> Self {
        kinds.to_vec()
    }
}

impl PartialEq<[EventKind]> for Kinds {
    fn eq(&self, other: &[EventKind]) -> bool {
        self.len() == other.len() && self.iter().eq(other)
    }
}

impl PartialEq<&[EventKind]> for Kinds {
    fn eq(&self, other: &&[EventKind]) -> bool {
        *self == **other
    }
}

impl<const N: usize> PartialEq<[EventKind; N]> for Kinds {
    fn eq(&self, other: &[EventKind; N]) -> bool {
        *self == other[..]
    }
}

impl PartialEq<Vec<EventKind>> for Kinds {
    fn eq(&self, other: &Vec<EventKind>) -> bool {
        *self == other[..]
    }
}

impl PartialEq<Kinds> for Vec<EventKind> {
    fn eq(&self, other: &Kinds) -> bool {
        *other == self[..]
    }
}

impl PartialOrd for Kinds {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Kinds {
    /// In the order of their lists (as a `Vec` of the kinds compares).
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.iter().cmp(other.iter())
    }
}

impl fmt::Debug for Kinds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for Kinds {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Kinds {
    /// A list of kinds (a kind listed twice is kept once).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Vec::<EventKind>::deserialize(d)?.into_iter().collect())
    }
}

/// Marks an empty slot of [`Indices`]' inline form.
const NO_INDEX: u32 = u32::MAX;

/// The indices of the mentions that date an event, in the document's mention list: a list
/// of `u32` that holds one or two of them without a heap allocation (16 bytes).
///
/// It dereferences to `[u32]`, compares equal to a slice, array or `Vec` of the same
/// indices, and serializes as that list.
///
/// ```
/// use khronika::Indices;
/// let mut m = Indices::from([3]);
/// m.push(5);
/// m.push(8);
/// assert_eq!(m, [3, 5, 8]);
/// assert_eq!((m.len(), m[0], m.first()), (3, 3, Some(&3)));
/// let mentions: Vec<usize> = m.indices().collect();
/// assert_eq!(mentions, [3, 5, 8]);
/// assert_eq!(serde_json::to_string(&m).unwrap(), "[3,5,8]");
/// assert_eq!(serde_json::from_str::<Indices>("[3,5,8]").unwrap(), m);
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Indices(IndexRepr);

#[derive(Clone, PartialEq, Eq, Hash)]
enum IndexRepr {
    /// Up to two indices; [`NO_INDEX`] marks an empty slot.
    Inline([u32; 2]),
    /// Three or more.
    Heap(Box<[u32]>),
}

/// What a list that dereferences to a slice of `$item` and is built from a `Vec` of them
/// has as well: borrowing iteration, comparison with slices, arrays and `Vec`s, `Debug` as
/// a list, and serde as the JSON array it is.
macro_rules! slice_view {
    ($ty:ty, $item:ty) => {
        impl<'a> IntoIterator for &'a $ty {
            type Item = &'a $item;
            type IntoIter = std::slice::Iter<'a, $item>;

            fn into_iter(self) -> Self::IntoIter {
                self.iter()
            }
        }

        impl PartialEq<[$item]> for $ty {
            fn eq(&self, other: &[$item]) -> bool {
                **self == *other
            }
        }

        impl<const N: usize> PartialEq<[$item; N]> for $ty {
            fn eq(&self, other: &[$item; N]) -> bool {
                **self == other[..]
            }
        }

        impl PartialEq<Vec<$item>> for $ty {
            fn eq(&self, other: &Vec<$item>) -> bool {
                **self == other[..]
            }
        }

        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_list().entries(self.iter()).finish()
            }
        }

        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                (**self).serialize(s)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                Ok(Vec::<$item>::deserialize(d)?.into())
            }
        }
    };
}

slice_view!(Indices, u32);
slice_view!(CueWords, Excerpt);

impl Default for Indices {
    fn default() -> Self {
        Indices::new()
    }
}

impl Indices {
    /// No indices.
    pub const fn new() -> Self {
        Indices(IndexRepr::Inline([NO_INDEX; 2]))
    }

    /// Adds an index at the end.
    pub fn push(&mut self, index: u32) {
        match &mut self.0 {
            IndexRepr::Inline(slots) => match slots.iter().position(|&s| s == NO_INDEX) {
                Some(free) if index != NO_INDEX => slots[free] = index,
                _ => {
                    let mut v = Vec::with_capacity(3);
                    v.extend(slots.iter().copied().filter(|&s| s != NO_INDEX));
                    v.push(index);
                    self.0 = IndexRepr::Heap(v.into_boxed_slice());
                }
            },
            IndexRepr::Heap(list) => {
                let mut v = std::mem::take(list).into_vec();
                v.reserve_exact(1);
                v.push(index);
                *list = v.into_boxed_slice();
            }
        }
    }

    /// The indices as `usize`, to index the document's mentions with.
    pub fn indices(&self) -> impl DoubleEndedIterator<Item = usize> + ExactSizeIterator + '_ {
        self.iter().map(|&i| i as usize)
    }

    /// Removes every index.
    pub fn clear(&mut self) {
        *self = Indices::new();
    }
}

impl Deref for Indices {
    type Target = [u32];

    fn deref(&self) -> &[u32] {
        match &self.0 {
            IndexRepr::Inline(slots) => {
                let n = slots.iter().take_while(|&&s| s != NO_INDEX).count();
                &slots[..n]
            }
            IndexRepr::Heap(list) => list,
        }
    }
}

impl DerefMut for Indices {
    fn deref_mut(&mut self) -> &mut [u32] {
        match &mut self.0 {
            IndexRepr::Inline(slots) => {
                let n = slots.iter().take_while(|&&s| s != NO_INDEX).count();
                &mut slots[..n]
            }
            IndexRepr::Heap(list) => list,
        }
    }
}

impl FromIterator<u32> for Indices {
    fn from_iter<I: IntoIterator<Item = u32>>(iter: I) -> Self {
        let mut out = Indices::new();
        out.extend(iter);
        out
    }
}

impl Extend<u32> for Indices {
    fn extend<I: IntoIterator<Item = u32>>(&mut self, iter: I) {
        let mut iter = iter.into_iter();
        while let IndexRepr::Inline(_) = self.0 {
            match iter.next() {
                Some(i) => self.push(i),
                None => return,
            }
        }
        if let IndexRepr::Heap(list) = &mut self.0 {
            let mut v = std::mem::take(list).into_vec();
            v.extend(iter);
            *list = v.into_boxed_slice();
        }
    }
}

impl<const N: usize> From<[u32; N]> for Indices {
    fn from(list: [u32; N]) -> Self {
        list.into_iter().collect()
    }
}

impl From<Vec<u32>> for Indices {
    fn from(list: Vec<u32>) -> Self {
        list.into_iter().collect()
    }
}

/// A list of an event's (evidence sentences, sources, places, figures, cue words): a boxed
/// slice of just its length, 16 bytes, no allocation when empty. It dereferences to `[T]`
/// (indexing, `iter`, `len`, `first`, `contains`, sorting), grows with [`List::push`] and
/// [`Extend`], compares equal to a slice, array or `Vec` of the same items, and serializes
/// as that list.
///
/// ```
/// use khronika::List;
/// let mut l: List<&str> = List::from(vec!["Алматы"]);
/// l.push("Астана");
/// assert_eq!(l, ["Алматы", "Астана"]);
/// assert_eq!((l.len(), l[1], l.contains(&"Алматы")), (2, "Астана", true));
/// l.retain(|p| p.starts_with('А') && p.ends_with('ы'));
/// assert_eq!(serde_json::to_string(&l).unwrap(), r#"["Алматы"]"#);
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct List<T>(Box<[T]>);

impl<T> Default for List<T> {
    fn default() -> Self {
        List::new()
    }
}

impl<T> List<T> {
    /// An empty list (no allocation).
    pub fn new() -> Self {
        List(Box::default())
    }

    /// A list of one item.
    pub fn one(item: T) -> Self {
        List(Box::new([item]))
    }

    /// Adds an item at the end (the list is reallocated to its new length: lists of an
    /// event grow by a few items; [`Extend`] adds many at once).
    pub fn push(&mut self, item: T) {
        let mut v = self.take_vec();
        v.reserve_exact(1);
        v.push(item);
        self.0 = v.into_boxed_slice();
    }

    /// Removes every item.
    pub fn clear(&mut self) {
        self.0 = Box::default();
    }

    /// Keeps the items `keep` says yes to, in order.
    pub fn retain(&mut self, keep: impl FnMut(&T) -> bool) {
        let mut v = self.take_vec();
        v.retain(keep);
        self.0 = v.into_boxed_slice();
    }

    /// Removes consecutive repeated items.
    pub fn dedup(&mut self)
    where
        T: PartialEq,
    {
        let mut v = self.take_vec();
        v.dedup();
        self.0 = v.into_boxed_slice();
    }

    /// The items as a `Vec` (no copy).
    pub fn into_vec(self) -> Vec<T> {
        self.0.into_vec()
    }

    fn take_vec(&mut self) -> Vec<T> {
        std::mem::take(&mut self.0).into_vec()
    }
}

impl<T> Deref for List<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl<T> DerefMut for List<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        &mut self.0
    }
}

impl<T> From<Vec<T>> for List<T> {
    fn from(v: Vec<T>) -> Self {
        List(v.into_boxed_slice())
    }
}

impl<T, const N: usize> From<[T; N]> for List<T> {
    fn from(items: [T; N]) -> Self {
        List(Box::new(items))
    }
}

impl<T> From<List<T>> for Vec<T> {
    fn from(l: List<T>) -> Self {
        l.into_vec()
    }
}

impl<T> FromIterator<T> for List<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        List(iter.into_iter().collect())
    }
}

impl<T> Extend<T> for List<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        let mut v = self.take_vec();
        v.extend(iter);
        self.0 = v.into_boxed_slice();
    }
}

impl<T> IntoIterator for List<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.into_vec().into_iter()
    }
}

impl<'a, T> IntoIterator for &'a List<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'a, T> IntoIterator for &'a mut List<T> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter_mut()
    }
}

impl<T: PartialEq> PartialEq<[T]> for List<T> {
    fn eq(&self, other: &[T]) -> bool {
        *self.0 == *other
    }
}

impl<T: PartialEq, const N: usize> PartialEq<[T; N]> for List<T> {
    fn eq(&self, other: &[T; N]) -> bool {
        *self.0 == other[..]
    }
}

impl<T: PartialEq> PartialEq<Vec<T>> for List<T> {
    fn eq(&self, other: &Vec<T>) -> bool {
        *self.0 == other[..]
    }
}

impl<T: fmt::Debug> fmt::Debug for List<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.iter()).finish()
    }
}

impl<T: Serialize> Serialize for List<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Vec::<T>::deserialize(d)?.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_keep_their_order_and_hold_every_kind() {
        let mut all = Kinds::new();
        for k in EventKind::ALL.iter().rev() {
            assert!(all.insert(*k));
        }
        assert_eq!(all.len(), EventKind::ALL.len());
        assert!(all.iter().copied().eq(EventKind::ALL.iter().rev().copied()));
        assert!(all.iter().rev().copied().eq(EventKind::ALL.iter().copied()));
        for k in EventKind::ALL {
            assert!(all.contains(k) && !all.insert(*k));
        }
        all.retain(|k| *k != EventKind::Other);
        assert_eq!(all.len(), EventKind::ALL.len() - 1);
        assert_eq!(all.first(), EventKind::ALL.get(EventKind::ALL.len() - 2));
        assert_eq!(Kinds::new().len(), 0);
        assert_eq!(std::mem::size_of::<Kinds>(), 15);
        assert_eq!(std::mem::size_of::<crate::Event>(), 240);
    }

    #[test]
    fn indices_hold_two_inline() {
        let mut m = Indices::new();
        assert!(m.is_empty());
        m.push(0);
        assert_eq!(m, [0]);
        m.push(u32::MAX);
        m.push(7);
        assert_eq!(m, [0, u32::MAX, 7]);
        assert_eq!(std::mem::size_of::<Indices>(), 16);
        let mut two: Indices = [4, 9].into();
        assert_eq!(two, vec![4, 9]);
        two.extend([1, 2]);
        assert_eq!(two, [4, 9, 1, 2]);
    }
}

/// The cue words of an event (the words that decided its kinds, as written): a list of
/// [`Excerpt`]s that holds one without a heap allocation (24 bytes), as most events have
/// one. Like [`List`], it dereferences to `[Excerpt]`, grows with [`CueWords::push`] and
/// [`Extend`], compares equal to a slice, array or `Vec`, and serializes as that list.
///
/// ```
/// use khronika::{CueWords, Excerpt};
/// let mut cues = CueWords::from(vec![Excerpt::from("закрыли")]);
/// assert_eq!(cues[0].as_str(), "закрыли");
/// cues.push(Excerpt::from("карантин"));
/// assert_eq!(cues.len(), 2);
/// assert_eq!(serde_json::to_string(&cues).unwrap(), r#"["закрыли","карантин"]"#);
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct CueWords(CueRepr);

#[derive(Clone, PartialEq, Eq, Hash)]
enum CueRepr {
    One(Excerpt),
    Many(Box<[Excerpt]>),
}

impl Default for CueWords {
    fn default() -> Self {
        CueWords::new()
    }
}

impl CueWords {
    /// No words (no allocation).
    pub fn new() -> Self {
        CueWords(CueRepr::Many(Box::default()))
    }

    /// Adds a word at the end.
    pub fn push(&mut self, word: Excerpt) {
        let mut v = self.take_vec();
        v.reserve_exact(1);
        v.push(word);
        *self = v.into();
    }

    /// Removes every word.
    pub fn clear(&mut self) {
        *self = CueWords::new();
    }

    /// Keeps the words `keep` says yes to, in order.
    pub fn retain(&mut self, keep: impl FnMut(&Excerpt) -> bool) {
        let mut v = self.take_vec();
        v.retain(keep);
        *self = v.into();
    }

    /// Removes consecutive repeated words.
    pub fn dedup(&mut self) {
        let mut v = self.take_vec();
        v.dedup();
        *self = v.into();
    }

    /// The words as a `Vec`.
    pub fn into_vec(self) -> Vec<Excerpt> {
        match self.0 {
            CueRepr::One(e) => vec![e],
            CueRepr::Many(list) => list.into_vec(),
        }
    }

    fn take_vec(&mut self) -> Vec<Excerpt> {
        std::mem::take(self).into_vec()
    }

    /// The words of `v`, taken out of it (it keeps its room): one is held inline, more in a
    /// list of just their number.
    pub(crate) fn drained(v: &mut Vec<Excerpt>) -> Self {
        match v.len() {
            0 => CueWords::new(),
            1 => v.pop().map_or_else(CueWords::new, |one| CueWords(CueRepr::One(one))),
            _ => CueWords(CueRepr::Many(v.drain(..).collect())),
        }
    }
}

impl Deref for CueWords {
    type Target = [Excerpt];

    fn deref(&self) -> &[Excerpt] {
        match &self.0 {
            CueRepr::One(e) => std::slice::from_ref(e),
            CueRepr::Many(list) => list,
        }
    }
}

impl DerefMut for CueWords {
    fn deref_mut(&mut self) -> &mut [Excerpt] {
        match &mut self.0 {
            CueRepr::One(e) => std::slice::from_mut(e),
            CueRepr::Many(list) => list,
        }
    }
}

impl From<Vec<Excerpt>> for CueWords {
    fn from(mut v: Vec<Excerpt>) -> Self {
        match (v.pop(), v.is_empty()) {
            (Some(one), true) => CueWords(CueRepr::One(one)),
            (Some(last), false) => {
                v.push(last);
                CueWords(CueRepr::Many(v.into_boxed_slice()))
            }
            (None, _) => CueWords::new(),
        }
    }
}

impl<const N: usize> From<[Excerpt; N]> for CueWords {
    fn from(words: [Excerpt; N]) -> Self {
        Vec::from(words).into()
    }
}

impl From<CueWords> for Vec<Excerpt> {
    fn from(c: CueWords) -> Self {
        c.into_vec()
    }
}

impl FromIterator<Excerpt> for CueWords {
    fn from_iter<I: IntoIterator<Item = Excerpt>>(iter: I) -> Self {
        iter.into_iter().collect::<Vec<_>>().into()
    }
}

impl Extend<Excerpt> for CueWords {
    fn extend<I: IntoIterator<Item = Excerpt>>(&mut self, iter: I) {
        let mut v = self.take_vec();
        v.extend(iter);
        *self = v.into();
    }
}

impl IntoIterator for CueWords {
    type Item = Excerpt;
    type IntoIter = std::vec::IntoIter<Excerpt>;

    fn into_iter(self) -> Self::IntoIter {
        self.into_vec().into_iter()
    }
}

#[cfg(test)]
mod cue_tests {
    use super::*;

    #[test]
    fn one_cue_word_is_held_inline() {
        assert_eq!(std::mem::size_of::<CueWords>(), std::mem::size_of::<Excerpt>());
        let mut c = CueWords::new();
        assert!(c.is_empty());
        c.push(Excerpt::from("а"));
        assert!(matches!(c.0, CueRepr::One(_)));
        c.extend([Excerpt::from("б"), Excerpt::from("в")]);
        assert_eq!(c.iter().map(|e| e.as_str()).collect::<Vec<_>>(), ["а", "б", "в"]);
        c.retain(|e| e.as_str() == "б");
        assert!(matches!(c.0, CueRepr::One(_)));
    }
}
