//! The word lists behind `numbers`, one plain-text file per list and language under `data/`,
//! compiled in and turned into maps once at start-up.

use rustc_hash::{FxHashMap, FxHashSet};

use korpus_core::lexicon::{entries, sections, WordMap, WordSet};
use korpus_core::Lang;

/// What a unit measures: a unit of time makes "a year", "eine Woche" a rate or a span, never
/// a count of one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Measure,
    Time,
}

/// What the lists say of one token's text, from one lookup: the rules after a figure ask
/// the same token for a magnitude, a fraction, a currency, a unit, a month in turn.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Known {
    pub magnitude: Option<f64>,
    pub magnitude_lower: Option<f64>,
    pub fraction: Option<f64>,
    pub fraction_lower: Option<f64>,
    pub currency: bool,
    pub unit: Option<Unit>,
    pub function: bool,
    pub month: Option<u32>,
}

impl Known {
    /// What the lists say of a word in none of them.
    pub const NOTHING: Known = Known {
        magnitude: None,
        magnitude_lower: None,
        fraction: None,
        fraction_lower: None,
        currency: false,
        unit: None,
        function: false,
        month: None,
    };
}

/// One language's lists.
#[derive(Debug)]
pub struct Lexicon {
    pub lang: Lang,
    /// Number words ("zwei", "twenty") and their values.
    pub words: WordMap<f64>,
    /// German ordinal stems ("dritt"), English ordinal words ("third").
    pub ordinals: WordMap<f64>,
    /// Magnitudes after a figure ("Millionen", "Mrd.", "bn").
    pub magnitudes: WordMap<f64>,
    /// Fraction words after a count ("Drittel", "thirds").
    pub fractions: WordMap<f64>,
    /// Vague plurals ("Tausende", "dozens").
    pub vague: WordMap<f64>,
    /// Currencies as written and the unit reported for them.
    pub currencies: WordMap<String>,
    /// Units of measurement, and of time.
    pub units: WordMap<Unit>,
    /// Words after a figure that open a sentence or name no counted thing.
    pub function: WordSet,
    /// Words before which "one" is a pronoun ("the one", "no one"), lower case.
    pub pronoun_before: WordSet,
    /// Month names and abbreviations.
    pub months: WordMap<u32>,
    /// Hedges, lower case, split into words; longest first.
    pub hedges: Vec<Vec<String>>,
    /// The hedges by their last word (the one next to the figure), as indices into `hedges`.
    pub hedges_by_last: FxHashMap<String, Vec<usize>>,
    /// A filter before `hedges_by_last`, one bit per pair of first and last byte (`end_pair`):
    /// most words before a figure end no hedge, and are turned away without being lower-cased
    /// and hashed.
    hedge_ends: [u64; 16],
    /// Hedges that bound from below (`false`) or above (`true`), lower case.
    pub bounds: WordMap<bool>,
    /// The first three letters, lower case, of every word that can open a figure: most words
    /// of a text are turned away by one lookup.
    openers: FxHashSet<u64>,
    /// A coarser filter before it, one bit per head class (see `head_class`): no hashing for
    /// most words.
    head_classes: Vec<u64>,
    /// The head classes of the openers of three ASCII letters or fewer: such a word's class
    /// is the whole word, case folded, so one bit says whether it opens a figure.
    short_classes: Vec<u64>,
    /// The number words by their first byte, longest first, for prefix lookups.
    pub words_by_first: Vec<Vec<(String, u64)>>,
    /// German magnitude and fraction nouns written in lower case ("millionen", "drittel").
    pub magnitudes_lower: WordMap<f64>,
    pub fractions_lower: WordMap<f64>,
    /// The byte length of the longest magnitude, unit or month written with a period ("Mrd.",
    /// "Sept."): a word at least this long is, its period added, in none of these lists.
    pub abbreviation_len: usize,
    /// Every word of the lists above that the rules ask about a token, with what each says.
    pub known: WordMap<Known>,
}

/// A word's first and last byte, each folded to five bits as ASCII lower case would leave it
/// (`| 0x20`), as one index of 1024; `None` if either is not ASCII.
#[inline]
fn end_pair(w: &[u8]) -> Option<usize> {
    let (&a, &z) = (w.first()?, w.last()?);
    let fold = |b: u8| ((b | 0x20) & 31) as usize;
    (a.is_ascii() && z.is_ascii()).then(|| fold(a) * 32 + fold(z))
}

/// The first three lower-cased characters as one key (fewer for a shorter word).
fn head_key(w: &str) -> Option<u64> {
    let b = w.as_bytes();
    if b.len() >= 3 && b[..3].is_ascii() {
        let l = |x: u8| x.to_ascii_lowercase() as u64;
        return Some(l(b[0]) << 42 | l(b[1]) << 21 | l(b[2]));
    }
    let mut it = w.chars().flat_map(char::to_lowercase);
    let a = it.next()? as u64;
    let b = it.next().map_or(0, |c| c as u64);
    let c = it.next().map_or(0, |c| c as u64);
    Some(a << 42 | b << 21 | c)
}

/// The head class of a word: its first three characters, an ASCII letter case folded to one
/// of 26 classes, anything else (an umlaut, the end of a short word) to a 27th; and whether
/// the class says it all (three ASCII letters).
#[inline]
fn head_class(w: &str) -> (usize, bool) {
    if let [a, b, c, ..] = *w.as_bytes() {
        if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() && c.is_ascii_alphabetic() {
            let l = |x: u8| ((x | 0x20) - b'a') as usize;
            return ((l(a) * 27 + l(b)) * 27 + l(c), true);
        }
    }
    let mut index = 0;
    let mut exact = true;
    let mut bytes = w.bytes();
    for _ in 0..3 {
        let class = match bytes.next() {
            Some(b) if b.is_ascii_alphabetic() => (b.to_ascii_lowercase() - b'a') as usize,
            Some(b) => {
                // Skip the rest of a multi-byte character.
                for _ in 1..utf8_len(b) {
                    bytes.next();
                }
                exact = false;
                26
            }
            None => {
                exact = false;
                26
            }
        };
        index = index * 27 + class;
    }
    (index, exact)
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// "Millionen" → "millionen".
fn lower_first(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

/// "word value" lines; the value is the last field, the word may hold spaces.
fn pairs<T: std::str::FromStr>(file: &str) -> WordMap<T> {
    entries(file)
        .filter_map(|l| {
            let (word, value) = l.rsplit_once(char::is_whitespace)?;
            Some((word.trim().to_string(), value.parse().ok()?))
        })
        .collect()
}

macro_rules! lexicon {
    ($lang:expr, $dir:literal) => {
        Lexicon::build(
            $lang,
            include_str!(concat!("../data/", $dir, "/words.txt")),
            include_str!(concat!("../data/", $dir, "/ordinals.txt")),
            include_str!(concat!("../data/", $dir, "/magnitudes.txt")),
            include_str!(concat!("../data/", $dir, "/fractions.txt")),
            include_str!(concat!("../data/", $dir, "/vague.txt")),
            include_str!(concat!("../data/", $dir, "/currencies.txt")),
            include_str!(concat!("../data/", $dir, "/units.txt")),
            include_str!(concat!("../data/", $dir, "/months.txt")),
            include_str!(concat!("../data/", $dir, "/hedges.txt")),
            include_str!(concat!("../data/", $dir, "/bounds.txt")),
            include_str!(concat!("../data/", $dir, "/function.txt")),
            include_str!(concat!("../data/", $dir, "/pronoun.txt")),
        )
    };
}

impl Lexicon {
    pub fn german() -> Self {
        lexicon!(Lang::De, "de")
    }

    pub fn english() -> Self {
        lexicon!(Lang::En, "en")
    }

    #[allow(clippy::too_many_arguments)]
    fn build(
        lang: Lang,
        words: &str,
        ordinals: &str,
        magnitudes: &str,
        fractions: &str,
        vague: &str,
        currencies: &str,
        units: &str,
        months: &str,
        hedges: &str,
        bounds: &str,
        function: &str,
        pronoun: &str,
    ) -> Self {
        let bound_map = sections(bounds)
            .map(|(section, b)| (b.to_string(), section == "upper"))
            .collect();
        let mut hedges: Vec<Vec<String>> = entries(hedges)
            .map(|h| h.split_whitespace().map(str::to_string).collect())
            .collect();
        hedges.sort_by_key(|h| std::cmp::Reverse(h.len()));
        hedges.dedup();
        Lexicon {
            lang,
            words: pairs(words),
            ordinals: pairs(ordinals),
            magnitudes: pairs(magnitudes),
            fractions: pairs(fractions),
            vague: pairs(vague),
            currencies: pairs(currencies),
            units: sections(units)
                .map(|(section, u)| {
                    let unit = if section == "time" {
                        Unit::Time
                    } else {
                        Unit::Measure
                    };
                    (u.to_string(), unit)
                })
                .collect(),
            function: entries(function).map(str::to_string).collect(),
            pronoun_before: entries(pronoun).map(str::to_string).collect(),
            months: pairs(months),
            hedges_by_last: {
                let mut by_last: FxHashMap<String, Vec<usize>> = FxHashMap::default();
                for (k, h) in hedges.iter().enumerate() {
                    if let Some(last) = h.last() {
                        by_last.entry(last.clone()).or_default().push(k);
                    }
                }
                by_last
            },
            hedge_ends: [0; 16],
            hedges,
            bounds: bound_map,
            openers: FxHashSet::default(),
            head_classes: Vec::new(),
            short_classes: Vec::new(),
            words_by_first: Vec::new(),
            magnitudes_lower: WordMap::default(),
            fractions_lower: WordMap::default(),
            known: WordMap::default(),
            abbreviation_len: 0,
        }
        .with_openers()
    }

    fn with_openers(mut self) -> Self {
        let mut openers = FxHashSet::default();
        let specials: &[&str] = match self.lang {
            Lang::De => &[
                "minus",
                "negativ",
                "komma",
                "hundert",
                "tausend",
                "anderthalb",
                "hälfte",
            ],
            Lang::En => &[
                "minus", "negative", "a", "an", "point", "hundred", "thousand", "us", "half",
            ],
        };
        let words = self
            .words
            .keys()
            .chain(self.ordinals.keys())
            .chain(self.vague.keys())
            .chain(self.months.keys())
            .chain(specials.iter().copied());
        let mut classes = vec![0u64; 27 * 27 * 27 / 64 + 1];
        let mut short = vec![0u64; classes.len()];
        for w in words {
            let (bit, _) = head_class(w);
            if w.len() <= 3 && w.is_ascii() {
                short[bit / 64] |= 1 << (bit % 64);
            }
            openers.extend(head_key(w));
            classes[bit / 64] |= 1 << (bit % 64);
        }
        self.openers = openers;
        self.short_classes = short;
        self.head_classes = classes;
        let mut by_first = vec![Vec::new(); 256];
        for (w, &v) in &self.words {
            if let Some(&b) = w.as_bytes().first() {
                by_first[b as usize].push((w.to_string(), v as u64));
            }
        }
        for list in &mut by_first {
            list.sort_unstable_by(|a: &(String, u64), b| b.0.len().cmp(&a.0.len()).then(a.cmp(b)));
        }
        self.words_by_first = by_first;
        if self.lang == Lang::De {
            let lower = |map: &WordMap<f64>| {
                map.iter()
                    .filter(|(k, _)| k.len() > 2 && k.starts_with(char::is_uppercase))
                    .map(|(k, &v)| (lower_first(k), v))
                    .collect()
            };
            self.magnitudes_lower = lower(&self.magnitudes);
            self.fractions_lower = lower(&self.fractions);
        }
        self.known = self.gather_known();
        self.abbreviation_len = (self.magnitudes.keys())
            .chain(self.units.keys())
            .chain(self.months.keys())
            .filter(|k| k.ends_with('.'))
            .map(str::len)
            .max()
            .unwrap_or(0);
        for last in self.hedges_by_last.keys() {
            if let Some(bit) = end_pair(last.as_bytes()) {
                self.hedge_ends[bit / 64] |= 1 << (bit % 64);
            }
        }
        self
    }

    /// Whether `word`, in any case, may be the last word of a hedge: `false` only when its
    /// first and last bytes are ASCII and no hedge's last word has that pair, folded alike.
    /// Lower-casing maps ASCII to ASCII and keeps every other byte's class, so a word whose
    /// lower case is a hedge's last word always passes.
    #[inline]
    pub fn may_end_hedge(&self, word: &[u8]) -> bool {
        match end_pair(word) {
            Some(bit) => self.hedge_ends[bit / 64] & (1 << (bit % 64)) != 0,
            None => true,
        }
    }

    /// The `known` map, from the lists it gathers.
    fn gather_known(&self) -> WordMap<Known> {
        let mut known = WordMap::<Known>::default();
        let mut set = |w: &str, f: &dyn Fn(&mut Known)| f(known.entry_or_default(w));
        for (w, &v) in &self.magnitudes {
            set(w, &|k| k.magnitude = Some(v));
        }
        for (w, &v) in &self.magnitudes_lower {
            set(w, &|k| k.magnitude_lower = Some(v));
        }
        for (w, &v) in &self.fractions {
            set(w, &|k| k.fraction = Some(v));
        }
        for (w, &v) in &self.fractions_lower {
            set(w, &|k| k.fraction_lower = Some(v));
        }
        for w in self.currencies.keys() {
            set(w, &|k| k.currency = true);
        }
        for (w, &u) in &self.units {
            set(w, &|k| k.unit = Some(u));
        }
        for w in &self.function {
            set(w, &|k| k.function = true);
        }
        for (w, &m) in &self.months {
            set(w, &|k| k.month = Some(m));
        }
        known
    }

    /// Whether a word can open a figure (a number word, month, currency, sign word).
    #[inline]
    pub fn may_open(&self, word: &str) -> bool {
        let (bit, exact) = head_class(word);
        if self.head_classes[bit / 64] & (1 << (bit % 64)) == 0 {
            return false;
        }
        // A word of three letters or fewer opens a figure only as a whole ("elf", "Mai",
        // "two"; not "sie").
        let b = word.as_bytes();
        if b.len() <= 3 && b.is_ascii() {
            return self.short_classes[bit / 64] & (1 << (bit % 64)) != 0;
        }
        exact || head_key(word).is_some_and(|k| self.openers.contains(&k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        for lex in [Lexicon::german(), Lexicon::english()] {
            assert!(lex.words.len() >= 28, "{:?}", lex.lang);
            assert!(lex.magnitudes.values().all(|&m| m >= 12.0));
            assert!(lex.fractions.values().all(|&f| f > 0.0 && f < 1.0));
            assert!(lex.months.values().all(|&m| (1..=12).contains(&m)));
            assert!(!lex.hedges.is_empty() && !lex.units.is_empty());
        }
        let de = Lexicon::german();
        assert_eq!(de.words["zwölf"], 12.0);
        assert_eq!(de.currencies["$"], "USD");
        assert_eq!(de.magnitudes["Mrd."], 1e9);
    }
}
