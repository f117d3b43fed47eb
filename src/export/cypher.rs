//! Cypher script for Neo4j and Memgraph (and embedded engines such as Kùzu): idempotent
//! `MERGE` statements, so loading it twice changes nothing. One relationship per statement,
//! keyed by its document, sentence and span, carries the evidence.

use super::csv::{neo4j_date, rel_type, AFFILIATED_WITH};
use super::view::View;
use std::fmt::Write;

/// A double-quoted Cypher string literal. Only the quote and the backslash are escaped:
/// every other character, newlines included, stands for itself inside a literal, which
/// Neo4j, Memgraph and Kùzu all read alike (they differ on escapes such as `\n`).
pub fn literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A Cypher float literal (always with a decimal point, so it is not read as an integer).
fn float(x: f32) -> String {
    if x.is_finite() {
        format!("{x:?}")
    } else {
        "0.0".to_string()
    }
}

fn set_list(var: &str, props: &[(&str, String)]) -> String {
    props
        .iter()
        .map(|(k, v)| format!("{var}.{k} = {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The view as a Cypher script; names and sentences are quoted so no text can end a literal.
pub fn to_cypher(view: &View) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "// {}: {}. Idempotent: loading it again changes nothing.",
        super::generator(),
        view.title()
    );
    for n in &view.nodes {
        let mut props = vec![
            ("name", literal(&n.name)),
            ("kind", literal(n.kind.as_str())),
            ("mentions", n.mentions.to_string()),
            ("degree", n.degree.to_string()),
            ("aliases", literal(&n.aliases.join("; "))),
        ];
        if let Some(c) = &n.country {
            props.push(("country", literal(c)));
        }
        let _ = writeln!(
            out,
            "MERGE (a:Actor {{id: {}}}) SET {};",
            literal(&n.id),
            set_list("a", &props)
        );
    }
    let urls: std::collections::BTreeMap<&str, &str> = view
        .graph
        .documents()
        .filter_map(|d| d.url.as_deref().map(|u| (d.id.as_str(), u)))
        .collect();
    for e in &view.edges {
        let r = &e.row;
        for ev in &r.evidence {
            let mut props = vec![
                ("span_end", ev.span[1].to_string()),
                ("relation", literal(r.relation.as_str())),
                ("family", literal(r.relation.family().as_str())),
                ("evidence", literal(&ev.text)),
                ("cue", literal(&ev.cue)),
                ("confidence", float(ev.confidence)),
                ("explicit", ev.explicit.to_string()),
                ("cameo", literal(&ev.cameo)),
                ("plover", literal(&ev.plover)),
                ("goldstein", float(ev.weight)),
            ];
            let date = neo4j_date(ev.date.as_deref());
            if !date.is_empty() {
                props.push(("date", format!("date({})", literal(date))));
            }
            if let Some(s) = &ev.speaker {
                props.push(("speaker", literal(s)));
            }
            if let Some(t) = &ev.topic {
                props.push(("topic", literal(t)));
            }
            if let Some(u) = urls.get(ev.doc.as_str()) {
                props.push(("source_url", literal(u)));
            }
            let _ = writeln!(
                out,
                "MATCH (s:Actor {{id: {}}}), (t:Actor {{id: {}}}) MERGE (s)-[r:{} {{doc: {}, sentence: {}, span_start: {}}}]->(t) SET {};",
                literal(&r.source),
                literal(&r.target),
                rel_type(r.relation),
                literal(&ev.doc),
                ev.sentence,
                ev.span[0],
                set_list("r", &props)
            );
        }
    }
    for a in &view.affiliations {
        let docs: Vec<String> = a.documents.iter().map(|d| literal(d)).collect();
        let _ = writeln!(
            out,
            "MATCH (s:Actor {{id: {}}}), (t:Actor {{id: {}}}) MERGE (s)-[r:{AFFILIATED_WITH}]->(t) SET r.count = {}, r.documents = [{}];",
            literal(&a.source),
            literal(&a.target),
            a.documents.len(),
            docs.join(", ")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_escape_quotes_and_backslashes_only() {
        assert_eq!(literal(r#"a "b" \ c"#), r#""a \"b\" \\ c""#);
        assert_eq!(literal("two\nlines"), "\"two\nlines\"");
        // A literal never ends before its last character.
        for s in ["\\", "\\\"", "x\"); MATCH (n) DETACH DELETE n; //"] {
            let l = literal(s);
            let inner = &l[1..l.len() - 1];
            let mut escaped = false;
            for c in inner.chars() {
                assert!(escaped || c != '"', "{l}");
                escaped = !escaped && c == '\\';
            }
            assert!(!escaped, "{l}");
        }
    }

    #[test]
    fn floats_keep_a_decimal_point() {
        assert_eq!(float(-2.0), "-2.0");
        assert_eq!(float(0.5), "0.5");
        assert_eq!(float(f32::NAN), "0.0");
    }
}
