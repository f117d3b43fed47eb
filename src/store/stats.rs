//! Summary figures of a store, from SQL: counts, top accusers and accused, reciprocal pairs.

use super::{Result, Store};
use serde::Serialize;

/// An actor and a count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ranked {
    /// Entity id (country code with `by_country`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// How many statements.
    pub count: usize,
}

/// A accuses B and B rebuts A.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reciprocal {
    /// The accuser.
    pub accuser: Ranked,
    /// The accused, who answers.
    pub accused: Ranked,
    /// Accusations of `accuser` against `accused`.
    pub accusations: usize,
    /// Denials, rejections and dismissals of `accused` against `accuser`.
    pub rebuttals: usize,
}

/// What `dipgraph stats` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Documents stored.
    pub documents: usize,
    /// Earliest and latest document dates.
    pub first_date: Option<String>,
    /// Latest document date.
    pub last_date: Option<String>,
    /// Entities (every actor mentioned).
    pub entities: usize,
    /// Entities that make or receive a statement.
    pub actors: usize,
    /// Asserted statements.
    pub statements: usize,
    /// Of which with a named target.
    pub targeted: usize,
    /// Distinct (source, relation, target) edges.
    pub edges: usize,
    /// Statements per relation, in the guideline's order.
    pub relations: Vec<(String, usize)>,
    /// Who accuses most.
    pub top_accusers: Vec<Ranked>,
    /// Who is accused most.
    pub top_accused: Vec<Ranked>,
    /// Pairs where one accuses and the other rebuts, most statements first.
    pub reciprocal: Vec<Reciprocal>,
}

impl Store {
    /// Summary figures; `top` bounds the ranked lists; `by_country` counts actors as their country.
    pub fn stats(&self, top: usize, by_country: bool) -> Result<Stats> {
        let c = &self.conn;
        let e = |e| self.err(e);
        let one = |sql: &str| -> Result<usize> {
            c.query_row(sql, [], |r| r.get::<_, i64>(0))
                .map(|n| n as usize)
                .map_err(e)
        };
        let (first_date, last_date) = c
            .query_row("SELECT min(date), max(date) FROM documents", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .map_err(e)?;
        let mut relations = Vec::new();
        let mut st = c
            .prepare("SELECT relation, count(*) FROM statements GROUP BY relation")
            .map_err(e)?;
        let mut by_rel: std::collections::HashMap<String, usize> = st
            .query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize)))
            .map_err(e)?
            .collect::<rusqlite::Result<_>>()
            .map_err(e)?;
        for r in crate::model::Relation::ALL {
            relations.push((
                r.as_str().to_string(),
                by_rel.remove(r.as_str()).unwrap_or(0),
            ));
        }
        // The id an actor counts as, and its name.
        let (key, name) = if by_country {
            (
                "COALESCE(x.country, x.id)",
                "COALESCE((SELECT c.name FROM entities c WHERE c.id = x.country), x.name)",
            )
        } else {
            ("x.id", "x.name")
        };
        let ranked = |col: &str| -> Result<Vec<Ranked>> {
            let sql = format!(
                "SELECT {key} AS k, min({name}), count(*) AS n FROM statements s
                 JOIN entities x ON x.entity = s.{col}
                 WHERE s.family = 'accuse' AND s.target IS NOT NULL
                 GROUP BY k ORDER BY n DESC, k LIMIT ?1"
            );
            let mut st = c.prepare(&sql).map_err(e)?;
            let rows = st
                .query_map([top as i64], |r| {
                    Ok(Ranked {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        count: r.get::<_, i64>(2)? as usize,
                    })
                })
                .map_err(e)?;
            rows.collect::<rusqlite::Result<_>>().map_err(e)
        };
        let top_accusers = ranked("source")?;
        let top_accused = ranked("target")?;
        let pairs = format!(
            "WITH f AS (
                 SELECT {key} AS a, min({name}) AS an, {tkey} AS b, min({tname}) AS bn,
                        s.family AS family, count(*) AS n
                 FROM statements s
                 JOIN entities x ON x.entity = s.source
                 JOIN entities y ON y.entity = s.target
                 WHERE s.family IN ('accuse', 'rebut')
                 GROUP BY a, b, s.family)
             SELECT acc.a, acc.an, acc.b, acc.bn, acc.n, reb.n FROM f acc
             JOIN f reb ON reb.a = acc.b AND reb.b = acc.a AND reb.family = 'rebut'
             WHERE acc.family = 'accuse' AND acc.a <> acc.b
             ORDER BY acc.n + reb.n DESC, acc.a, acc.b LIMIT ?1",
            tkey = key.replace("x.", "y."),
            tname = name.replace("x.", "y."),
        );
        let mut st = c.prepare(&pairs).map_err(e)?;
        let reciprocal = st
            .query_map([top as i64], |r| {
                let (accusations, rebuttals) =
                    (r.get::<_, i64>(4)? as usize, r.get::<_, i64>(5)? as usize);
                Ok(Reciprocal {
                    accuser: Ranked {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        count: accusations,
                    },
                    accused: Ranked {
                        id: r.get(2)?,
                        name: r.get(3)?,
                        count: rebuttals,
                    },
                    accusations,
                    rebuttals,
                })
            })
            .map_err(e)?
            .collect::<rusqlite::Result<_>>()
            .map_err(e)?;
        Ok(Stats {
            documents: one("SELECT count(*) FROM documents")?,
            first_date,
            last_date,
            entities: one("SELECT count(*) FROM entities")?,
            actors: one(
                "SELECT count(*) FROM (SELECT source FROM statements UNION SELECT target FROM statements WHERE target IS NOT NULL)",
            )?,
            statements: one("SELECT count(*) FROM statements")?,
            targeted: one("SELECT count(*) FROM statements WHERE target IS NOT NULL")?,
            edges: self.edge_count()?,
            relations,
            top_accusers,
            top_accused,
            reciprocal,
        })
    }
}
