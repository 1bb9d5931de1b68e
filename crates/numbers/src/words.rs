//! Spelled numbers: German compounds read from their parts ("dreihundertvierundzwanzig",
//! "zweitausendeins", "eineinhalb", "dritte", "tausendste").

use crate::Lexicon;

/// The longest number word that `s` starts with, and the rest.
fn part<'a>(lex: &Lexicon, s: &'a str) -> Option<(u64, &'a str)> {
    let candidates = &lex.words_by_first[*s.as_bytes().first()? as usize];
    candidates
        .iter()
        .find(|(w, _)| s.starts_with(w.as_str()))
        .map(|(w, v)| (*v, &s[w.len()..]))
}

/// A number below a thousand at the start of `s`: "dreihundertvierundzwanzig", "elf".
fn below_thousand<'a>(lex: &Lexicon, s: &'a str) -> Option<(u64, &'a str)> {
    let mut value = 0;
    let mut rest = s;
    let mut any = false;
    // "dreihundert", and years read in hundreds: "achtzehnhundert".
    if let Some((u, r)) = part(lex, rest) {
        if u < 20 && r.starts_with("hundert") {
            value += u.max(1) * 100;
            rest = &r["hundert".len()..];
            any = true;
        }
    }
    if !any && rest.starts_with("hundert") {
        value = 100;
        rest = &rest["hundert".len()..];
        any = true;
    }
    // "hundertundzwölf"
    if any && rest.starts_with("und") && part(lex, &rest[3..]).is_some() {
        rest = &rest[3..];
    }
    if let Some((u, r)) = part(lex, rest) {
        if (1..10).contains(&u) && r.starts_with("und") {
            if let Some((t, r2)) = part(lex, &r[3..]) {
                if t >= 20 && t % 10 == 0 && t < 100 {
                    return Some((value + u + t, r2));
                }
            }
        }
        value += u;
        rest = r;
        any = true;
    }
    any.then_some((value, rest))
}

/// A whole German cardinal compound, lower case: "zweitausenddreihundert" → 2300.
pub fn cardinal(lex: &Lexicon, s: &str) -> Option<u64> {
    let (mut total, mut rest) = match below_thousand(lex, s) {
        Some((v, r)) => (v, r),
        None => (0, s),
    };
    if let Some(r) = rest.strip_prefix("tausend") {
        total = total.max(1) * 1000;
        rest = r;
        // "tausendundzwölf"
        if rest.starts_with("und") && part(lex, &rest[3..]).is_some() {
            rest = &rest[3..];
        }
        if let Some((v, r)) = below_thousand(lex, rest) {
            total += v;
            rest = r;
        }
    } else if rest.len() == s.len() {
        return None;
    }
    rest.is_empty().then_some(total)
}

/// A German number word, lower case: its value, whether it is an ordinal ("dritte") and
/// whether a fraction ("eineinhalb").
pub fn german(lex: &Lexicon, w: &str) -> Option<(f64, bool, bool)> {
    // News repeats its number words ("zwei", "einhundert"): a word read once is looked up
    // after that. The memory is per thread and bounded, and the answer is the same either way.
    if let Some(hit) = SEEN.with(|seen| seen.borrow().get(w).copied()) {
        return hit;
    }
    let read = read_german(lex, w);
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        if seen.len() < SEEN_MAX {
            seen.insert(w.into(), read);
        }
    });
    read
}

type Reading = Option<(f64, bool, bool)>;

thread_local! {
    static SEEN: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, Reading>> =
        std::cell::RefCell::new(rustc_hash::FxHashMap::default());
}

/// How many distinct words the memory of `german` holds.
const SEEN_MAX: usize = 4096;

fn read_german(lex: &Lexicon, w: &str) -> Option<(f64, bool, bool)> {
    german_spelling(lex, w).or_else(|| {
        // Umlauts written out: "fuenf", "zwoelf".
        if w.contains("ue") || w.contains("oe") || w.contains("ae") {
            let w = w.replace("ue", "ü").replace("oe", "ö").replace("ae", "ä");
            german_spelling(lex, &w)
        } else {
            None
        }
    })
}

/// Beginnings of German number words that are not themselves number words.
const OTHER_HEADS: [&str; 5] = ["hundert", "tausend", "anderthalb", "erst", "dritt"];

fn german_spelling(lex: &Lexicon, w: &str) -> Option<(f64, bool, bool)> {
    // Every German number word begins with a number word or one of a few other heads: most
    // words that got this far ("sie", "neue") are turned away here.
    if part(lex, w).is_none() && !OTHER_HEADS.iter().any(|h| w.starts_with(h)) {
        return None;
    }
    if let Some(v) = cardinal(lex, w) {
        return Some((v as f64, false, false));
    }
    if w == "anderthalb" {
        return Some((1.5, false, true));
    }
    if let Some(head) = w.strip_suffix("einhalb") {
        let whole = if head.is_empty() {
            0
        } else {
            cardinal(lex, head)?
        };
        return Some((whole as f64 + 0.5, false, true));
    }
    // Ordinals: a stem and an ending ("dritt-e", "zwanzigst-en", "hundertdritt-er").
    for ending in ["en", "em", "er", "es", "e"] {
        let Some(stem) = w.strip_suffix(ending) else {
            continue;
        };
        if let Some(&v) = lex.ordinals.get(stem) {
            return Some((v, true, false));
        }
        if let Some(head) = stem.strip_suffix("st") {
            if let Some(v) = cardinal(lex, head) {
                return Some((v as f64, true, false));
            }
        }
        for (ord, &v) in &lex.ordinals {
            if let Some(head) = stem.strip_suffix(ord) {
                if !head.is_empty() {
                    if let Some(h) = cardinal(lex, head) {
                        return Some((h as f64 + v, true, false));
                    }
                }
            }
        }
        return None;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compounds() {
        let de = Lexicon::german();
        for (w, v) in [
            ("dreihundertvierundzwanzig", 324),
            ("einhundert", 100),
            ("hundert", 100),
            ("tausend", 1000),
            ("zweitausendeins", 2001),
            ("eintausendeinhundertfünfzig", 1150),
            ("achtzehnhundertzweiundfünfzig", 1852),
            ("siebzehn", 17),
            ("dreiunddreissig", 33),
            ("elf", 11),
            (
                "neunhundertneunundneunzigtausendneunhundertneunundneunzig",
                999_999,
            ),
        ] {
            assert_eq!(cardinal(&de, w), Some(v), "{w}");
        }
        for w in ["haus", "achtung", "einheit", "dreist", "undzwanzig", ""] {
            assert_eq!(cardinal(&de, w), None, "{w}");
        }
    }

    #[test]
    fn ordinals_and_halves() {
        let de = Lexicon::german();
        assert_eq!(german(&de, "dritte"), Some((3.0, true, false)));
        assert_eq!(german(&de, "tausendste"), Some((1000.0, true, false)));
        assert_eq!(german(&de, "einundzwanzigsten"), Some((21.0, true, false)));
        assert_eq!(german(&de, "eineinhalb"), Some((1.5, false, true)));
        assert_eq!(german(&de, "zweieinhalb"), Some((2.5, false, true)));
        assert_eq!(german(&de, "achte"), Some((8.0, true, false)));
        assert_eq!(german(&de, "beste"), None);
    }
}
