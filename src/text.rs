//! Stage 2: sentence segmentation and tokens, with byte offsets into the cleaned text.

/// A sentence as a byte range of the cleaned document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Index in the document (the title, when there is one, is sentence 0).
    pub index: usize,
    /// Start byte offset in the cleaned text.
    pub start: usize,
    /// End byte offset (exclusive) in the cleaned text.
    pub end: usize,
    /// Whether this sentence is the headline.
    pub headline: bool,
}

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with inner hyphens, apostrophes or periods ("U.S.", "Guinea-Bissau").
    Word,
    /// Digits, possibly with separators.
    Number,
    /// A quotation mark.
    Quote,
    /// Any other punctuation mark.
    Punct,
}

/// A token as a byte range of the cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Start byte offset in the cleaned text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// What the token is made of.
    pub kind: TokenKind,
}

use regex::Regex;
use std::sync::OnceLock;

/// Titles and Latin abbreviations: a period after them never ends a sentence ("Mr. Smith").
const NEVER_FINAL: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Mme", "Dr", "Prof", "Gen", "Gens", "Gov", "Sen", "Sens", "Rep",
    "Reps", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm", "Sgt", "Cpl", "Brig", "Rev", "Hon", "Pres",
    "Supt", "Insp", "Amb", "Atty", "Pfc", "Pvt", "Spc", "Sec", "Fr", "Det", "e.g", "i.e", "vs",
    "cf", "approx", "Nos",
];

/// Abbreviations that usually continue a sentence but may also end one ("by Acme Corp.").
const AMBIGUOUS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No",
    "Co", "Cos", "Corp", "Inc", "Ltd", "Plc", "Jr", "Sr", "St", "Mt", "Ft", "Bros", "Ave", "Dept",
    "Univ", "Assn", "etc",
    // US states, as datelines and affiliations write them ("Calif. Gov. Arnold ...").
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
    "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
    "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
];

/// Capitalized words that typically open a sentence; after an ambiguous abbreviation
/// ("...said the U.S. The next day...") only these make the period a sentence end. Words
/// that often follow "U.S." inside a sentence ("U.S. Officials", "U.S. And Canadian" in
/// Reuters' capitalization) are deliberately left out.
const SENTENCE_STARTERS: &[&str] = &[
    "A",
    "According",
    "After",
    "Also",
    "Although",
    "An",
    "As",
    "At",
    "Because",
    "Before",
    "But",
    "Despite",
    "During",
    "Earlier",
    "For",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Instead",
    "It",
    "Its",
    "Later",
    "Meanwhile",
    "Moreover",
    "Now",
    "On",
    "Our",
    "She",
    "Since",
    "So",
    "Still",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Today",
    "We",
    "What",
    "When",
    "While",
    "Who",
    "Why",
    "Yesterday",
    "Yet",
    "You",
];

fn in_list(list: &[&str], word: &str) -> bool {
    list.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// "U.S", "U.N", "a.m": single letters joined by periods (the final period not included).
fn is_dotted_acronym(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|seg| {
            let mut cs = seg.chars();
            matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphabetic())
        })
}

fn is_initial(word: &str) -> bool {
    let mut cs = word.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
}

/// How a period after `word` behaves.
#[derive(PartialEq)]
enum Abbrev {
    /// Not an abbreviation: the period ends the sentence.
    No,
    /// A title: the period never ends the sentence.
    Never,
    /// An abbreviation that may end the sentence.
    Maybe,
}

fn classify_abbrev(word: &str) -> Abbrev {
    if in_list(NEVER_FINAL, word) {
        Abbrev::Never
    } else if in_list(AMBIGUOUS, word) || is_dotted_acronym(word) || is_initial(word) {
        Abbrev::Maybe
    } else {
        Abbrev::No
    }
}

fn is_open_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | '[' | '\u{201C}' | '\u{2018}' | '\u{00AB}'
    )
}

fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{00AB}'
            | '\u{00BB}'
    )
}

/// Whether the terminator `clean[p..j]` (".", "?!", `."`) ends the sentence begun at `from`.
///
/// Rule: it must be followed by whitespace and then an uppercase letter, a digit or an
/// opening quote/bracket. A lone period after a title ("Mr.") never ends a sentence; after an
/// ambiguous abbreviation, a dotted acronym or a single initial ("U.S.", "Corp.", "W.") it
/// does only when the next word is a common sentence opener (`SENTENCE_STARTERS`) or a quote.
fn ends_sentence(clean: &str, from: usize, p: usize, j: usize) -> bool {
    let rest = &clean[j..];
    let next_at = rest.len() - rest.trim_start().len();
    if next_at == 0 {
        return false;
    }
    let Some(next) = rest[next_at..].chars().next() else {
        return true;
    };
    if !(next.is_uppercase() || next.is_ascii_digit() || is_open_quote(next)) {
        return false;
    }
    if j != p + 1 || clean.as_bytes()[p] != b'.' {
        return true;
    }
    let before = &clean[from..p];
    let word_start = before
        .rfind(|c: char| c.is_whitespace())
        .map_or(0, |k| k + 1);
    let word = before[word_start..].trim_start_matches(|c: char| is_open_quote(c));
    // "pre-Sept." behaves like "Sept.".
    let word = word.rsplit('-').next().unwrap_or(word);
    match classify_abbrev(word) {
        Abbrev::No => true,
        Abbrev::Never => false,
        Abbrev::Maybe => {
            let after = &rest[next_at..];
            let next_word = after
                .split(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            // A bracket after an abbreviation is a dateline's "(AP)", not a new sentence.
            next == '"' || SENTENCE_STARTERS.contains(&next_word)
        }
    }
}

/// Pushes the trimmed range `[s, e)` as the next sentence unless it is empty.
fn push_sentence(out: &mut Vec<Sentence>, clean: &str, s: usize, e: usize, headline: bool) {
    let piece = &clean[s..e];
    let trimmed = piece.trim_start();
    let s = s + (piece.len() - trimmed.len());
    let e = s + trimmed.trim_end().len();
    if s < e {
        out.push(Sentence {
            index: out.len(),
            start: s,
            end: e,
            headline,
        });
    }
}

/// Largest char boundary of `s` not above `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Splits cleaned text into sentences; with `has_title`, `[0, body_start)` is the headline
/// (sentence 0), and the body is split at sentence ends and paragraph breaks.
pub fn sentences(clean: &str, body_start: usize, has_title: bool) -> Vec<Sentence> {
    let mut out = Vec::new();
    let body_start = floor_boundary(clean, body_start);
    let from = if has_title {
        push_sentence(&mut out, clean, 0, body_start, true);
        body_start
    } else {
        0
    };
    let b = clean.as_bytes();
    let mut start = from;
    let mut i = from;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                let mut j = i;
                let mut newlines = 0;
                while j < b.len() && b[j].is_ascii_whitespace() {
                    newlines += usize::from(b[j] == b'\n');
                    j += 1;
                }
                if newlines >= 2 {
                    push_sentence(&mut out, clean, start, i, false);
                    start = j;
                }
                i = j;
            }
            b'.' | b'!' | b'?' => {
                let p = i;
                let mut j = i;
                while j < b.len() && matches!(b[j], b'.' | b'!' | b'?') {
                    j += 1;
                }
                loop {
                    let r = &clean[j..];
                    match r.chars().next() {
                        Some(
                            c @ ('"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}' | '\u{00BB}'),
                        ) => j += c.len_utf8(),
                        _ => break,
                    }
                }
                if ends_sentence(clean, start, p, j) {
                    push_sentence(&mut out, clean, start, j, false);
                    start = j;
                }
                i = j;
            }
            _ => i += 1,
        }
    }
    push_sentence(&mut out, clean, start, b.len(), false);
    out
}

/// A wire dateline at the start of a sentence: "BEIJING (Reuters) - ", "NAJAF, Iraq - ",
/// "AP - ", "SALVADOR, Feb 26 - ", "Lima, Sep. 13 (Andina) - ".
fn dateline_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let agency = r"(?:AP|AFP|Reuters|REUTERS|Canadian Press|CP|Xinhua|XINHUA|UPI|AFX|DPA|dpa|Kyodo|ANSA|Itar-Tass|ITAR-TASS|TASS|Bloomberg|IANS|PTI|Interfax|MENAFN|CNN|BBC|Sports Network|SPACE\.com|Los Angeles Times|New York Times|Washington Post|USA Today|Chicago Tribune|Boston Globe|Christian Science Monitor|U\.S\. News\s+&?\s*World Report|Voice of America|VOA|Associated Press|Agence France-Presse|RIA Novosti|Yonhap|Jiji|CBN\.com)";
        let caps = r"[A-Z][A-Z.'&\-]+(?: [A-Z][A-Z.'&\-]+)*";
        let title = r"[A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){0,3}";
        let date = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? +\d{1,2}";
        let paren = r"\([^()\n]{1,40}\)";
        let sep = r"\s*(?:--?|:)\s+";
        let pattern = format!(
            r"^(?:{agency}(?:\s*{paren})?|{caps}(?:,\s*{title})?(?:,?\s*{date})?(?:\s*{paren})?|{title}(?:,\s*{title})?(?:,?\s*{date}(?:\s*{paren})?|\s*{paren})){sep}"
        );
        Regex::new(&pattern).expect("dateline regex is valid")
    })
}

/// Offset in `clean` just after a leading wire dateline of `sent` (chains like
/// "Canadian Press - VANCOUVER (CP) - " are skipped whole), or None without one.
pub fn dateline_end(clean: &str, sent: &Sentence) -> Option<usize> {
    let text = clean.get(sent.start..sent.end.min(clean.len()))?;
    // The regex needs a leading letter and a '-' or ':' before whitespace; most sentences
    // have neither, and checking costs far less than running it.
    if !text.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) || !has_separator(text) {
        return None;
    }
    let mut pos = 0;
    for _ in 0..3 {
        match dateline_regex().find(&text[pos..]) {
            Some(m) if pos + m.end() < text.len() => pos += m.end(),
            _ => break,
        }
    }
    (pos > 0).then_some(sent.start + pos)
}

/// Whether `text` has a '-' or ':' followed by whitespace (what a dateline's separator needs).
fn has_separator(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().enumerate().any(|(k, &c)| {
        (c == b'-' || c == b':')
            && text[k + 1..]
                .chars()
                .next()
                .is_some_and(char::is_whitespace)
    })
}

/// Whether a lowercase word is a day of the week ("on Monday" is a time phrase).
pub fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Scans a word or number at `i` (a char of which is alphanumeric), pushing its tokens;
/// returns where scanning goes on.
fn scan_word(s: &str, i: usize, end: usize, toks: &mut Vec<Token>) -> usize {
    let b = s.as_bytes();
    let first_digit = b[i].is_ascii_digit();
    let mut j = i;
    let mut possessive = false;
    loop {
        while j < end {
            // ASCII first: most text is, and decoding a char costs more than the test.
            if b[j] < 0x80 {
                if b[j].is_ascii_alphanumeric() {
                    j += 1;
                    continue;
                }
                break;
            }
            match char_at(s, j) {
                Some(c) if is_word_char(c) => j += c.len_utf8(),
                _ => break,
            }
        }
        if j + 1 >= end {
            break;
        }
        let next = char_at(s, j + 1).unwrap_or(' ');
        match b[j] {
            b'-' if is_word_char(next) => j += 1,
            b'\'' if next.is_alphabetic() => {
                let after = char_at(s, j + 2).filter(|_| j + 2 < end);
                if matches!(next, 's' | 'S') && !after.is_some_and(is_word_char) {
                    possessive = true;
                    break;
                }
                j += 1;
            }
            b',' if first_digit
                && s[i..j].bytes().all(|c| c.is_ascii_digit() || c == b',')
                && j + 4 <= end
                && b[j + 1..j + 4].iter().all(u8::is_ascii_digit)
                && !(j + 4 < end && b[j + 4].is_ascii_digit()) =>
            {
                j += 1
            }
            b'.' if first_digit && next.is_ascii_digit() => j += 1,
            b'.' if next.is_alphabetic() => {
                // Only single letters chain with periods: "U.S", not "end.Next".
                let seg_start = s[i..j].rfind('.').map_or(i, |k| i + k + 1);
                let seg = &s[seg_start..j];
                if seg.chars().count() == 1 && !first_digit {
                    j += 1;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    let mut word_end = j;
    if j < end && b[j] == b'.' {
        let w = &s[i..j];
        let more_follows = !s[j + 1..end].trim().is_empty();
        let keep = !first_digit
            && (is_dotted_acronym(w)
                || in_list(NEVER_FINAL, w)
                || (more_follows && (in_list(AMBIGUOUS, w) || is_initial(w))));
        if keep {
            word_end = j + 1;
        }
    }
    let w = &s[i..word_end];
    let kind = if first_digit
        && w.bytes()
            .all(|c| c.is_ascii_digit() || c == b',' || c == b'.')
    {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    let lower_nt = w.len() > 3
        && w.is_char_boundary(w.len() - 3)
        && w[w.len() - 3..].eq_ignore_ascii_case("n't");
    if lower_nt {
        toks.push(Token {
            start: i,
            end: word_end - 3,
            kind,
        });
        toks.push(Token {
            start: word_end - 3,
            end: word_end,
            kind: TokenKind::Word,
        });
    } else {
        toks.push(Token {
            start: i,
            end: word_end,
            kind,
        });
    }
    if possessive {
        toks.push(Token {
            start: word_end,
            end: word_end + 2,
            kind: TokenKind::Word,
        });
        return word_end + 2;
    }
    word_end
}

/// Tokens of `clean[start..end]` with absolute offsets: words (keeping inner hyphens,
/// apostrophes and abbreviation periods; "'s" and "n't" split off), numbers, quotes, punctuation.
pub fn tokenize(clean: &str, start: usize, end: usize) -> Vec<Token> {
    let end = floor_boundary(clean, end);
    let mut i = floor_boundary(clean, start.min(end));
    let mut toks = Vec::with_capacity((end - i) / 5 + 1);
    let b = clean.as_bytes();
    while i < end {
        let (c, len) = if b[i] < 0x80 {
            (b[i] as char, 1)
        } else {
            let Some(c) = char_at(clean, i) else { break };
            (c, c.len_utf8())
        };
        if c.is_whitespace() {
            i += len;
        } else if is_word_char(c) {
            i = scan_word(clean, i, end, &mut toks);
        } else if is_quote_char(c) {
            toks.push(Token {
                start: i,
                end: i + len,
                kind: TokenKind::Quote,
            });
            i += len;
        } else {
            // A run of one mark ("...", "--") is one token.
            let mut j = i + len;
            while j < end && clean[j..].starts_with(c) {
                j += len;
            }
            toks.push(Token {
                start: i,
                end: j,
                kind: TokenKind::Punct,
            });
            i = j;
        }
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, 0, false)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0, text.len())
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn splits_at_terminators_and_paragraphs() {
        assert_eq!(
            split("The envoy left. He returned! Why? \"Because,\" she said.\n\nNew part"),
            vec![
                "The envoy left.",
                "He returned!",
                "Why?",
                "\"Because,\" she said.",
                "New part"
            ]
        );
        assert_eq!(
            split("He said \"We are ready.\" Then he left."),
            vec!["He said \"We are ready.\"", "Then he left."]
        );
        assert_eq!(
            split("Sales rose 3.5 percent. 2004 was good."),
            vec!["Sales rose 3.5 percent.", "2004 was good."]
        );
        // A lowercase continuation is not a new sentence.
        assert_eq!(
            split("It costs approx. ten. and so on"),
            vec!["It costs approx. ten. and so on"]
        );
        // A paragraph break splits even without punctuation.
        assert_eq!(
            split("Heading line\n\nBody text."),
            vec!["Heading line", "Body text."]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            split("The U.S. Navy said Mr. Smith left on Jan. 5. He returned."),
            vec![
                "The U.S. Navy said Mr. Smith left on Jan. 5.",
                "He returned."
            ]
        );
        assert_eq!(
            split("Gen. Doe met George W. Bush and Dr. Roe of Acme Corp. on Sept. 9 at No. 10 St. Anne Lane vs. them."),
            vec!["Gen. Doe met George W. Bush and Dr. Roe of Acme Corp. on Sept. 9 at No. 10 St. Anne Lane vs. them."]
        );
        assert_eq!(
            split("Some states, e.g. Ruritania, i.e. the U.N. Security Council members, agreed."),
            vec!["Some states, e.g. Ruritania, i.e. the U.N. Security Council members, agreed."]
        );
    }

    #[test]
    fn ambiguous_abbreviation_splits_before_sentence_opener() {
        assert_eq!(
            split("The deal was signed by the U.S. The next day it collapsed."),
            vec![
                "The deal was signed by the U.S.",
                "The next day it collapsed."
            ]
        );
        assert_eq!(
            split("Shares went to Acme Ltd. But the board objected."),
            vec!["Shares went to Acme Ltd.", "But the board objected."]
        );
        assert_eq!(
            split("ZENDA, Fla. (Wire) - Lawyers for Pfc. Doe met pre-Sept. 11 staff."),
            vec!["ZENDA, Fla. (Wire) - Lawyers for Pfc. Doe met pre-Sept. 11 staff."]
        );
        assert_eq!(
            split("Envoys of the U.S. Senate met."),
            vec!["Envoys of the U.S. Senate met."]
        );
    }

    #[test]
    fn title_is_sentence_zero() {
        let text = "Ruritania slams envoy \n\nZENDA (Wire) - Ruritania slammed him. He left.";
        let body = text.find("ZENDA").unwrap();
        let s = sentences(text, body, true);
        assert_eq!(s.len(), 3);
        assert!(s[0].headline && !s[1].headline);
        assert_eq!(&text[s[0].start..s[0].end], "Ruritania slams envoy");
        assert_eq!(s.iter().map(|s| s.index).collect::<Vec<_>>(), vec![0, 1, 2]);
        assert_eq!(
            &text[s[1].start..s[1].end],
            "ZENDA (Wire) - Ruritania slammed him."
        );
    }

    #[test]
    fn finds_datelines() {
        let cases = [
            ("BEIJING (Reuters) - China said no.", Some("China said no.")),
            ("WASHINGTON - The envoy left.", Some("The envoy left.")),
            (
                "NAJAF, Iraq - Gunfire rattled the city.",
                Some("Gunfire rattled the city."),
            ),
            ("AP - The man said so.", Some("The man said so.")),
            ("AFP - Talks resumed.", Some("Talks resumed.")),
            (
                "SALVADOR, Feb 26 - Showers continued.",
                Some("Showers continued."),
            ),
            (
                "Canadian Press - HALIFAX (CP) - Ministers met.",
                Some("Ministers met."),
            ),
            (
                "NEW YORK, Oct 3 (Reuters) - Stocks fell.",
                Some("Stocks fell."),
            ),
            (
                "Canadian Press - KELOWNA, B.C. (CP) - Officers met.",
                Some("Officers met."),
            ),
            (
                "ATCHISON, Kan. (CNS) -- The winner spoke.",
                Some("The winner spoke."),
            ),
            ("The envoy - a veteran - spoke.", None),
            ("China said no.", None),
        ];
        for (text, want) in cases {
            let s = sentences(text, 0, false)[0];
            let got = dateline_end(text, &s).map(|e| &text[e..s.end]);
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn tokenizes_words_numbers_quotes() {
        assert_eq!(
            words("The U.S. envoy to Guinea-Bissau said \"no\" to 1,000 troops, 3.5%."),
            vec![
                "The",
                "U.S.",
                "envoy",
                "to",
                "Guinea-Bissau",
                "said",
                "\"",
                "no",
                "\"",
                "to",
                "1,000",
                "troops",
                ",",
                "3.5",
                "%",
                "."
            ]
        );
        assert_eq!(
            words("China's envoy didn't go; O'Brien can't..."),
            vec!["China", "'s", "envoy", "did", "n't", "go", ";", "O'Brien", "ca", "n't", "..."]
        );
        assert_eq!(words("It hit the U.S."), vec!["It", "hit", "the", "U.S."]);
        assert_eq!(
            words("Mr. Doe met John F. Kennedy on Jan. 5."),
            vec!["Mr.", "Doe", "met", "John", "F.", "Kennedy", "on", "Jan.", "5", "."]
        );
        assert_eq!(words("He won Plan B."), vec!["He", "won", "Plan", "B", "."]);
        let t = tokenize("5 and 1,0000", 0, 12);
        assert_eq!(t[0].kind, TokenKind::Number);
        assert_eq!(t.len(), 5);
    }

    #[test]
    fn token_kinds_and_non_ascii_offsets() {
        let text = "Zoë's café, «ok» — São Tomé";
        let toks = tokenize(text, 0, text.len());
        let got: Vec<(&str, TokenKind)> = toks
            .iter()
            .map(|t| (&text[t.start..t.end], t.kind))
            .collect();
        use TokenKind::*;
        assert_eq!(
            got,
            vec![
                ("Zoë", Word),
                ("'s", Word),
                ("café", Word),
                (",", Punct),
                ("«", Quote),
                ("ok", Word),
                ("»", Quote),
                ("—", Punct),
                ("São", Word),
                ("Tomé", Word)
            ]
        );
        assert_eq!((toks[0].start, toks[0].end), (0, 4));
        assert_eq!((toks[2].start, toks[2].end), (7, 12));
        // A sub-range keeps absolute offsets.
        let sub = tokenize(text, 7, 12);
        assert_eq!(
            sub,
            vec![Token {
                start: 7,
                end: 12,
                kind: Word
            }]
        );
    }

    #[test]
    fn non_ascii_sentence_offsets() {
        let text = "Le président a parlé. Ça va.";
        let s = sentences(text, 0, false);
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].start, s[0].end), (0, 23));
        assert_eq!(&text[s[1].start..s[1].end], "Ça va.");
    }
}
