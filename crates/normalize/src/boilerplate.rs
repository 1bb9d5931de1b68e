//! `--drop-boilerplate`: lines of web furniture (navigation, comment forms, cookie and
//! newsletter notices, share buttons) dropped by a lexicon in `data/boilerplate.txt`.

use std::borrow::Cow;

const DATA: &str = include_str!("../data/boilerplate.txt");
/// Longer lines are article text, whatever they begin with.
const LONGEST: usize = 200;

pub struct Boilerplate {
    exact: std::collections::HashSet<String>,
    prefixes: Vec<String>,
}

impl Default for Boilerplate {
    fn default() -> Self {
        Self::new()
    }
}

impl Boilerplate {
    pub fn new() -> Self {
        let mut exact = std::collections::HashSet::new();
        let mut prefixes = Vec::new();
        for line in korpus_core::lexicon::entries(DATA) {
            match line.strip_suffix('*') {
                Some(p) => prefixes.push(p.trim_end().to_lowercase()),
                None => {
                    exact.insert(line.to_lowercase());
                }
            }
        }
        Boilerplate { exact, prefixes }
    }

    /// Whether a line is web furniture.
    pub fn is_furniture(&self, line: &str) -> bool {
        let line = line.trim();
        if line.is_empty() || line.chars().count() > LONGEST {
            return false;
        }
        let lower = line.to_lowercase();
        let bare = lower.trim_end_matches(['.', ':', '!', '»', '›', '>', ' ']);
        self.exact.contains(bare) || self.prefixes.iter().any(|p| lower.starts_with(p.as_str()))
    }

    /// The text without its furniture lines; borrowed when there are none.
    pub fn drop_lines<'a>(&self, text: &'a str) -> Cow<'a, str> {
        if !text.split('\n').any(|l| self.is_furniture(l)) {
            return Cow::Borrowed(text);
        }
        let kept: Vec<&str> = text.split('\n').filter(|l| !self.is_furniture(l)).collect();
        Cow::Owned(kept.join("\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_furniture_keeps_text() {
        let b = Boilerplate::new();
        assert!(b.is_furniture("Go up"));
        assert!(b.is_furniture("Schreibe einen Kommentar"));
        assert!(b.is_furniture(
            "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert"
        ));
        assert!(b.is_furniture("Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten."));
        assert!(!b.is_furniture("Die Stadt teilen sich zwei Parteien."));
        assert!(!b.is_furniture("Index der Verbraucherpreise stieg um 2 Prozent"));
        assert_eq!(b.drop_lines("Text\n\nTeilen\n\nMehr"), "Text\n\n\nMehr");
    }
}
