//! Writes `data/actors/leaders.toml` (to stdout): the dated office holders of dipgraph's
//! gazetteer, from the leaders table of `../shared/data/leaders/leaders.tsv` (heads of state,
//! heads of government, foreign ministers and other leaders of 207 states, 1980-2023; its
//! README gives sources and licences) plus the hand-written `supplement.tsv` beside this file
//! (what the table lacks), after the hand-written fixes of `corrections.tsv`.
//!
//! Run from this directory:
//! `cargo run --release -- ../../../shared/data/leaders/leaders.tsv > ../../data/actors/leaders.toml`
//! and, for the test table of the G20 heads of state and government in 1987, 1995, 2004,
//! 2015 and 2022 (`tests/fixtures/actors/g20-heads.tsv`):
//! `cargo run --release -- ../../../shared/data/leaders/leaders.tsv --g20-fixture > ../../tests/fixtures/actors/g20-heads.tsv`
//!
//! What it does, and why:
//! - one person per entry, whatever the number of rows and sources that name them (rows of
//!   one state whose names share a surname and whose terms overlap are one person);
//! - a person who is in the hand-written `data/actors/people.toml` keeps that file's id, so
//!   the two merge into one entry when the gazetteer loads;
//! - full names are `names`; a surname alone is a `dated_names` form, which names the person
//!   only while in office on the text's date, since surnames are shared;
//! - surnames that are also country names, capitals or common English words are left out;
//! - a term left open by a source's last snapshot ends when the next holder of that office
//!   in that state starts ("sitting" in 2022 is not sitting in 2025).

use deunicode::deunicode;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

const SUPPLEMENT: &str = include_str!("../supplement.tsv");
const PRESIDENTIAL: &str = include_str!("../presidential.tsv");
const CORRECTIONS: &str = include_str!("../corrections.tsv");
const PEOPLE: &str = include_str!("../../../data/actors/people.toml");
/// Files whose forms a surname must not take over ("Jordan", "Chad", "Paris").
const OTHER_FORMS: &[&str] = &[
    include_str!("../../../data/actors/countries.toml"),
    include_str!("../../../data/actors/countries-extra.toml"),
    include_str!("../../../data/actors/organizations.toml"),
    include_str!("../../../data/actors/media.toml"),
    include_str!("../../../data/actors/companies.toml"),
    include_str!("../../../data/actors/bodies.toml"),
];

/// Surnames that are common English words or common given names (seen in lowercase in news
/// text, or as first names of many people): alone they would name the person far more
/// often wrongly than rightly ("Said", "May", "Price", "Ali"). Only the full name names them.
const TOO_COMMON: &[&str] = &[
    "Said", "Price", "Tax", "Long", "Begin", "Don", "Co", "Parts", "Win", "Vital", "Panic", "Sun",
    "Un", "May", "Will", "Bill", "Mark", "Grant", "Case", "Deal", "Ray", "Chase", "Cash", "Field",
    "Fields", "Island", "Islands", "Republic", "Union", "National", "General", "Duke", "Prince",
    "Sultan", "Emir", "Sheikh", "Pope", "Saint", "Lord", "Gross", "Junior", "Mills", "Drew",
    "Borne", "Frank", "Best", "Little", "Love", "Church", "Law", "Hope", "Faith", "Grace",
    "Chance", "Mercy", "Power", "Gold", "Wall", "Bird", "Hunt", "Ali", "Mohammed", "Muhammad",
    "Mohamed", "Mohammad", "Ahmed", "Ahmad", "Hassan", "Hussein", "Abdullah", "Abdallah",
    "Ibrahim", "Omar", "Musa", "Bin", "Ben", "Abu", "Abdul", "Salman", "Khalifa", "Nahyan",
    "Thani", "Sabah", "Saud", "Maktoum",
];

/// Surnames that are also English words but mostly name the person when capitalized inside
/// a sentence ("Major said"): kept, and the person is marked ambiguous (a headline, where
/// every word is capitalized, names them only when the article does).
const WORDLIKE: &[&str] = &[
    "Major", "Brown", "King", "Young", "Rice", "Ban", "Rich", "White", "Black", "Green", "Hill",
    "Wood", "Stone", "Bell", "Cook", "Baker", "Carter", "Abbott", "Ward", "Bishop", "Park",
    "Barrow", "Moon", "Key", "Lien", "Fox",
];

/// States whose news names leaders by the family name written first ("Li Peng" is Li).
const FAMILY_FIRST: &[&str] = &["CHN", "TWN", "KOR", "PRK", "SGP", "HKG", "MAC", "KHM"];

/// States where a full name of four or more words ends with two family names, the first
/// of which news uses ("Andrés Manuel López Obrador" is López Obrador).
const HISPANIC: &[&str] = &[
    "ESP", "MEX", "ARG", "BOL", "CHL", "COL", "CRI", "CUB", "DOM", "ECU", "GTM", "HND", "NIC",
    "PAN", "PER", "PRY", "SLV", "URY", "VEN", "GNQ",
];

/// States where several people hold one office at once (co-princes, captains regent, a
/// collective presidency): a later holder does not end an earlier one's term.
const SHARED_OFFICES: &[&str] = &["AND", "SMR", "BIH", "CHE"];

/// Queens regnant of the period (the title is "King" otherwise).
const QUEENS: &[&str] = &["Elizabeth", "Margrethe", "Beatrix", "Juliana"];

/// A monarch of several realms is first of all the monarch of this one (for the state a
/// bare mention rolls up to when no date is given).
const HOME_REALM: &[(&str, &str)] = &[("Elizabeth II", "GBR"), ("Charles III", "GBR")];

/// Honorifics some sources put before a name; news names the person without them.
const HONORIFICS: &[&str] = &[
    "Hojatolislam",
    "Hojatoleslam",
    "Ayatollah",
    "Mullah",
    "Dr.",
    "Dr",
    "General",
    "Gen.",
    "Lt.",
    "Colonel",
    "Col.",
    "Marshal",
    "Field",
    "Sir",
    "Brigadier",
    "Captain",
    "Lyonpo",
    "Lyonchen",
    "Prince",
    "Sheikh",
    "Mr.",
    "Mrs.",
    "Dame",
];

/// Particles that belong to the family name after them ("de Klerk", "Le Drian", "van Rompuy").
const PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "le", "la",
    "ter", "ten", "bin", "ibn", "al", "el", "ould", "mac",
];

/// Titles of monarchs by state, for forms like "King Abdullah" (default "King").
const MONARCH_TITLES: &[(&str, &str)] = &[
    ("JPN", "Emperor"),
    ("QAT", "Emir"),
    ("KWT", "Emir"),
    ("OMN", "Sultan"),
    ("BRN", "Sultan"),
    ("MYS", "Sultan"),
    ("LIE", "Prince"),
    ("MCO", "Prince"),
    ("LUX", "Grand Duke"),
    ("VAT", "Pope"),
];

#[derive(Debug, Clone)]
struct Row {
    iso3: String,
    role: String,
    name: String,
    surname: String,
    start: String,
    end: Option<String>,
    source: String,
    /// The surname is how news names the person (hand-written, fixed, or Archigos' short
    /// form); other sources guessed it from the name's last word.
    trusted: bool,
    /// The surname was set by `corrections.tsv`.
    fixed: bool,
}

/// A name read apart: how news writes it in full, its surname forms and, for a monarch,
/// the regnal name.
#[derive(Debug, Clone, Default)]
struct Name {
    /// The name without honorifics, brackets and suffixes ("Pervez Musharraf").
    display: String,
    /// Folded tokens of the display name, to compare names across sources.
    tokens: Vec<String>,
    /// Surname forms ("Karzai"; "Assad" and "al-Assad").
    surnames: Vec<String>,
    /// Further full forms ("Hamid Karzai" from a source's short form, "López Obrador").
    fulls: Vec<String>,
    /// Regnal name ("Abdullah II") and title ("King"), for monarchs.
    regnal: Option<(String, String)>,
}

#[derive(Debug, Clone)]
struct Office {
    role: String,
    of: String,
    from: String,
    to: Option<String>,
    sources: BTreeSet<String>,
}

struct Person {
    rows: Vec<Row>,
    names: Vec<Name>,
}

#[derive(Deserialize)]
struct RawFile {
    #[serde(default)]
    actor: Vec<RawActor>,
}

#[derive(Deserialize)]
struct RawActor {
    id: String,
    name: Option<String>,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    adjectives: Vec<String>,
    #[serde(default)]
    metonyms: Vec<String>,
    #[serde(default)]
    offices: Vec<RawOffice>,
}

#[derive(Deserialize)]
struct RawOffice {
    #[serde(default)]
    role: String,
    of: String,
    from: Option<String>,
    to: Option<String>,
}

fn main() {
    let path = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .unwrap_or_else(|| "../../../shared/data/leaders/leaders.tsv".to_string());
    let table = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let mut rows = read_rows(&table, None);
    let table_rows = rows.len();
    rows.extend(read_rows(SUPPLEMENT, Some("hand")));
    let rows = correct(rows);
    let persons = group(rows);
    let taken = other_forms();
    let hand = hand_people();
    let mut offices_by_person: Vec<Vec<Office>> = persons.iter().map(offices_of).collect();
    close_open_terms(&mut offices_by_person);
    for offices in &mut offices_by_person {
        executive_presidents(offices);
    }
    if std::env::args().any(|a| a == "--g20-fixture") {
        print!("{}", g20_fixture(&persons, &offices_by_person, &taken));
        return;
    }
    let mut out: Vec<(String, String)> = Vec::new();
    let mut used: HashSet<String> = HashSet::new();
    let mut stats = (0usize, 0usize, 0usize);
    // Offices from the table, from the hand-written supplement only, and derived from an
    // executive presidency (presidential.tsv).
    let mut origin = (0usize, 0usize, 0usize);
    for (p, offices) in persons.iter().zip(offices_by_person) {
        if offices.is_empty() {
            continue;
        }
        let mut offices = offices;
        let id = match hand_match(p, &offices, &hand) {
            Some(id) => {
                stats.1 += 1;
                // people.toml's own terms stand; only what they leave out is added to the entry.
                if let Some(h) = hand.iter().find(|h| h.id == id) {
                    offices = offices
                        .into_iter()
                        .filter_map(|o| trim_to_uncovered(o, h))
                        .collect();
                }
                id
            }
            None => {
                // Two people of one name: the later one gets its state in the id.
                let base = slug(&p.names[0].display);
                if used.contains(&base) {
                    format!("{base}-{}", offices[0].of.to_lowercase())
                } else {
                    base
                }
            }
        };
        used.insert(id.clone());
        stats.0 += 1;
        stats.2 += offices.len();
        for o in &offices {
            if o.sources.contains("presidential") {
                origin.2 += 1;
            } else if o.sources.iter().all(|x| x == "hand") {
                origin.1 += 1;
            } else {
                origin.0 += 1;
            }
        }
        out.push((id.clone(), render(p, &offices, &id, &taken)));
    }
    out.sort();
    println!("# GENERATED by tools/leaders-gen from ../shared/data/leaders/leaders.tsv ({table_rows} rows;");
    println!(
        "# Archigos 4.1, Global Leader Ideologies, Wikidata, the CIA World Leaders directory of"
    );
    println!(
        "# June 2019 and the @unitedstates executive list: sources and licences in README.md)"
    );
    println!(
        "# and the hand-written tools/leaders-gen/supplement.tsv (rows tagged `hand`), after the"
    );
    println!(
        "# fixes of tools/leaders-gen/corrections.tsv. Do not edit: change those files and rerun."
    );
    println!(
        "# {} people ({} merged with entries of people.toml), {} offices: {} from the table,",
        stats.0, stats.1, stats.2, origin.0
    );
    println!(
        "# {} from the hand-written supplement alone, {} heads of government by executive presidency.",
        origin.1, origin.2
    );
    for (_, text) in &out {
        print!("{text}");
    }
}

fn read_rows(text: &str, source: Option<&str>) -> Vec<Row> {
    let mut rows = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.starts_with("iso3\t") || line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 5 {
            eprintln!("skipped short row: {line}");
            continue;
        }
        let src = match source {
            Some(s) => s.to_string(),
            None => c.get(6).copied().unwrap_or("").to_string(),
        };
        rows.push(Row {
            iso3: c[0].trim().to_string(),
            role: c[1].trim().to_string(),
            name: c[2].trim().replace('’', "'"),
            surname: c[3].trim().replace('’', "'"),
            start: c[4].trim().to_string(),
            end: c
                .get(5)
                .map(|e| e.trim().to_string())
                .filter(|e| !e.is_empty()),
            trusted: src == "hand" || src.contains("archigos"),
            fixed: false,
            source: src,
        });
    }
    rows
}

/// Applies `corrections.tsv` and drops rows that cannot be office holders of 1980 or later.
fn correct(rows: Vec<Row>) -> Vec<Row> {
    let mut drops: HashSet<(String, String)> = HashSet::new();
    let mut surnames: HashMap<(String, String), String> = HashMap::new();
    let mut ends: HashMap<(String, String, String), String> = HashMap::new();
    let mut roles: HashMap<(String, String, String), String> = HashMap::new();
    for line in CORRECTIONS.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        let key = (c[1].to_string(), c[2].to_string());
        match c[0] {
            "drop" => {
                drops.insert(key);
            }
            "surname" => {
                surnames.insert(key, c[3].to_string());
            }
            "role" => {
                let (old, new) = c[3].split_once('=').expect("role old=new");
                roles.insert((key.0, key.1, old.to_string()), new.to_string());
            }
            "end" => {
                let mut parts = c[3].splitn(2, '=');
                let role = parts.next().unwrap_or("").to_string();
                let end = parts.next().unwrap_or("").to_string();
                ends.insert((key.0, key.1, role), end);
            }
            other => panic!("corrections.tsv: unknown action {other}"),
        }
    }
    rows.into_iter()
        .filter(|r| !drops.contains(&(r.iso3.clone(), r.name.clone())))
        // (Rows with no name: Wikidata items without an English label.)
        .filter(|r| !r.name.is_empty())
        // Wikidata items with no label, and spells over before 1980 or open since before
        // 1945 (medieval rulers that Wikidata files under the modern office).
        .filter(|r| !r.name.starts_with('Q') || !r.name[1..].chars().all(|c| c.is_ascii_digit()))
        .filter(|r| r.end.as_deref().is_none_or(|e| e >= "1980"))
        .filter(|r| r.end.is_some() || r.start.as_str() >= "1945")
        // (A start before 1900 with an end after 1980 is a Wikidata item of another office.)
        .filter(|r| valid_date(&r.start) && r.start.as_str() >= "1900")
        .filter(|r| r.end.as_deref().is_none_or(valid_date))
        .map(|mut r| {
            if let Some(s) = surnames.get(&(r.iso3.clone(), r.name.clone())) {
                r.surname = s.clone();
                r.trusted = true;
                r.fixed = true;
            }
            if let Some(new) = roles.get(&(r.iso3.clone(), r.name.clone(), r.role.clone())) {
                r.role = new.clone();
            }
            if let Some(e) = ends.get(&(r.iso3.clone(), r.name.clone(), r.role.clone())) {
                r.end = Some(e.clone());
            }
            // Archigos ends at 2015-12-31: a censoring point, not the end of a term.
            // (Not for effective leaders who hold no office, "other": no successor closes
            // such a term again.)
            if r.source == "archigos41"
                && r.end.as_deref() == Some("2015-12-31")
                && r.role != "other"
            {
                r.end = None;
            }
            r
        })
        .flat_map(split_at_succession)
        .collect()
}

/// States that ended, the day their successor took over, and the successor: a term coded
/// with the old state that runs past that day goes on as a term of the successor (the
/// table codes Yeltsin's presidency to 1999 as the Soviet Union's).
const SUCCESSIONS: &[(&str, &str, &str)] = &[
    ("SUN", "1991-12-26", "RUS"),
    ("CSK", "1993-01-01", "CZE"),
    ("YUG", "2006-06-05", "SRB"),
];

fn split_at_succession(r: Row) -> Vec<Row> {
    let Some(&(_, day, next)) = SUCCESSIONS.iter().find(|(old, _, _)| *old == r.iso3) else {
        return vec![r];
    };
    if r.end.as_deref().is_some_and(|e| hi(e).as_str() < day) {
        return vec![r];
    }
    if lo(&r.start).as_str() >= day {
        return vec![Row {
            iso3: next.to_string(),
            ..r
        }];
    }
    let before = Row {
        end: Some(prev_day(day)),
        ..r.clone()
    };
    let after = Row {
        iso3: next.to_string(),
        start: day.to_string(),
        ..r
    };
    vec![before, after]
}

/// The day before a YYYY-MM-DD date that is the first of a month or the 26th or 5th.
fn prev_day(d: &str) -> String {
    let (y, m, day) = (&d[..4], &d[5..7], &d[8..10]);
    let day: u32 = day.parse().unwrap_or(1);
    if day > 1 {
        return format!("{y}-{m}-{:02}", day - 1);
    }
    let (y, m): (u32, u32) = (y.parse().unwrap_or(0), m.parse().unwrap_or(1));
    let (y, m) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
    let last = match m {
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    format!("{y}-{m:02}-{last}")
}

fn valid_date(d: &str) -> bool {
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| r.into_iter().all(|i| b[i].is_ascii_digit());
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

fn fold(s: &str) -> String {
    deunicode(s).to_lowercase()
}

fn tokens(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(|t| t.to_string())
        .collect()
}

fn is_roman(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// Reads a name as the sources write it.
fn parse_name(row: &Row) -> Name {
    let mut n = row.name.clone();
    // "(Acting)", "(Tassos)", "(a.k.a. David Lee)": asides, not the name.
    while let (Some(a), Some(b)) = (n.find('('), n.find(')')) {
        if b < a {
            break;
        }
        n = format!("{} {}", &n[..a], &n[b + 1..]);
    }
    for suffix in [", Jr.", ", Sr.", " Jr.", " Sr."] {
        if let Some(s) = n.trim_end().strip_suffix(suffix) {
            n = s.to_string();
        }
    }
    let n = n.split_whitespace().collect::<Vec<_>>().join(" ");
    // Monarchs: "Abdullah II of Jordan", "Hans-Adam II, Prince of Liechtenstein", "Salman of
    // Saudi Arabia", "Elizabeth II", "Pope Francis".
    let title_of = |iso3: &str, first: &str| {
        if QUEENS.contains(&first) {
            return "Queen".to_string();
        }
        MONARCH_TITLES
            .iter()
            .find(|(c, _)| *c == iso3)
            .map_or("King", |(_, t)| *t)
            .to_string()
    };
    let head = n.split(',').next().unwrap_or(&n).to_string();
    let head = match head.find(" of ") {
        Some(i) => head[..i].to_string(),
        None => head,
    };
    let words: Vec<&str> = head.split_whitespace().collect();
    let regnal_row = row.role == "head_of_state" || row.role == "other";
    if let Some(rest) = n.strip_prefix("Pope ") {
        return Name {
            display: n.clone(),
            tokens: tokens(&n),
            regnal: Some((rest.to_string(), "Pope".to_string())),
            ..Name::default()
        };
    }
    let has_roman = words.iter().skip(1).any(|w| is_roman(w));
    // ("Salman of Saudi Arabia" is a monarch whatever the role the source gives him.)
    let regnal = (regnal_row && words.len() == 2 && has_roman)
        || (words.len() == 1 && n.contains(" of "))
        || (regnal_row && has_roman && n.contains(" of "));
    if regnal {
        let first = words.first().copied().unwrap_or("");
        let title = title_of(&row.iso3, first);
        // "Abdullah II" names one person; a bare "Salman" or "Hussein" names many, so
        // alone it is only a dated form, and the display name carries the title.
        let (display, surnames) = if has_roman || words.len() > 1 {
            (head.clone(), Vec::new())
        } else {
            (format!("{title} {head}"), vec![head.clone()])
        };
        return Name {
            tokens: tokens(&display),
            display,
            surnames,
            regnal: Some((head.clone(), title)),
            ..Name::default()
        };
    }
    // "Gemayel, Amin": an inverted name.
    let n = match n.split_once(", ") {
        Some((a, b)) if !b.contains(' ') && !a.contains(' ') => format!("{b} {a}"),
        _ => n,
    };
    let mut words: Vec<&str> = n.split_whitespace().collect();
    while words.len() > 2 && HONORIFICS.contains(&words[0]) {
        words.remove(0);
    }
    let display = words.join(" ");
    let mut core = words.clone();
    // "Benigno Aquino III": the number is no surname.
    if core.len() > 2 && is_roman(core[core.len() - 1]) {
        core.pop();
    }
    let toks = tokens(&display);
    let mut name = Name {
        display: display.clone(),
        tokens: toks.clone(),
        ..Name::default()
    };
    if core.is_empty() {
        return name;
    }
    let family_first = FAMILY_FIRST.contains(&row.iso3.as_str());
    // A surname written by hand (or fixed) is how news names the person: take it as it is.
    if row.fixed || row.source == "hand" {
        let sur = row.surname.trim();
        if !sur.is_empty() {
            name.surnames.push(sur.to_string());
            let words: Vec<&str> = sur.split_whitespace().collect();
            // "von Weizsäcker" is also "Weizsäcker"; "Fernández de Kirchner" also "Kirchner".
            if words.len() > 1
                && (words[0].starts_with(char::is_lowercase) || words.contains(&"de"))
            {
                name.surnames.push(words[words.len() - 1].to_string());
            }
            for p in ["al-", "el-", "Al-", "El-"] {
                if let Some(rest) = sur.strip_prefix(p) {
                    name.surnames.push(rest.to_string());
                }
            }
            let core: Vec<&str> = display.split_whitespace().collect();
            if !family_first && core.len() >= 3 && core.last() == Some(&sur) && core[0] != sur {
                name.fulls.push(format!("{} {}", core[0], sur));
            }
            return name;
        }
    }
    // The source's short form, when it is made of the name's own words.
    let short: Vec<&str> = row.surname.split_whitespace().collect();
    let short_ok = row.trusted
        && !short.is_empty()
        && short.iter().all(|w| {
            let f = tokens(w);
            !f.is_empty() && f.iter().all(|t| toks.contains(t))
        });
    let last = core[core.len() - 1];
    let mut surname = if family_first { core[0] } else { last }.to_string();
    if short_ok && short.len() == 1 {
        // (The source knows which word is the family name: "Castro" of "Fidel Alejandro
        // Castro Ruz".)
        let s = short[0].trim_end_matches(',');
        if let Some(w) = core.iter().find(|w| fold(w) == fold(s)) {
            surname = w.to_string();
        }
    } else if short_ok && short.len() > 1 {
        let pick = if family_first {
            short[0]
        } else {
            short[short.len() - 1]
        };
        if let Some(w) = core.iter().find(|w| fold(w) == fold(pick)) {
            surname = w.to_string();
        }
    }
    // The source's short form is how news names the person ("Mullah Omar"), when its
    // last word is one of the name's and it is not an inverted "Surname, Given".
    let short_last = short.last().map(|w| tokens(w)).unwrap_or_default();
    if short.len() > 1
        && !row.surname.contains(',')
        && !short_last.is_empty()
        && short_last.iter().all(|t| toks.contains(t))
        && row.surname != display
    {
        name.fulls.push(row.surname.clone());
    }
    // Arab names of the form "Mohammed bin Salman Al Saud": news uses "Mohammed bin Salman";
    // the family name alone is shared by the whole family.
    if core.len() >= 3 && matches!(core[1], "bin" | "ibn" | "bint") {
        name.fulls.push(core[..3].join(" "));
        name.surnames.clear();
        return name;
    }
    if !family_first && HISPANIC.contains(&row.iso3.as_str()) && core.len() >= 4 {
        // Two given names and two family names: news uses both family names or, for some,
        // the first alone; only the pair is safe ("Obama Asue" is not Obama).
        let (a, b) = (core[core.len() - 2], core[core.len() - 1]);
        if !(short_ok && short.len() == 1) {
            surname = format!("{a} {b}");
        }
    }
    // "de Klerk", "Le Drian", "van Rompuy": the particle goes with the surname.
    if let Some(i) = core.iter().position(|w| *w == surname) {
        if i > 0 && i + 1 == core.len() && PARTICLES.contains(&core[i - 1].to_lowercase().as_str())
        {
            name.surnames.push(format!("{} {}", core[i - 1], surname));
        }
    }
    name.surnames.push(surname.clone());
    // "Jacob Gedleyihlekisa Zuma" is "Jacob Zuma" in the news: first name and surname.
    if !family_first && core.len() >= 3 && !surname.contains(' ') && core[0] != surname {
        name.fulls.push(format!("{} {}", core[0], surname));
    }
    // "al-Assad" is also "Assad"; "Sassou-Nguesso" is also "Sassou Nguesso".
    for p in [
        "al-", "el-", "Al-", "El-", "as-", "ash-", "ad-", "an-", "at-",
    ] {
        if let Some(rest) = surname.strip_prefix(p) {
            name.surnames.push(rest.to_string());
        }
    }
    name
}

/// Groups rows into people: one name, or names of one state that share a surname and
/// whose terms overlap ("Ashraf Ghani" and "Ashraf Ghani Ahmadzai").
fn group(rows: Vec<Row>) -> Vec<Person> {
    let names: Vec<Name> = rows.iter().map(parse_name).collect();
    let n = rows.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], i: usize) -> usize {
        let mut i = i;
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (i, name) in names.iter().enumerate() {
        let key = name.tokens.join(" ");
        if let Some(&j) = by_key.get(&key) {
            let (a, b) = (find(&mut parent, i), find(&mut parent, j));
            parent[a] = b;
        } else {
            by_key.insert(key, i);
        }
    }
    let mut by_state: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        by_state.entry(r.iso3.as_str()).or_default().push(i);
    }
    for idx in by_state.values() {
        for (k, &i) in idx.iter().enumerate() {
            for &j in &idx[k + 1..] {
                if same_person(&rows[i], &names[i], &rows[j], &names[j]) {
                    let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                    parent[a] = b;
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    groups
        .into_values()
        .map(|ix| {
            // The name of the most trusted source first: it is the display name.
            let mut ix = ix;
            ix.sort_by_key(|&i| (priority(&rows[i].source), names[i].display.len()));
            Person {
                rows: ix.iter().map(|&i| rows[i].clone()).collect(),
                names: ix.iter().map(|&i| names[i].clone()).collect(),
            }
        })
        .collect()
}

fn priority(source: &str) -> u8 {
    if source.contains("us_congress") {
        0
    } else if source == "hand" {
        1
    } else if source.contains("archigos") {
        2
    } else if source.contains("wikidata") {
        3
    } else if source.contains("gli") {
        4
    } else {
        5
    }
}

fn same_person(ra: &Row, a: &Name, rb: &Row, b: &Name) -> bool {
    if a.regnal.is_some() && b.regnal.is_some() {
        return a.regnal.as_ref().map(|r| fold(&r.0)) == b.regnal.as_ref().map(|r| fold(&r.0));
    }
    // (Terms that only touch are a successor's: one has to begin before the other ends.)
    let (ea, eb) = (
        ra.end.as_deref().map_or("9999".to_string(), hi),
        rb.end.as_deref().map_or("9999".to_string(), hi),
    );
    if !(lo(&ra.start) < eb && lo(&rb.start) < ea) {
        return false;
    }
    // "Salman of Saudi Arabia" and "Salman bin Abdulaziz": a monarch by the first name.
    if a.regnal.is_some() || b.regnal.is_some() {
        let first = |n: &Name| {
            n.regnal
                .as_ref()
                .map_or(n.tokens.first().cloned(), |r| tokens(&r.0).first().cloned())
        };
        return first(a) == first(b);
    }
    let sa: Vec<String> = a.surnames.iter().map(|s| fold(s)).collect();
    let sb: Vec<String> = b.surnames.iter().map(|s| fold(s)).collect();
    let (ta, tb) = (&a.tokens, &b.tokens);
    // The given name: the first word, or the second where the family name comes first
    // ("Li Peng" and "Li Xiannian" are two people).
    let given = |t: &Vec<String>, s: &[String]| -> Option<String> {
        match t.first() {
            Some(f) if s.contains(f) && t.len() > 1 => t.get(1).cloned(),
            f => f.cloned(),
        }
    };
    let first_same = given(ta, &sa) == given(tb, &sb);
    let shared_surname = sa.iter().any(|s| sb.contains(s));
    // "Ashraf Ghani" and "Ashraf Ghani Ahmadzai": the same first name, one name's words in
    // order within the other's. (Arab names repeat "al" and family names: word sets would
    // make brothers one person.)
    let subset = first_same && (subsequence(ta, tb) || subsequence(tb, ta));
    // "Volodymyr Zelenskyy" and "Zelensky": near-equal last words, the same or no given name.
    let given = ta.len() == 1 || tb.len() == 1 || first_same;
    let (la, lb) = (ta.last(), tb.last());
    let near = given
        && la
            .zip(lb)
            .is_some_and(|(x, y)| x.len() >= 5 && y.len() >= 5 && x[..5] == y[..5] && x != y);
    // "Nikolai Ryzhkov" and "Nikolay Ivanovich Ryzhkov": one surname, a given name spelled
    // two ways.
    let spelled = la == lb
        && ta.len() > 1
        && tb.len() > 1
        && ta[0].len() >= 3
        && tb[0].len() >= 3
        && ta[0][..3] == tb[0][..3];
    // "Jigme Singye Wangchuck" and "Jigme Khesar Namgyel Wangchuck": other middle names,
    // another person (father and son).
    let middles_differ = ta.len() >= 3
        && tb.len() >= 3
        && ta[1..ta.len() - 1]
            .iter()
            .all(|w| !tb[1..tb.len() - 1].contains(w));
    if middles_differ {
        return false;
    }
    subset || (shared_surname && first_same) || near || spelled
}

/// Whether the words of `a` appear in `b` in the same order.
fn subsequence(a: &[String], b: &[String]) -> bool {
    let mut it = b.iter();
    a.iter().all(|w| it.any(|x| x == w))
}

/// Sort keys of a date as the first and last day it can mean.
fn lo(d: &str) -> String {
    match d.len() {
        4 => format!("{d}-01-01"),
        7 => format!("{d}-01"),
        _ => d.to_string(),
    }
}

fn hi(d: &str) -> String {
    match d.len() {
        4 => format!("{d}-12-31"),
        7 => format!("{d}-31"),
        _ => d.to_string(),
    }
}

fn overlaps(s1: &str, e1: Option<&str>, s2: &str, e2: Option<&str>) -> bool {
    let end1 = e1.map_or("9999".to_string(), hi);
    let end2 = e2.map_or("9999".to_string(), hi);
    lo(s1) <= end2 && lo(s2) <= end1
}

/// The part of a term that no hand-written term of the same office covers (the longer part
/// when a hand-written term lies inside it), or nothing.
fn trim_to_uncovered(mut o: Office, h: &HandPerson) -> Option<Office> {
    let end = |t: &Option<String>| t.as_deref().map_or("9999-12-31".to_string(), hi);
    for ho in &h.offices {
        let hit = ho.of == o.of
            && role_class(&ho.role) == role_class(&o.role)
            && overlaps_strictly(
                &o.from,
                o.to.as_deref(),
                ho.from.as_deref().unwrap_or("1900"),
                ho.to.as_deref(),
            );
        if !hit {
            continue;
        }
        let (hs, he) = (
            ho.from.clone().unwrap_or_else(|| "1900".to_string()),
            ho.to.clone(),
        );
        let covers_start = lo(&hs) <= lo(&o.from);
        let covers_end = end(&he) >= end(&o.to);
        match (covers_start, covers_end) {
            (true, true) => return None,
            (true, false) => o.from = he.clone().unwrap_or_default(),
            (false, true) => o.to = Some(hs),
            (false, false) => {
                // Keep the longer side (a rough cut; the terms rarely nest).
                if lo(&hs).as_str() > ""
                    && days_apart(&o.from, &hs) >= days_apart(&end(&he), &end(&o.to))
                {
                    o.to = Some(hs);
                } else {
                    o.from = he.clone().unwrap_or_default();
                }
            }
        }
        if o.from.is_empty() {
            return None;
        }
    }
    Some(o)
}

/// A rough distance in days between two dates (for comparing lengths only).
fn days_apart(a: &str, b: &str) -> i64 {
    let n = |d: &str| -> i64 {
        let d = lo(d);
        let y: i64 = d[..4].parse().unwrap_or(0);
        let m: i64 = d[5..7].parse().unwrap_or(1);
        let day: i64 = d[8..10].parse().unwrap_or(1);
        y * 372 + m * 31 + day
    };
    (n(b) - n(a)).abs()
}

/// Terms that share more than a boundary day.
fn overlaps_strictly(s1: &str, e1: Option<&str>, s2: &str, e2: Option<&str>) -> bool {
    let end1 = e1.map_or("9999".to_string(), hi);
    let end2 = e2.map_or("9999".to_string(), hi);
    lo(s1) < end2 && lo(s2) < end1
}

fn role_name(role: &str) -> &str {
    match role {
        "head_of_state" => "head of state",
        "head_of_government" => "head of government",
        "foreign_minister" => "foreign minister",
        "vice_president" => "vice president",
        _ => "leader",
    }
}

/// A person's offices: one per state, role and term, the sources of each merged.
fn offices_of(p: &Person) -> Vec<Office> {
    let mut offices: Vec<Office> = Vec::new();
    let mut rows = p.rows.clone();
    rows.sort_by_key(|r| lo(&r.start));
    for r in rows {
        let role = role_name(&r.role).to_string();
        let role = if role == "leader" && r.source.contains("us_congress") {
            "vice president".to_string()
        } else {
            role
        };
        let hand = r.source == "hand";
        if let Some(o) = offices.iter_mut().find(|o| {
            o.role == role
                && o.of == r.iso3
                && overlaps(&o.from, o.to.as_deref(), &r.start, r.end.as_deref())
        }) {
            o.sources.extend(r.source.split('+').map(str::to_string));
            // Hand-written dates are checked ones: they win.
            if o.sources.contains("hand") {
                if hand {
                    o.from = r.start.clone();
                    o.to = r.end.clone();
                }
                continue;
            }
            // The earlier start and the later end; of two dates in one year, the more
            // precise ("2014-09-29" rather than "2014").
            let same_year = |a: &str, b: &str| a.get(..4) == b.get(..4);
            if same_year(&r.start, &o.from) {
                if r.start.len() > o.from.len() {
                    o.from = r.start.clone();
                }
            } else if lo(&r.start) < lo(&o.from) {
                o.from = r.start.clone();
            }
            o.to = match (&o.to, &r.end) {
                (Some(a), Some(b)) if same_year(a, b) => Some(if b.len() > a.len() {
                    b.clone()
                } else {
                    a.clone()
                }),
                (Some(a), Some(b)) => Some(if hi(b) > hi(a) { b.clone() } else { a.clone() }),
                _ => None,
            };
            continue;
        }
        offices.push(Office {
            role,
            of: r.iso3.clone(),
            from: r.start.clone(),
            to: r.end.clone(),
            sources: r.source.split('+').map(str::to_string).collect(),
        });
    }
    offices
}

/// Ends each open term where the next holder of the same office in the same state begins.
fn close_open_terms(all: &mut [Vec<Office>]) {
    let mut starts: HashMap<(String, String), Vec<(String, usize)>> = HashMap::new();
    for (p, offices) in all.iter().enumerate() {
        for o in offices {
            starts
                .entry((o.of.clone(), o.role.clone()))
                .or_default()
                .push((o.from.clone(), p));
        }
    }
    for (p, offices) in all.iter_mut().enumerate() {
        for o in offices.iter_mut().filter(|o| o.to.is_none()) {
            if SHARED_OFFICES.contains(&o.of.as_str()) || o.role == "leader" {
                continue;
            }
            let next = starts[&(o.of.clone(), o.role.clone())]
                .iter()
                .filter(|(s, q)| *q != p && lo(s) > lo(&o.from))
                .map(|(s, _)| s.clone())
                .min_by_key(|s| lo(s));
            if let Some(s) = next {
                o.to = Some(s);
            }
        }
    }
}

/// The G20 states (the European Union aside), for the fixture of heads by year.
const G20: &[&str] = &[
    "ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX",
    "RUS", "SAU", "ZAF", "TUR", "GBR", "USA",
];

/// Every head of state or government of a G20 state in office during 1987, 1995, 2004, 2015
/// and 2022, with a day of that year in office and the form news names them by alone (the
/// surname, or the titled name of a monarch): `dipgraph resolve` must give their state then.
fn g20_fixture(persons: &[Person], offices: &[Vec<Office>], taken: &HashSet<String>) -> String {
    let mut out = String::from(
        "# GENERATED by tools/leaders-gen --g20-fixture from ../shared/data/leaders/leaders.tsv\n\
         # and tools/leaders-gen/supplement.tsv: year, a day in office, state (as of that day),\n\
         # role, full name, the form news names the person by alone, other states whose office\n\
         # holders of that day share that form (then it is ambiguous).\n",
    );
    // Every person's forms, to tell when another office holder of that day shares one.
    let forms_of = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| {
                l.starts_with("names =")
                    || l.starts_with("dated_names =")
                    || l.starts_with("name =")
            })
            .flat_map(|l| {
                l.split('"')
                    .skip(1)
                    .step_by(2)
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let all: Vec<(Vec<String>, &Vec<Office>)> = persons
        .iter()
        .zip(offices)
        .map(|(p, o)| (forms_of(&render(p, o, "x", taken)), o))
        .collect();
    let mut rows = BTreeSet::new();
    for (k, (p, offs)) in persons.iter().zip(offices).enumerate() {
        let text = render(p, offs, "x", taken);
        let form = |key: &str| -> Option<String> {
            let line = text.lines().find(|l| l.starts_with(key))?;
            let first = line.split('"').nth(1)?;
            Some(first.to_string())
        };
        let Some(mention) = form("dated_names =")
            .or_else(|| form("names ="))
            .or_else(|| form("name ="))
        else {
            continue;
        };
        let name = form("name =").unwrap_or_default();
        let home = form("country =").unwrap_or_default();
        let states: BTreeSet<&str> = offs.iter().map(|o| o.of.as_str()).collect();
        for o in offs.iter().filter(|o| o.role.starts_with("head of")) {
            // (A monarch of several realms is named for the first of them.)
            if states.len() > 1 && o.of != home && o.role == "head of state" {
                continue;
            }
            let state = if o.of == "SUN" { "RUS" } else { o.of.as_str() };
            if !G20.contains(&state) {
                continue;
            }
            for year in [1987, 1995, 2004, 2015, 2022] {
                let (a, b) = (format!("{year}-01-01"), format!("{year}-12-31"));
                let start = lo(&o.from).max(a);
                let end = o.to.as_deref().map_or("9999-12-31".to_string(), hi).min(b);
                if start > end {
                    continue;
                }
                // A day inside the term, well clear of its ends.
                let day = mid_day(&start, &end);
                // Other states whose office holders of that day share the form.
                let shared: BTreeSet<String> = all
                    .iter()
                    .enumerate()
                    .filter(|(j, (f, _))| *j != k && f.contains(&mention))
                    .flat_map(|(_, (_, os))| os.iter())
                    .filter(|x| {
                        x.of != o.of && overlaps(&x.from, x.to.as_deref(), &day, Some(&day))
                    })
                    .map(|x| x.of.clone())
                    .collect();
                let shared = shared.into_iter().collect::<Vec<_>>().join(",");
                rows.insert((
                    year,
                    o.of.clone(),
                    name.clone(),
                    o.role.clone(),
                    day,
                    mention.clone(),
                    shared,
                ));
            }
        }
    }
    for (year, of, name, role, day, mention, shared) in rows {
        out.push_str(&format!(
            "{year}\t{day}\t{of}\t{role}\t{name}\t{mention}\t{shared}\n"
        ));
    }
    out
}

/// The day halfway between two days of one year (YYYY-MM-DD), by day of year.
fn mid_day(a: &str, b: &str) -> String {
    const DAYS: [u32; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let doy = |d: &str| -> u32 {
        let m: usize = d[5..7].parse().unwrap_or(1);
        let day: u32 = d[8..10].parse().unwrap_or(1);
        DAYS[..m - 1].iter().sum::<u32>() + day.min(DAYS[m - 1])
    };
    let mut k = (doy(a) + doy(b)) / 2;
    let mut m = 0;
    while m < 11 && k > DAYS[m] {
        k -= DAYS[m];
        m += 1;
    }
    format!("{}-{:02}-{:02}", &a[..4], m + 1, k.max(1))
}

/// In a state of `presidential.tsv`, a head of state also heads the government: the part of
/// each head-of-state term inside such a period becomes a head-of-government term too,
/// unless the person already has one then.
fn executive_presidents(offices: &mut Vec<Office>) {
    let periods: Vec<(&str, &str, &str)> = PRESIDENTIAL
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut c = l.split('\t');
            let iso3 = c.next().unwrap_or("").trim();
            let from = c
                .next()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .unwrap_or("1900");
            let to = c
                .next()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .unwrap_or("9999");
            (iso3, from, to)
        })
        .collect();
    let mut more = Vec::new();
    // (state, start, end) of each head-of-state term inside an executive presidency.
    let mut terms: Vec<(String, String, Option<String>)> = Vec::new();
    for o in offices.iter().filter(|o| o.role == "head of state") {
        for &(c, from, to) in periods.iter().filter(|(c, _, _)| *c == o.of) {
            let end = o.to.as_deref().map_or("9999".to_string(), hi);
            if lo(&o.from) > hi(to) || end < lo(from) {
                continue;
            }
            let start = if lo(&o.from) < lo(from) {
                from.to_string()
            } else {
                o.from.clone()
            };
            let stop = if end.as_str() > to {
                Some(to.to_string())
            } else {
                o.to.clone()
            };
            terms.push((c.to_string(), start, stop.filter(|s| s != "9999")));
        }
    }
    for (c, start, stop) in terms {
        // Only the part of the term no head-of-government term already covers.
        let end = |t: &Option<String>| t.as_deref().map_or("9999-12-31".to_string(), hi);
        let mut from = start;
        let mut to = stop;
        for x in offices
            .iter()
            .filter(|x| x.role == "head of government" && x.of == c)
        {
            if !overlaps(&x.from, x.to.as_deref(), &from, to.as_deref()) {
                continue;
            }
            if lo(&x.from) <= lo(&from) {
                // Covered from the start: what is left begins where it ends.
                match &x.to {
                    Some(t) if hi(t) < end(&to) => from = t.clone(),
                    _ => from = "9999".to_string(),
                }
            } else {
                to = Some(x.from.clone());
            }
        }
        if from != "9999" && lo(&from) < end(&to) {
            more.push(Office {
                role: "head of government".to_string(),
                of: c,
                from,
                to,
                sources: ["presidential".to_string()].into_iter().collect(),
            });
        }
    }
    offices.extend(more);
    offices.sort_by_key(|o| lo(&o.from));
}

/// Roles that name one office in different words ("prime minister" is the head of government).
fn role_class(role: &str) -> &str {
    match role {
        "head of state" | "president" | "king" | "queen" | "monarch" | "emperor" | "emir"
        | "sultan" => "head of state",
        "head of government" | "prime minister" | "premier" | "chancellor" => "head of government",
        "foreign minister"
        | "foreign secretary"
        | "secretary of state"
        | "minister of foreign affairs" => "foreign minister",
        other => other,
    }
}

/// Every form of the other data files, folded: a surname must not take one over.
fn other_forms() -> HashSet<String> {
    let mut out = HashSet::new();
    for text in OTHER_FORMS {
        let f: RawFile = toml::from_str(text).expect("data files parse");
        for a in f.actor {
            for n in a
                .name
                .iter()
                .chain(&a.names)
                .chain(&a.adjectives)
                .chain(&a.metonyms)
            {
                out.insert(fold(n));
            }
        }
    }
    out
}

struct HandPerson {
    id: String,
    full: String,
    surnames: Vec<String>,
    offices: Vec<RawOffice>,
}

fn hand_people() -> Vec<HandPerson> {
    let f: RawFile = toml::from_str(PEOPLE).expect("people.toml parses");
    f.actor
        .into_iter()
        .map(|a| {
            let name = a.name.unwrap_or_default();
            let mut surnames: Vec<String> = a
                .names
                .iter()
                .filter(|n| !n.contains(' '))
                .map(|n| fold(n))
                .collect();
            if let Some(l) = tokens(&name).last() {
                surnames.push(l.clone());
            }
            HandPerson {
                id: a.id,
                full: tokens(&name).join(" "),
                surnames,
                offices: a.offices,
            }
        })
        .collect()
}

/// The id of the hand-written entry of the same person: same full name, or same surname
/// and a term in the same state at the same time.
fn hand_match(p: &Person, offices: &[Office], hand: &[HandPerson]) -> Option<String> {
    let fulls: Vec<String> = p.names.iter().map(|n| n.tokens.join(" ")).collect();
    if let Some(h) = hand.iter().find(|h| fulls.contains(&h.full)) {
        return Some(h.id.clone());
    }
    let surnames: BTreeSet<String> = p
        .names
        .iter()
        .flat_map(|n| n.surnames.iter().map(|s| fold(s)))
        .collect();
    let givens: BTreeSet<String> = p
        .names
        .iter()
        .filter(|n| n.tokens.len() > 1)
        .filter_map(|n| n.tokens.first().cloned())
        .collect();
    hand.iter()
        .find(|h| {
            // (Same given name, or a spelling of it: Cristina Fernández de Kirchner is not
            // Néstor Kirchner.)
            let given = h.full.split(' ').next().unwrap_or("");
            let same_given = givens.is_empty()
                || !h.full.contains(' ')
                || givens
                    .iter()
                    .any(|g| g.get(..3).is_some_and(|p| given.starts_with(p)));
            same_given
                && h.surnames.iter().any(|s| surnames.contains(s))
                && h.offices.iter().any(|ho| {
                    offices.iter().any(|o| {
                        o.of == ho.of
                            && overlaps(
                                &o.from,
                                o.to.as_deref(),
                                ho.from.as_deref().unwrap_or("1900"),
                                ho.to.as_deref(),
                            )
                    })
                })
        })
        .map(|h| h.id.clone())
}

fn render(p: &Person, offices: &[Office], id: &str, taken: &HashSet<String>) -> String {
    // The display name is the shortest full name the sources give ("Raila Odinga" rather
    // than "Raila Amolo Odinga"): the one news and annotators use.
    let display = p
        .names
        .iter()
        .filter(|n| n.regnal.is_none())
        .flat_map(|n| std::iter::once(&n.display).chain(n.fulls.iter()))
        .filter(|d| d.split_whitespace().count() >= 2 && !d.contains(','))
        .min_by_key(|d| (d.split_whitespace().count(), d.len()))
        .cloned()
        .unwrap_or_else(|| p.names[0].display.clone());
    let mut names: Vec<String> = Vec::new();
    let mut dated: Vec<String> = Vec::new();
    let push = |v: &mut Vec<String>, s: &str| {
        if !s.is_empty() && !v.iter().any(|x| x == s) {
            v.push(s.to_string());
        }
    };
    for n in &p.names {
        if let Some((regnal, title)) = &n.regnal {
            if regnal.contains(' ') {
                push(&mut names, regnal);
            }
            push(&mut names, &format!("{title} {regnal}"));
            let first = regnal.split_whitespace().next().unwrap_or(regnal);
            push(&mut names, &format!("{title} {first}"));
            for s in &n.surnames {
                push(&mut dated, s);
            }
            continue;
        }
        if n.display.contains(' ') {
            push(&mut names, &n.display);
        }
        for f in &n.fulls {
            push(&mut names, f);
        }
        for s in &n.surnames {
            push(&mut dated, s);
        }
    }
    names.retain(|n| *n != display && !taken.contains(&fold(n)));
    let family_first = p
        .rows
        .iter()
        .any(|r| FAMILY_FIRST.contains(&r.iso3.as_str()));
    let mut ambiguous = false;
    dated.retain(|s| {
        let folded = fold(s);
        let letters = s.chars().filter(|c| c.is_alphabetic()).count();
        if TOO_COMMON.iter().any(|w| fold(w) == folded) {
            return false;
        }
        if WORDLIKE.iter().any(|w| fold(w) == folded) {
            ambiguous = true;
        }
        !taken.contains(&folded)
            && (letters >= 3 || family_first && letters >= 2)
            && s.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic() || s.contains(' '))
    });
    let country = match HOME_REALM.iter().find(|(n, _)| *n == display) {
        Some((_, c)) => c.to_string(),
        None => offices.last().map(|o| o.of.clone()).unwrap_or_default(),
    };
    let sources: BTreeSet<&String> = offices.iter().flat_map(|o| o.sources.iter()).collect();
    let mut s = String::new();
    s.push('\n');
    s.push_str(&format!(
        "# {}\n",
        sources
            .iter()
            .map(|x| x.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    ));
    s.push_str("[[actor]]\n");
    s.push_str(&format!("id = {}\n", q(id)));
    s.push_str(&format!("name = {}\n", q(&display)));
    s.push_str("kind = \"person\"\n");
    if !country.is_empty() {
        s.push_str(&format!("country = {}\n", q(&country)));
    }
    if !names.is_empty() {
        s.push_str(&format!("names = [{}]\n", list(&names)));
    }
    if !dated.is_empty() {
        s.push_str(&format!("dated_names = [{}]\n", list(&dated)));
    }
    if ambiguous && !dated.is_empty() {
        s.push_str("ambiguous = true\n");
    }
    let home = HOME_REALM
        .iter()
        .find(|(n, _)| *n == display)
        .map(|(_, c)| *c);
    let mut offices: Vec<&Office> = offices.iter().collect();
    if let Some(h) = home {
        offices.sort_by_key(|o| o.of != h);
    }
    for o in offices {
        s.push_str("[[actor.offices]]\n");
        s.push_str(&format!("role = {}\n", q(&o.role)));
        s.push_str(&format!("of = {}\n", q(&o.of)));
        s.push_str(&format!("from = {}\n", q(&o.from)));
        if let Some(t) = &o.to {
            s.push_str(&format!("to = {}\n", q(t)));
        }
    }
    s
}

/// Lowercase ASCII-folded slug, as dipgraph's `util::slug` of the ASCII name.
fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in deunicode(name).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            dash = false;
        } else if !out.is_empty() && !dash {
            out.push('-');
            dash = true;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

fn q(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn list(v: &[String]) -> String {
    v.iter().map(|s| q(s)).collect::<Vec<_>>().join(", ")
}
