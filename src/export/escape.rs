//! Escaping for every text format the crate writes: one home for the rules, so that a field
//! from the input (a document id, a file name, a sentence) can never pass for markup or for
//! a line of its own.
//!
//! - [`line`] and [`controls`] for the plain-text format: whitespace runs become one space,
//!   and control characters (C0, DEL, C1, U+2028, U+2029) are written as `\n`, `\r`, `\t` or
//!   `\u{1b}`, so that an id holding a newline stays on its line.
//! - [`markdown`] for a Markdown table cell or list item: one line, control characters as
//!   above, and Markdown's markup characters backslash-escaped.
//! - [`html`] for HTML character data and attribute values; [`xml_text`] and [`xml_attr`] for
//!   TimeML.

use std::fmt::{self, Write};

/// A character that must not reach a text line as it is: C0 and C1 controls, DEL, and the
/// Unicode line and paragraph separators.
fn is_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Writes one control character as an escape: `\n`, `\r`, `\t`, else `\u{XX}`.
fn write_control(out: &mut impl Write, c: char) -> fmt::Result {
    match c {
        '\n' => out.write_str("\\n"),
        '\r' => out.write_str("\\r"),
        '\t' => out.write_str("\\t"),
        c => write!(out, "\\u{{{:x}}}", c as u32),
    }
}

/// Writes `s` with its control characters escaped and everything else as it is (a document
/// id, a file name).
///
/// ```text
/// a\n2099-01-01 cases FORGED   (the id "a" + newline + "2099-01-01 cases FORGED")
/// ```
pub(crate) fn controls(out: &mut impl Write, s: &str) -> fmt::Result {
    let mut rest = s;
    while let Some(at) = rest.find(is_control) {
        out.write_str(&rest[..at])?;
        let c = rest[at..].chars().next().unwrap_or(' ');
        write_control(out, c)?;
        rest = &rest[at + c.len_utf8()..];
    }
    out.write_str(rest)
}

/// `s` with its control characters escaped (see [`controls`]); borrowed when it has none.
pub(crate) fn controls_str(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(is_control) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let _ = controls(&mut out, s);
    std::borrow::Cow::Owned(out)
}

/// Writes `s` on one line: runs of whitespace (line breaks included) as one space, leading
/// and trailing whitespace dropped, the remaining control characters escaped.
pub(crate) fn line(out: &mut impl Write, s: &str) -> fmt::Result {
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.write_char(' ')?;
        }
        controls(out, word)?;
    }
    Ok(())
}

/// Text for one Markdown table cell or list item: one line (see [`line`]), with Markdown's
/// markup characters (`\ | * _ ` [ ] < > & ~`) backslash-escaped, and a heading, list or
/// setext marker at its start escaped too.
pub(crate) fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for c in word.chars() {
            if matches!(c, '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '&' | '~') {
                out.push('\\');
            }
            if is_control(c) {
                let _ = write_control(&mut out, c);
            } else {
                out.push(c);
            }
        }
    }
    // A line that starts like a heading, a list item or a setext underline.
    let digits = out.len() - out.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let marker = match out[digits..].chars().next() {
        Some('.' | ')') if digits > 0 => Some(digits),
        Some('#' | '-' | '+' | '=') if digits == 0 => Some(0),
        _ => None,
    };
    if let Some(at) = marker {
        out.insert(at, '\\');
    }
    out
}

/// Whitespace runs (line breaks included) as one space, for HTML.
pub(crate) fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Escapes text for HTML character data and double- or single-quoted attribute values (NUL,
/// which HTML cannot carry, becomes U+FFFD).
pub(crate) fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\0' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Characters XML 1.0 cannot carry, even as character references.
fn xml_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// Escapes XML character data: `&`, `<`, `>`, a carriage return as `&#13;` (so that line-end
/// normalization keeps it), and what XML cannot carry as U+FFFD.
pub(crate) fn xml_text(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c if xml_forbidden(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

/// Escapes a double-quoted XML attribute value (whitespace other than a space is written as
/// a reference, so that attribute normalization keeps it).
pub(crate) fn xml_attr(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if xml_forbidden(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn esc_controls(s: &str) -> String {
        let mut out = String::new();
        controls(&mut out, s).unwrap();
        out
    }

    #[test]
    fn controls_are_escaped_and_nothing_else() {
        assert_eq!(esc_controls("a\n2099-01-01 cases FORGED"), "a\\n2099-01-01 cases FORGED");
        assert_eq!(esc_controls("x\r\ty\u{1b}[31m\u{7f}\u{85}\u{2028}"), "x\\r\\ty\\u{1b}[31m\\u{7f}\\u{85}\\u{2028}");
        assert_eq!(esc_controls("Павлодар \\ a/b"), "Павлодар \\ a/b");
        assert!(matches!(controls_str("plain"), std::borrow::Cow::Borrowed("plain")));
        assert_eq!(controls_str("a\nb"), "a\\nb");
    }

    #[test]
    fn one_line_text() {
        let mut out = String::new();
        line(&mut out, "  Вчера\n\nвыявлено\u{1b} 9  случаев. ").unwrap();
        assert_eq!(out, "Вчера выявлено\\u{1b} 9 случаев.");
    }

    #[test]
    fn markdown_cells() {
        assert_eq!(markdown("a | b\n\n  c"), "a \\| b c");
        assert_eq!(
            markdown("<b>x</b> & [y](z) `q` ~~s~~ _u_ \\"),
            "\\<b\\>x\\</b\\> \\& \\[y\\](z) \\`q\\` \\~\\~s\\~\\~ \\_u\\_ \\\\"
        );
        assert_eq!(markdown("# нет"), "\\# нет");
        assert_eq!(markdown("- нет"), "\\- нет");
        assert_eq!(markdown("2020. Год"), "2020\\. Год");
        assert_eq!(markdown("2020 год"), "2020 год");
        assert_eq!(markdown("a\u{1b}b"), "a\\u{1b}b");
        assert_eq!(markdown(""), "");
    }

    #[test]
    fn html_and_xml() {
        assert_eq!(html("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assert_eq!(one_line(" a \n b "), "a b");
        let mut out = String::new();
        xml_text(&mut out, "a<\r\u{1}");
        xml_attr(&mut out, "\"\n");
        assert_eq!(out, "a&lt;&#13;\u{fffd}&quot;&#10;");
    }
}
