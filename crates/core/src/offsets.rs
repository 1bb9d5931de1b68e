//! Code-point offsets: the contract counts Unicode scalar values (as Python and jq index
//! strings), while Rust slices bytes. The conversion table is built once per record and reused
//! for every annotation on it; ASCII text needs no table at all.

/// Byte ↔ character offset conversion for one text.
#[derive(Debug, Default, Clone)]
pub struct CharOffsets {
    ascii: bool,
    len: usize,
    /// Byte offset of each character, plus the text's length at the end.
    starts: Vec<usize>,
}

impl CharOffsets {
    pub fn new(text: &str) -> Self {
        let mut o = CharOffsets::default();
        o.reset(text);
        o
    }

    /// Rebuilds the table for another text, reusing its memory.
    pub fn reset(&mut self, text: &str) {
        self.len = text.len();
        self.ascii = text.is_ascii();
        self.starts.clear();
        if !self.ascii {
            self.starts.extend(text.char_indices().map(|(i, _)| i));
            self.starts.push(text.len());
        }
    }

    /// Number of characters in the text.
    pub fn chars(&self) -> usize {
        if self.ascii {
            self.len
        } else {
            self.starts.len() - 1
        }
    }

    /// The character offset of a byte offset (a byte inside a character counts as that character).
    pub fn char_of(&self, byte: usize) -> usize {
        if self.ascii {
            return byte.min(self.len);
        }
        match self.starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The byte offset of a character offset (past the end clamps to the text's length).
    pub fn byte_of(&self, ch: usize) -> usize {
        if self.ascii {
            return ch.min(self.len);
        }
        self.starts[ch.min(self.starts.len() - 1)]
    }
}

/// Byte → character offsets for positions visited in ascending order (sentence spans, one
/// pass over a record): counts only the characters between one position and the next, with no
/// table. A position behind the last one restarts the count from the text's start.
#[derive(Debug, Clone)]
pub struct CharCursor<'t> {
    text: &'t [u8],
    byte: usize,
    ch: usize,
}

impl<'t> CharCursor<'t> {
    pub fn new(text: &'t str) -> Self {
        CharCursor {
            text: text.as_bytes(),
            byte: 0,
            ch: 0,
        }
    }

    /// The character offset of `byte`, a character boundary (clamped to the text's length).
    pub fn char_of(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if byte < self.byte {
            self.byte = 0;
            self.ch = 0;
        }
        // bytecount counts the characters a machine word at a time.
        self.ch += bytecount::num_chars(&self.text[self.byte..byte]);
        self.byte = byte;
        self.ch
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn counts_scalar_values() {
        let t = "Größe: 5 €";
        let o = CharOffsets::new(t);
        assert_eq!(o.chars(), 10);
        let b = t.find('€').unwrap();
        assert_eq!(o.char_of(b), 9);
        assert_eq!(o.byte_of(9), b);
        assert_eq!(o.char_of(t.len()), 10);
    }

    #[test]
    fn cursor_counts_forward_and_restarts_backward() {
        let t = "Größe: 5 €";
        let mut c = CharCursor::new(t);
        let b = t.find('€').unwrap();
        assert_eq!(c.char_of(4), 3);
        assert_eq!(c.char_of(b), 9);
        assert_eq!(c.char_of(t.len()), 10);
        assert_eq!(c.char_of(1), 1);
    }

    proptest! {
        #[test]
        fn cursor_agrees_with_table(t in "\\PC*", mut picks in proptest::collection::vec(0usize..80, 0..8)) {
            picks.sort_unstable();
            let table = CharOffsets::new(&t);
            let mut cursor = CharCursor::new(&t);
            for p in picks {
                let mut b = p.min(t.len());
                while !t.is_char_boundary(b) { b -= 1; }
                prop_assert_eq!(cursor.char_of(b), table.char_of(b));
            }
        }

        #[test]
        fn round_trips_on_any_text(t in "\\PC*", pick in 0usize..64) {
            let o = CharOffsets::new(&t);
            let n = t.chars().count();
            prop_assert_eq!(o.chars(), n);
            let ch = pick.min(n);
            let b = o.byte_of(ch);
            prop_assert!(t.is_char_boundary(b));
            prop_assert_eq!(o.char_of(b), ch);
            prop_assert_eq!(t[..b].chars().count(), ch);
        }
    }
}
