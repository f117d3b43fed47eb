//! The records every stage shares: actors, relations and statements.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What sort of actor an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A state, its government or a metonym for it ("Beijing").
    Country,
    /// A state body, an international or non-state organization.
    Organization,
    /// A named individual.
    Person,
    /// A collective actor named by a proper adjective and a group noun ("Darfur rebels").
    Group,
}

impl ActorKind {
    /// The lowercase name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Country => "country",
            ActorKind::Organization => "organization",
            ActorKind::Person => "person",
            ActorKind::Group => "group",
        }
    }
}

impl fmt::Display for ActorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ActorKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "country" => Ok(ActorKind::Country),
            "organization" | "organisation" => Ok(ActorKind::Organization),
            "person" => Ok(ActorKind::Person),
            "group" => Ok(ActorKind::Group),
            other => Err(format!(
                "unknown actor kind '{other}' (expected country, organization, person or group)"
            )),
        }
    }
}

/// A resolved actor: the canonical entity a mention stands for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Actor {
    /// Stable identifier: ISO 3166-1 alpha-3 for countries, a slug otherwise.
    pub id: String,
    /// Canonical display name.
    pub name: String,
    /// What sort of actor this is.
    pub kind: ActorKind,
    /// ISO alpha-3 code of the state the actor belongs to or speaks for.
    pub country: Option<String>,
}

/// The twelve statement relations of the annotation guideline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// Attributes wrongdoing to the target.
    Accuses,
    /// Says an allegation against itself is false.
    Denies,
    /// Refuses a claim, demand or proposal of the target.
    Rejects,
    /// Waves a claim of the target aside as not serious.
    Dismisses,
    /// Formally denounces the target or its act.
    Condemns,
    /// Finds fault with the target.
    Criticizes,
    /// Cautions the target of consequences.
    Warns,
    /// Announces harm to the target.
    Threatens,
    /// Calls on the target to act.
    Urges,
    /// Insists the target act.
    Demands,
    /// Speaks well of the target.
    Praises,
    /// Backs the target or its position.
    Supports,
}

/// The six coarse families the relations group into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    /// accuses
    Accuse,
    /// denies, rejects, dismisses
    Rebut,
    /// condemns, criticizes
    Disapprove,
    /// warns, threatens
    Threaten,
    /// urges, demands
    Demand,
    /// praises, supports
    Approve,
}

impl Relation {
    /// Every relation, in the guideline's order.
    pub const ALL: [Relation; 12] = [
        Relation::Accuses,
        Relation::Denies,
        Relation::Rejects,
        Relation::Dismisses,
        Relation::Condemns,
        Relation::Criticizes,
        Relation::Warns,
        Relation::Threatens,
        Relation::Urges,
        Relation::Demands,
        Relation::Praises,
        Relation::Supports,
    ];

    /// The lowercase name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Accuses => "accuses",
            Relation::Denies => "denies",
            Relation::Rejects => "rejects",
            Relation::Dismisses => "dismisses",
            Relation::Condemns => "condemns",
            Relation::Criticizes => "criticizes",
            Relation::Warns => "warns",
            Relation::Threatens => "threatens",
            Relation::Urges => "urges",
            Relation::Demands => "demands",
            Relation::Praises => "praises",
            Relation::Supports => "supports",
        }
    }

    /// The coarse family used for family-level scoring and colouring.
    pub fn family(self) -> Family {
        match self {
            Relation::Accuses => Family::Accuse,
            Relation::Denies | Relation::Rejects | Relation::Dismisses => Family::Rebut,
            Relation::Condemns | Relation::Criticizes => Family::Disapprove,
            Relation::Warns | Relation::Threatens => Family::Threaten,
            Relation::Urges | Relation::Demands => Family::Demand,
            Relation::Praises | Relation::Supports => Family::Approve,
        }
    }

    /// Whether the target of this relation is the claimant being answered (guideline rule 2).
    pub fn is_rebuttal(self) -> bool {
        self.family() == Family::Rebut
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Relation {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let l = s.to_ascii_lowercase();
        Relation::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == l)
            .ok_or_else(|| format!("unknown relation '{s}'"))
    }
}

impl Family {
    /// Every family, in the guideline's order.
    pub const ALL: [Family; 6] = [
        Family::Accuse,
        Family::Rebut,
        Family::Disapprove,
        Family::Threaten,
        Family::Demand,
        Family::Approve,
    ];

    /// The lowercase name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Accuse => "accuse",
            Family::Rebut => "rebut",
            Family::Disapprove => "disapprove",
            Family::Threaten => "threaten",
            Family::Demand => "demand",
            Family::Approve => "approve",
        }
    }

    /// The relations that belong to this family.
    pub fn relations(self) -> impl Iterator<Item = Relation> {
        Relation::ALL
            .into_iter()
            .filter(move |r| r.family() == self)
    }
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Family {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let l = s.to_ascii_lowercase();
        Family::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == l)
            .ok_or_else(|| format!("unknown relation family '{s}'"))
    }
}

/// Event-ontology codes and conflict weight a relation cue carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Coding {
    /// CAMEO event code (e.g. "112" for accuse).
    pub cameo: String,
    /// PLOVER event category (e.g. "ACCUSE").
    pub plover: String,
    /// Goldstein-style conflict-cooperation weight, -10 (conflict) to +10.
    pub weight: f32,
}

/// One statement found in one sentence of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Document id.
    pub doc: String,
    /// Index of the sentence in the document (the title is sentence 0 when there is one).
    pub sentence: usize,
    /// Byte offsets `[start, end)` of the evidence sentence in the original document text.
    pub span: [usize; 2],
    /// The sentence the statement rests on, cleaned of corpus artefacts.
    pub evidence: String,
    /// The word or phrase that carries the relation.
    pub cue: String,
    /// What the source does to the target.
    pub relation: Relation,
    /// Who makes the statement (rolled up to the actor it speaks for).
    pub source: Actor,
    /// Whom the statement is about, if named.
    pub target: Option<Actor>,
    /// The person who voiced it, when different from the source.
    pub speaker: Option<Actor>,
    /// What the statement is about (e.g. "election interference").
    pub topic: Option<String>,
    /// The text says the statement was not made ("did not accuse").
    pub negated: bool,
    /// The statement is modal, future or hypothetical ("may criticize").
    pub hedged: bool,
    /// Document date (YYYY-MM-DD) when known.
    pub date: Option<String>,
    /// Evidence strength in [0, 1].
    pub confidence: f32,
    /// Whether a statement word of the relation is in the text (vs a paraphrase).
    pub explicit: bool,
    /// Event-ontology codes of the cue.
    #[serde(flatten)]
    pub coding: Coding,
}

impl Statement {
    /// Whether the statement is asserted (neither negated nor hypothetical).
    pub fn is_asserted(&self) -> bool {
        !self.negated && !self.hedged
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relations_round_trip_and_group_into_families() {
        for r in Relation::ALL {
            assert_eq!(r.as_str().parse::<Relation>().unwrap(), r);
        }
        assert_eq!(Relation::Dismisses.family(), Family::Rebut);
        assert!(Relation::Denies.is_rebuttal());
        assert!(!Relation::Accuses.is_rebuttal());
        assert_eq!(Family::Threaten.relations().count(), 2);
        assert!("praise".parse::<Relation>().is_err());
    }
}

/// What the graph keeps of a document, to trace statements and skip documents seen before.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DocInfo {
    /// Document id.
    pub id: String,
    /// Hex SHA-256 of the original text.
    pub hash: String,
    /// Publication date, YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publisher or wire service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Where the article came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One mention of an actor in a document, with the words the text used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The entity mentioned.
    pub actor: Actor,
    /// The surface form ("Beijing", "the Chinese Foreign Ministry").
    pub surface: String,
}

/// Everything extraction finds in one document: the unit the graph is built from.
#[derive(Debug, Clone, PartialEq)]
pub struct Extraction {
    /// The document.
    pub doc: DocInfo,
    /// Statements, asserted or not (the graph keeps only asserted ones).
    pub statements: Vec<Statement>,
    /// Every actor mention.
    pub mentions: Vec<Mention>,
    /// Affiliations seen: (member, what it belongs to or speaks for), e.g. person -> body, body -> country.
    pub affiliations: Vec<(Actor, Actor)>,
}
