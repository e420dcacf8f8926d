//! Event kinds: what kind of event a sentence reports (a school closing, a border closure,
//! new cases, a vaccination drive, ...).
//!
//! [`classify`] finds the cue phrases of every kind in one sentence, with their byte spans, and
//! marks the ones the sentence denies or exempts (`школы не закроют`, `не затронул грузовые
//! перевозки`); [`kinds_of`] reduces that to the distinct kinds the sentence is about. The cue
//! words are data, in [`crate::event::lexicon`]; this module compiles them once into a trie of
//! word forms and a list of word-sequence rules, and runs them in one pass over the words.
//!
//! # How a sentence is read
//!
//! 1. Words are runs of letters and digits, found in one pass over the bytes (ASCII and
//!    Cyrillic on a fast path); spans are byte offsets into the sentence as given, so
//!    `&sentence[span]` is the cue as written. Each word is looked up once in a trie of the
//!    lexicon's word forms, folding case (and `ё` to `е`) character by character as it goes;
//!    nothing is copied.
//! 2. Punctuation between words splits the sentence into *clauses* (`,` `:` `(` `)` `—` and a
//!    spaced ` - `) and *list scopes* (`;` `!` `?` `…`, a line break, a clause-break word such
//!    as `но`, or a subordinate-clause opener such as `где`, `который`, `так как` after a
//!    comma). A full stop ends neither: the caller splits sentences, and inside one a full
//!    stop is an abbreviation (`г. Алматы`, `млрд.`). A comma, colon or full stop between
//!    digits (`1,5`, `22:00`) is part of the number.
//! 3. A cue is tried only where its first element matched. Adjacent elements must share a
//!    clause; elements joined by a gap must share a list scope, so a gap reaches across the
//!    commas of an enumeration (`закрыты кинотеатры, ТРЦ и школы`) but not into a relative
//!    clause (`на границе области, где закрыты мосты`).
//! 4. Blockers, containment (a match inside a longer match of the same kind is dropped) and
//!    the exemption rules of [`crate::event::lexicon`] are applied.
//!
//! # Limits
//!
//! Cues are lexical and local: there is no parsing and no coreference. Known blind spots:
//! exemption scope is a word window, so a denial far from its cue (`карантин в Алматы и
//! области пока вводить не планируют`) is missed, and an exemption list that runs past
//! [`lexicon::EXEMPT_LIST_REACH`] words is cut short; a negated lifting of a nominal measure
//! (`карантин не будет снят`) counts as the measure still in force, but a negated reopening
//! (`границы не будут открыты`) is a denied cue, because the cue itself is the reopening;
//! a long enumeration or a participial phrase can push a cue's words apart beyond its gap
//! (`концерт группы, запланированный на 21 марта в столичном дворце спорта, перенесён`),
//! while a gap that reaches across commas can join words of two coordinate clauses;
//! `выплаты` count as income support only next to words of aid or of the people aided; a
//! quarantine of livestock or plants is blocked only where the animal or plant is named near
//! it; a bare mention of a mosque, a church or a ЦОН counts (the lexicon treats them as cues
//! on their own); stress marks and soft hyphens inside words break them in two; a character
//! whose lower case has a different UTF-8 length (`İ`) is compared unfolded (no cue has one).

use crate::event::lexicon::{self, KindCues};
use crate::lang::ru::numbers::{number_word, NumberWord};
use once_cell::sync::Lazy;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

/// A closed set of event kinds, aligned with OxCGRT indicators where one fits.
///
/// ```
/// use khronika::event::kinds::EventKind;
/// let k: EventKind = "school_closing".parse().unwrap();
/// assert_eq!(k, EventKind::SchoolClosing);
/// assert_eq!(k.indicator(), Some("C1"));
/// assert_eq!(k.to_string(), "school_closing");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EventKind {
    /// Schools, universities or kindergartens closed or moved to distance learning (OxCGRT C1).
    SchoolClosing,
    /// Shops, malls, cinemas, restaurants closed; remote work; non-working days (C2).
    WorkplaceClosing,
    /// Public events (mass events, concerts, matches) cancelled or held without spectators (C3).
    PublicEvents,
    /// Limits on gatherings: crowds, family feasts, religious gatherings and services (C4).
    Gatherings,
    /// Public transport (city buses, metro) suspended or limited (C5).
    PublicTransport,
    /// Stay-at-home orders: self-isolation, curfew, "do not leave home" (C6).
    StayAtHome,
    /// Movement inside the country: checkpoints, entry to a city, travel between regions (C7).
    InternalMovement,
    /// International travel: borders, entry to the country, international flights (C8).
    InternationalTravel,
    /// Payments to people who lost income: social payments, benefits, 42 500 tenge (E1).
    IncomeSupport,
    /// Relief on household debt: loan deferrals, credit holidays, utilities (E2).
    DebtRelief,
    /// Fiscal measures: stimulus packages, tax relief, support for business (E3).
    FiscalMeasures,
    /// Public information: recommendations, appeals to the public, hotlines (H1).
    PublicInformation,
    /// Testing: tests, PCR, screening (H2).
    Testing,
    /// Contact tracing: contacts of the infected found and traced (H3).
    ContactTracing,
    /// Masks and other personal protective equipment (H6).
    FacialCoverings,
    /// Vaccination and vaccines (H7).
    Vaccination,
    /// Protection of the elderly: care homes, rules for people over 65 (H8).
    ElderlyProtection,
    /// A state of emergency (`чрезвычайное положение`, `режим ЧС`).
    StateOfEmergency,
    /// Quarantine of a city or region, lockdown, restrictive measures in general.
    Quarantine,
    /// Public services (ЦОН, госуслуги) closed or limited.
    PublicServices,
    /// Reported infections: new cases, the infected.
    Cases,
    /// Reported deaths.
    Deaths,
    /// Reported recoveries and discharges from hospital.
    Recoveries,
    /// None of the above; never produced by [`classify`], left for the caller to assign.
    Other,
}

impl EventKind {
    /// Every kind, in declaration order.
    ///
    /// ```
    /// use khronika::event::kinds::EventKind;
    /// assert_eq!(EventKind::ALL.len(), 24);
    /// ```
    pub const ALL: &'static [EventKind] = &[
        EventKind::SchoolClosing,
        EventKind::WorkplaceClosing,
        EventKind::PublicEvents,
        EventKind::Gatherings,
        EventKind::PublicTransport,
        EventKind::StayAtHome,
        EventKind::InternalMovement,
        EventKind::InternationalTravel,
        EventKind::IncomeSupport,
        EventKind::DebtRelief,
        EventKind::FiscalMeasures,
        EventKind::PublicInformation,
        EventKind::Testing,
        EventKind::ContactTracing,
        EventKind::FacialCoverings,
        EventKind::Vaccination,
        EventKind::ElderlyProtection,
        EventKind::StateOfEmergency,
        EventKind::Quarantine,
        EventKind::PublicServices,
        EventKind::Cases,
        EventKind::Deaths,
        EventKind::Recoveries,
        EventKind::Other,
    ];

    /// The stable snake_case id (the serde name, the [`Display`](fmt::Display) form).
    ///
    /// ```
    /// use khronika::event::kinds::EventKind;
    /// assert_eq!(EventKind::StayAtHome.id(), "stay_at_home");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            EventKind::SchoolClosing => "school_closing",
            EventKind::WorkplaceClosing => "workplace_closing",
            EventKind::PublicEvents => "public_events",
            EventKind::Gatherings => "gatherings",
            EventKind::PublicTransport => "public_transport",
            EventKind::StayAtHome => "stay_at_home",
            EventKind::InternalMovement => "internal_movement",
            EventKind::InternationalTravel => "international_travel",
            EventKind::IncomeSupport => "income_support",
            EventKind::DebtRelief => "debt_relief",
            EventKind::FiscalMeasures => "fiscal_measures",
            EventKind::PublicInformation => "public_information",
            EventKind::Testing => "testing",
            EventKind::ContactTracing => "contact_tracing",
            EventKind::FacialCoverings => "facial_coverings",
            EventKind::Vaccination => "vaccination",
            EventKind::ElderlyProtection => "elderly_protection",
            EventKind::StateOfEmergency => "state_of_emergency",
            EventKind::Quarantine => "quarantine",
            EventKind::PublicServices => "public_services",
            EventKind::Cases => "cases",
            EventKind::Deaths => "deaths",
            EventKind::Recoveries => "recoveries",
            EventKind::Other => "other",
        }
    }

    /// The OxCGRT indicator code this kind corresponds to, if there is one.
    ///
    /// ```
    /// use khronika::event::kinds::EventKind;
    /// assert_eq!(EventKind::InternationalTravel.indicator(), Some("C8"));
    /// assert_eq!(EventKind::Cases.indicator(), None);
    /// ```
    pub fn indicator(self) -> Option<&'static str> {
        Some(match self {
            EventKind::SchoolClosing => "C1",
            EventKind::WorkplaceClosing => "C2",
            EventKind::PublicEvents => "C3",
            EventKind::Gatherings => "C4",
            EventKind::PublicTransport => "C5",
            EventKind::StayAtHome => "C6",
            EventKind::InternalMovement => "C7",
            EventKind::InternationalTravel => "C8",
            EventKind::IncomeSupport => "E1",
            EventKind::DebtRelief => "E2",
            EventKind::FiscalMeasures => "E3",
            EventKind::PublicInformation => "H1",
            EventKind::Testing => "H2",
            EventKind::ContactTracing => "H3",
            EventKind::FacialCoverings => "H6",
            EventKind::Vaccination => "H7",
            EventKind::ElderlyProtection => "H8",
            EventKind::StateOfEmergency
            | EventKind::Quarantine
            | EventKind::PublicServices
            | EventKind::Cases
            | EventKind::Deaths
            | EventKind::Recoveries
            | EventKind::Other => return None,
        })
    }

    /// A short English label for text output.
    ///
    /// ```
    /// use khronika::event::kinds::EventKind;
    /// assert_eq!(EventKind::PublicEvents.label(), "public events cancelled");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            EventKind::SchoolClosing => "school closing",
            EventKind::WorkplaceClosing => "workplace closing",
            EventKind::PublicEvents => "public events cancelled",
            EventKind::Gatherings => "gathering restrictions",
            EventKind::PublicTransport => "public transport",
            EventKind::StayAtHome => "stay at home",
            EventKind::InternalMovement => "internal movement",
            EventKind::InternationalTravel => "international travel",
            EventKind::IncomeSupport => "income support",
            EventKind::DebtRelief => "debt relief",
            EventKind::FiscalMeasures => "fiscal measures",
            EventKind::PublicInformation => "public information",
            EventKind::Testing => "testing",
            EventKind::ContactTracing => "contact tracing",
            EventKind::FacialCoverings => "facial coverings",
            EventKind::Vaccination => "vaccination",
            EventKind::ElderlyProtection => "elderly protection",
            EventKind::StateOfEmergency => "state of emergency",
            EventKind::Quarantine => "quarantine",
            EventKind::PublicServices => "public services",
            EventKind::Cases => "cases",
            EventKind::Deaths => "deaths",
            EventKind::Recoveries => "recoveries",
            EventKind::Other => "other",
        }
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The error of parsing an [`EventKind`] from a string that is not one of the ids.
///
/// ```
/// use khronika::event::kinds::EventKind;
/// let err = "lockdown".parse::<EventKind>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown event kind `lockdown`");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseEventKindError {
    input: String,
}

impl fmt::Display for ParseEventKindError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown: String = self.input.chars().take(40).collect();
        write!(f, "unknown event kind `{shown}`")
    }
}

impl std::error::Error for ParseEventKindError {}

impl FromStr for EventKind {
    type Err = ParseEventKindError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EventKind::ALL.iter().copied().find(|k| k.id() == s).ok_or_else(|| ParseEventKindError { input: s.to_string() })
    }
}

/// One piece of evidence: a kind, the byte span of its cue words in the sentence, and whether
/// the sentence denies or exempts it.
///
/// ```
/// use khronika::event::kinds::{classify, EventKind};
/// let s = "Введён масочный режим.";
/// let m = &classify(s)[0];
/// assert_eq!((m.kind, &s[m.span.clone()], m.exempted), (EventKind::FacialCoverings, "масочный", false));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KindMatch {
    /// The kind the cue reports.
    pub kind: EventKind,
    /// Byte offsets of the cue in the sentence, from its first word to its last
    /// (`&sentence[span]` is the cue as written, with any words a gap allowed between).
    pub span: Range<usize>,
    /// The sentence denies or exempts this cue (`школы не закроют`, `кроме ЦОНов`).
    pub exempted: bool,
}

/// Classifies one sentence: every cue of every kind, in text order (by start, then end).
///
/// A cue the sentence denies or exempts is returned with `exempted` set; see
/// [`crate::event::lexicon`] for the rules.
///
/// ```
/// use khronika::event::kinds::{classify, EventKind};
/// let s = "Школы не закроют, но с понедельника вводится масочный режим.";
/// let m = classify(s);
/// assert_eq!(m[0].kind, EventKind::SchoolClosing);
/// assert_eq!(&s[m[0].span.clone()], "Школы не закроют");
/// assert!(m[0].exempted);
/// assert_eq!((m[1].kind, m[1].exempted), (EventKind::FacialCoverings, false));
/// ```
pub fn classify(sentence: &str) -> Vec<KindMatch> {
    let engine = &*ENGINE;
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => engine.classify(sentence, &mut scratch),
        // Only reachable if classify is re-entered on this thread; use fresh buffers then.
        Err(_) => engine.classify(sentence, &mut Scratch::default()),
    })
}

/// The distinct kinds a sentence is about: the kinds of its non-exempted matches, each once,
/// in order of first occurrence. A sentence with no cue gives an empty `Vec` (the caller decides
/// whether that is [`EventKind::Other`]).
///
/// ```
/// use khronika::event::kinds::{kinds_of, EventKind};
/// let kinds = kinds_of("За сутки выявлено 45 новых случаев заражения, двое пациентов скончались.");
/// assert_eq!(kinds, vec![EventKind::Cases, EventKind::Deaths]);
/// assert!(kinds_of("Школьный концерт прошёл с успехом.").is_empty());
/// ```
pub fn kinds_of(sentence: &str) -> Vec<EventKind> {
    let mut kinds = Vec::new();
    for m in classify(sentence) {
        if !m.exempted && !kinds.contains(&m.kind) {
            kinds.push(m.kind);
        }
    }
    kinds
}

// ---------------------------------------------------------------------------------------------
// The compiled lexicon.

/// Most elements one cue may have.
const MAX_ELEMENTS: usize = 8;
/// The atom of `#` in a cue: words of digits carry it; number words are checked lazily.
const NUMBER_ATOM: u32 = 0;

/// [`BYTE_CLASS`] value of a byte that is always inside a word: an ASCII letter or digit, a
/// lead byte of U+0400..U+047F (all Cyrillic letters), or a UTF-8 continuation byte (reached
/// only after such a lead byte: other characters are stepped over whole).
const WORD_BYTE: u8 = 1;

/// Byte classes for the tokenizer's fast path.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() || c == 0xD0 || c == 0xD1 || (c >= 0x80 && c < 0xC0) {
            t[b] = WORD_BYTE;
        }
        b += 1;
    }
    t
};

/// Word flags (per atom): the word opens a clause ([`lexicon::CLAUSE_BREAK_WORDS`]), cancels
/// such a break before it ([`lexicon::CLAUSE_BREAK_UNLESS_NEXT`]), or opens a subordinate
/// clause after a comma ([`lexicon::SUBCLAUSE_OPENERS`]).
const BREAK_WORD: u8 = 1;
const BREAK_UNLESS_NEXT: u8 = 2;
const SUBCLAUSE_OPENER: u8 = 4;

/// What a rule's matches are for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Cue(EventKind),
    Block(EventKind),
    NegateBefore,
    NegateAfter,
    ExemptList,
    NotNegation,
}

/// How an element is placed relative to the one before it.
#[derive(Clone, Copy, Debug)]
enum Gap {
    /// The next word.
    Next,
    /// After it, with at most this many words between.
    After(usize),
    /// On either side, with at most this many words between.
    Around(usize),
}

/// A compiled cue: elements (each a sorted set of atoms) and the gap before each element.
#[derive(Debug)]
struct Rule {
    role: Role,
    elements: Vec<Box<[u32]>>,
    gaps: Vec<Gap>,
}

/// A node of the trie while it is built; [`Trie`] is the flat form used for lookups.
#[derive(Debug, Default)]
struct Node {
    children: Vec<(u16, u32)>,
    /// Atoms for which this node is the whole word.
    exact: Vec<u32>,
    /// Atoms for which this node is a stem (any continuation matches).
    prefix: Vec<u32>,
}

/// One node of the flat trie: its edges are `labels[edges.0..edges.1]` (leading to the same
/// slice of `targets`); its stem atoms are `pool[atoms.0..atoms.1]`, its whole-word atoms
/// `pool[atoms.1..atoms.2]`.
#[derive(Clone, Copy, Debug)]
struct FlatNode {
    edges: (u32, u32),
    atoms: (u32, u32, u32),
}

/// A trie over the characters of normalized word forms, flattened (nodes in breadth-first
/// order, edges and atoms in shared arrays) so that a lookup touches little memory. Keyed by
/// character, not byte, so a Cyrillic word takes half as many steps.
#[derive(Debug)]
struct Trie {
    /// The root's child for each character below [`Trie::ROOT_SPAN`], or [`Trie::NONE`].
    root: Box<[u32]>,
    nodes: Vec<FlatNode>,
    labels: Vec<u16>,
    targets: Vec<u32>,
    pool: Vec<u32>,
}

impl Trie {
    const NONE: u32 = u32::MAX;
    /// Characters below this (ASCII, Latin-1, Cyrillic) have a direct slot at the root.
    const ROOT_SPAN: usize = 0x500;

    fn flatten(nodes: &[Node]) -> Trie {
        // Breadth-first numbering keeps the short prefixes every lookup visits together.
        let sorted = |n: &Node| {
            let mut c = n.children.clone();
            c.sort_unstable();
            c
        };
        let mut order = vec![0usize];
        let mut new_id = vec![Trie::NONE; nodes.len()];
        new_id[0] = 0;
        let mut i = 0;
        while i < order.len() {
            for (_, c) in sorted(&nodes[order[i]]) {
                new_id[c as usize] = order.len() as u32;
                order.push(c as usize);
            }
            i += 1;
        }
        let mut t = Trie {
            root: vec![Trie::NONE; Trie::ROOT_SPAN].into_boxed_slice(),
            nodes: Vec::with_capacity(order.len()),
            labels: Vec::new(),
            targets: Vec::new(),
            pool: Vec::new(),
        };
        for &old in &order {
            let node = &nodes[old];
            let lo = t.labels.len() as u32;
            for (c, child) in sorted(node) {
                t.labels.push(c);
                t.targets.push(new_id[child as usize]);
            }
            let a = t.pool.len() as u32;
            t.pool.extend_from_slice(&node.prefix);
            let b = t.pool.len() as u32;
            t.pool.extend_from_slice(&node.exact);
            t.nodes.push(FlatNode { edges: (lo, t.labels.len() as u32), atoms: (a, b, t.pool.len() as u32) });
        }
        for &(c, child) in &nodes[0].children {
            if let Some(slot) = t.root.get_mut(usize::from(c)) {
                *slot = new_id[child as usize];
            }
        }
        t
    }

    fn child(&self, node: usize, c: char) -> Option<usize> {
        let c = u16::try_from(u32::from(c)).ok()?;
        let n = self.nodes[node];
        let (lo, hi) = (n.edges.0 as usize, n.edges.1 as usize);
        let p = self.labels[lo..hi].iter().position(|&l| l == c)?;
        Some(self.targets[lo + p] as usize)
    }

    /// Appends the atoms a word carries (the word as written; it is folded here).
    fn lookup(&self, word: &str, out: &mut Vec<u32>) {
        let mut chars = word.chars().map(fold);
        let Some(first) = chars.next() else {
            return;
        };
        let root = match self.root.get(first as usize) {
            Some(&n) if n != Trie::NONE => Some(n as usize),
            Some(_) => None,
            None => self.child(0, first),
        };
        let Some(mut node) = root else {
            return;
        };
        let mut n = self.nodes[node];
        let stems = |n: FlatNode, out: &mut Vec<u32>| {
            if n.atoms.0 < n.atoms.1 {
                out.extend_from_slice(&self.pool[n.atoms.0 as usize..n.atoms.1 as usize]);
            }
        };
        stems(n, out);
        for c in chars {
            match self.child(node, c) {
                Some(next) => node = next,
                None => return,
            }
            n = self.nodes[node];
            stems(n, out);
        }
        out.extend_from_slice(&self.pool[n.atoms.1 as usize..n.atoms.2 as usize]);
    }
}

#[derive(Debug)]
struct Engine {
    trie: Trie,
    /// Clause flags of each atom (`BREAK_WORD`, ...); 0 for most.
    word_flags: Vec<u8>,
    rules: Vec<Rule>,
    /// For each atom, the rules whose first element contains it.
    anchors: Vec<Vec<u32>>,
}

static ENGINE: Lazy<Engine> = Lazy::new(Engine::build);

/// Lower case with `ё` as `е`, keeping the UTF-8 length of every character.
fn fold(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'а'..='я' => c,
        'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'Ё' | 'ё' => 'е',
        _ if c.is_ascii() => c,
        _ => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        }
    }
}

/// Whether a folded character belongs to a word (a letter or a digit), Cyrillic and ASCII first.
fn is_word_char(c: char) -> bool {
    match c {
        'а'..='я' | '0'..='9' | 'a'..='z' => true,
        _ if c.is_ascii() => false,
        '\u{a0}'..='\u{bf}' | '\u{2000}'..='\u{206f}' => false,
        _ => c.is_alphanumeric(),
    }
}

fn fold_str(s: &str) -> String {
    s.chars().map(fold).collect()
}

struct Builder {
    nodes: Vec<Node>,
    atoms: HashMap<(String, bool), u32>,
    next_atom: u32,
}

impl Builder {
    fn atom(&mut self, form: &str, prefix: bool, cue: &str) -> u32 {
        assert!(
            !form.is_empty() && form.chars().all(char::is_alphanumeric),
            "lexicon cue `{cue}`: bad word form `{form}`"
        );
        if let Some(&id) = self.atoms.get(&(form.to_string(), prefix)) {
            return id;
        }
        let id = self.next_atom;
        self.next_atom += 1;
        self.atoms.insert((form.to_string(), prefix), id);
        let mut node = 0usize;
        for ch in form.chars() {
            let b = u16::try_from(u32::from(ch))
                .unwrap_or_else(|_| panic!("lexicon cue `{cue}`: `{ch}` is outside the BMP"));
            node = match self.nodes[node].children.iter().find(|(c, _)| *c == b) {
                Some(&(_, n)) => n as usize,
                None => {
                    self.nodes.push(Node::default());
                    let n = self.nodes.len() - 1;
                    self.nodes[node].children.push((b, n as u32));
                    n
                }
            };
        }
        let end = &mut self.nodes[node];
        if prefix {
            end.prefix.push(id);
        } else {
            end.exact.push(id);
        }
        id
    }

    /// The atoms of one element (`a|b*|c{x,y}|#`).
    fn element(&mut self, text: &str, cue: &str) -> Box<[u32]> {
        let mut atoms = Vec::new();
        for alt in text.split('|') {
            if alt == "#" {
                atoms.push(NUMBER_ATOM);
            } else if let Some(stem) = alt.strip_suffix('*') {
                atoms.push(self.atom(stem, true, cue));
            } else if let Some((stem, rest)) = alt.split_once('{') {
                let endings =
                    rest.strip_suffix('}').unwrap_or_else(|| panic!("lexicon cue `{cue}`: unclosed `{{` in `{alt}`"));
                for ending in endings.split(',') {
                    atoms.push(self.atom(&format!("{stem}{ending}"), false, cue));
                }
            } else {
                atoms.push(self.atom(alt, false, cue));
            }
        }
        atoms.sort_unstable();
        atoms.dedup();
        atoms.into_boxed_slice()
    }

    fn rule(&mut self, cue: &str, role: Role) -> Rule {
        let folded = fold_str(cue);
        let mut elements = Vec::new();
        let mut gaps = Vec::new();
        let mut pending: Option<Gap> = None;
        for word in folded.split_whitespace() {
            let gap = |rest: &str| -> usize {
                rest.parse().unwrap_or_else(|_| panic!("lexicon cue `{cue}`: bad gap `{word}`"))
            };
            if let Some(n) = word.strip_prefix("..") {
                assert!(pending.is_none() && !elements.is_empty(), "lexicon cue `{cue}`: misplaced gap");
                pending = Some(Gap::After(gap(n)));
                continue;
            }
            if let Some(n) = word.strip_prefix('~') {
                assert!(pending.is_none() && !elements.is_empty(), "lexicon cue `{cue}`: misplaced gap");
                pending = Some(Gap::Around(gap(n)));
                continue;
            }
            let parts: Vec<&str> = if word.contains('-') {
                assert!(!word.contains('|'), "lexicon cue `{cue}`: `-` inside alternatives");
                word.split('-').collect()
            } else {
                vec![word]
            };
            for part in parts {
                gaps.push(pending.take().unwrap_or(Gap::Next));
                elements.push(self.element(part, cue));
            }
        }
        assert!(pending.is_none(), "lexicon cue `{cue}`: trailing gap");
        assert!(
            elements.first().is_some_and(|e| e.first() != Some(&NUMBER_ATOM)),
            "lexicon cue `{cue}`: `#` cannot be the first element"
        );
        assert!((1..=MAX_ELEMENTS).contains(&elements.len()), "lexicon cue `{cue}`: 1 to {MAX_ELEMENTS} elements");
        Rule { role, elements, gaps }
    }
}

impl Engine {
    fn build() -> Engine {
        let mut b = Builder { nodes: vec![Node::default()], atoms: HashMap::new(), next_atom: NUMBER_ATOM + 1 };
        let mut rules = Vec::new();
        for KindCues { kind, cues, blockers } in lexicon::KIND_CUES {
            rules.extend(cues.iter().map(|c| b.rule(c, Role::Cue(*kind))));
            rules.extend(blockers.iter().map(|c| b.rule(c, Role::Block(*kind))));
        }
        let tables = [
            (lexicon::NEGATE_BEFORE, Role::NegateBefore),
            (lexicon::NEGATE_AFTER, Role::NegateAfter),
            (lexicon::EXEMPT_LIST, Role::ExemptList),
            (lexicon::NOT_NEGATIONS, Role::NotNegation),
        ];
        for (table, role) in tables {
            rules.extend(table.iter().map(|c| b.rule(c, role)));
        }
        let mut flagged = Vec::new();
        let words = [
            (lexicon::CLAUSE_BREAK_WORDS, BREAK_WORD),
            (lexicon::CLAUSE_BREAK_UNLESS_NEXT, BREAK_UNLESS_NEXT),
            (lexicon::SUBCLAUSE_OPENERS, SUBCLAUSE_OPENER),
        ];
        for (table, flag) in words {
            for w in table {
                flagged.push((b.atom(&fold_str(w), false, w), flag));
            }
        }
        let mut word_flags = vec![0u8; b.next_atom as usize];
        for (atom, flag) in flagged {
            word_flags[atom as usize] |= flag;
        }
        let mut anchors = vec![Vec::new(); b.next_atom as usize];
        for (id, rule) in rules.iter().enumerate() {
            for &atom in rule.elements[0].iter() {
                anchors[atom as usize].push(id as u32);
            }
        }
        Engine { trie: Trie::flatten(&b.nodes), word_flags, rules, anchors }
    }

    fn classify(&self, sentence: &str, s: &mut Scratch) -> Vec<KindMatch> {
        s.tokenize(sentence, self);
        s.hits.clear();
        for i in 0..s.toks.len() {
            let t = &s.toks[i];
            s.cand.clear();
            for &atom in &s.atoms[t.atoms.clone()] {
                s.cand.extend_from_slice(&self.anchors[atom as usize]);
            }
            if s.cand.len() > 1 {
                s.cand.sort_unstable();
                s.cand.dedup();
            }
            for &r in &s.cand {
                let rule = &self.rules[r as usize];
                let mut picked = [0u32; MAX_ELEMENTS];
                picked[0] = i as u32;
                if extend(rule, 1, &mut picked, &s.toks, &s.atoms, sentence) {
                    s.hits.push(Hit::new(r, &picked[..rule.elements.len()]));
                }
            }
        }
        self.resolve(sentence, s)
    }

    /// Turns raw rule hits into matches: blockers, containment, exemption.
    fn resolve(&self, sentence: &str, s: &mut Scratch) -> Vec<KindMatch> {
        let kind_of = |h: &Hit| match self.rules[h.rule as usize].role {
            Role::Cue(kind) => Some(kind),
            _ => None,
        };
        let mut kept = std::mem::take(&mut s.kept);
        kept.clear();
        kept.extend(s.hits.iter().filter_map(|h| {
            let kind = kind_of(h)?;
            let blocked =
                s.hits.iter().any(|b| self.rules[b.rule as usize].role == Role::Block(kind) && b.shares_word(h));
            (!blocked).then_some((h.clone(), kind))
        }));
        let mut out: Vec<KindMatch> = Vec::with_capacity(kept.len());
        for (i, (h, kind)) in kept.iter().enumerate() {
            // A match inside another of the same kind is dropped (of two equal ones, the later).
            let inside = kept.iter().enumerate().any(|(j, (o, k))| {
                j != i
                    && k == kind
                    && o.first <= h.first
                    && h.last <= o.last
                    && (j < i || (o.first, o.last) != (h.first, h.last))
            });
            if inside {
                continue;
            }
            let start = s.toks[h.first as usize].start;
            let end = s.toks[h.last as usize].end;
            debug_assert!(sentence.is_char_boundary(start) && sentence.is_char_boundary(end));
            out.push(KindMatch { kind: *kind, span: start..end, exempted: self.exempted(h, s) });
        }
        s.kept = kept;
        out.sort_by_key(|a| (a.span.start, a.span.end, a.kind));
        out
    }

    /// Whether a negation or exemption phrase applies to the cue hit `h`.
    fn exempted(&self, h: &Hit, s: &Scratch) -> bool {
        let toks = &s.toks;
        let in_clause = |n: &Hit| {
            let clause = toks[n.first as usize].clause;
            h.words().iter().any(|&w| toks[w as usize].clause == clause)
        };
        let scope = toks[h.first as usize].scope;
        let pos = |w: u32| toks[w as usize].pos as usize;
        s.hits.iter().any(|n| {
            let role = self.rules[n.rule as usize].role;
            let near = match role {
                Role::NegateBefore => {
                    in_clause(n) && n.first <= h.last && pos(n.first) + lexicon::NEGATE_BEFORE_REACH >= pos(h.first)
                }
                Role::NegateAfter => {
                    in_clause(n) && n.first >= h.first && pos(n.first) <= pos(h.last) + lexicon::NEGATE_AFTER_REACH
                }
                Role::ExemptList => {
                    toks[n.last as usize].scope == scope
                        && n.last < h.first
                        && pos(h.first) - pos(n.last) <= lexicon::EXEMPT_LIST_REACH
                }
                _ => false,
            };
            near && !s.hits.iter().any(|c| {
                matches!(self.rules[c.rule as usize].role, Role::Cue(_))
                    && n.words().iter().all(|w| c.words().contains(w))
            }) && !s
                .hits
                .iter()
                .any(|m| self.rules[m.rule as usize].role == Role::NotNegation && m.shares_word(n) && !m.shares_word(h))
        })
    }
}

/// Tries to place elements `k..` of `rule` after `picked[..k]`, depth first.
fn extend(
    rule: &Rule,
    k: usize,
    picked: &mut [u32; MAX_ELEMENTS],
    toks: &[Tok],
    atoms: &[u32],
    sentence: &str,
) -> bool {
    if k == rule.elements.len() {
        return true;
    }
    let prev = picked[k - 1] as usize;
    let try_at = |j: usize, picked: &mut [u32; MAX_ELEMENTS]| -> bool {
        let Some(t) = toks.get(j) else { return false };
        let apart = match rule.gaps[k] {
            Gap::Next => t.clause != toks[prev].clause,
            Gap::After(_) | Gap::Around(_) => t.scope != toks[prev].scope,
        };
        let element = &rule.elements[k];
        let has = |t: &Tok| atoms[t.atoms.clone()].iter().any(|a| element.binary_search(a).is_ok());
        let is_number =
            |t: &Tok| atoms[t.atoms.clone()].first() == Some(&NUMBER_ATOM) || is_number_word(&sentence[t.start..t.end]);
        if apart || picked[..k].contains(&(j as u32)) {
            return false;
        }
        let mut end = j;
        if element[0] == NUMBER_ATOM && is_number(t) {
            // `#` takes a whole written number: `42 500`, `шестидесяти пяти`.
            while toks.get(end + 1).is_some_and(|n| n.clause == t.clause && n.sep == 0 && is_number(n)) {
                end += 1;
            }
        } else if !has(t) {
            return false;
        }
        picked[k] = end as u32;
        extend(rule, k + 1, picked, toks, atoms, sentence)
    };
    // Distances count words (`pos`), so a hyphenated word is one however many parts it has.
    let at = toks[prev].pos as usize;
    let after = |n: usize, picked: &mut [u32; MAX_ELEMENTS]| {
        (prev + 1..toks.len()).take_while(|&j| toks[j].pos as usize <= at + n + 1).any(|j| try_at(j, picked))
    };
    match rule.gaps[k] {
        Gap::Next => try_at(prev + 1, picked),
        Gap::After(n) => after(n, picked),
        Gap::Around(n) => {
            after(n, picked)
                || (0..prev).rev().take_while(|&j| toks[j].pos as usize + n + 1 >= at).any(|j| try_at(j, picked))
        }
    }
}

/// One word of the sentence.
#[derive(Clone, Debug)]
struct Tok {
    start: usize,
    end: usize,
    /// The range of this word's atoms in `Scratch::atoms`.
    atoms: Range<usize>,
    /// Strength of the punctuation before the word: 0 none, 1 clause, 2 list scope.
    sep: u8,
    /// Clause number (cues and negations stay inside one).
    clause: u32,
    /// List-scope number (exemption lists and gaps stay inside one).
    scope: u32,
    /// Word position for distances: the parts of a hyphenated word (`фитнес-клубов`) share one.
    pos: u32,
}

/// One match of one rule: the words its elements took, in element order.
#[derive(Clone, Debug)]
struct Hit {
    rule: u32,
    first: u32,
    last: u32,
    words: [u32; MAX_ELEMENTS],
    len: u8,
}

impl Hit {
    fn new(rule: u32, words: &[u32]) -> Hit {
        let mut buf = [0u32; MAX_ELEMENTS];
        buf[..words.len()].copy_from_slice(words);
        Hit {
            rule,
            first: words.iter().copied().min().unwrap_or(0),
            last: words.iter().copied().max().unwrap_or(0),
            words: buf,
            len: words.len() as u8,
        }
    }

    fn words(&self) -> &[u32] {
        &self.words[..self.len as usize]
    }

    fn shares_word(&self, other: &Hit) -> bool {
        self.words().iter().any(|w| other.words().contains(w))
    }
}

/// Per-thread buffers reused across calls, so that classifying allocates only its result.
#[derive(Default)]
struct Scratch {
    toks: Vec<Tok>,
    atoms: Vec<u32>,
    cand: Vec<u32>,
    hits: Vec<Hit>,
    kept: Vec<(Hit, EventKind)>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl Scratch {
    /// Splits `sentence` into words, looks each word up once (folding case as it goes), and
    /// numbers clauses and list scopes. Works on the bytes: ASCII and Cyrillic take a fast path.
    fn tokenize(&mut self, sentence: &str, engine: &Engine) {
        self.toks.clear();
        self.atoms.clear();
        let src = sentence.as_bytes();
        let byte = |i: usize| src.get(i).copied().unwrap_or(b' ');
        let mut start: Option<usize> = None;
        let mut sep = 0u8;
        let mut i = 0;
        while i < src.len() {
            let b = src[i];
            if BYTE_CLASS[b as usize] == WORD_BYTE {
                start.get_or_insert(i);
                i += 1;
                while i < src.len() && BYTE_CLASS[src[i] as usize] == WORD_BYTE {
                    i += 1;
                }
                continue;
            }
            let (len, word, strength) = match b {
                b',' | b'.' | b':' if i > 0 && byte(i - 1).is_ascii_digit() && byte(i + 1).is_ascii_digit() => {
                    (1, false, 0)
                }
                b',' | b':' | b'(' | b')' | b'[' | b']' => (1, false, 1),
                b'-' if i > 0 && byte(i - 1).is_ascii_whitespace() && byte(i + 1).is_ascii_whitespace() => {
                    (1, false, 1)
                }
                b';' | b'!' | b'?' | b'\n' | b'\r' => (1, false, 2),
                0..=0x7f => (1, false, 0),
                _ => {
                    let c = sentence[i..].chars().next().unwrap_or(' ');
                    let strength = match c {
                        '\u{2012}'..='\u{2015}' => 1,
                        '…' => 2,
                        _ => 0,
                    };
                    (c.len_utf8(), is_word_char(c), strength)
                }
            };
            if word {
                start.get_or_insert(i);
            } else {
                if let Some(st) = start.take() {
                    self.push_word(sentence, st, i, sep, engine);
                    sep = 0;
                }
                sep = sep.max(strength);
            }
            i += len;
        }
        if let Some(st) = start {
            self.push_word(sentence, st, sentence.len(), sep, engine);
        }
        let flags = |t: &Tok| self.atoms[t.atoms.clone()].iter().fold(0u8, |f, &a| f | engine.word_flags[a as usize]);
        let (mut clause, mut scope, mut pos) = (0u32, 0u32, 0u32);
        for i in 0..self.toks.len() {
            if i > 0 && &sentence[self.toks[i - 1].end..self.toks[i].start] != "-" {
                pos += 1;
            }
            let t = &self.toks[i];
            let f = flags(t);
            let brk = f & BREAK_WORD != 0 && self.toks.get(i + 1).is_none_or(|n| flags(n) & BREAK_UNLESS_NEXT == 0);
            let opens = t.sep >= 1 && f & SUBCLAUSE_OPENER != 0;
            let t = &mut self.toks[i];
            if t.sep >= 2 || brk || opens {
                scope += 1;
            }
            if t.sep >= 1 || brk {
                clause += 1;
            }
            t.clause = clause;
            t.scope = scope;
            t.pos = pos;
        }
    }

    fn push_word(&mut self, sentence: &str, start: usize, end: usize, sep: u8, engine: &Engine) {
        let from = self.atoms.len();
        let word = &sentence[start..end];
        // Number words (`трёх`) get the number atom lazily, in `extend`: `#` is rare in cues.
        if word.bytes().all(|b| b.is_ascii_digit()) {
            self.atoms.push(NUMBER_ATOM);
        }
        engine.trie.lookup(word, &mut self.atoms);
        self.toks.push(Tok { start, end, atoms: from..self.atoms.len(), sep, clause: 0, scope: 0, pos: 0 });
    }
}

/// Whether `word` is a cardinal number word (`три`, `трёх`, `двадцати`).
fn is_number_word(word: &str) -> bool {
    let mut buf = [0u8; 48];
    if word.len() > buf.len() {
        return false;
    }
    let mut n = 0;
    for c in word.chars() {
        n += fold(c).encode_utf8(&mut buf[n..]).len();
    }
    std::str::from_utf8(&buf[..n]).is_ok_and(|w| matches!(number_word(w), Some(NumberWord::Cardinal(_))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(s: &str) -> Vec<(EventKind, &str, bool)> {
        classify(s).into_iter().map(|m| (m.kind, &s[m.span], m.exempted)).collect()
    }

    #[test]
    fn lexicon_compiles_and_covers_every_kind() {
        let engine = &*ENGINE;
        assert!(!engine.rules.is_empty());
        for &kind in EventKind::ALL {
            let tables = lexicon::KIND_CUES.iter().filter(|t| t.kind == kind).count();
            let expected = usize::from(kind != EventKind::Other);
            assert_eq!(tables, expected, "{kind}: one cue table expected");
        }
    }

    #[test]
    fn ids_round_trip() {
        for &kind in EventKind::ALL {
            assert_eq!(kind.id().parse::<EventKind>(), Ok(kind));
            assert_eq!(kind.to_string(), kind.id());
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.id()));
            assert_eq!(serde_json::from_str::<EventKind>(&json).unwrap(), kind);
            assert!(!kind.label().is_empty());
        }
        assert!("School_Closing".parse::<EventKind>().is_err());
        assert_eq!(EventKind::ElderlyProtection.indicator(), Some("H8"));
        assert_eq!(EventKind::Quarantine.indicator(), None);
    }

    #[test]
    fn spans_are_byte_offsets_of_the_original() {
        let s = "ВВЕДЁН КАРАНТИН, закрыты ТРЦ.";
        assert_eq!(
            cues(s),
            vec![(EventKind::Quarantine, "КАРАНТИН", false), (EventKind::WorkplaceClosing, "закрыты ТРЦ", false),]
        );
    }

    #[test]
    fn characters_whose_lower_case_changes_length_keep_offsets() {
        // U+0130 lower-cases to two characters and U+212A (Kelvin) to a one-byte `k`.
        let s = "İİ \u{212A} введён карантин";
        let m = classify(s);
        assert_eq!(m.len(), 1);
        assert_eq!(&s[m[0].span.clone()], "карантин");
    }

    #[test]
    fn yo_and_ye_are_the_same_letter() {
        assert_eq!(kinds_of("Введён режим ЧП"), vec![EventKind::StateOfEmergency]);
        assert_eq!(kinds_of("Введен режим ЧП"), vec![EventKind::StateOfEmergency]);
        assert_eq!(kinds_of("Ввод режима самоизоляции ещё обсуждается"), vec![EventKind::StayAtHome]);
    }

    #[test]
    fn gaps_reach_either_side() {
        assert_eq!(
            cues("Закрыты все границы страны"),
            vec![(EventKind::InternationalTravel, "Закрыты все границы", false)]
        );
        assert_eq!(
            cues("Границы страны с сегодняшнего дня закрыты"),
            vec![(EventKind::InternationalTravel, "Границы страны с сегодняшнего дня закрыты", false)]
        );
        // Six words between: too far.
        assert!(kinds_of("Границы, как и прежде, остаются для всех граждан без исключения закрыты").is_empty());
    }

    #[test]
    fn cues_stay_inside_a_clause() {
        assert!(kinds_of("На границе области, где работают фермеры, закрыты два моста").is_empty());
    }

    #[test]
    fn negation_before_inside_and_after() {
        assert_eq!(cues("Школы не закроют"), vec![(EventKind::SchoolClosing, "Школы не закроют", true)]);
        assert_eq!(cues("Не будут закрыты школы"), vec![(EventKind::SchoolClosing, "закрыты школы", true)]);
        assert_eq!(cues("Карантин вводить не планируется"), vec![(EventKind::Quarantine, "Карантин", true)]);
        assert_eq!(
            cues("Оформлять загранпаспорт нет смысла, потому что границы закрыты"),
            vec![(EventKind::InternationalTravel, "границы закрыты", false)]
        );
    }

    #[test]
    fn exemption_lists_cross_commas() {
        let s = "Закрыты все объекты, за исключением аптек, продуктовых магазинов и ЦОНов";
        let m = cues(s);
        assert_eq!(m.last(), Some(&(EventKind::PublicServices, "ЦОНов", true)));
        assert_eq!(kinds_of(s), vec![EventKind::WorkplaceClosing]);
        // `кроме того` means "moreover".
        assert_eq!(kinds_of("Кроме того выявлено 12 новых случаев"), vec![EventKind::Cases]);
    }

    #[test]
    fn negated_verbs_of_operation_report_a_closure() {
        assert_eq!(kinds_of("ЦОНы не будут работать до конца месяца"), vec![EventKind::PublicServices]);
        assert_eq!(kinds_of("Масочный режим не будет отменён"), vec![EventKind::FacialCoverings]);
        assert!(kinds_of("Концерты не будут отменены").is_empty());
    }

    #[test]
    fn contained_matches_of_one_kind_collapse() {
        assert_eq!(cues("Введён режим ЧС").len(), 1);
    }

    #[test]
    fn empty_and_odd_input() {
        assert!(classify("").is_empty());
        assert!(classify("   ,,, — !").is_empty());
        assert!(classify("12 500 1,5").is_empty());
        assert!(kinds_of("-").is_empty());
    }

    /// The corpus: `sentence<TAB>ids` (comma-separated, or `-`), `#` starts a comment line.
    #[test]
    fn corpus() {
        let data = include_str!("../../tests/corpus/event_kinds.tsv");
        let mut failures = Vec::new();
        let mut rows = 0;
        for (n, line) in data.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (sentence, expected) = line.split_once('\t').unwrap_or_else(|| panic!("line {}: no tab", n + 1));
            let mut want: Vec<EventKind> = match expected.trim() {
                "-" => Vec::new(),
                ids => ids
                    .split(',')
                    .map(|id| id.trim().parse().unwrap_or_else(|e| panic!("line {}: {e}", n + 1)))
                    .collect(),
            };
            let mut got = kinds_of(sentence);
            want.sort();
            got.sort();
            rows += 1;
            if got != want {
                failures.push(format!(
                    "line {}: {sentence}\n  expected {want:?}\n  got      {got:?}\n  matches  {:?}",
                    n + 1,
                    cues(sentence)
                ));
            }
        }
        assert!(rows >= 70, "corpus has {rows} rows");
        assert!(failures.is_empty(), "{} of {rows} rows failed:\n{}", failures.len(), failures.join("\n"));
    }
}
