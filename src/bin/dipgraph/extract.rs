//! `dipgraph extract`: statements of articles as JSON Lines on stdout.

use crate::{common, Global, Outcome};
use dipgraph::actors::Gazetteer;
use dipgraph::extract::{Extractor, SentenceView};
use dipgraph::graph::DocRecord;
use dipgraph::ingest::Document;
use dipgraph::pipeline::run_inputs;
use std::io::Write;

/// Options of `dipgraph extract`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: common::InputArgs,
    /// Print only asserted statements (no negated or hypothetical ones).
    #[arg(long)]
    pub asserted: bool,
    /// Print one record per document instead of one line per statement: the document, the
    /// entities it names, its asserted statements and affiliations, which `dipgraph merge`
    /// loads into a store (for running extraction as the mapper of a cluster job).
    #[arg(long, conflicts_with_all = ["asserted", "explain"])]
    pub records: bool,
    /// Also print, on stderr, each sentence with the actors recognized in it: `[words]{ID}`
    /// marks an actor span and the id it stands for; `{ID~}` a modifier ("the Russian
    /// envoy"), `{ID'}` a possessive ("Russia's").
    #[arg(long)]
    pub explain: bool,
}

/// What one document gives: output lines and, with --explain, its marked sentences.
type Done = Result<(Vec<u8>, String, u64), dipgraph::ingest::IngestError>;

/// Runs the command.
pub fn run(global: &Global, args: Args) -> anyhow::Result<Outcome> {
    let actors = common::actors(global)?;
    let lex = common::lexicon(global)?;
    let model = args.input.model()?;
    let mut ex = Extractor::new(actors.get(), lex.get()).with_model(model.as_deref());
    ex.min_confidence = args.input.min_confidence;
    let progress = common::Progress::new(global, &args.input);
    let inputs = args.input.read();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut failed = false;
    let mut io_err: Option<std::io::Error> = None;
    let ex = &ex;
    let gaz = actors.get();
    // Serializing happens on the worker threads; the writer only copies bytes.
    let map = |item: dipgraph::pipeline::Item| -> Done {
        let (d, x) = item?;
        let size = d.raw.len() as u64;
        let Some(x) = x else {
            return Ok((Vec::new(), String::new(), size));
        };
        let explained = if args.explain {
            explain(&d, &ex.analyse(&d), gaz)
        } else {
            String::new()
        };
        let mut bytes = Vec::new();
        if args.records {
            let rec = DocRecord::from_extraction(x);
            serde_json::to_writer(&mut bytes, &rec).expect("records serialize");
            bytes.push(b'\n');
        } else {
            for s in x
                .statements
                .iter()
                .filter(|s| !args.asserted || s.is_asserted())
            {
                serde_json::to_writer(&mut bytes, s).expect("statements serialize");
                bytes.push(b'\n');
            }
        }
        Ok((bytes, explained, size))
    };
    run_inputs(
        inputs,
        ex,
        |_| false,
        map,
        |r: Done| match r {
            Ok((bytes, explained, size)) => {
                progress.advance(size);
                if !explained.is_empty() {
                    eprint!("{explained}");
                }
                if let Err(e) = out.write_all(&bytes) {
                    io_err = Some(e);
                    return false;
                }
                true
            }
            Err(e) => {
                failed = true;
                progress.println(&e.to_string());
                true
            }
        },
    );
    progress.finish();
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

/// Each sentence with its actor spans marked, one line per sentence.
fn explain(d: &Document, views: &[SentenceView<'_>], gaz: &Gazetteer) -> String {
    let mut text = String::new();
    for v in views {
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
        text.push_str(&format!(
            "{}#{}: {}\n",
            d.id,
            v.sentence.index,
            marked.join(" ")
        ));
        // An undated document takes each office holder as the most recent holder of the
        // name: say so, since the date decides roll-ups.
        if d.date.is_none() {
            for s in &v.spans {
                let surface: Vec<&str> = v.words[s.first..=s.last].iter().map(|w| w.text).collect();
                if let Some(n) = gaz.undated_note(&surface.join(" "), &s.actor) {
                    text.push_str(&format!("  note: {n}\n"));
                }
            }
        }
    }
    text
}
