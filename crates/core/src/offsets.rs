//! Code-point offsets: the contract counts Unicode scalar values (as Python and jq index
//! strings), while Rust slices bytes. The conversion table is built once per record, at the
//! first offset asked, and reused for every annotation on it.

/// Byte → character offsets for the annotations of one record, asked in any order: a rank
/// table of the text's 64-byte blocks, built at the first question, answers each with one
/// popcount and no branch on the text, where counting from the last position paid a
/// mispredicted loop exit or two for every offset (a record of figures asks hundreds).
#[derive(Debug, Clone)]
pub struct CharCursor<'t> {
    text: &'t [u8],
    /// For each 64-byte block: the characters before it, and a bit for each of its bytes that
    /// starts a character (is no UTF-8 continuation byte). One block more when the text ends
    /// at a block's end, so that the text's length has a block too.
    blocks: Vec<(usize, u64)>,
}

impl<'t> CharCursor<'t> {
    pub fn new(text: &'t str) -> Self {
        CharCursor {
            text: text.as_bytes(),
            blocks: Vec::new(),
        }
    }

    /// The character offset of `byte`, a character boundary (clamped to the text's length).
    pub fn char_of(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.blocks.is_empty() {
            self.build();
        }
        let (before, starts) = self.blocks[byte / 64];
        before + (starts & ((1u64 << (byte % 64)) - 1)).count_ones() as usize
    }

    fn build(&mut self) {
        let mut before = 0;
        self.blocks.reserve(self.text.len() / 64 + 1);
        for block in self.text.chunks(64) {
            let (starts, continuations) = block_bits(block);
            self.blocks.push((before, starts));
            before += block.len() - continuations;
        }
        if self.text.len() % 64 == 0 {
            self.blocks.push((before, 0));
        }
    }
}

/// For `block` (64 bytes or fewer): a bit for each byte that starts a character, and the
/// number of continuation bytes, eight bytes at a time. A continuation byte has its high bit
/// set and the next one clear; one multiplication gathers the eight flags into a byte of the
/// mask (byte k's at place k), another adds them up, so no popcount, which a baseline x86-64
/// build does in software.
fn block_bits(block: &[u8]) -> (u64, usize) {
    let mut mask = 0u64;
    let mut sum = 0u64;
    let mut words = block.chunks_exact(8);
    for (j, word) in (&mut words).enumerate() {
        let x = u64::from_le_bytes(word.try_into().unwrap_or_default());
        let c = (x & !(x << 1) & 0x8080_8080_8080_8080) >> 7;
        sum += c;
        mask |= (!(c.wrapping_mul(0x0102_0408_1020_4080) >> 56) & 0xff) << (8 * j);
    }
    let mut continuations = (sum.wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize;
    let done = block.len() - words.remainder().len();
    for (k, &b) in words.remainder().iter().enumerate() {
        let starts = (b as i8) >= -0x40;
        mask |= u64::from(starts) << (done + k);
        continuations += usize::from(!starts);
    }
    (mask, continuations)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn cursor_counts_at_block_ends() {
        // Texts that end at a block's end, or one byte after it, and umlauts across blocks.
        for n in [63, 64, 65, 127, 128, 129] {
            let t: String = "ä".repeat(n / 2) + &"a".repeat(n % 2);
            let mut c = CharCursor::new(&t);
            assert_eq!(c.char_of(t.len()), t.chars().count(), "{n}");
            assert_eq!(c.char_of(2 * (n / 4)), n / 4, "{n}");
        }
    }

    #[test]
    fn cursor_counts_in_any_order() {
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
        fn cursor_counts_what_chars_count(t in "\\PC{0,200}", picks in proptest::collection::vec(0usize..300, 0..8)) {
            let mut cursor = CharCursor::new(&t);
            for p in picks {
                let mut b = p.min(t.len());
                while !t.is_char_boundary(b) { b -= 1; }
                prop_assert_eq!(cursor.char_of(b), t[..b].chars().count());
            }
        }
    }
}
