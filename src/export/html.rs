//! The HTML report: one self-contained file (no network) with the diagram, its legend, a
//! statement table that filters by actor, family, date and text, the evidence with the cue
//! highlighted, and a timeline of statements per month. The page script is our own.

use super::view::View;
use quick_xml::escape::escape;
use std::collections::BTreeMap;

const TEMPLATE: &str = include_str!("report/report.html");
const CSS: &str = include_str!("report/report.css");
const JS: &str = include_str!("report/report.js");

/// Fills `{{KEY}}` markers of the template; values are inserted as given and never rescanned.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out =
        String::with_capacity(template.len() + values.iter().map(|v| v.1.len()).sum::<usize>());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start + 2..].find("}}") else {
            break;
        };
        let key = &rest[start + 2..start + 2 + len];
        match values.iter().find(|(k, _)| *k == key) {
            Some((_, v)) => {
                out.push_str(&rest[..start]);
                out.push_str(v);
            }
            None => out.push_str(&rest[..start + 4 + len]),
        }
        rest = &rest[start + 4 + len..];
    }
    out.push_str(rest);
    out
}

/// JSON that can sit inside a `<script>` element: `<` never appears raw, so neither
/// `</script>` nor `<!--` in a sentence can end the element early.
fn script_json(v: &serde_json::Value) -> anyhow::Result<String> {
    Ok(serde_json::to_string(v)?.replace('<', "\\u003c"))
}

/// The statements, actors and documents the page script works on, in compact arrays.
fn data(view: &View, summary: &str) -> serde_json::Value {
    use serde_json::json;
    let actor_ix: BTreeMap<&str, usize> = view
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let docs: Vec<_> = super::json::cited_documents(view);
    let doc_ix: BTreeMap<&str, usize> = docs.iter().enumerate().map(|(i, d)| (d.id, i)).collect();
    let mut edges = Vec::new();
    let mut statements = Vec::new();
    let mut push =
        |s: usize, t: Option<usize>, rel: crate::model::Relation, ev: &[crate::graph::Evidence]| {
            let e = edges.len();
            edges.push(json!([
                s,
                t.map_or(-1, |t| t as i64),
                rel.as_str(),
                rel.family().as_str()
            ]));
            for x in ev {
                let d = doc_ix.get(x.doc.as_str()).copied().unwrap_or(0);
                statements.push(json!([e, d, x.sentence, x.date, x.text, x.cue]));
            }
        };
    for e in &view.edges {
        let (Some(&s), Some(&t)) = (
            actor_ix.get(e.row.source.as_str()),
            actor_ix.get(e.row.target.as_str()),
        ) else {
            continue;
        };
        push(s, Some(t), e.row.relation, &e.row.evidence);
    }
    for (i, n) in view.nodes.iter().enumerate() {
        for m in &n.statements {
            push(i, None, m.relation, &m.evidence);
        }
    }
    json!({
        "summary": summary,
        "families": crate::model::Family::ALL.iter().map(|f| json!([f.as_str(), super::dot::family_color(*f)])).collect::<Vec<_>>(),
        "actors": view.nodes.iter().map(|n| json!([n.id, n.name, n.kind.as_str(), n.country])).collect::<Vec<_>>(),
        "docs": docs.iter().map(|d| json!([d.id, d.title, d.date, d.url, d.source])).collect::<Vec<_>>(),
        "edges": edges,
        "statements": statements,
    })
}

/// The report page: `view` fills the table, `svg` is the diagram (of a possibly smaller view).
pub fn to_html(view: &View, svg: &str, diagram_title: &str, title: &str) -> anyhow::Result<String> {
    let svg = svg.find("<svg").map_or(svg, |i| &svg[i..]);
    let statements: usize = view.edges.iter().map(|e| e.row.count).sum::<usize>()
        + view
            .nodes
            .iter()
            .flat_map(|n| &n.statements)
            .map(|m| m.count)
            .sum::<usize>();
    let summary = format!(
        "{} documents, {} actors, {} statements",
        super::json::cited_documents(view).len(),
        view.nodes.len(),
        statements
    );
    let data = script_json(&data(view, &summary))?;
    let generator = super::generator();
    Ok(fill(
        TEMPLATE,
        &[
            ("TITLE", &escape(title)),
            ("GENERATOR", &escape(&generator)),
            ("DIAGRAM_TITLE", &escape(diagram_title)),
            ("CSS", CSS),
            ("SVG", svg),
            ("DATA", &data),
            ("JS", JS),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_filled_once_and_values_not_rescanned() {
        let out = fill("a {{X}} b {{Y}} {{Z}}", &[("X", "{{Y}}"), ("Y", "2")]);
        assert_eq!(out, "a {{Y}} b 2 {{Z}}");
    }

    #[test]
    fn script_json_cannot_close_the_script() {
        let v = serde_json::json!(["</script><script>alert(1)</script>"]);
        let s = script_json(&v).expect("json");
        assert!(!s.contains('<'), "{s}");
        let back: serde_json::Value = serde_json::from_str(&s).expect("still JSON");
        assert_eq!(back, v);
    }
}
