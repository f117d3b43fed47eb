//! Library-level tests of statement extraction, one per guideline rule, on invented sentences,
//! plus a quality floor on the fixture articles.

use dipgraph::actors::Gazetteer;
use dipgraph::eval::{actor_matches, read_gold, score};
use dipgraph::extract::{Extractor, Lexicon};
use dipgraph::ingest::{read_inputs, Document, Origin};
use dipgraph::pipeline::run_stream;
use dipgraph::{Relation, Statement};
use std::collections::BTreeMap;
use std::path::Path;

fn run(doc: &Document) -> Vec<Statement> {
    let ex = Extractor::new(Gazetteer::builtin(), Lexicon::builtin());
    ex.extract(doc).statements
}

/// Statements of one plain-text body (no title).
fn extract(text: &str) -> Vec<Statement> {
    run(&Document::from_text("t", None, text, Some("2025-01-01")))
}

/// Statements of a headline plus body.
fn extract_titled(title: &str, text: &str) -> Vec<Statement> {
    run(&Document::from_text(
        "t",
        Some(title),
        text,
        Some("2025-01-01"),
    ))
}

fn keys(k: &str) -> Vec<String> {
    vec![k.to_owned()]
}

fn show(st: &[Statement]) -> String {
    st.iter()
        .map(|s| {
            format!(
                "{} {} {}{}{} cue={:?}",
                s.source.id,
                s.relation,
                s.target.as_ref().map_or("-", |t| t.id.as_str()),
                if s.negated { " [negated]" } else { "" },
                if s.hedged { " [hedged]" } else { "" },
                s.cue
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Asserted statements matching (source, relation, target) by the guideline's actor keys.
fn asserted<'a>(st: &'a [Statement], src: &str, rel: Relation, tgt: &str) -> Vec<&'a Statement> {
    st.iter()
        .filter(|s| {
            s.is_asserted()
                && s.relation == rel
                && actor_matches(&s.source, &keys(src))
                && s.target
                    .as_ref()
                    .is_some_and(|t| actor_matches(t, &keys(tgt)))
        })
        .collect()
}

fn assert_has(st: &[Statement], src: &str, rel: Relation, tgt: &str) {
    assert!(
        !asserted(st, src, rel, tgt).is_empty(),
        "want {src} {rel} {tgt}, got:\n{}",
        show(st)
    );
}

fn assert_no_asserted(st: &[Statement]) {
    assert!(
        st.iter().all(|s| !s.is_asserted()),
        "want no asserted statement, got:\n{}",
        show(st)
    );
}

#[test]
fn active_accusation() {
    let st = extract("Chile accused Bolivia on Monday of diverting water from a shared river.");
    assert_has(&st, "CHL", Relation::Accuses, "BOL");
    assert!(
        asserted(&st, "BOL", Relation::Accuses, "CHL").is_empty(),
        "direction reversed:\n{}",
        show(&st)
    );
    let s = asserted(&st, "CHL", Relation::Accuses, "BOL")[0];
    assert!(s.explicit, "{}", show(&st));
    assert_eq!(s.sentence, 0);
    assert_eq!(s.date.as_deref(), Some("2025-01-01"));
}

#[test]
fn passive_with_agent_follows_meaning() {
    let st = extract("Ecuador was accused by Colombia on Friday of sheltering armed smugglers.");
    assert_has(&st, "COL", Relation::Accuses, "ECU");
    assert!(
        asserted(&st, "ECU", Relation::Accuses, "COL").is_empty(),
        "passive read as active:\n{}",
        show(&st)
    );
}

#[test]
fn passive_without_agent_gives_nothing() {
    let st = extract("Uruguay was accused on Sunday of underreporting its beef exports.");
    assert!(
        st.iter().all(|s| s.relation != Relation::Accuses),
        "a passive with no agent has no source:\n{}",
        show(&st)
    );
    assert_no_asserted(&st);
}

#[test]
fn nominal_accusations_by_against() {
    let st = extract(
        "Accusations by Latvia against Belarus over a string of border incursions dominated the summit.",
    );
    assert_has(&st, "LVA", Relation::Accuses, "BLR");
    assert!(
        asserted(&st, "BLR", Relation::Accuses, "LVA").is_empty(),
        "{}",
        show(&st)
    );
}

#[test]
fn rebuttal_target_is_the_claimant() {
    let st = extract("Portugal rejected Spain's accusations that it had polluted the Tagus river.");
    assert_has(&st, "PRT", Relation::Rejects, "ESP");
    // The rebuttal is not aimed at anyone else.
    for s in st
        .iter()
        .filter(|s| s.relation.is_rebuttal() && s.is_asserted())
    {
        assert!(
            s.target
                .as_ref()
                .is_some_and(|t| actor_matches(t, &keys("ESP"))),
            "rebuttal with wrong target:\n{}",
            show(&st)
        );
    }
}

#[test]
fn negation_gives_no_asserted_statement() {
    let st = extract("Greece did not condemn Albania over the disputed local election.");
    assert_no_asserted(&st);
    for s in st.iter().filter(|s| s.relation == Relation::Condemns) {
        assert!(s.negated, "{}", show(&st));
    }
}

#[test]
fn modal_gives_no_asserted_statement() {
    let st = extract("Norway may criticize Denmark over the new herring quota.");
    assert_no_asserted(&st);
    for s in st.iter().filter(|s| s.relation == Relation::Criticizes) {
        assert!(s.hedged, "{}", show(&st));
    }
}

#[test]
fn coordinated_targets_give_one_statement_each() {
    let st = extract(
        "Lithuania accused Belarus and Russia on Tuesday of staging provocations at the frontier.",
    );
    assert_has(&st, "LTU", Relation::Accuses, "BLR");
    assert_has(&st, "LTU", Relation::Accuses, "RUS");
}

#[test]
fn mutual_accusation_gives_two() {
    let st = extract(
        "Thailand and Cambodia accused each other on Sunday of firing shells across the border.",
    );
    assert_has(&st, "THA", Relation::Accuses, "KHM");
    assert_has(&st, "KHM", Relation::Accuses, "THA");
}

#[test]
fn headline_grammar_slams_over() {
    let st = extract_titled(
        "Ghana Slams Nigeria Over New Visa Fees",
        "The fees took effect in March and apply to traders crossing at Seme.",
    );
    assert_has(&st, "GHA", Relation::Criticizes, "NGA");
    let s = asserted(&st, "GHA", Relation::Criticizes, "NGA")[0];
    assert_eq!(s.sentence, 0, "the headline is sentence 0");
}

#[test]
fn plain_document_span_points_into_raw_text() {
    let raw =
        "date 2025-03-03 (Test Wire) Kenya praised Tanzania on Monday for reopening the border.\n\
               Trade resumed the same day."
            .to_owned();
    let doc = Document::from_plain("p", raw.clone(), Origin::file("p.txt"));
    let st = run(&doc);
    assert_has(&st, "KEN", Relation::Praises, "TZA");
    let s = asserted(&st, "KEN", Relation::Praises, "TZA")[0];
    assert_eq!(&raw[s.span[0]..s.span[1]], s.evidence);
    assert_eq!(s.date.as_deref(), Some("2025-03-03"));
}

#[test]
fn fixture_articles_meet_the_quality_floor() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let gold = read_gold(&dir.join("expected.gold")).expect("gold");
    let ex = Extractor::new(Gazetteer::builtin(), Lexicon::builtin());
    let mut predicted = BTreeMap::new();
    let mut errors = Vec::new();
    run_stream(
        read_inputs(std::slice::from_ref(&dir), None),
        &ex,
        |_| false,
        |r| match r {
            Ok((d, Some(x))) => {
                predicted.insert(d.id, x.statements);
            }
            Ok(_) => {}
            Err(e) => errors.push(e.to_string()),
        },
    );
    assert!(errors.is_empty(), "{errors:?}");
    let rep = score(&gold, &predicted);
    assert!(rep.missing_docs.is_empty(), "{:?}", rep.missing_docs);
    let (p, r) = (rep.exact.precision(), rep.exact.recall());
    assert!(
        p >= 0.9 && r >= 0.6,
        "exact precision {p:.3} recall {r:.3}\n{}",
        rep.render(true)
    );
}
