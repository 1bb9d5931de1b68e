//! The language of a record, which picks a filter's lexicons: a `--lang` flag, else the record's
//! `lang` field, else a cheap guess from frequent words, else German.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::record::Record;

/// The languages the filters have lexicons for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Lang {
    /// German.
    De,
    /// English.
    En,
}

const DE_COMMON: &str = include_str!("../data/lang/de.txt");
const EN_COMMON: &str = include_str!("../data/lang/en.txt");

fn words(file: &'static str) -> HashSet<&'static str> {
    crate::lexicon::entries(file).collect()
}

/// One thing per language, such as a filter's lexicons, built once for both.
#[derive(Debug)]
pub struct ByLang<T> {
    de: T,
    en: T,
}

impl<T> ByLang<T> {
    pub fn new(mut make: impl FnMut(Lang) -> T) -> Self {
        ByLang {
            de: make(Lang::De),
            en: make(Lang::En),
        }
    }

    pub fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::De => &self.de,
            Lang::En => &self.en,
        }
    }
}

fn common() -> &'static (HashSet<&'static str>, HashSet<&'static str>) {
    static COMMON: OnceLock<(HashSet<&'static str>, HashSet<&'static str>)> = OnceLock::new();
    COMMON.get_or_init(|| (words(DE_COMMON), words(EN_COMMON)))
}

impl Lang {
    /// Reads a language tag as records carry it ("de", "de-AT", "EN_us"); `None` for others.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let head = tag.get(..2)?;
        let rest = &tag[2..];
        if !(rest.is_empty() || rest.starts_with(['-', '_'])) {
            return None;
        }
        if head.eq_ignore_ascii_case("de") {
            Some(Lang::De)
        } else if head.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language for one record: the flag, else its `lang` field, else a guess from `text`.
    pub fn choose(flag: Option<Lang>, rec: &Record, text: &str) -> Lang {
        flag.or_else(|| rec.str_field("lang").ok().and_then(|l| Lang::from_tag(&l)))
            .unwrap_or_else(|| Lang::guess(text))
    }

    /// A cheap guess: frequent words counted at the start of the text until one language
    /// leads by five; German when there is no evidence either way.
    pub fn guess(text: &str) -> Lang {
        let (de_words, en_words) = common();
        let end = text.floor_char_boundary(2048);
        let (mut de, mut en) = (0u32, 0u32);
        let mut lower = [0u8; 8];
        for word in text[..end].split(|c: char| !c.is_alphanumeric()) {
            // Every listed word is short; "für" is the only one beyond ASCII.
            if word.is_empty() || word.len() > lower.len() {
                continue;
            }
            let w = &mut lower[..word.len()];
            w.copy_from_slice(word.as_bytes());
            w.make_ascii_lowercase();
            let Ok(w) = std::str::from_utf8(w) else {
                continue;
            };
            de += de_words.contains(w) as u32;
            en += en_words.contains(w) as u32;
            if de.abs_diff(en) >= 5 {
                break;
            }
        }
        if en > de {
            Lang::En
        } else {
            Lang::De
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        assert_eq!(Lang::from_tag("de"), Some(Lang::De));
        assert_eq!(Lang::from_tag("de-AT"), Some(Lang::De));
        assert_eq!(Lang::from_tag("EN_us"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::from_tag("dex"), None);
        assert_eq!(Lang::from_tag("ü"), None);
    }

    #[test]
    fn guess() {
        assert_eq!(
            Lang::guess("Die Regierung hat sich auf einen Haushalt geeinigt."),
            Lang::De
        );
        assert_eq!(
            Lang::guess("The government said it would not change the plan."),
            Lang::En
        );
        // short lines with few function words
        assert_eq!(
            Lang::guess("No comment, a spokesman told reporters."),
            Lang::En
        );
        assert_eq!(Lang::guess("Dazu sagte sie nur, dass es gehe."), Lang::De);
        assert_eq!(Lang::guess("12345"), Lang::De);
    }
}
