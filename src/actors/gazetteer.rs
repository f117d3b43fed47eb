//! The actor gazetteer: data files under `data/actors/`, embedded at compile time,
//! extended by user files, compiled into one Aho-Corasick automaton.

use crate::model::{Actor, ActorKind};
use std::path::PathBuf;

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
#[derive(Debug, Clone, PartialEq)]
pub struct Office {
    /// Title, lowercase ("president", "foreign minister").
    pub role: String,
    /// ISO alpha-3 of the state, or the organization id, the office belongs to.
    pub of: String,
    /// First day in office, YYYY-MM-DD.
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

/// The compiled gazetteer.
pub struct Gazetteer {
    entries: Vec<Entry>,
}

impl Gazetteer {
    /// The entry at `index`.
    pub fn entry(&self, index: usize) -> &Entry {
        &self.entries[index]
    }
    #[allow(dead_code)]
    fn kinds(&self) -> Vec<ActorKind> {
        self.entries.iter().map(|e| e.actor.kind).collect()
    }
}
