//! `dipgraph merge`: combine stores, graph files and extraction records into one store or
//! graph file.

use crate::{Global, Outcome};
use anyhow::Context;
use dipgraph::graph::{DipGraph, DocRecord};
use dipgraph::store::{looks_like_sqlite, Mode, OnChange, Store};
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// Options of `dipgraph merge`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Stores (.db), graph files (.json) or records of `dipgraph extract --records` (.jsonl).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// The result: a graph file when it ends in .json, a store otherwise; written only when
    /// every input was read, and atomically. The order and grouping of the inputs do not
    /// matter: a document with two texts keeps the later (by date, then hash).
    #[arg(long, short, value_name = "FILE")]
    pub out: PathBuf,
}

/// What an input file is.
enum Kind {
    Store,
    Graph,
    Records,
}

/// Tells stores, record files and graph files apart by their content.
fn kind_of(p: &Path) -> anyhow::Result<Kind> {
    if looks_like_sqlite(p) {
        return Ok(Kind::Store);
    }
    let f = std::fs::File::open(p).with_context(|| format!("cannot read {}", p.display()))?;
    let mut first = String::new();
    std::io::BufReader::new(f)
        .take(1 << 20)
        .read_line(&mut first)
        .ok();
    let v: Option<serde_json::Value> = serde_json::from_str(first.trim()).ok();
    let is_record = v.is_some_and(|v| v.get("claims").is_some() && v.get("hash").is_some());
    Ok(if is_record {
        Kind::Records
    } else {
        Kind::Graph
    })
}

use std::io::Read;

/// Runs the command.
pub fn run(global: &Global, args: Args) -> anyhow::Result<Outcome> {
    let to_graph = args.out.extension().is_some_and(|e| e == "json");
    let dir = match args.out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    // Everything goes into a temporary store beside the result, which replaces the result
    // only when every input has been read: one bad input leaves the result untouched.
    let tmp = tempfile::Builder::new()
        .prefix(".dipgraph-merge-")
        .suffix(".db")
        .tempfile_in(&dir)?;
    let mut merged = Store::open(tmp.path(), Mode::Create)?;
    let mut conflicts = 0;
    for p in &args.inputs {
        let outcomes = match kind_of(p)? {
            Kind::Store => {
                let src = Store::open(p, Mode::Read)?;
                let mut outcomes = Vec::new();
                let mut batch = Vec::with_capacity(512);
                for rec in src.records()? {
                    batch.push(rec?);
                    if batch.len() == 512 {
                        outcomes.extend(merged.add_batch(batch.drain(..), OnChange::Later)?);
                    }
                }
                outcomes.extend(merged.add_batch(batch, OnChange::Later)?);
                outcomes
            }
            Kind::Graph => {
                let g = DipGraph::load(p)?;
                merged.add_batch(g.into_records(), OnChange::Later)?
            }
            Kind::Records => add_records(&mut merged, p)?,
        };
        for o in outcomes {
            if matches!(
                o,
                dipgraph::store::Outcome::Replaced { .. } | dipgraph::store::Outcome::Kept { .. }
            ) {
                conflicts += 1;
            }
        }
        if conflicts > 0 && !global.quiet {
            eprintln!(
                "dipgraph: {conflicts} document(s) differ between inputs up to {}; kept the later versions",
                p.display()
            );
            conflicts = 0;
        }
    }
    let docs = merged.document_count()?;
    if to_graph {
        merged.save_graph_json(&args.out)?;
        drop(merged);
    } else {
        // Fold the write-ahead log into the file before it takes the result's name.
        merged
            .connection()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")
            .context("finishing the merged store")?;
        drop(merged);
        tmp.persist(&args.out)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {}", args.out.display(), e.error))?;
    }
    if !global.quiet {
        eprintln!(
            "merged {} input(s): {docs} documents -> {}",
            args.inputs.len(),
            args.out.display()
        );
    }
    Ok(Outcome::Ok)
}

/// Adds the records of a file written by `dipgraph extract --records`, a batch at a time;
/// a bad line is an error naming its line.
fn add_records(store: &mut Store, p: &Path) -> anyhow::Result<Vec<dipgraph::store::Outcome>> {
    let f = std::fs::File::open(p).with_context(|| format!("cannot read {}", p.display()))?;
    let mut outcomes = Vec::new();
    let mut batch: Vec<DocRecord> = Vec::with_capacity(512);
    for (i, line) in std::io::BufReader::new(f).lines().enumerate() {
        let line = line.with_context(|| format!("{}:{}", p.display(), i + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let rec: DocRecord = serde_json::from_str(&line).map_err(|e| {
            anyhow::anyhow!("{}:{}: not an extraction record: {e}", p.display(), i + 1)
        })?;
        if let Some(id) = rec.dangling() {
            anyhow::bail!(
                "{}:{}: record of '{}' uses entity '{id}' that it does not list",
                p.display(),
                i + 1,
                rec.info.id
            );
        }
        batch.push(rec);
        if batch.len() == 512 {
            outcomes.extend(store.add_batch(batch.drain(..), OnChange::Later)?);
        }
    }
    outcomes.extend(store.add_batch(batch, OnChange::Later)?);
    Ok(outcomes)
}
