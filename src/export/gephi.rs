//! Gephi edge table: one row per statement edge with the columns Gephi's spreadsheet
//! importer recognizes (Source, Target, Type, Label, Weight) and more.

use super::view::View;

/// Statement edges of the view as a Gephi edge table.
pub fn to_gephi_csv(view: &View) -> anyhow::Result<String> {
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
    for e in &view.edges {
        let r = &e.row;
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
