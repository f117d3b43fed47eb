//! Names the gazetteer alone cannot settle: people told apart by their given names and by
//! the article, titles that tie unknown people to a state, companies, names of the time,
//! descriptions, and what `resolve` and `extract --explain` say about ambiguous or undated
//! readings. Every sentence is invented for these tests.

use assert_cmd::Command;
use dipgraph::actors::Gazetteer;
use dipgraph::extract::{Extractor, Lexicon};
use dipgraph::ingest::Document;
use dipgraph::{ActorKind, Statement};

fn extract(text: &str, date: Option<&str>) -> Vec<Statement> {
    let ex = Extractor::new(Gazetteer::builtin(), Lexicon::builtin());
    ex.extract(&Document::from_text("t", None, text, date))
        .statements
}

/// (source name, source country, target name) of each statement.
fn triples(st: &[Statement]) -> Vec<(String, Option<String>, Option<String>)> {
    st.iter()
        .map(|s| {
            (
                s.source.name.clone(),
                s.source.country.clone(),
                s.target.as_ref().map(|t| t.name.clone()),
            )
        })
        .collect()
}

fn resolve(mention: &str, date: Option<&str>) -> Option<dipgraph::Actor> {
    Gazetteer::builtin().resolve(mention, date)
}

#[test]
fn a_given_name_the_known_holder_lacks_makes_a_new_person() {
    // Sergei Ivanov and Wen Jiabao are known; these are other people.
    let a = resolve("Alexander Ivanov", Some("2004-05-01"));
    assert!(a.is_none(), "{a:?}");
    assert!(resolve("Wen Hailin", Some("2004-05-01")).is_none());
    // The known person's own given name, or a spelling of it, is still that person.
    assert_eq!(
        resolve("Sergey Ivanov", Some("2004-05-01")).map(|a| a.id),
        Some("sergei-ivanov".to_string())
    );
    let st = extract(
        "Deputy director Alexander Ivanov accused Poland of spying. Ivanov said Warsaw lied.",
        Some("2004-05-01"),
    );
    let sources: Vec<String> = triples(&st).into_iter().map(|t| t.0).collect();
    assert!(
        sources.iter().all(|s| s == "Alexander Ivanov"),
        "{sources:?}"
    );
    // A person whose family name comes first keeps a new given name too.
    let st = extract(
        "Chinese Foreign Ministry spokesman Wen Hailin criticized Canada. Wen said Ottawa erred.",
        Some("2004-05-01"),
    );
    let speakers: Vec<String> = st
        .iter()
        .filter_map(|s| s.speaker.as_ref().map(|p| p.name.clone()))
        .collect();
    assert!(speakers.iter().all(|s| s == "Wen Hailin"), "{speakers:?}");
}

#[test]
fn a_surname_alone_names_an_office_holder_only_in_office() {
    // Hamid Karzai led Afghanistan 2001-2014: "Karzai" then is Afghanistan's.
    let g = Gazetteer::builtin();
    let on = |d: &str| g.resolve("Zuma", Some(d)).and_then(|a| a.country);
    assert_eq!(on("2012-06-01").as_deref(), Some("ZAF"));
    // In 1995 no Zuma held office: the surname names nobody, and resolve says why.
    assert!(g.resolve("Zuma", Some("1995-06-01")).is_none());
    assert!(g
        .out_of_office("Zuma", Some("1995-06-01"))
        .is_some_and(|n| n.contains("Jacob")));
    // A full name names the person at any date, out of office without a state.
    let jz = g.resolve("Jacob Zuma", Some("1995-06-01")).unwrap();
    assert_eq!((jz.kind, jz.country), (ActorKind::Person, None));
}

#[test]
fn a_person_the_article_introduced_comes_before_a_known_holder() {
    // "Abe" alone in 2015 is Shinzo Abe, unless the story named another Abe.
    let st = extract(
        "Japan's Prime Minister Shinzo Abe met reporters. Abe urged China to talk.",
        Some("2015-06-01"),
    );
    assert!(triples(&st)
        .iter()
        .any(|t| t.1.as_deref() == Some("JPN") && t.2.as_deref() == Some("China")));
    let st = extract(
        "Local trader Kenta Abe spoke to reporters. Abe urged China to talk.",
        Some("2015-06-01"),
    );
    let t = triples(&st);
    assert!(
        t.iter().all(|x| x.1.as_deref() != Some("JPN")),
        "the trader is not the prime minister: {t:?}"
    );
}

#[test]
fn royal_styles_go_with_given_names() {
    // "Charles" is also the surname of Caribbean prime ministers; "Prince Charles" is not one.
    let st = extract("Prince Charles rejected criticism from Britain.", None);
    let t = triples(&st);
    assert!(
        t.iter().any(|x| x.0 == "Prince Charles" && x.1.is_none()),
        "{t:?}"
    );
    assert_eq!(
        resolve("King Abdullah", Some("2010-01-01")).and_then(|a| a.country),
        Some("JOR".to_string())
            .or(Some("SAU".to_string()))
            .filter(|_| true)
    );
}

#[test]
fn a_government_title_ties_an_unknown_person_to_the_story_state() {
    let st = extract(
        "OSLO (Reuters) - Government spokesperson Ingrid Falk criticized Denmark on Monday.",
        Some("2015-06-01"),
    );
    assert!(
        triples(&st)
            .iter()
            .any(|t| t.1.as_deref() == Some("NOR") || t.0 == "Norway"),
        "{:?}",
        triples(&st)
    );
    let st = extract(
        "Norwegian government spokesperson Ingrid Falk criticized Denmark.",
        Some("2015-06-01"),
    );
    assert!(
        triples(&st).iter().any(|t| t.0 == "Norway"),
        "{:?}",
        triples(&st)
    );
}

#[test]
fn companies_are_organizations_never_persons() {
    let st = extract(
        "Hanshin Steel rejected the offer. Orion Broadcasting criticized Brazil. \
         Merrill Lynch urged Japan to act. QRX Communications Corp accused Mexico of dumping.",
        Some("1988-01-01"),
    );
    let mut sources: Vec<(String, bool)> = st
        .iter()
        .map(|s| {
            (
                s.source.name.clone(),
                s.source.kind == ActorKind::Organization,
            )
        })
        .collect();
    sources.sort();
    sources.dedup();
    assert!(sources.iter().all(|s| s.1), "{sources:?}");
    assert!(
        sources.iter().any(|s| s.0 == "QRX Communications Corp"),
        "{sources:?}"
    );
    // A given name before a company's one-word name is a person's ("Yumi Honda").
    let st = extract(
        "Yumi Honda denied that Tokyo subsidized exports.",
        Some("1988-01-01"),
    );
    assert!(st.iter().any(|s| s.source.name == "Yumi Honda"));
}

#[test]
fn names_follow_the_date() {
    let name = |m: &str, d: &str| resolve(m, Some(d)).map(|a| (a.id, a.name));
    assert_eq!(
        name("the EC", "1987-05-01"),
        Some(("european-union".into(), "European Community".into()))
    );
    assert_eq!(
        name("the EU", "2004-05-01"),
        Some(("european-union".into(), "European Union".into()))
    );
    assert_eq!(name("Congo", "1990-01-01").unwrap().1, "Zaire");
    assert_eq!(name("Myanmar", "1988-01-01").unwrap().1, "Burma");
    assert_eq!(name("Eswatini", "2010-01-01").unwrap().1, "Swaziland");
    assert_eq!(name("Germany", "1987-01-01").unwrap().1, "West Germany");
    assert_eq!(name("Germany", "1995-01-01").unwrap().1, "Germany");
    // The Soviet Union is its own state, Russia's predecessor.
    assert_eq!(name("Moscow", "1987-01-01").unwrap().0, "SUN");
}

#[test]
fn descriptions_and_institutions() {
    let id = |m: &str| resolve(m, Some("2015-01-01")).map(|a| a.id);
    assert_eq!(id("the UN nuclear watchdog").as_deref(), Some("iaea"));
    assert_eq!(id("the U.N. refugee agency").as_deref(), Some("unhcr"));
    assert_eq!(
        id("the United Nations health agency").as_deref(),
        Some("world-health-organization")
    );
    assert_eq!(id("the Vatican").as_deref(), Some("VAT"));
    assert_eq!(id("the Holy See").as_deref(), Some("VAT"));
    assert_eq!(id("the Pope").as_deref(), Some("VAT"));
    assert_eq!(id("the Pentagon").as_deref(), Some("USA-defense-ministry"));
    assert_eq!(id("Foggy Bottom").as_deref(), Some("USA"));
    assert_eq!(id("Whitehall").as_deref(), Some("GBR"));
    assert_eq!(id("the Elysee").as_deref(), Some("FRA"));
    assert_eq!(id("MEPs").as_deref(), Some("european-parliament"));
    assert_eq!(id("the Tories").as_deref(), Some("conservative-party"));
    assert_eq!(id("the CDU").as_deref(), Some("christian-democratic-union"));
    assert_eq!(id("British MPs").as_deref(), Some("GBR-parliament"));
    // A body of a one-party state speaks for it.
    assert_eq!(
        resolve("the Chinese Communist Party", None)
            .and_then(|a| a.country)
            .as_deref(),
        Some("CHN")
    );
    // "the bloc" is the organization the story named.
    let st = extract(
        "The European Union criticized Serbia. The bloc also urged Kosovo to talk.",
        Some("2015-01-01"),
    );
    assert!(triples(&st)
        .iter()
        .any(|t| t.0 == "European Union" && t.2.as_deref() == Some("Kosovo")));
}

#[test]
fn every_spelling_of_a_state() {
    let id = |m: &str| resolve(m, None).map(|a| a.id);
    for m in [
        "Cote d'Ivoire",
        "Côte d’Ivoire",
        "COTE D'IVOIRE",
        "cote d'ivoire",
        "Ivory Coast",
    ] {
        assert_eq!(id(m).as_deref(), Some("CIV"), "{m}");
    }
    assert_eq!(id("Korea, Republic of").as_deref(), Some("KOR"));
    assert_eq!(id("Virgin Islands, British").as_deref(), Some("VGB"));
    assert_eq!(id("Congo-Brazzaville").as_deref(), Some("COG"));
    assert_eq!(id("Guinea Bissau").as_deref(), Some("GNB"));
    assert_eq!(id("St. Lucia").as_deref(), Some("LCA"));
    assert_eq!(id("Trinidad & Tobago").as_deref(), Some("TTO"));
    assert_eq!(id("a Dane").as_deref(), Some("DNK"));
    assert_eq!(id("New Zealanders").as_deref(), Some("NZL"));
}

#[test]
fn two_office_holders_of_one_state_stay_two_people_of_that_state() {
    let ex = Extractor::new(Gazetteer::builtin(), Lexicon::builtin());
    let out = ex.extract(&Document::from_text(
        "t",
        None,
        "Senator John Kerry criticized President George W. Bush over the budget.",
        Some("2004-06-01"),
    ));
    // Both are people of their own, each rolling up to the United States.
    for who in ["John Kerry", "George W. Bush"] {
        let m = out
            .mentions
            .iter()
            .find(|m| m.actor.name == who)
            .unwrap_or_else(|| panic!("{who} is a mention"));
        assert_eq!(m.actor.kind, ActorKind::Person);
        assert_eq!(m.actor.country.as_deref(), Some("USA"));
    }
    // The statement between them is kept, not dropped as the state addressing itself.
    let s = out
        .statements
        .iter()
        .find(|s| s.relation.as_str() == "criticizes")
        .expect("a statement");
    assert_eq!(
        s.speaker.as_ref().map(|p| p.name.as_str()),
        Some("John Kerry")
    );
}

#[test]
fn resolve_says_when_a_name_is_ambiguous_and_which_reading_it_chose() {
    let out = Command::cargo_bin("dipgraph")
        .unwrap()
        .args([
            "resolve",
            "Congo",
            "Bush",
            "Belgium",
            "--date",
            "1990-06-01",
        ])
        .output()
        .unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["id"], "COD");
    assert_eq!(lines[0]["ambiguous"], true);
    assert!(lines[0]["rule"].as_str().unwrap().contains("Brazzaville"));
    let readings: Vec<&str> = lines[0]["readings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(readings, ["COD", "COG"]);
    assert_eq!(lines[1]["id"], "george-h-w-bush");
    assert!(lines[1]["rule"].as_str().unwrap().contains("1990-06-01"));
    assert!(lines[2].get("ambiguous").is_none());
}

#[test]
fn explain_says_an_undated_document_took_the_most_recent_holder() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("undated.txt");
    std::fs::write(&p, "Bush criticized Iran over its program.\n").unwrap();
    let out = Command::cargo_bin("dipgraph")
        .unwrap()
        .args(["extract", "--explain", p.to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("no date") && err.contains("George W. Bush"),
        "{err}"
    );
}
