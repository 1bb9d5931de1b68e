//! `normalize` as a pure function over text: mojibake repaired, character references decoded,
//! invisible characters removed, spaces and line breaks cleaned, Unicode composed (NFC), in that
//! order; then the optional steps. Text that needs none of it is returned borrowed, untouched.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, is_nfkc_quick, IsNormalized, UnicodeNormalization};

pub mod boilerplate;
pub mod charsets;
pub mod clean;
pub mod cli;
pub mod dehyphenate;
pub mod entities;
pub mod fold;
pub mod meta;
pub mod mojibake;

/// The optional steps.
#[derive(Debug, Default, Clone, Copy)]
pub struct Options {
    /// NFKC instead of NFC (compatibility characters folded: ligatures, full-width forms).
    pub nfkc: bool,
    /// Typography to ASCII.
    pub fold: bool,
    /// Join words hyphenated across lines.
    pub dehyphenate: bool,
    /// Drop lines of web furniture.
    pub drop_boilerplate: bool,
}

impl Options {
    fn any_line_step(&self) -> bool {
        self.fold || self.dehyphenate || self.drop_boilerplate
    }
}

pub struct Normalizer {
    options: Options,
    boilerplate: Option<boilerplate::Boilerplate>,
}

/// How many times a text is passed through at most; a second pass on the result of the first
/// finds nothing to do unless one step uncovered work for another (an entity that was
/// mojibake, a decomposed letter that composes into it), and the result must be a fixed point.
const MAX_PASSES: usize = 4;

impl Normalizer {
    pub fn new(options: Options) -> Self {
        Normalizer {
            options,
            boilerplate: options.drop_boilerplate.then(boilerplate::Boilerplate::new),
        }
    }

    /// Normalizes a text; borrowed when it was already normal.
    pub fn normalize<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let mut current = self.pass(text);
        if let Cow::Owned(_) = current {
            for _ in 1..MAX_PASSES {
                match self.pass(&current) {
                    Cow::Owned(next) if next != *current => current = Cow::Owned(next),
                    _ => break,
                }
            }
        }
        current
    }

    fn pass<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let scan = clean::scan(text);
        let unnormal = scan.beyond_latin1 && !self.is_normal_form(text);
        if !(scan.dirty || scan.mojibake || scan.amp || unnormal || self.options.any_line_step()) {
            return Cow::Borrowed(text);
        }
        let mut t = Cow::Borrowed(text);
        if scan.mojibake {
            t = then(t, mojibake::repair);
        }
        if scan.amp {
            t = then(t, entities::decode);
        }
        let changed = matches!(t, Cow::Owned(_));
        if scan.dirty || changed {
            t = then(t, clean::clean);
        }
        if self.options.dehyphenate {
            t = then(t, dehyphenate::dehyphenate);
        }
        if let Some(b) = &self.boilerplate {
            t = then(t, |s| b.drop_lines(s));
            if let Cow::Owned(_) = t {
                t = then(t, clean::clean);
            }
        }
        if self.options.fold {
            t = then(t, fold::fold);
        }
        let recheck = matches!(t, Cow::Owned(_));
        if (recheck && !self.is_normal_form(&t)) || (!recheck && unnormal) {
            t = Cow::Owned(if self.options.nfkc {
                t.nfkc().collect()
            } else {
                t.nfc().collect()
            });
        }
        match t {
            Cow::Owned(s) if s == text => Cow::Borrowed(text),
            t => t,
        }
    }

    /// The quick check, over the characters that can matter: everything below U+0300 is in
    /// every normal form and has combining class 0, so leaving it out can only make the check
    /// stricter (a "maybe" where a full pass then finds nothing to change), never laxer.
    fn is_normal_form(&self, text: &str) -> bool {
        let relevant = text.chars().filter(|&c| c >= '\u{300}');
        if self.options.nfkc {
            // Compatibility forms sit below U+0300 too (NBSP, ª, ², ¼): check everything.
            is_nfkc_quick(text.chars()) == IsNormalized::Yes
        } else {
            is_nfc_quick(relevant) == IsNormalized::Yes
        }
    }
}

/// Applies a step to a text that may already have been rewritten, keeping it borrowed while
/// nothing changes.
pub fn then<'a>(
    t: Cow<'a, str>,
    step: impl for<'b> FnOnce(&'b str) -> Cow<'b, str>,
) -> Cow<'a, str> {
    match t {
        Cow::Borrowed(s) => step(s),
        Cow::Owned(s) => {
            let next = match step(&s) {
                Cow::Owned(n) => Some(n),
                Cow::Borrowed(_) => None,
            };
            Cow::Owned(next.unwrap_or(s))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        Normalizer::new(Options::default())
            .normalize(s)
            .into_owned()
    }

    #[test]
    fn the_default_policy_in_order() {
        assert_eq!(
            norm("\u{FEFF}FÃ¼r  die  Stadt&nbsp;&amp; das\u{AD}Land \r\n\r\n\r\n10\u{A0}000 Euro "),
            "Für die Stadt & dasLand\n\n10\u{202F}000 Euro"
        );
        assert_eq!(norm("Cafe\u{301}"), "Café");
    }

    #[test]
    fn clean_text_is_borrowed() {
        let n = Normalizer::new(Options::default());
        for s in [
            "",
            "plain ascii",
            "Schöne Grüße – „so“ 5 €.\n\nZweiter Absatz.",
        ] {
            assert!(matches!(n.normalize(s), Cow::Borrowed(_)), "{s:?}");
        }
    }

    #[test]
    fn nfkc_and_fold() {
        let n = Normalizer::new(Options {
            nfkc: true,
            fold: true,
            ..Options::default()
        });
        assert_eq!(n.normalize("ﬁnal „Ｔｅｘｔ“"), "final \"Text\"");
    }
}
