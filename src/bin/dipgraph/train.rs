//! `dipgraph train`: fits the statement scorer on annotated documents and writes its
//! weights (deterministic: the same data gives the same bytes).

use crate::eval::{corpora, gold_documents};
use crate::{common, Global, Outcome};
use dipgraph::crossval;
use dipgraph::extract::learn::TrainOptions;
use dipgraph::extract::Extractor;
use std::path::PathBuf;

/// Options of `dipgraph train`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Gold annotations to learn from (JSON Lines, the guideline's format); repeatable.
    #[arg(long, value_name = "GOLD", required = true)]
    pub gold: Vec<PathBuf>,
    /// Further annotations to learn from (unreviewed); repeatable.
    #[arg(long, value_name = "GOLD")]
    pub silver: Vec<PathBuf>,
    /// Where to write the weights.
    #[arg(long, value_name = "FILE", default_value = "data/model/weights.tsv")]
    pub out: PathBuf,
    #[command(flatten)]
    pub input: common::InputArgs,
}

/// Runs the command.
pub fn run(global: &Global, args: Args) -> anyhow::Result<Outcome> {
    let actors = common::actors(global)?;
    let lex = common::lexicon(global)?;
    let corpora = corpora(&args.gold, &args.silver)?;
    let (docs, failed) = gold_documents(&args.input, &corpora);
    let ex = Extractor::new(actors.get(), lex.get());
    let prepared = crossval::prepare(&ex, &corpora, &docs);
    let n_docs = prepared.docs.len();
    let n_cands: usize = prepared.docs.iter().map(|d| d.3.examples.len()).sum();
    let files: Vec<&str> = corpora.iter().map(|c| c.name.as_str()).collect();
    let notes = vec![
        "Statement scorer of dipgraph: logistic regression weights over candidate features.".into(),
        "Written by `dipgraph train`; regenerate it with the command in README.md.".into(),
        format!(
            "Trained on {n_docs} annotated documents ({n_cands} candidates) of: {}.",
            files.join(", ")
        ),
    ];
    let model = crossval::train_on(&prepared, |_, _| true, &TrainOptions::default(), notes);
    dipgraph::util::write_atomic(&args.out, model.to_text().as_bytes())?;
    if !global.quiet {
        eprintln!(
            "wrote {} ({} weights, threshold {:.3}) from {n_docs} documents",
            args.out.display(),
            model.len(),
            model.threshold
        );
    }
    Ok(if failed {
        Outcome::Partial
    } else {
        Outcome::Ok
    })
}
