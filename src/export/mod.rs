//! Export: the graph in the formats of the tools analysts use (Graphviz, Gephi, networkx,
//! igraph, Neo4j, Cytoscape, D3, browsers). Every format writes a [`View`] of the graph,
//! so the filters of `query` apply to all of them; every statement keeps its evidence.

pub mod csv;
pub mod cypher;
pub mod cytoscape;
pub mod dot;
pub mod gephi;
pub mod gexf;
pub mod graphml;
pub mod html;
pub mod json;
pub mod layout;
pub mod render;
pub mod view;
pub mod xml;

pub use view::{View, ViewOptions};

/// Graphviz layout engines a diagram can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Layered, left to right (the default).
    Dot,
    /// Spring model.
    Neato,
    /// Circular.
    Circo,
    /// Multiscale spring model for large graphs.
    Sfdp,
}

impl Layout {
    /// The Graphviz program name.
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Dot => "dot",
            Layout::Neato => "neato",
            Layout::Circo => "circo",
            Layout::Sfdp => "sfdp",
        }
    }
}

/// How a diagram is drawn.
#[derive(Debug, Clone, Default)]
pub struct DiagramOptions {
    /// Graphviz layout engine (dot when absent).
    pub layout: Option<Layout>,
    /// Every evidence sentence in edge tooltips, not only the first five.
    pub evidence: bool,
    /// Title instead of the view's own.
    pub title: Option<String>,
}

/// The DOT diagram `build` writes beside the graph: the statement actors of a small graph,
/// the top actors by degree of a large one, with a title that says so.
pub fn build_diagram(graph: &crate::graph::DipGraph) -> String {
    let view = View::diagram(graph, &ViewOptions::default());
    dot::to_dot(&view, &DiagramOptions::default())
}

/// Generator string written into exports that have a place for one.
pub fn generator() -> String {
    format!("dipgraph {}", env!("CARGO_PKG_VERSION"))
}
