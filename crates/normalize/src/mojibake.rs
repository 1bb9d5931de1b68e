//! Mojibake repair: text that was UTF-8 but got decoded as a single-byte charset (Windows-1252,
//! Latin-1, MacRoman, and the Central European, Cyrillic and DOS ones), one layer or several,
//! in a whole text or in one line of it.
//!
//! Each line is written back to bytes in a candidate charset and read again as UTF-8. That it
//! reads at all is evidence, but not proof: real text has "NESTLÉ®" and "√π". A repair is made
//! only when it is plausible on both sides: every repaired sequence gives a character that real
//! text uses in that place (a letter inside a word, common punctuation, a symbol, letters of one
//! script in numbers), and the sequences themselves are ones real text does not write (Ã or Â
//! before a symbol, three-character sequences like â€™) or there are several of them. Zero
//! false positives comes first: when in doubt, the text stays as it is.

use std::borrow::Cow;

use crate::charsets::{self, Charset, Kind};

/// How many layers of mojibake are peeled at most.
const MAX_LAYERS: usize = 4;

/// Repairs mojibake; returns the text unchanged (borrowed) when there is none.
pub fn repair(text: &str) -> Cow<'_, str> {
    // (most text has no candidate anywhere: told without reading it line by line)
    if !has_candidate(text) {
        return Cow::Borrowed(text);
    }
    let mut current = Cow::Borrowed(text);
    for _ in 0..MAX_LAYERS {
        match repair_layer(&current) {
            Some(fixed) => current = Cow::Owned(fixed),
            None => break,
        }
    }
    current
}

/// Whether a text has a place where mojibake could be: a lead character followed by a
/// continuation character in one of the charsets. Cheap; used to skip clean text.
pub fn has_candidate(text: &str) -> bool {
    if !next_to_non_ascii(text.as_bytes()) {
        return false;
    }
    let mut prev = Candidate::default();
    text.chars().any(|c| prev.next(c))
}

/// Whether a character that is not ASCII has another such, or a space, right after it: what
/// every pair of [`Candidate`] needs. Read eight bytes at a time where the text is ASCII, and
/// by a character's first byte where it is not: most text has no such place.
fn next_to_non_ascii(b: &[u8]) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = 0;
    loop {
        // (to the next byte that is not ASCII)
        while let Some(chunk) = b.get(i..i + 8) {
            let high = u64::from_le_bytes(chunk.try_into().unwrap_or_default()) & HIGH;
            if high != 0 {
                i += (high.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        match b[i.min(b.len())..].iter().position(|&x| x >= 0x80) {
            None => return false,
            Some(p) => i += p,
        }
        // (past the character: its first byte tells its length)
        i += match b[i] {
            0xf0.. => 4,
            0xe0.. => 3,
            _ => 2,
        };
        match b.get(i) {
            Some(&n) if n >= 0x80 || n == b' ' => return true,
            Some(_) => {}
            None => return false,
        }
    }
}

/// Tracks, character by character, whether the last two make a lead-continuation pair.
#[derive(Default, Clone, Copy)]
pub struct Candidate {
    lead: u8,
    a0_lead: bool,
}

impl Candidate {
    /// Feeds the next character; true when it completes a pair.
    #[inline]
    pub fn next(&mut self, c: char) -> bool {
        if (c as u32) < 0x80 {
            // A space may be a lost no-break space, but only after the leads where that is
            // common ("Ã " for à); other letters before a space are everyday text ("daß ").
            let hit = c == ' ' && self.a0_lead;
            *self = Candidate::default();
            return hit;
        }
        let (lead, cont) = charsets::masks(c);
        let hit = self.lead & cont != 0;
        self.lead = lead;
        self.a0_lead = matches!(c, 'Ã' | 'Â' | 'Å' | 'Ð' | 'Ñ' | 'Ă' | 'Г' | 'Р' | 'С' | 'à');
        hit
    }
}

/// Peels one layer from every line that has one; `None` when nothing changed.
fn repair_layer(text: &str) -> Option<String> {
    let mut out: Option<String> = None;
    let mut done = 0;
    for (i, line) in lines_with_ends(text) {
        if !has_candidate(line) {
            continue;
        }
        if let Some(fixed) = repair_line(line) {
            let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
            o.push_str(&text[done..i]);
            o.push_str(&fixed);
            done = i + line.len();
        }
    }
    out.map(|mut o| {
        o.push_str(&text[done..]);
        o
    })
}

/// Lines without their `\n`, with their byte offsets.
fn lines_with_ends(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    text.split('\n').map(move |line| {
        let at = pos;
        pos += line.len() + 1;
        (at, line)
    })
}

/// One stretch of a line read back through UTF-8.
#[derive(Debug, Clone, Copy)]
enum Piece {
    /// A character that stays: ASCII, or one the charset cannot write.
    Same(char),
    /// A character that is not part of any valid UTF-8 sequence.
    Orphan(char),
    /// `len` characters from `start` that read as one UTF-8 character.
    Seq(Seq),
}

#[derive(Debug, Clone, Copy)]
struct Seq {
    start: usize,
    len: usize,
    ch: char,
    /// A space stood where the no-break space byte 0xA0 belonged.
    restored: bool,
    /// Information was lost (a `?` or U+FFFD stood for a byte); reads as U+FFFD.
    lossy: bool,
}

const LOSSY: u8 = 0x1A;

fn repair_line(line: &str) -> Option<String> {
    repair_line_deep(line, MAX_LAYERS)
}

fn repair_line_deep(line: &str, depth: usize) -> Option<String> {
    let chars: Vec<char> = line.chars().collect();
    for set in charsets::all() {
        let pieces = read_back(&chars, set);
        if pieces.iter().any(|p| matches!(p, Piece::Orphan(_))) {
            continue;
        }
        let seqs: Vec<Seq> = seqs(&pieces).collect();
        if seqs.is_empty() {
            continue;
        }
        let weights: Vec<u32> = seqs.iter().map(|s| weight(&chars, s, set)).collect();
        let strongest = weights.iter().copied().max().unwrap_or(0);
        if strongest < 2 && seqs.len() < 3 {
            continue;
        }
        let (fixed, decoded) = render(&chars, &pieces, |_| true);
        if all_plausible(&chars, &seqs, &weights, &decoded) {
            return Some(fixed);
        }
        // A middle layer of several need not look like text itself (a lone Ã, a C1
        // control); it is right when the layer under it repairs to plausible text.
        if depth > 1 && strongest >= 2 {
            if let Some(deeper) = repair_line_deep(&fixed, depth - 1) {
                return Some(deeper);
            }
        }
    }
    repair_piecewise(&chars)
}

/// A line whose UTF-8 is inconsistent (some characters right, some mojibake): only the strong
/// Windows-1252 sequences are repaired, and only when together they are clear evidence and
/// outnumber the characters that stay as they are.
fn repair_piecewise(chars: &[char]) -> Option<String> {
    let set = &charsets::all()[0];
    let pieces = read_back(chars, set);
    // C1 controls left over are Windows-1252 read as Latin-1, not text that is right.
    let orphans = pieces
        .iter()
        .filter(|p| matches!(p, Piece::Orphan(c) if !('\u{80}'..='\u{9F}').contains(c)))
        .count();
    let weighed: Vec<(Seq, u32)> = seqs(&pieces).map(|s| (s, weight(chars, &s, set))).collect();
    let (mut strong, mut weights): (Vec<Seq>, Vec<u32>) =
        weighed.iter().filter(|(_, w)| *w >= 2).copied().unzip();
    if weights.iter().sum::<u32>() < 3 || orphans > strong.len() {
        return None;
    }
    // With that evidence, "Ã " is the à whose no-break space became a space.
    for &(s, w) in &weighed {
        if s.restored && s.ch == 'à' && w < 2 {
            strong.push(s);
            weights.push(1);
        }
    }
    let keep = |s: &Seq| strong.iter().any(|t| t.start == s.start);
    let (fixed, decoded) = render(chars, &pieces, keep);
    if !all_plausible(chars, &strong, &weights, &decoded) {
        return None;
    }
    Some(fixed)
}

fn seqs<'p>(pieces: &'p [Piece]) -> impl Iterator<Item = Seq> + 'p {
    pieces.iter().filter_map(|p| match p {
        Piece::Seq(s) => Some(*s),
        _ => None,
    })
}

/// Writes the line's characters as bytes of `set` and reads them back as UTF-8.
fn read_back(chars: &[char], set: &Charset) -> Vec<Piece> {
    let bytes: Vec<Option<u8>> = chars
        .iter()
        .map(|&c| match c {
            '\u{FFFD}' => Some(LOSSY),
            _ => set.encode(c),
        })
        .collect();
    let mut pieces = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let piece = match bytes[i] {
            None => Piece::Same(chars[i]),
            Some(b) if b < 0x80 => Piece::Same(chars[i]),
            Some(_) => match read_seq(&bytes, i, set.restores_a0()) {
                Some(seq) => Piece::Seq(seq),
                None => Piece::Orphan(chars[i]),
            },
        };
        i += match piece {
            Piece::Seq(s) => s.len,
            _ => 1,
        };
        pieces.push(piece);
    }
    pieces
}

/// Reads one UTF-8 sequence at `i`, allowing a space for a lost 0xA0, a lossy stand-in for any
/// continuation byte, and CESU-8 (a surrogate pair written as two three-byte sequences).
fn read_seq(bytes: &[Option<u8>], i: usize, restore_a0: bool) -> Option<Seq> {
    let lead = bytes[i]?;
    let (need, lo, hi, init) = match lead {
        0xC2..=0xDF => (1, 0x80, 0xBF, (lead & 0x1F) as u32),
        0xE0 => (2, 0xA0, 0xBF, 0),
        0xE1..=0xEC | 0xEE..=0xEF => (2, 0x80, 0xBF, (lead & 0x0F) as u32),
        0xED => (2, 0x80, 0xBF, 0x0D),
        0xF0 => (3, 0x90, 0xBF, 0),
        0xF1..=0xF3 => (3, 0x80, 0xBF, (lead & 0x07) as u32),
        0xF4 => (3, 0x80, 0x8F, 4),
        _ => return None,
    };
    let mut value = init;
    let mut restored = false;
    let mut lossy = false;
    for k in 1..=need {
        let b = (*bytes.get(i + k)?)?;
        let (first_lo, first_hi) = if k == 1 { (lo, hi) } else { (0x80, 0xBF) };
        let b = if b == b' ' && restore_a0 && (first_lo..=first_hi).contains(&0xA0u8) {
            restored = true;
            0xA0
        } else if b == LOSSY || b == b'?' {
            lossy = true;
            0x80
        } else if (first_lo..=first_hi).contains(&b) {
            b
        } else {
            return None;
        };
        value = (value << 6) | (b & 0x3F) as u32;
    }
    if lossy {
        return Some(Seq {
            start: i,
            len: need + 1,
            ch: '\u{FFFD}',
            restored,
            lossy,
        });
    }
    if (0xD800..0xDC00).contains(&value) {
        // A high surrogate: only valid as CESU-8, followed by a low one.
        let low = surrogate_value(bytes, i + 3)?;
        let c = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00);
        return Some(Seq {
            start: i,
            len: 6,
            ch: char::from_u32(c)?,
            restored,
            lossy: false,
        });
    }
    Some(Seq {
        start: i,
        len: need + 1,
        ch: char::from_u32(value)?,
        restored,
        lossy,
    })
}

/// The value of a low surrogate written as three bytes at `i`, if one is there.
fn surrogate_value(bytes: &[Option<u8>], i: usize) -> Option<u32> {
    let (a, b, c) = (
        (*bytes.get(i)?)?,
        (*bytes.get(i + 1)?)?,
        (*bytes.get(i + 2)?)?,
    );
    if a == 0xED && (0xB0..=0xBF).contains(&b) && (0x80..=0xBF).contains(&c) {
        Some(0xD000 | ((b as u32 & 0x3F) << 6) | (c as u32 & 0x3F))
    } else {
        None
    }
}

/// The line with the chosen sequences decoded, and the decoded characters with, for each,
/// the sequence it came from.
fn render(
    chars: &[char],
    pieces: &[Piece],
    take: impl Fn(&Seq) -> bool,
) -> (String, Vec<(char, Option<usize>)>) {
    let mut decoded: Vec<(char, Option<usize>)> = Vec::with_capacity(chars.len());
    for (n, p) in pieces.iter().enumerate() {
        match p {
            Piece::Same(c) | Piece::Orphan(c) => decoded.push((*c, None)),
            Piece::Seq(s) if take(s) => {
                decoded.push((s.ch, Some(s.start)));
                if s.restored && s.ch == 'à' && needs_space_after_a_grave(pieces, n) {
                    decoded.push((' ', None));
                }
            }
            Piece::Seq(s) => {
                decoded.extend(chars[s.start..s.start + s.len].iter().map(|&c| (c, None)))
            }
        }
    }
    (decoded.iter().map(|&(c, _)| c).collect(), decoded)
}

/// "voilÃ le" was "voilà le" whose no-break space and space were merged into one space: the
/// word "à" keeps a space after it, except in the Portuguese contractions às, àquele, àquilo.
fn needs_space_after_a_grave(pieces: &[Piece], n: usize) -> bool {
    let next: String = pieces[n + 1..]
        .iter()
        .take(6)
        .map(|p| match p {
            Piece::Same(c) | Piece::Orphan(c) => *c,
            Piece::Seq(s) => s.ch,
        })
        .collect();
    if next.is_empty() || next.starts_with(' ') {
        return false;
    }
    let joined = ["s ", "quele", "quela", "quilo"];
    !(joined.iter().any(|j| next.starts_with(j)) || next == "s")
}

/// How strongly a sequence says "mojibake": 3 for three or more characters (â€™), 2 for a pair
/// real text does not write (Ã©, Â°, a C1 control after a letter, a symbol inside a word:
/// RÄ«ga), 1 for a pair it might (É’, Ä£, Ă before a no-break space) or a lossy one.
fn weight(chars: &[char], s: &Seq, set: &Charset) -> u32 {
    if s.lossy {
        return 1;
    }
    if s.len >= 3 {
        return 3;
    }
    let (a, b) = (chars[s.start], chars[s.start + 1]);
    let before = s.start.checked_sub(1).map(|i| chars[i]);
    let after = chars.get(s.start + 2).copied();
    let letter = |c: Option<char>| c.is_some_and(|c| c.is_alphabetic());
    if s.restored {
        return if before.is_some_and(|c| c.is_lowercase()) {
            2
        } else {
            1
        };
    }
    // C1 controls are not text: one after a lead is a decoding accident.
    let c1 = ('\u{80}'..='\u{9F}').contains(&b);
    // Words end in quotes, ellipses, dashes, trademarks; they do not have a degree sign or a
    // guillemet between two of their letters.
    let word_final = matches!(
        b,
        '\u{A0}'
            | '\u{AD}'
            | '’'
            | '‘'
            | '“'
            | '”'
            | '„'
            | '…'
            | '–'
            | '—'
            | '®'
            | '™'
            | '©'
            | '¿'
            | '¡'
            | '•'
    );
    let between_letters = letter(before) && letter(after);
    let symbol_in_word = !b.is_alphabetic()
        && !b.is_whitespace()
        && (between_letters || (!word_final && (letter(before) || letter(after))));
    let quote = matches!(b, '’' | '‘' | '“' | '”' | '…');
    let strong = c1
        || symbol_in_word
        || match set.kind {
            // "Ã’s" may be a name with an apostrophe; "AÃ‘OS" is not.
            Kind::Windows1252 => matches!(a, 'Â' | 'Ã') && (!quote || between_letters),
            Kind::Windows1250 | Kind::Iso8859_2 => matches!(a, 'Â' | 'Ă') && !word_final,
            Kind::Windows1251 => !b.is_alphabetic() && !word_final,
            Kind::MacRoman => {
                matches!(a, '√' | '≈' | '∆' | 'ƒ') && (letter(before) || is_latin_letter(b))
            }
            Kind::Cp437 => ('\u{2500}'..='\u{259F}').contains(&a) && is_latin_letter(b),
        };
    if strong {
        2
    } else {
        1
    }
}

fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic() && ((c as u32) < 0x250 || ('\u{1E00}'..='\u{1EFF}').contains(&c))
}

/// Every repaired character is one real text has in that place. A weakly attested sequence
/// must give a letter inside a word (or a one-letter word); a letter of another script is
/// believed when the repair gives several, or one inside a word, or one after a C1 control.
fn all_plausible(
    chars: &[char],
    seqs: &[Seq],
    weights: &[u32],
    decoded: &[(char, Option<usize>)],
) -> bool {
    let mut scripts = [0u32; SCRIPTS];
    for &(c, from) in decoded {
        if from.is_some() {
            if let Class::Script(k) = class(c) {
                scripts[k] += 1;
            }
        }
    }
    for (k, &(c, from)) in decoded.iter().enumerate() {
        let Some(start) = from else { continue };
        let Some(n) = seqs.iter().position(|s| s.start == start) else {
            continue;
        };
        let seq = &seqs[n];
        let near = |j: Option<usize>| {
            j.and_then(|j| decoded.get(j))
                .is_some_and(|&(d, _)| d.is_alphabetic())
        };
        let ok = match class(c) {
            Class::Bad => false,
            Class::Symbol => true,
            Class::Script(s) => {
                let raw_before = seq.start.checked_sub(1).map(|i| chars[i]);
                let raw_after = chars.get(seq.start + seq.len).copied();
                let inside_word = raw_before.is_some_and(|c| c.is_alphabetic())
                    && raw_after.is_some_and(|c| c.is_alphabetic());
                let after_c1 = chars[seq.start + 1..seq.start + seq.len]
                    .iter()
                    .any(|c| ('\u{80}'..='\u{9F}').contains(c));
                scripts[s] >= 2 || inside_word || after_c1
            }
            Class::Latin => {
                weights[n] >= 2
                    || near(k.checked_sub(1))
                    || near(Some(k + 1))
                    || ONE_LETTER_WORDS.contains(&c)
            }
            Class::Combining => k > 0 && !decoded[k - 1].0.is_whitespace(),
        };
        if !ok {
            return false;
        }
    }
    true
}

/// Accented letters that are words on their own (French, Italian, Portuguese, Spanish).
const ONE_LETTER_WORDS: &[char] = &['à', 'á', 'è', 'é', 'ó', 'ò', 'À', 'É'];

const SCRIPTS: usize = 11;

enum Class {
    /// A Latin letter (needs a letter beside it, or to be a word of its own).
    Latin,
    /// Punctuation, symbols, emoji, no-break space, U+FFFD.
    Symbol,
    /// A letter of another script (index of the script).
    Script(usize),
    /// A combining mark (needs a base before it).
    Combining,
    /// Nothing real text would have here: controls, IPA, rare extensions, private use.
    Bad,
}

fn class(c: char) -> Class {
    let u = c as u32;
    match u {
        // C1 controls that Windows-1252 reads as punctuation: a further layer will fix them.
        0x80..=0x9F => match korpus_core::charset::windows_1252_char(u as u8) {
            w if w as u32 >= 0xA0 => Class::Symbol,
            _ => Class::Bad,
        },
        0xA0..=0xBF | 0xD7 | 0xF7 => Class::Symbol,
        0xC0..=0x17E => Class::Latin,
        // ƒ, Vietnamese horn letters, Croatian digraphs, pinyin tones, Romanian comma-below letters.
        0x192 | 0x1A0 | 0x1A1 | 0x1AF | 0x1B0 | 0x1C4..=0x1DC | 0x218..=0x21B => Class::Latin,
        // The spacing accents Windows-1252 and Mac text use (ˆ ˇ ˘ ˙ ˚ ˛ ˜ ˝).
        0x2C6..=0x2DD => Class::Symbol,
        0x300..=0x36F => Class::Combining,
        0x370..=0x3FF => Class::Script(0),
        0x400..=0x4FF => Class::Script(1),
        0x530..=0x58F => Class::Script(2),
        0x5D0..=0x5F4 => Class::Script(3),
        0x600..=0x6FF | 0x750..=0x77F => Class::Script(4),
        0x900..=0xDFF => Class::Script(5),
        0xE00..=0xE7F => Class::Script(6),
        0x10A0..=0x10FF => Class::Script(7),
        0x1100..=0x11FF | 0xAC00..=0xD7AF => Class::Script(8),
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF => Class::Script(9),
        0x1E00..=0x1EFF => Class::Latin,
        0x2010..=0x205E | 0x20A0..=0x20CF | 0x2100..=0x23FF | 0x2460..=0x27BF => Class::Symbol,
        0x2800..=0x28FF | 0x2B00..=0x2BFF | 0x3000..=0x303F => Class::Symbol,
        0xFE00..=0xFE0F | 0xFB00..=0xFB06 | 0xFF01..=0xFF5E | 0xFFFD => Class::Symbol,
        0x1F000..=0x1FAFF => Class::Symbol,
        _ => Class::Bad,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(s: &str) -> String {
        repair(s).into_owned()
    }

    proptest::proptest! {
        #[test]
        fn the_byte_gate_never_hides_a_candidate(
            t in "[a-z .\u{a0}äöüßÃÂ¼€œ™√©Ð\u{301}\u{1f600}]{0,40}",
        ) {
            let mut prev = Candidate::default();
            let by_chars = t.chars().any(|c| prev.next(c));
            proptest::prop_assert_eq!(has_candidate(&t), by_chars);
        }
    }

    #[test]
    fn the_byte_gate_reads_past_ascii_and_whole_characters() {
        assert!(!next_to_non_ascii(
            b"plain ASCII text, long enough for a few words"
        ));
        assert!(!next_to_non_ascii(
            "Grüne aus Köln, schöne Straße".as_bytes()
        ));
        assert!(next_to_non_ascii("daß es".as_bytes()));
        assert!(next_to_non_ascii("abcdefghijklmnopFÃ¼r".as_bytes()));
        assert!(next_to_non_ascii("ends in ü\u{1f600}".as_bytes()));
        assert!(!next_to_non_ascii("ends in ü".as_bytes()));
    }

    #[test]
    fn repairs_windows_1252_mojibake() {
        assert_eq!(fix("FÃ¼r die StraÃŸe"), "Für die Straße");
        assert_eq!(
            fix("â€žNurâ€œ ein Test â€“ mehr nicht"),
            "„Nur“ ein Test – mehr nicht"
        );
    }

    #[test]
    fn repairs_two_layers_and_latin_1() {
        assert_eq!(fix("GrÃƒÂ¶ÃƒÅ¸e"), "Größe");
        assert_eq!(
            fix("Ecuador\u{e2}\u{80}\u{99}s decision"),
            "Ecuador’s decision"
        );
    }

    #[test]
    fn repairs_one_line_only() {
        assert_eq!(
            fix("Schöne Grüße\nÃœber die BrÃ¼cke\nEnde"),
            "Schöne Grüße\nÜber die Brücke\nEnde"
        );
    }

    #[test]
    fn repairs_macroman() {
        assert_eq!(fix("Le r√©gime √©quilibr√©"), "Le régime équilibré");
        assert_eq!(fix("wei√ü"), "weiß");
    }

    #[test]
    fn leaves_real_text_alone() {
        for s in [
            "NESTLÉ® requiere",
            "Join ZZAJÉ’s list",
            "4288×…",
            "(-1/2)! = √π",
            "C O N C L U S Ã O",
            "Bremer/Mccoy – DrÃ¥ber",
            "SELKÄ EDELLÄ",
            "Offering 5×£35",
            "Größe, Maß, „Übermut“ – für 5 €",
            "∆°",
        ] {
            assert_eq!(fix(s), s);
        }
    }

    #[test]
    fn a_grave_keeps_its_space() {
        assert_eq!(fix("voilÃ le travail"), "voilà le travail");
        assert_eq!(
            fix("com atenÃ§Ã£o Ã s crianÃ§as"),
            "com atenção às crianças"
        );
    }

    #[test]
    fn emoji_from_surrogate_pairs() {
        assert_eq!(fix("Hi guys í\u{a0}½í¸\u{8d}"), "Hi guys 😍");
    }
}
