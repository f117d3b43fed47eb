//! Criterion benchmarks of the pipeline's stages on generated articles (no external data):
//! reading JSON lines, cleaning, sentences and tokens, extraction, store inserts, queries.
//! `cargo bench --bench stages`; end-to-end figures come from `tools/bench.sh`.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use dipgraph::actors::Gazetteer;
use dipgraph::extract::{Extractor, Lexicon};
use dipgraph::graph::DocRecord;
use dipgraph::ingest::{clean::clean, read_inputs, Document};
use dipgraph::query::{run_store, Query};
use dipgraph::store::{OnChange, Store};
use dipgraph::synth::article;
use std::path::PathBuf;

const DOCS: u64 = 200;

fn corpus() -> String {
    (0..DOCS).map(|i| article(3, i)).collect()
}

fn documents(text: &str) -> Vec<Document> {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("c.jsonl");
    std::fs::write(&p, text).expect("write");
    read_inputs(&[PathBuf::from(&p)], None)
        .map(|r| r.expect("document"))
        .collect()
}

fn stages(c: &mut Criterion) {
    let text = corpus();
    let docs = documents(&text);
    let raw_bytes: u64 = docs.iter().map(|d| d.raw.len() as u64).sum();
    let ex = Extractor::new(Gazetteer::builtin(), Lexicon::builtin());
    let mut g = c.benchmark_group("stages");
    g.sample_size(20);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("read_jsonl", |b| b.iter(|| documents(&text).len()));
    g.throughput(Throughput::Bytes(raw_bytes));
    g.bench_function("clean", |b| {
        b.iter(|| docs.iter().map(|d| clean(&d.raw).0.len()).sum::<usize>())
    });
    g.bench_function("sentences_tokens", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                for s in dipgraph::text::sentences(&d.clean, d.body_start, d.title.is_some()) {
                    n += dipgraph::text::tokenize(&d.clean, s.start, s.end).len();
                }
            }
            n
        })
    });
    g.bench_function("extract", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| ex.extract(d).statements.len())
                .sum::<usize>()
        })
    });
    let records: Vec<DocRecord> = docs
        .iter()
        .map(|d| DocRecord::from_extraction(ex.extract(d)))
        .collect();
    g.throughput(Throughput::Elements(records.len() as u64));
    g.bench_function("store_insert", |b| {
        b.iter_batched(
            || (Store::in_memory().expect("store"), records.clone()),
            |(mut s, recs)| s.add_batch(recs, OnChange::Keep).expect("add").len(),
            BatchSize::SmallInput,
        )
    });
    let mut store = Store::in_memory().expect("store");
    store
        .add_batch(records.clone(), OnChange::Keep)
        .expect("add");
    let none = |_: &str| None;
    g.bench_function("query_all", |b| {
        b.iter(|| {
            run_store(&store, &Query::default(), &none)
                .expect("rows")
                .len()
        })
    });
    let q = Query {
        source: Some("China".into()),
        ..Query::default()
    };
    g.bench_function("query_actor", |b| {
        b.iter(|| run_store(&store, &q, &none).map_or(0, |r| r.len()))
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
