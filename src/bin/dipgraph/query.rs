//! `dipgraph query`: who said what about whom, as a table, JSON or CSV.

use crate::{Global, Outcome};
use anyhow::Context;
use dipgraph::graph::{DipGraph, GraphFileError};
use dipgraph::query::{self, Query, Row};
use std::io::Write;

/// Output format of `dipgraph query`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns.
    Table,
    /// An array of row objects.
    Json,
    /// Comma-separated with a header.
    Csv,
}

/// Options of `dipgraph query`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Who made the statements: id, code, name, alias or country.
    #[arg(long)]
    pub source: Option<String>,
    /// Whom the statements are about.
    #[arg(long)]
    pub target: Option<String>,
    /// Relation or family to keep (repeatable, or comma-separated).
    #[arg(long = "relation", value_name = "R")]
    pub relations: Vec<String>,
    /// Relation family to keep (repeatable).
    #[arg(long = "family", value_name = "F")]
    pub families: Vec<String>,
    /// Earliest evidence date (YYYY-MM-DD), inclusive.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Latest evidence date (YYYY-MM-DD), inclusive.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Minimum number of evidence sentences.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub min_count: usize,
    /// Collapse actors to their country.
    #[arg(long)]
    pub by_country: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Show the evidence sentences under each table row.
    #[arg(long)]
    pub evidence: bool,
}

/// Loads the graph named by `--graph`, with the message a missing file deserves.
pub fn load_graph(global: &Global) -> anyhow::Result<DipGraph> {
    match DipGraph::load(&global.graph) {
        Ok(g) => Ok(g),
        Err(GraphFileError::Missing(p)) => {
            anyhow::bail!("no graph at {}; run `dipgraph build` first", p.display())
        }
        Err(e) => Err(e.into()),
    }
}

/// Runs the command.
pub fn run(global: &Global, args: Args) -> anyhow::Result<Outcome> {
    let mut names = args.relations.clone();
    names.extend(args.families.iter().cloned());
    let (relations, families) = query::parse_relations(&names).map_err(anyhow::Error::msg)?;
    let graph = load_graph(global)?;
    let q = Query {
        source: args.source,
        target: args.target,
        relations,
        families,
        since: args.since,
        until: args.until,
        min_count: args.min_count,
        by_country: args.by_country,
        ..Query::default()
    };
    // "Beijing" or "the Kremlin" finds the graph's China or Russia through the gazetteer.
    let actors = crate::common::actors(global)?;
    let gaz = actors.get();
    let resolve = |needle: &str| gaz.resolve(needle, None);
    let rows = query::run(&graph, &q, &resolve);
    let out = match args.format {
        Format::Table => {
            // People read names; the id in brackets is what other commands and tools take.
            let label = |id: &str| match graph.node(id) {
                Some(n) if n.name != id => format!("{} ({id})", n.name),
                _ => id.to_string(),
            };
            table(&rows, args.evidence, &label)
        }
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&rows).context("serializing rows")?;
            s.push('\n');
            s
        }
        Format::Csv => csv(&rows)?,
    };
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(Outcome::Ok)
}

fn table(rows: &[Row], evidence: bool, label: &dyn Fn(&str) -> String) -> String {
    let header = ["source", "relation", "target", "count", "first", "last"];
    let cells: Vec<[String; 6]> = rows
        .iter()
        .map(|r| {
            [
                label(&r.source),
                r.relation.to_string(),
                label(&r.target),
                r.count.to_string(),
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
            if i == 3 {
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
                out.push_str(&format!("    [{} #{}] {}\n", e.doc, e.sentence, e.text));
            }
        }
    }
    out
}

fn csv(rows: &[Row]) -> anyhow::Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "source",
        "relation",
        "target",
        "count",
        "documents",
        "first_date",
        "last_date",
    ])?;
    for r in rows {
        w.write_record([
            r.source.as_str(),
            r.relation.as_str(),
            r.target.as_str(),
            &r.count.to_string(),
            &r.documents.join(";"),
            r.first_date.as_deref().unwrap_or(""),
            r.last_date.as_deref().unwrap_or(""),
        ])?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}
