//! `dipgraph eval`: precision, recall and F1 of extraction against gold annotations.

use crate::{common, Global, Outcome};
use dipgraph::eval::{read_gold, score};
use dipgraph::extract::Extractor;
use dipgraph::pipeline::run_stream;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// Options of `dipgraph eval`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Gold annotations (JSON Lines, the guideline's format).
    #[arg(long, value_name = "GOLD")]
    pub gold: PathBuf,
    #[command(flatten)]
    pub input: common::InputArgs,
    /// List every miss and false alarm.
    #[arg(long, short)]
    pub verbose: bool,
}

/// Runs the command.
pub fn run(global: &Global, args: Args) -> anyhow::Result<Outcome> {
    let gold = read_gold(&args.gold)?;
    let wanted: BTreeSet<&str> = gold.iter().map(|g| g.doc.as_str()).collect();
    let actors = common::actors(global)?;
    let lex = common::lexicon(global)?;
    let mut ex = Extractor::new(actors.get(), lex.get());
    ex.min_confidence = args.input.min_confidence;
    let mut predicted = BTreeMap::new();
    let mut failed = false;
    let inputs = args.input.read();
    run_stream(
        inputs,
        &ex,
        |d| !wanted.contains(d.id.as_str()),
        |r| match r {
            Ok((d, Some(x))) => {
                predicted.insert(d.id, x.statements);
            }
            Ok(_) => {}
            Err(e) => {
                failed = true;
                eprintln!("{e}");
            }
        },
    );
    let report = score(&gold, &predicted);
    print!("{}", report.render(args.verbose));
    Ok(if failed {
        Outcome::Partial
    } else {
        Outcome::Ok
    })
}
