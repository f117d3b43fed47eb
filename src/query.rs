//! Query: who said what about whom, with the sentences that show it.

use crate::graph::{evidence_cmp, DipGraph, Entity, Evidence};
use crate::model::{Actor, ActorKind, Family, Relation};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

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
    /// Earliest evidence date, inclusive (YYYY-MM-DD or a prefix).
    pub since: Option<String>,
    /// Latest evidence date, inclusive (YYYY-MM-DD or a prefix).
    pub until: Option<String>,
    /// Minimum evidence count of a row.
    pub min_count: usize,
    /// Collapse actors to their country (actors without one stay as they are).
    pub by_country: bool,
    /// Keep only statements between different states: drops those whose source and target
    /// belong to the same state (actors with no state, such as the UN, are kept).
    pub between_states: bool,
}

/// One answer: a source, relation and target with the evidence in range.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// Source entity id (country code with `by_country`).
    pub source: String,
    /// The relation.
    pub relation: Relation,
    /// Target entity id.
    pub target: String,
    /// Number of evidence items in range.
    pub count: usize,
    /// Distinct documents of that evidence.
    pub documents: Vec<String>,
    /// Earliest evidence date.
    pub first_date: Option<String>,
    /// Latest evidence date.
    pub last_date: Option<String>,
    /// The evidence, sorted by (doc, sentence, span).
    pub evidence: Vec<Evidence>,
}

/// Ids of the entities an actor filter designates.
fn matching(
    graph: &DipGraph,
    needle: &str,
    resolve: &dyn Fn(&str) -> Option<Actor>,
) -> BTreeSet<String> {
    let n = needle.trim();
    let eq = |s: &str| s.eq_ignore_ascii_case(n) || s.to_lowercase() == n.to_lowercase();
    let direct = |e: &Entity| eq(&e.id) || eq(&e.name) || e.aliases.iter().any(|a| eq(a));
    let resolved = resolve(n);
    // Countries the needle stands for: a matching country node, the code itself, or the resolver's country.
    let mut countries: BTreeSet<String> = graph
        .nodes()
        .filter(|e| e.kind == ActorKind::Country && direct(e))
        .map(|e| e.id.clone())
        .collect();
    if let Some(a) = &resolved {
        if a.kind == ActorKind::Country {
            countries.insert(a.id.clone());
        }
    }
    graph
        .nodes()
        .filter(|e| {
            direct(e)
                || resolved.as_ref().is_some_and(|a| a.id == e.id)
                || e.country
                    .as_deref()
                    .is_some_and(|c| eq(c) || countries.contains(c))
        })
        .map(|e| e.id.clone())
        .collect()
}

fn in_range(date: Option<&str>, since: Option<&str>, until: Option<&str>) -> bool {
    if since.is_none() && until.is_none() {
        return true;
    }
    let Some(d) = date else { return false };
    // Compare on the shorter length so "2024" or "2024-03" bound whole years or months.
    let cmp = |bound: &str| {
        let k = d.len().min(bound.len());
        d[..k].cmp(&bound[..k])
    };
    since.is_none_or(|s| cmp(s).is_ge()) && until.is_none_or(|u| cmp(u).is_le())
}

/// Whether two entities belong to the same state (both have a country and it is the same).
pub fn same_state(graph: &DipGraph, a: &str, b: &str) -> bool {
    let country = |id: &str| graph.node(id).and_then(|e| e.country.clone());
    matches!((country(a), country(b)), (Some(x), Some(y)) if x == y)
}

/// The id an entity shows as: its country when collapsing by country.
fn shown(graph: &DipGraph, id: &str, by_country: bool) -> String {
    if by_country {
        if let Some(c) = graph.node(id).and_then(|e| e.country.clone()) {
            return c;
        }
    }
    id.to_string()
}

/// Runs a query; rows come sorted by count (descending), then source, relation, target.
pub fn run(graph: &DipGraph, q: &Query, resolve: &dyn Fn(&str) -> Option<Actor>) -> Vec<Row> {
    let sources = q.source.as_deref().map(|s| matching(graph, s, resolve));
    let targets = q.target.as_deref().map(|s| matching(graph, s, resolve));
    let mut acc: BTreeMap<(String, Relation, String), Vec<Evidence>> = BTreeMap::new();
    for edge in graph.edges() {
        let Some(rel) = edge.relation else { continue };
        let unfiltered = q.relations.is_empty() && q.families.is_empty();
        let wanted = q.relations.contains(&rel) || q.families.contains(&rel.family());
        if !unfiltered && !wanted {
            continue;
        }
        if sources.as_ref().is_some_and(|s| !s.contains(&edge.source))
            || targets.as_ref().is_some_and(|t| !t.contains(&edge.target))
        {
            continue;
        }
        if q.between_states && same_state(graph, &edge.source, &edge.target) {
            continue;
        }
        let ev: Vec<Evidence> = edge
            .evidence
            .iter()
            .filter(|e| in_range(e.date.as_deref(), q.since.as_deref(), q.until.as_deref()))
            .cloned()
            .collect();
        if ev.is_empty() {
            continue;
        }
        let key = (
            shown(graph, &edge.source, q.by_country),
            rel,
            shown(graph, &edge.target, q.by_country),
        );
        acc.entry(key).or_default().extend(ev);
    }
    let mut rows: Vec<Row> = acc
        .into_iter()
        .map(|((source, relation, target), mut evidence)| {
            evidence.sort_by(evidence_cmp);
            let documents: BTreeSet<&String> = evidence.iter().map(|e| &e.doc).collect();
            let dates = evidence.iter().filter_map(|e| e.date.clone());
            Row {
                source,
                relation,
                target,
                count: evidence.len(),
                documents: documents.into_iter().cloned().collect(),
                first_date: dates.clone().min(),
                last_date: dates.max(),
                evidence,
            }
        })
        .filter(|r| r.count >= q.min_count.max(1))
        .collect();
    rows.sort_by(|a, b| {
        b.count.cmp(&a.count).then_with(|| {
            (&a.source, a.relation, &a.target).cmp(&(&b.source, b.relation, &b.target))
        })
    });
    rows
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
mod tests {
    use super::*;
    use crate::model::{Coding, DocInfo, Extraction, Statement};

    fn a(id: &str, name: &str, kind: ActorKind, country: Option<&str>) -> Actor {
        Actor {
            id: id.into(),
            name: name.into(),
            kind,
            country: country.map(String::from),
        }
    }

    fn st(doc: &str, date: &str, rel: Relation, s: Actor, t: Actor) -> Statement {
        Statement {
            doc: doc.into(),
            sentence: 1,
            span: [0, 10],
            evidence: format!("{} {} {}", s.name, rel, t.name),
            cue: rel.as_str().into(),
            relation: rel,
            source: s,
            target: Some(t),
            speaker: None,
            topic: None,
            negated: false,
            hedged: false,
            date: Some(date.into()),
            confidence: 0.9,
            explicit: true,
            coding: Coding::default(),
        }
    }

    fn graph() -> DipGraph {
        let kremlin = a("kremlin", "Kremlin", ActorKind::Organization, Some("RUS"));
        let peskov = a(
            "dmitry-peskov",
            "Dmitry Peskov",
            ActorKind::Person,
            Some("RUS"),
        );
        let rus = a("RUS", "Russia", ActorKind::Country, Some("RUS"));
        let usa = a("USA", "United States", ActorKind::Country, Some("USA"));
        let chn = a("CHN", "China", ActorKind::Country, Some("CHN"));
        let mut g = DipGraph::new();
        for (i, (date, s)) in [
            (
                "2024-01-01",
                st(
                    "d1",
                    "2024-01-01",
                    Relation::Accuses,
                    kremlin.clone(),
                    usa.clone(),
                ),
            ),
            (
                "2024-02-01",
                st(
                    "d2",
                    "2024-02-01",
                    Relation::Accuses,
                    peskov.clone(),
                    usa.clone(),
                ),
            ),
            (
                "2024-03-01",
                st(
                    "d3",
                    "2024-03-01",
                    Relation::Urges,
                    chn.clone(),
                    usa.clone(),
                ),
            ),
            (
                "2024-04-01",
                st(
                    "d4",
                    "2024-04-01",
                    Relation::Denies,
                    usa.clone(),
                    rus.clone(),
                ),
            ),
        ]
        .into_iter()
        .enumerate()
        {
            g.add(Extraction {
                doc: DocInfo {
                    id: s.doc.clone(),
                    hash: format!("h{i}"),
                    date: Some(date.into()),
                    title: None,
                    source: None,
                    url: None,
                },
                statements: vec![s],
                mentions: vec![],
                affiliations: vec![],
            });
        }
        g
    }

    fn none(_: &str) -> Option<Actor> {
        None
    }

    #[test]
    fn source_matches_country_members_and_resolver() {
        let g = graph();
        let q = Query {
            source: Some("russia".into()),
            ..Query::default()
        };
        let rows = run(&g, &q, &none);
        let srcs: Vec<&str> = rows.iter().map(|r| r.source.as_str()).collect();
        assert_eq!(srcs, vec!["dmitry-peskov", "kremlin"]);
        let beijing =
            |n: &str| (n == "Beijing").then(|| a("CHN", "China", ActorKind::Country, Some("CHN")));
        let q = Query {
            source: Some("Beijing".into()),
            ..Query::default()
        };
        let rows = run(&g, &q, &beijing);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].relation, Relation::Urges);
        assert!(
            run(&g, &q, &none).is_empty(),
            "without the resolver Beijing is unknown"
        );
    }

    #[test]
    fn by_country_sums_and_dates_filter_evidence() {
        let g = graph();
        let q = Query {
            relations: vec![Relation::Accuses],
            by_country: true,
            ..Query::default()
        };
        let rows = run(&g, &q, &none);
        assert_eq!(rows.len(), 1);
        assert_eq!((rows[0].source.as_str(), rows[0].count), ("RUS", 2));
        assert_eq!(rows[0].documents, vec!["d1", "d2"]);
        let q = Query {
            since: Some("2024-01-15".into()),
            until: Some("2024-03".into()),
            ..Query::default()
        };
        let rows = run(&g, &q, &none);
        let rels: Vec<Relation> = rows.iter().map(|r| r.relation).collect();
        assert_eq!(rels, vec![Relation::Urges, Relation::Accuses]);
        let q = Query {
            families: vec![Family::Rebut],
            target: Some("RUS".into()),
            min_count: 2,
            ..Query::default()
        };
        assert!(run(&g, &q, &none).is_empty());
    }

    #[test]
    fn between_states_drops_statements_inside_one_state() {
        let mut g = graph();
        let senator = a("jo-senator", "Jo Senator", ActorKind::Person, Some("USA"));
        let usa = a("USA", "United States", ActorKind::Country, Some("USA"));
        let mut s = st("d5", "2024-05-01", Relation::Criticizes, senator, usa);
        s.evidence = "Senator Jo criticized the administration.".into();
        g.add(Extraction {
            doc: DocInfo {
                id: "d5".into(),
                hash: "h5".into(),
                date: Some("2024-05-01".into()),
                title: None,
                source: None,
                url: None,
            },
            statements: vec![s],
            mentions: vec![],
            affiliations: vec![],
        });
        let all = run(&g, &Query::default(), &none);
        assert!(all.iter().any(|r| r.source == "jo-senator"));
        let q = Query {
            between_states: true,
            ..Query::default()
        };
        let rows = run(&g, &q, &none);
        assert_eq!(rows.len(), all.len() - 1);
        assert!(rows.iter().all(|r| r.source != "jo-senator"));
    }

    #[test]
    fn relation_names_parse_with_helpful_errors() {
        let (r, f) = parse_relations(&["accuses,rebut".into()]).expect("valid");
        assert_eq!(r, vec![Relation::Accuses]);
        assert_eq!(f, vec![Family::Rebut]);
        let err = parse_relations(&["blames".into()]).expect_err("invalid");
        assert!(err.contains("blames") && err.contains("condemns"), "{err}");
    }
}
