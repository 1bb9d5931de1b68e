//! Invisible characters, spaces and line breaks, in one pass: removed characters go (soft
//! hyphen, zero-width space, word joiner, BOM, C0 controls, stray bidi marks and joiners), C1
//! controls are read as Windows-1252, every line break becomes `\n`, every space U+0020 (a
//! no-break or thin space between digits U+202F), space runs collapse, line-end spaces go,
//! blank-line runs become one blank line, and the text is trimmed.
//!
//! [`scan`] first looks at the bytes and says whether any of that (or mojibake, or a character
//! reference, or a character that may not be NFC) is there at all, so clean text costs one
//! read-only pass.

use std::borrow::Cow;

use crate::mojibake::Candidate;

/// What a first look at a text found.
#[derive(Debug, Default, Clone, Copy)]
pub struct Scan {
    /// Something [`clean`] would change may be there.
    pub dirty: bool,
    /// A place where mojibake may be.
    pub mojibake: bool,
    /// An `&`: a character reference may be there.
    pub amp: bool,
    /// A character at or above U+0300, where NFC may differ.
    pub beyond_latin1: bool,
}

/// Bytes the scan must stop at: controls, `&`, DEL and every non-ASCII byte. Spaces and line
/// breaks are checked for all at once with substring search.
const fn interest() -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b < 0x20 && b != b'\n' as usize) || b == b'&' as usize || b >= 0x7F;
        b += 1;
    }
    t
}
const INTEREST: [bool; 256] = interest();

/// Whether 8 bytes are all plain printable ASCII other than `&` (spaces and `\n` aside, which
/// `scan` checks by substring search). A word-at-a-time test; a false "no" only sends the
/// bytes through the byte loop.
#[inline]
fn plain8(bytes: &[u8]) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let mut a = [0u8; 8];
    a.copy_from_slice(bytes);
    let w = u64::from_le_bytes(a);
    let has_zero = |x: u64| x.wrapping_sub(LO) & !x & HI;
    let non_ascii = w & HI;
    let control = w.wrapping_sub(LO * 0x20) & !w & HI;
    let amp = has_zero(w ^ (LO * b'&' as u64));
    let del = has_zero(w ^ (LO * 0x7F));
    (non_ascii | control | amp | del) == 0
}

/// Characters at or above U+0300 that are stable under NFC whatever surrounds them (general
/// punctuation, currency signs): news text is full of them, and they need no NFC check.
#[inline]
fn nfc_stable(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{20A0}'..='\u{20CF}')
}

pub fn scan(text: &str) -> Scan {
    let b = text.as_bytes();
    let n = b.len();
    let mut s = Scan::default();
    if n == 0 {
        return s;
    }
    s.dirty = matches!(b[0], b' ' | b'\n')
        || matches!(b[n - 1], b' ' | b'\n')
        || memchr::memmem::find(b, b"  ").is_some()
        || memchr::memmem::find(b, b" \n").is_some()
        || memchr::memmem::find(b, b"\n\n\n").is_some();
    let mut cand = Candidate::default();
    let mut i = 0;
    loop {
        while i + 8 <= n && plain8(&b[i..i + 8]) {
            i += 8;
        }
        while i < n && !INTEREST[b[i] as usize] {
            i += 1;
        }
        if i >= n {
            break;
        }
        let c = b[i];
        if c < 0x80 {
            match c {
                b'&' => s.amp = true,
                _ => s.dirty = true,
            }
            i += 1;
            continue;
        }
        let Some(ch) = text[i..].chars().next() else {
            break;
        };
        if is_special(ch) {
            // A narrow no-break space between digits is already what clean() writes.
            let grouped = ch == '\u{202F}'
                && i > 0
                && b[i - 1].is_ascii_digit()
                && b.get(i + 3).is_some_and(|d| d.is_ascii_digit());
            s.dirty |= !grouped;
        }
        if ch as u32 >= 0x300 && !nfc_stable(ch) {
            s.beyond_latin1 = true;
        }
        // A pair only forms between adjacent characters: a non-ASCII one continues the
        // candidate state; the ASCII byte after it (fed right below) ends it, so the state is
        // fresh again whenever the loops above have skipped ASCII.
        s.mojibake |= cand.next(ch);
        i += ch.len_utf8();
        if let Some(&next) = b.get(i) {
            if next < 0x80 {
                s.mojibake |= cand.next(next as char);
            }
        }
    }
    s
}

/// Non-ASCII characters that [`clean`] removes or rewrites.
#[inline]
fn is_special(c: char) -> bool {
    matches!(c,
        '\u{80}'..='\u{A0}' | '\u{AD}' | '\u{61C}' | '\u{1680}' | '\u{2000}'..='\u{200F}'
        | '\u{2028}'..='\u{202F}' | '\u{205F}'..='\u{2060}' | '\u{2066}'..='\u{2069}'
        | '\u{3000}' | '\u{FEFF}')
}

fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Spaces that may group digits ("1 500"), kept there as U+202F.
fn is_digit_group_space(c: char) -> bool {
    matches!(c, '\u{A0}' | '\u{2007}' | '\u{2009}' | '\u{202F}')
}

fn is_bidi_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{61C}')
}

fn is_rtl(c: char) -> bool {
    matches!(c, '\u{590}'..='\u{8FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}'
        | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
}

/// Characters a zero-width joiner binds into one emoji.
fn is_emoji_part(c: char) -> bool {
    matches!(c, '\u{2300}'..='\u{23FF}' | '\u{2600}'..='\u{27BF}' | '\u{2B00}'..='\u{2BFF}'
        | '\u{FE0F}' | '\u{1F000}'..='\u{1FAFF}' | '\u{E0020}'..='\u{E007F}')
}

/// Scripts whose spelling needs ZWJ/ZWNJ between letters (Arabic, Persian, Indic).
fn is_joining_script(c: char) -> bool {
    matches!(c, '\u{600}'..='\u{6FF}' | '\u{750}'..='\u{77F}' | '\u{900}'..='\u{DFF}')
}

/// Whether the line starting at byte `start` has right-to-left letters (then its bidi marks
/// stay).
fn line_has_rtl(text: &str, start: usize) -> bool {
    let b = text.as_bytes();
    let end = memchr::memchr(b'\n', &b[start..]).map_or(b.len(), |i| start + i);
    text[start..end].chars().any(is_rtl)
}

/// Cleans a text; borrowed when nothing changed.
pub fn clean(text: &str) -> Cow<'_, str> {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut pending_breaks = 0u32;
    let mut last: Option<char> = None;
    let mut rtl_line: Option<(usize, bool)> = None;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        match c {
            // CRLF, CR, LF and the line separator are one line break.
            '\r' => {
                if matches!(it.peek(), Some(&(_, '\n'))) {
                    it.next();
                }
                pending_breaks += 1;
                pending_space = false;
            }
            '\n' | '\u{2028}' => {
                pending_breaks += 1;
                pending_space = false;
            }
            // The paragraph separator is a blank line.
            '\u{2029}' => {
                pending_breaks += 2;
                pending_space = false;
            }
            c if is_space(c) => {
                let next = it.peek().map(|&(_, n)| n);
                if is_digit_group_space(c)
                    && !pending_space
                    && pending_breaks == 0
                    && last.is_some_and(|l| l.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit())
                {
                    out.push('\u{202F}');
                    last = Some('\u{202F}');
                } else {
                    pending_space = true;
                }
            }
            // Invisible characters that only get in the way of search and matching.
            '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{0}'..='\u{1F}' | '\u{7F}' => {}
            // Bidi marks in a line without right-to-left letters.
            c if is_bidi_mark(c) => {
                let line_start = memchr::memrchr(b'\n', &text.as_bytes()[..i]).map_or(0, |p| p + 1);
                let rtl = match rtl_line {
                    Some((s, r)) if s == line_start => r,
                    _ => {
                        let r = line_has_rtl(text, line_start);
                        rtl_line = Some((line_start, r));
                        r
                    }
                };
                if rtl {
                    emit(&mut out, &mut pending_space, &mut pending_breaks, c);
                    last = Some(c);
                }
            }
            // Joiners stay inside emoji sequences and between letters of joining scripts.
            '\u{200C}' | '\u{200D}' => {
                let next = it.peek().map(|&(_, n)| n);
                let keep = match (last, next) {
                    (Some(l), Some(n)) => {
                        (is_emoji_part(l) && is_emoji_part(n))
                            || (is_joining_script(l) && is_joining_script(n))
                    }
                    _ => false,
                } && !pending_space
                    && pending_breaks == 0;
                if keep {
                    out.push(c);
                    last = Some(c);
                }
            }
            // C1 controls are Windows-1252 punctuation read as Latin-1.
            '\u{80}'..='\u{9F}' => {
                let w = korpus_core::charset::windows_1252_char(c as u32 as u8);
                emit(&mut out, &mut pending_space, &mut pending_breaks, w);
                last = Some(w);
            }
            c => {
                emit(&mut out, &mut pending_space, &mut pending_breaks, c);
                last = Some(c);
            }
        }
    }
    if out == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(out)
    }
}

/// Writes a visible character after whatever breaks and spaces are pending (none at the start).
#[inline]
fn emit(out: &mut String, pending_space: &mut bool, pending_breaks: &mut u32, c: char) {
    if !out.is_empty() {
        match *pending_breaks {
            0 => {}
            1 => out.push('\n'),
            _ => out.push_str("\n\n"),
        }
        if *pending_space {
            out.push(' ');
        }
    }
    *pending_breaks = 0;
    *pending_space = false;
    out.push(c);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_and_breaks() {
        assert_eq!(clean("  a  b \r\nc\r\rd\n\n\n\ne  "), "a b\nc\n\nd\n\ne");
        assert_eq!(clean("a\u{2028}b\u{2029}c"), "a\nb\n\nc");
        assert_eq!(clean("a\u{A0}b\u{2003}c\td"), "a b c d");
        assert_eq!(clean("a \n \n b"), "a\n\n b");
    }

    #[test]
    fn digit_groups_keep_a_narrow_space() {
        assert_eq!(
            clean("1\u{A0}500 und 2\u{2009}000"),
            "1\u{202F}500 und 2\u{202F}000"
        );
        assert_eq!(clean("Seite 5\u{A0}von"), "Seite 5 von");
        assert_eq!(clean("1 500"), "1 500");
    }

    #[test]
    fn invisible_characters_go() {
        assert_eq!(
            clean("\u{FEFF}Nord\u{AD}korea\u{200B} ist\u{2060} da\u{7}"),
            "Nordkorea ist da"
        );
        assert_eq!(clean("Text\u{200E} mit\u{202C} Marken"), "Text mit Marken");
        assert_eq!(clean("שלום\u{200F} עולם"), "שלום\u{200F} עולם");
    }

    #[test]
    fn joiners_stay_in_emoji_only() {
        assert_eq!(clean("👨\u{200D}👩\u{200D}👧"), "👨\u{200D}👩\u{200D}👧");
        assert_eq!(clean("ab\u{200D}cd\u{200C}e"), "abcde");
    }

    #[test]
    fn c1_controls_are_windows_1252() {
        assert_eq!(clean("\u{84}Hallo\u{93} parlé\u{85}"), "„Hallo“ parlé…");
    }

    #[test]
    fn scan_finds_what_clean_changes() {
        for s in [
            "a  b", "a \nb", "x\r\n", "a\u{A0}b", " a", "a\n\n\nb", "\u{AD}",
        ] {
            assert!(scan(s).dirty, "{s:?}");
            assert_ne!(clean(s), s);
        }
        for s in [
            "Schöne Grüße aus Köln.\n\n„Gut“, sagte er – 5 €.",
            "a\nb",
            "1\u{202F}500",
        ] {
            assert!(!scan(s).dirty, "{s:?}");
            assert_eq!(clean(s), s);
        }
    }
}
