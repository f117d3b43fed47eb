//! What several commands share: loading the actor and relation dictionaries.

use crate::Global;
use anyhow::Context;
use dipgraph::actors::Gazetteer;
use dipgraph::extract::Lexicon;

/// The gazetteer: built in, or built in plus the user's `--actors` files.
pub enum Actors {
    /// Only the embedded data.
    Builtin(&'static Gazetteer),
    /// Embedded data plus user files.
    Loaded(Box<Gazetteer>),
}

impl Actors {
    /// The gazetteer to use.
    pub fn get(&self) -> &Gazetteer {
        match self {
            Actors::Builtin(g) => g,
            Actors::Loaded(g) => g,
        }
    }
}

/// Loads the gazetteer named by the global options.
pub fn actors(global: &Global) -> anyhow::Result<Actors> {
    if global.actors.is_empty() {
        return Ok(Actors::Builtin(Gazetteer::builtin()));
    }
    let g = Gazetteer::load(&global.actors).map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(Actors::Loaded(Box::new(g)))
}

/// The relation lexicon, with the user's `--lexicon` files.
pub enum Lex {
    /// Only the embedded lexicon.
    Builtin(&'static Lexicon),
    /// Embedded plus user files.
    Loaded(Box<Lexicon>),
}

impl Lex {
    /// The lexicon to use.
    pub fn get(&self) -> &Lexicon {
        match self {
            Lex::Builtin(l) => l,
            Lex::Loaded(l) => l,
        }
    }
}

/// Loads the lexicon named by the global options.
pub fn lexicon(global: &Global) -> anyhow::Result<Lex> {
    if global.lexicon.is_empty() {
        return Ok(Lex::Builtin(Lexicon::builtin()));
    }
    let l = Lexicon::load(&global.lexicon).context("cannot load the relation lexicon")?;
    Ok(Lex::Loaded(Box::new(l)))
}
