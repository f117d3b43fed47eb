//! Neo4j bulk-import CSV (`neo4j-admin database import full --nodes=nodes.csv
//! --relationships=edges.csv`): typed headers, one relationship per statement so each
//! keeps its document, sentence, span, evidence, cue and date.

use super::view::View;
use crate::graph::Evidence;

/// Relationship type of a relation in Neo4j ("accuses" -> "ACCUSES").
pub fn rel_type(relation: crate::model::Relation) -> String {
    relation.as_str().to_ascii_uppercase()
}

/// Relationship type of affiliation edges.
pub const AFFILIATED_WITH: &str = "AFFILIATED_WITH";

/// Neo4j label of an actor kind.
pub fn kind_label(k: crate::model::ActorKind) -> &'static str {
    match k {
        crate::model::ActorKind::Country => "Country",
        crate::model::ActorKind::Organization => "Organization",
        crate::model::ActorKind::Person => "Person",
        crate::model::ActorKind::Group => "Group",
    }
}

/// A date Neo4j's `date` type takes, or nothing (partial or malformed dates stay out).
pub fn neo4j_date(d: Option<&str>) -> &str {
    match d {
        Some(d) if d.len() == 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-' => d,
        _ => "",
    }
}

/// The two files: `nodes.csv` and `edges.csv`.
pub struct Neo4jCsv {
    /// Actors with `id:ID` and `:LABEL`.
    pub nodes: String,
    /// Statements and affiliations with `:START_ID`, `:END_ID` and `:TYPE`.
    pub edges: String,
}

/// Header of `nodes.csv`.
pub const NODE_HEADER: [&str; 8] = [
    "id:ID",
    ":LABEL",
    "name",
    "kind",
    "country",
    "mentions:int",
    "degree:int",
    "aliases",
];

/// Header of `edges.csv`.
pub const EDGE_HEADER: [&str; 22] = [
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "relation",
    "family",
    "doc",
    "sentence:int",
    "span_start:int",
    "span_end:int",
    "evidence",
    "cue",
    "date:date",
    "speaker",
    "topic",
    "confidence:float",
    "explicit:boolean",
    "cameo",
    "plover",
    "goldstein:float",
    "count:int",
    "documents:string[]",
    "source_url",
];

fn statement_record(
    s: &str,
    t: &str,
    rel: crate::model::Relation,
    e: &Evidence,
    url: Option<&str>,
) -> Vec<String> {
    vec![
        s.to_string(),
        t.to_string(),
        rel_type(rel),
        rel.as_str().to_string(),
        rel.family().as_str().to_string(),
        e.doc.clone(),
        e.sentence.to_string(),
        e.span[0].to_string(),
        e.span[1].to_string(),
        e.text.clone(),
        e.cue.clone(),
        neo4j_date(e.date.as_deref()).to_string(),
        e.speaker.clone().unwrap_or_default(),
        e.topic.clone().unwrap_or_default(),
        e.confidence.to_string(),
        e.explicit.to_string(),
        e.cameo.clone(),
        e.plover.clone(),
        e.weight.to_string(),
        String::new(),
        String::new(),
        url.unwrap_or_default().to_string(),
    ]
}

/// The view as Neo4j import CSV files.
pub fn to_neo4j_csv(view: &View) -> anyhow::Result<Neo4jCsv> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(NODE_HEADER)?;
    for n in &view.nodes {
        w.write_record([
            n.id.as_str(),
            &format!("Actor;{}", kind_label(n.kind)),
            &n.name,
            n.kind.as_str(),
            n.country.as_deref().unwrap_or(""),
            &n.mentions.to_string(),
            &n.degree.to_string(),
            &n.aliases.join("; "),
        ])?;
    }
    let nodes = String::from_utf8(w.into_inner()?)?;
    let urls: std::collections::BTreeMap<&str, &str> = view
        .graph
        .documents()
        .filter_map(|d| d.url.as_deref().map(|u| (d.id.as_str(), u)))
        .collect();
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(EDGE_HEADER)?;
    for e in &view.edges {
        for ev in &e.row.evidence {
            let url = urls.get(ev.doc.as_str()).copied();
            w.write_record(statement_record(
                &e.row.source,
                &e.row.target,
                e.row.relation,
                ev,
                url,
            ))?;
        }
    }
    for a in &view.affiliations {
        let mut rec = vec![String::new(); EDGE_HEADER.len()];
        rec[0] = a.source.clone();
        rec[1] = a.target.clone();
        rec[2] = AFFILIATED_WITH.to_string();
        rec[19] = a.documents.len().to_string();
        rec[20] = a.documents.join(";");
        w.write_record(&rec)?;
    }
    let edges = String::from_utf8(w.into_inner()?)?;
    Ok(Neo4jCsv { nodes, edges })
}
