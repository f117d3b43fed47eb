//! Stage 4: statements. Cues from the relation lexicon, anchored in clause structure found
//! by patterns over tokens that know actors, titles, prepositions and punctuation.

pub mod clause;
pub mod learn;
pub mod lexicon;

use crate::actors::mentions::{self, ActorSpan, Memory, Word};
use crate::actors::Gazetteer;
use crate::ingest::Document;
use crate::model::{Actor, ActorKind, DocInfo, Extraction, Mention, Statement};
use crate::text;
pub use lexicon::{Lexicon, LexiconError};

/// Extracts statements from documents with a gazetteer and a lexicon, both compiled once.
pub struct Extractor<'a> {
    gaz: &'a Gazetteer,
    lex: &'a Lexicon,
    /// The learned scorer; without one, the hand rules decide alone.
    model: Option<&'a learn::Model>,
    /// Statements with a lower confidence are dropped.
    pub min_confidence: f32,
}

/// One analysed sentence: its words and actor spans.
pub struct SentenceView<'a> {
    /// The sentence.
    pub sentence: text::Sentence,
    /// Its words (datelines removed).
    pub words: Vec<Word<'a>>,
    /// Actor spans, in order, non-overlapping.
    pub spans: Vec<ActorSpan>,
    /// The owner of the last thing the previous sentence named ("the U.S. plan"), which a
    /// pronoun at the start of this one may stand for ("the EC said it is unrealistic").
    pub prior_thing: Option<ActorSpan>,
    /// The main subject of the sentences before, whom a quotation's "he said" may name.
    pub prior_subject: Option<ActorSpan>,
    /// Whether the sentence before reported speech, so that a quotation with no speaker of
    /// its own may continue it.
    pub prior_said: bool,
}

impl<'a> Extractor<'a> {
    /// An extractor over a gazetteer and a lexicon.
    pub fn new(gaz: &'a Gazetteer, lex: &'a Lexicon) -> Self {
        Extractor {
            gaz,
            lex,
            model: Some(learn::Model::builtin()),
            min_confidence: 0.0,
        }
    }

    /// The same extractor deciding with another model, or with the hand rules alone (`None`).
    pub fn with_model(mut self, model: Option<&'a learn::Model>) -> Self {
        self.model = model;
        self
    }

    /// Analyses a document: sentences, the rules' statements and the scorer's candidates
    /// (with feature names when `record` is set, for training and explaining).
    pub fn analyse_doc<'d>(&self, doc: &'d Document, record: bool) -> learn::Analysed<'d> {
        let views = self.analyse(doc);
        let mut roles = Vec::with_capacity(views.len());
        let rules = self.rule_extraction(doc, &views, Some(&mut roles));
        let candidates = learn::candidates::candidates(&learn::candidates::DocContext {
            lex: self.lex,
            clean: &doc.clean,
            views: &views,
            rules: &rules.statements,
            roles: &roles,
            record,
        });
        let layout = if record {
            views
                .iter()
                .map(|v| {
                    let actors = v.spans.iter().map(|s| s.statement_source()).collect();
                    let lowers: Vec<&str> = v.words.iter().map(|w| w.lower.as_str()).collect();
                    (actors, learn::candidates::cue_relations(self.lex, &lowers))
                })
                .collect()
        } else {
            Vec::new()
        };
        learn::Analysed {
            doc,
            sentences: views.iter().map(|v| v.sentence).collect(),
            rules,
            candidates,
            layout,
        }
    }

    /// Splits, tokenizes and recognizes actors in every sentence of a document.
    pub fn analyse<'d>(&self, doc: &'d Document) -> Vec<SentenceView<'d>> {
        let clean = doc.clean.as_str();
        let sents = text::sentences(clean, doc.body_start, doc.title.is_some());
        let date = doc.date.as_deref();
        let gaz_matches = self.gaz.find_dated(clean, date);
        let mut views: Vec<SentenceView<'d>> = sents
            .iter()
            .map(|s| {
                let start = text::dateline_end(clean, s).unwrap_or(s.start);
                let toks = text::tokenize(clean, start, s.end);
                SentenceView {
                    sentence: *s,
                    words: mentions::words(clean, &toks),
                    spans: Vec::new(),
                    prior_thing: None,
                    prior_subject: None,
                    prior_said: false,
                }
            })
            .collect();
        // Body first, so that a headline can refer to people the body names in full.
        let mut memory = Memory {
            lead_country: self.dateline_country(doc, &sents, &gaz_matches),
            ..Memory::default()
        };
        let mut last_thing: Option<ActorSpan> = None;
        let mut said = false;
        for v in views.iter_mut().filter(|v| !v.sentence.headline) {
            v.prior_thing = last_thing.take();
            v.prior_subject = memory.subjects.last().cloned();
            v.prior_said = said;
            said = v.words.iter().any(|w| {
                matches!(
                    w.lower.as_str(),
                    "said" | "says" | "told" | "added" | "saying" | "quoted" | "declared"
                )
            });
            v.spans = mentions::recognize(
                self.gaz,
                clean,
                &v.words,
                &gaz_matches,
                date,
                false,
                &memory,
            );
            memory.remember(&v.spans);
            let known = memory.things.len();
            memory.remember_things(&v.words, &v.spans);
            last_thing = memory.things[known..].last().map(|(_, s)| s.clone());
            if let Some(subj) = clause::main_subject(v) {
                memory.subjects.push(subj.clone());
            }
        }
        for v in views.iter_mut().filter(|v| v.sentence.headline) {
            v.spans =
                mentions::recognize(self.gaz, clean, &v.words, &gaz_matches, date, true, &memory);
        }
        views
    }

    /// The state of the dateline city ("MANILA (Reuters) - "), when the story has one.
    fn dateline_country(
        &self,
        doc: &Document,
        sents: &[text::Sentence],
        gaz_matches: &[crate::actors::GazMatch],
    ) -> Option<String> {
        let first = sents.iter().find(|s| !s.headline)?;
        let end = text::dateline_end(&doc.clean, first)?;
        gaz_matches
            .iter()
            .filter(|m| m.start >= first.start && m.end <= end)
            .map(|m| self.gaz.entry(m.entry))
            .find_map(|e| match e.actor.kind {
                ActorKind::Country => Some(e.actor.id.clone()),
                _ => None,
            })
    }

    /// Everything extraction finds in one document.
    pub fn extract(&self, doc: &Document) -> Extraction {
        let Some(model) = self.model else {
            let views = self.analyse(doc);
            return self.rule_extraction(doc, &views, None);
        };
        let a = self.analyse_doc(doc, false);
        let mut statements = learn::decode(model, self.lex, &a);
        statements.retain(|s| s.confidence >= self.min_confidence);
        Extraction {
            statements,
            ..a.rules
        }
    }

    /// What the hand rules alone find in an analysed document; with `roles`, also what they
    /// conclude about every cue, the scorer's paraphrase cues included (one list a sentence).
    fn rule_extraction(
        &self,
        doc: &Document,
        views: &[SentenceView<'_>],
        mut roles: Option<&mut Vec<Vec<clause::CueRoles>>>,
    ) -> Extraction {
        let mut statements: Vec<Statement> = Vec::new();
        // Per statement: its clause named no counterpart (see `bilateral_frame`).
        let mut open: Vec<bool> = Vec::new();
        // Per statement: its object is "both sides" (see `both_sides`).
        let mut both: Vec<bool> = Vec::new();
        let mut memory = Memory::default();
        let mut mentions_out = Vec::new();
        let mut affiliations: Vec<(Actor, Actor)> = Vec::new();
        for v in views {
            let mut cue_roles = Vec::new();
            let found = clause::statements(
                self.lex,
                &doc.clean,
                v,
                &memory,
                &statements,
                &mut cue_roles,
            );
            if let Some(r) = roles.as_deref_mut() {
                cue_roles.extend(clause::broad_roles(
                    self.lex,
                    &doc.clean,
                    v,
                    &memory,
                    &statements,
                ));
                r.push(cue_roles);
            }
            for f in found {
                let span = doc.raw_span(v.sentence.start, v.sentence.end);
                let evidence = doc.clean[v.sentence.start..v.sentence.end].to_string();
                let coding = self.lex.coding(f.relation);
                let st = Statement {
                    doc: doc.id.clone(),
                    sentence: v.sentence.index,
                    span,
                    evidence,
                    cue: f.cue,
                    relation: f.relation,
                    source: f.source,
                    target: f.target,
                    speaker: f.speaker,
                    topic: f.topic,
                    negated: f.negated,
                    hedged: f.hedged,
                    date: doc.date.clone(),
                    confidence: f.confidence,
                    explicit: f.explicit,
                    coding,
                };
                if st.confidence >= self.min_confidence
                    && !statements.iter().any(|s| same_statement(s, &st))
                {
                    statements.push(st);
                    open.push(f.open);
                    both.push(f.both);
                }
            }
            for s in &v.spans {
                let surface = v.words[s.first..=s.last]
                    .iter()
                    .map(|w| w.text)
                    .collect::<Vec<_>>()
                    .join(" ");
                mentions_out.push(Mention {
                    actor: s.actor.clone(),
                    surface: surface.replace(" 's", "'s"),
                });
                if let Some(b) = &s.speaks_for {
                    if s.actor.kind == ActorKind::Person && b.id != s.actor.id {
                        affiliations.push((s.actor.clone(), b.clone()));
                    }
                }
                if s.actor.kind == ActorKind::Organization {
                    if let Some(c) = s.actor.country.as_deref().and_then(|c| self.gaz.by_id(c)) {
                        if c.actor.id != s.actor.id {
                            affiliations.push((s.actor.clone(), c.actor.clone()));
                        }
                    }
                }
            }
            memory.remember(&v.spans);
            if let Some(subj) = clause::main_subject(v) {
                memory.subjects.push(subj.clone());
            }
        }
        denied_reports(views, &mut statements);
        both_sides(self.gaz, &mentions_out, &mut statements, &both);
        bilateral_frame(self.gaz, &mentions_out, &mut statements, &open);
        affiliations.sort();
        affiliations.dedup();
        Extraction {
            doc: DocInfo {
                id: doc.id.clone(),
                hash: doc.hash.clone(),
                date: doc.date.clone(),
                title: doc.title.clone(),
                source: doc.source.clone(),
                url: doc.url.clone(),
            },
            statements,
            mentions: mentions_out,
            affiliations,
        }
    }
}

/// "The White House denied a report that ...": a rebuttal of an unattributed report answers
/// whoever the article says reported it ("NBC television reported that ...", "the NBC report").
fn denied_reports(views: &[SentenceView<'_>], statements: &mut [Statement]) {
    let answers_report = |st: &Statement| {
        let Some(at) = st.evidence.find(st.cue.as_str()) else {
            return false;
        };
        st.evidence[at + st.cue.len()..]
            .split_whitespace()
            .take(3)
            .any(|w| {
                matches!(
                    w.trim_matches(|c: char| !c.is_alphanumeric()),
                    "report" | "reports"
                )
            })
    };
    let pending: Vec<usize> = (0..statements.len())
        .filter(|&i| {
            let st = &statements[i];
            st.relation.is_rebuttal() && st.target.is_none() && answers_report(st)
        })
        .collect();
    if pending.is_empty() {
        return;
    }
    // The first outlet or person named as the report's author: "<X> ... reported", "<X> report".
    let reporter = views.iter().find_map(|v| {
        v.spans.iter().find_map(|s| {
            if !matches!(s.actor.kind, ActorKind::Organization | ActorKind::Person)
                || s.actor.country.is_some()
            {
                return None;
            }
            let after = &v.words[s.last + 1..v.words.len().min(s.last + 8)];
            let reported = after.first().is_some_and(|w| w.lower == "report")
                || after
                    .iter()
                    .take_while(|w| !matches!(w.text, "." | ";"))
                    .any(|w| w.lower == "reported");
            reported.then(|| s.actor.clone())
        })
    });
    let Some(reporter) = reporter else { return };
    for i in pending {
        if statements[i].source.id != reporter.id {
            statements[i].target = Some(reporter.clone());
            statements[i].confidence = (statements[i].confidence - 0.15).max(0.05);
        }
    }
}

/// The state an actor is, or belongs to.
fn state_of(a: &Actor) -> Option<String> {
    match a.kind {
        ActorKind::Country => Some(a.id.clone()),
        _ => a.country.clone(),
    }
}

/// Actors by how often the document names them (people aside), most named first.
fn party_counts(mentions: &[Mention]) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for m in mentions
        .iter()
        .filter(|m| m.actor.kind != ActorKind::Person)
    {
        let c = state_of(&m.actor).unwrap_or_else(|| m.actor.id.clone());
        match counts.iter_mut().find(|(k, _)| *k == c) {
            Some(e) => e.1 += 1,
            None => counts.push((c, 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts
}

/// "urged both sides to exercise restraint": the two parties the story names most, other than
/// the speaker, when two stand out; the statement is given once per party.
fn both_sides(
    gaz: &Gazetteer,
    mentions: &[Mention],
    statements: &mut Vec<Statement>,
    both: &[bool],
) {
    let counts = party_counts(mentions);
    let mut extra = Vec::new();
    for (st, _) in statements
        .iter_mut()
        .zip(both)
        .filter(|(s, b)| **b && s.target.is_none())
    {
        let me = state_of(&st.source).unwrap_or_else(|| st.source.id.clone());
        // Sides are states: organizations in the story (NATO meeting on it) are not sides.
        let is_state = |k: &str| {
            gaz.by_id(k)
                .is_some_and(|e| e.actor.kind == ActorKind::Country)
        };
        let others: Vec<&(String, usize)> = counts
            .iter()
            .filter(|(k, _)| *k != me && is_state(k))
            .collect();
        let (a, b) = match others.as_slice() {
            [a, b] => (a, b),
            [a, b, c, ..] if b.1 > c.1 => (a, b),
            _ => continue,
        };
        let actor = |id: &str| {
            gaz.by_id(id).map(|e| e.actor.clone()).or_else(|| {
                mentions
                    .iter()
                    .find(|m| m.actor.id == id)
                    .map(|m| m.actor.clone())
            })
        };
        let (Some(ta), Some(tb)) = (actor(&a.0), actor(&b.0)) else {
            continue;
        };
        st.confidence = (st.confidence * 0.8).max(0.05);
        let mut second = st.clone();
        st.target = Some(ta);
        second.target = Some(tb);
        extra.push(second);
    }
    statements.extend(extra);
}

/// A story about a dispute between two states ("U.S. pressure", "Japanese protests") leaves the
/// other party implicit: when two states dominate the document's mentions, a statement by one
/// of them with no named target is taken to aim at the other, with lower confidence.
fn bilateral_frame(
    gaz: &Gazetteer,
    mentions: &[Mention],
    statements: &mut [Statement],
    open: &[bool],
) {
    let counts = party_counts(mentions);
    let (a, b) = match counts.as_slice() {
        [a, b] => (a, b),
        [a, b, c, ..] if b.1 >= 2 * c.1.max(1) => (a, b),
        _ => return,
    };
    if b.1 < 3 {
        return;
    }
    // Rebuttals aim at a claimant, found by their own rule; a pronoun-resolved statement is
    // too weak to also guess its target.
    let eligible =
        |s: &Statement| s.target.is_none() && !s.relation.is_rebuttal() && s.confidence >= 0.6;
    for (st, _) in statements
        .iter_mut()
        .zip(open)
        .filter(|(s, o)| **o && eligible(s))
    {
        let Some(src) = state_of(&st.source).or_else(|| Some(st.source.id.clone())) else {
            continue;
        };
        let other = if src == a.0 {
            &b.0
        } else if src == b.0 {
            &a.0
        } else {
            continue;
        };
        let other_actor = gaz.by_id(other).map(|e| e.actor.clone()).or_else(|| {
            mentions
                .iter()
                .find(|m| m.actor.id == *other)
                .map(|m| m.actor.clone())
        });
        if let Some(e) = other_actor {
            st.target = Some(e);
            st.confidence = (st.confidence * 0.7).max(0.05);
        }
    }
}

/// Two statements of one sentence that say the same thing.
fn same_statement(a: &Statement, b: &Statement) -> bool {
    a.sentence == b.sentence
        && a.relation == b.relation
        && a.source.id == b.source.id
        && a.target.as_ref().map(|t| &t.id) == b.target.as_ref().map(|t| &t.id)
        && a.negated == b.negated
        && a.hedged == b.hedged
}

/// Documents extracted per parallel batch: large enough to keep every core busy,
/// small enough that memory stays flat on any corpus size.
pub const BATCH: usize = 512;

/// Streams documents through the extractor in parallel batches, handing results to `sink`
/// in input order. Documents for which `skip` is true are passed on without extraction.
pub fn run_stream<I, S, F>(inputs: I, ex: &Extractor<'_>, skip: S, mut sink: F)
where
    I: Iterator<Item = Result<Document, crate::ingest::IngestError>>,
    S: Fn(&Document) -> bool + Sync,
    F: FnMut(Result<(Document, Option<Extraction>), crate::ingest::IngestError>),
{
    use rayon::prelude::*;
    let mut inputs = inputs.peekable();
    while inputs.peek().is_some() {
        let batch: Vec<_> = inputs.by_ref().take(BATCH).collect();
        let done: Vec<_> = batch
            .into_par_iter()
            .map(|r| {
                r.and_then(|d| {
                    if skip(&d) {
                        return Ok((d, None));
                    }
                    // A bug on one odd document must not take the whole run down with it:
                    // it is reported like a bad input, and the other documents go on.
                    let x = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| ex.extract(&d)));
                    match x {
                        Ok(x) => Ok((d, Some(x))),
                        Err(_) => Err(crate::ingest::IngestError {
                            origin: d.origin.clone(),
                            message: format!("internal error while extracting document '{}' (a bug: please report it)", d.id),
                        }),
                    }
                })
            })
            .collect();
        for r in done {
            sink(r);
        }
    }
}
