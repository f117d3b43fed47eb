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
