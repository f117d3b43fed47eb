//! What the XML exports share: text XML 1.0 can hold, and the writer set-up.

use quick_xml::events::{BytesDecl, Event};
use quick_xml::Writer;
use std::borrow::Cow;

/// The text without the characters XML 1.0 forbids (control characters other than tab and
/// newline, and U+FFFE/U+FFFF), which no parser would accept, and with carriage returns
/// turned into newlines, as every XML parser reads them anyway.
pub fn xml_text(s: &str) -> Cow<'_, str> {
    let bad =
        |c: char| (c < ' ' && !matches!(c, '\t' | '\n')) || c == '\u{FFFE}' || c == '\u{FFFF}';
    if !s.chars().any(bad) {
        return Cow::Borrowed(s);
    }
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    Cow::Owned(s.chars().filter(|c| !bad(*c)).collect())
}

/// An indented writer that has written the XML declaration.
pub fn writer() -> std::io::Result<Writer<Vec<u8>>> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    Ok(w)
}

/// The document text, ending with a newline.
pub fn finish(w: Writer<Vec<u8>>) -> anyhow::Result<String> {
    let mut s = String::from_utf8(w.into_inner())?;
    s.push('\n');
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_dropped() {
        assert_eq!(xml_text("a\u{1}b\tc\u{FFFF}"), "ab\tc");
        assert_eq!(xml_text("one\r\ntwo\rthree"), "one\ntwo\nthree");
        assert!(matches!(xml_text("plain"), Cow::Borrowed(_)));
    }
}
