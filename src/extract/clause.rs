//! Clause rules: who is the subject of a cue, who its object, whether it is passive,
//! nominal, negated or hypothetical — patterns over words and actor spans, no parser.

use super::lexicon::{CueForm, CueMatch, Lexicon, Slot};
use super::SentenceView;
use crate::actors::mentions::{is_state_people_noun, ActorSpan, Memory, Via, Word, PRIVATE_HEADS};
use crate::model::{Actor, ActorKind, Relation, Statement};

/// A statement found in a sentence, before it gets its document fields.
#[derive(Debug, Clone)]
pub struct Found {
    /// What the source does to the target.
    pub relation: Relation,
    /// Who makes it.
    pub source: Actor,
    /// Whom it is about.
    pub target: Option<Actor>,
    /// Who voiced it, when a person speaks for the source.
    pub speaker: Option<Actor>,
    /// The cue words.
    pub cue: String,
    /// What it is about.
    pub topic: Option<String>,
    /// Negated ("did not accuse").
    pub negated: bool,
    /// Modal, future or hypothetical.
    pub hedged: bool,
    /// Whether a word of the relation is in the text.
    pub explicit: bool,
    /// Evidence strength.
    pub confidence: f32,
    /// The clause names no counterpart at all (no object, no complement), so the story's
    /// frame may supply one.
    pub open: bool,
    /// The object is "both sides" (or "the two countries"): the story's two parties.
    pub both: bool,
}

const AUX: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did",
    "'s", "'ve",
];
const MODALS: &[&str] = &[
    "will", "would", "may", "might", "could", "can", "should", "shall", "must", "'ll", "'d",
];
const NEGATIONS: &[&str] = &["not", "n't", "never", "no"];
const BE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "'s", "get", "got", "gets",
];
const ADVERBS: &[&str] = &[
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
/// Verbs that ask someone else to act: "urged X to impose" is no act of X's.
const ASKING: &[&str] = &[
    "urged",
    "urge",
    "urges",
    "urging",
    "asked",
    "ask",
    "asks",
    "asking",
    "on",
    "pressed",
    "authorize",
    "authorized",
    "authorizes",
    "allow",
    "allowed",
    "wants",
    "want",
    "wanted",
    "told",
    "advised",
    "encouraged",
    "persuade",
    "persuaded",
    "for",
    "requesting",
    "requested",
    "requests",
    "request",
    "petitioned",
    "calling",
];

const NEG_CONTROL: &[&str] = &[
    "refused", "refuses", "refuse", "declined", "declines", "decline", "failed", "fails", "fail",
    "stopped", "avoided", "avoids",
];
const HEDGE_CONTROL: &[&str] = &[
    "plans",
    "planned",
    "planning",
    "plan",
    "expects",
    "expected",
    "expect",
    "wants",
    "wanted",
    "want",
    "hopes",
    "hoped",
    "intends",
    "intended",
    "seeks",
    "sought",
    "tried",
    "tries",
    "likely",
    "set",
    "going",
    "due",
    "ready",
    "prepared",
    "considering",
    "considers",
    "considered",
    "may",
    "threatened",
    "threatens",
    "poised",
    "about",
    "unlikely",
    "able",
    "willing",
    "asked",
    "urged",
    "called",
];
const NEUTRAL_CONTROL: &[&str] = &[
    "continued",
    "continues",
    "moved",
    "moves",
    "began",
    "begins",
    "rushed",
    "vowed",
    "vows",
    "went",
    "quick",
    "first",
    "joined",
    "join",
    "used",
    "sought",
    "appeared",
    "seemed",
    "was",
    "were",
    "is",
    "are",
];
const PREPOSITIONS: &[&str] = &[
    "of", "for", "over", "in", "on", "to", "with", "at", "from", "about", "against", "after",
    "before", "during", "into", "by", "under", "amid", "between", "among", "toward", "towards",
    "despite", "without", "than", "through", "across", "within", "near", "since",
];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "this", "these", "those", "that", "such",
    "any", "some", "new", "latest", "recent", "fresh", "renewed", "repeated", "earlier",
    "previous", "what", "our",
];
const SPEECH: &[&str] = &[
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
];
const COORD: &[&str] = &["and", ",", "&", "or"];
const HEDGE_MARKERS: &[&str] = &["if", "unless", "whether", "should"];
/// Nouns naming a claim, a proposal or a demand: rebuttals aim at whoever made them.
const CLAIM_NOUNS: &[&str] = &[
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "charge",
    "charges",
    "claim",
    "claims",
    "assertion",
    "assertions",
    "suggestion",
    "suggestions",
    "proposal",
    "proposals",
    "demand",
    "demands",
    "call",
    "calls",
    "criticism",
    "criticisms",
    "report",
    "reports",
    "statement",
    "statements",
    "remarks",
    "comments",
    "request",
    "requests",
    "offer",
    "offers",
    "plan",
    "plans",
    "resolution",
    "accusing",
    "recommendation",
    "recommendations",
    "protest",
    "protests",
    "warning",
    "warnings",
    "threat",
    "threats",
    "ultimatum",
    "idea",
    "ideas",
    "position",
    "findings",
    "conclusion",
    "conclusions",
    "view",
    "views",
    "appeal",
    "appeals",
    "pressure",
    "pressures",
    "complaint",
    "complaints",
    "charge",
    "version",
    "account",
];

fn lw<'w>(words: &'w [Word<'_>], i: usize) -> &'w str {
    words.get(i).map(|w| w.lower.as_str()).unwrap_or("")
}

fn is_in(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// Index of the actor span covering each token.
fn span_index(v: &SentenceView<'_>) -> Vec<Option<usize>> {
    let mut at = vec![None; v.words.len()];
    for (k, s) in v.spans.iter().enumerate() {
        for slot in at.iter_mut().take(s.last + 1).skip(s.first) {
            *slot = Some(k);
        }
    }
    at
}

/// The actor a sentence is mainly about: the first full actor span not inside a prepositional phrase.
pub fn main_subject<'v>(v: &'v SentenceView<'_>) -> Option<&'v ActorSpan> {
    // Only a span that opens the sentence (after determiners, adjectives or an introductory
    // phrase closed by a comma) is the main subject; a later one sits in the predicate.
    let first = v.spans.first()?;
    if first.modifier && !first.possessive || in_pp(&v.words, first.first) {
        return None;
    }
    // "For its part, ..." opens a sentence with or without its comma.
    let start = if first.first >= 3
        && lw(&v.words, 0) == "for"
        && matches!(lw(&v.words, 1), "its" | "his" | "her" | "their" | "our")
        && lw(&v.words, 2) == "part"
    {
        3
    } else {
        0
    };
    let opener = (start..first.first).all(|k| {
        let w = lw(&v.words, k);
        matches!(
            w,
            "the"
                | "a"
                | "an"
                | "senior"
                | "top"
                | "key"
                | "former"
                | "new"
                | "several"
                | "some"
                | "many"
                | "most"
                | "other"
        ) || !v.words[k].is_cap() && v.words[k].is_word() && w.ends_with("ly")
    }) || (first.first > 0 && lw(&v.words, first.first - 1) == ",");
    opener.then_some(first)
}

/// The roles found for one cue.
#[derive(Debug, Default, Clone)]
struct Roles {
    sources: Vec<ActorSpan>,
    targets: Vec<ActorSpan>,
    /// A pronoun or inherited subject was used.
    indirect: bool,
    negated: bool,
    hedged: bool,
    mutual: bool,
    topic: Option<String>,
    /// No object or complement follows the cue.
    open: bool,
    /// The object is "both sides".
    both: bool,
}

/// Finds the statements of one sentence.
pub fn statements(
    lex: &Lexicon,
    clean: &str,
    v: &SentenceView<'_>,
    memory: &Memory,
    earlier: &[Statement],
) -> Vec<Found> {
    let words = &v.words;
    let lowers: Vec<&str> = words.iter().map(|w| w.lower.as_str()).collect();
    let at = span_index(v);
    let cues: Vec<CueMatch<'_>> = lex
        .find(&lowers)
        .into_iter()
        .map(|c| nominal_reading(lex, words, &at, c))
        .filter(|c| {
            (c.first..=c.last)
                .filter(|k| c.gap.is_none_or(|(g0, g1)| !(g0..=g1).contains(k)))
                .all(|k| at[k].is_none())
        })
        .filter(|c| plausible(words, &at, &v.spans, c))
        .collect();
    let mut out: Vec<Found> = appositive_allegations(clean, &cues, words, &at, v);
    let local_claims = out.clone();
    let mut consumed: Vec<usize> = Vec::new();
    let mut prev_subjects: Vec<ActorSpan> = Vec::new();
    let question = words.last().is_some_and(|w| w.text == "?");
    for (ci, c) in cues.iter().enumerate() {
        if consumed.contains(&ci) {
            continue;
        }
        let p = c.pattern;
        let cue_text = clean[words[c.first].start..words[c.last].end].to_string();
        let mut roles = Roles::default();
        let mut confidence: f32;
        let mut explicit = p.explicit;
        let passive = p.form == CueForm::Past && is_passive(words, c.first, c.last);
        let mut answers_claim = false;
        if p.form == CueForm::Noun {
            // Nominal: "X's accusations against Y", "accusations by X", "US accusations".
            let own = nominal_source(words, &at, v, c.first, c.last);
            let light = if own.is_none() {
                light_verb_before(words, &at, c.first)
            } else {
                None
            };
            if let Some(src) = own {
                roles.sources = vec![src];
            } else if let Some(lv) = light {
                // "X expressed support for Y", "X issued a warning to Y": the subject of the
                // light verb makes the statement the noun names.
                let Some((subj, indirect)) = subject(words, &at, v, lv, memory, &prev_subjects)
                else {
                    continue;
                };
                roles.sources = subj;
                roles.indirect = indirect;
                let (neg, hedge) = modality(words, &at, p.relation == Relation::Threatens, lv);
                roles.negated = neg;
                roles.hedged = hedge;
            } else {
                continue;
            }
            roles.targets = nominal_targets(words, &at, v, c, p.relation);
            let responded = (c.first.saturating_sub(5)..c.first)
                .any(|j| lw(words, j) == "response" || lw(words, j) == "reply")
                && (c.first.saturating_sub(4)..c.first).any(|j| lw(words, j) == "to");
            if roles.targets.is_empty() && responded {
                // "NATO will send trainers in response to appeals by Iraqi leaders": the
                // appeal was made to whoever responds, the clause's subject.
                if let Some(t) =
                    main_subject(v).filter(|t| !roles.sources.iter().any(|s| s.first == t.first))
                {
                    roles.targets.push(t.clone());
                }
            }
            // "Sharon faces Netanyahu threat", "the minister faced criticism from X": whoever
            // faces the statement is its target.
            let faced = (c.first.saturating_sub(4)..c.first)
                .rev()
                .find(|&j| matches!(lw(words, j), "face" | "faces" | "faced" | "facing"));
            if let (true, Some(f)) = (roles.targets.is_empty(), faced) {
                if let Some((t, _)) = subject(words, &at, v, f, memory, &prev_subjects) {
                    roles.targets = t
                        .into_iter()
                        .filter(|t| !roles.sources.iter().any(|s| s.first == t.first))
                        .collect();
                }
            }
            if roles.targets.is_empty() && c.first > 0 && lw(words, c.first - 1) == "under" {
                // "the government, under pressure from X, agreed": X presses the one under it.
                let before = c.first.saturating_sub(2);
                let near = if lw(words, before) == "," {
                    before.checked_sub(1)
                } else {
                    Some(before)
                };
                if let Some(t) = near
                    .and_then(|k| at[k])
                    .map(|si| v.spans[si].clone())
                    .or_else(|| main_subject(v).cloned())
                {
                    roles.targets.push(t);
                }
            }
            roles.negated |= c.first > 0 && lw(words, c.first - 1) == "no";
            roles.open = roles.targets.is_empty() && nothing_follows(words, c.last + 1, true);
            confidence = if light.is_some() { 0.75 } else { 0.65 };
        } else if passive {
            // "Y was accused by X", "an election condemned by X".
            let agents = by_agents(words, &at, v, c.last + 1);
            if agents.is_empty() {
                continue;
            }
            roles.sources = agents;
            let subj = subject(words, &at, v, c.first, memory, &prev_subjects);
            let (neg, hedge) = modality(words, &at, p.relation == Relation::Threatens, c.first);
            roles.negated = neg;
            roles.hedged = hedge;
            roles.targets = match subj {
                Some((s, _)) => s,
                // "Iranian missile platforms blamed by Washington": the actor whose thing it is.
                None => (c.first.saturating_sub(4)..c.first)
                    .rev()
                    .find_map(|j| at[j])
                    .map(|si| v.spans[si].clone())
                    .filter(|s| {
                        s.modifier
                            && (s.last + 1..c.first).all(|j| {
                                words[j].is_word()
                                    && !is_in(PREPOSITIONS, lw(words, j))
                                    && !is_in(BE, lw(words, j))
                            })
                    })
                    .or_else(|| won_thing(words, v, c.first))
                    .into_iter()
                    .collect(),
            };
            confidence = 0.8;
        } else {
            // "punish Y for X" presupposes X: it charges Y even inside a purpose or a plan
            // ("tariffs on Japanese goods to penalize Japan for breaking the pact").
            let reason = c.gap.is_some() && p.lemma.ends_with(" for");
            let purpose = || {
                (reason && c.first > 0 && lw(words, c.first - 1) == "to")
                    .then(|| {
                        if prev_subjects.is_empty() {
                            main_subject(v).map(|s| vec![s.clone()])
                        } else {
                            Some(prev_subjects.clone())
                        }
                    })
                    .flatten()
                    .map(|s| (s, true))
            };
            let Some((subj, indirect)) =
                subject(words, &at, v, c.first, memory, &prev_subjects).or_else(purpose)
            else {
                continue;
            };
            roles.sources = subj;
            roles.indirect = indirect;
            // A vow to fight a measure is the resistance itself, like a threat.
            let future_ok = p.relation == Relation::Threatens || vowed_fight(words, c);
            let (neg, hedge) = modality(words, &at, future_ok, c.first);
            roles.negated = neg;
            roles.hedged = hedge && !reason;
            let (mut targets, mutual, topic, claim_cue) = object(
                lex,
                words,
                &at,
                v,
                c,
                memory,
                earlier,
                &roles.sources,
                &cues,
            );
            if targets.is_empty() && p.slot == Slot::Claimant {
                // "..., an allegation Tehran dismissed": the claim made earlier in the sentence.
                if let Some(claim) = local_claims.iter().find(|f| {
                    roles.sources.iter().any(|s| {
                        f.target
                            .as_ref()
                            .is_some_and(|t| *t == s.statement_source())
                    })
                }) {
                    targets.push(pseudo_span(claim.source.clone()));
                }
            }
            if targets.is_empty()
                && v.sentence.headline
                && c.first > 0
                && lw(words, c.first - 1) == ","
            {
                // "EU Sets Date for Turkey Talks, Demands Concession on Cyprus": a headline's
                // second predicate aims at the one other actor its first one named.
                let mut others: Vec<&ActorSpan> =
                    v.spans
                        .iter()
                        .filter(|s| {
                            s.last < c.first && !roles.sources.iter().any(|r| r.first == s.first)
                        })
                        .filter(|s| {
                            !roles.sources.iter().any(|r| {
                                rollup(&r.statement_source()) == rollup(&s.statement_source())
                            })
                        })
                        .collect();
                others.dedup_by(|a, b| a.actor.id == b.actor.id);
                if let [only] = others.as_slice() {
                    targets.push((*only).clone());
                }
            }
            roles.open = targets.is_empty() && !mutual && nothing_follows(words, c.last + 1, false);
            roles.both = targets.is_empty() && both_sides_at(words, c.last + 1);
            roles.targets = targets;
            roles.mutual = mutual;
            roles.topic = topic;
            answers_claim = claim_cue.is_some();
            if let Some(k) = claim_cue {
                consumed.push(k);
                // The claim being answered is a statement of its own: "rejected X's accusations".
                let nc = &cues[k];
                if let Some(src) = roles.targets.first() {
                    if nc.pattern.relation != p.relation {
                        for s in &roles.sources {
                            out.push(Found {
                                relation: nc.pattern.relation,
                                source: src.statement_source(),
                                target: Some(s.statement_source()),
                                speaker: src.speaker(),
                                cue: clean[words[nc.first].start..words[nc.last].end].to_string(),
                                topic: None,
                                negated: false,
                                hedged: false,
                                explicit: true,
                                confidence: 0.6,
                                open: false,
                                both: false,
                            });
                        }
                    }
                }
            }
            confidence = if roles.indirect { 0.75 } else { 0.9 };
            if matches!(p.form, CueForm::Base)
                && !v.sentence.headline
                && !after_modal_or_subject(words, &at, c.first)
            {
                confidence -= 0.2;
            }
        }
        if v.sentence.headline {
            confidence -= 0.05;
            if headline_hedge(words, c.first) && !vowed_fight(words, c) {
                roles.hedged = true;
            }
        }
        if question || hypothetical_clause(words, c.first) {
            roles.hedged = true;
        }
        if roles
            .sources
            .iter()
            .chain(&roles.targets)
            .any(|s| s.via == Via::Reference)
        {
            confidence -= 0.1;
        }
        if !p.explicit {
            explicit = false;
        }
        prev_subjects = roles.sources.clone();
        if p.needs_target && roles.targets.is_empty() && !roles.mutual {
            continue;
        }
        if p.needs_claim && !answers_claim {
            continue;
        }
        emit(
            &mut out, p.relation, &roles, &cue_text, explicit, confidence,
        );
    }
    out.extend(paraphrases(words, &at, v, clean, earlier));
    out.extend(judgements(lex, &lowers, words, &at, v, clean));
    out
}

fn emit(
    out: &mut Vec<Found>,
    relation: Relation,
    roles: &Roles,
    cue: &str,
    explicit: bool,
    confidence: f32,
) {
    for s in &roles.sources {
        let source = s.statement_source();
        let speaker = s.speaker();
        let mut push = |target: Option<Actor>| {
            out.push(Found {
                relation,
                source: source.clone(),
                target,
                speaker: speaker.clone(),
                cue: cue.to_string(),
                topic: roles.topic.clone(),
                negated: roles.negated,
                hedged: roles.hedged,
                explicit,
                confidence: confidence.clamp(0.05, 1.0),
                open: roles.open,
                both: roles.both,
            })
        };
        if roles.mutual {
            for t in roles.sources.iter().filter(|t| t.actor.id != s.actor.id) {
                push(Some(t.statement_source()));
            }
            continue;
        }
        // A state rarely rebuts or threatens itself, and a pronoun that makes it accuse
        // itself has found the wrong referent; named rivals of one state stay ("Kerry assails Bush").
        let self_ok = !roles.indirect && !relation.is_rebuttal() && relation != Relation::Threatens;
        let targets: Vec<Actor> = roles
            .targets
            .iter()
            .filter(|t| t.actor.id != s.actor.id || t.first != s.first)
            .filter(|t| {
                let direct = self_ok && t.via != Via::Reference && s.via != Via::Reference;
                // Two named people of one state may still threaten or rebut each other
                // ("Netanyahu threatens Sharon").
                // Two named actors of one state may still threaten or rebut each other
                // ("Netanyahu threatens Sharon", "Mulford rejected congressional ideas"); the
                // state itself against itself, or through a reference, is a misreading.
                let distinct = t.actor.id != s.actor.id
                    && t.via != Via::Reference
                    && s.via != Via::Reference
                    && !(t.actor.kind == ActorKind::Country && s.actor.kind == ActorKind::Country);
                direct || distinct || rollup(&t.statement_source()) != rollup(&source)
            })
            .map(|t| t.statement_source())
            .collect();
        if targets.is_empty() {
            push(None);
        }
        for t in targets {
            push(Some(t));
        }
    }
}

/// The state an actor belongs to, or the actor itself: what "the same side" means.
fn rollup(a: &Actor) -> String {
    match (a.kind, &a.country) {
        (ActorKind::Country, _) => a.id.clone(),
        (_, Some(c)) => c.clone(),
        _ => a.id.clone(),
    }
}

/// A word that is both verb and noun ("support", "demand") reads as a noun after a determiner,
/// a possessive, an adjective of manner or a light verb: "expressed strong support".
fn nominal_reading<'l>(
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
        || matches!(
            prev,
            "strong"
                | "firm"
                | "full"
                | "warm"
                | "sharp"
                | "stern"
                | "formal"
                | "public"
                | "broad"
                | "renewed"
                | "unanimous"
                | "qualified"
        )
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
fn light_verb_before(words: &[Word<'_>], at: &[Option<usize>], first: usize) -> Option<usize> {
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
            || matches!(
                w,
                "strong"
                    | "firm"
                    | "full"
                    | "warm"
                    | "sharp"
                    | "stern"
                    | "formal"
                    | "public"
                    | "up"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "renewed"
                    | "fresh"
                    | "new"
                    | "further"
            )
            || w.ends_with("ly"))
        {
            return None;
        }
    }
    None
}

/// Words before "demand" that make it the economists' demand.
const ECONOMIC_DEMAND: &[&str] = &[
    "domestic",
    "consumer",
    "world",
    "global",
    "oil",
    "energy",
    "import",
    "export",
    "strong",
    "weak",
    "weaker",
    "stronger",
    "internal",
    "foreign",
    "investment",
    "credit",
    "money",
    "loan",
    "seasonal",
    "peak",
    "total",
    "aggregate",
    "industrial",
    "end-user",
    "steel",
    "coffee",
    "sugar",
    "grain",
    "wheat",
    "gold",
    "dollar",
    "slack",
    "sluggish",
    "firm",
    "rising",
    "falling",
    "growing",
    "local",
];

/// Rejects cue words used in another sense: nouns read as verbs and vice versa.
fn plausible(
    words: &[Word<'_>],
    at: &[Option<usize>],
    spans: &[ActorSpan],
    c: &CueMatch<'_>,
) -> bool {
    let p = c.pattern;
    if p.lemma == "fight" {
        // "vowed to fight the U.S. action", not "fight the rebels": resisting an actor's
        // measure is a rejection; fighting the actor itself is war.
        return (c.last + 1..(c.last + 4).min(words.len()))
            .find_map(|k| at[k])
            .map(|si| &spans[si])
            .is_some_and(|s| {
                let head = if s.possessive { s.last + 2 } else { s.last + 1 };
                // "the U.S. potash action": one noun may sit before the measure.
                is_in(MEASURE_NOUNS, lw(words, head))
                    || words.get(head).is_some_and(|w| w.is_word())
                        && is_in(MEASURE_NOUNS, lw(words, head + 1))
            });
    }
    let w = lw(words, c.first);
    let prev = if c.first > 0 {
        lw(words, c.first - 1)
    } else {
        ""
    };
    let next = lw(words, c.last + 1);
    let next_actor = at.get(c.last + 1).copied().flatten().is_some()
        || (DETERMINERS.contains(&next) && at.get(c.last + 2).copied().flatten().is_some());
    if matches!(w, "demand" | "demands") && is_in(ECONOMIC_DEMAND, prev) {
        // "domestic demand", "oil demand": the economists' word, not a statement.
        return false;
    }
    if w == "demand" && next == "for" {
        // "U.S. demand for imported oil": a market's appetite for goods.
        let goods = lw(words, c.last + 2);
        if is_in(ECONOMIC_DEMAND, goods)
            || matches!(
                goods,
                "imported" | "imports" | "exports" | "goods" | "products" | "funds"
            )
        {
            return false;
        }
    }
    if p.form == CueForm::Noun {
        // "press conference", "support staff": a noun cue followed by another noun is a modifier.
        return !matches!(next, "conference" | "conferences" | "group" | "groups" | "staff" | "base" | "price" | "prices" | "level" | "levels" | "sheet")
            && (!matches!(prev, "in" | "under" | "with") // "in charge of", "under threat"
                || prev == "under" && next == "from") // "under pressure from X"
            || matches!(w, "accusations" | "allegations");
    }
    // Words that are mostly something else unless an actor follows: "back", "press", "push", "charge".
    let weak = matches!(
        p.lemma.as_str(),
        "back"
            | "press"
            | "push"
            | "charge"
            | "lobby"
            | "nudge"
            | "prod"
            | "welcome"
            | "fault"
            | "support"
            | "hail"
            | "salute"
            | "champion"
            | "indict"
            | "menace"
    );
    // "charged at the meeting that ...": a time or place phrase may stand before the claim.
    let charge_that = p.lemma == "charge"
        && (c.last + 1..(c.last + 9).min(words.len()))
            .map(|k| lw(words, k))
            .take_while(|w| !matches!(*w, "," | "." | ";" | "with" | "of" | "for" | "and"))
            .any(|w| w == "that");
    // "welcomed the shift in U.S. policy": what is welcomed may be an actor's act.
    let welcomed_act = p.lemma == "welcome"
        && DETERMINERS.contains(&next)
        && (c.last + 2..(c.last + 7).min(words.len()))
            .take_while(|&k| {
                words[k].is_word() && !matches!(lw(words, k), "that" | "and" | "but" | "as")
            })
            .any(|k| at[k].is_some());
    if weak && !next_actor && next != "by" && !charge_that && !welcomed_act {
        return false;
    }
    // "the demand", "its support": a verb form read after a determiner is a noun.
    if DETERMINERS.contains(&prev) && !matches!(prev, "that" | "what") {
        return false;
    }
    if p.form == CueForm::Gerund
        && (prev == "'s"
            || at.get(c.first.wrapping_sub(1)).copied().flatten().is_some()
                && next_actor
                && prev != ",")
    {
        // "the Kremlin's backing" reads as a noun; keep "China, accusing Japan".
        return prev != "'s";
    }
    true
}

/// Whether a past form is a passive: after a form of "be" (adverbs between), or followed by "by".
fn is_passive(words: &[Word<'_>], first: usize, last: usize) -> bool {
    if lw(words, last + 1) == "by" {
        return true;
    }
    let mut k = first;
    while k > 0 && first - k < 4 {
        k -= 1;
        let w = lw(words, k);
        if is_in(BE, w) {
            return true;
        }
        if !(is_in(ADVERBS, w)
            || w.ends_with("ly")
            || is_in(NEGATIONS, w)
            || is_in(MODALS, w)
            || is_in(AUX, w))
        {
            return false;
        }
    }
    false
}

/// Negation and modality in the verb group before a cue ("did not", "refused to", "may").
fn modality(
    words: &[Word<'_>],
    at: &[Option<usize>],
    future_ok: bool,
    first: usize,
) -> (bool, bool) {
    let mut neg = false;
    let mut hedge = false;
    let mut k = first;
    let mut steps = 0;
    while k > 0 && steps < 8 {
        k -= 1;
        steps += 1;
        if at[k].is_some() {
            break;
        }
        let w = lw(words, k);
        if is_in(NEGATIONS, w) {
            neg = true;
        } else if is_in(MODALS, w) {
            // A threat is about the future by nature: "said it would impose tariffs" is one.
            if !(future_ok && matches!(w, "will" | "would" | "'ll")) {
                hedge = true;
            }
        } else if w == "to" {
            let ctl = lw(words, k.wrapping_sub(1));
            // "urged the U.S. government to impose sanctions": someone else's wish for it.
            if future_ok && at.get(k.wrapping_sub(1)).copied().flatten().is_some() {
                let mut j = k - 1;
                while j > 0 && at[j - 1].is_some() {
                    j -= 1;
                }
                while j > 0 && matches!(lw(words, j - 1), "the" | "a" | "an") {
                    j -= 1;
                }
                if j > 0 && is_in(ASKING, lw(words, j - 1)) {
                    hedge = true;
                }
            }
            if is_in(NEG_CONTROL, ctl) {
                neg = true;
            } else if is_in(HEDGE_CONTROL, ctl) {
                hedge = true;
            } else if !is_in(NEUTRAL_CONTROL, ctl)
                && !matches!(ctl, "refused" | "declined")
                && !future_ok
            {
                // ("intention to retaliate" is still a threat: threats are about the future.)
                // "to condemn" after a noun or adjective ("ready to", "a move to") is not asserted.
                hedge = true;
            }
        } else if is_in(AUX, w)
            || is_in(ADVERBS, w)
            || w.ends_with("ly")
            || is_in(NEG_CONTROL, w)
            || is_in(HEDGE_CONTROL, w)
            || is_in(NEUTRAL_CONTROL, w)
        {
            continue;
        } else {
            break;
        }
    }
    (neg, hedge)
}

/// "if", "unless", "whether" earlier in the same clause make a cue hypothetical.
fn hypothetical_clause(words: &[Word<'_>], first: usize) -> bool {
    let mut k = first;
    while k > 0 {
        k -= 1;
        let w = lw(words, k);
        if matches!(w, "," | ";" | "but" | "and" | "said" | "says") {
            return false;
        }
        if is_in(HEDGE_MARKERS, w) && w != "should" {
            return true;
        }
        // "officials did not think Japan would retaliate": an opinion or a prediction about
        // someone's statement is not the statement.
        if matches!(
            w,
            "think"
                | "thinks"
                | "thought"
                | "believe"
                | "believes"
                | "believed"
                | "expect"
                | "expects"
                | "expected"
                | "doubt"
                | "doubts"
                | "doubted"
                | "fear"
                | "fears"
                | "feared"
                | "predict"
                | "predicts"
                | "predicted"
                | "speculated"
                | "speculation"
                | "unlikely"
                | "likely"
        ) {
            return true;
        }
    }
    false
}

/// Headline modality: "EU May Condemn", "China to Reject", "Could Slam".
/// "The new leader vowed ... after winning an election condemned by X": the thing the
/// sentence's subject won, held or passed is judged, and with it the subject.
fn won_thing(words: &[Word<'_>], v: &SentenceView<'_>, cue: usize) -> Option<ActorSpan> {
    if cue < 3
        || !matches!(
            lw(words, cue - 2),
            "a" | "an" | "the" | "its" | "his" | "her"
        )
    {
        return None;
    }
    let verb = lw(words, cue - 3);
    let act = matches!(
        verb,
        "winning"
            | "won"
            | "holding"
            | "held"
            | "passing"
            | "passed"
            | "adopting"
            | "adopted"
            | "signing"
            | "signed"
            | "staging"
            | "staged"
    );
    act.then(|| main_subject(v).cloned()).flatten()
}

/// "vowed to fight the U.S. action": the vow is the resistance itself, not a plan.
fn vowed_fight(words: &[Word<'_>], c: &CueMatch<'_>) -> bool {
    c.pattern.lemma == "fight"
        && (c.first.saturating_sub(8)..c.first).any(|j| {
            matches!(
                lw(words, j),
                "vowed" | "vows" | "vow" | "pledged" | "pledges"
            )
        })
}

fn headline_hedge(words: &[Word<'_>], first: usize) -> bool {
    let prev = if first > 0 { lw(words, first - 1) } else { "" };
    is_in(MODALS, prev) || prev == "to"
}

/// Whether a base-form verb stands where a finite verb can: after a modal, "to", a plural subject.
fn after_modal_or_subject(words: &[Word<'_>], at: &[Option<usize>], first: usize) -> bool {
    if first == 0 {
        return false;
    }
    let prev = lw(words, first - 1);
    is_in(MODALS, prev)
        || prev == "to"
        || at[first - 1].is_some()
        || matches!(
            prev,
            "they" | "we" | "i" | "you" | "also" | "and" | "did" | "do" | "not" | "n't"
        )
}

/// The subject of a verb cue: scanning left over the verb group, appositions and time phrases.
fn subject(
    words: &[Word<'_>],
    at: &[Option<usize>],
    v: &SentenceView<'_>,
    first: usize,
    memory: &Memory,
    prev_subjects: &[ActorSpan],
) -> Option<(Vec<ActorSpan>, bool)> {
    let mut k = first;
    let mut steps = 0;
    while k > 0 && steps < 14 {
        k -= 1;
        steps += 1;
        if let Some(si) = at[k] {
            let s = &v.spans[si];
            if s.possessive || s.modifier {
                // "The ODNI's report implicated": the possessor of the subject noun phrase.
                return Some((coordinated_left(words, at, v, si), false));
            }
            if in_pp(words, s.first) {
                // "in Iraq accused": a prepositional phrase, not the subject; keep looking
                // left of its preposition.
                k = s.first;
                while k > 0 && matches!(lw(words, k - 1), "the" | "a" | "an") {
                    k -= 1;
                }
                k -= 1;
                // "officials in Seoul", "diplomats from Brazil": the state they serve speaks.
                if matches!(lw(words, k), "in" | "from" | "of")
                    && k > 0
                    && is_state_people_noun(lw(words, k - 1))
                {
                    return Some((coordinated_left(words, at, v, si), false));
                }
                continue;
            }
            return Some((coordinated_left(words, at, v, si), false));
        }
        let w = lw(words, k);
        if is_in(AUX, w)
            || is_in(MODALS, w)
            || is_in(NEGATIONS, w)
            || is_in(ADVERBS, w)
            || (w.ends_with("ly") && !words[k].is_cap())
            || w == "to"
            || is_in(NEG_CONTROL, w)
            || is_in(HEDGE_CONTROL, w)
            || is_in(NEUTRAL_CONTROL, w)
        {
            continue;
        }
        if matches!(w, "on" | "last" | "this" | "late" | "early") && k + 1 < first {
            continue;
        }
        // "vowed to do everything possible to fight": the effort phrase has no subject of its own.
        if matches!(
            w,
            "everything" | "possible" | "all" | "whatever" | "do" | "can"
        ) {
            continue;
        }
        if w == ")" {
            // "The Socialist Group in the European Parliament (EP) rejected": skip "(EP)".
            if let Some(open) = (k.saturating_sub(4)..k)
                .rev()
                .find(|&j| lw(words, j) == "(")
            {
                k = open;
                continue;
            }
        }
        match w {
            "others" if k > 1 && lw(words, k - 1) == "and" => {
                // "Mandela, Tutu and others support ...": the named members of an open list
                // speak, past any name the gazetteer does not know.
                let mut j = k - 1;
                while j > 0 && k - j < 8 {
                    j -= 1;
                    if let Some(si) = at[j] {
                        return Some((coordinated_left(words, at, v, si), false));
                    }
                    if !(words[j].is_cap() || lw(words, j) == ",") {
                        break;
                    }
                }
                return None;
            }
            "who" | "which" if k > 0 => {
                // "X, who accused Y": the antecedent before the comma.
                let a = if lw(words, k - 1) == "," {
                    k.saturating_sub(2)
                } else {
                    k - 1
                };
                // "the group's leaders, who accused ...": the nearest actor of the antecedent.
                // "which" names a thing unless the antecedent itself is the actor.
                let reach = if w == "who" { 3 } else { 0 };
                return (a.saturating_sub(reach)..=a)
                    .rev()
                    .find_map(|j| at[j])
                    .map(|si| &v.spans[si])
                    .filter(|s| !s.modifier)
                    .map(|s| (vec![s.clone()], false));
            }
            "he" | "she" | "it" | "they" | "we"
                if k > 0 && reporter(words, at, v, k, k).is_some() =>
            {
                // "Norway said it would ...": the pronoun is the reporter itself.
                let r = reporter(words, at, v, k, k)?;
                return Some((vec![r], true));
            }
            "he" | "she" => {
                let p = memory
                    .last_person()
                    .cloned()
                    .or_else(|| prev_subjects.first().cloned())?;
                return Some((vec![p], true));
            }
            "it" | "they" | "we" => {
                if let Some(s) = prev_subjects.first() {
                    return Some((prev_subjects.to_vec(), true))
                        .filter(|_| s.actor.kind != ActorKind::Person || w != "it");
                }
                let s = memory
                    .subjects
                    .last()
                    .filter(|s| s.actor.kind != ActorKind::Person)?;
                return Some((vec![s.clone()], true));
            }
            "and" | "but" => {
                // "X condemned Y and criticized Z": a coordinated verb shares the subject.
                if !prev_subjects.is_empty() {
                    return Some((prev_subjects.to_vec(), true));
                }
                return main_subject(v).map(|s| (vec![s.clone()], true));
            }
            "," => {
                // "Lin Jian, a spokesperson for X, said": skip a comma-delimited apposition.
                if let Some(open) = (0..k).rev().take(12).find(|&j| lw(words, j) == ",") {
                    let inner = lw(words, open + 1);
                    let apposition = matches!(inner, "a" | "an" | "the" | "who" | "which")
                        || at[open + 1].is_some_and(|si| !v.spans[si].modifier);
                    if apposition && at[open.saturating_sub(1)].is_some() {
                        k = open;
                        continue;
                    }
                }
                // "..., accusing X": a participle after a comma belongs to the main clause.
                if !prev_subjects.is_empty() {
                    return Some((prev_subjects.to_vec(), true));
                }
                return main_subject(v)
                    .filter(|s| s.last < k)
                    .map(|s| (vec![s.clone()], true));
            }
            _ => {}
        }
        if words[k].kind == crate::text::TokenKind::Word
            && !is_in(PREPOSITIONS, w)
            && !is_in(SPEECH, w)
            && w != "that"
        {
            // The head of a noun phrase: look inside it for a possessor or an actor modifier.
            let mut j = k;
            while j > 0 && k - j < 6 {
                j -= 1;
                if let Some(si) = at[j] {
                    let s = &v.spans[si];
                    // "the Reagan administration": a leader's name before "administration".
                    let leaders_government = j + 1 == k
                        && s.actor.kind == ActorKind::Person
                        && matches!(lw(words, k), "administration" | "government" | "cabinet");
                    if s.possessive
                        || s.modifier && is_state_voice_noun(lw(words, k))
                        || leaders_government
                    {
                        return Some((vec![s.clone()], false));
                    }
                    return None;
                }
                let wj = lw(words, j);
                if matches!(wj, "its" | "their" | "his" | "her") {
                    // "Peru restated its intention to retaliate": the owner of "its" is the
                    // subject of the verb before it.
                    return (j.saturating_sub(6)..j)
                        .rev()
                        .find_map(|m| at[m])
                        .map(|si| &v.spans[si])
                        .filter(|s| !s.modifier && !in_pp(words, s.first))
                        .map(|s| (vec![s.clone()], true));
                }
                if is_in(PREPOSITIONS, wj)
                    || matches!(wj, "," | "that" | "and")
                    || is_in(SPEECH, wj)
                {
                    return None;
                }
            }
            return None;
        }
        return None;
    }
    None
}

/// Whether the span starting at `first` sits in a prepositional phrase ("in the United States").
fn in_pp(words: &[Word<'_>], first: usize) -> bool {
    let mut k = first;
    while k > 0 && matches!(lw(words, k - 1), "the" | "a" | "an") {
        k -= 1;
    }
    // "after", "before", "since", "until" also open clauses: "after Cuba threatened ...".
    k > 0
        && is_in(PREPOSITIONS, lw(words, k - 1))
        && !matches!(
            lw(words, k - 1),
            "by" | "after" | "before" | "since" | "until"
        )
}

/// Nouns that voice a state when an adjective names it: "Chinese media", "the Russian report".
fn is_state_voice_noun(w: &str) -> bool {
    matches!(
        w,
        "resolution"
            | "draft"
            | "proposal"
            | "declaration"
            | "communique"
            | "plan"
            | "report"
            | "statement"
            | "media"
            | "update"
            | "assessment"
            | "side"
            | "foreign"
            | "letter"
            | "note"
            | "document"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "officials"
            | "government"
            | "leaders"
            | "press"
    )
}

/// The actors coordinated with span `si` to its left ("China and Singapore", "both X and Y").
fn coordinated_left(
    words: &[Word<'_>],
    at: &[Option<usize>],
    v: &SentenceView<'_>,
    si: usize,
) -> Vec<ActorSpan> {
    let mut out = vec![v.spans[si].clone()];
    let mut cur = v.spans[si].first;
    // A comma joins actors only in a list closed by "and"/"or" ("A, B and C"), not
    // after an introductory phrase ("In London, the U.S. ...").
    let mut seen_conj = v.sentence.headline; // headlines list with commas: "Germany, France Back ..."
    loop {
        // "Rwanda and the Democratic Republic of Congo": a determiner sits after the conjunction.
        if cur > 0 && matches!(lw(words, cur - 1), "the" | "both") {
            cur -= 1;
        }
        if cur < 2 {
            break;
        }
        let sep = lw(words, cur - 1);
        let sep_ok =
            is_in(COORD, sep) || sep == "with" && lw(words, cur.wrapping_sub(2)) == "along";
        if !sep_ok || sep == "," && !seen_conj {
            break;
        }
        seen_conj |= sep != ",";
        let mut k = cur - 1;
        if sep == "with" {
            k -= 1;
        }
        if k > 0 && lw(words, k - 1) == "," {
            k -= 1;
        }
        match at.get(k.wrapping_sub(1)).copied().flatten() {
            Some(sj) if !v.spans[sj].possessive => {
                out.insert(0, v.spans[sj].clone());
                cur = v.spans[sj].first;
            }
            _ => break,
        }
    }
    out
}

/// Actors coordinated starting at span `si` to its right ("China, along with Russia and Iran").
fn coordinated_right(
    words: &[Word<'_>],
    at: &[Option<usize>],
    v: &SentenceView<'_>,
    si: usize,
) -> Vec<ActorSpan> {
    let mut out = vec![v.spans[si].clone()];
    let mut cur = v.spans[si].last + 1;
    loop {
        let mut k = cur;
        let mut sep = false;
        while k < words.len() && k < cur + 4 {
            let w = lw(words, k);
            if matches!(
                w,
                "," | "and"
                    | "or"
                    | "&"
                    | "as"
                    | "well"
                    | "along"
                    | "with"
                    | "both"
                    | "the"
                    | "other"
            ) {
                if !matches!(w, "the" | "other") {
                    sep = true;
                }
                k += 1;
            } else {
                break;
            }
        }
        if !sep {
            break;
        }
        match at.get(k).copied().flatten() {
            Some(sj) if v.spans[sj].first == k && !v.spans[sj].modifier => {
                out.push(v.spans[sj].clone());
                cur = v.spans[sj].last + 1;
            }
            _ => break,
        }
    }
    out
}

/// Agents after "by" (skipping "by" phrases without an actor: "by rights groups and by Washington").
fn by_agents(
    words: &[Word<'_>],
    at: &[Option<usize>],
    v: &SentenceView<'_>,
    from: usize,
) -> Vec<ActorSpan> {
    let mut k = from;
    // Adverbs and time phrases may sit between the participle and "by".
    while k < words.len() && k < from + 4 && lw(words, k) != "by" {
        let w = lw(words, k);
        if !(is_in(ADVERBS, w) || w.ends_with("ly") || w == "on") {
            return Vec::new();
        }
        k += 1;
    }
    let mut out = Vec::new();
    while k < words.len() && lw(words, k) == "by" {
        let mut j = k + 1;
        while j < words.len() && j < k + 8 {
            if let Some(si) = at[j] {
                let s = &v.spans[si];
                if !s.modifier || is_state_people_noun(lw(words, s.last + 1)) {
                    out.extend(coordinated_right(words, at, v, si));
                }
                break;
            }
            let w = lw(words, j);
            if matches!(w, "," | "and" | "by" | "that" | "of" | "for" | "as") {
                break;
            }
            j += 1;
        }
        // "... and by X": another agent phrase.
        let mut m = j;
        while m < words.len() && m < j + 8 && lw(words, m) != "by" {
            if matches!(lw(words, m), "." | ";" | "that" | "of") {
                break;
            }
            m += 1;
        }
        if m < words.len() && lw(words, m) == "by" && m > k {
            k = m;
        } else {
            break;
        }
    }
    out
}

/// The source of a nominal cue: possessor, attributive actor, or "by/from X" after the noun.
fn nominal_source(
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
fn nominal_targets(
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

/// The object of an active verb cue, and for rebuttals the claimant.
#[allow(clippy::too_many_arguments)]
fn object(
    lex: &Lexicon,
    words: &[Word<'_>],
    at: &[Option<usize>],
    v: &SentenceView<'_>,
    c: &CueMatch<'_>,
    memory: &Memory,
    earlier: &[Statement],
    sources: &[ActorSpan],
    cues: &[CueMatch<'_>],
) -> (Vec<ActorSpan>, bool, Option<String>, Option<usize>) {
    let p = c.pattern;
    let mut k = c.last + 1;
    let n = words.len();
    if let Some((g0, g1)) = c.gap {
        // "held Japan responsible": the phrase's object slot holds the target.
        let targets: Vec<ActorSpan> = (g0..=g1)
            .find_map(|j| at[j])
            .map(|si| coordinated_right(words, at, v, si))
            .unwrap_or_default()
            .into_iter()
            .filter(|t| t.last <= g1 && !sources.iter().any(|s| s.first == t.first))
            .collect();
        if !targets.is_empty() {
            return (targets, false, topic_after(words, k), None);
        }
        // "branded the ruling as harassment from the U.S.": a thing in the slot; its
        // author follows the phrase, named by "from"/"by" or as a possessor or modifier.
        let n = words.len();
        let author = (k..n.min(k + 10))
            .take_while(|&j| !matches!(lw(words, j), "and" | "," | "." | ";" | "but"))
            .find_map(|j| at[j].map(|si| (j, &v.spans[si])))
            .filter(|(j, s)| {
                let before = if lw(words, j.wrapping_sub(1)) == "the" {
                    j.wrapping_sub(2)
                } else {
                    j.wrapping_sub(1)
                };
                s.possessive || s.modifier || matches!(lw(words, before), "from" | "by")
            })
            .map(|(_, s)| s.clone());
        if let Some(a) = author {
            return (vec![a], false, None, None);
        }
    }
    // "accused each other", "accused one another".
    if matches!(
        (lw(words, k), lw(words, k + 1)),
        ("each", "other") | ("one", "another")
    ) {
        return (
            Vec::new(),
            sources.len() > 1,
            topic_after(words, k + 2),
            None,
        );
    }
    let mut targets: Vec<ActorSpan> = Vec::new();
    let mut claim_cue = None;
    let mut np_head: Option<usize> = None;
    let mut steps = 0;
    while k < n && steps < 12 {
        steps += 1;
        if let Some(si) = at[k] {
            let s = &v.spans[si];
            if s.modifier && !s.possessive {
                if words[s.first].text.contains('-') {
                    // "a Chinese-American", "a US-based firm": a description, not the actor.
                    break;
                }
                // "a new UN resolution", "US accusations": the actor behind the thing named.
                let head = s.last + 1;
                if s.via == Via::Reference {
                    // "oppose the tax": a thing named before, standing for its owner.
                    targets.push(s.clone());
                    break;
                }
                if head < n && words[head].is_word() && !is_in(PREPOSITIONS, lw(words, head)) {
                    if PRIVATE_HEADS.contains(&lw(words, head)) {
                        break;
                    }
                    targets.push(s.clone());
                    np_head = Some(head);
                    break;
                }
                break;
            }
            if s.possessive {
                targets.push(s.clone());
                np_head = Some(s.last + 2);
                break;
            }
            targets = coordinated_right(words, at, v, si);
            // "Bush troop withdrawal plan": a name used attributively is still the target.
            break;
        }
        let w = lw(words, k);
        if is_in(ADVERBS, w)
            || w.ends_with("ly") && !words[k].is_cap()
            || is_in(DETERMINERS, w) && !matches!(w, "that" | "what")
            || w == "on" && is_day(lw(words, k + 1))
        {
            k += 1;
            continue;
        }
        if w == "as" && steps == 1 {
            // "condemned as \"unfair\" a new resolution": skip "as <adjective or quote>".
            k += 1;
            let quoted = lw(words, k) == "\"";
            k += 1;
            if quoted {
                while k < n && k < c.last + 10 && lw(words, k) != "\"" {
                    k += 1;
                }
                k += 1;
            }
            continue;
        }
        if words[k].kind == crate::text::TokenKind::Quote {
            k += 1;
            continue;
        }
        if w == "what"
            && matches!(
                lw(words, k + 1),
                "it" | "he" | "she" | "they" | "many" | "some"
            )
            && lw(words, k + 2).starts_with("call")
        {
            // "laid into what it called the X doctrine".
            k += 3;
            continue;
        }
        if matches!(w, "him" | "her") {
            if let Some(pp) = memory
                .last_person()
                .filter(|pp| !sources.iter().any(|s| s.actor.id == pp.actor.id))
            {
                targets.push(pp.clone());
            }
            break;
        }
        if words[k].is_word() && !is_in(PREPOSITIONS, w) && w != "that" && !is_in(SPEECH, w) {
            // A common noun heads the object: look for "X's", "by X" or an actor modifier in the NP.
            let mut j = k + 1;
            while j < n
                && j < k + 4
                && words[j].is_word()
                && !is_in(PREPOSITIONS, lw(words, j))
                && at[j].is_none()
                && !matches!(lw(words, j), "that" | "and" | "as")
            {
                j += 1;
            }
            np_head = Some(j.saturating_sub(1).max(k));
            // "the huge U.S. budget deficit", "the new Japanese proposal": an actor after the
            // adjectives, attributive or possessive, owns what the object names.
            if let Some(si) = at.get(j).copied().flatten() {
                let s = &v.spans[si];
                let head = if s.possessive { s.last + 2 } else { s.last + 1 };
                let attributive = words.get(s.last + 1).is_some_and(|w| {
                    w.is_word()
                        && !is_in(PREPOSITIONS, &w.lower)
                        && !is_in(AUX, &w.lower)
                        && !is_in(SPEECH, &w.lower)
                        && !matches!(
                            w.lower.as_str(),
                            "and" | "or" | "but" | "that" | "which" | "who"
                        )
                });
                if (s.modifier || s.possessive || attributive)
                    && !words[s.first].text.contains('-')
                    && !PRIVATE_HEADS.contains(&lw(words, head))
                {
                    targets.push(s.clone());
                    np_head = Some(head);
                }
            } else if matches!(p.relation, Relation::Supports | Relation::Praises)
                && matches!(lw(words, j), "in" | "of")
                && CHANGE_NOUNS.contains(&lw(words, j - 1))
            {
                // "welcomed the shift in U.S. policy": approving a change in an actor's conduct.
                let mut m = j + 1;
                while m < n && m < j + 4 && at[m].is_none() && words[m].is_word() {
                    m += 1;
                }
                if let Some(si) = at.get(m).copied().flatten() {
                    let s = &v.spans[si];
                    if !in_pp(words, s.first) || m == j + 1 || lw(words, j + 1) == "the" {
                        targets.push(s.clone());
                    }
                }
            }
            break;
        }
        break;
    }
    // The claim noun under a rebuttal: "rejected accusations by X", "rebuffed suggestions by X".
    if let Some(h) = np_head {
        if let Some(ci) = cues.iter().position(|nc| {
            // "rejected demands by X": in the object, "demands" and "charges" are plural nouns.
            (nc.pattern.form == CueForm::Noun
                || nc.first == nc.last && lw(words, nc.first).ends_with('s'))
                && nc.first <= h
                && nc.last >= h.saturating_sub(1)
                && nc.first > c.last
        }) {
            if p.slot == Slot::Claimant {
                claim_cue = Some(ci);
            }
        }
        if targets.is_empty() {
            let claim = p.slot == Slot::Claimant
                || is_in(CLAIM_NOUNS, lw(words, h))
                || lex.starting_with(lw(words, h)).next().is_some();
            let mut j = h + 1;
            while j < n && j <= h + 8 {
                let w = lw(words, j);
                // "attacks by X" names the agent of any act; "a recommendation of X" only of a claim.
                if matches!(w, "by" | "from") && (claim || w == "by")
                    || w == "of" && claim && p.slot == Slot::Claimant
                {
                    let mut a = j + 1;
                    while a < n
                        && a < j + 6
                        && at[a].is_none()
                        && (matches!(lw(words, a), "the" | "a" | "an")
                            // "demands by a group of governors": the members are the agent.
                            || lw(words, a) == "of" && is_in(COLLECTIVE, lw(words, a - 1))
                            || !words[a].is_cap()
                                && words[a].is_word()
                                && !is_in(PREPOSITIONS, lw(words, a))
                                && (!lw(words, a).ends_with("ing")
                                    || matches!(
                                        lw(words, a),
                                        "incoming"
                                            | "outgoing"
                                            | "ruling"
                                            | "leading"
                                            | "visiting"
                                            | "governing"
                                            | "reigning"
                                            | "sitting"
                                            | "acting"
                                            | "ailing"
                                    ))
                                && !matches!(lw(words, a), "that" | "which" | "who" | "saying"))
                    {
                        a += 1;
                    }
                    if let Some(si) = at.get(a).copied().flatten() {
                        let s = &v.spans[si];
                        if !s.modifier
                            || is_state_people_noun(lw(words, s.last + 1))
                            || s.title.is_some()
                        {
                            targets = coordinated_right(words, at, v, si);
                        }
                    }
                    break;
                }
                if matches!(w, "," | "." | ";" | "and" | "but") {
                    break;
                }
                j += 1;
            }
        }
    }
    // Warnings about a third party's conduct: "warned that Y's plan would ...".
    // The clause after the cue, past a time phrase: "demanded on Monday that ...".
    let mut clause = c.last + 1;
    while clause < n
        && clause < c.last + 4
        && (is_in(ADVERBS, lw(words, clause)) || lw(words, clause) == "on")
    {
        clause += 1;
    }
    // "charged at last year's meeting that ...": a place or time phrase before the clause.
    if matches!(
        lw(words, clause),
        "at" | "in" | "during" | "after" | "before"
    ) {
        if let Some(t) = (clause + 1..n.min(clause + 8))
            .take_while(|&m| !matches!(lw(words, m), "," | "." | ";" | "and" | "but"))
            .find(|&m| lw(words, m) == "that")
        {
            clause = t;
        }
    }
    // The clause's first word, past a parenthetical: "alleges that, in breach of the accord, Y ...".
    let mut subj = clause + 1;
    if lw(words, subj) == "," {
        if let Some(close) = (subj + 1..n.min(subj + 12)).find(|&m| lw(words, m) == ",") {
            subj = close + 1;
        }
    }
    if targets.is_empty()
        && matches!(
            p.relation,
            Relation::Warns | Relation::Accuses | Relation::Criticizes | Relation::Demands | Relation::Urges
        )
        && matches!(lw(words, clause), "that" | "it" | "they" | "he" | "she")
        // Only a warning may be about the speaker's own next step ("warned it would hit back");
        // "insisted that it would attack" is an assertion, not a demand.
        && (p.relation == Relation::Warns
            || lw(words, clause) == "that"
                && (at.get(subj).copied().flatten().is_some()
                    || matches!(lw(words, subj), "the" | "a" | "an") && at.get(subj + 1).copied().flatten().is_some()))
    {
        // "warned that Y's plan would ...", "warned it would counter any U.S. challenge".
        let mut j = if lw(words, clause) == "that" {
            subj
        } else {
            clause + 1
        };
        let mut verb_seen = false;
        let stop = j + 8;
        while j < n && j < stop {
            if let Some(si) = at[j] {
                // "warned that a weaker U.S. dollar could ...": a market, not anyone's conduct.
                let s = &v.spans[si];
                let market = !s.possessive && is_in(MARKET_HEADS, lw(words, s.last + 1));
                if !market {
                    targets.push(s.clone());
                }
                break;
            }
            let w = lw(words, j);
            if matches!(w, "would" | "will" | "could" | "was" | "is" | "had" | "has") {
                if verb_seen {
                    break;
                }
                verb_seen = true;
            }
            if matches!(w, "," | "." | ";" | "but") {
                break;
            }
            j += 1;
        }
    }
    let to_at = (c.last + 1..n.min(c.last + 5)).find(|&j| lw(words, j) == "to");
    if let (true, Some(to)) = (
        targets.is_empty() && p.relation == Relation::Threatens,
        to_at,
    ) {
        // "threatened (on Monday) to impose tariffs on X", "threatened to attack X".
        let mut j = to + 1;
        while j < n && j < to + 16 {
            if let Some(si) = at[j] {
                // "tariffs on Japanese electronics" aims at Japan too.
                targets = coordinated_right(words, at, v, si);
                break;
            }
            if matches!(
                lw(words, j),
                "," | "."
                    | ";"
                    | "if"
                    | "unless"
                    | "but"
                    | "over"
                    | "amid"
                    | "after"
                    | "because"
                    | "despite"
                    | "following"
            ) {
                break;
            }
            j += 1;
        }
    }
    if targets.is_empty() && p.relation == Relation::Threatens {
        // "Panama recalled its envoy after Cuba threatened to break off relations": a threat
        // between states with no object aims at the one other state the sentence names.
        let rollup = |a: &Actor| a.country.clone().unwrap_or_else(|| a.id.clone());
        let mine: Vec<String> = sources
            .iter()
            .map(|s| rollup(&s.statement_source()))
            .collect();
        let mut others: Vec<&ActorSpan> = v
            .spans
            .iter()
            .filter(|s| {
                s.actor.kind == ActorKind::Country && !mine.contains(&rollup(&s.statement_source()))
            })
            .collect();
        others.dedup_by(|a, b| a.actor.id == b.actor.id);
        if let [only] = others.as_slice() {
            if v.spans
                .iter()
                .filter(|s| s.actor.kind == ActorKind::Country)
                .all(|s| {
                    s.actor.id == only.actor.id || mine.contains(&rollup(&s.statement_source()))
                })
            {
                targets.push((*only).clone());
            }
        }
    }
    if p.slot == Slot::Claimant && targets.is_empty() && claim_cue.is_some()
        || p.slot == Slot::Claimant
            && targets.is_empty()
            && np_head.is_some_and(|h| is_in(CLAIM_NOUNS, lw(words, h)))
    {
        // The claim has no named author here: look further in the sentence, then earlier in the article.
        targets = later_agent(words, at, v, c.last + 1);
        if targets.is_empty() {
            if let Some(t) = earlier_claimant(earlier, sources) {
                targets.push(t);
            }
        }
    }
    if targets.is_empty() && p.relation == Relation::Denies {
        // "Khamenei denied that the platforms had military gear": a denial answers the
        // charge the article reported against the denier earlier.
        if let Some(t) = earlier_claimant(earlier, sources).filter(|t| {
            earlier.iter().any(|st| {
                st.source.id == t.actor.id
                    && matches!(
                        st.relation,
                        Relation::Accuses | Relation::Criticizes | Relation::Condemns
                    )
            })
        }) {
            targets.push(t);
        }
    }
    let topic = topic_after(words, k + 1);
    let targets = targets
        .into_iter()
        .filter(|t| !sources.iter().any(|s| s.first == t.first))
        .collect();
    (targets, false, topic, claim_cue)
}

fn is_day(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// An actor introduced later in the sentence as the author of something: "a report by X".
fn later_agent(
    words: &[Word<'_>],
    at: &[Option<usize>],
    v: &SentenceView<'_>,
    from: usize,
) -> Vec<ActorSpan> {
    for j in from..words.len() {
        if matches!(lw(words, j), "by" | "from") {
            let a = if matches!(lw(words, j + 1), "the" | "a" | "an") {
                j + 2
            } else {
                j + 1
            };
            if let Some(si) = at.get(a).copied().flatten() {
                if !v.spans[si].modifier {
                    return vec![v.spans[si].clone()];
                }
            }
        }
        if let Some(si) = at[j] {
            if v.spans[si].possessive && j > from {
                return vec![v.spans[si].clone()];
            }
        }
    }
    Vec::new()
}

/// A span standing for an actor found outside the sentence's own spans.
fn pseudo_span(actor: Actor) -> ActorSpan {
    ActorSpan {
        first: usize::MAX,
        last: usize::MAX,
        actor,
        speaks_for: None,
        official: false,
        modifier: false,
        possessive: false,
        via: Via::Reference,
        title: None,
    }
}

/// "X said (that) Y did Z, an allegation ...": a reported clause labelled by an appositive
/// claim noun is an accusation by the reporter against the clause's actor.
fn appositive_allegations(
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
        out.push(Found {
            relation: Relation::Accuses,
            source: src.statement_source(),
            target: Some(tgt.statement_source()),
            speaker: src.speaker(),
            cue: clean[words[c.first].start..words[c.last].end].to_string(),
            topic: None,
            negated: false,
            hedged: false,
            explicit: true,
            confidence: 0.6,
            open: false,
            both: false,
        });
    }
    out
}

/// The most recent accuser of the rebutting actor earlier in the article.
fn earlier_claimant(earlier: &[Statement], sources: &[ActorSpan]) -> Option<ActorSpan> {
    let me: Vec<(String, Option<String>)> = sources
        .iter()
        .map(|s| {
            let a = s.statement_source();
            let c = a
                .country
                .clone()
                .or_else(|| (a.kind == ActorKind::Country).then(|| a.id.clone()));
            (a.id, c)
        })
        .collect();
    earlier.iter().rev().find_map(|st| {
        if !matches!(
            st.relation,
            Relation::Accuses
                | Relation::Criticizes
                | Relation::Condemns
                | Relation::Demands
                | Relation::Urges
                | Relation::Warns
                | Relation::Threatens
        ) || !st.is_asserted()
        {
            return None;
        }
        let t = st.target.as_ref()?;
        let tc = t
            .country
            .clone()
            .or_else(|| (t.kind == ActorKind::Country).then(|| t.id.clone()));
        let hit = me
            .iter()
            .any(|(id, c)| *id == t.id || (c.is_some() && *c == tc));
        hit.then(|| pseudo_span(st.source.clone()))
    })
}

/// "of/over/for <phrase>" after the object: what the statement is about.
fn topic_after(words: &[Word<'_>], from: usize) -> Option<String> {
    let mut k = from;
    while k < words.len() && k < from + 4 {
        if matches!(lw(words, k), "of" | "over" | "for" | "about") {
            let mut out = Vec::new();
            let mut j = k + 1;
            while j < words.len() && out.len() < 6 {
                let w = &words[j];
                if !w.is_word()
                    || matches!(
                        w.lower.as_str(),
                        "and"
                            | "that"
                            | "which"
                            | "who"
                            | "as"
                            | "after"
                            | "before"
                            | "on"
                            | "in"
                            | "to"
                            | "by"
                    )
                {
                    break;
                }
                out.push(w.text);
                j += 1;
            }
            return (!out.is_empty()).then(|| out.join(" "));
        }
        k += 1;
    }
    None
}

/// Statements without a statement word: reported blame ("X said Y was behind the attack")
/// and denials by paraphrase ("X has never interfered").
fn paraphrases(
    words: &[Word<'_>],
    at: &[Option<usize>],
    v: &SentenceView<'_>,
    clean: &str,
    earlier: &[Statement],
) -> Vec<Found> {
    let mut out = Vec::new();
    let n = words.len();
    for k in 0..n {
        let w = lw(words, k);
        // "Annan, under fire in Congress over ...": Congress criticizes Annan.
        if w == "under" && lw(words, k + 1) == "fire" && matches!(lw(words, k + 2), "from" | "in") {
            let from = if matches!(lw(words, k + 3), "the" | "a") {
                k + 4
            } else {
                k + 3
            };
            let Some(critic) = at.get(from).copied().flatten().map(|si| &v.spans[si]) else {
                continue;
            };
            let before = if k > 0 && lw(words, k - 1) == "," {
                k.saturating_sub(2)
            } else {
                k.saturating_sub(1)
            };
            let Some(target) = at
                .get(before)
                .copied()
                .flatten()
                .map(|si| &v.spans[si])
                .or_else(|| main_subject(v))
            else {
                continue;
            };
            if target.first == critic.first {
                continue;
            }
            out.push(Found {
                relation: Relation::Criticizes,
                source: critic.statement_source(),
                target: Some(target.statement_source()),
                speaker: critic.speaker(),
                cue: clean[words[k].start..words[k + 1].end].to_string(),
                topic: None,
                negated: false,
                hedged: false,
                explicit: false,
                confidence: 0.55,
                open: false,
                both: false,
            });
        }
        // "<Y> was/were (responsible|to blame) for", "<Y> was behind".
        let blame = (is_in(BE, w) || w == "been")
            && (lw(words, k + 1) == "responsible" && lw(words, k + 2) == "for"
                || lw(words, k + 1) == "to" && lw(words, k + 2) == "blame"
                || lw(words, k + 1) == "behind");
        if blame {
            let Some(ti) = (k > 0).then(|| at[k - 1]).flatten() else {
                continue;
            };
            let target = v.spans[ti].clone();
            let Some(src) = reporter(words, at, v, target.first, k) else {
                continue;
            };
            let (neg, hedge) = modality(words, at, false, k);
            out.push(Found {
                relation: Relation::Accuses,
                source: src.statement_source(),
                target: Some(target.statement_source()),
                speaker: src.speaker(),
                cue: clean[words[k].start..words[(k + 2).min(n - 1)].end].to_string(),
                topic: None,
                negated: neg || lw(words, k + 1) == "not",
                hedged: hedge,
                explicit: false,
                confidence: 0.55,
                open: false,
                both: false,
            });
        }
        // An ultimatum: "X has given Japan six weeks to open its market", "gave Iran until
        // Friday to respond" is X demands Y.
        if matches!(w, "give" | "gives" | "gave" | "given" | "giving") {
            if let Some(ti) = at.get(k + 1).copied().flatten() {
                let t = &v.spans[ti];
                let mut j = t.last + 1;
                let until = lw(words, j) == "until";
                let span_of_time = (j..n.min(j + 4)).any(|m| {
                    matches!(
                        lw(words, m),
                        "days" | "weeks" | "months" | "hours" | "day" | "week" | "month"
                    )
                });
                if until || span_of_time {
                    while j < n && j < t.last + 7 && lw(words, j) != "to" {
                        j += 1;
                    }
                    let Some((src, _)) = (lw(words, j) == "to")
                        .then(|| subject(words, at, v, k, &Memory::default(), &[]))
                        .flatten()
                    else {
                        continue;
                    };
                    let (neg, hedge) = modality(words, at, false, k);
                    for s in src.iter().filter(|s| s.first != t.first) {
                        out.push(Found {
                            relation: Relation::Demands,
                            source: s.statement_source(),
                            target: Some(t.statement_source()),
                            speaker: s.speaker(),
                            cue: clean[words[k].start..words[j].end].to_string(),
                            topic: None,
                            negated: neg,
                            hedged: hedge,
                            explicit: false,
                            confidence: 0.6,
                            open: false,
                            both: false,
                        });
                    }
                }
            }
        }
        // "<X> has never interfered|meddled|been involved".
        if w == "never" && k > 0 {
            let verb = lw(words, k + 1);
            let wrongdoing = matches!(
                verb,
                "interfered"
                    | "meddled"
                    | "interfere"
                    | "meddle"
                    | "intervened"
                    | "supported"
                    | "sponsored"
                    | "financed"
                    | "funded"
                    | "armed"
                    | "attacked"
                    | "violated"
            ) || verb == "been"
                && matches!(lw(words, k + 2), "involved" | "behind");
            if !wrongdoing {
                continue;
            }
            let mut j = k;
            while j > 0
                && matches!(
                    lw(words, j - 1),
                    "has" | "have" | "had" | "did" | "would" | "will"
                )
            {
                j -= 1;
            }
            let Some(si) = (j > 0).then(|| at[j - 1]).flatten() else {
                continue;
            };
            let denier = v.spans[si].clone();
            let target = earlier_claimant(earlier, std::slice::from_ref(&denier));
            out.push(Found {
                relation: Relation::Denies,
                source: denier.statement_source(),
                target: target.map(|t| t.statement_source()),
                speaker: denier.speaker(),
                cue: clean[words[k].start..words[k + 1].end].to_string(),
                topic: None,
                negated: false,
                hedged: false,
                explicit: true,
                confidence: 0.6,
                open: false,
                both: false,
            });
        }
    }
    out
}

/// Whether the object after a cue is the story's two parties: "urged both sides to ...".
fn both_sides_at(words: &[Word<'_>], from: usize) -> bool {
    matches!(
        (lw(words, from), lw(words, from + 1)),
        (
            "both",
            "sides" | "countries" | "parties" | "nations" | "governments" | "capitals"
        ) | ("the", "two")
    ) && (lw(words, from) != "the"
        || matches!(
            lw(words, from + 2),
            "sides" | "countries" | "nations" | "governments" | "parties"
        ))
}

/// Whether the clause ends right after a cue (past adverbs and time words): "Japan protested.",
/// "amid U.S. pressure, ..."; for nouns a complement ("pressure on X", "pressure for") counts.
fn nothing_follows(words: &[Word<'_>], from: usize, noun: bool) -> bool {
    let mut k = from;
    while k < words.len()
        && (is_in(ADVERBS, lw(words, k))
            || lw(words, k).ends_with("ly")
            || lw(words, k) == "on" && is_day(lw(words, k + 1)))
    {
        k += 1;
    }
    match words.get(k) {
        None => true,
        // A noun's addressee comes with a preposition; "demands for veto powers" names none.
        Some(w) if noun => !matches!(
            w.lower.as_str(),
            "to" | "on" | "against" | "of" | "from" | "by" | "with" | "toward" | "towards"
        ),
        Some(w) if w.kind == crate::text::TokenKind::Punct => true,
        Some(w) => matches!(
            w.lower.as_str(),
            "and" | "but" | "while" | "after" | "as" | "because" | "if" | "unless" | "for"
        ),
    }
}

/// Nouns of change whose complement names whose conduct changed ("the shift in U.S. policy").
const CHANGE_NOUNS: &[&str] = &[
    "shift", "change", "changes", "increase", "cut", "cuts", "move", "moves", "turn", "reversal",
];

/// Things named after a state that are markets, not conduct ("the U.S. dollar").
const MARKET_HEADS: &[&str] = &[
    "dollar",
    "dollars",
    "yen",
    "mark",
    "peso",
    "currency",
    "economy",
    "economies",
    "market",
    "markets",
    "interest",
    "prices",
    "growth",
    "stocks",
    "shares",
    "bonds",
    "inflation",
];

/// An actor's measures, which others resist ("fight the U.S. action").
const MEASURE_NOUNS: &[&str] = &[
    "action",
    "actions",
    "ruling",
    "decision",
    "measure",
    "measures",
    "move",
    "plan",
    "plans",
    "proposal",
    "proposals",
    "tariffs",
    "tariff",
    "duties",
    "sanctions",
    "bill",
    "law",
    "policy",
    "restrictions",
    "curbs",
    "ban",
    "quotas",
];

/// Nouns that gather people: "a group of governors" acts as the governors do.
const COLLECTIVE: &[&str] = &[
    "group",
    "number",
    "coalition",
    "bloc",
    "handful",
    "majority",
    "pair",
    "delegation",
];

/// Verbs of judging that introduce a judgement like speech does ("views the plan as illegal").
const JUDGING: &[&str] = &[
    "view",
    "views",
    "viewed",
    "regard",
    "regards",
    "regarded",
    "consider",
    "considers",
    "considered",
    "believe",
    "believes",
    "believed",
    "convinced",
];

/// Reported judgements: "X said Y's tariffs were unfair" (X criticizes Y), "X said the Y action
/// violated the accord" (X accuses Y). The reporter must be named, and the judged actor must
/// stand between the speech verb and the judgement word.
fn judgements(
    lex: &Lexicon,
    lowers: &[&str],
    words: &[Word<'_>],
    at: &[Option<usize>],
    v: &SentenceView<'_>,
    clean: &str,
) -> Vec<Found> {
    let mut out = Vec::new();
    for k in 0..words.len() {
        let Some((len, relation)) = lex.judgement_at(lowers, k) else {
            continue;
        };
        if k > 0 && matches!(lw(words, k - 1), "not" | "n't" | "never" | "no") {
            continue;
        }
        // "X said (that) ... Y ... <judgement>", "X views Y's plan as violating ...": the
        // nearest verb of saying or judging before the judgement.
        let before = (0..k)
            .rev()
            .take(20)
            .find(|&j| is_in(SPEECH, lw(words, j)) || is_in(JUDGING, lw(words, j)));
        // A quotation that opens the sentence, its speaker after it:
        // "\"The American approach is full of contradictions,\" Edwards said."
        let quoted = before.is_none()
            && words
                .first()
                .is_some_and(|w| w.kind == crate::text::TokenKind::Quote)
            && !(1..k).any(|j| words[j].kind == crate::text::TokenKind::Quote);
        // `speech` is the token before the reported clause.
        let Some(speech) = before.or(quoted.then_some(0)) else {
            continue;
        };
        if (speech..k).any(|j| {
            matches!(
                lw(words, j),
                "no" | "not" | "n't" | "never" | "denied" | "denies"
            )
        }) || (0..speech)
            .any(|j| matches!(lw(words, j), "denied" | "denies" | "not" | "n't" | "never"))
        {
            // "said no member was violating", "denied it had violated": not a judgement.
            continue;
        }
        let Some(src) = reporter(words, at, v, speech + 1, k) else {
            continue;
        };
        // The judged actor heads the clause the judgement closes: "Y('s action) was a
        // violation", within a few words, no comma or new clause between.
        // Else the subject of the reported clause, when the judgement ends a coordinated
        // predicate ("said Iranians used the rigs for war and had fired on ...").
        let clause_subject = || {
            let first = if lw(words, speech + 1) == "that" {
                speech + 2
            } else {
                speech + 1
            };
            at.get(first)
                .copied()
                .flatten()
                .filter(|_| k - first <= 16)
                .filter(|_| (first..k).any(|j| lw(words, j) == "and"))
                .filter(|_| lw(words, k).ends_with("ed") || is_in(AUX, lw(words, k - 1)))
        };
        let judged = (speech + 1..k)
            .rev()
            .take(6)
            .find_map(|j| at[j])
            .or_else(clause_subject)
            .map(|si| &v.spans[si]);
        let Some(tgt) = judged else { continue };
        let between = tgt.last + 1..k;
        if between.clone().any(|j| {
            matches!(lw(words, j), "," | "that" | "if" | "which" | "who" | ";")
                || is_in(SPEECH, lw(words, j))
        }) || in_pp(words, tgt.first)
        {
            continue;
        }
        if rollup(&tgt.statement_source()) == rollup(&src.statement_source()) {
            continue;
        }
        // "Baker may look responsible": a possibility, not a charge.
        let hedged = between.clone().any(|j| {
            matches!(
                lw(words, j),
                "may" | "might" | "could" | "seem" | "seems" | "look" | "looks"
            )
        });
        out.push(Found {
            relation,
            source: src.statement_source(),
            target: Some(tgt.statement_source()),
            speaker: src.speaker(),
            cue: clean[words[k].start..words[k + len - 1].end].to_string(),
            topic: None,
            negated: false,
            hedged,
            explicit: false,
            confidence: 0.5,
            open: false,
            both: false,
        });
    }
    out
}

/// The speaker of a reported clause starting at `clause_start`: "X said (that) ...".
fn reporter(
    words: &[Word<'_>],
    at: &[Option<usize>],
    v: &SentenceView<'_>,
    clause_start: usize,
    pred: usize,
) -> Option<ActorSpan> {
    let mut k = clause_start;
    if k > 0 && lw(words, k - 1) == "that" {
        k -= 1;
    }
    // "X said (on Monday) (that) Y was ..."
    let mut j = k;
    while j > 0 && k - j < 5 {
        j -= 1;
        if is_in(SPEECH, lw(words, j)) || is_in(JUDGING, lw(words, j)) {
            // "Officials agreed that ... and said they": a coordinated speech verb shares the
            // sentence's subject.
            if j > 0 && lw(words, j - 1) == "and" {
                if let Some(s) = main_subject(v) {
                    return Some(s.clone()).filter(|s| !s.modifier);
                }
            }
            let mut m = j;
            while m > 0 && j - m < 5 {
                m -= 1;
                if let Some(si) = at[m] {
                    return Some(v.spans[si].clone()).filter(|s| !s.modifier);
                }
            }
            return None;
        }
    }
    // "Y was behind the attack, X said."
    let mut j = pred;
    while j + 1 < words.len() {
        j += 1;
        if lw(words, j) == "," && j + 2 < words.len() {
            // ",\" X said": past the closing quote.
            let j = if words[j + 1].kind == crate::text::TokenKind::Quote {
                j + 1
            } else {
                j
            };
            if let Some(si) = at.get(j + 1).copied().flatten() {
                let s = &v.spans[si];
                if is_in(SPEECH, lw(words, s.last + 1)) {
                    return Some(s.clone());
                }
                // "Jardine Fleming's Edwards said", "Nikko analyst Robert Brusca said": the
                // speaker is the last name before the verb, the first one his employer.
                let mut m = s.last + 1;
                while m < words.len() && m <= s.last + 3 && at[m].is_none() && words[m].is_word() {
                    m += 1;
                }
                if let Some(t) = at.get(m).copied().flatten().map(|ti| &v.spans[ti]) {
                    if is_in(SPEECH, lw(words, t.last + 1)) {
                        return Some(t.clone());
                    }
                }
            }
            if is_in(SPEECH, lw(words, j + 1)) {
                if let Some(si) = at.get(j + 2).copied().flatten() {
                    return Some(v.spans[si].clone());
                }
            }
        }
    }
    None
}
