//! Adding and removing documents: the per-document rows and the aggregates they feed.

use super::{Result, Store, StoreError};
use crate::graph::{DocRecord, Seen};
use rusqlite::{params, OptionalExtension, Transaction};
use std::collections::BTreeSet;

/// What adding a document did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The document was new.
    Added,
    /// The same document (id and hash) was already stored; nothing changed.
    Unchanged,
    /// A document with this id and another hash was replaced.
    Replaced {
        /// Hash of the version that was dropped.
        previous_hash: String,
    },
    /// A document with this id and another hash is stored and was kept.
    Kept {
        /// Hash of the stored version.
        stored_hash: String,
    },
}

/// What to do when a document arrives whose id is stored with another hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnChange {
    /// Keep the stored version (a build without `--replace`).
    Keep,
    /// Replace it (a build with `--replace`).
    Replace,
    /// Keep the later of the two by (date, hash), whatever the order they come in (merges).
    Later,
}

/// One entity of a document, as the `documents.entities` column keeps it:
/// (entity rowid, variant rowid, mentions, alias rowids).
pub(crate) type EntityRef = (i64, i64, u64, Vec<i64>);

impl Store {
    /// Adds documents in one transaction: all of them are in the store afterwards, or none.
    pub fn add_batch(
        &mut self,
        recs: impl IntoIterator<Item = DocRecord>,
        on_change: OnChange,
    ) -> Result<Vec<Outcome>> {
        let path = self.path.clone();
        let sql = |e| super::sql_error(&path, e);
        let map = |e| match e {
            AddError::Sql(e) => sql(e),
            AddError::Invalid(m) => StoreError::Invalid(m),
        };
        let recs: Vec<DocRecord> = recs.into_iter().collect();
        let tx = self.conn.transaction().map_err(sql)?;
        let out = match add_new(&tx, &recs).map_err(map)? {
            Some(out) => out,
            // Some documents are stored already, or come twice: one at a time.
            None => {
                let mut out = Vec::with_capacity(recs.len());
                for rec in recs {
                    out.push(add_one(&tx, rec, on_change).map_err(map)?);
                }
                out
            }
        };
        tx.commit().map_err(sql)?;
        Ok(out)
    }

    /// Adds one document in its own transaction.
    pub fn add(&mut self, rec: DocRecord, on_change: OnChange) -> Result<Outcome> {
        let mut v = self.add_batch([rec], on_change)?;
        Ok(v.pop().unwrap_or(Outcome::Unchanged))
    }

    /// Removes a document and everything it contributed; false when there was none.
    pub fn remove(&mut self, id: &str) -> Result<bool> {
        let path = self.path.clone();
        let sql = |e| super::sql_error(&path, e);
        let tx = self.conn.transaction().map_err(sql)?;
        let doc: Option<i64> = tx
            .query_row("SELECT doc FROM documents WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(sql)?;
        if let Some(doc) = doc {
            remove_doc(&tx, doc).map_err(|e| match e {
                AddError::Sql(e) => sql(e),
                AddError::Invalid(m) => StoreError::Invalid(m),
            })?;
        }
        tx.commit().map_err(sql)?;
        Ok(doc.is_some())
    }
}

/// Errors inside a transaction, mapped to `StoreError` by the caller.
enum AddError {
    Sql(rusqlite::Error),
    Invalid(String),
}

impl From<rusqlite::Error> for AddError {
    fn from(e: rusqlite::Error) -> Self {
        AddError::Sql(e)
    }
}

fn add_one(
    tx: &Transaction<'_>,
    rec: DocRecord,
    on_change: OnChange,
) -> std::result::Result<Outcome, AddError> {
    if let Some(id) = rec.dangling() {
        return Err(AddError::Invalid(format!(
            "document '{}' has a statement or affiliation of entity '{id}' that it does not list",
            rec.info.id
        )));
    }
    let stored: Option<(i64, String, Option<String>)> = tx
        .prepare_cached("SELECT doc, hash, date FROM documents WHERE id = ?1")?
        .query_row([&rec.info.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let outcome = match stored {
        None => Outcome::Added,
        Some((_, hash, _)) if hash == rec.info.hash => return Ok(Outcome::Unchanged),
        Some((doc, hash, date)) => {
            let replace = match on_change {
                OnChange::Keep => false,
                OnChange::Replace => true,
                OnChange::Later => (&rec.info.date, &rec.info.hash) > (&date, &hash),
            };
            if !replace {
                return Ok(Outcome::Kept { stored_hash: hash });
            }
            remove_doc(tx, doc)?;
            Outcome::Replaced {
                previous_hash: hash,
            }
        }
    };
    insert_doc(tx, &rec)?;
    Ok(outcome)
}

/// Adds a batch of documents none of which is stored or repeated, with one update of each
/// aggregate row for the whole batch instead of one per document; None (and nothing done)
/// when the batch does not qualify.
fn add_new(
    tx: &Transaction<'_>,
    recs: &[DocRecord],
) -> std::result::Result<Option<Vec<Outcome>>, AddError> {
    use std::collections::{BTreeMap, HashMap, HashSet};
    let mut ids = HashSet::with_capacity(recs.len());
    {
        let mut find = tx.prepare_cached("SELECT 1 FROM documents WHERE id = ?1")?;
        for rec in recs {
            if let Some(id) = rec.dangling() {
                return Err(AddError::Invalid(format!(
                    "document '{}' has a statement or affiliation of entity '{id}' that it does not list",
                    rec.info.id
                )));
            }
            if !ids.insert(rec.info.id.as_str()) || find.exists([&rec.info.id])? {
                return Ok(None);
            }
        }
    }
    // The batch's share of each aggregate: entity (mentions, documents, smallest attributes),
    // variant (documents), alias (documents).
    let mut entities: BTreeMap<&str, (Seen, u64)> = BTreeMap::new();
    let mut variants: BTreeMap<(&str, &str, &str, &str), i64> = BTreeMap::new();
    let mut aliases: BTreeMap<(&str, &str), i64> = BTreeMap::new();
    for rec in recs {
        for s in rec.entities.values() {
            entities
                .entry(&s.id)
                .and_modify(|(agg, docs)| {
                    agg.absorb_attrs(&s.name, s.kind, &s.country);
                    agg.mentions += s.mentions;
                    *docs += 1;
                })
                .or_insert_with(|| {
                    let mut agg = s.clone();
                    agg.aliases.clear();
                    (agg, 1)
                });
            let country = s.country.as_deref().unwrap_or("");
            *variants
                .entry((&s.id, &s.name, s.kind.as_str(), country))
                .or_default() += 1;
            for a in &s.aliases {
                *aliases.entry((&s.id, a)).or_default() += 1;
            }
        }
    }
    let mut entity_row: HashMap<&str, i64> = HashMap::with_capacity(entities.len());
    {
        let mut up = tx.prepare_cached(UPSERT_ENTITY)?;
        for (id, (agg, docs)) in &entities {
            let row: i64 = up.query_row(
                params![
                    agg.id,
                    agg.name,
                    agg.kind.as_str(),
                    agg.country,
                    agg.mentions as i64,
                    *docs as i64,
                    agg.id.to_lowercase(),
                    agg.name.to_lowercase()
                ],
                |r| r.get(0),
            )?;
            entity_row.insert(id, row);
        }
    }
    let mut variant_row = HashMap::with_capacity(variants.len());
    {
        let mut up = tx.prepare_cached(UPSERT_VARIANT)?;
        for ((id, name, kind, country), docs) in &variants {
            let row: i64 = up
                .query_row(params![entity_row[id], name, kind, country, docs], |r| {
                    r.get(0)
                })?;
            variant_row.insert((*id, *name, *kind, *country), row);
        }
    }
    let mut alias_row = HashMap::with_capacity(aliases.len());
    {
        let mut up = tx.prepare_cached(UPSERT_ALIAS)?;
        for ((id, text), docs) in &aliases {
            let row: i64 = up.query_row(
                params![entity_row[id], text, text.to_lowercase(), docs],
                |r| r.get(0),
            )?;
            alias_row.insert((*id, *text), row);
        }
    }
    for rec in recs {
        let refs: Vec<EntityRef> = rec
            .entities
            .values()
            .map(|s| {
                let country = s.country.as_deref().unwrap_or("");
                (
                    entity_row[s.id.as_str()],
                    variant_row[&(s.id.as_str(), s.name.as_str(), s.kind.as_str(), country)],
                    s.mentions as u64,
                    s.aliases
                        .iter()
                        .map(|a| alias_row[&(s.id.as_str(), a.as_str())])
                        .collect(),
                )
            })
            .collect();
        let rowid_of: HashMap<&str, i64> = rec
            .entities
            .keys()
            .map(|id| (id.as_str(), entity_row[id.as_str()]))
            .collect();
        insert_rows(tx, rec, &refs, &rowid_of)?;
    }
    Ok(Some(vec![Outcome::Added; recs.len()]))
}

/// Adds a batch's (or one document's) view of an entity to its aggregate row.
const UPSERT_ENTITY: &str =
    "INSERT INTO entities (id, name, kind, country, mentions, documents, id_lc, name_lc)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
     ON CONFLICT (id) DO UPDATE SET
         mentions = mentions + excluded.mentions,
         documents = documents + excluded.documents,
         name_lc = CASE WHEN excluded.name < name THEN excluded.name_lc ELSE name_lc END,
         name = min(name, excluded.name),
         kind = min(kind, excluded.kind),
         country = CASE WHEN country IS NULL THEN excluded.country
                        WHEN excluded.country IS NULL THEN country
                        ELSE min(country, excluded.country) END
     RETURNING entity";

/// Counts documents that give an entity these attributes.
const UPSERT_VARIANT: &str = "INSERT INTO variants (entity, name, kind, country, documents) VALUES (?1, ?2, ?3, ?4, ?5)
     ON CONFLICT (entity, name, kind, country) DO UPDATE SET documents = documents + excluded.documents
     RETURNING variant";

/// Counts documents that name an entity with this surface form.
const UPSERT_ALIAS: &str =
    "INSERT INTO aliases (entity, text, text_lc, documents) VALUES (?1, ?2, ?3, ?4)
     ON CONFLICT (entity, text) DO UPDATE SET documents = documents + excluded.documents
     RETURNING alias";

/// Inserts a document known to be absent, updating the entity aggregates.
fn insert_doc(tx: &Transaction<'_>, rec: &DocRecord) -> std::result::Result<(), AddError> {
    let mut refs: Vec<EntityRef> = Vec::with_capacity(rec.entities.len());
    let mut rowid_of = std::collections::HashMap::with_capacity(rec.entities.len());
    for s in rec.entities.values() {
        let r = upsert_entity(tx, s)?;
        rowid_of.insert(s.id.as_str(), r.0);
        refs.push(r);
    }
    insert_rows(tx, rec, &refs, &rowid_of)
}

/// Inserts a document's own rows: the document (with its entity references), its statements
/// and its affiliations.
fn insert_rows(
    tx: &Transaction<'_>,
    rec: &DocRecord,
    refs: &[EntityRef],
    rowid_of: &std::collections::HashMap<&str, i64>,
) -> std::result::Result<(), AddError> {
    let blob = serde_json::to_string(refs).map_err(|e| AddError::Invalid(e.to_string()))?;
    let info = &rec.info;
    let doc: i64 = tx
        .prepare_cached(
            "INSERT INTO documents (id, hash, date, title, source, url, entities)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING doc",
        )?
        .query_row(
            params![
                info.id,
                info.hash,
                info.date,
                info.title,
                info.source,
                info.url,
                blob
            ],
            |r| r.get(0),
        )?;
    let entity = |id: &str| {
        rowid_of
            .get(id)
            .copied()
            .ok_or_else(|| AddError::Invalid(format!("entity '{id}' is not listed")))
    };
    let mut ins = tx.prepare_cached(
        "INSERT INTO statements (doc, sentence, span_start, span_end, source, relation, family,
             target, speaker, evidence, cue, topic, date, confidence, explicit, cameo, plover, weight)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
    )?;
    for c in &rec.claims {
        let e = &c.evidence;
        let target = c.target.as_deref().map(&entity).transpose()?;
        let speaker = e.speaker.as_deref().map(&entity).transpose()?;
        ins.execute(params![
            doc,
            e.sentence as i64,
            e.span[0] as i64,
            e.span[1] as i64,
            entity(&c.source)?,
            c.relation.as_str(),
            c.relation.family().as_str(),
            target,
            speaker,
            e.text,
            e.cue,
            e.topic,
            e.date,
            e.confidence as f64,
            e.explicit,
            e.cameo,
            e.plover,
            e.weight as f64,
        ])?;
    }
    let mut aff = tx.prepare_cached(
        "INSERT OR IGNORE INTO affiliations (member, body, doc) VALUES (?1, ?2, ?3)",
    )?;
    for (m, b) in &rec.affiliations {
        aff.execute(params![entity(m)?, entity(b)?, doc])?;
    }
    Ok(())
}

/// Adds one document's view of an entity to the aggregates; returns its rowids.
fn upsert_entity(tx: &Transaction<'_>, s: &Seen) -> std::result::Result<EntityRef, AddError> {
    let entity: i64 = tx.prepare_cached(UPSERT_ENTITY)?.query_row(
        params![
            s.id,
            s.name,
            s.kind.as_str(),
            s.country,
            s.mentions as i64,
            1,
            s.id.to_lowercase(),
            s.name.to_lowercase()
        ],
        |r| r.get(0),
    )?;
    let variant: i64 = tx.prepare_cached(UPSERT_VARIANT)?.query_row(
        params![
            entity,
            s.name,
            s.kind.as_str(),
            s.country.as_deref().unwrap_or(""),
            1
        ],
        |r| r.get(0),
    )?;
    let mut aliases = Vec::with_capacity(s.aliases.len());
    let mut up = tx.prepare_cached(UPSERT_ALIAS)?;
    for a in &s.aliases {
        aliases.push(up.query_row(params![entity, a, a.to_lowercase(), 1], |r| r.get(0))?);
    }
    Ok((entity, variant, s.mentions as u64, aliases))
}

/// Removes a stored document and takes its share out of the aggregates.
fn remove_doc(tx: &Transaction<'_>, doc: i64) -> std::result::Result<(), AddError> {
    let blob: String = tx.query_row(
        "SELECT entities FROM documents WHERE doc = ?1",
        [doc],
        |r| r.get(0),
    )?;
    let refs: Vec<EntityRef> = serde_json::from_str(&blob)
        .map_err(|e| AddError::Invalid(format!("document {doc}: bad entities column: {e}")))?;
    tx.execute("DELETE FROM statements WHERE doc = ?1", [doc])?;
    tx.execute("DELETE FROM affiliations WHERE doc = ?1", [doc])?;
    let mut touched = BTreeSet::new();
    for (entity, variant, mentions, aliases) in refs {
        tx.execute(
            "UPDATE entities SET mentions = mentions - ?2, documents = documents - 1 WHERE entity = ?1",
            params![entity, mentions as i64],
        )?;
        tx.execute(
            "UPDATE variants SET documents = documents - 1 WHERE variant = ?1",
            [variant],
        )?;
        tx.execute(
            "DELETE FROM variants WHERE variant = ?1 AND documents <= 0",
            [variant],
        )?;
        for a in aliases {
            tx.execute(
                "UPDATE aliases SET documents = documents - 1 WHERE alias = ?1",
                [a],
            )?;
            tx.execute(
                "DELETE FROM aliases WHERE alias = ?1 AND documents <= 0",
                [a],
            )?;
        }
        touched.insert(entity);
    }
    for entity in touched {
        let left: i64 = tx.query_row(
            "SELECT documents FROM entities WHERE entity = ?1",
            [entity],
            |r| r.get(0),
        )?;
        if left <= 0 {
            tx.execute("DELETE FROM aliases WHERE entity = ?1", [entity])?;
            tx.execute("DELETE FROM variants WHERE entity = ?1", [entity])?;
            tx.execute("DELETE FROM entities WHERE entity = ?1", [entity])?;
            continue;
        }
        // The aggregate attributes are minima over the documents left: recompute them.
        let (name, kind, country): (String, String, Option<String>) = tx.query_row(
            "SELECT min(name), min(kind), min(NULLIF(country, '')) FROM variants WHERE entity = ?1",
            [entity],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let name_lc = name.to_lowercase();
        tx.execute(
            "UPDATE entities SET name = ?2, kind = ?3, country = ?4, name_lc = ?5 WHERE entity = ?1",
            params![entity, name, kind, country, name_lc],
        )?;
    }
    tx.execute("DELETE FROM documents WHERE doc = ?1", [doc])?;
    Ok(())
}
