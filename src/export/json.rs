//! Node-link JSON of a view, as networkx (`node_link_graph(data, edges="edges")`) and D3 read it.

use super::view::View;
use crate::graph::{Evidence, Monadic};
use serde::Serialize;

#[derive(Serialize)]
struct NodeLink<'a> {
    directed: bool,
    multigraph: bool,
    graph: GraphAttrs<'a>,
    nodes: Vec<JsonNode<'a>>,
    edges: Vec<JsonEdge<'a>>,
}

#[derive(Serialize)]
struct GraphAttrs<'a> {
    generator: String,
    title: String,
    documents: Vec<JsonDoc<'a>>,
}

/// A document the view's evidence cites.
#[derive(Serialize)]
pub(crate) struct JsonDoc<'a> {
    pub(crate) id: &'a str,
    pub(crate) date: Option<&'a str>,
    pub(crate) title: Option<&'a str>,
    pub(crate) source: Option<&'a str>,
    pub(crate) url: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonNode<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    country: Option<&'a str>,
    aliases: &'a [String],
    mentions: usize,
    degree: usize,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    statements: &'a [Monadic],
}

#[derive(Serialize)]
struct JsonEdge<'a> {
    source: &'a str,
    target: &'a str,
    key: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    relation: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    family: Option<&'a str>,
    count: usize,
    documents: &'a [String],
    first_date: Option<&'a str>,
    last_date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cameo: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plover: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    weight: Option<f32>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    evidence: &'a [Evidence],
}

/// The documents cited by the view's evidence, sorted by id.
pub(crate) fn cited_documents<'a>(view: &View<'a>) -> Vec<JsonDoc<'a>> {
    let mut ids = std::collections::BTreeSet::new();
    for e in &view.edges {
        ids.extend(e.row.documents.iter().map(String::as_str));
    }
    for n in &view.nodes {
        for m in &n.statements {
            ids.extend(m.evidence.iter().map(|e| e.doc.as_str()));
        }
    }
    view.graph
        .documents()
        .filter(|d| ids.contains(d.id.as_str()))
        .map(|d| JsonDoc {
            id: &d.id,
            date: d.date.as_deref(),
            title: d.title.as_deref(),
            source: d.source.as_deref(),
            url: d.url.as_deref(),
        })
        .collect()
}

/// The view as pretty node-link JSON ending with a newline.
pub fn to_json(view: &View) -> anyhow::Result<String> {
    let nodes = view
        .nodes
        .iter()
        .map(|n| JsonNode {
            id: &n.id,
            name: &n.name,
            kind: n.kind.as_str(),
            country: n.country.as_deref(),
            aliases: &n.aliases,
            mentions: n.mentions,
            degree: n.degree,
            statements: &n.statements,
        })
        .collect();
    let mut edges: Vec<JsonEdge> = view
        .edges
        .iter()
        .map(|e| JsonEdge {
            source: &e.row.source,
            target: &e.row.target,
            key: e.row.relation.as_str(),
            relation: Some(e.row.relation.as_str()),
            family: Some(e.row.relation.family().as_str()),
            count: e.row.count,
            documents: &e.row.documents,
            first_date: e.row.first_date.as_deref(),
            last_date: e.row.last_date.as_deref(),
            cameo: Some(&e.cameo),
            plover: Some(&e.plover),
            weight: Some(e.weight),
            evidence: &e.row.evidence,
        })
        .collect();
    edges.extend(view.affiliations.iter().map(|a| JsonEdge {
        source: &a.source,
        target: &a.target,
        key: crate::graph::AFFILIATION,
        relation: None,
        family: None,
        count: a.documents.len(),
        documents: &a.documents,
        first_date: None,
        last_date: None,
        cameo: None,
        plover: None,
        weight: None,
        evidence: &[],
    }));
    edges.sort_by(|a, b| (a.source, a.target, a.key).cmp(&(b.source, b.target, b.key)));
    let doc = NodeLink {
        directed: true,
        multigraph: true,
        graph: GraphAttrs {
            generator: super::generator(),
            title: view.title(),
            documents: cited_documents(view),
        },
        nodes,
        edges,
    };
    let mut s = serde_json::to_string_pretty(&doc)?;
    s.push('\n');
    Ok(s)
}
