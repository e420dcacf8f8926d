//! Text layer: tokens with spans and normalized forms, and sentences over them.

pub mod sentence;
pub mod token;

pub use sentence::{split_sentences, Sentence};
pub use token::{Gap, Token, TokenKind, Tokens};
