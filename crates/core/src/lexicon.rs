//! Reading the plain-text lexicons every filter keeps under `data/`: one entry a line, a line
//! starting with `#` is a comment, blank lines are skipped, `[name]` opens a section; and
//! lower-casing a word to look it up in them.

/// The entries of a list file, trimmed.
pub fn entries(file: &str) -> impl Iterator<Item = &str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The entries of a list file with the section each stands in (`""` before the first
/// `[name]` line); the section lines themselves are not entries.
pub fn sections(file: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut section = "";
    entries(file).filter_map(
        move |l| match l.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            Some(name) => {
                section = name;
                None
            }
            None => Some((section, l)),
        },
    )
}

/// A word in lower case, for looking it up in a list: borrowed when it is already (most words
/// are), else on the stack when it is short (a capitalised noun), else on the heap. No
/// allocation for nearly every word of a news text.
pub enum Lower<'a> {
    Borrowed(&'a str),
    Short([u8; 24], u8),
    Owned(String),
}

impl AsRef<str> for Lower<'_> {
    fn as_ref(&self) -> &str {
        self
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Lower::Borrowed(s) => s,
            // SAFETY: `lower` fills the first `n` bytes with whole characters, each written
            // by `char::encode_utf8` or copied from ASCII, so they are valid UTF-8.
            Lower::Short(b, n) => unsafe { std::str::from_utf8_unchecked(&b[..*n as usize]) },
            Lower::Owned(s) => s,
        }
    }
}

/// `w` in lower case, without allocating for nearly any word.
pub fn lower(w: &str) -> Lower<'_> {
    let b = w.as_bytes();
    if w.is_ascii() {
        if !b.iter().any(u8::is_ascii_uppercase) {
            return Lower::Borrowed(w);
        }
        if b.len() <= 24 {
            let mut buf = [0u8; 24];
            buf[..b.len()].copy_from_slice(b);
            buf[..b.len()].make_ascii_lowercase();
            return Lower::Short(buf, b.len() as u8);
        }
        return Lower::Owned(w.to_ascii_lowercase());
    }
    if w.len() > 24 {
        // Long: borrowed when nothing in it changes for sure, else lowered on the heap.
        if w.chars()
            .all(|c| c <= '\u{00ff}' && !matches!(c, 'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ'))
        {
            return Lower::Borrowed(w);
        }
        return Lower::Owned(w.to_lowercase());
    }
    // Into a buffer on the stack: ASCII bytes and Latin-1 letters (the German and French ones)
    // by their code, any other character through `to_lowercase`; a capital sigma lower-cases
    // by its place in the word, which only `to_lowercase` knows.
    let mut buf = [0u8; 24];
    let mut n = 0;
    let mut changed = false;
    let mut i = 0;
    while i < b.len() {
        if b[i] < 0x80 {
            if n == buf.len() {
                return Lower::Owned(w.to_lowercase());
            }
            buf[n] = b[i].to_ascii_lowercase();
            changed |= buf[n] != b[i];
            n += 1;
            i += 1;
            continue;
        }
        let c = w[i..].chars().next().unwrap_or('\0');
        i += c.len_utf8();
        let l = match c {
            'À'..='Ö' | 'Ø'..='Þ' => char::from_u32(c as u32 + 32).unwrap_or(c),
            '\u{0080}'..='\u{00ff}' => c,
            'Σ' => return Lower::Owned(w.to_lowercase()),
            _ => {
                // "İ" lower-cases to two characters.
                let lc = c.to_lowercase();
                if lc.len() == 1 {
                    lc.into_iter().next().unwrap_or(c)
                } else {
                    changed = true;
                    for l in lc {
                        if n + l.len_utf8() > buf.len() {
                            return Lower::Owned(w.to_lowercase());
                        }
                        n += l.encode_utf8(&mut buf[n..]).len();
                    }
                    continue;
                }
            }
        };
        changed |= l != c;
        if n + l.len_utf8() > buf.len() {
            return Lower::Owned(w.to_lowercase());
        }
        n += l.encode_utf8(&mut buf[n..]).len();
    }
    if !changed {
        return Lower::Borrowed(w);
    }
    Lower::Short(buf, n as u8)
}

/// A list of words for lookups that mostly miss ("is this word a cue verb?", asked of nearly
/// every word of a text): a hash set behind a filter of one bit for each length, first and
/// last byte that its words have, which turns most other words away without hashing them.
#[derive(Clone, Debug, Default)]
pub struct WordSet(WordMap<()>);

/// [`WordSet`]'s filter in front of a map from words to what the lists say of them.
#[derive(Clone, Debug)]
pub struct WordMap<V> {
    map: rustc_hash::FxHashMap<String, V>,
    filter: Box<[u64; FILTER_WORDS]>,
}

const FILTER_WORDS: usize = 64;

/// A word's bit in the filter: its length, first and last byte, mixed.
#[inline]
fn filter_bit(w: &[u8]) -> usize {
    let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
        return 0;
    };
    filter_bit_parts(w.len(), first, last)
}

#[inline]
fn filter_bit_parts(len: usize, first: u8, last: u8) -> usize {
    let key = (len as u32 & 0xff) | (first as u32) << 8 | (last as u32) << 16;
    (key.wrapping_mul(0x9E37_79B1) >> 20) as usize % (FILTER_WORDS * 64)
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap {
            map: Default::default(),
            filter: Box::new([0; FILTER_WORDS]),
        }
    }
}

impl<V> WordMap<V> {
    /// What the map holds for `w`, exactly as written.
    #[inline]
    pub fn get(&self, w: &str) -> Option<&V> {
        if !self.may_contain(w) {
            return None;
        }
        self.map.get(w)
    }

    /// The map's own copy of `w`, and what it holds for it.
    #[inline]
    pub fn get_key_value(&self, w: &str) -> Option<(&str, &V)> {
        if !self.may_contain(w) {
            return None;
        }
        self.map.get_key_value(w).map(|(k, v)| (k.as_str(), v))
    }

    #[inline]
    pub fn contains_key(&self, w: &str) -> bool {
        self.get(w).is_some()
    }

    /// False when `w` in lower case is surely not in the map. Read from `w` as written when
    /// lower-casing keeps its length, first and last byte: it is ASCII, or has only Latin-1
    /// letters between an ASCII first and last byte (true when unsure).
    #[inline]
    pub fn may_contain_lower(&self, w: &str) -> bool {
        let b = w.as_bytes();
        let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
            return self.may_contain(w);
        };
        // (lead bytes up to 0xC3 start the characters up to U+00FF)
        if !first.is_ascii() || !last.is_ascii() || b.iter().any(|&c| c >= 0xC4) {
            return true;
        }
        let bit = filter_bit_parts(
            b.len(),
            first.to_ascii_lowercase(),
            last.to_ascii_lowercase(),
        );
        self.filter[bit / 64] >> (bit % 64) & 1 != 0
    }

    /// False when `w` is surely not in the map.
    #[inline]
    pub fn may_contain(&self, w: &str) -> bool {
        let bit = filter_bit(w.as_bytes());
        self.filter[bit / 64] >> (bit % 64) & 1 != 0
    }

    pub fn insert(&mut self, w: String, v: V) -> Option<V> {
        self.admit(&w);
        self.map.insert(w, v)
    }

    /// What the map holds for `w`, to change; the entry made with `V::default()` if none.
    pub fn entry_or_default(&mut self, w: &str) -> &mut V
    where
        V: Default,
    {
        self.admit(w);
        self.map.entry(w.to_string()).or_default()
    }

    /// Sets `w`'s bit in the filter.
    fn admit(&mut self, w: &str) {
        let bit = filter_bit(w.as_bytes());
        self.filter[bit / 64] |= 1 << (bit % 64);
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.map.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.map.keys().map(String::as_str)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.map.values()
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

impl<V> FromIterator<(String, V)> for WordMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> Self {
        let mut map = WordMap::default();
        for (w, v) in iter {
            map.insert(w, v);
        }
        map
    }
}

impl<'a, V> IntoIterator for &'a WordMap<V> {
    type Item = (&'a str, &'a V);
    type IntoIter = Box<dyn Iterator<Item = (&'a str, &'a V)> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl<'a> IntoIterator for &'a WordSet {
    type Item = &'a str;
    type IntoIter = Box<dyn Iterator<Item = &'a str> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl<V> std::ops::Index<&str> for WordMap<V> {
    type Output = V;

    fn index(&self, w: &str) -> &V {
        self.get(w).expect("a word of the map")
    }
}

impl WordSet {
    /// Whether `w` is in the list, exactly as written.
    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        self.0.contains_key(w)
    }

    /// The list's own copy of `w`.
    #[inline]
    pub fn get(&self, w: &str) -> Option<&str> {
        self.0.get_key_value(w).map(|(k, _)| k)
    }

    /// Whether `w` in lower case is in the list: for a word the filter turns away, without
    /// lower-casing it.
    #[inline]
    pub fn contains_lower(&self, w: &str) -> bool {
        self.may_contain_lower(w) && self.contains(&lower(w))
    }

    /// See [`WordMap::may_contain_lower`].
    #[inline]
    pub fn may_contain_lower(&self, w: &str) -> bool {
        self.0.may_contain_lower(w)
    }

    pub fn insert(&mut self, w: String) {
        self.0.insert(w, ());
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.keys()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        WordSet(iter.into_iter().map(|w| (w, ())).collect())
    }
}

impl<'a> FromIterator<&'a str> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'a str>>(iter: I) -> Self {
        iter.into_iter().map(str::to_string).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_agrees_with_to_lowercase() {
        let words = [
            "sagte",
            "Sagte",
            "ÄUSSERUNG",
            "Bürgermeisterin",
            "İstanbul",
            "ẞ",
            "Bundesverfassungsgerichtspräsidentin",
            "DONAUDAMPFSCHIFFFAHRTSGESELLSCHAFT",
            "ΟΔΥΣΣΕΥΣ",
            "",
        ];
        for w in words {
            assert_eq!(&*lower(w), w.to_lowercase(), "{w}");
        }
        assert!(matches!(lower("sagte"), Lower::Borrowed(_)));
        assert!(matches!(lower("größer"), Lower::Borrowed(_)));
        assert!(matches!(lower("Äußerung"), Lower::Short(..)));
    }

    proptest::proptest! {
        #[test]
        fn lower_is_to_lowercase(w in "\\PC{0,30}", latin in "[a-zA-ZÀ-ÿßẞİΣσ-]{0,30}") {
            proptest::prop_assert_eq!(&*lower(&w), w.to_lowercase());
            proptest::prop_assert_eq!(&*lower(&latin), latin.to_lowercase());
        }

        #[test]
        fn lower_grows_past_its_buffer(n in 0usize..14, tail in "[a-zA-Z]{0,12}") {
            // "İ" is two bytes and lower-cases to three
            let w = "İ".repeat(n) + &tail;
            proptest::prop_assert_eq!(&*lower(&w), w.to_lowercase());
        }
    }

    proptest::proptest! {
        #[test]
        fn word_set_filter_never_turns_a_member_away(w in "\\PC{1,12}", v in "[a-zA-ZÀ-ÿİẞ]{1,12}") {
            for x in [&w, &v] {
                let l = lower(x).to_string();
                let set: WordSet = [l.clone()].into_iter().collect();
                proptest::prop_assert!(set.contains(&l) && set.contains_lower(x));
            }
        }
    }

    #[test]
    fn word_set_finds_its_words_and_only_them() {
        let set: WordSet = ["sagte", "betonte", "von", "ä", "x"].into_iter().collect();
        for w in ["sagte", "betonte", "von", "ä", "x"] {
            assert!(set.contains(w), "{w}");
            assert_eq!(set.get(w), Some(w));
        }
        for w in ["", "Sagte", "sagt", "sagtes", "vom", "a", "betonten"] {
            assert!(!set.contains(w), "{w}");
        }
        assert_eq!(set.len(), 5);
        for w in ["Sagte", "SAGTE", "Von", "Ä", "X"] {
            assert!(set.contains_lower(w) && set.may_contain_lower(w), "{w}");
        }
        for w in ["Sagt", "Vom", "Ö", "Betontes"] {
            assert!(!set.contains_lower(w), "{w}");
        }
        assert!(WordSet::default().is_empty() && !WordSet::default().contains(""));
    }

    #[test]
    fn comments_blanks_and_sections() {
        let file = "# a list\n\n eins \n[zwei]\n# note\nb c\n[drei]\nd\n";
        assert_eq!(
            entries(file).collect::<Vec<_>>(),
            ["eins", "[zwei]", "b c", "[drei]", "d"]
        );
        assert_eq!(
            sections(file).collect::<Vec<_>>(),
            [("", "eins"), ("zwei", "b c"), ("drei", "d")]
        );
    }
}
