//! The word lists behind the rules, one plain-text file per list and language under `data/`,
//! compiled in and turned into hash sets once at start-up.

use rustc_hash::{FxHashMap, FxHashSet};

use korpus_core::lexicon::{entries, sections};
pub use korpus_core::Lang;

/// What an abbreviation allows after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Abbreviation {
    /// The sentence goes on ("Dr.", "z. B.", "vgl.").
    Continues,
    /// It may close the sentence when a clear new one follows ("usw.", "U.S.", "Mio.").
    MayEnd,
}

/// One language's lists.
#[derive(Debug)]
pub struct Lexicon {
    pub lang: Lang,
    /// Abbreviations by key without spaces ("z.B."), and proper prefixes of multi-part ones
    /// ("z.", "i.d.") with no class of their own.
    abbreviations: FxHashMap<String, Option<Abbreviation>>,
    /// The longest key, in bytes: longer words need no lookup.
    longest: usize,
    starters: FxHashSet<String>,
    connectors: FxHashSet<String>,
}

const DE_ABBREVIATIONS: &str = include_str!("../data/de/abbreviations.txt");
const DE_STARTERS: &str = include_str!("../data/de/starters.txt");
const DE_CONNECTORS: &str = include_str!("../data/de/connectors.txt");
const EN_ABBREVIATIONS: &str = include_str!("../data/en/abbreviations.txt");
const EN_STARTERS: &str = include_str!("../data/en/starters.txt");
const EN_CONNECTORS: &str = include_str!("../data/en/connectors.txt");

fn set(file: &str) -> FxHashSet<String> {
    entries(file).map(str::to_string).collect()
}

impl Lexicon {
    pub fn german() -> Self {
        Self::build(Lang::De, DE_ABBREVIATIONS, DE_STARTERS, DE_CONNECTORS)
    }

    pub fn english() -> Self {
        Self::build(Lang::En, EN_ABBREVIATIONS, EN_STARTERS, EN_CONNECTORS)
    }

    fn build(lang: Lang, abbr: &str, starters: &str, connectors: &str) -> Self {
        let mut lex = Lexicon {
            lang,
            abbreviations: FxHashMap::default(),
            longest: 0,
            starters: set(starters),
            connectors: set(connectors),
        };
        for (section, entry) in sections(abbr) {
            let class = match section {
                "may-end" => Abbreviation::MayEnd,
                _ => Abbreviation::Continues,
            };
            // "z. B." and "z.B." are one abbreviation: keys carry no spaces.
            let key: String = entry.chars().filter(|c| !c.is_whitespace()).collect();
            for (i, _) in key.match_indices('.') {
                if i + 1 < key.len() {
                    lex.abbreviations
                        .entry(key[..=i].to_string())
                        .or_insert(None);
                }
            }
            lex.longest = lex.longest.max(key.len());
            lex.abbreviations.insert(key, Some(class));
        }
        lex
    }

    /// The class of an abbreviation key written without spaces and with its final period
    /// ("z.B.", "Dr.").
    pub fn abbreviation(&self, key: &str) -> Option<Abbreviation> {
        if key.len() > self.longest {
            return None;
        }
        self.abbreviations.get(key).copied().flatten()
    }

    /// As [`Lexicon::abbreviation`], for a key that opens a sentence: a capitalised key also
    /// matches its lower-case entry ("Vgl." for "vgl.", but "Schweiz." only there).
    pub fn abbreviation_at_start(&self, key: &str) -> Option<Abbreviation> {
        self.abbreviation(key).or_else(|| {
            let first = key.chars().next()?;
            if !first.is_uppercase() {
                return None;
            }
            let lower: String = first
                .to_lowercase()
                .chain(key[first.len_utf8()..].chars())
                .collect();
            self.abbreviation(&lower)
        })
    }

    /// Whether `key` ("z.", "i.d.") begins a multi-part abbreviation, or is one.
    pub fn begins_abbreviation(&self, key: &str) -> bool {
        key.len() <= self.longest && self.abbreviations.contains_key(key)
    }

    /// Whether a capitalised word clearly opens a sentence ("Die", "Er", "The").
    pub fn is_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }

    /// Whether a line ending in this word must go on (an article, preposition, conjunction).
    pub fn is_connector(&self, word: &str) -> bool {
        if word.bytes().any(|b| b.is_ascii_uppercase()) || !word.is_ascii() {
            self.connectors.contains(&word.to_lowercase())
        } else {
            self.connectors.contains(word)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaced_and_unspaced_abbreviations_are_one_entry() {
        let de = Lexicon::german();
        assert_eq!(de.abbreviation("z.B."), Some(Abbreviation::Continues));
        assert_eq!(de.abbreviation("usw."), Some(Abbreviation::MayEnd));
        assert_eq!(de.abbreviation("Vgl."), None);
        assert_eq!(
            de.abbreviation_at_start("Vgl."),
            Some(Abbreviation::Continues)
        );
        assert_eq!(de.abbreviation("Schweiz."), None);
        assert!(de.begins_abbreviation("i.d."));
        assert_eq!(de.abbreviation("Haus."), None);
    }

    #[test]
    fn no_entry_is_in_both_sections() {
        for (lang, file) in [("de", DE_ABBREVIATIONS), ("en", EN_ABBREVIATIONS)] {
            let mut seen = std::collections::HashSet::new();
            for (_, e) in sections(file) {
                let key: String = e.chars().filter(|c| !c.is_whitespace()).collect();
                assert!(seen.insert(key), "{lang}: {e} is listed twice");
            }
        }
    }

    #[test]
    fn starters_are_capitalised_and_connectors_lower_case() {
        for lex in [Lexicon::german(), Lexicon::english()] {
            assert!(lex
                .starters
                .iter()
                .all(|w| w.starts_with(char::is_uppercase)));
            assert!(lex
                .connectors
                .iter()
                .all(|w| !w.chars().any(char::is_uppercase)));
        }
    }
}
