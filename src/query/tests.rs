use super::*;
use crate::model::{Coding, DocInfo, Extraction, Statement};

fn a(id: &str, name: &str, kind: ActorKind, country: Option<&str>) -> Actor {
    Actor {
        id: id.into(),
        name: name.into(),
        kind,
        country: country.map(String::from),
    }
}

fn st(doc: &str, date: &str, rel: Relation, s: Actor, t: Actor) -> Statement {
    Statement {
        doc: doc.into(),
        sentence: 1,
        span: [0, 10],
        evidence: format!("{} {} {}", s.name, rel, t.name),
        cue: rel.as_str().into(),
        relation: rel,
        source: s,
        target: Some(t),
        speaker: None,
        topic: None,
        negated: false,
        hedged: false,
        date: Some(date.into()),
        confidence: 0.9,
        explicit: true,
        coding: Coding::default(),
    }
}

fn graph() -> DipGraph {
    let kremlin = a("kremlin", "Kremlin", ActorKind::Organization, Some("RUS"));
    let peskov = a(
        "dmitry-peskov",
        "Dmitry Peskov",
        ActorKind::Person,
        Some("RUS"),
    );
    let rus = a("RUS", "Russia", ActorKind::Country, Some("RUS"));
    let usa = a("USA", "United States", ActorKind::Country, Some("USA"));
    let chn = a("CHN", "China", ActorKind::Country, Some("CHN"));
    let mut g = DipGraph::new();
    for (i, (date, s)) in [
        (
            "2024-01-01",
            st(
                "d1",
                "2024-01-01",
                Relation::Accuses,
                kremlin.clone(),
                usa.clone(),
            ),
        ),
        (
            "2024-02-01",
            st(
                "d2",
                "2024-02-01",
                Relation::Accuses,
                peskov.clone(),
                usa.clone(),
            ),
        ),
        (
            "2024-03-01",
            st(
                "d3",
                "2024-03-01",
                Relation::Urges,
                chn.clone(),
                usa.clone(),
            ),
        ),
        (
            "2024-04-01",
            st(
                "d4",
                "2024-04-01",
                Relation::Denies,
                usa.clone(),
                rus.clone(),
            ),
        ),
    ]
    .into_iter()
    .enumerate()
    {
        g.add(Extraction {
            doc: DocInfo {
                id: s.doc.clone(),
                hash: format!("h{i}"),
                date: Some(date.into()),
                title: None,
                source: None,
                url: None,
            },
            statements: vec![s],
            mentions: vec![],
            affiliations: vec![],
        });
    }
    g
}

fn none(_: &str) -> Option<Actor> {
    None
}

#[test]
fn source_matches_country_members_and_resolver() {
    let g = graph();
    let q = Query {
        source: Some("russia".into()),
        ..Query::default()
    };
    let rows = run(&g, &q, &none);
    let srcs: Vec<&str> = rows.iter().map(|r| r.source.as_str()).collect();
    assert_eq!(srcs, vec!["dmitry-peskov", "kremlin"]);
    let beijing =
        |n: &str| (n == "Beijing").then(|| a("CHN", "China", ActorKind::Country, Some("CHN")));
    let q = Query {
        source: Some("Beijing".into()),
        ..Query::default()
    };
    let rows = run(&g, &q, &beijing);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].relation, Relation::Urges);
    assert!(
        run(&g, &q, &none).is_empty(),
        "without the resolver Beijing is unknown"
    );
}

#[test]
fn by_country_sums_and_dates_filter_evidence() {
    let g = graph();
    let q = Query {
        relations: vec![Relation::Accuses],
        by_country: true,
        ..Query::default()
    };
    let rows = run(&g, &q, &none);
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].source.as_str(), rows[0].count), ("RUS", 2));
    assert_eq!(rows[0].documents, vec!["d1", "d2"]);
    let q = Query {
        since: Some("2024-01-15".into()),
        until: Some("2024-03".into()),
        ..Query::default()
    };
    let rows = run(&g, &q, &none);
    let rels: Vec<Relation> = rows.iter().map(|r| r.relation).collect();
    assert_eq!(rels, vec![Relation::Urges, Relation::Accuses]);
    let q = Query {
        families: vec![Family::Rebut],
        target: Some("RUS".into()),
        min_count: 2,
        ..Query::default()
    };
    assert!(run(&g, &q, &none).is_empty());
}

#[test]
fn relation_names_parse_with_helpful_errors() {
    let (r, f) = parse_relations(&["accuses,rebut".into()]).expect("valid");
    assert_eq!(r, vec![Relation::Accuses]);
    assert_eq!(f, vec![Family::Rebut]);
    let err = parse_relations(&["blames".into()]).expect_err("invalid");
    assert!(err.contains("blames") && err.contains("condemns"), "{err}");
}

/// The test graph plus a domestic statement: a US senator criticizes the United States.
fn graph_with_domestic() -> DipGraph {
    let mut g = graph();
    let senator = a("jane-roe", "Jane Roe", ActorKind::Person, Some("USA"));
    let usa = a("USA", "United States", ActorKind::Country, Some("USA"));
    g.add(Extraction {
        doc: DocInfo {
            id: "d5".into(),
            hash: "h5".into(),
            date: Some("2024-05-01".into()),
            title: None,
            source: None,
            url: None,
        },
        statements: vec![st("d5", "2024-05-01", Relation::Criticizes, senator, usa)],
        mentions: vec![],
        affiliations: vec![],
    });
    g
}

fn store_of(g: &DipGraph) -> Store {
    let mut s = Store::in_memory().expect("store");
    s.add_batch(g.records().cloned(), crate::store::OnChange::Keep)
        .expect("add");
    s
}

#[test]
fn store_and_graph_give_the_same_rows() {
    let g = graph_with_domestic();
    let s = store_of(&g);
    let queries = [
        Query::default(),
        Query {
            source: Some("Russia".into()),
            ..Query::default()
        },
        Query {
            target: Some("usa".into()),
            families: vec![Family::Accuse],
            by_country: true,
            ..Query::default()
        },
        Query {
            since: Some("2024-02".into()),
            until: Some("2024".into()),
            between_states: true,
            ..Query::default()
        },
        Query {
            top: Some(2),
            limit: Some(1),
            ..Query::default()
        },
    ];
    for q in &queries {
        let from_graph = try_run(&g, q, &none).expect("graph");
        let from_store = run_store(&s, q, &none).expect("store");
        assert_eq!(from_graph, from_store, "{q:?}");
        // Without evidence, the same rows from SQL sums.
        let mut bare = from_store.clone();
        for r in &mut bare {
            r.evidence.clear();
        }
        let summary = run_store_summary(&s, q, &none).expect("summary");
        let dated = q.since.is_some() || q.until.is_some();
        if dated {
            assert_eq!(summary, from_store, "{q:?}");
        } else {
            assert_eq!(summary, bare, "{q:?}");
        }
        assert!(!from_graph.is_empty(), "{q:?}");
    }
}

#[test]
fn between_states_drops_statements_inside_one_state() {
    let g = graph_with_domestic();
    let all = try_run(&g, &Query::default(), &none).expect("rows");
    assert!(all.iter().any(|r| r.source == "jane-roe"), "{all:?}");
    let q = Query {
        between_states: true,
        ..Query::default()
    };
    let rows = try_run(&g, &q, &none).expect("rows");
    assert!(rows.iter().all(|r| r.source != "jane-roe"), "{rows:?}");
    assert_eq!(rows.len(), all.len() - 1);
}

#[test]
fn rows_carry_names_and_top_keeps_the_busiest_actors() {
    let g = graph_with_domestic();
    let rows = try_run(&g, &Query::default(), &none).expect("rows");
    let r = rows
        .iter()
        .find(|r| r.source == "CHN")
        .expect("China's row");
    assert_eq!(
        (r.source_name.as_str(), r.target_name.as_str()),
        ("China", "United States")
    );
    // USA is in every row; Russia's members (Kremlin, Peskov) and Russia itself come next.
    let q = Query {
        top: Some(2),
        ..Query::default()
    };
    let rows = try_run(&g, &q, &none).expect("rows");
    let mut actors: BTreeSet<&str> = BTreeSet::new();
    for r in &rows {
        actors.insert(&r.source);
        actors.insert(&r.target);
    }
    assert_eq!(actors.len(), 2, "{rows:?}");
    assert!(actors.contains("USA"), "{rows:?}");
}

#[test]
fn a_filter_that_matches_nothing_is_an_error() {
    let g = graph();
    let s = store_of(&g);
    let cases: [(Query, &str); 5] = [
        (
            Query {
                source: Some("Narnia".into()),
                ..Query::default()
            },
            "no actor matches 'Narnia'",
        ),
        (
            Query {
                since: Some("2030".into()),
                ..Query::default()
            },
            "no statement is dated on or after 2030 (statements run from 2024-01-01 to 2024-04-01)",
        ),
        (
            Query {
                until: Some("1 May".into()),
                ..Query::default()
            },
            "invalid date '1 May'",
        ),
        (
            Query {
                relations: vec![Relation::Threatens],
                ..Query::default()
            },
            "no 'threatens' statement",
        ),
        (
            Query {
                families: vec![Family::Approve],
                ..Query::default()
            },
            "no 'approve' statement",
        ),
    ];
    for (q, want) in cases {
        let e = try_run(&g, &q, &none).expect_err(want).to_string();
        assert!(e.contains(want), "{e}");
        let e = run_store(&s, &q, &none).expect_err(want).to_string();
        assert!(e.contains(want), "{e}");
        assert!(run(&g, &q, &none).is_empty(), "lenient form gives no rows");
    }
    // A combination with no answer is an empty answer, not an error.
    let q = Query {
        source: Some("China".into()),
        relations: vec![Relation::Accuses],
        ..Query::default()
    };
    assert!(run_store(&s, &q, &none).expect("rows").is_empty());
}
