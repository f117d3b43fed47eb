//! Stage 1: reading documents from files, directories and stdin, streaming.

pub mod clean;
mod read;

pub use read::{read_inputs, Inputs, RawInput};

use regex::Regex;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::fmt;
use std::path::PathBuf;
use std::sync::OnceLock;

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

impl IngestError {
    /// An error at `origin` with a message.
    pub fn new(origin: Origin, message: impl Into<String>) -> Self {
        IngestError {
            origin,
            message: message.into(),
        }
    }
}

impl Origin {
    /// An origin for a whole file (or stdin as "-").
    pub fn file(path: impl Into<PathBuf>) -> Self {
        Origin {
            path: path.into(),
            line: None,
        }
    }

    /// An origin for one line of a file.
    pub fn at_line(path: impl Into<PathBuf>, line: usize) -> Self {
        Origin {
            path: path.into(),
            line: Some(line),
        }
    }
}

/// Hex SHA-256 of a text.
pub fn sha256_hex(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(HEX[(b >> 4) as usize] as char);
        out.push(HEX[(b & 15) as usize] as char);
    }
    out
}

/// The YYYY-MM-DD part of a date or ISO datetime ("2024-07-31T08:00:00Z"), if it is one.
pub fn normalize_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 10 || !(b.len() == 10 || matches!(b[10], b'T' | b't' | b' ')) {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)) {
        return None;
    }
    let month = (b[5] - b'0') * 10 + (b[6] - b'0');
    let day = (b[8] - b'0') * 10 + (b[9] - b'0');
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then(|| s[..10].to_owned())
}

/// A plain-text header line: ` date 2024-07-31 (MENAFN) `, the body following on the same line.
fn header_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^\s*(?i:date):?[ \t]+(\d{4}-\d{2}-\d{2}(?:T[0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)[ \t]*(?:\(([^()\n]{1,80})\))?[ \t]*",
        )
        .expect("header regex is valid")
    })
}

/// Parses a plain-text header: (date, source, byte length of the header).
pub fn parse_header(text: &str) -> Option<(String, Option<String>, usize)> {
    let caps = header_regex().captures(text)?;
    let date = normalize_date(caps.get(1)?.as_str())?;
    let source = caps
        .get(2)
        .map(|m| m.as_str().trim().to_owned())
        .filter(|s| !s.is_empty());
    Some((date, source, caps.get(0)?.end()))
}

impl Document {
    /// Builds a document as the JSON Lines reader does: raw = title, blank line, text.
    pub fn from_text(id: &str, title: Option<&str>, text: &str, date: Option<&str>) -> Document {
        let mut doc = Document::assemble(Some(id.to_owned()), title, text, Origin::file("-"));
        doc.date = date.and_then(normalize_date);
        doc
    }

    /// Builds raw, clean, map, body start and hash; a missing id becomes the hash prefix.
    pub(crate) fn assemble(
        id: Option<String>,
        title: Option<&str>,
        text: &str,
        origin: Origin,
    ) -> Document {
        let title = title.filter(|t| !t.trim().is_empty());
        let (raw, clean, map, body_start) = match title {
            Some(t) => {
                let raw = format!("{t}\n\n{text}");
                let (ct, mt) = clean::clean(t);
                let (cb, mb) = clean::clean(text);
                let mut clean = String::with_capacity(ct.len() + 2 + cb.len());
                clean.push_str(&ct);
                let body_start = if cb.is_empty() {
                    clean.len()
                } else {
                    clean.push_str("\n\n");
                    clean.len()
                };
                clean.push_str(&cb);
                let shift = (t.len() + 2) as u32;
                let mut map = Vec::with_capacity(clean.len() + 1);
                map.extend_from_slice(&mt[..ct.len()]);
                if !cb.is_empty() {
                    map.extend([t.len() as u32, t.len() as u32 + 1]);
                }
                map.extend(mb.iter().map(|&m| m + shift));
                (raw, clean, map, body_start)
            }
            None => {
                let (clean, map) = clean::clean(text);
                (text.to_owned(), clean, map, 0)
            }
        };
        let hash = sha256_hex(&raw);
        Document {
            id: id.unwrap_or_else(|| hash[..16].to_owned()),
            title: title.map(str::to_owned),
            raw,
            clean,
            map,
            body_start,
            date: None,
            source: None,
            url: None,
            meta: Map::new(),
            hash,
            origin,
        }
    }

    /// Builds a plain-text document: an optional ` date YYYY-MM-DD (SOURCE)` header gives
    /// date and source and is left out of the clean text (but stays in `raw`).
    pub fn from_plain(id: &str, raw: String, origin: Origin) -> Document {
        let (date, source, header_len) = match parse_header(&raw) {
            Some((d, s, n)) => (Some(d), s, n),
            None => (None, None, 0),
        };
        let (clean, mut map) = clean::clean(&raw[header_len..]);
        if header_len > 0 {
            for m in &mut map {
                *m += header_len as u32;
            }
        }
        let hash = sha256_hex(&raw);
        Document {
            id: id.to_owned(),
            title: None,
            raw,
            clean,
            map,
            body_start: 0,
            date,
            source,
            url: None,
            meta: Map::new(),
            hash,
            origin,
        }
    }

    /// Whether the document has a headline (sentence 0 of the clean text).
    pub fn has_title(&self) -> bool {
        self.title.is_some()
    }

    /// The cleaned headline, if any.
    pub fn clean_title(&self) -> Option<&str> {
        self.title
            .as_ref()
            .map(|_| self.clean[..self.body_start].trim_end())
    }

    /// The cleaned body text (after the title).
    pub fn body(&self) -> &str {
        &self.clean[self.body_start.min(self.clean.len())..]
    }

    /// Byte range `[start, end)` in `raw` of the clean range `[clean_start, clean_end)`;
    /// trailing raw whitespace is left out.
    pub fn raw_span(&self, clean_start: usize, clean_end: usize) -> [usize; 2] {
        let last = self.map.len().saturating_sub(1);
        let cs = clean_start.min(last);
        let ce = clean_end.clamp(cs, last);
        let (Some(&s), Some(&e)) = (self.map.get(cs), self.map.get(ce)) else {
            return [0, 0];
        };
        let start = s as usize;
        let mut end = (e as usize).max(start).min(self.raw.len());
        if ce > cs {
            let raw = self.raw.as_bytes();
            while end > start && raw[end - 1].is_ascii_whitespace() {
                end -= 1;
            }
        }
        [start, end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_text_builds_title_and_body() {
        let d = Document::from_text(
            "d1",
            Some("Envoy  quot;regrets quot; move"),
            "ZENDA (Wire) - Ruritania #39;s envoy left.",
            Some("2004-08-01T10:00:00Z"),
        );
        assert_eq!(
            d.clean,
            "Envoy \"regrets\" move\n\nZENDA (Wire) - Ruritania's envoy left."
        );
        assert_eq!(d.body_start, "Envoy \"regrets\" move\n\n".len());
        assert_eq!(d.map.len(), d.clean.len() + 1);
        assert_eq!(*d.map.last().unwrap() as usize, d.raw.len());
        assert_eq!(d.date.as_deref(), Some("2004-08-01"));
        assert_eq!(d.hash, sha256_hex(&d.raw));
        assert_eq!(d.clean_title(), Some("Envoy \"regrets\" move"));
        let [a, b] = d.raw_span(0, d.body_start);
        assert_eq!(&d.raw[a..b], "Envoy  quot;regrets quot; move");
        let i = d.clean.find("Ruritania's").unwrap();
        let [a, b] = d.raw_span(i, d.clean.len());
        assert_eq!(&d.raw[a..b], "Ruritania #39;s envoy left.");
    }

    #[test]
    fn missing_id_is_hash_prefix() {
        let d = Document::assemble(None, None, "Some text.", Origin::file("x"));
        assert_eq!(d.id, &d.hash[..16]);
        assert_eq!(d.hash.len(), 64);
        assert_eq!(d.raw, "Some text.");
    }

    #[test]
    fn plain_header_gives_date_and_source() {
        let raw = " date 2023-05-06 (WIREX) In a statement, the envoy spoke.".to_owned();
        let d = Document::from_plain("a", raw, Origin::file("a.txt"));
        assert_eq!(d.date.as_deref(), Some("2023-05-06"));
        assert_eq!(d.source.as_deref(), Some("WIREX"));
        assert_eq!(d.clean, "In a statement, the envoy spoke.");
        let [a, b] = d.raw_span(0, 2);
        assert_eq!(&d.raw[a..b], "In");
        assert!(parse_header("Date 2023-05-06 Body").is_some());
        assert!(parse_header("Updated 2023-05-06 Body").is_none());
    }

    #[test]
    fn dates_normalize() {
        assert_eq!(normalize_date("1987-02-26").as_deref(), Some("1987-02-26"));
        assert_eq!(
            normalize_date("1987-02-26T12:00:00").as_deref(),
            Some("1987-02-26")
        );
        assert_eq!(normalize_date("1987-13-26"), None);
        assert_eq!(normalize_date("26 Feb 1987"), None);
    }
}
