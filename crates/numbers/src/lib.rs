//! Figures in German and English news text: every number with its value, kind, the thing it
//! counts and its hedge ("bis zu 10.000 Soldaten" → 10000, cardinal, "Soldaten", "bis zu").
//!
//! The text is cut into tokens once (words, digit groups, single symbols, with their byte
//! spans); a figure is read from the tokens at a position by small rules, each for one
//! convention, with the lexicons in `data/` supplying the words.

pub mod cli;
mod lexicon;
pub mod spelled;
mod words;

use std::cell::Cell;
use std::ops::Range;

use korpus_core::lexicon::{lower, Lower};
use korpus_core::{ByLang, Lang};
use lexicon::Known;
pub use lexicon::Lexicon;

use serde::ser::{Serialize, SerializeSeq, Serializer};

/// What a figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Cardinal,
    Decimal,
    Ordinal,
    Fraction,
    Percent,
    Money,
    Measure,
    Range,
    Date,
    Year,
    Time,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Cardinal => "cardinal",
            Kind::Decimal => "decimal",
            Kind::Ordinal => "ordinal",
            Kind::Fraction => "fraction",
            Kind::Percent => "percent",
            Kind::Money => "money",
            Kind::Measure => "measure",
            Kind::Range => "range",
            Kind::Date => "date",
            Kind::Year => "year",
            Kind::Time => "time",
        }
    }
}

/// A figure's value: a number, a range with open ends as `None`, or an ISO date or time.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Number(f64),
    Range(Option<f64>, Option<f64>),
    Text(String),
}

/// A whole value as the integer JSON writes for it (12000, not 12000.0); `None` for a
/// fraction or one too large for an exact integer.
pub fn as_integer(v: f64) -> Option<i64> {
    (is_whole(v) && v.abs() < 9.0e15).then_some(v as i64)
}

/// `v.fract() == 0.0` without the call into the maths library that `fract` makes on a
/// baseline x86-64 build (no rounding instruction): below 2^52 a round trip through an
/// integer says it, and every finite double from 2^52 up is whole.
pub(crate) fn is_whole(v: f64) -> bool {
    if v.abs() < 4_503_599_627_370_496.0 {
        (v as i64) as f64 == v
    } else {
        v.is_finite()
    }
}

/// A JSON number: whole values as integers.
fn number<S: Serializer>(v: f64, s: S) -> Result<S::Ok, S::Error> {
    match as_integer(v) {
        Some(n) => s.serialize_i64(n),
        None => s.serialize_f64(v),
    }
}

struct Num(Option<f64>);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Some(v) => number(v, s),
            None => s.serialize_none(),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Number(v) => number(*v, s),
            Value::Range(lo, hi) => {
                let mut seq = s.serialize_seq(Some(2))?;
                seq.serialize_element(&Num(*lo))?;
                seq.serialize_element(&Num(*hi))?;
                seq.end()
            }
            Value::Text(t) => s.serialize_str(t),
        }
    }
}

/// One figure: its byte span in the text and what it says.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub span: Range<usize>,
    pub value: Value,
    pub kind: Kind,
    pub unit: Option<String>,
    pub qualifier: Option<String>,
}

/// The extractor: both languages' lexicons, built once.
#[derive(Debug)]
pub struct Extractor {
    lexicons: ByLang<Lexicon>,
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new()
    }
}

impl Extractor {
    pub fn new() -> Self {
        Extractor {
            lexicons: ByLang::new(|lang| match lang {
                Lang::De => Lexicon::german(),
                Lang::En => Lexicon::english(),
            }),
        }
    }

    pub fn lexicon(&self, lang: Lang) -> &Lexicon {
        self.lexicons.get(lang)
    }

    /// The figures of `text`, in order, appended to `out`.
    pub fn extract_into(&self, text: &str, lang: Lang, out: &mut Vec<Figure>) {
        self.extract_with(text, lang, &mut Scratch::default(), out);
    }

    /// `extract_into` with buffers kept from the text before.
    pub fn extract_with(
        &self,
        text: &str,
        lang: Lang,
        scratch: &mut Scratch,
        out: &mut Vec<Figure>,
    ) {
        tokens(text, &mut scratch.toks);
        let toks = &scratch.toks;
        let reader = Reader {
            text,
            toks,
            lex: self.lexicon(lang),
            last_known: Cell::new(None),
        };
        let mut i = 0;
        while i < toks.len() {
            let tok = toks[i];
            // Most tokens cannot open a figure: turn them away before the full reading.
            let candidate = match tok.t {
                T::Digits => true,
                T::Word => reader.lex.may_open(reader.s(i)),
                T::Sym => reader.sym_may_open(i),
            };
            if !candidate {
                i += 1;
                continue;
            }
            if let Some(next) = reader.identifier_end(i) {
                i = next.max(i + 1);
                continue;
            }
            match reader.figure(i) {
                Some((fig, next)) => {
                    out.push(fig);
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
        bounded_ranges(text, reader.lex, out);
    }

    pub fn extract(&self, text: &str, lang: Lang) -> Vec<Figure> {
        let mut out = Vec::new();
        self.extract_into(text, lang, &mut out);
        out
    }
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum T {
    /// Letters.
    Word,
    /// Digits, with grouping or decimal separators between them ("1.500", "2,5", "40 000").
    Digits,
    /// Any other character, one a token.
    Sym,
}

/// A token: its byte span in the text, what it is, and whether whitespace precedes it. No
/// reference to the text, so one buffer of tokens serves record after record (`Scratch`).
#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    end: usize,
    t: T,
    /// Whitespace precedes it.
    space: bool,
}

/// Buffers the extractor reuses from one text to the next: a text's tokens are cut into the
/// same vector, which after the first records no longer grows.
#[derive(Debug, Default)]
pub struct Scratch {
    toks: Vec<Tok>,
}

/// The classes of `CLASS`, one bit each, tested in turn: compared as values, the classes
/// become a jump table, which mispredicts at nearly every token.
const LETTER: u8 = 1;
const SPACE: u8 = 2;
const DIGIT: u8 = 4;
const PUNCT: u8 = 8;
/// A byte of a multi-byte character: a letter, a space or a symbol, decoded to tell.
const HIGH: u8 = 16;

/// What a byte starts, for the tokenizer's dispatch and its letter runs: one load a byte.
static CLASS: [u8; 256] = {
    let mut t = [HIGH; 256];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = if b.is_ascii_alphabetic() {
            LETTER
        } else if b.is_ascii_whitespace() {
            SPACE
        } else if b.is_ascii_digit() {
            DIGIT
        } else {
            PUNCT
        };
        c += 1;
    }
    t
};

/// Where the run of ASCII letters from byte `i` of `b` ends: eight bytes at a time, so a
/// word costs one unpredictable branch rather than one at each of its letters.
#[inline]
fn ascii_letters_end(b: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let n = (!ascii_letter_mask(x) & 0x8080_8080_8080_8080).trailing_zeros() as usize / 8;
        i += n;
        if n < 8 {
            return i;
        }
    }
    while i < b.len() && CLASS[b[i] as usize] & LETTER != 0 {
        i += 1;
    }
    i
}

/// The high bit of each byte of `x` (eight bytes) that is an ASCII letter. With the case bit
/// set and the high bit cleared every byte is at most 0x7f, so adding 0x1f (0x05) carries into
/// a byte's high bit exactly when it is at least 'a' (past 'z'), and never into the next byte.
#[inline]
fn ascii_letter_mask(x: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let y = (x | 0x2020_2020_2020_2020) & !HIGH;
    let from_a = y + 0x1f1f_1f1f_1f1f_1f1f;
    let past_z = y + 0x0505_0505_0505_0505;
    from_a & !past_z & !x & HIGH
}

/// The byte length of the letter at byte `i` of `text`, 0 if none is there. The letters of
/// Latin-1 (umlauts, ß, accents), most of the non-ASCII letters of European news, without
/// decoding.
fn letter_len(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    match b.get(i) {
        None => 0,
        Some(c) if c.is_ascii_alphabetic() => 1,
        Some(c) if *c < 0x80 => 0,
        Some(0xC3) if !matches!(b.get(i + 1), Some(0x97 | 0xB7)) => 2,
        Some(_) => text[i..]
            .chars()
            .next()
            .filter(|d| d.is_alphabetic())
            .map_or(0, char::len_utf8),
    }
}

/// Where the word whose letters go on at byte `i` ends: runs of ASCII letters, the bulk of
/// any text, eight bytes at a time; other letters ("Größe", "Über") one by one.
#[inline]
fn word_end(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    loop {
        i = ascii_letters_end(b, i);
        match letter_len(text, i) {
            0 => return i,
            n => i += n,
        }
    }
}

/// The separator at byte `i` inside a digit group, if any: its length, and whether it is a
/// mark (".", ",", "'", "’") or a space that groups thousands (" ", no-break, narrow
/// no-break, thin).
#[inline]
fn group_separator(b: &[u8], i: usize) -> Option<(usize, bool)> {
    match *b.get(i)? {
        b'.' | b',' | b'\'' => Some((1, true)),
        b' ' => Some((1, false)),
        0xC2 if b.get(i + 1) == Some(&0xA0) => Some((2, false)),
        0xE2 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2)? {
            0x99 => Some((3, true)),
            0xAF | 0x89 => Some((3, false)),
            _ => None,
        },
        _ => None,
    }
}

/// Where the digit group that starts at byte `start` (a digit) ends. It goes on over ".",
/// ",", "'" or "’" before a digit, and over a space before exactly three digits ("40 000")
/// when the digits so far are groups of three after a first of at most three.
fn digits_end(b: &[u8], start: usize) -> usize {
    let is_digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    let mut i = start;
    let (mut digits, mut spaces) = (0, 0);
    loop {
        while is_digit(i) {
            i += 1;
            digits += 1;
        }
        let Some((len, mark)) = group_separator(b, i) else {
            return i;
        };
        let after = i + len;
        let goes_on = if mark {
            is_digit(after)
        } else {
            is_digit(after)
                && is_digit(after + 1)
                && is_digit(after + 2)
                && !is_digit(after + 3)
                && digits <= 3 + 3 * spaces
        };
        if !goes_on {
            return i;
        }
        spaces += usize::from(!mark);
        i = after;
    }
}

/// Cuts `text` into tokens, into `toks` (cleared first): words, digit groups (`digits_end`),
/// and every other character but whitespace as a token of its own.
fn tokens(text: &str, toks: &mut Vec<Tok>) {
    toks.clear();
    let b = text.as_bytes();
    let mut i = 0;
    let mut space = true;
    while i < b.len() {
        let start = i;
        // Most frequent class first.
        let class = CLASS[b[i] as usize];
        let t = if class & LETTER != 0 {
            i = word_end(text, i + 1);
            T::Word
        } else if class & SPACE != 0 {
            space = true;
            i += 1;
            continue;
        } else if class & PUNCT != 0 {
            i += 1;
            T::Sym
        } else if class & DIGIT != 0 {
            i = digits_end(b, i);
            T::Digits
        } else {
            match letter_len(text, i) {
                0 => {
                    let c = text[i..].chars().next().unwrap_or(' ');
                    i += c.len_utf8();
                    if c.is_whitespace() {
                        space = true;
                        continue;
                    }
                    T::Sym
                }
                n => {
                    i = word_end(text, i + n);
                    T::Word
                }
            }
        };
        toks.push(Tok {
            start,
            end: i,
            t,
            space,
        });
        space = false;
    }
}

/// A number read at a token: its value and what shaped it.
#[derive(Clone, Copy, Debug)]
struct Read {
    value: f64,
    /// The token after it.
    next: usize,
    spelled: bool,
    ordinal: bool,
    fraction: bool,
    /// Written with a decimal part ("2,5", "zwei Komma drei").
    decimal: bool,
    /// A bare "ein"/"a": a figure only beside a magnitude, fraction or unit.
    article: bool,
}

struct Reader<'t, 'l> {
    text: &'t str,
    toks: &'t [Tok],
    lex: &'l Lexicon,
    /// The last token looked up in the lists, and what they say of it (`known`).
    last_known: Cell<Option<(usize, &'l Known)>>,
}

impl<'t, 'l> Reader<'t, 'l> {
    fn s(&self, i: usize) -> &'t str {
        match self.toks.get(i) {
            // SAFETY: `tokens` cuts the text only between characters, so every token's span
            // lies on character boundaries inside the text it was cut from, which `text` is.
            Some(t) => unsafe { self.text.get_unchecked(t.start..t.end) },
            None => "",
        }
    }

    fn t(&self, i: usize) -> Option<T> {
        self.toks.get(i).map(|t| t.t)
    }

    fn is_sym(&self, i: usize, s: &str) -> bool {
        self.t(i) == Some(T::Sym) && self.s(i) == s
    }

    /// Token `i` follows the one before without a space.
    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space) && i > 0
    }

    /// Whether the word at `i` is one of `words` (lower-case ASCII), in any case.
    fn word_is(&self, i: usize, words: &[&str]) -> bool {
        self.t(i) == Some(T::Word) && words.iter().any(|w| self.s(i).eq_ignore_ascii_case(w))
    }

    /// The word at `i` in lower case, without allocating for nearly any word.
    fn word_lower(&self, i: usize) -> Option<Lower<'t>> {
        (self.t(i) == Some(T::Word)).then(|| lower(self.s(i)))
    }

    /// What the lists say of token `i`'s text: one lookup for the several questions the
    /// rules ask of the token after a figure.
    fn known(&self, i: usize) -> &'l Known {
        static NOTHING: Known = Known::NOTHING;
        if let Some((at, known)) = self.last_known.get() {
            if at == i {
                return known;
            }
        }
        let known = self.lex.known.get(self.s(i)).unwrap_or(&NOTHING);
        self.last_known.set(Some((i, known)));
        known
    }

    /// An abbreviation at `i` with its period glued to it ("Mio.", "Jan."): the key to look up
    /// and the token after. `None` without a period, or when the word is longer than any key
    /// with a period in the lists: a noun at a sentence's end ("Soldaten.") is no abbreviation,
    /// and is not looked up as one.
    fn period_key(&self, i: usize) -> Option<(&'t str, usize)> {
        let fits = self.s(i).len() < self.lex.abbreviation_len;
        (fits && self.is_sym(i + 1, ".") && self.glued(i + 1))
            // The word and its period are next to each other in the text.
            .then(|| (&self.text[self.toks[i].start..self.toks[i + 1].end], i + 2))
    }

    /// Whether the symbol at `i` can open a figure: a vulgar fraction, or a sign, currency or
    /// decimal point before digits ("-15", "$5", ".08", "-.5"). Most symbols are periods and
    /// commas after words, turned away here.
    fn sym_may_open(&self, i: usize) -> bool {
        let s = self.s(i);
        let digits_next = self.t(i + 1) == Some(T::Digits);
        match s {
            "-" | "−" => digits_next || matches!(self.s(i + 1), "." | ","),
            "$" | "€" | "£" => digits_next,
            "." | "," => self.leading_point(i, false),
            _ => vulgar_fraction(s).is_some(),
        }
    }

    /// A leading decimal point at `at` (".08", ",5"): it touches its digits and stands apart
    /// from the word before, unless a sign comes first ("-.5"); not the period that ends a
    /// sentence before a figure.
    fn leading_point(&self, at: usize, after_sign: bool) -> bool {
        matches!(self.s(at), "." | ",")
            && self.t(at + 1) == Some(T::Digits)
            && self.glued(at + 1)
            && (self.toks[at].space || at == 0 || after_sign)
    }

    /// The figure that starts at token `i`, and the token after it. The caller has turned
    /// away the tokens that cannot open one (`may_open`, `sym_may_open`).
    fn figure(&self, i: usize) -> Option<(Figure, usize)> {
        let tok = self.toks[i];
        if tok.t == T::Sym {
            if let Some(v) = vulgar_fraction(self.s(i)) {
                let fig = Figure {
                    span: tok.start..tok.end,
                    value: Value::Number(v),
                    kind: Kind::Fraction,
                    unit: self.unit_after(i + 1).map(|(u, _)| u),
                    qualifier: self.hedge_before(i),
                };
                return Some((fig, i + 1));
            }
        }
        if let Some(found) = self.date_or_time(i) {
            return Some(found);
        }
        // A currency sign before: "$5 billion", "€ 300".
        let mut currency: Option<String> = None;
        let mut at = i;
        if tok.t == T::Sym || (tok.t == T::Word && self.s(i) == "US") {
            let (key, after) = if self.s(i) == "US" && self.is_sym(i + 1, "$") {
                ("US$", i + 2)
            } else {
                (self.s(i), i + 1)
            };
            if let Some(unit) = self.lex.currencies.get(key) {
                if self.t(after) == Some(T::Digits) {
                    currency = Some(unit.clone());
                    at = after;
                }
            }
        }
        // A sign: "-15", "minus 15".
        let mut negative = false;
        if currency.is_none() {
            let w = if self.s(i).starts_with(['m', 'M', 'n', 'N']) {
                self.word_lower(i)
            } else {
                None
            };
            let sign = matches!(self.s(i), "-" | "−")
                && (self.t(i + 1) == Some(T::Digits) || matches!(self.s(i + 1), "." | ","))
                && self.glued(i + 1)
                && (tok.space || i == 0);
            let sign_word = matches!(w.as_deref(), Some("minus" | "negativ" | "negative"))
                && self.number(i + 1).is_some();
            if sign || sign_word {
                negative = true;
                at = i + 1;
            } else if tok.t == T::Sym && !matches!(self.s(i), "." | ",") {
                return None;
            }
        }
        let leading =
            self.leading_point(at, negative) && self.s(at + 1).bytes().all(|b| b.is_ascii_digit());
        let mut read = if leading {
            let digits = self.s(at + 1);
            Read {
                value: format!("0.{digits}").parse().ok()?,
                next: at + 2,
                spelled: false,
                ordinal: false,
                fraction: false,
                decimal: true,
                article: false,
            }
        } else {
            self.number(at)?
        };
        if read.article && !self.counts_article(read.next) {
            return None;
        }
        // "the one you mentioned", "no one": a pronoun.
        if read.next == at + 1
            && self.s(at).eq_ignore_ascii_case("one")
            && at > 0
            && self
                .word_lower(at - 1)
                .is_some_and(|w| self.lex.pronoun_before.contains(w.as_ref()))
            && !self.counts_article(read.next)
        {
            return None;
        }
        let mut value = if negative { -read.value } else { read.value };
        let mut next = read.next;
        // A magnitude: "1,6 Millionen", "5 Mrd.", "3.2bn".
        // "half a million", "half a dozen"
        let article_magnitude = || {
            (read.fraction && self.word_is(next, &["a", "an"]))
                .then(|| self.magnitude(next + 1))
                .flatten()
        };
        let magnitude = self.magnitude(next).or_else(article_magnitude);
        if let Some((factor, after)) = magnitude {
            value *= factor;
            next = after;
            // Spelled numbers go on after a magnitude: "zwei Millionen dreihunderttausend",
            // "zwei Billiarden siebzig Billionen neunzig Milliarden".
            let mut factor = factor;
            // "4 thousand 3 hundred and 21" goes on too, after a magnitude word.
            let word_magnitude = self.t(next - 1) == Some(T::Word) && factor >= 100.0;
            let goes_on = read.spelled || word_magnitude;
            loop {
                if !goes_on {
                    break;
                }
                let mut at_more = next;
                if self.word_is(next, &["and", "und"]) {
                    at_more += 1;
                }
                let Some(more) = self
                    .number(at_more)
                    .filter(|m| (m.spelled || word_magnitude) && !m.article && !m.ordinal)
                else {
                    break;
                };
                match self.magnitude(more.next) {
                    Some((f, after)) if f < factor && more.value < 1000.0 => {
                        value += more.value * f;
                        factor = f;
                        next = after;
                    }
                    _ if more.value < factor => {
                        value += more.value;
                        next = more.next;
                        break;
                    }
                    _ => break,
                }
            }
        }
        // A fraction word after a count: "zwei Drittel", "three quarters", "eine halbe Million".
        if let Some(part) = self.fraction_word(next) {
            if !read.decimal {
                value *= part;
                read.fraction = true;
                next += 1;
                // "eine halbe Million", "two thirds of a million"
                let of = if self.word_is(next, &["of"]) && self.word_is(next + 1, &["a"]) {
                    next + 2
                } else {
                    next
                };
                if let Some((factor, after)) = self.magnitude(of) {
                    value *= factor;
                    next = after;
                }
            }
        }
        // "one and a half", "twenty and three fifths", "3 million and a quarter": a whole and
        // a fraction (of the whole's magnitude, or of the one after it).
        if !read.ordinal && self.word_is(next, &["and", "und"]) {
            // The whole's magnitude, written after the digits or as the last of its words.
            let whole = magnitude.map(|(m, _)| m).or_else(|| {
                (read.spelled && next > 0)
                    .then(|| self.lex.magnitudes.get(self.s(next - 1)))
                    .flatten()
                    .copied()
                    .filter(|&m| m >= 1000.0)
            });
            if let Some(part) = self.number(next + 1) {
                if let Some(f) = self.fraction_word(part.next) {
                    let mut frac = part.value * f;
                    read.fraction = true;
                    next = part.next + 1;
                    match self.magnitude(next) {
                        // "one billion and a half million"
                        Some((factor, after)) if whole.is_some() => {
                            frac *= factor;
                            next = after;
                        }
                        // "fünf und drei Viertel Milliarden"
                        Some((factor, after)) => {
                            value *= factor;
                            frac *= factor;
                            next = after;
                        }
                        None => frac *= whole.unwrap_or(1.0),
                    }
                    value += frac;
                }
            }
        }
        // "three twenty-fifths", "one twenty-first": a count of parts named by an ordinal.
        if self.lex.lang == Lang::En
            && !(read.ordinal || read.fraction || read.decimal || read.article)
            && magnitude.is_none()
        {
            if let Some(den) = self.number(next).filter(|d| {
                d.ordinal
                    && d.spelled
                    && d.value >= 3.0
                    && (self.s(d.next - 1).ends_with('s') || (value == 1.0 && read.spelled))
            }) {
                value /= den.value;
                read.fraction = true;
                next = den.next;
            }
        }
        // "one over three", "1 in 21", "one out of three": a quotient.
        let (quotient, den_at) = if self.word_is(next, &["over", "in"]) {
            (true, next + 1)
        } else if self.word_is(next, &["out"]) && self.word_is(next + 1, &["of"]) {
            (true, next + 2)
        } else {
            (false, next)
        };
        if quotient && !read.ordinal && magnitude.is_none() {
            let over = self.word_is(next, &["over"]);
            if let Some(den) = self.number(den_at).filter(|d| {
                !d.article
                    && !d.ordinal
                    && d.value != 0.0
                    && (over || (d.value > value && d.value <= 1000.0))
            }) {
                value /= den.value;
                read.fraction = true;
                next = den.next;
            }
        }
        // "one-eighth", "five - eighths"
        if !read.ordinal && matches!(self.s(next), "-" | "–") {
            if let Some(part) = self.fraction_word(next + 1) {
                value *= part;
                read.fraction = true;
                next += 2;
            }
        }
        let mut kind = if read.ordinal {
            Kind::Ordinal
        } else if read.fraction {
            Kind::Fraction
        } else if !is_whole(value) || (read.decimal && magnitude.is_none()) {
            Kind::Decimal
        } else {
            Kind::Cardinal
        };
        let mut fig_value = Value::Number(value);
        // A range: "10.000 bis 12.000", "zwei bis drei", "between 10,000 and 12,000".
        if !read.ordinal {
            if let Some((hi, hi_mag, after)) = self
                .range_end(i, next)
                .filter(|&(hi, m, _)| hi > value * if magnitude.is_none() { m } else { 1.0 })
            {
                let lo = if magnitude.is_none() {
                    value * hi_mag
                } else {
                    value
                };
                fig_value = Value::Range(Some(lo), Some(hi));
                kind = Kind::Range;
                next = after;
            }
        }
        // A percent: "30 Prozent", "1,9%", "15 percentage points".
        let mut unit = None;
        if let Some(after) = self.percent(next) {
            next = after;
            if kind != Kind::Range {
                kind = Kind::Percent;
            }
        } else if let Some((reported, after)) = self.currency_after(next) {
            currency = currency.or(Some(reported));
            next = after;
        }
        if let Some(c) = currency {
            if kind != Kind::Range {
                kind = Kind::Money;
            }
            unit = Some(c);
        } else if matches!(
            kind,
            Kind::Cardinal | Kind::Decimal | Kind::Range | Kind::Fraction
        ) || (kind == Kind::Ordinal && self.lex.lang == Lang::De)
        {
            if let Some((u, measure)) = self.unit_after(next) {
                if measure && kind != Kind::Range {
                    kind = Kind::Measure;
                }
                unit = Some(u);
            }
        }
        // A year: four digits, 1000-2100, counting nothing.
        if kind == Kind::Cardinal
            && unit.is_none()
            && !read.spelled
            && magnitude.is_none()
            && !negative
            && self.t(at) == Some(T::Digits)
            && self.s(at).len() == 4
            && (1000.0..=2100.0).contains(&value)
        {
            kind = Kind::Year;
        }
        let span_start = tok.start;
        let span_end = self.toks[next - 1].end;
        let qualifier = self.hedge_before(i);
        // "equal to 20" is the range [20, 20].
        if let (Some("equal to" | "equals" | "equals to" | "equaling to"), Value::Number(v)) =
            (qualifier.as_deref(), &fig_value)
        {
            fig_value = Value::Range(Some(*v), Some(*v));
            kind = Kind::Range;
        }
        Some((
            Figure {
                span: span_start..span_end,
                value: fig_value,
                kind,
                unit,
                qualifier,
            },
            next,
        ))
    }
}

mod rules;

/// "more than 10 and less than 20", "at most 100 and at least 20": two bounded figures joined
/// by "and", "but" or a comma are one range.
fn bounded_ranges(text: &str, lex: &Lexicon, figures: &mut Vec<Figure>) {
    let mut k = 1;
    while k < figures.len() {
        let (a, b) = (&figures[k - 1], &figures[k]);
        let bound = |f: &Figure| {
            f.qualifier
                .as_deref()
                .and_then(|q| lex.bounds.get(q).copied())
        };
        let (Some(ua), Some(ub)) = (bound(a), bound(b)) else {
            k += 1;
            continue;
        };
        let (Value::Number(va), Value::Number(vb)) = (&a.value, &b.value) else {
            k += 1;
            continue;
        };
        let between = text[a.span.end..b.span.start].to_lowercase();
        let hedge = b.qualifier.as_deref().unwrap_or("");
        let joint = between.trim_end().strip_suffix(hedge).unwrap_or(&between);
        let joined = matches!(
            joint.trim().trim_start_matches(',').trim(),
            "and" | "but" | "und" | "aber" | "" | "or" | "oder"
        );
        let (lo, hi) = if ua { (*vb, *va) } else { (*va, *vb) };
        if ua == ub || !joined || lo >= hi {
            k += 1;
            continue;
        }
        let merged = Figure {
            span: a.span.start..b.span.end,
            value: Value::Range(Some(lo), Some(hi)),
            kind: Kind::Range,
            unit: b.unit.clone().or(a.unit.clone()),
            qualifier: None,
        };
        figures[k - 1] = merged;
        figures.remove(k);
    }
}

/// "½", "¾": the Unicode vulgar fractions.
fn vulgar_fraction(s: &str) -> Option<f64> {
    Some(match s {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        _ => return None,
    })
}

#[cfg(test)]
mod tests;
