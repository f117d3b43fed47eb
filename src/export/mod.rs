//! Export: the graph as DOT, JSON, CSV, or rendered SVG/PNG.

pub mod csv;
pub mod dot;
pub mod json;
pub mod render;

use crate::model::{Family, Relation};

/// Which statements an export shows and how.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// Collapse each actor to its country node, summing counts.
    pub by_country: bool,
    /// Relations to keep (union with `families`; both empty keeps all).
    pub relations: Vec<Relation>,
    /// Families to keep.
    pub families: Vec<Family>,
    /// Minimum evidence count of an edge.
    pub min_count: usize,
    /// Put evidence sentences in edge tooltips.
    pub evidence: bool,
}

impl ExportOptions {
    /// Whether the options drop anything, in which case affiliations and isolated nodes are left out.
    pub fn is_filtered(&self) -> bool {
        self.by_country
            || !self.relations.is_empty()
            || !self.families.is_empty()
            || self.min_count > 1
    }

    /// The statement rows the options select.
    pub fn rows(&self, graph: &crate::graph::DipGraph) -> Vec<crate::query::Row> {
        let q = crate::query::Query {
            relations: self.relations.clone(),
            families: self.families.clone(),
            min_count: self.min_count,
            by_country: self.by_country,
            ..Default::default()
        };
        let mut rows = crate::query::run(graph, &q, &|_| None);
        // Exports list edges in file order, not by count.
        rows.sort_by(|a, b| {
            (&a.source, &a.target, a.relation).cmp(&(&b.source, &b.target, b.relation))
        });
        rows
    }
}
