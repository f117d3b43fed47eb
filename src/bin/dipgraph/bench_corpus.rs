//! `dipgraph bench-corpus`: a deterministic corpus of invented articles for benchmarks.

use crate::{Global, Outcome};
use anyhow::Context;
use std::path::PathBuf;

/// Options of `dipgraph bench-corpus`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Number of articles (about 1 KB each).
    #[arg(long, value_name = "N")]
    pub docs: u64,
    /// Seed: the same seed and size give the same bytes; ids differ between seeds.
    #[arg(long, default_value_t = 1, value_name = "S")]
    pub seed: u64,
    /// Output file (JSON Lines); stdout when absent.
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Runs the command.
pub fn run(_global: &Global, args: Args) -> anyhow::Result<Outcome> {
    match &args.out {
        Some(p) => {
            let f = std::fs::File::create(p)
                .with_context(|| format!("cannot write {}", p.display()))?;
            dipgraph::synth::write_corpus(std::io::BufWriter::new(f), args.docs, args.seed)
                .with_context(|| format!("cannot write {}", p.display()))?;
        }
        None => {
            let out = std::io::stdout();
            dipgraph::synth::write_corpus(
                std::io::BufWriter::new(out.lock()),
                args.docs,
                args.seed,
            )?;
        }
    }
    Ok(Outcome::Ok)
}
