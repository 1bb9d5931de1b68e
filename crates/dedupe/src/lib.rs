//! `dedupe`: exact and near-duplicate records of a stream, the first copy kept.
//!
//! Each record's text becomes a [`Features`]: the hash of its normalised key (exact copies), a
//! bottom-k sketch of its character 5-grams with MinHash band keys (near copies), and what the
//! guards compare (figures, negations, names). The [`Deduper`] holds, per record seen, only
//! these: memory grows with the number of records, not with their length.
//!
//! A record is a copy of an earlier one when their normalised keys are equal, or when it shares
//! a band key with the earliest record that has that key, their similarity reaches the
//! threshold, and no guard tells them apart. It then belongs to that record's group, whose first
//! record is the one kept. The verdict depends only on the input order.

pub mod cli;
mod index;
pub mod shard;
pub mod sketch;
pub mod text;

use std::borrow::Cow;
use std::collections::hash_map::Entry;

use normalize::boilerplate::Boilerplate;
use normalize::then;
use rustc_hash::FxHashMap;
use sketch::{Shingler, Sketch, BANDS};
use text::{Figure, Mood, Name, Words};
use xxhash_rust::xxh3::xxh3_64;

/// A text of at most this many words on one line is a statement: one name more or less makes
/// another statement ("…, sagte Scholz"), and so does a negation more or less. In a longer text
/// a name or a negation more is an edit (a paragraph added, a byline), and names misread by OCR
/// are many.
pub const STATEMENT_WORDS: usize = 60;

/// A document whose 5-grams lie, this share of them or more, inside another's is a copy of it
/// (a version cut short, or one a paragraph was added to), unless it is shorter than
/// [`CONTAINED_SIZE`] of the other: a teaser is not a copy of the full story.
pub const CONTAINED: f64 = 0.9;

/// The least size, in distinct 5-grams, of the contained document against the other's.
pub const CONTAINED_SIZE: f64 = 0.5;

/// The 5-grams one slip of a character (one typed or misread, left out, doubled, or two
/// swapped) takes from a text, and gives it, at most: those that overlap it. Two statements
/// that differ by no more, and not in their first or last [`text::ENDS`] characters, are one
/// slip apart: a copy however short they are (a slip in a statement of 20 5-grams leaves it
/// 0.54 similar). At either end of a text fewer 5-grams overlap a character, so that another
/// first or last word can cost no more than a slip inside.
pub const SLIP: u32 = 6;

/// The least size, in distinct 5-grams, of two statements one slip apart that are copies:
/// below it, one character more or less is too much of the text ("ja" and "na").
pub const SLIP_SIZE: u32 = 20;

/// How records are compared.
#[derive(Clone, Copy, Debug)]
pub struct Config {
    /// The least similarity (Jaccard of character 5-grams, 0 to 1) of two statements (see
    /// [`STATEMENT_WORDS`]) that are copies.
    pub threshold: f64,
    /// The same for documents: a paragraph added or cut, a byline, costs a document more of its
    /// 5-grams than a typo costs a sentence.
    pub doc_threshold: f64,
    /// Normalised exact copies only.
    pub exact: bool,
    /// Figures, negations and names must agree.
    pub guards: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            threshold: 0.8,
            doc_threshold: 0.72,
            exact: false,
            guards: true,
        }
    }
}

/// What a record is compared by.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Features {
    /// Hash of the normalised key.
    pub exact: u64,
    pub sketch: Sketch,
    /// The figures, sorted (at most `u16::MAX - 1`).
    pub figures: Vec<Figure>,
    /// Of a statement, the order of its figures in digits ([`text::figures`]); else 0.
    pub order: u32,
    pub negations: u32,
    /// The names of a statement, sorted; `None` for a longer text, or one in capitals only.
    pub names: Option<Vec<Name>>,
    /// Of a statement, the order of its names ([`Words::names`]); else 0.
    pub name_order: u32,
    /// A statement (see [`STATEMENT_WORDS`]).
    pub statement: bool,
    /// Of a statement, whether it asks or tells; else [`Mood::Open`].
    pub mood: Mood,
    /// Of a statement whose sketch is complete, a hash of the first and the last characters of
    /// its key, which a slip ([`SLIP`]) must leave alone; else 0.
    pub ends: u32,
}

/// Turns texts into [`Features`], with buffers reused across a stream.
#[derive(Default)]
pub struct Analyzer {
    words: Words,
    furniture: Boilerplate,
    shingler: Shingler,
    key: String,
    /// Room for a key rewritten (see [`text::sharp_s_as_ss`]), kept between records.
    spare: String,
}

impl Analyzer {
    pub fn new() -> Self {
        Self::default()
    }

    /// The features of `text`; with `exact_only` just the exact hash.
    pub fn features(&mut self, text: &str, exact_only: bool) -> Features {
        let mut f = Features::default();
        self.features_into(text, exact_only, &mut f);
        f
    }

    /// [`Analyzer::features`] into `f`, whose buffers it reuses: a stream of records is read
    /// with no allocation a record.
    pub fn features_into(&mut self, text: &str, exact_only: bool, f: &mut Features) {
        text::key(text, &mut self.key);
        let exact = xxh3_64(self.key.as_bytes());
        if exact_only {
            // (no buffer to keep: only this is ever filled)
            *f = Features {
                exact,
                ..Features::default()
            };
            return;
        }
        f.exact = exact;
        // Similarity is on the story: without lines of web furniture (cookie and newsletter
        // notices, share buttons: `normalize --drop-boilerplate`'s lexicon), which say nothing
        // of it, so that two stories with the same furniture are not alike for it; without
        // agencies' credits ("(dpa)") and a closing picture credit ("Foto: dpa"); with the
        // characters a scraper left as references ("&quot;", "&nbsp;"); and with a word broken
        // over a line ("Ver-\nhandlungen", as print and OCR have it) whole. The exact key keeps
        // what the text says.
        let lines = text.contains('\n');
        let story = if lines {
            self.furniture.drop_lines(text)
        } else {
            Cow::Borrowed(text)
        };
        // And with mojibake repaired ("fÃ¼r" is "für": a page read in the wrong charset), as
        // `normalize` repairs it; without the
        // HTML tags a scraper left ("<p>…</p>"); with "%" and "€" as words
        // ([`text::signs_as_words`]); and with character references decoded (most texts have
        // no "&", and some one alone). Each copies the text only when it changes it.
        let story = then(story, normalize::mojibake::repair);
        let story = then(story, text::drop_tags);
        let story = then(story, text::signs_as_words);
        let story = then(story, normalize::entities::decode);
        let story = self.words.drop_credits(story);
        if story.len() != text.len() || (lines && story.contains("-\n")) {
            text::key(&story.replace("-\n", ""), &mut self.key);
        }
        // And with "ß" as "ss": Swiss papers write it so, capitals too ("WEISS" for "Weiß"),
        // and the old spelling has "daß" for "dass".
        text::sharp_s_as_ss(&mut self.key, &mut self.spare);
        text::per_cent_as_percent(&mut self.key, &mut self.spare);
        self.shingler.sketch_into(&self.key, &mut f.sketch);
        let words = self.key.bytes().filter(|&b| b == b' ').count() + 1;
        f.statement = words <= STATEMENT_WORDS && !(lines && text.trim().contains('\n'));
        f.ends = if f.statement && f.sketch.complete() {
            text::ends(&self.key)
        } else {
            0
        };
        f.order = text::figures(&story, f.statement, &mut f.figures);
        f.mood = if f.statement {
            Mood::of(&story)
        } else {
            Mood::Open
        };
        // Number words are figures too ("drei Tote"; a document's compared apart from its
        // digits, see [`text::figures_differ`]).
        f.negations = self.words.negations_and_figures(&self.key, &mut f.figures);
        // (names of a statement not in capitals only, told by the story: "<p>POLICE SAID…")
        if f.statement && story.chars().any(char::is_lowercase) {
            f.name_order = self
                .words
                .names(&story, f.names.get_or_insert_with(Vec::new));
        } else {
            f.names = None;
            f.name_order = 0;
        }
    }
}

/// Why two texts are, or are not, copies.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Why {
    /// The same normalised words.
    Exact,
    /// Similar enough.
    Similar,
    /// A document (nearly) all inside the other, and not much smaller: cut short, or with a
    /// paragraph added ([`CONTAINED`]).
    Contained,
    /// Statements one slip of a character apart ([`SLIP`]).
    Slip,
    /// Similar enough, but the figures differ.
    Figures,
    /// Similar enough, but one negates what the other says.
    Negation,
    /// Similar enough, but one says the opposite in a word ("stieg" and "sank").
    Direction,
    /// Similar enough, but one asks what the other tells.
    Question,
    /// Similar enough, but they name different people.
    Names,
    /// Similar enough, but they name the same in another order: who did what to whom.
    Roles,
    /// Not similar enough.
    Below,
}

impl Why {
    /// Whether it makes a copy: the same words, similar, contained, or a slip apart.
    pub fn is_copy(self) -> bool {
        matches!(self, Why::Exact | Why::Similar | Why::Contained | Why::Slip)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Why::Exact => "same words",
            Why::Similar => "similar",
            Why::Contained => "contained in the other",
            Why::Slip => "one slip apart",
            Why::Figures => "figures differ",
            Why::Negation => "negation differs",
            Why::Direction => "direction differs",
            Why::Question => "one asks, the other tells",
            Why::Names => "names differ",
            Why::Roles => "names in another order",
            Why::Below => "below threshold",
        }
    }
}

/// The verdict on one record.
///
/// Records are numbered as the state keeps them: every record but an exact copy (of which
/// nothing is kept: no later record is ever compared with it) gets the next number
/// ([`Verdict::kept`]). So memory grows with the distinct records only, and a caller that keeps
/// labels (ids) for the records keeps them for the kept records, by the same numbers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Verdict {
    /// The first of its kind.
    New,
    /// A copy: `of` is the number of its group's first record, `matched` of the record it was
    /// found similar to, `score` their similarity.
    Copy {
        of: u64,
        matched: u64,
        score: f64,
        why: Why,
    },
}

impl Verdict {
    /// Whether the record is kept in the state, and so has the next number: all but exact
    /// copies.
    pub fn kept(&self) -> bool {
        !matches!(
            self,
            Verdict::Copy {
                why: Why::Exact,
                ..
            }
        )
    }
}

/// What is kept of a record that can be a candidate later: one that is the first with some
/// band key.
#[derive(Clone, Debug)]
struct Seen {
    /// The record's number.
    record: u32,
    /// Where its sketch is: in `short` when complete (`mins_len == total`), else in `mins`.
    mins_at: usize,
    mins_len: u16,
    total: u32,
    figures_at: usize,
    figures_len: u16,
    /// [`Features::order`].
    order: u32,
    negations: u32,
    names_at: usize,
    /// Names count; `u16::MAX` for a long text (no names compared).
    names_len: u16,
    /// [`Features::name_order`].
    name_order: u32,
    statement: bool,
    /// [`Features::mood`].
    mood: Mood,
    /// [`Features::ends`].
    ends: u32,
}

impl Seen {
    /// Is its sketch the whole shingle set (and so kept in `short`)?
    fn complete(&self) -> bool {
        u32::from(self.mins_len) == self.total
    }
}

/// The streaming state: every record kept (see [`Verdict`]), by its features.
#[derive(Debug, Default)]
pub struct Deduper {
    config: Config,
    /// Exact key → the number of the first record with it.
    exact: FxHashMap<u64, u32>,
    /// Band key (its low 32 bits: a collision only adds a candidate, which is then compared) →
    /// the candidate that is the first record with it (a position in `seen`).
    heads: FxHashMap<u32, u32>,
    /// Per record kept: its group's first record.
    groups: Vec<u32>,
    /// The candidates, in the order of their records.
    seen: Vec<Seen>,
    /// Incomplete sketches (bottom-k of a long text).
    mins: Vec<u32>,
    /// Complete sketches, each hash in 16 bits ([`sketch::short`]): most texts are short.
    short: Vec<u16>,
    names: Vec<Name>,
    figures: Vec<Figure>,
}

/// A record that a record is compared with (a position among the candidates).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Candidate(u32);

/// A record's comparisons with the records kept before a point ([`Deduper::prejudge`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Prejudged {
    /// How many candidates there were then.
    seen: u32,
    /// The bands whose keys had no first record then (bits).
    missing: u32,
    /// The best of the comparisons with them.
    best: Option<Comparison>,
}

/// One comparison: the candidate's record number, the similarity and the outcome.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Comparison {
    pub with: u64,
    pub score: f64,
    pub why: Why,
}

impl Deduper {
    pub fn new(config: Config) -> Self {
        Deduper {
            config,
            ..Default::default()
        }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Records kept.
    pub fn len(&self) -> u64 {
        self.groups.len() as u64
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    fn mins(&self, s: &Seen) -> &[u32] {
        &self.mins[s.mins_at..s.mins_at + s.mins_len as usize]
    }

    fn short(&self, s: &Seen) -> &[u16] {
        &self.short[s.mins_at..s.mins_at + s.mins_len as usize]
    }

    fn figures(&self, s: &Seen) -> &[Figure] {
        &self.figures[s.figures_at..s.figures_at + s.figures_len as usize]
    }

    fn names(&self, s: &Seen) -> Option<&[Name]> {
        (s.names_len != u16::MAX)
            .then(|| &self.names[s.names_at..s.names_at + s.names_len as usize])
    }

    /// Compares `f` with a candidate.
    pub fn compare(&self, with: Candidate, f: &Features) -> Comparison {
        let s = &self.seen[with.0 as usize];
        let score = if s.complete() {
            sketch::similarity_short(self.short(s), &f.sketch.mins, f.sketch.complete())
        } else {
            sketch::similarity(self.mins(s), false, &f.sketch.mins, f.sketch.complete())
        };
        let statements = s.statement && f.statement;
        let threshold = if statements {
            self.config.threshold
        } else {
            self.config.doc_threshold
        };
        // How it is a copy, if no guard says otherwise: similar, (documents) contained, or
        // (statements, each 5-gram known) a slip apart.
        let matched = if score >= threshold {
            Why::Similar
        } else if !statements && contained(score, s.total, f.sketch.total) {
            Why::Contained
        } else if statements
            && s.ends != 0
            && s.ends == f.ends
            && one_slip(score, s.total, f.sketch.total)
        {
            Why::Slip
        } else {
            Why::Below
        };
        let why = if matched == Why::Below || !self.config.guards {
            matched
        } else if text::figures_differ(self.figures(s), &f.figures, statements)
            || (statements
                && text::figures_reordered(self.figures(s), &f.figures, s.order, f.order))
        {
            Why::Figures
        } else if s.negations != f.negations && statements {
            Why::Negation
        } else if statements && text::directions_differ(self.figures(s), &f.figures) {
            Why::Direction
        } else if statements && s.mood.differs(f.mood) {
            Why::Question
        } else if let (Some(a), Some(b)) = (self.names(s), f.names.as_deref()) {
            if text::names_differ(a, b, true) {
                Why::Names
            } else if text::names_reordered(a, b, s.name_order, f.name_order) {
                Why::Roles
            } else {
                matched
            }
        } else {
            matched
        };
        Comparison {
            with: u64::from(s.record),
            score,
            why,
        }
    }

    /// Whether the candidate and `f` differ so much in size that they cannot be copies, told
    /// without comparing their sketches: the similarity of two complete sketches is at most
    /// the smaller's share of the larger, and a document contained in another is at least
    /// [`CONTAINED_SIZE`] of it. (In a stream of sentences a third of the candidates are only
    /// that.)
    fn too_unequal(&self, with: Candidate, f: &Features) -> bool {
        let s = &self.seen[with.0 as usize];
        if !s.complete() || !f.sketch.complete() {
            return false;
        }
        let (a, b) = (f64::from(s.total), f64::from(f.sketch.total));
        let least = if s.statement && f.statement {
            if (a - b).abs() <= f64::from(SLIP) {
                // (a slip apart, maybe)
                return false;
            }
            self.config.threshold
        } else {
            self.config.doc_threshold.min(CONTAINED_SIZE)
        };
        a.min(b) < least * a.max(b)
    }

    /// The earlier records `f` is compared with: the first record of each of its band keys, in
    /// their order.
    pub fn candidates(&self, f: &Features) -> Vec<Candidate> {
        let (mut heads, _) = self.heads_of(f);
        heads.sorted().to_vec()
    }

    /// The first record of each of `f`'s band keys, and the bands whose keys have none (bits).
    fn heads_of(&self, f: &Features) -> (Candidates, u32) {
        let mut found = Candidates::default();
        let mut missing = 0;
        for (band, &k) in f.sketch.bands.iter().enumerate() {
            if k == 0 {
                continue;
            }
            match self.heads.get(&(k as u32)) {
                Some(&h) => found.push(Candidate(h)),
                None => missing |= 1 << band,
            }
        }
        (found, missing)
    }

    /// Makes candidate `at` the first record of each of `f`'s band keys in `bands` (bits) that
    /// has none, and gives whether it is of any; `other` takes the first record of each of
    /// the others.
    fn claim(
        &mut self,
        f: &Features,
        bands: u32,
        at: u32,
        mut other: impl FnMut(Candidate),
    ) -> bool {
        let mut head = false;
        for (band, &k) in f.sketch.bands.iter().enumerate() {
            if k == 0 || bands & (1 << band) == 0 {
                continue;
            }
            match self.heads.entry(k as u32) {
                Entry::Occupied(h) if *h.get() != at => other(Candidate(*h.get())),
                Entry::Occupied(_) => {}
                Entry::Vacant(v) => {
                    v.insert(at);
                    head = true;
                }
            }
        }
        head
    }

    /// Judges the next record and remembers it.
    pub fn push(&mut self, f: &Features) -> Verdict {
        self.push_judged(f, self.prejudge(f))
    }

    /// The part of `f`'s verdict that the records kept so far give: its comparisons with
    /// them. No later record changes it: a band key's first record stays its first, and what
    /// is kept of a record never changes. It takes `&self`, so that the records of a batch
    /// are compared on many threads with the records kept before the batch, and then each is
    /// [`Deduper::push_judged`] in input order: [`Deduper::push`] is the two at once.
    pub fn prejudge(&self, f: &Features) -> Prejudged {
        let mut pre = Prejudged {
            seen: self.seen.len() as u32,
            missing: 0,
            best: None,
        };
        if self.config.exact || self.exact.contains_key(&f.exact) {
            return pre;
        }
        let (mut heads, missing) = self.heads_of(f);
        pre.missing = missing;
        pre.best = self.best_of(heads.sorted(), f, None);
        pre
    }

    /// [`Deduper::push`] of a record that [`Deduper::prejudge`] compared with the records
    /// kept up to some point before it: it is compared here with those kept since, the first
    /// records of its band keys that had none then, looked up as they are remembered.
    pub fn push_judged(&mut self, f: &Features, pre: Prejudged) -> Verdict {
        let me = self.groups.len() as u32;
        match self.exact.entry(f.exact) {
            Entry::Occupied(e) => {
                let e = *e.get();
                return Verdict::Copy {
                    of: u64::from(self.groups[e as usize]),
                    matched: u64::from(e),
                    score: 1.0,
                    why: Why::Exact,
                };
            }
            Entry::Vacant(v) => {
                v.insert(me);
            }
        }
        if self.config.exact {
            self.groups.push(me);
            return Verdict::New;
        }
        // (a key that had a first record then has the same one now)
        let at = self.seen.len() as u32;
        let mut since = Candidates::default();
        let head = self.claim(f, pre.missing, at, |c| since.push(c));
        // (they come after those `pre` compared with, in the order of `candidates`)
        let verdict = self.verdict(self.best_of(since.sorted(), f, pre.best));
        self.groups.push(match verdict {
            Verdict::Copy { of, .. } => of as u32,
            Verdict::New => me,
        });
        if head {
            self.store(f, me);
        }
        verdict
    }

    /// The most similar of `candidates` (in their order, after `best`) that no guard rejects;
    /// of equals, the earliest.
    fn best_of(
        &self,
        candidates: &[Candidate],
        f: &Features,
        mut best: Option<Comparison>,
    ) -> Option<Comparison> {
        // What is kept of the candidates lies anywhere in memory: read a little of each first,
        // loads that do not wait for each other, so that their cache misses overlap instead of
        // coming one a comparison.
        if candidates.len() > 1 {
            let mut touch = 0u32;
            for c in candidates {
                let s = &self.seen[c.0 as usize];
                // (`get`: an empty sketch, from a damaged index, has no first hash)
                touch ^= if s.complete() {
                    self.short.get(s.mins_at).map_or(0, |&h| u32::from(h))
                } else {
                    self.mins.get(s.mins_at).copied().unwrap_or(0)
                };
            }
            std::hint::black_box(touch);
        }
        for &c in candidates {
            if self.too_unequal(c, f) {
                continue;
            }
            let cmp = self.compare(c, f);
            if cmp.why.is_copy() && best.is_none_or(|b| cmp.score > b.score) {
                best = Some(cmp);
            }
        }
        best
    }

    /// The verdict given the best comparison.
    fn verdict(&self, best: Option<Comparison>) -> Verdict {
        match best {
            Some(b) => Verdict::Copy {
                of: u64::from(self.groups[b.with as usize]),
                matched: b.with,
                score: b.score,
                why: b.why,
            },
            None => Verdict::New,
        }
    }

    /// The verdict on `f` given only the records it can be compared with, in ordinal order:
    /// the first record of each of its band keys and the first with its exact key (those
    /// before it). These are exactly the records [`Deduper::push`] looks up in a stream, so the
    /// verdict is the same, except that `of` and `matched` index `earlier` (no two of which are
    /// exact copies of each other). This is the verification step of a reduce that groups
    /// records by key on a cluster.
    pub fn judge_among(config: Config, earlier: &[Features], f: &Features) -> Verdict {
        let mut d = Deduper::new(config);
        for e in earlier {
            d.remember(e, &Verdict::New);
        }
        d.push(f)
    }

    fn remember(&mut self, f: &Features, verdict: &Verdict) {
        if !verdict.kept() {
            return;
        }
        // Numbers are 32-bit: four billion distinct records a run (and a saved index).
        let me = self.groups.len() as u32;
        self.groups.push(match verdict {
            Verdict::New => me,
            Verdict::Copy { of, .. } => *of as u32,
        });
        self.exact.entry(f.exact).or_insert(me);
        if self.config.exact {
            return;
        }
        // Only a record first with some band key is ever a candidate: the others keep nothing.
        let at = self.seen.len() as u32;
        if self.claim(f, u32::MAX, at, |_| {}) {
            self.store(f, me);
        }
    }

    /// Keeps what is compared of record `me`, the first with some band key: a candidate.
    fn store(&mut self, f: &Features, me: u32) {
        let mins = &f.sketch.mins;
        let mins_at = if f.sketch.complete() {
            let at = self.short.len();
            self.short.extend(mins.iter().map(|&m| sketch::short(m)));
            at
        } else {
            let at = self.mins.len();
            self.mins.extend_from_slice(mins);
            at
        };
        let figures = &f.figures[..f.figures.len().min(u16::MAX as usize - 1)];
        let figures_at = self.figures.len();
        self.figures.extend_from_slice(figures);
        let (names_at, mut names_len) = (self.names.len(), u16::MAX);
        if let Some(n) = &f.names {
            let n = &n[..n.len().min(u16::MAX as usize - 1)];
            self.names.extend_from_slice(n);
            names_len = n.len() as u16;
        }
        self.seen.push(Seen {
            record: me,
            mins_at,
            mins_len: mins.len() as u16,
            total: f.sketch.total,
            figures_at,
            figures_len: figures.len() as u16,
            order: f.order,
            negations: f.negations,
            names_at,
            names_len,
            name_order: f.name_order,
            statement: f.statement,
            mood: f.mood,
            ends: f.ends,
        });
    }
}

/// At most one candidate a band, kept without allocating.
struct Candidates {
    found: [Candidate; BANDS],
    n: usize,
}

impl Default for Candidates {
    fn default() -> Self {
        Candidates {
            found: [Candidate(0); BANDS],
            n: 0,
        }
    }
}

impl Candidates {
    fn push(&mut self, c: Candidate) {
        self.found[self.n] = c;
        self.n += 1;
    }

    /// Each once, in their order (the order of their records).
    fn sorted(&mut self) -> &[Candidate] {
        let found = &mut self.found[..self.n];
        found.sort_unstable();
        let mut n = 0;
        for i in 0..found.len() {
            if i == 0 || found[i] != found[n - 1] {
                found[n] = found[i];
                n += 1;
            }
        }
        &found[..n]
    }
}

/// Whether of two documents with `a` and `b` distinct 5-grams and similarity `j` (Jaccard) the
/// smaller lies inside the larger ([`CONTAINED`]) and is not much smaller ([`CONTAINED_SIZE`]).
pub fn contained(j: f64, a: u32, b: u32) -> bool {
    let (small, large) = (f64::from(a.min(b)), f64::from(a.max(b)));
    if small == 0.0 || small < CONTAINED_SIZE * large {
        return false;
    }
    shared(j, a, b) >= CONTAINED * small
}

/// How many 5-grams two texts of `a` and `b` distinct ones and similarity `j` (Jaccard) have
/// in common: j·|A∪B|, with |A∪B| = (|A| + |B|) / (1 + j).
fn shared(j: f64, a: u32, b: u32) -> f64 {
    j * (f64::from(a) + f64::from(b)) / (1.0 + j)
}

/// Whether two texts of `a` and `b` distinct 5-grams and similarity `j` (exact: both complete)
/// are one slip apart: each has at most [`SLIP`] 5-grams the other has not, and both have at
/// least [`SLIP_SIZE`].
pub fn one_slip(j: f64, a: u32, b: u32) -> bool {
    if a.min(b) < SLIP_SIZE {
        return false;
    }
    // (whole, but for the rounding of j)
    let shared = shared(j, a, b).round() as u32;
    a.saturating_sub(shared) <= SLIP && b.saturating_sub(shared) <= SLIP
}

/// How the output names each record kept: its `id` (or `FILE:LINE`) and `sentence`, as JSON
/// text, in one buffer.
#[derive(Debug, Default)]
pub struct Labels {
    text: String,
    /// Per record kept (see [`Verdict`]): where its id starts, and its sentence (JSON) after
    /// it, if any.
    at: Vec<(usize, u32, u32)>,
}

impl Labels {
    pub fn new() -> Self {
        Self::default()
    }

    /// Remembers the next record's id and sentence (JSON text each).
    pub fn push(&mut self, id_json: &str, sentence_json: Option<&str>) {
        let start = self.text.len();
        self.text.push_str(id_json);
        let sentence = sentence_json.map_or(0, |s| {
            self.text.push_str(s);
            s.len() as u32
        });
        self.at.push((start, id_json.len() as u32, sentence));
    }

    /// The id (JSON text) of record `n`.
    pub fn id(&self, n: u64) -> &str {
        let (start, len, _) = self.at[n as usize];
        &self.text[start..start + len as usize]
    }

    /// The sentence (JSON text) of record `n`, if it had one.
    pub fn sentence(&self, n: u64) -> Option<&str> {
        let (start, len, s) = self.at[n as usize];
        let from = start + len as usize;
        (s > 0).then(|| &self.text[from..from + s as usize])
    }

    pub fn len(&self) -> usize {
        self.at.len()
    }

    pub fn is_empty(&self) -> bool {
        self.at.is_empty()
    }
}

#[cfg(test)]
mod tests;
