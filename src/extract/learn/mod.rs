//! The learned half of extraction: broad candidates, a logistic scorer trained on annotated
//! documents, and the decoding of scored candidates into statements.

pub mod candidates;
pub mod model;
pub mod train;

use crate::eval::{actor_matches, GoldDoc};
use crate::ingest::Document;
use crate::model::{Extraction, Relation, Statement};
use crate::text::Sentence;
pub use candidates::{rollup, Candidate};
pub use model::{Model, ModelError};
use std::collections::BTreeMap;
pub use train::{train, DocExamples, Example, TrainOptions};

/// A document after analysis: its sentences, what the rules found, and its candidates.
pub struct Analysed<'d> {
    /// The document.
    pub doc: &'d Document,
    /// Its sentences, in the order of the candidates' `view` indices.
    pub sentences: Vec<Sentence>,
    /// Rule statements (asserted or not), mentions and affiliations.
    pub rules: Extraction,
    /// Candidate statements.
    pub candidates: Vec<Candidate>,
    /// Per sentence, the actors named and the relations of the cues found (kept only when
    /// feature names are recorded: for diagnosing what candidates miss).
    pub layout: Vec<(Vec<crate::model::Actor>, Vec<crate::model::Relation>)>,
}

/// The key a statement is decided by: (source, relation, target) rolled up to their states,
/// or for two actors of one state, the actors themselves (a senator against the president is
/// not the president against the senator).
fn group_key(c: &Candidate) -> (String, crate::model::Relation, String) {
    let (s, t) = (rollup(&c.source), rollup(&c.target));
    if s == t {
        (c.source.id.clone(), c.relation, c.target.id.clone())
    } else {
        (s.to_string(), c.relation, t.to_string())
    }
}

/// Training examples of one analysed document against its gold statements.
///
/// A candidate is positive when its source, relation and target match a gold statement and
/// it sits where the gold's cue says (its cue words are in the gold cue, or its sentence
/// holds most of the gold cue's words); a gold statement whose cue matches no candidate's
/// place makes every candidate of its triple positive. So a right triple read off the wrong
/// sentence or the wrong cue does not teach that structure does not matter.
pub fn examples(a: &Analysed<'_>, gold: &GoldDoc) -> DocExamples {
    let scored: Vec<_> = gold
        .statements
        .iter()
        .filter(|s| s.target.is_some())
        .collect();
    let mut label = vec![false; a.candidates.len()];
    for g in &scored {
        let t = g.target.as_ref().expect("filtered");
        let matching: Vec<usize> = (0..a.candidates.len())
            .filter(|&i| {
                let c = &a.candidates[i];
                g.relation == c.relation
                    && actor_matches(&c.source, &g.source)
                    && actor_matches(&c.target, t)
            })
            .collect();
        let placed: Vec<usize> = matching
            .iter()
            .copied()
            .filter(|&i| at_gold_cue(a, &a.candidates[i], &g.cue))
            .collect();
        for i in if placed.is_empty() { matching } else { placed } {
            label[i] = true;
        }
    }
    let examples = a
        .candidates
        .iter()
        .zip(label)
        .map(|(c, label)| {
            let (s, r, t) = group_key(c);
            Example {
                feats: c.feats.clone(),
                label,
                backed: c.backed,
                group: (gold.doc.clone(), s, r.as_str().to_string(), t),
            }
        })
        .collect();
    DocExamples {
        doc: gold.doc.clone(),
        examples,
        gold: scored.len(),
    }
}

/// Lowercase words of a text.
fn words_of(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether a candidate sits where a gold cue points: its cue words are among the cue's, or
/// its sentence holds most words of one part of the cue (parts split at "/" and "...").
fn at_gold_cue(a: &Analysed<'_>, c: &Candidate, gold_cue: &str) -> bool {
    let cue_words = words_of(gold_cue);
    let mine = words_of(&c.cue);
    if !mine.is_empty() && mine.iter().all(|w| cue_words.contains(w)) {
        return true;
    }
    let sent = a.sentences[c.view];
    let text = words_of(&a.doc.clean[sent.start..sent.end]);
    gold_cue
        .split(['/', '\u{2026}'])
        .flat_map(|p| p.split("..."))
        .any(|part| {
            let ws = words_of(part);
            ws.len() >= 2 && ws.iter().filter(|w| text.contains(w)).count() * 3 >= ws.len() * 2
        })
}

/// The statements of an analysed document under a model: every candidate whose
/// probability reaches the threshold, with that probability as its confidence, one relation
/// of a family for one cue between two actors (the likeliest);
/// the rules' statements without a target (not scored by the model) and their negated or
/// hedged readings (flagged, for reading) are kept beside them.
pub fn decode(model: &Model, lex: &crate::extract::Lexicon, a: &Analysed<'_>) -> Vec<Statement> {
    let probs: Vec<f32> = a
        .candidates
        .iter()
        .map(|c| model.probability(&c.feats))
        .collect();
    // One cue states one direction between two actors: the likelier reading wins, unless the
    // rules found both ("accused each other").
    let mut direction: BTreeMap<(usize, &str, &str, &str), f32> = BTreeMap::new();
    for (c, p) in a.candidates.iter().zip(&probs).filter(|(c, _)| !c.backed) {
        let (x, y) = if c.source.id <= c.target.id {
            (&c.source.id, &c.target.id)
        } else {
            (&c.target.id, &c.source.id)
        };
        let e = direction.entry((c.view, &c.cue, x, y)).or_insert(*p);
        *e = e.max(*p);
    }
    let outdone = |c: &Candidate, p: f32| {
        let (x, y) = if c.source.id <= c.target.id {
            (&c.source.id, &c.target.id)
        } else {
            (&c.target.id, &c.source.id)
        };
        let reverse_backed = a.candidates.iter().any(|o| {
            o.backed
                && o.view == c.view
                && o.cue == c.cue
                && o.source.id == c.target.id
                && o.target.id == c.source.id
        });
        !c.backed
            && (reverse_backed || direction[&(c.view, c.cue.as_str(), x.as_str(), y.as_str())] > p)
    };
    let mut best: BTreeMap<(String, crate::model::Relation, String, usize), (f32, usize)> =
        BTreeMap::new();
    for (i, c) in a.candidates.iter().enumerate() {
        let p = probs[i];
        if p < model.threshold_for(c.backed) || outdone(c, p) {
            continue;
        }
        let (s, r, t) = group_key(c);
        let e = best.entry((s, r, t, c.view)).or_insert((p, i));
        if p > e.0 {
            *e = (p, i);
        }
    }
    // One relation of a family for one cue between two actors ("called for" urges or
    // demands, not both); two cues may still give two ("rejected ... and denied").
    let slot = |(s, r, t, v): &(String, Relation, String, usize), i: usize| {
        (
            s.clone(),
            r.family(),
            t.clone(),
            *v,
            a.candidates[i].cue.clone(),
        )
    };
    let mut top: BTreeMap<_, (f32, Relation)> = BTreeMap::new();
    for (k, (p, i)) in &best {
        let e = top.entry(slot(k, *i)).or_insert((*p, k.1));
        if *p > e.0 || (*p == e.0 && k.1 < e.1) {
            *e = (*p, k.1);
        }
    }
    let keep: Vec<bool> = best
        .iter()
        .map(|(k, (_, i))| top[&slot(k, *i)].1 == k.1)
        .collect();
    let mut out: Vec<Statement> = Vec::new();
    let doc = a.doc;
    for ((p, i), _) in best.into_values().zip(keep).filter(|(_, k)| *k) {
        let c = &a.candidates[i];
        let sent = a.sentences[c.view];
        out.push(Statement {
            doc: doc.id.clone(),
            sentence: sent.index,
            span: doc.raw_span(sent.start, sent.end),
            evidence: doc.clean[sent.start..sent.end].to_string(),
            cue: c.cue.clone(),
            relation: c.relation,
            source: c.source.clone(),
            target: Some(c.target.clone()),
            speaker: c.speaker.clone(),
            topic: None,
            negated: false,
            hedged: false,
            date: doc.date.clone(),
            confidence: p,
            explicit: c.explicit,
            coding: lex.coding(c.relation),
        });
    }
    for st in &a.rules.statements {
        let dyadic_asserted = st.target.is_some() && st.is_asserted();
        let covered = out.iter().any(|o| {
            o.sentence == st.sentence && o.cue == st.cue && rollup(&o.source) == rollup(&st.source)
        });
        if !dyadic_asserted && !covered {
            out.push(st.clone());
        }
    }
    out.sort_by(|a, b| {
        a.sentence
            .cmp(&b.sentence)
            .then(a.relation.cmp(&b.relation))
            .then(a.source.id.cmp(&b.source.id))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::Gazetteer;
    use crate::eval::GoldStatement;
    use crate::extract::{Extractor, Lexicon};
    use crate::model::Relation;

    fn gold(rel: Relation, src: &str, tgt: &str, cue: &str) -> GoldDoc {
        GoldDoc {
            doc: "t".into(),
            statements: vec![GoldStatement {
                source: vec![src.into()],
                relation: rel,
                target: Some(vec![tgt.into()]),
                explicit: true,
                cue: cue.into(),
            }],
        }
    }

    #[test]
    fn a_candidate_is_positive_only_where_the_gold_cue_points() {
        let ex = Extractor::new(Gazetteer::builtin(), Lexicon::builtin());
        let doc = Document::from_text(
            "t",
            None,
            "Kenya accused Uganda of arming the rebels.",
            Some("2025-01-01"),
        );
        let a = ex.analyse_doc(&doc, false);
        let e = examples(&a, &gold(Relation::Accuses, "KEN", "UGA", "accused"));
        let label_of = |cue: &str| {
            a.candidates
                .iter()
                .zip(&e.examples)
                .find(|(c, _)| c.cue == cue && rollup(&c.source) == "KEN")
                .map(|(_, x)| x.label)
        };
        assert_eq!(label_of("accused"), Some(true));
        assert_eq!(label_of("arming"), Some(false));
        assert_eq!(e.gold, 1);
    }

    #[test]
    fn decoding_keeps_one_relation_of_a_family_per_cue() {
        let ex = Extractor::new(Gazetteer::builtin(), Lexicon::builtin());
        let doc = Document::from_text(
            "t",
            None,
            "Chile called for Peru to reopen the border.",
            Some("2025-01-01"),
        );
        let a = ex.analyse_doc(&doc, false);
        let both = |r: Relation| a.candidates.iter().any(|c| c.relation == r);
        assert!(both(Relation::Urges) && both(Relation::Demands));
        let m = Model::from_weights(
            vec![("bias|urges".into(), 5.0), ("bias|demands".into(), 3.0)],
            (0.5, 0.5),
            vec![],
        );
        let st = decode(&m, Lexicon::builtin(), &a);
        let fam: Vec<Relation> = st
            .iter()
            .filter(|s| s.target.as_ref().is_some_and(|t| t.id == "PER"))
            .map(|s| s.relation)
            .collect();
        assert!(
            fam.contains(&Relation::Urges) && !fam.contains(&Relation::Demands),
            "{fam:?}"
        );
    }

    #[test]
    fn a_cue_states_one_direction_between_two_actors() {
        let ex = Extractor::new(Gazetteer::builtin(), Lexicon::builtin());
        let doc = Document::from_text(
            "t",
            None,
            "Chile asked Peru to reopen the border.",
            Some("2025-01-01"),
        );
        let a = ex.analyse_doc(&doc, false);
        let m = Model::from_weights(
            vec![("bias|urges".into(), 3.0), ("sides=LR|demand".into(), 1.0)],
            (0.5, 0.5),
            vec![],
        );
        let st = decode(&m, Lexicon::builtin(), &a);
        let pairs: Vec<(String, String)> = st
            .iter()
            .filter(|s| s.relation == Relation::Urges)
            .map(|s| {
                (
                    s.source.id.clone(),
                    s.target.as_ref().map_or(String::new(), |t| t.id.clone()),
                )
            })
            .collect();
        assert_eq!(pairs, vec![("CHL".to_string(), "PER".to_string())]);
    }
}
