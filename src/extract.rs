//! The pipeline: a [`Document`] in, its [`Mention`]s and [`Timeline`] out.

use crate::document::{Document, Published};
use crate::event::build;
use crate::expr::Expr;
use crate::lang::ru::grammar::{self, Found};
use crate::lang::ru::tense;
use crate::mention::{Anchor, Mention};
use crate::resolve::{Context, ResolveOptions, Resolver};
use crate::text::{split_sentences, Sentence, Tokens};
use crate::timeline::Timeline;
use chrono::NaiveDate;
use std::ops::Range;

/// Finds and resolves temporal expressions under a set of [`ResolveOptions`].
///
/// ```
/// use khronika::{Document, Extractor};
/// let doc = Document::parse("date 2020-03-20 Вчера выявлено 9 случаев, 16 марта - 13.").unwrap();
/// let analysis = Extractor::default().analyze(&doc);
/// let values: Vec<String> = analysis.mentions.iter().map(|m| m.value.to_string()).collect();
/// assert_eq!(values, ["2020-03-19", "2020-03-16"]);
/// assert_eq!(analysis.timeline.len(), 2);
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Extractor {
    resolver: Resolver,
}

/// Everything khronika reads from one document.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    /// The document's id, when it has one.
    pub id: Option<String>,
    /// Its publication time.
    pub published: Published,
    /// Byte spans of its sentences, in text order.
    pub sentences: Vec<Range<usize>>,
    /// Every temporal expression, in text order.
    pub mentions: Vec<Mention>,
    /// Its dated events, in chronological order.
    pub timeline: Timeline,
}

impl Extractor {
    /// An extractor with these options.
    pub fn new(options: ResolveOptions) -> Self {
        Extractor { resolver: Resolver::new(options) }
    }

    /// The options in force.
    pub fn options(&self) -> ResolveOptions {
        self.resolver.options()
    }

    /// The temporal mentions of a document, in text order.
    pub fn extract(&self, doc: &Document) -> Vec<Mention> {
        let tokens = Tokens::new(doc.text());
        let sentences = split_sentences(&tokens);
        self.mentions(doc, &tokens, &sentences)
    }

    /// Mentions, sentences and the timeline of a document.
    pub fn analyze(&self, doc: &Document) -> Analysis {
        let tokens = Tokens::new(doc.text());
        let sentences = split_sentences(&tokens);
        let mentions = self.mentions(doc, &tokens, &sentences);
        let cues = &crate::lang::ru::cues::CUES;
        let timeline = build::timeline_with(cues, doc.text(), doc.id(), &tokens, &sentences, &mentions);
        let spans: Vec<Range<usize>> = sentences.iter().map(|s| s.span.clone()).collect();
        Analysis { id: doc.id().map(str::to_string), published: doc.published(), sentences: spans, mentions, timeline }
    }

    fn mentions(&self, doc: &Document, tokens: &Tokens, sentences: &[Sentence]) -> Vec<Mention> {
        let mut mentions = Vec::new();
        let mut found: Vec<Found> = Vec::new();
        let mut previous: Option<NaiveDate> = None;
        let lex = grammar::lexicalize(tokens);
        for (index, sentence) in sentences.iter().enumerate() {
            found.clear();
            grammar::scan(tokens, &lex, sentence.tokens.clone(), &mut found);
            if found.is_empty() {
                continue;
            }
            let cues = tense::tense_cues(tokens, &lex, sentence.tokens.clone());
            let boundaries = tense::clause_boundaries(tokens, sentence.tokens.clone());
            let mut sentence_day = None;
            let mut sentence_year_date = None;
            for f in &found {
                let ctx = Context {
                    published: doc.published(),
                    previous,
                    sentence_day,
                    // A bound or a range after a past verb of decision points forward as often
                    // as not (`продлили до 1 мая`): the tense moves no bound's year. A weekday
                    // still takes its direction from it (`с понедельника перейдут`).
                    tense: if matches!(f.expr, Expr::Weekday { .. } | Expr::Weekend(_))
                        || (f.modifier.is_none() && !matches!(f.expr, Expr::Range(..)))
                    {
                        tense::tense_near(&cues, &boundaries, f.tokens.start)
                    } else {
                        None
                    },
                    sentence_year_date,
                };
                let Some(r) = self.resolver.resolve(&f.expr, f.modifier, &ctx) else {
                    continue;
                };
                let (Some(first), Some(last)) =
                    (tokens.get(f.tokens.start), f.tokens.end.checked_sub(1).and_then(|i| tokens.get(i)))
                else {
                    continue;
                };
                if let Some(day) = r.value.on_day() {
                    previous = Some(day);
                    sentence_day = Some(day);
                    if r.anchor == Anchor::Absolute {
                        sentence_year_date = Some(day);
                    }
                }
                mentions.push(Mention {
                    span: first.start..last.end,
                    kind: r.kind,
                    value: r.value,
                    modifier: r.modifier,
                    anchor: r.anchor,
                    sentence: index,
                });
            }
        }
        mentions
    }
}

/// The mentions of a document, with the default options.
///
/// ```
/// use khronika::{extract, Document};
/// let doc = Document::parse("date 2020-03-20 Режим ЧП продлится до 15 апреля.").unwrap();
/// let m = extract(&doc);
/// assert_eq!(m[0].value.to_string(), "2020-04-15");
/// assert_eq!(m[0].modifier.map(|m| m.as_str()), Some("BEFORE"));
/// ```
pub fn extract(doc: &Document) -> Vec<Mention> {
    Extractor::default().extract(doc)
}

/// Mentions and timeline of a document, with the default options.
pub fn analyze(doc: &Document) -> Analysis {
    Extractor::default().analyze(doc)
}
