//! The parallel pipeline: documents streamed through the extractor in batches on every core,
//! results handed on in input order.

use crate::extract::Extractor;
use crate::ingest::Document;
use crate::model::Extraction;

/// Documents extracted per parallel batch: large enough to keep every core busy,
/// small enough that memory stays flat on any corpus size.
pub const BATCH: usize = 512;

/// Streams documents through the extractor in parallel batches, handing results to `sink`
/// in input order. Documents for which `skip` is true are passed on without extraction.
pub fn run_stream<I, S, F>(inputs: I, ex: &Extractor<'_>, skip: S, mut sink: F)
where
    I: Iterator<Item = Result<Document, crate::ingest::IngestError>>,
    S: Fn(&Document) -> bool + Sync,
    F: FnMut(Result<(Document, Option<Extraction>), crate::ingest::IngestError>),
{
    use rayon::prelude::*;
    let mut inputs = inputs.peekable();
    while inputs.peek().is_some() {
        let batch: Vec<_> = inputs.by_ref().take(BATCH).collect();
        let done: Vec<_> = batch
            .into_par_iter()
            .map(|r| {
                r.and_then(|d| {
                    if skip(&d) {
                        return Ok((d, None));
                    }
                    // A bug on one odd document must not take the whole run down with it:
                    // it is reported like a bad input, and the other documents go on.
                    let x = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| ex.extract(&d)));
                    match x {
                        Ok(x) => Ok((d, Some(x))),
                        Err(_) => Err(crate::ingest::IngestError {
                            origin: d.origin.clone(),
                            message: format!("internal error while extracting document '{}' (a bug: please report it)", d.id),
                        }),
                    }
                })
            })
            .collect();
        for r in done {
            sink(r);
        }
    }
}
