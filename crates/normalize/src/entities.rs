//! HTML character references left in scraped text: `&amp;`, `&quot;`, `&#8211;`, `&#x2019;`.
//! Only references that end in `;` are decoded (a bare `&copy` or `AT&T` is text); numbers
//! 128-159 are read as Windows-1252, as browsers do; a double-escaped `&amp;quot;` is decoded
//! all the way, so that normalizing twice changes nothing.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("../data/entities.txt");
const LONGEST_NAME: usize = 32;

fn table() -> &'static HashMap<&'static str, String> {
    static TABLE: OnceLock<HashMap<&'static str, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = HashMap::with_capacity(2300);
        for line in korpus_core::lexicon::entries(DATA) {
            let mut parts = line.split_whitespace();
            let Some(name) = parts.next() else { continue };
            let value: String = parts
                .filter_map(|h| u32::from_str_radix(h, 16).ok())
                .filter_map(char::from_u32)
                .collect();
            if let Some(name) = name.strip_suffix(';') {
                map.insert(name, value);
            }
        }
        map
    })
}

/// Decodes the character references of a text; borrowed when there are none.
pub fn decode(text: &str) -> Cow<'_, str> {
    let Some(first) = memchr::memchr(b'&', text.as_bytes()) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::new();
    let mut done = 0;
    let mut at = first;
    while at < text.len() {
        if let Some((value, len)) = reference(&text[at..]) {
            out.reserve(text.len() - done);
            out.push_str(&text[done..at]);
            out.push_str(&value);
            done = at + len;
            at = done;
        } else {
            at += 1;
        }
        match memchr::memchr(b'&', &text.as_bytes()[at..]) {
            Some(i) => at += i,
            None => break,
        }
    }
    if done == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[done..]);
    Cow::Owned(out)
}

/// The reference at the start of `s` (which begins with `&`): its value and length in bytes.
fn reference(s: &str) -> Option<(Cow<'static, str>, usize)> {
    let (value, len) = body(&s[1..])?;
    if value != "&" {
        return Some((value, 1 + len));
    }
    // `&amp;` before another reference is a double escape (`&amp;quot;`, `&amp;amp;lt;`):
    // decode it all the way, so that a second run finds nothing left to do.
    let mut rest = &s[1 + len..];
    while let Some(r) = rest.strip_prefix("amp;") {
        rest = r;
    }
    let used = s.len() - rest.len();
    match body(rest) {
        Some((inner, inner_len)) => Some((inner, used + inner_len)),
        None => Some((value, used)),
    }
}

/// A reference body (what follows `&`): `name;`, `#123;` or `#x1F;`; its value and length.
fn body(b: &str) -> Option<(Cow<'static, str>, usize)> {
    let end = b
        .as_bytes()
        .iter()
        .take(LONGEST_NAME + 1)
        .position(|&c| c == b';')?;
    let name = &b[..end];
    let len = end + 1;
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.len() <= 8 => u32::from_str_radix(hex, 16).ok()?,
            None if !num.is_empty() && num.len() <= 10 => num.parse::<u32>().ok()?,
            _ => return None,
        };
        let c = match code {
            0x80..=0x9F => korpus_core::charset::windows_1252_char(code as u8),
            0 => '\u{FFFD}',
            _ => char::from_u32(code).unwrap_or('\u{FFFD}'),
        };
        return Some((Cow::Owned(c.to_string()), len));
    }
    if name.is_empty() || !name.bytes().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    table().get(name).map(|v| (Cow::Borrowed(v.as_str()), len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_named_and_numeric() {
        assert_eq!(
            decode("Tom &amp; Jerry &quot;x&quot; &#8211; &#x2019;"),
            "Tom & Jerry \"x\" – ’"
        );
        assert_eq!(decode("&#150; &#133;"), "– …");
        assert_eq!(decode("&auml;&szlig;&nbsp;"), "äß\u{a0}");
    }

    #[test]
    fn leaves_text_that_is_not_a_reference() {
        for s in [
            "AT&T",
            "&copy 2024",
            "a & b; c",
            "&nosuchthing;",
            "&#;",
            "&;",
        ] {
            assert_eq!(decode(s), s);
        }
    }

    #[test]
    fn double_escapes_decode_fully() {
        assert_eq!(decode("&amp;quot;Hallo&amp;quot;"), "\"Hallo\"");
        assert_eq!(decode("&amp;amp;lt;"), "<");
        assert_eq!(decode("&amp;&amp;"), "&&");
        assert_eq!(decode("&amp;amp;"), "&");
    }
}
