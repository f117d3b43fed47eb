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
