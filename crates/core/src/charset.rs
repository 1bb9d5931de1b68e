//! Windows-1252, the charset most mislabelled text really is: used to read plain-text files
//! that are not valid UTF-8 and, by `normalize`, to read C1 controls and `&#128;`..`&#159;`.

/// Windows-1252 bytes 0x80..=0x9F. The five bytes it leaves undefined map to the C1 control of
/// the same number, as the WHATWG encoding standard (and so every browser) does.
pub const WINDOWS_1252_C1: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

/// The character a Windows-1252 byte stands for.
#[inline]
pub fn windows_1252_char(b: u8) -> char {
    match b {
        0x80..=0x9F => WINDOWS_1252_C1[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// Decodes bytes as Windows-1252; every byte maps to one character, so this never fails.
pub fn decode_windows_1252(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() + bytes.len() / 8);
    s.extend(bytes.iter().map(|&b| windows_1252_char(b)));
    s
}

/// The Windows-1252 byte of a character, if it has one.
#[inline]
pub fn windows_1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x80 || (0xA0..=0xFF).contains(&u) {
        return Some(u as u8);
    }
    WINDOWS_1252_C1
        .iter()
        .position(|&x| x == c)
        .map(|i| 0x80 + i as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_byte() {
        for b in 0..=255u8 {
            assert_eq!(windows_1252_byte(windows_1252_char(b)), Some(b));
        }
    }

    #[test]
    fn decodes_typographic_quotes() {
        assert_eq!(
            decode_windows_1252(b"\x84Hallo\x93 \x80 caf\xe9"),
            "„Hallo“ € café"
        );
    }
}
