//! Training the scorer: L2-regularized logistic regression fitted by AdaGrad, in a fixed
//! order, so that the same examples give the same weights bit for bit; the decision
//! threshold is chosen on out-of-fold probabilities, never on the data a weight saw.

use super::model::{sigmoid, Model};
use std::collections::{BTreeMap, HashMap};

/// One training example: a candidate's feature hashes and whether the gold confirms it.
#[derive(Debug, Clone)]
pub struct Example {
    /// Feature hashes (duplicates count once each time they appear).
    pub feats: Vec<u64>,
    /// Confirmed by the gold.
    pub label: bool,
    /// The hand rules found the same statement in the same sentence.
    pub backed: bool,
    /// The statement the candidate would become, as (document, source, relation, target)
    /// keys: candidates of one group are decided together.
    pub group: (String, String, String, String),
}

/// One document's worth of training data.
#[derive(Debug, Clone, Default)]
pub struct DocExamples {
    /// Document id (its hash decides the inner folds).
    pub doc: String,
    /// Its candidates.
    pub examples: Vec<Example>,
    /// Number of scored gold statements of the document, found or not, for recall.
    pub gold: usize,
}

/// Settings of the fit.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// L2 penalty per update.
    pub l2: f32,
    /// AdaGrad base step.
    pub rate: f32,
    /// Inner folds for choosing the threshold.
    pub inner_folds: usize,
    /// Features seen in fewer training candidates get no weight: a word met twice teaches
    /// nothing that carries over.
    pub min_count: usize,
    /// The threshold is the best cut whose out-of-fold precision reaches this.
    pub min_precision: f64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 12,
            l2: 1e-2,
            rate: 0.3,
            inner_folds: 3,
            min_count: 3,
            min_precision: 0.75,
        }
    }
}

/// Weights by feature hash after fitting `docs`.
fn fit_weights(docs: &[&DocExamples], opts: &TrainOptions) -> HashMap<u64, f32> {
    let mut counts: HashMap<u64, usize> = HashMap::new();
    for e in docs.iter().flat_map(|d| &d.examples) {
        for h in &e.feats {
            *counts.entry(*h).or_default() += 1;
        }
    }
    let mut index: HashMap<u64, usize> = HashMap::new();
    let rows: Vec<(Vec<usize>, bool)> = docs
        .iter()
        .flat_map(|d| &d.examples)
        .map(|e| {
            let f = e
                .feats
                .iter()
                .filter(|h| counts[h] >= opts.min_count)
                .map(|h| {
                    let n = index.len();
                    *index.entry(*h).or_insert(n)
                })
                .collect();
            (f, e.label)
        })
        .collect();
    let mut w = vec![0f32; index.len()];
    let mut g2 = vec![1e-6f32; index.len()];
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..opts.epochs {
        shuffle(&mut order, &mut seed);
        for &i in &order {
            let (f, y) = &rows[i];
            let p = sigmoid(f.iter().map(|&k| w[k]).sum());
            let err = p - if *y { 1.0 } else { 0.0 };
            for &k in f {
                let g = err + opts.l2 * w[k];
                g2[k] += g * g;
                w[k] -= opts.rate * g / g2[k].sqrt();
            }
        }
    }
    index.into_iter().map(|(h, k)| (h, w[k])).collect()
}

/// Fisher-Yates with a xorshift generator: a fixed, platform-independent order.
fn shuffle(v: &mut [usize], seed: &mut u64) {
    for i in (1..v.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        let j = (*seed % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
}

/// Per statement group of `docs`: the best probability of its rule-backed candidates, the
/// best of its other candidates (-1 when it has none), and its label.
fn group_scores(docs: &[&DocExamples], w: &HashMap<u64, f32>) -> Vec<Scored> {
    let mut groups: BTreeMap<&(String, String, String, String), Scored> = BTreeMap::new();
    for e in docs.iter().flat_map(|d| &d.examples) {
        let p = sigmoid(
            e.feats
                .iter()
                .map(|h| w.get(h).copied().unwrap_or(0.0))
                .sum(),
        );
        let g = groups.entry(&e.group).or_insert(Scored {
            backed: -1.0,
            other: -1.0,
            label: false,
        });
        if e.backed {
            g.backed = g.backed.max(p);
        } else {
            g.other = g.other.max(p);
        }
        g.label |= e.label;
    }
    groups.into_values().collect()
}

/// A statement group scored out of fold.
#[derive(Debug, Clone, Copy)]
pub struct Scored {
    /// Best probability among its rule-backed candidates (-1: none).
    pub backed: f32,
    /// Best probability among its other candidates (-1: none).
    pub other: f32,
    /// Whether the gold confirms it.
    pub label: bool,
}

/// The pair of thresholds (other, backed) that maximizes F1 over scored groups, given how
/// many gold statements exist, among the cuts whose precision reaches `min_precision`
/// (users trust a statement graph only when its edges are right; recall comes second).
/// Rule-backed and other candidates get thresholds of their own, as their probabilities are
/// not calibrated alike. Without any cut reaching the floor, the most precise one is taken.
pub fn best_thresholds(scored: &[Scored], gold: usize, min_precision: f64) -> (f32, f32) {
    let grid: Vec<f32> = (1..40).map(|i| i as f32 / 40.0).chain([1.01]).collect();
    let mut best = (f64::MIN, f64::MIN, (0.5f32, 0.5f32));
    for &to in &grid {
        for &tb in &grid {
            let (mut sel, mut tp) = (0usize, 0usize);
            for g in scored {
                if g.other >= to || g.backed >= tb {
                    sel += 1;
                    tp += usize::from(g.label);
                }
            }
            if sel == 0 {
                continue;
            }
            let prec = tp as f64 / sel as f64;
            let rec = tp as f64 / gold.max(1) as f64;
            let f1 = if tp > 0 {
                2.0 * prec * rec / (prec + rec)
            } else {
                0.0
            };
            // Reaching the floor comes first; then F1, then precision.
            let key = (
                if prec >= min_precision {
                    f1
                } else {
                    prec - 2.0
                },
                prec,
            );
            if key.0 > best.0 || (key.0 == best.0 && key.1 > best.1) {
                best = (key.0, key.1, (to, tb));
            }
        }
    }
    best.2
}

/// Fits a model on `docs`: the threshold from inner folds (by document hash), then the
/// weights on all of them. `names` gives the feature names to write.
pub fn train(
    docs: &[DocExamples],
    names: &HashMap<u64, String>,
    opts: &TrainOptions,
    notes: Vec<String>,
) -> Model {
    let k = opts.inner_folds.max(2);
    let mut oof: Vec<Scored> = Vec::new();
    let fold = |d: &DocExamples| crate::eval::fold_of(&format!("inner:{}", d.doc), k);
    for f in 0..k {
        let train: Vec<&DocExamples> = docs.iter().filter(|d| fold(d) != f).collect();
        let test: Vec<&DocExamples> = docs.iter().filter(|d| fold(d) == f).collect();
        let w = fit_weights(&train, opts);
        oof.extend(group_scores(&test, &w));
    }
    let gold: usize = docs.iter().map(|d| d.gold).sum();
    let thresholds = best_thresholds(&oof, gold, opts.min_precision);
    let all: Vec<&DocExamples> = docs.iter().collect();
    let w = fit_weights(&all, opts);
    let named: Vec<(String, f32)> = w
        .into_iter()
        .filter(|(_, v)| v.abs() >= 1e-4)
        .filter_map(|(h, v)| names.get(&h).map(|n| (n.clone(), v)))
        .collect();
    Model::from_weights(named, thresholds, notes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::learn::model::feature_hash;

    fn ex(doc: &str, feats: &[&str], label: bool, n: usize) -> Example {
        Example {
            feats: feats.iter().map(|f| feature_hash(f)).collect(),
            label,
            backed: false,
            group: (doc.into(), format!("s{n}"), "accuses".into(), "t".into()),
        }
    }

    fn data() -> (Vec<DocExamples>, HashMap<u64, String>) {
        let mut docs = Vec::new();
        for i in 0..60 {
            let good = i % 3 != 0;
            docs.push(DocExamples {
                doc: format!("d{i}"),
                examples: vec![
                    ex(
                        &format!("d{i}"),
                        &["bias", if good { "cue" } else { "noise" }],
                        good,
                        0,
                    ),
                    ex(&format!("d{i}"), &["bias", "noise"], false, 1),
                ],
                gold: usize::from(good),
            });
        }
        let names = ["bias", "cue", "noise"]
            .iter()
            .map(|n| (feature_hash(n), n.to_string()))
            .collect();
        (docs, names)
    }

    #[test]
    fn learns_a_separable_signal_and_a_threshold_between_the_classes() {
        let (docs, names) = data();
        let m = train(&docs, &names, &TrainOptions::default(), vec![]);
        let yes = m.probability(&[feature_hash("bias"), feature_hash("cue")]);
        let no = m.probability(&[feature_hash("bias"), feature_hash("noise")]);
        assert!(
            yes > m.threshold && no < m.threshold,
            "{yes} {no} {}",
            m.threshold
        );
    }

    #[test]
    fn same_data_same_bytes() {
        let (docs, names) = data();
        let a = train(&docs, &names, &TrainOptions::default(), vec![]).to_text();
        let b = train(&docs, &names, &TrainOptions::default(), vec![]).to_text();
        assert_eq!(a, b);
    }

    fn sc(other: f32, backed: f32, label: bool) -> Scored {
        Scored {
            backed,
            other,
            label,
        }
    }

    #[test]
    fn thresholds_maximize_f1_above_the_precision_floor() {
        let s = [
            sc(0.9, -1.0, true),
            sc(0.8, -1.0, true),
            sc(0.6, -1.0, false),
            sc(0.4, -1.0, true),
            sc(0.2, -1.0, false),
        ];
        // Cutting after 0.8 gives P 1, R 2/3 (F1 0.8); after 0.4, P 3/4, R 1 (F1 0.857).
        let (to, _) = best_thresholds(&s, 3, 0.0);
        assert!(to > 0.2 && to <= 0.4, "{to}");
        let (to, _) = best_thresholds(&s, 3, 0.9);
        assert!(to > 0.6 && to <= 0.8, "{to}");
    }

    #[test]
    fn backed_candidates_get_their_own_threshold() {
        // Rule-backed groups are right even at 0.3; others only from 0.7.
        let s = [
            sc(-1.0, 0.3, true),
            sc(-1.0, 0.35, true),
            sc(0.5, -1.0, false),
            sc(0.8, -1.0, true),
        ];
        let (to, tb) = best_thresholds(&s, 3, 0.9);
        assert!(tb <= 0.3 && to > 0.5 && to <= 0.8, "{to} {tb}");
    }
}
