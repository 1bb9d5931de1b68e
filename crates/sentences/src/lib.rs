//! Sentence boundaries in German and English news text, by rules and lexicons (no model): a
//! byte scan visits only the places a sentence can end (terminal punctuation and line breaks)
//! and decides each from the word before it and the word after it.
//!
//! The result is a list of byte spans into the text, trimmed of whitespace, so the spans with
//! the whitespace between them give back the text exactly.

pub mod cli;
mod lexicon;

use std::ops::Range;

use korpus_core::ByLang;
pub use lexicon::{Abbreviation, Lang, Lexicon};

/// The segmenter: both languages' lexicons, built once.
#[derive(Debug)]
pub struct Segmenter {
    lexicons: ByLang<Lexicon>,
}

impl Default for Segmenter {
    fn default() -> Self {
        Self::new()
    }
}

impl Segmenter {
    pub fn new() -> Self {
        Segmenter {
            lexicons: ByLang::new(|lang| match lang {
                Lang::De => Lexicon::german(),
                Lang::En => Lexicon::english(),
            }),
        }
    }

    pub fn lexicon(&self, lang: Lang) -> &Lexicon {
        self.lexicons.get(lang)
    }

    /// The sentences of `text` as byte ranges, trimmed, in order; appended to `spans`.
    pub fn split_into(&self, text: &str, lang: Lang, spans: &mut Vec<Range<usize>>) {
        let mut scan = Scan {
            text,
            bytes: text.as_bytes(),
            lex: self.lexicon(lang),
            spans,
            last_cut: 0,
            list_splits: Vec::new(),
            next_split: 0,
            key: String::new(),
        };
        scan.run();
        scan.cut(text.len());
    }

    /// The sentences of `text` as string slices.
    pub fn split<'t>(&self, text: &'t str, lang: Lang) -> Vec<&'t str> {
        let mut spans = Vec::new();
        self.split_into(text, lang, &mut spans);
        spans.into_iter().map(|r| &text[r]).collect()
    }
}

/// Characters that end a sentence, alone or in runs ("?!", "...").
fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

/// Characters that may close a sentence after its terminal: quotes and brackets.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '“' | '’' | '‘' | '»' | '«' | '›' | '‹' | ')' | ']' | '}'
    )
}

/// Characters that may open a sentence before its first word.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '„'
            | '“'
            | '”'
            | '‘'
            | '‚'
            | '»'
            | '«'
            | '›'
            | '‹'
            | '('
            | '['
            | '¿'
            | '¡'
    )
}

/// List bullets at the start of a line or item.
fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '◦'
            | '▪'
            | '▫'
            | '‣'
            | '⁃'
            | '●'
            | '○'
            | '■'
            | '□'
            | '·'
            | '-'
            | '–'
            | '—'
            | '*'
    )
}

/// Bullets distinctive enough to split a line that holds several items ("• a • b").
fn is_inline_bullet(c: char) -> bool {
    matches!(c, '•' | '◦' | '▪' | '‣' | '⁃' | '●' | '■')
}

fn is_vowel(c: char) -> bool {
    matches!(
        c.to_ascii_lowercase(),
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ä' | 'ö' | 'ü' | 'é' | 'è' | 'á' | 'à'
    ) || matches!(c, 'Ä' | 'Ö' | 'Ü')
}

fn is_roman(w: &str) -> bool {
    !w.is_empty() && w.len() <= 5 && w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
}

/// What the word before a period is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Word {
    /// Nothing: the period follows a space (". . .").
    Empty,
    /// An item marker at the start of a sentence ("1.", "a.").
    ListMarker,
    /// The first part of a multi-part abbreviation ("z." before "B.").
    AbbreviationPart,
    Abbreviation(Abbreviation),
    /// A single capital or a Roman numeral ("J. Schneider", "Peter I.").
    Initial,
    /// A place name opening a paragraph ("BERLIN.", "Kiew.").
    Dateline,
    /// A figure: `big` when it cannot be an ordinal (four digits or more, or grouped).
    Number {
        big: bool,
    },
    Regular,
}

/// What follows the whitespace after a terminal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Next {
    End,
    Lower,
    /// A capital: `clear` when the word is a sentence starter or an opening quote precedes it.
    Upper {
        clear: bool,
    },
    Digit,
    /// A bullet, dash or other symbol that can open a sentence.
    Symbol,
    /// Punctuation that cannot open a sentence (",", ";", ")").
    Punctuation,
}

struct Scan<'t, 'l> {
    text: &'t str,
    bytes: &'t [u8],
    lex: &'l Lexicon,
    /// The sentences found so far, trimmed.
    spans: &'l mut Vec<Range<usize>>,
    last_cut: usize,
    /// Cuts before inline list items of the current line, ascending.
    list_splits: Vec<usize>,
    next_split: usize,
    key: String,
}

impl<'t> Scan<'t, '_> {
    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..)?.chars().next()
    }

    fn char_before(&self, i: usize) -> Option<char> {
        self.text.get(..i)?.chars().next_back()
    }

    /// Ends a sentence at `at`: what lies between the last cut and here, trimmed, is one.
    fn cut(&mut self, at: usize) {
        if at <= self.last_cut {
            return;
        }
        let piece = &self.text[self.last_cut..at];
        let start = self.last_cut + (piece.len() - piece.trim_start().len());
        let end = self.last_cut + piece.trim_end().len();
        if start < end {
            self.spans.push(start..end);
        }
        self.last_cut = at;
    }

    fn run(&mut self) {
        self.start_line(0);
        let bytes = self.bytes;
        let len = bytes.len();
        // Two SIMD searches, merged: terminals, and line breaks or the lead byte of "…".
        let (mut terminal, mut other) = (0, 0);
        let mut i = 0;
        loop {
            if terminal < i || i == 0 {
                terminal = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]).map_or(len, |k| i + k);
            }
            if other < i || i == 0 {
                other = memchr::memchr2(b'\n', 0xE2, &bytes[i..]).map_or(len, |k| i + k);
            }
            let at = terminal.min(other);
            if at >= len {
                break;
            }
            self.flush_splits(at);
            i = match bytes[at] {
                b'\n' => self.newline(at),
                0xE2 => match self.char_at(at) {
                    Some(c) if is_terminal(c) => self.terminal(at),
                    _ => at + 1,
                },
                _ => self.terminal(at),
            };
        }
        self.flush_splits(len);
    }

    fn flush_splits(&mut self, before: usize) {
        while self.next_split < self.list_splits.len() && self.list_splits[self.next_split] < before
        {
            let at = self.list_splits[self.next_split];
            self.next_split += 1;
            self.cut(at);
        }
    }

    /// Where the current sentence's words begin: after the last cut, whitespace and bullets.
    fn sentence_start(&self) -> usize {
        let rest = &self.text[self.last_cut..];
        let skipped = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_whitespace() || is_bullet(c))
                .len();
        self.last_cut + skipped
    }

    /// A line begins at `at`: a list item opens a sentence, and a line that holds several
    /// items ("1.) first 2.) second", "• a • b") is cut before each of them.
    fn start_line(&mut self, at: usize) {
        self.list_splits.clear();
        self.next_split = 0;
        let end = memchr::memchr(b'\n', &self.bytes[at..]).map_or(self.bytes.len(), |n| at + n);
        let line = &self.text[at..end];
        let body = line.trim_start_matches(|c: char| c.is_whitespace());
        let offset = at + (line.len() - body.len());
        let Some(first) = body.chars().next() else {
            return;
        };
        if is_inline_bullet(first) {
            let mut from = first.len_utf8();
            while let Some(k) = body[from..].find(first) {
                let pos = from + k;
                if body[..pos].ends_with(char::is_whitespace) {
                    self.list_splits.push(offset + pos);
                }
                from = pos + first.len_utf8();
            }
            return;
        }
        // A numbered or lettered list that begins on this line: "1.", "1.)", "1)", "a.".
        let Some((value, suffix)) = list_marker(body) else {
            return;
        };
        if value != 1 {
            return;
        }
        let letters = body.starts_with(|c: char| c.is_ascii_lowercase());
        let mut next = value + 1;
        let mut from = 0;
        let mut marker = String::new();
        loop {
            marker.clear();
            marker.push(' ');
            if letters {
                marker.push((b'a' + (next - 1) as u8) as char);
            } else {
                marker.push_str(&next.to_string());
            }
            marker.push_str(suffix);
            marker.push(' ');
            match body[from..].find(marker.as_str()) {
                Some(k) => {
                    self.list_splits.push(offset + from + k);
                    from += k + 1;
                    next += 1;
                    if letters && next > 26 {
                        break;
                    }
                }
                None => break,
            }
        }
    }

    /// A line break at `i`. A blank line always ends a sentence; a single line break ends one
    /// after a line without terminal punctuation (a headline, byline, list item) unless the
    /// line plainly runs on (wrapped text). Returns where the scan goes on.
    fn newline(&mut self, i: usize) -> usize {
        let after = &self.text[i + 1..];
        let rest = after.trim_start_matches(|c: char| c.is_whitespace() && c != '\n');
        if rest.is_empty() || rest.starts_with('\n') {
            self.cut(i);
            self.start_line(i + 1);
            return i + 1;
        }
        let line_start = memchr::memrchr(b'\n', &self.bytes[..i]).map_or(0, |n| n + 1);
        let line = &self.text[line_start..i];
        let content = line.trim_end_matches(|c: char| c.is_whitespace());
        let trailing_space = content.len() < line.trim_end_matches('\r').len();
        self.start_line(i + 1);
        let Some(last) = content.chars().next_back() else {
            return i + 1;
        };
        if ends_with_terminal(content) {
            // The terminal decided already, with this line break as its whitespace.
            return i + 1;
        }
        let next_char = rest.chars().next().unwrap_or(' ');
        let opens_item = is_bullet(next_char) || list_marker(rest).is_some();
        let runs_on = !opens_item
            && (matches!(last, ',' | ';' | '-' | '‐' | '(' | '/' | '&' | '+')
                || (last == ':' && is_opener(next_char))
                // Wrapped text keeps a space at the break; a short line (a headline, a
                // byline) with a stray space does not run on for that alone.
                || (trailing_space
                    && (starts_lower(rest) || content.split_whitespace().nth(5).is_some()))
                || self.lex.is_connector(last_word(content))
                || (starts_lower(rest) && content.split_whitespace().nth(2).is_some()));
        if !runs_on {
            self.cut(i);
        }
        i + 1
    }

    /// A terminal at `i`: decides whether the sentence ends after the run of terminals and
    /// closing quotes or brackets that starts here. Returns where the scan goes on.
    fn terminal(&mut self, i: usize) -> usize {
        let text = self.text;
        // The run: terminals, spaced ellipsis dots (". . ."), then closing quotes and brackets
        // (which may hold more terminals: "nicht!).").
        let mut end = i;
        let (mut dots, mut marks, mut ellipsis, mut spaced) = (0, 0, false, false);
        let (mut quote, mut bracket) = (false, false);
        while let Some(c) = self.char_at(end) {
            if is_terminal(c) {
                match c {
                    '.' => dots += 1,
                    '…' => ellipsis = true,
                    _ => marks += 1,
                }
                end += c.len_utf8();
            } else if c == ' ' && dots > 0 && !quote && !bracket && text[end + 1..].starts_with('.')
            {
                spaced = true;
                end += 1;
            } else if is_closer(c) && (dots + marks > 0 || ellipsis) {
                if matches!(c, ')' | ']' | '}') {
                    bracket = true;
                } else {
                    quote = true;
                }
                end += c.len_utf8();
            } else {
                break;
            }
        }
        // A footnote reference belongs to the sentence it follows: "… research.[1-3] Next".
        let gap = &text[end..];
        let skip = gap.len() - gap.trim_start_matches([' ', '\t']).len();
        if let Some(len) = footnote_len(&gap[skip..]) {
            end += skip + len;
        }
        let first_dot_end = i + 1;
        let is_ellipsis = ellipsis || dots >= 2;
        // An omission in brackets ("[...]", "(…)") is not the end of anything.
        if is_ellipsis && marks == 0 && matches!(self.char_before(i), Some('[' | '(')) {
            return end;
        }
        let Some(after) = self.char_at(end) else {
            return end;
        };
        if !after.is_whitespace() {
            if dots == 1 && marks == 0 && !ellipsis && !quote && !bracket && self.glued_end(i, end)
            {
                self.cut(end);
            }
            return end;
        }
        let gap = &text[end..];
        let next_at = end + (gap.len() - gap.trim_start().len());
        let newline = text[end..next_at].contains('\n');
        let next = self.next_kind(next_at);
        if next == Next::End || next == Next::Punctuation {
            return end;
        }
        if (quote || bracket) && next == Next::Lower {
            // „…?“ fragte sie / "This is great." she said / (… engineer.) at the
            return end;
        }
        let clear_or_plain = !matches!(next, Next::Lower);
        if marks > 0 {
            if clear_or_plain || newline {
                self.cut(end);
            }
            return end;
        }
        if is_ellipsis {
            if clear_or_plain {
                // "compounds. . . . The": a period, then an ellipsis that opens the next one.
                let w = self.word_before(i);
                // The run must open with that period: "…. . . ." opens with an ellipsis.
                if spaced
                    && dots >= 4
                    && text.as_bytes()[i] == b'.'
                    && !w.is_empty()
                    && text[i + 1..].starts_with(" .")
                {
                    self.cut(first_dot_end);
                } else {
                    self.cut(end);
                }
            }
            return end;
        }
        if self.period_ends_sentence(i, next, next_at, newline) {
            self.cut(end);
        }
        end
    }

    /// Classifies what follows the whitespace after a terminal.
    fn next_kind(&self, at: usize) -> Next {
        let rest = &self.text[at..];
        let Some(first) = rest.chars().next() else {
            return Next::End;
        };
        let word = rest.trim_start_matches(is_opener);
        let opened = word.len() < rest.len();
        let Some(c) = word.chars().next() else {
            return Next::Symbol;
        };
        if c.is_uppercase() || (c.is_lowercase() && lower_then_upper(word)) {
            let w = word_prefix(word);
            return Next::Upper {
                clear: opened || self.lex.is_starter(w),
            };
        }
        if c.is_lowercase() {
            return Next::Lower;
        }
        if c.is_numeric() {
            return Next::Digit;
        }
        if opened {
            return Next::Symbol;
        }
        if matches!(
            first,
            ',' | ';' | ':' | ')' | ']' | '}' | '%' | '.' | '!' | '?'
        ) {
            Next::Punctuation
        } else {
            Next::Symbol
        }
    }

    /// The word before a terminal at `i`, from the last cut or whitespace, without leading
    /// quotes, brackets and bullets.
    fn word_before(&self, i: usize) -> &'t str {
        let text: &'t str = self.text;
        let start = token_start(text, i).max(self.last_cut);
        text[start..i].trim_start_matches(|c: char| is_opener(c) || is_bullet(c))
    }

    /// A single period followed by whitespace and `next`: does the sentence end here?
    fn period_ends_sentence(
        &mut self,
        i: usize,
        next: Next,
        next_at: usize,
        newline: bool,
    ) -> bool {
        let word = self.classify(i, next_at);
        let clear = matches!(next, Next::Upper { clear: true });
        match word {
            Word::ListMarker | Word::AbbreviationPart | Word::Dateline => false,
            Word::Empty => !matches!(next, Next::Lower),
            Word::Regular => true,
            Word::Abbreviation(_) | Word::Initial if next == Next::Digit => false,
            Word::Abbreviation(Abbreviation::Continues) => false,
            Word::Abbreviation(Abbreviation::MayEnd) => clear,
            // "you and I. Did …", "Thutmosis III. Die …" end; "Albert I. Jones" does not.
            Word::Initial => clear,
            Word::Number { big } => match (self.lex.lang, next) {
                (_, Next::Lower) => newline && big,
                // "3. Oktober", "2. Weltkrieg", "1. FC Köln" are ordinals; "Platz 3. Die …",
                // "im Jahr 2024. Bundeskanzler …" end.
                (Lang::De, Next::Upper { clear }) => clear || big,
                (Lang::De, Next::Digit) => big,
                (Lang::De, _) => false,
                (Lang::En, Next::Symbol) => false,
                (Lang::En, _) => true,
            },
        }
    }

    /// What the word before the period at `i` is.
    fn classify(&mut self, i: usize, next_at: usize) -> Word {
        let text = self.text;
        let full_start = token_start(text, i);
        let start = full_start.max(self.last_cut);
        let raw = &text[start..i];
        let word = raw.trim_start_matches(|c: char| is_opener(c) || is_bullet(c));
        if word.is_empty() {
            return Word::Empty;
        }
        let word_at = i - word.len();
        let full = &text[full_start..i];
        if full.contains("://") || full.contains('@') || full.starts_with("www.") {
            return Word::Regular;
        }
        // An item marker where the sentence starts: "1. Dies ist …", "a. The first item".
        let sentence_start = self.sentence_start();
        if word_at == sentence_start
            && (word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit())
                || word.len() == 1 && word.bytes().all(|b| b.is_ascii_lowercase()))
        {
            return Word::ListMarker;
        }
        // Abbreviations, longest first, over up to four spaced parts ("i. d. R.").
        let mut parts = [word_at; 4];
        let mut n = 1;
        while n < 4 {
            let p = parts[n - 1];
            if p < 2 || self.bytes[p - 1] != b' ' || p - 1 <= self.last_cut {
                break;
            }
            let s = token_start(text, p - 1).max(self.last_cut);
            let prev = &text[s..p - 1];
            if !prev.ends_with('.') || prev.chars().count() > 5 {
                break;
            }
            parts[n] = s;
            n += 1;
        }
        let next_part = next_abbreviation_part(&text[next_at..]);
        for k in (0..n).rev() {
            self.key.clear();
            for piece in text[parts[k]..i].split_whitespace() {
                self.key.push_str(piece);
            }
            self.key.push('.');
            if let Some(part) = next_part {
                let len = self.key.len();
                self.key.push_str(part);
                if self.lex.begins_abbreviation(&self.key) {
                    return Word::AbbreviationPart;
                }
                self.key.truncate(len);
            }
            let class = if parts[k] == sentence_start {
                self.lex.abbreviation_at_start(&self.key)
            } else {
                self.lex.abbreviation(&self.key)
            };
            if let Some(class) = class {
                return Word::Abbreviation(class);
            }
        }
        // A dateline opens a paragraph: "BERLIN. Die Regierung …", "Kiew. Der Präsident …".
        if word_at == sentence_start && self.is_dateline(word, word_at, next_at) {
            return Word::Dateline;
        }
        let core = word.trim_start_matches(['$', '€', '£', '¥', '-', '+', '−']);
        if core.starts_with(|c: char| c.is_ascii_digit())
            && core
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '\'' | '’'))
        {
            let digits = core.bytes().filter(u8::is_ascii_digit).count();
            let grouped = core.contains(['.', ',', '\'', '’']);
            return Word::Number {
                big: digits >= 4 || grouped,
            };
        }
        let mut chars = word.chars();
        let first = chars.next().unwrap_or(' ');
        if chars.next().is_none() && first.is_alphabetic() {
            return if first.is_uppercase() {
                Word::Initial
            } else {
                Word::Abbreviation(Abbreviation::MayEnd)
            };
        }
        if is_roman(word) {
            return Word::Initial;
        }
        // Dotted short parts ("U.S", "Ph.D", "z.B") are abbreviations.
        if word.contains('.')
            && word.split('.').all(|p| {
                !p.is_empty() && p.chars().count() <= 3 && p.chars().all(char::is_alphabetic)
            })
        {
            return Word::Abbreviation(Abbreviation::MayEnd);
        }
        // Street names: "Bahnhofstr. 5", "Doninikus-Zimmermann-Str. 9".
        if self.lex.lang == Lang::De && (word.ends_with("str") || word.ends_with("-Str")) {
            return Word::Abbreviation(Abbreviation::Continues);
        }
        // Short words without a vowel ("bzw", "Str", "km") are abbreviations.
        if word.chars().count() <= 5
            && word.chars().all(char::is_alphabetic)
            && word.chars().any(char::is_lowercase)
            && !word.chars().any(is_vowel)
        {
            return Word::Abbreviation(Abbreviation::MayEnd);
        }
        Word::Regular
    }

    /// A place name alone at the start of a line, before a capitalised word on the same line:
    /// one word (or several joined by "/"), capitalised, and not a word that opens sentences.
    fn is_dateline(&self, word: &str, word_at: usize, next_at: usize) -> bool {
        let before = self.text[..word_at].trim_end_matches([' ', '\t']);
        let line_start = before.is_empty() || before.ends_with('\n');
        line_start
            && word.chars().count() >= 3
            && word.starts_with(char::is_uppercase)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || c == '/' || c == '-')
            && !self.lex.is_starter(word)
            && !self.text[word_at..next_at].contains('\n')
            && self.char_at(next_at).is_some_and(char::is_uppercase)
            // "BERLIN." is a dateline before any capital; "Kiew." only before an article or
            // pronoun ("Kiew. Der Präsident …"), not in "Eins. Zwei."
            && (word.chars().all(|c| !c.is_lowercase())
                || self.lex.is_starter(word_prefix(&self.text[next_at..])))
    }

    /// "world.Today", "1,000.That": a period with no space after it, between a word's end and
    /// a capitalised word, ends a sentence; never inside a URL, e-mail address or abbreviation.
    fn glued_end(&mut self, i: usize, end: usize) -> bool {
        let after = head(&self.text[end..]);
        let mut it = after.chars();
        let (Some(a), Some(b)) = (it.next(), it.next()) else {
            return false;
        };
        if !(a.is_uppercase() && b.is_lowercase()) {
            return false;
        }
        // The token around the period, up to the next period ahead ("Jane.Doe@example.com");
        // behind the last cut it has been checked already.
        let full_start = token_start(self.text, i).max(self.last_cut);
        let full_end = end
            + after
                .find(|c: char| c.is_whitespace() || c == '.')
                .unwrap_or(after.len());
        let token = &self.text[full_start..full_end];
        if token.contains(['@', '/']) || token.contains("www") {
            return false;
        }
        let word = self.word_before(i);
        let letters = word.chars().count() >= 2
            && word.chars().all(char::is_alphabetic)
            && word.chars().next_back().is_some_and(char::is_lowercase);
        let number = word.starts_with(|c: char| c.is_ascii_digit())
            && word.chars().all(|c| c.is_ascii_digit() || c == ',')
            && (word.len() >= 4 || word.contains(','));
        if !(letters || number) {
            return false;
        }
        self.key.clear();
        self.key.push_str(word);
        self.key.push('.');
        self.lex.abbreviation(&self.key).is_none()
    }
}

/// How far the rules look into a token, in bytes: enough for any word, URL head or
/// abbreviation, and a bound that keeps the scan linear on pathological input (a megabyte
/// without a space).
const LOOK: usize = 128;

/// Where the whitespace-delimited token that ends at `i` begins (at most [`LOOK`] bytes back).
fn token_start(text: &str, i: usize) -> usize {
    let floor = text.ceil_char_boundary(i.saturating_sub(LOOK));
    text[floor..i]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(floor, |(k, c)| floor + k + c.len_utf8())
}

/// The start of `s`, at most [`LOOK`] bytes, cut at a character boundary.
fn head(s: &str) -> &str {
    &s[..s.floor_char_boundary(LOOK)]
}

/// The letters at the start of `s` (a word without its punctuation).
fn word_prefix(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(s.len(), |(k, _)| k);
    &s[..end]
}

/// "iPhone", "eBay": a lower-case start that reads as a capitalised name.
fn lower_then_upper(word: &str) -> bool {
    let mut it = word.chars();
    it.next();
    it.take(2).any(char::is_uppercase)
}

fn starts_lower(s: &str) -> bool {
    let w = s.trim_start_matches(is_opener);
    w.starts_with(char::is_lowercase) && !lower_then_upper(w)
}

/// The last word of a line, without trailing punctuation.
fn last_word(line: &str) -> &str {
    let trimmed = line.trim_end_matches(|c: char| !c.is_alphanumeric());
    let start = trimmed
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(0, |(k, c)| k + c.len_utf8());
    &trimmed[start..]
}

/// Whether a line ends in a terminal, possibly inside closing quotes or brackets.
fn ends_with_terminal(content: &str) -> bool {
    content
        .trim_end_matches(is_closer)
        .chars()
        .next_back()
        .is_some_and(is_terminal)
}

/// A list item marker at the start of `s`: its value (1 for "1." and "a.") and its suffix.
fn list_marker(s: &str) -> Option<(u32, &'static str)> {
    let bytes = s.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let (value, len) = if (1..=2).contains(&digits) {
        (s[..digits].parse().ok()?, digits)
    } else if digits == 0 && bytes.first().is_some_and(u8::is_ascii_lowercase) {
        ((bytes[0] - b'a' + 1) as u32, 1)
    } else {
        return None;
    };
    let rest = &s[len..];
    for suffix in [".)", ".", ")"] {
        if let Some(after) = rest.strip_prefix(suffix) {
            if let Some(item) = after.strip_prefix(' ') {
                // A lettered item needs its period or bracket and a capital after it.
                if digits == 0 && !item.starts_with(char::is_uppercase) {
                    return None;
                }
                return Some((value, suffix));
            }
        }
    }
    None
}

/// The length of a footnote reference at the start of `s`: "[3]", "[1-3]", "[3–5, 7]".
fn footnote_len(s: &str) -> Option<usize> {
    let inner = head(s).strip_prefix('[')?;
    let close = inner.find(']')?;
    let body = &inner[..close];
    let digits = body.bytes().any(|b| b.is_ascii_digit());
    let ok = body.len() <= 16
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '–' | ',' | ' '));
    (digits && ok).then_some(close + 2)
}

/// The next part of a possible multi-part abbreviation: "B." in "B. Wasser", at most four
/// letters and a period.
fn next_abbreviation_part(s: &str) -> Option<&str> {
    let head = &s.as_bytes()[..s.len().min(17)];
    let dot = memchr::memchr(b'.', head)?;
    let part = &s[..dot];
    if part.is_empty() || part.chars().count() > 4 || !part.chars().all(char::is_alphabetic) {
        return None;
    }
    Some(&s[..=dot])
}

#[cfg(test)]
mod tests;
