//! Property tests: no name or sentence, whatever it holds, can break out of the quoting of
//! the Cypher, DOT and XML exports.

use dipgraph::export::cypher::literal;
use dipgraph::export::dot::quote;
use dipgraph::export::xml::xml_text;
use graphviz_rust::dot_structures::Id;
use proptest::prelude::*;
use quick_xml::events::{BytesText, Event};

/// Reads a double-quoted literal as Neo4j, Memgraph and Kùzu do: a backslash takes the next
/// character literally (for the two characters the writer escapes). Returns the content and
/// what follows the closing quote.
fn read_literal(s: &str) -> Option<(String, &str)> {
    let mut chars = s.char_indices();
    if chars.next()?.1 != '"' {
        return None;
    }
    let mut out = String::new();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => out.push(chars.next()?.1),
            '"' => return Some((out, &s[i + 1..])),
            c => out.push(c),
        }
    }
    None
}

proptest! {
    #[test]
    fn cypher_literals_end_exactly_at_their_last_quote(s in any::<String>()) {
        let lit = literal(&s);
        let (content, rest) = read_literal(&lit).expect("a closed literal");
        prop_assert_eq!(content, s);
        prop_assert_eq!(rest, "");
    }

    #[test]
    fn dot_ids_end_exactly_at_their_last_quote(s in any::<String>()) {
        let Id::Escaped(q) = quote(&s) else { panic!("escaped id") };
        let (content, rest) = read_literal(&q).expect("a closed id");
        prop_assert_eq!(content, s.replace(['\n', '\r'], " "));
        prop_assert_eq!(rest, "");
    }

    #[test]
    fn xml_text_round_trips_through_an_xml_reader(s in any::<String>()) {
        let clean = xml_text(&s).into_owned();
        let mut w = quick_xml::Writer::new(Vec::new());
        w.create_element("data")
            .with_attribute(("value", clean.as_str()))
            .write_text_content(BytesText::new(&clean))
            .expect("write");
        let xml = String::from_utf8(w.into_inner()).expect("utf-8");
        let mut r = quick_xml::Reader::from_str(&xml);
        let mut text = String::new();
        let mut attr = None;
        loop {
            match r.read_event().expect("well-formed") {
                Event::Start(e) => {
                    let a = e.try_get_attribute("value").expect("attr").expect("present");
                    attr = Some(
                        a.normalized_value(quick_xml::XmlVersion::Implicit1_0).expect("unescape").into_owned(),
                    );
                }
                Event::Text(t) => text.push_str(&t.xml10_content()),
                Event::GeneralRef(g) => {
                    let name = g.xml10_content();
                    text.push_str(quick_xml::escape::resolve_predefined_entity(&name).expect("predefined"));
                }
                Event::Eof => break,
                _ => {}
            }
        }
        // XML parsers may turn whitespace in attribute values into spaces.
        let attr = attr.expect("attribute");
        prop_assert!(attr == clean || attr == clean.replace(['\t', '\n'], " "), "{:?}", attr);
        prop_assert_eq!(text, clean.clone());
        prop_assert!(!clean.chars().any(|c| c < ' ' && !matches!(c, '\t' | '\n' | '\r')));
    }
}
