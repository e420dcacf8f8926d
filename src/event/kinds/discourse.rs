//! Discourse word classes: what a sentence says about its place in the story, for the event
//! builder (which sentence continues which, which may borrow a date, which is no event).
//!
//! Each class is a language's table ([`DiscourseTables`](super::DiscourseTables), the
//! Russian one in `src/lang/ru/cues/discourse.rs`), read on the document's existing tokens;
//! the phrase classes are cue phrases (the syntax of [`crate::event::kinds`], plus `^` for a
//! phrase that must start at the sentence's first word), compiled with the kind cues into the
//! same word table and run by the same matcher. Nothing is allocated: the thread's buffers of
//! the kind engine are reused.
//!
//! | class | method | examples (Russian tables) |
//! |---|---|---|
//! | points back to an earlier event | [`Cues::refers_back`] | `это решение`, `такое решение`, `данная мера`, `об этом`, `режим продлён`, `эти меры`, `указанные ограничения` |
//! | opens with the time of the event before (goes on across a paragraph break) | `Discourse::same_time` | `За тот же период`, `В тот же день`, `Тогда же` |
//! | reports the event before (its date is the report's, no new happening) | `Discourse::reports_back` | `Об этом он сообщил в четверг`, `Об этом заявил министр на брифинге 12 мая` |
//! | opens with a time counted back (after a count, a statistic to compare with: no event) | `Discourse::looks_back` | `Неделей ранее суточный прирост превышал 300 случаев`, `Днём раньше ...` |
//! | says what the restriction before it leaves open (more of that measure) | `Discourse::leaves_open` | `Работу продолжат только ...`, `Открытыми останутся ...`, `Будут работать лишь ...` |
//! | on how long the measure before it holds (restates it) | `Discourse::validity` | `Постановление действует до ...`, `Ограничения сохранятся до ...`, `Срок действия карантина — ...` |
//! | must not borrow the previous date | [`Cues::refuses_inheritance`] | `Ранее ...`, `До этого ...`, `всего за период`, `с начала пандемии`, `за всё время`, `если`, `в случае`, `при условии`, `могут быть`, `возможно`, `не исключено`, `по прогнозам` |
//! | a mention is a comparison reference | [`Cues::comparison_before`] | `по сравнению с маем`, `чем в прошлом году`, `против 120 накануне`, `в сравнении с`, `относительно` |
//! | page furniture | [`Cues::is_furniture`] | `3 апреля 2020, 09:15`, `Обновлено: ...`, `Просмотров: 1520`, `Фото: ...`, `Читайте также: ...`, `Общество` |
//! | a leading dateline | [`Cues::dateline`] | `АЛМАТЫ, 5 апреля. /КазТАГ/.`, `НУР-СУЛТАН. 12 мая. KAZINFORM —`, `Москва, 3 апреля — РИА Новости.`, `МОСКВА, 8 апр —` |
//! | a plain day is a decision's, not a start (word lists) | [`Cues::extension_in`] | `продлил`, `продлены`, `продлевается` |
//! | a day dates the report, not the news | [`Cues::reported_at`] | `..., сообщили в пятницу`, `сообщил во вторник` |
//! | a date is what a rumour claims | [`Cues::first_rumour`] | `слухи о том, что ...`, `фейк` |
//! | a window qualifies a group of people | [`Cues::defines_group`] | `переболевшие в течение последних шести месяцев`, `прибывших за последние 14 дней` |
//!
//! [`Cues::discourse`] answers all of them in one reading of the sentence.
//!
//! Limits: the classes are lexical. A conditional or a forecast anywhere in the sentence
//! refuses inheritance for all of it (`Если ситуация ухудшится, карантин продлят` borrows
//! nothing); `refers_back` holds for any demonstrative before a measure noun, also when the
//! measure is new (`Эта мера вводится впервые`); a dateline is recognized only at the
//! sentence's start, with its place in capitals or followed by an agency or a dash.

use super::{
    Cues, Part, Role, Scratch, Tok, FACT_ALL_RUBRIC, FACT_ALL_STAMP, FACT_ANY_NUMBER, FACT_CONDITIONAL, FACT_RUMOUR,
    PART_SCRATCH, SCRATCH,
};
use crate::text::{Gap, Token, TokenKind, Tokens};
use std::ops::Range;

/// A dateline mark (in `Cues::marks`): a month name.
pub(super) const MONTH: u16 = 1;
/// A dateline mark: a word of a news agency's name.
pub(super) const AGENCY: u16 = 2;
/// A word of a bare timestamp (a month name, `года`, `в`).
pub(super) const STAMP: u16 = 4;
/// A rubric name.
pub(super) const RUBRIC: u16 = 8;
/// A conjunction of a condition (`если`).
pub(super) const CONDITIONAL: u16 = 16;
/// A conjunction of contrast (`а`, `но`): after a comma it opens a clause of its own.
pub(super) const CONTRAST: u16 = 32;
/// A form of a verb that extends a measure (`продлил`).
pub(super) const EXTENSION: u16 = 64;
/// A verb of reporting (`сообщили`): a day right after it dates the report, not the news.
pub(super) const REPORTING: u16 = 128;
/// A word for a rumour (`слухи`, `фейк`): a date after it is what the rumour claims.
pub(super) const RUMOUR: u16 = 256;
/// A relative pronoun of persons (`кто`) that opens a clause defining a group.
pub(super) const GROUP: u16 = 512;
/// A word right before a duration that makes it a report's window (`за`).
pub(super) const WINDOW: u16 = 1024;
/// A word around such a duration that counts it back from something else (`до`, `чем`).
pub(super) const WINDOW_NOT: u16 = 2048;

/// Most words from a window back to the participle of the group it qualifies (see
/// [`Cues::defines_group`]).
const GROUP_REACH: usize = 4;

/// Most words of a bare timestamp sentence (`пятница, 3 апреля 2020 года, 09:15`).
const MAX_TIMESTAMP_WORDS: u32 = 10;
/// Most words of a rubric line (`Общество`, `В мире`).
const MAX_RUBRIC_WORDS: u32 = 4;
/// Most words (numbers aside) of a byline's segment that is no timestamp (`Пресс-служба
/// акимата ВКО`, `Обновлено: 17:40`).
const MAX_BYLINE_SEGMENT_WORDS: u32 = 4;
/// The marks that part a byline's segments (`Informburo.kz · Общество · 29 июня 2021, 09:48`).
const BYLINE_SEPARATORS: &[&str] = &["·", "|", "•", "∙", "‧", "¦"];
/// Whether a punctuation token whose normalized form starts with byte `b` may be one of
/// [`BYLINE_SEPARATORS`] (the reading notes it, so that a sentence with none is not
/// scanned for a byline).
#[inline]
pub(super) fn may_part_byline(b: u8) -> bool {
    BYLINE_SEPARATORS.iter().any(|m| m.as_bytes().first() == Some(&b))
}

/// Most words of a dateline's place (`УСТЬ-КАМЕНОГОРСК` is two).
const MAX_PLACE_WORDS: usize = 4;
/// Most tokens `comparison_before` looks back when it finds no sentence start.
const LOOK_BACK: usize = 24;

/// The discourse classes of one sentence (see the module docs).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Discourse {
    /// It points back to an earlier event.
    pub(crate) refers_back: bool,
    /// It opens with the time of the event before (`За тот же период ...`).
    pub(crate) same_time: bool,
    /// It names the period of an event before (`за тот же период`, `за это время`): it goes
    /// on with the latest event of a period, past an event of a day between.
    pub(crate) same_period: bool,
    /// It says what the restriction before it leaves open (`Работу продолжат только аптеки`).
    pub(crate) leaves_open: bool,
    /// It reports the event before (`Об этом он сообщил в четверг`).
    pub(crate) reports_back: bool,
    /// It opens with a time counted back from the event before (`Неделей ранее ...`).
    pub(crate) looks_back: bool,
    /// It opens on how long the measure before it holds (`Постановление действует ...`).
    pub(crate) validity: bool,
    /// It must not borrow the previous sentence's date.
    pub(crate) refuses_inheritance: bool,
    /// It presents a decree's content (`согласно постановлению`, `документ обязывает`).
    pub(crate) content: bool,
    /// It is page furniture, not an event.
    pub(crate) furniture: bool,
    /// The token range of its leading dateline, if it has one.
    pub(crate) dateline: Option<Range<usize>>,
}

/// Runs `f` with the thread's buffers (fresh ones if they are in use).
fn with_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => f(&mut scratch),
        Err(_) => f(&mut Scratch::default()),
    })
}

/// Runs `f` with the thread's buffers for reads of part of a sentence.
fn with_part_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    PART_SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => f(&mut scratch),
        Err(_) => f(&mut Scratch::default()),
    })
}

impl Cues {
    /// Reads the sentence made of tokens `range` and leaves the hits of the discourse rules
    /// in `s.hits`.
    fn discourse_hits(&self, text: &str, tokens: &Tokens, range: Range<usize>, s: &mut Scratch) {
        s.read(self, text, tokens, range);
        self.all_hits(s);
    }

    /// Whether a rule of `role` matched (after [`Cues::discourse_hits`]).
    fn hit(&self, s: &Scratch, role: Role) -> bool {
        s.hits.iter().any(|h| self.role(h.rule) == Some(role))
    }

    /// Whether the sentence made of tokens `range` points back to an earlier event: a
    /// demonstrative before a measure noun (`это решение`, `такое решение`, `данная мера`,
    /// `эти меры`, `указанные ограничения`), `об этом`, an extension without its measure
    /// named anew (`режим продлён`, `продлили`).
    pub(crate) fn refers_back(&self, text: &str, tokens: &Tokens, range: Range<usize>) -> bool {
        with_scratch(|s| {
            self.discourse_hits(text, tokens, range, s);
            self.hit(s, Role::RefersBack)
        })
    }

    /// Whether the sentence made of tokens `range` must not borrow a date from the one
    /// before it: a retrospective opener (`Ранее`, `До этого`, `Прежде`, `В прошлом`,
    /// `Накануне`), an aggregate over the whole epidemic (`всего за период`, `с начала
    /// пандемии`, `за всё время`, `за весь период`), a conditional or hypothetical clause
    /// (`если`, `в случае`, `при условии`, `может быть`, `могут`, `возможно`, `не
    /// исключено`), a forecast (`по прогнозам`, `ожидается, что`).
    pub(crate) fn refuses_inheritance(&self, text: &str, tokens: &Tokens, range: Range<usize>) -> bool {
        with_scratch(|s| {
            self.discourse_hits(text, tokens, range, s);
            self.refuses(s)
        })
    }

    /// Whether the discourse hits of `s` forbid borrowing a date: a hit of `no_inheritance`
    /// that no record or extreme right before it qualifies (`максимальное число за все время
    /// пандемии` is the figure's qualifier, not an aggregate).
    fn refuses(&self, s: &Scratch) -> bool {
        let index = |w: u32| s.toks.get(w as usize).map(|t| t.index);
        let extremes = || s.hits.iter().filter(|h| self.role(h.rule) == Some(Role::Extreme));
        s.hits.iter().filter(|h| self.role(h.rule) == Some(Role::NoInheritance)).any(|h| {
            let Some(start) = index(h.first) else { return true };
            !extremes().any(|e| index(e.last).is_some_and(|end| end < start && start - end <= super::EXTREME_REACH))
        })
    }

    /// Whether the mention that starts at token `first_token` is a comparison reference
    /// (`по сравнению с маем`, `чем в прошлом году`, `против 120 накануне`, `в сравнении
    /// с`, `относительно`): a comparison phrase ends in the same clause at most one word before
    /// it (a preposition), or, for a phrase of more than one word, at most
    /// `comparison_reach` words before it; numbers between are not counted. It looks back within the
    /// sentence: to the last sentence-ending punctuation or line break before the token,
    /// at most a few dozen tokens.
    pub(crate) fn comparison_before(&self, text: &str, tokens: &Tokens, first_token: usize) -> bool {
        self.comparison_within(text, tokens, sentence_start(text, tokens, first_token), first_token)
    }

    /// [`Cues::comparison_before`] for a mention of the sentence that starts at token
    /// `start` (the caller knows it: nothing is looked back for).
    pub(crate) fn comparison_within(&self, text: &str, tokens: &Tokens, start: usize, first_token: usize) -> bool {
        if start >= first_token {
            return false;
        }
        with_part_scratch(|s| {
            self.discourse_hits(text, tokens, start..first_token, s);
            let toks = &s.toks;
            s.hits.iter().any(|h| {
                let Some(rule) = self.rules.get(h.rule as usize) else { return false };
                let Some(last) = toks.get(h.last as usize) else { return false };
                // A phrase that opens the sentence (`^для сравнения,`) sets the sentence off as
                // a comparison: its comma opens no clause of its own, and a mention right after
                // that comma (`Для сравнения, неделей ранее ...`) is in it too.
                if rule.role != Role::Comparison
                    || (!rule.anchored
                        && (s.tail_sep > 0 || toks[h.last as usize + 1..].iter().any(|t| t.clause != last.clause)))
                {
                    return false;
                }
                let numbers = toks[h.last as usize + 1..].iter().filter(|t| t.number).count() as u32;
                let between = s.words.saturating_sub(last.index + 1).saturating_sub(numbers);
                // A one-word phrase (`чем`, `против`) stands right before the mention or
                // before its preposition (`чем в прошлом году`, the mention `прошлом году`).
                let reach = if rule.elements.len() == 1 { 1 } else { self.comparison_reach };
                between as usize <= reach
            })
        })
    }

    /// [`Cues::comparison_within`] for a mention at token `first_token` of the sentence made
    /// of tokens `sentence`: the whole sentence is read first (the reading its kinds use
    /// too, see [`super::Reading`]), and only when one of its words can start a comparison
    /// phrase are the words before the mention read on their own.
    pub(crate) fn comparison_in(
        &self,
        text: &str,
        tokens: &Tokens,
        sentence: Range<usize>,
        first_token: usize,
    ) -> bool {
        if sentence.start >= first_token {
            return false;
        }
        let start = sentence.start;
        let can = match own_word_at(tokens, sentence.clone(), first_token) {
            // See `comparison_from`.
            Some(cut) => self.comparison_from(text, tokens, sentence) < cut,
            // Otherwise any word that can start a comparison phrase sends us to the reading of
            // the words before the mention.
            None => with_scratch(|s| {
                s.read(self, text, tokens, sentence);
                s.toks.iter().any(|t| {
                    let (from, to) = (t.rules[Part::Discourse as usize], t.rules[Part::Discourse as usize + 1]);
                    s.memo
                        .rules
                        .get(from as usize..to as usize)
                        .unwrap_or(&[])
                        .iter()
                        .any(|&r| self.role(r) == Some(Role::Comparison))
                })
            }),
        };
        can && self.comparison_within(text, tokens, start, first_token)
    }

    /// [`Cues::comparison_in`], told what [`Cues::comparison_from`] says of the sentence
    /// (`from`, asked once for all its mentions): a mention that starts a word of its own at
    /// or before `from` follows no comparison phrase, and nothing more is read.
    pub(crate) fn comparison_in_from(
        &self,
        from: usize,
        text: &str,
        tokens: &Tokens,
        sentence: Range<usize>,
        first_token: usize,
    ) -> bool {
        if sentence.start >= first_token {
            return false;
        }
        match own_word_at(tokens, sentence.clone(), first_token) {
            Some(cut) if from >= cut => false,
            _ => self.comparison_in(text, tokens, sentence, first_token),
        }
    }

    /// Where (a byte offset) the first word of the sentence made of tokens `sentence` starts
    /// that can anchor a comparison phrase whose other words the sentence has (`usize::MAX`
    /// when none can). For a mention that starts a word of its own (see `own_word_at`), the
    /// words before it are the whole reading's first words, with the same atoms, positions and
    /// indices; a comparison phrase there is anchored at one of them and needs atoms the whole
    /// sentence has. So a mention that starts at or before this offset follows no comparison
    /// phrase, and the words before it need no reading of their own.
    pub(crate) fn comparison_from(&self, text: &str, tokens: &Tokens, sentence: Range<usize>) -> usize {
        with_scratch(|s| {
            s.read(self, text, tokens, sentence);
            let anchors = |t: &&Tok| {
                let (from, to) = (t.rules[Part::Discourse as usize], t.rules[Part::Discourse as usize + 1]);
                s.memo.rules.get(from as usize..to as usize).unwrap_or(&[]).iter().any(|&r| {
                    self.heads.get(r as usize).is_some_and(|head| {
                        head.role == Role::Comparison && head.may_start(&self.rules, r, &s.present, t.index)
                    })
                })
            };
            s.toks.iter().find(anchors).map_or(usize::MAX, |t| t.start as usize)
        })
    }

    /// Whether the sentence made of tokens `range` is page furniture: a bare timestamp or
    /// byline date (only numbers and date words: `3 апреля 2020, 09:15`), a rubric line
    /// (`Общество`), a furniture phrase at its start or after a leading timestamp
    /// (`Обновлено`, `Просмотров: 1520`, `Фото:`, `Читайте также`), a dateline and nothing
    /// else, or no word at all.
    pub(crate) fn is_furniture(&self, text: &str, tokens: &Tokens, range: Range<usize>) -> bool {
        let dateline = self.dateline(text, tokens, range.clone());
        with_scratch(|s| {
            self.discourse_hits(text, tokens, range.clone(), s);
            self.furniture_of(s, tokens, range, dateline.as_ref())
        })
    }

    /// Whether the sentence made of tokens `range` states a condition (a word of
    /// [`DiscourseTables::conditionals`](super::DiscourseTables::conditionals), `Если
    /// ситуация не улучшится, ограничения продлят до 1 мая`): what it dates may happen, and
    /// is no happening of the timeline.
    pub(crate) fn is_conditional(&self, text: &str, tokens: &Tokens, range: Range<usize>) -> bool {
        if range.end > tokens.len() {
            return self.marked_in(tokens, range, CONDITIONAL);
        }
        // From the sentence's reading (the one its discourse classes and kinds use too).
        with_scratch(|s| {
            s.read(self, text, tokens, range);
            s.facts & FACT_CONDITIONAL != 0
        })
    }

    /// Whether tokens `range` hold a semicolon, or a comma and a conjunction of contrast
    /// ([`DiscourseTables::contrasts`](super::DiscourseTables::contrasts): `, а`, `, но`):
    /// the clauses on both sides tell happenings of their own.
    pub(crate) fn contrast_between(&self, tokens: &Tokens, range: Range<usize>) -> bool {
        let end = range.end;
        range.into_iter().any(|i| {
            let punct =
                |k: usize, s: &str| tokens.get(k).is_some_and(|t| t.kind == TokenKind::Punct) && tokens.norm(k) == s;
            punct(i, ";")
                || (punct(i, ",")
                    && i + 1 < end
                    && tokens.get(i + 1).is_some_and(|t| t.kind == TokenKind::Word)
                    && self.marks.get(tokens.norm(i + 1)).is_some_and(|m| m & CONTRAST != 0))
        })
    }

    /// Whether tokens `range` hold a form of a verb that extends a measure
    /// ([`DiscourseTables::extensions`](super::DiscourseTables::extensions): `продлил`).
    pub(crate) fn extension_in(&self, tokens: &Tokens, range: Range<usize>) -> bool {
        self.marked_in(tokens, range, EXTENSION)
    }

    /// Whether a word of tokens `range` carries discourse mark `mark` (`EXTENSION`, ...).
    fn marked_in(&self, tokens: &Tokens, range: Range<usize>, mark: u16) -> bool {
        range.into_iter().any(|i| {
            tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
                && self.marks.get(tokens.norm(i)).is_some_and(|m| m & mark != 0)
        })
    }

    /// Whether the mention at token `at` of the sentence made of tokens `range` dates a
    /// report: the word before it, or the one before a short preposition before it, is a
    /// verb of reporting ([`DiscourseTables::reporting`](super::DiscourseTables::reporting):
    /// `сообщили в пятницу`).
    pub(crate) fn reported_at(&self, tokens: &Tokens, range: Range<usize>, at: usize) -> bool {
        let mut words = (range.start..at.min(range.end))
            .rev()
            .filter(|&i| tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word));
        let marked = |i: usize| self.marks.get(tokens.norm(i)).is_some_and(|m| m & REPORTING != 0);
        match (words.next(), words.next()) {
            (Some(a), _) if marked(a) => true,
            (Some(a), Some(b)) => tokens.norm(a).chars().count() <= 2 && b + 1 == a && marked(b),
            _ => false,
        }
    }

    /// Whether the mention at token `at` of the sentence made of tokens `range` stands in a
    /// clause that defines a group of people: the clause, from the comma before the mention,
    /// opens with a word of
    /// [`DiscourseTables::group_relatives`](super::DiscourseTables::group_relatives) (`тем,
    /// кто получил второй компонент более шести месяцев назад`).
    pub(crate) fn in_group_clause(&self, tokens: &Tokens, range: Range<usize>, at: usize) -> bool {
        let comma = (range.start..at.min(range.end))
            .rev()
            .find(|&i| tokens.get(i).is_some_and(|t| t.kind == TokenKind::Punct) && tokens.norm(i) == ",");
        comma.is_some_and(|c| {
            let first = c + 1;
            first < at
                && tokens.get(first).is_some_and(|t| t.kind == TokenKind::Word)
                && self.marks.get(tokens.norm(first)).is_some_and(|m| m & GROUP != 0)
        })
    }

    /// The first token of tokens `range` that is a word for a rumour
    /// ([`DiscourseTables::rumours`](super::DiscourseTables::rumours): `слухи`): a mention
    /// after it is what the rumour claims. Asked once per sentence; a sentence whose reading
    /// (the one its discourse classes and kinds use) holds no such word is not scanned.
    pub(crate) fn first_rumour(&self, text: &str, tokens: &Tokens, range: Range<usize>) -> Option<usize> {
        if range.end <= tokens.len()
            && !with_scratch(|s| {
                s.read(self, text, tokens, range.clone());
                s.facts & FACT_RUMOUR != 0
            })
        {
            return None;
        }
        range.into_iter().find(|&i| {
            tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
                && self.marks.get(tokens.norm(i)).is_some_and(|m| m & RUMOUR != 0)
        })
    }

    /// Whether the duration of tokens `at..end` of the sentence made of tokens `range` is the
    /// window of a report ending at publication: a word of
    /// [`DiscourseTables::window_before`](super::DiscourseTables::window_before) right before
    /// it (`за неделю`), and no word of
    /// [`DiscourseTables::window_not`](super::DiscourseTables::window_not) right after it
    /// (`за неделю до выборов`) or right before that word (`не позднее чем за три дня`).
    pub(crate) fn report_window(&self, tokens: &Tokens, range: Range<usize>, at: usize, end: usize) -> bool {
        let mark = |i: usize| {
            tokens
                .get(i)
                .filter(|t| t.kind == TokenKind::Word && range.contains(&i))
                .and_then(|_| self.marks.get(tokens.norm(i)).copied())
                .unwrap_or(0)
        };
        let Some(before) = at.checked_sub(1) else { return false };
        mark(before) & WINDOW != 0
            && before.checked_sub(1).is_none_or(|b| mark(b) & WINDOW_NOT == 0)
            && mark(end) & WINDOW_NOT == 0
    }

    /// Whether the mention at token `at` of the sentence made of tokens `range` is a window
    /// that qualifies a group of people: a word at most [`GROUP_REACH`] words before it, with
    /// no punctuation but hyphens between, ends as a participle of
    /// [`DiscourseTables::participle_endings`](super::DiscourseTables::participle_endings)
    /// (`переболевшие в течение последних шести месяцев`, `на переболевших COVID-19 в
    /// последние полгода`). Not when a number counts the participle (`выявлено 120
    /// заболевших за последние сутки` is a count), unless it is a part of them (`из 87
    /// умерших за неделю`, a word of
    /// [`DiscourseTables::group_of`](super::DiscourseTables::group_of) before the number).
    pub(crate) fn defines_group(&self, tokens: &Tokens, range: Range<usize>, at: usize) -> bool {
        let word = |i: usize| tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word);
        let number = |i: usize| {
            tokens.get(i).is_some_and(|t| t.kind == TokenKind::Number)
                || (word(i) && (self.is_number_word)(tokens.norm(i)))
        };
        let participle = |i: usize| {
            let w = tokens.norm(i);
            word(i) && self.participle_endings.iter().any(|e| w.len() > e.len() + 2 && w.ends_with(e))
        };
        let mut words = 0;
        let mut i = at.min(range.end);
        while i > range.start && words < GROUP_REACH {
            i -= 1;
            let Some(t) = tokens.get(i) else { return false };
            if t.kind == TokenKind::Punct {
                if tokens.norm(i) == "-" {
                    continue;
                }
                return false;
            }
            if participle(i) {
                let counted = i > range.start && number(i - 1);
                let part = counted
                    && i > range.start + 1
                    && word(i - 2)
                    && self.group_of.iter().any(|g| *g == tokens.norm(i - 2));
                return !counted || part;
            }
            words += 1;
        }
        false
    }

    /// The token range of the dateline the sentence made of tokens `range` opens with
    /// (`АЛМАТЫ, 5 апреля. /КазТАГ/.`, `НУР-СУЛТАН. 12 мая. KAZINFORM —`, `Москва, 3
    /// апреля — РИА Новости.`): a place (one to four capitalized words, hyphens allowed),
    /// a comma or full stop, a day and a month name (a year may follow), and then an
    /// agency (between slashes or brackets, or words of the agency table) or a dash; a place
    /// in capitals needs neither. The range takes the punctuation that closes the dateline,
    /// so the story's first sentence starts at its end.
    pub(crate) fn dateline(&self, text: &str, tokens: &Tokens, range: Range<usize>) -> Option<Range<usize>> {
        Dateline { cues: self, text, tokens, end: range.end }.find(range.start)
    }

    /// Every discourse class of the sentence made of tokens `range`, in one reading of it.
    pub(crate) fn discourse(&self, text: &str, tokens: &Tokens, range: Range<usize>) -> Discourse {
        self.discourse_of(text, tokens, range, true)
    }

    /// [`Cues::discourse`], looking for a dateline only when `dateline` says (a dateline
    /// opens a line: the builder asks for it at a line's first sentence only).
    pub(crate) fn discourse_of(&self, text: &str, tokens: &Tokens, range: Range<usize>, dateline: bool) -> Discourse {
        let dateline = if dateline { self.dateline(text, tokens, range.clone()) } else { None };
        with_scratch(|s| {
            self.discourse_hits(text, tokens, range.clone(), s);
            // The classes of the phrase rules, in one walk over the hits.
            let mut d = Discourse::default();
            for h in &s.hits {
                match self.role(h.rule) {
                    Some(Role::RefersBack) => d.refers_back = true,
                    Some(Role::SameTime) => d.same_time = true,
                    Some(Role::SamePeriod) => d.same_period = true,
                    Some(Role::LeavesOpen) => d.leaves_open = true,
                    Some(Role::ReportsBack) => d.reports_back = true,
                    Some(Role::LooksBack) => d.looks_back = true,
                    Some(Role::Validity) => d.validity = true,
                    Some(Role::Content) => d.content = true,
                    _ => {}
                }
            }
            d.refuses_inheritance = self.refuses(s);
            d.furniture = self.furniture_of(s, tokens, range.clone(), dateline.as_ref());
            d.dateline = dateline;
            d
        })
    }

    /// [`Cues::is_furniture`] on the sentence made of tokens `range`, read into `s` (with
    /// its discourse hits).
    fn furniture_of(&self, s: &Scratch, tokens: &Tokens, range: Range<usize>, dateline: Option<&Range<usize>>) -> bool {
        if s.words == 0 || dateline.is_some_and(|d| d.end >= range.end) {
            return true;
        }
        if s.words <= MAX_TIMESTAMP_WORDS {
            if s.facts & (FACT_ALL_STAMP | FACT_ANY_NUMBER) == FACT_ALL_STAMP | FACT_ANY_NUMBER {
                return true;
            }
            if s.words <= MAX_RUBRIC_WORDS && s.facts & FACT_ALL_RUBRIC != 0 {
                return true;
            }
        }
        let mark = |i: usize| self.marks.get(tokens.norm(i)).copied().unwrap_or(0);
        let number = |i: usize, t: &Token| t.kind == TokenKind::Number || (self.is_number_word)(tokens.norm(i));
        let words =
            || range.clone().filter_map(|i| tokens.get(i).filter(|t| t.kind != TokenKind::Punct).map(|t| (i, t)));
        let stamp = |(i, t): (usize, &Token)| number(i, t) || mark(i) & STAMP != 0;
        // A furniture phrase whose words before it (if any) are a timestamp.
        s.hits.iter().any(|h| {
            let Some(first) = s.toks.get(h.first as usize) else { return false };
            self.role(h.rule) == Some(Role::Furniture)
                && words().take_while(|(_, t)| t.start() < first.start as usize).all(stamp)
        }) || (s.byline_marks && self.is_byline(tokens, range))
    }

    /// A byline: segments parted by a separator mark (`Informburo.kz · Общество · 29 июня
    /// 2021, 09:48`, `Общество | 11 февраля 2022, 18:25 | Просмотров: 12 308`), one of them a
    /// timestamp (date words and at least two numbers, nothing else; or three numbers after
    /// one word: `Обновлено: 24 июня 2020, 14:05`), every other short
    /// (at most [`MAX_BYLINE_SEGMENT_WORDS`] words besides numbers: a source, a rubric,
    /// `Обновлено 11:20`, `8 412 просмотров`).
    fn is_byline(&self, tokens: &Tokens, range: Range<usize>) -> bool {
        // (Compared byte by byte: the marks are a few bytes long.)
        let separator = |i: usize| {
            tokens.get(i).is_some_and(|t| t.kind == TokenKind::Punct) && {
                let n = tokens.norm_bytes(i);
                BYLINE_SEPARATORS.iter().any(|m| m.len() == n.len() && m.bytes().zip(n).all(|(a, &b)| a == b))
            }
        };
        if !range.clone().any(separator) {
            return false;
        }
        #[derive(Default, Clone, Copy)]
        struct Segment {
            words: u32,
            numbers: u32,
            /// Words that are no date words.
            other: u32,
        }
        let mut parted = false;
        let mut stamp_seen = false;
        let mut cur = Segment::default();
        let mut close = |seg: Segment| {
            // A timestamp, also after one word (`Обновлено: 24 июня 2020, 14:05`).
            if (seg.numbers >= 2 && seg.other == 0) || (seg.numbers >= 3 && seg.other <= 1) {
                stamp_seen = true;
                true
            } else {
                seg.words <= MAX_BYLINE_SEGMENT_WORDS
            }
        };
        for i in range {
            let Some(t) = tokens.get(i) else { break };
            match t.kind {
                TokenKind::Punct if separator(i) => {
                    parted = true;
                    if !close(std::mem::take(&mut cur)) {
                        return false;
                    }
                }
                TokenKind::Punct => {}
                TokenKind::Number => cur.numbers += 1,
                TokenKind::Word if (self.is_number_word)(tokens.norm(i)) => cur.numbers += 1,
                TokenKind::Word => {
                    cur.words += 1;
                    let mark = self.marks.get(tokens.norm(i)).copied().unwrap_or(0);
                    cur.other += u32::from(mark & STAMP == 0);
                }
            }
        }
        let last = close(cur);
        parted && last && stamp_seen
    }
}

/// The byte offset where token `first_token` starts, when it starts a word of its own inside
/// the sentence made of tokens `sentence` (it does not touch a word or number token before
/// it: `COVID19` is one word of the kind engine, read as one); `None` otherwise.
fn own_word_at(tokens: &Tokens, sentence: Range<usize>, first_token: usize) -> Option<usize> {
    let (p, t) = (tokens.get(first_token.checked_sub(1)?)?, tokens.get(first_token)?);
    let touching =
        t.gap == Gap::None && p.end() == t.start() && p.kind != TokenKind::Punct && t.kind != TokenKind::Punct;
    (!touching && first_token <= sentence.end).then_some(t.start())
}

/// The first token of the sentence holding token `at`, as far as the tokens show it: after
/// the last `.`, `!`, `?` or `;` before it (not between digits), or the last line break, at
/// most [`LOOK_BACK`] tokens back.
fn sentence_start(text: &str, tokens: &Tokens, at: usize) -> usize {
    let lo = at.saturating_sub(LOOK_BACK);
    let mut i = at.min(tokens.len());
    while i > lo {
        let Some(t) = tokens.get(i) else {
            i -= 1;
            continue;
        };
        if t.gap >= Gap::Newline && i < at {
            return i;
        }
        let Some(p) = tokens.get(i - 1) else { break };
        if p.kind == TokenKind::Punct && matches!(punct(text, p), '.' | '!' | '?' | ';' | '…') {
            let digits = tokens.get(i.saturating_sub(2)).is_some_and(|b| b.kind == TokenKind::Number)
                && t.kind == TokenKind::Number
                && t.gap == Gap::None;
            if !digits {
                return i;
            }
        }
        i -= 1;
    }
    i
}

/// The first character of a token.
fn punct(text: &str, t: &Token) -> char {
    text.get(t.start()..t.end()).and_then(|s| s.chars().next()).unwrap_or(' ')
}

/// A dateline scan over the tokens of one sentence (up to `end`).
struct Dateline<'a> {
    cues: &'a Cues,
    text: &'a str,
    tokens: &'a Tokens,
    end: usize,
}

impl Dateline<'_> {
    fn get(&self, i: usize) -> Option<&Token> {
        if i < self.end {
            self.tokens.get(i)
        } else {
            None
        }
    }

    fn mark(&self, i: usize) -> u16 {
        match self.get(i) {
            Some(t) if t.kind == TokenKind::Word => self.cues.marks.get(self.tokens.norm(i)).copied().unwrap_or(0),
            _ => 0,
        }
    }

    /// The punctuation character at `i`, if token `i` is punctuation.
    fn punct(&self, i: usize) -> Option<char> {
        self.get(i).filter(|t| t.kind == TokenKind::Punct).map(|t| punct(self.text, t))
    }

    fn is_dash(c: char) -> bool {
        matches!(c, '-' | '\u{2012}'..='\u{2015}')
    }

    fn find(&self, start: usize) -> Option<Range<usize>> {
        // The place: capitalized words, parts of one word joined by touching hyphens.
        let mut i = start;
        let mut words = 0;
        while let Some(t) = self.get(i) {
            if t.kind != TokenKind::Word || !t.capitalized || words >= MAX_PLACE_WORDS {
                break;
            }
            words += 1;
            i += 1;
            let hyphen = self.punct(i) == Some('-')
                && self.get(i).is_some_and(|h| h.gap == Gap::None)
                && self.get(i + 1).is_some_and(|n| n.gap == Gap::None && n.kind == TokenKind::Word);
            if hyphen {
                i += 1;
            }
        }
        if words == 0 || !matches!(self.punct(i), Some(',' | '.')) {
            return None;
        }
        i += 1;
        // The date: a day and a month, and maybe a year.
        self.get(i).filter(|t| t.kind == TokenKind::Number && t.digits <= 2 && (1..=31).contains(&t.number))?;
        i += 1;
        if self.mark(i) & MONTH == 0 {
            return None;
        }
        i += 1;
        if self.get(i).is_some_and(|t| t.kind == TokenKind::Number && t.digits == 4) {
            i += 1;
            // `г.`, `года`: a timestamp word right after the year.
            if self.mark(i) & STAMP != 0 {
                i += 1;
            }
        }
        let mut dash = false;
        // Punctuation after the date, then the agency, then its closing punctuation.
        while let Some(c) = self.punct(i) {
            if matches!(c, '/' | '(' | '[') {
                break;
            }
            dash |= Self::is_dash(c);
            i += 1;
        }
        let mut agency = false;
        if let Some(open) = self.punct(i).filter(|c| matches!(c, '/' | '(' | '[')) {
            let close = match open {
                '(' => ')',
                '[' => ']',
                _ => '/',
            };
            let inner = (i + 1..(i + 6).min(self.end)).find(|&j| self.punct(j) == Some(close));
            if let Some(j) = inner.filter(|&j| j > i + 1) {
                agency = true;
                i = j + 1;
            }
        } else {
            while self.mark(i) & AGENCY != 0 {
                agency = true;
                i += 1;
            }
        }
        if agency {
            while let Some(c) = self.punct(i) {
                if !(matches!(c, '.' | ',' | ':') || Self::is_dash(c)) {
                    break;
                }
                dash |= Self::is_dash(c);
                i += 1;
            }
        }
        // A place in capitals needs neither (read last: most sentences end above).
        let caps = || {
            (start..i).filter_map(|j| self.get(j).filter(|t| t.kind == TokenKind::Word)).take(words).all(|t| {
                self.text
                    .get(t.start()..t.end())
                    .unwrap_or("")
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
            })
        };
        (agency || dash || caps()).then_some(start..i)
    }
}

/// The discourse classes of one Russian sentence, by name (`refers_back`,
/// `refuses_inheritance`, `content`, `comparison` when a date mention in it is a comparison reference,
/// `furniture`, `dateline`), for the corpus tests: it tokenizes the sentence and finds its
/// mentions, which the pipeline never does twice.
pub fn classes(sentence: &str) -> Vec<&'static str> {
    let lang = crate::lang::Lang::Ru.table();
    let cues: &Cues = lang.events.cues;
    let tokens = Tokens::with_lookalikes(sentence, lang.lookalikes);
    let all = 0..tokens.len();
    let d = cues.discourse(sentence, &tokens, all.clone());
    // The one-reading answer agrees with the class-by-class one.
    debug_assert_eq!(d.refers_back, cues.refers_back(sentence, &tokens, all.clone()));
    debug_assert_eq!(d.refuses_inheritance, cues.refuses_inheritance(sentence, &tokens, all.clone()));
    debug_assert_eq!(d.furniture, cues.is_furniture(sentence, &tokens, all.clone()));
    debug_assert_eq!(d.dateline, cues.dateline(sentence, &tokens, all));
    let mut out = Vec::new();
    if d.refers_back {
        out.push("refers_back");
    }
    if d.same_time {
        out.push("same_time");
    }
    if d.same_period {
        out.push("same_period");
    }
    if d.leaves_open {
        out.push("leaves_open");
    }
    if d.reports_back {
        out.push("reports_back");
    }
    if d.looks_back {
        out.push("looks_back");
    }
    if d.validity {
        out.push("validity");
    }
    if d.refuses_inheritance {
        out.push("refuses_inheritance");
    }
    if d.content {
        out.push("content");
    }
    let published = crate::Published::from(chrono::NaiveDate::from_ymd_opt(2020, 5, 15).unwrap_or_default());
    let mentions = crate::extract(&crate::Document::new(published, sentence));
    let comparison = mentions.iter().any(|m| {
        let at = m.span().start;
        (0..tokens.len())
            .find(|&i| tokens.get(i).is_some_and(|t| t.start() >= at))
            .is_some_and(|i| cues.comparison_before(sentence, &tokens, i))
    });
    if comparison {
        out.push("comparison");
    }
    if d.furniture {
        out.push("furniture");
    }
    if d.dateline.is_some() {
        out.push("dateline");
    }
    if cues.is_conditional(sentence, &tokens, 0..tokens.len()) {
        out.push("conditional");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues() -> &'static Cues {
        crate::lang::Lang::Ru.table().events.cues
    }

    fn on(s: &str) -> (Tokens, Range<usize>) {
        let t = Tokens::new(s);
        let n = t.len();
        (t, 0..n)
    }

    #[test]
    fn back_references() {
        for s in
            ["Это решение принято вчера.", "Об этом сообщили в акимате.", "Режим продлён.", "Указанные меры отменят."]
        {
            let (t, r) = on(s);
            assert!(cues().refers_back(s, &t, r), "{s}");
        }
        let s = "Этот магазин открылся.";
        let (t, r) = on(s);
        assert!(!cues().refers_back(s, &t, r));
    }

    #[test]
    fn inheritance_limits() {
        for s in [
            "Ранее заболевших не было.",
            "Если ситуация ухудшится, школы закроют.",
            "С начала пандемии умерли 12 человек.",
        ] {
            let (t, r) = on(s);
            assert!(cues().refuses_inheritance(s, &t, r), "{s}");
        }
        // `Ранее` only as an opener; `раньше` inside a clause is no connective.
        let s = "Каникулы начались на неделю раньше.";
        let (t, r) = on(s);
        assert!(!cues().refuses_inheritance(s, &t, r));
    }

    #[test]
    fn comparison_references() {
        let s = "Выявлено 150 случаев против 120 накануне.";
        let t = Tokens::new(s);
        let at = (0..t.len()).find(|&i| t.norm(i) == "накануне").unwrap();
        assert!(cues().comparison_before(s, &t, at));
        let s = "Школы закрыли. Чем 5 мая.";
        let t = Tokens::new(s);
        let at = (0..t.len()).find(|&i| t.norm(i) == "закрыли").unwrap();
        assert!(!cues().comparison_before(s, &t, at));
        // A comma between the phrase and the mention: another clause.
        let s = "Решения против, 5 мая.";
        let t = Tokens::new(s);
        let at = (0..t.len()).find(|&i| t.norm(i) == "5").unwrap();
        assert!(!cues().comparison_before(s, &t, at));
        assert!(!cues().comparison_before(s, &t, 0));
        assert!(!cues().comparison_before(s, &t, 10_000));
    }

    #[test]
    fn furniture_and_datelines() {
        for s in ["3 апреля 2020, 09:15", "Просмотров: 1520", "Общество", "", "—"] {
            let (t, r) = on(s);
            assert!(cues().is_furniture(s, &t, r), "{s:?}");
        }
        let s = "АЛМАТЫ, 5 апреля. /КазТАГ/. В городе закрыли рынки.";
        let (t, r) = on(s);
        let d = cues().dateline(s, &t, r.clone()).unwrap();
        assert_eq!(t.norm(d.end), "в");
        assert!(!cues().is_furniture(s, &t, r.clone()));
        let all = cues().discourse(s, &t, r);
        assert_eq!((all.dateline, all.furniture), (Some(d), false));
        let s = "Алматы, 5 апреля, вышел на новый режим.";
        let (t, r) = on(s);
        assert_eq!(cues().dateline(s, &t, r), None);
    }
}
