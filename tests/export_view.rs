//! The view exports and diagrams draw: the large-graph rule of `build`'s diagram, top-N
//! cuts and affiliation chains.

use dipgraph::export::{build_diagram, View, ViewOptions};
use dipgraph::graph::DipGraph;
use dipgraph::model::{Actor, ActorKind, Coding, DocInfo, Extraction, Relation, Statement};

fn country(i: usize) -> Actor {
    let id = format!("C{i:02}");
    Actor {
        name: format!("Country {i}"),
        id: id.clone(),
        kind: ActorKind::Country,
        country: Some(id),
    }
}

fn statement(s: Actor, t: Actor, n: usize) -> Statement {
    Statement {
        doc: String::new(),
        sentence: n,
        span: [n * 50, n * 50 + 40],
        evidence: format!("{} warned {} again.", s.name, t.name),
        cue: "warned".into(),
        relation: Relation::Warns,
        source: s,
        target: Some(t),
        speaker: None,
        topic: None,
        negated: false,
        hedged: false,
        date: None,
        confidence: 0.9,
        explicit: true,
        coding: Coding::default(),
    }
}

fn add(g: &mut DipGraph, id: &str, statements: Vec<Statement>, affiliations: Vec<(Actor, Actor)>) {
    g.add(Extraction {
        doc: DocInfo {
            id: id.into(),
            hash: format!("h-{id}"),
            date: Some("2031-04-01".into()),
            title: None,
            source: None,
            url: None,
        },
        statements,
        mentions: vec![],
        affiliations,
    });
}

/// A ring of `n` countries, each warning the next, plus country 0 warning everyone.
fn ring(n: usize) -> DipGraph {
    let mut g = DipGraph::new();
    for i in 0..n {
        let mut st = vec![statement(country(i), country((i + 1) % n), 1)];
        if i > 1 {
            st.push(statement(country(0), country(i), 2));
        }
        add(&mut g, &format!("d{i}"), st, vec![]);
    }
    g
}

#[test]
fn build_draws_the_top_25_of_a_large_graph_and_says_so() {
    let g = ring(70);
    let dot = build_diagram(&g);
    assert!(
        dot.contains("Top 25 of 70 actors by number of statements"),
        "{}",
        &dot[..400]
    );
    assert_eq!(dot.matches("[id=\"actor:").count(), 25);
    // The hub that warned everyone is among them.
    assert!(dot.contains("\"C00\"[id=\"actor:C00\""));
    let small = build_diagram(&ring(10));
    assert!(
        small.contains("10 actors, 18 statements"),
        "{}",
        &small[..400]
    );
    assert_eq!(small.matches("[id=\"actor:").count(), 10);
}

#[test]
fn affiliations_bring_the_bodies_a_speaker_stands_for() {
    let person = Actor {
        id: "jo-spokes".into(),
        name: "Jo Spokes".into(),
        kind: ActorKind::Person,
        country: Some("C01".into()),
    };
    let ministry = Actor {
        id: "C01-ministry".into(),
        name: "Ministry".into(),
        kind: ActorKind::Organization,
        country: Some("C01".into()),
    };
    let mut g = DipGraph::new();
    add(
        &mut g,
        "d1",
        vec![statement(person.clone(), country(2), 1)],
        vec![(person, ministry.clone()), (ministry, country(1))],
    );
    let view = View::new(&g, &ViewOptions::default(), &|_| None);
    let ids: Vec<&str> = view.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["C01", "C01-ministry", "C02", "jo-spokes"]);
    assert_eq!(view.affiliations.len(), 2);
    let top = View::new(
        &g,
        &ViewOptions {
            top: Some(1),
            ..ViewOptions::default()
        },
        &|_| None,
    );
    assert_eq!(top.nodes.len(), 1);
    assert!(
        top.edges.is_empty(),
        "an edge needs both ends among the top actors"
    );
    assert_eq!(top.total_actors, Some(2));
}
