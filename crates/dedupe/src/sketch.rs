//! Character shingles of a key, their bottom-k sketch (what similarity is measured on) and the
//! MinHash band keys that find the candidates to measure.
//!
//! Character 5-grams survive typos and OCR noise (a slip changes a handful of them; word
//! 5-grams lose five words). The sketch keeps the `SKETCH` smallest shingle hashes: for a text of
//! fewer shingles that is the whole set and the similarity is exact; for a longer one it
//! estimates the Jaccard similarity within a few hundredths. Band keys are hashes of the `ROWS`
//! smallest shingle hashes in each of `BANDS` bins (one-permutation hashing): two texts of
//! Jaccard similarity 0.6 share one of the keys with a probability near 0.89, of 0.7 near 0.99.

use xxhash_rust::xxh3::xxh3_64;

/// Characters a shingle.
pub const SHINGLE: usize = 5;
/// Hashes a sketch keeps.
pub const SKETCH: usize = 128;
/// Band keys a text has.
pub const BANDS: usize = 16;
/// Smallest hashes of its bin a band key hashes.
pub const ROWS: usize = 4;

/// Reusable buffers for shingling, so that a stream allocates once.
#[derive(Default, Debug)]
pub struct Shingler {
    starts: Vec<usize>,
    hashes: Vec<u64>,
    scratch: Vec<u64>,
}

/// A text's sketch and band keys.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sketch {
    /// The smallest shingle hashes (32 bits), ascending, distinct.
    pub mins: Vec<u32>,
    /// How many distinct shingles the text has.
    pub total: u32,
    /// Band keys; 0 for a band the text has no shingle in.
    pub bands: [u64; BANDS],
}

impl Shingler {
    pub fn new() -> Self {
        Self::default()
    }

    /// The sketch of a key (see [`crate::text::key`]). A key shorter than a shingle is one
    /// shingle, never an empty set that every other short text would share.
    pub fn sketch(&mut self, key: &str) -> Sketch {
        let mut sketch = Sketch::default();
        self.sketch_into(key, &mut sketch);
        sketch
    }

    /// [`Shingler::sketch`] into `sketch`, whose buffer it reuses.
    pub fn sketch_into(&mut self, key: &str, sketch: &mut Sketch) {
        self.hashes.clear();
        if key.is_ascii() {
            let b = key.as_bytes();
            if b.len() <= SHINGLE {
                self.hashes.push(xxh3_64(b));
            } else {
                self.hashes.extend(b.windows(SHINGLE).map(xxh3_64));
            }
        } else {
            self.starts.clear();
            self.starts.extend(key.char_indices().map(|(i, _)| i));
            self.starts.push(key.len());
            let n = self.starts.len() - 1;
            if n <= SHINGLE {
                self.hashes.push(xxh3_64(key.as_bytes()));
            } else {
                let (b, starts) = (key.as_bytes(), &self.starts);
                self.hashes.extend(
                    starts
                        .iter()
                        .zip(&starts[SHINGLE..])
                        .map(|(&from, &to)| xxh3_64(&b[from..to])),
                );
            }
        }
        sort_hashes(&mut self.hashes, &mut self.scratch);
        // One pass over the hashes in ascending order makes the band keys and the sketch.
        // A hash falls in the band its low bits name, and a band's key is made of its ROWS
        // smallest hashes (one-permutation hashing, with bottom-ROWS in each bin): two texts
        // share a band's key when the smallest shingles of that band are shared, as likely as
        // their similarity to the power ROWS. A band without hashes (a short text) has no key.
        // (Each hash is mixed into its band's key, which keeps the mix only while the band has
        // fewer than ROWS: no branch on which band a hash falls in, which a processor cannot
        // foretell.)
        let mut keys: [u64; BANDS] = std::array::from_fn(|band| band as u64);
        let mut filled = [0usize; BANDS];
        let mins = &mut sketch.mins;
        mins.clear();
        mins.reserve(self.hashes.len().min(SKETCH));
        let mut total = 0u32;
        // (the first hash's neighbour below, which no hash is)
        let mut last = !self.hashes.first().map_or(0, |&h| (h >> 32) as u32);
        for &h in &self.hashes {
            // The sketch is of the high halves, sorted too. (A shingle the text repeats, or
            // two whose hashes share their high half, count once.)
            let m = (h >> 32) as u32;
            if m == last {
                continue;
            }
            last = m;
            total += 1;
            if mins.len() < SKETCH {
                mins.push(m);
            }
            let band = (h % BANDS as u64) as usize;
            let mixed = (keys[band] ^ h).wrapping_mul(MULTIPLIER);
            keys[band] = if filled[band] < ROWS {
                mixed
            } else {
                keys[band]
            };
            filled[band] += 1;
        }
        for band in 0..BANDS {
            // 0 is "no key", which a real key never is.
            let key = murmur_mix(keys[band]) | 1;
            sketch.bands[band] = key * u64::from(filled[band] != 0);
        }
        sketch.total = total;
    }
}

/// An odd constant with its bits spread (2^64 over the golden ratio): a product with it
/// carries every bit of the other factor into the higher ones.
const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

/// MurmurHash3's 64-bit finaliser. (xxh3 of the key's 8 bytes, the crate's, costs 1 % more
/// instructions of a whole run, and more mispredicted branches: 16 calls a text.)
#[inline]
fn murmur_mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

/// Sorts uniform hashes: a text's few hundred by their top bits into buckets, which leaves
/// them nearly sorted, then by insertion (about two moves a hash); many by the library's sort.
fn sort_hashes(v: &mut Vec<u64>, scratch: &mut Vec<u64>) {
    if v.len() < 32 || v.len() > 4096 {
        v.sort_unstable();
        return;
    }
    // About one bucket a hash, at most 256: counting and summing the buckets costs as much as
    // placing the hashes.
    let bits = (usize::BITS - (v.len() - 1).leading_zeros()).min(8);
    let shift = 64 - bits;
    let buckets = 1usize << bits;
    let mut at = [0u32; 256];
    for &h in v.iter() {
        at[(h >> shift) as usize] += 1;
    }
    // Each bucket's count becomes where it starts: the running sum in a register, not read
    // back from the bucket before (a chain of stores and loads, one after the other).
    let mut sum = 0;
    for slot in &mut at[..buckets] {
        let count = *slot;
        *slot = sum;
        sum += count;
    }
    scratch.clear();
    scratch.resize(v.len(), 0);
    for &h in v.iter() {
        let slot = &mut at[(h >> shift) as usize];
        scratch[*slot as usize] = h;
        *slot += 1;
    }
    for i in 1..scratch.len() {
        let h = scratch[i];
        let mut j = i;
        while j > 0 && scratch[j - 1] > h {
            scratch[j] = scratch[j - 1];
            j -= 1;
        }
        scratch[j] = h;
    }
    std::mem::swap(v, scratch);
}

impl Sketch {
    /// Is the sketch the whole shingle set?
    pub fn complete(&self) -> bool {
        self.mins.len() as u32 == self.total
    }

    /// The Jaccard similarity of the two texts' shingle sets: exact when both sketches are
    /// complete, else estimated on the smallest hashes of the union.
    pub fn similarity(&self, other: &Sketch) -> f64 {
        similarity(&self.mins, self.complete(), &other.mins, other.complete())
    }
}

/// [`Sketch::similarity`] on the raw parts.
pub fn similarity(a: &[u32], a_complete: bool, b: &[u32], b_complete: bool) -> f64 {
    if a_complete && b_complete {
        return jaccard(a, |x| x, b, |x| x);
    }
    merge(a, |x| x, a_complete, b, |x| x, b_complete)
}

/// A hash of a complete sketch as it is kept: its high 16 bits. Two different shingles of two
/// texts agree in them once in 65,536 times, so for two texts of at most [`SKETCH`] shingles
/// the expected error of their similarity is below 128·128/65,536 = 0.25 of a shingle in the
/// union, while the sketch takes half the memory.
pub fn short(m: u32) -> u16 {
    (m >> 16) as u16
}

/// [`similarity`] of a complete sketch kept as [`short`] hashes (sorted, with repeats) and
/// another sketch: compared in 16 bits.
pub fn similarity_short(a: &[u16], b: &[u32], b_complete: bool) -> f64 {
    if b_complete {
        return jaccard(a, |x| x, b, short);
    }
    merge(a, |x| x, true, b, short, false)
}

/// [`merge`] of two complete sketches: the hashes both have over those either has, counted
/// without a branch on the hashes (which a processor cannot foretell).
fn jaccard<A: Copy, B: Copy, K: Ord>(
    a: &[A],
    fa: impl Fn(A) -> K,
    b: &[B],
    fb: impl Fn(B) -> K,
) -> f64 {
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        let (x, y) = (fa(a[i]), fb(b[j]));
        both += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    let union = a.len() + b.len() - both;
    if union == 0 {
        1.0
    } else {
        both as f64 / union as f64
    }
}

/// The share of hashes both have among the smallest of their union (all of it when both are
/// complete), the hashes seen through `fa` and `fb`, which keep their order.
fn merge<A: Copy, B: Copy, K: Ord>(
    a: &[A],
    fa: impl Fn(A) -> K,
    a_complete: bool,
    b: &[B],
    fb: impl Fn(B) -> K,
    b_complete: bool,
) -> f64 {
    let k = if a_complete && b_complete {
        usize::MAX
    } else {
        SKETCH
    };
    // An incomplete sketch has all of its SKETCH hashes (as every sketch made here does): the
    // merge below takes exactly SKETCH steps, and only the steps while both sides have hashes
    // count any, so those are taken without a branch on the hashes.
    if (a_complete || a.len() >= SKETCH) && (b_complete || b.len() >= SKETCH) && k == SKETCH {
        let (mut i, mut j, mut both) = (0, 0, 0usize);
        for _ in 0..SKETCH {
            if i == a.len() || j == b.len() {
                break;
            }
            let (x, y) = (fa(a[i]), fb(b[j]));
            both += usize::from(x == y);
            i += usize::from(x <= y);
            j += usize::from(y <= x);
        }
        return both as f64 / SKETCH as f64;
    }
    let (mut i, mut j, mut seen, mut both) = (0, 0, 0usize, 0usize);
    while seen < k && (i < a.len() || j < b.len()) {
        match (a.get(i).map(|&x| fa(x)), b.get(j).map(|&y| fb(y))) {
            (Some(x), Some(y)) if x == y => {
                both += 1;
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => i += 1,
            (Some(_), Some(_)) => j += 1,
            // One sketch ran out: past its last hash, an incomplete sketch knows nothing.
            (Some(_), None) if !b_complete => break,
            (None, Some(_)) if !a_complete => break,
            (Some(_), None) => i += 1,
            (None, Some(_)) => j += 1,
            (None, None) => break,
        }
        seen += 1;
    }
    if seen == 0 {
        1.0
    } else {
        both as f64 / seen as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn shingles(t: &str) -> HashSet<String> {
        let c: Vec<char> = t.chars().collect();
        if c.len() <= SHINGLE {
            return [t.to_string()].into();
        }
        c.windows(SHINGLE).map(|w| w.iter().collect()).collect()
    }

    fn jaccard(a: &str, b: &str) -> f64 {
        let (a, b) = (shingles(a), shingles(b));
        a.intersection(&b).count() as f64 / a.union(&b).count() as f64
    }

    #[test]
    fn short_texts_are_exact() {
        let mut s = Shingler::new();
        let a = "die regierung will die steuern senken";
        let b = "die regierung will die steuern nicht senken";
        let (sa, sb) = (s.sketch(a), s.sketch(b));
        assert!(sa.complete() && sb.complete());
        assert!((sa.similarity(&sb) - jaccard(a, b)).abs() < 1e-9);
        assert_eq!(sa.similarity(&sa), 1.0);
    }

    #[test]
    fn a_text_shorter_than_a_shingle_is_one_shingle() {
        let mut s = Shingler::new();
        let (a, b, c) = (s.sketch("ja"), s.sketch("nein"), s.sketch("ja"));
        assert_eq!(a.total, 1);
        assert_eq!(a.similarity(&b), 0.0);
        assert_eq!(a.similarity(&c), 1.0);
        assert_ne!(a.bands, b.bands);
    }

    #[test]
    fn long_texts_are_estimated_closely() {
        let mut s = Shingler::new();
        let base: Vec<String> = (0..400).map(|i| format!("wort{i}")).collect();
        let a = base.join(" ");
        let b = base[..320].join(" ")
            + " "
            + &(0..80)
                .map(|i| format!("neu{i}"))
                .collect::<Vec<_>>()
                .join(" ");
        let (sa, sb) = (s.sketch(&a), s.sketch(&b));
        assert!(!sa.complete());
        let est = sa.similarity(&sb);
        let truth = jaccard(&a, &b);
        assert!((est - truth).abs() < 0.1, "{est} vs {truth}");
    }

    #[test]
    fn similar_texts_share_a_band() {
        let mut s = Shingler::new();
        let a = s.sketch(
            "the ministry said on monday that ten thousand soldiers had been sent to the border",
        );
        let b = s.sketch("the ministry said on monday that ten thousand soldiers had been sent to the border region");
        assert!(a.bands.iter().any(|k| b.bands.contains(k)));
    }

    proptest::proptest! {
        #[test]
        fn complete_sketches_measure_as_the_merge_does(
            mut a in proptest::collection::vec(0u32..3000, 0..150),
            mut b in proptest::collection::vec(0u32..3000, 0..150),
        ) {
            for v in [&mut a, &mut b] {
                v.sort_unstable();
                v.dedup();
            }
            let merged = merge(&a, |x| x, true, &b, |x| x, true);
            proptest::prop_assert_eq!(similarity(&a, true, &b, true), merged);
            // In 16 bits, with repeats.
            let wide: Vec<u32> = b.iter().map(|&x| x << 10).collect();
            let narrow: Vec<u16> = a.iter().map(|&x| short(x << 10)).collect();
            proptest::prop_assert_eq!(
                similarity_short(&narrow, &wide, true),
                merge(&narrow, |x| x, true, &wide, short, true)
            );
        }

        /// With an incomplete sketch (all SKETCH of its hashes), the merge without branches
        /// gives what a step-by-step merge of the smallest SKETCH hashes of the union gives.
        #[test]
        fn incomplete_sketches_merge_as_step_by_step(
            a in proptest::collection::btree_set(0u32..2000, 1..300),
            b in proptest::collection::btree_set(0u32..2000, 1..300),
        ) {
            let (a, b): (Vec<u32>, Vec<u32>) = (a.into_iter().collect(), b.into_iter().collect());
            // A sketch of more than SKETCH hashes keeps the smallest SKETCH, and is incomplete.
            let keep = |v: &[u32]| (v[..v.len().min(SKETCH)].to_vec(), v.len() <= SKETCH);
            let ((ka, ca), (kb, cb)) = (keep(&a), keep(&b));
            proptest::prop_assume!(!(ca && cb));
            // Reference: the union's smallest SKETCH hashes, of which both sketches must know
            // (a hash past an incomplete sketch's last is unknown to it).
            let mut union: Vec<u32> = ka.iter().chain(&kb).copied().collect();
            union.sort_unstable();
            union.dedup();
            let (mut seen, mut both) = (0usize, 0usize);
            for &h in union.iter().take(SKETCH) {
                let past = |k: &[u32], complete: bool| !complete && h > *k.last().unwrap();
                if past(&ka, ca) || past(&kb, cb) {
                    break;
                }
                seen += 1;
                both += usize::from(ka.binary_search(&h).is_ok() && kb.binary_search(&h).is_ok());
            }
            let want = both as f64 / seen as f64;
            proptest::prop_assert_eq!(similarity(&ka, ca, &kb, cb), want);
        }

        #[test]
        fn hashes_sort_as_the_library_sorts(
            mut v in proptest::collection::vec(proptest::prelude::any::<u64>(), 0..5000),
            small in 0u64..4,
        ) {
            // Some lists of small values too: all in one bucket.
            if small == 0 {
                v.iter_mut().for_each(|h| *h %= 1000);
            }
            let mut want = v.clone();
            want.sort_unstable();
            sort_hashes(&mut v, &mut Vec::new());
            proptest::prop_assert_eq!(v, want);
        }

        /// A complete sketch kept in 16 bits a hash measures as the full hashes do, but for a
        /// rare pair of shingles that agree in their high 16 bits.
        #[test]
        fn short_hashes_measure_as_full_ones(
            words in proptest::collection::vec("[a-zäöü]{1,8}", 1..30),
            cut in 0usize..25,
            added in "[a-z ]{0,30}",
        ) {
            let a = words.join(" ");
            let b = words[..cut.min(words.len())].join(" ") + &added;
            let mut s = Shingler::new();
            let (sa, sb) = (s.sketch(&a), s.sketch(&b));
            // Only a complete sketch is kept short.
            proptest::prop_assume!(sa.complete());
            let short_a: Vec<u16> = sa.mins.iter().map(|&m| short(m)).collect();
            proptest::prop_assert!(short_a.windows(2).all(|w| w[0] <= w[1]));
            let full = sa.similarity(&sb);
            let near = similarity_short(&short_a, &sb.mins, sb.complete());
            if sb.complete() {
                let union = f64::from(sa.total + sb.total) / (1.0 + full);
                proptest::prop_assert!((near - full).abs() * union < 2.5, "{near} vs {full}");
            } else {
                proptest::prop_assert!((near - full).abs() < 0.05, "{near} vs {full}");
            }
            proptest::prop_assert_eq!(similarity_short(&short_a, &sa.mins, sa.complete()), 1.0);
        }
    }
}
