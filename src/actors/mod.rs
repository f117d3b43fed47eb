//! Stage 3: actors. A gazetteer of states, bodies, organizations and office holders,
//! compiled once into one automaton, the resolution of mentions to entities, and the
//! contextual recognition of actor spans in sentences.

pub mod gazetteer;
pub mod mentions;

pub use gazetteer::{
    fold, spellings, Ambiguity, BodyNoun, Candidate, Entry, Form, GazMatch, Gazetteer,
    GazetteerError, GroupNoun, NeighbourName, Office, PeriodName, Role,
};
