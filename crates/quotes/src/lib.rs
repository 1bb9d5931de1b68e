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

/// Where the paragraph that holds byte `at` ends: a blank line or a line break.
fn paragraph_end(text: &str, at: usize) -> usize {
    memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |k| at + k)
}

/// The top-level pairs of quote marks in `text`, in order. A nested pair stays inside its
/// outer one. An opening mark whose paragraph ends before its closing mark continues when
/// the next paragraph opens with the same mark (a quotation over several paragraphs), and is
/// dropped otherwise. Linear in the text.
pub fn pairs(text: &str) -> Vec<Pair> {
    let guillemet_open = text
        .chars()
        .find(|&c| c == '»' || c == '«')
        .map_or('»', |c| {
            // German »…« opens with », French and Swiss «…» with «.
            c
        });
    let marks: Vec<(usize, char)> = text.char_indices().filter(|&(_, c)| is_mark(c)).collect();
    let char_before = |i: usize| text[..i].chars().next_back();
    let char_after = |i: usize, c: char| text[i + c.len_utf8()..].chars().next();
    let mut out = Vec::new();
    let mut k = 0;
    while k < marks.len() {
        let (at, c) = marks[k];
        let r = role(c, char_before(at), char_after(at, c), guillemet_open);
        let kind = match r {
            Role::Open(kind) | Role::Both(kind) => kind,
            _ => {
                k += 1;
                continue;
            }
        };
        // Look for the closing mark of this kind; marks of other kinds nest inside.
        let open = at..at + c.len_utf8();
        let mut end_of_paragraph = paragraph_end(text, open.end);
        let mut j = k + 1;
        let mut found = None;
        while j < marks.len() {
            let (bt, d) = marks[j];
            if bt >= end_of_paragraph {
                // A quotation that goes on in the next paragraph reopens with the same mark.
                let next = text[end_of_paragraph..].trim_start();
                let reopen = text.len() - next.len();
                if next.starts_with(c) && bt == reopen {
                    end_of_paragraph = paragraph_end(text, reopen + c.len_utf8());
                    j += 1;
                    continue;
                }
                break;
            }
            let dr = role(d, char_before(bt), char_after(bt, d), guillemet_open);
            match dr {
                Role::Close(kd) | Role::Both(kd) if kd == kind && bt > open.end => {
                    // "“" opens in English style only when nothing of its kind is open.
                    found = Some(j);
                    break;
                }
                _ => {}
            }
            j += 1;
        }
        match found {
            Some(j) => {
                let (bt, d) = marks[j];
                out.push(Pair {
                    open,
                    close: bt..bt + d.len_utf8(),
                });
                k = j + 1;
            }
            None => k += 1,
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
    fn capitalised(&self) -> bool {
        self.text.starts_with(char::is_uppercase)
    }
}

/// The words of `text[range]`, with their byte offsets in `text`; a word may hold inner
/// hyphens, apostrophes and periods ("Pentagon-Sprecher", "O’Brien", "U.S.").
fn words(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    let s = &text[range.clone()];
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let inner = matches!(c, '-' | '’' | '\'' | '.')
            && start.is_some()
            && s[i + c.len_utf8()..].starts_with(char::is_alphanumeric);
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
        } else if let Some(b) = start.take() {
            out.push(Word {
                text: &s[b..i],
                start: range.start + b,
            });
        }
    }
    if let Some(b) = start {
        out.push(Word {
            text: &s[b..],
            start: range.start + b,
        });
    }
    out
}

/// Where the sentence that holds byte `at` begins, looking back at most `limit` bytes: after
/// a sentence end (". ", "! ", "? ", also after a closing mark) or a line break.
fn sentence_start(text: &str, at: usize, limit: usize) -> usize {
    let floor = at.saturating_sub(limit);
    let b = text.as_bytes();
    let mut i = at;
    while i > floor {
        i -= 1;
        match b[i] {
            b'\n' => return i + 1,
            b'.' | b'!' | b'?' if b.get(i + 1).is_some_and(|n| n.is_ascii_whitespace()) => {
                return i + 1
            }
            _ => {}
        }
    }
    let mut s = floor;
    while !text.is_char_boundary(s) {
        s += 1;
    }
    s
}

/// Where the sentence that holds byte `at` ends, looking on at most `limit` bytes.
fn sentence_end(text: &str, at: usize, limit: usize) -> usize {
    let ceiling = (at + limit).min(text.len());
    let b = text.as_bytes();
    let mut i = at;
    while i < ceiling {
        match b[i] {
            b'\n' => return i,
            b'.' | b'!' | b'?' if b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()) => {
                return i + 1
            }
            _ => {}
        }
        i += 1;
    }
    let mut e = ceiling;
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    e
}

/// A speaker found beside a cue: the phrase as written and whether it names a person (a
/// name) or only a role or pronoun.
#[derive(Clone, Debug)]
struct Speaker {
    phrase: String,
    named: bool,
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
        let mut out: Vec<Quote> = Vec::with_capacity(found.len());
        let mut last_named: Option<String> = None;
        let mut last_quote_end: Option<usize> = None;
        let mut last_speaker: Option<String> = None;
        for (n, pair) in found.iter().enumerate() {
            let inner = pair.inner();
            let quoted = &text[inner.clone()];
            let length = words(text, inner.clone()).len();
            // The sentence around the pair, without other quotations.
            let prev_end = n.checked_sub(1).map_or(0, |p| found[p].close.end);
            let next_start = found.get(n + 1).map_or(text.len(), |p| p.open.start);
            let left_start = sentence_start(text, pair.open.start, 300).max(prev_end);
            let right_end = sentence_end(text, pair.close.end, 300).min(next_start);
            let left = words(text, left_start..pair.open.start);
            let right = words(text, pair.close.end..right_end);
            let before = text[left_start..pair.open.start].trim_end();
            let colon = before.ends_with(':');
            let comma_after = text[pair.close.end..].trim_start().starts_with(',')
                || quoted.trim_end().ends_with(',');

            let mut cue: Option<String> = None;
            let mut speaker: Option<Speaker> = None;
            // After the quotation: "„…“, sagte Ryder." / "“…,” Ryder said."
            if let Some((c, s)) = self.cue_after(lex, &right, text, pair.close.end) {
                cue = Some(c);
                speaker = s;
            }
            // Before it: "Stoltenberg betonte: „…“", "Dazu sagte Ryder, „…“".
            if cue.is_none() {
                if let Some((c, s)) = self.cue_before(lex, &left) {
                    cue = Some(c);
                    speaker = s;
                }
            }
            let framed = left
                .last()
                .is_some_and(|w| lex.frames.contains(&w.text.to_lowercase()))
                || left.iter().rev().take(3).any(|w| {
                    lex.frames.contains(&w.text.to_lowercase()) && !lex.titles.contains(w.text)
                }) && length <= 3;
            let title = left.last().is_some_and(|w| {
                let l = w.text.to_lowercase();
                lex.titles.contains(&l) || lex.titles.iter().any(|t| l.ends_with(t.as_str()))
            });
            // A quotation goes on from the one before: a whole sentence in the same paragraph
            // or a new paragraph of the same speaker.
            let continues = cue.is_none()
                && length >= 4
                && last_quote_end.is_some_and(|e| pair.open.start - e < 400)
                && left.is_empty();
            let quotation = !title
                && (cue.is_some() && (length >= 2 || framed || colon)
                    || colon
                    || framed
                    || continues
                    || length >= 8);
            if continues && speaker.is_none() {
                speaker = last_speaker.clone().map(|phrase| Speaker {
                    phrase,
                    named: true,
                });
            }
            // A pronoun or role stands for the last named speaker.
            let speaker = speaker.map(|s| {
                if s.named {
                    s.phrase
                } else {
                    last_named.clone().unwrap_or(s.phrase)
                }
            });
            let speaker = speaker.map(|s| complete_name(text, &s, lex));
            if quotation {
                if let Some(s) = &speaker {
                    if !lex.pronouns.contains(&s.to_lowercase()) {
                        last_named = Some(s.clone());
                    }
                }
                last_speaker = speaker.clone();
                last_quote_end = Some(pair.close.end);
            }
            let _ = comma_after;
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
    fn cue_after(
        &self,
        lex: &Lexicon,
        right: &[Word],
        text: &str,
        close_end: usize,
    ) -> Option<(String, Option<Speaker>)> {
        // The attribution follows at once, after at most a comma: not "„…“ und sagte".
        let gap = &text[close_end..right.first()?.start];
        if !gap.chars().all(|c| c.is_whitespace() || c == ',') {
            return None;
        }
        let k = right
            .iter()
            .take(6)
            .position(|w| lex.is_cue(w.text) || lex.after.contains(&w.text.to_lowercase()))?;
        let cue = right[k].text.to_string();
        // "sagte Ryder", "so Selenskyj", "erklärte der Sprecher Pat Ryder"
        let after = name_after(lex, &right[k + 1..]);
        // "Ryder said", "the spokesman said"
        let before = (k > 0).then(|| name_before(lex, &right[..k])).flatten();
        let speaker = match (after, before) {
            (Some(a), _) if a.named => Some(a),
            (_, Some(b)) => Some(b),
            (a, None) => a,
        };
        // "laut" and "zufolge" name the source: "Ryder zufolge".
        Some((cue, speaker))
    }

    /// A cue in the words of the sentence before a quotation and the speaker beside it.
    fn cue_before(&self, lex: &Lexicon, left: &[Word]) -> Option<(String, Option<Speaker>)> {
        let k = left.iter().rposition(|w| lex.is_cue(w.text))?;
        let cue = left[k].text.to_string();
        let after = name_after(lex, &left[k + 1..]);
        let before = name_before(lex, &left[..k]);
        let speaker = match (before, after) {
            (Some(b), _) if b.named => Some(b),
            (_, Some(a)) if a.named => Some(a),
            (b, a) => b.or(a),
        };
        Some((cue, speaker))
    }
}

/// Words that are capitalised at the start of a sentence but name nobody.
fn is_function(lex: &Lexicon, w: &str) -> bool {
    lex.function.contains(&w.to_lowercase())
}

/// The name right after a cue: "Ryder", "der Sprecher Pat Ryder", "he".
fn name_after(lex: &Lexicon, ws: &[Word]) -> Option<Speaker> {
    let mut k = 0;
    while k < ws.len() && lex.determiners.contains(&ws[k].text.to_lowercase()) {
        k += 1;
    }
    let first = ws.get(k)?;
    if lex.pronouns.contains(&first.text.to_lowercase()) {
        return Some(Speaker {
            phrase: first.text.to_string(),
            named: false,
        });
    }
    let mut names = Vec::new();
    for w in &ws[k..] {
        if w.capitalised() && !is_function(lex, w.text) || lex.particles.contains(w.text) {
            names.push(*w);
        } else {
            break;
        }
    }
    speaker_of(lex, &names)
}

/// The name right before a cue: "Ryder sagte", "Pentagon-Sprecher Pat Ryder sagte".
fn name_before(lex: &Lexicon, ws: &[Word]) -> Option<Speaker> {
    let last = ws.last()?;
    if lex.pronouns.contains(&last.text.to_lowercase()) {
        return Some(Speaker {
            phrase: last.text.to_string(),
            named: false,
        });
    }
    let mut start = ws.len();
    while start > 0 {
        let w = ws[start - 1];
        if (w.capitalised() && !is_function(lex, w.text)) || lex.particles.contains(w.text) {
            start -= 1;
        } else {
            break;
        }
    }
    speaker_of(lex, &ws[start..])
}

/// A run of capitalised words as a speaker: role words dropped from the front ("Sprecher Pat
/// Ryder" → "Pat Ryder"); a run of roles only is a role.
fn speaker_of(lex: &Lexicon, run: &[Word]) -> Option<Speaker> {
    if run.is_empty() {
        return None;
    }
    let roles = run.iter().take_while(|w| lex.is_role(w.text)).count();
    if roles == run.len() {
        return Some(Speaker {
            phrase: run.iter().map(|w| w.text).collect::<Vec<_>>().join(" "),
            named: false,
        });
    }
    let name = &run[roles..];
    // Of a long run, a person's name is at most four words.
    let name = &name[..name.len().min(4)];
    Some(Speaker {
        phrase: name.iter().map(|w| w.text).collect::<Vec<_>>().join(" "),
        named: true,
    })
}

/// The fullest form of a name the document gives: "Ryder" → "Pat Ryder" when the text
/// writes "Pat Ryder" anywhere.
fn complete_name(text: &str, name: &str, lex: &Lexicon) -> String {
    if name.contains(' ') || name.is_empty() || lex.is_role(name) {
        return name.to_string();
    }
    let mut best = name.to_string();
    let mut from = 0;
    while let Some(k) = text[from..].find(name) {
        let at = from + k;
        from = at + name.len();
        let end_ok = !text[from..].starts_with(char::is_alphanumeric);
        if !end_ok {
            continue;
        }
        // Capitalised words right before it, not role words.
        let ws = words(text, sentence_start(text, at, 80)..at);
        let mut start = ws.len();
        while start > 0 {
            let w = ws[start - 1];
            let gap = &text[w.start + w.text.len()..ws.get(start).map_or(at, |n| n.start)];
            if w.capitalised()
                && !is_function(lex, w.text)
                && !lex.is_role(w.text)
                && gap.chars().all(|c| c == ' ')
            {
                start -= 1;
            } else {
                break;
            }
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
