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
        loop {
            if let Some(src) = self.current.as_mut() {
                match src.next_doc() {
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
                            return Some(Err(e));
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
    fn open(&mut self, path: PathBuf) -> Option<Result<Document, IngestError>> {
        let is_stdin = path.as_os_str() == "-";
        let origin = Origin::file(&path);
        let mut reader: Box<dyn BufRead + Send> = if is_stdin {
            Box::new(BufReader::with_capacity(64 * 1024, io::stdin()))
        } else {
            match File::open(&path) {
                Ok(f) => Box::new(BufReader::with_capacity(64 * 1024, f)),
                Err(e) => return Some(Err(IngestError::new(origin, io_message(&e)))),
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
                Err(e) => return Some(Err(IngestError::new(origin, io_message(&e)))),
            },
        };
        match format {
            InputFormat::Text => Some(read_text(&path, reader, origin)),
            InputFormat::Jsonl => {
                // One look at the start of the file catches binary files before
                // they produce an error per "line".
                match reader.fill_buf() {
                    Ok(head) if head.contains(&0) => {
                        return Some(Err(IngestError::new(origin, BINARY)))
                    }
                    Ok(_) => {}
                    Err(e) => return Some(Err(IngestError::new(origin, io_message(&e)))),
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

/// Reads a whole plain-text file as one document.
fn read_text(
    path: &Path,
    mut reader: Box<dyn BufRead + Send>,
    origin: Origin,
) -> Result<Document, IngestError> {
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| IngestError::new(origin.clone(), io_message(&e)))?;
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
    /// The next document or error of this file; None at its end.
    fn next_doc(&mut self) -> Option<Result<Document, IngestError>> {
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
                    return Some(Err(IngestError::new(origin, io_message(&e))));
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
            let origin = Origin::at_line(&self.path, self.line);
            return Some(match std::str::from_utf8(line) {
                Ok(s) => parse_jsonl_line(s, origin),
                Err(e) => Err(IngestError::new(
                    origin,
                    format!("invalid UTF-8 at byte {}", e.valid_up_to()),
                )),
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
