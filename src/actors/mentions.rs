//! Contextual actor recognition in a sentence: gazetteer matches combined with titles,
//! body nouns, group nouns, appositions and names into actor spans, and the document
//! memory that resolves later short references ("Lin", "the spokesperson", "he").

use super::gazetteer::{Form, GazMatch, Gazetteer, Role};
use crate::model::{Actor, ActorKind};
use crate::text::{Token, TokenKind};
use crate::util::slug;

/// A token with the views the recognizer and the clause rules need.
#[derive(Debug, Clone)]
pub struct Word<'a> {
    /// The token text as in the cleaned document.
    pub text: &'a str,
    /// Lowercase text.
    pub lower: String,
    /// Byte offsets in the cleaned document.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// What the token is made of.
    pub kind: TokenKind,
}

impl Word<'_> {
    /// Whether the token starts with an uppercase letter.
    pub fn is_cap(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }
    /// Whether the token is a word (letters).
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

/// Builds the word views of a token list.
pub fn words<'a>(clean: &'a str, toks: &[Token]) -> Vec<Word<'a>> {
    toks.iter()
        .map(|t| {
            let text = &clean[t.start..t.end];
            Word {
                text,
                lower: text.to_lowercase(),
                start: t.start,
                end: t.end,
                kind: t.kind,
            }
        })
        .collect()
}

/// How an actor span was recognized; weaker routes lower a statement's confidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// A gazetteer entry, possibly with a body or title pattern around it.
    Gazetteer,
    /// A title or group pattern around an unknown name.
    Pattern,
    /// A short reference to an actor named earlier in the document.
    Reference,
}

/// An actor mention in a sentence, as a range of tokens.
#[derive(Debug, Clone)]
pub struct ActorSpan {
    /// First token index.
    pub first: usize,
    /// Last token index (inclusive).
    pub last: usize,
    /// The entity the span names.
    pub actor: Actor,
    /// For a person: the body or state they speak for.
    pub speaks_for: Option<Actor>,
    /// For a person: whether they hold a state office (so their statements roll up to the state).
    pub official: bool,
    /// A demonym or attributive use ("Chinese agents", "US-led") that is not a noun phrase by itself.
    pub modifier: bool,
    /// Followed by a possessive 's.
    pub possessive: bool,
    /// How it was recognized.
    pub via: Via,
    /// Title words the span carries, lowercase ("spokesperson", "president").
    pub title: Option<String>,
}

impl ActorSpan {
    /// The actor a statement made through this mention is attributed to.
    pub fn statement_source(&self) -> Actor {
        if self.actor.kind == ActorKind::Person {
            if let Some(b) = &self.speaks_for {
                return b.clone();
            }
        }
        self.actor.clone()
    }

    /// The person voicing a statement through this mention, when it is a person.
    pub fn speaker(&self) -> Option<Actor> {
        (self.actor.kind == ActorKind::Person && self.speaks_for.is_some())
            .then(|| self.actor.clone())
    }
}

/// What the document has named so far, for short references.
#[derive(Debug, Default, Clone)]
pub struct Memory {
    /// People named so far: (surname, person span).
    pub people: Vec<(String, ActorSpan)>,
    /// Most recent actor spans that headed a clause, newest last.
    pub subjects: Vec<ActorSpan>,
    /// Bodies named so far (for "the ministry").
    pub bodies: Vec<ActorSpan>,
    /// How often each country was named, for "the government" in a one-country story.
    pub countries: Vec<(String, usize)>,
    /// Organizations and groups the document named that the gazetteer does not know,
    /// so that their initials ("RSF") refer back to them.
    pub named: Vec<ActorSpan>,
    /// Organizations and groups named so far, newest last, for "the company", "the group".
    pub recent: Vec<ActorSpan>,
    /// Things named with their owner ("Australia's plan", "the EC tax"), newest last, so that
    /// "the plan" later still says whose it is.
    pub things: Vec<(String, ActorSpan)>,
    /// The person named most recently.
    pub last_person: Option<ActorSpan>,
    /// The state of the story's dateline city ("MANILA (Reuters) -"): a state official named
    /// without a state ("Foreign Minister X") is taken to serve it. (The lead's first state
    /// was tried too and misattributed officials quoted in other states' stories.)
    pub lead_country: Option<String>,
    /// The state whose administration the document named ("the U.S. administration", "the
    /// Biden administration"), for a later bare "the administration".
    pub administration: Option<String>,
}

/// The state an actor span stands for or belongs to, if any.
fn state_of(s: &ActorSpan) -> Option<&String> {
    s.actor
        .country
        .as_ref()
        .or((s.actor.kind == ActorKind::Country).then_some(&s.actor.id))
}

impl Memory {
    /// Remembers the people and bodies of a sentence.
    pub fn remember(&mut self, spans: &[ActorSpan]) {
        for s in spans {
            if s.actor.kind == ActorKind::Person {
                self.last_person = Some(s.clone());
            }
            if s.actor.kind == ActorKind::Person && s.via != Via::Reference {
                if let Some(known) = self
                    .people
                    .iter_mut()
                    .find(|(_, p)| p.actor.id == s.actor.id)
                {
                    // A later mention that says whom the person speaks for completes the record.
                    if known.1.speaks_for.is_none() && s.speaks_for.is_some() {
                        for p in self
                            .people
                            .iter_mut()
                            .filter(|(_, p)| p.actor.id == s.actor.id)
                        {
                            p.1 = s.clone();
                        }
                    }
                } else {
                    // Every part of the name can come back alone: "Peskov", but also "Lin" of
                    // "Lin Jian", since many names put the family name first. The last part is
                    // pushed last so that it wins when two people share a word.
                    let parts: Vec<&str> = s
                        .actor
                        .name
                        .split_whitespace()
                        .filter(|w| w.len() > 2 && !w.ends_with('.'))
                        .collect();
                    for (k, w) in parts.iter().enumerate() {
                        if k + 1 < parts.len() {
                            self.people.push((w.to_string(), s.clone()));
                        }
                    }
                    if let Some(last) = parts.last() {
                        self.people.push((last.to_string(), s.clone()));
                    }
                }
            }
            if matches!(s.actor.kind, ActorKind::Organization | ActorKind::Group) && !s.modifier {
                self.recent.push(s.clone());
            }
            if matches!(s.actor.kind, ActorKind::Organization | ActorKind::Group)
                && s.via == Via::Pattern
                && !self.named.iter().any(|n| n.actor.id == s.actor.id)
            {
                self.named.push(s.clone());
            }
            if s.actor.kind == ActorKind::Organization && s.actor.country.is_some() && !s.modifier {
                self.bodies.push(s.clone());
            }
            if let Some(c) = state_of(s) {
                match self.countries.iter_mut().find(|(k, _)| k == c) {
                    Some(e) => e.1 += 1,
                    None => self.countries.push((c.clone(), 1)),
                }
            }
        }
    }

    /// Records the owned things of a sentence: an actor, possessive or attributive, followed
    /// (within two words) by a noun of [`THING_NOUNS`].
    pub fn remember_things(&mut self, words: &[Word<'_>], spans: &[ActorSpan]) {
        // "Australia's plan", "the proposed EC tax": possessive, attributive, or a name used
        // as a modifier right before the thing.
        for s in spans {
            let state = state_of(s);
            let names_it = |k: usize| words.get(k).is_some_and(|w| w.lower == "administration");
            if let Some(c) = state.filter(|_| names_it(s.last) || names_it(s.last + 1)) {
                self.administration = Some(c.clone());
            }
        }
        // "Kenya and Uganda have jointly proposed ...": the proposal is theirs.
        if let Some(s) = spans.iter().rev().find(|s| {
            !s.modifier && !s.possessive && s.actor.kind != ActorKind::Person && {
                let mut k = s.last + 1;
                while words.get(k).is_some_and(|w| {
                    matches!(
                        w.lower.as_str(),
                        "has" | "have" | "had" | "jointly" | "formally"
                    ) || w.lower.ends_with("ly")
                }) {
                    k += 1;
                }
                words.get(k).is_some_and(|w| {
                    matches!(
                        w.lower.as_str(),
                        "proposed" | "proposes" | "suggested" | "offered"
                    )
                })
            }
        }) {
            self.things.push(("proposal".to_string(), s.clone()));
        }
        for s in spans.iter().filter(|s| s.actor.kind != ActorKind::Person) {
            let from = if s.possessive { s.last + 2 } else { s.last + 1 };
            // A bare name owns only the word right after it ("EC tax"); a possessive or an
            // adjective may have adjectives between ("Australia's new maritime plan").
            let reach = if s.possessive || s.modifier { 3 } else { 1 };
            for w in words.iter().skip(from).take(reach) {
                if matches!(w.lower.as_str(), "the" | "a" | "an" | "to" | "and" | "or") {
                    break;
                }
                if THING_NOUNS.contains(&w.lower.as_str()) {
                    self.things.push((w.lower.clone(), s.clone()));
                    break;
                }
                if !w.is_word() || w.is_cap() && !s.modifier && !s.possessive {
                    break;
                }
            }
        }
    }

    /// The organization or group of the document whose initials are `acronym` ("RSF").
    pub fn by_initials(&self, acronym: &str) -> Option<&ActorSpan> {
        self.named.iter().rev().find(|n| {
            let initials: String = n
                .actor
                .name
                .split_whitespace()
                .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
                .collect();
            initials.len() >= 2 && initials == acronym
        })
    }

    /// The person a bare surname refers to.
    pub fn person_by_surname(&self, surname: &str) -> Option<&ActorSpan> {
        self.people
            .iter()
            .rev()
            .find(|(s, _)| s == surname)
            .map(|(_, p)| p)
    }

    /// The most recently named person.
    pub fn last_person(&self) -> Option<&ActorSpan> {
        self.last_person.as_ref()
    }

    /// Records the person a sentence talked about last, for "he" and "she".
    pub fn note_person(&mut self, p: &ActorSpan) {
        self.last_person = Some(p.clone());
    }

    /// The most recently named person carrying a title ("the spokesperson").
    pub fn person_with_title(&self, title: &str) -> Option<&ActorSpan> {
        self.people
            .iter()
            .rev()
            .map(|(_, p)| p)
            .find(|p| p.title.as_deref().is_some_and(|t| t.contains(title)))
    }
}

/// Words that start sentences or headlines with a capital but are not names.
/// Common nouns of capitalized things ("Philippine Investment Notes", "London Interbank
/// Offered Rate", "Uruguay Round"): a phrase with one is no person's name.
const CAPITALIZED_THINGS: &[&str] = &[
    "hurricane",
    "typhoon",
    "cyclone",
    "storm",
    "coast",
    "city",
    "valley",
    "river",
    "notes",
    "note",
    "rate",
    "rates",
    "index",
    "act",
    "plan",
    "accord",
    "agreement",
    "treaty",
    "pact",
    "bond",
    "bonds",
    "market",
    "system",
    "offered",
    "interbank",
    "tariff",
    "tariffs",
    "policy",
    "round",
    "conference",
    "summit",
    "talks",
    "survey",
    "futures",
    "securities",
    "program",
    "programme",
    "initiative",
    "doctrine",
];

const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "by",
    "for",
    "of",
    "to",
    "and",
    "but",
    "or",
    "as",
    "after",
    "before",
    "with",
    "from",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "his",
    "her",
    "their",
    "our",
    "my",
    "new",
    "some",
    "many",
    "more",
    "most",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mr",
    "mrs",
    "ms",
    "dr",
    "when",
    "while",
    "if",
    "although",
    "though",
    "meanwhile",
    "however",
    "also",
    "says",
    "said",
    "say",
    "update",
    "report",
    "reports",
    "analysis",
    "news",
    "there",
    "here",
    "what",
    "who",
    "why",
    "how",
    "where",
    "no",
    "not",
    "all",
    "both",
    "each",
    "one",
    "two",
    "three",
    "first",
    "last",
    "despite",
    "amid",
    "during",
    "under",
    "over",
    "against",
    "about",
    "into",
    "than",
    "then",
    "so",
    "because",
    "since",
    "until",
    "official",
    "officials",
    "police",
    "president",
    "prime",
    "minister",
    "government",
    "reuters",
    "ap",
    "afp",
    "cp",
    "upi",
    "xinhua",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "can",
    "could",
    "should",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "be",
    "been",
    "us",
    "u.s",
    "several",
    "other",
    "another",
    "only",
    "just",
    "even",
    "still",
    "yet",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "year",
    "week",
    "month",
    "day",
    "senior",
    "top",
    "former",
    "ex",
    "acting",
    "deputy",
    "chief",
    "leader",
    "leaders",
    "group",
    "party",
    "state",
    "states",
    "national",
    "international",
    "world",
    "global",
    "foreign",
    "interim",
    "radical",
    "muslim",
    "islamic",
    "christian",
    "jewish",
    "western",
    "eastern",
    "northern",
    "southern",
    "central",
    "north",
    "south",
    "east",
    "west",
    "democratic",
    "republican",
    "democrats",
    "republicans",
    "secretary",
    "general",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "envoy",
    "sources",
    "source",
    "witnesses",
    "people",
    "man",
    "woman",
    "men",
    "women",
    "troops",
    "soldiers",
    "forces",
    "rebels",
    "militants",
    "un",
    "eu",
    "gop",
];

/// Words that mark an unknown multiword name as an organization rather than a person.
const ORG_WORDS: &[&str] = &[
    "exchange",
    // Trades in company names: "Kawasaki Steel", "Fox Broadcasting", "Nippon Kokan".
    "steel",
    "broadcasting",
    "communications",
    "telecommunications",
    "telecom",
    "electric",
    "electronics",
    "securities",
    "brothers",
    "nippon",
    "shipbuilding",
    "shipping",
    "insurance",
    "financial",
    "bancorp",
    "semiconductor",
    "pharmaceutical",
    "pharmaceuticals",
    "foods",
    "textiles",
    "aerospace",
    "aircraft",
    "refining",
    "petrochemical",
    "petrochemicals",
    "resources",
    "enterprises",
    "technologies",
    "computer",
    "computers",
    "machinery",
    "construction",
    "cement",
    "entertainment",
    "studios",
    "publishing",
    "works",
    "lines",
    "trust",
    // Company forms and trades: "Airbus Industrie", "Amalgamated Metal Trading".
    "plc",
    "s.p.a.",
    "spa",
    "ag",
    "n.v.",
    "gmbh",
    "holdings",
    "industries",
    "industrie",
    "trading",
    "partners",
    "investments",
    "petroleum",
    "chemical",
    "chemicals",
    "tire",
    "rubber",
    "party",
    "council",
    "group",
    "watch",
    "mining",
    "airlines",
    "airways",
    "corp",
    "corp.",
    "inc",
    "inc.",
    "co",
    "co.",
    "ltd",
    "bank",
    "union",
    "front",
    "movement",
    "army",
    "league",
    "committee",
    "commission",
    "association",
    "institute",
    "agency",
    "ministry",
    "organization",
    "organisation",
    "foundation",
    "network",
    "alliance",
    "coalition",
    "federation",
    "court",
    "tribunal",
    "company",
    "motors",
    "international",
    "brigade",
    "brigades",
    "forces",
    "congress",
    "assembly",
    "parliament",
    "fund",
    "program",
    "programme",
    "office",
    "department",
    "university",
    "times",
    "post",
    "journal",
    "news",
    "television",
    "radio",
    "press",
    "media",
    "systems",
    "industries",
    "holdings",
    "group's",
    "society",
    "church",
    "guard",
    "service",
    "services",
    "board",
];

/// Common nouns after a demonym that name private people or things, not the state.
pub const PRIVATE_HEADS: &[&str] = &[
    "man",
    "woman",
    "men",
    "women",
    "boy",
    "girl",
    "child",
    "children",
    "hostage",
    "hostages",
    "citizen",
    "citizens",
    "national",
    "nationals",
    "tourist",
    "tourists",
    "businessman",
    "businessmen",
    "worker",
    "workers",
    "company",
    "companies",
    "firm",
    "firms",
    "newspaper",
    "newspapers",
    "scholar",
    "scholars",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "activist",
    "activists",
    "dissident",
    "dissidents",
    "student",
    "students",
    "journalist",
    "journalists",
    "reporter",
    "reporters",
    "fans",
    "player",
    "players",
    "team",
    "people",
    "civilians",
    "victims",
    "bank",
    "banks",
    "market",
    "markets",
    "economy",
    "exports",
    "imports",
    "election",
    "elections",
    "voters",
    "opposition",
    "critics",
    "soldier",
    "aid",
];

/// Recognizes the actor spans of one sentence.
///
/// `gaz_matches` are the gazetteer matches of the whole document (sorted); only those inside
/// the sentence's tokens are used. `headline` relaxes the name rules, since every word is capitalized.
pub fn recognize(
    gaz: &Gazetteer,
    full: &str,
    words: &[Word<'_>],
    gaz_matches: &[GazMatch],
    date: Option<&str>,
    headline: bool,
    memory: &Memory,
) -> Vec<ActorSpan> {
    let n = words.len();
    // Per token: the gazetteer match that starts at it, as (last token, match).
    let mut gaz_at: Vec<Option<(usize, &GazMatch)>> = vec![None; n];
    // Per token: a gazetteer actor at the start of a hyphenated token ("US-led").
    let mut hyph_at: Vec<Option<&GazMatch>> = vec![None; n];
    if let (Some(first), Some(last)) = (words.first(), words.last()) {
        let lo = gaz_matches.partition_point(|m| m.start < first.start);
        let mut ti = 0;
        for m in gaz_matches[lo..].iter().take_while(|m| m.end <= last.end) {
            while ti < n && words[ti].start < m.start {
                ti += 1;
            }
            if ti >= n || words[ti].start != m.start {
                continue;
            }
            match (ti..n).find(|&j| words[j].end == m.end) {
                Some(j) => gaz_at[ti] = Some((j, m)),
                None if words[ti].end > m.end
                    && words[ti].text[m.end - m.start..].starts_with('-') =>
                {
                    hyph_at[ti] = Some(m)
                }
                None => {}
            }
        }
    }

    let mut spans: Vec<ActorSpan> = Vec::new();
    let mut i = 0;
    while i < n {
        if let Some(span) = self_named(words, i) {
            i = span.last + 1;
            spans.push(span);
            continue;
        }
        if let Some(span) = gaz_at[i]
            .is_none()
            .then(|| own_government(gaz, full, words, i, &spans, memory))
            .flatten()
        {
            i = span.last + 1;
            spans.push(span);
            continue;
        }
        if let Some(span) = composite_at(gaz, full, words, &gaz_at, i, date, headline, memory) {
            let span = if headline {
                span
            } else {
                let span = settle_person(gaz, full, words, &spans, span, memory);
                let span = company_acronym(words, &gaz_at, &spans, span);
                company_name(words, &gaz_at, &spans, span)
            };
            i = span.last + 1;
            spans.push(span);
            continue;
        }
        if let Some(span) = thing_reference(words, i, &spans, memory) {
            // The span covers only the first word after "the": the thing's noun stays free
            // to be the head the clause rules look at.
            i = span.last + 1;
            spans.push(span);
            continue;
        }
        if let Some(span) = definite_reference(gaz, words, i, &spans, memory) {
            i = span.last + 1;
            spans.push(span);
            continue;
        }
        if let Some(m) = hyph_at[i] {
            let e = gaz.entry(m.entry);
            spans.push(ActorSpan {
                first: i,
                last: i,
                actor: e.actor.clone(),
                speaks_for: None,
                official: false,
                modifier: true,
                possessive: false,
                via: Via::Gazetteer,
                title: None,
            });
        }
        i += 1;
    }
    apposition(gaz, full, words, &mut spans);
    // States are the states of the document's date: "Moscow" in 1987 is the Soviet Union.
    if date.is_some() {
        for sp in spans.iter_mut() {
            sp.actor = gaz.as_of(&sp.actor, date);
            sp.speaks_for = sp.speaks_for.as_ref().map(|a| gaz.as_of(a, date));
        }
    }
    // An official given the dateline state for want of another is not, when the sentence
    // names another state ("in Washington, Prime Minister X said Greece was ready").
    if let Some(lead) = memory.lead_country.as_deref() {
        let other_state = spans
            .iter()
            .any(|s| s.actor.kind == ActorKind::Country && s.actor.id != lead);
        if other_state {
            // ("Government spokesperson X" says whose: the story's own government.)
            for sp in spans.iter_mut().filter(|sp| {
                sp.actor.kind == ActorKind::Person
                    && sp.via == Via::Pattern
                    && !matches!(words[sp.first].lower.as_str(), "government" | "cabinet")
                    && sp.speaks_for.as_ref().is_some_and(|c| c.id == lead)
                    && sp.actor.country.as_deref() == Some(lead)
            }) {
                sp.speaks_for = None;
                sp.official = false;
                sp.actor.country = None;
            }
        }
    }
    // "Prime Minister Ana Costa of Portugal": the state after the name.
    for k in 0..spans.len() {
        let fits = spans[k].actor.kind == ActorKind::Person
            && spans[k].title.is_some()
            && spans[k].speaks_for.is_none();
        let next = spans[k].last + 1;
        if fits && words.get(next).is_some_and(|w| w.lower == "of") {
            if let Some(c) = spans
                .get(k + 1)
                .filter(|c| c.first == next + 1 && c.actor.kind == ActorKind::Country)
            {
                let c = c.actor.clone();
                let p = &mut spans[k];
                p.actor.country = Some(c.id.clone());
                p.official = true;
                p.speaks_for = Some(c);
            }
        }
    }
    // A former office holder speaks for nobody: "former president Nelson Mandela".
    for sp in spans
        .iter_mut()
        .filter(|sp| sp.actor.kind == ActorKind::Person)
    {
        let before = (sp.first > 0).then(|| words[sp.first - 1].lower.as_str());
        let inside = words[sp.first].lower.as_str();
        if matches!(before, Some("former" | "ex" | "ex-" | "late"))
            || matches!(inside, "former" | "ex-")
        {
            sp.speaks_for = None;
            sp.official = false;
        }
    }
    spans
}

/// Words after a plural demonym that end its noun phrase ("against Israelis despite ...").
fn is_in_function_words(w: &str) -> bool {
    matches!(
        w,
        "despite"
            | "and"
            | "or"
            | "but"
            | "in"
            | "on"
            | "at"
            | "for"
            | "from"
            | "to"
            | "of"
            | "with"
            | "after"
            | "before"
            | "who"
            | "that"
            | "which"
            | "as"
            | "over"
            | "since"
            | "during"
            | "amid"
            | "than"
    )
}

/// Nouns of things an actor owns and that later come back as "the <noun>".
pub const THING_NOUNS: &[&str] = &[
    "policy",
    "policies",
    "plan",
    "plans",
    "proposal",
    "proposals",
    "move",
    "decision",
    "measure",
    "measures",
    "action",
    "law",
    "bill",
    "tax",
    "levy",
    "directive",
    "ban",
    "zone",
    "programme",
    "program",
    "tariffs",
    "sanctions",
    "quota",
    "quotas",
    "regime",
    "rules",
    "curbs",
    "restrictions",
    "scheme",
];

/// Things that news calls by different names: a plan is also "the policy" or "the move".
fn thing_class(noun: &str) -> &str {
    match noun {
        "policy" | "policies" | "plan" | "plans" | "proposal" | "proposals" | "scheme"
        | "programme" | "program" | "move" | "measure" | "measures" | "decision" | "action" => {
            "plan"
        }
        "tax" | "levy" | "tariffs" => "tax",
        "ban" | "curbs" | "restrictions" | "quota" | "quotas" | "rules" | "regime"
        | "sanctions" => "restriction",
        "law" | "bill" | "directive" => "law",
        other => other,
    }
}

/// Index of the noun of `nouns` in "the (up to two words) <noun>" starting at `i`; the words
/// between may be capitalized only when `caps` ("the Islamic group").
fn the_noun(words: &[Word<'_>], i: usize, nouns: &[&str], caps: bool) -> Option<usize> {
    if words[i].lower != "the" {
        return None;
    }
    let mut j = i + 1;
    while j < words.len()
        && j < i + 3
        && words[j].is_word()
        && (caps || !words[j].is_cap())
        && !nouns.contains(&words[j].lower.as_str())
    {
        j += 1;
    }
    words
        .get(j)
        .filter(|w| nouns.contains(&w.lower.as_str()))
        .map(|_| j)
}

/// "the plan", "the new tax": the owner of the thing of that name mentioned before, as an
/// attributive span (the thing is the owner's, not the owner itself).
fn thing_reference(
    words: &[Word<'_>],
    i: usize,
    spans: &[ActorSpan],
    memory: &Memory,
) -> Option<ActorSpan> {
    let j = the_noun(words, i, THING_NOUNS, false)?;
    let noun = words[j].lower.as_str();
    if words
        .get(j + 1)
        .is_some_and(|w| matches!(w.lower.as_str(), "of" | "by"))
    {
        return None;
    }
    // Earlier in this sentence first ("Australia's plan ... the policy"), then the document.
    let mut local = Memory::default();
    local.remember_things(words, spans);
    let class = thing_class(noun);
    let (_, owner) = local
        .things
        .iter()
        .rev()
        .filter(|(_, o)| o.last < i)
        .chain(memory.things.iter().rev())
        .find(|(n, _)| thing_class(n) == class)?;
    Some(ActorSpan {
        first: i + 1,
        last: i + 1,
        modifier: true,
        possessive: false,
        via: Via::Reference,
        ..owner.clone()
    })
}

/// "a group calling itself \"The Army of the North\"": the quoted name is a group of its
/// own, whatever places or states its words name.
fn self_named(words: &[Word<'_>], i: usize) -> Option<ActorSpan> {
    if i < 2
        || words[i - 1].lower != "itself"
        || !matches!(words[i - 2].lower.as_str(), "calling" | "calls" | "called")
        || words[i].kind != crate::text::TokenKind::Quote
    {
        return None;
    }
    let close = (i + 1..words.len().min(i + 12))
        .find(|&j| words[j].kind == crate::text::TokenKind::Quote)?;
    if close < i + 2 || !words[i + 1].is_cap() {
        return None;
    }
    let name = phrase(words, i + 1, close - 1);
    Some(ActorSpan {
        first: i + 1,
        last: close - 1,
        actor: Actor {
            id: format!("group:{}", slug(&name)),
            name,
            kind: ActorKind::Group,
            country: None,
        },
        speaks_for: None,
        official: false,
        modifier: false,
        possessive: false,
        via: Via::Pattern,
        title: None,
    })
}

/// "Norwegian lawmakers accused the government": with no dateline, "the government" is that of
/// the one state the sentence (or else the story) has named.
fn own_government(
    gaz: &Gazetteer,
    full: &str,
    words: &[Word<'_>],
    i: usize,
    spans: &[ActorSpan],
    memory: &Memory,
) -> Option<ActorSpan> {
    // "the government", or a body by its capitalized name: "the Finance Ministry", "a
    // Foreign Ministry spokesman".
    let after_article = i > 0 && matches!(words[i - 1].lower.as_str(), "the" | "a");
    // ("a government minister" is the dateline rule's titled official.)
    let (last, body) = if words[i].lower == "government" && i > 0 && words[i - 1].lower == "the" {
        (i, None)
    } else if words[i].is_cap() && (after_article || i == 0 || !words[i - 1].is_cap()) {
        // ("Finance Ministry officials said", "by the Finance Ministry", "a Foreign
        // Ministry spokesman": not inside a longer name.)
        let (len, body) = gaz.body_at(text_from(words, i, full))?;
        (token_ending_at(words, i, words[i].start + len)?, Some(body))
    } else {
        return None;
    };
    if words.get(last + 1).is_some_and(|w| w.lower == "of")
        || body.is_some_and(|b| b.state || b.key.contains("parliament"))
    {
        return None;
    }
    let mut here: Vec<String> = spans.iter().filter_map(state_of).cloned().collect();
    here.dedup();
    // The state the sentence named first ("Lima radio quoted a Foreign Ministry
    // spokesman"), else the dateline's, else the story's one state.
    let code = match here.as_slice() {
        [one] => one.clone(),
        [] if memory.lead_country.is_some() => memory.lead_country.clone()?,
        [] => {
            // The story's one state: named at least twice, and more than any other.
            let mut counts = memory.countries.clone();
            counts.sort_by_key(|c| std::cmp::Reverse(c.1));
            match counts.as_slice() {
                [(c, n)] if *n >= 2 => c.clone(),
                [(c, n), (_, m), ..] if *n >= 2 && n > m => c.clone(),
                _ => return None,
            }
        }
        _ => return None,
    };
    let state_actor = gaz.by_id(&code)?.actor.clone();
    let actor = match body {
        Some(b) => gaz.body_entity(&code, b),
        None => state_actor,
    };
    Some(ActorSpan {
        first: i,
        last,
        actor,
        speaks_for: None,
        official: false,
        modifier: false,
        possessive: words.get(last + 1).is_some_and(|w| w.text == "'s"),
        // (Named by the text itself, not a guess: its own state may be its target.)
        via: Via::Pattern,
        title: None,
    })
}

/// Nouns that refer back to an organization named before: "the company", "the Islamic group".
const BACK_NOUNS: &[&str] = &[
    "company",
    "firm",
    "group",
    "agency",
    "organization",
    "organisation",
    "alliance",
    "bloc",
    "movement",
    "party",
    "union",
    "ministry",
    "bank",
    "council",
    "commission",
    "committee",
    "militia",
    "league",
    "association",
    "body",
    "cartel",
    "grouping",
];

/// "the (Islamic) group", "the company": the most recent organization or group whose name has
/// that noun (any organization the gazetteer does not know, for "company" and "firm").
fn definite_reference(
    gaz: &Gazetteer,
    words: &[Word<'_>],
    i: usize,
    spans: &[ActorSpan],
    memory: &Memory,
) -> Option<ActorSpan> {
    let j = the_noun(words, i, BACK_NOUNS, true)?;
    let noun = words[j].lower.as_str();
    // "the bank committee" is a committee of banks, not the bank named before.
    let compound = words
        .get(j + 1)
        .is_some_and(|w| !w.is_cap() && BACK_NOUNS.contains(&w.lower.as_str()));
    if words[j].is_cap() || compound {
        return None;
    }
    let fits = |s: &&ActorSpan| {
        !s.modifier
            && matches!(s.actor.kind, ActorKind::Organization | ActorKind::Group)
            && (s.actor.name.to_lowercase().contains(noun)
                // "the bloc" after the EU, "the alliance" after NATO (the entry's nouns).
                || gaz
                    .by_id(&s.actor.id)
                    .is_some_and(|e| e.nouns.iter().any(|n| n == noun))
                || matches!(noun, "company" | "firm")
                    && s.via == Via::Pattern
                    && s.actor.kind == ActorKind::Organization
                // "the group" after Hamas, not after a state body ("the breakaway group"
                // of farmers is no customs service).
                || noun == "group" && s.actor.country.is_none())
            // "the union" in a story is a trade or farm union; the EU is "the Community" or
            // "the Union", capitalized.
            && !(noun == "union" && s.actor.id == "european-union")
    };
    let found = spans
        .iter()
        .rev()
        .find(fits)
        .or_else(|| memory.recent.iter().rev().find(fits))?;
    Some(ActorSpan {
        first: i + 1,
        last: j,
        via: Via::Reference,
        possessive: words.get(j + 1).is_some_and(|w| w.text == "'s"),
        ..found.clone()
    })
}

fn is_name_word(w: &Word<'_>, headline: bool) -> bool {
    if !w.is_word() || !w.is_cap() || NOT_NAMES.contains(&w.lower.trim_end_matches('.')) {
        return false;
    }
    // All-caps words of a normal sentence are acronyms or datelines, not personal names.
    if !headline
        && w.text.len() > 1
        && w.text.chars().all(|c| !c.is_lowercase())
        && !w.text.ends_with('.')
    {
        return false;
    }
    true
}

/// Reads a run of name words (with initials like "W.") starting at `i`; returns the last index.
fn name_run(words: &[Word<'_>], i: usize, headline: bool, max: usize) -> Option<usize> {
    if !words.get(i).is_some_and(|w| is_name_word(w, headline)) {
        return None;
    }
    // Inside a name, common words may be capitalized: "Rapid Support Forces", "Islamic Army".
    let mut j = i + 1;
    while j < words.len() && j - i < max && is_name_continuation(&words[j], headline) {
        j += 1;
    }
    Some(j - 1)
}

fn is_name_continuation(w: &Word<'_>, headline: bool) -> bool {
    const MONTHS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if headline {
        return is_name_word(w, headline);
    }
    w.is_word()
        && w.is_cap()
        && !MONTHS.contains(&w.lower.as_str())
        && !crate::text::is_weekday(&w.lower)
        && !matches!(
            w.lower.as_str(),
            "reuters" | "ap" | "afp" | "said" | "says" | "the" | "and" | "of"
        )
        && !(w.text.len() > 1
            && w.text.chars().all(|c| !c.is_lowercase())
            && !w.text.ends_with('.'))
}

fn text_from<'a>(words: &[Word<'_>], i: usize, full: &'a str) -> &'a str {
    // `full` is the cleaned document: matchers look at the text from the token on.
    &full[words[i].start..]
}

fn phrase(words: &[Word<'_>], a: usize, b: usize) -> String {
    let mut s = String::new();
    for (k, w) in words[a..=b].iter().enumerate() {
        if k > 0 && !(w.text == "'s" || words[a + k - 1].text.ends_with('-')) {
            s.push(' ');
        }
        s.push_str(w.text);
    }
    s
}

/// Index of the token ending at byte `end`, searching from `from`.
fn token_ending_at(words: &[Word<'_>], from: usize, end: usize) -> Option<usize> {
    (from..words.len())
        .take_while(|&j| words[j].start < end)
        .find(|&j| words[j].end == end)
}

fn person_actor(name: &str, country: Option<String>) -> Actor {
    Actor {
        id: format!("person:{}", slug(name)),
        name: name.to_string(),
        kind: ActorKind::Person,
        country,
    }
}

#[allow(clippy::too_many_arguments)]
fn composite_at(
    gaz: &Gazetteer,
    full: &str,
    words: &[Word<'_>],
    gaz_at: &[Option<(usize, &GazMatch)>],
    i: usize,
    date: Option<&str>,
    headline: bool,
    memory: &Memory,
) -> Option<ActorSpan> {
    let n = words.len();
    let mk = |first, last, actor: Actor| ActorSpan {
        first,
        last,
        actor,
        speaks_for: None,
        official: false,
        modifier: false,
        possessive: false,
        via: Via::Gazetteer,
        title: None,
    };
    let possessive_at = |k: usize| k < n && matches!(words[k].text, "'s" | "'");

    // Headlines title-case acronyms: "Imf Urges Ghana ...", "Ec Fish Quotas".
    if headline && gaz_at[i].is_none() {
        let t = words[i].text;
        let mut chars = t.chars();
        let titled = (2..=5).contains(&t.len())
            && chars.next().is_some_and(|c| c.is_ascii_uppercase())
            && chars.all(|c| c.is_ascii_lowercase());
        // (Not the English words such acronyms spell: "Who Will Lead", "Let Us Talk"; "Us"
        // is the U.S. only opening a headline or after a preposition.)
        let word = matches!(
            words[i].lower.as_str(),
            "who"
                | "it"
                | "am"
                | "an"
                | "as"
                | "at"
                | "be"
                | "by"
                | "do"
                | "go"
                | "he"
                | "if"
                | "in"
                | "is"
                | "me"
                | "my"
                | "no"
                | "of"
                | "on"
                | "or"
                | "so"
                | "to"
                | "up"
                | "we"
                | "can"
                | "may"
                | "man"
                | "dot"
                | "aid"
                | "art"
                | "act"
                | "won"
                | "ill"
                | "sea"
                | "net"
                | "ace"
                | "oil"
                | "war"
                | "ban"
                | "win"
                | "mat"
                | "pm"
        ) || words[i].lower == "us"
            && i > 0
            && !matches!(
                words[i - 1].lower.as_str(),
                "on" | "against" | "with" | "and" | "versus" | "vs" | "," | ":"
            );
        if titled && !word {
            let up = t.to_ascii_uppercase();
            if let Some(e) = gaz.candidates(&up).last().map(|c| c.entry) {
                let actor = gaz.actor_at(e, date);
                if matches!(actor.kind, ActorKind::Organization | ActorKind::Country) {
                    return Some(ActorSpan {
                        possessive: possessive_at(i + 1),
                        ..mk(i, i, actor)
                    });
                }
            }
        }
    }
    // An acronym of a name the document spelled out ("the Rapid Support Forces ... the RSF")
    // means that name here, whatever else the gazetteer knows by those letters.
    let t = words[i].text;
    if (2..=6).contains(&t.len()) && t.chars().all(|c| c.is_ascii_uppercase()) {
        if let Some(n) = memory.by_initials(t) {
            return Some(ActorSpan {
                first: i,
                last: i,
                via: Via::Reference,
                possessive: possessive_at(i + 1),
                ..n.clone()
            });
        }
    }

    // Collective actors named by a proper adjective and a group noun: "the West",
    // "Western nations", "European leaders" (not the EU itself).
    let group_of = |first: usize, last: usize, name: String| ActorSpan {
        actor: Actor {
            id: format!("group:{}", slug(&name)),
            name,
            kind: ActorKind::Group,
            country: None,
        },
        via: Via::Pattern,
        possessive: possessive_at(last + 1),
        ..mk(
            first,
            last,
            Actor {
                id: String::new(),
                name: String::new(),
                kind: ActorKind::Group,
                country: None,
            },
        )
    };
    // ("the West German government" is Germany's: a capitalized word after it joins the name.)
    if matches!(words[i].text, "West" | "Left" | "Right")
        && i > 0
        && words[i - 1].lower == "the"
        && !words.get(i + 1).is_some_and(|w| w.is_cap() && w.is_word())
    {
        return Some(group_of(i, i, format!("the {}", words[i].text)));
    }
    if matches!(
        words[i].text,
        "Western"
            | "European"
            | "Arab"
            | "African"
            | "Asian"
            | "Muslim"
            | "Islamic"
            | "Latin"
            | "Gulf"
            | "Nordic"
            | "Baltic"
    ) && matches!(
        words.get(i + 1).map(|w| w.lower.as_str()),
        Some(
            "nations"
                | "countries"
                | "powers"
                | "governments"
                | "leaders"
                | "government"
                | "allies"
                | "states"
                | "diplomats"
                | "ministers"
        )
    ) {
        return Some(group_of(
            i,
            i + 1,
            format!("{} {}", words[i].text, words[i + 1].text),
        ));
    }

    // "New Mexico", "New South Wales", "New Jersey": inside a sentence, a capitalized "New"
    // before a state's name makes another place, not that state.
    let new_place = !headline
        && i > 1
        && words[i - 1].text == "New"
        && gaz_at[i - 1].is_none()
        && gaz_at[i].is_some_and(|(_, m)| {
            m.form != Form::Adjective && gaz.entry(m.entry).actor.kind == ActorKind::Country
        });
    // "the Paris accord", "the Louvre pact", "the Geneva talks": a city naming an event or an
    // agreement is where it happened, not the government seated there.
    let event = |w: &Word<'_>| {
        matches!(
            w.lower.as_str(),
            "pact"
                | "accord"
                | "accords"
                | "agreement"
                | "treaty"
                | "talks"
                | "summit"
                | "conference"
                | "club"
                | "declaration"
                | "charter"
                | "protocol"
                | "round"
                | "process"
                | "meeting"
                | "convention"
                | "communique"
        )
    };
    // ("the Paris currency agreement": one word may stand between.)
    let venue = gaz_at[i].is_some_and(|(j, m)| {
        m.form == Form::Metonym
            && (words.get(j + 1).is_some_and(event)
                || words.get(j + 1).is_some_and(|w| {
                    matches!(
                        w.lower.as_str(),
                        "currency"
                            | "monetary"
                            | "trade"
                            | "peace"
                            | "economic"
                            | "nuclear"
                            | "arms"
                            | "climate"
                            | "security"
                            | "interim"
                            | "framework"
                            | "ceasefire"
                            | "cease-fire"
                            | "debt"
                            | "aid"
                            | "tax"
                    )
                }) && words.get(j + 2).is_some_and(event))
    });
    if new_place || venue {
        return None;
    }
    // "U.S. Steel Corp", "Kenya Airways", "Japan Air Lines Co": a company whose
    // name starts with a state's is the company.
    if let Some((j, m)) = gaz_at[i] {
        // (Only a name that starts there: "Hartley America Inc" is Hartley's.)
        let starts = i == 0
            || !words[i - 1].is_cap()
            || matches!(words[i - 1].lower.as_str(), "the" | "a" | "an");
        let is_state = starts && gaz.entry(m.entry).actor.kind == ActorKind::Country;
        let mut k = j + 1;
        while is_state && k < n && k <= j + 4 && words[k].is_cap() && words[k].is_word() {
            if matches!(
                words[k].text.trim_end_matches('.'),
                "Inc"
                    | "Corp"
                    | "Co"
                    | "Ltd"
                    | "Plc"
                    | "PLC"
                    | "SpA"
                    | "AG"
                    | "SA"
                    | "NV"
                    | "Bhd"
                    | "Corporation"
                    | "Company"
                    | "Airlines"
                    | "Airways"
            ) {
                let name = phrase(words, i, k);
                return Some(ActorSpan {
                    possessive: possessive_at(k + 1),
                    via: Via::Pattern,
                    ..mk(
                        i,
                        k,
                        Actor {
                            id: format!("org:{}", slug(&name)),
                            name,
                            kind: ActorKind::Organization,
                            country: None,
                        },
                    )
                });
            }
            k += 1;
        }
    }
    // (a) A gazetteer entity, possibly followed by a body noun, a title and a name.
    if let Some((j, m)) = gaz_at[i] {
        let mut base = gaz.actor_at(m.entry, date);
        let mut span = mk(i, j, base.clone());
        let mut cur = j + 1;
        if headline
            && j == i
            && base.kind != ActorKind::Country
            && gaz.entry(m.entry).ambiguous
            && memory
                .person_by_surname(words[i].text)
                .is_none_or(|p| p.actor.id != base.id)
        {
            // A headline capitalizes every word: a surname that is also a common word ("Ban",
            // "Rice", "Straw", marked `ambiguous` in the data) is that person only when the
            // article names them.
            return None;
        }
        if base.kind == ActorKind::Person {
            // Undated text cannot tell a sitting office holder from a former one by name
            // alone; only a title in the text ("President X") says they speak for a state.
            span.speaks_for = date.and_then(|_| office_owner(gaz, m.entry, date));
            span.official = span.speaks_for.is_some();
            span.possessive = possessive_at(cur);
            return Some(span);
        }
        // "United States Office of the Director of National Intelligence (ODNI)": the body wins.
        if let Some((j2, m2)) = gaz_at.get(cur).copied().flatten() {
            let e2 = gaz.entry(m2.entry);
            let same_state = base.kind == ActorKind::Country
                && e2.actor.kind == ActorKind::Organization
                && e2.actor.country.as_deref() == Some(base.id.as_str());
            if same_state {
                base = e2.actor.clone();
                span = mk(i, j2, base.clone());
                cur = j2 + 1;
            }
        }
        let country = if base.kind == ActorKind::Country {
            Some(base.id.clone())
        } else {
            base.country.clone()
        };
        let mut owner = base.clone();
        let mut took_body = false;
        let mut had_possessive = false;
        if possessive_at(cur) {
            had_possessive = true;
            cur += 1;
        }
        // "<Country>'s? <body noun>" -> the body (or the state itself for "government").
        if cur < n {
            if let (Some(c), Some((len, body))) =
                (country.as_deref(), gaz.body_at(text_from(words, cur, full)))
            {
                if base.kind == ActorKind::Country || base.kind == ActorKind::Organization {
                    if let Some(last) = token_ending_at(words, cur, words[cur].start + len) {
                        owner = if base.kind == ActorKind::Country {
                            gaz.body_entity(c, body)
                        } else {
                            base.clone()
                        };
                        span.actor = owner.clone();
                        span.last = last;
                        span.modifier = false;
                        cur = last + 1;
                        had_possessive = false;
                        took_body = true;
                    }
                }
            }
        }
        // "... <title> <Name>" -> a person speaking for the owner.
        if cur < n {
            if let Some((len, role)) = gaz.title_at(text_from(words, cur, full)) {
                if let Some(tlast) = token_ending_at(words, cur, words[cur].start + len) {
                    let title = role_name(role);
                    let nstart = tlast + 1;
                    // (In a headline, only a name the gazetteer or the article knows.)
                    let nrun = name_run(words, nstart, headline, 4).filter(|&nlast| {
                        !headline
                            || memory.person_by_surname(words[nlast].text).is_some()
                            || gaz.resolve(&phrase(words, nstart, nlast), date).is_some()
                    });
                    if let Some(nlast) = nrun {
                        let name = phrase(words, nstart, nlast);
                        let (person, _) = known_person(gaz, &name, date, country.clone());
                        return Some(ActorSpan {
                            first: i,
                            last: nlast,
                            actor: person,
                            speaks_for: Some(owner),
                            official: role_is_state(role) || base.kind == ActorKind::Country,
                            modifier: false,
                            possessive: possessive_at(nlast + 1),
                            via: Via::Gazetteer,
                            title: Some(title),
                        });
                    }
                    // "the Chinese foreign minister" with no name: the state (or body) speaks.
                    span.last = tlast;
                    span.actor = owner;
                    span.modifier = false;
                    span.title = Some(title);
                    span.possessive = possessive_at(tlast + 1);
                    return Some(span);
                }
            }
            // "Darfur rebels", "Sudanese rebels": a named collective actor; one trade noun may
            // sit between ("the U.S. rice industry", "Japanese electricity utilities").
            let trade_noun = words.get(cur).is_some_and(|w| {
                w.is_word()
                    && !w.is_cap()
                    && w.lower.len() > 2
                    && !is_in_function_words(&w.lower)
                    && !w.lower.ends_with("ly")
                    && !w.lower.ends_with("ed")
                    && gaz.group_at(text_from(words, cur, full)).is_none()
            }) && words.get(cur + 1).is_some_and(|w| {
                !w.is_cap()
                    && gaz
                        .group_at(text_from(words, cur + 1, full))
                        .is_some_and(|(_, g)| g.name == "people")
            });
            let cur = if trade_noun { cur + 1 } else { cur };
            // "the Italian, Spanish and Greek farmers": each demonym of a list takes the
            // group noun that closes it.
            if base.kind == ActorKind::Country
                && m.form == Form::Adjective
                && words
                    .get(cur)
                    .is_some_and(|w| matches!(w.lower.as_str(), "," | "and" | "or"))
            {
                let mut k = cur;
                while k < words.len() && k < cur + 8 {
                    let w = &words[k];
                    if matches!(w.lower.as_str(), "," | "and" | "or") || w.is_cap() {
                        k += 1;
                        continue;
                    }
                    break;
                }
                let shared = k > cur + 1
                    && k < words.len()
                    && words[k - 1].is_cap()
                    && gaz_at[k - 1].is_some()
                    && gaz.group_at(text_from(words, k, full)).is_some();
                if let Some((len, _)) = shared
                    .then(|| gaz.group_at(text_from(words, k, full)))
                    .flatten()
                {
                    if let Some(glast) = token_ending_at(words, k, words[k].start + len) {
                        let glast = group_end(words, glast);
                        let name = format!("{} {}", phrase(words, i, j), phrase(words, k, glast));
                        return Some(ActorSpan {
                            possessive: false,
                            actor: Actor {
                                id: format!("group:{}", slug(&name)),
                                name,
                                kind: ActorKind::Group,
                                country: None,
                            },
                            ..mk(i, j, base)
                        });
                    }
                }
            }
            if let Some((len, _g)) = gaz.group_at(text_from(words, cur, full)) {
                // "Brazil's opposition to the tariffs" is a stance, not an opposition party.
                let stance = words.get(cur + 1).is_some_and(|w| w.lower == "to")
                    && words[cur].lower == "opposition";
                if let Some(glast) =
                    token_ending_at(words, cur, words[cur].start + len).filter(|_| !stance)
                {
                    let glast = group_end(words, glast);
                    if base.kind != ActorKind::Country {
                        // "Houthi rebels", "Hamas militants": the named group itself.
                        return Some(ActorSpan {
                            possessive: possessive_at(glast + 1),
                            ..mk(i, glast, base)
                        });
                    }
                    let name = phrase(words, i, glast);
                    return Some(ActorSpan {
                        possessive: possessive_at(glast + 1),
                        actor: Actor {
                            id: format!("group:{}", slug(&name)),
                            name,
                            kind: ActorKind::Group,
                            country: None,
                        },
                        ..mk(i, glast, base)
                    });
                }
            }
        }
        if had_possessive {
            span.possessive = true;
            return Some(span);
        }
        if m.form == Form::Adjective && !took_body {
            // A bare demonym: "Chinese officials" were handled above as a body; anything else
            // ("Chinese agents", "American hostage") is a modifier, not an actor by itself.
            let head = words.get(cur).map(|w| w.lower.as_str()).unwrap_or("");
            // A plural demonym standing alone is the people, hence the state: "threats
            // against Israelis" (but "Israelis living abroad" stays a description).
            let plural_alone = words[j].text.ends_with('s')
                && !words
                    .get(cur)
                    .is_some_and(|w| w.is_word() && !w.is_cap() && !is_in_function_words(&w.lower));
            if plural_alone {
                span.modifier = false;
            } else {
                span.modifier = !is_state_people_noun(head) || PRIVATE_HEADS.contains(&head);
                if !span.modifier {
                    span.last = cur;
                }
            }
        }
        // Acronym in parentheses right after: "(ODNI)".
        if cur + 2 < n && words[cur].text == "(" && words[cur + 2].text == ")" {
            if let Some((j3, m3)) = gaz_at[cur + 1] {
                if j3 == cur + 1 && gaz.entry(m3.entry).actor.id == span.actor.id {
                    span.last = cur + 2;
                }
            }
        }
        return Some(span);
    }

    // (b) "<Title> <Name>": "President George W. Bush", "Sen. John Kerry".
    if let Some((len, role)) = gaz.title_at(text_from(words, i, full)) {
        if let Some(tlast) = token_ending_at(words, i, words[i].start + len) {
            let nstart = tlast + 1;
            if let Some((j, m)) = gaz_at.get(nstart).copied().flatten() {
                let e = gaz.entry(m.entry);
                if e.actor.kind == ActorKind::Person
                    && gaz
                        .given_name_conflict(m.entry, full, m.start, m.end)
                        .is_none()
                {
                    let speaks_for = office_owner(gaz, m.entry, date);
                    let official = speaks_for.is_some();
                    return Some(ActorSpan {
                        first: i,
                        last: j,
                        actor: gaz.actor_at(m.entry, date),
                        speaks_for,
                        official,
                        modifier: false,
                        possessive: possessive_at(j + 1),
                        via: Via::Gazetteer,
                        title: Some(role_name(role)),
                    });
                }
            }
            // In a headline every word is capitalized: "Leader Vows Peace" is no name, so an
            // unknown name after a title counts only when a person of that surname is known.
            // ("General Motors Corp", "Union Bank": a company's name, not a title and a person.)
            let company = |nlast: usize| {
                (nstart..=(nlast + 1).min(n - 1)).any(|k| {
                    matches!(
                        words[k].text.trim_end_matches('.'),
                        "Co" | "Corp"
                            | "Inc"
                            | "Ltd"
                            | "Plc"
                            | "PLC"
                            | "Bank"
                            | "Company"
                            | "Corporation"
                            | "Group"
                            | "Industries"
                            | "Motors"
                            | "AG"
                            | "SA"
                    )
                })
            };
            let name_run_here = name_run(words, nstart, headline, 4).filter(|&nlast| {
                (!headline || memory.person_by_surname(words[nlast].text).is_some())
                    && !company(nlast)
            });
            if let Some(nlast) = name_run_here {
                // (A known surname with another given name is someone else: "Foreign
                // Minister Alexander Ivanov".)
                let unknown = |g: &Option<(usize, &GazMatch)>| {
                    g.is_none_or(|(_, m)| {
                        gaz.entry(m.entry).actor.kind == ActorKind::Person
                            && gaz
                                .given_name_conflict(m.entry, full, m.start, m.end)
                                .is_some()
                    })
                };
                if gaz_at[nstart..=nlast].iter().all(unknown) {
                    // Royal and religious titles are part of how the person is named:
                    // "Prince Charles", "Queen Sirikit", "Pope Benedict".
                    let styled = tlast == i
                        && matches!(
                            words[i].text,
                            "Prince"
                                | "Princess"
                                | "King"
                                | "Queen"
                                | "Pope"
                                | "Sheikh"
                                | "Emir"
                                | "Sultan"
                        );
                    let name = phrase(words, if styled { i } else { nstart }, nlast);
                    let (mut person, mut speaks_for) = known_person(gaz, &name, date, None);
                    if speaks_for.is_none() && role_is_state(role) && person.country.is_none() {
                        // No dateline: the state the article last had acting as a sentence's
                        // subject ("The Philippines lodged a protest. Foreign Affairs
                        // Undersecretary Ramon Villaflor accused China ...").
                        // (Only for titles of government: company presidents, governors and
                        // generic officials may serve anyone.)
                        let government = matches!(
                            role.role.as_str(),
                            "prime minister"
                                | "premier"
                                | "chancellor"
                                | "foreign minister"
                                | "secretary of state"
                                | "minister"
                                | "ambassador"
                        );
                        let home = memory.lead_country.clone().or_else(|| {
                            if !government {
                                return None;
                            }
                            memory
                                .subjects
                                .iter()
                                .rev()
                                .find(|s| s.actor.kind == ActorKind::Country)
                                .map(|s| s.actor.id.clone())
                        });
                        if let Some(c) = home.as_deref() {
                            person.country = Some(c.to_string());
                            speaks_for = country_actor(gaz, c);
                        }
                    }
                    let official = speaks_for.is_some() || role_is_state(role);
                    return Some(ActorSpan {
                        first: i,
                        last: nlast,
                        actor: person,
                        speaks_for,
                        official,
                        modifier: false,
                        possessive: possessive_at(nlast + 1),
                        via: Via::Pattern,
                        title: Some(role_name(role)),
                    });
                }
            }
        }
    }

    // "the government", "the authorities" with no state named: in a datelined wire story they
    // are the dateline state's ("OTTAWA - The government said ..."); "the administration"
    // after "the U.S. administration" or "the Biden administration" named it: that state's
    // executive.
    if i > 0 && words[i - 1].lower == "the" && words.get(i + 1).is_none_or(|w| w.lower != "of") {
        let state = match words[i].lower.as_str() {
            "government" | "authorities" | "junta" | "regime" => memory.lead_country.as_deref(),
            "administration" => memory.administration.as_deref(),
            _ => None,
        };
        if let Some(c) = state.and_then(|c| country_actor(gaz, c)) {
            return Some(ActorSpan {
                via: Via::Reference,
                possessive: possessive_at(i + 1),
                ..mk(i, i, c)
            });
        }
    }
    // "a government minister", "a government spokesman": the dateline state's official.
    if i > 0 && matches!(words[i - 1].lower.as_str(), "a" | "the") && words[i].lower == "government"
    {
        if let (Some(c), Some((len, _))) = (
            memory
                .lead_country
                .as_deref()
                .and_then(|c| country_actor(gaz, c)),
            words
                .get(i + 1)
                .and_then(|w| gaz.title_at(&full[w.start..])),
        ) {
            if let Some(last) = token_ending_at(words, i + 1, words[i + 1].start + len) {
                return Some(ActorSpan {
                    via: Via::Reference,
                    possessive: possessive_at(last + 1),
                    ..mk(i, last, c)
                });
            }
        }
    }

    // (c) Unknown capitalized names.
    // "the New York Stock Exchange": inside a sentence, "New" before a name is part of it.
    let new_prefix = words[i].text == "New"
        && i > 0
        && !headline
        && words.get(i + 1).is_some_and(|w| is_name_word(w, false));
    if (new_prefix || is_name_word(&words[i], headline))
        && !(i > 0 && words[i - 1].text.ends_with('-'))
    {
        let last = name_run(words, i + usize::from(new_prefix), headline, 5)?;
        let last = (i..=last)
            .take_while(|&k| gaz_at[k].is_none() || k == i)
            .last()
            .unwrap_or(i);
        if gaz_at[i].is_some() {
            return None;
        }
        let name = phrase(words, i, last);
        // A collective actor named by a proper noun: "Darfur rebels".
        if last + 1 < n {
            if let Some((len, _)) = gaz.group_at(text_from(words, last + 1, full)) {
                if let Some(glast) = token_ending_at(words, last + 1, words[last + 1].start + len) {
                    let glast = group_end(words, glast);
                    let gname = phrase(words, i, glast);
                    return Some(ActorSpan {
                        via: Via::Pattern,
                        possessive: possessive_at(glast + 1),
                        ..mk(
                            i,
                            glast,
                            Actor {
                                id: format!("group:{}", slug(&gname)),
                                name: gname,
                                kind: ActorKind::Group,
                                country: None,
                            },
                        )
                    });
                }
            }
        }
        if last == i {
            // A single word: only a surname of someone named earlier.
            let p = memory.person_by_surname(words[i].text)?;
            return Some(ActorSpan {
                first: i,
                last: i,
                via: Via::Reference,
                possessive: possessive_at(i + 1),
                ..p.clone()
            });
        }
        // A run inside a longer capitalized phrase ("the Election Security Update") or after a
        // possessive ("the ODNI's Annual Threat Assessment") is a title of a thing, not a name.
        let next_cap = words
            .get(last + 1)
            .is_some_and(|w| w.is_word() && w.is_cap());
        // "places in Arunachal Pradesh": after a locative preposition an unknown name is a place.
        let place_of = i > 1
            && words[i - 1].lower == "of"
            && matches!(
                words[i - 2].lower.as_str(),
                "city"
                    | "town"
                    | "village"
                    | "region"
                    | "province"
                    | "state"
                    | "district"
                    | "port"
                    | "capital"
                    | "island"
                    | "islands"
            );
        let locative = place_of
            || i > 0
                && matches!(
                    words[i - 1].lower.as_str(),
                    "in" | "at"
                        | "near"
                        | "into"
                        | "across"
                        | "around"
                        | "outside"
                        | "inside"
                        | "to"
                        | "from"
                );
        if locative && !is_org_run(words, i, last) {
            return None;
        }
        let prev = if i > 0 {
            words[i - 1].lower.as_str()
        } else {
            ""
        };
        if next_cap
            || prev == "'s"
            || matches!(
                prev,
                "the" | "a" | "an" | "late" | "early" | "its" | "their" | "his" | "her"
            ) && !is_org_run(words, i, last)
        {
            return None;
        }
        if headline {
            // Headline capitals make any phrase look like a name: accept only known people.
            let surname = words[last].text;
            let p = memory.person_by_surname(surname)?;
            return Some(ActorSpan {
                first: i,
                last,
                via: Via::Reference,
                possessive: possessive_at(last + 1),
                ..p.clone()
            });
        }
        let is_org = is_org_run(words, i, last);
        // A capitalized phrase with common nouns in it that is no organization is the title
        // of a thing ("Election Security Update"), not a person.
        if !is_org
            && words[i..=last].iter().any(|w| {
                NOT_NAMES.contains(&w.lower.as_str())
                    || CAPITALIZED_THINGS.contains(&w.lower.as_str())
            })
        {
            return None;
        }
        // "Union of Bolivian Peasants", "League of Arab States": an organization's name may
        // go on with "of" and more capitalized words.
        let (last, name) = if is_org
            && words.get(last + 1).is_some_and(|w| w.lower == "of")
            && words
                .get(last + 2)
                .is_some_and(|w| w.is_word() && w.is_cap())
        {
            // "Stock Exchange of Hong Kong Ronald Li": a known place ends the name.
            let e = match gaz_at[last + 2] {
                Some((j, _)) => j,
                None => {
                    let mut e = last + 2;
                    while e + 1 < n && e < last + 5 && is_name_continuation(&words[e + 1], headline)
                    {
                        e += 1;
                    }
                    e
                }
            };
            (e, phrase(words, i, e))
        } else {
            (last, name)
        };
        if is_org {
            let actor = gaz.resolve(&name, date).unwrap_or(Actor {
                id: format!("org:{}", slug(&name)),
                name: name.clone(),
                kind: ActorKind::Organization,
                country: None,
            });
            return Some(ActorSpan {
                via: Via::Pattern,
                possessive: possessive_at(last + 1),
                ..mk(i, last, actor)
            });
        }
        if last - i <= 2 {
            if let Some(p) = memory
                .person_by_surname(words[last].text)
                .filter(|p| p.actor.name == name)
            {
                return Some(ActorSpan {
                    first: i,
                    last,
                    via: Via::Reference,
                    possessive: possessive_at(last + 1),
                    ..p.clone()
                });
            }
            let (person, speaks_for) = known_person(gaz, &name, date, None);
            let official = speaks_for.is_some();
            return Some(ActorSpan {
                first: i,
                last,
                actor: person,
                speaks_for,
                official,
                modifier: false,
                possessive: possessive_at(last + 1),
                via: Via::Pattern,
                title: None,
            });
        }
    }
    None
}

/// "MCI Communications Corp": a company name found from its trade word on keeps the acronym
/// before it (all capitals are no name word, so the run started after it).
fn company_acronym(
    words: &[Word<'_>],
    gaz_at: &[Option<(usize, &GazMatch)>],
    spans: &[ActorSpan],
    mut span: ActorSpan,
) -> ActorSpan {
    if span.via != Via::Pattern
        || span.actor.kind != ActorKind::Organization
        || !span.actor.id.starts_with("org:")
        || span.first == 0
    {
        return span;
    }
    let t = span.first - 1;
    let w = words[t].text;
    let acronym = (2..=5).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase());
    let free = gaz_at[t].is_none() && spans.last().is_none_or(|s| s.last < t);
    if acronym && free {
        span.first = t;
        let name = phrase(words, t, span.last);
        span.actor.id = format!("org:{}", slug(&name));
        span.actor.name = name;
    }
    span
}

/// Words that end a company's name ("Manufacturers Hanover Trust Co", "Chase Manhattan
/// Bank N.A.").
const COMPANY_TAIL: &[&str] = &[
    "Co",
    "Co.",
    "Corp",
    "Corp.",
    "Corporation",
    "Company",
    "Inc",
    "Inc.",
    "Ltd",
    "Ltd.",
    "Plc",
    "PLC",
    "AG",
    "SA",
    "NV",
    "N.V.",
    "SpA",
    "Bhd",
    "Bank",
    "Trust",
    "Group",
    "Holdings",
    "N.A.",
    "Motor",
    "Motors",
    "Securities",
    "International",
];

/// A company the gazetteer knows: its name goes on over the corporate words after it; a
/// given name before a one-word company name makes a person ("Yukio Honda" is no car maker).
fn company_name(
    words: &[Word<'_>],
    gaz_at: &[Option<(usize, &GazMatch)>],
    spans: &[ActorSpan],
    mut span: ActorSpan,
) -> ActorSpan {
    if span.actor.kind != ActorKind::Organization || span.actor.country.is_some() {
        return span;
    }
    if span.via == Via::Gazetteer && span.actor.id.starts_with("company:") {
        if span.first == span.last && span.first > 0 {
            let t = span.first - 1;
            let free = gaz_at[t].is_none() && spans.last().is_none_or(|s| s.last < t);
            if free && is_name_word(&words[t], false) && words[t].text.len() > 2 {
                let name = phrase(words, t, span.last);
                return ActorSpan {
                    first: t,
                    actor: person_actor(&name, None),
                    via: Via::Pattern,
                    ..span
                };
            }
        }
        let mut k = span.last + 1;
        while k < words.len()
            && (COMPANY_TAIL.contains(&words[k].text)
                || words[k].text == "and" && words.get(k + 1).is_some_and(|w| w.text == "Co"))
        {
            span.last = k;
            k += 1;
        }
        span.possessive = words
            .get(span.last + 1)
            .is_some_and(|w| matches!(w.text, "'s" | "'"));
    }
    span
}

/// A known person's name in a sentence, checked against the name words beside it and the
/// people the article introduced: "Sassou Nguesso" is all one name; "Alexander Ivanov" is
/// not Sergei Ivanov but a new person, and so is a later bare "Ivanov" in that article.
fn settle_person(
    gaz: &Gazetteer,
    full: &str,
    words: &[Word<'_>],
    spans: &[ActorSpan],
    mut span: ActorSpan,
    memory: &Memory,
) -> ActorSpan {
    if span.actor.kind != ActorKind::Person || span.via != Via::Gazetteer {
        return span;
    }
    let Some(entry) = gaz.index_of(&span.actor.id) else {
        return span;
    };
    // The name is the span, or its words after the title ("President Putin").
    let k = span.last;
    let name_start = if span.title.is_some() {
        gaz.title_at(&full[words[span.first].start..])
            .and_then(|(len, _)| token_ending_at(words, span.first, words[span.first].start + len))
            .map_or(k, |t| (t + 1).min(k))
    } else {
        span.first
    };
    let free_before = |t: usize| spans.last().is_none_or(|s| s.last < t);
    let neighbour = gaz
        .neighbour_name(entry, full, words[name_start].start, words[k].end)
        .and_then(|n| {
            let t = words.iter().position(|w| w.start == n.start)?;
            // (Only a name word outside the span, not one taken by an earlier span.)
            let outside =
                t + 1 == name_start && span.title.is_none() && free_before(t) || t == k + 1;
            outside.then_some((t, n.fits))
        });
    match neighbour {
        Some((t, true)) => {
            // "Sassou Nguesso": the neighbour is the person's own name.
            span.first = span.first.min(t);
            span.last = span.last.max(t);
            span.possessive = words
                .get(span.last + 1)
                .is_some_and(|w| matches!(w.text, "'s" | "'"));
            span
        }
        Some((t, false)) => {
            let (a, b) = (t.min(k), t.max(k));
            let name = phrase(words, a, b);
            let possessive = words
                .get(b + 1)
                .is_some_and(|w| matches!(w.text, "'s" | "'"));
            if let Some(p) = memory
                .person_by_surname(words[b].text)
                .filter(|p| p.actor.name == name)
            {
                return ActorSpan {
                    first: a.min(span.first),
                    last: b,
                    via: Via::Reference,
                    possessive,
                    ..p.clone()
                };
            }
            ActorSpan {
                first: a.min(span.first),
                last: b,
                actor: person_actor(&name, None),
                speaks_for: None,
                official: false,
                modifier: false,
                possessive,
                via: Via::Pattern,
                title: span.title.clone(),
            }
        }
        None if span.first == k => {
            // A bare surname: a person of that name the article introduced comes first.
            match memory
                .person_by_surname(words[k].text)
                .filter(|p| p.actor.id != span.actor.id && p.via != Via::Reference)
            {
                Some(p) => ActorSpan {
                    first: k,
                    last: k,
                    via: Via::Reference,
                    possessive: span.possessive,
                    ..p.clone()
                },
                None => span,
            }
        }
        None => span,
    }
}

/// "Sudanese rebel leaders": the people who speak for a group belong to its name.
fn group_end(words: &[Word<'_>], glast: usize) -> usize {
    match words.get(glast + 1).map(|w| w.lower.as_str()) {
        Some(
            "leaders" | "leader" | "commanders" | "chiefs" | "spokesman" | "spokesmen"
            | "officials" | "representatives" | "sources",
        ) => glast + 1,
        _ => glast,
    }
}

fn is_org_run(words: &[Word<'_>], i: usize, last: usize) -> bool {
    words[i..=last]
        .iter()
        .any(|w| ORG_WORDS.contains(&w.lower.as_str()))
}

/// "Yasser Arafat, the Palestinian president," and "Lin Jian, a spokesperson for the Foreign
/// Ministry," give the person the state or body they speak for.
/// A person named beside a title span ("Mark Smith, the World Bank's spokesman") takes the
/// title, and speaks for the title's owner.
fn take_title(p: &mut ActorSpan, titled: &ActorSpan) {
    let o = titled.statement_source();
    p.title = titled.title.clone();
    p.official = titled.official || o.kind != ActorKind::Person;
    if p.actor.country.is_none() {
        p.actor.country = o
            .country
            .clone()
            .or_else(|| (o.kind == ActorKind::Country).then(|| o.id.clone()));
    }
    p.speaks_for = Some(o);
}

fn apposition(gaz: &Gazetteer, full: &str, words: &[Word<'_>], spans: &mut [ActorSpan]) {
    // "Kenya's ambassador to the U.S., John Harlow, told ...": a title before the name
    // (a post abroad may sit between) says whom the person speaks for.
    for k in 1..spans.len() {
        if spans[k].actor.kind != ActorKind::Person
            || spans[k].speaks_for.is_some()
            || spans[k].first < 2
            || words[spans[k].first - 1].text != ","
        {
            continue;
        }
        let comma = spans[k].first - 1;
        let Some(t) = (0..k).rev().find(|&t| {
            spans[t].title.is_some()
                && spans[t].actor.kind != ActorKind::Person
                && !spans[t].modifier
                && spans[t].last < comma
        }) else {
            continue;
        };
        // Between title and comma only "to/in/at (the) <place>".
        let between_ok = (spans[t].last + 1..comma).all(|j| {
            matches!(words[j].lower.as_str(), "to" | "in" | "at" | "the")
                || spans
                    .iter()
                    .any(|s| s.first <= j && j <= s.last && s.actor.kind == ActorKind::Country)
        }) && comma - spans[t].last <= 5;
        if !between_ok {
            continue;
        }
        let titled = spans[t].clone();
        take_title(&mut spans[k], &titled);
    }
    for k in 0..spans.len() {
        if spans[k].actor.kind != ActorKind::Person || spans[k].speaks_for.is_some() {
            continue;
        }
        let mut cur = spans[k].last + 1;
        if cur >= words.len() || words[cur].text != "," {
            continue;
        }
        cur += 1;
        if cur < words.len() && matches!(words[cur].lower.as_str(), "the" | "a" | "an") {
            cur += 1;
        }
        // "<Adj|Country's> <title>" or "<title> for|of <body|country>".
        let mut owner: Option<Actor> = None;
        if let Some(next) = spans
            .get(k + 1)
            .filter(|n| n.first == cur && n.title.is_some() && n.actor.kind != ActorKind::Person)
        {
            // "Mark Smith, the World Bank's spokesman,": the title was read with its owner.
            let titled = next.clone();
            take_title(&mut spans[k], &titled);
            continue;
        }
        if let Some(next) = spans.get(k + 1) {
            if next.first == cur
                && (next.modifier || next.possessive || next.actor.kind != ActorKind::Person)
            {
                owner = Some(next.statement_source());
                cur = next.last + 1;
                if cur < words.len() && words[cur].text == "'s" {
                    cur += 1;
                }
            }
        }
        // "the association's first vice president": ranks before the title.
        while cur < words.len()
            && gaz.title_at(&full[words[cur].start..]).is_none()
            && matches!(
                words[cur].lower.as_str(),
                "first" | "second" | "third" | "senior" | "executive" | "acting" | "top"
            )
        {
            cur += 1;
        }
        if cur >= words.len() {
            continue;
        }
        let Some((len, role)) = gaz.title_at(&full[words[cur].start..]) else {
            continue;
        };
        let Some(tlast) = token_ending_at(words, cur, words[cur].start + len) else {
            continue;
        };
        if owner.is_none() {
            if let Some(next) = spans.get(k + 1) {
                let prep = tlast + 1;
                let ok = prep < words.len()
                    && matches!(words[prep].lower.as_str(), "for" | "of" | "at")
                    && (next.first == prep + 1
                        || (next.first == prep + 2 && words[prep + 1].lower == "the"));
                if ok {
                    owner = Some(next.statement_source());
                }
            }
        }
        let state_role = role_is_state(role);
        let p = &mut spans[k];
        p.title = Some(role_name(role));
        match owner {
            Some(o) => {
                p.official = state_role || o.kind != ActorKind::Person;
                if p.actor.country.is_none() {
                    p.actor.country = o
                        .country
                        .clone()
                        .or_else(|| (o.kind == ActorKind::Country).then(|| o.id.clone()));
                }
                p.speaks_for = Some(o);
            }
            None if state_role => {
                if let Some(c) = p.actor.country.clone() {
                    p.official = true;
                    p.speaks_for = country_actor(gaz, &c);
                }
            }
            None => {}
        }
    }
}

/// The state or organization a known person holds office for on `date`.
fn office_owner(gaz: &Gazetteer, entry: usize, date: Option<&str>) -> Option<Actor> {
    let o = gaz.person_in_office(entry, date)?;
    gaz.by_id(&o.of).map(|e| e.actor.clone())
}

fn role_name(role: &Role) -> String {
    role.role.clone()
}

fn role_is_state(role: &Role) -> bool {
    role.state
}

fn country_actor(gaz: &Gazetteer, code: &str) -> Option<Actor> {
    gaz.by_id(code).map(|e| e.actor.clone())
}

/// A person from the gazetteer when the name is known there, else a new person entity.
fn known_person(
    gaz: &Gazetteer,
    name: &str,
    date: Option<&str>,
    country: Option<String>,
) -> (Actor, Option<Actor>) {
    if let Some(a) = gaz
        .resolve(name, date)
        .filter(|a| a.kind == ActorKind::Person)
    {
        let owner = gaz.index_of(&a.id).and_then(|i| office_owner(gaz, i, date));
        return (a, owner);
    }
    (person_actor(name, country.clone()), None)
}

/// Plural nouns for people acting for a state: "Chinese officials", "Georgian forces".
pub fn is_state_people_noun(w: &str) -> bool {
    matches!(
        w,
        "officials"
            | "official"
            | "diplomats"
            | "diplomat"
            | "negotiators"
            | "leaders"
            | "leader"
            | "side"
            | "delegation"
            | "delegates"
            | "forces"
            | "troops"
            | "soldiers"
            | "authorities"
            | "agents"
            | "envoys"
            | "envoy"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "ministers"
            | "lawmakers"
            | "legislators"
            | "senators"
            | "congressmen"
            | "governors"
            | "prosecutors"
            | "investigators"
            | "regime"
            | "leadership"
            | "military"
            | "navy"
            | "army"
            | "police"
    )
}
