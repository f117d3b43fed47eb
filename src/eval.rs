//! Scoring extracted statements against gold annotations, by the matching rules of the
//! annotation guideline (actors by country code or name keys, relation exact or by family).

use crate::model::{Actor, ActorKind, Relation, Statement};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// One gold statement.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldStatement {
    /// Acceptable keys of the source.
    pub source: Vec<String>,
    /// The relation.
    pub relation: Relation,
    /// Acceptable keys of the target; null for monadic statements (not scored).
    pub target: Option<Vec<String>>,
    /// Whether a statement word is in the text.
    #[serde(default)]
    pub explicit: bool,
    /// The cue, for reading.
    #[serde(default)]
    pub cue: String,
}

/// The gold statements of one document.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDoc {
    /// Document id.
    pub doc: String,
    /// Its statements (possibly none).
    pub statements: Vec<GoldStatement>,
}

/// Reads a gold file; a bad line is reported as `path:line: message`.
pub fn read_gold(path: &Path) -> anyhow::Result<Vec<GoldDoc>> {
    let text =
        std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let d: GoldDoc = serde_json::from_str(line).map_err(|e| {
            anyhow::anyhow!("{}:{}: malformed gold line: {e}", path.display(), i + 1)
        })?;
        out.push(d);
    }
    Ok(out)
}

/// The cross-validation fold of a document: the first eight bytes of the SHA-256 of its id,
/// big-endian, modulo `k`. A hash rather than file order, so that a document keeps its fold
/// whatever file it sits in and however the gold grows. Fold 0 is the check fold.
pub fn fold_of(doc: &str, k: usize) -> usize {
    use sha2::{Digest, Sha256};
    let h = Sha256::digest(doc.as_bytes());
    let mut b = [0u8; 8];
    b.copy_from_slice(&h[..8]);
    (u64::from_be_bytes(b) % k.max(1) as u64) as usize
}

/// Whether an actor matches a list of gold keys (guideline: code, name, or a key as a whole word of the name).
pub fn actor_matches(actor: &Actor, keys: &[String]) -> bool {
    let code = match actor.kind {
        ActorKind::Country => Some(actor.id.as_str()),
        _ => actor.country.as_deref(),
    };
    let name = actor.name.to_lowercase();
    keys.iter().any(|k| {
        let k = k.to_lowercase();
        code.is_some_and(|c| c.eq_ignore_ascii_case(&k)) || name == k || contains_word(&name, &k)
    })
}

fn contains_word(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric())
    })
}

/// Counts for one measure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Matched predictions.
    pub tp: usize,
    /// Predictions with no gold match.
    pub fp: usize,
    /// Gold statements with no prediction.
    pub fn_: usize,
}

impl Counts {
    /// tp / (tp + fp).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// tp / (tp + fn).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// A scoring result: totals, per relation, and the errors for reading.
#[derive(Debug, Default, Clone)]
pub struct Report {
    /// Exact-relation counts.
    pub exact: Counts,
    /// Family counts.
    pub family: Counts,
    /// Exact counts per gold/predicted relation.
    pub per_relation: BTreeMap<Relation, Counts>,
    /// Gold documents scored.
    pub documents: usize,
    /// Gold documents missing from the input.
    pub missing_docs: Vec<String>,
    /// Gold statements not found (exact), as readable lines.
    pub misses: Vec<String>,
    /// Predictions with no exact gold match, as readable lines.
    pub false_alarms: Vec<String>,
    /// Misses by error class (see [`MissClass`]).
    pub miss_classes: BTreeMap<MissClass, usize>,
}

/// Why a gold statement was missed, judged from what was extracted from its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MissClass {
    /// The actors were found with a relation of another family.
    OtherFamily,
    /// The actors were found with another relation of the same family.
    OtherRelation,
    /// The source and relation family were found, without a target.
    NoTarget,
    /// The source and relation family were found, with another target.
    WrongTarget,
    /// The target and relation family were found, with another source.
    WrongSource,
    /// Nothing of the statement was found.
    Nothing,
}

impl MissClass {
    /// A short name for reports.
    pub fn as_str(self) -> &'static str {
        match self {
            MissClass::OtherFamily => "other family",
            MissClass::OtherRelation => "other relation",
            MissClass::NoTarget => "no target",
            MissClass::WrongTarget => "wrong target",
            MissClass::WrongSource => "wrong source",
            MissClass::Nothing => "nothing found",
        }
    }
}

fn classify(gs: &GoldStatement, preds: &[Statement]) -> MissClass {
    let src = |p: &Statement| actor_matches(&p.source, &gs.source);
    let tgt = |p: &Statement| match (&p.target, &gs.target) {
        (Some(t), Some(k)) => actor_matches(t, k),
        _ => false,
    };
    let fam = |p: &Statement| p.relation.family() == gs.relation.family();
    if preds.iter().any(|p| src(p) && tgt(p) && fam(p)) {
        MissClass::OtherRelation
    } else if preds.iter().any(|p| src(p) && tgt(p)) {
        MissClass::OtherFamily
    } else if preds.iter().any(|p| src(p) && fam(p) && p.target.is_none()) {
        MissClass::NoTarget
    } else if preds.iter().any(|p| src(p) && fam(p)) {
        MissClass::WrongTarget
    } else if preds.iter().any(|p| tgt(p) && fam(p)) {
        MissClass::WrongSource
    } else {
        MissClass::Nothing
    }
}

/// Scores predictions (all statements of the input) against gold documents.
///
/// Only asserted statements with a target count; a document's predictions are a set of
/// (relation, source, target), as repetition does not matter in the gold.
pub fn score(gold: &[GoldDoc], predicted: &BTreeMap<String, Vec<Statement>>) -> Report {
    let mut rep = Report::default();
    for g in gold {
        let Some(preds) = predicted.get(&g.doc) else {
            rep.missing_docs.push(g.doc.clone());
            continue;
        };
        let all_preds = preds;
        rep.documents += 1;
        let gold_scored: Vec<&GoldStatement> =
            g.statements.iter().filter(|s| s.target.is_some()).collect();
        let mut seen = BTreeSet::new();
        let preds: Vec<&Statement> = preds
            .iter()
            .filter(|s| s.is_asserted() && s.target.is_some())
            .filter(|s| {
                let key = (s.relation, rollup(&s.source), s.target.as_ref().map(rollup));
                seen.insert(key)
            })
            .collect();
        for family in [false, true] {
            let mut used_gold = vec![false; gold_scored.len()];
            let mut matched_pred = vec![false; preds.len()];
            for (pi, p) in preds.iter().enumerate() {
                let t = p.target.as_ref().expect("filtered on target");
                let hit = gold_scored.iter().enumerate().find(|(gi, gs)| {
                    !used_gold[*gi]
                        && if family {
                            gs.relation.family() == p.relation.family()
                        } else {
                            gs.relation == p.relation
                        }
                        && actor_matches(&p.source, &gs.source)
                        && gs.target.as_ref().is_some_and(|k| actor_matches(t, k))
                });
                if let Some((gi, _)) = hit {
                    used_gold[gi] = true;
                    matched_pred[pi] = true;
                }
            }
            let c = if family {
                &mut rep.family
            } else {
                &mut rep.exact
            };
            let tp = matched_pred.iter().filter(|m| **m).count();
            c.tp += tp;
            c.fp += preds.len() - tp;
            c.fn_ += gold_scored.len() - tp;
            if !family {
                for (pi, p) in preds.iter().enumerate() {
                    let e = rep.per_relation.entry(p.relation).or_default();
                    if matched_pred[pi] {
                        e.tp += 1;
                    } else {
                        e.fp += 1;
                        rep.false_alarms.push(format!(
                            "{}\t{} {} {}\tcue={:?}\t{}",
                            g.doc,
                            p.source.name,
                            p.relation,
                            p.target.as_ref().map(|t| t.name.as_str()).unwrap_or("-"),
                            p.cue,
                            p.evidence
                        ));
                    }
                }
                for (gi, gs) in gold_scored.iter().enumerate() {
                    if !used_gold[gi] {
                        rep.per_relation.entry(gs.relation).or_default().fn_ += 1;
                        let asserted: Vec<Statement> = all_preds
                            .iter()
                            .filter(|s| s.is_asserted())
                            .cloned()
                            .collect();
                        let class = classify(gs, &asserted);
                        *rep.miss_classes.entry(class).or_default() += 1;
                        rep.misses.push(format!(
                            "{}\t[{}] {} {} {}\tcue={:?}",
                            g.doc,
                            class.as_str(),
                            gs.source.first().map(String::as_str).unwrap_or("?"),
                            gs.relation,
                            gs.target
                                .as_ref()
                                .and_then(|t| t.first())
                                .map(String::as_str)
                                .unwrap_or("-"),
                            gs.cue
                        ));
                    }
                }
            }
        }
    }
    rep
}

/// The key a statement's actor is deduplicated by: its country when it speaks for one.
fn rollup(a: &Actor) -> String {
    match (a.kind, &a.country) {
        (ActorKind::Country, _) => a.id.clone(),
        (_, Some(c)) => c.clone(),
        _ => a.id.clone(),
    }
}

impl Report {
    /// The report as text: per relation table, then the exact and family summary lines last.
    pub fn render(&self, verbose: bool) -> String {
        let mut s = String::new();
        if verbose {
            let _ = writeln!(s, "misses ({}):", self.misses.len());
            for m in &self.misses {
                let _ = writeln!(s, "  MISS  {m}");
            }
            let classes: Vec<String> = self
                .miss_classes
                .iter()
                .map(|(c, n)| format!("{} {n}", c.as_str()))
                .collect();
            let _ = writeln!(s, "misses by class: {}", classes.join(", "));
            let _ = writeln!(s, "false alarms ({}):", self.false_alarms.len());
            for m in &self.false_alarms {
                let _ = writeln!(s, "  FALSE {m}");
            }
            let _ = writeln!(s);
        }
        if !self.missing_docs.is_empty() {
            let _ = writeln!(
                s,
                "warning: {} gold documents are not in the input",
                self.missing_docs.len()
            );
        }
        let _ = writeln!(
            s,
            "{:<11} {:>4} {:>4} {:>4} {:>9} {:>7} {:>6}",
            "relation", "tp", "fp", "fn", "precision", "recall", "f1"
        );
        for (r, c) in &self.per_relation {
            let _ = writeln!(
                s,
                "{:<11} {:>4} {:>4} {:>4} {:>9.3} {:>7.3} {:>6.3}",
                r.as_str(),
                c.tp,
                c.fp,
                c.fn_,
                c.precision(),
                c.recall(),
                c.f1()
            );
        }
        let _ = writeln!(s, "documents scored: {}", self.documents);
        for (name, c) in [("exact", self.exact), ("family", self.family)] {
            let _ = writeln!(
                s,
                "{name:<7} precision {:.3}  recall {:.3}  f1 {:.3}  (tp {} fp {} fn {})",
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp,
                c.fp,
                c.fn_
            );
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Coding;

    #[test]
    fn folds_follow_the_hash_of_the_id() {
        // Same values as Python's int(sha256(id).hexdigest()[:16], 16) % 5, which helpers use.
        assert_eq!(["a", "doc-1", "x"].map(|d| fold_of(d, 5)), [0, 1, 1]);
        assert_eq!(fold_of("anything", 1), 0);
    }

    fn actor(id: &str, name: &str, kind: ActorKind, country: Option<&str>) -> Actor {
        Actor {
            id: id.into(),
            name: name.into(),
            kind,
            country: country.map(Into::into),
        }
    }

    fn st(doc: &str, rel: Relation, s: Actor, t: Option<Actor>) -> Statement {
        Statement {
            doc: doc.into(),
            sentence: 0,
            span: [0, 1],
            evidence: String::new(),
            cue: String::new(),
            relation: rel,
            source: s,
            target: t,
            speaker: None,
            topic: None,
            negated: false,
            hedged: false,
            date: None,
            confidence: 1.0,
            explicit: true,
            coding: Coding::default(),
        }
    }

    #[test]
    fn actors_match_by_code_name_or_whole_word_key() {
        let body = actor(
            "CHN/foreign-ministry",
            "Chinese Foreign Ministry",
            ActorKind::Organization,
            Some("CHN"),
        );
        assert!(actor_matches(&body, &["CHN".into()]));
        assert!(actor_matches(
            &actor("hrw", "Human Rights Watch", ActorKind::Organization, None),
            &["Human Rights Watch".into()]
        ));
        assert!(actor_matches(
            &actor("p", "Kofi Annan", ActorKind::Person, None),
            &["Annan".into()]
        ));
        assert!(!actor_matches(
            &actor("p", "Annanova", ActorKind::Person, None),
            &["Annan".into()]
        ));
        assert!(!actor_matches(
            &actor("RUS", "Russia", ActorKind::Country, None),
            &["CHN".into()]
        ));
    }

    #[test]
    fn scoring_counts_sets_families_and_ignores_monadic_and_negated() {
        let chn = actor("CHN", "China", ActorKind::Country, None);
        let usa = actor("USA", "United States", ActorKind::Country, None);
        let gold = vec![GoldDoc {
            doc: "d".into(),
            statements: vec![
                GoldStatement {
                    source: vec!["CHN".into()],
                    relation: Relation::Rejects,
                    target: Some(vec!["USA".into()]),
                    explicit: true,
                    cue: String::new(),
                },
                GoldStatement {
                    source: vec!["USA".into()],
                    relation: Relation::Accuses,
                    target: Some(vec!["CHN".into()]),
                    explicit: true,
                    cue: String::new(),
                },
                GoldStatement {
                    source: vec!["USA".into()],
                    relation: Relation::Urges,
                    target: None,
                    explicit: true,
                    cue: String::new(),
                },
            ],
        }];
        let mut negated = st("d", Relation::Condemns, chn.clone(), Some(usa.clone()));
        negated.negated = true;
        let preds = BTreeMap::from([(
            "d".to_string(),
            vec![
                st("d", Relation::Denies, chn.clone(), Some(usa.clone())),
                st("d", Relation::Accuses, usa.clone(), Some(chn.clone())),
                st("d", Relation::Accuses, usa.clone(), Some(chn.clone())),
                st("d", Relation::Urges, usa.clone(), None),
                negated,
            ],
        )]);
        let r = score(&gold, &preds);
        assert_eq!(
            r.exact,
            Counts {
                tp: 1,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(
            r.family,
            Counts {
                tp: 2,
                fp: 0,
                fn_: 0
            }
        );
        assert!((r.exact.f1() - 0.5).abs() < 1e-9);
        assert_eq!(r.misses.len(), 1);
        assert!(r
            .render(false)
            .lines()
            .last()
            .unwrap()
            .starts_with("family"));
    }
}
