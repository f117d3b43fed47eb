//! Cleaning raw article text into what the pipeline reads, keeping a byte map back to the raw text.
//!
//! Three passes, each recording for every output byte the raw offset it came from:
//! 1. decode HTML entities and the AG-News artefacts (` #39;`, ` quot;`), normalize
//!    quotes, dashes and odd spaces;
//! 2. strip HTML tags (they may only appear after step 1 decoded `&lt;b&gt;`), but keep the
//!    content of Reuters-style `<Company Name>` markers;
//! 3. collapse whitespace: a blank line stays a paragraph break (`"\n\n"`), any other run
//!    becomes one space, because sentence splitting relies on paragraph breaks only.

/// Accumulates output text with one source offset per output byte.
struct Builder {
    s: String,
    map: Vec<u32>,
}

impl Builder {
    fn with_capacity(n: usize) -> Self {
        Builder {
            s: String::with_capacity(n),
            map: Vec::with_capacity(n + 1),
        }
    }

    /// Every byte of `text` maps to the one source offset `src` (a replacement).
    fn emit(&mut self, text: &str, src: u32) {
        self.s.push_str(text);
        self.map.extend(std::iter::repeat_n(src, text.len()));
    }

    /// Emits one char, all of its bytes mapped to `src`.
    fn emit_char(&mut self, c: char, src: u32) {
        let mut buf = [0u8; 4];
        self.emit(c.encode_utf8(&mut buf), src);
    }

    /// Copies text unchanged, with its bytes' own source offsets.
    fn copy(&mut self, text: &str, srcs: &[u32]) {
        self.s.push_str(text);
        self.map.extend_from_slice(srcs);
    }

    fn finish(mut self, end: u32) -> (String, Vec<u32>) {
        self.map.push(end);
        (self.s, self.map)
    }
}

/// Cleans raw article text; returns the text and `map` (`map[i]` = raw offset of clean byte `i`,
/// `map.len() == clean.len() + 1`, last entry `raw.len()`).
pub fn clean(raw: &str) -> (String, Vec<u32>) {
    let end = u32::try_from(raw.len()).unwrap_or(u32::MAX);
    let (s1, m1) = decode(raw, end);
    let (s2, m2) = strip_tags(s1, m1, end);
    collapse_whitespace(&s2, &m2, end)
}

/// What a character becomes after normalization.
enum Norm {
    Keep(char),
    Replace(&'static str),
    Drop,
}

/// Curly quotes, dashes and exotic spaces to their plain ASCII forms.
fn normalize_char(c: char) -> Norm {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2039}' | '\u{203A}'
        | '\u{2032}' => Norm::Keep('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => Norm::Keep('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' => Norm::Keep('-'),
        // An em dash joins clauses, not words: spacing it keeps "talks—and" two tokens.
        '\u{2014}' | '\u{2015}' => Norm::Replace(" - "),
        '\u{2026}' => Norm::Replace("..."),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Norm::Keep(' ')
        }
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => Norm::Drop,
        '\u{2028}' | '\u{2029}' => Norm::Keep('\n'),
        '\r' => Norm::Keep('\n'),
        '\t' | '\n' => Norm::Keep(c),
        c if c.is_control() => Norm::Drop,
        c => Norm::Keep(c),
    }
}

fn emit_normalized(out: &mut Builder, c: char, src: u32) {
    match normalize_char(c) {
        Norm::Keep(k) => out.emit_char(k, src),
        Norm::Replace(r) => out.emit(r, src),
        Norm::Drop => {}
    }
}

/// Named HTML entities news text actually uses.
fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{00A0}',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "sbquo" => '\u{201A}',
        "ldquo" => '\u{201C}',
        "rdquo" => '\u{201D}',
        "bdquo" => '\u{201E}',
        "laquo" => '\u{00AB}',
        "raquo" => '\u{00BB}',
        "lsaquo" => '\u{2039}',
        "rsaquo" => '\u{203A}',
        "hellip" => '\u{2026}',
        "copy" => '\u{00A9}',
        "reg" => '\u{00AE}',
        "trade" => '\u{2122}',
        "deg" => '\u{00B0}',
        "euro" => '\u{20AC}',
        "pound" => '\u{00A3}',
        "yen" => '\u{00A5}',
        "cent" => '\u{00A2}',
        "sect" => '\u{00A7}',
        "middot" => '\u{00B7}',
        "bull" => '\u{2022}',
        "times" => '\u{00D7}',
        "eacute" => 'é',
        "Eacute" => 'É',
        "egrave" => 'è',
        "aacute" => 'á',
        "agrave" => 'à',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        "ccedil" => 'ç',
        "auml" => 'ä',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "szlig" => 'ß',
        _ => return None,
    })
}

/// A numeric character reference's value; 128..=159 are Windows-1252 code points
/// (AG News writes an em dash as `#151;`).
fn numeric_char(n: u32) -> Option<char> {
    const CP1252: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let n = if (128..160).contains(&n) {
        CP1252[(n - 128) as usize]
    } else {
        n
    };
    if n == 0 {
        return None;
    }
    char::from_u32(n)
}

/// Parses `#NNN;` or `#xHH;` at the start of `s`; returns the char and the length consumed.
fn parse_numeric(s: &[u8]) -> Option<(char, usize)> {
    if s.first() != Some(&b'#') {
        return None;
    }
    let (hex, digits_from) = match s.get(1) {
        Some(b'x') | Some(b'X') => (true, 2),
        _ => (false, 1),
    };
    let mut n: u32 = 0;
    let mut i = digits_from;
    while i < s.len() && i < digits_from + 7 {
        let b = s[i];
        let d = if hex {
            (b as char).to_digit(16)
        } else {
            (b as char).to_digit(10)
        };
        match d {
            Some(d) => n = n * if hex { 16 } else { 10 } + d,
            None => break,
        }
        i += 1;
    }
    if i == digits_from || s.get(i) != Some(&b';') {
        return None;
    }
    numeric_char(n).map(|c| (c, i + 1))
}

/// Parses an entity body (after `&`, or after the space AG News left in its place).
fn parse_entity(s: &[u8]) -> Option<(char, usize)> {
    if s.first() == Some(&b'#') {
        return parse_numeric(s);
    }
    let len = s
        .iter()
        .take(9)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if len == 0 || s.get(len) != Some(&b';') {
        return None;
    }
    let name = std::str::from_utf8(&s[..len]).ok()?;
    named_entity(name).map(|c| (c, len + 1))
}

/// The entity artefacts AG News has without their `&`: `#NNN;`, `quot;`, `amp;`.
fn parse_artefact(s: &[u8]) -> Option<(char, usize)> {
    if s.starts_with(b"quot;") {
        Some(('"', 5))
    } else if s.starts_with(b"amp;") {
        Some(('&', 4))
    } else if s.first() == Some(&b'#') && s.get(1).is_some_and(u8::is_ascii_digit) {
        parse_numeric(s)
    } else {
        None
    }
}

/// Pass 1: entities, artefacts and character normalization.
fn decode(raw: &str, end: u32) -> (String, Vec<u32>) {
    decode_with(raw, end, true)
}

/// `decode`, with the bulk copy of plain runs on or off (off: the byte-by-byte reference).
fn decode_with(raw: &str, end: u32, bulk: bool) -> (String, Vec<u32>) {
    let bytes = raw.as_bytes();
    let mut out = Builder::with_capacity(raw.len());
    let mut i = 0;
    // Every entity and artefact ends with ';' at most `REACH` bytes after its first byte, so
    // far from the next ';' only plain bytes need a look: copy runs of them in bulk.
    const REACH: usize = 12;
    let mut next_semi = 0;
    while i < bytes.len() {
        if next_semi <= i {
            next_semi = bytes[i..]
                .iter()
                .position(|&c| c == b';')
                .map_or(usize::MAX, |k| i + k);
        }
        if bulk && next_semi.saturating_sub(i) > REACH {
            let stop = next_semi.saturating_sub(REACH).min(bytes.len());
            let run = bytes[i..stop]
                .iter()
                .position(|&c| !((0x20..0x7F).contains(&c) || c == b'\n' || c == b'\t'))
                .map_or(stop, |k| i + k);
            if run > i {
                out.s.push_str(&raw[i..run]);
                out.map.extend(i as u32..run as u32);
                i = run;
                continue;
            }
        }
        let b = bytes[i];
        let src = i as u32;
        if b == b'&' {
            if let Some((c, n)) = parse_entity(&bytes[i + 1..]) {
                emit_normalized(&mut out, c, src);
                i += 1 + n;
                continue;
            }
        } else if b == b' ' {
            // AG News replaced `&` by a space: the space belongs to the entity, eat it.
            if let Some((c, n)) = parse_artefact(&bytes[i + 1..]) {
                emit_normalized(&mut out, c, src);
                i += 1 + n;
                continue;
            }
        } else if matches!(b, b'#' | b'q' | b'a')
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
        {
            if let Some((c, n)) = parse_artefact(&bytes[i..]) {
                emit_normalized(&mut out, c, src);
                i += n;
                continue;
            }
        }
        if b < 0x80 {
            if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                // CRLF is one line break; the LF is copied next.
                i += 1;
                continue;
            }
            if (b >= 0x20 && b != 0x7F) || b == b'\n' || b == b'\t' {
                out.s.push(b as char);
                out.map.push(src);
            } else {
                emit_normalized(&mut out, b as char, src);
            }
            i += 1;
        } else {
            let c = raw[i..].chars().next().unwrap_or('\u{FFFD}');
            let len = c.len_utf8();
            match normalize_char(c) {
                Norm::Keep(k) if k == c => {
                    out.s.push(c);
                    out.map.extend(src..src + len as u32);
                }
                Norm::Keep(k) => out.emit_char(k, src),
                Norm::Replace(r) => out.emit(r, src),
                Norm::Drop => {}
            }
            i += len;
        }
    }
    out.finish(end)
}

/// HTML tag names that are markup, not Reuters `<Company>` markers (those are capitalized).
const HTML_TAGS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "cite",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "font",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "html",
    "i",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "tt",
    "u",
    "ul",
];

/// Tags that end a block: replacing them by a paragraph break keeps words and sentences apart.
const BLOCK_TAGS: &[&str] = &[
    "blockquote",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "p",
    "table",
    "tr",
];

/// If `s` starts with an HTML tag, its length and tag name.
fn html_tag(s: &str) -> Option<(usize, &str)> {
    let b = s.as_bytes();
    let mut i = 1;
    if b.get(i) == Some(&b'/') {
        i += 1;
    }
    let name_start = i;
    while i < b.len() && (b[i].is_ascii_lowercase() || b[i].is_ascii_digit()) {
        i += 1;
    }
    let name = &s[name_start..i];
    if name.is_empty() || !HTML_TAGS.contains(&name) {
        return None;
    }
    match b.get(i) {
        Some(b'>') => return Some((i + 1, name)),
        Some(b'/') if b.get(i + 1) == Some(&b'>') => return Some((i + 2, name)),
        Some(c) if c.is_ascii_whitespace() => {}
        _ => return None,
    }
    // Attributes: anything up to `>` on a bounded stretch without another `<`.
    let rest = &b[i..b.len().min(i + 500)];
    let close = rest.iter().position(|&c| c == b'>' || c == b'<')?;
    (rest[close] == b'>').then_some((i + close + 1, name))
}

/// If `s` starts with a Reuters-style `<Company Name>` marker, its length.
fn company_marker(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if !b
        .get(1)
        .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        return None;
    }
    let rest = &b[1..b.len().min(100)];
    let close = rest
        .iter()
        .position(|&c| c == b'>' || c == b'<' || c == b'\n')?;
    (rest[close] == b'>').then_some(close + 2)
}

/// Pass 2: drop HTML tags, unwrap `<Company>` markers.
fn strip_tags(s: String, map: Vec<u32>, end: u32) -> (String, Vec<u32>) {
    if !s.contains('<') {
        return (s, map);
    }
    let mut out = Builder::with_capacity(s.len());
    let mut copied = 0;
    let mut i = 0;
    while let Some(off) = s[i..].find('<') {
        let at = i + off;
        let rest = &s[at..];
        if let Some((len, name)) = html_tag(rest) {
            out.copy(&s[copied..at], &map[copied..at]);
            if BLOCK_TAGS.contains(&name) {
                out.emit("\n\n", map[at]);
            } else if name == "br" {
                out.emit("\n", map[at]);
            }
            i = at + len;
            copied = i;
        } else if let Some(len) = company_marker(rest) {
            out.copy(&s[copied..at], &map[copied..at]);
            let inner = at + 1..at + len - 1;
            out.copy(&s[inner.clone()], &map[inner]);
            i = at + len;
            copied = i;
        } else {
            i = at + 1;
        }
    }
    out.copy(&s[copied..], &map[copied..s.len()]);
    out.finish(end)
}

/// Pass 3: trim, keep paragraph breaks, collapse every other whitespace run to one space.
fn collapse_whitespace(s: &str, map: &[u32], end: u32) -> (String, Vec<u32>) {
    let b = s.as_bytes();
    let mut out = Builder::with_capacity(s.len());
    let mut i = 0;
    let is_ws = |c: u8| matches!(c, b' ' | b'\t' | b'\n');
    while i < b.len() {
        if is_ws(b[i]) {
            let start = i;
            let mut newlines = 0;
            while i < b.len() && is_ws(b[i]) {
                newlines += usize::from(b[i] == b'\n');
                i += 1;
            }
            if start == 0 || i == b.len() {
                continue;
            }
            if newlines >= 2 {
                out.emit("\n\n", map[start]);
            } else {
                out.emit(" ", map[start]);
            }
        } else {
            let start = i;
            while i < b.len() && !is_ws(b[i]) {
                i += 1;
            }
            out.copy(&s[start..i], &map[start..i]);
        }
    }
    out.finish(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(raw: &str) -> String {
        let (s, map) = clean(raw);
        assert_eq!(map.len(), s.len() + 1);
        assert_eq!(*map.last().unwrap() as usize, raw.len());
        assert!(map.windows(2).all(|w| w[0] <= w[1]), "map not monotone");
        s
    }

    #[test]
    fn decodes_entities() {
        assert_eq!(c("a &lt; b &amp;&amp; c &gt; d"), "a < b && c > d");
        assert_eq!(
            c("&quot;Hi&quot; &#39;x&#39; &#233; &#xE9;"),
            "\"Hi\" 'x' é é"
        );
        assert_eq!(
            c("caf&eacute; &bogus; &#0; & more"),
            "café &bogus; &#0; & more"
        );
        assert_eq!(c("it&rsquo;s &ldquo;ok&rdquo;"), "it's \"ok\"");
    }

    #[test]
    fn decodes_agnews_artefacts() {
        assert_eq!(c("Ruritania #39;s envoy"), "Ruritania's envoy");
        assert_eq!(
            c("called it  quot;unfair quot; again"),
            "called it \"unfair\" again"
        );
        assert_eq!(c("paid  #36;20 million"), "paid $20 million");
        assert_eq!(c("the talks  #151; and more"), "the talks - and more");
        assert_eq!(c("Smith  amp; Sons"), "Smith & Sons");
        assert_eq!(c("quot;Go quot;, he said"), "\"Go\", he said");
        // Without the artefact shape nothing changes.
        assert_eq!(
            c("issue #12 of the squot; list"),
            "issue #12 of the squot; list"
        );
    }

    #[test]
    fn strips_tags_keeps_company_markers() {
        assert_eq!(c("Harbour deal &lt;b&gt;...&lt;/b&gt;"), "Harbour deal ...");
        assert_eq!(c("<a href=\"x\">link</a> and <i>it</i>"), "link and it");
        assert_eq!(
            c("Acme Widgets <AWI> to buy <Beta Holdings Inc> unit"),
            "Acme Widgets AWI to buy Beta Holdings Inc unit"
        );
        assert_eq!(c("if x < y and <I> stake"), "if x < y and I stake");
        assert_eq!(c("one<p>two"), "one\n\ntwo");
    }

    #[test]
    fn normalizes_quotes_dashes_spaces() {
        assert_eq!(
            c("\u{201C}No\u{201D}, it\u{2019}s \u{00AB}fine\u{00BB}"),
            "\"No\", it's \"fine\""
        );
        assert_eq!(c("1990\u{2013}95 talks\u{2014}and"), "1990-95 talks - and");
        assert_eq!(c("a\u{00A0}b\u{200B}c"), "a bc");
    }

    #[test]
    fn collapses_whitespace_keeps_paragraphs() {
        assert_eq!(c("  a  \t b\nc\n    d  \n\n \n e  "), "a b c d\n\ne");
        assert_eq!(c("x\r\ny\r\n\r\nz"), "x y\n\nz");
    }

    #[test]
    fn map_points_into_raw() {
        let raw = "Le  quot;caf\u{e9} quot;\n\n<b>Zo\u{eb}</b> &amp; co";
        let (s, map) = clean(raw);
        assert_eq!(s, "Le \"caf\u{e9}\"\n\nZo\u{eb} & co");
        let find = |needle: &str| {
            let i = s.find(needle).unwrap();
            (map[i] as usize, map[i + needle.len()] as usize)
        };
        let (a, b) = find("caf\u{e9}");
        assert_eq!(&raw[a..b], "caf\u{e9}");
        let (a, _) = find("Zo\u{eb}");
        assert_eq!(&raw[a..a + 4], "Zo\u{eb}");
        let (a, _) = find("&");
        assert_eq!(&raw[a..a + 5], "&amp;");
    }

    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        /// The bulk copy of plain runs gives exactly what the byte-by-byte pass gives.
        #[test]
        fn bulk_decoding_equals_byte_by_byte(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just(" quot;".to_string()),
                    proptest::strategy::Just(" #39;".to_string()),
                    proptest::strategy::Just("&amp;".to_string()),
                    proptest::strategy::Just("&#x2014;".to_string()),
                    proptest::strategy::Just("amp;".to_string()),
                    proptest::strategy::Just(";".to_string()),
                    proptest::strategy::Just("\r\n".to_string()),
                    proptest::strategy::Just("\u{2019}".to_string()),
                    "[a-z #&;0-9]{0,20}",
                    proptest::prelude::any::<char>().prop_map(String::from),
                ],
                0..40,
            )
        ) {
            let raw = parts.concat();
            let end = raw.len() as u32;
            proptest::prop_assert_eq!(decode_with(&raw, end, true), decode_with(&raw, end, false));
        }
    }
}
