//! `dipgraph merge` (work in progress).

use crate::{Global, Outcome};

/// Options of `dipgraph merge`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs the command.
pub fn run(_global: &Global, _args: Args) -> anyhow::Result<Outcome> {
    anyhow::bail!("not implemented yet")
}
