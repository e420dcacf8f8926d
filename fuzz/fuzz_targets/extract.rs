//! The first bytes choose a publication time, the rest is the text (lossily decoded) →
//! `analyze` → JSON record; invariants checked.
#![no_main]

use khronika::export::json::DocumentRecord;
use khronika::{Document, Published};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (at, timed, rest) = khronika_fuzz::published_from(data);
    let text = String::from_utf8_lossy(rest);
    let published = if timed { Published::date_time(at) } else { Published::date(at.date()) };
    let doc = Document::new(published, &text);
    let analysis = khronika::analyze(&doc);
    if let Err(e) = khronika_fuzz::check(&doc, &analysis) {
        panic!("invariant broken: {e}\npublished {published}, text: {text:?}");
    }
    let record = DocumentRecord::new(&doc, &analysis);
    serde_json::to_string(&record).expect("a record always serializes");
});
