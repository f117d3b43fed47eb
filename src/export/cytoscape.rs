//! Cytoscape.js elements JSON (`{"elements": {"nodes": [{"data": ...}], "edges": [...]}}`),
//! which Cytoscape.js and Cytoscape desktop ("Import Network from File", Cytoscape.js JSON) read.
//! Evidence goes in parallel lists of plain values, the only lists desktop columns hold.

use super::view::View;
use serde_json::{json, Value};

fn node_data(n: &super::view::ViewNode) -> Value {
    json!({
        "data": {
            "id": n.id,
            "name": n.name,
            "kind": n.kind.as_str(),
            "country": n.country,
            "mentions": n.mentions,
            "degree": n.degree,
            "aliases": n.aliases,
        }
    })
}

fn edge_data(i: usize, e: &super::view::ViewEdge) -> Value {
    let r = &e.row;
    let ev = &r.evidence;
    json!({
        "data": {
            "id": format!("e{i}"),
            "source": r.source,
            "target": r.target,
            "interaction": r.relation.as_str(),
            "edge_type": "statement",
            "relation": r.relation.as_str(),
            "family": r.relation.family().as_str(),
            "count": r.count,
            "documents": r.documents,
            "first_date": r.first_date,
            "last_date": r.last_date,
            "cameo": e.cameo,
            "plover": e.plover,
            "goldstein": e.weight,
            "evidence": ev.iter().map(|e| e.text.as_str()).collect::<Vec<_>>(),
            "evidence_docs": ev.iter().map(|e| e.doc.as_str()).collect::<Vec<_>>(),
            "evidence_sentences": ev.iter().map(|e| e.sentence).collect::<Vec<_>>(),
            "evidence_span_starts": ev.iter().map(|e| e.span[0]).collect::<Vec<_>>(),
            "evidence_span_ends": ev.iter().map(|e| e.span[1]).collect::<Vec<_>>(),
            "evidence_dates": ev.iter().map(|e| e.date.as_deref().unwrap_or("")).collect::<Vec<_>>(),
            "evidence_cues": ev.iter().map(|e| e.cue.as_str()).collect::<Vec<_>>(),
        }
    })
}

/// The view as Cytoscape.js elements JSON, pretty-printed with a final newline.
pub fn to_cytoscape(view: &View) -> anyhow::Result<String> {
    let nodes: Vec<Value> = view.nodes.iter().map(node_data).collect();
    let mut edges: Vec<Value> = view
        .edges
        .iter()
        .enumerate()
        .map(|(i, e)| edge_data(i, e))
        .collect();
    let base = edges.len();
    edges.extend(view.affiliations.iter().enumerate().map(|(i, a)| {
        json!({
            "data": {
                "id": format!("e{}", base + i),
                "source": a.source,
                "target": a.target,
                "interaction": "affiliation",
                "edge_type": "affiliation",
                "count": a.documents.len(),
                "documents": a.documents,
            }
        })
    }));
    let doc = json!({
        "format_version": "1.0",
        "generated_by": super::generator(),
        "target_cytoscapejs_version": "~3.0",
        "data": { "name": view.title() },
        "elements": { "nodes": nodes, "edges": edges },
    });
    let mut s = serde_json::to_string_pretty(&doc)?;
    s.push('\n');
    Ok(s)
}
