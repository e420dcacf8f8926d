//! TEMPORARY: the discourse classes the kinds engine will provide (replaced at merge).
use crate::event::kinds::Cues;
use crate::text::Tokens;
use std::ops::Range;

impl Cues {
    pub(crate) fn refers_back(&self, _: &str, _: &Tokens, _: Range<usize>) -> bool {
        false
    }
    pub(crate) fn refuses_inheritance(&self, _: &str, _: &Tokens, _: Range<usize>) -> bool {
        false
    }
    pub(crate) fn comparison_before(&self, _: &str, _: &Tokens, _: usize) -> bool {
        false
    }
    pub(crate) fn is_furniture(&self, _: &str, _: &Tokens, _: Range<usize>) -> bool {
        false
    }
    pub(crate) fn dateline(&self, _: &str, _: &Tokens, _: Range<usize>) -> Option<Range<usize>> {
        None
    }
}
