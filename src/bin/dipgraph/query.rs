//! `dipgraph query`: who said what about whom, as a table, JSON or CSV, from the store's indexes.

use crate::{Global, Outcome};
use anyhow::Context;
use dipgraph::graph::{DipGraph, GraphFileError};
use dipgraph::query::{self, Query, Row};
use serde::Serialize;
use std::io::Write;

/// Output format of `dipgraph query`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns, names with ids in brackets.
    Table,
    /// An array of row objects.
    Json,
    /// Comma-separated with a header (with --evidence: one line per evidence sentence).
    Csv,
}

/// Options of `dipgraph query`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Who made the statements: id, code, name or alias ("CHN", "Beijing", "Peskov"); a
    /// country also selects its people and bodies.
    #[arg(long, value_name = "ACTOR")]
    pub source: Option<String>,
    /// Whom the statements are about, matched like --source.
    #[arg(long, value_name = "ACTOR")]
    pub target: Option<String>,
    /// Relation or family to keep (repeatable, or comma-separated): accuses, denies, rejects,
    /// dismisses, condemns, criticizes, warns, threatens, urges, demands, praises, supports;
    /// families accuse, rebut, disapprove, threaten, demand, approve.
    #[arg(long = "relation", value_name = "R")]
    pub relations: Vec<String>,
    /// Relation family to keep (repeatable).
    #[arg(long = "family", value_name = "F")]
    pub families: Vec<String>,
    /// Earliest evidence date, inclusive: YYYY-MM-DD, YYYY-MM or YYYY.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Latest evidence date, inclusive: YYYY-MM-DD, YYYY-MM or YYYY.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Minimum number of evidence sentences of a row.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub min_count: usize,
    /// Collapse actors to their country.
    #[arg(long)]
    pub by_country: bool,
    /// Keep only statements between different states (drops a senator against their own
    /// president; actors of no state, like the UN, count as a side of their own).
    #[arg(long)]
    pub between_states: bool,
    /// Show only the N rows with the most evidence.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Show the evidence: sentences under each table row, an `evidence` array in JSON, one
    /// CSV line per sentence.
    #[arg(long)]
    pub evidence: bool,
}

/// Loads the whole graph for the commands that need it in memory (exports): the graph file
/// given with `--graph` (and no `--store`), else the store's graph.
pub fn load_graph(global: &Global) -> anyhow::Result<DipGraph> {
    if let (Some(g), None) = (&global.graph, &global.store) {
        return match DipGraph::load(g) {
            Ok(g) => Ok(g),
            Err(GraphFileError::Missing(p)) => {
                anyhow::bail!("no graph at {}; run `dipgraph build` first", p.display())
            }
            Err(e) => Err(e.into()),
        };
    }
    let store = crate::common::open_for_reading(global)?;
    Ok(store.graph_view(&dipgraph::store::ViewSpec::full())?)
}

/// Runs the command.
pub fn run(global: &Global, args: Args) -> anyhow::Result<Outcome> {
    let mut names = args.relations.clone();
    names.extend(args.families.iter().cloned());
    let (relations, families) = query::parse_relations(&names).map_err(anyhow::Error::msg)?;
    let store = crate::common::open_for_reading(global)?;
    let q = Query {
        source: args.source,
        target: args.target,
        relations,
        families,
        since: args.since,
        until: args.until,
        min_count: args.min_count,
        by_country: args.by_country,
        between_states: args.between_states,
        top: None,
        limit: args.top,
    };
    // "Beijing" or "the Kremlin" finds China or Russia through the gazetteer, which is only
    // loaded when an actor is asked for.
    let actors = if q.source.is_some() || q.target.is_some() {
        Some(crate::common::actors(global)?)
    } else {
        None
    };
    let resolve = |needle: &str| actors.as_ref().and_then(|a| a.get().resolve(needle, None));
    // Without --evidence no sentence is read: counts, documents and dates come from SQL.
    let rows = if args.evidence {
        query::run_store(&store, &q, &resolve)?
    } else {
        query::run_store_summary(&store, &q, &resolve)?
    };
    let out = match args.format {
        Format::Table => table(&rows, args.evidence),
        Format::Json => {
            let rows: Vec<JsonRow> = rows
                .iter()
                .map(|r| JsonRow::new(r, args.evidence))
                .collect();
            let mut s = serde_json::to_string_pretty(&rows).context("serializing rows")?;
            s.push('\n');
            s
        }
        Format::Csv => csv(&rows, args.evidence)?,
    };
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(Outcome::Ok)
}

/// A row as JSON: names beside ids, the number of documents beside their ids.
#[derive(Serialize)]
struct JsonRow<'a> {
    source: &'a str,
    source_name: &'a str,
    relation: &'a str,
    family: &'a str,
    target: &'a str,
    target_name: &'a str,
    count: usize,
    documents: usize,
    document_ids: &'a [String],
    first_date: Option<&'a str>,
    last_date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<&'a [dipgraph::graph::Evidence]>,
}

impl<'a> JsonRow<'a> {
    fn new(r: &'a Row, evidence: bool) -> Self {
        JsonRow {
            source: &r.source,
            source_name: &r.source_name,
            relation: r.relation.as_str(),
            family: r.relation.family().as_str(),
            target: &r.target,
            target_name: &r.target_name,
            count: r.count,
            documents: r.documents.len(),
            document_ids: &r.documents,
            first_date: r.first_date.as_deref(),
            last_date: r.last_date.as_deref(),
            evidence: evidence.then_some(r.evidence.as_slice()),
        }
    }
}

/// A name with its id in brackets when they differ.
fn label(id: &str, name: &str) -> String {
    if name != id {
        format!("{name} ({id})")
    } else {
        id.to_string()
    }
}

fn table(rows: &[Row], evidence: bool) -> String {
    let header = [
        "source", "relation", "target", "count", "docs", "first", "last",
    ];
    let cells: Vec<[String; 7]> = rows
        .iter()
        .map(|r| {
            [
                label(&r.source, &r.source_name),
                r.relation.to_string(),
                label(&r.target, &r.target_name),
                r.count.to_string(),
                r.documents.len().to_string(),
                r.first_date.clone().unwrap_or_else(|| "-".into()),
                r.last_date.clone().unwrap_or_else(|| "-".into()),
            ]
        })
        .collect();
    let mut width = header.map(|h| h.chars().count());
    for c in &cells {
        for (w, v) in width.iter_mut().zip(c) {
            *w = (*w).max(v.chars().count());
        }
    }
    let line = |vals: &[String]| -> String {
        let mut s = String::new();
        for (i, (v, w)) in vals.iter().zip(width).enumerate() {
            if i > 0 {
                s.push_str("  ");
            }
            // Counts read better right-aligned.
            if i == 3 || i == 4 {
                s.push_str(&format!("{v:>w$}"));
            } else {
                s.push_str(&format!("{v:<w$}"));
            }
        }
        s.trim_end().to_string() + "\n"
    };
    let mut out = line(&header.map(String::from));
    for (c, r) in cells.iter().zip(rows) {
        out.push_str(&line(c));
        if evidence {
            for e in &r.evidence {
                let date = e.date.as_deref().unwrap_or("-");
                out.push_str(&format!(
                    "    [{} #{} {date}] {} (cue: {})\n",
                    e.doc, e.sentence, e.text, e.cue
                ));
            }
        }
    }
    out
}

fn csv(rows: &[Row], evidence: bool) -> anyhow::Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec![
        "source",
        "source_name",
        "relation",
        "target",
        "target_name",
        "count",
        "documents",
        "document_ids",
        "first_date",
        "last_date",
    ];
    if evidence {
        header.extend([
            "doc",
            "sentence",
            "span_start",
            "span_end",
            "date",
            "cue",
            "evidence",
        ]);
    }
    w.write_record(&header)?;
    for r in rows {
        let row = [
            r.source.clone(),
            r.source_name.clone(),
            r.relation.to_string(),
            r.target.clone(),
            r.target_name.clone(),
            r.count.to_string(),
            r.documents.len().to_string(),
            r.documents.join(";"),
            r.first_date.clone().unwrap_or_default(),
            r.last_date.clone().unwrap_or_default(),
        ];
        if !evidence {
            w.write_record(&row)?;
            continue;
        }
        for e in &r.evidence {
            let mut line = row.to_vec();
            line.extend([
                e.doc.clone(),
                e.sentence.to_string(),
                e.span[0].to_string(),
                e.span[1].to_string(),
                e.date.clone().unwrap_or_default(),
                e.cue.clone(),
                e.text.clone(),
            ]);
            w.write_record(&line)?;
        }
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}
