//! Cross-validation of the learned scorer: documents split into folds by the hash of their
//! id; for each fold, the scorer is trained on the other folds only and scored on this one.
//! Fold 0 is the check fold, whose errors are never listed.

use crate::eval::{fold_of, score, Counts, GoldDoc, Report};
use crate::extract::learn::{self, Analysed, DocExamples, Model, TrainOptions};
use crate::extract::{Extractor, Lexicon};
use crate::ingest::Document;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

/// A gold file: scored corpora are measured, silver ones only train.
pub struct Corpus {
    /// Its name in reports (the file name).
    pub name: String,
    /// The annotated documents.
    pub gold: Vec<GoldDoc>,
    /// Whether its figures are measured (false for silver training data).
    pub scored: bool,
}

/// Analysed gold documents with their training examples and the feature names seen.
pub struct Prepared<'d> {
    /// (corpus index, gold document, analysis, examples), in corpus and gold order.
    pub docs: Vec<(usize, &'d GoldDoc, Analysed<'d>, DocExamples)>,
    /// Feature names by hash.
    pub names: HashMap<u64, String>,
}

/// Analyses every gold document found among `documents` (in parallel) and labels its
/// candidates. Gold documents missing from the input are left out (and reported by scoring).
pub fn prepare<'d>(
    ex: &Extractor<'_>,
    corpora: &'d [Corpus],
    documents: &'d BTreeMap<String, Document>,
) -> Prepared<'d> {
    let wanted: Vec<(usize, &GoldDoc, &Document)> = corpora
        .iter()
        .enumerate()
        .flat_map(|(ci, c)| c.gold.iter().map(move |g| (ci, g)))
        .filter_map(|(ci, g)| documents.get(&g.doc).map(|d| (ci, g, d)))
        .collect();
    let mut docs: Vec<_> = wanted
        .into_par_iter()
        .map(|(ci, g, d)| {
            let a = ex.analyse_doc(d, true);
            let e = learn::examples(&a, g);
            (ci, g, a, e)
        })
        .collect();
    let mut names = HashMap::new();
    for (_, _, a, _) in &mut docs {
        for c in &mut a.candidates {
            for (h, n) in c.feats.iter().zip(c.names.drain(..)) {
                names.entry(*h).or_insert(n);
            }
        }
    }
    Prepared { docs, names }
}

/// Trains a model on the prepared documents that `keep` selects.
pub fn train_on(
    p: &Prepared<'_>,
    keep: impl Fn(usize, &GoldDoc) -> bool,
    opts: &TrainOptions,
    notes: Vec<String>,
) -> Model {
    let data: Vec<DocExamples> = p
        .docs
        .iter()
        .filter(|(ci, g, _, _)| keep(*ci, g))
        .map(|(_, _, _, e)| e.clone())
        .collect();
    learn::train(&data, &p.names, opts, notes)
}

/// The figures of one corpus in one fold.
pub struct FoldResult {
    /// The fold.
    pub fold: usize,
    /// Its scoring.
    pub report: Report,
}

/// Scores of the cross-validation, per corpus.
pub struct CvReport {
    /// Corpus names, in order.
    pub corpora: Vec<String>,
    /// Per corpus, one result per fold.
    pub folds: Vec<Vec<FoldResult>>,
    /// Per corpus, how many scored gold statements some candidate matches (exact, family).
    pub candidate_recall: Vec<(usize, usize, usize)>,
    /// Per corpus, gold statements no candidate covers, by class, and as lines (folds 1 and up).
    pub candidate_misses: Vec<(BTreeMap<CandidateMiss, usize>, Vec<String>)>,
    /// Number of folds.
    pub k: usize,
}

/// Cross-validates: `learned` trains a scorer per fold; otherwise the rules' own statements
/// are scored per fold, for comparison.
pub fn cross_validate(
    p: &Prepared<'_>,
    corpora: &[Corpus],
    lex: &Lexicon,
    k: usize,
    learned: bool,
    opts: &TrainOptions,
) -> CvReport {
    let mut folds: Vec<Vec<FoldResult>> = corpora.iter().map(|_| Vec::new()).collect();
    for f in 0..k {
        let model = learned.then(|| {
            train_on(
                p,
                |ci, g| !corpora[ci].scored || fold_of(&g.doc, k) != f,
                opts,
                vec![],
            )
        });
        for (ci, c) in corpora.iter().enumerate().filter(|(_, c)| c.scored) {
            let gold: Vec<GoldDoc> = c
                .gold
                .iter()
                .filter(|g| fold_of(&g.doc, k) == f)
                .cloned()
                .collect();
            let predicted: BTreeMap<String, Vec<crate::model::Statement>> = p
                .docs
                .iter()
                .filter(|(dc, g, _, _)| *dc == ci && fold_of(&g.doc, k) == f)
                .map(|(_, g, a, _)| {
                    let st = match &model {
                        Some(m) => learn::decode(m, lex, a),
                        None => a.rules.statements.clone(),
                    };
                    (g.doc.clone(), st)
                })
                .collect();
            folds[ci].push(FoldResult {
                fold: f,
                report: score(&gold, &predicted),
            });
        }
    }
    let candidate_recall = corpora
        .iter()
        .enumerate()
        .map(|(ci, _)| candidate_recall(p, ci))
        .collect();
    let candidate_misses = (0..corpora.len())
        .map(|ci| candidate_misses(p, ci, k, 0))
        .collect();
    CvReport {
        corpora: corpora.iter().map(|c| c.name.clone()).collect(),
        folds,
        candidate_recall,
        candidate_misses,
        k,
    }
}

/// (scored gold statements, how many an exact candidate matches, how many a family one does).
fn candidate_recall(p: &Prepared<'_>, ci: usize) -> (usize, usize, usize) {
    let (mut n, mut exact, mut family) = (0, 0, 0);
    for (_, g, a, _) in p.docs.iter().filter(|(c, _, _, _)| *c == ci) {
        for gs in g.statements.iter().filter(|s| s.target.is_some()) {
            n += 1;
            let t = gs.target.as_ref().expect("filtered");
            let hits = |fam: bool| {
                a.candidates.iter().any(|c| {
                    (if fam {
                        c.relation.family() == gs.relation.family()
                    } else {
                        c.relation == gs.relation
                    }) && crate::eval::actor_matches(&c.source, &gs.source)
                        && crate::eval::actor_matches(&c.target, t)
                })
            };
            exact += usize::from(hits(false));
            family += usize::from(hits(true));
        }
    }
    (n, exact, family)
}

/// Why no candidate covers a gold statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CandidateMiss {
    /// Neither actor is recognized anywhere in the document.
    NoActors,
    /// The source is not recognized anywhere in the document.
    NoSource,
    /// The target is not recognized anywhere in the document.
    NoTarget,
    /// Both are recognized, never in one sentence.
    NotTogether,
    /// They share a sentence, with no cue of the relation's family in it.
    NoCue,
    /// They share a sentence with a cue of the family, yet no candidate was formed.
    Other,
}

impl CandidateMiss {
    /// A short name for reports.
    pub fn as_str(self) -> &'static str {
        match self {
            CandidateMiss::NoActors => "neither actor recognized",
            CandidateMiss::NoSource => "source not recognized",
            CandidateMiss::NoTarget => "target not recognized",
            CandidateMiss::NotTogether => "actors never in one sentence",
            CandidateMiss::NoCue => "no cue of the family where they meet",
            CandidateMiss::Other => "cue and actors together, no candidate",
        }
    }
}

/// Classifies the gold statements of corpus `ci` that no candidate covers (family level);
/// the lines list documents of folds other than `hide` only.
pub fn candidate_misses(
    p: &Prepared<'_>,
    ci: usize,
    k: usize,
    hide: usize,
) -> (BTreeMap<CandidateMiss, usize>, Vec<String>) {
    use crate::eval::actor_matches;
    let mut counts = BTreeMap::new();
    let mut lines = Vec::new();
    for (_, g, a, _) in p.docs.iter().filter(|(c, _, _, _)| *c == ci) {
        for gs in g.statements.iter().filter(|s| s.target.is_some()) {
            let t = gs.target.as_ref().expect("filtered");
            let fam = gs.relation.family();
            let covered = a.candidates.iter().any(|c| {
                c.relation.family() == fam
                    && actor_matches(&c.source, &gs.source)
                    && actor_matches(&c.target, t)
            });
            if covered {
                continue;
            }
            let has = |keys: &[String]| {
                a.layout
                    .iter()
                    .any(|(xs, _)| xs.iter().any(|x| actor_matches(x, keys)))
            };
            let together: Vec<usize> = (0..a.layout.len())
                .filter(|&i| {
                    let xs = &a.layout[i].0;
                    xs.iter().any(|x| actor_matches(x, &gs.source))
                        && xs.iter().any(|x| actor_matches(x, t))
                })
                .collect();
            let class = match (has(&gs.source), has(t)) {
                (false, false) => CandidateMiss::NoActors,
                (false, true) => CandidateMiss::NoSource,
                (true, false) => CandidateMiss::NoTarget,
                _ if together.is_empty() => CandidateMiss::NotTogether,
                _ if !together
                    .iter()
                    .any(|&i| a.layout[i].1.iter().any(|r| r.family() == fam)) =>
                {
                    CandidateMiss::NoCue
                }
                _ => CandidateMiss::Other,
            };
            *counts.entry(class).or_default() += 1;
            if fold_of(&g.doc, k) != hide {
                lines.push(format!(
                    "{}\t[{}] {} {} {}\tcue={:?}",
                    g.doc,
                    class.as_str(),
                    gs.source.first().map(String::as_str).unwrap_or("?"),
                    gs.relation,
                    t.first().map(String::as_str).unwrap_or("?"),
                    gs.cue
                ));
            }
        }
    }
    (counts, lines)
}

/// Mean precision, recall and F1 over folds.
fn mean(rs: &[&Counts]) -> (f64, f64, f64) {
    let n = rs.len().max(1) as f64;
    let p = rs.iter().map(|c| c.precision()).sum::<f64>() / n;
    let r = rs.iter().map(|c| c.recall()).sum::<f64>() / n;
    let f = rs.iter().map(|c| c.f1()).sum::<f64>() / n;
    (p, r, f)
}

fn line(name: &str, c: &Counts) -> String {
    format!(
        "{name:<7} precision {:.3}  recall {:.3}  f1 {:.3}  (tp {} fp {} fn {})",
        c.precision(),
        c.recall(),
        c.f1(),
        c.tp,
        c.fp,
        c.fn_
    )
}

impl CvReport {
    /// The report as text: per corpus, each fold, the check fold, candidate recall, and last
    /// the mean over folds as the two summary lines `exact ...` and `family ...`.
    pub fn render(&self, verbose: bool) -> String {
        let mut s = String::new();
        let scored: Vec<usize> = (0..self.corpora.len())
            .filter(|&ci| !self.folds[ci].is_empty())
            .collect();
        for &ci in &scored {
            let folds = &self.folds[ci];
            let _ = writeln!(
                s,
                "== {} ({} folds; fold 0 is the check fold)",
                self.corpora[ci], self.k
            );
            for f in folds {
                let r = &f.report;
                let _ = writeln!(
                    s,
                    "fold {}: docs {:>4}  exact P {:.3} R {:.3} F1 {:.3}  family P {:.3} R {:.3} F1 {:.3}  (tp {} fp {} fn {})",
                    f.fold,
                    r.documents,
                    r.exact.precision(),
                    r.exact.recall(),
                    r.exact.f1(),
                    r.family.precision(),
                    r.family.recall(),
                    r.family.f1(),
                    r.family.tp,
                    r.family.fp,
                    r.family.fn_
                );
                if verbose && f.fold != 0 {
                    for m in &r.report_lines() {
                        let _ = writeln!(s, "  {m}");
                    }
                }
            }
            let (n, e, fa) = self.candidate_recall[ci];
            let _ = writeln!(
                s,
                "candidate recall: exact {:.3}  family {:.3}  (of {n} dyadic gold statements)",
                ratio(e, n),
                ratio(fa, n)
            );
            let (classes, lines) = &self.candidate_misses[ci];
            let classes: Vec<String> = classes
                .iter()
                .map(|(c, n)| format!("{} {n}", c.as_str()))
                .collect();
            let _ = writeln!(s, "candidate misses (family): {}", classes.join(", "));
            if verbose {
                for l in lines {
                    let _ = writeln!(s, "  CAND  {l}");
                }
            }
            let pooled = |fam: bool, from: usize| {
                let mut c = Counts::default();
                for f in folds.iter().filter(|f| f.fold >= from) {
                    let x = if fam { f.report.family } else { f.report.exact };
                    c.tp += x.tp;
                    c.fp += x.fp;
                    c.fn_ += x.fn_;
                }
                c
            };
            if let Some(check) = folds.iter().find(|f| f.fold == 0) {
                let _ = writeln!(
                    s,
                    "check fold: exact f1 {:.3}  family f1 {:.3}; folds 1-{}: family f1 {:.3} (pooled)",
                    check.report.exact.f1(),
                    check.report.family.f1(),
                    self.k - 1,
                    pooled(true, 1).f1()
                );
            }
            let _ = writeln!(
                s,
                "pooled over folds: {}",
                line("family", &pooled(true, 0)).trim_start_matches("family  ")
            );
            for (name, fam) in [("exact", false), ("family", true)] {
                let cs: Vec<&Counts> = folds
                    .iter()
                    .filter(|f| f.report.documents > 0)
                    .map(|f| {
                        if fam {
                            &f.report.family
                        } else {
                            &f.report.exact
                        }
                    })
                    .collect();
                let (p, r, f1) = mean(&cs);
                let _ = writeln!(
                    s,
                    "{name:<7} precision {p:.3}  recall {r:.3}  f1 {f1:.3}  (mean of {} folds)",
                    cs.len()
                );
            }
        }
        s
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl Report {
    /// Misses and false alarms as lines, for reading the errors of training folds.
    pub fn report_lines(&self) -> Vec<String> {
        self.misses
            .iter()
            .map(|m| format!("MISS  {m}"))
            .chain(self.false_alarms.iter().map(|f| format!("FALSE {f}")))
            .collect()
    }
}
