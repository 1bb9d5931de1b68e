//! What a text is compared by: its normalised key (the words, folded), and the facts the guards
//! check (figures, negations, names), all read from the text once.

use std::borrow::Cow;
use std::sync::OnceLock;

use korpus_core::lexicon::{lower, WordMap, WordSet};
use numbers::spelled::{Spelled, Spelling};
use rustc_hash::FxHashSet;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};
use xxhash_rust::xxh3::xxh3_64;

/// Appends the normalised key of `text` to `out`: NFKC, soft hyphens and zero-width characters
/// removed, lower case, the words (runs of letters, digits and `_`) joined by one space. Quote,
/// dash and punctuation variants, spacing, line breaks and case fold away; nothing else does.
pub fn key(text: &str, out: &mut String) {
    // (written as bytes, and taken back as a String once: what is written is whole characters)
    let mut buf = std::mem::take(out).into_bytes();
    buf.clear();
    // NFKC is the identity on ASCII and on most other text, which a quick check of each
    // character that is not ASCII tells as the words are read.
    if !words_of_nfkc(text, &mut buf) {
        buf.clear();
        words_into(text.nfkc(), &mut buf);
    }
    *out = String::from_utf8(buf)
        .unwrap_or_else(|bad| String::from_utf8_lossy(bad.as_bytes()).into_owned());
}

/// `key` with each "ß" as "ss", written through `spare` (the two buffers swap): no allocation
/// once both have grown to a key's length.
pub fn sharp_s_as_ss(key: &mut String, spare: &mut String) {
    if !key.contains('ß') {
        return;
    }
    spare.clear();
    for (i, part) in key.split('ß').enumerate() {
        if i > 0 {
            spare.push_str("ss");
        }
        spare.push_str(part);
    }
    std::mem::swap(key, spare);
}

/// The characters at either end of a key that a slip ([`crate::SLIP`]) must leave alone.
pub const ENDS: usize = 4;

/// A hash of the first and the last [`ENDS`] characters of a key (see [`key`]), never 0.
pub fn ends(key: &str) -> u32 {
    let first = key.char_indices().nth(ENDS).map_or(key.len(), |(i, _)| i);
    let last = key.char_indices().rev().nth(ENDS - 1).map_or(0, |(i, _)| i);
    let h = xxh3_64(&key.as_bytes()[..first]) ^ xxh3_64(&key.as_bytes()[last..]).rotate_left(32);
    (h as u32) | 1
}

/// How a statement closes: asking ("…verabschiedet?"), telling ("…verabschiedet."), or not
/// told (no mark at its end, as in a heading). A question made of a statement asks what the
/// statement claims: another statement, however alike their words.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(u8)]
pub enum Mood {
    #[default]
    Open = 0,
    Tells = 1,
    Asks = 2,
}

impl Mood {
    /// The mood of a text: by the marks at its end, behind closing quotes and brackets. A "?"
    /// among its last three characters asks ("?", "?!", and "?" with a character typed after
    /// it); an ellipsis trails off; another full stop or "!" tells.
    pub fn of(text: &str) -> Mood {
        let closing = |c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '"' | '\''
                        | '\u{201c}'
                        | '\u{201d}'
                        | '\u{2018}'
                        | '\u{2019}'
                        | '\u{00bb}'
                        | '\u{00ab}'
                        | '\u{203a}'
                        | '\u{2039}'
                        | ')'
                        | ']'
                )
        };
        let text = text.trim_end_matches(closing);
        if text.chars().rev().take(3).any(|c| c == '?') {
            return Mood::Asks;
        }
        let marks = text.len() - text.trim_end_matches(['.', '!', '\u{2026}']).len();
        match &text[text.len() - marks..] {
            "" => Mood::Open,
            m if m.contains('\u{2026}') || (m.len() >= 3 && !m.contains('!')) => Mood::Open,
            _ => Mood::Tells,
        }
    }

    pub fn from_u8(b: u8) -> Option<Mood> {
        match b {
            0 => Some(Mood::Open),
            1 => Some(Mood::Tells),
            2 => Some(Mood::Asks),
            _ => None,
        }
    }

    /// Does one ask what the other tells? A text with no mark at its end is neither.
    pub fn differs(self, other: Mood) -> bool {
        self != Mood::Open && other != Mood::Open && self != other
    }
}

/// [`words_into`] of a text if it is in NFKC by the quick check (Unicode's NFKC_QC and
/// canonical order), reading ASCII a byte at a time (most of news is); `false`, with `out`
/// half written, if it may not be.
fn words_of_nfkc(text: &str, out: &mut Vec<u8>) -> bool {
    let bytes = text.as_bytes();
    let mut in_word = false;
    // The combining class of the last character: ASCII's is 0.
    let mut last_class = 0;
    let mut i = 0;
    while i < bytes.len() {
        // A run of ASCII, with no branch a byte (a processor cannot foretell where words end):
        // each byte is written, a word's in lower case and any other as a space, and the write
        // is kept when it is a word's, or the first after a word.
        let run = bytes[i..]
            .iter()
            .position(|b| !b.is_ascii())
            .map_or(bytes.len(), |n| i + n);
        if run > i {
            let mut n = out.len();
            out.resize(n + (run - i), 0);
            for &b in &bytes[i..run] {
                let lower = ASCII_WORD[usize::from(b)];
                let word = lower != 0;
                out[n] = if word { lower } else { b' ' };
                n += usize::from(word | in_word);
                in_word = word;
            }
            out.truncate(n);
            last_class = 0;
            i = run;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or_default();
        let class = canonical_combining_class(c);
        if (class != 0 && last_class > class)
            || is_nfkc_quick(std::iter::once(c)) != IsNormalized::Yes
        {
            return false;
        }
        last_class = class;
        word_char(c, out, &mut in_word);
        i += c.len_utf8();
    }
    end_words(out);
    true
}

/// The words end: no space after the last.
fn end_words(out: &mut Vec<u8>) {
    if out.last() == Some(&b' ') {
        out.pop();
    }
}

/// An ASCII byte of a word ([`is_word_char`]) in lower case, or 0 for any other byte.
static ASCII_WORD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() || c == b'_' {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

fn words_into(chars: impl Iterator<Item = char>, out: &mut Vec<u8>) {
    let mut in_word = false;
    for c in chars {
        word_char(c, out, &mut in_word);
    }
    end_words(out);
}

/// One character onto the words in `out` (UTF-8); `in_word` says whether the last one was in a
/// word. A word's characters are written in lower case, and the first character after a word
/// as the space between it and the next ([`end_words`] takes back one after the last).
#[inline]
fn word_char(c: char, out: &mut Vec<u8>, in_word: &mut bool) {
    if is_invisible(c) {
        return;
    }
    if is_word_char(c) {
        *in_word = true;
        let mut utf8 = [0; 4];
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase() as u8);
        } else {
            for l in c.to_lowercase() {
                out.extend_from_slice(l.encode_utf8(&mut utf8).as_bytes());
            }
        }
    } else {
        if *in_word {
            out.push(b' ');
        }
        *in_word = false;
    }
}

/// A character of a word, as Python's `\w` has it: letters, digits, numerals and `_`.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphanumeric()
    }
}

/// A character a text can have inside a word that is no part of it: a soft hyphen, a
/// zero-width space or joiner, a word joiner, a byte order mark. The key drops them.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

/// Of a character inside a word, whether the word's form is not the key's: an invisible
/// character ([`is_invisible`]), or a combining mark (NFD's "o\u{308}" for "ö").
fn is_unkeyed(c: char) -> bool {
    // (the letters of Latin-1 and Latin Extended-A, most of what is not ASCII, are neither,
    // nor the quotes and dashes of General Punctuation but its zero-width characters)
    match c {
        '\u{ad}' | '\u{feff}' => true,
        '\0'..='\u{2ff}' => false,
        '\u{2000}'..='\u{206f}' => is_invisible(c),
        _ => canonical_combining_class(c) != 0,
    }
}

/// A word as the key has it, before case: in NFC, without invisible characters.
fn keyed(word: &str) -> Cow<'_, str> {
    if word.is_ascii() || !word.chars().any(is_unkeyed) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.chars().filter(|&c| !is_invisible(c)).nfc().collect())
    }
}

/// The end of the word (see [`is_word_char`]; with the characters of [`is_unkeyed`] inside
/// it) that goes on at byte `i` of `text` (a character boundary): a run of ASCII is read a
/// byte at a time, a character decoded only where the text is not ASCII.
#[inline]
fn word_end(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    loop {
        // (0 for a byte that is not ASCII too)
        while b.get(i).is_some_and(|&c| ASCII_WORD[usize::from(c)] != 0) {
            i += 1;
        }
        if b.get(i).is_some_and(|c| !c.is_ascii()) {
            let inside = |c: char| is_word_char(c) || is_unkeyed(c);
            if let Some(c) = text[i..].chars().next().filter(|&c| inside(c)) {
                i += c.len_utf8();
                continue;
            }
        }
        return i;
    }
}

/// How far from its end a text's site name ([`Words::site_name`]) is looked for, in bytes.
const SITE_NAME_BYTES: usize = 96;

/// The lexicons the guards read.
#[derive(Debug)]
pub struct Words {
    /// The negations, the words of a direction and of how many times: one lookup a word of
    /// the key.
    guarded: WordMap<Guarded>,
    agencies: WordSet,
    /// How a paper's or a site's name ends ([`Words::site_name`]).
    press: Vec<&'static str>,
    spelling: Spelling,
    /// The units a sign writes too, which are no names ([`Words::is_unit`]).
    units: [Name; 2],
}

/// What a word of [`Words::guarded`] is.
#[derive(Clone, Copy, Debug)]
enum Guarded {
    Negation,
    /// One side of a pair of opposites, as a figure ([`Kind::Direction`]), or a word of how
    /// many times that no number word makes ("doppelt", "twice"), as a figure too.
    Figure(Figure),
}

impl Default for Words {
    fn default() -> Self {
        Self::new()
    }
}

/// The words of a list, and of its words of five letters or more each with two neighbouring
/// letters swapped, the commonest slip of the keyboard ("nciht", "nevre"): a negation mistyped
/// is still one. (No such slip of these words is another word; of shorter ones it can be: "no"
/// and "on".)
fn with_swaps(file: &'static str) -> WordSet {
    let mut words: Vec<String> = Vec::new();
    for w in korpus_core::lexicon::entries(file) {
        let chars: Vec<char> = w.chars().collect();
        if chars.len() >= 5 {
            for i in 0..chars.len() - 1 {
                let mut swapped = chars.clone();
                swapped.swap(i, i + 1);
                words.push(swapped.into_iter().collect());
            }
        }
        words.push(w.to_string());
    }
    words.into_iter().collect()
}

fn entries(file: &'static str) -> WordSet {
    korpus_core::lexicon::entries(file).collect()
}

/// The words [`Words::guarded`] knows: the negations (with their slips), the pairs of
/// opposites (`data/directions.txt`: a pair a line, its sides parted by "|"; each word as its
/// pair's number and side, with "ß" as "ss" as the key has it), and the words of how many
/// times (`data/multiples.txt`: a number, then its words), words that are a figure
/// (`data/figure_words.txt`: "torlos", the same), the currencies (`data/currencies.txt`) and
/// the months and days of the week (`data/calendar.txt`): one a line, each a figure.
fn guarded() -> WordMap<Guarded> {
    let mut guarded = WordMap::default();
    let lines = |file| korpus_core::lexicon::entries(file);
    for (pair, line) in lines(include_str!("../data/directions.txt")).enumerate() {
        for (side, part) in line.split('|').enumerate() {
            let figure = Figure {
                hash: xxh3_64(format!("direction {pair} {side}").as_bytes()) as u32,
                kind: Kind::Direction,
            };
            for w in part.split_whitespace() {
                guarded.insert(w.replace('ß', "ss"), Guarded::Figure(figure));
            }
        }
    }
    // (a number, then its words: each word that number)
    let mut numbered = |file: &'static str, what: fn(f64) -> Spelled| {
        for line in lines(file) {
            let (n, words) = line.split_once(' ').unwrap_or((line, ""));
            let n: f64 = n.parse().expect("a number first");
            let figure = Figure::spelled(what(n));
            for w in words.split_whitespace() {
                guarded.insert(w.to_string(), Guarded::Figure(figure));
            }
        }
    };
    numbered(include_str!("../data/multiples.txt"), Spelled::Times);
    numbered(include_str!("../data/figure_words.txt"), Spelled::Number);
    let currencies = lines(include_str!("../data/currencies.txt")).map(|l| ("currency", l));
    let calendar = include_str!("../data/calendar.txt");
    let parts: Vec<&str> = lines(calendar)
        .filter_map(|l| l.strip_prefix("+ "))
        .flat_map(str::split_whitespace)
        .collect();
    let dates = lines(calendar)
        .filter(|l| !l.starts_with('+'))
        .map(|l| ("calendar", l));
    // (a figure a line: its words that figure)
    for (n, (what, line)) in currencies.enumerate().chain(dates.enumerate()) {
        let figure = Figure {
            hash: xxh3_64(format!("{what} {n}").as_bytes()) as u32,
            kind: Kind::Spelled,
        };
        for w in line.split_whitespace() {
            guarded.insert(w.to_string(), Guarded::Figure(figure));
            // (a German day, "…tag", "mittwoch", "sonnabend", with a part of it)
            if what == "calendar" && (w.ends_with("tag") || w.ends_with("woch") || w == "sonnabend")
            {
                for part in &parts {
                    guarded.insert(format!("{w}{part}"), Guarded::Figure(figure));
                }
            }
        }
    }
    // (last: a negation is a negation)
    for w in &with_swaps(include_str!("../data/negations.txt")) {
        guarded.insert(w.to_string(), Guarded::Negation);
    }
    guarded
}

impl Words {
    pub fn new() -> Self {
        Words {
            guarded: guarded(),
            agencies: entries(include_str!("../data/agencies.txt")),
            press: korpus_core::lexicon::entries(include_str!("../data/press.txt")).collect(),
            spelling: Spelling::new(),
            units: [Name::of("prozent"), Name::of("euro")],
        }
    }

    /// Is a word (a capitalised one, see [`Words::names`]) a unit that a sign writes too,
    /// mistyped or not: "Prozent" is "%" ([`signs_as_words`]), and so no name.
    fn is_unit(&self, name: &Name) -> bool {
        self.units
            .iter()
            .any(|u| u.hash == name.hash || u.typo_of(name))
    }

    /// How many negations the key (see [`key`]) holds ("n't", `isn t`, counts as one), with
    /// its number words added to `figures` (which stay sorted): "drei" is the figure "3", so that "drei Tote" and "vier Tote" differ as "3
    /// Tote" and "4 Tote" do, and "drei Tote" and "3 Tote" do not; "Millionen" and
    /// "Milliarden", "Drittel" and "Viertel" are figures of their own; and "ein", "a" are "1".
    pub fn negations_and_figures(&self, key: &str, figures: &mut Vec<Figure>) -> u32 {
        let before = figures.len();
        let n = self.read_key(key, figures);
        if figures.len() > before {
            figures.sort_unstable();
        }
        n
    }

    fn read_key(&self, key: &str, figures: &mut Vec<Figure>) -> u32 {
        let mut n = 0;
        let mut prev = "";
        // (split on bytes: the words of a key are short, and a space is one byte)
        for w in key.split_ascii_whitespace() {
            match self.guarded.get(w) {
                Some(Guarded::Negation) => n += 1,
                Some(&Guarded::Figure(f)) => figures.push(f),
                None => n += u32::from(w == "t" && prev.ends_with('n')),
            }
            // The indefinite article is the number one: "eine Stunde mehr" is not "zwei
            // Stunden mehr", nor "ein Drittel" "zwei Drittel", nor "a million" "two million".
            // (A copy has the same articles.)
            if let Some(s) = self.spelling.read_figure(w) {
                figures.push(Figure::spelled(s));
            }
            prev = w;
        }
        n
    }

    /// `text` without its agencies' credits: each group in parentheses of agency names alone
    /// ("(dpa)", "(AFP/Reuters)", "(dpa-AFX)", "(dpa/lnw)"), with the spaces before it; and a
    /// credit that opens the text with the dateline before it and the dash after it ("BERLIN
    /// (dpa) - ", "Washington, 3. März (AFP) – "); and a picture credit that closes it ("Foto:
    /// dpa", see [`picture_credit`]) or a site's name that closes a headline ([`Words::site_name`]);
    /// unchanged if that leaves no word. A wire story re-run with another credit or dateline,
    /// or none, says the same thing.
    pub fn drop_credits<'t>(&self, text: Cow<'t, str>) -> Cow<'t, str> {
        let text = match picture_credit(&text).or_else(|| self.site_name(&text)) {
            Some(at) => {
                let end = text[..at].trim_end().len();
                match text {
                    Cow::Borrowed(t) => Cow::Borrowed(&t[..end]),
                    Cow::Owned(mut t) => {
                        t.truncate(end);
                        Cow::Owned(t)
                    }
                }
            }
            None => text,
        };
        if !text.contains('(') {
            return text;
        }
        // (a credit alone, or a dateline and a credit, is what the text says)
        let word = |t: &String| t.chars().any(char::is_alphanumeric);
        match self.credits_dropped(&text, true).filter(word) {
            Some(out) => Cow::Owned(out),
            None => match self.credits_dropped(&text, false).filter(word) {
                Some(out) => Cow::Owned(out),
                None => text,
            },
        }
    }

    /// Where a site's name that closes a text of one line starts: after a dash or a bar, up to
    /// four capitalised words (or an address, "tagesschau.de") of which one ends as a paper's
    /// name does (`data/press.txt`: "Ostermoorer Anzeiger", "Harbor Daily News"), after at
    /// least two words of the text's own.
    pub fn site_name(&self, text: &str) -> Option<usize> {
        let t = text.trim_end();
        // (the last separator, looked for in the last bytes only, where a name of four words
        // lies: a search of the whole text for each costs a tenth of a run)
        let mut from = t.len().saturating_sub(SITE_NAME_BYTES);
        while !t.is_char_boundary(from) {
            from += 1;
        }
        // (" - ", " | ", or an en or em dash, E2 80 93 or 94, between spaces)
        let b = t.as_bytes();
        let byte = |i: usize| b.get(i).copied();
        let (at, sep) = memchr::memrchr3_iter(b'-', b'|', 0x80, &b[from..]).find_map(|i| {
            let i = from + i;
            match b[i] {
                0x80 if i >= 2
                    && byte(i - 1) == Some(0xE2)
                    && matches!(byte(i + 1), Some(0x93 | 0x94)) =>
                {
                    (byte(i - 2) == Some(b' ') && byte(i + 2) == Some(b' ')).then_some((i - 2, 5))
                }
                b'-' | b'|' if i >= 1 => {
                    (byte(i - 1) == Some(b' ') && byte(i + 1) == Some(b' ')).then_some((i - 1, 3))
                }
                _ => None,
            }
        })?;
        if memchr::memchr(b'\n', t.as_bytes()).is_some() {
            return None;
        }
        let name: Vec<&str> = t[at + sep..].split_whitespace().collect();
        // (two words of its own at least)
        let own = t[..at].split_whitespace().nth(1).is_some();
        let capital = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
        let address = |w: &&str| {
            // (a host's name, not a page's address: "tagesschau.de", not "….net/a.htm")
            w.rsplit_once('.').is_some_and(|(host, top)| {
                !host.is_empty()
                    && host
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
                    && (2..=3).contains(&top.len())
                    && top.bytes().all(|b| b.is_ascii_lowercase())
            })
        };
        let press = |w: &&str| {
            let w = lower(w);
            self.press.iter().any(|p| w.ends_with(p))
        };
        let site = own
            && (1..=4).contains(&name.len())
            && (name.len() == 1 && address(&name[0])
                || name.iter().all(|w| capital(w) || address(w)) && name.iter().any(press));
        site.then_some(at)
    }

    /// [`Words::drop_credits`], with the dateline or without; `None` if there is no credit.
    fn credits_dropped(&self, text: &str, dateline: bool) -> Option<String> {
        let mut out = String::new();
        let mut from = 0;
        let mut search = 0;
        while let Some(open) = text[search..].find('(').map(|i| search + i) {
            search = open + 1;
            let Some(close) = text[open..].find(')').map(|i| open + i) else {
                break;
            };
            let inside = &text[open + 1..close];
            let mut names = inside
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .peekable();
            let credit = inside.len() <= 40
                && names.peek().is_some()
                && names.all(|w| self.agencies.contains(&lower(w)));
            if !credit {
                continue;
            }
            if dateline && from == 0 {
                let after = text[close + 1..].trim_start();
                let dashed = after.strip_prefix(['-', '\u{2013}', '\u{2014}', ':']);
                if is_dateline(&text[..open], dashed.is_some()) {
                    let rest = dashed.map_or(after, str::trim_start);
                    from = text.len() - rest.len();
                    search = from;
                    continue;
                }
            }
            out.push_str(text[from..open].trim_end());
            from = close + 1;
            search = from;
        }
        if from == 0 {
            return None;
        }
        out.push_str(&text[from..]);
        Some(out)
    }

    /// The capitalised words inside the sentences of `text` (not the first word of a sentence,
    /// not an agency's credit): the names a statement is about or attributed to. The text is
    /// read a byte at a time where it is ASCII, the bulk of it; a character is decoded only
    /// where it is not, and a word lower-cased only when it is a name.
    ///
    /// Gives the order of the names in each sentence ([`names_reordered`]): a hash of each
    /// name with the one before it in its sentence, summed (so that sentences may change
    /// places); 0 for no such pair.
    pub fn names(&self, text: &str, out: &mut Vec<Name>) -> u32 {
        out.clear();
        let b = text.as_bytes();
        let mut sentence_start = true;
        let (mut order, mut last) = (0u32, None);
        let mut i = 0;
        while let Some(&c) = b.get(i) {
            // Between words: what ends a sentence (all ASCII), or the start of the next word.
            if c.is_ascii() {
                if ASCII_WORD[usize::from(c)] == 0 {
                    if matches!(c, b'.' | b'!' | b'?' | b':' | b'\n') {
                        sentence_start = true;
                        last = None;
                    }
                    i += 1;
                    continue;
                }
            } else {
                let c = text[i..].chars().next().unwrap_or_default();
                if !is_word_char(c) {
                    i += c.len_utf8();
                    continue;
                }
            }
            let start = i;
            i = word_end(text, i);
            // (most words start in lower case, or a sentence)
            if sentence_start || c.is_ascii_lowercase() || c.is_ascii_digit() {
                sentence_start = false;
                continue;
            }
            // (a word with a soft hyphen, a zero-width space or a combining mark in it is read
            // as the key reads it: "Schä\u{ad}fer" and "Scha\u{308}fer" are "Schäfer")
            let word = keyed(&text[start..i]);
            let name = if word.is_ascii() {
                word.len() >= 2 && c.is_ascii_uppercase()
            } else {
                word.chars().next().is_some_and(char::is_uppercase) && word.chars().nth(1).is_some()
            };
            if name {
                let lower = lower(&word);
                if !self.agencies.contains(&lower) {
                    let name = Name::of(&lower);
                    if !self.is_unit(&name) {
                        if let Some(before) = last.filter(|&h| h != name.hash) {
                            order = order.wrapping_add(pair(before, name.hash));
                        }
                        last = Some(name.hash);
                        out.push(name);
                    }
                }
            }
            sentence_start = false;
        }
        out.sort_unstable();
        out.dedup();
        order
    }
}

/// `text` with the signs of per cent and of the euro as the words ("18 %" is "18 Prozent",
/// "4.1%" "4.1 percent", "5 €" "5 Euro"), which the key, of words, would otherwise leave out:
/// "Prozent" in a German text (one with a German letter or article), else "percent".
/// Unchanged (borrowed) when it has neither sign.
pub fn signs_as_words(text: &str) -> Cow<'_, str> {
    // (by memchr: std's search for a character that is not ASCII sets up a search for a string)
    static EURO: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    let euro = EURO.get_or_init(|| memchr::memmem::Finder::new("\u{20ac}"));
    if memchr::memchr(b'%', text.as_bytes()).is_none() && euro.find(text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    let german = text.contains(['ä', 'ö', 'ü', 'ß', 'Ä', 'Ö', 'Ü'])
        || [" der ", " die ", " das ", " und ", " den "]
            .iter()
            .any(|w| text.contains(w));
    let percent = if german { " Prozent " } else { " percent " };
    Cow::Owned(text.replace('%', percent).replace('\u{20ac}', " Euro "))
}

/// `key` with the British "per cent" as "percent", as [`signs_as_words`] writes the sign.
/// Written through `spare` (the two swap), as [`sharp_s_as_ss`].
pub fn per_cent_as_percent(key: &mut String, spare: &mut String) {
    static FINDER: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    let finder = FINDER.get_or_init(|| memchr::memmem::Finder::new("per cent"));
    if finder.find(key.as_bytes()).is_none() {
        return;
    }
    spare.clear();
    let mut words = key.split(' ').peekable();
    while let Some(w) = words.next() {
        if !spare.is_empty() {
            spare.push(' ');
        }
        if w == "per" && words.peek() == Some(&"cent") {
            words.next();
            spare.push_str("percent");
        } else {
            spare.push_str(w);
        }
    }
    std::mem::swap(key, spare);
}

/// `text` without the HTML tags a scraper left in it ("<p class=\"lead\">", "</p>", "<br/>",
/// "<!-- -->"): a "<", maybe "/", a tag's name (letters and digits) and then a space, "/" or
/// ">", up to the next ">" on the line (at most 300 bytes on); each put as a space. Not an
/// address in brackets ("<name@example.org>", "<https://…>"). Unchanged (borrowed) when there
/// is none.
pub fn drop_tags(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    let tag_end = |open: usize| -> Option<usize> {
        let mut i = open + 1;
        if b.get(i) != Some(&b'!') {
            i += usize::from(b.get(i) == Some(&b'/'));
            if !b.get(i)?.is_ascii_alphabetic() {
                return None;
            }
            while b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                i += 1;
            }
            if !matches!(b.get(i)?, b' ' | b'\t' | b'/' | b'>') {
                return None;
            }
        }
        let rest = &b[open + 1..b.len().min(open + 300)];
        let close = rest
            .iter()
            .position(|&c| matches!(c, b'>' | b'<' | b'\n'))?;
        (rest[close] == b'>').then_some(open + 1 + close + 1)
    };
    let mut out = String::new();
    let mut from = 0;
    let mut search = 0;
    while let Some(open) = text[search..].find('<').map(|i| search + i) {
        search = open + 1;
        if let Some(end) = tag_end(open) {
            out.push_str(&text[from..open]);
            out.push(' ');
            from = end;
            search = end;
        }
    }
    if from == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[from..]);
    Cow::Owned(out)
}

/// A word in lower case with its German letters spelled out as ASCII-only text has them:
/// "ß" as "ss" (Swiss papers, and capitals: "GROSSMANN"), "ä" "ö" "ü" as "ae" "oe" "ue"
/// ("Mueller", as a feed or a URL writes "Müller").
pub fn spelled_out(lower: &str) -> Cow<'_, str> {
    // (each is 0xC3 and a second byte in UTF-8)
    let german = |w: &[u8]| w[0] == 0xC3 && matches!(w[1], 0x9F | 0xA4 | 0xB6 | 0xBC);
    if lower.is_ascii() || !lower.as_bytes().windows(2).any(german) {
        return Cow::Borrowed(lower);
    }
    let mut out = String::with_capacity(lower.len() + 4);
    for c in lower.chars() {
        match c {
            'ß' => out.push_str("ss"),
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A name by its lower-case hash, with what tells a typo from another name: its first letter,
/// its length and the sum of its letters' codes (the same after a swap of two letters, off by
/// one letter's code after a letter dropped or doubled).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Name {
    pub hash: u32,
    pub first: u32,
    pub len: u16,
    pub bag: u32,
}

impl Name {
    #[inline]
    pub fn of(lower: &str) -> Name {
        let mut len = 0u16;
        let mut bag = 0u32;
        for c in lower.chars() {
            len = len.saturating_add(1);
            bag = bag.wrapping_add(letter_code(c));
        }
        Name {
            // (one name however its German letters are written; a typo is told by the letters
            // as written)
            hash: xxh3_64(spelled_out(lower).as_bytes()) as u32,
            first: lower.chars().next().map_or(0, u32::from),
            len,
            bag,
        }
    }

    /// `self` and `other` could be one name, one of them mistyped or misread: same first
    /// letter, length within one, letters the same, one letter more or fewer, one letter
    /// read as another, or two as one ([`OCR_MERGES`]).
    pub fn typo_of(&self, other: &Name) -> bool {
        if self.first != other.first || self.len.abs_diff(other.len) > 1 {
            return false;
        }
        let d = self.bag.wrapping_sub(other.bag);
        if self.len == other.len {
            d == 0 || swaps().contains(&d)
        } else {
            is_letter_code(d)
                || is_letter_code(d.wrapping_neg())
                || OCR_MERGES.iter().any(|&m| d == m || d == m.wrapping_neg())
        }
    }
}

/// Two letters that OCR reads as one ("Wamemünde" for "Warnemünde"), and the one: as the
/// difference of their codes (see [`Name`]'s `bag`), made at compile time.
const OCR_MERGES: [u32; 4] = {
    const fn merge(a: char, b: char, one: char) -> u32 {
        letter_code(a)
            .wrapping_add(letter_code(b))
            .wrapping_sub(letter_code(one))
    }
    [
        merge('r', 'n', 'm'),
        merge('c', 'l', 'd'),
        merge('v', 'v', 'w'),
        merge('l', 'i', 'h'),
    ]
};

/// A spread-out code for a letter, so that sums of different letters rarely collide: a mixer
/// (MurmurHash3's last step), not a multiple of the letter, whose sums would be the sums of
/// the letters ("Schäfer" and "Schüler" differ by two letters whose differences add up to that
/// of another two: one letter read as another, by a linear code).
const fn letter_code(c: char) -> u32 {
    // (of the letters of news, mostly Latin, looked up: a name's letters are summed each time
    // one is read)
    const TABLE: [u32; 0x250] = {
        let mut t = [0; 0x250];
        let mut i = 0;
        while i < t.len() {
            t[i] = mix(i as u32);
            i += 1;
        }
        t
    };
    if (c as usize) < TABLE.len() {
        TABLE[c as usize]
    } else {
        mix(c as u32)
    }
}

const fn mix(c: u32) -> u32 {
    let mut h = c ^ 0x9E37_79B9;
    h ^= h >> 16;
    h = h.wrapping_mul(0x85EB_CA6B);
    h ^= h >> 13;
    h = h.wrapping_mul(0xC2B2_AE35);
    h ^ (h >> 16)
}

/// The letters (and digits) of European news that a typo or OCR puts for one another, or
/// adds or drops.
const LETTERS: &str = "abcdefghijklmnopqrstuvwxyz0123456789\
                       äöüßàáâãåæçèéêëìíîïñòóôõøùúûýÿąćęłńśźżčďěňřšťůž";

/// The differences of the codes of two letters ([`LETTERS`]), for a letter read or typed as
/// another.
fn swaps() -> &'static FxHashSet<u32> {
    static SWAPS: OnceLock<FxHashSet<u32>> = OnceLock::new();
    SWAPS.get_or_init(|| {
        let mut set = FxHashSet::default();
        for x in LETTERS.chars() {
            for y in LETTERS.chars() {
                if x != y {
                    set.insert(letter_code(x).wrapping_sub(letter_code(y)));
                }
            }
        }
        set
    })
}

/// Is `d` the code of one letter ([`LETTERS`]): one more or fewer?
fn is_letter_code(d: u32) -> bool {
    static CODES: OnceLock<FxHashSet<u32>> = OnceLock::new();
    CODES
        .get_or_init(|| LETTERS.chars().map(letter_code).collect())
        .contains(&d)
}

/// Where a picture credit that closes `text` starts ("… erreicht. Foto: dpa", "Photo: PA
/// Media"): a label of a picture and a colon, after a sentence or a line, then up to five
/// words on that line; none if that would leave no word.
pub fn picture_credit(text: &str) -> Option<usize> {
    const LABELS: [&str; 8] = [
        "Foto", "Fotos", "Bild", "Bilder", "Photo", "Photos", "Picture", "Image",
    ];
    // (the credit is at the end: its colon is the last of the last 80 bytes)
    let b = text.as_bytes();
    let from = b.len().saturating_sub(80);
    let colon = from + memchr::memrchr(b':', &b[from..])?;
    let label = LABELS.iter().find(|l| b[..colon].ends_with(l.as_bytes()))?;
    let i = colon - label.len();
    let before = text[..i].trim_end();
    let after = &text[colon + 1..];
    let ends_sentence = before.ends_with(['.', '!', '?', '"', '\u{201c}', '\u{201d}', ')'])
        || text[before.len()..i].contains('\n');
    let words = after.split_whitespace().count();
    (before.chars().any(char::is_alphanumeric)
        && ends_sentence
        && (1..=5).contains(&words)
        && !after.contains(['!', '?', '\n']))
    .then_some(i)
}

/// Whether `s`, the start of a text up to a credit, is a dateline: nothing, or a place and a
/// date of at most six words, each capitalised or a number ("BERLIN", "Washington, 3. März"),
/// the first in capitals or the credit `dashed` (followed by a dash or a colon): "Die Börse
/// (dpa-AFX) schloss fester" has none.
fn is_dateline(s: &str, dashed: bool) -> bool {
    let first = s.split_whitespace().next();
    let capitals = first.is_some_and(|w| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    });
    let mut words = 0;
    (first.is_none() || dashed || capitals)
        && s.len() <= 48
        && !s.contains(['!', '?', ';', '"', '\u{201e}', '\u{201c}'])
        && s.split_whitespace().all(|w| {
            words += 1;
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        && words <= 6
}

/// Do two sets of names (sorted) name different people? Yes when each has a name the other
/// lacks that is not a mistyping of one of the other's: a substitution, not an addition. Of two
/// statements (`strict`), a name added is enough: "„…“, sagte Scholz." is not the bare "…".
pub fn names_differ(a: &[Name], b: &[Name], strict: bool) -> bool {
    differ(a, b, |x, y| x.hash == y.hash, |x, y| x.typo_of(y), !strict)
}

/// Do two statements with the same names (sorted, as [`Words::names`] gives them) have them
/// in another order within a sentence ([`Words::names`]' order)? "wechselt vom FC A zum TSV
/// B" is not "vom TSV B zum FC A", nor "A schlägt B" "B schlägt A". (A name mistyped in one
/// is another name here, and the two are told by [`names_differ`].)
pub fn names_reordered(a: &[Name], b: &[Name], order_a: u32, order_b: u32) -> bool {
    order_a != order_b && a.iter().map(|x| x.hash).eq(b.iter().map(|x| x.hash))
}

/// A figure of a text: the hash of its digits (100 is not 1000, and 1500 is not 1050: two
/// digits swapped make another figure, however it came about), and what kind it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Figure {
    pub hash: u32,
    pub kind: Kind,
}

/// What a [`Figure`] was in the text. Only statements are compared by directions, and by
/// number words and digits as one ([`figures_differ`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum Kind {
    Digits = 0,
    /// A number word.
    Spelled = 1,
    /// A word of a direction ([`Words::negations_and_figures`]): its hash names the pair of
    /// opposites and the side.
    Direction = 2,
}

impl Kind {
    pub fn from_u8(b: u8) -> Option<Kind> {
        match b {
            0 => Some(Kind::Digits),
            1 => Some(Kind::Spelled),
            2 => Some(Kind::Direction),
            _ => None,
        }
    }
}

impl Figure {
    /// A number word as a figure: a count or a rank as its digits ("dreiundzwanzig" is "23"),
    /// a magnitude or a part marked as such.
    pub fn spelled(s: Spelled) -> Figure {
        let (mark, v) = match s {
            Spelled::Number(v) => (None, v),
            Spelled::Magnitude(v) => (Some(b'*'), v),
            Spelled::Fraction(v) => (Some(b'/'), 1.0 / v),
            Spelled::Times(v) => (Some(b'x'), v),
        };
        // (three decimals at most: "eineinhalb" is "1,5", a third's part is 3; written on the
        // stack: every "ein" and "a" of a statement is one)
        let rounded = (v * 1000.0).round() / 1000.0;
        let mut digits = Digits {
            buf: [0; 320],
            n: 0,
        };
        digits.buf[0] = mark.unwrap_or_default();
        digits.n = usize::from(mark.is_some());
        let _ = std::fmt::Write::write_fmt(&mut digits, format_args!("{rounded}"));
        Figure {
            hash: xxh3_64(&digits.buf[..digits.n]) as u32,
            kind: Kind::Spelled,
        }
    }
}

/// The digits of what is written to it (an `f64` has at most 309 before its point).
struct Digits {
    buf: [u8; 320],
    n: usize,
}

impl std::fmt::Write for Digits {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        for d in s.bytes().filter(u8::is_ascii_digit) {
            *self.buf.get_mut(self.n).ok_or(std::fmt::Error)? = d;
            self.n += 1;
        }
        Ok(())
    }
}

/// The figures of `text`, sorted, each as often as it occurs: the runs of digits (with `.` `,`
/// between digits, or a space before a group of thousands). Only the digits count: "12.000",
/// "12,000", "12 000" and "12000" are one figure; "G7" and "34jährige" hold one each. Without `stamps`, times and dates written in digits
/// ("10:47", "9.30 Uhr", "06.11.2024", "2024-11-06") are left out: in a document they are
/// mostly the dateline's, which differs between the outlets that print one wire story.
///
/// With `stamps` (a statement's), gives the order of the figures in each sentence
/// ([`figures_reordered`]): a hash of each figure with the one before it in its sentence,
/// summed (so that sentences may change places); else, or for no such pair, 0.
pub fn figures(text: &str, stamps: bool, out: &mut Vec<Figure>) -> u32 {
    out.clear();
    let mut order = 0u32;
    // (the end of the last figure, and its hash)
    let mut last: Option<(usize, u32)> = None;
    let b = text.as_bytes();
    let mut i = 0;
    let mut digits: Vec<u8> = Vec::new();
    while i < b.len() {
        // Eight bytes at a time past those with no digit (most of a text).
        while let Some(eight) = b.get(i..i + 8) {
            let x =
                u64::from_le_bytes(eight.try_into().unwrap_or_default()) ^ 0x3030_3030_3030_3030;
            // (a byte of `x` below 10, a digit, sets its top bit here; so may a byte after it)
            if x.wrapping_sub(0x0A0A_0A0A_0A0A_0A0A) & !x & 0x8080_8080_8080_8080 != 0 {
                break;
            }
            i += 8;
        }
        if i >= b.len() {
            break;
        }
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        // Digits since the last separator: a group of thousands after a space follows one of
        // at most three.
        let mut group = 0;
        let mut spaced = false;
        while i < b.len() {
            if b[i].is_ascii_digit() {
                group += 1;
                i += 1;
            } else if matches!(b[i], b'.' | b',') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
                group = 0;
                i += 1;
            } else if let Some(k) = thousands_space(b, i).filter(|_| group <= 3) {
                group = 0;
                spaced = true;
                i += k;
            } else {
                break;
            }
        }
        if !stamps && !spaced && is_stamp(b, start, i) {
            continue;
        }
        if is_misread(b, start, i) {
            continue;
        }
        digits.clear();
        digits.extend(b[start..i].iter().filter(|d| d.is_ascii_digit()));
        let hash = xxh3_64(&digits) as u32;
        out.push(Figure {
            hash,
            kind: Kind::Digits,
        });
        if let Some((_, before)) =
            last.filter(|&(end, _)| stamps && !sentence_break(&b[end..start]))
        {
            order = order.wrapping_add(pair(before, hash));
        }
        last = Some((i, hash));
    }
    out.sort_unstable();
    order
}

/// A hash of two hashes in order: not the same for the pair the other way round.
fn pair(before: u32, after: u32) -> u32 {
    (before.rotate_left(16) ^ after).wrapping_mul(0x9E37_79B1) | 1
}

/// Whether the run of digits `b[start..end]` is one digit inside a word in lower case: a
/// letter misread ("air1ine", "wol1te", "Ho0se"), no figure.
fn is_misread(b: &[u8], start: usize, end: usize) -> bool {
    end == start + 1
        && start > 0
        && b[start - 1].is_ascii_lowercase()
        && b.get(end).is_some_and(u8::is_ascii_lowercase)
}

/// Whether the text between two figures ends a sentence, or may: a full stop, a question or
/// an exclamation mark, or a line break. (Too many, as after an ordinal or an abbreviation,
/// only leaves two figures unordered; what follows the mark does not count, so that "3. Mai"
/// and "3.&nbsp;Mai" are read alike.)
fn sentence_break(gap: &[u8]) -> bool {
    gap.iter().any(|&c| matches!(c, b'.' | b'!' | b'?' | b'\n'))
}

/// Do two texts with the same figures in digits (sorted, as [`figures`] gives them, and
/// [`figures_differ`] does not tell apart) have them in another order within a sentence
/// ([`figures`]' `order`)? "2:1" is not "1:2", nor "von 3 auf 5" "von 5 auf 3".
pub fn figures_reordered(a: &[Figure], b: &[Figure], order_a: u32, order_b: u32) -> bool {
    if order_a == order_b {
        return false;
    }
    let digits = |f: &[Figure]| {
        f.iter()
            .filter(|x| x.kind == Kind::Digits)
            .map(|x| x.hash)
            .collect::<Vec<_>>()
    };
    digits(a) == digits(b)
}

/// The length of a space between groups of thousands at `b[i]` ("10 000", "10\u{202f}000",
/// Swiss "10'000", as `numbers` reads them): a space, no-break or thin space or an apostrophe,
/// before three digits and no fourth.
fn thousands_space(b: &[u8], i: usize) -> Option<usize> {
    let k = match b.get(i..)? {
        [b' ' | b'\'', ..] => 1,
        [0xC2, 0xA0, ..] => 2,
        // U+202F, U+2009, U+2019
        [0xE2, 0x80, 0xAF | 0x89 | 0x99, ..] => 3,
        _ => return None,
    };
    let digit = |j: usize| b.get(j).is_some_and(u8::is_ascii_digit);
    (digit(i + k) && digit(i + k + 1) && digit(i + k + 2) && !digit(i + k + 3)).then_some(k)
}

/// Is the run of digits `b[start..end]` (with `.` `,` inside) a time or a date: next to
/// `:` and two digits of minutes ("10:47", "6:10 p.m."; "2:1" is a score), before "Uhr" or
/// "h" ("9.30 Uhr", "18 h"), a day, month and year ("06.11.2024") or part of "2024-11-06"?
fn is_stamp(b: &[u8], start: usize, end: usize) -> bool {
    let digit_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let run = &b[start..end];
    let minutes = |i: usize| digit_at(i) && digit_at(i + 1) && !digit_at(i + 2);
    let time = (b.get(end) == Some(&b':') && minutes(end + 1))
        || (start >= 2 && b[start - 1] == b':' && digit_at(start - 2) && minutes(start))
        || {
            let rest = &b[end..];
            let rest = rest.strip_prefix(b" ").unwrap_or(rest);
            (rest.starts_with(b"Uhr") || rest.starts_with(b"h"))
                && !rest
                    .get(if rest.starts_with(b"h") { 1 } else { 3 })
                    .is_some_and(u8::is_ascii_alphanumeric)
        };
    // Day, month and year: three parts (a run's parts are never empty), the day of one or two
    // digits, the year of two or four.
    let mut parts = run.split(|&c| c == b'.');
    let dotted_date = matches!(
        (parts.next(), parts.next(), parts.next(), parts.next()),
        (Some(d), Some(m), Some(y), None) if d.len() <= 2 && m.len() <= 4 && matches!(y.len(), 2 | 4)
    );
    let iso_date = (b.get(end) == Some(&b'-') && digit_at(end + 1) && run.len() == 4)
        || (start >= 2 && b[start - 1] == b'-' && digit_at(start - 2) && run.len() == 2);
    time || dotted_date || iso_date
}

/// Do two sets of figures (sorted) disagree? Yes when each has a figure the other lacks: a
/// figure changed, not one added with a byline or a paragraph.
///
/// Of two statements, digits and number words are one set ("zwölf" is "12"). Of longer texts
/// each is a set of its own: OCR that misreads a number word ("zwcite") has mostly misread a
/// letter as a digit elsewhere too ("wol1te"), and the two would tell a copy from its source.
/// Directions never count here (see [`directions_differ`]): a document has many, and a typo
/// that takes its "hohe" with a footer that brings "Mehr zum Thema" would tell them apart.
pub fn figures_differ(a: &[Figure], b: &[Figure], statements: bool) -> bool {
    let digits = |f: &Figure| f.kind == Kind::Digits;
    let words = |f: &Figure| f.kind == Kind::Spelled;
    if statements {
        of_kinds_differ(a, b, |f| digits(f) || words(f))
    } else {
        of_kinds_differ(a, b, digits) || of_kinds_differ(a, b, words)
    }
}

/// Do two statements say the opposite in a word of the same pair: "stieg" and "sank",
/// "bestätigt" and "dementiert", "higher" and "lower"? As for figures, a word changed, not
/// one added (or lost to a typo).
pub fn directions_differ(a: &[Figure], b: &[Figure]) -> bool {
    of_kinds_differ(a, b, |f| f.kind == Kind::Direction)
}

fn of_kinds_differ(a: &[Figure], b: &[Figure], counted: impl Fn(&Figure) -> bool) -> bool {
    let same = |x: &Figure, y: &Figure| x.hash == y.hash;
    let no_slip = |_: &Figure, _: &Figure| false;
    if a.iter().chain(b).all(&counted) {
        differ(a, b, same, no_slip, true)
    } else {
        let of =
            |f: &[Figure]| -> Vec<Figure> { f.iter().filter(|x| counted(x)).copied().collect() };
        differ(&of(a), &of(b), same, no_slip, true)
    }
}

/// The items of `a` that `b` lacks, as multisets (an item of `b` matches one of `a` once).
fn lacking<'a, T>(a: &'a [T], b: &[T], same: &impl Fn(&T, &T) -> bool) -> Vec<&'a T> {
    let mut used = vec![false; b.len()];
    a.iter()
        .filter(
            |x| match (0..b.len()).find(|&j| !used[j] && same(x, &b[j])) {
                Some(j) => {
                    used[j] = true;
                    false
                }
                None => true,
            },
        )
        .collect()
}

/// Do `a` and `b` differ by an item one lacks (by `same`, counting repeats) that is not a slip
/// (`slip`) of one the other lacks? With `both`, only when each has such an item: a
/// substitution, not an addition.
fn differ<T>(
    a: &[T],
    b: &[T],
    same: impl Fn(&T, &T) -> bool,
    slip: impl Fn(&T, &T) -> bool,
    both: bool,
) -> bool {
    let only_a = lacking(a, b, &same);
    let only_b = lacking(b, a, &same);
    let a_new = only_a.iter().any(|x| !only_b.iter().any(|y| slip(x, y)));
    let b_new = only_b.iter().any(|y| !only_a.iter().any(|x| slip(x, y)));
    if both {
        a_new && b_new
    } else {
        a_new || b_new
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn every_run_of_digits_is_a_figure(t in "[a-z0-9.,:\u{e4}-]{0,80}") {
            // (no spaces: a space before a group of thousands joins two runs)
            let runs = regex::Regex::new(r"[0-9]+(?:[.,][0-9]+)*").unwrap();
            let mut v = Vec::new();
            figures(&t, true, &mut v);
            // but one digit inside a word in lower case, a letter misread
            let lower = |i: Option<&u8>| i.is_some_and(u8::is_ascii_lowercase);
            let b = t.as_bytes();
            let misread = |m: &regex::Match| {
                m.len() == 1 && m.start() > 0 && lower(b.get(m.start() - 1)) && lower(b.get(m.end()))
            };
            proptest::prop_assert_eq!(v.len(), runs.find_iter(&t).filter(|m| !misread(m)).count());
        }

        #[test]
        fn the_byte_reader_finds_the_words_of_the_nfkc_text(
            t in "[a-zA-Z0-9_ .,;\u{ad}\u{200b}äÖßéİ\u{1f600}\u{0130}\u{2163}\u{fb01}\u{301}\u{323}\n-]{0,60}",
        ) {
            let (mut a, mut b) = (String::new(), Vec::new());
            key(&t, &mut a);
            words_into(t.nfkc(), &mut b);
            proptest::prop_assert_eq!(a.as_bytes(), &b[..]);
        }
    }

    /// `Words::names` as it was first written, a character at a time, of the text in NFC
    /// without invisible characters (a combining mark left is part of its word): what the byte
    /// reader must agree with.
    fn names_by_chars(words: &Words, text: &str) -> Vec<Name> {
        let mut out = Vec::new();
        let text: String = text.chars().filter(|&c| !is_invisible(c)).nfc().collect();
        let mut rest = text.as_str();
        let mut sentence_start = true;
        while let Some(start) = rest.find(is_word_char) {
            let (before, after) = rest.split_at(start);
            // (a mark NFC leaves combining is inside the word)
            let len = after
                .find(|c: char| !is_word_char(c) && !is_unkeyed(c))
                .unwrap_or(after.len());
            let word = &after[..len];
            rest = &after[len..];
            if before.contains(['.', '!', '?', ':', '\n']) {
                sentence_start = true;
            }
            let first = word.chars().next().unwrap_or(' ');
            if !sentence_start && first.is_uppercase() && word.chars().count() >= 2 {
                let lower: String = word.chars().flat_map(char::to_lowercase).collect();
                if !words.agencies.contains(lower.as_str()) && !words.is_unit(&Name::of(&lower)) {
                    out.push(Name::of(&lower));
                }
            }
            sentence_start = false;
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    proptest::proptest! {
        #[test]
        fn the_byte_reader_finds_the_names_the_char_reader_does(
            t in "[a-zA-Z0-9_ .,:!?\n\u{ad}\u{200b}\u{feff}\u{308}\u{301}äÄÖößÉéİıǅ\u{2163}\u{1f600}„“-]{0,60}|((dpa|AFP|Scholz|Über|ÖL|É|x|[.:]|Scha\u{308}fer|Bu\u{ad}ren) ){0,12}",
        ) {
            let w = Words::new();
            let mut a = Vec::new();
            w.names(&t, &mut a);
            proptest::prop_assert_eq!(a, names_by_chars(&w, &t));
        }
    }

    fn k(t: &str) -> String {
        let mut s = String::new();
        key(t, &mut s);
        s
    }

    #[test]
    fn key_folds_form_not_words() {
        assert_eq!(k("„Wir  bleiben“, sagte sie."), "wir bleiben sagte sie");
        assert_eq!(k("\"Wir bleiben\" , sagte SIE"), "wir bleiben sagte sie");
        assert_eq!(k("Ver\u{ad}einbarung"), "vereinbarung");
        assert_eq!(k("Gro\u{308}ße"), k("Größe"));
        assert_eq!(k("ﬁnal"), "final");
        assert_ne!(k("Wir bleiben"), k("Wir gehen"));
        assert_eq!(k("..."), "");
    }

    #[test]
    fn credits_are_dropped_and_other_parentheses_kept() {
        let w = Words::new();
        let drop = |t: &str| w.drop_credits(Cow::Borrowed(t)).into_owned();
        assert_eq!(
            drop("Der Streik ist vorbei (dpa)."),
            "Der Streik ist vorbei."
        );
        assert_eq!(
            drop("(AFP/dpa) Der Streik ist vorbei."),
            "Der Streik ist vorbei."
        );
        // A credit that opens the text, with its dateline and its dash.
        for t in [
            "BERLIN (dpa) - Der Streik ist vorbei.",
            "Berlin (dpa/lnw) \u{2013} Der Streik ist vorbei.",
            "WASHINGTON, 3. März (AFP) Der Streik ist vorbei.",
            "Bad Tölz (dpa): Der Streik ist vorbei.",
        ] {
            assert_eq!(drop(t), "Der Streik ist vorbei.", "{t}");
        }
        assert_eq!(drop("Die Börse (dpa-AFX) schloss"), "Die Börse schloss");
        // A dateline and its credit alone are what the text says.
        assert_eq!(drop("PEKING, 5. Juli (AFP)."), "PEKING, 5. Juli.");
        assert_eq!(drop("PEKING, 5. Juli (AFP). (Reuters)"), "PEKING, 5. Juli.");
        assert_eq!(
            drop("Die Gewerkschaft sagte am Montag in Frankfurt am Main (dpa) - Streik"),
            "Die Gewerkschaft sagte am Montag in Frankfurt am Main - Streik"
        );
        assert_eq!(
            drop("Die Börse (dpa-AFX) schloss fester (Reuters)"),
            "Die Börse schloss fester"
        );
        assert_eq!(drop("Die Partei (SPD) verlor"), "Die Partei (SPD) verlor");
        assert_eq!(drop("Sie (die AP) berichtete"), "Sie (die AP) berichtete");
        assert_eq!(drop("ein offenes (dpa"), "ein offenes (dpa");
        // a credit alone is the text
        assert_eq!(drop("(dpa / ap)"), "(dpa / ap)");
    }

    #[test]
    fn sharp_s_is_written_as_ss_in_the_same_buffers() {
        let (mut key, mut spare) = (String::new(), String::new());
        for t in ["weiß", "ßaß ß", "keines", ""] {
            key.clear();
            key.push_str(t);
            sharp_s_as_ss(&mut key, &mut spare);
            assert_eq!(key, t.replace('ß', "ss"));
        }
    }

    #[test]
    fn negations_are_counted() {
        let w = Words::new();
        let negations = |key: &str| w.negations_and_figures(key, &mut Vec::new());
        assert_eq!(negations(&k("Das ist nicht wahr.")), 1);
        assert_eq!(negations(&k("Das ist wahr.")), 0);
        assert_eq!(negations(&k("It isn't true, and never was.")), 2);
        assert_eq!(negations(&k("Keine Einigung")), 1);
        assert_eq!(negations(&k("Das ist nciht wahr.")), 1);
        assert_eq!(negations(&k("I have nohting to add.")), 1);
        // (a slip of a short one can make another word)
        assert_eq!(negations(&k("Turn it on.")), 0);
    }

    fn figs(t: &str) -> Vec<Figure> {
        let mut v = Vec::new();
        figures(t, true, &mut v);
        v
    }

    #[test]
    fn figures_ignore_grouping_but_not_values() {
        assert_eq!(figs("12.000 Soldaten"), figs("12,000 Soldaten"));
        assert!(figs("keine Zahl").is_empty());
        assert_eq!(figs("G7").len(), 1);
        assert_eq!(figs("1820 und 1820").len(), 2);
        let differ = |a: &str, b: &str| figures_differ(&figs(a), &figs(b), true);
        assert!(differ("nur 18 Euro", "nur 15 Euro"));
        assert!(differ("100 Soldaten", "1000 Soldaten"));
        assert!(!differ("10 und 12", "12 und 10"));
        // a figure added (a dateline, a footer)
        assert!(!differ("nur 18 Euro", "Berlin, 14:32 Uhr. Nur 18 Euro"));
        // two digits swapped: another figure, slip or not
        assert!(differ("im Jahr 2024", "im Jahr 2042"));
        assert!(differ("1500 Besucher", "1050 Besucher"));
        // one of two equal figures changed
        assert!(differ("1820, im November 1820", "3641, im November 1820"));
        // groups of thousands apart, as typography and Swiss papers write them
        for same in [
            "12.000 Menschen",
            "12 000 Menschen",
            "12\u{202f}000 Menschen",
            "12'000 Menschen",
        ] {
            assert_eq!(figs(same), figs("12000 Menschen"), "{same}");
        }
        assert_eq!(figs("1 234 567"), figs("1234567"));
        assert_eq!(figs("im Jahr 2023 100 Menschen").len(), 2);
        assert_eq!(figs("Punkte: 3 1000 Zuschauer").len(), 2);
    }

    #[test]
    fn names_tell_a_typo_from_another_name() {
        let w = Words::new();
        let names = |t: &str| {
            let mut v = Vec::new();
            w.names(t, &mut v);
            v
        };
        let a = names("„Wir bleiben“, sagte Selenskyj.");
        let b = names("„Wir bleiben“, erklärte Kremlsprecher Peskow.");
        assert!(names_differ(&a, &b, false));
        // a swapped letter, a dropped one, a doubled one: the same name
        for typo in ["Selneskyj", "Selenskj", "Selenskyyj", "Selenskvj"] {
            let c = names(&format!("„Wir bleiben“, sagte {typo}."));
            assert!(!names_differ(&a, &c, true), "{typo}");
        }
        // a credit or a name added is no substitution
        assert!(!names_differ(
            &a,
            &names("„Wir bleiben“, sagte Selenskyj. (AFP)"),
            true
        ));
        assert!(!names_differ(
            &a,
            &names("„Wir bleiben“, sagte Selenskyj in Kiew."),
            false
        ));
        // of two statements, a speaker added is another statement
        assert!(names_differ(&names("Wir bleiben in Kiew."), &a, true));
        // sentence-initial words are no names
        assert!(names("Heute regnet es.").is_empty());
        // German letters spelled out are the same name; a letter doubled in one still a typo
        let said = |x: &str, y: &str| {
            let (x, y) = (
                names(&format!("Es sprach {x}.")),
                names(&format!("Es sprach {y}.")),
            );
            (x[0].hash == y[0].hash, names_differ(&x, &y, true))
        };
        for (x, y) in [
            ("Müller", "Mueller"),
            ("Großmann", "Grossmann"),
            ("Jörg", "Joerg"),
        ] {
            assert_eq!(said(x, y), (true, false), "{x} {y}");
        }
        assert_eq!(said("Müller", "Müüller"), (false, false));
        // two letters changed are another name, whatever their codes add up to
        for (x, y) in [
            ("Schäfer", "Schüler"),
            ("Meier", "Mayer"),
            ("Berger", "Barges"),
        ] {
            assert_eq!(said(x, y), (false, true), "{x} {y}");
        }
    }

    #[test]
    fn a_document_leaves_out_times_and_dates_a_statement_keeps_them() {
        let count = |t: &str, stamps: bool| {
            let mut v = Vec::new();
            figures(t, stamps, &mut v);
            v.len()
        };
        let dateline = "Elbtal-Bote, 06.11.2024, 10:47 Uhr; 9.30 Uhr, 18 h, 2024-11-06, 6:10 p.m.";
        assert_eq!(count(dateline, false), 0);
        assert_eq!(count(dateline, true), 10);
        // figures that are not stamps stay: counts, money, a year alone, "5 hours", "3 Uhren"
        let body = "1.200 Stellen, 2,5 Millionen, im Jahr 2025, 5 hours, 3 Uhren, 12.11.";
        assert_eq!(count(body, false), 6);
    }
}
