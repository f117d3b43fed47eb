//! The graph file: node-link JSON that networkx and D3 read as is.

use super::{Claim, DipGraph, DocRecord, Entity, Link, Seen, AFFILIATION, SCHEMA, SCHEMA_VERSION};
use crate::model::{DocInfo, Relation};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a graph file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GraphFileError {
    /// The file does not exist (a build may start from an empty graph).
    #[error("no graph at {}", .0.display())]
    Missing(PathBuf),
    /// The file could not be read or written.
    #[error("cannot access graph file {path}: {err}", path = .0.display(), err = .1)]
    Io(PathBuf, std::io::Error),
    /// The file is not JSON.
    #[error("{path} is not a dipgraph graph file: not valid JSON ({msg})", path = .0.display(), msg = .1)]
    NotJson(PathBuf, String),
    /// The JSON has no `graph.schema` starting with "dipgraph/".
    #[error("{} is not a dipgraph graph file (no graph.schema \"dipgraph/N\")", .0.display())]
    Foreign(PathBuf),
    /// Written by a newer dipgraph with an incompatible schema.
    #[error("{path} uses schema {found}, newer than {SCHEMA} which this dipgraph reads; upgrade dipgraph", path = .0.display(), found = .1)]
    Newer(PathBuf, String),
    /// A dipgraph file whose content is inconsistent or damaged.
    #[error("{path} is a damaged dipgraph graph file: {msg}", path = .0.display(), msg = .1)]
    Invalid(PathBuf, String),
}

impl GraphFileError {
    /// Whether the error is only that the file does not exist.
    pub fn is_missing(&self) -> bool {
        matches!(self, GraphFileError::Missing(_))
    }
}

#[derive(Serialize, Deserialize)]
struct FileRepr<D = Vec<DocRepr>, N = Vec<Entity>, E = Vec<Link>> {
    directed: bool,
    multigraph: bool,
    graph: GraphAttrs<D>,
    nodes: N,
    edges: E,
}

#[derive(Serialize, Deserialize)]
struct GraphAttrs<D = Vec<DocRepr>> {
    schema: String,
    generator: String,
    documents: D,
}

/// A document as the graph file lists it: its record without claims and affiliations,
/// which the edges carry.
#[derive(Serialize, Deserialize)]
pub struct DocRepr {
    /// The document.
    #[serde(flatten)]
    pub info: DocInfo,
    /// What it says of each entity, sorted by id.
    pub entities: Vec<Seen>,
}

/// A sequence serialized from an iterator as it goes, so a graph file can be written
/// without holding it in memory; an item's error aborts the write.
struct Lazy<I>(RefCell<Option<I>>);

impl<I, T, Er> Serialize for Lazy<I>
where
    I: Iterator<Item = Result<T, Er>>,
    T: Serialize,
    Er: std::fmt::Display,
{
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let iter = self
            .0
            .borrow_mut()
            .take()
            .ok_or_else(|| S::Error::custom("sequence written twice"))?;
        let mut seq = s.serialize_seq(None)?;
        for item in iter {
            seq.serialize_element(&item.map_err(S::Error::custom)?)?;
        }
        seq.end()
    }
}

/// Writes a graph file from streams of documents (sorted by id), nodes (by id) and edges (by
/// source, target, key): the same bytes as `DipGraph::to_json` of the same graph.
pub fn write_node_link<W, D, N, E, Er>(w: W, documents: D, nodes: N, edges: E) -> Result<(), String>
where
    W: std::io::Write,
    D: Iterator<Item = Result<DocRepr, Er>>,
    N: Iterator<Item = Result<Entity, Er>>,
    E: Iterator<Item = Result<Link, Er>>,
    Er: std::fmt::Display,
{
    let repr = FileRepr {
        directed: true,
        multigraph: true,
        graph: GraphAttrs {
            schema: SCHEMA.to_string(),
            generator: format!("dipgraph {}", env!("CARGO_PKG_VERSION")),
            documents: Lazy(RefCell::new(Some(documents))),
        },
        nodes: Lazy(RefCell::new(Some(nodes))),
        edges: Lazy(RefCell::new(Some(edges))),
    };
    let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
    serde_json::to_writer_pretty(&mut w, &repr).map_err(|e| e.to_string())?;
    w.write_all(b"\n").map_err(|e| e.to_string())?;
    w.flush().map_err(|e| e.to_string())
}

/// Single-line version of a message, so errors stay one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl DipGraph {
    /// The graph file text: deterministic pretty JSON ending with a newline.
    pub fn to_json(&self) -> String {
        let docs = self.docs.values().map(|d| {
            Ok::<_, String>(DocRepr {
                info: d.info.clone(),
                entities: d.entities.values().cloned().collect(),
            })
        });
        let nodes = self.nodes().cloned().map(Ok::<_, String>);
        let edges = self.edges().cloned().map(Ok::<_, String>);
        let mut out = Vec::new();
        // Writing plain structs of strings and numbers to memory cannot fail.
        let _ = write_node_link(&mut out, docs, nodes, edges);
        String::from_utf8(out).unwrap_or_default()
    }

    /// Parses graph file text; `path` only names the file in error messages.
    pub fn from_json(text: &str, path: &Path) -> Result<DipGraph, GraphFileError> {
        let p = || path.to_path_buf();
        let value: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| GraphFileError::NotJson(p(), one_line(&e.to_string())))?;
        let schema = value
            .get("graph")
            .and_then(|g| g.get("schema"))
            .and_then(|s| s.as_str())
            .ok_or_else(|| GraphFileError::Foreign(p()))?;
        let version = schema
            .strip_prefix("dipgraph/")
            .ok_or_else(|| GraphFileError::Foreign(p()))?;
        match version.parse::<u32>() {
            Ok(SCHEMA_VERSION) => {}
            Ok(v) if v > SCHEMA_VERSION => {
                return Err(GraphFileError::Newer(p(), schema.to_string()))
            }
            _ => {
                return Err(GraphFileError::Invalid(
                    p(),
                    format!("unknown schema '{}'", one_line(schema)),
                ))
            }
        }
        let repr: FileRepr = serde_json::from_value(value)
            .map_err(|e| GraphFileError::Invalid(p(), one_line(&e.to_string())))?;
        let bad = |m: String| GraphFileError::Invalid(p(), one_line(&m));
        let mut docs: BTreeMap<String, DocRecord> = BTreeMap::new();
        for d in repr.graph.documents {
            let id = d.info.id.clone();
            let rec = DocRecord {
                info: d.info,
                entities: d.entities.into_iter().map(|s| (s.id.clone(), s)).collect(),
                claims: Vec::new(),
                affiliations: BTreeSet::new(),
            };
            if docs.insert(id.clone(), rec).is_some() {
                return Err(bad(format!("document '{id}' is listed twice")));
            }
        }
        for e in repr.edges {
            if e.key == AFFILIATION {
                for d in &e.documents {
                    let rec = docs.get_mut(d).ok_or_else(|| {
                        bad(format!("affiliation edge cites unknown document '{d}'"))
                    })?;
                    rec.affiliations
                        .insert((e.source.clone(), e.target.clone()));
                }
                continue;
            }
            let relation: Relation = e
                .key
                .parse()
                .map_err(|m: String| bad(format!("edge {} -> {}: {m}", e.source, e.target)))?;
            for ev in e.evidence {
                let rec = docs
                    .get_mut(&ev.doc)
                    .ok_or_else(|| bad(format!("evidence cites unknown document '{}'", ev.doc)))?;
                rec.claims.push(Claim {
                    source: e.source.clone(),
                    relation,
                    target: Some(e.target.clone()),
                    evidence: ev,
                });
            }
        }
        for n in repr.nodes {
            for m in n.statements {
                for ev in m.evidence {
                    let rec = docs.get_mut(&ev.doc).ok_or_else(|| {
                        bad(format!("evidence cites unknown document '{}'", ev.doc))
                    })?;
                    rec.claims.push(Claim {
                        source: n.id.clone(),
                        relation: m.relation,
                        target: None,
                        evidence: ev,
                    });
                }
            }
        }
        for rec in docs.values() {
            if let Some(id) = rec.dangling() {
                return Err(bad(format!(
                    "document '{}' has a statement or affiliation of entity '{id}' that it does not list",
                    rec.info.id
                )));
            }
        }
        Ok(DipGraph {
            docs,
            derived: Default::default(),
        })
    }

    /// Reads a graph file; a missing file is `GraphFileError::Missing`, foreign or newer files are refused.
    pub fn load(path: impl AsRef<Path>) -> Result<DipGraph, GraphFileError> {
        let path = path.as_ref();
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(GraphFileError::Missing(path.to_path_buf()))
            }
            Err(e) => return Err(GraphFileError::Io(path.to_path_buf(), e)),
        };
        let text = String::from_utf8(bytes)
            .map_err(|_| GraphFileError::NotJson(path.to_path_buf(), "not UTF-8 text".into()))?;
        DipGraph::from_json(&text, path)
    }

    /// Writes the graph file atomically.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), GraphFileError> {
        let path = path.as_ref();
        crate::util::write_atomic(path, self.to_json().as_bytes())
            .map_err(|e| GraphFileError::Io(path.to_path_buf(), e))
    }
}

/// Whether a graph file may be overwritten: Ok when it does not exist or is a dipgraph graph
/// file of this version or older; a foreign or newer file is refused, so that a build never
/// destroys what it did not write. Only the start of the file is read.
pub fn check_overwrite(path: &Path) -> Result<(), GraphFileError> {
    use std::io::Read;
    let p = || path.to_path_buf();
    let mut f = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(GraphFileError::Io(p(), e)),
    };
    let mut head = Vec::with_capacity(4096);
    Read::by_ref(&mut f)
        .take(4096)
        .read_to_end(&mut head)
        .map_err(|e| GraphFileError::Io(p(), e))?;
    let head = String::from_utf8_lossy(&head);
    // Our files put "graph": {"schema": ...} before the (long) document list.
    let Some(at) = head.find("\"schema\": \"dipgraph/") else {
        return Err(GraphFileError::Foreign(p()));
    };
    let rest = &head[at + "\"schema\": \"dipgraph/".len()..];
    let version: String = rest.chars().take_while(char::is_ascii_digit).collect();
    match version.parse::<u32>() {
        Ok(v) if v <= SCHEMA_VERSION => Ok(()),
        Ok(_) => Err(GraphFileError::Newer(p(), format!("dipgraph/{version}"))),
        Err(_) => Err(GraphFileError::Foreign(p())),
    }
}
