//! Kazakh morphology as rules: the case, possessive, plural and attributive forms of a stem,
//! generated from its last vowel (back `а о ұ ы я ю`, front `ә е ө ү і э`; `у` and `и` take
//! the harmony of the vowel before them) and its last
//! sound (a vowel; `р й у`; `л`; `з ж`; the nasals `м н ң`; or a voiceless consonant).
//!
//! | form | after a vowel | `р й у` | `л` | `з ж` | `м н ң` | voiceless | after the possessive |
//! |---|---|---|---|---|---|---|---|
//! | locative | да | да | да | да | да | та | нда |
//! | ablative | дан | дан | дан | дан | нан | тан | нан |
//! | dative | ға | ға | ға | ға | ға | қа | на |
//! | genitive | ның | дың | дың | дың | ның | тың | ның |
//! | accusative | ны | ды | ды | ды | ды | ты | н |
//! | attributive | ғы | ғы | ғы | ғы | ғы | қы | — |
//! | plural | лар | лар | дар | дар | дар | тар | — |
//! | possessive (3rd person) | сы | ы | ы | ы | ы | ы | — |
//!
//! (front-vowel stems take `е`/`і` and `ге`/`ке` for `а`/`ы` and `ға`/`қа`). Before a suffix
//! that starts with a vowel, a final `к`/`қ`/`п` is voiced: `қыркүйек` → `қыркүйегі`,
//! `тәулік` → `тәулігінде`.

/// A grammatical case, the way the grammar needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Case {
    /// The bare form (`наурыз`, `наурызы`).
    Nom,
    /// `-да`: in, on, at.
    Loc,
    /// `-дан`: from, since; with `кейін`/`соң`, after.
    Abl,
    /// `-ға`: to; with `дейін`/`шейін`, until.
    Dat,
    /// `-ның`: of.
    Gen,
    /// `-ны`: the direct object.
    Acc,
    /// `-ғы` (and `-дағы` on the locative): the attributive (`2020 жылғы`, `наурыздағы`).
    Attr,
    /// `-дық`: the adjective of measure (`14 күндік`).
    Measure,
}

/// A generated form: its case and whether it carries the 3rd-person possessive or the plural.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Form {
    /// The case.
    pub case: Case,
    /// `-ы`/`-сы` (`наурызы`, `айында`).
    pub possessive: bool,
    /// `-лар` (`жылдары`).
    pub plural: bool,
}

impl Form {
    /// The bare form.
    pub const NOM: Form = Form { case: Case::Nom, possessive: false, plural: false };
}

/// The last sound of a word, for the suffix rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Last {
    Vowel,
    /// `р й у`.
    Sonorant,
    /// `л`.
    L,
    /// `з ж` (and `б в г д`, rare at the end of a Kazakh word).
    Voiced,
    /// `м н ң`.
    Nasal,
    /// `к қ п с т ф х ц ч ш щ`.
    Voiceless,
}

fn is_vowel(c: char) -> bool {
    "аәеёиоөуұүыіэюя".contains(c)
}

/// Does the word take front-vowel suffixes (its last harmony vowel is front)? `у` and `и`
/// take the harmony of the vowel before them (`Мәскеу` → `Мәскеуде`, `елу` → `елуге`,
/// `Ақтау` → `Ақтауда`); alone, `у` is back and `и` front.
pub fn front(word: &str) -> bool {
    let mut alone = None;
    for c in word.chars().rev() {
        if "аоұыяю".contains(c) {
            return false;
        }
        if "әеөүіэ".contains(c) {
            return true;
        }
        match c {
            'у' => alone = alone.or(Some(false)),
            'и' => alone = alone.or(Some(true)),
            _ => {}
        }
    }
    alone.unwrap_or(false)
}

fn last(word: &str) -> Last {
    match word.chars().next_back() {
        Some('р' | 'й' | 'у') => Last::Sonorant,
        Some('л') => Last::L,
        Some('з' | 'ж' | 'б' | 'в' | 'г' | 'д') => Last::Voiced,
        Some('м' | 'н' | 'ң') => Last::Nasal,
        Some(c) if is_vowel(c) => Last::Vowel,
        _ => Last::Voiceless,
    }
}

/// A suffix written with back vowels (`дан`), in the word's harmony: `а` → `е`, `ы` → `і`,
/// `ғ` → `г`, `қ` → `к` for a front word.
fn harmonize(front: bool, suffix: &str) -> String {
    if !front {
        return suffix.to_string();
    }
    suffix
        .chars()
        .map(|c| match c {
            'а' => 'е',
            'ы' => 'і',
            'ғ' => 'г',
            'қ' => 'к',
            c => c,
        })
        .collect()
}

/// `stem` + a suffix that starts with a vowel: a final `к`/`қ`/`п` is voiced.
fn join_vowel(stem: &str, suffix: &str) -> String {
    let mut s = stem.to_string();
    match s.chars().next_back() {
        Some('к') => {
            s.pop();
            s.push('г');
        }
        Some('қ') => {
            s.pop();
            s.push('ғ');
        }
        Some('п') => {
            s.pop();
            s.push('б');
        }
        _ => {}
    }
    s + suffix
}

/// `stem` in `case` (no possessive): the suffix is chosen by the stem's last sound.
pub fn case_form(stem: &str, case: Case) -> String {
    let f = front(stem);
    let l = last(stem);
    let suffix = match (case, l) {
        (Case::Nom, _) => "",
        (Case::Loc | Case::Attr, Last::Voiceless) => "та",
        (Case::Loc | Case::Attr, _) => "да",
        (Case::Abl, Last::Voiceless) => "тан",
        (Case::Abl, Last::Nasal) => "нан",
        (Case::Abl, _) => "дан",
        (Case::Dat, Last::Voiceless) => "қа",
        (Case::Dat, _) => "ға",
        (Case::Gen, Last::Vowel | Last::Nasal) => "ның",
        (Case::Gen, Last::Voiceless) => "тың",
        (Case::Gen, _) => "дың",
        (Case::Acc, Last::Vowel) => "ны",
        (Case::Acc, Last::Voiceless) => "ты",
        (Case::Acc, _) => "ды",
        (Case::Measure, Last::Vowel | Last::Sonorant | Last::L) => "лық",
        (Case::Measure, Last::Voiceless) => "тық",
        (Case::Measure, _) => "дық",
    };
    let mut s = stem.to_string() + &harmonize(f, suffix);
    if case == Case::Attr {
        // The locative's attributive: `наурыздағы`.
        s += &harmonize(f, "ғы");
    }
    s
}

/// The plain attributive `-ғы`/`-қы` (`жылғы`, `бүгінгі`, `кешкі`).
pub fn attributive(stem: &str) -> String {
    let suffix = if last(stem) == Last::Voiceless { "қы" } else { "ғы" };
    stem.to_string() + &harmonize(front(stem), suffix)
}

/// The plural `-лар`/`-дар`/`-тар` (`жылдар`, `күндер`, `айлар`).
pub fn plural(stem: &str) -> String {
    let suffix = match last(stem) {
        Last::Vowel | Last::Sonorant => "лар",
        Last::Voiceless => "тар",
        _ => "дар",
    };
    stem.to_string() + &harmonize(front(stem), suffix)
}

/// The 3rd-person possessive `-ы`/`-сы` (`наурызы`, `шілдесі`, `қыркүйегі`).
pub fn possessive(stem: &str) -> String {
    let f = front(stem);
    if last(stem) == Last::Vowel {
        stem.to_string() + &harmonize(f, "сы")
    } else {
        join_vowel(stem, &harmonize(f, "ы"))
    }
}

/// A possessive form (`наурызы`) in `case`: `-нда`, `-нан`, `-на`, `-ның`, `-н`, `-ндағы`.
pub fn possessive_case(possessed: &str, case: Case) -> String {
    let f = front(possessed);
    let suffix = match case {
        Case::Nom => "",
        Case::Loc => "нда",
        Case::Attr => "ндағы",
        Case::Abl => "нан",
        Case::Dat => "на",
        Case::Gen => "ның",
        Case::Acc => "н",
        Case::Measure => return case_form(possessed, Case::Measure),
    };
    possessed.to_string() + &harmonize(f, suffix)
}

/// Every case.
pub const CASES: [Case; 8] =
    [Case::Nom, Case::Loc, Case::Abl, Case::Dat, Case::Gen, Case::Acc, Case::Attr, Case::Measure];

/// Every form of `stem` the grammar reads: the cases, the possessive in every case, and (with
/// `plurals`) the plural and its possessive in every case (`жылдары`, `күндерінде`).
pub fn forms(stem: &str, plurals: bool) -> Vec<(String, Form)> {
    let mut out = Vec::new();
    let bases: &[bool] = if plurals { &[false, true] } else { &[false] };
    for &plural_form in bases {
        let base = if plural_form { plural(stem) } else { stem.to_string() };
        for case in CASES {
            out.push((case_form(&base, case), Form { case, possessive: false, plural: plural_form }));
        }
        let poss = possessive(&base);
        for case in CASES {
            if case == Case::Measure {
                continue;
            }
            out.push((possessive_case(&poss, case), Form { case, possessive: true, plural: plural_form }));
        }
    }
    out.push((attributive(stem), Form { case: Case::Attr, possessive: false, plural: false }));
    out
}

/// The ordinal of a number word: `-ыншы`/`-інші` after a consonant, `-ншы`/`-нші` after a
/// vowel (`бірінші`, `алтыншы`), with `қырық` → `қырқыншы` and `жиырма` → `жиырмасыншы`.
pub fn ordinal(word: &str) -> String {
    match word {
        "қырық" => return "қырқыншы".to_string(),
        "жиырма" => return "жиырмасыншы".to_string(),
        _ => {}
    }
    let f = front(word);
    if last(word) == Last::Vowel {
        word.to_string() + &harmonize(f, "ншы")
    } else {
        word.to_string() + &harmonize(f, "ыншы")
    }
}

/// The form a suffix after a hyphen gives a number (`16-сы`, `10:00-де`, `17.00-ге`,
/// `1-ші`): its case, and whether it is the possessive or ordinal one. Any harmony is
/// accepted, since the reader of `16-сы` hears the number, not its letters.
pub fn number_suffix(suffix: &str) -> Option<Form> {
    let plain = |case| Some(Form { case, possessive: false, plural: false });
    let poss = |case| Some(Form { case, possessive: true, plural: false });
    // A possessive (or ordinal) base, then a case.
    for base in ["сы", "сі", "ы", "і", "ыншы", "інші", "ншы", "нші", "шы", "ші", "нчы", "нчі"]
    {
        if let Some(rest) = suffix.strip_prefix(base) {
            match rest {
                "" => return poss(Case::Nom),
                "нда" | "нде" => return poss(Case::Loc),
                "ндағы" | "ндегі" => return poss(Case::Attr),
                "нан" | "нен" => return poss(Case::Abl),
                "на" | "не" => return poss(Case::Dat),
                "ның" | "нің" => return poss(Case::Gen),
                "н" => return poss(Case::Acc),
                _ => {}
            }
        }
    }
    match suffix {
        "да" | "де" | "та" | "те" | "нда" | "нде" => plain(Case::Loc),
        "дағы" | "дегі" | "тағы" | "тегі" => plain(Case::Attr),
        "дан" | "ден" | "тан" | "тен" | "нан" | "нен" => plain(Case::Abl),
        "ға" | "ге" | "қа" | "ке" | "на" | "не" | "а" | "е" => plain(Case::Dat),
        "ның" | "нің" | "дың" | "дің" | "тың" | "тің" => plain(Case::Gen),
        "ны" | "ні" | "ды" | "ді" | "ты" | "ті" => plain(Case::Acc),
        "ғы" | "гі" | "қы" | "кі" => plain(Case::Attr),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(stem: &str, case: Case) -> String {
        case_form(stem, case)
    }

    #[test]
    fn locative_follows_the_last_sound_and_vowel() {
        assert_eq!(form("наурыз", Case::Loc), "наурызда");
        assert_eq!(form("сәуір", Case::Loc), "сәуірде");
        assert_eq!(form("шілде", Case::Loc), "шілдеде");
        assert_eq!(form("қыркүйек", Case::Loc), "қыркүйекте");
        assert_eq!(form("сағат", Case::Loc), "сағатта");
        assert_eq!(form("күн", Case::Loc), "күнде");
        assert_eq!(form("апта", Case::Loc), "аптада");
        assert_eq!(form("Мәскеу", Case::Abl), "Мәскеуден");
        assert_eq!(form("Ақтау", Case::Loc), "Ақтауда");
        assert_eq!(form("елу", Case::Dat), "елуге");
    }

    #[test]
    fn ablative_dative_genitive_accusative() {
        assert_eq!(form("наурыз", Case::Abl), "наурыздан");
        assert_eq!(form("күн", Case::Abl), "күннен");
        assert_eq!(form("қыркүйек", Case::Abl), "қыркүйектен");
        assert_eq!(form("желтоқсан", Case::Abl), "желтоқсаннан");
        assert_eq!(form("сәуір", Case::Dat), "сәуірге");
        assert_eq!(form("тәулік", Case::Dat), "тәулікке");
        assert_eq!(form("сағат", Case::Dat), "сағатқа");
        assert_eq!(form("апта", Case::Dat), "аптаға");
        assert_eq!(form("наурыз", Case::Gen), "наурыздың");
        assert_eq!(form("маусым", Case::Gen), "маусымның");
        assert_eq!(form("шілде", Case::Gen), "шілденің");
        assert_eq!(form("қыркүйек", Case::Gen), "қыркүйектің");
        assert_eq!(form("жыл", Case::Gen), "жылдың");
        assert_eq!(form("апта", Case::Acc), "аптаны");
        assert_eq!(form("күн", Case::Acc), "күнді");
        assert_eq!(form("жыл", Case::Attr), "жылдағы");
        assert_eq!(attributive("жыл"), "жылғы");
        assert_eq!(attributive("бүгін"), "бүгінгі");
        assert_eq!(attributive("кеш"), "кешкі");
        assert_eq!(form("күн", Case::Measure), "күндік");
        assert_eq!(form("ай", Case::Measure), "айлық");
    }

    #[test]
    fn possessive_voices_the_last_consonant() {
        assert_eq!(possessive("наурыз"), "наурызы");
        assert_eq!(possessive("шілде"), "шілдесі");
        assert_eq!(possessive("қыркүйек"), "қыркүйегі");
        assert_eq!(possessive("тәулік"), "тәулігі");
        assert_eq!(possessive("жыл"), "жылы");
        assert_eq!(possessive_case("наурызы", Case::Loc), "наурызында");
        assert_eq!(possessive_case("қарашасы", Case::Abl), "қарашасынан");
        assert_eq!(possessive_case("күні", Case::Dat), "күніне");
        assert_eq!(possessive_case("айы", Case::Gen), "айының");
    }

    #[test]
    fn plurals_and_ordinals() {
        assert_eq!(plural("жыл"), "жылдар");
        assert_eq!(plural("күн"), "күндер");
        assert_eq!(plural("ай"), "айлар");
        assert_eq!(plural("апта"), "апталар");
        assert_eq!(plural("сағат"), "сағаттар");
        assert_eq!(possessive(&plural("жыл")), "жылдары");
        assert_eq!(ordinal("бір"), "бірінші");
        assert_eq!(ordinal("алты"), "алтыншы");
        assert_eq!(ordinal("он"), "оныншы");
        assert_eq!(ordinal("қырық"), "қырқыншы");
    }

    #[test]
    fn every_form_is_generated_once_per_meaning() {
        let f = forms("наурыз", false);
        let get = |s: &str| f.iter().find(|(w, _)| w == s).map(|(_, form)| *form);
        assert_eq!(get("наурызында"), Some(Form { case: Case::Loc, possessive: true, plural: false }));
        assert_eq!(get("наурыздан").map(|f| f.case), Some(Case::Abl));
        assert_eq!(get("наурызға").map(|f| f.case), Some(Case::Dat));
        let y = forms("жыл", true);
        assert!(y.iter().any(|(w, f)| w == "жылдарында" && f.plural && f.possessive));
    }

    #[test]
    fn number_suffixes() {
        assert_eq!(number_suffix("сы"), Some(Form { case: Case::Nom, possessive: true, plural: false }));
        assert_eq!(number_suffix("сында").map(|f| (f.case, f.possessive)), Some((Case::Loc, true)));
        assert_eq!(number_suffix("інен").map(|f| (f.case, f.possessive)), Some((Case::Abl, true)));
        assert_eq!(number_suffix("ші").map(|f| f.possessive), Some(true));
        assert_eq!(number_suffix("ге").map(|f| f.case), Some(Case::Dat));
        assert_eq!(number_suffix("де").map(|f| f.case), Some(Case::Loc));
        assert_eq!(number_suffix("нан").map(|f| f.case), Some(Case::Abl));
        assert_eq!(number_suffix("адам"), None);
    }
}
