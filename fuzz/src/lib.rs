//! Invariants shared by the fuzz targets: what must hold for any analysis of any text. The
//! checks themselves are the integration tests' (`tests/common/mod.rs`), so that fuzzing and
//! `cargo test` hold the library to the same rules.

#[path = "../../tests/common/mod.rs"]
mod common;

pub use common::{check, check_value};

use chrono::{NaiveDate, NaiveTime};

/// A publication time chosen by the first bytes of a fuzz input (years 0000..=9999, the
/// header format's range), and the rest of the input.
pub fn published_from(data: &[u8]) -> (chrono::NaiveDateTime, bool, &[u8]) {
    let first = NaiveDate::from_ymd_opt(0, 1, 1).unwrap();
    let last = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
    let span = (last - first).num_days() as u32 + 1;
    let get = |i: usize| data.get(i).copied().unwrap_or(0) as u32;
    // Mostly dates near 2020 (where the grammar's year logic matters); sometimes anywhere.
    let raw = get(0) | get(1) << 8 | get(2) << 16;
    let days = if get(3) & 0x80 == 0 {
        let base = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        (base - first).num_days() as u32 + raw % (40 * 366)
    } else {
        raw % span
    };
    let date = first + chrono::Duration::days(days as i64);
    let timed = get(3) & 1 == 1;
    let time = NaiveTime::from_hms_opt(get(4) % 24, get(5) % 60, 0).unwrap();
    let rest = data.get(6..).unwrap_or(&[]);
    (date.and_time(time), timed, rest)
}

