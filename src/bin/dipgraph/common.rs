//! What several commands share: loading the actor and relation dictionaries.

use crate::Global;
use anyhow::Context;
use dipgraph::actors::Gazetteer;
use dipgraph::extract::learn::Model;
use dipgraph::extract::Lexicon;
use dipgraph::ingest::{read_inputs, InputFormat, Inputs};
use std::borrow::Cow;
use std::path::PathBuf;

/// Input format names on the command line.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum FormatArg {
    /// Plain text, one document per file.
    Txt,
    /// JSON Lines, one document per line.
    Jsonl,
}

impl From<FormatArg> for InputFormat {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Txt => InputFormat::Text,
            FormatArg::Jsonl => InputFormat::Jsonl,
        }
    }
}

/// The input options of every command that reads articles.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Files, directories (walked recursively) or `-` for stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Force the input format instead of guessing it from the extension.
    #[arg(long, value_enum)]
    pub input_format: Option<FormatArg>,
    /// Drop statements whose confidence is below this value (0 to 1).
    #[arg(long, default_value_t = 0.0)]
    pub min_confidence: f32,
    /// Scorer weights written by `dipgraph train` [default: the model built in].
    #[arg(long, value_name = "FILE", conflicts_with = "rules_only")]
    pub model: Option<PathBuf>,
    /// Decide with the hand rules alone, without the learned scorer.
    #[arg(long)]
    pub rules_only: bool,
}

impl InputArgs {
    /// The documents of the inputs, streamed.
    pub fn read(&self) -> Inputs {
        read_inputs(&self.inputs, self.input_format.map(Into::into))
    }

    /// The scorer these options choose: the built-in one, a file, or none (rules only).
    pub fn model(&self) -> anyhow::Result<Option<Cow<'static, Model>>> {
        if self.rules_only {
            return Ok(None);
        }
        Ok(Some(match &self.model {
            Some(p) => Cow::Owned(Model::load(p)?),
            None => Cow::Borrowed(Model::builtin()),
        }))
    }
}

/// The gazetteer: built in, or built in plus the user's `--actors` files.
pub enum Actors {
    /// Only the embedded data.
    Builtin(&'static Gazetteer),
    /// Embedded data plus user files.
    Loaded(Box<Gazetteer>),
}

impl Actors {
    /// The gazetteer to use.
    pub fn get(&self) -> &Gazetteer {
        match self {
            Actors::Builtin(g) => g,
            Actors::Loaded(g) => g,
        }
    }
}

/// Loads the gazetteer named by the global options.
pub fn actors(global: &Global) -> anyhow::Result<Actors> {
    if global.actors.is_empty() {
        return Ok(Actors::Builtin(Gazetteer::builtin()));
    }
    let g = Gazetteer::load(&global.actors).map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(Actors::Loaded(Box::new(g)))
}

/// The relation lexicon, with the user's `--lexicon` files.
pub enum Lex {
    /// Only the embedded lexicon.
    Builtin(&'static Lexicon),
    /// Embedded plus user files.
    Loaded(Box<Lexicon>),
}

impl Lex {
    /// The lexicon to use.
    pub fn get(&self) -> &Lexicon {
        match self {
            Lex::Builtin(l) => l,
            Lex::Loaded(l) => l,
        }
    }
}

/// Loads the lexicon named by the global options.
pub fn lexicon(global: &Global) -> anyhow::Result<Lex> {
    if global.lexicon.is_empty() {
        return Ok(Lex::Builtin(Lexicon::builtin()));
    }
    let l = Lexicon::load(&global.lexicon).context("cannot load the relation lexicon")?;
    Ok(Lex::Loaded(Box::new(l)))
}

/// What a configuration file may say: extra dictionaries, with paths relative to the file.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    #[serde(default)]
    actors: Vec<PathBuf>,
    #[serde(default)]
    lexicon: Vec<PathBuf>,
}

/// Adds the dictionaries of the configuration file (`--config`, else `./dipgraph.toml` when it
/// exists) before those given on the command line.
pub fn apply_config(global: &mut Global) -> anyhow::Result<()> {
    let path = match &global.config {
        Some(p) => p.clone(),
        None => {
            let default = PathBuf::from("dipgraph.toml");
            if !default.is_file() {
                return Ok(());
            }
            default
        }
    };
    let text =
        std::fs::read_to_string(&path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let config: Config = toml::from_str(&text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start].matches('\n').count() + 1)
            .unwrap_or(1);
        anyhow::anyhow!(
            "{}:{line}: {}",
            path.display(),
            e.message().replace('\n', "; ")
        )
    })?;
    let base = path.parent().map(PathBuf::from).unwrap_or_default();
    let resolve = |p: PathBuf| if p.is_absolute() { p } else { base.join(p) };
    let mut actors: Vec<PathBuf> = config.actors.into_iter().map(resolve).collect();
    actors.append(&mut global.actors);
    global.actors = actors;
    let mut lexicon: Vec<PathBuf> = config.lexicon.into_iter().map(resolve).collect();
    lexicon.append(&mut global.lexicon);
    global.lexicon = lexicon;
    Ok(())
}

/// A progress bar on stderr for long runs: shown only when stderr is a terminal and
/// `--quiet` is off; silent otherwise.
pub struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    /// A bar over the total size of the inputs (a spinner when reading stdin).
    pub fn new(global: &Global, input: &InputArgs) -> Progress {
        use std::io::IsTerminal;
        if global.quiet || !std::io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let total = dipgraph::ingest::Inputs::total_bytes(&input.inputs);
        let bar = if total > 0 {
            indicatif::ProgressBar::new(total)
        } else {
            indicatif::ProgressBar::new_spinner()
        };
        let style = indicatif::ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({bytes_per_sec}, {eta})",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
        bar.set_style(style);
        // Small inputs finish before a bar is worth drawing.
        bar.enable_steady_tick(std::time::Duration::from_millis(250));
        Progress { bar: Some(bar) }
    }

    /// Counts `bytes` more input as done.
    pub fn advance(&self, bytes: u64) {
        if let Some(b) = &self.bar {
            b.inc(bytes);
        }
    }

    /// Prints a line on stderr without tearing the bar.
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(b) => b.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

/// The store path: `--store`, else the `--graph` file with extension .db, else output/dipgraph.db.
pub fn store_path(global: &Global) -> PathBuf {
    match (&global.store, &global.graph) {
        (Some(s), _) => s.clone(),
        (None, Some(g)) => g.with_extension("db"),
        (None, None) => PathBuf::from("output/dipgraph.db"),
    }
}

/// The graph file path: `--graph`, else the `--store` file with extension .json, else output/graph.json.
pub fn graph_path(global: &Global) -> PathBuf {
    match (&global.graph, &global.store) {
        (Some(g), _) => g.clone(),
        (None, Some(s)) => s.with_extension("json"),
        (None, None) => PathBuf::from("output/graph.json"),
    }
}

/// The store that reading commands answer from: the store, or a graph file given with
/// `--graph` (and no `--store`), loaded into a store in memory so that every command answers
/// the same way from either.
pub fn open_for_reading(global: &Global) -> anyhow::Result<dipgraph::store::Store> {
    use dipgraph::graph::{DipGraph, GraphFileError};
    use dipgraph::store::{Mode, OnChange, Store};
    if let (Some(g), None) = (&global.graph, &global.store) {
        let graph = match DipGraph::load(g) {
            Ok(graph) => graph,
            Err(GraphFileError::Missing(p)) => {
                anyhow::bail!("no graph at {}; run `dipgraph build` first", p.display())
            }
            Err(e) => return Err(e.into()),
        };
        let mut store = Store::in_memory()?;
        store.add_batch(graph.into_records(), OnChange::Later)?;
        return Ok(store);
    }
    Ok(Store::open(store_path(global), Mode::Read)?)
}
