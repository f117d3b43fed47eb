//! `dipgraph build`: ingest, extract and merge articles into the graph file (and its DOT diagram).

use crate::{common, Global, Outcome};
use anyhow::Context;
use dipgraph::extract::{run_stream, Extractor};
use dipgraph::graph::{AddOutcome, DipGraph};
use std::collections::HashMap;
use std::path::PathBuf;

/// Options of `dipgraph build`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: common::InputArgs,
    /// Where to write the DOT diagram (default: the graph file with extension .dot; "-" for none).
    #[arg(long, value_name = "FILE")]
    pub dot: Option<PathBuf>,
}

/// Runs the command.
pub fn run(global: &Global, args: Args) -> anyhow::Result<Outcome> {
    let mut graph = match DipGraph::load(&global.graph) {
        Ok(g) => g,
        Err(e) if e.is_missing() => DipGraph::new(),
        // A foreign, newer or corrupt graph file is refused and left as it is.
        Err(e) => return Err(anyhow::anyhow!("{e}")),
    };
    let actors = common::actors(global)?;
    let lex = common::lexicon(global)?;
    let model = args.input.model()?;
    let mut ex = Extractor::new(actors.get(), lex.get()).with_model(model.as_deref());
    ex.min_confidence = args.input.min_confidence;
    let inputs = args.input.read();
    let (mut read, mut added, mut unchanged, mut replaced, mut errors, mut statements) =
        (0, 0, 0, 0, 0, 0);
    // Only the keys of the documents already in the graph are needed to skip them.
    let known: HashMap<String, String> = graph
        .documents()
        .map(|d| (d.id.clone(), d.hash.clone()))
        .collect();
    run_stream(
        inputs,
        &ex,
        |d| known.get(&d.id) == Some(&d.hash),
        |r| match r {
            Ok((_, None)) => {
                read += 1;
                unchanged += 1;
            }
            Ok((_, Some(x))) => {
                read += 1;
                statements += x.statements.iter().filter(|s| s.is_asserted()).count();
                match graph.add(x) {
                    AddOutcome::Added => added += 1,
                    AddOutcome::Unchanged => unchanged += 1,
                    AddOutcome::Replaced { .. } => replaced += 1,
                }
            }
            Err(e) => {
                errors += 1;
                eprintln!("{e}");
            }
        },
    );
    graph
        .save(&global.graph)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let dot_path = match &args.dot {
        Some(p) if p.as_os_str() == "-" => None,
        Some(p) => Some(p.clone()),
        None => Some(global.graph.with_extension("dot")),
    };
    if let Some(p) = &dot_path {
        let text = dipgraph::export::build_diagram(&graph);
        dipgraph::util::write_atomic(p, text.as_bytes())
            .with_context(|| format!("cannot write {}", p.display()))?;
    }
    if !global.quiet {
        let edges = graph.edges().filter(|e| !e.is_affiliation()).count();
        eprintln!(
            "{read} documents read: {added} added, {replaced} replaced, {unchanged} already in the graph, {errors} failed; \
             {statements} statements extracted; graph has {} documents, {} actors, {edges} statement edges",
            graph.document_count(),
            graph.nodes().count(),
        );
        match &dot_path {
            Some(p) => eprintln!("wrote {} and {}", global.graph.display(), p.display()),
            None => eprintln!("wrote {}", global.graph.display()),
        }
    }
    Ok(if errors > 0 {
        Outcome::Partial
    } else {
        Outcome::Ok
    })
}
