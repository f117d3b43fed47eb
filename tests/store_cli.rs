//! End-to-end tests of the store: build, query, stats, merge, replace, refusal of foreign
//! files, and a build killed with SIGKILL that leaves a consistent store and completes on rerun.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn samples() -> PathBuf {
    root().join("data/samples")
}

fn dipgraph() -> Command {
    Command::cargo_bin("dipgraph").expect("binary")
}

fn read(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

/// Runs dipgraph with `--store store` and the arguments; returns (exit code, stdout, stderr).
fn run(store: &Path, args: &[&str]) -> (i32, String, String) {
    let out = dipgraph()
        .arg("--store")
        .arg(store)
        .args(args)
        .output()
        .expect("run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn build(store: &Path, inputs: &[&Path]) -> String {
    let out = dipgraph()
        .arg("--store")
        .arg(store)
        .arg("build")
        .args(inputs)
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "build failed: {err}");
    err
}

/// The sample files, sorted by name.
fn sample_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(samples())
        .expect("data/samples")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("txt" | "jsonl")
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn build_writes_a_store_that_query_stats_and_sql_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("s.db");
    let err = build(&store, &[&samples()]);
    assert!(err.contains("statements extracted"), "{err}");
    assert!(err.contains("entered the graph as edges"), "{err}");
    assert!(
        err.contains("negated") && err.contains("hypothetical"),
        "{err}"
    );
    assert!(dir.path().join("s.json").is_file(), "graph export missing");
    assert!(dir.path().join("s.dot").is_file(), "DOT export missing");

    // A confidence threshold drops statements, and the summary says how many.
    let strict = dir.path().join("strict.db");
    let out = dipgraph()
        .arg("--store")
        .arg(&strict)
        .args(["build", "--min-confidence", "0.85"])
        .arg(samples())
        .output()
        .expect("run");
    assert!(out.status.success());
    let summary = String::from_utf8_lossy(&out.stderr);
    let below = summary
        .lines()
        .flat_map(|l| l.split(", "))
        .find_map(|p| p.strip_suffix(" below the confidence threshold (0.85)"))
        .and_then(|n| n.trim().parse::<usize>().ok())
        .unwrap_or_else(|| panic!("no threshold count: {summary}"));
    assert!(below > 0, "{summary}");
    assert!(summary.contains("entered the graph"), "{summary}");

    let (code, out, _) = run(
        &store,
        &["query", "--format", "json", "--relation", "accuses"],
    );
    assert_eq!(code, 0);
    let rows: Value = serde_json::from_str(&out).expect("json");
    let rows = rows.as_array().expect("rows");
    assert!(!rows.is_empty());
    let counts: Vec<u64> = rows
        .iter()
        .map(|r| r["count"].as_u64().expect("count"))
        .collect();
    assert!(
        counts.windows(2).all(|w| w[0] >= w[1]),
        "not sorted by count: {counts:?}"
    );
    for r in rows {
        assert!(
            r["source_name"].is_string() && r["target_name"].is_string(),
            "{r}"
        );
        assert!(r["documents"].as_u64().expect("docs") <= r["count"].as_u64().expect("count"));
    }

    let (code, out, _) = run(&store, &["query", "--top", "1", "--format", "csv"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 2, "header and one row: {out}");

    for (args, want) in [
        (
            vec!["query", "--source", "Narnia"],
            "no actor matches 'Narnia'",
        ),
        (
            vec!["query", "--since", "2199"],
            "no statement is dated on or after 2199",
        ),
        (
            vec!["query", "--until", "yesterday"],
            "invalid date 'yesterday'",
        ),
    ] {
        let (code, out, err) = run(&store, &args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{out}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains(want), "{args:?}: {err}");
    }

    let (code, out, _) = run(&store, &["stats", "--format", "json"]);
    assert_eq!(code, 0);
    let stats: Value = serde_json::from_str(&out).expect("stats json");
    assert!(stats["documents"].as_u64().expect("documents") >= 4);
    assert!(!stats["top_accusers"].as_array().expect("list").is_empty());

    // A plain SQL session answers from the documented views.
    let c = rusqlite::Connection::open(&store).expect("sqlite");
    let n: i64 = c
        .query_row(
            "SELECT count(*) FROM statement_view WHERE relation = 'accuses'",
            [],
            |r| r.get(0),
        )
        .expect("sql");
    let total: u64 = counts.iter().sum();
    assert_eq!(n as u64, total);
}

#[test]
fn a_changed_document_is_kept_unless_replace_is_given() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    let art = input.join("story.txt");
    std::fs::write(
        &art,
        "date 2025-03-01 (Wire) Chile accused Bolivia of diverting a river.\n",
    )
    .expect("write");
    let store = dir.path().join("s.db");
    let graph = dir.path().join("s.json");
    build(&store, &[&input]);
    let first = read(&graph);
    std::fs::write(
        &art,
        "date 2025-03-02 (Wire) Chile praised Bolivia for its help.\n",
    )
    .expect("write");
    let err = build(&store, &[&input]);
    assert!(err.contains("kept the stored version"), "{err}");
    assert!(err.contains("story.txt"), "{err}");
    assert_eq!(read(&graph), first, "a kept document changed the graph");
    let out = dipgraph()
        .arg("--store")
        .arg(&store)
        .args(["build", "--replace"])
        .arg(&input)
        .output()
        .expect("run");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 replaced"));
    let v: Value = serde_json::from_slice(&read(&graph)).expect("graph");
    let rels: Vec<&str> = v["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .filter_map(|e| e["relation"].as_str())
        .collect();
    assert_eq!(rels, ["praises"], "{v}");
}

#[test]
fn merged_stores_and_records_export_the_bytes_of_one_build() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = sample_files();
    let (a, b) = files.split_at(files.len() / 2);
    let all = dir.path().join("all.db");
    let inputs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    build(&all, &inputs);
    let want = read(&dir.path().join("all.json"));

    let sa = dir.path().join("a.db");
    let sb = dir.path().join("b.db");
    build(&sa, &a.iter().map(PathBuf::as_path).collect::<Vec<_>>());
    build(&sb, &b.iter().map(PathBuf::as_path).collect::<Vec<_>>());
    for (x, y, name) in [(&sa, &sb, "ab"), (&sb, &sa, "ba")] {
        // Into a store, then its graph file; and straight into a graph file.
        let m = dir.path().join(format!("{name}.db"));
        dipgraph()
            .args(["-q", "merge"])
            .arg(x)
            .arg(y)
            .arg("--out")
            .arg(&m)
            .assert()
            .success();
        let j = dir.path().join(format!("{name}.json"));
        dipgraph()
            .args(["-q", "merge"])
            .arg(&m)
            .arg("--out")
            .arg(&j)
            .assert()
            .success();
        assert_eq!(
            read(&j),
            want,
            "{name}: merged store differs from one build"
        );
        let j2 = dir.path().join(format!("{name}-direct.json"));
        dipgraph()
            .args(["-q", "merge"])
            .arg(x)
            .arg(y)
            .arg("--out")
            .arg(&j2)
            .assert()
            .success();
        assert_eq!(
            read(&j2),
            want,
            "{name}: merged graph differs from one build"
        );
    }

    // Extraction records (the mapper's output of a cluster job) merge to the same graph.
    let mut recs = Vec::new();
    for (half, name) in [(a, "ra.jsonl"), (b, "rb.jsonl")] {
        let out = dipgraph()
            .arg("extract")
            .arg("--records")
            .args(half)
            .output()
            .expect("run");
        assert!(out.status.success());
        let p = dir.path().join(name);
        std::fs::write(&p, &out.stdout).expect("write");
        recs.push(p);
    }
    let j = dir.path().join("records.json");
    dipgraph()
        .args(["-q", "merge"])
        .arg(&recs[1])
        .arg(&recs[0])
        .arg("--out")
        .arg(&j)
        .assert()
        .success();
    assert_eq!(read(&j), want, "records merge differs from one build");
}

#[test]
fn a_foreign_store_file_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let notes = dir.path().join("notes.db");
    let text = "shopping list: bread, milk\n";
    std::fs::write(&notes, text).expect("write");
    for args in [
        vec!["build", samples().to_str().expect("path")],
        vec!["query"],
        vec!["stats"],
    ] {
        let (code, _, err) = run(&notes, &args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(
            err.contains("notes.db") && err.contains("not a dipgraph store"),
            "{err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
    assert_eq!(std::fs::read_to_string(&notes).expect("read"), text);
    let (code, _, err) = run(&dir.path().join("none.db"), &["query"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no store at") && err.contains("dipgraph build"),
        "{err}"
    );
}

/// Documents in a store, once it can be read (None while it is being created).
fn stored_docs(store: &Path) -> Option<i64> {
    let c =
        rusqlite::Connection::open_with_flags(store, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .ok()?;
    c.query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
        .ok()
}

#[test]
fn a_killed_build_leaves_whole_batches_and_a_rerun_completes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("corpus.jsonl");
    dipgraph()
        .args(["bench-corpus", "--docs", "4000", "--seed", "11", "--out"])
        .arg(&corpus)
        .assert()
        .success();
    let clean = dir.path().join("clean.db");
    build(&clean, &[&corpus]);
    let want = read(&dir.path().join("clean.json"));

    let store = dir.path().join("killed.db");
    let bin = assert_cmd::cargo::cargo_bin("dipgraph");
    let mut kills = 0;
    // Kill the build as soon as it has committed something, twice, then let it finish.
    for _ in 0..2 {
        let before = stored_docs(&store).unwrap_or(0);
        let mut child = std::process::Command::new(&bin)
            .args(["-q", "--store"])
            .arg(&store)
            .args(["build", "--no-export"])
            .arg(&corpus)
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        let start = Instant::now();
        loop {
            if child.try_wait().expect("wait").is_some() {
                break;
            }
            if stored_docs(&store).is_some_and(|n| n > before)
                || start.elapsed() > Duration::from_secs(120)
            {
                child.kill().expect("SIGKILL");
                kills += 1;
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        child.wait().expect("wait");
        // Whatever the moment, the store opens, is consistent, and holds whole batches.
        let c = rusqlite::Connection::open(&store).expect("open");
        let check: String = c
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("check");
        assert_eq!(check, "ok");
        let n: i64 = c
            .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
            .expect("count");
        assert!(
            n == 4000 || n % 512 == 0,
            "{n} documents: not whole batches"
        );
        let orphans: i64 = c
            .query_row(
                "SELECT count(*) FROM statements WHERE doc NOT IN (SELECT doc FROM documents)",
                [],
                |r| r.get(0),
            )
            .expect("orphans");
        assert_eq!(orphans, 0);
    }
    assert!(kills > 0, "the build finished before it could be killed");
    let err = build(&store, &[&corpus]);
    assert!(err.contains("4000 documents read"), "{err}");
    assert_eq!(
        read(&dir.path().join("killed.json")),
        want,
        "rerun differs from a clean build"
    );
}
