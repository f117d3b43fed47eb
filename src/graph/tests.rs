use super::*;
use crate::model::{Coding, Mention, Statement};

pub(crate) fn actor(id: &str, name: &str, kind: ActorKind, country: Option<&str>) -> Actor {
    Actor {
        id: id.into(),
        name: name.into(),
        kind,
        country: country.map(String::from),
    }
}

pub(crate) fn rus() -> Actor {
    actor("RUS", "Russia", ActorKind::Country, Some("RUS"))
}
pub(crate) fn usa() -> Actor {
    actor("USA", "United States", ActorKind::Country, Some("USA"))
}
pub(crate) fn peskov() -> Actor {
    actor(
        "dmitry-peskov",
        "Dmitry Peskov",
        ActorKind::Person,
        Some("RUS"),
    )
}

pub(crate) fn stmt(
    doc: &str,
    sentence: usize,
    rel: Relation,
    src: Actor,
    tgt: Option<Actor>,
) -> Statement {
    Statement {
        doc: doc.into(),
        sentence,
        span: [sentence * 100, sentence * 100 + 50],
        evidence: format!("Sentence {sentence} of {doc} with \"quotes\"."),
        cue: rel.as_str().into(),
        relation: rel,
        source: src,
        target: tgt,
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

pub(crate) fn ex(id: &str, hash: &str, date: &str, statements: Vec<Statement>) -> Extraction {
    let mut mentions = Vec::new();
    for s in &statements {
        mentions.push(Mention {
            actor: s.source.clone(),
            surface: s.source.name.clone(),
        });
        if let Some(t) = &s.target {
            mentions.push(Mention {
                actor: t.clone(),
                surface: format!("the {}", t.name),
            });
        }
    }
    Extraction {
        doc: DocInfo {
            id: id.into(),
            hash: hash.into(),
            date: Some(date.into()),
            title: Some(format!("Title {id}")),
            source: None,
            url: None,
        },
        statements,
        mentions,
        affiliations: vec![(peskov(), rus())],
    }
}

pub(crate) fn docs() -> Vec<Extraction> {
    let mut hedged = stmt("d2", 3, Relation::Threatens, usa(), Some(rus()));
    hedged.hedged = true;
    vec![
        ex(
            "d1",
            "h1",
            "2024-01-02",
            vec![
                stmt("d1", 1, Relation::Accuses, rus(), Some(usa())),
                stmt("d1", 2, Relation::Accuses, rus(), Some(usa())),
            ],
        ),
        ex(
            "d2",
            "h2",
            "2024-02-03",
            vec![
                stmt("d2", 1, Relation::Accuses, rus(), Some(usa())),
                stmt("d2", 2, Relation::Denies, usa(), Some(rus())),
                hedged,
            ],
        ),
        ex(
            "d3",
            "h3",
            "2024-03-04",
            vec![stmt("d3", 1, Relation::Warns, peskov(), None)],
        ),
    ]
}

pub(crate) fn build(exs: Vec<Extraction>) -> DipGraph {
    let mut g = DipGraph::new();
    for e in exs {
        g.add(e);
    }
    g
}

#[test]
fn builds_edges_nodes_and_monadic_statements() {
    let g = build(docs());
    let acc = g
        .edges()
        .find(|e| e.key == "accuses")
        .expect("accuses edge");
    assert_eq!((acc.source.as_str(), acc.target.as_str()), ("RUS", "USA"));
    assert_eq!(acc.count, 3);
    assert_eq!(acc.documents, vec!["d1", "d2"]);
    assert_eq!(acc.first_date.as_deref(), Some("2024-01-02"));
    assert_eq!(acc.last_date.as_deref(), Some("2024-02-03"));
    assert_eq!(acc.cameo.as_deref(), Some("112"));
    // Hedged statements never become edges.
    assert!(g.edges().all(|e| e.key != "threatens"));
    let aff = g.edges().find(|e| e.is_affiliation()).expect("affiliation");
    assert_eq!(aff.source, "dmitry-peskov");
    assert_eq!(aff.documents, vec!["d1", "d2", "d3"]);
    let p = g.node("dmitry-peskov").expect("peskov node");
    assert_eq!(p.statements.len(), 1);
    assert_eq!(p.statements[0].relation, Relation::Warns);
    let u = g.node("USA").expect("usa");
    assert!(u.aliases.contains("the United States"));
    assert_eq!(g.petgraph().edge_count(), 3);
}

#[test]
fn re_adding_same_document_changes_nothing_and_new_hash_replaces() {
    let mut g = build(docs());
    let before = g.to_json();
    assert_eq!(g.add(docs().remove(0)), AddOutcome::Unchanged);
    assert_eq!(g.to_json(), before);
    assert!(g.contains("d1", "h1"));
    assert!(!g.contains("d1", "other"));
    let replacement = ex(
        "d1",
        "h1b",
        "2024-01-02",
        vec![stmt("d1", 1, Relation::Praises, usa(), Some(rus()))],
    );
    assert_eq!(
        g.add(replacement.clone()),
        AddOutcome::Replaced {
            previous_hash: "h1".into()
        }
    );
    let acc = g.edges().find(|e| e.key == "accuses").expect("accuses");
    assert_eq!(acc.count, 1, "d1's accusations are gone");
    // Exactness: equal to a fresh build over the current document set.
    let mut d = docs();
    d[0] = replacement;
    assert_eq!(g.to_json(), build(d).to_json());
}

#[test]
fn merge_is_independent_of_order_and_grouping() {
    let all = build(docs()).to_json();
    let d = docs();
    let single: Vec<DipGraph> = d.iter().map(|e| build(vec![e.clone()])).collect();
    let mut a = single[2].clone();
    a.merge(single[0].clone());
    a.merge(single[1].clone());
    let mut b = build(vec![d[1].clone(), d[0].clone()]);
    b.merge(single[2].clone());
    let mut c = single[1].clone();
    let mut c2 = single[2].clone();
    c2.merge(single[0].clone());
    c.merge(c2);
    assert_eq!(a.to_json(), all);
    assert_eq!(b.to_json(), all);
    assert_eq!(c.to_json(), all);
    // Merging a graph with itself changes nothing.
    let mut s = a.clone();
    assert!(s.merge(a.clone()).is_empty());
    assert_eq!(s.to_json(), all);
}

#[test]
fn merge_conflict_resolution_is_order_free() {
    let old = build(vec![docs().remove(0)]);
    let newer = build(vec![ex(
        "d1",
        "zz",
        "2024-01-05",
        vec![stmt("d1", 1, Relation::Praises, usa(), Some(rus()))],
    )]);
    let mut x = old.clone();
    assert_eq!(x.merge(newer.clone()), vec!["d1".to_string()]);
    let mut y = newer.clone();
    y.merge(old);
    assert_eq!(x.to_json(), y.to_json());
    assert!(x.contains("d1", "zz"));
}

#[test]
fn save_load_round_trip_is_byte_identical() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("g.json");
    let g = build(docs());
    g.save(&p).expect("save");
    let bytes = std::fs::read(&p).expect("read");
    let back = DipGraph::load(&p).expect("load");
    back.save(&p).expect("save again");
    assert_eq!(std::fs::read(&p).expect("read"), bytes);
    assert!(back.contains("d2", "h2"));
    // The file is node-link JSON.
    let v: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
    assert_eq!(v["directed"], true);
    assert_eq!(v["multigraph"], true);
    assert_eq!(v["graph"]["schema"], SCHEMA);
    assert_eq!(v["nodes"][0]["id"], "RUS");
    assert_eq!(v["edges"][0]["key"], "accuses");
    assert_eq!(v["edges"][2]["key"], "affiliation");
}

#[test]
fn refuses_foreign_newer_and_corrupt_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases = [
        (
            "foreign.json",
            r#"{"nodes": [], "edges": []}"#,
            "not a dipgraph graph",
        ),
        (
            "newer.json",
            r#"{"graph": {"schema": "dipgraph/2"}, "nodes": []}"#,
            "newer",
        ),
        ("corrupt.json", "{\"graph\": ", "not valid JSON"),
        (
            "other.json",
            r#"{"graph": {"schema": "networkx/1"}}"#,
            "not a dipgraph graph",
        ),
        (
            "damaged.json",
            r#"{"graph": {"schema": "dipgraph/1"}, "nodes": 3}"#,
            "damaged",
        ),
    ];
    for (name, text, want) in cases {
        let p = dir.path().join(name);
        std::fs::write(&p, text).expect("write");
        let err = DipGraph::load(&p).expect_err(name).to_string();
        assert!(err.contains(want), "{name}: {err}");
        assert!(err.contains(name), "{name}: error names the file: {err}");
        assert!(!err.contains('\n'), "{name}: one line: {err}");
        assert_eq!(std::fs::read_to_string(&p).expect("read"), text);
    }
    let missing = DipGraph::load(dir.path().join("nope.json")).expect_err("missing");
    assert!(missing.is_missing());
}
