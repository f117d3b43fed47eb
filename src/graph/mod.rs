//! The knowledge graph: entities as nodes, statements and affiliations as edges.
//!
//! The graph keeps each document's contributions apart and derives the aggregated
//! nodes and edges from them, so the graph is an exact function of its set of
//! documents: adding, replacing or merging in any order gives the same file.

mod file;

pub use file::{check_overwrite, write_node_link, DocRepr, GraphFileError};

use crate::model::{Actor, ActorKind, DocInfo, Extraction, Family, Relation};
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// Schema tag written to `graph.schema`; bump the number on incompatible changes.
pub const SCHEMA: &str = "dipgraph/1";

/// Schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// Edge key of affiliation edges (member -> body or country it speaks for).
pub const AFFILIATION: &str = "affiliation";

/// One sentence a statement rests on, traceable to its document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Document id.
    pub doc: String,
    /// Sentence index in the document.
    pub sentence: usize,
    /// Byte offsets `[start, end)` of the sentence in the original text.
    pub span: [usize; 2],
    /// The evidence sentence.
    pub text: String,
    /// The word or phrase carrying the relation.
    pub cue: String,
    /// Statement date (the document date when the statement has none).
    pub date: Option<String>,
    /// Id of the person who voiced it, when different from the source.
    pub speaker: Option<String>,
    /// What the statement is about.
    pub topic: Option<String>,
    /// Evidence strength in [0, 1].
    pub confidence: f32,
    /// Whether a statement word of the relation is in the text.
    pub explicit: bool,
    /// CAMEO code of the cue.
    pub cameo: String,
    /// PLOVER category of the cue.
    pub plover: String,
    /// Conflict-cooperation weight of the cue.
    pub weight: f32,
}

/// Total order on evidence: (doc, sentence, span) first, then every other field, so sorting is deterministic.
pub fn evidence_cmp(a: &Evidence, b: &Evidence) -> Ordering {
    (
        &a.doc, a.sentence, a.span, &a.cue, &a.text, &a.speaker, &a.topic, &a.date,
    )
        .cmp(&(
            &b.doc, b.sentence, b.span, &b.cue, &b.text, &b.speaker, &b.topic, &b.date,
        ))
        .then(a.confidence.total_cmp(&b.confidence))
        .then(a.explicit.cmp(&b.explicit))
        .then((&a.cameo, &a.plover).cmp(&(&b.cameo, &b.plover)))
        .then(a.weight.total_cmp(&b.weight))
}

/// Statements of one relation an entity made with no named target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Monadic {
    /// The relation.
    pub relation: Relation,
    /// Its family.
    pub family: Family,
    /// Number of evidence items.
    pub count: usize,
    /// Evidence, sorted by (doc, sentence, span).
    pub evidence: Vec<Evidence>,
}

/// A graph node: one canonical entity aggregated over all documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical id (ISO alpha-3 for countries, a slug otherwise).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Actor kind.
    pub kind: ActorKind,
    /// ISO alpha-3 code of the state it belongs to.
    pub country: Option<String>,
    /// Surface forms seen in the texts.
    pub aliases: BTreeSet<String>,
    /// Number of mentions over all documents.
    pub mentions: usize,
    /// Asserted statements without a target.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<Monadic>,
}

/// A graph edge: a statement relation (or an affiliation) between two entities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// Source entity id.
    pub source: String,
    /// Target entity id.
    pub target: String,
    /// Relation name, or "affiliation".
    pub key: String,
    /// The relation (absent on affiliation edges).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<Relation>,
    /// The relation family (absent on affiliation edges).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<Family>,
    /// Evidence items (statement edges) or documents (affiliation edges).
    pub count: usize,
    /// Distinct documents, sorted.
    pub documents: Vec<String>,
    /// Earliest evidence date.
    pub first_date: Option<String>,
    /// Latest evidence date.
    pub last_date: Option<String>,
    /// Most frequent CAMEO code among the evidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
    /// PLOVER category going with `cameo`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plover: Option<String>,
    /// Weight going with `cameo`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f32>,
    /// Evidence sorted by (doc, sentence, span); empty on affiliation edges.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

impl Link {
    /// Whether this is an affiliation edge rather than a statement.
    pub fn is_affiliation(&self) -> bool {
        self.relation.is_none()
    }
}

/// How an entity appeared in one document (kept per document so documents can be replaced exactly).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Seen {
    /// Entity id.
    pub id: String,
    /// Name the document gave it.
    pub name: String,
    /// Kind the document gave it.
    pub kind: ActorKind,
    /// Country the document gave it.
    pub country: Option<String>,
    /// Mentions in the document.
    pub mentions: usize,
    /// Surface forms the document used.
    pub aliases: BTreeSet<String>,
}

impl Seen {
    /// A record of an actor with no mentions yet.
    pub fn new(a: &Actor) -> Seen {
        Seen {
            id: a.id.clone(),
            name: a.name.clone(),
            kind: a.kind,
            country: a.country.clone(),
            mentions: 0,
            aliases: BTreeSet::new(),
        }
    }

    /// Tie rule for the same id seen with different attributes: non-null country first, then the smallest value.
    pub fn absorb_attrs(&mut self, name: &str, kind: ActorKind, country: &Option<String>) {
        if name < self.name.as_str() {
            self.name = name.to_string();
        }
        if kind.as_str() < self.kind.as_str() {
            self.kind = kind;
        }
        match (&self.country, country) {
            (None, Some(c)) => self.country = Some(c.clone()),
            (Some(a), Some(c)) if c < a => self.country = Some(c.clone()),
            _ => {}
        }
    }
}

/// Records an actor seen in a document and returns its id.
fn see_actor(entities: &mut BTreeMap<String, Seen>, a: &Actor) -> String {
    entities
        .entry(a.id.clone())
        .and_modify(|s| s.absorb_attrs(&a.name, a.kind, &a.country))
        .or_insert_with(|| Seen::new(a));
    a.id.clone()
}

/// One asserted statement of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Source entity id.
    pub source: String,
    /// The relation.
    pub relation: Relation,
    /// Target entity id, or None when no counterpart is named.
    pub target: Option<String>,
    /// The sentence it rests on.
    pub evidence: Evidence,
}

/// Everything one document contributes to the graph: the unit that the store, the graph file
/// and `extract --records` keep, so that documents can be added, replaced and merged exactly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocRecord {
    /// The document.
    #[serde(flatten)]
    pub info: DocInfo,
    /// What it says of each entity it involves, by id.
    #[serde(with = "seen_list")]
    pub entities: BTreeMap<String, Seen>,
    /// Its asserted statements.
    pub claims: Vec<Claim>,
    /// Affiliations it shows: (member, body or country).
    pub affiliations: BTreeSet<(String, String)>,
}

/// Entities serialize as a list sorted by id, as in the graph file.
mod seen_list {
    use super::Seen;
    use serde::{Deserialize, Deserializer, Serializer};
    use std::collections::BTreeMap;

    pub fn serialize<S: Serializer>(m: &BTreeMap<String, Seen>, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(m.values())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<BTreeMap<String, Seen>, D::Error> {
        let v: Vec<Seen> = Vec::deserialize(d)?;
        Ok(v.into_iter().map(|s| (s.id.clone(), s)).collect())
    }
}

impl DocRecord {
    /// The record of an extraction: asserted statements become claims; actors, mentions and
    /// affiliations become entity records.
    pub fn from_extraction(ex: Extraction) -> DocRecord {
        let mut entities: BTreeMap<String, Seen> = BTreeMap::new();
        let mut see = |a: &Actor| -> String { see_actor(&mut entities, a) };
        let mut claims = Vec::new();
        for st in ex.statements.iter().filter(|s| s.is_asserted()) {
            let source = see(&st.source);
            let target = st.target.as_ref().map(&mut see);
            let speaker = st.speaker.as_ref().map(&mut see);
            claims.push(Claim {
                source,
                relation: st.relation,
                target,
                evidence: Evidence {
                    // Evidence is keyed by the document record, whatever the statement says.
                    doc: ex.doc.id.clone(),
                    sentence: st.sentence,
                    span: st.span,
                    text: st.evidence.clone(),
                    cue: st.cue.clone(),
                    date: st.date.clone().or_else(|| ex.doc.date.clone()),
                    speaker,
                    topic: st.topic.clone(),
                    confidence: st.confidence,
                    explicit: st.explicit,
                    cameo: st.coding.cameo.clone(),
                    plover: st.coding.plover.clone(),
                    weight: st.coding.weight,
                },
            });
        }
        let mut affiliations = BTreeSet::new();
        for (member, body) in &ex.affiliations {
            let m = see(member);
            let b = see(body);
            if m != b {
                affiliations.insert((m, b));
            }
        }
        for m in &ex.mentions {
            see_actor(&mut entities, &m.actor);
            if let Some(s) = entities.get_mut(&m.actor.id) {
                s.mentions += 1;
                s.aliases.insert(m.surface.clone());
            }
        }
        DocRecord {
            info: ex.doc,
            entities,
            claims,
            affiliations,
        }
    }

    /// Entity ids the claims and affiliations use that have no entity record (a damaged input).
    pub fn dangling(&self) -> Option<&str> {
        let ids = self.claims.iter().flat_map(|c| {
            [
                Some(&c.source),
                c.target.as_ref(),
                c.evidence.speaker.as_ref(),
            ]
            .into_iter()
            .flatten()
        });
        let aff = self.affiliations.iter().flat_map(|(m, b)| [m, b]);
        ids.chain(aff)
            .find(|id| !self.entities.contains_key(id.as_str()))
            .map(String::as_str)
    }

    /// Merge preference between two versions of a document, independent of arrival order.
    pub fn wins_over(&self, other: &DocRecord) -> bool {
        (&self.info.date, &self.info.hash) > (&other.info.date, &other.info.hash)
    }
}

/// What `DipGraph::add` did with a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddOutcome {
    /// The document was new.
    Added,
    /// The same document (id and hash) was already there; nothing changed.
    Unchanged,
    /// A document with this id but another hash was replaced.
    Replaced {
        /// Hash of the version that was dropped.
        previous_hash: String,
    },
}

/// Aggregated view, derived from the documents on demand.
#[derive(Debug, Clone)]
struct Derived {
    graph: StableDiGraph<Entity, Link>,
    index: BTreeMap<String, NodeIndex>,
    edges: Vec<EdgeIndex>,
}

/// The diplomatic-statement graph and the documents it was built from.
#[derive(Debug, Clone, Default)]
pub struct DipGraph {
    docs: BTreeMap<String, DocRecord>,
    derived: OnceLock<Derived>,
}

impl PartialEq for DipGraph {
    fn eq(&self, other: &Self) -> bool {
        self.to_json() == other.to_json()
    }
}

impl DipGraph {
    /// An empty graph.
    pub fn new() -> DipGraph {
        DipGraph::default()
    }

    /// Adds one document's extraction; an identical document is a no-op, a changed one replaces the old.
    pub fn add(&mut self, ex: Extraction) -> AddOutcome {
        if self.contains(&ex.doc.id, &ex.doc.hash) {
            return AddOutcome::Unchanged;
        }
        self.add_record(DocRecord::from_extraction(ex))
    }

    /// Adds one document's record; an identical document is a no-op, a changed one replaces the old.
    pub fn add_record(&mut self, rec: DocRecord) -> AddOutcome {
        let outcome = match self.docs.get(&rec.info.id) {
            Some(old) if old.info.hash == rec.info.hash => return AddOutcome::Unchanged,
            Some(old) => AddOutcome::Replaced {
                previous_hash: old.info.hash.clone(),
            },
            None => AddOutcome::Added,
        };
        self.docs.insert(rec.info.id.clone(), rec);
        self.derived = OnceLock::new();
        outcome
    }

    /// The per-document records the graph is derived from, by document id.
    pub fn records(&self) -> impl Iterator<Item = &DocRecord> {
        self.docs.values()
    }

    /// The per-document records, by document id, consuming the graph.
    pub fn into_records(self) -> impl Iterator<Item = DocRecord> {
        self.docs.into_values()
    }

    /// Whether a document with this id and hash is already in the graph.
    pub fn contains(&self, id: &str, hash: &str) -> bool {
        self.docs.get(id).is_some_and(|d| d.info.hash == hash)
    }

    /// Merges another graph; for a document id with two hashes the later (date, hash) wins. Returns those ids.
    pub fn merge(&mut self, other: DipGraph) -> Vec<String> {
        let mut conflicts = Vec::new();
        for (id, rec) in other.docs {
            match self.docs.get(&id) {
                Some(mine) if mine.info.hash == rec.info.hash => {}
                Some(mine) => {
                    conflicts.push(id.clone());
                    if rec.wins_over(mine) {
                        self.docs.insert(id, rec);
                    }
                }
                None => {
                    self.docs.insert(id, rec);
                }
            }
        }
        self.derived = OnceLock::new();
        conflicts
    }

    /// The documents, by id.
    pub fn documents(&self) -> impl Iterator<Item = &DocInfo> {
        self.docs.values().map(|d| &d.info)
    }

    /// Number of documents.
    pub fn document_count(&self) -> usize {
        self.docs.len()
    }

    /// Entities, by id.
    pub fn nodes(&self) -> impl Iterator<Item = &Entity> {
        let d = self.derived();
        d.index.values().map(move |&i| &d.graph[i])
    }

    /// The entity with this id.
    pub fn node(&self, id: &str) -> Option<&Entity> {
        let d = self.derived();
        d.index.get(id).map(|&i| &d.graph[i])
    }

    /// Edges, by (source, target, key).
    pub fn edges(&self) -> impl Iterator<Item = &Link> {
        let d = self.derived();
        d.edges.iter().map(move |&e| &d.graph[e])
    }

    /// The underlying petgraph graph, for graph algorithms.
    pub fn petgraph(&self) -> &StableDiGraph<Entity, Link> {
        &self.derived().graph
    }

    fn derived(&self) -> &Derived {
        self.derived.get_or_init(|| derive(&self.docs))
    }

    /// A graph from aggregated nodes and edges (as a store computes them) rather than from
    /// per-document records: for reading, exporting and graph measures of graphs whose
    /// records do not fit in memory. Its documents carry no entities or statements, so adding
    /// or merging documents into it, or saving it as a graph file, loses its nodes and edges.
    pub fn from_parts(documents: Vec<DocInfo>, nodes: Vec<Entity>, links: Vec<Link>) -> DipGraph {
        let docs = documents
            .into_iter()
            .map(|info| {
                let rec = DocRecord {
                    info,
                    entities: BTreeMap::new(),
                    claims: Vec::new(),
                    affiliations: BTreeSet::new(),
                };
                (rec.info.id.clone(), rec)
            })
            .collect();
        let mut graph = StableDiGraph::new();
        let mut entities: BTreeMap<String, Entity> =
            nodes.into_iter().map(|n| (n.id.clone(), n)).collect();
        for l in &links {
            for id in [&l.source, &l.target] {
                entities.entry(id.clone()).or_insert_with(|| Entity {
                    id: id.clone(),
                    name: id.clone(),
                    kind: ActorKind::Organization,
                    country: None,
                    aliases: BTreeSet::new(),
                    mentions: 0,
                    statements: Vec::new(),
                });
            }
        }
        let mut index = BTreeMap::new();
        for (id, e) in entities {
            index.insert(id, graph.add_node(e));
        }
        let mut links = links;
        links.sort_by(|a, b| (&a.source, &a.target, &a.key).cmp(&(&b.source, &b.target, &b.key)));
        let edges = links
            .into_iter()
            .map(|l| graph.add_edge(index[&l.source], index[&l.target], l))
            .collect();
        DipGraph {
            docs,
            derived: OnceLock::from(Derived {
                graph,
                index,
                edges,
            }),
        }
    }
}

/// Aggregates documents into nodes and edges with set unions and sums, so the result only depends on the set.
fn derive(docs: &BTreeMap<String, DocRecord>) -> Derived {
    let mut nodes: BTreeMap<String, Seen> = BTreeMap::new();
    let mut edges: BTreeMap<(String, String, String), (Relation, Vec<Evidence>)> = BTreeMap::new();
    let mut monadic: BTreeMap<(String, Relation), Vec<Evidence>> = BTreeMap::new();
    let mut affil: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for (doc_id, rec) in docs {
        for s in rec.entities.values() {
            match nodes.get_mut(&s.id) {
                Some(n) => {
                    n.absorb_attrs(&s.name, s.kind, &s.country);
                    n.mentions += s.mentions;
                    n.aliases.extend(s.aliases.iter().cloned());
                }
                None => {
                    nodes.insert(s.id.clone(), s.clone());
                }
            }
        }
        for c in &rec.claims {
            match &c.target {
                Some(t) => edges
                    .entry((c.source.clone(), t.clone(), c.relation.as_str().to_string()))
                    .or_insert_with(|| (c.relation, Vec::new()))
                    .1
                    .push(c.evidence.clone()),
                None => monadic
                    .entry((c.source.clone(), c.relation))
                    .or_default()
                    .push(c.evidence.clone()),
            }
        }
        for (m, b) in &rec.affiliations {
            affil
                .entry((m.clone(), b.clone()))
                .or_default()
                .insert(doc_id.clone());
        }
    }
    // Endpoints always come with an entity record; a placeholder keeps a damaged input from panicking.
    let mut ensure = |id: &str| {
        nodes.entry(id.to_string()).or_insert_with(|| Seen {
            id: id.to_string(),
            name: id.to_string(),
            kind: ActorKind::Organization,
            country: None,
            mentions: 0,
            aliases: BTreeSet::new(),
        });
    };
    for (s, t, _) in edges.keys() {
        ensure(s);
        ensure(t);
    }
    for (s, _) in monadic.keys() {
        ensure(s);
    }
    for (m, b) in affil.keys() {
        ensure(m);
        ensure(b);
    }
    let mut entities: BTreeMap<String, Entity> = nodes
        .into_values()
        .map(|s| {
            (
                s.id.clone(),
                Entity {
                    id: s.id,
                    name: s.name,
                    kind: s.kind,
                    country: s.country,
                    aliases: s.aliases,
                    mentions: s.mentions,
                    statements: Vec::new(),
                },
            )
        })
        .collect();
    for ((src, relation), ev) in monadic {
        if let Some(e) = entities.get_mut(&src) {
            e.statements.push(monadic_of(relation, ev));
        }
    }
    let mut graph = StableDiGraph::new();
    let mut index = BTreeMap::new();
    for (id, e) in entities {
        index.insert(id, graph.add_node(e));
    }
    let mut links: Vec<Link> = Vec::new();
    for ((source, target, _), (relation, ev)) in edges {
        links.push(statement_link(source, target, relation, ev));
    }
    for ((source, target), docs) in affil {
        links.push(affiliation_link(source, target, docs));
    }
    links.sort_by(|a, b| (&a.source, &a.target, &a.key).cmp(&(&b.source, &b.target, &b.key)));
    let mut edge_ix = Vec::with_capacity(links.len());
    for l in links {
        let (s, t) = (index[&l.source], index[&l.target]);
        edge_ix.push(graph.add_edge(s, t, l));
    }
    Derived {
        graph,
        index,
        edges: edge_ix,
    }
}

/// The node entry of an entity's statements of one relation with no target.
pub(crate) fn monadic_of(relation: Relation, mut ev: Vec<Evidence>) -> Monadic {
    ev.sort_by(evidence_cmp);
    Monadic {
        relation,
        family: relation.family(),
        count: ev.len(),
        evidence: ev,
    }
}

/// The edge of one (source, relation, target) and its evidence, in any order.
pub(crate) fn statement_link(
    source: String,
    target: String,
    relation: Relation,
    mut ev: Vec<Evidence>,
) -> Link {
    ev.sort_by(evidence_cmp);
    let documents: BTreeSet<&String> = ev.iter().map(|e| &e.doc).collect();
    let dates = ev.iter().filter_map(|e| e.date.clone());
    let first_date = dates.clone().min();
    let last_date = dates.max();
    let (cameo, plover, weight) = mode_coding(&ev);
    Link {
        source,
        target,
        key: relation.as_str().to_string(),
        relation: Some(relation),
        family: Some(relation.family()),
        count: ev.len(),
        documents: documents.into_iter().cloned().collect(),
        first_date,
        last_date,
        cameo: Some(cameo),
        plover: Some(plover),
        weight: Some(weight),
        evidence: ev,
    }
}

/// The affiliation edge of a member and a body, seen in these documents.
pub(crate) fn affiliation_link(source: String, target: String, docs: BTreeSet<String>) -> Link {
    Link {
        source,
        target,
        key: AFFILIATION.to_string(),
        relation: None,
        family: None,
        count: docs.len(),
        documents: docs.into_iter().collect(),
        first_date: None,
        last_date: None,
        cameo: None,
        plover: None,
        weight: None,
        evidence: Vec::new(),
    }
}

/// Most frequent (cameo, plover, weight) among the evidence; ties go to the smallest, so it is order-free.
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

#[cfg(test)]
pub(crate) mod tests;
