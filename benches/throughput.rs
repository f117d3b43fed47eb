//! Ingest + extraction throughput over a JSON Lines corpus (no harness, no criterion).
//!
//! `DIPGRAPH_BENCH_INPUT` names the corpus (default `../shared/corpus/reuters-21578.jsonl`,
//! relative to the crate root); when it is absent the bench says so and exits 0.

use dipgraph::actors::Gazetteer;
use dipgraph::extract::{Extractor, Lexicon};
use dipgraph::ingest::read_inputs;
use dipgraph::pipeline::run_stream;
use std::path::PathBuf;
use std::time::{Duration, Instant};

const RUNS: usize = 3;

fn main() {
    let input = std::env::var_os("DIPGRAPH_BENCH_INPUT")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/reuters-21578.jsonl")
        });
    let bytes = match std::fs::metadata(&input) {
        Ok(m) if m.is_file() => m.len(),
        _ => {
            println!(
                "throughput: no corpus at {} (set DIPGRAPH_BENCH_INPUT); skipped",
                input.display()
            );
            return;
        }
    };
    let ex = Extractor::new(Gazetteer::builtin(), Lexicon::builtin());
    let mb = bytes as f64 / 1_000_000.0;
    let mut best: Option<Duration> = None;
    let (mut docs, mut errors, mut statements) = (0usize, 0usize, 0usize);
    for run in 1..=RUNS {
        let (mut d, mut e, mut s) = (0usize, 0usize, 0usize);
        let start = Instant::now();
        run_stream(
            read_inputs(std::slice::from_ref(&input), None),
            &ex,
            |_| false,
            |r| match r {
                Ok((_, x)) => {
                    d += 1;
                    s += x.map_or(0, |x| x.statements.len());
                }
                Err(_) => e += 1,
            },
        );
        let took = start.elapsed();
        println!(
            "run {run}: {d} documents, {s} statements, {e} errors in {:.3} s",
            took.as_secs_f64()
        );
        if best.is_none_or(|b| took < b) {
            best = Some(took);
        }
        (docs, errors, statements) = (d, e, s);
    }
    let secs = best.expect("at least one run").as_secs_f64();
    println!(
        "throughput (best of {RUNS}): {docs} documents, {mb:.2} MB, {secs:.3} s, {:.2} MB/s, {:.0} docs/s \
         ({statements} statements, {errors} bad records) from {}",
        mb / secs,
        docs as f64 / secs,
        input.display()
    );
}
