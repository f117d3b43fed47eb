//! `dipgraph resolve`: shows the entity each mention resolves to, one JSON object a line,
//! and, for a form that names several things, every reading and the rule that chose.

use crate::{Global, Outcome};
use anyhow::Context;
use dipgraph::actors::Gazetteer;
use std::io::{BufRead, Write};

/// Options of `dipgraph resolve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Mentions to resolve ("the Kremlin", "Chinese Foreign Ministry"); `-` reads one a line from stdin.
    #[arg(required = true, value_name = "TEXT")]
    pub mentions: Vec<String>,
    /// Date of the text, YYYY-MM-DD: picks the office holder in office then.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
}

/// Runs the command.
pub fn run(global: &Global, args: Args) -> anyhow::Result<Outcome> {
    let owned;
    let gaz: &Gazetteer = if global.actors.is_empty() {
        Gazetteer::builtin()
    } else {
        owned = Gazetteer::load(&global.actors)?;
        &owned
    };
    let mut mentions = Vec::new();
    for m in args.mentions {
        if m == "-" {
            for line in std::io::stdin().lock().lines() {
                let line = line.context("reading mentions from stdin")?;
                if !line.trim().is_empty() {
                    mentions.push(line);
                }
            }
        } else {
            mentions.push(m);
        }
    }
    let date = args.date.as_deref();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut all = true;
    for m in &mentions {
        let mut v = match gaz.resolve(m, date) {
            Some(a) => serde_json::json!({
                "mention": m,
                "id": a.id,
                "name": a.name,
                "kind": a.kind,
                "country": a.country,
            }),
            None => {
                all = false;
                let mut v = serde_json::json!({"mention": m, "resolved": false});
                if let Some(why) = gaz.out_of_office(m, date) {
                    v["note"] = why.into();
                }
                v
            }
        };
        // A form that names several things says so, with every reading and the rule that
        // chose the first.
        if let Some(amb) = gaz.ambiguity(m, date) {
            v["ambiguous"] = true.into();
            v["rule"] = amb.rule.into();
            v["readings"] = amb
                .readings
                .iter()
                .map(|r| {
                    serde_json::json!({"id": r.id, "name": r.name, "kind": r.kind, "country": r.country})
                })
                .collect();
        }
        writeln!(out, "{v}")?;
    }
    out.flush()?;
    Ok(if all { Outcome::Ok } else { Outcome::Partial })
}
