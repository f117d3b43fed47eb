//! Nominal cues: statement nouns ("X's accusations against Y"), their sources and targets,
//! light verbs ("expressed support") and appositive claim nouns.

use super::subject::{coordinated_right, in_pp};
use super::words::{is_in, lw, DETERMINERS, PREPOSITIONS, SPEECH};
use super::Found;
use crate::actors::mentions::{is_state_people_noun, ActorSpan, Word};
use crate::extract::lexicon::{CueForm, CueMatch, Lexicon};
use crate::extract::SentenceView;
use crate::model::{ActorKind, Relation};

/// Adjectives a statement noun takes ("a strong protest", "a formal warning"): before a cue
/// word they make it a noun.
const STATEMENT_ADJECTIVES: &[&str] = &[
    "strong", "firm", "full", "warm", "sharp", "stern", "formal", "public", "renewed",
];

/// A word that is both verb and noun ("support", "demand") reads as a noun after a determiner,
/// a possessive, an adjective of manner or a light verb: "expressed strong support".
pub(super) fn nominal_reading<'l>(
    lex: &'l Lexicon,
    words: &[Word<'_>],
    at: &[Option<usize>],
    c: CueMatch<'l>,
) -> CueMatch<'l> {
    if !matches!(c.pattern.form, CueForm::Base | CueForm::Gerund) {
        return c;
    }
    let Some(noun) = lex.noun_twin(c.pattern) else {
        return c;
    };
    let prev = if c.first > 0 {
        lw(words, c.first - 1)
    } else {
        ""
    };
    let nominal = (is_in(DETERMINERS, prev) && !matches!(prev, "that" | "what"))
        || prev == "'s"
        || is_in(STATEMENT_ADJECTIVES, prev)
        || matches!(prev, "broad" | "unanimous" | "qualified")
        || light_verb_before(words, at, c.first).is_some();
    if nominal {
        CueMatch { pattern: noun, ..c }
    } else {
        c
    }
}

/// The actor a possessive pronoun at `k` stands for: the nearest fitting actor before it
/// ("his" a person or someone's spokesman, "its"/"their" anyone), other than `not`.
fn possessor_of_pronoun(
    words: &[Word<'_>],
    at: &[Option<usize>],
    v: &SentenceView<'_>,
    k: usize,
    not: Option<&ActorSpan>,
) -> Option<ActorSpan> {
    let personal = matches!(lw(words, k), "his" | "her");
    v.spans
        .iter()
        .rev()
        .filter(|s| s.last < k && k - s.last <= 16)
        .filter(|s| !s.modifier && !in_pp(words, s.first))
        .filter(|s| not.is_none_or(|n| n.first != s.first))
        .find(|s| {
            !personal
                || s.actor.kind == ActorKind::Person
                || s.speaks_for.is_some()
                || s.title.is_some()
        })
        .cloned()
        .filter(|_| at[k].is_none())
}

/// Nouns after a place name that make it the scene, not an actor: "the Iraq war".
const EVENT_HEADS: &[&str] = &[
    "war",
    "wars",
    "conflict",
    "invasion",
    "crisis",
    "election",
    "elections",
    "talks",
    "region",
    "border",
    "summit",
    "earthquake",
    "tsunami",
    "floods",
    "campaign",
    "occupation",
];

/// Verbs that only carry a statement noun: "expressed support", "issued a warning".
const LIGHT_VERBS: &[&str] = &[
    "expressed",
    "expresses",
    "express",
    "voiced",
    "voices",
    "pledged",
    "pledges",
    "offered",
    "offers",
    "issued",
    "issues",
    "issue",
    "made",
    "makes",
    "renewed",
    "renews",
    "repeated",
    "repeats",
    "reiterated",
    "reiterates",
    "lodged",
    "lodges",
    "filed",
    "files",
    "sent",
    "sends",
    "delivered",
    "delivers",
    "stepped",
    "extended",
    "extends",
    "gave",
    "gives",
    "leveled",
    "levelled",
    "levels",
    "hurled",
    "traded",
];

/// The light verb governing a statement noun right before it ("expressed (its) strong support").
pub(super) fn light_verb_before(
    words: &[Word<'_>],
    at: &[Option<usize>],
    first: usize,
) -> Option<usize> {
    let mut k = first;
    while k > 0 && first - k < 4 {
        k -= 1;
        if at[k].is_some() {
            return None;
        }
        let w = lw(words, k);
        if is_in(LIGHT_VERBS, w) {
            return Some(k);
        }
        if !(is_in(DETERMINERS, w)
            || is_in(STATEMENT_ADJECTIVES, w)
            || matches!(
                w,
                "up" | "its" | "their" | "his" | "her" | "fresh" | "new" | "further"
            )
            || w.ends_with("ly"))
        {
            return None;
        }
    }
    None
}

/// The source of a nominal cue: possessor, attributive actor, or "by/from X" after the noun.
pub(super) fn nominal_source(
    words: &[Word<'_>],
    at: &[Option<usize>],
    v: &SentenceView<'_>,
    first: usize,
    last: usize,
) -> Option<ActorSpan> {
    // "X's (renewed) accusations", "US accusations", "Chinese protests".
    let mut k = first;
    let mut steps = 0;
    while k > 0 && steps < 3 {
        k -= 1;
        steps += 1;
        if let Some(si) = at[k] {
            let s = &v.spans[si];
            if s.possessive || s.modifier || s.last == first - 1 {
                return Some(s.clone());
            }
            return None;
        }
        let w = lw(words, k);
        if matches!(w, "his" | "her" | "its" | "their") {
            // "defended his congratulatory call": the owner is the clause's actor before it.
            return possessor_of_pronoun(words, at, v, k, None);
        }
        if !(matches!(
            w,
            "renewed"
                | "repeated"
                | "latest"
                | "new"
                | "fresh"
                | "earlier"
                | "recent"
                | "strong"
                | "sharp"
                | "harsh"
                | "formal"
                | "public"
                | "'s"
                | "-"
                | "led"
                | "warm"
                | "stern"
                | "firm"
                | "official"
                | "written"
                | "verbal"
                | "personal"
        ) || w.ends_with("ed") && !words[k].is_cap())
        {
            break;
        }
    }
    // "accusations by X", "appeals by Iraqi leaders", "demands from X" (right after the noun:
    // in "retaliation for the tariffs proposed by X", X proposed the tariffs).
    let mut k = last + 1;
    while k < words.len() && k <= last + 2 {
        let w = lw(words, k);
        if matches!(w, "by" | "from") {
            let j = if matches!(lw(words, k + 1), "the" | "a" | "an") {
                k + 2
            } else {
                k + 1
            };
            if let Some(si) = at.get(j).copied().flatten() {
                let s = &v.spans[si];
                if !s.modifier || is_state_people_noun(lw(words, s.last + 1)) {
                    return Some(s.clone());
                }
            }
            return None;
        }
        if matches!(w, "," | "that" | "." | ";" | "and") {
            return None;
        }
        k += 1;
    }
    None
}

/// Targets of a nominal cue: "against X", "on X", "to X", "for X" and for disapproval "of X".
pub(super) fn nominal_targets(
    words: &[Word<'_>],
    at: &[Option<usize>],
    v: &SentenceView<'_>,
    c: &CueMatch<'_>,
    rel: Relation,
) -> Vec<ActorSpan> {
    // "a threat (by Washington) to cut funds to the bank": past an agent phrase.
    let to = (c.last + 1..words.len().min(c.last + 5)).find(|&j| lw(words, j) == "to");
    if let (Relation::Threatens, Some(to)) = (rel, to) {
        // "X's threat to launch strikes in Y": the actor the threatened act aims at.
        for j in to + 1..words.len().min(to + 10) {
            if let Some(si) = at[j] {
                if !v.spans[si].modifier || v.spans[si].possessive {
                    return coordinated_right(words, at, v, si);
                }
                return Vec::new();
            }
            if matches!(
                lw(words, j),
                "," | "." | ";" | "would" | "will" | "could" | "if" | "unless"
            ) {
                return Vec::new();
            }
        }
    }
    // "criticism that the administration was not acting", "charges that Iran armed the
    // rebels": the subject of the claim clause is whom it is about.
    if lw(words, c.last + 1) == "that"
        && matches!(
            rel,
            Relation::Accuses | Relation::Criticizes | Relation::Condemns
        )
    {
        let mut j = c.last + 2;
        if matches!(lw(words, j), "the" | "a" | "an") {
            j += 1;
        }
        return at
            .get(j)
            .copied()
            .flatten()
            .filter(|&si| !v.spans[si].modifier || v.spans[si].possessive)
            .map(|si| coordinated_right(words, at, v, si))
            .unwrap_or_default();
    }
    let mut k = c.last + 1;
    while k < words.len() && k <= c.last + 8 {
        let w = lw(words, k);
        let ok = match w {
            "against" | "on" | "to" => {
                !matches!(rel, Relation::Praises | Relation::Supports) || w == "to"
            }
            "for" => matches!(rel, Relation::Praises | Relation::Supports),
            "of" => matches!(
                rel,
                Relation::Criticizes | Relation::Condemns | Relation::Praises
            ),
            _ => false,
        };
        if ok {
            // "criticism of his call": the person "his" stands for.
            if matches!(lw(words, k + 1), "his" | "her" | "its" | "their") {
                let src = nominal_source(words, at, v, c.first, c.last);
                return possessor_of_pronoun(words, at, v, k + 1, src.as_ref())
                    .into_iter()
                    .collect();
            }
            // "criticism of (rising) West German interest rates": an attributive actor after
            // a determiner or an adjective is whose the thing is.
            let mut j = k + 1;
            while j < words.len()
                && j < k + 4
                && at[j].is_none()
                && words[j].is_word()
                && !words[j].is_cap()
                && !is_in(PREPOSITIONS, lw(words, j))
                && !matches!(lw(words, j), "and" | "or" | "that" | "which")
            {
                j += 1;
            }
            if let Some(si) = at.get(j).copied().flatten() {
                // "support for the Iraq war": a place or occasion, not the one supported.
                let scene = |s: &ActorSpan| is_in(EVENT_HEADS, lw(words, s.last + 1));
                return coordinated_right(words, at, v, si)
                    .into_iter()
                    .filter(|s| !scene(s))
                    .collect();
            }
            return Vec::new();
        }
        if matches!(w, "," | "that" | "." | ";" | "and" | "which" | "who") {
            break;
        }
        k += 1;
    }
    Vec::new()
}

/// "X said (that) Y did Z, an allegation ...": a reported clause labelled by an appositive
/// claim noun is an accusation by the reporter against the clause's actor.
pub(super) fn appositive_allegations(
    clean: &str,
    cues: &[CueMatch<'_>],
    words: &[Word<'_>],
    at: &[Option<usize>],
    v: &SentenceView<'_>,
) -> Vec<Found> {
    let mut out = Vec::new();
    for c in cues
        .iter()
        .filter(|c| c.pattern.form == CueForm::Noun && c.pattern.relation == Relation::Accuses)
    {
        let mut k = c.first;
        if k > 0 && matches!(lw(words, k - 1), "a" | "an" | "the") {
            k -= 1;
        }
        if k == 0 || lw(words, k - 1) != "," {
            continue;
        }
        let Some(speech) = (0..k).find(|&j| is_in(SPEECH, lw(words, j))) else {
            continue;
        };
        let Some(src) = (0..speech)
            .rev()
            .find_map(|j| at[j])
            .map(|si| &v.spans[si])
            .filter(|s| !s.modifier)
        else {
            continue;
        };
        let Some(tgt) = (speech + 1..k)
            .find_map(|j| at[j])
            .map(|si| &v.spans[si])
            .filter(|t| !t.modifier || t.possessive)
        else {
            continue;
        };
        if tgt.statement_source() == src.statement_source() {
            continue;
        }
        out.push(Found::reported(
            Relation::Accuses,
            src,
            Some(tgt.statement_source()),
            clean[words[c.first].start..words[c.last].end].to_string(),
            true,
            0.6,
        ));
    }
    out
}
