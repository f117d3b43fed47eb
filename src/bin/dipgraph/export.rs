//! `dipgraph export`: the graph as DOT, JSON, CSV, SVG or PNG.

use crate::{Global, Outcome};
use dipgraph::export::{self, render, ExportOptions};
use dipgraph::query;
use std::io::Write;
use std::path::PathBuf;

/// Output format of `dipgraph export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Graphviz DOT source.
    Dot,
    /// The graph file format (node-link JSON).
    Json,
    /// SVG rendered by Graphviz `dot`.
    Svg,
    /// PNG rendered by Graphviz `dot`.
    Png,
    /// Gephi edge table.
    Csv,
}

/// Options of `dipgraph export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value = "dot")]
    pub format: Format,
    /// Output file (written atomically); stdout when absent.
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Collapse each actor to its country.
    #[arg(long)]
    pub by_country: bool,
    /// Relation or family to keep (repeatable, or comma-separated).
    #[arg(long = "relation", value_name = "R")]
    pub relations: Vec<String>,
    /// Minimum evidence count of an edge.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub min_count: usize,
    /// Put evidence sentences in edge tooltips (DOT, SVG).
    #[arg(long)]
    pub evidence: bool,
}

/// Runs the command.
pub fn run(global: &Global, args: Args) -> anyhow::Result<Outcome> {
    let (relations, families) =
        query::parse_relations(&args.relations).map_err(anyhow::Error::msg)?;
    let graph = crate::query::load_graph(global)?;
    let opts = ExportOptions {
        by_country: args.by_country,
        relations,
        families,
        min_count: args.min_count,
        evidence: args.evidence,
    };
    let bytes: Vec<u8> = match args.format {
        Format::Dot => export::dot::to_dot(&graph, &opts).into_bytes(),
        Format::Json => export::json::to_json(&graph).into_bytes(),
        Format::Csv => export::csv::to_csv(&graph, &opts)?.into_bytes(),
        Format::Svg | Format::Png => {
            let f = if args.format == Format::Svg {
                render::RenderFormat::Svg
            } else {
                render::RenderFormat::Png
            };
            render::render(&export::dot::to_dot(&graph, &opts), f)?
        }
    };
    match &args.out {
        Some(p) => dipgraph::util::write_atomic(p, &bytes)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", p.display()))?,
        None => std::io::stdout().lock().write_all(&bytes)?,
    }
    Ok(Outcome::Ok)
}
