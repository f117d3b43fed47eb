//! Reading the store back: document records (for merges and the in-memory graph) and the
//! graph file streamed straight from SQL (for builds whose graph does not fit in memory).

use super::write::EntityRef;
use super::{Result, Store, StoreError};
use crate::graph::{
    affiliation_link, monadic_of, statement_link, Claim, DipGraph, DocRecord, DocRepr, Entity,
    Evidence, Link, Seen, AFFILIATION,
};
use crate::model::{ActorKind, DocInfo, Relation};
use rusqlite::{params, OptionalExtension, Row};
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::path::Path;

/// Rows read per query when paging through a table in key order.
const PAGE: i64 = 512;

/// What [`Store::graph_view`] reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ViewSpec {
    /// At most this many evidence items per edge, the first by (document, sentence, span);
    /// None for all. An edge keeps its count, documents, dates and coding over all its
    /// statements, so that with a bound memory grows with the edges, not with the statements.
    pub evidence: Option<usize>,
    /// Evidence sentences (without them, evidence keeps everything but its text).
    pub text: bool,
    /// The list of documents.
    pub documents: bool,
    /// Each edge's list of documents (diagrams do not show it; at scale it is most of the
    /// memory a view without evidence takes).
    pub edge_documents: bool,
    /// Only the N actors with most edges, and the edges among them.
    pub top: Option<usize>,
}

impl ViewSpec {
    /// Everything: what exports read.
    pub fn full() -> ViewSpec {
        ViewSpec {
            evidence: None,
            text: true,
            documents: true,
            edge_documents: true,
            top: None,
        }
    }
}

/// What a graph file written from the store holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NodeLinkStats {
    /// Documents listed.
    pub documents: usize,
    /// Nodes written.
    pub nodes: usize,
    /// Edges written (statements and affiliations).
    pub edges: usize,
}

/// The text ids behind the rowids of entities, variants and aliases.
pub(crate) struct Names {
    entity: HashMap<i64, String>,
    variant: HashMap<i64, (String, ActorKind, Option<String>)>,
    alias: HashMap<i64, String>,
}

fn kind_of(s: &str) -> rusqlite::Result<ActorKind> {
    s.parse::<ActorKind>().map_err(|m| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, m.into())
    })
}

fn relation_of(s: &str) -> rusqlite::Result<Relation> {
    s.parse::<Relation>().map_err(|m| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, m.into())
    })
}

impl Store {
    /// The stored hash of a document id, if the document is there.
    pub fn stored_hash(&self, id: &str) -> Result<Option<String>> {
        self.conn
            .prepare_cached("SELECT hash FROM documents WHERE id = ?1")
            .and_then(|mut s| s.query_row([id], |r| r.get(0)).optional())
            .map_err(|e| self.err(e))
    }

    /// Number of documents.
    pub fn document_count(&self) -> Result<usize> {
        self.count("SELECT count(*) FROM documents")
    }

    /// Number of entities.
    pub fn entity_count(&self) -> Result<usize> {
        self.count("SELECT count(*) FROM entities")
    }

    /// Number of stored (asserted) statements.
    pub fn statement_count(&self) -> Result<usize> {
        self.count("SELECT count(*) FROM statements")
    }

    /// Number of statement edges: distinct (source, relation, target) with a target.
    pub fn edge_count(&self) -> Result<usize> {
        self.count(
            "SELECT count(*) FROM (SELECT DISTINCT source, relation, target FROM statements WHERE target IS NOT NULL)",
        )
    }

    fn count(&self, sql: &str) -> Result<usize> {
        self.conn
            .query_row(sql, [], |r| r.get::<_, i64>(0))
            .map(|n| n as usize)
            .map_err(|e| self.err(e))
    }

    /// The text behind every entity, variant and alias rowid (grows with the graph, not the corpus).
    pub(crate) fn names(&self) -> Result<Names> {
        let e = |e| self.err(e);
        let mut entity = HashMap::new();
        let mut st = self
            .conn
            .prepare("SELECT entity, id FROM entities")
            .map_err(e)?;
        let rows = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(e)?;
        for r in rows {
            let (k, v) = r.map_err(e)?;
            entity.insert(k, v);
        }
        let mut variant = HashMap::new();
        let mut st = self
            .conn
            .prepare("SELECT variant, name, kind, country FROM variants")
            .map_err(e)?;
        let rows = st
            .query_map([], |r| {
                let country: String = r.get(3)?;
                Ok((
                    r.get::<_, i64>(0)?,
                    (
                        r.get::<_, String>(1)?,
                        kind_of(&r.get::<_, String>(2)?)?,
                        (!country.is_empty()).then_some(country),
                    ),
                ))
            })
            .map_err(e)?;
        for r in rows {
            let (k, v) = r.map_err(e)?;
            variant.insert(k, v);
        }
        let mut alias = HashMap::new();
        let mut st = self
            .conn
            .prepare("SELECT alias, text FROM aliases")
            .map_err(e)?;
        let rows = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(e)?;
        for r in rows {
            let (k, v) = r.map_err(e)?;
            alias.insert(k, v);
        }
        Ok(Names {
            entity,
            variant,
            alias,
        })
    }

    /// Every document record, in id order, read a page at a time.
    pub fn records(&self) -> Result<Records<'_>> {
        Ok(Records {
            store: self,
            names: self.names()?,
            after: None,
            buf: VecDeque::new(),
            done: false,
            claims: true,
        })
    }

    /// The whole graph in memory (for exports and graph measures of graphs that fit).
    pub fn graph(&self) -> Result<DipGraph> {
        let mut g = DipGraph::new();
        for rec in self.records()? {
            g.add_record(rec?);
        }
        Ok(g)
    }

    /// The aggregated graph in memory, read from the store's tables without per-document
    /// records (see [`DipGraph::from_parts`]): what exports and diagrams read.
    pub fn graph_view(&self, spec: &ViewSpec) -> Result<DipGraph> {
        let only = match spec.top {
            Some(n) => Some(self.top_entities(n)?),
            None => None,
        };
        let mut nodes = Nodes::new(self);
        nodes.text = spec.text;
        nodes.evidence = spec.evidence;
        nodes.only = only.clone();
        let nodes = nodes.collect::<Result<Vec<_>>>()?;
        let mut edges = Edges::new(self);
        edges.text = spec.text;
        edges.evidence = spec.evidence;
        edges.documents = spec.edge_documents;
        edges.only = only;
        let links = edges.collect::<Result<Vec<_>>>()?;
        let mut documents = Vec::new();
        if spec.documents {
            let e = |e| self.err(e);
            let mut st = self
                .conn
                .prepare("SELECT id, hash, date, title, source, url FROM documents ORDER BY id")
                .map_err(e)?;
            let rows = st
                .query_map([], |r| {
                    Ok(DocInfo {
                        id: r.get(0)?,
                        hash: r.get(1)?,
                        date: r.get(2)?,
                        title: r.get(3)?,
                        source: r.get(4)?,
                        url: r.get(5)?,
                    })
                })
                .map_err(e)?;
            for r in rows {
                documents.push(r.map_err(e)?);
            }
        }
        Ok(DipGraph::from_parts(documents, nodes, links))
    }

    /// Rowids of the `n` entities with the most statement edges (ties by id).
    fn top_entities(&self, n: usize) -> Result<std::collections::HashSet<i64>> {
        let e = |e| self.err(e);
        let mut st = self
            .conn
            .prepare(
                "WITH k AS (SELECT DISTINCT source, relation, target FROM statements
                            WHERE target IS NOT NULL),
                      d AS (SELECT source AS x FROM k UNION ALL
                            SELECT target FROM k WHERE target <> source)
                 SELECT d.x FROM d JOIN entities e ON e.entity = d.x
                 GROUP BY d.x ORDER BY count(*) DESC, e.id LIMIT ?1",
            )
            .map_err(e)?;
        let rows = st.query_map([n as i64], |r| r.get(0)).map_err(e)?;
        rows.collect::<rusqlite::Result<_>>().map_err(e)
    }

    /// Writes the graph file (node-link JSON) straight from the store, in bounded memory:
    /// the same bytes as `self.graph()?.to_json()`.
    pub fn write_graph_json(&self, w: impl std::io::Write) -> Result<NodeLinkStats> {
        let mut stats = NodeLinkStats::default();
        let names = self.names()?;
        let docs = Records {
            store: self,
            names,
            after: None,
            buf: VecDeque::new(),
            done: false,
            claims: false,
        }
        .map(|r| {
            r.map(|rec| DocRepr {
                info: rec.info,
                entities: rec.entities.into_values().collect(),
            })
        });
        let docs = Counted(docs, &mut stats.documents);
        let nodes = Counted(Nodes::new(self), &mut stats.nodes);
        let edges = Counted(Edges::new(self), &mut stats.edges);
        crate::graph::write_node_link(w, docs, nodes, edges)
            .map_err(|m| StoreError::Io(self.path.clone(), std::io::Error::other(m)))?;
        Ok(stats)
    }

    /// Writes the graph file atomically to `path` (temp file, then rename).
    pub fn save_graph_json(&self, path: &Path) -> Result<NodeLinkStats> {
        let io = |e| StoreError::Io(path.to_path_buf(), e);
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        std::fs::create_dir_all(dir).map_err(io)?;
        let tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
        let stats = self.write_graph_json(tmp.as_file())?;
        tmp.as_file().sync_all().map_err(io)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            tmp.as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o644))
                .map_err(io)?;
        }
        tmp.persist(path).map_err(|e| io(e.error))?;
        Ok(stats)
    }

    /// The evidence rows of a `WHERE` clause over `statements s`, with the text ids.
    pub(crate) fn evidence_where(
        &self,
        cond: &str,
        args: &[&dyn rusqlite::ToSql],
    ) -> Result<Vec<EvidenceRow>> {
        self.evidence_rows(cond, args, true)
    }

    /// Like `evidence_where`, with the sentence texts left empty unless `text`.
    pub(crate) fn evidence_rows(
        &self,
        cond: &str,
        args: &[&dyn rusqlite::ToSql],
        text: bool,
    ) -> Result<Vec<EvidenceRow>> {
        let sentence = if text { "s.evidence" } else { "''" };
        let sql = format!(
            "SELECT src.id, s.relation, tgt.id, d.id, s.sentence, s.span_start, s.span_end,
                    {sentence}, s.cue, s.date, spk.id, s.topic, s.confidence, s.explicit,
                    s.cameo, s.plover, s.weight
             FROM statements s
             JOIN documents d ON d.doc = s.doc
             JOIN entities src ON src.entity = s.source
             LEFT JOIN entities tgt ON tgt.entity = s.target
             LEFT JOIN entities spk ON spk.entity = s.speaker
             WHERE {cond}"
        );
        let e = |e| self.err(e);
        let mut st = self.conn.prepare_cached(&sql).map_err(e)?;
        let rows = st
            .query_map(args, |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    relation_of(&r.get::<_, String>(1)?)?,
                    r.get::<_, Option<String>>(2)?,
                    evidence_at(r, 3)?,
                ))
            })
            .map_err(e)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(e)
    }
}

/// A stored statement: source id, relation, target id, evidence.
pub(crate) type EvidenceRow = (String, Relation, Option<String>, Evidence);

/// A statement edge summed up: source id, relation, target id, count, documents, first and
/// last date.
pub(crate) type EdgeSum = (
    String,
    Relation,
    String,
    usize,
    Vec<String>,
    Option<String>,
    Option<String>,
);

impl Store {
    /// The targeted statements of a `WHERE` clause over `statements s`, summed up per
    /// (source, relation, target) by SQL.
    pub(crate) fn edge_sums(
        &self,
        cond: &str,
        args: &[&dyn rusqlite::ToSql],
    ) -> Result<Vec<EdgeSum>> {
        let sql = format!(
            "SELECT src.id, s.relation, tgt.id, count(*), json_group_array(DISTINCT d.id),
                    min(s.date), max(s.date)
             FROM statements s
             JOIN documents d ON d.doc = s.doc
             JOIN entities src ON src.entity = s.source
             JOIN entities tgt ON tgt.entity = s.target
             WHERE {cond}
             GROUP BY s.source, s.relation, s.target"
        );
        let e = |e| self.err(e);
        let mut st = self.conn.prepare_cached(&sql).map_err(e)?;
        let rows = st
            .query_map(args, |r| {
                let docs: String = r.get(4)?;
                let mut docs: Vec<String> = serde_json::from_str(&docs).map_err(|err| {
                    rusqlite::Error::FromSqlConversionFailure(
                        4,
                        rusqlite::types::Type::Text,
                        Box::new(err),
                    )
                })?;
                docs.sort();
                Ok((
                    r.get::<_, String>(0)?,
                    relation_of(&r.get::<_, String>(1)?)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)? as usize,
                    docs,
                    r.get(5)?,
                    r.get(6)?,
                ))
            })
            .map_err(e)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(e)
    }
}

/// An evidence item from columns `i..i + 14` (doc, sentence, span, text, cue, date, speaker,
/// topic, confidence, explicit, cameo, plover, weight).
fn evidence_at(r: &Row<'_>, i: usize) -> rusqlite::Result<Evidence> {
    Ok(Evidence {
        doc: r.get(i)?,
        sentence: r.get::<_, i64>(i + 1)? as usize,
        span: [
            r.get::<_, i64>(i + 2)? as usize,
            r.get::<_, i64>(i + 3)? as usize,
        ],
        text: r.get(i + 4)?,
        cue: r.get(i + 5)?,
        date: r.get(i + 6)?,
        speaker: r.get(i + 7)?,
        topic: r.get(i + 8)?,
        confidence: r.get::<_, f64>(i + 9)? as f32,
        explicit: r.get(i + 10)?,
        cameo: r.get(i + 11)?,
        plover: r.get(i + 12)?,
        weight: r.get::<_, f64>(i + 13)? as f32,
    })
}

/// Counts the items an iterator yields into a field.
struct Counted<'a, I>(I, &'a mut usize);

impl<I: Iterator> Iterator for Counted<'_, I> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item> {
        let x = self.0.next();
        if x.is_some() {
            *self.1 += 1;
        }
        x
    }
}

/// Document records in id order, a page at a time.
pub struct Records<'a> {
    store: &'a Store,
    names: Names,
    after: Option<String>,
    buf: VecDeque<DocRecord>,
    done: bool,
    /// Whether to read claims and affiliations too (the graph file's document list needs neither).
    claims: bool,
}

impl Records<'_> {
    fn fill(&mut self) -> Result<()> {
        let s = self.store;
        let e = |e| s.err(e);
        // Keyset paging through the id index ("?1 IS NULL OR id > ?1" would scan and sort
        // the whole table for every page).
        let sql = if self.after.is_some() {
            "SELECT doc, id, hash, date, title, source, url, entities FROM documents
             WHERE id > ?1 ORDER BY id LIMIT ?2"
        } else {
            "SELECT doc, id, hash, date, title, source, url, entities FROM documents
             WHERE ?1 IS NULL ORDER BY id LIMIT ?2"
        };
        let mut st = s.conn.prepare_cached(sql).map_err(e)?;
        let rows: Vec<(i64, DocInfo, String)> = st
            .query_map(params![self.after, PAGE], |r| {
                Ok((
                    r.get(0)?,
                    DocInfo {
                        id: r.get(1)?,
                        hash: r.get(2)?,
                        date: r.get(3)?,
                        title: r.get(4)?,
                        source: r.get(5)?,
                        url: r.get(6)?,
                    },
                    r.get(7)?,
                ))
            })
            .map_err(e)?
            .collect::<rusqlite::Result<_>>()
            .map_err(e)?;
        if (rows.len() as i64) < PAGE {
            self.done = true;
        }
        for (doc, info, blob) in rows {
            self.after = Some(info.id.clone());
            let rec = self.record(doc, info, &blob)?;
            self.buf.push_back(rec);
        }
        Ok(())
    }

    fn record(&self, doc: i64, info: DocInfo, blob: &str) -> Result<DocRecord> {
        let s = self.store;
        let bad = |m: String| StoreError::Corrupt(s.path.clone(), m);
        let refs: Vec<EntityRef> = serde_json::from_str(blob)
            .map_err(|err| bad(format!("document '{}': entities column: {err}", info.id)))?;
        let n = &self.names;
        let mut entities = BTreeMap::new();
        for (entity, variant, mentions, aliases) in refs {
            let missing =
                |what: &str, k: i64| bad(format!("document '{}': no {what} {k}", info.id));
            let id = n
                .entity
                .get(&entity)
                .ok_or_else(|| missing("entity", entity))?;
            let (name, kind, country) = n
                .variant
                .get(&variant)
                .ok_or_else(|| missing("variant", variant))?;
            let mut al = BTreeSet::new();
            for a in aliases {
                al.insert(n.alias.get(&a).ok_or_else(|| missing("alias", a))?.clone());
            }
            entities.insert(
                id.clone(),
                Seen {
                    id: id.clone(),
                    name: name.clone(),
                    kind: *kind,
                    country: country.clone(),
                    mentions: mentions as usize,
                    aliases: al,
                },
            );
        }
        let mut rec = DocRecord {
            info,
            entities,
            claims: Vec::new(),
            affiliations: BTreeSet::new(),
        };
        if self.claims {
            for (source, relation, target, evidence) in s.evidence_where("s.doc = ?1", &[&doc])? {
                rec.claims.push(Claim {
                    source,
                    relation,
                    target,
                    evidence,
                });
            }
            let e = |e| s.err(e);
            let mut st = s
                .conn
                .prepare_cached(
                    "SELECT m.id, b.id FROM affiliations a
                     JOIN entities m ON m.entity = a.member JOIN entities b ON b.entity = a.body
                     WHERE a.doc = ?1",
                )
                .map_err(e)?;
            let rows = st
                .query_map([doc], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(e)?;
            for r in rows {
                rec.affiliations.insert(r.map_err(e)?);
            }
        }
        Ok(rec)
    }
}

impl Iterator for Records<'_> {
    type Item = Result<DocRecord>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.buf.is_empty() && !self.done {
            if let Err(e) = self.fill() {
                self.done = true;
                return Some(Err(e));
            }
        }
        self.buf.pop_front().map(Ok)
    }
}

/// Graph nodes in id order, aggregated by the store, a page at a time.
struct Nodes<'a> {
    store: &'a Store,
    after: Option<String>,
    buf: VecDeque<Entity>,
    done: bool,
    /// Whether evidence carries its sentence.
    text: bool,
    /// How many evidence items to read (None: all).
    evidence: Option<usize>,
    /// Only these entities (rowids), when given.
    only: Option<std::collections::HashSet<i64>>,
}

impl<'a> Nodes<'a> {
    fn new(store: &'a Store) -> Self {
        Nodes {
            store,
            after: None,
            buf: VecDeque::new(),
            done: false,
            text: true,
            evidence: None,
            only: None,
        }
    }

    fn fill(&mut self) -> Result<()> {
        let s = self.store;
        let e = |e| s.err(e);
        let sql = if self.after.is_some() {
            "SELECT entity, id, name, kind, country, mentions FROM entities
             WHERE id > ?1 ORDER BY id LIMIT ?2"
        } else {
            "SELECT entity, id, name, kind, country, mentions FROM entities
             WHERE ?1 IS NULL ORDER BY id LIMIT ?2"
        };
        let mut st = s.conn.prepare_cached(sql).map_err(e)?;
        let rows: Vec<(i64, Entity)> = st
            .query_map(params![self.after, PAGE], |r| {
                Ok((
                    r.get(0)?,
                    Entity {
                        id: r.get(1)?,
                        name: r.get(2)?,
                        kind: kind_of(&r.get::<_, String>(3)?)?,
                        country: r.get(4)?,
                        aliases: BTreeSet::new(),
                        mentions: r.get::<_, i64>(5)? as usize,
                        statements: Vec::new(),
                    },
                ))
            })
            .map_err(e)?
            .collect::<rusqlite::Result<_>>()
            .map_err(e)?;
        if (rows.len() as i64) < PAGE {
            self.done = true;
        }
        let mut al = s
            .conn
            .prepare_cached("SELECT text FROM aliases WHERE entity = ?1")
            .map_err(e)?;
        for (rowid, mut ent) in rows {
            self.after = Some(ent.id.clone());
            if self.only.as_ref().is_some_and(|o| !o.contains(&rowid)) {
                continue;
            }
            let aliases = al
                .query_map([rowid], |r| r.get::<_, String>(0))
                .map_err(e)?;
            for a in aliases {
                ent.aliases.insert(a.map_err(e)?);
            }
            if self.evidence.is_some() {
                ent.statements = monadic_counts(s, rowid)?;
                self.buf.push_back(ent);
                continue;
            }
            let mut by_rel: BTreeMap<Relation, Vec<Evidence>> = BTreeMap::new();
            for (_, rel, _, ev) in
                s.evidence_rows("s.source = ?1 AND s.target IS NULL", &[&rowid], self.text)?
            {
                by_rel.entry(rel).or_default().push(ev);
            }
            ent.statements = by_rel
                .into_iter()
                .map(|(rel, ev)| monadic_of(rel, ev))
                .collect();
            self.buf.push_back(ent);
        }
        Ok(())
    }
}

impl Iterator for Nodes<'_> {
    type Item = Result<Entity>;

    fn next(&mut self) -> Option<Self::Item> {
        while self.buf.is_empty() && !self.done {
            if let Err(e) = self.fill() {
                self.done = true;
                return Some(Err(e));
            }
        }
        self.buf.pop_front().map(Ok)
    }
}

/// Graph edges in (source, target, key) order, a page of keys at a time, each with its evidence.
struct Edges<'a> {
    store: &'a Store,
    buf: VecDeque<(i64, i64, String, String, String)>,
    done: bool,
    /// Whether evidence carries its sentence.
    text: bool,
    /// How many evidence items to read (None: all).
    evidence: Option<usize>,
    /// Whether to read each edge's documents when not all evidence is read.
    documents: bool,
    /// Only edges among these entities (rowids), when given.
    only: Option<std::collections::HashSet<i64>>,
}

impl<'a> Edges<'a> {
    fn new(store: &'a Store) -> Self {
        Edges {
            store,
            buf: VecDeque::new(),
            done: false,
            text: true,
            evidence: None,
            documents: true,
            only: None,
        }
    }

    /// Reads every edge key at once, sorted: one sort of the distinct keys rather than one a
    /// page (the keys grow with the graph's edges, not with its statements).
    fn fill(&mut self) -> Result<()> {
        let s = self.store;
        let e = |e| s.err(e);
        self.done = true;
        let mut st = s
            .conn
            .prepare_cached(
                "SELECT k.s, k.t, src.id, tgt.id, k.key FROM (
                     SELECT DISTINCT source AS s, target AS t, relation AS key
                     FROM statements WHERE target IS NOT NULL
                     UNION
                     SELECT DISTINCT member, body, 'affiliation' FROM affiliations
                 ) k
                 JOIN entities src ON src.entity = k.s
                 JOIN entities tgt ON tgt.entity = k.t
                 ORDER BY src.id, tgt.id, k.key",
            )
            .map_err(e)?;
        let rows = st
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .map_err(e)?;
        for r in rows {
            let r: (i64, i64, String, String, String) = r.map_err(e)?;
            if self
                .only
                .as_ref()
                .is_none_or(|o| o.contains(&r.0) && o.contains(&r.1))
            {
                self.buf.push_back(r);
            }
        }
        Ok(())
    }

    fn link(
        &self,
        (s, t, source, target, key): (i64, i64, String, String, String),
    ) -> Result<Link> {
        let store = self.store;
        if key == AFFILIATION {
            let e = |e| store.err(e);
            let mut st = store
                .conn
                .prepare_cached(
                    "SELECT d.id FROM affiliations a JOIN documents d ON d.doc = a.doc
                     WHERE a.member = ?1 AND a.body = ?2",
                )
                .map_err(e)?;
            let docs = st
                .query_map([s, t], |r| r.get::<_, String>(0))
                .map_err(e)?
                .collect::<rusqlite::Result<BTreeSet<String>>>()
                .map_err(e)?;
            return Ok(affiliation_link(source, target, docs));
        }
        let relation = relation_of(&key).map_err(|e| store.err(e))?;
        if let Some(n) = self.evidence {
            let mut link = edge_aggregate(store, s, t, source, target, relation, self.documents)?;
            if n > 0 {
                link.evidence = store
                    .evidence_rows(
                        &format!(
                            "s.source = ?1 AND s.target = ?2 AND s.relation = ?3
                             ORDER BY d.id, s.sentence, s.span_start, s.span_end, s.cue,
                                 s.evidence, spk.id, s.topic, s.date, s.confidence,
                                 s.explicit, s.cameo, s.plover, s.weight
                             LIMIT {n}"
                        ),
                        &[&s, &t, &key],
                        self.text,
                    )?
                    .into_iter()
                    .map(|x| x.3)
                    .collect();
                link.evidence.sort_by(crate::graph::evidence_cmp);
            }
            return Ok(link);
        }
        let ev: Vec<Evidence> = store
            .evidence_rows(
                "s.source = ?1 AND s.target = ?2 AND s.relation = ?3",
                &[&s, &t, &key],
                self.text,
            )?
            .into_iter()
            .map(|x| x.3)
            .collect();
        Ok(statement_link(source, target, relation, ev))
    }
}

impl Iterator for Edges<'_> {
    type Item = Result<Link>;

    fn next(&mut self) -> Option<Self::Item> {
        while self.buf.is_empty() && !self.done {
            if let Err(e) = self.fill() {
                self.done = true;
                return Some(Err(e));
            }
        }
        let k = self.buf.pop_front()?;
        Some(self.link(k))
    }
}

/// An entity's statements with no target, counted per relation, without their evidence.
fn monadic_counts(store: &Store, entity: i64) -> Result<Vec<crate::graph::Monadic>> {
    let e = |e| store.err(e);
    let mut st = store
        .conn
        .prepare_cached(
            "SELECT relation, count(*) FROM statements WHERE source = ?1 AND target IS NULL
             GROUP BY relation",
        )
        .map_err(e)?;
    let rows = st
        .query_map([entity], |r| {
            Ok((relation_of(&r.get::<_, String>(0)?)?, r.get::<_, i64>(1)?))
        })
        .map_err(e)?;
    let mut out: Vec<crate::graph::Monadic> = Vec::new();
    for r in rows {
        let (relation, n) = r.map_err(e)?;
        out.push(crate::graph::Monadic {
            relation,
            family: relation.family(),
            count: n as usize,
            evidence: Vec::new(),
        });
    }
    out.sort_by_key(|m| m.relation);
    Ok(out)
}

/// A statement edge summed up in SQL: count, documents, dates and the most frequent coding
/// (ties to the smallest, as `statement_link` picks it), without evidence items.
fn edge_aggregate(
    store: &Store,
    s: i64,
    t: i64,
    source: String,
    target: String,
    relation: Relation,
    with_documents: bool,
) -> Result<Link> {
    let e = |e| store.err(e);
    let key = relation.as_str();
    let (count, first, last): (i64, Option<String>, Option<String>) = store
        .conn
        .prepare_cached(
            "SELECT count(*), min(date), max(date) FROM statements
             WHERE source = ?1 AND target = ?2 AND relation = ?3",
        )
        .map_err(e)?
        .query_row(params![s, t, key], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .map_err(e)?;
    let mut st = store
        .conn
        .prepare_cached(
            "SELECT DISTINCT d.id FROM statements s JOIN documents d ON d.doc = s.doc
             WHERE s.source = ?1 AND s.target = ?2 AND s.relation = ?3 ORDER BY d.id",
        )
        .map_err(e)?;
    let documents = if with_documents {
        st.query_map(params![s, t, key], |r| r.get::<_, String>(0))
            .map_err(e)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(e)?
    } else {
        Vec::new()
    };
    let mut st = store
        .conn
        .prepare_cached(
            "SELECT cameo, plover, weight, count(*) FROM statements
             WHERE source = ?1 AND target = ?2 AND relation = ?3 GROUP BY cameo, plover, weight",
        )
        .map_err(e)?;
    let mut best: Option<((String, String, u32), i64)> = None;
    let rows = st
        .query_map(params![s, t, key], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                (r.get::<_, f64>(2)? as f32).to_bits(),
                r.get::<_, i64>(3)?,
            ))
        })
        .map_err(e)?;
    for r in rows {
        let (c, p, w, n) = r.map_err(e)?;
        let k = (c, p, w);
        let better = match &best {
            None => true,
            Some((bk, bn)) => n > *bn || (n == *bn && k < *bk),
        };
        if better {
            best = Some((k, n));
        }
    }
    let ((cameo, plover, weight), _) = best.unwrap_or_default();
    Ok(Link {
        source,
        target,
        key: key.to_string(),
        relation: Some(relation),
        family: Some(relation.family()),
        count: count as usize,
        documents,
        first_date: first,
        last_date: last,
        cameo: Some(cameo),
        plover: Some(plover),
        weight: Some(f32::from_bits(weight)),
        evidence: Vec::new(),
    })
}
