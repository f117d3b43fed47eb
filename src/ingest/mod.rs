//! Stage 1: reading documents from files, directories and stdin, streaming.

use serde_json::{Map, Value};
use std::fmt;
use std::path::PathBuf;

/// The input formats dipgraph reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// Plain text, one document per file.
    Text,
    /// JSON Lines, one document per line.
    Jsonl,
}

/// One news document, with its original text and a cleaned copy mapped back to it.
#[derive(Debug, Clone)]
pub struct Document {
    /// Document id (file stem, `id` field, or content hash).
    pub id: String,
    /// Headline, when the input has one.
    pub title: Option<String>,
    /// The original document text: for JSON Lines the title, a blank line, then the text.
    pub raw: String,
    /// Cleaned text (entities decoded, quotes and dashes normalized) that the pipeline reads.
    pub clean: String,
    /// `map[i]` is the byte offset in `raw` of byte `i` of `clean`; `map[clean.len()] == raw end`.
    pub map: Vec<u32>,
    /// Byte offset in `clean` where the body starts (0 without a title).
    pub body_start: usize,
    /// Publication date, YYYY-MM-DD.
    pub date: Option<String>,
    /// Publisher or wire service.
    pub source: Option<String>,
    /// Where the article came from.
    pub url: Option<String>,
    /// Any other JSON fields of the input line.
    pub meta: Map<String, Value>,
    /// Hex SHA-256 of `raw`, used to recognise documents already ingested.
    pub hash: String,
    /// File (and line) the document was read from.
    pub origin: Origin,
}

/// Where a document or an error comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// Path as given ("-" for stdin).
    pub path: PathBuf,
    /// 1-based line for JSON Lines input.
    pub line: Option<usize>,
}

/// A problem with one input, reported as `path:line: message`.
#[derive(Debug, Clone)]
pub struct IngestError {
    /// Where it happened.
    pub origin: Origin,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}", self.path.display(), l),
            None => write!(f, "{}", self.path.display()),
        }
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

impl std::error::Error for IngestError {}
