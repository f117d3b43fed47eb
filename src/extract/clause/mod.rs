//! Clause rules: who is the subject of a cue, who its object, whether it is passive,
//! nominal, negated or hypothetical — patterns over words and actor spans, no parser.
//!
//! One file per role: `words` (shared word lists), `modality` (negation, hedging,
//! plausibility), `subject`, `object`, `nominal` (statement nouns) and `paraphrase`
//! (statements without a statement word); this file runs them over a sentence.

pub(crate) mod modality;
mod nominal;
mod object;
mod paraphrase;
mod subject;
pub(crate) mod words;

use crate::actors::mentions::{ActorSpan, Memory, Via};
use crate::extract::lexicon::{CueForm, CueMatch, Lexicon, Slot};
use crate::extract::SentenceView;
use crate::model::{Actor, ActorKind, Relation, Statement};
use modality::{
    after_modal_or_subject, headline_hedge, hypothetical_clause, is_passive, modality, plausible,
    vowed_fight,
};
use nominal::{
    appositive_allegations, light_verb_before, nominal_reading, nominal_source, nominal_targets,
};
use object::{both_sides_at, nothing_follows, object, pseudo_span};
use paraphrase::{judgements, paraphrases};
pub use subject::main_subject;
use subject::{by_agents, subject, won_thing};
use words::{is_in, lw, span_index, BE, PREPOSITIONS, SPEECH};

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

impl Found {
    /// A statement made by `by`, asserted, with no topic and a named or missing target.
    pub(super) fn reported(
        relation: Relation,
        by: &ActorSpan,
        target: Option<Actor>,
        cue: String,
        explicit: bool,
        confidence: f32,
    ) -> Found {
        Found {
            relation,
            source: by.statement_source(),
            target,
            speaker: by.speaker(),
            cue,
            topic: None,
            negated: false,
            hedged: false,
            explicit,
            confidence,
            open: false,
            both: false,
        }
    }
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
    roles_out: &mut Vec<CueRoles>,
) -> Vec<Found> {
    analyse_cues(lex, clean, v, memory, earlier, false, roles_out)
}

/// The roles the clause rules find for the scorer's own paraphrase cues (which make no
/// statement by themselves): who would be the subject, who the object.
pub fn broad_roles(
    lex: &Lexicon,
    clean: &str,
    v: &SentenceView<'_>,
    memory: &Memory,
    earlier: &[Statement],
) -> Vec<CueRoles> {
    let mut roles = Vec::new();
    analyse_cues(lex, clean, v, memory, earlier, true, &mut roles);
    roles
}

/// What the clause rules concluded about one cue: its subjects, its objects, its modality.
#[derive(Debug, Clone)]
pub struct CueRoles {
    /// First token of the cue.
    pub first: usize,
    /// Last token of the cue.
    pub last: usize,
    /// The relation of the cue's pattern.
    pub relation: Relation,
    /// First token of each subject span (a span from memory has no place in the sentence).
    pub sources: Vec<(usize, String)>,
    /// First token and actor id of each object span.
    pub targets: Vec<(usize, String)>,
    /// Negated.
    pub negated: bool,
    /// Modal, future or hypothetical.
    pub hedged: bool,
    /// "each other".
    pub mutual: bool,
}

fn analyse_cues(
    lex: &Lexicon,
    clean: &str,
    v: &SentenceView<'_>,
    memory: &Memory,
    earlier: &[Statement],
    broad: bool,
    roles_out: &mut Vec<CueRoles>,
) -> Vec<Found> {
    let words = &v.words;
    let lowers: Vec<&str> = words.iter().map(|w| w.lower.as_str()).collect();
    let at = span_index(v);
    let found = if broad {
        lex.find_where(&lowers, |p| p.scorer_only)
    } else {
        lex.find(&lowers)
    };
    let cues: Vec<CueMatch<'_>> = found
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
        // Headlines drop "is": "Minister Urged to Quit Over Row", "Iran Accused of Hiding Work"
        // are passives (an active past names its object: "Iran Accused U.S. of ...").
        let headline_passive = v.sentence.headline
            && at.get(c.last + 1).copied().flatten().is_none()
            && matches!(
                lw(words, c.last + 1),
                "to" | "of" | "over" | "for" | "as" | "in" | "after" | "on" | "at" | "by" | ""
            );
        // "was indicted on Monday, accused of fraud", "criticised for its
        // policy": a judging verb with no object before its preposition is a participle.
        let bare_participle = c.first == c.last
            && matches!(
                p.relation,
                Relation::Accuses | Relation::Criticizes | Relation::Condemns | Relation::Praises
            )
            && matches!(lw(words, c.last + 1), "of" | "for" | "over")
            // ("France protested over ...": intransitive; "groups he accused of", "which
            // Washington has accused of": the object came before.)
            && !matches!(p.lemma.as_str(), "protest" | "complain")
            && !(c.first.saturating_sub(5)..c.first).any(|j| {
                matches!(
                    lw(words, j),
                    "he" | "she" | "they" | "we" | "i" | "it" | "has" | "have" | "had" | "which"
                        | "whom" | "who" | "that"
                )
            });
        let passive = p.form == CueForm::Past
            && (is_passive(words, c.first, c.last) || headline_passive || bare_participle);
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
            // ("to meet mounting pressure from X", "bowed to demands by X": the same answer.)
            let responded = (c.first.saturating_sub(5)..c.first).any(|j| {
                matches!(
                    lw(words, j),
                    "response"
                        | "reply"
                        | "meet"
                        | "bow"
                        | "bowed"
                        | "yield"
                        | "yielded"
                        | "cave"
                        | "caved"
                        | "resist"
                        | "resisted"
                        | "resisting"
                )
            }) && (c.first.saturating_sub(4)..c.first)
                .any(|j| matches!(lw(words, j), "to" | "resist" | "resisted" | "resisting"));
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
            // "denied there was pressure from the government": the statement is denied.
            roles.negated |= (c.first.saturating_sub(4)..c.first)
                .any(|j| matches!(lw(words, j), "denied" | "denies" | "deny" | "denying"));
            roles.open = roles.targets.is_empty() && nothing_follows(words, c.last + 1, true);
            confidence = if light.is_some() { 0.75 } else { 0.65 };
        } else if passive {
            // "Y was accused by X", "an election condemned by X".
            let agents = by_agents(words, &at, v, c.last + 1);
            if agents.is_empty() {
                continue;
            }
            // "a radio station backed by Hamas": backing named as a description, not a
            // statement (the guideline's "US-backed government").
            // ("was warmly welcomed by", "The proposal, strongly backed by X, ...": a clause
            // and an apposition report the backing.)
            let mut before = c.first;
            while before > 0 && lw(words, before - 1).ends_with("ly") {
                before -= 1;
            }
            let described = p.relation == Relation::Supports
                && before > 0
                && at[before - 1].is_none()
                && words[before - 1].is_word()
                && !is_in(BE, lw(words, before - 1))
                && !matches!(lw(words, before - 1), "also" | "and");
            if described {
                continue;
            }
            // "the raid, blamed by Kuwait on Iran": the one blamed follows "on".
            let blamed_on = (p.lemma == "blame")
                .then(|| agents.iter().map(|a| a.last).max())
                .flatten()
                .filter(|&l| lw(words, l + 1) == "on")
                .and_then(|l| at.get(l + 2).copied().flatten())
                .map(|si| v.spans[si].clone());
            roles.sources = agents;
            let subj = subject(words, &at, v, c.first, memory, &prev_subjects);
            let (neg, hedge) = modality(words, &at, p.relation == Relation::Threatens, c.first);
            roles.negated = neg;
            roles.hedged = hedge;
            // "would not hand over the suspects as demanded by X": X asked it of the clause's
            // subject, not of the suspects.
            let as_asked = c.first > 0 && lw(words, c.first - 1) == "as";
            roles.targets = match subj {
                _ if blamed_on.is_some() => blamed_on.into_iter().collect(),
                _ if as_asked => {
                    let agents = &roles.sources;
                    let said = (0..c.first).rev().find(|&j| is_in(SPEECH, lw(words, j)));
                    // ("Chilean officials said they would not ...": the speakers.)
                    let subj = said
                        .and_then(|j| (j.saturating_sub(4)..j).rev().find_map(|m| at[m]))
                        .map(|si| &v.spans[si])
                        .or_else(|| main_subject(v));
                    subj.filter(|t| !agents.iter().any(|a| a.first == t.first))
                        .cloned()
                        .into_iter()
                        .collect()
                }
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
                // "Chile Sets Date for Peru Talks, Demands Apology on Border": a headline's
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
                // ("denied there was pressure from X": the claim is the denied content, not
                // a statement X made.)
                let content =
                    (c.last + 1..nc.first).any(|j| matches!(lw(words, j), "there" | "that"));
                if let Some(src) = roles.targets.first().filter(|_| !content) {
                    if nc.pattern.relation != p.relation {
                        for s in &roles.sources {
                            out.push(Found::reported(
                                nc.pattern.relation,
                                src,
                                Some(s.statement_source()),
                                clean[words[nc.first].start..words[nc.last].end].to_string(),
                                true,
                                0.6,
                            ));
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
        roles_out.push(CueRoles {
            first: c.first,
            last: c.last,
            relation: p.relation,
            sources: roles
                .sources
                .iter()
                .map(|s| (s.first, s.actor.id.clone()))
                .collect(),
            targets: roles
                .targets
                .iter()
                .map(|s| (s.first, s.actor.id.clone()))
                .collect(),
            negated: roles.negated,
            hedged: roles.hedged,
            mutual: roles.mutual,
        });
        if broad {
            continue;
        }
        // "troops stepped up pressure on the rebels", "Malian forces supporting French troops":
        // armed forces pressing or backing in the field act, they make no statement.
        if matches!(p.lemma.as_str(), "pressure" | "support" | "back")
            && roles
                .sources
                .iter()
                .any(|s| s.actor.id.ends_with("-military"))
        {
            continue;
        }
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
    if broad {
        return Vec::new();
    }
    out.extend(paraphrases(words, &at, v, clean, earlier));
    out.extend(judgements(lex, &lowers, words, &at, v, clean, earlier));
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
                // Two named actors of one state may still threaten or rebut each other
                // ("Netanyahu threatens Sharon", "Mulford rejected congressional ideas"); the
                // state itself against itself, or through a reference, is a misreading.
                let distinct = t.actor.id != s.actor.id
                    && t.via != Via::Reference
                    && s.via != Via::Reference
                    && !(t.actor.kind == ActorKind::Country && s.actor.kind == ActorKind::Country);
                // ("Kenya Warns Kenyans": a state addressing its own people is no statement
                // between actors.)
                let same_state = t.actor.id == s.actor.id && t.actor.kind == ActorKind::Country;
                !same_state
                    && (direct || distinct || rollup(&t.statement_source()) != rollup(&source))
            })
            .map(|t| t.statement_source())
            .collect();
        // "Putin called on India and Russia to work together": among several states addressed,
        // the speaker's own is a partner of the appeal, not its target.
        let own = rollup(&source);
        let foreign = targets.iter().any(|t| rollup(t) != own);
        let targets: Vec<Actor> = targets
            .into_iter()
            .filter(|t| !(foreign && t.kind == ActorKind::Country && t.id == own))
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
