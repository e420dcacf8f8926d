//! Russian: lexicon tables and the temporal grammar.

pub mod numbers;
