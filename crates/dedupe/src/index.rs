//! `--index FILE`: the state of a run saved, so that a later run (today's crawl) is compared with
//! everything seen before. A binary file, little-endian, with a header that names its version
//! and the settings the features were made with; a file that does not match is refused, never
//! half-read.

use std::io::{self, Read, Write};

use super::{Config, Deduper, Features, Labels, Seen};
use crate::sketch::{Sketch, BANDS, ROWS, SHINGLE, SKETCH};
use crate::text::{Figure, Kind, Mood, Name};

const MAGIC: &[u8] = b"korpus-dedupe index 11\n";

/// A statement's bit and its mood ([`Features::mood`]) in one byte.
fn flags(statement: bool, mood: Mood) -> u8 {
    u8::from(statement) | (mood as u8) << 1
}

/// The mood of [`flags`]' byte.
fn mood(b: u8) -> io::Result<Mood> {
    Mood::from_u8(b >> 1).ok_or_else(|| bad("a damaged mood"))
}

fn kind(b: u8) -> io::Result<Kind> {
    Kind::from_u8(b).ok_or_else(|| bad("a damaged figure"))
}

fn bad(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_string())
}

struct W<'a, T: Write>(&'a mut T);

impl<T: Write> W<'_, T> {
    fn u8(&mut self, v: u8) -> io::Result<()> {
        self.0.write_all(&[v])
    }
    fn u16(&mut self, v: u16) -> io::Result<()> {
        self.0.write_all(&v.to_le_bytes())
    }
    fn u32(&mut self, v: u32) -> io::Result<()> {
        self.0.write_all(&v.to_le_bytes())
    }
    fn u64(&mut self, v: u64) -> io::Result<()> {
        self.0.write_all(&v.to_le_bytes())
    }
    fn f64(&mut self, v: f64) -> io::Result<()> {
        self.u64(v.to_bits())
    }
    fn len(&mut self, n: usize) -> io::Result<()> {
        self.u64(n as u64)
    }
}

struct R<'a, T: Read>(&'a mut T);

impl<T: Read> R<'_, T> {
    fn bytes<const N: usize>(&mut self) -> io::Result<[u8; N]> {
        let mut b = [0u8; N];
        self.0
            .read_exact(&mut b)
            .map_err(|_| bad("the index file ends too early"))?;
        Ok(b)
    }
    fn u8(&mut self) -> io::Result<u8> {
        Ok(self.bytes::<1>()?[0])
    }
    fn u16(&mut self) -> io::Result<u16> {
        Ok(u16::from_le_bytes(self.bytes()?))
    }
    fn u32(&mut self) -> io::Result<u32> {
        Ok(u32::from_le_bytes(self.bytes()?))
    }
    fn u64(&mut self) -> io::Result<u64> {
        Ok(u64::from_le_bytes(self.bytes()?))
    }
    fn f64(&mut self) -> io::Result<f64> {
        Ok(f64::from_bits(self.u64()?))
    }
    /// A count, bounded so that a damaged file cannot ask for all memory at once.
    fn len(&mut self) -> io::Result<usize> {
        let n = self.u64()?;
        usize::try_from(n)
            .ok()
            .filter(|&n| n <= 1 << 40)
            .ok_or_else(|| bad("the index file is damaged (a count out of range)"))
    }
}

/// The settings the saved features depend on.
fn layout() -> [u32; 4] {
    [SHINGLE as u32, SKETCH as u32, BANDS as u32, ROWS as u32]
}

impl Deduper {
    /// Writes the state and the records' labels.
    pub fn save(&self, labels: &Labels, out: &mut impl Write) -> io::Result<()> {
        let mut w = W(out);
        w.0.write_all(MAGIC)?;
        for v in layout() {
            w.u32(v)?;
        }
        w.f64(self.config.threshold)?;
        w.f64(self.config.doc_threshold)?;
        w.u8(u8::from(self.config.exact))?;
        w.u8(u8::from(self.config.guards))?;

        w.len(self.groups.len())?;
        for &g in &self.groups {
            w.u32(g)?;
        }
        w.len(self.seen.len())?;
        for s in &self.seen {
            w.u32(s.record)?;
            w.len(s.mins_at)?;
            w.u16(s.mins_len)?;
            w.u32(s.total)?;
            w.len(s.figures_at)?;
            w.u16(s.figures_len)?;
            w.u32(s.order)?;
            w.u32(s.negations)?;
            w.len(s.names_at)?;
            w.u16(s.names_len)?;
            w.u32(s.name_order)?;
            w.u8(flags(s.statement, s.mood))?;
            w.u32(s.ends)?;
        }
        w.len(self.mins.len())?;
        for &m in &self.mins {
            w.u32(m)?;
        }
        w.len(self.short.len())?;
        for &m in &self.short {
            w.u16(m)?;
        }
        w.len(self.names.len())?;
        for n in &self.names {
            w.u32(n.hash)?;
            w.u32(n.first)?;
            w.u16(n.len)?;
            w.u32(n.bag)?;
        }
        w.len(self.figures.len())?;
        for f in &self.figures {
            w.u32(f.hash)?;
            w.u8(f.kind as u8)?;
        }
        // The maps in key order: the same state gives the same file.
        let mut exact: Vec<(u64, u32)> = self.exact.iter().map(|(&k, &v)| (k, v)).collect();
        exact.sort_unstable();
        w.len(exact.len())?;
        for (k, v) in exact {
            w.u64(k)?;
            w.u32(v)?;
        }
        let mut heads: Vec<(u32, u32)> = self.heads.iter().map(|(&k, &v)| (k, v)).collect();
        heads.sort_unstable();
        w.len(heads.len())?;
        for (k, v) in heads {
            w.u32(k)?;
            w.u32(v)?;
        }
        w.len(labels.text.len())?;
        w.0.write_all(labels.text.as_bytes())?;
        w.len(labels.at.len())?;
        for &(start, len, sentence) in &labels.at {
            w.len(start)?;
            w.u32(len)?;
            w.u32(sentence)?;
        }
        w.0.write_all(MAGIC)
    }

    /// Reads a state saved by [`Deduper::save`], to go on with the settings of `config`. A file
    /// made with other features (another version, exact mode against near mode) is refused.
    pub fn load(config: Config, input: &mut impl Read) -> io::Result<(Deduper, Labels)> {
        let mut r = R(input);
        let magic: Option<[u8; MAGIC.len()]> = r.bytes().ok();
        if magic.as_ref().map(|m| &m[..]) != Some(MAGIC) {
            return Err(bad("not a dedupe index (or one from another version)"));
        }
        for v in layout() {
            if r.u32()? != v {
                return Err(bad("an index made with other shingle or sketch sizes"));
            }
        }
        let (_, _) = (r.f64()?, r.f64()?);
        let exact = r.u8()? != 0;
        let _guards = r.u8()? != 0;
        if exact && !config.exact {
            return Err(bad(
                "an index made with --exact holds no sketches: use it with --exact",
            ));
        }
        let mut d = Deduper::new(config);
        let n = r.len()?;
        d.groups.reserve(n.min(1 << 24));
        for _ in 0..n {
            d.groups.push(r.u32()?);
        }
        let n = r.len()?;
        d.seen.reserve(n.min(1 << 24));
        for _ in 0..n {
            let (record, mins_at, mins_len, total) = (r.u32()?, r.len()?, r.u16()?, r.u32()?);
            let (figures_at, figures_len, order, negations) =
                (r.len()?, r.u16()?, r.u32()?, r.u32()?);
            let (names_at, names_len, name_order, b) = (r.len()?, r.u16()?, r.u32()?, r.u8()?);
            d.seen.push(Seen {
                record,
                mins_at,
                mins_len,
                total,
                figures_at,
                figures_len,
                order,
                negations,
                names_at,
                names_len,
                name_order,
                statement: b & 1 != 0,
                mood: mood(b)?,
                ends: r.u32()?,
            });
        }
        for _ in 0..r.len()? {
            d.mins.push(r.u32()?);
        }
        for _ in 0..r.len()? {
            d.short.push(r.u16()?);
        }
        for _ in 0..r.len()? {
            d.names.push(Name {
                hash: r.u32()?,
                first: r.u32()?,
                len: r.u16()?,
                bag: r.u32()?,
            });
        }
        for _ in 0..r.len()? {
            d.figures.push(Figure {
                hash: r.u32()?,
                kind: kind(r.u8()?)?,
            });
        }
        for _ in 0..r.len()? {
            let (k, v) = (r.u64()?, r.u32()?);
            d.exact.insert(k, v);
        }
        for _ in 0..r.len()? {
            let (k, v) = (r.u32()?, r.u32()?);
            d.heads.insert(k, v);
        }
        let mut labels = Labels::new();
        let text_len = r.len()?;
        let mut text = Vec::new();
        r.0.by_ref().take(text_len as u64).read_to_end(&mut text)?;
        if text.len() != text_len {
            return Err(bad("the index file ends too early"));
        }
        labels.text = String::from_utf8(text).map_err(|_| bad("the index file is damaged"))?;
        for _ in 0..r.len()? {
            labels.at.push((r.len()?, r.u32()?, r.u32()?));
        }
        let end: [u8; MAGIC.len()] = r.bytes()?;
        if end != MAGIC {
            return Err(bad("the index file is damaged (no end mark)"));
        }
        d.check(&labels)?;
        Ok((d, labels))
    }

    /// Every stored position inside its table, so that a damaged file is an error here rather
    /// than a panic later.
    fn check(&self, labels: &Labels) -> io::Result<()> {
        let n = self.groups.len();
        let fits =
            |at: usize, len: usize, total: usize| at.checked_add(len).is_some_and(|e| e <= total);
        let ok = labels.at.len() == n
            && self.groups.iter().all(|&g| (g as usize) < n)
            && self.seen.iter().all(|s| {
                (s.record as usize) < n
                    && fits(
                        s.mins_at,
                        s.mins_len as usize,
                        if s.complete() {
                            self.short.len()
                        } else {
                            self.mins.len()
                        },
                    )
                    && fits(s.figures_at, s.figures_len as usize, self.figures.len())
                    && (s.names_len == u16::MAX
                        || fits(s.names_at, s.names_len as usize, self.names.len()))
            })
            && self.exact.values().all(|&v| (v as usize) < n)
            && self.heads.values().all(|&v| (v as usize) < self.seen.len())
            && labels.at.iter().all(|&(start, len, sentence)| {
                let end = start.checked_add(len as usize + sentence as usize);
                end.is_some_and(|e| e <= labels.text.len())
                    && labels.text.is_char_boundary(start)
                    && labels.text.is_char_boundary(start + len as usize)
                    && end.is_some_and(|e| labels.text.is_char_boundary(e))
            });
        if ok {
            Ok(())
        } else {
            Err(bad("the index file is damaged (a position out of range)"))
        }
    }
}

impl Features {
    /// The features as bytes, for a signature line of a sharded run (`--signatures`).
    pub fn encode(&self, out: &mut Vec<u8>) {
        let mut w = W(out);
        // Writing to a Vec cannot fail.
        let _ = (|| -> io::Result<()> {
            w.u64(self.exact)?;
            w.u32(self.sketch.total)?;
            w.u16(self.sketch.mins.len() as u16)?;
            for &m in &self.sketch.mins {
                w.u32(m)?;
            }
            for &b in &self.sketch.bands {
                w.u64(b)?;
            }
            w.u16(self.figures.len().min(u16::MAX as usize - 1) as u16)?;
            for f in self.figures.iter().take(u16::MAX as usize - 1) {
                w.u32(f.hash)?;
                w.u8(f.kind as u8)?;
            }
            w.u32(self.order)?;
            w.u32(self.negations)?;
            match &self.names {
                None => w.u16(u16::MAX)?,
                Some(names) => {
                    w.u16(names.len().min(u16::MAX as usize - 1) as u16)?;
                    for n in names.iter().take(u16::MAX as usize - 1) {
                        w.u32(n.hash)?;
                        w.u32(n.first)?;
                        w.u16(n.len)?;
                        w.u32(n.bag)?;
                    }
                }
            }
            w.u32(self.name_order)?;
            w.u8(flags(self.statement, self.mood))?;
            w.u32(self.ends)
        })();
    }

    /// Features from [`Features::encode`]'s bytes.
    pub fn decode(mut bytes: &[u8]) -> io::Result<Features> {
        let mut r = R(&mut bytes);
        let exact = r.u64()?;
        let total = r.u32()?;
        let n = r.u16()? as usize;
        let mut mins = Vec::with_capacity(n.min(SKETCH));
        for _ in 0..n {
            mins.push(r.u32()?);
        }
        let mut bands = [0u64; BANDS];
        for b in &mut bands {
            *b = r.u64()?;
        }
        let mut figures = Vec::new();
        for _ in 0..r.u16()? {
            figures.push(Figure {
                hash: r.u32()?,
                kind: kind(r.u8()?)?,
            });
        }
        let order = r.u32()?;
        let negations = r.u32()?;
        let names = match r.u16()? {
            u16::MAX => None,
            n => {
                let mut v = Vec::with_capacity(n as usize);
                for _ in 0..n {
                    v.push(Name {
                        hash: r.u32()?,
                        first: r.u32()?,
                        len: r.u16()?,
                        bag: r.u32()?,
                    });
                }
                Some(v)
            }
        };
        let name_order = r.u32()?;
        let b = r.u8()?;
        let (statement, mood) = (b & 1 != 0, mood(b)?);
        let ends = r.u32()?;
        if !r.0.is_empty() || mins.len() > total as usize {
            return Err(bad("a damaged signature"));
        }
        Ok(Features {
            exact,
            sketch: Sketch { mins, total, bands },
            figures,
            order,
            negations,
            names,
            name_order,
            statement,
            mood,
            ends,
        })
    }
}
