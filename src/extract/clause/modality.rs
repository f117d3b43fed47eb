//! Negation, hedging and plausibility: whether a cue is negated, modal, hypothetical or
//! passive, and whether its word is used in the statement sense at all.

use super::words::{is_in, lw, ADVERBS, AUX, BE, CONDUCT_NOUNS, DETERMINERS, MODALS, NEGATIONS};
use crate::actors::mentions::{ActorSpan, Word};
use crate::extract::lexicon::{CueForm, CueMatch};
use crate::model::ActorKind;

/// Verbs that ask someone else to act: "urged X to impose" is no act of X's.
const ASKING: &[&str] = &[
    "requesting",
    "requested",
    "request",
    "requests",
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

pub(super) const NEG_CONTROL: &[&str] = &[
    "refused", "refuses", "refuse", "declined", "declines", "decline", "failed", "fails", "fail",
    "stopped", "avoided", "avoids",
];

pub(super) const HEDGE_CONTROL: &[&str] = &[
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

pub(super) const NEUTRAL_CONTROL: &[&str] = &[
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

const HEDGE_MARKERS: &[&str] = &["if", "unless", "whether", "should"];

/// Negation and modality in the verb group before a cue ("did not", "refused to", "may").
pub(crate) fn modality(
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
            // "resolutions urging the government oppose Mexico's ruling": the verb is
            // what is asked of the actor (a bare infinitive), not what it did.
            let mut j = k;
            while j > 0 && at[j - 1].is_some() {
                j -= 1;
            }
            while j > 0 && matches!(lw(words, j - 1), "the" | "a" | "an") {
                j -= 1;
            }
            if j > 0
                && k + 1 == first
                && is_in(ASKING, lw(words, j - 1))
                && lw(words, j - 1) != "on"
            {
                hedge = true;
            }
            break;
        }
        if k + 1 == first
            && matches!(
                lw(words, k),
                "administration" | "government" | "authorities"
            )
            && k > 0
            && at[k - 1].is_some()
        {
            // ("urging the Canadian government oppose ...": the same, past the head noun.)
            let mut j = k - 1;
            while j > 0 && at[j - 1].is_some() {
                j -= 1;
            }
            while j > 0 && matches!(lw(words, j - 1), "the" | "a" | "an") {
                j -= 1;
            }
            if j > 0 && is_in(ASKING, lw(words, j - 1)) && lw(words, j - 1) != "on" {
                hedge = true;
            }
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
            // ("requesting the Canadian government to retaliate": past the head noun.)
            let head_noun = k >= 2
                && matches!(
                    lw(words, k - 1),
                    "administration" | "government" | "authorities"
                )
                && at[k - 2].is_some();
            let before = if head_noun { k - 1 } else { k };
            if future_ok && at.get(before.wrapping_sub(1)).copied().flatten().is_some() {
                let mut j = before - 1;
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

/// Whether a past form is a passive: after a form of "be" (adverbs between), or followed by "by".
pub(crate) fn is_passive(words: &[Word<'_>], first: usize, last: usize) -> bool {
    // ("denied an application by X": a phrase ending in a noun names the claim's author.)
    if lw(words, last + 1) == "by" && (first == last || !is_in(DETERMINERS, lw(words, first + 1))) {
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

/// "if", "unless", "whether" earlier in the same clause make a cue hypothetical.
pub(super) fn hypothetical_clause(words: &[Word<'_>], first: usize) -> bool {
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
pub(super) fn headline_hedge(words: &[Word<'_>], first: usize) -> bool {
    let prev = if first > 0 { lw(words, first - 1) } else { "" };
    is_in(MODALS, prev) || prev == "to"
}

/// Whether a base-form verb stands where a finite verb can: after a modal, "to", a plural subject.
pub(super) fn after_modal_or_subject(
    words: &[Word<'_>],
    at: &[Option<usize>],
    first: usize,
) -> bool {
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

/// "vowed to fight the U.S. action": the vow is the resistance itself, not a plan.
pub(super) fn vowed_fight(words: &[Word<'_>], c: &CueMatch<'_>) -> bool {
    c.pattern.lemma == "fight"
        && (c.first.saturating_sub(8)..c.first).any(|j| {
            matches!(
                lw(words, j),
                "vowed" | "vows" | "vow" | "pledged" | "pledges"
            )
        })
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

/// Things said to threaten in the sense of risking harm.
const RISKY_THINGS: &[&str] = &[
    "directive",
    "move",
    "moves",
    "plan",
    "plans",
    "decision",
    "bill",
    "law",
    "tax",
    "dispute",
    "row",
    "crisis",
    "war",
    "conflict",
    "violence",
    "policy",
    "policies",
    "measure",
    "measures",
    "tariffs",
    "sanctions",
    "proposal",
    "regulation",
    "regulations",
    "deficit",
    "surplus",
    "strike",
    "fighting",
    "situation",
    "shortage",
    "drought",
    "floods",
    "rise",
    "fall",
    "slump",
];

/// What one side offers the other, which accepting backs.
const OFFER_NOUNS: &[&str] = &[
    "proposal",
    "proposals",
    "plan",
    "plans",
    "offer",
    "offers",
    "terms",
    "compromise",
    "initiative",
    "formula",
    "package",
    "suggestion",
    "suggestions",
];

/// Rejects cue words used in another sense: nouns read as verbs and vice versa.
pub(super) fn plausible(
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
    if p.lemma == "charge"
        && c.first > 0
        && matches!(
            lw(words, c.first - 1),
            "prices"
                | "price"
                | "fees"
                | "fee"
                | "rates"
                | "rate"
                | "interest"
                | "amounts"
                | "premiums"
                | "commissions"
                | "tariffs"
                | "levies"
        )
    {
        // "prices charged by Spanish producers": a price asked, not a charge made.
        return false;
    }
    if p.lemma == "threaten" && c.first > 0 {
        // "the Mexican regulation, due in May, threatens to cut Canadian exports", "the row
        // threatens to derail talks": a thing that risks harm makes no threat.
        let mut k = c.first - 1;
        while k > 0 && is_in(ADVERBS, lw(words, k)) {
            k -= 1;
        }
        if lw(words, k) == "," {
            if let Some(open) = (k.saturating_sub(14)..k)
                .rev()
                .find(|&j| lw(words, j) == ",")
            {
                k = open.saturating_sub(1);
            }
        }
        if at[k].is_none() && is_in(RISKY_THINGS, lw(words, k)) {
            return false;
        }
    }
    if p.lemma == "welcome" {
        // "Sanchez welcomes French President Macron (to Madrid)": a host greeting a visitor,
        // not backing him ("welcomed Macron's decision" names what is backed).
        let visitor = at
            .get(c.last + 1)
            .copied()
            .flatten()
            .map(|si| &spans[si])
            .is_some_and(|s| {
                !s.possessive
                    && !s.modifier
                    && (s.actor.kind == ActorKind::Person || s.title.is_some())
                    && !words
                        .get(s.last + 1)
                        .is_some_and(|w| w.text == "'s" || w.lower == "as")
            });
        if visitor {
            return false;
        }
    }
    if p.lemma == "accept" || p.lemma == "agree to" {
        // "accepted Peru's proposals", "accepted the plan": an offer made, not a resignation
        // or refugees.
        return (c.last + 1..(c.last + 5).min(words.len()))
            .take_while(|&k| !matches!(lw(words, k), "," | "." | ";" | "and" | "that"))
            .any(|k| is_in(OFFER_NOUNS, lw(words, k)));
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
                "imported"
                    | "imports"
                    | "exports"
                    | "goods"
                    | "products"
                    | "funds"
                    | "natural"
                    | "gas"
                    | "crude"
                    | "petroleum"
                    | "gasoline"
                    | "electricity"
                    | "coal"
                    | "copper"
                    | "cars"
                    | "computers"
                    | "chips"
                    | "beef"
                    | "food"
                    | "housing"
                    | "labour"
                    | "labor"
                    | "capital"
                    | "loans"
                    | "dollars"
                    | "yen"
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
    // "After Nairobi Blast", "Hotel Blast Kills 5": an explosion (a place or a bomb before
    // the bare word), unless it is aimed "at" someone.
    if p.lemma == "blast" && p.form == CueForm::Base && next != "at" && !next_actor {
        let place_before = c.first > 0
            && at[c.first - 1].is_some_and(|si| spans[si].actor.kind != ActorKind::Person);
        if place_before
            || matches!(
                prev,
                "after"
                    | "in"
                    | "the"
                    | "a"
                    | "bomb"
                    | "car"
                    | "suicide"
                    | "huge"
                    | "massive"
                    | "gas"
                    | "mine"
                    | "truck"
                    | "powerful"
            )
        {
            return false;
        }
    }
    // "charged at the meeting that ...": a time or place phrase may stand before the claim.
    let charge_that = p.lemma == "charge"
        && (c.last + 1..(c.last + 9).min(words.len()))
            .map(|k| lw(words, k))
            .take_while(|w| !matches!(*w, "," | "." | ";" | "with" | "of" | "for" | "and"))
            .any(|w| w == "that");
    // "welcomed the change in Chilean policy": what is welcomed may be an actor's act.
    let welcomed_act = p.lemma == "welcome"
        && DETERMINERS.contains(&next)
        && (c.last + 2..(c.last + 7).min(words.len()))
            .take_while(|&k| {
                words[k].is_word() && !matches!(lw(words, k), "that" | "and" | "but" | "as")
            })
            .any(|k| at[k].is_some());
    // "backed the actions of the Greek farmers": an actor's conduct stands for the actor.
    let conduct_of = DETERMINERS.contains(&next)
        && is_in(CONDUCT_NOUNS, lw(words, c.last + 2))
        && lw(words, c.last + 3) == "of"
        && (c.last + 4..(c.last + 6).min(words.len())).any(|k| at[k].is_some());
    if weak && !next_actor && next != "by" && !charge_that && !welcomed_act && !conduct_of {
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
