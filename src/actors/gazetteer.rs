//! The actor gazetteer: data files under `data/actors/`, embedded at compile time,
//! extended by user files, compiled into one Aho-Corasick automaton.
//!
//! See `docs/actors.md` for the file format, where the data comes from and the
//! ambiguity rules.

use crate::model::{Actor, ActorKind};
use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// How a surface form refers to its entity; extraction treats them differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    /// A name, short form or acronym ("China", "PRC", "ODNI").
    Name,
    /// A demonym or adjective ("Chinese"); names an actor only with a group noun.
    Adjective,
    /// A capital or seat of power used for the government ("Beijing", "the Kremlin").
    Metonym,
}

/// A period during which a person held an office.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    /// Title, lowercase ("president", "foreign minister").
    pub role: String,
    /// ISO alpha-3 of the state, or the organization id, the office belongs to.
    pub of: String,
    /// First day in office, YYYY-MM-DD (a shorter prefix, YYYY or YYYY-MM, is allowed).
    pub from: Option<String>,
    /// Last day in office, YYYY-MM-DD (None: still in office).
    pub to: Option<String>,
}

/// One gazetteer entity with its surface forms.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The entity the forms resolve to.
    pub actor: Actor,
    /// Names, short forms and acronyms.
    pub names: Vec<String>,
    /// Demonyms and adjectives.
    pub adjectives: Vec<String>,
    /// Capitals and seats of power.
    pub metonyms: Vec<String>,
    /// Offices held (people only).
    pub offices: Vec<Office>,
    /// Id of the body or organization this entity belongs to or speaks for, if any.
    pub parent: Option<String>,
    /// A person's or organization's short name is also a common word ("Ban", "Amnesty"): alone
    /// in a headline, where every word is capitalized, it counts only when the article names
    /// the actor. On a state it documents names the context rules check ("Georgia").
    pub ambiguous: bool,
    /// The state this one succeeded, and the day it ceased: before it, names of this state
    /// mean the predecessor ("Moscow" in 1987 is the Soviet Union).
    pub predecessor: Option<Predecessor>,
    /// Surnames that name this person only while in office on the text's date (or, in an
    /// undated text, as the most recent holder): many people share a surname.
    pub dated_names: Vec<String>,
    /// Names the entity had before a date ("European Community" until 1993-11-01): the
    /// same entity, labelled as it was called then.
    pub period_names: Vec<PeriodName>,
    /// Common nouns a story calls the entity back by once it has named it ("the bloc" for
    /// the EU, "the alliance" for NATO).
    pub nouns: Vec<String>,
}

/// A name an entity bore until a date.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodName {
    /// The name then ("Zaire").
    pub name: String,
    /// First day of the next name, YYYY-MM-DD.
    pub until: String,
}

/// A predecessor state and the first day the successor stands for the place.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Predecessor {
    /// Id of the predecessor entity (ISO 3166-3 code).
    pub id: String,
    /// First day of the successor, YYYY-MM-DD.
    pub until: String,
}

/// One entity a surface form names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// Index of the entry (see [`Gazetteer::entry`]).
    pub entry: usize,
    /// How the form refers to it.
    pub form: Form,
    /// The form is a surname that names this person only in office on the text's date.
    pub dated: bool,
}

/// One gazetteer match in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct GazMatch {
    /// Start byte offset in the searched text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// Index of the matched entry (see [`Gazetteer::entry`]).
    pub entry: usize,
    /// How the matched form refers to the entry.
    pub form: Form,
}

/// A gazetteer file that could not be read, reported as `path:line: message`.
#[derive(Debug, Clone)]
pub struct GazetteerError {
    /// The file ("<builtin>/..." for embedded ones).
    pub path: PathBuf,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.path.display(), l, self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for GazetteerError {}

/// A title that can precede a person's name ("foreign minister", "spokesman").
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Canonical title, lowercase ("foreign minister").
    pub role: String,
    /// Surface forms, lowercase ("foreign minister", "foreign ministers", "fm").
    pub forms: Vec<String>,
    /// Whether the holder acts for a state (so rolls up to it), per the guideline.
    #[serde(default)]
    pub state: bool,
}

/// A generic noun for a state body ("foreign ministry", "army", "government").
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BodyNoun {
    /// Stable key used in body ids ("foreign-ministry" gives "CHN-foreign-ministry").
    pub key: String,
    /// Canonical display name ("Foreign Ministry").
    pub name: String,
    /// Surface forms, lowercase.
    pub forms: Vec<String>,
    /// Whether the noun stands for the state itself ("government", "authorities").
    #[serde(default)]
    pub state: bool,
}

/// A noun for a collective actor ("rebels", "militants").
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupNoun {
    /// Canonical plural, lowercase ("rebels").
    pub name: String,
    /// Surface forms, lowercase.
    pub forms: Vec<String>,
}

/// The embedded data files, in load order (later ones override earlier ones by id).
const BUILTIN: &[(&str, &str)] = &[
    (
        "countries.toml",
        include_str!("../../data/actors/countries.toml"),
    ),
    (
        "countries-extra.toml",
        include_str!("../../data/actors/countries-extra.toml"),
    ),
    (
        "organizations.toml",
        include_str!("../../data/actors/organizations.toml"),
    ),
    ("media.toml", include_str!("../../data/actors/media.toml")),
    (
        "companies.toml",
        include_str!("../../data/actors/companies.toml"),
    ),
    ("bodies.toml", include_str!("../../data/actors/bodies.toml")),
    (
        "leaders.toml",
        include_str!("../../data/actors/leaders.toml"),
    ),
    ("people.toml", include_str!("../../data/actors/people.toml")),
    ("roles.toml", include_str!("../../data/actors/roles.toml")),
];

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    actor: Vec<RawActor>,
    #[serde(default)]
    title: Vec<Role>,
    #[serde(default)]
    body: Vec<BodyNoun>,
    #[serde(default)]
    group: Vec<GroupNoun>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct RawActor {
    id: String,
    name: Option<String>,
    kind: Option<String>,
    country: Option<String>,
    parent: Option<String>,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    adjectives: Vec<String>,
    #[serde(default)]
    metonyms: Vec<String>,
    #[serde(default)]
    offices: Vec<Office>,
    ambiguous: Option<bool>,
    predecessor: Option<Predecessor>,
    #[serde(default)]
    dated_names: Vec<String>,
    #[serde(default)]
    period_names: Vec<PeriodName>,
    #[serde(default)]
    nouns: Vec<String>,
    /// Replace a previous entry with this id instead of adding to it.
    #[serde(default)]
    replace: bool,
}

impl RawActor {
    /// The forms of this record, kept for the load-order log after the record is consumed.
    fn clone_forms(&self) -> RawActor {
        RawActor {
            offices: Vec::new(),
            ..self.clone()
        }
    }
}

/// The compiled gazetteer.
pub struct Gazetteer {
    entries: Vec<Entry>,
    ids: HashMap<String, usize>,
    /// Every surface form (and its ALL-CAPS variant), with the entries it names, in load order.
    surfaces: Vec<(String, Vec<Candidate>)>,
    surface_index: HashMap<String, usize>,
    /// Surfaces by their lowercase form without diacritics, for `resolve` of a mention typed
    /// in any case ("cote d'ivoire", "COTE D’IVOIRE").
    folded_index: HashMap<String, usize>,
    automaton: AhoCorasick,
    titles: Vec<Role>,
    bodies: Vec<BodyNoun>,
    groups: Vec<GroupNoun>,
    title_forms: PhraseTable,
    body_forms: PhraseTable,
    group_forms: PhraseTable,
}

impl fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entries", &self.entries.len())
            .field("surfaces", &self.surfaces.len())
            .finish()
    }
}

/// Lowercase phrases by their text, for longest-prefix look-ups word by word.
#[derive(Default)]
struct PhraseTable {
    map: HashMap<String, usize>,
    max_words: usize,
    /// First words of the phrases: most words start none, and are turned away before any
    /// phrase is built.
    first_words: std::collections::HashSet<String>,
}

impl PhraseTable {
    fn insert(&mut self, form: &str, idx: usize) {
        let norm = normalize_phrase(form);
        self.max_words = self.max_words.max(norm.split(' ').count());
        if let Some(first) = norm.split(' ').next() {
            self.first_words.insert(first.to_string());
        }
        self.map.insert(norm, idx);
    }

    /// Whether some phrase may start with the first word of `text`.
    fn may_start(&self, text: &str) -> bool {
        let end = text
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '.'))
            .map_or(text.len(), |(i, _)| i);
        let first = text[..end].to_lowercase();
        let bare = first.trim_end_matches('.');
        let bare = bare
            .strip_suffix("'s")
            .or_else(|| bare.strip_suffix('\''))
            .unwrap_or(bare);
        self.first_words.contains(first.as_str()) || self.first_words.contains(bare)
    }

    /// Longest phrase at the start of `text`: tries the first n words, n from long to short,
    /// so the cost is a few hash look-ups whatever the number of phrases.
    fn longest_at(&self, text: &str) -> Option<(usize, usize)> {
        if !self.may_start(text) {
            return None;
        }
        let mut ends = Vec::new();
        let mut in_word = false;
        for (i, c) in text.char_indices() {
            let wordy = c.is_alphanumeric() || c == '-' || c == '\'' || c == '.';
            if in_word && !wordy {
                ends.push(i);
                if ends.len() >= self.max_words {
                    break;
                }
            }
            if !in_word && !wordy && !c.is_whitespace() {
                break;
            }
            in_word = wordy;
        }
        if in_word && ends.len() < self.max_words {
            ends.push(text.len());
        }
        for &end in ends.iter().rev() {
            // "Sen. Jack Kemp": an abbreviation keeps its dot; a sentence's last word drops it.
            let full = &text[..end];
            let cand = full.trim_end_matches('.');
            if cand.len() < full.len() {
                if let Some(&idx) = self.map.get(&normalize_phrase(full)) {
                    return Some((full.len(), idx));
                }
            }
            if let Some(&idx) = self.map.get(&normalize_phrase(cand)) {
                return Some((cand.len(), idx));
            }
            // "the Finance Ministry's new bonds": the phrase without its possessive.
            if let Some(stem) = cand.strip_suffix("'s").or_else(|| cand.strip_suffix('\'')) {
                if let Some(&idx) = self.map.get(&normalize_phrase(stem)) {
                    return Some((stem.len(), idx));
                }
            }
        }
        None
    }
}

fn normalize_phrase(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Byte offset to 1-based line.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())]
        .bytes()
        .filter(|&b| b == b'\n')
        .count()
        + 1
}

/// Line of the `id = "..."` of an entry, for errors found after parsing.
fn line_of_id(text: &str, id: &str) -> Option<usize> {
    let needle = format!("\"{id}\"");
    text.lines()
        .position(|l| l.trim_start().starts_with("id") && l.contains(&needle))
        .map(|i| i + 1)
}

fn valid_date(d: &str) -> bool {
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| r.into_iter().all(|i| b[i].is_ascii_digit());
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// Whether `date` falls in `[from, to]`; partial dates in the data cover their whole year or month.
fn in_office(office: &Office, date: &str) -> bool {
    let after_start = office.from.as_deref().is_none_or(|f| date >= f);
    let before_end = office.to.as_deref().is_none_or(|t| {
        let n = t.len().min(date.len());
        date.get(..n).is_some_and(|d| d <= t)
    });
    after_start && before_end
}

#[derive(Default)]
struct Builder {
    entries: Vec<Entry>,
    ids: HashMap<String, usize>,
    titles: Vec<Role>,
    bodies: Vec<BodyNoun>,
    groups: Vec<GroupNoun>,
    /// Every form in the order the files gave it, so later data wins a shared surface
    /// ("Congo" is COG in the generated file, COD in the overlay).
    log: Vec<(usize, String, Form, bool)>,
}

impl Builder {
    fn log_entry(&mut self, i: usize, a: &RawActor) {
        let e = &self.entries[i];
        let mut forms = vec![(e.actor.name.clone(), Form::Name)];
        forms.extend(a.names.iter().map(|n| (n.clone(), Form::Name)));
        forms.extend(a.adjectives.iter().map(|n| (n.clone(), Form::Adjective)));
        forms.extend(a.metonyms.iter().map(|n| (n.clone(), Form::Metonym)));
        self.log
            .extend(forms.into_iter().map(|(s, f)| (i, s, f, false)));
        self.log.extend(
            a.dated_names
                .iter()
                .map(|n| (i, n.clone(), Form::Name, true)),
        );
    }

    fn add_file(&mut self, path: &Path, text: &str) -> Result<(), GazetteerError> {
        let err = |line: Option<usize>, message: String| GazetteerError {
            path: path.to_path_buf(),
            line,
            message,
        };
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start));
            err(line, e.message().trim().replace('\n', "; "))
        })?;
        for a in raw.actor {
            // (The line is looked up only for an error: a scan per entry would be quadratic.)
            let line = || line_of_id(text, &a.id);
            if a.id.trim().is_empty() {
                return Err(err(line(), "actor with an empty id".into()));
            }
            let kind = match &a.kind {
                Some(k) => Some(k.parse::<ActorKind>().map_err(|m| err(line(), m))?),
                None => None,
            };
            for p in &a.period_names {
                if !valid_date(&p.until) {
                    return Err(err(
                        line(),
                        format!(
                            "actor '{}': bad date '{}' (expected YYYY-MM-DD)",
                            a.id, p.until
                        ),
                    ));
                }
            }
            for o in &a.offices {
                for d in [&o.from, &o.to].into_iter().flatten() {
                    if !valid_date(d) {
                        return Err(err(
                            line(),
                            format!("actor '{}': bad date '{d}' (expected YYYY-MM-DD)", a.id),
                        ));
                    }
                }
            }
            let existing = self.ids.get(&a.id).copied();
            let logged = a.clone_forms();
            let index = match existing {
                Some(i) if !a.replace => {
                    let e = &mut self.entries[i];
                    if let Some(n) = a.name {
                        e.actor.name = n;
                    }
                    if let Some(k) = kind {
                        e.actor.kind = k;
                    }
                    if a.country.is_some() {
                        e.actor.country = a.country;
                    }
                    if a.parent.is_some() {
                        e.parent = a.parent;
                    }
                    if let Some(amb) = a.ambiguous {
                        e.ambiguous = amb;
                    }
                    if a.predecessor.is_some() {
                        e.predecessor = a.predecessor;
                    }
                    extend_unique(&mut e.names, a.names);
                    extend_unique(&mut e.adjectives, a.adjectives);
                    extend_unique(&mut e.metonyms, a.metonyms);
                    extend_unique(&mut e.dated_names, a.dated_names);
                    e.offices.extend(a.offices);
                    e.period_names.extend(a.period_names);
                    extend_unique(&mut e.nouns, a.nouns);
                    i
                }
                _ => {
                    let (Some(name), Some(kind)) = (a.name, kind) else {
                        return Err(err(
                            line(),
                            format!("new actor '{}' needs both `name` and `kind`", a.id),
                        ));
                    };
                    let entry = Entry {
                        actor: Actor {
                            id: a.id.clone(),
                            name,
                            kind,
                            country: a.country,
                        },
                        names: a.names,
                        adjectives: a.adjectives,
                        metonyms: a.metonyms,
                        offices: a.offices,
                        parent: a.parent,
                        ambiguous: a.ambiguous.unwrap_or(false),
                        predecessor: a.predecessor,
                        dated_names: a.dated_names,
                        period_names: a.period_names,
                        nouns: a.nouns,
                    };
                    match existing {
                        Some(i) => {
                            self.entries[i] = entry;
                            i
                        }
                        None => {
                            self.ids.insert(a.id, self.entries.len());
                            self.entries.push(entry);
                            self.entries.len() - 1
                        }
                    }
                }
            };
            self.log_entry(index, &logged);
        }
        self.titles.extend(raw.title);
        self.bodies.extend(raw.body);
        self.groups.extend(raw.group);
        Ok(())
    }

    fn build(self) -> Result<Gazetteer, String> {
        let mut surfaces: Vec<(String, Vec<Candidate>)> = Vec::new();
        let mut surface_index: HashMap<String, usize> = HashMap::new();
        let mut add = |s: &str, c: Candidate| {
            let s = s.trim();
            if s.is_empty() {
                return;
            }
            let i = *surface_index.entry(s.to_string()).or_insert_with(|| {
                surfaces.push((s.to_string(), Vec::new()));
                surfaces.len() - 1
            });
            let cands = &mut surfaces[i].1;
            // A form that names the entry at any date outranks the same form as a dated surname.
            match cands
                .iter_mut()
                .find(|x| x.entry == c.entry && x.form == c.form)
            {
                Some(x) => x.dated &= c.dated,
                None => cands.push(c),
            }
        };
        for (i, s, f, dated) in &self.log {
            let (i, f) = (*i, *f);
            let e = &self.entries[i];
            // A replaced entry's old forms are in the log but no longer in the entry.
            let present = match f {
                Form::Name if *dated => e.dated_names.contains(s),
                Form::Name => e.actor.name == *s || e.names.contains(s),
                Form::Adjective => e.adjectives.contains(s),
                Form::Metonym => e.metonyms.contains(s),
            };
            if !present {
                continue;
            }
            let c = Candidate {
                entry: i,
                form: f,
                dated: *dated,
            };
            for v in spellings(s) {
                add(&v, c);
                // Headlines and datelines set names in capitals ("BEIJING"); short forms
                // in capitals are acronyms already and would turn words into names.
                if v.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
                    let up = v.to_uppercase();
                    if up != v {
                        add(&up, c);
                    }
                }
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(surfaces.iter().map(|(s, _)| s.as_str()))
            .map_err(|e| e.to_string())?;
        let mut folded_index = HashMap::new();
        for (i, (surface, _)) in surfaces.iter().enumerate() {
            // (The first surface of a folded form wins: the one spelled as the data spells it.)
            folded_index.entry(fold(surface)).or_insert(i);
        }
        let mut g = Gazetteer {
            entries: self.entries,
            ids: self.ids,
            surfaces,
            surface_index,
            folded_index,
            automaton,
            titles: self.titles,
            bodies: self.bodies,
            groups: self.groups,
            title_forms: PhraseTable::default(),
            body_forms: PhraseTable::default(),
            group_forms: PhraseTable::default(),
        };
        for (i, r) in g.titles.iter().enumerate() {
            g.title_forms.insert(&r.role, i);
            r.forms.iter().for_each(|f| g.title_forms.insert(f, i));
        }
        for (i, b) in g.bodies.iter().enumerate() {
            b.forms.iter().for_each(|f| g.body_forms.insert(f, i));
        }
        for (i, b) in g.groups.iter().enumerate() {
            g.group_forms.insert(&b.name, i);
            b.forms.iter().for_each(|f| g.group_forms.insert(f, i));
        }
        Ok(g)
    }
}

/// Lowercase, without diacritics, typographic apostrophes as plain ones: the key of a form
/// typed in any case or spelling ("Côte d’Ivoire", "COTE D'IVOIRE" -> "cote d'ivoire").
pub fn fold(s: &str) -> String {
    deunicode::deunicode(&s.replace(['’', '‘'], "'")).to_lowercase()
}

/// The spellings news uses for a form: without diacritics ("Cote d'Ivoire"), with a space for
/// a hyphen between names ("Guinea Bissau"), "&" for "and", "St." and "St" for "Saint",
/// "U.N." and "United Nations" for "UN", and headline capitals for small words ("Republic
/// Of Korea"). The form itself comes first.
pub fn spellings(form: &str) -> Vec<String> {
    let mut out = vec![form.to_string()];
    let mut grow = |f: &dyn Fn(&str) -> Option<String>| {
        let more: Vec<String> = out.iter().filter_map(|s| f(s)).collect();
        for m in more {
            if !out.contains(&m) {
                out.push(m);
            }
        }
    };
    grow(&|s| {
        // (Only Latin letters with marks: other scripts are not in the data.)
        let latin = s.chars().all(|c| (c as u32) < 0x250 || "’‘".contains(c));
        let d = deunicode::deunicode(s);
        (latin && d != s).then_some(d)
    });
    grow(&|s| {
        let b = s.as_bytes();
        let joined = (1..b.len().saturating_sub(1)).any(|i| {
            b[i] == b'-' && b[i - 1].is_ascii_alphabetic() && b[i + 1].is_ascii_uppercase()
        });
        joined.then(|| {
            let mut t = String::with_capacity(s.len());
            let mut prev = ' ';
            let mut chars = s.chars().peekable();
            while let Some(c) = chars.next() {
                let next_upper = chars.peek().is_some_and(|n| n.is_uppercase());
                t.push(if c == '-' && prev.is_alphabetic() && next_upper {
                    ' '
                } else {
                    c
                });
                prev = c;
            }
            t
        })
    });
    grow(&|s| s.contains(" and ").then(|| s.replace(" and ", " & ")));
    for (from, to) in [("Saint ", "St. "), ("Saint ", "St ")] {
        grow(&|s| s.starts_with(from).then(|| s.replacen(from, to, 1)));
    }
    for (from, tos) in [
        ("UN ", ["U.N. ", "United Nations "]),
        ("U.N. ", ["UN ", "United Nations "]),
    ] {
        for to in tos {
            grow(&|s| s.starts_with(from).then(|| s.replacen(from, to, 1)));
        }
    }
    grow(&|s| {
        let words: Vec<&str> = s.split(' ').collect();
        let small = |w: &str| matches!(w, "of" | "the" | "and" | "for" | "on" | "in");
        (words.len() > 2 && words.iter().skip(1).any(|w| small(w))).then(|| {
            words
                .iter()
                .enumerate()
                .map(|(k, w)| {
                    if k > 0 && small(w) {
                        let mut c = w.chars();
                        c.next().map_or(String::new(), |f| {
                            f.to_uppercase().collect::<String>() + c.as_str()
                        })
                    } else {
                        w.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
    });
    out
}

fn extend_unique(v: &mut Vec<String>, more: Vec<String>) {
    for m in more {
        if !v.contains(&m) {
            v.push(m);
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The word before byte `pos` (skipping one run of spaces), if directly adjacent.
fn word_before(text: &str, pos: usize) -> Option<&str> {
    let head = &text[..pos];
    let trimmed = head.strip_suffix(' ')?;
    let start = trimmed
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || c == '\''))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let w = &trimmed[start..];
    (!w.is_empty()).then_some(w)
}

/// The word after byte `pos` (after one space), if directly adjacent.
fn word_after(text: &str, pos: usize) -> Option<&str> {
    let tail = text[pos..].strip_prefix(' ')?;
    let end = tail
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(tail.len(), |(i, _)| i);
    let w = &tail[..end];
    (!w.is_empty()).then_some(w)
}

/// The words of a name, folded ("Jean-Yves Le Drian" -> jean, yves, le, drian).
fn name_words(name: &str) -> Vec<String> {
    fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Styles that come before a given name, not a surname.
const ROYAL_STYLES: &[&str] = &[
    "Prince", "Princess", "King", "Queen", "Pope", "Sheikh", "Sheik", "Emir", "Sultan", "Emperor",
    "Empress", "Crown",
];

/// Capitalized words before a surname that are no given names: forms of address and words
/// that open sentences.
const NOT_GIVEN_NAMES: &[&str] = &[
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Dr",
    "Dr.",
    "Sir",
    "Lady",
    "Lord",
    "Madame",
    "Mme",
    "Herr",
    "Senor",
    "Imam",
    "Rev",
    "Rev.",
    "Father",
    "Saint",
    "St.",
    "Yesterday",
    "Later",
    "Earlier",
    "Instead",
    "Asked",
    "Still",
    "Even",
    "Only",
    "Last",
    "Next",
    "Here",
    "There",
    "Thus",
    "So",
    "Because",
    "Although",
    "Though",
    "Under",
    "Over",
    "Until",
    "Unless",
    "Whether",
    "Without",
    "Within",
    "Did",
    "Does",
    "Do",
    "Has",
    "Had",
    "Have",
    "Is",
    "Was",
    "Will",
    "Would",
    "Can",
    "Could",
    "Should",
    "May",
    "Might",
    "Must",
    "Let",
    "Thank",
    "Thanks",
    "Dear",
    "Young",
    "Old",
    "Former",
    "Acting",
    "Interim",
    "Deputy",
    "Vice",
    "Senior",
    "Junior",
    "Chief",
    "Late",
    "New",
    "Then",
    "Once",
    "Not",
    "No",
    "Yes",
    "Neither",
    "Either",
    "Every",
    "All",
    "Many",
    "Some",
    "Most",
    "Few",
    "Several",
    "Please",
    "Meet",
    "Ask",
    "Tell",
    "Call",
    "Calls",
    "Says",
    "Said",
    "Hails",
    "Meets",
    "Sees",
    "Wants",
    "Vows",
    "Backs",
    "Fires",
    "Hits",
    "Attacks",
    "Blasts",
    "Slams",
    "Rejects",
    "Accuses",
    "Denies",
    "Warns",
    "Threatens",
    "Urges",
    "Demands",
    "Praises",
    "Supports",
    "Criticizes",
    "Condemns",
    "Dismisses",
];

fn is_titlecase(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(|c| c.is_uppercase()) && cs.any(|c| c.is_lowercase())
}

/// Capitalized words that start sentences or clauses and are not first names.
const NOT_FIRST_NAMES: &[&str] = &[
    "In",
    "From",
    "To",
    "And",
    "But",
    "The",
    "For",
    "With",
    "At",
    "By",
    "Said",
    "Of",
    "On",
    "As",
    "While",
    "Both",
    "Neither",
    "Nor",
    "Or",
    "When",
    "If",
    "Since",
    "Then",
    "Now",
    "Yet",
    "After",
    "Before",
    "Between",
    "Against",
    "Told",
    "Says",
    "Urged",
    "Warned",
    "Accused",
    "Why",
    "How",
    "What",
    "Where",
    "Meanwhile",
    "Also",
    "Today",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Officials",
    "Sources",
    "That",
    "This",
    "Like",
    "Unlike",
    "Including",
    "Visit",
    "Visits",
    "Leaves",
    "Arrives",
    "Tells",
    "Urges",
    "Warns",
    "Slams",
    "Criticizes",
    "Blames",
    "Accuses",
    "Rejects",
    "Denies",
    "Backs",
    "Praises",
    "Says",
];

fn window<'a>(text: &'a str, m: &GazMatch, radius: usize) -> &'a str {
    let mut s = m.start.saturating_sub(radius);
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = (m.end + radius).min(text.len());
    while !text.is_char_boundary(e) {
        e += 1;
    }
    &text[s..e]
}

impl Gazetteer {
    /// The gazetteer of the embedded data, compiled once.
    pub fn builtin() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        // The embedded files are checked by the test suite, so this cannot fail in a release.
        G.get_or_init(|| Gazetteer::load(&[]).expect("embedded gazetteer data is valid"))
    }

    /// The embedded data plus user files that add entries or override them by id.
    pub fn load(user_files: &[PathBuf]) -> Result<Gazetteer, GazetteerError> {
        let mut b = Builder::default();
        for (name, text) in BUILTIN {
            b.add_file(&Path::new("<builtin>").join(name), text)?;
        }
        for p in user_files {
            let text = std::fs::read_to_string(p).map_err(|e| GazetteerError {
                path: p.clone(),
                line: None,
                message: e.to_string(),
            })?;
            b.add_file(p, &text)?;
        }
        b.build().map_err(|message| GazetteerError {
            path: PathBuf::from("<gazetteer>"),
            line: None,
            message,
        })
    }

    /// The entry at `index`.
    pub fn entry(&self, index: usize) -> &Entry {
        &self.entries[index]
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry with this id.
    pub fn by_id(&self, id: &str) -> Option<&Entry> {
        self.ids.get(id).map(|&i| &self.entries[i])
    }

    /// Index of the entry with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    /// Every entry a surface form names, in load order (later data wins in [`Gazetteer::find`]).
    pub fn candidates(&self, surface: &str) -> &[Candidate] {
        self.surface_index
            .get(surface)
            .map_or(&[], |&i| self.surfaces[i].1.as_slice())
    }

    /// All gazetteer mentions in `text`: one automaton pass, word-bounded, non-overlapping,
    /// leftmost-longest, after the context rules of [`Gazetteer::disambiguate`].
    pub fn find(&self, text: &str) -> Vec<GazMatch> {
        self.find_dated(text, None)
    }

    /// [`Gazetteer::find`] for a text of a known date: where one name is several people's
    /// ("Stoltenberg"), the one in office on `date` wins.
    pub fn find_dated(&self, text: &str, date: Option<&str>) -> Vec<GazMatch> {
        // Overlapping search, then leftmost-longest selection among the word-bounded
        // matches: a plain leftmost-longest pass would let a match inside a word
        // ("Oman" in "Omani") hide a real one that starts later.
        let mut raw: Vec<(usize, usize, usize)> = self
            .automaton
            .find_overlapping_iter(text)
            .filter(|m| {
                let before_ok = text[..m.start()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !is_word_char(c));
                let after_ok = text[m.end()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !is_word_char(c));
                before_ok && after_ok
            })
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        raw.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut out = Vec::new();
        let mut pos = 0;
        for (s, e, p) in raw {
            if s < pos {
                continue;
            }
            let Some(Candidate { entry, form, .. }) = self.pick(&self.surfaces[p].1, date) else {
                continue;
            };
            let m = GazMatch {
                start: s,
                end: e,
                entry,
                form,
            };
            if let Some(m) = self.disambiguate(text, &m) {
                pos = e;
                out.push(m);
            }
        }
        out
    }

    /// Context rules for forms that name several things: `None` vetoes the match, `Some`
    /// keeps or redirects it. The rules are listed in docs/actors.md.
    pub fn disambiguate(&self, text: &str, m: &GazMatch) -> Option<GazMatch> {
        let surface = &text[m.start..m.end];
        let before = word_before(text, m.start);
        let after = word_after(text, m.end);
        let ctx = window(text, m, 200);
        let prev_is_given_name =
            before.is_some_and(|w| is_titlecase(w) && !NOT_FIRST_NAMES.contains(&w));
        let redirect = |id: &str| {
            self.index_of(id)
                .map(|entry| GazMatch { entry, ..m.clone() })
        };
        match surface {
            "Georgia" | "GEORGIA" => {
                const US_CUES: &[&str] = &[
                    "Atlanta",
                    "Gov.",
                    "county",
                    "County",
                    "Ga.",
                    "Savannah",
                    "Augusta",
                    "Macon",
                    "Athens, Ga",
                    "Bulldogs",
                    "Yellow Jackets",
                    "Georgia Tech",
                    "University of Georgia",
                    "state of Georgia",
                    "Alabama",
                    "Florida",
                    "Carolina",
                    "Tennessee",
                ];
                let us = US_CUES.iter().any(|c| ctx.contains(c))
                    || after.is_some_and(|w| ["Tech", "State", "Power", "Pacific"].contains(&w));
                (!us).then(|| m.clone())
            }
            "Washington" | "WASHINGTON" => {
                const FOLLOWERS: &[&str] = &[
                    "Post",
                    "Times",
                    "Redskins",
                    "Wizards",
                    "Nationals",
                    "Capitals",
                    "Mutual",
                    "State",
                    "University",
                    "Heights",
                    "Monthly",
                    "Institute",
                    "Square",
                    "Irving",
                    "Wild",
                    "Mystics",
                    "Huskies",
                    "County",
                ];
                let not_gov = prev_is_given_name
                    || after.is_some_and(|w| FOLLOWERS.contains(&w))
                    || text[..m.start].ends_with("University of ")
                    || text[..m.start].ends_with("state of ");
                (!not_gov).then(|| m.clone())
            }
            "Jordan" | "Chad" => {
                // "Michael Jordan", "Jordan Henderson", "Chad Johnson": a given name is
                // followed by a capitalized surname that is not a title ("Jordan King Abdullah").
                let next_is_surname = after.is_some_and(|w| {
                    is_titlecase(w)
                        && self.title_at(w).is_none()
                        && self.find(w).is_empty()
                        && !NOT_FIRST_NAMES.contains(&w)
                        && !["River", "Valley", "Basin", "Lake"].contains(&w)
                });
                (!(prev_is_given_name || next_is_surname)).then(|| m.clone())
            }
            "Jersey" if before == Some("New") => None,
            "Congo" | "CONGO" if ctx.contains("Brazzaville") && !ctx.contains("Kinshasa") => {
                redirect("COG")
            }
            "Korea" | "KOREA"
                if ctx.contains("Pyongyang")
                    || ctx.contains("North Korea")
                    || ctx.contains("Kim Jong") =>
            {
                redirect("PRK")
            }
            _ => Some(m.clone()),
        }
    }

    /// The actor as of `date`: a state, or an actor of a state, that had a predecessor then is
    /// that predecessor's ("Moscow" on 1987-03-01 is the Soviet Union, SUN).
    pub fn as_of(&self, actor: &Actor, date: Option<&str>) -> Actor {
        let Some(d) = date else { return actor.clone() };
        let then = |code: &str| -> Option<String> {
            let p = self.by_id(code)?.predecessor.as_ref()?;
            (d < p.until.as_str()).then(|| p.id.clone())
        };
        let mut a = actor.clone();
        if a.kind == ActorKind::Country {
            if let Some(p) = then(&a.id) {
                if let Some(e) = self.by_id(&p) {
                    return e.actor.clone();
                }
            }
        }
        // "Zaire" in 1990, "European Community" in 1987: the name of the time.
        if let Some(e) = self.by_id(&a.id) {
            if let Some(p) = e
                .period_names
                .iter()
                .filter(|p| d < p.until.as_str())
                .min_by(|x, y| x.until.cmp(&y.until))
            {
                a.name = p.name.clone();
            }
        }
        if let Some(p) = a.country.as_deref().and_then(then) {
            a.country = Some(p);
        }
        a
    }

    /// The office a person held on `date` (YYYY-MM-DD), or their latest one when no date is given.
    /// Of several offices, the one of the person's own state comes first (Emmanuel Macron is
    /// President of France before he is co-prince of Andorra).
    pub fn person_in_office(&self, entry_index: usize, date: Option<&str>) -> Option<&Office> {
        let e = self.entries.get(entry_index)?;
        let home = |o: &&Office| e.actor.country.as_deref() == Some(o.of.as_str());
        match date {
            Some(d) => {
                let mut now = e.offices.iter().filter(|o| in_office(o, d));
                let first = now.next()?;
                Some(
                    std::iter::once(first)
                        .chain(now)
                        .find(home)
                        .unwrap_or(first),
                )
            }
            None => e
                .offices
                .iter()
                .rev()
                .find(home)
                .or_else(|| e.offices.last()),
        }
    }

    /// The longest title at the start of `text` (case-insensitive, whole words), with its byte length.
    pub fn title_at(&self, text: &str) -> Option<(usize, &Role)> {
        self.title_forms
            .longest_at(text)
            .map(|(len, i)| (len, &self.titles[i]))
    }

    /// The longest generic body noun at the start of `text`, with its byte length.
    pub fn body_at(&self, text: &str) -> Option<(usize, &BodyNoun)> {
        self.body_forms
            .longest_at(text)
            .map(|(len, i)| (len, &self.bodies[i]))
    }

    /// The longest group noun at the start of `text`, with its byte length.
    pub fn group_at(&self, text: &str) -> Option<(usize, &GroupNoun)> {
        self.group_forms
            .longest_at(text)
            .map(|(len, i)| (len, &self.groups[i]))
    }

    /// The entity for "<country's> <body>": the state itself when the body stands for it,
    /// a named body from bodies.toml when one has the id `<ISO3>-<key>`, else a made-up body.
    pub fn body_entity(&self, country: &str, body: &BodyNoun) -> Actor {
        let state = self.by_id(country).map(|e| e.actor.clone());
        if body.state {
            if let Some(a) = state {
                return a;
            }
        }
        let id = format!("{country}-{}", body.key);
        if let Some(e) = self.by_id(&id) {
            return e.actor.clone();
        }
        // "Chinese Foreign Ministry" reads better than "China Foreign Ministry".
        let country_name = match self.by_id(country) {
            Some(e) => e.adjectives.first().unwrap_or(&e.actor.name).clone(),
            None => country.to_string(),
        };
        Actor {
            id,
            name: format!("{country_name} {}", body.name),
            kind: ActorKind::Organization,
            country: Some(country.to_string()),
        }
    }

    /// The actor of an entry as of `date`: a person keeps their country only while in office
    /// (or when no date is given), since out of office they no longer speak for the state.
    pub fn actor_at(&self, entry_index: usize, date: Option<&str>) -> Actor {
        let e = &self.entries[entry_index];
        let mut a = e.actor.clone();
        if a.kind == ActorKind::Person && date.is_some() && !e.offices.is_empty() {
            let office = self.person_in_office(entry_index, date);
            a.country = office.and_then(|o| {
                if self
                    .by_id(&o.of)
                    .is_some_and(|x| x.actor.kind == ActorKind::Country)
                {
                    Some(o.of.clone())
                } else {
                    e.actor.country.clone()
                }
            });
        }
        a
    }

    /// Picks among the entries of one surface: a person in office on `date` first, else the
    /// last loaded (overrides win) of those the form names at any date. A surname that names
    /// its people only in office names nobody out of office; in an undated text it names
    /// the most recent holder.
    pub fn pick(&self, cands: &[Candidate], date: Option<&str>) -> Option<Candidate> {
        if let Some(d) = date {
            if let Some(c) = cands.iter().rev().find(|c| {
                self.entries[c.entry].actor.kind == ActorKind::Person
                    && self.person_in_office(c.entry, Some(d)).is_some()
            }) {
                return Some(*c);
            }
            return cands.iter().rev().find(|c| !c.dated).copied();
        }
        cands.iter().rev().find(|c| !c.dated).copied().or_else(|| {
            cands
                .iter()
                .filter(|c| c.dated)
                .max_by(|a, b| self.last_day(a.entry).cmp(self.last_day(b.entry)))
                .copied()
        })
    }

    /// The word of `text` next to a known person's surname (at `start..end`) that is a given
    /// name the person does not have, as a byte range: "Alexander" of "Alexander Ivanov" when
    /// the gazetteer knows Sergei Ivanov, "Hailin" of "Wen Hailin" when it knows Wen Jiabao,
    /// "Solomon" of "Jonathan Solomon" when it knows Goodluck Jonathan. The text then names
    /// someone else.
    pub fn given_name_conflict(
        &self,
        entry: usize,
        text: &str,
        start: usize,
        end: usize,
    ) -> Option<(usize, usize)> {
        self.neighbour_name(entry, text, start, end)
            .filter(|n| !n.fits)
            .map(|n| (n.start, n.end))
    }

    /// The capitalized name word right before or after a known person's name at
    /// `start..end` (after first for family names written first), and whether it is one of
    /// the person's own names ("Sassou" before "Nguesso"); `None` when no name word is there.
    pub fn neighbour_name(
        &self,
        entry: usize,
        text: &str,
        start: usize,
        end: usize,
    ) -> Option<NeighbourName> {
        let e = self.entries.get(entry)?;
        if e.actor.kind != ActorKind::Person {
            return None;
        }
        let own = name_words(&e.actor.name);
        let here = name_words(&text[start..end]);
        // A full name in the text ("Sergei Ivanov") has its given name inside.
        if here.len() > 1 && here.iter().all(|w| own.contains(w)) {
            return None;
        }
        let mut known: Vec<String> = own.clone();
        for n in e.names.iter().chain(&e.dated_names) {
            known.extend(name_words(n));
        }
        let before = || {
            let w = word_before(text, start)?;
            Some((w, start - 1 - w.len()))
        };
        // "Prince Charles", "Queen Sirikit": a royal or religious style goes with a given
        // name, so a surname after it is someone else's given name. (A monarch's own styled
        // forms, "King Abdullah", are whole names and never get here.)
        if let Some((w, s)) = before() {
            if ROYAL_STYLES.contains(&w) && here.len() == 1 {
                return Some(NeighbourName {
                    start: s,
                    end: s + w.len(),
                    fits: false,
                });
            }
        }
        let after = || {
            let w = word_after(text, end)?;
            Some((w, end + 1))
        };
        let family_first = own.len() > 1 && here.first() == own.first() && here.len() == 1;
        let order = if family_first {
            [after(), before()]
        } else {
            [before(), after()]
        };
        for (w, s) in order.into_iter().flatten() {
            let w = w.trim_end_matches('\'');
            let initial = w.len() == 2 && w.ends_with('.') && w.starts_with(char::is_uppercase);
            let given_like = (is_titlecase(w) || initial)
                && !NOT_FIRST_NAMES.contains(&w)
                && !NOT_GIVEN_NAMES.contains(&w)
                && self.title_at(w).is_none()
                && self.body_at(w).is_none()
                && self.group_at(w).is_none()
                && !self.surface_index.contains_key(w);
            if !given_like {
                continue;
            }
            let g = fold(w.trim_end_matches('.'));
            let fits = known.iter().any(|k| {
                *k == g
                    || g.len() == 1 && k.starts_with(&g)
                    || g.len() >= 3 && k.len() >= 3 && k.get(..3) == g.get(..3)
            });
            return Some(NeighbourName {
                start: s,
                end: s + w.len(),
                fits,
            });
        }
        None
    }

    /// The last day a person held an office ("9999" while in office).
    fn last_day(&self, entry: usize) -> &str {
        self.entries[entry]
            .offices
            .iter()
            .map(|o| o.to.as_deref().unwrap_or("9999"))
            .max()
            .unwrap_or("")
    }

    /// Resolves a whole mention ("the Chinese Foreign Ministry", "Kremlin spokesperson
    /// Dmitry Peskov", "an American destroyer") to the entity it stands for.
    pub fn resolve(&self, mention: &str, date: Option<&str>) -> Option<Actor> {
        let mention = mention.replace(['’', '‘'], "'");
        self.resolve_undated_states(&mention, date)
            .or_else(|| self.resolve_any_case(&mention, date))
            .map(|a| self.as_of(&a, date))
    }

    /// A mention typed in another case or without its diacritics ("cote d'ivoire", "the
    /// chinese foreign ministry", "ZAIRE").
    fn resolve_any_case(&self, mention: &str, date: Option<&str>) -> Option<Actor> {
        let (whole, m) = strip_mention(mention);
        if let Some(&i) = self
            .folded_index
            .get(&fold(whole))
            .or_else(|| self.folded_index.get(&fold(m)))
        {
            let c = self.pick(&self.surfaces[i].1, date)?;
            return Some(self.actor_at(c.entry, date));
        }
        let cased = smart_title_case(m);
        (cased != m)
            .then(|| self.resolve_undated_states(&cased, date))
            .flatten()
    }

    /// When a mention's form names several things: every reading (as of `date`) and the rule
    /// that chose the one [`Gazetteer::resolve`] returns. `None` when the form names one thing.
    pub fn ambiguity(&self, mention: &str, date: Option<&str>) -> Option<Ambiguity> {
        let mention = mention.replace(['’', '‘'], "'");
        let (whole, m) = strip_mention(&mention);
        let i = self
            .surface_index
            .get(whole)
            .or_else(|| self.surface_index.get(m))
            .or_else(|| self.folded_index.get(&fold(whole)))
            .or_else(|| self.folded_index.get(&fold(m)))?;
        let (surface, cands) = &self.surfaces[*i];
        let mut readings: Vec<Actor> = Vec::new();
        for c in cands.iter().rev() {
            let a = self.as_of(&self.actor_at(c.entry, date), date);
            if !readings.iter().any(|r| r.id == a.id) {
                readings.push(a);
            }
        }
        // The reading `resolve` chose comes first.
        if let Some(chosen) = self.resolve(&mention, date) {
            if let Some(k) = readings.iter().position(|r| r.id == chosen.id) {
                let r = readings.remove(k);
                readings.insert(0, r);
            }
        }
        let documented = CONTEXT_RULES.iter().find(|(f, _)| f == surface);
        let common_word = cands.iter().any(|c| self.entries[c.entry].ambiguous);
        if readings.len() < 2 && documented.is_none() && !common_word {
            return None;
        }
        let people = cands
            .iter()
            .filter(|c| self.entries[c.entry].actor.kind == ActorKind::Person)
            .count();
        let rule = if let Some((_, r)) = documented {
            r.to_string()
        } else if people >= 2 {
            match date {
                Some(d)
                    if self
                        .pick(cands, date)
                        .is_some_and(|c| self.person_in_office(c.entry, Some(d)).is_some()) =>
                {
                    format!("people who share a name: the one in office on {d}")
                }
                Some(d) => format!(
                    "people who share a name, none of them in office on {d}: the one named \
                     whatever the date (a surname alone names an office holder only in office)"
                ),
                None => "people who share a name, no date given: the most recent office holder"
                    .to_string(),
            }
        } else if common_word && readings.len() < 2 {
            "the name is also a common word: alone in a headline, it names the actor only \
             when the article does"
                .to_string()
        } else {
            "several entries share the form: the one loaded last (the hand-written overlay)"
                .to_string()
        };
        Some(Ambiguity { readings, rule })
    }

    /// [`Gazetteer::resolve`] before predecessor states are applied.
    fn resolve_undated_states(&self, mention: &str, date: Option<&str>) -> Option<Actor> {
        let (whole, m) = strip_mention(mention);
        if m.is_empty() {
            return None;
        }
        // "Saint John's" is a name; "China's" is a possessive: the stored form decides.
        let exact = self
            .surface_index
            .get(whole)
            .or_else(|| self.surface_index.get(m));
        if let Some(&i) = exact {
            let c = self.pick(&self.surfaces[i].1, date)?;
            return Some(self.actor_at(c.entry, date));
        }
        let matches = self.find_dated(m, date);
        // A named person in the mention is who it is about ("spokesperson Lin Jian").
        if let Some(p) = matches
            .iter()
            .rev()
            .find(|g| self.entries[g.entry].actor.kind == ActorKind::Person)
        {
            let cands = self.candidates(&m[p.start..p.end]);
            let e = self.pick(cands, date).map_or(p.entry, |c| c.entry);
            if self.given_name_conflict(e, m, p.start, p.end).is_some() {
                // "Alexander Ivanov" is not Sergei Ivanov: a new person.
                return None;
            }
            return Some(self.actor_at(e, date));
        }
        let first = matches.first()?;
        if first.start != 0 {
            return None;
        }
        let head = &self.entries[first.entry];
        let rest = strip_possessive_prefix(&m[first.end..]).trim_start();
        if rest.is_empty() {
            return Some(self.actor_at(first.entry, date));
        }
        let country = head.actor.country.clone().unwrap_or(head.actor.id.clone());
        if head.actor.kind == ActorKind::Country {
            if let Some((len, body)) = self.body_at(rest) {
                if rest[len..].trim().is_empty() {
                    return Some(self.body_entity(&country, body));
                }
            }
        }
        // "an American destroyer", "Chinese officials", "Moscow's envoy": a country form
        // with a common noun stands for the country; a named entity followed by more
        // proper names is something else ("Washington Post") and is left unresolved.
        let rest_is_common = rest
            .split_whitespace()
            .next()
            .is_some_and(|w| w.chars().next().is_some_and(|c| !c.is_uppercase()))
            || self.title_at(rest).is_some()
            || self.body_at(rest).is_some()
            || self.group_at(rest).is_some();
        rest_is_common.then(|| self.actor_at(first.entry, date))
    }

    /// Why a form names nobody on `date` although the gazetteer knows it: a surname of people
    /// who were all out of office then ("Karzai" in 1990). Lists them with their terms.
    pub fn out_of_office(&self, mention: &str, date: Option<&str>) -> Option<String> {
        let mention = mention.replace(['’', '‘'], "'");
        let (whole, m) = strip_mention(&mention);
        let i = self
            .surface_index
            .get(whole)
            .or_else(|| self.surface_index.get(m))?;
        let d = date?;
        let cands = &self.surfaces[*i].1;
        if cands.is_empty() || !cands.iter().all(|c| c.dated) {
            return None;
        }
        let people: Vec<String> = cands
            .iter()
            .map(|c| {
                let e = &self.entries[c.entry];
                let terms: Vec<String> = e
                    .offices
                    .iter()
                    .map(|o| {
                        format!(
                            "{} of {} {}..{}",
                            o.role,
                            o.of,
                            o.from.as_deref().unwrap_or(""),
                            o.to.as_deref().unwrap_or("")
                        )
                    })
                    .collect();
                format!("{} ({})", e.actor.name, terms.join(", "))
            })
            .collect();
        Some(format!(
            "a surname alone names an office holder only in office; none was on {d}: {}",
            people.join("; ")
        ))
    }

    /// For a text without a date, what a person mention was taken to mean: the most recent
    /// holder of the name, counted as in office ("no date: \"Bush\" read as George W. Bush,
    /// the most recent of 2 office holders of that name"). `None` for anything but a known
    /// office holder.
    pub fn undated_note(&self, surface: &str, actor: &Actor) -> Option<String> {
        if actor.kind != ActorKind::Person {
            return None;
        }
        let e = self.by_id(&actor.id)?;
        let last = e.offices.iter().max_by(|a, b| {
            a.to.as_deref()
                .unwrap_or("9999")
                .cmp(b.to.as_deref().unwrap_or("9999"))
        })?;
        let others = self
            .ambiguity(surface, None)
            .map_or(0, |a| a.readings.len().saturating_sub(1));
        let shared = if others > 0 {
            format!(", the most recent of {} people of that name", others + 1)
        } else {
            String::new()
        };
        Some(format!(
            "no date: \"{surface}\" read as {} ({} of {}, {}..{}){shared}; give the document a \
             date to pick the holder of its time",
            e.actor.name,
            last.role,
            last.of,
            last.from.as_deref().unwrap_or(""),
            last.to.as_deref().unwrap_or("")
        ))
    }

    /// The entity kinds in load order, for tests and statistics.
    pub fn kinds(&self) -> Vec<ActorKind> {
        self.entries.iter().map(|e| e.actor.kind).collect()
    }

    /// Every surface form the automaton searches for.
    pub fn surface_count(&self) -> usize {
        self.surfaces.len()
    }

    /// Heap bytes of the compiled automaton and its kind, for size reports.
    pub fn automaton_stats(&self) -> (usize, String) {
        (
            self.automaton.memory_usage(),
            format!("{:?}", self.automaton.kind()),
        )
    }
}

/// Forms with a context rule in [`Gazetteer::disambiguate`], and the rule, for `resolve`.
const CONTEXT_RULES: &[(&str, &str)] = &[
    ("Georgia", "Georgia: the country, unless US cues are near (Atlanta, Ga., county, Georgia Tech, neighbouring US states) or Tech/State/Power follows"),
    ("Washington", "Washington: the US government, unless a given name comes before (George Washington) or Post/Times/University/State... follows"),
    ("Jordan", "Jordan: the country, unless it is a given name or a surname (Michael Jordan, Jordan Henderson)"),
    ("Chad", "Chad: the country, unless it is a given name or a surname (Chad Johnson)"),
    ("Congo", "Congo: the Democratic Republic of the Congo, unless Brazzaville (and not Kinshasa) is within 200 bytes"),
    ("Korea", "Korea: South Korea, unless Pyongyang, North Korea or Kim Jong is within 200 bytes"),
    ("Jersey", "Jersey: the island, not after New (New Jersey is no actor)"),
];

/// A name word next to a known person's name in a text (see [`Gazetteer::neighbour_name`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NeighbourName {
    /// Byte offsets of the word.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The word is one of the person's own names ("Sassou" for Denis Sassou Nguesso).
    pub fits: bool,
}

/// The readings of an ambiguous mention and the rule that chose among them.
#[derive(Debug, Clone, PartialEq)]
pub struct Ambiguity {
    /// Every entity the form names, the chosen one first.
    pub readings: Vec<Actor>,
    /// Why the first reading was chosen.
    pub rule: String,
}

/// "the chinese foreign ministry" -> "the Chinese Foreign Ministry", "ZAIRE" -> "Zaire": words
/// capitalized as names are, small words left lowercase.
fn smart_title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            if matches!(w, "of" | "the" | "and" | "for" | "on" | "in" | "d'" | "de") {
                return w.to_string();
            }
            let lower = w.to_lowercase();
            let mut c = lower.chars();
            c.next().map_or(String::new(), |f| {
                f.to_uppercase().collect::<String>() + c.as_str()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Drops a leading article and then a trailing possessive, which the gazetteer does not store;
/// returns the mention without the article, and without both.
fn strip_mention(mention: &str) -> (&str, &str) {
    let mut m = mention.trim().trim_matches(|c: char| c == '"' || c == ',');
    for a in ["the ", "The ", "THE ", "an ", "An ", "a ", "A "] {
        if let Some(rest) = m.strip_prefix(a) {
            m = rest.trim_start();
            break;
        }
    }
    let whole = m;
    for p in ["'s", "’s", "'", "’"] {
        if let Some(rest) = m.strip_suffix(p) {
            m = rest;
            break;
        }
    }
    (whole, m)
}

fn strip_possessive_prefix(s: &str) -> &str {
    for p in ["'s", "’s", "'", "’"] {
        if let Some(rest) = s.strip_prefix(p) {
            return rest;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_data_loads() {
        let g = Gazetteer::builtin();
        assert!(g.len() > 249);
        assert!(g.kinds().contains(&ActorKind::Person));
    }

    #[test]
    fn one_automaton_pass_whatever_the_number_of_names() {
        // find() runs the single automaton once over the text; the number of surface forms
        // only changes the automaton, not the work per byte. A text with no names costs one scan.
        let g = Gazetteer::builtin();
        assert!(g.surface_count() > 1000);
        assert_eq!(g.automaton.patterns_len(), g.surface_count());
        let text = "lorem ipsum ".repeat(10_000);
        assert!(g.find(&text).is_empty());
    }

    #[test]
    fn phrase_table_takes_longest_whole_words() {
        let g = Gazetteer::builtin();
        let (len, r) = g.title_at("Foreign Minister Wang Yi said").unwrap();
        assert_eq!((len, r.role.as_str()), (16, "foreign minister"));
        assert!(g.title_at("Presidential").is_none());
    }
}
