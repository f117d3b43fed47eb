//! Stage 3: actors. A gazetteer of states, bodies, organizations and office holders,
//! compiled once into one automaton, and the resolution of mentions to entities.

pub mod gazetteer;

pub use gazetteer::{
    BodyNoun, Entry, Form, GazMatch, Gazetteer, GazetteerError, GroupNoun, Office, Role,
};
