//! The learned scorer: a logistic regression over hashed candidate features, its weights
//! read from a plain-text file (`data/model/weights.tsv`, embedded) that `dipgraph train`
//! writes.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::OnceLock;

const BUILTIN: &str = include_str!("../../../data/model/weights.tsv");

/// The hash of a feature name: FNV-1a over its bytes, stable across runs and platforms, so
/// that weights written by one build are read by any other.
pub fn feature_hash(name: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A trained scorer: feature weights, the bias, and the decision threshold.
#[derive(Debug, Clone, Default)]
pub struct Model {
    weights: HashMap<u64, f32>,
    /// Named weights, kept for writing the file back and for `--explain`.
    names: Vec<(String, f32)>,
    /// Candidates the hand rules do not back are statements from this probability on.
    pub threshold: f32,
    /// Candidates the hand rules also found are statements from this probability on.
    pub backed_threshold: f32,
    /// Free-text provenance lines written at the head of the file.
    pub notes: Vec<String>,
}

/// A model file that cannot be read: what and where.
#[derive(Debug, thiserror::Error)]
#[error("{path}:{line}: {message}")]
pub struct ModelError {
    /// The file.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl Model {
    /// The model shipped in the binary, parsed once.
    pub fn builtin() -> &'static Model {
        static M: OnceLock<Model> = OnceLock::new();
        M.get_or_init(|| {
            Model::parse(BUILTIN, "data/model/weights.tsv")
                .expect("the embedded model file is checked by a test")
        })
    }

    /// Reads a model file written by `dipgraph train`.
    pub fn load(path: &Path) -> Result<Model, ModelError> {
        let text = std::fs::read_to_string(path).map_err(|e| ModelError {
            path: path.display().to_string(),
            line: 0,
            message: e.to_string(),
        })?;
        Model::parse(&text, &path.display().to_string())
    }

    /// Parses the text of a model file: `# ...` comments, `threshold<TAB>p`, then
    /// `feature<TAB>weight` lines.
    pub fn parse(text: &str, origin: &str) -> Result<Model, ModelError> {
        let mut m = Model {
            threshold: 0.5,
            backed_threshold: 0.5,
            ..Model::default()
        };
        let err = |line: usize, message: String| ModelError {
            path: origin.to_string(),
            line,
            message,
        };
        let mut saw_header = false;
        for (i, line) in text.lines().enumerate() {
            if let Some(note) = line.strip_prefix("# ") {
                m.notes.push(note.to_string());
                continue;
            }
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((name, value)) = line.split_once('\t') else {
                return Err(err(i + 1, "expected 'feature<TAB>weight'".into()));
            };
            let w: f32 = value
                .trim()
                .parse()
                .map_err(|_| err(i + 1, format!("'{value}' is not a number")))?;
            if name == "dipgraph-model" {
                saw_header = true;
                continue;
            }
            if name == "threshold" {
                m.threshold = w;
                continue;
            }
            if name == "threshold-backed" {
                m.backed_threshold = w;
                continue;
            }
            m.weights.insert(feature_hash(name), w);
            m.names.push((name.to_string(), w));
        }
        if !saw_header {
            return Err(err(
                1,
                "not a dipgraph model file (no 'dipgraph-model' line)".into(),
            ));
        }
        Ok(m)
    }

    /// A model from named weights, as training produces it.
    pub fn from_weights(
        mut names: Vec<(String, f32)>,
        (threshold, backed_threshold): (f32, f32),
        notes: Vec<String>,
    ) -> Model {
        names.sort_by(|a, b| a.0.cmp(&b.0));
        let weights = names.iter().map(|(n, w)| (feature_hash(n), *w)).collect();
        Model {
            weights,
            names,
            threshold,
            backed_threshold,
            notes,
        }
    }

    /// The file text: deterministic (sorted, fixed precision), so the same training data
    /// gives the same bytes.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        for n in &self.notes {
            let _ = writeln!(s, "# {n}");
        }
        let _ = writeln!(s, "dipgraph-model\t1");
        let _ = writeln!(s, "threshold\t{:.4}", self.threshold);
        let _ = writeln!(s, "threshold-backed\t{:.4}", self.backed_threshold);
        for (n, w) in &self.names {
            let _ = writeln!(s, "{n}\t{w:.5}");
        }
        s
    }

    /// The weight of one feature hash (0 when unknown).
    pub fn weight(&self, h: u64) -> f32 {
        self.weights.get(&h).copied().unwrap_or(0.0)
    }

    /// The threshold for a candidate the rules back or not.
    pub fn threshold_for(&self, backed: bool) -> f32 {
        if backed {
            self.backed_threshold
        } else {
            self.threshold
        }
    }

    /// The probability that a candidate with these features is a statement.
    pub fn probability(&self, feats: &[u64]) -> f32 {
        sigmoid(feats.iter().map(|&h| self.weight(h)).sum())
    }

    /// Number of weighted features.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether the model has no weights.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The named features with the largest absolute contributions among `feats`, for explaining.
    pub fn top_contributions(&self, names: &[String], n: usize) -> Vec<(String, f32)> {
        let mut v: Vec<(String, f32)> = names
            .iter()
            .map(|f| (f.clone(), self.weight(feature_hash(f))))
            .filter(|(_, w)| *w != 0.0)
            .collect();
        v.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
        v.truncate(n);
        v
    }
}

/// The logistic function.
pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_model_parses() {
        let m = Model::builtin();
        assert!(m.threshold > 0.0 && m.threshold < 1.0);
    }

    #[test]
    fn text_round_trips_byte_for_byte() {
        let m = Model::from_weights(
            vec![("b|accuses".into(), -1.5), ("a|x".into(), 0.25)],
            (0.42, 0.3),
            vec!["trained on nothing".into()],
        );
        let text = m.to_text();
        let back = Model::parse(&text, "t").unwrap();
        assert_eq!(back.to_text(), text);
        assert_eq!(back.threshold, 0.42);
        assert_eq!(back.backed_threshold, 0.3);
        assert!((back.probability(&[feature_hash("b|accuses")]) - sigmoid(-1.5)).abs() < 1e-6);
    }

    #[test]
    fn a_foreign_file_is_refused_with_its_line() {
        let e = Model::parse("hello world\n", "f.tsv").unwrap_err();
        assert_eq!(e.line, 1);
        let e = Model::parse("dipgraph-model\t1\nx\tnan-ish\n", "f.tsv").unwrap_err();
        assert!(e.to_string().starts_with("f.tsv:2:"), "{e}");
    }
}
