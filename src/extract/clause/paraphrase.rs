//! Statements without a statement word: reported blame, ultimatums, denials by paraphrase
//! and reported judgements ("X said Y's tariffs were unfair").

use super::modality::modality;
use super::object::earlier_claimant;
use super::subject::{coordinated_left, in_pp, main_subject, reporter, subject};
use super::words::{is_in, lw, AUX, BE, PREPOSITIONS, SPEECH};
use super::{rollup, Found};
use crate::actors::mentions::{ActorSpan, Memory, Word};
use crate::extract::lexicon::Lexicon;
use crate::extract::SentenceView;
use crate::model::{Relation, Statement};

/// "said Japan must open its market", "\"The Japanese should cut output,\" Edwards said": the
/// subject of a reported clause with "must" is demanded of, with "should" urged. The actor
/// must head the clause (right after the speech verb, "that" or the opening quote) and come
/// right before the modal; "must have" (a guess) gives nothing.
fn reported_obligation(
    words: &[Word<'_>],
    at: &[Option<usize>],
    v: &SentenceView<'_>,
    clean: &str,
    k: usize,
) -> Option<Found> {
    let relation = match lw(words, k) {
        "must" => Relation::Demands,
        "should" => Relation::Urges,
        _ => return None,
    };
    // ("must be worried", "should be described": a guess or a passive, not an obligation;
    // "must be prepared to" is one.)
    let be_guess = lw(words, k + 1) == "be"
        && !matches!(
            lw(words, k + 2),
            "prepared" | "ready" | "willing" | "more" | "careful" | "flexible"
        );
    if be_guess || matches!(lw(words, k + 1), "have" | "not" | "n't") || k == 0 {
        return None;
    }
    let ti = at[k - 1]?;
    let t = &v.spans[ti];
    // (Right before the modal a demonym is the people: "The Japanese must ...".)
    if t.possessive {
        return None;
    }
    let mut head = t.first;
    if head > 0 && matches!(lw(words, head - 1), "the") {
        head -= 1;
    }
    let opener = head.checked_sub(1).map(|j| lw(words, j));
    let quoted = head == 1 && words[0].kind == crate::text::TokenKind::Quote;
    let reported = quoted || opener.is_some_and(|o| o == "that" || is_in(SPEECH, o));
    if !reported {
        return None;
    }
    let src = reporter(words, at, v, head, k)?;
    if rollup(&src.statement_source()) == rollup(&t.statement_source()) {
        return None;
    }
    // An analyst's "must" is advice: only one who speaks for a state or a body insists.
    let a = src.statement_source();
    let private = a.kind == crate::model::ActorKind::Person && a.country.is_none() && !src.official;
    let relation = if private && relation == Relation::Demands {
        Relation::Urges
    } else {
        relation
    };
    let mut found = Found::reported(
        relation,
        &src,
        Some(t.statement_source()),
        clean[words[k].start..words[k].end].to_string(),
        false,
        0.45,
    );
    // "said that if Chile must ...", "asked whether Japan should ...": no obligation stated.
    found.hedged =
        (head.saturating_sub(4)..head).any(|j| matches!(lw(words, j), "if" | "whether" | "unless"));
    Some(found)
}

/// A reported statement from `src` to `target`, unless both are one side (a state does not
/// urge or back itself through these paraphrases).
fn between(
    relation: Relation,
    src: &ActorSpan,
    target: &ActorSpan,
    cue: String,
    confidence: f32,
) -> Option<Found> {
    (rollup(&src.statement_source()) != rollup(&target.statement_source())).then(|| {
        Found::reported(
            relation,
            src,
            Some(target.statement_source()),
            cue,
            false,
            confidence,
        )
    })
}

/// "\"There are steps Peru could take,\" he said": naming the steps an actor could
/// take urges it to take them.
fn suggested_steps(
    words: &[Word<'_>],
    at: &[Option<usize>],
    v: &SentenceView<'_>,
    clean: &str,
    k: usize,
) -> Option<Found> {
    if k < 2
        || !matches!(lw(words, k), "could" | "can" | "should" | "might")
        || !matches!(lw(words, k + 1), "take" | "do" | "adopt" | "make")
    {
        return None;
    }
    let t = &v.spans[at[k - 1]?];
    if t.possessive || t.modifier || t.first == 0 {
        return None;
    }
    let steps = lw(words, t.first - 1);
    if !matches!(
        steps,
        "measures" | "steps" | "things" | "actions" | "more" | "much"
    ) {
        return None;
    }
    let src = reporter(words, at, v, t.first, k)?;
    let cue = clean[words[t.first - 1].start..words[k + 1].end].to_string();
    between(Relation::Urges, &src, t, cue, 0.4)
}

/// "said greater flexibility from Lima was needed for a deal": asking for more
/// flexibility from an actor urges it to move.
fn flexibility_from(
    words: &[Word<'_>],
    at: &[Option<usize>],
    v: &SentenceView<'_>,
    clean: &str,
    k: usize,
) -> Option<Found> {
    if !lw(words, k).starts_with("flexib") || k == 0 {
        return None;
    }
    let more = (k.saturating_sub(2)..k).find(|&j| matches!(lw(words, j), "more" | "greater"))?;
    let from =
        (k + 1..(k + 4).min(words.len())).find(|&j| matches!(lw(words, j), "from" | "by"))?;
    let a = if lw(words, from + 1) == "the" {
        from + 2
    } else {
        from + 1
    };
    let t = &v.spans[at.get(a).copied().flatten()?];
    if t.modifier {
        return None;
    }
    let start = if more > 0 && matches!(lw(words, more - 1), "a" | "an" | "the") {
        more - 1
    } else {
        more
    };
    let src = reporter(words, at, v, start, k)?;
    let cue = clean[words[more].start..words[a].end].to_string();
    between(Relation::Urges, &src, t, cue, 0.4)
}

/// "Tanzanian reaction to the proposal was warm": a favourable reaction to an
/// actor's proposal backs it.
fn favourable_reaction(
    words: &[Word<'_>],
    at: &[Option<usize>],
    v: &SentenceView<'_>,
    clean: &str,
    k: usize,
) -> Option<Found> {
    if !matches!(lw(words, k), "reaction" | "response") || lw(words, k + 1) != "to" {
        return None;
    }
    // Whose reaction: an actor right before the noun ("U.S. reaction", "Japan's response").
    let src = (k.saturating_sub(2)..k)
        .rev()
        .find_map(|j| at[j])
        .map(|si| &v.spans[si])
        .filter(|s| s.modifier || s.possessive || s.last + 1 == k)?;
    // To whom: the first actor (or owned thing) of the complement.
    let n = words.len();
    let (ti, t) = (k + 2..n.min(k + 6))
        .take_while(|&j| !matches!(lw(words, j), "," | "." | ";"))
        .find_map(|j| at[j].map(|si| (j, &v.spans[si])))?;
    // The verdict: "has been / was / is positive".
    let verdict = (ti + 1..n.min(ti + 8))
        .take_while(|&j| !matches!(lw(words, j), "," | "." | ";" | "but"))
        .find(|&j| {
            matches!(
                lw(words, j),
                "positive" | "favourable" | "favorable" | "warm" | "encouraging" | "enthusiastic"
            ) && is_in(BE, lw(words, j - 1))
        })?;
    let cue = clean[words[k].start..words[verdict].end].to_string();
    between(Relation::Supports, src, t, cue, 0.45)
}

/// "would do whatever is necessary to defend its waters against Peruvian boats", "will meet
/// any attack by Peru with force": a readiness to
/// answer force warns the one other state the sentence names (the guideline's "would respond
/// firmly").
fn deterrence(
    words: &[Word<'_>],
    at: &[Option<usize>],
    v: &SentenceView<'_>,
    clean: &str,
    k: usize,
) -> Option<Found> {
    let n = words.len();
    let phrase_end = match (lw(words, k), lw(words, k + 1), lw(words, k + 2)) {
        ("do", "whatever", _) | ("do", "what", _) | ("do", "everything", "necessary") => k + 2,
        ("meet", "any", _)
            if (k + 2..n.min(k + 14))
                .any(|j| lw(words, j).starts_with("countermeasure") || lw(words, j) == "force") =>
        {
            k + 1
        }
        ("pull", "out", "all") => k + 2,
        _ => return None,
    };
    // ("do what's necessary", "do whatever is necessary": the necessity must be named.)
    if lw(words, k) == "do"
        && !(k + 1..n.min(k + 6))
            .any(|j| matches!(lw(words, j), "necessary" | "needed" | "required"))
    {
        return None;
    }
    // The speaker: "the United States would ...", or "we ...," X said.
    let mut j = k;
    while j > 0
        && k - j < 5
        && (is_in(AUX, lw(words, j - 1))
            || matches!(
                lw(words, j - 1),
                "prepared"
                    | "ready"
                    | "determined"
                    | "to"
                    | "fully"
                    | "be"
                    | "will"
                    | "would"
                    | "\""
                    | "is"
                    | "are"
            ))
    {
        j -= 1;
    }
    let src = if j > 0 && matches!(lw(words, j - 1), "we" | "it" | "they") {
        reporter(words, at, v, j, phrase_end)?
    } else {
        v.spans[at.get(j.checked_sub(1)?).copied().flatten()?].clone()
    };
    if src.modifier {
        return None;
    }
    // The one other state the sentence names.
    let own = rollup(&src.statement_source());
    let mut others: Vec<&ActorSpan> = v
        .spans
        .iter()
        .filter(|s| {
            s.actor.kind == crate::model::ActorKind::Country && rollup(&s.statement_source()) != own
        })
        .collect();
    others.dedup_by(|a, b| a.actor.id == b.actor.id);
    let [target] = others.as_slice() else {
        return None;
    };
    Some(Found::reported(
        Relation::Warns,
        &src,
        Some(target.statement_source()),
        clean[words[k].start..words[phrase_end].end].to_string(),
        false,
        0.4,
    ))
}

/// Statements without a statement word: reported blame ("X said Y was behind the attack")
/// and denials by paraphrase ("X has never interfered").
pub(super) fn paraphrases(
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
        // Reported obligation: "The U.S. said Japan must open its market" (X demands Y),
        // "\"The Japanese should cut output,\" Edwards said" (X urges Y).
        if let Some(found) = reported_obligation(words, at, v, clean, k) {
            out.push(found);
        }
        if let Some(found) = suggested_steps(words, at, v, clean, k) {
            out.push(found);
        }
        if let Some(found) = flexibility_from(words, at, v, clean, k) {
            out.push(found);
        }
        if let Some(found) = favourable_reaction(words, at, v, clean, k) {
            out.push(found);
        }
        if let Some(found) = deterrence(words, at, v, clean, k) {
            out.push(found);
        }
        // "Rahman, under fire in parliament over ...": parliament criticizes Rahman.
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
            out.push(Found::reported(
                Relation::Criticizes,
                critic,
                Some(target.statement_source()),
                clean[words[k].start..words[k + 1].end].to_string(),
                false,
                0.55,
            ));
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
                negated: neg || lw(words, k + 1) == "not",
                hedged: hedge,
                ..Found::reported(
                    Relation::Accuses,
                    &src,
                    Some(target.statement_source()),
                    clean[words[k].start..words[(k + 2).min(n - 1)].end].to_string(),
                    false,
                    0.55,
                )
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
                            negated: neg,
                            hedged: hedge,
                            ..Found::reported(
                                Relation::Demands,
                                s,
                                Some(t.statement_source()),
                                clean[words[k].start..words[j].end].to_string(),
                                false,
                                0.6,
                            )
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
            out.push(Found::reported(
                Relation::Denies,
                &denier,
                target.map(|t| t.statement_source()),
                clean[words[k].start..words[k + 1].end].to_string(),
                true,
                0.6,
            ));
        }
    }
    out
}

/// Verbs of judging that introduce a judgement like speech does ("views the plan as illegal").
pub(super) const JUDGING: &[&str] = &[
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
/// "X said (that) its move was not a violation": a reported accusation, negated by the
/// speaker whose side stood accused earlier in the article, denies that accusation.
#[allow(clippy::too_many_arguments)]
fn denial(
    words: &[Word<'_>],
    at: &[Option<usize>],
    v: &SentenceView<'_>,
    clean: &str,
    earlier: &[Statement],
    speech: usize,
    k: usize,
    len: usize,
    relation: Relation,
) -> Option<Found> {
    if relation != Relation::Accuses
        || !(speech..k).any(|j| matches!(lw(words, j), "not" | "n't" | "never"))
        || (0..k).any(|j| matches!(lw(words, j), "denied" | "denies" | "if" | "whether"))
    {
        return None;
    }
    let src = reporter(words, at, v, speech + 1, k)?;
    let accuser = earlier_claimant(
        &earlier
            .iter()
            .filter(|st| st.relation == Relation::Accuses)
            .cloned()
            .collect::<Vec<_>>(),
        std::slice::from_ref(&src),
    )?;
    // What is judged, if an actor's, must be the speaker's side's own conduct.
    let own = rollup(&src.statement_source());
    let judged_ok = (speech + 1..k)
        .filter_map(|j| at[j])
        .all(|si| rollup(&v.spans[si].statement_source()) == own);
    judged_ok.then(|| Found {
        relation: Relation::Denies,
        source: src.statement_source(),
        target: Some(accuser.statement_source()),
        speaker: src.speaker(),
        cue: clean[words[k].start..words[k + len - 1].end].to_string(),
        topic: None,
        negated: false,
        hedged: false,
        explicit: false,
        confidence: 0.5,
        open: false,
        both: false,
    })
}

pub(super) fn judgements(
    lex: &Lexicon,
    lowers: &[&str],
    words: &[Word<'_>],
    at: &[Option<usize>],
    v: &SentenceView<'_>,
    clean: &str,
    earlier: &[Statement],
) -> Vec<Found> {
    let mut out = Vec::new();
    for k in 0..words.len() {
        let Some((len, relation)) = lex.judgement_at(lowers, k) else {
            continue;
        };
        let adjacent_negation = k > 0 && matches!(lw(words, k - 1), "not" | "n't" | "never" | "no");
        // "troops breached Iraqi defence lines": a military breakthrough, not a charge.
        if lw(words, k).starts_with("breach")
            && (k + 1..(k + 4).min(words.len())).any(|j| {
                matches!(
                    lw(words, j),
                    "lines"
                        | "line"
                        | "defences"
                        | "defenses"
                        | "positions"
                        | "fortifications"
                        | "perimeter"
                        | "walls"
                        | "wall"
                        | "dam"
                        | "dyke"
                )
            })
        {
            continue;
        }
        // "X said (that) ... Y ... <judgement>", "X views Y's plan as violating ...": the
        // nearest verb of saying or judging before the judgement.
        let before = (0..k)
            .rev()
            .take(20)
            .find(|&j| is_in(SPEECH, lw(words, j)) || is_in(JUDGING, lw(words, j)));
        // A quotation that opens the sentence, its speaker after it:
        // "\"The Chilean plan is full of contradictions,\" Reyes said."
        let quoted = before.is_none()
            && words
                .first()
                .is_some_and(|w| w.kind == crate::text::TokenKind::Quote)
            && !(1..k).any(|j| words[j].kind == crate::text::TokenKind::Quote);
        // `speech` is the token before the reported clause.
        let Some(speech) = before.or(quoted.then_some(0)) else {
            continue;
        };
        if adjacent_negation {
            // "said its quotas were not a breach": a denial of an earlier charge, if any.
            if let Some(f) = denial(words, at, v, clean, earlier, speech, k, len, relation) {
                out.push(f);
            }
            continue;
        }
        if (speech..k).any(|j| {
            matches!(
                lw(words, j),
                "no" | "not" | "n't" | "never" | "denied" | "denies"
            )
        }) || (0..speech)
            .any(|j| matches!(lw(words, j), "denied" | "denies" | "not" | "n't" | "never"))
        {
            // "said no member was violating", "denied it had violated": not a judgement.
            // But "said its quotas could hardly count as a breach", answering an accusation
            // made earlier, denies it.
            if let Some(f) = denial(words, at, v, clean, earlier, speech, k, len, relation) {
                out.push(f);
            }
            continue;
        }
        // A quotation with no speaker of its own goes on with the previous sentence's.
        let continued = || {
            (quoted && v.prior_said && !words.iter().any(|w| is_in(SPEECH, &w.lower)))
                .then(|| v.prior_subject.clone())
                .flatten()
                .filter(|s| !s.modifier)
        };
        let Some(src) = reporter(words, at, v, speech + 1, k).or_else(continued) else {
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
        // "Y has paved the way for its expansionist aims": the owner of "its" heads the clause.
        let owner_of_its = || {
            let mut first = if lw(words, speech + 1) == "that" {
                speech + 2
            } else {
                speech + 1
            };
            // "In response to this, Y has ...": past an opening prepositional phrase.
            if is_in(PREPOSITIONS, lw(words, first)) {
                first = (first..k.min(first + 10)).find(|&j| lw(words, j) == ",")? + 1;
            }
            at.get(first)
                .copied()
                .flatten()
                .filter(|_| k - first <= 16)
                .filter(|_| {
                    (k.saturating_sub(2)..k).any(|j| matches!(lw(words, j), "its" | "their"))
                })
        };
        let judged = (speech + 1..k)
            .rev()
            .take(6)
            .find_map(|j| at[j])
            .or_else(clause_subject)
            .or_else(owner_of_its)
            .map(|si| &v.spans[si]);
        // "Canada and Mexico have called it unworkable": "it" heading the reported clause is
        // the thing the previous sentence named, and its owner is judged.
        let it_first = if lw(words, speech + 1) == "that" {
            speech + 2
        } else {
            speech + 1
        };
        let from_prior = judged.is_none();
        let judged = judged.or_else(|| {
            (lw(words, it_first) == "it" && k > it_first && k - it_first <= 4)
                .then_some(v.prior_thing.as_ref())
                .flatten()
        });
        let Some(tgt) = judged else { continue };
        // "The subsidies are GATT illegal": a name qualifying the judgement names the rule
        // broken, not the one who broke it.
        if !from_prior && tgt.last + 1 == k && tgt.first > 0 && is_in(BE, lw(words, tgt.first - 1))
        {
            continue;
        }
        // (A target from the previous sentence has no position here: check from "it".)
        let between = if from_prior {
            it_first + 1..k
        } else {
            tgt.last + 1..k
        };
        if between.clone().any(|j| {
            matches!(lw(words, j), "," | "that" | "if" | "which" | "who" | ";")
                || is_in(SPEECH, lw(words, j))
        }) || !from_prior && in_pp(words, tgt.first)
        {
            continue;
        }
        // "Canada and Mexico said it was unworkable": every coordinated speaker.
        let speakers: Vec<ActorSpan> = match v.spans.iter().position(|s| s.first == src.first) {
            Some(si) if from_prior => coordinated_left(words, at, v, si),
            _ => vec![src.clone()],
        };
        // "Baker may look responsible": a possibility, not a charge.
        // "if Ankara believed Greece was contravening ...": a condition, not a charge.
        let hedged = between.clone().any(|j| {
            matches!(
                lw(words, j),
                "may" | "might" | "could" | "seem" | "seems" | "look" | "looks"
            )
        }) || (speech.saturating_sub(3)..speech)
            .any(|j| matches!(lw(words, j), "if" | "unless" | "whether"));
        for src in speakers
            .iter()
            .filter(|s| rollup(&tgt.statement_source()) != rollup(&s.statement_source()))
        {
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
                confidence: if from_prior { 0.4 } else { 0.5 },
                open: false,
                both: false,
            });
        }
    }
    out
}
