//! End-to-end tests of `dipgraph query` and `merge` (exports: tests/export_cli.rs) on graphs built with the library.

use assert_cmd::Command;
use dipgraph::graph::DipGraph;
use dipgraph::model::{
    Actor, ActorKind, Coding, DocInfo, Extraction, Mention, Relation, Statement,
};
use std::path::{Path, PathBuf};

fn actor(id: &str, name: &str, kind: ActorKind, country: Option<&str>) -> Actor {
    Actor {
        id: id.into(),
        name: name.into(),
        kind,
        country: country.map(String::from),
    }
}

fn rus() -> Actor {
    actor("RUS", "Russia", ActorKind::Country, Some("RUS"))
}
fn usa() -> Actor {
    actor("USA", "United States", ActorKind::Country, Some("USA"))
}
fn peskov() -> Actor {
    actor(
        "dmitry-peskov",
        "Dmitry Peskov",
        ActorKind::Person,
        Some("RUS"),
    )
}

fn stmt(doc: &str, sentence: usize, rel: Relation, s: Actor, t: Actor, text: &str) -> Statement {
    Statement {
        doc: doc.into(),
        sentence,
        span: [sentence * 10, sentence * 10 + 9],
        evidence: text.into(),
        cue: rel.as_str().into(),
        relation: rel,
        source: s,
        target: Some(t),
        speaker: None,
        topic: None,
        negated: false,
        hedged: false,
        date: None,
        confidence: 0.9,
        explicit: true,
        coding: Coding {
            cameo: "112".into(),
            plover: "ACCUSE".into(),
            weight: -2.0,
        },
    }
}

fn doc(id: &str, date: &str, statements: Vec<Statement>) -> Extraction {
    Extraction {
        doc: DocInfo {
            id: id.into(),
            hash: format!("hash-{id}"),
            date: Some(date.into()),
            title: None,
            source: None,
            url: None,
        },
        mentions: statements
            .iter()
            .map(|s| Mention {
                actor: s.source.clone(),
                surface: s.source.name.clone(),
            })
            .collect(),
        statements,
        affiliations: vec![(peskov(), rus())],
    }
}

fn docs() -> Vec<Extraction> {
    vec![
        doc(
            "d1",
            "2024-01-10",
            vec![
                stmt(
                    "d1",
                    1,
                    Relation::Accuses,
                    peskov(),
                    usa(),
                    "Peskov accused Washington of \"meddling\".",
                ),
                stmt(
                    "d1",
                    2,
                    Relation::Accuses,
                    rus(),
                    usa(),
                    "Moscow accused the US again.",
                ),
            ],
        ),
        doc(
            "d2",
            "2024-02-20",
            vec![stmt(
                "d2",
                1,
                Relation::Denies,
                usa(),
                rus(),
                "Washington denied the claims.",
            )],
        ),
        doc(
            "d3",
            "2024-03-30",
            vec![stmt(
                "d3",
                4,
                Relation::Accuses,
                rus(),
                usa(),
                "Russia accused the US of sabotage.",
            )],
        ),
    ]
}

fn save(dir: &Path, name: &str, exs: Vec<Extraction>) -> PathBuf {
    let mut g = DipGraph::new();
    for e in exs {
        g.add(e);
    }
    let p = dir.join(name);
    g.save(&p).expect("save graph");
    p
}

fn dipgraph() -> Command {
    Command::cargo_bin("dipgraph").expect("binary")
}

fn stdout_of(args: &[&str], graph: &Path) -> String {
    let out = dipgraph()
        .arg("--graph")
        .arg(graph)
        .args(args)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn query_table_json_and_csv() {
    let dir = tempfile::tempdir().expect("tempdir");
    let g = save(dir.path(), "g.json", docs());

    let table = stdout_of(&["query", "--source", "Russia"], &g);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 3, "{table}");
    assert!(lines[0].starts_with("source"), "{table}");
    // RUS -> USA has two sentences and sorts first; Peskov counts as Russia.
    assert!(
        lines[1].starts_with("Russia (RUS)") && lines[1].contains("accuses"),
        "{table}"
    );
    assert!(
        lines[1].contains("2024-01-10") && lines[1].contains("2024-03-30"),
        "{table}"
    );
    assert!(
        lines[2].starts_with("Dmitry Peskov (dmitry-peskov)"),
        "{table}"
    );
    // Columns are aligned: "relation" starts at the same place on each line.
    let col = lines[0].find("relation").expect("header");
    assert!(
        lines
            .iter()
            .skip(1)
            .all(|l| l[col..].starts_with("accuses")),
        "{table}"
    );

    let with_ev = stdout_of(&["query", "--relation", "accuses", "--evidence"], &g);
    assert!(
        with_ev.contains("    [d3 #4] Russia accused the US of sabotage."),
        "{with_ev}"
    );

    let json = stdout_of(&["query", "--relation", "rebut", "--format", "json"], &g);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let rows = v.as_array().expect("array");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["source"], "USA");
    assert_eq!(rows[0]["relation"], "denies");
    assert_eq!(rows[0]["evidence"][0]["doc"], "d2");

    let csv = stdout_of(
        &[
            "query",
            "--format",
            "csv",
            "--since",
            "2024-02-01",
            "--by-country",
        ],
        &g,
    );
    assert_eq!(
        csv,
        "source,relation,target,count,documents,first_date,last_date\n\
         RUS,accuses,USA,1,d3,2024-03-30,2024-03-30\n\
         USA,denies,RUS,1,d2,2024-02-20,2024-02-20\n"
    );
}

#[test]
fn query_rejects_unknown_relation_and_missing_graph() {
    let dir = tempfile::tempdir().expect("tempdir");
    let g = save(dir.path(), "g.json", docs());
    let out = dipgraph()
        .arg("--graph")
        .arg(&g)
        .args(["query", "--relation", "blames"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("blames") && err.contains("accuses, denies"),
        "{err}"
    );

    let missing = dir.path().join("none.json");
    let out = dipgraph()
        .arg("--graph")
        .arg(&missing)
        .args(["export", "--format", "dot"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no graph at") && err.contains("dipgraph build"),
        "{err}"
    );
}

#[test]
fn merge_is_byte_identical_in_any_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = docs();
    let a = save(dir.path(), "a.json", vec![d[0].clone()]);
    let b = save(dir.path(), "b.json", vec![d[1].clone(), d[2].clone()]);
    let c = save(dir.path(), "c.json", vec![d[2].clone()]);
    let all = save(dir.path(), "all.json", d);
    let ab = dir.path().join("ab.json");
    let cba = dir.path().join("cba.json");
    dipgraph()
        .args(["merge", "-q"])
        .arg(&a)
        .arg(&b)
        .arg("--out")
        .arg(&ab)
        .assert()
        .success();
    dipgraph()
        .arg("merge")
        .arg(&c)
        .arg(&b)
        .arg(&a)
        .arg("--out")
        .arg(&cba)
        .assert()
        .success();
    let want = std::fs::read(&all).expect("read");
    assert_eq!(std::fs::read(&ab).expect("read"), want);
    assert_eq!(std::fs::read(&cba).expect("read"), want);
}

#[test]
fn merge_refuses_foreign_file_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = save(dir.path(), "a.json", docs());
    let foreign = dir.path().join("foreign.json");
    let text = r#"{"directed": true, "nodes": [], "links": []}"#;
    std::fs::write(&foreign, text).expect("write");
    let out_path = dir.path().join("out.json");
    std::fs::write(&out_path, "previous").expect("write");
    let out = dipgraph()
        .arg("merge")
        .arg(&a)
        .arg(&foreign)
        .arg("--out")
        .arg(&out_path)
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.contains("foreign.json") && err.contains("not a dipgraph graph"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&foreign).expect("read"), text);
    assert_eq!(
        std::fs::read_to_string(&out_path).expect("read"),
        "previous"
    );

    // A query against the foreign file is refused the same way.
    let out = dipgraph()
        .arg("--graph")
        .arg(&foreign)
        .arg("query")
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert_eq!(std::fs::read_to_string(&foreign).expect("read"), text);
}
