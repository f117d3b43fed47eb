//! `dipgraph resolve`: shows the entity each mention resolves to, one JSON object a line.

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
        let v = match gaz.resolve(m, date) {
            Some(a) => serde_json::json!({
                "mention": m,
                "id": a.id,
                "name": a.name,
                "kind": a.kind,
                "country": a.country,
            }),
            None => {
                all = false;
                serde_json::json!({"mention": m, "resolved": false})
            }
        };
        writeln!(out, "{v}")?;
    }
    out.flush()?;
    Ok(if all { Outcome::Ok } else { Outcome::Partial })
}
