//! Fuzzing of the document reader and the extractor with proptest: arbitrary bytes as input
//! files, arbitrary Unicode and news-like noise as document text. Nothing may panic or hang,
//! and what comes out must point into what went in.
//!
//! `cargo test --release --test fuzz` runs a few hundred cases per property; set
//! `PROPTEST_CASES` for longer runs (see docs/store.md for the runs made).

use dipgraph::actors::Gazetteer;
use dipgraph::extract::{Extractor, Lexicon};
use dipgraph::ingest::{read_inputs, Document, InputFormat};
use proptest::prelude::*;
use std::path::PathBuf;

/// Checks the invariants of a document that was read.
fn check_document(d: &Document) {
    assert_eq!(
        d.map.len(),
        d.clean.len() + 1,
        "one raw offset per clean byte"
    );
    assert!(d.map.iter().all(|&m| m as usize <= d.raw.len()));
    assert!(d.map.windows(2).all(|w| w[0] <= w[1]), "map is monotonic");
    assert!(d.body_start <= d.clean.len());
    let [a, b] = d.raw_span(0, d.clean.len());
    assert!(a <= b && b <= d.raw.len());
}

/// Reads `bytes` as a file of the given format; every item is a document or an error.
fn read_bytes(
    bytes: &[u8],
    ext: &str,
    format: Option<InputFormat>,
) -> Vec<Result<Document, String>> {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join(format!("in.{ext}"));
    std::fs::write(&p, bytes).expect("write");
    read_inputs(&[PathBuf::from(&p)], format)
        .map(|r| r.map_err(|e| e.to_string()))
        .collect()
}

/// Text with the things news text has: entities, tags, quotes, dashes, odd spaces, newlines.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Russia".to_string()),
        Just("accused".to_string()),
        Just("the U.S.".to_string()),
        Just(" #39;s".to_string()),
        Just(" quot;".to_string()),
        Just("&amp;".to_string()),
        Just("&#x2014;".to_string()),
        Just("<b>".to_string()),
        Just("</p>".to_string()),
        Just("<Reuters Ltd>".to_string()),
        Just("\u{201C}".to_string()),
        Just("\u{2014}".to_string()),
        Just("\u{00A0}".to_string()),
        Just("\u{FEFF}".to_string()),
        Just("\n\n".to_string()),
        Just(". ".to_string()),
        Just("MOSCOW, Feb 26 - ".to_string()),
        Just("said".to_string()),
        Just("did not".to_string()),
        "[a-zA-Z]{1,8}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_the_reader(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        for (ext, format) in [("jsonl", None), ("txt", None), ("dat", None), ("x", Some(InputFormat::Jsonl))] {
            for item in read_bytes(&bytes, ext, format) {
                match item {
                    Ok(d) => check_document(&d),
                    Err(e) => prop_assert!(!e.contains('\n') && e.contains("in."), "{e}"),
                }
            }
        }
    }

    #[test]
    fn json_lines_with_arbitrary_fields_never_panic_the_reader(
        lines in prop::collection::vec(
            (any::<Option<String>>(), newsy(), any::<Option<String>>(), any::<Option<String>>(), 0u8..6),
            1..8,
        )
    ) {
        let mut file = String::new();
        for (id, text, title, date, shape) in lines {
            let v = match shape {
                0 => serde_json::json!({"id": id, "text": text, "title": title, "date": date}),
                1 => serde_json::json!({"text": 5, "id": id}),
                2 => serde_json::json!([text]),
                3 => serde_json::json!({"id": 3, "text": text}),
                4 => serde_json::json!({"text": text, "extra": {"nested": [1, 2]}}),
                _ => serde_json::Value::String(text),
            };
            file.push_str(&v.to_string());
            file.push('\n');
        }
        for d in read_bytes(file.as_bytes(), "jsonl", None).into_iter().flatten() {
            check_document(&d);
        }
    }

    #[test]
    fn arbitrary_text_never_panics_the_extractor(text in newsy(), title in proptest::option::of(newsy())) {
        let ex = Extractor::new(Gazetteer::builtin(), Lexicon::builtin());
        let d = Document::from_text("fz", title.as_deref(), &text, Some("2024-01-02"));
        check_document(&d);
        let x = ex.extract(&d);
        for s in &x.statements {
            let [a, b] = s.span;
            prop_assert!(a <= b && b <= d.raw.len(), "{:?}", s.span);
            prop_assert!(d.raw.is_char_boundary(a) && d.raw.is_char_boundary(b));
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics_the_extractor(text in any::<String>()) {
        let ex = Extractor::new(Gazetteer::builtin(), Lexicon::builtin());
        let d = Document::from_text("fz", None, &text, None);
        check_document(&d);
        let _ = ex.extract(&d);
    }
}
