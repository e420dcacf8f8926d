//! Output formats at the edge of the pipeline: text is copied here, not before.

pub mod json;
