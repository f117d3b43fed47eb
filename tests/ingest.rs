//! Library-level tests of reading documents: formats, directories, and every bad-input case.

use dipgraph::ingest::{read_inputs, Document, IngestError, InputFormat};
use dipgraph::text::{dateline_end, sentences, tokenize};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ingest")
        .join(name)
}

fn read(paths: &[PathBuf], format: Option<InputFormat>) -> Vec<Result<Document, IngestError>> {
    read_inputs(paths, format).collect()
}

/// "id" for documents, "!line: message" for errors (line 0 when there is none).
fn summary(items: &[Result<Document, IngestError>]) -> Vec<String> {
    items
        .iter()
        .map(|r| match r {
            Ok(d) => d.id.clone(),
            Err(e) => format!("!{}: {}", e.origin.line.unwrap_or(0), e.message),
        })
        .collect()
}

#[test]
fn jsonl_bad_lines_are_reported_and_good_ones_kept() {
    let path = fixture("mixed.jsonl");
    let items = read(std::slice::from_ref(&path), None);
    let s = summary(&items);
    let bad_utf8_at = "{\"id\": \"m5\", \"text\": \"bad ".len();
    assert_eq!(s[0], "m1");
    assert!(s[1].starts_with("!3: malformed JSON: "), "{}", s[1]);
    assert_eq!(s[2], "!4: not a JSON object");
    assert_eq!(s[3], "!5: missing \"text\" field");
    assert_eq!(s[4], "!6: \"id\" is not a string");
    assert_eq!(s[5], "!7: empty document");
    assert_eq!(s[6], format!("!8: invalid UTF-8 at byte {bad_utf8_at}"));
    assert_eq!(s[7].len(), 16, "hash-derived id: {}", s[7]);
    assert_eq!(s[8], "!10: \"text\" is not a string");
    assert_eq!(s[9], "m7");
    assert_eq!(s.len(), 10);

    // Every error names the file and line, displayed as path:line: message.
    for e in items.iter().filter_map(|r| r.as_ref().err()) {
        assert_eq!(e.origin.path, path);
        let shown = e.to_string();
        assert!(shown.starts_with(&format!("{}:{}: ", path.display(), e.origin.line.unwrap())));
    }

    let m1 = items[0].as_ref().unwrap();
    assert_eq!(m1.origin.line, Some(1));
    assert_eq!(m1.title.as_deref(), Some("Envoy  quot;praises quot; pact"));
    assert_eq!(
        m1.raw,
        "Envoy  quot;praises quot; pact\n\nZENDA (Wire) - Ruritania #39;s envoy praised the pact."
    );
    assert_eq!(
        m1.clean,
        "Envoy \"praises\" pact\n\nZENDA (Wire) - Ruritania's envoy praised the pact."
    );
    assert_eq!(
        &m1.clean[m1.body_start..],
        "ZENDA (Wire) - Ruritania's envoy praised the pact."
    );
    assert_eq!(m1.date.as_deref(), Some("2004-08-01"));
    assert_eq!(m1.source.as_deref(), Some("Wire"));
    assert_eq!(m1.url.as_deref(), Some("http://example.org/1"));
    assert_eq!(m1.meta.get("lang").and_then(|v| v.as_str()), Some("en"));
    assert_eq!(m1.meta.len(), 1);
    assert_eq!(m1.hash, dipgraph::ingest::sha256_hex(&m1.raw));

    let hashed = items[7].as_ref().unwrap();
    assert_eq!(hashed.id, &hashed.hash[..16]);
    assert_eq!(hashed.date.as_deref(), Some("2004-08-02"));
    assert_eq!(hashed.origin.line, Some(9));
}

#[test]
fn inputs_can_cross_threads() {
    fn assert_send<T: Send>(_: &T) {}
    assert_send(&read_inputs(&[fixture("tree")], None));
}

#[test]
fn plain_text_header_and_id() {
    let items = read(&[fixture("header.txt")], None);
    let d = items[0].as_ref().unwrap();
    assert_eq!(d.id, "header");
    assert_eq!(d.date.as_deref(), Some("2023-05-06"));
    assert_eq!(d.source.as_deref(), Some("WIREX"));
    assert!(d.title.is_none());
    assert_eq!(
        d.clean,
        "In a statement on Friday, Ruritania urged calm.\n\nThe envoy left."
    );
    assert!(d.raw.starts_with(" date 2023-05-06 (WIREX) In a"));
    let s = sentences(&d.clean, d.body_start, d.has_title());
    assert_eq!(s.len(), 2);
    let [a, b] = d.raw_span(s[1].start, s[1].end);
    assert_eq!(&d.raw[a..b], "The envoy left.");
    let [a, b] = d.raw_span(s[0].start, s[0].end);
    assert_eq!(
        &d.raw[a..b],
        "In a statement on Friday, Ruritania urged calm."
    );
}

#[test]
fn text_file_errors() {
    let s = summary(&read(
        &[
            fixture("bad-utf8.txt"),
            fixture("header.txt"),
            fixture("binary.txt"),
            fixture("empty.txt"),
            fixture("no-such-file.txt"),
            fixture("article"),
        ],
        None,
    ));
    assert_eq!(
        s,
        vec![
            "!0: invalid UTF-8 at byte 28",
            "header",
            "!0: binary file, not text",
            "!0: empty document",
            "!0: no such file or directory",
            "article",
        ]
    );
    let items = read(&[fixture("no-such-file.txt")], None);
    let e = items[0].as_ref().unwrap_err();
    assert_eq!(e.origin.path, fixture("no-such-file.txt"));
    assert_eq!(e.origin.line, None);
    assert_eq!(
        e.to_string(),
        format!(
            "{}: no such file or directory",
            fixture("no-such-file.txt").display()
        )
    );
}

#[test]
fn directories_are_walked_sorted_and_filtered() {
    let items = read(&[fixture("tree")], None);
    assert_eq!(summary(&items), vec!["a", "t2", "t3", "z"]);
    let t3 = items[2].as_ref().unwrap();
    assert_eq!(t3.origin.path, fixture("tree/sub/b.jsonl"));
    assert_eq!(t3.origin.line, Some(2));
}

#[test]
fn unknown_extensions_are_sniffed_or_forced() {
    let s = summary(&read(&[fixture("records.data"), fixture("article")], None));
    assert_eq!(s, vec!["s1", "article"]);
    let items = read(&[fixture("records.data")], Some(InputFormat::Text));
    let d = items[0].as_ref().unwrap();
    assert_eq!(d.id, "records");
    assert!(d.clean.starts_with("{\"id\""));
    // Forced JSON Lines on a text file: each line is a (malformed) record.
    let s = summary(&read(&[fixture("tree/a.txt")], Some(InputFormat::Jsonl)));
    assert_eq!(s.len(), 1);
    assert!(s[0].starts_with("!1: malformed JSON"));
}

#[test]
fn from_text_feeds_sentences_and_tokens() {
    let d = Document::from_text(
        "x1",
        Some("Ruritania  quot;regrets quot; move"),
        "ZENDA (Wire) - Ruritania #39;s envoy met Mr. Doe. He said the U.S. Navy left.",
        Some("2004-08-01"),
    );
    let s = sentences(&d.clean, d.body_start, d.has_title());
    let texts: Vec<&str> = s.iter().map(|s| &d.clean[s.start..s.end]).collect();
    assert_eq!(
        texts,
        vec![
            "Ruritania \"regrets\" move",
            "ZENDA (Wire) - Ruritania's envoy met Mr. Doe.",
            "He said the U.S. Navy left."
        ]
    );
    let after = dateline_end(&d.clean, &s[1]).unwrap();
    assert!(d.clean[after..].starts_with("Ruritania's"));
    let toks = tokenize(&d.clean, after, s[1].end);
    assert_eq!(&d.clean[toks[0].start..toks[0].end], "Ruritania");
    assert_eq!(&d.clean[toks[1].start..toks[1].end], "'s");
    let [a, b] = d.raw_span(s[1].start, s[1].end);
    assert_eq!(
        &d.raw[a..b],
        "ZENDA (Wire) - Ruritania #39;s envoy met Mr. Doe."
    );
    let [a, b] = d.raw_span(s[0].start, s[0].end);
    assert_eq!(&d.raw[a..b], "Ruritania  quot;regrets quot; move");
}

/// Smoke run over a real corpus: `DIPGRAPH_CORPUS=path cargo test --test ingest -- --ignored`.
#[test]
#[ignore]
fn corpus_smoke() {
    let Ok(path) = std::env::var("DIPGRAPH_CORPUS") else {
        return;
    };
    let t = std::time::Instant::now();
    let (mut docs, mut errors, mut sents, mut toks, mut bytes) = (0, 0, 0, 0, 0);
    for item in read_inputs(&[PathBuf::from(path)], None) {
        let Ok(d) = item else {
            errors += 1;
            continue;
        };
        docs += 1;
        bytes += d.raw.len();
        assert_eq!(d.map.len(), d.clean.len() + 1);
        let dump = std::env::var_os("DIPGRAPH_DUMP").is_some();
        for s in sentences(&d.clean, d.body_start, d.has_title()) {
            sents += 1;
            if dump {
                let from = dateline_end(&d.clean, &s).unwrap_or(s.start);
                println!(
                    "{}\t{}\t[{}] {}",
                    d.id,
                    s.index,
                    &d.clean[s.start..from],
                    &d.clean[from..s.end]
                );
            }
            toks += tokenize(&d.clean, s.start, s.end).len();
            let [a, b] = d.raw_span(s.start, s.end);
            assert!(a <= b && b <= d.raw.len());
            let _ = dateline_end(&d.clean, &s);
        }
    }
    eprintln!(
        "{docs} docs, {errors} errors, {sents} sentences, {toks} tokens, {bytes} bytes in {:?}",
        t.elapsed()
    );
}
