//! The single-byte charsets UTF-8 text gets wrongly decoded as, loaded once from
//! `data/charsets.txt`, with fast lookups both ways for the mojibake repair.

use std::sync::OnceLock;

const DATA: &str = include_str!("../data/charsets.txt");

/// Which charset a table is: the repair weighs evidence differently for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Windows1252,
    Windows1251,
    Windows1250,
    Iso8859_2,
    MacRoman,
    Cp437,
}

impl Kind {
    fn from_name(name: &str) -> Option<Kind> {
        Some(match name {
            "windows-1252" => Kind::Windows1252,
            "windows-1251" => Kind::Windows1251,
            "windows-1250" => Kind::Windows1250,
            "iso-8859-2" => Kind::Iso8859_2,
            "macroman" => Kind::MacRoman,
            "cp437" => Kind::Cp437,
            _ => return None,
        })
    }
}

pub struct Charset {
    pub kind: Kind,
    /// The character of each byte 0x80..=0xFF.
    pub high: [char; 128],
    /// Byte of each character below U+0100 (-1: none).
    low_enc: [i16; 256],
    /// Byte of each other character, sorted by character.
    other_enc: Vec<(char, u8)>,
}

impl Charset {
    /// The byte this charset writes a character as.
    #[inline]
    pub fn encode(&self, c: char) -> Option<u8> {
        let u = c as u32;
        if u < 0x80 {
            return Some(u as u8);
        }
        if u < 0x100 {
            let b = self.low_enc[u as usize];
            return (b >= 0).then_some(b as u8);
        }
        self.other_enc
            .binary_search_by_key(&c, |&(ch, _)| ch)
            .ok()
            .map(|i| self.other_enc[i].1)
    }

    /// Whether a space in this charset's mojibake may stand for a lost no-break space (0xA0):
    /// true where 0xA0 is the no-break space, which editors and cleaners turn into a space.
    pub fn restores_a0(&self) -> bool {
        self.high[0x20] == '\u{A0}'
    }
}

/// Every charset, in the order the repair tries them (the commonest confusion first).
pub fn all() -> &'static [Charset] {
    static CHARSETS: OnceLock<Vec<Charset>> = OnceLock::new();
    CHARSETS.get_or_init(load)
}

fn load() -> Vec<Charset> {
    let mut sets: Vec<Charset> = Vec::new();
    for line in korpus_core::lexicon::entries(DATA) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            if let Some(kind) = Kind::from_name(name) {
                sets.push(Charset {
                    kind,
                    high: ['\0'; 128],
                    low_enc: [-1; 256],
                    other_enc: Vec::new(),
                });
            }
            continue;
        }
        let mut parts = line.split_whitespace();
        let (Some(b), Some(c)) = (parts.next(), parts.next()) else {
            continue;
        };
        let (Ok(b), Ok(c)) = (u8::from_str_radix(b, 16), u32::from_str_radix(c, 16)) else {
            continue;
        };
        if let (Some(set), Some(ch), true) = (sets.last_mut(), char::from_u32(c), b >= 0x80) {
            set.high[(b - 0x80) as usize] = ch;
        }
    }
    for set in &mut sets {
        for (i, &ch) in set.high.iter().enumerate() {
            let b = 0x80 + i as u8;
            if (ch as u32) < 0x100 {
                set.low_enc[ch as usize] = b as i16;
            } else {
                set.other_enc.push((ch, b));
            }
        }
        // Text that went through Latin-1 instead of Windows-1252 carries C1 controls where
        // Windows-1252 has punctuation; both are the same byte, so read either way.
        if set.kind == Kind::Windows1252 {
            for b in 0x80..0xA0usize {
                if set.low_enc[b] < 0 {
                    set.low_enc[b] = b as i16;
                }
            }
        }
        set.other_enc.sort_unstable();
        set.other_enc.dedup_by_key(|e| e.0);
    }
    sets
}

/// For a character: bit `i` of `.0` is set when charset `i` writes it as a UTF-8 lead byte,
/// bit `i` of `.1` when as a continuation byte. A lead followed by a continuation is where
/// mojibake can hide; text without such a pair needs no repair.
#[inline]
pub fn masks(c: char) -> (u8, u8) {
    let t = mask_table();
    let u = c as u32;
    if u < 0x100 {
        return t.low[u as usize];
    }
    match t.other.binary_search_by_key(&c, |&(ch, _)| ch) {
        Ok(i) => t.other[i].1,
        Err(_) => (0, 0),
    }
}

struct MaskTable {
    low: [(u8, u8); 256],
    other: Vec<(char, (u8, u8))>,
}

fn mask_table() -> &'static MaskTable {
    static TABLE: OnceLock<MaskTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut low = [(0u8, 0u8); 256];
        let mut other: Vec<(char, (u8, u8))> = Vec::new();
        for (i, set) in all().iter().enumerate() {
            let mut add = |c: char, b: u8| {
                let bit = 1u8 << i;
                let (lead, cont) = (
                    if (0xC2..=0xF4).contains(&b) { bit } else { 0 },
                    if (0x80..=0xBF).contains(&b) { bit } else { 0 },
                );
                if (c as u32) < 0x100 {
                    low[c as usize].0 |= lead;
                    low[c as usize].1 |= cont;
                } else {
                    match other.iter_mut().find(|e| e.0 == c) {
                        Some(e) => {
                            e.1 .0 |= lead;
                            e.1 .1 |= cont;
                        }
                        None => other.push((c, (lead, cont))),
                    }
                }
            };
            for (j, &ch) in set.high.iter().enumerate() {
                add(ch, 0x80 + j as u8);
            }
            if set.kind == Kind::Windows1252 {
                for b in 0x80..0xA0u8 {
                    add(b as char, b);
                }
            }
        }
        other.sort_unstable_by_key(|e| e.0);
        MaskTable { low, other }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load_and_round_trip() {
        let sets = all();
        assert_eq!(sets.len(), 6);
        for set in sets {
            for (i, &ch) in set.high.iter().enumerate() {
                assert_eq!(
                    set.encode(ch),
                    Some(0x80 + i as u8),
                    "{:?} {ch:?}",
                    set.kind
                );
            }
        }
        assert_eq!(sets[0].encode('€'), Some(0x80));
        assert_eq!(sets[0].encode('\u{93}'), Some(0x93));
        assert_eq!(sets[0].encode('ő'), None);
    }
}
