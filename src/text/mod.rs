//! Text layer: tokens with spans and normalized forms, and sentences over them.

pub mod sentence;
pub mod token;
#[allow(dead_code)] // The engines take it up one by one.
pub(crate) mod wordmap;

pub use sentence::{split_sentences, Sentence};
pub use token::{Gap, Token, TokenKind, Tokens};
