//! Number words read one at a time, in lower case and in either language, with no context:
//! what `dedupe` tells "drei Tote" from "vier Tote", and "3 Millionen" from "3 Milliarden", by.
//! (The figures of [`crate::Extractor`] read words together, with their context; this reads a
//! word on its own, at the cost of a lookup.)

use korpus_core::lexicon::WordMap;

use crate::{words, Lexicon};

/// What a number word says on its own.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Spelled {
    /// A count or a rank: "drei", "dreiundzwanzig", "dritten", "twelve", "third", "Hunderte".
    Number(f64),
    /// A factor after a figure: "Millionen", "Mrd", "billion", "hundred".
    Magnitude(f64),
    /// A part: "Drittel", "Hälfte", "quarter".
    Fraction(f64),
    /// How many times: "dreimal", "vierfach" (only [`Spelling::read_figure`] reads these).
    Times(f64),
}

/// The German articles that are also the number one ("ein Mann"): read as no number, since
/// nearly every text has them, and "ein Toter" against "zwei Tote" is told by the "zwei".
const ARTICLES: [&str; 6] = ["ein", "eine", "einen", "einem", "einer", "eines"];

/// Words of the lists that are more often something else when read alone: the interjection
/// "oh", the stem "sieb" (a sieve), "Bio" (organic, not "Billion").
const NOT_ALONE: [&str; 3] = ["oh", "sieb", "bio"];

/// The number words of both languages, built once.
#[derive(Debug)]
pub struct Spelling {
    /// Every word of the lists, in lower case, but German cardinals and ordinals, which are
    /// read from their parts.
    words: WordMap<Spelled>,
    de: Lexicon,
    /// A filter of one bit for each first three bytes and length that a number word has
    /// ("dre" and 4, "thi" and 5), of the lists, and of German compounds (their first part's,
    /// and any length from it on): most words of a text ("der", "sie", "the", "this", "für")
    /// are turned away by one load.
    heads: Box<[u64; HEAD_WORDS]>,
}

const HEAD_WORDS: usize = 1024;

/// The length up to which [`Spelling::heads`] tells lengths apart.
const HEAD_LEN: usize = 16;

/// A word's bit in [`Spelling::heads`]: its first three bytes (two of a word of two) and its
/// length, mixed.
fn head(first: &[u8], len: usize) -> usize {
    let key = u32::from_le_bytes([
        first[0],
        first[1],
        first.get(2).copied().unwrap_or(0),
        len.min(HEAD_LEN) as u8,
    ]);
    (key.wrapping_mul(0x9E37_79B1) >> 16) as usize % (HEAD_WORDS * 64)
}

impl Default for Spelling {
    fn default() -> Self {
        Self::new()
    }
}

impl Spelling {
    pub fn new() -> Self {
        let de = Lexicon::german();
        let en = Lexicon::english();
        let mut words: WordMap<Spelled> = WordMap::default();
        let mut add = |w: &str, s: Spelled| {
            let w = w.to_lowercase();
            // (one letter, "m" or "k", is a magnitude only after digits)
            if w.chars().count() >= 2 && !NOT_ALONE.contains(&w.as_str()) {
                words.insert(w, s);
            }
        };
        // German first: where the languages share a word ("billion"), English says what it
        // means, lower case being how English writes it.
        for lex in [&de, &en] {
            for (w, &v) in &lex.magnitudes {
                add(w, Spelled::Magnitude(v));
            }
            for (w, &v) in &lex.fractions {
                add(w, Spelled::Fraction(v));
            }
            for (w, &v) in &lex.vague {
                add(w, Spelled::Number(v));
            }
        }
        // English ordinals after its fractions: "third" is mostly a rank.
        for (w, &v) in en.words.iter().chain(&en.ordinals) {
            add(w, Spelled::Number(v));
        }
        let mut heads = Box::new([0u64; HEAD_WORDS]);
        let mut set = |h: usize| heads[h / 64] |= 1 << (h % 64);
        // (every word of the map has two characters or more, so two bytes or more)
        for w in words.keys() {
            set(head(w.as_bytes(), w.len()));
        }
        let parts = de.words_by_first.iter().flatten().map(|(w, _)| w.as_str());
        for w in parts.chain(["hundert", "tausend", "anderthalb", "erst", "dritt"]) {
            for len in w.len()..=HEAD_LEN {
                set(head(w.as_bytes(), len));
            }
        }
        Spelling { words, de, heads }
    }

    /// What the word `lower` (in lower case) says as a number, if it is one.
    pub fn read(&self, lower: &str) -> Option<Spelled> {
        self.read_as(lower, false)
    }

    /// [`Spelling::read`] for what a text says against another, where more words count: an
    /// indefinite article ("ein", "eine", …, "a", "an") as one ("eine Stunde" and "zwei
    /// Stunden"), and a German number word with "mal" or "fach" (and an ending) as so many
    /// [`Spelled::Times`] ("dreimal", "zehnfach", "vierfache"; not "einmal" and "einfach",
    /// mostly "once more" and "simply").
    pub fn read_figure(&self, lower: &str) -> Option<Spelled> {
        self.read_as(lower, true)
    }

    /// The number word before "mal" or "fach" (and an ending of up to three letters) in
    /// `lower`, and what it says.
    fn times(&self, lower: &str) -> Option<f64> {
        let b = lower.as_bytes();
        let stem = match b.strip_suffix(b"mal") {
            Some(stem) => stem,
            None => {
                let at = (4..8)
                    .filter_map(|k| b.len().checked_sub(k))
                    .find(|&at| b[at..].starts_with(b"fach"))?;
                &b[..at]
            }
        };
        match self.read(std::str::from_utf8(stem).ok()?)? {
            Spelled::Number(times) => Some(times),
            _ => None,
        }
    }

    fn read_as(&self, lower: &str, articles: bool) -> Option<Spelled> {
        if articles && (lower == "a" || lower == "an") {
            return Some(Spelled::Number(1.0));
        }
        if lower.len() < 2 {
            return None;
        }
        let h = head(lower.as_bytes(), lower.len());
        if self.heads[h / 64] >> (h % 64) & 1 == 0 {
            return None;
        }
        if let Some(&s) = self.words.get(lower) {
            return Some(s);
        }
        if lower.len() < 3 || NOT_ALONE.contains(&lower) {
            return None;
        }
        if ARTICLES.contains(&lower) {
            return articles.then_some(Spelled::Number(1.0));
        }
        match words::german(&self.de, lower) {
            Some((v, _, _)) => Some(Spelled::Number(v)),
            // (only a word with a number word's head gets here)
            None if articles => self.times(lower).map(Spelled::Times),
            None => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Spelled::*;

    #[test]
    fn words_alone() {
        let s = Spelling::new();
        for (w, want) in [
            ("drei", Some(Number(3.0))),
            ("dreiundzwanzig", Some(Number(23.0))),
            ("zweihundert", Some(Number(200.0))),
            ("dritten", Some(Number(3.0))),
            ("eineinhalb", Some(Number(1.5))),
            ("twelve", Some(Number(12.0))),
            ("third", Some(Number(3.0))),
            ("thirds", Some(Fraction(1.0 / 3.0))),
            ("drittel", Some(Fraction(1.0 / 3.0))),
            ("hälfte", Some(Fraction(0.5))),
            ("millionen", Some(Magnitude(1e6))),
            ("mio", Some(Magnitude(1e6))),
            ("milliarden", Some(Magnitude(1e9))),
            ("billion", Some(Magnitude(1e9))),
            ("billionen", Some(Magnitude(1e12))),
            ("bn", Some(Magnitude(1e9))),
            ("tausende", Some(Number(1000.0))),
            ("hundreds", Some(Number(100.0))),
        ] {
            assert_eq!(s.read(w), want, "{w}");
        }
        for w in [
            "ein", "eine", "einer", "oh", "sieb", "bio", "m", "k", "der", "zweifel", "achtung",
            "elfmeter", "neue", "sie", "", "a",
        ] {
            assert_eq!(s.read(w), None, "{w}");
        }
    }

    #[test]
    fn times() {
        let s = Spelling::new();
        for (w, want) in [
            ("dreimal", Some(3.0)),
            ("zwölfmal", Some(12.0)),
            ("zehnfach", Some(10.0)),
            ("vierfache", Some(4.0)),
            ("zweifachen", Some(2.0)),
            ("einmal", None),
            ("einfach", None),
            ("damals", None),
            ("normal", None),
            ("mehrfach", None),
            ("vielfach", None),
        ] {
            assert_eq!(s.read_figure(w), want.map(Times), "{w}");
        }
    }

    #[test]
    fn articles() {
        let s = Spelling::new();
        for w in ["ein", "eine", "einem", "a", "an"] {
            assert_eq!(s.read_figure(w), Some(Number(1.0)), "{w}");
            assert_eq!(s.read(w), None, "{w}");
        }
        assert_eq!(s.read_figure("drei"), Some(Number(3.0)));
        for w in ["einig", "der", "and", "as", ""] {
            assert_eq!(s.read_figure(w), None, "{w}");
        }
    }
}
