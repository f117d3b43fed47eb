//! JSON export: the graph file format itself.

use crate::graph::DipGraph;

/// The graph as node-link JSON, identical to the saved graph file.
pub fn to_json(graph: &DipGraph) -> String {
    graph.to_json()
}
