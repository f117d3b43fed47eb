//! Candidates: every cue of the lexicon with every pair of actors of its sentence (and the
//! story's current speaker), each described by features the scorer weighs. What the hand
//! rules concluded about a cue is one group of features among the others.

use crate::actors::mentions::{ActorSpan, Via};
use crate::extract::clause::{self, words::lw, CueRoles};
use crate::extract::lexicon::{CueForm, Lexicon};
use crate::extract::SentenceView;
use crate::model::{Actor, ActorKind, Relation, Statement};

/// A possible statement: a cue, a source and a target, with the features that describe it.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Index of its sentence among the document's sentence views.
    pub view: usize,
    /// The relation the cue carries.
    pub relation: Relation,
    /// Who would make it (rolled up from a spokesperson to what they speak for).
    pub source: Actor,
    /// The person voicing it, when a person speaks for the source.
    pub speaker: Option<Actor>,
    /// Whom it would be about.
    pub target: Actor,
    /// The cue words as in the text.
    pub cue: String,
    /// Whether a word of the relation is in the text.
    pub explicit: bool,
    /// The hand rules found the same statement in the same sentence.
    pub backed: bool,
    /// Feature hashes.
    pub feats: Vec<u64>,
    /// Feature names, when asked for (training, `--explain`).
    pub names: Vec<String>,
}

/// Feature accumulator: hashes each name from its parts without formatting or allocating,
/// and keeps the names only when asked.
pub struct Feats {
    hashes: Vec<u64>,
    names: Option<Vec<String>>,
}

/// FNV-1a over bytes fed in pieces: the same value as [`super::model::feature_hash`] of the
/// whole name.
pub struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn put(&mut self, s: &str) {
        for b in s.bytes() {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A piece of a feature name.
pub trait Part {
    /// The piece as text.
    fn text(&self) -> &str;
}

impl Part for &str {
    fn text(&self) -> &str {
        self
    }
}

impl Part for String {
    fn text(&self) -> &str {
        self
    }
}

impl Part for &String {
    fn text(&self) -> &str {
        self
    }
}

impl Part for bool {
    fn text(&self) -> &str {
        if *self {
            "true"
        } else {
            "false"
        }
    }
}

impl Part for usize {
    fn text(&self) -> &str {
        const N: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
        N.get(*self).copied().unwrap_or("10+")
    }
}

impl Part for Relation {
    fn text(&self) -> &str {
        self.as_str()
    }
}

impl Feats {
    fn new(record: bool) -> Feats {
        Feats {
            hashes: Vec::with_capacity(64),
            names: record.then(Vec::new),
        }
    }

    fn add(&mut self, parts: &[&str]) {
        let mut h = Fnv::new();
        for p in parts {
            h.put(p);
        }
        self.hashes.push(h.0);
        if let Some(n) = &mut self.names {
            n.push(parts.concat());
        }
    }
}

macro_rules! feat {
    ($f:expr; $($p:expr),+ $(,)?) => { $f.add(&[$(Part::text(&$p)),+]) };
}

/// A cue occurrence in a sentence.
struct Cue {
    first: usize,
    last: usize,
    relation: Relation,
    lemma: String,
    form: &'static str,
    explicit: bool,
    past: bool,
    /// A paraphrase cue of the scorer's own lexicon.
    broad: bool,
}

fn form_name(f: CueForm) -> &'static str {
    match f {
        CueForm::Base => "base",
        CueForm::Third => "third",
        CueForm::Past => "past",
        CueForm::Gerund => "ger",
        CueForm::Noun => "noun",
        CueForm::Adjective => "adj",
    }
}

/// The cues of a sentence: every lexicon pattern (the scorer's paraphrase cues included),
/// then judgement phrases on the words left over.
fn cues(lex: &Lexicon, lowers: &[&str]) -> Vec<Cue> {
    let mut out: Vec<Cue> = Vec::new();
    let mut covered = vec![false; lowers.len()];
    for c in lex.find_all(lowers) {
        covered[c.first..=c.last].iter_mut().for_each(|x| *x = true);
        // Every pattern of the same words: "ultimatum" demands and threatens.
        for p in lex
            .starting_with(lowers[c.first])
            .filter(|p| p.words == c.pattern.words && p.form == c.pattern.form)
        {
            out.push(Cue {
                first: c.first,
                last: c.last,
                relation: p.relation,
                lemma: p.lemma.clone(),
                form: form_name(p.form),
                explicit: p.explicit,
                past: p.form == CueForm::Past,
                broad: p.scorer_only,
            });
        }
    }
    let mut i = 0;
    while i < lowers.len() {
        let found = if covered[i] {
            Vec::new()
        } else {
            lex.judgements_at(lowers, i, true)
        };
        let Some(&(n, _)) = found.first() else {
            i += 1;
            continue;
        };
        for (_, r) in found.iter().filter(|(m, _)| *m == n) {
            out.push(Cue {
                first: i,
                last: i + n - 1,
                relation: *r,
                lemma: lowers[i..i + n].join(" "),
                form: "judg",
                explicit: false,
                past: false,
                broad: true,
            });
        }
        i += n;
    }
    out
}

/// The relations of the cues of a sentence (lowercase words), for diagnostics.
pub fn cue_relations(lex: &Lexicon, lowers: &[&str]) -> Vec<Relation> {
    cues(lex, lowers).into_iter().map(|c| c.relation).collect()
}

/// The state an actor belongs to, or the actor itself: what "the same side" means.
pub fn rollup(a: &Actor) -> &str {
    match (a.kind, &a.country) {
        (ActorKind::Country, _) => &a.id,
        (_, Some(c)) => c,
        _ => &a.id,
    }
}

fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=4 => "3-4",
        5..=8 => "5-8",
        9..=15 => "9-15",
        _ => "16+",
    }
}

fn kind(a: &ActorKind) -> &'static str {
    a.as_str()
}

fn via(v: Via) -> &'static str {
    match v {
        Via::Gazetteer => "gaz",
        Via::Pattern => "pat",
        Via::Reference => "ref",
    }
}

/// Where a span sits with respect to the cue: Left, Right, or outside the sentence.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    L,
    R,
    X,
}

impl Side {
    fn as_str(self) -> &'static str {
        match self {
            Side::L => "L",
            Side::R => "R",
            Side::X => "X",
        }
    }
}

/// A role filler: a span of the sentence, or the speaker carried over from before.
struct Filler<'s> {
    span: &'s ActorSpan,
    inside: bool,
    /// Where an outside filler comes from: the carried-over speaker ("prior"), the sentence
    /// before or after ("near"), or the document's most named actors ("top").
    ctx: &'static str,
    /// May stand as the source, the target.
    roles: (bool, bool),
}

fn side(f: &Filler<'_>, c: &Cue) -> Side {
    if !f.inside {
        Side::X
    } else if f.span.last < c.first {
        Side::L
    } else {
        Side::R
    }
}

/// Token range strictly between a filler and the cue.
fn between(f: &Filler<'_>, c: &Cue) -> std::ops::Range<usize> {
    match side(f, c) {
        Side::L => f.span.last + 1..c.first,
        Side::R => c.last + 1..f.span.first,
        Side::X => 0..0,
    }
}

/// What the rules said about a cue's sentence, for one candidate.
/// A candidate as the rules' statements are compared with it.
struct Probe<'a> {
    sentence: usize,
    cue: &'a str,
    rel: Relation,
    src: &'a str,
    tgt: &'a str,
    /// For two actors of one state, the source's own id: the rules' statement must be voiced
    /// by it (its source or speaker), not by the other one.
    person: Option<&'a str>,
}

fn rule_features(feats: &mut Feats, probe: &Probe<'_>, rules: &[Statement]) -> bool {
    let Probe {
        sentence,
        cue,
        rel,
        src,
        tgt,
        person,
    } = *probe;
    let fam = rel.family().as_str();
    fn tgt_of(s: &Statement) -> Option<&str> {
        s.target.as_ref().map(rollup)
    }
    let voiced_by = |s: &Statement| {
        person.is_none_or(|p| s.source.id == p || s.speaker.as_ref().is_some_and(|x| x.id == p))
    };
    let same = |s: &Statement| rollup(&s.source) == src && tgt_of(s) == Some(tgt) && voiced_by(s);
    let (mut exact, mut family, mut unasserted, mut elsewhere) = (false, false, false, false);
    let (mut by_cue, mut cue_src, mut cue_tgt) = (false, false, false);
    for s in rules {
        let here = s.sentence == sentence;
        if same(s) {
            let fam_match = s.relation.family() == rel.family();
            match (here, s.is_asserted()) {
                (true, true) if s.relation == rel => exact = true,
                (true, true) if fam_match => family = true,
                (true, false) => unasserted = true,
                (false, true) if fam_match => elsewhere = true,
                _ => {}
            }
        }
        if here && s.cue == cue {
            by_cue = true;
            cue_src |= rollup(&s.source) == src;
            cue_tgt |= tgt_of(s) == Some(tgt);
        }
    }
    if exact {
        feat!(feats; "rule=exact|", fam);
    } else if family {
        feat!(feats; "rule=family|", fam);
    }
    if unasserted {
        feat!(feats; "rule=unasserted|", fam);
    }
    if !(exact || family || unasserted) {
        let kind = match (cue_src, cue_tgt, by_cue) {
            (true, _, _) => "rule=src-other-tgt|",
            (false, true, _) => "rule=tgt-other-src|",
            (false, false, false) => "rule=cue-silent|",
            _ => "rule=other|",
        };
        feat!(feats; kind, fam);
    }
    if elsewhere {
        feat!(feats; "rule=elsewhere|", fam);
    }
    exact
}

/// What the clause rules made of this cue: is the source among its subjects, the target
/// among its objects, is it negated or hedged.
fn role_features(f: &mut Feats, c: &Cue, s: &Filler<'_>, t: &Filler<'_>, roles: &[CueRoles]) {
    let fam = c.relation.family().as_str();
    let Some(r) = roles
        .iter()
        .find(|r| r.first == c.first && r.last == c.last && r.relation == c.relation)
        .or_else(|| {
            roles
                .iter()
                .find(|r| r.first == c.first && r.last == c.last)
        })
    else {
        feat!(f; "role=none|", c.form, "|", fam);
        return;
    };
    let fills = |list: &[(usize, String)], x: &Filler<'_>| {
        list.iter()
            .any(|(first, id)| *id == x.span.actor.id && (!x.inside || *first == x.span.first))
    };
    let (rs, rt) = (fills(&r.sources, s), fills(&r.targets, t));
    feat!(f; "role=src:", rs, ",tgt:", rt, "|", fam);
    feat!(f; "role=src:", rs, ",tgt:", rt, "|lemma=", c.lemma);
    feat!(f; "role=src:", rs, ",tgt:", rt, "|form=", c.form, "|", fam);
    feat!(f; "role=src:", rs, ",tgt:", rt, "|broad=", c.broad);
    feat!(f; "role-tgt-empty=", r.targets.is_empty(), "|src:", rs, "|", fam);
    feat!(f; "role-src-empty=", r.sources.is_empty(), "|", fam);
    feat!(f; "role-neg=", r.negated, "|", fam);
    feat!(f; "role-hedge=", r.hedged, "|", fam);
    if r.mutual {
        feat!(f; "role-mutual|", fam);
    }
}

/// Everything the candidate generator needs about a document.
pub struct DocContext<'a, 'd> {
    /// Relation lexicon.
    pub lex: &'a Lexicon,
    /// Cleaned text.
    pub clean: &'d str,
    /// Sentence views.
    pub views: &'a [SentenceView<'d>],
    /// What the hand rules found, asserted or not.
    pub rules: &'a [Statement],
    /// Per sentence, the roles the clause rules gave each cue.
    pub roles: &'a [Vec<CueRoles>],
    /// Keep the feature names.
    pub record: bool,
}

/// The candidates of a document.
pub fn candidates(cx: &DocContext<'_, '_>) -> Vec<Candidate> {
    let long = cx.views.iter().filter(|v| !v.sentence.headline).count() > 3;
    let salient = salient_actors(cx.views, 3);
    let mut out = Vec::new();
    for (vi, v) in cx.views.iter().enumerate() {
        sentence_candidates(cx, vi, v, long, &salient, &mut out);
    }
    rule_only(cx, &mut out);
    out
}

/// How many actors on each side of a cue may fill its roles.
const NEAREST: usize = 6;

/// The id of the actor a span's statements are attributed to (as `statement_source`, without
/// cloning it).
fn stated_id(s: &ActorSpan) -> &str {
    match (&s.actor.kind, &s.speaks_for) {
        (ActorKind::Person, Some(b)) => &b.id,
        _ => &s.actor.id,
    }
}

/// The actors of a cue's sentence, and those the story supplies when a side of the cue
/// names no one: the speaker carried over, the neighbouring sentence's actors, the
/// document's most named ones.
fn fillers_of<'s>(
    v: &'s SentenceView<'_>,
    c: &Cue,
    near: &'s [ActorSpan],
    salient: &'s [ActorSpan],
) -> Vec<Filler<'s>> {
    // The nearest few actors on each side of the cue: a statement's parties sit near its
    // cue, and pairs grow with the square of a long sentence's actors.
    let left = v.spans.iter().filter(|s| s.last < c.first).count();
    let mut out: Vec<Filler<'s>> = v
        .spans
        .iter()
        .enumerate()
        .filter(|(k, s)| {
            if s.last < c.first {
                *k + NEAREST >= left
            } else {
                *k < left + NEAREST
            }
        })
        .map(|(_, s)| Filler {
            span: s,
            inside: true,
            ctx: "in",
            roles: (true, true),
        })
        .collect();
    let no_source = !v.spans.iter().any(|s| s.last < c.first && !s.modifier);
    let no_target = !v.spans.iter().any(|s| s.first > c.last);
    let named =
        |a: &ActorSpan, out: &[Filler<'_>]| out.iter().any(|f| stated_id(f.span) == stated_id(a));
    if let Some(p) = v.prior_subject.as_ref().filter(|_| no_source) {
        out.push(Filler {
            span: p,
            inside: false,
            ctx: "prior",
            roles: (true, false),
        });
    }
    if !(no_source || no_target) {
        return out;
    }
    for (list, ctx) in [(near, "near"), (salient, "top")] {
        for a in list {
            if !named(a, &out) {
                out.push(Filler {
                    span: a,
                    inside: false,
                    ctx,
                    roles: (no_source, no_target),
                });
            }
        }
    }
    out
}

/// The document's most named actors (by the state or body they stand for), one span each,
/// most named first.
fn salient_actors(views: &[SentenceView<'_>], n: usize) -> Vec<ActorSpan> {
    let mut counts: Vec<(String, usize, ActorSpan)> = Vec::new();
    for s in views
        .iter()
        .flat_map(|v| &v.spans)
        .filter(|s| !s.modifier || s.actor.kind == ActorKind::Country)
    {
        let id = rollup(&s.statement_source()).to_string();
        match counts.iter_mut().find(|(k, _, _)| *k == id) {
            Some(e) => e.1 += 1,
            None => counts.push((id, 1, s.clone())),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts
        .into_iter()
        .filter(|c| c.1 >= 2)
        .take(n)
        .map(|c| c.2)
        .collect()
}

/// The actors of the sentence next to this one: the one before, or for a headline the
/// story's first sentence. One span an actor.
fn near_actors(views: &[SentenceView<'_>], vi: usize) -> Vec<ActorSpan> {
    let v = &views[vi];
    let other = if v.sentence.headline {
        views.iter().find(|w| !w.sentence.headline)
    } else {
        vi.checked_sub(1)
            .map(|k| &views[k])
            .filter(|w| !w.sentence.headline)
    };
    let mut out: Vec<ActorSpan> = Vec::new();
    for s in other.map_or(&[][..], |w| &w.spans[..]) {
        if !out.iter().any(|o| o.actor.id == s.actor.id) {
            out.push(s.clone());
        }
    }
    out
}

fn sentence_candidates(
    cx: &DocContext<'_, '_>,
    vi: usize,
    v: &SentenceView<'_>,
    long: bool,
    salient: &[ActorSpan],
    out: &mut Vec<Candidate>,
) {
    let words = &v.words;
    if v.spans.is_empty() && v.prior_subject.is_none() {
        return;
    }
    let near = near_actors(cx.views, vi);
    let near = &near[..];
    let lowers: Vec<&str> = words.iter().map(|w| w.lower.as_str()).collect();
    let at = clause::words::span_index(v);
    let speech = lowers.iter().any(|w| clause::words::SPEECH.contains(w));
    for c in cues(cx.lex, &lowers) {
        if (c.first..=c.last).any(|k| at[k].is_some()) {
            continue;
        }
        let fillers = fillers_of(v, &c, near, salient);
        let cue_text = cx.clean[words[c.first].start..words[c.last].end].to_string();
        let (neg, hedge) =
            clause::modality::modality(words, &at, c.relation == Relation::Threatens, c.first);
        let passive = c.past && clause::modality::is_passive(words, c.first, c.last);
        let subject = clause::main_subject(v).map(|s| s.first);
        for (si, s) in fillers.iter().enumerate() {
            let stated = s.span.statement_source();
            if !s.roles.0 {
                continue;
            }
            for (ti, t) in fillers.iter().enumerate() {
                if ti == si || !t.roles.1 || !(s.inside || t.inside) {
                    continue;
                }
                let mut target = t.span.statement_source();
                let mut source = stated.clone();
                if source.id == target.id {
                    // Two actors of one state (a senator and the president) stay two actors,
                    // at person level; one actor named twice makes no statement.
                    if s.span.actor.id == t.span.actor.id
                        || s.span.actor.kind == ActorKind::Country
                        || t.span.actor.kind == ActorKind::Country
                    {
                        continue;
                    }
                    source = s.span.actor.clone();
                    target = t.span.actor.clone();
                }
                let mut f = Feats::new(cx.record);
                describe(
                    &mut f,
                    &Describe {
                        v,
                        lowers: &lowers,
                        at: &at,
                        c: &c,
                        s,
                        t,
                        source: &source,
                        target: &target,
                        neg,
                        hedge,
                        passive,
                        subject,
                        long,
                        speech,
                    },
                );
                role_features(&mut f, &c, s, t, cx.roles.get(vi).map_or(&[][..], |r| r));
                let probe = Probe {
                    sentence: v.sentence.index,
                    cue: &cue_text,
                    rel: c.relation,
                    src: rollup(&source),
                    tgt: rollup(&target),
                    person: (rollup(&source) == rollup(&target)).then_some(source.id.as_str()),
                };
                let backed = rule_features(&mut f, &probe, cx.rules);
                out.push(Candidate {
                    view: vi,
                    relation: c.relation,
                    speaker: s.span.speaker(),
                    source,
                    target,
                    cue: cue_text.clone(),
                    explicit: c.explicit,
                    backed,
                    feats: f.hashes,
                    names: f.names.unwrap_or_default(),
                });
            }
        }
    }
}

/// The parts of a candidate its features are computed from.
struct Describe<'a, 'v> {
    v: &'a SentenceView<'v>,
    lowers: &'a [&'a str],
    at: &'a [Option<usize>],
    c: &'a Cue,
    s: &'a Filler<'a>,
    t: &'a Filler<'a>,
    source: &'a Actor,
    target: &'a Actor,
    neg: bool,
    hedge: bool,
    passive: bool,
    subject: Option<usize>,
    long: bool,
    /// The sentence reports speech ("said", "told").
    speech: bool,
}

fn describe(f: &mut Feats, d: &Describe<'_, '_>) {
    let c = d.c;
    let r = c.relation.as_str();
    let fam = c.relation.family().as_str();
    let words = &d.v.words;
    let (ss, ts) = (side(d.s, c), side(d.t, c));
    feat!(f; "bias|", r);
    feat!(f; "lemma=", c.lemma, "|", r);
    feat!(f; "form=", c.form, "|", fam);
    feat!(f; "explicit=", c.explicit, "|", fam);
    feat!(f; "broad=", c.broad, "|", fam);
    feat!(f; "broad=", c.broad, "|form=", c.form, "|", fam);
    feat!(f; "speech-in-sentence=", d.speech, "|broad=", c.broad, "|", fam);
    feat!(f; "sides=", ss.as_str(), ts.as_str(), "|", fam);
    feat!(f; "sides=", ss.as_str(), ts.as_str(), "|form=", c.form);
    feat!(f; "sides=", ss.as_str(), ts.as_str(), "|passive=", d.passive);
    feat!(f; "sides=", ss.as_str(), ts.as_str(), "|lemma=", c.lemma);
    let sb = between(d.s, c);
    let tb = between(d.t, c);
    feat!(f; "sdist=", bucket(sb.len()), "|", fam);
    feat!(f; "tdist=", bucket(tb.len()), "|", fam);
    let spans_in = |rg: &std::ops::Range<usize>| {
        let mut n = 0;
        let mut last = None;
        for k in rg.clone() {
            if let Some(x) = d.at[k] {
                if last != Some(x) {
                    n += 1;
                    last = Some(x);
                }
            }
        }
        n
    };
    feat!(f; "s-actors-between=", spans_in(&sb).min(3));
    feat!(f; "t-actors-between=", spans_in(&tb).min(3));
    // The target between the source and the cue, or past it.
    if ss != Side::X && ss == ts {
        let nearer = if ss == Side::L {
            d.t.span.first > d.s.span.last
        } else {
            d.t.span.first < d.s.span.first
        };
        feat!(f; "t-nearer=", nearer, "|", ss.as_str(), ts.as_str(), "|", fam);
    }
    for (name, x) in [("s", d.s), ("t", d.t)] {
        if x.inside {
            let before = d
                .lowers
                .get(x.span.first.wrapping_sub(1))
                .copied()
                .unwrap_or("<s>");
            let after = d.lowers.get(x.span.last + 1).copied().unwrap_or("</s>");
            feat!(f; name, "-prev=", short(before), "|", fam);
            feat!(f; name, "-next=", short(after), "|", fam);
            feat!(f; name, "-poss=", x.span.possessive, "|", fam);
            feat!(f; name, "-mod=", x.span.modifier, "|", fam);
            feat!(f; name, "-via=", via(x.span.via));
        } else {
            feat!(f; name, "-ctx=", x.ctx, "|", fam);
            feat!(f; name, "-ctx=", x.ctx, "|", c.form);
        }
    }
    for (name, rg) in [("sw", &sb), ("tw", &tb)] {
        let inner: Vec<&str> = rg
            .clone()
            .filter(|&k| d.at[k].is_none())
            .map(|k| d.lowers[k])
            .collect();
        let near: Vec<&str> = if name == "sw" {
            inner.iter().rev().take(3).copied().collect()
        } else {
            inner.iter().take(3).copied().collect()
        };
        for w in near {
            feat!(f; name, "=", short(w), "|", fam);
        }
        let speech = inner.iter().any(|w| clause::words::SPEECH.contains(w));
        let comma = inner.iter().any(|w| matches!(*w, "," | ";" | ":" | "\""));
        let that = inner.iter().any(|w| matches!(*w, "that" | "which" | "who"));
        feat!(f; name, "-speech=", speech, "|", fam);
        feat!(f; name, "-punct=", comma, "|", fam);
        feat!(f; name, "-that=", that, "|", fam);
    }
    feat!(f; "cue-prev=", short(lw(words, c.first.wrapping_sub(1))), "|", fam);
    feat!(f; "cue-next=", short(lw(words, c.last + 1)), "|", fam);
    feat!(f; "neg=", d.neg, "|", fam);
    feat!(f; "hedge=", d.hedge, "|", fam);
    feat!(f; "passive=", d.passive, "|", fam);
    feat!(f; "headline=", d.v.sentence.headline, "|", fam);
    feat!(f; "long=", d.long, "|", r);
    feat!(f; "kinds=", kind(&d.source.kind), ">", kind(&d.target.kind), "|", fam);
    feat!(f; "same-state=", rollup(d.source) == rollup(d.target), "|", fam);
    feat!(f; "s-subject=", d.s.inside && d.subject == Some(d.s.span.first), "|", fam);
    feat!(f; "question=", words.last().is_some_and(|w| w.text == "?"));
}

/// A word as a feature value: common words as they are, others by their shape, so that
/// feature names never carry long runs of a document's text.
fn short(w: &str) -> &str {
    if w.len() > 24 {
        "<long>"
    } else {
        w
    }
}

/// Statements the rules found that no candidate covers (a claimant named sentences before,
/// a speaker resolved through a pronoun): candidates of their own.
fn rule_only(cx: &DocContext<'_, '_>, out: &mut Vec<Candidate>) {
    for st in cx.rules.iter().filter(|s| s.is_asserted()) {
        let Some(target) = &st.target else { continue };
        // (Two actors of one state are candidates at person level: the rules' statement of
        // the state against itself, voiced by one of them, is that candidate.)
        let voiced = |c: &Candidate| {
            st.speaker.as_ref().is_some_and(|p| p.id == c.source.id)
                && rollup(&c.source) == rollup(&st.source)
                && rollup(&c.target) == rollup(target)
        };
        let covered = out.iter().any(|c| {
            cx.views[c.view].sentence.index == st.sentence
                && c.relation == st.relation
                && (c.source.id == st.source.id && c.target.id == target.id || voiced(c))
        });
        if covered {
            continue;
        }
        let Some(vi) = cx
            .views
            .iter()
            .position(|v| v.sentence.index == st.sentence)
        else {
            continue;
        };
        let mut f = Feats::new(cx.record);
        let r = st.relation.as_str();
        let fam = st.relation.family().as_str();
        feat!(f; "bias|", r);
        feat!(f; "rule-only|", fam);
        feat!(f; "rule-only|explicit=", st.explicit);
        feat!(f; "headline=", cx.views[vi].sentence.headline, "|", fam);
        feat!(f; "kinds=", kind(&st.source.kind), ">", kind(&target.kind), "|", fam);
        feat!(f; "same-state=", rollup(&st.source) == rollup(target), "|", fam);
        out.push(Candidate {
            view: vi,
            relation: st.relation,
            source: st.source.clone(),
            speaker: st.speaker.clone(),
            target: target.clone(),
            cue: st.cue.clone(),
            explicit: st.explicit,
            backed: true,
            feats: f.hashes,
            names: f.names.unwrap_or_default(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::learn::model::feature_hash;

    #[test]
    fn streamed_hash_equals_hash_of_the_name() {
        let mut f = Feats::new(true);
        feat!(f; "lemma=", "accuse", "|", "accuses");
        assert_eq!(f.hashes[0], feature_hash("lemma=accuse|accuses"));
        assert_eq!(f.names.unwrap()[0], "lemma=accuse|accuses");
    }

    use crate::actors::Gazetteer;
    use crate::extract::{Extractor, Lexicon};
    use crate::ingest::Document;

    /// The candidates of an invented text, with feature names.
    fn cands(title: Option<&str>, text: &str) -> Vec<Candidate> {
        let ex = Extractor::new(Gazetteer::builtin(), Lexicon::builtin());
        let doc = Document::from_text("t", title, text, Some("2025-01-01"));
        ex.analyse_doc(&doc, true).candidates
    }

    fn find<'c>(cs: &'c [Candidate], src: &str, rel: Relation, tgt: &str) -> Vec<&'c Candidate> {
        cs.iter()
            .filter(|c| rollup(&c.source) == src && c.relation == rel && rollup(&c.target) == tgt)
            .collect()
    }

    fn has(c: &Candidate, name: &str) -> bool {
        c.names.iter().any(|n| n == name)
    }

    #[test]
    fn an_active_verb_gives_both_directions_told_apart_by_their_features() {
        let cs = cands(None, "Kenya accused Uganda of arming the rebels.");
        let cs: Vec<Candidate> = cs.into_iter().filter(|c| c.cue == "accused").collect();
        let right = find(&cs, "KEN", Relation::Accuses, "UGA");
        let wrong = find(&cs, "UGA", Relation::Accuses, "KEN");
        assert_eq!((right.len(), wrong.len()), (1, 1));
        assert!(has(right[0], "sides=LR|accuse"), "{:?}", right[0].names);
        assert!(has(right[0], "role=src:true,tgt:true|accuse"));
        assert!(has(right[0], "rule=exact|accuse") && right[0].backed);
        assert!(has(wrong[0], "sides=RL|accuse") && !wrong[0].backed);
    }

    #[test]
    fn a_paraphrase_cue_makes_candidates_the_rules_do_not_see() {
        let cs = cands(None, "Chile asked Peru to reopen the border crossing.");
        let c = find(&cs, "CHL", Relation::Urges, "PER");
        assert!(!c.is_empty());
        assert!(has(c[0], "broad=true|demand") && has(c[0], "rule=cue-silent|demand"));
        assert!(
            has(c[0], "role=src:true,tgt:true|demand"),
            "{:?}",
            c[0].names
        );
    }

    #[test]
    fn a_judgement_after_reported_speech_is_a_cue() {
        let cs = cands(None, "Norway said Denmark's quota was unfair.");
        let c = find(&cs, "NOR", Relation::Criticizes, "DNK");
        assert!(!c.is_empty());
        assert!(has(c[0], "form=judg|disapprove"));
        assert!(has(c[0], "speech-in-sentence=true|broad=true|disapprove"));
    }

    #[test]
    fn negation_and_modality_are_features_not_filters() {
        let cs = cands(None, "Kenya did not accuse Uganda of anything.");
        let c = find(&cs, "KEN", Relation::Accuses, "UGA");
        assert!(has(c[0], "neg=true|accuse"), "{:?}", c[0].names);
        let cs = cands(None, "Kenya may criticize Uganda over the dam.");
        let c = find(&cs, "KEN", Relation::Criticizes, "UGA");
        assert!(has(c[0], "hedge=true|disapprove"));
    }

    #[test]
    fn a_pronoun_subject_takes_the_speaker_carried_over() {
        let cs = cands(
            None,
            "Foreign Minister Ana Ruiz of Chile met reporters in Santiago. She criticized Peru over the fishing dispute.",
        );
        let c = find(&cs, "CHL", Relation::Criticizes, "PER");
        assert!(
            c.iter().any(|c| has(c, "s-ctx=prior|disapprove")),
            "{cs:#?}"
        );
    }

    #[test]
    fn a_cue_without_an_object_takes_targets_from_the_story() {
        let cs = cands(
            None,
            "Iceland and Norway argued over fishing quotas on Monday. Norway condemned the decision. Iceland said Norway ignored the treaty.",
        );
        let c = find(&cs, "NOR", Relation::Condemns, "ISL");
        assert!(
            c.iter()
                .any(|c| has(c, "t-ctx=near|disapprove") || has(c, "t-ctx=top|disapprove")),
            "{cs:#?}"
        );
    }

    #[test]
    fn two_office_holders_of_one_state_stay_two_actors() {
        let cs = cands(
            None,
            "U.S. Senator Anna Reyes criticized U.S. President Tom Harlow over the budget.",
        );
        let c = find(&cs, "USA", Relation::Criticizes, "USA");
        assert!(
            c.iter().any(|c| c.source.id != c.target.id),
            "{:#?}",
            cs.iter()
                .map(|c| (&c.cue, &c.source, &c.target))
                .collect::<Vec<_>>()
        );
        // One actor named twice makes no statement with itself.
        let cs = cands(None, "Kenya criticized Kenya's own budget.");
        assert!(find(&cs, "KEN", Relation::Criticizes, "KEN").is_empty());
    }

    #[test]
    fn a_headline_is_marked() {
        let cs = cands(
            Some("Kenya Slams Uganda Over Dam"),
            "The dispute grew on Monday.",
        );
        let c = find(&cs, "KEN", Relation::Criticizes, "UGA");
        assert!(has(c[0], "headline=true|disapprove"));
    }
}
