//! GEXF 1.3 for Gephi: typed attributes, edge weight = number of statements, and the
//! dates of each edge's statements as spells, so Gephi's timeline can play the graph.

use super::view::View;
use super::xml::{finish, writer, xml_text};
use quick_xml::events::BytesText;
use quick_xml::Writer;
use std::collections::BTreeSet;

/// (id, title, type) of node attributes.
const NODE_ATTRS: &[(&str, &str, &str)] = &[
    ("kind", "kind", "string"),
    ("country", "country", "string"),
    ("mentions", "mentions", "integer"),
    ("degree", "degree", "integer"),
    ("aliases", "aliases", "string"),
];

/// (id, title, type) of edge attributes.
const EDGE_ATTRS: &[(&str, &str, &str)] = &[
    ("edge_type", "edge_type", "string"),
    ("relation", "relation", "string"),
    ("family", "family", "string"),
    ("count", "count", "integer"),
    ("documents", "documents", "string"),
    ("first_date", "first_date", "string"),
    ("last_date", "last_date", "string"),
    ("cameo", "cameo", "string"),
    ("plover", "plover", "string"),
    ("goldstein", "goldstein", "double"),
    ("evidence", "evidence", "string"),
];

type W = Writer<Vec<u8>>;

fn is_day(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

fn declare(w: &mut W, class: &str, attrs: &[(&str, &str, &str)]) -> std::io::Result<()> {
    w.create_element("attributes")
        .with_attribute(("class", class))
        .write_inner_content(|w| {
            for (id, title, ty) in attrs {
                w.create_element("attribute")
                    .with_attributes([("id", *id), ("title", *title), ("type", *ty)])
                    .write_empty()?;
            }
            Ok(())
        })?;
    Ok(())
}

fn attvalues(w: &mut W, values: &[(&str, String)]) -> std::io::Result<()> {
    w.create_element("attvalues").write_inner_content(|w| {
        for (k, v) in values {
            w.create_element("attvalue")
                .with_attributes([("for", *k), ("value", xml_text(v).as_ref())])
                .write_empty()?;
        }
        Ok(())
    })?;
    Ok(())
}

fn spells(w: &mut W, dates: &BTreeSet<&str>) -> std::io::Result<()> {
    if dates.is_empty() {
        return Ok(());
    }
    w.create_element("spells").write_inner_content(|w| {
        for d in dates {
            w.create_element("spell")
                .with_attributes([("start", *d), ("end", *d)])
                .write_empty()?;
        }
        Ok(())
    })?;
    Ok(())
}

fn nodes(w: &mut W, view: &View) -> std::io::Result<()> {
    w.create_element("nodes")
        .with_attribute(("count", view.nodes.len().to_string().as_str()))
        .write_inner_content(|w| {
            for n in &view.nodes {
                let mut values = vec![("kind", n.kind.as_str().to_string())];
                if let Some(c) = &n.country {
                    values.push(("country", c.clone()));
                }
                values.push(("mentions", n.mentions.to_string()));
                values.push(("degree", n.degree.to_string()));
                values.push(("aliases", n.aliases.join("; ")));
                w.create_element("node")
                    .with_attributes([
                        ("id", xml_text(&n.id).as_ref()),
                        ("label", xml_text(&n.name).as_ref()),
                    ])
                    .write_inner_content(|w| attvalues(w, &values))?;
            }
            Ok(())
        })?;
    Ok(())
}

fn edges(w: &mut W, view: &View) -> std::io::Result<()> {
    let count = view.edges.len() + view.affiliations.len();
    w.create_element("edges")
        .with_attribute(("count", count.to_string().as_str()))
        .write_inner_content(|w| {
            let mut id = 0usize;
            for e in &view.edges {
                let r = &e.row;
                let evidence = serde_json::to_string(&r.evidence).map_err(std::io::Error::other)?;
                let mut values = vec![
                    ("edge_type", "statement".to_string()),
                    ("relation", r.relation.as_str().to_string()),
                    ("family", r.relation.family().as_str().to_string()),
                    ("count", r.count.to_string()),
                    ("documents", r.documents.join(";")),
                ];
                if let Some(d) = &r.first_date {
                    values.push(("first_date", d.clone()));
                }
                if let Some(d) = &r.last_date {
                    values.push(("last_date", d.clone()));
                }
                values.push(("cameo", e.cameo.clone()));
                values.push(("plover", e.plover.clone()));
                values.push(("goldstein", format!("{}", e.weight)));
                values.push(("evidence", evidence));
                let dates: BTreeSet<&str> = r
                    .evidence
                    .iter()
                    .filter_map(|e| e.date.as_deref())
                    .filter(|d| is_day(d))
                    .collect();
                w.create_element("edge")
                    .with_attributes([
                        ("id", format!("e{id}").as_str()),
                        ("source", xml_text(&r.source).as_ref()),
                        ("target", xml_text(&r.target).as_ref()),
                        ("label", format!("{} ×{}", r.relation, r.count).as_str()),
                        ("kind", r.relation.as_str()),
                        ("weight", r.count.to_string().as_str()),
                    ])
                    .write_inner_content(|w| {
                        attvalues(w, &values)?;
                        spells(w, &dates)
                    })?;
                id += 1;
            }
            for a in &view.affiliations {
                let values = vec![
                    ("edge_type", "affiliation".to_string()),
                    ("count", a.documents.len().to_string()),
                    ("documents", a.documents.join(";")),
                ];
                w.create_element("edge")
                    .with_attributes([
                        ("id", format!("e{id}").as_str()),
                        ("source", xml_text(&a.source).as_ref()),
                        ("target", xml_text(&a.target).as_ref()),
                        ("label", "affiliation"),
                        ("kind", "affiliation"),
                        ("weight", a.documents.len().to_string().as_str()),
                    ])
                    .write_inner_content(|w| attvalues(w, &values))?;
                id += 1;
            }
            Ok(())
        })?;
    Ok(())
}

/// The view as a GEXF 1.3 document.
pub fn to_gexf(view: &View) -> anyhow::Result<String> {
    let mut w = writer()?;
    w.create_element("gexf")
        .with_attributes([
            ("xmlns", "http://gexf.net/1.3"),
            ("xmlns:viz", "http://gexf.net/1.3/viz"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            ),
            ("version", "1.3"),
        ])
        .write_inner_content(|w| {
            w.create_element("meta").write_inner_content(|w| {
                w.create_element("creator")
                    .write_text_content(BytesText::new(&super::generator()))?;
                w.create_element("description")
                    .write_text_content(BytesText::new(&xml_text(&view.title())))?;
                Ok(())
            })?;
            w.create_element("graph")
                .with_attributes([
                    ("defaultedgetype", "directed"),
                    ("mode", "dynamic"),
                    ("timeformat", "date"),
                    ("timerepresentation", "interval"),
                ])
                .write_inner_content(|w| {
                    declare(w, "node", NODE_ATTRS)?;
                    declare(w, "edge", EDGE_ATTRS)?;
                    nodes(w, view)?;
                    edges(w, view)
                })?;
            Ok(())
        })?;
    finish(w)
}

#[cfg(test)]
mod tests {
    use super::is_day;

    #[test]
    fn only_full_dates_become_spells() {
        assert!(is_day("2024-03-01"));
        assert!(!is_day("2024-03"));
        assert!(!is_day("2024-0a-01"));
    }
}
