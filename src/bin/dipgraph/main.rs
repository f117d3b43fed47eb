//! The dipgraph command line: one file per command, the work itself lives in the library.

mod build;
mod common;
mod eval;
mod export;
mod extract;
mod merge;
mod query;
mod report;
mod resolve;
mod train;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Options every command understands.
#[derive(Debug, Clone, clap::Args)]
pub struct Global {
    /// Graph file to read and write.
    #[arg(
        long,
        global = true,
        default_value = "output/graph.json",
        value_name = "FILE"
    )]
    pub graph: PathBuf,
    /// Extra actor dictionary (TOML, same format as data/actors); repeatable.
    #[arg(long = "actors", global = true, value_name = "FILE")]
    pub actors: Vec<PathBuf>,
    /// Extra relation lexicon (TOML, same format as data/lexicon/relations.toml); repeatable.
    #[arg(long = "lexicon", global = true, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
    /// Configuration file naming actor dictionaries and lexicons [default: ./dipgraph.toml if present].
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Print nothing but errors.
    #[arg(long, short, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Parser)]
#[command(
    name = "dipgraph",
    version,
    about = "Turns news articles into a traceable graph of diplomatic statements"
)]
struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Ingest articles, extract statements and add them to the graph file.
    Build(build::Args),
    /// Print the statements of articles as JSON Lines.
    Extract(extract::Args),
    /// Ask the graph who said what about whom.
    Query(query::Args),
    /// Write the graph for Graphviz, Gephi, networkx, igraph, Neo4j, Cytoscape, D3 or a browser.
    Export(export::Args),
    /// Write a self-contained HTML report: diagram, statement table, evidence, timeline.
    Report(report::Args),
    /// Show the entity a mention resolves to.
    Resolve(resolve::Args),
    /// Combine graph files into one.
    Merge(merge::Args),
    /// Score extraction against gold annotations, or cross-validate the scorer.
    Eval(eval::Args),
    /// Fit the statement scorer on annotated documents and write its weights.
    Train(train::Args),
}

/// How a command ended: all good, or some inputs failed but the rest was processed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything succeeded.
    Ok,
    /// Some inputs were reported as bad; exit code 1.
    Partial,
}

fn main() -> ExitCode {
    // One line per internal error; the document it happened on is reported by the caller.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("dipgraph: internal error: {info}")
    }));
    let mut cli = Cli::parse();
    if let Err(e) = common::apply_config(&mut cli.global) {
        eprintln!("dipgraph: {e:#}");
        return ExitCode::from(2);
    }
    let result = match cli.command {
        Command::Build(a) => build::run(&cli.global, a),
        Command::Extract(a) => extract::run(&cli.global, a),
        Command::Query(a) => query::run(&cli.global, a),
        Command::Export(a) => export::run(&cli.global, a),
        Command::Report(a) => report::run(&cli.global, a),
        Command::Resolve(a) => resolve::run(&cli.global, a),
        Command::Merge(a) => merge::run(&cli.global, a),
        Command::Eval(a) => eval::run(&cli.global, a),
        Command::Train(a) => train::run(&cli.global, a),
    };
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Partial) => ExitCode::from(1),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("dipgraph: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
