//! `dipgraph export`: the graph for Graphviz, Gephi, networkx, igraph, Neo4j, Cytoscape, D3
//! and browsers, with the filters of `query`.

use crate::{Global, Outcome};
use anyhow::Context;
use dipgraph::export::render::{self, RenderFormat, Renderer};
use dipgraph::export::{self, DiagramOptions, Layout, View, ViewOptions};
use dipgraph::graph::DipGraph;
use dipgraph::query::{self, Query};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Output format of `dipgraph export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Graphviz DOT source.
    Dot,
    /// SVG diagram: Graphviz when installed, the built-in layout otherwise.
    Svg,
    /// PNG diagram (needs Graphviz).
    Png,
    /// GraphML (networkx, igraph, Gephi, yEd, Cytoscape).
    Graphml,
    /// GEXF 1.3 with typed attributes and statement dates as spells (Gephi).
    Gexf,
    /// Node-link JSON (networkx node_link_graph, D3).
    Json,
    /// Cytoscape.js elements JSON (Cytoscape.js, Cytoscape desktop).
    Cytoscape,
    /// Neo4j import CSV: nodes.csv and edges.csv in the directory --out.
    Csv,
    /// Gephi edge table (one CSV file).
    GephiCsv,
    /// Cypher script of idempotent MERGE statements (Neo4j, Memgraph).
    Cypher,
    /// Self-contained HTML report (same as `dipgraph report`).
    Html,
}

/// Graphviz layout engines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LayoutArg {
    /// Layered, left to right.
    Dot,
    /// Spring model.
    Neato,
    /// Circular.
    Circo,
    /// Spring model for large graphs.
    Sfdp,
}

impl From<LayoutArg> for Layout {
    fn from(l: LayoutArg) -> Layout {
        match l {
            LayoutArg::Dot => Layout::Dot,
            LayoutArg::Neato => Layout::Neato,
            LayoutArg::Circo => Layout::Circo,
            LayoutArg::Sfdp => Layout::Sfdp,
        }
    }
}

/// Which program draws SVG diagrams.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RendererArg {
    /// Graphviz when installed, else the built-in layout.
    Auto,
    /// Graphviz `dot` only.
    Graphviz,
    /// The built-in pure-Rust layout.
    Builtin,
}

/// The statement filters of `query`, and what else of the graph to show.
#[derive(Debug, Clone, clap::Args)]
pub struct ViewArgs {
    /// Only statements made by this actor: id, code, name, alias or country.
    #[arg(long)]
    pub source: Option<String>,
    /// Only statements about this actor.
    #[arg(long)]
    pub target: Option<String>,
    /// Relation or family to keep (repeatable, or comma-separated).
    #[arg(long = "relation", value_name = "R")]
    pub relations: Vec<String>,
    /// Relation family to keep (repeatable): accuse, rebut, disapprove, threaten, demand, approve.
    #[arg(long = "family", value_name = "F")]
    pub families: Vec<String>,
    /// Earliest statement date (YYYY-MM-DD, or YYYY-MM, YYYY), inclusive.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Latest statement date (YYYY-MM-DD, or YYYY-MM, YYYY), inclusive.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Minimum number of statements of an edge.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub min_count: usize,
    /// Collapse actors to their country; statements inside a state become loops.
    #[arg(long)]
    pub by_country: bool,
    /// Keep only statements between different states (drops a senator against the president).
    #[arg(long)]
    pub between_states: bool,
    /// Keep only the N actors with the most statements, and the edges among them.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Also show entities that are only mentioned, not part of any statement.
    #[arg(long)]
    pub all_entities: bool,
}

impl ViewArgs {
    /// The view options, with relation names checked.
    pub fn options(&self) -> anyhow::Result<ViewOptions> {
        let mut names = self.relations.clone();
        names.extend(self.families.iter().cloned());
        let (relations, families) = query::parse_relations(&names).map_err(anyhow::Error::msg)?;
        if self.top == Some(0) {
            anyhow::bail!("--top must be at least 1");
        }
        Ok(ViewOptions {
            query: Query {
                source: self.source.clone(),
                target: self.target.clone(),
                relations,
                families,
                since: self.since.clone(),
                until: self.until.clone(),
                min_count: self.min_count,
                by_country: self.by_country,
                between_states: self.between_states,
            },
            all_entities: self.all_entities,
            top: self.top,
        })
    }

    /// The view of the graph, with a clear error when a named actor matches nothing.
    pub fn view<'g>(&self, global: &Global, graph: &'g DipGraph) -> anyhow::Result<View<'g>> {
        let opts = self.options()?;
        let actors = crate::common::actors(global)?;
        let gaz = actors.get();
        let resolve = |needle: &str| gaz.resolve(needle, None);
        for (flag, needle) in [("--source", &self.source), ("--target", &self.target)] {
            if let Some(n) = needle {
                let probe = Query {
                    source: (flag == "--source").then(|| n.clone()),
                    target: (flag == "--target").then(|| n.clone()),
                    ..Query::default()
                };
                if query::run(graph, &probe, &resolve).is_empty() {
                    anyhow::bail!("no actor matches '{n}' ({flag}) among the graph's statements");
                }
            }
        }
        Ok(View::new(graph, &opts, &resolve))
    }
}

/// Options of `dipgraph export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value = "dot")]
    pub format: Format,
    /// Output file (a directory for --format csv), written atomically; stdout when absent.
    #[arg(long, short, value_name = "PATH")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub view: ViewArgs,
    /// Graphviz layout engine for dot, svg, png and html diagrams.
    #[arg(long, value_enum, value_name = "ENGINE")]
    pub layout: Option<LayoutArg>,
    /// Program that draws svg and html diagrams.
    #[arg(long, value_enum, default_value = "auto")]
    pub renderer: RendererArg,
    /// Every evidence sentence in diagram tooltips, not only the first five.
    #[arg(long)]
    pub evidence: bool,
}

/// Diagram options of the command line.
pub fn diagram_options(layout: Option<LayoutArg>, evidence: bool) -> DiagramOptions {
    DiagramOptions {
        layout: layout.map(Into::into),
        evidence,
        title: None,
    }
}

/// The renderer the command line asks for.
pub fn renderer(r: RendererArg) -> Renderer {
    match r {
        RendererArg::Auto => Renderer::Auto,
        RendererArg::Graphviz => Renderer::Graphviz,
        RendererArg::Builtin => Renderer::Builtin,
    }
}

/// A diagram's view: the one asked for, cut to the top actors when it is too large to draw.
pub fn diagram_view<'g>(
    view: View<'g>,
    args: &ViewArgs,
    global: &Global,
    graph: &'g DipGraph,
) -> anyhow::Result<View<'g>> {
    if args.top.is_some() || view.statement_actors() <= export::view::LARGE_ACTORS {
        return Ok(view);
    }
    let mut cut = args.clone();
    cut.top = Some(export::view::LARGE_TOP);
    if !global.quiet {
        eprintln!(
            "dipgraph: {} actors are too many to draw; the diagram shows the top {} by number of statements (--top N to choose)",
            view.statement_actors(),
            export::view::LARGE_TOP
        );
    }
    cut.view(global, graph)
}

fn write_out(out: &Option<PathBuf>, bytes: &[u8]) -> anyhow::Result<()> {
    match out {
        Some(p) => dipgraph::util::write_atomic(p, bytes)
            .with_context(|| format!("cannot write {}", p.display())),
        None => Ok(std::io::stdout().lock().write_all(bytes)?),
    }
}

fn write_csv_dir(dir: &Path, files: &export::csv::Neo4jCsv) -> anyhow::Result<()> {
    for (name, text) in [("nodes.csv", &files.nodes), ("edges.csv", &files.edges)] {
        let p = dir.join(name);
        dipgraph::util::write_atomic(&p, text.as_bytes())
            .with_context(|| format!("cannot write {}", p.display()))?;
    }
    Ok(())
}

/// Runs the command.
pub fn run(global: &Global, args: Args) -> anyhow::Result<Outcome> {
    // Bad relation names are reported before the graph is loaded.
    args.view.options()?;
    if args.format == Format::Csv && args.out.is_none() {
        anyhow::bail!("--format csv writes nodes.csv and edges.csv: give the directory with --out DIR (or use --format gephi-csv for one table on stdout)");
    }
    let graph = crate::query::load_graph(global)?;
    let view = args.view.view(global, &graph)?;
    let dopts = diagram_options(args.layout, args.evidence);
    let bytes: Vec<u8> = match args.format {
        Format::Dot => export::dot::to_dot(&view, &dopts).into_bytes(),
        Format::Json => export::json::to_json(&view)?.into_bytes(),
        Format::Graphml => export::graphml::to_graphml(&view)?.into_bytes(),
        Format::Gexf => export::gexf::to_gexf(&view)?.into_bytes(),
        Format::Cytoscape => export::cytoscape::to_cytoscape(&view)?.into_bytes(),
        Format::GephiCsv => export::gephi::to_gephi_csv(&view)?.into_bytes(),
        Format::Cypher => export::cypher::to_cypher(&view).into_bytes(),
        Format::Csv => {
            let files = export::csv::to_neo4j_csv(&view)?;
            let dir = args.out.as_deref().unwrap_or(Path::new("."));
            write_csv_dir(dir, &files)?;
            return Ok(Outcome::Ok);
        }
        Format::Svg => {
            let d = diagram_view(view, &args.view, global, &graph)?;
            render::svg(&d, &dopts, renderer(args.renderer))?.0
        }
        Format::Png => {
            let d = diagram_view(view, &args.view, global, &graph)?;
            if !render::dot_available() {
                anyhow::bail!("PNG needs Graphviz 'dot', which was not found on PATH; install Graphviz or use --format svg (drawn without it)");
            }
            render::render(&export::dot::to_dot(&d, &dopts), RenderFormat::Png)?
        }
        Format::Html => {
            let title = "dipgraph report".to_string();
            crate::report::html(
                global,
                &graph,
                view,
                &args.view,
                &dopts,
                renderer(args.renderer),
                &title,
            )?
            .into_bytes()
        }
    };
    write_out(&args.out, &bytes)?;
    Ok(Outcome::Ok)
}
