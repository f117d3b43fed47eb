//! DOT export built with graphviz-rust: shapes by actor kind, colours by relation family, a legend.

use super::ExportOptions;
use crate::graph::{DipGraph, Entity};
use crate::model::{ActorKind, Family};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use std::collections::BTreeMap;

/// Colour of a relation family's edges.
pub fn family_color(f: Family) -> &'static str {
    match f {
        Family::Accuse => "red",
        Family::Rebut => "orange",
        Family::Disapprove => "purple",
        Family::Threaten => "darkred",
        Family::Demand => "blue",
        Family::Approve => "green",
    }
}

/// Node shape of an actor kind.
pub fn kind_shape(k: ActorKind) -> &'static str {
    match k {
        ActorKind::Country => "box",
        ActorKind::Organization => "ellipse",
        ActorKind::Person => "plaintext",
        ActorKind::Group => "octagon",
    }
}

/// A quoted DOT string with quotes, backslashes and newlines escaped.
pub fn quote(s: &str) -> Id {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

fn attr(k: &str, v: &str) -> Attribute {
    Attribute(Id::Plain(k.to_string()), quote(v))
}

fn node(id: &str, attrs: Vec<Attribute>) -> Stmt {
    Stmt::Node(Node::new(NodeId(quote(id), None), attrs))
}

fn edge(s: &str, t: &str, attrs: Vec<Attribute>) -> Stmt {
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(
            Vertex::N(NodeId(quote(s), None)),
            Vertex::N(NodeId(quote(t), None)),
        ),
        attributes: attrs,
    })
}

/// Tooltip text: the first evidence sentences with their documents.
fn tooltip(ev: &[crate::graph::Evidence]) -> String {
    const SHOWN: usize = 3;
    let mut parts: Vec<String> = ev
        .iter()
        .take(SHOWN)
        .map(|e| format!("[{}] {}", e.doc, e.text))
        .collect();
    if ev.len() > SHOWN {
        parts.push(format!("(+{} more)", ev.len() - SHOWN));
    }
    parts.join(" | ")
}

/// The graph as a DOT digraph.
pub fn to_dot(graph: &DipGraph, opts: &ExportOptions) -> String {
    let rows = opts.rows(graph);
    // Which nodes to draw, with what name and kind.
    let mut shown: BTreeMap<String, (String, ActorKind)> = BTreeMap::new();
    let describe = |id: &str| -> (String, ActorKind) {
        match graph.node(id) {
            Some(e) => (e.name.clone(), e.kind),
            // A country code with no node of its own (by-country roll-up).
            None => (id.to_string(), ActorKind::Country),
        }
    };
    for r in &rows {
        for id in [&r.source, &r.target] {
            shown.entry(id.clone()).or_insert_with(|| describe(id));
        }
    }
    let affiliations: Vec<_> = if opts.is_filtered() {
        graph
            .edges()
            .filter(|e| e.is_affiliation())
            .filter(|e| shown.contains_key(&e.source) && shown.contains_key(&e.target))
            .filter(|_| !opts.by_country)
            .collect()
    } else {
        for e in graph.nodes() {
            shown
                .entry(e.id.clone())
                .or_insert_with(|| (e.name.clone(), e.kind));
        }
        graph.edges().filter(|e| e.is_affiliation()).collect()
    };

    let mut stmts: Vec<Stmt> = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("rankdir", "LR"),
            attr("fontname", "Helvetica"),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![attr("fontname", "Helvetica")])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![attr("fontname", "Helvetica")])),
    ];
    let kinds = [
        (ActorKind::Country, "Countries"),
        (ActorKind::Organization, "Organizations"),
        (ActorKind::Person, "People"),
        (ActorKind::Group, "Groups"),
    ];
    for (kind, title) in kinds {
        let members: Vec<Stmt> = shown
            .iter()
            .filter(|(_, (_, k))| *k == kind)
            .map(|(id, (name, k))| {
                let tip = graph
                    .node(id)
                    .map(entity_tooltip)
                    .unwrap_or_else(|| name.clone());
                node(
                    id,
                    vec![
                        attr("label", name),
                        attr("shape", kind_shape(*k)),
                        attr("tooltip", &tip),
                    ],
                )
            })
            .collect();
        if members.is_empty() {
            continue;
        }
        let mut sub = vec![
            Stmt::Attribute(attr("label", title)),
            Stmt::Attribute(attr("style", "dotted")),
        ];
        sub.extend(members);
        stmts.push(Stmt::Subgraph(Subgraph {
            id: Id::Plain(format!("cluster_{}", kind.as_str())),
            stmts: sub,
        }));
    }
    for r in &rows {
        let fam = r.relation.family();
        let mut a = vec![
            attr("label", &format!("{} ×{}", r.relation, r.count)),
            attr("color", family_color(fam)),
            attr("fontcolor", family_color(fam)),
            attr("penwidth", &format!("{:.1}", 1.0 + (r.count as f64).ln())),
        ];
        if opts.evidence {
            a.push(attr("tooltip", &tooltip(&r.evidence)));
        }
        stmts.push(edge(&r.source, &r.target, a));
    }
    for e in affiliations {
        stmts.push(edge(
            &e.source,
            &e.target,
            vec![
                attr("style", "dashed"),
                attr("color", "grey"),
                attr("arrowhead", "empty"),
                attr("tooltip", "affiliation"),
            ],
        ));
    }
    stmts.push(Stmt::Subgraph(legend()));
    let g = Graph::DiGraph {
        id: Id::Plain("dipgraph".into()),
        strict: false,
        stmts,
    };
    let mut text = g.print(&mut PrinterContext::default());
    text.push('\n');
    text
}

fn entity_tooltip(e: &Entity) -> String {
    match &e.country {
        Some(c) => format!("{} ({}, {}) mentions: {}", e.name, e.kind, c, e.mentions),
        None => format!("{} ({}) mentions: {}", e.name, e.kind, e.mentions),
    }
}

/// A cluster with one coloured edge per family and a dashed affiliation edge.
fn legend() -> Subgraph {
    let mut stmts = vec![
        Stmt::Attribute(attr("label", "Legend")),
        Stmt::Attribute(attr("style", "solid")),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("shape", "point"),
            attr("width", "0.05"),
        ])),
    ];
    let mut items: Vec<(String, &str, &str)> = Family::ALL
        .iter()
        .map(|f| (f.as_str().to_string(), family_color(*f), "solid"))
        .collect();
    items.push(("affiliation".into(), "grey", "dashed"));
    for (name, color, style) in items {
        let a = format!("legend_{name}_a");
        let b = format!("legend_{name}_b");
        stmts.push(node(&a, vec![]));
        stmts.push(node(&b, vec![]));
        stmts.push(edge(
            &a,
            &b,
            vec![
                attr("label", &name),
                attr("color", color),
                attr("fontcolor", color),
                attr("style", style),
            ],
        ));
    }
    Subgraph {
        id: Id::Plain("cluster_legend".into()),
        stmts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_escaped() {
        let Id::Escaped(s) = quote(r#"He said "no" \ ok"#) else {
            panic!("escaped id expected")
        };
        assert_eq!(s, r#""He said \"no\" \\ ok""#);
    }
}
