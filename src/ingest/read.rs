//! Streaming reader over files, directories and stdin: one document at a time.

use super::{normalize_date, Document, IngestError, InputFormat, Origin};
use serde_json::{Map, Value};
use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Reads documents from `paths` (files, directories walked recursively, `-` for stdin),
/// lazily: JSON Lines are read line by line, one file at a time.
pub fn read_inputs(paths: &[PathBuf], format: Option<InputFormat>) -> Inputs {
    Inputs {
        args: paths.iter().cloned().collect(),
        queue: VecDeque::new(),
        format,
        current: None,
    }
}

/// Iterator over the documents (or per-document errors) of a set of inputs.
pub struct Inputs {
    /// Paths as given, not yet expanded.
    args: VecDeque<PathBuf>,
    /// Files found by walking a directory, read before the next argument.
    queue: VecDeque<PathBuf>,
    format: Option<InputFormat>,
    /// The JSON Lines file being read, if any.
    current: Option<JsonlSource>,
}

/// An open JSON Lines input.
struct JsonlSource {
    path: PathBuf,
    reader: Box<dyn BufRead + Send>,
    line: usize,
    buf: Vec<u8>,
}

impl Iterator for Inputs {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_raw().map(RawInput::parse)
    }
}

/// One input read from its file but not parsed yet: parsing (JSON, cleaning, hashing) is
/// the costly part, so the pipeline does it on the worker threads, not on the reader.
#[derive(Debug)]
pub struct RawInput {
    kind: RawKind,
    origin: Origin,
}

#[derive(Debug)]
enum RawKind {
    /// One non-blank line of a JSON Lines file (BOM removed).
    Line(Vec<u8>),
    /// A whole plain-text file.
    Text(Vec<u8>),
    /// An input that could not be read.
    Failed(String),
}

impl RawInput {
    /// The document, or what is wrong with the input.
    pub fn parse(self) -> Result<Document, IngestError> {
        match self.kind {
            RawKind::Line(bytes) => match std::str::from_utf8(&bytes) {
                Ok(s) => parse_jsonl_line(s, self.origin),
                Err(e) => Err(IngestError::new(
                    self.origin,
                    format!("invalid UTF-8 at byte {}", e.valid_up_to()),
                )),
            },
            RawKind::Text(bytes) => parse_text(bytes, self.origin),
            RawKind::Failed(message) => Err(IngestError::new(self.origin, message)),
        }
    }

    /// Bytes read from the input (for progress and batching).
    pub fn len(&self) -> usize {
        match &self.kind {
            RawKind::Line(b) | RawKind::Text(b) => b.len(),
            RawKind::Failed(_) => 0,
        }
    }

    /// Whether nothing was read.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Where the input comes from.
    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    fn failed(origin: Origin, message: impl Into<String>) -> RawInput {
        RawInput {
            kind: RawKind::Failed(message.into()),
            origin,
        }
    }
}

impl Inputs {
    /// The next input, read but not parsed.
    pub fn next_raw(&mut self) -> Option<RawInput> {
        loop {
            if let Some(src) = self.current.as_mut() {
                match src.next_line() {
                    Some(item) => return Some(item),
                    None => self.current = None,
                }
            }
            let path = match self.queue.pop_front() {
                Some(p) => p,
                None => {
                    let p = self.args.pop_front()?;
                    if p.as_os_str() != "-" && p.is_dir() {
                        if let Err(e) = self.walk(&p) {
                            return Some(RawInput::failed(e.origin, e.message));
                        }
                        continue;
                    }
                    p
                }
            };
            if let Some(item) = self.open(path) {
                return Some(item);
            }
        }
    }

    /// Total size in bytes of the inputs that are files (stdin counts as 0), for progress bars.
    pub fn total_bytes(paths: &[PathBuf]) -> u64 {
        let mut total = 0;
        for p in paths {
            if p.as_os_str() == "-" {
                continue;
            }
            if p.is_dir() {
                for e in walkdir::WalkDir::new(p).into_iter().flatten() {
                    if e.file_type().is_file() && format_by_extension(e.path()).is_some() {
                        total += e.metadata().map_or(0, |m| m.len());
                    }
                }
            } else {
                total += std::fs::metadata(p).map_or(0, |m| m.len());
            }
        }
        total
    }
}

/// How a file name says to read it.
fn format_by_extension(path: &Path) -> Option<InputFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" => Some(InputFormat::Text),
        "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
        _ => None,
    }
}

/// The message for an I/O error, in the words users expect.
fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_owned(),
        io::ErrorKind::PermissionDenied => "cannot read: permission denied".to_owned(),
        _ => format!("cannot read: {e}"),
    }
}

const BINARY: &str = "binary file, not text";

impl Inputs {
    /// Queues the `.txt`/`.jsonl`/`.ndjson` files under `dir`, sorted by name; a walk error
    /// is reported once and the rest of the walk goes on.
    fn walk(&mut self, dir: &Path) -> Result<(), IngestError> {
        let mut first_err = None;
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            match entry {
                Ok(e) if e.file_type().is_file() && format_by_extension(e.path()).is_some() => {
                    self.queue.push_back(e.into_path());
                }
                Ok(_) => {}
                Err(e) => {
                    if first_err.is_none() {
                        let path = e.path().unwrap_or(dir).to_path_buf();
                        let msg = match e.io_error() {
                            Some(io) => io_message(io),
                            None => e.to_string(),
                        };
                        first_err = Some(IngestError::new(Origin::file(path), msg));
                    }
                }
            }
        }
        first_err.map_or(Ok(()), Err)
    }

    /// Opens one input; a text file yields its document now, a JSON Lines file becomes
    /// the current source (None: read on from it).
    fn open(&mut self, path: PathBuf) -> Option<RawInput> {
        let is_stdin = path.as_os_str() == "-";
        let origin = Origin::file(&path);
        let mut reader: Box<dyn BufRead + Send> = if is_stdin {
            Box::new(BufReader::with_capacity(64 * 1024, io::stdin()))
        } else {
            match File::open(&path) {
                Ok(f) => Box::new(BufReader::with_capacity(64 * 1024, f)),
                Err(e) => return Some(RawInput::failed(origin, io_message(&e))),
            }
        };
        let by_ext = if is_stdin {
            None
        } else {
            format_by_extension(&path)
        };
        let format = match self.format.or(by_ext) {
            Some(f) => f,
            None => match sniff(reader.as_mut()) {
                Ok(f) => f,
                Err(e) => return Some(RawInput::failed(origin, io_message(&e))),
            },
        };
        match format {
            InputFormat::Text => Some(read_text(reader, origin)),
            InputFormat::Jsonl => {
                // One look at the start of the file catches binary files before
                // they produce an error per "line".
                match reader.fill_buf() {
                    Ok(head) if head.contains(&0) => return Some(RawInput::failed(origin, BINARY)),
                    Ok(_) => {}
                    Err(e) => return Some(RawInput::failed(origin, io_message(&e))),
                }
                self.current = Some(JsonlSource {
                    path,
                    reader,
                    line: 0,
                    buf: Vec::with_capacity(4096),
                });
                None
            }
        }
    }
}

/// JSON Lines when the first non-whitespace byte is `{`, text otherwise.
fn sniff(reader: &mut dyn BufRead) -> io::Result<InputFormat> {
    let head = reader.fill_buf()?;
    let first = head
        .iter()
        .find(|b| !b.is_ascii_whitespace() && !matches!(b, 0xEF | 0xBB | 0xBF));
    Ok(if first == Some(&b'{') {
        InputFormat::Jsonl
    } else {
        InputFormat::Text
    })
}

/// Reads a whole plain-text file; it is parsed later.
fn read_text(mut reader: Box<dyn BufRead + Send>, origin: Origin) -> RawInput {
    let mut bytes = Vec::new();
    match reader.read_to_end(&mut bytes) {
        Ok(_) => RawInput {
            kind: RawKind::Text(bytes),
            origin,
        },
        Err(e) => RawInput::failed(origin, io_message(&e)),
    }
}

/// A plain-text file as one document; its id is the file stem.
fn parse_text(bytes: Vec<u8>, origin: Origin) -> Result<Document, IngestError> {
    if bytes.contains(&0) {
        return Err(IngestError::new(origin, BINARY));
    }
    let mut text = String::from_utf8(bytes).map_err(|e| {
        IngestError::new(
            origin.clone(),
            format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
        )
    })?;
    if text.starts_with('\u{FEFF}') {
        text.drain(..3);
    }
    if text.len() > u32::MAX as usize {
        return Err(IngestError::new(origin, "document too large (over 4 GiB)"));
    }
    let path = &origin.path;
    let id = if path.as_os_str() == "-" {
        "stdin".to_owned()
    } else {
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "stdin".to_owned())
    };
    let doc = Document::from_plain(&id, text, origin.clone());
    if doc.clean.is_empty() {
        return Err(IngestError::new(origin, "empty document"));
    }
    Ok(doc)
}

impl JsonlSource {
    /// The next non-blank line of this file, or a read error; None at its end.
    fn next_line(&mut self) -> Option<RawInput> {
        loop {
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    self.line += 1;
                    let origin = Origin::at_line(&self.path, self.line);
                    // A read error mid-file is not recoverable: report it and stop the file.
                    self.buf.clear();
                    self.reader = Box::new(io::empty());
                    return Some(RawInput::failed(origin, io_message(&e)));
                }
            }
            self.line += 1;
            let mut line: &[u8] = &self.buf;
            if self.line == 1 {
                line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(RawInput {
                kind: RawKind::Line(line.to_vec()),
                origin: Origin::at_line(&self.path, self.line),
            });
        }
    }
}

/// An optional string field; `null` counts as absent.
fn opt_string(
    obj: &mut Map<String, Value>,
    key: &str,
    origin: &Origin,
) -> Result<Option<String>, IngestError> {
    match obj.remove(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(IngestError::new(
            origin.clone(),
            format!("\"{key}\" is not a string"),
        )),
    }
}

/// Parses one JSON Lines record into a document.
pub(crate) fn parse_jsonl_line(line: &str, origin: Origin) -> Result<Document, IngestError> {
    let value: Value = serde_json::from_str(line)
        .map_err(|e| IngestError::new(origin.clone(), format!("malformed JSON: {e}")))?;
    let Value::Object(mut obj) = value else {
        return Err(IngestError::new(origin, "not a JSON object"));
    };
    let text = match obj.remove("text") {
        Some(Value::String(s)) => s,
        None | Some(Value::Null) => return Err(IngestError::new(origin, "missing \"text\" field")),
        Some(_) => return Err(IngestError::new(origin, "\"text\" is not a string")),
    };
    let id = opt_string(&mut obj, "id", &origin)?;
    let title = opt_string(&mut obj, "title", &origin)?;
    let date = opt_string(&mut obj, "date", &origin)?;
    let source = opt_string(&mut obj, "source", &origin)?;
    let url = opt_string(&mut obj, "url", &origin)?;
    if text.len() + title.as_ref().map_or(0, String::len) > u32::MAX as usize - 2 {
        return Err(IngestError::new(origin, "document too large (over 4 GiB)"));
    }
    let id = id.filter(|s| !s.trim().is_empty());
    let mut doc = Document::assemble(id, title.as_deref(), &text, origin.clone());
    if doc.clean.is_empty() {
        return Err(IngestError::new(origin, "empty document"));
    }
    if let Some(d) = date {
        match normalize_date(&d) {
            Some(n) => doc.date = Some(n),
            // Keep what we cannot read as a date rather than lose it.
            None => {
                obj.insert("date".to_owned(), Value::String(d));
            }
        }
    }
    doc.source = source;
    doc.url = url;
    doc.meta = obj;
    Ok(doc)
}
