//! dipgraph: turns news articles into a knowledge graph of diplomatic statements.
//!
//! The pipeline runs in stages, one module each:
//! [`ingest`] (documents from files) -> [`text`] (sentences, tokens) ->
//! [`actors`] (who is mentioned) -> [`extract`] (statements) ->
//! [`graph`] (merged, traceable graph) -> [`query`] / [`export`].

pub mod actors;
pub mod crossval;
pub mod eval;
pub mod export;
pub mod extract;
pub mod graph;
pub mod ingest;
pub mod model;
pub mod query;
pub mod text;
pub mod util;

pub use model::{Actor, ActorKind, Coding, Family, Relation, Statement};
