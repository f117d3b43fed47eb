//! CSV export: a Gephi edge table.

use super::ExportOptions;
use crate::graph::DipGraph;

/// Statement edges as CSV with the columns Gephi's importer expects (Source, Target, Type, Label, Weight) and more.
pub fn to_csv(graph: &DipGraph, opts: &ExportOptions) -> anyhow::Result<String> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record([
        "Source",
        "Target",
        "Type",
        "Label",
        "Weight",
        "Family",
        "Documents",
        "FirstDate",
        "LastDate",
    ])?;
    for r in opts.rows(graph) {
        w.write_record([
            r.source.as_str(),
            r.target.as_str(),
            "Directed",
            r.relation.as_str(),
            &r.count.to_string(),
            r.relation.family().as_str(),
            &r.documents.join(";"),
            r.first_date.as_deref().unwrap_or(""),
            r.last_date.as_deref().unwrap_or(""),
        ])?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}
