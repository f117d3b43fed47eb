//! `dipgraph merge`: combine graph files into one.

use crate::{Global, Outcome};
use dipgraph::graph::DipGraph;
use std::path::PathBuf;

/// Options of `dipgraph merge`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Graph files to merge.
    #[arg(required = true, value_name = "GRAPH")]
    pub inputs: Vec<PathBuf>,
    /// Where to write the merged graph (atomically).
    #[arg(long, short, value_name = "FILE")]
    pub out: PathBuf,
}

/// Runs the command.
pub fn run(global: &Global, args: Args) -> anyhow::Result<Outcome> {
    // Load everything before writing anything, so one bad input leaves the output untouched.
    let mut graphs = Vec::with_capacity(args.inputs.len());
    for p in &args.inputs {
        graphs.push(DipGraph::load(p)?);
    }
    let mut merged = DipGraph::new();
    for (g, p) in graphs.into_iter().zip(&args.inputs) {
        for id in merged.merge(g) {
            if !global.quiet {
                eprintln!(
                    "dipgraph: document '{id}' differs in {}; kept the later version",
                    p.display()
                );
            }
        }
    }
    merged.save(&args.out)?;
    if !global.quiet {
        eprintln!(
            "merged {} graph(s): {} documents -> {}",
            args.inputs.len(),
            merged.document_count(),
            args.out.display()
        );
    }
    Ok(Outcome::Ok)
}
