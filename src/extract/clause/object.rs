//! Objects: whom a verb cue's statement is about — the object, the claimant a rebuttal
//! answers, and what the statement is about.

use super::subject::{coordinated_right, in_pp};
use super::words::{
    is_in, lw, ADVERBS, AUX, CONDUCT_NOUNS, DETERMINERS, OTHERS_HEADS, PREPOSITIONS, SPEECH,
};
use crate::actors::mentions::{is_state_people_noun, ActorSpan, Memory, Via, Word, PRIVATE_HEADS};
use crate::extract::lexicon::{CueForm, CueMatch, Lexicon, Slot};
use crate::extract::SentenceView;
use crate::model::{Actor, ActorKind, Relation, Statement};

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
    "version",
    "account",
];

/// Private people named by a demonym: a threat to "a Kenyan engineer" is not one to
/// Kenya (a measure against "Japanese banks" or "European exports" still aims at the state).
const PRIVATE_PEOPLE: &[&str] = &[
    "man",
    "woman",
    "men",
    "women",
    "boy",
    "girl",
    "child",
    "children",
    "hostage",
    "hostages",
    "citizen",
    "citizens",
    "national",
    "nationals",
    "tourist",
    "tourists",
    "journalist",
    "journalists",
    "reporter",
    "reporters",
    "worker",
    "workers",
    "student",
    "students",
    "engineer",
    "engineers",
    "photographer",
    "photographers",
    "contractor",
    "contractors",
    "truck",
    "driver",
    "drivers",
    "businessman",
    "businessmen",
    "civilian",
    "civilians",
];

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

/// The object of an active verb cue, and for rebuttals the claimant.
#[allow(clippy::too_many_arguments)]
pub(super) fn object(
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
    // "accused each other", "accused one another", "laid the blame on each other".
    let each_the_other = (lw(words, k), lw(words, k + 1)) == ("the", "other")
        && (c.first.saturating_sub(4)..c.first).any(|j| lw(words, j) == "each");
    if matches!(
        (lw(words, k), lw(words, k + 1)),
        ("each", "other") | ("one", "another")
    ) || each_the_other
    {
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
                    if PRIVATE_HEADS.contains(&lw(words, head))
                        || is_in(OTHERS_HEADS, lw(words, head))
                    {
                        break;
                    }
                    targets.push(s.clone());
                    np_head = Some(head);
                    break;
                }
                break;
            }
            // "called on U.S. allies", "urged Iran's neighbours": others, named by their
            // relation to the actor.
            let head = if s.possessive { s.last + 2 } else { s.last + 1 };
            // (Also "a U.S. firm's offer": a private party named by its state.)
            if is_in(OTHERS_HEADS, lw(words, head))
                || !s.possessive && PRIVATE_HEADS.contains(&lw(words, head))
            {
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
            || w == "on" && crate::text::is_weekday(lw(words, k + 1))
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
                // ("rejected suggestions the Ugandan shilling is undervalued": a determiner after
                // the head opens the claim's own clause, whose actors own nothing here.)
                && !matches!(lw(words, j), "that" | "and" | "as" | "the" | "a" | "an")
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
                // "called on opposition leader Raila Odinga": a description before a
                // person's name is an apposition; the person is the object.
                let described_person = s.actor.kind == crate::model::ActorKind::Person
                    && !s.modifier
                    && !s.possessive
                    && (k..j).all(|m| words[m].is_word() && !is_in(DETERMINERS, lw(words, m)));
                if described_person {
                    targets.push(s.clone());
                } else if (s.modifier || s.possessive || attributive)
                    && !words[s.first].text.contains('-')
                    && !PRIVATE_HEADS.contains(&lw(words, head))
                {
                    targets.push(s.clone());
                    np_head = Some(head);
                }
            } else if lw(words, j) == "of" && is_in(CONDUCT_NOUNS, lw(words, j - 1)) {
                // "condemned the actions of Israel", "backed the position of Uganda":
                // judging an actor's conduct is judging the actor.
                let a = if lw(words, j + 1) == "the" {
                    j + 2
                } else {
                    j + 1
                };
                if let Some(si) = at.get(a).copied().flatten() {
                    let s = &v.spans[si];
                    if !s.modifier {
                        targets = coordinated_right(words, at, v, si);
                    }
                }
            } else if matches!(p.relation, Relation::Supports | Relation::Praises)
                && matches!(lw(words, j), "in" | "of")
                && CHANGE_NOUNS.contains(&lw(words, j - 1))
            {
                // "welcomed the change in Chilean policy": approving a change in an actor's conduct.
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
                    // ("a report of CIA bases", "allegations of fraud": what the claim is about.)
                    || w == "of"
                        && claim
                        && p.slot == Slot::Claimant
                        && !matches!(
                            lw(words, h),
                            "report" | "reports" | "allegation" | "allegations" | "accusation"
                                | "accusations" | "charge" | "charges" | "claim" | "claims"
                                | "rumours" | "rumors"
                        )
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
    // "Syria, which Israel has accused of arming militants": an object relative clause's
    // antecedent is the object.
    if targets.is_empty() && !matches!(lw(words, c.last + 1), "that" | "to") {
        if let Some(s0) = sources
            .iter()
            .map(|s| s.first)
            .min()
            .filter(|&f| f >= 2 && f != usize::MAX)
        {
            if matches!(lw(words, s0 - 1), "which" | "whom") {
                let ante = if lw(words, s0 - 2) == "," {
                    s0.checked_sub(3)
                } else {
                    Some(s0 - 2)
                };
                if let Some(a) = ante.and_then(|a| at.get(a).copied().flatten()) {
                    let s = &v.spans[a];
                    if !s.modifier {
                        targets.push(s.clone());
                    }
                }
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
        // "warned that Y's plan would ...", "warned it would answer any Chilean move".
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
                // ("Australia's strong dollar": past the possessive and an adjective.)
                let market = is_in(MARKET_HEADS, lw(words, s.last + 1))
                    || s.possessive
                        && (s.last + 2..(s.last + 4).min(n))
                            .any(|m| is_in(MARKET_HEADS, lw(words, m)));
                // "warned that Chile would reject Peru's reforms": the speaker's own side
                // heads its next step; the warning is about the other actor named.
                // (A rival of the same state stays: "Reyes warned that Harlow's plan would ...".)
                let own = s.actor.kind == ActorKind::Country
                    && sources.iter().any(|src| {
                        super::rollup(&src.statement_source())
                            == super::rollup(&s.statement_source())
                    });
                if own && p.relation == Relation::Warns {
                    j = s.last + 1;
                    continue;
                }
                // "insisted that the government would not ...": an assertion about the
                // actor, not a demand on it ("insisted that Peru open its market" is one).
                let asserted = matches!(p.relation, Relation::Demands | Relation::Urges)
                    && matches!(
                        lw(words, s.last + 1),
                        "would" | "will" | "was" | "is" | "had" | "has" | "were" | "are"
                    );
                if asserted {
                    break;
                }
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
                // "tariffs on Japanese electronics" aims at Japan too, but "to kill a
                // Kenyan engineer" aims at a private person, not Kenya.
                let s = &v.spans[si];
                if !(s.modifier && is_in(PRIVATE_PEOPLE, lw(words, s.last + 1))) {
                    targets = coordinated_right(words, at, v, si);
                }
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
                    // "threatening to break a truce arranged by X": X made the thing
                    // threatened, X is not threatened.
                    | "by"
            ) {
                break;
            }
            j += 1;
        }
    }
    if targets.is_empty() && p.relation == Relation::Warns {
        // "warned of retaliation if Lima's reforms falter": the actor whose conduct the
        // condition names is the one warned.
        if let Some(cond) = (c.last + 1..n.min(c.last + 12))
            .take_while(|&j| !matches!(lw(words, j), "." | ";" | "but"))
            .find(|&j| matches!(lw(words, j), "if" | "unless"))
        {
            let first = if lw(words, cond + 1) == "the" {
                cond + 2
            } else {
                cond + 1
            };
            if let Some(si) = at.get(first).copied().flatten() {
                let s = &v.spans[si];
                let own = sources.iter().any(|src| {
                    super::rollup(&src.statement_source()) == super::rollup(&s.statement_source())
                });
                if !own && !is_in(MARKET_HEADS, lw(words, s.last + 1)) {
                    targets.push(s.clone());
                }
            }
        }
    }
    if targets.is_empty()
        && matches!(lw(words, c.last + 1), "over" | "against" | "at")
        && matches!(
            p.relation,
            Relation::Condemns | Relation::Criticizes | Relation::Rejects | Relation::Warns
        )
    {
        // "Chile protested over Peru's decision", "warned against Mexican protectionism":
        // the actor whose act the statement is about.
        let from = c.last + 2;
        if let Some((j, s)) =
            (from..n.min(from + 3)).find_map(|j| at[j].map(|si| (j, &v.spans[si])))
        {
            let direct = (from..j).all(|m| {
                matches!(lw(words, m), "the" | "a" | "an" | "this" | "its" | "their")
                    || words[m].is_word() && !words[m].is_cap() && m + 1 == j
            });
            let own = sources.iter().any(|src| {
                super::rollup(&src.statement_source()) == super::rollup(&s.statement_source())
            });
            if direct && !own && !PRIVATE_HEADS.contains(&lw(words, s.last + 1)) {
                targets.push(s.clone());
            }
        }
    }
    // ("will retaliate properly for ...": past an adverb.)
    let mut for_at = c.last + 1;
    while for_at < n && for_at < c.last + 3 && lw(words, for_at).ends_with("ly") {
        for_at += 1;
    }
    if targets.is_empty()
        && p.relation == Relation::Threatens
        && lw(words, for_at) == "for"
        && (lw(words, c.last).starts_with("retaliat") || lw(words, c.last).starts_with("reprisal"))
    {
        // "would retaliate for U.S. Navy attacks", "retaliate for Iran's attack": whoever did
        // what is avenged.
        let end = n.min(for_at + 6);
        let mut j = for_at + 1;
        while j < end && !matches!(lw(words, j), "," | "." | ";" | "if" | "but") {
            if let Some(si) = at[j] {
                let s = &v.spans[si];
                // (An actor deeper in the phrase, "for attacks on Iraqi ships", is the victim.)
                let direct = (for_at + 1..s.first).all(|m| {
                    matches!(lw(words, m), "the" | "a" | "an" | "this" | "that")
                        || words[m].is_word() && !words[m].is_cap() && m + 1 == s.first
                });
                if direct {
                    targets.push(s.clone());
                }
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
                // (Not the agent of a participle: "a truce brokered by Peru".)
                let agent = s.first > 0 && lw(words, s.first - 1) == "by";
                let private = s.modifier && is_in(PRIVATE_PEOPLE, lw(words, s.last + 1));
                !agent
                    && !private
                    && s.actor.kind == ActorKind::Country
                    && !mine.contains(&rollup(&s.statement_source()))
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
            // (A denial answers a charge: an earlier warning or appeal is not what is denied.)
            let charges: Vec<Statement>;
            let pool = if p.relation == Relation::Denies {
                charges = earlier
                    .iter()
                    .filter(|st| {
                        matches!(
                            st.relation,
                            Relation::Accuses | Relation::Criticizes | Relation::Condemns
                        )
                    })
                    .cloned()
                    .collect();
                &charges[..]
            } else {
                earlier
            };
            if let Some(t) = earlier_claimant(pool, sources) {
                targets.push(t);
            }
        }
    }
    if targets.is_empty() && p.relation == Relation::Denies {
        // "Peru denied that its boats had entered Chilean waters": a denial answers the
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

/// An actor introduced later in the sentence as the author of something: "a report by X".
fn later_agent(
    words: &[Word<'_>],
    at: &[Option<usize>],
    v: &SentenceView<'_>,
    from: usize,
) -> Vec<ActorSpan> {
    for j in from..words.len() {
        // ("denied reports that X sought cover from attacks by Iran": past "that", the
        // claim's content, not its author.)
        if matches!(lw(words, j), "that" | "which" | "who" | "whether") {
            break;
        }
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
            // ("calls from within his cabinet ... land claimed by Palestinians": only the
            // first agent phrase can name the claim's author.)
            return Vec::new();
        }
        if let Some(si) = at[j] {
            // "..., Japan's demands": an owner of a claim, not of anything ("to cut South
            // Korea's trade surplus" names no claimant).
            let s = &v.spans[si];
            let claim = (s.last + 2..(s.last + 4).min(words.len()))
                .any(|m| is_in(CLAIM_NOUNS, lw(words, m)));
            if s.possessive && j > from && claim {
                return vec![s.clone()];
            }
        }
    }
    Vec::new()
}

/// A span standing for an actor found outside the sentence's own spans.
pub(super) fn pseudo_span(actor: Actor) -> ActorSpan {
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

/// The most recent accuser of the rebutting actor earlier in the article.
pub(super) fn earlier_claimant(earlier: &[Statement], sources: &[ActorSpan]) -> Option<ActorSpan> {
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

/// Whether the object after a cue is the story's two parties: "urged both sides to ...".
pub(super) fn both_sides_at(words: &[Word<'_>], from: usize) -> bool {
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
pub(super) fn nothing_follows(words: &[Word<'_>], from: usize, noun: bool) -> bool {
    let mut k = from;
    while k < words.len()
        && (is_in(ADVERBS, lw(words, k))
            || lw(words, k).ends_with("ly")
            || lw(words, k) == "on" && crate::text::is_weekday(lw(words, k + 1)))
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
