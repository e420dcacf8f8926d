//! A list of event kinds as a command line gives it: kind ids or OxCGRT indicator codes.

use crate::event::kinds::{EventKind, ParseEventKindError};

/// The kinds a comma-separated list names, in the order named, each once: a kind id
/// (`cases`, `school_closing`) names its kind, an OxCGRT indicator code (`C1`, `h6`, any
/// case) names every kind whose [`EventKind::indicator`] it is. Spaces around an item are
/// ignored.
///
/// ```
/// use khronika::corpus::parse_kinds;
/// use khronika::EventKind;
/// assert_eq!(parse_kinds("C1, cases").unwrap(), [EventKind::SchoolClosing, EventKind::Cases]);
/// assert_eq!(parse_kinds("h6,facial_coverings").unwrap(), [EventKind::FacialCoverings]);
/// assert_eq!(parse_kinds("C9").unwrap_err().to_string(), "unknown event kind `C9`");
/// ```
///
/// # Errors
/// The first item that is neither a kind id nor the indicator of some kind.
pub fn parse_kinds(list: &str) -> Result<Vec<EventKind>, ParseEventKindError> {
    let mut kinds = Vec::new();
    for item in list.split(',').map(str::trim) {
        let named: Vec<EventKind> = match item.parse::<EventKind>() {
            Ok(kind) => vec![kind],
            Err(e) => {
                let coded = EventKind::ALL
                    .iter()
                    .copied()
                    .filter(|k| k.indicator().is_some_and(|c| c.eq_ignore_ascii_case(item)));
                let coded: Vec<EventKind> = coded.collect();
                if coded.is_empty() {
                    return Err(e);
                }
                coded
            }
        };
        for kind in named {
            if !kinds.contains(&kind) {
                kinds.push(kind);
            }
        }
    }
    Ok(kinds)
}

/// Every kind id and every OxCGRT code [`parse_kinds`] takes, for a message: `school_closing,
/// …, other; C1, …, H8`.
pub fn kind_names() -> String {
    let ids: Vec<&str> = EventKind::ALL.iter().map(|k| k.id()).collect();
    let mut codes: Vec<&str> = EventKind::ALL.iter().filter_map(|k| k.indicator()).collect();
    codes.dedup();
    format!("{}; OxCGRT codes {}", ids.join(", "), codes.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_names_every_kind_with_that_indicator() {
        for kind in EventKind::ALL {
            let Some(code) = kind.indicator() else { continue };
            let named = parse_kinds(code).unwrap();
            assert!(named.contains(kind), "{code}");
            assert!(named.iter().all(|k| k.indicator() == Some(code)), "{code}: {named:?}");
            assert_eq!(parse_kinds(&code.to_lowercase()).unwrap(), named);
        }
    }

    #[test]
    fn ids_codes_and_errors() {
        assert_eq!(
            parse_kinds(" quarantine ,C6,stay_at_home").unwrap(),
            [EventKind::Quarantine, EventKind::StayAtHome]
        );
        assert_eq!(parse_kinds("cases,").unwrap_err().to_string(), "unknown event kind ``");
        assert_eq!(parse_kinds("Cases").unwrap_err().to_string(), "unknown event kind `Cases`");
        let names = kind_names();
        assert!(names.starts_with("school_closing, ") && names.contains("; OxCGRT codes C1, C2,"), "{names}");
        assert!(names.ends_with(", H8"), "{names}");
    }
}
