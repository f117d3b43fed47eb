//! `dipgraph stats`: counts, top accusers and accused, reciprocal pairs, from the store.

use crate::{Global, Outcome};
use std::io::Write;

/// Output format of `dipgraph stats`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// Readable text.
    Table,
    /// One JSON object.
    Json,
}

/// Options of `dipgraph stats`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Length of the ranked lists.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub top: usize,
    /// Count people and bodies as their country.
    #[arg(long)]
    pub by_country: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

/// Runs the command.
pub fn run(global: &Global, args: Args) -> anyhow::Result<Outcome> {
    let store = crate::common::open_for_reading(global)?;
    let s = store.stats(args.top, args.by_country)?;
    let out = match args.format {
        Format::Json => serde_json::to_string_pretty(&s)? + "\n",
        Format::Table => text(&s),
    };
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(Outcome::Ok)
}

fn text(s: &dipgraph::store::Stats) -> String {
    let mut o = String::new();
    let dates = match (&s.first_date, &s.last_date) {
        (Some(a), Some(b)) => format!(" ({a} to {b})"),
        _ => String::new(),
    };
    o.push_str(&format!("documents   {}{dates}\n", s.documents));
    o.push_str(&format!(
        "entities    {} ({} in statements)\n",
        s.entities, s.actors
    ));
    o.push_str(&format!(
        "statements  {} ({} with a named target)\n",
        s.statements, s.targeted
    ));
    o.push_str(&format!("edges       {}\n", s.edges));
    let rels: Vec<String> = s
        .relations
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(r, n)| format!("{r} {n}"))
        .collect();
    o.push_str(&format!("relations   {}\n", rels.join(", ")));
    for (title, list) in [
        ("top accusers", &s.top_accusers),
        ("top accused", &s.top_accused),
    ] {
        o.push_str(&format!("\n{title}:\n"));
        for r in list.iter() {
            o.push_str(&format!("  {:>6}  {} ({})\n", r.count, r.name, r.id));
        }
    }
    o.push_str("\nreciprocal (A accuses B, B rebuts A):\n");
    for p in &s.reciprocal {
        o.push_str(&format!(
            "  {} ({}) accuses {} ({}) x{}; rebutted x{}\n",
            p.accuser.name, p.accuser.id, p.accused.name, p.accused.id, p.accusations, p.rebuttals
        ));
    }
    o
}
