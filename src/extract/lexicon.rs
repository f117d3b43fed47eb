//! The relation lexicon: cue words from `data/lexicon/relations.toml`, inflected and
//! compiled once into a lookup keyed by the cue's first word.

use crate::model::{Coding, Relation};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

const BUILTIN: &str = include_str!("../../data/lexicon/relations.toml");
/// Paraphrase cues only the learned scorer sees: broad words whose weight the data decides.
const BROAD: &str = include_str!("../../data/lexicon/paraphrases.toml");

/// Where the target of a cue is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Slot {
    /// The direct object (or the object of the cue's own preposition).
    #[default]
    Object,
    /// Whoever made the claim being answered (rebuttals).
    Claimant,
    /// The cue names no target.
    None,
}

/// The grammatical form a cue word was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueForm {
    /// Base form ("accuse"): imperative, infinitive, present with plural subject.
    Base,
    /// Third person singular ("accuses"): headline present.
    Third,
    /// Past tense or past participle ("accused").
    Past,
    /// Present participle or gerund ("accusing").
    Gerund,
    /// A noun ("accusation", "accusations").
    Noun,
    /// A predicative adjective phrase, uninflected ("critical of", "opposed to").
    Adjective,
}

/// One compiled cue pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// Lowercase words; the first is inflected, the rest follow as they are.
    pub words: Vec<String>,
    /// The form the first word stands in.
    pub form: CueForm,
    /// The lemma phrase this pattern was made from (for the `cue` field when reading).
    pub lemma: String,
    /// Relation carried.
    pub relation: Relation,
    /// Where the target is.
    pub slot: Slot,
    /// Whether the pattern names the relation.
    pub explicit: bool,
    /// The cue is a statement only with a named target ("opposition to X", not "the opposition").
    pub needs_target: bool,
    /// The cue is a rebuttal only when its object is a claim ("responded to X's criticism").
    pub needs_claim: bool,
    /// Event-ontology coding.
    pub coding: Coding,
    /// Seen by the learned scorer only, not by the hand rules.
    pub scorer_only: bool,
}

/// A cue found in a token sequence.
#[derive(Debug, Clone)]
pub struct CueMatch<'l> {
    /// Index of the first token.
    pub first: usize,
    /// Index of the last token (inclusive).
    pub last: usize,
    /// The pattern that matched.
    pub pattern: &'l Pattern,
    /// The tokens a `*` in the phrase stood for: its object ("held [Japan] responsible").
    pub gap: ObjectSlot,
}

#[derive(Debug, Deserialize)]
struct FileCue {
    relation: String,
    #[serde(default)]
    verbs: Vec<String>,
    #[serde(default)]
    nouns: Vec<String>,
    #[serde(default)]
    adjectives: Vec<String>,
    #[serde(default)]
    slot: Slot,
    #[serde(default = "yes")]
    explicit: bool,
    #[serde(default)]
    needs_target: bool,
    #[serde(default)]
    needs_claim: bool,
    #[serde(default)]
    cameo: String,
    #[serde(default)]
    plover: String,
    #[serde(default)]
    weight: f32,
    /// Overrides the file's `scorer_only`.
    #[serde(default)]
    scorer_only: Option<bool>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    /// Cues of this file are seen by the learned scorer only (unless a cue says otherwise).
    #[serde(default)]
    scorer_only: bool,
    #[serde(default)]
    cue: Vec<FileCue>,
    #[serde(default)]
    irregular: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    judgement: BTreeMap<String, Vec<String>>,
}

/// The compiled relation lexicon.
#[derive(Debug)]
pub struct Lexicon {
    patterns: Vec<Pattern>,
    by_first: HashMap<String, Vec<usize>>,
    codings: HashMap<Relation, Coding>,
    /// Judgement phrases by their first word, looked up at every word of every sentence.
    /// Judgement phrases by first word: (words, relation, scorer only).
    judgements: HashMap<String, Vec<(Vec<String>, Relation, bool)>>,
}

/// A lexicon file that could not be read, as `path:line: message`.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{path}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct LexiconError {
    /// The file.
    pub path: String,
    /// 1-based line when known.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl Lexicon {
    /// The built-in lexicon, compiled once.
    pub fn builtin() -> &'static Lexicon {
        static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        LEX.get_or_init(|| {
            Lexicon::from_sources(&builtin_sources())
                .expect("the built-in lexicon is valid (checked by a unit test)")
        })
    }

    /// The built-in lexicon plus user files, which add cues.
    pub fn load(user_files: &[impl AsRef<Path>]) -> Result<Lexicon, LexiconError> {
        let mut sources = builtin_sources();
        for f in user_files {
            let p = f.as_ref();
            let text = std::fs::read_to_string(p).map_err(|e| LexiconError {
                path: p.display().to_string(),
                line: None,
                message: e.to_string(),
            })?;
            sources.push((p.display().to_string(), text));
        }
        Lexicon::from_sources(&sources)
    }

    fn from_sources(sources: &[(String, String)]) -> Result<Lexicon, LexiconError> {
        let mut files = Vec::new();
        let mut irregular: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (path, text) in sources {
            let file: LexiconFile = toml::from_str(text).map_err(|e| LexiconError {
                path: path.clone(),
                line: e.span().map(|s| text[..s.start].matches('\n').count() + 1),
                message: e.message().trim().replace('\n', "; "),
            })?;
            for (k, v) in &file.irregular {
                if v.len() != 4 {
                    return Err(LexiconError {
                        path: path.clone(),
                        line: None,
                        message: format!(
                            "irregular '{k}' needs 4 forms (third, past, participle, gerund)"
                        ),
                    });
                }
                irregular.insert(k.clone(), v.clone());
            }
            files.push((path.clone(), file));
        }
        let mut lex = Lexicon {
            patterns: Vec::new(),
            by_first: HashMap::new(),
            codings: HashMap::new(),
            judgements: HashMap::new(),
        };
        for (path, file) in files {
            for (rel, phrases) in &file.judgement {
                let relation: Relation = rel.parse().map_err(|m| LexiconError {
                    path: path.clone(),
                    line: None,
                    message: format!("[judgement]: {m}"),
                })?;
                for ph in phrases {
                    let words: Vec<String> = ph.split_whitespace().map(str::to_lowercase).collect();
                    if let Some(first) = words.first().cloned() {
                        lex.judgements.entry(first).or_default().push((
                            words,
                            relation,
                            file.scorer_only,
                        ));
                    }
                }
            }
            for cue in file.cue {
                let relation: Relation = cue.relation.parse().map_err(|m| LexiconError {
                    path: path.clone(),
                    line: None,
                    message: m,
                })?;
                let scorer_only = cue.scorer_only.unwrap_or(file.scorer_only);
                let coding = Coding {
                    cameo: cue.cameo.clone(),
                    plover: cue.plover.clone(),
                    weight: cue.weight,
                };
                lex.codings
                    .entry(relation)
                    .or_insert_with(|| coding.clone());
                for v in &cue.verbs {
                    let words: Vec<String> =
                        v.split_whitespace().map(|w| w.to_lowercase()).collect();
                    let Some((head, rest)) = words.split_first() else {
                        continue;
                    };
                    for (form, f) in inflect_verb(head, &irregular) {
                        let mut w = vec![f];
                        w.extend(rest.iter().cloned());
                        lex.push(Pattern {
                            words: w,
                            form,
                            lemma: v.clone(),
                            relation,
                            slot: cue.slot,
                            explicit: cue.explicit,
                            needs_target: cue.needs_target,
                            needs_claim: cue.needs_claim,
                            coding: coding.clone(),
                            scorer_only,
                        });
                    }
                }
                for a in &cue.adjectives {
                    lex.push(Pattern {
                        words: a.split_whitespace().map(str::to_lowercase).collect(),
                        form: CueForm::Adjective,
                        lemma: a.clone(),
                        relation,
                        slot: cue.slot,
                        explicit: cue.explicit,
                        needs_target: cue.needs_target,
                        needs_claim: cue.needs_claim,
                        coding: coding.clone(),
                        scorer_only,
                    });
                }
                for n in &cue.nouns {
                    let words: Vec<String> =
                        n.split_whitespace().map(|w| w.to_lowercase()).collect();
                    let Some((last, init)) = words.split_last() else {
                        continue;
                    };
                    for f in [last.clone(), plural(last)] {
                        let mut w = init.to_vec();
                        w.push(f);
                        lex.push(Pattern {
                            words: w,
                            form: CueForm::Noun,
                            lemma: n.clone(),
                            relation,
                            slot: cue.slot,
                            explicit: cue.explicit,
                            needs_target: cue.needs_target,
                            needs_claim: cue.needs_claim,
                            coding: coding.clone(),
                            scorer_only,
                        });
                    }
                }
            }
        }
        Ok(lex)
    }

    fn push(&mut self, p: Pattern) {
        let i = self.patterns.len();
        self.by_first.entry(p.words[0].clone()).or_default().push(i);
        self.patterns.push(p);
    }

    /// The coding of a relation (from its first lexicon entry).
    pub fn coding(&self, r: Relation) -> Coding {
        self.codings.get(&r).cloned().unwrap_or_default()
    }

    /// Patterns whose first word is `lower` (a lowercase token).
    pub fn starting_with(&self, lower: &str) -> impl Iterator<Item = &Pattern> {
        self.by_first
            .get(lower)
            .into_iter()
            .flatten()
            .map(|&i| &self.patterns[i])
    }

    /// The cues of the hand rules in a sequence of lowercase words, longest first at each
    /// position, non-overlapping.
    pub fn find<'l>(&'l self, words: &[&str]) -> Vec<CueMatch<'l>> {
        self.find_where(words, |p| !p.scorer_only)
    }

    /// Every cue, the scorer's paraphrase cues included, longest first at each position.
    pub fn find_all<'l>(&'l self, words: &[&str]) -> Vec<CueMatch<'l>> {
        self.find_where(words, |_| true)
    }

    /// The cues whose pattern `keep` accepts, longest first at each position.
    pub fn find_where<'l>(
        &'l self,
        words: &[&str],
        keep: impl Fn(&Pattern) -> bool,
    ) -> Vec<CueMatch<'l>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let mut best: Option<(&Pattern, usize, ObjectSlot)> = None;
            for p in self.starting_with(words[i]).filter(|p| keep(p)) {
                if let Some((last, gap)) = match_at(&p.words, words, i) {
                    if best.is_none_or(|(b, _, _)| b.words.len() < p.words.len()) {
                        best = Some((p, last, gap));
                    }
                }
            }
            match best {
                Some((p, last, gap)) => {
                    out.push(CueMatch {
                        first: i,
                        last,
                        pattern: p,
                        gap,
                    });
                    i = last + 1;
                }
                None => i += 1,
            }
        }
        out
    }

    /// The judgement phrase starting at word `i` of a lowercase word list ("violated",
    /// "unfair"), with its length and the relation a reported judgement carries.
    pub fn judgement_at(&self, words: &[&str], i: usize) -> Option<(usize, Relation)> {
        self.judgements_at(words, i, false).into_iter().next()
    }

    /// Every judgement phrase starting at word `i` (the scorer's own included when `all`),
    /// longest first, with the relation each carries.
    pub fn judgements_at(&self, words: &[&str], i: usize, all: bool) -> Vec<(usize, Relation)> {
        let Some(list) = words.get(i).and_then(|w| self.judgements.get(*w)) else {
            return Vec::new();
        };
        let mut v: Vec<(usize, Relation)> = list
            .iter()
            .filter(|(w, _, scorer)| {
                (all || !scorer)
                    && i + w.len() <= words.len()
                    && w.iter().zip(&words[i..]).all(|(a, b)| a == b)
            })
            .map(|(w, r, _)| (w.len(), *r))
            .collect();
        v.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        v
    }

    /// The noun reading of a verb pattern spelled the same ("support", "demand", "appeal").
    pub fn noun_twin(&self, p: &Pattern) -> Option<&Pattern> {
        self.starting_with(&p.words[0])
            .find(|q| q.form == CueForm::Noun && q.words == p.words && q.relation == p.relation)
    }

    /// Number of compiled patterns.
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    /// Whether the lexicon is empty.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }
}

/// The embedded lexicon files: the rules' cues, then the scorer's paraphrase cues.
fn builtin_sources() -> Vec<(String, String)> {
    vec![
        (
            "<builtin>/data/lexicon/relations.toml".into(),
            BUILTIN.into(),
        ),
        (
            "<builtin>/data/lexicon/paraphrases.toml".into(),
            BROAD.into(),
        ),
    ]
}

/// The token range a phrase's `*` object slot covered.
pub type ObjectSlot = Option<(usize, usize)>;

/// Where a pattern starting at word `i` ends, letting a time phrase or an adverb sit inside a
/// phrasal cue ("fought back Monday against", "called again on"), and where its `*` object
/// slot lies ("hold * responsible": one to six words, no clause boundary).
fn match_at(pattern: &[String], words: &[&str], i: usize) -> Option<(usize, ObjectSlot)> {
    const GAP: &[&str] = &[
        "on",
        "again",
        "also",
        "today",
        "yesterday",
        "repeatedly",
        "sharply",
        "publicly",
        "strongly",
        "angrily",
        "openly",
        "formally",
    ];
    // "impose stiff tariffs on", "impose 300 mln dlrs in tariffs on": measures take modifiers.
    const MEASURES: &[&str] = &[
        "tariffs",
        "duties",
        "sanctions",
        "penalties",
        "curbs",
        "restrictions",
    ];
    let mut k = i;
    let mut slot = None;
    for (n, want) in pattern.iter().enumerate() {
        if want == "*" {
            let next = pattern.get(n + 1)?;
            let start = k;
            while k < words.len()
                && k < start + 6
                && words[k] != next.as_str()
                && !matches!(words[k], "," | "." | ";" | ":" | "that" | "to" | "\"" | "(")
            {
                k += 1;
            }
            if k == start || words.get(k) != Some(&next.as_str()) {
                return None;
            }
            slot = Some((start, k - 1));
            continue;
        }
        if n > 0 && pattern[n - 1] != "*" {
            let mut gaps = 0;
            let measure = MEASURES.contains(&want.as_str());
            while k < words.len()
                && words[k] != want.as_str()
                && (gaps < 2
                    && (GAP.contains(&words[k])
                        || crate::text::is_weekday(words[k])
                        || words[k].ends_with("ly"))
                    || measure
                        && gaps < 4
                        && words[k]
                            .chars()
                            .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
                        && !matches!(
                            words[k],
                            "on" | "against" | "to" | "and" | "or" | "the" | "no" | "any"
                        ))
            {
                k += 1;
                gaps += 1;
            }
        }
        if k >= words.len() || words[k] != want.as_str() {
            return None;
        }
        k += 1;
    }
    Some((k - 1, slot))
}

/// Regular English inflection of a verb lemma, or its irregular forms.
fn inflect_verb(lemma: &str, irregular: &BTreeMap<String, Vec<String>>) -> Vec<(CueForm, String)> {
    let mut out = vec![(CueForm::Base, lemma.to_string())];
    if let Some(f) = irregular.get(lemma) {
        out.push((CueForm::Third, f[0].clone()));
        out.push((CueForm::Past, f[1].clone()));
        if f[2] != f[1] {
            out.push((CueForm::Past, f[2].clone()));
        }
        out.push((CueForm::Gerund, f[3].clone()));
        return out;
    }
    let b = lemma.as_bytes();
    let last = b.last().copied().unwrap_or(b'x') as char;
    let before = if b.len() >= 2 {
        b[b.len() - 2] as char
    } else {
        'x'
    };
    let vowel = |c: char| "aeiou".contains(c);
    let third = if lemma.ends_with('s')
        || lemma.ends_with("sh")
        || lemma.ends_with("ch")
        || lemma.ends_with('x')
        || lemma.ends_with('z')
    {
        format!("{lemma}es")
    } else if last == 'y' && !vowel(before) {
        format!("{}ies", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}s")
    };
    let (past, ger) = if last == 'e' {
        (
            format!("{lemma}d"),
            format!("{}ing", &lemma[..lemma.len() - 1]),
        )
    } else if last == 'y' && !vowel(before) {
        (
            format!("{}ied", &lemma[..lemma.len() - 1]),
            format!("{lemma}ing"),
        )
    } else {
        (format!("{lemma}ed"), format!("{lemma}ing"))
    };
    out.push((CueForm::Third, third));
    out.push((CueForm::Past, past));
    out.push((CueForm::Gerund, ger));
    out
}

/// Regular English plural of a noun.
fn plural(noun: &str) -> String {
    if noun.ends_with('s') || noun.ends_with("sh") || noun.ends_with("ch") || noun.ends_with('x') {
        format!("{noun}es")
    } else if noun.ends_with('y') && !noun.ends_with("ey") && !noun.ends_with("ay") {
        format!("{}ies", &noun[..noun.len() - 1])
    } else {
        format!("{noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_compiles_with_every_relation() {
        let lex = Lexicon::builtin();
        assert!(lex.len() > 200);
        for r in Relation::ALL {
            assert!(!lex.coding(r).cameo.is_empty(), "{r} has a CAMEO code");
        }
    }

    #[test]
    fn verbs_are_inflected_and_phrases_matched_longest_first() {
        let lex = Lexicon::builtin();
        let words = [
            "officials",
            "slammed",
            "and",
            "took",
            "aim",
            "at",
            "the",
            "criticisms",
        ];
        let m = lex.find(&words);
        let got: Vec<_> = m
            .iter()
            .map(|c| (c.first, c.last, c.pattern.relation, c.pattern.form))
            .collect();
        assert_eq!(
            got,
            vec![
                (1, 1, Relation::Criticizes, CueForm::Past),
                (3, 5, Relation::Criticizes, CueForm::Past),
                (7, 7, Relation::Criticizes, CueForm::Noun),
            ]
        );
        let m = lex.find(&[
            "she",
            "denies",
            "and",
            "urging",
            "and",
            "criticised",
            "accusations",
        ]);
        let rel: Vec<_> = m.iter().map(|c| c.pattern.relation).collect();
        assert_eq!(
            rel,
            vec![
                Relation::Denies,
                Relation::Urges,
                Relation::Criticizes,
                Relation::Accuses
            ]
        );
    }

    #[test]
    fn user_file_errors_name_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bad.toml");
        std::fs::write(&p, "[[cue]]\nrelation = \"accuses\"\nverbs = [\"finger\"\n").unwrap();
        let e = Lexicon::load(&[&p]).unwrap_err();
        assert!(e.line.is_some(), "{e}");
        assert!(e.to_string().starts_with(&p.display().to_string()));
        std::fs::write(&p, "[[cue]]\nrelation = \"scolds\"\nverbs = [\"finger\"]\n").unwrap();
        let e = Lexicon::load(&[&p]).unwrap_err();
        assert!(e.message.contains("unknown relation"), "{e}");
    }

    #[test]
    fn user_file_adds_cues() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("more.toml");
        std::fs::write(
            &p,
            "[[cue]]\nrelation = \"criticizes\"\nverbs = [\"pillory\"]\n",
        )
        .unwrap();
        let lex = Lexicon::load(&[&p]).unwrap();
        let m = lex.find(&["pilloried"]);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].pattern.relation, Relation::Criticizes);
        assert!(Lexicon::builtin().find(&["pilloried"]).is_empty());
    }
}
