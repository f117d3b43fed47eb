use super::write::OnChange;
use super::*;
use crate::graph::tests::{build, docs, ex, stmt, usa};
use crate::graph::{DipGraph, DocRecord};
use crate::model::{ActorKind, Extraction, Relation};

fn records(exs: Vec<Extraction>) -> Vec<DocRecord> {
    exs.into_iter().map(DocRecord::from_extraction).collect()
}

fn store_of(exs: Vec<Extraction>) -> Store {
    let mut s = Store::in_memory().expect("store");
    s.add_batch(records(exs), OnChange::Keep).expect("add");
    s
}

fn streamed(s: &Store) -> String {
    let mut out = Vec::new();
    s.write_graph_json(&mut out).expect("write");
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn the_store_gives_back_the_graph_it_was_given() {
    let want = build(docs()).to_json();
    let s = store_of(docs());
    assert_eq!(s.graph().expect("graph").to_json(), want);
    assert_eq!(streamed(&s), want, "streamed graph file differs");
    assert_eq!(s.document_count().expect("count"), 3);
    assert_eq!(s.edge_count().expect("edges"), 2);
}

#[test]
fn same_document_is_unchanged_and_a_new_text_is_kept_or_replaced() {
    let mut s = store_of(docs());
    let before = streamed(&s);
    let again = DocRecord::from_extraction(docs().remove(0));
    assert_eq!(
        s.add(again, OnChange::Replace).expect("add"),
        Outcome::Unchanged
    );
    assert_eq!(streamed(&s), before);
    let replacement = ex(
        "d1",
        "h1b",
        "2024-01-02",
        vec![stmt("d1", 1, Relation::Praises, usa(), None)],
    );
    let rec = DocRecord::from_extraction(replacement.clone());
    assert_eq!(
        s.add(rec.clone(), OnChange::Keep).expect("add"),
        Outcome::Kept {
            stored_hash: "h1".into()
        }
    );
    assert_eq!(streamed(&s), before, "kept means unchanged");
    assert_eq!(
        s.add(rec, OnChange::Replace).expect("add"),
        Outcome::Replaced {
            previous_hash: "h1".into()
        }
    );
    let mut d = docs();
    d[0] = replacement;
    assert_eq!(streamed(&s), build(d).to_json(), "not exact after replace");
}

#[test]
fn removing_a_document_takes_out_exactly_its_share() {
    // d4 names Russia differently and gives the United States a second alias: removing it
    // must bring back the name, kind and aliases the other documents give.
    let mut odd = ex(
        "d4",
        "h4",
        "2024-04-01",
        vec![stmt("d4", 1, Relation::Urges, usa(), Some(usa()))],
    );
    odd.mentions.push(crate::model::Mention {
        actor: crate::graph::tests::actor("RUS", "A Russia", ActorKind::Group, None),
        surface: "Moscow".into(),
    });
    let mut all = docs();
    all.push(odd);
    let mut s = store_of(all.clone());
    assert_eq!(streamed(&s), build(all).to_json());
    assert!(s.remove("d4").expect("remove"));
    assert!(!s.remove("d4").expect("remove twice"));
    assert_eq!(streamed(&s), build(docs()).to_json());
    for id in ["d1", "d2", "d3"] {
        s.remove(id).expect("remove");
    }
    assert_eq!(s.entity_count().expect("entities"), 0, "entities left over");
    assert_eq!(streamed(&s), DipGraph::new().to_json());
}

#[test]
fn later_version_wins_in_any_order() {
    let old = DocRecord::from_extraction(docs().remove(0));
    let newer = DocRecord::from_extraction(ex(
        "d1",
        "zz",
        "2024-01-05",
        vec![stmt("d1", 1, Relation::Praises, usa(), None)],
    ));
    let mut a = Store::in_memory().expect("store");
    a.add_batch([old.clone(), newer.clone()], OnChange::Later)
        .expect("add");
    let mut b = Store::in_memory().expect("store");
    b.add_batch([newer, old], OnChange::Later).expect("add");
    assert_eq!(streamed(&a), streamed(&b));
    assert_eq!(a.stored_hash("d1").expect("hash").as_deref(), Some("zz"));
}

#[test]
fn refuses_foreign_newer_and_damaged_files_and_leaves_them_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "just some text, not a database\n").expect("write");
    let other = dir.path().join("other.db");
    {
        let c = rusqlite::Connection::open(&other).expect("sqlite");
        c.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .expect("sql");
    }
    let newer = dir.path().join("newer.db");
    {
        let s = Store::open(&newer, Mode::Create).expect("create");
        s.connection()
            .pragma_update(None, "user_version", schema::SCHEMA_VERSION + 1)
            .expect("pragma");
    }
    let cases = [
        (&text, "not an SQLite database"),
        (&other, "another program"),
        (&newer, "newer"),
    ];
    for (p, want) in cases {
        let before = std::fs::read(p).expect("read");
        for mode in [Mode::Read, Mode::Write, Mode::Create] {
            let err = match Store::open(p, mode) {
                Ok(_) => panic!("{} opened", p.display()),
                Err(e) => e.to_string(),
            };
            assert!(err.contains(want), "{err}");
            assert!(err.contains(&*p.to_string_lossy()), "{err}");
            assert!(!err.contains('\n'), "{err}");
        }
        assert_eq!(
            std::fs::read(p).expect("read"),
            before,
            "{} changed",
            p.display()
        );
    }
    let missing = Store::open(dir.path().join("none.db"), Mode::Read);
    assert!(matches!(missing, Err(StoreError::Missing(_))));
}

#[test]
fn a_damaged_store_is_reported_as_damaged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("s.db");
    {
        let mut s = Store::open(&p, Mode::Create).expect("create");
        s.add_batch(records(docs()), OnChange::Keep).expect("add");
    }
    // Overwrite the middle of the file with garbage, keeping the header.
    let mut bytes = std::fs::read(&p).expect("read");
    let n = bytes.len();
    for b in &mut bytes[100..n] {
        *b = 0xA5;
    }
    std::fs::write(&p, &bytes).expect("write");
    let err = match Store::open(&p, Mode::Read).and_then(|s| s.graph()) {
        Ok(_) => panic!("damaged store read"),
        Err(e) => e.to_string(),
    };
    assert!(err.contains("s.db"), "{err}");
    assert!(
        err.contains("damaged") || err.contains("not a dipgraph store"),
        "{err}"
    );
}

#[test]
fn stats_count_rank_and_pair_accusations_with_rebuttals() {
    let s = store_of(docs());
    let st = s.stats(10, false).expect("stats");
    assert_eq!(
        (st.documents, st.statements, st.targeted, st.edges),
        (3, 5, 4, 2)
    );
    assert_eq!(st.first_date.as_deref(), Some("2024-01-02"));
    assert_eq!(st.top_accusers[0].id, "RUS");
    assert_eq!(st.top_accusers[0].count, 3);
    assert_eq!(st.top_accused[0].name, "United States");
    assert_eq!(st.reciprocal.len(), 1);
    let r = &st.reciprocal[0];
    assert_eq!(
        (r.accuser.id.as_str(), r.accused.id.as_str()),
        ("RUS", "USA")
    );
    assert_eq!((r.accusations, r.rebuttals), (3, 1));
    let accuses = st
        .relations
        .iter()
        .find(|(r, _)| r == "accuses")
        .expect("row");
    assert_eq!(accuses.1, 3);
    assert!(s.stats(0, true).expect("stats").top_accusers.is_empty());
}

#[test]
fn the_view_has_the_nodes_and_edges_of_the_graph() {
    let g = build(docs());
    let s = store_of(docs());
    let v = s.graph_view(&ViewSpec::full()).expect("view");
    assert_eq!(
        v.nodes().cloned().collect::<Vec<_>>(),
        g.nodes().cloned().collect::<Vec<_>>()
    );
    assert_eq!(
        v.edges().cloned().collect::<Vec<_>>(),
        g.edges().cloned().collect::<Vec<_>>()
    );
    assert_eq!(
        v.documents().cloned().collect::<Vec<_>>(),
        g.documents().cloned().collect::<Vec<_>>()
    );
    let light = s
        .graph_view(&ViewSpec {
            evidence: None,
            text: false,
            documents: false,
            edge_documents: true,
            top: Some(2),
        })
        .expect("view");
    assert_eq!(light.document_count(), 0);
    let ids: Vec<&str> = light.nodes().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["RUS", "USA"]);
    let acc = light.edges().find(|e| e.key == "accuses").expect("edge");
    assert_eq!(acc.count, 3);
    assert!(acc.evidence.iter().all(|e| e.text.is_empty()));
}

#[test]
fn a_batch_and_one_document_at_a_time_give_the_same_store() {
    let mut one = Store::in_memory().expect("store");
    for rec in records(docs()) {
        one.add(rec, OnChange::Keep).expect("add");
    }
    let batch = store_of(docs());
    assert_eq!(streamed(&one), streamed(&batch));
    assert_eq!(
        one.stats(5, false).expect("stats"),
        batch.stats(5, false).expect("stats")
    );
}

#[test]
fn a_view_without_evidence_keeps_the_edges_and_answers_queries_alike() {
    let s = store_of(docs());
    let full = s.graph_view(&ViewSpec::full()).expect("view");
    let bare = s
        .graph_view(&ViewSpec {
            evidence: Some(0),
            ..ViewSpec::full()
        })
        .expect("view");
    for (a, b) in full.edges().zip(bare.edges()) {
        let mut a = a.clone();
        a.evidence.clear();
        assert_eq!(&a, b);
    }
    let q = crate::query::Query {
        by_country: true,
        ..Default::default()
    };
    let none = |_: &str| None;
    let mut rows = crate::query::run(&full, &q, &none);
    for r in &mut rows {
        r.evidence.clear();
    }
    assert_eq!(rows, crate::query::run(&bare, &q, &none));
    let p = bare.node("dmitry-peskov").expect("peskov");
    assert_eq!((p.statements.len(), p.statements[0].count), (1, 1));
}

#[test]
fn paging_through_more_documents_than_a_page_misses_none() {
    let exs: Vec<Extraction> = (0..1100)
        .map(|i| {
            let id = format!("p{i:04}");
            ex(
                &id,
                &format!("h{i}"),
                "2024-06-01",
                vec![stmt(
                    &id,
                    1,
                    Relation::Urges,
                    usa(),
                    Some(crate::graph::tests::rus()),
                )],
            )
        })
        .collect();
    let s = store_of(exs.clone());
    assert_eq!(streamed(&s), build(exs).to_json());
    assert_eq!(s.records().expect("records").count(), 1100);
}

#[test]
fn the_diagram_of_a_view_with_the_first_sentences_is_the_diagram_of_the_graph() {
    let s = store_of(docs());
    let graph = build(docs());
    for n in [1, 5] {
        let part = s
            .graph_view(&ViewSpec {
                evidence: Some(n),
                text: true,
                documents: false,
                edge_documents: false,
                top: None,
            })
            .expect("view");
        let acc = part.edges().find(|e| e.key == "accuses").expect("edge");
        assert_eq!((acc.count, acc.evidence.len()), (3, n.min(3)));
        let want = graph.edges().find(|e| e.key == "accuses").expect("edge");
        assert_eq!(acc.evidence[..], want.evidence[..n.min(3)]);
        // The diagram's tooltips show five sentences: with five, nothing is missing.
        if n == 5 {
            assert_eq!(
                crate::export::build_diagram(&part),
                crate::export::build_diagram(&graph)
            );
        }
    }
}
