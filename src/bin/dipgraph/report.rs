//! `dipgraph report`: one self-contained HTML page to hand to people who never open a terminal.

use crate::export::{diagram_options, diagram_view, renderer, LayoutArg, RendererArg, ViewArgs};
use crate::{Global, Outcome};
use anyhow::Context;
use dipgraph::export::render::{self, Renderer};
use dipgraph::export::{self, DiagramOptions, View};
use dipgraph::graph::DipGraph;
use std::path::PathBuf;

/// Options of `dipgraph report`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write the page.
    #[arg(long, short, default_value = "output/report.html", value_name = "FILE")]
    pub out: PathBuf,
    /// Title of the page.
    #[arg(long, default_value = "dipgraph report")]
    pub title: String,
    #[command(flatten)]
    pub view: ViewArgs,
    /// Graphviz layout engine for the diagram.
    #[arg(long, value_enum, value_name = "ENGINE")]
    pub layout: Option<LayoutArg>,
    /// Program that draws the diagram.
    #[arg(long, value_enum, default_value = "auto")]
    pub renderer: RendererArg,
}

/// The report page of a view: the table holds the whole view, the diagram its top actors
/// when it is too large to draw.
pub fn html(
    global: &Global,
    graph: &DipGraph,
    view: View,
    args: &ViewArgs,
    dopts: &DiagramOptions,
    renderer: Renderer,
    title: &str,
) -> anyhow::Result<String> {
    let diagram = diagram_view(view.clone(), args, global, graph)?;
    let diagram_title = diagram.title();
    let (svg, used) = render::svg(&diagram, dopts, renderer)?;
    if used == Renderer::Builtin && !global.quiet && renderer == Renderer::Auto {
        eprintln!(
            "dipgraph: Graphviz 'dot' not found; the diagram is drawn by the built-in layout"
        );
    }
    let svg = String::from_utf8(svg).context("the diagram is not UTF-8")?;
    export::html::to_html(&view, &svg, &diagram_title, title)
}

/// Runs the command.
pub fn run(global: &Global, args: Args) -> anyhow::Result<Outcome> {
    args.view.options()?;
    let graph = crate::query::load_graph(global)?;
    let view = args.view.view(global, &graph)?;
    let dopts = diagram_options(args.layout, false);
    let page = html(
        global,
        &graph,
        view,
        &args.view,
        &dopts,
        renderer(args.renderer),
        &args.title,
    )?;
    dipgraph::util::write_atomic(&args.out, page.as_bytes())
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    if !global.quiet {
        eprintln!("wrote {}", args.out.display());
    }
    Ok(Outcome::Ok)
}
