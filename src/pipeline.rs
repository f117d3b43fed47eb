//! The parallel pipeline: documents streamed through the extractor in batches on every core,
//! results handed on in input order.
//!
//! Three stages overlap: a reader thread reads inputs (I/O only), the worker pool parses,
//! cleans, hashes and extracts one batch while the reader fills the next, and the caller's
//! thread consumes finished batches (writes output, inserts into the store) in input order.
//! Bounded channels between the stages keep memory flat whatever the corpus size.

use crate::extract::Extractor;
use crate::ingest::{Document, IngestError, Inputs, RawInput};
use crate::model::Extraction;
use rayon::prelude::*;
use std::sync::mpsc::sync_channel;

/// Documents per parallel batch: large enough to keep every core busy,
/// small enough that memory stays flat on any corpus size.
pub const BATCH: usize = 512;

/// Input bytes per batch at most, so that batches of long documents stay small too.
pub const BATCH_BYTES: usize = 8 << 20;

/// Batches waiting between two stages.
const QUEUE: usize = 2;

/// Extracts one document; a panic in the extractor (a bug on one odd document) becomes an
/// error on that document instead of taking the whole run down.
pub fn extract_guarded(ex: &Extractor<'_>, d: &Document) -> Result<Extraction, IngestError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| ex.extract(d))).map_err(|_| {
        IngestError {
            origin: d.origin.clone(),
            message: format!(
                "internal error while extracting document '{}' (a bug: please report it)",
                d.id
            ),
        }
    })
}

/// Runs `work` on every item of `source` on the worker pool and hands the results to `sink`
/// in source order; `sink` returns false to stop early. `size` weighs items for batching.
pub fn run_ordered<R, T, W, S>(
    source: impl Iterator<Item = R> + Send,
    size: impl Fn(&R) -> usize + Send,
    work: W,
    mut sink: S,
) where
    R: Send,
    T: Send,
    W: Fn(R) -> T + Sync,
    S: FnMut(T) -> bool,
{
    std::thread::scope(|scope| {
        let (raw_tx, raw_rx) = sync_channel::<Vec<R>>(QUEUE);
        let (done_tx, done_rx) = sync_channel::<Vec<T>>(QUEUE);
        scope.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            let mut bytes = 0;
            for item in source {
                bytes += size(&item);
                batch.push(item);
                if batch.len() >= BATCH || bytes >= BATCH_BYTES {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    bytes = 0;
                    if raw_tx.send(full).is_err() {
                        return;
                    }
                }
            }
            if !batch.is_empty() {
                let _ = raw_tx.send(batch);
            }
        });
        let work = &work;
        scope.spawn(move || {
            for batch in raw_rx {
                let out: Vec<T> = batch.into_par_iter().map(work).collect();
                if done_tx.send(out).is_err() {
                    return;
                }
            }
        });
        'batches: for out in done_rx {
            for t in out {
                if !sink(t) {
                    break 'batches;
                }
            }
        }
        // Dropping the receiver (here, at the end of the scope) stops the other stages.
    });
}

/// What the pipeline makes of one input: the document, its extraction (None when skipped),
/// or what was wrong with it.
pub type Item = Result<(Document, Option<Extraction>), IngestError>;

/// Reads, parses and extracts `inputs` on every core; `skip` says which documents need no
/// extraction (e.g. already in the store); `map` turns each item into what `sink` consumes,
/// still on the worker threads (e.g. serialized output), and `sink` gets them in input order.
pub fn run_inputs<T, K, M, S>(inputs: Inputs, ex: &Extractor<'_>, skip: K, map: M, sink: S)
where
    T: Send,
    K: Fn(&Document) -> bool + Sync,
    M: Fn(Item) -> T + Sync,
    S: FnMut(T) -> bool,
{
    run_ordered(
        std::iter::from_fn({
            let mut inputs = inputs;
            move || inputs.next_raw()
        }),
        RawInput::len,
        |raw: RawInput| {
            let item = raw.parse().and_then(|d| {
                if skip(&d) {
                    return Ok((d, None));
                }
                let x = extract_guarded(ex, &d)?;
                Ok((d, Some(x)))
            });
            map(item)
        },
        sink,
    );
}

/// Streams documents through the extractor in parallel batches, handing results to `sink`
/// in input order. Documents for which `skip` is true are passed on without extraction.
pub fn run_stream<I, S, F>(inputs: I, ex: &Extractor<'_>, skip: S, mut sink: F)
where
    I: Iterator<Item = Result<Document, IngestError>> + Send,
    S: Fn(&Document) -> bool + Sync,
    F: FnMut(Item),
{
    run_ordered(
        inputs,
        |r| r.as_ref().map_or(0, |d| d.raw.len()),
        |r: Result<Document, IngestError>| {
            r.and_then(|d| {
                if skip(&d) {
                    return Ok((d, None));
                }
                let x = extract_guarded(ex, &d)?;
                Ok((d, Some(x)))
            })
        },
        |item| {
            sink(item);
            true
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_source_order_and_sink_can_stop() {
        let mut seen = Vec::new();
        run_ordered(
            0..5000u32,
            |_| 1,
            |i| i * 2,
            |x| {
                seen.push(x);
                true
            },
        );
        assert_eq!(seen, (0..5000).map(|i| i * 2).collect::<Vec<_>>());
        let mut n = 0;
        run_ordered(
            0..100_000u32,
            |_| 1,
            |i| i,
            |_| {
                n += 1;
                n < 10
            },
        );
        assert_eq!(n, 10, "the sink stopped the run");
    }
}
