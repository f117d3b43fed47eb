//! Shared word lists and small helpers of the clause rules: auxiliaries, modals,
//! prepositions, determiners, verbs of speech; the word at an index and the span index.

use crate::actors::mentions::Word;
use crate::extract::SentenceView;

pub(super) const AUX: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did",
    "'s", "'ve",
];

pub(super) const MODALS: &[&str] = &[
    "will", "would", "may", "might", "could", "can", "should", "shall", "must", "'ll", "'d",
];

pub(super) const NEGATIONS: &[&str] = &["not", "n't", "never", "no"];

pub(super) const BE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "'s", "get", "got", "gets",
];

pub(super) const ADVERBS: &[&str] = &[
    "also",
    "again",
    "still",
    "even",
    "already",
    "now",
    "then",
    "today",
    "yesterday",
    "once",
    "overnight",
    "earlier",
    "later",
    "recently",
    "jointly",
    "swiftly",
    "quickly",
    "openly",
    "previously",
    "further",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "both",
    "all",
    "each",
    "in",
    "turn",
    "reportedly",
    "allegedly",
    "apparently",
    "separately",
    "directly",
    "personally",
    "immediately",
];

pub(super) const PREPOSITIONS: &[&str] = &[
    "of", "for", "over", "in", "on", "to", "with", "at", "from", "about", "against", "after",
    "before", "during", "into", "by", "under", "amid", "between", "among", "toward", "towards",
    "despite", "without", "than", "through", "across", "within", "near", "since",
];

pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "this", "these", "those", "that", "such",
    "any", "some", "new", "latest", "recent", "fresh", "renewed", "repeated", "earlier",
    "previous", "what", "our",
];

pub(crate) const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "stated",
    "states",
    "asserted",
    "asserts",
    "asserting",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "argued",
    "argues",
    "added",
    "adds",
    "contended",
    "contends",
    "charged",
    "charges",
    "maintained",
    "maintains",
    "declared",
    "declares",
    "announced",
    "noted",
    "stressed",
    "warned",
    "saying",
    "telling",
    "alleged",
    "alleges",
    "suggested",
    "suggests",
    "recommended",
    "recommends",
];

pub(crate) fn lw<'w>(words: &'w [Word<'_>], i: usize) -> &'w str {
    words.get(i).map(|w| w.lower.as_str()).unwrap_or("")
}

pub(super) fn is_in(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// Index of the actor span covering each token.
pub(crate) fn span_index(v: &SentenceView<'_>) -> Vec<Option<usize>> {
    let mut at = vec![None; v.words.len()];
    for (k, s) in v.spans.iter().enumerate() {
        for slot in at.iter_mut().take(s.last + 1).skip(s.first) {
            *slot = Some(k);
        }
    }
    at
}

/// Nouns of an actor's conduct: "the actions of X" stands for X.
pub(super) const CONDUCT_NOUNS: &[&str] = &[
    "action",
    "actions",
    "conduct",
    "behaviour",
    "behavior",
    "policy",
    "policies",
    "stance",
    "position",
    "positions",
    "decision",
    "decisions",
    "move",
    "moves",
    "efforts",
    "role",
    "attitude",
    "proposal",
    "proposals",
    "plan",
    "plans",
    "initiative",
];

/// Nouns naming others by their relation to an actor: "U.S. allies" are not the U.S.
pub(super) const OTHERS_HEADS: &[&str] = &[
    "allies",
    "ally",
    "partners",
    "neighbours",
    "neighbors",
    "rivals",
    "critics",
    "opponents",
    "enemies",
    "adversaries",
    "foes",
];
