//! Query: who said what about whom, with the sentences that show it.
//!
//! [`Query`] is the one definition of what a filter means, for `query` and for every export.
//! It runs on a store (SQL narrows the statements by actor and relation through the indexes)
//! or on a graph in memory; both go through the same matching and aggregation code below.

use crate::graph::{evidence_cmp, DipGraph, Evidence};
use crate::model::{Actor, ActorKind, Family, Relation};
use crate::store::{Store, StoreError};
use serde::Serialize;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A query over statement edges; empty filters match everything.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// Source actor: id, code, name, alias, country, or anything `resolve` knows.
    pub source: Option<String>,
    /// Target actor, matched like `source`.
    pub target: Option<String>,
    /// Relations to keep (union with `families`).
    pub relations: Vec<Relation>,
    /// Families to keep (union with `relations`).
    pub families: Vec<Family>,
    /// Earliest evidence date, inclusive (YYYY-MM-DD or a prefix: YYYY, YYYY-MM).
    pub since: Option<String>,
    /// Latest evidence date, inclusive (YYYY-MM-DD or a prefix).
    pub until: Option<String>,
    /// Minimum evidence count of a row.
    pub min_count: usize,
    /// Collapse actors to their country (actors without one stay as they are).
    pub by_country: bool,
    /// Keep only statements between different states: drops those whose two actors belong to
    /// the same state (a senator against the president); actors of no state (the UN, NATO)
    /// count as a side of their own.
    pub between_states: bool,
    /// Keep only the N actors with the most edges (after the other filters) and the edges
    /// among them, for diagrams of large graphs.
    pub top: Option<usize>,
    /// Keep only the first N rows (rows come sorted by count).
    pub limit: Option<usize>,
}

/// One answer: a source, relation and target with the evidence in range.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// Source entity id (country code with `by_country`).
    pub source: String,
    /// Its display name.
    pub source_name: String,
    /// The relation.
    pub relation: Relation,
    /// Target entity id.
    pub target: String,
    /// Its display name.
    pub target_name: String,
    /// Number of evidence items in range.
    pub count: usize,
    /// Distinct documents of that evidence (a headline and its body are one document).
    pub documents: Vec<String>,
    /// Earliest evidence date.
    pub first_date: Option<String>,
    /// Latest evidence date.
    pub last_date: Option<String>,
    /// The evidence, sorted by (doc, sentence, span).
    pub evidence: Vec<Evidence>,
}

/// Why a query has no answer to give.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// An actor filter that designates no entity.
    #[error("no actor matches '{0}'")]
    NoActor(String),
    /// A date that is not a date.
    #[error("invalid date '{0}': use YYYY-MM-DD, YYYY-MM or YYYY")]
    BadDate(String),
    /// A date range with no statement in it.
    #[error("no statement is dated {range}{known}")]
    NoDate {
        /// The range asked for.
        range: String,
        /// The range the statements cover.
        known: String,
    },
    /// A relation or family of which there is no statement.
    #[error("no '{0}' statement in the graph")]
    NoRelation(String),
    /// The store could not answer.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What queries need to know about an entity.
#[derive(Debug, Clone)]
struct Info {
    name: String,
    kind: ActorKind,
    country: Option<String>,
}

/// The relations a source holds statements of, and the earliest and latest statement dates.
type Coverage = (BTreeSet<Relation>, Option<(String, String)>);

/// A targeted statement (source id, relation, target id, evidence), or a whole edge of a
/// graph read without evidence.
type Stated = (String, Relation, String, Piece);

/// What a source gives for a (source, relation, target): one evidence item, or the aggregate
/// of the statements of an edge read without their evidence (see `ViewSpec::evidence`).
enum Piece {
    One(Evidence),
    Edge {
        count: usize,
        documents: Vec<String>,
        first: Option<String>,
        last: Option<String>,
    },
}

/// A row being summed up.
#[derive(Default)]
struct Acc {
    evidence: Vec<Evidence>,
    count: usize,
    documents: BTreeSet<String>,
    first: Option<String>,
    last: Option<String>,
}

impl Acc {
    fn date(&mut self, d: &Option<String>) {
        if let Some(d) = d {
            if self.first.as_ref().is_none_or(|f| d < f) {
                self.first = Some(d.clone());
            }
            if self.last.as_ref().is_none_or(|l| d > l) {
                self.last = Some(d.clone());
            }
        }
    }

    fn add(&mut self, p: Piece) {
        match p {
            Piece::One(ev) => {
                self.count += 1;
                self.date(&ev.date);
                if !self.documents.contains(&ev.doc) {
                    self.documents.insert(ev.doc.clone());
                }
                // Most rows of a large graph read with one sentence per edge hold one item:
                // a first push would reserve room for four.
                if self.evidence.capacity() == 0 {
                    self.evidence.reserve_exact(1);
                }
                self.evidence.push(ev);
            }
            Piece::Edge {
                count,
                documents,
                first,
                last,
            } => {
                self.count += count;
                self.date(&first);
                self.date(&last);
                self.documents.extend(documents);
            }
        }
    }
}

/// Where statements come from: a store or a graph in memory.
trait Source {
    /// Entities whose id, name or an alias is `needle` (case-insensitive), with their kind.
    fn direct(&self, needle: &str) -> Result<Vec<(String, ActorKind)>, StoreError>;
    /// Entities that belong to one of these countries (compared case-insensitively).
    fn in_countries(&self, countries: &BTreeSet<String>) -> Result<Vec<String>, StoreError>;
    /// Name, kind and country of an entity.
    fn info(&self, id: &str) -> Result<Option<Info>, StoreError>;
    /// Hands `each` the targeted statements, narrowed by actor ids and relations when given
    /// (one at a time, so that nothing but the answer is held); without `evidence` a source
    /// may hand whole edges instead.
    fn statements(
        &self,
        sources: Option<&BTreeSet<String>>,
        targets: Option<&BTreeSet<String>>,
        relations: &[Relation],
        evidence: bool,
        each: &mut dyn FnMut(Stated) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;
    /// Relations present, and the earliest and latest dates of statements (targeted or not).
    fn coverage(&self) -> Result<Coverage, StoreError>;
    /// Whether any statement is dated within the range.
    fn any_in_range(&self, since: Option<&str>, until: Option<&str>) -> Result<bool, StoreError>;
}

/// Lowercase for case-insensitive comparison (the store keeps the same form of ids, names, aliases).
fn fold(s: &str) -> String {
    s.trim().to_lowercase()
}

/// Ids of the entities an actor filter designates: those named so (id, name or alias), the
/// entity the gazetteer resolves it to, and the members of a country it names.
fn matching(
    src: &dyn Source,
    needle: &str,
    resolve: &dyn Fn(&str) -> Option<Actor>,
) -> Result<BTreeSet<String>, StoreError> {
    let n = needle.trim();
    let direct = src.direct(n)?;
    let resolved = resolve(n);
    let mut countries: BTreeSet<String> = direct
        .iter()
        .filter(|(_, k)| *k == ActorKind::Country)
        .map(|(id, _)| id.clone())
        .collect();
    if let Some(a) = resolved.as_ref().filter(|a| a.kind == ActorKind::Country) {
        countries.insert(a.id.clone());
    }
    countries.insert(n.to_string());
    let mut ids: BTreeSet<String> = direct.into_iter().map(|(id, _)| id).collect();
    if let Some(a) = resolved {
        if src.info(&a.id)?.is_some() {
            ids.insert(a.id);
        }
    }
    ids.extend(src.in_countries(&countries)?);
    Ok(ids)
}

/// Whether a date is within [since, until], comparing on the shorter length so that "2024"
/// or "2024-03" bound whole years or months.
fn in_range(date: Option<&str>, since: Option<&str>, until: Option<&str>) -> bool {
    if since.is_none() && until.is_none() {
        return true;
    }
    let Some(d) = date else { return false };
    let cmp = |bound: &str| {
        let k = d.len().min(bound.len());
        d.as_bytes()[..k].cmp(&bound.as_bytes()[..k])
    };
    since.is_none_or(|s| cmp(s).is_ge()) && until.is_none_or(|u| cmp(u).is_le())
}

/// Whether a date filter is a date or a prefix of one (YYYY, YYYY-MM, YYYY-MM-DD).
fn valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// Entity facts looked up once per run.
struct Infos<'a> {
    src: &'a dyn Source,
    cache: RefCell<HashMap<String, Option<Info>>>,
}

impl Infos<'_> {
    fn get(&self, id: &str) -> Result<Option<Info>, StoreError> {
        if let Some(i) = self.cache.borrow().get(id) {
            return Ok(i.clone());
        }
        let i = self.src.info(id)?;
        self.cache.borrow_mut().insert(id.to_string(), i.clone());
        Ok(i)
    }

    /// The state an entity belongs to: its country, or itself when it is one.
    fn state(&self, id: &str) -> Result<Option<String>, StoreError> {
        Ok(self.get(id)?.and_then(|i| match i.kind {
            ActorKind::Country => Some(i.country.unwrap_or_else(|| id.to_string())),
            _ => i.country,
        }))
    }

    /// The id an entity shows as: its country when collapsing by country.
    fn shown(&self, id: &str, by_country: bool) -> Result<String, StoreError> {
        if by_country {
            if let Some(c) = self.get(id)?.and_then(|i| i.country) {
                return Ok(c);
            }
        }
        Ok(id.to_string())
    }

    fn name(&self, id: &str) -> Result<String, StoreError> {
        Ok(self.get(id)?.map_or_else(|| id.to_string(), |i| i.name))
    }
}

/// Checks the filters against what the source holds: an actor, date or relation that matches
/// nothing is an error, not an empty answer.
fn check(
    src: &dyn Source,
    q: &Query,
    sources: Option<&BTreeSet<String>>,
    targets: Option<&BTreeSet<String>>,
) -> Result<(), QueryError> {
    for (needle, ids) in [(&q.source, sources), (&q.target, targets)] {
        if let (Some(n), Some(ids)) = (needle, ids) {
            if ids.is_empty() {
                return Err(QueryError::NoActor(n.trim().to_string()));
            }
        }
    }
    for d in [&q.since, &q.until].into_iter().flatten() {
        if !valid_date(d) {
            return Err(QueryError::BadDate(d.clone()));
        }
    }
    let (present, dates) = src.coverage()?;
    for r in &q.relations {
        if !present.contains(r) {
            return Err(QueryError::NoRelation(r.as_str().into()));
        }
    }
    for f in &q.families {
        if !f.relations().any(|r| present.contains(&r)) {
            return Err(QueryError::NoRelation(f.as_str().into()));
        }
    }
    if (q.since.is_some() || q.until.is_some())
        && !src.any_in_range(q.since.as_deref(), q.until.as_deref())?
    {
        let range = match (&q.since, &q.until) {
            (Some(s), Some(u)) => format!("from {s} to {u}"),
            (Some(s), None) => format!("on or after {s}"),
            (None, Some(u)) => format!("on or before {u}"),
            (None, None) => String::new(),
        };
        let known = match dates {
            Some((a, b)) => format!(" (statements run from {a} to {b})"),
            None => " (no statement has a date)".into(),
        };
        return Err(QueryError::NoDate { range, known });
    }
    Ok(())
}

/// Runs a query on any source; see [`Query`] for what each filter does.
fn execute(
    src: &dyn Source,
    q: &Query,
    resolve: &dyn Fn(&str) -> Option<Actor>,
    strict: bool,
    evidence: bool,
) -> Result<Vec<Row>, QueryError> {
    let sources = q
        .source
        .as_deref()
        .map(|s| matching(src, s, resolve))
        .transpose()?;
    let targets = q
        .target
        .as_deref()
        .map(|s| matching(src, s, resolve))
        .transpose()?;
    if strict {
        check(src, q, sources.as_ref(), targets.as_ref())?;
    }
    let mut wanted: Vec<Relation> = q.relations.clone();
    for f in &q.families {
        wanted.extend(f.relations());
    }
    wanted.sort();
    wanted.dedup();
    let infos = Infos {
        src,
        cache: RefCell::new(HashMap::new()),
    };
    let mut acc: BTreeMap<(String, Relation, String), Acc> = BTreeMap::new();
    let (since, until) = (q.since.as_deref(), q.until.as_deref());
    let mut each = |(s, rel, t, piece): Stated| -> Result<(), StoreError> {
        if !wanted.is_empty() && !wanted.contains(&rel) {
            return Ok(());
        }
        if sources.as_ref().is_some_and(|ids| !ids.contains(&s))
            || targets.as_ref().is_some_and(|ids| !ids.contains(&t))
        {
            return Ok(());
        }
        let dated = match &piece {
            Piece::One(ev) => in_range(ev.date.as_deref(), since, until),
            // An edge without its evidence counts when all of it is in range.
            Piece::Edge { first, last, .. } => {
                in_range(first.as_deref(), since, until) && in_range(last.as_deref(), since, until)
            }
        };
        if !dated {
            return Ok(());
        }
        if q.between_states {
            if let (Some(a), Some(b)) = (infos.state(&s)?, infos.state(&t)?) {
                if a == b {
                    return Ok(());
                }
            }
        }
        let key = (
            infos.shown(&s, q.by_country)?,
            rel,
            infos.shown(&t, q.by_country)?,
        );
        acc.entry(key).or_default().add(piece);
        Ok(())
    };
    // Dates filter sentence by sentence, so they need the evidence.
    let evidence = evidence || q.since.is_some() || q.until.is_some();
    src.statements(
        sources.as_ref(),
        targets.as_ref(),
        &wanted,
        evidence,
        &mut each,
    )?;
    let mut rows = Vec::with_capacity(acc.len());
    for ((source, relation, target), a) in acc {
        if a.count < q.min_count.max(1) {
            continue;
        }
        let mut evidence = a.evidence;
        evidence.sort_by(evidence_cmp);
        rows.push(Row {
            source_name: infos.name(&source)?,
            target_name: infos.name(&target)?,
            source,
            relation,
            target,
            count: a.count,
            documents: a.documents.into_iter().collect(),
            first_date: a.first,
            last_date: a.last,
            evidence,
        });
    }
    if let Some(n) = q.top {
        rows = top_actors(rows, n);
    }
    rows.sort_by(|a, b| {
        b.count.cmp(&a.count).then_with(|| {
            (
                &a.source_name,
                a.relation,
                &a.target_name,
                &a.source,
                &a.target,
            )
                .cmp(&(
                    &b.source_name,
                    b.relation,
                    &b.target_name,
                    &b.source,
                    &b.target,
                ))
        })
    });
    if let Some(n) = q.limit {
        rows.truncate(n);
    }
    Ok(rows)
}

/// The rows among the `n` actors with most rows (ties by id).
fn top_actors(rows: Vec<Row>, n: usize) -> Vec<Row> {
    let mut degree: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &rows {
        *degree.entry(&r.source).or_default() += 1;
        if r.target != r.source {
            *degree.entry(&r.target).or_default() += 1;
        }
    }
    let mut ranked: Vec<(&str, usize)> = degree.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let keep: BTreeSet<String> = ranked
        .iter()
        .take(n)
        .map(|(id, _)| id.to_string())
        .collect();
    rows.into_iter()
        .filter(|r| keep.contains(&r.source) && keep.contains(&r.target))
        .collect()
}

/// Runs a query on a graph in memory; rows come sorted by count (descending), then names.
/// Filters that match nothing give no rows (see [`try_run`] for the strict form).
pub fn run(graph: &DipGraph, q: &Query, resolve: &dyn Fn(&str) -> Option<Actor>) -> Vec<Row> {
    execute(graph, q, resolve, false, true).unwrap_or_default()
}

/// Runs a query on a graph in memory; an actor, date or relation that matches nothing is an error.
pub fn try_run(
    graph: &DipGraph,
    q: &Query,
    resolve: &dyn Fn(&str) -> Option<Actor>,
) -> Result<Vec<Row>, QueryError> {
    execute(graph, q, resolve, true, true)
}

/// Runs a query on a store from its indexes; an actor, date or relation that matches nothing
/// is an error.
pub fn run_store(
    store: &Store,
    q: &Query,
    resolve: &dyn Fn(&str) -> Option<Actor>,
) -> Result<Vec<Row>, QueryError> {
    execute(store, q, resolve, true, true)
}

/// Like [`run_store`], with rows that carry no evidence (count, documents and dates come from
/// SQL sums, no sentence is read): what tables without `--evidence` need, fast on any store.
pub fn run_store_summary(
    store: &Store,
    q: &Query,
    resolve: &dyn Fn(&str) -> Option<Actor>,
) -> Result<Vec<Row>, QueryError> {
    execute(store, q, resolve, true, false)
}

impl Source for DipGraph {
    fn direct(&self, needle: &str) -> Result<Vec<(String, ActorKind)>, StoreError> {
        let n = fold(needle);
        let eq = |s: &str| s.to_lowercase() == n;
        Ok(self
            .nodes()
            .filter(|e| eq(&e.id) || eq(&e.name) || e.aliases.iter().any(|a| eq(a)))
            .map(|e| (e.id.clone(), e.kind))
            .collect())
    }

    fn in_countries(&self, countries: &BTreeSet<String>) -> Result<Vec<String>, StoreError> {
        Ok(self
            .nodes()
            .filter(|e| {
                e.country
                    .as_deref()
                    .is_some_and(|c| countries.iter().any(|k| k.eq_ignore_ascii_case(c)))
            })
            .map(|e| e.id.clone())
            .collect())
    }

    fn info(&self, id: &str) -> Result<Option<Info>, StoreError> {
        Ok(self.node(id).map(|e| Info {
            name: e.name.clone(),
            kind: e.kind,
            country: e.country.clone(),
        }))
    }

    fn statements(
        &self,
        sources: Option<&BTreeSet<String>>,
        targets: Option<&BTreeSet<String>>,
        relations: &[Relation],
        _evidence: bool,
        each: &mut dyn FnMut(Stated) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        for e in self.edges() {
            let Some(rel) = e.relation else { continue };
            if (!relations.is_empty() && !relations.contains(&rel))
                || sources.is_some_and(|s| !s.contains(&e.source))
                || targets.is_some_and(|t| !t.contains(&e.target))
            {
                continue;
            }
            // An edge read with only its first sentences (or none) counts the rest whole.
            if e.evidence.len() < e.count {
                each((
                    e.source.clone(),
                    rel,
                    e.target.clone(),
                    Piece::Edge {
                        count: e.count - e.evidence.len(),
                        documents: e.documents.clone(),
                        first: e.first_date.clone(),
                        last: e.last_date.clone(),
                    },
                ))?;
            }
            for ev in &e.evidence {
                each((
                    e.source.clone(),
                    rel,
                    e.target.clone(),
                    Piece::One(ev.clone()),
                ))?;
            }
        }
        Ok(())
    }

    fn coverage(&self) -> Result<Coverage, StoreError> {
        let mut rels = BTreeSet::new();
        let mut dates: Option<(String, String)> = None;
        let mut see = |rel: Relation, ev: &[Evidence]| {
            rels.insert(rel);
            for d in ev.iter().filter_map(|e| e.date.as_ref()) {
                dates = Some(match dates.take() {
                    None => (d.clone(), d.clone()),
                    Some((a, b)) => (a.min(d.clone()), b.max(d.clone())),
                });
            }
        };
        for e in self.edges() {
            if let Some(r) = e.relation {
                see(r, &e.evidence);
            }
        }
        for n in self.nodes() {
            for m in &n.statements {
                see(m.relation, &m.evidence);
            }
        }
        Ok((rels, dates))
    }

    fn any_in_range(&self, since: Option<&str>, until: Option<&str>) -> Result<bool, StoreError> {
        let edges = self.edges().flat_map(|e| e.evidence.iter());
        let monadic = self
            .nodes()
            .flat_map(|n| n.statements.iter().flat_map(|m| m.evidence.iter()));
        Ok(edges
            .chain(monadic)
            .any(|e| e.date.is_some() && in_range(e.date.as_deref(), since, until)))
    }
}

impl Source for Store {
    fn direct(&self, needle: &str) -> Result<Vec<(String, ActorKind)>, StoreError> {
        let n = fold(needle);
        let c = self.connection();
        let e = |e| self.err(e);
        let mut st = c
            .prepare_cached(
                "SELECT id, kind FROM entities WHERE id_lc = ?1 OR name_lc = ?1
                 UNION
                 SELECT e.id, e.kind FROM aliases a JOIN entities e ON e.entity = a.entity
                 WHERE a.text_lc = ?1",
            )
            .map_err(e)?;
        let rows = st
            .query_map([&n], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })
            .map_err(e)?;
        let mut out = Vec::new();
        for r in rows {
            let (id, kind) = r.map_err(e)?;
            out.push((id, kind.parse().unwrap_or(ActorKind::Organization)));
        }
        Ok(out)
    }

    fn in_countries(&self, countries: &BTreeSet<String>) -> Result<Vec<String>, StoreError> {
        let e = |e| self.err(e);
        let mut st = self
            .connection()
            .prepare_cached("SELECT id FROM entities WHERE country = ?1 COLLATE NOCASE")
            .map_err(e)?;
        let mut out = Vec::new();
        for c in countries {
            let rows = st.query_map([c], |r| r.get::<_, String>(0)).map_err(e)?;
            for r in rows {
                out.push(r.map_err(e)?);
            }
        }
        Ok(out)
    }

    fn info(&self, id: &str) -> Result<Option<Info>, StoreError> {
        use rusqlite::OptionalExtension;
        let e = |e| self.err(e);
        self.connection()
            .prepare_cached("SELECT name, kind, country FROM entities WHERE id = ?1")
            .map_err(e)?
            .query_row([id], |r| {
                Ok(Info {
                    name: r.get(0)?,
                    kind: r
                        .get::<_, String>(1)?
                        .parse()
                        .unwrap_or(ActorKind::Organization),
                    country: r.get(2)?,
                })
            })
            .optional()
            .map_err(e)
    }

    fn statements(
        &self,
        sources: Option<&BTreeSet<String>>,
        targets: Option<&BTreeSet<String>>,
        relations: &[Relation],
        evidence: bool,
        each: &mut dyn FnMut(Stated) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let json = |ids: &BTreeSet<String>| serde_json::to_string(ids).unwrap_or_default();
        let (s, t) = (sources.map(json), targets.map(json));
        let rels = serde_json::to_string(&relations.iter().map(|r| r.as_str()).collect::<Vec<_>>())
            .unwrap_or_default();
        let mut cond = String::from("s.target IS NOT NULL");
        let mut args: Vec<&dyn rusqlite::ToSql> = Vec::new();
        let ids = "IN (SELECT entity FROM entities WHERE id IN (SELECT value FROM json_each(?";
        if let Some(s) = &s {
            args.push(s);
            cond.push_str(&format!(" AND s.source {ids}{})))", args.len()));
        }
        if let Some(t) = &t {
            args.push(t);
            cond.push_str(&format!(" AND s.target {ids}{})))", args.len()));
        }
        if !relations.is_empty() {
            args.push(&rels);
            cond.push_str(&format!(
                " AND s.relation IN (SELECT value FROM json_each(?{}))",
                args.len()
            ));
        }
        if !evidence {
            // Whole edges, summed up by SQL: no sentence is read.
            for (s, r, t, count, documents, first, last) in self.edge_sums(&cond, &args)? {
                let piece = Piece::Edge {
                    count,
                    documents,
                    first,
                    last,
                };
                each((s, r, t, piece))?;
            }
            return Ok(());
        }
        for (s, r, t, ev) in self.evidence_where(&cond, &args)? {
            if let Some(t) = t {
                each((s, r, t, Piece::One(ev)))?;
            }
        }
        Ok(())
    }

    fn coverage(&self) -> Result<Coverage, StoreError> {
        let e = |e| self.err(e);
        let c = self.connection();
        let mut st = c
            .prepare_cached("SELECT DISTINCT relation FROM statements")
            .map_err(e)?;
        let rels = st
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(e)?
            .filter_map(|r| r.ok().and_then(|s| s.parse().ok()))
            .collect();
        let dates: (Option<String>, Option<String>) = c
            .query_row("SELECT min(date), max(date) FROM statements", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .map_err(e)?;
        Ok((rels, dates.0.zip(dates.1)))
    }

    fn any_in_range(&self, since: Option<&str>, until: Option<&str>) -> Result<bool, StoreError> {
        let e = |e| self.err(e);
        // The same prefix comparison as `in_range`, in SQL.
        let n: i64 = self
            .connection()
            .query_row(
                "SELECT count(*) FROM statements WHERE date IS NOT NULL
                 AND (?1 IS NULL OR substr(date, 1, min(length(date), length(?1)))
                                 >= substr(?1, 1, min(length(date), length(?1))))
                 AND (?2 IS NULL OR substr(date, 1, min(length(date), length(?2)))
                                 <= substr(?2, 1, min(length(date), length(?2))))
                 LIMIT 1",
                [since, until],
                |r| r.get(0),
            )
            .map_err(e)?;
        Ok(n > 0)
    }
}

/// Parses relation or family names; the error lists the valid names.
pub fn parse_relations(names: &[String]) -> Result<(Vec<Relation>, Vec<Family>), String> {
    let mut rels = Vec::new();
    let mut fams = Vec::new();
    for n in names {
        for part in n.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            if let Ok(r) = part.parse::<Relation>() {
                rels.push(r);
            } else if let Ok(f) = part.parse::<Family>() {
                fams.push(f);
            } else {
                let valid: Vec<&str> = Relation::ALL.iter().map(|r| r.as_str()).collect();
                let fam: Vec<&str> = Family::ALL.iter().map(|f| f.as_str()).collect();
                return Err(format!(
                    "unknown relation '{part}'; valid relations: {}; families: {}",
                    valid.join(", "),
                    fam.join(", ")
                ));
            }
        }
    }
    Ok((rels, fams))
}

#[cfg(test)]
mod tests;
