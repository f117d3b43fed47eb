//! `dipgraph export` and `report` end to end: snapshots of every format on a small invented
//! graph, and the view options (filters, --top, --by-country, --between-states,
//! --all-entities). Loading into the real tools is checked by .ci/checks/20-interop.sh.

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

fn ruritania() -> Actor {
    actor("RUR", "Ruritania", ActorKind::Country, Some("RUR"))
}
fn osterlich() -> Actor {
    actor("OST", "Osterlich", ActorKind::Country, Some("OST"))
}
fn spokesman() -> Actor {
    // A name that tries every quoting trap of DOT, XML, CSV and Cypher.
    actor(
        "karl-quote",
        "Karl \"Q\" O'Brien \\ <b>&",
        ActorKind::Person,
        Some("RUR"),
    )
}
fn senator() -> Actor {
    actor("ann-senator", "Ann Senator", ActorKind::Person, Some("OST"))
}
fn league() -> Actor {
    actor(
        "league-of-states",
        "League of States",
        ActorKind::Organization,
        None,
    )
}

fn stmt(
    s: Actor,
    rel: Relation,
    t: Option<Actor>,
    sentence: usize,
    text: &str,
    cue: &str,
) -> Statement {
    Statement {
        doc: String::new(),
        sentence,
        span: [sentence * 100, sentence * 100 + text.len()],
        evidence: text.into(),
        cue: cue.into(),
        relation: rel,
        source: s,
        target: t,
        speaker: None,
        topic: None,
        negated: false,
        hedged: false,
        date: None,
        confidence: 0.8,
        explicit: true,
        coding: Coding {
            cameo: "112".into(),
            plover: "ACCUSE".into(),
            weight: -2.0,
        },
    }
}

fn doc(
    id: &str,
    date: &str,
    url: Option<&str>,
    mut statements: Vec<Statement>,
    extra: Vec<Actor>,
) -> Extraction {
    for s in &mut statements {
        s.doc = id.into();
    }
    let mut mentions: Vec<Mention> = statements
        .iter()
        .flat_map(|s| [Some(s.source.clone()), s.target.clone()])
        .flatten()
        .chain(extra)
        .map(|a| Mention {
            surface: a.name.clone(),
            actor: a,
        })
        .collect();
    mentions.sort_by(|a, b| a.actor.id.cmp(&b.actor.id));
    Extraction {
        doc: DocInfo {
            id: id.into(),
            hash: format!("hash-{id}"),
            date: Some(date.into()),
            title: Some(format!("Invented story {id}")),
            source: Some("Test Wire".into()),
            url: url.map(String::from),
        },
        mentions,
        statements,
        affiliations: vec![(spokesman(), ruritania())],
    }
}

fn docs() -> Vec<Extraction> {
    vec![
        doc(
            "t1",
            "2031-01-05",
            Some("https://example.org/t1"),
            vec![
                stmt(
                    spokesman(),
                    Relation::Accuses,
                    Some(osterlich()),
                    1,
                    "Karl accused Osterlich of \"moving\" the border markers </script>.",
                    "accused",
                ),
                stmt(
                    ruritania(),
                    Relation::Accuses,
                    Some(osterlich()),
                    2,
                    "Ruritania accused its neighbour again.",
                    "accused",
                ),
            ],
            vec![actor(
                "atlantis",
                "Atlantis",
                ActorKind::Country,
                Some("ATL"),
            )],
        ),
        doc(
            "t2",
            "2031-02-11",
            None,
            vec![
                stmt(
                    osterlich(),
                    Relation::Denies,
                    Some(ruritania()),
                    1,
                    "Osterlich denied moving any marker.",
                    "denied",
                ),
                stmt(
                    senator(),
                    Relation::Criticizes,
                    Some(osterlich()),
                    3,
                    "Senator Ann criticized her own government's handling of the row.",
                    "criticized",
                ),
            ],
            vec![],
        ),
        doc(
            "t3",
            "2031-03-20",
            None,
            vec![
                stmt(
                    league(),
                    Relation::Urges,
                    Some(ruritania()),
                    1,
                    "The League of States urged Ruritania to talk.",
                    "urged",
                ),
                stmt(
                    league(),
                    Relation::Urges,
                    None,
                    2,
                    "The League urged restraint.",
                    "urged",
                ),
            ],
            vec![],
        ),
    ]
}

fn graph(dir: &Path) -> PathBuf {
    let mut g = DipGraph::new();
    for e in docs() {
        g.add(e);
    }
    let p = dir.join("graph.json");
    g.save(&p).expect("save graph");
    p
}

fn dipgraph() -> Command {
    Command::cargo_bin("dipgraph").expect("binary")
}

fn stdout_of(graph: &Path, args: &[&str]) -> String {
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

/// Compares with tests/snapshots/export/NAME; `UPDATE_SNAPSHOTS=1` rewrites the file.
fn snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots/export")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().expect("dir")).expect("mkdir");
        std::fs::write(&path, actual).expect("write snapshot");
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no snapshot {}; run with UPDATE_SNAPSHOTS=1",
            path.display()
        )
    });
    assert!(
        want == actual,
        "{name} differs from its snapshot {}; rerun with UPDATE_SNAPSHOTS=1 if the change is intended\n--- got ---\n{actual}",
        path.display()
    );
}

#[test]
fn every_format_matches_its_snapshot() {
    let dir = tempfile::tempdir().expect("tempdir");
    let g = graph(dir.path());
    for (format, file) in [
        ("dot", "graph.dot"),
        ("json", "graph.json"),
        ("graphml", "graph.graphml"),
        ("gexf", "graph.gexf"),
        ("cytoscape", "graph.cyjs"),
        ("gephi-csv", "gephi.csv"),
        ("cypher", "graph.cypher"),
    ] {
        snapshot(file, &stdout_of(&g, &["export", "--format", format]));
    }
    let csv = dir.path().join("neo4j");
    dipgraph()
        .arg("--graph")
        .arg(&g)
        .args(["export", "--format", "csv", "--out"])
        .arg(&csv)
        .assert()
        .success();
    for f in ["nodes.csv", "edges.csv"] {
        snapshot(f, &std::fs::read_to_string(csv.join(f)).expect("csv"));
    }
    let empty = tempfile::tempdir().expect("tempdir");
    let svg = dir.path().join("builtin.svg");
    dipgraph()
        .env("PATH", empty.path())
        .arg("--graph")
        .arg(&g)
        .args([
            "export",
            "--format",
            "svg",
            "--renderer",
            "builtin",
            "--out",
        ])
        .arg(&svg)
        .assert()
        .success();
    snapshot("builtin.svg", &std::fs::read_to_string(&svg).expect("svg"));
}

#[test]
fn default_view_holds_statement_actors_and_their_affiliations() {
    let dir = tempfile::tempdir().expect("tempdir");
    let g = graph(dir.path());
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&g, &["export", "--format", "json"])).expect("json");
    let ids: Vec<&str> = json["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| n["id"].as_str().expect("id"))
        .collect();
    assert_eq!(
        ids,
        [
            "OST",
            "RUR",
            "ann-senator",
            "karl-quote",
            "league-of-states"
        ]
    );
    let all: serde_json::Value = serde_json::from_str(&stdout_of(
        &g,
        &["export", "--format", "json", "--all-entities"],
    ))
    .expect("json");
    assert!(all["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .any(|n| n["id"] == "atlantis"));
    // Evidence keeps document, sentence, span, sentence text, cue and date.
    let e = &json["edges"][0]["evidence"][0];
    for k in ["doc", "sentence", "span", "text", "cue", "date"] {
        assert!(!e[k].is_null(), "{k} missing in {e}");
    }
}

#[test]
fn between_states_drops_a_senator_against_her_government() {
    let dir = tempfile::tempdir().expect("tempdir");
    let g = graph(dir.path());
    let all = stdout_of(&g, &["export", "--format", "gephi-csv"]);
    assert!(all.contains("ann-senator,OST"), "{all}");
    let ir = stdout_of(&g, &["export", "--format", "gephi-csv", "--between-states"]);
    assert!(!ir.contains("ann-senator"), "{ir}");
    // The League has no state: its statements stay.
    assert!(ir.contains("league-of-states,RUR"), "{ir}");
}

#[test]
fn by_country_draws_statements_inside_a_state_as_a_loop() {
    let dir = tempfile::tempdir().expect("tempdir");
    let g = graph(dir.path());
    let dot = stdout_of(&g, &["export", "--format", "dot", "--by-country"]);
    assert!(
        dot.contains(r#""OST" -> "OST" [id="edge:OST|criticizes|OST""#),
        "{dot}"
    );
    assert!(dot.contains(r#"headport="e""#), "{dot}");
    assert!(
        dot.contains(r#""RUR" -> "OST" [id="edge:RUR|accuses|OST" label="accuses ×2""#),
        "{dot}"
    );
}

#[test]
fn legend_shows_only_the_families_drawn() {
    let dir = tempfile::tempdir().expect("tempdir");
    let g = graph(dir.path());
    let dot = stdout_of(&g, &["export", "--format", "dot", "--family", "accuse"]);
    assert!(dot.contains("&#9644; accuse"), "{dot}");
    for absent in ["&#9644; rebut", "&#9644; demand", "&#9644; disapprove"] {
        assert!(!dot.contains(absent), "{absent} in {dot}");
    }
    let dot = stdout_of(&g, &["export", "--format", "dot"]);
    assert!(dot.contains("&#9644; demand"), "{dot}");
}

#[test]
fn top_keeps_the_busiest_actors_and_says_so_in_the_title() {
    let dir = tempfile::tempdir().expect("tempdir");
    let g = graph(dir.path());
    let dot = stdout_of(&g, &["export", "--format", "dot", "--top", "2"]);
    assert!(dot.contains("Top 2 of 5 actors"), "{dot}");
    assert!(dot.contains(r#""OST"[id="actor:OST""#), "{dot}");
    assert!(dot.contains(r#""RUR"[id="actor:RUR""#), "{dot}");
    assert!(!dot.contains("actor:league-of-states"), "{dot}");
}

#[test]
fn since_and_until_filter_every_export() {
    let dir = tempfile::tempdir().expect("tempdir");
    let g = graph(dir.path());
    let csv = stdout_of(
        &g,
        &[
            "export",
            "--format",
            "gephi-csv",
            "--since",
            "2031-02",
            "--until",
            "2031-02-28",
        ],
    );
    assert_eq!(csv.lines().count(), 3, "{csv}");
    assert!(csv.contains("OST,RUR,Directed,denies"), "{csv}");
    let cypher = stdout_of(&g, &["export", "--format", "cypher", "--until", "2031-01"]);
    assert!(cypher.contains(":ACCUSES"), "{cypher}");
    assert!(!cypher.contains(":DENIES"), "{cypher}");
}

#[test]
fn an_actor_that_matches_nothing_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let g = graph(dir.path());
    let out = dipgraph()
        .arg("--graph")
        .arg(&g)
        .args(["export", "--source", "Narnia"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no actor matches 'Narnia'"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn csv_needs_a_directory_and_png_needs_graphviz() {
    let dir = tempfile::tempdir().expect("tempdir");
    let g = graph(dir.path());
    let out = dipgraph()
        .arg("--graph")
        .arg(&g)
        .args(["export", "--format", "csv"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out DIR"));

    let empty = tempfile::tempdir().expect("tempdir");
    let png = dir.path().join("g.png");
    let out = dipgraph()
        .env("PATH", empty.path())
        .arg("--graph")
        .arg(&g)
        .args(["export", "--format", "png", "--out"])
        .arg(&png)
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.contains("Graphviz") && err.contains("--format svg"),
        "{err}"
    );
    assert!(!png.exists());
}

#[test]
fn svg_without_graphviz_is_drawn_by_the_builtin_layout() {
    let dir = tempfile::tempdir().expect("tempdir");
    let g = graph(dir.path());
    let empty = tempfile::tempdir().expect("tempdir");
    let svg = dir.path().join("g.svg");
    dipgraph()
        .env("PATH", empty.path())
        .arg("--graph")
        .arg(&g)
        .args(["export", "--format", "svg", "--out"])
        .arg(&svg)
        .assert()
        .success();
    let text = std::fs::read_to_string(&svg).expect("svg");
    assert!(text.starts_with("<svg"), "{text}");
    assert!(text.contains(r#"id="actor:RUR""#), "{text}");
    assert!(
        text.contains("Karl &quot;Q&quot; O&apos;Brien \\ &lt;b&gt;&amp;"),
        "{text}"
    );
    // Graphviz, when installed, draws the same view.
    if dipgraph::export::render::dot_available() {
        let gv = dir.path().join("gv.svg");
        dipgraph()
            .arg("--graph")
            .arg(&g)
            .args([
                "export",
                "--format",
                "svg",
                "--renderer",
                "graphviz",
                "--out",
            ])
            .arg(&gv)
            .assert()
            .success();
        let text = std::fs::read_to_string(&gv).expect("svg");
        assert!(text.contains(r#"id="actor:RUR""#), "{text}");
    } else {
        eprintln!("skipped: Graphviz 'dot' is not installed; only the built-in layout was checked");
    }
}

#[test]
fn report_is_one_self_contained_page_with_the_evidence() {
    let dir = tempfile::tempdir().expect("tempdir");
    let g = graph(dir.path());
    let page = dir.path().join("r.html");
    dipgraph()
        .arg("--graph")
        .arg(&g)
        .args(["report", "--renderer", "builtin", "--out"])
        .arg(&page)
        .assert()
        .success();
    let html = std::fs::read_to_string(&page).expect("html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    for external in ["<script src", "<link", "@import", "url(http"] {
        assert!(!html.contains(external), "{external} in the page");
    }
    // The sentence with "</script>" in it stays inside the data element.
    assert_eq!(html.matches("</script>").count(), 2);
    assert!(
        html.contains(r#"Karl accused Osterlich of \"moving\" the border markers \u003c/script>."#)
    );
    assert!(html.contains("https://example.org/t1"));
    let same = stdout_of(&g, &["export", "--format", "html", "--renderer", "builtin"]);
    assert_eq!(same, html);
}
