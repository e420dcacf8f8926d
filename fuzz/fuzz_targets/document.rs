//! Arbitrary bytes → (if UTF-8) `Document::parse` → `analyze` on success; invariants checked.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else { return };
    let Ok(doc) = khronika::Document::parse(input) else { return };
    assert_eq!(&input[doc.text_offset()..], doc.text());
    let analysis = khronika::analyze(&doc);
    if let Err(e) = khronika_fuzz::check(&doc, &analysis) {
        panic!("invariant broken: {e}\ninput: {input:?}");
    }
});
