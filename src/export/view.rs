//! The part of the graph an export shows: statement actors and their affiliations by
//! default, filtered with the shared [`Query`], optionally cut to the top actors by degree.

use crate::graph::{DipGraph, Evidence, Link, Monadic};
use crate::model::{Actor, ActorKind, Relation};
use crate::query::{self, Query, Row};
use std::collections::{BTreeMap, BTreeSet};

/// Above this many actors a diagram is cut to [`LARGE_TOP`] actors: Graphviz cannot lay
/// out thousands of nodes in reasonable time, and nobody can read them.
pub const LARGE_ACTORS: usize = 60;

/// Number of actors a large graph's diagram keeps.
pub const LARGE_TOP: usize = 25;

/// Which part of the graph to show.
#[derive(Debug, Clone, Default)]
pub struct ViewOptions {
    /// The statement filter shared with `query`.
    pub query: Query,
    /// Keep every entity (also those merely mentioned) and every affiliation.
    pub all_entities: bool,
    /// Keep only the N actors with the highest degree, and the edges among them.
    pub top: Option<usize>,
}

/// An actor as an export shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewNode {
    /// Entity id (a country code for a country roll-up).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Actor kind.
    pub kind: ActorKind,
    /// State the actor belongs to.
    pub country: Option<String>,
    /// Mentions over all documents (0 for a roll-up with no node of its own).
    pub mentions: usize,
    /// Surface forms seen.
    pub aliases: Vec<String>,
    /// Statements made or received in the view (a self-statement counts once).
    pub degree: usize,
    /// Statements with no named target, filtered like the edges.
    pub statements: Vec<Monadic>,
}

/// An affiliation edge (member speaks for body) in the view.
#[derive(Debug, Clone, PartialEq)]
pub struct Affiliation {
    /// Member entity id.
    pub source: String,
    /// Body or country id.
    pub target: String,
    /// Documents it was seen in.
    pub documents: Vec<String>,
}

/// A statement edge with its most frequent coding.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewEdge {
    /// The aggregated row (source, relation, target, count, evidence).
    pub row: Row,
    /// Most frequent CAMEO code among the evidence (ties: smallest).
    pub cameo: String,
    /// PLOVER category going with `cameo`.
    pub plover: String,
    /// Weight going with `cameo`.
    pub weight: f32,
}

/// The selected actors and edges, in stable order.
#[derive(Debug, Clone)]
pub struct View<'g> {
    /// The graph the view was cut from (documents, entity details).
    pub graph: &'g DipGraph,
    /// Actors, sorted by id.
    pub nodes: Vec<ViewNode>,
    /// Statement edges, sorted by (source, target, relation).
    pub edges: Vec<ViewEdge>,
    /// Affiliation edges, sorted by (source, target).
    pub affiliations: Vec<Affiliation>,
    /// Actors before the `top` cut, when one was made.
    pub total_actors: Option<usize>,
    /// Whether actors were rolled up to their countries.
    pub by_country: bool,
}

impl<'g> View<'g> {
    /// Cuts the view the options describe out of the graph.
    pub fn new(
        graph: &'g DipGraph,
        opts: &ViewOptions,
        resolve: &dyn Fn(&str) -> Option<Actor>,
    ) -> View<'g> {
        let q = &opts.query;
        let mut rows = query::run(graph, q, resolve);
        rows.sort_by(|a, b| {
            (&a.source, &a.target, a.relation).cmp(&(&b.source, &b.target, b.relation))
        });
        let mut degree: BTreeMap<String, usize> = BTreeMap::new();
        for r in &rows {
            *degree.entry(r.source.clone()).or_default() += r.count;
            if r.target != r.source {
                *degree.entry(r.target.clone()).or_default() += r.count;
            }
        }
        let mut ids: BTreeSet<String> = degree.keys().cloned().collect();
        let mut total_actors = None;
        if let Some(n) = opts.top {
            let mut ranked: Vec<(&String, &usize)> = degree.iter().collect();
            ranked.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            if ranked.len() > n {
                total_actors = Some(ranked.len());
                ids = ranked
                    .into_iter()
                    .take(n)
                    .map(|(id, _)| id.clone())
                    .collect();
                rows.retain(|r| ids.contains(&r.source) && ids.contains(&r.target));
            }
        }
        let affiliations = affiliations(graph, opts, &mut ids);
        let nodes = ids
            .iter()
            .map(|id| view_node(graph, id, degree.get(id).copied().unwrap_or(0), q))
            .collect();
        let edges = rows.into_iter().map(ViewEdge::new).collect();
        View {
            graph,
            nodes,
            edges,
            affiliations,
            total_actors,
            by_country: q.by_country,
        }
    }

    /// The view a diagram of the whole graph shows: everything for a small graph, the top
    /// [`LARGE_TOP`] actors by degree for a large one.
    pub fn diagram(graph: &'g DipGraph, opts: &ViewOptions) -> View<'g> {
        let view = View::new(graph, opts, &|_| None);
        if opts.top.is_some() || view.statement_actors() <= LARGE_ACTORS {
            return view;
        }
        let cut = ViewOptions {
            top: Some(LARGE_TOP),
            ..opts.clone()
        };
        View::new(graph, &cut, &|_| None)
    }

    /// Number of actors that take part in a statement edge of the view.
    pub fn statement_actors(&self) -> usize {
        self.nodes.iter().filter(|n| n.degree > 0).count()
    }

    /// A title saying what the view holds, and what it leaves out when it was cut.
    pub fn title(&self) -> String {
        let shown = self.statement_actors();
        let edges: usize = self.edges.iter().map(|e| e.row.count).sum();
        match self.total_actors {
            Some(total) => format!(
                "Top {shown} of {total} actors by number of statements ({edges} statements shown)"
            ),
            None => format!("{shown} actors, {edges} statements"),
        }
    }

    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&ViewNode> {
        self.nodes
            .binary_search_by(|n| n.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.nodes[i])
    }

    /// Relation families that occur among the edges, in their canonical order.
    pub fn families(&self) -> Vec<crate::model::Family> {
        crate::model::Family::ALL
            .into_iter()
            .filter(|f| self.edges.iter().any(|e| e.row.relation.family() == *f))
            .collect()
    }
}

impl ViewEdge {
    fn new(row: Row) -> ViewEdge {
        let (cameo, plover, weight) = mode_coding(&row.evidence);
        ViewEdge {
            row,
            cameo,
            plover,
            weight,
        }
    }

    /// The relation of the edge.
    pub fn relation(&self) -> Relation {
        self.row.relation
    }
}

/// Affiliation edges to show; adds the bodies statement actors speak for (transitively)
/// unless the view is cut to the top actors or rolled up to countries.
fn affiliations(
    graph: &DipGraph,
    opts: &ViewOptions,
    ids: &mut BTreeSet<String>,
) -> Vec<Affiliation> {
    if opts.query.by_country {
        return Vec::new();
    }
    let links: Vec<&Link> = graph.edges().filter(|e| e.is_affiliation()).collect();
    if opts.all_entities && opts.top.is_none() {
        ids.extend(graph.nodes().map(|n| n.id.clone()));
    } else if opts.top.is_none() {
        // Person -> ministry -> country: follow member links until nothing new is added.
        loop {
            let before = ids.len();
            for l in &links {
                if ids.contains(&l.source) {
                    ids.insert(l.target.clone());
                }
            }
            if ids.len() == before {
                break;
            }
        }
    }
    links
        .into_iter()
        .filter(|l| ids.contains(&l.source) && ids.contains(&l.target))
        .map(|l| Affiliation {
            source: l.source.clone(),
            target: l.target.clone(),
            documents: l.documents.clone(),
        })
        .collect()
}

fn view_node(graph: &DipGraph, id: &str, degree: usize, q: &Query) -> ViewNode {
    match graph.node(id) {
        Some(e) => ViewNode {
            id: e.id.clone(),
            name: e.name.clone(),
            kind: e.kind,
            country: e.country.clone(),
            mentions: e.mentions,
            aliases: e.aliases.iter().cloned().collect(),
            degree,
            statements: monadic(&e.statements, q),
        },
        // A country code standing for its actors in a by-country roll-up.
        None => ViewNode {
            id: id.to_string(),
            name: id.to_string(),
            kind: ActorKind::Country,
            country: Some(id.to_string()),
            mentions: 0,
            aliases: Vec::new(),
            degree,
            statements: Vec::new(),
        },
    }
}

/// Target-less statements kept by the relation and date filters of the query.
fn monadic(stmts: &[Monadic], q: &Query) -> Vec<Monadic> {
    let unfiltered = q.relations.is_empty() && q.families.is_empty();
    stmts
        .iter()
        .filter(|m| {
            unfiltered || q.relations.contains(&m.relation) || q.families.contains(&m.family)
        })
        .filter_map(|m| {
            let evidence: Vec<Evidence> = m
                .evidence
                .iter()
                .filter(|e| in_range(e.date.as_deref(), q))
                .cloned()
                .collect();
            (!evidence.is_empty()).then_some(Monadic {
                relation: m.relation,
                family: m.family,
                count: evidence.len(),
                evidence,
            })
        })
        .collect()
}

/// Whether a date is inside the query's `since`/`until` bounds (prefixes bound whole years or months).
fn in_range(date: Option<&str>, q: &Query) -> bool {
    if q.since.is_none() && q.until.is_none() {
        return true;
    }
    let Some(d) = date else { return false };
    let cmp = |bound: &str| {
        let (d, bound) = (d.as_bytes(), bound.as_bytes());
        let k = d.len().min(bound.len());
        d[..k].cmp(&bound[..k])
    };
    q.since.as_deref().is_none_or(|s| cmp(s).is_ge())
        && q.until.as_deref().is_none_or(|u| cmp(u).is_le())
}

/// Most frequent (cameo, plover, weight) among the evidence; ties go to the smallest.
fn mode_coding(ev: &[Evidence]) -> (String, String, f32) {
    let mut counts: BTreeMap<(&str, &str, u32), usize> = BTreeMap::new();
    for e in ev {
        *counts
            .entry((&e.cameo, &e.plover, e.weight.to_bits()))
            .or_default() += 1;
    }
    let mut best: Option<((&str, &str, u32), usize)> = None;
    for (k, n) in counts {
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((k, n));
        }
    }
    match best {
        Some(((c, p, w), _)) => (c.to_string(), p.to_string(), f32::from_bits(w)),
        None => (String::new(), String::new(), 0.0),
    }
}
