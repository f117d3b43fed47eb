//! DOT export built with graphviz-rust: shapes by actor kind, colours by relation family,
//! edge width by count, and a title with a legend of only what is drawn.

use super::view::{View, ViewEdge, ViewNode};
use super::DiagramOptions;
use crate::graph::Evidence;
use crate::model::{ActorKind, Family};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use quick_xml::escape::escape;

/// Colour of a relation family's edges.
pub fn family_color(f: Family) -> &'static str {
    match f {
        Family::Accuse => "#d62728",
        Family::Rebut => "#ff7f0e",
        Family::Disapprove => "#9467bd",
        Family::Threaten => "#8c1515",
        Family::Demand => "#1f77b4",
        Family::Approve => "#2ca02c",
    }
}

/// Node shape of an actor kind.
pub fn kind_shape(k: ActorKind) -> &'static str {
    match k {
        ActorKind::Country => "box",
        ActorKind::Organization => "ellipse",
        ActorKind::Person => "note",
        ActorKind::Group => "octagon",
    }
}

/// Fill colour of an actor kind.
pub fn kind_fill(k: ActorKind) -> &'static str {
    match k {
        ActorKind::Country => "#eef3fb",
        ActorKind::Organization => "#f3f3f3",
        ActorKind::Person => "#fffbe6",
        ActorKind::Group => "#fdeeee",
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

/// DOT id attribute of an actor's node, which Graphviz copies into the SVG.
pub fn node_dom_id(id: &str) -> String {
    format!("actor:{id}")
}

/// DOT id attribute of a statement edge, which Graphviz copies into the SVG.
pub fn edge_dom_id(e: &ViewEdge) -> String {
    format!("edge:{}|{}|{}", e.row.source, e.row.relation, e.row.target)
}

/// Edge pen width: 1 for a single statement, growing with the logarithm of the count up to
/// 6, on the same scale in every diagram so widths compare across diagrams.
pub fn pen_width(count: usize) -> f64 {
    (1.0 + 1.5 * (count.max(1) as f64).ln()).min(6.0)
}

/// Tooltip text: evidence sentences with their documents (the first five unless `all`).
pub fn evidence_tooltip(ev: &[Evidence], all: bool) -> String {
    const SHOWN: usize = 5;
    let n = if all { ev.len() } else { SHOWN.min(ev.len()) };
    let mut parts: Vec<String> = ev[..n]
        .iter()
        .map(|e| {
            let date = e.date.as_deref().unwrap_or("undated");
            format!("[{} #{} {date}] {}", e.doc, e.sentence, e.text)
        })
        .collect();
    if ev.len() > n {
        parts.push(format!("(+{} more)", ev.len() - n));
    }
    parts.join("\n")
}

/// A DOT label of several lines: each line quoted, joined by DOT's `\n` escape.
pub fn quote_lines(lines: &[&str]) -> Id {
    let parts: Vec<String> = lines
        .iter()
        .map(|l| match quote(l) {
            Id::Escaped(q) => q[1..q.len() - 1].to_string(),
            _ => String::new(),
        })
        .collect();
    Id::Escaped(format!("\"{}\"", parts.join("\\n")))
}

/// "inside: criticizes 3, urges 1" for each actor with statements to itself (a country
/// roll-up of a senator against the president): written under the name, where no arrow
/// can cover it, while the loop itself stays unlabelled.
fn loop_labels<'a>(view: &'a View) -> std::collections::BTreeMap<&'a str, String> {
    pairs(view)
        .into_iter()
        .filter(|p| p.source == p.target)
        .map(|p| (p.source, format!("inside: {}", p.label())))
        .collect()
}

fn node_stmt(n: &ViewNode, inside: Option<&String>) -> Stmt {
    let tip = match &n.country {
        Some(c) if c != &n.id => format!("{} ({}, {c}): {} statements", n.name, n.kind, n.degree),
        _ => format!("{} ({}): {} statements", n.name, n.kind, n.degree),
    };
    let attrs = vec![
        attr("id", &node_dom_id(&n.id)),
        Attribute(
            Id::Plain("label".into()),
            match inside {
                Some(l) => quote_lines(&[&n.name, l]),
                None => quote(&n.name),
            },
        ),
        attr("shape", kind_shape(n.kind)),
        attr("style", "filled"),
        attr("fillcolor", kind_fill(n.kind)),
        attr("tooltip", &tip),
    ];
    Stmt::Node(Node::new(NodeId(quote(&n.id), None), attrs))
}

fn edge_stmt(s: &str, t: &str, attrs: Vec<Attribute>) -> Stmt {
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(
            Vertex::N(NodeId(quote(s), None)),
            Vertex::N(NodeId(quote(t), None)),
        ),
        attributes: attrs,
    })
}

fn statement_edge(e: &ViewEdge, opts: &DiagramOptions) -> Stmt {
    let color = family_color(e.relation().family());
    let r = &e.row;
    let mut a = vec![
        attr("id", &edge_dom_id(e)),
        attr("label", &format!("{} ×{}", r.relation, r.count)),
        attr("color", color),
        attr("fontcolor", color),
        attr("penwidth", &format!("{:.1}", pen_width(r.count))),
        attr("tooltip", &evidence_tooltip(&r.evidence, opts.evidence)),
    ];
    if r.source == r.target {
        // A loop on the node's right side; its relations are written under the name.
        a[1] = attr("label", "");
        a.push(attr("headport", "e"));
        a.push(attr("tailport", "ne"));
    }
    edge_stmt(&r.source, &r.target, a)
}

/// Above this many statement edges a diagram draws one arrow per pair of actors (all
/// relations summed, coloured by the most frequent family), or it is a tangle.
pub const MERGE_PAIRS_ABOVE: usize = 60;

/// A pair of actors with every statement edge between them in one direction.
pub struct Pair<'a> {
    /// Source id.
    pub source: &'a str,
    /// Target id.
    pub target: &'a str,
    /// The edges, most statements first.
    pub edges: Vec<&'a ViewEdge>,
}

impl Pair<'_> {
    /// Statements over all relations.
    pub fn count(&self) -> usize {
        self.edges.iter().map(|e| e.row.count).sum()
    }

    /// The family with the most statements (ties: canonical order).
    pub fn family(&self) -> Family {
        let mut best = (Family::ALL[0], 0);
        for f in Family::ALL {
            let n: usize = self
                .edges
                .iter()
                .filter(|e| e.relation().family() == f)
                .map(|e| e.row.count)
                .sum();
            if n > best.1 {
                best = (f, n);
            }
        }
        best.0
    }

    /// "accuses 14, warns 3, +2 more".
    pub fn label(&self) -> String {
        const SHOWN: usize = 2;
        let mut parts: Vec<String> = self
            .edges
            .iter()
            .take(SHOWN)
            .map(|e| format!("{} {}", e.row.relation, e.row.count))
            .collect();
        if self.edges.len() > SHOWN {
            parts.push(format!("+{} more", self.edges.len() - SHOWN));
        }
        parts.join(", ")
    }
}

/// Statement edges grouped by (source, target), in view order.
pub fn pairs<'a>(view: &'a View) -> Vec<Pair<'a>> {
    let mut out: Vec<Pair> = Vec::new();
    for e in &view.edges {
        match out.last_mut() {
            Some(p) if p.source == e.row.source && p.target == e.row.target => p.edges.push(e),
            _ => out.push(Pair {
                source: &e.row.source,
                target: &e.row.target,
                edges: vec![e],
            }),
        }
    }
    for p in &mut out {
        p.edges.sort_by(|a, b| {
            b.row
                .count
                .cmp(&a.row.count)
                .then(a.relation().cmp(&b.relation()))
        });
    }
    out
}

/// Most pairs a merged diagram draws: the strongest ones, so dense graphs stay legible
/// and Graphviz stays fast.
pub const MAX_PAIRS: usize = 80;

/// The pairs a merged diagram draws (the strongest [`MAX_PAIRS`], in view order) and how many there were.
pub fn drawn_pairs<'a>(view: &'a View) -> (Vec<Pair<'a>>, usize) {
    let all = pairs(view);
    let total = all.len();
    if total <= MAX_PAIRS {
        return (all, total);
    }
    let mut ranked: Vec<(usize, usize)> = all
        .iter()
        .enumerate()
        .map(|(i, p)| (p.count(), i))
        .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let keep: std::collections::BTreeSet<usize> =
        ranked.iter().take(MAX_PAIRS).map(|r| r.1).collect();
    let kept = all
        .into_iter()
        .enumerate()
        .filter(|(i, _)| keep.contains(i))
        .map(|p| p.1)
        .collect();
    (kept, total)
}

/// DOT id attribute of a merged pair edge.
pub fn pair_dom_id(source: &str, target: &str) -> String {
    format!("pair:{source}|{target}")
}

fn pair_edge(p: &Pair) -> Stmt {
    let color = family_color(p.family());
    let tip: Vec<String> = p
        .edges
        .iter()
        .map(|e| format!("{} ×{}", e.row.relation, e.row.count))
        .collect();
    let mut a = vec![
        attr("id", &pair_dom_id(p.source, p.target)),
        attr("label", &p.label()),
        attr("color", color),
        attr("fontcolor", color),
        attr("penwidth", &format!("{:.1}", pen_width(p.count()))),
        attr("tooltip", &tip.join("; ")),
    ];
    if p.source == p.target {
        a[1] = attr("label", "");
        a.push(attr("headport", "e"));
        a.push(attr("tailport", "ne"));
    }
    edge_stmt(p.source, p.target, a)
}

/// Whether a diagram of the view merges each pair's relations into one arrow.
pub fn merges_pairs(view: &View) -> bool {
    view.edges.len() > MERGE_PAIRS_ABOVE
}

/// The title and legend as a Graphviz HTML-like label: only families and kinds drawn.
fn legend_label(view: &View, title: &str) -> Id {
    let mut cells = String::new();
    for f in view.families() {
        cells.push_str(&format!(
            r#"<td><font color="{}">&#9644; {}</font></td>"#,
            family_color(f),
            escape(f.as_str())
        ));
    }
    if !view.affiliations.is_empty() {
        cells.push_str(r#"<td><font color="grey">- - affiliation</font></td>"#);
    }
    let kinds: Vec<ActorKind> = [
        ActorKind::Country,
        ActorKind::Organization,
        ActorKind::Person,
        ActorKind::Group,
    ]
    .into_iter()
    .filter(|k| view.nodes.iter().any(|n| n.kind == *k))
    .collect();
    for k in kinds {
        cells.push_str(&format!(
            "<td>{}: {}</td>",
            escape(k.as_str()),
            escape(kind_shape(k))
        ));
    }
    let note = if merges_pairs(view) {
        let (drawn, total) = drawn_pairs(view);
        let shown = if drawn.len() < total {
            format!("the {} strongest of {total} pairs, ", drawn.len())
        } else {
            String::new()
        };
        format!(
            "{shown}one arrow per pair, coloured by its main family; width: number of statements"
        )
    } else {
        "edge width: number of statements".to_string()
    };
    Id::Html(format!(
        r#"<<table border="0" cellspacing="6"><tr><td colspan="20"><b>{}</b></td></tr><tr>{cells}<td>{}</td></tr></table>>"#,
        escape(title),
        escape(&note)
    ))
}

/// The view as a DOT digraph.
pub fn to_dot(view: &View, opts: &DiagramOptions) -> String {
    let title = opts.title.clone().unwrap_or_else(|| view.title());
    let mut graph_attrs = vec![
        Attribute(Id::Plain("label".into()), legend_label(view, &title)),
        attr("labelloc", "t"),
        attr("fontname", "Helvetica"),
        attr("outputorder", "edgesfirst"),
    ];
    match opts.layout {
        None | Some(super::Layout::Dot) => graph_attrs.push(attr("rankdir", "LR")),
        Some(l) => {
            graph_attrs.push(attr("layout", l.as_str()));
            graph_attrs.push(attr("overlap", "false"));
            graph_attrs.push(attr("splines", "true"));
        }
    }
    let mut stmts: Vec<Stmt> = vec![
        Stmt::GAttribute(GraphAttributes::Graph(graph_attrs)),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", "Helvetica"),
            attr("fontsize", "11"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", "Helvetica"),
            attr("fontsize", "9"),
        ])),
    ];
    let loops = loop_labels(view);
    stmts.extend(
        view.nodes
            .iter()
            .map(|n| node_stmt(n, loops.get(n.id.as_str()))),
    );
    if merges_pairs(view) {
        stmts.extend(drawn_pairs(view).0.iter().map(pair_edge));
    } else {
        stmts.extend(view.edges.iter().map(|e| statement_edge(e, opts)));
    }
    for a in &view.affiliations {
        stmts.push(edge_stmt(
            &a.source,
            &a.target,
            vec![
                attr("id", &format!("affiliation:{}|{}", a.source, a.target)),
                attr("style", "dashed"),
                attr("color", "grey"),
                attr("arrowhead", "empty"),
                attr("tooltip", "speaks for / belongs to"),
            ],
        ));
    }
    let g = Graph::DiGraph {
        id: Id::Plain("dipgraph".into()),
        strict: false,
        stmts,
    };
    let mut text = g.print(&mut PrinterContext::default());
    text.push('\n');
    text
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

    #[test]
    fn pen_width_grows_with_count_up_to_six() {
        assert_eq!(pen_width(1), 1.0);
        assert_eq!(pen_width(0), 1.0);
        assert_eq!(pen_width(400), 6.0);
        assert!(pen_width(5) > pen_width(2));
    }
}
