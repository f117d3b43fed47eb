//! `dipgraph build`: ingest, extract and add articles to the store, then write the graph
//! file and its DOT diagram as exports.

use crate::{common, Global, Outcome};
use anyhow::Context;
use dipgraph::extract::Extractor;
use dipgraph::graph::{check_overwrite, DocRecord};
use dipgraph::ingest::{IngestError, Origin};
use dipgraph::model::Extraction;
use dipgraph::pipeline::{run_inputs, Item};
use dipgraph::store::{Mode, OnChange, Store, StoreError, ViewSpec};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Options of `dipgraph build`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: common::InputArgs,
    /// Replace a stored document when a document with the same id comes with another text
    /// (without it the stored version is kept and the change reported).
    #[arg(long)]
    pub replace: bool,
    /// Where to write the DOT diagram [default: the graph file with extension .dot; "-" for none].
    #[arg(long, value_name = "FILE")]
    pub dot: Option<PathBuf>,
    /// Only update the store; write neither the graph file nor the diagram (a full pass over
    /// the store, which large stores may rather do once with `dipgraph export`).
    #[arg(long)]
    pub no_export: bool,
}

/// Why the statements found did or did not become edges of the graph.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    extracted: usize,
    edges: usize,
    negated: usize,
    hedged: usize,
    untargeted: usize,
    below: usize,
}

impl Tally {
    /// Sorts the statements of one extraction into the tally; drops those under the threshold.
    fn count(&mut self, x: &mut Extraction, min_confidence: f32) {
        self.extracted += x.statements.len();
        x.statements.retain(|s| {
            let keep = s.confidence >= min_confidence;
            if !keep {
                self.below += 1;
            }
            keep
        });
        for s in &x.statements {
            match () {
                _ if s.negated => self.negated += 1,
                _ if s.hedged => self.hedged += 1,
                _ if s.target.is_none() => self.untargeted += 1,
                _ => self.edges += 1,
            }
        }
    }

    fn add(&mut self, o: &Tally) {
        self.extracted += o.extracted;
        self.edges += o.edges;
        self.negated += o.negated;
        self.hedged += o.hedged;
        self.untargeted += o.untargeted;
        self.below += o.below;
    }
}

/// What the workers hand the store writer for one input.
enum Done {
    Extracted(Box<DocRecord>, Tally, Origin, u64),
    Skipped(String, String, Origin, u64),
    Failed(IngestError),
}

/// Document counts of the run.
#[derive(Debug, Default)]
struct Counts {
    read: usize,
    added: usize,
    replaced: usize,
    unchanged: usize,
    kept: usize,
    errors: usize,
}

/// Documents written to the store per transaction: a killed build loses at most this many.
const COMMIT_EVERY: usize = 512;

/// Runs the command.
pub fn run(global: &Global, args: Args) -> anyhow::Result<Outcome> {
    let store_path = common::store_path(global);
    let graph_path = common::graph_path(global);
    let dot_path = match &args.dot {
        Some(p) if p.as_os_str() == "-" => None,
        Some(p) => Some(p.clone()),
        None => Some(graph_path.with_extension("dot")),
    };
    if !args.no_export {
        // A file that is not ours is refused before anything is written.
        check_overwrite(&graph_path)?;
    }
    let mut store = Store::open(&store_path, Mode::Create)?;
    // The workers ask a second connection which documents are already stored.
    let known = Mutex::new(Store::open(&store_path, Mode::Read)?);
    let actors = common::actors(global)?;
    let lex = common::lexicon(global)?;
    // The threshold is applied here rather than in the extractor, so the summary can count
    // what it drops.
    let model = args.input.model()?;
    let ex = Extractor::new(actors.get(), lex.get()).with_model(model.as_deref());
    let min_conf = args.input.min_confidence;
    let replace = args.replace;
    let progress = common::Progress::new(global, &args.input);
    let inputs = args.input.read();
    let mut counts = Counts::default();
    let mut tally = Tally::default();
    let mut pending: Vec<(DocRecord, Origin)> = Vec::with_capacity(COMMIT_EVERY);
    let mut failure: Option<StoreError> = None;
    let on_change = if replace {
        OnChange::Replace
    } else {
        OnChange::Keep
    };
    let skip = |d: &dipgraph::ingest::Document| {
        let stored = known
            .lock()
            .ok()
            .and_then(|s| s.stored_hash(&d.id).ok().flatten());
        match stored {
            Some(h) if h == d.hash => true,
            Some(_) => !replace,
            None => false,
        }
    };
    let map = |item: Item| match item {
        Ok((d, Some(mut x))) => {
            let mut t = Tally::default();
            t.count(&mut x, min_conf);
            let size = d.raw.len() as u64;
            Done::Extracted(Box::new(DocRecord::from_extraction(x)), t, d.origin, size)
        }
        Ok((d, None)) => Done::Skipped(d.id, d.hash, d.origin, d.raw.len() as u64),
        Err(e) => Done::Failed(e),
    };
    let quiet = global.quiet;
    let flush = |store: &mut Store,
                 pending: &mut Vec<(DocRecord, Origin)>,
                 counts: &mut Counts|
     -> Result<(), StoreError> {
        let origins: Vec<Origin> = pending.iter().map(|(_, o)| o.clone()).collect();
        let outcomes = store.add_batch(pending.drain(..).map(|(r, _)| r), on_change)?;
        for (o, origin) in outcomes.into_iter().zip(origins) {
            use dipgraph::store::Outcome as O;
            match o {
                O::Added => counts.added += 1,
                O::Unchanged => counts.unchanged += 1,
                O::Replaced { .. } => {
                    counts.replaced += 1;
                    if !quiet {
                        progress.println(&format!(
                            "{origin}: replaced the stored document with this new text"
                        ));
                    }
                }
                O::Kept { .. } => counts.kept += 1,
            }
        }
        Ok(())
    };
    run_inputs(inputs, &ex, skip, map, |done| {
        match done {
            Done::Extracted(rec, t, origin, size) => {
                counts.read += 1;
                tally.add(&t);
                progress.advance(size);
                pending.push((*rec, origin));
            }
            Done::Skipped(id, hash, origin, size) => {
                counts.read += 1;
                progress.advance(size);
                let stored = known
                    .lock()
                    .ok()
                    .and_then(|s| s.stored_hash(&id).ok().flatten());
                if stored.is_some_and(|h| h != hash) {
                    counts.kept += 1;
                    progress.println(&format!(
                        "{origin}: document '{id}' is stored with another text; kept the stored version (--replace replaces it)"
                    ));
                } else {
                    counts.unchanged += 1;
                }
            }
            Done::Failed(e) => {
                counts.errors += 1;
                progress.println(&e.to_string());
            }
        }
        if pending.len() >= COMMIT_EVERY {
            if let Err(e) = flush(&mut store, &mut pending, &mut counts) {
                failure = Some(e);
                return false;
            }
        }
        true
    });
    if let Some(e) = failure {
        return Err(e.into());
    }
    flush(&mut store, &mut pending, &mut counts)?;
    progress.finish();
    drop(known);
    let changed = counts.added + counts.replaced > 0;
    let mut wrote = Vec::new();
    if !args.no_export {
        if changed || !graph_path.exists() {
            store.save_graph_json(&graph_path)?;
        }
        wrote.push(graph_path.clone());
        if let Some(p) = &dot_path {
            if changed || !p.exists() {
                write_dot(&store, p)?;
            }
            wrote.push(p.clone());
        }
    }
    if !global.quiet {
        summary(&store, &counts, &tally, min_conf)?;
        let mut names = vec![store_path.display().to_string()];
        names.extend(wrote.iter().map(|p| p.display().to_string()));
        eprintln!("wrote {}", names.join(", "));
    }
    Ok(if counts.errors > 0 {
        Outcome::Partial
    } else {
        Outcome::Ok
    })
}

/// Evidence sentences an edge of the diagram shows in its tooltip.
const DIAGRAM_EVIDENCE: usize = 5;

/// Above this many statement edges, the diagram's tooltips give each edge's first sentence
/// only (and how many more there are), so that memory stays small on large stores.
const DIAGRAM_FULL_EDGES: usize = 5_000;

/// The DOT diagram of the store's graph (the top actors of a large one, as the export module
/// chooses), read with only the first sentences of each edge, which its tooltip shows, so
/// that memory grows with the edges and not with the statements.
fn write_dot(store: &Store, p: &Path) -> anyhow::Result<()> {
    let sentences = if store.edge_count()? <= DIAGRAM_FULL_EDGES {
        DIAGRAM_EVIDENCE
    } else {
        1
    };
    // Exports read more than they write: a smaller page cache is enough.
    store
        .connection()
        .execute_batch("PRAGMA cache_size = -16384")
        .context("setting the page cache")?;
    let spec = ViewSpec {
        evidence: Some(sentences),
        text: true,
        documents: false,
        edge_documents: false,
        top: None,
    };
    let graph = store.graph_view(&spec)?;
    let text = dipgraph::export::build_diagram(&graph);
    dipgraph::util::write_atomic(p, text.as_bytes())
        .with_context(|| format!("cannot write {}", p.display()))
}

/// The three lines that say what the build did.
fn summary(store: &Store, c: &Counts, t: &Tally, min_conf: f32) -> anyhow::Result<()> {
    let mut docs = format!(
        "{} documents read: {} added, {} replaced, {} already in the store",
        c.read, c.added, c.replaced, c.unchanged
    );
    if c.kept > 0 {
        docs.push_str(&format!(
            ", {} stored with another text and kept (--replace replaces them)",
            c.kept
        ));
    }
    docs.push_str(&format!(", {} failed", c.errors));
    eprintln!("{docs}");
    let not = [
        format!("{} negated", t.negated),
        format!("{} hypothetical", t.hedged),
        format!(
            "{} with no named target (kept on their actor)",
            t.untargeted
        ),
        format!("{} below the confidence threshold ({min_conf})", t.below),
    ];
    eprintln!(
        "{} statements extracted, {} entered the graph as edges; not entered: {}",
        t.extracted,
        t.edges,
        not.join(", ")
    );
    eprintln!(
        "store has {} documents, {} actors, {} statement edges",
        store.document_count()?,
        store.entity_count()?,
        store.edge_count()?
    );
    Ok(())
}
