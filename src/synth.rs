//! A deterministic generator of invented news articles (JSON Lines) for benchmarks and tests
//! at sizes beyond the real corpus: datelines, headlines, diplomatic statements between real
//! states and invented officials, negated and hedged ones, and filler sentences, all from
//! templates written for this purpose. The same (documents, seed) always gives the same bytes.

use std::io::Write;

/// A small, fast, seedable random number generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// One item of a list.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// True with probability `p` percent.
    pub fn percent(&mut self, p: usize) -> bool {
        self.below(100) < p
    }
}

const STATES: &[(&str, &str, &str)] = &[
    ("China", "Chinese", "BEIJING"),
    ("Russia", "Russian", "MOSCOW"),
    ("the United States", "U.S.", "WASHINGTON"),
    ("Japan", "Japanese", "TOKYO"),
    ("France", "French", "PARIS"),
    ("Germany", "German", "BERLIN"),
    ("Britain", "British", "LONDON"),
    ("India", "Indian", "NEW DELHI"),
    ("Pakistan", "Pakistani", "ISLAMABAD"),
    ("Iran", "Iranian", "TEHRAN"),
    ("Israel", "Israeli", "JERUSALEM"),
    ("Turkey", "Turkish", "ANKARA"),
    ("Brazil", "Brazilian", "BRASILIA"),
    ("Argentina", "Argentine", "BUENOS AIRES"),
    ("Mexico", "Mexican", "MEXICO CITY"),
    ("Canada", "Canadian", "OTTAWA"),
    ("Australia", "Australian", "CANBERRA"),
    ("South Korea", "South Korean", "SEOUL"),
    ("North Korea", "North Korean", "PYONGYANG"),
    ("Vietnam", "Vietnamese", "HANOI"),
    ("the Philippines", "Philippine", "MANILA"),
    ("Indonesia", "Indonesian", "JAKARTA"),
    ("Egypt", "Egyptian", "CAIRO"),
    ("Ethiopia", "Ethiopian", "ADDIS ABABA"),
    ("Kenya", "Kenyan", "NAIROBI"),
    ("Nigeria", "Nigerian", "ABUJA"),
    ("South Africa", "South African", "PRETORIA"),
    ("Poland", "Polish", "WARSAW"),
    ("Ukraine", "Ukrainian", "KIEV"),
    ("Italy", "Italian", "ROME"),
    ("Spain", "Spanish", "MADRID"),
    ("Sweden", "Swedish", "STOCKHOLM"),
    ("Norway", "Norwegian", "OSLO"),
    ("Greece", "Greek", "ATHENS"),
    ("Serbia", "Serbian", "BELGRADE"),
    ("Chile", "Chilean", "SANTIAGO"),
    ("Peru", "Peruvian", "LIMA"),
    ("Colombia", "Colombian", "BOGOTA"),
    ("Venezuela", "Venezuelan", "CARACAS"),
    ("Saudi Arabia", "Saudi", "RIYADH"),
];

const ORGS: &[&str] = &[
    "the United Nations",
    "NATO",
    "the European Union",
    "the African Union",
    "the World Health Organization",
    "the International Monetary Fund",
];

const TITLES: &[&str] = &[
    "Foreign Minister",
    "Prime Minister",
    "President",
    "Defence Minister",
    "Trade Minister",
];

const FIRST: &[&str] = &[
    "Anna", "Marek", "Lena", "Tomas", "Ivo", "Sara", "Karim", "Mina", "Oskar", "Rita", "Pavel",
    "Nadia", "Elio", "Dara", "Felix", "Hana", "Luca", "Maya", "Nikos", "Vera",
];

const LAST: &[&str] = &[
    "Varga", "Holm", "Castell", "Doren", "Kessler", "Marin", "Novak", "Orlan", "Petrin", "Quist",
    "Rahal", "Sorel", "Talbot", "Ulmer", "Vance", "Werth", "Yarrow", "Zelin", "Brandt", "Corra",
];

const CHARGES: &[&str] = &[
    "violating the ceasefire",
    "interfering in its elections",
    "spying on its embassy",
    "blocking aid convoys",
    "arming rebel groups",
    "dumping steel on its market",
    "stealing trade secrets",
    "harassing its fishing boats",
];

const TOPICS: &[&str] = &[
    "the border dispute",
    "fishing rights",
    "the nuclear programme",
    "trade tariffs",
    "the refugee crisis",
    "water sharing",
    "the detained journalists",
    "airspace violations",
];

const ACTIONS: &[&str] = &[
    "return to the negotiating table",
    "release the detained sailors",
    "withdraw its troops",
    "lift the export ban",
    "respect the ceasefire",
    "open its border crossings",
];

const FILLER: &[&str] = &[
    "Shares of the state oil company rose {n} percent to {m} dollars in early trading.",
    "The central bank kept its benchmark rate at {n} percent, citing slower growth.",
    "Officials said the next round of talks would take place in {month}.",
    "About {n} delegates attended the meeting, which ran late into the night.",
    "Exports grew {n} percent in the first quarter, the statistics office said.",
    "The ministry did not give details of the schedule.",
    "Traders said volumes were thin ahead of the holiday.",
    "The agreement covers {n} million tonnes of grain over {m} years.",
    "Heavy rain delayed flights at the capital's main airport on {weekday}.",
    "The port handled {n} thousand containers last month.",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

/// One party of a statement: how the text names it.
fn party(rng: &mut Rng, state: usize) -> String {
    let (name, adj, _) = STATES[state];
    match rng.below(10) {
        0..=4 => capital_first(name),
        5 | 6 => format!(
            "{adj} {} {} {}",
            rng.pick(TITLES),
            rng.pick(FIRST),
            rng.pick(LAST)
        ),
        7 => format!("the {adj} foreign ministry"),
        8 => format!("the {adj} government"),
        _ => rng.pick(ORGS).to_string(),
    }
}

fn capital_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A sentence with a diplomatic statement of `a` about `b` (sometimes negated or hedged).
fn statement(rng: &mut Rng, a: usize, b: usize) -> String {
    let src = party(rng, a);
    let tgt = STATES[b].0;
    let charge = rng.pick(CHARGES);
    let topic = rng.pick(TOPICS);
    let action = rng.pick(ACTIONS);
    let day = rng.pick(WEEKDAYS);
    match rng.below(16) {
        0 => format!("{src} accused {tgt} on {day} of {charge}."),
        1 => format!("{src} rejected a proposal by {tgt} on {topic}, officials said."),
        2 => format!("{src} denied allegations by {tgt} that it had been {charge}."),
        3 => format!("{src} dismissed claims by {tgt} about {topic} as baseless."),
        4 => format!("{src} condemned {tgt} for {charge}."),
        5 => format!("{src} criticized {tgt} over {topic} in a statement on {day}."),
        6 => format!("{src} warned {tgt} that it would respond to any provocation."),
        7 => format!("{src} threatened {tgt} with sanctions over {topic}."),
        8 => format!("{src} urged {tgt} to {action}."),
        9 => format!("{src} demanded that {tgt} {action}."),
        10 => format!("{src} praised {tgt} for its help with {topic}."),
        11 => format!("{src} said it supported {tgt} in the talks on {topic}."),
        12 => format!("{src} did not accuse {tgt} of {charge}, a spokesman said."),
        13 => format!("{src} may criticize {tgt} over {topic} at the summit."),
        14 => format!("\"We will not accept this,\" {src} said of the plan by {tgt}."),
        _ => format!("{src} said on {day} it was studying a letter from {tgt} on {topic}."),
    }
}

fn filler(rng: &mut Rng) -> String {
    let t = rng.pick(FILLER);
    t.replace("{n}", &(2 + rng.below(97)).to_string())
        .replace("{m}", &(2 + rng.below(40)).to_string())
        .replace("{month}", rng.pick(MONTHS))
        .replace("{weekday}", rng.pick(WEEKDAYS))
}

/// One invented article as a JSON Lines record (with its final newline).
pub fn article(seed: u64, index: u64) -> String {
    let mut rng = Rng::new(seed.wrapping_mul(0x1000_0000_01B3) ^ index);
    let a = rng.below(STATES.len());
    let mut b = rng.below(STATES.len());
    if b == a {
        b = (b + 1) % STATES.len();
    }
    let year = 1990 + rng.below(35);
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    let date = format!("{year}-{month:02}-{day:02}");
    let title = match rng.below(4) {
        0 => format!(
            "{} and {} trade words over {}",
            capital_first(STATES[a].0),
            STATES[b].0,
            rng.pick(TOPICS)
        ),
        1 => format!(
            "{} says talks with {} stalled",
            capital_first(STATES[a].0),
            STATES[b].0
        ),
        2 => format!(
            "Markets steady as {} weighs {}",
            STATES[a].0,
            rng.pick(TOPICS)
        ),
        _ => format!(
            "{} official visits {}",
            STATES[a].1,
            STATES[b].2.to_lowercase()
        ),
    };
    let mut text = format!(
        "{}, {} {} (Newswire) - ",
        STATES[a].2,
        &MONTHS[month - 1][..3],
        day
    );
    let sentences = 6 + rng.below(11);
    for i in 0..sentences {
        if i > 0 {
            text.push_str(if rng.percent(25) { "\n\n" } else { " " });
        }
        let s = if rng.percent(7) {
            // Mostly the two parties of the story, now and then someone else.
            let (x, y) = match rng.below(5) {
                0 => (b, a),
                1 => (rng.below(STATES.len()), a),
                _ => (a, b),
            };
            let y = if x == y { (y + 1) % STATES.len() } else { y };
            statement(&mut rng, x, y)
        } else {
            filler(&mut rng)
        };
        text.push_str(&s);
    }
    let rec = serde_json::json!({
        "id": format!("syn-{seed}-{index:08}"),
        "date": date,
        "title": title,
        "text": text,
    });
    let mut line = rec.to_string();
    line.push('\n');
    line
}

/// Writes `docs` invented articles for `seed` as JSON Lines.
pub fn write_corpus(mut w: impl Write, docs: u64, seed: u64) -> std::io::Result<()> {
    for i in 0..docs {
        w.write_all(article(seed, i).as_bytes())?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_articles_and_another_seed_others() {
        let mut a = Vec::new();
        let mut b = Vec::new();
        write_corpus(&mut a, 50, 7).expect("write");
        write_corpus(&mut b, 50, 7).expect("write");
        assert_eq!(a, b);
        let mut c = Vec::new();
        write_corpus(&mut c, 50, 8).expect("write");
        assert_ne!(a, c);
        let text = String::from_utf8(a).expect("utf-8");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 50);
        let ids: std::collections::BTreeSet<String> = lines
            .iter()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("json");
                assert!(v["text"].as_str().is_some_and(|t| t.len() > 100), "{l}");
                v["id"].as_str().expect("id").to_string()
            })
            .collect();
        assert_eq!(ids.len(), 50, "ids are unique");
    }
}
