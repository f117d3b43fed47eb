//! `dipgraph query` (work in progress).

use crate::{Global, Outcome};

/// Options of `dipgraph query`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs the command.
pub fn run(_global: &Global, _args: Args) -> anyhow::Result<Outcome> {
    anyhow::bail!("not implemented yet")
}
