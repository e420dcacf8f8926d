//! khronika: dated event timelines from Russian news articles.

pub mod document;
pub mod error;
pub mod event;
pub mod lang;
pub mod text;
pub mod value;

pub use document::{Document, Published};
pub use error::{Error, Result};
pub use value::Value;
