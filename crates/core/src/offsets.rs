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
        let mut blocks = self.text.chunks_exact(64);
        for block in &mut blocks {
            let starts = full_block_starts(block.try_into().expect("64 bytes"));
            self.blocks.push((before, starts));
            before += starts.count_ones() as usize;
        }
        // The last, shorter block; or, when the text ends at a block's end, an empty one.
        self.blocks.push((before, block_bits(blocks.remainder())));
    }
}

/// [`block_bits`]'s mask for a whole block, sixteen bytes to an instruction: a byte starts a
/// character unless it is below -0x40 as a signed byte (0x80..=0xBF, a continuation).
#[cfg(target_arch = "x86_64")]
fn full_block_starts(block: &[u8; 64]) -> u64 {
    use std::arch::x86_64::{
        __m128i, _mm_cmpgt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8,
    };
    let mut mask = 0u64;
    for (k, part) in block.chunks_exact(16).enumerate() {
        // SAFETY: SSE2 is part of every x86-64 processor; the load reads the 16 bytes of
        // `part` and needs no alignment.
        let bits = unsafe {
            let v = _mm_loadu_si128(part.as_ptr().cast::<__m128i>());
            _mm_movemask_epi8(_mm_cmpgt_epi8(v, _mm_set1_epi8(-0x41)))
        };
        mask |= u64::from(bits as u16) << (16 * k);
    }
    mask
}

#[cfg(not(target_arch = "x86_64"))]
fn full_block_starts(block: &[u8; 64]) -> u64 {
    block_bits(block)
}

/// For `block` (64 bytes or fewer): a bit for each byte that starts a character, eight bytes
/// at a time. A continuation byte has its high bit set and the next one clear; one
/// multiplication gathers the eight flags into a byte of the mask (byte k's at place k).
fn block_bits(block: &[u8]) -> u64 {
    let mut mask = 0u64;
    let mut words = block.chunks_exact(8);
    for (j, word) in (&mut words).enumerate() {
        let x = u64::from_le_bytes(word.try_into().unwrap_or_default());
        let c = (x & !(x << 1) & 0x8080_8080_8080_8080) >> 7;
        mask |= (!(c.wrapping_mul(0x0102_0408_1020_4080) >> 56) & 0xff) << (8 * j);
    }
    let done = block.len() - words.remainder().len();
    for (k, &b) in words.remainder().iter().enumerate() {
        mask |= u64::from((b as i8) >= -0x40) << (done + k);
    }
    mask
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
        fn a_whole_block_gives_the_mask_of_the_bytewise_reading(block in proptest::array::uniform32(any::<u8>()), more in proptest::array::uniform32(any::<u8>())) {
            let mut all = [0u8; 64];
            all[..32].copy_from_slice(&block);
            all[32..].copy_from_slice(&more);
            prop_assert_eq!(full_block_starts(&all), block_bits(&all));
        }

        #[test]
        fn cursor_counts_what_chars_count(t in "\\PC{0,200}", picks in proptest::collection::vec(0usize..300, 0..8)) {
            let mut cursor = CharCursor::new(&t);
            for p in picks {
                let b = t.floor_char_boundary(p);
                prop_assert_eq!(cursor.char_of(b), t[..b].chars().count());
            }
        }
    }
}
