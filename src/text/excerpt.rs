//! A sentence's text as a timeline holds it: a range of one shared buffer (the document's
//! text), so that a document's events and undated sentences copy no text.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::{Deref, Range};
use std::sync::Arc;

/// A piece of text held by sharing: a range of a shared buffer, most often the document's
/// text, so that a document's events and undated sentences refer to it without a copy.
/// It reads as a `&str` (it derefs to one); it compares, hashes and serializes as the text it
/// shows, so two excerpts of different buffers with the same text are equal.
///
/// ```
/// use khronika::Excerpt;
/// let e = Excerpt::from("Школы закрыты.");
/// assert_eq!(e, "Школы закрыты.");
/// assert_eq!(e.len(), "Школы закрыты.".len());
/// assert_eq!(serde_json::to_string(&e).unwrap(), r#""Школы закрыты.""#);
/// ```
#[derive(Clone)]
pub struct Excerpt {
    buf: Arc<str>,
    start: u32,
    end: u32,
}

impl Excerpt {
    /// The range `range` (bytes) of `buf`, sharing it; `None` when the range is not on
    /// character boundaries of `buf` or lies beyond 4 GiB.
    pub fn shared(buf: &Arc<str>, range: Range<usize>) -> Option<Self> {
        buf.get(range.clone())?;
        Some(Excerpt {
            buf: Arc::clone(buf),
            start: u32::try_from(range.start).ok()?,
            end: u32::try_from(range.end).ok()?,
        })
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        self.buf.get(self.start as usize..self.end as usize).unwrap_or("")
    }

    /// The same text in a buffer of its own, so that keeping it no longer keeps the whole
    /// buffer it was cut from (what a corpus merge does with the events it keeps).
    #[must_use]
    pub fn detached(&self) -> Self {
        if self.start == 0 && self.end as usize == self.buf.len() {
            return self.clone();
        }
        Excerpt::from(self.as_str())
    }
}

impl Default for Excerpt {
    fn default() -> Self {
        Excerpt::from("")
    }
}

impl From<&str> for Excerpt {
    fn from(text: &str) -> Self {
        let buf: Arc<str> = Arc::from(text);
        // A text over 4 GiB keeps only what fits (a timeline never holds one: texts are cut
        // at `MAX_TEXT`).
        let end = u32::try_from(buf.len()).unwrap_or(0);
        Excerpt { buf, start: 0, end }
    }
}

impl From<String> for Excerpt {
    fn from(text: String) -> Self {
        Excerpt::from(text.as_str())
    }
}

impl Deref for Excerpt {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Excerpt {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Excerpt {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for Excerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Excerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for Excerpt {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Excerpt {}

impl PartialEq<str> for Excerpt {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Excerpt {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialOrd for Excerpt {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Excerpt {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for Excerpt {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.as_str().hash(h);
    }
}

impl Serialize for Excerpt {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Excerpt {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Excerpt::from(String::deserialize(d)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_shares_its_buffer_and_reads_as_its_range() {
        let buf: Arc<str> = Arc::from("Карантин ввели. Школы закрыты.");
        let at = buf.find("Школы").unwrap_or(0);
        let e = Excerpt::shared(&buf, at..buf.len()).unwrap();
        assert_eq!(e, "Школы закрыты.");
        assert_eq!(Arc::strong_count(&buf), 2);
        assert!(Excerpt::shared(&buf, 1..4).is_none(), "not a character boundary");
        assert!(Excerpt::shared(&buf, 0..buf.len() + 1).is_none());
        let alone = e.detached();
        assert_eq!(alone, e);
        drop(e);
        assert_eq!(Arc::strong_count(&buf), 1, "a detached excerpt keeps nothing of the buffer");
        let back: Excerpt = serde_json::from_str("\"Школы закрыты.\"").unwrap();
        assert_eq!(back, alone);
    }
}
