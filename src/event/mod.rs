//! Events: what kind of thing a sentence reports, where, and with which figures.

pub mod figures;
pub mod kinds;
pub mod lexicon;
pub mod places;
