//! Property tests: extraction must never panic, whatever order the words come in, and every
//! statement it finds must point into the text it came from.

use dipgraph::actors::Gazetteer;
use dipgraph::extract::{Extractor, Lexicon};
use dipgraph::ingest::Document;
use proptest::prelude::*;

/// Words that drive the clause rules: actors, demonym lists, cues, quotes, modals, pronouns
/// and punctuation, so that random sentences reach the rules' edge cases (ends of text,
/// lists cut short, quotes left open).
const VOCAB: &[&str] = &[
    "Iran",
    "the",
    "United",
    "States",
    "U.S.",
    "French",
    "West",
    "German",
    "and",
    "Belgian",
    "traders",
    ",",
    ".",
    "\"",
    "said",
    "he",
    "was",
    "quoted",
    "as",
    "saying",
    "accused",
    "rejected",
    "must",
    "could",
    "take",
    "measures",
    "steps",
    "New",
    "Mexico",
    "of",
    "from",
    "the",
    "administration",
    "'s",
    "not",
    "a",
    "breach",
    "its",
    "expansionist",
    "happy",
    "with",
    "more",
    "flexible",
    "position",
    "Urged",
    "to",
    "offered",
    "by",
    "Senator",
    "accepted",
    "proposals",
    "actions",
    "group",
    "it",
    "they",
    "Japan",
    "warned",
    "that",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(VOCAB), 0..40).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn extraction_never_panics_and_spans_stay_in_the_text(
        title in prop::option::of(sentence()),
        body in prop::collection::vec(sentence(), 0..4),
    ) {
        let ex = Extractor::new(Gazetteer::builtin(), Lexicon::builtin());
        let text = body.join(" ");
        let doc = Document::from_text("p", title.as_deref(), &text, Some("1987-04-01"));
        let out = ex.extract(&doc);
        for s in &out.statements {
            // The span addresses the original text, on character boundaries.
            prop_assert!(doc.raw.get(s.span[0]..s.span[1]).is_some());
            prop_assert!(!s.evidence.is_empty());
        }
    }
}

/// Names, demonyms and list glue only: lists of actors cut anywhere, where the mention
/// rules look ahead for a shared head noun or a place name.
const LIST_VOCAB: &[&str] = &[
    "French",
    "West",
    "German",
    "Belgian",
    "Iran",
    "New",
    "Mexico",
    "Japan",
    ",",
    "and",
    "or",
    "traders",
    "officials",
    "the",
    "from",
    "in",
    "Senator",
    "John",
    "Smith",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn actor_lists_cut_anywhere_never_panic(
        words in prop::collection::vec(prop::sample::select(LIST_VOCAB), 0..10),
    ) {
        let ex = Extractor::new(Gazetteer::builtin(), Lexicon::builtin());
        let text = format!("Iran accused {}", words.join(" "));
        let doc = Document::from_text("p", None, &text, Some("1987-04-01"));
        let out = ex.extract(&doc);
        for s in &out.statements {
            prop_assert!(doc.raw.get(s.span[0]..s.span[1]).is_some());
        }
    }
}
