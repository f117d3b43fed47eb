//! `dipgraph extract`: statements of articles as JSON Lines on stdout.

use crate::{common, Global, Outcome};
use dipgraph::extract::{run_stream, Extractor};
use std::io::Write;

/// Options of `dipgraph extract`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: common::InputArgs,
    /// Print only asserted statements (no negated or hypothetical ones).
    #[arg(long)]
    pub asserted: bool,
    /// Also print, on stderr, each sentence with the actors recognized in it.
    #[arg(long)]
    pub explain: bool,
}

/// Runs the command.
pub fn run(global: &Global, args: Args) -> anyhow::Result<Outcome> {
    let actors = common::actors(global)?;
    let lex = common::lexicon(global)?;
    let model = args.input.model()?;
    let mut ex = Extractor::new(actors.get(), lex.get()).with_model(model.as_deref());
    ex.min_confidence = args.input.min_confidence;
    let inputs = args.input.read();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let mut io_err: Option<std::io::Error> = None;
    run_stream(
        inputs,
        &ex,
        |_| false,
        |r| match r {
            Ok((d, Some(x))) => {
                if args.explain {
                    for v in ex.analyse(&d) {
                        let marked: Vec<String> = v
                            .words
                            .iter()
                            .enumerate()
                            .map(|(i, w)| {
                                let mut t = w.text.to_string();
                                for _ in v.spans.iter().filter(|s| s.first == i) {
                                    t = format!("[{t}");
                                }
                                for s in v.spans.iter().filter(|s| s.last == i) {
                                    let tag = if s.modifier {
                                        "~"
                                    } else if s.possessive {
                                        "'"
                                    } else {
                                        ""
                                    };
                                    t = format!("{t}]{{{}{tag}}}", s.statement_source().id);
                                }
                                t
                            })
                            .collect();
                        eprintln!("{}#{}: {}", d.id, v.sentence.index, marked.join(" "));
                        // An undated document takes each office holder as the most recent
                        // holder of the name: say so, since the date decides roll-ups.
                        if d.date.is_none() {
                            for s in &v.spans {
                                let surface: Vec<&str> =
                                    v.words[s.first..=s.last].iter().map(|w| w.text).collect();
                                if let Some(n) =
                                    actors.get().undated_note(&surface.join(" "), &s.actor)
                                {
                                    eprintln!("  note: {n}");
                                }
                            }
                        }
                    }
                }
                for s in x
                    .statements
                    .iter()
                    .filter(|s| !args.asserted || s.is_asserted())
                {
                    if io_err.is_some() {
                        return;
                    }
                    let line = serde_json::to_string(s).expect("statements serialize");
                    if let Err(e) = writeln!(out, "{line}") {
                        io_err = Some(e);
                    }
                }
            }
            Ok((_, None)) => {}
            Err(e) => {
                failed = true;
                eprintln!("{e}");
            }
        },
    );
    if let Some(e) = io_err {
        return Err(e.into());
    }
    out.flush()?;
    Ok(if failed {
        Outcome::Partial
    } else {
        Outcome::Ok
    })
}
