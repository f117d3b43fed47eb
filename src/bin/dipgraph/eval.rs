//! `dipgraph eval`: precision, recall and F1 of extraction against gold annotations, on the
//! shipped scorer or cross-validated (`--folds K`: trained on the other folds only).

use crate::{common, Global, Outcome};
use dipgraph::crossval::{self, Corpus};
use dipgraph::eval::{read_gold, score, GoldDoc};
use dipgraph::extract::learn::TrainOptions;
use dipgraph::extract::{run_stream, Extractor};
use dipgraph::ingest::Document;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Options of `dipgraph eval`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Gold annotations (JSON Lines, the guideline's format); repeatable, scored one by one;
    /// in cross-validation, files joined by `+` are scored as one corpus.
    #[arg(long, value_name = "GOLD", required = true)]
    pub gold: Vec<PathBuf>,
    /// Annotations used only to train in cross-validation, never scored; repeatable.
    #[arg(long, value_name = "GOLD")]
    pub silver: Vec<PathBuf>,
    /// Cross-validate in K folds (default 5): for each fold, the scorer is trained on the
    /// documents of the other folds of every gold file (and on the silver files) and scored
    /// on this fold. Fold 0 is the check fold: its errors are never listed.
    #[arg(long, value_name = "K", num_args = 0..=1, default_missing_value = "5")]
    pub folds: Option<usize>,
    #[command(flatten)]
    pub input: common::InputArgs,
    /// List misses and false alarms (in cross-validation, of folds 1 and up only).
    #[arg(long, short)]
    pub verbose: bool,
    /// Training settings (for experiments): L2 penalty, epochs, base step.
    #[arg(long, hide = true)]
    pub l2: Option<f32>,
    #[arg(long, hide = true)]
    pub epochs: Option<usize>,
    #[arg(long, hide = true)]
    pub rate: Option<f32>,
    #[arg(long, hide = true)]
    pub min_count: Option<usize>,
    #[arg(long, hide = true)]
    pub min_precision: Option<f64>,
}

impl Args {
    /// Training settings: the defaults, with any override given.
    pub fn train_options(&self) -> TrainOptions {
        let d = TrainOptions::default();
        TrainOptions {
            l2: self.l2.unwrap_or(d.l2),
            epochs: self.epochs.unwrap_or(d.epochs),
            rate: self.rate.unwrap_or(d.rate),
            min_count: self.min_count.unwrap_or(d.min_count),
            min_precision: self.min_precision.unwrap_or(d.min_precision),
            ..d
        }
    }
}

/// Reads gold files into corpora named by their file names; files joined by `+` on the
/// command line ("a.jsonl+b.jsonl") form one corpus.
pub fn corpora(gold: &[PathBuf], silver: &[PathBuf]) -> anyhow::Result<Vec<Corpus>> {
    let name = |p: &Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| p.display().to_string())
    };
    let mut out = Vec::new();
    for (paths, scored) in [(gold, true), (silver, false)] {
        for arg in paths {
            let parts: Vec<PathBuf> = arg
                .to_string_lossy()
                .split('+')
                .map(PathBuf::from)
                .collect();
            let mut gold = Vec::new();
            for p in &parts {
                gold.extend(read_gold(p)?);
            }
            out.push(Corpus {
                name: parts.iter().map(|p| name(p)).collect::<Vec<_>>().join("+"),
                gold,
                scored,
            });
        }
    }
    Ok(out)
}

/// Reads the documents of the inputs that some corpus annotates; bad inputs are reported.
pub fn gold_documents(
    input: &common::InputArgs,
    corpora: &[Corpus],
) -> (BTreeMap<String, Document>, bool) {
    let wanted: BTreeSet<&str> = corpora
        .iter()
        .flat_map(|c| c.gold.iter().map(|g| g.doc.as_str()))
        .collect();
    let mut docs = BTreeMap::new();
    let mut failed = false;
    for r in input.read() {
        match r {
            Ok(d) if wanted.contains(d.id.as_str()) => {
                docs.insert(d.id.clone(), d);
            }
            Ok(_) => {}
            Err(e) => {
                failed = true;
                eprintln!("{e}");
            }
        }
    }
    (docs, failed)
}

/// Runs the command.
pub fn run(global: &Global, args: Args) -> anyhow::Result<Outcome> {
    let actors = common::actors(global)?;
    let lex = common::lexicon(global)?;
    if let Some(k) = args.folds {
        anyhow::ensure!(k >= 2, "--folds needs at least 2 folds");
        let corpora = corpora(&args.gold, &args.silver)?;
        let (docs, failed) = gold_documents(&args.input, &corpora);
        let ex = Extractor::new(actors.get(), lex.get());
        let prepared = crossval::prepare(&ex, &corpora, &docs);
        let learned = !args.input.rules_only;
        let report = crossval::cross_validate(
            &prepared,
            &corpora,
            lex.get(),
            k,
            learned,
            &args.train_options(),
        );
        print!("{}", report.render(args.verbose));
        return Ok(if failed {
            Outcome::Partial
        } else {
            Outcome::Ok
        });
    }
    let model = args.input.model()?;
    let mut ex = Extractor::new(actors.get(), lex.get()).with_model(model.as_deref());
    ex.min_confidence = args.input.min_confidence;
    let golds: Vec<(String, Vec<GoldDoc>)> = args
        .gold
        .iter()
        .map(|p| Ok((p.display().to_string(), read_gold(p)?)))
        .collect::<anyhow::Result<_>>()?;
    let wanted: BTreeSet<&str> = golds
        .iter()
        .flat_map(|(_, g)| g.iter().map(|d| d.doc.as_str()))
        .collect();
    let mut predicted = BTreeMap::new();
    let mut failed = false;
    run_stream(
        args.input.read(),
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
    for (name, gold) in &golds {
        if golds.len() > 1 {
            println!("== {name}");
        }
        print!("{}", score(gold, &predicted).render(args.verbose));
    }
    Ok(if failed {
        Outcome::Partial
    } else {
        Outcome::Ok
    })
}
