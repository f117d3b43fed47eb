//! GraphML for networkx, igraph, Gephi, yEd and Cytoscape, written with quick-xml; every
//! attribute is declared with its type.

use super::view::View;
use super::xml::{finish, writer, xml_text};
use quick_xml::events::BytesText;
use quick_xml::Writer;

/// (id, for, attr.name, attr.type) of every attribute the file may carry.
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("n_label", "node", "label", "string"),
    ("n_name", "node", "name", "string"),
    ("n_kind", "node", "kind", "string"),
    ("n_country", "node", "country", "string"),
    ("n_mentions", "node", "mentions", "int"),
    ("n_degree", "node", "degree", "int"),
    ("n_aliases", "node", "aliases", "string"),
    ("e_label", "edge", "label", "string"),
    ("e_type", "edge", "edge_type", "string"),
    ("e_relation", "edge", "relation", "string"),
    ("e_family", "edge", "family", "string"),
    ("e_count", "edge", "count", "int"),
    ("e_weight", "edge", "weight", "double"),
    ("e_documents", "edge", "documents", "string"),
    ("e_first", "edge", "first_date", "string"),
    ("e_last", "edge", "last_date", "string"),
    ("e_cameo", "edge", "cameo", "string"),
    ("e_plover", "edge", "plover", "string"),
    ("e_goldstein", "edge", "goldstein", "double"),
    ("e_evidence", "edge", "evidence", "string"),
];

type W = Writer<Vec<u8>>;

fn data(w: &mut W, key: &str, value: &str) -> std::io::Result<()> {
    w.create_element("data")
        .with_attribute(("key", key))
        .write_text_content(BytesText::new(&xml_text(value)))?;
    Ok(())
}

fn nodes(w: &mut W, view: &View) -> std::io::Result<()> {
    for n in &view.nodes {
        w.create_element("node")
            .with_attribute(("id", xml_text(&n.id).as_ref()))
            .write_inner_content(|w| {
                data(w, "n_label", &n.name)?;
                data(w, "n_name", &n.name)?;
                data(w, "n_kind", n.kind.as_str())?;
                if let Some(c) = &n.country {
                    data(w, "n_country", c)?;
                }
                data(w, "n_mentions", &n.mentions.to_string())?;
                data(w, "n_degree", &n.degree.to_string())?;
                data(w, "n_aliases", &n.aliases.join("; "))
            })?;
    }
    Ok(())
}

fn edges(w: &mut W, view: &View) -> std::io::Result<()> {
    let mut id = 0usize;
    for e in &view.edges {
        let r = &e.row;
        let evidence = serde_json::to_string(&r.evidence).map_err(std::io::Error::other)?;
        w.create_element("edge")
            .with_attributes([
                ("id", format!("e{id}").as_str()),
                ("source", xml_text(&r.source).as_ref()),
                ("target", xml_text(&r.target).as_ref()),
            ])
            .write_inner_content(|w| {
                data(w, "e_label", &format!("{} ×{}", r.relation, r.count))?;
                data(w, "e_type", "statement")?;
                data(w, "e_relation", r.relation.as_str())?;
                data(w, "e_family", r.relation.family().as_str())?;
                data(w, "e_count", &r.count.to_string())?;
                data(w, "e_weight", &format!("{}", r.count as f64))?;
                data(w, "e_documents", &r.documents.join(";"))?;
                if let Some(d) = &r.first_date {
                    data(w, "e_first", d)?;
                }
                if let Some(d) = &r.last_date {
                    data(w, "e_last", d)?;
                }
                data(w, "e_cameo", &e.cameo)?;
                data(w, "e_plover", &e.plover)?;
                data(w, "e_goldstein", &format!("{}", e.weight))?;
                data(w, "e_evidence", &evidence)
            })?;
        id += 1;
    }
    for a in &view.affiliations {
        w.create_element("edge")
            .with_attributes([
                ("id", format!("e{id}").as_str()),
                ("source", xml_text(&a.source).as_ref()),
                ("target", xml_text(&a.target).as_ref()),
            ])
            .write_inner_content(|w| {
                data(w, "e_label", "affiliation")?;
                data(w, "e_type", "affiliation")?;
                data(w, "e_count", &a.documents.len().to_string())?;
                data(w, "e_weight", &format!("{}", a.documents.len() as f64))?;
                data(w, "e_documents", &a.documents.join(";"))
            })?;
        id += 1;
    }
    Ok(())
}

/// The view as a GraphML document.
pub fn to_graphml(view: &View) -> anyhow::Result<String> {
    let mut w = writer()?;
    w.create_element("graphml")
        .with_attributes([
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ])
        .write_inner_content(|w| {
            for (id, for_, name, ty) in KEYS {
                w.create_element("key")
                    .with_attributes([
                        ("id", *id),
                        ("for", *for_),
                        ("attr.name", *name),
                        ("attr.type", *ty),
                    ])
                    .write_empty()?;
            }
            w.create_element("graph")
                .with_attributes([("id", "dipgraph"), ("edgedefault", "directed")])
                .write_inner_content(|w| {
                    nodes(w, view)?;
                    edges(w, view)
                })?;
            Ok(())
        })?;
    finish(w)
}
