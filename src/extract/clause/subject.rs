//! Subjects: who makes a verb cue's statement — the clause's subject, coordinated actors,
//! passive agents and the reporter of a reported clause.

use super::modality::{HEDGE_CONTROL, NEG_CONTROL, NEUTRAL_CONTROL};
use super::paraphrase::JUDGING;
use super::words::{is_in, lw, ADVERBS, AUX, MODALS, NEGATIONS, PREPOSITIONS, SPEECH};
use crate::actors::mentions::{is_state_people_noun, ActorSpan, Memory, Word};
use crate::extract::SentenceView;
use crate::model::ActorKind;

/// The actor a sentence is mainly about: the first full actor span not inside a prepositional phrase.
pub fn main_subject<'v>(v: &'v SentenceView<'_>) -> Option<&'v ActorSpan> {
    // Only a span that opens the sentence (after determiners, adjectives or an introductory
    // phrase closed by a comma) is the main subject; a later one sits in the predicate.
    let first = v.spans.first()?;
    if first.modifier && !first.possessive || in_pp(&v.words, first.first) {
        return None;
    }
    // "For its part, ..." opens a sentence with or without its comma.
    let start = if first.first >= 3
        && lw(&v.words, 0) == "for"
        && matches!(lw(&v.words, 1), "its" | "his" | "her" | "their" | "our")
        && lw(&v.words, 2) == "part"
    {
        3
    } else {
        0
    };
    let opener = (start..first.first).all(|k| {
        let w = lw(&v.words, k);
        matches!(
            w,
            "the"
                | "a"
                | "an"
                | "senior"
                | "top"
                | "key"
                | "former"
                | "new"
                | "several"
                | "some"
                | "many"
                | "most"
                | "other"
        ) || !v.words[k].is_cap() && v.words[k].is_word() && w.ends_with("ly")
    }) || (first.first > 0 && lw(&v.words, first.first - 1) == ",");
    opener.then_some(first)
}

/// The subject of a verb cue: scanning left over the verb group, appositions and time phrases.
pub(super) fn subject(
    words: &[Word<'_>],
    at: &[Option<usize>],
    v: &SentenceView<'_>,
    first: usize,
    memory: &Memory,
    prev_subjects: &[ActorSpan],
) -> Option<(Vec<ActorSpan>, bool)> {
    let mut k = first;
    let mut steps = 0;
    while k > 0 && steps < 14 {
        k -= 1;
        steps += 1;
        if let Some(si) = at[k] {
            let s = &v.spans[si];
            // "A majority of Australians oppose the war", "Thousands of rightist Israelis
            // accused ...", "30,000 more Sudanese threaten ...": people counted, not the state.
            let counted = (s.first.saturating_sub(4)..s.first).any(|j| {
                matches!(
                    lw(words, j),
                    "majority"
                        | "most"
                        | "many"
                        | "half"
                        | "third"
                        | "percent"
                        | "pct"
                        | "minority"
                        | "thousands"
                        | "hundreds"
                        | "dozens"
                        | "millions"
                        | "tens"
                ) || words[j]
                    .text
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit())
            });
            if counted && (s.modifier || lw(words, s.first.saturating_sub(1)) == "of") {
                return None;
            }
            // "A militant group holding hostage Margaret Hassan has threatened", "a lawyer
            // representing X said": the participle's object is not the subject.
            let held = (s.first.saturating_sub(4)..s.first).any(|j| {
                matches!(
                    lw(words, j),
                    "holding" | "detaining" | "kidnapping" | "abducting" | "representing"
                ) && j > 0
                    && words[j - 1].is_word()
                    && !words[j - 1].is_cap()
                    && at[j - 1].is_none()
            });
            if held {
                return None;
            }
            if s.possessive || s.modifier {
                // "The ODNI's report implicated": the possessor of the subject noun phrase.
                return Some((coordinated_left(words, at, v, si), false));
            }
            if in_pp(words, s.first) {
                // "in Iraq accused": a prepositional phrase, not the subject; keep looking
                // left of its preposition.
                k = s.first;
                while k > 0 && matches!(lw(words, k - 1), "the" | "a" | "an") {
                    k -= 1;
                }
                k -= 1;
                // "officials in Seoul", "diplomats from Brazil": the state they serve speaks.
                if matches!(lw(words, k), "in" | "from" | "of")
                    && k > 0
                    && is_state_people_noun(lw(words, k - 1))
                {
                    return Some((coordinated_left(words, at, v, si), false));
                }
                continue;
            }
            return Some((coordinated_left(words, at, v, si), false));
        }
        // "a group calling itself \"X\" said": past the quotation closing the name.
        if words[k].kind == crate::text::TokenKind::Quote && k > 0 && at[k - 1].is_some() {
            continue;
        }
        let w = lw(words, k);
        if is_in(AUX, w)
            || is_in(MODALS, w)
            || is_in(NEGATIONS, w)
            || is_in(ADVERBS, w)
            || (w.ends_with("ly") && !words[k].is_cap())
            || w == "to"
            || is_in(NEG_CONTROL, w)
            || is_in(HEDGE_CONTROL, w)
            || is_in(NEUTRAL_CONTROL, w)
        {
            continue;
        }
        if matches!(w, "on" | "last" | "this" | "late" | "early") && k + 1 < first {
            continue;
        }
        // "vowed to do everything possible to block": the effort phrase has no subject of its own.
        if matches!(
            w,
            "everything" | "possible" | "all" | "whatever" | "do" | "can"
        ) {
            continue;
        }
        if w == ")" {
            // "The Green Group in the Nordic Council (NC) rejected": skip "(NC)".
            if let Some(open) = (k.saturating_sub(4)..k)
                .rev()
                .find(|&j| lw(words, j) == "(")
            {
                k = open;
                continue;
            }
        }
        match w {
            "others" if k > 1 && lw(words, k - 1) == "and" => {
                // "Mandela, Tutu and others support ...": the named members of an open list
                // speak, past any name the gazetteer does not know.
                let mut j = k - 1;
                while j > 0 && k - j < 8 {
                    j -= 1;
                    if let Some(si) = at[j] {
                        return Some((coordinated_left(words, at, v, si), false));
                    }
                    if !(words[j].is_cap() || lw(words, j) == ",") {
                        break;
                    }
                }
                return None;
            }
            "that" | "who" | "which"
                if k > 1
                    && matches!(
                        lw(words, k - 1),
                        "country" | "nation" | "state" | "government" | "member" | "one"
                    )
                    && matches!(lw(words, k - 2), "one" | "the" | "another" | "a" | "only")
                    && at[k - 1].is_none() =>
            {
                // "One country that has complained about X is Vietnam": the actor the
                // sentence names after its copula is the subject of the relative clause.
                return (first + 1..words.len().min(first + 20))
                    .find(|&j| {
                        matches!(lw(words, j), "is" | "was")
                            && at.get(j + 1).copied().flatten().is_some()
                    })
                    .and_then(|j| at[j + 1])
                    .map(|si| &v.spans[si])
                    .filter(|s| !s.modifier)
                    .map(|s| (vec![s.clone()], false));
            }
            "who" | "which" if k > 0 => {
                // "X, who accused Y": the antecedent before the comma.
                let a = if lw(words, k - 1) == "," {
                    k.saturating_sub(2)
                } else {
                    k - 1
                };
                // "the group's leaders, who accused ...": the nearest actor of the antecedent.
                // "which" names a thing unless the antecedent itself is the actor.
                let reach = if w == "who" { 3 } else { 0 };
                return (a.saturating_sub(reach)..=a)
                    .rev()
                    .find_map(|j| at[j])
                    .map(|si| &v.spans[si])
                    .filter(|s| !s.modifier)
                    .map(|s| (vec![s.clone()], false));
            }
            "he" | "she" | "it" | "they" | "we"
                if k > 0 && reporter(words, at, v, k, k).is_some() =>
            {
                // "Norway said it would ...": the pronoun is the reporter itself; "Berlusconi
                // and Putin said they welcome ...": all of them.
                let r = reporter(words, at, v, k, k)?;
                if matches!(w, "they" | "we") {
                    if let Some(ri) = v.spans.iter().position(|s| s.first == r.first) {
                        return Some((coordinated_left(words, at, v, ri), true));
                    }
                }
                return Some((vec![r], true));
            }
            "he" | "she" => {
                // "Baker said the accord held but he criticised ...": the person heading the
                // sentence, before anyone named earlier.
                if let Some(p) = main_subject(v)
                    .filter(|s| s.actor.kind == ActorKind::Person && s.last < k && !s.modifier)
                {
                    return Some((vec![p.clone()], true));
                }
                let p = memory
                    .last_person()
                    .cloned()
                    .or_else(|| prev_subjects.first().cloned())?;
                return Some((vec![p], true));
            }
            "it" | "they" | "we" => {
                if let Some(s) = prev_subjects.first() {
                    return Some((prev_subjects.to_vec(), true))
                        .filter(|_| s.actor.kind != ActorKind::Person || w != "it");
                }
                let s = memory
                    .subjects
                    .last()
                    .filter(|s| s.actor.kind != ActorKind::Person)?;
                return Some((vec![s.clone()], true));
            }
            "and" | "but" => {
                // "X condemned Y and criticized Z": a coordinated verb shares the subject.
                if !prev_subjects.is_empty() {
                    return Some((prev_subjects.to_vec(), true));
                }
                // "militants who killed two hostages and are threatening ...": a verb joined
                // inside a relative clause has the clause's antecedent as subject.
                if let Some(rel) = (k.saturating_sub(12)..k)
                    .rev()
                    .take_while(|&j| !matches!(lw(words, j), "," | ";" | "."))
                    .find(|&j| matches!(lw(words, j), "who" | "which"))
                {
                    let ante = if rel > 1 && lw(words, rel - 1) == "," {
                        rel - 2
                    } else {
                        rel.saturating_sub(1)
                    };
                    return (rel > 0)
                        .then(|| at[ante])
                        .flatten()
                        .map(|si| (vec![v.spans[si].clone()], true));
                }
                return main_subject(v).map(|s| (vec![s.clone()], true));
            }
            "," => {
                // "The measure, offered by Senator X, urges ...": a text speaks for its author.
                let authored = |j: usize| {
                    lw(words, j) == ","
                        && matches!(
                            lw(words, j + 1),
                            "offered"
                                | "sponsored"
                                | "proposed"
                                | "introduced"
                                | "drafted"
                                | "authored"
                        )
                        && lw(words, j + 2) == "by"
                };
                if let Some(open) = (0..k).rev().take(12).find(|&j| authored(j)) {
                    if let Some(si) = at.get(open + 3).copied().flatten() {
                        let s = &v.spans[si];
                        if !s.modifier && s.first == open + 3 {
                            return Some((coordinated_right(words, at, v, si), false));
                        }
                    }
                }
                // "Lin Jian, a spokesperson for X, said": skip a comma-delimited apposition.
                if let Some(open) = (0..k).rev().take(12).find(|&j| lw(words, j) == ",") {
                    let inner = lw(words, open + 1);
                    let apposition = matches!(inner, "a" | "an" | "the" | "who" | "which")
                        || at[open + 1].is_some_and(|si| !v.spans[si].modifier);
                    if apposition && at[open.saturating_sub(1)].is_some() {
                        k = open;
                        continue;
                    }
                }
                // "..., accusing X": a participle after a comma belongs to the main clause.
                if !prev_subjects.is_empty() {
                    return Some((prev_subjects.to_vec(), true));
                }
                return main_subject(v)
                    .filter(|s| s.last < k)
                    .map(|s| (vec![s.clone()], true));
            }
            _ => {}
        }
        // "Potash producers from New Mexico accused ...": a place the gazetteer does not know,
        // after the actor it locates.
        if words[k].is_cap() && words[k].is_word() {
            let mut j = k;
            while j > 0 && k - j < 3 && words[j].is_cap() && at[j].is_none() {
                j -= 1;
            }
            if matches!(lw(words, j), "from" | "in") && j > 0 {
                if let Some(si) = at[j - 1] {
                    let s = &v.spans[si];
                    if !s.modifier && !s.possessive && s.actor.kind != ActorKind::Country {
                        return Some((coordinated_left(words, at, v, si), false));
                    }
                }
            }
        }
        if words[k].kind == crate::text::TokenKind::Word
            && !is_in(PREPOSITIONS, w)
            && !is_in(SPEECH, w)
            && w != "that"
        {
            // The head of a noun phrase: look inside it for a possessor or an actor modifier.
            let mut j = k;
            while j > 0 && k - j < 6 {
                j -= 1;
                if let Some(si) = at[j] {
                    let s = &v.spans[si];
                    // "the Reagan administration": a leader's name before "administration".
                    let leaders_government = j + 1 == k
                        && s.actor.kind == ActorKind::Person
                        && matches!(lw(words, k), "administration" | "government" | "cabinet");
                    // "The IMF team urges ...", "the EC delegation warned": a body's envoys.
                    let envoys = j + 1 == k
                        && !s.modifier
                        && matches!(s.actor.kind, ActorKind::Organization | ActorKind::Country)
                        && matches!(
                            lw(words, k),
                            "team"
                                | "delegation"
                                | "mission"
                                | "negotiators"
                                | "envoys"
                                | "spokesman"
                                | "spokeswoman"
                                | "officials"
                                | "statement"
                                | "report"
                        );
                    if s.possessive
                        || s.modifier && is_state_voice_noun(lw(words, k))
                        || leaders_government
                        || envoys
                    {
                        return Some((vec![s.clone()], false));
                    }
                    return None;
                }
                let wj = lw(words, j);
                if matches!(wj, "its" | "their" | "his" | "her") {
                    // "Peru restated its intention to retaliate": the owner of "its" is the
                    // subject of the verb before it.
                    return (j.saturating_sub(6)..j)
                        .rev()
                        .find_map(|m| at[m])
                        .map(|si| &v.spans[si])
                        .filter(|s| !s.modifier && !in_pp(words, s.first))
                        .map(|s| (vec![s.clone()], true));
                }
                if is_in(PREPOSITIONS, wj)
                    || matches!(wj, "," | "that" | "and")
                    || is_in(SPEECH, wj)
                {
                    return None;
                }
            }
            return None;
        }
        return None;
    }
    None
}

/// Whether the span starting at `first` sits in a prepositional phrase ("in the United States").
pub(super) fn in_pp(words: &[Word<'_>], first: usize) -> bool {
    let mut k = first;
    while k > 0 && matches!(lw(words, k - 1), "the" | "a" | "an") {
        k -= 1;
    }
    // "after", "before", "since", "until" also open clauses: "after Cuba threatened ...".
    k > 0
        && is_in(PREPOSITIONS, lw(words, k - 1))
        && !matches!(
            lw(words, k - 1),
            "by" | "after" | "before" | "since" | "until"
        )
}

/// Nouns that voice a state when an adjective names it: "Chinese media", "the Russian report".
fn is_state_voice_noun(w: &str) -> bool {
    matches!(
        w,
        "resolution"
            | "draft"
            | "proposal"
            | "declaration"
            | "communique"
            | "plan"
            | "report"
            | "statement"
            | "media"
            | "update"
            | "assessment"
            | "side"
            | "foreign"
            | "letter"
            | "note"
            | "document"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "officials"
            | "government"
            | "leaders"
            | "press"
    )
}

const COORD: &[&str] = &["and", ",", "&", "or"];

/// The actors coordinated with span `si` to its left ("China and Singapore", "both X and Y").
pub(super) fn coordinated_left(
    words: &[Word<'_>],
    at: &[Option<usize>],
    v: &SentenceView<'_>,
    si: usize,
) -> Vec<ActorSpan> {
    let mut out = vec![v.spans[si].clone()];
    let mut cur = v.spans[si].first;
    // A comma joins actors only in a list closed by "and"/"or" ("A, B and C"), not
    // after an introductory phrase ("In London, the U.S. ...").
    let mut seen_conj = v.sentence.headline; // headlines list with commas: "Germany, France Back ..."
    loop {
        // "Rwanda and the Democratic Republic of Congo": a determiner sits after the conjunction.
        if cur > 0 && matches!(lw(words, cur - 1), "the" | "both") {
            cur -= 1;
        }
        if cur < 2 {
            break;
        }
        let sep = lw(words, cur - 1);
        let sep_ok =
            is_in(COORD, sep) || sep == "with" && lw(words, cur.wrapping_sub(2)) == "along";
        if !sep_ok || sep == "," && !seen_conj {
            break;
        }
        seen_conj |= sep != ",";
        let mut k = cur - 1;
        if sep == "with" {
            k -= 1;
        }
        if k > 0 && lw(words, k - 1) == "," {
            k -= 1;
        }
        match at.get(k.wrapping_sub(1)).copied().flatten() {
            Some(sj) if !v.spans[sj].possessive => {
                out.insert(0, v.spans[sj].clone());
                cur = v.spans[sj].first;
            }
            _ => break,
        }
    }
    out
}

/// Actors coordinated starting at span `si` to its right ("China, along with Russia and Iran").
pub(super) fn coordinated_right(
    words: &[Word<'_>],
    at: &[Option<usize>],
    v: &SentenceView<'_>,
    si: usize,
) -> Vec<ActorSpan> {
    let mut out = vec![v.spans[si].clone()];
    let mut cur = v.spans[si].last + 1;
    loop {
        let mut k = cur;
        let mut sep = false;
        while k < words.len() && k < cur + 4 {
            let w = lw(words, k);
            if matches!(
                w,
                "," | "and"
                    | "or"
                    | "&"
                    | "as"
                    | "well"
                    | "along"
                    | "with"
                    | "both"
                    | "the"
                    | "other"
            ) {
                if !matches!(w, "the" | "other") {
                    sep = true;
                }
                k += 1;
            } else {
                break;
            }
        }
        if !sep {
            break;
        }
        match at.get(k).copied().flatten() {
            Some(sj) if v.spans[sj].first == k && !v.spans[sj].modifier => {
                out.push(v.spans[sj].clone());
                cur = v.spans[sj].last + 1;
            }
            _ => break,
        }
    }
    out
}

/// Agents after "by" (skipping "by" phrases without an actor: "by rights groups and by Washington").
pub(super) fn by_agents(
    words: &[Word<'_>],
    at: &[Option<usize>],
    v: &SentenceView<'_>,
    from: usize,
) -> Vec<ActorSpan> {
    let mut k = from;
    // Adverbs and time phrases may sit between the participle and "by".
    while k < words.len() && k < from + 4 && lw(words, k) != "by" {
        let w = lw(words, k);
        if !(is_in(ADVERBS, w) || w.ends_with("ly") || w == "on") {
            return Vec::new();
        }
        k += 1;
    }
    let mut out = Vec::new();
    while k < words.len() && lw(words, k) == "by" {
        let mut j = k + 1;
        while j < words.len() && j < k + 8 {
            if let Some(si) = at[j] {
                let s = &v.spans[si];
                if !s.modifier || is_state_people_noun(lw(words, s.last + 1)) {
                    out.extend(coordinated_right(words, at, v, si));
                }
                break;
            }
            let w = lw(words, j);
            if matches!(w, "," | "and" | "by" | "that" | "of" | "for" | "as") {
                break;
            }
            // "backed by helicopter gunships stormed Khan Younis": a plural noun and a past verb
            // start a new clause; the phrase named no actor.
            if w.ends_with("ed") && j > k + 1 && lw(words, j - 1).ends_with('s') {
                break;
            }
            j += 1;
            if j > k + 5 {
                break;
            }
        }
        // "... and by X": another agent phrase.
        let mut m = j;
        while m < words.len() && m < j + 8 && lw(words, m) != "by" {
            if matches!(lw(words, m), "." | ";" | "that" | "of") {
                break;
            }
            m += 1;
        }
        if m < words.len() && lw(words, m) == "by" && m > k {
            k = m;
        } else {
            break;
        }
    }
    out
}

/// The speaker of a reported clause starting at `clause_start`: "X said (that) ...".
pub(super) fn reporter(
    words: &[Word<'_>],
    at: &[Option<usize>],
    v: &SentenceView<'_>,
    clause_start: usize,
    pred: usize,
) -> Option<ActorSpan> {
    let mut k = clause_start;
    if k > 0 && lw(words, k - 1) == "that" {
        k -= 1;
    }
    // "X said (on Monday) (that) Y was ..."
    let mut j = k;
    while j > 0 && k - j < 5 {
        j -= 1;
        if is_in(SPEECH, lw(words, j)) || is_in(JUDGING, lw(words, j)) {
            // "Officials agreed that ... and said they": a coordinated speech verb shares the
            // sentence's subject; so does "responded to X by saying".
            if j > 0
                && (lw(words, j - 1) == "and"
                    || lw(words, j - 1) == "by" && lw(words, j) == "saying")
            {
                if let Some(s) = main_subject(v) {
                    return Some(s.clone()).filter(|s| !s.modifier);
                }
            }
            let mut m = j;
            while m > 0 && j - m < 5 {
                m -= 1;
                if let Some(si) = at[m] {
                    return Some(v.spans[si].clone()).filter(|s| !s.modifier);
                }
            }
            return None;
        }
    }
    // "Y was behind the attack, X said."
    let mut j = pred;
    while j + 1 < words.len() {
        j += 1;
        if lw(words, j) == "," && j + 2 < words.len() {
            // ",\" X said": past the closing quote.
            let j = if words[j + 1].kind == crate::text::TokenKind::Quote {
                j + 1
            } else {
                j
            };
            if let Some(si) = at.get(j + 1).copied().flatten() {
                let s = &v.spans[si];
                if is_in(SPEECH, lw(words, s.last + 1)) {
                    return Some(s.clone());
                }
                // "Jardine Fleming's Edwards said", "Nikko analyst Robert Brusca said": the
                // speaker is the last name before the verb, the first one his employer.
                let mut m = s.last + 1;
                while m < words.len() && m <= s.last + 3 && at[m].is_none() && words[m].is_word() {
                    m += 1;
                }
                if let Some(t) = at.get(m).copied().flatten().map(|ti| &v.spans[ti]) {
                    if is_in(SPEECH, lw(words, t.last + 1)) {
                        return Some(t.clone());
                    }
                }
            }
            if is_in(SPEECH, lw(words, j + 1)) {
                // ",\" said (analyst) X": past a lowercase description of the speaker.
                let m = (j + 2..words.len().min(j + 5))
                    .take_while(|&m| at[m].is_some() || words[m].is_word() && !words[m].is_cap())
                    .find(|&m| at[m].is_some());
                if let Some(si) = m.and_then(|m| at[m]) {
                    return Some(v.spans[si].clone());
                }
            }
            // "," he said", "," he was quoted as saying": the speaker of the sentences before.
            if matches!(lw(words, j + 1), "he" | "she" | "they")
                && (is_in(SPEECH, lw(words, j + 2))
                    || lw(words, j + 2) == "was" && lw(words, j + 3) == "quoted")
            {
                return v.prior_subject.clone().filter(|s| !s.modifier);
            }
        }
    }
    None
}

/// "The new leader vowed ... after winning an election condemned by X": the thing the
/// sentence's subject won, held or passed is judged, and with it the subject.
pub(super) fn won_thing(words: &[Word<'_>], v: &SentenceView<'_>, cue: usize) -> Option<ActorSpan> {
    if cue < 3
        || !matches!(
            lw(words, cue - 2),
            "a" | "an" | "the" | "its" | "his" | "her"
        )
    {
        return None;
    }
    let verb = lw(words, cue - 3);
    let act = matches!(
        verb,
        "winning"
            | "won"
            | "holding"
            | "held"
            | "passing"
            | "passed"
            | "adopting"
            | "adopted"
            | "signing"
            | "signed"
            | "staging"
            | "staged"
    );
    act.then(|| main_subject(v).cloned()).flatten()
}
