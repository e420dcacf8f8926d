//! Pretty JSON byte for byte as `serde_json::to_writer_pretty` writes it (two spaces a
//! level), with each line break and its indent written in one call instead of one call
//! per level: a merged corpus timeline is hundreds of megabytes of short indented lines.

use serde::Serialize;
use serde_json::ser::{Formatter, Serializer};
use std::io;

/// Levels of indent one write covers; deeper lines take one more write per 64 levels.
const LEVELS: usize = 64;

/// `,\n` and the spaces of [`LEVELS`] levels.
static BREAK: [u8; 2 + 2 * LEVELS] = {
    let mut b = [b' '; 2 + 2 * LEVELS];
    b[0] = b',';
    b[1] = b'\n';
    b
};

/// Writes `value` as pretty JSON to `out`.
pub(crate) fn to_writer<W: io::Write, T: ?Sized + Serialize>(out: W, value: &T) -> serde_json::Result<()> {
    value.serialize(&mut Serializer::with_formatter(out, Pretty::default()))
}

/// The formatter: the state of serde_json's `PrettyFormatter` with its two-space indent.
#[derive(Default)]
struct Pretty {
    level: usize,
    has_value: bool,
}

impl Pretty {
    /// A line break (after a comma when `comma`) and the indent of the current level.
    fn line<W: ?Sized + io::Write>(&self, w: &mut W, comma: bool) -> io::Result<()> {
        let from = usize::from(!comma);
        let mut left = self.level;
        let first = left.min(LEVELS);
        w.write_all(&BREAK[from..2 + 2 * first])?;
        left -= first;
        while left > 0 {
            let n = left.min(LEVELS);
            w.write_all(&BREAK[2..2 + 2 * n])?;
            left -= n;
        }
        Ok(())
    }
}

impl Pretty {
    /// Opens an array or an object: one level deeper, nothing in it yet.
    fn open<W: ?Sized + io::Write>(&mut self, w: &mut W, mark: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(mark)
    }

    /// Closes it: back a level, on a line of its own unless it is empty.
    fn close<W: ?Sized + io::Write>(&mut self, w: &mut W, mark: &[u8]) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.line(w, false)?;
        }
        w.write_all(mark)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.line(w, !first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.line(w, !first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both<T: Serialize>(value: &T) -> (String, String) {
        let mut ours = Vec::new();
        to_writer(&mut ours, value).unwrap();
        (String::from_utf8(ours).unwrap(), serde_json::to_string_pretty(value).unwrap())
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let value = serde_json::json!({
            "events": [{"when": "2020-03-16", "kinds": [], "places": [{"name": "Алматы"}], "n": 1.5}],
            "undated": [],
            "empty": {},
            "nested": [[1, [2, []]], {"a": {"b": null}}],
        });
        let (ours, theirs) = both(&value);
        assert_eq!(ours, theirs);
    }

    #[test]
    fn deeper_than_one_write_covers() {
        let mut value = serde_json::json!(1);
        for _ in 0..(2 * LEVELS + 5) {
            value = serde_json::json!([value, {"k": true}]);
        }
        let (ours, theirs) = both(&value);
        assert_eq!(ours, theirs);
    }
}
