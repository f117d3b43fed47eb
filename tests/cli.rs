//! End-to-end tests of the `dipgraph` binary on the sample articles and on bad inputs.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn samples() -> PathBuf {
    root().join("data/samples")
}

/// The sample input files (txt and jsonl), sorted by name.
fn sample_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(samples())
        .expect("data/samples")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("txt") | Some("jsonl")
            )
        })
        .collect();
    files.sort();
    assert!(files.len() >= 4, "too few samples: {files:?}");
    files
}

fn dipgraph() -> Command {
    Command::cargo_bin("dipgraph").expect("binary")
}

/// Runs `dipgraph -q --graph <graph> build <inputs>` and expects success.
fn build(graph: &Path, inputs: &[PathBuf]) {
    dipgraph()
        .arg("-q")
        .arg("--graph")
        .arg(graph)
        .arg("build")
        .args(inputs)
        .assert()
        .success();
}

fn read(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

/// Stdout of a successful run.
fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().expect("run");
    assert!(
        out.status.success(),
        "failed ({:?}): {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 stdout")
}

fn query_json(graph: &Path, args: &[&str]) -> Vec<Value> {
    let out = stdout_of(
        dipgraph()
            .arg("--graph")
            .arg(graph)
            .args(["query", "--format", "json"])
            .args(args),
    );
    let v: Value = serde_json::from_str(&out).expect("query json");
    v.as_array().expect("array of rows").clone()
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn build_writes_graph_and_dot_and_is_idempotent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let g = dir.path().join("g.json");
    build(&g, &[samples()]);
    let dot = dir.path().join("g.dot");
    assert!(dot.is_file(), "g.dot not written");
    let dot_text = std::fs::read_to_string(&dot).expect("dot");
    assert!(dot_text.starts_with("digraph"), "{dot_text}");

    let first = read(&g);
    let v: Value = serde_json::from_slice(&first).expect("graph is JSON");
    assert_eq!(v["graph"]["schema"], "dipgraph/1");
    let nodes = v["nodes"].as_array().expect("nodes");
    let edges = v["edges"].as_array().expect("edges");
    assert!(!nodes.is_empty(), "no nodes");
    assert!(
        edges.iter().any(|e| e["relation"].is_string()),
        "no statement edges"
    );
    assert!(!v["graph"]["documents"].as_array().expect("docs").is_empty());

    // Re-ingesting the same inputs changes nothing, not even a byte.
    let out = dipgraph()
        .arg("--graph")
        .arg(&g)
        .arg("build")
        .arg(samples())
        .output()
        .expect("run");
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(" 0 added"), "{err}");
    assert_eq!(read(&g), first, "rebuild changed g.json");
    assert_eq!(std::fs::read_to_string(&dot).expect("dot"), dot_text);
}

#[test]
fn build_is_independent_of_order_and_grouping() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = sample_files();
    let (a, b) = files.split_at(files.len() / 2);

    let all = dir.path().join("all.json");
    build(&all, &[samples()]);
    let want = read(&all);

    // The files one by one, in reverse order, into one graph.
    let rev = dir.path().join("rev.json");
    for f in files.iter().rev() {
        build(&rev, std::slice::from_ref(f));
    }
    assert_eq!(read(&rev), want, "file-by-file reverse build differs");

    // Two builds on two halves (second half first) into one graph.
    let halves = dir.path().join("halves.json");
    build(&halves, b);
    build(&halves, a);
    assert_eq!(read(&halves), want, "two-half build differs");
    assert_eq!(
        read(&dir.path().join("halves.dot")),
        read(&dir.path().join("all.dot")),
        "DOT of two-half build differs"
    );

    // Merging graphs of the two halves, in either order.
    let ga = dir.path().join("a.json");
    let gb = dir.path().join("b.json");
    build(&ga, a);
    build(&gb, b);
    for (x, y, name) in [(&ga, &gb, "ab.json"), (&gb, &ga, "ba.json")] {
        let m = dir.path().join(name);
        dipgraph()
            .args(["-q", "merge"])
            .arg(x)
            .arg(y)
            .arg("--out")
            .arg(&m)
            .assert()
            .success();
        assert_eq!(read(&m), want, "{name} differs from one build over all");
    }
}

#[test]
fn follow_up_statement_repeats_an_edge_over_two_documents() {
    let dir = tempfile::tempdir().expect("tempdir");
    let g = dir.path().join("g.json");
    build(&g, &[samples()]);
    let rows = query_json(&g, &[]);
    let repeated: Vec<&Value> = rows
        .iter()
        .filter(|r| {
            r["count"].as_u64().unwrap_or(0) >= 2
                && r["documents"].as_array().map_or(0, |d| d.len()) >= 2
        })
        .collect();
    assert!(
        !repeated.is_empty(),
        "no (source, relation, target) edge with count >= 2 over 2 documents: {}",
        serde_json::to_string_pretty(&rows).unwrap()
    );
    // The samples' running story: the Philippines accuses China on 10 and 12 March.
    assert!(
        repeated
            .iter()
            .any(|r| r["source"] == "PHL" && r["relation"] == "accuses" && r["target"] == "CHN"),
        "{repeated:?}"
    );
}

#[test]
fn extract_prints_json_lines_with_traceable_spans() {
    let out = stdout_of(dipgraph().arg("extract").arg(samples()));
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() >= 10, "too few statements:\n{out}");
    let required = [
        "doc", "sentence", "span", "evidence", "cue", "relation", "source", "target", "speaker",
        "topic", "negated", "hedged", "date",
    ];
    let mut checked_txt = 0;
    for line in &lines {
        let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        let o = v.as_object().expect("object per line");
        for k in required {
            assert!(o.contains_key(k), "missing {k}: {line}");
        }
        for k in ["id", "name", "kind", "country"] {
            assert!(v["source"].get(k).is_some(), "source.{k} missing: {line}");
        }
        assert!(v["sentence"].is_u64(), "{line}");
        assert!(
            v["negated"].is_boolean() && v["hedged"].is_boolean(),
            "{line}"
        );
        assert!(
            v["target"].is_null() || v["target"]["id"].is_string(),
            "{line}"
        );
        let span = v["span"].as_array().expect("span array");
        assert_eq!(span.len(), 2, "{line}");
        let (s, e) = (
            span[0].as_u64().expect("start") as usize,
            span[1].as_u64().expect("end") as usize,
        );
        assert!(s < e, "empty span: {line}");

        // For a txt input, the span's bytes of the file are the evidence sentence.
        let doc = v["doc"].as_str().expect("doc");
        let txt = samples().join(format!("{doc}.txt"));
        if txt.is_file() {
            let raw = std::fs::read_to_string(&txt).expect("txt");
            let piece = raw
                .get(s..e)
                .unwrap_or_else(|| panic!("span {s}..{e} not on char boundaries in {doc}"));
            assert_eq!(
                collapse_ws(piece),
                collapse_ws(v["evidence"].as_str().expect("evidence")),
                "span of {doc} #{} does not match its evidence",
                v["sentence"]
            );
            checked_txt += 1;
        }
    }
    assert!(checked_txt >= 5, "too few txt statements checked");
}

/// A directory with one good article and one bad input of each kind.
fn bad_inputs(dir: &Path) -> PathBuf {
    let d = dir.join("in");
    std::fs::create_dir(&d).expect("mkdir");
    std::fs::write(
        d.join("good.txt"),
        "date 2025-01-15 (Test Wire) Chile accused Bolivia on Monday of diverting water from a shared river.\n",
    )
    .expect("write");
    std::fs::write(d.join("empty.txt"), "").expect("write");
    std::fs::write(
        d.join("binary.txt"),
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x03\x00",
    )
    .expect("write");
    std::fs::write(
        d.join("latin1.txt"),
        b"Peru criticized Ecuador over a fishing row near Tumbes \xe9 on Friday.",
    )
    .expect("write");
    let jsonl = concat!(
        r#"{"id": "j-norway", "date": "2025-02-01", "text": "Norway praised Sweden on Monday for its help with the rescue."}"#,
        "\n",
        r#"{"id": "j-broken", "text": "unterminated"#,
        "\n",
        r#"{"id": "j-finland", "date": "2025-02-03", "text": "Finland criticized Estonia on Friday over a new port fee."}"#,
        "\n",
    );
    std::fs::write(d.join("wire.jsonl"), jsonl).expect("write");
    d
}

/// Checks stderr has exactly one `path[:line]: message` line per bad input.
fn assert_one_line_per_bad_input(stderr: &str, dir: &Path) {
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 4, "want 4 error lines:\n{stderr}");
    let expect = [
        ("binary.txt", None),
        ("empty.txt", None),
        ("latin1.txt", None),
        ("wire.jsonl", Some(2)),
    ];
    for (name, line) in expect {
        let path = dir.join(name);
        let prefix = match line {
            Some(n) => format!("{}:{n}: ", path.display()),
            None => format!("{}: ", path.display()),
        };
        let hits: Vec<&&str> = lines.iter().filter(|l| l.starts_with(&prefix)).collect();
        assert_eq!(
            hits.len(),
            1,
            "want one line starting {prefix:?}:\n{stderr}"
        );
        assert!(
            hits[0].len() > prefix.len() + 3,
            "error without a message: {}",
            hits[0]
        );
    }
    assert!(!stderr.contains("good.txt"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn extract_reports_bad_inputs_and_keeps_good_ones() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = bad_inputs(tmp.path());
    let out = dipgraph().arg("extract").arg(&dir).output().expect("run");
    assert_eq!(out.status.code(), Some(1), "partial failure is exit 1");
    assert_one_line_per_bad_input(&String::from_utf8_lossy(&out.stderr), &dir);
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let docs: Vec<String> = stdout
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("json line");
            v["doc"].as_str().expect("doc").to_owned()
        })
        .collect();
    for want in ["good", "j-norway", "j-finland"] {
        assert!(
            docs.iter().any(|d| d == want),
            "no statement of {want}:\n{stdout}"
        );
    }
}

#[test]
fn build_reports_bad_inputs_and_adds_good_ones() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = bad_inputs(tmp.path());
    let g = tmp.path().join("g.json");
    let out = dipgraph()
        .arg("-q")
        .arg("--graph")
        .arg(&g)
        .arg("build")
        .arg(&dir)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1), "partial failure is exit 1");
    assert_one_line_per_bad_input(&String::from_utf8_lossy(&out.stderr), &dir);
    let v: Value = serde_json::from_slice(&read(&g)).expect("graph");
    let mut ids: Vec<&str> = v["graph"]["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| d["id"].as_str().expect("id"))
        .collect();
    ids.sort();
    assert_eq!(ids, ["good", "j-finland", "j-norway"]);
    let edges = v["edges"].as_array().expect("edges");
    assert!(
        edges
            .iter()
            .any(|e| e["source"] == "CHL" && e["relation"] == "accuses" && e["target"] == "BOL"),
        "{edges:?}"
    );
}

#[test]
fn missing_input_is_a_one_line_error() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let missing = tmp.path().join("no-such-article.txt");
    for cmd in ["extract", "build"] {
        let out = dipgraph()
            .arg("--graph")
            .arg(tmp.path().join("g.json"))
            .arg("-q")
            .arg(cmd)
            .arg(&missing)
            .output()
            .expect("run");
        assert!(!out.status.success(), "{cmd} succeeded on a missing path");
        let err = String::from_utf8_lossy(&out.stderr);
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 1, "{cmd}: {err}");
        assert!(
            lines[0].contains(&*missing.to_string_lossy())
                && lines[0].to_lowercase().contains("no such file"),
            "{cmd}: {err}"
        );
    }
}

#[test]
fn build_refuses_a_foreign_graph_file_and_leaves_it_untouched() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let foreign = tmp.path().join("foreign.json");
    let text =
        b"{\"directed\": true, \"nodes\": [], \"links\": [{\"source\": 1, \"target\": 2}]}\n";
    std::fs::write(&foreign, text).expect("write");
    let out = dipgraph()
        .arg("--graph")
        .arg(&foreign)
        .arg("build")
        .arg(samples())
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("foreign.json"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(read(&foreign), text, "foreign file was modified");
    assert!(
        !tmp.path().join("foreign.dot").exists(),
        "DOT written anyway"
    );
}

#[test]
fn query_filters_formats_and_rejects_unknown_relations() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let g = tmp.path().join("g.json");
    build(&g, &[samples()]);

    let rows = query_json(&g, &["--relation", "accuses", "--target", "CHN"]);
    assert!(!rows.is_empty(), "no one accuses China in the samples?");
    for r in &rows {
        assert_eq!(r["relation"], "accuses", "{r}");
        assert!(r["count"].as_u64().unwrap_or(0) >= 1, "{r}");
    }

    let csv = stdout_of(dipgraph().arg("--graph").arg(&g).args([
        "query",
        "--relation",
        "accuses",
        "--format",
        "csv",
    ]));
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("source,relation,target,count,documents,first_date,last_date")
    );
    assert!(lines.next().is_some(), "csv has no rows:\n{csv}");

    dipgraph()
        .arg("--graph")
        .arg(&g)
        .args(["query", "--relation", "scolds"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("scolds").and(predicate::str::contains("panicked").not()));
}

#[test]
fn eval_prints_exact_and_family_lines() {
    let out = stdout_of(
        dipgraph()
            .arg("eval")
            .arg("--gold")
            .arg(root().join("tests/fixtures/articles/expected.gold"))
            .arg(root().join("tests/fixtures/articles")),
    );
    for measure in ["exact", "family"] {
        let line = out
            .lines()
            .find(|l| l.starts_with(measure))
            .unwrap_or_else(|| panic!("no {measure} line:\n{out}"));
        let words: Vec<&str> = line.split_whitespace().collect();
        let i = words
            .iter()
            .position(|w| *w == "precision")
            .unwrap_or_else(|| panic!("no precision in {line}"));
        let p: f64 = words[i + 1].parse().expect("precision value");
        assert!(p > 0.5, "{line}");
    }
}

#[test]
fn resolve_the_kremlin_is_russia() {
    let out = stdout_of(dipgraph().args(["resolve", "the Kremlin"]));
    let v: Value = serde_json::from_str(out.trim()).expect("json");
    assert_eq!(v["id"], "RUS", "{out}");
    assert_eq!(v["mention"], "the Kremlin");
}

#[test]
fn a_config_file_adds_actor_dictionaries_and_bad_ones_name_their_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("mine.toml"),
        "[[actor]]\nid = \"acme-corp\"\nname = \"Acme Corp\"\nkind = \"organization\"\nnames = [\"Acme\"]\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("dipgraph.toml"),
        "actors = [\"mine.toml\"]\n",
    )
    .expect("write");
    let out = Command::cargo_bin("dipgraph")
        .expect("binary")
        .current_dir(dir.path())
        .args(["resolve", "Acme"])
        .output()
        .expect("run");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"id\":\"acme-corp\""));
    std::fs::write(dir.path().join("bad.toml"), "actors = [\"mine.toml\"\n").expect("write");
    let out = Command::cargo_bin("dipgraph")
        .expect("binary")
        .current_dir(dir.path())
        .args(["--config", "bad.toml", "resolve", "Acme"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("bad.toml:2:"), "{err}");
}
