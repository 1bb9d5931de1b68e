//! `quotes`: every direct quotation of a news text, with its speaker and cue verb.
//!
//! Three steps, each a function of the text alone:
//! 1. [`pairs`]: the top-level pairs of quote marks, paired by type („…“ “…” ‚…‘ »…« «…» "…"
//!    '…'), apostrophes skipped, a quotation over several paragraphs kept whole, and an
//!    unbalanced mark dropped without costing the rest of the document;
//! 2. the context of each pair (its sentence before and after) decides whether it is a
//!    quotation (framed by a cue verb, a colon, or long enough to be a statement) or a mention
//!    (a title, a term, a scare quote);
//! 3. the speaker is the name beside the cue, before or after the quotation; a pronoun or a
//!    role stands for the last named speaker; a name is completed to its fullest form in the
//!    document ("Ryder" → "Pat Ryder").

pub mod cli;
mod lexicon;
#[cfg(test)]
mod tests;

use std::ops::Range;

use korpus_core::{ByLang, Lang};

use korpus_core::lexicon::lower;
pub use lexicon::Lexicon;

/// One quoted string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Byte span of the quoted text, without its marks.
    pub span: Range<usize>,
    pub speaker: Option<String>,
    pub cue: Option<String>,
    /// A title, term or scare quote rather than someone's words.
    pub mention: bool,
}

/// Both languages' lexicons, built once.
#[derive(Debug)]
pub struct Finder {
    lexicons: ByLang<Lexicon>,
}

impl Default for Finder {
    fn default() -> Self {
        Self::new()
    }
}

/// The kind of a quote mark: which closes which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// „…“ „…” “…” "…"
    Double,
    /// ‚…‘ ‘…’ '…'
    Single,
    /// »…« or «…»
    Guillemet,
    /// ›…‹ or ‹…›
    SingleGuillemet,
}

/// A pair of marks: the byte ranges of the opening and the closing mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    pub open: Range<usize>,
    pub close: Range<usize>,
}

impl Pair {
    /// The quoted text between the marks.
    pub fn inner(&self) -> Range<usize> {
        self.open.end..self.close.start
    }
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// What a mark at a position can do, from the mark and its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open(Kind),
    Close(Kind),
    /// Either, by what is open: “ closes „ in German and opens in English.
    Both(Kind),
    None,
}

fn role(c: char, prev: Option<char>, next: Option<char>, guillemet_open: char) -> Role {
    let space_before = prev.is_none_or(|p| p.is_whitespace() || "([{/–—-".contains(p));
    let space_after = next.is_none_or(|n| n.is_whitespace() || ".,;:!?)]}–—-".contains(n));
    match c {
        '„' => Role::Open(Kind::Double),
        '“' => Role::Both(Kind::Double),
        '”' => Role::Close(Kind::Double),
        '"' if space_before && !space_after => Role::Open(Kind::Double),
        '"' if space_after && !space_before => Role::Close(Kind::Double),
        '"' => Role::Both(Kind::Double),
        '‚' if space_before => Role::Open(Kind::Single),
        '‘' if space_before && !space_after => Role::Open(Kind::Single),
        '‘' => Role::Close(Kind::Single),
        // An apostrophe: "Kim’s", "shouldn't", "geht's".
        '’' | '\'' if is_word_char(prev) && is_word_char(next) => Role::None,
        '\'' if space_before && !space_after => Role::Open(Kind::Single),
        '’' | '\'' if !space_before => Role::Close(Kind::Single),
        '»' | '«' if c == guillemet_open => Role::Open(Kind::Guillemet),
        '»' | '«' => Role::Close(Kind::Guillemet),
        '›' | '‹' if (c == '›') == (guillemet_open == '»') => {
            Role::Open(Kind::SingleGuillemet)
        }
        '›' | '‹' => Role::Close(Kind::SingleGuillemet),
        _ => Role::None,
    }
}

fn is_mark(c: char) -> bool {
    matches!(
        c,
        '„' | '“' | '”' | '"' | '‚' | '‘' | '’' | '\'' | '»' | '«' | '›' | '‹'
    )
}

/// Every quote mark of `text` with its byte offset, in order. Each mark is ASCII or starts
/// with the byte 0xE2 („“”‚‘’‹›) or 0xC2 («»), so the text is searched for those bytes
/// (memchr) rather than decoded character by character.
fn marks(text: &str) -> Vec<(usize, char)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut push = |i: usize| {
        if let Some(c) = text[i..].chars().next().filter(|&c| is_mark(c)) {
            out.push((i, c));
        }
    };
    let mut latin = memchr::memchr_iter(0xC2, b).peekable();
    for i in memchr::memchr3_iter(b'"', b'\'', 0xE2, b) {
        while let Some(j) = latin.next_if(|&j| j < i) {
            push(j);
        }
        push(i);
    }
    latin.for_each(push);
    out
}

/// Where the paragraph that holds byte `at` ends: a blank line or a line break.
fn paragraph_end(text: &str, at: usize) -> usize {
    memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |k| at + k)
}

/// The top-level pairs of quote marks in `text`, in order. A nested pair stays inside its
/// outer one. An opening mark whose paragraph ends before its closing mark continues when
/// the next paragraph opens with the same mark (a quotation over several paragraphs), and is
/// dropped otherwise. Linear in the text.
pub fn pairs(text: &str) -> Vec<Pair> {
    // German »…« opens with », French and Swiss «…» with «: the first one decides.
    let marks = marks(text);
    let guillemet_open = marks
        .iter()
        .map(|&(_, c)| c)
        .find(|&c| c == '»' || c == '«')
        .unwrap_or('»');
    let char_before = |i: usize| text[..i].chars().next_back();
    let char_after = |i: usize, c: char| text[i + c.len_utf8()..].chars().next();
    let mut out = Vec::new();
    // Per kind, where a search for a closing mark last failed: an opening mark of that kind
    // before it would fail too, so each paragraph is searched once per kind (linear time on
    // a text of only opening marks).
    let mut failed_until = [0usize; 4];
    let slot = |kind: Kind| kind as usize;
    let mut this_paragraph_end = 0;
    let mut k = 0;
    while k < marks.len() {
        let (at, c) = marks[k];
        let r = role(c, char_before(at), char_after(at, c), guillemet_open);
        let kind = match r {
            Role::Open(kind) | Role::Both(kind) if at >= failed_until[slot(kind)] => kind,
            _ => {
                k += 1;
                continue;
            }
        };
        // Look for the closing mark of this kind; marks of other kinds nest inside.
        let open = at..at + c.len_utf8();
        // The end of the paragraph, found once for all the marks in it (linear time on a
        // long paragraph of marks).
        if open.end > this_paragraph_end {
            this_paragraph_end = paragraph_end(text, open.end);
        }
        let mut end_of_paragraph = this_paragraph_end;
        let mut j = k + 1;
        let mut found = None;
        // The first closing mark of the kind, and the one that balances a nested pair of the
        // same kind („A „B“ C“); the balancing one wins when there is one.
        let mut first_close = None;
        let mut depth = 0usize;
        while j < marks.len() {
            let (bt, d) = marks[j];
            if bt >= end_of_paragraph {
                // A quotation that goes on in the next paragraph reopens with the same mark.
                let next = text[end_of_paragraph..].trim_start();
                let reopen = text.len() - next.len();
                // Only a quotation that opens a paragraph or follows a colon goes on so.
                let lead = text[..open.start].trim_end_matches([' ', '\t']);
                let opens_paragraph = lead.is_empty() || lead.ends_with(['\n', ':']);
                if opens_paragraph && next.starts_with(c) && bt == reopen {
                    end_of_paragraph = paragraph_end(text, reopen + c.len_utf8());
                    j += 1;
                    continue;
                }
                break;
            }
            let dr = role(d, char_before(bt), char_after(bt, d), guillemet_open);
            match dr {
                Role::Open(kd) if kd == kind && d == c => depth += 1,
                Role::Close(kd) | Role::Both(kd) if kd == kind && bt > open.end => {
                    first_close.get_or_insert(j);
                    if depth == 0 {
                        found = Some(j);
                        break;
                    }
                    depth -= 1;
                }
                _ => {}
            }
            j += 1;
        }
        let found = found.or(first_close);
        match found {
            Some(j) => {
                let (bt, d) = marks[j];
                out.push(Pair {
                    open,
                    close: bt..bt + d.len_utf8(),
                });
                k = j + 1;
            }
            None => {
                failed_until[slot(kind)] = end_of_paragraph;
                k += 1
            }
        }
    }
    out
}

/// A word of the text around a quotation.
#[derive(Clone, Copy, Debug)]
struct Word<'t> {
    text: &'t str,
    start: usize,
}

impl Word<'_> {
    /// The byte offset just after it.
    fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// Upper case first, or after a number and a hyphen ("der 61-Jährige").
    fn capitalised(&self) -> bool {
        let first = self.text.as_bytes().first().copied().unwrap_or(0);
        if first.is_ascii_alphabetic() {
            return first.is_ascii_uppercase();
        }
        self.text.starts_with(char::is_uppercase)
            || self
                .text
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .strip_prefix('-')
                .is_some_and(|r| r.starts_with(char::is_uppercase))
                && self.text.starts_with(|c: char| c.is_ascii_digit())
    }
}

/// The words of `text[range]`, with their byte offsets in `text`; a word may hold inner
/// hyphens, apostrophes and periods ("Pentagon-Sprecher", "O’Brien", "U.S.").
fn words(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    let s = &text[range.clone()];
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 7 + 1);
    let mut start = None;
    let mut i = 0;
    while i < b.len() {
        // ASCII without decoding; other characters decoded
        let (c, len) = if b[i].is_ascii() {
            (b[i] as char, 1)
        } else {
            let c = s[i..].chars().next().unwrap_or('\0');
            (c, c.len_utf8())
        };
        let word_char = if len == 1 {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        let inner = !word_char && start.is_some() && matches!(c, '-' | '’' | '\'' | '.') && {
            let next = s[i + len..].chars().next();
            // A period between a lower-case and a capital letter is a sentence end that
            // lost its space ("sagte Merkel.Als"), not part of a word.
            let lost_space = c == '.'
                && next.is_some_and(char::is_uppercase)
                && s[..i].chars().next_back().is_some_and(char::is_lowercase);
            next.is_some_and(char::is_alphanumeric) && !lost_space
        };
        if word_char || inner {
            start.get_or_insert(i);
        } else if let Some(w) = start.take() {
            out.push(Word {
                text: &s[w..i],
                start: range.start + w,
            });
        }
        i += len;
    }
    if let Some(w) = start {
        out.push(Word {
            text: &s[w..],
            start: range.start + w,
        });
    }
    out
}

/// Where the sentence that holds byte `at` begins, looking back at most `limit` bytes: after
/// a sentence end (". ", "! ", "? ", also with closing marks before the space: ".“ ") or a
/// line break.
fn sentence_start(lex: &Lexicon, text: &str, at: usize, limit: usize) -> usize {
    let floor = at.saturating_sub(limit);
    let b = text.as_bytes();
    let mut i = at;
    while i > floor {
        i -= 1;
        match b[i] {
            b'\n' => return i + 1,
            b'.' if initial(b, i) || title_before(lex, b, i) => {}
            b'.' | b'!' | b'?' => {
                if let Some(end) = marks_then_space(text, i + 1).filter(|&e| e <= at) {
                    return end;
                }
                if b[i] == b'.' && run_on(b, i) {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    text.ceil_char_boundary(floor)
}

/// After a sentence's last punctuation at byte `from`: where the sentence ends when only
/// quotation marks stand before a space (or the text's end), else `None`.
fn marks_then_space(text: &str, from: usize) -> Option<usize> {
    let rest = &text[from..];
    let marks = rest.len() - rest.trim_start_matches(is_mark).len();
    let next = rest[marks..].bytes().next();
    next.is_some_and(|n| n.is_ascii_whitespace())
        .then_some(from + marks)
}

/// Whether the period at byte `i` ends a sentence the next one runs on from with no space,
/// as scraped text has it: "sagte der Papst.Der Bruder", between two words in lower and
/// upper case (not "z.B.", "tagesschau.de", "U.S.").
fn run_on(b: &[u8], i: usize) -> bool {
    i >= 2
        && b[i - 1].is_ascii_lowercase()
        && b[i - 2].is_ascii_lowercase()
        && b.get(i + 1).is_some_and(u8::is_ascii_uppercase)
        && b.get(i + 2).is_some_and(u8::is_ascii_lowercase)
}

/// Whether the period at byte `i` ends an initial ("William R. Dougan", "U.S. Senator"), not
/// a sentence.
fn initial(b: &[u8], i: usize) -> bool {
    i >= 1
        && b[i - 1].is_ascii_uppercase()
        && (i == 1 || matches!(b[i - 2], b' ' | b'.'))
        && b.get(i + 1) == Some(&b' ')
        && b.get(i + 2).is_some_and(u8::is_ascii_uppercase)
}

/// Whether the period at byte `i` ends a title written short before a name ("Sen. Elizabeth
/// Warren", "Prof. Anna Roth"), not a sentence.
fn title_before(lex: &Lexicon, b: &[u8], i: usize) -> bool {
    let start = b[..i]
        .iter()
        .rposition(|c| !c.is_ascii_alphabetic())
        .map_or(0, |p| p + 1);
    start < i
        && i - start <= 4
        && b.get(i + 1) == Some(&b' ')
        && b.get(i + 2).is_some_and(u8::is_ascii_uppercase)
        && std::str::from_utf8(&b[start..i])
            .is_ok_and(|w| lex.abbreviated.contains(&w.to_ascii_lowercase()))
}

/// Where the sentence that holds byte `at` ends, looking on at most `limit` bytes.
fn sentence_end(lex: &Lexicon, text: &str, at: usize, limit: usize) -> usize {
    let ceiling = (at + limit).min(text.len());
    let b = text.as_bytes();
    let mut i = at;
    while i < ceiling {
        match b[i] {
            b'\n' => return i,
            b'.' if initial(b, i) || title_before(lex, b, i) => {}
            b'.' | b'!' | b'?' if b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()) => {
                return i + 1
            }
            b'.' if run_on(b, i) => return i + 1,
            _ => {}
        }
        i += 1;
    }
    text.floor_char_boundary(ceiling)
}

/// Whether the word at byte `at` opens a sentence: nothing but spaces, marks or a bracket
/// between it and a sentence end, a colon, a line break or the text's start.
fn at_sentence_start(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(|c: char| c == ' ' || c == '(' || is_mark(c));
    before.is_empty() || before.ends_with(['.', '!', '?', ':', '\n'])
}

/// How a document uses its capitalised words, read once per document and only when a rule
/// asks.
struct Usage<'t> {
    text: &'t str,
    lex: &'t Lexicon,
    all: std::cell::OnceCell<Vec<Word<'t>>>,
    sets: std::cell::OnceCell<UsageSets<'t>>,
    /// Words asked about before the table is read, with their uses.
    asked: std::cell::RefCell<UsageSets<'t>>,
    /// Bytes searched for them so far.
    scanned: std::cell::Cell<usize>,
}

/// For each capitalised word of a document, how it is used (bits).
type UsageSets<'t> = rustc_hash::FxHashMap<&'t str, u8>;
/// Written where the place does not capitalise it: inside a sentence, or at its start with a
/// capitalised word after ("Hans Roth sagte"). A word capitalised only at sentence starts
/// ("Zwar", "Ähnlich äußerte sich") is no name.
const INSIDE: u8 = 1;
/// Written after an article or a number somewhere: a common noun ("die Kunden", "drei
/// Jahre"), which a name alone is not.
const NOUN: u8 = 2;
/// Written right after another capitalised word that is no function word: a surname after a
/// first name or a role ("Pat Ryder", "Kanzlerin Merkel"). A capitalised word alone that the
/// document never writes so is more likely a common noun ("Kunden", "Hinweise").
const NAMED: u8 = 4;
/// Written at all.
const WRITTEN: u8 = 8;

impl<'t> Usage<'t> {
    fn new(text: &'t str, lex: &'t Lexicon) -> Self {
        Usage {
            text,
            lex,
            all: Default::default(),
            sets: Default::default(),
            asked: Default::default(),
            scanned: Default::default(),
        }
    }

    /// Every word of the document.
    fn all(&self) -> &[Word<'t>] {
        self.all
            .get_or_init(|| words(self.text, 0..self.text.len()))
    }

    /// How the word `w` at byte `at` is used there.
    fn bits_at(&self, at: usize, w: &str) -> u8 {
        let text = self.text;
        let mut bits = WRITTEN;
        let after = &text[at + w.len()..];
        let next_capital = after
            .strip_prefix(' ')
            .is_some_and(|a| a.starts_with(char::is_uppercase));
        if next_capital || !at_sentence_start(text, at) {
            bits |= INSIDE;
        }
        if let Some(before) = text[..at].strip_suffix(' ') {
            let p = &before[before.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |k| {
                k + before[k..].chars().next().map_or(1, char::len_utf8)
            })..];
            if p.starts_with(|c: char| c.is_ascii_digit())
                || self.lex.determiners.contains(p)
                || self.lex.numbers.contains(p)
            {
                bits |= NOUN;
            } else if p.starts_with(char::is_uppercase)
                && !is_function(self.lex, p)
                && !is_determiner(self.lex, p)
            {
                // Not a noun after its article: "die US-Regierung Georgien" (an object
                // follows), unless it is a role ("die Kanzlerin Merkel").
                let pp = before[..before.len() - p.len()]
                    .trim_end()
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or("");
                if !is_determiner(self.lex, pp) || self.lex.is_role(p) {
                    bits |= NAMED;
                }
            }
        }
        bits
    }

    /// Every capitalised word's use, read in one pass over the document.
    fn sets(&self) -> &UsageSets<'t> {
        self.sets.get_or_init(|| {
            let mut sets = UsageSets::default();
            for w in self.all().iter().filter(|w| w.capitalised()) {
                *sets.entry(w.text).or_default() |= self.bits_at(w.start, w.text);
            }
            sets
        })
    }

    /// The uses of `w`: found by searching the text for it while few words are asked
    /// about (most documents), from the whole document's table once many are (so a long
    /// document stays linear).
    fn uses(&self, w: &'t str) -> u8 {
        if let Some(sets) = self.sets.get() {
            return sets.get(w).copied().unwrap_or(0);
        }
        if let Some(&b) = self.asked.borrow().get(w) {
            return b;
        }
        let text = self.text;
        let budget = 16 * text.len() + 65536;
        let table = || self.sets().get(w).copied().unwrap_or(0);
        self.scanned.set(self.scanned.get() + text.len());
        if self.scanned.get() > budget {
            return table();
        }
        let mut bits = 0;
        for at in memchr::memmem::find_iter(text.as_bytes(), w.as_bytes()) {
            let end = at + w.len();
            if !text.is_char_boundary(at) || !text.is_char_boundary(end) {
                continue;
            }
            // A word there as `words` cuts it: it cuts each stretch between white space on
            // its own, so the stretch around the match decides.
            let from = text[..at]
                .char_indices()
                .rfind(|&(_, c)| c.is_whitespace())
                .map_or(0, |(k, c)| k + c.len_utf8());
            let to = text[end..]
                .find(char::is_whitespace)
                .map_or(text.len(), |k| end + k);
            self.scanned.set(self.scanned.get() + (to - from));
            if self.scanned.get() > budget {
                return table();
            }
            if words(text, from..to)
                .iter()
                .any(|x| x.start == at && x.text.len() == w.len())
            {
                bits |= self.bits_at(at, w);
            }
        }
        self.asked.borrow_mut().insert(w, bits);
        bits
    }

    fn inside(&self, w: &'t str) -> bool {
        self.uses(w) & INSIDE != 0
    }

    fn noun(&self, w: &'t str) -> bool {
        self.uses(w) & NOUN != 0
    }

    fn named(&self, w: &'t str) -> bool {
        self.uses(w) & NAMED != 0
    }

    /// Whether `w` is a German genitive in -s of a word the document writes too ("Chinas",
    /// "Frankreichs"; not "Andreas" when no "Andrea" stands in it).
    fn genitive(&self, w: &'t str) -> bool {
        w.strip_suffix('s')
            .is_some_and(|stem| stem.chars().count() >= 3 && self.uses(stem) & WRITTEN != 0)
    }
}

/// A speaker found beside a cue: the phrase as written and whether it names a person (a
/// name) or only a role or pronoun.
#[derive(Clone, Debug)]
struct Speaker {
    phrase: String,
    named: bool,
    /// A role after an indefinite article ("ein Sprecher des Ministeriums"): someone the text
    /// does not name, never the person it names with that role.
    indefinite: bool,
    /// Where a demonstrative stands ("sagte dieser"): it means the person named last before.
    demonstrative: Option<usize>,
}

impl Speaker {
    /// A role, a pronoun or a phrase as written; `indefinite` for someone the text does not
    /// name ("ein Sprecher").
    fn unnamed(phrase: &str, indefinite: bool) -> Self {
        Speaker {
            phrase: phrase.to_string(),
            named: false,
            indefinite,
            demonstrative: None,
        }
    }

    /// A name, or a phrase that stands as one (a subject, the last speaker).
    fn named(phrase: String) -> Self {
        Speaker {
            phrase,
            named: true,
            indefinite: false,
            demonstrative: None,
        }
    }
}

impl Finder {
    pub fn new() -> Self {
        Finder {
            lexicons: ByLang::new(|lang| match lang {
                Lang::De => Lexicon::german(),
                Lang::En => Lexicon::english(),
            }),
        }
    }

    pub fn lexicon(&self, lang: Lang) -> &Lexicon {
        self.lexicons.get(lang)
    }

    /// Every quoted string of `text`, quotations and mentions, in order.
    pub fn find(&self, text: &str, lang: Lang) -> Vec<Quote> {
        let lex = self.lexicon(lang);
        let found = pairs(text);
        if found.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<Quote> = Vec::with_capacity(found.len());
        let mut last_named: Option<String> = None;
        let mut completed: rustc_hash::FxHashMap<String, String> = Default::default();
        // Every person the document names: where, the listed role ("sprecher" of "Pentagon-
        // Sprecher Pat Ryder") and the gender a role gives ("Bürgermeisterin Carla Meinhardt").
        // For a role alone or a pronoun that needs them: read once, and only then (most
        // documents never need them).
        let inside = Usage::new(text, lex);
        let people = std::cell::OnceCell::new();
        let people = || {
            people.get_or_init(|| {
                let all = inside.all();
                runs(lex, text, &inside, all)
                    .into_iter()
                    .filter_map(|r| {
                        let role = r.role.as_deref();
                        Some(Person {
                            at: all[r.words.start].start,
                            role: role.and_then(|w| lex.role_key(w)).map(str::to_string),
                            gender: role
                                .and_then(|w| role_gender(w, lex.lang))
                                .or_else(|| name_gender(lex, r.name.as_deref()?)),
                            name: r.name?,
                        })
                    })
                    .collect::<Vec<Person>>()
            })
        };
        // Where the document first speaks of each role, in any form ("Präsidenten").
        let first_mention = std::cell::OnceCell::new();
        let first_mention = || {
            first_mention.get_or_init(|| {
                let mut at: rustc_hash::FxHashMap<&str, usize> = Default::default();
                for w in inside.all() {
                    if let Some(key) = lex.inflected_role_key(w.text) {
                        at.entry(key).or_insert(w.start);
                    }
                }
                at
            })
        };
        let mut last_quote_end: Option<usize> = None;
        let mut last_speaker: Option<String> = None;
        for (n, pair) in found.iter().enumerate() {
            let inner = pair.inner();
            let quoted = &text[inner.clone()];
            let qwords = words(text, inner.clone());
            let length = qwords.len();
            // The sentence around the pair, back to the last quotation (a title inside it is
            // part of it) and on to the next pair.
            let prev_end = last_quote_end.unwrap_or(0);
            let next_start = found.get(n + 1).map_or(text.len(), |p| p.open.start);
            let left_start = sentence_start(lex, text, pair.open.start, 300).max(prev_end);
            let right_end = sentence_end(lex, text, pair.close.end, 300).min(next_start);
            // Words inside an earlier quoted title are no speaker ("Magazins „Defence
            // Express“, sagte").
            let titles_before = || {
                found[..n]
                    .iter()
                    .rev()
                    .take_while(|p| p.close.end > left_start)
            };
            let left: Vec<Word> = words(text, left_start..pair.open.start)
                .into_iter()
                .filter(|w| !titles_before().any(|p| p.inner().contains(&w.start)))
                .collect();
            let left_runs = runs(lex, text, &inside, &left);
            let right = words(text, pair.close.end..right_end);
            let before = text[left_start..pair.open.start].trim_end();
            let colon = before.ends_with(':');

            let mut cue: Option<String> = None;
            let mut attributed_after = false;
            // Where in `left` the cue stands, when it stands before the quotation.
            let mut cue_at: Option<usize> = None;
            let mut speaker: Option<Speaker> = None;
            // After the quotation: "„…“, sagte Ryder." / "“…,” Ryder said."
            // After a colon with a cue before it, the attribution is there ("Der
            // Geschäftsführer fragte: „…?“ Greenpeace fordert …").
            let cue_then_colon = colon && left.iter().any(|w| lex.is_cue(w.text));
            if !cue_then_colon {
                if let Some((c, s)) = self.cue_after(lex, &right, text, &inside, pair.close.end) {
                    // An outlet in marks right after the cue, with at most its article: „…“,
                    // schrieb „Die Zeit“.
                    // (A verb of quoting quotes the one named after the outlet: „…“, zitiert
                    // die „Computerwoche“ Kevin Lynch.)
                    let outlet = || {
                        let next = found.get(n + 1).filter(|p| p.open.start == right_end)?;
                        let k = right.iter().rposition(|w| w.text == c)?;
                        if !right[k + 1..].iter().all(|w| is_determiner(lex, w.text)) {
                            return None;
                        }
                        let title = outlet_in_marks(text, next)?;
                        if lex.quoting.contains(&lower(&c)) {
                            let end = sentence_end(lex, text, next.close.end, 300);
                            let ws = words(text, next.close.end..end);
                            let quoted = runs(lex, text, &inside, &ws)
                                .into_iter()
                                .find(|r| r.words.start == 0 && r.names_person())
                                .and_then(|r| r.name);
                            if let Some(q) = quoted {
                                return Some(Speaker::named(q));
                            }
                        }
                        Some(title)
                    };
                    speaker = s.or_else(outlet);
                    cue = Some(c);
                    attributed_after = true;
                }
            }
            // Before it: "Stoltenberg betonte: „…“", "Dazu sagte Ryder, „…“".
            if cue.is_none() {
                if let Some((c, k, s)) = self.cue_before(lex, &left, &left_runs, text) {
                    cue_at = Some(k);
                    // "… und sagte, …": the verb goes on with the last speaker, unless the
                    // sentence names its subject before ("befand der Premier … und nannte").
                    // (nor a pronoun: "Er halte das für vertretbar und bezeichnete es als
                    // „…“", which `speaker_at` gives)
                    let goes_on = k > 0
                        && matches!(left[k - 1].text, "und" | "and")
                        && !left_runs
                            .iter()
                            .any(|r| r.words.end < k && (r.names_person() || r.subject.is_some()))
                        && opening_pronoun(lex, text, &left, k).is_none();
                    // An outlet in marks right after "laut": "Laut „Reuters“ zeichnet Moskau
                    // das Bild eines „…“" (its words are not among `left`'s).
                    let outlet = || {
                        if &*lower(&c) != "laut" {
                            return None;
                        }
                        let after = left[k].end();
                        let p = found[..n]
                            .iter()
                            .rev()
                            .take_while(|p| p.open.start >= after)
                            .last()
                            .filter(|p| text[after..p.open.start].trim().is_empty())?;
                        outlet_in_marks(text, p)
                    };
                    speaker = if goes_on && last_speaker.is_some() {
                        last_speaker.clone().map(Speaker::named)
                    } else {
                        outlet().or(s)
                    };
                    cue = Some(c);
                }
            }
            // A source in brackets right after the closing mark, the way a text cites: „…“
            // (Konrad-Adenauer-Stiftung), "…" (Angela Merkel). Only a few words, one of them
            // able to speak or two capitalised ones, not a date, a page or a note ("(S. 12)",
            // "(Archivbild)", "(Quelle: dpa)").
            // (with no cue, no speaker was found yet)
            if cue.is_none() {
                speaker = cited(lex, text, pair.close.end);
            }
            // A cue in a relative clause with no subject of its own: the clause's antecedent
            // speaks ("kritisierte die Opposition, die von einem „Skandal“ sprach", "the
            // opposition, which said it would „…“").
            // (not in the passive: "Die Rauchschwaden, die als „nebelartig“ beschrieben
            // wurden")
            let passive = |ws: &[Word]| ws.iter().any(|w| lex.passive.contains(w.text));
            if cue.is_some() && speaker.is_none() {
                let until = cue_at.unwrap_or(left.len());
                let agent = || passive_agent(lex, text, &left, &left_runs, until);
                let antecedent = || antecedent(lex, text, &left, &left_runs, until);
                speaker = match cue_at {
                    Some(k) if passive(&left[k.saturating_sub(2)..left.len().min(k + 3)]) => {
                        agent()
                    }
                    Some(_) => antecedent(),
                    None if passive(&right[..right.len().min(4)]) => agent(),
                    // (a cue after the quotation may close a passive that opened before it:
                    // "wird von pakistanischer Seite mit einer „…“ beschrieben")
                    None => agent().or_else(antecedent),
                };
            }
            // Reported speech ("Die Pflichten der Union seien klar festgelegt: „…“") goes on
            // with whoever the text reports: its subject is what the words are about. (The
            // verb in the quotation's clause, not before a comma: "Der Sieger erklärte, es sei
            // nicht so, und verglich es mit „…“".)
            let indirect = cue.is_none()
                && left.iter().any(|w| {
                    lex.reported.contains(w.text) && !text[w.start..pair.open.start].contains(',')
                });
            if cue.is_none() && colon && !indirect {
                // (or a role, "Ein Hauptkommissar nach der Festnahme: „…“")
                // (a run with a name was taken before: this one is a role alone)
                let role = || {
                    left_runs
                        .iter()
                        .find(|r| r.role.is_some() && !r.after_prep && !r.noun)
                        .map(|r| r.as_speaker(text, &left))
                };
                // (what someone says, theirs: "Sein Fazit zu dem Plan: „…“" is his, read as
                // a pronoun)
                let possessor = || {
                    let (p, noun) = (left.first()?, left.get(1)?);
                    if !at_sentence_start(text, p.start) || !lex.statement.contains_lower(noun.text)
                    {
                        return None;
                    }
                    let pronoun = match (lex.his.contains_lower(p.text), lex.lang) {
                        (true, Lang::De) => "er",
                        (true, _) => "he",
                        (false, _) if !lex.her.contains_lower(p.text) => return None,
                        (false, Lang::De) => "sie",
                        (false, _) => "she",
                    };
                    Some(Speaker::unnamed(pronoun, false))
                };
                // (two who open the sentence together: "Hamas und Fatah werden …: „…“")
                let together = || {
                    let r = left_runs
                        .first()
                        .filter(|r| r.words.start <= 2 && at_sentence_start(text, left[0].start))?;
                    coordinated(lex, text, &left, &left_runs, r).map(Speaker::named)
                };
                speaker = possessor()
                    .or_else(together)
                    .or_else(|| {
                        left_runs
                            .iter()
                            .find(|r| r.name.is_some() && !r.after_prep)
                            .map(|r| Speaker::named(r.name.clone().unwrap_or_default()))
                    })
                    .or_else(|| subject_of(lex, text, &left, &left_runs, left.len()))
                    .or_else(role);
            }
            let framed = left
                .last()
                .is_some_and(|w| lex.frames.contains_lower(w.text))
                || left
                    .iter()
                    .rev()
                    .take(3)
                    .any(|w| lex.frames.contains_lower(w.text) && !lex.titles.contains(w.text))
                    && length <= 6;
            // A judgment after "als" or "von" in a sentence whose verb frames it: "bezeichnete
            // den Plan als „Knaller aus Karlsruhe“", "sprachen in diesem Zusammenhang von
            // „Panikverkäufen“", "vom Wetterdienst als „sehr hoch“ eingestuft".
            let framed = framed
                || length <= 6
                    && left
                        .iter()
                        .rev()
                        .find(|w| !is_determiner(lex, w.text))
                        .is_some_and(|w| matches!(w.text, "als" | "von" | "as" | "of"))
                    && left
                        .iter()
                        .chain(right.iter())
                        .any(|w| lex.frames.contains_lower(w.text));
            // A fragment in a sentence of reported speech: "Er habe „nicht den Eindruck“".
            let reported = length <= 7
                && left
                    .iter()
                    .chain(right.iter())
                    .any(|w| lex.reported.contains(w.text));
            // A title word right before the mark: "der Zeitung „Express“", not "sagte der
            // Zeitung: „…“".
            let title = left.last().is_some_and(|w| {
                let gap = text[w.end()..pair.open.start].trim();
                (gap.is_empty() || gap == ":" && !cue_then_colon) && {
                    let l = lower(w.text);
                    lex.titles.iter().any(|t| l.ends_with(t))
                }
            });
            // A quotation goes on from the one before: a whole sentence in the same paragraph
            // ("Not this time.") or a new paragraph of the same speaker.
            let sentence = quoted.starts_with(char::is_uppercase)
                && quoted.trim_end().ends_with(['.', '!', '?']);
            let continues = cue.is_none()
                && (length >= 4 || (length >= 2 && sentence))
                && last_quote_end.is_some_and(|e| pair.open.start - e < 400)
                && left.is_empty();
            // A short quoted string of capitalised words only is a name: a title, an outlet
            // ("Berliner Zeitung", "Kyiv Post"); one word after a determiner or adjective too
            // (der britische „Express“).
            // A number is part of a name too: „Apollo 11“, „Hvalur 9“.
            let name_like = (2..=4).contains(&length)
                // "„Bleiben Sie zu Hause.“" is a sentence.
                && !quoted.trim_end().ends_with('.')
                && qwords.first().is_some_and(|w| w.capitalised())
                && qwords.iter().all(|w| {
                    w.capitalised()
                        || lex.particles.contains(w.text)
                        || w.text.bytes().all(|b| b.is_ascii_digit())
                });
            let after_determiner = length == 1
                && left.last().is_some_and(|w| {
                    let l = lower(w.text);
                    lex.determiners.contains(&l)
                        || lex.function.contains(&l)
                        || lex.particles.contains(&l)
                        || (!w.capitalised()
                            && ["e", "en", "er", "es", "em"].iter().any(|e| l.ends_with(e)))
                })
                && !framed
                // "als „falsch“", a judgment, when someone in the sentence speaks.
                && (cue.is_none() || qwords.iter().all(|w| w.capitalised()))
                // "nannte den Bericht eine „Zeitungsente“": an indefinite article before one
                // word, in a sentence with a cue, is a judgment quoted.
                && !(cue.is_some()
                    && left.last().is_some_and(|w| {
                        matches!(
                            &*lower(w.text),
                            "ein" | "eine" | "einen" | "einem" | "einer" | "a" | "an" | "als" | "as"
                        )
                    }));
            // Mostly capitalised words without a clause's punctuation: a name or title
            // ("Preis der schwedischen Reichsbank für Wirtschaftswissenschaften").
            let capitals = qwords.iter().filter(|w| w.capitalised()).count();
            let title_like = lex.lang == Lang::De
                && length >= 3
                && capitals * 2 > length
                && !quoted.contains([',', '.', '!', '?', ':', ';']);
            // One capitalised word right after a noun is a name in apposition: "die Modelle
            // „Touareg“".
            let apposition = length == 1
                && qwords.first().is_some_and(|w| w.capitalised())
                && left.len() >= 2
                && left
                    .last()
                    .is_some_and(|w| w.capitalised() && !lex.is_cue(w.text));
            // A cue right after it, without a comma, is the verb of the sentence the title
            // stands in ("die Gruppe „Bürger für Wendelsburg“ sprach von"), no attribution.
            let comma_after = text[pair.close.end..right_end]
                .trim_start()
                .starts_with(',')
                || text[..pair.close.end]
                    .trim_end_matches(|c: char| is_mark(c))
                    .ends_with(',');
            // A web address is an outlet: laut „tagesschau.de“.
            let address = length == 1 && {
                let t = quoted.trim_end_matches('.');
                t.contains('.') && !t.contains(char::is_whitespace)
            };
            // A translation or another name in brackets after a name: „Cast Lead“ („…“).
            let alias = n > 0
                && out.last().is_some_and(|q: &Quote| q.mention)
                && text[found[n - 1].close.end..pair.open.start].trim() == "(";
            // A capitalised word or name before a framing verb as the attribute of a noun is
            // that noun's label: "die als „Sondervermögen“ bezeichneten Kredite" (not a
            // judgment someone gave: "die von Kritikern als „Fehler“ bezeichnete Reform").
            let label = qwords.first().is_some_and(|w| w.capitalised())
                && right.len() >= 2
                && lex.labels.contains_lower(right[0].text)
                && right[1].capitalised()
                && !text[pair.close.end..right[1].start].contains([',', '.', ';', ':'])
                && !left
                    .iter()
                    .rev()
                    .take(4)
                    .any(|w| matches!(w.text, "von" | "vom"));
            let title = title
                || label
                || address
                || alias
                || name_like
                || after_determiner
                || apposition
                || (title_like && !cue_then_colon && !(attributed_after && comma_after));
            // Words out of someone's mouth or text, not a name: a title or a name opens with a
            // capital, a quoted fragment of a clause with a lower-case word ("eine „größte
            // Friedensdemo jemals“" does not; "rät, „nicht notwendige Reisen zu verschieben“"
            // does). Three words or more, or two in a sentence of speech.
            // (Reported speech around a fragment of two words makes it a quotation already.)
            let speech_around = || {
                left.iter().chain(right.iter()).any(|w| {
                    let l = lower(w.text);
                    lex.cues.contains(&l) || lex.frames.contains(&l) || lex.after.contains(&l)
                })
            };
            let fragment = qwords.first().is_some_and(|w| !w.capitalised())
                && (length >= 3
                    // Two words that open with an article are a noun phrase: „den Westen“.
                    || (length == 2
                        && !is_determiner(lex, qwords[0].text)
                        && speech_around()));
            // A clause of three words or more that ends in a comma inside the marks, the
            // English way of going on to the attribution ("“I don't know,” the driver, who …").
            let clause_comma = length >= 3 && quoted.trim_end().ends_with(',');
            let quotation = !title
                && (cue.is_some()
                    || colon
                    || framed
                    || reported
                    || continues
                    || fragment
                    || clause_comma
                    || length >= 8);
            if quotation && speaker.is_none() {
                // No cue beside it: the speaker of the quotation just before (reported speech
                // goes on), else a person named in its sentence, else its subject, else the
                // speaker of a quotation a little further back.
                let last_within = |bytes: usize| {
                    last_quote_end
                        .filter(|&e| pair.open.start - e < bytes)
                        .and(last_speaker.clone())
                        .map(Speaker::named)
                };
                // A cue further on in its sentence: "Sie wisse, dass ihre Arbeit „…“ sei,
                // hatte Koch-Mehrin damals gesagt".
                // (the runs after the quotation, read once for `later`, `framing` and
                // `so_at_end`)
                let right_runs = std::cell::OnceCell::new();
                let right_runs = || right_runs.get_or_init(|| runs(lex, text, &inside, &right));
                let later = || {
                    let k = right.iter().take(8).position(|w| lex.is_cue(w.text))?;
                    // (not past the end of a sentence the quotation closes, "„… Decke.“ Ihr
                    // Nachbar ergänzt: …"; a verb in lower case right after it goes on with
                    // it, "„… etabliert.“ erklärte die Ministerin")
                    if quoted.trim_end().ends_with(['.', '!', '?'])
                        && (k > 0 || right[0].capitalised())
                    {
                        return None;
                    }
                    if text[pair.close.end..right[k].start].contains([';', ':']) {
                        return None;
                    }
                    let s = speaker_at(lex, text, &right, right_runs(), k)?;
                    Some((right[k].text, s))
                };
                // The person the sentence before names, or its subject: "Um Zeit zu gewinnen,
                // will Oettinger die Fächer straffen. „Nicht jede Formel …“"
                // (read once, for `before` and `spoke_before`)
                let sentence_before = std::cell::OnceCell::new();
                let sentence_before = || {
                    sentence_before.get_or_init(|| {
                        let end = text[..left_start].trim_end().len();
                        let start = sentence_start(lex, text, end.saturating_sub(1), 300);
                        let ws = words(text, start..end);
                        let found = runs(lex, text, &inside, &ws);
                        (start, ws, found)
                    })
                };
                let before = || {
                    let (_, ws, found) = sentence_before();
                    found
                        .iter()
                        .find_map(Run::named_person)
                        .or_else(|| subject_of(lex, text, ws, found, ws.len()))
                };
                // A person the sentence before opens with as its subject, since the last
                // quotation, speaks one that opens the next ("Der Bruder des Papstes, Georg
                // Ratzinger, war eingeweiht. „Mein Bruder …“"), before the last speaker.
                let opened_before = || {
                    if !left.is_empty() {
                        return None;
                    }
                    let (start, ws, found) = sentence_before();
                    if last_quote_end.is_some_and(|e| e > *start) {
                        return None;
                    }
                    // (the first phrase, from its article on)
                    let r = found.first().filter(|r| {
                        at_sentence_start(text, ws[0].start)
                            && (r.words.start == 0
                                || r.subject.is_some()
                                    && ws[1..r.words.start].iter().all(|w| !w.capitalised()))
                    })?;
                    // The name in apposition to it first: "Der Bruder des Papstes, Georg
                    // Ratzinger,".
                    // (past its genitive: a comma ends the words between, a few and no other)
                    found
                        .iter()
                        .find(|n| {
                            // (after the phrase: a run can open inside its genitive)
                            n.words.start > r.words.start
                                && text.get(r.phrase_end..ws[n.words.start].start).is_some_and(
                                    |gap| {
                                        gap.trim_end().ends_with(',')
                                            && gap.matches(',').count() == 1
                                            && gap.split_whitespace().count() <= 4
                                    },
                                )
                        })
                        .and_then(Run::named_person)
                        .or_else(|| r.named_person())
                };
                // A person the sentence before names beside a cue, since the last quotation,
                // goes on speaking ("Anja Hajduk kritisierte die Pläne. Hier seien die
                // Mittel „völlig unrealistisch“."), before the last speaker. So does one whose
                // view it gives ("Nach Ansicht von Minister Weber ist nichts entschieden.").
                let spoke_before = || {
                    let (start, ws, found) = sentence_before();
                    if last_quote_end.is_some_and(|e| e > *start) {
                        return None;
                    }
                    // (a verb in the plural that is a cue only after a quotation is one before
                    // its subject: "kritisieren die Grünen die Novelle")
                    let plural = |i: usize| {
                        lex.after.contains(ws[i].text)
                            && ws.get(i + 1).is_some_and(|w| is_nominative(lex, w.text))
                    };
                    let cue = ws
                        .iter()
                        .enumerate()
                        .position(|(i, w)| lex.is_cue(w.text) || plural(i));
                    let k = cue.or_else(|| (0..ws.len()).find(|&i| opinion(lex, ws, i)))?;
                    // (a person, surely one; after "von" for a view; or a subject that can
                    // speak right after the cue, "die Grünen")
                    let s = speaker_at(lex, text, ws, found, k)?;
                    found
                        .iter()
                        .any(|r| {
                            r.sure
                                && (r.names_person() || cue.is_none() && r.name.is_some())
                                && r.name.as_ref() == Some(&s.phrase)
                                || cue.is_some()
                                    && !s.named
                                    && r.words.start > k
                                    && r.subject.as_deref() == Some(s.phrase.as_str())
                        })
                        .then_some(s)
                };
                // The verb that frames a judgment has its speaker beside it as a cue does:
                // "Kritiker nannten den Plan ein „…“", "Critics called the plan a „…“".
                // Or right after it, the judgment put first: "Als „verpasste Chance“ wertete
                // der Sprecher der Grünen das Pontifikat".
                let frame = |w: &Word| {
                    // (a verb, not English "as")
                    let l = lower(w.text);
                    lex.frames.contains(&l) && !lex.conjunctions.contains(&l)
                };
                let framing = || {
                    if let Some(k) = left.iter().rposition(frame) {
                        let s = speaker_at(lex, text, &left, &left_runs, k)?;
                        return Some((left[k].text, s));
                    }
                    let k = right.iter().take(2).position(frame)?;
                    // (a verb at the end of its clause has its subject before the quotation,
                    // the nearest person: "weil die Regierung den Plan als „…“ bezeichnet")
                    // (or the agent of a passive it closes: "wird von Kritikern als „…“
                    // gewertet")
                    let s = speaker_at(lex, text, &right, right_runs(), k)
                        .or_else(|| passive_agent(lex, text, &left, &left_runs, left.len()))
                        .or_else(|| {
                            left_runs
                                .iter()
                                .rev()
                                .find(|r| {
                                    (r.name.is_some() || r.role.is_some())
                                        && !r.after_prep
                                        && !r.noun
                                })
                                .map(|r| r.as_speaker(text, &left))
                        })?;
                    Some((right[k].text, s))
                };
                // A colon at the end of the paragraph before, a quotation opening the next
                // ("In seiner Rede sagte er:\n\n„…"): the colon's clause attributes it.
                let colon_before = || {
                    let head = text[..pair.open.start].trim_end();
                    if !left.is_empty()
                        || !head.ends_with(':')
                        || !text[head.len()..pair.open.start].contains('\n')
                    {
                        return None;
                    }
                    let (_, ws, found) = sentence_before();
                    let k = ws.iter().rposition(|w| lex.is_cue(w.text))?;
                    Some((ws[k].text, speaker_at(lex, text, ws, found, k)?))
                };
                // "so" and its speaker closing the sentence attribute all of it: "Die Summe sei
                // „mit Vorsicht zu genießen“, da … gekostet hätten, so die FIFA."
                let so_at_end = || {
                    let k = right
                        .iter()
                        .rposition(|w| w.text == "so")
                        .filter(|&k| right.len() - k <= 4 && k > 0)?;
                    if !between(text, &right[k - 1], &right[k]).contains(',')
                        || !text[right[right.len() - 1].end()..right_end]
                            .trim_start()
                            .starts_with(['.', '!', '?'])
                    {
                        return None;
                    }
                    let s = speaker_at(lex, text, &right, right_runs(), k)?;
                    Some((right[k].text, s))
                };
                let beside = framing()
                    .or_else(later)
                    .or_else(so_at_end)
                    .or_else(colon_before)
                    .map(|(c, s)| {
                        cue = Some(c.to_string());
                        s
                    });
                // (not in reported speech: then the speaker is the one before, most often
                // the sentence before)
                let subject = std::cell::OnceCell::new();
                let subject = || {
                    subject
                        .get_or_init(|| sentence_subject(lex, text, &left, &left_runs))
                        .clone()
                };
                speaker = beside
                    .or_else(|| indirect.then(spoke_before).flatten())
                    .or_else(|| left_runs.iter().rev().find_map(Run::named_person))
                    // (not when the sentence has a subject of its own)
                    .or_else(|| subject().is_none().then(spoke_before).flatten())
                    .or_else(opened_before)
                    .or_else(|| last_within(300))
                    .or_else(subject)
                    .or_else(|| last_within(600))
                    .or_else(before);
            }
            // A pronoun stands for the last named speaker; a role for the person the
            // document names with that role ("der Sprecher" → "Pat Ryder"), else it stays.
            // An epithet read as a pronoun (below) stays as written unless that finds a person.
            let epithet_of: std::cell::Cell<Option<String>> = Default::default();
            let speaker = speaker.map(|s| {
                if s.named {
                    s.phrase
                } else if let Some(at) = s.demonstrative {
                    people()
                        .iter()
                        .rev()
                        .find(|p| p.at < at)
                        .map_or(s.phrase, |p| p.name.clone())
                } else if let Some(wanted) = lex
                    .pronouns
                    .contains_lower(&s.phrase)
                    .then(|| pronoun_gender(&s.phrase))
                    .or_else(|| age_phrase(&s.phrase, lex.lang))
                    .or_else(|| {
                        // A party or a country with "Politiker", "Chef", ... that no one in
                        // the document has as a role and no sentence before this one speaks
                        // of ("Bundeskanzler Olaf Scholz ... sagte der SPD-Politiker") is an
                        // epithet of someone named before: read as a pronoun is. (Not "sein
                        // Anwalt", "ihr Sprecher", nor "der Staatsanwalt", someone new.)
                        if s.indefinite || s.phrase.contains(' ') || !epithet(&s.phrase) {
                            return None;
                        }
                        let end = text.ceil_char_boundary(pair.close.end + 200);
                        let at = left_start + text[left_start..end].find(&s.phrase)?;
                        let article = text[..at].trim_end().rsplit(' ').next()?;
                        let (key, gender) = bare_role(lex, article, &s.phrase)?;
                        let had = people().iter().any(|p| p.role.as_deref() == Some(key));
                        let first = first_mention().get(key).copied().unwrap_or(usize::MAX);
                        (!had && first >= left_start).then(|| {
                            epithet_of.set(Some(s.phrase.clone()));
                            gender
                        })
                    })
                {
                    // The last named speaker, unless the pronoun's gender rules them out
                    // ("„Das“, sagte er" after the mayor, Bürgermeisterin Meinhardt, spoke):
                    // then the nearest person named before it who can be meant. A person
                    // called by their age is meant the same way ("sagte der 54-Jährige").
                    // German "sie" with a verb in the plural ("sie bezeichneten") is "they":
                    // no one person.
                    let sie = lex.lang == Lang::De && &*lower(&s.phrase) == "sie";
                    if sie && cue.as_deref().is_some_and(|c| c.ends_with("en")) {
                        return s.phrase;
                    }
                    // The words and runs of the sentences just before the quotation's, back
                    // at most PRONOUN_REACH bytes and not before `floor` (read only there,
                    // not in the whole text).
                    let just_before = |floor: usize| {
                        let from = text.ceil_char_boundary(
                            left_start.saturating_sub(PRONOUN_REACH).max(floor),
                        );
                        let ws = words(text, from..left_start);
                        let found = runs(lex, text, &inside, &ws);
                        (ws, found)
                    };
                    let gender_of = |name: &str| {
                        people()
                            .iter()
                            .find(|p| p.name == name && p.gender.is_some())
                            .and_then(|p| p.gender)
                    };
                    // A person the sentences since the last quotation introduce as a subject
                    // ("Unterdessen verteidigte der Vorsitzende, Sebastian Edathy, den
                    // Entwurf. Er bezeichnete ihn als „…“"): the pronoun's, before the last
                    // speaker. A subject opens its sentence or has its article; a name alone
                    // after a verb may be its object.
                    // Or someone unnamed introduced speaking ("Ein Sprecher der Polizei
                    // sagte, man nehme das ernst. „…“, fügte er hinzu"): the role as written.
                    let introduced = || {
                        let (ws, found) = just_before(last_quote_end.unwrap_or(0));
                        // (a cue in its phrase or in the two words after it)
                        let someone = |r: &Run| {
                            let after = ws[r.words.end..]
                                .iter()
                                .position(|w| w.start >= r.phrase_end)
                                .map_or(ws.len(), |p| r.words.end + p);
                            r.name.is_none()
                                && r.indefinite
                                && !r.after_prep
                                && r.role.is_some()
                                && ws[r.words.end..(after + 2).min(ws.len())]
                                    .iter()
                                    .any(|w| lex.is_cue(w.text))
                        };
                        found
                            .into_iter()
                            .rev()
                            .find(|r| {
                                (r.names_person() && r.sure || someone(r))
                                    && (r.subject.is_some()
                                        || at_sentence_start(text, ws[r.words.start].start))
                                    && r.role.as_deref().is_none_or(|x| !lex.sources.contains(x))
                            })
                            .filter(|r| {
                                let role = r.role.as_deref().and_then(|x| role_gender(x, lex.lang));
                                let named = r.name.as_deref().and_then(gender_of);
                                // (German "sie" may be "they": only a woman the text says is one)
                                if sie {
                                    return role.or(named) == Some(Gender::Female);
                                }
                                can_mean(wanted, role.or(named))
                            })
                            .map(|r| {
                                r.name.unwrap_or_else(|| {
                                    text[ws[r.words.start].start..r.phrase_end].to_string()
                                })
                            })
                    };
                    if last_named.is_some() {
                        if let Some(name) = introduced() {
                            return name;
                        }
                    }
                    match (&last_named, wanted) {
                        // (one the text says is of that gender first, then one it does not
                        // say of)
                        (Some(last), Some(w)) if gender_of(last).is_some_and(|g| g != w) => {
                            let before =
                                || people().iter().rev().filter(|p| p.at < pair.open.start);
                            before()
                                .find(|p| gender_of(&p.name) == Some(w))
                                .or_else(|| before().find(|p| gender_of(&p.name).is_none()))
                                .map_or(s.phrase, |p| p.name.clone())
                        }
                        (Some(last), _) => last.clone(),
                        // No one spoke yet: the nearest person named in the sentences just
                        // before that can be meant.
                        (None, w) => {
                            let (ws, found) = just_before(0);
                            // a person: a first name and a surname, a surname the text
                            // gives with a first name elsewhere, or a person's role
                            // ("Verwaltungsgericht Düsseldorf" names a court), of a gender
                            // the pronoun can mean
                            let fits = |r: &&Run| {
                                r.names_person()
                                    && r.sure
                                    && r.role.as_deref().map_or(
                                        r.name.as_ref().is_some_and(|n| {
                                            n.contains(' ')
                                                || ws[r.words.clone()]
                                                    .iter()
                                                    .any(|w| w.text == n && inside.named(w.text))
                                        }),
                                        |x| !lex.sources.contains(x),
                                    )
                                    && (w.is_none()
                                        || r.role
                                            .as_deref()
                                            .and_then(|x| role_gender(x, lex.lang))
                                            .is_none_or(|g| Some(g) == w))
                            };
                            // In English, the nearest subject of a sentence ("Canada's Mia
                            // Laurent reached the semifinal, beating the Grand Slam winner.
                            // “…,” the 22-year-old said"), else the nearest at all. (A German
                            // subject may stand after its verb: "Auch Hessens Ministerpräsident
                            // Roland Koch kritisierte".)
                            let subject = |r: &&Run| {
                                lex.lang == Lang::En
                                    && (r.subject.is_some()
                                        || at_sentence_start(text, ws[r.words.start].start))
                            };
                            found
                                .iter()
                                .rev()
                                .filter(fits)
                                .find(subject)
                                .or_else(|| found.iter().rev().find(fits))
                                .and_then(|r| r.name.clone())
                                .unwrap_or(s.phrase)
                        }
                    }
                } else if s.indefinite {
                    s.phrase
                } else {
                    // The nearest before the quotation, else the first after it.
                    let Some(key) = s.phrase.split(' ').find_map(|w| lex.inflected_role_key(w))
                    else {
                        // No role in it ("die 56-jährige Fachangestellte"): as written.
                        return s.phrase;
                    };
                    let with_role = |p: &&Person| p.role.as_deref() == Some(key);
                    let all = people();
                    let split = all.partition_point(|p| p.at < pair.open.start);
                    all[..split]
                        .iter()
                        .rev()
                        .find(with_role)
                        .or_else(|| all[split..].iter().find(with_role))
                        .map_or(s.phrase, |p| p.name.clone())
                }
            });
            // (a person the text names, in full or by the surname of a full name)
            let is_person = |name: &String| {
                let surname = name.rsplit(' ').next();
                people().iter().any(|p| {
                    p.name == *name || (name.contains(' ') && p.name.rsplit(' ').next() == surname)
                })
            };
            let speaker = match epithet_of.take() {
                Some(epithet) if !speaker.as_ref().is_some_and(is_person) => Some(epithet),
                _ => speaker,
            };
            // An organisation by its kind ("teilte der Verband mit") is the one of that kind
            // named last before ("Der Gewerbeverband reagierte empört").
            let speaker = speaker
                .map(|s| organisation_named_before(lex, text, &s, pair.open.start).unwrap_or(s));
            let speaker = speaker.map(|s| {
                completed
                    .entry(s.clone())
                    .or_insert_with(|| complete_name(text, &s, lex))
                    .clone()
            });
            if quotation {
                if let Some(s) = &speaker {
                    if !lex.pronouns.contains_lower(s) {
                        last_named = Some(s.clone());
                    }
                }
                last_speaker = speaker.clone();
                last_quote_end = Some(pair.close.end);
            }
            out.push(Quote {
                span: inner,
                speaker: if quotation { speaker } else { None },
                cue: if quotation { cue } else { None },
                mention: !quotation,
            });
        }
        out
    }

    /// A cue in the words right after a quotation and the speaker beside it.
    fn cue_after<'t>(
        &self,
        lex: &Lexicon,
        right: &[Word<'t>],
        text: &'t str,
        inside: &Usage<'t>,
        close_end: usize,
    ) -> Option<(String, Option<Speaker>)> {
        // The attribution follows at once, after at most a comma: not "„…“ und sagte".
        let gap = &text[close_end..right.first()?.start];
        if !gap.chars().all(|c| c.is_whitespace() || c == ',') {
            return None;
        }
        // A quotation that ends its sentence with a period is not attributed after it; one
        // that ends with "!" or "?" only by the next word or two ("„Raus!“ rief er").
        let within = text[..close_end].trim_end_matches(|c: char| is_mark(c));
        let after_comma = gap.contains(',') || within.ends_with(',');
        let reach = if after_comma && lex.causative.contains_lower(right[0].text) {
            // "„…“, ließ ein Sprecher der Reederei am Abend verlauten"
            12
        } else if after_comma {
            6
        } else if within.ends_with('.') {
            // (a verb in lower case right after it, without the comma, goes on with the
            // sentence: "„… bewährt.“ erklärte die Ministerin")
            usize::from(!right[0].capitalised())
        } else {
            2
        };
        // "„…“ und drohte": a verb after "und" goes on with the sentence's subject.
        if matches!(right[0].text, "und" | "and" | "oder" | "or") {
            return None;
        }
        // A word that attributes after the quotation only does so before a name or a
        // determiner ("so Selenskyj", "so der Sprecher"), not in "so genannten".
        let is_cue = |i: usize| {
            let w = &right[i];
            let l = lower(w.text);
            lex.is_cue(w.text)
                || opinion(lex, right, i)
                // after a comma, a verb that frames: "„…“, so charakterisierte ihn Aubin"
                || after_comma && lex.frames.contains(&l)
                || lex.after.contains(&l)
                    && (lex.source.contains(&l)
                        || right.get(i + 1).is_some_and(|n| {
                            n.capitalised() || is_determiner(lex, n.text)
                        }))
        };
        // A relative clause on the subject ("the driver, who asked not to be named, told")
        // holds no cue of the quotation.
        let clause = (1..right.len().min(5)).find(|&i| {
            between(text, &right[i - 1], &right[i]).contains(',')
                && lex.relative.contains_lower(right[i].text)
        });
        // "“…,” a resident who declined to give her name said": a relative clause without
        // commas on an English subject in lower case; the cue after it is the subject's.
        let restrictive = || {
            let c = (2..right.len().min(5)).find(|&i| matches!(right[i].text, "who" | "that"))?;
            let plain = |w: &Word| !w.capitalised() && !is_function(lex, w.text);
            if lex.lang != Lang::En
                || !after_comma
                || !is_determiner(lex, right[0].text)
                || !right[1..c].iter().all(plain)
                || text[right[0].start..right[c].start].contains(',')
            {
                return None;
            }
            let k = (c + 2..right.len().min(c + 14)).find(|&i| is_cue(i))?;
            if text[right[c].start..right[k].start].contains(CLAUSE_BREAK) {
                return None;
            }
            let last = &right[c - 1];
            let speaker = Speaker::unnamed(
                &text[right[1].start..last.end()],
                lex.indefinite.contains_lower(right[0].text),
            );
            Some((right[k].text.to_string(), Some(speaker)))
        };
        if let Some(found) = restrictive() {
            return Some(found);
        }
        let k = (0..right.len().min(reach).min(clause.unwrap_or(usize::MAX)))
            .find(|&i| is_cue(i))
            .or_else(|| {
                // "„…“ ist, wie Selenskyj es nennt": a clause with "wie" or "as" and a cue.
                let w = right
                    .iter()
                    .take(3)
                    .position(|w| matches!(w.text, "wie" | "as"))?;
                let c = (w + 1..right.len().min(w + 7)).find(|&i| is_cue(i))? - (w + 1);
                Some(w + 1 + c)
            })
            .or_else(|| {
                // "“…,” the driver, who did not want to be named, told the BBC": the cue
                // right after a relative clause on the subject.
                if !after_comma {
                    return None;
                }
                let r = clause?;
                let e = (r + 1..right.len().min(r + 16))
                    .find(|&i| between(text, &right[i - 1], &right[i]).contains(','))?;
                (e..right.len().min(e + 2)).find(|&i| is_cue(i))
            })?;
        // German puts the verb of an attribution first, right after the quotation ("„…“,
        // sagte Müller"; "„…“, wird Müller zitiert"): a name or an article before the verb
        // opens a clause of its own ("„…“, Bundestrainer Löw bezeichnete …").
        if lex.lang == Lang::De
            && k > 0
            && lex.is_cue(right[k].text)
            && (right[0].capitalised() || is_nominative(lex, right[0].text))
            && !is_function(lex, right[0].text)
            && !lex.after.contains_lower(right[0].text)
        {
            return None;
        }
        let cue = right[k].text.to_string();
        let found = runs(lex, text, inside, right);
        // Else the phrase after the verb that opens with a nominative article is its subject,
        // whatever its noun: "„…“, meint die 56-jährige Fachangestellte".
        let subject_after = || {
            let det = right.get(k + 1)?;
            if !is_nominative(lex, det.text) {
                return None;
            }
            let r = found
                .iter()
                .find(|r| r.words.start > k + 1 && r.words.start <= k + 4)?;
            Some(Speaker::unnamed(&text[det.start..r.phrase_end], false))
        };
        // English common nouns are written in lower case and make no run: "“…,” the driver
        // said" has the subject "driver" between the quotation and the verb.
        let lower_subject = || {
            // up to a relative clause on it ("the driver, who …, told")
            let k = clause.filter(|&c| c < k).unwrap_or(k);
            if lex.lang != Lang::En
                || !(2..=4).contains(&k)
                || !is_determiner(lex, right[0].text)
                || found.iter().any(|r| r.words.start < k)
                || right[1..k]
                    .iter()
                    .any(|w| w.capitalised() || is_function(lex, w.text))
            {
                return None;
            }
            let last = &right[k - 1];
            Some(Speaker::unnamed(&text[right[1].start..last.end()], true))
        };
        let speaker = lower_subject()
            .or_else(|| speaker_at(lex, text, right, &found, k))
            .or_else(subject_after);
        Some((cue, speaker))
    }

    /// A cue in the words of the sentence before a quotation (with their runs), where it
    /// stands, and the speaker beside it.
    fn cue_before(
        &self,
        lex: &Lexicon,
        left: &[Word],
        left_runs: &[Run],
        text: &str,
    ) -> Option<(String, usize, Option<Speaker>)> {
        // "Laut einer Mitteilung des Amtes sei die Lage „…“": "laut" and "zufolge" attribute
        // before the quotation too.
        let mut k = (0..left.len()).rev().find(|&i| {
            let w = left[i].text;
            lex.is_cue(w) || lex.source.contains_lower(w) || opinion(lex, left, i)
        })?;
        // "seitens" names a source when nothing else in the sentence speaks ("Zunächst war
        // seitens der Bundeswehr von „…“ die Rede"), but after a verb of speech it is whose
        // doing the words report ("Die Veranstalter erklären, die Gewalt seitens der Polizei
        // sei eine Reaktion auf „…“").
        if left[k].text == "seitens" {
            if let Some(v) = (0..k)
                .rev()
                .find(|&i| lex.is_cue(left[i].text) && !lex.source.contains_lower(left[i].text))
            {
                k = v;
            }
        }
        // "sagte Kapitän Berg laut einer Agentur": the speech verb with its person before
        // "laut" in the same clause speaks, the source relays.
        if lex.source.contains_lower(left[k].text) {
            let verb = (0..k)
                .rev()
                .find(|&i| lex.is_cue(left[i].text))
                .filter(|&v| {
                    !lex.source.contains_lower(left[v].text)
                        && !text[left[v].end()..left[k].start].contains(CLAUSE_BREAK)
                });
            if let Some(v) = verb {
                if let Some(s) = speaker_at(lex, text, left, left_runs, v).filter(|s| s.named) {
                    return Some((left[v].text.to_string(), v, Some(s)));
                }
            }
        }
        let cue = left[k].text.to_string();
        Some((cue, k, speaker_at(lex, text, left, left_runs, k)))
    }
}

/// The source a text cites in brackets right after a quotation's closing mark at `at`:
/// "(Konrad-Adenauer-Stiftung)", "(Angela Merkel)".
fn cited(lex: &Lexicon, text: &str, at: usize) -> Option<Speaker> {
    let rest = text[at..].trim_start_matches([' ', '\u{a0}']);
    let inner = rest.strip_prefix('(')?;
    let close = inner[..inner.floor_char_boundary(80)].find(')')?;
    // (closing the sentence: "„…“ (Council for National Security) umbenennen" translates)
    let after = inner[close + 1..].trim_start_matches([' ', '\u{a0}']);
    if !(after.is_empty() || after.starts_with(['.', '\n'])) {
        return None;
    }
    let inner = inner[..close].trim();
    let ws: Vec<&str> = inner.split_whitespace().collect();
    let capitals = ws
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    (inner.starts_with(char::is_uppercase)
        && (1..=5).contains(&ws.len())
        && !inner.contains(|c: char| c.is_ascii_digit() || matches!(c, ':' | ',' | ';' | '.'))
        && (capitals >= 2 || ws.iter().any(|w| lex.speaks(w))))
    .then(|| Speaker::named(inner.to_string()))
}

/// Whether word `i` is a noun that attributes after "nach": "nach Angaben der Polizei",
/// "Nach Ansicht von Ministerin Roth".
fn opinion(lex: &Lexicon, ws: &[Word], i: usize) -> bool {
    i > 0 && matches!(ws[i - 1].text, "nach" | "Nach") && lex.opinion.contains_lower(ws[i].text)
}

/// Words that are capitalised at the start of a sentence but name nobody.
fn is_function(lex: &Lexicon, w: &str) -> bool {
    lex.function.contains_lower(w)
}

/// An article or another determiner, in any case: "Die", "jeder", "the".
fn is_determiner(lex: &Lexicon, w: &str) -> bool {
    lex.determiners.contains_lower(w)
}

/// A determiner of a subject, in any case: "Der", "die", "the".
fn is_nominative(lex: &Lexicon, w: &str) -> bool {
    lex.nominative.contains_lower(w)
}

/// Punctuation that ends a clause: a phrase beyond it is no part of the clause before.
const CLAUSE_BREAK: [char; 3] = [',', ';', ':'];

/// Endings of German abstract and collective nouns, which no surname has.
const NOUN_ENDINGS: &[&str] = &[
    "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion", "tionen",
    "ität", "itäten", "nisse", "ismus",
];

/// How far back, in bytes, a pronoun looks for its person when no one has spoken yet.
const PRONOUN_REACH: usize = 600;

/// How far back an organisation called by its kind looks for its name, in bytes.
const ORGANISATION_REACH: usize = 1500;

/// A run of capitalised words in a sentence and what it is.
#[derive(Clone, Debug)]
struct Run {
    /// Word indices.
    words: Range<usize>,
    /// The person's name in it, after any role words: "Pat Ryder" of "Pentagon-Sprecher Pat
    /// Ryder"; `None` for a role alone or a common noun.
    name: Option<String>,
    /// The name is surely one: see `runs`.
    sure: bool,
    /// The role words at its head, lower case: "pentagon-sprecher".
    role: Option<String>,
    /// Preceded by a determiner or preposition and no role: a common noun ("die Rolle").
    noun: bool,
    /// Preceded by a preposition or adverb: not the subject ("Über Steve Fossett sagte").
    after_prep: bool,
    /// Preceded by a nominative determiner (der, die, das, the): the phrase from it.
    subject: Option<String>,
    /// Where its phrase ends: after the run, or for a run without a name after its genitive
    /// ("Sprecher des Finanzministeriums", "Die Autoren der Studie").
    phrase_end: usize,
    /// Preceded by an indefinite article: "ein Sprecher".
    indefinite: bool,
}

impl Run {
    /// Whether it names a person who can be the speaker: a name, neither a common noun nor
    /// after a preposition.
    fn names_person(&self) -> bool {
        self.name.is_some() && !self.noun && !self.after_prep
    }

    /// It as the speaker of a cue beside it: its name, else its role with what it is a role
    /// of ("Sprecher des Ministeriums"). `ws` are the words it was read from.
    fn as_speaker(&self, text: &str, ws: &[Word]) -> Speaker {
        match &self.name {
            Some(n) => Speaker::named(n.clone()),
            None => Speaker::unnamed(
                &text[ws[self.words.start].start..self.phrase_end],
                self.indefinite,
            ),
        }
    }

    /// Its subject as a speaker: the name in it, else the phrase ("Der 23-jährige Sportler").
    fn subject_speaker(&self) -> Speaker {
        Speaker::named(
            self.name
                .clone()
                .or_else(|| self.subject.clone())
                .unwrap_or_default(),
        )
    }

    /// That person as a speaker, when no cue stands beside it: only a sure name.
    fn named_person(&self) -> Option<Speaker> {
        (self.names_person() && self.sure)
            .then(|| self.name.clone().map(Speaker::named))
            .flatten()
    }
}

/// A person a document names (see `people` in [`Finder::find`]).
struct Person {
    /// Where the mention starts.
    at: usize,
    name: String,
    /// The listed role the mention gives ("sprecher").
    role: Option<String>,
    gender: Option<Gender>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Female,
    Male,
}

/// A person called by their age, as a pronoun is read, with the gender its article gives:
/// "der 54-Jährige" (a man), "die 46-Jährige" (a woman), "the 61-year-old" (either); not the
/// plural ("die 30-Jährigen") nor an age before a noun ("die 56-jährige Fachangestellte").
fn age_phrase(phrase: &str, lang: Lang) -> Option<Option<Gender>> {
    // (an English one may come without its article)
    let (article, noun) = phrase.split_once(' ').unwrap_or(("the", phrase));
    let (age, rest) = noun.split_once('-')?;
    if age.is_empty() || age.len() > 3 || !age.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match (lang, &*lower(article), rest) {
        (Lang::De, "der", "Jährige") | (Lang::De, "dem" | "den" | "des", "Jährigen") => {
            Some(Some(Gender::Male))
        }
        (Lang::De, "die", "Jährige") | (Lang::De, "der", "Jährigen") => {
            Some(Some(Gender::Female))
        }
        (Lang::En, "the", "year-old") => Some(None),
        _ => None,
    }
}

/// A role that qualifies a person the text names rather than bringing in someone new: a party,
/// a country or an organisation by its initials before it ("SPD-Politiker", "CDU-Chef",
/// "Grünen-Politikerin", "US-Präsident"), or a politician.
fn epithet(role: &str) -> bool {
    let party = role.rsplit_once('-').is_some_and(|(head, _)| {
        head.chars().filter(|c| c.is_uppercase()).count() >= 2
            || matches!(&*lower(head), "grünen" | "linken" | "union")
    });
    party
        || matches!(
            lower(role).rsplit('-').next(),
            Some("politiker" | "politikerin" | "politician")
        )
}

/// A role after a definite article ("der SPD-Politiker", "the spokesman"): its key and the
/// gender the article gives (or, in English, the role).
fn bare_role<'l>(lex: &'l Lexicon, article: &str, role: &str) -> Option<(&'l str, Option<Gender>)> {
    let gender = match (lex.lang, &*lower(article)) {
        (Lang::De, "der") => Some(Gender::Male),
        (Lang::De, "die") => Some(Gender::Female),
        (Lang::En, "the") => role_gender(role, lex.lang),
        _ => return None,
    };
    Some((lex.inflected_role_key(role)?, gender))
}

/// The gender a pronoun gives the person it stands for, where it is clear: "er", "he", "she".
/// German "sie" is also "they", so it gives none.
fn pronoun_gender(p: &str) -> Option<Gender> {
    match &*lower(p) {
        "er" | "he" => Some(Gender::Male),
        "she" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender a role word gives its person: in German the feminine form ends in "-in" or
/// "-frau" ("Bürgermeisterin", "Landrätin", "Betriebsratschefin") and any other form is
/// masculine ("Kämmerer", "Sprecher"); in English "-woman" and "-man", else none.
fn role_gender(role: &str, lang: Lang) -> Option<Gender> {
    let r = lower(role);
    match lang {
        Lang::De if r.ends_with("in") || r.ends_with("innen") || r.ends_with("frau") => {
            Some(Gender::Female)
        }
        Lang::De => Some(Gender::Male),
        _ if r.ends_with("woman") => Some(Gender::Female),
        _ if r.ends_with("man") => Some(Gender::Male),
        _ => None,
    }
}

/// The gender a person's first name gives ("Julia Santos"), where the names list knows it.
fn name_gender(lex: &Lexicon, name: &str) -> Option<Gender> {
    let (first, _) = name.split_once(' ')?;
    let first = lower(first);
    if lex.female.contains(&first) {
        Some(Gender::Female)
    } else if lex.male.contains(&first) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// Whether a person of gender `had` (if known) can be meant by a pronoun of gender `wanted`.
fn can_mean(wanted: Option<Gender>, had: Option<Gender>) -> bool {
    wanted.is_none() || had.is_none_or(|g| Some(g) == wanted)
}

/// What stands between two words of the same text: spaces, punctuation, marks.
fn between<'t>(text: &'t str, a: &Word, b: &Word) -> &'t str {
    &text[a.end()..b.start]
}

/// Whether the gap between two words is only spaces (or an appositive comma when `comma`),
/// or the period of an initial or an abbreviated title ("William R. Dougan", "Dr. Stefan
/// Rauch"; not "Roth. Kämmerer": a name ends a sentence there).
fn joined(lex: &Lexicon, text: &str, a: &Word, b: &Word, comma: bool) -> bool {
    let gap = between(text, a, b);
    let initial = a.text.chars().count() == 1 && a.capitalised();
    let title = gap == ". " && (initial || lex.abbreviated.contains_lower(a.text));
    title || gap.chars().all(|c| c == ' ' || (comma && c == ','))
}

/// The runs of capitalised words of a sentence. An appositive joins its role: "Der Leiter des
/// Programms, Klaus Stöhr," is one run with the name Klaus Stöhr.
fn runs<'t>(lex: &Lexicon, text: &'t str, inside: &Usage<'t>, ws: &[Word<'t>]) -> Vec<Run> {
    // English role words are lower case ("the mayor"); they head a run all the same.
    // Read once per word (the checks below ask about most words more than once).
    let caps: Vec<bool> = ws
        .iter()
        .map(|w| {
            if w.capitalised() {
                !lex.function.contains_lower(w.text) && !lex.determiners.contains_lower(w.text)
                    || lex.particles.contains(w.text)
                    || lex.lang == Lang::En && lex.is_role(w.text)
            } else {
                lex.particles.contains(w.text) || lex.lang == Lang::En && lex.is_role(w.text)
            }
        })
        .collect();
    let cap = |i: usize| caps[i];
    let mut out: Vec<Run> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !cap(i) || lex.particles.contains(ws[i].text) {
            i += 1;
            continue;
        }
        let start = i;
        // "Von der Leyen" opening a sentence: a name when the text writes it "von der Leyen"
        // too (not "Von der Regierung hieß es").
        if ws[i].text == "Von"
            && i + 2 < ws.len()
            && matches!(ws[i + 1].text, "der" | "den")
            && ws[i + 2].capitalised()
            && text.contains(&format!("von {} {}", ws[i + 1].text, ws[i + 2].text))
        {
            i += 2;
        }
        // "von der Leyen": "der" and "den" belong to a name after "von" or "van".
        let goes_on = |i: usize| {
            cap(i + 1)
                || (matches!(ws[i + 1].text, "der" | "den") && matches!(ws[i].text, "von" | "van"))
        };
        while i + 1 < ws.len() && goes_on(i) && joined(lex, text, &ws[i], &ws[i + 1], false) {
            i += 1;
        }
        // A run does not end in particles: "Frank Oehme von der Bahn" is Frank Oehme. (An
        // English role word ends it: "a White House official".)
        while i > start
            && !ws[i].capitalised()
            && !(lex.lang == Lang::En && lex.is_role(ws[i].text))
        {
            i -= 1;
        }
        let mut end = i + 1;
        // A word alone, capitalised only for opening its sentence ("Zwar", "Ähnlich äußerte
        // sich"), or an attribute in brackets ("Heribert Rech (CDU)"), is nobody.
        let alone = end - start == 1
            && at_sentence_start(text, ws[start].start)
            && !lex.is_role(ws[start].text)
            && !inside.inside(ws[start].text);
        if alone || text[..ws[start].start].trim_end().ends_with('(') {
            i = end;
            continue;
        }
        let prev = start.checked_sub(1).map(|p| lower(ws[p].text));
        // (Not over a comma or a sentence end: "Asked about the vote, Merz said"; a dash or a
        // semicolon goes on with the clause.)
        let prev_joined =
            start > 0 && !between(text, &ws[start - 1], &ws[start]).contains([',', '.', '!', '?']);
        let after_det = prev_joined
            && prev.as_deref().is_some_and(|p| {
                // "3,5 Milliarden Euro", "37 Prozent": a counted noun.
                p.starts_with(|c: char| c.is_ascii_digit())
                    || lex.numbers.contains(p)
                    // (the cheap test that rules most words out first)
                    || (lex.determiners.contains(p)
                        || lex.function.contains(p)
                        || (lex.lang == Lang::De
                            && p.len() > 3
                            && ["e", "en", "er", "es", "em"].iter().any(|e| p.ends_with(e))))
                        && !lex.is_cue(p)
                        && !lex.after.contains(p)
                        && !lex.reported.contains(p)
                        && !lex.auxiliaries.contains(p)
                        && !lex.conjunctions.contains(p)
                        && !lex.personal.contains(p)
            });
        // The role words run up to the last role word before the name: "Pentagon spokesman
        // Pat Ryder" has the role "spokesman".
        let mut roles = ws[start..end]
            .iter()
            .rposition(|w| lex.is_role(w.text))
            .map_or(0, |p| p + 1);
        // After a determiner, the head of a run of a noun and a two-word name is what the
        // person is: "die Ärztin Mara Lind", "der EU-Außenbeauftragte Javier Solana" (not "die
        // Internetseite von Borussia Dortmund"; nor a place after a preposition: "in New
        // York City").
        // (In English the role word is in lower case: "The New York Times" is a name.)
        // Neither guess at a role below holds for an outlet or an organisation of several
        // words, which ends in one of the sources list: "die New York Times", "die Neue
        // Zürcher Zeitung", "Frankfurter Allgemeine Zeitung".
        let outlet = || lex.is_source_lower(&lower(ws[end - 1].text));
        if roles == 0
            && after_det
            && lex.lang == Lang::De
            && end - start >= 3
            && !lex.particles.contains(ws[start + 1].text)
            && !outlet()
            && !prev
                .as_deref()
                .is_some_and(|p| lex.prepositions.contains(p))
        {
            roles = 1;
        }
        // German: of three capitalised words or more, a long first one is what the person is
        // ("Kassenwart Udo Brenner"), not a first name ("Kim Yo Jong").
        let capitals = ws[start..end]
            .iter()
            .filter(|w| !lex.particles.contains(w.text))
            .count();
        if roles == 0
            && lex.lang == Lang::De
            && capitals >= 3
            && ws[start].text.chars().count() >= 10
            // not "Internetseite von Borussia Dortmund", a thing of a name
            && !lex.particles.contains(ws[start + 1].text)
            && !outlet()
        {
            roles = 1;
        }
        let role = (roles > 0).then(|| ws[start + roles - 1].text.to_lowercase());
        let mut name_words = &ws[start + roles..end];
        // After a role, "von" and one word is what the role is of, a party or place
        // ("Fraktionschefin von Bündnis 90", "Premierministerin von Queensland"); "von der
        // Leyen" is a name.
        if roles > 0
            && name_words.len() >= 2
            && name_words[0].text == "von"
            && !matches!(name_words[1].text, "der" | "den")
        {
            name_words = &[];
        }
        // A German genitive after a role is what the role is of, not a name, when the
        // document writes the word without its "s" too: "Präsident Frankreichs Emmanuel
        // Macron", "der Verteidigungsminister Österreichs".
        if roles > 0
            && lex.lang == Lang::De
            && name_words.first().is_some_and(|w| inside.genitive(w.text))
        {
            name_words = &name_words[1..];
        }
        // An organisation is followed by no name that opens with a particle: "laut Polizei
        // zu Straftaten" ("Minister zu Guttenberg" is a person's).
        if role.as_deref().is_some_and(|r| lex.sources.contains(r))
            && name_words
                .first()
                .is_some_and(|w| lex.particles.contains(w.text))
        {
            name_words = &[];
            end = start + roles;
        }
        // Nor is a person named right after an organisation's role word ("Regierung",
        // "Polizei"): the words are its place or its object, "die Polizei Hamburg", "erwarten
        // durch den Beschluss der Bundesregierung Mehrkosten".
        if lex.lang == Lang::De
            && roles > 0
            && lex
                .role_key(ws[start + roles - 1].text)
                .is_some_and(|k| lex.sources.contains(k))
        {
            name_words = &[];
        }
        // "von" after a first name and a surname, with two capitalised words after it, is
        // where the person works: "John Sifton von Human Rights Watch" ("Johann Wolfgang
        // von Goethe" keeps it).
        if let Some(v) = name_words.iter().position(|w| w.text == "von") {
            if v >= 2 && name_words.len() - v > 2 {
                name_words = &name_words[..v];
            }
        }
        // "zu" after a first name and a surname opens a phrase, not a name: "Peer Steinbrück
        // zu Beginn" ("Enoch zu Guttenberg" keeps it).
        if let Some(z) = name_words.iter().position(|w| w.text == "zu") {
            if z >= 2 {
                name_words = &name_words[..z];
            }
        }
        // A person's name is at most four words, and does not end in a particle.
        let mut kept = &name_words[..name_words.len().min(4)];
        while kept.last().is_some_and(|w| !w.capitalised()) {
            kept = &kept[..kept.len() - 1];
        }
        // A German word alone with the ending of an abstract noun is no name: "Situation",
        // "Bestürzung", "Videoaufzeichnungen" (a surname as short as "Jung" is too short).
        // (After an attributive participle or adjective, or a verb in the past, a surname
        // the document gives with a first name is one too: "die in New York City geborene
        // Lopez", "der frühere Weber", "führte Elshorst aus". Their endings are the cheap
        // test that comes first: most words before a noun are articles, "die neue Regel".)
        let surname = kept.len() == 1
            && after_det
            && lex.lang == Lang::De
            && prev.as_deref().is_some_and(|p| {
                ["ene", "ende", "ige", "ere", "te"]
                    .iter()
                    .any(|e| p.ends_with(e))
                    && !lex.determiners.contains(p)
                    && !lex.function.contains(p)
            })
            && inside.named(kept[0].text);
        // A name with an age after it is a person's, after an adjective too: "die überlebende
        // Alice Kakamara, 30, beschrieb", "Jonas Ried (17)".
        let aged = kept.len() >= 2 && {
            let after = &text[ws[end - 1].end()..];
            let age = |a: &str, close: char| {
                let d = a.bytes().take_while(u8::is_ascii_digit).count();
                (1..=3).contains(&d) && a[d..].starts_with(close)
            };
            after.strip_prefix(", ").is_some_and(|a| age(a, ','))
                || after.strip_prefix(" (").is_some_and(|a| age(a, ')'))
        };
        let would_name = !kept.is_empty() && (roles > 0 || !after_det || surname || aged);
        let common = would_name
            && kept.len() == 1
            // (a word the text also writes after a first name is a surname: "bei der Romney
            // eine Mehrheit erreichte" is a relative clause, "Mitt Romney" a name)
            && (roles == 0 && inside.noun(kept[0].text) && !inside.named(kept[0].text)
                || lex.lang == Lang::De
                    && NOUN_ENDINGS.iter().any(|e| {
                        let w = kept[0].text;
                        w.ends_with(e) && w.chars().count() > e.chars().count() + 2
                    }));
        // A German genitive before a noun is no first name: "Staffords Motivation", "Chinas
        // Wirtschaft" (the text writes "Stafford", "China").
        let genitive =
            lex.lang == Lang::De && roles == 0 && kept.len() == 2 && inside.genitive(kept[0].text);
        let mut name = (would_name && !common && !genitive)
            .then(|| kept.iter().map(|w| w.text).collect::<Vec<_>>().join(" "));
        // Surely a person's (or an organisation's) name, not a common noun a sentence opens
        // with or puts before its verb ("Es gebe Kunden, die …"): more than one word, with a
        // role, in English, an acronym or a word the document writes after a first name or a
        // role somewhere.
        let mut sure = name.is_some()
            && (roles > 0
                || kept.len() >= 2
                || lex.lang != Lang::De
                // (the capitals of its first part: "BGH", "McCain", not "Web-Designerin")
                || kept[0]
                    .text
                    .split('-')
                    .next()
                    .is_some_and(|h| h.chars().skip(1).any(char::is_uppercase))
                || inside.named(kept[0].text));
        // A German genitive of one word after a role, then a name after a comma: the role
        // is of the place, the name is the appositive's ("der Oberrabbiner Israels, Yona
        // Metzger"), even where the text never writes the place without its "s".
        if roles > 0
            && lex.lang == Lang::De
            && name_words.len() == 1
            && kept.len() == 1
            && kept[0].text.ends_with('s')
            && end + 1 < ws.len()
            && between(text, &ws[end - 1], &ws[end]).trim() == ","
            && cap(end)
            && cap(end + 1)
            && !lex.is_role(ws[end].text)
            && joined(lex, text, &ws[end], &ws[end + 1], false)
        {
            name = None;
        }
        // "der Leiter des Programms der WHO, Klaus Stöhr": a name after a comma within a few
        // words of a role alone.
        let mut last = end;
        if role.is_some() && name.is_none() {
            let mut j = end;
            // Over what the role is of, not over a verb ("Der Sprecher teilte mit, Blair …").
            let of_role = |w: &Word| {
                let l = lower(w.text);
                !lex.is_cue(w.text)
                    && !lex.auxiliaries.contains(&l)
                    && (w.capitalised()
                        || lex.of.contains(&l)
                        || is_determiner(lex, &l)
                        || lex.particles.contains(&l)
                        || ["e", "en", "er", "es", "em"].iter().any(|e| l.ends_with(e)))
            };
            while j < ws.len() && j < end + 5 {
                if j > 0 && !joined(lex, text, &ws[j - 1], &ws[j], false) {
                    break;
                }
                if j > end && !of_role(&ws[j - 1]) {
                    break;
                }
                j += 1;
            }
            let comma = j < ws.len() && j > 0 && between(text, &ws[j - 1], &ws[j]).contains(',');
            if comma
                && joined(lex, text, &ws[j - 1], &ws[j], true)
                && cap(j)
                && !lex.is_role(ws[j].text)
            {
                let mut e = j;
                while e + 1 < ws.len() && cap(e + 1) && joined(lex, text, &ws[e], &ws[e + 1], false)
                {
                    e += 1;
                }
                sure = true;
                name = Some(
                    ws[j..=e.min(j + 3)]
                        .iter()
                        .map(|w| w.text)
                        .collect::<Vec<_>>()
                        .join(" "),
                );
                last = e + 1;
            }
        }
        // "Der 23-jährige Sportler", "das russische Außenministerium": back over adjectives
        // and numbers to a nominative determiner.
        let mut d = start;
        while d > 0
            && !ws[d - 1].capitalised()
            && !is_determiner(lex, ws[d - 1].text)
            && !is_function(lex, ws[d - 1].text)
            && start - d < 2
        {
            d -= 1;
        }
        // Right after a preposition, or after one and an article ("an die Mitarbeiter",
        // "mit dem neuen Trainer").
        // "für" too, except opening the sentence, where it gives a view ("Für Senator Willi
        // Lemke ist das „…“").
        let after_prep = prev.as_deref().is_some_and(|p| {
            lex.prepositions.contains(p)
                || p == "für" && !at_sentence_start(text, ws[start - 1].start)
        }) || d >= 2
            && is_determiner(lex, ws[d - 1].text)
            && lex.prepositions.contains_lower(ws[d - 2].text)
            && joined(lex, text, &ws[d - 2], &ws[d - 1], false);
        // What a run without a name is a role of: "des Ministeriums", "der sächsischen
        // Polizei", "von Greenpeace", "of the Pentagon".
        let mut phrase_end = ws[last - 1].end();
        if name.is_none() {
            let mut j = last;
            if j < ws.len()
                && lex.of.contains(ws[j].text)
                && joined(lex, text, &ws[j - 1], &ws[j], false)
            {
                j += 1;
                // adjectives and an English article before the noun
                while j < ws.len()
                    && j < last + 4
                    && !ws[j].capitalised()
                    && (!lex.function.contains(ws[j].text) || lex.determiners.contains(ws[j].text))
                    && joined(lex, text, &ws[j - 1], &ws[j], false)
                {
                    j += 1;
                }
                let mut e = j;
                while e < ws.len() && cap(e) && joined(lex, text, &ws[e - 1], &ws[e], false) {
                    e += 1;
                }
                if e > j {
                    phrase_end = ws[e - 1].end();
                }
            }
        }
        // A German subject speaks when a word of it can ("Die Landesregierung", "der
        // 61-Jährige", "Die Deutsche Welle"), not a common noun ("Die Kritik wies sie zurück").
        let speaks = || {
            lex.lang != Lang::De
                || role.is_some()
                || capitals >= 2
                || ws[start..last].iter().any(|w| lex.speaks(w.text))
        };
        // A genitive stands where an article would: "McCains Kampagne warf Obama vor".
        // So does an unnamed person with the indefinite article, without it as a role is
        // ("Ein Anwohner sagte" gives "Anwohner", as "Ein Sprecher sagte" gives "Sprecher").
        let subject = d
            .checked_sub(1)
            .filter(|_| !after_prep)
            .and_then(|p| {
                let from = if is_nominative(lex, ws[p].text) {
                    p
                } else if lex.lang == Lang::De && matches!(&*lower(ws[p].text), "ein" | "eine") {
                    d
                } else {
                    return None;
                };
                speaks().then(|| text[ws[from].start..phrase_end].to_string())
            })
            .or_else(|| {
                (genitive && !after_prep && !after_det)
                    .then(|| text[ws[start].start..phrase_end].to_string())
            });
        out.push(Run {
            words: start..last,
            noun: after_det && role.is_none() && !surname && !aged,
            after_prep,
            subject,
            name,
            sure,
            role,
            phrase_end,
            // (past adjectives: "eine ältere Anwohnerin")
            indefinite: prev.as_deref().is_some_and(|p| lex.indefinite.contains(p))
                || d < start && d > 0 && lex.indefinite.contains_lower(ws[d - 1].text),
        });
        i = last;
    }
    out
}

/// The speaker of the cue at word `k` of a sentence: the person run right before it ("Ryder
/// sagte"), else the one right after it ("sagte der Sprecher Pat Ryder", "äußerte sich
/// Solana"), else the nearest person of the sentence; a pronoun beside the cue is a pronoun.
fn speaker_at(lex: &Lexicon, text: &str, ws: &[Word], found: &[Run], k: usize) -> Option<Speaker> {
    let is_pronoun = |w: &Word| lex.pronouns.contains_lower(w.text);
    // A pronoun right beside the cue: "er sagte", "sagte er", "he said"; after the cue only
    // when no person stands right before it, whose object it is ("Der Präsident nannte sie
    // „…“").
    let next = ws.get(k + 1);
    let prev = k.checked_sub(1).map(|p| &ws[p]);
    let subject_before = || {
        let Some(p) = prev else { return false };
        found.iter().rev().filter(|r| r.words.end <= k).any(|r| {
            (k - r.words.end <= 1 || r.phrase_end >= p.end())
                && (r.name.is_some() || r.role.is_some())
                && !r.after_prep
        })
    };
    // Nor when a person follows it: "so beschrieb sie der Vorsitzende Ralf Obst".
    let subject_after = || {
        ws.get(k + 2).is_some_and(|w| is_nominative(lex, w.text))
            || found
                .iter()
                .any(|r| r.words.start == k + 2 && r.role.is_some())
    };
    // "er", "he" and "she" are subjects wherever they stand ("würdigte er Soleimanis
    // Lebensweg"); German "sie" is also an object.
    let only_subject = |w: &Word| matches!(&*lower(w.text), "er" | "he" | "she");
    // (After a comma it opens a clause of its own: "Monti erklärte, er sei „…“".)
    // (After a verb that frames a judgment, "sie" is what it frames when the sentence has its
    // subject before: "Die Firma wies das zurück und nannte sie „reine Spekulation“".)
    let framed_object = || {
        lex.frames.contains_lower(ws[k].text)
            && found
                .iter()
                .any(|r| r.words.end <= k && (r.subject.is_some() || r.names_person()))
    };
    if let Some(w) = prev.filter(|w| is_pronoun(w)).or(next.filter(|w| {
        is_pronoun(w)
            && !between(text, &ws[k], w).contains(',')
            && (only_subject(w) || !subject_before() && !subject_after() && !framed_object())
    })) {
        return Some(Speaker::unnamed(w.text, false));
    }
    let person = |r: &Run| r.name.is_some() || r.role.is_some();
    // A demonstrative beside the cue is the person named last before it, not the one spoken
    // of most ("Im Gespräch mit ihrem Anwalt, Rainer Wittner, sagte dieser, dass …"); not
    // the article of a noun ("sagte dieser Tage").
    let demonstrative = |w: &Word| lex.demonstratives.contains_lower(w.text);
    let pronoun_after =
        || next.filter(|w| demonstrative(w) && ws.get(k + 2).is_none_or(|n| !n.capitalised()));
    if let Some(d) = prev.filter(|w| demonstrative(w)).or_else(pronoun_after) {
        return Some(Speaker {
            demonstrative: Some(d.start),
            ..Speaker::unnamed(d.text, false)
        });
    }
    // The first word opens the sentence capitalised, and is no function word or article: a
    // word `runs` leaves alone there ("Scholz betonte:", "Zwar").
    let opens_alone = || {
        ws[0].capitalised()
            && !is_function(lex, ws[0].text)
            && !is_determiner(lex, ws[0].text)
            && at_sentence_start(text, ws[0].start)
    };
    let as_speaker = |r: &Run| r.as_speaker(text, ws);
    if let Some(r) = quoted_object(lex, text, ws, found, k) {
        return Some(as_speaker(r));
    }
    // A participle at the end of a passive clause has its speaker after "von": "wurde von
    // ihm die Sorge geäußert" (not "kommentierte", a verb of its own; nor "wird von der
    // Zeitung zitiert", whose agent is the outlet).
    let participle = lex.lang == Lang::De && !ws[k].capitalised() && {
        let v = ws[k].text;
        (v.ends_with('t') || v.ends_with("en") && !v.ends_with("ten")) && !lex.quoting.contains(v)
    };
    if let Some(s) = participle
        .then(|| passive_agent(lex, text, ws, found, k))
        .flatten()
    {
        return Some(s);
    }
    // A relative clause between the subject and its cue: "Smith, who has led the team since
    // 2019, said", "Müller, der seit 2019 Trainer ist, sagte".
    if k >= 3 && between(text, &ws[k - 1], &ws[k]).contains(',') {
        let clause = (k.saturating_sub(16)..k - 1).rev().find(|&i| {
            i > 0
                && lex.relative.contains_lower(ws[i].text)
                && between(text, &ws[i - 1], &ws[i]).contains(',')
        });
        // A word alone opening the sentence is no run, but a subject here.
        if let Some(c) = clause.filter(|&c| c == 1 && opens_alone()) {
            return Some(Speaker::named(ws[c - 1].text.to_string()));
        }
        // An appositive the same way: "Frank Biermann, Vorsitzender der Journalisten-Union
        // für das Münsterland, sagte", "Ada Roth, die Sprecherin des Vereins, sagte".
        let appositive = (k.saturating_sub(16).max(1)..k - 1)
            .filter(|_| clause.is_none())
            .rev()
            .find_map(|c| {
                // (the cheap tests first: a comma before, a named person ending there)
                if between(text, &ws[c - 1], &ws[c]).trim() != "," {
                    return None;
                }
                let r = found
                    .iter()
                    .find(|r| r.words.end == c && r.names_person())?;
                let role_at = |i: usize| ws.get(i).is_some_and(|w| lex.is_role(w.text));
                // (an article or adjectives before the role: "Ada Roth, die Sprecherin",
                // "Suleiman Dedefo, äthiopischer Botschafter in …")
                (role_at(c)
                    || (is_determiner(lex, ws[c].text) || !ws[c].capitalised())
                        && (c + 1..c + 4).any(role_at))
                .then_some(r)
            });
        if let Some(r) = appositive {
            return Some(as_speaker(r));
        }
        // (or a noun for people: "Ein Anwohner, der anonym bleiben wollte, berichtete")
        if let Some(r) = clause.and_then(|c| {
            found.iter().find(|r| {
                r.words.end == c
                    && !r.after_prep
                    && (person(r) || ws[r.words.clone()].iter().any(|w| lex.speaks(w.text)))
            })
        }) {
            return Some(as_speaker(r));
        }
    }
    // A cue that is a noun after a preposition and its article ("verteidigte den Plan mit den
    // Worten", "with the words"): the sentence's subject speaks, the first person of it that
    // stands after no preposition, not the noun right before.
    if k >= 2
        && is_determiner(lex, ws[k - 1].text)
        && lex.prepositions.contains_lower(ws[k - 2].text)
    {
        if let Some(r) = found.iter().take_while(|r| r.words.end <= k - 2).find(|r| {
            !r.after_prep && !r.noun && (r.name.is_some() || r.role.is_some())
                || r.subject.is_some()
        }) {
            return Some(match &r.subject {
                Some(s) if r.name.is_none() && r.role.is_none() => Speaker::named(s.clone()),
                _ => as_speaker(r),
            });
        }
    }
    // A document or an organisation the text attributes to outright, with no person named
    // in it: "laut einer Mitteilung des Ministeriums", "dem Bericht zufolge", "heißt es in
    // einer Erklärung der Partei".
    let cue = lower(ws[k].text);
    // A verb that two can have as their subject: German in the plural ("meinen", "sagten"),
    // English in any form.
    let plural = lex.lang == Lang::En || cue.ends_with("en");
    if lex.source.contains(&cue) {
        let near = |r: &&Run| {
            if &*cue == "zufolge" {
                r.words.end <= k && k - r.words.end <= 1
            } else {
                // (within its phrase: "sagte Style laut news.at, die Soldaten seien" has
                // no source in a run; "heißt es dazu in einer Mitteilung" has more words
                // before it)
                let reach = if &*cue == "heißt" { 6 } else { 4 };
                r.words.start > k
                    && r.words.start - k <= reach
                    && !text[ws[k].end()..ws[r.words.start].start].contains(',')
            }
        };
        if let Some(r) = found.iter().find(near).filter(|r| {
            r.name.is_none()
                && r.role.is_none()
                && ws[r.words.clone()].iter().any(|w| lex.speaks(w.text))
        }) {
            // (after "seitens" the source alone: "seitens der Bundeswehr vom Tod von …
            // die Rede")
            let end = if &*cue == "seitens" {
                ws[r.words.end - 1].end()
            } else {
                r.phrase_end
            };
            return Some(Speaker::unnamed(&text[ws[r.words.start].start..end], true));
        }
    }
    // The document a sentence opens with, before the verb: "In einer Mitteilung der
    // Polizei heißt es: „…“", "Im jüngsten Bericht des Amtes hieß es". The phrase is the
    // first run whose genitive reaches the verb, when a word of it can say something
    // ("Bundeswehrberichts" in the genitive too).
    if matches!(&*cue, "heißt" | "hieß")
        && k >= 2
        && matches!(ws[0].text, "In" | "Im")
        && at_sentence_start(text, ws[0].start)
    {
        let reach = ws[k - 1].end();
        if let Some(h) = found
            .iter()
            .find(|h| h.words.start < k && h.phrase_end >= reach)
            .filter(|h| h.name.is_none() && h.role.is_none())
            .filter(|h| ws[h.words.start..k].iter().any(|w| document_word(lex, w)))
        {
            return Some(Speaker::unnamed(
                &text[ws[h.words.start].start..h.phrase_end],
                true,
            ));
        }
    }
    // "Das Fazit des Berichts lautete:": before "lautet" stands what the words are, a
    // document's; it speaks, when it names no one ("Die Antwort der Ministerin lautete" is
    // hers, below).
    if matches!(&*cue, "lautet" | "lautete") && k >= 2 && is_determiner(lex, ws[0].text) {
        // (the phrase that opens the sentence: its article, words in lower case, a noun and
        // its genitive, right up to the verb)
        let head = found.first().filter(|r| {
            r.name.is_none()
                && r.role.is_none()
                && ws[..r.words.start].iter().skip(1).all(|w| !w.capitalised())
                && at_sentence_start(text, ws[0].start)
                && text
                    .get(r.phrase_end..ws[k].start)
                    .is_some_and(|gap| gap.trim().is_empty())
        });
        let named = |h: &Run| {
            found
                .iter()
                .any(|n| n.words.start > h.words.start && n.words.end <= k && n.names_person())
        };
        // (a document's, not "Seine Antwort", someone's)
        if let Some(h) = head.filter(|h| {
            !named(h)
                && ws[h.words.start..k]
                    .iter()
                    .take_while(|w| w.end() <= h.phrase_end)
                    .any(|w| document_word(lex, w))
        }) {
            return Some(Speaker::unnamed(&text[ws[0].start..h.phrase_end], true));
        }
    }
    // A role alone stands for a name the same sentence gives: "Hans Roth, Präsident des
    // Gerichts, sagte".
    let named_instead = |r: &Run| {
        if r.name.is_some() {
            return as_speaker(r);
        }
        found
            .iter()
            .filter(|n| n.names_person())
            .filter(|n| {
                // An appositive: next to the role, with a comma between.
                let (a, b) = if n.words.end <= r.words.start {
                    (n.words.end - 1, r.words.start)
                } else {
                    (r.words.end - 1, n.words.start)
                };
                b.saturating_sub(a) <= 5
                    && text[ws[a].start..ws[b.min(ws.len() - 1)].start].contains(',')
            })
            .min_by_key(|n| n.words.start.abs_diff(r.words.start))
            .map_or_else(|| as_speaker(r), as_speaker)
    };
    // "nach Angaben des Sprechers", "nach Ansicht von Ministerin Roth": who follows the noun,
    // a person (a role stands for the person the sentence names with it) or a source.
    if opinion(lex, ws, k) {
        // The noun may open the run itself: "Ansicht von Stadträtin Ilse Brandl".
        let r = found
            .iter()
            .find(|r| r.words.start > k && r.words.start - k <= 4)
            .or_else(|| {
                found
                    .iter()
                    .find(|r| r.words.start == k && r.name.is_some())
            })?;
        return Some(if r.name.is_some() || r.role.is_some() {
            named_instead(r)
        } else {
            // A role in the genitive stands for the person named with it ("nach Meinung des
            // SPD-Politikers"); anything else is the source as written.
            let head = ws[r.words.start].text;
            Speaker::unnamed(
                &text[ws[r.words.start].start..r.phrase_end],
                lex.inflected_role_key(head).is_none()
                    || k + 1 < r.words.start
                        && lex.indefinite.contains_lower(ws[r.words.start - 1].text),
            )
        });
    }
    // A noun for people alone opening the sentence right before the cue: "Analysten
    // sprachen von „…“", "Experten warnen"; or any word there when no subject follows the
    // verb ("Siemens teilte dazu mit", not "Gestern sagte er").
    let subject_follows = || {
        // (a noun after a preposition is none: "Scholz betonte im Bundestag")
        let after_prep = |i: usize| {
            let prep = |j: usize| lex.prepositions.contains_lower(ws[j].text);
            prep(i - 1) || i >= 2 && is_determiner(lex, ws[i - 1].text) && prep(i - 2)
        };
        // (nor one in the clause after "that" or "dass": "Musk said that the rumours were")
        (k + 1..ws.len().min(k + 5))
            .take_while(|&i| !matches!(ws[i].text, "that" | "dass" | "whether" | "ob"))
            .any(|i| {
                let w = &ws[i];
                lex.personal.contains_lower(w.text)
                    || is_nominative(lex, w.text) && !after_prep(i)
                    || w.capitalised() && !is_function(lex, w.text) && !after_prep(i)
            })
    };
    if k == 1
        && opens_alone()
        && (lex.speaks(ws[0].text) || !subject_follows())
        && !found.iter().any(|r| r.words.start == 0)
    {
        return Some(Speaker::unnamed(ws[0].text, true));
    }
    // Right before the cue, with at most two lower-case words between; or a person a few
    // words before it, past a genitive ("Präsident des Gerichts sagte").
    if let Some(r) = found
        .iter()
        .rev()
        .find(|r| r.words.end <= k && k - r.words.end <= 2)
        .filter(|r| person(r) && !r.after_prep)
        .or_else(|| {
            found
                .iter()
                .rev()
                .filter(|r| r.words.end <= k && k - r.words.end <= 4)
                .find(|r| person(r) && !r.after_prep && !r.noun)
        })
    {
        // (A role's genitive is no speaker of its own: "Der Einsatzleiter der Polizei
        // erklärte" gives the Einsatzleiter der Polizei.)
        let end = ws[r.words.end - 1].end();
        let head = found.iter().find(|h| {
            h.words.end <= r.words.start
                && h.phrase_end >= end
                && h.name.is_none()
                && h.role.is_some()
                && !h.after_prep
        });
        // Nor is a role after a named person's "of" ("Officer James Reed of the state police
        // said", "Tim Roth von der Feuerwehr sagte"): the person speaks.
        let owner = || {
            let p = found[..found.iter().position(|x| x.words == r.words)?]
                .iter()
                .rev()
                .find(|p| p.words.end < r.words.start)
                .filter(|p| p.names_person() && r.name.is_none())?;
            let gap = &ws[p.words.end..r.words.start];
            (gap.len() <= 3
                && (lex.of.contains(gap[0].text) || lex.contractions.contains(gap[0].text))
                && gap[1..]
                    .iter()
                    .all(|w| !w.capitalised() && !lex.is_cue(w.text))
                && joined(lex, text, &ws[p.words.end - 1], &gap[0], false))
            .then_some(p)
        };
        if head.is_none() && plural {
            if let Some(both) = coordinated(lex, text, ws, found, r) {
                return Some(Speaker::named(both));
            }
        }
        return Some(named_instead(head.or_else(owner).unwrap_or(r)));
    }
    // A verb that frames a judgment has its object right after it ("Das Magazin bezeichnete
    // Stratfor als „…“"): the subject before it speaks.
    if lex.frames.contains(&cue) {
        if let Some(s) = subject_of(lex, text, ws, found, k) {
            return Some(s);
        }
    }
    // Right after it, past "sich", adverbs and determiners (not after "told": its object);
    // someone unnamed too, a noun after an indefinite article ("sagte eine Anwohnerin",
    // "schrieb ein Nutzer").
    // (In the nominative: "sagte einer Zeitung" is the cue's object. In its clause: not
    // "bezeichnete, ordnete eine Untersuchung an".)
    // Or a subject after its article, a word of which can speak ("riefen die Demonstranten",
    // "erklärte die Partei").
    let group = |r: &Run| {
        lex.lang == Lang::De
            && r.subject.is_some()
            && ws[r.words.clone()].iter().any(|w| lex.speaks(w.text))
    };
    let someone = |r: &Run| {
        !r.after_prep
            && !text[ws[k].end()..ws[r.words.start].start].contains([',', ';', ':', '.'])
            && (r.indefinite
                && ws[k + 1..r.words.start]
                    .iter()
                    .any(|w| matches!(&*lower(w.text), "ein" | "eine" | "a" | "an"))
                || group(r))
    };
    if let Some(r) = found
        .iter()
        .find(|r| r.words.start > k && r.words.start - k <= 4)
        .filter(|r| (person(r) || someone(r)) && !lex.objects.contains(&cue))
    {
        // (without a medium after it: "sagte die Opposition der Zeitung El Mundo" has the
        // paper as the cue's object, not as what the opposition is of; "dem" is no genitive)
        if !person(r) && !r.indefinite {
            let s = r.subject.as_deref()?;
            let from = r.phrase_end - s.len();
            // (nor the cue's object after a plural noun that speaks: "forderten die Anwohner
            // Tempo 30", where a name after a noun in the singular is its own, "die Kasse
            // Nordvita")
            let plural_noun = |w: &Word| {
                let l = lower(w.text);
                lex.speaks(w.text)
                    && ["er", "en", "innen", "leute"]
                        .iter()
                        .any(|e| l.ends_with(e))
            };
            let group = &ws[r.words.clone()];
            // (the head of a phrase is its last noun: "die Hoover Institution" speaks whole)
            if let Some(i) = group[..group.len() - 1]
                .iter()
                .position(plural_noun)
                .filter(|&i| !group[i + 1..].iter().any(|w| lex.speaks(w.text)))
            {
                return Some(Speaker::unnamed(&text[from..group[i].end()], false));
            }
            let own = ws[r.words.end - 1].end().min(r.phrase_end);
            let mut object = text[own..r.phrase_end].split_whitespace();
            let end = match (object.next(), object.next()) {
                (Some("dem"), _) => own,
                (Some("der"), Some(medium)) if lex.is_medium(medium) => own,
                _ => r.phrase_end,
            };
            return Some(Speaker::unnamed(&text[from..end], false));
        }
        if plural {
            if let Some(both) = coordinated(lex, text, ws, found, r) {
                return Some(Speaker::named(both));
            }
        }
        return Some(named_instead(r));
    }
    if let Some(w) = opening_pronoun(lex, text, ws, k) {
        return Some(Speaker::unnamed(w.text, false));
    }
    subject_of(lex, text, ws, found, k).or_else(|| {
        // The nearest person of the sentence, surely one.
        found
            .iter()
            .filter(|r| (r.sure || r.role.is_some()) && !r.noun)
            .min_by_key(|r| r.words.start.abs_diff(k))
            .map(as_speaker)
    })
}

/// The outlet a pair of marks names, as a speaker: a few words opening with a capital („Die
/// Zeit“, „Reuters“), not a quoted phrase.
fn outlet_in_marks(text: &str, p: &Pair) -> Option<Speaker> {
    let name = text[p.inner()].trim();
    (name.starts_with(char::is_uppercase) && words(text, p.inner()).len() <= 5)
        .then(|| Speaker::named(name.to_string()))
}

/// Whether a word of a phrase can say something, as a document or a source does, in the
/// genitive too ("des Bundeswehrberichts").
fn document_word(lex: &Lexicon, w: &Word) -> bool {
    lex.speaks(w.text) || w.text.strip_suffix('s').is_some_and(|s| lex.speaks(s))
}

/// The one a verb of quoting quotes, for the cue at word `k` of its clause: its object, not
/// the outlet that is its subject. "Der Spiegel zitiert den Prediger mit den Worten", "Ein
/// Sender zitierte Papandreou mit den Worten", "„…“, zitiert Welt-Online den Minister". The
/// object has an accusative article, or follows the subject: a second phrase after the verb,
/// or the only one when the subject stands before the verb.
fn quoted_object<'r>(
    lex: &Lexicon,
    text: &str,
    ws: &[Word],
    found: &'r [Run],
    k: usize,
) -> Option<&'r Run> {
    // The verb, at the cue or before it in the same clause ("zitiert X mit den Worten").
    let v = (0..=k)
        .rev()
        .find(|&i| lex.quoting.contains_lower(ws[i].text))?;
    if text[ws[v].start..ws[k].start].contains(CLAUSE_BREAK) {
        return None;
    }
    // (up to the cue's "mit den" when the cue follows, else to the end of the clause)
    let until = if k > v { k.saturating_sub(2) } else { ws.len() };
    // The phrases after the verb in its clause, not after a preposition; a run that a
    // genitive of the one before covers is part of it.
    let mut reach = 0;
    let mut phrases = found.iter().filter(|r| {
        let after = r.words.start > v
            && r.words.start <= v + 6
            && r.words.end <= until
            && !r.after_prep
            && !text[ws[v].end()..ws[r.words.start].start].contains(CLAUSE_BREAK);
        let new = after && ws[r.words.start].start >= reach;
        if after {
            reach = reach.max(r.phrase_end);
        }
        new
    });
    let first = phrases.next()?;
    let accusative = |r: &Run| {
        ws.get(r.words.start.wrapping_sub(1))
            .is_some_and(|w| matches!(&*lower(w.text), "den" | "einen"))
    };
    let subject_before = v > 0 && !between(text, &ws[v - 1], &ws[v]).contains(',');
    if accusative(first) || subject_before {
        return Some(first);
    }
    phrases.next()
}

/// The agent of a passive before word `until` of `ws`: "Es wurde von Demjanjuks Sohn die
/// Mutmaßung geäußert", "wird von pakistanischer Seite als „…“ beschrieben". The phrase after
/// "von" (past its article and adjectives) that follows the auxiliary in the same clause.
fn passive_agent(
    lex: &Lexicon,
    text: &str,
    ws: &[Word],
    found: &[Run],
    until: usize,
) -> Option<Speaker> {
    let until = until.min(ws.len());
    let a = (0..until)
        .rev()
        .find(|&i| lex.passive.contains(ws[i].text))?;
    let p = (a + 1..until).find(|&i| matches!(ws[i].text, "von" | "vom"))?;
    // (one clause: not "wurde von Journalisten gefragt und sagte")
    if text[ws[a].start..ws[until - 1].end()].contains(CLAUSE_BREAK)
        || ws[p..until]
            .iter()
            .any(|w| matches!(w.text, "und" | "oder"))
    {
        return None;
    }
    let agent = found
        .iter()
        .find(|r| r.words.start > p && r.words.start <= p + 3 && r.words.end <= until)
        .filter(|r| ws[p + 1..r.words.start].iter().all(|w| !w.capitalised()))?;
    // (and no one named between it and the verb: "wurde 2008 von HRS übernommen.Ralph Senkel
    // kommentierte")
    if found
        .iter()
        .any(|r| r.words.start >= agent.words.end && r.words.end <= until && r.names_person())
    {
        return None;
    }
    // A noun with adjectives before it is the phrase from them: "pakistanischer Seite", not
    // "Seite" (a person is their name: "vom früheren Minister Peter Kern").
    let adjectives = agent.role.is_none() && agent.name.as_ref().is_none_or(|n| !n.contains(' '));
    let first = ws[p + 1..agent.words.start]
        .iter()
        .find(|w| !is_determiner(lex, w.text));
    Some(match first {
        Some(a) if adjectives => Speaker::named(text[a.start..agent.phrase_end].to_string()),
        _ => agent.as_speaker(text, ws),
    })
}

/// The speaker of a cue in a relative clause that opens after the last comma before word
/// `until` of `ws` (the cue, or the end of the words before the quotation): a person the
/// clause names, else, with a relative pronoun as its subject, its antecedent: the run before
/// the comma, or the role whose genitive it is ("Bund der Steuerzahler, der …").
fn antecedent(
    lex: &Lexicon,
    text: &str,
    ws: &[Word],
    found: &[Run],
    until: usize,
) -> Option<Speaker> {
    let c = (1..until)
        .rev()
        .find(|&i| between(text, &ws[i - 1], &ws[i]).contains(','))?;
    let pronoun = lower(ws[c].text);
    if !lex.relative.contains(&pronoun) {
        return None;
    }
    // (not "dem", "deren", "whom", "whose": the clause has another subject)
    let subject = matches!(
        &*pronoun,
        "der" | "die" | "das" | "welche" | "welcher" | "welches" | "who" | "which"
    );
    // A person in the clause is its subject ("die der Minister als „…“ bezeichnete"); with
    // none, nor a personal pronoun, the relative pronoun is.
    if let Some(r) = found.iter().find(|r| {
        r.words.start > c
            && r.words.start < until
            && (r.name.is_some() || r.role.is_some())
            && !r.after_prep
    }) {
        return Some(r.as_speaker(text, ws));
    }
    let other = ws[c + 1..until]
        .iter()
        .any(|w| lex.personal.contains_lower(w.text));
    if !subject || other {
        return None;
    }
    // The run right before the comma, or before a verb there ("von der Opposition
    // kritisiert, die …"); in English a noun in lower case after its article ("the
    // opposition, which …").
    let Some(r) = found
        .iter()
        .rev()
        .find(|r| r.words.end == c || r.words.end + 1 == c && !ws[c - 1].capitalised())
    else {
        let noun = &ws[c - 1];
        return (lex.lang == Lang::En
            && c >= 2
            && !noun.capitalised()
            && !is_function(lex, noun.text)
            && is_determiner(lex, ws[c - 2].text))
        .then(|| {
            Speaker::unnamed(
                &text[ws[c - 2].start..noun.end()],
                lex.indefinite.contains_lower(ws[c - 2].text),
            )
        });
    };
    let end = ws[r.words.end - 1].end();
    let head = found
        .iter()
        .find(|h| h.words.end <= r.words.start && h.phrase_end >= end && h.name.is_none());
    Some(head.unwrap_or(r).as_speaker(text, ws))
}

/// A pronoun opening the sentence whose clause goes on to the cue at `k`: its subject ("Er
/// halte das für vertretbar und bezeichnete es als „…“").
fn opening_pronoun<'w, 't>(
    lex: &Lexicon,
    text: &str,
    ws: &'w [Word<'t>],
    k: usize,
) -> Option<&'w Word<'t>> {
    let w = ws.first().filter(|_| k > 0 && k < ws.len())?;
    (lex.pronouns.contains_lower(w.text)
        && at_sentence_start(text, w.start)
        && !text[w.start..ws[k].start].contains(CLAUSE_BREAK))
    .then_some(w)
}

/// Two who speak together, `r` and a run joined to it by "und" or "and" right before or
/// after it: "meinen die Mitglieder Jan Giesel und David Perteck", "Hamas und Fatah werden
/// …:". Each is a person the text names, or a name standing alone (no article, role or
/// preposition before it: an organisation, "Hamas"; the word opening the sentence, which
/// `runs` leaves alone); they are given by their names, "Jan Giesel und David Perteck".
fn coordinated(lex: &Lexicon, text: &str, ws: &[Word], found: &[Run], r: &Run) -> Option<String> {
    let and = |i: usize| ws.get(i).is_some_and(|w| matches!(w.text, "und" | "and"));
    // (nothing but the conjunction between them: no comma, no bracket)
    let only_and = |a: usize, b: usize| text[ws[a].end()..ws[b].start].trim() == ws[a + 1].text;
    let alone = |x: &Run| {
        x.name.is_none()
            && x.role.is_none()
            && !x.noun
            && !x.after_prep
            && x.subject.is_none()
            && x.words.len() == 1
            && (x.words.start == 0 || !is_determiner(lex, ws[x.words.start - 1].text))
    };
    let name = |x: &Run| {
        if x.names_person() {
            x.name.clone()
        } else if alone(x) {
            Some(ws[x.words.start].text.to_string())
        } else {
            None
        }
    };
    let opening = r.words.start == 2
        && and(1)
        && ws[0].capitalised()
        && !is_function(lex, ws[0].text)
        && !is_determiner(lex, ws[0].text)
        && at_sentence_start(text, ws[0].start)
        && !found.iter().any(|x| x.words.start == 0);
    let (a, b) = if opening && only_and(0, 2) {
        (ws[0].text.to_string(), name(r)?)
    } else {
        let (a, b) = found.iter().find_map(|p| {
            if p.words.start == r.words.end + 1 && and(r.words.end) {
                Some((r, p))
            } else if p.words.end + 1 == r.words.start && and(p.words.end) {
                Some((p, r))
            } else {
                None
            }
        })?;
        if !only_and(a.words.end - 1, b.words.start) {
            return None;
        }
        (name(a)?, name(b)?)
    };
    Some(format!(
        "{a} {} {b}",
        if lex.lang == Lang::De { "und" } else { "and" }
    ))
}

/// The subject of the words before a quotation with no cue, as its speaker; not in reported
/// speech, whose subject is what the words are about ("Erstmals sei die Bundesregierung in
/// der Lage, „…“"), unless a comma stands between them ("führt der Bericht aus, rund 37
/// Prozent weise einen „…“ Hintergrund auf").
fn sentence_subject(lex: &Lexicon, text: &str, ws: &[Word], found: &[Run]) -> Option<Speaker> {
    let r = subject_run(lex, text, ws, found, ws.len())?;
    let at = ws[r.words.start].start;
    let indirect = ws.iter().any(|w| {
        lex.reported.contains(w.text) && {
            let (a, b) = if w.start < at {
                (w.start, at)
            } else {
                (at, w.start)
            };
            !text[a..b].contains(',')
        }
    });
    (!indirect).then(|| r.subject_speaker())
}

/// The subject of a sentence as a speaker when no name is beside a cue: the first phrase
/// with a nominative determiner before `k` ("Der 23-jährige Sportler gab bekannt: „…“").
fn subject_of(lex: &Lexicon, text: &str, ws: &[Word], found: &[Run], k: usize) -> Option<Speaker> {
    subject_run(lex, text, ws, found, k).map(Run::subject_speaker)
}

/// The run that holds the subject `subject_of` gives.
fn subject_run<'r>(
    lex: &Lexicon,
    text: &str,
    ws: &[Word],
    found: &'r [Run],
    k: usize,
) -> Option<&'r Run> {
    // A subordinate clause opening the sentence has a subject of its own: the cue's comes
    // after its comma ("Als ein Fluggast zu Hilfe eilte, rief der Mann: „…“").
    let main = ws
        .first()
        .filter(|w| lex.subordinating.contains_lower(w.text) && at_sentence_start(text, w.start))
        .and_then(|_| {
            (1..k.min(ws.len())).find(|&i| between(text, &ws[i - 1], &ws[i]).contains(','))
        })
        .unwrap_or(0);
    found
        .iter()
        .filter(|r| r.words.start >= main && r.words.start < k)
        .find(|r| r.subject.is_some())
}

/// For a German organisation called by its kind, "der Verband", "die Kasse": the organisation
/// of that kind the text names last before `before` (at most [`ORGANISATION_REACH`] bytes
/// back), a compound ending in the kind ("Gewerbeverband", "des Mieterbundes"), or the kind
/// with a name after it ("die Gewerkschaft Verdi"), with the name ("Krankenkasse Nordvita").
fn organisation_named_before(
    lex: &Lexicon,
    text: &str,
    phrase: &str,
    before: usize,
) -> Option<String> {
    let (article, kind) = phrase.split_once(' ')?;
    if lex.lang != Lang::De
        || !matches!(article, "der" | "die" | "das" | "Der" | "Die" | "Das")
        || kind.contains(' ')
        || !kind.starts_with(char::is_uppercase)
    {
        return None;
    }
    let key = lower(kind);
    // ("der Bund" is the federation itself, "die Presse" the press, "die Post" a company)
    if !lex.sources.contains(&key)
        || matches!(&*key, "bund" | "presse" | "post" | "times" | "journal")
    {
        return None;
    }
    let from = text.ceil_char_boundary(before.saturating_sub(ORGANISATION_REACH));
    let ws = words(text, from..before);
    // (the name after it: capitalised words right after, joined to it)
    let name_after = |i: usize| {
        let mut e = i + 1;
        while e < ws.len()
            && e <= i + 3
            && ws[e].capitalised()
            && !is_function(lex, ws[e].text)
            && !is_determiner(lex, ws[e].text)
            && !lex.is_cue(ws[e].text)
            && joined(lex, text, &ws[e - 1], &ws[e], false)
        {
            e += 1;
        }
        e
    };
    ws.iter().enumerate().rev().find_map(|(i, w)| {
        let l = lower(w.text);
        // (lower case keeps the length of the German words this reads)
        if !w.capitalised() || l.len() != w.text.len() {
            return None;
        }
        // The kind itself, or a compound ending in it, in any case: "Gewerbeverbandes".
        let stem = ["", "s", "es", "n", "en"]
            .iter()
            .find_map(|e| l.strip_suffix(e).filter(|s| s.ends_with(&*key)))?;
        let head = &stem[..stem.len() - key.len()];
        let end = name_after(i);
        let compound = head.chars().count() >= 2;
        if !(compound || head.is_empty() && end > i + 1) {
            return None;
        }
        // The word without its inflection, and the name after it.
        let mut out = w.text.get(..stem.len())?.to_string();
        for n in &ws[i + 1..end] {
            out.push(' ');
            out.push_str(n.text);
        }
        Some(out)
    })
}

/// The fullest form of a name the document gives: "Ryder" → "Pat Ryder" when the text
/// writes "Pat Ryder" anywhere.
fn complete_name(text: &str, name: &str, lex: &Lexicon) -> String {
    // "Von der Leyen" opening a sentence is written "von der Leyen" inside one, "Zu
    // Guttenberg" "zu Guttenberg".
    let lowered = name
        .strip_prefix("Von ")
        .filter(|rest| rest.starts_with("der ") || rest.starts_with("den "))
        .map(|rest| format!("von {rest}"))
        .or_else(|| {
            name.strip_prefix("Zu ")
                .filter(|rest| rest.starts_with(char::is_uppercase) && !rest.contains(' '))
                .map(|rest| format!("zu {rest}"))
        });
    let written = name;
    let name = lowered.as_deref().unwrap_or(name);
    if (name.contains(' ') && lowered.is_none()) || name.is_empty() || lex.is_role(name) {
        return name.to_string();
    }
    let mut best = written.to_string();
    let mut from = 0;
    while let Some(k) = text[from..].find(name) {
        let at = from + k;
        from = at + name.len();
        let end_ok = !text[from..].starts_with(char::is_alphanumeric);
        if !end_ok {
            continue;
        }
        // Capitalised words right before it, not role words (nor their genitive or plural:
        // "des Staatspräsidenten Nicolas Sarkozy").
        let ws = words(text, sentence_start(lex, text, at, 80)..at);
        let mut start = ws.len();
        while start > 0 {
            let w = ws[start - 1];
            let gap = &text[w.end()..ws.get(start).map_or(at, |n| n.start)];
            if w.capitalised()
                && !is_function(lex, w.text)
                && !is_determiner(lex, w.text)
                && lex.inflected_role_key(w.text).is_none()
                && gap.chars().all(|c| c == ' ')
            {
                start -= 1;
            } else {
                break;
            }
        }
        // After an article, the first of two words or more is what the person is, as in
        // `runs`: "die Wirtin Gerda Hausmann".
        // After a preposition fused with its article it is where or when: "am Sonntag
        // Santorum" ("mit Jerry Larson" keeps the first name).
        if start > 0
            && start < ws.len()
            && (ws.len() - start >= 2 && is_determiner(lex, ws[start - 1].text)
                || lex.contractions.contains_lower(ws[start - 1].text))
        {
            start += 1;
        }
        if start < ws.len() && ws.len() - start <= 3 {
            let full = text[ws[start].start..at + name.len()].to_string();
            if full.len() > best.len() {
                best = full;
            }
        }
    }
    best
}
